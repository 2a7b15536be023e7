package hyphen

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"
)

// hyphenated returns word with a hyphen at each of its points, for tests
// that read like a dictionary: "hy-phen-ation".
func hyphenated(tb testing.TB, h *Hyphenator, word string) string {
	tb.Helper()
	var b strings.Builder
	prev := 0
	for _, p := range h.Points(word) {
		b.WriteString(word[prev:p])
		b.WriteByte('-')
		prev = p
	}
	b.WriteString(word[prev:])
	return b.String()
}

// mustFor returns the Hyphenator for lang, failing the test if there is none.
func mustFor(tb testing.TB, lang string) *Hyphenator {
	tb.Helper()
	h := For(lang)
	if h == nil {
		tb.Fatalf("For(%q) = nil", lang)
	}
	return h
}

// TestPoints checks words against the hyphenation TeX gives them with the
// same patterns, at our minimums of 2 characters before and 3 after (see
// TestTeX for many more).
func TestPoints(t *testing.T) {
	tests := []struct{ lang, want string }{
		{"en", "hy-phen-ation"},
		{"en", "type-set-ting"},
		{"en", "mi-gra-tion"},
		{"en", "dis-tinc-tion"},
		{"en", "con-fer-ences"},
		{"en", "sci-en-tific"},
		{"en", "repa-tri-a-tion"},
		{"en", "Mi-gra-tion"},
		{"en-US", "ta-ble"}, // from the exceptions list
		{"en-GB", "hy-phen-a-tion"},
		{"en-GB", "uni-ver-sity"}, // from the exceptions list
		{"fr", "mi-gra-tion"},
		{"fr", "gou-ver-ne-men-tale"},
		{"fr", "res-sor-tis-sants"},
		{"fr", "dé-ve-lop-pe-ment"},
		{"fr", "l’im-mi-gra-tion"},
		{"fr", "d'éta-blis-se-ment"},
		{"fr", "Ins-ti-tu-tions"},
		{"fr-FR", "œso-pha-gienne"},
		{"es", "mi-gra-cio-nes"},
		{"it", "del-l'im-mi-gra-zione"},
		{"it", "na-zio-na-lità"}, // à: an Italian letter the patterns do not mention
		{"pt-BR", "imi-gra-ção"},
		{"pl", "mi-gra-cja"},
		{"ca", "im-mi-gra-ció"},
		{"tr", "İs-tan-bul"},
		{"tr", "göç-men-ler"},
		{"el", "με-τα-νά-στευση"},
	}
	for _, tt := range tests {
		word := strings.ReplaceAll(tt.want, "-", "")
		t.Run(tt.lang+"/"+word, func(t *testing.T) {
			if got := hyphenated(t, mustFor(t, tt.lang), word); got != tt.want {
				t.Errorf("got %s, want %s", got, tt.want)
			}
		})
	}
}

// TestTeX checks words against Knuth's TeX itself, hyphenating with the
// same patterns and minimums: testdata/tex/<patterns>.txt, made by
// testdata/tex/texhyph.py, holds real words of each language and words made
// up from its patterns' letters, as TeX hyphenated them.
func TestTeX(t *testing.T) {
	for _, l := range allLanguages {
		t.Run(l.tag, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join("testdata", "tex", l.tag+".txt"))
			if err != nil {
				t.Fatal(err)
			}
			h := &Hyphenator{LeftMin: 2, RightMin: 3, lang: l}
			l.once.Do(l.load)
			n := 0
			for line := range strings.Lines(string(b)) {
				want := strings.TrimSpace(line)
				if strings.HasPrefix(want, "#") {
					continue
				}
				n++
				if got := hyphenated(t, h, strings.ReplaceAll(want, "-", "")); got != want {
					t.Errorf("got %s, TeX %s", got, want)
				}
			}
			if n < 250 {
				t.Errorf("%d words, want at least 250", n)
			}
		})
	}
}

// TestNever checks the words that are never hyphenated.
func TestNever(t *testing.T) {
	words := []string{
		"",
		"2004",
		"COVID19",
		"1994–2004",
		"https://example.org/migration",
		"www.migrationpolicy.org",
		"information@iom.int",
		"and/or",
		"iPhone",
		"CARIM",
		"MIGRATION",
		"McDonald",
		"eBusinesses",
		"cat",           // shorter than 2 + 3
		"naïveté",       // ï is not in the English patterns
		"migration\xff", // invalid UTF-8
		"...",
		"present", // the exceptions list forbids it
	}
	h := mustFor(t, "en")
	for _, w := range words {
		if got := h.Points(w); got != nil {
			t.Errorf("Points(%q) = %v, want none", w, got)
		}
	}
}

// TestParts checks punctuation around words, explicit hyphens and
// apostrophes.
func TestParts(t *testing.T) {
	tests := []struct{ lang, word, want string }{
		{"en", "(migration,", "(mi-gra-tion,"},
		{"en", "“hyphenation”", "“hy-phen-ation”"},
		{"en", "non-immigrant", "non-im-mi-grant"},
		{"en", "member-state", "mem-ber-state"},
		{"en", "government’s", "gov-ern-ment’s"},
		{"en", "migrants'", "mi-grants'"},
		{"en", "Sub-Saharan", "Sub-Sa-ha-ran"},
		{"en", "Mali–Senegal", "Mali–Sene-gal"},
		{"en", "McDonald-migration", "McDonald-migration"}, // a capital inside: none at all
		{"fr", "l’Europe", "l’Eu-rope"},
		{"fr", "aujourd’hui", "au-jour-d’hui"},
		{"fr", "Guinée-Bissau", "Gui-née-Bis-sau"},
	}
	for _, tt := range tests {
		t.Run(tt.lang+"/"+tt.word, func(t *testing.T) {
			if got := hyphenated(t, mustFor(t, tt.lang), tt.word); got != tt.want {
				t.Errorf("got %s, want %s", got, tt.want)
			}
		})
	}
}

// TestSoftHyphens checks that an author's soft hyphens are the only points.
func TestSoftHyphens(t *testing.T) {
	h := mustFor(t, "en")
	tests := []struct {
		word string
		want []int
	}{
		{"migra\u00ADtion", []int{5}},
		{"hy\u00ADphen\u00ADation", []int{2, 8}},
		{"a\u00ADbcdef", nil},            // one letter before
		{"abcde\u00ADfg", nil},           // two letters after
		{"CARIM\u00ADproject", []int{5}}, // the author's choice wins over capitals
		{"(Bama\u00ADko)", nil},          // two letters after: too few
		{"hyphenation\u00AD", nil},       // trailing: trimmed, and no pattern points
		{"COVID\u00AD19", nil},           // numbers are never hyphenated
		{"Ouaga\u00ADdougou", []int{5}},
	}
	for _, tt := range tests {
		if got := h.Points(tt.word); !slices.Equal(got, tt.want) {
			t.Errorf("Points(%q) = %v, want %v", tt.word, got, tt.want)
		}
	}
}

// TestMinimums checks the default minimums and that LeftMin and RightMin
// change them.
func TestMinimums(t *testing.T) {
	for _, lang := range []string{"en", "en-GB", "fr", "es", "it", "pt", "pl", "tr", "ca", "el"} {
		h := mustFor(t, lang)
		if h.LeftMin != 2 || h.RightMin != 3 {
			t.Errorf("%s: LeftMin, RightMin = %d, %d, want 2, 3", lang, h.LeftMin, h.RightMin)
		}
	}
	h := mustFor(t, "fr")
	if got, want := hyphenated(t, h, "migrations"), "mi-gra-tions"; got != want {
		t.Errorf("default: got %s, want %s", got, want)
	}
	if got, want := hyphenated(t, h, "sécurité"), "sé-cu-rité"; got != want {
		t.Errorf("default: got %s, want %s", got, want)
	}
	h.LeftMin, h.RightMin = 3, 2
	if got, want := hyphenated(t, h, "sécurité"), "sécu-ri-té"; got != want {
		t.Errorf("3, 2: got %s, want %s", got, want)
	}
	if got, want := hyphenated(t, mustFor(t, "fr"), "sécurité"), "sé-cu-rité"; got != want {
		t.Errorf("another Hyphenator changed with this one: got %s, want %s", got, want)
	}
	tr := mustFor(t, "tr")
	if got, want := hyphenated(t, tr, "Işıklar"), "Işık-lar"; got != want {
		t.Errorf("tr, default: got %s, want %s", got, want)
	}
	tr.LeftMin, tr.RightMin = 0, 0 // taken as 1: never a point at either end
	if got, want := hyphenated(t, tr, "Işıklar"), "I-şık-la-r"; got != want {
		t.Errorf("tr, 0, 0: got %s, want %s", got, want)
	}
}

// TestExceptions checks the embedded exceptions and AddExceptions.
func TestExceptions(t *testing.T) {
	h := mustFor(t, "en")
	for _, w := range []string{"present", "Present", "projects"} {
		if got := h.Points(w); got != nil {
			t.Errorf("Points(%q) = %v, want none (exceptions list)", w, got)
		}
	}
	if got, want := hyphenated(t, h, "Ouagadougou"), "Oua-gadougou"; got != want {
		t.Fatalf("before AddExceptions: got %s, want %s", got, want)
	}
	h.AddExceptions("Oua-ga-dou-gou", " mi-grat-ion ", "pres-ent", "", "---")
	tests := []struct{ word, want string }{
		{"Ouagadougou", "Oua-ga-dou-gou"},
		{"OUAGADOUGOU", "OUAGADOUGOU"}, // capitals inside: still never
		{"migration", "mi-grat-ion"},
		{"present", "pres-ent"},
		{"migration’s", "mi-grat-ion’s"},
	}
	for _, tt := range tests {
		if got := hyphenated(t, h, tt.word); got != tt.want {
			t.Errorf("%s: got %s, want %s", tt.word, got, tt.want)
		}
	}
	if got, want := hyphenated(t, mustFor(t, "en"), "migration"), "mi-gra-tion"; got != want {
		t.Errorf("a new Hyphenator has the other's exceptions: got %s, want %s", got, want)
	}
	fr := mustFor(t, "fr")
	fr.AddExceptions("Bama-ko-is")
	if got, want := hyphenated(t, fr, "Bamakois"), "Bama-kois"; got != want {
		t.Errorf("fr: got %s, want %s (a point 2 letters from the end is cut)", got, want)
	}
}

// TestExceptionFiles checks that every word of each embedded exceptions list
// is hyphenated as the list says, within the minimums.
func TestExceptionFiles(t *testing.T) {
	for _, l := range allLanguages {
		text, err := patternFiles.ReadFile("patterns/hyph-" + l.tag + ".hyp.txt")
		if err != nil {
			continue
		}
		h := &Hyphenator{LeftMin: 1, RightMin: 1, lang: l}
		l.once.Do(l.load)
		for line := range strings.Lines(string(text)) {
			want := strings.TrimSpace(line)
			if got := hyphenated(t, h, strings.ReplaceAll(want, "-", "")); got != want {
				t.Errorf("%s: got %s, want %s", l.tag, got, want)
			}
		}
	}
}

// TestTurkish checks the dotted and dotless i.
func TestTurkish(t *testing.T) {
	if got := tr.lower('I'); got != 'ı' {
		t.Errorf("tr: lower(I) = %c, want ı", got)
	}
	if got := tr.lower('İ'); got != 'i' {
		t.Errorf("tr: lower(İ) = %c, want i", got)
	}
	if got := enUS.lower('I'); got != 'i' {
		t.Errorf("en: lower(I) = %c, want i", got)
	}
	h := mustFor(t, "tr-TR")
	for _, tt := range []struct{ word, want string }{
		{"Işıklar", "Işık-lar"}, {"ışıklar", "ışık-lar"}, {"İstanbul", "İs-tan-bul"}, {"istanbul", "is-tan-bul"},
	} {
		if got := hyphenated(t, h, tt.word); got != tt.want {
			t.Errorf("got %s, want %s", got, tt.want)
		}
	}
}

// TestFor checks the language tags For accepts.
func TestFor(t *testing.T) {
	tests := []struct{ tag, want string }{
		{"en", "en-us"},
		{"EN", "en-us"},
		{"en-US", "en-us"},
		{"en-GB", "en-gb"},
		{"en_GB", "en-gb"},
		{"en-Latn-GB", "en-gb"},
		{"en-GB-oxendict", "en-gb"},
		{"en-NG", "en-us"},
		{"en-x-gb", "en-us"},
		{"fr", "fr"},
		{"fr-FR", "fr"},
		{"fr-ML", "fr"},
		{"fr-CA", "fr"},
		{"de-CH", ""},
		{"pt-BR", "pt"},
		{"es-419", "es"},
		{"tr", "tr"},
		{"el-GR", "el-monoton"},
		{"ar", ""},
		{"he", ""},
		{"und", ""},
		{"", ""},
		{"-", ""},
		{"english", ""},
	}
	for _, tt := range tests {
		got := ""
		if h := For(tt.tag); h != nil {
			got = h.lang.tag
		}
		if got != tt.want {
			t.Errorf("For(%q) has patterns %q, want %q", tt.tag, got, tt.want)
		}
	}
	var h *Hyphenator
	if got := h.Points("hyphenation"); got != nil {
		t.Errorf("nil Hyphenator: Points = %v, want nil", got)
	}
}

// TestConcurrent hyphenates in several goroutines at once, for the race
// detector, with languages loading for the first time.
func TestConcurrent(t *testing.T) {
	words := strings.Fields(readParagraph(t, "en"))
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			h := For([]string{"en", "fr", "es", "pl"}[i%4])
			for _, w := range words {
				h.Points(w)
			}
		})
	}
	wg.Wait()
}

// TestParagraph checks a whole paragraph: every point is one the patterns
// give the word alone, and the words the rules exclude have none.
func TestParagraph(t *testing.T) {
	h := mustFor(t, "en")
	var got []string
	for _, w := range strings.Fields(readParagraph(t, "en"))[:40] {
		got = append(got, hyphenated(t, h, w))
	}
	want := "In 2004 and 2005, like many other coun-tries in the re-gion, Mali mod-i-fied its le-gal " +
		"frame-work for the en-try and stay of for-eign na-tion-als in its ter-ri-tory. In do-ing so it " +
		"ab-ro-gated the French de-cree of 12 Jan-u-ary 1932 and"
	if s := strings.Join(got, " "); s != want {
		t.Errorf("got\n%s\nwant\n%s", s, want)
	}
}

// TestLevelsMatchLiang checks the indexed lookup against Liang's algorithm
// written out plainly, for every pattern's letters as a word and for words
// made of the language's letters, in every language.
func TestLevelsMatchLiang(t *testing.T) {
	for _, l := range allLanguages {
		t.Run(l.tag, func(t *testing.T) {
			l.once.Do(l.load)
			text, _ := patternFiles.ReadFile("patterns/hyph-" + l.tag + ".pat.txt")
			ref := newReference(string(text))
			for _, word := range ref.sampleWords(3000) {
				w := []byte("." + word + ".")
				got := l.pats.levels(w, []int{0}, nil)
				if want := ref.levels(word); !slices.Equal(got, want) {
					t.Fatalf("%q: levels %v, want %v", word, got, want)
				}
			}
		})
	}
}

// allLanguages lists each embedded language once.
var allLanguages = []*language{enUS, enGB, fr, es, ca, it, pt, pl, tr, el}

// reference is Liang's algorithm as he described it: every substring of the
// word looked up in a map of the patterns.
type reference struct {
	digits  map[string][]uint8 // letters → digit before each letter and after the last
	letters []rune
}

func newReference(text string) *reference {
	ref := &reference{digits: make(map[string][]uint8)}
	seen := make(map[rune]bool)
	for line := range strings.Lines(text) {
		var letters []rune
		digits := []uint8{0}
		for _, r := range strings.TrimSpace(line) {
			if '0' <= r && r <= '9' {
				digits[len(digits)-1] = uint8(r - '0')
				continue
			}
			letters = append(letters, r)
			digits = append(digits, 0)
			if r != '.' && !seen[r] {
				seen[r] = true
				ref.letters = append(ref.letters, r)
			}
		}
		ref.digits[string(letters)] = digits
	}
	slices.Sort(ref.letters)
	return ref
}

// levels returns the value between each pair of characters of ".word.".
func (ref *reference) levels(word string) []uint8 {
	w := []rune("." + word + ".")
	lvl := make([]uint8, len(w)+1)
	for i := range w {
		for j := i + 1; j <= len(w); j++ {
			for k, d := range ref.digits[string(w[i:j])] {
				lvl[i+k] = max(lvl[i+k], d)
			}
		}
	}
	return lvl
}

// sampleWords returns the letters of every pattern, without its dots, and n
// words made of the language's letters by a fixed rule, so that the test is
// the same on every run.
func (ref *reference) sampleWords(n int) []string {
	var words []string
	for k := range ref.digits {
		if w := strings.Trim(k, "."); w != "" && !strings.Contains(w, ".") {
			words = append(words, w)
		}
	}
	slices.Sort(words)
	x := uint32(2463534242)
	for range n {
		var b strings.Builder
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		for j := range 3 + x%12 {
			b.WriteRune(ref.letters[(x>>(j%16)+j*7)%uint32(len(ref.letters))])
		}
		words = append(words, b.String())
	}
	return words
}

// FuzzPoints checks that any string, in any language, gives points in
// ascending order, inside the word, on character boundaries, and with the
// minimum number of characters on each side.
func FuzzPoints(f *testing.F) {
	for _, s := range []string{
		"hyphenation", "non-immigrant", "l’immigration", "İstanbul'daki", "migra\u00ADtion",
		"\u00AD\u00AD", "a-\u00AD-b", "(“Ελλάδα”)", "ǅemal", "ﬁnancement", "e\u0301tat",
		"www.x", "x\xffy", "'''", "--", "Œuvre", "K\u212Aelvin", "straße",
	} {
		f.Add(s)
	}
	hs := []*Hyphenator{For("en"), For("fr"), For("tr"), For("el"), For("it")}
	f.Fuzz(func(t *testing.T, word string) {
		for _, h := range hs {
			checkPoints(t, h, word, h.Points(word))
		}
	})
}

// checkPoints fails the test if points are not valid for word.
func checkPoints(t *testing.T, h *Hyphenator, word string, points []int) {
	t.Helper()
	prev := 0
	for _, p := range points {
		if p <= prev || p >= len(word) || !utf8.RuneStart(word[p]) {
			t.Fatalf("%s: Points(%q) = %v: %d out of order, outside or inside a character", h.lang.tag, word, points, p)
		}
		if before, after := utf8.RuneCountInString(word[:p]), utf8.RuneCountInString(word[p:]); before < h.LeftMin || after < h.RightMin {
			t.Fatalf("%s: Points(%q) = %v: %d leaves %d and %d characters", h.lang.tag, word, points, p, before, after)
		}
		prev = p
	}
}

// readParagraph returns testdata/paragraph-<lang>.txt.
func readParagraph(tb testing.TB, lang string) string {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "paragraph-"+lang+".txt"))
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}

// BenchmarkLoad measures parsing each language's patterns, which a document
// pays once per language it uses.
func BenchmarkLoad(b *testing.B) {
	for _, l := range allLanguages {
		text, err := patternFiles.ReadFile("patterns/hyph-" + l.tag + ".pat.txt")
		if err != nil {
			b.Fatal(err)
		}
		b.Run(l.tag, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				if _, err := parsePatterns(string(text)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkPoints measures hyphenating a paragraph, word by word as the
// line breaker asks, and reports the time per word.
func BenchmarkPoints(b *testing.B) {
	for _, lang := range []string{"en", "fr"} {
		words := strings.Fields(readParagraph(b, lang))
		h := mustFor(b, lang)
		b.Run(lang, func(b *testing.B) {
			for b.Loop() {
				for _, w := range words {
					h.Points(w)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(words)), "ns/word")
		})
	}
}

// ExampleHyphenator_Points shows the points of a word and how a line
// breaker uses them.
func ExampleHyphenator_Points() {
	h := For("en-GB")
	word := "migration"
	for _, p := range h.Points(word) {
		fmt.Printf("%s-|%s\n", word[:p], word[p:])
	}
	// Output:
	// mi-|gration
	// migra-|tion
}
