package pdf

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode"
)

// finish adds to every page but the cover its running header, its
// footnotes and its footer ("Page N of M").
func (d *doc) finish() {
	g := d.geo
	l := d.p.Labels
	run := d.p.Meta.FullTitle()
	n := len(d.pages)
	for i, pg := range d.pages {
		if pg.cover {
			continue
		}
		nbody := len(pg.ops)
		d.drawNotes(pg)
		hy := g.top - 9
		var head, extra []op
		head = append(head, d.runLine(run, stRunning, g.left, hy, g.tw, false)...)
		head = append(head, op{kind: opLine, x: g.left, y: hy + 2.2, w: g.tw, color: rule, width: 0.2})
		fy := g.ph - 10
		extra = append(extra, op{kind: opLine, x: g.left, y: fy - 4.2, w: g.tw, color: rule, width: 0.2})
		folio := strings.TrimSpace(fmt.Sprintf("%s %d %s %d", l.Page, i+1, l.Of, n))
		fw := d.fonts.width(stRunning.face, stRunning.size, d.fonts.sanitize(stRunning.face, folio))
		if p := d.p.Meta.Project; p != "" {
			pw := d.fonts.width(stRunning.face, stRunning.size, d.fonts.sanitize(stRunning.face, p))
			if pw+fw+8 < g.tw {
				extra = append(extra, d.runLine(p, stRunning, g.left, fy, g.tw, false)...)
			}
		}
		extra = append(extra, d.runLine(folio, stRunning, g.left, fy, g.tw, true)...)
		pg.body = [2]int{len(head), len(head) + nbody}
		tagOps(head, paginationArtifact)
		tagOps(extra, paginationArtifact)
		pg.ops = append(append(head, pg.ops...), extra...)
	}
}

// runLine sets s on one line with its baseline at y, left or right aligned.
func (d *doc) runLine(s string, st style, x, y, w float64, right bool) []op {
	st.right = right
	st.justify = false
	short := d.truncate(s, st, w)
	if short != d.fonts.sanitize(st.face, s) {
		d.warnf(d.p.Meta.Pos, "", "the running header shortens %q to fit one line", brief(s))
	}
	ls := d.breakLines(d.words(plain(short), st), 1e9, 1e9, false)
	if len(ls) == 0 {
		return nil
	}
	return d.lineOps(ls[0], st, x, y, w)
}

// truncate shortens s with an ellipsis so that it fits in w mm.
func (d *doc) truncate(s string, st style, w float64) string {
	s = d.fonts.sanitize(st.face, s)
	if d.fonts.width(st.face, st.size, s) <= w {
		return s
	}
	ell := d.fonts.sanitize(st.face, "…")
	rs := []rune(s)
	lo, hi := 0, len(rs)
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if d.fonts.width(st.face, st.size, string(rs[:mid])+ell) <= w {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return string(rs[:lo]) + ell
}

// emit draws the page model with fpdf and writes the file.
func (d *doc) emit(w io.Writer) error {
	pdf := d.pdf
	m := d.p.Meta
	subject := m.Project
	if subject == "" {
		subject = m.Publisher
	}
	if langTag(m.Language) {
		pdf.SetLang(m.Language)
	}
	std, err := ParseStandard(d.opt.Standard)
	if err != nil {
		return fmt.Errorf("standard: %w", err)
	}
	d.declare(std, metaText(m.FullTitle()), metaText(strings.Join(m.Authors, ", ")), metaText(subject),
		metaText(strings.Join(m.Keywords, ", ")), m.DocumentDate(d.opt.Date))
	pdf.SetDisplayMode("fullpage", "OneColumn")

	var s state
	d.marked = &marker{d: d}
	for i, pg := range d.pages {
		pdf.AddPage()
		s = state{}
		d.marked.page = i
		d.marked.parents = append(d.marked.parents, nil)
		for _, o := range pg.under {
			if err := d.draw(&s, o); err != nil {
				return err
			}
		}
		for j, o := range pg.ops {
			if o.kind == opText && spaceAfter(pg.ops, j) {
				o.text += " "
				if o.actual != "" {
					o.actual += " "
				}
			}
			if err := d.draw(&s, o); err != nil {
				return err
			}
		}
		if pg.cover {
			if err := d.drawLogos(); err != nil {
				return err
			}
		}
		d.marked.end()
	}
	// The outline, in document order.
	d.fonts.use(serif, 10)
	var levels []int
	for _, mk := range d.marks {
		if mk.outline && mk.page >= 0 {
			pdf.SetPage(mk.page + 1)
			pdf.Bookmark(d.fonts.sanitize(serif, mk.title), mk.level, mk.y)
			levels = append(levels, mk.level)
		}
	}
	pdf.SetPage(len(d.pages))
	if pdf.Err() {
		return pdf.Error()
	}
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		return err
	}
	out, err := d.writeTags(buf.Bytes(), levels)
	if err != nil {
		return err
	}
	_, err = w.Write(out)
	return err
}

// drawText draws a text op: its run, its actual text if it differs from
// the glyphs, its link.
func (d *doc) drawText(s *state, o op) {
	pdf := d.pdf
	if !s.ok || s.face != o.face || s.size != o.size {
		d.fonts.use(o.face, o.size)
		s.ok, s.face, s.size = true, o.face, o.size
	}
	if !s.textOK || s.text != o.color {
		pdf.SetTextColor(int(o.color.r), int(o.color.g), int(o.color.b))
		s.text, s.textOK = o.color, true
	}
	pdf.Text(o.x, o.y, o.text) // in its actual text's span, if any (marker.beginActual)
	h := o.size * pt
	if o.url != "" {
		d.link(o, annot{x: o.x, y: o.y - h*0.8, w: o.w, h: h * 1.1, uri: metaText(o.url)})
	}
	if m := d.noteMarks[o.note]; o.note != nil && m != nil && m.page >= 0 {
		d.link(o, annot{x: o.x - 0.3, y: o.y - h*0.9, w: o.w + 0.6, h: h * 1.2, dest: m})
	}
}

// spaceAfter reports whether text op j of ops is followed, in its
// element, by a word after a space: on its line, or on the next line
// unless it ends in a hyphen. Words are placed one by one, so the spaces
// between them are gaps, which a reader's text extraction guesses at but
// the structure tree's text does not have: drawing a real space after
// the word (invisible, and the next word placed anyway) gives assistive
// technology "the text" rather than "thetext" (as LaTeX's tagpdf does).
func spaceAfter(ops []op, j int) bool {
	o := ops[j]
	if o.tag == nil || o.tag.role == "Artifact" || strings.HasSuffix(o.text, " ") {
		return false
	}
	for k := j + 1; k < len(ops); k++ {
		n := ops[k]
		if n.kind != opText || n.tag != o.tag {
			continue
		}
		if n.line == o.line {
			return n.sep
		}
		return !strings.HasSuffix(o.text, "-") && !strings.HasSuffix(o.text, "\u00ad")
	}
	return false
}

// metaText makes s safe for the document's properties: valid UTF-8
// without control characters (fpdf panics on invalid UTF-8 there).
func metaText(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
			return -1
		}
		return r
	}, s)
}

// langTag reports whether s looks like a BCP 47 tag (fpdf writes the
// language into the file unescaped).
func langTag(s string) bool {
	if s == "" || len(s) > 35 {
		return false
	}
	for _, r := range s {
		if !(r == '-' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}

// state is what fpdf currently has selected, to skip redundant calls.
type state struct {
	ok     bool
	face   face
	size   float64
	text   rgb
	textOK bool
	draw   rgb
	drawOK bool
	width  float64
	fill   rgb
	fillOK bool
}

func (d *doc) draw(s *state, o op) error {
	pdf := d.pdf
	switch {
	case o.kind == opText && o.actual != "":
		d.marked.beginActual(d.marked.tagOf(o), o.actual)
	case o.kind != opLinkTo: // an area, not content
		d.marked.begin(d.marked.tagOf(o))
	}
	switch o.kind {
	case opText:
		d.drawText(s, o)
	case opLine:
		if !s.drawOK || s.draw != o.color {
			pdf.SetDrawColor(int(o.color.r), int(o.color.g), int(o.color.b))
			s.draw, s.drawOK = o.color, true
		}
		if s.width != o.width {
			pdf.SetLineWidth(o.width)
			s.width = o.width
		}
		if o.dash {
			pdf.SetLineCapStyle("round")
			pdf.SetDashPattern([]float64{0, 1.2}, 0)
			pdf.Line(o.x, o.y, o.x+o.w, o.y+o.h)
			pdf.SetDashPattern([]float64{}, 0)
			pdf.SetLineCapStyle("butt")
			return nil
		}
		pdf.Line(o.x, o.y, o.x+o.w, o.y+o.h)
	case opRect:
		if !s.fillOK || s.fill != o.color {
			pdf.SetFillColor(int(o.color.r), int(o.color.g), int(o.color.b))
			s.fill, s.fillOK = o.color, true
		}
		pdf.Rect(o.x, o.y, o.w, o.h, "F")
	case opLinkTo:
		if o.mark != nil && o.mark.page >= 0 {
			d.link(o, annot{x: o.x, y: o.y, w: o.w, h: o.h, dest: o.mark})
		}
	case opFigure:
		if d.opt.Figures == nil || o.fig == nil {
			return nil
		}
		if err := d.opt.Figures.Draw(pdf, o.fig, o.x, o.y, o.w, o.h); err != nil {
			return fmt.Errorf("figure %d: %w", o.fig.Number, err)
		}
		if pdf.Err() {
			return fmt.Errorf("figure %d: %w", o.fig.Number, pdf.Error())
		}
		// The figure may have changed anything.
		*s = state{}
		pdf.SetDashPattern([]float64{}, 0)
		pdf.SetLineCapStyle("butt")
	}
	return nil
}
