package linebreak

import (
	"errors"
	"math"
)

// Line is one line of a broken paragraph.
type Line struct {
	// Start and End delimit the items set on the line, items[Start:End].
	// items[End] is the break: a glue (not printed) or a penalty (its
	// Width printed at the line's end, e.g. a hyphen); End == len(items)
	// for the last line of items that do not end with a forced break.
	// Glue and penalties discarded after a break (End < i < next Start)
	// belong to no line.
	Start, End int
	// Ratio is the adjustment ratio: each glue on the line is set to
	// Width + Ratio*Stretch when Ratio >= 0, Width + Ratio*Shrink when
	// Ratio < 0. It is always finite and at least -1, and 0 on a line
	// filled by infinite stretch (the last line of a paragraph), on a line
	// that has no stretch, and in ragged mode.
	Ratio float64
	// Overfull reports a line wider than its width even with every glue
	// shrunk fully (Ratio -1): a box wider than the measure, set alone.
	Overfull bool
	// Underfull reports a line whose spaces stretch past Params.Tolerance,
	// or that is short with nothing to stretch (in ragged mode: short by
	// more than Tolerance·Ragged). Only lines of a paragraph that no set
	// of breaks can keep within Tolerance are ever Underfull.
	Underfull bool
}

// Break chooses where the lines of a paragraph end. Line i is widths[i]
// wide, and every line after the last entry is as wide as that entry (as
// TeX's \parshape); a paragraph of one measure passes one width. The
// paragraph ends at the last item: items that do not end with a forced
// break end with an implicit one (see Finish for the usual end).
//
// Break returns the lines with the least total demerits among those that
// keep to p.Tolerance, else to p.LooseTolerance, else whatever the
// emergency pass can do; it fails only for invalid items, widths or
// params, and returns no lines for no items. Its work is linear in the
// number of items times the number of breaks a line can hold.
func Break(items []Item, widths []float64, p Params) ([]Line, error) {
	if err := p.check(); err != nil {
		return nil, err
	}
	if err := checkWidths(widths); err != nil {
		return nil, err
	}
	if err := checkItems(items); err != nil {
		return nil, err
	}
	if len(items) == 0 {
		return nil, nil
	}
	b := newBreaker(items, widths, p)
	if best, ok := b.run(p.Tolerance, false); ok {
		return b.lines(best), nil
	}
	if p.LooseTolerance > p.Tolerance {
		if best, ok := b.run(p.LooseTolerance, false); ok {
			return b.lines(best), nil
		}
	}
	best, ok := b.run(math.Inf(1), true)
	if !ok { // cannot happen: the emergency pass always has a way on
		return nil, errors.New("linebreak: emergency pass found no breaks")
	}
	return b.lines(best), nil
}

// Fitness classes of the paper: how loose a line is, so that a tight line
// is not set next to a very loose one.
const (
	tight     = 0 // r < -0.5
	decent    = 1 // -0.5 <= r <= 0.5
	loose     = 2 // 0.5 < r <= 1
	veryLoose = 3 // r > 1
)

// fitness returns the fitness class of adjustment ratio r.
func fitness(r float64) int8 {
	switch {
	case r < -0.5:
		return tight
	case r <= 0.5:
		return decent
	case r <= 1:
		return loose
	}
	return veryLoose
}

// maxBadness bounds the badness of a line stretched without limit (or with
// nothing to stretch), which only the emergency pass accepts: far worse than
// any line within tolerance, yet finite so that demerits still add up.
const maxBadness = 1e12

// badness returns TeX's badness of a line of ratio r >= -1: 100·|r|³.
func badness(r float64) float64 {
	if r < 0 {
		r = -r
	}
	if r >= 1e4 { // and +Inf, which would poison the sums
		return maxBadness
	}
	if b := 100 * r * r * r; b < maxBadness {
		return b
	}
	return maxBadness
}
