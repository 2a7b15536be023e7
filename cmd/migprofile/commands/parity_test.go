package commands_test

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

// positioned matches a diagnostic line that names file:line:col.
var positioned = regexp.MustCompile(`^data/[^:]+\.yaml:\d+:\d+: `)

// errorLines returns the positioned error lines of a command's output,
// sorted (a refused build does not repeat the warnings).
func errorLines(out string) []string {
	var ds []string
	for _, l := range strings.Split(out, "\n") {
		if positioned.MatchString(l) && !strings.Contains(l, ": warning: ") {
			ds = append(ds, l)
		}
	}
	slices.Sort(ds)
	return ds
}

// checkParity runs validate and build on the project in dir and checks
// that both refuse it with the same positioned diagnostics.
func checkParity(t *testing.T, dir string, environ []string) {
	t.Helper()
	vcode, vout, verr := run(t, dir, environ, "validate")
	bcode, bout, berr := run(t, dir, environ, "build")
	if vcode != 1 || bcode != 1 {
		t.Fatalf("validate exit %d, build exit %d; want 1 and 1\nvalidate:\n%s%s\nbuild:\n%s%s", vcode, bcode, vout, verr, bout, berr)
	}
	v, b := errorLines(vout+verr), errorLines(bout+berr)
	if len(v) == 0 {
		t.Fatalf("validate printed no positioned error:\n%s%s", vout, verr)
	}
	if !slices.Equal(v, b) {
		t.Errorf("validate and build disagree\nvalidate:\n  %s\nbuild:\n  %s", strings.Join(v, "\n  "), strings.Join(b, "\n  "))
	}
	if _, err := os.Stat(filepath.Join(dir, "out", "mali")); err == nil {
		t.Error("build wrote outputs for a profile with errors")
	}
}

// TestValidateMatchesBuild enumerates the data errors a build can raise —
// every rule of report.Figure.Problems, the calendar check of iso_date,
// a table too wide for the page (found only by setting the PDF), and every
// refused profile of the testdata/bad corpus — and shows that
// validate raises the same ones, each with file:line:col.
func TestValidateMatchesBuild(t *testing.T) {
	figure := "data/mali/figures/households-with-emigrants.yaml"
	flows := "data/mali/figures/flows-by-country.yaml"
	tests := []struct {
		name       string
		file       string
		old, new   string
		wantSubstr string
	}{
		{"TwoSeriesOneBar", figure, "series: [emigrant_pct]", "series: [emigrant_pct, emigrant_n]", "draws exactly one series, got 2"},
		{"DivergingOneSeries", flows, "series: [outflows, inflows, balance]", "series: [outflows]", "draws at least two series, got 1"},
		{"UnknownKind", figure, "kind: percent-bars", "kind: pie", `unknown figure kind "pie"`},
		{"BadSort", figure, "kind: percent-bars", "kind: percent-bars\nsort: upward", `want ascending or descending, got "upward"`},
		{"UnknownSeries", figure, "series: [emigrant_pct]", "series: [emigrant_pc]", `table "households" has no column "emigrant_pc"`},
		{"UnknownCategory", flows, "categories: [burkina-faso,", "categories: [burkina,", `has no column "burkina"`},
		{"TransposedSeriesIsARow", flows, "series: [outflows, inflows, balance]", "series: [outflows, inflows, total]", `has no row "total"`},
		{"NotACalendarDay", "data/mali/profile.yaml", `iso_date: "2010-05"`, "iso_date: 2010-02-30", `"2010-02-30" is not a date of the calendar`},
		{"TableTooWide", "data/mali/tables/households.yaml", "{id: households_n, group: Households, label: Number}",
			`{id: households_n, group: Households, label: "` + strings.Repeat("1234567890", 16) + `"}`, `table "households" does not fit the page`},
		{"NotADate", "data/mali/profile.yaml", `iso_date: "2010-05"`, "iso_date: May 2010", "want YYYY-MM or YYYY-MM-DD"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := project(t)
			path := filepath.Join(dir, filepath.FromSlash(tt.file))
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(data), tt.old) {
				t.Fatalf("%s has no %q", tt.file, tt.old)
			}
			if err := os.WriteFile(path, []byte(strings.Replace(string(data), tt.old, tt.new, 1)), 0o644); err != nil {
				t.Fatal(err)
			}
			checkParity(t, dir, nil)
			_, vout, _ := run(t, dir, nil, "validate")
			if !strings.Contains(vout, tt.wantSubstr) {
				t.Errorf("validate does not say %q:\n%s", tt.wantSubstr, vout)
			}
		})
	}
	t.Run("Corpus", func(t *testing.T) {
		archives, _ := filepath.Glob(filepath.Join("testdata", "bad", "*.txtar"))
		n := 0
		for _, path := range archives {
			ar, err := txtar.ParseFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if !refusesData(ar) {
				continue
			}
			n++
			t.Run(strings.TrimSuffix(filepath.Base(path), ".txtar"), func(t *testing.T) {
				dir := project(t)
				for _, f := range ar.Files {
					if strings.HasPrefix(f.Name, "data/") || f.Name == "config.yaml" {
						writeProjectFile(t, dir, f)
					}
				}
				checkParity(t, dir, nil)
			})
		}
		if n < 10 {
			t.Errorf("only %d corpus cases refuse data; the corpus lost its data errors", n)
		}
	})
}

// refusesData reports whether a corpus case is a data error: validate,
// no environment, exit 1, and a positioned diagnostic expected.
func refusesData(ar *txtar.Archive) bool {
	var args, want string
	for _, f := range ar.Files {
		switch f.Name {
		case "args":
			args = strings.TrimSpace(string(f.Data))
		case "want":
			want = string(f.Data)
		case "env":
			return false
		}
	}
	return args == "validate" && strings.Contains(want, "exit 1") && strings.Contains(want, "data/mali/")
}
