package charts

import (
	"bytes"
	"encoding/xml"
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"codeberg.org/go-pdf/fpdf"
	"github.com/golang/freetype/truetype"
	"github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"

	"github.com/migprofile/migprofile/layouts"
	"github.com/migprofile/migprofile/report"
	"github.com/migprofile/migprofile/report/reporttest"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// mali is the Mali profile of data/mali, which must have figures.
func mali(tb testing.TB) *report.Profile {
	tb.Helper()
	p := reporttest.Mali(tb)
	if len(p.Figures) == 0 {
		tb.Fatal("load mali: no figures")
	}
	return p
}

var english = report.DefaultLabels()

// num is a published number: num(924497, 0) is 924,497, num(442, 1) 44.2.
func num(units int64, dec int) report.Cell {
	return report.Cell{Kind: report.Number, Units: units, Decimals: dec}
}

var (
	blank = report.Cell{Kind: report.Blank}
	dash  = report.Cell{Kind: report.Dash}
)

// table builds a table whose columns are c1, c2, … and whose rows are
// labelled as given.
func table(id string, rows map[string][]report.Cell, order ...string) *report.Table {
	t := &report.Table{ID: id, Title: id, Sources: []report.Source{{Text: report.Text{{Kind: report.SpanPlain, Text: "A census & a survey"}}}}}
	n := 0
	for _, r := range rows {
		n = max(n, len(r))
	}
	for i := range n {
		t.Columns = append(t.Columns, &report.Column{ID: fmt.Sprintf("c%d", i+1), Label: fmt.Sprintf("Column %d", i+1), Unit: report.Count})
	}
	for _, label := range order {
		t.Rows = append(t.Rows, &report.Row{Label: label, Cells: rows[label], Total: label == "Total"})
	}
	return t
}

// edgeCases are figures at the limits of what the charts draw.
func edgeCases() []*report.Figure {
	long := "A category whose label is very much longer than any reasonable label column would allow, twice over"
	return []*report.Figure{
		{ID: "single-bar", Number: 1, Kind: report.HorizontalBars, Title: "One bar", Series: refs("c1"),
			Table: table("t", map[string][]report.Cell{"Only": {num(42, 0)}}, "Only")},
		{ID: "negative", Number: 2, Kind: report.HorizontalBars, Title: "Negative values", Series: refs("c1"), Sort: "ascending",
			Table: table("t", map[string][]report.Cell{"Loss": {num(-1967, 0)}, "Gain": {num(2025, 0)}, "Big loss": {num(-49686, 0)}}, "Loss", "Gain", "Big loss")},
		{ID: "all-zeros", Number: 3, Kind: report.GroupedBars, Title: "All zeros", Series: refs("c1", "c2"),
			Table: table("t", map[string][]report.Cell{"A": {num(0, 0), num(0, 1)}, "B": {num(0, 0), num(0, 1)}}, "A", "B")},
		{ID: "long-labels", Number: 4, Kind: report.PercentBars, Title: long + " " + long, Caption: long, Series: refs("c1"),
			Table: table("t", map[string][]report.Cell{long: {num(555, 1)}, "Short": {num(1000, 1)}, "Antidisestablishmentarianismically": {num(1, 1)}, "Total": {num(300, 1)}}, long, "Short", "Antidisestablishmentarianismically", "Total")},
		{ID: "missing", Number: 5, Kind: report.DivergingBars, Title: "Missing values <&>", Series: refs("c1", "c2", "c3"),
			Table: table("t", map[string][]report.Cell{"Blank": {blank, num(5, 0), blank}, "Dash": {num(3, 0), dash, num(-3, 0)}, "Full": {num(10, 0), num(4, 0), num(-6, 0)}}, "Blank", "Dash", "Full")},
		{ID: "percent-negative", Number: 6, Kind: report.PercentBars, Title: "Percentages below zero and above 100", Series: refs("c1"),
			Table: table("t", map[string][]report.Cell{"Down": {num(-125, 1)}, "Up": {num(1200, 1)}, "Blank": {blank}}, "Down", "Up", "Blank")},
		{ID: "fixed-range", Number: 7, Kind: report.PercentBars, Title: "A declared range and axis title", Series: refs("c1"),
			ValueAxis: "% of households", Range: []float64{0, 100},
			Table: table("t", map[string][]report.Cell{"A": {num(442, 1)}, "B": {num(310, 1)}}, "A", "B")},
		{ID: "many-bars", Number: 8, Kind: report.GroupedBars, Title: "More bars than fit at their preferred size", Series: refs("c1", "c2"),
			Table: manyRows(16)},
	}
}

// manyRows is a table of n rows of two values each.
func manyRows(n int) *report.Table {
	rows := map[string][]report.Cell{}
	var order []string
	for i := range n {
		label := fmt.Sprintf("Category %d", i+1)
		rows[label] = []report.Cell{num(int64(100*(i+1)), 0), num(int64(50*(n-i)), 0)}
		order = append(order, label)
	}
	return table("t", rows, order...)
}

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	reporttest.Golden(t, filepath.Join("testdata", name), got, *update)
}

func TestSVGGolden(t *testing.T) {
	p := mali(t)
	figs := append(p.Figures, edgeCases()...)
	kinds := map[report.FigureKind]bool{}
	for _, f := range figs {
		t.Run(f.ID, func(t *testing.T) {
			l := p.Labels
			got, err := SVG(f, l)
			if err != nil {
				t.Fatal(err)
			}
			checkXML(t, got)
			golden(t, f.ID+".svg", got)
			kinds[f.Kind] = true
		})
	}
	for _, k := range []report.FigureKind{report.HorizontalBars, report.GroupedBars, report.DivergingBars, report.PercentBars} {
		if !kinds[k] {
			t.Errorf("no golden SVG of kind %s", k)
		}
	}
}

// checkXML fails unless b is well-formed XML naming the document's font.
func checkXML(t *testing.T, b []byte) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(b))
	texts := 0
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("svg is not well-formed: %v", err)
		}
		if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "text" {
			texts++
			for _, a := range se.Attr {
				if a.Name.Local == "style" && !strings.Contains(a.Value, "font-family:'Liberation Sans'") {
					t.Fatalf("text style %q does not name Liberation Sans", a.Value)
				}
			}
		}
	}
	if texts == 0 {
		t.Fatal("svg has no text")
	}
}

func TestMaliFigures(t *testing.T) {
	p := mali(t)
	tests := []struct {
		id, kind   string
		categories []string
		series     []string
		first      string // the first category's first value as drawn
	}{
		{"malians-abroad-by-country", "horizontal-bars", []string{"Ivory Coast", "Sudan", "Senegal (*)", "Niger", "Ghana", "Sau. Arabia", "France (**)", "Bur. Faso"}, []string{"Malian statistics (RACE) Number"}, "523,231"},
		{"foreign-residents-by-citizenship", "grouped-bars", []string{"Ivory Coast", "Burkina Faso", "Guinéa", "Mauritania", "Senegal", "Others Africa", "France", "Others", "Not available"}, []string{"1976", "1987", "1998"}, "3,917"},
		{"flows-by-country", "diverging-bars", []string{"Burkina Faso", "Ivory Coast", "Guinea", "Mauritania", "Niger", "Senegal", "Others Africa", "World"}, []string{"Outflows", "Inflows", "Migratory balance"}, "13,000"},
		{"households-with-emigrants", "percent-bars", []string{"Soninke", "Peulh", "Malinke", "Others", "Total"}, []string{"Households with at least one emigrant abroad %"}, "44.2"},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			var f *report.Figure
			for _, g := range p.Figures {
				if g.ID == tt.id {
					f = g
				}
			}
			if f == nil {
				t.Fatalf("no figure %q", tt.id)
			}
			if string(f.Kind) != tt.kind {
				t.Errorf("kind: got %s, want %s", f.Kind, tt.kind)
			}
			d, err := f.Data()
			if err != nil {
				t.Fatal(err)
			}
			var cats, sers []string
			for _, c := range d.Categories {
				cats = append(cats, c.Label)
			}
			for _, s := range d.Series {
				sers = append(sers, s.Name)
			}
			if got, want := strings.Join(cats, "|"), strings.Join(tt.categories, "|"); got != want {
				t.Errorf("categories:\ngot  %s\nwant %s", got, want)
			}
			if got, want := strings.Join(sers, "|"), strings.Join(tt.series, "|"); got != want {
				t.Errorf("series: got %s, want %s", got, want)
			}
			if got := d.Series[0].Values[0].Format(p.Labels); got != tt.first {
				t.Errorf("first value: got %s, want %s", got, tt.first)
			}
		})
	}
}

func TestDataSort(t *testing.T) {
	tab := table("t", map[string][]report.Cell{
		"A": {num(2, 0), num(9, 0)}, "B": {blank, num(8, 0)}, "C": {num(3, 0), num(7, 0)}, "D": {num(2, 0), num(6, 0)},
	}, "A", "B", "C", "D")
	tests := []struct{ sort, want, second string }{
		{"", "a b c d", "9 8 7 6"},
		{"ascending", "a d c b", "9 6 7 8"},
		{"descending", "c a d b", "7 9 6 8"},
	}
	for _, tt := range tests {
		t.Run("Sort="+tt.sort, func(t *testing.T) {
			d, err := (&report.Figure{ID: "f", Kind: report.GroupedBars, Table: tab, Series: refs("c1", "c2"), Sort: tt.sort}).Data()
			if err != nil {
				t.Fatal(err)
			}
			var ids, second []string
			for i, c := range d.Categories {
				ids = append(ids, c.ID)
				second = append(second, d.Series[1].Values[i].Format(english))
			}
			if got := strings.Join(ids, " "); got != tt.want {
				t.Errorf("order: got %s, want %s", got, tt.want)
			}
			if got := strings.Join(second, " "); got != tt.second {
				t.Errorf("second series: got %s, want %s", got, tt.second)
			}
		})
	}
}

// recorder records the calls a drawing makes on a Renderer, and passes
// them on.
type recorder struct {
	chart.Renderer
	ops []string
}

func (r *recorder) rec(format string, args ...any) {
	r.ops = append(r.ops, fmt.Sprintf(format, args...))
}

func (r *recorder) ResetStyle()           { r.rec("ResetStyle"); r.Renderer.ResetStyle() }
func (r *recorder) SetDPI(d float64)      { r.rec("SetDPI %v", d); r.Renderer.SetDPI(d) }
func (r *recorder) SetClassName(s string) { r.rec("SetClassName %s", s); r.Renderer.SetClassName(s) }
func (r *recorder) SetStrokeColor(c drawing.Color) {
	r.rec("SetStrokeColor %v", c)
	r.Renderer.SetStrokeColor(c)
}
func (r *recorder) SetFillColor(c drawing.Color) {
	r.rec("SetFillColor %v", c)
	r.Renderer.SetFillColor(c)
}
func (r *recorder) SetStrokeWidth(w float64) {
	r.rec("SetStrokeWidth %v", w)
	r.Renderer.SetStrokeWidth(w)
}
func (r *recorder) SetStrokeDashArray(d []float64) {
	r.rec("SetStrokeDashArray %v", d)
	r.Renderer.SetStrokeDashArray(d)
}
func (r *recorder) MoveTo(x, y int)          { r.rec("MoveTo %d %d", x, y); r.Renderer.MoveTo(x, y) }
func (r *recorder) LineTo(x, y int)          { r.rec("LineTo %d %d", x, y); r.Renderer.LineTo(x, y) }
func (r *recorder) Close()                   { r.rec("Close"); r.Renderer.Close() }
func (r *recorder) Stroke()                  { r.rec("Stroke"); r.Renderer.Stroke() }
func (r *recorder) Fill()                    { r.rec("Fill"); r.Renderer.Fill() }
func (r *recorder) FillStroke()              { r.rec("FillStroke"); r.Renderer.FillStroke() }
func (r *recorder) SetFont(f *truetype.Font) { r.rec("SetFont %s", fontName(f)); r.Renderer.SetFont(f) }
func (r *recorder) SetFontColor(c drawing.Color) {
	r.rec("SetFontColor %v", c)
	r.Renderer.SetFontColor(c)
}
func (r *recorder) SetFontSize(s float64) { r.rec("SetFontSize %v", s); r.Renderer.SetFontSize(s) }
func (r *recorder) Text(s string, x, y int) {
	r.rec("Text %q %d %d", s, x, y)
	r.Renderer.Text(s, x, y)
}
func (r *recorder) SetTextRotation(a float64) {
	r.rec("SetTextRotation %v", a)
	r.Renderer.SetTextRotation(a)
}
func (r *recorder) ClearTextRotation() { r.rec("ClearTextRotation"); r.Renderer.ClearTextRotation() }
func (r *recorder) Circle(rad float64, x, y int) {
	r.rec("Circle %v %d %d", rad, x, y)
	r.Renderer.Circle(rad, x, y)
}
func (r *recorder) QuadCurveTo(cx, cy, x, y int) { r.rec("Quad"); r.Renderer.QuadCurveTo(cx, cy, x, y) }
func (r *recorder) MeasureText(s string) chart.Box {
	b := r.Renderer.MeasureText(s)
	r.rec("Measure %q %v", s, b)
	return b
}
func (r *recorder) ArcTo(cx, cy int, rx, ry, s, d float64) {
	r.rec("ArcTo")
	r.Renderer.ArcTo(cx, cy, rx, ry, s, d)
}

func fontName(f *truetype.Font) string {
	if f == nil {
		return "<nil>"
	}
	return f.Name(truetype.NameIDFontFullName)
}

// record runs fn with every renderer wrapped in a recorder, and returns
// the operations of each renderer in turn.
func record(t *testing.T, fn func()) [][]string {
	t.Helper()
	var recs []*recorder
	hook = func(r chart.Renderer) chart.Renderer {
		rec := &recorder{Renderer: r}
		recs = append(recs, rec)
		return rec
	}
	defer func() { hook = nil }()
	fn()
	var out [][]string
	for _, r := range recs {
		out = append(out, r.ops)
	}
	return out
}

// newPDF returns a document with the sans-serif family registered, as the
// PDF renderer registers it.
func newPDF(tb testing.TB) *fpdf.Fpdf {
	tb.Helper()
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetCompression(false)
	pdf.SetCatalogSort(true)
	t0 := time.Date(2010, 5, 1, 0, 0, 0, 0, time.UTC)
	pdf.SetCreationDate(t0)
	pdf.SetModificationDate(t0)
	for _, s := range []struct {
		style string
		ttf   []byte
	}{{"", layouts.Sans.Regular}, {"B", layouts.Sans.Bold}, {"I", layouts.Sans.Italic}, {"BI", layouts.Sans.BoldItalic}} {
		pdf.AddUTF8FontFromBytes(layouts.Sans.Name, s.style, s.ttf)
	}
	pdf.AddPage()
	pdf.SetFont(layouts.Sans.Name, "I", 11)
	if err := pdf.Error(); err != nil {
		tb.Fatal(err)
	}
	return pdf
}

// TestSameOperations checks that the PDF and SVG back-ends receive the
// same drawing, operation by operation, for a box of the same size.
func TestSameOperations(t *testing.T) {
	p := mali(t)
	for _, f := range append(p.Figures, edgeCases()...) {
		t.Run(f.ID, func(t *testing.T) {
			const wmm, hmm = 170.0, 110.0
			wpx, hpx := round(wmm/25.4*96), round(hmm/25.4*96)
			ops := record(t, func() {
				if _, err := svg(f, p.Labels, wpx, hpx, false); err != nil {
					t.Fatal(err)
				}
				if err := DrawPDF(newPDF(t), f, p.Labels, 20, 30, wmm, hmm); err != nil {
					t.Fatal(err)
				}
			})
			if len(ops) != 2 {
				t.Fatalf("got %d renderers, want 2", len(ops))
			}
			svgOps, pdfOps := ops[0], ops[1]
			if len(svgOps) < 20 {
				t.Fatalf("only %d operations", len(svgOps))
			}
			for i := range max(len(svgOps), len(pdfOps)) {
				if i >= len(svgOps) || i >= len(pdfOps) || svgOps[i] != pdfOps[i] {
					t.Fatalf("operation %d differs (svg %d ops, pdf %d ops):\nsvg: %s\npdf: %s", i, len(svgOps), len(pdfOps), at(svgOps, i), at(pdfOps, i))
				}
			}
		})
	}
}

func at(ops []string, i int) string {
	if i < len(ops) {
		return ops[i]
	}
	return "<end>"
}

func TestDrawPDF(t *testing.T) {
	p := mali(t)
	pdf := newPDF(t)
	pdf.SetDrawColor(1, 2, 3)
	pdf.SetLineWidth(0.3)
	for i, f := range p.Figures {
		if i > 0 {
			pdf.AddPage()
		}
		if err := DrawPDF(pdf, f, p.Labels, 20, 30, 170, 100); err != nil {
			t.Fatal(err)
		}
	}
	// The document's state is as it was.
	if fam, st := pdf.GetFontFamily(), pdf.GetFontStyle(); fam != strings.ToLower(layouts.Sans.Name) || st != "I" {
		t.Errorf("font after drawing: %q %q, want %q I", fam, st, layouts.Sans.Name)
	}
	if size, _ := pdf.GetFontSize(); size != 11 {
		t.Errorf("font size after drawing: %v, want 11", size)
	}
	if r, g, b := pdf.GetDrawColor(); r != 1 || g != 2 || b != 3 {
		t.Errorf("draw colour after drawing: %d %d %d", r, g, b)
	}
	if w := pdf.GetLineWidth(); w != 0.3 {
		t.Errorf("line width after drawing: %v", w)
	}
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if strings.Contains(out, "/Subtype /Image") {
		t.Error("the PDF holds an image: charts must be vector drawings")
	}
	// Bars are filled paths (f), grid lines stroked paths (S), text set in
	// the document's sans-serif family (Tj).
	for _, want := range []string{" l\n", "\nf\n", "\nS\n", ") Tj", "+utf8" + strings.ToLower(layouts.Sans.Name) + "B\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("the PDF lacks %q", want)
		}
	}
}

func TestDrawPDFErrors(t *testing.T) {
	p := mali(t)
	f := p.Figures[0]
	t.Run("NoFont", func(t *testing.T) {
		pdf := fpdf.New("P", "mm", "A4", "")
		pdf.AddPage()
		err := DrawPDF(pdf, f, p.Labels, 10, 10, 150, 80)
		if err == nil || !strings.Contains(err.Error(), "charts: pdf") {
			t.Errorf("got %v, want an error about the undefined font", err)
		}
	})
	t.Run("EmptyBox", func(t *testing.T) {
		if err := DrawPDF(newPDF(t), f, p.Labels, 10, 10, 0, 80); err == nil {
			t.Error("no error")
		}
	})
	t.Run("TooSmall", func(t *testing.T) {
		err := DrawPDF(newPDF(t), f, p.Labels, 10, 10, 30, 10)
		if !errors.Is(err, ErrFigure) || !strings.Contains(err.Error(), "too small") {
			t.Errorf("got %v, want a too-small error", err)
		}
	})
	t.Run("TooShort", func(t *testing.T) {
		err := DrawPDF(newPDF(t), f, p.Labels, 10, 10, 150, 12)
		if !errors.Is(err, ErrFigure) || !strings.Contains(err.Error(), "do not fit") {
			t.Errorf("got %v, want a do-not-fit error", err)
		}
	})
}

func TestDeterministic(t *testing.T) {
	p := mali(t)
	build := func() []byte {
		var all bytes.Buffer
		pdf := newPDF(t)
		for _, f := range p.Figures {
			s, err := SVG(f, p.Labels)
			if err != nil {
				t.Fatal(err)
			}
			png, err := PNG(f, p.Labels, 1)
			if err != nil {
				t.Fatal(err)
			}
			all.Write(s)
			all.Write(png)
			if err := DrawPDF(pdf, f, p.Labels, 20, 30, 170, 100); err != nil {
				t.Fatal(err)
			}
		}
		if err := pdf.Output(&all); err != nil {
			t.Fatal(err)
		}
		return all.Bytes()
	}
	a, b := build(), build()
	if !bytes.Equal(a, b) {
		t.Error("two builds differ")
	}
}

func TestPNG(t *testing.T) {
	p := mali(t)
	f := p.Figures[0]
	for _, scale := range []float64{1, 2} {
		b, err := PNG(f, p.Labels, scale)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(b, []byte("\x89PNG")) {
			t.Fatalf("scale %v: not a PNG", scale)
		}
	}
	if _, err := PNG(f, p.Labels, 0); err == nil {
		t.Error("scale 0: no error")
	}
}

func TestSVGText(t *testing.T) {
	f := edgeCases()[4] // "Missing values <&>"
	l := report.Labels{Figure: "Graphique", Source: "Source", NotAvailable: "n.d.", ThousandsSep: "\u202f", DecimalMark: ","}
	f.Table.Rows[2].Cells[0] = num(1234567, 0)
	f.Table.Rows[0].Label = "Côte d’Ivoire \U0001F600\ttab"
	b, err := SVG(f, l)
	if err != nil {
		t.Fatal(err)
	}
	checkXML(t, b)
	s := string(b)
	for _, want := range []string{"Graphique 5. Missing values &lt;&amp;&gt;", "1 234 567", ">n.d.<", "Côte d’Ivoire ? tab", "Source: A census &amp; a survey"} {
		if !strings.Contains(s, want) {
			t.Errorf("svg lacks %q", want)
		}
	}
}

func BenchmarkCharts(b *testing.B) {
	p := mali(b)
	pdf := newPDF(b)
	b.ResetTimer()
	for b.Loop() {
		pdf.AddPage()
		for _, f := range p.Figures {
			if _, err := SVG(f, p.Labels); err != nil {
				b.Fatal(err)
			}
			if err := DrawPDF(pdf, f, p.Labels, 20, 30, 170, 100); err != nil {
				b.Fatal(err)
			}
			_ = f.AltText(p.Labels)
		}
	}
}

func BenchmarkPNG(b *testing.B) {
	p := mali(b)
	for b.Loop() {
		for _, f := range p.Figures {
			if _, err := PNG(f, p.Labels, 2); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// FuzzSVG checks that odd labels and values never make a figure panic or
// write malformed SVG.
func FuzzSVG(f *testing.F) {
	f.Add("Ivory Coast", "Total", int64(523231), 0, false)
	f.Add("<&>\"'", "\x00\u202e\U0001F600", int64(-5), 3, true)
	f.Add("", " ", int64(0), 0, true)
	f.Fuzz(func(t *testing.T, a, b string, units int64, dec int, transpose bool) {
		if dec < 0 || dec > 6 || units > 1e15 || units < -1e15 {
			t.Skip()
		}
		tab := table("t", map[string][]report.Cell{"A": {num(units, dec), blank}, "B": {dash, num(units/2, dec)}}, "A", "B")
		tab.Rows[0].Label, tab.Rows[1].Label = a, b
		tab.Columns[0].Label = a
		fig := &report.Figure{ID: "f", Number: 1, Title: a + b, Kind: report.GroupedBars, Table: tab, Series: refs("c1", "c2")}
		if transpose {
			fig.Transpose = true
			if report.Slug(a) == "" || report.Slug(b) == "" || report.Slug(a) == report.Slug(b) {
				t.Skip()
			}
			fig.Series = refs(report.Slug(a), report.Slug(b))
			fig.Kind = report.DivergingBars
		}
		out, err := SVG(fig, english)
		if err != nil {
			if !errors.Is(err, ErrFigure) {
				t.Fatalf("error %v does not wrap ErrFigure", err)
			}
			return
		}
		d := xml.NewDecoder(bytes.NewReader(out))
		for {
			_, err := d.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("malformed svg: %v", err)
			}
		}
	})
}

// refs turns ids into references, as the loader writes them.
func refs(ids ...string) []report.Ref {
	out := make([]report.Ref, len(ids))
	for i, id := range ids {
		out[i] = report.Ref{ID: id}
	}
	return out
}

// FuzzRange draws a figure over an arbitrary declared range: either the
// model refuses the range, or the drawing succeeds.
func FuzzRange(f *testing.F) {
	f.Add(0.0, 100.0, int64(442), 1)
	f.Add(-1e15, 1e15, int64(1), 0)
	f.Add(0.0, 1e-300, int64(0), 6)
	f.Add(-0.5, 0.5, int64(-1), 9)
	f.Fuzz(func(t *testing.T, lo, hi float64, units int64, dec int) {
		if dec < 0 || dec > 9 || units > 1e15 || units < -1e15 {
			t.Skip()
		}
		tab := table("t", map[string][]report.Cell{"A": {num(units, dec)}, "B": {num(units/2, dec)}}, "A", "B")
		fig := &report.Figure{ID: "f", Number: 1, Title: "Range", Kind: report.HorizontalBars, Table: tab, Series: refs("c1"), Range: []float64{lo, hi}}
		if dec%2 == 1 {
			fig.Kind = report.PercentBars
		}
		if _, err := SVG(fig, english); err != nil && !errors.Is(err, ErrFigure) {
			t.Fatalf("error %v does not wrap ErrFigure", err)
		}
	})
}
