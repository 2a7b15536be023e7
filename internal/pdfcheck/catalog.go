package pdfcheck

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"
)

// XML namespaces of the XMP properties the checks read.
const (
	nsRDF     = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
	nsDC      = "http://purl.org/dc/elements/1.1/"
	nsPDFUAID = "http://www.aiim.org/pdfua/ns/id/"
	nsPDFAID  = "http://www.aiim.org/pdfa/ns/id/"
	nsXMP     = "http://ns.adobe.com/xap/1.0/"
	nsPDF     = "http://ns.adobe.com/pdf/1.3/"
)

// xmpProps holds the properties of an XMP packet, keyed by "namespace
// local-name": the text of a simple property (element or attribute form)
// or of the first item of an array (rdf:Alt, rdf:Seq, rdf:Bag), and the
// number of items of each array.
type xmpProps struct {
	values map[string]string
	items  map[string]int
}

// get returns the value of the property local in namespace ns.
func (p xmpProps) get(ns, local string) (string, bool) {
	v, ok := p.values[ns+" "+local]
	return v, ok
}

// count returns the number of array items of a property.
func (p xmpProps) count(ns, local string) int {
	return p.items[ns+" "+local]
}

// parseXMP reads the properties of every rdf:Description in an XMP
// packet, whatever prefixes the packet binds to the namespaces.
func parseXMP(b []byte) (*xmpProps, error) {
	props := &xmpProps{values: map[string]string{}, items: map[string]int{}}
	d := xml.NewDecoder(bytes.NewReader(b))
	var stack []xml.Name
	prop := "" // the property being read: a child of rdf:Description
	for {
		tok, err := d.Token()
		if err != nil {
			if errors.Is(err, io.EOF) {
				return props, nil
			}
			return props, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			parent := xml.Name{}
			if len(stack) > 0 {
				parent = stack[len(stack)-1]
			}
			stack = append(stack, t.Name)
			switch {
			case t.Name.Space == nsRDF && t.Name.Local == "Description":
				addAttrProps(props.values, t.Attr)
			case parent.Space == nsRDF && parent.Local == "Description":
				prop = t.Name.Space + " " + t.Name.Local
				if _, ok := props.values[prop]; !ok {
					props.values[prop] = ""
				}
			case prop != "" && t.Name.Space == nsRDF && t.Name.Local == "li":
				props.items[prop]++
			}
		case xml.EndElement:
			stack = stack[:len(stack)-1]
			if n := len(stack); n > 0 && stack[n-1].Space == nsRDF && stack[n-1].Local == "Description" {
				prop = ""
			}
		case xml.CharData:
			if s := strings.TrimSpace(string(t)); prop != "" && s != "" && props.values[prop] == "" {
				props.values[prop] = s
			}
		}
	}
}

// addAttrProps records the properties written as attributes of an
// rdf:Description (pdfuaid:part="1").
func addAttrProps(values map[string]string, attrs []xml.Attr) {
	for _, a := range attrs {
		if a.Name.Space == "xmlns" || a.Name.Space == nsRDF || a.Name.Space == "" {
			continue
		}
		values[a.Name.Space+" "+a.Name.Local] = strings.TrimSpace(a.Value)
	}
}

// checkCatalog judges the document-level entries: /Lang, /MarkInfo,
// /ViewerPreferences, /StructTreeRoot and the XMP metadata.
func (c *checker) checkCatalog() {
	if strings.TrimSpace(c.text(c.catalog["Lang"])) == "" {
		c.fail(Lang, 0, "the catalog has no /Lang, or an empty one")
	}
	if !c.boolOf(c.dict(c.catalog["MarkInfo"])["Marked"]) {
		c.fail(Marked, 0, "no /MarkInfo << /Marked true >>")
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
	c.xmp = props
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
