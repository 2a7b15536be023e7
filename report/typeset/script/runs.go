package script

import (
	"fmt"
	"sync"
	"sync/atomic"
	"unicode"

	"golang.org/x/image/font/sfnt"
)

// Covers reports whether a font has a glyph for r.
type Covers func(r rune) bool

// NoFont is the Font of a Run that no font in the list can draw.
const NoFont = -1

// Run is a stretch of text drawn with one font of a fallback list.
type Run struct {
	Text  string // a substring of the text given to Runs
	Start int    // the byte offset of Text in that text
	Font  int    // the index of the font in the list, or NoFont
}

// Runs splits text into runs by font: each letter goes to the first font
// of the list that covers it. Spaces, punctuation, digits and symbols stay
// with the letters before them when that font covers them (else with the
// letters after them), and marks stay with their base, so that a word or a
// phrase is not broken into pieces of different fonts. Invisible format
// characters (ZWJ, bidi controls) follow their neighbours and never make a
// NoFont run. Runs of NoFont hold only what no font covers.
//
// Give it a segment's Visual text to draw it (presentation forms are what
// the font must cover); use Uncovered to check a text before drawing.
func Runs(text string, fonts []Covers) []Run {
	if text == "" {
		return nil
	}
	if len(fonts) > 0 && coveredBy(text, fonts[0]) {
		return []Run{{Text: text, Font: 0}}
	}
	cs := make([]char, 0, len(text))
	for pos, r := range text {
		c := char{r: r, pos: pos, kind: kind(r), font: NoFont}
		if c.kind == kindStrong {
			c.font = first(r, fonts)
		}
		cs = append(cs, c)
	}
	assignNeutrals(cs, fonts)
	for i := range cs { // marks, from their base
		if cs[i].kind == kindMark {
			base := NoFont
			if i > 0 {
				base = cs[i-1].font
			}
			cs[i].font = pick(cs[i].r, false, fonts, base)
		}
	}
	var runs []Run
	for i := 0; i < len(cs); {
		j := i
		for j < len(cs) && cs[j].font == cs[i].font {
			j++
		}
		end := len(text)
		if j < len(cs) {
			end = cs[j].pos
		}
		runs = append(runs, Run{Text: text[cs[i].pos:end], Start: cs[i].pos, Font: cs[i].font})
		i = j
	}
	return runs
}

// char is a rune of the text Runs splits, with its byte offset, kind and font.
type char struct {
	r    rune
	pos  int
	kind int
	font int
}

// assignNeutrals gives each neutral and ignorable the font of the nearest
// letter before it, or after it, when that font covers it.
func assignNeutrals(cs []char, fonts []Covers) {
	next := make([]int, len(cs)) // font of the nearest letter after i
	f := NoFont
	for i := len(cs) - 1; i >= 0; i-- {
		next[i] = f
		if cs[i].kind == kindStrong {
			f = cs[i].font
		}
	}
	prev := NoFont
	for i := range cs {
		switch cs[i].kind {
		case kindStrong:
			prev = cs[i].font
		case kindNeutral, kindIgnorable:
			cs[i].font = pick(cs[i].r, cs[i].kind == kindIgnorable, fonts, prev, next[i])
		}
	}
}

// coveredBy reports whether covers draws every visible rune of text.
func coveredBy(text string, covers Covers) bool {
	for _, r := range text {
		if !covers(r) && kind(r) != kindIgnorable {
			return false
		}
	}
	return true
}

// The kinds of rune Runs tells apart.
const (
	kindStrong    = iota // letters, and whatever is not below
	kindNeutral          // spaces, punctuation, digits, symbols
	kindMark             // combining marks
	kindIgnorable        // format and control characters: nothing to draw
)

func kind(r rune) int {
	switch {
	case unicode.IsLetter(r):
		return kindStrong
	case unicode.In(r, unicode.Mn, unicode.Me, unicode.Mc):
		return kindMark
	case unicode.In(r, unicode.Cf, unicode.Cc):
		return kindIgnorable
	case unicode.In(r, unicode.Z, unicode.P, unicode.N, unicode.S):
		return kindNeutral
	}
	return kindStrong
}

// first returns the index of the first font that covers r, or NoFont.
func first(r rune, fonts []Covers) int {
	for i, covers := range fonts {
		if covers(r) {
			return i
		}
	}
	return NoFont
}

// pick chooses a font for a neutral, ignorable or mark: the preferred fonts
// in order when they cover it (an ignorable needs no cover), else the first
// that does.
func pick(r rune, ignorable bool, fonts []Covers, preferred ...int) int {
	for _, f := range preferred {
		if f != NoFont && (ignorable || fonts[f](r)) {
			return f
		}
	}
	if ignorable && len(fonts) > 0 {
		return 0
	}
	return first(r, fonts)
}

// TTFCovers returns the Covers of a TrueType or OpenType font, from its
// cmap. Answers for the Basic Multilingual Plane are remembered, so that
// checking a long text costs a table look-up per rune; it is safe for
// concurrent use.
func TTFCovers(ttf []byte) (Covers, error) {
	f, err := sfnt.Parse(ttf)
	if err != nil {
		return nil, fmt.Errorf("script: parse font: %w", err)
	}
	c := &cmapCover{font: f}
	return c.covers, nil
}

// cmapCover caches cmap look-ups: two bits a BMP rune (known, covered),
// read without a lock; sfnt's look-up buffer needs one.
type cmapCover struct {
	mu      sync.Mutex
	font    *sfnt.Font
	buf     sfnt.Buffer
	known   [1 << 10]atomic.Uint64
	covered [1 << 10]atomic.Uint64
}

func (c *cmapCover) covers(r rune) bool {
	if r < 0 || r >= 1<<16 {
		return c.lookup(r)
	}
	w, b := r/64, uint64(1)<<(r%64)
	if c.known[w].Load()&b != 0 {
		return c.covered[w].Load()&b != 0
	}
	ok := c.lookup(r)
	if ok {
		c.covered[w].Or(b)
	}
	c.known[w].Or(b)
	return ok
}

func (c *cmapCover) lookup(r rune) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	g, err := c.font.GlyphIndex(&c.buf, r)
	return err == nil && g != 0
}
