package pdf

import (
	"slices"
	"unicode"

	"strings"
	"unicode/utf8"

	"github.com/migprofile/migprofile/report/typeset/linebreak"

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
	// note is the footnote a marker cites (see renumberNotes).
	note *report.Footnote
	// hyphen: the text ends with a hyphen the line break added, which is
	// not part of the text (see lineOps).
	hyphen bool
}

// word is an unbreakable run of frags; space is the width of the space
// that follows it.
type word struct {
	frags []frag
	w     float64
	space float64
	notes []*report.Footnote
	// brk says how a line may break after this word when it has no space:
	// the word is then a piece of a longer one (see pieces).
	brk breakKind
}

// breakKind is how a line may break inside a word.
type breakKind uint8

const (
	// The zero breakKind: only at the word's space.
	_ breakKind = iota
	// directBreak: after a hyphen or a slash (UAX #14); nothing is added.
	directBreak
	// hyphenBreak: at a hyphenation point; a hyphen is added.
	hyphenBreak
)

// textLine is one line of set text: its words and natural width.
type textLine struct {
	words []word
	w     float64
	last  bool
	// ragged: the paragraph is set ragged-right, not justified.
	ragged bool
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

// breakLines sets words into lines of first mm (the first line) and width
// mm (the others) with the Knuth–Plass total-fit algorithm
// (report/typeset/linebreak): the breaks of the whole paragraph are chosen
// at once, inside words too — at Unicode's break opportunities (after a
// hyphen or a slash, nothing added) and at hyphenation points (a hyphen
// added) — so that no space stretches beyond twice its width when any set
// of breaks allows it. Justified text whose measure is too narrow for that
// (linebreak.ShouldRag), or that cannot keep within the cap anyway, is set
// ragged-right instead: its lines say so. Only a piece wider than a line
// is cut where no rule allows, with a hyphen.
func breakLines(m metrics, hy hyphenator, ws []word, first, width float64, justify bool) []textLine {
	if len(ws) == 0 {
		return nil
	}
	if naturalWidth(ws) <= first {
		return linesAt(ws, []int{len(ws)}) // one line: nothing to choose
	}
	// As TeX does, first try without hyphenation under a stricter cap
	// (\pretolerance): most paragraphs need no hyphen, and hyphenating
	// every word costs more than breaking.
	ps := cutLong(m, pieces(nil, m, ws), min(first, width))
	ragged := !justify || linebreak.ShouldRag(width, averageChar(m, ps))
	lines, ok := knuthPlass(m, ps, first, width, ragged, preTolerance)
	if !ok {
		if hy != nil {
			ps = cutLong(m, pieces(hy, m, ws), min(first, width))
		}
		lines, ok = knuthPlass(m, ps, first, width, ragged, linebreak.DefaultParams())
	}
	if !ok && !ragged {
		ragged = true
		lines, ok = knuthPlass(m, ps, first, width, true, linebreak.DefaultParams())
	}
	if !ok {
		return linesAt(ps, everyPiece(ps))
	}
	for i := range lines {
		lines[i].ragged = ragged
	}
	return lines
}

// knuthPlass breaks pieces into lines, justified (spaces stretch by half
// their width and shrink by a third) or ragged-right. ok is false when a
// justified paragraph cannot keep within the stretch cap (a line would be
// underfull), or the items are invalid.
func knuthPlass(m metrics, ps []word, first, width float64, ragged bool, p linebreak.Params) ([]textLine, bool) {
	items, owner := paragraphItems(m, ps, ragged)
	if ragged {
		p.Ragged = width / 3
	}
	ls, err := linebreak.Break(items, []float64{first, width}, p)
	if err != nil {
		return nil, false
	}
	out := make([]textLine, 0, len(ls))
	for _, l := range ls {
		if l.Underfull && (!ragged || p.LooseTolerance == 0) {
			return nil, false
		}
		var line []word
		for i := l.Start; i < l.End && i < len(items); i++ {
			if items[i].Kind == linebreak.Box {
				line = append(line, ps[owner[i]])
			}
		}
		if len(line) == 0 {
			continue
		}
		if l.End < len(items) && items[l.End].Kind == linebreak.Penalty && items[l.End].Width > 0 {
			line[len(line)-1] = withHyphen(m, line[len(line)-1])
		}
		out = append(out, textLine{words: line, w: naturalWidth(line)})
	}
	if len(out) > 0 {
		out[len(out)-1].last = true
	}
	return out, true
}

// preTolerance is the first try of every paragraph, without hyphenation:
// spaces may stretch by half their width at most (ratio 1, TeX's
// \pretolerance of 100), and no second pass.
var preTolerance = func() linebreak.Params {
	p := linebreak.DefaultParams()
	p.Tolerance, p.LooseTolerance = 1, 0
	return p
}()

// Costs of breaking inside a word, as in TeX: a hyphenation point or an
// explicit hyphen costs 50 (\hyphenpenalty, \exhyphenpenalty).
const (
	hyphenPenalty = 50
	directPenalty = 50
)

// paragraphItems turns pieces into Knuth–Plass items; owner[i] is the
// piece of box item i.
func paragraphItems(m metrics, ps []word, ragged bool) (items []linebreak.Item, owner []int) {
	items = make([]linebreak.Item, 0, 2*len(ps)+3)
	owner = make([]int, 0, cap(items))
	for i, p := range ps {
		items = append(items, linebreak.NewBox(p.w))
		owner = append(owner, i)
		if i == len(ps)-1 {
			break
		}
		switch {
		case p.space > 0 && ragged:
			items = append(items, linebreak.NewGlue(p.space, 0, 0))
		case p.space > 0:
			items = append(items, linebreak.NewGlue(p.space, p.space/2, p.space/3))
		case p.brk == hyphenBreak:
			items = append(items, linebreak.NewPenalty(hyphenWidth(m, p), hyphenPenalty, true))
		case p.brk == directBreak:
			items = append(items, linebreak.NewPenalty(0, directPenalty, false))
		default:
			items = append(items, linebreak.NewPenalty(0, linebreak.Infinity, false))
		}
		owner = append(owner, -1)
	}
	items = linebreak.Finish(items)
	for len(owner) < len(items) {
		owner = append(owner, -1)
	}
	return items, owner
}

// everyPiece breaks after every piece: the fallback when the items are
// refused, which only a NaN width could cause.
func everyPiece(ps []word) []int {
	breaks := make([]int, len(ps))
	for i := range ps {
		breaks[i] = i + 1
	}
	return breaks
}

// averageChar is the average advance of a lower-case letter in the face
// and size of the first piece: the unit of linebreak.ShouldRag.
func averageChar(m metrics, ps []word) float64 {
	for _, p := range ps {
		if len(p.frags) > 0 {
			f := p.frags[0]
			return m.width(f.face, f.size, "abcdefghijklmnopqrstuvwxyz") / 26
		}
	}
	return 1
}

// hyphenWidth is the width of the hyphen added when a line breaks after p.
func hyphenWidth(m metrics, p word) float64 {
	if len(p.frags) == 0 {
		return 0
	}
	f := p.frags[len(p.frags)-1]
	return m.width(f.face, f.size, "-")
}

// withHyphen returns p with a hyphen after its last frag.
func withHyphen(m metrics, p word) word {
	if len(p.frags) == 0 {
		return p
	}
	fs := slices.Clone(p.frags)
	last := &fs[len(fs)-1]
	hw := m.width(last.face, last.size, "-")
	last.text += "-"
	last.hyphen = true
	last.w += hw
	p.frags, p.w = fs, p.w+hw
	return p
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
			head.space, head.brk = 0, cutKind(head, tail)
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
	cut, ok := cutPoint(m, w, avail-hyphenWidth(m, w))
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
// added to each space between words (justified text; negative when the
// line's spaces shrink), off the shift of the line's start (centred or
// right-aligned text). The last line of a paragraph, and a paragraph set
// ragged, are not justified.
func (l textLine) spacing(st style, width float64) (gap, off float64) {
	spaces, shrink := 0, 0.0
	for _, w := range l.words[:max(len(l.words)-1, 0)] {
		if w.space > 0 {
			spaces++
			shrink = max(shrink, w.space/3)
		}
	}
	justify := st.justify && !l.last && !l.ragged
	// A line may be a little wider than the measure with its spaces at
	// their natural width, even the last line of a paragraph: the breaker
	// counted on them shrinking.
	if spaces > 0 && (justify || l.w > width) {
		gap = max((width-l.w)/float64(spaces), -shrink) // never overlap words
	}
	switch {
	case justify || gap < 0:
	case st.center:
		off = (width - l.w) / 2
	case st.right:
		off = width - l.w
	}
	return gap, off
}

// cutKind is how a word cut into head and tail breaks: with a hyphen
// between two letters or digits, as is between anything else (after a
// slash or a dot of a URL).
func cutKind(head, tail word) breakKind {
	a, _ := utf8.DecodeLastRuneInString(wordText(head))
	b, _ := utf8.DecodeRuneInString(wordText(tail))
	if isAlnum(a) && isAlnum(b) {
		return hyphenBreak
	}
	return directBreak
}

func isAlnum(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
