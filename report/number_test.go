package report_test

import (
	"testing"

	"github.com/migprofile/migprofile/report"
)

func TestFormatUnits(t *testing.T) {
	tests := []struct {
		units    int64
		decimals int
		want     string
	}{
		{924497, 0, "924,497"},
		{-123000, 0, "-123,000"},
		{846, 0, "846"},
		{1000, 1, "100.0"},
		{0, 1, "0.0"},
		{5, 2, "0.05"},
		{-5, 1, "-0.5"},
		{1234567890, 3, "1,234,567.890"},
		{-9223372036854775808, 0, "-9,223,372,036,854,775,808"},
	}
	for _, tt := range tests {
		if got := report.FormatUnits(tt.units, tt.decimals, ",", "."); got != tt.want {
			t.Errorf("FormatUnits(%d, %d) = %q, want %q", tt.units, tt.decimals, got, tt.want)
		}
	}
	if got := report.FormatUnits(1234567, 1, "\u202f", ","); got != "123\u202f456,7" {
		t.Errorf("French style: got %q", got)
	}
}

func TestCellFormat(t *testing.T) {
	l := report.Labels{ThousandsSep: ",", DecimalMark: "."}
	tests := []struct {
		cell report.Cell
		want string
	}{
		{report.Cell{Kind: report.Number, Units: 792258, Note: "1998"}, "792,258 (1998)"},
		{report.Cell{Kind: report.Number, Units: 806, Decimals: 1}, "80.6"},
		{report.Cell{Kind: report.Dash}, "-"},
		{report.Cell{Kind: report.Blank}, ""},
	}
	for _, tt := range tests {
		if got := tt.cell.Format(l); got != tt.want {
			t.Errorf("Format: got %q, want %q", got, tt.want)
		}
	}
	if v, ok := (report.Cell{Kind: report.Number, Units: -1967}).Value(); !ok || v != -1967 {
		t.Errorf("Value: got %v %v", v, ok)
	}
	if _, ok := (report.Cell{Kind: report.Dash}).Value(); ok {
		t.Error("a dash has no value")
	}
}

func TestCellValueIsTheNearestFloat(t *testing.T) {
	tests := []struct {
		units    int64
		decimals int
		want     float64
	}{
		{7, 2, 0.07},
		{806, 1, 80.6},
		{-1967, 0, -1967},
		{1, 3, 0.001},
		{-9223372036854775808, 0, -9223372036854775808},
		{123456789, 4, 12345.6789},
	}
	for _, tt := range tests {
		v, ok := report.Cell{Kind: report.Number, Units: tt.units, Decimals: tt.decimals}.Value()
		if !ok || v != tt.want {
			t.Errorf("Value(%d, %d) = %v, %v; want %v", tt.units, tt.decimals, v, ok, tt.want)
		}
	}
}
