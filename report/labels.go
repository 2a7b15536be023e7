package report

import "reflect"

// WorkbookLabels are the fixed words of the Excel workbook beyond Labels:
// sheet and column headings and the sentences that explain the workbook.
// An empty field means the renderer's English default.
type WorkbookLabels struct {
	// Cover names the first sheet.
	Cover string
	// Country, PublicationDate, Authors, Publisher, Project, Website,
	// Copyright and Funding head the cover's sections.
	Country         string
	PublicationDate string
	Authors         string
	Publisher       string
	Project         string
	Website         string
	Copyright       string
	Funding         string
	// About heads the cover's description of the workbook.
	About string
	// AboutContents, AboutNotes, AboutTables, AboutGrids and AboutCharts
	// describe the kinds of sheet, one sentence each.
	AboutContents string
	AboutNotes    string
	AboutTables   string
	AboutGrids    string
	AboutCharts   string
	// OneTable says that a sheet holds one table.
	OneTable string
	// Sheet, Title and Period head the columns of the contents table.
	Sheet  string
	Title  string
	Period string
	// Note is the word in a note reference, "[note 3]".
	Note string
	// NoteNumber, NoteText and AppliesTo head the columns of the notes table.
	NoteNumber string
	NoteText   string
	AppliesTo  string
	// ReportText says that a note is cited in the report's prose.
	ReportText string
	// Row heads the row-label column of a table without a stub.
	Row string
	// Parent heads the column naming a sub-row's parent row.
	Parent string
	// ParentInfo explains the Parent column.
	ParentInfo string
	// Percent replaces a column label "%".
	Percent string
	// Annotation ends the heading of a column holding the text published
	// in brackets after a number, e.g. a reference year.
	Annotation string
	// AnnotationInfo explains the annotation columns.
	AnnotationInfo string
	// NotApplicable explains the shorthand [z].
	NotApplicable string
	// DashMark is the shorthand for a dash printed in a table; DashInfo
	// explains it.
	DashMark string
	DashInfo string
	// ChartsInfo introduces the figures drawn from a table.
	ChartsInfo string
	// Heading, Subheading and Text head the columns of a policy table;
	// Both says that an entry applies to outward and inward migration.
	Heading    string
	Subheading string
	Text       string
	Both       string
	// Contact heads the cover's contact section; NoContact fills it when
	// the profile names no contact.
	Contact   string
	NoContact string
	// Email introduces a contact's e-mail address.
	Email string
	// Number is the unit of a count column, in brackets after its heading:
	// "1998 (number)".
	Number string
	// Link heads the notes table's column of links.
	Link string
	// ContainsNotes says that a table's cells refer to notes.
	ContainsNotes string
	// GridSources says that a policy table's sources are listed for the
	// table as a whole, without saying which row each supports.
	GridSources string
	// OneChart says that a sheet holds one chart and the table it is
	// drawn from.
	OneChart string
	// ChartFrom introduces the table sheet a chart's data come from.
	ChartFrom string
	// Description introduces a chart's text alternative on its sheet.
	Description string
	// Negative says that a diverging chart's first series is stored as
	// negative numbers, to be drawn to the left of zero.
	Negative string
}

// DefaultDashInfo explains a dash printed in a table, when a profile's
// workbook words (DashInfo) say nothing.
const DefaultDashInfo = "printed as a dash (-) in the publication, which does not say whether it means nil or not available"

// DashMeaning is what a dash in a table means: DashInfo, or
// DefaultDashInfo.
func (w WorkbookLabels) DashMeaning() string {
	if w.DashInfo != "" {
		return w.DashInfo
	}
	return DefaultDashInfo
}

// DefaultLabels returns the English words a profile that names none is
// printed with. It is the one definition of the defaults: the loader, the
// renderers and the tests all take them from here. Workbook is left empty:
// the workbook's own words have their defaults in report/xlsx.
func DefaultLabels() Labels {
	return Labels{
		Outward: "Outward migration", Inward: "Inward migration",
		Table: "Table", Figure: "Figure", Source: "Source", Sources: "Sources",
		Notes: "Notes", Contents: "Contents", References: "References",
		Footnotes: "Footnotes", Links: "Links", Page: "Page", Of: "of",
		WrittenBy: "Report written by", Continued: "continued",
		Largest: "largest", Smallest: "smallest", NotAvailable: "not available",
		NotApplicable: "not applicable", Confidential: "confidential",
		Provisional: "provisional", Estimated: "estimated",
		ThousandsSep: ",", DecimalMark: ".", Colon: ": ", NumberEnd: ".",
		Symbols: GSSSymbols,
	}
}

// GSSSymbols are the UK Government Statistical Service's shorthand for
// missing values and flags: what the workbook always prints, and what the
// PDF and the Markdown print unless the profile chooses other symbols.
var GSSSymbols = Symbols{NotAvailable: "[x]", NotApplicable: "[z]", Confidential: "[c]", Provisional: "[p]", Estimated: "[e]"}

// WithDefaults returns l with every empty word replaced by its default
// (DefaultLabels), the punctuation by that of l.Language (see
// Punctuation) and each empty symbol by its GSS shorthand; Workbook is
// kept as it is.
func (l Labels) WithDefaults() Labels {
	colon, numberEnd := Punctuation(l.Language)
	if l.Colon == "" {
		l.Colon = colon
	}
	if l.NumberEnd == "" {
		l.NumberEnd = numberEnd
	}
	fill(reflect.ValueOf(&l).Elem(), reflect.ValueOf(DefaultLabels()))
	fill(reflect.ValueOf(&l.Symbols).Elem(), reflect.ValueOf(GSSSymbols))
	return l
}

// fill sets each empty string field of out to def's.
func fill(out, def reflect.Value) {
	for i := range out.NumField() {
		if f := out.Field(i); f.Kind() == reflect.String && f.String() == "" {
			f.SetString(def.Field(i).String())
		}
	}
}
