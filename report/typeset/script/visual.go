package script

import (
	"strings"

	"golang.org/x/text/unicode/bidi"
)

// Segment is a stretch of one line with a single embedding level, in the
// order it is drawn from left to right.
type Segment struct {
	// Visual is what to draw, left to right: Arabic shaped into presentation
	// forms; when RTL, the characters reversed and mirrored (an opening
	// parenthesis becomes a closing one); characters without a glyph (bidi
	// controls, joiners, soft hyphens) removed.
	Visual string
	// Logical is the same stretch as it stands in the line, in logical order:
	// the text a reader copies, for the PDF's /ActualText.
	Logical string
	// Start is the byte offset of Logical in the line.
	Start int
	// RTL reports a right-to-left stretch (an odd embedding level).
	RTL bool
}

// Visual reorders one line, already broken out of its paragraph, for
// drawing: it resolves embedding levels with the Unicode Bidirectional
// Algorithm (UAX #9; see bidi.go for the subset) at the paragraph direction
// given, splits the line where the level changes, and returns the segments
// in visual order (rule L2), each shaped and, when right-to-left, reversed
// and mirrored (rule L4). Numbers inside right-to-left text stay
// left-to-right.
//
// Marks stay after their base in logical order, so in a reversed segment
// they come before it, as HarfBuzz orders the glyphs of a right-to-left run:
// the Arabic marks of DejaVu Sans are drawn to the right of the pen, over
// the glyph that follows them (rule L3 is not applied). Liberation's Hebrew
// points are centred on the pen and need the font's GPOS positioning, which
// fpdf does not apply: pointed Hebrew shows its points at the letter's edge.
//
// Levels are resolved on the line alone, not on its whole paragraph: digits
// at the start of a line that follow Arabic at the end of the previous one
// are taken as European digits. The Logical fields, in the order of Start,
// concatenate to line.
func Visual(line string, paragraphRTL bool) []Segment {
	if line == "" {
		return nil
	}
	para := uint8(0)
	if paragraphRTL {
		para = 1
	}
	if para == 0 && !mayBeRTL(line) {
		return []Segment{{Visual: visualText(line, false), Logical: line}}
	}
	rs := []rune(line)
	lv := levels(rs, para)
	segs := splitLevels(line, lv)
	order := make([]uint8, len(segs))
	for i, s := range segs {
		order[i] = s.level
	}
	out := make([]Segment, 0, len(segs))
	for _, i := range reorder(order) {
		s := segs[i]
		out = append(out, Segment{
			Visual:  visualText(s.text, s.level%2 == 1),
			Logical: s.text,
			Start:   s.start,
			RTL:     s.level%2 == 1,
		})
	}
	return out
}

// mayBeRTL reports whether s has a character that could raise a level in a
// left-to-right paragraph: anything outside Latin, Greek, Cyrillic and the
// common punctuation is checked with the Bidi_Class table.
func mayBeRTL(s string) bool {
	for _, r := range s {
		if r < 0x590 || (r >= 0x2000 && r < 0x2066 && r != 0x200F && (r < 0x202A || r > 0x202E)) {
			continue
		}
		p, _ := bidi.LookupRune(r)
		switch p.Class() {
		case bidi.R, bidi.AL, bidi.AN, bidi.RLE, bidi.RLO, bidi.RLI, bidi.FSI:
			return true
		}
	}
	return false
}

// levelRun is a logical stretch of the line at one level.
type levelRun struct {
	text  string
	start int
	level uint8
}

// splitLevels cuts line where the level of its runes changes.
func splitLevels(line string, lv []uint8) []levelRun {
	var runs []levelRun
	start, i := 0, 0
	for pos := range line {
		if i > 0 && lv[i] != lv[i-1] {
			runs = append(runs, levelRun{line[start:pos], start, lv[i-1]})
			start = pos
		}
		i++
	}
	return append(runs, levelRun{line[start:], start, lv[len(lv)-1]})
}

// reorder applies L2 to runs with the given levels: from the highest level
// down to the lowest odd one, every sequence of runs at that level or above
// is reversed. It returns the run indexes in visual order.
func reorder(lv []uint8) []int {
	order := make([]int, len(lv))
	var hi, lo uint8 = 0, 255
	for i, l := range lv {
		order[i] = i
		hi = max(hi, l)
		if l%2 == 1 {
			lo = min(lo, l)
		}
	}
	for level := hi; level >= lo && level > 0; level-- {
		for i := 0; i < len(order); {
			if lv[order[i]] < level {
				i++
				continue
			}
			j := i
			for j < len(order) && lv[order[j]] >= level {
				j++
			}
			for a, b := i, j-1; a < b; a, b = a+1, b-1 {
				order[a], order[b] = order[b], order[a]
			}
			i = j
		}
	}
	return order
}

// visualText returns what to draw for one logical stretch: shaped, and
// reversed with mirrored characters when rtl; without the invisible
// controls.
func visualText(s string, rtl bool) string {
	s = dropControls(ShapeArabic(s))
	if !rtl {
		return s
	}
	rs := []rune(s)
	for a, b := 0, len(rs)-1; a <= b; a, b = a+1, b-1 {
		rs[a], rs[b] = mirror(rs[b]), mirror(rs[a])
	}
	return string(rs)
}

// dropControls removes what has no glyph to draw: the bidi formatting
// characters (LRM, RLM, ALM, the embeddings, overrides and isolates) and the
// boundary neutrals (soft hyphen, zero-width space and joiners, word joiner,
// byte order mark, control characters), which some fonts show as boxes.
func dropControls(s string) string {
	if !strings.ContainsFunc(s, isInvisible) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isInvisible(r) {
			return -1
		}
		return r
	}, s)
}

// isInvisible reports whether r is a bidi formatting character or a
// boundary neutral (Bidi_Class BN).
func isInvisible(r rune) bool {
	if r < 0x80 {
		return r < 0x20 && (r < 0x09 || r > 0x0D) && (r < 0x1C || r > 0x1F) || r == 0x7F
	}
	p, _ := bidi.LookupRune(r)
	switch p.Class() {
	case bidi.BN, bidi.LRE, bidi.RLE, bidi.LRO, bidi.RLO, bidi.PDF, bidi.LRI, bidi.RLI, bidi.FSI, bidi.PDI:
		return true
	}
	return r == '\u061C' || r == '\u200E' || r == '\u200F'
}
