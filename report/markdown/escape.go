package markdown

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/migprofile/migprofile/report"
)

// clean returns s as one line of valid UTF-8 (see oneLine), trimmed of
// spaces at both ends.
func clean(s string) string { return strings.TrimSpace(report.OneLine(s)) }

// escapeInline backslash-escapes the characters of s that Markdown could
// read as inline syntax, so that s is printed as written: \ ` * _ [ ] < | ~ #
// always, & when it would start an entity reference, and : when it would
// open an emoji shortcode. s must already be clean.
func escapeInline(s string) string {
	n := 0
	for i := 0; i < len(s); i++ {
		if needsEscape(s, i) {
			n++
		}
	}
	if n == 0 {
		return s
	}
	b := make([]byte, 0, len(s)+n)
	for i := 0; i < len(s); i++ {
		if needsEscape(s, i) {
			b = append(b, '\\')
		}
		b = append(b, s[i])
	}
	return string(b)
}

func needsEscape(s string, i int) bool {
	switch s[i] {
	case '\\', '`', '*', '_', '[', ']', '<', '|', '~', '#':
		return true
	case '&':
		return entityAt(s, i)
	case ':':
		return emojiAt(s, i)
	}
	return false
}

// emojiAt reports whether s[i:] (s[i] == ':') reads as an emoji shortcode
// such as :smile: or :+1:, which pandoc's GFM reader turns into an emoji.
func emojiAt(s string, i int) bool {
	j := i + 1
	for j < len(s) && (isASCIIAlnum(s[j]) || s[j] == '_' || s[j] == '+' || s[j] == '-') {
		j++
	}
	return j > i+1 && j < len(s) && s[j] == ':'
}

// entityAt reports whether s[i:] (s[i] == '&') reads as an entity or
// numeric character reference: &name; &#123; &#x1F;.
func entityAt(s string, i int) bool {
	j := i + 1
	if j < len(s) && s[j] == '#' {
		j++
		if j < len(s) && (s[j] == 'x' || s[j] == 'X') {
			j++
		}
	}
	start := j
	for j < len(s) && j-start < 32 && isASCIIAlnum(s[j]) {
		j++
	}
	return j > start && j < len(s) && s[j] == ';'
}

func isASCIIAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// escapeBlockStart escapes the start of an already inline-escaped line so
// that it cannot open a block: a heading, a list item, a block quote, a
// thematic break or a setext underline.
func escapeBlockStart(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '-', '+', '=', '>':
		return `\` + s
	}
	// An ordered list marker: up to nine digits then "." or ")".
	i := 0
	for i < len(s) && i < 10 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i > 0 && i < 10 && i < len(s) && (s[i] == '.' || s[i] == ')') {
		return s[:i] + `\` + s[i:]
	}
	return s
}

// strong wraps s (inline Markdown, trimmed) in strong emphasis; an empty s
// stays empty, since "****" would print as asterisks.
func strong(s string) string {
	if s == "" {
		return ""
	}
	return "**" + s + "**"
}

// emph wraps s (inline Markdown, trimmed) in emphasis.
func emph(s string) string {
	if s == "" {
		return ""
	}
	return "*" + s + "*"
}

// linkDest formats a URL as a link destination: bare when it holds only
// characters that need no quoting, else in angle brackets with < > and \
// escaped.
func linkDest(u string) string {
	u = clean(u)
	plain := u != ""
	depth := 0
	for i := 0; i < len(u) && plain; i++ {
		c := u[i]
		switch {
		case c == '(':
			depth++
		case c == ')':
			depth--
			plain = depth >= 0
		case isASCIIAlnum(c) || strings.IndexByte("-._~:/?#@!$&'*+,;=%", c) >= 0:
		default:
			plain = false
		}
	}
	if plain && depth == 0 {
		return u
	}
	var b strings.Builder
	b.WriteByte('<')
	for i := 0; i < len(u); i++ {
		switch u[i] {
		case '<', '>', '\\', '|':
			b.WriteByte('\\')
		case ' ':
			b.WriteString("%20")
			continue
		}
		b.WriteByte(u[i])
	}
	b.WriteByte('>')
	return b.String()
}

// yamlQuote returns s as a YAML double-quoted scalar, so that no text (a
// ": ", a leading "#", a quote, a control character) can break the front
// matter.
func yamlQuote(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == 0x85:
			b.WriteString(`\N`)
		case r == 0x2028:
			b.WriteString(`\L`)
		case r == 0x2029:
			b.WriteString(`\P`)
		case r < 0x20 || (r >= 0x7f && r < 0xa0):
			b.WriteString(`\x`)
			if r < 0x10 {
				b.WriteByte('0')
			}
			b.WriteString(strings.ToUpper(strconv.FormatInt(int64(r), 16)))
		case r == 0xfeff:
			b.WriteString(`\uFEFF`)
		default:
			// Invalid UTF-8 decodes as U+FFFD and is written as such.
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// slugger assigns GitHub-style heading anchors: the heading's text in lower
// case, with every character that is not a letter, mark, number, connector
// punctuation (_), hyphen or space removed, and each space replaced by a
// hyphen; a repeated anchor gets -1, -2, … appended, skipping anchors
// already taken (the scheme of github-slugger).
type slugger struct {
	seen map[string]int
}

func newSlugger() *slugger { return &slugger{seen: map[string]int{}} }

func (s *slugger) slug(text string) string {
	base := slugOf(text)
	id := base
	for {
		if _, taken := s.seen[id]; !taken {
			break
		}
		s.seen[base]++
		id = base + "-" + strconv.Itoa(s.seen[base])
	}
	s.seen[id] = 0
	return id
}

func slugOf(text string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(text) {
		switch {
		case r == ' ' || r == '-':
			b.WriteByte('-')
		case unicode.In(r, unicode.L, unicode.M, unicode.N, unicode.Pc):
			b.WriteRune(r)
		}
	}
	return b.String()
}

// autolinkable reports whether u can be written as an autolink <u>: an
// http, https or ftp URL without spaces, angle brackets, pipes (which
// would split a table cell) or backslashes.
func autolinkable(u string) bool {
	l := strings.ToLower(u)
	if !strings.HasPrefix(l, "http://") && !strings.HasPrefix(l, "https://") && !strings.HasPrefix(l, "ftp://") {
		return false
	}
	for i := 0; i < len(u); i++ {
		switch c := u[i]; {
		case c <= ' ', c == '<', c == '>', c == '|', c == '\\', c == 0x7f:
			return false
		}
	}
	return true
}
