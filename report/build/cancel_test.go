package build_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/migprofile/migprofile/report/build"
	"github.com/migprofile/migprofile/report/reporttest"
)

// largeExemple returns testdata/exemple with its table grown to n rows, a
// profile that takes about a second to build.
func largeExemple(t *testing.T, n int) fstest.MapFS {
	t.Helper()
	fsys := fstest.MapFS{}
	for _, name := range []string{"profile.yaml", "footnotes.yaml", "frameworks/cadre.yaml", "grids/politique.yaml", "figures/flux-par-region.yaml"} {
		data, err := os.ReadFile("testdata/exemple/" + name)
		if err != nil {
			t.Fatal(err)
		}
		fsys["exemple/"+name] = &fstest.MapFile{Data: data}
	}
	var table strings.Builder
	table.WriteString("title: Flux\nperiod: 2020\ncolumns:\n  - {id: nord, label: Nord}\n  - {id: sud, label: Sud}\nrows:\n")
	table.WriteString("  - {id: sorties, label: Sorties, values: [1, 2]}\n  - {id: entrees, label: Entrées, values: [3, 4]}\n")
	for i := range n {
		fmt.Fprintf(&table, "  - {label: Row %d, values: [%d, %d]}\n", i, i, 2*i)
	}
	table.WriteString("sources: [Fictif]\n")
	fsys["exemple/tables/flux.yaml"] = &fstest.MapFile{Data: []byte(table.String())}
	return fsys
}

// TestProfileInterrupted: a build returns the context's error as soon as
// the context is done, whatever stage it is at, instead of finishing
// the work first (a large profile renders for about a second).
func TestProfileInterrupted(t *testing.T) {
	opt := build.Options{Formats: build.Formats, PageSize: "A4"}
	t.Run("Before", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		res, err := build.Profile(ctx, os.DirFS(reporttest.DataDir()), "mali", "test", opt)
		if !errors.Is(err, context.Canceled) || res.Files != nil {
			t.Errorf("got %d files, %v; want context.Canceled and nothing", len(res.Files), err)
		}
	})
	t.Run("During", func(t *testing.T) {
		if testing.Short() {
			t.Skip("builds a large profile")
		}
		fsys := largeExemple(t, 20000)
		ctx, cancel := context.WithCancel(context.Background())
		var cancelled time.Time
		time.AfterFunc(100*time.Millisecond, func() { cancelled = time.Now(); cancel() })
		start := time.Now()
		res, err := build.Profile(ctx, fsys, "exemple", "test", opt)
		end := time.Now()
		if !errors.Is(err, context.Canceled) || res.Files != nil {
			t.Fatalf("after %v: got %d files, %v; want context.Canceled and nothing", end.Sub(start), len(res.Files), err)
		}
		if wait := end.Sub(cancelled); wait > 250*time.Millisecond {
			t.Errorf("returned %v after the interrupt", wait)
		}
	})
}
