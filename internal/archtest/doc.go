// Package archtest checks, as tests, two rules of this module's
// architecture that review alone does not keep (issue 9):
//
//   - No adapter imports another: report/pdf, report/markdown, report/xlsx
//     and charts speak in the domain's types (package report) and never
//     import each other, directly or through other packages. The check
//     reads the import graph from go list.
//   - Functions stay small: every non-test function is at most 80 lines
//     long and has a cyclomatic complexity (as gocyclo counts it) of at
//     most 25, unless the comment directly above it has a line
//     "//migprofile:long <reason>".
//
// It exists so that breaking either rule fails go test ./... at once,
// with the offending import or function named, rather than at the next
// review. It has no code outside its tests.
package archtest
