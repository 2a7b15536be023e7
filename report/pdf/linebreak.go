package pdf

import (
	"strings"
	"unicode/utf8"

	"github.com/migprofile/migprofile/report"
)

// Line breaking: a paragraph arrives as words already measured (text.go
// makes them from a report.Text), and leaves as lines with their natural
// widths; justification then decides how each line's slack is spent. The
// breaker knows fonts only through metrics, to cut a word wider than a
// line, and nothing of pages, boxes or ops.

// metrics is what line breaking needs to know of fonts. *fontSet
// implements it.
type metrics interface {
	// width is the advance of s, set in face f at size pt, in mm.
	width(f face, size float64, s string) float64
	// runeWidth is the advance of r in face f, in mm per point of size,
	// or -1 when the face cannot draw r.
	runeWidth(f face, r rune) float64
}

// frag is a piece of a word in one face.
type frag struct {
	face  face
	size  float64
	rise  float64 // mm above the baseline (footnote markers)
	color rgb
	text  string
	w     float64
	url   string
}

// word is an unbreakable run of frags; space is the width of the space
// that follows it.
type word struct {
	frags []frag
	w     float64
	space float64
	notes []*report.Footnote
}

// textLine is one line of set text: its words and natural width.
type textLine struct {
	words []word
	w     float64
	last  bool
}

// naturalWidth is the width of ws set on one line with their own spaces.
func naturalWidth(ws []word) float64 {
	w := 0.0
	for i, wd := range ws {
		w += wd.w
		if i > 0 {
			w += ws[i-1].space
		}
	}
	return w
}

// breakLines sets words into lines of at most width mm (the first line
// may have a different width), choosing the breaks that make the lines'
// slack most even over the whole paragraph rather than filling each line
// greedily, so that justified lines keep even spacing. A word wider than
// a line is cut.
func breakLines(m metrics, ws []word, first, width float64) []textLine {
	ws = cutLong(m, ws, min(first, width))
	if len(ws) == 0 {
		return nil
	}
	return linesAt(ws, evenBreaks(ws, first, width))
}

// evenBreaks returns where each line of ws ends (an index into ws, in
// increasing order, the last being len(ws)), minimising over the
// paragraph the sum of 1 + r³ per line but the last, r being the slack
// per gap between words. A word alone on its line may overflow it.
func evenBreaks(ws []word, first, width float64) []int {
	n := len(ws)
	const inf = 1e300
	best := make([]float64, n+1)
	from := make([]int, n+1)
	for j := 1; j <= n; j++ {
		best[j] = inf
		w := 0.0
		for i := j - 1; i >= 0; i-- {
			w += ws[i].w
			if i < j-1 {
				w += ws[i].space
			}
			avail := width
			if i == 0 {
				avail = first
			}
			if w > avail+1e-6 && i < j-1 {
				break
			}
			cost := 0.0
			if j < n {
				gaps := float64(j - 1 - i)
				r := max(avail-w, 0) / (gaps + 0.5)
				cost = 1 + r*r*r
			}
			if c := best[i] + cost; c < best[j] {
				best[j], from[j] = c, i
			}
		}
	}
	var breaks []int
	for j := n; j > 0; j = from[j] {
		breaks = append(breaks, j)
	}
	for i, j := 0, len(breaks)-1; i < j; i, j = i+1, j-1 {
		breaks[i], breaks[j] = breaks[j], breaks[i]
	}
	return breaks
}

// linesAt cuts ws into lines ending at breaks.
func linesAt(ws []word, breaks []int) []textLine {
	lines := make([]textLine, 0, len(breaks))
	start := 0
	for _, end := range breaks {
		l := textLine{words: ws[start:end]}
		l.w = naturalWidth(l.words)
		lines = append(lines, l)
		start = end
	}
	lines[len(lines)-1].last = true
	return lines
}

// cutLong cuts every word wider than width into pieces that fit; the
// pieces are joined without space.
func cutLong(m metrics, ws []word, width float64) []word {
	long := false
	for _, w := range ws {
		if w.w > width {
			long = true
			break
		}
	}
	if !long {
		return ws
	}
	out := make([]word, 0, len(ws)+4)
	for _, w := range ws {
		for w.w > width && len(w.frags) > 0 {
			head, tail := cutWord(m, w, width)
			if len(tail.frags) == 0 {
				w = head
				break
			}
			head.space = 0
			out = append(out, head)
			w = tail
		}
		out = append(out, w)
	}
	return out
}

// cutPos is a position in a word: a frag and a byte offset in its text.
type cutPos struct{ fi, bi int }

// cutWord splits w so that head fits in avail mm, preferring to cut after
// a slash, hyphen or other URL punctuation. head always holds at least one
// rune, so the caller progresses.
func cutWord(m metrics, w word, avail float64) (head, tail word) {
	cut, ok := cutPoint(m, w, avail)
	if !ok {
		return w, word{}
	}
	for fi, fr := range w.frags {
		switch {
		case fi < cut.fi:
			head.frags = append(head.frags, fr)
		case fi > cut.fi:
			tail.frags = append(tail.frags, fr)
		default:
			h, t := fr, fr
			h.text, t.text = fr.text[:cut.bi], fr.text[cut.bi:]
			h.w = m.width(h.face, h.size, h.text)
			t.w = m.width(t.face, t.size, t.text)
			if h.text != "" {
				head.frags = append(head.frags, h)
			}
			if t.text != "" {
				tail.frags = append(tail.frags, t)
			}
		}
	}
	for _, fr := range head.frags {
		head.w += fr.w
	}
	for _, fr := range tail.frags {
		tail.w += fr.w
	}
	tail.space = w.space
	// Notes stay with the part that shows their marker: the tail.
	if len(tail.frags) > 0 {
		tail.notes = w.notes
	} else {
		head.notes = w.notes
		head.space = w.space
	}
	return head, tail
}

// cutPoint is where cutWord cuts w: after the last URL punctuation that
// fits in avail mm, else after the last rune that fits, else after the
// first rune. ok is false when w has no rune.
func cutPoint(m metrics, w word, avail float64) (cut cutPos, ok bool) {
	fit := cutPos{-1, -1}
	good := cutPos{-1, -1}
	x := 0.0
loop:
	for fi, fr := range w.frags {
		for bi, r := range fr.text {
			rw := m.runeWidth(fr.face, r)
			if rw < 0 {
				rw = 0
			}
			x += rw * fr.size
			if x > avail && fit.fi >= 0 {
				break loop
			}
			end := bi + utf8.RuneLen(r)
			fit = cutPos{fi, end}
			if strings.ContainsRune("/-&?=_.,;", r) {
				good = fit
			}
		}
	}
	cut = fit
	if good.fi >= 0 {
		cut = good
	}
	return cut, cut.fi >= 0
}

// spacing is how line l is set in width mm under st: gap is the space
// added to each gap between words (justified text), off the shift of the
// line's start (centred or right-aligned text). The last line of a
// paragraph is not justified, and a line that would need gaps of more
// than six spaces is left ragged rather than torn apart.
func (l textLine) spacing(st style, width float64) (gap, off float64) {
	switch {
	case st.justify && !l.last && len(l.words) > 1:
		gap = (width - l.w) / float64(len(l.words)-1)
		if gap < 0 || gap > 6*l.words[0].space {
			gap = 0
		}
	case st.center:
		off = (width - l.w) / 2
	case st.right:
		off = width - l.w
	}
	return gap, off
}
