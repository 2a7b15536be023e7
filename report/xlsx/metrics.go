package xlsx

import (
	"math"
	"strings"
	"sync"

	"github.com/golang/freetype/truetype"
	"golang.org/x/image/math/fixed"

	"github.com/migprofile/migprofile/layouts"
)

// Text is measured with Liberation Sans, whose advance widths are Arial's
// (it was drawn to be metrically compatible), so that a row is as high as
// the lines its text wraps to in Excel or LibreOffice, not a guess.

// Excel's units: a column's width counts the digits of the default font
// (Arial 12: a digit is 9 pixels), plus 5 pixels of padding; a point is
// 4/3 pixel.
const (
	digitPixels   = 9
	columnPadding = 5
	pixelsPerPt   = 4.0 / 3
)

// advances are the widths of Latin runes in em, regular and bold; other
// runes count as wideRune.
type advances struct {
	regular, bold [latinEnd]float64
}

const (
	latinEnd = 0x250 // Basic Latin to Latin Extended-B
	wideRune = 0.6   // em, for a rune outside the table
)

var sansAdvances = sync.OnceValue(func() *advances {
	a := &advances{}
	for i, ttf := range [][]byte{layouts.Sans.Regular, layouts.Sans.Bold} {
		dst := &a.regular
		if i == 1 {
			dst = &a.bold
		}
		f, err := truetype.Parse(ttf)
		if err != nil {
			for r := range dst {
				dst[r] = wideRune
			}
			continue
		}
		em := fixed.Int26_6(f.FUnitsPerEm())
		for r := range latinEnd {
			idx := f.Index(rune(r))
			if idx == 0 {
				dst[r] = wideRune
				continue
			}
			dst[r] = float64(f.HMetric(em, idx).AdvanceWidth) / float64(em)
		}
	}
	return a
})

// textEm is the width of s in em, in the regular or bold face.
func textEm(s string, bold bool) float64 {
	a := sansAdvances()
	tab := &a.regular
	if bold {
		tab = &a.bold
	}
	w := 0.0
	for _, r := range s {
		if r >= 0 && r < latinEnd {
			w += tab[r]
		} else {
			w += wideRune
		}
	}
	return w
}

// wrappedLinesAt is how many lines text takes, wrapped at spaces, in a
// column width characters wide, at a font size in points.
func wrappedLinesAt(text string, width, size float64, bold bool) int {
	avail := (width*digitPixels + columnPadding - 4) / (size * pixelsPerPt) // em a line holds
	space := textEm(" ", bold)
	n := 0
	for line := range strings.SplitSeq(text, "\n") {
		n++
		at := 0.0
		for w := range strings.FieldsSeq(line) {
			ww := textEm(w, bold)
			switch {
			case at == 0:
				at = ww
			case at+space+ww <= avail:
				at += space + ww
			default:
				n++
				at = ww
			}
			if at > avail && avail > 0 { // a word longer than a line breaks anywhere
				extra := math.Ceil(at/avail) - 1
				n += int(extra)
				at -= extra * avail
			}
		}
	}
	return max(n, 1)
}
