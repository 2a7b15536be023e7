// Package layouts holds what a report looks like and is compiled into the
// binary: the Markdown and HTML templates and the document's fonts.
//
// A project's own layouts folder (the config key "layouts") overrides the
// embedded templates file by file; see report/markdown.
package layouts

import (
	"embed"

	"github.com/go-fonts/liberation/liberationsansbold"
	"github.com/go-fonts/liberation/liberationsansbolditalic"
	"github.com/go-fonts/liberation/liberationsansitalic"
	"github.com/go-fonts/liberation/liberationsansregular"
	"github.com/go-fonts/liberation/liberationserifbold"
	"github.com/go-fonts/liberation/liberationserifbolditalic"
	"github.com/go-fonts/liberation/liberationserifitalic"
	"github.com/go-fonts/liberation/liberationserifregular"
)

// Markdown holds the embedded Markdown templates (markdown/*.tmpl).
//
//go:embed markdown
var Markdown embed.FS

// HTML holds the embedded templates of the web page and the catalogue
// (html/*.tmpl), for html/template.
//
//go:embed html
var HTML embed.FS

// Family is one typeface in its four styles, as TrueType bytes.
type Family struct {
	Name                              string
	Regular, Bold, Italic, BoldItalic []byte
}

// Serif is the body typeface (Liberation Serif, SIL OFL), metrically
// compatible with Times New Roman like the original profiles.
var Serif = Family{
	Name:       "LiberationSerif",
	Regular:    liberationserifregular.TTF,
	Bold:       liberationserifbold.TTF,
	Italic:     liberationserifitalic.TTF,
	BoldItalic: liberationserifbolditalic.TTF,
}

// Sans is the typeface of headings, tables and figures (Liberation Sans,
// SIL OFL), metrically compatible with Arial.
var Sans = Family{
	Name:       "LiberationSans",
	Regular:    liberationsansregular.TTF,
	Bold:       liberationsansbold.TTF,
	Italic:     liberationsansitalic.TTF,
	BoldItalic: liberationsansbolditalic.TTF,
}
