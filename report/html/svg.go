package html

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"strings"
)

// inlineSVG prepares an SVG file drawn by charts.SVG for a place inside
// the page: without its XML declaration, showing only body when given
// (its viewBox and size), with its ids prefixed (charts names them
// "title" and "desc" in every file, which would repeat on a page of
// several figures), named by its title and described by its text
// alternative. Any other id in the file is an error, so that an id can
// never repeat unnoticed.
func inlineSVG(svg []byte, body Box, prefix string) (template.HTML, error) {
	svg = bytes.TrimSpace(svg)
	if bytes.HasPrefix(svg, []byte("<?xml")) {
		end := bytes.Index(svg, []byte("?>"))
		if end < 0 {
			return "", errors.New("svg: unterminated XML declaration")
		}
		svg = bytes.TrimSpace(svg[end+2:])
	}
	if !bytes.HasPrefix(svg, []byte("<svg ")) {
		return "", errors.New("svg: does not start with <svg")
	}
	for _, r := range []struct{ old, new string }{
		{` aria-labelledby="title desc"`, ` aria-labelledby="` + prefix + `title" aria-describedby="` + prefix + `desc" focusable="false"`},
		{`<title id="title">`, `<title id="` + prefix + `title">`},
		{`<desc id="desc">`, `<desc id="` + prefix + `desc">`},
	} {
		if bytes.Count(svg, []byte(r.old)) != 1 {
			return "", errors.New("svg: not as charts.SVG draws it (" + r.old + ")")
		}
		svg = bytes.Replace(svg, []byte(r.old), []byte(r.new), 1)
	}
	if body.W > 0 && body.H > 0 {
		var err error
		if svg, err = crop(svg, body); err != nil {
			return "", err
		}
	}
	if n := bytes.Count(svg, []byte(" id=")); n != 2 {
		return "", errors.New("svg: ids other than its title and description")
	}
	return template.HTML(svg), nil // drawn by charts, which escapes its text
}

// crop makes the <svg> element show only body: its width, height and
// viewBox, which charts writes as width="W" height="H" … viewBox="0 0 W H".
func crop(svg []byte, body Box) ([]byte, error) {
	end := bytes.IndexByte(svg, '>')
	open := string(svg[:end])
	w, h, ok := size(open)
	if !ok {
		return nil, errors.New("svg: no width, height and viewBox as charts.SVG writes them")
	}
	if body.X < 0 || body.Y < 0 || body.X+body.W > w || body.Y+body.H > h {
		return nil, fmt.Errorf("svg: body %v outside the %d×%d drawing", body, w, h)
	}
	open = strings.Replace(open, fmt.Sprintf(`width="%d" height="%d"`, w, h), fmt.Sprintf(`width="%d" height="%d"`, body.W, body.H), 1)
	open = strings.Replace(open, fmt.Sprintf(`viewBox="0 0 %d %d"`, w, h), fmt.Sprintf(`viewBox="%d %d %d %d"`, body.X, body.Y, body.W, body.H), 1)
	return append([]byte(open), svg[end:]...), nil
}

// size reads the width and height of an <svg> start tag written by
// charts, checking that its viewBox is the same.
func size(open string) (w, h int, ok bool) {
	if _, err := fmt.Sscanf(open[strings.Index(open, `width="`):], `width="%d" height="%d"`, &w, &h); err != nil {
		return 0, 0, false
	}
	return w, h, strings.Contains(open, fmt.Sprintf(`viewBox="0 0 %d %d"`, w, h))
}
