package pdfcheck_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/migprofile/migprofile/charts"
	"github.com/migprofile/migprofile/internal/pdfcheck"
	"github.com/migprofile/migprofile/report"
	"github.com/migprofile/migprofile/report/load"
	"github.com/migprofile/migprofile/report/pdf"
	"github.com/migprofile/migprofile/report/reporttest"
)

// TestMaliPDFJS reads Mali's PDF with Mozilla pdf.js, as Firefox exposes
// it to screen readers: a structure tree on every page, 3 H1, 4 figures
// all with alt text, every link annotation referenced from the tree.
// pdf.js counts per page, so a table split over two pages counts twice.
func TestMaliPDFJS(t *testing.T) {
	p := reporttest.Mali(t)
	var buf bytes.Buffer
	if err := pdf.Render(&buf, p, pdf.Options{Figures: charts.PDF{Labels: p.Labels}}); err != nil {
		t.Fatal(err)
	}
	got, err := pdfcheck.RunPDFJS("../..", buf.Bytes())
	if errors.Is(err, pdfcheck.ErrNoPDFJS) {
		t.Skip(err)
	}
	if err != nil {
		t.Fatal(err)
	}
	if got.Pages == 0 || got.PagesWithTree != got.Pages {
		t.Errorf("%d pages, %d with a structure tree", got.Pages, got.PagesWithTree)
	}
	if got.Headings[0] != 3 || got.FiguresWithAlt != 4 || got.FiguresWithoutAlt != 0 {
		t.Errorf("H1..H6 %v, figures with alt %d, without %d; want 3 H1 and 4 figures with alt", got.Headings, got.FiguresWithAlt, got.FiguresWithoutAlt)
	}
	if got.Tables < 7 || got.TH == 0 || got.LinkAnnotations == 0 || got.ObjectRefs != got.LinkAnnotations {
		t.Errorf("tables %d, TH %d, link annotations %d referenced %d", got.Tables, got.TH, got.LinkAnnotations, got.ObjectRefs)
	}
}

// render renders profile p as the build does, with its charts, and
// checks the file.
func render(tb testing.TB, p *report.Profile, opt pdf.Options) pdfcheck.Report {
	tb.Helper()
	opt.Figures = charts.PDF{Labels: p.Labels}
	var buf bytes.Buffer
	if err := pdf.Render(&buf, p, opt); err != nil {
		tb.Fatal(err)
	}
	r, err := pdfcheck.Check(buf.Bytes())
	if err != nil {
		tb.Fatal(err)
	}
	return r
}

// TestMaliTagged: Mali's PDF, on both page sizes and as PDF/A-2, meets
// every machine-checkable PDF/UA-1 condition, with the structure issue 12
// asks for, and the PDF/A variants meet PDF/A-2's.
func TestMaliTagged(t *testing.T) {
	for _, tc := range []struct {
		name string
		opt  pdf.Options
	}{
		{"A4", pdf.Options{}},
		{"Letter", pdf.Options{PageSize: "Letter"}},
		{"a-2u", pdf.Options{Standard: "a-2u"}},
		{"a-2a", pdf.Options{Standard: "a-2a"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := render(t, reporttest.Mali(t), tc.opt)
			if len(r.Violations)+len(r.Warnings) > 0 || r.TextOutside != 0 || r.TextOps == 0 {
				t.Errorf("want a clean file:\n%s", r)
			}
			got := []int{r.Roles["H1"], r.Roles["Table"], r.Roles["Figure"]}
			if want := []int{3, 7, 4}; !slices.Equal(got, want) {
				t.Errorf("H1, Table, Figure = %v, want %v", got, want)
			}
			if r.Roles["Link"] == 0 || r.Roles["TOC"] != 1 || r.Roles["Note"] == 0 {
				t.Errorf("roles %v", r.Roles)
			}
			if tc.opt.Standard != "" && len(r.PDFA) > 0 {
				t.Errorf("PDF/A-2 findings:\n%s", r)
			}
		})
	}
}

// TestTestProfilesTagged: the fictional profiles (right-to-left and
// other scripts, long tables, French) are as clean as Mali.
func TestTestProfilesTagged(t *testing.T) {
	dir := filepath.Join("..", "..", "report", "build", "testdata")
	for _, name := range []string{"polyglot", "longtables", "exemple", "sylvanie"} {
		t.Run(name, func(t *testing.T) {
			p, diags, err := load.Load(os.DirFS(dir), name)
			if err != nil || diags.Err() != nil {
				t.Fatalf("%v %v", err, diags.Err())
			}
			r := render(t, p, pdf.Options{})
			if len(r.Violations)+len(r.Warnings) > 0 || r.TextOutside != 0 || r.TextOps == 0 {
				t.Errorf("want a clean file:\n%s", r)
			}
		})
	}
}

func BenchmarkCheckMali(b *testing.B) {
	p := reporttest.Mali(b)
	var buf bytes.Buffer
	if err := pdf.Render(&buf, p, pdf.Options{Figures: charts.PDF{Labels: p.Labels}}); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := pdfcheck.Check(buf.Bytes()); err != nil {
			b.Fatal(err)
		}
	}
}
