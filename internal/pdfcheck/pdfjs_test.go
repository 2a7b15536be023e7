package pdfcheck

import (
	"errors"
	"slices"
	"testing"
)

// TestPDFJS reads the good test file with Mozilla pdf.js and wants the
// tree Check sees: one page with a tree, H1 and H2, a table with a TH, a
// figure (a custom role mapped by /RoleMap) with its alt text, a link
// with its annotation.
func TestPDFJS(t *testing.T) {
	got, err := RunPDFJS("../..", goodPDF().bytes())
	if errors.Is(err, ErrNoPDFJS) {
		t.Skip(err)
	}
	if err != nil {
		t.Fatal(err)
	}
	if got.Pages != 1 || got.PagesWithTree != 1 {
		t.Errorf("pages %d, with a tree %d; want 1 and 1", got.Pages, got.PagesWithTree)
	}
	if !slices.Equal(got.Headings, []int{1, 1, 0, 0, 0, 0}) {
		t.Errorf("headings H1..H6 %v, want [1 1 0 0 0 0]", got.Headings)
	}
	counts := []int{got.Tables, got.TH, got.Figures, got.FiguresWithAlt, got.Links, got.LinkAnnotations, got.ContentRefs, got.ObjectRefs}
	if want := []int{1, 1, 1, 1, 1, 1, 6, 1}; !slices.Equal(counts, want) {
		t.Errorf("tables, TH, figures, with alt, links, link annotations, content refs, object refs = %v, want %v\nroles %v", counts, want, got.Roles)
	}
}

// TestPDFJSFigureWithoutAlt shows that the pdf.js check tells a figure
// without alt text from one with it.
func TestPDFJSFigureWithoutAlt(t *testing.T) {
	got, err := RunPDFJS("../..", goodPDF().edit(t, objFigure, "/Alt (A red square)", "").bytes())
	if errors.Is(err, ErrNoPDFJS) {
		t.Skip(err)
	}
	if err != nil {
		t.Fatal(err)
	}
	if got.FiguresWithAlt != 0 || got.FiguresWithoutAlt != 1 {
		t.Errorf("figures with alt %d, without %d; want 0 and 1", got.FiguresWithAlt, got.FiguresWithoutAlt)
	}
}
