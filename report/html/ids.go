package html

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ids hands out the page's element ids: each taken once, a repeat given
// -2, -3 … so that every id on the page is unique, whatever the data.
type ids map[string]bool

func (s ids) take(base string) string {
	id := base
	for n := 2; s[id]; n++ {
		id = base + "-" + strconv.Itoa(n)
	}
	s[id] = true
	return id
}

// slug is a heading's id: its words in lower case, joined by hyphens
// (letters and digits of any script kept); fallback when none is left.
func slug(text, fallback string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(text) {
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
	if b.Len() == 0 {
		return fallback
	}
	return b.String()
}

// safeID turns a footnote's published id into a part of an element id:
// ASCII letters, digits, "-" and "." are kept, every other byte is written
// as _XX, so that two different ids never give the same element id.
func safeID(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.' {
			b.WriteByte(c)
			continue
		}
		b.WriteString("_" + strconv.FormatUint(uint64(c), 16))
	}
	return b.String()
}

// oneLine returns s as one line of valid UTF-8: line breaks and tabs
// become spaces, other control characters are dropped, invalid bytes
// become U+FFFD. (html/template escapes markup; it leaves control
// characters, which HTML forbids.)
func oneLine(s string) string {
	ok := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c == 0x7f || c >= 0x80 {
			ok = false
			break
		}
	}
	if ok {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == '\t' || r == '\n' || r == '\r' || r == 0x85 || r == 0x2028 || r == 0x2029:
			b.WriteByte(' ')
		case r < 0x20 || (r >= 0x7f && r < 0xa0) || r == 0xfeff:
		default:
			b.WriteRune(r) // invalid bytes decode as U+FFFD
		}
	}
	return b.String()
}
