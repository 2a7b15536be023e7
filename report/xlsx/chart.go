package xlsx

import (
	"encoding/xml"
	"fmt"
	"strconv"
	"strings"

	"github.com/migprofile/migprofile/report"
	"github.com/xuri/excelize/v2"
)

// pos is a cell position on a table sheet.
type pos struct{ col, row int }

// chartData is a figure resolved to cells of its table's sheet.
type chartData struct {
	categories []pos   // category label cells, in drawing order
	names      []pos   // series name cells
	values     [][]pos // values[series][category]
}

// resolve finds the cells a figure draws (report.Figure.Data decides
// which, and in which order).
func (b *builder) resolve(f *report.Figure, lay *tableLayout) (*chartData, error) {
	ds, err := f.Data()
	if err != nil {
		return nil, err
	}
	rowAt := func(i int) (int, error) {
		if i < 0 || i >= len(lay.rowAt) {
			return 0, fmt.Errorf("row index %d out of range", i)
		}
		return lay.rowAt[i], nil
	}
	colAt := func(i int) (int, error) {
		if i < 0 || i >= len(lay.colAt) {
			return 0, fmt.Errorf("column index %d out of range", i)
		}
		return lay.colAt[i], nil
	}
	d := &chartData{values: make([][]pos, len(ds.Series))}
	for _, c := range ds.Categories {
		if f.Transpose {
			col, err := colAt(c.Index)
			if err != nil {
				return nil, err
			}
			d.categories = append(d.categories, pos{col, lay.header})
			continue
		}
		row, err := rowAt(c.Index)
		if err != nil {
			return nil, err
		}
		d.categories = append(d.categories, pos{lay.labelCol, row})
	}
	for si, sr := range ds.Series {
		if f.Transpose {
			row, err := rowAt(sr.Index)
			if err != nil {
				return nil, err
			}
			d.names = append(d.names, pos{lay.labelCol, row})
			for _, c := range d.categories {
				d.values[si] = append(d.values[si], pos{c.col, row})
			}
			continue
		}
		col, err := colAt(sr.Index)
		if err != nil {
			return nil, err
		}
		d.names = append(d.names, pos{col, lay.header})
		for _, c := range d.categories {
			d.values[si] = append(d.values[si], pos{col, c.row})
		}
	}
	return d, nil
}

// ref returns a reference to cells of sheet: a range when they are
// contiguous in order along a row or a column, otherwise a union
// ('S'!$A$1,'S'!$A$3).
func ref(sheet string, cells []pos) string {
	q := quoteSheet(sheet)
	if len(cells) == 0 {
		return ""
	}
	first, last := cells[0], cells[len(cells)-1]
	down, right := true, true
	for i := 1; i < len(cells); i++ {
		if cells[i] != (pos{first.col, first.row + i}) {
			down = false
		}
		if cells[i] != (pos{first.col + i, first.row}) {
			right = false
		}
	}
	if len(cells) == 1 {
		return q + "!" + absCell(first.col, first.row)
	}
	if down || right {
		return q + "!" + absCell(first.col, first.row) + ":" + absCell(last.col, last.row)
	}
	parts := make([]string, len(cells))
	for i, c := range cells {
		parts[i] = q + "!" + absCell(c.col, c.row)
	}
	return "(" + strings.Join(parts, ",") + ")"
}

// writeChart adds a chart sheet drawing the figure from its table sheet.
func (b *builder) writeChart(fs *figureSheet) error {
	f := fs.fig
	if f.Table == nil {
		return fmt.Errorf("xlsx: figure %q: no table", f.ID)
	}
	lay := b.layouts[f.Table]
	if lay == nil {
		return fmt.Errorf("xlsx: figure %q: table %q is not in the profile", f.ID, f.Table.ID)
	}
	d, err := b.resolve(f, lay)
	if err != nil {
		return fmt.Errorf("xlsx: figure %q: %w", f.ID, err)
	}
	vary := false
	c := &excelize.Chart{
		VaryColors: &vary,
		Title:      excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: oneLine(f.Title), Font: &excelize.Font{Bold: true, Size: 14}}}},
		Legend:     excelize.ChartLegend{Position: "bottom"},
		Format:     excelize.GraphicOptions{AltText: b.altText(f)},
	}
	if len(d.names) == 1 {
		c.Legend.Position = "none"
	}
	switch f.Kind {
	case report.HorizontalBars:
		c.Type = excelize.Bar
		// First category at the top.
		c.XAxis.ReverseOrder = true
	case report.GroupedBars, report.DivergingBars:
		c.Type = excelize.Col
	case report.PercentBars:
		c.Type = excelize.Col
		lo, hi := 0.0, 100.0
		c.YAxis.Minimum, c.YAxis.Maximum = &lo, &hi
	default:
		return fmt.Errorf("xlsx: figure %q: unknown kind %q", f.ID, f.Kind)
	}
	c.YAxis.MajorGridLines = true
	axisFont := excelize.Font{Color: "404040", Size: 10}
	c.XAxis.Font, c.YAxis.Font = axisFont, axisFont
	// Category labels below negative bars, not across them.
	c.XAxis.TickLabelPosition = excelize.ChartTickLabelLow
	c.YAxis.NumFmt = excelize.ChartNumFmt{CustomNumFmt: "#,##0"}
	cats := ref(lay.sheet, d.categories)
	for i, name := range d.names {
		c.Series = append(c.Series, excelize.ChartSeries{
			Name:       ref(lay.sheet, []pos{name}),
			Categories: cats,
			Values:     ref(lay.sheet, d.values[i]),
		})
	}
	if err := b.f.AddChartSheet(fs.sheet, c); err != nil {
		return fmt.Errorf("xlsx: figure %q: %w", f.ID, err)
	}
	return nil
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

// altTexts writes each chart's alternative text into its drawing
// (AddChartSheet ignores GraphicOptions.AltText). The figures' drawings
// are the workbook's only drawings, numbered in order.
func (b *builder) altTexts() error {
	for i, fs := range b.figures {
		path := "xl/drawings/drawing" + strconv.Itoa(i+1) + ".xml"
		v, ok := b.f.Drawings.Load(path)
		if !ok || v == nil {
			return fmt.Errorf("xlsx: figure %q: drawing %s not found", fs.fig.ID, path)
		}
		data, err := xml.Marshal(v)
		if err != nil {
			return fmt.Errorf("xlsx: figure %q: %w", fs.fig.ID, err)
		}
		s := string(data)
		at := strings.Index(s, `<xdr:cNvPr `)
		if at < 0 {
			return fmt.Errorf("xlsx: figure %q: no chart frame in %s", fs.fig.ID, path)
		}
		end := strings.Index(s[at:], ">")
		if end < 0 {
			return fmt.Errorf("xlsx: figure %q: malformed chart frame in %s", fs.fig.ID, path)
		}
		elem := s[at : at+end]
		attr := `descr="` + escapeAttr(b.altText(fs.fig)) + `"`
		if strings.Contains(elem, ` descr=""`) {
			elem = strings.Replace(elem, `descr=""`, attr, 1)
		} else {
			elem = `<xdr:cNvPr ` + attr + " " + elem[len(`<xdr:cNvPr `):]
		}
		s = s[:at] + elem + s[at+end:]
		b.f.Pkg.Store(path, []byte(xml.Header+s))
		b.f.Drawings.Delete(path)
	}
	return nil
}
