package pdfcheck

import (
	"fmt"
	"sort"
	"strings"
)

// Rule names one machine-checkable condition. Where the Matterhorn
// Protocol (PDF/UA-1) numbers the failure condition, the comment gives
// it; "checkpoint N" names the group where the number is not certain.
type Rule string

// The PDF/UA-1 rules that Check judges.
const (
	TextOutside        Rule = "text-outside-marked-content"     // 01-005: Tj TJ ' " neither in real content nor in an artifact
	XObjectOutside     Rule = "xobject-outside-marked-content"  // 01-005: Do (an image) neither in real content nor in an artifact
	PathOutside        Rule = "path-outside-marked-content"     // 01-005, a warning: a painted path neither in real content nor in an artifact
	MarkedContent      Rule = "marked-content-nesting"          // 01-003/01-004 and syntax: unbalanced BDC/EMC, artifacts and MCIDs nested in each other
	DuplicateMCID      Rule = "duplicate-mcid"                  // one MCID on two sequences of a page
	MCIDNotInTree      Rule = "mcid-not-in-parent-tree"         // 01-005 in effect: content with an MCID no structure element owns
	ParentTreeNoMCID   Rule = "parent-tree-mcid-missing"        // a ParentTree entry points at an MCID the page does not have
	ParentTreeMismatch Rule = "parent-tree-mismatch"            // the ParentTree and the tree disagree on the owner of an MCID or annotation
	MCRNoContent       Rule = "mcr-without-content"             // a structure element's marked-content kid the page does not have
	EmptyElement       Rule = "element-without-content"         // a warning: an element with no kids (an empty table cell aside)
	NoStructParents    Rule = "page-without-structparents"      // a page with MCIDs and no /StructParents
	NonStandardRole    Rule = "non-standard-role"               // 02-001: a role /RoleMap does not map to a standard type
	BadNesting         Rule = "bad-nesting"                     // 09-004: TR, TH, TD, THead, TBody, TFoot, LI, LBody, TOCI outside the parent their type asks
	FigureAlt          Rule = "figure-without-alt"              // 13-004
	HeadingSkip        Rule = "heading-level-skipped"           // 14-002 (first heading not H1), 14-003 (a level skipped)
	TableNoTH          Rule = "table-without-th"                // checkpoint 15: a table without header cells
	THNoScope          Rule = "th-without-scope"                // 15-003
	AnnotStructParent  Rule = "annotation-without-structparent" // checkpoint 28: an annotation outside the structure tree
	AnnotNotInLink     Rule = "link-annotation-not-in-link"     // 28-011
	AnnotContents      Rule = "annotation-without-contents"     // 28-012 (Link); /Contents on every annotation
	PageTabs           Rule = "page-tabs-not-s"                 // ISO 14289-1 7.18.3: /Tabs /S on pages with annotations
	Lang               Rule = "catalog-without-lang"            // 11-006
	Marked             Rule = "not-marked"                      // ISO 14289-1 7.1: /MarkInfo /Marked true; 01-007: no /Suspects true
	DisplayDocTitle    Rule = "display-doc-title"               // 07-001, 07-002
	StructTreeRoot     Rule = "no-struct-tree-root"             // ISO 14289-1 7.1: a structure tree
	XMPMetadata        Rule = "xmp-metadata"                    // 06-001
	XMPPDFUA           Rule = "xmp-pdfuaid"                     // 06-002
	XMPTitle           Rule = "xmp-dc-title"                    // 06-003
	XMPLanguage        Rule = "xmp-dc-language"                 // the issue asks for dc:language
	FontEmbedded       Rule = "font-not-embedded"               // checkpoint 31: FontFile, FontFile2 or FontFile3
	FontToUnicode      Rule = "font-without-tounicode"          // checkpoint 31: text a reader cannot map to Unicode
	Version            Rule = "pdf-version"                     // PDF/UA-1 is ISO 32000-1: PDF 1.7
)

// The PDF/A-2 rules that Check judges (ISO 19005-2); their findings go to
// Report.PDFA, apart from the PDF/UA findings.
const (
	AXMPPart      Rule = "pdfa-xmp-pdfaid"              // 6.6.4: pdfaid:part 2 and pdfaid:conformance A, B or U
	AXMPStream    Rule = "pdfa-metadata-stream"         // 6.6.2.1: /Type /Metadata /Subtype /XML, well-formed UTF-8, no bytes or encoding attribute
	AXMPExtension Rule = "pdfa-xmp-undeclared-property" // 6.6.2.3.1: every XMP property predefined or in an extension schema
	AOutputIntent Rule = "pdfa-output-intent"           // 6.2.3: /OutputIntents with /S /GTS_PDFA1 and an ICC profile with /N 3
	ATrailerID    Rule = "pdfa-trailer-id"              // 6.1.3: the trailer has /ID
	AEncrypt      Rule = "pdfa-encrypt"                 // 6.1.3: no /Encrypt
	AJavaScript   Rule = "pdfa-javascript"              // 6.6.1: no JavaScript actions
	AAnnotPrint   Rule = "pdfa-annotation-flags"        // 6.3.2: annotations have /F with Print set, Hidden, Invisible, NoView clear
	AInfoXMP      Rule = "pdfa-info-xmp-mismatch"       // ISO 19005-1 6.7.3 (TechNote 0003): Info entries equivalent to their XMP properties; PDF/A-2 validators (veraPDF) no longer check it, Acrobat shows both when they differ
	AHeaderBinary Rule = "pdfa-header-binary-comment"   // 6.1.2: a comment of four bytes above 127 after the header
	ANoXMPForPDFA Rule = "pdfa-no-xmp"                  // 6.6.2.1: the catalog has XMP metadata
)

// Finding is one failed condition.
type Finding struct {
	Rule   Rule
	Page   int // 1-based; 0 when the finding is not about one page
	Detail string
}

// String formats a finding as "rule (page N): detail".
func (f Finding) String() string {
	if f.Page > 0 {
		return fmt.Sprintf("%s (page %d): %s", f.Rule, f.Page, f.Detail)
	}
	return fmt.Sprintf("%s: %s", f.Rule, f.Detail)
}

// Report is what Check found in one PDF.
type Report struct {
	Version string // the effective PDF version: the header's, or the catalog's /Version
	Pages   int

	// Violations are the failed PDF/UA-1 conditions, in page order, then
	// in the structure tree's order. Warnings hold the conditions judged
	// too strict to fail a file on: painted paths outside marked content,
	// elements without content.
	Violations []Finding
	Warnings   []Finding
	// PDFA holds the failed PDF/A-2 conditions, and AInfoXMP, which PDF/A-1
	// asks and PDF/A-2 validators no longer check.
	PDFA []Finding

	TextOps         int // text-showing operators (Tj TJ ' ") on all pages
	TextOutside     int // of them, outside both real content and artifacts
	PathsOutside    int // path-painting operators outside both
	XObjectsOutside int // Do operators outside both
	MCIDs           int // marked-content sequences with an MCID
	Artifacts       int // /Artifact marked-content sequences
	Annotations     int // annotations on all pages
	Fonts           int // distinct font dictionaries used by pages

	// Roles counts structure elements by standard structure type (a
	// custom role counted under what /RoleMap maps it to). Headings lists
	// the heading roles (H, H1..H6) in document order.
	Roles    map[string]int
	Headings []string
}

// Count returns how many violations, warnings and PDF/A findings the
// report has for rule.
func (r Report) Count(rule Rule) int {
	n := 0
	for _, list := range [][]Finding{r.Violations, r.Warnings, r.PDFA} {
		for _, f := range list {
			if f.Rule == rule {
				n++
			}
		}
	}
	return n
}

// Rules returns the distinct rules of the violations, sorted.
func (r Report) Rules() []Rule {
	seen := map[Rule]bool{}
	var out []Rule
	for _, f := range r.Violations {
		if !seen[f.Rule] {
			seen[f.Rule] = true
			out = append(out, f.Rule)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

// String prints the report for people: the figures, then every finding.
func (r Report) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "PDF %s, %d page(s), %d annotation(s), %d font(s)\n", r.Version, r.Pages, r.Annotations, r.Fonts)
	fmt.Fprintf(&b, "text operators: %d, outside marked content: %d; paths outside: %d; XObjects outside: %d\n",
		r.TextOps, r.TextOutside, r.PathsOutside, r.XObjectsOutside)
	fmt.Fprintf(&b, "marked content: %d with MCID, %d artifacts\n", r.MCIDs, r.Artifacts)
	roles := make([]string, 0, len(r.Roles))
	for role := range r.Roles {
		roles = append(roles, role)
	}
	sort.Strings(roles)
	b.WriteString("structure elements:")
	for _, role := range roles {
		fmt.Fprintf(&b, " %s=%d", role, r.Roles[role])
	}
	b.WriteString("\n")
	section := func(title string, list []Finding) {
		fmt.Fprintf(&b, "%s: %d\n", title, len(list))
		for _, f := range list {
			fmt.Fprintf(&b, "  %s\n", f)
		}
	}
	section("PDF/UA-1 violations", r.Violations)
	section("PDF/UA-1 warnings", r.Warnings)
	section("PDF/A-2 findings", r.PDFA)
	return b.String()
}
