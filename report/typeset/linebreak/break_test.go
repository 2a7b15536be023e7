package linebreak

import (
	"math"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
)

func TestBreak(t *testing.T) {
	tests := []struct {
		name   string
		text   string
		widths []float64
		want   []string
	}{
		{"OneWord", "word", []float64{10}, []string{"word"}},
		{"OneLine", "a few words", []float64{20}, []string{"a few words"}},
		{
			// A greedy breaker that shrinks spaces fits "f" on the first
			// line (r = -0.8, badness 51); a slightly loose line (r = 0.5,
			// badness 12.5) costs less.
			"TotalFit", "a bbb c dd ee f gggg", []float64{14},
			[]string{"a bbb c dd ee", "f gggg"},
		},
		{
			"Forced", "one two\nthree", []float64{20},
			[]string{"one two", "three"},
		},
		{
			"EmptyLines", "one\n\ntwo", []float64{20},
			[]string{"one", "", "two"},
		},
		{
			// The hyphen saves a line loose beyond the cap.
			"Hyphenates", "xx yy hyphen-ation zz", []float64{13},
			[]string{"xx yy hyphen-", "ation zz"},
		},
		{
			"ParShape", "aa bb cc dd ee ff gg", []float64{5, 8},
			[]string{"aa bb", "cc dd ee", "ff gg"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			items, words := para(tt.text)
			lines, err := Break(items, tt.widths, DefaultParams())
			if err != nil {
				t.Fatal(err)
			}
			checkCover(t, items, tt.widths, lines)
			if got := render(items, words, lines); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
			for k, l := range lines {
				if l.Overfull || l.Underfull {
					t.Errorf("line %d: %+v", k, l)
				}
			}
		})
	}
}

func TestBreakEmpty(t *testing.T) {
	lines, err := Break(nil, []float64{10}, DefaultParams())
	if err != nil || lines != nil {
		t.Fatalf("Break(nil) = %v, %v", lines, err)
	}
	items := Finish(nil)
	lines, err = Break(items, []float64{10}, DefaultParams())
	if err != nil {
		t.Fatal(err)
	}
	checkCover(t, items, []float64{10}, lines)
	if want := []Line{{Start: 0, End: 2}}; !reflect.DeepEqual(lines, want) {
		t.Fatalf("empty paragraph: got %+v, want %+v", lines, want)
	}
}

func TestBreakLastLineRagged(t *testing.T) {
	items, _ := para("the last line of a paragraph is set at its natural width")
	lines, err := Break(items, []float64{20}, DefaultParams())
	if err != nil {
		t.Fatal(err)
	}
	if r := lines[len(lines)-1].Ratio; r != 0 {
		t.Errorf("last line ratio %v, want 0", r)
	}
}

func TestBreakOverfull(t *testing.T) {
	items, words := para("a supercalifragilistic word in a narrow column")
	widths := []float64{10}
	lines, err := Break(items, widths, DefaultParams())
	if err != nil {
		t.Fatal(err)
	}
	checkCover(t, items, widths, lines)
	got := render(items, words, lines)
	for k, l := range lines {
		long := got[k] == "supercalifragilistic"
		if l.Overfull != long {
			t.Errorf("line %d %q: overfull %v", k, got[k], l.Overfull)
		}
		if l.Overfull && l.Ratio != -1 {
			t.Errorf("overfull line ratio %v, want -1", l.Ratio)
		}
	}
	if !contains(got, "supercalifragilistic") {
		t.Errorf("the long word is not alone on its line: %q", got)
	}
}

func TestBreakOnlyOverfull(t *testing.T) {
	items := Finish([]Item{NewBox(50)})
	lines, err := Break(items, []float64{10}, DefaultParams())
	if err != nil {
		t.Fatal(err)
	}
	checkCover(t, items, []float64{10}, lines)
	if len(lines) != 1 || !lines[0].Overfull {
		t.Fatalf("got %+v, want one overfull line", lines)
	}
}

// TestBreakStretchCap checks that when some set of breaks keeps every line
// within Tolerance, Break returns such a set.
func TestBreakStretchCap(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	p := DefaultParams()
	for n := 0; n < 300; n++ {
		items, widths := randomParagraph(rng, 12)
		lines, err := Break(items, widths, p)
		if err != nil {
			t.Fatal(err)
		}
		checkCover(t, items, widths, lines)
		_, feasible := bruteForce(items, widths, p, p.Tolerance)
		for k, l := range lines {
			if feasible && (l.Ratio > p.Tolerance || l.Underfull || l.Overfull) {
				t.Fatalf("case %d line %d: %+v though breaks within tolerance exist", n, k, l)
			}
			if l.Underfull != (l.Ratio > p.Tolerance) && l.Ratio != 0 {
				t.Fatalf("case %d line %d: %+v", n, k, l)
			}
		}
	}
}

// TestBreakOptimal compares the breaker's total demerits with those of the
// best breaks found by trying every set, in each pass and in ragged mode.
func TestBreakOptimal(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for n := 0; n < 1000; n++ {
		items, widths := randomParagraph(rng, 12)
		p := DefaultParams()
		p.LooseTolerance = 0
		if n%3 == 1 {
			p.Tolerance = 8
		}
		if n%3 == 2 {
			p.Ragged = float64(widths[0]) / 3
		}
		want, feasible := bruteForce(items, widths, p, p.Tolerance)
		lines, err := Break(items, widths, p)
		if err != nil {
			t.Fatal(err)
		}
		checkCover(t, items, widths, lines)
		got, ok := evaluate(items, widths, p, p.Tolerance, breakAt(lines))
		switch {
		case feasible && !ok:
			t.Fatalf("case %d: breaks %v not within tolerance; best has %v demerits", n, breakAt(lines), want)
		case feasible && math.Abs(got-want) > 1e-9*math.Abs(want):
			t.Fatalf("case %d: demerits %v, want %v (breaks %v)", n, got, want, breakAt(lines))
		case !feasible && !anyFlag(lines):
			t.Fatalf("case %d: no breaks within tolerance, yet no line reported: %+v", n, lines)
		}
	}
}

func TestBreakRagged(t *testing.T) {
	text := "Institutions gouvernementales chargées des mi-gra-tions et de la pro-tec-tion des ré-fu-giés"
	items, words := para(text)
	widths := []float64{16}
	p := DefaultParams()
	p.Ragged = widths[0] / 3
	lines, err := Break(items, widths, p)
	if err != nil {
		t.Fatal(err)
	}
	checkCover(t, items, widths, lines)
	got := render(items, words, lines)
	hyphens := 0
	for k, l := range lines {
		if l.Ratio != 0 {
			t.Errorf("line %d: ragged ratio %v", k, l.Ratio)
		}
		if n := len([]rune(got[k])); n > 16 && !l.Overfull {
			t.Errorf("line %d %q: %d wide, not reported overfull", k, got[k], n)
		}
		if strings.HasSuffix(got[k], "-") {
			hyphens++
		}
	}
	// "gouvernementales" (16) fits exactly; no more than one hyphen is
	// worth its cost in this paragraph.
	if hyphens > 1 {
		t.Errorf("%d hyphens: %q", hyphens, got)
	}
	t.Logf("%q", got)
}

func TestBreakInvalid(t *testing.T) {
	good := Finish([]Item{NewBox(1)})
	tests := []struct {
		name   string
		items  []Item
		widths []float64
		p      func(*Params)
	}{
		{"NoWidths", good, nil, nil},
		{"ZeroWidth", good, []float64{0}, nil},
		{"NaNWidth", good, []float64{math.NaN()}, nil},
		{"NaNItem", []Item{NewBox(math.NaN())}, []float64{1}, nil},
		{"InfBox", []Item{NewBox(math.Inf(1))}, []float64{1}, nil},
		{"NegativeStretch", []Item{NewGlue(1, -1, 0)}, []float64{1}, nil},
		{"InfShrink", []Item{NewGlue(1, 0, math.Inf(1))}, []float64{1}, nil},
		{"NaNPenalty", []Item{NewPenalty(0, math.NaN(), false)}, []float64{1}, nil},
		{"BadKind", []Item{{Kind: 7}}, []float64{1}, nil},
		{"ZeroTolerance", good, []float64{1}, func(p *Params) { p.Tolerance = 0 }},
		{"NegativeRagged", good, []float64{1}, func(p *Params) { p.Ragged = -1 }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := DefaultParams()
			if tt.p != nil {
				tt.p(&p)
			}
			if _, err := Break(tt.items, tt.widths, p); err == nil || !strings.HasPrefix(err.Error(), "linebreak: ") {
				t.Fatalf("err = %v", err)
			}
		})
	}
}

func TestShouldRag(t *testing.T) {
	for _, tt := range []struct {
		measure, char float64
		want          bool
	}{{60, 2.5, true}, {75, 2.5, false}, {200, 2.5, false}, {math.NaN(), 2.5, true}} {
		if got := ShouldRag(tt.measure, tt.char); got != tt.want {
			t.Errorf("ShouldRag(%v, %v) = %v", tt.measure, tt.char, got)
		}
	}
}

// randomParagraph returns a paragraph of at most maxBreaks optional breaks
// made of words, hyphenation points and now and then a forced break, and
// one to three line widths.
func randomParagraph(rng *rand.Rand, maxBreaks int) ([]Item, []float64) {
	var sb strings.Builder
	for breaks := 0; breaks < maxBreaks; breaks++ {
		if sb.Len() > 0 {
			sb.WriteString([]string{" ", " ", " ", " ", " ", "\n"}[rng.IntN(6)])
		}
		sb.WriteString(strings.Repeat("x", 1+rng.IntN(7)))
		if rng.IntN(2) == 0 {
			breaks++
			sb.WriteString("-" + strings.Repeat("y", 2+rng.IntN(4)))
		}
	}
	items, _ := para(sb.String())
	widths := make([]float64, 1+rng.IntN(3))
	for i := range widths {
		widths[i] = float64(8 + rng.IntN(14))
	}
	return items, widths
}

func anyFlag(lines []Line) bool {
	for _, l := range lines {
		if l.Overfull || l.Underfull {
			return true
		}
	}
	return false
}

func contains(s []string, x string) bool {
	for _, v := range s {
		if v == x {
			return true
		}
	}
	return false
}
