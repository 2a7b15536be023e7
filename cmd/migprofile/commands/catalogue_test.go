package commands_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCatalogueKeptCurrent builds one profile, then another, then all:
// out/index.html lists what out/ holds after each, the same bytes for the
// same folder.
func TestCatalogueKeptCurrent(t *testing.T) {
	dir := project(t, "mali", "other")
	index := filepath.Join(dir, "out", "index.html")
	read := func() string {
		b, err := os.ReadFile(index)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	if code, _, stderr := run(t, dir, nil, "build", "mali", "--formats", "md,html"); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if s := read(); !strings.Contains(s, `href="mali/mali.html"`) || strings.Contains(s, "other/") {
		t.Error("after building mali, the catalogue does not list mali alone")
	}
	if code, _, stderr := run(t, dir, nil, "build", "other", "--formats", "md,html"); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	both := read()
	if !strings.Contains(both, `href="mali/mali.html"`) || !strings.Contains(both, `href="other/other.md"`) {
		t.Error("after building other, the catalogue does not list both")
	}
	if code, _, stderr := run(t, dir, nil, "build", "--all", "--formats", "md,html"); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if read() != both {
		t.Error("build --all of the same data wrote another catalogue")
	}
	if bytes.Contains([]byte(both), []byte("<script")) {
		t.Error("the catalogue holds a script")
	}
	leftovers, _ := filepath.Glob(filepath.Join(dir, "out", ".migprofile-tmp-*"))
	if len(leftovers) > 0 {
		t.Errorf("temporary files left behind: %v", leftovers)
	}
}
