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
	"math"
	"path"
	"slices"
	"time"

	"codeberg.org/go-pdf/fpdf"
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
func Render(ctx context.Context, p *report.Profile, opt Options) ([]publish.File, error) {
	if err := CheckFormats(opt.Formats); err != nil {
		return nil, fmt.Errorf("build: %w", err)
	}
	figureFile := func(f *report.Figure) string { return path.Join(FigureDir, fmt.Sprintf("figure-%d.svg", f.Number)) }
	altText := func(f *report.Figure) string { return charts.AltText(f, p.Labels) }

	var (
		g, _  = errgroup.WithContext(ctx)
		files = make([][]publish.File, len(opt.Formats))
	)
	for i, format := range opt.Formats {
		g.Go(func() error {
			var err error
			files[i], err = renderFormat(p, format, opt, figureFile, altText)
			if err != nil {
				return fmt.Errorf("build: %s: %s: %w", p.Name, format, err)
			}
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	out := slices.Concat(files...)
	slices.SortFunc(out, func(a, b publish.File) int { return cmp.Compare(a.Name, b.Name) })
	return out, nil
}

func renderFormat(p *report.Profile, format string, opt Options, figureFile, altText func(*report.Figure) string) ([]publish.File, error) {
	var buf bytes.Buffer
	switch format {
	case "pdf":
		err := pdf.Render(&buf, p, pdf.Options{
			PageSize: opt.PageSize,
			Date:     opt.Date,
			Figure: func(doc *fpdf.Fpdf, f *report.Figure, x, y, w, h float64) error {
				return charts.DrawPDF(doc, f, p.Labels, x, y, w, h)
			},
			FigureHeight: func(f *report.Figure, w float64) float64 {
				const pxPerMM = 96 / 25.4 // charts lay out at 96 pixels per inch
				h, err := charts.Height(f, p.Labels, int(math.Round(w*pxPerMM)), false)
				if err != nil {
					return 0 // the drawing reports the error
				}
				return float64(h) / pxPerMM
			},
		})
		if err != nil {
			return nil, err
		}
		return []publish.File{{Name: p.Name + ".pdf", Data: buf.Bytes()}}, nil
	case "md":
		err := markdown.Render(&buf, p, markdown.Options{Layouts: opt.Layouts, FigurePath: figureFile, AltText: altText})
		if err != nil {
			return nil, err
		}
		files := []publish.File{{Name: p.Name + ".md", Data: buf.Bytes()}}
		for _, f := range p.Figures {
			svg, err := charts.SVG(f, p.Labels)
			if err != nil {
				return nil, err
			}
			files = append(files, publish.File{Name: figureFile(f), Data: svg})
		}
		return files, nil
	case "xlsx":
		if err := xlsx.Render(&buf, p, xlsx.Options{Date: opt.Date, AltText: altText}); err != nil {
			return nil, err
		}
		return []publish.File{{Name: p.Name + ".xlsx", Data: buf.Bytes()}}, nil
	}
	return nil, fmt.Errorf("unknown format %q", format)
}
