// Package html renders a migration profile as one accessible, self-contained
// web page, and the catalogue of the profiles built in an output folder.
//
// The page is laid out by html/template templates (layouts/html/*.tmpl,
// embedded in the binary); Options.Layouts overrides them file by file, as
// for the Markdown. The Go code prepares a view model of plain strings, and
// html/template escapes every one of them where it is printed: no data text
// reaches the page unescaped. The only markup the view model carries is the
// figures' SVG, drawn by the charts package (which escapes its text) and
// given to Render; its ids are rewritten here so that they are unique on
// the page.
//
// What the page holds: lang, a skip link, the title and byline, links to
// the other formats with their sizes, a contents nav, one section per
// framework with headings in order (outward | inward as two columns on a
// wide screen, stacked on a narrow one), statistical tables with a
// caption, header ids and headers on every data cell, numbers
// right-aligned in tabular figures, policy tables, figures as inline SVG
// in <figure> with their text alternative as long description, and
// footnotes with links back to every citation. CSS is inline, including
// a print stylesheet; there is no script.
package html

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"strconv"
	"strings"
	"sync"

	"github.com/migprofile/migprofile/layouts"
	"github.com/migprofile/migprofile/report"
)

// Options configures Render.
type Options struct {
	// Layouts is a project's layouts folder: the templates in its html/
	// subfolder replace the embedded ones of the same name. Nil means the
	// embedded templates only.
	Layouts fs.FS
	// Figure returns the figure as charts.SVG draws it. Nil leaves
	// figures out.
	Figure func(f *report.Figure) (SVG, error)
	// Downloads are the profile's other files, linked with their sizes.
	Downloads []Download
}

// SVG is a figure drawn as an SVG file, and the part of it the page shows.
type SVG struct {
	Data []byte
	// Body, when its width is not zero, is the box of the drawing the page
	// shows, in the file's pixels: the chart without the
	// title and sources that the page prints as text.
	Body Box
}

// Box is a rectangle in an SVG file's pixels.
type Box struct{ X, Y, W, H int }

// Download is a file the page links to, beside it in the output folder.
type Download struct {
	// Format is the build format: pdf, md, xlsx.
	Format string
	// Name is the file's name, relative to the page.
	Name string
	// Size is the file's size in bytes.
	Size int
}

const (
	pageRoot      = "page.html.tmpl"
	catalogueRoot = "catalogue.html.tmpl"
)

// Render writes the profile's web page to w. Nothing is written when an
// error is returned.
func Render(w io.Writer, p *report.Profile, opt Options) error {
	pg, err := Prepare(p, opt)
	if err != nil {
		return err
	}
	sizes := make([]int, len(opt.Downloads))
	for i, d := range opt.Downloads {
		sizes[i] = d.Size
	}
	return pg.Write(w, sizes)
}

// Page is a profile's web page rendered but for the sizes of its
// downloads, which a build knows only when the other formats are done:
// rendering it alongside them leaves only the sizes to fill in on the
// build's critical path.
type Page struct {
	html []byte
	n    int
}

// Prepare renders the profile's page with a placeholder for the size of
// each of opt.Downloads (their Size is not used); Page.Write fills them in.
func Prepare(p *report.Profile, opt Options) (*Page, error) {
	if p == nil {
		return nil, errors.New("html: no profile")
	}
	t, err := templates(opt.Layouts)
	if err != nil {
		return nil, err
	}
	v, err := build(p, opt)
	if err != nil {
		return nil, fmt.Errorf("html: %w", err)
	}
	for i, d := range opt.Downloads {
		v.Downloads = append(v.Downloads, download{
			Href: d.Name, Format: d.Format,
			Type: firstNonEmpty(mimeTypes[d.Format], "application/octet-stream"),
			Size: template.HTML(sizeMark(i)),
		})
	}
	var buf bytes.Buffer
	if err := execute(&buf, t, pageRoot, v); err != nil {
		return nil, err
	}
	return &Page{html: buf.Bytes(), n: len(opt.Downloads)}, nil
}

// sizeMark is the placeholder of the i-th download's size: a tag, which
// no data text can print (html/template escapes every "<" of it).
func sizeMark(i int) string { return markPrefix + strconv.Itoa(i) + ">" }

const markPrefix = "<migprofile-size-"

// Write writes the page to w with sizes, in bytes, of the downloads given
// to Prepare, in their order, in one pass over the page. Nothing is
// written when an error is returned.
func (pg *Page) Write(w io.Writer, sizes []int) error {
	if len(sizes) != pg.n {
		return fmt.Errorf("html: %d download sizes for %d downloads", len(sizes), pg.n)
	}
	var out bytes.Buffer
	out.Grow(len(pg.html) + 64)
	rest := pg.html
	for {
		i := bytes.Index(rest, []byte(markPrefix))
		if i < 0 {
			break
		}
		j := bytes.IndexByte(rest[i:], '>')
		n, err := strconv.Atoi(string(rest[i+len(markPrefix) : i+max(j, len(markPrefix))]))
		if j < 0 || err != nil || n < 0 || n >= len(sizes) {
			return errors.New("html: a damaged size placeholder")
		}
		out.Write(rest[:i])
		out.WriteString(Size(sizes[n]))
		rest = rest[i+j+1:]
	}
	out.Write(rest)
	if _, err := w.Write(out.Bytes()); err != nil {
		return fmt.Errorf("html: %w", err)
	}
	return nil
}

func execute(w io.Writer, t *template.Template, root string, v any) error {
	var buf bytes.Buffer
	buf.Grow(128 << 10)
	if err := t.ExecuteTemplate(&buf, root, v); err != nil {
		return fmt.Errorf("html: %w", err)
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("html: %w", err)
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

var funcs = template.FuncMap{
	"upper": strings.ToUpper,
	"add":   func(a, b int) int { return a + b },
}

func parse(over fs.FS) (*template.Template, error) {
	fsys, err := layouts.Overlay(layouts.HTML, over, "html")
	if err != nil {
		return nil, fmt.Errorf("html: layouts: %w", err)
	}
	t, err := template.New(pageRoot).Funcs(funcs).Option("missingkey=error").ParseFS(fsys, "*.tmpl")
	if err != nil {
		return nil, fmt.Errorf("html: templates: %w", err)
	}
	for _, root := range []string{pageRoot, catalogueRoot} {
		if t.Lookup(root) == nil {
			return nil, fmt.Errorf("html: templates: no %s", root)
		}
	}
	return t, nil
}

// Size formats a file size for a reader: "812 bytes", "96 KB", "1.4 MB"
// (decimal units, as file managers print them).
func Size(n int) string {
	switch {
	case n < 1000:
		return strconv.Itoa(n) + " bytes"
	case n < 999_500:
		return strconv.Itoa((n+500)/1000) + " KB"
	}
	return strconv.FormatFloat(float64(n)/1e6, 'f', 1, 64) + " MB"
}
