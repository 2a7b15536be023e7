package markdown

import (
	"testing"

	"github.com/migprofile/migprofile/report"
	"github.com/migprofile/migprofile/report/reporttest"
)

// mali is the Mali profile of data/mali.
func mali(tb testing.TB) *report.Profile { return reporttest.Mali(tb) }

func plainText(s string) report.Text { return report.Text{{Kind: report.SpanPlain, Text: s}} }

// odd builds by hand a small profile whose text is full of Markdown
// syntax, control characters and other oddities, to check that everything
// is printed as written and that no table loses a column.
func odd() *report.Profile {
	l := report.DefaultLabels()
	l.Outward, l.Inward = "Outward | migration", "Inward *migration*"
	n1 := &report.Footnote{ID: "1", Text: plainText("First note with a | pipe and *stars*.")}
	n2 := &report.Footnote{ID: "2", Text: report.Text{
		{Kind: report.SpanPlain, Text: "See "},
		{Kind: report.SpanLink, Text: "www.example.org/a_b", URL: "http://www.example.org/a_b"},
		{Kind: report.SpanPlain, Text: " and "},
		{Kind: report.SpanLink, Text: "http://example.org/x|y", URL: "http://example.org/x|y"},
		{Kind: report.SpanPlain, Text: "."},
	}}
	n3 := &report.Footnote{ID: "3", Text: plainText("# Not a heading")}
	n4 := &report.Footnote{ID: "4", Text: plainText("Cited from a table cell.")}

	count := func(units int64) report.Cell { return report.Cell{Kind: report.Number, Units: units} }
	pct := func(units int64) report.Cell { return report.Cell{Kind: report.Number, Units: units, Decimals: 1} }
	colN := &report.Column{ID: "n", Group: "2001 | census", Label: "Number", Unit: report.Count}
	colP := &report.Column{ID: "p", Group: "2001 | census", Label: "%", Unit: report.Percent}
	colDup := &report.Column{ID: "n2", Group: "2001 | census", Label: "Number", Unit: report.Count}
	tab := &report.Table{
		ID: "t", Number: 1, Title: "People by *region* | place", Period: "1998–2001",
		Stub:    "Region <of> residence",
		Columns: []*report.Column{colN, colP, colDup},
		Rows: []*report.Row{
			{ID: "a", Label: "Africa [main]", Cells: []report.Cell{count(745503), pct(806), {Kind: report.Blank}}},
			{ID: "b", Lead: "of which", Label: "Senegal (*)", Level: 1, Cells: []report.Cell{count(50442), pct(55), {Kind: report.Number, Units: 792258, Note: "1998"}}},
			{ID: "c", Label: "- dash row", Level: 1, Cells: []report.Cell{{Kind: report.Dash}, pct(0), count(-1967)}},
			{ID: "d", Label: "1. not a list", Level: 2, Cells: []report.Cell{count(1), pct(1), count(2)}},
			{ID: "total", Label: "Total", Total: true, Cells: []report.Cell{count(924497), pct(1000), {Kind: report.Blank}}},
		},
		Sources: []report.Source{
			{Text: plainText("Recensement | Mali")},
			{Label: "Sources of destination countries", Text: report.Text{
				{Kind: report.SpanPlain, Text: "National census"},
				{Kind: report.SpanNote, Text: "4", Note: n4},
			}},
		},
		Notes: []report.Text{plainText("(*) Senegal + Gambia"), plainText("(**) France + Spain")},
	}
	grid := &report.Grid{
		ID: "g", Number: 2, Title: "Country's legal framework",
		Rows: []*report.GridRow{
			{Heading: "General | references", Entries: []*report.GridEntry{
				{Inward: []report.Item{{Kind: report.ItemParagraph, Text: plainText("Law 04-058 of 25 November 2004.")}}},
				{Both: []report.Item{{Kind: report.ItemParagraph, Text: report.Text{
					{Kind: report.SpanPlain, Text: "1990 Convention"},
					{Kind: report.SpanNote, Text: "1", Note: n1},
					{Kind: report.SpanPlain, Text: ": ratified."},
				}}}},
			}},
			{Heading: "Circulation", Subheading: "Entry and Exit", Entries: []*report.GridEntry{
				{
					Outward: []report.Item{
						{Kind: report.ItemHeading, Text: plainText("Rules")},
						{Kind: report.ItemParagraph, Text: plainText("Freedom to leave\nis not guaranteed.")},
						{Kind: report.ItemList, List: []report.Text{plainText("first | bullet"), plainText("- second")}},
					},
					Inward: []report.Item{{Kind: report.ItemParagraph, Text: plainText("<b>not html</b> & &amp; `code`")}},
				},
			}},
			{Heading: "Empty row"},
		},
		Sources: []report.Source{
			{Text: report.Text{{Kind: report.SpanLink, Text: "http://example.org/law", URL: "http://example.org/law"}}},
			{Text: report.Text{{Kind: report.SpanLink, Text: "http://example.org/a b", URL: "http://example.org/a b"}}},
		},
	}
	fig := &report.Figure{
		ID: "f", Number: 1, Kind: report.HorizontalBars, Title: "People by [region]",
		Caption: "Bars _are_ counts.", Table: tab, Series: []report.Ref{{ID: "n"}},
	}
	p := &report.Profile{
		Name: "odd",
		Meta: report.Meta{
			Title: "Migration Profile: a test", Series: "CARIM", Country: "Oddland #1",
			Date: "May 2010", ISODate: "2010-05", Language: "en",
			Authors:   []string{`Ann "Quote" O'Neil`, "- Dash Author", "Ünïcode 🙂"},
			Credit:    "on the basis of *data*",
			Publisher: "Publisher",
		},
		Labels:    l,
		Tables:    []*report.Table{tab},
		Grids:     []*report.Grid{grid},
		Figures:   []*report.Figure{fig},
		Footnotes: []*report.Footnote{n1, n2, n3, n4},
	}
	p.Frameworks = []*report.Framework{
		{ID: "one", Title: "The *first* framework", Blocks: []report.Block{
			{Kind: report.Paragraph, Text: report.Text{
				{Kind: report.SpanNote, Text: "3", Note: n3},
				{Kind: report.SpanPlain, Text: ": a paragraph that starts with a note, then | pipes, *stars*, _under_, `ticks`, [brackets](x), <tags>, ~~strike~~, \\ backslash, &copy; entity, emoji 🙂, control\x01char, tab\there."},
			}},
			{Kind: report.Paragraph, Text: plainText("# not a heading")},
			{Kind: report.Paragraph, Text: plainText("1. not a list either")},
			{Kind: report.Paragraph, Text: plainText("> not a quote")},
			{Kind: report.Paragraph, Text: plainText("---")},
			{Kind: report.Paragraph, Text: plainText("    four spaces are not code")},
			{Kind: report.Paragraph, Text: report.Text{
				{Kind: report.SpanPlain, Text: "Wow!"},
				{Kind: report.SpanLink, Text: "www.example.org", URL: "http://www.example.org"},
				{Kind: report.SpanPlain, Text: " and a note"},
				{Kind: report.SpanNote, Text: "2", Note: n2},
			}},
			{Kind: report.Heading, Text: plainText("Stock")},
			{Kind: report.TableBlock, Table: tab},
			{Kind: report.FigureBlock, Figure: fig},
			{Kind: report.ColumnsBlock, Columns: &report.Columns{
				Outward: []report.Item{
					{Kind: report.ItemHeading, Text: plainText("Stock")},
					{Kind: report.ItemParagraph, Text: plainText("+ plus is not a list")},
					{Kind: report.ItemList, List: []report.Text{plainText("1) one"), plainText("* two")}},
				},
				Inward: []report.Item{
					{Kind: report.ItemHeading, Text: plainText("Stock")},
					{Kind: report.ItemParagraph, Text: plainText("= not a setext underline")},
				},
			}},
			{Kind: report.ReferencesBlock, Items: []report.Text{plainText("Doe J. 2005. *Title*, [publisher].")}},
		}},
		{ID: "two", Title: "Stock", Blocks: []report.Block{
			{Kind: report.GridBlock, Grid: grid},
			{Kind: report.LinksBlock, Items: []report.Text{
				{{Kind: report.SpanLink, Text: "http://example.org/a_b#c", URL: "http://example.org/a_b#c"}},
			}},
		}},
	}
	return p
}
