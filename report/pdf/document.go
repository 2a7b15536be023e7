// Package pdf renders a migration profile as a paginated PDF modelled on
// the CARIM originals: a cover, a contents page, each framework with its
// introduction, two-column outward | inward sections, statistical and
// policy tables that break across pages with repeated headers, figures,
// footnotes at the foot of the page that cites them, running headers and
// page numbers, an outline and document metadata.
//
// fpdf draws; the layout (line breaking, columns, tables, footnotes) is
// done here, on a page model of positioned operations, which tests read
// through a layout log.
package pdf

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"github.com/migprofile/migprofile/layouts"
	"github.com/migprofile/migprofile/report"
	"github.com/migprofile/migprofile/report/typeset/hyphen"
)

// Options control the rendering.
type Options struct {
	// PageSize is "A4" (the default) or "Letter".
	PageSize string
	// Date is the document's creation and modification date; when zero,
	// the profile's ISO date is used, so that output never depends on
	// the clock.
	Date time.Time
	// Figures draws the figures; nil leaves them out. The document only
	// reserves their room, so that it never needs to know how a chart is
	// drawn (package charts provides one: charts.PDF).
	Figures FigureDrawer
	// Standard is the standard the file declares beyond PDF/UA-1: "" or
	// "ua-1" for none, "a-2u" or "a-2a" for PDF/A-2 (see ParseStandard).
	Standard string
	// Warn, when set, receives the warnings about the data that only
	// setting it finds, e.g. a character no font can draw. Errors of that
	// kind (a table wider than the page) come back from Render as a
	// *report.DataError.
	Warn func(report.Diagnostic)
}

// FigureDrawer draws figures as vector graphics into the document.
type FigureDrawer interface {
	// Height returns the height (mm) that figure f needs at width w (mm),
	// so that a chart with many bars gets room for its labels; 0 gives
	// 0.55 of the width. The document caps it at 0.7 of the text block.
	Height(f *report.Figure, w float64) float64
	// Draw draws figure f into the box (x, y, w, h), in mm from the top
	// left corner of doc's current page.
	Draw(doc *fpdf.Fpdf, f *report.Figure, x, y, w, h float64) error
}

// Render writes profile p as a PDF to w.
func Render(w io.Writer, p *report.Profile, opt Options) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("pdf: internal error: %v", r)
		}
	}()
	d, err := layout(p, opt)
	if err != nil {
		return err
	}
	d.diags.Sort()
	d.diags = slices.Compact(d.diags)
	if opt.Warn != nil {
		for _, w := range d.diags.Warnings() {
			opt.Warn(w)
		}
	}
	if err := d.diags.Err(); err != nil {
		return err // a *report.DataError: the data cannot be set as written
	}
	if err := d.emit(w); err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	return nil
}

// geometry is the page and its margins, in mm.
type geometry struct {
	pw, ph      float64
	left, right float64 // x of the text block's edges
	top, bottom float64 // y of the body's top and lowest line
	tw          float64 // text width
}

func pageGeometry(name string) (geometry, string, error) {
	var g geometry
	size, err := ParsePageSize(name)
	if err != nil {
		return g, "", fmt.Errorf("pdf: page size: %w", err)
	}
	g.pw, g.ph = size.mm()
	g.left = 22
	g.right = g.pw - 22
	g.top = 24
	g.bottom = g.ph - 20
	g.tw = g.right - g.left
	return g, string(size), nil
}

// The spacing scale, in mm.
const (
	s1 = 1.2
	s2 = 2.4
	s3 = 4.0
	s4 = 7.0
)

// measureChars is the width of full-width prose, in average lower-case
// letters of the body text; spaces and punctuation are narrower, so a
// line holds about 76 characters: 60–80 read comfortably (Bringhurst).
const measureChars = 66

// measureOf is the width of measureChars average lower-case letters of
// style st, or w if that is narrower: the widest a line of text in st is
// set, whatever room there is.
func (d *doc) measureOf(st style, w float64) float64 {
	return min(w, measureChars*d.fonts.width(st.face, st.size, "abcdefghijklmnopqrstuvwxyz")/26)
}

// The text styles, every size from the document's type scale
// (layouts.TypeScale, shared with the figures): title, heading, body,
// caption and small, plus the footnote markers.
var (
	ts         = layouts.TypeScale
	stBody     = style{face: serif, size: ts.Body, leading: 4.6, color: ink, justify: true}
	stTitle    = style{face: sansBold, size: ts.Title, leading: 8.5, color: navy}
	stHeading  = style{face: sansBold, size: ts.Heading, leading: 5.8, color: navy}
	stSub      = style{face: sansBold, size: ts.Body, leading: 4.8, color: navy}
	stColHead  = style{face: sansBold, size: ts.Body, leading: 5.2, color: navy}
	stCaption  = style{face: sansBold, size: ts.Caption, leading: 4.2, color: navy}
	stCell     = style{face: sans, size: ts.Small, leading: 3.6, color: ink}
	stCellHd   = style{face: sansBold, size: ts.Small, leading: 3.5, color: ink}
	stSource   = style{face: sans, size: ts.Small, leading: 3.5, color: grey}
	stGrid     = style{face: serif, size: ts.Caption, leading: 4.0, color: ink} // ragged-right, as table cells are set
	stGridHd   = style{face: sansBold, size: ts.Caption, leading: 4.0, color: navy}
	stRef      = style{face: serif, size: ts.Caption, leading: 4.0, color: ink, justify: true, hang: 5}
	stNote     = style{face: serif, size: ts.Small, leading: 3.4, color: ink, justify: true}
	stRunning  = style{face: sans, size: ts.Small, leading: 3.4, color: grey}
	stContent  = style{face: serif, size: ts.Body, leading: 4.8, color: ink}
	stContent0 = style{face: sansBold, size: ts.Body, leading: 5.2, color: navy}
)

// markerSize is the size of a footnote marker, whatever the text around
// it: one size, not one per style.
const markerSize = 6.0

// doc is a profile being laid out.
type doc struct {
	p      *report.Profile
	opt    Options
	pdf    *fpdf.Fpdf
	fonts  *fontSet
	hyph   hyphenator // nil: the language has no patterns
	geo    geometry
	line   int32
	notes  map[*report.Footnote]*noteLayout
	marks  []*mark
	pages  []*page
	ncover int // pages before the body: cover and contents
	// measure is the width of full-width prose: at most measureChars
	// average characters of the body text, so that a line reads in one
	// sweep of the eye; tables and figures take the whole text width.
	measure float64
	// noteNumbers are the footnotes' numbers as printed (renumberNotes).
	noteNumbers map[*report.Footnote]string
	// diags are the problems of the data that only setting it finds: a
	// table wider than the page (an error), a character no font draws.
	diags report.Diagnostics
	// tags is the logical structure; cover and contents are its first
	// two parts, made before the body (whose pages they count).
	tags     *tagTree
	coverTag *node
	tocTag   *node
	logoTags []*node // the cover's logos, nil for a decorative one
	// noteMarks are where each footnote is printed, for the links from
	// its markers.
	noteMarks map[*report.Footnote]*mark
	// marked writes the marked-content sequences of the page being
	// drawn; annots are the link annotations, written by tagged.go.
	marked *marker
	annots []annot
}

// warnf records a warning about the data found while setting it.
func (d *doc) warnf(pos report.Pos, path, format string, args ...any) {
	d.diags = append(d.diags, report.Diagnostic{Severity: report.Warning, Pos: pos, Path: path, Msg: fmt.Sprintf(format, args...)})
}

// errorf records an error of the data found while setting it.
func (d *doc) errorf(pos report.Pos, path, format string, args ...any) {
	d.diags = append(d.diags, report.Diagnostic{Severity: report.Error, Pos: pos, Path: path, Msg: fmt.Sprintf(format, args...)})
}

func (d *doc) nextLine() int32 {
	d.line++
	return d.line
}

// newMark creates an outline and contents anchor, in document order.
func (d *doc) newMark(title string, level int, contents bool) *mark {
	m := &mark{title: title, level: level, outline: true, contents: contents, page: -1}
	d.marks = append(d.marks, m)
	return m
}

// layout builds the page model of p.
func layout(p *report.Profile, opt Options) (*doc, error) {
	if p == nil {
		return nil, errors.New("pdf: nil profile")
	}
	g, size, err := pageGeometry(opt.PageSize)
	if err != nil {
		return nil, err
	}
	pdf := fpdf.New("P", "mm", size, "")
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetMargins(0, 0, 0)
	pdf.SetCatalogSort(true)
	pdf.SetCompression(true)
	d := &doc{p: p, opt: opt, pdf: pdf, geo: g, notes: map[*report.Footnote]*noteLayout{}}
	d.fonts = newFontSet(pdf, p.Meta.Fonts)
	defer d.fonts.join()
	if h := hyphen.For(p.Meta.Language); h != nil {
		d.hyph = &memoHyphenator{h: h, seen: map[string][]int{}}
	}
	d.measure = d.measureOf(stBody, g.tw)
	d.tags = newTagTree()
	d.coverTag = d.tags.el(nil, "Div")
	d.tocTag = d.tags.el(nil, "Div")

	d.checkCoverage()
	bands := d.build()
	body := &engine{d: d, top: g.top, bottom: g.bottom, seen: map[*report.Footnote]bool{}}
	body.newPage()
	for _, b := range bands {
		body.place(b)
	}
	if len(body.pages) > 0 && len(body.pages[len(body.pages)-1].ops) == 0 {
		body.pages = body.pages[:len(body.pages)-1]
	}
	d.renumberNotes(body.pages)

	// The contents pages: laid out once to count them, then with the
	// page numbers they lead to.
	contents := d.contentsPages(func(*mark) string { return "000" })
	d.ncover = 1 + len(contents)
	contents = d.contentsPages(func(m *mark) string { return fmt.Sprint(m.page + d.ncover + 1) })
	for _, m := range d.marks {
		if m.page >= 0 {
			m.page += d.ncover
		}
	}
	d.pages = append(d.pages, d.cover())
	d.pages = append(d.pages, contents...)
	d.pages = append(d.pages, body.pages...)
	d.finish()
	d.fonts.join()
	if d.fonts.err != nil {
		return nil, fmt.Errorf("pdf: %w", d.fonts.err)
	}
	if pdf.Err() {
		return nil, fmt.Errorf("pdf: %w", pdf.Error())
	}
	return d, nil
}

// builder collects boxes into bands.
type builder struct {
	d       *doc
	bands   []*band
	cur     *band
	newPage bool
}

func (b *builder) add(bs ...*box) {
	if b.cur == nil {
		b.cur = &band{cols: []*column{{w: b.d.geo.tw}}, newPage: b.newPage}
		b.newPage = false
		b.bands = append(b.bands, b.cur)
	}
	c := b.cur.cols[0]
	c.boxes = append(c.boxes, bs...)
}

func (b *builder) space(h float64) { b.add(&box{h: h, space: true}) }

// addBand appends a multi-column band. The boxes at the end of the
// current band that must stay with what follows (a heading, a caption)
// move into the new band's intro.
func (b *builder) addBand(nb *band) {
	if b.cur != nil {
		c := b.cur.cols[0]
		k := len(c.boxes)
		for k > 0 && c.boxes[k-1].keep {
			k--
		}
		carried := append([]*box(nil), c.boxes[k:]...)
		c.boxes = c.boxes[:k]
		nb.intro = append(carried, nb.intro...)
	}
	if b.newPage {
		nb.newPage = true
		b.newPage = false
	}
	b.bands = append(b.bands, nb)
	b.cur = nil
}

// build turns the frameworks into bands, each framework starting a page.
func (d *doc) build() []*band {
	b := &builder{d: d}
	for _, fw := range d.p.Frameworks {
		if fw == nil {
			continue
		}
		b.newPage = true
		b.cur = nil
		d.tags.sect = d.tags.el(nil, "Sect")
		b.add(d.frameworkTitle(fw)...)
		prev := report.BlockKind(0)
		for i := range fw.Blocks {
			if d.addBlock(b, &fw.Blocks[i], prev) {
				prev = fw.Blocks[i].Kind
			}
		}
	}
	return b.bands
}

// frameworkTitle sets a framework's title over a rule, anchors its
// contents entry, and keeps it with what follows.
func (d *doc) frameworkTitle(fw *report.Framework) []*box {
	tw := d.geo.tw
	title := tagBoxes(d.textBoxes(plain(fw.Title), stTitle, 0, tw), d.tags.el(d.tags.sect, "H1"))
	if len(title) > 0 {
		title[0].marks = append(title[0].marks, d.newMark(fw.Title, 0, true))
		last := title[len(title)-1]
		last.ops = append(last.ops, op{kind: opLine, x: 0, y: last.h + s1, w: tw, color: navy, width: 0.5})
		last.h += s4
		for _, t := range title {
			t.keep = true
		}
	}
	return title
}

// addBlock sets blk after a block of kind prev (0 at the start of a
// framework), with the space between them, and reports whether it set
// anything: a block with nothing to draw leaves no space either.
func (d *doc) addBlock(b *builder, blk *report.Block, prev report.BlockKind) bool {
	switch blk.Kind {
	case report.Paragraph:
		if prev != 0 && prev != report.Heading {
			b.space(s2)
		}
		b.add(tagBoxes(d.textBoxes(blk.Text, stBody, 0, d.measure), d.tags.el(d.tags.sect, "P"))...)
		return true
	case report.Heading:
		if prev != 0 {
			b.space(s4)
		}
		hs := tagBoxes(d.textBoxes(blk.Text, stHeading, 0, d.measure), d.tags.el(d.tags.sect, "H2"))
		d.headingBoxes(hs, d.newMark(blk.Text.Plain(), 1, true))
		b.add(hs...)
		return true
	}
	if !d.drawsBlock(blk) {
		return false
	}
	if prev != 0 {
		b.space(s4)
	}
	switch blk.Kind {
	case report.TableBlock:
		b.add(d.tableBoxes(blk.Table)...)
	case report.FigureBlock:
		b.add(d.figureBoxes(blk.Figure)...)
	case report.GridBlock:
		d.gridBands(b, blk.Grid)
	case report.ColumnsBlock:
		b.addBand(d.columnsBand(blk.Columns))
	case report.ReferencesBlock, report.LinksBlock:
		d.listBoxes(b, blk)
	}
	return true
}

// drawsBlock reports whether a block other than text has something to
// draw: its table, figure (when the options draw figures), grid, columns
// or items.
func (d *doc) drawsBlock(blk *report.Block) bool {
	switch blk.Kind {
	case report.TableBlock:
		return blk.Table != nil
	case report.FigureBlock:
		return blk.Figure != nil && d.opt.Figures != nil
	case report.GridBlock:
		return blk.Grid != nil
	case report.ColumnsBlock:
		return blk.Columns != nil
	case report.ReferencesBlock, report.LinksBlock:
		return len(blk.Items) > 0
	}
	return false
}

// headingBoxes makes heading lines keep with what follows, adds the space
// under them, and anchors m on the first.
func (d *doc) headingBoxes(hs []*box, m *mark) {
	if len(hs) == 0 {
		return
	}
	if m != nil {
		hs[0].marks = append(hs[0].marks, m)
	}
	for _, h := range hs {
		h.keep = true
	}
	hs[len(hs)-1].h += s1
}

// columnsBand sets the outward items, then the inward ones, as one text
// flowing through two columns: set side by side, two texts of different
// lengths leave a hole under the shorter one, while a flowed text ends
// with balanced columns and reads in its logical order.
func (d *doc) columnsBand(c *report.Columns) *band {
	const gap = 7.0
	cw := (d.geo.tw - gap) / 2
	l := d.p.Labels
	var boxes []*box
	for i, part := range []struct {
		label string
		items []report.Item
	}{{l.Outward, c.Outward}, {l.Inward, c.Inward}} {
		if i > 0 {
			boxes = append(boxes, &box{h: s3, space: true})
		}
		head := d.columnHead(part.label, cw)
		tagOps(head.ops, d.tags.el(d.tags.sect, "H2"))
		boxes = append(boxes, head)
		boxes = append(boxes, d.itemBoxes(part.items, stBody, stSub, cw, part.label, d.tags.sect)...)
	}
	return &band{
		cols: []*column{{x: 0, w: cw, boxes: boxes}, {x: cw + gap, w: cw}},
		flow: true,
		fragment: func(pg *page, y0, y1 float64, first, last bool) {
			if y1 > y0 {
				pg.ops = append(pg.ops, op{kind: opLine, x: d.geo.left + cw + gap/2, y: y0, h: y1 - y0, color: rule, width: 0.2})
			}
		},
	}
}

// columnHead is the ruled heading of one side of a columns block, kept
// with what follows it.
func (d *doc) columnHead(label string, w float64) *box {
	h := &box{h: 8.5, keep: true}
	ls := d.breakLines(d.words(plain(label), stColHead), w, w, false)
	if len(ls) > 0 {
		h.ops = append(h.ops, d.lineOps(ls[0], stColHead, 0, 5, w)...)
	}
	h.ops = append(h.ops, op{kind: opLine, x: 0, y: 6.6, w: w, color: navy, width: 0.35})
	return h
}

// itemBoxes sets column or cell items in width mm, as elements under
// parent. When section is set, headings get outline entries below an
// entry named section and are headings of the third level; in a table
// cell (no section) they are paragraphs set as headings, since a cell's
// heading heads no section of the document.
func (d *doc) itemBoxes(items []report.Item, st, hst style, width float64, section string, parent *node) []*box {
	var out []*box
	var outlined bool
	prev := report.ItemKind(0)
	for _, it := range items {
		switch it.Kind {
		case report.ItemHeading:
			if prev != 0 {
				out = append(out, &box{h: s3, space: true})
			}
			role := "P"
			if section != "" {
				role = "H3"
			}
			hs := tagBoxes(d.textBoxes(it.Text, hst, 0, width), d.tags.el(parent, role))
			var m *mark
			if section != "" {
				if !outlined {
					if len(hs) > 0 {
						hs[0].marks = append(hs[0].marks, d.newMark(section, 1, false))
					}
					outlined = true
				}
				m = d.newMark(it.Text.Plain(), 2, false)
			}
			d.headingBoxes(hs, m)
			out = append(out, hs...)
		case report.ItemParagraph:
			if prev != 0 && prev != report.ItemHeading {
				out = append(out, &box{h: s2, space: true})
			}
			out = append(out, tagBoxes(d.textBoxes(it.Text, st, 0, width), d.tags.el(parent, "P"))...)
		case report.ItemList:
			if prev != 0 && prev != report.ItemHeading {
				out = append(out, &box{h: s2, space: true})
			}
			list := d.tags.el(parent, "L")
			for i, t := range it.List {
				if i > 0 {
					out = append(out, &box{h: s1, space: true})
				}
				out = append(out, d.bulletBoxes(t, st, width, d.tags.el(list, "LI"))...)
			}
		default:
			continue
		}
		prev = it.Kind
	}
	return out
}

// bulletBoxes sets one bullet of a list, as list item li: the bullet its
// label, the text its body.
func (d *doc) bulletBoxes(t report.Text, st style, width float64, li *node) []*box {
	const indent = 4.0
	lbl := d.tags.el(li, "Lbl")
	bs := tagBoxes(d.textBoxes(t, st, indent, width-indent), d.tags.el(li, "LBody"))
	if len(bs) == 0 || len(bs[0].ops) == 0 {
		return bs
	}
	first := bs[0].ops[0]
	bullet := op{kind: opText, x: 0.8, y: baseline(st), w: d.fonts.width(st.face, st.size, "•"),
		face: st.face, size: st.size, color: st.color, text: d.fonts.sanitize(st.face, "•"), line: first.line, tag: lbl}
	bs[0].ops[0].sep = true
	bs[0].ops = append([]op{bullet}, bs[0].ops...)
	return bs
}

// listBoxes sets references or links under their heading, as a list.
func (d *doc) listBoxes(b *builder, blk *report.Block) {
	tw := d.measure
	l := d.p.Labels
	title := l.References
	st := stRef
	if blk.Kind == report.LinksBlock {
		title = l.Links
		st.hang = 0
		st.justify = false
	}
	if title != "" {
		hs := tagBoxes(d.textBoxes(plain(title), stSub, 0, tw), d.tags.el(d.tags.sect, "H2"))
		d.headingBoxes(hs, d.newMark(title, 1, true))
		b.add(hs...)
	}
	list := d.tags.el(d.tags.sect, "L")
	for i, it := range blk.Items {
		if i > 0 {
			b.space(s1)
		}
		b.add(tagBoxes(d.textBoxes(it, st, 0, tw), d.tags.el(d.tags.el(list, "LI"), "LBody"))...)
	}
}

// figureBoxes reserves the figure's boxes (one per panel, see panels),
// its caption and sources. A panel that starts a page is headed by the
// caption marked as continued.
func (d *doc) figureBoxes(f *report.Figure) []*box {
	tw := d.geo.tw
	l := d.p.Labels
	cap := f.NumberedTitle(l)
	var cont []*box
	if l.Continued != "" {
		cont = d.textBoxes(plain(cap+" ("+l.Continued+")"), stCaption, 0, tw)
	}
	fig := d.tags.el(d.tags.sect, "Figure")
	fig.alt = f.AltText(l)
	caption := d.tags.el(fig, "Caption")
	var out []*box
	panels := d.panels(f, tw)
	for i, p := range panels {
		fb := &box{h: p.h + s2, ops: []op{{kind: opFigure, x: 0, y: 0, w: tw, h: p.h, fig: p.fig, tag: fig}}}
		if i == 0 {
			fb.marks = append(fb.marks, d.newMark(cap, 1, true))
		} else {
			fb.repeat = cont
		}
		out = append(out, fb)
	}
	out = append(out, d.textBoxes(plain(cap), stCaption, 0, tw)...)
	if f.Caption != "" {
		cs := stSource
		cs.face = sansItalic
		cs.color = ink
		out = append(out, d.textBoxes(plain(f.Caption), cs, 0, tw)...)
	}
	srcs := f.Sources
	if len(srcs) == 0 && f.Table != nil {
		srcs = f.Table.Sources
	}
	out = append(out, d.sourceBoxes(srcs, nil, "", 0, tw)...)
	tagBoxes(out[len(panels):], caption)
	// The last panel keeps with the caption and sources.
	for _, b := range out[len(panels)-1 : len(out)-1] {
		b.keep = true
	}
	return out
}

// panel is one drawing of a figure and its height.
type panel struct {
	fig *report.Figure
	h   float64
}

// panels divides figure f, drawn w mm wide, into as few panels as keep
// each within report.MaxBars bars and maxFigure of the text block's
// height: a figure's height follows its number of bars, up to that. With
// no drawer, it is one panel of a fixed shape.
func (d *doc) panels(f *report.Figure, w float64) []panel {
	if d.opt.Figures == nil {
		return []panel{{f, w * 0.55}}
	}
	most := (d.geo.bottom - d.geo.top) * maxFigure
	n := 1
	if data, err := f.Data(); err == nil {
		n = max(1, (len(data.Categories)*len(data.Series)+report.MaxBars-1)/report.MaxBars)
	}
	for ; ; n++ {
		figs := f.Panels(n)
		ps := make([]panel, len(figs))
		fits := true
		for i, pf := range figs {
			h := d.opt.Figures.Height(pf, w)
			if h <= 0 {
				h = w * 0.55
			}
			fits = fits && h <= most
			ps[i] = panel{pf, min(h, most)}
		}
		if fits || len(figs) < n {
			return ps
		}
	}
}

// maxFigure is the largest share of the text block's height one drawing
// of a figure takes.
const maxFigure = 0.7

// sourceBoxes sets a table's or figure's sources and notes, and the
// legend of the symbols a table uses ("" for none).
func (d *doc) sourceBoxes(srcs []report.Source, notes []report.Text, legend string, x, w float64) []*box {
	l := d.p.Labels
	out := d.sourceNote(srcs, x, w)
	if len(notes) > 0 {
		out = append(out, d.textBoxes(prefixed(l, l.Notes, report.JoinNotes(notes)), stSource, x, w)...)
	}
	if legend != "" {
		out = append(out, d.textBoxes(plain(legend), stSource, x, w)...)
	}
	if len(out) > 0 {
		out[0].h += s1
		// Shift the first line down by the space added above it.
		for i := range out[0].ops {
			out[0].ops[i].y += s1
		}
	}
	return out
}
