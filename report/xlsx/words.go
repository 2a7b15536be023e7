package xlsx

import (
	"reflect"

	"github.com/migprofile/migprofile/report"
)

// Words are the workbook's fixed words (Labels.Workbook of the profile);
// an empty field means its English default.
type Words = report.WorkbookLabels

// English are the default words.
var English = Words{
	Cover:           "Cover",
	Country:         "Country",
	PublicationDate: "Publication date",
	Authors:         "Authors",
	Publisher:       "Publisher",
	Project:         "Project",
	Website:         "Website",
	Copyright:       "Copyright",
	Funding:         "Funding",
	About:           "How this workbook is organised",
	AboutContents:   "The Contents sheet lists every sheet, with a link to it.",
	AboutNotes:      "The Notes sheet lists every note and source, numbered; other sheets refer to them as [note 1], [note 2], …",
	AboutTables:     "Each statistical table is on a sheet of its own, with its title in cell A1, information about it in column A, and the table below.",
	AboutGrids:      "The legal and socio-political framework tables are on sheets of their own, one row per paragraph or list item.",
	AboutCharts:     "Each figure is on a sheet of its own: a native chart, and the table of the values it draws, copied from a table sheet.",
	OneTable:        "This worksheet contains one table.",
	Sheet:           "Sheet",
	Title:           "Title",
	Period:          "Period",
	Note:            "note",
	NoteNumber:      "Note number",
	NoteText:        "Note text",
	AppliesTo:       "Applies to",
	ReportText:      "Report text",
	Row:             "Category",
	Parent:          "Parent",
	ParentInfo:      "The Parent column names the row that a row is part of.",
	Percent:         "%",
	Annotation:      "annotation",
	AnnotationInfo:  "A column whose heading ends in \"annotation\" holds the text printed in brackets after the number to its left in the publication, such as a reference year.",
	NotApplicable:   "not applicable",
	DashMark:        "[dash]",
	DashInfo:        report.DefaultDashInfo,
	ChartsInfo:      "Charts drawn from this table",
	Heading:         "Heading",
	Subheading:      "Subheading",
	Text:            "Text",
	Both:            "Both",
	Contact:         "Contact",
	NoContact:       "The publication names no contact.",
	Email:           "Email",
	Number:          "number",
	Link:            "Link",
	ContainsNotes:   "This table contains notes: cells that refer to one say [note N], and the notes are on the Notes sheet.",
	GridSources:     "The publication lists these sources under the table as a whole; it does not say which row each supports.",
	OneChart:        "This worksheet contains one chart and one table: the values the chart draws.",
	ChartFrom:       "Values copied from",
	Description:     "Description",
	Negative:        "drawn to the left of zero, so stored here as negative numbers",
}

// withDefaults returns w with every empty field set to its English word.
func withDefaults(w *Words) Words {
	if w == nil {
		return English
	}
	out := *w
	v := reflect.ValueOf(&out).Elem()
	def := reflect.ValueOf(English)
	for i := range v.NumField() {
		if f := v.Field(i); f.Kind() == reflect.String && f.String() == "" {
			f.SetString(def.Field(i).String())
		}
	}
	return out
}
