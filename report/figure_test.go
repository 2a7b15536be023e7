package report_test

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/migprofile/migprofile/report"
)

var english = report.DefaultLabels()

// num is a published number: num(924497, 0) is 924,497, num(442, 1) 44.2.
func num(units int64, dec int) report.Cell {
	return report.Cell{Kind: report.Number, Units: units, Decimals: dec}
}

var blank = report.Cell{Kind: report.Blank}

// table builds a table whose columns are c1, c2, … and whose rows are
// labelled as given.
func table(id string, rows map[string][]report.Cell, order ...string) *report.Table {
	t := &report.Table{ID: id, Title: id}
	n := 0
	for _, r := range rows {
		n = max(n, len(r))
	}
	for i := range n {
		t.Columns = append(t.Columns, &report.Column{ID: fmt.Sprintf("c%d", i+1), Label: fmt.Sprintf("Column %d", i+1), Unit: report.Count})
	}
	for _, label := range order {
		t.Rows = append(t.Rows, &report.Row{ID: report.Slug(label), Label: label, Cells: rows[label], Total: label == "Total"})
	}
	return t
}

// refs turns ids into references written at line 1, 2, … of a file.
func refs(ids ...string) []report.Ref {
	out := make([]report.Ref, len(ids))
	for i, id := range ids {
		out[i] = report.Ref{Pos: report.Pos{File: "d/figures/fig.yaml", Line: 10 + i, Col: 5}, ID: id}
	}
	return out
}

func TestFigureProblems(t *testing.T) {
	tab := table("tab", map[string][]report.Cell{"Ivory Coast": {num(1, 0), num(2, 0)}}, "Ivory Coast")
	at := report.Pos{File: "d/figures/fig.yaml", Line: 4, Col: 7}
	tests := []struct {
		name string
		f    report.Figure
		want string
	}{
		{"NoTable", report.Figure{Kind: report.HorizontalBars, Series: refs("c1")}, `d/figures/fig.yaml:1:1: table: figure "fig" draws from no table`},
		{"NoKind", report.Figure{Table: tab, Series: refs("c1")}, `d/figures/fig.yaml:1:1: kind: missing`},
		{"UnknownKind", report.Figure{Kind: "pie", KindPos: at, Table: tab, Series: refs("c1")}, `d/figures/fig.yaml:4:7: kind: unknown figure kind "pie"`},
		{"UnknownSeries", report.Figure{Kind: report.GroupedBars, Table: tab, Series: refs("c1", "c9")}, `d/figures/fig.yaml:11:5: series[1]: table "tab" has no column "c9"`},
		{"UnknownCategory", report.Figure{Kind: report.GroupedBars, Table: tab, Series: refs("c1"), Categories: refs("x", "senegal")[1:]}, `d/figures/fig.yaml:11:5: categories[0]: table "tab" has no row "senegal"`},
		{"TransposedSeries", report.Figure{Kind: report.GroupedBars, Table: tab, Transpose: true, Series: refs("c1")}, `series[0]: table "tab" has no row "c1"`},
		{"TransposedCategory", report.Figure{Kind: report.GroupedBars, Table: tab, Transpose: true, Series: refs("ivory-coast"), Categories: refs("ivory-coast")}, `categories[0]: table "tab" has no column "ivory-coast"`},
		{"BadSort", report.Figure{Kind: report.HorizontalBars, Table: tab, Series: refs("c1"), Sort: "up", SortPos: at}, `d/figures/fig.yaml:4:7: sort: want ascending or descending, got "up"`},
		{"TwoSeriesOneBar", report.Figure{Kind: report.HorizontalBars, Table: tab, Series: refs("c1", "c2")}, `d/figures/fig.yaml:11:5: series: kind horizontal-bars draws exactly one series, got 2`},
		{"DivergingOneSeries", report.Figure{Kind: report.DivergingBars, Table: tab, Series: refs("c1")}, `d/figures/fig.yaml:10:5: series: kind diverging-bars draws at least two series, got 1`},
		{"NoSeries", report.Figure{Kind: report.GroupedBars, Table: tab}, `series: kind grouped-bars draws at least one series, got none`},
		{"NothingToDraw", report.Figure{Kind: report.GroupedBars, Series: refs("c1"), Table: &report.Table{ID: "empty", Columns: []*report.Column{{ID: "c1"}}}}, `categories: nothing to draw: table "empty" has no rows`},
		{"ShortRow", report.Figure{Kind: report.GroupedBars, Series: refs("c2"), Table: &report.Table{ID: "short",
			Columns: []*report.Column{{ID: "c1"}, {ID: "c2"}}, Rows: []*report.Row{{Pos: at, ID: "r", Cells: []report.Cell{num(1, 0)}}}}}, `d/figures/fig.yaml:4:7: figure "fig" draws column "c2" of row "r", which has 1 values`},
		{"RangeOneNumber", report.Figure{Kind: report.HorizontalBars, Table: tab, Series: refs("c1"), Range: []float64{100}, RangePos: at}, `d/figures/fig.yaml:4:7: range: want two numbers [low, high], got 1`},
		{"RangeReversed", report.Figure{Kind: report.HorizontalBars, Table: tab, Series: refs("c1"), Range: []float64{100, 0}, RangePos: at}, `d/figures/fig.yaml:4:7: range: low end 100 is not below high end 0`},
		{"RangeWithoutZero", report.Figure{Kind: report.HorizontalBars, Table: tab, Series: refs("c1"), Range: []float64{10, 100}, RangePos: at}, `range: [10, 100] leaves out zero, where the bars start`},
		{"RangeHuge", report.Figure{Kind: report.HorizontalBars, Table: tab, Series: refs("c1"), Range: []float64{0, 1e300}, RangePos: at}, `range: [0, 1e+300] is beyond ±1e+15`},
		{"RangeNaN", report.Figure{Kind: report.HorizontalBars, Table: tab, Series: refs("c1"), Range: []float64{math.NaN(), 1}, RangePos: at}, `range: want finite numbers`},
		{"RangeCutsData", report.Figure{Kind: report.GroupedBars, Table: tab, Series: refs("c1", "c2"), Range: []float64{0, 1.5}, RangePos: at}, `d/figures/fig.yaml:4:7: range: [0, 1.5] cuts off the value 2 of series "c2"`},
		{"RangeCutsLeftSide", report.Figure{Kind: report.DivergingBars, Table: tab, Series: refs("c1", "c2"), Range: []float64{0, 10}, RangePos: at}, `range: [0, 10] cuts off the value -1 of series "c1"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.f.ID = "fig"
			tt.f.Pos = report.Pos{File: "d/figures/fig.yaml", Line: 1, Col: 1}
			probs := tt.f.Problems()
			if len(probs) == 0 {
				t.Fatal("no problem")
			}
			if got := probs[0].Error(); !strings.Contains(got, tt.want) {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
			// Data refuses the figure with the same error, and the
			// profile's validation reports it.
			if _, err := tt.f.Data(); err == nil || err.Error() != probs[0].Error() {
				t.Errorf("Data: got %v, want %v", err, probs[0])
			}
			p := &report.Profile{Figures: []*report.Figure{&tt.f}}
			found := false
			for _, d := range p.Validate().Errors() {
				found = found || d.String() == probs[0].Error()
			}
			if !found {
				t.Errorf("Validate does not report %s", probs[0])
			}
			if got := tt.f.AltText(english); got == "" {
				t.Error("AltText is empty")
			}
		})
	}
}

func TestFigureAltText(t *testing.T) {
	tab := table("t", map[string][]report.Cell{"Peulh": {num(310, 1), num(1228, 0)}, "Soninke": {num(442, 1), blank}}, "Peulh", "Soninke")
	tab.Columns[0].Label, tab.Columns[1].Label = "%", "Number"
	three := table("t", map[string][]report.Cell{"Peulh": {num(310, 1)}, "Soninke": {num(442, 1)}, "Malinke": {num(289, 1)}, "Total": {num(308, 1)}}, "Peulh", "Soninke", "Malinke", "Total")
	three.Rows[3].Total = true
	french := report.Labels{Figure: "Graphique", NotAvailable: "non disponible", ThousandsSep: " ", DecimalMark: ",", Largest: "le plus grand", Smallest: "le plus petit"}
	tests := []struct {
		name string
		f    report.Figure
		l    report.Labels
		want string
	}{
		{"OneSeries", report.Figure{Number: 3, Kind: report.PercentBars, Title: "Households", Series: refs("c1"), Sort: "descending"}, english,
			"Figure 3. Households: % Soninke (44.2), Peulh (31.0)."},
		{"French", report.Figure{Number: 3, Kind: report.PercentBars, Title: "Ménages", Series: refs("c1")}, french,
			"Graphique 3. Ménages: % Peulh (31,0), Soninke (44,2)."},
		{"Series", report.Figure{Number: 1, Kind: report.GroupedBars, Title: "Both.", Series: refs("c2", "c1")}, french,
			"Graphique 1. Both: Number Peulh (1 228); % Peulh (31,0), Soninke (44,2)."},
		// Three bars or more: the largest and the smallest, total rows apart.
		{"Extremes", report.Figure{Number: 2, Kind: report.PercentBars, Title: "Households", Series: refs("c1"), Table: three}, english,
			"Figure 2. Households: Column 1, largest Soninke (44.2), smallest Malinke (28.9)."},
		{"ExtremesFrench", report.Figure{Number: 2, Kind: report.PercentBars, Title: "Ménages", Series: refs("c1"), Table: three}, french,
			"Graphique 2. Ménages: Column 1, le plus grand Soninke (44,2), le plus petit Malinke (28,9)."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.f.Table == nil {
				tt.f.Table = tab
			}
			if got := tt.f.AltText(tt.l); got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestFigureRangeFits(t *testing.T) {
	tab := table("tab", map[string][]report.Cell{"A": {num(442, 1), num(-5, 0)}}, "A")
	f := report.Figure{ID: "fig", Kind: report.DivergingBars, Table: tab, Series: refs("c2", "c1"), Range: []float64{-50, 50}}
	if probs := f.Problems(); len(probs) > 0 {
		t.Errorf("a range holding every value: %v", probs[0])
	}
}

func TestAxisTitle(t *testing.T) {
	tab := &report.Table{ID: "t", Columns: []*report.Column{
		{ID: "n1", Group: "1976", Label: "Number"},
		{ID: "n2", Group: "1987", Label: "Number"},
		{ID: "p", Group: "Households with an emigrant", Label: "%", Unit: report.Percent},
	}, Rows: []*report.Row{{ID: "a", Label: "A", Cells: []report.Cell{num(1, 0), num(2, 0), num(3, 0)}}}}
	tests := []struct {
		name string
		f    report.Figure
		want string
	}{
		{"Declared", report.Figure{ValueAxis: "Number of Malians abroad", Series: refs("n1")}, "Number of Malians abroad"},
		{"SharedLabel", report.Figure{Series: refs("n1", "n2")}, "Number"},
		{"LabelWithoutGroup", report.Figure{Series: refs("p")}, "%"},
		{"NoSharedLabel", report.Figure{Series: refs("n1", "p")}, ""},
		{"Transposed", report.Figure{Transpose: true, Series: refs("a")}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.f.Table = tab
			if got := tt.f.AxisTitle(); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// barsFigure is a horizontal-bars figure of n regions, region i of value
// i, sorted descending.
func barsFigure(n int) *report.Figure {
	rows := map[string][]report.Cell{}
	var order []string
	for i := range n {
		l := fmt.Sprintf("Region %d", i)
		rows[l] = []report.Cell{num(int64(i), 0)}
		order = append(order, l)
	}
	return &report.Figure{ID: "f", Number: 1, Kind: report.HorizontalBars, Table: table("t", rows, order...), Series: refs("c1"), Sort: "descending"}
}

func TestTooManyBarsWarns(t *testing.T) {
	for _, tc := range []struct {
		bars int
		warn bool
	}{{45, false}, {160, false}, {161, true}} {
		p := &report.Profile{Figures: []*report.Figure{barsFigure(tc.bars)}}
		var got []string
		for _, d := range p.Validate().Warnings() {
			got = append(got, d.String())
		}
		if want := fmt.Sprintf("draws %d bars", tc.bars); tc.warn != (len(got) == 1 && strings.Contains(got[0], want)) || len(got) > 1 {
			t.Errorf("%d bars: warnings %q, want a warning: %v", tc.bars, got, tc.warn)
		}
	}
}

func TestPanels(t *testing.T) {
	f := barsFigure(45)
	ps := f.Panels(2)
	if len(ps) != 2 {
		t.Fatalf("%d panels, want 2", len(ps))
	}
	var ids []string
	for _, p := range ps {
		d, err := p.Data()
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range d.Categories {
			ids = append(ids, c.ID)
		}
		if len(p.Span) != 2 || p.Span[0] != 0 || p.Span[1] != 44 {
			t.Errorf("panel span %v, want the whole figure's [0 44]", p.Span)
		}
	}
	d, _ := f.Data()
	var want []string
	for _, c := range d.Categories {
		want = append(want, c.ID)
	}
	if !slices.Equal(ids, want) {
		t.Errorf("panels draw %q, want the figure's categories in order %q", ids, want)
	}
	if n := len(ps[0].Categories); n != 22 {
		t.Errorf("first panel has %d categories, want 22 of 45", n)
	}
	if got := f.Panels(1); len(got) != 1 || got[0] != f {
		t.Errorf("one panel is not the figure itself")
	}
	fixed := barsFigure(4)
	fixed.Range = []float64{0, 10}
	for _, p := range fixed.Panels(2) {
		if p.Span != nil {
			t.Errorf("a figure with a fixed range gives its panels a span %v", p.Span)
		}
	}
}
