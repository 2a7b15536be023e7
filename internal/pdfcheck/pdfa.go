package pdfcheck

import (
	"bytes"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// checkPDFA judges what PDF/A-2 asks of a file that can be checked from
// its syntax: the identification and metadata, the output intent, the
// trailer, actions and annotation flags. Fonts, which PDF/A-2 also wants
// embedded, are judged by the PDF/UA rules.
func (c *checker) checkPDFA() {
	c.checkPDFAHeader()
	c.checkPDFAMetadata()
	c.checkOutputIntent()
	if len(c.xr.ID) != 2 {
		c.failA(ATrailerID, 0, "the trailer has no /ID with two strings")
	}
	if c.xr.Encrypt != nil {
		c.failA(AEncrypt, 0, "the file is encrypted")
	}
	c.checkActions()
	for _, p := range c.pages {
		for _, a := range p.annots {
			f, _ := c.intOf(a.dict["F"])
			const invisible, hidden, print, noView = 1, 2, 4, 32
			if f&print == 0 || f&(invisible|hidden|noView) != 0 {
				c.failA(AAnnotPrint, p.nr, "%s annotation has /F %d: want Print set, Hidden, Invisible and NoView clear", c.nameOf(a.dict["Subtype"]), f)
			}
		}
	}
	c.checkInfoXMP()
}

// checkPDFAHeader wants a comment of at least four bytes above 127 on
// the line after %PDF-n.n, so that transfer tools treat the file as binary.
func (c *checker) checkPDFAHeader() {
	_, rest, ok := bytes.Cut(c.raw, []byte("\n"))
	if !ok || len(rest) < 5 || rest[0] != '%' {
		c.failA(AHeaderBinary, 0, "no comment line after the header")
		return
	}
	for _, b := range rest[1:5] {
		if b < 128 {
			c.failA(AHeaderBinary, 0, "the comment after the header does not start with four bytes above 127")
			return
		}
	}
}

// checkPDFAMetadata wants pdfaid:part 2 with a conformance level, and a
// metadata stream as ISO 19005-2 6.6.2 asks: /Type /Metadata /Subtype
// /XML, well-formed UTF-8, no bytes or encoding attribute in the xpacket
// header, and every property predefined or declared in an extension
// schema (pdfuaid:part is not predefined: a PDF/A-2 file that claims
// PDF/UA declares it).
func (c *checker) checkPDFAMetadata() {
	sd, ok := c.stream(c.catalog["Metadata"])
	if !ok || c.xmp == nil {
		c.failA(ANoXMPForPDFA, 0, "the catalog has no XMP /Metadata stream")
		return
	}
	if c.nameOf(sd.Dict["Type"]) != "Metadata" || c.nameOf(sd.Dict["Subtype"]) != "XML" {
		c.failA(AXMPStream, 0, "the metadata stream lacks /Type /Metadata /Subtype /XML")
	}
	if c.xmpErr != nil {
		c.failA(AXMPStream, 0, "the XMP packet is not well-formed: %v", c.xmpErr)
	}
	if !utf8.Valid(sd.Content) {
		c.failA(AXMPStream, 0, "the XMP packet is not UTF-8")
	}
	if header, _, ok := bytes.Cut(sd.Content, []byte("?>")); ok && bytes.Contains(header, []byte("<?xpacket")) &&
		(bytes.Contains(header, []byte("bytes=")) || bytes.Contains(header, []byte("encoding="))) {
		c.failA(AXMPStream, 0, "the xpacket header has a bytes or encoding attribute")
	}
	for _, key := range c.xmp.undeclared() {
		ns, local, _ := strings.Cut(key, " ")
		c.failA(AXMPExtension, 0, "XMP property %s (%s) is neither predefined nor declared in an extension schema", local, ns)
	}
	part, _ := c.xmp.get(nsPDFAID, "part")
	conf, _ := c.xmp.get(nsPDFAID, "conformance")
	if part != "2" || (conf != "A" && conf != "B" && conf != "U") {
		c.failA(AXMPPart, 0, "pdfaid:part %q, pdfaid:conformance %q; want 2 and A, B or U", part, conf)
	}
}

// checkOutputIntent wants a GTS_PDFA1 output intent whose ICC profile
// has three components (an RGB profile, as the pages paint in RGB).
func (c *checker) checkOutputIntent() {
	for _, oi := range c.array(c.catalog["OutputIntents"]) {
		d := c.dict(oi)
		if c.nameOf(d["S"]) != "GTS_PDFA1" {
			continue
		}
		profile, ok := c.stream(d["DestOutputProfile"])
		if !ok {
			c.failA(AOutputIntent, 0, "the GTS_PDFA1 output intent has no DestOutputProfile stream")
			return
		}
		if n, _ := c.intOf(profile.Dict["N"]); n != 3 {
			c.failA(AOutputIntent, 0, "the output intent's ICC profile has /N %d, want 3", n)
		}
		if len(profile.Content) < 128 || string(profile.Content[36:40]) != "acsp" {
			c.failA(AOutputIntent, 0, "the output intent's profile is not an ICC profile")
		}
		return
	}
	c.failA(AOutputIntent, 0, "no /OutputIntents entry with /S /GTS_PDFA1")
}

// checkActions wants no JavaScript and no additional actions in the
// catalog, on pages or on annotations.
func (c *checker) checkActions() {
	if c.dict(c.catalog["Names"])["JavaScript"] != nil {
		c.failA(AJavaScript, 0, "the catalog's /Names has /JavaScript")
	}
	if c.nameOf(c.dict(c.catalog["OpenAction"])["S"]) == "JavaScript" {
		c.failA(AJavaScript, 0, "the /OpenAction is JavaScript")
	}
	if c.catalog["AA"] != nil {
		c.failA(AJavaScript, 0, "the catalog has additional actions (/AA)")
	}
	for _, p := range c.pages {
		if p.dict["AA"] != nil {
			c.failA(AJavaScript, p.nr, "the page has additional actions (/AA)")
		}
		for _, a := range p.annots {
			if c.nameOf(c.dict(a.dict["A"])["S"]) == "JavaScript" || a.dict["AA"] != nil {
				c.failA(AJavaScript, p.nr, "an annotation has a JavaScript action or /AA")
			}
		}
	}
}

// infoXMP pairs each document information entry with the XMP property
// PDF/A wants it equivalent to (ISO 19005-1 6.7.3, table 1, with PDF
// Association TechNote 0003: /Author against the first dc:creator entry,
// /Subject against dc:description). Acrobat shows both when they differ.
var infoXMP = []struct{ info, ns, prop string }{
	{"Title", nsDC, "title"},
	{"Author", nsDC, "creator"},
	{"Subject", nsDC, "description"},
	{"Keywords", nsPDF, "Keywords"},
	{"Creator", nsXMP, "CreatorTool"},
	{"Producer", nsPDF, "Producer"},
	{"CreationDate", nsXMP, "CreateDate"},
	{"ModDate", nsXMP, "ModifyDate"},
}

// checkInfoXMP wants every Info entry matched by its XMP property: the
// same text, or for dates the same instant.
func (c *checker) checkInfoXMP() {
	if c.xr.Info == nil || c.xmp == nil {
		return
	}
	info := c.dict(*c.xr.Info)
	if info == nil {
		return
	}
	for _, pair := range infoXMP {
		if info[pair.info] == nil {
			continue
		}
		value := c.text(info[pair.info])
		x, ok := c.xmp.get(pair.ns, pair.prop)
		switch {
		case !ok:
			c.failA(AInfoXMP, 0, "Info /%s %q has no XMP counterpart", pair.info, value)
		case strings.HasSuffix(pair.info, "Date"):
			if !sameInstant(value, x) {
				c.failA(AInfoXMP, 0, "Info /%s %q and XMP %q are not the same instant", pair.info, value, x)
			}
		case strings.TrimSpace(value) != strings.TrimSpace(x):
			c.failA(AInfoXMP, 0, "Info /%s %q and XMP %q differ%s", pair.info, value, x, itemsNote(c.xmp.count(pair.ns, pair.prop)))
		}
	}
}

// sameInstant compares a PDF date (D:YYYYMMDDHHmmSSOHH'mm') with an XMP
// (ISO 8601) date.
func sameInstant(pdfDate, xmpDate string) bool {
	a, ok := parsePDFDate(pdfDate)
	if !ok {
		return false
	}
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04Z07:00", "2006-01-02T15:04:05", "2006-01-02"} {
		if b, err := time.Parse(layout, xmpDate); err == nil {
			return a.Equal(b)
		}
	}
	return false
}

// parsePDFDate reads a PDF date (ISO 32000-1 7.9.4); missing fields take
// their defaults and a missing offset means UTC.
func parsePDFDate(s string) (time.Time, bool) {
	s = strings.TrimPrefix(strings.TrimSpace(s), "D:")
	digits := s
	if i := strings.IndexAny(s, "Z+-"); i >= 0 {
		digits = s[:i]
	}
	if len(digits) < 4 || len(digits) > 14 || len(digits)%2 != 0 {
		return time.Time{}, false
	}
	full := digits + "0101000000"[len(digits)-4:]
	zone := strings.ReplaceAll(strings.TrimSuffix(s[len(digits):], "'"), "'", ":")
	switch {
	case zone == "" || zone == "Z" || strings.HasPrefix(zone, "Z"):
		zone = "Z"
	case len(zone) == 3:
		zone += ":00"
	}
	t, err := time.Parse("20060102150405Z07:00", full+zone)
	return t, err == nil
}

// itemsNote explains a mismatch against an XMP array of several items:
// only its first item is compared.
func itemsNote(items int) string {
	if items > 1 {
		return fmt.Sprintf(" (the first of %d XMP entries; write one, equal to the Info entry)", items)
	}
	return ""
}
