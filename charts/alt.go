package charts

import (
	"strings"

	"github.com/migprofile/migprofile/report"
)

// AltText returns a one-sentence text alternative to the figure, built
// from its data alone so that it reads in the profile's language: the
// caption ("Figure N. Title"), then each category's value in drawing
// order, e.g. "Figure 1. Malians abroad, 2001: Ivory Coast 523,231;
// Sudan 100,000; … France (**) 21,964." With several series each category
// lists them by name: "Ivory Coast – 1976: 3,917, 1987: 2,441; …". A
// figure whose data do not resolve gets its caption alone.
func AltText(f *report.Figure, l report.Labels) string {
	if f == nil {
		return ""
	}
	caption := strings.TrimRight(Caption(f, l), ". ")
	d, err := Data(f)
	if err != nil {
		return caption + "."
	}
	var b strings.Builder
	b.WriteString(caption)
	b.WriteString(": ")
	if len(d.Series) == 1 {
		b.WriteString(d.Series[0].Name)
		b.WriteString(" – ")
	}
	value := func(c report.Cell) string {
		if c.Kind == report.Blank && l.NotAvailable != "" {
			return l.NotAvailable
		}
		return c.Format(l)
	}
	for i, c := range d.Categories {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(c.Label)
		if len(d.Series) == 1 {
			b.WriteString(" ")
			b.WriteString(value(d.Series[0].Values[i]))
			continue
		}
		b.WriteString(" – ")
		for s, ser := range d.Series {
			if s > 0 {
				b.WriteString(", ")
			}
			b.WriteString(ser.Name)
			b.WriteString(": ")
			b.WriteString(value(ser.Values[i]))
		}
	}
	b.WriteString(".")
	return strings.Join(strings.Fields(b.String()), " ")
}
