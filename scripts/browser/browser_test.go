// Package browser checks the web pages in a real browser: the test builds
// the Mali profile and the test profiles of report/build/testdata, with
// their catalogue, into a temporary folder, then runs check.mjs (headless
// Chromium driven by puppeteer-core, with axe-core) on every page.
package browser

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/migprofile/migprofile/report/build"
	"github.com/migprofile/migprofile/report/publish"
	"github.com/migprofile/migprofile/report/reporttest"
)

// TestPagesInChromium needs node, Debian's chromium and `npm ci` run in
// this folder; .ci/run provides all three. It skips when one is missing.
func TestPagesInChromium(t *testing.T) {
	chromium := os.Getenv("CHROMIUM")
	if chromium == "" {
		chromium = "/usr/bin/chromium"
	}
	if _, err := exec.LookPath("node"); err != nil {
		t.Skip("node not installed")
	}
	if _, err := os.Stat(chromium); err != nil {
		t.Skip("chromium not installed")
	}
	if _, err := os.Stat(filepath.Join("node_modules", "puppeteer-core")); err != nil {
		t.Skip("npm packages not installed: run npm ci in scripts/browser")
	}
	out := t.TempDir()
	pages := []string{filepath.Join(out, build.CatalogueName)}
	for _, p := range []struct{ data, name string }{
		{reporttest.DataDir(), "mali"},
		{filepath.Join("..", "..", "report", "build", "testdata"), "exemple"},
		{filepath.Join("..", "..", "report", "build", "testdata"), "polyglot"},
		{filepath.Join("..", "..", "report", "build", "testdata"), "longtables"},
		{filepath.Join("..", "..", "report", "build", "testdata"), "sylvanie"},
	} {
		date := time.Date(2010, 5, 1, 0, 0, 0, 0, time.UTC)
		res, err := build.Profile(context.Background(), os.DirFS(p.data), p.name, "test", build.Options{Formats: build.Formats, PageSize: "A4", Date: date})
		if err != nil {
			t.Fatal(err)
		}
		if err := publish.Files(context.Background(), filepath.Join(out, p.name), res.Files); err != nil {
			t.Fatal(err)
		}
		pages = append(pages, filepath.Join(out, p.name, p.name+".html"))
	}
	err := publish.Update(context.Background(), out, build.CatalogueName, func() ([]byte, error) { return build.Catalogue(os.DirFS(out), nil) })
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("node", append([]string{"check.mjs"}, pages...)...)
	cmd.Env = append(os.Environ(), "CHROMIUM="+chromium)
	output, err := cmd.CombinedOutput()
	t.Logf("check.mjs:\n%s", output)
	if err != nil {
		t.Fatalf("check.mjs failed: %v", err)
	}
}
