package pdfcheck

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
)

// ErrNoPDFJS says that Node or the pdf.js install (npm ci --prefix
// scripts/pdfjs) is missing, so that a test can skip.
var ErrNoPDFJS = errors.New("pdfcheck: node or scripts/pdfjs/node_modules missing")

// PDFJS is what Mozilla pdf.js reads of a PDF's structure tree, page by
// page, through page.getStructTree() — what Firefox exposes to screen
// readers. pdf.js gives each page the part of the tree with content on
// that page, ancestors included, so an element with content on two pages
// (a table split across them, the Document element) counts once per page,
// and an empty table cell (no /K) shows on every page of its table. Leaf
// counts (headings, figures, links) are the ones to compare with Check's.
type PDFJS struct {
	Pages             int            `json:"pages"`
	PagesWithTree     int            `json:"pagesWithTree"`
	Roles             map[string]int `json:"roles"`
	Headings          []int          `json:"headings"` // H1..H6
	Tables            int            `json:"tables"`
	TH                int            `json:"th"`
	Figures           int            `json:"figures"`
	FiguresWithAlt    int            `json:"figuresWithAlt"`
	FiguresWithoutAlt int            `json:"figuresWithoutAlt"`
	Links             int            `json:"links"`
	LinkAnnotations   int            `json:"linkAnnotations"`
	ContentRefs       int            `json:"contentRefs"` // marked-content kids
	ObjectRefs        int            `json:"objectRefs"`  // OBJR kids (link annotations)
	PerPage           []struct {
		Page  int  `json:"page"`
		Tree  bool `json:"tree"`
		Links int  `json:"links"`
	} `json:"perPage"`
}

// RunPDFJS runs scripts/pdfjs/structtree.mjs, from the repository at
// root, on pdf. It returns ErrNoPDFJS when Node or the npm install is
// missing.
func RunPDFJS(root string, pdf []byte) (PDFJS, error) {
	script := filepath.Join(root, "scripts", "pdfjs", "structtree.mjs")
	node, err := exec.LookPath("node")
	if err != nil {
		return PDFJS{}, ErrNoPDFJS
	}
	if _, err := os.Stat(filepath.Join(root, "scripts", "pdfjs", "node_modules", "pdfjs-dist")); err != nil {
		return PDFJS{}, ErrNoPDFJS
	}
	dir, err := os.MkdirTemp("", "pdfjs")
	if err != nil {
		return PDFJS{}, fmt.Errorf("pdfcheck: %w", err)
	}
	defer os.RemoveAll(dir)
	file := filepath.Join(dir, "in.pdf")
	if err := os.WriteFile(file, pdf, 0o600); err != nil {
		return PDFJS{}, fmt.Errorf("pdfcheck: %w", err)
	}
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(node, script, file)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return PDFJS{}, fmt.Errorf("pdfcheck: pdf.js: %w: %s", err, stderr.Bytes())
	}
	var out map[string]PDFJS
	if err := json.Unmarshal(stdout.Bytes(), &out); err != nil {
		return PDFJS{}, fmt.Errorf("pdfcheck: pdf.js output: %w", err)
	}
	return out[file], nil
}
