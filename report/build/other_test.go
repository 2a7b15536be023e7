package build_test

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/migprofile/migprofile/report/build"
	"github.com/migprofile/migprofile/report/load"
)

// TestOtherCountry builds testdata/exemple, a fictional profile in French
// shaped unlike Mali: a country is data, and every word printed around the
// data comes from the profile's labels.
func TestOtherCountry(t *testing.T) {
	p, diags, err := load.Load(os.DirFS("testdata"), "exemple")
	if err != nil {
		t.Fatal(err)
	}
	if len(diags) > 0 {
		t.Fatalf("diagnostics: %v", diags)
	}
	files, _, err := build.Render(context.Background(), p, build.Options{Formats: build.Formats, PageSize: "A4", Date: date})
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string][]byte{}
	for _, f := range files {
		byName[f.Name] = f.Data
	}

	md := string(byName["exemple.md"])
	for _, want := range []string{"**Tableau 1\u202f:** Flux migratoires par région", "**Graphique 1\u202f:**", "### Émigration", "| 12 500 |", "| −4 300 |"} {
		if !strings.Contains(md, want) {
			t.Errorf("exemple.md lacks %q", want)
		}
	}
	for _, english := range []string{"Table ", "Figure ", "Outward", "Inward", "largest"} {
		if strings.Contains(md, english) {
			t.Errorf("exemple.md holds the English %q", english)
		}
	}

	if _, err := exec.LookPath("pdftotext"); err == nil {
		cmd := exec.Command("pdftotext", "-", "-")
		cmd.Stdin = bytes.NewReader(byName["exemple.pdf"])
		text, err := cmd.Output()
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{"Tableau 1 : Flux migratoires", "Graphique 1 : Flux par région", "Sommaire", "Rapport rédigé par", "Page 2 sur 3", "12 500", "−4 300"} {
			if !bytes.Contains(text, []byte(want)) {
				t.Errorf("exemple.pdf lacks %q", want)
			}
		}
	}

	wb, err := excelize.OpenReader(bytes.NewReader(byName["exemple.xlsx"]))
	if err != nil {
		t.Fatal(err)
	}
	defer wb.Close()
	if got := wb.GetSheetList()[0]; got != "Couverture" {
		t.Errorf("first sheet %q, want Couverture", got)
	}
	if v, _ := wb.GetCellValue("Couverture", "A1"); !strings.Contains(v, "Utopie") {
		t.Errorf("cover A1 = %q", v)
	}
}

// TestPolyglot builds testdata/polyglot, a profile with Arabic, Hebrew,
// Greek, Cyrillic, Turkish, Polish, Romanian and Vietnamese text in every
// place text can go: the fonts draw all of it (no warning), and the PDF's
// text extracts word by word in logical order, Arabic joined forms back
// to their letters.
func TestPolyglot(t *testing.T) {
	p, diags, err := load.Load(os.DirFS("testdata"), "polyglot")
	if err != nil {
		t.Fatal(err)
	}
	if len(diags) > 0 {
		t.Fatalf("diagnostics: %v", diags)
	}
	files, warnings, err := build.Render(context.Background(), p, build.Options{Formats: []string{"pdf"}, PageSize: "A4", Date: date})
	if err != nil {
		t.Fatal(err)
	}
	if len(warnings) > 0 {
		t.Errorf("the PDF warns: %v", warnings)
	}
	text := pdfText(t, files[0].Data)
	for _, want := range []string{
		"الإطار", "القانوني", "للهجرة", "الأجانب", "المهاجرون", // Arabic, lam-alef included
		"חוק", "השבות", "מהגרים", // Hebrew
		"Νομοθεσία", "γειτονικών", "Федеральный", "İstanbul", "Şanlıurfa", "Iğdır",
		"Łódź", "Źródła", "România", "Nguyễn Thị Minh Khai",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("pdftotext lacks %q", want)
		}
	}
	if strings.ContainsRune(text, '\uFFFD') || strings.Contains(text, "??") {
		t.Error("the PDF replaced characters")
	}
}

// TestLongTables builds testdata/longtables, a statistical table over two
// pages and a policy table over several: both break at row boundaries and
// say so on every page they continue on.
func TestLongTables(t *testing.T) {
	p, diags, err := load.Load(os.DirFS("testdata"), "longtables")
	if err != nil || len(diags) > 0 {
		t.Fatalf("load: %v %v", err, diags)
	}
	files, warnings, err := build.Render(context.Background(), p, build.Options{Formats: []string{"pdf"}, PageSize: "A4", Date: date})
	if err != nil || len(warnings) > 0 {
		t.Fatalf("render: %v %v", err, warnings)
	}
	text := pdfText(t, files[0].Data)
	for _, want := range []string{"Table 1. Residents by district, 2025 (continued)", "Table 2. Policies (continued)"} {
		if !strings.Contains(text, want) {
			t.Errorf("pdftotext lacks %q", want)
		}
	}
	pages := strings.Split(text, "\f")
	if len(pages) < 8 {
		t.Errorf("%d pages; the tables should run over several", len(pages))
	}
}

// pdfText returns what pdftotext reads in pdf, skipping the test when
// poppler-utils is not installed.
func pdfText(t *testing.T, pdf []byte) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed (Debian poppler-utils)")
	}
	cmd := exec.Command("pdftotext", "-", "-")
	cmd.Stdin = bytes.NewReader(pdf)
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}
