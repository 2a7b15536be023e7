package pdf

import (
	"bytes"
	"crypto/md5"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/migprofile/migprofile/report/typeset/script"
)

// Writing the structure. fpdf has no notion of tagging, so emit draws
// the marked content (marker) and records the link annotations, and
// writeTags adds to the finished file what fpdf cannot write: the
// structure tree, the parent tree, the annotations as objects of their
// own (a structure element must point at them), the pages' and the
// catalog's entries, and the trailer's /ID.

// marker opens and closes the marked-content sequences of the page being
// drawn: one per run of ops of one element, each with the next MCID.
type marker struct {
	d    *doc
	page int
	cur  *node
	open bool
	// single: the open sequence has actual text and takes no more ops.
	single bool
	// parents is, per page, the element of each MCID: the parent tree.
	parents [][]*node
	// link is the Link element the last link run went into, its address
	// and the element around it: a link broken over two lines is one
	// element.
	link       *node
	linkURL    string
	linkParent *node
	// rtlSpan is the Span of right-to-left stretch rtl.
	rtl     int32
	rtlSpan *node
}

// tagOf is the element o's content goes into: its own; a Link inside it
// for a link's text; a Reference inside it for a footnote marker; and
// inside that, for a word with the hyphen a line break added, a Span
// whose /ActualText is the word without it, so that a screen reader
// reads "Sahel", not "Sa-hel" (the glyphs keep the hyphen, for the eye).
func (m *marker) tagOf(o op) *node {
	t := m.elementOf(o)
	if o.rtl != 0 && t != nil && t.role != "Artifact" {
		// A right-to-left stretch is drawn glyph by glyph in visual
		// order: one Span gives its text in reading order.
		if m.rtl != o.rtl || m.rtlSpan == nil || m.rtlSpan.parent != t {
			m.rtl, m.rtlSpan = o.rtl, m.d.tags.inline(t, "Span")
			m.rtlSpan.actual = o.logical
		}
		return m.rtlSpan
	}
	if o.hyphen && t != nil && t.role != "Artifact" {
		s := m.d.tags.inline(t, "Span")
		s.actual = strings.TrimSuffix(strings.TrimSuffix(o.text, " "), "-")
		return s
	}
	return t
}

// elementOf is tagOf without the hyphen's span.
func (m *marker) elementOf(o op) *node {
	t := o.tag
	if t == nil || t.role == "Artifact" {
		return t
	}
	switch {
	case o.kind == opText && o.note != nil:
		if m.d.tags.cited[o.note] == nil {
			m.d.tags.cited[o.note] = t
		}
		// A marker is a reference to its note, and a link to it.
		return m.d.tags.inline(m.d.tags.inline(t, "Reference"), "Link")
	case o.kind == opText && o.url != "" && t.role != "Link":
		if m.link != nil && m.linkURL == o.url && m.linkParent == t && len(t.content) > 0 && t.content[len(t.content)-1].n == m.link {
			return m.link
		}
		m.link, m.linkURL, m.linkParent = m.d.tags.inline(t, "Link"), o.url, t
		return m.link
	}
	return t
}

// begin makes what follows content of n: an artifact for a sentinel (or
// nil), else a new marked-content sequence of n.
func (m *marker) begin(n *node) { m.beginActual(n, "") }

// beginActual is begin; with actual text (an Arabic run drawn in
// presentation forms), the sequence is one of its own, the run's glyphs
// in a span whose /ActualText is the real text, as copying wants it:
// some readers' structure extraction stops at the span's end, and alone
// in its sequence it ends the sequence too. The next op starts anew.
func (m *marker) beginActual(n *node, actual string) {
	if n == nil {
		n = layoutArtifact
	}
	if m.open && m.cur == n && actual == "" && !m.single {
		return
	}
	m.end()
	m.single = actual != ""
	switch n {
	case layoutArtifact:
		m.d.pdf.RawWriteStr("/Artifact BMC")
	case paginationArtifact, repeatedArtifact:
		m.d.pdf.RawWriteStr("/Artifact <</Type /Pagination>> BDC")
	default:
		m.d.pdf.RawWriteStr(fmt.Sprintf("/%s <</MCID %d>> BDC", n.role, m.mark(n)))
	}
	m.cur, m.open = n, true
	if actual != "" {
		m.d.pdf.RawWriteStr(script.BeginActualText(actual))
	}
}

// mark gives n the page's next MCID and returns it.
func (m *marker) mark(n *node) int {
	mcid := len(m.parents[m.page])
	m.parents[m.page] = append(m.parents[m.page], n)
	n.content = append(n.content, kid{page: m.page, mcid: mcid})
	return mcid
}

// end closes the open sequence, if any.
func (m *marker) end() {
	if m.open {
		if m.single {
			m.d.pdf.RawWriteStr(script.EndActualText)
		}
		m.d.pdf.RawWriteStr("EMC")
		m.open, m.single = false, false
	}
}

// annot is a link annotation: its area (mm from the page's top left),
// its target (an address or a place in the document), its Link element
// and its description.
type annot struct {
	page       int
	x, y, w, h float64
	uri        string
	dest       *mark
	node       *node
	contents   string
}

// link records the annotation a of op o on the page being drawn, in its
// Link element: the one o's text went into, or o's own for an area.
func (d *doc) link(o op, a annot) {
	n := d.marked.cur
	if o.kind == opLinkTo {
		n = o.tag
	}
	if n == nil || n.role != "Link" {
		return
	}
	a.page, a.node = d.marked.page, n
	a.contents = strings.TrimSpace(o.text)
	if a.dest != nil {
		a.contents = a.dest.title
	}
	if a.uri != "" && a.contents != a.uri {
		a.contents = strings.TrimSpace(a.contents + " " + a.uri)
	}
	d.annots = append(d.annots, a)
	n.content = append(n.content, kid{annot: len(d.annots)})
}

var (
	kidsRE    = regexp.MustCompile(`/Kids \[([0-9 R]*)\]`)
	rootRE    = regexp.MustCompile(`/Root (\d+) 0 R`)
	trailerRE = regexp.MustCompile(`(?s)trailer\s*<<(.*)>>\s*startxref`)
	sizeRE    = regexp.MustCompile(`/Size \d+`)
	infoRE    = regexp.MustCompile(`/Info \d+ 0 R`)
)

// objects is the file being extended: the objects added, numbered from
// first.
type objects struct {
	first int
	added [][]byte
	// info is the document information dictionary's number, for the
	// trailer (0: keep fpdf's).
	info int
}

func (o *objects) add(s string) int {
	o.added = append(o.added, []byte(s))
	return o.first + len(o.added) - 1
}

// writeTags adds the structure tree and the annotations to the file fpdf
// wrote (see the top of this file), with the repairs of structureEdits
// (levels are the outline items' levels), in one pass over the file.
func (d *doc) writeTags(pdf []byte, levels []int) ([]byte, error) {
	xr, err := readXref(pdf)
	if err != nil {
		return nil, err
	}
	pages, err := pageObjects(pdf, xr)
	if err != nil {
		return nil, err
	}
	if len(pages) != len(d.pages) {
		return nil, fmt.Errorf("pdf: %d page objects for %d pages", len(pages), len(d.pages))
	}
	d.tags.placeNotes(d.p.Footnotes)
	objs := &objects{first: len(xr.offsets)}
	// Number the elements first: they refer to each other.
	var order []*node
	var number func(n *node)
	number = func(n *node) {
		n.obj = objs.first + len(order) + len(d.annots) + 2
		order = append(order, n)
		for _, k := range n.kids() {
			if k.n != nil {
				number(k.n)
			}
		}
	}
	number(d.tags.root)
	root := objs.add("") // the StructTreeRoot, written last
	tree := objs.add("") // the ParentTree
	annotObjs := make([]int, len(d.annots))
	for i, a := range d.annots {
		annotObjs[i] = objs.add(d.annotObject(a, len(d.pages)+i, pages))
	}
	for _, n := range order {
		objs.add(d.elementObject(n, root, pages, annotObjs))
	}
	for _, ns := range d.marked.parents {
		for _, n := range ns {
			if n.obj == 0 {
				return nil, fmt.Errorf("pdf: internal error: content of a %s element outside the structure tree", n.role)
			}
		}
	}
	objs.added[tree-objs.first] = []byte(d.parentTree(annotObjs))
	objs.added[root-objs.first] = []byte(fmt.Sprintf("<</Type /StructTreeRoot /K [%d 0 R] /ParentTree %d 0 R /ParentTreeNextKey %d%s>>",
		d.tags.root.obj, tree, len(d.pages)+len(d.annots), idTree(order)))

	dates := infoDate.FindAllIndex(pdf[:xr.entries], -1)
	eds, err := d.tagEdits(pdf, xr, pages, root, annotObjs, dates)
	if err != nil {
		return nil, err
	}
	fixes, err := structureEdits(pdf, xr, levels)
	if err != nil {
		return nil, err
	}
	eds = append(eds, fixes...)
	slices.SortFunc(eds, func(a, b edit) int { return a.at - b.at })
	if len(dates) > 0 {
		objs.info = objectAt(xr, dates[0][0])
	}
	return appendObjects(pdf, xr, eds, objs)
}

// objectAt is the number of the object that holds offset at. writeTags
// uses it to find the document information dictionary (the object
// holding its /CreationDate): fpdf's trailer names the object before the
// catalog, which is wrong when an output intent's profile stream comes
// between them (PDF/A).
func objectAt(x xref, at int) int {
	best, start := 0, -1
	for n, off := range x.offsets {
		if n > 0 && off <= at && off > start {
			best, start = n, off
		}
	}
	return best
}

// pageObjects returns the object number of each page, in order, from the
// page tree fpdf writes as object 1.
func pageObjects(b []byte, x xref) ([]int, error) {
	if len(x.offsets) < 2 {
		return nil, fmt.Errorf("pdf: no page tree")
	}
	m := kidsRE.FindSubmatch(b[x.offsets[1]:])
	if m == nil {
		return nil, fmt.Errorf("pdf: no /Kids in the page tree")
	}
	var out []int
	for _, f := range strings.Fields(string(m[1])) {
		if n, err := strconv.Atoi(f); err == nil && n > 0 {
			out = append(out, n)
		}
	}
	return out, nil
}

// tagEdits are the changes to fpdf's objects: each page gets its
// /StructParents, its annotations and their tab order; the catalog its
// structure tree, /MarkInfo and /ViewerPreferences; the Info dictionary's
// dates (at dates) their time zone.
func (d *doc) tagEdits(b []byte, x xref, pages []int, root int, annotObjs []int, dates [][]int) ([]edit, error) {
	var eds []edit
	byPage := make([][]int, len(pages))
	for i, a := range d.annots {
		byPage[a.page] = append(byPage[a.page], annotObjs[i])
	}
	for i, p := range pages {
		if p >= len(x.offsets) {
			return nil, fmt.Errorf("pdf: page object %d missing", p)
		}
		at := x.offsets[p]
		j := bytes.Index(b[at:], []byte("<</Type /Page"))
		if j < 0 {
			return nil, fmt.Errorf("pdf: page object %d is not a page", p)
		}
		s := fmt.Sprintf(" /StructParents %d", i)
		if len(byPage[i]) > 0 {
			var refs []string
			for _, a := range byPage[i] {
				refs = append(refs, fmt.Sprintf("%d 0 R", a))
			}
			s += " /Tabs /S /Annots [" + strings.Join(refs, " ") + "]"
		}
		eds = append(eds, edit{at: at + j + len("<</Type /Page"), s: s})
	}
	t := trailerRE.FindSubmatch(b[x.entries:])
	if t == nil {
		return nil, fmt.Errorf("pdf: no trailer")
	}
	r := rootRE.FindSubmatch(t[1])
	if r == nil {
		return nil, fmt.Errorf("pdf: no /Root in the trailer")
	}
	cat, _ := strconv.Atoi(string(r[1]))
	if cat <= 0 || cat >= len(x.offsets) {
		return nil, fmt.Errorf("pdf: catalog %d missing", cat)
	}
	j := bytes.Index(b[x.offsets[cat]:], []byte("/Type /Catalog"))
	if j < 0 {
		return nil, fmt.Errorf("pdf: object %d is not the catalog", cat)
	}
	eds = append(eds, edit{at: x.offsets[cat] + j + len("/Type /Catalog"),
		s: fmt.Sprintf("\n/StructTreeRoot %d 0 R\n/MarkInfo <</Marked true>>\n/ViewerPreferences <</DisplayDocTitle true>>", root)})
	// The Info dictionary's dates in UTC, as its XMP says (fpdf writes
	// no time zone).
	for _, m := range dates {
		eds = append(eds, edit{at: m[1] - 1, s: "Z"})
	}
	return eds, nil
}

var infoDate = regexp.MustCompile(`/(?:CreationDate|ModDate) \(D:\d{14}\)`)

// annotObject is link annotation a, key its StructParent.
func (d *doc) annotObject(a annot, key int, pages []int) string {
	k := 72 / 25.4
	ph := d.geo.ph
	var b strings.Builder
	fmt.Fprintf(&b, "<</Type /Annot /Subtype /Link /Rect [%.2f %.2f %.2f %.2f] /Border [0 0 0] /F 4 /StructParent %d /Contents %s",
		a.x*k, (ph-a.y-a.h)*k, (a.x+a.w)*k, (ph-a.y)*k, key, script.TextString(a.contents))
	if a.dest != nil {
		fmt.Fprintf(&b, " /Dest [%d 0 R /XYZ 0 %.2f null]", pages[a.dest.page], (ph-a.dest.y)*k)
	} else {
		fmt.Fprintf(&b, " /A <</S /URI /URI %s>>", asciiString(a.uri))
	}
	b.WriteString(">>")
	return b.String()
}

// elementObject is structure element n; root is the structure tree
// root, the document element's parent.
func (d *doc) elementObject(n *node, root int, pages, annotObjs []int) string {
	var b strings.Builder
	parent := root
	if n.parent != nil {
		parent = n.parent.obj
	}
	fmt.Fprintf(&b, "<</Type /StructElem /S /%s /P %d 0 R", n.role, parent)
	kids := n.kids()
	pg := -1
	for _, k := range kids {
		if k.n == nil && k.annot == 0 {
			pg = k.page
			break
		}
	}
	if pg >= 0 {
		fmt.Fprintf(&b, " /Pg %d 0 R", pages[pg])
	}
	if n.alt != "" {
		fmt.Fprintf(&b, " /Alt %s", script.TextString(n.alt))
	}
	if n.actual != "" {
		fmt.Fprintf(&b, " /ActualText %s", script.TextString(n.actual))
	}
	if n.id != "" {
		fmt.Fprintf(&b, " /ID %s", asciiString(n.id))
	}
	if n.scope != "" || n.rowSpan > 1 || n.colSpan > 1 {
		b.WriteString(" /A <</O /Table")
		if n.scope != "" {
			fmt.Fprintf(&b, " /Scope /%s", n.scope)
		}
		if n.rowSpan > 1 {
			fmt.Fprintf(&b, " /RowSpan %d", n.rowSpan)
		}
		if n.colSpan > 1 {
			fmt.Fprintf(&b, " /ColSpan %d", n.colSpan)
		}
		b.WriteString(">>")
	}
	b.WriteString(" /K [")
	for i, k := range kids {
		if i > 0 {
			b.WriteByte(' ')
		}
		switch {
		case k.n != nil:
			fmt.Fprintf(&b, "%d 0 R", k.n.obj)
		case k.annot > 0:
			a := d.annots[k.annot-1]
			fmt.Fprintf(&b, "<</Type /OBJR /Obj %d 0 R /Pg %d 0 R>>", annotObjs[k.annot-1], pages[a.page])
		case k.page == pg:
			fmt.Fprintf(&b, "%d", k.mcid)
		default:
			fmt.Fprintf(&b, "<</Type /MCR /Pg %d 0 R /MCID %d>>", pages[k.page], k.mcid)
		}
	}
	b.WriteString("]>>")
	return b.String()
}

// parentTree maps each page's MCIDs, and each annotation, to their
// elements: the number tree a reader follows from content to structure.
func (d *doc) parentTree(annotObjs []int) string {
	var b strings.Builder
	b.WriteString("<</Nums [")
	for i, ns := range d.marked.parents {
		fmt.Fprintf(&b, "%d [", i)
		for j, n := range ns {
			if j > 0 {
				b.WriteByte(' ')
			}
			fmt.Fprintf(&b, "%d 0 R", n.obj)
		}
		b.WriteString("] ")
	}
	for i, a := range d.annots {
		fmt.Fprintf(&b, "%d %d 0 R ", len(d.pages)+i, a.node.obj)
	}
	b.WriteString("]>>")
	return b.String()
}

// idTree is the structure tree root's /IDTree entry for the elements
// that have an /ID (footnotes), sorted as a name tree must be.
func idTree(order []*node) string {
	var ns []*node
	for _, n := range order {
		if n.id != "" {
			ns = append(ns, n)
		}
	}
	if len(ns) == 0 {
		return ""
	}
	slices.SortFunc(ns, func(a, b *node) int { return strings.Compare(a.id, b.id) })
	var b strings.Builder
	b.WriteString(" /IDTree <</Names [")
	for _, n := range ns {
		fmt.Fprintf(&b, "%s %d 0 R ", asciiString(n.id), n.obj)
	}
	b.WriteString("]>>")
	return b.String()
}

// asciiString is s as a literal PDF string of bytes (an address, an
// id), with the characters that need it escaped.
func asciiString(s string) string {
	var b strings.Builder
	b.WriteByte('(')
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '(' || c == ')' || c == '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c < 32 || c > 126:
			fmt.Fprintf(&b, "\\%03o", c)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte(')')
	return b.String()
}

// appendObjects applies eds to the objects of b, appends objs' objects,
// and writes a new cross-reference table and trailer (with /Size and a
// file /ID from the content, so that the same input gives the same file).
func appendObjects(b []byte, x xref, eds []edit, objs *objects) ([]byte, error) {
	xrefAt, _ := strconv.Atoi(string(b[x.startPos[0]:x.startPos[1]]))
	t := trailerRE.FindSubmatch(b[x.entries:])
	if t == nil || xrefAt <= 0 || xrefAt > len(b) {
		return nil, fmt.Errorf("pdf: no trailer")
	}
	var out bytes.Buffer
	out.Grow(len(b) + 256*len(objs.added))
	writeEdited(&out, b[:xrefAt], eds)
	offsets := make([]int, 0, len(x.offsets)+len(objs.added))
	for i, off := range x.offsets {
		e := b[x.entries+20*i:]
		if i > 0 && e[17] == 'n' {
			off = shifted(eds, off)
		}
		offsets = append(offsets, off)
	}
	for i, o := range objs.added {
		offsets = append(offsets, out.Len())
		fmt.Fprintf(&out, "%d 0 obj\n", objs.first+i)
		out.Write(o)
		out.WriteString("\nendobj\n")
	}
	sum := md5.Sum(out.Bytes())
	at := out.Len()
	fmt.Fprintf(&out, "xref\n0 %d\n0000000000 65535 f \n", len(offsets))
	for _, off := range offsets[1:] {
		fmt.Fprintf(&out, "%010d 00000 n \n", off)
	}
	dict := sizeRE.ReplaceAllString(string(t[1]), fmt.Sprintf("/Size %d", len(offsets)))
	if objs.info > 0 {
		dict = infoRE.ReplaceAllString(dict, fmt.Sprintf("/Info %d 0 R", objs.info))
	}
	fmt.Fprintf(&out, "trailer\n<<%s/ID [<%x> <%x>]\n>>\nstartxref\n%d\n%%%%EOF\n", dict, sum, sum, at)
	return out.Bytes(), nil
}
