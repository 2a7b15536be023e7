// Package hyphen finds where a word may be hyphenated, by language, with
// Frank Liang's algorithm and the patterns TeX uses.
//
// Justified text on a narrow measure needs hyphens: without them a long word
// that does not fit is pushed to the next line whole and the spaces of the
// line it leaves open wide. Liang ("Word Hy-phen-a-tion by Com-put-er",
// Stanford, 1983) showed that a few thousand short patterns per language,
// each a string of letters with digits between them, find nearly every
// hyphen of a dictionary and almost no wrong one: a word takes, between each
// pair of its letters, the highest digit of any pattern that matches there,
// and an odd digit allows a hyphen. TeX, LibreOffice and the browsers all use
// his method; the patterns here are the ones TeX Live ships, from the
// hyph-utf8 project, embedded with their licences (patterns/LICENSES).
//
// A language's patterns are parsed the first time it is asked for, into a
// hash table over the embedded text that allocates nothing per pattern, so
// that a document pays well under a millisecond for each language it uses.
package hyphen

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// softHyphen (U+00AD) marks where an author allows a hyphen; a word that has
// one is hyphenated there only.
const softHyphen = '\u00AD'

// Hyphenator finds the hyphenation points of words in one language.
//
// For returns a new Hyphenator on every call, sharing the language's parsed
// patterns, so changing one (LeftMin, RightMin, AddExceptions) changes no
// other. Configure it first: once configured it may be used by several
// goroutines at once.
type Hyphenator struct {
	// LeftMin is the fewest characters (runes) a hyphen may leave before it,
	// RightMin the fewest after it, counted within each part of a compound.
	// For sets them to 2 and 3, or to TeX's lefthyphenmin and
	// righthyphenmin for the language where those are larger.
	LeftMin, RightMin int

	lang  *language
	extra map[string][]int // from AddExceptions: lower-case word → rune counts before each hyphen
}

// For returns a Hyphenator for the BCP 47 language tag lang ("en",
// "en-GB", "fr-FR", "pt-BR"), or nil when no patterns are embedded for that
// language; callers then set the text without hyphens.
func For(lang string) *Hyphenator {
	l := resolve(lang)
	if l == nil {
		return nil
	}
	l.once.Do(l.load)
	return &Hyphenator{
		LeftMin:  max(2, l.left),
		RightMin: max(3, l.right),
		lang:     l,
	}
}

// AddExceptions makes the words given, written with a hyphen at each allowed
// point ("Ouaga-dou-gou", "pro-file"), hyphenate exactly there, as TeX's
// \hyphenation does; a word without a hyphen is then never hyphenated. Case
// does not matter. A later entry for the same word replaces an earlier one.
// It must not be called while the Hyphenator is in use by another goroutine.
func (h *Hyphenator) AddExceptions(words ...string) {
	if h == nil {
		return
	}
	for _, w := range words {
		key, points := parseException(w, h.lang.lower)
		if key == "" {
			continue
		}
		if h.extra == nil {
			h.extra = make(map[string][]int)
		}
		h.extra[key] = points
	}
}

// Points returns the byte offsets in word where a hyphen may be inserted, in
// ascending order: the text before offset i, a hyphen, and the text from i
// on make the two lines. It returns nil for a nil Hyphenator and for words
// that must not be hyphenated: words with digits, addresses ("://", "www.",
// "@", "/"), invalid UTF-8, words with a capital letter inside them (initial
// capitals are fine), and words with letters the language's patterns do not
// know, which include accents written as separate combining marks: pass text
// in Unicode's composed form (NFC), as typed text almost always is.
//
// Leading and trailing punctuation is ignored. A word with soft hyphens
// (U+00AD) is hyphenated at those only, at the offset of each soft hyphen,
// which the caller removes from the printed text. Dashes and hyphens, and
// apostrophes the patterns do not know, split a word into parts hyphenated
// on their own: "non-immigrant" gives non-im-mi-grant and English
// "government's" gov-ern-ment's; the break after an explicit hyphen is the
// line breaker's and is not among the points.
func (h *Hyphenator) Points(word string) []int {
	if h == nil || never(word) {
		return nil
	}
	lo, hi := letterSpan(word)
	core := word[lo:hi]
	if strings.ContainsRune(word, softHyphen) {
		return softPoints(core, lo, h.LeftMin, h.RightMin)
	}
	if capitalInside(core) {
		return nil
	}
	var buf [16]int
	points, start := buf[:0], 0
	for i, r := range core {
		if h.separates(r) {
			points = h.partPoints(core[start:i], lo+start, points)
			start = i + utf8.RuneLen(r)
		}
	}
	points = h.partPoints(core[start:], lo+start, points)
	if len(points) == 0 {
		return nil
	}
	return slices.Clone(points)
}

// never reports whether word is one that is never hyphenated whatever its
// letters: a number, an address, or not text at all. A hyphen inserted there
// would change what the reader types or dials.
func never(word string) bool {
	if !utf8.ValidString(word) {
		return true
	}
	dot := false
	for _, r := range word {
		switch {
		case r == '@' || r == '/': // e-mail addresses, URLs ("://"), paths, "and/or"
			return true
		case r == '.':
			dot = true
		case r < utf8.RuneSelf:
			if '0' <= r && r <= '9' {
				return true
			}
		case unicode.IsNumber(r):
			return true
		}
	}
	return dot && strings.Contains(strings.ToLower(word), "www.")
}

// letterSpan returns the bounds of word without its leading and trailing
// punctuation: from its first letter to the end of its last letter (and the
// marks that follow it).
func letterSpan(word string) (lo, hi int) {
	isWord := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsMark(r) }
	lo = strings.IndexFunc(word, isWord)
	if lo < 0 {
		return 0, 0
	}
	last := strings.LastIndexFunc(word, isWord)
	_, size := utf8.DecodeRuneInString(word[last:])
	return lo, last + size
}

// capitalInside reports whether core has an upper-case letter anywhere but
// at the start of one of its parts ("iPhone", "CARIM", "McDonald"): such
// words are names and acronyms, which patterns made from a dictionary's
// lower-case words do not know. "Migration", "Jean-Pierre" and "l’Europe"
// pass.
func capitalInside(core string) bool {
	atStart := true
	for _, r := range core {
		if r < utf8.RuneSelf {
			if 'A' <= r && r <= 'Z' && !atStart {
				return true
			}
			atStart = r == '-' || r == '\''
			continue
		}
		if (unicode.IsUpper(r) || unicode.IsTitle(r)) && !atStart {
			return true
		}
		atStart = unicode.Is(unicode.Pd, r) || isApostrophe(r)
	}
	return false
}

// isApostrophe reports whether r is an apostrophe as typed or typeset.
func isApostrophe(r rune) bool {
	return r == '\'' || r == '’'
}

// separates reports whether r splits a word into parts hyphenated on their
// own: any dash or hyphen, and an apostrophe unless the language's patterns
// include it (French and Italian patterns hyphenate "l’immigration" whole,
// English ones do not know the apostrophe).
func (h *Hyphenator) separates(r rune) bool {
	switch {
	case isApostrophe(r):
		return !h.lang.pats.knows(r)
	case r < utf8.RuneSelf:
		return r == '-'
	}
	return unicode.Is(unicode.Pd, r)
}

// softPoints returns the offsets (plus base) of the soft hyphens in core
// that leave at least left characters before them and right after them,
// soft hyphens themselves not counted.
func softPoints(core string, base, left, right int) []int {
	total := utf8.RuneCountInString(core) - strings.Count(core, string(softHyphen))
	var points []int
	seen := 0
	for i, r := range core {
		if r != softHyphen {
			seen++
			continue
		}
		if seen >= max(left, 1) && total-seen >= max(right, 1) {
			points = append(points, base+i)
		}
	}
	return points
}
