package pdf

import "github.com/migprofile/migprofile/report"

// The layout engine. A document body is a sequence of bands; a band is one
// or more columns side by side, each column a list of boxes stacked top to
// bottom. Columns flow independently across pages and the band ends below
// the longest one. Full-width prose is a band of one column; the outward |
// inward sections are bands of two; a policy-table row is a band of three.

// opKind tells what an op draws.
type opKind uint8

const (
	opText   opKind = iota + 1 // text run: baseline at (x, y)
	opLine                     // rule from (x, y) to (x+w, y+h)
	opRect                     // filled rectangle
	opFigure                   // a figure drawn by Options.Figures into (x, y, w, h)
	opLinkTo                   // clickable area leading to mark
)

// op is one drawing operation, in mm from the page's top-left corner (or,
// inside a box, from the box's top-left corner).
type op struct {
	kind  opKind
	x, y  float64
	w, h  float64
	face  face
	size  float64
	color rgb
	text  string
	// actual is the logical text that text stands for (an Arabic
	// presentation form stands for its letter), written as /ActualText so
	// that copying gives it back; "" when text is itself.
	actual string
	url    string
	// line groups the text runs of one logical line; sep tells that a
	// space precedes the run in it.
	line  int32
	sep   bool
	width float64 // rule width in mm
	dash  bool    // dotted rule
	mark  *mark
	fig   *report.Figure
	// note is the footnote a marker cites (see renumberNotes).
	note *report.Footnote
	// tag is the structure element the op's content belongs to; nil
	// makes it a layout artifact (see tags.go).
	tag *node
	// hyphen: the text ends with a hyphen the line break added, which
	// the structure's text leaves out (see marker.tagOf).
	hyphen bool
	// rtl numbers the right-to-left stretch of a line the op draws part
	// of (0: none); logical is that stretch's text in reading order,
	// which the structure gives for the glyphs drawn in visual order.
	rtl     int32
	logical string
}

// mark is a place in the document that the outline and the contents
// point to; page and y are known once its box is placed.
type mark struct {
	title    string
	level    int
	outline  bool
	contents bool
	page     int // index in doc.pages; -1 until placed
	y        float64
}

// box is an unbreakable piece of a column: a line of text, a table row, a
// figure, or vertical space.
type box struct {
	h     float64
	ops   []op
	notes []*report.Footnote
	// keep holds the box on the same page as the next one.
	keep bool
	// space is vertical space, dropped at the top of a page.
	space bool
	// repeat is placed before the box when it starts a column on a new
	// page (a table's header rows).
	repeat []*box
	// tail is drawn when a column breaks right after the box (a table's
	// closing rule).
	tail  []op
	marks []*mark
}

// column is one column of a band: its offset from the left margin, its
// width and its boxes; padTop and padBottom pad every fragment.
type column struct {
	x, w      float64
	padTop    float64
	padBottom float64
	// raise lifts the column's first box into the band above, unless the
	// column starts a page: a grid row's heading continued from the entry
	// above reads as one block.
	raise float64
	boxes []*box
}

// band is a set of columns that start at the same height.
type band struct {
	cols []*column
	// flow makes the columns one text: the boxes of cols[0] run down the
	// first column, then the second, page after page, and the last page's
	// columns are balanced to near-equal height (the others give only
	// their position and width).
	flow bool
	// intro boxes (full width) come before the first fragment and stay
	// on its page.
	intro []*box
	// header boxes (full width) are repeated above every fragment that
	// continues the band on a new page, and above the first one when
	// headerAtTop is set and the band starts a page.
	header      []*box
	headerAtTop bool
	newPage     bool
	gapBefore   float64
	gapAfter    float64
	// whole is the height of what should start on one page with the band
	// (a policy-table row: all its entries): see startBand.
	whole      float64
	wholeNotes []*report.Footnote // the notes cited in whole
	// wholeOnly: never split what whole covers here (a row's last
	// entries, too short to stand alone on the next page).
	wholeOnly bool
	// fragment is told where each fragment of the band went.
	fragment func(pg *page, y0, y1 float64, first, last bool)
	done     func()
}

// page is one page of the document, laid out.
type page struct {
	// under is drawn first (fills), then ops.
	under []op
	ops   []op
	notes []*report.Footnote
	cover bool
	// body is the range of ops drawn by the layout, between the running
	// header and the footnotes (set by finish).
	body [2]int
}

// engine places bands onto pages.
type engine struct {
	d      *doc
	pages  []*page
	pg     *page
	y      float64
	top    float64
	bottom float64
	// seen holds the footnotes already printed on an earlier page.
	seen map[*report.Footnote]bool
	// balancing: fill is trying a foot above the page's for balanced
	// columns, where a group that does not fit moves to the next column
	// whole rather than being split (a heading would be left alone).
	balancing bool
}

func (e *engine) newPage() {
	if e.pg != nil {
		for _, n := range e.pg.notes {
			e.seen[n] = true
		}
	}
	e.pg = &page{}
	e.pages = append(e.pages, e.pg)
	e.y = e.top
}

func (e *engine) atTop() bool { return e.y <= e.top+1e-6 }

// addNotes returns have plus those of add that are neither in have nor
// printed on an earlier page.
func (e *engine) addNotes(have, add []*report.Footnote) []*report.Footnote {
	for _, n := range add {
		if n == nil || e.seen[n] || containsNote(have, n) {
			continue
		}
		have = append(have, n)
	}
	return have
}

func containsNote(ns []*report.Footnote, n *report.Footnote) bool {
	for _, m := range ns {
		if m == n {
			return true
		}
	}
	return false
}

// limit is the lowest y the body may reach when notes are printed on the page.
func (e *engine) limit(notes []*report.Footnote) float64 {
	return e.bottom - e.d.notesHeight(notes)
}

// placed is a box put at a height during an attempt.
type placed struct {
	b    *box
	y    float64
	tail bool
	// repeat: the box is shown again (a table's header over a page it
	// continues on), an artifact for assistive technology.
	repeat bool
}

// run is the result of filling one column on one page.
type run struct {
	items  []placed
	next   int
	end    float64
	notes  []*report.Footnote
	forced bool
}

// fill places the boxes of c from index from, starting at y0 and staying
// above capY and above the footnotes of notes plus its own. force puts at
// least one box on the page (the column starts a fresh page).
func (e *engine) fill(c *column, from int, y0, capY float64, notes []*report.Footnote, force bool) run {
	f := &filling{e: e, c: c, capY: capY, notes: notes, r: run{next: from, end: y0}, y: y0 + c.padTop}
	if !force {
		f.y -= c.raise
	}
	bs := c.boxes
	i := from
	for i < len(bs) {
		if bs[i].space && len(f.r.items) == 0 && force {
			i++
			continue
		}
		// The group: this box and those it keeps with.
		j := keepGroup(bs, i)
		gh, gn := heights(bs[i:j+1]), groupNotes(bs[i:j+1])
		rep := 0.0
		if len(f.r.items) == 0 && bs[i].repeat != nil {
			rep = heights(bs[i].repeat)
		}
		if f.fits(rep+gh, gn) {
			for k := i; k <= j; k++ {
				f.put(bs[k], k == i)
			}
			i = j + 1
			continue
		}
		if len(f.r.items) > 0 && j > i || e.balancing {
			break // the group goes to the next page (or column) whole
		}
		i = f.placeSingly(bs, i, j, rep, force)
		break
	}
	r := f.r
	r.next = i
	if len(r.items) > 0 {
		r.end = f.y + c.padBottom
		if i < len(bs) {
			r.items[len(r.items)-1].tail = true
		}
	}
	return r
}

// filling is one call of fill: the column, where it must stop, the run
// so far and the height it reached.
type filling struct {
	e     *engine
	c     *column
	capY  float64
	notes []*report.Footnote // the page's notes before this column's
	r     run
	y     float64
}

// fits reports whether h more mm, citing add, fit above capY and above
// the footnotes the page would then hold.
func (f *filling) fits(h float64, add []*report.Footnote) bool {
	all := f.e.addNotes(append([]*report.Footnote(nil), f.notes...), f.r.notes)
	all = f.e.addNotes(all, add)
	lim := f.e.limit(all)
	if f.capY < lim {
		lim = f.capY
	}
	return f.y+h+f.c.padBottom <= lim+1e-6
}

// put places b at the current height; see engine.put.
func (f *filling) put(b *box, canRepeat bool) {
	f.y = f.e.put(&f.r, b, f.y, canRepeat)
}

// placeSingly places the boxes i..j of a group that does not fit whole
// (taller than what is left of an empty column, or a single box) one by
// one while they fit; rep is the height of the repeated header above the
// first. On a fresh page (force) where nothing fits, box i goes anyway.
// It returns the index of the first box not placed.
func (f *filling) placeSingly(bs []*box, i, j int, rep float64, force bool) int {
	next := i
	progressed := false
	for k := i; k <= j; k++ {
		rh := 0.0
		if len(f.r.items) == 0 && bs[k].repeat != nil {
			rh = rep
		}
		if !f.fits(rh+bs[k].h, bs[k].notes) {
			break
		}
		f.put(bs[k], true)
		next = k + 1
		progressed = true
	}
	if !progressed && force && len(f.r.items) == 0 {
		f.put(bs[i], true)
		next = i + 1
		f.r.forced = true
	}
	return next
}

// keepGroup returns the index of the last box that bs[i] keeps with,
// directly or through the boxes between.
func keepGroup(bs []*box, i int) int {
	j := i
	for j < len(bs)-1 && bs[j].keep {
		j++
	}
	return j
}

// groupNotes is the footnotes that bs cite.
func groupNotes(bs []*box) []*report.Footnote {
	var ns []*report.Footnote
	for _, b := range bs {
		ns = append(ns, b.notes...)
	}
	return ns
}

// put adds b (and, at the top of a column, its repeated header) to r at y
// and returns the y below it.
func (e *engine) put(r *run, b *box, y float64, canRepeat bool) float64 {
	if len(r.items) == 0 && canRepeat && b.repeat != nil {
		for _, h := range b.repeat {
			r.items = append(r.items, placed{b: h, y: y, repeat: true})
			y += h.h
		}
	}
	r.items = append(r.items, placed{b: b, y: y})
	r.notes = e.addNotes(r.notes, b.notes)
	return y + b.h
}

// commit draws r's boxes onto the current page at x.
func (e *engine) commit(r run, x float64) {
	for _, p := range r.items {
		e.drawBox(p.b, x, p.y, p.repeat)
		if p.tail {
			for _, o := range p.b.tail {
				e.pg.ops = append(e.pg.ops, o.moved(x, p.y))
			}
		}
	}
}

// drawBox copies b's ops onto the page at (x, y) and records its marks;
// a repeated box is an artifact, and anchors nothing.
func (e *engine) drawBox(b *box, x, y float64, repeated bool) {
	for _, o := range b.ops {
		o = o.moved(x, y)
		if repeated {
			o.tag = repeatedArtifact
		}
		e.pg.ops = append(e.pg.ops, o)
	}
	if repeated {
		return
	}
	for _, m := range b.marks {
		m.page = len(e.pages) - 1
		m.y = y
	}
}

// moved returns o shifted by (dx, dy).
func (o op) moved(dx, dy float64) op {
	o.x += dx
	o.y += dy
	return o
}

// firstGroup is the height of the first boxes of c that must share a page.
func firstGroup(c *column) float64 {
	h := c.padTop + c.padBottom
	started := false
	for _, b := range c.boxes {
		if b.space && !started {
			continue
		}
		started = true
		h += b.h
		if !b.keep {
			break
		}
	}
	return h
}

func heights(bs []*box) float64 {
	h := 0.0
	for _, b := range bs {
		h += b.h
	}
	return h
}

// place lays out band b from the current position, one fragment per page
// until every column is done.
func (e *engine) place(b *band) {
	e.startBand(b)
	next := make([]int, len(b.cols))
	for first := true; ; first = false {
		if e.placeFragment(b, next, first) {
			break
		}
		e.newPage()
	}
	e.y += b.gapAfter
	if b.done != nil {
		b.done()
	}
}

// startBand moves to where band b starts: a new page if it asks for one,
// else below its gap. The first fragment must hold the intro and the first
// lines of each column; otherwise the band starts on the next page.
func (e *engine) startBand(b *band) {
	if b.newPage && (!e.atTop() || len(e.pg.ops) > 0) {
		e.newPage()
	} else if !e.atTop() {
		e.y += b.gapBefore
	}
	if e.atTop() {
		return
	}
	need := heights(b.intro)
	room := e.bottom - e.top - heights(b.header)
	// A row that would split, but fits on a page of its own, moves there
	// whole when less than half of it would stay here: a split then
	// leaves little behind, and moving costs less than half a row of
	// white. A longer stay is split (at least three lines a side).
	withNotes := e.addNotes(append([]*report.Footnote(nil), e.pg.notes...), b.wholeNotes)
	left := e.limit(withNotes) - e.y - need
	if b.whole > 0 && b.whole <= room && b.whole > left+1e-6 && (left < b.whole/2 || b.wholeOnly) {
		e.newPage()
		return
	}
	g := 0.0
	for _, c := range b.cols {
		g = max(g, firstGroup(c))
	}
	if e.y+need+g > e.limit(e.pg.notes)+1e-6 {
		e.newPage()
	}
}

// placeFragment places on the current page what fits of band b, each
// column continuing from its index in next (which it advances), and
// reports whether every column is done.
func (e *engine) placeFragment(b *band, next []int, first bool) (done bool) {
	startTop := e.atTop()
	e.drawBandTop(b, first, startTop)
	y0 := e.y
	runs, total := e.fillColumns(b, next, y0, e.bottom, startTop)
	if b.flow && runs[len(runs)-1].next == len(b.cols[0].boxes) {
		runs, total = e.balance(b, next, y0, runs, total, startTop)
	}
	end := y0
	done = true
	for i, r := range runs {
		e.commit(r, e.d.geo.left+b.cols[i].x)
		end = max(end, r.end)
		if !b.flow {
			next[i] = r.next
			done = done && r.next >= len(b.cols[i].boxes)
		}
	}
	if b.flow {
		next[0] = runs[len(runs)-1].next
		done = next[0] >= len(b.cols[0].boxes)
	}
	e.pg.notes = total
	e.y = end
	if b.fragment != nil {
		b.fragment(e.pg, y0, end, first, done)
	}
	return done
}

// balance lowers the foot of a flowed band's last fragment as far as all
// its boxes still fit, so that its columns end at near-equal heights
// rather than the first full and the second short. runs and total are
// the fill down to the page's foot, kept if nothing lower holds it all.
func (e *engine) balance(b *band, next []int, y0 float64, runs []run, total []*report.Footnote, force bool) ([]run, []*report.Footnote) {
	lo, hi := y0, y0
	for _, r := range runs {
		hi = max(hi, r.end)
	}
	best, bestNotes := append([]run(nil), runs...), total
	e.balancing = true
	defer func() { e.balancing = false }()
	for range 12 {
		mid := (lo + hi) / 2
		rs, ns := e.fillColumns(b, next, y0, mid, force)
		last := rs[len(rs)-1]
		if last.next == len(b.cols[0].boxes) && !anyForced(rs) {
			hi, best, bestNotes = mid, append(best[:0], rs...), ns
		} else {
			lo = mid
		}
		if hi-lo < 0.5 {
			break
		}
	}
	return best, bestNotes
}

func anyForced(rs []run) bool {
	for _, r := range rs {
		if r.forced {
			return true
		}
	}
	return false
}

// drawBandTop draws what goes above a fragment's columns: the intro above
// the first fragment, the header above the others, and above the first
// too when the band starts a page, has no intro and asks for it.
func (e *engine) drawBandTop(b *band, first, startTop bool) {
	if first {
		for _, ib := range b.intro {
			e.drawBox(ib, e.d.geo.left, e.y, false)
			e.pg.notes = e.addNotes(e.pg.notes, ib.notes)
			e.y += ib.h
		}
	}
	if !first || (startTop && b.headerAtTop && len(b.intro) == 0) {
		for _, hb := range b.header {
			e.drawBox(hb, e.d.geo.left, e.y, true)
			e.y += hb.h
		}
	}
}

// fillColumns fills each column of b from next, below y0 and above capY.
// The columns share the page's foot, where all their footnotes go: when
// the notes of one push another column past the page's end, all are
// filled again stopping above them, up to eight more times. In a flowed
// band each column takes up where the one before it stopped.
func (e *engine) fillColumns(b *band, next []int, y0, capY float64, force bool) ([]run, []*report.Footnote) {
	var runs []run
	var total []*report.Footnote
	for attempt := 0; ; attempt++ {
		runs = runs[:0]
		total = append([]*report.Footnote(nil), e.pg.notes...)
		for i, c := range b.cols {
			from, f := next[i], force
			if b.flow && i > 0 {
				c, from, f = b.cols[0], skipSpace(b.cols[0].boxes, runs[i-1].next), false
			}
			r := e.fill(c, from, y0, capY, total, f)
			total = e.addNotes(total, r.notes)
			runs = append(runs, r)
		}
		lim := e.limit(total)
		over := false
		for _, r := range runs {
			if r.end > lim+1e-6 && !r.forced {
				over = true
			}
		}
		if !over || attempt >= 8 {
			break
		}
		capY = min(capY, lim)
	}
	return runs, total
}

// skipSpace returns the index of the first box from i on that is not
// vertical space: a column does not start with a gap.
func skipSpace(bs []*box, i int) int {
	for i < len(bs) && bs[i].space {
		i++
	}
	return i
}
