package xlsx

import (
	"testing"

	"github.com/migprofile/migprofile/report"
	"github.com/migprofile/migprofile/report/reporttest"
)

// mali is the Mali profile of data/mali.
func mali(tb testing.TB) *report.Profile { return reporttest.Mali(tb) }

// plain returns a Text of one plain span.
func plain(s string) report.Text { return report.Text{{Kind: report.SpanPlain, Text: s}} }

// num returns a number cell.
func num(units int64, decimals int, note string) report.Cell {
	return report.Cell{Kind: report.Number, Units: units, Decimals: decimals, Note: note}
}

// handmade builds a small profile exercising every feature, with hostile
// text: formula-like strings, control characters, emoji, long text.
func handmade() *report.Profile {
	fn1 := &report.Footnote{ID: "1", Text: plain("=HYPERLINK(\"http://evil\",\"x\")")}
	fn2 := &report.Footnote{ID: "2", Text: plain("Second note \x01 with a control character and an emoji 🌍.")}
	n := &report.Column{ID: "n", Group: "1998", Label: "Number", Unit: report.Count}
	pct := &report.Column{ID: "pct", Group: "1998", Label: "%", Unit: report.Percent, PercentOf: n}
	m := &report.Column{ID: "m", Group: "+2001", Label: "Number", Unit: report.Count}
	rows := []*report.Row{
		{ID: "a", Label: "=SUM(A1:A9)", Cells: []report.Cell{num(745503, 0, ""), num(806, 1, ""), {Kind: report.Blank}}},
		{ID: "b", Label: "-b", Lead: "of which", Level: 1, Cells: []report.Cell{num(523231, 0, ""), num(566, 1, ""), num(792258, 0, "1998")}},
		{ID: "c", Label: "@c", Level: 1, Cells: []report.Cell{num(222272, 0, ""), num(240, 1, ""), {Kind: report.Dash}}},
		{ID: "d", Label: "+d", Cells: []report.Cell{num(-1967, 0, ""), num(-2, 1, ""), num(12345, 2, "US'00; CAN'06")}},
		{ID: "total", Label: "Total", Total: true, Cells: []report.Cell{num(743536, 0, ""), num(1000, 1, ""), {Kind: report.Blank}}},
	}
	t1 := &report.Table{
		ID: "stock", Number: 1, Title: "=1+1 stock by region", Period: "2001", Stub: "Region",
		Columns: []*report.Column{n, pct, m}, Rows: rows,
		Sources: []report.Source{{Text: plain("-census")}, {Label: "Sources of destination countries", Text: report.Text{{Kind: report.SpanPlain, Text: "National census"}, {Kind: report.SpanNote, Text: "2", Note: fn2}}}},
		Notes:   []report.Text{plain("(*) a note")},
	}
	y1 := &report.Column{ID: "y1976", Label: "1976"}
	y2 := &report.Column{ID: "y1987", Label: "1987"}
	t3 := &report.Table{
		ID: "flows", Number: 3, Title: "Flows", Period: "1976–1987", Stub: "",
		Columns: []*report.Column{y1, y2},
		Rows: []*report.Row{
			{ID: "in", Label: "Inflows", Cells: []report.Cell{num(100, 0, ""), num(200, 0, "")}},
			{ID: "out", Label: "Outflows", Cells: []report.Cell{num(300, 0, ""), num(50, 0, "")}},
			{ID: "bal", Label: "Balance", Cells: []report.Cell{num(-200, 0, ""), num(150, 0, "")}},
		},
		Sources: []report.Source{{Label: "Source", Text: plain("Somewhere")}},
	}
	g := &report.Grid{
		ID: "legal", Number: 2, Title: "Legal framework",
		Rows: []*report.GridRow{
			{Heading: "Circulation", Subheading: "Entry and Exit", Entries: []*report.GridEntry{
				{Both: []report.Item{{Kind: report.ItemParagraph, Text: report.Text{{Kind: report.SpanPlain, Text: "Palermo protocols"}, {Kind: report.SpanNote, Text: "1", Note: fn1}, {Kind: report.SpanPlain, Text: ": ratified"}}}}},
				{Outward: []report.Item{{Kind: report.ItemParagraph, Text: plain("=cmd|' /C calc'!A0")}}, Inward: []report.Item{{Kind: report.ItemList, List: []report.Text{plain("first"), plain("second")}}}},
			}},
			{Heading: "Empty"},
		},
		Sources: []report.Source{{Text: plain("http://example.org/a")}},
	}
	return &report.Profile{
		Name: "handmade",
		Meta: report.Meta{
			Title: "Migration Profile", Series: "TEST", Country: "Utopia", Date: "May 2010", ISODate: "2010-05",
			Language: "en", Authors: []string{"A. Author", "B. Author"}, Publisher: "Publisher",
			Website: "www.example.org", Copyright: "© 2010", Keywords: []string{"migration", "test"},
		},
		Labels: report.DefaultLabels(),
		Frameworks: []*report.Framework{{ID: "x", Title: "Framework", Blocks: []report.Block{
			{Kind: report.TableBlock, Table: t1}, {Kind: report.GridBlock, Grid: g}, {Kind: report.TableBlock, Table: t3},
		}}},
		Tables: []*report.Table{t1, t3},
		Grids:  []*report.Grid{g},
		Figures: []*report.Figure{
			{ID: "stock-bars", Number: 1, Kind: report.HorizontalBars, Title: "Stock", Table: t1, Series: refs("n"), Categories: refs("a", "c", "b"), Sort: "descending"},
			{ID: "flows", Number: 2, Kind: report.DivergingBars, Title: "Flows", Table: t3, Series: refs("in", "out", "bal"), Transpose: true},
			{ID: "pct", Number: 3, Kind: report.PercentBars, Title: "Shares", Table: t1, Series: refs("pct"), Categories: refs("c", "a")},
		},
		Footnotes: []*report.Footnote{fn1, fn2},
	}
}

// refs turns ids into references, as the loader writes them.
func refs(ids ...string) []report.Ref {
	out := make([]report.Ref, len(ids))
	for i, id := range ids {
		out[i] = report.Ref{ID: id}
	}
	return out
}
