package report

import (
	"fmt"
	"math"
	"strings"
)

// Validate checks what the loader cannot see file by file: that the
// model is complete, and that every statistical table agrees with its own
// arithmetic. Arithmetic disagreements are warnings — the numbers are
// printed as published — while an incomplete model is an error.
func (p *Profile) Validate() Diagnostics {
	v := validator{labels: p.Labels}
	v.meta(p.Meta)
	if len(p.Frameworks) == 0 {
		v.add(Error, p.Meta.Pos, "frameworks", "a profile needs at least one framework")
	}
	for _, f := range p.Frameworks {
		if strings.TrimSpace(f.Title) == "" {
			v.add(Error, f.Pos, "title", "framework %q has no title", f.ID)
		}
		for _, b := range f.Blocks {
			if b.Kind == LinksBlock {
				v.duplicateLinks(b.Pos, "links", b.Items)
			}
		}
	}
	for _, t := range p.Tables {
		v.table(t)
	}
	v.citations(p)
	for _, g := range p.Grids {
		if len(g.Sources) == 0 {
			v.add(Warning, g.Pos, "sources", "table %q (Table %d) has no source; every table should say where it comes from", g.ID, g.Number)
		}
		for i, s := range g.Sources {
			for _, earlier := range g.Sources[:i] {
				if strings.Contains(s.Text.String(), "://") && s.Text.String() == earlier.Text.String() {
					v.add(Warning, s.Pos, fmt.Sprintf("sources[%d]", i), "link listed twice: %s", s.Text.String())
					break
				}
			}
		}
	}
	for _, fig := range p.Figures {
		for _, prob := range fig.Problems() {
			v.add(Error, prob.Pos, prob.Path, "%s", prob.Msg)
		}
		if d, err := fig.Data(); err == nil {
			if bars := len(d.Categories) * len(d.Series); bars > maxPanels*MaxBars {
				v.add(Warning, fig.Pos, "categories", "figure %q draws %d bars, which the PDF sets as %d panels of at most %d; draw fewer categories or series, or let a table give these numbers", fig.ID, bars, (bars+MaxBars-1)/MaxBars, MaxBars)
			}
		}
	}
	v.inputChecks(p)
	return v.diags
}

// MaxBars is the most bars one drawing of a figure holds legibly: past it
// the bars grow too thin or the figure too tall for a page (charts thins
// them down to a legible minimum, then grows), and the PDF splits the
// figure into panels on one scale (Figure.Panels).
const MaxBars = 40

// maxPanels is the most panels a figure reads well in: past it Validate
// warns.
const maxPanels = 4

type validator struct {
	diags Diagnostics
	// labels give the numbers in messages the profile's format.
	labels Labels
}

// num formats d as the profile prints numbers (with a hyphen-minus, for
// a message), e.g. "9 642" for a profile whose thousands separator is a
// space.
func (v *validator) num(d decimal) string {
	sep, mark := v.labels.ThousandsSep, v.labels.DecimalMark
	if sep == "" && mark == "" {
		sep, mark = ",", "."
	}
	return FormatUnits(d.units, d.decimals, sep, mark)
}

func (v *validator) add(s Severity, pos Pos, path, format string, args ...any) {
	v.diags = append(v.diags, Diagnostic{Severity: s, Pos: pos, Path: path, Msg: fmt.Sprintf(format, args...)})
}

func (v *validator) meta(m Meta) {
	for _, f := range []struct{ name, value string }{
		{"title", m.Title}, {"country", m.Country}, {"date", m.Date},
		{"iso_date", m.ISODate}, {"language", m.Language}, {"publisher", m.Publisher},
	} {
		if strings.TrimSpace(f.value) == "" {
			v.add(Error, m.Pos, f.name, "%s must not be empty", f.name)
		}
	}
	if len(m.Authors) == 0 {
		v.add(Error, m.Pos, "authors", "a profile needs at least one author")
	}
}

// duplicateLinks warns about a link listed twice: in a published list it
// is most likely a copying slip, which the tool reports and keeps.
func (v *validator) duplicateLinks(pos Pos, path string, items []Text) {
	seen := map[string]bool{}
	for i, it := range items {
		s := it.String()
		if seen[s] && strings.Contains(s, "://") {
			v.add(Warning, pos, fmt.Sprintf("%s[%d]", path, i), "link listed twice: %s", s)
		}
		seen[s] = true
	}
}

func (v *validator) table(t *Table) {
	if strings.TrimSpace(t.Title) == "" {
		v.add(Error, t.Pos, "title", "table %q has no title", t.ID)
	}
	if len(t.Sources) == 0 {
		v.add(Error, t.Pos, "sources", "table %q has no source", t.ID)
	}
	for _, r := range t.Rows {
		if len(r.Cells) != len(t.Columns) {
			v.add(Error, r.Pos, "values", "row %q has %d values for %d columns", r.Label, len(r.Cells), len(t.Columns))
			return
		}
	}
	v.rowSums(t)
	v.columnSums(t)
	v.differences(t)
	v.columnDifferences(t)
	v.percentages(t)
}

// The arithmetic checks compare a printed value with the value computed
// from the other printed values. A dash counts as zero; a blank makes a
// check impossible, so it is skipped.

func (v *validator) rowSums(t *Table) {
	for _, r := range t.Rows {
		if len(r.SumOf) == 0 {
			continue
		}
		for ci, col := range t.Columns {
			parts := make([]Cell, len(r.SumOf))
			for i, part := range r.SumOf {
				parts[i] = part.Cells[ci]
			}
			got, ok := sum(parts)
			switch {
			case !ok || col.Aggregate == NoAggregate:
			case col.Aggregate == WeightedMean:
				v.weightedMean(t, r, col, ci)
			case col.Unit == Count:
				v.compare(t, r, col, r.Cells[ci], got, 0, fmt.Sprintf("the sum of %s", rowNames(r.SumOf)))
			case col.BaseRow != nil:
				// Shares of a column total add up like the counts, give or
				// take half a unit of the last printed decimal per part.
				v.compare(t, r, col, r.Cells[ci], got, len(parts), fmt.Sprintf("the sum of %s", rowNames(r.SumOf)))
			}
		}
	}
}

func (v *validator) columnSums(t *Table) {
	for ci, col := range t.Columns {
		if len(col.SumOf) == 0 {
			continue
		}
		for _, r := range t.Rows {
			if r.Aggregate == NoAggregate {
				continue
			}
			parts := make([]Cell, len(col.SumOf))
			for i, part := range col.SumOf {
				parts[i] = r.Cells[t.columnIndex(part)]
			}
			if got, ok := sum(parts); ok {
				v.compare(t, r, col, r.Cells[ci], got, 0, fmt.Sprintf("the sum of columns %s", columnNames(col.SumOf)))
			}
		}
	}
}

func (v *validator) differences(t *Table) {
	for _, r := range t.Rows {
		if len(r.DifferenceOf) != 2 {
			continue
		}
		a, b := r.DifferenceOf[0], r.DifferenceOf[1]
		for ci, col := range t.Columns {
			if col.Unit != Count || col.Aggregate == NoAggregate {
				continue
			}
			x, okA := decimalOf(a.Cells[ci])
			y, okB := decimalOf(b.Cells[ci])
			if !okA || !okB {
				continue
			}
			v.compare(t, r, col, r.Cells[ci], x.sub(y), 0, fmt.Sprintf("%q − %q", a.Label, b.Label))
		}
	}
}

// columnDifferences checks a balance column, row by row: it is its
// minuend column minus its subtrahend column.
func (v *validator) columnDifferences(t *Table) {
	for ci, col := range t.Columns {
		if len(col.DifferenceOf) != 2 {
			continue
		}
		a, b := col.DifferenceOf[0], col.DifferenceOf[1]
		ai, bi := t.columnIndex(a), t.columnIndex(b)
		for _, r := range t.Rows {
			if r.Aggregate == NoAggregate {
				continue
			}
			x, okA := decimalOf(r.Cells[ai])
			y, okB := decimalOf(r.Cells[bi])
			if okA && okB {
				v.compare(t, r, col, r.Cells[ci], x.sub(y), 0, fmt.Sprintf("%q − %q", a.Heading(), b.Heading()))
			}
		}
	}
}

// weightedMean checks a total row's value in a mean column: the mean of
// its parts weighted by the column's Weight, give or take half a unit of
// the printed precision and of the parts' precision (they are rounded
// too).
func (v *validator) weightedMean(t *Table, r *Row, col *Column, ci int) {
	wi := t.columnIndex(col.Weight)
	if wi < 0 || r.Cells[ci].Kind != Number {
		return
	}
	var num, den float64
	partDecimals := 0
	for _, part := range r.SumOf {
		x, okX := part.Cells[ci].Value()
		w, okW := part.Cells[wi].Value()
		if !okX || !okW {
			return
		}
		num, den = num+x*w, den+w
		partDecimals = max(partDecimals, part.Cells[ci].Decimals)
	}
	if den == 0 {
		return
	}
	printed := r.Cells[ci]
	p, _ := printed.Value()
	exact := num / den
	tolerance := 0.5*math.Pow(10, -float64(printed.Decimals)) + 0.5*math.Pow(10, -float64(partDecimals)) + 1e-9
	if math.Abs(p-exact) > tolerance {
		v.add(Warning, printed.Pos, "", "table %q (%s), row %q, column %q: printed %s, computed %s (the mean of %s weighted by %q); more than rounding explains",
			t.ID, t.Ref(), r.Label, col.Heading(), v.num(decimal{units: printed.Units, decimals: printed.Decimals}),
			v.num(decimal{units: int64(math.Round(exact * math.Pow(10, float64(printed.Decimals)))), decimals: printed.Decimals}),
			rowNames(r.SumOf), col.Weight.Heading())
	}
}

func (v *validator) percentages(t *Table) {
	for ci, col := range t.Columns {
		if col.PercentOf == nil || (col.BaseRow == nil && col.BaseColumn == nil) {
			continue
		}
		ni := t.columnIndex(col.PercentOf)
		for _, r := range t.Rows {
			printed := r.Cells[ci]
			if printed.Kind != Number {
				continue
			}
			num, ok := decimalOf(r.Cells[ni])
			if !ok {
				continue
			}
			var den decimal
			var what string
			if col.BaseRow != nil {
				den, ok = decimalOf(col.BaseRow.Cells[ni])
				what = fmt.Sprintf("%s / %s of row %q", v.num(num), v.num(den), col.BaseRow.Label)
			} else {
				den, ok = decimalOf(r.Cells[t.columnIndex(col.BaseColumn)])
				what = fmt.Sprintf("%s / %s in column %q", v.num(num), v.num(den), col.BaseColumn.Heading())
			}
			if !ok || den.units == 0 {
				continue
			}
			exact := num.float() / den.float() * 100
			p, _ := printed.Value()
			tolerance := 0.5*math.Pow(10, -float64(printed.Decimals)) + 1e-9
			if math.Abs(p-exact) > tolerance {
				v.add(Warning, printed.Pos, "", "table %q (%s), row %q, column %q: printed %s%%, computed %s%% (%s × 100 = %.4f)",
					t.ID, t.Ref(), r.Label, col.Heading(), v.num(decimal{units: printed.Units, decimals: printed.Decimals}),
					v.num(decimal{units: int64(math.Round(exact * math.Pow(10, float64(printed.Decimals)))), decimals: printed.Decimals}),
					what, exact)
			}
		}
	}
}

// compare warns when the printed value is not the computed one. rounded
// is the number of rounded values the computation added: each may be off
// by half a unit of the printed precision (0 for an exact comparison).
func (v *validator) compare(t *Table, r *Row, col *Column, printed Cell, computed decimal, rounded int, how string) {
	p, ok := decimalOf(printed)
	if !ok || printed.Kind != Number {
		return
	}
	if computed.over || p.sub(computed).over {
		v.add(Warning, printed.Pos, "", "table %q (%s), row %q, column %q: %s is beyond exact arithmetic (more than 9.2×10¹⁸ units); it cannot be checked",
			t.ID, t.Ref(), r.Label, col.Heading(), how)
		return
	}
	off, why := p.cmp(computed) != 0, ""
	if rounded > 0 {
		tolerance := float64(rounded) * 0.5 * math.Pow(10, -float64(printed.Decimals))
		off, why = math.Abs(p.float()-computed.float()) > tolerance+1e-9, ", more than rounding explains"
	}
	if off {
		v.add(Warning, printed.Pos, "", "table %q (%s), row %q, column %q: printed %s, computed %s (%s); off by %s%s",
			t.ID, t.Ref(), r.Label, col.Heading(), v.num(p), v.num(computed), how, v.num(p.sub(computed)), why)
	}
}

// Ref returns the table's number as the report prints it, e.g. "Table 3".
func (t *Table) Ref() string {
	if t.Number == 0 {
		return "unnumbered"
	}
	return fmt.Sprintf("Table %d", t.Number)
}

func (t *Table) columnIndex(c *Column) int {
	for i, x := range t.Columns {
		if x == c {
			return i
		}
	}
	return -1
}

func rowNames(rows []*Row) string {
	if len(rows) > 4 {
		return fmt.Sprintf("%d rows %q … %q", len(rows), rows[0].Label, rows[len(rows)-1].Label)
	}
	names := make([]string, len(rows))
	for i, r := range rows {
		names[i] = fmt.Sprintf("%q", r.Label)
	}
	return strings.Join(names, ", ")
}

func columnNames(cols []*Column) string {
	names := make([]string, len(cols))
	for i, c := range cols {
		names[i] = fmt.Sprintf("%q", c.Heading())
	}
	return strings.Join(names, ", ")
}

// decimal is an exact fixed-point number: units / 10^decimals.
type decimal struct {
	units    int64
	decimals int
	// over marks a result beyond int64: the arithmetic overflowed, and
	// the value means nothing (compare reports it instead of checking).
	over bool
}

func decimalOf(c Cell) (decimal, bool) {
	switch c.Kind {
	case Number:
		return decimal{units: c.Units, decimals: c.Decimals}, true
	case Dash:
		return decimal{}, true
	}
	return decimal{}, false
}

// scale returns d's units at to decimals; over is set on overflow.
func (d decimal) scale(to int) (u int64, over bool) {
	u, over = d.units, d.over
	for i := d.decimals; i < to; i++ {
		if u > math.MaxInt64/10 || u < math.MinInt64/10 {
			return 0, true
		}
		u *= 10
	}
	return u, over
}

func (d decimal) add(e decimal) decimal {
	n := max(d.decimals, e.decimals)
	a, o1 := d.scale(n)
	b, o2 := e.scale(n)
	s := a + b
	overflow := (b > 0 && s < a) || (b < 0 && s > a)
	return decimal{s, n, o1 || o2 || overflow}
}

func (d decimal) sub(e decimal) decimal {
	if e.units == math.MinInt64 {
		return decimal{over: true}
	}
	return d.add(decimal{-e.units, e.decimals, e.over})
}

func (d decimal) cmp(e decimal) int {
	n := max(d.decimals, e.decimals)
	a, _ := d.scale(n)
	b, _ := e.scale(n)
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func (d decimal) float() float64 { return float64(d.units) / math.Pow(10, float64(d.decimals)) }

// sum adds the cells; ok is false when a cell is blank.
func sum(cells []Cell) (decimal, bool) {
	var total decimal
	for _, c := range cells {
		d, ok := decimalOf(c)
		if !ok {
			return decimal{}, false
		}
		total = total.add(d)
	}
	return total, true
}
