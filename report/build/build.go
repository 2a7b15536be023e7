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
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/migprofile/migprofile/charts"
	"github.com/migprofile/migprofile/report"
	"github.com/migprofile/migprofile/report/markdown"
	"github.com/migprofile/migprofile/report/pdf"
	"github.com/migprofile/migprofile/report/publish"
	"github.com/migprofile/migprofile/report/xlsx"
)

// Formats are the output formats, in the order they are listed.
var Formats = []string{"pdf", "md", "xlsx"}

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
	// Layouts, when not nil, overrides the embedded Markdown templates.
	Layouts fs.FS
}

// FigureDir is the folder, beside the Markdown file, that holds the figures.
const FigureDir = "figures"

// Render renders p in every requested format and returns the files to
// publish, sorted by name.
func Render(ctx context.Context, p *report.Profile, opt Options) ([]publish.File, report.Diagnostics, error) {
	if err := CheckFormats(opt.Formats); err != nil {
		return nil, nil, fmt.Errorf("build: %w", err)
	}
	figureFile := func(f *report.Figure) string { return path.Join(FigureDir, fmt.Sprintf("figure-%d.svg", f.Number)) }

	var (
		g, _  = errgroup.WithContext(ctx)
		files = make([][]publish.File, len(opt.Formats))
		diags = make([]report.Diagnostics, len(opt.Formats))
	)
	for i, format := range opt.Formats {
		g.Go(func() error {
			var err error
			warn := func(d report.Diagnostic) { diags[i] = append(diags[i], d) }
			files[i], err = renderFormat(p, format, opt, figureFile, warn)
			if err != nil {
				return fmt.Errorf("build: %s: %s: %w", p.Name, format, err)
			}
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return nil, nil, err
	}
	out := slices.Concat(files...)
	slices.SortFunc(out, func(a, b publish.File) int { return cmp.Compare(a.Name, b.Name) })
	warnings := slices.Concat(diags...)
	warnings.Sort()
	return out, warnings, nil
}

func renderFormat(p *report.Profile, format string, opt Options, figureFile func(*report.Figure) string, warn func(report.Diagnostic)) ([]publish.File, error) {
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
		for _, f := range p.Figures {
			// The chart alone: the Markdown prints its title, caption
			// and sources.
			svg, err := charts.PlotSVG(f, p.Labels)
			if err != nil {
				return nil, err
			}
			files = append(files, publish.File{Name: figureFile(f), Data: svg})
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
