package pdfcheck

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// maxDepth bounds the walks through the structure tree and the parent
// tree, so that a malformed file cannot recurse without end.
const maxDepth = 200

// mcKey names one marked-content sequence: a page object and an MCID.
type mcKey struct{ page, mcid int }

// treeIndex is what the walk of the structure tree learns: which element
// owns each marked-content sequence and each annotation, and each
// element's role.
type treeIndex struct {
	owner      map[mcKey]int  // marked content → owning element's object number
	objr       map[int]int    // annotation object number → owning element
	role       map[int]string // element object number → standard role
	visited    map[int]bool
	parentTree map[int]types.Object // ParentTree key → value
	roleMap    types.Dict
	heading    int   // level of the last heading, 0 before the first
	tables     []int // TH count of each open Table
}

// newTreeIndex returns an empty index.
func newTreeIndex() *treeIndex {
	return &treeIndex{
		owner:      map[mcKey]int{},
		objr:       map[int]int{},
		role:       map[int]string{},
		visited:    map[int]bool{},
		parentTree: map[int]types.Object{},
	}
}

// walkStructure walks the structure tree in pre-order (document order),
// judging each element, and reads the parent tree.
func (c *checker) walkStructure() {
	root := c.dict(c.catalog["StructTreeRoot"])
	if root == nil {
		return
	}
	c.tree.roleMap = c.dict(root["RoleMap"])
	c.readNumberTree(root["ParentTree"], 0)
	for _, kid := range c.kids(root["K"]) {
		c.walkElement(kid, "", 0, 0)
	}
}

// kids returns a /K value as a list: an array, or one object.
func (c *checker) kids(k types.Object) []types.Object {
	if k == nil {
		return nil
	}
	if a, ok := c.deref(k).(types.Array); ok {
		return a
	}
	return []types.Object{k}
}

// standardRole follows /RoleMap from a structure type to a standard one.
func (c *checker) standardRole(role string) string {
	for i := 0; i < 10; i++ {
		mapped := c.nameOf(c.tree.roleMap[role])
		if mapped == "" || mapped == role {
			break
		}
		role = mapped
	}
	return role
}

// walkElement judges one structure element, the kid of an element of
// role parent, and walks its kids; page is the object number of the page
// its MCIDs belong to unless it says.
func (c *checker) walkElement(o types.Object, parent string, page, depth int) {
	d := c.dict(o)
	id := objNr(o)
	if d == nil || depth > maxDepth || (id != 0 && c.tree.visited[id]) {
		return
	}
	c.tree.visited[id] = true
	role := c.standardRole(c.nameOf(d["S"]))
	c.tree.role[id] = role
	c.report.Roles[role]++
	if pg := objNr(d["Pg"]); pg != 0 {
		page = pg
	}
	c.judgeElement(role, id, d)
	c.judgeNesting(role, parent, id)
	if role == "Table" {
		c.tree.tables = append(c.tree.tables, 0)
	}
	kids := c.kids(d["K"])
	if len(kids) == 0 && role != "TD" && role != "TH" {
		c.warn(EmptyElement, 0, "%s (object %d) has no kids: nothing on a page stands for it, and pdf.js does not show it", role, id)
	}
	for _, kid := range kids {
		c.walkKid(kid, id, role, page, depth)
	}
	if role == "Table" {
		n := len(c.tree.tables) - 1
		if c.tree.tables[n] == 0 {
			c.fail(TableNoTH, 0, "Table (object %d) has no TH cell", id)
		}
		c.tree.tables = c.tree.tables[:n]
	}
}

// walkKid records a marked-content or object reference kid of element
// id, or walks a kid element.
func (c *checker) walkKid(kid types.Object, id int, role string, page, depth int) {
	if mcid, ok := c.deref(kid).(types.Integer); ok {
		c.tree.owner[mcKey{page, int(mcid)}] = id
		return
	}
	kd := c.dict(kid)
	switch c.nameOf(kd["Type"]) {
	case "MCR":
		if kd["Stm"] != nil {
			return // content of a form XObject: not a page's MCID
		}
		pg := page
		if p := objNr(kd["Pg"]); p != 0 {
			pg = p
		}
		if mcid, ok := c.intOf(kd["MCID"]); ok {
			c.tree.owner[mcKey{pg, mcid}] = id
		}
	case "OBJR":
		c.tree.objr[objNr(kd["Obj"])] = id
	default:
		c.walkElement(kid, role, page, depth+1)
	}
}

// judgeElement applies the per-element rules: Figure /Alt, heading
// order, TH /Scope.
func (c *checker) judgeElement(role string, id int, d types.Dict) {
	switch {
	case role == "Figure":
		if strings.TrimSpace(c.text(d["Alt"])) == "" {
			c.fail(FigureAlt, 0, "Figure (object %d) has no /Alt", id)
		}
	case role == "TH":
		if n := len(c.tree.tables); n > 0 {
			c.tree.tables[n-1]++
		}
		if !c.hasScope(d["A"]) {
			c.fail(THNoScope, 0, "TH (object %d) has no /Scope in a /Table attribute dictionary", id)
		}
	case len(role) == 2 && role[0] == 'H' && role[1] >= '1' && role[1] <= '6':
		level := int(role[1] - '0')
		c.report.Headings = append(c.report.Headings, role)
		if level > c.tree.heading+1 {
			if c.tree.heading == 0 {
				c.fail(HeadingSkip, 0, "the first heading is %s (object %d), not H1", role, id)
			} else {
				c.fail(HeadingSkip, 0, "%s (object %d) follows H%d", role, id, c.tree.heading)
			}
		}
		c.tree.heading = level
	case role == "H":
		c.report.Headings = append(c.report.Headings, role)
	}
}

// standardTypes are the standard structure types of ISO 32000-1 14.8.4,
// which PDF/UA-1 wants every role to map to (Matterhorn 02-001).
var standardTypes = setOf(strings.Fields(`Document Part Art Sect Div BlockQuote Caption TOC TOCI Index
	NonStruct Private P H H1 H2 H3 H4 H5 H6 L LI Lbl LBody Table TR TH TD THead TBody TFoot
	Span Quote Note Reference BibEntry Code Link Annot Ruby RB RT RP Warichu WT WP Figure Formula Form`))

// setOf returns the set of words.
func setOf(words []string) map[string]bool {
	set := make(map[string]bool, len(words))
	for _, w := range words {
		set[w] = true
	}
	return set
}

// parentsOf says, for the types whose place ISO 32000-1 14.8.4 fixes,
// which parents they may have (Matterhorn 09-004: tags not nested as
// their types ask).
var parentsOf = map[string][]string{
	"TR":    {"Table", "THead", "TBody", "TFoot"},
	"TH":    {"TR"},
	"TD":    {"TR"},
	"THead": {"Table"},
	"TBody": {"Table"},
	"TFoot": {"Table"},
	"LI":    {"L"},
	"LBody": {"LI"},
	"TOCI":  {"TOC"},
}

// judgeNesting wants every role standard (after /RoleMap) and the table,
// list and contents elements under the parents their types ask for.
func (c *checker) judgeNesting(role, parent string, id int) {
	if !standardTypes[role] {
		c.fail(NonStandardRole, 0, "%s (object %d) is no standard structure type and /RoleMap maps it to none", role, id)
		return
	}
	allowed, fixed := parentsOf[role]
	if fixed && !slices.Contains(allowed, parent) {
		c.fail(BadNesting, 0, "%s (object %d) is a kid of %q; it belongs under %s", role, id, parent, strings.Join(allowed, ", "))
	}
}

// hasScope reports whether an /A entry (one attribute dictionary or an
// array of them, maybe with revision numbers) holds /O /Table with a
// /Scope.
func (c *checker) hasScope(a types.Object) bool {
	attrs := c.kids(a)
	for _, attr := range attrs {
		d := c.dict(attr)
		if c.nameOf(d["O"]) == "Table" && c.nameOf(d["Scope"]) != "" {
			return true
		}
	}
	return false
}

// readNumberTree reads the ParentTree number tree into the index.
func (c *checker) readNumberTree(o types.Object, depth int) {
	d := c.dict(o)
	if d == nil || depth > maxDepth {
		return
	}
	nums := c.array(d["Nums"])
	for i := 0; i+1 < len(nums); i += 2 {
		if k, ok := c.intOf(nums[i]); ok {
			c.tree.parentTree[k] = nums[i+1]
		}
	}
	for _, kid := range c.array(d["Kids"]) {
		c.readNumberTree(kid, depth+1)
	}
}

// checkPages holds each page's marked content against the parent tree
// and the structure tree: every MCID in the ParentTree array of the
// page's /StructParents, owned by the element the tree says; every entry
// of that array and every marked-content kid present on the page.
func (c *checker) checkPages() {
	for _, p := range c.pages {
		mcids := p.content.mcids
		if !p.hasSP {
			if len(mcids) > 0 {
				c.fail(NoStructParents, p.nr, "%d MCIDs and no /StructParents", len(mcids))
			}
			continue
		}
		arr := c.array(c.tree.parentTree[p.structParents])
		for _, mcid := range sortedKeys(mcids) {
			c.checkMCID(p, arr, mcid)
		}
		for i, e := range arr {
			if c.dict(e) != nil && mcids[i] == 0 {
				c.fail(ParentTreeNoMCID, p.nr, "ParentTree entry %d names MCID %d, which the page does not mark", p.structParents, i)
			}
		}
	}
	keys := make([]mcKey, 0, len(c.tree.owner))
	for k := range c.tree.owner {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].page != keys[j].page {
			return c.pageOf[keys[i].page] < c.pageOf[keys[j].page]
		}
		return keys[i].mcid < keys[j].mcid
	})
	for _, k := range keys {
		nr, ok := c.pageOf[k.page]
		if !ok {
			c.fail(MCRNoContent, 0, "%s has MCID %d on no page (object %d)", c.describe(c.tree.owner[k]), k.mcid, k.page)
		} else if c.pages[nr-1].content.mcids[k.mcid] == 0 {
			c.fail(MCRNoContent, nr, "%s has MCID %d, which the page does not mark", c.describe(c.tree.owner[k]), k.mcid)
		}
	}
}

// checkMCID judges one MCID of a page against the ParentTree array.
func (c *checker) checkMCID(p pageInfo, arr types.Array, mcid int) {
	if mcid < 0 || mcid >= len(arr) || c.dict(arr[mcid]) == nil {
		c.fail(MCIDNotInTree, p.nr, "MCID %d is not in the ParentTree", mcid)
		return
	}
	want := objNr(arr[mcid])
	got, ok := c.tree.owner[mcKey{p.objNr, mcid}]
	switch {
	case !ok:
		c.fail(ParentTreeMismatch, p.nr, "MCID %d: the ParentTree names %s, whose kids do not include it", mcid, c.describe(want))
	case got != want:
		c.fail(ParentTreeMismatch, p.nr, "MCID %d: the ParentTree names %s, the tree %s", mcid, c.describe(want), c.describe(got))
	}
}

// describe names a structure element by role and object number.
func (c *checker) describe(id int) string {
	if role, ok := c.tree.role[id]; ok {
		return fmt.Sprintf("%s (object %d)", role, id)
	}
	return fmt.Sprintf("object %d", id)
}
