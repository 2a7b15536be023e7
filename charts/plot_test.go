package charts

import (
	"bytes"
	"strconv"
	"strings"
	"testing"
)

// TestPlotSVG checks that the chart drawn for a document that captions it
// holds no text of the caption (title, caption sentence, sources) outside
// its <title> and <desc>, and that its ids name the figure.
func TestPlotSVG(t *testing.T) {
	p := mali(t)
	for _, f := range p.Figures {
		b, err := PlotSVG(f, p.Labels)
		if err != nil {
			t.Fatal(err)
		}
		body := b[bytes.Index(b, []byte("</desc>")):]
		for _, s := range append([]string{f.NumberedTitle(p.Labels), f.Caption}, f.SourceLines(p.Labels)...) {
			if s != "" && bytes.Contains(body, []byte(xmlText(s))) {
				t.Errorf("figure %d: the plot repeats %q", f.Number, s)
			}
		}
		id := "figure-" + strconv.Itoa(f.Number)
		if !bytes.Contains(b, []byte(`aria-labelledby="`+id+`-title `+id+`-desc"`)) || !bytes.Contains(b, []byte(`<title id="`+id+`-title">`)) {
			t.Errorf("figure %d: ids not prefixed with %s: %s", f.Number, id, b[:300])
		}
		if strings.Count(string(b), `id="title"`) > 0 {
			t.Errorf("figure %d: a bare id", f.Number)
		}
	}
}
