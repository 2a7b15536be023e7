package linebreak_test

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/migprofile/migprofile/report/typeset/linebreak"
)

// items turns text into items, with the text of each item in a parallel
// slice. Here every character is one unit wide; a PDF renderer measures
// with its font instead, and adds the flagged penalties of hyphenation
// points inside each segment's Text.
func items(text string) ([]linebreak.Item, []string) {
	var items []linebreak.Item
	var texts []string
	add := func(it linebreak.Item, s string) {
		items, texts = append(items, it), append(texts, s)
	}
	for _, seg := range linebreak.Segments(text) {
		add(linebreak.NewBox(float64(utf8.RuneCountInString(seg.Text))), seg.Text)
		switch seg.Break {
		case linebreak.BreakAtSpace:
			w := float64(utf8.RuneCountInString(seg.Space))
			add(linebreak.NewGlue(w, w/2, w/3), seg.Space)
		case linebreak.BreakDirect:
			add(linebreak.NewPenalty(0, 0, false), "")
		}
	}
	items = linebreak.Finish(items)
	for len(texts) < len(items) {
		texts = append(texts, "")
	}
	return items, texts
}

// set breaks text in the measure and prints its lines.
func set(text string, measure float64) {
	items, texts := items(text)
	p := linebreak.DefaultParams()
	if linebreak.ShouldRag(measure, 1) {
		p.Ragged = measure / 3
	}
	lines, err := linebreak.Break(items, []float64{measure}, p)
	if err != nil {
		panic(err)
	}
	for _, l := range lines {
		var sb strings.Builder
		for i := l.Start; i < l.End; i++ {
			sb.WriteString(texts[i])
		}
		fmt.Printf("%-*s| r=%.2f\n", int(measure), sb.String(), l.Ratio)
	}
}

const text = "The profile cites http://www.carim.org/ml/law/2004-016 in full, as the law requires, and every figure with its source."

// Justified: the spaces of each line stretch by r times their stretch.
func Example() {
	set(text, 44)
	// Output:
	// The profile cites http://www.carim.org/ml/  | r=1.33
	// law/2004-016 in full, as the law requires,  | r=0.67
	// and every figure with its source.           | r=0.00
}

// A narrow measure is set ragged-right (ShouldRag); the URL breaks after
// its slashes without a hyphen.
func Example_ragged() {
	set(text, 24)
	// Output:
	// The profile cites       | r=0.00
	// http://www.carim.org/   | r=0.00
	// ml/law/2004-016 in full,| r=0.00
	// as the law requires, and| r=0.00
	// every figure with its   | r=0.00
	// source.                 | r=0.00
}
