package markdown

import (
	"bytes"
	"html"
	"os/exec"
	"regexp"
	"strings"
	"testing"

	"github.com/migprofile/migprofile/report"
)

// TestExternalRenderers renders the documents with cmark-gfm and pandoc,
// when they are installed, and checks that every table, image and footnote
// shows and that every internal link resolves to a heading (pandoc's
// gfm_auto_identifiers follow GitHub's anchor scheme).
func TestExternalRenderers(t *testing.T) {
	for _, tc := range profiles {
		t.Run(tc.name, func(t *testing.T) {
			p := tc.get(t)
			doc := render(t, p, t.TempDir())
			_, body := splitFrontMatter(t, doc)
			tables := len(blocks(p, report.TableBlock)) // policy tables are sections
			images := len(blocks(p, report.FigureBlock))
			notes := len(p.Footnotes)

			t.Run("cmark-gfm", func(t *testing.T) {
				out := run(t, body, "cmark-gfm", "-e", "table", "-e", "autolink", "-e", "strikethrough", "-e", "footnotes", "-e", "tagfilter", "-e", "tasklist")
				count(t, out, "<table>", tables)
				count(t, out, `<img src="figures/`, images)
				count(t, out, `<li id="fn-`, notes)
				for _, bad := range []string{"raw HTML omitted", "<code>", "<blockquote>", "<del>", "<hr />"} {
					count(t, out, bad, 0)
				}
				checkOnce(t, p, out)
			})
			t.Run("pandoc", func(t *testing.T) {
				out := run(t, doc, "pandoc", "-f", "gfm+yaml_metadata_block", "-t", "html5", "--wrap=none", "-s")
				count(t, out, "<table>", tables)
				count(t, out, `<img src="figures/`, images)
				if !strings.Contains(out, "<title>"+html.EscapeString(want(p.Meta.FullTitle()))) {
					t.Errorf("pandoc did not read the front matter's title %q", p.Meta.FullTitle())
				}
				for _, bad := range []string{"<code>", "<blockquote>", "<del>"} {
					count(t, out, bad, 0)
				}
				checkOnce(t, p, out)
				if d := p.Meta.Published; !d.IsZero() && !strings.Contains(out, `<meta name="dcterms.date" content="`+d.Format("2006-01-02")+`"`) {
					t.Errorf("pandoc did not read the date %s", d.Format("2006-01-02"))
				}
				count(t, out, "<hr />", 1) // above the notes
				ids := map[string]bool{}
				for _, m := range regexp.MustCompile(` id="([^"]*)"`).FindAllStringSubmatch(out, -1) {
					ids[m[1]] = true
				}
				for _, m := range regexp.MustCompile(` href="#([^"]*)"`).FindAllStringSubmatch(out, -1) {
					if !ids[m[1]] {
						t.Errorf("pandoc: link #%s resolves to nothing", m[1])
					}
				}
				// pandoc writes one note per citation.
				if got := strings.Count(out, `role="doc-endnote"`); got < notes {
					t.Errorf("pandoc: %d notes, want at least %d", got, notes)
				}
			})
		})
	}
}

func run(t *testing.T, in []byte, name string, args ...string) string {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		t.Skipf("%s not installed", name)
	}
	cmd := exec.Command(name, args...)
	cmd.Stdin = bytes.NewReader(in)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil || stderr.Len() > 0 {
		t.Fatalf("%s: %v\n%s", name, err, stderr.String())
	}
	return string(out)
}

func count(t *testing.T, out, s string, want int) {
	t.Helper()
	if got := strings.Count(out, s); got != want {
		t.Errorf("%d × %q, want %d", got, s, want)
	}
}
