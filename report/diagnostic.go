package report

import (
	"fmt"
	"sort"
	"strings"
)

// Severity tells whether a problem stops a build.
type Severity int

// The severities of a diagnostic.
const (
	// Error stops the build: the data cannot be rendered as written.
	Error Severity = iota + 1
	// Warning is reported and the build goes on, e.g. a published total
	// that disagrees with its parts.
	Warning
)

func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "error"
}

// Diagnostic is one problem found in a profile's data, positioned so that
// an author can go to it: file, line, and the field's path in the file.
type Diagnostic struct {
	Severity Severity
	Pos
	// Path is the field's path inside the file, e.g. "rows[3].values[2]".
	Path string
	Msg  string
}

// String formats the diagnostic as "file:line:col: path: message".
func (d Diagnostic) String() string {
	var b strings.Builder
	if d.File != "" {
		b.WriteString(d.File)
		if d.Line > 0 {
			fmt.Fprintf(&b, ":%d", d.Line)
			if d.Col > 0 {
				fmt.Fprintf(&b, ":%d", d.Col)
			}
		}
		b.WriteString(": ")
	}
	if d.Severity == Warning {
		b.WriteString("warning: ")
	}
	if d.Path != "" {
		b.WriteString(d.Path)
		b.WriteString(": ")
	}
	b.WriteString(d.Msg)
	return b.String()
}

// Diagnostics is the list of problems found in one profile.
type Diagnostics []Diagnostic

// Errors returns the diagnostics of severity Error.
func (ds Diagnostics) Errors() Diagnostics { return ds.only(Error) }

// Warnings returns the diagnostics of severity Warning.
func (ds Diagnostics) Warnings() Diagnostics { return ds.only(Warning) }

func (ds Diagnostics) only(s Severity) Diagnostics {
	var out Diagnostics
	for _, d := range ds {
		if d.Severity == s {
			out = append(out, d)
		}
	}
	return out
}

// Sort orders diagnostics by file, line, column and message, so that
// reports are stable from run to run.
func (ds Diagnostics) Sort() {
	sort.SliceStable(ds, func(i, j int) bool {
		a, b := ds[i], ds[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Col != b.Col {
			return a.Col < b.Col
		}
		return a.Msg < b.Msg
	})
}

// Err returns nil when there is no error, or an error listing every
// error-severity diagnostic, one per line.
func (ds Diagnostics) Err() error {
	errs := ds.Errors()
	if len(errs) == 0 {
		return nil
	}
	return &DataError{Diagnostics: errs}
}

// DataError is returned when a profile's data has errors.
type DataError struct {
	Diagnostics Diagnostics
}

func (e *DataError) Error() string {
	lines := make([]string, len(e.Diagnostics))
	for i, d := range e.Diagnostics {
		lines[i] = d.String()
	}
	return strings.Join(lines, "\n")
}
