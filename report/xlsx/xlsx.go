// Package xlsx renders a migration profile as an accessible Excel workbook
// for analysts, following the UK Government Statistical Service's guidance
// on releasing statistics in spreadsheets as ONS's gptables and the R
// package a11ytables implement it (docs/gss-checklist.md): a cover sheet,
// a contents sheet with links, a notes sheet, one table per sheet marked
// up as an Excel table, and one sheet per figure holding the values it
// draws and a native chart drawn from them, with cached values.
package xlsx

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
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
		f:          excelize.NewFile().SetZipWriter(newZipWriter),
		p:          p,
		opt:        opt,
		w:          withDefaults(&p.Labels.Workbook),
		styles:     make(map[styleKey]int),
		sheets:     make(map[string]bool),
		tblNames:   make(map[string]bool),
		noteNum:    make(map[*report.Footnote]int),
		noteByText: make(map[string]int),
		markers:    make(map[*report.Table][]noteMarker),
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

	notes      []note
	noteNum    map[*report.Footnote]int
	noteByText map[string]int                 // note number by text and link, to list a note once
	markers    map[*report.Table][]noteMarker // the published note marks of each table
	used       marks                          // shorthands used anywhere (explained on the cover)

	tableCount int         // Excel tables added
	tableParts []tablePart // their parts, set aside (see setAside)
}

// part is a table sheet: a statistical table or a policy grid.
type part struct {
	number int
	sheet  string
	table  *report.Table
	grid   *report.Grid
	// sourceNotes and noteNotes are the note numbers of the part's
	// sources and notes.
	sourceNotes []int
	noteNotes   []int
}

// figureSheet is a chart's sheet.
type figureSheet struct {
	fig   *report.Figure
	sheet string
	notes []int // the figure's sources
}

// note is a row of the Notes sheet.
type note struct {
	text string
	// link is the note's first web address, linkText its descriptive text
	// (report.LinkText); both empty when the note has none.
	link, linkText string
	appliesTo      []string
	footnote       *report.Footnote // the footnote the note is, if any
}

// noteMarker is a mark a table prints after a label and before the note
// that explains it, "(*)", and the number of that note on the Notes sheet.
type noteMarker struct {
	mark string
	num  int
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
	b.setDefaultFont()

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
		steps = append(steps, func() error { return b.writeFigure(fs, i+1) })
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
	b.chartLanguage()
	if err := b.docProps(); err != nil {
		return err
	}
	b.restoreTables()
	b.f.SetActiveSheet(0)
	// [Content_Types].xml defaults come out in map order after AddChart.
	ct := b.f.ContentTypes
	sort.Slice(ct.Defaults, func(i, j int) bool { return ct.Defaults[i].Extension < ct.Defaults[j].Extension })
	return nil
}

// setDefaultFont makes Arial 12 the font of empty cells and of the
// default row height, as of every styled cell.
func (b *builder) setDefaultFont() {
	if err := b.f.SetDefaultFont(fontFamily); err != nil {
		return
	}
	if st := b.f.Styles; st != nil && st.Fonts != nil && len(st.Fonts.Font) > 0 {
		font := st.Fonts.Font[0]
		if font.Sz != nil {
			size := float64(sizeText)
			font.Sz.Val = &size
		}
		font.Scheme = nil // a theme's minor font would override Arial
	}
}

// setAside keeps a table part just added out of excelize's way until
// the workbook is written: AddTable decodes every table part already
// there (twice), which made the workbook's 16 tables cost a third of its
// render. excelize sees a stub with the table's id and name, all it
// reads; restoreTables puts the part back. The part loses its filter
// buttons on the way: the GSS guidance turns them off, since they hide
// rows from a reader who does not know they are set.
func (b *builder) setAside(name string) error {
	b.tableCount++
	path := "xl/tables/table" + strconv.Itoa(b.tableCount) + ".xml"
	v, ok := b.f.Pkg.Load(path)
	data, isBytes := v.([]byte)
	if !ok || !isBytes {
		return fmt.Errorf("xlsx: table %s: part %s not found", name, path)
	}
	s := string(data)
	if at := strings.Index(s, "<autoFilter "); at >= 0 {
		if end := strings.Index(s[at:], "</autoFilter>"); end >= 0 {
			s = s[:at] + s[at+end+len("</autoFilter>"):]
		}
	}
	b.tableParts = append(b.tableParts, tablePart{path, []byte(s)})
	stub := `<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="` +
		strconv.Itoa(b.tableCount) + `" name="` + escapeAttr(name) + `"></table>`
	b.f.Pkg.Store(path, []byte(stub))
	return nil
}

// tablePart is a table part set aside, and its path.
type tablePart struct {
	path string
	data []byte
}

// restoreTables puts back the table parts setAside kept.
func (b *builder) restoreTables() {
	for _, tp := range b.tableParts {
		b.f.Pkg.Store(tp.path, tp.data)
	}
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

// numberNotes numbers the notes the sheets refer to, in the order the
// sheets refer to them: each part's sources, notes and the footnotes its
// text cites, then the figures' sources, then the footnotes those
// footnotes cite. A footnote cited only by the report's prose is not in
// the workbook, which does not hold the prose; a note whose text and link
// repeat another's is listed once, applying to both sheets.
func (b *builder) numberNotes() {
	for i := range b.parts {
		b.numberPartNotes(&b.parts[i])
	}
	for i := range b.figures {
		fs := &b.figures[i]
		for _, s := range report.UniqueSources(fs.fig.Sources) {
			fs.notes = append(fs.notes, b.addSourceNote(s, fs.sheet))
		}
	}
	// Footnote texts are written last: they may cite each other, which
	// adds notes to the end of the list this loop walks.
	for i := 0; i < len(b.notes); i++ {
		fn := b.notes[i].footnote
		if fn == nil {
			continue
		}
		for _, where := range b.notes[i].appliesTo {
			b.cite(fn.Text, where)
		}
		b.notes[i].text = b.text(fn.Text)
		b.notes[i].link, b.notes[i].linkText = firstLink(fn.Text)
	}
}

// addNote adds a note that applies to sheet, or records that an equal
// note applies to it too, and returns its number.
func (b *builder) addNote(n note, sheet string) int {
	key := n.text + "\x00" + n.link
	if num, ok := b.noteByText[key]; ok {
		b.notes[num-1].appliesTo = appendOnce(b.notes[num-1].appliesTo, sheet)
		return num
	}
	n.appliesTo = []string{sheet}
	b.notes = append(b.notes, n)
	b.noteByText[key] = len(b.notes)
	return len(b.notes)
}

// addSourceNote adds a source as a note, its first link in the Link
// column.
func (b *builder) addSourceNote(s report.Source, sheet string) int {
	b.cite(s.Text, sheet)
	n := note{text: b.sourceLine(s)}
	n.link, n.linkText = firstLink(s.Text)
	return b.addNote(n, sheet)
}

// firstLink returns t's first web address and its descriptive text.
func firstLink(t report.Text) (target, text string) {
	for _, sp := range t {
		if sp.Kind == report.SpanLink && sp.URL != "" {
			return webTarget(sp.URL), report.LinkText(sp.Text, sp.URL)
		}
	}
	return "", ""
}

// webTarget makes an address written "www.…" a link target.
func webTarget(u string) string {
	u = strings.TrimSpace(u)
	if !strings.Contains(u, "://") && !strings.HasPrefix(strings.ToLower(u), "mailto:") {
		return "http://" + u
	}
	return u
}

// cite numbers the footnotes t cites, recording that they apply to where.
func (b *builder) cite(t report.Text, where string) {
	for _, s := range t {
		if s.Kind != report.SpanNote || s.Note == nil {
			continue
		}
		if n, ok := b.noteNum[s.Note]; ok {
			b.notes[n-1].appliesTo = appendOnce(b.notes[n-1].appliesTo, where)
			continue
		}
		b.notes = append(b.notes, note{footnote: s.Note, appliesTo: []string{where}})
		b.noteNum[s.Note] = len(b.notes)
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

// markRE matches the mark a table note starts with, "(*)", "(**)", "(†)".
var markRE = regexp.MustCompile(`^\(([*†‡]+)\)\s*`)

// numberPartNotes numbers a table's sources and notes, or a grid's
// sources and the footnotes its entries cite. A table note that starts
// with a mark, "(*) Senegal + Gambia", loses it: the sheet refers to it
// as "[note N]" where the publication prints the mark.
func (b *builder) numberPartNotes(pt *part) {
	if t := pt.table; t != nil {
		for _, s := range report.UniqueSources(t.Sources) {
			pt.sourceNotes = append(pt.sourceNotes, b.addSourceNote(s, pt.sheet))
		}
		for _, n := range t.Notes {
			b.cite(n, pt.sheet)
			text := b.text(n)
			mark := ""
			if m := markRE.FindString(text); m != "" {
				mark, text = strings.TrimSpace(m), text[len(m):]
			}
			num := b.addNote(note{text: text}, pt.sheet)
			pt.noteNotes = append(pt.noteNotes, num)
			if mark != "" {
				b.markers[t] = append(b.markers[t], noteMarker{mark, num})
			}
		}
		// Longer marks first, so that "(**)" is not read as "(*)".
		sort.SliceStable(b.markers[t], func(i, j int) bool { return len(b.markers[t][i].mark) > len(b.markers[t][j].mark) })
		return
	}
	g := pt.grid
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
	for _, s := range report.UniqueSources(g.Sources) {
		pt.sourceNotes = append(pt.sourceNotes, b.addSourceNote(s, pt.sheet))
	}
}

// marked replaces the note marks of table t in s by note references:
// "Senegal (*)" becomes "Senegal [note 3]".
func (b *builder) marked(t *report.Table, s string) string {
	for _, m := range b.markers[t] {
		s = strings.ReplaceAll(s, m.mark, b.noteRef(m.num))
	}
	return s
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

// sourceLine returns "Label: text", a link printed as its descriptive
// text (report.LinkText); the address is the note's Link.
func (b *builder) sourceLine(s report.Source) string {
	label := or(s.Label, b.p.Labels.Source)
	txt := b.text(report.SourceText(s.Text))
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

// creator names the program as the workbook's creator and last editor:
// the authors wrote the publication, not this file (they are on the
// cover and in the core properties' description).
const creator = "migprofile"

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
		Creator:        creator,
		LastModifiedBy: creator,
		Keywords:       oneLine(strings.Join(m.Keywords, ", ")),
		Description:    oneLine(strings.TrimSpace(authors + " " + m.Credit)),
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
