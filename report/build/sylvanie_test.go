package build_test

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/xuri/excelize/v2"

	"github.com/migprofile/migprofile/report"
	"github.com/migprofile/migprofile/report/build"
	"github.com/migprofile/migprofile/report/load"
)

// nb is the narrow no-break space French sets before ; : ! ? and inside
// « ».
const nb = "\u202F"

// TestSylvanie builds testdata/sylvanie, a fictional French profile that
// uses every field a real profile's numbers need — balance and signed
// columns, rates, a weighted mean, every kind of missing value, per-row
// units, a figure's own category labels, multi-author citations, www.
// links — and checks that it validates clean and prints what a reader
// must see in every format.
func TestSylvanie(t *testing.T) {
	p, diags, err := load.Load(os.DirFS("testdata"), "sylvanie")
	if err != nil {
		t.Fatal(err)
	}
	if len(diags) > 0 {
		t.Fatalf("want 0 errors and 0 warnings, got:\n%v", diags)
	}
	files, warnings, err := build.Render(context.Background(), p, build.Options{Formats: build.Formats, PageSize: "A4"})
	if err != nil {
		t.Fatal(err)
	}
	if len(warnings) > 0 {
		t.Errorf("render warnings: %v", warnings)
	}
	byName := map[string][]byte{}
	for _, f := range files {
		byName[f.Name] = f.Data
	}
	t.Run("Markdown", func(t *testing.T) { sylvanieMarkdown(t, string(byName["sylvanie.md"])) })
	t.Run("Figure", func(t *testing.T) {
		svg := string(byName["figures/figure-1.svg"])
		// The figure's own category labels; a confidential value's symbol.
		for _, want := range []string{">Autres régions du Nord</text>", ">Autres régions du Sud</text>", ">s</text>"} {
			if !strings.Contains(svg, want) {
				t.Errorf("figure-1.svg lacks %q", want)
			}
		}
	})
	t.Run("Workbook", func(t *testing.T) { sylvanieWorkbook(t, byName["sylvanie.xlsx"]) })
	t.Run("PDF", func(t *testing.T) { sylvaniePDF(t, pdfText(t, byName["sylvanie.pdf"])) })
	t.Run("PDFLinks", func(t *testing.T) {
		// Link targets end before a no-break space; a links entry written
		// www. links to https://.
		pdf := string(byName["sylvanie.pdf"])
		for _, want := range []string{"/URI (http://www.stat-sylvanie.example)", "/URI (https://data.sylvanie.example/series)", "/URI (https://www.observatoire-sylvanie.example)"} {
			if !strings.Contains(pdf, want) {
				t.Errorf("the PDF lacks the link %s", want)
			}
		}
	})
}

func sylvanieMarkdown(t *testing.T, md string) {
	for _, want := range []string{
		// French spacing, in the author's text and in the tool's words.
		"# Atlas fictif Profil migratoire" + nb + ": Sylvanie",
		"deux mouvements" + nb + ": des départs", "Pourquoi" + nb + "?", "«" + nb + "l’économie attire" + nb + "»",
		"**Tableau 1" + nb + ":** Entrées, sorties", "*Source" + nb + ":* Office sylvanien", "*Notes" + nb + ":*",
		// A URL followed by a space and ";" keeps both outside the link.
		"[www.stat-sylvanie.example](http://www.stat-sylvanie.example)" + nb + "; les séries",
		"<https://data.sylvanie.example/series>" + nb + "; les deux",
		// A links entry written www. links to https://, printed as written.
		"[www.observatoire-sylvanie.example](https://www.observatoire-sylvanie.example)",
		// Symbols chosen by the profile, flags after the number, a quiet
		// label-only row, and the legend under the table.
		"| Régions du Nord |  |  |  |  |", "| −3,1 e |", "| s | s | s | nd |", "| **11 100 p** |", "| **///** |",
		"nd non disponible" + nb + "; /// sans objet" + nb + "; s secret statistique" + nb + "; p provisoire" + nb + "; e estimé",
		// Per-row units; a signed column.
		"| Âge médian (ans) | 31,5 | 33,0 | 1,5 |", "| Immigrés (personnes) | 48 200 | 45 900 | −2 300 |",
		// Notes that end with a full stop run on without ";".
		"couvertes par le secret statistique. Les données de 2024",
		// The figure's own category labels.
		"le plus petit Autres régions du Nord (1 800)",
		// The figure's text alternative.
		"![Graphique 1" + nb + ": Sorties, entrées et solde par région, 2024" + nb + ": Sorties, le plus grand",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("sylvanie.md lacks %q", want)
		}
	}
	for _, wrong := range []string{".;", "Source:", "Tableau 1.", "[x]", "[c]"} {
		if strings.Contains(md, wrong) {
			t.Errorf("sylvanie.md holds %q", wrong)
		}
	}
}

func sylvaniePDF(t *testing.T, text string) {
	// pdftotext reads the narrow no-break space as a space; lines are
	// joined, so that a phrase may run over two.
	text = strings.Join(strings.Fields(text), " ")
	for _, want := range []string{
		"Profil migratoire : Sylvanie", "Tableau 1 : Entrées, sorties", "Source : Office sylvanien",
		"Notes : Le total", "statistique. Les données", "−3,1 e", "11 100 p", "nd non disponible ; /// sans objet ; s secret statistique",
		"Taux d’emploi (%)", "Autres régions du Nord", "Graphique 1 : Sorties",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("pdftotext lacks %q", want)
		}
	}
	if strings.Contains(text, ".;") {
		t.Error(`pdftotext holds ".;"`)
	}
}

func sylvanieWorkbook(t *testing.T, data []byte) {
	wb, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer wb.Close()
	rows, err := wb.GetRows("Tableau_1")
	if err != nil {
		t.Fatal(err)
	}
	all := strings.Join(flatten(rows), "|")
	for _, want := range []string{"Période" + nb + ": 2024", "[c]|[c]|[c]|[x]", "[z]", "[c] = secret statistique", "[p] = provisoire", "[e] = estimé"} {
		if !strings.Contains(all, want) {
			t.Errorf("sheet Tableau_1 lacks %q:\n%s", want, all)
		}
	}
	// A flagged number stays a number, its flag in its format.
	cell := findCell(t, wb, "Tableau_1", "11100")
	if typ, _ := wb.GetCellType("Tableau_1", cell); typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
		t.Errorf("%s is stored as %v, want a number", cell, typ)
	}
	id, _ := wb.GetCellStyle("Tableau_1", cell)
	if st, err := wb.GetStyle(id); err != nil || st.CustomNumFmt == nil || !strings.Contains(*st.CustomNumFmt, "[p]") {
		t.Errorf("%s's number format does not show [p]", cell)
	}
	cover, _ := wb.GetRows("Couverture")
	if c := strings.Join(flatten(cover), "|"); !strings.Contains(c, "[c] = secret statistique") {
		t.Errorf("the cover does not explain [c]:\n%s", c)
	}
	chart, ok := wb.Pkg.Load("xl/charts/chart1.xml")
	if !ok {
		t.Fatal("no chart")
	}
	if x := string(chart.([]byte)); strings.Contains(x, "en-US") || !strings.Contains(x, `<lang val="fr">`) {
		t.Error("the chart's XML is not marked French")
	}
}

// findCell returns the reference of the cell of sheet that holds the
// raw value want, failing the test when none does.
func findCell(t *testing.T, wb *excelize.File, sheet, want string) string {
	t.Helper()
	rows, _ := wb.GetRows(sheet, excelize.Options{RawCellValue: true})
	for i, r := range rows {
		for j, v := range r {
			if v == want {
				ref, _ := excelize.CoordinatesToCellName(j+1, i+1)
				return ref
			}
		}
	}
	t.Fatalf("no cell of %s holds %q", sheet, want)
	return ""
}

func flatten(rows [][]string) []string {
	var out []string
	for _, r := range rows {
		out = append(out, r...)
	}
	return out
}

// TestSylvaniePlanted plants a wrong total and a wrong balance in a copy
// of testdata/sylvanie: validate flags both, at their lines, with the
// numbers in the profile's format.
func TestSylvaniePlanted(t *testing.T) {
	fsys := fstest.MapFS{}
	err := fs.WalkDir(os.DirFS("testdata"), "sylvanie", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile("testdata/" + path)
		fsys[path] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	src := string(fsys["sylvanie/tables/soldes.yaml"].Data)
	for _, r := range [][2]string{
		{`values: [5200, 6100, -900, -2.4]`, `values: [5200, 6100, -800, -2.4]`},   // balance off by 100
		{`values: ["11100 [p]", "10300 [p]"`, `values: ["11200 [p]", "10300 [p]"`}, // total off by 100
	} {
		if !strings.Contains(src, r[0]) {
			t.Fatalf("soldes.yaml lacks %q", r[0])
		}
		src = strings.Replace(src, r[0], r[1], 1)
	}
	fsys["sylvanie/tables/soldes.yaml"] = &fstest.MapFile{Data: []byte(src)}
	menages := strings.Replace(string(fsys["sylvanie/tables/menages.yaml"].Data), "values: [8000, 5.3, 100.0]", "values: [8000, 5.6, 100.0]", 1)
	fsys["sylvanie/tables/menages.yaml"] = &fstest.MapFile{Data: []byte(menages)}

	_, diags, err := load.Load(fsys, "sylvanie")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range diags {
		if d.Severity == report.Error {
			t.Errorf("unexpected error: %v", d)
		}
		got = append(got, d.String())
	}
	// The balance of row Littoral and the total of column Entrées are
	// wrong; the total's balance then disagrees with both its column
	// parts and its row parts; the weighted mean is off.
	want := []string{
		`sylvanie/tables/menages.yaml:13:84: warning: table "menages" (Table 3), row "Ensemble", column "Taille moyenne": printed 5,6, computed 5,3 (the mean of "Urbain", "Rural" weighted by "Ménages"); more than rounding explains`,
		`sylvanie/tables/soldes.yaml:14:68: warning: table "soldes" (Table 1), row "Littoral", column "Effectifs Solde": printed -800, computed -900 ("Effectifs Entrées" − "Effectifs Sorties"); off by 100`,
		`sylvanie/tables/soldes.yaml:19:99: warning: table "soldes" (Table 1), row "Ensemble", column "Effectifs Entrées": printed 11 200, computed 11 100 (the sum of "Littoral", "Autres", "Plateaux"); off by 100`,
		`sylvanie/tables/soldes.yaml:19:125: warning: table "soldes" (Table 1), row "Ensemble", column "Effectifs Solde": printed 800, computed 900 ("Effectifs Entrées" − "Effectifs Sorties"); off by -100`,
		`sylvanie/tables/soldes.yaml:19:125: warning: table "soldes" (Table 1), row "Ensemble", column "Effectifs Solde": printed 800, computed 900 (the sum of "Littoral", "Autres", "Plateaux"); off by -100`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
