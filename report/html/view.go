package html

import (
	"fmt"
	"html/template"
	"strings"

	"github.com/migprofile/migprofile/report"
)

// The view model: plain strings, which html/template escapes where the
// templates print them.

type page struct {
	Lang, Title, Authors string
	Heading              heading
	Byline               []string
	Downloads            []download
	ContentsLabel        string
	Contents             []contentsEntry
	Frameworks           []framework
	FootnotesLabel       string
	Footnotes            []*footnote
}

type download struct {
	Href, Format, Type string
	// Size is a placeholder that Page.Write replaces (see sizeMark).
	Size template.HTML
}

type contentsEntry struct {
	Text, ID string
	Children []contentsEntry
}

// text is a run of prose.
type text []span

// span is plain text, a link (URL set) or a footnote citation (Note set).
type span struct {
	Text string
	URL  string
	Note *citation
}

type citation struct {
	// ID is the citation's own id, the footnote's back-link target;
	// Target is the footnote's id.
	ID, Target string
}

type heading struct {
	Level int
	ID    string
	Text  text
	// Plain is the text without footnote markers, for the contents.
	Plain string
}

type framework struct {
	Heading heading
	Blocks  []block
}

// block has exactly one field set.
type block struct {
	Paragraph text
	Heading   *heading
	Table     *table
	Grid      *grid
	Figure    *figure
	Columns   []column
	List      *list
}

type column struct {
	Heading heading
	Items   []item
}

// item has exactly one field set: a heading (in a column), a bold line (a
// heading inside a table cell), a paragraph or a bulleted list.
type item struct {
	Heading   *heading
	Strong    text
	Paragraph text
	List      []text
}

type list struct {
	Heading *heading
	Items   []text
}

type source struct {
	Label string
	Text  text
}

type footnote struct {
	ID, Number string
	Text       text
	// Backrefs are the ids of the footnote's citations, in page order.
	Backrefs []string
}

// builder turns a profile into the view model.
type builder struct {
	p   *report.Profile
	opt Options
	ids ids
	// notes maps a footnote's published id to its entry; order is the
	// order of the footnotes section.
	notes map[string]*footnote
	order []*footnote
	// byID holds the profile's footnotes by id, for notes cited before
	// their definition is reached.
	byID map[string]*report.Footnote
}

// Fixed ids of the page, reserved before any heading takes one.
var fixedIDs = []string{"main", "contents", "downloads", "footnotes"}

func build(p *report.Profile, opt Options) (*page, error) {
	b := &builder{p: p, opt: opt, ids: ids{}, notes: map[string]*footnote{}, byID: map[string]*report.Footnote{}}
	for _, id := range fixedIDs {
		b.ids.take(id)
	}
	for _, n := range p.Footnotes {
		if n != nil {
			if _, dup := b.byID[n.ID]; !dup {
				b.byID[n.ID] = n
			}
		}
	}
	// The footnotes section lists the profile's notes in their order,
	// then any note cited that the profile does not list.
	for _, n := range p.Footnotes {
		if n != nil {
			b.note(n.ID)
		}
	}
	return b.page()
}

func (b *builder) page() (*page, error) {
	m, l := b.p.Meta, b.p.Labels
	v := &page{
		Lang:           firstNonEmpty(strings.TrimSpace(m.Language), "en"),
		Title:          m.FullTitle(),
		Authors:        strings.Join(m.Authors, ", "),
		ContentsLabel:  l.Contents,
		FootnotesLabel: l.Footnotes,
	}
	v.Heading = b.heading(1, plain(m.FullTitle()))
	for _, s := range []string{strings.Join(nonEmpty(m.Authors), ", "), m.Credit, m.Date} {
		if s = strings.TrimSpace(s); s != "" {
			v.Byline = append(v.Byline, s)
		}
	}
	for _, f := range b.p.Frameworks {
		if f == nil {
			continue
		}
		fw, err := b.framework(f)
		if err != nil {
			return nil, err
		}
		v.Frameworks = append(v.Frameworks, fw)
		v.Contents = append(v.Contents, contentsOf(fw))
	}
	// A footnote's text may cite another footnote, appended to order.
	for i := 0; i < len(b.order); i++ {
		n := b.order[i]
		if def := b.byID[n.Number]; def != nil {
			n.Text = b.text(def.Text, true)
		}
	}
	v.Footnotes = b.order
	return v, nil
}

// mimeTypes are the media types of the formats a page links to.
var mimeTypes = map[string]string{
	"pdf":  "application/pdf",
	"md":   "text/markdown",
	"xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}

// contentsOf is a framework's entry in the contents, with its headings of
// level 3 (headings, lists and columns) below it.
func contentsOf(fw framework) contentsEntry {
	e := contentsEntry{Text: fw.Heading.Plain, ID: fw.Heading.ID}
	add := func(h *heading) {
		if h != nil && h.Level == 3 {
			e.Children = append(e.Children, contentsEntry{Text: h.Plain, ID: h.ID})
		}
	}
	for _, bl := range fw.Blocks {
		switch {
		case bl.Heading != nil:
			add(bl.Heading)
		case bl.List != nil:
			add(bl.List.Heading)
		case bl.Columns != nil:
			for i := range bl.Columns {
				add(&bl.Columns[i].Heading)
			}
		}
	}
	return e
}

func (b *builder) heading(level int, t report.Text) heading {
	level = min(max(level, 1), 6)
	p := line(t.Plain())
	return heading{Level: level, ID: b.ids.take(slug(p, "section")), Text: b.text(t, true), Plain: p}
}

func (b *builder) framework(f *report.Framework) (framework, error) {
	fw := framework{Heading: b.heading(2, plain(f.Title))}
	section := 2 // the level of the heading the next sub-headings go under
	for i, bl := range f.Blocks {
		out, err := b.block(bl, &section)
		if err != nil {
			return fw, fmt.Errorf("%s: block %d: %w", f.Title, i+1, err)
		}
		if out != nil {
			fw.Blocks = append(fw.Blocks, *out)
		}
	}
	return fw, nil
}

func (b *builder) block(bl report.Block, section *int) (*block, error) {
	switch bl.Kind {
	case report.Paragraph:
		if t := b.text(bl.Text, true); len(t) > 0 {
			return &block{Paragraph: t}, nil
		}
		return nil, nil
	case report.Heading:
		h := b.heading(3, bl.Text)
		*section = 3
		return &block{Heading: &h}, nil
	case report.TableBlock:
		if bl.Table == nil {
			return nil, fmt.Errorf("table block without a table")
		}
		return &block{Table: b.table(bl.Table)}, nil
	case report.GridBlock:
		if bl.Grid == nil {
			return nil, fmt.Errorf("grid block without a grid")
		}
		return &block{Grid: b.grid(bl.Grid)}, nil
	case report.FigureBlock:
		if bl.Figure == nil {
			return nil, fmt.Errorf("figure block without a figure")
		}
		if b.opt.Figure == nil {
			return nil, nil
		}
		f, err := b.figure(bl.Figure)
		return &block{Figure: f}, err
	case report.ColumnsBlock:
		if bl.Columns == nil {
			return nil, fmt.Errorf("columns block without columns")
		}
		cols := b.columns(bl.Columns, *section+1)
		if len(cols) == 0 {
			return nil, nil
		}
		return &block{Columns: cols}, nil
	case report.ReferencesBlock, report.LinksBlock:
		return b.list(bl, *section+1), nil
	}
	return nil, fmt.Errorf("unknown block kind %d", bl.Kind)
}

func (b *builder) list(bl report.Block, level int) *block {
	label := b.p.Labels.References
	if bl.Kind == report.LinksBlock {
		label = b.p.Labels.Links
	}
	l := &list{}
	for _, it := range bl.Items {
		if t := b.text(it, true); len(t) > 0 {
			l.Items = append(l.Items, t)
		}
	}
	if len(l.Items) == 0 {
		return nil
	}
	if strings.TrimSpace(label) != "" {
		h := b.heading(level, plain(label))
		l.Heading = &h
	}
	return &block{List: l}
}

func (b *builder) columns(c *report.Columns, level int) []column {
	var cols []column
	for _, side := range []struct {
		label string
		items []report.Item
	}{{b.p.Labels.Outward, c.Outward}, {b.p.Labels.Inward, c.Inward}} {
		if len(side.items) == 0 {
			continue
		}
		col := column{Heading: b.heading(level, plain(side.label))}
		col.Items = b.items(side.items, level+1)
		cols = append(cols, col)
	}
	return cols
}

// items renders column or cell items; level is the level of their
// headings, 0 inside a table cell (headings print in bold there).
func (b *builder) items(its []report.Item, level int) []item {
	var out []item
	for _, it := range its {
		switch it.Kind {
		case report.ItemHeading:
			if level == 0 {
				if t := b.text(it.Text, true); len(t) > 0 {
					out = append(out, item{Strong: t})
				}
				continue
			}
			h := b.heading(level, it.Text)
			out = append(out, item{Heading: &h})
		case report.ItemParagraph:
			if t := b.text(it.Text, true); len(t) > 0 {
				out = append(out, item{Paragraph: t})
			}
		case report.ItemList:
			var l []text
			for _, x := range it.List {
				if t := b.text(x, true); len(t) > 0 {
					l = append(l, t)
				}
			}
			if len(l) > 0 {
				out = append(out, item{List: l})
			}
		}
	}
	return out
}

func (b *builder) figure(f *report.Figure) (*figure, error) {
	l := b.p.Labels
	svg, err := b.opt.Figure(f)
	if err != nil {
		return nil, err
	}
	id := b.ids.take(fmt.Sprintf("figure-%d", f.Number))
	inline, err := inlineSVG(svg.Data, svg.Body, b.ids.take(id+"-title"), b.ids.take(id+"-desc"))
	if err != nil {
		return nil, fmt.Errorf("figure %d: %w", f.Number, err)
	}
	alt := line(f.AltText(l))
	out := &figure{
		ID:    id,
		Lead:  report.Numbered(l.Figure, f.Number),
		Title: line(f.Title),
		Text:  line(f.Caption),
		Alt:   firstNonEmpty(alt, strings.TrimSpace(f.Title)),
		SVG:   inline,
	}
	srcs := f.Sources
	if len(srcs) == 0 && f.Table != nil {
		srcs = f.Table.Sources
	}
	out.Sources = b.sources(srcs)
	return out, nil
}

type figure struct {
	ID, Lead, Title, Text, Alt string
	SVG                        template.HTML
	Sources                    []source
}

func (b *builder) sources(srcs []report.Source) []source {
	var out []source
	for _, s := range report.UniqueSources(srcs) {
		t := b.text(report.SourceText(s.Text), true)
		if len(t) == 0 {
			continue
		}
		out = append(out, source{Label: firstNonEmpty(strings.TrimSpace(s.Label), b.p.Labels.Source), Text: t})
	}
	return out
}

// text converts a Text into spans: links with an absolute URL (http://
// added to a bare address, as the other formats do), citations linked to
// their footnote (left out when notes is false), plain text on one line.
// The ends of the whole text are trimmed.
func (b *builder) text(t report.Text, notes bool) text {
	var out text
	for _, s := range t {
		switch s.Kind {
		case report.SpanNote:
			if !notes {
				continue
			}
			id := s.Text
			if s.Note != nil {
				id = s.Note.ID
			}
			n := b.note(id)
			ref := b.ids.take("fnref-" + safeID(id))
			n.Backrefs = append(n.Backrefs, ref)
			out = append(out, span{Text: line(s.Text), Note: &citation{ID: ref, Target: n.ID}})
		case report.SpanLink:
			raw, u := line(s.Text), line(s.URL)
			u = firstNonEmpty(u, raw)
			if u == "" {
				continue
			}
			if !strings.Contains(u, "://") && !strings.HasPrefix(strings.ToLower(u), "mailto:") {
				u = "http://" + u
			}
			out = append(out, span{Text: firstNonEmpty(raw, u), URL: u})
		default:
			out = append(out, span{Text: report.OneLine(s.Text)})
		}
	}
	return trim(out)
}

// note returns the footnote entry of a published id, adding it to the
// footnotes section at its first mention.
func (b *builder) note(id string) *footnote {
	if n, ok := b.notes[id]; ok {
		return n
	}
	n := &footnote{ID: b.ids.take("fn-" + safeID(id)), Number: id}
	b.notes[id] = n
	b.order = append(b.order, n)
	return n
}

// trim drops leading and trailing white space of a text and the plain
// spans left empty by it.
func trim(t text) text {
	for len(t) > 0 && t[0].URL == "" && t[0].Note == nil {
		t[0].Text = strings.TrimLeft(t[0].Text, " ")
		if t[0].Text != "" {
			break
		}
		t = t[1:]
	}
	for len(t) > 0 && t[len(t)-1].URL == "" && t[len(t)-1].Note == nil {
		t[len(t)-1].Text = strings.TrimRight(t[len(t)-1].Text, " ")
		if t[len(t)-1].Text != "" {
			break
		}
		t = t[:len(t)-1]
	}
	return t
}

func plain(s string) report.Text { return report.Text{{Kind: report.SpanPlain, Text: s}} }

func nonEmpty(ss []string) []string {
	var out []string
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

func firstNonEmpty(s ...string) string {
	for _, x := range s {
		if x != "" {
			return x
		}
	}
	return ""
}
