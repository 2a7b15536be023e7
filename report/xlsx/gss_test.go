package xlsx

import (
	"archive/zip"
	"bytes"
	"io"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/migprofile/migprofile/report"
)

// TestGSS checks the items of docs/gss-checklist.md a test can read off
// the workbook: every note referred to from another sheet and listed
// once; no column of a table all [z]; no column headed "Row"; units in
// brackets; header rows frozen; Arial everywhere; links described.
func TestGSS(t *testing.T) {
	refRE := regexp.MustCompile(`\[note (\d+)\]`)
	eachProfile(t, func(t *testing.T, p *report.Profile) {
		f := open(t, render(t, p))
		referred := map[string]bool{}
		for _, sheet := range f.GetSheetList() {
			rows, _ := f.GetRows(sheet)
			if sheet != "Notes" {
				for _, cols := range rows {
					for _, v := range cols {
						for _, m := range refRE.FindAllStringSubmatch(v, -1) {
							referred[m[1]] = true
						}
					}
				}
			}
			if sheet == "Cover" {
				continue
			}
			_, c1, r1, c2, r2 := tableRange(t, f, sheet)
			for c := c1; c <= c2; c++ {
				h, _ := f.GetCellValue(sheet, cell(c, r1))
				if h == "Row" {
					t.Errorf("%s: a column is headed Row", sheet)
				}
				if strings.HasSuffix(h, " Number") || strings.HasSuffix(h, " percent") {
					t.Errorf("%s: header %q has an unbracketed unit", sheet, h)
				}
				allZ := true
				for r := r1 + 1; r <= r2; r++ {
					if v, _ := f.GetCellValue(sheet, cell(c, r)); v != "[z]" {
						allZ = false
					}
				}
				if allZ && r2 > r1+1 {
					t.Errorf("%s: column %q holds only [z]", sheet, h)
				}
			}
			panes, err := f.GetPanes(sheet)
			if err != nil || !panes.Freeze || panes.YSplit != r1 {
				t.Errorf("%s: panes %+v (%v), want the rows to %d frozen", sheet, panes, err, r1)
			}
		}
		rows, _ := f.GetRows("Notes")
		texts := map[string]bool{}
		for _, cols := range rows[3:] {
			if !referred[strings.Trim(strings.TrimPrefix(cols[0], "[note "), "]")] {
				t.Errorf("%s is referred to from no sheet", cols[0])
			}
			cols = append(cols, "", "", "", "")
			key := cols[1] + "\x00" + cols[3]
			if texts[key] {
				t.Errorf("%s repeats the text %q", cols[0], cols[1])
			}
			texts[key] = true
			if ok, target, _ := f.GetCellHyperLink("Notes", "D"+strconv.Itoa(len(texts)+3)); ok && (cols[3] == target || strings.HasPrefix(cols[3], "http")) {
				t.Errorf("%s: link text %q is a bare address", cols[0], cols[3])
			}
		}
		cover, _ := f.GetRows("Cover")
		contact, described := false, false
		for r, cols := range cover {
			if len(cols) == 0 {
				continue
			}
			if cols[0] == "Contact" && r+1 < len(cover) && len(cover[r+1]) > 0 && cover[r+1][0] != "" {
				contact = true
			}
			if ok, target, _ := f.GetCellHyperLink("Cover", "A"+strconv.Itoa(r+1)); ok && strings.HasPrefix(target, "http") {
				described = !strings.HasPrefix(cols[0], "http") && !strings.HasPrefix(cols[0], "www.") && cols[0] != target
			}
		}
		if !contact || !described {
			t.Errorf("cover: contact section %v, website as a described link %v", contact, described)
		}
		for _, sheet := range f.GetSheetList()[3:] {
			rows, _ := f.GetRows(sheet)
			_, _, r1, _, _ := tableRange(t, f, sheet)
			above, inside := false, false
			for r, cols := range rows {
				for _, v := range cols {
					if strings.Contains(v, English.ContainsNotes) {
						above = true
					} else if r+1 > r1 && refRE.MatchString(v) {
						inside = true
					}
				}
			}
			if inside && !above {
				t.Errorf("%s: cells refer to notes, and no line says the table contains notes", sheet)
			}
		}
		for _, sheet := range f.GetSheetList() {
			v, _ := f.GetCellValue(sheet, "A1")
			st, _ := f.GetCellStyle(sheet, "A1")
			s, _ := f.GetStyle(st)
			if s == nil || s.Font == nil || s.Font.Family != "Arial" || s.Font.Size != 16 || !s.Font.Bold {
				t.Errorf("%s!A1 %q: style %+v, want Arial 16 bold", sheet, v, s)
			}
			if h, _ := f.GetRowHeight(sheet, 1); h < 20 {
				t.Errorf("%s: title row %.2fpt high clips a 16pt title", sheet, h)
			}
		}
	})
}

// TestNoFilterButtons checks that no table part asks for filter buttons.
func TestNoFilterButtons(t *testing.T) {
	eachProfile(t, func(t *testing.T, p *report.Profile) {
		data := render(t, p)
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			t.Fatal(err)
		}
		tables := 0
		for _, zf := range zr.File {
			if !strings.HasPrefix(zf.Name, "xl/tables/") {
				continue
			}
			tables++
			rc, _ := zf.Open()
			b, _ := io.ReadAll(rc)
			rc.Close()
			if bytes.Contains(b, []byte("autoFilter")) {
				t.Errorf("%s has filter buttons", zf.Name)
			}
			if !bytes.Contains(b, []byte("<tableColumns")) {
				t.Errorf("%s is not a whole table part: %s", zf.Name, b)
			}
		}
		if tables != 3+len(p.Tables)+len(p.Grids)+len(p.Figures)-1 {
			t.Errorf("%d table parts", tables)
		}
	})
}

func TestAxisBounds(t *testing.T) {
	for _, tt := range []struct{ lo, hi, wantLo, wantHi float64 }{
		{-166000, 116314, -200000, 150000},
		{0, 44.2, 0, 50},
		{0, 0, 0, 1},
		{-1.5, 0, -1.5, 0},
		{0, 523231, 0, 600000},
	} {
		lo, hi := axisBounds(tt.lo, tt.hi)
		if lo != tt.wantLo || hi != tt.wantHi {
			t.Errorf("axisBounds(%v, %v) = %v, %v, want %v, %v", tt.lo, tt.hi, lo, hi, tt.wantLo, tt.wantHi)
		}
	}
}

func TestWrappedLines(t *testing.T) {
	for _, tt := range []struct {
		text        string
		width, size float64
		want        int
	}{
		{"Struggle against irregular migration", 30, 12, 1}, // 36 letters fit: Arial is narrower than its digits
		// 60 digits = 541 px, 33.8 em at 12pt; "word " is 2.45 em: 13 a line.
		{strings.Repeat("word ", 40), 60, 12, 4},
		{"one\ntwo", 60, 12, 2},
		{"", 10, 12, 1},
		{strings.Repeat("x", 100), 10, 12, 9}, // 50 em, 5.7 a line, broken anywhere
		{"Table 1. Malians residing abroad by region of residence, 2001", 20, 16, 4},
	} {
		if got := wrappedLinesAt(tt.text, tt.width, tt.size, false); got != tt.want {
			t.Errorf("wrappedLinesAt(%.20q, %v, %v) = %d, want %d", tt.text, tt.width, tt.size, got, tt.want)
		}
	}
}

// TestCoverContact checks that a profile's contact is on the cover, its
// e-mail address and page as links.
func TestCoverContact(t *testing.T) {
	p := handmade()
	p.Meta.Contact = report.Contact{Name: "Press office", Email: "info@example.org", URL: "www.example.org/contact"}
	f := open(t, render(t, p))
	rows, _ := f.GetRows("Cover")
	want := map[string]string{"Press office": "", "Email: info@example.org": "mailto:info@example.org", "example.org, contact": "http://www.example.org/contact"}
	for r, cols := range rows {
		if len(cols) == 0 {
			continue
		}
		target, ok := want[cols[0]]
		if !ok {
			continue
		}
		delete(want, cols[0])
		_, got, _ := f.GetCellHyperLink("Cover", "A"+strconv.Itoa(r+1))
		if got != target {
			t.Errorf("%q links to %q, want %q", cols[0], got, target)
		}
	}
	if len(want) > 0 {
		t.Errorf("cover lacks %v", want)
	}
}
