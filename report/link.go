package report

import (
	"net/url"
	"path"
	"strings"
	"unicode/utf8"
)

// linkDetailMax caps the part of a derived link text that follows the
// host, so that a long query never turns a source note back into a URL
// dump.
const linkDetailMax = 32

// LinkText returns the text to print for a link in a source note: text
// when it is a title (text that is not the address itself), else a short
// form of the address, its host and what tells this page apart (see
// ShortURL). The full address stays the link's target: every output
// prints the same words for the same link.
func LinkText(text, target string) string {
	t := strings.TrimSpace(text)
	if t != "" && t != target && "http://"+t != target && "https://"+t != target {
		return t
	}
	return ShortURL(target)
}

// ShortURL shortens a web address to its host without "www.", then the
// last path element without its extension, then what names the page
// inside it: the fragment, or else the last non-empty query value. So
// "http://www.carim.org/includes/sessions.php?lang=en&callText=1065&"
// reads "carim.org, sessions 1065", and a report's PDF
// "http://cadmus.eui.eu/dspace/1814/CARIM_RR_2009_11.pdf" reads
// "cadmus.eui.eu, CARIM RR 2009 11". Underscores and hyphens read as
// spaces; an address that does not parse is returned as written.
func ShortURL(target string) string {
	u, err := url.Parse(strings.TrimSpace(target))
	if err != nil || u.Host == "" {
		return target
	}
	host := strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	var parts []string
	stem := strings.TrimSuffix(path.Base(u.Path), path.Ext(u.Path))
	if stem != "." && stem != "/" && stem != "" && stem != "index" {
		parts = append(parts, words(stem))
	}
	if id := pageID(u); id != "" {
		parts = append(parts, words(id))
	}
	detail := clip(strings.Join(parts, " "), linkDetailMax)
	if detail == "" {
		return host
	}
	return host + ", " + detail
}

// pageID is the fragment of u, or else the value of its last query
// parameter that has one, in the order written.
func pageID(u *url.URL) string {
	if u.Fragment != "" {
		return u.Fragment
	}
	id := ""
	for kv := range strings.SplitSeq(u.RawQuery, "&") {
		_, v, _ := strings.Cut(kv, "=")
		if v, err := url.QueryUnescape(v); err == nil && strings.TrimSpace(v) != "" {
			id = v
		}
	}
	return id
}

// words makes an identifier read as words.
func words(s string) string {
	s = strings.Map(func(r rune) rune {
		if r == '_' || r == '-' || r == '+' {
			return ' '
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// clip shortens s to at most n runes, ending it with an ellipsis.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:n-1])) + "…"
}

// SourceText returns t with every link's text replaced by its LinkText,
// for printing in a source note.
func SourceText(t Text) Text {
	out := make(Text, len(t))
	for i, s := range t {
		if s.Kind == SpanLink {
			s.Text = LinkText(s.Text, s.URL)
		}
		out[i] = s
	}
	return out
}

// UniqueSources returns srcs without a source that repeats an earlier
// one's label and text, so that a link listed twice prints once
// (Validate warns about it).
func UniqueSources(srcs []Source) []Source {
	out := make([]Source, 0, len(srcs))
	for _, s := range srcs {
		dup := false
		for _, e := range out {
			if e.Label == s.Label && sameText(e.Text, s.Text) {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, s)
		}
	}
	return out
}

// sameText reports whether two texts print the same and link to the same
// addresses.
func sameText(a, b Text) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Kind != b[i].Kind || a[i].Text != b[i].Text || a[i].URL != b[i].URL || a[i].Note != b[i].Note {
			return false
		}
	}
	return true
}
