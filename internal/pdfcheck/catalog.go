package pdfcheck

import "strings"

// checkCatalog judges the document-level entries: /Lang, /MarkInfo,
// /ViewerPreferences, /StructTreeRoot and the XMP metadata.
func (c *checker) checkCatalog() {
	if strings.TrimSpace(c.text(c.catalog["Lang"])) == "" {
		c.fail(Lang, 0, "the catalog has no /Lang, or an empty one")
	}
	markInfo := c.dict(c.catalog["MarkInfo"])
	if !c.boolOf(markInfo["Marked"]) {
		c.fail(Marked, 0, "no /MarkInfo << /Marked true >>")
	}
	if c.boolOf(markInfo["Suspects"]) {
		c.fail(Marked, 0, "/MarkInfo /Suspects true: the tags are not to be trusted (Matterhorn 01-007)")
	}
	vp := c.dict(c.catalog["ViewerPreferences"])
	if _, ok := vp["DisplayDocTitle"]; !ok {
		c.fail(DisplayDocTitle, 0, "no /ViewerPreferences /DisplayDocTitle")
	} else if !c.boolOf(vp["DisplayDocTitle"]) {
		c.fail(DisplayDocTitle, 0, "/DisplayDocTitle is false")
	}
	if c.dict(c.catalog["StructTreeRoot"]) == nil {
		c.fail(StructTreeRoot, 0, "no /StructTreeRoot")
	}
	c.checkXMP()
}

// checkXMP reads the catalog's /Metadata and wants pdfuaid:part 1,
// dc:title and dc:language.
func (c *checker) checkXMP() {
	sd, ok := c.stream(c.catalog["Metadata"])
	if !ok {
		c.fail(XMPMetadata, 0, "the catalog has no XMP /Metadata stream")
		return
	}
	props, err := parseXMP(sd.Content)
	if err != nil {
		c.fail(XMPMetadata, 0, "the XMP metadata is not well-formed XML: %v", err)
	}
	c.xmp, c.xmpErr = props, err
	if part, _ := props.get(nsPDFUAID, "part"); part != "1" {
		c.fail(XMPPDFUA, 0, "pdfuaid:part is %q, want \"1\"", part)
	}
	if title, _ := props.get(nsDC, "title"); title == "" {
		c.fail(XMPTitle, 0, "no dc:title in the XMP metadata")
	}
	if lang, _ := props.get(nsDC, "language"); lang == "" {
		c.fail(XMPLanguage, 0, "no dc:language in the XMP metadata")
	}
}
