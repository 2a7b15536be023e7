package load_test

import (
	"testing"

	"github.com/migprofile/migprofile/report/load"
)

// fuzzTargets are the files of the minimal profile a fuzzed input replaces.
var fuzzTargets = []string{
	"mini/tables/people.yaml", "mini/frameworks/main.yaml", "mini/grids/policy.yaml",
	"mini/footnotes.yaml", "mini/profile.yaml", "mini/figures/chart.yaml",
}

// FuzzLoad feeds arbitrary bytes as one of a profile's files: loading must
// never panic, and must return either a profile or at least one error.
func FuzzLoad(f *testing.F) {
	for i, name := range fuzzTargets {
		f.Add(uint8(i), string(minimal()[name].Data))
	}
	f.Add(uint8(0), "title: x\nperiod: 1\ncolumns: [{id: n, label: N}]\nrows: [{label: A, values: [\"1 (\"]}]\nsources: [s]\n")
	f.Add(uint8(0), "title: x\nperiod: 1\ncolumns: [{id: n, label: N, percent_of: n, base_row: a}]\nrows: [{id: a, label: A, sum_of: children, difference_of: [a, a], values: [-9223372036854775808]}]\nsources: [s]\n")
	f.Add(uint8(3), "\"1\": [^1] www.x.org).\n")
	f.Add(uint8(4), "title: &a [*a]\n")
	f.Add(uint8(5), "kind: percent-bars\ntitle: T\ntable: people\nseries: [p]\nvalue_axis: \"% of people\"\nrange: [0, 1e9]\n")
	f.Add(uint8(2), "title: P\nrows: [{heading: H, entries: [{both: [x]}]}]\nsources: [{url: \"http://a.org/x?i=1#f\", title: T}, {label: L, url: \"https://b\"}]\n")
	f.Add(uint8(4), "title: M\ncountry: T\ndate: D\niso_date: \"2010-05\"\nlanguage: en\nauthors: [A]\npublisher: P\nframeworks: [main]\nlogos: [{file: tables, alt: A}, {file: ../x.png, alt: B}]\n")
	f.Fuzz(func(t *testing.T, which uint8, data string) {
		name := fuzzTargets[int(which)%len(fuzzTargets)]
		p, diags, err := load.Load(with(minimal(), name, data), "mini")
		if err != nil {
			t.Fatalf("unexpected error: %v", err)
		}
		if p == nil && len(diags.Errors()) == 0 {
			t.Fatal("no profile and no error")
		}
		if p != nil && len(diags.Errors()) > 0 {
			t.Fatal("a profile despite errors")
		}
		for _, d := range diags {
			if d.File == "" || d.Msg == "" {
				t.Fatalf("diagnostic without file or message: %+v", d)
			}
		}
	})
}
