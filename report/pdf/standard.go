package pdf

import (
	_ "embed"
	"fmt"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"
)

// Standard is the ISO standard the PDF declares it meets. Every file is
// tagged PDF/UA-1 (ISO 14289-1); PDF/A-2 (ISO 19005-2), for archives,
// adds an output intent and its identification, in level U (text
// extractable as Unicode) or A (also tagged, which it always is here).
type Standard string

// The standards.
const (
	UA1  Standard = "ua-1"
	A2U  Standard = "a-2u"
	A2A  Standard = "a-2a"
	none Standard = ""
)

// Standards lists the standards, for messages and help.
var Standards = []Standard{UA1, A2U, A2A}

// ParseStandard reads a standard's name in any case; the empty name is
// UA1, the default.
func ParseStandard(s string) (Standard, error) {
	if s == "" {
		return UA1, nil
	}
	for _, st := range Standards {
		if strings.EqualFold(s, string(st)) {
			return st, nil
		}
	}
	names := make([]string, len(Standards))
	for i, st := range Standards {
		names[i] = string(st)
	}
	return none, fmt.Errorf("want %s, got %q", strings.Join(names, ", "), s)
}

// archival reports whether s is a level of PDF/A, and which.
func (s Standard) archival() (conformance string, ok bool) {
	switch s {
	case A2U:
		return "U", true
	case A2A:
		return "A", true
	}
	return "", false
}

// sRGB is the ICC profile of the output intent PDF/A requires: sRGB2014
// of the International Color Consortium, which may be embedded without
// restriction (icc/LICENSE.color.org). 3 kB.
//
//go:embed icc/sRGB2014.icc
var sRGB []byte

// producer names the tool in the document's properties and its XMP.
const producer = "migprofile"

// declare sets what the file says of itself: its properties, its XMP
// metadata (which PDF/UA requires, with dc:title and the pdfuaid part)
// and, for PDF/A, the output intent.
func (d *doc) declare(std Standard, title, authors, subject, keywords string, date time.Time) {
	pdf := d.pdf
	pdf.SetTitle(title, true)
	pdf.SetAuthor(authors, true)
	pdf.SetSubject(subject, true)
	pdf.SetKeywords(keywords, true)
	pdf.SetCreator(producer, true)
	pdf.SetProducer(producer, true)
	pdf.SetCreationDate(date)
	pdf.SetModificationDate(date)
	conf, pdfa := std.archival()
	if pdfa {
		pdf.AddOutputIntent(fpdf.OutputIntentType{
			SubtypeIdent:              fpdf.OutputIntent_GTS_PDFA1,
			OutputConditionIdentifier: "sRGB IEC61966-2.1",
			Info:                      "sRGB IEC61966-2.1",
			ICCProfile:                sRGB,
		})
	}
	pdf.SetXmpMetadata([]byte(xmp(xmpFields{
		title: title, authors: d.p.Meta.Authors, subject: subject, keywords: keywords,
		language: d.p.Meta.Language, date: date, pdfaConformance: conf,
	})))
}

// xmpFields are the values the XMP packet carries.
type xmpFields struct {
	title, subject, keywords, language string
	authors                            []string
	date                               time.Time
	// pdfaConformance is "U" or "A" for PDF/A-2, "" for none.
	pdfaConformance string
}

// xmp is the document's XMP metadata packet. Its values match the
// document information dictionary, as PDF/A requires; its dates are the
// Info dictionary's in UTC (see utcDates).
func xmp(f xmpFields) string {
	esc := xmlEscaper.Replace
	var b strings.Builder
	b.WriteString("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
	b.WriteString(`<x:xmpmeta xmlns:x="adobe:ns:meta/">` + "\n")
	b.WriteString(`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">` + "\n")
	b.WriteString(`<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"`)
	if f.pdfaConformance != "" {
		b.WriteString(` xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"`)
	}
	b.WriteString(">\n")
	b.WriteString("<dc:format>application/pdf</dc:format>\n")
	fmt.Fprintf(&b, "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">%s</rdf:li></rdf:Alt></dc:title>\n", esc(f.title))
	if len(f.authors) > 0 {
		// One entry, the Info dictionary's /Author, as PDF/A validators
		// compare the first entry with it.
		fmt.Fprintf(&b, "<dc:creator><rdf:Seq><rdf:li>%s</rdf:li></rdf:Seq></dc:creator>\n", esc(metaText(strings.Join(f.authors, ", "))))
	}
	if f.subject != "" {
		fmt.Fprintf(&b, "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">%s</rdf:li></rdf:Alt></dc:description>\n", esc(f.subject))
	}
	if f.language != "" {
		fmt.Fprintf(&b, "<dc:language><rdf:Bag><rdf:li>%s</rdf:li></rdf:Bag></dc:language>\n", esc(f.language))
	}
	fmt.Fprintf(&b, "<pdf:Producer>%s</pdf:Producer>\n", producer)
	if f.keywords != "" {
		fmt.Fprintf(&b, "<pdf:Keywords>%s</pdf:Keywords>\n", esc(f.keywords))
	}
	date := f.date.UTC().Format("2006-01-02T15:04:05Z")
	fmt.Fprintf(&b, "<xmp:CreatorTool>%s</xmp:CreatorTool>\n<xmp:CreateDate>%s</xmp:CreateDate>\n<xmp:ModifyDate>%s</xmp:ModifyDate>\n<xmp:MetadataDate>%s</xmp:MetadataDate>\n",
		producer, date, date, date)
	b.WriteString("<pdfuaid:part>1</pdfuaid:part>\n")
	if f.pdfaConformance != "" {
		fmt.Fprintf(&b, "<pdfaid:part>2</pdfaid:part>\n<pdfaid:conformance>%s</pdfaid:conformance>\n", f.pdfaConformance)
	}
	b.WriteString("</rdf:Description>\n")
	if f.pdfaConformance != "" {
		b.WriteString(pdfuaExtension)
	}
	b.WriteString("</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>")
	return b.String()
}

var xmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;")

// pdfuaExtension describes the pdfuaid schema, which PDF/A requires of
// every schema it does not predefine.
const pdfuaExtension = `<rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">
<pdfaProperty:name>part</pdfaProperty:name>
<pdfaProperty:valueType>Integer</pdfaProperty:valueType>
<pdfaProperty:category>internal</pdfaProperty:category>
<pdfaProperty:description>Indicates which part of ISO 14289 the file follows</pdfaProperty:description>
</rdf:li></rdf:Seq></pdfaSchema:property>
</rdf:li></rdf:Bag></pdfaExtension:schemas>
</rdf:Description>
`
