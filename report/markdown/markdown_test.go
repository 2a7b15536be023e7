package markdown

import (
	"bufio"
	"bytes"
	"errors"
	"flag"
	"fmt"
	stdhtml "html"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"gopkg.in/yaml.v3"

	"github.com/migprofile/migprofile/report"
	"github.com/migprofile/migprofile/report/reporttest"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

func figurePath(f *report.Figure) string { return fmt.Sprintf("figures/figure-%d.svg", f.Number) }

// profiles are the profiles every structural test runs on.
var profiles = []struct {
	name string
	get  func(testing.TB) *report.Profile
}{
	{"mali", mali},
	{"odd", func(testing.TB) *report.Profile { return odd() }},
}

// render renders p with figures, and writes a stand-in SVG for each figure
// into dir at the path the document links to.
func render(t *testing.T, p *report.Profile, dir string) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Render(&buf, p, Options{FigurePath: figurePath}); err != nil {
		t.Fatalf("Render: %v", err)
	}
	for _, f := range p.Figures {
		path := filepath.Join(dir, filepath.FromSlash(figurePath(f)))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte("<svg xmlns=\"http://www.w3.org/2000/svg\"/>"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return buf.Bytes()
}

func TestGolden(t *testing.T) {
	for _, tc := range profiles {
		t.Run(tc.name, func(t *testing.T) {
			got := render(t, tc.get(t), t.TempDir())
			reporttest.Golden(t, filepath.Join("testdata", tc.name+".md.golden"), got, *update)
		})
	}
}

func TestDeterministic(t *testing.T) {
	p := odd()
	var a, b bytes.Buffer
	if err := Render(&a, p, Options{FigurePath: figurePath}); err != nil {
		t.Fatal(err)
	}
	if err := Render(&b, p, Options{FigurePath: figurePath}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two renderings of the same profile differ")
	}
}

// splitFrontMatter returns the YAML front matter and the Markdown body.
func splitFrontMatter(t *testing.T, doc []byte) (front, body []byte) {
	t.Helper()
	s := string(doc)
	if !strings.HasPrefix(s, "---\n") {
		t.Fatalf("document does not start with front matter: %.40q", s)
	}
	end := strings.Index(s[4:], "\n---\n")
	if end < 0 {
		t.Fatal("front matter not closed")
	}
	return []byte(s[4 : 4+end+1]), []byte(s[4+end+5:])
}

func TestFrontMatter(t *testing.T) {
	for _, tc := range profiles {
		t.Run(tc.name, func(t *testing.T) {
			p := tc.get(t)
			front, _ := splitFrontMatter(t, render(t, p, t.TempDir()))
			var got struct {
				Title       string            `yaml:"title"`
				Country     string            `yaml:"country"`
				Authors     []string          `yaml:"authors"`
				Date        string            `yaml:"date"`
				DatePrinted string            `yaml:"date_printed"`
				Language    string            `yaml:"language"`
				Keywords    []string          `yaml:"keywords"`
				More        map[string]string `yaml:",inline"`
			}
			dec := yaml.NewDecoder(bytes.NewReader(front))
			if err := dec.Decode(&got); err != nil {
				t.Fatalf("front matter: %v\n%s", err, front)
			}
			m := p.Meta
			date := ""
			if !m.Published.IsZero() {
				date = m.Published.Format("2006-01-02")
			}
			if got.Title != m.FullTitle() || got.Country != m.Country || got.Date != date || got.DatePrinted != m.Date || got.Language != m.Language {
				t.Errorf("front matter = %+v, want title %q country %q date %q (%q) language %q", got, m.FullTitle(), m.Country, date, m.Date, m.Language)
			}
			for k, v := range map[string]string{"publisher": m.Publisher, "copyright": m.Copyright, "funding": m.Funding, "project": m.Project, "website": m.Website} {
				if got.More[k] != v {
					t.Errorf("front matter %s = %q, want %q", k, got.More[k], v)
				}
			}
			if strings.Join(got.Authors, "\n") != strings.Join(m.Authors, "\n") {
				t.Errorf("authors = %q, want %q", got.Authors, m.Authors)
			}
		})
	}
}

func TestYAMLQuote(t *testing.T) {
	for _, s := range []string{
		"", "plain", "Title: with colon", "# hash", `"quoted" \ back`, "- dash", "[x]", "{y}", "*star", "&anchor",
		"line\nbreak", "tab\tcontrol\x01\x7f", "\u0085\u2028\u2029\ufeff", "émoji 🙂", "yes", "null", "1e3", "@at", "`tick",
		"bad \xff utf8",
	} {
		t.Run(s, func(t *testing.T) {
			var got string
			if err := yaml.Unmarshal([]byte("v: "+yamlQuote(s)+"\n"), &struct {
				V *string `yaml:"v"`
			}{&got}); err != nil {
				t.Fatalf("yaml.Unmarshal(%s): %v", yamlQuote(s), err)
			}
			want := strings.ToValidUTF8(s, "\uFFFD") // one invalid byte at most here
			if got != want {
				t.Errorf("round trip of %s = %q, want %q", yamlQuote(s), got, want)
			}
		})
	}
}

// parse parses a Markdown body as GitHub does (CommonMark, GFM, footnotes).
func parseGFM(body []byte) ast.Node {
	md := goldmark.New(goldmark.WithExtensions(extension.GFM, extension.Footnote))
	return md.Parser().Parse(text.NewReader(body))
}

// visible returns what a reader sees of n: text with escapes and entities
// resolved, autolinks as their label, footnote citations as [^label]
// (labels maps goldmark's footnote index to the label written). Raw HTML
// and code spans, which the renderer never writes, show as markers so that
// a comparison fails.
type reader struct {
	src    []byte
	labels map[int]string
	// notesAsNumber prints a citation as its label alone, as in a heading
	// anchor.
	notesAsNumber bool
}

func (r *reader) visible(n ast.Node) string {
	var b strings.Builder
	r.write(&b, n)
	return b.String()
}

func (r *reader) write(b *strings.Builder, n ast.Node) {
	switch x := n.(type) {
	case *ast.Text:
		var buf bytes.Buffer
		bw := bufio.NewWriter(&buf)
		html.DefaultWriter.Write(bw, x.Value(r.src))
		bw.Flush()
		b.WriteString(stdhtml.UnescapeString(buf.String()))
		if x.SoftLineBreak() || x.HardLineBreak() {
			b.WriteString(" ")
		}
		return
	case *ast.String:
		b.Write(x.Value)
		return
	case *ast.AutoLink:
		b.Write(x.Label(r.src))
		return
	case *east.FootnoteLink:
		if r.notesAsNumber {
			b.WriteString(r.labels[x.Index])
		} else {
			b.WriteString("[^" + r.labels[x.Index] + "]")
		}
		return
	case *east.FootnoteBacklink:
		return
	case *ast.RawHTML:
		b.WriteString("<RAW HTML>")
		return
	case *ast.CodeSpan:
		b.WriteString("<CODE>")
		return
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		r.write(b, c)
	}
}

// want normalises data text the way the renderer must: line breaks and
// tabs as spaces, other control characters dropped, ends trimmed.
func want(s string) string {
	var b strings.Builder
	for _, r := range s { // each invalid byte reads as U+FFFD
		switch {
		case r == '\n' || r == '\t' || r == '\r':
			b.WriteByte(' ')
		case r < 0x20 || r >= 0x7f && r < 0xa0 || r == 0xfeff:
		default:
			b.WriteRune(r)
		}
	}
	return strings.TrimSpace(b.String())
}

// wantText is what a reader must see of a Text: spans as written, footnote
// citations as [^id].
func wantText(t report.Text) string {
	var b strings.Builder
	for _, s := range t {
		if s.Kind == report.SpanNote {
			b.WriteString("[^" + s.Note.ID + "]")
			continue
		}
		b.WriteString(strings.Map(func(r rune) rune {
			if r == '\n' || r == '\t' {
				return ' '
			}
			return r
		}, s.Text))
	}
	return want(b.String())
}

// parsed is a rendered document, parsed.
type parsed struct {
	r         *reader
	doc       ast.Node
	tables    []*east.Table
	images    []*ast.Image
	headings  []*ast.Heading
	links     []*ast.Link
	footnotes map[string]*east.Footnote
	cited     map[string]int
	paras     []string
	// items are the list items' visible text.
	items []string
}

func parseDoc(t *testing.T, doc []byte) *parsed {
	t.Helper()
	_, body := splitFrontMatter(t, doc)
	root := parseGFM(body)
	p := &parsed{
		r:         &reader{src: body, labels: map[int]string{}},
		doc:       root,
		footnotes: map[string]*east.Footnote{},
		cited:     map[string]int{},
	}
	ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch x := n.(type) {
		case *east.Footnote:
			p.r.labels[x.Index] = string(x.Ref)
			p.footnotes[string(x.Ref)] = x
		}
		return ast.WalkContinue, nil
	})
	ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch x := n.(type) {
		case *east.Table:
			p.tables = append(p.tables, x)
		case *ast.Image:
			p.images = append(p.images, x)
		case *ast.Heading:
			p.headings = append(p.headings, x)
		case *ast.Link:
			p.links = append(p.links, x)
		case *east.FootnoteLink:
			p.cited[p.r.labels[x.Index]]++
		case *ast.Paragraph:
			p.paras = append(p.paras, p.r.visible(x))
		case *ast.ListItem:
			p.items = append(p.items, strings.TrimSpace(p.r.visible(x)))
		case *ast.RawHTML, *ast.HTMLBlock, *ast.CodeSpan, *ast.CodeBlock, *ast.FencedCodeBlock,
			*ast.Blockquote, *ast.ThematicBreak, *east.Strikethrough, *east.TaskCheckBox:
			t.Errorf("document holds a %s, which the renderer never writes: %q", n.Kind(), p.r.visible(n))
		}
		return ast.WalkContinue, nil
	})
	return p
}

func (p *parsed) rows(tab *east.Table) [][]string {
	var rows [][]string
	for r := tab.FirstChild(); r != nil; r = r.NextSibling() {
		var row []string
		for c := r.FirstChild(); c != nil; c = c.NextSibling() {
			row = append(row, p.r.visible(c))
		}
		rows = append(rows, row)
	}
	return rows
}

// blocks returns the profile's blocks of a kind, in reading order.
func blocks(p *report.Profile, kind report.BlockKind) []report.Block {
	var out []report.Block
	for _, f := range p.Frameworks {
		for _, b := range f.Blocks {
			if b.Kind == kind {
				out = append(out, b)
			}
		}
	}
	return out
}

func TestStructure(t *testing.T) {
	for _, tc := range profiles {
		t.Run(tc.name, func(t *testing.T) {
			prof := tc.get(t)
			dir := t.TempDir()
			doc := parseDoc(t, render(t, prof, dir))

			t.Run("Tables", func(t *testing.T) { checkTables(t, prof, doc) })
			t.Run("Footnotes", func(t *testing.T) { checkFootnotes(t, prof, doc) })
			t.Run("Images", func(t *testing.T) { checkImages(t, prof, doc, dir) })
			t.Run("Anchors", func(t *testing.T) { checkAnchors(t, prof, doc) })
			t.Run("Text", func(t *testing.T) { checkText(t, prof, doc) })
		})
	}
}

func checkTables(t *testing.T, prof *report.Profile, doc *parsed) {
	want := blocks(prof, report.TableBlock)
	if got := len(doc.tables); got != len(want) {
		t.Fatalf("%d tables, want %d (policy tables are not GFM tables)", got, len(want))
	}
	for i, b := range want {
		checkTable(t, prof, b.Table, doc.tables[i], doc.rows(doc.tables[i]))
	}
	for _, b := range blocks(prof, report.GridBlock) {
		checkGrid(t, prof, b.Grid, doc)
	}
}

func checkTable(t *testing.T, prof *report.Profile, tab *report.Table, node *east.Table, rows [][]string) {
	t.Helper()
	name := fmt.Sprintf("table %d", tab.Number)
	if got, want := len(rows), len(tab.Rows)+1; got != want {
		t.Errorf("%s: %d rows, want %d", name, got, want)
		return
	}
	cols := len(tab.Columns) + 1
	seen := map[string]bool{}
	for j, h := range rows[0] {
		if seen[h] {
			t.Errorf("%s: column heading %q is not unique", name, h)
		}
		seen[h] = true
		if j > 0 && !strings.HasPrefix(h, want(tab.Columns[j-1].Heading())) {
			t.Errorf("%s: column %d heading %q, want %q", name, j, h, tab.Columns[j-1].Heading())
		}
	}
	if got := rows[0][0]; got != want(tab.Stub) {
		t.Errorf("%s: stub %q, want %q", name, got, want(tab.Stub))
	}
	for j, a := range node.Alignments {
		w := east.AlignRight
		if j == 0 {
			w = east.AlignLeft
		}
		if a != w {
			t.Errorf("%s: column %d aligned %v, want %v", name, j, a, w)
		}
	}
	for i, r := range tab.Rows {
		got := rows[i+1]
		if len(got) != cols {
			t.Errorf("%s: row %d has %d cells, want %d: %q", name, i+1, len(got), cols, got)
			continue
		}
		label := want(strings.TrimSpace(r.Lead + " " + r.Label))
		if r.Level > 0 {
			label = strings.Repeat("\u2003", 2*r.Level) + label
		}
		if got[0] != label {
			t.Errorf("%s: row %d label %q, want %q", name, i+1, got[0], label)
		}
		for j := range tab.Columns {
			if w := r.Cells[j].Format(prof.Labels); got[j+1] != w {
				t.Errorf("%s: row %d (%s) column %d = %q, want %q", name, i+1, r.Label, j+1, got[j+1], w)
			}
		}
	}
}

// checkGrid checks that a policy table reads like the PDF's: each row
// heading a paragraph of its own, every paragraph of every entry printed
// once (an entry spanning both columns too) as a paragraph of its own, and
// every bullet a list item.
func checkGrid(t *testing.T, prof *report.Profile, g *report.Grid, doc *parsed) {
	t.Helper()
	name := fmt.Sprintf("table %d", g.Number)
	paras := map[string]int{}
	for _, p := range doc.paras {
		paras[p]++
	}
	items := map[string]int{}
	for _, it := range doc.items {
		items[it]++
	}
	wantParas, wantItems := map[string]int{}, map[string]int{}
	for _, r := range g.Rows {
		head := want(r.Heading)
		if r.Subheading != "" {
			head += " — " + want(r.Subheading)
		}
		if paras[head] == 0 {
			t.Errorf("%s: no paragraph reads the row heading %q", name, head)
		}
		for _, e := range r.Entries {
			for _, it := range slices.Concat(e.Both, e.Outward, e.Inward) {
				if it.Kind == report.ItemList {
					for _, tx := range it.List {
						wantItems[wantText(tx)]++
					}
					continue
				}
				wantParas[wantText(it.Text)]++
			}
		}
	}
	for w, n := range wantParas {
		if paras[w] != n {
			t.Errorf("%s: %d paragraphs read %q, want %d", name, paras[w], w, n)
		}
	}
	for w, n := range wantItems {
		if items[w] != n {
			t.Errorf("%s: %d list items read %q, want %d", name, items[w], w, n)
		}
	}
}

func checkFootnotes(t *testing.T, prof *report.Profile, doc *parsed) {
	if got, want := len(doc.footnotes), len(prof.Footnotes); got != want {
		t.Errorf("%d footnotes defined, want %d", got, want)
	}
	for _, n := range prof.Footnotes {
		def, ok := doc.footnotes[n.ID]
		if !ok {
			t.Errorf("footnote %s is not defined (or never cited)", n.ID)
			continue
		}
		if doc.cited[n.ID] == 0 {
			t.Errorf("footnote %s is never cited", n.ID)
		}
		if got, w := strings.TrimSpace(doc.r.visible(def)), wantText(n.Text); got != w {
			t.Errorf("footnote %s = %q, want %q", n.ID, got, w)
		}
	}
	for id := range doc.cited {
		if _, ok := doc.footnotes[id]; !ok {
			t.Errorf("footnote %q cited but not defined", id)
		}
	}
}

func checkImages(t *testing.T, prof *report.Profile, doc *parsed, dir string) {
	figs := blocks(prof, report.FigureBlock)
	if got, want := len(doc.images), len(figs); got != want {
		t.Fatalf("%d images, want %d", got, want)
	}
	for i, img := range doc.images {
		f := figs[i].Figure
		if got := doc.r.visible(img); got == "" || got != want(f.AltText(prof.Labels)) {
			t.Errorf("image %d alt text %q, want %q", i+1, got, want(f.AltText(prof.Labels)))
		}
		dest, err := url.PathUnescape(string(img.Destination))
		if err != nil {
			t.Errorf("image %d: %v", i+1, err)
			continue
		}
		if dest != figurePath(f) {
			t.Errorf("image %d links %q, want %q", i+1, dest, figurePath(f))
		}
		if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(dest))); err != nil {
			t.Errorf("image %d: %v", i+1, err)
		}
		// The caption "Figure N." follows the image.
		caption := img.Parent().NextSibling()
		if caption == nil || !strings.HasPrefix(doc.r.visible(caption), fmt.Sprintf("%s %d.", prof.Labels.Figure, f.Number)) {
			t.Errorf("image %d: no caption %q after it", i+1, fmt.Sprintf("%s %d.", prof.Labels.Figure, f.Number))
		}
	}
}

// githubSlug is GitHub's heading anchor (github-slugger), written apart
// from the renderer's: lower case, drop what is not a letter, mark,
// number, connector punctuation, hyphen or space, spaces to hyphens.
var notSlug = regexp.MustCompile(`[^\p{L}\p{M}\p{N}\p{Pc} -]`)

func checkAnchors(t *testing.T, prof *report.Profile, doc *parsed) {
	r := *doc.r
	r.notesAsNumber = true
	ids := map[string]*ast.Heading{}
	occurrences := map[string]int{}
	for _, h := range doc.headings {
		base := strings.ReplaceAll(notSlug.ReplaceAllString(strings.ToLower(r.visible(h)), ""), " ", "-")
		id := base
		for {
			if _, taken := occurrences[id]; !taken {
				break
			}
			occurrences[base]++
			id = fmt.Sprintf("%s-%d", base, occurrences[base])
		}
		occurrences[id] = 0
		ids[id] = h
	}
	internal := 0
	for _, l := range doc.links {
		dest := string(l.Destination)
		if !strings.HasPrefix(dest, "#") {
			continue
		}
		internal++
		h, ok := ids[dest[1:]]
		if !ok {
			t.Errorf("link %q resolves to no heading", dest)
			continue
		}
		if got, w := doc.r.visible(l), r.visible(h); got != w {
			t.Errorf("link %q reads %q, its heading %q", dest, got, w)
		}
	}
	if internal < len(prof.Frameworks) {
		t.Errorf("%d contents links, want at least one per framework (%d)", internal, len(prof.Frameworks))
	}
	// Every framework has its heading, at level 2.
	var got []string
	for _, h := range doc.headings {
		if h.Level == 2 {
			got = append(got, doc.r.visible(h))
		}
	}
	w := []string{want(prof.Labels.Contents)}
	for _, f := range prof.Frameworks {
		w = append(w, want(f.Title))
	}
	if strings.Join(got, "\n") != strings.Join(w, "\n") {
		t.Errorf("level-2 headings %q, want %q", got, w)
	}
}

// checkText checks that every paragraph of prose reads as written.
func checkText(t *testing.T, prof *report.Profile, doc *parsed) {
	have := map[string]bool{}
	for _, p := range doc.paras {
		have[p] = true
	}
	for _, b := range blocks(prof, report.Paragraph) {
		if w := wantText(b.Text); !have[w] {
			t.Errorf("no paragraph reads %q", w)
		}
	}
	for _, b := range blocks(prof, report.ColumnsBlock) {
		for _, it := range append(append([]report.Item{}, b.Columns.Outward...), b.Columns.Inward...) {
			if it.Kind == report.ItemParagraph && !have[wantText(it.Text)] {
				t.Errorf("no paragraph reads %q", wantText(it.Text))
			}
		}
	}
}

func TestOptions(t *testing.T) {
	p := odd()
	t.Run("NoFigures", func(t *testing.T) {
		var buf bytes.Buffer
		if err := Render(&buf, p, Options{}); err != nil {
			t.Fatal(err)
		}
		if doc := parseDoc(t, buf.Bytes()); len(doc.images) != 0 {
			t.Errorf("%d images printed without FigurePath", len(doc.images))
		}
	})
	t.Run("AltText", func(t *testing.T) {
		var buf bytes.Buffer
		if err := Render(&buf, p, Options{FigurePath: figurePath}); err != nil {
			t.Fatal(err)
		}
		doc := parseDoc(t, buf.Bytes())
		if len(doc.images) != 1 {
			t.Fatalf("%d images, want 1", len(doc.images))
		}
		// The figure's own text alternative, brackets and all.
		if got, want := doc.r.visible(doc.images[0]), p.Figures[0].AltText(p.Labels); got != want || !strings.Contains(got, "[region]") {
			t.Errorf("alt text %q, want %q", got, want)
		}
	})
	t.Run("PathWithSpaces", func(t *testing.T) {
		var buf bytes.Buffer
		path := func(f *report.Figure) string { return "my figures/figure (1).svg" }
		if err := Render(&buf, p, Options{FigurePath: path}); err != nil {
			t.Fatal(err)
		}
		doc := parseDoc(t, buf.Bytes())
		if len(doc.images) != 1 {
			t.Fatalf("%d images, want 1", len(doc.images))
		}
		if got, _ := url.PathUnescape(string(doc.images[0].Destination)); got != "my figures/figure (1).svg" {
			t.Errorf("image destination %q", got)
		}
	})
}

func TestLayouts(t *testing.T) {
	p := odd()
	t.Run("Override", func(t *testing.T) {
		fsys := fstest.MapFS{
			"markdown/heading.md.tmpl": {Data: []byte(`{{.Marks}} {{.Text}} {#{{.ID}}}`)},
			"markdown/extra.md.tmpl":   {Data: []byte(`EXTRA`)},
			"markdown/footnotes.md.tmpl": {Data: []byte(`{{template "extra.md.tmpl"}}
{{range .}}
[^{{.ID}}]: {{.Text}}
{{end}}`)},
		}
		var buf bytes.Buffer
		if err := Render(&buf, p, Options{Layouts: fsys}); err != nil {
			t.Fatal(err)
		}
		got := buf.String()
		for _, w := range []string{"## Contents {#contents}", "\nEXTRA\n", "\n| Region \\<of> residence |"} {
			if !strings.Contains(got, w) {
				t.Errorf("output does not hold %q", w)
			}
		}
	})
	t.Run("NoMarkdownFolder", func(t *testing.T) {
		var a, b bytes.Buffer
		if err := Render(&a, p, Options{Layouts: fstest.MapFS{"other/x.txt": {}}}); err != nil {
			t.Fatal(err)
		}
		if err := Render(&b, p, Options{}); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a.Bytes(), b.Bytes()) {
			t.Error("a layouts folder without markdown/ changed the output")
		}
	})
	for _, tc := range []struct {
		name, file, tmpl, want string
	}{
		{"ParseError", "heading.md.tmpl", "{{.Marks", "markdown: templates:"},
		{"MissingField", "heading.md.tmpl", "{{.Nope}}", "can't evaluate field Nope"},
		{"NoRoot", "profile.md.tmpl", `{{template "absent.md.tmpl"}}`, `template "absent.md.tmpl" not defined`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			err := Render(&buf, p, Options{Layouts: fstest.MapFS{"markdown/" + tc.file: {Data: []byte(tc.tmpl)}}})
			if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.HasPrefix(err.Error(), "markdown: ") {
				t.Errorf("err = %v, want one holding %q", err, tc.want)
			}
			if buf.Len() != 0 {
				t.Errorf("%d bytes written despite the error", buf.Len())
			}
		})
	}
}

func TestErrors(t *testing.T) {
	t.Run("NilProfile", func(t *testing.T) {
		if err := Render(io.Discard, nil, Options{}); err == nil {
			t.Error("no error for a nil profile")
		}
	})
	t.Run("BadFootnoteID", func(t *testing.T) {
		p := odd()
		p.Footnotes[0].ID = "a b]"
		err := Render(io.Discard, p, Options{})
		if err == nil || !strings.Contains(err.Error(), `"a b]"`) {
			t.Errorf("err = %v, want one naming the footnote id", err)
		}
	})
	t.Run("BadFootnoteIDInHeading", func(t *testing.T) {
		p := odd()
		p.Frameworks[0].Blocks = append(p.Frameworks[0].Blocks, report.Block{Kind: report.Heading, Text: report.Text{
			{Kind: report.SpanPlain, Text: "Heading"},
			{Kind: report.SpanNote, Text: "x y", Note: &report.Footnote{ID: "x y"}},
		}})
		err := Render(io.Discard, p, Options{})
		if err == nil || !strings.Contains(err.Error(), `"x y"`) {
			t.Errorf("err = %v, want one naming the footnote id", err)
		}
	})
	t.Run("NilElements", func(t *testing.T) {
		p := odd()
		p.Frameworks = append(p.Frameworks, nil)
		p.Tables[0].Rows = append(p.Tables[0].Rows, nil)
		p.Grids[0].Rows = append(p.Grids[0].Rows, nil)
		p.Grids[0].Rows[0].Entries = append(p.Grids[0].Rows[0].Entries, nil)
		p.Footnotes = append(p.Footnotes, nil)
		if err := Render(io.Discard, p, Options{FigurePath: figurePath}); err != nil {
			t.Error(err)
		}
		p.Tables[0].Columns[1] = nil
		if err := Render(io.Discard, p, Options{}); err == nil {
			t.Error("no error for a missing column")
		}
	})
	t.Run("Writer", func(t *testing.T) {
		werr := errors.New("disk full")
		err := Render(failWriter{werr}, odd(), Options{})
		if !errors.Is(err, werr) {
			t.Errorf("err = %v, want %v wrapped", err, werr)
		}
	})
}

type failWriter struct{ err error }

func (w failWriter) Write([]byte) (int, error) { return 0, w.err }

func TestSlug(t *testing.T) {
	s := newSlugger()
	for _, tc := range []struct{ in, want string }{
		{"The Demographic-Economic Framework of Migration", "the-demographic-economic-framework-of-migration"},
		{"Stock", "stock"},
		{"Stock", "stock-1"},
		{"stock-1", "stock-1-1"},
		{"Stock", "stock-2"},
		{"Mali’s socio-political framework", "malis-socio-political-framework"},
		{"Côte d'Ivoire: 2 × 3 = 6!", "côte-divoire-2--3--6"},
		{"snake_case & C++", "snake_case--c"},
		{"", ""},
		{"", "-1"},
	} {
		if got := s.slug(tc.in); got != tc.want {
			t.Errorf("slug(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// FuzzText checks that any text, printed as a paragraph, as a table cell
// and as a footnote, reads exactly as written and never breaks the table.
func FuzzText(f *testing.F) {
	for _, s := range []string{
		"plain", "a | b", "*a* _b_ `c`", "# h", "1. x", "1) x", "- x", "+ x", "> q", "---", "===", "<b>x</b>",
		"&amp; &#35; &#x41;", "\\", "[a](b)", "![i](x)", "~~s~~", "www.example.org", "http://x.org/a_b",
		"[^1]: x", "    code", "a\nb", "\x00\x01", "🙂", "x\\|y", "|", ":smile:", "[ ] task", "***", "a  b",
		"<!-- c -->", "<http://x>", "_", "a_b_c", "\u00a0x", "!", "!x", "x!",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		w := want(s)
		if w == "" || strings.HasPrefix(w, "\u00a0") || strings.HasSuffix(w, "\u00a0") || strings.ContainsAny(w, "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000") {
			// Unicode spaces at the ends are trimmed by some readers; a
			// data text of spaces alone prints nothing.
			t.Skip()
		}
		if strings.Contains(w, "  ") {
			t.Skip() // runs of spaces may be collapsed by a reader
		}
		p := odd()
		p.Frameworks[0].Blocks[1].Text = plainText(s)
		p.Tables[0].Rows[0].Label = s
		p.Footnotes[2].Text = plainText(s)
		var buf bytes.Buffer
		if err := Render(&buf, p, Options{}); err != nil {
			t.Fatal(err)
		}
		doc := parseDoc(t, buf.Bytes())
		found := false
		for _, para := range doc.paras {
			found = found || para == w
		}
		if !found {
			t.Errorf("no paragraph reads %q", w)
		}
		if len(doc.tables) == 0 {
			t.Fatal("no table")
		}
		rows := doc.rows(doc.tables[0])
		if len(rows) < 2 || len(rows[1]) != len(p.Tables[0].Columns)+1 || rows[1][0] != w {
			t.Errorf("table row = %q, want %d cells, the first %q", rows[1], len(p.Tables[0].Columns)+1, w)
		}
		if got := strings.TrimSpace(doc.r.visible(doc.footnotes["3"])); got != w {
			t.Errorf("footnote = %q, want %q", got, w)
		}
	})
}

// BenchmarkMarkdown renders the Mali profile (the hand-built one when the
// data is absent).
func BenchmarkMarkdown(b *testing.B) {
	var p *report.Profile
	if _, err := os.Stat("../../data/mali/profile.yaml"); err == nil {
		p = mali(b)
	} else {
		p = odd()
	}
	opt := Options{FigurePath: figurePath}
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		if err := Render(&buf, p, opt); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(int64(buf.Len()))
}
