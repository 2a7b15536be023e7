package charts

import (
	"regexp"
	"strconv"
	"testing"
)

// TestBody checks that the body box of each Mali figure lies inside its
// SVG file, below the title and above the sources, which the file draws
// outside it.
func TestBody(t *testing.T) {
	p := mali(t)
	for _, f := range p.Figures {
		x, y, w, h, err := Body(f, p.Labels)
		if err != nil {
			t.Fatal(err)
		}
		height, _ := Height(f, p.Labels, FileWidth, true)
		if x <= 0 || y <= 0 || w <= 0 || h <= 0 || x+w >= FileWidth || y+h >= height {
			t.Errorf("figure %d: body %d,%d %d×%d outside its %d×%d file", f.Number, x, y, w, h, FileWidth, height)
		}
		svg, err := SVG(f, p.Labels)
		if err != nil {
			t.Fatal(err)
		}
		// The title is the first text drawn; the source line the lowest.
		texts := regexp.MustCompile(`<text x="\d+" y="(\d+)"`).FindAllSubmatch(svg, -1)
		first, _ := strconv.Atoi(string(texts[0][1]))
		last := 0
		for _, m := range texts {
			y, _ := strconv.Atoi(string(m[1]))
			last = max(last, y)
		}
		if first >= y || last <= y+h {
			t.Errorf("figure %d: title at y=%d, source at y=%d, not outside the body %d–%d", f.Number, first, last, y, y+h)
		}
	}
}
