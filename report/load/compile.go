package load

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/migprofile/migprofile/report"
	"golang.org/x/image/font/sfnt"
)

// load reads every file of the profile folder and compiles them into the
// model, resolving references between files.
func (l *loader) load() *report.Profile {
	var pf profileFile
	if !l.readFile("profile.yaml", &pf) {
		return nil
	}
	c := &compiler{loader: l, cited: map[*report.Footnote]bool{}, unreadable: map[string]bool{}, file: path.Join(l.dir, "profile.yaml")}
	p := &report.Profile{Name: l.dir, Meta: c.meta(pf), Labels: labels(pf.Labels, pf.Language.S)}
	c.labels, c.lang = p.Labels, pf.Language.S

	var ff footnotesFile
	c.file = path.Join(l.dir, "footnotes.yaml")
	if l.readFile("footnotes.yaml", &ff) {
		p.Footnotes = c.footnotes(ff)
	} else {
		c.notesUnreadable = true
	}
	c.notes = map[string]*report.Footnote{}
	for _, f := range p.Footnotes {
		c.notes[f.ID] = f
	}

	// A file that cannot be read at all is reported once; references to
	// it are not reported again as dangling.
	c.tables, c.grids, c.figures = map[string]*report.Table{}, map[string]*report.Grid{}, map[string]*report.Figure{}
	for _, id := range l.files("tables") {
		var tf tableFile
		if c.read("tables", id, &tf) {
			c.tables[id] = c.table(id, tf)
		}
	}
	for _, id := range l.files("grids") {
		var gf gridFile
		if c.read("grids", id, &gf) {
			c.grids[id] = c.grid(id, gf)
		}
	}
	for _, id := range l.files("figures") {
		var fg figureFile
		if c.read("figures", id, &fg) {
			c.figures[id] = c.figure(id, fg)
		}
	}

	l.checkFrameworkList(pf.Frameworks)
	for _, ref := range pf.Frameworks {
		if !fileID.MatchString(ref.S) {
			continue
		}
		var fw frameworkFile
		if !c.read("frameworks", ref.S, &fw) {
			continue
		}
		p.Frameworks = append(p.Frameworks, c.framework(ref.S, fw))
	}

	p.Tables, p.Grids, p.Figures = c.placedTables, c.placedGrids, c.placedFigures
	c.checkPlaced()
	for _, f := range p.Footnotes {
		if !c.cited[f] {
			l.warnf(f.Pos, f.ID, "footnote %s is never cited", f.ID)
		}
	}
	return p
}

// checkFrameworkList reports the ids in profile.yaml's frameworks that
// are invalid or listed twice, and the framework files it does not list.
func (l *loader) checkFrameworkList(refs []posString) {
	listed := map[string]bool{}
	for i, ref := range refs {
		p := fmt.Sprintf("frameworks[%d]", i)
		if !fileID.MatchString(ref.S) {
			l.errorf(ref.Pos, p, "invalid framework id %q", ref.S)
			continue
		}
		if listed[ref.S] {
			l.errorf(ref.Pos, p, "framework %q listed twice", ref.S)
			continue
		}
		listed[ref.S] = true
	}
	for _, id := range l.files("frameworks") {
		if !listed[id] {
			l.errorf(report.Pos{File: path.Join(l.dir, "frameworks", id+".yaml")}, "",
				"framework %q is not listed in profile.yaml frameworks", id)
		}
	}
}

type compiler struct {
	*loader
	labels  report.Labels // the profile's, for numbers in messages
	lang    string        // the profile's language, for its typography
	file    string        // the file being compiled, for errors without a position
	notes   map[string]*report.Footnote
	cited   map[*report.Footnote]bool
	tables  map[string]*report.Table
	grids   map[string]*report.Grid
	figures map[string]*report.Figure

	unreadable      map[string]bool // "tables/people" for a file that could not be read
	notesUnreadable bool            // footnotes.yaml could not be read

	placedTables  []*report.Table
	placedGrids   []*report.Grid
	placedFigures []*report.Figure
	numbered      int // tables and grids share one numbering
}

// errorf reports an error at pos, in the file being compiled when pos has
// none (a value the decoder could not read, already reported with its line).
func (c *compiler) errorf(pos report.Pos, path, format string, args ...any) {
	if pos.File == "" {
		pos.File = c.file
	}
	c.loader.errorf(pos, path, format, args...)
}

func (c *compiler) read(dir, id string, v any) bool {
	c.file = path.Join(c.dir, dir, id+".yaml")
	if c.readFile(path.Join(dir, id+".yaml"), v) {
		return true
	}
	c.unreadable[dir+"/"+id] = true
	return false
}

func (c *compiler) meta(pf profileFile) report.Meta {
	var published time.Time
	if pf.ISODate.S != "" {
		var err error
		published, err = report.ParseISODate(pf.ISODate.S)
		if !isoDate.MatchString(pf.ISODate.S) {
			c.errorf(pf.ISODate.Pos, "iso_date", "want YYYY-MM or YYYY-MM-DD, got %q", pf.ISODate.S)
		} else if err != nil {
			c.errorf(pf.ISODate.Pos, "iso_date", "%q is not a date of the calendar", pf.ISODate.S)
		}
	}
	if w := strings.ToLower(pf.Website); strings.Contains(w, ":") &&
		!strings.HasPrefix(w, "http://") && !strings.HasPrefix(w, "https://") && !strings.HasPrefix(w, "mailto:") {
		// Printed as a link in the PDF and the workbook: file:, javascript:
		// and the like must not become one.
		c.errorf(pf.Pos, "website", "want a web address (https://…, http://…, www.…) or mailto:, got %q", pf.Website)
	}
	if pf.Language.S != "" && !langTag.MatchString(pf.Language.S) {
		c.errorf(pf.Language.Pos, "language", "want a language tag such as en or fr-FR, got %q", pf.Language.S)
	}
	return report.Meta{
		Pos: pf.Pos, Title: pf.Title, Series: pf.Series, Country: pf.Country,
		Date: pf.Date, ISODate: pf.ISODate.S, Published: published, Language: pf.Language.S,
		Authors: pf.Authors, Credit: pf.Credit, Publisher: pf.Publisher,
		Project: pf.Project, Website: pf.Website, Copyright: pf.Copyright,
		Funding: pf.Funding, Contact: c.contact(pf.Contact), Keywords: pf.Keywords, Fonts: c.fonts(pf.Fonts),
		Logos: c.logos(pf.Logos),
	}
}

// contact checks the contact's address and page: printed as links, they
// must be an e-mail address and a web address.
func (c *compiler) contact(cf contactFile) report.Contact {
	out := report.Contact{Name: cf.Name.S, Email: cf.Email.S, URL: cf.URL.S}
	if cf.Pos.Line != 0 && out.IsZero() {
		c.errorf(cf.Pos, "contact", "want at least one of name, email and url")
	}
	if e := cf.Email.S; e != "" && !emailAddr.MatchString(e) {
		c.errorf(cf.Email.Pos, "contact.email", "want an e-mail address such as info@example.org, got %q", e)
	}
	if u := strings.ToLower(cf.URL.S); u != "" && !strings.HasPrefix(u, "http://") && !strings.HasPrefix(u, "https://") && !strings.HasPrefix(u, "www.") {
		c.errorf(cf.URL.Pos, "contact.url", "want a web address (https://…, http://…, www.…), got %q", cf.URL.S)
	}
	return out
}

var (
	emailAddr = regexp.MustCompile(`^[^@\s:/]+@[^@\s:/]+\.[^@\s:/]+$`)
	isoDate   = regexp.MustCompile(`^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$`)
	langTag   = regexp.MustCompile(`^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$`)
)

// labels fills the labels a profile leaves out with their English
// defaults, and its punctuation with that of its language.
func labels(f labelsFile, lang string) report.Labels {
	return report.Labels{
		NotApplicable: f.NotApplicable, Confidential: f.Confidential,
		Provisional: f.Provisional, Estimated: f.Estimated, Symbols: report.Symbols(f.Symbols),
		Language: lang, Colon: f.Colon, NumberEnd: f.NumberEnd,
		Outward: f.Outward, Inward: f.Inward, Table: f.Table, Figure: f.Figure,
		Source: f.Source, Sources: f.Sources, Notes: f.Notes, Contents: f.Contents,
		References: f.References, Footnotes: f.Footnotes, Links: f.Links, Page: f.Page, Of: f.Of,
		WrittenBy: f.WrittenBy, Continued: f.Continued, Largest: f.Largest, Smallest: f.Smallest,
		NotAvailable: f.NotAvailable, ThousandsSep: f.ThousandsSep, DecimalMark: f.DecimalMark,
		Workbook: report.WorkbookLabels(f.Workbook), // the workbook fills in its English defaults
	}.WithDefaults()
}

func (c *compiler) footnotes(ff footnotesFile) []*report.Footnote {
	var out []*report.Footnote
	seen := map[string]bool{}
	for _, e := range ff {
		switch {
		case !noteID.MatchString(e.ID.S):
			c.errorf(e.ID.Pos, e.Path, "footnote id %q: want a number or a short mark such as 12 or a", e.ID.S)
		case seen[e.ID.S]:
			c.errorf(e.ID.Pos, e.Path, "footnote %s defined twice", e.ID.S)
		case !e.Text.OK:
			// reported by the decoder
		case strings.TrimSpace(e.Text.S) == "":
			c.errorf(e.Text.Pos, e.Path, "footnote %s has no text", e.ID.S)
		default:
			seen[e.ID.S] = true
			out = append(out, &report.Footnote{Pos: e.Text.Pos, ID: e.ID.S, Text: c.text(e.Text, e.Path, false)})
		}
	}
	return out
}

var noteID = regexp.MustCompile(`^[0-9A-Za-z]{1,8}$`)

// text parses inline footnote citations ([^N]) and URLs.
func (c *compiler) text(s posString, p string, allowNotes bool) report.Text {
	var out report.Text
	rest := s.S
	for rest != "" {
		var loc []int
		if mayHaveInline(rest) {
			loc = inline.FindStringSubmatchIndex(rest)
		}
		if loc == nil {
			out = append(out, report.Span{Kind: report.SpanPlain, Text: report.Typeset(c.lang, rest)})
			break
		}
		if loc[0] > 0 {
			out = append(out, report.Span{Kind: report.SpanPlain, Text: report.Typeset(c.lang, rest[:loc[0]])})
		}
		match := rest[loc[0]:loc[1]]
		if loc[2] >= 0 {
			id := rest[loc[2]:loc[3]]
			f := c.notes[id]
			switch {
			case !allowNotes:
				c.errorf(s.Pos, p, "footnote %s cited inside a footnote", id)
			case f == nil && c.notesUnreadable:
				// footnotes.yaml could not be read: reported once already
			case f == nil:
				c.errorf(s.Pos, p, "cites footnote [^%s], which footnotes.yaml does not define", id)
			default:
				c.cited[f] = true
				out = append(out, report.Span{Kind: report.SpanNote, Text: id, Note: f})
			}
		} else {
			url, tail := trimURL(match)
			target := url
			if !strings.Contains(url, "://") {
				target = "http://" + url
			}
			out = append(out, report.Span{Kind: report.SpanLink, Text: url, URL: target})
			if tail != "" {
				out = append(out, report.Span{Kind: report.SpanPlain, Text: report.Typeset(c.lang, tail)})
			}
		}
		rest = rest[loc[1]:]
	}
	return mergePlain(out)
}

// inline finds footnote citations and URLs; a URL ends at any space,
// a no-break space included (\s alone is ASCII).
var inline = regexp.MustCompile(`\[\^([^\]\s]*)\]|(?:https?://|www\.)[^\s\p{Z}<>"«»]+`)

// mayHaveInline reports whether s may hold what inline matches: most
// texts (labels, titles) hold neither "[^" nor "http" nor "www.", and
// looking for those is far cheaper than running the expression.
func mayHaveInline(s string) bool {
	return strings.Contains(s, "[^") || strings.Contains(s, "http") || strings.Contains(s, "www.")
}

// trimURL splits punctuation that ends a sentence off a URL written in prose.
func trimURL(s string) (url, tail string) {
	end := len(s)
	for end > 0 {
		ch := s[end-1]
		if strings.IndexByte(".,;:!?'\"", ch) >= 0 || (ch == ')' && !strings.Contains(s[:end], "(")) {
			end--
			continue
		}
		break
	}
	return s[:end], s[end:]
}

func mergePlain(t report.Text) report.Text {
	var out report.Text
	for _, s := range t {
		if n := len(out); n > 0 && s.Kind == report.SpanPlain && out[n-1].Kind == report.SpanPlain {
			out[n-1].Text += s.Text
			continue
		}
		out = append(out, s)
	}
	return out
}

func (c *compiler) framework(id string, fw frameworkFile) *report.Framework {
	f := &report.Framework{Pos: fw.Pos, ID: id, Title: report.Typeset(c.lang, fw.Title)}
	for _, b := range fw.Body {
		block := report.Block{Pos: b.Pos, Kind: b.Kind}
		switch b.Kind {
		case report.Paragraph, report.Heading:
			block.Text = c.text(b.Text, b.Path, true)
			if strings.TrimSpace(b.Text.S) == "" {
				c.errorf(b.Pos, b.Path, "empty text")
			}
		case report.TableBlock:
			block.Table = c.placeTable(b.Ref, b.Path+".table")
		case report.GridBlock:
			block.Grid = c.placeGrid(b.Ref, b.Path+".grid")
		case report.FigureBlock:
			block.Figure = c.placeFigure(b.Ref, b.Path+".figure")
		case report.ColumnsBlock:
			block.Columns = &report.Columns{
				Pos:     b.Columns.Pos,
				Outward: c.items(b.Columns.Outward),
				Inward:  c.items(b.Columns.Inward),
			}
			if len(block.Columns.Outward)+len(block.Columns.Inward) == 0 {
				c.errorf(b.Pos, b.Path, "columns need outward or inward content")
			}
		case report.ReferencesBlock, report.LinksBlock:
			for i, it := range b.Items {
				ip := fmt.Sprintf("%s[%d]", b.Path, i)
				if strings.TrimSpace(it.S) == "" {
					c.errorf(it.Pos, ip, "empty text")
				}
				if b.Kind == report.LinksBlock && !linkPattern.MatchString(it.S) && !wwwPattern.MatchString(it.S) {
					c.errorf(it.Pos, ip, "want a URL starting with http://, https:// or www., got %q", it.S)
				}
				t := c.text(it, ip, true)
				if b.Kind == report.LinksBlock {
					t = secureWWW(t)
				}
				block.Items = append(block.Items, t)
			}
		default:
			continue // the decoder reported it
		}
		if (b.Kind == report.TableBlock && block.Table == nil) || (b.Kind == report.GridBlock && block.Grid == nil) ||
			(b.Kind == report.FigureBlock && block.Figure == nil) {
			continue
		}
		f.Blocks = append(f.Blocks, block)
	}
	return f
}

var (
	linkPattern = regexp.MustCompile(`^https?://\S+$`)
	wwwPattern  = regexp.MustCompile(`^www\.\S+$`)
)

// secureWWW gives a link written "www.…" in a links list the target
// https://www.…: a list of sources names current sites, which serve
// https. The link prints as written. (In prose a "www." link keeps the
// http:// target it has always had.)
func secureWWW(t report.Text) report.Text {
	for i, s := range t {
		if s.Kind == report.SpanLink && strings.HasPrefix(s.Text, "www.") {
			t[i].URL = "https://" + s.Text
		}
	}
	return t
}

func (c *compiler) items(files []itemFile) []report.Item {
	var out []report.Item
	for _, it := range files {
		item := report.Item{Pos: it.Pos, Kind: it.Kind}
		switch it.Kind {
		case report.ItemParagraph, report.ItemHeading:
			if strings.TrimSpace(it.Text.S) == "" {
				c.errorf(it.Pos, it.Path, "empty text")
			}
			item.Text = c.text(it.Text, it.Path, true)
		case report.ItemList:
			for i, s := range it.List {
				p := fmt.Sprintf("%s.list[%d]", it.Path, i)
				if strings.TrimSpace(s.S) == "" {
					c.errorf(s.Pos, p, "empty list item")
				}
				item.List = append(item.List, c.text(s, p, true))
			}
		default:
			continue
		}
		out = append(out, item)
	}
	return out
}

func (c *compiler) placeTable(ref posString, p string) *report.Table {
	if _, isGrid := c.grids[ref.S]; isGrid && c.tables[ref.S] == nil {
		c.errorf(ref.Pos, p, "table %q does not exist; %q is a grid: write grid: %s", ref.S, ref.S, ref.S)
		return nil
	}
	t, ok := place(c, "table", c.tables, func(t *report.Table) int { return t.Number }, ref, p)
	if ok {
		c.numbered++
		t.Number = c.numbered
		c.placedTables = append(c.placedTables, t)
	}
	return t
}

func (c *compiler) placeGrid(ref posString, p string) *report.Grid {
	g, ok := place(c, "grid", c.grids, func(g *report.Grid) int { return g.Number }, ref, p)
	if ok {
		c.numbered++
		g.Number = c.numbered
		c.placedGrids = append(c.placedGrids, g)
	}
	return g
}

func (c *compiler) placeFigure(ref posString, p string) *report.Figure {
	f, ok := place(c, "figure", c.figures, func(f *report.Figure) int { return f.Number }, ref, p)
	if ok {
		f.Number = len(c.placedFigures) + 1
		c.placedFigures = append(c.placedFigures, f)
	}
	return f
}

// place finds the item of that kind an id names and checks that it is not
// placed twice; ok is true when the caller should number it.
func place[T any](c *compiler, kind string, items map[string]T, number func(T) int, ref posString, p string) (x T, ok bool) {
	var none T
	x, found := items[ref.S]
	switch {
	case !found && c.unreadable[kind+"s/"+ref.S]:
		// the file could not be read: reported once already
	case !found:
		c.errorf(ref.Pos, p, "%s %q does not exist (no %ss/%s.yaml)", kind, ref.S, kind, ref.S)
	case number(x) != 0:
		c.errorf(ref.Pos, p, "%s %q is placed twice", kind, ref.S)
	default:
		return x, true
	}
	return none, false
}

// checkPlaced reports tables, grids and figures that no framework places:
// they would silently be missing from the report.
func (c *compiler) checkPlaced() {
	for _, id := range sortedKeys(c.tables) {
		if t := c.tables[id]; t.Number == 0 {
			c.errorf(t.Pos, "", "table %q is not placed in any framework (add \"- table: %s\" to a framework's body)", id, id)
		}
	}
	for _, id := range sortedKeys(c.grids) {
		if g := c.grids[id]; g.Number == 0 {
			c.errorf(g.Pos, "", "grid %q is not placed in any framework (add \"- grid: %s\" to a framework's body)", id, id)
		}
	}
	for _, id := range sortedKeys(c.figures) {
		if f := c.figures[id]; f.Number == 0 {
			c.errorf(f.Pos, "", "figure %q is not placed in any framework (add \"- figure: %s\" to a framework's body)", id, id)
		}
	}
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func (c *compiler) sources(files []sourceFile, p string) []report.Source {
	var out []report.Source
	for i, s := range files {
		if s.URL.S != "" {
			// A link: its title, or its address (report.LinkText shortens it).
			t := report.Text{{Kind: report.SpanLink, Text: cmp.Or(s.Title.S, s.URL.S), URL: s.URL.S}}
			out = append(out, report.Source{Pos: s.Pos, Label: s.Label, Text: t})
			continue
		}
		out = append(out, report.Source{Pos: s.Pos, Label: s.Label, Text: c.text(s.Text, fmt.Sprintf("%s[%d]", p, i), true)})
	}
	return out
}

func (c *compiler) grid(id string, gf gridFile) *report.Grid {
	g := &report.Grid{Pos: gf.Pos, ID: id, Title: report.Typeset(c.lang, gf.Title)}
	for i, rf := range gf.Rows {
		row := &report.GridRow{Pos: rf.Pos, Heading: report.Typeset(c.lang, rf.Heading), Subheading: report.Typeset(c.lang, rf.Subheading)}
		for j, ef := range rf.Entries {
			p := fmt.Sprintf("rows[%d].entries[%d]", i, j)
			e := &report.GridEntry{Pos: ef.Pos, Both: c.items(ef.Both), Outward: c.items(ef.Outward), Inward: c.items(ef.Inward)}
			switch {
			case len(ef.Both) > 0 && len(ef.Outward)+len(ef.Inward) > 0:
				c.errorf(ef.Pos, p, "an entry is either both (spanning) or outward/inward, not both at once")
			case len(ef.Both)+len(ef.Outward)+len(ef.Inward) == 0:
				c.errorf(ef.Pos, p, "empty entry: give both, outward or inward")
			}
			row.Entries = append(row.Entries, e)
		}
		g.Rows = append(g.Rows, row)
	}
	g.Sources = c.sources(gf.Sources, "sources")
	return g
}

// cellPattern is a published value: digits, optional decimals, optional
// annotation in brackets: "924497", "-1967", "80.6", "792258 (1998)".
var cellPattern = regexp.MustCompile(`^(-?)([0-9]+)(?:\.([0-9]+))?(?: \(([^()]+)\))?$`)

// missingKinds are the values that stand for a missing number: the GSS
// shorthand, and ".." for not available.
var missingKinds = map[string]report.CellKind{
	"..": report.NotAvailable, "[x]": report.NotAvailable,
	"[z]": report.NotApplicable, "[c]": report.Confidential,
}

// parseCell reads a table value as written in the data file: a number
// (with an annotation and the flags [p] provisional and [e] estimated
// after it), "-", "", or a missing value's kind.
func parseCell(raw rawScalar) (report.Cell, error) {
	cell := report.Cell{Pos: raw.Pos}
	s := strings.TrimSpace(raw.Text)
	switch s {
	case "":
		cell.Kind = report.Blank
		return cell, nil
	case "-":
		cell.Kind = report.Dash
		return cell, nil
	}
	if k, ok := missingKinds[s]; ok {
		cell.Kind = k
		return cell, nil
	}
	s, cell.Provisional, cell.Estimated = cutFlags(s)
	m := cellPattern.FindStringSubmatch(s)
	if m == nil {
		if strings.ContainsAny(s, ", ") && cellPattern.MatchString(strings.NewReplacer(",", "", " ", "").Replace(s)) {
			return cell, fmt.Errorf("%q: write numbers without thousands separators (e.g. 924497); the renderers add them", raw.Text)
		}
		return cell, fmt.Errorf("%q is not a number: want digits with an optional sign and decimals (e.g. 924497, -1967, 80.6), \"-\", \"\", a number with a note such as \"792258 (1998)\", flags [p] or [e] after a number, or a missing value: \"..\" or [x] (not available), [z] (not applicable), [c] (confidential)", raw.Text)
	}
	digits := m[2] + m[3]
	if len(digits) > 15 {
		return cell, fmt.Errorf("%q has more than 15 digits; a spreadsheet cannot hold it exactly", raw.Text)
	}
	u, err := strconv.ParseInt(digits, 10, 64)
	if err != nil {
		return cell, fmt.Errorf("%q: %w", raw.Text, err)
	}
	if m[1] == "-" {
		u = -u
	}
	cell.Kind, cell.Units, cell.Decimals, cell.Note = report.Number, u, len(m[3]), m[4]
	return cell, nil
}

// cutFlags takes the flags [p] and [e] off the end of a value.
func cutFlags(s string) (rest string, provisional, estimated bool) {
	for {
		switch {
		case strings.HasSuffix(s, " [p]"):
			s, provisional = strings.TrimSpace(strings.TrimSuffix(s, " [p]")), true
		case strings.HasSuffix(s, " [e]"):
			s, estimated = strings.TrimSpace(strings.TrimSuffix(s, " [e]")), true
		default:
			return s, provisional, estimated
		}
	}
}

// table compiles a table file in the order its references need: the
// columns, then the rows with their cells (so that every id is known),
// then the references between them (sums, percentages, differences),
// then the checks on the values, the sources and the notes.
func (c *compiler) table(id string, tf tableFile) *report.Table {
	t := &report.Table{Pos: tf.Pos, ID: id, Title: report.Typeset(c.lang, tf.Title), Period: report.Typeset(c.lang, tf.Period), Stub: report.Typeset(c.lang, tf.Stub)}
	ids := &tableIDs{c: c, cols: map[string]*report.Column{}, rows: map[string]*report.Row{}, ambiguous: map[string]bool{}}
	for i, cf := range tf.Columns {
		t.Columns = append(t.Columns, c.column(i, cf, ids))
	}
	for i, rf := range tf.Rows {
		t.Rows = append(t.Rows, c.row(i, rf, len(tf.Columns), ids))
	}
	for i, cf := range tf.Columns {
		c.columnRefs(i, cf, t.Columns[i], ids)
	}
	for i := range tf.Rows {
		c.rowRefs(i, tf.Rows, t.Rows, ids)
	}
	c.negativeCounts(t, tf)

	t.Sources = c.sources(tf.Sources, "sources")
	for i, n := range tf.Notes {
		p := fmt.Sprintf("notes[%d]", i)
		if strings.TrimSpace(n.S) == "" {
			c.errorf(n.Pos, p, "empty note")
		}
		t.Notes = append(t.Notes, c.text(n, p, true))
	}
	return t
}

func (c *compiler) figure(id string, ff figureFile) *report.Figure {
	f := &report.Figure{
		Pos: ff.Pos, ID: id, Kind: report.FigureKind(ff.Kind.S), KindPos: ff.Kind.Pos,
		Title: report.Typeset(c.lang, ff.Title), Caption: report.Typeset(c.lang, ff.Caption), Transpose: ff.Transpose,
		Sort: ff.Sort.S, SortPos: ff.Sort.Pos, ValueAxis: report.Typeset(c.lang, ff.ValueAxis),
	}
	f.Range, f.RangePos = c.figureRange(ff)
	for _, l := range ff.CategoryLabels {
		f.CategoryLabels = append(f.CategoryLabels, report.Typeset(c.lang, l))
	}
	for _, s := range ff.Series {
		f.Series = append(f.Series, report.Ref{Pos: s.Pos, ID: s.S})
	}
	for _, s := range ff.Categories {
		f.Categories = append(f.Categories, report.Ref{Pos: s.Pos, ID: s.S})
	}
	t := c.tables[ff.Table.S]
	if t == nil {
		if ff.Table.S != "" && !c.unreadable["tables/"+ff.Table.S] {
			c.errorf(ff.Table.Pos, "table", "table %q does not exist (no tables/%s.yaml)", ff.Table.S, ff.Table.S)
		}
		return f
	}
	f.Table = t
	if f.Kind != "" { // a missing kind is reported by the decoder
		// The figure's rules live in the model (Figure.Problems, also run
		// by Profile.Validate); checking them here reports them together
		// with every other problem of the data.
		for _, p := range f.Problems() {
			c.errorf(p.Pos, p.Path, "%s", p.Msg)
		}
	}
	f.Sources = c.sources(ff.Sources, "sources")
	if len(f.Sources) == 0 {
		f.Sources = t.Sources
	}
	return f
}

// figureRange reads a figure's range: numbers, positioned where the
// range is written (its rules are the model's, in Figure.Problems). A
// value that is not a number is reported here and the range dropped.
func (c *compiler) figureRange(ff figureFile) ([]float64, report.Pos) {
	if len(ff.Range) == 0 {
		return nil, ff.Pos
	}
	var r []float64
	ok := true
	for i, s := range ff.Range {
		v, err := strconv.ParseFloat(strings.TrimSpace(s.S), 64)
		if s.OK && err != nil {
			c.errorf(s.Pos, fmt.Sprintf("range[%d]", i), "want a number, got %q", s.S)
		}
		ok = ok && s.OK && err == nil
		r = append(r, v)
	}
	if !ok {
		return nil, ff.Range[0].Pos
	}
	return r, ff.Range[0].Pos
}

// maxFont bounds a font file (a full CJK font is about 16 MB), maxFonts
// their number.
const (
	maxFont  = 32 << 20
	maxFonts = 16
)

// fonts reads the profile's own font files: regular files inside the
// profile folder, no larger than maxFont, that parse as TrueType fonts.
func (c *compiler) fonts(paths []posString) []report.Font {
	var out []report.Font
	if len(paths) > maxFonts {
		c.errorf(paths[maxFonts].Pos, fmt.Sprintf("fonts[%d]", maxFonts), "at most %d fonts; a font covers whole scripts", maxFonts)
		paths = paths[:maxFonts]
	}
	for i, p := range paths {
		field := fmt.Sprintf("fonts[%d]", i)
		name, ok := insidePath(p.S)
		if !ok {
			c.errorf(p.Pos, field, "want a path inside the profile folder, such as fonts/NotoSans.ttf, got %q", p.S)
			continue
		}
		data, err := c.readFont(path.Join(c.dir, name))
		if err != nil {
			c.errorf(p.Pos, field, "%s: %v", p.S, err)
			continue
		}
		out = append(out, report.Font{Pos: p.Pos, Path: name, Data: data})
	}
	return out
}

// readFont reads a font file and checks that it is one.
func (c *compiler) readFont(file string) ([]byte, error) {
	data, err := readRegular(c.loader.fsys, file, maxFont)
	if err != nil {
		return nil, pathless(err)
	}
	if _, err := sfnt.Parse(data); err != nil {
		return nil, fmt.Errorf("not a TrueType font: %v", err)
	}
	if !bytes.Contains(data[:min(len(data), 1024)], []byte("glyf")) {
		return nil, errors.New("a font with PostScript outlines (CFF); the PDF needs TrueType outlines (a .ttf with a glyf table)")
	}
	return data, nil
}

// pathless is err without the path an fs.PathError repeats.
func pathless(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
