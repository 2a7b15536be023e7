package report_test

import (
	"strings"
	"testing"

	"github.com/migprofile/migprofile/report"
)

// citeProfile is a profile whose one framework holds text and these
// references.
func citeProfile(text string, refs ...string) *report.Profile {
	var items []report.Text
	for _, r := range refs {
		items = append(items, report.Text{{Kind: report.SpanPlain, Text: r}})
	}
	return &report.Profile{
		Meta: report.Meta{Title: "T", Country: "C", Date: "D", ISODate: "2010-05", Language: "fr", Authors: []string{"A"}, Publisher: "P"},
		Frameworks: []*report.Framework{{ID: "f", Title: "F", Blocks: []report.Block{
			{Kind: report.Paragraph, Text: report.Text{{Kind: report.SpanPlain, Text: text}}},
			{Kind: report.ReferencesBlock, Items: items},
		}}},
	}
}

// TestCitations checks which author–year citations are checked against
// the references: one, two and more authors, with or without a comma;
// a country dated in brackets is no citation.
func TestCitations(t *testing.T) {
	refs := []string{
		"Dupont A. et Martin B. 2008. Les migrations.",
		"Smith C. and Jones D. 2008. Networks.",
		"Docquier F., Lowell L. et al. 2009. Skilled migration.",
	}
	tests := []struct {
		text string
		want string // the warning's citation, "" for none
	}{
		{"(Dupont et Martin, 2008)", ""},
		{"(Smith and Jones 2008)", ""},
		{"(Docquier et al., 2009)", ""},
		{"Docquier et al. (2009) show it.", ""},
		{"(Dupont, 2008; Smith and Jones, 2008)", ""},
		{"la France (1963) et la Belgique (1964)", ""},
		{"(Dupont et Martin, 2009)", `"(Dupont et Martin, 2009)"`},
		{"(Dupont et Marten, 2008)", `"(Dupont et Marten, 2008)"`},
		{"(Smith and Jones 2007)", `"(Smith and Jones 2007)"`},
		{"(Docquier et al., 2010)", `"(Docquier et al., 2010)"`},
		{"(Dupont, 2008; Smyth, 2008)", `"(Smyth, 2008)"`},
		{"Dupont (2007) disagrees.", `"Dupont (2007)"`},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			var got []string
			for _, d := range citeProfile(tt.text, refs...).Validate() {
				if strings.Contains(d.Msg, "citation") {
					got = append(got, d.Msg)
				}
			}
			switch {
			case tt.want == "" && len(got) > 0:
				t.Errorf("false warning: %q", got)
			case tt.want != "" && (len(got) != 1 || !strings.Contains(got[0], tt.want)):
				t.Errorf("want one warning about %s, got %q", tt.want, got)
			}
		})
	}
}

// TestJoinNotes checks that notes run on with "; ", but never ".;".
func TestJoinNotes(t *testing.T) {
	text := func(s string) report.Text { return report.Text{{Kind: report.SpanPlain, Text: s}} }
	got := report.JoinNotes([]report.Text{text("First note."), text("(*) second"), text("third (see above.)"), text("fourth")}).Plain()
	if want := "First note. (*) second; third (see above.) fourth"; got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

// TestValidateNumberFormat checks that validate's messages print numbers
// as the profile does (9 642, not 9,642).
func TestValidateNumberFormat(t *testing.T) {
	c := func(v int64) report.Cell { return report.Cell{Kind: report.Number, Units: v} }
	col := &report.Column{ID: "n", Label: "N", Unit: report.Count}
	a := &report.Row{ID: "a", Label: "A", Cells: []report.Cell{c(5000)}}
	b := &report.Row{ID: "b", Label: "B", Cells: []report.Cell{c(4642)}}
	total := &report.Row{ID: "t", Label: "T", Cells: []report.Cell{c(9000)}, SumOf: []*report.Row{a, b}}
	p := citeProfile("x")
	p.Tables = []*report.Table{{ID: "t", Number: 1, Title: "T", Columns: []*report.Column{col}, Rows: []*report.Row{a, b, total},
		Sources: []report.Source{{Text: report.Text{{Kind: report.SpanPlain, Text: "S"}}}}}}
	p.Labels = report.Labels{Language: "fr", ThousandsSep: "\u202f", DecimalMark: ","}.WithDefaults()
	var msgs []string
	for _, d := range p.Validate() {
		msgs = append(msgs, d.Msg)
	}
	if want := "printed 9\u202f000, computed 9\u202f642"; !strings.Contains(strings.Join(msgs, "\n"), want) {
		t.Errorf("messages %q lack %q", msgs, want)
	}
}

// TestTypeset checks French spacing on text an author wrote.
func TestTypeset(t *testing.T) {
	for in, want := range map[string]string{
		"Pourquoi ? Parce que : « ici »; voilà!": "Pourquoi\u202f? Parce que\u202f: «\u202fici\u202f»\u202f; voilà\u202f!",
		"10:30, http://x.org":                    "10:30, http://x.org",
		"déjà\u202f; fait":                       "déjà\u202f; fait",
		"ouvert ?!":                              "ouvert\u202f?!",
	} {
		if got := report.Typeset("fr-FR", in); got != want {
			t.Errorf("Typeset(%q) = %q, want %q", in, got, want)
		}
		if got := report.Typeset("en", in); got != in {
			t.Errorf("English %q changed to %q", in, got)
		}
	}
}
