package pdf

import (
	"fmt"
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"codeberg.org/go-pdf/fpdf"
	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"github.com/migprofile/migprofile/layouts"
	"github.com/migprofile/migprofile/report"
	"github.com/migprofile/migprofile/report/typeset/script"
)

// Font metrics: which faces the document uses, loading them into the PDF,
// the advance of each rune, and replacing what a face cannot draw. The
// line breaker (linebreak.go) sees fonts only through its metrics
// interface, which *fontSet implements, so that shaping can later change
// how text is measured without touching how lines are broken.

// pt is one typographic point in mm.
const pt = 25.4 / 72

// face is one of the eight font faces the document may use.
type face uint8

// The faces: two families in four styles each.
const (
	serif face = iota
	serifBold
	serifItalic
	serifBoldItalic
	sans
	sansBold
	sansItalic
	sansBoldItalic
	// The fallback faces (layouts.Fallback) draw what the faces above
	// cannot, Arabic above all; a face falls back to the one of its style.
	fallback
	fallbackBold
	fallbackItalic
	fallbackBoldItalic
	numFaces
)

// fallbackOf is the fallback face of f's style.
func (f face) fallbackOf() face { return fallback | f&3 }

// bold returns the bold face of f's family, keeping italics.
func (f face) bold() face { return f | 1 }

// italic returns the italic face of f's family, keeping boldness.
func (f face) italic() face { return f | 2 }

// fontSet tells which runes the faces can draw and measures text, from
// the fonts' own tables (golang.org/x/image/font/sfnt), and adds each face
// to the PDF on first use. Adding a face (fpdf parses and fingerprints the
// whole font) costs more than laying out the document, so it happens on a
// goroutine of its own while the layout goes on, in order of first use;
// join waits for it before anything else touches the PDF. Widths are
// cached per rune.
type fontSet struct {
	pdf    *fpdf.Fpdf
	loaded []bool
	// queue hands the faces to add to the registering goroutine; nil
	// once joined (faces are then added directly).
	queue chan face
	done  chan struct{}
	sf    []*sfnt.Font
	buf   sfnt.Buffer
	// widths holds each rune's advance in mm per point of size, or -1
	// when the face has no glyph for it; 0 is "not yet measured".
	low  [][0x2200]float64
	high []map[rune]float64
	// custom are the profile's own fonts (report.Meta.Fonts): faces
	// numFaces, numFaces+1, …, tried after the fallback, in every style.
	custom []report.Font
	err    error
}

// faceBytes returns the family name, fpdf style and TrueType bytes of f.
func (fs *fontSet) faceBytes(f face) (family string, style string, ttf []byte) {
	if f >= numFaces {
		return fmt.Sprintf("profile%d", f-numFaces), "", fs.custom[f-numFaces].Data
	}
	fam := layouts.Serif
	switch {
	case f >= fallback:
		fam = layouts.Fallback
	case f >= sans:
		fam = layouts.Sans
	}
	switch f % 4 {
	case 0:
		return fam.Name, "", fam.Regular
	case 1:
		return fam.Name, "B", fam.Bold
	case 2:
		return fam.Name, "I", fam.Italic
	default:
		return fam.Name, "BI", fam.BoldItalic
	}
}

// newFontSet starts adding faces to pdf as they are needed; custom are
// the profile's own fonts.
func newFontSet(pdf *fpdf.Fpdf, custom []report.Font) *fontSet {
	n := int(numFaces) + len(custom)
	fs := &fontSet{pdf: pdf, queue: make(chan face, n), done: make(chan struct{}), custom: custom,
		loaded: make([]bool, n), sf: make([]*sfnt.Font, n), low: make([][0x2200]float64, n), high: make([]map[rune]float64, n)}
	go func() {
		defer close(fs.done)
		for f := range fs.queue {
			family, style, ttf := fs.faceBytes(f)
			pdf.AddUTF8FontFromBytes(family, style, ttf)
		}
	}()
	return fs
}

// need adds face f to the PDF unless it is there: in the background
// until join, directly after.
func (fs *fontSet) need(f face) {
	if fs.loaded[f] {
		return
	}
	fs.loaded[f] = true
	if fs.queue != nil {
		fs.queue <- f // never blocks: each face is sent once
		return
	}
	family, style, ttf := fs.faceBytes(f)
	fs.pdf.AddUTF8FontFromBytes(family, style, ttf)
}

// join waits until every face needed so far is in the PDF. The layout
// calls it before it returns, so that drawing owns the PDF alone.
func (fs *fontSet) join() {
	if fs.queue == nil {
		return
	}
	close(fs.queue)
	<-fs.done
	fs.queue = nil
}

// use selects face f at size pt for drawing; only after join.
func (fs *fontSet) use(f face, size float64) {
	fs.need(f)
	family, style, _ := fs.faceBytes(f)
	fs.pdf.SetFont(family, style, size)
}

// sfntOf parses face f to read its character map, without adding it to
// the PDF: asking whether a face has a glyph must not embed the face.
func (fs *fontSet) sfntOf(f face) *sfnt.Font {
	if fs.sf[f] == nil {
		_, _, ttf := fs.faceBytes(f)
		sf, err := sfnt.Parse(ttf)
		if err != nil && fs.err == nil {
			fs.err = err
		}
		fs.sf[f] = sf
	}
	return fs.sf[f]
}

// runeWidth returns the advance of r in face f, in mm per point of size,
// or -1 when the face cannot draw r.
func (fs *fontSet) runeWidth(f face, r rune) float64 {
	var w float64
	if r >= 0 && int(r) < len(fs.low[f]) {
		w = fs.low[f][r]
	} else if fs.high[f] != nil {
		w = fs.high[f][r]
	}
	if w != 0 {
		return w
	}
	w = fs.measureRune(f, r)
	if r >= 0 && int(r) < len(fs.low[f]) {
		fs.low[f][r] = w
	} else {
		if fs.high[f] == nil {
			fs.high[f] = make(map[rune]float64)
		}
		fs.high[f][r] = w
	}
	return w
}

// glyph returns face f's glyph for r, from its character map, without
// adding the face to the PDF; ok is false when f has none.
func (fs *fontSet) glyph(f face, r rune) (gi sfnt.GlyphIndex, ok bool) {
	sf := fs.sfntOf(f)
	if sf == nil || r < 0 || r > 0xFFFF {
		return 0, false
	}
	gi, err := sf.GlyphIndex(&fs.buf, r)
	return gi, err == nil && gi != 0
}

// measureRune measures r in face f, uncached: see runeWidth.
func (fs *fontSet) measureRune(f face, r rune) float64 {
	gi, ok := fs.glyph(f, r)
	if !ok {
		return -1
	}
	sf := fs.sfntOf(f)
	fs.need(f)
	// fpdf advances each glyph by its width in thousandths of an em,
	// rounded: measure the same, in mm per point of size.
	upem := sf.UnitsPerEm()
	adv, err := sf.GlyphAdvance(&fs.buf, gi, fixed.Int26_6(upem)<<6, font.HintingNone)
	if err != nil {
		return -1
	}
	w := math.Round(float64(adv)/64*1000/float64(upem)) / 1000 * pt
	if w <= 0 {
		// A glyph of no advance (e.g. a combining mark): keep it, but
		// remember it was measured.
		return 1e-9
	}
	return w
}

// width returns the width in mm of s, already sanitized for f, at size
// pt, as it is drawn: Arabic shaped into its joined forms, and what f
// cannot draw in its fallback face, run by run (see scriptRuns).
func (fs *fontSet) width(f face, size float64, s string) float64 {
	if fs.plain(f, s) {
		return fs.rawWidth(f, size, s)
	}
	var w float64
	for _, r := range fs.scriptRuns(f, script.ShapeArabic(s)) {
		w += fs.rawWidth(r.face, size, r.text)
	}
	return w
}

// rawWidth is the width in mm of s in face f at size pt, rune by rune,
// with no shaping and no fallback.
func (fs *fontSet) rawWidth(f face, size float64, s string) float64 {
	var w float64
	for _, r := range s {
		if rw := fs.runeWidth(f, r); rw > 0 {
			w += rw
		}
	}
	return w * size
}

// plain reports whether s is drawn as it is in face f: no Arabic to
// shape, nothing for the fallback face. The common case costs one
// cached lookup per rune.
func (fs *fontSet) plain(f face, s string) bool {
	for _, r := range s {
		if r >= 0x0590 && !(r >= 0x2000 && r <= 0x206F) || fs.runeWidth(f, r) < 0 {
			return false
		}
	}
	return true
}

// faceRun is a stretch of text to draw in one face.
type faceRun struct {
	face face
	text string
}

// scriptRuns splits text, already shaped, into runs of face f and of its
// fallback face, keeping spaces and punctuation with the letters around
// them (script.Runs). What neither face draws stays in f: the document
// has replaced it (sanitize) and validate has warned about it.
func (fs *fontSet) scriptRuns(f face, text string) []faceRun {
	faces := fs.chain(f)
	covers := make([]script.Covers, len(faces))
	for i, c := range faces {
		covers[i] = func(r rune) bool { return fs.runeWidth(c, r) >= 0 }
	}
	runs := script.Runs(text, covers)
	out := make([]faceRun, len(runs))
	for i, r := range runs {
		out[i] = faceRun{face: f, text: r.Text}
		if r.Font > 0 {
			out[i].face = faces[r.Font]
		}
	}
	return out
}

// chain is the list of faces that draw text set in f: f, its fallback
// face, then the profile's own fonts.
func (fs *fontSet) chain(f face) []face {
	faces := []face{f, f.fallbackOf()}
	for i := range fs.custom {
		faces = append(faces, numFaces+face(i))
	}
	return faces
}

// covered reports whether a face of f's chain can draw r.
func (fs *fontSet) covered(f face, r rune) bool {
	for _, c := range fs.chain(f) {
		if fs.runeWidth(c, r) > 0 {
			return true
		}
	}
	return false
}

// sanitize returns s with what face f cannot draw replaced: line breaks
// and tabs become spaces, control and format characters are dropped, and
// a rune outside the font becomes U+FFFD (or "?" if the font lacks it).
func (fs *fontSet) sanitize(f face, s string) string {
	clean := true
	for _, r := range s {
		if r < ' ' || r == utf8.RuneError || !fs.covered(f, r) && !isJoiner(r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			b.WriteByte(' ')
		case isJoiner(r):
			b.WriteRune(r) // steers Arabic joining; never drawn
		case unicode.IsControl(r) || unicode.Is(unicode.Cf, r):
		case fs.covered(f, r):
			b.WriteRune(r)
		case fs.runeWidth(f, '\uFFFD') > 0:
			b.WriteRune('\uFFFD')
		default:
			b.WriteByte('?')
		}
	}
	return b.String()
}

// isJoiner reports the zero-width joiner and non-joiner, which decide how
// Arabic letters join and are removed before drawing.
func isJoiner(r rune) bool { return r == '\u200C' || r == '\u200D' }
