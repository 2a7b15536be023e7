package html_test

import (
	"bytes"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	xhtml "golang.org/x/net/html"

	"github.com/migprofile/migprofile/report"
	"github.com/migprofile/migprofile/report/html"
	"github.com/migprofile/migprofile/report/load"
	"github.com/migprofile/migprofile/report/reporttest"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// fakeSVG is an SVG shaped as charts.SVG writes one, so that these tests
// need not draw (report/html never imports charts).
func fakeSVG(f *report.Figure) (html.SVG, error) {
	return html.SVG{Data: []byte(`<?xml version="1.0" encoding="UTF-8"?>
<svg width="680" height="100" role="img" aria-labelledby="title desc" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 680 100">
<title id="title">figure</title>
<desc id="desc">description</desc>
<rect x="0" y="0" width="10" height="10"/>
</svg>
`)}, nil
}

func exemple(t *testing.T) *report.Profile {
	t.Helper()
	p, diags, err := load.Load(os.DirFS(filepath.Join("..", "build", "testdata")), "exemple")
	if err != nil || diags.Err() != nil {
		t.Fatal(err, diags.Err())
	}
	return p
}

func render(t *testing.T, p *report.Profile, opt html.Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := html.Render(&buf, p, opt); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestGolden(t *testing.T) {
	opt := html.Options{Figure: fakeSVG, Downloads: []html.Download{{Format: "pdf", Name: "exemple.pdf", Size: 58_912}, {Format: "xlsx", Name: "exemple.xlsx", Size: 1_234_567}}}
	got := render(t, exemple(t), opt)
	reporttest.Golden(t, filepath.Join("testdata", "exemple.html"), got, *update)
	if again := render(t, exemple(t), opt); !bytes.Equal(got, again) {
		t.Error("two renders differ")
	}
	CheckPage(t, got)
}

func TestMaliPage(t *testing.T) {
	page := render(t, reporttest.Mali(t), html.Options{Figure: fakeSVG})
	CheckPage(t, page)
	// Table 1's grouped header: "Malian statistics (RACE)" over Number
	// and %, announced with each of their cells.
	for _, want := range []string{
		`<colgroup span="2"></colgroup>`,
		`<th id="table-1-g1" scope="colgroup" colspan="2">Malian statistics (RACE)</th>`,
		`<td class="num" headers="table-1-r2 table-1-g1 table-1-c1">523,231</td>`,
		`<td class="num" headers="table-1-r2 table-1-g3 table-1-c3">792,258 (1998)</td>`,
	} {
		if !bytes.Contains(page, []byte(want)) {
			t.Errorf("the Mali page lacks %s", want)
		}
	}
}

func TestPrepare(t *testing.T) {
	opt := html.Options{Figure: fakeSVG, Downloads: []html.Download{{Format: "pdf", Name: "exemple.pdf"}, {Format: "md", Name: "exemple.md"}}}
	pg, err := html.Prepare(exemple(t), opt)
	if err != nil {
		t.Fatal(err)
	}
	if err := pg.Write(io.Discard, []int{1}); err == nil {
		t.Error("Write took one size for two downloads")
	}
	var buf bytes.Buffer
	if err := pg.Write(&buf, []int{58_912, 812}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"(PDF, 59 KB)", "(MD, 812 bytes)"} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("page lacks %s", want)
		}
	}
}

func TestSize(t *testing.T) {
	for n, want := range map[int]string{0: "0 bytes", 999: "999 bytes", 1000: "1 KB", 149_189: "149 KB", 999_499: "999 KB", 999_500: "1.0 MB", 1_450_000: "1.4 MB"} {
		if got := html.Size(n); got != want {
			t.Errorf("Size(%d) = %q, want %q", n, got, want)
		}
	}
}

// TestHostile puts markup, attribute breakers and script URLs in every
// kind of text: html/template must print each as text, and the page must
// hold no script, no event handler attribute and no javascript: link.
func TestHostile(t *testing.T) {
	const evil = `</title><script>alert(1)</script>"' onmouseover="alert(2)" <b>&amp;`
	p := exemple(t)
	p.Meta.Title, p.Meta.Country, p.Meta.Authors = evil, evil, []string{evil}
	p.Meta.Language = `en" onload="alert(3)`
	p.Meta.Credit = "<migprofile-size-0>" // the placeholder of a download's size
	p.Labels.Outward, p.Labels.Table = evil, evil
	p.Frameworks[0].Title = evil
	p.Frameworks[0].Blocks = append(p.Frameworks[0].Blocks, report.Block{Kind: report.Paragraph, Text: report.Text{
		{Kind: report.SpanPlain, Text: evil},
		{Kind: report.SpanLink, Text: evil, URL: "javascript://%0Aalert(4)"},
		{Kind: report.SpanNote, Text: evil, Note: &report.Footnote{ID: evil, Text: report.Text{{Kind: report.SpanPlain, Text: evil}}}},
	}})
	tab := p.Tables[0]
	tab.Stub, tab.Columns[0].Label, tab.Columns[0].Group = evil, evil, evil
	tab.Rows[0].Label = evil
	tab.Rows[0].Cells[0].Note = evil
	p.Grids[0].Rows[0].Heading = evil
	p.Figures[0].Title = evil
	page := render(t, p, html.Options{Figure: fakeSVG, Downloads: []html.Download{{Format: evil, Name: "javascript:alert(5)", Size: 1}}})

	doc, err := xhtml.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	texts := 0
	walk(doc, func(n *xhtml.Node) {
		if n.Type == xhtml.ElementNode && n.Data == "script" {
			t.Error("a <script> element made it into the page")
		}
		for _, a := range n.Attr {
			if strings.HasPrefix(a.Key, "on") {
				t.Errorf("<%s %s=%q>: an event handler attribute", n.Data, a.Key, a.Val)
			}
			if (a.Key == "href" || a.Key == "src") && strings.HasPrefix(strings.ToLower(strings.TrimSpace(a.Val)), "javascript:") {
				t.Errorf("<%s %s=%q>: a script URL", n.Data, a.Key, a.Val)
			}
		}
		if n.Type == xhtml.TextNode && strings.Contains(n.Data, `<script>alert(1)</script>`) {
			texts++
		}
	})
	if texts < 10 {
		t.Errorf("the hostile text is printed as text %d times, want it everywhere it was put", texts)
	}
	if !bytes.Contains(page, []byte("&lt;migprofile-size-0&gt;")) || bytes.Contains(page, []byte("<migprofile-size")) {
		t.Error("a text that reads as the size placeholder was not printed as written")
	}
	if n := bytes.Count(page, []byte("#ZgotmplZ")); n != 2 {
		t.Errorf("html/template replaced %d URLs, want the two script URLs", n)
	}
	checkStructure(t, page)
}

func TestLayoutsOverride(t *testing.T) {
	over := fstest.MapFS{"html/words.html.tmpl": {Data: []byte(`{{define "words-lang"}}fr{{end}}{{define "word-skip"}}Aller au contenu{{end}}{{define "word-downloads"}}Téléchargements{{end}}{{define "word-footnote"}}Note{{end}}{{define "word-back"}}Retour{{end}}{{define "word-description"}}Description{{end}}{{define "word-format"}}{{.}}{{end}}`)}}
	page := render(t, exemple(t), html.Options{Layouts: over, Figure: fakeSVG})
	if !bytes.Contains(page, []byte(`lang="fr">Aller au contenu</a>`)) {
		t.Error("the overriding words.html.tmpl was not used")
	}
	bad := fstest.MapFS{"html/page.html.tmpl": {Data: []byte(`{{.Nope}}`)}}
	if err := html.Render(&bytes.Buffer{}, exemple(t), html.Options{Layouts: bad}); err == nil || !strings.Contains(err.Error(), "Nope") {
		t.Errorf("a template naming a missing field: %v", err)
	}
}

func TestCatalogue(t *testing.T) {
	entries := []html.Entry{
		{Name: "a", Title: "A <b>profile</b>", Country: "Aland", Date: "May 2010", Authors: []string{"X", "Y"}, Language: "en",
			Files: []html.EntryFile{{Format: "pdf", Href: "a/a.pdf", Size: 2000, SHA256: "ab12"}, {Format: "html", Href: "a/a.html", Size: 3000, SHA256: "cd34"}}},
		{Name: "b", Language: "fr"},
	}
	var buf bytes.Buffer
	if err := html.Catalogue(&buf, entries, nil); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	for _, want := range []string{`<a href="a/a.html">A &lt;b&gt;profile&lt;/b&gt;</a>`, `<a href="a/a.pdf">`, ">2 KB<", ">ab12<", "X, Y", `lang="fr"`, ">b</h2>"} {
		if !strings.Contains(page, want) {
			t.Errorf("catalogue lacks %s", want)
		}
	}
	CheckPage(t, buf.Bytes())
}

func walk(n *xhtml.Node, f func(*xhtml.Node)) {
	f(n)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, f)
	}
}

// BenchmarkRender is the Mali page alone, figures given (as the build
// gives the SVGs it has already drawn).
func BenchmarkRender(b *testing.B) {
	p := reporttest.Mali(b)
	b.ReportAllocs()
	for b.Loop() {
		if err := html.Render(io.Discard, p, html.Options{Figure: fakeSVG}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWrite is what remains of the page on a build's critical path:
// filling in the sizes of the downloads.
func BenchmarkWrite(b *testing.B) {
	opt := html.Options{Figure: fakeSVG, Downloads: []html.Download{{Format: "pdf", Name: "mali.pdf"}, {Format: "md", Name: "mali.md"}, {Format: "xlsx", Name: "mali.xlsx"}}}
	pg, err := html.Prepare(reporttest.Mali(b), opt)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if err := pg.Write(io.Discard, []int{149_189, 36_889, 50_591}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestFigureBody checks that a figure shows only its body when given one
// (the page prints the title and sources as text), and that a body
// outside the drawing is refused.
func TestFigureBody(t *testing.T) {
	withBody := func(b html.Box) func(*report.Figure) (html.SVG, error) {
		return func(f *report.Figure) (html.SVG, error) {
			svg, err := fakeSVG(f)
			svg.Body = b
			return svg, err
		}
	}
	page := render(t, exemple(t), html.Options{Figure: withBody(html.Box{X: 10, Y: 20, W: 600, H: 70})})
	if !bytes.Contains(page, []byte(`<svg width="600" height="70" role="img"`)) || !bytes.Contains(page, []byte(`viewBox="10 20 600 70"`)) {
		t.Error("the figure does not show its body alone")
	}
	err := html.Render(io.Discard, exemple(t), html.Options{Figure: withBody(html.Box{X: 10, Y: 20, W: 680, H: 70})})
	if err == nil || !strings.Contains(err.Error(), "outside") {
		t.Errorf("a body wider than the drawing: %v", err)
	}
}

// TestSVGIDs inlines SVGs whose <title> and <desc> ids are the same in
// every file or already per figure: on the page, each figure's are its
// own, and the SVG is named by its title and described by its <desc>.
func TestSVGIDs(t *testing.T) {
	for _, prefix := range []string{"", "figure-1-"} {
		svg := func(f *report.Figure) (html.SVG, error) {
			return html.SVG{Data: []byte(`<svg width="680" height="100" role="img" aria-labelledby="` + prefix + `title ` + prefix + `desc" viewBox="0 0 680 100">
<title id="` + prefix + `title">T</title>
<desc id="` + prefix + `desc">D</desc>
</svg>`)}, nil
		}
		p := exemple(t)
		p.Figures = append(p.Figures, p.Figures[0])
		p.Frameworks[0].Blocks = append(p.Frameworks[0].Blocks, report.Block{Kind: report.FigureBlock, Figure: p.Figures[0]})
		page := render(t, p, html.Options{Figure: svg})
		for _, want := range []string{
			`aria-labelledby="figure-1-title" aria-describedby="figure-1-desc"`,
			`aria-labelledby="figure-1-2-title" aria-describedby="figure-1-2-desc"`,
			`<desc id="figure-1-2-desc">D</desc>`,
		} {
			if !bytes.Contains(page, []byte(want)) {
				t.Errorf("ids %q: the page lacks %s", prefix, want)
			}
		}
		CheckPage(t, page)
	}
	bad := func(f *report.Figure) (html.SVG, error) {
		return html.SVG{Data: []byte(`<svg role="img"><title id="a">T</title><g id="x"/></svg>`)}, nil
	}
	if err := html.Render(io.Discard, exemple(t), html.Options{Figure: bad}); err == nil {
		t.Error("an SVG with ids of its own was inlined")
	}
}
