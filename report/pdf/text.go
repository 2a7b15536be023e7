package pdf

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"codeberg.org/go-pdf/fpdf"
	"golang.org/x/image/font/sfnt"

	"github.com/migprofile/migprofile/layouts"
	"github.com/migprofile/migprofile/report"
)

// face is one of the eight font faces the document may use.
type face uint8

// The faces: two families in four styles each.
const (
	serif face = iota
	serifBold
	serifItalic
	serifBoldItalic
	sans
	sansBold
	sansItalic
	sansBoldItalic
	numFaces
)

// bold returns the bold face of f's family, keeping italics.
func (f face) bold() face { return f | 1 }

// italic returns the italic face of f's family, keeping boldness.
func (f face) italic() face { return f | 2 }

// fontSet loads the faces into the PDF on first use, tells which runes
// they can draw, and measures text. Widths are cached per rune.
type fontSet struct {
	pdf    *fpdf.Fpdf
	loaded [numFaces]bool
	sf     [numFaces]*sfnt.Font
	buf    sfnt.Buffer
	// widths holds each rune's advance in mm per point of size, or -1
	// when the face has no glyph for it; 0 is "not yet measured".
	low  [numFaces][0x2200]float64
	high [numFaces]map[rune]float64
	err  error
}

func faceBytes(f face) (family string, style string, ttf []byte) {
	fam := layouts.Serif
	if f >= sans {
		fam = layouts.Sans
	}
	switch f % 4 {
	case 0:
		return fam.Name, "", fam.Regular
	case 1:
		return fam.Name, "B", fam.Bold
	case 2:
		return fam.Name, "I", fam.Italic
	default:
		return fam.Name, "BI", fam.BoldItalic
	}
}

// use loads face f into the PDF if needed and selects it at size pt.
func (fs *fontSet) use(f face, size float64) {
	family, style, ttf := faceBytes(f)
	if !fs.loaded[f] {
		fs.loaded[f] = true
		fs.pdf.AddUTF8FontFromBytes(family, style, ttf)
		sf, err := sfnt.Parse(ttf)
		if err != nil && fs.err == nil {
			fs.err = err
		}
		fs.sf[f] = sf
	}
	fs.pdf.SetFont(family, style, size)
}

// runeWidth returns the advance of r in face f, in mm per point of size,
// or -1 when the face cannot draw r.
func (fs *fontSet) runeWidth(f face, r rune) float64 {
	var w float64
	if r >= 0 && int(r) < len(fs.low[f]) {
		w = fs.low[f][r]
	} else if fs.high[f] != nil {
		w = fs.high[f][r]
	}
	if w != 0 {
		return w
	}
	w = fs.measureRune(f, r)
	if r >= 0 && int(r) < len(fs.low[f]) {
		fs.low[f][r] = w
	} else {
		if fs.high[f] == nil {
			fs.high[f] = make(map[rune]float64)
		}
		fs.high[f][r] = w
	}
	return w
}

func (fs *fontSet) measureRune(f face, r rune) float64 {
	fs.use(f, 10)
	sf := fs.sf[f]
	if sf == nil || r > 0xFFFF || r < 0 {
		return -1
	}
	gi, err := sf.GlyphIndex(&fs.buf, r)
	if err != nil || gi == 0 {
		return -1
	}
	w := fs.pdf.GetStringWidth(string(r)) / 10
	if w <= 0 {
		// A glyph of no advance (e.g. a combining mark): keep it, but
		// remember it was measured.
		return 1e-9
	}
	return w
}

// width returns the width in mm of s, already sanitized for f, at size pt.
func (fs *fontSet) width(f face, size float64, s string) float64 {
	var w float64
	for _, r := range s {
		if rw := fs.runeWidth(f, r); rw > 0 {
			w += rw
		}
	}
	return w * size
}

// sanitize returns s with what face f cannot draw replaced: line breaks
// and tabs become spaces, control and format characters are dropped, and
// a rune outside the font becomes U+FFFD (or "?" if the font lacks it).
func (fs *fontSet) sanitize(f face, s string) string {
	clean := true
	for _, r := range s {
		if r < ' ' || r == utf8.RuneError || fs.runeWidth(f, r) < 0 {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			b.WriteByte(' ')
		case unicode.IsControl(r) || unicode.Is(unicode.Cf, r):
		case fs.runeWidth(f, r) > 0:
			b.WriteRune(r)
		case fs.runeWidth(f, '\uFFFD') > 0:
			b.WriteRune('\uFFFD')
		default:
			b.WriteByte('?')
		}
	}
	return b.String()
}

// rgb is a colour.
type rgb struct{ r, g, b uint8 }

var (
	ink  = rgb{25, 25, 25}
	navy = rgb{22, 54, 92}
	grey = rgb{110, 110, 110}
	rule = rgb{150, 150, 150}
	pale = rgb{236, 239, 243}
	blue = rgb{20, 70, 160}
)

// style is how a run of text is set.
type style struct {
	face    face
	size    float64 // points
	leading float64 // mm from one baseline to the next
	color   rgb
	justify bool
	center  bool
	right   bool
	// indent shifts every line but the first (a hanging indent).
	hang float64
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

// words splits t into words set in st. Footnote markers are set as
// superscripts attached to the word before them.
func (d *doc) words(t report.Text, st style) []word {
	var ws []word
	var cur word
	open := false
	flush := func() {
		if open {
			cur.space = d.fonts.width(st.face, st.size, " ")
			ws = append(ws, cur)
		}
		cur = word{}
		open = false
	}
	add := func(fr frag) {
		fr.w = d.fonts.width(fr.face, fr.size, fr.text)
		// Merge with the previous frag when the style is the same.
		if n := len(cur.frags); n > 0 {
			p := &cur.frags[n-1]
			if p.face == fr.face && p.size == fr.size && p.rise == fr.rise && p.url == fr.url && p.color == fr.color {
				p.text += fr.text
				p.w += fr.w
				cur.w += fr.w
				open = true
				return
			}
		}
		cur.frags = append(cur.frags, fr)
		cur.w += fr.w
		open = true
	}
	for _, sp := range t {
		switch sp.Kind {
		case report.SpanNote:
			txt := d.fonts.sanitize(st.face, strings.TrimSpace(sp.Text))
			if txt == "" {
				continue
			}
			add(frag{face: st.face, size: st.size * 0.62, rise: st.size * pt * 0.36, color: st.color, text: txt})
			if sp.Note != nil {
				cur.notes = append(cur.notes, sp.Note)
			}
		default:
			fc, col, url := st.face, st.color, ""
			if sp.Kind == report.SpanLink {
				col, url = blue, sp.URL
			}
			txt := d.fonts.sanitize(fc, sp.Text)
			start := -1
			for i, r := range txt {
				if r == ' ' {
					if start >= 0 {
						add(frag{face: fc, size: st.size, color: col, text: txt[start:i], url: url})
						start = -1
					}
					flush()
					continue
				}
				if start < 0 {
					start = i
				}
			}
			if start >= 0 {
				add(frag{face: fc, size: st.size, color: col, text: txt[start:], url: url})
			}
		}
	}
	flush()
	return ws
}

// textLine is one line of set text: its words and natural width.
type textLine struct {
	words []word
	w     float64
	last  bool
}

// breakLines sets words into lines of at most width mm (the first line
// may have a different width), choosing the breaks that make the lines'
// slack most even over the whole paragraph rather than filling each line
// greedily, so that justified lines keep even spacing. A word wider than
// a line is cut.
func (d *doc) breakLines(ws []word, first, width float64) []textLine {
	ws = d.cutLong(ws, min(first, width))
	n := len(ws)
	if n == 0 {
		return nil
	}
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
	lines := make([]textLine, 0, len(breaks))
	start := 0
	for k := len(breaks) - 1; k >= 0; k-- {
		end := breaks[k]
		l := textLine{words: ws[start:end]}
		for i, w := range l.words {
			l.w += w.w
			if i > 0 {
				l.w += l.words[i-1].space
			}
		}
		lines = append(lines, l)
		start = end
	}
	lines[len(lines)-1].last = true
	return lines
}

// capLines keeps at most n lines, ending the last kept one with an
// ellipsis when lines were dropped: for boxes that cannot break (a table
// row, a footnote), so that absurdly long text cannot overflow a page.
func (d *doc) capLines(ls []textLine, n int, st style, width float64) []textLine {
	if len(ls) <= n || n < 1 {
		return ls
	}
	ls = ls[:n]
	var b strings.Builder
	for _, w := range ls[n-1].words {
		for _, f := range w.frags {
			b.WriteString(f.text)
		}
		b.WriteByte(' ')
	}
	b.WriteString(strings.Repeat("x", 100))
	last := textLine{last: true, words: d.words(plain(d.truncate(b.String(), st, width)), st)}
	for i, w := range last.words {
		last.w += w.w
		if i > 0 {
			last.w += last.words[i-1].space
		}
	}
	ls[n-1] = last
	return ls
}

// cutLong cuts every word wider than width into pieces that fit; the
// pieces are joined without space.
func (d *doc) cutLong(ws []word, width float64) []word {
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
			head, tail := d.cutWord(w, width)
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

// cutWord splits w so that head fits in avail mm, preferring to cut after
// a slash, hyphen or other URL punctuation. head always holds at least one
// rune, so the caller progresses.
func (d *doc) cutWord(w word, avail float64) (head, tail word) {
	type pos struct{ fi, bi int }
	var fit, good pos
	fit = pos{-1, -1}
	good = pos{-1, -1}
	x := 0.0
loop:
	for fi, fr := range w.frags {
		for bi, r := range fr.text {
			rw := d.fonts.runeWidth(fr.face, r)
			if rw < 0 {
				rw = 0
			}
			x += rw * fr.size
			if x > avail && !(fit.fi < 0) {
				break loop
			}
			end := bi + utf8.RuneLen(r)
			fit = pos{fi, end}
			if strings.ContainsRune("/-&?=_.,;", r) {
				good = fit
			}
		}
	}
	cut := fit
	if good.fi >= 0 {
		cut = good
	}
	if cut.fi < 0 {
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
			h.w = d.fonts.width(h.face, h.size, h.text)
			t.w = d.fonts.width(t.face, t.size, t.text)
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

// lineOps places one line at x (left edge of the available width) with
// its baseline at y, and returns its ops.
func (d *doc) lineOps(l textLine, st style, x, y, width float64) []op {
	id := d.nextLine()
	gap := 0.0
	off := 0.0
	switch {
	case st.justify && !l.last && len(l.words) > 1:
		gap = (width - l.w) / float64(len(l.words)-1)
		// A line that would need gaps of more than six spaces is left
		// ragged rather than torn apart.
		if gap < 0 || gap > 6*l.words[0].space {
			gap = 0
		}
	case st.center:
		off = (width - l.w) / 2
	case st.right:
		off = width - l.w
	}
	ops := make([]op, 0, len(l.words))
	cx := x + off
	for i, w := range l.words {
		if i > 0 {
			cx += l.words[i-1].space
			if l.words[i-1].space > 0 {
				cx += gap
			}
		}
		wx := cx
		for j, fr := range w.frags {
			o := op{kind: opText, x: wx, y: y - fr.rise, w: fr.w, h: fr.size * pt, face: fr.face, size: fr.size,
				color: fr.color, text: fr.text, url: fr.url, line: id, sep: i > 0 && j == 0 && l.words[i-1].space > 0}
			// In a line set without extra spacing, glue the words of one
			// style into one text run: fewer operators, same extraction.
			if n := len(ops); n > 0 && gap == 0 && j == 0 && i > 0 && l.words[i-1].space > 0 {
				p := &ops[n-1]
				if p.face == fr.face && p.size == fr.size && p.y == o.y && p.url == fr.url && p.color == fr.color {
					p.text += " " + fr.text
					p.w = wx + fr.w - p.x
					wx += fr.w
					continue
				}
			}
			ops = append(ops, o)
			wx += fr.w
		}
		cx += w.w
	}
	return ops
}

// textBoxes sets t in st into line boxes of width mm, each relative to
// the column's left edge plus dx. Lines carry the notes they cite and the
// keep flags that avoid a lone first or last line.
func (d *doc) textBoxes(t report.Text, st style, dx, width float64) []*box {
	ws := d.words(t, st)
	lines := d.breakLines(ws, width, width-st.hang)
	return d.lineBoxes(lines, st, dx, width)
}

func (d *doc) lineBoxes(lines []textLine, st style, dx, width float64) []*box {
	boxes := make([]*box, len(lines))
	for i, l := range lines {
		x, w := dx, width
		if i > 0 {
			x, w = dx+st.hang, width-st.hang
		}
		b := &box{h: st.leading, ops: d.lineOps(l, st, x, baseline(st), w)}
		for _, w := range l.words {
			b.notes = append(b.notes, w.notes...)
		}
		boxes[i] = b
	}
	keepLines(boxes)
	return boxes
}

// keepLines ties a paragraph's first line to the second and its last
// line to the one before, so that no line is left alone at the foot or
// head of a column.
func keepLines(bs []*box) {
	n := len(bs)
	if n > 1 {
		bs[0].keep = true
		bs[n-2].keep = true
	}
}

// baseline is the distance from a line box's top to its baseline.
func baseline(st style) float64 {
	return st.leading/2 + st.size*pt*0.33
}

// pt is one typographic point in mm.
const pt = 25.4 / 72
