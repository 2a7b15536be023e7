package load_test

import (
	"strings"
	"testing"

	"github.com/migprofile/migprofile/report"
	"github.com/migprofile/migprofile/report/load"
)

// The fields added so that any country's numbers can be written: signed
// and balance columns, aggregation, missing-value kinds and flags,
// label-only rows, per-row units, a figure's own category labels, www.
// links, and the messages that follow the profile's number format.

// peopleTable is a table file of the minimal profile with these columns
// and rows.
func peopleTable(columns, rows string) string {
	return "title: People\nperiod: \"2001\"\ncolumns:\n" + columns + "rows:\n" + rows + "sources: [A census]\n"
}

// TestNumbersDiagnostics has one case per new rule: want is a message
// that must be reported ("" when the data must load with no diagnostic
// at all).
func TestNumbersDiagnostics(t *testing.T) {
	counts := "  - {id: in, label: In}\n  - {id: out, label: Out}\n"
	tests := []struct {
		name, file, data, want string
	}{
		{"SignedColumn", "mini/tables/people.yaml", peopleTable("  - {id: n, label: Change, signed: true}\n", "  - {label: A, values: [-5]}\n"), ""},
		{"SignedRow", "mini/tables/people.yaml", peopleTable("  - {id: n, label: Number}\n", "  - {label: A, signed: true, values: [-5]}\n"), ""},
		{"SignedValue", "mini/tables/people.yaml", peopleTable(counts, "  - {label: A, signed: [out], values: [5, -8]}\n"), ""},
		{"SignedValueOtherColumn", "mini/tables/people.yaml", peopleTable(counts, "  - {label: A, signed: [out], values: [-5, 8]}\n"),
			`rows[0].values[0]: negative count -5`},
		{"SignedValueNoColumn", "mini/tables/people.yaml", peopleTable(counts, "  - {label: A, signed: [net], values: [5, 8]}\n"),
			`mini/tables/people.yaml:7:25: rows[0].signed[0]: no column "net" in table "people"`},
		{"UnsignedNegative", "mini/tables/people.yaml", peopleTable("  - {id: n, label: Number}\n", "  - {label: A, values: [-5]}\n"),
			`mini/tables/people.yaml:6:25: rows[0].values[0]: negative count -5: only a signed column or row (signed: true), a value the row declares signed (signed: [column]) or a difference (difference_of) may be negative`},
		{"BalanceColumn", "mini/tables/people.yaml", peopleTable(counts+"  - {id: net, label: Net, difference_of: [in, out]}\n", "  - {label: A, values: [5, 8, -3]}\n"), ""},
		{"WrongBalanceColumn", "mini/tables/people.yaml", peopleTable(counts+"  - {id: net, label: Net, difference_of: [in, out]}\n", "  - {label: A, values: [5, 8, 3]}\n"),
			`mini/tables/people.yaml:8:31: warning: table "people" (Table 1), row "A", column "Net": printed 3, computed -3 ("In" − "Out"); off by 6`},
		{"BalanceColumnOfOne", "mini/tables/people.yaml", peopleTable(counts+"  - {id: net, label: Net, difference_of: [in]}\n", "  - {label: A, values: [5, 8, -3]}\n"),
			`columns[2].difference_of: want two column ids [minuend, subtrahend], got 1`},
		{"RateNotSummed", "mini/tables/people.yaml", peopleTable("  - {id: n, label: Number}\n  - {id: r, label: Rate, unit: rate}\n",
			"  - {label: A, values: [1, 2.5]}\n  - {label: B, values: [1, -1.5]}\n  - {label: T, sum_of: preceding, values: [2, 9.9]}\n"), ""},
		{"AggregateNone", "mini/tables/people.yaml", peopleTable("  - {id: n, label: Median, aggregate: none}\n",
			"  - {label: A, values: [30]}\n  - {label: B, values: [40]}\n  - {label: T, sum_of: preceding, values: [35]}\n"), ""},
		{"RowAggregateNone", "mini/tables/people.yaml", peopleTable(counts+"  - {id: all, label: All, sum_of: [in, out]}\n",
			"  - {label: A, values: [1, 2, 3]}\n  - {label: Ratio, aggregate: none, values: [1.5, 2.0, 1.8]}\n"), ""},
		{"BadAggregate", "mini/tables/people.yaml", peopleTable("  - {id: n, label: N, aggregate: max}\n", "  - {label: A, values: [1]}\n"),
			`columns[0].aggregate: want sum, none or mean (with weight), got "max"`},
		{"MeanWithoutWeight", "mini/tables/people.yaml", peopleTable("  - {id: n, label: N, aggregate: mean}\n", "  - {label: A, values: [1]}\n"),
			`columns[0].weight: aggregate: mean needs weight`},
		{"WrongWeightedMean", "mini/tables/people.yaml", peopleTable("  - {id: n, label: N}\n  - {id: age, label: Age, unit: rate, aggregate: mean, weight: n}\n",
			"  - {label: A, values: [100, 20.0]}\n  - {label: B, values: [300, 40.0]}\n  - {label: T, sum_of: preceding, values: [400, 30.0]}\n"),
			`warning: table "people" (Table 1), row "T", column "Age": printed 30.0, computed 35.0 (the mean of "A", "B" weighted by "N")`},
		{"MissingKinds", "mini/tables/people.yaml", peopleTable("  - {id: n, label: N}\n",
			"  - {label: A, values: [\"..\"]}\n  - {label: B, values: [\"[x]\"]}\n  - {label: C, values: [\"[z]\"]}\n  - {label: D, values: [\"[c]\"]}\n  - {label: E, values: [\"5 [p] [e]\"]}\n  - {label: T, sum_of: preceding, values: [\"5 [p]\"]}\n"), ""},
		{"UnknownShorthand", "mini/tables/people.yaml", peopleTable("  - {id: n, label: N}\n", "  - {label: A, values: [\"[q]\"]}\n"),
			`rows[0].values[0]: "[q]" is not a number`},
		{"CategoryLabelsCount", "mini/figures/chart.yaml", "kind: horizontal-bars\ntitle: T\ntable: people\nseries: [n]\ncategories: [a, b]\ncategory_labels: [Only one]\n",
			`mini/figures/chart.yaml:1:1: category_labels: 1 category labels for 2 categories`},
		{"LinkWWW", "mini/frameworks/main.yaml", "title: F\nbody:\n  - Intro[^1].\n  - table: people\n  - grid: policy\n  - figure: chart\n  - links: [www.example.org/a]\n", ""},
		{"LinkNotURL", "mini/frameworks/main.yaml", "title: F\nbody:\n  - Intro[^1].\n  - table: people\n  - grid: policy\n  - figure: chart\n  - links: [example.org/a]\n",
			`mini/frameworks/main.yaml:7:13: body[4][0]: want a URL starting with http://, https:// or www., got "example.org/a"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := minimal()
			if tt.file == "mini/tables/people.yaml" {
				fsys = withoutFigure()
			}
			got := diagnostics(t, with(fsys, tt.file, tt.data))
			if tt.want == "" {
				if len(got) > 0 {
					t.Errorf("want no diagnostic, got:\n  %s", strings.Join(got, "\n  "))
				}
				return
			}
			for _, g := range got {
				if strings.Contains(g, tt.want) {
					return
				}
			}
			t.Errorf("no diagnostic containing\n  %s\ngot:\n  %s", tt.want, strings.Join(got, "\n  "))
		})
	}
}

// TestNumbersModel checks what the loader makes of the new fields.
func TestNumbersModel(t *testing.T) {
	fsys := with(withoutFigure(), "mini/tables/people.yaml", peopleTable(
		"  - {id: in, label: In}\n  - {id: out, label: Out}\n  - {id: net, label: Net, difference_of: [in, out]}\n",
		"  - {id: g, label: Group}\n  - {label: A, level: 1, unit: years, values: [\"7 [e]\", \"[c]\", \"..\"]}\n"))
	p, diags, err := load.Load(fsys, "mini")
	if err != nil || len(diags) > 0 {
		t.Fatalf("load: %v %v", err, diags)
	}
	tb := p.Tables[0]
	if net := tb.Columns[2]; !net.Signed || len(net.DifferenceOf) != 2 || net.DifferenceOf[0] != tb.Columns[0] {
		t.Errorf("net column: signed %v, difference_of %v", net.Signed, net.DifferenceOf)
	}
	g := tb.Rows[0]
	if !g.LabelOnly || g.Cells[0].Kind != report.NotApplicable || !g.Cells[0].Quiet {
		t.Errorf("label-only row: %+v", g)
	}
	a := tb.Rows[1]
	if a.Heading() != "A (years)" {
		t.Errorf("row heading %q", a.Heading())
	}
	l := p.Labels
	got := []string{a.Cells[0].Format(l), a.Cells[1].Format(l), a.Cells[2].Format(l), g.Cells[0].Format(l)}
	if want := []string{"7 [e]", "[c]", "[x]", ""}; strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("cells print %q, want %q", got, want)
	}
	if got := tb.Marks().Legend(l); got != "[x] not available; [c] confidential; [e] estimated" {
		t.Errorf("legend %q", got)
	}
}

// TestLinksAndSpaces checks that a links entry written www. links to
// https://, and that a URL in prose ends at a no-break space.
func TestLinksAndSpaces(t *testing.T) {
	fsys := with(minimal(), "mini/frameworks/main.yaml", "title: F\nbody:\n  - \"See http://a.org/x\u00a0; or www.b.org\u202f!\"\n  - Intro[^1].\n  - table: people\n  - grid: policy\n  - figure: chart\n  - links: [www.example.org/a]\n")
	p, diags, err := load.Load(fsys, "mini")
	if err != nil || len(diags) > 0 {
		t.Fatalf("load: %v %v", err, diags)
	}
	blocks := p.Frameworks[0].Blocks
	var links []string
	for _, s := range blocks[0].Text {
		if s.Kind == report.SpanLink {
			links = append(links, s.Text+" → "+s.URL)
		}
	}
	if want := "http://a.org/x → http://a.org/x|www.b.org → http://www.b.org"; strings.Join(links, "|") != want {
		t.Errorf("prose links %q, want %q", links, want)
	}
	if got := blocks[0].Text.String(); got != "See http://a.org/x\u00a0; or www.b.org\u202f!" {
		t.Errorf("prose %q", got)
	}
	last := blocks[len(blocks)-1].Items[0][0]
	if last.Text != "www.example.org/a" || last.URL != "https://www.example.org/a" {
		t.Errorf("links entry %q → %q", last.Text, last.URL)
	}
}

// TestFrenchTypography checks that a French profile's prose and titles
// get narrow no-break spaces, and that an English one is left alone.
func TestFrenchTypography(t *testing.T) {
	for _, lang := range []string{"fr", "en"} {
		fsys := minimal()
		profile := strings.Replace(string(fsys["mini/profile.yaml"].Data), "language: en", "language: "+lang, 1)
		fsys = with(fsys, "mini/profile.yaml", profile)
		fsys = with(fsys, "mini/frameworks/main.yaml", "title: \"Cadre : droit\"\nbody:\n  - \"Deux mouvements : « ici » ; pourquoi ?[^1]\"\n  - table: people\n  - grid: policy\n  - figure: chart\n")
		p, diags, err := load.Load(fsys, "mini")
		if err != nil || len(diags) > 0 {
			t.Fatalf("load: %v %v", err, diags)
		}
		f := p.Frameworks[0]
		got := f.Title + "|" + f.Blocks[0].Text.Plain() + "|" + p.Meta.FullTitle() + "|" + p.Labels.NumberedTitle("T", 1, "x")
		want := "Cadre : droit|Deux mouvements : « ici » ; pourquoi ?|Migration Profile: Testland|T 1. x"
		if lang == "fr" {
			want = "Cadre\u202f: droit|Deux mouvements\u202f: «\u202fici\u202f»\u202f; pourquoi\u202f?|Migration Profile\u202f: Testland|T 1\u202f: x"
		}
		if got != want {
			t.Errorf("%s: got  %q\nwant %q", lang, got, want)
		}
	}
}
