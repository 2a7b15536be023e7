package script

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// Stand-ins for the bundled fonts: Liberation covers Latin, Greek,
// Cyrillic, Hebrew and ASCII; DejaVu Sans adds Arabic and its presentation
// forms (and ASCII, as every font does).
var (
	liberation = Covers(func(r rune) bool { return r < 0x600 || (r >= 0x2000 && r < 0x2070) })
	dejavu     = Covers(func(r rune) bool {
		return r < 0x80 || (r >= 0x600 && r <= 0x6FF) || isArabicForm(r)
	})
	fonts = []Covers{liberation, dejavu}
)

// runsString writes runs as font:"text" pairs.
func runsString(runs []Run) string {
	var b []string
	for _, r := range runs {
		b = append(b, fmt.Sprintf("%d@%d:%q", r.Font, r.Start, r.Text))
	}
	return strings.Join(b, " ")
}

func TestRuns(t *testing.T) {
	tests := []struct {
		name, in string
		want     string
	}{
		{"one font", "Łódź, İstanbul — Αθήνα", `0@0:"Łódź, İstanbul — Αθήνα"`},
		{"Arabic words keep their spaces and digits",
			"Law (قانون رقم 02-03) of 2003",
			`0@0:"Law (" 1@5:"قانون رقم 02-03) " 0@30:"of 2003"`},
		{"a leading neutral goes with the letters after it", "(قانون", `1@0:"(قانون"`},
		{"a neutral the previous font lacks goes to the next", "ab ٢٠١٠", `0@0:"ab " 1@3:"٢٠١٠"`},
		{"marks stay with their base", "مَدْرَسَةٌ", `1@0:"مَدْرَسَةٌ"`},
		{"a mark the base's font lacks goes to a font that has it", "a\u0670", `0@0:"a" 1@1:"` + "\u0670" + `"`},
		{"nothing covers an emoji", "a😀b", `0@0:"a" -1@1:"😀" 0@5:"b"`},
		{"ZWJ never makes a NoFont run", "ب\u200Dب", `1@0:"ب\u200dب"`},
		{"empty", "", ``},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := runsString(Runs(tt.in, fonts)); got != tt.want {
				t.Errorf("Runs(%q)\n got %s\nwant %s", tt.in, got, tt.want)
			}
		})
	}
}

func TestRunsNoFonts(t *testing.T) {
	if got := runsString(Runs("a\u200D", nil)); got != `-1@0:"a\u200d"` {
		t.Errorf("Runs with no fonts = %s", got)
	}
}

// TestRunsLinear guards against quadratic time on long runs of neutrals
// (the first version looked for the nearest letter from every space: five
// minutes for 100,000 spaces).
func TestRunsLinear(t *testing.T) {
	s := "a" + strings.Repeat(" ", 20000) + "ب" + strings.Repeat("(", 20000)
	start := time.Now()
	runs := Runs(s, fonts)
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("Runs on %d bytes took %v", len(s), d)
	}
	if len(runs) != 2 {
		t.Errorf("Runs = %d runs, want 2", len(runs))
	}
}
