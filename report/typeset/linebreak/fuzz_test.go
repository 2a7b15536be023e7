package linebreak

import (
	"math"
	"testing"
)

// penalties are the costs a fuzzed penalty may have.
var penalties = [...]float64{math.Inf(-1), -Infinity, -500, -50, 0, 50, 500, Infinity, math.Inf(1), 1e6}

// fuzzItems makes items from bytes, three a piece: kind, width (negative
// too), and stretch and shrink or penalty.
func fuzzItems(data []byte) []Item {
	items := make([]Item, 0, len(data)/3)
	for ; len(data) >= 3; data = data[3:] {
		it := Item{Kind: Kind(data[0] % 3), Width: float64(int(data[1])-32) / 4}
		switch it.Kind {
		case Glue:
			it.Stretch = float64(data[2]%16) / 4
			if data[2] == 255 {
				it.Stretch = math.Inf(1)
			}
			it.Shrink = float64(data[2]>>4) / 8
		case Penalty:
			it.Penalty = penalties[int(data[2])%len(penalties)]
			it.Flagged = data[0]&0x80 != 0
		}
		items = append(items, it)
	}
	return items
}

// FuzzBreak breaks arbitrary items: Break must return lines that cover the
// items in order, with finite ratios, whatever they are.
func FuzzBreak(f *testing.F) {
	f.Add([]byte{1, 10, 0, 0, 40, 0, 1, 4, 9, 0, 200, 0, 2, 4, 1})
	f.Add([]byte{0, 0, 1, 0, 255, 0, 1, 4, 255, 2, 0, 0, 2, 0, 4})
	f.Add([]byte{1, 3, 1, 0, 100, 200, 1, 4, 255, 2, 0, 0, 0, 200, 3, 2, 4, 5})
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) < 3 {
			return
		}
		widths := []float64{1 + float64(data[0]%64), 1 + float64(data[1]%64)}[:1+data[0]%2]
		p := DefaultParams()
		p.Tolerance = 0.25 + float64(data[2]%16)/4
		if data[2]&0x80 != 0 {
			p.Ragged = widths[0] / 3
		}
		items := fuzzItems(data[3:])
		lines, err := Break(items, widths, p)
		if err != nil {
			t.Fatal(err)
		}
		checkCover(t, items, widths, lines)
	})
}
