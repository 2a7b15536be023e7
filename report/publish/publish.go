// Package publish writes a build's outputs into a folder atomically, as a
// set: the new files are written into a temporary folder beside it,
// synced, and swapped with it in one step, so that a reader sees either
// every old file or every new one, never a mix, and a failed build leaves
// the previous outputs as they were.
package publish

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// File is one output: a path relative to the output folder and its bytes.
type File struct {
	Name string
	Data []byte
}

// tempPrefix marks the temporary files and folders of an unfinished
// publish; Files removes any it finds left over from a killed run.
const tempPrefix = ".migprofile-tmp-"

// Files publishes files as the content of dir, replacing what dir held.
// The set is written into a temporary folder beside dir and exchanged
// with it in one step (renameat2 RENAME_EXCHANGE on Linux); where the
// system cannot exchange folders, each file is renamed into place after
// all of them are written (see perFile), so that a failure leaves the
// previous files. Builds publishing beside each other take turns (a lock
// on the parent folder): neither removes the other's temporary files.
//
// Files returns ctx's error, and leaves dir as it was, when ctx is done
// before the set is swapped in: while it waits for the lock, between the
// files it writes, and just before the swap. Once the swap is done, the
// new set is published and Files reports success whatever ctx says.
func Files(ctx context.Context, dir string, files []File) (err error) {
	for _, f := range files {
		if !filepath.IsLocal(f.Name) {
			return fmt.Errorf("publish: %q is not a path inside the output folder", f.Name)
		}
	}
	parent := filepath.Dir(dir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	unlock, err := lock(ctx, parent)
	if err != nil {
		return fmt.Errorf("publish: lock %s: %w", parent, err)
	}
	defer unlock()
	removeStale(parent)
	if info, err := os.Stat(dir); err == nil && !info.IsDir() {
		return fmt.Errorf("publish: %s: not a directory", dir)
	}
	tmp, err := os.MkdirTemp(parent, tempPrefix+filepath.Base(dir)+"-")
	if err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	defer os.RemoveAll(tmp) // the new set on failure, the old one after a swap
	if err := writeSet(ctx, tmp, files); err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	switch err := swap(tmp, dir); {
	case errors.Is(err, errNoExchange):
		return perFile(ctx, dir, files)
	case err != nil:
		return fmt.Errorf("publish: %s: %w", dir, err)
	}
	return syncDir(parent)
}

// writeSet writes files under the fresh folder root, each synced, then
// syncs the folders.
func writeSet(ctx context.Context, root string, files []File) error {
	if err := os.Chmod(root, 0o755); err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	dirs := map[string]bool{root: true}
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			return err
		}
		target := filepath.Join(root, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return fmt.Errorf("publish: %w", err)
		}
		dirs[filepath.Dir(target)] = true
		if err := writeFile(target, f.Data); err != nil {
			return fmt.Errorf("publish: %s: %w", f.Name, err)
		}
	}
	for d := range dirs {
		if err := syncDir(d); err != nil {
			return err
		}
	}
	return nil
}

// swap puts the folder tmp in the place of dir: a rename when dir does not
// exist yet, else an exchange, after which tmp holds the old set.
func swap(tmp, dir string) error {
	if _, err := os.Lstat(dir); errors.Is(err, fs.ErrNotExist) {
		return os.Rename(tmp, dir)
	}
	return exchange(tmp, dir)
}

// perFile publishes files into dir one rename each, after all are written
// to temporary files in their folders: the fallback where folders cannot
// be exchanged. A reader may then see old and new files side by side for
// the instant of the renames; a failure or an interrupt before them leaves
// the old set, and once they start they all run.
func perFile(ctx context.Context, dir string, files []File) (err error) {
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
		if err := ctx.Err(); err != nil {
			return err
		}
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
	if err := ctx.Err(); err != nil {
		return err
	}
	for i, tmp := range temps {
		if err := os.Rename(tmp, targets[i]); err != nil {
			if i > 0 {
				// The message must not let "not built" claim the old set.
				return fmt.Errorf("publish: %s: %w; %d file(s) before it were replaced, so %s mixes old and new files: build again", files[i].Name, err, i, dir)
			}
			return fmt.Errorf("publish: %s: %w", files[i].Name, err)
		}
	}
	temps = nil
	return syncDir(dir)
}

// writeFile writes data to the new file name, synced, mode 0644.
func writeFile(name string, data []byte) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Chmod(name, 0o644)
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

// removeStale deletes temporary files and folders left by a run that was
// killed before it could clean up (kill -9, power loss).
func removeStale(dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), tempPrefix) {
			os.RemoveAll(filepath.Join(dir, e.Name()))
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
