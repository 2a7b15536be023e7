package charts

import (
	"fmt"
	"io"
	"math"

	"codeberg.org/go-pdf/fpdf"
	"github.com/golang/freetype/truetype"
	"github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"

	"github.com/migprofile/migprofile/layouts"
	"github.com/migprofile/migprofile/report"
	"github.com/migprofile/migprofile/report/typeset/script"
)

// PDF draws figures into a PDF document for package report/pdf (it
// satisfies pdf.FigureDrawer), in the words of the profile's labels.
type PDF struct {
	Labels report.Labels
}

// pxPerMM is the drawing's pixel density: charts lay out at 96 pixels per
// inch, so that a size in points is the same size on the page.
const pxPerMM = dpi / 25.4

// Height returns the height in mm that figure f needs at width w mm; 0 when
// it cannot be drawn (Draw then reports why).
func (p PDF) Height(f *report.Figure, w float64) float64 {
	h, err := Height(f, p.Labels, int(math.Round(w*pxPerMM)), false)
	if err != nil {
		return 0
	}
	return float64(h) / pxPerMM
}

// Draw draws figure f into the box (x, y, w, h), in mm, of doc's current
// page (see DrawPDF).
func (p PDF) Draw(doc *fpdf.Fpdf, f *report.Figure, x, y, w, h float64) error {
	return DrawPDF(doc, f, p.Labels, x, y, w, h)
}

// DrawPDF draws the figure as vector graphics into the box (x, y, w, h),
// in the document's units, of the current page: the same drawing as Draw,
// without the caption and sources, which the document prints as text. The
// text is set in the family layouts.Sans.Name, which the document must
// have registered (styles "" and "B"), at the sizes the drawing uses.
// The document's font, colours and line width are restored afterwards.
func DrawPDF(pdf *fpdf.Fpdf, f *report.Figure, l report.Labels, x, y, w, h float64) error {
	if err := pdf.Error(); err != nil {
		return fmt.Errorf("charts: pdf: %w", err)
	}
	if w <= 0 || h <= 0 || math.IsNaN(w+h) || math.IsInf(w+h, 0) {
		return fmt.Errorf("charts: pdf: figure %q: empty box %gx%g", f.ID, w, h)
	}
	k := pdf.GetConversionRatio() // points per unit
	// Lay out at 96 pixels per inch, so that a size in points is the same
	// size on the page.
	wpx, hpx := round(w*k*dpi/72), round(h*k*dpi/72)
	r := newPDFRenderer(pdf, x, y, w/float64(wpx))
	defer r.restore()
	if err := Draw(hooked(r), f, l, wpx, hpx); err != nil {
		return err
	}
	if err := pdf.Error(); err != nil {
		return fmt.Errorf("charts: pdf: figure %q: %w", f.ID, err)
	}
	return nil
}

// pdfRenderer is a chart.Renderer over fpdf's drawing primitives: a pixel
// of the drawing is u document units, from the origin (x0, y0).
type pdfRenderer struct {
	pdf    *fpdf.Fpdf
	x0, y0 float64
	u      float64
	m      measurer

	fill, stroke, fontColor drawing.Color
	strokeWidth             float64
	dash                    []float64
	font                    *truetype.Font
	fontSize                float64
	rotation                *float64
	path                    bool

	saved struct {
		family, style string
		size          float64
		draw, fill    [3]int
		text          [3]int
		lineWidth     float64
	}
}

func newPDFRenderer(pdf *fpdf.Fpdf, x, y, u float64) *pdfRenderer {
	r := &pdfRenderer{pdf: pdf, x0: x, y0: y, u: u}
	s := &r.saved
	s.family, s.style = pdf.GetFontFamily(), pdf.GetFontStyle()
	s.size, _ = pdf.GetFontSize()
	s.draw[0], s.draw[1], s.draw[2] = pdf.GetDrawColor()
	s.fill[0], s.fill[1], s.fill[2] = pdf.GetFillColor()
	s.text[0], s.text[1], s.text[2] = pdf.GetTextColor()
	s.lineWidth = pdf.GetLineWidth()
	return r
}

func (r *pdfRenderer) restore() {
	s := &r.saved
	p := r.pdf
	if s.family != "" {
		p.SetFont(s.family, s.style, s.size)
	}
	p.SetDrawColor(s.draw[0], s.draw[1], s.draw[2])
	p.SetFillColor(s.fill[0], s.fill[1], s.fill[2])
	p.SetTextColor(s.text[0], s.text[1], s.text[2])
	p.SetLineWidth(s.lineWidth)
	p.SetDashPattern(nil, 0)
}

func (r *pdfRenderer) x(v int) float64 { return r.x0 + float64(v)*r.u }
func (r *pdfRenderer) y(v int) float64 { return r.y0 + float64(v)*r.u }

func (r *pdfRenderer) ResetStyle() {
	r.fill, r.stroke, r.fontColor = drawing.Color{}, drawing.Color{}, drawing.Color{}
	r.strokeWidth, r.dash = 0, nil
	r.rotation = nil
}
func (r *pdfRenderer) GetDPI() float64                 { return dpi }
func (r *pdfRenderer) SetDPI(float64)                  {}
func (r *pdfRenderer) SetClassName(string)             {}
func (r *pdfRenderer) SetStrokeColor(c drawing.Color)  { r.stroke = c }
func (r *pdfRenderer) SetFillColor(c drawing.Color)    { r.fill = c }
func (r *pdfRenderer) SetStrokeWidth(w float64)        { r.strokeWidth = w }
func (r *pdfRenderer) SetStrokeDashArray(d []float64)  { r.dash = d }
func (r *pdfRenderer) SetFont(f *truetype.Font)        { r.font = f }
func (r *pdfRenderer) SetFontColor(c drawing.Color)    { r.fontColor = c }
func (r *pdfRenderer) SetFontSize(size float64)        { r.fontSize = size }
func (r *pdfRenderer) SetTextRotation(radians float64) { r.rotation = &radians }
func (r *pdfRenderer) ClearTextRotation()              { r.rotation = nil }
func (r *pdfRenderer) Save(io.Writer) error            { return r.pdf.Error() }

func (r *pdfRenderer) MoveTo(x, y int) {
	r.pdf.MoveTo(r.x(x), r.y(y))
	r.path = true
}

func (r *pdfRenderer) LineTo(x, y int) {
	if !r.path {
		r.MoveTo(x, y)
		return
	}
	r.pdf.LineTo(r.x(x), r.y(y))
}

func (r *pdfRenderer) QuadCurveTo(cx, cy, x, y int) {
	r.pdf.CurveTo(r.x(cx), r.y(cy), r.x(x), r.y(y))
}

// ArcTo follows go-chart's convention: angles in radians, clockwise from
// three o'clock in the drawing's y-down space.
func (r *pdfRenderer) ArcTo(cx, cy int, rx, ry, start, delta float64) {
	const steps = 32
	for i := 0; i <= steps; i++ {
		a := start + delta*float64(i)/steps
		px := r.x0 + (float64(cx)+rx*math.Cos(a))*r.u
		py := r.y0 + (float64(cy)+ry*math.Sin(a))*r.u
		if i == 0 && !r.path {
			r.pdf.MoveTo(px, py)
			r.path = true
			continue
		}
		r.pdf.LineTo(px, py)
	}
}

func (r *pdfRenderer) Close() { r.pdf.ClosePath() }

func (r *pdfRenderer) Stroke()     { r.draw(false, true) }
func (r *pdfRenderer) Fill()       { r.draw(true, false) }
func (r *pdfRenderer) FillStroke() { r.draw(true, true) }

func (r *pdfRenderer) draw(fill, stroke bool) {
	if !r.path {
		return
	}
	r.path = false
	fill = fill && r.fill.A > 0
	stroke = stroke && r.stroke.A > 0 && r.strokeWidth > 0
	style := ""
	switch {
	case fill && stroke:
		style = "FD"
	case fill:
		style = "F"
	case stroke:
		style = "D"
	default:
		// Nothing visible: end the path without painting it.
		style = "n"
	}
	if fill {
		r.pdf.SetFillColor(int(r.fill.R), int(r.fill.G), int(r.fill.B))
	}
	if stroke {
		r.pdf.SetDrawColor(int(r.stroke.R), int(r.stroke.G), int(r.stroke.B))
		r.pdf.SetLineWidth(r.strokeWidth * r.u)
		dash := make([]float64, len(r.dash))
		for i, d := range r.dash {
			dash[i] = d * r.u
		}
		r.pdf.SetDashPattern(dash, 0)
	}
	r.pdf.DrawPath(style)
}

func (r *pdfRenderer) Circle(radius float64, x, y int) {
	style := ""
	if r.fill.A > 0 {
		style += "F"
		r.pdf.SetFillColor(int(r.fill.R), int(r.fill.G), int(r.fill.B))
	}
	if r.stroke.A > 0 && r.strokeWidth > 0 {
		style += "D"
		r.pdf.SetDrawColor(int(r.stroke.R), int(r.stroke.G), int(r.stroke.B))
		r.pdf.SetLineWidth(r.strokeWidth * r.u)
	}
	if style != "" {
		r.pdf.Circle(r.x(x), r.y(y), radius*r.u, style)
	}
}

func (r *pdfRenderer) style() string {
	if fs, err := loadFonts(); err == nil && r.font == fs.bold {
		return "B"
	}
	return ""
}

// Text sets body with its baseline at (x, y) in the document's sans-serif
// family: a font size of s points in the drawing is s*96/72 pixels, which
// is s*96/72*u units, or s*96/72*u*k points on the page.
func (r *pdfRenderer) Text(body string, x, y int) {
	if body == "" || r.fontSize <= 0 {
		return
	}
	// The drawing's pixel grid rounds the box a little (8.01 pt for 8):
	// snap to a quarter point, so that the figure's sizes are the type
	// scale's.
	size := math.Round(px(r.fontSize)*r.u*r.pdf.GetConversionRatio()*4) / 4
	r.pdf.SetFont(layouts.Sans.Name, r.style(), size)
	c := r.fontColor
	r.pdf.SetTextColor(int(c.R), int(c.G), int(c.B))
	if r.rotation != nil {
		r.pdf.TransformBegin()
		// fpdf rotates counter-clockwise in degrees; go-chart clockwise in
		// radians.
		r.pdf.TransformRotate(-*r.rotation*180/math.Pi, r.x(x), r.y(y))
		r.drawText(body, r.x(x), r.y(y), size)
		r.pdf.TransformEnd()
		return
	}
	r.drawText(body, r.x(x), r.y(y), size)
}

// drawText draws body from (x, y), in document units. Text in one font
// with no right-to-left script is one string; other text goes through
// package script as the document's own lines do: in visual order, Arabic
// shaped, what Liberation lacks in DejaVu Sans (registered on first use),
// each presentation form with its letter as /ActualText.
func (r *pdfRenderer) drawText(body string, x, y, size float64) {
	if simple(r.font, body) {
		r.pdf.Text(x, y, body)
		return
	}
	fb := fallbackOf(r.font)
	covers := []script.Covers{func(c rune) bool { return r.font.Index(c) != 0 }}
	if fb != nil {
		covers = append(covers, func(c rune) bool { return fb.Index(c) != 0 })
	}
	for _, seg := range script.Visual(body, false) {
		for _, run := range script.Runs(seg.Visual, covers) {
			r.useFont(run.Font == 1, size)
			for _, p := range script.Pieces(run.Text, seg.RTL) {
				if p.Actual != "" {
					r.pdf.RawWriteStr(script.BeginActualText(p.Actual))
				}
				r.pdf.Text(x, y, p.Text)
				if p.Actual != "" {
					r.pdf.RawWriteStr(script.EndActualText)
				}
				x += r.pdf.GetStringWidth(p.Text)
			}
		}
	}
}

// useFont selects the sans-serif family, or the fallback family, in the
// drawing's weight; the fallback is added to the document on first use.
func (r *pdfRenderer) useFont(fallback bool, size float64) {
	if !fallback {
		r.pdf.SetFont(layouts.Sans.Name, r.style(), size)
		return
	}
	ttf := layouts.Fallback.Regular
	if r.style() == "B" {
		ttf = layouts.Fallback.Bold
	}
	r.pdf.AddUTF8FontFromBytes(layouts.Fallback.Name, r.style(), ttf)
	r.pdf.SetFont(layouts.Fallback.Name, r.style(), size)
}

func (r *pdfRenderer) MeasureText(body string) chart.Box {
	return measureBox(&r.m, r.font, r.fontSize, body)
}
