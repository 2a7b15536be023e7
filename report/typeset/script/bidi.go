package script

import (
	"sort"

	"golang.org/x/text/unicode/bidi"
)

// This file resolves embedding levels with the implicit part of the Unicode
// Bidirectional Algorithm (UAX #9): rules W1–W7, N0–N2, I1–I2 and L1, for a
// single line whose paragraph direction is known. Neither library on the
// module proxy gives what reordering needs, the level of each character:
// golang.org/x/text/unicode/bidi (v0.43.0) returns runs in logical order
// with a direction and no level, and leaves a space between an Arabic and a
// Latin letter right-to-left (golang/go#71809);
// github.com/go-text/typesetting/bidi (v0.3.5) resolves levels correctly but
// only exposes runs split by direction, so digits at level 2 and Latin text
// at level 0 that follow each other come back as one run ("…02-03) of 2003").
// x/text still supplies the Bidi_Class and bracket properties.
//
// Explicit embeddings, overrides and isolates (X1–X10) are not implemented:
// their controls are treated as boundary neutrals (removed by X9) and the
// text between them takes part in the surrounding line. A profile has no use
// for them; the test runs every case of Unicode's BidiCharacterTest.txt that
// has none of them.

// maxPairingDepth is BD16's stack of bracket openers.
const maxPairingDepth = 63

// classes returns the Bidi_Class of each rune, with the explicit formatting
// characters folded into BN.
func classes(rs []rune) []bidi.Class {
	cls := make([]bidi.Class, len(rs))
	for i, r := range rs {
		p, _ := bidi.LookupRune(r)
		c := p.Class()
		switch c {
		case bidi.LRE, bidi.RLE, bidi.LRO, bidi.RLO, bidi.PDF, bidi.LRI, bidi.RLI, bidi.FSI, bidi.PDI, bidi.Control:
			c = bidi.BN
		}
		cls[i] = c
	}
	return cls
}

// levels resolves the embedding level of each rune of one line at the given
// paragraph level (0 left-to-right, 1 right-to-left).
func levels(rs []rune, para uint8) []uint8 {
	initial := classes(rs)
	// X9: boundary neutrals take no part; W1–N2 run on the others.
	var idx []int
	for i, c := range initial {
		if c != bidi.BN {
			idx = append(idx, i)
		}
	}
	t := make([]bidi.Class, len(idx))
	for k, i := range idx {
		t[k] = initial[i]
	}
	sos := dirOf(para)
	resolveWeak(t, sos)
	resolveBrackets(t, rs, idx, initial, sos, sos)
	resolveNeutrals(t, sos, sos)

	lv := make([]uint8, len(rs))
	for i := range lv {
		lv[i] = para
	}
	for k, i := range idx {
		lv[i] = implicitLevel(para, t[k])
	}
	fillRemoved(lv, initial, para)
	resetWhitespace(lv, initial, para)
	return lv
}

// dirOf returns the strong direction of a level: L for even, R for odd.
func dirOf(level uint8) bidi.Class {
	if level%2 == 1 {
		return bidi.R
	}
	return bidi.L
}

// resolveWeak applies W1–W7 to the classes of one isolating run sequence.
func resolveWeak(t []bidi.Class, sos bidi.Class) {
	// W1: a nonspacing mark takes the class of what precedes it.
	prev := sos
	for i, c := range t {
		if c == bidi.NSM {
			t[i] = prev
		}
		prev = t[i]
	}
	// W2, W3: European digits after an Arabic letter are Arabic digits; AL is R.
	strong := sos
	for i, c := range t {
		switch c {
		case bidi.L, bidi.R, bidi.AL:
			strong = c
		case bidi.EN:
			if strong == bidi.AL {
				t[i] = bidi.AN
			}
		}
	}
	for i, c := range t {
		if c == bidi.AL {
			t[i] = bidi.R
		}
	}
	resolveSeparators(t)
	resolveTerminators(t)
	// W6: remaining separators and terminators are neutral.
	for i, c := range t {
		if c == bidi.ES || c == bidi.ET || c == bidi.CS {
			t[i] = bidi.ON
		}
	}
	// W7: European digits after a left-to-right letter (or sos L) are L.
	strong = sos
	for i, c := range t {
		switch c {
		case bidi.L, bidi.R:
			strong = c
		case bidi.EN:
			if strong == bidi.L {
				t[i] = bidi.L
			}
		}
	}
}

// resolveSeparators applies W4: one separator between two numbers of the
// same kind joins them ("02-03", "1,5").
func resolveSeparators(t []bidi.Class) {
	for i := 1; i+1 < len(t); i++ {
		a, c, b := t[i-1], t[i], t[i+1]
		switch {
		case c == bidi.ES && a == bidi.EN && b == bidi.EN:
			t[i] = bidi.EN
		case c == bidi.CS && a == bidi.EN && b == bidi.EN:
			t[i] = bidi.EN
		case c == bidi.CS && a == bidi.AN && b == bidi.AN:
			t[i] = bidi.AN
		}
	}
}

// resolveTerminators applies W5: terminators next to European digits
// ("2010%", "$5") become European digits.
func resolveTerminators(t []bidi.Class) {
	for i := 0; i < len(t); {
		if t[i] != bidi.ET {
			i++
			continue
		}
		j := i
		for j < len(t) && t[j] == bidi.ET {
			j++
		}
		if (i > 0 && t[i-1] == bidi.EN) || (j < len(t) && t[j] == bidi.EN) {
			for k := i; k < j; k++ {
				t[k] = bidi.EN
			}
		}
		i = j
	}
}

// strongOf maps a resolved class to the direction it counts as in N0–N2:
// numbers count as R; neutrals as nothing (ON).
func strongOf(c bidi.Class) bidi.Class {
	switch c {
	case bidi.L:
		return bidi.L
	case bidi.R, bidi.AL, bidi.EN, bidi.AN:
		return bidi.R
	}
	return bidi.ON
}

// isNeutral reports whether a resolved class is a neutral or isolate (NI).
func isNeutral(c bidi.Class) bool {
	return c == bidi.B || c == bidi.S || c == bidi.WS || c == bidi.ON
}

// resolveNeutrals applies N1 and N2: a run of neutrals between two
// characters of the same direction takes it; otherwise the embedding
// direction e.
func resolveNeutrals(t []bidi.Class, sos, eos bidi.Class) {
	e := sos
	for i := 0; i < len(t); {
		if !isNeutral(t[i]) {
			i++
			continue
		}
		j := i
		for j < len(t) && isNeutral(t[j]) {
			j++
		}
		before, after := sos, eos
		if i > 0 {
			before = strongOf(t[i-1])
		}
		if j < len(t) {
			after = strongOf(t[j])
		}
		d := e
		if before == after {
			d = before
		}
		for k := i; k < j; k++ {
			t[k] = d
		}
		i = j
	}
}

// implicitLevel applies I1 and I2.
func implicitLevel(para uint8, c bidi.Class) uint8 {
	if para%2 == 0 {
		switch c {
		case bidi.R:
			return para + 1
		case bidi.AN, bidi.EN:
			return para + 2
		}
		return para
	}
	if c == bidi.L || c == bidi.EN || c == bidi.AN {
		return para + 1
	}
	return para
}

// fillRemoved gives the characters removed by X9 the level of the character
// before them (the paragraph level at the start), so that they travel with
// their neighbours; UAX #9 leaves their placement free.
func fillRemoved(lv []uint8, initial []bidi.Class, para uint8) {
	prev := para
	for i, c := range initial {
		if c == bidi.BN {
			lv[i] = prev
		}
		prev = lv[i]
	}
}

// resetWhitespace applies L1: segment and paragraph separators, and the
// whitespace before them and at the end of the line, return to the
// paragraph level.
func resetWhitespace(lv []uint8, initial []bidi.Class, para uint8) {
	trailing := true // no non-whitespace seen yet, scanning backwards
	for i := len(initial) - 1; i >= 0; i-- {
		switch c := initial[i]; {
		case c == bidi.S || c == bidi.B:
			lv[i] = para
			trailing = true
		case (c == bidi.WS || c == bidi.BN) && trailing: // BN includes the isolate controls here
			lv[i] = para
		default:
			trailing = false
		}
	}
}

// mirror returns r's Bidi_Mirroring_Glyph, or r.
func mirror(r rune) rune {
	i := sort.Search(len(mirrors), func(i int) bool { return mirrors[i][0] >= r })
	if i < len(mirrors) && mirrors[i][0] == r {
		return mirrors[i][1]
	}
	return r
}
