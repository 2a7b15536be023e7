package pdfcheck

import (
	"fmt"
	"strings"
	"testing"
)

// The test PDFs are written by hand, object by object, so that each
// condition can be broken by editing one line of a good file. build
// numbers the objects from 1, computes the cross-reference table and
// the stream lengths.

// testPDF is a PDF under construction: its header and its objects'
// bodies (object i+1 is objs[i]), and extra trailer entries.
type testPDF struct {
	header  string
	objs    []string
	trailer string
}

// stream returns the body of a stream object with its /Length.
func stream(dict, content string) string {
	return fmt.Sprintf("<< %s /Length %d >>\nstream\n%s\nendstream", dict, len(content), content)
}

// bytes writes the file.
func (p testPDF) bytes() []byte {
	var b strings.Builder
	b.WriteString(p.header)
	offsets := make([]int, len(p.objs))
	for i, body := range p.objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, body)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(p.objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R %s >>\nstartxref\n%d\n%%%%EOF\n", len(p.objs)+1, p.trailer, xref)
	return []byte(b.String())
}

// edit returns a copy of p with old replaced by new in object n (1-based);
// it fails the test when old is not there, so that a case cannot pass
// by editing nothing.
func (p testPDF) edit(tb testing.TB, n int, old, new string) testPDF {
	tb.Helper()
	if !strings.Contains(p.objs[n-1], old) {
		tb.Fatalf("object %d has no %q", n, old)
	}
	q := p
	q.objs = append([]string(nil), p.objs...)
	body := strings.Replace(p.objs[n-1], old, new, 1)
	if dict, content, ok := strings.Cut(body, " /Length "); ok {
		_, content, _ = strings.Cut(content, ">>\nstream\n")
		body = stream(strings.TrimPrefix(dict, "<< "), strings.TrimSuffix(content, "\nendstream"))
	}
	q.objs[n-1] = body
	return q
}

// The objects of the good file, by number.
const (
	objCatalog    = 1
	objPage       = 3
	objContent    = 4
	objStructRoot = 5
	objMetadata   = 6
	objFont       = 7
	objParentTree = 9
	objCIDFont    = 10
	objH1         = 12
	objTH         = 15
	objFigure     = 16
	objLink       = 17
	objAnnot      = 18
	objH2         = 19
	objInfo       = 24
)

// pageContent of the good file. A header as an artifact, a heading whose
// text holds ") EMC (" and "BDC" inside the string, a table header cell
// and a data cell (hex string, TJ array), a figure, a link and a
// sub-heading, a rule as an artifact. An inline image stands inside the
// figure's sequence, its binary data holding "EMC".
const goodContent = `/Artifact <</Type /Pagination>> BDC BT /F1 8 Tf 10 190 Td (Page 1) Tj ET EMC
/H1 <</MCID 0>> BDC BT /F1 12 Tf 10 170 Td (Title \) EMC \( BDC \\) Tj ET EMC
/TH <</MCID 1>> BDC BT 10 150 Td <48656164> Tj ET EMC
/TD <</MCID 2 /ActualText (Cells)>> BDC BT 60 150 Td [(Cell) -20 (s)] TJ ET EMC % a comment: EMC
/Figure <</MCID 3>> BDC q 20 0 0 20 10 100 cm /Im1 Do Q
q 1 0 0 1 40 100 cm BI /W 1 /H 1 /CS /RGB /BPC 8 ID EMC EI Q EMC
/Link <</MCID 4>> BDC BT 10 80 Td (link) Tj ET EMC
/H2 /MC5 BDC BT 10 60 Td (Sub) Tj ET EMC
/Artifact BMC 0 0 m 200 0 l S EMC`

// goodXMP declares PDF/UA-1 in attribute form, with the extension schema
// PDF/A-2 wants for it, and PDF/A-2u in element form, with the title,
// language, producer and date of the Info dict.
const goodXMP = `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:ua="http://www.aiim.org/pdfua/ns/id/" ua:part="1"/>
<rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
<pdfaSchema:schema>PDF/UA identification</pdfaSchema:schema>
<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">
<pdfaProperty:name>part</pdfaProperty:name><pdfaProperty:valueType>Integer</pdfaProperty:valueType>
<pdfaProperty:category>internal</pdfaProperty:category><pdfaProperty:description>PDF/UA version</pdfaProperty:description>
</rdf:li></rdf:Seq></pdfaSchema:property>
</rdf:li></rdf:Bag></pdfaExtension:schemas>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
<pdfaid:part>2</pdfaid:part><pdfaid:conformance>U</pdfaid:conformance>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">Tagged test</rdf:li></rdf:Alt></dc:title>
<dc:language><rdf:Bag><rdf:li>en</rdf:li></rdf:Bag></dc:language>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
<pdf:Producer>pdfcheck test</pdf:Producer><xmp:CreateDate>2010-05-01T02:00:00+02:00</xmp:CreateDate>
</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`

// goodPDF returns a small file that meets every condition Check judges.
func goodPDF() testPDF {
	icc := strings.Repeat("\x00", 36) + "acsp" + strings.Repeat("\x00", 88)
	return testPDF{
		header: "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n",
		objs: []string{
			/* 1 */ `<< /Type /Catalog /Pages 2 0 R /Lang (en) /MarkInfo << /Marked true >> /ViewerPreferences << /DisplayDocTitle true >> /StructTreeRoot 5 0 R /Metadata 6 0 R /OutputIntents [<< /Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier (sRGB) /DestOutputProfile 25 0 R >>] >>`,
			/* 2 */ `<< /Type /Pages /Kids [3 0 R] /Count 1 >>`,
			/* 3 */ `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Resources << /Font << /F1 7 0 R >> /XObject << /Im1 20 0 R >> /Properties << /MC5 << /MCID 5 >> >> >> /Contents 4 0 R /StructParents 0 /Tabs /S /Annots [18 0 R] >>`,
			/* 4 */ stream("", goodContent),
			/* 5 */ `<< /Type /StructTreeRoot /K 8 0 R /ParentTree 9 0 R /ParentTreeNextKey 2 /RoleMap << /Chart /Figure >> >>`,
			/* 6 */ stream("/Type /Metadata /Subtype /XML", goodXMP),
			/* 7 */ `<< /Type /Font /Subtype /Type0 /BaseFont /AAAAAA+Test /Encoding /Identity-H /DescendantFonts [10 0 R] /ToUnicode 11 0 R >>`,
			/* 8 */ `<< /Type /StructElem /S /Document /P 5 0 R /K [12 0 R 13 0 R 16 0 R 17 0 R 19 0 R] >>`,
			/* 9 */ `<< /Nums [0 [12 0 R 15 0 R 22 0 R 16 0 R 17 0 R 19 0 R] 1 17 0 R] >>`,
			/* 10 */ `<< /Type /Font /Subtype /CIDFontType2 /BaseFont /AAAAAA+Test /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 14 0 R >>`,
			/* 11 */ stream("", "/CIDInit /ProcSet findresource begin 12 dict begin begincmap endcmap end end"),
			/* 12 */ `<< /Type /StructElem /S /H1 /P 8 0 R /Pg 3 0 R /K 0 >>`,
			/* 13 */ `<< /Type /StructElem /S /Table /P 8 0 R /K [21 0 R] >>`,
			/* 14 */ `<< /Type /FontDescriptor /FontName /AAAAAA+Test /Flags 32 /FontBBox [0 0 1000 1000] /ItalicAngle 0 /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 /FontFile2 23 0 R >>`,
			/* 15 */ `<< /Type /StructElem /S /TH /P 21 0 R /Pg 3 0 R /K 1 /A [<< /O /Layout /Placement /Block >> << /O /Table /Scope /Column >>] >>`,
			/* 16 */ `<< /Type /StructElem /S /Chart /P 8 0 R /Pg 3 0 R /K 3 /Alt (A red square) >>`,
			/* 17 */ `<< /Type /StructElem /S /Link /P 8 0 R /Pg 3 0 R /K [4 << /Type /OBJR /Obj 18 0 R /Pg 3 0 R >>] >>`,
			/* 18 */ `<< /Type /Annot /Subtype /Link /Rect [10 80 40 90] /Contents (Example site) /StructParent 1 /F 4 /A << /S /URI /URI (https://example.org) >> >>`,
			/* 19 */ `<< /Type /StructElem /S /H2 /P 8 0 R /Pg 3 0 R /K 5 >>`,
			/* 20 */ stream("/Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceRGB /BitsPerComponent 8", "\xff\x00\x00"),
			/* 21 */ `<< /Type /StructElem /S /TR /P 13 0 R /K [15 0 R 22 0 R] >>`,
			/* 22 */ `<< /Type /StructElem /S /TD /P 21 0 R /K [<< /Type /MCR /MCID 2 /Pg 3 0 R >>] >>`,
			/* 23 */ stream("", "not a real font program"),
			/* 24 */ `<< /Title (Tagged test) /Producer (pdfcheck test) /CreationDate (D:20100501000000Z) >>`,
			/* 25 */ stream("/N 3", icc),
		},
		trailer: "/Info 24 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>]",
	}
}

// check runs Check and fails the test on an error.
func check(tb testing.TB, p testPDF) Report {
	tb.Helper()
	r, err := Check(p.bytes())
	if err != nil {
		tb.Fatalf("Check: %v", err)
	}
	return r
}
