package load_test

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/migprofile/migprofile/report"
	"github.com/migprofile/migprofile/report/load"
	"github.com/migprofile/migprofile/report/reporttest"
)

func loadMali(t *testing.T) (*report.Profile, report.Diagnostics) {
	t.Helper()
	p, diags, err := load.Load(os.DirFS("../../data"), "mali")
	if err != nil {
		t.Fatal(err)
	}
	if errs := diags.Errors(); len(errs) > 0 {
		t.Fatalf("data/mali has errors:\n%v", errs.Err())
	}
	return p, diags
}

func TestMaliNumbersAsPublished(t *testing.T) {
	p, _ := loadMali(t)
	if got, want := len(p.Tables), len(reporttest.Published); got != want {
		t.Fatalf("got %d statistical tables, want %d", got, want)
	}
	cells := 0
	for _, table := range p.Tables {
		t.Run(table.ID, func(t *testing.T) {
			want, ok := reporttest.Published[table.ID]
			if !ok {
				t.Fatalf("unexpected table %q", table.ID)
			}
			if len(table.Rows) != len(want) {
				t.Fatalf("got %d rows, want %d", len(table.Rows), len(want))
			}
			for i, row := range table.Rows {
				got := []string{row.Label}
				for _, c := range row.Cells {
					got = append(got, c.Format(p.Labels))
				}
				printed := []string{}
				for _, w := range want[i] {
					printed = append(printed, reporttest.Printed(w))
				}
				if strings.Join(got, " | ") != strings.Join(printed, " | ") {
					t.Errorf("row %d:\n got %q\nwant %q", i, got, want[i])
				}
				cells += len(row.Cells)
			}
		})
	}
	if cells != 51+66+15+40+27 {
		t.Errorf("checked %d cells, want %d", cells, 51+66+15+40+27)
	}
}

func TestMaliStructure(t *testing.T) {
	p, diags := loadMali(t)
	var titles []string
	for _, f := range p.Frameworks {
		titles = append(titles, f.Title)
	}
	if got, want := strings.Join(titles, "; "), "The Demographic-Economic Framework of Migration; The Legal Framework of Migration; The Socio-Political Framework of Migration"; got != want {
		t.Errorf("frameworks: got %q, want %q", got, want)
	}
	if got := len(p.Footnotes); got != 19 {
		t.Errorf("got %d footnotes, want 19", got)
	}
	if got := len(p.Grids); got != 2 {
		t.Errorf("got %d grids, want 2", got)
	}
	// Tables and grids share one numbering, in order of appearance.
	for i, table := range p.Tables {
		if table.Number != i+1 {
			t.Errorf("table %s is number %d, want %d", table.ID, table.Number, i+1)
		}
	}
	// Every footnote is cited somewhere: no "never cited" warning.
	for _, d := range diags {
		if strings.Contains(d.Msg, "never cited") {
			t.Errorf("unexpected: %s", d)
		}
	}
}

// TestMaliPublishedInconsistencies pins the source's own arithmetic slips:
// the tool reports them and keeps the published numbers.
func TestMaliPublishedInconsistencies(t *testing.T) {
	_, diags := loadMali(t)
	var got []string
	for _, d := range diags.Warnings() {
		got = append(got, d.Msg)
	}
	want := []string{
		`citation "(Ammarrasi, 2005)" matches no reference (no reference names Ammarrasi with the year 2005)`,
		`link listed twice: http://www.carim.org/includes/sessions.php?lang=en&callContent=401&callText=1057&`,
		`table "households" (Table 3), row "Total", column "Households with at least one emigrant abroad Number": printed 3,718, computed 3,766 (the sum of "Soninke", "Peulh", "Malinke", "Others"); off by -48`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings:\n got %s\nwant %s", strings.Join(got, "\n     "), strings.Join(want, "\n     "))
	}
}

func TestLoadErrors(t *testing.T) {
	t.Run("NotFound", func(t *testing.T) {
		_, _, err := load.Load(minimal(), "nowhere")
		if !errors.Is(err, load.ErrNotFound) {
			t.Errorf("got %v, want ErrNotFound", err)
		}
	})
	for _, name := range []string{"../mini", "/etc", "mini/x", "", ".", "Mini"} {
		t.Run("BadName"+name, func(t *testing.T) {
			if _, _, err := load.Load(minimal(), name); err == nil || !strings.Contains(err.Error(), "invalid profile name") {
				t.Errorf("Load(%q): got %v, want an invalid-name error", name, err)
			}
		})
	}
}
