package xlsx

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxCellChars is Excel's limit on the characters of a cell.
const maxCellChars = 32767

// clean makes s safe to store in a cell: valid UTF-8, no characters that
// XML 1.0 forbids (control characters other than tab and newline become
// spaces), carriage returns folded into newlines, at most maxCellChars
// characters.
func clean(s string) string {
	ok := utf8.ValidString(s)
	if ok {
		for i := 0; i < len(s); i++ {
			if c := s[i]; c < 0x20 && c != '\t' && c != '\n' {
				ok = false
				break
			}
		}
	}
	if ok && !strings.ContainsAny(s, "\uFFFE\uFFFF") && len(s) <= maxCellChars {
		return s
	}
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var b strings.Builder
	n := 0
	for _, r := range s {
		if n == maxCellChars {
			break
		}
		switch {
		case r == '\r':
			r = '\n'
		case r < 0x20 && r != '\t' && r != '\n', r == 0xFFFE, r == 0xFFFF:
			r = ' '
		}
		b.WriteRune(r)
		n++
		if r > 0xFFFF { // counts as two UTF-16 units in Excel
			n++
		}
	}
	return b.String()
}

// oneLine folds s onto one line with single spaces (for headings, sheet
// and chart titles).
func oneLine(s string) string {
	return strings.Join(strings.Fields(clean(s)), " ")
}

// sheetName derives a valid, unique sheet name from base and a number,
// e.g. "Table_1": at most 31 characters, none of []:*?/\, not starting or
// ending with an apostrophe. used holds the names taken, lower-cased.
func sheetName(base string, n int, used map[string]bool) string {
	var b strings.Builder
	for _, r := range oneLine(base) {
		switch {
		case strings.ContainsRune(`[]:*?/\'`, r), unicode.IsSpace(r):
			b.WriteRune('_')
		default:
			b.WriteRune(r)
		}
	}
	stem := strings.Trim(b.String(), "_")
	if stem == "" {
		stem = "Sheet"
	}
	suffix := ""
	if n > 0 {
		suffix = "_" + strconv.Itoa(n)
	}
	for i := 1; ; i++ {
		s := suffix
		if i > 1 {
			s += "_" + strconv.Itoa(i)
		}
		name := truncRunes(stem, 31-len(s)) + s
		if !used[strings.ToLower(name)] {
			used[strings.ToLower(name)] = true
			return name
		}
	}
}

// truncRunes cuts s to at most n runes.
func truncRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:max(n, 0)])
}

// tableName derives a valid, unique Excel table name from parts, e.g.
// "Table1_malians_abroad": ASCII letters, digits and underscores, starting
// with a letter, not readable as a cell reference. used holds the names
// taken, lower-cased (Excel compares names case-insensitively).
func tableName(used map[string]bool, parts ...string) string {
	var b strings.Builder
	for _, p := range parts {
		for _, r := range p {
			switch {
			case r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)):
				b.WriteRune(r)
			case b.Len() > 0 && !strings.HasSuffix(b.String(), "_"):
				b.WriteByte('_')
			}
		}
		if b.Len() > 0 && !strings.HasSuffix(b.String(), "_") {
			b.WriteByte('_')
		}
	}
	name := strings.Trim(b.String(), "_")
	if name == "" || !unicode.IsLetter(rune(name[0])) {
		name = "T_" + name
	}
	if cellLike(name) {
		name += "_"
	}
	name = truncRunes(name, 200)
	for i := 1; ; i++ {
		n := name
		if i > 1 {
			n += "_" + strconv.Itoa(i)
		}
		if !used[strings.ToLower(n)] {
			used[strings.ToLower(n)] = true
			return n
		}
	}
}

// cellLike reports whether a name could be read as a cell reference
// (A1 or R1C1 style), which Excel forbids as a table name.
func cellLike(s string) bool {
	u := strings.ToUpper(s)
	if u == "R" || u == "C" {
		return true
	}
	i := 0
	for i < len(u) && u[i] >= 'A' && u[i] <= 'Z' {
		i++
	}
	if i > 0 && i <= 3 && i < len(u) {
		j := i
		for j < len(u) && u[j] >= '0' && u[j] <= '9' {
			j++
		}
		if j == len(u) {
			return true
		}
	}
	// R1C1, R1, C1, RC.
	if len(u) > 0 && (u[0] == 'R' || u[0] == 'C') {
		rest := strings.TrimLeft(u[1:], "0123456789")
		if rest == "" || (u[0] == 'R' && strings.HasPrefix(rest, "C") && strings.Trim(rest[1:], "0123456789") == "") {
			return true
		}
	}
	return false
}

// quoteSheet quotes a sheet name for a formula or reference: 'Table_1'.
func quoteSheet(name string) string {
	return "'" + strings.ReplaceAll(name, "'", "''") + "'"
}

// uniqueHeaders makes table headers non-empty and unique (Excel compares
// them case-insensitively) by appending " (2)", " (3)", ….
func uniqueHeaders(h []string, fallback string) []string {
	seen := make(map[string]bool, len(h))
	out := make([]string, len(h))
	for i, s := range h {
		s = truncRunes(oneLine(s), 250)
		if s == "" {
			s = fallback
		}
		base := s
		for n := 2; seen[strings.ToLower(s)]; n++ {
			s = base + " (" + strconv.Itoa(n) + ")"
		}
		seen[strings.ToLower(s)] = true
		out[i] = s
	}
	return out
}
