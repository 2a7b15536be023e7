package linebreak

import (
	"runtime"
	"strings"
	"testing"
)

// benchWords are words of migration-profile prose; "-" marks hyphenation
// points, as a hyphenation package would give them.
var benchWords = strings.Fields(`the mi-gra-tion pro-file of a coun-try
brings to-ge-ther the in-sti-tu-tions laws and data on im-mi-gra-tion
emi-gra-tion and the pro-tec-tion of re-fu-gees with sources for every
fi-gure dis-tinc-tion be-tween non-im-mi-grant and tem-po-rary per-mits
for sci-en-tific con-fe-ren-ces with a view to re-si-dence in the host
coun-try of the emi-grants and their fa-mi-lies`)

// benchText returns n words of prose in the test typesetter's notation.
func benchText(n int) string {
	w := make([]string, n)
	for i := range w {
		w[i] = benchWords[(i*7)%len(benchWords)]
	}
	return strings.Join(w, " ")
}

func benchBreak(b *testing.B, words int, widths []float64, p Params) {
	items, _ := para(benchText(words))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := Break(items, widths, p); err != nil {
			b.Fatal(err)
		}
	}
}

// A 200-word paragraph in a 65-character measure, justified.
func BenchmarkBreak200Words(b *testing.B) { benchBreak(b, 200, []float64{65}, DefaultParams()) }

// The same in a two-column page's 40-character measure.
func BenchmarkBreak200WordsColumn(b *testing.B) {
	benchBreak(b, 200, []float64{40}, DefaultParams())
}

// The same set ragged in a 20-character table cell.
func BenchmarkBreak200WordsRagged(b *testing.B) {
	p := DefaultParams()
	p.Ragged = 20.0 / 3
	benchBreak(b, 200, []float64{20}, p)
}

// A measure too narrow for the longest words: every pass runs.
func BenchmarkBreak200WordsEmergency(b *testing.B) { benchBreak(b, 200, []float64{9}, DefaultParams()) }

func BenchmarkBreak2000Words(b *testing.B) { benchBreak(b, 2000, []float64{65}, DefaultParams()) }

func BenchmarkSegments200Words(b *testing.B) {
	text := strings.ReplaceAll(benchText(200), "-", "")
	b.ReportAllocs()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Segments(text)
	}
}

// TestBreakLinearMemory checks that memory grows with the paragraph, not
// its square: ten times the words may take at most about ten times the
// bytes.
func TestBreakLinearMemory(t *testing.T) {
	alloc := func(words int) uint64 {
		items, _ := para(benchText(words))
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		if _, err := Break(items, []float64{9}, DefaultParams()); err != nil {
			t.Fatal(err)
		}
		runtime.ReadMemStats(&after)
		return after.TotalAlloc - before.TotalAlloc
	}
	small, large := alloc(500), alloc(5000)
	if large > 15*small {
		t.Errorf("500 words: %d bytes; 5000 words: %d bytes", small, large)
	}
}
