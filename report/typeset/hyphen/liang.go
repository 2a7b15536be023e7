package hyphen

import (
	"errors"
	"math/bits"
	"strings"
	"unicode/utf8"
)

// offsetBits is how many bits of a slot hold a line's offset in the text; the
// rest hold a tag from the hash that rules out most other lines at once.
const (
	offsetBits = 20 // pattern files up to 1 MiB (English, the largest here, is 55 KB)
	offsetMask = 1<<offsetBits - 1
	fnvOffset  = 14695981039346656037 // FNV-1a, 64 bits
	fnvPrime   = 1099511628211
)

// patterns is one language's Liang patterns, kept as the embedded text, one
// pattern a line ("hy3ph", ".ach4"), and found through two tables built in
// one pass over it, with no allocation per pattern:
//
//   - slots, an open-addressing hash table of the lines by their letters
//     (digits left out), each slot a line's offset and a tag of its hash;
//   - prefixes, a bit set with one bit for the hash of every prefix of every
//     pattern, so that a lookup stops extending a substring of the word as
//     soon as no pattern can start with it (a Bloom filter with one hash).
type patterns struct {
	text       string
	slots      []uint32 // 0 empty, else tag<<offsetBits | line offset+1
	slotShift  uint     // 64 - log2(len(slots))
	prefixes   []uint64
	prefShift  uint // 64 - log2(bits in prefixes)
	maxRunes   int  // the longest pattern, in characters, word ends included
	ascii      [2]uint64
	latin      [32]uint64 // U+0080–U+07FF: Latin, Greek, Cyrillic, …
	otherRunes []rune     // any other character the patterns use, unsorted
}

// parsePatterns indexes text, hyph-utf8 patterns one a line.
func parsePatterns(text string) (*patterns, error) {
	if len(text) > offsetMask {
		return nil, errors.New("too large to index")
	}
	lines := strings.Count(text, "\n") + 1
	p := &patterns{text: text}
	p.slots = make([]uint32, pow2(lines+lines/2))
	p.slotShift = uint(64 - bits.TrailingZeros(uint(len(p.slots))))
	nbits := pow2(4 * len(text))
	p.prefixes = make([]uint64, (nbits+63)/64)
	p.prefShift = uint(64 - bits.TrailingZeros(uint(nbits)))
	for off := 0; off < len(text); {
		end := strings.IndexByte(text[off:], '\n')
		if end < 0 {
			end = len(text) - off
		}
		p.add(text[off:off+end], off)
		off += end + 1
	}
	for _, b := range []byte{'.', '-'} { // word ends and Portuguese "1-": not letters
		p.ascii[b/64] &^= 1 << (b % 64)
	}
	return p, nil
}

// pow2 returns the least power of two ≥ n, and at least 64.
func pow2(n int) int {
	return max(64, 1<<bits.Len(uint(n-1)))
}

// add indexes one line, which starts at offset off in the text.
func (p *patterns) add(line string, off int) {
	h, runes := uint64(fnvOffset), 0
	for i := 0; i < len(line); i++ {
		b := line[i]
		if isDigit(b) {
			continue
		}
		h = (h ^ uint64(b)) * fnvPrime
		switch {
		case b < utf8.RuneSelf:
			runes++
			p.ascii[b/64] |= 1 << (b % 64)
		case utf8.RuneStart(b):
			runes++
			p.learn(line[i:])
		}
		if i+1 == len(line) || utf8.RuneStart(line[i+1]) {
			x := (h * 0x9E3779B97F4A7C15) >> p.prefShift
			p.prefixes[x/64] |= 1 << (x % 64)
		}
	}
	if runes == 0 {
		return // blank line
	}
	p.maxRunes = max(p.maxRunes, runes)
	i, tag := p.slot(h)
	for p.slots[i] != 0 {
		i = (i + 1) & (len(p.slots) - 1)
	}
	p.slots[i] = tag<<offsetBits | uint32(off+1)
}

// slot returns where the table starts looking for the hash h, and its tag.
func (p *patterns) slot(h uint64) (int, uint32) {
	x := h * 0xBF58476D1CE4E5B9
	return int(x >> p.slotShift), uint32(x>>8) >> offsetBits
}

// hasPrefix reports whether some pattern may start with letters hashed to h.
func (p *patterns) hasPrefix(h uint64) bool {
	x := (h * 0x9E3779B97F4A7C15) >> p.prefShift
	return p.prefixes[x/64]&(1<<(x%64)) != 0
}

// learn records the non-ASCII character that s starts with as one the
// patterns know.
func (p *patterns) learn(s string) {
	r, _ := utf8.DecodeRuneInString(s)
	p.teach(r)
}

// teach records the non-ASCII letter r as one the patterns know.
func (p *patterns) teach(r rune) {
	switch {
	case r < utf8.RuneSelf:
		p.ascii[r/64] |= 1 << (r % 64)
	case r < 0x800:
		p.latin[(r-0x80)/64] |= 1 << ((r - 0x80) % 64)
	case !p.knows(r):
		p.otherRunes = append(p.otherRunes, r)
	}
}

// knows reports whether r occurs in the patterns.
func (p *patterns) knows(r rune) bool {
	switch {
	case r < 0:
		return false
	case r < 0x80:
		return p.ascii[r/64]&(1<<(r%64)) != 0
	case r < 0x800:
		return p.latin[(r-0x80)/64]&(1<<((r-0x80)%64)) != 0
	}
	for _, o := range p.otherRunes {
		if o == r {
			return true
		}
	}
	return false
}

// levels returns, for w (".word." in lower case), the highest digit any
// pattern puts before each of its characters: levels[k] is the value between
// characters k-1 and k. starts and lvl are scratch space, starts holding 0.
func (p *patterns) levels(w []byte, starts []int, lvl []uint8) []uint8 {
	for i := 1; i < len(w); i++ {
		if utf8.RuneStart(w[i]) {
			starts = append(starts, i)
		}
	}
	starts = append(starts, len(w))
	n := len(starts) - 1 // characters in w
	for range n + 1 {
		lvl = append(lvl, 0)
	}
	for s := range n {
		h := uint64(fnvOffset)
		for e := s; e < n && e-s < p.maxRunes; e++ {
			for _, b := range w[starts[e]:starts[e+1]] {
				h = (h ^ uint64(b)) * fnvPrime
			}
			if !p.hasPrefix(h) {
				break
			}
			p.match(h, w[starts[s]:starts[e+1]], lvl[s:])
		}
	}
	return lvl
}

// match raises lvl by the digits of every pattern whose letters are key.
func (p *patterns) match(h uint64, key []byte, lvl []uint8) {
	i, tag := p.slot(h)
	for e := p.slots[i]; e != 0; e = p.slots[i] {
		if e>>offsetBits == tag {
			line := p.text[e&offsetMask-1:] // the pattern, then the rest of the text
			if sameLetters(line, key) {
				raise(line, lvl)
			}
		}
		i = (i + 1) & (len(p.slots) - 1)
	}
}

// sameLetters reports whether the pattern that line starts with, without
// its digits, is key.
func sameLetters(line string, key []byte) bool {
	j := 0
	for i := 0; i < len(line) && line[i] != '\n'; i++ {
		if isDigit(line[i]) {
			continue
		}
		if j == len(key) || line[i] != key[j] {
			return false
		}
		j++
	}
	return j == len(key)
}

// raise sets lvl[k] to the digit the pattern that line starts with puts
// before its character k, where that is higher.
func raise(line string, lvl []uint8) {
	k := 0
	for i := 0; i < len(line) && line[i] != '\n'; i++ {
		b := line[i]
		switch {
		case isDigit(b):
			lvl[k] = max(lvl[k], b-'0')
		case utf8.RuneStart(b):
			k++
		}
	}
}

func isDigit(b byte) bool { return '0' <= b && b <= '9' }
