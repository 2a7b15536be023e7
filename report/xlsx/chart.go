package xlsx

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/migprofile/migprofile/report"
)

// pos is a cell position on a sheet.
type pos struct{ col, row int }

// Series colours: the Okabe–Ito palette the other outputs' figures use
// (charts), a diverging figure's outflows vermillion, inflows blue and
// balance dark grey, and a total's bar mid grey, so that the workbook's
// charts read like the PDF's.
var (
	palette   = []string{"0072B2", "E69F00", "009E73", "D55E00", "56B4E9", "CC79A7"}
	diverging = []string{"D55E00", "0072B2", "4D4D4D", "E69F00", "009E73", "CC79A7"}
)

const totalFill = "8C8C8C"

// figureTable is where a figure's values stand on its sheet.
type figureTable struct {
	header     int   // row of the header
	categories []pos // category label cells, in drawing order
	names      []pos // series name cells
	values     [][]pos
}

// writeFigure writes a figure's sheet: its title and information, the
// table of the values the chart draws (report.Figure.Data decides which,
// in which order; a diverging figure's first series negated, to be drawn
// left of zero), and a native chart drawn from that table, whose cached
// values are the table's. num is the chart's number in the workbook.
func (b *builder) writeFigure(fs *figureSheet, num int) error {
	f := fs.fig
	d, err := f.Data()
	if err != nil {
		return fmt.Errorf("xlsx: figure %q: %w", f.ID, err)
	}
	s, err := b.newSheet(fs.sheet)
	if err != nil {
		return err
	}
	s.cells = make(map[pos]cached)
	row := b.writeFigureInfo(s, fs, d)
	clear(s.width)
	row++
	ft := b.writeFigureTable(s, f, d, row)
	last := ft.header + len(d.Categories)
	s.freeze = ft.header
	s.addTable(tableName(b.tblNames, b.p.Labels.Figure+strconv.Itoa(f.Number), f.ID), 1, ft.header, 1+len(d.Series), last)
	s.colWidths(1+len(d.Series), func(c int) int {
		if c == 1 {
			return 20
		}
		return 12
	}, func(c int) int {
		if c == 1 {
			return 40
		}
		return 20
	})
	if err := s.finish(); err != nil {
		return err
	}
	c := b.chart(f, d, fs.sheet, ft)
	var combo []*excelize.Chart
	if f.Kind == report.DivergingBars {
		if second := divergingCombo(c, d, f.Range); second != nil {
			combo = append(combo, second)
		}
	}
	at := cell(len(d.Series)+3, ft.header)
	if err := b.f.AddChart(fs.sheet, at, c, combo...); err != nil {
		return fmt.Errorf("xlsx: figure %q: %w", f.ID, err)
	}
	return b.fillCaches(f, d, num, ft, s.cells)
}

// writeFigureInfo writes the title and the information rows above a
// figure's table; it returns the last row written.
func (b *builder) writeFigureInfo(s *sheetWriter, fs *figureSheet, d report.Dataset) int {
	f := fs.fig
	l := b.p.Labels
	row := 1
	s.str(1, row, b.marked(f.Table, oneLine(f.NumberedTitle(l))), styleKey{size: sizeTitle, bold: true})
	info := []string{b.w.OneChart}
	if c := oneLine(f.Caption); c != "" {
		info = append(info, b.marked(f.Table, c))
	}
	for i, src := range report.UniqueSources(f.Sources) {
		info = append(info, b.withRefs(b.sourceLine(src), fs.notes[i]))
	}
	if f.Kind == report.DivergingBars {
		info = append(info, b.p.Labels.Prefix(oneLine(d.Series[0].Name))+b.w.Negative+".")
	}
	if b.categoriesMarked(f, d) {
		info = append(info, b.w.ContainsNotes)
	}
	var m marks
	for _, sr := range d.Series {
		for _, c := range sr.Values {
			switch c.Kind {
			case report.Number:
			case report.Dash:
				m.dash = true
			default:
				m.notAvailable = true
			}
		}
	}
	b.used.add(m)
	info = append(info, b.markLines(m)...)
	info = append(info, b.p.Labels.Prefix(b.w.Description)+b.altText(f))
	for _, line := range info {
		row++
		s.str(1, row, line, styleKey{})
	}
	if from := b.sheetOf(f.Table); from != "" {
		row++
		s.str(1, row, b.w.ChartFrom+" "+from, styleKey{link: true})
		s.link(1, row, quoteSheet(from)+"!A1", true)
	}
	return row
}

// seriesColumn is the table column a series draws (nil when the figure
// is transposed: its series are rows).
func seriesColumn(f *report.Figure, sr report.Series) *report.Column {
	if f.Transpose || f.Table == nil || sr.Index >= len(f.Table.Columns) {
		return nil
	}
	return f.Table.Columns[sr.Index]
}

// categoriesMarked reports whether a figure's category labels carry a
// note mark of its table.
func (b *builder) categoriesMarked(f *report.Figure, d report.Dataset) bool {
	for _, c := range d.Categories {
		if b.marked(f.Table, c.Label) != c.Label {
			return true
		}
	}
	return false
}

// sheetOf names the sheet of table t ("" when t has none).
func (b *builder) sheetOf(t *report.Table) string {
	for _, pt := range b.parts {
		if pt.table == t && t != nil {
			return pt.sheet
		}
	}
	return ""
}

// writeFigureTable writes the values a figure draws, a category a row,
// a series a column, from row on.
func (b *builder) writeFigureTable(s *sheetWriter, f *report.Figure, d report.Dataset, row int) figureTable {
	ft := figureTable{header: row, values: make([][]pos, len(d.Series))}
	stub := b.w.Row
	if !f.Transpose && f.Table != nil {
		stub = or(f.Table.Stub, b.w.Row)
	}
	unit := b.w.Number
	if b.figureUnit(f) == report.Percent {
		unit = b.w.Percent
	}
	headers := []string{stub}
	for _, sr := range d.Series {
		h := b.marked(f.Table, oneLine(sr.Name)) + " (" + unit + ")"
		if c := seriesColumn(f, sr); c != nil && sr.Name == c.Heading() {
			h, _ = b.columnHeading(f.Table, c)
		}
		headers = append(headers, h)
	}
	numeric := map[int]bool{}
	for i := range d.Series {
		numeric[i+2] = true
		ft.names = append(ft.names, pos{i + 2, row})
	}
	writeHeaderRow(s, row, uniqueHeaders(headers, b.w.Row), numeric)
	for ci, c := range d.Categories {
		r := row + 1 + ci
		s.str(1, r, b.marked(f.Table, oneLine(c.Label)), styleKey{wrap: true, bold: c.Total})
		ft.categories = append(ft.categories, pos{1, r})
		for si, sr := range d.Series {
			v := sr.Values[ci]
			switch {
			case v.Kind == report.Number:
				if si == 0 && f.Kind == report.DivergingBars {
					v.Units = -v.Units
				}
				s.number(si+2, r, v, styleKey{bold: c.Total, numFmt: numberFormat(v)})
			case v.Kind == report.Dash:
				s.str(si+2, r, b.w.DashMark, styleKey{right: true})
			default:
				s.str(si+2, r, markNotAvailable, styleKey{right: true})
			}
			ft.values[si] = append(ft.values[si], pos{si + 2, r})
		}
	}
	return ft
}

// figureUnit is the unit of the columns a figure draws: Percent when all
// are percentages, else Count.
func (b *builder) figureUnit(f *report.Figure) report.Unit {
	d, _ := f.Data()
	if f.Table == nil {
		return report.Count
	}
	for _, sr := range d.Series {
		idx := []int{sr.Index}
		if f.Transpose {
			idx = idx[:0]
			for _, c := range d.Categories {
				idx = append(idx, c.Index)
			}
		}
		for _, i := range idx {
			if i >= len(f.Table.Columns) || f.Table.Columns[i] == nil || f.Table.Columns[i].Unit != report.Percent {
				return report.Count
			}
		}
	}
	return report.Percent
}

// chart returns the native chart of a figure, drawn from its table on
// sheet: bars as the PDF draws them, the value axis titled with its
// unit, a total's bar grey.
func (b *builder) chart(f *report.Figure, d report.Dataset, sheet string, ft figureTable) *excelize.Chart {
	vary := false
	titleFont := &excelize.Font{Bold: true, Size: 14, Family: fontFamily}
	axisFont := excelize.Font{Color: "404040", Size: 10, Family: fontFamily}
	c := &excelize.Chart{
		VaryColors: &vary,
		Title:      excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: b.marked(f.Table, oneLine(f.NumberedTitle(b.p.Labels))), Font: titleFont}}},
		Legend:     excelize.ChartLegend{Position: "bottom"},
		Format:     excelize.GraphicOptions{AltText: b.altText(f)},
		Dimension:  excelize.ChartDimension{Width: 720, Height: uint(max(360, 120+len(d.Categories)*len(d.Series)*18))},
	}
	if len(d.Series) == 1 {
		c.Legend.Position = "none"
	}
	pal := palette
	switch f.Kind {
	case report.HorizontalBars:
		c.Type = excelize.Bar
		c.XAxis.ReverseOrder = true // first category at the top
	case report.DivergingBars:
		// Outflows left of zero and inflows right on one line; the
		// other series thinner over them (see divergingCombo).
		c.Type = excelize.Bar
		c.XAxis.ReverseOrder = true
		overlap, gap := 100, uint(50)
		c.Overlap, c.GapWidth = &overlap, &gap
		pal = diverging
	default:
		c.Type = excelize.Col
	}
	if len(f.Range) == 2 {
		lo, hi := f.Range[0], f.Range[1]
		c.YAxis.Minimum, c.YAxis.Maximum = &lo, &hi
	}
	c.YAxis.MajorGridLines = true
	c.XAxis.Font, c.YAxis.Font = axisFont, axisFont
	// Category labels beside the axis' low end, not across negative bars.
	c.XAxis.TickLabelPosition = excelize.ChartTickLabelLow
	c.YAxis.NumFmt = excelize.ChartNumFmt{CustomNumFmt: "#,##0;" + `"` + report.Minus + `"` + "#,##0"}
	if t := oneLine(f.AxisTitle()); t != "" {
		c.YAxis.Title = axisTitle(t)
	}
	if f.Table != nil && !f.Transpose && strings.TrimSpace(f.Table.Stub) != "" {
		c.XAxis.Title = axisTitle(oneLine(f.Table.Stub))
	}
	cats := ref(sheet, ft.categories)
	for i := range d.Series {
		sr := excelize.ChartSeries{
			Name:       ref(sheet, []pos{ft.names[i]}),
			Categories: cats,
			Values:     ref(sheet, ft.values[i]),
			Fill:       excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{pal[i%len(pal)]}},
		}
		c.Series = append(c.Series, sr)
	}
	return c
}

// divergingCombo splits a diverging chart: its first two series (outflows
// left of zero, inflows right) stay in c as thick bars on one line, and
// the others (the balance) go to a second bar group drawn thinner over
// them, on a hidden secondary axis given the same extent, as the PDF
// draws the balance apart from the flows. It returns the second group,
// or nil when c has two series or fewer.
func divergingCombo(c *excelize.Chart, d report.Dataset, fixed []float64) *excelize.Chart {
	if len(c.Series) <= 2 {
		return nil
	}
	lo, hi := 0.0, 0.0
	if len(fixed) == 2 {
		lo, hi = fixed[0], fixed[1]
	} else {
		for si, sr := range d.Series {
			for _, v := range sr.Values {
				x, ok := v.Value()
				if si == 0 {
					x = -x
				}
				if ok {
					lo, hi = min(lo, x), max(hi, x)
				}
			}
		}
		lo, hi = axisBounds(lo, hi)
	}
	c.YAxis.Minimum, c.YAxis.Maximum = &lo, &hi
	overlap, gap := 100, uint(300)
	combo := &excelize.Chart{
		Type:     excelize.Bar,
		Series:   c.Series[2:],
		Overlap:  &overlap,
		GapWidth: &gap,
		XAxis:    excelize.ChartAxis{ReverseOrder: true},
		YAxis:    excelize.ChartAxis{Secondary: true, None: true, Minimum: &lo, Maximum: &hi},
	}
	c.Series = c.Series[:2]
	return combo
}

// axisBounds widens [lo, hi] to round ends: multiples of a step of 1, 2,
// 2.5 or 5 times a power of ten, about six steps across, as Excel would
// choose for an axis it fits itself (both axes of a combination chart
// must be given the same ends).
func axisBounds(lo, hi float64) (float64, float64) {
	if hi <= lo {
		return lo, lo + 1
	}
	raw := (hi - lo) / 6
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	step := 10 * mag
	for _, k := range []float64{1, 2, 2.5, 5} {
		if k*mag >= raw {
			step = k * mag
			break
		}
	}
	return math.Floor(lo/step) * step, math.Ceil(hi/step) * step
}

func axisTitle(t string) excelize.ChartTitle {
	return excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: t, Font: &excelize.Font{Size: 10, Family: fontFamily, Color: "404040"}}}}
}

// ref returns a reference to cells of sheet: a range, as the cells of a
// figure's table are contiguous along a column or a row.
func ref(sheet string, cells []pos) string {
	q := quoteSheet(sheet)
	if len(cells) == 0 {
		return ""
	}
	first, last := cells[0], cells[len(cells)-1]
	if len(cells) == 1 {
		return q + "!" + absCell(first.col, first.row)
	}
	return q + "!" + absCell(first.col, first.row) + ":" + absCell(last.col, last.row)
}

// chartLanguage writes the profile's language into each chart, where
// excelize always writes en-US: a French chart is spell-checked and read
// aloud in French. English keeps en-US.
func (b *builder) chartLanguage() {
	lang := b.p.Meta.Language
	if lang == "" || strings.EqualFold(lang, "en") || strings.EqualFold(lang, "en-US") {
		return
	}
	lang = escapeAttr(lang)
	r := strings.NewReplacer(`<lang val="en-US">`, `<lang val="`+lang+`">`,
		`lang="en-US" altLang="en-US"`, `lang="`+lang+`" altLang="`+lang+`"`, `lang="en-US"`, `lang="`+lang+`"`)
	for i := range b.figures {
		path := "xl/charts/chart" + strconv.Itoa(i+1) + ".xml"
		if v, ok := b.f.Pkg.Load(path); ok {
			if data, ok := v.([]byte); ok {
				b.f.Pkg.Store(path, []byte(r.Replace(string(data))))
			}
		}
	}
}

// altText returns a figure's alternative text.
func (b *builder) altText(f *report.Figure) string {
	return oneLine(f.AltText(b.p.Labels))
}
