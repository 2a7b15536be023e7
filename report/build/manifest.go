package build

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io/fs"
	"sort"

	"github.com/migprofile/migprofile/report/publish"
)

// ManifestName is the manifest's file name in a profile's output folder.
const ManifestName = "manifest.json"

// Manifest records what a build wrote and from what, so that a later run
// can tell whether the outputs are stale or were edited by hand.
type Manifest struct {
	Tool    string `json:"tool"`
	Version string `json:"version"`
	Profile string `json:"profile"`
	// Inputs is the SHA-256 of the profile's data files and the options
	// that shape the outputs.
	Inputs string         `json:"inputs"`
	Files  []ManifestFile `json:"files"`
}

// ManifestFile is one output file.
type ManifestFile struct {
	Name   string `json:"name"`
	Size   int    `json:"size"`
	SHA256 string `json:"sha256"`
}

// NewManifest describes files (without the manifest itself).
func NewManifest(profile, version, inputs string, files []publish.File) Manifest {
	m := Manifest{Tool: "migprofile", Version: version, Profile: profile, Inputs: inputs}
	for _, f := range files {
		m.Files = append(m.Files, ManifestFile{Name: f.Name, Size: len(f.Data), SHA256: Hash(f.Data)})
	}
	sort.Slice(m.Files, func(i, j int) bool { return m.Files[i].Name < m.Files[j].Name })
	return m
}

// File returns the manifest as a file to publish with the outputs.
func (m Manifest) File() publish.File {
	data, _ := json.MarshalIndent(m, "", "  ") // plain strings and ints: cannot fail
	return publish.File{Name: ManifestName, Data: append(data, '\n')}
}

// Hash returns the hex SHA-256 of data.
func Hash(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// InputDigest hashes every file under root of fsys (path and content, in
// path order) together with the options that change the outputs.
func InputDigest(fsys fs.FS, root string, opt Options, layouts fs.FS) (string, error) {
	h := sha256.New()
	fmt.Fprintf(h, "formats=%v page=%s date=%s\n", opt.Formats, opt.PageSize, opt.Date.UTC().Format("2006-01-02T15:04:05Z"))
	if opt.PDFStandard != "" && opt.PDFStandard != "ua-1" {
		// Only a standard other than the default adds a line, so that
		// the digests of earlier builds hold.
		fmt.Fprintf(h, "pdf_standard=%s\n", opt.PDFStandard)
	}
	if err := hashTree(h, fsys, root); err != nil {
		return "", err
	}
	if layouts != nil {
		if err := hashTree(h, layouts, "."); err != nil {
			return "", err
		}
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

func hashTree(h interface{ Write([]byte) (int, error) }, fsys fs.FS, root string) error {
	return fs.WalkDir(fsys, root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(fsys, path)
		if err != nil {
			return err
		}
		fmt.Fprintf(h, "%s\x00%d\x00", path, len(data))
		h.Write(data)
		return nil
	})
}

// ParseManifest reads a manifest written by Manifest.File.
func ParseManifest(data []byte) (Manifest, error) {
	var m Manifest
	if err := json.Unmarshal(data, &m); err != nil {
		return Manifest{}, fmt.Errorf("manifest: %w", err)
	}
	return m, nil
}
