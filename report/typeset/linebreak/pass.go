package linebreak

import "math"

// The dynamic programme of Knuth and Plass. Walking the items once, the
// breaker keeps the "active" breaks: those from which a line could still
// reach the current item without being overfull. At each legal breakpoint it
// measures the line from every active break, keeps the best way to reach the
// breakpoint for each fitness class (and each line number while line widths
// differ), and drops the active breaks that the breakpoint makes overfull or
// that a forced break cuts off. An active break therefore lives for at most
// one line's worth of items, so the work is linear in the paragraph, and the
// only memory is one record per break kept.

// totals are running sums of the items before a position.
type totals struct {
	w, y, z float64 // width, finite stretch, shrink
	inf     int     // glues of infinite stretch
}

// add counts it into t, as if it were not broken at.
func (t *totals) add(it *Item) {
	switch it.Kind {
	case Box:
		t.w += it.Width
	case Glue:
		t.w += it.Width
		if math.IsInf(it.Stretch, 1) {
			t.inf++
		} else {
			t.y += it.Stretch
		}
		t.z += it.Shrink
	}
}

// active is an active break, with what the inner loop reads kept together.
type active struct {
	t        totals  // sums of the items before start
	demerits float64 // total demerits of the best paragraph up to here
	start    int     // the first item of the next line, after discarded items
	line     int     // index of the next line, capped at the last entry of widths
	fit      int8    // fitness class of the line that ends here
	flagged  bool    // the break is a flagged penalty
	node     int32   // its record in breaker.nodes
}

// node records a break, to read the lines back from the last one.
type node struct {
	pos, start  int     // the break item (-1: paragraph start); the next line's first item
	prev        int32   // the break that starts the line that ends here; -1 for none
	ratio       float64 // the reported ratio of the line that ends here
	over, under bool    // and how it is reported
}

// point is the breakpoint under consideration.
type point struct {
	i       int
	t       totals  // sums of the items before i
	width   float64 // the penalty's width, added if the line breaks here
	cost    float64 // the penalty's term in the demerits: p², -p², or 0
	flagged bool
	forced  bool
	final   bool    // the paragraph's last break
	eps     float64 // rounding noise in the width sums
	epsY    float64 // in the stretch sums
	epsZ    float64 // in the shrink sums
}

// candidate is the best way found to break at the current point for one
// line number and fitness class.
type candidate struct {
	from     int32 // the node of the break the line starts at
	line     int
	fit      int8
	over     bool
	r        float64
	demerits float64
}

// breaker holds one paragraph's state, reused by its passes.
type breaker struct {
	items  []Item
	widths []float64
	p      Params
	end    int // the last breakpoint: len(items), or the final forced break
	nodes  []node
	active []active
	cands  []candidate
	limit  []float64 // per candidate, see limits
}

// implicitEnd is the forced break that ends items lacking one.
var implicitEnd = Item{Kind: Penalty, Penalty: -Infinity}

func newBreaker(items []Item, widths []float64, p Params) *breaker {
	b := &breaker{
		items: items, widths: widths, p: p, end: len(items),
		// About one break is recorded for every two items.
		nodes: make([]node, 0, len(items)/2+2),
	}
	if items[len(items)-1].forced() {
		b.end = len(items) - 1
	}
	return b
}

// item returns item i, or the implicit end at len(items).
func (b *breaker) item(i int) *Item {
	if i == len(b.items) {
		return &implicitEnd
	}
	return &b.items[i]
}

// legal reports whether a line may break at item i: a glue after a box, or
// a penalty below +Infinity.
func (b *breaker) legal(i int) bool {
	it := b.item(i)
	switch it.Kind {
	case Glue:
		return i > 0 && b.items[i-1].Kind == Box
	case Penalty:
		return it.Penalty < Infinity
	}
	return false
}

// run makes one pass with the given cap on adjustment ratios and returns
// the node that ends the best paragraph, or false if no set of breaks keeps
// to the cap. The emergency pass always succeeds.
func (b *breaker) run(threshold float64, emergency bool) (int32, bool) {
	b.nodes = append(b.nodes[:0], node{pos: -1, prev: -1})
	b.active = append(b.active[:0], active{fit: decent})
	var t totals
	for i := 0; i <= b.end; i++ {
		if b.legal(i) {
			pt := b.point(i, t)
			b.consider(&pt, threshold, emergency)
			if len(b.active) == 0 {
				return -1, false
			}
		}
		t.add(b.item(i))
	}
	// The last breakpoint is forced: only the breaks made there are active.
	best := 0
	for k := range b.active {
		if b.active[k].demerits < b.active[best].demerits {
			best = k
		}
	}
	return b.active[best].node, true
}

// point describes the breakpoint at item i; t sums the items before it.
func (b *breaker) point(i int, t totals) point {
	it := b.item(i)
	pt := point{i: i, t: t, forced: it.forced(), final: i == b.end}
	if it.Kind == Penalty {
		pt.width, pt.flagged = it.Width, it.Flagged
		switch p := it.Penalty; {
		case p >= 0:
			pt.cost = p * p
		case !pt.forced:
			pt.cost = -p * p
		}
	}
	pt.eps = 1e-9 * (math.Abs(t.w) + b.widths[0])
	pt.epsY, pt.epsZ = 1e-9*t.y, 1e-9*t.z
	return pt
}

// consider tries breaking at pt from every active break, and drops those
// that pt makes overfull or that a forced break cuts off.
func (b *breaker) consider(pt *point, threshold float64, emergency bool) {
	b.cands = b.cands[:0]
	act := b.active
	kept := 0 // act[:kept] are the breaks that stay active
	var rescue active
	excess := math.Inf(1)
	// Active breaks are in the order of their positions. When all their
	// lines have one width, the adjustment ratio grows from each to the
	// next, so the first too loose line ends the search.
	monotone := b.uniform()
	for k := 0; k < len(act); k++ {
		a := &act[k]
		if a.start > pt.i { // pt lies among the items discarded after a
			kept = keep(act, kept, k)
			continue
		}
		r := b.ratio(a, pt)
		if r < -1 {
			// Lines from a only get wider: drop it, but remember the
			// least overfull one for an emergency.
			if e := b.overflow(a, pt); e < excess || (e == excess && a.demerits < rescue.demerits) {
				rescue, excess = *a, e
			}
			continue
		}
		if r <= threshold {
			b.offer(a, pt, r, false)
		} else if monotone && !pt.forced {
			// The lines from the later breaks are shorter still, with
			// less to stretch: keep them all without measuring them.
			if kept != k {
				copy(act[kept:], act[k:])
			}
			kept += len(act) - k
			break
		}
		if !pt.forced {
			kept = keep(act, kept, k)
		}
	}
	b.active = act[:kept]
	if emergency && len(b.cands) == 0 && kept == 0 && !math.IsInf(excess, 1) {
		// Nothing fits: set the line from the least overfull break as
		// it is (TeX's artificial demerits), so the pass goes on.
		b.offer(&rescue, pt, -1, true)
	}
	b.record(pt)
}

// keep moves act[k] to act[kept] and returns the new count of kept breaks.
func keep(act []active, kept, k int) int {
	if kept != k {
		act[kept] = act[k]
	}
	return kept + 1
}

// uniform reports whether the lines from every active break have the
// same width.
func (b *breaker) uniform() bool {
	last := len(b.widths) - 1
	if last == 0 {
		return true
	}
	for k := range b.active {
		if b.active[k].line < last {
			return false
		}
	}
	return true
}

// ratio returns the adjustment ratio of the line from a to pt: below -1
// when it is overfull.
func (b *breaker) ratio(a *active, pt *point) float64 {
	if a.start == pt.i && pt.forced {
		return 0 // an empty line between forced breaks is wanted as it is
	}
	w := pt.t.w - a.t.w + pt.width
	target := b.width(a.line)
	switch {
	case w < target-pt.eps:
		y := pt.t.y - a.t.y
		if b.p.Ragged > 0 {
			y = b.p.Ragged
		}
		switch {
		case pt.t.inf > a.t.inf:
			return 0
		case y > pt.epsY:
			return (target - w) / y
		}
		return math.Inf(1)
	case w > target+pt.eps:
		if z := pt.t.z - a.t.z; z > pt.epsZ && b.p.Ragged == 0 {
			return (target - w) / z
		}
		return math.Inf(-1)
	}
	return 0
}

// overflow returns by how much the line from a to pt is too wide when
// shrunk, to choose the least overfull line in an emergency.
func (b *breaker) overflow(a *active, pt *point) float64 {
	w := pt.t.w - a.t.w + pt.width
	if b.p.Ragged == 0 {
		w -= pt.t.z - a.t.z
	}
	return w - b.width(a.line)
}

// width returns the width of line l.
func (b *breaker) width(l int) float64 {
	if l >= len(b.widths) {
		l = len(b.widths) - 1
	}
	return b.widths[l]
}
