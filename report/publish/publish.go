// Package publish writes a build's outputs into a folder atomically: each
// file is written to a temporary file in the same folder, synced, closed
// and renamed into place, so that a reader never sees a half-written file
// and a failed build leaves the previous outputs as they were.
package publish

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// File is one output: a path relative to the output folder and its bytes.
type File struct {
	Name string
	Data []byte
}

// tempPrefix marks the temporary files of an unfinished publish; Files
// removes any it finds left over from an interrupted run.
const tempPrefix = ".migprofile-tmp-"

// Files writes files under dir. All files are first written to temporary
// files; only when every one of them is complete are they renamed into
// place. On any error the temporary files are removed and the files
// already in dir are left untouched. Two builds publishing into the same
// folder at once take turns (a lock on dir), so that neither removes the
// other's temporary files and the folder ends with one whole set.
func Files(dir string, files []File) (err error) {
	for _, f := range files {
		if !filepath.IsLocal(f.Name) {
			return fmt.Errorf("publish: %q is not a path inside the output folder", f.Name)
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	unlock, err := lock(dir)
	if err != nil {
		return fmt.Errorf("publish: lock %s: %w", dir, err)
	}
	defer unlock()
	var temps []string
	defer func() {
		if err != nil {
			for _, t := range temps {
				os.Remove(t)
			}
		}
	}()
	targets := make([]string, len(files))
	cleaned := map[string]bool{}
	for i, f := range files {
		target := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return fmt.Errorf("publish: %w", err)
		}
		if !cleaned[filepath.Dir(target)] {
			removeStale(filepath.Dir(target))
			cleaned[filepath.Dir(target)] = true
		}
		tmp, err := writeTemp(filepath.Dir(target), f.Data)
		if tmp != "" {
			temps = append(temps, tmp)
		}
		if err != nil {
			return fmt.Errorf("publish: %s: %w", f.Name, err)
		}
		targets[i] = target
	}
	for i, tmp := range temps {
		if err := os.Rename(tmp, targets[i]); err != nil {
			return fmt.Errorf("publish: %s: %w", files[i].Name, err)
		}
	}
	temps = nil
	return syncDir(dir)
}

func writeTemp(dir string, data []byte) (name string, err error) {
	f, err := os.CreateTemp(dir, tempPrefix+"*")
	if err != nil {
		return "", err
	}
	name = f.Name()
	if _, err := f.Write(data); err != nil {
		f.Close()
		return name, err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return name, err
	}
	if err := f.Close(); err != nil {
		return name, err
	}
	return name, os.Chmod(name, 0o644)
}

// removeStale deletes temporary files left by a run that was killed
// before it could clean up (kill -9, power loss).
func removeStale(dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), tempPrefix) {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}

// syncDir makes the renames durable. Not every file system supports
// syncing a directory; that is not an error worth failing a build for.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	defer d.Close()
	_ = d.Sync()
	return nil
}
