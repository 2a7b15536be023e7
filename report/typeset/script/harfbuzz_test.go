package script

import (
	"bytes"
	"slices"
	"testing"

	"github.com/go-fonts/dejavu/dejavusans"
	"github.com/go-fonts/dejavu/dejavusansbold"
	"github.com/go-text/typesetting/di"
	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/language"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/math/fixed"
)

// arabicCorpus holds words and phrases of the kind a Maghreb or Middle-East
// profile cites: law titles, institutions, place names, with harakat,
// tatweel, hamza forms, the lam-alef ligatures and Persian letters.
var arabicCorpus = []string{
	"مرحبا", "السلام عليكم", "لا", "لأن", "إلى", "الآن", "لإ", "للاجئين", "سلأ",
	"قانون رقم 02-03 المتعلق بدخول وإقامة الأجانب بالمملكة المغربية وبالهجرة غير المشروعة",
	"الجمهورية الجزائرية الديمقراطية الشعبية", "الجمهورية التونسية", "جمهورية مصر العربية",
	"المملكة الأردنية الهاشمية", "الجمهورية اللبنانية", "ليبيا", "موريتانيا", "مالي",
	"وزارة الداخلية", "المرصد الوطني للهجرة", "الهجرة غير النظامية", "المغتربين",
	"مَدْرَسَةٌ", "كِتَابٌ", "لَا", "بـبـب", "ئؤءة", "پیشنهاد", "گزارش", "چهار", "ژاله",
	"ڤيزا", "عام 2010", "سنة ٢٠١٠", "١٥٪",
}

// shapeWithHarfBuzz shapes s right-to-left with go-text/typesetting (a Go
// port of HarfBuzz) and the font's own GSUB and GPOS tables, and returns
// the glyph ids in logical order.
func shapeWithHarfBuzz(face *font.Face, s string) []font.GID {
	rs := []rune(s)
	in := shaping.Input{
		Text: rs, RunEnd: len(rs), Direction: di.DirectionRTL, Face: face,
		Size: fixed.I(16), Script: language.Arabic, Language: language.NewLanguage("ar"),
	}
	out := (&shaping.HarfbuzzShaper{}).Shape(in)
	ids := make([]font.GID, len(out.Glyphs))
	for i, g := range out.Glyphs {
		ids[len(ids)-1-i] = g.GlyphID
	}
	return ids
}

// TestShapeArabicMatchesHarfBuzz checks that ShapeArabic, drawn through
// DejaVu Sans's cmap as fpdf draws it, gives the very glyphs, in the same
// order, that HarfBuzz chooses with the font's OpenType tables: the same
// joining forms and the same lam-alef ligatures.
func TestShapeArabicMatchesHarfBuzz(t *testing.T) {
	for _, ttf := range [][]byte{dejavusans.TTF, dejavusansbold.TTF} {
		face, err := font.ParseTTF(bytes.NewReader(ttf))
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range arabicCorpus {
			var ours []font.GID
			for _, r := range ShapeArabic(s) {
				g, _ := face.NominalGlyph(r)
				ours = append(ours, g)
			}
			if hb := shapeWithHarfBuzz(face, s); !slices.Equal(ours, hb) {
				t.Errorf("%s (%s):\n ShapeArabic glyphs %v\n HarfBuzz glyphs    %v", s, codes(ShapeArabic(s)), ours, hb)
			}
		}
	}
}
