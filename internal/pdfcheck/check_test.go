package pdfcheck

import (
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestGoodPDF(t *testing.T) {
	r := check(t, goodPDF())
	if len(r.Violations)+len(r.Warnings)+len(r.PDFA) > 0 {
		t.Fatalf("the good file has findings:\n%s", r)
	}
	wantRoles := map[string]int{"Document": 1, "H1": 1, "H2": 1, "Table": 1, "TR": 1, "TH": 1, "TD": 1, "Figure": 1, "Link": 1}
	if diff := cmp.Diff(wantRoles, r.Roles); diff != "" {
		t.Errorf("roles (-want +got):\n%s", diff)
	}
	got := []int{r.Pages, r.TextOps, r.TextOutside, r.MCIDs, r.Artifacts, r.Annotations, r.Fonts}
	want := []int{1, 6, 0, 6, 2, 1, 1}
	if !slices.Equal(got, want) {
		t.Errorf("pages, text ops, outside, MCIDs, artifacts, annotations, fonts = %v, want %v", got, want)
	}
	if !slices.Equal(r.Headings, []string{"H1", "H2"}) || r.Version != "1.7" {
		t.Errorf("headings %v, version %s", r.Headings, r.Version)
	}
}

// TestViolations breaks the good file one condition at a time and wants
// exactly the rules that condition stands for, no more, no fewer.
func TestViolations(t *testing.T) {
	appendContent := func(extra string) func(testing.TB, testPDF) testPDF {
		return func(tb testing.TB, p testPDF) testPDF {
			q := p
			q.objs = slices.Clone(p.objs)
			q.objs[objContent-1] = stream("", goodContent+"\n"+extra)
			return q
		}
	}
	edit := func(n int, old, new string) func(testing.TB, testPDF) testPDF {
		return func(tb testing.TB, p testPDF) testPDF { return p.edit(tb, n, old, new) }
	}
	tests := []struct {
		name     string
		change   func(testing.TB, testPDF) testPDF
		want     []Rule // violations
		warnings []Rule
		pdfa     []Rule
	}{
		{"text outside marked content", appendContent("BT 10 10 Td [(a) 10 (b)] TJ (c) ' 1 2 (d) \" ET"), []Rule{TextOutside}, nil, nil},
		{"text in a sequence with neither MCID nor Artifact", appendContent("/Span BMC BT (e) Tj ET EMC"), []Rule{TextOutside}, nil, nil},
		{"EMC without BMC", appendContent("EMC"), []Rule{MarkedContent}, nil, nil},
		{"BMC without EMC", appendContent("/Span BMC"), []Rule{MarkedContent}, nil, nil},
		{"artifact inside real content", edit(objContent, "/Link <</MCID 4>> BDC BT", "/Link <</MCID 4>> BDC /Artifact BMC EMC BT"), []Rule{MarkedContent}, nil, nil},
		{"MCID twice", appendContent("/P <</MCID 4>> BDC EMC"), []Rule{DuplicateMCID}, nil, nil},
		{"path outside marked content", appendContent("0 0 m 10 10 l S 0 0 10 10 re f"), nil, []Rule{PathOutside}, nil},
		{"image outside marked content", appendContent("q /Im1 Do Q"), []Rule{XObjectOutside}, nil, nil},
		{"MCID not in the ParentTree", appendContent("/P <</MCID 6>> BDC BT (x) Tj ET EMC"), []Rule{MCIDNotInTree}, nil, nil},
		{"ParentTree entry without content", edit(objParentTree, "19 0 R]", "19 0 R 12 0 R]"), []Rule{ParentTreeNoMCID}, nil, nil},
		{"ParentTree and tree disagree", edit(objParentTree, "[12 0 R 15 0 R", "[15 0 R 12 0 R"), []Rule{ParentTreeMismatch, ParentTreeMismatch}, nil, nil},
		{"MCR without content", edit(objH1, "/K 0", "/K [0 7]"), []Rule{MCRNoContent}, nil, nil},
		{"page without StructParents", edit(objPage, "/StructParents 0 ", ""), []Rule{NoStructParents}, nil, nil},
		{"figure without content", edit(objFigure, "/K 3 ", ""), []Rule{ParentTreeMismatch}, []Rule{EmptyElement}, nil},
		{"a role RoleMap does not map", edit(objStructRoot, " /RoleMap << /Chart /Figure >>", ""), []Rule{NonStandardRole}, nil, nil},
		{"table cells outside a TR", edit(21, "/S /TR", "/S /Div"), []Rule{BadNesting, BadNesting}, nil, nil},
		{"figure without Alt", edit(objFigure, "/Alt (A red square)", ""), []Rule{FigureAlt}, nil, nil},
		{"figure with empty Alt", edit(objFigure, "/Alt (A red square)", "/Alt ()"), []Rule{FigureAlt}, nil, nil},
		{"first heading not H1", edit(objH1, "/S /H1", "/S /H2"), []Rule{HeadingSkip}, nil, nil},
		{"H3 after H1", edit(objH2, "/S /H2", "/S /H3"), []Rule{HeadingSkip}, nil, nil},
		{"table without TH", edit(objTH, "/S /TH", "/S /TD"), []Rule{TableNoTH}, nil, nil},
		{"TH without Scope", edit(objTH, "/Scope /Column ", ""), []Rule{THNoScope}, nil, nil},
		{"TH Scope in a Layout attribute", edit(objTH, "/O /Table /Scope", "/O /Layout /Scope"), []Rule{THNoScope}, nil, nil},
		{"annotation without StructParent", edit(objAnnot, "/StructParent 1 ", ""), []Rule{AnnotStructParent}, nil, nil},
		{"StructParent not in the ParentTree", edit(objAnnot, "/StructParent 1 ", "/StructParent 7 "), []Rule{AnnotStructParent}, nil, nil},
		{"link annotation without OBJR", edit(objLink, "/K [4 << /Type /OBJR /Obj 18 0 R /Pg 3 0 R >>]", "/K 4"), []Rule{AnnotNotInLink, ParentTreeMismatch}, nil, nil},
		{"link annotation in a Span", edit(objLink, "/S /Link", "/S /Span"), []Rule{AnnotNotInLink}, nil, nil},
		{"annotation without Contents", edit(objAnnot, "/Contents (Example site) ", ""), []Rule{AnnotContents}, nil, nil},
		{"page with annotations without Tabs", edit(objPage, "/Tabs /S ", ""), []Rule{PageTabs}, nil, nil},
		{"Tabs as a string", edit(objPage, "/Tabs /S ", "/Tabs (S) "), []Rule{PageTabs}, nil, nil},
		{"no Lang", edit(objCatalog, "/Lang (en) ", ""), []Rule{Lang}, nil, nil},
		{"empty Lang", edit(objCatalog, "/Lang (en) ", "/Lang () "), []Rule{Lang}, nil, nil},
		{"not marked", edit(objCatalog, "/Marked true", "/Marked false"), []Rule{Marked}, nil, nil},
		{"suspects", edit(objCatalog, "/Marked true", "/Marked true /Suspects true"), []Rule{Marked}, nil, nil},
		{"DisplayDocTitle false", edit(objCatalog, "/DisplayDocTitle true", "/DisplayDocTitle false"), []Rule{DisplayDocTitle}, nil, nil},
		{"no ViewerPreferences", edit(objCatalog, "/ViewerPreferences << /DisplayDocTitle true >> ", ""), []Rule{DisplayDocTitle}, nil, nil},
		{"no XMP", edit(objCatalog, "/Metadata 6 0 R ", ""), []Rule{XMPMetadata}, nil, []Rule{ANoXMPForPDFA}},
		{"pdfuaid:part 2", func(tb testing.TB, p testPDF) testPDF {
			return setXMP(p, strings.Replace(goodXMP, `ua:part="1"`, `ua:part="2"`, 1))
		}, []Rule{XMPPDFUA}, nil, nil},
		{"pdfuaid in another namespace", func(tb testing.TB, p testPDF) testPDF {
			return setXMP(p, strings.Replace(goodXMP, `pdfua/ns/id/`, `pdfua/ns/other/`, 1))
		}, []Rule{XMPPDFUA}, nil, []Rule{AXMPExtension}},
		{"no dc:title", func(tb testing.TB, p testPDF) testPDF {
			return setXMP(p, strings.Replace(goodXMP, "Tagged test</rdf:li>", "</rdf:li>", 1))
		}, []Rule{XMPTitle}, nil, []Rule{AInfoXMP}},
		{"no dc:language", func(tb testing.TB, p testPDF) testPDF {
			return setXMP(p, strings.Replace(goodXMP, "<dc:language><rdf:Bag><rdf:li>en</rdf:li></rdf:Bag></dc:language>", "", 1))
		}, []Rule{XMPLanguage}, nil, nil},
		{"font not embedded", edit(14, "/FontFile2 23 0 R ", ""), []Rule{FontEmbedded}, nil, nil},
		{"font without ToUnicode", edit(objFont, " /ToUnicode 11 0 R", ""), []Rule{FontToUnicode}, nil, nil},
		{"PDF 1.4", func(tb testing.TB, p testPDF) testPDF {
			p.header = strings.Replace(p.header, "1.7", "1.4", 1)
			return p
		}, []Rule{Version}, nil, nil},
		{"no structure tree", edit(objCatalog, "/StructTreeRoot 5 0 R ", ""),
			[]Rule{StructTreeRoot, MCIDNotInTree, MCIDNotInTree, MCIDNotInTree, MCIDNotInTree, MCIDNotInTree, MCIDNotInTree, AnnotNotInLink, AnnotStructParent}, nil, nil},

		{"PDF/A: no pdfaid", func(tb testing.TB, p testPDF) testPDF {
			return setXMP(p, strings.Replace(goodXMP, "<pdfaid:part>2</pdfaid:part>", "", 1))
		}, nil, nil, []Rule{AXMPPart}},
		{"PDF/A: pdfuaid without its extension schema", func(tb testing.TB, p testPDF) testPDF {
			return setXMP(p, strings.Replace(goodXMP, "<pdfaProperty:name>part</pdfaProperty:name>", "<pdfaProperty:name>other</pdfaProperty:name>", 1))
		}, nil, nil, []Rule{AXMPExtension}},
		{"PDF/A: a property of an unknown schema", func(tb testing.TB, p testPDF) testPDF {
			return setXMP(p, strings.Replace(goodXMP, "<pdf:Producer>", `<my:x xmlns:my="http://example.org/my/">1</my:x><pdf:Producer>`, 1))
		}, nil, nil, []Rule{AXMPExtension}},
		{"PDF/A: xpacket encoding attribute", func(tb testing.TB, p testPDF) testPDF {
			return setXMP(p, strings.Replace(goodXMP, `begin=""`, `begin="" encoding="UTF-8"`, 1))
		}, nil, nil, []Rule{AXMPStream}},
		{"PDF/A: metadata stream without Subtype", edit(objMetadata, " /Subtype /XML", ""), nil, nil, []Rule{AXMPStream}},
		{"PDF/A: conformance X", func(tb testing.TB, p testPDF) testPDF {
			return setXMP(p, strings.Replace(goodXMP, "<pdfaid:conformance>U<", "<pdfaid:conformance>X<", 1))
		}, nil, nil, []Rule{AXMPPart}},
		{"PDF/A: no output intent", edit(objCatalog, "/S /GTS_PDFA1", "/S /GTS_PDFX"), nil, nil, []Rule{AOutputIntent}},
		{"PDF/A: CMYK profile", edit(25, "/N 3", "/N 4"), nil, nil, []Rule{AOutputIntent}},
		{"PDF/A: no trailer ID", func(tb testing.TB, p testPDF) testPDF {
			p.trailer = "/Info 24 0 R"
			return p
		}, nil, nil, []Rule{ATrailerID}},
		{"PDF/A: annotation not printed", edit(objAnnot, "/F 4", "/F 6"), nil, nil, []Rule{AAnnotPrint}},
		{"PDF/A: annotation without F", edit(objAnnot, "/F 4 ", ""), nil, nil, []Rule{AAnnotPrint}},
		{"PDF/A: JavaScript", edit(objCatalog, "/Lang (en)", "/Lang (en) /OpenAction << /S /JavaScript /JS (app.alert(1)) >>"), nil, nil, []Rule{AJavaScript}},
		{"PDF/A: Info Title differs", edit(objInfo, "(Tagged test)", "(Other)"), nil, nil, []Rule{AInfoXMP}},
		{"PDF/A: Info date differs", edit(objInfo, "D:20100501000000Z", "D:20100501000001Z"), nil, nil, []Rule{AInfoXMP}},
		{"PDF/A: Info date in another zone", edit(objInfo, "D:20100501000000Z", "D:20100501020000+02'00'"), nil, nil, nil},
		{"PDF/A: Info Author without dc:creator", edit(objInfo, "<<", "<< /Author (Someone)"), nil, nil, []Rule{AInfoXMP}},
		{"PDF/A: no binary comment", func(tb testing.TB, p testPDF) testPDF {
			p.header = "%PDF-1.7\n"
			return p
		}, nil, nil, []Rule{AHeaderBinary}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := check(t, tt.change(t, goodPDF()))
			for _, c := range []struct {
				what string
				want []Rule
				got  []Finding
			}{{"violations", tt.want, r.Violations}, {"warnings", tt.warnings, r.Warnings}, {"PDF/A", tt.pdfa, r.PDFA}} {
				if diff := cmp.Diff(c.want, rules(c.got)); diff != "" {
					t.Errorf("%s (-want +got):\n%s\n%s", c.what, diff, r)
				}
			}
		})
	}
}

// rules lists the rules of findings in order.
func rules(fs []Finding) []Rule {
	var out []Rule
	for _, f := range fs {
		out = append(out, f.Rule)
	}
	return out
}

// setXMP replaces the metadata stream.
func setXMP(p testPDF, xmp string) testPDF {
	p.objs = slices.Clone(p.objs)
	p.objs[objMetadata-1] = stream("/Type /Metadata /Subtype /XML", xmp)
	return p
}

func TestTextOutsideCounts(t *testing.T) {
	p := goodPDF()
	p.objs = slices.Clone(p.objs)
	p.objs[objContent-1] = stream("", goodContent+"\nBT [(a) 10 (b)] TJ (c) ' 1 2 (d) \" ET")
	r := check(t, p)
	if r.TextOutside != 3 || r.TextOps != 9 {
		t.Errorf("text outside %d of %d, want 3 of 9", r.TextOutside, r.TextOps)
	}
}

func TestXMPElementAndAttributeForms(t *testing.T) {
	element := strings.Replace(goodXMP, `ua:part="1"/>`, `><ua:part>1</ua:part></rdf:Description>`, 1)
	r := check(t, setXMP(goodPDF(), element))
	if len(r.Violations) > 0 {
		t.Errorf("pdfuaid:part as an element:\n%s", r)
	}
}

func TestNotAPDF(t *testing.T) {
	if _, err := Check([]byte("hello")); err == nil {
		t.Error("Check of a text file: no error")
	}
}
