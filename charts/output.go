package charts

import (
	"bytes"
	"fmt"
	"html"
	"image"
	"image/png"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/golang/freetype/truetype"
	"github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"

	"github.com/migprofile/migprofile/report"
)

// FileWidth is the width in pixels of a figure's SVG and PNG files.
const FileWidth = 680

// hook, when set by a test, wraps every renderer a figure is drawn on.
var hook func(chart.Renderer) chart.Renderer

func hooked(r chart.Renderer) chart.Renderer {
	if hook != nil {
		return hook(r)
	}
	return r
}

// SVG draws the figure as a self-contained SVG file, FileWidth pixels
// wide: its title, the chart, its caption and sources. The text names the
// document's font family (Liberation Sans); the file carries the figure's
// caption as its <title> and its AltText as its <desc>.
func SVG(f *report.Figure, l report.Labels) ([]byte, error) {
	h, err := Height(f, l, FileWidth, true)
	if err != nil {
		return nil, err
	}
	return svg(f, l, FileWidth, h, true)
}

// PlotSVG draws the figure's chart alone as an SVG file, FileWidth pixels
// wide, on white: no title, caption or sources, for a document that
// prints them as text around the image (the Markdown caption), so that a
// reader does not meet them twice. It carries the same <title> and
// <desc> as SVG.
func PlotSVG(f *report.Figure, l report.Labels) ([]byte, error) {
	h, err := Height(f, l, FileWidth, false)
	if err != nil {
		return nil, err
	}
	return svg(f, l, FileWidth, h, false)
}

// svgID is the prefix of the ids an SVG of f declares, unique to the
// figure ("figure-3"), so that several SVGs inlined into one page do not
// collide.
func svgID(f *report.Figure) string {
	return "figure-" + strconv.Itoa(f.Number)
}

func svg(f *report.Figure, l report.Labels, w, h int, framed bool) ([]byte, error) {
	base, err := chart.SVG(w, h)
	if err != nil {
		return nil, fmt.Errorf("charts: svg: %w", err)
	}
	r := &svgRenderer{Renderer: base}
	if err := draw(hooked(r), f, l, w, h, framed); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := base.Save(&buf); err != nil {
		return nil, fmt.Errorf("charts: svg: %w", err)
	}
	out := buf.Bytes()
	// go-chart writes <svg … viewBox="0 0 W H">: add the size, the role
	// and the accessible name and description.
	open := bytes.IndexByte(out, '>')
	if open < 0 || !bytes.HasPrefix(out, []byte("<svg ")) {
		return nil, fmt.Errorf("charts: svg: unexpected output from go-chart")
	}
	var b bytes.Buffer
	b.Grow(len(out) + 512)
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	id := svgID(f)
	b.WriteString(`<svg width="` + strconv.Itoa(w) + `" height="` + strconv.Itoa(h) + `" role="img" aria-labelledby="` + id + `-title ` + id + `-desc" `)
	b.Write(out[len("<svg ") : open+1])
	b.WriteString("\n<title id=\"" + id + "-title\">" + xmlText(f.NumberedTitle(l)) + "</title>")
	b.WriteString("\n<desc id=\"" + id + "-desc\">" + xmlText(f.AltText(l)) + "</desc>\n")
	if !framed {
		b.WriteString(`<rect width="100%" height="100%" fill="#ffffff"/>` + "\n")
	}
	// One element a line, for readable diffs.
	body := bytes.ReplaceAll(out[open+1:], []byte("/><"), []byte("/>\n<"))
	b.Write(bytes.ReplaceAll(body, []byte("</text><"), []byte("</text>\n<")))
	b.WriteString("\n")
	return b.Bytes(), nil
}

// PNG draws the figure as a self-contained PNG image, FileWidth×scale
// pixels wide (scale 2 for a sharp picture on a high-density screen).
func PNG(f *report.Figure, l report.Labels, scale float64) ([]byte, error) {
	if scale <= 0 || scale > 8 {
		return nil, fmt.Errorf("charts: png: scale %v out of range (0, 8]", scale)
	}
	h, err := Height(f, l, FileWidth, true)
	if err != nil {
		return nil, err
	}
	w, hs := round(FileWidth*scale), round(float64(h)*scale)
	base, err := chart.PNG(w, hs)
	if err != nil {
		return nil, fmt.Errorf("charts: png: %w", err)
	}
	r := &scaled{Renderer: base, k: scale}
	if err := DrawFramed(hooked(r), f, l, FileWidth, h); err != nil {
		return nil, err
	}
	var c collector
	if err := base.Save(&c); err != nil {
		return nil, fmt.Errorf("charts: png: %w", err)
	}
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	if err := enc.Encode(&buf, c.img); err != nil {
		return nil, fmt.Errorf("charts: png: %w", err)
	}
	return buf.Bytes(), nil
}

// collector receives the raster image of go-chart's PNG renderer.
type collector struct{ img *image.RGBA }

func (c *collector) SetRGBA(i *image.RGBA)       { c.img = i }
func (c *collector) Write(p []byte) (int, error) { return 0, io.ErrShortWrite }

// svgRenderer escapes text for XML, which go-chart's SVG renderer writes
// as is, and measures text as the layout does.
type svgRenderer struct {
	chart.Renderer
	m    measurer
	font *truetype.Font
	size float64
}

func (r *svgRenderer) SetFont(f *truetype.Font) { r.font = f; r.Renderer.SetFont(f) }
func (r *svgRenderer) SetFontSize(s float64)    { r.size = s; r.Renderer.SetFontSize(s) }

// Text escapes the text and, since go-chart names only the font's family,
// marks bold text with a bold tspan.
func (r *svgRenderer) Text(body string, x, y int) {
	body = html.EscapeString(body)
	if fs, err := loadFonts(); err == nil && r.font == fs.bold {
		body = `<tspan font-weight="bold">` + body + `</tspan>`
	}
	r.Renderer.Text(body, x, y)
}
func (r *svgRenderer) MeasureText(body string) chart.Box {
	return measureBox(&r.m, r.font, r.size, body)
}

func measureBox(m *measurer, f *truetype.Font, size float64, body string) chart.Box {
	if f == nil {
		return chart.Box{}
	}
	return chart.Box{Right: m.width(f, size, body), Bottom: round(px(size))}
}

// scaled draws on go-chart's raster renderer, k times larger than the
// layout.
type scaled struct {
	chart.Renderer
	k    float64
	m    measurer
	font *truetype.Font
	size float64
}

func (r *scaled) sc(v int) int { return round(float64(v) * r.k) }

func (r *scaled) SetFont(f *truetype.Font) { r.font = f; r.Renderer.SetFont(f) }

// SetFontSize compensates go-chart's raster back-end, which sets glyphs at
// points×DPI/64 pixels per em instead of points×DPI/72 (12.5% too large).
func (r *scaled) SetFontSize(s float64)    { r.size = s; r.Renderer.SetFontSize(s * r.k * 64 / 72) }
func (r *scaled) SetStrokeWidth(w float64) { r.Renderer.SetStrokeWidth(w * r.k) }
func (r *scaled) MoveTo(x, y int)          { r.Renderer.MoveTo(r.sc(x), r.sc(y)) }
func (r *scaled) LineTo(x, y int)          { r.Renderer.LineTo(r.sc(x), r.sc(y)) }
func (r *scaled) QuadCurveTo(cx, cy, x, y int) {
	r.Renderer.QuadCurveTo(r.sc(cx), r.sc(cy), r.sc(x), r.sc(y))
}
func (r *scaled) ArcTo(cx, cy int, rx, ry, start, delta float64) {
	r.Renderer.ArcTo(r.sc(cx), r.sc(cy), rx*r.k, ry*r.k, start, delta)
}
func (r *scaled) Circle(radius float64, x, y int) { r.Renderer.Circle(radius*r.k, r.sc(x), r.sc(y)) }
func (r *scaled) Text(body string, x, y int)      { r.Renderer.Text(body, r.sc(x), r.sc(y)) }
func (r *scaled) MeasureText(body string) chart.Box {
	return measureBox(&r.m, r.font, r.size, body)
}

var white = drawing.Color{R: 255, G: 255, B: 255, A: 255}

// xmlText escapes s for XML character data, dropping what XML cannot hold
// (control characters, invalid UTF-8) and folding white space.
func xmlText(s string) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case unicode.IsSpace(r):
			return ' '
		case unicode.IsControl(r), r == 0xFFFE, r == 0xFFFF, r == utf8.RuneError:
			return -1
		}
		return r
	}, strings.ToValidUTF8(s, ""))
	return html.EscapeString(strings.Join(strings.Fields(s), " "))
}
