package xlsx

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/migprofile/migprofile/report"
)

// writeGrid writes a policy table on its own sheet: one row per paragraph,
// heading or list item, with the columns Heading, Subheading (when a row
// has one), Applies to and Text.
func (b *builder) writeGrid(pt *part) error {
	g := pt.grid
	s, err := b.newSheet(pt.sheet)
	if err != nil {
		return err
	}
	l := b.p.Labels
	lines, used := b.gridLines(g)
	if len(lines) == 0 {
		return b.errorf("grid %q has no entries", g.ID)
	}
	b.used.add(used)
	subs := hasSubheadings(g)

	row := 1
	s.str(1, row, oneLine(l.NumberedTitle(l.Table, g.Number, g.Title)), styleKey{size: sizeTitle, bold: true})
	row++
	s.str(1, row, b.w.OneTable, styleKey{})
	srcs := report.UniqueSources(g.Sources)
	if len(srcs) > maxSourceRows {
		// A long list of links would push the table out of view: one
		// line refers to the notes, which link to each.
		var refs []string
		for _, n := range pt.sourceNotes {
			refs = append(refs, b.noteRef(n))
		}
		row++
		s.str(1, row, l.Prefix(oneLine(l.Sources))+strings.Join(refs, ", "), styleKey{})
	} else {
		for i, src := range srcs {
			row++
			b.sourceRow(s, row, src, pt.sourceNotes[i])
		}
	}
	if len(srcs) > 1 {
		row++
		s.str(1, row, b.w.GridSources, styleKey{})
	}
	if b.linesCiteNotes(lines) {
		row++
		s.str(1, row, b.w.ContainsNotes, styleKey{})
	}
	for _, ml := range b.markLines(used) {
		row++
		s.str(1, row, ml, styleKey{})
	}
	clear(s.width)
	row++
	header := row
	s.freeze = header
	hk := styleKey{bold: true, wrap: true, top: true}
	cols := []string{b.w.Heading, b.w.Subheading, b.w.AppliesTo, b.w.Text}
	lo, hi := []int{18, 18, 14, 60}, []int{30, 30, 22, 100}
	if !subs {
		cols = slices.Delete(cols, 1, 2)
		lo, hi = slices.Delete(lo, 1, 2), slices.Delete(hi, 1, 2)
	}
	for i, h := range uniqueHeaders(cols, b.w.Text) {
		s.str(i+1, row, h, hk)
	}
	tk := styleKey{wrap: true, top: true}
	for _, ln := range lines {
		row++
		vals := []string{ln.heading, ln.sub, ln.applies, ln.text}
		if !subs {
			vals = slices.Delete(vals, 1, 2)
		}
		for i, v := range vals {
			s.str(i+1, row, v, tk)
		}
	}
	s.addTable(tableName(b.tblNames, l.Table+strconv.Itoa(g.Number), g.ID), 1, header, len(cols), row)
	s.colWidths(len(cols), func(c int) int { return lo[c-1] }, func(c int) int { return hi[c-1] })
	return s.finish()
}

// maxSourceRows is the most sources a policy table's sheet lists one a
// row above the table; more are referred to on one line.
const maxSourceRows = 3

// sourceRow writes a source line with its note reference; a source with a
// link is a hyperlink to it.
func (b *builder) sourceRow(s *sheetWriter, row int, src report.Source, num int) {
	target, _ := firstLink(src.Text)
	s.str(1, row, b.withRefs(b.sourceLine(src), num), styleKey{link: target != ""})
	if target != "" {
		s.link(1, row, target, false)
	}
}

// linesCiteNotes reports whether a grid's lines refer to notes.
func (b *builder) linesCiteNotes(lines []gridLine) bool {
	for _, ln := range lines {
		if strings.Contains(ln.text, "["+b.w.Note+" ") {
			return true
		}
	}
	return false
}

// hasSubheadings reports whether a row of g has a subheading.
func hasSubheadings(g *report.Grid) bool {
	for _, r := range g.Rows {
		if r != nil && strings.TrimSpace(r.Subheading) != "" {
			return true
		}
	}
	return false
}

// gridLine is a row of a policy table's sheet.
type gridLine struct{ heading, sub, applies, text string }

// gridLines flattens g into one line per paragraph, heading or list item,
// a row without content getting one "not applicable" line, and tells
// which shorthands the lines use.
func (b *builder) gridLines(g *report.Grid) ([]gridLine, marks) {
	l := b.p.Labels
	var lines []gridLine
	var used marks
	add := func(r *report.GridRow, applies string, items []report.Item) {
		for _, it := range items {
			texts := []report.Text{it.Text}
			if it.Kind == report.ItemList {
				texts = it.List
			}
			for _, t := range texts {
				if txt := b.text(t); strings.TrimSpace(txt) != "" {
					lines = append(lines, gridLine{r.Heading, r.Subheading, applies, txt})
				}
			}
		}
	}
	for _, r := range g.Rows {
		if r == nil {
			continue
		}
		n := len(lines)
		for _, e := range r.Entries {
			if e == nil {
				continue
			}
			if e.Spans() {
				add(r, b.w.Both, e.Both)
				continue
			}
			add(r, l.Outward, e.Outward)
			add(r, l.Inward, e.Inward)
		}
		if len(lines) == n {
			lines = append(lines, gridLine{r.Heading, r.Subheading, markNotApplicable, markNotApplicable})
		}
	}
	subs := hasSubheadings(g)
	for i := range lines {
		if strings.TrimSpace(lines[i].heading) == "" {
			lines[i].heading = markNotApplicable
		}
		if subs && strings.TrimSpace(lines[i].sub) == "" {
			lines[i].sub = markNotApplicable
		}
		if lines[i].heading == markNotApplicable || lines[i].sub == markNotApplicable || lines[i].applies == markNotApplicable {
			used.notApplicable = true
		}
	}
	return lines, used
}

// writeContents writes the Contents sheet: one row per sheet after it,
// with a link to the sheet, its title and period.
func (b *builder) writeContents() error {
	s, err := b.newSheet(b.contentsName)
	if err != nil {
		return err
	}
	l := b.p.Labels
	s.str(1, 1, oneLine(l.Contents), styleKey{size: sizeTitle, bold: true})
	s.str(1, 2, b.w.OneTable, styleKey{})
	clear(s.width)
	row := 3
	header := row
	hk := styleKey{bold: true, wrap: true, top: true}
	for i, h := range uniqueHeaders([]string{b.w.Sheet, b.w.Title, b.w.Period}, b.w.Title) {
		s.str(i+1, row, h, hk)
	}
	tk := styleKey{wrap: true, top: true}
	na := styleKey{right: true, top: true}
	add := func(sheet, title, period string, link bool) {
		row++
		if link {
			s.str(1, row, sheet, styleKey{link: true, top: true})
			s.link(1, row, quoteSheet(sheet)+"!A1", true)
		} else {
			s.str(1, row, sheet, tk)
		}
		s.str(2, row, title, tk)
		if p := oneLine(period); p != "" {
			s.str(3, row, p, tk)
		} else {
			s.str(3, row, markNotApplicable, na)
			b.used.notApplicable = true
		}
	}
	add(b.notesName, oneLine(l.Notes), "", true)
	for _, pt := range b.parts {
		if pt.table != nil {
			add(pt.sheet, b.tableTitle(pt.number, pt.table.Title, ""), pt.table.Period, true)
		} else {
			add(pt.sheet, b.tableTitle(pt.number, pt.grid.Title, ""), "", true)
		}
	}
	for _, fs := range b.figures {
		period := ""
		if fs.fig.Table != nil {
			period = fs.fig.Table.Period
		}
		add(fs.sheet, b.marked(fs.fig.Table, oneLine(fs.fig.NumberedTitle(l))), period, true)
	}
	s.freeze = header
	s.addTable(tableName(b.tblNames, l.Contents, "list"), 1, header, 3, row)
	s.colWidths(3, func(c int) int { return []int{12, 40, 10}[c-1] }, func(c int) int { return []int{32, 90, 20}[c-1] })
	return s.finish()
}

// writeNotes writes the Notes sheet: every note the sheets refer to,
// numbered, with where it applies and a descriptive link to its web
// address when it has one.
func (b *builder) writeNotes() error {
	s, err := b.newSheet(b.notesName)
	if err != nil {
		return err
	}
	l := b.p.Labels
	s.str(1, 1, oneLine(l.Notes), styleKey{size: sizeTitle, bold: true})
	s.str(1, 2, b.w.OneTable, styleKey{})
	clear(s.width)
	row := 3
	header := row
	s.freeze = header
	hk := styleKey{bold: true, wrap: true, top: true}
	links := slices.ContainsFunc(b.notes, func(n note) bool { return n.link != "" })
	headers := []string{b.w.NoteNumber, b.w.NoteText, b.w.AppliesTo, b.w.Link}
	if !links {
		headers = headers[:3]
	}
	for i, h := range uniqueHeaders(headers, b.w.NoteText) {
		s.str(i+1, row, h, hk)
	}
	tk := styleKey{wrap: true, top: true}
	for i, n := range b.notes {
		row++
		s.str(1, row, b.noteRef(i+1), tk)
		s.str(2, row, or(n.text, markNotAvailable), tk)
		s.str(3, row, strings.Join(n.appliesTo, ", "), tk)
		switch {
		case n.link != "":
			s.str(4, row, n.linkText, styleKey{wrap: true, top: true, link: true})
			s.link(4, row, n.link, false)
		case links:
			s.str(4, row, markNotApplicable, tk)
			b.used.notApplicable = true
		}
	}
	if len(b.notes) == 0 {
		row++
		for c := range headers {
			s.str(c+1, row, markNotApplicable, tk)
		}
		b.used.notApplicable = true
	}
	s.addTable(tableName(b.tblNames, l.Notes, "list"), 1, header, len(headers), row)
	s.colWidths(len(headers), func(c int) int { return []int{12, 60, 16, 24}[c-1] }, func(c int) int { return []int{14, 90, 30, 40}[c-1] })
	return s.finish()
}

// writeCover fills the first sheet: title, bibliographic data and how the
// workbook is organised.
func (b *builder) writeCover() error {
	s, err := b.newSheet(b.f.GetSheetName(0))
	if err != nil {
		return err
	}
	m := b.p.Meta
	l := b.p.Labels
	row := 1
	s.str(1, row, oneLine(b.p.Meta.FullTitle()), styleKey{size: sizeTitle, bold: true})
	section := func(heading string, lines ...string) {
		var keep []string
		for _, ln := range lines {
			if strings.TrimSpace(ln) != "" {
				keep = append(keep, ln)
			}
		}
		if len(keep) == 0 {
			return
		}
		row++
		s.str(1, row, heading, styleKey{size: sizeSection, bold: true})
		for _, ln := range keep {
			row++
			s.str(1, row, ln, styleKey{wrap: true, top: true})
		}
	}
	section(b.w.Country, m.Country)
	section(b.w.PublicationDate, m.Date)
	authors := strings.Join(m.Authors, ", ")
	if m.Credit != "" {
		authors = strings.TrimSpace(authors + " " + m.Credit)
	}
	section(b.w.Authors, authors)
	var src []string
	for _, p := range []string{strings.TrimSpace(m.Series + " " + m.Title), m.Country, m.Publisher, m.Date} {
		if strings.TrimSpace(p) != "" {
			src = append(src, p)
		}
	}
	section(l.Source, strings.Join(src, ", "))
	section(b.w.Publisher, m.Publisher)
	section(b.w.Project, m.Project)
	if w := oneLine(m.Website); w != "" {
		section(b.w.Website, websiteText(m, w))
		s.setStyle(1, row, styleKey{link: true, wrap: true, top: true})
		s.link(1, row, webTarget(w), false)
	}
	row = b.coverContact(s, row)
	section(b.w.Copyright, m.Copyright)
	section(b.w.Funding, m.Funding)
	about := []string{b.w.AboutContents, b.w.AboutNotes, b.w.AboutTables}
	if len(b.p.Grids) > 0 {
		about = append(about, b.w.AboutGrids)
	}
	if len(b.figures) > 0 {
		about = append(about, b.w.AboutCharts)
	}
	about = append(about, b.markLines(b.used)...)
	section(b.w.About, about...)
	s.colWidths(1, func(int) int { return 100 }, func(int) int { return 100 })
	return s.finish()
}

// websiteText is the text of the cover's link to the website: what it
// is, then its short address, "CARIM – … (carim.org)", never the bare
// address alone.
func websiteText(m report.Meta, w string) string {
	name := oneLine(or(m.Project, m.Publisher))
	short := report.ShortURL(webTarget(w))
	if name == "" {
		return short
	}
	return name + " (" + short + ")"
}

// coverContact writes the cover's contact section after row: the
// contact's name, e-mail address and page, the last two as links, or a
// line saying that the publication names no contact. It returns the last
// row written.
func (b *builder) coverContact(s *sheetWriter, row int) int {
	c := b.p.Meta.Contact
	row++
	s.str(1, row, b.w.Contact, styleKey{size: sizeSection, bold: true})
	tk := styleKey{wrap: true, top: true}
	if c.IsZero() {
		row++
		s.str(1, row, b.w.NoContact, tk)
		return row
	}
	if n := oneLine(c.Name); n != "" {
		row++
		s.str(1, row, n, tk)
	}
	if e := oneLine(c.Email); e != "" {
		row++
		s.str(1, row, b.p.Labels.Prefix(b.w.Email)+e, styleKey{wrap: true, top: true, link: true})
		s.link(1, row, "mailto:"+e, false)
	}
	if u := oneLine(c.URL); u != "" {
		row++
		s.str(1, row, report.LinkText("", webTarget(u)), styleKey{wrap: true, top: true, link: true})
		s.link(1, row, webTarget(u), false)
	}
	return row
}

func (b *builder) errorf(format string, args ...any) error {
	return fmt.Errorf("xlsx: "+format, args...)
}
