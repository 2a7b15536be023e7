package pdf

import (
	"bytes"
	"fmt"
	"image"
	"image/draw"
	_ "image/jpeg" // logos may be JPEG
	"image/png"
	"strings"

	"codeberg.org/go-pdf/fpdf"

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
	d.coverHead(pg)

	y := g.ph * 0.25
	title := m.Title
	if m.Series != "" {
		title = m.Series + " – " + title
	}
	y = put(title, style{face: sansBold, size: ts.Title, leading: 9, color: navy}, y)
	y = put(m.Country, style{face: sansBold, size: ts.Display, leading: 13.5, color: ink}, y+6)
	// A short rule between the title and the parts, as series covers do.
	pg.ops = append(pg.ops, op{kind: opLine, x: g.left + g.tw/2 - 15, y: y + 5, w: 30, color: navy, width: 0.8})

	y += 12
	for _, fw := range d.p.Frameworks {
		if fw != nil {
			y = put(fw.Title, style{face: serifItalic, size: ts.Heading, leading: 6.5, color: ink}, y)
		}
	}

	y = max(y+14, g.ph*0.55)
	if l := d.p.Labels.WrittenBy; l != "" {
		y = put(l, style{face: serifItalic, size: ts.Body, leading: 5, color: ink}, y) + 1
	}
	for _, a := range m.Authors {
		y = put(a, style{face: sansBold, size: ts.Body, leading: 5.2, color: ink}, y)
	}
	if m.Credit != "" {
		y = put(m.Credit, style{face: serifItalic, size: ts.Body, leading: 5, color: ink}, y+1.5)
	}
	if m.Date != "" {
		y = put(m.Date, style{face: sans, size: ts.Body, leading: 5.2, color: ink}, y+8)
	}

	y = max(y+14, g.ph*0.76)
	pg.ops = append(pg.ops, op{kind: opLine, x: g.left, y: y - 4, w: g.tw, color: rule, width: 0.2})
	if m.Project != "" {
		y = put(m.Project, style{face: sansBold, size: ts.Caption, leading: 4.4, color: navy}, y)
	}
	if m.Website != "" {
		d.centered(pg, report.Text{{Kind: report.SpanLink, Text: m.Website, URL: websiteURL(m.Website)}},
			style{face: sans, size: ts.Caption, leading: 4.4, color: ink}, y, 1)
		y += 4.4
	}
	if m.Funding != "" {
		put(m.Funding, style{face: serifItalic, size: ts.Caption, leading: 4.4, color: ink}, y+3)
	}
	if m.Copyright != "" {
		st := style{face: serif, size: ts.Small, leading: 3.6, color: grey}
		n := min(len(d.balancedLines(d.words(plain(m.Copyright), st), g.tw)), 4)
		d.centered(pg, plain(m.Copyright), st, g.ph-14-float64(n)*st.leading, 4)
	}
	return pg
}

// coverHead sets the top of the cover. With logos, they stand in a row
// on white, over the publisher's name and a navy rule. Without, a navy
// band across the top of the page carries the publisher's name in white:
// the cover is designed either way, with nothing standing in for a
// missing picture.
func (d *doc) coverHead(pg *page) {
	g := d.geo
	pub := strings.ToUpper(d.p.Meta.Publisher)
	st := style{face: sansBold, size: ts.Caption, leading: 4.4, color: navy}
	if row := d.coverLogos(); len(row) > 0 {
		d.logoTags = nil
		for _, lp := range row {
			// A logo without a text alternative is decoration.
			var t *node
			if lp.im.Alt != "" {
				t = d.tags.el(d.coverTag, "Figure")
				t.alt = lp.im.Alt
			}
			d.logoTags = append(d.logoTags, t)
		}
		y := row[0].y + row[0].h + 6
		if pub != "" {
			y = d.centered(pg, plain(pub), st, y, 2)
		}
		pg.ops = append(pg.ops, op{kind: opLine, x: g.left, y: y + 3, w: g.tw, color: navy, width: 0.6})
		return
	}
	bandH := g.top + 12
	pg.under = append(pg.under, op{kind: opRect, x: 0, y: 0, w: g.pw, h: bandH, color: navy})
	if pub != "" {
		st.color = rgb{255, 255, 255}
		d.centered(pg, plain(pub), st, bandH-9-st.leading*float64(d.lineCount(pub, st)-1), 2)
	}
}

// lineCount is the number of lines s takes centred across the text.
func (d *doc) lineCount(s string, st style) int {
	return min(max(len(d.balancedLines(d.words(plain(s), st), d.geo.tw)), 1), 2)
}

// centered sets t centered across the text width with its first line's
// top at y, in at most maxLines lines (the cover has no room for more),
// as a paragraph of the cover, and returns the y under it.
func (d *doc) centered(pg *page, t report.Text, st style, y float64, maxLines int) float64 {
	st.center = true
	st.justify = false
	ls := d.balancedLines(d.words(t, st), d.geo.tw)
	ls = d.capLines(ls, maxLines, st, d.geo.tw, d.p.Meta.Pos, "", fmt.Sprintf("the cover line %q", brief(t.Plain())))
	p := d.tags.el(d.coverTag, "P")
	for _, l := range ls {
		pg.ops = append(pg.ops, tagOps(d.lineOps(l, st, d.geo.left, y+baseline(st), d.geo.tw), p)...)
		y += st.leading
	}
	return y
}

// balancedLines breaks a short centred text into as many lines as it
// takes at width w, but each as short as that count allows (as CSS's
// text-wrap: balance does): the narrowest width that keeps the count,
// found by bisection. Lines of even length leave no word alone on the
// last line ("… from the CARIM / Project."), which a centred title or
// credit must not have.
func (d *doc) balancedLines(ws []word, w float64) []textLine {
	ls := d.breakLines(ws, w, w, false)
	if len(ls) < 2 {
		return ls
	}
	lo, hi := w/float64(len(ls)), w
	best := ls
	for range 14 {
		mid := (lo + hi) / 2
		try := d.breakLines(ws, mid, mid, false)
		if len(try) == len(ls) && !overfull(try, mid) {
			hi, best = mid, try
		} else {
			lo = mid
		}
		if hi-lo < 0.5 {
			break
		}
	}
	return best
}

// overfull reports whether a line of ls is wider than w (a word longer
// than the measure is set on a line of its own, overflowing it).
func overfull(ls []textLine, w float64) bool {
	for _, l := range ls {
		if naturalWidth(l.words) > w+0.01 {
			return true
		}
	}
	return false
}

// logoPlace is where a logo goes on the cover, in mm.
type logoPlace struct {
	im         *report.Image
	x, y, w, h float64
}

// Logo sizes on the cover, in mm: the row's height and the gap between
// logos.
const (
	logoH   = 14.0
	logoGap = 9.0
)

// coverLogos places the profile's logos in a row centred at the top of
// the cover, all of one height, scaled down together if the row would be
// wider than the text.
func (d *doc) coverLogos() []logoPlace {
	logos := d.p.Meta.Logos
	if len(logos) == 0 {
		return nil
	}
	g := d.geo
	total := logoGap * float64(len(logos)-1)
	for _, im := range logos {
		total += logoH * float64(im.Width) / float64(max(im.Height, 1))
	}
	scale := min(1, g.tw/total)
	x := g.left + (g.tw-total*scale)/2
	var out []logoPlace
	for i := range logos {
		im := &logos[i]
		w := logoH * scale * float64(im.Width) / float64(max(im.Height, 1))
		out = append(out, logoPlace{im: im, x: x, y: g.top, w: w, h: logoH * scale})
		x += w + logoGap*scale
	}
	return out
}

// drawLogos embeds the cover's logos and draws them on the current page.
//
// fpdf writes images ordered by pixel width, from a map: two images of
// equal width come out in random order, and the file changes from run to
// run. So each logo is registered, in the profile's order, under a name
// of its own with a width no other has: a logo whose width is taken gets
// transparent columns on its right (drawn proportionally wider, so that
// the visible picture keeps its size). The same file twice is embedded
// once.
func (d *doc) drawLogos() error {
	type embedded struct {
		name, typ string
		w         int // pixel width as embedded
	}
	widths := map[int]bool{}
	done := map[string]embedded{}
	for i, lp := range d.coverLogos() {
		im := lp.im
		e, seen := done[string(im.Data)]
		if !seen {
			e = embedded{name: fmt.Sprintf("logo%d", i), typ: map[string]string{"png": "png", "jpeg": "jpg"}[im.Format], w: im.Width}
			data := im.Data
			for widths[e.w] {
				e.w++
			}
			if e.w != im.Width {
				var err error
				if data, err = padRight(im, e.w); err != nil {
					return fmt.Errorf("logo %s: %w", im.Path, err)
				}
				e.typ = "png"
			}
			widths[e.w] = true
			done[string(im.Data)] = e
			d.pdf.RegisterImageOptionsReader(e.name, fpdf.ImageOptions{ImageType: e.typ}, bytes.NewReader(data))
		}
		w := lp.w * float64(e.w) / float64(im.Width)
		d.marked.begin(d.logoTags[i])
		d.pdf.ImageOptions(e.name, lp.x, lp.y, w, lp.h, false, fpdf.ImageOptions{ImageType: e.typ}, 0, "")
		if d.pdf.Err() {
			return fmt.Errorf("logo %s: %w", im.Path, d.pdf.Error())
		}
	}
	return nil
}

// padRight returns im as a PNG w pixels wide, the added columns
// transparent.
func padRight(im *report.Image, w int) ([]byte, error) {
	src, _, err := image.Decode(bytes.NewReader(im.Data))
	if err != nil {
		return nil, err
	}
	b := src.Bounds()
	dst := image.NewNRGBA(image.Rect(0, 0, w, b.Dy()))
	draw.Draw(dst, image.Rect(0, 0, b.Dx(), b.Dy()), src, b.Min, draw.Src)
	var buf bytes.Buffer
	if err := png.Encode(&buf, dst); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// websiteURL makes a web address clickable.
func websiteURL(s string) string {
	if strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://") {
		return s
	}
	return "http://" + s
}
