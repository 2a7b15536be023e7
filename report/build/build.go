// Package build runs the pipeline for one profile: it renders every
// requested format from a validated profile, in memory, concurrently.
// Writing the results is the publisher's job (report/publish), so that a
// failed render never touches the output folder.
package build

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/migprofile/migprofile/charts"
	"github.com/migprofile/migprofile/report"
	"github.com/migprofile/migprofile/report/html"
	"github.com/migprofile/migprofile/report/markdown"
	"github.com/migprofile/migprofile/report/pdf"
	"github.com/migprofile/migprofile/report/publish"
	"github.com/migprofile/migprofile/report/xlsx"
)

// Formats are the output formats, in the order they are listed.
var Formats = []string{"pdf", "md", "xlsx", "html"}

// Options say what to render and how.
type Options struct {
	// Formats to render: a subset of Formats, checked by CheckFormats.
	Formats []string
	// PageSize names a pdf.PageSize; pdf.ParsePageSize reads it.
	PageSize string
	// PDFStandard names a pdf.Standard (pdf.ParseStandard): "" is ua-1.
	PDFStandard string
	// Date, when not zero, overrides the profile's publication date as
	// the documents' date (report.Meta.DocumentDate).
	Date time.Time
	// Layouts, when not nil, overrides the embedded Markdown and HTML
	// templates.
	Layouts fs.FS
}

// FigureDir is the folder, beside the Markdown file, that holds the figures.
const FigureDir = "figures"

// Render renders p in every requested format and returns the files to
// publish, sorted by name. The web page is rendered alongside the other
// formats and completed last with the sizes of the files it links to; the
// figures are drawn once, for the Markdown and the web page alike.
func Render(ctx context.Context, p *report.Profile, opt Options) ([]publish.File, report.Diagnostics, error) {
	if err := CheckFormats(opt.Formats); err != nil {
		return nil, nil, fmt.Errorf("build: %w", err)
	}
	r := &renderer{p: p, opt: opt, svgs: sync.OnceValues(func() (map[*report.Figure][]byte, error) {
		return drawSVGs(p)
	})}
	var (
		g, _  = errgroup.WithContext(ctx)
		files = make([][]publish.File, len(opt.Formats))
		diags = make([]report.Diagnostics, len(opt.Formats))
		page  = -1 // index of "html" in opt.Formats
		web   *html.Page
	)
	for i, format := range opt.Formats {
		if format == "html" {
			page = i
			g.Go(func() error {
				var err error
				if web, err = r.preparePage(); err != nil {
					return fmt.Errorf("build: %s: html: %w", p.Name, err)
				}
				return nil
			})
			continue
		}
		g.Go(func() error {
			var err error
			warn := func(d report.Diagnostic) { diags[i] = append(diags[i], d) }
			files[i], err = r.format(format, warn)
			if err != nil {
				return fmt.Errorf("build: %s: %s: %w", p.Name, format, err)
			}
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return nil, nil, err
	}
	if page >= 0 {
		f, err := r.writePage(web, slices.Concat(files...))
		if err != nil {
			return nil, nil, fmt.Errorf("build: %s: html: %w", p.Name, err)
		}
		files[page] = []publish.File{f}
	}
	out := slices.Concat(files...)
	slices.SortFunc(out, func(a, b publish.File) int { return cmp.Compare(a.Name, b.Name) })
	warnings := slices.Concat(diags...)
	warnings.Sort()
	return out, warnings, nil
}

// renderer renders one profile's formats.
type renderer struct {
	p    *report.Profile
	opt  Options
	svgs func() (map[*report.Figure][]byte, error)
}

func figureFile(f *report.Figure) string {
	return path.Join(FigureDir, fmt.Sprintf("figure-%d.svg", f.Number))
}

// drawSVGs draws every figure of p as an SVG file: the chart alone, as
// the Markdown and the web page print its title, caption and sources.
func drawSVGs(p *report.Profile) (map[*report.Figure][]byte, error) {
	out := make(map[*report.Figure][]byte, len(p.Figures))
	for _, f := range p.Figures {
		svg, err := charts.PlotSVG(f, p.Labels)
		if err != nil {
			return nil, err
		}
		out[f] = svg
	}
	return out, nil
}

// downloads are the files of the other formats requested (the PDF, the
// Markdown and the workbook), which the web page links to.
func (r *renderer) downloads() []html.Download {
	var out []html.Download
	for _, format := range Formats {
		if format != "html" && slices.Contains(r.opt.Formats, format) {
			out = append(out, html.Download{Format: format, Name: r.p.Name + "." + format})
		}
	}
	return out
}

// preparePage renders the web page but for the sizes of its downloads;
// its figures are the SVGs drawn for the Markdown (drawn once, by
// whichever needs them first): the charts alone.
func (r *renderer) preparePage() (*html.Page, error) {
	figure := func(f *report.Figure) (html.SVG, error) {
		svgs, err := r.svgs()
		if err != nil {
			return html.SVG{}, err
		}
		svg, ok := svgs[f]
		if !ok {
			if svg, err = charts.PlotSVG(f, r.p.Labels); err != nil {
				return html.SVG{}, err
			}
		}
		return html.SVG{Data: svg}, nil
	}
	return html.Prepare(r.p, html.Options{Layouts: r.opt.Layouts, Figure: figure, Downloads: r.downloads()})
}

// writePage writes the web page with the sizes of the files the other
// formats rendered.
func (r *renderer) writePage(web *html.Page, others []publish.File) (publish.File, error) {
	var sizes []int
	for _, d := range r.downloads() {
		i := slices.IndexFunc(others, func(f publish.File) bool { return f.Name == d.Name })
		if i < 0 {
			return publish.File{}, fmt.Errorf("no file %s to link to", d.Name)
		}
		sizes = append(sizes, len(others[i].Data))
	}
	var buf bytes.Buffer
	err := web.Write(&buf, sizes)
	return publish.File{Name: r.p.Name + ".html", Data: buf.Bytes()}, err
}

func (r *renderer) format(format string, warn func(report.Diagnostic)) ([]publish.File, error) {
	p, opt := r.p, r.opt
	var buf bytes.Buffer
	switch format {
	case "pdf":
		err := pdf.Render(&buf, p, pdf.Options{
			PageSize: opt.PageSize,
			Standard: opt.PDFStandard,
			Date:     opt.Date,
			Figures:  charts.PDF{Labels: p.Labels},
			Warn:     warn,
		})
		if err != nil {
			return nil, err
		}
		return []publish.File{{Name: p.Name + ".pdf", Data: buf.Bytes()}}, nil
	case "md":
		var downloads []string
		for _, f := range opt.Formats {
			if f == "pdf" || f == "xlsx" {
				downloads = append(downloads, p.Name+"."+f)
			}
		}
		err := markdown.Render(&buf, p, markdown.Options{Layouts: opt.Layouts, FigurePath: figureFile, Downloads: downloads})
		if err != nil {
			return nil, err
		}
		files := []publish.File{{Name: p.Name + ".md", Data: buf.Bytes()}}
		svgs, err := r.svgs()
		if err != nil {
			return nil, err
		}
		for _, f := range p.Figures {
			files = append(files, publish.File{Name: figureFile(f), Data: svgs[f]})
		}
		return files, nil
	case "xlsx":
		if err := xlsx.Render(&buf, p, xlsx.Options{Date: opt.Date}); err != nil {
			return nil, err
		}
		return []publish.File{{Name: p.Name + ".xlsx", Data: buf.Bytes()}}, nil
	}
	return nil, fmt.Errorf("unknown format %q", format)
}
