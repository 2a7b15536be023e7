package pdf

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"

	"github.com/migprofile/migprofile/report"
)

// Footnotes are printed at the foot of the page that first cites them.
// The engine reserves their height as it places the citing lines; finish
// draws them under a short rule.

const (
	noteRuleGap = 3.0 // from the body's last line to the rule
	noteGap     = 0.8 // between two footnotes
	noteIndent  = 4.5 // from the number to the text
)

// noteLayout is a footnote set at the text width.
type noteLayout struct {
	boxes []*box
	h     float64
}

func (d *doc) noteLayout(n *report.Footnote) *noteLayout {
	if nl, ok := d.notes[n]; ok {
		return nl
	}
	// Notes take the measure of the prose, not the whole text width: at
	// their small size a full-width line would run past 130 characters.
	w := d.measure - noteIndent
	maxLines := int((d.geo.bottom - d.geo.top) / 3 / stNote.leading)
	lines := d.capLines(d.breakLines(d.words(n.Text, stNote), w, w, false), maxLines, stNote, w, n.Pos, n.ID, fmt.Sprintf("footnote %s (a third of a page at most)", n.ID))
	bs := d.lineBoxes(lines, stNote, noteIndent, w)
	num := d.fonts.sanitize(stNote.face, n.ID)
	if len(bs) == 0 {
		bs = []*box{{h: stNote.leading}}
	}
	var id int32
	if len(bs[0].ops) > 0 {
		id = bs[0].ops[0].line
		bs[0].ops[0].sep = true
	} else {
		id = d.nextLine()
	}
	numOp := op{kind: opText, x: 0, y: baseline(stNote), w: d.fonts.width(stNote.face, stNote.size, num),
		face: stNote.face, size: stNote.size, color: stNote.color, text: num, line: id}
	bs[0].ops = append([]op{numOp}, bs[0].ops...)
	tagBoxes(bs, d.tags.note(n))
	nl := &noteLayout{boxes: bs, h: heights(bs)}
	d.notes[n] = nl
	return nl
}

// notesHeight is the height reserved at the page foot for ns.
func (d *doc) notesHeight(ns []*report.Footnote) float64 {
	if len(ns) == 0 {
		return 0
	}
	h := noteRuleGap + 1.5
	for i, n := range ns {
		if i > 0 {
			h += noteGap
		}
		h += d.noteLayout(n).h
	}
	return h
}

// drawNotes prints pg's footnotes at the foot of its body, in the order
// of their numbers (the columns of a page are placed one after the
// other, so their citations come in no reading order).
func (d *doc) drawNotes(pg *page) {
	if len(pg.notes) == 0 {
		return
	}
	order := make(map[*report.Footnote]int, len(d.p.Footnotes))
	for i, n := range d.p.Footnotes {
		order[n] = i
		if l, ok := d.noteNumbers[n]; ok {
			order[n], _ = strconv.Atoi(l)
		}
	}
	slices.SortStableFunc(pg.notes, func(a, b *report.Footnote) int { return cmp.Compare(order[a], order[b]) })
	y := d.geo.bottom - d.notesHeight(pg.notes) + noteRuleGap
	pg.ops = append(pg.ops, op{kind: opLine, x: d.geo.left, y: y, w: 45, color: rule, width: 0.25})
	y += 1.5
	for i, n := range pg.notes {
		if i > 0 {
			y += noteGap
		}
		if d.noteMarks == nil {
			d.noteMarks = map[*report.Footnote]*mark{}
		}
		d.noteMarks[n] = &mark{title: d.noteTitle(n), page: slices.Index(d.pages, pg), y: y}
		for _, b := range d.noteLayout(n).boxes {
			for _, o := range b.ops {
				pg.ops = append(pg.ops, o.moved(d.geo.left, y))
			}
			y += b.h
		}
	}
}

// noteTitle describes footnote n for a link to it, in any language: its
// number and the start of its text ("3 Community of Sahel-Saharan…").
func (d *doc) noteTitle(n *report.Footnote) string {
	num := n.ID
	if l, ok := d.noteNumbers[n]; ok {
		num = l
	}
	return num + " " + brief(n.Text.Plain())
}

// renumberNotes numbers the footnotes in the order the pages cite them, as
// LaTeX does, so that their numbers increase page by page even where a
// policy-table row or a column moved a citation past a later one. It
// applies when every footnote is numbered (an id like "12"), and rewrites
// the markers and the notes' own numbers; the digits are as wide as the
// published ones (Liberation's figures are tabular), so the lines set
// around them do not move. Notes the layout never cited keep their ids.
func (d *doc) renumberNotes(pages []*page) {
	for _, n := range d.p.Footnotes {
		if _, err := strconv.Atoi(n.ID); err != nil {
			return
		}
	}
	label := map[*report.Footnote]string{}
	for _, pg := range pages {
		for _, o := range pg.ops {
			if o.note != nil && label[o.note] == "" {
				label[o.note] = strconv.Itoa(len(label) + 1)
			}
		}
	}
	for _, pg := range pages {
		for i := range pg.ops {
			if o := &pg.ops[i]; o.note != nil {
				o.text = d.fonts.sanitize(o.face, label[o.note])
			}
		}
	}
	for n, l := range label {
		if nl, ok := d.notes[n]; ok && len(nl.boxes) > 0 && len(nl.boxes[0].ops) > 0 {
			nl.boxes[0].ops[0].text = l
		}
	}
	d.noteNumbers = label
}
