package charts

import (
	"cmp"
	"errors"
	"fmt"
	"slices"

	"github.com/migprofile/migprofile/report"
)

// Dataset is the part of a table a figure draws: its categories (the bars
// or groups of bars, in drawing order) and its series (one value per
// category each).
type Dataset struct {
	Categories []Category
	Series     []Series
}

// Category is one bar, or one group of bars, of a figure.
type Category struct {
	// ID is the row id (a column id when the figure is transposed).
	ID    string
	Label string
	// Index is the category's position in Table.Rows (Table.Columns when
	// transposed), so that a spreadsheet can refer to its cells.
	Index int
	// Total marks a total row, drawn apart from the others.
	Total bool
}

// Series is one set of values of a figure, one per category.
type Series struct {
	// ID is the column id (a row id when the figure is transposed).
	ID string
	// Name is the series' name in a legend: the column's heading without
	// the words all the figure's series share (e.g. "1976" and "1987" for
	// "1976 Number" and "1987 Number"), or the row's label.
	Name string
	// Index is the series' position in Table.Columns (Table.Rows when
	// transposed).
	Index int
	// Values are the cells, in the order of Dataset.Categories.
	Values []report.Cell
}

// ErrFigure is wrapped by every error about a figure's declaration.
var ErrFigure = errors.New("invalid figure")

func figureErr(f *report.Figure, format string, args ...any) error {
	where := ""
	if f.File != "" {
		where = f.File
		if f.Line > 0 {
			where += fmt.Sprintf(":%d", f.Line)
		}
		where += ": "
	}
	return fmt.Errorf("charts: %sfigure %q: %w: %s", where, f.ID, ErrFigure, fmt.Sprintf(format, args...))
}

// Data resolves the figure's categories and series from its table, as
// declared by Categories, Series, Transpose and Sort. It returns an error
// wrapping ErrFigure when a reference does not resolve or the figure's
// kind cannot draw the data.
func Data(f *report.Figure) (Dataset, error) {
	if f == nil {
		return Dataset{}, fmt.Errorf("charts: %w: nil figure", ErrFigure)
	}
	t := f.Table
	if t == nil {
		return Dataset{}, figureErr(f, "no table")
	}
	switch f.Kind {
	case report.HorizontalBars, report.PercentBars:
		if len(f.Series) != 1 {
			return Dataset{}, figureErr(f, "kind %s draws exactly one series, got %d", f.Kind, len(f.Series))
		}
	case report.GroupedBars:
		if len(f.Series) == 0 {
			return Dataset{}, figureErr(f, "no series")
		}
	case report.DivergingBars:
		if len(f.Series) < 2 {
			return Dataset{}, figureErr(f, "kind %s draws at least two series, got %d", f.Kind, len(f.Series))
		}
	default:
		return Dataset{}, figureErr(f, "unknown kind %q", f.Kind)
	}
	rowIdx := make(map[string]int, len(t.Rows))
	for i, r := range t.Rows {
		if _, dup := rowIdx[rowID(r)]; !dup {
			rowIdx[rowID(r)] = i
		}
	}
	colIdx := make(map[string]int, len(t.Columns))
	for i, c := range t.Columns {
		if _, dup := colIdx[c.ID]; !dup {
			colIdx[c.ID] = i
		}
	}
	catWhat, serWhat := "row", "column"
	catIdx, serIdx := rowIdx, colIdx
	nCat := len(t.Rows)
	if f.Transpose {
		catWhat, serWhat = serWhat, catWhat
		catIdx, serIdx = serIdx, catIdx
		nCat = len(t.Columns)
	}
	var cats []int
	if len(f.Categories) == 0 {
		for i := range nCat {
			cats = append(cats, i)
		}
	}
	for k, id := range f.Categories {
		i, ok := catIdx[id]
		if !ok {
			return Dataset{}, figureErr(f, "categories[%d]: no %s %q in table %q", k, catWhat, id, t.ID)
		}
		cats = append(cats, i)
	}
	if len(cats) == 0 {
		return Dataset{}, figureErr(f, "no categories: table %q has no %ss", t.ID, catWhat)
	}
	var sers []int
	for k, id := range f.Series {
		i, ok := serIdx[id]
		if !ok {
			return Dataset{}, figureErr(f, "series[%d]: no %s %q in table %q", k, serWhat, id, t.ID)
		}
		sers = append(sers, i)
	}
	cell := func(cat, ser int) (report.Cell, error) {
		r, c := cat, ser
		if f.Transpose {
			r, c = ser, cat
		}
		row := t.Rows[r]
		if c >= len(row.Cells) {
			return report.Cell{}, figureErr(f, "table %q row %q has %d values, %s %q needs %d", t.ID, rowID(row), len(row.Cells), "column", t.Columns[c].ID, c+1)
		}
		return row.Cells[c], nil
	}
	var d Dataset
	for _, i := range cats {
		var c Category
		if f.Transpose {
			col := t.Columns[i]
			c = Category{ID: col.ID, Label: col.Heading(), Index: i}
		} else {
			row := t.Rows[i]
			c = Category{ID: rowID(row), Label: row.Label, Index: i, Total: row.Total}
		}
		d.Categories = append(d.Categories, c)
	}
	names := seriesNames(t, f.Transpose, sers)
	for k, j := range sers {
		s := Series{ID: f.Series[k], Name: names[k], Index: j}
		for _, i := range cats {
			v, err := cell(i, j)
			if err != nil {
				return Dataset{}, err
			}
			s.Values = append(s.Values, v)
		}
		d.Series = append(d.Series, s)
	}
	switch f.Sort {
	case "":
	case "ascending", "descending":
		sortData(&d, f.Sort == "descending")
	default:
		return Dataset{}, figureErr(f, "sort %q: want ascending, descending or nothing", f.Sort)
	}
	return d, nil
}

// sortData orders the categories by the first series' values, stably;
// missing values go last either way.
func sortData(d *Dataset, desc bool) {
	order := make([]int, len(d.Categories))
	for i := range order {
		order[i] = i
	}
	first := d.Series[0].Values
	slices.SortStableFunc(order, func(a, b int) int {
		va, oka := first[a].Value()
		vb, okb := first[b].Value()
		switch {
		case !oka || !okb:
			if oka == okb {
				return 0
			}
			if oka {
				return -1
			}
			return 1
		case desc:
			return cmp.Compare(vb, va)
		}
		return cmp.Compare(va, vb)
	})
	cats := make([]Category, len(order))
	for k, i := range order {
		cats[k] = d.Categories[i]
	}
	d.Categories = cats
	for s := range d.Series {
		vals := make([]report.Cell, len(order))
		for k, i := range order {
			vals[k] = d.Series[s].Values[i]
		}
		d.Series[s].Values = vals
	}
}

// seriesNames names the series for a legend. Rows are named by their
// label; columns by their heading, without a group or a label that all the
// series share.
func seriesNames(t *report.Table, transpose bool, idx []int) []string {
	names := make([]string, len(idx))
	if transpose {
		for k, i := range idx {
			names[k] = t.Rows[i].Label
		}
		return names
	}
	sameGroup, sameLabel := true, true
	for _, i := range idx {
		c, c0 := t.Columns[i], t.Columns[idx[0]]
		sameGroup = sameGroup && c.Group == c0.Group
		sameLabel = sameLabel && c.Label == c0.Label
	}
	for k, i := range idx {
		c := t.Columns[i]
		switch {
		case len(idx) > 1 && sameLabel && !sameGroup && c.Group != "":
			names[k] = c.Group
		case len(idx) > 1 && sameGroup && !sameLabel && c.Label != "":
			names[k] = c.Label
		default:
			names[k] = c.Heading()
		}
	}
	return names
}

// rowID is the row's id, or the slug of its label when the row was built
// without one (the loader always sets it).
func rowID(r *report.Row) string {
	if r.ID != "" {
		return r.ID
	}
	return report.Slug(r.Label)
}
