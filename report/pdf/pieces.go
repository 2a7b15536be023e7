package pdf

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/migprofile/migprofile/report/typeset/linebreak"
)

// hyphenator gives the places a word may be hyphenated, as byte offsets
// into it (report/typeset/hyphen, for the profile's language). It refuses
// what must not be hyphenated: numbers, URLs, words with capitals inside.
type hyphenator interface {
	Points(word string) []int
}

// memoHyphenator remembers the points of the words it was asked about: a
// document repeats its words, and each paragraph that needs hyphens asks
// about all of its own.
type memoHyphenator struct {
	h    hyphenator
	seen map[string][]int
}

// Points returns h's points for word, computed once.
func (m *memoHyphenator) Points(word string) []int {
	if p, ok := m.seen[word]; ok {
		return p
	}
	p := m.h.Points(word)
	m.seen[word] = p
	return p
}

// breakAt is a place inside a word's text where a line may break.
type breakAt struct {
	at   int // byte offset into the word's text
	kind breakKind
}

// pieces splits each word at the places a line may break inside it: after
// a hyphen or a slash (Unicode's line-breaking rules, UAX #14) and at the
// hyphenation points of its plain text. The pieces of a word are joined
// without space, and the last keeps the word's space and notes.
func pieces(hy hyphenator, m metrics, ws []word) []word {
	var out []word
	for i, w := range ws {
		brks := wordBreaks(hy, w)
		if len(brks) == 0 {
			if out != nil {
				out = append(out, w)
			}
			continue
		}
		if out == nil {
			out = make([]word, 0, len(ws)+8)
			out = append(out, ws[:i]...)
		}
		out = append(out, splitWord(m, w, brks)...)
	}
	if out == nil {
		return ws
	}
	return out
}

// wordBreaks returns the places a line may break inside w, in order.
func wordBreaks(hy hyphenator, w word) []breakAt {
	text := wordText(w)
	if !mayBreakInside(text) && hy == nil {
		return nil
	}
	var brks []breakAt
	start := 0
	segs := []linebreak.Segment{{Text: text}}
	if mayBreakInside(text) {
		segs = linebreak.Segments(text)
	}
	for _, sg := range segs {
		part := sg.Text + sg.Space + sg.Newline
		if hy != nil && plainText(w) {
			brks = append(brks, hyphenation(hy, sg.Text, start)...)
		}
		start += len(part)
		if start >= len(text) {
			break
		}
		switch sg.Break {
		case linebreak.BreakDirect:
			brks = append(brks, breakAt{start, directBreak})
		case linebreak.BreakSoftHyphen:
			brks = append(brks, breakAt{start, hyphenBreak})
		}
	}
	return brks
}

// mayBreakInside reports whether Unicode may allow a break inside text,
// which has no space: only after a dash, a slash, a soft hyphen or a
// zero-width space, or around characters of scripts that break between
// letters (Thai, Lao, Myanmar, Khmer, CJK and beyond). It spares the
// common word — apostrophes, quotes and accents included — the cost of
// the full algorithm.
func mayBreakInside(text string) bool {
	for _, r := range text {
		switch {
		case r < 0x2D:
		case strings.ContainsRune("-/\u00ad\u2010\u2011\u2012\u2013\u2014\u2015\u200b", r),
			r >= 0x0E00 && r <= 0x0EFF, r >= 0x1000 && r <= 0x109F, r >= 0x1780 && r <= 0x17FF,
			r >= 0x2E80:
			return true
		}
	}
	return false
}

// plainText reports whether w is set as plain text, which may be
// hyphenated: not a link and without raised footnote markers inside.
func plainText(w word) bool {
	for i, f := range w.frags {
		if f.url != "" || (f.rise != 0 && i < len(w.frags)-1) {
			return false
		}
	}
	return true
}

// hyphenation returns the hyphenation points of the word in seg, which
// starts at byte start of its word: leading and trailing punctuation
// (quotes, brackets, commas) is set aside first.
func hyphenation(hy hyphenator, seg string, start int) []breakAt {
	core := strings.TrimLeftFunc(seg, notLetter)
	lead := len(seg) - len(core)
	core = strings.TrimRightFunc(core, notLetter)
	if utf8.RuneCountInString(core) < 5 {
		return nil
	}
	var out []breakAt
	for _, p := range hy.Points(core) {
		if p > 0 && p < len(core) {
			out = append(out, breakAt{start + lead + p, hyphenBreak})
		}
	}
	return out
}

func notLetter(r rune) bool { return !unicode.IsLetter(r) }

// wordText is the text of w's frags, joined.
func wordText(w word) string {
	if len(w.frags) == 1 {
		return w.frags[0].text
	}
	var b strings.Builder
	for _, f := range w.frags {
		b.WriteString(f.text)
	}
	return b.String()
}

// splitWord cuts w at brks (byte offsets into its joined text, ascending)
// into pieces measured with m. A break that falls on no frag's text (at a
// frag boundary) cuts there.
func splitWord(m metrics, w word, brks []breakAt) []word {
	out := make([]word, 0, len(brks)+1)
	var cur word
	off, bi := 0, 0
	for _, f := range w.frags {
		rest := f.text
		for bi < len(brks) && brks[bi].at <= off+len(f.text) {
			cut := brks[bi].at - (off + len(f.text) - len(rest))
			if cut > 0 {
				cur.add(m, f, rest[:cut])
				rest = rest[cut:]
			}
			if len(cur.frags) > 0 {
				cur.brk = brks[bi].kind
				out = append(out, cur)
				cur = word{}
			}
			bi++
		}
		if rest != "" {
			cur.add(m, f, rest)
		}
		off += len(f.text)
	}
	cur.space, cur.notes, cur.brk = w.space, w.notes, w.brk
	return append(out, cur)
}

// add appends text in f's style to w, measured with m.
func (w *word) add(m metrics, f frag, text string) {
	f.text = text
	f.w = m.width(f.face, f.size, text)
	w.frags = append(w.frags, f)
	w.w += f.w
}
