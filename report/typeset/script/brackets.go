package script

import (
	"sort"

	"golang.org/x/text/unicode/bidi"
)

// bracketPair is a pair of matching brackets, as positions in the sequence
// of characters that takes part in W1–N2.
type bracketPair struct{ open, close int }

// canonicalBracket maps the angle brackets U+2329 and U+232A to their
// canonical equivalents U+3008 and U+3009, as BD16 compares them.
func canonicalBracket(r rune) rune {
	switch r {
	case '\u2329':
		return '\u3008'
	case '\u232A':
		return '\u3009'
	}
	return r
}

// findBracketPairs applies BD16 to the sequence t (rune rs[idx[k]] at k):
// brackets still neutral after the weak rules pair up through a stack of 63
// openers.
func findBracketPairs(t []bidi.Class, rs []rune, idx []int) []bracketPair {
	type opener struct {
		closer rune
		pos    int
	}
	var stack []opener
	var pairs []bracketPair
	for k, c := range t {
		if c != bidi.ON {
			continue
		}
		r := rs[idx[k]]
		p, _ := bidi.LookupRune(r)
		if !p.IsBracket() {
			continue
		}
		if p.IsOpeningBracket() {
			if len(stack) == maxPairingDepth {
				break
			}
			stack = append(stack, opener{canonicalBracket(mirror(r)), k})
			continue
		}
		for s := len(stack) - 1; s >= 0; s-- {
			if stack[s].closer == canonicalBracket(r) {
				pairs = append(pairs, bracketPair{stack[s].pos, k})
				stack = stack[:s]
				break
			}
		}
	}
	sort.Slice(pairs, func(i, j int) bool { return pairs[i].open < pairs[j].open })
	return pairs
}

// resolveBrackets applies N0: a bracket pair takes the embedding direction e
// when its content has a strong character of that direction; the opposite
// direction when only that is inside and the context before the opener has
// it too; e otherwise. Pairs with no strong content are left to N1 and N2.
func resolveBrackets(t []bidi.Class, rs []rune, idx []int, initial []bidi.Class, sos, e bidi.Class) {
	for _, p := range findBracketPairs(t, rs, idx) {
		inside := bidi.ON
		for k := p.open + 1; k < p.close; k++ {
			s := strongOf(t[k])
			if s == e {
				inside = e
				break
			}
			if s != bidi.ON {
				inside = s
			}
		}
		if inside == bidi.ON {
			continue
		}
		d := e
		if inside != e && contextBefore(t, p.open, sos) == inside {
			d = inside
		}
		setBracket(t, idx, initial, p.open, d)
		setBracket(t, idx, initial, p.close, d)
	}
}

// contextBefore returns the first strong direction before position k, or sos.
func contextBefore(t []bidi.Class, k int, sos bidi.Class) bidi.Class {
	for j := k - 1; j >= 0; j-- {
		if s := strongOf(t[j]); s != bidi.ON {
			return s
		}
	}
	return sos
}

// setBracket gives the bracket at k the direction d, and so the nonspacing
// marks that follow it (W1 had made them neutral like the bracket).
func setBracket(t []bidi.Class, idx []int, initial []bidi.Class, k int, d bidi.Class) {
	t[k] = d
	for j := k + 1; j < len(t) && initial[idx[j]] == bidi.NSM; j++ {
		t[j] = d
	}
}
