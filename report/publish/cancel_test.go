package publish_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/migprofile/migprofile/report/publish"
)

// TestFilesInterrupted: a publish whose context is done before the swap
// returns the context's error and leaves the previous set, with no
// temporary file.
func TestFilesInterrupted(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "mali")
	if err := publish.Files(context.Background(), dir, []publish.File{{Name: "a.md", Data: []byte("old")}}); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err := publish.Files(ctx, dir, []publish.File{{Name: "a.md", Data: []byte("new")}, {Name: "b.md", Data: []byte("new")}})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("got %v, want context.Canceled", err)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "a.md")); string(got) != "old" {
		t.Errorf("a.md = %q, want the previous content", got)
	}
	if _, err := os.Stat(filepath.Join(dir, "b.md")); err == nil {
		t.Error("b.md was published")
	}
	assertNoTemp(t, filepath.Dir(dir))
}
