package pdf

import (
	"fmt"
	"slices"

	"github.com/migprofile/migprofile/report"
)

// Statistical tables are set in the booktabs manner: a rule above the
// header, grouped headings over a thin rule, a rule under the header and
// one under the last row; numbers right-aligned; sub-rows indented. Each
// row is a box, and the header repeats when the table breaks.

const (
	cellPad   = 1.6 // left and right padding of a cell
	rowPad    = 0.7 // above and below a row's text
	subIndent = 4.0 // indentation per row level
	// maxCellLines bounds a table cell, which cannot break across pages.
	maxCellLines = 8
)

// tableBoxes sets t: its caption, header, rows, sources and notes, one box
// per row, so that a table breaks between rows and repeats its header (and
// its caption, marked as continued) on the next page.
func (d *doc) tableBoxes(t *report.Table) []*box {
	l := d.p.Labels
	vals := d.cellTexts(t)
	cols := d.measureTable(t, vals)
	if !cols.fit(d.geo.tw) {
		d.errorf(t.Pos, "columns", "table %q does not fit the page: its columns need at least %.0f mm, the text is %.0f mm wide; shorten its headings or split it",
			t.ID, cols.least(), d.geo.tw)
	}
	x0, stub, xs, total := cols.x0, cols.stub, cols.xs, cols.total

	var out []*box
	cap := l.NumberedTitle(l.Table, t.Number, t.Title)
	if t.Period != "" {
		cap += ", " + t.Period
	}
	tab := d.tags.el(d.tags.sect, "Table")
	cb := tagBoxes(d.captionBoxes(cap, x0, total), d.tags.el(tab, "Caption"))
	out = append(out, cb...)

	head := d.tableHeader(t, x0, stub, xs, d.tags.el(tab, "THead"))
	body := d.tags.el(tab, "TBody")
	out = append(out, head)
	// A table that breaks repeats its caption, marked as continued, and
	// its header at the top of the next page.
	var cont []*box
	if l.Continued != "" {
		cont = d.textBoxes(plain(fmt.Sprintf("%s (%s)", cap, l.Continued)), stCaption, x0, total)
		if len(cont) > 0 {
			cont[len(cont)-1].h += s1
		}
	}

	for i, r := range t.Rows {
		rb := d.tableRow(t, i, r, vals[i], cols.leads[i], x0, stub, xs, i == len(t.Rows)-1, d.tags.el(body, "TR"))
		if i > 0 {
			rb.repeat = append(slices.Clone(cont), head)
		}
		out = append(out, rb)
	}
	out = append(out, tagBoxes(d.sourceBoxes(t.Sources, t.Notes, t.Marks().Legend(l), x0, total), d.tags.el(d.tags.sect, "P"))...)
	d.keepTable(out, len(cb), len(t.Rows))
	return out
}

// rowStyle is the style of a table row's cells: bold for a total.
func rowStyle(r *report.Row) style {
	st := stCell
	if r != nil && r.Total {
		st.face = st.face.bold()
	}
	return st
}

// cellTexts is each cell of t as printed, sanitised for its row's face.
func (d *doc) cellTexts(t *report.Table) [][]string {
	l := d.p.Labels
	ncol := len(t.Columns)
	vals := make([][]string, len(t.Rows))
	for i, r := range t.Rows {
		vals[i] = make([]string, ncol)
		for j := 0; j < ncol && j < len(r.Cells); j++ {
			st := rowStyle(r)
			vals[i][j] = d.fonts.sanitize(st.face, r.Cells[j].Format(l))
		}
	}
	return vals
}

// tableColumns is where a table's columns go, in mm from the left edge
// of the text block.
type tableColumns struct {
	leads  []float64 // each row's label indentation (see rowIndents)
	stub   float64   // width of the stub: the row labels
	widths []float64 // width of each data column
	// stubMin and mins are the narrowest the stub and each data column
	// may be: the widest number, or the widest piece of a heading that
	// hyphenation leaves whole. Narrower would cut a word or overprint.
	stubMin float64
	mins    []float64
	x0      float64   // the table's left edge: it is centred
	total   float64   // the table's width
	xs      []float64 // left edge of each data column, then the right edge
}

// measureTable sizes t's columns to their content: each data column as
// wide as its widest number or header word, the stub as wide as its
// longest label, each with its padding; and the least each may take.
func (d *doc) measureTable(t *report.Table, vals [][]string) *tableColumns {
	tc := &tableColumns{widths: make([]float64, len(t.Columns)), mins: make([]float64, len(t.Columns))}
	for j, c := range t.Columns {
		if c == nil {
			continue
		}
		num := 0.0
		for i, r := range t.Rows {
			st := rowStyle(r)
			num = max(num, d.fonts.width(st.face, st.size, vals[i][j]))
		}
		tc.widths[j] = max(max(num, d.longestWord(c.Label, stCellHd))+2*cellPad, 14)
		tc.mins[j] = max(num, d.narrowest(c.Label, stCellHd)) + 2*cellPad
	}
	d.fitGroups(t, tc)
	stub := d.longestWord(t.Stub, stCellHd)
	stubMin := d.narrowest(t.Stub, stCellHd)
	tc.leads = d.rowIndents(t)
	for i, r := range t.Rows {
		st := rowStyle(r)
		w := tc.leads[i] + d.fonts.width(st.face, st.size, d.fonts.sanitize(st.face, r.Heading()))
		if r.Lead != "" {
			w += d.fonts.width(sansItalic, st.size, d.fonts.sanitize(sansItalic, r.Lead+" "))
		}
		stub = max(stub, w)
		stubMin = max(stubMin, tc.leads[i]+d.narrowest(r.Heading(), st))
	}
	tc.stub = stub + 2*cellPad
	tc.stubMin = stubMin + 2*cellPad
	return tc
}

// fitGroups widens the last column under a grouped heading until the
// heading's widest unbreakable piece fits over its columns.
func (d *doc) fitGroups(t *report.Table, tc *tableColumns) {
	for _, sp := range groupSpans(t) {
		c := t.Columns[sp[0]]
		if c == nil || c.Group == "" {
			continue
		}
		need := d.narrowest(c.Group, stCellHd) + 2*cellPad
		have := 0.0
		for j := sp[0]; j < sp[1]; j++ {
			have += tc.mins[j]
		}
		if last := sp[1] - 1; have < need {
			tc.mins[last] += need - have
			tc.widths[last] = max(tc.widths[last], tc.mins[last])
		}
	}
}

// narrowest is the width of the widest piece of s that line breaking
// cannot break: a word, or a piece of one between hyphenation points
// with its hyphen.
func (d *doc) narrowest(s string, st style) float64 {
	w := 0.0
	for _, p := range pieces(d.hyph, d.fonts, d.words(plain(s), st)) {
		pw := p.w
		if p.brk == hyphenBreak {
			pw += hyphenWidth(d.fonts, p)
		}
		w = max(w, pw)
	}
	return w
}

// fit fits the measured columns into the text width tw. The stub takes at
// most 0.4 of it unless the data columns leave more; a table too wide has
// its columns narrowed towards their least widths, data columns first, in
// proportion to their room; a narrow one is widened to 0.72 of tw, each
// data column by at most 28 mm and the stub taking the rest. The table
// starts at the left margin, as captions, figures and text do. fit reports
// false when even the least widths do not fit.
func (tc *tableColumns) fit(tw float64) bool {
	widths := tc.widths
	data := 0.0
	for _, w := range widths {
		data += w
	}
	stub := max(min(tc.stub, max(tw*0.4, tw-data)), tc.stubMin)
	total := stub + data
	fits := true
	if total > tw {
		stub, fits = tc.narrow(tw, stub)
		total = stub
		for _, w := range widths {
			total += w
		}
	}
	if total < tw*0.72 {
		// Narrow: give the data columns some air, up to 28 mm each.
		extra := tw*0.72 - total
		for j := range widths {
			add := min(extra/float64(len(widths)-j), max(0, 28-widths[j]))
			widths[j] += add
			extra -= add
		}
		stub += extra
		total = tw * 0.72
	}
	tc.stub, tc.total = stub, total
	tc.x0 = 0 // one left edge for tables, captions, figures and text
	tc.xs = make([]float64, len(widths)+1)
	tc.xs[0] = tc.x0 + stub
	for j, w := range widths {
		tc.xs[j+1] = tc.xs[j] + w
	}
	return fits
}

// narrow takes the excess width of a table out of its data columns'
// room above their least widths, then out of the stub's; it returns the
// stub's width and whether the table now fits.
func (tc *tableColumns) narrow(tw, stub float64) (float64, bool) {
	excess := stub - tw
	room := 0.0
	for j, w := range tc.widths {
		excess += w
		room += w - tc.mins[j]
	}
	if room > 0 {
		k := min(excess/room, 1)
		for j, w := range tc.widths {
			tc.widths[j] = w - k*(w-tc.mins[j])
		}
		excess -= k * room
	}
	if excess > 1e-6 {
		cut := min(excess, stub-tc.stubMin)
		stub -= cut
		excess -= cut
	}
	return stub, excess <= 1e-6
}

// captionBoxes sets a table's caption cap at x in width w, anchors the
// contents entry on it, and leaves a little space under it.
func (d *doc) captionBoxes(cap string, x, w float64) []*box {
	cb := d.textBoxes(plain(cap), stCaption, x, w)
	if len(cb) > 0 {
		cb[0].marks = append(cb[0].marks, d.newMark(cap, 1, true))
		cb[len(cb)-1].h += s1
	}
	return cb
}

// keepTable ties a table's boxes (ncap caption lines, the header, nrow
// rows, then sources and notes) so that a small table is never broken and
// a larger one keeps its caption, header and first three rows together,
// its last three rows together, and its last row with the sources and
// notes: a page never holds fewer than three rows of a split table.
func (d *doc) keepTable(out []*box, ncap, nrow int) {
	if heights(out) <= 0.4*(d.geo.bottom-d.geo.top) {
		for _, b := range out[:len(out)-1] {
			b.keep = true
		}
		return
	}
	for i, b := range out {
		switch {
		case i < ncap+1: // caption and header
			b.keep = true
		case i >= ncap+1 && i < ncap+3 && nrow > 3: // first rows
			b.keep = true
		case i >= ncap+nrow-2 && i < len(out)-1: // last rows and sources
			b.keep = true
		}
	}
}

// rowIndents is each row's label indentation: its level, plus the width
// of a lead ("of which") that a sub-row above it at the same level printed,
// so that the labels of a group line up.
func (d *doc) rowIndents(t *report.Table) []float64 {
	out := make([]float64, len(t.Rows))
	lead := 0.0
	level := -1
	for i, r := range t.Rows {
		if r.Level != level {
			lead = 0
			level = r.Level
		}
		ind := float64(max(r.Level, 0)) * subIndent
		if r.Lead != "" {
			lead = d.fonts.width(sansItalic, stCell.size, d.fonts.sanitize(sansItalic, r.Lead+" "))
			out[i] = ind
			continue
		}
		out[i] = ind + lead
	}
	return out
}

// longestWord is the width of the widest word of s in st.
func (d *doc) longestWord(s string, st style) float64 {
	w := 0.0
	for _, wd := range d.words(plain(s), st) {
		w = max(w, wd.w)
	}
	return w
}

// tableHeader is the header box: grouped headings over their columns,
// column labels right-aligned over the numbers, the stub heading left.
func (d *doc) tableHeader(t *report.Table, x0, stub float64, xs []float64, thead *node) *box {
	st := stCellHd
	hb := &box{}
	grouped := false
	for _, c := range t.Columns {
		if c != nil && c.Group != "" {
			grouped = true
		}
	}
	y := rowPad + 0.6
	// Group row.
	groupH := 0.0
	var groupOps []op
	if grouped {
		groupOps, groupH = d.groupHeadings(t, xs, y, d.tags.el(thead, "TR"))
	}
	// Label row, bottom-aligned.
	type cellLines struct {
		x, w  float64
		lines []textLine
		st    style
	}
	var cells []cellLines
	sst := st
	cells = append(cells, cellLines{x: x0 + cellPad, w: stub - 2*cellPad, st: sst})
	cells[0].lines = d.capLines(d.breakLines(d.words(plain(t.Stub), sst), cells[0].w, cells[0].w, false), maxCellLines, sst, cells[0].w, t.Pos, "stub", fmt.Sprintf("the stub heading of table %q", t.ID))
	for j, c := range t.Columns {
		if c == nil {
			continue
		}
		cst := st
		cst.right = true
		w := xs[j+1] - xs[j] - 2*cellPad
		cells = append(cells, cellLines{x: xs[j] + cellPad, w: w, st: cst,
			lines: d.capLines(d.breakLines(d.words(plain(c.Label), cst), w, w, false), maxCellLines, cst, w, c.Pos, "label", fmt.Sprintf("the heading %q of table %q", brief(c.Label), t.ID))})
	}
	n := 0
	for _, c := range cells {
		n = max(n, len(c.lines))
	}
	labelH := float64(n) * st.leading
	hb.ops = append(hb.ops, op{kind: opLine, x: x0, y: 0, w: xs[len(xs)-1] - x0, color: ink, width: 0.45})
	hb.ops = append(hb.ops, groupOps...)
	labels := d.tags.el(thead, "TR")
	for _, c := range cells {
		th := d.tags.el(labels, "TH")
		th.scope = "Column"
		top := y + groupH + labelH - float64(len(c.lines))*st.leading
		for li, ln := range c.lines {
			hb.ops = append(hb.ops, tagOps(d.lineOps(ln, c.st, c.x, top+float64(li)*st.leading+baseline(st), c.w), th)...)
		}
	}
	hb.h = y + groupH + labelH + rowPad + 0.6
	hb.ops = append(hb.ops, op{kind: opLine, x: x0, y: hb.h, w: xs[len(xs)-1] - x0, color: ink, width: 0.25})
	hb.h += 0.6
	return hb
}

// groupHeadings sets the grouped headings of t over their columns, from
// y down, bottom-aligned on the rule under each, as the labels are on
// theirs; the cells are in tr. It returns their ops and height.
func (d *doc) groupHeadings(t *report.Table, xs []float64, y float64, tr *node) ([]op, float64) {
	st := stCellHd
	spans := groupSpans(t)
	groupCells := d.groupRowTags(t, spans, tr)
	groupLines := make([][]textLine, len(spans))
	gst := st
	gst.center = true
	groupH := 0.0
	for i, sp := range spans {
		j, k, c := sp[0], sp[1], t.Columns[sp[0]]
		w := xs[k] - xs[j] - 2*cellPad
		groupLines[i] = d.capLines(d.breakLines(d.words(plain(c.Group), gst), w, w, false), maxCellLines, gst, w, c.Pos, "group", fmt.Sprintf("the heading %q of table %q", brief(c.Group), t.ID))
		groupH = max(groupH, float64(len(groupLines[i]))*st.leading)
	}
	var ops []op
	for i, sp := range spans {
		j, k := sp[0], sp[1]
		w := xs[k] - xs[j] - 2*cellPad
		top := y + groupH - float64(len(groupLines[i]))*st.leading
		for li, ln := range groupLines[i] {
			ops = append(ops, tagOps(d.lineOps(ln, gst, xs[j]+cellPad, top+float64(li)*st.leading+baseline(st), w), groupCells[i])...)
		}
		if t.Columns[j].Group != "" {
			ops = append(ops, op{kind: opLine, x: xs[j] + cellPad, y: y + groupH + 0.5, w: w, color: rule, width: 0.2})
		}
	}
	return ops, groupH + 1.5
}

// groupRowTags makes the cells of a table's row of grouped headings, in
// tr: an empty cell over the stub, then per column either the heading of
// the group it starts, across the group's columns, or an empty cell. It
// returns the heading cells, one per span.
func (d *doc) groupRowTags(t *report.Table, spans [][2]int, tr *node) []*node {
	d.tags.el(tr, "TD")
	var out []*node
	for j := 0; j < len(t.Columns); {
		k := slices.IndexFunc(spans, func(sp [2]int) bool { return sp[0] == j })
		if k < 0 {
			d.tags.el(tr, "TD")
			j++
			continue
		}
		th := d.tags.el(tr, "TH")
		th.scope, th.colSpan = "Column", spans[k][1]-spans[k][0]
		out = append(out, th)
		j = spans[k][1]
	}
	return out
}

// tableRow is one row's box, its cells in tr: the label a row header,
// the numbers data cells.
func (d *doc) tableRow(t *report.Table, i int, r *report.Row, vals []string, indent, x0, stub float64, xs []float64, last bool, tr *node) *box {
	st := stCell
	if r.Total {
		st.face = st.face.bold()
	}
	lw := stub - 2*cellPad - indent
	var ws []word
	if r.Lead != "" {
		lst := st
		lst.face = st.face.italic()
		ws = append(ws, d.words(plain(r.Lead), lst)...)
	}
	ws = append(ws, d.words(plain(r.Heading()), st)...)
	lines := d.capLines(d.breakLines(ws, lw, lw, false), maxCellLines, st, lw, r.Pos, "label", fmt.Sprintf("the label of row %q of table %q", r.ID, t.ID))
	if len(lines) == 0 {
		lines = []textLine{{last: true}}
	}
	rb := &box{h: float64(len(lines))*st.leading + 2*rowPad}
	right := xs[len(xs)-1]
	if r.Total && i > 0 {
		rb.ops = append(rb.ops, op{kind: opLine, x: x0, y: 0, w: right - x0, color: rule, width: 0.2})
	}
	id := int32(0)
	th := d.tags.el(tr, "TH")
	th.scope = "Row"
	for li, ln := range lines {
		ops := tagOps(d.lineOps(ln, st, x0+cellPad+indent, rowPad+float64(li)*st.leading+baseline(st), lw), th)
		if li == 0 && len(ops) > 0 {
			id = ops[0].line
		}
		rb.ops = append(rb.ops, ops...)
	}
	if id == 0 {
		id = d.nextLine()
	}
	by := rowPad + baseline(st)
	for j, v := range vals {
		td := d.tags.el(tr, "TD")
		if v == "" {
			continue
		}
		w := d.fonts.width(st.face, st.size, v)
		rb.ops = append(rb.ops, op{kind: opText, x: xs[j+1] - cellPad - w, y: by, w: w, face: st.face,
			size: st.size, color: st.color, text: v, line: id, sep: true, tag: td})
	}
	closing := op{kind: opLine, x: x0, y: rb.h, w: right - x0, color: ink, width: 0.45}
	if last {
		rb.ops = append(rb.ops, closing)
	} else {
		rb.tail = []op{closing}
	}
	return rb
}

// groupSpans returns the [first, end) column ranges of the grouped
// headers: adjacent columns with the same non-empty group share one.
func groupSpans(t *report.Table) [][2]int {
	var spans [][2]int
	for j := 0; j < len(t.Columns); {
		c := t.Columns[j]
		k := j + 1
		for k < len(t.Columns) && c != nil && t.Columns[k] != nil && c.Group != "" && t.Columns[k].Group == c.Group {
			k++
		}
		if c != nil && c.Group != "" {
			spans = append(spans, [2]int{j, k})
		}
		j = k
	}
	return spans
}

// least is the narrowest the table can be set.
func (tc *tableColumns) least() float64 {
	w := tc.stubMin
	for _, m := range tc.mins {
		w += m
	}
	return w
}
