package publish_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/migprofile/migprofile/report/publish"
)

func TestUpdate(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	file := filepath.Join(dir, "index.html")
	if err := publish.Update(context.Background(), dir, "index.html", func() ([]byte, error) { return []byte("one"), nil }); err != nil {
		t.Fatal(err)
	}
	t.Run("Replaces", func(t *testing.T) {
		if err := publish.Update(context.Background(), dir, "index.html", func() ([]byte, error) { return []byte("two"), nil }); err != nil {
			t.Fatal(err)
		}
		if b, _ := os.ReadFile(file); string(b) != "two" {
			t.Errorf("file holds %q, want two", b)
		}
	})
	t.Run("FailureKeepsTheFile", func(t *testing.T) {
		err := publish.Update(context.Background(), dir, "index.html", func() ([]byte, error) { return nil, errors.New("no") })
		if err == nil {
			t.Fatal("the content's error was not returned")
		}
		if b, _ := os.ReadFile(file); string(b) != "two" {
			t.Errorf("file holds %q after a failure, want two", b)
		}
		if left, _ := filepath.Glob(filepath.Join(dir, ".migprofile-tmp-*")); len(left) > 0 {
			t.Errorf("temporary files left: %v", left)
		}
	})
	t.Run("SeesAPublishedSet", func(t *testing.T) {
		// Update runs its content under the lock Files takes, so it reads
		// a profile folder whole.
		if err := publish.Files(context.Background(), filepath.Join(dir, "a"), []publish.File{{Name: "m.json", Data: []byte("{}")}}); err != nil {
			t.Fatal(err)
		}
		err := publish.Update(context.Background(), dir, "index.html", func() ([]byte, error) { return os.ReadFile(filepath.Join(dir, "a", "m.json")) })
		if b, _ := os.ReadFile(file); err != nil || string(b) != "{}" {
			t.Errorf("file holds %q (%v)", b, err)
		}
	})
	t.Run("NotAFileName", func(t *testing.T) {
		for _, name := range []string{"../x", "a/b", ""} {
			if err := publish.Update(context.Background(), dir, name, func() ([]byte, error) { return nil, nil }); err == nil {
				t.Errorf("Update accepted %q", name)
			}
		}
	})
}
