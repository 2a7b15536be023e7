// Package markdown renders a migration profile as GitHub Flavored Markdown,
// for the web and for authors reviewing changes in a diff.
//
// The document is laid out by text/template templates (layouts/markdown/*.tmpl,
// embedded in the binary); Options.Layouts overrides them file by file. The
// Go code prepares a plain view model in which every string is Markdown
// ready to print, so that a template never escapes anything.
//
// What the document holds:
//
//   - YAML front matter with every value double-quoted, so that no text
//     can break it: the full title ("CARIM Migration Profile: Mali"),
//     country, authors, date as a full ISO date (a YYYY-MM date is its
//     month's first day: Hugo reads "2010-05" as year 1), date_printed as
//     the publication prints it, language, series, publisher, project,
//     website, copyright, funding and keywords, those that are given.
//   - A level-1 title ("Series Title: Country"), the byline (the authors
//     joined by commas, so that no English "and" is printed; the credit;
//     the date as printed), links to the other formats (Options.Downloads)
//     by their file names, and a contents list linking to every heading of
//     level 2 and 3.
//   - One level-2 heading per framework; its headings at level 3; the
//     outward and inward columns as sub-headings one level below the
//     current section, their own headings one level further.
//   - Statistical tables as GFM tables: the stub column left-aligned, the
//     numbers right-aligned and formatted as published (report.Cell.Format);
//     grouped headers flattened into one header row (report.Column.Heading,
//     made unique with " (2)", " (3)" … when two columns would share one);
//     sub-rows indented by two em spaces (U+2003) per level, which GFM does
//     not trim; total rows in bold. The caption ("Table N. Title, period")
//     precedes the table; sources and notes follow it.
//   - Policy tables not as GFM tables (a table cell holds neither
//     paragraphs nor lists, and the <br> that would break its lines is
//     dropped by cmark-gfm and by Hugo's default renderer) but as the PDF
//     reads them, row heading by row heading: the caption, then each row
//     heading in bold (its subheading after it in italics), then its
//     entries top to bottom. An outward or inward entry is introduced by
//     its column's name in italics; an entry that spans both columns is
//     printed once, introduced by both names ("Outward migration / Inward
//     migration:") in a row that also has entries of one column, and
//     without a label otherwise. Consecutive entries under one label run
//     on under it. Paragraphs are paragraphs, a heading is a paragraph in
//     bold, a bulleted list is a list.
//   - A statistical table whose cells include a dash is followed by a line
//     saying what the dash means (report.WorkbookLabels.DashMeaning).
//   - Figures (when Options.FigurePath is set) as an SVG image with alt
//     text, followed by the caption "Figure N. Title", the caption sentence
//     and the sources: the SVG holds the chart alone (charts.PlotSVG), so
//     that they are not read twice.
//   - Footnotes as [^N], N the number as published, defined at the end.
//   - References and links as bulleted lists under their label.
//
// Escaping: data text is printed as written. The characters Markdown could
// read as inline syntax are backslash-escaped everywhere (\ ` * _ [ ] < | ~ #,
// & when it would start an entity, : when it would open an emoji shortcode
// such as :smile:, which pandoc reads), and the start of a block is escaped
// when it would open a list, a heading, a quote or a rule (- + = > "1.").
// Line breaks inside text become spaces. No raw HTML is written, since
// cmark-gfm and Hugo drop it by default.
// GitHub itself turns a shortcode into an emoji even when escaped; that
// cannot be prevented in Markdown.
//
// Heading anchors follow GitHub's scheme (github-slugger): the heading's
// text in lower case, keeping letters, marks, numbers, "_", "-" and spaces,
// each space turned into "-", and -1, -2 … appended to a repeated anchor.
// The text is the heading as written, footnote markers included as their
// published number. The contents links rely on every heading of the
// document being made by the view model: an overriding template that adds
// headings of its own shifts the numbering of repeated anchors after it.
package markdown

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"sync"
	"text/template"

	"github.com/migprofile/migprofile/layouts"
	"github.com/migprofile/migprofile/report"
)

// Options configures Render.
type Options struct {
	// Layouts is a project's layouts folder: the templates in its markdown/
	// subfolder replace the embedded templates of the same name, file by
	// file, and may add partials of their own. Nil means the embedded
	// templates only.
	Layouts fs.FS
	// FigurePath returns the path of the figure's SVG file relative to the
	// Markdown document, e.g. "figures/figure-1.svg". Nil leaves figures
	// out. The SVG is expected to hold the chart alone: the document
	// prints the figure's title, caption and sources under it.
	FigurePath func(f *report.Figure) string
	// Downloads are the paths, relative to the document, of the profile's
	// other formats (e.g. "mali.pdf", "mali.xlsx"), linked under the
	// byline by their file names.
	Downloads []string
}

// root is the template every document starts from.
const root = "profile.md.tmpl"

// Render writes the profile as GitHub Flavored Markdown to w. Nothing is
// written when an error is returned.
func Render(w io.Writer, p *report.Profile, opt Options) error {
	if p == nil {
		return errors.New("markdown: no profile")
	}
	t, err := templates(opt.Layouts)
	if err != nil {
		return err
	}
	doc, err := build(p, opt)
	if err != nil {
		return fmt.Errorf("markdown: %w", err)
	}
	var buf bytes.Buffer
	buf.Grow(64 << 10)
	if err := t.ExecuteTemplate(&buf, root, doc); err != nil {
		return fmt.Errorf("markdown: %w", err)
	}
	if _, err := w.Write(tidy(buf.Bytes())); err != nil {
		return fmt.Errorf("markdown: %w", err)
	}
	return nil
}

// embedded parses the embedded templates once; a parsed template may be
// executed concurrently.
var embedded = sync.OnceValues(func() (*template.Template, error) {
	return parse(nil)
})

func templates(over fs.FS) (*template.Template, error) {
	if over == nil {
		return embedded()
	}
	return parse(over)
}

func parse(over fs.FS) (*template.Template, error) {
	fsys, err := layouts.Overlay(layouts.Markdown, over, "markdown")
	if err != nil {
		return nil, fmt.Errorf("markdown: templates: %w", err)
	}
	t, err := template.New(root).Option("missingkey=error").ParseFS(fsys, "*.tmpl")
	if err != nil {
		return nil, fmt.Errorf("markdown: templates: %w", err)
	}
	if t.Lookup(root) == nil {
		return nil, fmt.Errorf("markdown: templates: no %s", root)
	}
	return t, nil
}

// tidy collapses runs of blank lines into one, drops blank lines at the
// start, and ends the document with exactly one newline, so that templates
// may be written for legibility rather than exact spacing. (No block the
// view model produces is sensitive to repeated blank lines.)
func tidy(b []byte) []byte {
	out := b[:0]
	blank := 0 // consecutive newlines just written
	start := true
	for i := 0; i < len(b); i++ {
		c := b[i]
		if c == '\n' {
			if start {
				continue
			}
			if blank >= 2 {
				continue
			}
			blank++
			out = append(out, c)
			continue
		}
		start = false
		blank = 0
		out = append(out, c)
	}
	for len(out) > 0 && out[len(out)-1] == '\n' {
		out = out[:len(out)-1]
	}
	return append(out, '\n')
}
