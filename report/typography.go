package report

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// NarrowNoBreakSpace (U+202F) is the space French typography sets before
// ; ! ? and inside « »: it never breaks, so a line never starts with
// the mark.
const NarrowNoBreakSpace = "\u202F"

// frenchSpacing tells whether a language tag's typography puts a no-break
// space before high punctuation (; : ! ?) and inside guillemets: French,
// in every region (fr, fr-FR, fr-CA…).
func frenchSpacing(lang string) bool {
	base, _, _ := strings.Cut(strings.ToLower(lang), "-")
	return base == "fr"
}

// Punctuation returns the default separator after a label ("Source: ")
// and the end of a caption's number ("Table 3.") in a language: French
// sets a narrow no-break space before the colon, "Source : " and
// "Tableau 3 :". A profile's labels may override both (colon,
// number_end).
func Punctuation(lang string) (colon, numberEnd string) {
	if frenchSpacing(lang) {
		return NarrowNoBreakSpace + ": ", NarrowNoBreakSpace + ":"
	}
	return ": ", "."
}

// TitleColon returns the separator between a title and what it is about,
// "Migration Profile: Mali", in a language.
func TitleColon(lang string) string {
	c, _ := Punctuation(lang)
	return c
}

// Typeset applies a language's spacing rules to text an author wrote: in
// French, a space (or a no-break space) written before ; : ! ? or » or
// after « becomes a narrow no-break space, and one is added where none
// was written before ; ! ? » and after «. A colon without a space before
// it is left alone (10:30, a URL's scheme). Other languages are returned
// as they are.
func Typeset(lang, s string) string {
	if !frenchSpacing(lang) || !strings.ContainsAny(s, ";:!?«»") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i, r := range s {
		switch {
		case r == ' ' || r == '\u00A0':
			next, _ := utf8.DecodeRuneInString(s[i+utf8.RuneLen(r):])
			prev, _ := utf8.DecodeLastRuneInString(s[:i])
			if strings.ContainsRune(";:!?»", next) || prev == '«' {
				b.WriteString(NarrowNoBreakSpace)
				continue
			}
		case strings.ContainsRune(";!?»", r):
			prev, _ := utf8.DecodeLastRuneInString(s[:i])
			if i > 0 && !unicode.IsSpace(prev) && !strings.ContainsRune(";!?", prev) {
				b.WriteString(NarrowNoBreakSpace)
			}
		}
		b.WriteRune(r)
		if r == '«' {
			next, _ := utf8.DecodeRuneInString(s[i+len("«"):])
			if next != utf8.RuneError && !unicode.IsSpace(next) {
				b.WriteString(NarrowNoBreakSpace)
			}
		}
	}
	return b.String()
}
