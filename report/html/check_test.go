package html_test

import (
	"bytes"
	"net/url"
	"strconv"
	"strings"
	"testing"

	xhtml "golang.org/x/net/html"
)

// CheckPage checks what a reader's tools rely on in a page: a lang, one
// h1 and headings that never skip a level, ids unique, every link to
// "#id" and every id reference (aria-labelledby, aria-describedby,
// headers) resolving, every table with a caption, every th with a scope;
// and no URL replaced by html/template's #ZgotmplZ.
func CheckPage(t *testing.T, page []byte) {
	t.Helper()
	if bytes.Contains(page, []byte("ZgotmplZ")) {
		t.Error("html/template refused a URL or attribute (ZgotmplZ)")
	}
	checkStructure(t, page)
}

func checkStructure(t *testing.T, page []byte) {
	t.Helper()
	doc, err := xhtml.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]int{}
	var refs []string
	var headings []int
	walk(doc, func(n *xhtml.Node) {
		if n.Type != xhtml.ElementNode {
			return
		}
		checkElement(t, n)
		if len(n.Data) == 2 && n.Data[0] == 'h' && n.Data[1] >= '1' && n.Data[1] <= '6' {
			level, _ := strconv.Atoi(n.Data[1:])
			headings = append(headings, level)
		}
		for _, a := range n.Attr {
			switch a.Key {
			case "id":
				ids[a.Val]++
			case "href":
				if id, ok := strings.CutPrefix(a.Val, "#"); ok {
					// A browser matches the fragment percent-decoded.
					if dec, err := url.PathUnescape(id); err == nil {
						id = dec
					}
					refs = append(refs, id)
				}
			case "aria-labelledby", "aria-describedby", "headers":
				refs = append(refs, strings.Fields(a.Val)...)
			}
		}
	})
	for id, n := range ids {
		if n > 1 {
			t.Errorf("id %q is used %d times", id, n)
		}
	}
	for _, r := range refs {
		if ids[r] == 0 && r != "ZgotmplZ" {
			t.Errorf("reference to #%s, which no element has", r)
		}
	}
	if len(headings) == 0 || headings[0] != 1 {
		t.Fatalf("the page does not start with an h1: %v", headings)
	}
	for i := 1; i < len(headings); i++ {
		if headings[i] == 1 || headings[i] > headings[i-1]+1 {
			t.Errorf("heading %d is an h%d after an h%d", i+1, headings[i], headings[i-1])
		}
	}
}

func checkElement(t *testing.T, n *xhtml.Node) {
	t.Helper()
	switch n.Data {
	case "html":
		if attr(n, "lang") == "" {
			t.Error("<html> without lang")
		}
	case "table":
		if c := n.FirstChild; c == nil || firstElement(n).Data != "caption" {
			t.Error("a table without a caption first")
		}
	case "th":
		if attr(n, "scope") == "" {
			t.Error("a th without scope")
		}
	}
}

func firstElement(n *xhtml.Node) *xhtml.Node {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == xhtml.ElementNode {
			return c
		}
	}
	return &xhtml.Node{}
}

func attr(n *xhtml.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}
