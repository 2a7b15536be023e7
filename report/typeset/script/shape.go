package script

import (
	"sort"
	"unicode"
	"unicode/utf8"
)

//go:generate go run gen_tables.go

// joining is a character's Arabic joining type (Unicode's Joining_Type,
// ArabicShaping.txt), as the shaper uses it.
type joining uint8

const (
	joinU joining = iota // non-joining: breaks the joins on both sides
	joinR                // joins the preceding character only (alef, dal, reh, waw…)
	joinD                // joins both sides (beh, lam, meem…)
	joinC                // join-causing, itself unchanged (tatweel, ZWJ)
	joinT                // transparent: skipped when looking for neighbours (harakat)
)

// shape is one Arabic letter's joining type and presentation forms.
type shape struct {
	join  joining
	forms [4]rune // isolated, final, initial, medial; 0 where Unicode has none
}

// The four positional forms, indexes of shape.forms.
const (
	formIsolated = iota
	formFinal
	formInitial
	formMedial
)

const (
	lam  = '\u0644'
	zwj  = '\u200D'
	zwnj = '\u200C'
)

// joiningOf returns r's joining type. Letters with presentation forms come
// from the generated table; tatweel and ZWJ cause joins; marks and format
// characters are transparent unless ArabicShaping.txt says otherwise (ZWNJ,
// the Arabic number signs); everything else, including Arabic letters that
// Unicode gives no presentation forms (U+06A8 ڨ), joins nothing.
func joiningOf(r rune) joining {
	if r >= 0x600 && r <= 0x6FF && shapes[r-0x600].forms[formIsolated] != 0 {
		return shapes[r-0x600].join
	}
	switch {
	case r == '\u0640' || r == zwj:
		return joinC
	case !unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf):
		return joinU
	}
	if i := sort.Search(len(notTransparent), func(i int) bool { return notTransparent[i] >= r }); i < len(notTransparent) && notTransparent[i] == r {
		return joinU
	}
	return joinT
}

// joinsForward reports whether a character of type t connects to the
// character after it; joinsBackward whether it connects to the one before.
func joinsForward(t joining) bool  { return t == joinD || t == joinC }
func joinsBackward(t joining) bool { return t == joinD || t == joinR || t == joinC }

// ShapeArabic returns s with each Arabic letter replaced by its contextual
// presentation form (U+FB50–U+FDFF, U+FE70–U+FEFF) and each lam followed by
// an alef by one of the lam-alef ligatures, so that a font's cmap alone
// draws joined Arabic: fpdf maps runes to glyphs and cannot apply the
// font's own GSUB substitutions. Text stays in logical order. Harakat and
// other transparent marks are skipped when finding a letter's neighbours;
// tatweel and ZWJ join; ZWNJ, spaces, digits and other letters break joins.
// Text without Arabic letters is returned unchanged.
func ShapeArabic(s string) string {
	if !hasArabic(s) {
		return s
	}
	out, _ := shapeRunes([]rune(s))
	return string(out)
}

// hasArabic reports whether s holds a letter the shaper changes.
func hasArabic(s string) bool {
	for i := 0; i < len(s); i++ {
		// U+0600–U+06FF is encoded with a lead byte 0xD8–0xDB.
		if s[i] >= 0xD8 && s[i] <= 0xDB {
			r, _ := utf8.DecodeRuneInString(s[i:])
			if r >= 0x600 && r <= 0x6FF && shapes[r-0x600].forms[formIsolated] != 0 {
				return true
			}
		}
	}
	return false
}

// shapeRunes shapes rs and returns, for each output rune, the index of the
// input rune it comes from (a lam-alef ligature comes from the lam; the
// alef's index is skipped; marks between the two follow the ligature).
func shapeRunes(rs []rune) (out []rune, src []int) {
	types := make([]joining, len(rs))
	for i, r := range rs {
		types[i] = joiningOf(r)
	}
	out = make([]rune, 0, len(rs))
	src = make([]int, 0, len(rs))
	var held []int // marks met between a lam and its alef
	for i := 0; i < len(rs); i++ {
		r, t := rs[i], types[i]
		if t == joinU || t == joinT || t == joinC {
			out, src = append(out, r), append(src, i)
			continue
		}
		prev := neighbour(types, i, -1)
		backward := prev >= 0 && joinsForward(types[prev]) && joinsBackward(t)
		if r == lam {
			if a := neighbour(types, i, +1); a >= 0 {
				if lig, ok := lamAlef[rs[a]]; ok {
					form := formIsolated
					if backward {
						form = formFinal
					}
					out, src = append(out, lig[form]), append(src, i)
					held = held[:0]
					for j := i + 1; j < a; j++ {
						held = append(held, j)
					}
					for _, j := range held {
						out, src = append(out, rs[j]), append(src, j)
					}
					types[a] = joinR // what follows sees the ligature: it ends in an alef
					i = a
					continue
				}
			}
		}
		next := neighbour(types, i, +1)
		forward := next >= 0 && joinsForward(t) && joinsBackward(types[next])
		out, src = append(out, formOf(r, backward, forward)), append(src, i)
	}
	return out, src
}

// neighbour returns the index of the first non-transparent character before
// (step -1) or after (step +1) i, or -1.
func neighbour(types []joining, i, step int) int {
	for j := i + step; j >= 0 && j < len(types); j += step {
		if types[j] != joinT {
			return j
		}
	}
	return -1
}

// formOf returns the presentation form of the letter r joined on the
// requested sides.
func formOf(r rune, backward, forward bool) rune {
	f := shapes[r-0x600].forms
	switch {
	case backward && forward:
		return f[formMedial]
	case backward:
		return f[formFinal]
	case forward:
		return f[formInitial]
	}
	return r // the nominal letter is the isolated form, and more fonts map it
}

// isArabicForm reports whether r is in the Arabic presentation forms blocks.
func isArabicForm(r rune) bool {
	return (r >= 0xFB50 && r <= 0xFDFF) || (r >= 0xFE70 && r <= 0xFEFF)
}
