package xlsx

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/migprofile/migprofile/report"
)

// numberFormat is the spreadsheet number format that prints a cell as
// published: "#,##0" for whole numbers, "#,##0.0" for one decimal, …,
// with a true minus sign before negative numbers, as the other outputs.
// A flagged number stays a number: its flags' GSS shorthand is part of
// its format ("#,##0" [p]"), so that it shows without becoming text.
func numberFormat(c report.Cell) string {
	f := "#,##0"
	if c.Decimals > 0 {
		f += "." + strings.Repeat("0", c.Decimals)
	}
	if c.Provisional {
		f += `" ` + report.GSSSymbols.Provisional + `"`
	}
	if c.Estimated {
		f += `" ` + report.GSSSymbols.Estimated + `"`
	}
	return f + `;"` + report.Minus + `"` + f
}

// cellAt returns row r's cell in column i (a blank when missing).
func cellAt(r *report.Row, i int) report.Cell {
	if i < len(r.Cells) {
		return r.Cells[i]
	}
	return report.Cell{Kind: report.Blank}
}

// columnHeading returns a column's flattened heading with its unit in
// brackets, "1998 (number)", "1998 (%)", and the heading without the
// unit, "1998". A label that only names the unit ("Number", "%") is not
// repeated; a table's note marks become note references.
func (b *builder) columnHeading(t *report.Table, c *report.Column) (withUnit, bare string) {
	unit := b.w.Number
	if c.Unit == report.Percent {
		unit = b.w.Percent
	}
	label := oneLine(c.Label)
	if label == "%" || strings.EqualFold(label, b.w.Number) || strings.EqualFold(label, b.w.Percent) {
		label = ""
	}
	bare = oneLine(c.Group + " " + label)
	if bare == "" {
		bare = or(oneLine(c.Heading()), c.ID)
	}
	bare = b.marked(t, bare)
	return bare + " (" + unit + ")", bare
}

// tableTitle returns "Table N. title, period" (the period is added when
// the title does not already end with it).
func (b *builder) tableTitle(number int, title, period string) string {
	t := oneLine(title)
	if p := oneLine(period); p != "" && !strings.HasSuffix(t, p) {
		t += ", " + p
	}
	return oneLine(b.p.Labels.NumberedTitle(b.p.Labels.Table, number, t))
}

// writeTable writes a statistical table on its own sheet: title, information
// rows, then the table with one header row.
func (b *builder) writeTable(pt *part) error {
	t := pt.table
	s, err := b.newSheet(pt.sheet)
	if err != nil {
		return err
	}
	l := b.p.Labels
	pl := planTable(t)
	b.used.add(pl.used)
	headers, numeric, err := b.tableHeaders(t, pl)
	if err != nil {
		return err
	}
	row := b.writeTableInfo(s, pt, pl)
	// Information rows are measured apart: they overflow to the right.
	clear(s.width)

	// The table.
	row++
	header := row
	s.freeze = header
	writeHeaderRow(s, row, headers, numeric)
	row, err = b.writeTableRows(s, t, pl, row)
	if err != nil {
		return err
	}
	if len(t.Rows) == 0 {
		return fmt.Errorf("xlsx: table %q has no rows", t.ID)
	}
	s.addTable(tableName(b.tblNames, l.Table+strconv.Itoa(t.Number), t.ID), 1, header, len(headers), row)
	s.colWidths(len(headers), func(c int) int {
		if c == 1 {
			return 20
		}
		return 10
	}, func(c int) int {
		if numeric[c] {
			return 20
		}
		return 50
	})
	return s.finish()
}

// tablePlan is what a statistical table's sheet needs beyond a column per
// table column: a Parent column when there are sub-rows, an annotation
// column after each column whose numbers carry notes, and the shorthands
// its cells use.
type tablePlan struct {
	hasParent bool
	annotated []bool // per table column
	used      marks
}

// planTable plans t's sheet columns and the shorthands they bring: "not
// applicable" for a top-level row's parent and for an annotation column's
// cells that have no note.
func planTable(t *report.Table) tablePlan {
	pl := tablePlan{annotated: make([]bool, len(t.Columns))}
	for _, r := range t.Rows {
		if r != nil && r.Level > 0 {
			pl.hasParent = true
		}
	}
	for _, r := range t.Rows {
		if r == nil {
			continue
		}
		if pl.hasParent && r.Level == 0 {
			pl.used.notApplicable = true
		}
		for i := range t.Columns {
			switch c := cellAt(r, i); c.Kind {
			case report.Number:
				if c.Note != "" {
					pl.annotated[i] = true
				}
				pl.used.provisional = pl.used.provisional || c.Provisional
				pl.used.estimated = pl.used.estimated || c.Estimated
			case report.Dash:
				pl.used.dash = true
			case report.NotApplicable:
				pl.used.notApplicable = true
			case report.Confidential:
				pl.used.confidential = true
			default:
				pl.used.notAvailable = true
			}
		}
	}
	for _, r := range t.Rows {
		if r == nil {
			continue
		}
		for i := range t.Columns {
			if c := cellAt(r, i); pl.annotated[i] && (c.Kind != report.Number || c.Note == "") {
				pl.used.notApplicable = true
			}
		}
	}
	return pl
}

// tableHeaders returns the header row of t's sheet: the stub, the parent,
// then each column and its annotation column; and in numeric the sheet
// columns (from 1) that hold numbers.
func (b *builder) tableHeaders(t *report.Table, pl tablePlan) (headers []string, numeric map[int]bool, err error) {
	headers = []string{or(t.Stub, b.w.Row)}
	numeric = map[int]bool{}
	if pl.hasParent {
		headers = append(headers, b.w.Parent)
	}
	for i, c := range t.Columns {
		if c == nil {
			return nil, nil, fmt.Errorf("xlsx: table %q: column %d is nil", t.ID, i+1)
		}
		h, bare := b.columnHeading(t, c)
		headers = append(headers, h)
		numeric[len(headers)] = true
		if pl.annotated[i] {
			headers = append(headers, bare+" "+b.w.Annotation)
		}
	}
	return uniqueHeaders(headers, b.w.Row), numeric, nil
}

// writeTableInfo writes the title and the information rows above a table:
// period, sources (a source with a link is a hyperlink to it), notes, the
// shorthands used, what the extra columns mean, and the charts drawn from
// it. It returns the last row written.
func (b *builder) writeTableInfo(s *sheetWriter, pt *part, pl tablePlan) int {
	t := pt.table
	l := b.p.Labels
	row := 1
	s.str(1, row, b.marked(t, b.tableTitle(t.Number, t.Title, t.Period)), styleKey{size: sizeTitle, bold: true})
	row++
	s.str(1, row, b.w.OneTable, styleKey{})
	if p := oneLine(t.Period); p != "" {
		row++
		s.str(1, row, l.Prefix(b.w.Period)+p, styleKey{})
	}
	for i, src := range report.UniqueSources(t.Sources) {
		row++
		b.sourceRow(s, row, src, pt.sourceNotes[i])
	}
	var info []string
	for i, n := range t.Notes {
		text := b.text(n)
		text = text[len(markRE.FindString(text)):]
		info = append(info, b.withRefs(l.Prefix(l.Notes)+text, pt.noteNotes[i]))
	}
	if b.hasNoteRefs(t) {
		info = append(info, b.w.ContainsNotes)
	}
	info = append(info, b.markLines(pl.used)...)
	if pl.hasParent {
		info = append(info, b.w.ParentInfo)
	}
	if slices.Contains(pl.annotated, true) {
		info = append(info, b.w.AnnotationInfo)
	}
	if figs := b.chartsOf(t); len(figs) > 0 {
		info = append(info, l.Prefix(b.w.ChartsInfo)+strings.Join(figs, "; "))
	}
	for _, line := range info {
		row++
		s.str(1, row, line, styleKey{})
	}
	return row
}

// chartsOf lists the figure sheets drawn from t: "Figure 1 (title)".
func (b *builder) chartsOf(t *report.Table) []string {
	var figs []string
	for _, fs := range b.figures {
		if fs.fig.Table == t {
			figs = append(figs, fs.sheet+" ("+oneLine(fs.fig.Title)+")")
		}
	}
	return figs
}

// writeHeaderRow writes a table's header row; the headers of number
// columns are right-aligned over the numbers.
func writeHeaderRow(s *sheetWriter, row int, headers []string, numeric map[int]bool) {
	hk := styleKey{bold: true, wrap: true, top: true}
	for i, h := range headers {
		k := hk
		if numeric[i+1] {
			k.right = true
		}
		s.str(i+1, row, h, k)
	}
	// Headers wrap: measure them as half their length.
	for i, h := range headers {
		s.width[i+1] = max(s.width[i+1]/2, min(len([]rune(h)), 12))
	}
}

// writeTableRows writes t's rows after row; it returns the last row
// written.
func (b *builder) writeTableRows(s *sheetWriter, t *report.Table, pl tablePlan, row int) (int, error) {
	var parents ancestors
	for ri, r := range t.Rows {
		if r == nil {
			return row, fmt.Errorf("xlsx: table %q: row %d is nil", t.ID, ri+1)
		}
		row++
		lk := styleKey{wrap: true, bold: r.Total, indent: max(r.Level, 0)}
		s.str(1, row, b.marked(t, rowLabel(r)), lk)
		col := 2
		if pl.hasParent {
			s.str(col, row, b.marked(t, parents.parent(r.Level)), styleKey{wrap: true})
			col++
		}
		parents.push(r)
		b.writeRowCells(s, r, row, col, pl.annotated)
	}
	return row, nil
}

// hasNoteRefs reports whether t's title, headings or row labels carry a
// note mark, which its sheet prints as "[note N]".
func (b *builder) hasNoteRefs(t *report.Table) bool {
	if len(b.markers[t]) == 0 {
		return false
	}
	has := func(s string) bool {
		for _, m := range b.markers[t] {
			if strings.Contains(s, m.mark) {
				return true
			}
		}
		return false
	}
	if has(t.Title) {
		return true
	}
	for _, fs := range b.figures {
		if fs.fig.Table == t && has(fs.fig.Title+" "+fs.fig.Caption) {
			return true
		}
	}
	for _, c := range t.Columns {
		if c != nil && has(c.Heading()) {
			return true
		}
	}
	for _, r := range t.Rows {
		if r != nil && has(r.Label+" "+r.Lead) {
			return true
		}
	}
	return false
}

// ancestors holds the last row seen at each level, to name a sub-row's
// parent.
type ancestors []*report.Row

// parent is the label of the nearest row above level, or "not
// applicable" for a top-level row.
func (a ancestors) parent(level int) string {
	for lv := min(level, len(a)) - 1; lv >= 0; lv-- {
		if a[lv] != nil {
			return rowLabel(a[lv])
		}
	}
	return markNotApplicable
}

// push records r as the last row at its level, and forgets the rows
// below it.
func (a *ancestors) push(r *report.Row) {
	lv := max(r.Level, 0)
	for len(*a) <= lv {
		*a = append(*a, nil)
	}
	(*a)[lv] = r
	*a = (*a)[:lv+1]
}

// writeRowCells writes r's cells from column col on, each followed, in an
// annotated column, by its note or "not applicable".
func (b *builder) writeRowCells(s *sheetWriter, r *report.Row, row, col int, annotated []bool) {
	for i := range annotated {
		c := cellAt(r, i)
		switch c.Kind {
		case report.Number:
			s.number(col, row, c, styleKey{bold: r.Total, numFmt: numberFormat(c)})
		case report.Dash:
			s.str(col, row, b.w.DashMark, styleKey{right: true})
		case report.NotApplicable:
			s.str(col, row, markNotApplicable, styleKey{right: true})
		case report.Confidential:
			s.str(col, row, report.GSSSymbols.Confidential, styleKey{right: true})
		default:
			s.str(col, row, markNotAvailable, styleKey{right: true})
		}
		col++
		if annotated[i] {
			if c.Kind == report.Number && c.Note != "" {
				s.str(col, row, c.Note, styleKey{wrap: true})
			} else {
				s.str(col, row, markNotApplicable, styleKey{})
			}
			col++
		}
	}
}

// rowLabel returns a row's label. A sub-row's lead ("of which") is left
// out: the Parent column says what it is part of.
func rowLabel(r *report.Row) string {
	if r.Level > 0 || strings.TrimSpace(r.Lead) == "" {
		return or(r.Heading(), r.Lead)
	}
	return strings.TrimSpace(r.Lead + " " + r.Heading())
}

// markLines explains the shorthands used on a sheet, one line each.
func (b *builder) markLines(m marks) []string {
	var out []string
	if m.notAvailable {
		out = append(out, markNotAvailable+" = "+b.p.Labels.NotAvailable)
	}
	if m.notApplicable {
		out = append(out, markNotApplicable+" = "+b.w.NotApplicable)
	}
	if m.dash {
		out = append(out, b.w.DashMark+" = "+b.w.DashInfo)
	}
	l, gss := b.p.Labels, report.GSSSymbols
	if m.confidential {
		out = append(out, gss.Confidential+" = "+l.Confidential)
	}
	if m.provisional {
		out = append(out, gss.Provisional+" = "+l.Provisional)
	}
	if m.estimated {
		out = append(out, gss.Estimated+" = "+l.Estimated)
	}
	return out
}
