// Package xlsx renders a migration profile as an accessible Excel workbook
// for analysts, following the UK Government Statistical Service's guidance
// on releasing statistics in spreadsheets: a cover sheet, a contents sheet
// with links, a notes sheet, one table per sheet marked up as an Excel
// table, and native charts on chart sheets drawn from the table sheets.
package xlsx

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/migprofile/migprofile/report"
	"github.com/xuri/excelize/v2"
)

// Options control a render.
type Options struct {
	// Date is the fixed document date written into the core properties
	// (created and modified). The zero time means the profile's ISO date.
	Date time.Time
}

// Shorthands for cells that hold no number (GSS conventions).
const (
	markNotAvailable  = "[x]"
	markNotApplicable = "[z]"
)

// Render writes the profile p as an .xlsx workbook to w.
func Render(w io.Writer, p *report.Profile, opt Options) error {
	if p == nil {
		return errors.New("xlsx: nil profile")
	}
	// A profile built in code may leave words out; the loader's always
	// has them. Work on a copy with every word set.
	withWords := *p
	withWords.Labels = p.Labels.WithDefaults()
	p = &withWords
	b := &builder{
		f:        excelize.NewFile().SetZipWriter(newZipWriter),
		p:        p,
		opt:      opt,
		w:        withDefaults(&p.Labels.Workbook),
		styles:   make(map[styleKey]int),
		sheets:   make(map[string]bool),
		tblNames: make(map[string]bool),
		noteNum:  make(map[*report.Footnote]int),
		layouts:  make(map[*report.Table]*tableLayout),
	}
	defer b.f.Close()
	if err := b.build(); err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := b.f.Write(&buf); err != nil {
		return fmt.Errorf("xlsx: write: %w", err)
	}
	if _, err := buf.WriteTo(w); err != nil {
		return fmt.Errorf("xlsx: write: %w", err)
	}
	return nil
}

// builder holds the state of one render.
type builder struct {
	f   *excelize.File
	p   *report.Profile
	opt Options
	w   Words

	styles   map[styleKey]int
	sheets   map[string]bool // sheet names taken, lower-cased
	tblNames map[string]bool // Excel table names taken, lower-cased

	coverName, contentsName, notesName string
	parts                              []part // table and grid sheets in number order
	figures                            []figureSheet

	notes   []note
	noteNum map[*report.Footnote]int
	layouts map[*report.Table]*tableLayout
	used    marks // shorthands used anywhere (explained on the cover)
}

// part is a table sheet: a statistical table or a policy grid.
type part struct {
	number int
	sheet  string
	table  *report.Table
	grid   *report.Grid
	// notes are the note numbers of the part's sources and notes, and
	// lines the matching text.
	sourceNotes []int
	noteNotes   []int
}

// figureSheet is a chart sheet.
type figureSheet struct {
	fig   *report.Figure
	sheet string
	notes []int // the figure's own sources, if any
}

// note is a row of the Notes sheet.
type note struct {
	text      string
	appliesTo []string
}

// marks records which shorthands a sheet uses.
type marks struct {
	notAvailable, notApplicable, dash bool
	// confidential, provisional and estimated: the other GSS shorthands.
	confidential, provisional, estimated bool
}

func (m *marks) add(o marks) {
	m.notAvailable = m.notAvailable || o.notAvailable
	m.notApplicable = m.notApplicable || o.notApplicable
	m.dash = m.dash || o.dash
	m.confidential = m.confidential || o.confidential
	m.provisional = m.provisional || o.provisional
	m.estimated = m.estimated || o.estimated
}

func (b *builder) build() error {
	b.plan()
	b.numberNotes()

	b.coverName = b.f.GetSheetName(0)
	steps := []func() error{b.writeContents, b.writeNotes}
	for i := range b.parts {
		pt := &b.parts[i]
		if pt.table != nil {
			steps = append(steps, func() error { return b.writeTable(pt) })
		} else {
			steps = append(steps, func() error { return b.writeGrid(pt) })
		}
	}
	for i := range b.figures {
		fs := &b.figures[i]
		steps = append(steps, func() error { return b.writeChart(fs) })
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	// The cover explains the shorthands used anywhere, so it comes last.
	if err := b.writeCover(); err != nil {
		return err
	}
	if err := b.altTexts(); err != nil {
		return err
	}
	b.chartLanguage()
	if err := b.docProps(); err != nil {
		return err
	}
	b.f.SetActiveSheet(0)
	// [Content_Types].xml defaults come out in map order after AddChart.
	ct := b.f.ContentTypes
	sort.Slice(ct.Defaults, func(i, j int) bool { return ct.Defaults[i].Extension < ct.Defaults[j].Extension })
	return nil
}

// plan names every sheet, in workbook order.
func (b *builder) plan() {
	l := b.p.Labels
	cover := sheetName(b.w.Cover, 0, b.sheets)
	_ = b.f.SetSheetName(b.f.GetSheetName(0), cover)
	b.contentsName = sheetName(l.Contents, 0, b.sheets)
	b.notesName = sheetName(l.Notes, 0, b.sheets)
	for _, t := range b.p.Tables {
		if t != nil {
			b.parts = append(b.parts, part{number: t.Number, table: t})
		}
	}
	for _, g := range b.p.Grids {
		if g != nil {
			b.parts = append(b.parts, part{number: g.Number, grid: g})
		}
	}
	sort.SliceStable(b.parts, func(i, j int) bool { return b.parts[i].number < b.parts[j].number })
	for i := range b.parts {
		b.parts[i].sheet = sheetName(l.Table, b.parts[i].number, b.sheets)
	}
	for _, fg := range b.p.Figures {
		if fg != nil {
			b.figures = append(b.figures, figureSheet{fig: fg, sheet: sheetName(l.Figure, fg.Number, b.sheets)})
		}
	}
}

// numberNotes numbers the footnotes, then each part's sources and notes,
// then the figures' own sources, and records where each applies.
func (b *builder) numberNotes() {
	for _, fn := range b.p.Footnotes {
		if fn == nil {
			continue
		}
		if _, ok := b.noteNum[fn]; ok {
			continue
		}
		b.notes = append(b.notes, note{})
		b.noteNum[fn] = len(b.notes)
	}
	b.citeReportText()
	for i := range b.parts {
		b.numberPartNotes(&b.parts[i])
	}
	for i := range b.figures {
		fs := &b.figures[i]
		for _, s := range report.UniqueSources(fs.fig.Sources) {
			fs.notes = append(fs.notes, b.addNote(b.sourceLine(s), fs.sheet))
		}
	}
	// Footnote texts are written last: they may cite each other.
	for _, fn := range b.p.Footnotes {
		if fn == nil {
			continue
		}
		n := b.noteNum[fn]
		if b.notes[n-1].text == "" {
			b.notes[n-1].text = b.text(fn.Text)
		}
		if len(b.notes[n-1].appliesTo) == 0 {
			b.notes[n-1].appliesTo = []string{b.w.ReportText}
		}
	}
}

// addNote adds a note of text that applies to sheet, and returns its
// number.
func (b *builder) addNote(text, sheet string) int {
	b.notes = append(b.notes, note{text: text, appliesTo: []string{sheet}})
	return len(b.notes)
}

// cite records that the footnotes t cites apply to where.
func (b *builder) cite(t report.Text, where string) {
	for _, s := range t {
		if s.Kind == report.SpanNote && s.Note != nil {
			if n, ok := b.noteNum[s.Note]; ok {
				b.notes[n-1].appliesTo = appendOnce(b.notes[n-1].appliesTo, where)
			}
		}
	}
}

// citeItems records the footnotes that items cite, as cite does.
func (b *builder) citeItems(items []report.Item, where string) {
	for _, it := range items {
		b.cite(it.Text, where)
		for _, li := range it.List {
			b.cite(li, where)
		}
	}
}

// citeReportText records the footnotes that the frameworks' text cites:
// they apply to the report's text.
func (b *builder) citeReportText() {
	for _, fw := range b.p.Frameworks {
		if fw == nil {
			continue
		}
		for _, bl := range fw.Blocks {
			b.cite(bl.Text, b.w.ReportText)
			for _, it := range bl.Items {
				b.cite(it, b.w.ReportText)
			}
			if bl.Columns != nil {
				b.citeItems(bl.Columns.Outward, b.w.ReportText)
				b.citeItems(bl.Columns.Inward, b.w.ReportText)
			}
		}
	}
}

// numberPartNotes numbers a table's sources and notes, or a grid's
// sources, and records that the footnotes they and a grid's entries cite
// apply to the part's sheet.
func (b *builder) numberPartNotes(pt *part) {
	if t := pt.table; t != nil {
		for _, s := range report.UniqueSources(t.Sources) {
			pt.sourceNotes = append(pt.sourceNotes, b.addNote(b.sourceLine(s), pt.sheet))
			b.cite(s.Text, pt.sheet)
		}
		for _, n := range t.Notes {
			pt.noteNotes = append(pt.noteNotes, b.addNote(b.text(n), pt.sheet))
			b.cite(n, pt.sheet)
		}
		return
	}
	g := pt.grid
	for _, s := range report.UniqueSources(g.Sources) {
		pt.sourceNotes = append(pt.sourceNotes, b.addNote(b.sourceLine(s), pt.sheet))
		b.cite(s.Text, pt.sheet)
	}
	for _, r := range g.Rows {
		if r == nil {
			continue
		}
		for _, e := range r.Entries {
			if e == nil {
				continue
			}
			b.citeItems(e.Both, pt.sheet)
			b.citeItems(e.Outward, pt.sheet)
			b.citeItems(e.Inward, pt.sheet)
		}
	}
}

func appendOnce(s []string, v string) []string {
	for _, x := range s {
		if x == v {
			return s
		}
	}
	return append(s, v)
}

// noteRef returns "[note N]".
func (b *builder) noteRef(n int) string {
	return "[" + b.w.Note + " " + strconv.Itoa(n) + "]"
}

// text returns t as stored in a cell: footnote citations become
// "[note N]" references to the Notes sheet.
func (b *builder) text(t report.Text) string {
	var sb strings.Builder
	for _, s := range t {
		if s.Kind != report.SpanNote {
			sb.WriteString(s.Text)
			continue
		}
		ref := "[" + b.w.Note + " " + s.Text + "]"
		if n, ok := b.noteNum[s.Note]; ok {
			ref = b.noteRef(n)
		}
		if str := sb.String(); str != "" && !strings.HasSuffix(str, " ") && !strings.HasSuffix(str, "\n") {
			sb.WriteByte(' ')
		}
		sb.WriteString(ref)
	}
	return clean(sb.String())
}

// sourceLine returns "Label: text". A link prints as in the other
// outputs (report.LinkText), followed by its address in brackets, since a
// note line cannot hold a link.
func (b *builder) sourceLine(s report.Source) string {
	label := or(s.Label, b.p.Labels.Source)
	t := report.SourceText(s.Text)
	for i, sp := range t {
		if sp.Kind == report.SpanLink && sp.URL != "" {
			t[i].Text = sp.Text + " (" + sp.URL + ")"
		}
	}
	txt := b.text(t)
	if label == "" {
		return txt
	}
	return b.p.Labels.Prefix(clean(label)) + txt
}

// withRefs appends note references to a line.
func (b *builder) withRefs(line string, nums ...int) string {
	for _, n := range nums {
		line += " " + b.noteRef(n)
	}
	return line
}

// docProps writes the core properties: fixed dates, the profile's authors.
func (b *builder) docProps() error {
	m := b.p.Meta
	date := m.DocumentDate(b.opt.Date)
	var subjects []string
	for _, fw := range b.p.Frameworks {
		if fw != nil && fw.Title != "" {
			subjects = append(subjects, fw.Title)
		}
	}
	authors := strings.Join(m.Authors, "; ")
	stamp := date.UTC().Format("2006-01-02T15:04:05Z")
	err := b.f.SetDocProps(&excelize.DocProperties{
		Title:          oneLine(b.p.Meta.FullTitle()),
		Subject:        oneLine(strings.Join(subjects, "; ")),
		Creator:        oneLine(authors),
		LastModifiedBy: oneLine(authors),
		Keywords:       oneLine(strings.Join(m.Keywords, ", ")),
		Description:    oneLine(m.Credit),
		Category:       oneLine(m.Series),
		Language:       oneLine(m.Language),
		Created:        stamp,
		Modified:       stamp,
	})
	if err != nil {
		return fmt.Errorf("xlsx: document properties: %w", err)
	}
	if err := b.f.SetAppProps(&excelize.AppProperties{Company: oneLine(m.Publisher)}); err != nil {
		return fmt.Errorf("xlsx: application properties: %w", err)
	}
	return nil
}

func or(s, def string) string {
	if strings.TrimSpace(s) == "" {
		return def
	}
	return s
}

// cell returns the A1 name of a 1-based column and row.
func cell(col, row int) string {
	s, _ := excelize.CoordinatesToCellName(col, row)
	return s
}

// absCell returns the absolute reference $A$1.
func absCell(col, row int) string {
	s, _ := excelize.CoordinatesToCellName(col, row, true)
	return s
}
