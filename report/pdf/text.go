package pdf

import (
	"strings"

	"github.com/migprofile/migprofile/report"
)

// Setting text: a report.Text becomes measured words in a style, the line
// breaker (linebreak.go) sets them into lines, and each line becomes the
// text ops of a box, placed and spaced as its style says.

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
	// hang shifts every line but the first (a hanging indent).
	hang float64
}

// plain makes a Text of one plain span.
func plain(s string) report.Text {
	if s == "" {
		return nil
	}
	return report.Text{{Kind: report.SpanPlain, Text: s}}
}

// prefixed returns label and t as one Text: "label: t".
func prefixed(l report.Labels, label string, t report.Text) report.Text {
	if label == "" {
		return t
	}
	out := report.Text{{Kind: report.SpanPlain, Text: l.Prefix(label)}}
	return append(out, t...)
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
			if p.face == fr.face && p.size == fr.size && p.rise == fr.rise && p.url == fr.url && p.color == fr.color && p.note == fr.note {
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
			add(frag{face: st.face, size: markerSize, rise: st.size * pt * 0.36, color: st.color, text: txt, note: sp.Note})
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

// breakLines sets ws into lines with the document's fonts: first is the
// first line's width, width the others'. See breakLines in linebreak.go.
func (d *doc) breakLines(ws []word, first, width float64, justify bool) []textLine {
	return breakLines(d.fonts, d.hyph, ws, first, width, justify)
}

// capLines keeps at most n lines of a box that cannot break (a table
// cell, a footnote, a line of the cover), so that absurdly long text
// cannot overflow a page. Dropping text is never silent: it is an error
// of the data at pos (field path) that names what was too long, and the
// last kept line ends with an ellipsis so that the layout can go on and
// report every such error at once.
func (d *doc) capLines(ls []textLine, n int, st style, width float64, pos report.Pos, path, what string) []textLine {
	if len(ls) <= n || n < 1 {
		return ls
	}
	d.errorf(pos, path, "%s is too long to print: it takes %d lines where at most %d fit; shorten it", what, len(ls), n)
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
	last.w = naturalWidth(last.words)
	ls[n-1] = last
	return ls
}

// lineOps places one line at x (left edge of the available width) with
// its baseline at y, and returns its ops.
func (d *doc) lineOps(l textLine, st style, x, y, width float64) []op {
	if d.needsScript(l) {
		return d.scriptLineOps(l, st, x, y, width)
	}
	id := d.nextLine()
	gap, off := l.spacing(st, width)
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
				color: fr.color, text: fr.text, url: fr.url, note: fr.note, line: id, sep: i > 0 && j == 0 && l.words[i-1].space > 0}
			// Glue the pieces of a word (no space between them), and in a
			// line set without extra spacing the words too, into one text
			// run of one style: fewer operators, same extraction.
			if n := len(ops); n > 0 && j == 0 && i > 0 && (gap == 0 || l.words[i-1].space == 0) {
				p := &ops[n-1]
				if p.face == fr.face && p.size == fr.size && p.y == o.y && p.url == fr.url && p.color == fr.color && p.note == fr.note {
					if l.words[i-1].space > 0 {
						p.text += " "
					}
					p.text += fr.text
					p.w = wx + fr.w - p.x
					wx += fr.w
					p.hyphen = p.hyphen || fr.hyphen
					continue
				}
			}
			o.hyphen = fr.hyphen
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
	lines := d.breakLines(ws, width, width-st.hang, st.justify)
	return d.lineBoxes(lines, st, dx, width)
}

// lineBoxes makes one box per line, the first at dx and the others
// indented by st.hang, tied so that no line is left alone.
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

// brief is s on one line, cut after 40 characters: enough of an author's
// text for a message to say which it is.
func brief(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}
