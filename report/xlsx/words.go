package xlsx

import "github.com/migprofile/migprofile/report"

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
	AboutCharts:     "Each figure is a chart on a chart sheet of its own, drawn from the cells of a table sheet.",
	OneTable:        "This worksheet contains one table.",
	Sheet:           "Sheet",
	Title:           "Title",
	Period:          "Period",
	Note:            "note",
	NoteNumber:      "Note number",
	NoteText:        "Note text",
	AppliesTo:       "Applies to",
	ReportText:      "Report text",
	Row:             "Row",
	Parent:          "Parent",
	ParentInfo:      "The Parent column names the row that a row is part of.",
	Percent:         "percent",
	Annotation:      "annotation",
	AnnotationInfo:  "A column whose heading ends in \"annotation\" holds the text printed in brackets after the number to its left in the publication, such as a reference year.",
	NotApplicable:   "not applicable",
	DashMark:        "[dash]",
	DashInfo:        "printed as a dash (-) in the publication, which does not say whether it means nil or not available",
	ChartsInfo:      "Charts drawn from this table",
	Heading:         "Heading",
	Subheading:      "Subheading",
	Text:            "Text",
	Both:            "Both",
}

// withDefaults returns w with every empty field set to its English word.
func withDefaults(w *Words) Words {
	if w == nil {
		return English
	}
	out := *w
	def := []struct {
		dst *string
		src string
	}{
		{&out.Cover, English.Cover},
		{&out.Country, English.Country},
		{&out.PublicationDate, English.PublicationDate},
		{&out.Authors, English.Authors},
		{&out.Publisher, English.Publisher},
		{&out.Project, English.Project},
		{&out.Website, English.Website},
		{&out.Copyright, English.Copyright},
		{&out.Funding, English.Funding},
		{&out.About, English.About},
		{&out.AboutContents, English.AboutContents},
		{&out.AboutNotes, English.AboutNotes},
		{&out.AboutTables, English.AboutTables},
		{&out.AboutGrids, English.AboutGrids},
		{&out.AboutCharts, English.AboutCharts},
		{&out.OneTable, English.OneTable},
		{&out.Sheet, English.Sheet},
		{&out.Title, English.Title},
		{&out.Period, English.Period},
		{&out.Note, English.Note},
		{&out.NoteNumber, English.NoteNumber},
		{&out.NoteText, English.NoteText},
		{&out.AppliesTo, English.AppliesTo},
		{&out.ReportText, English.ReportText},
		{&out.Row, English.Row},
		{&out.Parent, English.Parent},
		{&out.ParentInfo, English.ParentInfo},
		{&out.Percent, English.Percent},
		{&out.Annotation, English.Annotation},
		{&out.AnnotationInfo, English.AnnotationInfo},
		{&out.NotApplicable, English.NotApplicable},
		{&out.DashMark, English.DashMark},
		{&out.DashInfo, English.DashInfo},
		{&out.ChartsInfo, English.ChartsInfo},
		{&out.Heading, English.Heading},
		{&out.Subheading, English.Subheading},
		{&out.Text, English.Text},
		{&out.Both, English.Both},
	}
	for _, d := range def {
		if *d.dst == "" {
			*d.dst = d.src
		}
	}
	return out
}
