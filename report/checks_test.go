package report

import (
	"strings"
	"testing"
)

// TestInputChecks has one case per input check: each is a warning that
// names its element.
func TestInputChecks(t *testing.T) {
	num := Cell{Kind: Number, Units: 1}
	table := func() *Table {
		return &Table{ID: "t", Title: "People", Columns: []*Column{{ID: "n", Label: "Number"}},
			Rows: []*Row{{ID: "a", Label: "A", Cells: []Cell{num}}}}
	}
	tests := []struct {
		name string
		edit func(p *Profile)
		want string
	}{
		{"BlankRow", func(p *Profile) {
			p.Tables[0].Rows = append(p.Tables[0].Rows, &Row{ID: "b", Label: "B", Cells: []Cell{{Kind: Blank}}})
		}, `rows[1]: row "B" has no value in any column`},
		{"SymbolOnlyLabel", func(p *Profile) { p.Tables[0].Rows[0].Label = "*" }, `rows[0].label: "*" is only symbols`},
		{"SymbolOnlyAnnotation", func(p *Profile) { p.Tables[0].Rows[0].Cells[0].Note = "(**)" }, `rows[0].values[0]: "(**)" is only symbols`},
		{"UnreferencedMark", func(p *Profile) {
			p.Tables[0].Notes = []Text{{{Kind: SpanPlain, Text: "(*) Senegal + Gambia"}}}
		}, `notes[0]: note (*) of table "t" is referred to by no row`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := &Profile{Tables: []*Table{table()}}
			var v validator
			v.inputChecks(p)
			if len(v.diags) != 0 {
				t.Fatalf("clean profile: %v", v.diags)
			}
			tt.edit(p)
			v.inputChecks(p)
			for _, d := range v.diags {
				if d.Severity == Warning && strings.Contains(d.String(), tt.want) {
					return
				}
			}
			t.Errorf("no warning containing %q in %v", tt.want, v.diags)
		})
	}
}
