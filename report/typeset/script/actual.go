package script

import "sync"

// Piece is a part of a segment's Visual text to draw by itself, with the
// logical text it stands for when that differs, for the PDF's /ActualText.
type Piece struct {
	Text   string // what to draw: a part of the visual text (or a zero-width space, see Pieces)
	Actual string // the logical text Text stands for; "" when it is Text itself
}

// Pieces cuts visual text, a Run of a Segment's Visual text, the way the
// PDF should draw it; rtl is the segment's direction. Text of a
// left-to-right segment is one piece. Right-to-left text is cut glyph by
// glyph, and each Arabic presentation form stands for its letter; a
// lam-alef ligature is two pieces: a zero-width space (U+200B, an empty
// glyph of no width in Liberation and DejaVu) standing for the alef, drawn
// at the ligature's left edge, then the ligature standing for the lam.
//
// Why: PDF readers such as poppler (pdftotext, Evince, Okular) read
// right-to-left text by the position of its glyphs, reversing what they
// find, and spread a span's /ActualText evenly over its glyphs from left to
// right. A span over a whole word, or over a ligature standing for two
// letters, therefore comes out backwards; a glyph that stands for one letter
// comes out right. Drawn in one string, a word with harakat also came out
// broken over two lines (poppler 22.12); glyph by glyph it comes out whole.
// Each /ActualText is still the logical text its glyph stands for, as the
// PDF specification asks.
//
// Cut runs, not segments: Runs must see a whole segment to keep spaces and
// punctuation in the font of the words around them.
func Pieces(visual string, rtl bool) []Piece {
	if !rtl {
		return []Piece{{Text: visual}}
	}
	pieces := make([]Piece, 0, len(visual)/2)
	for _, r := range visual {
		switch letters := unshapeForm(r); {
		case letters == "":
			pieces = append(pieces, Piece{Text: string(r)})
		case isLamAlef(r):
			alef := []rune(letters)[1]
			pieces = append(pieces,
				Piece{Text: placeholder, Actual: string(alef)},
				Piece{Text: string(r), Actual: string(lam)})
		default:
			pieces = append(pieces, Piece{Text: string(r), Actual: letters})
		}
	}
	return pieces
}

// unshapeForm returns the letters an Arabic presentation form stands for,
// or "" for any other rune.
func unshapeForm(r rune) string {
	if !isArabicForm(r) {
		return ""
	}
	return formLetters()[r]
}

// formLetters maps every presentation form in the tables to its letters.
var formLetters = sync.OnceValue(func() map[rune]string {
	m := map[rune]string{}
	for i, s := range shapes {
		for _, f := range s.forms {
			if f != 0 {
				m[f] = string(rune(0x600 + i))
			}
		}
	}
	for alef, lig := range lamAlef {
		for _, f := range lig {
			m[f] = string([]rune{lam, alef})
		}
	}
	return m
})

// placeholder is the invisible glyph that carries the alef of a lam-alef
// ligature.
const placeholder = "\u200B"

// isLamAlef reports whether r is one of the lam-alef ligatures.
func isLamAlef(r rune) bool { return r >= 0xFEF5 && r <= 0xFEFC }
