package charts

import (
	"math"
	"strings"
	"sync"
	"unicode"

	"github.com/golang/freetype/truetype"
	"golang.org/x/image/font"
	"golang.org/x/image/math/fixed"

	"github.com/migprofile/migprofile/layouts"
	"github.com/migprofile/migprofile/report/typeset/script"
)

// dpi is the resolution the drawing is laid out at: a pixel of the
// drawing is 1/96 inch, and a font size of s points is s*96/72 pixels.
const dpi = 96

// fonts are the document's sans-serif typeface, parsed once.
type fonts struct {
	regular, bold *truetype.Font
}

var loadFonts = sync.OnceValues(func() (fonts, error) { return parseFamily(layouts.Sans) })

// parseFamily parses the regular and bold faces of fam, the two a figure
// draws with.
func parseFamily(fam layouts.Family) (fonts, error) {
	r, err := truetype.Parse(fam.Regular)
	if err != nil {
		return fonts{}, err
	}
	b, err := truetype.Parse(fam.Bold)
	if err != nil {
		return fonts{}, err
	}
	return fonts{regular: r, bold: b}, nil
}

// measurer measures text the way the drawing lays it out: the sum of the
// glyphs' advances, unhinted and unkerned, as a PDF viewer places them.
// It is not safe for concurrent use.
type measurer struct {
	// advances caches each rune's advance: freetype loads the whole glyph
	// to tell it, and a figure measures the same few characters many times
	// while it wraps its labels.
	advances map[advanceKey]fixed.Int26_6
}

type advanceKey struct {
	f    *truetype.Font
	size float64
	r    rune
}

// advance is r's advance in f at size, or '?”s when f has no glyph.
func (m *measurer) advance(f *truetype.Font, size float64, r rune) fixed.Int26_6 {
	k := advanceKey{f, size, r}
	if a, ok := m.advances[k]; ok {
		return a
	}
	a := faces.advance(k)
	if m.advances == nil {
		m.advances = make(map[advanceKey]fixed.Int26_6)
	}
	m.advances[k] = a
	return a
}

type faceKey struct {
	f    *truetype.Font
	size float64
}

// faces are the freetype faces that tell advances, one per font and
// size for the whole process: a face allocates a glyph cache of about a
// megabyte, which every figure drawn, in every format, made anew.
var faces = faceCache{m: map[faceKey]font.Face{}}

type faceCache struct {
	mu sync.Mutex
	m  map[faceKey]font.Face
}

// advance is k.r's advance in k.f at k.size, or '?”s when the font has
// no glyph for it.
func (c *faceCache) advance(k advanceKey) fixed.Int26_6 {
	c.mu.Lock()
	defer c.mu.Unlock()
	fk := faceKey{k.f, k.size}
	fc, ok := c.m[fk]
	if !ok {
		fc = truetype.NewFace(k.f, &truetype.Options{Size: k.size, DPI: dpi, Hinting: font.HintingNone})
		c.m[fk] = fc
	}
	a, ok := fc.GlyphAdvance(k.r)
	if !ok {
		a, _ = fc.GlyphAdvance('?')
	}
	return a
}

// width returns the width of s in pixels, rounded up, as it is drawn:
// Arabic shaped into its joined forms, and what f cannot draw in its
// fallback face (see textRuns).
func (m *measurer) width(f *truetype.Font, size float64, s string) int {
	var w fixed.Int26_6
	for _, run := range textRuns(f, s) {
		for _, r := range run.text {
			w += m.advance(run.font, size, r)
		}
	}
	return w.Ceil()
}

// fallbackFonts are DejaVu Sans and Sans Bold (layouts.Fallback), for the
// text the Liberation fonts cannot draw, Arabic above all: parsed only
// when a figure needs them.
var fallbackFonts = sync.OnceValues(func() (fonts, error) { return parseFamily(layouts.Fallback) })

// fallbackOf returns the fallback font of f's weight, or nil.
func fallbackOf(f *truetype.Font) *truetype.Font {
	fb, err := fallbackFonts()
	if err != nil {
		return nil
	}
	if fs, err := loadFonts(); err == nil && f == fs.bold {
		return fb.bold
	}
	return fb.regular
}

// textRun is a stretch of text to draw in one font.
type textRun struct {
	font *truetype.Font
	text string
}

// textRuns returns s as it is drawn: in f alone when f draws all of it
// and it holds no Arabic, else shaped (script.ShapeArabic) and split into
// runs of f and of its fallback (script.Runs), in logical order.
func textRuns(f *truetype.Font, s string) []textRun {
	if simple(f, s) {
		return []textRun{{f, s}}
	}
	fb := fallbackOf(f)
	covers := []script.Covers{func(r rune) bool { return f.Index(r) != 0 }}
	if fb != nil {
		covers = append(covers, func(r rune) bool { return fb.Index(r) != 0 })
	}
	var out []textRun
	for _, run := range script.Runs(script.ShapeArabic(s), covers) {
		font := f
		if run.Font == 1 {
			font = fb
		}
		out = append(out, textRun{font, run.Text})
	}
	return out
}

// simple reports whether f draws s as it is: no right-to-left or Arabic
// text, every rune in f.
func simple(f *truetype.Font, s string) bool {
	for _, r := range s {
		if r >= ' ' && r < 0x17F {
			continue // Latin-1 and Latin Extended-A: in every face of the family
		}
		if r >= 0x0590 && !(r >= 0x2000 && r <= 0x206F) || f.Index(r) == 0 {
			return false
		}
	}
	return true
}

// px converts a font size in points to pixels.
func px(size float64) float64 { return size * dpi / 72 }

// clean makes text safe to draw with the font: control characters and
// spaces the font lacks (such as U+202F) become spaces, runs of them one
// space, and other characters the font lacks a question mark, so that
// every back-end draws the same glyphs.
func clean(f *truetype.Font, s string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.ToValidUTF8(s, "?") {
		if unicode.IsControl(r) || unicode.IsSpace(r) && (r < 0x80 || f.Index(r) == 0) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		if f.Index(r) == 0 && !inFallback(f, r) {
			r = '?'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// inFallback reports whether the fallback of f draws r.
func inFallback(f *truetype.Font, r rune) bool {
	fb := fallbackOf(f)
	return fb != nil && fb.Index(r) != 0
}

// wrap breaks s into lines no wider than w pixels, at spaces; a word wider
// than w is cut. At most max lines are returned; if the text does not fit,
// the last line ends with an ellipsis.
func (m *measurer) wrap(f *truetype.Font, size float64, s string, w, max int) []string {
	words := strings.Fields(s)
	var lines []string
	line := ""
	for len(words) > 0 {
		word := words[0]
		try := word
		if line != "" {
			try = line + " " + word
		}
		if m.width(f, size, try) <= w {
			line = try
			words = words[1:]
			continue
		}
		if line == "" {
			// A single word wider than the line: cut it.
			cut := m.fit(f, size, word, w)
			line = word[:cut]
			words[0] = word[cut:]
		}
		lines = append(lines, line)
		line = ""
	}
	if line != "" || len(lines) == 0 {
		lines = append(lines, line)
	}
	if max > 0 && len(lines) > max {
		last := strings.Join(lines[max-1:], " ")
		lines = append(lines[:max-1], m.ellipsis(f, size, last, w))
	}
	return lines
}

// fit returns the byte length of the longest prefix of s (at least one
// rune) no wider than w.
func (m *measurer) fit(f *truetype.Font, size float64, s string, w int) int {
	n := 0
	for i, r := range s {
		end := i + len(string(r))
		if n > 0 && m.width(f, size, s[:end]) > w {
			break
		}
		n = end
	}
	return n
}

// ellipsis shortens s to fit in w pixels, ending it with "…" if cut.
func (m *measurer) ellipsis(f *truetype.Font, size float64, s string, w int) string {
	if m.width(f, size, s) <= w {
		return s
	}
	ew := m.width(f, size, "…")
	cut := 0
	if w > ew {
		cut = m.fit(f, size, s, w-ew)
	}
	return strings.TrimRight(s[:cut], " ") + "…"
}

// round rounds to the nearest pixel.
func round(v float64) int { return int(math.Round(v)) }
