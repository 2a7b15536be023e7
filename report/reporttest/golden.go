package reporttest

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Golden compares got with the golden file at path, or rewrites the file
// when update is set (each package's -update flag). On a mismatch it
// fails with a line diff (see LineDiff).
func Golden(tb testing.TB, path string, got []byte, update bool) {
	tb.Helper()
	if update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			tb.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		tb.Fatalf("%v (run go test -update to create it)", err)
	}
	if diff := LineDiff(string(want), string(got)); diff != "" {
		tb.Errorf("%s differs (run go test -update if intended):\n%s", path, diff)
	}
}

// maxDiffLines bounds LineDiff's output, so that a golden file rewritten
// from top to bottom does not flood the test log.
const maxDiffLines = 200

// LineDiff returns a line diff of want and got, or "" when they are
// equal: the number of the first line that differs, then go-cmp's diff
// of the two texts' lines, each line quoted, lines only in want marked
// "-", lines only in got "+", runs of equal lines elided. An inserted
// line is shown as one "+" line, not as every later line changed. The
// format is for people (go-cmp does not keep it stable); at most
// maxDiffLines lines of it are shown.
func LineDiff(want, got string) string {
	if want == got {
		return ""
	}
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	first := 0
	for first < len(w) && first < len(g) && w[first] == g[first] {
		first++
	}
	diff := cmp.Diff(w, g)
	if lines := strings.SplitAfter(diff, "\n"); len(lines) > maxDiffLines {
		diff = strings.Join(lines[:maxDiffLines], "") + fmt.Sprintf("… %d more lines of diff\n", len(lines)-maxDiffLines)
	}
	return fmt.Sprintf("first difference at line %d (-want +got):\n%s", first+1, diff)
}
