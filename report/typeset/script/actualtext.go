package script

import (
	"fmt"
	"strings"
	"unicode/utf16"
)

// BeginActualText is the PDF content operator that opens a marked-content
// span standing for text (its /ActualText, as a UTF-16BE hexadecimal
// string, which needs no escaping); EndActualText closes it. A renderer
// writes them around a Piece's glyph when the piece has Actual text.
func BeginActualText(text string) string {
	return "/Span <</ActualText " + TextString(text) + ">> BDC\n"
}

// TextString is text as a PDF text string: UTF-16BE with a byte order
// mark, in hexadecimal, so that no character needs escaping.
func TextString(text string) string {
	var b strings.Builder
	b.WriteString("<FEFF")
	for _, u := range utf16.Encode([]rune(text)) {
		fmt.Fprintf(&b, "%04X", u)
	}
	b.WriteString(">")
	return b.String()
}

// EndActualText closes the span BeginActualText opened.
const EndActualText = "EMC\n"
