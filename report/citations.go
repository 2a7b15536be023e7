package report

import (
	"fmt"
	"regexp"
	"strings"
)

// Author–year citations in prose: "(Merabet and Gendreau, 2007)",
// "Docquier et al. (2009)", "Azam and Gubert (2004)".
var (
	citeParen = regexp.MustCompile(`\((\p{Lu}[\p{L}’'-]+)(?: et al\.| and \p{Lu}[\p{L}’'-]+)?, (\d{4})\)`)
	citeText  = regexp.MustCompile(`(\p{Lu}[\p{L}’'-]+)(?: et al\.| and \p{Lu}[\p{L}’'-]+)? \((\d{4})\)`)
)

// citations warns about author–year citations in the text that match no
// reference (same surname and year): usually a misspelt name, which the
// tool reports and leaves as published.
func (v *validator) citations(p *Profile) {
	var refs []string
	for _, f := range p.Frameworks {
		for _, b := range f.Blocks {
			if b.Kind == ReferencesBlock {
				for _, r := range b.Items {
					refs = append(refs, r.String())
				}
			}
		}
	}
	if len(refs) == 0 {
		return
	}
	check := func(pos Pos, path string, t Text) {
		s := t.Plain()
		for _, re := range []*regexp.Regexp{citeParen, citeText} {
			for _, m := range re.FindAllStringSubmatch(s, -1) {
				name, year := m[1], m[2]
				found := false
				for _, r := range refs {
					if strings.Contains(r, name) && strings.Contains(r, year) {
						found = true
						break
					}
				}
				if !found {
					v.add(Warning, pos, path, "citation %q matches no reference (no reference names %s with the year %s)", m[0], name, year)
				}
			}
		}
	}
	for _, f := range p.Frameworks {
		for i, b := range f.Blocks {
			path := fmt.Sprintf("body[%d]", i)
			switch b.Kind {
			case Paragraph:
				check(b.Pos, path, b.Text)
			case ColumnsBlock:
				for _, it := range append(append([]Item{}, b.Columns.Outward...), b.Columns.Inward...) {
					if it.Kind == ItemParagraph {
						check(it.Pos, "", it.Text)
					}
				}
			}
		}
	}
}
