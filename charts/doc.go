// Package charts draws a profile's figures: bar charts declared in the
// profile's data (report.Figure) and drawn from its statistical tables.
//
// One drawing code, Draw, paints a figure on go-chart's chart.Renderer
// interface; SVG and PNG use go-chart's own back-ends, and DrawPDF a
// Renderer over fpdf's vector primitives, so that the same operations
// reach every output. The drawing is deterministic: the same figure gives
// the same bytes on every run.
//
// The kinds of figure:
//
//   - horizontal-bars: one series, one horizontal bar per category, with
//     the value at the end of each bar.
//   - grouped-bars: several series, a group of horizontal bars per
//     category, with values and a legend.
//   - diverging-bars: bars around a central zero; the first series is drawn
//     leftwards, the second rightwards (e.g. outflows and inflows), and any
//     further series (e.g. the balance) as narrower bars at their signed
//     value.
//   - percent-bars: one series of percentages, one vertical bar per
//     category.
//
// Value axes include zero and run to round numbers just past the data, or
// over the range the figure declares (report.Figure.Range); their ticks
// are signed, and their title is report.Figure.AxisTitle. A horizontal
// chart's height follows its number of bars (see plotHeight). Text is set
// in two sizes of the document's type scale (layouts.TypeScale). Values are printed as the tables print them
// (report.Cell.FormatNumber with the profile's Labels); colours are the
// Okabe–Ito palette, and every bar also carries its value so that colour
// never carries meaning alone.
package charts
