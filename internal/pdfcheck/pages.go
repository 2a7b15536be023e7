package pdfcheck

import (
	"errors"
	"fmt"
	"sort"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// pageInfo is one page and what its content stream marks.
type pageInfo struct {
	nr            int
	objNr         int
	dict          types.Dict
	resources     types.Dict
	content       pageContent
	structParents int
	hasSP         bool
	annots        []annotInfo
}

// annotInfo is one annotation of a page.
type annotInfo struct {
	objNr int
	dict  types.Dict
	page  int
}

// readPages reads every page: its content stream (all of /Contents,
// decoded), its resources and its annotations.
func (c *checker) readPages() error {
	c.pageOf = map[int]int{}
	for nr := 1; nr <= c.xr.PageCount; nr++ {
		d, ref, inh, err := c.xr.PageDict(nr, false)
		if err != nil {
			return fmt.Errorf("page %d: %w", nr, err)
		}
		p := pageInfo{nr: nr, objNr: objNr(ref), dict: d}
		p.resources = c.dict(d["Resources"])
		if p.resources == nil && inh != nil {
			p.resources = inh.Resources
		}
		p.structParents, p.hasSP = c.intOf(d["StructParents"])
		content, err := c.xr.PageContent(d, nr)
		if err != nil && !errors.Is(err, model.ErrNoContent) {
			return fmt.Errorf("page %d content: %w", nr, err)
		}
		p.content = scanContent(content, c.propertyMCID(p.resources))
		for _, a := range c.array(d["Annots"]) {
			if ad := c.dict(a); ad != nil {
				p.annots = append(p.annots, annotInfo{objNr: objNr(a), dict: ad, page: nr})
			}
		}
		c.pageOf[p.objNr] = nr
		c.pages = append(c.pages, p)
		c.notePageContent(p)
	}
	return nil
}

// propertyMCID looks BDC property lists given by name up in the page's
// /Properties resources.
func (c *checker) propertyMCID(resources types.Dict) propertyMCID {
	props := c.dict(resources["Properties"])
	return func(res string) (int, bool) {
		return c.intOf(c.dict(props[res])["MCID"])
	}
}

// notePageContent adds a page's figures to the report and records what
// its content stream does wrong.
func (c *checker) notePageContent(p pageInfo) {
	pc := p.content
	r := &c.report
	r.TextOps += pc.textOps
	r.TextOutside += pc.textOutside
	r.PathsOutside += pc.pathsOutside
	r.XObjectsOutside += pc.xobjectsOutside
	r.Artifacts += pc.artifacts
	r.Annotations += len(p.annots)
	for _, n := range pc.mcids {
		r.MCIDs += n
	}
	if pc.textOutside > 0 {
		c.fail(TextOutside, p.nr, "%d of %d text-showing operators outside marked content", pc.textOutside, pc.textOps)
	}
	if pc.xobjectsOutside > 0 {
		c.fail(XObjectOutside, p.nr, "%d XObject(s) drawn outside marked content", pc.xobjectsOutside)
	}
	if pc.pathsOutside > 0 {
		c.warn(PathOutside, p.nr, "%d path-painting operator(s) outside marked content", pc.pathsOutside)
	}
	for _, msg := range pc.problems {
		c.fail(MarkedContent, p.nr, "%s", msg)
	}
	for _, mcid := range sortedKeys(pc.mcids) {
		if pc.mcids[mcid] > 1 {
			c.fail(DuplicateMCID, p.nr, "MCID %d marks %d sequences", mcid, pc.mcids[mcid])
		}
	}
}

// sortedKeys returns a map's integer keys in order.
func sortedKeys[V any](m map[int]V) []int {
	keys := make([]int, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Ints(keys)
	return keys
}

// checkFonts wants every font the pages use embedded and mapped to
// Unicode. A Type 3 font's glyphs are content, so it needs no font file.
func (c *checker) checkFonts() {
	seen := map[string]bool{}
	for _, p := range c.pages {
		fonts := c.dict(p.resources["Font"])
		keys := make([]string, 0, len(fonts))
		for k := range fonts {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			id := fmt.Sprint(objNr(fonts[k]))
			if id == "0" {
				id = fmt.Sprintf("page %d /%s", p.nr, k)
			}
			if seen[id] {
				continue
			}
			seen[id] = true
			c.checkFont(p.nr, k, c.dict(fonts[k]))
		}
	}
	c.report.Fonts = len(seen)
}

// checkFont judges one font dictionary.
func (c *checker) checkFont(page int, key string, font types.Dict) {
	base := c.nameOf(font["BaseFont"])
	label := fmt.Sprintf("/%s (%s)", key, base)
	subtype := c.nameOf(font["Subtype"])
	if font["ToUnicode"] == nil {
		c.fail(FontToUnicode, page, "font %s has no /ToUnicode", label)
	}
	if subtype == "Type3" {
		return
	}
	descriptor := c.dict(font["FontDescriptor"])
	if subtype == "Type0" {
		descendants := c.array(font["DescendantFonts"])
		if len(descendants) > 0 {
			descriptor = c.dict(c.dict(descendants[0])["FontDescriptor"])
		}
	}
	for _, k := range []string{"FontFile", "FontFile2", "FontFile3"} {
		if descriptor[k] != nil {
			return
		}
	}
	c.fail(FontEmbedded, page, "font %s (%s) is not embedded", label, subtype)
}
