package pdfcheck

import (
	"bytes"
	"strconv"
)

// The lexer reads a content stream as a sequence of operands and
// operators (ISO 32000-1, 7.8.2). Operands are decoded into plain Go
// values: float64 for numbers, name for names, []byte for literal and hex
// strings, []any for arrays and map[string]any for dictionaries; true,
// false and null become bool and nil. Only what the checks need is kept:
// BDC's property dictionary is the one operand read for its content.

// name is a PDF name operand, without its slash.
type name string

// lexer walks a decoded content stream.
type lexer struct {
	b   []byte
	pos int
}

// isWhite reports PDF white-space characters.
func isWhite(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

// isDelim reports PDF delimiter characters.
func isDelim(c byte) bool {
	switch c {
	case '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}

// skipSpace moves past white space and comments.
func (l *lexer) skipSpace() {
	for l.pos < len(l.b) {
		c := l.b[l.pos]
		switch {
		case isWhite(c):
			l.pos++
		case c == '%':
			for l.pos < len(l.b) && l.b[l.pos] != '\n' && l.b[l.pos] != '\r' {
				l.pos++
			}
		default:
			return
		}
	}
}

// next returns the next operand (isOp false) or operator (isOp true, op
// set). At the end of the stream it returns ok false.
func (l *lexer) next() (v any, op string, isOp, ok bool) {
	l.skipSpace()
	if l.pos >= len(l.b) {
		return nil, "", false, false
	}
	c := l.b[l.pos]
	switch {
	case c == '/':
		return l.name(), "", false, true
	case c == '(':
		return l.literal(), "", false, true
	case c == '<' && l.peek(1) == '<':
		l.pos += 2
		return l.dict(), "", false, true
	case c == '<':
		return l.hex(), "", false, true
	case c == '[':
		l.pos++
		return l.array(), "", false, true
	case c == ']' || c == '>' || c == ')' || c == '{' || c == '}':
		l.pos++ // stray delimiter: skip it, as readers do
		return l.next()
	}
	word := l.regular()
	if f, err := strconv.ParseFloat(word, 64); err == nil {
		return f, "", false, true
	}
	switch word {
	case "true":
		return true, "", false, true
	case "false":
		return false, "", false, true
	case "null":
		return nil, "", false, true
	}
	return nil, word, true, true
}

// peek returns the byte at offset d from the current position, or 0.
func (l *lexer) peek(d int) byte {
	if l.pos+d < len(l.b) {
		return l.b[l.pos+d]
	}
	return 0
}

// regular reads a run of regular characters (a number or a keyword).
func (l *lexer) regular() string {
	start := l.pos
	for l.pos < len(l.b) && !isWhite(l.b[l.pos]) && !isDelim(l.b[l.pos]) {
		l.pos++
	}
	if l.pos == start { // a lone delimiter we do not know: step over it
		l.pos++
	}
	return string(l.b[start:l.pos])
}

// name reads /Name, decoding #xx escapes.
func (l *lexer) name() name {
	l.pos++
	start := l.pos
	for l.pos < len(l.b) && !isWhite(l.b[l.pos]) && !isDelim(l.b[l.pos]) {
		l.pos++
	}
	raw := l.b[start:l.pos]
	if bytes.IndexByte(raw, '#') < 0 {
		return name(raw)
	}
	var out []byte
	for i := 0; i < len(raw); i++ {
		if raw[i] == '#' && i+2 < len(raw) {
			if n, err := strconv.ParseUint(string(raw[i+1:i+3]), 16, 8); err == nil {
				out = append(out, byte(n))
				i += 2
				continue
			}
		}
		out = append(out, raw[i])
	}
	return name(out)
}

// literal reads a (string) with nested parentheses and backslash escapes.
func (l *lexer) literal() []byte {
	l.pos++
	var out []byte
	depth := 1
	for l.pos < len(l.b) {
		c := l.b[l.pos]
		l.pos++
		switch c {
		case '\\':
			out = l.escape(out)
			continue
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return out
			}
		}
		out = append(out, c)
	}
	return out
}

// escape decodes the escape after a backslash in a literal string.
func (l *lexer) escape(out []byte) []byte {
	if l.pos >= len(l.b) {
		return out
	}
	c := l.b[l.pos]
	l.pos++
	switch c {
	case 'n':
		return append(out, '\n')
	case 'r':
		return append(out, '\r')
	case 't':
		return append(out, '\t')
	case 'b':
		return append(out, '\b')
	case 'f':
		return append(out, '\f')
	case '\r':
		if l.peek(0) == '\n' {
			l.pos++
		}
		return out
	case '\n':
		return out
	}
	if c < '0' || c > '7' {
		return append(out, c) // \( \) \\ and unknown escapes
	}
	n := int(c - '0')
	for i := 0; i < 2 && l.pos < len(l.b) && l.b[l.pos] >= '0' && l.b[l.pos] <= '7'; i++ {
		n = n*8 + int(l.b[l.pos]-'0')
		l.pos++
	}
	return append(out, byte(n))
}

// hex reads a <hex string>; an odd last digit counts as followed by 0.
func (l *lexer) hex() []byte {
	l.pos++
	var out []byte
	hi, half := byte(0), false
	for l.pos < len(l.b) && l.b[l.pos] != '>' {
		c := l.b[l.pos]
		l.pos++
		v, ok := hexDigit(c)
		if !ok {
			continue
		}
		if half {
			out = append(out, hi<<4|v)
		} else {
			hi = v
		}
		half = !half
	}
	l.pos++
	if half {
		out = append(out, hi<<4)
	}
	return out
}

// hexDigit decodes one hexadecimal digit.
func hexDigit(c byte) (byte, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

// array reads the elements of an array up to its ]; an operator inside
// an array (malformed) is dropped.
func (l *lexer) array() []any {
	var out []any
	for {
		l.skipSpace()
		if l.pos >= len(l.b) {
			return out
		}
		if l.b[l.pos] == ']' {
			l.pos++
			return out
		}
		v, _, isOp, ok := l.next()
		if !ok {
			return out
		}
		if !isOp {
			out = append(out, v)
		}
	}
}

// dict reads key/value pairs up to >>.
func (l *lexer) dict() map[string]any {
	out := map[string]any{}
	for {
		l.skipSpace()
		if l.pos >= len(l.b) {
			return out
		}
		if l.b[l.pos] == '>' && l.peek(1) == '>' {
			l.pos += 2
			return out
		}
		k, _, isOp, ok := l.next()
		if !ok {
			return out
		}
		key, isName := k.(name)
		if isOp || !isName {
			continue
		}
		v, _, isOp, ok := l.next()
		if !ok {
			return out
		}
		if !isOp {
			out[string(key)] = v
		}
	}
}

// skipInlineImage moves past an inline image's data after its ID
// operator: to the EI that stands alone between white space.
func (l *lexer) skipInlineImage() {
	if l.pos < len(l.b) && isWhite(l.b[l.pos]) {
		l.pos++
	}
	for i := l.pos; i+1 < len(l.b); i++ {
		if l.b[i] == 'E' && l.b[i+1] == 'I' && i > 0 && isWhite(l.b[i-1]) &&
			(i+2 == len(l.b) || isWhite(l.b[i+2]) || isDelim(l.b[i+2])) {
			l.pos = i + 2
			return
		}
	}
	l.pos = len(l.b)
}
