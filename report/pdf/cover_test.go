package pdf

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/migprofile/migprofile/report"
	"github.com/migprofile/migprofile/report/reporttest"
)

// logo returns a w×h PNG filled with c.
func logo(tb testing.TB, w, h int, c color.RGBA) report.Image {
	tb.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.Set(x, y, c)
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		tb.Fatal(err)
	}
	return report.Image{Path: "logos/x.png", Alt: "x", Format: "png", Width: w, Height: h, Data: buf.Bytes()}
}

// withLogos is Mali with four logos: two different ones of equal pixel
// width (fpdf orders such images at random unless told otherwise), and
// one repeated.
func withLogos(tb testing.TB) *report.Profile {
	p := reporttest.Mali(tb)
	p.Meta.Logos = []report.Image{
		logo(tb, 120, 40, color.RGBA{0, 50, 120, 255}),
		logo(tb, 120, 60, color.RGBA{200, 30, 30, 255}),
		logo(tb, 90, 60, color.RGBA{0, 51, 153, 255}),
	}
	// The same file twice is embedded once.
	p.Meta.Logos = append(p.Meta.Logos, p.Meta.Logos[0])
	return p
}

// TestLogosDeterministic renders a profile with logos of equal width 20
// times: the bytes must not change, and pdfimages must list the logos on
// the cover.
func TestLogosDeterministic(t *testing.T) {
	p := withLogos(t)
	opt := Options{Date: testDate, Figures: frames{}}
	a := render(t, p, opt)
	for i := range 20 {
		if b := render(t, p, opt); !bytes.Equal(a, b) {
			t.Fatalf("render %d differs from the first", i+2)
		}
	}
	bin, err := exec.LookPath("pdfimages")
	if err != nil {
		t.Skip("pdfimages not installed")
	}
	f := filepath.Join(t.TempDir(), "logos.pdf")
	if err := os.WriteFile(f, a, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "-list", "-f", "1", "-l", "1", f).Output()
	if err != nil {
		t.Fatal(err)
	}
	n, objs := 0, map[string]bool{}
	for _, l := range strings.Split(string(out), "\n") {
		if f := strings.Fields(l); len(f) > 10 && f[2] == "image" {
			n++
			objs[f[10]] = true
		}
	}
	if n != 4 || len(objs) != 3 {
		t.Errorf("pdfimages lists %d images drawn on the cover from %d objects, want 4 from 3:\n%s", n, len(objs), out)
	}
}

// TestBalancedLines checks that short centred texts keep the fewest
// lines but leave no word alone on the last one.
func TestBalancedLines(t *testing.T) {
	d := layoutOf(t, reporttest.Mali(t), Options{Figures: frames{}})
	st := style{face: serif, size: 8, leading: 3.6}
	tests := []struct {
		name string
		text string
		w    float64
	}{
		{"Copyright", d.p.Meta.Copyright, d.geo.tw},
		{"Credit", "on the basis of CARIM database and publications", 40},
		{"Title", "CARIM – Migration Profile of a Country", 30},
		{"Long", strings.Repeat("word and other words ", 12) + "end", 70},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ws := d.words(plain(tt.text), st)
			greedy := d.breakLines(ws, tt.w, tt.w, false)
			got := d.balancedLines(ws, tt.w)
			if len(got) != len(greedy) {
				t.Errorf("%d lines, want %d", len(got), len(greedy))
			}
			if last := got[len(got)-1]; len(got) > 1 && len(last.words) < 2 {
				t.Errorf("last line is one word: %q", last.words[0].frags[0].text)
			}
		})
	}
}
