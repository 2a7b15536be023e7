package markdown

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/migprofile/migprofile/report"
)

// The view model: plain data that the templates lay out. Every string in
// it is Markdown ready to print (data text already escaped), so that a
// template never needs to know the escaping rules.

type document struct {
	// FrontMatter is the YAML front matter, values already quoted.
	FrontMatter []metaField
	Title       heading
	// Byline holds the paragraphs under the title (authors, credit, date).
	Byline []string
	// Downloads are links to the profile's other formats (PDF, workbook).
	Downloads       []string
	ContentsHeading heading
	Contents        []contentsEntry
	Frameworks      []framework
	Footnotes       []footnote
}

type metaField struct {
	Key string
	// Value is a quoted YAML scalar, or "[]" for an empty list.
	Value string
	// List holds the quoted items of a list value.
	List []string
}

type heading struct {
	Level int
	// Marks is the ATX heading marker, e.g. "###".
	Marks string
	Text  string
	// Plain is the text without footnote markers, for the contents.
	Plain string
	// ID is the anchor that GitHub gives the heading.
	ID string
}

type contentsEntry struct {
	// Indent is the list indentation for the entry's level.
	Indent string
	Text   string
	ID     string
}

type framework struct {
	Heading heading
	Blocks  []block
}

// block has exactly one field set.
type block struct {
	Paragraph string
	Heading   *heading
	Table     *table
	Grid      *grid
	Figure    *figure
	Columns   []column
	List      *list
}

// table is a GFM table with its caption and the lines under it.
type table struct {
	Caption string
	Header  []string
	// Align holds the delimiter row's cells, e.g. ":---" and "---:".
	Align []string
	Rows  [][]string
	// Sources are paragraphs under the table.
	Sources []string
	// SourceList, for a policy table with several sources, is a bulleted
	// list under the Sources paragraph.
	SourceList []string
	Notes      string
	// Legend explains the dash and the symbols of missing values and
	// flags the table prints ("" when it prints none).
	Legend string
}

// grid is a policy table laid out as the PDF reads it, row heading by row
// heading: a GFM table cell holds neither paragraphs nor lists (a raw
// <br> is dropped by cmark-gfm and by Hugo's default renderer).
type grid struct {
	Caption string
	Rows    []gridRow
	// Sources and SourceList as for a table.
	Sources    []string
	SourceList []string
}

// gridRow is a row heading and its entries, top to bottom.
type gridRow struct {
	// Heading is the row heading in bold, then its subheading in italics.
	Heading string
	Entries []gridEntry
}

// gridEntry is content under a row heading: an entry spanning both
// columns has no label and is printed once; an outward or inward entry is
// introduced by its column's name.
type gridEntry struct {
	Label string
	Items []item
}

type figure struct {
	Alt     string
	Path    string
	Caption string
	Text    string
	Sources []string
}

type column struct {
	Heading heading
	Items   []item
}

// item has exactly one field set.
type item struct {
	Heading   *heading
	Paragraph string
	List      []string
}

type list struct {
	Heading heading
	Items   []string
}

type footnote struct {
	ID   string
	Text string
}

// builder turns a profile into the view model.
type builder struct {
	p     *report.Profile
	opt   Options
	slugs *slugger
	// notes are the footnotes cited, in order of first citation; defined
	// records which ids are in it.
	notes   []*report.Footnote
	defined map[string]bool
	// byID holds the notes cited, by id.
	byID map[string]*report.Footnote
	// err is the first error met while making a heading.
	err error
}

func build(p *report.Profile, opt Options) (*document, error) {
	b := &builder{p: p, opt: opt, slugs: newSlugger(), defined: map[string]bool{}, byID: map[string]*report.Footnote{}}
	for _, n := range p.Footnotes {
		if n != nil {
			if _, dup := b.byID[n.ID]; !dup {
				b.byID[n.ID] = n
			}
		}
	}
	d, err := b.document()
	if err == nil {
		err = b.err
	}
	return d, err
}

// document builds the view model: front matter, title and byline, the
// contents, the frameworks, and the footnotes last.
func (b *builder) document() (*document, error) {
	m, l := b.p.Meta, b.p.Labels
	d := &document{FrontMatter: b.frontMatter()}

	title := clean(m.FullTitle())
	d.Title = b.heading(1, report.Text{{Kind: report.SpanPlain, Text: title}})
	d.Byline = b.byline()
	d.Downloads = b.downloads()
	d.ContentsHeading = b.heading(2, plain(l.Contents))

	for _, f := range b.p.Frameworks {
		if f == nil {
			continue
		}
		fw, err := b.framework(f)
		if err != nil {
			return nil, err
		}
		d.Frameworks = append(d.Frameworks, fw)
		d.Contents = append(d.Contents, contentsOf(fw)...)
	}
	notes, err := b.footnotes()
	if err != nil {
		return nil, err
	}
	d.Footnotes = notes
	return d, nil
}

// frontMatter is the document's YAML front matter: the full title, the
// bibliographic data the PDF and the workbook print, the publication date
// as a full ISO date (Hugo reads "2010-05" as year 1) and as printed.
func (b *builder) frontMatter() []metaField {
	m := b.p.Meta
	fields := []metaField{
		{Key: "title", Value: yamlQuote(m.FullTitle())},
		{Key: "country", Value: yamlQuote(m.Country)},
		b.authorsField(),
	}
	if !m.Published.IsZero() {
		fields = append(fields, metaField{Key: "date", Value: yamlQuote(m.Published.Format("2006-01-02"))})
	}
	opt := []struct{ key, value string }{
		{"date_printed", m.Date}, {"language", m.Language}, {"series", m.Series},
		{"publisher", m.Publisher}, {"project", m.Project}, {"website", m.Website},
		{"copyright", m.Copyright}, {"funding", m.Funding},
	}
	for _, f := range opt {
		if v := strings.TrimSpace(f.value); v != "" {
			fields = append(fields, metaField{Key: f.key, Value: yamlQuote(v)})
		}
	}
	if len(m.Keywords) > 0 {
		kw := metaField{Key: "keywords"}
		for _, k := range m.Keywords {
			kw.List = append(kw.List, yamlQuote(k))
		}
		fields = append(fields, kw)
	}
	return fields
}

// downloads links the profile's other formats by their file names.
func (b *builder) downloads() []string {
	var out []string
	for _, d := range b.opt.Downloads {
		if d = clean(d); d != "" {
			out = append(out, "["+escapeInline(d)+"]("+linkDest(d)+")")
		}
	}
	return out
}

// byline is the paragraphs under the title: the authors, the credit and
// the date, those that are given.
func (b *builder) byline() []string {
	m := b.p.Meta
	var authors []string
	for _, a := range m.Authors {
		if a = clean(a); a != "" {
			authors = append(authors, a)
		}
	}
	var out []string
	for _, s := range []string{strings.Join(authors, ", "), m.Credit, m.Date} {
		if s = clean(s); s != "" {
			out = append(out, escapeBlockStart(escapeInline(s)))
		}
	}
	return out
}

// contentsOf is a framework's entries in the contents: its heading, then
// its headings, the headings of its lists (down to level 3) and of its
// columns (down to level 3).
func contentsOf(fw framework) []contentsEntry {
	out := []contentsEntry{contents(fw.Heading)}
	for _, bl := range fw.Blocks {
		switch {
		case bl.Heading != nil:
			out = append(out, contents(*bl.Heading))
		case bl.List != nil && bl.List.Heading.Marks != "" && bl.List.Heading.Level <= 3:
			out = append(out, contents(bl.List.Heading))
		case bl.Columns != nil:
			for _, c := range bl.Columns {
				if c.Heading.Level <= 3 {
					out = append(out, contents(c.Heading))
				}
			}
		}
	}
	return out
}

// footnotes defines the footnotes in the profile's order, then any cited
// footnote the profile does not list; a footnote defined but never cited
// is still printed, so that nothing the author wrote is lost. Defining a
// footnote may cite another, which is then defined too.
func (b *builder) footnotes() ([]footnote, error) {
	for _, n := range b.p.Footnotes {
		if n != nil {
			if err := b.note(n.ID, n); err != nil {
				return nil, err
			}
		}
	}
	order := make([]*report.Footnote, 0, len(b.notes))
	for _, n := range b.p.Footnotes {
		if n != nil && !slices.Contains(order, b.byID[n.ID]) {
			order = append(order, b.byID[n.ID])
		}
	}
	for _, n := range b.notes {
		if !slices.Contains(order, n) {
			order = append(order, n)
		}
	}
	var out []footnote
	for i := 0; i < len(order); i++ {
		n := order[i]
		k := len(b.notes)
		t, err := b.text(n.Text, true)
		if err != nil {
			return nil, fmt.Errorf("footnote %s: %w", n.ID, err)
		}
		order = append(order, b.notes[k:]...)
		out = append(out, footnote{ID: n.ID, Text: escapeBlockStart(t)})
	}
	return out, nil
}

func (b *builder) authorsField() metaField {
	f := metaField{Key: "authors"}
	for _, a := range b.p.Meta.Authors {
		f.List = append(f.List, yamlQuote(a))
	}
	if len(f.List) == 0 {
		f.Value = "[]"
	}
	return f
}

func contents(h heading) contentsEntry {
	return contentsEntry{Indent: strings.Repeat("  ", max(h.Level-2, 0)), Text: h.Plain, ID: h.ID}
}

// heading makes a heading of the given level (1–6) and assigns its anchor.
// Footnote markers in a heading count in its anchor as their published
// number, as in the text GitHub derives the anchor from.
func (b *builder) heading(level int, t report.Text) heading {
	level = min(max(level, 1), 6)
	s, err := b.text(t, true)
	if err != nil && b.err == nil {
		b.err = err
	}
	p, _ := b.text(t, false)
	return heading{
		Level: level,
		Marks: strings.Repeat("#", level),
		Text:  s,
		Plain: p,
		ID:    b.slugs.slug(clean(t.String())),
	}
}

func (b *builder) framework(f *report.Framework) (framework, error) {
	fw := framework{Heading: b.heading(2, plain(f.Title))}
	// section is the level of the heading the next sub-headings go under.
	section := 2
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
		s, err := b.text(bl.Text, true)
		if err != nil || s == "" {
			return nil, err
		}
		return &block{Paragraph: escapeBlockStart(s)}, nil
	case report.Heading:
		h := b.heading(3, bl.Text)
		*section = 3
		return &block{Heading: &h}, nil
	case report.TableBlock:
		if bl.Table == nil {
			return nil, fmt.Errorf("table block without a table")
		}
		t, err := b.table(bl.Table)
		return &block{Table: t}, err
	case report.GridBlock:
		if bl.Grid == nil {
			return nil, fmt.Errorf("grid block without a grid")
		}
		g, err := b.grid(bl.Grid)
		return &block{Grid: g}, err
	case report.FigureBlock:
		if bl.Figure == nil {
			return nil, fmt.Errorf("figure block without a figure")
		}
		if b.opt.FigurePath == nil {
			return nil, nil
		}
		f, err := b.figure(bl.Figure)
		return &block{Figure: f}, err
	case report.ColumnsBlock:
		if bl.Columns == nil {
			return nil, fmt.Errorf("columns block without columns")
		}
		cols, err := b.columns(bl.Columns, *section+1)
		if err != nil || len(cols) == 0 {
			return nil, err
		}
		return &block{Columns: cols}, nil
	case report.ReferencesBlock, report.LinksBlock:
		label := b.p.Labels.References
		if bl.Kind == report.LinksBlock {
			label = b.p.Labels.Links
		}
		l := &list{}
		for _, it := range bl.Items {
			s, err := b.text(it, true)
			if err != nil {
				return nil, err
			}
			if s != "" {
				l.Items = append(l.Items, escapeBlockStart(s))
			}
		}
		if len(l.Items) == 0 {
			return nil, nil
		}
		if clean(label) != "" {
			l.Heading = b.heading(*section+1, plain(label))
		}
		return &block{List: l}, nil
	}
	return nil, fmt.Errorf("unknown block kind %d", bl.Kind)
}

func (b *builder) columns(c *report.Columns, level int) ([]column, error) {
	var cols []column
	for _, side := range []struct {
		label string
		items []report.Item
	}{{b.p.Labels.Outward, c.Outward}, {b.p.Labels.Inward, c.Inward}} {
		if len(side.items) == 0 {
			continue
		}
		col := column{Heading: b.heading(level, plain(side.label))}
		for _, it := range side.items {
			out, err := b.item(it, level+1)
			if err != nil {
				return nil, err
			}
			if out != nil {
				col.Items = append(col.Items, *out)
			}
		}
		cols = append(cols, col)
	}
	return cols, nil
}

func (b *builder) item(it report.Item, level int) (*item, error) {
	switch it.Kind {
	case report.ItemHeading:
		h := b.heading(level, it.Text)
		return &item{Heading: &h}, nil
	case report.ItemParagraph:
		s, err := b.text(it.Text, true)
		if err != nil || s == "" {
			return nil, err
		}
		return &item{Paragraph: escapeBlockStart(s)}, nil
	case report.ItemList:
		var l []string
		for _, t := range it.List {
			s, err := b.text(t, true)
			if err != nil {
				return nil, err
			}
			if s != "" {
				l = append(l, escapeBlockStart(s))
			}
		}
		if len(l) == 0 {
			return nil, nil
		}
		return &item{List: l}, nil
	}
	return nil, fmt.Errorf("unknown item kind %d", it.Kind)
}

func (b *builder) caption(label string, number int, title string) string {
	lead := escapeInline(clean(b.p.Labels.Numbered(label, number)))
	return escapeBlockStart(joinNonEmpty(" ", strong(lead), escapeInline(clean(title))))
}

func (b *builder) table(t *report.Table) (*table, error) {
	l := b.p.Labels
	out := &table{Caption: b.caption(l.Table, t.Number, joinNonEmpty(", ", clean(t.Title), clean(t.Period)))}

	out.Header = append(out.Header, escapeInline(clean(t.Stub)))
	out.Align = append(out.Align, ":---")
	seen := map[string]int{}
	for i, c := range t.Columns {
		if c == nil {
			return nil, fmt.Errorf("table %d: column %d is missing", t.Number, i+1)
		}
		h := clean(c.Heading())
		seen[h]++
		if n := seen[h]; n > 1 {
			h = joinNonEmpty(" ", h, "("+strconv.Itoa(n)+")")
		}
		out.Header = append(out.Header, escapeInline(h))
		out.Align = append(out.Align, "---:")
	}

	for _, r := range t.Rows {
		if r == nil {
			continue
		}
		row := make([]string, 0, len(out.Header))
		label := escapeInline(joinNonEmpty(" ", clean(r.Lead), clean(r.Heading())))
		if r.Total {
			label = strong(label)
		}
		if r.Level > 0 && label != "" {
			label = strings.Repeat(indent, min(r.Level, 10)) + label
		}
		row = append(row, label)
		for i := range t.Columns {
			var s string
			if i < len(r.Cells) {
				s = escapeInline(clean(r.Cells[i].Format(l)))
			}
			if r.Total {
				s = strong(s)
			}
			row = append(row, s)
		}
		out.Rows = append(out.Rows, row)
	}

	for _, s := range report.UniqueSources(t.Sources) {
		line, err := b.source(s.Label, l.Source, s.Text)
		if err != nil {
			return nil, fmt.Errorf("table %d: %w", t.Number, err)
		}
		if line != "" {
			out.Sources = append(out.Sources, line)
		}
	}
	var notes []string
	for _, n := range t.Notes {
		s, err := b.text(n, true)
		if err != nil {
			return nil, fmt.Errorf("table %d: %w", t.Number, err)
		}
		if s != "" {
			notes = append(notes, s)
		}
	}
	if len(notes) > 0 {
		run := notes[0]
		for i, n := range notes[1:] {
			run += report.NoteSeparator(notes[i]) + n
		}
		out.Notes = escapeBlockStart(joinNonEmpty(" ", b.labelColon(l.Notes), run))
	}
	out.Legend = b.legend(t)
	return out, nil
}

// hasDash reports whether a cell of t is printed as a dash.
func hasDash(t *report.Table) bool {
	for _, r := range t.Rows {
		if r != nil && slices.ContainsFunc(r.Cells, func(c report.Cell) bool { return c.Kind == report.Dash }) {
			return true
		}
	}
	return false
}

// legend explains the dash and the symbols of missing values and flags
// a table prints, "" when it prints none.
func (b *builder) legend(t *report.Table) string {
	l := b.p.Labels
	var legend []string
	if hasDash(t) {
		legend = append(legend, emph(escapeInline("-"))+" "+escapeInline(clean(l.Workbook.DashMeaning())))
	}
	if marks := t.Marks().Legend(l); marks != "" {
		legend = append(legend, escapeInline(clean(marks)))
	}
	return escapeBlockStart(strings.Join(legend, " "))
}

// indent is printed once per level before a sub-row's label: two em
// spaces, which GFM does not trim from a cell (it trims ASCII spaces only).
const indent = "\u2003\u2003"

// source formats "Label: text" under a table or figure.
func (b *builder) source(label, fallback string, t report.Text) (string, error) {
	s, err := b.text(report.SourceText(t), true)
	if err != nil || s == "" {
		return "", err
	}
	label = clean(label)
	if label == "" {
		label = clean(fallback)
	}
	if label == "" {
		return escapeBlockStart(s), nil
	}
	return b.labelColon(label) + " " + s, nil
}

// labelColon is a label with the profile's colon, emphasised, without
// the space that follows: "*Source:*", "*Source :*" in French.
func (b *builder) labelColon(label string) string {
	return emph(escapeInline(strings.TrimRight(b.p.Labels.Prefix(clean(label)), " ")))
}

func (b *builder) grid(g *report.Grid) (*grid, error) {
	l := b.p.Labels
	out := &grid{Caption: b.caption(l.Table, g.Number, clean(g.Title))}
	for _, r := range g.Rows {
		if r == nil {
			continue
		}
		row := gridRow{Heading: joinNonEmpty(" — ", strong(escapeInline(clean(r.Heading))), emph(escapeInline(clean(r.Subheading))))}
		// In a row that also has outward or inward entries, an entry
		// spanning both is labelled with both columns' names, lest it read
		// as part of the entry above it.
		both := ""
		if slices.ContainsFunc(r.Entries, func(e *report.GridEntry) bool { return e != nil && !e.Spans() }) {
			both = clean(l.Outward) + " / " + clean(l.Inward)
		}
		for _, e := range r.Entries {
			if e == nil {
				continue
			}
			sides := []struct {
				label string
				items []report.Item
			}{{both, e.Both}}
			if !e.Spans() {
				sides = []struct {
					label string
					items []report.Item
				}{{l.Outward, e.Outward}, {l.Inward, e.Inward}}
			}
			for _, side := range sides {
				items, err := b.gridItems(side.items)
				if err != nil {
					return nil, fmt.Errorf("table %d: %w", g.Number, err)
				}
				if len(items) == 0 {
					continue
				}
				label := ""
				if side.label != "" {
					label = emph(escapeInline(clean(side.label)) + ":")
				}
				// Entries of one column in a row run on under one label.
				if n := len(row.Entries); n > 0 && row.Entries[n-1].Label == label {
					row.Entries[n-1].Items = append(row.Entries[n-1].Items, items...)
					continue
				}
				row.Entries = append(row.Entries, gridEntry{Label: label, Items: items})
			}
		}
		out.Rows = append(out.Rows, row)
	}
	var sources []string
	for _, s := range report.UniqueSources(g.Sources) {
		t, err := b.text(report.SourceText(s.Text), true)
		if err != nil {
			return nil, fmt.Errorf("table %d: %w", g.Number, err)
		}
		if t != "" {
			sources = append(sources, t)
		}
	}
	switch len(sources) {
	case 0:
	case 1:
		out.Sources = []string{b.labelColon(l.Source) + " " + sources[0]}
	default:
		out.Sources = []string{b.labelColon(l.Sources)}
		for _, s := range sources {
			out.SourceList = append(out.SourceList, escapeBlockStart(s))
		}
	}
	return out, nil
}

// gridItems formats a grid entry's items as blocks: each paragraph a
// paragraph, a heading a paragraph in bold, a list a list.
func (b *builder) gridItems(items []report.Item) ([]item, error) {
	var out []item
	for _, it := range items {
		switch it.Kind {
		case report.ItemHeading, report.ItemParagraph:
			s, err := b.text(it.Text, true)
			if err != nil {
				return nil, err
			}
			if s == "" {
				continue
			}
			if it.Kind == report.ItemHeading {
				s = strong(s)
			}
			out = append(out, item{Paragraph: escapeBlockStart(s)})
		case report.ItemList:
			var l []string
			for _, t := range it.List {
				s, err := b.text(t, true)
				if err != nil {
					return nil, err
				}
				if s != "" {
					l = append(l, escapeBlockStart(s))
				}
			}
			if len(l) > 0 {
				out = append(out, item{List: l})
			}
		default:
			return nil, fmt.Errorf("unknown item kind %d", it.Kind)
		}
	}
	return out, nil
}

func (b *builder) figure(f *report.Figure) (*figure, error) {
	l := b.p.Labels
	alt := clean(f.AltText(l))
	if alt == "" {
		alt = clean(f.Title)
	}
	path := clean(b.opt.FigurePath(f))
	if path == "" {
		return nil, fmt.Errorf("figure %d: FigurePath returned no path", f.Number)
	}
	out := &figure{
		Alt:     escapeInline(alt),
		Path:    linkDest(path),
		Caption: b.caption(l.Figure, f.Number, clean(f.Title)),
	}
	if c := clean(f.Caption); c != "" {
		out.Text = escapeBlockStart(escapeInline(c))
	}
	sources := f.Sources
	if len(sources) == 0 && f.Table != nil {
		sources = f.Table.Sources
	}
	for _, s := range report.UniqueSources(sources) {
		line, err := b.source(s.Label, l.Source, s.Text)
		if err != nil {
			return nil, fmt.Errorf("figure %d: %w", f.Number, err)
		}
		if line != "" {
			out.Sources = append(out.Sources, line)
		}
	}
	return out, nil
}

// text renders a Text as inline Markdown: plain spans escaped, footnote
// citations as [^id] (left out when notes is false), links as
// [text](url). The result is trimmed and on one line.
func (b *builder) text(t report.Text, notes bool) (string, error) {
	var sb strings.Builder
	afterNote := false
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
			if err := b.note(id, s.Note); err != nil {
				return "", err
			}
			guardBang(&sb)
			// "[^1]:" at the start of a block would define a footnote.
			atStart := strings.TrimSpace(sb.String()) == ""
			sb.WriteString("[^")
			sb.WriteString(id)
			sb.WriteString("]")
			afterNote = atStart
			continue
		case report.SpanLink:
			raw := clean(s.Text)
			u := clean(s.URL)
			if u == "" {
				u = raw
			}
			if raw == "" {
				raw = u
			}
			if raw == "" {
				continue
			}
			guardBang(&sb)
			if !strings.Contains(u, "://") && !strings.HasPrefix(strings.ToLower(u), "mailto:") {
				u = "http://" + u
			}
			if raw == u && autolinkable(u) {
				// A URL written as itself reads best as an autolink.
				sb.WriteString("<" + u + ">")
				break
			}
			txt := escapeInline(raw)
			sb.WriteString("[")
			sb.WriteString(txt)
			sb.WriteString("](")
			sb.WriteString(linkDest(u))
			sb.WriteString(")")
		default:
			// Plain text keeps its inner spaces; only the ends of the
			// whole text are trimmed below.
			s := escapeInline(report.OneLine(s.Text))
			if afterNote && strings.HasPrefix(s, ":") {
				sb.WriteByte('\\')
			}
			sb.WriteString(s)
		}
		afterNote = false
	}
	return strings.TrimSpace(sb.String()), nil
}

// guardBang escapes a "!" just written before a "[", which would otherwise
// turn a link or a footnote citation into an image.
func guardBang(sb *strings.Builder) {
	s := sb.String()
	if strings.HasSuffix(s, "!") && !strings.HasSuffix(s, `\!`) {
		tail := s[:len(s)-1]
		sb.Reset()
		sb.WriteString(tail)
		sb.WriteString(`\!`)
	}
}

// note records a cited footnote, so that it is defined once at the end.
func (b *builder) note(id string, n *report.Footnote) error {
	if !validLabel(id) {
		return fmt.Errorf("footnote id %q cannot be a Markdown footnote label", id)
	}
	if b.defined[id] {
		return nil
	}
	b.defined[id] = true
	if known, ok := b.byID[id]; ok {
		n = known
	} else if n == nil {
		n = &report.Footnote{ID: id}
	}
	b.byID[id] = n
	b.notes = append(b.notes, n)
	return nil
}

func validLabel(id string) bool {
	if id == "" || len(id) > 100 {
		return false
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		if !isASCIIAlnum(c) && c != '-' && c != '_' && c != '.' {
			return false
		}
	}
	return true
}

func plain(s string) report.Text {
	return report.Text{{Kind: report.SpanPlain, Text: s}}
}

func joinNonEmpty(sep string, parts ...string) string {
	var b strings.Builder
	for _, p := range parts {
		if p == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteString(sep)
		}
		b.WriteString(p)
	}
	return b.String()
}
