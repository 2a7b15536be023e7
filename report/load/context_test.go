package load_test

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"testing"

	"github.com/migprofile/migprofile/report/load"
	"github.com/migprofile/migprofile/report/reporttest"
)

// countingFS counts the files opened, and cancels after the first few.
type countingFS struct {
	fs.ReadLinkFS
	opened, cancelAt int
	cancel           context.CancelFunc
}

func (c *countingFS) Open(name string) (fs.File, error) {
	c.opened++
	if c.opened == c.cancelAt {
		c.cancel()
	}
	return c.ReadLinkFS.Open(name)
}

// TestLoadContextStops: an interrupt while loading stops the reads at the
// next one and returns the context's error, not diagnostics about files
// it did not read.
func TestLoadContextStops(t *testing.T) {
	t.Run("Before", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		p, diags, err := load.LoadContext(ctx, os.DirFS(reporttest.DataDir()), "mali")
		if !errors.Is(err, context.Canceled) || p != nil || diags != nil {
			t.Errorf("got %v, %v, %v; want only context.Canceled", p, diags, err)
		}
	})
	t.Run("BetweenFiles", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		fsys := &countingFS{ReadLinkFS: os.DirFS(reporttest.DataDir()).(fs.ReadLinkFS), cancelAt: 2, cancel: cancel}
		p, diags, err := load.LoadContext(ctx, fsys, "mali")
		if !errors.Is(err, context.Canceled) || p != nil || diags != nil {
			t.Errorf("got %v, %v, %v; want only context.Canceled", p, diags, err)
		}
		if fsys.opened != 2 {
			t.Errorf("%d files opened, want 2: the reads go on after the interrupt", fsys.opened)
		}
	})
}
