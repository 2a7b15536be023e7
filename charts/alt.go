package charts

import (
	"strings"

	"github.com/migprofile/migprofile/report"
)

// AltText returns a one-sentence text alternative to the figure, built
// from its data and the profile's labels, so that it reads in the
// profile's language: the caption ("Figure N. Title"), then for each
// series its largest and smallest bar, e.g. "Figure 1. Malians abroad,
// 2001: Number, largest Ivory Coast (523,231), smallest Bur. Faso
// (21,316)." Total rows are left out of the comparison; a series of one
// or two bars lists them. A figure whose data do not resolve gets its
// caption alone.
func AltText(f *report.Figure, l report.Labels) string {
	if f == nil {
		return ""
	}
	caption := strings.TrimRight(Caption(f, l), ". ")
	d, err := Data(f)
	if err != nil {
		return caption + "."
	}
	bar := func(i int, c report.Cell) string {
		v := c.Format(l)
		if c.Kind == report.Blank && l.NotAvailable != "" {
			v = l.NotAvailable
		}
		return d.Categories[i].Label + " (" + v + ")"
	}
	var parts []string
	for _, s := range d.Series {
		var idx []int
		for i, c := range s.Values {
			if !d.Categories[i].Total && c.Kind == report.Number {
				idx = append(idx, i)
			}
		}
		var part string
		switch {
		case len(idx) == 0:
			continue
		case len(idx) <= 2:
			var bars []string
			for _, i := range idx {
				bars = append(bars, bar(i, s.Values[i]))
			}
			part = s.Name + " " + strings.Join(bars, ", ")
		default:
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
			part = s.Name + ", " + l.Largest + " " + bar(hi, s.Values[hi]) + ", " + l.Smallest + " " + bar(lo, s.Values[lo])
		}
		parts = append(parts, part)
	}
	if len(parts) == 0 {
		return caption + "."
	}
	return strings.Join(strings.Fields(caption+": "+strings.Join(parts, "; ")+"."), " ")
}
