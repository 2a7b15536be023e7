package script

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/unicode/bidi"
)

// bidiCase is one line of Unicode's BidiCharacterTest.txt.
type bidiCase struct {
	line   int
	runes  []rune
	para   uint8
	levels []int // -1 where the test has x (removed by X9)
	order  []int
}

// parseBidiCase reads one line; ok is false for comments and blanks.
func parseBidiCase(n int, line string) (bidiCase, bool, error) {
	if line == "" || line[0] == '#' {
		return bidiCase{}, false, nil
	}
	f := strings.Split(line, ";")
	if len(f) != 5 {
		return bidiCase{}, false, fmt.Errorf("line %d: %d fields", n, len(f))
	}
	c := bidiCase{line: n}
	for _, h := range strings.Fields(f[0]) {
		v, err := strconv.ParseUint(h, 16, 32)
		if err != nil {
			return c, false, fmt.Errorf("line %d: %w", n, err)
		}
		c.runes = append(c.runes, rune(v))
	}
	if f[2] == "1" {
		c.para = 1
	}
	for _, l := range strings.Fields(f[3]) {
		v, err := strconv.Atoi(l)
		if l == "x" {
			v, err = -1, nil
		}
		if err != nil {
			return c, false, fmt.Errorf("line %d: %w", n, err)
		}
		c.levels = append(c.levels, v)
	}
	for _, o := range strings.Fields(f[4]) {
		v, err := strconv.Atoi(o)
		if err != nil {
			return c, false, fmt.Errorf("line %d: %w", n, err)
		}
		c.order = append(c.order, v)
	}
	return c, true, nil
}

// explicit reports whether rs holds an explicit embedding, override or
// isolate, which this package does not implement.
func explicit(rs []rune) bool {
	for _, r := range rs {
		p, _ := bidi.LookupRune(r)
		switch p.Class() {
		case bidi.LRE, bidi.RLE, bidi.LRO, bidi.RLO, bidi.PDF, bidi.LRI, bidi.RLI, bidi.FSI, bidi.PDI:
			return true
		}
	}
	return false
}

// checkBidiCase compares levels and the visual order of one case.
func checkBidiCase(c bidiCase) error {
	lv := levels(c.runes, c.para)
	for i, want := range c.levels {
		if want >= 0 && int(lv[i]) != want {
			return fmt.Errorf("levels %v, want %v", lv, c.levels)
		}
	}
	var order []int
	for _, i := range reorder(lv) {
		if c.levels[i] >= 0 {
			order = append(order, i)
		}
	}
	if !slices.Equal(order, c.order) {
		return fmt.Errorf("order %v, want %v", order, c.order)
	}
	return nil
}

// runBidiFile checks every case of a BidiCharacterTest file that has no
// explicit formatting character; it returns how many it checked.
func runBidiFile(t *testing.T, path string) int {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	n, checked, failed := 0, 0, 0
	for sc.Scan() {
		n++
		c, ok, err := parseBidiCase(n, sc.Text())
		if err != nil {
			t.Fatal(err)
		}
		if !ok || explicit(c.runes) {
			continue
		}
		checked++
		if err := checkBidiCase(c); err != nil {
			failed++
			if failed <= 10 {
				t.Errorf("%s:%d: %s: %v", filepath.Base(path), c.line, sc.Text(), err)
			}
		}
	}
	if failed > 10 {
		t.Errorf("%d of %d cases failed", failed, checked)
	}
	return checked
}

// TestBidiCharacterTestExcerpt checks the cases copied into testdata from
// Unicode's BidiCharacterTest-15.0.0.txt (each preceded by its line number
// there): the examples of UAX #9 section 3.3.5, numbers after Arabic and
// Hebrew letters (W2, W4, W5), and bracket pairs (N0).
func TestBidiCharacterTestExcerpt(t *testing.T) {
	if n := runBidiFile(t, "testdata/BidiCharacterTest-excerpt.txt"); n < 20 {
		t.Fatalf("only %d cases", n)
	}
}

// TestBidiCharacterTest runs the whole of Unicode's conformance file when
// Debian's unicode-data package has installed it.
func TestBidiCharacterTest(t *testing.T) {
	const path = "/usr/share/unicode/BidiCharacterTest.txt"
	if _, err := os.Stat(path); err != nil {
		t.Skip("no ", path, " (apt-get install unicode-data)")
	}
	if testing.Short() {
		t.Skip("short")
	}
	n := runBidiFile(t, path)
	t.Logf("%d cases without explicit formatting characters", n)
}

// classRunes stands one character for each Bidi_Class in BidiTest.txt;
// explicit formatting classes are absent (the lines with them are skipped).
var classRunes = map[string]rune{
	"L": 'a', "R": '\u05D0', "AL": '\u0627', "EN": '1', "ES": '+', "ET": '%',
	"AN": '\u0660', "CS": ',', "NSM": '\u0300', "BN": '\u00AD', "B": '\u2029',
	"S": '\t', "WS": ' ', "ON": '!',
}

// autoLevel applies P2 and P3 to text without isolates: the direction of
// the first strong character, else left-to-right.
func autoLevel(rs []rune) uint8 {
	for _, r := range rs {
		p, _ := bidi.LookupRune(r)
		switch p.Class() {
		case bidi.L:
			return 0
		case bidi.R, bidi.AL:
			return 1
		}
	}
	return 0
}

// bidiTestState is what BidiTest.txt's @Levels and @Reorder lines set.
type bidiTestState struct {
	levels []int
	order  []int
}

// bidiTestLine checks one data line of BidiTest.txt against state; it
// returns how many paragraph directions it checked.
func bidiTestLine(t *testing.T, n int, line string, st bidiTestState) int {
	f := strings.Split(line, ";")
	var rs []rune
	for _, cls := range strings.Fields(f[0]) {
		r, ok := classRunes[cls]
		if !ok {
			return 0 // an explicit formatting class
		}
		rs = append(rs, r)
	}
	set, err := strconv.Atoi(strings.TrimSpace(f[1]))
	if err != nil {
		t.Fatalf("BidiTest.txt:%d: %v", n, err)
	}
	checked := 0
	for bit, para := range map[int]int{1: -1, 2: 0, 4: 1} {
		if set&bit == 0 {
			continue
		}
		c := bidiCase{line: n, runes: rs, levels: st.levels, order: st.order}
		if para < 0 {
			c.para = autoLevel(rs)
		} else {
			c.para = uint8(para)
		}
		if err := checkBidiCase(c); err != nil {
			t.Errorf("BidiTest.txt:%d: %s (paragraph %d): %v", n, line, c.para, err)
		}
		checked++
	}
	return checked
}

// TestBidiTest runs Unicode's class-based conformance file, which covers
// the weak and neutral rules exhaustively up to four characters, when
// Debian's unicode-data package has installed it.
func TestBidiTest(t *testing.T) {
	const path = "/usr/share/unicode/BidiTest.txt"
	f, err := os.Open(path)
	if err != nil {
		t.Skip("no ", path, " (apt-get install unicode-data)")
	}
	defer f.Close()
	if testing.Short() {
		t.Skip("short")
	}
	sc := bufio.NewScanner(f)
	var st bidiTestState
	n, checked := 0, 0
	for sc.Scan() && !t.Failed() {
		n++
		line := sc.Text()
		switch {
		case line == "" || line[0] == '#':
		case strings.HasPrefix(line, "@Levels:"):
			st.levels = st.levels[:0]
			for _, l := range strings.Fields(strings.TrimPrefix(line, "@Levels:")) {
				v, err := strconv.Atoi(l)
				if l == "x" {
					v, err = -1, nil
				}
				if err != nil {
					t.Fatalf("BidiTest.txt:%d: %v", n, err)
				}
				st.levels = append(st.levels, v)
			}
		case strings.HasPrefix(line, "@Reorder:"):
			st.order = st.order[:0]
			for _, o := range strings.Fields(strings.TrimPrefix(line, "@Reorder:")) {
				v, err := strconv.Atoi(o)
				if err != nil {
					t.Fatalf("BidiTest.txt:%d: %v", n, err)
				}
				st.order = append(st.order, v)
			}
		default:
			checked += bidiTestLine(t, n, line, st)
		}
	}
	t.Logf("%d cases without explicit formatting characters", checked)
}
