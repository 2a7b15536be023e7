package hyphen

import (
	"embed"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// patternFiles holds hyph-utf8's plain-text patterns (hyph-<tag>.pat.txt, one
// pattern a line) and exceptions (hyph-<tag>.hyp.txt, one hyphenated word a
// line), as TeX Live ships them.
//
//go:embed patterns/*.txt
var patternFiles embed.FS

// Licenses is the provenance, copyright and licence notice of every embedded
// pattern file (MIT, BSD 3-clause, LPPL), which a binary that embeds the
// patterns must reproduce in its documentation or output.
//
//go:embed patterns/LICENSES
var Licenses string

// language is one set of embedded patterns, parsed on first use.
type language struct {
	tag         string // hyph-utf8's name for the patterns: "en-us", "el-monoton"
	left, right int    // TeX's hyphenmins for typesetting, from the file's header
	turkish     bool   // dotted and dotless i: İ→i, I→ı

	// letters are letters of the language's own alphabet that no pattern
	// mentions (Italian writes "città", yet its patterns are ASCII). TeX
	// takes them as letters that no pattern matches, and so does Points;
	// any other character the patterns lack stops hyphenation of the word.
	letters string

	once       sync.Once
	pats       *patterns
	exceptions map[string][]int // the .hyp.txt file, keyed by lower-case word
}

// Each language once, with the hyphenmins its hyph-utf8 header gives.
var (
	enUS = &language{tag: "en-us", left: 2, right: 3}
	enGB = &language{tag: "en-gb", left: 2, right: 3}
	fr   = &language{tag: "fr", left: 2, right: 2, letters: "æëùüÿ"}
	es   = &language{tag: "es", left: 2, right: 2, letters: "ü"}
	ca   = &language{tag: "ca", left: 2, right: 2}
	it   = &language{tag: "it", left: 2, right: 2, letters: "àèéìíîòóùú"}
	pt   = &language{tag: "pt", left: 2, right: 3, letters: "àü"}
	pl   = &language{tag: "pl", left: 2, right: 2}
	tr   = &language{tag: "tr", left: 2, right: 2, turkish: true}
	el   = &language{tag: "el-monoton", left: 1, right: 1}
)

// byTag maps a BCP 47 language subtag, or language-region pair, to its
// patterns. English is American unless the region is GB.
var byTag = map[string]*language{
	"en": enUS, "en-us": enUS, "en-gb": enGB,
	"fr": fr, "es": es, "ca": ca, "it": it,
	"pt": pt, "pl": pl, "tr": tr, "el": el,
}

// resolve returns the patterns for a BCP 47 tag, trying its language and
// region ("en-GB", "fr-Latn-FR" → fr-FR) and then its language alone, or nil.
func resolve(tag string) *language {
	subtags := strings.Split(strings.ToLower(strings.ReplaceAll(strings.TrimSpace(tag), "_", "-")), "-")
	if l, ok := byTag[subtags[0]+"-"+region(subtags[1:])]; ok {
		return l
	}
	return byTag[subtags[0]]
}

// region returns the region subtag among the subtags that follow the
// language (two letters or three digits, before any extension), or "".
func region(subtags []string) string {
	for _, s := range subtags {
		switch {
		case len(s) == 1:
			return "" // an extension or private use: no region follows
		case len(s) == 2, len(s) == 3 && strings.Trim(s, "0123456789") == "":
			return s
		}
	}
	return ""
}

// lower returns r in lower case as the language writes it: Turkish İ and I
// become i and ı, every other language uses Unicode's simple mapping, which
// keeps one character one character.
func (l *language) lower(r rune) rune {
	if l.turkish {
		return unicode.TurkishCase.ToLower(r)
	}
	return unicode.ToLower(r)
}

// load parses the language's embedded patterns and exceptions. The files are
// part of the program, so an unreadable one is a bug, and panics.
func (l *language) load() {
	text, err := patternFiles.ReadFile("patterns/hyph-" + l.tag + ".pat.txt")
	if err != nil {
		panic("hyphen: " + err.Error())
	}
	pats, err := parsePatterns(string(text))
	if err != nil {
		panic("hyphen: hyph-" + l.tag + ".pat.txt: " + err.Error())
	}
	for _, r := range l.letters {
		pats.teach(r)
	}
	l.pats = pats
	l.exceptions = make(map[string][]int)
	hyp, err := patternFiles.ReadFile("patterns/hyph-" + l.tag + ".hyp.txt")
	if err != nil {
		return // hyph-utf8 has no exceptions for most languages
	}
	for line := range strings.Lines(string(hyp)) {
		if key, points := parseException(line, l.lower); key != "" {
			l.exceptions[key] = points
		}
	}
}

// parseException reads one exception written "hy-phen-ation" into the word
// in lower case ("hyphenation") and the number of characters before each
// hyphen ([2 6]). Spaces around it are ignored; key is "" if nothing is left.
func parseException(word string, lower func(rune) rune) (key string, points []int) {
	var b strings.Builder
	n := 0
	for _, r := range strings.TrimSpace(word) {
		if r == '-' {
			if n > 0 && (len(points) == 0 || points[len(points)-1] != n) {
				points = append(points, n)
			}
			continue
		}
		b.WriteRune(lower(r))
		n++
	}
	if len(points) > 0 && points[len(points)-1] == n {
		points = points[:len(points)-1] // a trailing hyphen allows nothing
	}
	return b.String(), points
}

// exception returns the hyphenation points AddExceptions or the language's
// exceptions list give for the lower-case word key.
func (h *Hyphenator) exception(key []byte) ([]int, bool) {
	if p, ok := h.extra[string(key)]; ok {
		return p, true
	}
	p, ok := h.lang.exceptions[string(key)]
	return p, ok
}

// partPoints appends to points the hyphenation points of part, one part of
// a word (no hyphens, no separating apostrophes), as offsets plus base.
func (h *Hyphenator) partPoints(part string, base int, points []int) []int {
	left, right := max(h.LeftMin, 1), max(h.RightMin, 1)
	n := utf8.RuneCountInString(part)
	if n < left+right {
		return points
	}
	var (
		wBuf    [96]byte
		offBuf  [48]int
		lvlBuf  [48]uint8
		posBuf  [48]int
		w, offs = wBuf[:0], offBuf[:0]
	)
	w, offs, known := h.lowerPart(part, w, offs)
	key := w[1 : len(w)-1]
	if exc, ok := h.exception(key); ok {
		for _, k := range exc {
			if k >= left && k <= n-right {
				points = append(points, base+offs[k])
			}
		}
		return points
	}
	if !known {
		return points
	}
	levels := h.lang.pats.levels(w, append(posBuf[:0], 0), lvlBuf[:0])
	for k := left; k <= n-right; k++ {
		if levels[k+1]%2 == 1 {
			points = append(points, base+offs[k])
		}
	}
	return points
}

// lowerPart appends to w the part in lower case between the two dots that
// mark a word's ends in Liang's patterns (".migration."), and to offs the
// byte offset in part of each character; known is false if the patterns do
// not know one of them.
func (h *Hyphenator) lowerPart(part string, w []byte, offs []int) ([]byte, []int, bool) {
	known := true
	w = append(w, '.')
	for i, r := range part {
		lr := h.lang.lower(r)
		known = known && h.lang.pats.knows(lr)
		offs = append(offs, i)
		w = utf8.AppendRune(w, lr)
	}
	return append(w, '.'), offs, known
}
