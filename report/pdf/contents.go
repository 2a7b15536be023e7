package pdf

import "github.com/migprofile/migprofile/report"

// The contents pages list the frameworks and, under each, its headings,
// tables, figures and references, with page numbers and links.

// contentsPages lays out the contents; num gives an entry's page number.
func (d *doc) contentsPages(num func(*mark) string) []*page {
	g := d.geo
	e := &engine{d: d, top: g.top, bottom: g.bottom, seen: map[*report.Footnote]bool{}}
	e.newPage()
	b := &builder{d: d}
	// The title is a paragraph, not a heading: the frameworks are the
	// document's first-level headings.
	title := tagBoxes(d.textBoxes(plain(d.p.Labels.Contents), stTitle, 0, g.tw), d.tags.el(d.tocTag, "P"))
	toc := d.tags.el(d.tocTag, "TOC")
	if len(title) > 0 {
		last := title[len(title)-1]
		last.ops = append(last.ops, op{kind: opLine, x: 0, y: last.h + s1, w: g.tw, color: navy, width: 0.5})
		last.h += s4
	}
	b.add(title...)
	for _, m := range d.marks {
		if !m.contents || m.page < 0 {
			continue
		}
		st, indent := stContent, 7.0
		if m.level == 0 {
			st, indent = stContent0, 0
			b.space(s3)
		}
		b.add(d.contentsEntry(m, st, indent, num(m), d.tags.el(d.tags.el(toc, "TOCI"), "Link"))...)
	}
	for _, bd := range b.bands {
		e.place(bd)
	}
	return e.pages
}

// contentsEntry is one entry: its title (wrapped), a dotted leader, its
// page number right-aligned, all of it link to the entry (the leader an
// artifact).
func (d *doc) contentsEntry(m *mark, st style, indent float64, num string, link *node) []*box {
	tw := d.geo.tw
	const numW = 12.0
	w := tw - indent - numW - 2
	st.justify = false
	lines := d.breakLines(d.words(plain(m.title), st), w, w, false)
	bs := d.lineBoxes(lines, st, indent, w)
	if len(bs) == 0 {
		return nil
	}
	lastB := bs[len(bs)-1]
	lastL := lines[len(lines)-1]
	id := int32(0)
	if len(lastB.ops) > 0 {
		id = lastB.ops[0].line
	}
	num = d.fonts.sanitize(st.face, num)
	nw := d.fonts.width(st.face, st.size, num)
	by := baseline(st)
	lastB.ops = append(lastB.ops,
		op{kind: opLine, x: indent + lastL.w + 1.5, y: by, w: tw - nw - 1.5 - (indent + lastL.w + 1.5), color: rule, width: 0.3, dash: true, tag: layoutArtifact},
		op{kind: opText, x: tw - nw, y: by, w: nw, face: st.face, size: st.size, color: st.color, text: num, line: id, sep: true})
	for _, b := range bs {
		b.ops = append(b.ops, op{kind: opLinkTo, x: indent, y: 0, w: tw - indent, h: b.h, mark: m})
		b.keep = true
	}
	tagBoxes(bs, link)
	bs[len(bs)-1].keep = m.level == 0
	return bs
}
