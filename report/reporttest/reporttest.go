// Package reporttest holds test helpers shared by the packages that load
// or render profiles: the Mali profile as loaded from data/mali, and the
// numbers of its five statistical tables as published in 2010.
package reporttest

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/migprofile/migprofile/report"
	"github.com/migprofile/migprofile/report/load"
)

// Published holds every statistical cell of the five Mali tables exactly as
// printed in the 2010 CARIM profile (the seed's text), row by row, with
// the row label first. It is written from the publication, not from the
// data files, so that a transcription slip in data/mali fails this test.
var Published = map[string][][]string{
	"malians-abroad": {
		{"African countries", "745,503", "80.6", ""},
		{"Ivory Coast", "523,231", "56.6", "792,258 (1998)"},
		{"Senegal (*)", "50,442", "5.5", ""},
		{"Niger", "50,317", "5.4", "30,402 (2001)"},
		{"Ghana", "29,855", "3.2", ""},
		{"Bur. Faso", "21,316", "2.3", "18,526 (2006)"},
		{"Others", "70,342", "7.6", ""},
		{"Arab countries", "148,498", "16.1", ""},
		{"Sudan", "100,000", "10.8", ""},
		{"Sau. Arabia", "26,582", "2.9", ""},
		{"Others", "21,916", "2.4", ""},
		{"European countries", "23,281", "2.5", ""},
		{"France (**)", "21,964", "2.4", "36,091 (1999)"},
		{"Others", "1,317", "0.1", ""},
		{"North America", "3,605", "0.4", "3,590 (US'00; CAN'06)"},
		{"Other countries", "3,610", "0.4", ""},
		{"Total", "924,497", "100.0", ""},
	},
	"foreign-residents": {
		{"Ivory Coast", "3,917", "5.0", "2,441", "4.2", "9,368", "14.7"},
		{"Burkina Faso", "23,259", "29.6", "9,974", "17.1", "8,468", "13.3"},
		{"Guinéa", "19,394", "24.7", "13,459", "23.1", "6,961", "10.9"},
		{"Mauritania", "9,464", "12.1", "18,444", "31.6", "3,829", "6.0"},
		{"Senegal", "3,615", "4.6", "3,672", "6.3", "3,047", "4.8"},
		{"Others Africa", "12,395", "15.8", "4,205", "7.2", "5,737", "9.0"},
		{"France", "2,636", "3.4", "1,430", "2.5", "-", "0.0"},
		{"Others", "2,235", "2.8", "2,051", "3.5", "1,382", "2.2"},
		{"Not available", "1,623", "2.1", "2,603", "4.5", "24,929", "39.1"},
		{"Total", "78,538", "100.0", "58,279", "100.0", "63,721", "100.0"},
		{"% on the total of resident population", "", "1.2", "", "0.8", "", "0.6"},
	},
	"households": {
		{"Soninke", "1,714", "758", "44.2"},
		{"Peulh", "3,961", "1,228", "31.0"},
		{"Malinke", "1,526", "441", "28.9"},
		{"Others", "4,869", "1,339", "27.5"},
		{"Total", "12,070", "3,718", "30.8"},
	},
	"working-age": {
		{"West Africa", "18,025", "50.7", "17,358", "48.8", "192", "0.5", "35,575", "100.0"},
		{"Others Africa", "1,216", "66.3", "602", "32.8", "17", "0.9", "1,835", "100.0"},
		{"Others", "635", "45.9", "732", "53.0", "15", "1.1", "1,382", "100.0"},
		{"Not available", "11,891", "47.7", "13,000", "52.1", "38", "0.2", "24,929", "100.0"},
		{"Total", "31,767", "49.9", "31,692", "49.7", "262", "0.4", "63,721", "100.0"},
	},
	"flows": {
		{"Outflows", "13,000", "166,000", "10,000", "6,000", "10,000", "12,000", "44,000", "49,000", "310,000"},
		{"Inflows", "11,033", "116,314", "10,846", "4,862", "7,667", "14,025", "9,724", "12,529", "187,000"},
		{"Migratory balance", "-1,967", "-49,686", "846", "-1,138", "-2,333", "2,025", "-34,276", "-36,471", "-123,000"},
	},
}

// DataDir returns the repository's data folder, wherever the test runs.
func DataDir() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "data")
}

// Mali loads data/mali and fails the test on any data error.
func Mali(tb testing.TB) *report.Profile {
	tb.Helper()
	p, diags, err := load.Load(os.DirFS(DataDir()), "mali")
	if err != nil {
		tb.Fatal(err)
	}
	if err := diags.Err(); err != nil {
		tb.Fatalf("data/mali has errors:\n%v", err)
	}
	return p
}

// PublishedNumbers returns every non-blank published cell of the five
// tables, for checks that each appears in an output.
func PublishedNumbers() []string {
	var out []string
	for _, id := range []string{"malians-abroad", "foreign-residents", "households", "working-age", "flows"} {
		for _, row := range Published[id] {
			for _, cell := range row[1:] {
				if cell != "" {
					out = append(out, cell)
				}
			}
		}
	}
	return out
}
