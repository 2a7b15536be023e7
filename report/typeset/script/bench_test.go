package script

import (
	"bytes"
	"strings"
	"testing"

	"github.com/go-fonts/dejavu/dejavusans"
	"github.com/go-text/typesetting/di"
	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/language"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/math/fixed"
)

const (
	benchTitle = "قانون رقم 02-03 المتعلق بدخول وإقامة الأجانب بالمملكة المغربية وبالهجرة غير المشروعة"
	benchMixed = "Law no. 02-03 (قانون رقم 02-03 المتعلق بدخول وإقامة الأجانب) of 11 November 2003"
	benchLatin = "The Ministry of Malians Abroad and African Integration (MMEIA) was created in 2004 to manage migration."
)

func BenchmarkShapeArabic(b *testing.B) {
	for b.Loop() {
		ShapeArabic(benchTitle)
	}
}

// BenchmarkHarfBuzz shapes the same title with go-text/typesetting and
// DejaVu Sans's OpenType tables, for comparison.
func BenchmarkHarfBuzz(b *testing.B) {
	face, err := font.ParseTTF(bytes.NewReader(dejavusans.TTF))
	if err != nil {
		b.Fatal(err)
	}
	rs := []rune(benchTitle)
	in := shaping.Input{
		Text: rs, RunEnd: len(rs), Direction: di.DirectionRTL, Face: face,
		Size: fixed.I(16), Script: language.Arabic, Language: language.NewLanguage("ar"),
	}
	var shaper shaping.HarfbuzzShaper
	for b.Loop() {
		shaper.Shape(in)
	}
}

func BenchmarkVisual(b *testing.B) {
	for _, bb := range []struct{ name, line string }{
		{"Latin", benchLatin}, {"Mixed", benchMixed}, {"Arabic", benchTitle},
	} {
		b.Run(bb.name, func(b *testing.B) {
			for b.Loop() {
				Visual(bb.line, false)
			}
		})
	}
}

func BenchmarkRuns(b *testing.B) {
	lib, err := TTFCovers(dejavusans.TTF)
	if err != nil {
		b.Fatal(err)
	}
	para := strings.Repeat(benchLatin+" ", 10)
	b.Run("LatinParagraph", func(b *testing.B) {
		for b.Loop() {
			Runs(para, []Covers{liberation, dejavu})
		}
	})
	b.Run("MixedLine", func(b *testing.B) {
		for b.Loop() {
			Runs(benchMixed, []Covers{liberation, dejavu})
		}
	})
	b.Run("TTFCoversCached", func(b *testing.B) {
		for b.Loop() {
			Runs(para, []Covers{lib})
		}
	})
}

func BenchmarkUncovered(b *testing.B) {
	para := strings.Repeat(benchLatin+" ", 10)
	for b.Loop() {
		Uncovered(para, fonts)
	}
}

func BenchmarkTTFCoversFirstLookups(b *testing.B) {
	for b.Loop() {
		c, err := TTFCovers(dejavusans.TTF)
		if err != nil {
			b.Fatal(err)
		}
		for _, r := range benchMixed {
			c(r)
		}
	}
}
