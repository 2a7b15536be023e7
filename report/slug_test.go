package report_test

import (
	"testing"

	"github.com/migprofile/migprofile/report"
)

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{
		"Ivory Coast":        "ivory-coast",
		"Senegal (*)":        "senegal",
		"Bur. Faso":          "bur-faso",
		"Guinéa":             "guinéa",
		"% on the total of ": "on-the-total-of",
		"1976":               "1976",
		"  ":                 "",
	} {
		if got := report.Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
}
