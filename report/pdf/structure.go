package pdf

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
)

// pdfVersion is the version the header declares. fpdf writes "1.3"
// whatever the file uses and offers no setter; everything fpdf writes is
// valid PDF 1.7, which is ISO 32000-1, the version readers and checkers
// expect.
const pdfVersion = "1.7"

// structureEdits repair what fpdf v0.12 writes wrongly and cannot be
// told otherwise: the header's version, and the outline's /Count entries
// (fpdf writes /Count 0 on every item, which the PDF specification
// forbids on an item that has children, and none on the outline's root).
// levels are the outline items' levels in the order they were added. The
// top level is open and deeper levels closed, as a reader expects of a
// report: parts visible, their sections one click away. writeTags applies
// the edits with its own, in one pass over the file.
func structureEdits(b []byte, x xref, levels []int) ([]edit, error) {
	if !bytes.HasPrefix(b, []byte("%PDF-1.")) || len(b) < 8 {
		return nil, fmt.Errorf("pdf: no PDF header")
	}
	eds := []edit{{at: 5, n: 3, s: pdfVersion}}
	if len(levels) == 0 {
		return eds, nil
	}
	m := outlineRoot.FindSubmatchIndex(b[:x.entries])
	if m == nil {
		return nil, fmt.Errorf("pdf: outline root not found")
	}
	first, _ := strconv.Atoi(string(b[m[2]:m[3]]))
	counts, total := outlineCounts(levels)
	for i, c := range counts {
		n := first + i
		if n <= 0 || n >= len(x.offsets) {
			return nil, fmt.Errorf("pdf: outline item %d has no object", i)
		}
		off := x.offsets[n]
		j := bytes.Index(b[off:], []byte(countZero))
		if j < 0 {
			return nil, fmt.Errorf("pdf: outline item %d has no /Count", i)
		}
		repl := ">>"
		if c != 0 {
			repl = fmt.Sprintf("/Count %d>>", c)
		}
		eds = append(eds, edit{at: off + j, n: len(countZero), s: repl})
	}
	// The root: /Type /Outlines /First … → the count of visible items.
	return append(eds, edit{at: m[1], n: 0, s: fmt.Sprintf(" /Count %d", total)}), nil
}

const countZero = "/Count 0>>"

var outlineRoot = regexp.MustCompile(`<</Type /Outlines /First (\d+) 0 R`)

// outlineCounts returns each item's /Count (0 for an item without
// children) and the number of items visible when the top level is open:
// an open item counts its visible descendants, a closed one minus the
// number its opening would show.
func outlineCounts(levels []int) (counts []int, total int) {
	counts = make([]int, len(levels))
	for i, l := range levels {
		children := 0
		for j := i + 1; j < len(levels) && levels[j] > l; j++ {
			if levels[j] == l+1 {
				children++
			}
		}
		switch {
		case children == 0:
		case l == 0:
			counts[i] = children
		default:
			counts[i] = -children
		}
		if l == 0 {
			total += 1 + counts[i]
		}
	}
	return counts, total
}

// xref is a file's classic cross-reference table: the byte offset of
// each object by number, where the table's entries start, and where the
// startxref number is.
type xref struct {
	offsets  []int
	entries  int // offset of the first 20-byte entry
	startPos [2]int
}

var startxrefRE = regexp.MustCompile(`startxref\s+(\d+)\s+%%EOF\s*$`)
var xrefHead = regexp.MustCompile(`^xref\s+0 (\d+)\s+`)

// readXref reads the single cross-reference table fpdf writes.
func readXref(b []byte) (xref, error) {
	var x xref
	m := startxrefRE.FindSubmatchIndex(b)
	if m == nil {
		return x, fmt.Errorf("pdf: no startxref")
	}
	x.startPos = [2]int{m[2], m[3]}
	at, _ := strconv.Atoi(string(b[m[2]:m[3]]))
	if at <= 0 || at >= len(b) {
		return x, fmt.Errorf("pdf: startxref out of range")
	}
	h := xrefHead.FindSubmatchIndex(b[at:])
	if h == nil {
		return x, fmt.Errorf("pdf: no xref table at %d", at)
	}
	n, _ := strconv.Atoi(string(b[at+h[2] : at+h[3]]))
	x.entries = at + h[1]
	if x.entries+20*n > len(b) {
		return x, fmt.Errorf("pdf: xref table truncated")
	}
	x.offsets = make([]int, n)
	for i := range n {
		e := b[x.entries+20*i:]
		x.offsets[i], _ = strconv.Atoi(string(e[:10]))
	}
	return x, nil
}

// edit replaces n bytes at offset at with s.
type edit struct {
	at, n int
	s     string
}

// shifted is offset off of a file after eds (in increasing offset order)
// are applied to it.
func shifted(eds []edit, off int) int {
	d := 0
	for _, e := range eds {
		if e.at < off {
			d += len(e.s) - e.n
		}
	}
	return off + d
}

// writeEdited writes b to out with eds (in increasing offset order, all
// inside b) applied.
func writeEdited(out *bytes.Buffer, b []byte, eds []edit) {
	last := 0
	for _, e := range eds {
		out.Write(b[last:e.at])
		out.WriteString(e.s)
		last = e.at + e.n
	}
	out.Write(b[last:])
}
