package script

// Missing is a character of a text that no font of a fallback list can draw.
type Missing struct {
	Offset int  // byte offset of the character in the text
	Rune   rune // the character as written
	Form   rune // what would be drawn: its presentation form for an Arabic letter, else Rune
}

// Uncovered returns the characters of text that no font in fonts can draw
// as the PDF would draw them, in order: an Arabic letter needs the
// presentation form its context calls for. Invisible format and control
// characters are never missing. It is what validate reports, with the
// offset turned into a line and column.
func Uncovered(text string, fonts []Covers) []Missing {
	if !hasArabic(text) {
		var miss []Missing
		for pos, r := range text {
			if first(r, fonts) == NoFont && kind(r) != kindIgnorable {
				miss = append(miss, Missing{Offset: pos, Rune: r, Form: r})
			}
		}
		return miss
	}
	var offsets []int
	for pos := range text {
		offsets = append(offsets, pos)
	}
	rs := []rune(text)
	out, src := shapeRunes(rs)
	var miss []Missing
	for i, r := range out {
		if first(r, fonts) == NoFont && kind(r) != kindIgnorable {
			miss = append(miss, Missing{Offset: offsets[src[i]], Rune: rs[src[i]], Form: r})
		}
	}
	return miss
}
