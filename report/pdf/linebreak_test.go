package pdf

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// monospace is a font where every rune is 1 mm wide per point of size, so
// that line breaking can be tested without loading a font.
type monospace struct{}

func (monospace) width(_ face, size float64, s string) float64 {
	return float64(utf8.RuneCountInString(s)) * size
}

func (monospace) runeWidth(face, rune) float64 { return 1 }

// monoWords makes words of s, each 1 mm per rune, followed by a 1 mm space.
func monoWords(s string) []word {
	var ws []word
	for _, t := range strings.Fields(s) {
		w := float64(utf8.RuneCountInString(t))
		ws = append(ws, word{frags: []frag{{face: serif, size: 1, text: t, w: w}}, w: w, space: 1})
	}
	return ws
}

// lineTexts is each line's words, joined by spaces where they had one.
func lineTexts(ls []textLine) []string {
	var out []string
	for _, l := range ls {
		var b strings.Builder
		for i, w := range l.words {
			if i > 0 && l.words[i-1].space > 0 {
				b.WriteByte(' ')
			}
			for _, f := range w.frags {
				b.WriteString(f.text)
			}
		}
		out = append(out, b.String())
	}
	return out
}

func TestBreakLines(t *testing.T) {
	tests := []struct {
		name         string
		text         string
		first, width float64
		want         []string
		// cut: the text is one word cut into pieces, joined here.
		cut bool
	}{
		{"Empty", "", 10, 10, nil, false},
		{"OneLine", "aa bb cc", 10, 10, []string{"aa bb cc"}, false},
		// Filling each line greedily would give "aaa b c" / "dddd" /
		// "eeee fff": slack 1, then 4. Even breaks share it out.
		{"Even", "aaa b c dddd eeee fff", 8, 8, []string{"aaa b", "c dddd", "eeee fff"}, false},
		{"FirstNarrower", "aa bb cc dd", 2, 10, []string{"aa", "bb cc dd"}, false},
		{"CutAfterSlash", "example.org/path/long", 12, 12, []string{"example.org/path/long"}, true},
		{"CutLong", "abcdefghij", 4, 4, []string{"abc-def-ghij"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ls := breakLines(monospace{}, nil, monoWords(tt.text), tt.first, tt.width, true)
			got := lineTexts(ls)
			if tt.cut {
				got = []string{strings.Join(got, "")}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
			for i, l := range ls {
				if l.last != (i == len(ls)-1) {
					t.Errorf("line %d: last = %v", i, l.last)
				}
				if tt.cut && l.w > tt.width {
					t.Errorf("line %d: %v mm wide, over %v", i, l.w, tt.width)
				}
				if l.w != naturalWidth(l.words) {
					t.Errorf("line %d: w = %v, want %v", i, l.w, naturalWidth(l.words))
				}
			}
		})
	}
}

func TestCutWord(t *testing.T) {
	w := monoWords("example.org/path/long")[0]
	head, tail := cutWord(monospace{}, w, 14)
	if got := lineTexts([]textLine{{words: []word{head}}, {words: []word{tail}}}); !slices.Equal(got, []string{"example.org/", "path/long"}) {
		t.Errorf("cut at %q, want after the slash", got)
	}
	if head.w != 12 || tail.w != 9 || tail.space != 1 {
		t.Errorf("head.w, tail.w, tail.space = %v, %v, %v; want 12, 9, 1", head.w, tail.w, tail.space)
	}
}

func TestSpacing(t *testing.T) {
	l := textLine{words: monoWords("aa bb cc"), w: 8}
	just := style{justify: true}
	tests := []struct {
		name     string
		l        textLine
		st       style
		gap, off float64
	}{
		{"Justified", l, just, 1, 0},
		{"LastLine", textLine{words: l.words, w: l.w, last: true}, just, 0, 0},
		{"Centred", l, style{center: true}, 0, 1},
		{"Right", l, style{right: true}, 0, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			gap, off := tt.l.spacing(tt.st, 10)
			if gap != tt.gap || off != tt.off {
				t.Errorf("gap, off = %v, %v; want %v, %v", gap, off, tt.gap, tt.off)
			}
		})
	}
	if gap, _ := (textLine{words: l.words, w: l.w, ragged: true}).spacing(just, 30); gap != 0 {
		t.Errorf("gap = %v in a paragraph set ragged; want 0", gap)
	}
	if gap, _ := l.spacing(just, 7.5); gap != -0.25 {
		t.Errorf("gap = %v for a line 0.5 mm too long with two spaces; want -0.25 (spaces shrink)", gap)
	}
	if gap, _ := l.spacing(just, 7); gap != -1.0/3 {
		t.Errorf("gap = %v for a line 1 mm too long; want -1/3 (spaces shrink by a third at most)", gap)
	}
}

// syllables hyphenates words of the monospace tests every two runes from
// the second to the third-last, like a pattern-based hyphenator would.
type syllables struct{}

func (syllables) Points(w string) []int {
	var out []int
	n := utf8.RuneCountInString(w)
	i := 0
	for at := range w {
		if i >= 2 && i <= n-3 && i%2 == 0 {
			out = append(out, at)
		}
		i++
	}
	return out
}

func TestHyphenation(t *testing.T) {
	// A 40-rune measure (justified) where "internationalisation" does not
	// fit at the end of the first line: it is hyphenated rather than
	// leaving the first line's spaces three times their width.
	text := "one two six ten aaa bbb ccc ddd internationalisation of the migration statistics of the region"
	ls := breakLines(monospace{}, syllables{}, monoWords(text), 40, 40, true)
	got := lineTexts(ls)
	if !strings.HasSuffix(got[0], "-") {
		t.Errorf("first line %q does not end in a hyphen", got[0])
	}
	for i, l := range ls {
		gap, _ := l.spacing(style{justify: true}, 40)
		if gap > 1 {
			t.Errorf("line %d %q: spaces stretch by %v, over their width", i, got[i], gap)
		}
		if set := l.w + gap*float64(strings.Count(got[i], " ")); set > 40+1e-9 {
			t.Errorf("line %d %q is %v mm wide as set, over 40", i, got[i], set)
		}
	}
	joined := strings.ReplaceAll(strings.Join(got, " "), "- ", "")
	if joined != text {
		t.Errorf("lines do not give back the text:\n got %q\nwant %q", joined, text)
	}
}

func TestNoWordSplitWithoutHyphen(t *testing.T) {
	// A word longer than the line, with no hyphenation point: it is cut,
	// with a hyphen at every cut between two letters.
	ls := breakLines(monospace{}, nil, monoWords("abcdefghijklmnop"), 6, 6, false)
	got := lineTexts(ls)
	for i, l := range got[:len(got)-1] {
		if !strings.HasSuffix(l, "-") {
			t.Errorf("line %d %q is cut without a hyphen", i, l)
		}
	}
	if joined := strings.ReplaceAll(strings.Join(got, ""), "-", ""); joined != "abcdefghijklmnop" {
		t.Errorf("cut pieces give %q", joined)
	}
}
