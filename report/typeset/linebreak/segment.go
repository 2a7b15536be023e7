package linebreak

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rivo/uniseg"
)

// BreakKind tells what kind of line-break opportunity follows a [Segment].
type BreakKind uint8

// The break opportunities after a segment, and the items a caller makes
// for each.
const (
	// BreakAtSpace: a line may break at the segment's trailing Space.
	// Items: Glue measured from Space (TeX's fonts: stretch half of it,
	// shrink a third), which vanishes at a break.
	BreakAtSpace BreakKind = iota
	// BreakDirect: a line may break right after Text, adding nothing:
	// after a hyphen or dash, a slash (URLs break after "/" without a
	// hyphen), an ideograph, a zero-width space. Items: Penalty of width 0
	// and cost 0 (after a hyphen TeX flags the break and costs it 50, so
	// that hyphens do not stack).
	BreakDirect
	// BreakSoftHyphen: Text ends with U+00AD SOFT HYPHEN, a hyphenation
	// point the author wrote. Items: leave the soft hyphen out of the box
	// and add a flagged Penalty with the width of a hyphen, as for the
	// hyphenation points of a dictionary.
	BreakSoftHyphen
	// BreakMandatory: the line must break after the segment (Newline holds
	// the line feed, carriage return, or other line separator). Items: Finish.
	BreakMandatory
	// BreakNone: the segment ends the text; there is no break after it.
	BreakNone
)

// String returns the kind's name.
func (k BreakKind) String() string {
	switch k {
	case BreakAtSpace:
		return "space"
	case BreakDirect:
		return "direct"
	case BreakSoftHyphen:
		return "soft hyphen"
	case BreakMandatory:
		return "mandatory"
	case BreakNone:
		return "none"
	}
	return "BreakKind(?)"
}

// Segment is a piece of text that a line may not break inside, with the
// break opportunity after it. Text + Space + Newline is the segment's text.
type Segment struct {
	// Text is what is printed. It may hold spaces where Unicode forbids a
	// break (before "!" or "»", as in French "Attention !").
	Text string
	// Space is the trailing white space: the glue at a BreakAtSpace.
	Space string
	// Newline is the trailing line terminator of a BreakMandatory.
	Newline string
	// Break is the opportunity after the segment.
	Break BreakKind
}

// Segments splits text at its line-break opportunities, as Unicode's line
// breaking algorithm (UAX #14, implemented by github.com/rivo/uniseg)
// defines them, never inside a grapheme cluster. The segments concatenate
// to text; an empty text has none.
//
// A caller builds items from them: for each segment, a Box for Text (split
// by the flagged penalties of its hyphenation points, from a hyphenation
// package: this package knows no language), then the items its Break kind
// names, and Finish at the end. UAX #14 finds no break inside a word, so
// hyphenation points are the only breaks the caller adds.
//
// uniseg v0.4.7 follows Unicode 15.0, which still lets a line break
// between "«" and a following space (Unicode 15.1 forbids it): French text
// should keep its guillemets with U+202F or U+00A0, as typographers do.
func Segments(text string) []Segment {
	if belowCombining(text) {
		return segments(text, nextByRunes)
	}
	return segments(text, nextByClusters)
}

// segments splits text with next, which finds where each segment ends.
func segments(text string, next func(text string, start, state int) (int, bool, int)) []Segment {
	if text == "" {
		return nil
	}
	segs := make([]Segment, 0, len(text)/6+1)
	for start, state := 0, -1; start < len(text); {
		var end int
		var must bool
		end, must, state = next(text, start, state)
		for cut, hard := minusBreak(text[start:end]); cut > 0; cut, hard = minusBreak(text[start:end]) {
			segs = append(segs, newSegment(text[start:start+cut], hard, false))
			start += cut
		}
		segs = append(segs, newSegment(text[start:end], must, end == len(text)))
		start = end
	}
	return segs
}

// nextByClusters returns the end of the segment of text that begins at
// start, whether a break is mandatory there, and uniseg's state. It walks
// grapheme clusters, so it never breaks inside one (UAX #14, section 8.2,
// example 6), at the cost of running uniseg's four state machines.
func nextByClusters(text string, start, state int) (int, bool, int) {
	rest := text[start:]
	for len(rest) > 0 {
		var boundaries int
		_, rest, boundaries, state = uniseg.StepString(rest, state)
		if br := boundaries & uniseg.MaskLine; br != uniseg.LineDontBreak || len(rest) == 0 {
			return len(text) - len(rest), br == uniseg.LineMustBreak, state
		}
	}
	return len(text), true, state
}

// nextByRunes is nextByClusters for text where every grapheme cluster is
// one rune (or CR LF, which UAX #14 keeps together too), three times as
// fast: it runs the line-break state machine only.
func nextByRunes(text string, start, state int) (int, bool, int) {
	_, rest, must, state := uniseg.FirstLineSegmentInString(text[start:], state)
	return len(text) - len(rest), must, state
}

// belowCombining reports whether text is valid UTF-8 below U+0300, where
// combining marks begin: there no character extends a grapheme cluster
// (Latin, with every European letter precomposed), so line breaks cannot
// fall inside one. In UTF-8 such runes start with a byte below 0xCC.
func belowCombining(text string) bool {
	for i := 0; i < len(text); i++ {
		if text[i] >= 0xCC {
			return false
		}
	}
	return utf8.ValidString(text)
}

// minusBreak works around a bug in uniseg v0.4.7: its look-ahead for LB25
// ("do not break between a hyphen-minus and a digit") also swallows the
// break before a hyphen-minus that precedes a digit, so "see -5" and even
// "a\n-5" came out as one segment. It returns where s must be cut before
// such a "-" (and whether the break there is mandatory), or 0: after a
// line terminator (LB4, LB5), after a zero-width space and any spaces
// (LB8), or after spaces (LB18) unless they follow opening punctuation
// (LB14).
func minusBreak(s string) (cut int, must bool) {
	for k := 1; k+1 < len(s); k++ {
		if s[k] != '-' {
			continue
		}
		if d, _ := utf8.DecodeRuneInString(s[k+1:]); !unicode.IsDigit(d) {
			continue
		}
		before := strings.TrimRight(s[:k], " ")
		last, _ := utf8.DecodeLastRuneInString(before)
		switch {
		case before == s[:k] && isNewline(last):
			return k, true
		case last == '\u200b':
			return k, false
		case before != s[:k] && (before == "" || !isOpen(last)):
			return k, false
		}
	}
	return 0, false
}

// isOpen approximates UAX #14's class OP: opening punctuation.
func isOpen(r rune) bool {
	return unicode.Is(unicode.Ps, r) || r == '¡' || r == '¿'
}

// newSegment splits s into text, trailing space and line terminator, and
// names the break after it; last is the text's final segment, must tells
// that UAX #14 requires a break after it.
func newSegment(s string, must, last bool) Segment {
	text := strings.TrimRightFunc(s, isNewline)
	seg := Segment{Newline: s[len(text):]}
	seg.Text = strings.TrimRightFunc(text, isSpace)
	seg.Space = text[len(seg.Text):]
	switch {
	case seg.Newline != "" || (must && !last):
		seg.Break = BreakMandatory
	case last:
		seg.Break = BreakNone
	case seg.Space != "":
		seg.Break = BreakAtSpace
	case strings.HasSuffix(seg.Text, "\u00ad"):
		seg.Break = BreakSoftHyphen
	default:
		seg.Break = BreakDirect
	}
	return seg
}

// isNewline reports the characters after which UAX #14 requires a break
// (classes BK, CR, LF, NL).
func isNewline(r rune) bool {
	switch r {
	case '\n', '\r', '\v', '\f', '\u0085', '\u2028', '\u2029':
		return true
	}
	return false
}

// isSpace reports the spaces after which UAX #14 allows a break (class SP
// and the breaking spaces of class BA); no-break spaces (U+00A0, U+2007,
// U+202F) are not among them and stay inside Text.
func isSpace(r rune) bool {
	switch {
	case r == ' ', r == '\t', r == '\u1680', r == '\u205f', r == '\u3000':
		return true
	case r >= '\u2000' && r <= '\u200a':
		return r != '\u2007'
	}
	return false
}
