package build

import (
	"errors"
	"fmt"
	"slices"
	"strings"
)

// CheckFormats checks a list of formats to render: at least one, each in
// Formats, none twice. It is the one rule for formats, so that the config
// and Render cannot disagree.
func CheckFormats(formats []string) error {
	if len(formats) == 0 {
		return errors.New("no format to write")
	}
	for i, f := range formats {
		if !slices.Contains(Formats, f) {
			return fmt.Errorf("unknown format %q (want %s)", f, strings.Join(Formats, ", "))
		}
		if slices.Contains(formats[:i], f) {
			return fmt.Errorf("format %q listed twice", f)
		}
	}
	return nil
}
