package report

import (
	"strings"
	"unicode"
)

// Slug is the id the data format gives a row written without one: its
// label in lower case, letters and digits kept, every other run of
// characters one hyphen ("Ivory Coast" -> "ivory-coast").
func Slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
			continue
		}
		dash = true
	}
	return b.String()
}
