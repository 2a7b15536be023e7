package report

import (
	"fmt"
	"regexp"
	"strings"
)

// Author–year citations in prose, with one author, two ("and", "et",
// "&") or more ("et al."), a comma before the year or none:
// "(Merabet and Gendreau, 2007)", "(Smith and Jones 2008)", "(Dupont et
// Martin, 2008)", "(Docquier et al., 2009)", "Azam and Gubert (2004)".
// Several citations in one bracket are separated by semicolons.
const (
	surname = `(?:(?:de|di|da|du|van|von|der|la|le) )*\p{Lu}[\p{L}’'-]+`
	authors = `(` + surname + `)(?: et al\.| (?:and|et|&) (` + surname + `))?`
	year    = `(\d{4})[a-z]?`
)

var (
	// citeGroup is a bracket that may hold citations: one that ends with
	// a year.
	citeGroup = regexp.MustCompile(`\(([^()]+\d{4}[a-z]?)\)`)
	// citeInGroup is one citation inside a bracket, "Smith and Jones, 2008".
	citeInGroup = regexp.MustCompile(`^` + authors + `,? ` + year + `$`)
	// citeText is a citation whose year alone is in brackets,
	// "Docquier et al. (2009)".
	citeText = regexp.MustCompile(authors + ` \(` + year + `\)`)
)

// citation is an author–year citation found in the text.
type citation struct {
	text   string
	names  []string
	year   string
	strict bool // in brackets with its year: certainly a citation
}

// findCitations returns the author–year citations of s. A name followed
// by a year in brackets ("la France (1963)") is taken for a citation only
// when a reference has that name among its authors: otherwise it is a
// place or an event dated in passing.
func findCitations(s string) []citation {
	if !hasYearInBrackets(s) {
		return nil // most texts: far cheaper than the expressions
	}
	var out []citation
	for _, g := range citeGroup.FindAllStringSubmatch(s, -1) {
		for part := range strings.SplitSeq(g[1], ";") {
			part = strings.TrimSpace(part)
			if m := citeInGroup.FindStringSubmatch(part); m != nil {
				out = append(out, citation{text: "(" + part + ")", names: names(m[1], m[2]), year: m[3], strict: true})
			}
		}
	}
	for _, m := range citeText.FindAllStringSubmatch(s, -1) {
		out = append(out, citation{text: m[0], names: names(m[1], m[2]), year: m[3]})
	}
	return out
}

// hasYearInBrackets reports whether s has a "(" and, after it, four
// digits in a row: every citation the expressions find has both.
func hasYearInBrackets(s string) bool {
	i := strings.IndexByte(s, '(')
	if i < 0 {
		return false
	}
	run := 0
	for _, c := range []byte(s[i:]) {
		if c >= '0' && c <= '9' {
			if run++; run == 4 {
				return true
			}
			continue
		}
		run = 0
	}
	return false
}

func names(first, second string) []string {
	if second == "" {
		return []string{first}
	}
	return []string{first, second}
}

// authorPart is the part of a reference that names its authors: what
// comes before its first year ("Ammassari S. 2005. …" → "Ammassari S. ").
var firstYear = regexp.MustCompile(`\d{4}`)

func authorPart(ref string) string {
	if loc := firstYear.FindStringIndex(ref); loc != nil {
		return ref[:loc[0]]
	}
	return ref
}

// citations warns about author–year citations in the text that match no
// reference (every author's name and the year): usually a misspelt name,
// which the tool reports and leaves as published.
func (v *validator) citations(p *Profile) {
	var refs, authorsOf []string
	for _, f := range p.Frameworks {
		for _, b := range f.Blocks {
			if b.Kind == ReferencesBlock {
				for _, r := range b.Items {
					refs = append(refs, r.String())
					authorsOf = append(authorsOf, authorPart(r.String()))
				}
			}
		}
	}
	if len(refs) == 0 {
		return
	}
	check := func(pos Pos, path string, t Text) {
		for _, c := range findCitations(t.Plain()) {
			if !c.strict && !anyContains(authorsOf, c.names[0]) {
				continue // "la France (1963)": no author of that name
			}
			if !citationMatches(c, refs) {
				v.add(Warning, pos, path, "citation %q matches no reference (no reference names %s with the year %s)", c.text, strings.Join(c.names, " and "), c.year)
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

// citationMatches reports whether a reference names every author of c
// and its year.
func citationMatches(c citation, refs []string) bool {
	for _, r := range refs {
		if !strings.Contains(r, c.year) {
			continue
		}
		all := true
		for _, n := range c.names {
			all = all && strings.Contains(r, n)
		}
		if all {
			return true
		}
	}
	return false
}

func anyContains(ss []string, sub string) bool {
	for _, s := range ss {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}
