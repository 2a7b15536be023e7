package pdf

import (
	"strings"

	"github.com/migprofile/migprofile/report/typeset/script"
)

// Lines in several scripts. A line is set in logical order (the order it
// is read and was broken in); a line holding right-to-left text (Arabic,
// Hebrew) or text for the fallback face is drawn in visual order:
// script.Visual finds the stretches of one direction, the right-to-left
// ones are reversed word by word and shaped, each word is cut into runs of
// one face, and every glyph that stands for other text (an Arabic
// presentation form for its letter) carries that text as /ActualText, so
// that copying and pdftotext give the logical text back.

// needsScript reports whether line l must be drawn through package
// script: it holds right-to-left text or text its faces cannot draw.
func (d *doc) needsScript(l textLine) bool {
	for _, w := range l.words {
		for _, f := range w.frags {
			if !d.fonts.plain(f.face, f.text) {
				return true
			}
		}
	}
	return false
}

// unit is a frag of a line, or a part of one, in logical order; a unit
// with space set stands for the space after word word.
type unit struct {
	word, frag int
	text       string
	start      int // byte offset in the line's logical text
	space      bool
}

// logicalUnits lays line l out as one logical string, its frags and
// spaces as units.
func logicalUnits(l textLine) (string, []unit) {
	var b strings.Builder
	var us []unit
	for i, w := range l.words {
		if i > 0 && l.words[i-1].space > 0 {
			us = append(us, unit{word: i - 1, text: " ", start: b.Len(), space: true})
			b.WriteByte(' ')
		}
		for j, f := range w.frags {
			us = append(us, unit{word: i, frag: j, text: f.text, start: b.Len()})
			b.WriteString(f.text)
		}
	}
	return b.String(), us
}

// scriptLineOps is lineOps for a line that needs script: the same spacing
// and alignment, the words in visual order.
func (d *doc) scriptLineOps(l textLine, st style, x, y, width float64) []op {
	id := d.nextLine()
	gap, off := l.spacing(st, width)
	text, us := logicalUnits(l)
	cx := x + off
	var ops []op
	sep := false
	for _, seg := range script.Visual(text, false) {
		parts := unitsIn(us, seg.Start, seg.Start+len(seg.Logical))
		from := len(ops)
		if seg.RTL {
			for i, j := 0, len(parts)-1; i < j; i, j = i+1, j-1 {
				parts[i], parts[j] = parts[j], parts[i]
			}
		}

		for _, u := range parts {
			if u.space {
				cx += l.words[u.word].space + gap
				sep = true
				continue
			}
			fr := l.words[u.word].frags[u.frag]
			for _, v := range script.Visual(u.text, seg.RTL) {
				cx = d.drawVisual(&ops, fr, v, cx, y, id, sep)
				sep = false
			}
		}
		if seg.RTL {
			// One stretch for the structure, read in logical order.
			rtl := d.nextLine()
			for i := from; i < len(ops); i++ {
				ops[i].rtl, ops[i].logical = rtl, seg.Logical
			}
		}
	}
	return ops
}

// unitsIn returns the units, or parts of units, inside [start, end) of the
// line's logical text, in logical order.
func unitsIn(us []unit, start, end int) []unit {
	var out []unit
	for _, u := range us {
		a, b := max(u.start, start), min(u.start+len(u.text), end)
		if a >= b {
			continue
		}
		part := u
		part.text = u.text[a-u.start : b-u.start]
		part.start = a
		out = append(out, part)
	}
	return out
}

// drawVisual appends the ops that draw segment v of frag fr from x on
// baseline y, run by run and piece by piece, and returns the x after it;
// sep says that a space comes before it.
func (d *doc) drawVisual(ops *[]op, fr frag, v script.Segment, x, y float64, id int32, sep bool) float64 {
	first := sep
	for _, r := range d.fonts.scriptRuns(fr.face, v.Visual) {
		for _, p := range script.Pieces(r.text, v.RTL) {
			w := d.fonts.rawWidth(r.face, fr.size, p.Text)
			*ops = append(*ops, op{kind: opText, x: x, y: y - fr.rise, w: w, h: fr.size * pt, face: r.face, size: fr.size,
				color: fr.color, text: p.Text, actual: p.Actual, url: fr.url, note: fr.note, line: id, sep: first})
			first = false
			x += w
		}
	}
	return x
}
