package linebreak

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
)

func TestSegments(t *testing.T) {
	type seg = Segment
	tests := []struct {
		name string
		text string
		want []Segment
	}{
		{"Empty", "", nil},
		{"Words", "hello world", []seg{{"hello", " ", "", BreakAtSpace}, {"world", "", "", BreakNone}}},
		{"TrailingSpace", "end  ", []seg{{"end", "  ", "", BreakNone}}},
		{"LeadingSpace", " lead", []seg{{"", " ", "", BreakAtSpace}, {"lead", "", "", BreakNone}}},
		{"URL", "see http://example.org/a/b", []seg{
			{"see", " ", "", BreakAtSpace},
			{"http://", "", "", BreakDirect},
			{"example.org/", "", "", BreakDirect},
			{"a/", "", "", BreakDirect},
			{"b", "", "", BreakNone},
		}},
		{"Hyphen", "well-known", []seg{{"well-", "", "", BreakDirect}, {"known", "", "", BreakNone}}},
		{"EnDash", "1994–2004", []seg{{"1994–", "", "", BreakDirect}, {"2004", "", "", BreakNone}}},
		// uniseg v0.4.7 alone misses the breaks before "-5"; see minusBreak.
		{"NegativeNumber", "a -5 -6", []seg{{"a", " ", "", BreakAtSpace}, {"-5", " ", "", BreakAtSpace}, {"-6", "", "", BreakNone}}},
		{"NegativeAfterNewline", "a\n-5", []seg{{"a", "", "\n", BreakMandatory}, {"-5", "", "", BreakNone}}},
		{"NegativeAfterZWSP", "a\u200b-5", []seg{{"a\u200b", "", "", BreakDirect}, {"-5", "", "", BreakNone}}},
		{"NegativeAfterParen", "x ( -5)", []seg{{"x", " ", "", BreakAtSpace}, {"( -5)", "", "", BreakNone}}},
		{"Range", "pp. 12-15", []seg{{"pp.", " ", "", BreakAtSpace}, {"12-15", "", "", BreakNone}}},
		{"SoftHyphen", "hyphen\u00adation", []seg{{"hyphen\u00ad", "", "", BreakSoftHyphen}, {"ation", "", "", BreakNone}}},
		{"Newlines", "one\ntwo \r\n\nthree", []seg{
			{"one", "", "\n", BreakMandatory},
			{"two", " ", "\r\n", BreakMandatory},
			{"", "", "\n", BreakMandatory},
			{"three", "", "", BreakNone},
		}},
		{"FinalNewline", "end\n", []seg{{"end", "", "\n", BreakMandatory}}},
		{"NoBreakSpace", "10\u00a0km and", []seg{{"10\u00a0km", " ", "", BreakAtSpace}, {"and", "", "", BreakNone}}},
		{"FrenchExclamation", "Attention !", []seg{{"Attention !", "", "", BreakNone}}},
		{"Ideographs", "日本語", []seg{{"日", "", "", BreakDirect}, {"本", "", "", BreakDirect}, {"語", "", "", BreakNone}}},
		{"Arabic", "قانون الهجرة", []seg{{"قانون", " ", "", BreakAtSpace}, {"الهجرة", "", "", BreakNone}}},
		{"CombiningMark", "e\u0301t\u00e9 x", []seg{{"e\u0301t\u00e9", " ", "", BreakAtSpace}, {"x", "", "", BreakNone}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Segments(tt.text)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Segments(%q)\n got %q\nwant %q", tt.text, got, tt.want)
			}
			checkSegments(t, tt.text, got)
		})
	}
}

// TestSegmentsByRunes checks the fast path against the grapheme-cluster
// walk on Latin text with every kind of punctuation.
func TestSegmentsByRunes(t *testing.T) {
	const alphabet = "aZé9 -/.,;:!?()[]{}«»\"'’%$€+–—\u00a0\u00ad\t\r\n\u0085"
	runes := []rune(alphabet)
	rng := rand.New(rand.NewPCG(5, 6))
	for n := 0; n < 2000; n++ {
		var sb strings.Builder
		for k := rng.IntN(30); k > 0; k-- {
			sb.WriteRune(runes[rng.IntN(len(runes))])
		}
		text := sb.String()
		fast, slow := segments(text, nextByRunes), segments(text, nextByClusters)
		if !reflect.DeepEqual(fast, slow) {
			t.Fatalf("%q: by runes %q, by clusters %q", text, fast, slow)
		}
	}
}

// checkSegments checks what holds for the segments of any text.
func checkSegments(tb testing.TB, text string, segs []Segment) {
	tb.Helper()
	var sb strings.Builder
	for k, s := range segs {
		if s.Text+s.Space+s.Newline == "" {
			tb.Fatalf("segment %d is empty", k)
		}
		last := k == len(segs)-1
		switch {
		case (s.Break == BreakNone) != (last && s.Newline == ""):
			tb.Fatalf("segment %d of %d: break %v with newline %q", k, len(segs), s.Break, s.Newline)
		case (s.Newline != "") != (s.Break == BreakMandatory):
			tb.Fatalf("segment %d: break %v with newline %q", k, s.Break, s.Newline)
		case s.Break == BreakAtSpace && s.Space == "":
			tb.Fatalf("segment %d: break at no space", k)
		}
		sb.WriteString(s.Text + s.Space + s.Newline)
	}
	if sb.String() != text {
		tb.Fatalf("segments concatenate to %q, want %q", sb.String(), text)
	}
}

func FuzzSegments(f *testing.F) {
	for _, s := range []string{"", "hello world", "http://a.b/c-d e", "one\r\ntwo\n", "x\u00ady", "日本語 عربي", "\xff\xfe ", "a\u200bb\u2060c"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		segs := Segments(text)
		checkSegments(t, text, segs)
		if belowCombining(text) {
			if slow := segments(text, nextByClusters); !reflect.DeepEqual(segs, slow) {
				t.Fatalf("by runes %q, by clusters %q", segs, slow)
			}
		}
	})
}
