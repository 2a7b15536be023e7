package script

import (
	"fmt"
	"sort"
	"strings"
	"testing"
)

// seg is a Segment written compactly for tables: R for right-to-left.
func seg(visual, logical string, start int, rtl bool) Segment {
	return Segment{Visual: visual, Logical: logical, Start: start, RTL: rtl}
}

func TestVisual(t *testing.T) {
	law := "Law no. 02-03 (قانون رقم 02-03) of 2003"
	tests := []struct {
		name string
		line string
		rtl  bool
		want []Segment
	}{
		{"Latin only: one segment, unchanged", "Évolution 1994–2004 (İstanbul, Łódź)", false, []Segment{
			seg("Évolution 1994–2004 (İstanbul, Łódź)", "Évolution 1994–2004 (İstanbul, Łódź)", 0, false),
		}},
		{"Arabic with digits in a left-to-right paragraph: the year stays to the left", "عام 2010", false, []Segment{
			seg("2010", "2010", 7, false),
			seg(" \u0645\uFE8E\uFECB", "عام ", 0, true),
		}},
		{"Hebrew in a right-to-left paragraph", "שלום עולם", true, []Segment{
			seg("םלוע םולש", "שלום עולם", 0, true),
		}},
		{"Hebrew in a left-to-right paragraph", "שלום עולם", false, []Segment{
			seg("םלוע םולש", "שלום עולם", 0, true),
		}},
		// The brackets take the paragraph's direction (N0: the context before
		// "(" is left-to-right); the Arabic digits and the hyphen between them
		// are read right to left, so "02-03" shows as "03-02", as in browsers.
		{"an Arabic law title inside an English sentence", law, false, []Segment{
			seg("Law no. 02-03 (", "Law no. 02-03 (", 0, false),
			seg("03", "03", 36, false),
			seg("-", "-", 35, true),
			seg("02", "02", 33, false),
			seg(" \uFEE2\uFED7\u0631 \u0646\uFEEE\uFEE7\uFE8E\uFED7", "قانون رقم ", 15, true),
			seg(") of 2003", ") of 2003", 38, false),
		}},
		{"brackets in right-to-left text are mirrored", "قانون (الهجرة)", true, []Segment{
			seg("(\u0629\uFEAE\uFEA0\uFEEC\uFEDF\u0627) \u0646\uFEEE\uFEE7\uFE8E\uFED7", "قانون (الهجرة)", 0, true),
		}},
		{"a comparison in Hebrew is mirrored", "א < ב", true, []Segment{
			seg("ב > א", "א < ב", 0, true),
		}},
		{"an English word in a right-to-left paragraph", "قانون law", true, []Segment{
			seg("law", "law", 11, false),
			seg(" \u0646\uFEEE\uFEE7\uFE8E\uFED7", "قانون ", 0, true),
		}},
		{"bidi marks are not drawn but kept for copying (RLM is right-to-left)", "a\u200Fب", false, []Segment{
			seg("a", "a", 0, false),
			seg("\u0628", "\u200Fب", 1, true),
		}},
		{"trailing spaces take the paragraph level (L1)", "שלום  ", false, []Segment{
			seg("םולש", "שלום", 0, true),
			seg("  ", "  ", 8, false),
		}},
		{"empty", "", false, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Visual(tt.line, tt.rtl)
			if g, w := segsString(got), segsString(tt.want); g != w {
				t.Errorf("Visual(%q, %v)\n got %s\nwant %s", tt.line, tt.rtl, g, w)
			}
			if err := checkLogical(tt.line, got); err != nil {
				t.Error(err)
			}
		})
	}
}

// segsString writes segments one a line, the visual text as code points.
func segsString(segs []Segment) string {
	var b strings.Builder
	for _, s := range segs {
		dir := "L"
		if s.RTL {
			dir = "R"
		}
		fmt.Fprintf(&b, "\n\t%s %d %q [%s]", dir, s.Start, s.Logical, codes(s.Visual))
	}
	return b.String()
}

// checkLogical checks that the segments' Logical strings, taken in the
// order of Start, rebuild line: nothing lost, nothing added.
func checkLogical(line string, segs []Segment) error {
	sorted := append([]Segment(nil), segs...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].Start < sorted[j].Start })
	var b strings.Builder
	for _, s := range sorted {
		if s.Start != b.Len() {
			return fmt.Errorf("segment %q starts at %d, want %d", s.Logical, s.Start, b.Len())
		}
		b.WriteString(s.Logical)
	}
	if b.String() != line {
		return fmt.Errorf("logical strings rebuild %q, want %q", b.String(), line)
	}
	return nil
}

func TestPieces(t *testing.T) {
	tests := []struct {
		name   string
		visual string
		rtl    bool
		want   []Piece
	}{
		{"left-to-right text is one piece", "Law no. 02", false, []Piece{{Text: "Law no. 02"}}},
		{"each form stands for its letter; a space for itself", "\uFE8E\uFEA3 ", true, []Piece{
			{Text: "\uFE8E", Actual: "ا"}, {Text: "\uFEA3", Actual: "ح"}, {Text: " "},
		}},
		{"lam-alef: an invisible alef at the ligature's left edge, then the lam", "\uFEFC", true, []Piece{
			{Text: "\u200B", Actual: "ا"}, {Text: "\uFEFC", Actual: "ل"},
		}},
		{"lam-alef with hamza below", "\uFEF9", true, []Piece{
			{Text: "\u200B", Actual: "إ"}, {Text: "\uFEF9", Actual: "ل"},
		}},
		{"Hebrew letters stand for themselves", "םולש", true, []Piece{
			{Text: "ם"}, {Text: "ו"}, {Text: "ל"}, {Text: "ש"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Pieces(tt.visual, tt.rtl)
			if fmt.Sprintf("%+q", got) != fmt.Sprintf("%+q", tt.want) {
				t.Errorf("Pieces(%+q, %v) = %+q, want %+q", tt.visual, tt.rtl, got, tt.want)
			}
		})
	}
}
