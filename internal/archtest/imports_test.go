package archtest

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// adapters are the packages, relative to the module, that turn the domain
// into one technology's output; none may import another.
var adapters = []string{"report/pdf", "report/markdown", "report/xlsx", "report/html", "charts"}

func TestNoAdapterImportsAnother(t *testing.T) {
	m := mustLoad(t)
	var paths []string
	for _, a := range adapters {
		p := m.path + "/" + a
		if _, ok := m.imports[p]; !ok {
			t.Errorf("adapter %s is not among the module's packages (go list ./...): update the list in this test", p)
		}
		paths = append(paths, p)
	}
	for _, msg := range adapterImports(m.imports, paths) {
		t.Error(msg)
	}
}

// adapterImports returns one message for each adapter that imports another,
// directly or through packages that are not adapters themselves (an import
// through an adapter is that adapter's own violation), naming the
// offending import path and, for an indirect import, the chain.
func adapterImports(imports map[string][]string, adapters []string) []string {
	var msgs []string
	for _, from := range adapters {
		// Breadth-first from the adapter, remembering how each package
		// was reached, to name the shortest chain.
		via := map[string]string{from: ""}
		queue := []string{from}
		for len(queue) > 0 {
			p := queue[0]
			queue = queue[1:]
			for _, imp := range imports[p] {
				if _, seen := via[imp]; seen {
					continue
				}
				via[imp] = p
				if slices.Contains(adapters, imp) {
					msgs = append(msgs, adapterMessage(from, imp, via))
					continue
				}
				queue = append(queue, imp)
			}
		}
	}
	return msgs
}

// adapterMessage says that from imports to, with the chain when indirect.
func adapterMessage(from, to string, via map[string]string) string {
	msg := fmt.Sprintf("%s imports %s", from, to)
	if via[to] != from {
		chain := []string{to}
		for p := via[to]; p != ""; p = via[p] {
			chain = append(chain, p)
		}
		slices.Reverse(chain)
		msg += " (through " + strings.Join(chain, " → ") + ")"
	}
	return msg + "; adapters pass domain values (package report) and never import each other"
}

func TestAdapterImports(t *testing.T) {
	adapters := []string{"a", "b", "c"}
	tests := []struct {
		name    string
		imports map[string][]string
		want    []string
	}{
		{"None", map[string][]string{"a": {"report", "fmt"}, "b": {"report"}, "c": nil, "report": {"fmt"}}, nil},
		{"Direct", map[string][]string{"a": {"report", "b"}, "b": {"report"}}, []string{
			"a imports b; adapters pass domain values (package report) and never import each other",
		}},
		{"Indirect", map[string][]string{"a": {"helper"}, "helper": {"util"}, "util": {"c"}}, []string{
			"a imports c (through a → helper → util → c); adapters pass domain values (package report) and never import each other",
		}},
		{"ThroughAnAdapter", map[string][]string{"a": {"b"}, "b": {"c"}}, []string{
			"a imports b; adapters pass domain values (package report) and never import each other",
			"b imports c; adapters pass domain values (package report) and never import each other",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := adapterImports(tt.imports, adapters); !slices.Equal(got, tt.want) {
				t.Errorf("got %q\nwant %q", got, tt.want)
			}
		})
	}
}
