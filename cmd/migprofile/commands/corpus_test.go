package commands_test

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/tools/txtar"
)

// TestBadInput runs the corpus of broken profiles and configs in
// testdata/bad. Each archive holds files laid over a copy of data/mali,
// the command line ("args"), optional environment ("env"), and the exact
// outcome ("want"):
//
//	exit N                  the exit status
//	stdout: TEXT            stdout contains TEXT
//	stderr: TEXT            stderr contains TEXT
//	file PATH: TEXT         the output file contains TEXT
//	xlsx PATH: TEXT         a cell of the workbook holds TEXT, stored as text
//
// An archive file named "link PATH" makes PATH a symbolic link to its text.
// No case may print a panic or a stack trace.
func TestBadInput(t *testing.T) {
	archives, err := filepath.Glob(filepath.Join("testdata", "bad", "*.txtar"))
	if err != nil || len(archives) == 0 {
		t.Fatalf("no cases: %v", err)
	}
	for _, path := range archives {
		name := strings.TrimSuffix(filepath.Base(path), ".txtar")
		t.Run(name, func(t *testing.T) {
			ar, err := txtar.ParseFile(path)
			if err != nil {
				t.Fatal(err)
			}
			dir := project(t)
			var args, environ, want []string
			for _, f := range ar.Files {
				switch f.Name {
				case "args":
					args = strings.Fields(string(f.Data))
				case "env":
					environ = lines(f.Data)
				case "want":
					want = lines(f.Data)
				default:
					writeProjectFile(t, dir, f)
				}
			}
			code, stdout, stderr := run(t, dir, environ, args...)
			if strings.Contains(stdout+stderr, "panic") || strings.Contains(stdout+stderr, "goroutine ") {
				t.Fatalf("panic or stack trace:\n%s%s", stdout, stderr)
			}
			for _, w := range want {
				kind, text, _ := strings.Cut(w, ": ")
				switch {
				case strings.HasPrefix(w, "exit "):
					if n, _ := strconv.Atoi(strings.TrimPrefix(w, "exit ")); code != n {
						t.Errorf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", code, n, stdout, stderr)
					}
				case kind == "stdout":
					if !strings.Contains(stdout, text) {
						t.Errorf("stdout lacks %q:\n%s", text, stdout)
					}
				case kind == "stderr":
					if !strings.Contains(stderr, text) {
						t.Errorf("stderr lacks %q:\n%s", text, stderr)
					}
				case strings.HasPrefix(kind, "file "):
					data, err := os.ReadFile(filepath.Join(dir, strings.TrimPrefix(kind, "file ")))
					if err != nil {
						t.Fatal(err)
					}
					if !bytes.Contains(data, []byte(text)) {
						t.Errorf("%s lacks %q", kind, text)
					}
				case strings.HasPrefix(kind, "xlsx "):
					if !workbookHasText(t, filepath.Join(dir, strings.TrimPrefix(kind, "xlsx ")), text) {
						t.Errorf("%s has no text cell %q", kind, text)
					}
				default:
					t.Fatalf("bad want line %q", w)
				}
			}
		})
	}
}

// writeProjectFile writes a file of a case's archive into the project
// folder dir; a file named "link PATH" makes PATH a symbolic link to the
// file's text.
func writeProjectFile(t *testing.T, dir string, f txtar.File) {
	t.Helper()
	name, link := strings.CutPrefix(f.Name, "link ")
	target := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
		t.Fatal(err)
	}
	if link {
		if err := os.Symlink(strings.TrimSpace(string(f.Data)), target); err != nil {
			t.Skip(err)
		}
		return
	}
	if err := os.WriteFile(target, f.Data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func lines(data []byte) []string {
	var out []string
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		if l := strings.TrimSpace(sc.Text()); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// workbookHasText reports whether some cell holds text exactly, stored as
// a string (not a formula).
func workbookHasText(t *testing.T, path, text string) bool {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet)
		if err != nil {
			continue // chart sheets have no rows
		}
		for r, row := range rows {
			for c, v := range row {
				if v != text {
					continue
				}
				cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
				formula, _ := f.GetCellFormula(sheet, cell)
				if formula != "" {
					t.Errorf("%s!%s holds a formula %q", sheet, cell, formula)
				}
				return true
			}
		}
	}
	return false
}

// TestHugeInput: a 10 MB string is refused with a clear error, quickly,
// instead of being laid out over thousands of pages; a text longer than a
// workbook cell holds is refused at its position, instead of being cut
// there without a word; nesting deeper than
// YAML's limit is refused at its line, on the first line too (where
// yaml.v3 names none).
func TestHugeInput(t *testing.T) {
	tests := []struct {
		name, file, data, want string
	}{
		{"TenMegabyteFile", "data/mali/footnotes.yaml", `"1": "` + strings.Repeat("x", 10<<20) + `"`, "data/mali/footnotes.yaml: file is 10485767 bytes; the limit is 4194304"},
		{"LongText", "data/mali/footnotes.yaml", `"1": "` + strings.Repeat("word ", 8000) + `"`, "data/mali/footnotes.yaml:1:6: 1: text is 40000 bytes long; the limit is 32767 (the most a workbook cell holds)"},
		{"DeepFlowFirstLine", "data/mali/footnotes.yaml", `"1": ` + strings.Repeat("[", 10001), "data/mali/footnotes.yaml:1: malformed YAML: exceeded max depth of 10000"},
		{"DeepFlow", "data/mali/footnotes.yaml", "\"1\": One.\n\"2\": " + strings.Repeat("{a: ", 10001), "data/mali/footnotes.yaml:2: malformed YAML: exceeded max depth of 10000"},
		{"DeepBlock", "data/mali/footnotes.yaml", strings.Repeat("- ", 10001), "data/mali/footnotes.yaml:1: malformed YAML: exceeded max depth of 10000"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := project(t)
			if err := os.WriteFile(filepath.Join(dir, tt.file), []byte(tt.data), 0o644); err != nil {
				t.Fatal(err)
			}
			code, stdout, _ := run(t, dir, nil, "validate")
			if code != 1 || !strings.Contains(stdout, tt.want) {
				t.Errorf("exit %d, stdout:\n%.2000s\nwant exit 1 and %q", code, stdout, tt.want)
			}
		})
	}
}
