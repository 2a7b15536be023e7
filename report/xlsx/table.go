package xlsx

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/migprofile/migprofile/report"
)

// tableLayout records where a statistical table's cells are, so that
// charts can refer to them.
type tableLayout struct {
	sheet    string
	header   int   // row of the header
	labelCol int   // column of the row labels
	rowAt    []int // sheet row of each of Table.Rows
	colAt    []int // sheet column of each of Table.Columns
}

// numberFormat is the spreadsheet number format that prints a cell as
// published: "#,##0" for whole numbers, "#,##0.0" for one decimal, …
func numberFormat(c report.Cell) string {
	if c.Decimals == 0 {
		return "#,##0"
	}
	return "#,##0." + strings.Repeat("0", c.Decimals)
}

// cellAt returns row r's cell in column i (a blank when missing).
func cellAt(r *report.Row, i int) report.Cell {
	if i < len(r.Cells) {
		return r.Cells[i]
	}
	return report.Cell{Kind: report.Blank}
}

// columnHeading returns a column's flattened, meaningful heading:
// "1998 Number", "1998 percent".
func (b *builder) columnHeading(c *report.Column) string {
	words := strings.Fields(c.Heading())
	for i, w := range words {
		if w == "%" {
			words[i] = b.w.Percent
		}
	}
	h := strings.Join(words, " ")
	if h == "" {
		h = c.ID
	}
	return h
}

// tableTitle returns "Table N: title, period" (the period is added when
// the title does not already end with it).
func (b *builder) tableTitle(number int, title, period string) string {
	t := oneLine(title)
	if p := oneLine(period); p != "" && !strings.HasSuffix(t, p) {
		t += ", " + p
	}
	return oneLine(or(b.p.Labels.Table, "Table")) + " " + strconv.Itoa(number) + ": " + t
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
	heading := styleKey{size: sizeTitle, bold: true}

	// Plan the columns: label, parent (if any sub-row), then each column
	// and, after a column with annotations, its annotation column.
	hasParent := false
	for _, r := range t.Rows {
		if r != nil && r.Level > 0 {
			hasParent = true
		}
	}
	annotated := make([]bool, len(t.Columns))
	var used marks
	for _, r := range t.Rows {
		if r == nil {
			continue
		}
		if hasParent && r.Level == 0 {
			used.notApplicable = true
		}
		for i := range t.Columns {
			switch c := cellAt(r, i); c.Kind {
			case report.Number:
				if c.Note != "" {
					annotated[i] = true
				}
			case report.Dash:
				used.dash = true
			default:
				used.notAvailable = true
			}
		}
	}
	for _, r := range t.Rows {
		if r == nil {
			continue
		}
		for i := range t.Columns {
			if c := cellAt(r, i); annotated[i] && (c.Kind != report.Number || c.Note == "") {
				used.notApplicable = true
			}
		}
	}
	b.used.add(used)

	lay := &tableLayout{sheet: pt.sheet, labelCol: 1}
	headers := []string{or(t.Stub, b.w.Row)}
	numeric := map[int]bool{}
	if hasParent {
		headers = append(headers, b.w.Parent)
	}
	for i, c := range t.Columns {
		if c == nil {
			return fmt.Errorf("xlsx: table %q: column %d is nil", t.ID, i+1)
		}
		h := b.columnHeading(c)
		headers = append(headers, h)
		lay.colAt = append(lay.colAt, len(headers))
		numeric[len(headers)] = true
		if annotated[i] {
			headers = append(headers, h+" "+b.w.Annotation)
		}
	}
	headers = uniqueHeaders(headers, b.w.Row)

	// Title and information rows.
	row := 1
	s.str(1, row, b.tableTitle(t.Number, t.Title, t.Period), heading)
	row++
	s.str(1, row, b.w.OneTable, styleKey{})
	if p := oneLine(t.Period); p != "" {
		row++
		s.str(1, row, b.w.Period+": "+p, styleKey{})
	}
	for i, src := range t.Sources {
		row++
		s.str(1, row, b.withRefs(b.sourceLine(src), pt.sourceNotes[i]), styleKey{})
	}
	for i, n := range t.Notes {
		row++
		s.str(1, row, b.withRefs(or(l.Notes, "Notes")+": "+b.text(n), pt.noteNotes[i]), styleKey{})
	}
	for _, line := range b.markLines(used) {
		row++
		s.str(1, row, line, styleKey{})
	}
	if hasParent {
		row++
		s.str(1, row, b.w.ParentInfo, styleKey{})
	}
	for _, a := range annotated {
		if a {
			row++
			s.str(1, row, b.w.AnnotationInfo, styleKey{})
			break
		}
	}
	var figs []string
	for _, fs := range b.figures {
		if fs.fig.Table == t {
			figs = append(figs, fs.sheet+" ("+oneLine(fs.fig.Title)+")")
		}
	}
	if len(figs) > 0 {
		row++
		s.str(1, row, b.w.ChartsInfo+": "+strings.Join(figs, "; "), styleKey{})
	}
	// Information rows are measured apart: they overflow to the right.
	clear(s.width)

	// The table.
	row++
	lay.header = row
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
	var parents []*report.Row // parents[level] = last row seen at that level
	for ri, r := range t.Rows {
		if r == nil {
			return fmt.Errorf("xlsx: table %q: row %d is nil", t.ID, ri+1)
		}
		row++
		lay.rowAt = append(lay.rowAt, row)
		lk := styleKey{wrap: true, bold: r.Total, indent: max(r.Level, 0)}
		s.str(1, row, rowLabel(r), lk)
		col := 2
		if hasParent {
			parent := markNotApplicable
			for lv := min(r.Level, len(parents)) - 1; lv >= 0; lv-- {
				if parents[lv] != nil {
					parent = rowLabel(parents[lv])
					break
				}
			}
			s.str(col, row, parent, styleKey{wrap: true})
			col++
		}
		lv := max(r.Level, 0)
		for len(parents) <= lv {
			parents = append(parents, nil)
		}
		parents[lv] = r
		parents = parents[:lv+1]

		for i := range t.Columns {
			c := cellAt(r, i)
			switch c.Kind {
			case report.Number:
				s.number(col, row, c, styleKey{bold: r.Total, numFmt: numberFormat(c)})
			case report.Dash:
				s.str(col, row, b.w.DashMark, styleKey{right: true})
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
	if len(t.Rows) == 0 {
		return fmt.Errorf("xlsx: table %q has no rows", t.ID)
	}
	s.addTable(tableName(b.tblNames, or(l.Table, "Table")+strconv.Itoa(t.Number), t.ID), 1, lay.header, len(headers), row)
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
	b.layouts[t] = lay
	return s.finish()
}

// rowLabel returns a row's label. A sub-row's lead ("of which") is left
// out: the Parent column says what it is part of.
func rowLabel(r *report.Row) string {
	if r.Level > 0 || strings.TrimSpace(r.Lead) == "" {
		return or(r.Label, r.Lead)
	}
	return strings.TrimSpace(r.Lead + " " + r.Label)
}

// markLines explains the shorthands used on a sheet, one line each.
func (b *builder) markLines(m marks) []string {
	var out []string
	if m.notAvailable {
		out = append(out, markNotAvailable+" = "+or(b.p.Labels.NotAvailable, "not available"))
	}
	if m.notApplicable {
		out = append(out, markNotApplicable+" = "+b.w.NotApplicable)
	}
	if m.dash {
		out = append(out, b.w.DashMark+" = "+b.w.DashInfo)
	}
	return out
}
