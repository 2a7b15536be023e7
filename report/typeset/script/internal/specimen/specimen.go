// Package specimen sets lines of mixed-script text on one PDF page with
// fpdf, the way the PDF renderer is meant to use package script: it is the
// prototype the script tests check with pdftotext and people look at.
//
// For each line: script.Visual splits it into segments in visual order;
// script.Runs splits each segment's Visual text by font (Liberation Serif,
// then DejaVu Sans for Arabic); script.Pieces cuts each run into what to
// draw at once (right-to-left text glyph by glyph), drawn left to right
// with fpdf.Text. A piece that stands for other text (an Arabic
// presentation form for its letter) is wrapped in a marked-content span
// with that text as /ActualText, so that copying and pdftotext give the
// letters, not the presentation forms that are drawn.
package specimen

import (
	"fmt"
	"io"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"github.com/migprofile/migprofile/layouts"
	"github.com/migprofile/migprofile/report/typeset/script"
)

// Line is one line to set: its text in logical order and the direction of
// the paragraph it belongs to.
type Line struct {
	Text string
	RTL  bool
}

// fontNames are the fpdf names of the fallback list, in order.
var fontNames = []string{"serif", "fallback"}

// Render writes a one-page A4 PDF with the lines, 12 pt, left-to-right
// paragraphs flush left and right-to-left ones flush right.
func Render(w io.Writer, lines []Line) error {
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetCatalogSort(true)
	pdf.SetCreationDate(time.Date(2010, 1, 1, 0, 0, 0, 0, time.UTC))
	pdf.SetModificationDate(time.Date(2010, 1, 1, 0, 0, 0, 0, time.UTC))
	pdf.AddUTF8FontFromBytes(fontNames[0], "", layouts.Serif.Regular)
	pdf.AddUTF8FontFromBytes(fontNames[1], "", layouts.Fallback.Regular)
	var fonts []script.Covers
	for _, ttf := range [][]byte{layouts.Serif.Regular, layouts.Fallback.Regular} {
		c, err := script.TTFCovers(ttf)
		if err != nil {
			return err
		}
		fonts = append(fonts, c)
	}
	pdf.AddPage()
	left, _, right, _ := pdf.GetMargins()
	pageW, _ := pdf.GetPageSize()
	y := 25.0
	for _, l := range lines {
		segs := script.Visual(l.Text, l.RTL)
		x := left
		if l.RTL {
			x = pageW - right - width(pdf, segs, fonts)
		}
		drawLine(pdf, segs, fonts, x, y)
		y += 9
	}
	if err := pdf.Output(w); err != nil {
		return fmt.Errorf("specimen: %w", err)
	}
	return nil
}

// width measures segments as drawn.
func width(pdf *fpdf.Fpdf, segs []script.Segment, fonts []script.Covers) float64 {
	var w float64
	for _, s := range segs {
		for _, r := range script.Runs(s.Visual, fonts) {
			setFont(pdf, r.Font)
			w += pdf.GetStringWidth(r.Text)
		}
	}
	return w
}

// drawLine draws segments left to right from x on the baseline y, run by
// run (one font each) and piece by piece; a piece that stands for other
// text is wrapped in a marked-content span with that text as /ActualText.
func drawLine(pdf *fpdf.Fpdf, segs []script.Segment, fonts []script.Covers, x, y float64) {
	for _, s := range segs {
		for _, r := range script.Runs(s.Visual, fonts) {
			setFont(pdf, r.Font)
			for _, p := range script.Pieces(r.Text, s.RTL) {
				if p.Actual != "" {
					pdf.RawWriteStr(script.BeginActualText(p.Actual))
				}
				pdf.Text(x, y, p.Text)
				x += pdf.GetStringWidth(p.Text)
				if p.Actual != "" {
					pdf.RawWriteStr(script.EndActualText)
				}
			}
		}
	}
}

// setFont selects a font of the fallback list; NoFont draws with the first
// (validate has reported the missing characters).
func setFont(pdf *fpdf.Fpdf, i int) {
	if i == script.NoFont {
		i = 0
	}
	pdf.SetFont(fontNames[i], "", 12)
}
