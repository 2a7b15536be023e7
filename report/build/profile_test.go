package build_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"testing"
	"testing/fstest"

	"github.com/migprofile/migprofile/report"
	"github.com/migprofile/migprofile/report/build"
	"github.com/migprofile/migprofile/report/reporttest"
)

func TestProfile(t *testing.T) {
	fsys := os.DirFS(reporttest.DataDir())
	opt := build.Options{Formats: build.Formats, PageSize: "A4"}
	res, err := build.Profile(context.Background(), fsys, "mali", "v0-test", opt)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(res.Diagnostics.Warnings()); n != 3 || len(res.Diagnostics) != 3 {
		t.Errorf("got %d diagnostics (%d warnings), want Mali's 3 warnings", len(res.Diagnostics), n)
	}

	t.Run("ManifestLastAndNamed", func(t *testing.T) {
		last := res.Files[len(res.Files)-1]
		if last.Name != build.ManifestName {
			t.Fatalf("last file is %s, want %s", last.Name, build.ManifestName)
		}
		if want := res.Manifest.File(); !bytes.Equal(last.Data, want.Data) {
			t.Error("the manifest file is not Result.Manifest")
		}
		if len(res.Manifest.Files) != len(res.Files)-1 {
			t.Errorf("manifest lists %d files, want %d", len(res.Manifest.Files), len(res.Files)-1)
		}
		if res.Manifest.Version != "v0-test" || res.Manifest.Profile != "mali" {
			t.Errorf("manifest %s %s", res.Manifest.Profile, res.Manifest.Version)
		}
		parsed, err := build.ParseManifest(last.Data)
		if err != nil || parsed.Inputs != res.Manifest.Inputs {
			t.Errorf("ParseManifest: %v, inputs %q, want %q", err, parsed.Inputs, res.Manifest.Inputs)
		}
	})
	t.Run("DateResolvedOnce", func(t *testing.T) {
		// No override: the profile's own date (2010-05), for the
		// documents and the manifest's digest alike.
		opt := opt
		opt.Date = date
		files, _, err := build.Render(context.Background(), reporttest.Mali(t), opt)
		if err != nil {
			t.Fatal(err)
		}
		for i, f := range files {
			if !bytes.Equal(f.Data, res.Files[i].Data) {
				t.Errorf("%s differs from a render dated %s", f.Name, date.Format("2006-01-02"))
			}
		}
		inputs, err := build.InputDigest(fsys, "mali", opt, nil)
		if err != nil || inputs != res.Manifest.Inputs {
			t.Errorf("inputs %q, want %q (%v)", res.Manifest.Inputs, inputs, err)
		}
	})
	t.Run("DataError", func(t *testing.T) {
		fsys := fstest.MapFS{"broken/profile.yaml": {Data: []byte("title: [\n")}}
		_, err := build.Profile(context.Background(), fsys, "broken", "v0-test", opt)
		var de *report.DataError
		if !errors.As(err, &de) {
			t.Errorf("got %v, want a *report.DataError", err)
		}
	})
	t.Run("UnknownFormat", func(t *testing.T) {
		opt := build.Options{Formats: []string{"pdf", "pdf"}}
		if _, err := build.Profile(context.Background(), fsys, "mali", "v0-test", opt); err == nil {
			t.Error("a format listed twice was rendered")
		}
	})
}

func TestCheckFormats(t *testing.T) {
	tests := []struct {
		name    string
		formats []string
		wantErr bool
	}{
		{"All", build.Formats, false},
		{"One", []string{"md"}, false},
		{"None", nil, true},
		{"Unknown", []string{"pdf", "docx"}, true},
		{"Twice", []string{"md", "pdf", "md"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := build.CheckFormats(tt.formats); (err != nil) != tt.wantErr {
				t.Errorf("CheckFormats(%q) = %v, want error %v", tt.formats, err, tt.wantErr)
			}
		})
	}
}
