package report

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
)

// Dataset is the part of a table a figure draws: its categories (the bars
// or groups of bars, in drawing order) and its series (one value per
// category each). Every renderer draws the same dataset, so the rules that
// decide it live here, once, and Profile.Validate reports their breaches.
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
	Values []Cell
}

// FigureError is a figure declaration that cannot be drawn, positioned at
// the field that says so.
type FigureError struct {
	Pos
	// Path is the field's path in the figure's file, e.g. "series[1]".
	Path string
	Msg  string
}

func (e *FigureError) Error() string {
	return Diagnostic{Severity: Error, Pos: e.Pos, Path: e.Path, Msg: e.Msg}.String()
}

// Valid reports whether k is one of the kinds of figure.
func (k FigureKind) Valid() bool {
	switch k {
	case HorizontalBars, GroupedBars, DivergingBars, PercentBars:
		return true
	}
	return false
}

// Data resolves the figure's categories and series from its table, as
// declared by Categories, Series, Transpose and Sort. The error is the
// figure's first problem (see Problems); a validated profile has none.
func (f *Figure) Data() (Dataset, error) {
	if probs := f.Problems(); len(probs) > 0 {
		return Dataset{}, probs[0]
	}
	t := f.Table
	cats := f.categoryIndexes()
	sers := f.seriesIndexes()
	var d Dataset
	for _, i := range cats {
		if f.Transpose {
			col := t.Columns[i]
			d.Categories = append(d.Categories, Category{ID: col.ID, Label: col.Heading(), Index: i})
		} else {
			row := t.Rows[i]
			d.Categories = append(d.Categories, Category{ID: row.key(), Label: row.Label, Index: i, Total: row.Total})
		}
	}
	for k, label := range f.CategoryLabels {
		d.Categories[k].Label = label
	}
	names := seriesNames(t, f.Transpose, sers)
	for k, j := range sers {
		s := Series{ID: f.Series[k].ID, Name: names[k], Index: j}
		for _, i := range cats {
			s.Values = append(s.Values, f.cell(i, j))
		}
		d.Series = append(d.Series, s)
	}
	if f.Sort != "" {
		d.sort(f.Sort == "descending")
	}
	return d, nil
}

// Panels splits the figure into n figures of consecutive categories, in
// the order drawn, that share the whole figure's value axis: a figure with
// too many bars for one drawing is read as panels on a common scale. With
// n below 2, fewer than two categories, or problems, it is the figure.
func (f *Figure) Panels(n int) []*Figure {
	d, err := f.Data()
	if n < 2 || err != nil || len(d.Categories) < 2 {
		return []*Figure{f}
	}
	n = min(n, len(d.Categories))
	lo, hi := 0.0, 0.0
	for _, s := range d.Series {
		for _, c := range s.Values {
			if v, ok := c.Value(); ok {
				lo, hi = min(lo, v), max(hi, v)
			}
		}
	}
	out := make([]*Figure, 0, n)
	for i := range n {
		p := *f
		p.Categories, p.Sort = nil, ""
		for _, c := range d.Categories[i*len(d.Categories)/n : (i+1)*len(d.Categories)/n] {
			p.Categories = append(p.Categories, Ref{Pos: f.Pos, ID: c.ID})
		}
		if len(f.Range) != 2 {
			p.Span = []float64{lo, hi}
		}
		out = append(out, &p)
	}
	return out
}

// Problems returns every reason the figure cannot be drawn as declared:
// an unknown kind or sort order, a number of series its kind cannot draw,
// references to rows or columns its table lacks, rows too short for the
// columns drawn. Nil means Data succeeds.
func (f *Figure) Problems() []*FigureError {
	var probs []*FigureError
	add := func(pos Pos, path, format string, args ...any) {
		if pos.File == "" {
			pos = f.Pos
		}
		probs = append(probs, &FigureError{Pos: pos, Path: path, Msg: fmt.Sprintf(format, args...)})
	}
	switch {
	case f.Kind == "":
		add(f.Pos, "kind", "missing")
	case !f.Kind.Valid():
		add(f.KindPos, "kind", "unknown figure kind %q (want horizontal-bars, grouped-bars, diverging-bars or percent-bars)", f.Kind)
	}
	switch f.Sort {
	case "", "ascending", "descending":
	default:
		add(f.SortPos, "sort", "want ascending or descending, got %q", f.Sort)
	}
	f.seriesCountProblems(add)
	f.rangeProblems(add)
	if f.Table == nil {
		add(f.Pos, "table", "figure %q draws from no table", f.ID)
		return probs
	}
	if slices.Contains(f.Table.Rows, nil) || slices.Contains(f.Table.Columns, nil) {
		add(f.Table.Pos, "", "table %q has an empty row or column", f.Table.ID)
		return probs
	}
	f.referenceProblems(add)
	if len(probs) > 0 {
		return probs
	}
	if n := len(f.CategoryLabels); n > 0 && n != len(f.categoryIndexes()) {
		add(f.Pos, "category_labels", "%d category labels for %d categories; give one label per category drawn", n, len(f.categoryIndexes()))
		return probs
	}
	f.shortRowProblems(add)
	if len(probs) == 0 {
		f.rangeDataProblems(add)
	}
	return probs
}

type addFunc func(pos Pos, path, format string, args ...any)

func (f *Figure) seriesCountProblems(add addFunc) {
	n := len(f.Series)
	at := func(i int) Pos {
		if i < n {
			return f.Series[i].Pos
		}
		return f.Pos
	}
	switch f.Kind {
	case HorizontalBars, PercentBars:
		if n != 1 {
			add(at(1), "series", "kind %s draws exactly one series, got %d", f.Kind, n)
		}
	case GroupedBars:
		if n == 0 {
			add(f.Pos, "series", "kind %s draws at least one series, got none", f.Kind)
		}
	case DivergingBars:
		if n < 2 {
			add(at(0), "series", "kind %s draws at least two series, got %d", f.Kind, n)
		}
	}
}

// maxRange bounds a range's ends: a table's values stay well within it,
// and float64 still holds its whole numbers exactly.
const maxRange = 1e15

// rangeProblems checks a fixed range on its own: two numbers, low below
// high, within ±maxRange, zero between them, since every bar starts at
// zero.
func (f *Figure) rangeProblems(add addFunc) {
	if f.Range == nil {
		return
	}
	if len(f.Range) != 2 {
		add(f.RangePos, "range", "want two numbers [low, high], got %d", len(f.Range))
		return
	}
	lo, hi := f.Range[0], f.Range[1]
	switch {
	case math.IsNaN(lo) || math.IsNaN(hi) || math.IsInf(lo, 0) || math.IsInf(hi, 0):
		add(f.RangePos, "range", "want finite numbers, got [%v, %v]", lo, hi)
	case math.Abs(lo) > maxRange || math.Abs(hi) > maxRange:
		add(f.RangePos, "range", "[%v, %v] is beyond ±%v, more than a table's numbers reach", lo, hi, maxRange)
	case lo >= hi:
		add(f.RangePos, "range", "low end %v is not below high end %v", lo, hi)
	case lo > 0 || hi < 0:
		add(f.RangePos, "range", "[%v, %v] leaves out zero, where the bars start", lo, hi)
	}
}

// rangeDataProblems reports the first value a fixed range cuts off, as
// the figure draws it (a diverging figure's first series to the left).
func (f *Figure) rangeDataProblems(add addFunc) {
	if len(f.Range) != 2 {
		return
	}
	for k, j := range f.seriesIndexes() {
		for _, i := range f.categoryIndexes() {
			v, ok := f.cell(i, j).Value()
			if k == 0 && f.Kind == DivergingBars {
				v = -v
			}
			if ok && (v < f.Range[0] || v > f.Range[1]) {
				add(f.RangePos, "range", "[%v, %v] cuts off the value %v of series %q", f.Range[0], f.Range[1], v, f.Series[k].ID)
				return
			}
		}
	}
}

// AxisTitle is the value axis' title: ValueAxis when declared, else the
// label the columns drawn share ("Number", "%"). Never the group and the
// label glued together ("1998 Number"): a group names the columns, not
// their unit. "" when the columns share no label, or when the figure is
// transposed (its series are rows, whose labels name no unit).
func (f *Figure) AxisTitle() string {
	if f.ValueAxis != "" || f.Transpose || f.Table == nil {
		return f.ValueAxis
	}
	label := ""
	for k, j := range f.seriesIndexes() {
		if j >= len(f.Table.Columns) || f.Table.Columns[j] == nil {
			return ""
		}
		c := f.Table.Columns[j]
		if k > 0 && c.Label != label {
			return ""
		}
		label = c.Label
	}
	return label
}

// referenceProblems checks that every category and series names a row or
// a column of the table, and that there is something to draw.
func (f *Figure) referenceProblems(add addFunc) {
	t := f.Table
	rows, cols := rowIndex(t), columnIndex(t)
	serIDs, catIDs, serWhat, catWhat := cols, rows, "column", "row"
	nCat := len(t.Rows)
	if f.Transpose {
		serIDs, catIDs, serWhat, catWhat = rows, cols, "row", "column"
		nCat = len(t.Columns)
	}
	for i, s := range f.Series {
		if _, ok := serIDs[s.ID]; !ok {
			add(s.Pos, fmt.Sprintf("series[%d]", i), "table %q has no %s %q", t.ID, serWhat, s.ID)
		}
	}
	for i, c := range f.Categories {
		if _, ok := catIDs[c.ID]; !ok {
			add(c.Pos, fmt.Sprintf("categories[%d]", i), "table %q has no %s %q", t.ID, catWhat, c.ID)
		}
	}
	if len(f.Categories) == 0 && nCat == 0 {
		add(f.Pos, "categories", "nothing to draw: table %q has no %ss", t.ID, catWhat)
	}
}

// shortRowProblems reports a drawn row that has fewer values than the
// columns drawn from it.
func (f *Figure) shortRowProblems(add addFunc) {
	t := f.Table
	for _, i := range f.categoryIndexes() {
		for _, j := range f.seriesIndexes() {
			r, c := i, j
			if f.Transpose {
				r, c = j, i
			}
			if row := t.Rows[r]; c >= len(row.Cells) {
				add(row.Pos, "", "figure %q draws column %q of row %q, which has %d values", f.ID, t.Columns[c].ID, row.key(), len(row.Cells))
				return
			}
		}
	}
}

func rowIndex(t *Table) map[string]int {
	idx := make(map[string]int, len(t.Rows))
	for i, r := range t.Rows {
		if _, dup := idx[r.key()]; !dup {
			idx[r.key()] = i
		}
	}
	return idx
}

// key is the row's id, or the slug of its label for a row built without
// one (the loader always sets it).
func (r *Row) key() string {
	if r.ID != "" {
		return r.ID
	}
	return Slug(r.Label)
}

func columnIndex(t *Table) map[string]int {
	idx := make(map[string]int, len(t.Columns))
	for i, c := range t.Columns {
		if _, dup := idx[c.ID]; !dup {
			idx[c.ID] = i
		}
	}
	return idx
}

// categoryIndexes returns the positions, in the table, of the categories
// drawn: those named, or every row (column when transposed).
func (f *Figure) categoryIndexes() []int {
	idx, n := rowIndex(f.Table), len(f.Table.Rows)
	if f.Transpose {
		idx, n = columnIndex(f.Table), len(f.Table.Columns)
	}
	var out []int
	for _, c := range f.Categories {
		out = append(out, idx[c.ID])
	}
	if len(f.Categories) == 0 {
		for i := range n {
			out = append(out, i)
		}
	}
	return out
}

// seriesIndexes returns the positions, in the table, of the series drawn.
func (f *Figure) seriesIndexes() []int {
	idx := columnIndex(f.Table)
	if f.Transpose {
		idx = rowIndex(f.Table)
	}
	out := make([]int, len(f.Series))
	for k, s := range f.Series {
		out[k] = idx[s.ID]
	}
	return out
}

// cell is the value of category i in series j.
func (f *Figure) cell(i, j int) Cell {
	r, c := i, j
	if f.Transpose {
		r, c = j, i
	}
	return f.Table.Rows[r].Cells[c]
}

// sort orders the categories by the first series' values, stably;
// missing values go last either way.
func (d *Dataset) sort(desc bool) {
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
		vals := make([]Cell, len(order))
		for k, i := range order {
			vals[k] = d.Series[s].Values[i]
		}
		d.Series[s].Values = vals
	}
}

// seriesNames names the series for a legend. Rows are named by their
// label; columns by their heading, without a group or a label that all the
// series share.
func seriesNames(t *Table, transpose bool, idx []int) []string {
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

// NumberedTitle is the figure's title line as every output prints it:
// "Figure 3. Title", or the title alone without a number or a word.
func (f *Figure) NumberedTitle(l Labels) string {
	return l.NumberedTitle(l.Figure, f.Number, f.Title)
}

// SourceLines returns the figure's source lines as documents print them,
// "Source: …" (or the source's own label), from the figure's sources or
// else its table's.
func (f *Figure) SourceLines(l Labels) []string {
	srcs := f.Sources
	if len(srcs) == 0 && f.Table != nil {
		srcs = f.Table.Sources
	}
	var out []string
	for _, s := range srcs {
		out = append(out, s.Line(l))
	}
	return out
}

// AltText returns a one-sentence text alternative to the figure, built
// from its data and the profile's labels, so that it reads in the
// profile's language: the caption ("Figure N. Title"), then for each
// series its largest and smallest bar, e.g. "Figure 1. Malians abroad,
// 2001: Number, largest Ivory Coast (523,231), smallest Bur. Faso
// (21,316)." Total rows are left out of the comparison; a series of one
// or two bars lists them. A figure whose data do not resolve gets its
// caption alone.
func (f *Figure) AltText(l Labels) string {
	caption := strings.TrimRight(f.NumberedTitle(l), ". ")
	d, err := f.Data()
	if err != nil {
		return caption + "."
	}
	if len(d.Series) == 1 && f.ValueAxis != "" {
		// One series reads as what its declared axis measures ("Number
		// of Malians abroad"), not as its column's group and label run
		// together ("Malian statistics (RACE) Number").
		d.Series[0].Name = f.ValueAxis
	}
	var parts []string
	for _, s := range d.Series {
		if part := d.extremes(s, l); part != "" {
			parts = append(parts, part)
		}
	}
	if len(parts) == 0 {
		return caption + "."
	}
	// Fields also splits at no-break spaces: Typeset sets them again.
	return Typeset(l.Language, strings.Join(strings.Fields(l.Prefix(caption)+strings.Join(parts, "; ")+"."), " "))
}

// extremes describes a series in its text alternative: its bars when it
// has one or two, else its largest and smallest; "" when it has no number.
func (d Dataset) extremes(s Series, l Labels) string {
	bar := func(i int) string {
		c := s.Values[i]
		v := c.Format(l)
		if c.Kind == Blank && l.NotAvailable != "" {
			v = l.NotAvailable
		}
		return d.Categories[i].Label + " (" + v + ")"
	}
	var idx []int
	for i, c := range s.Values {
		if !d.Categories[i].Total && c.Kind == Number {
			idx = append(idx, i)
		}
	}
	switch {
	case len(idx) == 0:
		return ""
	case len(idx) <= 2:
		var bars []string
		for _, i := range idx {
			bars = append(bars, bar(i))
		}
		return s.Name + " " + strings.Join(bars, ", ")
	}
	hi, lo := idx[0], idx[0]
	for _, i := range idx {
		v, _ := s.Values[i].Value()
		if h, _ := s.Values[hi].Value(); v > h {
			hi = i
		}
		if m, _ := s.Values[lo].Value(); v < m {
			lo = i
		}
	}
	return s.Name + ", " + l.Largest + " " + bar(hi) + ", " + l.Smallest + " " + bar(lo)
}
