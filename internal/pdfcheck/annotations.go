package pdfcheck

import (
	"strconv"
	"strings"
)

// checkAnnotations wants every annotation in the structure tree: a
// /StructParent whose ParentTree entry is the element that references the
// annotation with an OBJR — a Link element for a link — and a /Contents
// text; and /Tabs /S on every page with annotations. Popup annotations
// are exempt (ISO 14289-1 7.18.1), widgets carry /TU rather than
// /Contents.
func (c *checker) checkAnnotations() {
	for _, p := range c.pages {
		if len(p.annots) == 0 {
			continue
		}
		if tabs := c.deref(p.dict["Tabs"]); tabs == nil {
			c.fail(PageTabs, p.nr, "a page with %d annotation(s) has no /Tabs, want /S", len(p.annots))
		} else if c.nameOf(tabs) != "S" {
			c.fail(PageTabs, p.nr, "a page with %d annotation(s) has /Tabs %s, want the name /S", len(p.annots), tabs.PDFString())
		}
		for _, a := range p.annots {
			c.checkAnnotation(a)
		}
	}
}

// checkAnnotation judges one annotation.
func (c *checker) checkAnnotation(a annotInfo) {
	subtype := c.nameOf(a.dict["Subtype"])
	if subtype == "Popup" {
		return
	}
	label := subtype + " annotation"
	if a.objNr != 0 {
		label = subtype + " annotation (object " + strconv.Itoa(a.objNr) + ")"
	}
	if subtype != "Widget" && strings.TrimSpace(c.text(a.dict["Contents"])) == "" {
		c.fail(AnnotContents, a.page, "%s has no /Contents", label)
	}
	owner, referenced := c.tree.objr[a.objNr]
	if subtype == "Link" && (!referenced || c.tree.role[owner] != "Link") {
		c.fail(AnnotNotInLink, a.page, "%s is not referenced by an OBJR of a Link element", label)
	}
	sp, ok := c.intOf(a.dict["StructParent"])
	if !ok {
		c.fail(AnnotStructParent, a.page, "%s has no /StructParent", label)
		return
	}
	entry := c.tree.parentTree[sp]
	switch {
	case c.dict(entry) == nil:
		c.fail(AnnotStructParent, a.page, "%s: /StructParent %d is not in the ParentTree", label, sp)
	case !referenced || objNr(entry) != owner:
		c.fail(ParentTreeMismatch, a.page, "%s: the ParentTree names %s, which has no OBJR to it", label, c.describe(objNr(entry)))
	}
}
