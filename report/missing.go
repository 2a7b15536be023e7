package report

import "strings"

// Marks records which kinds of missing value and which flags a table
// prints, so that a legend explains those, and only those.
type Marks struct {
	NotAvailable  bool
	NotApplicable bool
	Confidential  bool
	Provisional   bool
	Estimated     bool
}

// Marks returns the missing-value kinds and flags t's cells carry. A
// plain blank is not marked (it prints empty), nor is a label-only row's
// quiet "not applicable".
func (t *Table) Marks() Marks {
	var m Marks
	for _, r := range t.Rows {
		if r == nil {
			continue
		}
		for _, c := range r.Cells {
			switch c.Kind {
			case NotAvailable:
				m.NotAvailable = true
			case NotApplicable:
				m.NotApplicable = m.NotApplicable || !c.Quiet
			case Confidential:
				m.Confidential = true
			case Number:
				m.Provisional = m.Provisional || c.Provisional
				m.Estimated = m.Estimated || c.Estimated
			}
		}
	}
	return m
}

// Legend returns the line printed under a table that explains the
// symbols it uses, each followed by its meaning, ".. not available;
// c confidential"; "" when it uses none.
func (m Marks) Legend(l Labels) string {
	var parts []string
	add := func(used bool, symbol, word string) {
		if used && symbol != "" {
			parts = append(parts, symbol+" "+word)
		}
	}
	add(m.NotAvailable, l.Symbols.NotAvailable, l.NotAvailable)
	add(m.NotApplicable, l.Symbols.NotApplicable, l.NotApplicable)
	add(m.Confidential, l.Symbols.Confidential, l.Confidential)
	add(m.Provisional, l.Symbols.Provisional, l.Provisional)
	add(m.Estimated, l.Symbols.Estimated, l.Estimated)
	return Typeset(l.Language, strings.Join(parts, "; "))
}
