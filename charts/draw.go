package charts

import (
	"errors"
	"fmt"
	"math"

	"github.com/golang/freetype/truetype"
	"github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"

	"github.com/migprofile/migprofile/layouts"
	"github.com/migprofile/migprofile/report"
)

// Font sizes in points: two steps of the document's type scale, so
// that a figure sets its text in at most these two sizes (the title of a
// framed drawing is bold Caption, as the PDF's captions are).
var (
	titleSize = layouts.TypeScale.Caption
	labelSize = layouts.TypeScale.Caption
	smallSize = layouts.TypeScale.Small
)

// Distances in pixels.
const (
	margin   = 10 // around a self-contained drawing
	pad      = 4  // between a bar and its value
	gap      = 8  // between parts
	swatch   = 10 // legend swatch
	minWidth = 160
	minBand  = 6 // the narrowest column drawn
)

// Horizontal bars, in pixels. A category's band holds one slot per bar
// and a gap; a bar fills its slot but for 2 pixels. A figure's plot is
// as tall as its bars at their preferred slot (singleSlot for one
// series, barSlot for several) up to maxPlot; past it the slots shrink
// so that the plot stays maxPlot tall, down to minSlot, the pitch at
// which the values (set in smallSize, about 8 pixels of digits) still
// do not touch; only then does the plot grow past maxPlot. So Figure 2
// of Mali (9 categories × 3 series) takes 9 × (3×10 + 8) = 342 pixels
// (90 mm) rather than 9 × 55 = 495 (131 mm).
const (
	singleSlot = 16
	barSlot    = 13
	minSlot    = 10
	catGap     = 8
	maxPlot    = 300
)

func rgb(hex uint32) drawing.Color {
	return drawing.Color{R: uint8(hex >> 16), G: uint8(hex >> 8), B: uint8(hex), A: 255}
}

// The Okabe–Ito palette, safe for colour-blind readers.
var (
	palette = []drawing.Color{
		rgb(0x0072B2), // blue
		rgb(0xE69F00), // orange
		rgb(0x009E73), // bluish green
		rgb(0xD55E00), // vermillion
		rgb(0x56B4E9), // sky blue
		rgb(0xCC79A7), // reddish purple
		rgb(0xF0E442), // yellow
	}
	// diverging draws outward (left) and inward (right) in contrasting
	// hues and further series, such as a balance, in dark grey.
	diverging = []drawing.Color{rgb(0xD55E00), rgb(0x0072B2), rgb(0x4D4D4D), rgb(0xE69F00), rgb(0x009E73), rgb(0xCC79A7)}
	totalFill = rgb(0x8C8C8C)
	textColor = rgb(0x1A1A1A)
	mutedText = rgb(0x4D4D4D)
	gridColor = rgb(0xD9D9D9)
	axisColor = rgb(0x1A1A1A)
)

// Draw paints the figure on r in a width×height pixel box: the legend and
// the plot with its axes and value labels. The caption ("Figure N.
// Title") and the source line are left to the document that places the
// drawing; DrawFramed includes them.
func Draw(r chart.Renderer, f *report.Figure, l report.Labels, width, height int) error {
	return draw(r, f, l, width, height, false)
}

// DrawFramed paints the figure like Draw, with its title ("Figure N.
// Title") above it and its caption and sources below, for a drawing that
// stands alone (an SVG or PNG file).
func DrawFramed(r chart.Renderer, f *report.Figure, l report.Labels, width, height int) error {
	return draw(r, f, l, width, height, true)
}

// Height returns the height in pixels at which the figure is best drawn
// width pixels wide, including its title and sources if framed.
func Height(f *report.Figure, l report.Labels, width int, framed bool) (int, error) {
	p, err := newPlan(f, l)
	if err != nil {
		return 0, err
	}
	return p.height(width, framed), nil
}

func draw(r chart.Renderer, f *report.Figure, l report.Labels, width, height int, framed bool) error {
	p, err := newPlan(f, l)
	if err != nil {
		return err
	}
	if width < minWidth || height <= 0 {
		return figureErr(f, "a drawing of %d×%d pixels is too small", width, height)
	}
	p.r = r
	r.SetDPI(dpi)
	box := rect{0, 0, width, height}
	if framed {
		p.fill(rect{0, 0, width, height}, white)
		var title, foot []line
		box, title, foot = p.frame(width, height)
		p.drawLines(title, box.x0, margin)
		if len(foot) > 0 {
			p.drawLines(foot, box.x0, box.y1+gap)
		}
	}
	if err := p.body(box); err != nil {
		return err
	}
	return nil
}

// frame lays out a framed drawing width×height: the title's lines from
// the top margin, the foot's (caption and sources) down to the bottom
// margin, and between them, a gap from each, the box of the body.
func (p *plan) frame(width, height int) (body rect, title, foot []line) {
	body = rect{margin, margin, width - margin, height - margin}
	title = p.titleLines(body.w())
	body.y0 += linesHeight(title) + gap
	foot = p.footLines(body.w())
	body.y1 -= linesHeight(foot)
	if len(foot) > 0 {
		body.y1 -= gap
	}
	return body, title, foot
}

type rect struct{ x0, y0, x1, y1 int }

func (b rect) w() int { return b.x1 - b.x0 }
func (b rect) h() int { return b.y1 - b.y0 }

// ErrFigure is wrapped by every error about a figure that cannot be drawn:
// a declaration the model refuses (report.Figure.Problems, which
// validation reports first), or a drawing too small for its data.
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

// plan is a figure being laid out.
type plan struct {
	f     *report.Figure
	l     report.Labels
	d     report.Dataset
	fonts fonts
	m     measurer
	r     chart.Renderer
	// vals are the values drawn; ok is false for blank and dash cells.
	vals [][]float64
	ok   [][]bool
}

func newPlan(f *report.Figure, l report.Labels) (*plan, error) {
	d, err := f.Data()
	if err != nil {
		return nil, fmt.Errorf("charts: %w: %w", ErrFigure, err)
	}
	fs, err := loadFonts()
	if err != nil {
		return nil, fmt.Errorf("charts: font: %w", err)
	}
	p := &plan{f: f, l: l, d: d, fonts: fs}
	for i := range d.Categories {
		d.Categories[i].Label = clean(fs.regular, d.Categories[i].Label)
	}
	for s, ser := range d.Series {
		d.Series[s].Name = clean(fs.regular, ser.Name)
		vs := make([]float64, len(ser.Values))
		oks := make([]bool, len(ser.Values))
		for i, c := range ser.Values {
			vs[i], oks[i] = c.Value()
			if math.IsInf(vs[i], 0) || math.IsNaN(vs[i]) {
				return nil, figureErr(f, "series %q: value %v cannot be drawn", ser.ID, vs[i])
			}
		}
		p.vals = append(p.vals, vs)
		p.ok = append(p.ok, oks)
	}
	return p, nil
}

// line is a line of text in a title or footer.
type line struct {
	text string
	bold bool
	size float64
}

func lineHeight(size float64) int { return round(px(size) * 1.3) }

func linesHeight(ls []line) int {
	h := 0
	for _, l := range ls {
		h += lineHeight(l.size)
	}
	return h
}

// drawLines draws lines left-aligned from top y and returns the y below.
func (p *plan) drawLines(ls []line, x, y int) int {
	for _, l := range ls {
		lh := lineHeight(l.size)
		p.text(l.text, x, y+lh/2, l.bold, l.size, textColor, alignLeft)
		y += lh
	}
	return y
}

func (p *plan) font(bold bool) *truetype.Font {
	if bold {
		return p.fonts.bold
	}
	return p.fonts.regular
}

func (p *plan) wrapLines(s string, bold bool, size float64, w int) []line {
	var ls []line
	for _, t := range p.m.wrap(p.font(bold), size, clean(p.font(bold), s), w, 0) {
		ls = append(ls, line{t, bold, size})
	}
	return ls
}

func (p *plan) titleLines(w int) []line {
	return p.wrapLines(p.f.NumberedTitle(p.l), true, titleSize, w)
}

func (p *plan) footLines(w int) []line {
	var ls []line
	if p.f.Caption != "" {
		ls = append(ls, p.wrapLines(p.f.Caption, false, labelSize, w)...)
	}
	for _, s := range p.f.SourceLines(p.l) {
		ls = append(ls, p.wrapLines(s, false, smallSize, w)...)
	}
	return ls
}

// height is the figure's preferred height at a width.
func (p *plan) height(width int, framed bool) int {
	if !framed {
		return p.bodyHeight(width)
	}
	w := width - 2*margin
	h := 2*margin + linesHeight(p.titleLines(w)) + gap + p.bodyHeight(w)
	if foot := p.footLines(w); len(foot) > 0 {
		h += gap + linesHeight(foot)
	}
	return h
}

const (
	alignLeft = iota
	alignCenter
	alignRight
)

// text draws s with its vertical middle at y.
func (p *plan) text(s string, x, y int, bold bool, size float64, c drawing.Color, align int) {
	f := p.font(bold)
	s = clean(f, s)
	if s == "" {
		return
	}
	switch align {
	case alignCenter:
		x -= p.m.width(f, size, s) / 2
	case alignRight:
		x -= p.m.width(f, size, s)
	}
	r := p.r
	r.ResetStyle()
	r.SetFont(f)
	r.SetFontSize(size)
	r.SetFontColor(c)
	r.Text(s, x, y+round(px(size)*0.35))
}

func (p *plan) fill(b rect, c drawing.Color) {
	if b.x1 < b.x0 {
		b.x0, b.x1 = b.x1, b.x0
	}
	if b.y1 < b.y0 {
		b.y0, b.y1 = b.y1, b.y0
	}
	if b.x0 == b.x1 || b.y0 == b.y1 {
		return
	}
	r := p.r
	r.ResetStyle()
	r.SetFillColor(c)
	r.MoveTo(b.x0, b.y0)
	r.LineTo(b.x1, b.y0)
	r.LineTo(b.x1, b.y1)
	r.LineTo(b.x0, b.y1)
	r.Close()
	r.Fill()
}

func (p *plan) line(x0, y0, x1, y1 int, c drawing.Color) {
	r := p.r
	r.ResetStyle()
	r.SetStrokeColor(c)
	r.SetStrokeWidth(1)
	r.MoveTo(x0, y0)
	r.LineTo(x1, y1)
	r.Stroke()
}

// valueLabel is a cell as the figure prints it: as the table prints it,
// without annotation; a missing value of a declared kind is its symbol,
// a blank is "not available".
func (p *plan) valueLabel(c report.Cell) string {
	switch c.Kind {
	case report.Number, report.Dash:
		return c.FormatNumber(p.l)
	case report.NotAvailable, report.NotApplicable, report.Confidential:
		if s := c.Format(p.l); s != "" {
			return clean(p.fonts.regular, s)
		}
	}
	if p.l.NotAvailable != "" {
		return clean(p.fonts.regular, p.l.NotAvailable)
	}
	return "-"
}

// scale maps values to pixels along a value axis.
type scale struct {
	ticks  []int64 // tick values in units of 10^-dec
	dec    int
	lo, hi float64 // the axis' extent: the first and last ticks, or a declared range
	p0, p1 int     // pixels of lo and hi
}

func (s *scale) px(v float64) int {
	return s.p0 + round((v-s.lo)/(s.hi-s.lo)*float64(s.p1-s.p0))
}

func (s *scale) tickValue(t int64) float64 { return float64(t) / math.Pow10(s.dec) }

// tickLabel prints a tick's value signed, with a true minus sign, so
// that a diverging figure's left side reads as negative.
func (s *scale) tickLabel(t int64, l report.Labels) string {
	return l.Number(t, s.dec)
}

// niceScale returns ticks covering [lo, hi] (lo ≤ 0 ≤ hi) at a round step,
// about n of them, with no more decimals than dec, the most decimals of
// the values drawn. The axis runs from the tick at or below lo to the
// tick at or above hi: the data decide the range, rounded to the step
// (a largest value of 44.2 ends the axis at 50, not 100).
func niceScale(lo, hi float64, n, dec int) scale {
	if hi-lo <= 0 {
		hi = lo + 1
	}
	st, sdec := niceStep(lo, hi, n, dec)
	unit := math.Pow10(sdec)
	first := int64(math.Floor(lo*unit/float64(st)+1e-9)) * st
	last := int64(math.Ceil(hi*unit/float64(st)-1e-9)) * st
	if last == first {
		last = first + st
	}
	s := ticksBetween(first, last, st, sdec)
	s.lo, s.hi = s.tickValue(first), s.tickValue(last)
	return s
}

// fixedScale returns an axis that runs exactly from lo to hi (a range the
// figure declares), with ticks at a round step inside it.
func fixedScale(lo, hi float64, n, dec int) scale {
	st, sdec := niceStep(lo, hi, n, dec)
	unit := math.Pow10(sdec)
	first := int64(math.Ceil(lo*unit/float64(st)-1e-9)) * st
	last := int64(math.Floor(hi*unit/float64(st)+1e-9)) * st
	s := ticksBetween(first, last, st, sdec)
	s.lo, s.hi = lo, hi
	return s
}

func ticksBetween(first, last, st int64, dec int) scale {
	s := scale{dec: dec}
	for t := first; t <= last; t += st {
		s.ticks = append(s.ticks, t)
	}
	return s
}

// niceStep is the tick step for about n ticks over [lo, hi]: 1, 2, 2.5 or
// 5 times a power of ten, with at most dec decimals; in units of
// 10^-sdec.
func niceStep(lo, hi float64, n, dec int) (st int64, sdec int) {
	n = max(n, 2)
	raw := (hi - lo) / float64(n)
	mag := math.Pow10(int(math.Floor(math.Log10(raw))))
	step := 0.0
	for m := mag; step == 0; m *= 10 {
		for _, k := range []float64{1, 2, 2.5, 5} {
			d := decimals(k * m)
			if k*m >= raw*(1-1e-9) && d <= dec {
				step, sdec = k*m, d
				break
			}
		}
	}
	// At least one unit, so that ticks advance even over a range far
	// narrower than the values' decimals can show.
	return max(1, int64(math.Round(step*math.Pow10(sdec)))), sdec
}

// axis is the value axis for the bars: the figure's declared range, or
// one fitted to the data.
func (p *plan) axis(bs []bar, n int) scale {
	if len(p.f.Range) == 2 {
		return fixedScale(p.f.Range[0], p.f.Range[1], n, p.decimals())
	}
	lo, hi := p.extent(bs)
	return niceScale(lo, hi, n, p.decimals())
}

// decimals returns how many decimals v needs (at most 9).
func decimals(v float64) int {
	for d := range 9 {
		f := v * math.Pow10(d)
		if math.Abs(f-math.Round(f)) < 1e-9*math.Max(1, math.Abs(f)) {
			return d
		}
	}
	return 9
}

// decimals is the most decimals of the values drawn.
func (p *plan) decimals() int {
	d := 0
	for _, s := range p.d.Series {
		for _, c := range s.Values {
			if c.Kind == report.Number {
				d = max(d, c.Decimals)
			}
		}
	}
	return d
}

func (p *plan) body(b rect) error {
	if p.f.Kind == report.PercentBars {
		return p.vertical(b)
	}
	return p.horizontal(b)
}

func (p *plan) bodyHeight(width int) int {
	lh := lineHeight(labelSize)
	if p.f.Kind == report.PercentBars {
		return p.axisTitleHeight() + lineHeight(smallSize) + gap + 220 + gap + 3*lh
	}
	return p.legendHeight(width) + p.plotHeight() + gap + lineHeight(smallSize) + p.axisTitleHeight()
}

// axisTitleHeight is the room the value axis' title takes: a line, or
// nothing for a figure without one.
func (p *plan) axisTitleHeight() int {
	if p.f.AxisTitle() == "" {
		return 0
	}
	return lineHeight(smallSize)
}

// slots is how many bars a horizontal category holds: diverging figures
// draw their first two series on one line.
func (p *plan) slots() int {
	n := len(p.d.Series)
	if p.f.Kind == report.DivergingBars {
		n--
	}
	return n
}

// slotHeight is the pitch of a horizontal bar: its preferred size, less
// when the plot would pass maxPlot, but never below minSlot (see the
// constants).
func (p *plan) slotHeight() int {
	slot := barSlot
	if p.slots() == 1 {
		slot = singleSlot
	}
	nCat := len(p.d.Categories)
	fit := (maxPlot/max(nCat, 1) - catGap) / p.slots()
	return max(minSlot, min(slot, fit))
}

// plotHeight is the height of a horizontal bar chart's plot: a band of
// slots and a gap per category.
func (p *plan) plotHeight() int {
	return len(p.d.Categories) * (p.slots()*p.slotHeight() + catGap)
}

// legend is the series' keys: a swatch and a name each, flowing across
// lines.
func (p *plan) legendItems(w int) [][]int {
	if len(p.d.Series) < 2 {
		return nil
	}
	var rows [][]int
	x := 0
	for i, s := range p.d.Series {
		iw := swatch + pad + p.m.width(p.fonts.regular, labelSize, s.Name) + 3*gap
		if x > 0 && x+iw > w {
			x = 0
		}
		if x == 0 {
			rows = append(rows, nil)
		}
		rows[len(rows)-1] = append(rows[len(rows)-1], i)
		x += iw
	}
	return rows
}

func (p *plan) legendHeight(w int) int {
	n := len(p.legendItems(w))
	if n == 0 {
		return 0
	}
	return n*lineHeight(labelSize) + gap
}

func (p *plan) color(s int, total bool) drawing.Color {
	if total {
		return totalFill
	}
	pal := palette
	if p.f.Kind == report.DivergingBars {
		pal = diverging
	}
	return pal[s%len(pal)]
}

func (p *plan) drawLegend(b rect) int {
	lh := lineHeight(labelSize)
	y := b.y0
	for _, row := range p.legendItems(b.w()) {
		x := b.x0
		for _, i := range row {
			name := p.m.ellipsis(p.fonts.regular, labelSize, p.d.Series[i].Name, b.w()-swatch-pad)
			yc := y + lh/2
			p.fill(rect{x, yc - swatch/2, x + swatch, yc + swatch/2}, p.color(i, false))
			p.text(name, x+swatch+pad, yc, false, labelSize, textColor, alignLeft)
			x += swatch + pad + p.m.width(p.fonts.regular, labelSize, name) + 3*gap
		}
		y += lh
	}
	if y > b.y0 {
		y += gap
	}
	return y
}

// bar is one bar to draw: its slot in its category, its signed extent in
// data units, and its label.
type bar struct {
	cat, ser, slot int
	v              float64
	ok             bool
	label          string
	thin           bool
}

func (p *plan) bars() []bar {
	var bs []bar
	for c := range p.d.Categories {
		for s, ser := range p.d.Series {
			b := bar{cat: c, ser: s, slot: s, v: p.vals[s][c], ok: p.ok[s][c], label: p.valueLabel(ser.Values[c])}
			if p.f.Kind == report.DivergingBars {
				switch {
				case s == 0:
					b.v = -b.v
				case s == 1:
					b.slot = 0
				default:
					b.slot = s - 1
					b.thin = true
				}
			}
			bs = append(bs, b)
		}
	}
	return bs
}

// extent is the data range the value axis must show, zero included.
// extent returns the lowest and highest values the axis must show: those
// of the bars, zero, and the figure's Span (its panels share one scale).
func (p *plan) extent(bs []bar) (lo, hi float64) {
	for _, b := range bs {
		if b.ok {
			lo, hi = math.Min(lo, b.v), math.Max(hi, b.v)
		}
	}
	if len(p.f.Span) == 2 {
		lo, hi = math.Min(lo, p.f.Span[0]), math.Max(hi, p.f.Span[1])
	}
	return lo, hi
}

// horizontal draws bars along the x axis, one band of slots per category.
func (p *plan) horizontal(b rect) error {
	bs := p.bars()
	y := p.drawLegend(b)
	h, err := p.horizontalLayout(b, bs, y)
	if err != nil {
		return err
	}
	// Grid lines and tick labels.
	lhSmall := lineHeight(smallSize)
	for _, t := range h.sc.ticks {
		x := h.sc.px(h.sc.tickValue(t))
		p.line(x, h.plotTop, x, h.plotBottom, gridColor)
		p.text(h.sc.tickLabel(t, p.l), x, h.plotBottom+gap+lhSmall/2, false, smallSize, mutedText, alignCenter)
	}
	if title := p.f.AxisTitle(); title != "" {
		p.text(p.m.ellipsis(p.fonts.regular, smallSize, title, h.sc.p1-h.sc.p0), h.sc.p0, h.plotBottom+gap+lhSmall+lhSmall/2, false, smallSize, mutedText, alignLeft)
	}
	// Category labels.
	for i, c := range p.d.Categories {
		yc := h.plotTop + round(h.band*(float64(i)+0.5))
		lines := p.m.wrap(p.font(c.Total), labelSize, c.Label, h.labW, h.maxLines)
		lh := lineHeight(labelSize)
		yy := yc - lh*(len(lines)-1)/2
		for k, t := range lines {
			p.text(t, h.x0-gap, yy+k*lh, c.Total, labelSize, textColor, alignRight)
		}
	}
	p.horizontalBars(h, bs)
	p.line(h.sc.px(0), h.plotTop, h.sc.px(0), h.plotBottom, axisColor)
	return nil
}

// hLayout is where a horizontal bar chart's parts go, in pixels.
type hLayout struct {
	single              bool // one series: its name is printed under the axis
	plotTop, plotBottom int
	band                float64 // height of a category's band
	slotH               float64 // height of a bar's slot in the band
	vs                  float64 // size of the value labels
	labW, maxLines      int     // the category labels' column: width, lines
	x0                  int     // the plot's left edge, right of the labels
	sc                  scale   // the value axis
}

// horizontalLayout lays out a horizontal bar chart in b below top (the
// legend's bottom): a band per category, divided into slots; a column for
// the category labels at most a third of the width; the value axis.
func (p *plan) horizontalLayout(b rect, bs []bar, top int) (hLayout, error) {
	nCat := len(p.d.Categories)
	lhSmall := lineHeight(smallSize)
	axisH := gap + lhSmall + p.axisTitleHeight()
	h := hLayout{single: len(p.d.Series) == 1}
	h.plotTop, h.plotBottom = top, b.y1-axisH
	h.band = float64(h.plotBottom-h.plotTop) / float64(nCat)
	h.slotH = (h.band - catGap) / float64(p.slots())
	if h.slotH > 18 {
		h.slotH = 18
	}
	if h.slotH < minBand {
		return h, figureErr(p.f, "%d categories do not fit in %d pixels", nCat, h.plotBottom-h.plotTop)
	}
	// Values are set in the small size of the type scale, whatever the
	// slots: plotHeight keeps slots at least minSlot, where they fit.
	h.vs = smallSize
	// Category labels: a column on the left, at most a third of the width.
	for _, c := range p.d.Categories {
		h.labW = max(h.labW, p.m.width(p.font(c.Total), labelSize, c.Label))
	}
	h.labW = min(h.labW, b.w()/3)
	h.maxLines = max(1, min(2, int(h.band)/lineHeight(labelSize)))
	h.x0 = b.x0 + h.labW + gap
	var err error
	h.sc, err = p.horizontalScale(b, bs, h.x0, h.vs)
	return h, err
}

// horizontalScale is the value axis of a horizontal bar chart, from x0 to
// b's right edge, leaving room for the tick labels and for the value
// labels (of size vs) beyond the bars' ends: at the left of negative
// bars, at the right of positive ones.
func (p *plan) horizontalScale(b rect, bs []bar, x0 int, vs float64) (scale, error) {
	leftRoom := 0
	for _, br := range bs {
		if br.ok && br.v < 0 {
			leftRoom = max(leftRoom, p.m.width(p.fonts.regular, vs, br.label)+pad)
		}
	}
	n := max(2, (b.x1-x0)/90)
	sc := p.axis(bs, n)
	tickW := 0
	for _, t := range sc.ticks {
		tickW = max(tickW, p.m.width(p.fonts.regular, smallSize, sc.tickLabel(t, p.l)))
	}
	sc.p0 = x0 + max(leftRoom, tickW/2)
	sc.p1 = b.x1 - max(tickW/2, 0)
	// Shrink the axis until every positive bar's label fits.
	for _, br := range bs {
		if !br.ok || br.v <= 0 {
			continue
		}
		w := p.m.width(p.fonts.regular, vs, br.label) + pad
		avail := float64(b.x1 - w - sc.p0)
		need := (br.v - sc.lo) / (sc.hi - sc.lo)
		if need > 0 && avail < need*float64(sc.p1-sc.p0) {
			sc.p1 = sc.p0 + int(math.Floor(avail/need))
		}
	}
	if sc.p1-sc.p0 < 20 {
		return sc, figureErr(p.f, "labels leave no room for the bars in %d pixels", b.w())
	}
	return sc, nil
}

// horizontalBars draws the bars of a horizontal bar chart and their
// values; a cell with no number gets its mark beside the zero line.
func (p *plan) horizontalBars(h hLayout, bs []bar) {
	zero := h.sc.px(0)
	for _, br := range bs {
		top := float64(h.plotTop) + h.band*float64(br.cat) + (h.band-h.slotH*float64(p.slots()))/2 + h.slotH*float64(br.slot)
		bh := h.slotH - 2
		if br.thin {
			top += bh * 0.2
			bh *= 0.6
		}
		yc := round(top + (h.slotH-2)/2)
		y0, y1 := round(top), round(top+bh)
		if !br.ok {
			x := zero + pad
			align := alignLeft
			if p.f.Kind == report.DivergingBars && br.ser == 0 {
				x, align = zero-pad, alignRight
			}
			p.text(br.label, x, yc, false, h.vs, mutedText, align)
			continue
		}
		x := h.sc.px(br.v)
		p.fill(rect{zero, y0, x, y1}, p.color(br.ser, p.d.Categories[br.cat].Total && h.single))
		if br.v < 0 {
			p.text(br.label, x-pad, yc, false, h.vs, textColor, alignRight)
		} else {
			p.text(br.label, x+pad, yc, false, h.vs, textColor, alignLeft)
		}
	}
}

// vertical draws one column per category on a value axis from zero,
// under the axis' title.
func (p *plan) vertical(b rect) error {
	bs := p.bars()
	nCat := len(p.d.Categories)
	lh, lhSmall := lineHeight(labelSize), lineHeight(smallSize)
	title := p.m.ellipsis(p.fonts.regular, smallSize, p.f.AxisTitle(), b.w())
	p.text(title, b.x0, b.y0+lhSmall/2, false, smallSize, mutedText, alignLeft)
	lo, _ := p.extent(bs)
	if len(p.f.Range) == 2 {
		lo = p.f.Range[0]
	}
	plotTop := b.y0 + p.axisTitleHeight() + gap + lhSmall // room for a value label above the tallest bar
	n := max(2, (b.h()-4*lh)/50)
	sc := p.axis(bs, n)
	tickW := 0
	for _, t := range sc.ticks {
		tickW = max(tickW, p.m.width(p.fonts.regular, smallSize, sc.tickLabel(t, p.l)))
	}
	x0 := b.x0 + tickW + pad
	band := float64(b.x1-x0) / float64(nCat)
	// Category labels under the axis, wrapped to the band.
	maxLines := 1
	wrapped := make([][]string, nCat)
	for i, c := range p.d.Categories {
		wrapped[i] = p.m.wrap(p.font(c.Total), labelSize, c.Label, max(1, int(band)-pad), 3)
		maxLines = max(maxLines, len(wrapped[i]))
	}
	plotBottom := b.y1 - gap - maxLines*lh
	if lo < 0 {
		plotBottom -= lhSmall
	}
	if plotBottom-plotTop < 40 || band < minBand {
		return figureErr(p.f, "%d categories do not fit in %d×%d pixels", nCat, b.w(), b.h())
	}
	sc.p0, sc.p1 = plotBottom, plotTop
	for _, t := range sc.ticks {
		y := sc.px(sc.tickValue(t))
		p.line(x0, y, b.x1, y, gridColor)
		p.text(sc.tickLabel(t, p.l), x0-pad, y, false, smallSize, mutedText, alignRight)
	}
	zero := sc.px(0)
	barW := math.Min(band*0.6, 60)
	for _, br := range bs {
		c := p.d.Categories[br.cat]
		xc := x0 + round(band*(float64(br.cat)+0.5))
		xa, xb := xc-round(barW/2), xc+round(barW/2)
		if !br.ok {
			p.text(br.label, xc, zero-pad-lhSmall/2, false, smallSize, mutedText, alignCenter)
		} else {
			y := sc.px(br.v)
			p.fill(rect{xa, zero, xb, y}, p.color(0, c.Total))
			if br.v < 0 {
				p.text(br.label, xc, y+pad+lhSmall/2, false, smallSize, textColor, alignCenter)
			} else {
				p.text(br.label, xc, y-pad-lhSmall/2, false, smallSize, textColor, alignCenter)
			}
		}
		for k, t := range wrapped[br.cat] {
			p.text(t, xc, sc.px(sc.lo)+gap+lh/2+k*lh, c.Total, labelSize, textColor, alignCenter)
		}
	}
	p.line(x0, zero, b.x1, zero, axisColor)
	return nil
}
