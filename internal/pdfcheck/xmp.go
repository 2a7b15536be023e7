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
	nsRDF          = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
	nsDC           = "http://purl.org/dc/elements/1.1/"
	nsPDFUAID      = "http://www.aiim.org/pdfua/ns/id/"
	nsPDFAID       = "http://www.aiim.org/pdfa/ns/id/"
	nsXMP          = "http://ns.adobe.com/xap/1.0/"
	nsPDF          = "http://ns.adobe.com/pdf/1.3/"
	nsPDFAExt      = "http://www.aiim.org/pdfa/ns/extension/"
	nsPDFASchema   = "http://www.aiim.org/pdfa/ns/schema#"
	nsPDFAProperty = "http://www.aiim.org/pdfa/ns/property#"
)

// xmpProps holds the properties of an XMP packet, keyed by "namespace
// local-name": the text of a simple property (element or attribute form)
// or of the first item of an array (rdf:Alt, rdf:Seq, rdf:Bag), and the
// number of items of each array. declared holds the properties that the
// packet's PDF/A extension schemas declare, keyed the same way.
type xmpProps struct {
	values   map[string]string
	items    map[string]int
	order    []string // keys of values in packet order
	declared map[string]bool
}

// get returns the value of the property local in namespace ns.
func (p *xmpProps) get(ns, local string) (string, bool) {
	v, ok := p.values[ns+" "+local]
	return v, ok
}

// count returns the number of array items of a property.
func (p *xmpProps) count(ns, local string) int {
	return p.items[ns+" "+local]
}

// set records a property's value the first time it is seen.
func (p *xmpProps) set(key, value string) {
	if _, ok := p.values[key]; !ok {
		p.order = append(p.order, key)
		p.values[key] = value
	} else if p.values[key] == "" {
		p.values[key] = value
	}
}

// xmpParser walks an XMP packet's elements.
type xmpParser struct {
	props   *xmpProps
	stack   []xml.Name
	prop    string // the property being read: a child of rdf:Description
	schema  *extSchema
	capture *string // the text of pdfaSchema:namespaceURI or pdfaProperty:name being read
}

// extSchema is one PDF/A extension schema being read: its namespace and
// the names of its properties.
type extSchema struct {
	depth int // stack depth of its rdf:li
	ns    string
	names []string
}

// parseXMP reads the properties of every rdf:Description in an XMP
// packet, whatever prefixes the packet binds to the namespaces, and the
// properties its PDF/A extension schemas declare.
func parseXMP(b []byte) (*xmpProps, error) {
	p := xmpParser{props: &xmpProps{values: map[string]string{}, items: map[string]int{}, declared: map[string]bool{}}}
	d := xml.NewDecoder(bytes.NewReader(b))
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			return p.props, nil
		}
		if err != nil {
			return p.props, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			p.start(t)
		case xml.EndElement:
			p.end()
		case xml.CharData:
			p.text(strings.TrimSpace(string(t)))
		}
	}
}

// start handles an opening tag.
func (p *xmpParser) start(t xml.StartElement) {
	var parent, grandparent xml.Name
	if n := len(p.stack); n > 0 {
		parent = p.stack[n-1]
		if n > 1 {
			grandparent = p.stack[n-2]
		}
	}
	p.stack = append(p.stack, t.Name)
	is := func(n xml.Name, ns, local string) bool { return n.Space == ns && n.Local == local }
	switch {
	case p.schema != nil && is(t.Name, nsPDFASchema, "namespaceURI"):
		p.capture = &p.schema.ns
	case p.schema != nil && is(t.Name, nsPDFAProperty, "name"):
		p.schema.names = append(p.schema.names, "")
		p.capture = &p.schema.names[len(p.schema.names)-1]
	case p.schema != nil:
		// inside an extension schema: its fields are no properties
	case is(t.Name, nsRDF, "li") && is(parent, nsRDF, "Bag") && is(grandparent, nsPDFAExt, "schemas"):
		p.schema = &extSchema{depth: len(p.stack)}
	case is(t.Name, nsRDF, "Description"):
		for _, a := range t.Attr {
			if a.Name.Space != "xmlns" && a.Name.Space != nsRDF && a.Name.Space != "" {
				p.props.set(a.Name.Space+" "+a.Name.Local, strings.TrimSpace(a.Value))
			}
		}
	case is(parent, nsRDF, "Description"):
		p.prop = t.Name.Space + " " + t.Name.Local
		p.props.set(p.prop, "")
	case is(t.Name, nsRDF, "li") && p.prop != "":
		p.props.items[p.prop]++
	}
}

// end handles a closing tag: it ends a property, a captured text or an
// extension schema.
func (p *xmpParser) end() {
	n := len(p.stack)
	p.capture = nil
	if p.schema != nil && n == p.schema.depth {
		for _, name := range p.schema.names {
			p.props.declared[p.schema.ns+" "+name] = true
		}
		p.schema = nil
	}
	p.stack = p.stack[:n-1]
	if n > 1 && p.stack[n-2].Space == nsRDF && p.stack[n-2].Local == "Description" {
		p.prop = ""
	}
}

// text handles character data.
func (p *xmpParser) text(s string) {
	if s == "" {
		return
	}
	if p.capture != nil {
		*p.capture += s
		return
	}
	if p.prop != "" && p.props.values[p.prop] == "" {
		p.props.values[p.prop] = s
	}
}

// predefinedXMP lists the namespaces whose properties PDF/A-2 accepts
// without an extension schema: the XMP Specification 2005 schemas and
// PDF/A's own (ISO 19005-2 6.6.2.3.1).
var predefinedXMP = map[string]bool{
	nsDC: true, nsXMP: true, nsPDF: true, nsPDFAID: true, nsPDFAExt: true,
	"http://ns.adobe.com/xap/1.0/rights/":          true,
	"http://ns.adobe.com/xap/1.0/mm/":              true,
	"http://ns.adobe.com/xap/1.0/bj/":              true,
	"http://ns.adobe.com/xap/1.0/t/pg/":            true,
	"http://ns.adobe.com/xmp/1.0/DynamicMedia/":    true,
	"http://ns.adobe.com/photoshop/1.0/":           true,
	"http://ns.adobe.com/camera-raw-settings/1.0/": true,
	"http://ns.adobe.com/exif/1.0/":                true,
	"http://ns.adobe.com/exif/1.0/aux/":            true,
	"http://ns.adobe.com/tiff/1.0/":                true,
}

// undeclared returns the properties, in packet order, whose namespace is
// not predefined and that no extension schema declares.
func (p *xmpProps) undeclared() []string {
	var out []string
	for _, key := range p.order {
		ns, _, _ := strings.Cut(key, " ")
		if !predefinedXMP[ns] && !p.declared[key] {
			out = append(out, key)
		}
	}
	return out
}
