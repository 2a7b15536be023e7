package linebreak

import (
	"math"
	"strings"
	"testing"
)

// A monospace test typesetter: every character is 1 wide, a space is glue
// 1 wide that stretches by 1/2 and shrinks by 1/4 (dyadic, so sums are
// exact), "-" inside a word is a hyphenation point (flagged penalty 50 of
// width 1), "\n" ends a paragraph line (Finish's items).

var testSpace = NewGlue(1, 0.5, 0.25)

// para returns the items of text and, parallel to them, their text.
func para(text string) ([]Item, []string) {
	var items []Item
	var words []string
	for li, line := range strings.Split(text, "\n") {
		if li > 0 {
			items = Finish(items)
			for len(words) < len(items) {
				words = append(words, "")
			}
		}
		for wi, word := range strings.Fields(line) {
			if wi > 0 {
				items, words = append(items, testSpace), append(words, " ")
			}
			for pi, part := range strings.Split(word, "-") {
				if pi > 0 {
					items, words = append(items, NewPenalty(1, 50, true)), append(words, "-")
				}
				items, words = append(items, NewBox(float64(len([]rune(part))))), append(words, part)
			}
		}
	}
	items = Finish(items)
	for len(words) < len(items) {
		words = append(words, "")
	}
	return items, words
}

// render returns the text of each line, with a hyphen where a line ends at
// a penalty of some width.
func render(items []Item, words []string, lines []Line) []string {
	out := make([]string, len(lines))
	for k, l := range lines {
		var sb strings.Builder
		for i := l.Start; i < l.End; i++ {
			if items[i].Kind != Penalty {
				sb.WriteString(words[i])
			}
		}
		if l.End < len(items) && items[l.End].Kind == Penalty && items[l.End].Width > 0 {
			sb.WriteString("-")
		}
		out[k] = sb.String()
	}
	return out
}

// breakAt returns the break positions of lines.
func breakAt(lines []Line) []int {
	b := make([]int, len(lines))
	for k, l := range lines {
		b[k] = l.End
	}
	return b
}

// checkCover checks that lines cover items in order: each line starts where
// the discarded items after the previous break end, ends at a legal break,
// every forced break ends a line, and the last line ends the paragraph.
func checkCover(tb testing.TB, items []Item, widths []float64, lines []Line) {
	tb.Helper()
	if len(items) == 0 {
		if len(lines) != 0 {
			tb.Fatalf("no items, %d lines", len(lines))
		}
		return
	}
	b := newBreaker(items, widths, Params{})
	next, ends := 0, map[int]bool{}
	for k, l := range lines {
		if l.Start != next || l.End < l.Start || l.End > b.end {
			tb.Fatalf("line %d = [%d,%d), want start %d, end <= %d", k, l.Start, l.End, next, b.end)
		}
		if !b.legal(l.End) {
			tb.Fatalf("line %d ends at %d, not a legal break", k, l.End)
		}
		if math.IsNaN(l.Ratio) || math.IsInf(l.Ratio, 0) || l.Ratio < -1 {
			tb.Fatalf("line %d: ratio %v", k, l.Ratio)
		}
		ends[l.End] = true
		next = l.End
		for next < len(items) && (next == l.End || !(items[next].Kind == Box || items[next].forced())) {
			next++
		}
	}
	if last := lines[len(lines)-1].End; last != b.end {
		tb.Fatalf("last line ends at %d, want %d", last, b.end)
	}
	for i := range items {
		if items[i].forced() && !ends[i] {
			tb.Fatalf("forced break %d ends no line", i)
		}
	}
}

// evaluate measures the lines that end at breaks by summing items directly,
// as a reference for the breaker's running sums, and returns their total
// demerits (from the paper's formulas, written out again here) and whether
// every line is within tol. It returns ok false for breaks that are not a
// paragraph.
func evaluate(items []Item, widths []float64, p Params, tol float64, breaks []int) (demerits float64, ok bool) {
	start, prev, fit := 0, -1, int8(decent)
	for k, b := range breaks {
		if b < start {
			return 0, false
		}
		r := refRatio(items, widths[min(k, len(widths)-1)], p, start, b)
		if r < -1 || r > tol {
			return 0, false
		}
		demerits += refDemerits(items, p, prev, b, r, fit, k == len(breaks)-1)
		prev, fit = b, fitness(r)
		for start = b; start < len(items); start++ {
			if items[start].Kind == Box || (start > b && items[start].forced()) {
				break
			}
		}
	}
	return demerits, true
}

// refRatio returns the adjustment ratio of items[start:b] broken at b.
func refRatio(items []Item, width float64, p Params, start, b int) float64 {
	var w, y, z float64
	inf := 0
	for i := start; i < b; i++ {
		it := items[i]
		if it.Kind == Penalty {
			continue
		}
		w += it.Width
		if it.Kind == Glue {
			if math.IsInf(it.Stretch, 1) {
				inf++
			} else {
				y += it.Stretch
			}
			z += it.Shrink
		}
	}
	if b < len(items) && items[b].Kind == Penalty {
		w += items[b].Width
	}
	if start == b && (b == len(items) || items[b].forced()) {
		return 0
	}
	if p.Ragged > 0 {
		y, z = p.Ragged, 0
	}
	switch {
	case w < width && inf > 0:
		return 0
	case w < width && y > 0:
		return (width - w) / y
	case w < width:
		return math.Inf(1)
	case w > width && z > 0:
		return (width - w) / z
	case w > width:
		return math.Inf(-1)
	}
	return 0
}

// refDemerits returns the demerits of a line from break prev (fitness fit)
// to break b of ratio r.
func refDemerits(items []Item, p Params, prev, b int, r float64, fit int8, last bool) float64 {
	bad := 100 * math.Pow(math.Abs(r), 3)
	d := (p.LinePenalty + bad) * (p.LinePenalty + bad)
	flagged := func(i int) bool { return i >= 0 && i < len(items) && items[i].Kind == Penalty && items[i].Flagged }
	if b < len(items) && items[b].Kind == Penalty && !items[b].forced() {
		if pen := items[b].Penalty; pen >= 0 {
			d += pen * pen
		} else {
			d -= pen * pen
		}
	}
	if flagged(prev) && last {
		d += p.FinalHyphenDemerits
	} else if flagged(prev) && flagged(b) {
		d += p.FlaggedDemerits
	}
	if f := fitness(r); f-fit > 1 || fit-f > 1 {
		d += p.FitnessDemerits
	}
	return d
}

// bruteForce returns the least total demerits over every set of breaks
// within tol, trying them all, and false if there is none.
func bruteForce(items []Item, widths []float64, p Params, tol float64) (float64, bool) {
	b := newBreaker(items, widths, p)
	var optional, forced []int
	for i := 0; i <= b.end; i++ {
		switch {
		case !b.legal(i):
		case b.item(i).forced():
			forced = append(forced, i)
		default:
			optional = append(optional, i)
		}
	}
	best, found := math.Inf(1), false
	for mask := 0; mask < 1<<len(optional); mask++ {
		breaks := append([]int(nil), forced...)
		for k, i := range optional {
			if mask&(1<<k) != 0 {
				breaks = append(breaks, i)
			}
		}
		sortInts(breaks)
		if d, ok := evaluate(items, widths, p, tol, breaks); ok && d < best {
			best, found = d, true
		}
	}
	return best, found
}

// sortInts sorts a short slice in place.
func sortInts(a []int) {
	for i := 1; i < len(a); i++ {
		for j := i; j > 0 && a[j] < a[j-1]; j-- {
			a[j], a[j-1] = a[j-1], a[j]
		}
	}
}
