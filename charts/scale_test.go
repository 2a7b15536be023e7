package charts

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/migprofile/migprofile/layouts"
	"github.com/migprofile/migprofile/report"
)

func TestNiceScale(t *testing.T) {
	tests := []struct {
		name        string
		lo, hi      float64
		n, dec      int
		wantTicks   string
		wantLo, wHi float64
	}{
		// Figure 3 of Mali: its largest value, 44.2, ends the axis at
		// 50 (it ran to 100 when percentages forced 0–100).
		{"Percent", 0, 44.2, 5, 1, "0 10 20 30 40 50", 0, 50},
		{"Counts", 0, 523231, 6, 0, "0 100000 200000 300000 400000 500000 600000", 0, 600000},
		{"Diverging", -166000, 116314, 5, 0, "-200000 -100000 0 100000 200000", -200000, 200000},
		{"Decimals", 0, 0.7, 4, 1, "0 2 4 6 8", 0, 0.8},
		{"NoDecimalsAllowed", 0, 3, 10, 0, "0 1 2 3", 0, 3},
		{"AllZeros", 0, 0, 4, 0, "0 1", 0, 1},
		{"Negative", -12.5, 120, 5, 1, "-50 0 50 100 150", -50, 150},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := niceScale(tt.lo, tt.hi, tt.n, tt.dec)
			if got := ticks(s); got != tt.wantTicks || s.lo != tt.wantLo || s.hi != tt.wHi {
				t.Errorf("got ticks %s on [%v, %v], want %s on [%v, %v]", got, s.lo, s.hi, tt.wantTicks, tt.wantLo, tt.wHi)
			}
		})
	}
}

func TestFixedScale(t *testing.T) {
	tests := []struct {
		name      string
		lo, hi    float64
		n, dec    int
		wantTicks string
	}{
		{"Percent", 0, 100, 5, 1, "0 20 40 60 80 100"},
		{"OffStep", -30, 70, 4, 0, "-25 0 25 50"},
		{"Narrow", 0, 0.5, 4, 0, "0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := fixedScale(tt.lo, tt.hi, tt.n, tt.dec)
			if got := ticks(s); got != tt.wantTicks || s.lo != tt.lo || s.hi != tt.hi {
				t.Errorf("got ticks %s on [%v, %v], want %s on [%v, %v]", got, s.lo, s.hi, tt.wantTicks, tt.lo, tt.hi)
			}
		})
	}
}

func ticks(s scale) string {
	var out []string
	for _, t := range s.ticks {
		out = append(out, fmt.Sprint(t))
	}
	return strings.Join(out, " ")
}

// TestSignedTicks checks that a diverging figure's left side is labelled
// with negative numbers, set with a true minus sign.
func TestSignedTicks(t *testing.T) {
	s := niceScale(-166000, 116314, 5, 0)
	l := report.DefaultLabels()
	if got, want := s.tickLabel(s.ticks[0], l), "\u2212200,000"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestHeights checks the height rule (see the slot constants): plots
// follow their number of bars up to maxPlot, then thin their bars down to
// minSlot.
func TestHeights(t *testing.T) {
	p := mali(t)
	const width = 643 // 170 mm
	want := map[string]int{
		"malians-abroad-by-country":        8 * (singleSlot + catGap),
		"foreign-residents-by-citizenship": 9 * (3*minSlot + catGap),
		"flows-by-country":                 8 * (2*barSlot + catGap),
	}
	for _, f := range p.Figures {
		pl, err := newPlan(f, p.Labels)
		if err != nil {
			t.Fatal(err)
		}
		if w, ok := want[f.ID]; ok && pl.plotHeight() != w {
			t.Errorf("%s: plot %d pixels, want %d", f.ID, pl.plotHeight(), w)
		}
		h, err := Height(f, p.Labels, width, false)
		if err != nil {
			t.Fatal(err)
		}
		// Two thirds of an A4 page's 247 mm of text is 165 mm.
		if mm := float64(h) / pxPerMM; mm > 120 {
			t.Errorf("%s: %.0f mm tall", f.ID, mm)
		}
	}
}

// TestTypeScale checks that every text of every figure is set in a size
// of the document's type scale, and in at most three sizes.
func TestTypeScale(t *testing.T) {
	p := mali(t)
	scale := []float64{layouts.TypeScale.Caption, layouts.TypeScale.Small}
	sizes := map[float64]bool{}
	for _, f := range append(p.Figures, edgeCases()...) {
		ops := record(t, func() {
			if _, err := svg(f, p.Labels, 680, 500, true); err != nil {
				t.Fatal(err)
			}
		})
		for _, op := range ops[0] {
			var s float64
			if _, err := fmt.Sscanf(op, "SetFontSize %v", &s); err == nil {
				if !slices.Contains(scale, s) {
					t.Errorf("%s: text at %v pt, not in the type scale", f.ID, s)
				}
				sizes[s] = true
			}
		}
	}
	if len(sizes) > 3 {
		t.Errorf("%d sizes in figures: %v", len(sizes), sizes)
	}
}
