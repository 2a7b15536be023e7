package pdf

import (
	"fmt"

	"github.com/migprofile/migprofile/report"
	"github.com/migprofile/migprofile/report/typeset/script"
)

// checkCoverage warns about every character of the profile's text that no
// font of the PDF can draw (neither Liberation nor the DejaVu fallback: an
// emoji, a CJK ideograph), naming where it was written and its code point.
// The PDF prints U+FFFD in its place; the Markdown and the workbook keep
// it. A profile that needs such a script brings a font for it (fonts in
// profile.yaml), which is tried after the bundled ones.
func (d *doc) checkCoverage() {
	covers := []script.Covers{
		func(r rune) bool { return d.fonts.runeWidth(serif, r) >= 0 }, // cached; serif is always embedded
		func(r rune) bool { return d.fonts.hasGlyph(fallback, r) },
	}
	for i := range d.fonts.custom {
		covers = append(covers, func(r rune) bool { return d.fonts.hasGlyph(numFaces+face(i), r) })
	}
	type seen struct {
		pos report.Pos
		r   rune
	}
	done := map[seen]bool{}
	d.p.Texts(func(pos report.Pos, path, text string) {
		for _, m := range script.Uncovered(text, covers) {
			if done[seen{pos, m.Rune}] {
				continue
			}
			done[seen{pos, m.Rune}] = true
			d.warnf(pos, path, "%s cannot be printed in the PDF: no font has it, and it prints as \uFFFD", codePoint(m.Rune))
		}
	})
	d.checkFigureCoverage(covers[:2])
}

// checkFigureCoverage warns about the characters of a figure's words that
// only the profile's own fonts have: figures are drawn with the bundled
// fonts alone, and print "?" for them.
func (d *doc) checkFigureCoverage(bundled []script.Covers) {
	if len(d.fonts.custom) == 0 {
		return
	}
	for _, f := range d.p.Figures {
		ds, err := f.Data()
		if err != nil {
			continue
		}
		texts := []string{f.NumberedTitle(d.p.Labels)}
		for _, c := range ds.Categories {
			texts = append(texts, c.Label)
		}
		for _, s := range ds.Series {
			texts = append(texts, s.Name)
		}
		for _, t := range texts {
			if m := script.Uncovered(t, bundled); len(m) > 0 {
				d.warnf(f.Pos, "", "figure %q: %s prints as ? in the figure: figures are drawn with the bundled fonts, not the profile's own", f.ID, codePoint(m[0].Rune))
				break
			}
		}
	}
}

// codePoint names r for a message: "U+1F30D 🌍".
func codePoint(r rune) string {
	if r < ' ' || r == 0x7F {
		return fmt.Sprintf("U+%04X", r)
	}
	return fmt.Sprintf("U+%04X %c", r, r)
}

// hasGlyph reports whether face f has a glyph for r, without adding the
// face to the PDF.
func (fs *fontSet) hasGlyph(f face, r rune) bool {
	_, ok := fs.glyph(f, r)
	return ok
}
