package markdown

import (
	"bytes"
	stdhtml "html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"gopkg.in/yaml.v3"

	"github.com/migprofile/migprofile/report"
)

// textOf is the visible text of an HTML page, tags dropped, entities
// resolved, spaces folded.
func textOf(html string) string {
	html = regexp.MustCompile(`(?s)<(script|style|title)[^>]*>.*?</(script|style|title)>`).ReplaceAllString(html, " ")
	html = regexp.MustCompile(`<[^>]*>`).ReplaceAllString(html, " ")
	return strings.Join(strings.Fields(stdhtml.UnescapeString(html)), " ")
}

// checkOnce checks that a page shows each figure's title, caption and
// sources, and each policy table's paragraphs, as often as the profile
// holds them: once, not also repeated beside the figure or in a second
// column.
func checkOnce(t *testing.T, p *report.Profile, page string) {
	t.Helper()
	text := textOf(page)
	for _, f := range p.Figures {
		title := want(strings.Join(strings.Fields(f.Title), " "))
		if n := strings.Count(text, title); n != 1 {
			t.Errorf("figure %d: its title shows %d times, want 1", f.Number, n)
		}
		if c := want(strings.Join(strings.Fields(f.Caption), " ")); c != "" && strings.Count(text, c) != 1 {
			t.Errorf("figure %d: its caption shows %d times, want 1", f.Number, strings.Count(text, c))
		}
	}
	for _, g := range p.Grids {
		for _, r := range g.Rows {
			for _, e := range r.Entries {
				for _, it := range e.Both {
					if it.Kind != report.ItemParagraph {
						continue
					}
					w := strings.Join(strings.Fields(wantText(it.Text)), " ")
					w = regexp.MustCompile(`\[\^[^\]]*\]`).ReplaceAllString(w, "")
					if w = strings.TrimSpace(w); len(w) > 12 && strings.Count(text, w) > 1 {
						t.Errorf("table %d: %q shows %d times", g.Number, w, strings.Count(text, w))
					}
				}
			}
		}
	}
}

// TestGoldmark renders each document as Hugo does: the YAML front matter
// decoded apart, the body through goldmark with GitHub's extensions; the
// date reads as a date, and nothing shows twice.
func TestGoldmark(t *testing.T) {
	for _, tc := range profiles {
		t.Run(tc.name, func(t *testing.T) {
			p := tc.get(t)
			front, body := splitFrontMatter(t, render(t, p, t.TempDir()))
			var meta map[string]any
			if err := yaml.Unmarshal(front, &meta); err != nil {
				t.Fatal(err)
			}
			if d, _ := meta["date"].(string); !p.Meta.Published.IsZero() && d != p.Meta.Published.Format("2006-01-02") {
				t.Errorf("date %q, want %s", d, p.Meta.Published.Format("2006-01-02"))
			}
			var out bytes.Buffer
			md := goldmark.New(goldmark.WithExtensions(extension.GFM, extension.Footnote))
			if err := md.Convert(body, &out); err != nil {
				t.Fatal(err)
			}
			if strings.Contains(out.String(), "raw HTML omitted") {
				t.Error("goldmark dropped raw HTML")
			}
			checkOnce(t, p, out.String())
		})
	}
}

// TestHugo builds a Hugo site holding the Mali document as a page bundle
// (content/mali/index.md, its figures beside it), with Debian's hugo
// when it is installed: Hugo must read the full date (not year 1), the
// title, and find every figure; nothing shows twice.
func TestHugo(t *testing.T) {
	if _, err := exec.LookPath("hugo"); err != nil {
		t.Skip("hugo not installed")
	}
	p := mali(t)
	site := t.TempDir()
	page := filepath.Join(site, "content", "mali")
	doc := render(t, p, page)
	files := map[string]string{
		"hugo.toml":                    "baseURL = \"http://example.org/\"\ndisableKinds = [\"taxonomy\", \"term\", \"RSS\", \"sitemap\"]\n",
		"content/mali/index.md":        string(doc),
		"layouts/_default/single.html": `<html><head><title>{{ .Title }}</title></head><body><p id="date">{{ .Date.Format "2006-01-02" }}</p><p id="printed">{{ .Params.date_printed }}</p>{{ .Content }}</body></html>`,
		"layouts/_default/list.html":   `<html><body>{{ range .Pages }}{{ .Title }}{{ end }}</body></html>`,
	}
	for name, data := range files {
		path := filepath.Join(site, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command("hugo", "--quiet", "--source", site, "--destination", filepath.Join(site, "public"))
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("hugo: %v\n%s", err, out)
	}
	html, err := os.ReadFile(filepath.Join(site, "public", "mali", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	got := string(html)
	if w := `<p id="date">` + p.Meta.Published.Format("2006-01-02") + `</p>`; !strings.Contains(got, w) {
		t.Errorf("Hugo's date: want %s in %.300s", w, got)
	}
	if w := `<p id="printed">` + p.Meta.Date + `</p>`; !strings.Contains(got, w) {
		t.Errorf("Hugo's display date: want %s", w)
	}
	if w := "<title>" + stdhtml.EscapeString(p.Meta.FullTitle()) + "</title>"; !strings.Contains(got, w) {
		t.Errorf("Hugo's title: want %s", w)
	}
	for _, f := range p.Figures {
		if _, err := os.Stat(filepath.Join(site, "public", "mali", filepath.FromSlash(figurePath(f)))); err != nil {
			t.Errorf("figure %d not published with the page: %v", f.Number, err)
		}
	}
	if strings.Contains(got, "raw HTML omitted") {
		t.Error("Hugo dropped raw HTML")
	}
	checkOnce(t, p, got[strings.Index(got, "<body>"):])
}
