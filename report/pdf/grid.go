package pdf

import (
	"github.com/migprofile/migprofile/report"
)

// Policy tables are grids: the row headings on the left, outward and
// inward content side by side, or one cell across both. Each entry of a
// row is a band whose cells flow across pages; the row's borders are
// drawn once all its entries are placed, page by page.

const (
	gridHeadW = 30.0 // width of the row-heading column
	gridPad   = 1.8  // padding inside a cell
)

// gridFrag is where one entry of a grid row went on one page.
type gridFrag struct {
	pg     *page
	y0, y1 float64
	split  bool
}

// gridRow records a grid row's fragments to draw its borders, and the
// row's heading marked as continued, for the pages it continues on.
type gridRow struct {
	d     *doc
	frags []gridFrag
	cont  []*box
}

// draw adds the row's borders and heading shade to each page it is on.
func (r *gridRow) draw() {
	g := r.d.geo
	hw := gridHeadW
	cw := (g.tw - hw) / 2
	line := func(pg *page, x, y, w, h float64) {
		pg.ops = append(pg.ops, op{kind: opLine, x: g.left + x, y: y, w: w, h: h, color: rule, width: 0.25})
	}
	for i := 0; i < len(r.frags); {
		j := i
		for j+1 < len(r.frags) && r.frags[j+1].pg == r.frags[i].pg {
			j++
		}
		pg := r.frags[i].pg
		top, bot := r.frags[i].y0, r.frags[j].y1
		if i > 0 {
			r.drawContinued(pg, top)
		}
		if bot > top {
			pg.under = append(pg.under, op{kind: opRect, x: g.left, y: top, w: hw, h: bot - top, color: pale})
			line(pg, 0, top, g.tw, 0)
			line(pg, 0, bot, g.tw, 0)
			line(pg, 0, top, 0, bot-top)
			line(pg, hw, top, 0, bot-top)
			line(pg, g.tw, top, 0, bot-top)
			for k := i; k <= j; k++ {
				f := r.frags[k]
				if f.split && f.y1 > f.y0 {
					line(pg, hw+cw, f.y0, 0, f.y1-f.y0)
				}
				if k > i {
					line(pg, hw, f.y0, g.tw-hw, 0)
				}
			}
		}
		i = j + 1
	}
}

// drawContinued prints the row's heading, marked as continued, at the top
// of its heading cell on a page the row continues on.
func (r *gridRow) drawContinued(pg *page, top float64) {
	y := top + gridPad
	for _, b := range r.cont {
		for _, o := range b.ops {
			o.tag = repeatedArtifact
			pg.ops = append(pg.ops, o.moved(r.d.geo.left+gridPad, y))
		}
		y += b.h
	}
}

// gridBands adds grid g to the builder: its caption, then one band per
// entry, then its sources.
func (d *doc) gridBands(b *builder, g *report.Grid) {
	l := d.p.Labels
	tw := d.geo.tw
	hw := gridHeadW
	cw := (tw - hw) / 2

	cap := l.NumberedTitle(l.Table, g.Number, g.Title)
	tab := d.tags.el(d.tags.sect, "Table")
	// The caption and the column header start the first row's band, so
	// that they move with it.
	intro := append(tagBoxes(d.captionBoxes(cap, 0, tw), d.tags.el(tab, "Caption")), nil)

	hdr := d.gridHeader(hw, cw, d.tags.el(tab, "THead"))
	tbody := d.tags.el(tab, "TBody")
	intro[len(intro)-1] = hdr
	// On a page a grid continues on: the caption marked as continued,
	// then the column header.
	var header []*box
	if l.Continued != "" {
		header = d.textBoxes(plain(cap+" ("+l.Continued+")"), stCaption, 0, tw)
		if len(header) > 0 {
			header[len(header)-1].h += s1
		}
	}
	header = append(header, hdr)
	for _, row := range g.Rows {
		if row == nil || len(row.Entries) == 0 {
			continue
		}
		if d.gridRowBands(b, row, intro, header, tbody) {
			intro = nil
		}
	}
	if n := len(b.bands); n > 0 {
		b.bands[n-1].gapAfter = s1
	}
	d.gridSources(b, g)
}

// gridEntry is one entry of a grid row set into cells: outward and inward
// side by side (split), or one cell across both; h is the tallest cell's
// height, before the row's heading is shared out.
type gridEntry struct {
	cols  []*column
	split bool
	h     float64
}

// gridRowBands adds a band per entry of row, under the repeated header,
// with intro (the grid's caption and header) above the first band, and draws the row's
// borders once its last band is placed. A row moves whole to the next
// page when it fits there; a row that must split keeps at least three
// lines of each cell on each side, and its heading is repeated, marked
// as continued, on the pages it continues on. It reports whether it
// added a band.
func (d *doc) gridRowBands(b *builder, row *report.GridRow, intro, header []*box, tbody *node) bool {
	rec := &gridRow{d: d}
	if l := d.p.Labels; l.Continued != "" {
		rec.cont = d.textBoxes(plain(row.Heading+" ("+l.Continued+")"), stGridHd, 0, gridHeadW-2*gridPad)
	}
	ecs, th := d.gridEntries(row, tbody)
	heads := tagBoxes(d.gridRowHeads(row), th)
	d.shareHeading(heads, ecs)
	wholes, notes, only := rowWholes(ecs)
	for i, ec := range ecs {
		split := ec.split
		bd := &band{cols: ec.cols, header: header, headerAtTop: true}
		bd.whole, bd.wholeNotes, bd.wholeOnly = wholes[i], notes[i], only[i]
		bd.fragment = func(pg *page, y0, y1 float64, _, _ bool) {
			rec.frags = append(rec.frags, gridFrag{pg: pg, y0: y0, y1: y1, split: split})
		}
		if i == 0 {
			bd.intro = intro
		}
		b.addBand(bd)
	}
	if n := len(b.bands); n > 0 {
		b.bands[n-1].done = rec.draw
	}
	return len(ecs) > 0
}

// gridRowHeads sets a grid row's heading and subheading in the heading
// column.
func (d *doc) gridRowHeads(row *report.GridRow) []*box {
	var heads []*box
	hw := gridHeadW
	hst := stGridHd
	heads = append(heads, d.textBoxes(plain(row.Heading), hst, 0, hw-2*gridPad)...)
	if row.Subheading != "" {
		sst := hst
		sst.face = sansItalic
		sst.color = ink
		heads = append(heads, d.textBoxes(plain(row.Subheading), sst, 0, hw-2*gridPad)...)
	}
	return heads
}

// gridEntries sets the entries of row into their cells, each entry a
// table row under tbody; the first row starts with the row's header
// cell, th, which spans them all.
func (d *doc) gridEntries(row *report.GridRow, tbody *node) (ecs []gridEntry, th *node) {
	tw := d.geo.tw
	hw := gridHeadW
	cw := (tw - hw) / 2
	for _, e := range row.Entries {
		if e == nil {
			continue
		}
		tr := d.tags.el(tbody, "TR")
		if th == nil {
			th = d.tags.el(tr, "TH")
			th.scope = "Row"
		}
		th.rowSpan++
		ec := gridEntry{split: !e.Spans()}
		if ec.split {
			ec.cols = []*column{
				d.cell(hw, cw, d.itemBoxes(e.Outward, stGrid, stGridHd, cw-2*gridPad, "", d.tags.el(tr, "TD"))),
				d.cell(hw+cw, cw, d.itemBoxes(e.Inward, stGrid, stGridHd, cw-2*gridPad, "", d.tags.el(tr, "TD"))),
			}
		} else {
			// An entry across both columns keeps to the prose measure.
			td := d.tags.el(tr, "TD")
			td.colSpan = 2
			ec.cols = []*column{d.cell(hw, tw-hw, d.itemBoxes(e.Both, stGrid, stGridHd, d.measureOf(stGrid, tw-hw-2*gridPad), "", td))}
		}
		for _, c := range ec.cols {
			ec.h = max(ec.h, heights(c.boxes))
		}
		ecs = append(ecs, ec)
	}
	return ecs, th
}

// shareHeading shares the row heading's lines heads out among the
// entries, as a first column of each: each entry takes the lines that fit
// beside its own content (the first at least one, the last the rest), so
// that a tall heading does not stretch a short first entry. The heading
// column has no rule between entries, so the lines read as one block.
func (d *doc) shareHeading(heads []*box, ecs []gridEntry) {
	rest := heads
	for i := range ecs {
		part := rest
		if i < len(ecs)-1 {
			n, used := 0, 0.0
			for n < len(rest) && (n == 0 || used+rest[n].h <= ecs[i].h) {
				used += rest[n].h
				n++
			}
			part, rest = rest[:n], rest[n:]
		}
		if len(part) > 0 {
			head := d.cell(0, gridHeadW, part)
			if i > 0 {
				head.raise = 2 * gridPad // over the paddings between the entries: no gap
			}
			ecs[i].cols = append([]*column{head}, ecs[i].cols...)
		}
	}
}

// gridSources adds a grid's sources under it, as a source note.
func (d *doc) gridSources(b *builder, g *report.Grid) {
	b.add(tagBoxes(d.sourceNote(g.Sources, 0, d.geo.tw), d.tags.el(d.tags.sect, "P"))...)
}

// cell is a grid column at x of width w, its boxes padded.
func (d *doc) cell(x, w float64, bs []*box) *column {
	return &column{x: x + gridPad, w: w - 2*gridPad, padTop: gridPad, padBottom: gridPad, boxes: bs}
}

// gridHeader is the row over a grid: the outward and inward labels, as
// header cells of a row in thead after an empty corner cell.
func (d *doc) gridHeader(hw, cw float64, thead *node) *box {
	l := d.p.Labels
	tw := d.geo.tw
	st := stGridHd
	st.center = true
	h := st.leading + 2*gridPad
	hb := &box{h: h, keep: true}
	hb.ops = append(hb.ops, op{kind: opRect, x: 0, y: 0, w: tw, h: h, color: pale})
	tr := d.tags.el(thead, "TR")
	d.tags.el(tr, "TD")
	for i, lab := range []string{l.Outward, l.Inward} {
		th := d.tags.el(tr, "TH")
		th.scope = "Column"
		x := hw + float64(i)*cw
		ls := d.breakLines(d.words(plain(lab), st), cw-2*gridPad, cw-2*gridPad, false)
		if len(ls) > 0 {
			hb.ops = append(hb.ops, tagOps(d.lineOps(ls[0], st, x+gridPad, gridPad+baseline(st), cw-2*gridPad), th)...)
		}
	}
	for _, x := range []float64{0, hw, hw + cw, tw} {
		hb.ops = append(hb.ops, op{kind: opLine, x: x, y: 0, h: h, color: rule, width: 0.25})
	}
	hb.ops = append(hb.ops, op{kind: opLine, x: 0, y: 0, w: tw, color: rule, width: 0.25},
		op{kind: opLine, x: 0, y: h, w: tw, color: rule, width: 0.25})
	return hb
}

// keepEnds ties the first n lines of a column together, and its last n,
// so that a column split across pages leaves at least n lines on each
// side (space between paragraphs does not count as a line).
func keepEnds(bs []*box, n int) {
	lines := 0
	for i := 0; i < len(bs)-1 && lines < n-1; i++ {
		bs[i].keep = true
		if !bs[i].space {
			lines++
		}
	}
	lines = 0
	for i := len(bs) - 2; i >= 0 && lines < n-1; i-- {
		bs[i].keep = true
		if !bs[i+1].space {
			lines++
		}
	}
}

// rowWholes says, for each entry of a grid row, what must start with it
// on one page (see band.whole): the whole row for the first entry; for a
// later one, itself and the entries after it when those are shorter than
// three lines, which must not stand alone at the head of a page; nothing
// otherwise. It also ties the first and last three lines of every cell.
func rowWholes(ecs []gridEntry) ([]float64, [][]*report.Footnote, []bool) {
	minTail := 3*stGrid.leading + 2*gridPad
	wholes := make([]float64, len(ecs))
	notes := make([][]*report.Footnote, len(ecs))
	only := make([]bool, len(ecs))
	after := 0.0 // the height of the entries after k
	var tailNotes []*report.Footnote
	for k := len(ecs) - 1; k >= 0; k-- {
		h := ecs[k].h + 2*gridPad
		var own []*report.Footnote
		for _, c := range ecs[k].cols {
			keepEnds(c.boxes, 3)
			own = append(own, groupNotes(c.boxes)...)
		}
		if k == 0 || (k < len(ecs)-1 && after < minTail) {
			wholes[k], only[k] = h+after, k > 0
			notes[k] = append(append([]*report.Footnote(nil), own...), tailNotes...)
		}
		after += h
		tailNotes = append(own, tailNotes...)
	}
	return wholes, notes, only
}
