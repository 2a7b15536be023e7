package html

import (
	"strconv"
	"strings"

	"github.com/migprofile/migprofile/report"
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

// line is s as one trimmed line of valid UTF-8 (report.OneLine), as a
// title, label or heading is printed.
func line(s string) string { return strings.TrimSpace(report.OneLine(s)) }

// slug is a heading's id: its words in lower case, joined by hyphens
// (letters and digits of any script kept, as report.Slug makes row ids);
// fallback when none is left.
func slug(text, fallback string) string {
	if s := report.Slug(text); s != "" {
		return s
	}
	return fallback
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
