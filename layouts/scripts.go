package layouts

import (
	"github.com/go-fonts/dejavu/dejavusans"
	"github.com/go-fonts/dejavu/dejavusansbold"
)

// Fallback is the typeface for the text the Liberation fonts cannot draw,
// Arabic above all: DejaVu Sans (Bitstream Vera licence, with public-domain
// additions). It maps the Arabic presentation forms that
// report/typeset/script writes, so fpdf draws joined Arabic through the
// cmap alone; it also has the Greek letters Liberation lacks (U+0370–U+0377,
// U+037F, U+03CF). Its oblique faces have no Arabic, and Arabic is not set
// in italics, so the italic styles use the upright faces. Liberation covers
// Latin (Turkish, Polish, Romanian, Vietnamese), Greek, Cyrillic and Hebrew
// itself; see docs/scripts.md.
var Fallback = Family{
	Name:       "DejaVuSans",
	Regular:    dejavusans.TTF,
	Bold:       dejavusansbold.TTF,
	Italic:     dejavusans.TTF,
	BoldItalic: dejavusansbold.TTF,
}
