package publish

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPerFile: the fallback where folders cannot be exchanged publishes
// every file, removes temporary files left by a killed run, and says so
// when a rename fails after others were done: the folder then mixes old
// and new files, and the message must not claim the old set.
func TestPerFile(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, tempPrefix+"killed"), []byte("stale"), 0o644)
	files := []File{{Name: "a.md", Data: []byte("new")}, {Name: "figures/f.svg", Data: []byte("<svg/>")}}
	if err := perFile(context.Background(), dir, files); err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if got, _ := os.ReadFile(filepath.Join(dir, f.Name)); string(got) != string(f.Data) {
			t.Errorf("%s = %q", f.Name, got)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, tempPrefix+"killed")); err == nil {
		t.Error("a temporary file of a killed run survived")
	}

	t.Run("RenameFailsHalfway", func(t *testing.T) {
		// b.md is a folder holding a file: a file cannot be renamed over it.
		os.MkdirAll(filepath.Join(dir, "b.md", "x"), 0o755)
		err := perFile(context.Background(), dir, []File{{Name: "a.md", Data: []byte("newer")}, {Name: "b.md", Data: []byte("b")}})
		if err == nil || !strings.Contains(err.Error(), "1 file(s) before it were replaced, so "+dir+" mixes old and new files: build again") {
			t.Errorf("got %v, want an error saying the folder mixes old and new files", err)
		}
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if strings.HasPrefix(e.Name(), tempPrefix) {
				t.Errorf("temporary file %s left", e.Name())
			}
		}
	})
	t.Run("Interrupted", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		if err := perFile(ctx, dir, []File{{Name: "a.md", Data: []byte("newest")}}); err != context.Canceled {
			t.Errorf("got %v, want context.Canceled", err)
		}
		if got, _ := os.ReadFile(filepath.Join(dir, "a.md")); string(got) != "newer" {
			t.Errorf("a.md = %q after an interrupt", got)
		}
	})
}
