package load_test

import (
	"testing"

	"github.com/migprofile/migprofile/report/load"
)

// FuzzLoadTable feeds arbitrary bytes as a statistical table: loading must
// never panic, and must return either a profile or at least one error.
func FuzzLoadTable(f *testing.F) {
	for _, name := range []string{"mini/tables/people.yaml", "mini/frameworks/main.yaml", "mini/grids/policy.yaml"} {
		f.Add(name, string(minimal()[name].Data))
	}
	f.Add("mini/tables/people.yaml", "title: x\nperiod: 1\ncolumns: [{id: n, label: N}]\nrows: [{label: A, values: [\"1 (\"]}]\nsources: [s]\n")
	f.Add("mini/footnotes.yaml", "\"1\": [^1] www.x.org).\n")
	f.Add("mini/profile.yaml", "title: &a [*a]\n")
	f.Fuzz(func(t *testing.T, name, data string) {
		switch name {
		case "mini/tables/people.yaml", "mini/frameworks/main.yaml", "mini/grids/policy.yaml",
			"mini/footnotes.yaml", "mini/profile.yaml", "mini/figures/chart.yaml":
		default:
			t.Skip()
		}
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
	})
}
