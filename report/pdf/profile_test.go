package pdf

import (
	"fmt"
	"strings"
	"testing"

	"github.com/migprofile/migprofile/report"
)

func labels() report.Labels {
	return report.DefaultLabels()
}

func meta() report.Meta {
	return report.Meta{Title: "Migration Profile", Series: "TEST", Country: "Testland", Date: "May 2010",
		ISODate: "2010-05", Language: "en", Authors: []string{"A. Author"}, Publisher: "Publisher",
		Project: "Project", Copyright: "© 2010", Funding: "Funding", Keywords: []string{"test"}}
}

func text(s string) report.Text { return report.Text{{Kind: report.SpanPlain, Text: s}} }

// smallProfile has s everywhere text goes: prose, columns, a table, a grid,
// a footnote, the metadata.
func smallProfile(s string) *report.Profile {
	note := &report.Footnote{ID: "1", Text: text(s)}
	col := &report.Column{ID: "n", Label: s, Group: s, Unit: report.Count}
	row := &report.Row{ID: "r", Label: s, Lead: s, Level: 1, Cells: []report.Cell{{Kind: report.Number, Units: 12345}}}
	tab := &report.Table{ID: "t", Number: 1, Title: s, Period: s, Stub: s, Columns: []*report.Column{col},
		Rows: []*report.Row{row}, Sources: []report.Source{{Label: s, Text: text(s)}}, Notes: []report.Text{text(s)}}
	grid := &report.Grid{ID: "g", Number: 2, Title: s, Rows: []*report.GridRow{{Heading: s, Subheading: s,
		Entries: []*report.GridEntry{{Both: []report.Item{{Kind: report.ItemParagraph, Text: text(s)}}},
			{Outward: []report.Item{{Kind: report.ItemList, List: []report.Text{text(s)}}}, Inward: []report.Item{{Kind: report.ItemHeading, Text: text(s)}}}}}},
		Sources: []report.Source{{Text: report.Text{{Kind: report.SpanLink, Text: s, URL: s}}}}}
	m := meta()
	m.Country, m.Title, m.Authors = s, s, []string{s}
	cited := report.Text{{Kind: report.SpanPlain, Text: s}, {Kind: report.SpanNote, Text: "1", Note: note}}
	return &report.Profile{
		Meta: m, Labels: labels(),
		Frameworks: []*report.Framework{{ID: "f", Title: s, Blocks: []report.Block{
			{Kind: report.Paragraph, Text: cited},
			{Kind: report.Heading, Text: text(s)},
			{Kind: report.TableBlock, Table: tab},
			{Kind: report.ColumnsBlock, Columns: &report.Columns{
				Outward: []report.Item{{Kind: report.ItemHeading, Text: text(s)}, {Kind: report.ItemParagraph, Text: text(s)}},
				Inward:  []report.Item{{Kind: report.ItemParagraph, Text: text(s)}}}},
			{Kind: report.GridBlock, Grid: grid},
			{Kind: report.ReferencesBlock, Items: []report.Text{text(s)}},
			{Kind: report.LinksBlock, Items: []report.Text{{{Kind: report.SpanLink, Text: s, URL: s}}}},
		}}},
		Tables: []*report.Table{tab}, Grids: []*report.Grid{grid}, Footnotes: []*report.Footnote{note},
	}
}

// longProfile has a two-column section much longer than a page, with a
// footnote cited in each column, headings inside the columns, and a table
// of 150 rows.
func longProfile(testing.TB) *report.Profile {
	noteL := &report.Footnote{ID: "1", Text: text("Note text L, cited in the left column.")}
	noteR := &report.Footnote{ID: "2", Text: text("Note text R, cited in the right column.")}
	para := func(side string, i int) report.Item {
		t := text(fmt.Sprintf("%s %d %s", side, i, strings.Repeat("lorem ipsum dolor sit amet ", 3+i%5)))
		switch {
		case side == "Left" && i == 37:
			t = append(t, report.Span{Kind: report.SpanPlain, Text: " citeL"}, report.Span{Kind: report.SpanNote, Text: "1", Note: noteL})
		case side == "Right" && i == 15:
			t = append(t, report.Span{Kind: report.SpanPlain, Text: " citeR"}, report.Span{Kind: report.SpanNote, Text: "2", Note: noteR})
		}
		return report.Item{Kind: report.ItemParagraph, Text: t}
	}
	var left, right []report.Item
	for i := 1; i <= 80; i++ {
		if i%12 == 0 {
			left = append(left, report.Item{Kind: report.ItemHeading, Text: text(fmt.Sprintf("Heading %d", i))})
		}
		left = append(left, para("Left", i))
	}
	for i := 1; i <= 20; i++ {
		right = append(right, para("Right", i))
	}
	count := &report.Column{ID: "count", Label: "Count", Group: "Year", Unit: report.Count}
	share := &report.Column{ID: "share", Label: "Share", Group: "Year", Unit: report.Percent}
	tab := &report.Table{ID: "big", Number: 1, Title: "A long table", Period: "2000", Stub: "Row",
		Columns: []*report.Column{count, share}, Sources: []report.Source{{Text: text("Invented")}}}
	for i := 1; i <= 150; i++ {
		tab.Rows = append(tab.Rows, &report.Row{ID: fmt.Sprint(i), Label: fmt.Sprintf("Row %d ", i),
			Cells: []report.Cell{{Kind: report.Number, Units: int64(i * 1000)}, {Kind: report.Number, Units: int64(i), Decimals: 1}}})
	}
	return &report.Profile{
		Meta: meta(), Labels: labels(),
		Frameworks: []*report.Framework{{ID: "long", Title: "A long framework", Blocks: []report.Block{
			{Kind: report.Paragraph, Text: text("Introduction " + strings.Repeat("of some length ", 40))},
			{Kind: report.ColumnsBlock, Columns: &report.Columns{Outward: left, Inward: right}},
			{Kind: report.Paragraph, Text: text("After the columns, a closing paragraph.")},
			{Kind: report.TableBlock, Table: tab},
		}}},
		Tables: []*report.Table{tab}, Footnotes: []*report.Footnote{noteL, noteR},
	}
}
