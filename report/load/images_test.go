package load_test

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/migprofile/migprofile/report/load"
)

// picture encodes a small image as PNG or JPEG.
func picture(tb testing.TB, format string, w, h int) []byte {
	tb.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for x := range w {
		img.Set(x, 0, color.RGBA{200, 0, 0, 255})
	}
	var buf bytes.Buffer
	var err error
	if format == "png" {
		err = png.Encode(&buf, img)
	} else {
		err = jpeg.Encode(&buf, img, nil)
	}
	if err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// withLogos is the minimal profile with profile.yaml's logos set to
// logos (YAML) and the given files added to its folder.
func withLogos(tb testing.TB, logos string, files map[string][]byte) fstest.MapFS {
	fsys := minimal()
	prof := string(fsys["mini/profile.yaml"].Data) + "logos:\n" + logos
	with(fsys, "mini/profile.yaml", prof)
	for name, data := range files {
		fsys["mini/"+name] = &fstest.MapFile{Data: data}
	}
	return fsys
}

func TestLogos(t *testing.T) {
	fsys := withLogos(t, "  - {file: logos/a.png, alt: Institute A}\n  - {file: logos/b.jpg, alt: Programme B}\n",
		map[string][]byte{"logos/a.png": picture(t, "png", 30, 10), "logos/b.jpg": picture(t, "jpeg", 20, 16)})
	p, diags, err := load.Load(fsys, "mini")
	if err != nil || len(diags.Errors()) > 0 {
		t.Fatal(err, diags)
	}
	var got []string
	for _, im := range p.Meta.Logos {
		got = append(got, strings.Join([]string{im.Path, im.Alt, im.Format}, "|"))
		if im.Width == 0 || im.Height == 0 || len(im.Data) == 0 {
			t.Errorf("%s: size %dx%d, %d bytes", im.Path, im.Width, im.Height, len(im.Data))
		}
	}
	if want := "logos/a.png|Institute A|png logos/b.jpg|Programme B|jpeg"; strings.Join(got, " ") != want {
		t.Errorf("got %q, want %q", strings.Join(got, " "), want)
	}
	if l := p.Meta.Logos[0]; l.Width != 30 || l.Height != 10 || l.Line != 10 {
		t.Errorf("first logo %dx%d at line %d, want 30x10 at line 10", l.Width, l.Height, l.Line)
	}
}

func TestLogoErrors(t *testing.T) {
	interlaced := picture(t, "png", 4, 4)
	interlaced[28] = 1
	big := append(picture(t, "png", 4, 4), make([]byte, 5<<20)...)
	tests := []struct {
		name  string
		logos string
		files map[string][]byte
		want  string
	}{
		{"SVG", "  - {file: logos/a.svg, alt: A}\n", map[string][]byte{"logos/a.svg": []byte(`<svg xmlns="http://www.w3.org/2000/svg"/>`)}, `mini/profile.yaml:10:12: logos[0].file: logos/a.svg: SVG is not supported`},
		{"Interlaced", "  - {file: a.png, alt: A}\n", map[string][]byte{"a.png": interlaced}, `logos[0].file: a.png: an interlaced PNG`},
		{"Outside", "  - {file: ../a.png, alt: A}\n", nil, `mini/profile.yaml:10:12: logos[0].file: want a path inside the profile folder`},
		{"Missing", "  - {file: a.png, alt: A}\n", nil, `logos[0].file: a.png: file does not exist`},
		{"Directory", "  - {file: tables, alt: A}\n", nil, `logos[0].file: tables: is not a regular file`},
		{"TooBig", "  - {file: a.png, alt: A}\n", map[string][]byte{"a.png": big}, `the limit is 4194304`},
		{"NotAnImage", "  - {file: a.png, alt: A}\n", map[string][]byte{"a.png": []byte("hello")}, `logos[0].file: a.png: not a PNG or JPEG image`},
		{"Truncated", "  - {file: a.png, alt: A}\n", map[string][]byte{"a.png": picture(t, "png", 40, 40)[:60]}, `a.png: not a valid PNG`},
		{"NoAlt", "  - {file: a.png}\n", map[string][]byte{"a.png": picture(t, "png", 4, 4)}, `logos[0].alt: required field "alt" is missing`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := diagnostics(t, withLogos(t, tt.logos, tt.files))
			for _, g := range got {
				if strings.Contains(g, tt.want) && !strings.Contains(g, "warning:") {
					return
				}
			}
			t.Errorf("no error containing\n  %s\ngot:\n  %s", tt.want, strings.Join(got, "\n  "))
		})
	}
}
