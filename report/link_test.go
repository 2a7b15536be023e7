package report

import (
	"net/url"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestLinkText(t *testing.T) {
	tests := []struct {
		name, text, url, want string
	}{
		{"Title", "Law of 20 July 1998", "http://example.org/law", "Law of 20 July 1998"},
		{"Query", "", "http://www.carim.org/includes/sessions.php?lang=en&callContent=401&callText=1065&", "carim.org, sessions 1065"},
		{"Fragment", "", "http://www.carim.org/includes/sessions.php?lang=en&callCountry=10003#LT_942", "carim.org, sessions LT 942"},
		{"AsWritten", "http://www.carim.org/x.php?a=1", "http://www.carim.org/x.php?a=1", "carim.org, x 1"},
		{"WrittenWithoutScheme", "www.carim.org", "http://www.carim.org", "carim.org"},
		{"File", "", "http://cadmus.eui.eu/dspace/bitstream/1814/10794/1/CARIM_RR_2009_11.pdf", "cadmus.eui.eu, CARIM RR 2009 11"},
		{"Index", "", "https://example.org/index.html", "example.org"},
		{"Escaped", "", "https://example.org/search?q=migration%20Mali", "example.org, search migration Mali"},
		{"Long", "", "https://example.org/a?q=" + "abcdefghij-abcdefghij-abcdefghij-abcdefghij", "example.org, a abcdefghij abcdefghij abcdefg…"},
		{"NoHost", "", "not a url", "not a url"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := LinkText(tt.text, tt.url); got != tt.want {
				t.Errorf("LinkText(%q, %q) = %q, want %q", tt.text, tt.url, got, tt.want)
			}
		})
	}
}

func TestUniqueSources(t *testing.T) {
	link := func(u string) Text { return Text{{Kind: SpanLink, Text: u, URL: u}} }
	srcs := []Source{
		{Text: link("http://a.org/1")},
		{Text: link("http://a.org/2")},
		{Text: link("http://a.org/1")},
		{Label: "Other", Text: link("http://a.org/1")},
	}
	var got []string
	for _, s := range UniqueSources(srcs) {
		got = append(got, s.Label+"|"+s.Text.String())
	}
	want := []string{"|http://a.org/1", "|http://a.org/2", "Other|http://a.org/1"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// FuzzShortURL checks that any address gives a short text without
// panicking: an address that parses gives its host and at most
// linkDetailMax runes more.
func FuzzShortURL(f *testing.F) {
	f.Add("http://www.carim.org/includes/sessions.php?lang=en&callText=1065&")
	f.Add("https://x.org/a_b-c.pdf#frag")
	f.Add("http://%zz")
	f.Fuzz(func(t *testing.T, s string) {
		got := ShortURL(s)
		u, err := url.Parse(strings.TrimSpace(s))
		if err != nil || u.Host == "" {
			if got != s {
				t.Errorf("ShortURL(%q) = %q, want it as written", s, got)
			}
			return
		}
		host := strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
		if !strings.HasPrefix(got, host) || utf8.RuneCountInString(got) > utf8.RuneCountInString(host)+2+linkDetailMax {
			t.Errorf("ShortURL(%q) = %q: not the host %q and at most %d runes more", s, got, host, linkDetailMax)
		}
	})
}
