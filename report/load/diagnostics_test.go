package load_test

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/migprofile/migprofile/report"
	"github.com/migprofile/migprofile/report/load"
)

// minimal returns a small valid profile "mini" that each case below
// breaks in one way.
func minimal() fstest.MapFS {
	return fstest.MapFS{
		"mini/profile.yaml": {Data: []byte(`title: Migration Profile
country: Testland
date: May 2010
iso_date: "2010-05"
language: en
authors: [A. Author]
publisher: A Publisher
frameworks: [main]
`)},
		"mini/footnotes.yaml": {Data: []byte(`"1": A footnote.
`)},
		"mini/frameworks/main.yaml": {Data: []byte(`title: The Framework
body:
  - Intro paragraph[^1].
  - table: people
  - columns:
      outward: [{heading: Stock}, Some text.]
      inward: [More text.]
  - grid: policy
  - figure: chart
  - links: ["http://example.org/a"]
`)},
		"mini/tables/people.yaml": {Data: []byte(`title: People
period: "2001"
columns:
  - {id: n, label: Number}
  - {id: p, label: "%", unit: percent, percent_of: n, base_row: total}
rows:
  - {label: A, values: [60, 60.0]}
  - {label: B, values: [40, 40.0]}
  - {id: total, label: Total, total: true, sum_of: preceding, values: [100, 100.0]}
sources: [A census]
`)},
		"mini/grids/policy.yaml": {Data: []byte(`title: Policy
rows:
  - heading: Laws
    entries:
      - both: [A law.]
      - outward: [Out.]
        inward: [In.]
sources: [A law book]
`)},
		"mini/figures/chart.yaml": {Data: []byte(`kind: horizontal-bars
title: People
table: people
series: [n]
categories: [a, b]
`)},
	}
}

// withoutFigure is minimal without its figure, for cases that replace the
// table the figure draws from.
func withoutFigure() fstest.MapFS {
	fsys := minimal()
	delete(fsys, "mini/figures/chart.yaml")
	main := strings.Replace(string(fsys["mini/frameworks/main.yaml"].Data), "  - figure: chart\n", "", 1)
	return with(fsys, "mini/frameworks/main.yaml", main)
}

func with(fsys fstest.MapFS, name, data string) fstest.MapFS {
	fsys[name] = &fstest.MapFile{Data: []byte(data)}
	return fsys
}

func diagnostics(t *testing.T, fsys fstest.MapFS) []string {
	t.Helper()
	p, diags, err := load.Load(fsys, "mini")
	if err != nil {
		t.Fatal(err)
	}
	if len(diags.Errors()) > 0 && p != nil {
		t.Error("a profile with errors must not be returned")
	}
	var out []string
	for _, d := range diags {
		out = append(out, d.String())
	}
	return out
}

func TestMinimalIsValid(t *testing.T) {
	if got := diagnostics(t, minimal()); len(got) > 0 {
		t.Fatalf("minimal profile: %q", got)
	}
}

// TestErrors has one case per class of data error: each must be reported
// with its file, line and field path.
func TestErrors(t *testing.T) {
	table := func(rows string) string {
		return "title: People\nperiod: \"2001\"\ncolumns:\n  - {id: n, label: Number}\nrows:\n" + rows + "sources: [A census]\n"
	}
	tests := []struct {
		name string
		file string
		data string
		want string
	}{
		{"MalformedYAML", "mini/tables/people.yaml", "title: [unclosed\n", "mini/tables/people.yaml:1: malformed YAML: did not find expected ',' or ']'"},
		{"UnknownField", "mini/tables/people.yaml", table("  - {label: A, values: [1], colour: red}\n"), `mini/tables/people.yaml:6:29: rows[0].colour: unknown field "colour" (known: id, label, lead, level, total, sum_of, difference_of, values, signed, unit, aggregate)`},
		{"MissingField", "mini/tables/people.yaml", "period: \"2001\"\ncolumns:\n  - {id: n, label: Number}\nrows:\n  - {label: A, values: [1]}\nsources: [A census]\n", `mini/tables/people.yaml:1:1: title: required field "title" is missing`},
		{"WrongType", "mini/tables/people.yaml", table("  - {label: A, level: deep, values: [1]}\n"), `mini/tables/people.yaml:6:23: rows[0].level: want a whole number, got "deep"`},
		{"WrongTypeList", "mini/tables/people.yaml", table("  - {label: A, values: 1}\n"), `mini/tables/people.yaml:6:24: rows[0].values: want a list, got the number 1`},
		{"NotANumber", "mini/tables/people.yaml", table("  - {label: A, values: [12a]}\n"), `mini/tables/people.yaml:6:25: rows[0].values[0]: "12a" is not a number`},
		{"ThousandsSeparator", "mini/tables/people.yaml", table("  - {label: A, values: [\"1,234\"]}\n"), `mini/tables/people.yaml:6:25: rows[0].values[0]: "1,234": write numbers without thousands separators`},
		{"NaN", "mini/tables/people.yaml", table("  - {label: A, values: [.nan]}\n"), `rows[0].values[0]: ".nan" is not a number`},
		{"InvalidUTF8", "mini/tables/people.yaml", "title: Pe\xffople\n", "mini/tables/people.yaml:1:10: file is not valid UTF-8"},
		{"ControlCharacter", "mini/tables/people.yaml", table("  - {label: \"A\\u0007\", values: [1]}\n"), `rows[0].label: control character U+0007`},
		{"EmptyText", "mini/tables/people.yaml", table("  - {label: \"  \", values: [1]}\n"), `mini/tables/people.yaml:6:13: rows[0].label: must not be empty`},
		{"ValuesCount", "mini/tables/people.yaml", table("  - {label: A, values: [1, 2]}\n"), `mini/tables/people.yaml:6:5: rows[0].values: 2 values for 1 columns`},
		{"DanglingFootnote", "mini/frameworks/main.yaml", "title: F\nbody:\n  - See[^9].\n  - table: people\n  - grid: policy\n  - figure: chart\n", `mini/frameworks/main.yaml:3:5: body[0]: cites footnote [^9], which footnotes.yaml does not define`},
		{"DanglingTable", "mini/frameworks/main.yaml", "title: F\nbody:\n  - A[^1].\n  - table: peeple\n  - grid: policy\n  - figure: chart\n", `mini/frameworks/main.yaml:4:12: body[1].table: table "peeple" does not exist (no tables/peeple.yaml)`},
		{"UnplacedTable", "mini/frameworks/main.yaml", "title: F\nbody:\n  - A[^1].\n  - grid: policy\n  - figure: chart\n", `table "people" is not placed in any framework`},
		{"DanglingFigureTable", "mini/figures/chart.yaml", "kind: horizontal-bars\ntitle: T\ntable: nope\nseries: [n]\n", `mini/figures/chart.yaml:3:8: table: table "nope" does not exist`},
		{"DanglingFigureSeries", "mini/figures/chart.yaml", "kind: horizontal-bars\ntitle: T\ntable: people\nseries: [x]\n", `mini/figures/chart.yaml:4:10: series[0]: table "people" has no column "x"`},
		{"UnknownFigureKind", "mini/figures/chart.yaml", "kind: pie\ntitle: T\ntable: people\nseries: [n]\n", `mini/figures/chart.yaml:1:7: kind: unknown figure kind "pie"`},
		{"FigureRangeNotANumber", "mini/figures/chart.yaml", "kind: horizontal-bars\ntitle: T\ntable: people\nseries: [n]\nrange: [0, lots]\n", `mini/figures/chart.yaml:5:12: range[1]: want a number, got "lots"`},
		{"FigureRangeNotAList", "mini/figures/chart.yaml", "kind: horizontal-bars\ntitle: T\ntable: people\nseries: [n]\nrange: 100\n", `mini/figures/chart.yaml:5:8: range: want a list`},
		{"FigureRangeReversed", "mini/figures/chart.yaml", "kind: horizontal-bars\ntitle: T\ntable: people\nseries: [n]\nrange: [100, 0]\n", `mini/figures/chart.yaml:5:9: range: low end 100 is not below high end 0`},
		{"FigureRangeCutsData", "mini/figures/chart.yaml", "kind: horizontal-bars\ntitle: T\ntable: people\nseries: [n]\nrange: [0, 50]\n", `mini/figures/chart.yaml:5:9: range: [0, 50] cuts off the value 60 of series "n"`},
		{"DanglingRow", "mini/tables/people.yaml", table("  - {label: A, values: [1]}\n  - {label: T, sum_of: [a, z], values: [1]}\n"), `mini/tables/people.yaml:7:28: rows[1].sum_of[1]: no row with id "z" in this table`},
		{"DanglingFramework", "mini/profile.yaml", "title: M\ncountry: T\ndate: D\niso_date: \"2010-05\"\nlanguage: en\nauthors: [A]\npublisher: P\nframeworks: [main, other]\n", `mini/frameworks/other.yaml: file is missing`},
		{"BadDate", "mini/profile.yaml", "title: M\ncountry: T\ndate: D\niso_date: May 2010\nlanguage: en\nauthors: [A]\npublisher: P\nframeworks: [main]\n", `mini/profile.yaml:4:11: iso_date: want YYYY-MM or YYYY-MM-DD, got "May 2010"`},
		{"StrayFile", "mini/tables/notes.txt", "hello", `mini/tables/notes.txt: unexpected file; tables/ holds only .yaml files`},
		{"HugeText", "mini/tables/people.yaml", table("  - {label: \"" + strings.Repeat("x", 70000) + "\", values: [1]}\n"), `rows[0].label: text is 70000 bytes long; the limit is 32767 (the most a workbook cell holds)`},
		{"MissingProfile", "mini/profile.yaml", "", `mini/profile.yaml: file is empty`},
		{"GridEntryBoth", "mini/grids/policy.yaml", "title: P\nrows:\n  - heading: H\n    entries:\n      - {both: [x], inward: [y]}\n", `mini/grids/policy.yaml:5:9: rows[0].entries[0]: an entry is either both (spanning) or outward/inward, not both at once`},
		{"SourceURLAndText", "mini/grids/policy.yaml", "title: P\nrows:\n  - heading: H\n    entries:\n      - both: [x]\nsources:\n  - {url: \"http://a.org/x\", text: A law}\n", `mini/grids/policy.yaml:7:5: sources[0]: a source is either text (with a label) or url (with an optional title), not both`},
		{"SourceBadURL", "mini/grids/policy.yaml", "title: P\nrows:\n  - heading: H\n    entries:\n      - both: [x]\nsources:\n  - {url: a.org/x, title: A law}\n", `mini/grids/policy.yaml:7:11: sources[0].url: want an address starting with http:// or https:// and without spaces, got "a.org/x"`},
		{"SourceTitleWithoutURL", "mini/grids/policy.yaml", "title: P\nrows:\n  - heading: H\n    entries:\n      - both: [x]\nsources:\n  - {title: A law}\n", `mini/grids/policy.yaml:7:13: sources[0].title: a title names a url`},
		{"SourceTextWithoutLabel", "mini/grids/policy.yaml", "title: P\nrows:\n  - heading: H\n    entries:\n      - both: [x]\nsources:\n  - {text: A law}\n", `mini/grids/policy.yaml:7:5: sources[0]: required field "label" is missing`},
		{"SourceEmptyMapping", "mini/grids/policy.yaml", "title: P\nrows:\n  - heading: H\n    entries:\n      - both: [x]\nsources:\n  - {label: L}\n", `mini/grids/policy.yaml:7:5: sources[0]: a source mapping needs text (with a label) or url`},
		{"Alias", "mini/tables/people.yaml", "title: &t People\nperiod: *t\ncolumns:\n  - {id: n, label: Number}\nrows:\n  - {label: A, values: [1]}\nsources: [A census]\n", `mini/tables/people.yaml:2:9: period: YAML aliases are not supported`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := diagnostics(t, with(minimal(), tt.file, tt.data))
			for _, g := range got {
				if strings.Contains(g, tt.want) && !strings.Contains(g, "warning:") {
					return
				}
			}
			t.Errorf("no error containing\n  %s\ngot:\n  %s", tt.want, strings.Join(got, "\n  "))
		})
	}
}

// TestFigureAxisFields checks that the loader reads a figure's axis
// title and range into the model.
func TestFigureAxisFields(t *testing.T) {
	fsys := with(minimal(), "mini/figures/chart.yaml", "kind: horizontal-bars\ntitle: People\ntable: people\nseries: [n]\ncategories: [a, b]\nvalue_axis: Number of people\nrange: [0, 100]\n")
	p, diags, err := load.Load(fsys, "mini")
	if err != nil || len(diags.Errors()) > 0 {
		t.Fatalf("load: %v %v", err, diags)
	}
	f := p.Figures[0]
	if f.ValueAxis != "Number of people" || f.AxisTitle() != "Number of people" {
		t.Errorf("value_axis: got %q", f.ValueAxis)
	}
	if len(f.Range) != 2 || f.Range[0] != 0 || f.Range[1] != 100 || f.RangePos.Line != 7 {
		t.Errorf("range: got %v at %v", f.Range, f.RangePos)
	}
}

// TestAllErrorsAtOnce checks that loading does not stop at the first
// problem: three broken files give three errors in one run.
func TestAllErrorsAtOnce(t *testing.T) {
	fsys := minimal()
	with(fsys, "mini/figures/chart.yaml", "kind: pie\ntitle: T\ntable: people\nseries: [n]\n")
	with(fsys, "mini/grids/policy.yaml", "title: P\nrows:\n  - heading: H\n    entries: [{}]\n    colour: red\n")
	with(fsys, "mini/footnotes.yaml", "\"1\": \"\"\n")
	got := diagnostics(t, fsys)
	var errs int
	for _, g := range got {
		if !strings.Contains(g, "warning:") {
			errs++
		}
	}
	if errs < 4 {
		t.Errorf("got %d errors, want at least 4:\n  %s", errs, strings.Join(got, "\n  "))
	}
}

// TestWarnings has one case per arithmetic check.
func TestWarnings(t *testing.T) {
	tests := []struct {
		name string
		file string
		data string
		want string
	}{
		{"RowSum", "mini/tables/people.yaml", `title: People
period: "2001"
columns:
  - {id: n, label: Number}
rows:
  - {label: A, values: [60]}
  - {label: B, values: [41]}
  - {id: total, label: Total, sum_of: preceding, values: [100]}
sources: [A census]
`, `mini/tables/people.yaml:8:59: warning: table "people" (Table 1), row "Total", column "Number": printed 100, computed 101 (the sum of "A", "B"); off by -1`},
		{"ChildrenSum", "mini/tables/people.yaml", `title: People
period: "2001"
columns:
  - {id: n, label: Number}
rows:
  - {id: a, label: A, sum_of: children, values: [10]}
  - {label: A1, level: 1, values: [4]}
  - {label: A2, level: 1, values: [5]}
  - {label: B, values: [1]}
sources: [A census]
`, `row "A", column "Number": printed 10, computed 9 (the sum of "A1", "A2"); off by 1`},
		{"ColumnSum", "mini/tables/people.yaml", `title: People
period: "2001"
columns:
  - {id: x, label: X}
  - {id: y, label: Y}
  - {id: t, label: Total, sum_of: [x, y]}
rows:
  - {label: A, values: [1, 2, 4]}
sources: [A census]
`, `row "A", column "Total": printed 4, computed 3 (the sum of columns "X", "Y"); off by 1`},
		{"Difference", "mini/tables/people.yaml", `title: People
period: "2001"
columns:
  - {id: x, label: X}
rows:
  - {id: out, label: Outflows, values: [10]}
  - {id: in, label: Inflows, values: [4]}
  - {label: Balance, difference_of: [in, out], values: [6]}
sources: [A census]
`, `row "Balance", column "X": printed 6, computed -6 ("Inflows" − "Outflows"); off by 12`},
		{"PercentOfColumnTotal", "mini/tables/people.yaml", `title: People
period: "2001"
columns:
  - {id: n, label: Number}
  - {id: p, label: "%", unit: percent, percent_of: n, base_row: total}
rows:
  - {label: A, values: [1, 0.2]}
  - {id: total, label: Total, values: [3, 100.0]}
sources: [A census]
`, `row "A", column "%": printed 0.2%, computed 33.3% (1 / 3 of row "Total" × 100 = 33.3333)`},
		{"PercentParts", "mini/tables/people.yaml", `title: People
period: "2001"
columns:
  - {id: n, label: Number}
  - {id: p, label: "%", unit: percent, percent_of: n, base_row: total}
rows:
  - {label: A, values: [60, 60.0]}
  - {label: B, values: [40, 4.0]}
  - {id: total, label: Total, sum_of: preceding, values: [100, 100.0]}
sources: [A census]
`, `row "Total", column "%": printed 100.0, computed 64.0 (the sum of "A", "B"); off by 36.0, more than rounding explains`},
		{"PercentOfRowTotal", "mini/tables/people.yaml", `title: People
period: "2001"
columns:
  - {id: h, label: Households}
  - {id: e, label: Emigrant}
  - {id: p, label: "%", unit: percent, percent_of: e, base_column: h}
rows:
  - {label: A, values: [1714, 758, 44.3]}
sources: [A census]
`, `row "A", column "%": printed 44.3%, computed 44.2% (758 / 1,714 in column "Households" × 100 = 44.2240)`},
		{"DuplicateLink", "mini/frameworks/main.yaml", `title: F
body:
  - A[^1].
  - table: people
  - grid: policy
  - links: ["http://a.example", "http://a.example"]
`, `warning: links[1]: link listed twice: http://a.example`},
		{"CitationWithoutReference", "mini/frameworks/main.yaml", `title: F
body:
  - As Smith and Jones (2004) and (Doe, 2001) wrote[^1].
  - table: people
  - grid: policy
  - references: ["Smith A. and B. Jones. 2004. A book."]
`, `mini/frameworks/main.yaml:3:5: warning: body[0]: citation "(Doe, 2001)" matches no reference`},
		{"GridWithoutSource", "mini/grids/policy.yaml", "title: P\nrows:\n  - heading: H\n    entries: [{both: [x]}]\n", `mini/grids/policy.yaml:1:1: warning: sources: table "policy" (Table 2) has no source`},
		{"UncitedFootnote", "mini/footnotes.yaml", "\"1\": One.\n\"2\": Two.\n", `mini/footnotes.yaml:2:6: warning: 2: footnote 2 is never cited`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := diagnostics(t, with(withoutFigure(), tt.file, tt.data))
			for _, g := range got {
				if strings.Contains(g, tt.want) {
					if !strings.Contains(g, "warning:") {
						t.Errorf("reported as an error, want a warning: %s", g)
					}
					return
				}
			}
			t.Errorf("no warning containing\n  %s\ngot:\n  %s", tt.want, strings.Join(got, "\n  "))
		})
	}
}

// TestPercentRoundingHalf accepts either rounding of a value exactly half
// way between two printed values: the publication may round half up or
// half to even.
func TestPercentRoundingHalf(t *testing.T) {
	got := diagnostics(t, with(withoutFigure(), "mini/tables/people.yaml", `title: People
period: "2001"
columns:
  - {id: n, label: Number}
  - {id: p, label: "%", unit: percent, percent_of: n, base_row: total}
rows:
  - {label: A, values: [1, 13]}
  - {label: B, values: [7, 87]}
  - {id: total, label: Total, values: [8, 100]}
sources: [A census]
`))
	for _, g := range got {
		if strings.Contains(g, "printed") {
			t.Errorf("unexpected: %s", g)
		}
	}
}

// TestSourceLink checks that a source written as url and title loads as
// one link whose text is the title, and one without a title as the
// address itself (report.LinkText shortens it when printed).
func TestSourceLink(t *testing.T) {
	fsys := with(minimal(), "mini/grids/policy.yaml", "title: P\nrows:\n  - heading: H\n    entries:\n      - both: [x]\nsources:\n  - {url: \"http://a.org/law\", title: The law}\n  - url: \"http://a.org/x?id=7\"\n  - {label: Courts, url: \"http://a.org/c\"}\n")
	p, diags, err := load.Load(fsys, "mini")
	if err != nil || len(diags.Errors()) > 0 {
		t.Fatal(err, diags)
	}
	var got []string
	for _, s := range p.Grids[0].Sources {
		if len(s.Text) != 1 || s.Text[0].Kind != report.SpanLink {
			t.Fatalf("source %v is not one link", s.Text)
		}
		got = append(got, s.Label+"|"+s.Text[0].Text+"|"+s.Text[0].URL+"|"+report.LinkText(s.Text[0].Text, s.Text[0].URL))
	}
	want := []string{"|The law|http://a.org/law|The law", "|http://a.org/x?id=7|http://a.org/x?id=7|a.org, x 7", "Courts|http://a.org/c|http://a.org/c|a.org, c"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
}
