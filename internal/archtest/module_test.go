package archtest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// module is what both checks look at: the import graph from go list, and
// every non-test Go file of the module, parsed.
type module struct {
	path    string              // the main module's path, from go list
	root    string              // folder holding go.mod
	imports map[string][]string // import path → its direct imports, over go list -deps
	fset    *token.FileSet
	files   []*ast.File // every non-test .go file, by path
}

// loadModule runs once per test binary; both checks share its result.
var loadModule = sync.OnceValues(func() (*module, error) {
	gomod, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		return nil, fmt.Errorf("go env GOMOD: %w", err)
	}
	m := &module{root: filepath.Dir(strings.TrimSpace(string(gomod))), imports: map[string][]string{}, fset: token.NewFileSet()}
	if err := m.list(); err != nil {
		return nil, err
	}
	return m, m.parse()
})

// list reads the import graph of the module's packages and all they
// depend on.
func (m *module) list() error {
	cmd := exec.Command("go", "list", "-deps", "-json=ImportPath,Imports,Module", "./...")
	cmd.Dir = m.root
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return fmt.Errorf("go list: %w\n%s", err, stderr.Bytes())
	}
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var p struct {
			ImportPath string
			Imports    []string
			Module     *struct {
				Path string
				Main bool
			}
		}
		if err := dec.Decode(&p); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			return fmt.Errorf("go list: %w", err)
		}
		m.imports[p.ImportPath] = p.Imports
		if p.Module != nil && p.Module.Main {
			m.path = p.Module.Path
		}
	}
	if m.path == "" {
		return errors.New("go list: no package of the main module")
	}
	return nil
}

// parse parses every non-test .go file under the module's root, skipping
// the folders the go tool skips (testdata, names starting with "." or "_",
// and other modules nested inside, such as third_party/fpdf). Walking and reading in this process, rather than only through go
// list, also lets go test's cache see every folder and file the checks
// depend on, so that a changed or added file reruns them.
func (m *module) parse() error {
	return filepath.WalkDir(m.root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() {
			if path != m.root && (name == "testdata" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
				return filepath.SkipDir
			}
			if _, err := os.Stat(filepath.Join(path, "go.mod")); err == nil && path != m.root {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(m.root, path)
		if err != nil {
			return err
		}
		f, err := parser.ParseFile(m.fset, filepath.ToSlash(rel), src, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		m.files = append(m.files, f)
		return nil
	})
}

// mustLoad returns the module or fails the test.
func mustLoad(t *testing.T) *module {
	t.Helper()
	m, err := loadModule()
	if err != nil {
		t.Fatal(err)
	}
	return m
}
