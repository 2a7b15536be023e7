package xlsx

import (
	"encoding/xml"
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/migprofile/migprofile/report"
)

// styleKey describes a cell style; equal keys share one style.
type styleKey struct {
	size   float64 // font size; 0 = default
	bold   bool
	wrap   bool
	right  bool
	top    bool
	link   bool
	indent int
	numFmt string
}

// The workbook's font and the sizes of its headings (the GSS anchors,
// gptables and a11ytables, use Arial 12 with 16pt bold titles).
const (
	fontFamily  = "Arial"
	sizeText    = 12
	sizeTitle   = 16
	sizeSection = 14
)

// style returns the id of the style k, creating it once. Every style
// names the workbook's font, so that no cell falls back to the default
// Calibri.
func (b *builder) style(k styleKey) (int, error) {
	if id, ok := b.styles[k]; ok {
		return id, nil
	}
	st := &excelize.Style{Font: &excelize.Font{Bold: k.bold, Size: k.size, Family: fontFamily}}
	if k.size == 0 {
		st.Font.Size = sizeText
	}
	if k.link {
		st.Font.Color = "0563C1"
		st.Font.Underline = "single"
	}
	if k.wrap || k.right || k.top || k.indent > 0 {
		st.Alignment = &excelize.Alignment{WrapText: k.wrap, Indent: k.indent}
		switch {
		case k.right:
			st.Alignment.Horizontal = "right"
		case k.indent > 0:
			st.Alignment.Horizontal = "left" // indent needs an alignment
		}
		if k.top {
			st.Alignment.Vertical = "top"
		}
	}
	if k.numFmt != "" {
		f := k.numFmt
		st.CustomNumFmt = &f
	}
	id, err := b.f.NewStyle(st)
	if err != nil {
		return 0, fmt.Errorf("xlsx: style: %w", err)
	}
	b.styles[k] = id
	return id, nil
}

// sheetWriter writes cells into one worksheet and keeps the first error.
type sheetWriter struct {
	b     *builder
	name  string
	err   error
	width map[int]int // widest text per column, in characters

	maxCol, maxRow int
	wrapped        []wrappedCell
	colWidth       map[int]float64
	// rowSize is the largest font size on each row, for its height.
	rowSize map[int]float64
	// freeze is the header row that stays in view (0: none).
	freeze int
	// cells records what was written, for chart caches (nil: not kept).
	cells map[pos]cached
}

// cached is a cell's value as a chart's cache holds it.
type cached struct {
	text string
	num  bool
}

// wrappedCell is a cell whose text wraps: its row's height depends on it.
type wrappedCell struct {
	col, row int
	text     string
	size     float64
	bold     bool
}

func (b *builder) newSheet(name string) (*sheetWriter, error) {
	if _, err := b.f.GetSheetIndex(name); err != nil {
		return nil, fmt.Errorf("xlsx: sheet %q: %w", name, err)
	}
	if idx, _ := b.f.GetSheetIndex(name); idx < 0 {
		if _, err := b.f.NewSheet(name); err != nil {
			return nil, fmt.Errorf("xlsx: sheet %q: %w", name, err)
		}
	}
	return &sheetWriter{b: b, name: name, width: make(map[int]int), colWidth: make(map[int]float64), rowSize: make(map[int]float64)}, nil
}

func (s *sheetWriter) fail(err error) {
	if err != nil && s.err == nil {
		s.err = fmt.Errorf("xlsx: sheet %q: %w", s.name, err)
	}
}

func (s *sheetWriter) setStyle(col, row int, k styleKey) {
	if s.err != nil {
		return
	}
	id, err := s.b.style(k)
	if err != nil {
		s.fail(err)
		return
	}
	c := cell(col, row)
	s.fail(s.b.f.SetCellStyle(s.name, c, c, id))
}

// str stores v as text (never as a formula or number), styled k.
func (s *sheetWriter) str(col, row int, v string, k styleKey) {
	if s.err != nil {
		return
	}
	v = clean(v)
	s.fail(s.b.f.SetCellStr(s.name, cell(col, row), v))
	s.setStyle(col, row, k)
	s.measure(col, v, k.indent)
	s.used(col, row)
	size := k.size
	if size == 0 {
		size = sizeText
	}
	s.rowSize[row] = max(s.rowSize[row], size)
	if k.wrap {
		s.wrapped = append(s.wrapped, wrappedCell{col, row, v, size, k.bold})
	}
	if s.cells != nil {
		s.cells[pos{col, row}] = cached{text: v}
	}
}

func (s *sheetWriter) used(col, row int) {
	s.maxCol, s.maxRow = max(s.maxCol, col), max(s.maxRow, row)
}

// measure records the width that v needs in column col.
func (s *sheetWriter) measure(col int, v string, indent int) {
	w := 0
	for line := range strings.SplitSeq(v, "\n") {
		w = max(w, utf8.RuneCountInString(line))
	}
	w += 2 * indent
	if w > s.width[col] {
		s.width[col] = w
	}
}

// number stores a numeric cell as the number published, with style k.
func (s *sheetWriter) number(col, row int, n report.Cell, k styleKey) {
	if s.err != nil {
		return
	}
	c := cell(col, row)
	if n.Decimals == 0 {
		s.fail(s.b.f.SetCellInt(s.name, c, n.Units))
	} else {
		v, _ := n.Value()
		s.fail(s.b.f.SetCellFloat(s.name, c, v, -1, 64))
	}
	s.setStyle(col, row, k)
	s.used(col, row)
	s.rowSize[row] = max(s.rowSize[row], sizeText)
	s.measure(col, strconv.FormatInt(n.Units, 10)+strings.Repeat("0", max(0, 2-n.Decimals)), 0)
	if s.cells != nil {
		v, _ := n.Value()
		s.cells[pos{col, row}] = cached{text: strconv.FormatFloat(v, 'f', -1, 64), num: true}
	}
}

// link makes a cell a hyperlink, to a place in the workbook (location
// true) or to a web address.
func (s *sheetWriter) link(col, row int, target string, location bool) {
	if s.err != nil {
		return
	}
	kind := "External"
	if location {
		kind = "Location"
	}
	s.fail(s.b.f.SetCellHyperLink(s.name, cell(col, row), target, kind))
}

// colWidths sets each measured column's width, clamped to [lo, hi].
func (s *sheetWriter) colWidths(cols int, lo, hi func(col int) int) {
	for c := 1; c <= cols && s.err == nil; c++ {
		w := min(max(s.width[c]+1, lo(c)), hi(c))
		name, _ := excelize.ColumnNumberToName(c)
		s.fail(s.b.f.SetColWidth(s.name, name, name, float64(w)))
		s.colWidth[c] = float64(w)
	}
}

// lineHeight is the height in points of a line of text at a font size:
// Excel's rows are 15.75pt for Arial 12 and 21pt for 16pt.
func lineHeight(size float64) float64 {
	return math.Ceil(size*1.3*4) / 4
}

// finish sets every row's height from the lines its text takes at its
// font size (spreadsheet programs do not always recompute them, and a
// title in a row of default height is clipped when printed), the sheet's
// dimension, the frozen header, and selects the first cell below it.
func (s *sheetWriter) finish() error {
	lines := map[int]int{}
	for _, w := range s.wrapped {
		width := s.colWidth[w.col]
		if width == 0 {
			width = 8.43
		}
		n := wrappedLinesAt(w.text, width, w.size, w.bold)
		lines[w.row] = max(lines[w.row], n)
	}
	for row := 1; row <= s.maxRow && s.err == nil; row++ {
		size := s.rowSize[row]
		if size == 0 {
			continue
		}
		h := float64(max(lines[row], 1)) * lineHeight(size)
		s.fail(s.b.f.SetRowHeight(s.name, row, min(h, 409)))
	}
	if s.err == nil && s.maxRow > 0 {
		s.fail(s.b.f.SetSheetDimension(s.name, "A1:"+cell(s.maxCol, s.maxRow)))
	}
	s.printLayout()
	if s.err != nil {
		return s.err
	}
	if s.freeze > 0 && s.freeze < s.maxRow {
		first := cell(1, s.freeze+1)
		s.fail(s.b.f.SetPanes(s.name, &excelize.Panes{
			Freeze: true, YSplit: s.freeze, TopLeftCell: first, ActivePane: "bottomLeft",
			Selection: []excelize.Selection{{SQRef: first, ActiveCell: first, Pane: "bottomLeft"}},
		}))
		return s.err
	}
	s.fail(s.b.f.SetPanes(s.name, &excelize.Panes{
		Selection: []excelize.Selection{{SQRef: "A1", ActiveCell: "A1"}},
	}))
	return s.err
}

// printLayout prints the sheet landscape, as wide as one page and as long
// as it takes, so that no column is cut off onto a page of its own.
func (s *sheetWriter) printLayout() {
	if s.err != nil {
		return
	}
	landscape, wide, long := "landscape", 1, 0
	s.fail(s.b.f.SetPageLayout(s.name, &excelize.PageLayoutOptions{Orientation: &landscape, FitToWidth: &wide, FitToHeight: &long}))
	fit := true
	s.fail(s.b.f.SetSheetProps(s.name, &excelize.SheetPropsOptions{FitToPage: &fit}))
}

// addTable marks up a range as an Excel table.
func (s *sheetWriter) addTable(name string, fromCol, fromRow, toCol, toRow int) {
	if s.err != nil {
		return
	}
	stripes := false
	s.fail(s.b.f.AddTable(s.name, &excelize.Table{
		Range:          cell(fromCol, fromRow) + ":" + cell(toCol, toRow),
		Name:           name,
		StyleName:      "TableStyleLight1",
		ShowRowStripes: &stripes,
	}))
	if s.err == nil {
		s.fail(s.b.setAside(name))
	}
}

// escapeAttr escapes s for an XML attribute value.
func escapeAttr(s string) string {
	var sb strings.Builder
	_ = xml.EscapeText(&sb, []byte(s))
	return sb.String()
}
