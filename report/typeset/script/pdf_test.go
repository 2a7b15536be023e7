package script_test

import (
	"bytes"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/migprofile/migprofile/report/typeset/script/internal/specimen"
)

var specimenPath = flag.String("specimen", "", "also write the specimen PDF to this file, to look at")

// specimenLines are the strings the issue asks for, one script or mix a
// line. Exact lines must come out of pdftotext as written; the others mix
// directions, and poppler writes a line's left-to-right and right-to-left
// stretches in the order they stand on the page (wrapped in U+202B…U+202C),
// as it does for Chromium's PDFs of the same lines: for them each word must
// come out whole, letters in logical order.
var specimenLines = []struct {
	specimen.Line
	exact bool
}{
	{specimen.Line{Text: "Türkçe: İstanbul, ağaç, ışık, göç — Polski: Łódź, zażółć gęślą jaźń"}, true},
	{specimen.Line{Text: "Română: București, țară, șase — Tiếng Việt: người di cư ở Hà Nội"}, true},
	{specimen.Line{Text: "Ελληνικά: η μετανάστευση — Русский: миграция населения"}, true},
	{specimen.Line{Text: "Law no. 02-03 (قانون رقم 02-03) of 2003"}, false},
	{specimen.Line{Text: "Hebrew: שלום עולם (2010)"}, false},
	{specimen.Line{Text: "שלום עולם", RTL: true}, true},
	{specimen.Line{Text: "مرحبا — السلام — لا — الأجانب", RTL: true}, true},
	{specimen.Line{Text: "مَدْرَسَةٌ جَدِيدَةٌ في المدينة", RTL: true}, true},
	{specimen.Line{Text: "عام 2010", RTL: true}, false},
	{specimen.Line{Text: "قانون رقم 02-03 المتعلق بدخول وإقامة الأجانب بالمملكة المغربية", RTL: true}, false},
}

// TestSpecimenExtractsLogicalText renders the specimen and checks what
// pdftotext returns: Arabic letters through the /ActualText of their
// presentation forms, everything else through fpdf's ToUnicode maps.
func TestSpecimenExtractsLogicalText(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed (Debian poppler-utils)")
	}
	lines := make([]specimen.Line, len(specimenLines))
	for i, l := range specimenLines {
		lines[i] = l.Line
	}
	var buf bytes.Buffer
	if err := specimen.Render(&buf, lines); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "specimen.pdf")
	if *specimenPath != "" {
		path = *specimenPath
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	var got []string
	for _, l := range strings.Split(string(out), "\n") {
		l = strings.Map(dropEmbedding, strings.TrimSpace(l))
		if l != "" && l != "\f" {
			got = append(got, l)
		}
	}
	if len(got) != len(specimenLines) {
		t.Fatalf("pdftotext gave %d lines, want %d:\n%s", len(got), len(specimenLines), out)
	}
	for i, want := range specimenLines {
		if want.exact && got[i] != want.Text {
			t.Errorf("line %d:\n got %q\nwant %q", i+1, got[i], want.Text)
		}
		for _, w := range rtlWords(want.Text) {
			if !strings.Contains(got[i], w) {
				t.Errorf("line %d: %q lacks the word %q", i+1, got[i], w)
			}
		}
	}
}

// dropEmbedding removes the bidi embedding marks poppler adds around
// right-to-left stretches.
func dropEmbedding(r rune) rune {
	if r >= '\u202A' && r <= '\u202E' {
		return -1
	}
	return r
}

// rtlWords returns the words of s that hold Hebrew or Arabic letters,
// without the punctuation around them.
func rtlWords(s string) []string {
	var words []string
	for _, w := range strings.Fields(s) {
		w = strings.TrimFunc(w, func(r rune) bool { return unicode.IsPunct(r) })
		if strings.ContainsFunc(w, func(r rune) bool { return unicode.In(r, unicode.Hebrew, unicode.Arabic) }) {
			words = append(words, w)
		}
	}
	return words
}
