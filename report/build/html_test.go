package build_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	xhtml "golang.org/x/net/html"

	"github.com/migprofile/migprofile/report/build"
	"github.com/migprofile/migprofile/report/html"
	"github.com/migprofile/migprofile/report/reporttest"
)

// TestHTMLNumbersAsPublished reads every statistical table of the Mali
// web page, cell by cell, and compares it with the publication
// (reporttest.Published), as the tests of the other formats do: same rows,
// same labels, same numbers, blanks where it has blanks.
func TestHTMLNumbersAsPublished(t *testing.T) {
	p := reporttest.Mali(t)
	files, _, err := build.Render(context.Background(), p, build.Options{Formats: []string{"html"}, Date: date})
	if err != nil {
		t.Fatal(err)
	}
	doc, err := xhtml.Parse(bytes.NewReader(files[0].Data))
	if err != nil {
		t.Fatal(err)
	}
	if len(reporttest.Published) != 5 {
		t.Fatalf("%d published tables, want 5", len(reporttest.Published))
	}
	for _, tab := range p.Tables {
		want, ok := reporttest.Published[tab.ID]
		if !ok {
			t.Fatalf("table %s is not in published.yaml", tab.ID)
		}
		el := byID(doc, fmt.Sprintf("table-%d", tab.Number))
		if el == nil {
			t.Fatalf("no table-%d in the page", tab.Number)
		}
		got := bodyRows(el)
		if len(got) != len(want) {
			t.Fatalf("table %s: %d rows, want %d", tab.ID, len(got), len(want))
		}
		for i, row := range want {
			if !strings.HasSuffix(got[i][0], row[0]) {
				t.Errorf("table %s row %d: label %q, want %q", tab.ID, i+1, got[i][0], row[0])
			}
			if len(got[i]) != len(row) {
				t.Errorf("table %s row %d: %d cells, want %d", tab.ID, i+1, len(got[i]), len(row))
				continue
			}
			for j := 1; j < len(row); j++ {
				if w := reporttest.Printed(row[j]); got[i][j] != w {
					t.Errorf("table %s row %q column %d: %q, want %q", tab.ID, row[0], j, got[i][j], w)
				}
			}
		}
	}
}

// TestHTMLDownloads checks that the page links every other format with
// the size of the file rendered beside it.
func TestHTMLDownloads(t *testing.T) {
	files, _, err := build.Render(context.Background(), reporttest.Mali(t), build.Options{Formats: build.Formats, PageSize: "A4", Date: date})
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string][]byte{}
	for _, f := range files {
		byName[f.Name] = f.Data
	}
	page := byName["mali.html"]
	for _, name := range []string{"mali.pdf", "mali.md", "mali.xlsx"} {
		ext := strings.ToUpper(filepath.Ext(name)[1:])
		want := fmt.Sprintf(`<a href="%s" `, name)
		size := fmt.Sprintf("(%s, %s)", ext, html.Size(len(byName[name])))
		if !bytes.Contains(page, []byte(want)) || !bytes.Contains(page, []byte(size)) {
			t.Errorf("mali.html lacks the link %s with %s", want, size)
		}
	}
	if n := bytes.Count(page, []byte("<svg ")); n != 4 {
		t.Errorf("%d inline figures, want Mali's 4", n)
	}
}

// TestCatalogue builds two profiles into an output folder and reads the
// catalogue made from their manifests.
func TestCatalogue(t *testing.T) {
	out := t.TempDir()
	data := os.DirFS("testdata")
	for _, name := range []string{"exemple", "longtables"} {
		res, err := build.Profile(context.Background(), data, name, "v0-test", build.Options{Formats: []string{"md", "html"}, Date: date})
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range res.Files {
			path := filepath.Join(out, name, filepath.FromSlash(f.Name))
			os.MkdirAll(filepath.Dir(path), 0o755)
			if err := os.WriteFile(path, f.Data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		if name == "exemple" {
			m := res.Manifest
			if m.About.Title != "Exemple Profil migratoire\u202f: Utopie" || m.About.Language != "fr" || len(m.About.Authors) != 1 {
				t.Errorf("manifest about: %+v", m.About)
			}
		}
	}
	os.MkdirAll(filepath.Join(out, "half-built"), 0o755) // no manifest: left out
	page, err := build.Catalogue(os.DirFS(out), nil)
	if err != nil {
		t.Fatal(err)
	}
	s := string(page)
	for _, want := range []string{"<a href=\"exemple/exemple.html\">Exemple Profil migratoire\u202f: Utopie</a>", `href="longtables/longtables.md"`, "Camille Martin", "mars 2024"} {
		if !strings.Contains(s, want) {
			t.Errorf("catalogue lacks %s", want)
		}
	}
	if strings.Contains(s, "half-built") || strings.Index(s, "exemple/") > strings.Index(s, "longtables/") {
		t.Error("catalogue lists a folder without manifest, or not in name order")
	}
	m, _ := build.ParseManifest(mustRead(t, filepath.Join(out, "exemple", build.ManifestName)))
	for _, f := range m.Files {
		if f.Name == "exemple.html" && !strings.Contains(s, f.SHA256) {
			t.Error("catalogue lacks the page's SHA-256")
		}
	}
	again, _ := build.Catalogue(os.DirFS(out), nil)
	if !bytes.Equal(page, again) {
		t.Error("two catalogues of one folder differ")
	}
	empty, err := build.Catalogue(fstest.MapFS{}, nil)
	if err != nil || !bytes.Contains(empty, []byte("No profile")) {
		t.Errorf("empty catalogue: %v", err)
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func byID(n *xhtml.Node, id string) *xhtml.Node {
	if n.Type == xhtml.ElementNode {
		for _, a := range n.Attr {
			if a.Key == "id" && a.Val == id {
				return n
			}
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := byID(c, id); f != nil {
			return f
		}
	}
	return nil
}

// bodyRows returns the text of the cells of a table's body, row by row.
func bodyRows(table *xhtml.Node) [][]string {
	var rows [][]string
	var visit func(n *xhtml.Node, inBody bool)
	visit = func(n *xhtml.Node, inBody bool) {
		if n.Type == xhtml.ElementNode && n.Data == "tbody" {
			inBody = true
		}
		if inBody && n.Type == xhtml.ElementNode && n.Data == "tr" {
			var row []string
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				if c.Type == xhtml.ElementNode && (c.Data == "th" || c.Data == "td") {
					row = append(row, strings.TrimSpace(textOf(c)))
				}
			}
			rows = append(rows, row)
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c, inBody)
		}
	}
	visit(table, false)
	return rows
}

func textOf(n *xhtml.Node) string {
	if n.Type == xhtml.TextNode {
		return n.Data
	}
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		b.WriteString(textOf(c))
	}
	return b.String()
}
