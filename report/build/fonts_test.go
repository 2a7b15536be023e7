package build_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/migprofile/migprofile/report"
	"github.com/migprofile/migprofile/report/build"
)

// cjkFont is a TrueType font with CJK ideographs, from Debian's
// fonts-droid-fallback (which .ci/run installs).
const cjkFont = "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"

// exempleWith returns testdata/exemple with its framework titled in
// Chinese, plus the given files.
func exempleWith(t *testing.T, extra map[string][]byte) fstest.MapFS {
	t.Helper()
	fsys := fstest.MapFS{}
	for _, name := range []string{"profile.yaml", "footnotes.yaml", "frameworks/cadre.yaml", "grids/politique.yaml", "tables/flux.yaml", "figures/flux-par-region.yaml"} {
		data, err := os.ReadFile("testdata/exemple/" + name)
		if err != nil {
			t.Fatal(err)
		}
		fsys["exemple/"+name] = &fstest.MapFile{Data: data}
	}
	cadre := fsys["exemple/frameworks/cadre.yaml"]
	cadre.Data = bytes.Replace(cadre.Data, []byte("title: Le cadre démographique"), []byte("title: Le cadre démographique — 移民概况"), 1)
	for name, data := range extra {
		fsys["exemple/"+name] = &fstest.MapFile{Data: data}
	}
	return fsys
}

// TestProfileFonts: a profile can bring a font for a script the bundled
// fonts lack; without it, validate warns about each character, with it
// the PDF prints them and they extract.
func TestProfileFonts(t *testing.T) {
	ttf, err := os.ReadFile(cjkFont)
	if err != nil {
		t.Skipf("no CJK font to test with (Debian fonts-droid-fallback): %v", err)
	}
	opt := build.Options{Formats: []string{"pdf"}, PageSize: "A4", Date: date}
	t.Run("Without", func(t *testing.T) {
		res, err := build.Profile(context.Background(), exempleWith(t, nil), "exemple", "test", opt)
		if err != nil {
			t.Fatal(err)
		}
		var warned []string
		for _, d := range res.Diagnostics.Warnings() {
			if strings.Contains(d.Msg, "cannot be printed in the PDF") {
				warned = append(warned, d.String())
			}
		}
		if len(warned) != 4 || !strings.HasPrefix(warned[0], "exemple/frameworks/cadre.yaml:") {
			t.Errorf("want 4 positioned warnings, one per ideograph; got %q", warned)
		}
	})
	t.Run("With", func(t *testing.T) {
		fsys := exempleWith(t, map[string][]byte{"fonts/cjk.ttf": ttf})
		profile := fsys["exemple/profile.yaml"]
		profile.Data = append(profile.Data, "fonts: [fonts/cjk.ttf]\n"...)
		res, err := build.Profile(context.Background(), fsys, "exemple", "test", opt)
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Diagnostics) != 0 {
			t.Errorf("diagnostics: %v", res.Diagnostics)
		}
		out := pdfText(t, res.Files[0].Data)
		if !strings.Contains(out, "Le cadre démographique — 移民概况") {
			t.Errorf("pdftotext lacks the Chinese title:\n%s", out)
		}
	})
}

// TestProfileFontErrors: a font path outside the profile, a missing file
// and a file that is no font are positioned data errors.
func TestProfileFontErrors(t *testing.T) {
	tests := []struct {
		name, fonts string
		files       map[string][]byte
		want        string
	}{
		{"Outside", "[../../etc/passwd]", nil, `fonts[0]: want a path inside the profile folder`},
		{"Missing", "[fonts/none.ttf]", nil, "fonts[0]: fonts/none.ttf: file does not exist"},
		{"NotAFont", "[fonts/x.ttf]", map[string][]byte{"fonts/x.ttf": []byte("hello")}, "fonts[0]: fonts/x.ttf: not a TrueType font"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := exempleWith(t, tt.files)
			profile := fsys["exemple/profile.yaml"]
			profile.Data = append(profile.Data, "fonts: "+tt.fonts+"\n"...)
			_, err := build.Profile(context.Background(), fsys, "exemple", "test", build.Options{Formats: []string{"pdf"}})
			var de *report.DataError
			if !errors.As(err, &de) {
				t.Fatalf("got %v, want a data error", err)
			}
			if got := de.Error(); !strings.Contains(got, "exemple/profile.yaml:") || !strings.Contains(got, tt.want) {
				t.Errorf("got %q, want it to say %q at exemple/profile.yaml", got, tt.want)
			}
		})
	}
}
