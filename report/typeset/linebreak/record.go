package linebreak

import "math"

// offer records the line from active break a to pt, of ratio r, as a
// candidate if it is the best yet for its line number and fitness class.
// An overfull line (emergency only) adds no demerits, as in TeX: it is the
// only way on.
func (b *breaker) offer(a *active, pt *point, r float64, over bool) {
	fit := fitness(r)
	d := a.demerits
	if !over {
		d += b.demerits(a, pt, r, fit)
	}
	line := a.line + 1
	if line >= len(b.widths) {
		line = len(b.widths) - 1
	}
	for j := range b.cands {
		if c := &b.cands[j]; c.line == line && c.fit == fit {
			if d < c.demerits {
				*c = candidate{from: a.node, line: line, fit: fit, over: over, r: r, demerits: d}
			}
			return
		}
	}
	b.cands = append(b.cands, candidate{from: a.node, line: line, fit: fit, over: over, r: r, demerits: d})
}

// demerits returns the demerits of the line from a to pt of ratio r and
// fitness class fit.
func (b *breaker) demerits(a *active, pt *point, r float64, fit int8) float64 {
	l := b.p.LinePenalty + badness(r)
	d := l*l + pt.cost
	if a.flagged {
		switch {
		case pt.final:
			d += b.p.FinalHyphenDemerits
		case pt.flagged:
			d += b.p.FlaggedDemerits
		}
	}
	if fit-a.fit > 1 || a.fit-fit > 1 {
		d += b.p.FitnessDemerits
	}
	return d
}

// record turns the candidates for a break at pt into active breaks. Those worse than the best of their line number by more than
// FitnessDemerits are left out: the most any later line can gain from a
// compatible fitness class is FitnessDemerits, so they can never win.
func (b *breaker) record(pt *point) {
	if len(b.cands) == 0 {
		return
	}
	// The next line starts at the first box or forced break after pt; the
	// glue and penalties before it are discarded, but counted in the
	// totals so that they cancel out of the next line's sums.
	t, start := pt.t, pt.i
	for ; start < len(b.items); start++ {
		it := &b.items[start]
		if it.Kind == Box || (start > pt.i && it.forced()) {
			break
		}
		t.add(it)
	}
	limit := b.limits()
	for j := range b.cands {
		c := &b.cands[j]
		if c.demerits > limit[j] {
			continue
		}
		n := node{pos: pt.i, start: start, prev: c.from}
		n.ratio, n.under = b.report(c)
		n.over = c.over
		b.nodes = append(b.nodes, n)
		b.active = append(b.active, active{
			t: t, demerits: c.demerits, start: start, line: c.line, fit: c.fit,
			flagged: pt.flagged, node: int32(len(b.nodes) - 1),
		})
	}
}

// limits returns, for each candidate, the demerits above which it cannot
// win: the best of its line number's plus FitnessDemerits.
func (b *breaker) limits() []float64 {
	b.limit = b.limit[:0]
	for j := range b.cands {
		best := b.cands[j].demerits
		for k := range b.cands {
			if c := &b.cands[k]; c.line == b.cands[j].line && c.demerits < best {
				best = c.demerits
			}
		}
		b.limit = append(b.limit, best+b.p.FitnessDemerits)
	}
	return b.limit
}

// report returns the ratio and Underfull flag that a Line shows for c.
func (b *breaker) report(c *candidate) (float64, bool) {
	under := !c.over && c.r > b.p.Tolerance
	switch {
	case b.p.Ragged > 0, math.IsInf(c.r, 1):
		return 0, under
	case c.over:
		return -1, false
	}
	return c.r, under
}

// lines returns the lines that end at node last and the nodes before it.
func (b *breaker) lines(last int32) []Line {
	n := 0
	for k := last; b.nodes[k].prev >= 0; k = b.nodes[k].prev {
		n++
	}
	lines := make([]Line, n)
	for k := last; b.nodes[k].prev >= 0; k = b.nodes[k].prev {
		n--
		nd := &b.nodes[k]
		lines[n] = Line{
			Start:     b.nodes[nd.prev].start,
			End:       nd.pos,
			Ratio:     nd.ratio,
			Overfull:  nd.over,
			Underfull: nd.under,
		}
	}
	return lines
}
