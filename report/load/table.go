package load

import (
	"fmt"

	"github.com/migprofile/migprofile/report"
)

// The parts of compiling a table (compiler.table): its columns, its rows
// and their cells, and the references between them.

// tableIDs is what one table's ids refer to, for the references between
// its rows and columns.
type tableIDs struct {
	c    *compiler
	cols map[string]*report.Column
	rows map[string]*report.Row
	// ambiguous holds the row ids made from a label that several rows
	// share: a reference to one of them cannot be resolved.
	ambiguous map[string]bool
}

// addRow registers row, read from rf at path p, under its id. A row
// without an id is known by its label's slug, unless another row has the
// same one.
func (ids *tableIDs) addRow(row *report.Row, rf rowFile, p string) {
	if rf.ID.S != "" {
		if ids.rows[row.ID] != nil && !ids.ambiguous[row.ID] {
			ids.c.errorf(rf.ID.Pos, p+".id", "row id %q used twice", row.ID)
		}
		ids.rows[row.ID], ids.ambiguous[row.ID] = row, false
		return
	}
	row.ID = report.Slug(rf.Label)
	if ids.rows[row.ID] != nil {
		ids.ambiguous[row.ID] = true
	} else {
		ids.rows[row.ID] = row
	}
}

// findRow returns the row ref names, or reports at path p why there is
// none and returns nil.
func (ids *tableIDs) findRow(ref posString, p string) *report.Row {
	if ids.ambiguous[ref.S] {
		ids.c.errorf(ref.Pos, p, "row id %q is ambiguous: several rows have that label; give them explicit ids", ref.S)
		return nil
	}
	r := ids.rows[ref.S]
	if r == nil {
		ids.c.errorf(ref.Pos, p, "no row with id %q in this table", ref.S)
	}
	return r
}

// findCol returns the column ref names, or reports at path p that there
// is none and returns nil.
func (ids *tableIDs) findCol(ref posString, p string) *report.Column {
	col := ids.cols[ref.S]
	if col == nil {
		ids.c.errorf(ref.Pos, p, "no column with id %q in this table", ref.S)
	}
	return col
}

// column compiles the i-th column file, without its references.
func (c *compiler) column(i int, cf columnFile, ids *tableIDs) *report.Column {
	p := fmt.Sprintf("columns[%d]", i)
	col := &report.Column{Pos: cf.Pos, ID: cf.ID.S, Label: report.Typeset(c.lang, cf.Label), Group: report.Typeset(c.lang, cf.Group),
		Unit: report.Count, Signed: cf.Signed}
	switch cf.Unit.S {
	case "", "count":
	case "percent":
		col.Unit = report.Percent
	case "rate":
		col.Unit, col.Aggregate = report.Rate, report.NoAggregate
	default:
		c.errorf(cf.Unit.Pos, p+".unit", "want count, percent or rate, got %q", cf.Unit.S)
	}
	switch cf.Aggregate.S {
	case "":
	case "sum":
		col.Aggregate = report.Sum
	case "none":
		col.Aggregate = report.NoAggregate
	case "mean":
		col.Aggregate = report.WeightedMean
	default:
		c.errorf(cf.Aggregate.Pos, p+".aggregate", "want sum, none or mean (with weight), got %q", cf.Aggregate.S)
	}
	if col.ID != "" && ids.cols[col.ID] != nil {
		c.errorf(cf.ID.Pos, p+".id", "column id %q used twice", col.ID)
	}
	ids.cols[col.ID] = col
	return col
}

// row compiles the i-th row file of a table of ncol columns, without its
// references.
func (c *compiler) row(i int, rf rowFile, ncol int, ids *tableIDs) *report.Row {
	p := fmt.Sprintf("rows[%d]", i)
	row := &report.Row{Pos: rf.Pos, ID: rf.ID.S, Label: report.Typeset(c.lang, rf.Label), Lead: report.Typeset(c.lang, rf.Lead),
		Level: rf.Level, Total: rf.Total, Signed: rf.Signed.All, Unit: report.Typeset(c.lang, rf.Unit), LabelOnly: rf.Values == nil}
	switch rf.Aggregate.S {
	case "", "sum":
	case "none":
		row.Aggregate = report.NoAggregate
	default:
		c.errorf(rf.Aggregate.Pos, p+".aggregate", "want sum or none, got %q", rf.Aggregate.S)
	}
	ids.addRow(row, rf, p)
	if rf.Level < 0 || rf.Level > 3 {
		c.errorf(rf.Pos, p+".level", "level %d: want 0 to 3", rf.Level)
	}
	if row.LabelOnly {
		// A group row: a label over its sub-rows, its cells not applicable.
		row.Cells = make([]report.Cell, ncol)
		for j := range row.Cells {
			row.Cells[j] = report.Cell{Pos: rf.Pos, Kind: report.NotApplicable, Quiet: true}
		}
		return row
	}
	if len(rf.Values) != ncol && ncol > 0 {
		c.errorf(rf.Pos, p+".values", "%d values for %d columns", len(rf.Values), ncol)
	}
	row.Cells = c.cells(rf, p, ncol)
	return row
}

// cells parses the values of row rf (at path p) into exactly ncol cells:
// a value that is no number is reported and left blank, missing values
// are blank and extra ones dropped (row reports the count).
func (c *compiler) cells(rf rowFile, p string, ncol int) []report.Cell {
	var cells []report.Cell
	for j, v := range rf.Values {
		if !v.Valid {
			cells = append(cells, report.Cell{Pos: v.Pos, Kind: report.Blank})
			continue
		}
		cell, err := parseCell(v)
		if err != nil {
			c.errorf(v.Pos, fmt.Sprintf("%s.values[%d]", p, j), "%v", err)
			cell.Kind = report.Blank
		}
		cells = append(cells, cell)
	}
	for len(cells) < ncol {
		cells = append(cells, report.Cell{Pos: rf.Pos, Kind: report.Blank})
	}
	return cells[:ncol]
}

// columnRefs resolves the i-th column's sum_of and percent_of, and checks
// that a percentage has exactly one base.
func (c *compiler) columnRefs(i int, cf columnFile, col *report.Column, ids *tableIDs) {
	p := fmt.Sprintf("columns[%d]", i)
	for j, ref := range cf.SumOf {
		if x := ids.findCol(ref, fmt.Sprintf("%s.sum_of[%d]", p, j)); x != nil {
			col.SumOf = append(col.SumOf, x)
		}
	}
	c.columnBalance(i, cf, col, ids)
	if cf.PercentOf.S == "" {
		if cf.BaseRow.S != "" || cf.BaseColumn.S != "" {
			c.errorf(cf.Pos, p, "base_row and base_column need percent_of")
		}
		return
	}
	col.PercentOf = ids.findCol(cf.PercentOf, p+".percent_of")
	if col.Unit != report.Percent {
		c.errorf(cf.PercentOf.Pos, p+".percent_of", "percent_of needs unit: percent")
	}
	switch {
	case cf.BaseRow.S != "" && cf.BaseColumn.S != "":
		c.errorf(cf.Pos, p, "give base_row or base_column, not both")
	case cf.BaseRow.S != "":
		col.BaseRow = ids.findRow(cf.BaseRow, p+".base_row")
	case cf.BaseColumn.S != "":
		col.BaseColumn = ids.findCol(cf.BaseColumn, p+".base_column")
	default:
		c.errorf(cf.Pos, p, "percent_of needs base_row (share of a column total) or base_column (share of a row total)")
	}
}

// columnBalance resolves the i-th column's difference_of (a signed
// balance of two columns) and the weight of a weighted mean.
func (c *compiler) columnBalance(i int, cf columnFile, col *report.Column, ids *tableIDs) {
	p := fmt.Sprintf("columns[%d]", i)
	switch {
	case len(cf.DifferenceOf) == 0:
	case len(cf.DifferenceOf) != 2:
		c.errorf(cf.Pos, p+".difference_of", "want two column ids [minuend, subtrahend], got %d", len(cf.DifferenceOf))
	default:
		a := ids.findCol(cf.DifferenceOf[0], p+".difference_of[0]")
		b := ids.findCol(cf.DifferenceOf[1], p+".difference_of[1]")
		if a != nil && b != nil {
			col.DifferenceOf, col.Signed = []*report.Column{a, b}, true
		}
	}
	switch {
	case col.Aggregate == report.WeightedMean && cf.Weight.S == "":
		c.errorf(cf.Aggregate.Pos, p+".weight", "aggregate: mean needs weight: the column whose values weigh the mean")
	case col.Aggregate == report.WeightedMean:
		col.Weight = ids.findCol(cf.Weight, p+".weight")
	case cf.Weight.S != "":
		c.errorf(cf.Weight.Pos, p+".weight", "weight needs aggregate: mean")
	}
}

// rowRefs resolves the i-th row's sum_of (a keyword or a list of ids) and
// difference_of; rfs and rows are all the table's rows, as read and as
// compiled.
func (c *compiler) rowRefs(i int, rfs []rowFile, rows []*report.Row, ids *tableIDs) {
	p := fmt.Sprintf("rows[%d]", i)
	rf, row := rfs[i], rows[i]
	switch {
	case !rf.SumOf.Set:
	case rf.SumOf.Keyword == "children":
		row.SumOf = childRows(rows, i)
		if len(row.SumOf) == 0 {
			c.errorf(rf.SumOf.Pos, p+".sum_of", "sum_of: children, but no sub-rows (level %d) follow", row.Level+1)
		}
	case rf.SumOf.Keyword == "preceding":
		row.SumOf = precedingRows(rfs, rows, i)
		if len(row.SumOf) == 0 {
			c.errorf(rf.SumOf.Pos, p+".sum_of", "sum_of: preceding, but no rows at level %d come before", row.Level)
		}
	default:
		for j, ref := range rf.SumOf.IDs {
			if r := ids.findRow(ref, fmt.Sprintf("%s.sum_of[%d]", p, j)); r != nil {
				row.SumOf = append(row.SumOf, r)
			}
		}
	}
	if len(rf.DifferenceOf) == 0 {
		return
	}
	if len(rf.DifferenceOf) != 2 {
		c.errorf(rf.Pos, p+".difference_of", "want two row ids [minuend, subtrahend], got %d", len(rf.DifferenceOf))
		return
	}
	a := ids.findRow(rf.DifferenceOf[0], p+".difference_of[0]")
	b := ids.findRow(rf.DifferenceOf[1], p+".difference_of[1]")
	if a != nil && b != nil {
		row.DifferenceOf = []*report.Row{a, b}
	}
}

// childRows is what "sum_of: children" means for rows[i]: the rows one
// level below it that follow it, up to the next row at its level or above.
func childRows(rows []*report.Row, i int) []*report.Row {
	var out []*report.Row
	level := rows[i].Level
	for j := i + 1; j < len(rows) && rows[j].Level > level; j++ {
		if rows[j].Level == level+1 {
			out = append(out, rows[j])
		}
	}
	return out
}

// precedingRows is what "sum_of: preceding" means for rows[i]: the rows at
// its level before it, back to a row above its level or to an earlier
// "sum_of: preceding" row, which closes the previous run.
func precedingRows(rfs []rowFile, rows []*report.Row, i int) []*report.Row {
	var out []*report.Row
	level := rows[i].Level
	for j := i - 1; j >= 0 && rows[j].Level >= level; j-- {
		if rows[j].Level != level {
			continue
		}
		if rfs[j].SumOf.Keyword == "preceding" {
			break
		}
		out = append([]*report.Row{rows[j]}, out...)
	}
	return out
}

// negativeCounts reports the negative numbers in count columns: a count
// of people cannot be negative; only a signed column or row, or a
// difference (a migratory balance), can.
func (c *compiler) negativeCounts(t *report.Table, tf tableFile) {
	ids := map[string]bool{}
	for _, col := range t.Columns {
		ids[col.ID] = true
	}
	for i, row := range t.Rows {
		rf := tf.Rows[i]
		for k, id := range rf.Signed.Columns {
			if !ids[id.S] {
				c.errorf(id.Pos, fmt.Sprintf("rows[%d].signed[%d]", i, k), "no column %q in table %q", id.S, t.ID)
			}
		}
		if len(rf.DifferenceOf) > 0 || row.Signed {
			continue
		}
		for j, cell := range row.Cells {
			col := t.Columns[j]
			if cell.Kind == report.Number && cell.Units < 0 && col.Unit == report.Count && !col.Signed && !rf.Signed.allows(col.ID) {
				c.errorf(cell.Pos, fmt.Sprintf("rows[%d].values[%d]", i, j),
					"negative count %s: only a signed column or row (signed: true), a value the row declares signed (signed: [column]) or a difference (difference_of) may be negative",
					report.FormatUnits(cell.Units, cell.Decimals, c.labels.ThousandsSep, c.labels.DecimalMark))
			}
		}
	}
}
