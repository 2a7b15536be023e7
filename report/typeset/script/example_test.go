package script_test

import (
	"fmt"

	"github.com/migprofile/migprofile/report/typeset/script"
)

// A line of an English paragraph citing an Arabic law title: the segments
// come in the order they are drawn, left to right; the Arabic is reversed
// and shaped, and its digits, read right to left with it, show as "03-02".
func ExampleVisual() {
	for _, s := range script.Visual("Law no. 02-03 (قانون رقم 02-03) of 2003", false) {
		dir := "LTR"
		if s.RTL {
			dir = "RTL"
		}
		fmt.Printf("%s %q drawn as %+q\n", dir, s.Logical, s.Visual)
	}
	// Output:
	// LTR "Law no. 02-03 (" drawn as "Law no. 02-03 ("
	// LTR "03" drawn as "03"
	// RTL "-" drawn as "-"
	// LTR "02" drawn as "02"
	// RTL "قانون رقم " drawn as " \ufee2\ufed7\u0631 \u0646\ufeee\ufee7\ufe8e\ufed7"
	// LTR ") of 2003" drawn as ") of 2003"
}

// ShapeArabic gives each letter its joined form; lam and alef become one
// ligature.
func ExampleShapeArabic() {
	fmt.Printf("%+q\n", script.ShapeArabic("السلام"))
	// Output: "\u0627\ufedf\ufeb4\ufefc\u0645"
}
