package linebreak

import (
	"errors"
	"fmt"
	"math"
)

// Params weigh the choice of breaks. The demerits of a line are
// (LinePenalty + badness)² plus the square of the break's penalty (subtracted
// for a negative penalty), plus the extra demerits below; the badness of a
// line whose adjustment ratio is r is 100·|r|³, TeX's measure of how far its
// spaces are from their natural width. Break minimises the paragraph's sum.
type Params struct {
	// Tolerance is the largest adjustment ratio a line may have: the cap
	// on stretch. With glue that stretches by half a space (TeX's fonts,
	// and what this package's callers should give), 2 lets a space grow
	// to at most twice its natural width. Break keeps to it whenever any
	// set of breaks can.
	Tolerance float64
	// LooseTolerance is the cap of the second pass, run only when no set of
	// breaks keeps to Tolerance; 0 (or anything not above Tolerance) skips
	// that pass. Lines above Tolerance are reported Underfull.
	LooseTolerance float64
	// LinePenalty is added to each line's badness: it makes fewer lines
	// better (TeX's \linepenalty, 10).
	LinePenalty float64
	// FlaggedDemerits are added when two lines in a row end at flagged
	// penalties: stacked hyphens (TeX's \doublehyphendemerits, 10000).
	FlaggedDemerits float64
	// FinalHyphenDemerits are added when the last-but-one line ends at a
	// flagged penalty (TeX's \finalhyphendemerits, 5000).
	FinalHyphenDemerits float64
	// FitnessDemerits are added when two adjacent lines are of fitness
	// classes that are not neighbours (a very loose line next to a decent
	// or tight one, or a tight next to a loose), so that spacing does not
	// jump from line to line (TeX's \adjdemerits, 10000).
	FitnessDemerits float64
	// Ragged, when above 0, sets the text ragged-right: the stretch and
	// shrink of every finite glue are ignored (spaces keep their natural
	// width) and each line may instead fall short of its width, with
	// stretch Ragged at its end (TeX's \rightskip=0pt plus Ragged). The
	// tolerances then bound the shortfall: at most Tolerance·Ragged. A
	// third of the measure is a good value. Lines report Ratio 0.
	Ragged float64
}

// DefaultParams returns TeX's demerits with a cap of twice the natural
// space in the first pass (given glue that stretches by half a space),
// three times in the second, then the emergency pass.
func DefaultParams() Params {
	return Params{
		Tolerance:           2,
		LooseTolerance:      4,
		LinePenalty:         10,
		FlaggedDemerits:     10000,
		FinalHyphenDemerits: 5000,
		FitnessDemerits:     10000,
	}
}

// check returns what is wrong with p, or nil.
func (p *Params) check() error {
	bad := func(x float64) bool { return math.IsNaN(x) || math.IsInf(x, 0) || x < 0 }
	switch {
	case bad(p.Tolerance) || p.Tolerance == 0:
		return fmt.Errorf("linebreak: tolerance %v (must be above 0 and finite)", p.Tolerance)
	case bad(p.LooseTolerance):
		return fmt.Errorf("linebreak: loose tolerance %v", p.LooseTolerance)
	case bad(p.LinePenalty) || bad(p.FlaggedDemerits) || bad(p.FinalHyphenDemerits) || bad(p.FitnessDemerits):
		return errors.New("linebreak: demerits must be finite and 0 or more")
	case bad(p.Ragged):
		return fmt.Errorf("linebreak: ragged stretch %v", p.Ragged)
	}
	return nil
}

// checkWidths returns an error unless every line width is above 0 and
// at most maxMagnitude.
func checkWidths(widths []float64) error {
	if len(widths) == 0 {
		return errors.New("linebreak: no line width")
	}
	for i, w := range widths {
		if !(w > 0 && w <= maxMagnitude) {
			return fmt.Errorf("linebreak: line %d: width %v (must be above 0, at most %g)", i, w, maxMagnitude)
		}
	}
	return nil
}

// MinJustifiedChars is the narrowest measure, in average characters, that
// ShouldRag still lets be justified.
const MinJustifiedChars = 30

// ShouldRag reports whether text in a measure of the given width should be
// set ragged-right rather than justified, given the average width of a
// character of its font and size (the width of a representative lower-case
// string divided by its length; about half an em in Latin text faces).
//
// The rule: rag when the measure holds fewer than MinJustifiedChars
// average characters. Why: justification hides the slack at the end of
// each line in its interword spaces. In Latin-script prose a word and its
// space take about six characters, so a 30-character line has about four
// spaces. A space is about half a character wide and the cap lets it grow
// by its own width, so those four spaces can absorb about two characters
// of slack; total fit with hyphenation can usually find breaks
// that leave no more, but below that each line has three spaces or fewer
// and one awkward word forces gaps past the cap or a hyphen on every other
// line. Ragged-right text has no gaps to open and needs hyphens only to
// avoid very short lines, so in narrow measures it reads better; that is
// also why publishers set narrow columns and table cells ragged.
//
// The second half of the rule is Break's report: when even a wider measure
// cannot be justified within the cap (some returned line is Underfull), the
// caller should break the paragraph again with Params.Ragged set.
func ShouldRag(measure, charWidth float64) bool {
	return !(measure >= MinJustifiedChars*charWidth) // NaN: rag
}
