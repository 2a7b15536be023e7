package linebreak

import (
	"fmt"
	"math"
)

// Kind tells what an [Item] is.
type Kind uint8

// The three kinds of item of the Knuth–Plass model.
const (
	// Box is printed and never broken: a word or a fragment of one.
	Box Kind = iota
	// Glue is a space that may stretch or shrink, and where a line may
	// break if a box precedes it.
	Glue
	// Penalty is a possible break with a cost; nothing is printed unless
	// the line breaks there.
	Penalty
)

// String returns the kind's name.
func (k Kind) String() string {
	switch k {
	case Box:
		return "box"
	case Glue:
		return "glue"
	case Penalty:
		return "penalty"
	}
	return fmt.Sprintf("Kind(%d)", uint8(k))
}

// Infinity is the penalty that forbids a break; -Infinity forces one. Any
// larger value (including +Inf) forbids, any smaller one (including -Inf)
// forces, as in TeX, where the same number is 10000.
const Infinity = 10000

// Item is a box, glue or penalty. Widths are in the caller's unit.
type Item struct {
	Kind Kind
	// Width is the box's or glue's natural width; for a penalty, the width
	// added at the end of the line if it breaks there (a hyphen's).
	Width float64
	// Stretch and Shrink say how far a glue may grow and shrink; the
	// adjustment ratio r of a line sets each glue to Width + r*Stretch
	// (r >= 0) or Width + r*Shrink (r < 0). Stretch may be +Inf (the
	// finishing glue of a paragraph); Shrink is finite. Both are ignored
	// in boxes and penalties.
	Stretch, Shrink float64
	// Penalty is the cost of breaking at a penalty item.
	Penalty float64
	// Flagged marks a penalty as a hyphenation: two flagged breaks in a
	// row cost Params.FlaggedDemerits more.
	Flagged bool
}

// NewBox returns a box of width w.
func NewBox(w float64) Item { return Item{Kind: Box, Width: w} }

// NewGlue returns a glue of natural width w that may grow by stretch and
// shrink by shrink.
func NewGlue(w, stretch, shrink float64) Item {
	return Item{Kind: Glue, Width: w, Stretch: stretch, Shrink: shrink}
}

// NewPenalty returns a penalty of cost p that adds width w when broken.
func NewPenalty(w, p float64, flagged bool) Item {
	return Item{Kind: Penalty, Width: w, Penalty: p, Flagged: flagged}
}

// Finish appends what ends a paragraph in TeX: a forbidden break (so that
// the glue after it is no place to break), a glue of infinite stretch that
// fills the last line (set ragged, r = 0), and a forced break. It also ends
// a line at a mandatory break inside a paragraph. A trailing
// glue is dropped first, as TeX drops the space before \par.
func Finish(items []Item) []Item {
	if n := len(items); n > 0 && items[n-1].Kind == Glue {
		items = items[:n-1]
	}
	return append(items,
		NewPenalty(0, Infinity, false),
		NewGlue(0, math.Inf(1), 0),
		NewPenalty(0, -Infinity, false))
}

// forced reports whether a penalty item forces a break.
func (it *Item) forced() bool { return it.Kind == Penalty && it.Penalty <= -Infinity }

// maxMagnitude bounds widths, stretch and shrink, so that the running sums
// of any paragraph stay finite and precise enough (1e12 points is about
// the distance to the Moon).
const maxMagnitude = 1e12

// check returns what is wrong with an item, or nil.
func (it *Item) check() error {
	switch {
	case it.Kind > Penalty:
		return fmt.Errorf("unknown kind %d", it.Kind)
	case !(math.Abs(it.Width) <= maxMagnitude):
		return fmt.Errorf("width %v (must be finite, at most %g)", it.Width, maxMagnitude)
	case math.IsNaN(it.Penalty):
		return fmt.Errorf("penalty %v", it.Penalty)
	case it.Kind != Glue:
		return nil
	case !(it.Stretch >= 0 && (it.Stretch <= maxMagnitude || math.IsInf(it.Stretch, 1))):
		return fmt.Errorf("glue stretch %v (must be 0 or more, at most %g, or +Inf)", it.Stretch, maxMagnitude)
	case !(it.Shrink >= 0 && it.Shrink <= maxMagnitude):
		return fmt.Errorf("glue shrink %v (must be 0 or more, at most %g)", it.Shrink, maxMagnitude)
	}
	return nil
}

// checkItems returns an error naming the first invalid item.
func checkItems(items []Item) error {
	for i := range items {
		if err := items[i].check(); err != nil {
			return fmt.Errorf("linebreak: item %d (%s): %w", i, items[i].Kind, err)
		}
	}
	return nil
}
