package reporttest

import (
	"fmt"
	"strings"
	"testing"
)

// text returns n numbered lines, each ending in a newline.
func text(n int) []string {
	var lines []string
	for i := range n {
		lines = append(lines, fmt.Sprintf("line %d\n", i+1))
	}
	return lines
}

// edit returns lines with lines[at:at+del] replaced by ins.
func edit(lines []string, at, del int, ins ...string) string {
	out := append(append(append([]string{}, lines[:at]...), ins...), lines[at+del:]...)
	return strings.Join(out, "")
}

// marked counts the diff's lines marked "-" and "+".
func marked(diff string) (minus, plus []string) {
	for _, l := range strings.Split(diff, "\n") {
		switch {
		case strings.HasPrefix(l, "-"):
			minus = append(minus, l)
		case strings.HasPrefix(l, "+"):
			plus = append(plus, l)
		}
	}
	return minus, plus
}

func TestLineDiff(t *testing.T) {
	lines := text(100)
	want := strings.Join(lines, "")
	tests := []struct {
		name        string
		got         string
		first       int      // the first differing line reported
		minus, plus []string // text of the lines marked "-" and "+"
	}{
		{"InsertedLine", edit(lines, 10, 0, "inserted\n"), 11, nil, []string{"inserted"}},
		{"DeletedLine", edit(lines, 10, 1), 11, []string{"line 11"}, nil},
		{"ChangedLine", edit(lines, 49, 1, "changed\n"), 50, []string{"line 50"}, []string{"changed"}},
		{"InsertedAndChanged", edit(lines[:60], 0, 0, "new first\n") + edit(lines[60:], 20, 1, "changed\n"), 1,
			[]string{"line 81"}, []string{"new first", "changed"}},
		{"MissingFinalNewline", strings.TrimSuffix(want, "\n"), 101, []string{`""`}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			diff := LineDiff(want, tt.got)
			if head := fmt.Sprintf("first difference at line %d (-want +got):\n", tt.first); !strings.HasPrefix(diff, head) {
				t.Errorf("diff does not start with %q:\n%s", head, diff)
			}
			minus, plus := marked(diff)
			if len(minus) != len(tt.minus) || len(plus) != len(tt.plus) {
				t.Fatalf("got %d line(s) marked - and %d marked +, want %d and %d:\n%s",
					len(minus), len(plus), len(tt.minus), len(tt.plus), diff)
			}
			for i, s := range tt.minus {
				if !strings.Contains(minus[i], s) {
					t.Errorf("line marked - %q does not show %q", minus[i], s)
				}
			}
			for i, s := range tt.plus {
				if !strings.Contains(plus[i], s) {
					t.Errorf("line marked + %q does not show %q", plus[i], s)
				}
			}
		})
	}
	t.Run("Equal", func(t *testing.T) {
		if diff := LineDiff(want, want); diff != "" {
			t.Errorf("equal texts: got diff\n%s", diff)
		}
	})
	t.Run("Bounded", func(t *testing.T) {
		var other []string
		for i := range 1000 {
			other = append(other, fmt.Sprintf("other %d\n", i))
		}
		diff := LineDiff(want, strings.Join(other, ""))
		if n := strings.Count(diff, "\n"); n > maxDiffLines+2 {
			t.Errorf("diff has %d lines, want at most %d", n, maxDiffLines+2)
		}
		if !strings.Contains(diff, "more lines of diff") {
			t.Errorf("a cut diff does not say so:\n%s", diff)
		}
	})
}
