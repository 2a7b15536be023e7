package load

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"io/fs"
	"path"
	"strings"

	"github.com/migprofile/migprofile/report"
)

// logoFile is one of the cover's logos: a PNG or JPEG file inside the
// profile folder and what it shows.
type logoFile struct {
	report.Pos
	File posString `yaml:"file" req:"true"`
	Alt  posString `yaml:"alt" req:"true"`
}

// maxImage bounds a logo file (a print-quality logo is a few hundred
// kB), maxLogos their number (a cover row holds a handful).
const (
	maxImage = 4 << 20
	maxLogos = 8
)

// logos reads the profile's logos: regular files inside the profile
// folder, no larger than maxImage, that decode as PNG or JPEG images the
// PDF can embed.
func (c *compiler) logos(files []logoFile) []report.Image {
	var out []report.Image
	if len(files) > maxLogos {
		c.errorf(files[maxLogos].Pos, fmt.Sprintf("logos[%d]", maxLogos), "at most %d logos; a cover row holds a handful", maxLogos)
		files = files[:maxLogos]
	}
	for i, f := range files {
		field := fmt.Sprintf("logos[%d].file", i)
		name, ok := insidePath(f.File.S)
		if !ok {
			c.errorf(f.File.Pos, field, "want a path inside the profile folder, such as logos/eui.png, got %q", f.File.S)
			continue
		}
		im, err := c.readImage(path.Join(c.dir, name))
		if err != nil {
			c.errorf(f.File.Pos, field, "%s: %v", f.File.S, err)
			continue
		}
		im.Pos, im.Path, im.Alt = f.Pos, name, f.Alt.S
		out = append(out, im)
	}
	return out
}

// insidePath cleans p and reports whether it names a file inside the
// profile folder.
func insidePath(p string) (string, bool) {
	name := path.Clean(p)
	if p == "" || path.IsAbs(p) || name == ".." || strings.HasPrefix(name, "../") || !fs.ValidPath(name) {
		return "", false
	}
	return name, true
}

var (
	pngMagic  = []byte("\x89PNG\r\n\x1a\n")
	jpegMagic = []byte("\xff\xd8\xff")
)

// readImage reads a logo and checks that the PDF can embed it: a PNG
// (not interlaced, which fpdf cannot read) or a JPEG in grey, RGB or
// CMYK, that decodes whole. SVG is refused: fpdf draws only bare SVG
// paths, so text, fills and gradients would be lost.
func (c *compiler) readImage(file string) (report.Image, error) {
	var im report.Image
	data, err := readRegular(c.loader.fsys, file, maxImage)
	if err != nil {
		return im, pathless(err)
	}
	switch {
	case bytes.HasPrefix(data, pngMagic):
		im.Format = "png"
		if len(data) > 28 && data[28] != 0 {
			return im, errors.New("an interlaced PNG, which the PDF library cannot read: save it without interlacing")
		}
	case bytes.HasPrefix(data, jpegMagic):
		im.Format = "jpeg"
	case strings.HasSuffix(strings.ToLower(file), ".svg") || bytes.Contains(data[:min(len(data), 1024)], []byte("<svg")):
		return im, errors.New("SVG is not supported (the PDF library draws only bare SVG paths, losing text, fills and gradients): export the logo as PNG at 300 dpi or more")
	default:
		return im, errors.New("not a PNG or JPEG image")
	}
	img, err := decodeImage(im.Format, data)
	if err != nil {
		return im, err
	}
	b := img.Bounds()
	im.Width, im.Height, im.Data = b.Dx(), b.Dy(), data
	return im, nil
}

// decodeImage decodes data whole, so that a truncated file is found
// here rather than by the PDF writer.
func decodeImage(format string, data []byte) (image.Image, error) {
	if format == "png" {
		img, err := png.Decode(bytes.NewReader(data))
		if err != nil {
			return nil, fmt.Errorf("not a valid PNG: %v", err)
		}
		return img, nil
	}
	img, err := jpeg.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("not a valid JPEG: %v", err)
	}
	switch img.ColorModel() {
	case color.GrayModel, color.YCbCrModel, color.CMYKModel:
		return img, nil
	}
	return nil, errors.New("a JPEG in a colour space the PDF cannot hold (want grey, RGB or CMYK)")
}
