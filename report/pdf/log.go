package pdf

import (
	"fmt"
	"strings"
)

// layoutLog describes the page model for tests: the page count, the
// outline, and each page's text lines in the order they are drawn (which
// is the order text extraction returns), then its boxes: figures and
// fills with their place and size in mm, and the number of rules.
func (d *doc) layoutLog() string {
	var b strings.Builder
	fmt.Fprintf(&b, "pages: %d\n", len(d.pages))
	b.WriteString("outline:\n")
	for _, m := range d.marks {
		if m.outline && m.page >= 0 {
			fmt.Fprintf(&b, "  %s%s [p%d]\n", strings.Repeat("  ", m.level), m.title, m.page+1)
		}
	}
	for i, pg := range d.pages {
		fmt.Fprintf(&b, "\n== page %d ==\n", i+1)
		for _, l := range pageLines(pg) {
			b.WriteString(l)
			b.WriteByte('\n')
		}
		b.WriteString(pageBoxes(pg))
	}
	return b.String()
}

// pageLines joins the text runs of each logical line of pg.
func pageLines(pg *page) []string {
	var out []string
	var cur strings.Builder
	var id int32 = -1
	for _, o := range pg.ops {
		if o.kind != opText {
			continue
		}
		if o.line != id {
			if id != -1 {
				out = append(out, cur.String())
			}
			cur.Reset()
			id = o.line
		} else if o.sep {
			cur.WriteByte(' ')
		}
		cur.WriteString(o.text)
	}
	if id != -1 {
		out = append(out, cur.String())
	}
	return out
}

// pageBoxes lists pg's figures and fills, and counts its rules.
func pageBoxes(pg *page) string {
	var b strings.Builder
	rules := 0
	for _, o := range append(append([]op(nil), pg.under...), pg.ops...) {
		switch o.kind {
		case opFigure:
			fmt.Fprintf(&b, "[figure at %.0f,%.0f %.0f×%.0f]\n", o.x, o.y, o.w, o.h)
		case opRect:
			fmt.Fprintf(&b, "[fill at %.0f,%.0f %.0f×%.0f]\n", o.x, o.y, o.w, o.h)
		case opLine:
			rules++
		}
	}
	fmt.Fprintf(&b, "[%d rules]\n", rules)
	return b.String()
}
