package archtest

import (
	"cmp"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"slices"
	"strings"
	"testing"

	"github.com/fzipp/gocyclo"
)

const (
	maxLines      = 80 // from the func keyword to the closing brace
	maxComplexity = 25 // cyclomatic, as gocyclo counts it
	// longDirective, followed by a reason, in the comment directly above
	// a function exempts it from both limits.
	longDirective = "//migprofile:long "
)

// size is one function's length and complexity.
type size struct {
	pos        token.Position
	name       string
	lines      int
	complexity int
}

func (s size) String() string {
	return fmt.Sprintf("%s:%d: %s: %d lines, complexity %d", s.pos.Filename, s.pos.Line, s.name, s.lines, s.complexity)
}

func TestFunctionsStaySmall(t *testing.T) {
	m := mustLoad(t)
	var over []size
	for _, f := range m.files {
		over = append(over, oversized(m.fset, f)...)
	}
	if len(over) > 0 {
		var b strings.Builder
		fmt.Fprintf(&b, "%d function(s) over %d lines or cyclomatic complexity %d; split them along their sections, or give the reason in a line %q directly above:",
			len(over), maxLines, maxComplexity, longDirective+"<reason>")
		for _, s := range over {
			b.WriteString("\n\t" + s.String())
		}
		t.Error(b.String())
	}
}

// oversized returns the functions of f, declared or assigned to a
// package-level variable, over either limit and not exempted, in order of
// position. Complexity is gocyclo's (gocyclo.Complexity), so that it
// agrees with the gocyclo command.
func oversized(fset *token.FileSet, f *ast.File) []size {
	var out []size
	check := func(fn ast.Node, name string, doc *ast.CommentGroup) {
		s := size{
			pos:        fset.Position(fn.Pos()),
			name:       name,
			lines:      fset.Position(fn.End()).Line - fset.Position(fn.Pos()).Line + 1,
			complexity: gocyclo.Complexity(fn),
		}
		if (s.lines > maxLines || s.complexity > maxComplexity) && !exempt(doc) {
			out = append(out, s)
		}
	}
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			check(d, funcName(d), d.Doc)
		case *ast.GenDecl:
			for _, spec := range d.Specs {
				v, ok := spec.(*ast.ValueSpec)
				if !ok {
					continue
				}
				doc := v.Doc
				if doc == nil && !d.Lparen.IsValid() {
					doc = d.Doc
				}
				for _, val := range v.Values {
					ast.Inspect(val, func(n ast.Node) bool {
						lit, ok := n.(*ast.FuncLit)
						if ok {
							check(lit, v.Names[0].Name, doc)
						}
						return !ok // the outer literal counts its inner ones
					})
				}
			}
		}
	}
	slices.SortFunc(out, func(a, b size) int { return cmp.Compare(a.pos.Offset, b.pos.Offset) })
	return out
}

// exempt reports whether doc has a line "//migprofile:long <reason>".
func exempt(doc *ast.CommentGroup) bool {
	if doc == nil {
		return false
	}
	for _, c := range doc.List {
		if reason, ok := strings.CutPrefix(c.Text, longDirective); ok && strings.TrimSpace(reason) != "" {
			return true
		}
	}
	return false
}

// funcName is fn's name, with its receiver for a method: "(*T).Name".
func funcName(fn *ast.FuncDecl) string {
	if fn.Recv == nil || len(fn.Recv.List) == 0 {
		return fn.Name.Name
	}
	return "(" + types.ExprString(fn.Recv.List[0].Type) + ")." + fn.Name.Name
}

func TestOversized(t *testing.T) {
	body := func(lines int) string { // a body making its function that many lines long
		return "{\n" + strings.Repeat("\t_ = 0\n", lines-2) + "}"
	}
	ifs := func(n int) string { // a body of complexity n+1, 2n+2 lines
		return "{\n" + strings.Repeat("\tif x {\n\t}\n", n) + "}"
	}
	src := "package p\n\nvar x bool\n\ntype T struct{}\n\n" +
		"func Short() " + body(80) + "\n\n" +
		"func Long() " + body(81) + "\n\n" +
		"// Exempt says why.\n//migprofile:long a table of cases reads best in one piece\nfunc Exempt() " + body(81) + "\n\n" +
		"//migprofile:long \nfunc NoReason() " + body(81) + "\n\n" +
		"//migprofile:long not directly above\n\nfunc Detached() " + body(81) + "\n\n" +
		"func (*T) Complex() " + ifs(25) + "\n\n" +
		"func (T) Simple() " + ifs(24) + "\n\n" +
		"var Lit = func() " + body(81) + "\n\n" +
		"var Called = func() " + body(81) + "()\n\n" +
		"//migprofile:long generated lookup\nvar ExemptLit = func() " + body(81) + "\n"
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range oversized(fset, f) {
		got = append(got, fmt.Sprintf("%s %d %d", s.name, s.lines, s.complexity))
	}
	want := []string{"Long 81 1", "NoReason 81 1", "Detached 81 1", "(*T).Complex 52 26", "Lit 81 1", "Called 81 1"}
	if !slices.Equal(got, want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}
