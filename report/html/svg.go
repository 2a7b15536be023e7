package html

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"strings"
)

// inlineSVG prepares an SVG file drawn by charts for a place inside the
// page: without its XML declaration, showing only body when given (its
// viewBox and size), with the ids of its <title> and <desc> replaced by
// titleID and descID (charts may name them alike in every file, which
// would repeat on a page of several figures), named by its title and
// described by its text alternative. Any other id in the file is an
// error, so that an id can never repeat unnoticed.
func inlineSVG(svg []byte, body Box, titleID, descID string) (template.HTML, error) {
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
	open := bytes.IndexByte(svg, '>')
	title, desc := idOf(svg, "<title id=\""), idOf(svg, "<desc id=\"")
	label := []byte(` aria-labelledby="` + title + ` ` + desc + `"`)
	if title == "" || desc == "" || bytes.Count(svg[:open], label) != 1 {
		return "", errors.New("svg: no <title> and <desc> naming it, as charts draws them")
	}
	if n := bytes.Count(svg, []byte(" id=")); n != 2 {
		return "", errors.New("svg: ids other than its title and description")
	}
	var out bytes.Buffer
	out.Grow(len(svg) + 128)
	out.Write(bytes.Replace(svg[:open], label, []byte(` aria-labelledby="`+titleID+`" aria-describedby="`+descID+`" focusable="false"`), 1))
	rest := bytes.Replace(svg[open:], []byte(`<title id="`+title+`">`), []byte(`<title id="`+titleID+`">`), 1)
	out.Write(bytes.Replace(rest, []byte(`<desc id="`+desc+`">`), []byte(`<desc id="`+descID+`">`), 1))
	result := out.Bytes()
	if body.W > 0 && body.H > 0 {
		var err error
		if result, err = crop(result, body); err != nil {
			return "", err
		}
	}
	return template.HTML(result), nil // drawn by charts, which escapes its text
}

// idOf is the id after the first occurrence of lead (which ends in
// id="), "" when there is none.
func idOf(svg []byte, lead string) string {
	i := bytes.Index(svg, []byte(lead))
	if i < 0 {
		return ""
	}
	rest := svg[i+len(lead):]
	j := bytes.IndexByte(rest, '"')
	if j <= 0 {
		return ""
	}
	return string(rest[:j])
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
