package pdfcheck_test

import (
	"bytes"
	"slices"
	"testing"

	"github.com/migprofile/migprofile/charts"
	"github.com/migprofile/migprofile/internal/pdfcheck"
	"github.com/migprofile/migprofile/report/pdf"
	"github.com/migprofile/migprofile/report/reporttest"
)

// checkMali renders the Mali profile as the build does (A4, with its
// charts) and checks it.
func checkMali(tb testing.TB) pdfcheck.Report {
	tb.Helper()
	p := reporttest.Mali(tb)
	var buf bytes.Buffer
	if err := pdf.Render(&buf, p, pdf.Options{Figures: charts.PDF{Labels: p.Labels}}); err != nil {
		tb.Fatal(err)
	}
	r, err := pdfcheck.Check(buf.Bytes())
	if err != nil {
		tb.Fatal(err)
	}
	return r
}

// TestMaliUntagged documents the PDF as it is before tagging (issue 12):
// every text operator outside marked content, no structure tree, links
// outside it. When report/pdf tags its output, replace this test by one
// that wants r.Violations empty, r.TextOutside 0 and the structure the
// issue asks for (r.Roles: H1 3, Table 7 each with TH, Figure 4 with
// /Alt, a Link for every link annotation).
func TestMaliUntagged(t *testing.T) {
	r := checkMali(t)
	if r.TextOps == 0 || r.TextOutside != r.TextOps {
		t.Errorf("text operators %d, outside marked content %d: want all outside", r.TextOps, r.TextOutside)
	}
	if r.MCIDs != 0 || len(r.Roles) != 0 {
		t.Errorf("MCIDs %d, roles %v: want none", r.MCIDs, r.Roles)
	}
	want := []pdfcheck.Rule{
		pdfcheck.AnnotContents, pdfcheck.AnnotNotInLink, pdfcheck.AnnotStructParent,
		pdfcheck.DisplayDocTitle, pdfcheck.Marked, pdfcheck.StructTreeRoot,
		pdfcheck.PageTabs, pdfcheck.TextOutside, pdfcheck.XMPMetadata,
	}
	slices.Sort(want)
	if got := r.Rules(); !slices.Equal(got, want) {
		t.Errorf("violated rules:\n got %v\nwant %v\n%s", got, want, r)
	}
	if n := r.Count(pdfcheck.TextOutside); n != r.Pages {
		t.Errorf("%d pages with text outside marked content, want all %d", n, r.Pages)
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
