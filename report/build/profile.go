package build

import (
	"context"
	"errors"
	"fmt"
	"io/fs"

	"github.com/migprofile/migprofile/report"
	"github.com/migprofile/migprofile/report/load"
	"github.com/migprofile/migprofile/report/publish"
)

// Result is one profile built in memory: the files to publish, and what
// the loader found that did not stop the build.
type Result struct {
	// Files are the outputs sorted by name, then their manifest last, so
	// that publishing renames the manifest into place after the files it
	// describes.
	Files []publish.File
	// Manifest is the manifest of Files (ManifestName among them), as a
	// value, so that callers need not look for it.
	Manifest Manifest
	// Diagnostics are the profile's warnings; errors stop the build.
	Diagnostics report.Diagnostics
}

// Profile is the one pipeline from data to files, shared by the build and
// verify commands: it loads the profile name from data (the folder holding
// one folder per profile), validates it, renders it with opt and adds the
// manifest, which records version. Data errors come back as a
// *report.DataError. Nothing is written.
//
// Profile returns ctx's error as soon as ctx is done, at any stage: the
// reads of the data stop at the next read, the renderers (which only
// write to memory) are left to finish on their own and their work is
// dropped.
func Profile(ctx context.Context, data fs.FS, name, version string, opt Options) (Result, error) {
	if err := ctx.Err(); err != nil {
		return Result{}, err
	}
	type outcome struct {
		res Result
		err error
	}
	done := make(chan outcome, 1)
	go func() {
		res, err := profile(ctx, data, name, version, opt)
		done <- outcome{res, err}
	}()
	select {
	case o := <-done:
		if err := ctx.Err(); err != nil {
			return Result{}, err // finished, but after the interrupt
		}
		return o.res, o.err
	case <-ctx.Done():
		return Result{}, ctx.Err()
	}
}

func profile(ctx context.Context, data fs.FS, name, version string, opt Options) (Result, error) {
	p, diags, err := load.LoadContext(ctx, data, name)
	if err != nil {
		return Result{}, err
	}
	if err := diags.Err(); err != nil {
		return Result{Diagnostics: diags}, err
	}
	// Resolved once, so that the documents and the manifest's digest
	// carry the same date.
	opt.Date = p.Meta.DocumentDate(opt.Date)
	if err := ctx.Err(); err != nil {
		return Result{}, err
	}
	files, warnings, err := Render(ctx, p, opt)
	var de *report.DataError
	if errors.As(err, &de) {
		// Setting the text found what the loader could not see (a table
		// wider than the page): the profile's own errors, positioned.
		diags = append(diags, de.Diagnostics...)
		diags.Sort()
		return Result{Diagnostics: diags}, &report.DataError{Diagnostics: diags.Errors()}
	}
	if err != nil {
		return Result{}, err
	}
	diags = append(diags, warnings...)
	diags.Sort()
	if err := ctx.Err(); err != nil {
		return Result{}, err
	}
	inputs, err := InputDigest(data, p.Name, opt, opt.Layouts)
	if err != nil {
		return Result{}, fmt.Errorf("build: %s: hashing inputs: %w", p.Name, err)
	}
	m := NewManifest(p.Name, version, inputs, files)
	return Result{Files: append(files, m.File()), Manifest: m, Diagnostics: diags}, nil
}
