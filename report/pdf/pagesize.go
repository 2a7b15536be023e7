package pdf

import (
	"fmt"
	"strings"
)

// PageSize is a page size the PDF can be laid out on. It is the one rule
// for page sizes: the CLI parses its config with ParsePageSize, and Render
// reads Options.PageSize with it too, so both accept the same names.
type PageSize string

// The page sizes.
const (
	A4     PageSize = "A4"
	Letter PageSize = "Letter"
)

// PageSizes lists the page sizes, for messages and help.
var PageSizes = []PageSize{A4, Letter}

// ParsePageSize reads a page size name in any case ("a4", "LETTER"); the
// empty name is A4, the default, so that an unset option means A4.
func ParsePageSize(s string) (PageSize, error) {
	if s == "" {
		return A4, nil
	}
	for _, size := range PageSizes {
		if strings.EqualFold(s, string(size)) {
			return size, nil
		}
	}
	names := make([]string, len(PageSizes))
	for i, size := range PageSizes {
		names[i] = string(size)
	}
	return "", fmt.Errorf("want %s, got %q", strings.Join(names, " or "), s)
}

// mm returns the page's width and height in millimetres.
func (s PageSize) mm() (w, h float64) {
	if s == Letter {
		return 215.9, 279.4
	}
	return 210, 297
}
