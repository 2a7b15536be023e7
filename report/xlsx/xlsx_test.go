package xlsx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"flag"
	"fmt"
	"html"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/migprofile/migprofile/report"
	"github.com/migprofile/migprofile/report/reporttest"
	"github.com/xuri/excelize/v2"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

var testDate = time.Date(2010, 5, 1, 0, 0, 0, 0, time.UTC)

// profiles are the inputs every test runs on.
func profiles(t *testing.T) map[string]func(testing.TB) *report.Profile {
	return map[string]func(testing.TB) *report.Profile{
		"handmade": func(testing.TB) *report.Profile { return handmade() },
		"mali":     mali,
	}
}

// eachProfile runs f on every input in a named subtest.
func eachProfile(t *testing.T, f func(t *testing.T, p *report.Profile)) {
	ps := profiles(t)
	names := make([]string, 0, len(ps))
	for n := range ps {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		t.Run(n, func(t *testing.T) { f(t, ps[n](t)) })
	}
}

func render(tb testing.TB, p *report.Profile) []byte {
	tb.Helper()
	var buf bytes.Buffer
	if err := Render(&buf, p, Options{Date: testDate}); err != nil {
		tb.Fatalf("Render: %v", err)
	}
	return buf.Bytes()
}

func open(tb testing.TB, data []byte) *excelize.File {
	tb.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		tb.Fatalf("open workbook: %v", err)
	}
	tb.Cleanup(func() { f.Close() })
	return f
}

// wantSheets returns the sheet order the issue asks for.
func wantSheets(p *report.Profile) []string {
	want := []string{"Cover", "Contents", "Notes"}
	type numbered struct {
		n    int
		name string
	}
	var parts []numbered
	for _, t := range p.Tables {
		parts = append(parts, numbered{t.Number, fmt.Sprintf("Table_%d", t.Number)})
	}
	for _, g := range p.Grids {
		parts = append(parts, numbered{g.Number, fmt.Sprintf("Table_%d", g.Number)})
	}
	sort.Slice(parts, func(i, j int) bool { return parts[i].n < parts[j].n })
	for _, pt := range parts {
		want = append(want, pt.name)
	}
	for _, fg := range p.Figures {
		want = append(want, fmt.Sprintf("Figure_%d", fg.Number))
	}
	return want
}

func TestSheetOrder(t *testing.T) {
	eachProfile(t, func(t *testing.T, p *report.Profile) {
		f := open(t, render(t, p))
		got, want := f.GetSheetList(), wantSheets(p)
		if strings.Join(got, ",") != strings.Join(want, ",") {
			t.Errorf("sheets:\n got %q\nwant %q", got, want)
		}
		if got := f.GetActiveSheetIndex(); got != 0 {
			t.Errorf("active sheet = %d, want 0", got)
		}
	})
}

// tableRange returns the single Excel table of a sheet as its first and
// last columns and rows.
func tableRange(t *testing.T, f *excelize.File, sheet string) (name string, c1, r1, c2, r2 int) {
	t.Helper()
	tables, err := f.GetTables(sheet)
	if err != nil {
		t.Fatalf("%s: GetTables: %v", sheet, err)
	}
	if len(tables) != 1 {
		t.Fatalf("%s: %d tables, want 1", sheet, len(tables))
	}
	parts := strings.Split(tables[0].Range, ":")
	c1, r1, _ = excelize.CellNameToCoordinates(parts[0])
	c2, r2, _ = excelize.CellNameToCoordinates(parts[1])
	return tables[0].Name, c1, r1, c2, r2
}

var tableNameRE = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_]*$`)

// TestTables checks every worksheet after the cover against the GSS
// rules: title in A1, one table, one unique non-empty header row, no
// merged cells, no blank row or column inside, nothing below it.
func TestTables(t *testing.T) {
	eachProfile(t, func(t *testing.T, p *report.Profile) {
		f := open(t, render(t, p))
		names := map[string]bool{}
		for _, sheet := range f.GetSheetList()[1:] {
			t.Run(sheet, func(t *testing.T) {
				if a1, _ := f.GetCellValue(sheet, "A1"); a1 == "" {
					t.Errorf("A1 is empty")
				}
				name, c1, r1, c2, r2 := tableRange(t, f, sheet)
				if !tableNameRE.MatchString(name) || names[strings.ToLower(name)] {
					t.Errorf("table name %q is invalid or repeated", name)
				}
				names[strings.ToLower(name)] = true
				if c1 != 1 {
					t.Errorf("table starts in column %d, want 1", c1)
				}
				merged, err := f.GetMergeCells(sheet)
				if err != nil || len(merged) > 0 {
					t.Errorf("merged cells %v (%v)", merged, err)
				}
				rows, err := f.GetRows(sheet)
				if err != nil {
					t.Fatal(err)
				}
				if len(rows) != r2 {
					t.Errorf("sheet has %d rows, table ends at row %d: something below it", len(rows), r2)
				}
				seen := map[string]bool{}
				for c := c1; c <= c2; c++ {
					h, _ := f.GetCellValue(sheet, cell(c, r1))
					if strings.TrimSpace(h) == "" || seen[strings.ToLower(h)] {
						t.Errorf("header %d %q is empty or repeated", c, h)
					}
					seen[strings.ToLower(h)] = true
				}
				for r := r1; r <= r2; r++ {
					for c := c1; c <= c2; c++ {
						if v, _ := f.GetCellValue(sheet, cell(c, r)); strings.TrimSpace(v) == "" {
							t.Errorf("%s is blank inside the table", cell(c, r))
						}
					}
				}
				for r := 1; r < r1; r++ {
					for c := 2; c <= c2+1; c++ {
						if v, _ := f.GetCellValue(sheet, cell(c, r)); v != "" {
							t.Errorf("%s above the table holds %q; information rows belong in column A", cell(c, r), v)
						}
					}
				}
			})
		}
	})
}

// headings returns the headers expected for a statistical table.
func headings(tb *report.Table) (hasParent bool, cols []string, annotated []bool) {
	for _, r := range tb.Rows {
		if r.Level > 0 {
			hasParent = true
		}
	}
	annotated = make([]bool, len(tb.Columns))
	for _, r := range tb.Rows {
		for i := range tb.Columns {
			if i < len(r.Cells) && r.Cells[i].Note != "" {
				annotated[i] = true
			}
		}
	}
	for _, c := range tb.Columns {
		unit, label := "number", c.Label
		if c.Unit == report.Percent {
			unit = "%"
		}
		if label == "%" || strings.EqualFold(label, "number") {
			label = ""
		}
		cols = append(cols, strings.TrimSpace(c.Group+" "+label)+" ("+unit+")")
	}
	return hasParent, cols, annotated
}

// markRef matches a published note mark, "(*)", or the workbook's
// reference in its place, "[note 3]".
var markRef = regexp.MustCompile(`\(\*+\)|\[note \d+\]`)

// TestRoundTrip reads every statistical cell back and compares it with the
// data: numbers stored as numbers with the published format, blanks and
// dashes as explained shorthand, annotations beside their number.
func TestRoundTrip(t *testing.T) {
	eachProfile(t, func(t *testing.T, p *report.Profile) {
		f := open(t, render(t, p))
		for _, tb := range p.Tables {
			sheet := fmt.Sprintf("Table_%d", tb.Number)
			t.Run(sheet, func(t *testing.T) {
				_, _, hr, c2, r2 := tableRange(t, f, sheet)
				if got, want := r2-hr, len(tb.Rows); got != want {
					t.Fatalf("table has %d data rows, want %d", got, want)
				}
				hasParent, heads, annotated := headings(tb)
				col := 2
				if hasParent {
					if h, _ := f.GetCellValue(sheet, cell(2, hr)); h != "Parent" {
						t.Errorf("B%d = %q, want Parent", hr, h)
					}
					col++
				}
				for i, c := range tb.Columns {
					h, _ := f.GetCellValue(sheet, cell(col, hr))
					if !strings.HasPrefix(h, heads[i]) {
						t.Errorf("header of %s = %q, want %q", c.ID, h, heads[i])
					}
					for ri, r := range tb.Rows {
						at := cell(col, hr+1+ri)
						ce := r.Cells[i]
						raw, _ := f.GetCellValue(sheet, at, excelize.Options{RawCellValue: true})
						shown, _ := f.GetCellValue(sheet, at)
						typ, _ := f.GetCellType(sheet, at)
						switch ce.Kind {
						case report.Number:
							want, _ := strconv.ParseFloat(report.FormatUnits(ce.Units, ce.Decimals, "", "."), 64)
							got, err := strconv.ParseFloat(raw, 64)
							if err != nil || got != want || (typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber) {
								t.Errorf("%s (%s/%s) = %q (type %v), want number %v", at, r.ID, c.ID, raw, typ, want)
							}
							if w := ce.FormatNumber(report.Labels{ThousandsSep: ",", DecimalMark: "."}); shown != w {
								t.Errorf("%s shows %q, want %q", at, shown, w)
							}
						case report.Dash:
							if raw != English.DashMark {
								t.Errorf("%s = %q, want %q", at, raw, English.DashMark)
							}
						default:
							if raw != "[x]" {
								t.Errorf("%s = %q, want [x]", at, raw)
							}
						}
					}
					col++
					if annotated[i] {
						for ri, r := range tb.Rows {
							at := cell(col, hr+1+ri)
							got, _ := f.GetCellValue(sheet, at)
							want := r.Cells[i].Note
							if want == "" || r.Cells[i].Kind != report.Number {
								want = "[z]"
							}
							if got != want {
								t.Errorf("annotation %s = %q, want %q", at, got, want)
							}
						}
						col++
					}
				}
				if col-1 != c2 {
					t.Errorf("table ends in column %d, want %d", c2, col-1)
				}
				for ri, r := range tb.Rows {
					want := r.Label
					if r.Level == 0 && r.Lead != "" {
						want = r.Lead + " " + r.Label
					}
					got, _ := f.GetCellValue(sheet, cell(1, hr+1+ri))
					if strings.Contains(got, "(*") {
						t.Errorf("A%d = %q keeps a published mark; the workbook says [note N]", hr+1+ri, got)
					}
					if markRef.ReplaceAllString(got, "#") != markRef.ReplaceAllString(want, "#") {
						t.Errorf("A%d = %q, want label %q", hr+1+ri, got, want)
					}
				}
			})
		}
	})
}

// TestTextStaysText checks that no cell is a formula, whatever the data's
// text begins with.
func TestTextStaysText(t *testing.T) {
	eachProfile(t, func(t *testing.T, p *report.Profile) {
		data := render(t, p)
		f := open(t, data)
		for _, sheet := range f.GetSheetList() {
			rows, _ := f.GetRows(sheet)
			for r, cols := range rows {
				for c := range cols {
					if fo, _ := f.GetCellFormula(sheet, cell(c+1, r+1)); fo != "" {
						t.Errorf("%s!%s is a formula: %q", sheet, cell(c+1, r+1), fo)
					}
				}
			}
		}
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			t.Fatal(err)
		}
		for _, zf := range zr.File {
			if strings.HasPrefix(zf.Name, "xl/worksheets/") {
				rc, _ := zf.Open()
				b, _ := io.ReadAll(rc)
				rc.Close()
				if bytes.Contains(b, []byte("<f>")) || bytes.Contains(b, []byte("<f ")) {
					t.Errorf("%s holds a formula", zf.Name)
				}
			}
		}
	})
	t.Run("hostile", func(t *testing.T) {
		f := open(t, render(t, handmade()))
		hostile := ""
		rows, _ := f.GetRows("Notes")
		for r, cols := range rows {
			if len(cols) > 1 && strings.HasPrefix(cols[1], "=HYPERLINK") {
				hostile = cell(2, r+1)
			}
		}
		for _, c := range []struct{ sheet, cell, want string }{
			{"Table_1", "A1", "Table 1. =1+1 stock by region, 2001"},
			{"Notes", hostile, `=HYPERLINK("http://evil","x")`},
		} {
			got, _ := f.GetCellValue(c.sheet, c.cell)
			if got != c.want {
				t.Errorf("%s!%s = %q, want %q", c.sheet, c.cell, got, c.want)
			}
			if typ, _ := f.GetCellType(c.sheet, c.cell); typ != excelize.CellTypeSharedString {
				t.Errorf("%s!%s has type %v, want a shared string", c.sheet, c.cell, typ)
			}
		}
	})
}

func TestDeterministic(t *testing.T) {
	eachProfile(t, func(t *testing.T, p *report.Profile) {
		a, b := render(t, p), render(t, p)
		if !bytes.Equal(a, b) {
			t.Errorf("two renders differ (%d and %d bytes)", len(a), len(b))
		}
	})
}

func TestDocProps(t *testing.T) {
	eachProfile(t, func(t *testing.T, p *report.Profile) {
		f := open(t, render(t, p))
		got, err := f.GetDocProps()
		if err != nil {
			t.Fatal(err)
		}
		if got.Created != "2010-05-01T00:00:00Z" || got.Modified != got.Created {
			t.Errorf("dates %q %q, want the fixed date", got.Created, got.Modified)
		}
		if got.Creator != "migprofile" || got.LastModifiedBy != "migprofile" {
			t.Errorf("creator %q, last modified by %q, want the program", got.Creator, got.LastModifiedBy)
		}
		if !strings.Contains(got.Description, strings.Join(p.Meta.Authors, "; ")) {
			t.Errorf("description %q lacks the authors", got.Description)
		}
		if got.Title == "" || !strings.Contains(got.Title, p.Meta.Country) || got.Language != p.Meta.Language || got.Subject == "" {
			t.Errorf("title %q, language %q, subject %q", got.Title, got.Language, got.Subject)
		}
		if got.Keywords != strings.Join(p.Meta.Keywords, ", ") {
			t.Errorf("keywords %q", got.Keywords)
		}
	})
}

// TestContentsLinks checks that Contents links every sheet after it, as
// the cover says.
func TestContentsLinks(t *testing.T) {
	eachProfile(t, func(t *testing.T, p *report.Profile) {
		f := open(t, render(t, p))
		_, _, r1, _, r2 := tableRange(t, f, "Contents")
		linked := map[string]bool{}
		for r := r1 + 1; r <= r2; r++ {
			ok, target, _ := f.GetCellHyperLink("Contents", cell(1, r))
			name, _ := f.GetCellValue("Contents", cell(1, r))
			if ok {
				if target != "'"+name+"'!A1" {
					t.Errorf("A%d links to %q, want %q", r, target, "'"+name+"'!A1")
				}
				linked[name] = true
			}
		}
		for _, s := range wantSheets(p)[2:] {
			if !linked[s] {
				t.Errorf("Contents does not link %s", s)
			}
		}
	})
}

// chartRefs returns the formulas of each chart part, in part order.
func chartRefs(t *testing.T, data []byte) []string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	re := regexp.MustCompile(`<(?:c:)?f>([^<]*)</(?:c:)?f>`)
	var out []string
	for i := 1; ; i++ {
		zf, err := zr.Open(fmt.Sprintf("xl/charts/chart%d.xml", i))
		if err != nil {
			return out
		}
		b, _ := io.ReadAll(zf)
		zf.Close()
		var fs []string
		for _, m := range re.FindAllSubmatch(b, -1) {
			fs = append(fs, html.UnescapeString(string(m[1])))
		}
		out = append(out, strings.Join(fs, " "))
	}
}

// TestCharts checks each chart against its figure: it draws from its own
// sheet's table, one series per series of report.Figure.Data, and its
// alternative text is in the drawing.
func TestCharts(t *testing.T) {
	data := render(t, handmade())
	got := chartRefs(t, data)
	// Figure 1: categories a, c, b sorted descending; Figure 2 transposed,
	// each row a series; Figure 3: c then a, unsorted. Each is copied in
	// drawing order to its own sheet, so every reference is a range.
	want := []string{
		`'Figure_1'!$B$5 'Figure_1'!$A$6:$A$8 'Figure_1'!$B$6:$B$8`,
		`'Figure_2'!$B$6 'Figure_2'!$A$7:$A$8 'Figure_2'!$B$7:$B$8 'Figure_2'!$C$6 'Figure_2'!$A$7:$A$8 'Figure_2'!$C$7:$C$8 'Figure_2'!$D$6 'Figure_2'!$A$7:$A$8 'Figure_2'!$D$7:$D$8`,
		`'Figure_3'!$B$5 'Figure_3'!$A$6:$A$7 'Figure_3'!$B$6:$B$7`,
	}
	if len(got) != len(want) {
		t.Fatalf("%d charts, want %d: %q", len(got), len(want), got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("chart %d refs:\n got %s\nwant %s", i+1, got[i], want[i])
		}
	}
	zr, _ := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	zf, err := zr.Open("xl/drawings/drawing1.xml")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(zf)
	if got := bytes.Count(b, []byte(`descr=`)); got != 1 || !bytes.Contains(b, []byte(`descr="Figure 1. Stock: 1998 Number, largest =SUM(A1:A9) (745,503), smallest @c (222,272)."`)) {
		t.Errorf("drawing1 has not one alt text: %s", b)
	}
	if err := xml.Unmarshal(b, new(struct{})); err != nil {
		t.Errorf("drawing1 is not well-formed XML: %v", err)
	}
}

// chartSeries is a chart series as its part holds it: each reference and
// the values cached with it.
type chartSeries struct {
	Refs   []string
	Caches [][]cachePoint
}

type cachePoint struct {
	Idx int
	V   string
}

// readChartSeries parses a chart part's series.
func readChartSeries(t *testing.T, b []byte) []chartSeries {
	t.Helper()
	var cs struct {
		Series []struct {
			Tx  cacheRef `xml:"chart>plotArea>barChart>ser>tx>strRef"`
			All []byte   `xml:",innerxml"`
		} `xml:"chart>plotArea>barChart>ser"`
	}
	if err := xml.Unmarshal(b, &cs); err != nil {
		t.Fatalf("chart part: %v", err)
	}
	var out []chartSeries
	for _, s := range cs.Series {
		var ser struct {
			Tx  cacheRef `xml:"tx>strRef"`
			Cat cacheRef `xml:"cat>strRef"`
			Val cacheRef `xml:"val>numRef"`
		}
		if err := xml.Unmarshal(append(append([]byte("<ser>"), s.All...), "</ser>"...), &ser); err != nil {
			t.Fatalf("series: %v", err)
		}
		var c chartSeries
		for _, r := range []cacheRef{ser.Tx, ser.Cat, ser.Val} {
			pts := r.Str
			if len(r.Num) > 0 || len(pts) == 0 {
				pts = r.Num
			}
			if r.Caches != 1 {
				t.Errorf("%s has %d caches, want 1", r.F, r.Caches)
			}
			c.Refs = append(c.Refs, r.F)
			c.Caches = append(c.Caches, pts)
		}
		out = append(out, c)
	}
	return out
}

// cacheRef is a strRef or numRef: its formula and cached points.
type cacheRef struct {
	F      string       `xml:"f"`
	Str    []cachePoint `xml:"strCache>pt"`
	Num    []cachePoint `xml:"numCache>pt"`
	Caches int
}

func (r *cacheRef) UnmarshalXML(d *xml.Decoder, start xml.StartElement) error {
	var raw struct {
		F   string `xml:"f"`
		Str []struct {
			Pt []struct {
				Idx int    `xml:"idx,attr"`
				V   string `xml:"v"`
			} `xml:"pt"`
		} `xml:"strCache"`
		Num []struct {
			Pt []struct {
				Idx int    `xml:"idx,attr"`
				V   string `xml:"v"`
			} `xml:"pt"`
		} `xml:"numCache"`
	}
	if err := d.DecodeElement(&raw, &start); err != nil {
		return err
	}
	r.F, r.Caches = raw.F, len(raw.Str)+len(raw.Num)
	for _, c := range raw.Str {
		for _, p := range c.Pt {
			r.Str = append(r.Str, cachePoint{p.Idx, p.V})
		}
	}
	for _, c := range raw.Num {
		for _, p := range c.Pt {
			r.Num = append(r.Num, cachePoint{p.Idx, p.V})
		}
	}
	return nil
}

// TestChartCaches unzips each workbook and checks that every chart
// series caches exactly the values of the cells it refers to: the name
// and categories as text, the values as numbers, a cell holding no number
// ([x], [dash]) absent from the cache.
func TestChartCaches(t *testing.T) {
	eachProfile(t, func(t *testing.T, p *report.Profile) {
		data := render(t, p)
		f := open(t, data)
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			t.Fatal(err)
		}
		charts := 0
		for i := 1; ; i++ {
			zf, err := zr.Open(fmt.Sprintf("xl/charts/chart%d.xml", i))
			if err != nil {
				break
			}
			charts++
			b, _ := io.ReadAll(zf)
			zf.Close()
			sers := readChartSeries(t, b)
			if d, err := p.Figures[i-1].Data(); err != nil || len(sers) != len(d.Series) {
				t.Errorf("chart %d has %d series, want %d (%v)", i, len(sers), len(d.Series), err)
			}
			for si, ser := range sers {
				for k, ref := range ser.Refs {
					checkCache(t, f, fmt.Sprintf("chart %d series %d ref %d", i, si+1, k+1), ref, ser.Caches[k], k == 2)
				}
			}
		}
		if charts != len(p.Figures) {
			t.Errorf("%d charts, want %d", charts, len(p.Figures))
		}
	})
}

// checkCache compares a reference's cached points with its cells.
func checkCache(t *testing.T, f *excelize.File, what, ref string, pts []cachePoint, numeric bool) {
	t.Helper()
	sheet, rng, ok := strings.Cut(ref, "!")
	if !ok {
		t.Fatalf("%s: reference %q has no sheet", what, ref)
	}
	sheet = strings.ReplaceAll(strings.Trim(sheet, "'"), "''", "'")
	from, to, _ := strings.Cut(strings.ReplaceAll(rng, "$", ""), ":")
	if to == "" {
		to = from
	}
	c1, r1, _ := excelize.CellNameToCoordinates(from)
	c2, r2, _ := excelize.CellNameToCoordinates(to)
	want := map[int]string{}
	n := 0
	for r := r1; r <= r2; r++ {
		for c := c1; c <= c2; c++ {
			v, _ := f.GetCellValue(sheet, cell(c, r), excelize.Options{RawCellValue: true})
			typ, _ := f.GetCellType(sheet, cell(c, r))
			if !numeric || typ == excelize.CellTypeNumber || typ == excelize.CellTypeUnset && v != "" {
				if _, err := strconv.ParseFloat(v, 64); !numeric || err == nil {
					want[n] = v
				}
			}
			n++
		}
	}
	got := map[int]string{}
	for _, p := range pts {
		got[p.Idx] = p.V
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s %s: cache %v, cells %v", what, ref, got, want)
	}
}

// dump lists every sheet's non-empty cells, tables and chart formulas: a
// readable image of the workbook for the golden file.
func dump(t *testing.T, data []byte) string {
	f := open(t, data)
	var sb strings.Builder
	for _, sheet := range f.GetSheetList() {
		fmt.Fprintf(&sb, "== %s\n", sheet)
		rows, _ := f.GetRows(sheet)
		for r, cols := range rows {
			for c, v := range cols {
				if v != "" {
					fmt.Fprintf(&sb, "%s\t%s\n", cell(c+1, r+1), strings.ReplaceAll(v, "\n", `\n`))
				}
			}
		}
		tables, _ := f.GetTables(sheet)
		for _, tb := range tables {
			fmt.Fprintf(&sb, "table %s %s\n", tb.Name, tb.Range)
		}
	}
	for i, refs := range chartRefs(t, data) {
		fmt.Fprintf(&sb, "chart%d %s\n", i+1, refs)
	}
	return sb.String()
}

func TestGolden(t *testing.T) {
	eachProfile(t, func(t *testing.T, p *report.Profile) {
		got := dump(t, render(t, p))
		reporttest.Golden(t, filepath.Join("testdata", p.Name+".golden"), []byte(got), *update)
	})
}

func TestNilProfile(t *testing.T) {
	if err := Render(io.Discard, nil, Options{}); err == nil {
		t.Error("Render(nil) returned no error")
	}
}

func BenchmarkWorkbook(b *testing.B) {
	for _, name := range []string{"handmade", "mali"} {
		b.Run(name, func(b *testing.B) {
			var p *report.Profile
			if name == "mali" {
				p = mali(b)
			} else {
				p = handmade()
			}
			b.ReportAllocs()
			for b.Loop() {
				if err := Render(io.Discard, p, Options{Date: testDate}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestWords renders with every fixed word replaced and checks that no
// English default is left in a cell or a sheet name.
func TestWords(t *testing.T) {
	p := handmade()
	p.Labels = report.Labels{
		Outward: "Sortante", Inward: "Entrante", Table: "Tableau", Figure: "Graphique",
		Source: "Origine", Sources: "Origines", Notes: "Remarques", Contents: "Sommaire",
		NotAvailable: "non disponible", ThousandsSep: " ", DecimalMark: ",",
	}
	p.Meta.Publisher = "Éditeur"
	for _, tb := range p.Tables {
		for i := range tb.Sources {
			if tb.Sources[i].Label == "Source" {
				tb.Sources[i].Label = ""
			}
		}
	}
	var w Words
	wv := reflect.ValueOf(&w).Elem()
	for i := range wv.NumField() {
		wv.Field(i).SetString("«w" + strconv.Itoa(i) + "»")
	}
	var buf bytes.Buffer
	p.Labels.Workbook = w
	if err := Render(&buf, p, Options{Date: testDate}); err != nil {
		t.Fatal(err)
	}
	f := open(t, buf.Bytes())
	for _, s := range f.GetSheetList() {
		for _, en := range []string{"Cover", "Contents", "Notes", "Table_", "Figure_"} {
			if strings.Contains(s, en) {
				t.Errorf("sheet name %q holds %q", s, en)
			}
		}
	}
	ev := reflect.ValueOf(English)
	for _, s := range f.GetSheetList() {
		rows, _ := f.GetRows(s)
		for r, cols := range rows {
			for c, v := range cols {
				for i := range ev.NumField() {
					if en := ev.Field(i).String(); len(en) >= 6 && strings.Contains(v, en) {
						t.Errorf("%s!%s = %q holds the English %q", s, cell(c+1, r+1), v, en)
					}
				}
				for _, en := range []string{"not available", "Table ", "Figure ", "Source:", "Notes:"} {
					if strings.Contains(v, en) {
						t.Errorf("%s!%s = %q holds the English %q", s, cell(c+1, r+1), v, en)
					}
				}
			}
		}
	}
}

// TestOdd renders unusual profiles: each either renders a workbook that
// excelize reads back or returns an error; none panics.
func TestOdd(t *testing.T) {
	long := strings.Repeat("é🌍x", 15000)
	tests := []struct {
		name    string
		edit    func(p *report.Profile) *report.Profile
		wantErr bool
	}{
		{"empty", func(*report.Profile) *report.Profile { return &report.Profile{} }, false},
		{"no labels", func(p *report.Profile) *report.Profile { p.Labels = report.Labels{}; return p }, false},
		{"colliding labels", func(p *report.Profile) *report.Profile {
			p.Labels.Table, p.Labels.Figure, p.Labels.Contents, p.Labels.Notes = "Notes", "Notes", "Notes", "Notes"
			return p
		}, false},
		{"bad sheet characters", func(p *report.Profile) *report.Profile {
			p.Labels.Table = "'Tab:le/[x]*?\\ with a very long name indeed'"
			return p
		}, false},
		{"long text", func(p *report.Profile) *report.Profile {
			p.Tables[0].Title, p.Tables[0].Rows[0].Label, p.Meta.Copyright = long, long, long
			p.Footnotes[0].Text = plain(long)
			return p
		}, false},
		{"control characters", func(p *report.Profile) *report.Profile {
			p.Meta.Country = "Ma\x00li\x1b\r\n\uFFFE"
			p.Tables[0].Columns[0].Label = "\x07"
			return p
		}, false},
		{"no rows", func(p *report.Profile) *report.Profile {
			p.Tables[1].Rows = nil
			p.Figures = p.Figures[:1]
			return p
		}, true},
		{"unknown series", func(p *report.Profile) *report.Profile { p.Figures[0].Series = refs("nope"); return p }, true},
		{"foreign table", func(p *report.Profile) *report.Profile {
			p.Figures[0].Table = &report.Table{ID: "elsewhere"}
			return p
		}, true},
		{"short row", func(p *report.Profile) *report.Profile {
			p.Tables[0].Rows[1].Cells = p.Tables[0].Rows[1].Cells[:1]
			return p
		}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := tt.edit(handmade())
			var buf bytes.Buffer
			err := Render(&buf, p, Options{Date: testDate})
			if (err != nil) != tt.wantErr {
				t.Fatalf("Render error = %v, want error %v", err, tt.wantErr)
			}
			if err != nil {
				if !strings.HasPrefix(err.Error(), "xlsx: ") {
					t.Errorf("error %q lacks the package prefix", err)
				}
				return
			}
			f := open(t, buf.Bytes())
			seen := map[string]bool{}
			for _, s := range f.GetSheetList() {
				if len([]rune(s)) > 31 || strings.ContainsAny(s, `[]:*?/\`) || seen[strings.ToLower(s)] {
					t.Errorf("bad sheet name %q", s)
				}
				seen[strings.ToLower(s)] = true
			}
		})
	}
}

var libreOffice = flag.Bool("libreoffice", false, "also open the workbooks with LibreOffice (scripts/check-xlsx-libreoffice.sh)")

// TestLibreOffice runs the CI check on each workbook; it needs
// -libreoffice and LibreOffice installed.
func TestLibreOffice(t *testing.T) {
	if !*libreOffice {
		t.Skip("run with -libreoffice")
	}
	eachProfile(t, func(t *testing.T, p *report.Profile) {
		path := filepath.Join(t.TempDir(), p.Name+".xlsx")
		if err := os.WriteFile(path, render(t, p), 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command("../../scripts/check-xlsx-libreoffice.sh", path).CombinedOutput()
		if err != nil {
			t.Fatalf("check-xlsx-libreoffice: %v\n%s", err, out)
		}
		t.Logf("%s", out)
	})
}

// openpyxlPython returns a python3 that has openpyxl, or "".
func openpyxlPython() string {
	for _, py := range []string{"python3", "/usr/bin/python3"} {
		if err := exec.Command(py, "-c", "import openpyxl").Run(); err == nil {
			return py
		}
	}
	return ""
}

// TestOpenpyxl reads each workbook with openpyxl, when it is installed
// (CI installs Debian's python3-openpyxl): every chart's cached values
// must equal the cells it refers to (scripts/check-xlsx-openpyxl.py).
func TestOpenpyxl(t *testing.T) {
	py := openpyxlPython()
	if py == "" {
		t.Skip("python3 with openpyxl not installed")
	}
	eachProfile(t, func(t *testing.T, p *report.Profile) {
		path := filepath.Join(t.TempDir(), p.Name+".xlsx")
		if err := os.WriteFile(path, render(t, p), 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command(py, "../../scripts/check-xlsx-openpyxl.py", path, strconv.Itoa(len(p.Figures))).CombinedOutput()
		if err != nil {
			t.Fatalf("check-xlsx-openpyxl: %v\n%s", err, out)
		}
	})
}
