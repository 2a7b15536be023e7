package reporttest

import (
	"strings"
	"testing"
)

func TestPublishedFile(t *testing.T) {
	// Every row of a table has as many cells as its first row.
	for _, tb := range published.Tables {
		if len(tb.Rows) == 0 {
			t.Errorf("table %q has no rows", tb.ID)
			continue
		}
		for i, row := range tb.Rows {
			if len(row) != len(tb.Rows[0]) {
				t.Errorf("table %q row %d has %d cells, row 0 has %d", tb.ID, i, len(row), len(tb.Rows[0]))
			}
		}
	}
	if got, want := len(Published), len(published.Tables); got != want {
		t.Errorf("Published has %d tables, the file %d", got, want)
	}
}

func TestDecodePublished(t *testing.T) {
	tests := []struct {
		name, yaml, err string
	}{
		{"ErrUnknownKey", "profile: x\ntable: []\n", "field table not found"},
		{"ErrNoProfile", "tables: []\n", "no profile"},
		{"ErrTableTwice", "profile: x\ntables: [{id: a}, {id: a}]\n", `table "a" listed twice`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := decodePublished([]byte(tt.yaml))
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("got error %v, want one containing %q", err, tt.err)
			}
		})
	}
}
