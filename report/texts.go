package report

import "fmt"

// Texts calls yield with every piece of text the profile prints, with the
// position and field path it was written at: the one list of where text
// can go, for checks that concern all of it (e.g. which characters a
// renderer's fonts can draw). Labels are included, at the profile's
// position.
func (p *Profile) Texts(yield func(pos Pos, path, text string)) {
	m := p.Meta
	for _, f := range []struct{ path, text string }{
		{"title", m.Title}, {"series", m.Series}, {"country", m.Country}, {"date", m.Date},
		{"credit", m.Credit}, {"publisher", m.Publisher}, {"project", m.Project},
		{"copyright", m.Copyright}, {"funding", m.Funding},
	} {
		yield(m.Pos, f.path, f.text)
	}
	for i, a := range m.Authors {
		yield(m.Pos, fmt.Sprintf("authors[%d]", i), a)
	}
	for _, fw := range p.Frameworks {
		yield(fw.Pos, "title", fw.Title)
		for i, b := range fw.Blocks {
			blockTexts(b, fmt.Sprintf("body[%d]", i), yield)
		}
	}
	for _, t := range p.Tables {
		tableTexts(t, yield)
	}
	for _, g := range p.Grids {
		yield(g.Pos, "title", g.Title)
		for _, r := range g.Rows {
			yield(r.Pos, "heading", r.Heading)
			yield(r.Pos, "subheading", r.Subheading)
			for _, e := range r.Entries {
				for _, it := range append(append(append([]Item{}, e.Both...), e.Outward...), e.Inward...) {
					itemTexts(it, "", yield)
				}
			}
		}
		sourceTexts(g.Sources, yield)
	}
	for _, f := range p.Figures {
		yield(f.Pos, "title", f.Title)
		yield(f.Pos, "caption", f.Caption)
		sourceTexts(f.Sources, yield)
	}
	for _, n := range p.Footnotes {
		yield(n.Pos, n.ID, n.Text.String())
	}
}

func blockTexts(b Block, path string, yield func(Pos, string, string)) {
	switch b.Kind {
	case Paragraph, Heading:
		yield(b.Pos, path, b.Text.String())
	case ColumnsBlock:
		if b.Columns == nil {
			return
		}
		for _, it := range append(append([]Item{}, b.Columns.Outward...), b.Columns.Inward...) {
			itemTexts(it, path, yield)
		}
	case ReferencesBlock, LinksBlock:
		for i, t := range b.Items {
			yield(b.Pos, fmt.Sprintf("%s.items[%d]", path, i), t.String())
		}
	}
}

func itemTexts(it Item, path string, yield func(Pos, string, string)) {
	yield(it.Pos, path, it.Text.String())
	for _, t := range it.List {
		yield(it.Pos, path, t.String())
	}
}

func tableTexts(t *Table, yield func(Pos, string, string)) {
	if t == nil {
		return
	}
	yield(t.Pos, "title", t.Title)
	yield(t.Pos, "period", t.Period)
	yield(t.Pos, "stub", t.Stub)
	for _, c := range t.Columns {
		if c != nil {
			yield(c.Pos, "group", c.Group)
			yield(c.Pos, "label", c.Label)
		}
	}
	for _, r := range t.Rows {
		if r != nil {
			yield(r.Pos, "label", r.Lead+" "+r.Label)
			for _, c := range r.Cells {
				yield(c.Pos, "values", c.Note)
			}
		}
	}
	sourceTexts(t.Sources, yield)
	for i, n := range t.Notes {
		yield(t.Pos, fmt.Sprintf("notes[%d]", i), n.String())
	}
}

func sourceTexts(ss []Source, yield func(Pos, string, string)) {
	for _, s := range ss {
		yield(s.Pos, "sources", s.Label+" "+s.Text.String())
	}
}
