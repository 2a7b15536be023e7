package build

import (
	"bytes"
	"errors"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/migprofile/migprofile/report/html"
)

// CatalogueName is the catalogue's file name in the output folder.
const CatalogueName = "index.html"

// Catalogue renders the catalogue of the output folder out: every
// profile folder holding a manifest, in name order, with the files of its
// formats (size and SHA-256 from the manifest, so that nothing is read but
// the manifests). A folder whose manifest is missing or unreadable is left
// out: it is not a finished build. layouts overrides the embedded HTML
// templates.
func Catalogue(out fs.FS, layouts fs.FS) ([]byte, error) {
	dirs, err := fs.ReadDir(out, ".")
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	sort.Slice(dirs, func(i, j int) bool { return dirs[i].Name() < dirs[j].Name() })
	var entries []html.Entry
	for _, d := range dirs {
		if !d.IsDir() || strings.HasPrefix(d.Name(), ".") {
			continue
		}
		data, err := fs.ReadFile(out, path.Join(d.Name(), ManifestName))
		if err != nil {
			continue
		}
		m, err := ParseManifest(data)
		if err != nil || m.Profile != d.Name() {
			continue
		}
		entries = append(entries, entryOf(m))
	}
	var buf bytes.Buffer
	if err := html.Catalogue(&buf, entries, layouts); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// entryOf is a manifest as the catalogue lists it: the main file of each
// format, in the order of Formats.
func entryOf(m Manifest) html.Entry {
	e := html.Entry{
		Name: m.Profile, Title: m.About.Title, Country: m.About.Country,
		Date: m.About.Date, Authors: m.About.Authors, Language: m.About.Language,
	}
	for _, format := range Formats {
		name := m.Profile + "." + format
		for _, f := range m.Files {
			if f.Name == name {
				e.Files = append(e.Files, html.EntryFile{Format: format, Href: m.Profile + "/" + name, Size: f.Size, SHA256: f.SHA256})
			}
		}
	}
	return e
}
