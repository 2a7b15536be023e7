package report

import (
	"strings"
	"unicode/utf8"
)

// OneLine returns s as one line of valid UTF-8: invalid bytes become
// U+FFFD, line and paragraph breaks and tabs become spaces, and other
// control characters are dropped.
func OneLine(s string) string {
	ok := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c == 0x7f || c >= 0x80 {
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
		case r == utf8.RuneError && size == 1:
			b.WriteRune(utf8.RuneError)
		case r < 0x20 || (r >= 0x7f && r < 0xa0) || r == 0xfeff:
			// dropped
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
