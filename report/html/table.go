package html

import (
	"fmt"

	"github.com/migprofile/migprofile/report"
)

type table struct {
	ID, Lead, Title string
	// Period follows the title, which is isolated from it (<bdi>) so that
	// a right-to-left title does not carry the period into its direction.
	Period string
	// Head is one header row, or two when columns are grouped.
	Head [][]headCell
	// Colgroups are the spans of the column groups, when columns are
	// grouped: the stub, then each group or ungrouped column.
	Colgroups  []int
	Rows       []tableRow
	Sources    []source
	NotesLabel string
	Notes      []text
}

type headCell struct {
	ID, Text, Scope  string
	Colspan, Rowspan int
	Num              bool
	// Empty is a corner cell with no text: a td, since an empty header
	// cell heads nothing.
	Empty bool
}

type tableRow struct {
	ID, Lead, Label string
	Level           int
	Total           bool
	Cells           []dataCell
}

type dataCell struct {
	// Text is the cell as every format prints it (report.Cell.Format).
	Text string
	// Headers are the ids of the row's, the column's and its group's
	// header cells.
	Headers string
}

func (b *builder) table(t *report.Table) *table {
	l := b.p.Labels
	id := b.ids.take(fmt.Sprintf("table-%d", t.Number))
	out := &table{
		ID:         id,
		Lead:       report.Numbered(l.Table, t.Number),
		Title:      line(t.Title),
		Period:     line(t.Period),
		NotesLabel: l.Notes,
	}
	colHeaders := b.tableHead(out, t)
	for i, r := range t.Rows {
		if r == nil {
			continue
		}
		row := tableRow{
			ID:    b.ids.take(fmt.Sprintf("%s-r%d", id, i+1)),
			Lead:  line(r.Lead),
			Label: line(r.Label),
			Level: min(max(r.Level, 0), 3),
			Total: r.Total,
		}
		for j := range colHeaders {
			c := dataCell{Headers: row.ID + " " + colHeaders[j]}
			if j < len(r.Cells) {
				c.Text = r.Cells[j].Format(l)
			}
			row.Cells = append(row.Cells, c)
		}
		out.Rows = append(out.Rows, row)
	}
	out.Sources = b.sources(t.Sources)
	for _, n := range t.Notes {
		if x := b.text(n, true); len(x) > 0 {
			out.Notes = append(out.Notes, x)
		}
	}
	return out
}

// tableHead sets the table's header rows and returns, for each column,
// the ids of its header cells: its own and its group's. Adjacent columns
// of one group share a header cell spanning them (scope colgroup, over a
// <colgroup> of theirs); a column without a group spans both rows.
func (b *builder) tableHead(out *table, t *report.Table) []string {
	grouped := false
	for _, c := range t.Columns {
		grouped = grouped || (c != nil && c.Group != "")
	}
	rows := 1
	if grouped {
		rows = 2
	}
	stub := line(t.Stub)
	top := []headCell{{Text: stub, Scope: "col", Rowspan: rows, Empty: stub == ""}}
	if stub != "" {
		top[0].ID = b.ids.take(out.ID + "-stub")
	}
	var second []headCell
	headers := make([]string, len(t.Columns))
	spans := []int{1}
	for i := 0; i < len(t.Columns); i++ {
		c := t.Columns[i]
		if c == nil {
			c = &report.Column{}
		}
		colID := b.ids.take(fmt.Sprintf("%s-c%d", out.ID, i+1))
		if c.Group == "" {
			top = append(top, headCell{ID: colID, Text: line(c.Label), Scope: "col", Rowspan: rows, Num: true})
			headers[i] = colID
			spans = append(spans, 1)
			continue
		}
		// The run of columns sharing c's group.
		n := 1
		for i+n < len(t.Columns) && t.Columns[i+n] != nil && t.Columns[i+n].Group == c.Group {
			n++
		}
		groupID := b.ids.take(fmt.Sprintf("%s-g%d", out.ID, i+1))
		top = append(top, headCell{ID: groupID, Text: line(c.Group), Scope: "colgroup", Colspan: n})
		spans = append(spans, n)
		for k := 0; k < n; k++ {
			if k > 0 {
				colID = b.ids.take(fmt.Sprintf("%s-c%d", out.ID, i+k+1))
			}
			second = append(second, headCell{ID: colID, Text: line(t.Columns[i+k].Label), Scope: "col", Num: true})
			headers[i+k] = groupID + " " + colID
		}
		i += n - 1
	}
	out.Head = [][]headCell{top}
	if grouped {
		out.Head = append(out.Head, second)
		out.Colgroups = spans
	}
	return headers
}

type grid struct {
	ID, Lead, Title string
	Outward, Inward string
	Rows            []gridRow
	SourcesLabel    string
	Sources         []source
}

type gridRow struct {
	ID, Heading, Subheading string
	Entries                 []gridEntry
}

type gridEntry struct {
	Spans                 bool
	Both, Outward, Inward []item
}

func (b *builder) grid(g *report.Grid) *grid {
	l := b.p.Labels
	id := b.ids.take(fmt.Sprintf("table-%d", g.Number))
	out := &grid{
		ID:           id,
		Lead:         report.Numbered(l.Table, g.Number),
		Title:        line(g.Title),
		Outward:      l.Outward,
		Inward:       l.Inward,
		SourcesLabel: l.Sources,
	}
	b.ids.take(id + "-out")
	b.ids.take(id + "-in")
	for i, r := range g.Rows {
		if r == nil {
			continue
		}
		row := gridRow{
			ID:         b.ids.take(fmt.Sprintf("%s-r%d", id, i+1)),
			Heading:    line(r.Heading),
			Subheading: line(r.Subheading),
		}
		for _, e := range r.Entries {
			if e == nil {
				continue
			}
			if e.Spans() {
				row.Entries = append(row.Entries, gridEntry{Spans: true, Both: b.items(e.Both, 0)})
				continue
			}
			row.Entries = append(row.Entries, gridEntry{Outward: b.items(e.Outward, 0), Inward: b.items(e.Inward, 0)})
		}
		if len(row.Entries) == 0 {
			row.Entries = []gridEntry{{}}
		}
		out.Rows = append(out.Rows, row)
	}
	out.Sources = b.sources(g.Sources)
	if len(out.Sources) == 1 {
		out.Sources[0].Label = l.Source
	}
	return out
}
