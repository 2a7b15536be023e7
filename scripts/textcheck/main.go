// Command textcheck measures how well a PDF's text is set, from what a
// reader's tools see: the word boxes of `pdftotext -bbox-layout`.
//
//	go run ./scripts/textcheck [-v] [-words out/mali/mali.md] out/mali/mali.pdf [more.pdf …]
//
// It prints, per file:
//
//   - justified lines: lines of a block (paragraph) other than its last
//     that reach both of its edges, with at least two words;
//   - loose lines: justified lines whose widest inter-word gap (not
//     counting the indent after a list bullet or a note number) exceeds
//     twice the font's normal space, and their share — the issue's
//     measure of rivers. The font size is read from the word box height
//     (Liberation's ascent+descent is 1.11 em) and the normal space is
//     taken as 0.25 em (Liberation Serif's; Sans's is 0.278 em, so sans
//     lines are judged slightly more strictly);
//   - the median length, in characters, of lines 100 mm wide or more (the
//     measure of full-width prose), and how many left edges the captions
//     ("Table N.", "Figure N.") start at;
//   - words broken without a hyphen: a line that ends in a letter and a
//     next line, in the same block, that starts with a lower-case letter,
//     where the two pieces joined make a known word or a part of one (a
//     word cut on three lines), or the second piece
//     is one or two letters that is no known word. The known words are
//     those the PDF prints whole, or, better, with -words FILE, those of
//     the same text set another way (the Markdown of the same build),
//     which holds every word whole.
//
// With -v it lists every loose line and every broken word. The exit status
// is 0 whatever the figures: this measures, the tests judge.
package main

import (
	"encoding/xml"
	"flag"
	"fmt"
	"math"
	"os"
	"os/exec"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

type (
	doc struct {
		Pages []struct {
			Flows []struct {
				Blocks []block `xml:"block"`
			} `xml:"flow"`
		} `xml:"body>doc>page"`
	}
	block struct {
		XMin  float64 `xml:"xMin,attr"`
		XMax  float64 `xml:"xMax,attr"`
		Lines []line  `xml:"line"`
	}
	line struct {
		XMin  float64 `xml:"xMin,attr"`
		XMax  float64 `xml:"xMax,attr"`
		Words []word  `xml:"word"`
	}
	word struct {
		XMin float64 `xml:"xMin,attr"`
		XMax float64 `xml:"xMax,attr"`
		YMin float64 `xml:"yMin,attr"`
		YMax float64 `xml:"yMax,attr"`
		Text string  `xml:",chardata"`
	}
)

const (
	emPerHeight = 1 / 1.11 // font size per point of word-box height
	spaceEm     = 0.25     // the normal space, in em
	edge        = 0.6      // points: how close to a block's edge is "at" it
)

// report holds one file's figures.
type report struct {
	page                  int
	justified, loose      int
	looseLines, brokeWord []string
	// wideLines are the lengths, in characters, of lines at least 100 mm
	// wide: full-width prose (the measure).
	wideLines []int
	// captionEdges are the left edges (in points, rounded) of the lines
	// that start a caption: "Table N." or "Figure N.".
	captionEdges map[int]bool
}

func main() {
	verbose := flag.Bool("v", false, "list every loose line and broken word")
	wordsFile := flag.String("words", "", "a text file (e.g. the Markdown of the same build) whose words are the known words")
	flag.Parse()
	if flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: textcheck [-v] file.pdf …")
		os.Exit(2)
	}
	for _, path := range flag.Args() {
		out, err := exec.Command("pdftotext", "-bbox-layout", path, "-").Output()
		if err != nil {
			fmt.Fprintf(os.Stderr, "textcheck: %s: pdftotext: %v\n", path, err)
			os.Exit(1)
		}
		var d doc
		dec := xml.NewDecoder(strings.NewReader(string(out)))
		dec.Strict = false
		dec.Entity = xml.HTMLEntity
		if err := dec.Decode(&d); err != nil {
			fmt.Fprintf(os.Stderr, "textcheck: %s: %v\n", path, err)
			os.Exit(1)
		}
		known := wordSet(d)
		if *wordsFile != "" {
			data, err := os.ReadFile(*wordsFile)
			if err != nil {
				fmt.Fprintf(os.Stderr, "textcheck: %v\n", err)
				os.Exit(1)
			}
			known = textWords(string(data))
		}
		r := measure(d, known)
		share := 0.0
		if r.justified > 0 {
			share = 100 * float64(r.loose) / float64(r.justified)
		}
		fmt.Printf("%s: %d justified lines, %d with a gap over twice the space (%.1f%%); %d words broken without a hyphen; median line of 100 mm or wider: %d characters; %d caption left edge(s)\n",
			path, r.justified, r.loose, share, len(r.brokeWord), median(r.wideLines), len(r.captionEdges))
		if *verbose {
			for _, l := range r.looseLines {
				fmt.Println("  loose:", l)
			}
			for _, w := range r.brokeWord {
				fmt.Println("  broken:", w)
			}
		}
	}
}

func measure(d doc, whole map[string]int) report {
	var r report
	for pi, p := range d.Pages {
		for _, f := range p.Flows {
			for _, b := range f.Blocks {
				r.page = pi + 1
				r.block(b, whole)
			}
		}
	}
	return r
}

func (r *report) block(b block, whole map[string]int) {
	for _, l := range b.Lines {
		if l.XMax-l.XMin >= 100/25.4*72 {
			r.wideLines = append(r.wideLines, utf8.RuneCountInString(text(l)))
		}
		if len(l.Words) > 1 && (l.Words[0].Text == "Table" || l.Words[0].Text == "Figure") && strings.HasSuffix(l.Words[1].Text, ".") {
			if r.captionEdges == nil {
				r.captionEdges = map[int]bool{}
			}
			r.captionEdges[int(math.Round(l.XMin))] = true
		}
	}
	for i, l := range b.Lines {
		if i+1 < len(b.Lines) {
			r.brokenAt(l, b.Lines[i+1], whole)
		}
		if i == len(b.Lines)-1 || len(l.Words) < 2 || l.XMax < b.XMax-edge {
			continue
		}
		r.justified++
		gap, at := widestGap(l)
		size := (l.Words[0].YMax - l.Words[0].YMin) * emPerHeight
		if gap > 2*spaceEm*size {
			r.loose++
			r.looseLines = append(r.looseLines, fmt.Sprintf("p%d: gap %.1f pt (%.1f spaces) before %q in %q",
				r.page, gap, gap/(spaceEm*size), l.Words[at+1].Text, text(l)))
		}
	}
}

// widestGap returns the widest gap between two words of l, and the index
// of the word before it. The gap after a list bullet or a footnote's
// number is an indent, not a space, and does not count.
func widestGap(l line) (float64, int) {
	gap, at := 0.0, 0
	first := 1
	if isMarker(l.Words[0].Text) {
		first = 2
	}
	for i := first; i < len(l.Words); i++ {
		if g := l.Words[i].XMin - l.Words[i-1].XMax; g > gap {
			gap, at = g, i-1
		}
	}
	return gap, at
}

// isMarker reports whether w is a list bullet or a note number that
// starts a hanging line: "•", "–", "12", "3.".
func isMarker(w string) bool {
	if w == "•" || w == "–" || w == "-" {
		return true
	}
	w = strings.TrimSuffix(w, ".")
	return w != "" && strings.Trim(w, "0123456789") == ""
}

// brokenAt records a word broken across lines a and b without a hyphen.
func (r *report) brokenAt(a, b line, whole map[string]int) {
	if len(a.Words) == 0 || len(b.Words) == 0 {
		return
	}
	head, tail := a.Words[len(a.Words)-1].Text, b.Words[0].Text
	last, _ := utf8.DecodeLastRuneInString(head)
	first, _ := utf8.DecodeRuneInString(tail)
	if !unicode.IsLetter(last) || !unicode.IsLower(first) {
		return
	}
	h, t := strings.ToLower(trimPunct(head)), strings.ToLower(trimPunct(tail))
	short := utf8.RuneCountInString(t) <= 2 && whole[t] == 0
	if whole[h+t] > 0 || short || insideWord(h+t, whole) {
		r.brokeWord = append(r.brokeWord, fmt.Sprintf("p%d: %q + %q", r.page, head, tail))
	}
}

// wordSet counts the words the document prints whole, lower-cased.
func wordSet(d doc) map[string]int {
	set := map[string]int{}
	for _, p := range d.Pages {
		for _, f := range p.Flows {
			for _, b := range f.Blocks {
				for _, l := range b.Lines {
					for _, w := range l.Words {
						set[strings.ToLower(trimPunct(w.Text))]++
					}
				}
			}
		}
	}
	return set
}

// insideWord reports whether s is part of a longer known word: a word
// cut on several lines shows its pieces two by two.
func insideWord(s string, known map[string]int) bool {
	if utf8.RuneCountInString(s) < 10 {
		return false
	}
	for w := range known {
		if len(w) > len(s) && strings.Contains(w, s) {
			return true
		}
	}
	return false
}

// textWords counts the words of a text, lower-cased.
func textWords(s string) map[string]int {
	set := map[string]int{}
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		set[strings.ToLower(w)]++
	}
	return set
}

func trimPunct(s string) string {
	return strings.TrimFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

func text(l line) string {
	ws := make([]string, len(l.Words))
	for i, w := range l.Words {
		ws[i] = w.Text
	}
	return strings.Join(ws, " ")
}

func median(ns []int) int {
	if len(ns) == 0 {
		return 0
	}
	ns = slices.Clone(ns)
	slices.Sort(ns)
	return ns[len(ns)/2]
}
