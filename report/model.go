// Package report holds the domain model of a migration profile, its
// validation and its arithmetic checks.
//
// The model does no I/O: the loader (report/load) decodes a profile's data
// folder into these types, and the renderers (report/pdf, report/markdown,
// report/xlsx) read them. Every element keeps the position of the data it
// came from, so that a problem found anywhere can name file, line and field.
package report

import "time"

// Pos is where an element was written: File is the slash-separated path
// of its file relative to the data folder (the fs.FS given to load.Load),
// so it starts with the profile's folder, as in "<profile>/tables/<id>.yaml";
// Line and Col are 1-based, zero when unknown.
type Pos struct {
	File string
	Line int
	Col  int
}

// Profile is one country's migration profile, ready to render.
type Profile struct {
	// Name is the profile's folder name under the data directory.
	Name string
	Meta Meta
	// Labels are the fixed words of the report ("Table", "Source", …), so
	// that a profile may be written in another language.
	Labels Labels
	// Frameworks are the report's parts in reading order.
	Frameworks []*Framework
	// Tables are the statistical tables in number order.
	Tables []*Table
	// Grids are the policy tables (legal, socio-political) in number order.
	Grids []*Grid
	// Figures are the charts in number order.
	Figures []*Figure
	// Footnotes are in the order of footnotes.yaml.
	Footnotes []*Footnote
}

// Meta is the profile's bibliographic data, shown on the cover and written
// into each output's document properties.
type Meta struct {
	Pos
	// Title is the document's title, e.g. "Migration Profile".
	Title string
	// Series names the collection the profile belongs to, e.g. "CARIM".
	Series  string
	Country string
	// Date is the publication date as printed, e.g. "May 2010".
	Date string
	// ISODate is the publication date as YYYY-MM or YYYY-MM-DD.
	ISODate string
	// Published is ISODate read as a date (a month alone is its first day);
	// zero when ISODate is empty or not a date.
	Published time.Time
	Language  string
	Authors   []string
	// Credit follows the authors on the cover ("on the basis of …").
	Credit    string
	Publisher string
	// Project is the programme that published the profile.
	Project   string
	Website   string
	Copyright string
	// Funding is the co-financing line.
	Funding string
	// Contact is whom readers write to about the profile; zero when the
	// publication names no one.
	Contact  Contact
	Keywords []string
	// Fonts are TrueType fonts the profile brings for scripts the bundled
	// fonts lack (e.g. CJK), tried after them, in order.
	Fonts []Font
	// Logos are the emblems of the publisher, the series and the funders,
	// shown in a row on the cover, in order.
	Logos []Image
}

// Contact is a person or office readers can write to, any field of which
// may be empty.
type Contact struct {
	Name string
	// Email is an e-mail address, without "mailto:".
	Email string
	// URL is a web page, e.g. a contact form.
	URL string
}

// IsZero reports whether the contact names no one.
func (c Contact) IsZero() bool { return c == Contact{} }

// Image is a picture file of a profile, e.g. a logo, read and checked by
// the loader.
type Image struct {
	Pos
	// Path is the file's path in the profile folder, e.g. "logos/eui.png".
	Path string
	// Alt names what the picture shows, e.g. "European University Institute".
	Alt string
	// Format is "png" or "jpeg", read from the file's content.
	Format string
	// Width and Height are the picture's size in pixels.
	Width, Height int
	Data          []byte
}

// Font is a TrueType font file of a profile.
type Font struct {
	Pos
	// Path is the file's path in the profile folder, e.g. "fonts/x.ttf".
	Path string
	Data []byte
}

// Labels are the fixed words a renderer prints around the data.
type Labels struct {
	Outward    string
	Inward     string
	Table      string
	Figure     string
	Source     string
	Sources    string
	Notes      string
	Contents   string
	References string
	Footnotes  string
	Links      string
	Page       string
	Of         string
	// WrittenBy introduces the authors on the cover ("Report written by").
	WrittenBy string
	// Continued marks a table's caption repeated on a later page.
	Continued string
	// Largest and Smallest introduce the extremes of a figure's series in
	// its text alternative ("largest Ivory Coast (523,231)").
	Largest  string
	Smallest string
	// NotAvailable explains a published blank in a table, and a value
	// marked not available.
	NotAvailable string
	// NotApplicable, Confidential, Provisional and Estimated explain the
	// other kinds of missing value and the flags on a value, in the
	// legend under a table that uses them.
	NotApplicable string
	Confidential  string
	Provisional   string
	Estimated     string
	// Symbols are what the PDF and the Markdown print for each kind of
	// missing value and flag (the workbook prints the GSS shorthand).
	Symbols Symbols
	// Language is the profile's language tag: it chooses the punctuation
	// rules (Colon, Numbered).
	Language string
	// Colon is what follows a label ("Source: "); by default ": " in
	// English and a narrow no-break space before the colon in French.
	Colon string
	// NumberEnd ends the lead of a caption, after the number ("Table 3."):
	// "." by default, a narrow no-break space and ":" in French.
	NumberEnd string
	// ThousandsSep and DecimalMark format the numbers of the tables,
	// e.g. "," and "." for 924,497 and 80.6.
	ThousandsSep string
	DecimalMark  string
	// Workbook are the words of the Excel workbook.
	Workbook WorkbookLabels
}

// Framework is one of the report's parts, e.g. the Legal Framework of
// Migration: a title and a sequence of blocks.
type Framework struct {
	Pos
	ID     string
	Title  string
	Blocks []Block
}

// BlockKind tells which field of a Block is set.
type BlockKind int

// The kinds of block a framework is made of.
const (
	// Paragraph is full-width prose (Block.Text).
	Paragraph BlockKind = iota + 1
	// Heading is a full-width heading inside a framework (Block.Text).
	Heading
	// TableBlock places a statistical table (Block.Table).
	TableBlock
	// GridBlock places a policy table (Block.Grid).
	GridBlock
	// FigureBlock places a chart (Block.Figure).
	FigureBlock
	// ColumnsBlock is side-by-side outward and inward content (Block.Columns).
	ColumnsBlock
	// ReferencesBlock lists bibliographic references (Block.Items).
	ReferencesBlock
	// LinksBlock lists source links (Block.Items; each is a URL).
	LinksBlock
)

// Block is one element of a framework's body.
type Block struct {
	Pos
	Kind    BlockKind
	Text    Text
	Table   *Table
	Grid    *Grid
	Figure  *Figure
	Columns *Columns
	Items   []Text
}

// Columns is content set side by side: outward migration on the left,
// inward migration on the right.
type Columns struct {
	Pos
	Outward []Item
	Inward  []Item
}

// ItemKind tells what an Item is.
type ItemKind int

// The kinds of item inside a column or a grid cell.
const (
	ItemParagraph ItemKind = iota + 1
	ItemHeading
	ItemList
)

// Item is a paragraph, a sub-heading or a bulleted list inside a column or
// a grid cell.
type Item struct {
	Pos
	Kind ItemKind
	// Text is set for paragraphs and headings.
	Text Text
	// List is set for bulleted lists, one Text per bullet.
	List []Text
}

// Text is a run of prose with inline footnote citations and links.
type Text []Span

// SpanKind tells what a Span is.
type SpanKind int

// The kinds of span in a Text.
const (
	SpanPlain SpanKind = iota + 1
	// SpanNote cites a footnote; Span.Note is set.
	SpanNote
	// SpanLink is a URL written in the text; Span.URL is the target.
	SpanLink
)

// Span is a piece of a Text.
type Span struct {
	Kind SpanKind
	// Text is the visible text (for a note, its number as printed).
	Text string
	Note *Footnote
	URL  string
}

// String returns the text as printed, footnote markers included.
func (t Text) String() string {
	n := 0
	for _, s := range t {
		n += len(s.Text)
	}
	b := make([]byte, 0, n)
	for _, s := range t {
		b = append(b, s.Text...)
	}
	return string(b)
}

// Plain returns the text without footnote markers.
func (t Text) Plain() string {
	var b []byte
	for _, s := range t {
		if s.Kind != SpanNote {
			b = append(b, s.Text...)
		}
	}
	return string(b)
}

// Footnote is a numbered note at the foot of the page that cites it.
type Footnote struct {
	Pos
	// ID is the footnote's number as published, e.g. "1".
	ID   string
	Text Text
}

// Source is a line under a table naming where its numbers come from.
type Source struct {
	Pos
	// Label is printed before the text, e.g. "Source" or
	// "Sources of destination countries".
	Label string
	Text  Text
}

// Table is a statistical table.
type Table struct {
	Pos
	ID string
	// Number is the table's number in the report ("Table 1"), shared by
	// statistical and policy tables, in order of appearance.
	Number int
	Title  string
	// Period is the time the numbers refer to, e.g. "2001" or "1988–1992".
	Period string
	// Stub is the heading of the row-label column.
	Stub    string
	Columns []*Column
	Rows    []*Row
	Sources []Source
	Notes   []Text
}

// Unit says what a column's numbers measure.
type Unit int

// The units of a column.
const (
	Count Unit = iota + 1
	Percent
	// Rate is a rate, a ratio, a mean or a median (per 1,000, years): it
	// does not add up (aggregate none by default) and may be negative.
	Rate
)

// Column is a column of a statistical table.
type Column struct {
	Pos
	ID    string
	Label string
	// Group is the grouped header above the column, e.g. "1998"; adjacent
	// columns with the same group share one header cell.
	Group string
	Unit  Unit
	// SumOf lists the columns whose values add up to this one, row by row.
	SumOf []*Column
	// PercentOf is the numerator column of a percentage column.
	PercentOf *Column
	// BaseRow, for a percentage column, is the row whose value in the
	// numerator column is the denominator (a share of the column total).
	BaseRow *Row
	// BaseColumn, for a percentage column, is the column whose value in
	// the same row is the denominator (a share of the row total).
	BaseColumn *Column
	// Signed allows negative values in a count column (a balance, a
	// change); a DifferenceOf column is signed.
	Signed bool
	// DifferenceOf is [minuend, subtrahend]: the column is their
	// difference row by row, e.g. net migration = immigrants − emigrants.
	DifferenceOf []*Column
	// Aggregate is how the column's values combine down a total row:
	// Sum (the default), NoAggregate (a rate, a median: exempt from sum
	// checks) or WeightedMean (the total is the mean of the parts
	// weighted by the column Weight).
	Aggregate Aggregate
	Weight    *Column
}

// Aggregate says how the values of a column (or row) combine into a
// total.
type Aggregate int

// The ways values combine.
const (
	// Sum is the default: a total is the sum of its parts.
	Sum Aggregate = iota
	// NoAggregate exempts the values from sum and difference checks.
	NoAggregate
	// WeightedMean: a total is the mean of its parts weighted by another
	// column.
	WeightedMean
)

// Heading returns the column's flattened header, e.g. "1998 Number".
func (c *Column) Heading() string {
	if c.Group == "" {
		return c.Label
	}
	if c.Label == "" {
		return c.Group
	}
	return c.Group + " " + c.Label
}

// Row is a row of a statistical table.
type Row struct {
	Pos
	ID    string
	Label string
	// Lead is printed before the label, e.g. "of which".
	Lead string
	// Level is the indentation: 0 for a top row, 1 for its sub-rows.
	Level int
	// Total marks a row that sums others (printed in bold).
	Total bool
	// Signed allows negative values in the row's count cells (a net
	// migration row, a change from the previous year).
	Signed bool
	// Unit is the row's own unit, printed after its label ("years",
	// "%"), for a table whose rows measure different things.
	Unit string
	// Aggregate is how the row combines with others: Sum (the default)
	// or NoAggregate, which exempts it from the checks of columns that
	// sum or subtract other columns (a rate row in a table of counts).
	Aggregate Aggregate
	// LabelOnly marks a group row written without values: its cells are
	// "not applicable" and printed empty.
	LabelOnly bool
	Cells     []Cell
	// SumOf lists the rows whose values add up to this one, column by column.
	SumOf []*Row
	// DifferenceOf is [minuend, subtrahend]: this row is their difference,
	// e.g. a migratory balance = inflows − outflows.
	DifferenceOf []*Row
}

// Heading returns the row's label as printed, with its own unit in
// brackets after it when it has one: "Median age (years)".
func (r *Row) Heading() string {
	if r.Unit == "" {
		return r.Label
	}
	return r.Label + " (" + r.Unit + ")"
}

// CellKind tells what a table cell holds.
type CellKind int

// The kinds of table cell.
const (
	// Blank is an empty cell in the publication.
	Blank CellKind = iota + 1
	// Dash is a cell printed as "-" in the publication.
	Dash
	// Number is a numeric cell.
	Number
	// NotAvailable is a value the publication marks as not available
	// (written ".." or "[x]"), as opposed to a plain blank.
	NotAvailable
	// NotApplicable is a value that cannot exist ("[z]"); the cells of a
	// label-only row are not applicable too (Cell.Quiet).
	NotApplicable
	// Confidential is a value withheld to protect confidentiality ("[c]").
	Confidential
)

// Cell is a value of a statistical table, kept exactly as published: the
// digits written, the number of decimals, and an optional annotation such
// as a reference year.
type Cell struct {
	Pos
	Kind CellKind
	// Units is the value scaled by 10^Decimals (924497 for 924,497;
	// 1000 for 100.0), so that arithmetic checks are exact.
	Units    int64
	Decimals int
	// Note is an annotation printed after the number, e.g. "1998" in
	// "792,258 (1998)".
	Note string
	// Provisional and Estimated flag a number that may be revised or
	// that was estimated ("[p]", "[e]"): the number stays, the flag's
	// symbol follows it.
	Provisional bool
	Estimated   bool
	// Quiet marks a not-applicable cell of a label-only row: printed
	// empty in the PDF and the Markdown, "[z]" in the workbook.
	Quiet bool
}

// Symbols are the marks printed for missing values and flags.
type Symbols struct {
	NotAvailable  string
	NotApplicable string
	Confidential  string
	Provisional   string
	Estimated     string
}

// Grid is a policy table: row headings on the left, outward and inward
// content side by side, entries that may span both.
type Grid struct {
	Pos
	ID     string
	Number int
	Title  string
	Rows   []*GridRow
	// Sources are the links or references the table's content comes from.
	Sources []Source
}

// GridRow is one heading of a policy table and its entries, top to bottom.
type GridRow struct {
	Pos
	Heading    string
	Subheading string
	Entries    []*GridEntry
}

// GridEntry is one horizontal band of a grid row: either content that spans
// both columns (Both), or outward and inward content side by side.
type GridEntry struct {
	Pos
	Both    []Item
	Outward []Item
	Inward  []Item
}

// Spans reports whether the entry spans both columns.
func (e *GridEntry) Spans() bool { return len(e.Both) > 0 }

// FigureKind is the kind of chart a figure is drawn as.
type FigureKind string

// The kinds of figure.
const (
	// HorizontalBars draws one bar per category, horizontally, with labels.
	HorizontalBars FigureKind = "horizontal-bars"
	// GroupedBars draws several series side by side per category.
	GroupedBars FigureKind = "grouped-bars"
	// DivergingBars draws series around zero, e.g. inflows, outflows and balance.
	DivergingBars FigureKind = "diverging-bars"
	// PercentBars draws one vertical bar per category.
	PercentBars FigureKind = "percent-bars"
)

// Figure is a chart drawn from a statistical table. Its data are resolved
// by Data (figure.go), under rules Profile.Validate reports.
type Figure struct {
	Pos
	ID     string
	Number int
	Kind   FigureKind
	// KindPos is where Kind was written.
	KindPos Pos
	Title   string
	// Caption is a sentence under the figure.
	Caption string
	Table   *Table
	// Transpose draws the table's columns as categories and its rows as
	// series (by default rows are categories and columns are series).
	Transpose bool
	// Categories are the row (or, transposed, column) ids drawn, in order.
	Categories []Ref
	// CategoryLabels, when given, name the categories drawn instead of
	// their rows' labels (or columns' headings), one per category: two
	// rows that share a label ("Other" under two regions) can then be
	// told apart.
	CategoryLabels []string
	// Series are the column (or, transposed, row) ids drawn, in order.
	Series []Ref
	// Sort orders categories by the first series: "", "ascending" or "descending".
	Sort string
	// SortPos is where Sort was written.
	SortPos Pos
	// Sources default to the table's.
	Sources []Source
	// ValueAxis is the value axis' title, e.g. "Number of Malians
	// abroad"; "" derives one from the columns drawn (see AxisTitle).
	ValueAxis string
	// Range fixes the value axis' extent, [low, high]; nil fits the axis
	// to the data with round ends (see Problems for its rules).
	Range []float64
	// RangePos is where Range was written.
	RangePos Pos
	// Span is what a fitted value axis must reach besides the figure's
	// own values, [low, high]: the panels of one figure share their
	// scale (see Panels). Never read from data.
	Span []float64
}

// Ref is an id that refers to another element, with where it was written,
// so that a reference that does not resolve can be pointed at.
type Ref struct {
	Pos
	ID string
}
