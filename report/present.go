package report

import "strconv"

// This file holds the presentation rules every output shares, so that the
// PDF, the Markdown and the workbook print a caption, a title or a source
// line the same way.

// Numbered is the lead of a caption, "Table 3.": the profile's word, the
// number and a full stop; the word alone when there is no number.
func Numbered(word string, n int) string {
	if n <= 0 {
		return word
	}
	if word == "" {
		return strconv.Itoa(n) + "."
	}
	return word + " " + strconv.Itoa(n) + "."
}

// NumberedTitle is a caption as every output prints it, "Table 3. Title";
// the title alone when there is no number or no word for it.
func NumberedTitle(word string, n int, title string) string {
	if n <= 0 || word == "" {
		return title
	}
	return Numbered(word, n) + " " + title
}

// FullTitle is the profile's title with its series and country, as the
// documents' properties and running headers print it:
// "CARIM Migration Profile: Mali".
func (m Meta) FullTitle() string {
	t := m.Title
	if m.Series != "" {
		if t != "" {
			t = " " + t
		}
		t = m.Series + t
	}
	if m.Country != "" {
		if t != "" {
			t += ": "
		}
		t += m.Country
	}
	return t
}

// Line is the source as printed under a table or figure, "Source: text",
// with the source's own label or else the profile's word for "Source".
func (s Source) Line(l Labels) string {
	label := s.Label
	if label == "" {
		label = l.Source
	}
	switch {
	case label == "":
		return s.Text.Plain()
	case s.Text.Plain() == "":
		return label
	}
	return label + ": " + s.Text.Plain()
}
