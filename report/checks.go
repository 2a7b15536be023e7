package report

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
)

// inputChecks are the checks the GSS anchors (gptables, a11ytables) run
// on their input, as warnings: a table row with no value at all, a label
// or annotation made of symbols only (a mark such as "*" that means
// something only to whoever wrote it), and a table note whose mark
// ("(*)") no row, column or title of its table carries. (A footnote no
// text cites is reported by citations.)
func (v *validator) inputChecks(p *Profile) {
	for _, t := range p.Tables {
		if t != nil {
			v.tableInputChecks(t, p.Figures)
		}
	}
}

// noteMark matches the mark a table note starts with: "(*)", "(**)", "(†)".
var noteMark = regexp.MustCompile(`^\(([*†‡]+)\)`)

func (v *validator) tableInputChecks(t *Table, figs []*Figure) {
	labels := []string{t.Title, t.Stub}
	for i, c := range t.Columns {
		if c == nil {
			continue
		}
		labels = append(labels, c.Label, c.Group)
		v.symbolOnly(c.Pos, fmt.Sprintf("columns[%d].label", i), c.Label)
		v.symbolOnly(c.Pos, fmt.Sprintf("columns[%d].group", i), c.Group)
	}
	for i, r := range t.Rows {
		if r == nil {
			continue
		}
		labels = append(labels, r.Label, r.Lead)
		v.symbolOnly(r.Pos, fmt.Sprintf("rows[%d].label", i), r.Label)
		blank := len(r.Cells) > 0
		for j, c := range r.Cells {
			blank = blank && c.Kind == Blank
			v.symbolOnly(c.Pos, fmt.Sprintf("rows[%d].values[%d]", i, j), c.Note)
		}
		if blank {
			v.add(Warning, r.Pos, fmt.Sprintf("rows[%d]", i), "row %q has no value in any column: a blank row reads as missing data; leave it out or give its values", r.Label)
		}
	}
	for _, f := range figs {
		if f != nil && f.Table == t {
			labels = append(labels, f.Title, f.Caption)
		}
	}
	all := strings.Join(labels, "\n")
	for i, n := range t.Notes {
		if m := noteMark.FindString(n.Plain()); m != "" && !strings.Contains(all, m) {
			v.add(Warning, t.Pos, fmt.Sprintf("notes[%d]", i), "note %s of table %q is referred to by no row, column or title of the table", m, t.ID)
		}
	}
}

// symbolOnly warns about a text that holds no letter and no digit; a
// unit's sign ("%") says what it means.
func (v *validator) symbolOnly(pos Pos, path, s string) {
	if t := strings.TrimSpace(s); t == "" || t == "%" || t == "‰" || strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0 {
		return
	}
	v.add(Warning, pos, path, "%q is only symbols: say in words what it means (a note can explain it)", s)
}
