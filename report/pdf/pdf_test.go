package pdf

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"maps"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"github.com/migprofile/migprofile/report"
	"github.com/migprofile/migprofile/report/load"
	"github.com/migprofile/migprofile/report/reporttest"
)

var (
	update  = flag.Bool("update", false, "rewrite the golden files under testdata/")
	outFile = flag.String("out", "", "also write the Mali PDF (and its layout log) to this file, for viewing")
)

var testDate = time.Date(2010, 5, 1, 0, 0, 0, 0, time.UTC)

// frames stands in for charts.PDF: a framed box of the default height,
// or the error err.
type frames struct{ err error }

func (frames) Height(*report.Figure, float64) float64 { return 0 }

func (fr frames) Draw(pdf *fpdf.Fpdf, f *report.Figure, x, y, w, h float64) error {
	if fr.err != nil {
		return fr.err
	}
	pdf.SetDrawColor(120, 120, 120)
	pdf.SetLineWidth(0.3)
	pdf.Rect(x, y, w, h, "D")
	return nil
}

func render(tb testing.TB, p *report.Profile, opt Options) []byte {
	tb.Helper()
	var buf bytes.Buffer
	if err := Render(&buf, p, opt); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

func layoutOf(tb testing.TB, p *report.Profile, opt Options) *doc {
	tb.Helper()
	d, err := layout(p, opt)
	if err != nil {
		tb.Fatal(err)
	}
	return d
}

func TestWriteMali(t *testing.T) {
	if *outFile == "" {
		t.Skip("no -out")
	}
	p := reporttest.Mali(t)
	opt := Options{Date: testDate, Figures: frames{}}
	if err := os.WriteFile(*outFile, render(t, p, opt), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(*outFile+".log", []byte(layoutOf(t, p, opt).layoutLog()), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestGolden compares the layout log (page count, outline, the text lines
// of each page in drawing order) with testdata/*.golden.
func TestGolden(t *testing.T) {
	tests := []struct {
		name string
		p    func(testing.TB) *report.Profile
		opt  Options
	}{
		{"mali", reporttest.Mali, Options{Figures: frames{}}},
		{"mali-letter-nofigures", reporttest.Mali, Options{PageSize: "Letter"}},
		{"long", longProfile, Options{Figures: frames{}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := layoutOf(t, tt.p(t), tt.opt).layoutLog()
			reporttest.Golden(t, filepath.Join("testdata", tt.name+".golden"), []byte(got), *update)
		})
	}
}

func TestDeterministic(t *testing.T) {
	tests := []struct {
		name string
		p    func(testing.TB) *report.Profile
	}{
		{"mali", reporttest.Mali},
		{"long", longProfile},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := tt.p(t)
			opt := Options{Date: testDate, Figures: frames{}}
			a := render(t, p, opt)
			for range 3 {
				if b := render(t, p, opt); !bytes.Equal(a, b) {
					t.Fatal("two renders of the same profile differ")
				}
			}
		})
	}
}

func TestDate(t *testing.T) {
	p := reporttest.Mali(t)
	tests := []struct {
		name string
		opt  Options
		want string
	}{
		{"from options", Options{Date: time.Date(2021, 3, 4, 5, 6, 7, 0, time.UTC)}, "D:20210304050607"},
		{"from the profile", Options{}, "D:20100501000000"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := render(t, p, tt.opt)
			if got := bytes.Count(out, []byte(tt.want)); got != 2 {
				t.Errorf("found %q %d times, want 2 (creation and modification)", tt.want, got)
			}
		})
	}
}

func TestMetadata(t *testing.T) {
	p := reporttest.Mali(t)
	out := render(t, p, Options{Date: testDate})
	for _, want := range []string{"/Lang (" + p.Meta.Language + ")", "/Title ", "/Author ", "/Subject ", "/Keywords ", "/Outlines", "/URI "} {
		if !bytes.Contains(out, []byte(want)) {
			t.Errorf("PDF lacks %q", want)
		}
	}
}

func TestPageSize(t *testing.T) {
	p := reporttest.Mali(t)
	tests := []struct {
		size    string
		w, h    float64
		wantErr bool
	}{
		{"", 210, 297, false},
		{"A4", 210, 297, false},
		{"Letter", 215.9, 279.4, false},
		{"A5", 0, 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.size, func(t *testing.T) {
			d, err := layout(p, Options{PageSize: tt.size})
			if tt.wantErr {
				if err == nil {
					t.Fatal("got no error")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if d.geo.pw != tt.w || d.geo.ph != tt.h {
				t.Errorf("page %gx%g, want %gx%g", d.geo.pw, d.geo.ph, tt.w, tt.h)
			}
			checkPages(t, d)
		})
	}
}

// TestPublishedNumbers checks that every number of the five tables is
// drawn, as published.
func TestPublishedNumbers(t *testing.T) {
	p := reporttest.Mali(t)
	d := layoutOf(t, p, Options{})
	cells := map[string]bool{}
	for _, pg := range d.pages {
		for _, o := range pg.ops {
			if o.kind == opText {
				cells[o.text] = true
			}
		}
	}
	for _, n := range reporttest.PrintedNumbers() {
		if !cells[n] {
			t.Errorf("number %q is not drawn as one cell", n)
		}
	}
}

// TestExtractedText reads the PDF back with pdftotext, when installed:
// every published number and the accented names must come back.
func TestExtractedText(t *testing.T) {
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext not installed")
	}
	p := reporttest.Mali(t)
	file := filepath.Join(t.TempDir(), "mali.pdf")
	if err := os.WriteFile(file, render(t, p, Options{Date: testDate}), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "-raw", file, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	text := string(out)
	for _, n := range reporttest.PrintedNumbers() {
		if !strings.Contains(text, n) {
			t.Errorf("pdftotext lacks %q", n)
		}
	}
	for _, s := range []string{"Recensement Administratif à Caractère Electoral", "Enquête Migration et Urbanisation", "Réseau Migrations et Urbanisation en Afrique de l’Ouest"} {
		if !strings.Contains(text, s) {
			t.Errorf("pdftotext lacks %q", s)
		}
	}
}

// checkPages checks what every page must satisfy: body text inside the
// page, footnotes on the page of their citation.
func checkPages(t *testing.T, d *doc) {
	t.Helper()
	for i, pg := range d.pages {
		for _, o := range pg.ops {
			if o.kind != opText {
				continue
			}
			if o.x < d.geo.left-0.01 || o.x+o.w > d.geo.right+0.5 || o.y < 0 || o.y > d.geo.ph {
				t.Errorf("page %d: %q at (%.1f, %.1f) is outside the text block", i+1, o.text, o.x, o.y)
			}
		}
		if pg.cover {
			continue
		}
		// The body stays above the footnotes.
		limit := d.geo.bottom - d.notesHeight(pg.notes)
		for _, o := range pg.ops[pg.body[0]:pg.body[1]] {
			if o.kind == opText && o.y > limit+0.01 {
				t.Errorf("page %d: %q at y %.1f runs into the footnotes (from %.1f)", i+1, o.text, o.y, limit)
			}
		}
	}
}

func TestInvariantsMali(t *testing.T) {
	checkPages(t, layoutOf(t, reporttest.Mali(t), Options{Figures: frames{}}))
}

// pageOf returns the 1-based page whose lines contain s, or 0.
func pageOf(d *doc, s string) int {
	for i, pg := range d.pages {
		for _, l := range pageLines(pg) {
			if strings.Contains(l, s) {
				return i + 1
			}
		}
	}
	return 0
}

func TestLongColumns(t *testing.T) {
	d := layoutOf(t, longProfile(t), Options{Figures: frames{}})
	checkPages(t, d)

	t.Run("columns flow across pages", func(t *testing.T) {
		first, last := pageOf(d, "Left 1 "), pageOf(d, "Right 20 ")
		if first == 0 || last <= first {
			t.Fatalf("columns from page %d to %d, want several pages", first, last)
		}
	})
	t.Run("outward, then inward, in reading order", func(t *testing.T) {
		if l, r := pageOf(d, "Left 80 "), pageOf(d, "Right 1 "); r < l {
			t.Errorf("inward starts on page %d, before outward ends on page %d", r, l)
		}
		for i, pg := range d.pages {
			seenRight := false
			for _, l := range pageLines(pg) {
				if strings.HasPrefix(l, "Right ") {
					seenRight = true
				}
				if strings.HasPrefix(l, "Left ") && seenRight {
					t.Fatalf("page %d: outward line %q drawn after an inward one", i+1, l)
				}
			}
		}
	})
	t.Run("full pages fill both columns", func(t *testing.T) {
		for n := pageOf(d, "Left 1 ") + 1; n < pageOf(d, "Right 20 "); n++ {
			l, r := columnFeet(d, d.pages[n-1], d.geo.ph)
			if r == 0 || l-r > 12 || r-l > 12 {
				t.Errorf("page %d: columns end at %.1f and %.1f mm", n, l, r)
			}
		}
	})
	t.Run("the last page's columns are balanced", func(t *testing.T) {
		n := pageOf(d, "Right 20 ")
		pg := d.pages[n-1]
		l, r := columnFeet(d, pg, opY(pg, "After the columns"))
		// Near-equal: within two lines of body text and a heading.
		if diff := math.Abs(l - r); r == 0 || diff > 12 {
			t.Errorf("page %d: columns end at %.1f and %.1f mm (%.1f apart)", n, l, r, diff)
		}
	})
	t.Run("the section ends below the columns", func(t *testing.T) {
		if after := pageOf(d, "After the columns"); after < pageOf(d, "Right 20 ") {
			t.Errorf("the paragraph after the columns is on page %d, before the columns end", after)
		}
	})
	t.Run("footnotes on the citing page", func(t *testing.T) {
		for _, id := range []string{"L", "R"} {
			cite := pageOf(d, "cite"+id)
			note := pageOf(d, "Note text "+id)
			if cite == 0 || cite != note {
				t.Errorf("note %s cited on page %d, printed on page %d", id, cite, note)
			}
		}
	})
	t.Run("table header repeats", func(t *testing.T) {
		first, last := pageOf(d, "Row 1 "), pageOf(d, "Row 150 ")
		if last <= first {
			t.Fatalf("table on pages %d–%d, want a page break", first, last)
		}
		for n := first; n <= last; n++ {
			found := 0
			for _, l := range pageLines(d.pages[n-1]) {
				if l == "Count" || l == "Share" {
					found++
				}
			}
			if found != 2 {
				t.Errorf("page %d: table header not repeated", n)
			}
		}
	})
	t.Run("no heading alone at a page foot", func(t *testing.T) {
		for i, pg := range d.pages {
			ls := pageLines(pg)
			// The last body line is before the footnotes and the footer.
			for j, l := range ls {
				if strings.HasPrefix(l, "Heading ") && j+1 < len(ls) && strings.HasPrefix(ls[j+1], "Page ") {
					t.Errorf("page %d ends with heading %q", i+1, l)
				}
			}
		}
	})
}

// columnFeet returns the lowest baselines of body text above y in the
// left and the right half of page pg (0 when a half has none).
func columnFeet(d *doc, pg *page, y float64) (left, right float64) {
	mid := d.geo.left + d.geo.tw/2
	for _, o := range pg.ops[pg.body[0]:pg.body[1]] {
		if o.kind != opText || o.y >= y {
			continue
		}
		if o.x < mid {
			left = max(left, o.y)
		} else {
			right = max(right, o.y)
		}
	}
	return left, right
}

// opY is the baseline of the first text run of pg that starts with s, or
// the page's height when none does.
func opY(pg *page, s string) float64 {
	for _, o := range pg.ops {
		if o.kind == opText && strings.HasPrefix(o.text, s) {
			return o.y
		}
	}
	return math.Inf(1)
}

func TestOddText(t *testing.T) {
	tests := []struct {
		name string
		text string
	}{
		{"emoji", "Migration 🚀 and 👩‍👩‍👧 families"},
		{"control characters", "tab\there, bell\a, nul\x00, newline\nend"},
		{"invalid UTF-8", "bad \xff\xfe bytes"},
		{"bidi and zero-width", "a\u202eb\u200bc\ufeffd"},
		{"very long word", strings.Repeat("x", 3000)},
		{"very long URL", "http://example.org/" + strings.Repeat("path/", 300)},
		{"CJK", "移民 プロファイル"},
		{"empty", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := smallProfile(tt.text)
			var buf bytes.Buffer
			err := Render(&buf, p, Options{Date: testDate})
			if refused(err) {
				return // refused with positions: never cut or overprinted
			}
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.HasPrefix(buf.Bytes(), []byte("%PDF-")) {
				t.Fatal("not a PDF")
			}
			checkPages(t, layoutOf(t, p, Options{}))
		})
	}
}

func TestErrors(t *testing.T) {
	boom := errors.New("boom")
	tests := []struct {
		name string
		p    *report.Profile
		opt  Options
		want error
	}{
		{"nil profile", nil, Options{}, nil},
		{"bad page size", smallProfile("x"), Options{PageSize: "B5"}, nil},
		{"figure fails", reporttest.Mali(t), Options{Figures: frames{err: boom}}, boom},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := Render(&bytes.Buffer{}, tt.p, tt.opt)
			if err == nil {
				t.Fatal("got no error")
			}
			if !strings.HasPrefix(err.Error(), "pdf: ") {
				t.Errorf("error %q lacks the package prefix", err)
			}
			if tt.want != nil && !errors.Is(err, tt.want) {
				t.Errorf("error %v does not wrap %v", err, tt.want)
			}
		})
	}
}

func BenchmarkPDF(b *testing.B) {
	p := reporttest.Mali(b)
	opt := Options{Date: testDate, Figures: frames{}}
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if err := Render(&buf, p, opt); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(int64(buf.Len()))
}

// TestContents checks that each contents entry shows the page its target
// is on, and that the target's page shows its title.
func TestContents(t *testing.T) {
	d := layoutOf(t, reporttest.Mali(t), Options{Figures: frames{}})
	var contents []string
	for _, pg := range d.pages[1:d.ncover] {
		contents = append(contents, pageLines(pg)...)
	}
	joined := strings.Join(contents, " ")
	n := 0
	for _, m := range d.marks {
		if !m.contents {
			continue
		}
		n++
		if want := fmt.Sprintf("%s %d", m.title, m.page+1); !strings.Contains(joined, want) {
			t.Errorf("contents lack %q", want)
		}
		head := m.title
		if len(head) > 30 {
			head = head[:30]
		}
		if got := pageOfFrom(d, head, d.ncover); got != m.page+1 {
			t.Errorf("%q is on page %d, contents say %d", m.title, got, m.page+1)
		}
	}
	if want := len(d.p.Frameworks) + len(d.p.Tables) + len(d.p.Grids); n < want {
		t.Errorf("contents have %d entries, want at least %d (frameworks and tables)", n, want)
	}
}

// pageOfFrom is pageOf, ignoring the first skip pages.
func pageOfFrom(d *doc, s string, skip int) int {
	for i := skip; i < len(d.pages); i++ {
		for _, l := range pageLines(d.pages[i]) {
			if strings.Contains(l, s) {
				return i + 1
			}
		}
	}
	return 0
}

// FuzzText renders arbitrary text everywhere text goes: it must never
// panic nor fail, and must stay inside the page.
func FuzzText(f *testing.F) {
	for _, s := range []string{"", "plain", "émoji 🚀", "\x00\t\n", strings.Repeat("w", 500), "a\u202eb"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p := smallProfile(s)
		if err := Render(&bytes.Buffer{}, p, Options{Date: testDate}); err != nil && !refused(err) {
			t.Fatal(err)
		}
	})
}

// refused reports whether err is a data error: text the PDF cannot set
// without cutting it (a heading longer than the page, a cell or a cover
// line taller than its room), refused with positions rather than cut.
func refused(err error) bool {
	var de *report.DataError
	return errors.As(err, &de) && len(de.Diagnostics) > 0
}

// TestFootnotesInPageOrder: footnote numbers (as printed: renumbered in
// page order) increase page by page, on A4 and Letter, however the policy
// tables' rows move, and every marker prints its note's number.
func TestFootnotesInPageOrder(t *testing.T) {
	for _, size := range []string{"A4", "Letter"} {
		d := layoutOf(t, reporttest.Mali(t), Options{PageSize: size, Figures: frames{}})
		last := 0
		for i, pg := range d.pages {
			for _, n := range pg.notes {
				num, err := strconv.Atoi(d.noteNumbers[n])
				if err != nil {
					t.Fatalf("%s: footnote %s has no printed number", size, n.ID)
				}
				if num < last {
					t.Errorf("%s page %d: footnote %d after footnote %d", size, i+1, num, last)
				}
				last = num
			}
		}
	}
}

// TestGridRowsContinued: a policy-table row split across pages repeats its
// heading, marked as continued, on the next page, and the grid's caption
// is repeated marked as continued; no page starts with fewer than three
// lines of a split cell.
func TestGridRowsContinued(t *testing.T) {
	for _, size := range []string{"A4", "Letter"} {
		d := layoutOf(t, reporttest.Mali(t), Options{PageSize: size, Figures: frames{}})
		continued := 0
		for _, pg := range d.pages {
			for _, l := range pageLines(pg) {
				if strings.Contains(l, "(continued)") {
					continued++
				}
			}
		}
		if continued == 0 {
			t.Errorf("%s: no row or caption marked continued", size)
		}
	}
}

// TestTypeScale: the document's text uses at most seven sizes, cover and
// figures' own text aside (figures draw from the same scale, see charts).
func TestTypeScale(t *testing.T) {
	d := layoutOf(t, reporttest.Mali(t), Options{Figures: frames{}})
	sizes := map[float64]bool{}
	for _, pg := range d.pages {
		for _, o := range pg.ops {
			if o.kind == opText {
				sizes[o.size] = true
			}
		}
	}
	if len(sizes) > 7 {
		t.Errorf("%d font sizes, want at most 7: %v", len(sizes), slices.Sorted(maps.Keys(sizes)))
	}
}

// gridProfile is a profile of one framework: filler paragraphs (n lines
// of body text, roughly), then a grid whose rows have the given numbers
// of lines in their outward cell.
func gridProfile(filler int, rows ...int) *report.Profile {
	var blocks []report.Block
	for i := range filler {
		blocks = append(blocks, report.Block{Kind: report.Paragraph, Text: text(fmt.Sprintf("Filler %d %s", i, strings.Repeat("lorem ipsum dolor sit amet ", 8)))})
	}
	g := &report.Grid{ID: "g", Number: 1, Title: "The grid"}
	for i, n := range rows {
		var items []report.Item
		for j := range n {
			items = append(items, report.Item{Kind: report.ItemParagraph, Text: text(fmt.Sprintf("Row %d line %d", i+1, j+1))})
		}
		g.Rows = append(g.Rows, &report.GridRow{Heading: fmt.Sprintf("Heading %d", i+1),
			Entries: []*report.GridEntry{{Outward: items, Inward: []report.Item{{Kind: report.ItemParagraph, Text: text("In")}}}}})
	}
	blocks = append(blocks, report.Block{Kind: report.GridBlock, Grid: g})
	return &report.Profile{Meta: meta(), Labels: labels(),
		Frameworks: []*report.Framework{{ID: "f", Title: "Framework", Blocks: blocks}}, Grids: []*report.Grid{g}}
}

// rowPages returns, for each row line "Row r line j", the page it is on,
// and under "Filler" the page of the last filler line.
func rowPages(d *doc) map[string]int {
	at := map[string]int{}
	for i, pg := range d.pages {
		for _, l := range pageLines(pg) {
			if strings.HasPrefix(l, "Row ") {
				at[l] = i + 1
			}
			if strings.HasPrefix(l, "Filler ") {
				at["Filler"] = i + 1 // the page of the last filler line
			}
		}
	}
	return at
}

func TestGridRowSplitting(t *testing.T) {
	t.Run("MovesWholeWhenLittleWouldStay", func(t *testing.T) {
		// Filler, then a 30-line row: less than half of it fits under
		// the filler, so it all goes to the next page.
		d := layoutOf(t, gridProfile(12, 30), Options{})
		at := rowPages(d)
		if at["Row 1 line 1"] != at["Row 1 line 30"] {
			t.Errorf("a row that fits on a page is split: line 1 on page %d, line 30 on page %d", at["Row 1 line 1"], at["Row 1 line 30"])
		}
		if at["Row 1 line 1"] != at["Filler"]+1 {
			t.Errorf("the row starts on page %d, the filler ends on page %d: it did not move to the next page", at["Row 1 line 1"], at["Filler"])
		}
	})
	t.Run("TallerThanAPageSplitsThreeLinesASide", func(t *testing.T) {
		d := layoutOf(t, gridProfile(1, 120), Options{})
		at := rowPages(d)
		count := map[int]int{}
		for j := 1; j <= 120; j++ {
			count[at[fmt.Sprintf("Row 1 line %d", j)]]++
		}
		if len(count) < 2 {
			t.Fatalf("a row of 120 lines is on %d page(s)", len(count))
		}
		for pg, n := range count {
			if n < 3 {
				t.Errorf("page %d holds %d line(s) of the split row, want at least 3", pg, n)
			}
		}
		// Every page the row continues on repeats its heading and the
		// grid's caption, marked as continued.
		for pg := range count {
			if pg == at["Row 1 line 1"] {
				continue
			}
			lines := strings.Join(pageLines(d.pages[pg-1]), "\n")
			lines = strings.ReplaceAll(strings.ReplaceAll(lines, "-\n", ""), "\n", " ")
			for _, want := range []string{"Heading 1 (continued)", "Table 1. The grid (continued)"} {
				if !strings.Contains(lines, want) {
					t.Errorf("page %d lacks %q", pg, want)
				}
			}
		}
	})
	t.Run("NoShortTailAtAPageHead", func(t *testing.T) {
		// Rows of 2 lines each, after filler: wherever the page breaks,
		// no row leaves one line alone on either side.
		d := layoutOf(t, gridProfile(6, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2), Options{})
		at := rowPages(d)
		for r := 1; r <= 20; r++ {
			if a, b := at[fmt.Sprintf("Row %d line 1", r)], at[fmt.Sprintf("Row %d line 2", r)]; a != b {
				t.Errorf("row %d of two lines is split over pages %d and %d", r, a, b)
			}
		}
	})
}

// barHeights draws figures as frames 20 mm plus 5 mm a bar high.
type barHeights struct{ frames }

func (barHeights) Height(f *report.Figure, w float64) float64 {
	d, err := f.Data()
	if err != nil {
		return 0
	}
	return 20 + 5*float64(len(d.Categories)*len(d.Series))
}

// barsProfile is a profile of one table of n rows and a figure of them.
func barsProfile(n int) *report.Profile {
	col := &report.Column{ID: "v", Label: "Value", Unit: report.Count}
	tab := &report.Table{ID: "t", Number: 1, Title: "Values", Stub: "Row", Columns: []*report.Column{col}}
	for i := range n {
		tab.Rows = append(tab.Rows, &report.Row{ID: fmt.Sprint("r", i), Label: fmt.Sprint("Row ", i),
			Cells: []report.Cell{{Kind: report.Number, Units: int64(i)}}})
	}
	fig := &report.Figure{ID: "f", Number: 1, Kind: report.HorizontalBars, Title: "Bars", Table: tab, Series: []report.Ref{{ID: "v"}}}
	return &report.Profile{
		Meta: meta(), Labels: labels(),
		Frameworks: []*report.Framework{{ID: "f", Title: "Framework", Blocks: []report.Block{
			{Kind: report.FigureBlock, Figure: fig},
		}}},
		Tables: []*report.Table{tab}, Figures: []*report.Figure{fig},
	}
}

func TestFigurePanels(t *testing.T) {
	for _, tc := range []struct {
		bars, panels int
	}{
		{12, 1},  // 80 mm: one drawing as tall as its bars
		{30, 1},  // 170 mm: still within 0.7 of the text block
		{36, 2},  // 200 mm: too tall, two panels of 18
		{60, 2},  // more than 40 bars: two panels of 30
		{100, 4}, // three panels of 34 would be too tall: four of 25
	} {
		d := layoutOf(t, barsProfile(tc.bars), Options{Figures: barHeights{}})
		most := (d.geo.bottom - d.geo.top) * maxFigure
		var drawn, panels int
		first := 0 // the page of the first panel
		for i, pg := range d.pages {
			for _, o := range pg.ops[pg.body[0]:pg.body[1]] {
				if o.kind != opFigure {
					continue
				}
				panels++
				if panels == 1 {
					first = i
				}
				data, _ := o.fig.Data()
				drawn += len(data.Categories)
				if want := 20 + 5*float64(len(data.Categories)); math.Abs(o.h-want) > 1e-9 || o.h > most {
					t.Errorf("%d bars: panel %d is %.1f mm high, want %.1f, at most %.1f", tc.bars, panels, o.h, want, most)
				}
			}
			if panels > 0 && i > first && !slices.Contains(pageLines(pg), "Figure 1. Bars (continued)") {
				t.Errorf("%d bars: page %d continues the figure without the caption marked continued", tc.bars, i+1)
			}
		}
		if panels != tc.panels || drawn != tc.bars {
			t.Errorf("%d bars: %d panels drawing %d bars, want %d panels drawing all", tc.bars, panels, drawn, tc.panels)
		}
	}
}

// TestCaptionEdges checks the typographic grid: every table and figure
// caption starts at the text block's left edge, as tables and figures do.
func TestCaptionEdges(t *testing.T) {
	caption := regexp.MustCompile(`^(Table|Figure) [0-9]+[. ]`)
	for name, d := range map[string]*doc{
		"mali":        layoutOf(t, reporttest.Mali(t), Options{Figures: frames{}}),
		"mali-letter": layoutOf(t, reporttest.Mali(t), Options{Figures: frames{}, PageSize: "Letter"}),
		"long":        layoutOf(t, longProfile(t), Options{Figures: frames{}}),
		"panels":      layoutOf(t, barsProfile(60), Options{Figures: barHeights{}}),
	} {
		edges := map[float64]bool{}
		n := 0
		for _, pg := range d.pages {
			for _, o := range pg.ops[pg.body[0]:pg.body[1]] {
				if o.kind == opText && caption.MatchString(o.text) && o.face == stCaption.face {
					edges[math.Round(o.x*100)/100] = true
					n++
				}
			}
		}
		if n == 0 || len(edges) != 1 || !edges[math.Round(d.geo.left*100)/100] {
			t.Errorf("%s: %d captions start at %v mm, want all at the left margin %.2f", name, n, slices.Collect(maps.Keys(edges)), d.geo.left)
		}
	}
}

// BenchmarkRender renders Mali's PDF (figures as frames): the cost of
// layout, tagging and writing.
func BenchmarkRender(b *testing.B) {
	p := reporttest.Mali(b)
	b.ReportAllocs()
	for b.Loop() {
		if err := Render(io.Discard, p, Options{Figures: frames{}}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestBalanceKeepsHeadings: balancing the columns never leaves a heading
// at the foot of the first column with what it heads at the top of the
// second. In the test profile sylvanie, the inward part (a heading, a
// subheading, one line) is what is left for a page when the figure above
// is of some heights: balancing would put the heading alone in the first
// column. Figure heights from 20 to 120 mm are tried, 2 mm apart.
func TestBalanceKeepsHeadings(t *testing.T) {
	p, diags, err := load.Load(os.DirFS(filepath.Join("..", "build", "testdata")), "sylvanie")
	if err != nil || diags.Err() != nil {
		t.Fatal(err, diags.Err())
	}
	for h := 20.0; h <= 120; h += 2 {
		checkColumnHeadings(t, layoutOf(t, p, Options{Figures: fixedHeight(h)}), h)
	}
}

// fixedHeight draws figures as frames h mm high.
type fixedHeight float64

func (h fixedHeight) Height(*report.Figure, float64) float64 { return float64(h) }

func (fixedHeight) Draw(pdf *fpdf.Fpdf, f *report.Figure, x, y, w, h float64) error {
	return frames{}.Draw(pdf, f, x, y, w, h)
}

func checkColumnHeadings(t *testing.T, d *doc, h float64) {
	t.Helper()
	where := func(s string) (int, float64) {
		for i, pg := range d.pages {
			for _, o := range pg.ops {
				if o.kind == opText && strings.HasPrefix(o.text, s) {
					return i, o.x
				}
			}
		}
		t.Fatalf("%q not drawn", s)
		return 0, 0
	}
	for _, pair := range [][2]string{{"Immigration", "Arrivées"}, {"Arrivées", "Les arrivées"}} {
		p1, x1 := where(pair[0])
		p2, x2 := where(pair[1])
		if p1 != p2 || math.Abs(x1-x2) > 1 {
			t.Errorf("figure %.0f mm high: %q (page %d, x %.1f) and %q (page %d, x %.1f) are not in one column", h, pair[0], p1+1, x1, pair[1], p2+1, x2)
		}
	}
}
