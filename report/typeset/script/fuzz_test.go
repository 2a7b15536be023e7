package script

import (
	"slices"
	"testing"
	"unicode/utf8"
)

var fuzzSeeds = []string{
	"مرحبا", "السلام عليكم", "لا", "لَا", "مَدْرَسَةٌ", "عام 2010", "שלום עולם",
	"Law no. 02-03 (قانون رقم 02-03) of 2003", "بـب", "\u200Dب\u200D", "ب\u200Cب",
	"a\u202Eb\u202Cc", "(\u2067א\u2069)", "פּ", "Łódź İstanbul Αθήνα Москва", "\xff\xfe", "",
}

// unshapeTable maps each presentation form the shaper writes back to the
// letters it stands for.
func unshapeTable() map[rune][]rune {
	m := map[rune][]rune{}
	for i, s := range shapes {
		for _, f := range s.forms {
			if f != 0 {
				m[f] = []rune{rune(0x600 + i)}
			}
		}
	}
	for alef, lig := range lamAlef {
		for _, f := range lig {
			m[f] = []rune{lam, alef}
		}
	}
	return m
}

// letters returns the runes of s with presentation forms written as their
// letters, and each mirrored character as the smaller of the pair, sorted:
// what must survive shaping and reordering.
func letters(s string, unshape map[rune][]rune) []rune {
	var out []rune
	for _, r := range s {
		if base, ok := unshape[r]; ok {
			out = append(out, base...)
			continue
		}
		out = append(out, min(r, mirror(r)))
	}
	slices.Sort(out)
	return out
}

func FuzzShapeArabic(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	unshape := unshapeTable()
	f.Fuzz(func(t *testing.T, s string) {
		got := ShapeArabic(s)
		if !utf8.ValidString(s) {
			return
		}
		if !utf8.ValidString(got) {
			t.Fatalf("ShapeArabic(%q) = %q: invalid UTF-8", s, got)
		}
		if a, b := letters(s, unshape), letters(got, unshape); !slices.Equal(a, b) {
			t.Fatalf("ShapeArabic(%q) = %q: letters %q, want %q", s, got, string(b), string(a))
		}
	})
}

func FuzzVisual(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s, false)
		f.Add(s, true)
	}
	unshape := unshapeTable()
	f.Fuzz(func(t *testing.T, line string, rtl bool) {
		segs := Visual(line, rtl)
		if err := checkLogical(line, segs); err != nil {
			t.Fatal(err)
		}
		if !utf8.ValidString(line) {
			return
		}
		var visual, drawn []rune
		for _, s := range segs {
			visual = append(visual, []rune(s.Visual)...)
		}
		for _, r := range line {
			if !isInvisible(r) {
				drawn = append(drawn, r)
			}
		}
		if a, b := letters(string(drawn), unshape), letters(string(visual), unshape); !slices.Equal(a, b) {
			t.Fatalf("Visual(%q, %v): drawn letters %q, want %q", line, rtl, string(b), string(a))
		}
	})
}
