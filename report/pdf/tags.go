package pdf

import (
	"cmp"
	"slices"

	"github.com/migprofile/migprofile/report"
)

// Tagging: the logical structure a screen reader follows (PDF/UA-1,
// ISO 14289-1). The layout builds a tree of structure elements in
// reading order while it makes boxes, and each op carries the element
// its content belongs to; emit wraps each run of ops of one element in a
// marked-content sequence with an MCID, and everything else (running
// headers, rules, fills, repeated table headers) in an artifact. The tree
// is written by tagged.go.

// node is a structure element.
type node struct {
	role   string
	parent *node
	// seq orders a structural element's children: creation order, which
	// is reading order (see structural). A footnote sits just after the
	// block that first cites it.
	seq float64
	// children are the elements made under this one, in creation order.
	children []*node
	// content is what emit put in the element, in drawing order: marked
	// content, annotations and inline elements (links, references).
	content []kid
	// alt is a figure's text alternative; actual a span's real text (a
	// word without the hyphen a line break added); id a note's /ID; scope a
	// header cell's /Scope; rowSpan and colSpan a cell's spans (0: 1).
	alt              string
	actual           string
	id               string
	scope            string
	rowSpan, colSpan int
	// inline marks an element placed by emit in its parent's content.
	inline bool
	// obj is the element's object number, once written.
	obj int
}

// kid is one item of an element's content: a child element, a
// marked-content sequence of a page, or an annotation.
type kid struct {
	n     *node
	page  int // index in doc.pages
	mcid  int
	annot int // index in the annotations + 1; 0: not an annotation
}

// Artifacts: content that is not part of the text, such as a running
// header, which assistive technology skips. An op without an element is a
// layout artifact (a rule, a fill); these two sentinels say more.
var (
	layoutArtifact     = &node{role: "Artifact"}
	paginationArtifact = &node{role: "Artifact"}
	// repeatedArtifact marks content shown again on a later page (a
	// table's header and caption marked as continued): the first showing
	// is the content.
	repeatedArtifact = &node{role: "Artifact"}
)

// structural roles group other elements: their children are read in
// creation order, and they hold no content of their own.
var structural = map[string]bool{
	"Document": true, "Sect": true, "Div": true, "Table": true, "THead": true, "TBody": true,
	"TR": true, "L": true, "LI": true, "TOC": true, "TOCI": true,
}

// keptEmpty roles are written even without content: a table cell left
// empty still holds its place in the row.
var keptEmpty = map[string]bool{"TD": true, "TH": true, "TR": true}

// tagTree is the document's structure as it is built.
type tagTree struct {
	root *node
	seq  float64
	// sect is the framework being built; notes go into it.
	sect *node
	// notes are the footnotes' Note elements; cited the element that
	// first cites each, found by emit.
	notes map[*report.Footnote]*node
	cited map[*report.Footnote]*node
}

func newTagTree() *tagTree {
	return &tagTree{root: &node{role: "Document"}, notes: map[*report.Footnote]*node{}, cited: map[*report.Footnote]*node{}}
}

// el makes an element of role under parent (the document when nil).
func (t *tagTree) el(parent *node, role string) *node {
	if parent == nil {
		parent = t.root
	}
	t.seq++
	n := &node{role: role, parent: parent, seq: t.seq}
	parent.children = append(parent.children, n)
	return n
}

// inline makes an element of role inside parent's content, where emit is
// drawing (a link in a paragraph).
func (t *tagTree) inline(parent *node, role string) *node {
	n := &node{role: role, parent: parent, inline: true}
	parent.content = append(parent.content, kid{n: n})
	return n
}

// note is the Note element of footnote f.
func (t *tagTree) note(f *report.Footnote) *node {
	if n, ok := t.notes[f]; ok {
		return n
	}
	n := &node{role: "Note", id: "note-" + f.ID}
	t.notes[f] = n
	return n
}

// tagOps gives the ops without an element the element n.
func tagOps(ops []op, n *node) []op {
	for i := range ops {
		if ops[i].tag == nil {
			ops[i].tag = n
		}
	}
	return ops
}

// tagBoxes gives the ops of bs without an element the element n.
func tagBoxes(bs []*box, n *node) []*box {
	for _, b := range bs {
		tagOps(b.ops, n)
	}
	return bs
}

// placeNotes puts each cited footnote's Note into the framework section
// of its first citation, right after the block there that cites it, so
// that a screen reader reads the note after the paragraph or table it
// belongs to. Uncited notes are left out, as they are not printed.
func (t *tagTree) placeNotes(order []*report.Footnote) {
	after := map[*node]int{}
	for _, f := range order {
		n, by := t.notes[f], t.cited[f]
		if n == nil || !n.hasContent() {
			continue
		}
		if by == nil { // printed, but cited only in an artifact: at the end
			t.seq++
			n.parent, n.seq = t.root, t.seq
			t.root.children = append(t.root.children, n)
			continue
		}
		block := by
		for block.parent != nil && block.parent.role != "Sect" && block.parent != t.root {
			block = block.parent
		}
		if block.parent == nil {
			continue
		}
		after[block]++
		n.parent = block.parent
		n.seq = block.seq + float64(after[block])/1000
		block.parent.children = append(block.parent.children, n)
	}
}

// hasContent reports whether n or an element under it has content.
func (n *node) hasContent() bool {
	if len(n.content) > 0 {
		return true
	}
	for _, c := range n.children {
		if c.hasContent() {
			return true
		}
	}
	return false
}

// kids returns what n's structure element lists as /K, in reading order:
// for a structural element its children in order of seq; for another its
// content, with its non-inline children (a figure's caption) after it.
// Elements with no content are left out, but for table cells and rows.
func (n *node) kids() []kid {
	keep := func(c *node) bool { return keptEmpty[c.role] || c.hasContent() }
	if structural[n.role] {
		cs := slices.Clone(n.children)
		slices.SortStableFunc(cs, func(a, b *node) int { return cmp.Compare(a.seq, b.seq) })
		var out []kid
		for _, c := range cs {
			if keep(c) {
				out = append(out, kid{n: c})
			}
		}
		return out
	}
	var out []kid
	for _, k := range n.content {
		if k.n == nil || keep(k.n) {
			out = append(out, k)
		}
	}
	for _, c := range n.children {
		if !c.inline && keep(c) {
			out = append(out, kid{n: c})
		}
	}
	return out
}
