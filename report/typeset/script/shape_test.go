package script

import (
	"fmt"
	"strings"
	"testing"
)

// codes writes s as its code points, for readable failures.
func codes(s string) string {
	var b strings.Builder
	for i, r := range s {
		if i > 0 {
			b.WriteByte(' ')
		}
		fmt.Fprintf(&b, "%04X", r)
	}
	return b.String()
}

func TestShapeArabic(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"marhaban", "مرحبا", "\uFEE3\uFEAE\uFEA3\uFE92\uFE8E"},
		{"as-salam: lam-alef after a joining letter", "السلام", "\u0627\uFEDF\uFEB4\uFEFC\u0645"},
		{"lam-alef alone", "لا", "\uFEFB"},
		{"lam-alef with hamza above, below, madda", "لأ لإ لآ", "\uFEF7 \uFEF9 \uFEF5"},
		{"final lam-alef with hamza", "سلأ", "\uFEB3\uFEF8"},
		{"lam-alef with a fatha between: the mark follows the ligature", "لَا", "\uFEFB\u064E"},
		{"harakat are transparent", "مَدْرَسَةٌ", "\uFEE3\u064E\uFEAA\u0652\u0631\u064E\uFEB3\u064E\uFE94\u064C"},
		{"digits break joins", "عام 2010", "\uFECB\uFE8E\u0645 2010"},
		{"Arabic-Indic digits", "سنة ٢٠١٠", "\uFEB3\uFEE8\uFE94 ٢٠١٠"},
		{"tatweel joins both sides", "بـب", "\uFE91\u0640\uFE90"},
		{"ZWJ makes a medial form alone", "\u200Dب\u200D", "\u200D\uFE92\u200D"},
		{"ZWNJ breaks the join", "ب\u200Cب", "\u0628\u200C\u0628"},
		{"hamza joins nothing", "بءب", "\u0628\u0621\u0628"},
		{"Persian letters (Forms-A)", "پیچ", "\uFB58\uFBFF\uFB7B"},
		{"a letter with no presentation form joins nothing", "بڨب", "\u0628\u06A8\u0628"},
		{"Latin is unchanged", "Law no. 02-03", "Law no. 02-03"},
		{"Hebrew is unchanged", "שלום עולם", "שלום עולם"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ShapeArabic(tt.in); got != tt.want {
				t.Errorf("ShapeArabic(%q)\n got %s\nwant %s", tt.in, codes(got), codes(tt.want))
			}
		})
	}
}

func TestUncovered(t *testing.T) {
	latin := Covers(func(r rune) bool { return r < 0x600 }) // like Liberation: Latin to Hebrew
	arabicNoForms := Covers(func(r rune) bool { return r >= 0x600 && r <= 0x6FF })
	fonts := []Covers{latin, arabicNoForms}
	tests := []struct {
		name, in string
		want     []Missing
	}{
		{"an emoji and a CJK character; ZWJ is invisible", "a ب 😀 漢\u200D", []Missing{
			{Offset: 5, Rune: '😀', Form: '😀'},
			{Offset: 10, Rune: '漢', Form: '漢'},
		}},
		{"an Arabic letter alone needs only its nominal form", "ب", nil},
		{"in a word, beh needs initial and final forms the font lacks", "بب", []Missing{
			{Offset: 0, Rune: 'ب', Form: '\uFE91'},
			{Offset: 2, Rune: 'ب', Form: '\uFE90'},
		}},
		{"all covered", "Łódź, İstanbul, Αθήνα, Москва, שלום", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Uncovered(tt.in, fonts)
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("Uncovered(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}
