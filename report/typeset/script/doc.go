// Package script prepares text in any script the profiles need for a PDF
// drawn with fpdf: it picks a font per run of text from a fallback list,
// shapes Arabic into the presentation forms a font's cmap can draw, puts
// each line in visual order with the Unicode Bidirectional Algorithm, and
// says which glyphs stand for other text so that copying and pdftotext give
// the logical text back.
//
// # How a renderer uses it
//
//	paragraph (logical text)
//	  → Uncovered(text, fonts)          validate: characters no font draws, with offsets
//	  → ShapeArabic(text)               to measure: widths of what will be drawn
//	  → line breaking                   (another package) on the logical text
//	  → Visual(line, paragraphRTL)      per line: segments in visual order
//	  → Runs(segment.Visual, fonts)     per segment: one font per run
//	  → Pieces(run.Text, segment.RTL)   per run: what to draw at once;
//	                                    a piece with Actual is drawn inside
//	                                    /Span <</ActualText (…)>> BDC … EMC
//
// Lines are broken at spaces, and no Arabic letter joins across a space, so
// shaping a whole paragraph to measure it and shaping each line to draw it
// give the same glyphs. internal/specimen draws a page this way; its test
// checks the page with pdftotext.
//
// # Why presentation forms and not HarfBuzz
//
// fpdf (codeberg.org/go-pdf/fpdf v0.12.0) maps runes to glyphs through the
// font's cmap and subsets the font by rune; it cannot place a glyph by id.
// github.com/go-text/typesetting (v0.3.5, a Go port of HarfBuzz) shapes
// with the font's GSUB and GPOS tables and returns glyph ids, so using it
// means writing our own font embedding (a Type 0 font with our subset,
// widths and ToUnicode map) beside fpdf's, or mapping glyph ids back to
// runes through the cmap, which fails for every glyph the cmap does not
// reach. Arabic, the one script here that needs shaping, has Unicode
// presentation forms for the contextual forms of its letters and for the
// four lam-alef ligatures, and DejaVu Sans maps all of them (U+FE70–U+FEFC,
// and the Persian and Urdu letters' forms in U+FB50–U+FBFF). The shaper is
// a hundred lines over tables generated from the Unicode Character Database
// (gen_tables.go), and on DejaVu Sans it chooses the very glyphs HarfBuzz
// chooses (harfbuzz_test.go compares them on 35 words and phrases, regular
// and bold), at a tenth of the time and without HarfBuzz's 3.2 MB in the
// binary. No Arabic reshaper for Go is on the module proxy. What it cannot
// do: letters Unicode gives no presentation forms (U+06A8 ڨ, Algerian gaf)
// stay unjoined; optional ligatures and GPOS mark positioning are not
// applied (the fonts' default mark positions are used).
//
// # Why our own bidi levels
//
// Reordering needs the embedding level of every character (UAX #9 rule
// L2). golang.org/x/text/unicode/bidi (v0.43.0) does not expose levels: its
// Ordering returns runs in logical order with a direction only, and it
// leaves a space between an Arabic and a Latin word right-to-left
// (golang/go#71809). github.com/go-text/typesetting/bidi resolves levels
// correctly but returns runs split by direction only, so digits at level 2
// and Latin text at level 0 that follow each other come back as one run
// (for "Law no. 02-03 (قانون رقم 02-03) of 2003", "03) of 2003"), and the
// visual order cannot be rebuilt from it. bidi.go implements the implicit
// rules (W1–W7, N0–N2, I1–I2, L1) with the Bidi_Class and bracket tables of
// x/text; it passes every case of Unicode's BidiTest.txt and
// BidiCharacterTest.txt (15.0) without explicit embeddings, overrides or
// isolates, which profiles do not use and which it does not implement.
//
// # Why an /ActualText per glyph
//
// pdftotext (poppler 22.12) reads right-to-left text by glyph position and
// spreads an /ActualText evenly over its glyphs from left to right, so a
// span over a word comes out reversed. One span per presentation form,
// standing for its one letter, comes out right, and is still what the PDF
// specification asks of /ActualText; see Pieces for the lam-alef ligature.
package script
