package pdf

import (
	"bytes"
	"strings"
	"testing"

	"github.com/migprofile/migprofile/report"
	"github.com/migprofile/migprofile/report/reporttest"
)

// tagged lays out and writes p, and returns the document with its
// structure tree as written.
func tagged(t *testing.T, p *report.Profile, opt Options) (*doc, []byte) {
	t.Helper()
	d := layoutOf(t, p, opt)
	var buf bytes.Buffer
	if err := d.emit(&buf); err != nil {
		t.Fatal(err)
	}
	return d, buf.Bytes()
}

// walk calls f on every element of the written tree, in reading order,
// with its depth.
func walk(n *node, depth int, f func(*node, int)) {
	f(n, depth)
	for _, k := range n.kids() {
		if k.n != nil {
			walk(k.n, depth+1, f)
		}
	}
}

func TestStructureMali(t *testing.T) {
	for _, size := range []string{"A4", "Letter"} {
		d, _ := tagged(t, reporttest.Mali(t), Options{Figures: frames{}, PageSize: size})
		count := map[string]int{}
		var headings []int
		walk(d.tags.root, 0, func(n *node, _ int) {
			count[n.role]++
			if len(n.role) == 2 && n.role[0] == 'H' {
				headings = append(headings, int(n.role[1]-'0'))
			}
			switch n.role {
			case "Figure":
				if n.parent != d.coverTag && !strings.HasPrefix(n.alt, "Figure ") {
					t.Errorf("%s: figure without a text alternative: %q", size, n.alt)
				}
			case "TH":
				if n.scope == "" {
					t.Errorf("%s: header cell without a scope", size)
				}
			case "Table":
				th := 0
				walk(n, 0, func(c *node, _ int) {
					if c.role == "TH" {
						th++
					}
				})
				if th == 0 {
					t.Errorf("%s: a table without header cells", size)
				}
			}
		})
		for _, want := range []struct {
			role string
			n    int
		}{{"H1", 3}, {"Table", 7}, {"Figure", 4}, {"Sect", 3}, {"TOC", 1}, {"Note", len(d.p.Footnotes)}} {
			if count[want.role] != want.n {
				t.Errorf("%s: %d %s elements, want %d", size, count[want.role], want.role, want.n)
			}
		}
		// Heading levels never skip one going down.
		for i := 1; i < len(headings); i++ {
			if headings[i] > headings[i-1]+1 {
				t.Errorf("%s: H%d follows H%d", size, headings[i], headings[i-1])
			}
		}
		if len(d.annots) == 0 || count["Link"] == 0 {
			t.Errorf("%s: %d annotations, %d Link elements", size, len(d.annots), count["Link"])
		}
		for _, a := range d.annots {
			if a.node == nil || a.node.role != "Link" || a.contents == "" {
				t.Errorf("%s: annotation without a Link element or description: %+v", size, a)
			}
		}
	}
}

// TestEveryOpMarked: every op drawn is either content of an element of
// the tree or an artifact, and the running head, footer and repeated
// table headers are artifacts.
func TestEveryOpMarked(t *testing.T) {
	d, _ := tagged(t, reporttest.Mali(t), Options{Figures: frames{}})
	inTree := map[*node]bool{}
	walk(d.tags.root, 0, func(n *node, _ int) { inTree[n] = true })
	for i, pg := range d.pages {
		for j, o := range pg.ops {
			if o.kind != opText && o.kind != opFigure {
				continue
			}
			header := !pg.cover && (j < pg.body[0] || j >= pg.body[1] && !o.isNote(d))
			switch {
			case o.tag == nil || o.tag.role == "Artifact":
				if !header && o.tag != repeatedArtifact {
					t.Errorf("page %d: %q is an artifact", i+1, o.text)
				}
			case header:
				t.Errorf("page %d: running text %q is content", i+1, o.text)
			case !inTree[o.tag]:
				t.Errorf("page %d: %q belongs to a %s element outside the tree", i+1, o.text, o.tag.role)
			}
		}
	}
}

// isNote reports whether o is footnote text (drawn after the body).
func (o op) isNote(*doc) bool { return o.tag != nil && o.tag.role == "Note" }

func TestTaggedBytesStable(t *testing.T) {
	_, a := tagged(t, reporttest.Mali(t), Options{Figures: frames{}, Standard: "a-2a"})
	_, b := tagged(t, reporttest.Mali(t), Options{Figures: frames{}, Standard: "a-2a"})
	if !bytes.Equal(a, b) {
		t.Fatal("two renderings of Mali as PDF/A-2a differ")
	}
	for _, want := range []string{"/StructTreeRoot", "/MarkInfo <</Marked true>>", "/DisplayDocTitle true", "pdfuaid:part>1", "pdfaid:part>2", "pdfaid:conformance>A", "/GTS_PDFA1", "/ID [<"} {
		if !bytes.Contains(a, []byte(want)) {
			t.Errorf("the file lacks %q", want)
		}
	}
}

// TestLogosTagged: a logo with a text alternative is a Figure on the
// cover with its /Alt and content; one without is decoration.
func TestLogosTagged(t *testing.T) {
	p := withLogos(t)
	p.Meta.Logos[1].Alt = ""
	d, _ := tagged(t, p, Options{Figures: frames{}})
	var alts []string
	for _, k := range d.coverTag.kids() {
		if k.n != nil && k.n.role == "Figure" {
			if len(k.n.content) == 0 {
				t.Errorf("logo %q has no content", k.n.alt)
			}
			alts = append(alts, k.n.alt)
		}
	}
	if strings.Join(alts, ",") != "x,x,x" {
		t.Errorf("cover figures %q, want the three logos with an alternative", alts)
	}
}
