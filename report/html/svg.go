package html

import (
	"bytes"
	"errors"
	"html/template"
)

// inlineSVG prepares an SVG file drawn by charts.SVG for a place inside
// the page: without its XML declaration, with its ids prefixed (charts
// names them "title" and "desc" in every file, which would repeat on a
// page of several figures), named by its title and described by its text
// alternative. Any other id in the file is an error, so that an id can
// never repeat unnoticed.
func inlineSVG(svg []byte, prefix string) (template.HTML, error) {
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
	if n := bytes.Count(svg, []byte(" id=")); n != 2 {
		return "", errors.New("svg: ids other than its title and description")
	}
	return template.HTML(svg), nil // drawn by charts, which escapes its text
}
