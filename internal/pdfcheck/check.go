// Package pdfcheck judges a PDF against the machine-checkable conditions
// of PDF/UA-1 (ISO 14289-1, as the Matterhorn Protocol lists them) and of
// PDF/A-2 (ISO 19005-2). It reads the file with an independent parser,
// pdfcpu, so that a test of the writer does not take the writer's word
// for what it wrote. It checks syntax and structure only: whether the
// alternative text is apt or the reading order makes sense is for people
// (poppler's `pdfinfo -struct-text` prints the tree with its text).
package pdfcheck

import (
	"bytes"
	"fmt"
	"sync"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// disableConfig keeps pdfcpu from writing its configuration file into the
// user's configuration directory on first use.
var disableConfig sync.Once

// Check parses pdf and reports every PDF/UA-1 and PDF/A-2 condition it
// fails. The error is for a file the parser cannot read at all; a file it
// reads is judged, however broken its tags.
func Check(pdf []byte) (r Report, err error) {
	defer func() {
		if p := recover(); p != nil { // pdfcpu panics on some broken files
			r, err = Report{}, fmt.Errorf("pdfcheck: the parser failed: %v", p)
		}
	}()
	disableConfig.Do(func() { model.ConfigPath = "disable" })
	conf := model.NewDefaultConfiguration()
	conf.ValidationMode = model.ValidationRelaxed
	ctx, err := api.ReadContext(bytes.NewReader(pdf), conf)
	if err != nil {
		return Report{}, fmt.Errorf("pdfcheck: %w", err)
	}
	if err := ctx.EnsurePageCount(); err != nil {
		return Report{}, fmt.Errorf("pdfcheck: %w", err)
	}
	c := &checker{
		xr:     ctx.XRefTable,
		raw:    pdf,
		report: Report{Roles: map[string]int{}, Pages: ctx.PageCount},
		tree:   newTreeIndex(),
	}
	c.catalog, err = ctx.Catalog()
	if err != nil {
		return Report{}, fmt.Errorf("pdfcheck: %w", err)
	}
	c.checkVersion()
	c.checkCatalog()
	if err := c.readPages(); err != nil {
		return Report{}, fmt.Errorf("pdfcheck: %w", err)
	}
	c.checkFonts()
	c.walkStructure()
	c.checkPages()
	c.checkAnnotations()
	c.checkPDFA()
	return c.report, nil
}

// checker holds the parsed file and what the checks gather on the way.
type checker struct {
	xr      *model.XRefTable
	raw     []byte
	catalog types.Dict
	xmp     *xmpProps // nil when the catalog has no /Metadata stream
	xmpErr  error     // why the XMP packet is not well-formed
	report  Report
	pages   []pageInfo
	pageOf  map[int]int // page object number → page number
	tree    *treeIndex
}

// fail records a PDF/UA-1 violation.
func (c *checker) fail(rule Rule, page int, format string, args ...any) {
	c.report.Violations = append(c.report.Violations, Finding{rule, page, fmt.Sprintf(format, args...)})
}

// warn records a PDF/UA-1 warning.
func (c *checker) warn(rule Rule, page int, format string, args ...any) {
	c.report.Warnings = append(c.report.Warnings, Finding{rule, page, fmt.Sprintf(format, args...)})
}

// failA records a PDF/A-2 finding.
func (c *checker) failA(rule Rule, page int, format string, args ...any) {
	c.report.PDFA = append(c.report.PDFA, Finding{rule, page, fmt.Sprintf(format, args...)})
}

// deref resolves an indirect reference; a dangling one is nil (7.3.10).
func (c *checker) deref(o types.Object) types.Object {
	v, err := c.xr.Dereference(o)
	if err != nil {
		return nil
	}
	return v
}

// dict resolves o to a dictionary (a stream's dictionary included).
func (c *checker) dict(o types.Object) types.Dict {
	switch v := c.deref(o).(type) {
	case types.Dict:
		return v
	case types.StreamDict:
		return v.Dict
	}
	return nil
}

// array resolves o to an array.
func (c *checker) array(o types.Object) types.Array {
	a, _ := c.deref(o).(types.Array)
	return a
}

// stream resolves o to a stream with its decoded content.
func (c *checker) stream(o types.Object) (types.StreamDict, bool) {
	sd, ok := c.deref(o).(types.StreamDict)
	if !ok {
		return sd, false
	}
	if sd.Content == nil && sd.Raw != nil {
		if err := sd.Decode(); err != nil {
			return sd, false
		}
	}
	return sd, true
}

// text resolves o to a text string (PDFDocEncoding or UTF-16BE).
func (c *checker) text(o types.Object) string {
	s, err := c.xr.DereferenceText(o)
	if err != nil {
		return ""
	}
	return s
}

// nameOf resolves o to a name; "" when it is none.
func (c *checker) nameOf(o types.Object) string {
	n, _ := c.deref(o).(types.Name)
	return string(n)
}

// intOf resolves o to an integer.
func (c *checker) intOf(o types.Object) (int, bool) {
	switch v := c.deref(o).(type) {
	case types.Integer:
		return int(v), true
	case types.Float:
		return int(v), float64(int(v)) == float64(v)
	}
	return 0, false
}

// boolOf resolves o to a boolean; false when it is none.
func (c *checker) boolOf(o types.Object) bool {
	b, _ := c.deref(o).(types.Boolean)
	return bool(b)
}

// objNr returns the object number of an indirect reference, or 0.
func objNr(o types.Object) int {
	if r, ok := o.(types.IndirectRef); ok {
		return r.ObjectNumber.Value()
	}
	if r, ok := o.(*types.IndirectRef); ok && r != nil {
		return r.ObjectNumber.Value()
	}
	return 0
}

// checkVersion wants PDF 1.7, the version ISO 14289-1 builds on.
func (c *checker) checkVersion() {
	c.report.Version = c.xr.Version().String()
	if c.report.Version != "1.7" {
		c.fail(Version, 0, "PDF %s; PDF/UA-1 asks for 1.7", c.report.Version)
	}
}
