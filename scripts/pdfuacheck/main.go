// Command pdfuacheck prints, for each PDF named, what internal/pdfcheck
// finds: the machine-checkable PDF/UA-1 conditions (Matterhorn Protocol)
// and the PDF/A-2 ones, with counts of text operators, marked content and
// structure elements by role.
//
//	go run ./scripts/pdfuacheck out/mali/mali.pdf [more.pdf …]
//
// The exit status is 1 when a file cannot be read or has a PDF/UA-1
// violation, 0 otherwise; warnings and PDF/A-2 findings are printed only.
package main

import (
	"fmt"
	"os"

	"github.com/migprofile/migprofile/internal/pdfcheck"
)

func main() {
	os.Exit(run(os.Args[1:]))
}

// run checks each file and returns the exit status.
func run(files []string) int {
	if len(files) == 0 {
		fmt.Fprintln(os.Stderr, "usage: pdfuacheck file.pdf [more.pdf ...]")
		return 2
	}
	status := 0
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err == nil {
			var r pdfcheck.Report
			if r, err = pdfcheck.Check(b); err == nil {
				fmt.Printf("== %s\n%s", f, r)
				if len(r.Violations) > 0 {
					status = 1
				}
				continue
			}
		}
		fmt.Fprintf(os.Stderr, "pdfuacheck: %s: %v\n", f, err)
		status = 1
	}
	return status
}
