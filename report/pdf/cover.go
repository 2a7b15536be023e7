package pdf

import (
	"fmt"
	"strings"

	"github.com/migprofile/migprofile/report"
)

// cover lays out the title page: publisher, series and title, country,
// the frameworks, authors, date, project and co-financing, copyright.
func (d *doc) cover() *page {
	pg := &page{cover: true}
	g := d.geo
	m := d.p.Meta
	put := func(s string, st style, y float64) float64 {
		return d.centered(pg, plain(s), st, y, 2)
	}
	y := g.top + 4
	if m.Publisher != "" {
		y = put(strings.ToUpper(m.Publisher), style{face: sansBold, size: 9.5, leading: 4.6, color: navy}, y)
	}
	pg.ops = append(pg.ops, op{kind: opLine, x: g.left, y: y + 3, w: g.tw, color: navy, width: 0.6})

	y = g.ph * 0.25
	title := m.Title
	if m.Series != "" {
		title = m.Series + " – " + title
	}
	y = put(title, style{face: sansBold, size: 24, leading: 11, color: navy}, y)
	y = put(m.Country, style{face: sansBold, size: 34, leading: 15, color: ink}, y+6)

	y += 10
	for _, fw := range d.p.Frameworks {
		if fw != nil {
			y = put(fw.Title, style{face: serifItalic, size: 13, leading: 7, color: ink}, y)
		}
	}

	y = max(y+14, g.ph*0.55)
	if l := d.p.Labels.WrittenBy; l != "" {
		y = put(l, style{face: serifItalic, size: 10, leading: 5, color: ink}, y) + 1
	}
	for _, a := range m.Authors {
		y = put(a, style{face: sansBold, size: 11, leading: 5.6, color: ink}, y)
	}
	if m.Credit != "" {
		y = put(m.Credit, style{face: serifItalic, size: 10, leading: 5, color: ink}, y+1.5)
	}
	if m.Date != "" {
		y = put(m.Date, style{face: sans, size: 11, leading: 5.6, color: ink}, y+8)
	}

	y = max(y+14, g.ph*0.76)
	if m.Project != "" {
		y = put(m.Project, style{face: sansBold, size: 9.5, leading: 4.6, color: navy}, y)
	}
	if m.Website != "" {
		d.centered(pg, report.Text{{Kind: report.SpanLink, Text: m.Website, URL: websiteURL(m.Website)}},
			style{face: sans, size: 9, leading: 4.4, color: ink}, y, 1)
		y += 4.4
	}
	if m.Funding != "" {
		put(m.Funding, style{face: serifItalic, size: 9.5, leading: 4.6, color: ink}, y+3)
	}
	if m.Copyright != "" {
		st := style{face: serif, size: 8, leading: 3.6, color: grey}
		n := min(len(d.breakLines(d.words(plain(m.Copyright), st), g.tw, g.tw, false)), 4)
		d.centered(pg, plain(m.Copyright), st, g.ph-14-float64(n)*st.leading, 4)
	}
	return pg
}

// centered sets t centered across the text width with its first line's
// top at y, in at most maxLines lines (the cover has no room for more),
// and returns the y under it.
func (d *doc) centered(pg *page, t report.Text, st style, y float64, maxLines int) float64 {
	st.center = true
	st.justify = false
	ls := d.breakLines(d.words(t, st), d.geo.tw, d.geo.tw, false)
	ls = d.capLines(ls, maxLines, st, d.geo.tw, d.p.Meta.Pos, "", fmt.Sprintf("the cover line %q", brief(t.Plain())))
	for _, l := range ls {
		pg.ops = append(pg.ops, d.lineOps(l, st, d.geo.left, y+baseline(st), d.geo.tw)...)
		y += st.leading
	}
	return y
}

// websiteURL makes a web address clickable.
func websiteURL(s string) string {
	if strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://") {
		return s
	}
	return "http://" + s
}
