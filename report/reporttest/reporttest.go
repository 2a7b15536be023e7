// Package reporttest holds test helpers shared by the packages that load
// or render profiles: the reference profile as loaded from data/, the
// numbers of its statistical tables as published, and golden files.
//
// The profile's name and its published numbers are data, in
// testdata/published.yaml; no country lives in this Go code.
package reporttest

import (
	"bytes"
	_ "embed"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/migprofile/migprofile/report"
	"github.com/migprofile/migprofile/report/load"
)

//go:embed testdata/published.yaml
var publishedYAML []byte

// publishedFile is testdata/published.yaml: the reference profile's name
// and its tables as printed.
type publishedFile struct {
	Profile string `yaml:"profile"`
	Tables  []struct {
		ID   string     `yaml:"id"`
		Rows [][]string `yaml:"rows"`
	} `yaml:"tables"`
}

// published is testdata/published.yaml, decoded once. A mistake in the
// file panics, as regexp.MustCompile does: the file is part of this
// package, and every test that uses it would fail anyway.
var published = func() publishedFile {
	f, err := decodePublished(publishedYAML)
	if err != nil {
		panic("reporttest: testdata/published.yaml: " + err.Error())
	}
	return f
}()

// decodePublished decodes a published-numbers file, rejecting unknown
// keys, a missing profile name and a table id given twice.
func decodePublished(b []byte) (publishedFile, error) {
	var f publishedFile
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil {
		return f, err
	}
	if f.Profile == "" {
		return f, fmt.Errorf("no profile")
	}
	seen := map[string]bool{}
	for _, t := range f.Tables {
		if seen[t.ID] {
			return f, fmt.Errorf("table %q listed twice", t.ID)
		}
		seen[t.ID] = true
	}
	return f, nil
}

// Published holds every statistical cell of the reference profile's
// tables exactly as printed, keyed by table id, row by row, with the row
// label first (from testdata/published.yaml).
var Published = func() map[string][][]string {
	m := make(map[string][][]string, len(published.Tables))
	for _, t := range published.Tables {
		m[t.ID] = t.Rows
	}
	return m
}()

// DataDir returns the repository's data folder, wherever the test runs.
func DataDir() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "data")
}

// Mali loads the reference profile (the one testdata/published.yaml
// names) from DataDir and fails the test on any data error.
func Mali(tb testing.TB) *report.Profile {
	tb.Helper()
	p, diags, err := load.Load(os.DirFS(DataDir()), published.Profile)
	if err != nil {
		tb.Fatal(err)
	}
	if err := diags.Err(); err != nil {
		tb.Fatalf("data/%s has errors:\n%v", published.Profile, err)
	}
	return p
}

// PublishedNumbers returns every non-blank published cell of the
// reference profile's tables, in order of publication, for checks that
// each appears in an output.
func PublishedNumbers() []string {
	var out []string
	for _, t := range published.Tables {
		for _, row := range t.Rows {
			for _, cell := range row[1:] {
				if cell != "" {
					out = append(out, cell)
				}
			}
		}
	}
	return out
}

// Printed returns a published cell as the tool prints it: the same
// digits, with a true minus sign (report.Minus) where the publication
// typed a hyphen-minus before a number.
func Printed(cell string) string {
	if len(cell) > 1 && cell[0] == '-' && cell[1] >= '0' && cell[1] <= '9' {
		return report.Minus + cell[1:]
	}
	return cell
}

// PrintedNumbers is PublishedNumbers as the tool prints them (Printed).
func PrintedNumbers() []string {
	ns := PublishedNumbers()
	for i, n := range ns {
		ns[i] = Printed(n)
	}
	return ns
}
