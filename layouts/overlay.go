package layouts

import (
	"errors"
	"io/fs"
	"sort"
)

// Overlay returns the folder dir of base overlaid by the folder dir of
// over, as Hugo overlays a project's layouts on a theme's: a file is read
// from over when it exists there, else from base; listing a folder lists
// both. A nil over returns base's folder alone.
func Overlay(base, over fs.FS, dir string) (fs.FS, error) {
	b, err := fs.Sub(base, dir)
	if err != nil {
		return nil, err
	}
	if over == nil {
		return b, nil
	}
	o, err := fs.Sub(over, dir)
	if err != nil {
		return nil, err
	}
	return overlayFS{over: o, base: b}, nil
}

type overlayFS struct {
	over, base fs.FS
}

func (m overlayFS) Open(name string) (fs.File, error) {
	f, err := m.over.Open(name)
	if err == nil {
		return f, nil
	}
	if !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	return m.base.Open(name)
}

func (m overlayFS) ReadDir(name string) ([]fs.DirEntry, error) {
	base, err := fs.ReadDir(m.base, name)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	over, err := fs.ReadDir(m.over, name)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	seen := make(map[string]bool, len(base)+len(over))
	var out []fs.DirEntry
	for _, list := range [][]fs.DirEntry{over, base} {
		for _, e := range list {
			if !seen[e.Name()] {
				seen[e.Name()] = true
				out = append(out, e)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name() < out[j].Name() })
	return out, nil
}
