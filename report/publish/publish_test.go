package publish_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/migprofile/migprofile/report/publish"
)

func TestFiles(t *testing.T) {
	dir := t.TempDir()
	// A temporary file left by a killed run is cleaned up.
	os.WriteFile(filepath.Join(dir, ".migprofile-tmp-123"), []byte("stale"), 0o600)
	files := []publish.File{{Name: "a.md", Data: []byte("A")}, {Name: "figures/f.svg", Data: []byte("<svg/>")}}
	if err := publish.Files(context.Background(), dir, files); err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		got, err := os.ReadFile(filepath.Join(dir, f.Name))
		if err != nil || string(got) != string(f.Data) {
			t.Errorf("%s: got %q, %v", f.Name, got, err)
		}
		info, _ := os.Stat(filepath.Join(dir, f.Name))
		if info.Mode().Perm() != 0o644 {
			t.Errorf("%s: mode %v, want 0644", f.Name, info.Mode().Perm())
		}
	}
	assertNoTemp(t, dir)
}

func TestFilesRejectsPathsOutside(t *testing.T) {
	for _, name := range []string{"../x", "/etc/passwd", "", "a/../../b"} {
		err := publish.Files(context.Background(), t.TempDir(), []publish.File{{Name: name}})
		if err == nil || !strings.Contains(err.Error(), "not a path inside the output folder") {
			t.Errorf("%q: got %v", name, err)
		}
	}
}

// TestFilesFailureKeepsPrevious: when one file cannot be written, no file
// is replaced and no temporary file stays.
func TestFilesFailureKeepsPrevious(t *testing.T) {
	dir := t.TempDir()
	if err := publish.Files(context.Background(), dir, []publish.File{{Name: "a.md", Data: []byte("old")}}); err != nil {
		t.Fatal(err)
	}
	// A name the file system refuses: the new set cannot be written.
	err := publish.Files(context.Background(), dir, []publish.File{{Name: "a.md", Data: []byte("new")}, {Name: "figures/f\x00.svg", Data: []byte("x")}})
	if err == nil {
		t.Fatal("no error")
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "a.md")); string(got) != "old" {
		t.Errorf("a.md = %q, want the previous content", got)
	}
	assertNoTemp(t, filepath.Dir(dir))
}

// TestFilesReplacesTheSet: the published folder holds the new set, and
// only it: a file of the old set the new one does not have is gone (a
// figure removed from the data), and no temporary folder stays beside it.
func TestFilesReplacesTheSet(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "mali")
	if err := publish.Files(context.Background(), dir, []publish.File{{Name: "a.md", Data: []byte("old")}, {Name: "figures/figure-2.svg", Data: []byte("<svg/>")}}); err != nil {
		t.Fatal(err)
	}
	if err := publish.Files(context.Background(), dir, []publish.File{{Name: "a.md", Data: []byte("new")}}); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "a.md")); string(got) != "new" {
		t.Errorf("a.md = %q", got)
	}
	if _, err := os.Stat(filepath.Join(dir, "figures", "figure-2.svg")); err == nil {
		t.Error("a file of the old set survived the new one")
	}
	assertNoTemp(t, filepath.Dir(dir))
}

func assertNoTemp(t *testing.T, dir string) {
	t.Helper()
	filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if strings.Contains(d.Name(), ".migprofile-tmp-") {
			t.Errorf("temporary file left: %s", path)
		}
		return nil
	})
}

// TestConcurrentPublish: builds publishing into one folder at the same
// time take turns; every publish succeeds and the folder holds one whole
// set, with no temporary file left.
func TestConcurrentPublish(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	var wg sync.WaitGroup
	errs := make(chan error, 80)
	for w := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 20 {
				data := []byte(fmt.Sprintf("writer %d, round %d", w, i))
				errs <- publish.Files(context.Background(), dir, []publish.File{{Name: "a.txt", Data: data}, {Name: "sub/b.txt", Data: data}})
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	a, _ := os.ReadFile(filepath.Join(dir, "a.txt"))
	b, _ := os.ReadFile(filepath.Join(dir, "sub", "b.txt"))
	if string(a) != string(b) {
		t.Errorf("the folder mixes two sets: %q and %q", a, b)
	}
	for _, sub := range []string{dir, filepath.Join(dir, "sub")} {
		entries, _ := os.ReadDir(sub)
		for _, e := range entries {
			if strings.HasPrefix(e.Name(), ".migprofile-tmp-") {
				t.Errorf("temporary file %s left", e.Name())
			}
		}
	}
}
