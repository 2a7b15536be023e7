package report_test

import (
	"testing"

	"github.com/migprofile/migprofile/report"
)

// TestPunctuation checks the patterns the tool writes around labels and
// caption numbers: by language, and overridden whole by the labels.
func TestPunctuation(t *testing.T) {
	tests := []struct {
		labels       report.Labels
		source, capt string
	}{
		{report.Labels{Language: "en"}, "Source: ", "Table 3. T"},
		{report.Labels{}, "Source: ", "Table 3. T"},
		{report.Labels{Language: "fr"}, "Source\u202f: ", "Table 3\u202f: T"},
		{report.Labels{Language: "fr-CA"}, "Source\u202f: ", "Table 3\u202f: T"},
		{report.Labels{Language: "fr", Colon: " – ", NumberEnd: " —"}, "Source – ", "Table 3 — T"},
	}
	for _, tt := range tests {
		l := tt.labels.WithDefaults()
		if got := l.Prefix(l.Source); got != tt.source {
			t.Errorf("%+v: Prefix %q, want %q", tt.labels, got, tt.source)
		}
		if got := l.NumberedTitle(l.Table, 3, "T"); got != tt.capt {
			t.Errorf("%+v: NumberedTitle %q, want %q", tt.labels, got, tt.capt)
		}
	}
	m := report.Meta{Title: "Profil migratoire", Country: "Sylvanie", Language: "fr"}
	if got := m.FullTitle(); got != "Profil migratoire\u202f: Sylvanie" {
		t.Errorf("FullTitle %q", got)
	}
}
