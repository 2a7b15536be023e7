package report

import (
	"slices"
	"testing"
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
