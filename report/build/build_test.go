package build_test

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/migprofile/migprofile/report/build"
	"github.com/migprofile/migprofile/report/load"
	"github.com/migprofile/migprofile/report/reporttest"
)

var date = time.Date(2010, 5, 1, 0, 0, 0, 0, time.UTC)

func TestRender(t *testing.T) {
	p := reporttest.Mali(t)
	opt := build.Options{Formats: build.Formats, PageSize: "A4", Date: date}
	first, _, err := build.Render(context.Background(), p, opt)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range first {
		names = append(names, f.Name)
	}
	want := "figures/figure-1.svg figures/figure-2.svg figures/figure-3.svg figures/figure-4.svg mali.html mali.md mali.pdf mali.xlsx"
	if got := strings.Join(names, " "); got != want {
		t.Errorf("files:\n got %s\nwant %s", got, want)
	}

	t.Run("Deterministic", func(t *testing.T) {
		second, _, err := build.Render(context.Background(), reporttest.Mali(t), opt)
		if err != nil {
			t.Fatal(err)
		}
		for i := range first {
			if !bytes.Equal(first[i].Data, second[i].Data) {
				t.Errorf("%s differs between two renders", first[i].Name)
			}
		}
	})
	t.Run("UnknownFormat", func(t *testing.T) {
		_, _, err := build.Render(context.Background(), p, build.Options{Formats: []string{"docx"}})
		if err == nil || !strings.Contains(err.Error(), `unknown format "docx"`) {
			t.Errorf("got %v", err)
		}
	})
}

func TestInputDigest(t *testing.T) {
	fsys := os.DirFS(reporttest.DataDir())
	opt := build.Options{Formats: build.Formats, PageSize: "A4", Date: date}
	a, err := build.InputDigest(fsys, "mali", opt, nil)
	if err != nil {
		t.Fatal(err)
	}
	opt.PageSize = "Letter"
	b, _ := build.InputDigest(fsys, "mali", opt, nil)
	if a == b || len(a) != 64 {
		t.Errorf("digest %q must be 64 hex digits and change with the page size (%q)", a, b)
	}
}

// BenchmarkBuild is the whole Mali build in memory: load, validate, and
// render every format (charts included), without writing files.
func BenchmarkBuild(b *testing.B) {
	fsys := os.DirFS(reporttest.DataDir())
	opt := build.Options{Formats: build.Formats, PageSize: "A4", Date: date}
	b.ReportAllocs()
	for b.Loop() {
		p, diags, err := load.Load(fsys, "mali")
		if err != nil || diags.Err() != nil {
			b.Fatal(err, diags.Err())
		}
		if _, _, err := build.Render(context.Background(), p, opt); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoad is loading and validating data/mali alone.
func BenchmarkLoad(b *testing.B) {
	fsys := os.DirFS(reporttest.DataDir())
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := load.Load(fsys, "mali"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRenderFormats renders Mali in memory with and without the web
// page, to show what the fourth format adds.
func BenchmarkRenderFormats(b *testing.B) {
	p := reporttest.Mali(b)
	for _, formats := range [][]string{{"pdf", "md", "xlsx"}, build.Formats, {"md"}, {"md", "html"}, {"html"}} {
		b.Run(strings.Join(formats, "+"), func(b *testing.B) {
			opt := build.Options{Formats: formats, PageSize: "A4", Date: date}
			for b.Loop() {
				if _, _, err := build.Render(context.Background(), p, opt); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
