package pdf

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/migprofile/migprofile/report/reporttest"
)

func TestOutlineCounts(t *testing.T) {
	tests := []struct {
		name   string
		levels []int
		counts []int
		total  int
	}{
		{"flat", []int{0, 0}, []int{0, 0}, 2},
		{"open top", []int{0, 1, 1, 0}, []int{2, 0, 0, 0}, 4},
		{"closed below", []int{0, 1, 2, 2, 1}, []int{2, -2, 0, 0, 0}, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			counts, total := outlineCounts(tt.levels)
			if !slices.Equal(counts, tt.counts) || total != tt.total {
				t.Errorf("got %v %d, want %v %d", counts, total, tt.counts, tt.total)
			}
		})
	}
}

// TestFileStructure checks the header's version and, with qpdf, that the
// file and its outline are valid and the top level is open.
func TestFileStructure(t *testing.T) {
	b := render(t, reporttest.Mali(t), Options{Date: testDate, Figures: frames{}})
	if got := string(b[:8]); got != "%PDF-1.7" {
		t.Errorf("header %q, want %%PDF-1.7", got)
	}
	qpdf, err := exec.LookPath("qpdf")
	if err != nil {
		t.Skip("qpdf not installed")
	}
	f := filepath.Join(t.TempDir(), "mali.pdf")
	if err := os.WriteFile(f, b, 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(qpdf, "--check", f).CombinedOutput(); err != nil {
		t.Fatalf("qpdf --check: %v\n%s", err, out)
	}
	out, err := exec.Command(qpdf, "--json", "--json-key=outlines", f).Output()
	if err != nil {
		t.Fatal(err)
	}
	var j struct {
		Outlines []struct {
			Title string `json:"title"`
			Open  bool   `json:"open"`
			Kids  []struct {
				Open bool `json:"open"`
				Kids []any
			} `json:"kids"`
		} `json:"outlines"`
	}
	if err := json.Unmarshal(out, &j); err != nil {
		t.Fatal(err)
	}
	if len(j.Outlines) == 0 {
		t.Fatal("no outline")
	}
	for _, o := range j.Outlines {
		if len(o.Kids) > 0 && !o.Open {
			t.Errorf("top-level item %q is closed", o.Title)
		}
		for _, k := range o.Kids {
			if len(k.Kids) > 0 && k.Open {
				t.Errorf("a section of %q is open", o.Title)
			}
		}
	}
}

// TestSourceNote checks that the legal table's fifteen source addresses
// print as one note of short link texts, each linking to its full
// address, the address listed twice printed once.
func TestSourceNote(t *testing.T) {
	d := layoutOf(t, reporttest.Mali(t), Options{Figures: frames{}})
	log := d.layoutLog()
	if strings.Contains(log, "sessions.php") {
		t.Error("a source prints its full address")
	}
	if n := strings.Count(log, "Sources: carim.org, sessions 1065;"); n != 1 {
		t.Errorf("the source note starts %d times, want once", n)
	}
	targets := map[string]int{}
	for _, pg := range d.pages {
		for _, o := range pg.ops {
			if strings.Contains(o.url, "sessions.php") && strings.HasPrefix(o.text, "carim.org") {
				targets[o.url]++
			}
		}
	}
	if len(targets) != 14 {
		t.Errorf("%d distinct link targets in the note, want 14", len(targets))
	}
	for u, n := range targets {
		if n != 1 {
			t.Errorf("%s printed %d times", u, n)
		}
	}
}
