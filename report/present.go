package report

import (
	"strconv"
	"strings"
)

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

// Numbered is the lead of a caption in the profile's punctuation:
// "Table 3." in English, "Tableau 3 :" (narrow no-break space) in French,
// or the word, the number and the profile's number_end.
func (l Labels) Numbered(word string, n int) string {
	if n <= 0 || word == "" || l.NumberEnd == "" {
		return Numbered(word, n)
	}
	return word + " " + strconv.Itoa(n) + l.NumberEnd
}

// NumberedTitle is a caption in the profile's punctuation: "Table 3.
// Title", "Tableau 3 : Titre"; the title alone when there is no number or
// no word for it.
func (l Labels) NumberedTitle(word string, n int, title string) string {
	if n <= 0 || word == "" {
		return title
	}
	return l.Numbered(word, n) + " " + title
}

// Prefix is a label followed by the profile's colon, "Source: " or
// "Source : "; ": " when the labels have no colon of their own.
func (l Labels) Prefix(label string) string {
	if l.Colon == "" {
		return label + ": "
	}
	return label + l.Colon
}

// JoinNotes runs texts on in one paragraph, as a source note or the notes
// under a table print them: separated by "; ", or by a space after a text
// that ends a sentence (". ", never ".;").
func JoinNotes(texts []Text) Text {
	var out Text
	for i, t := range texts {
		if i > 0 {
			out = append(out, Span{Kind: SpanPlain, Text: NoteSeparator(texts[i-1].Plain())})
		}
		out = append(out, t...)
	}
	return out
}

// NoteSeparator is what follows prev when notes run on: "; ", or a space
// after a note that ends a sentence with a full stop, a question or an
// exclamation mark (before any closing bracket or quote).
func NoteSeparator(prev string) string {
	s := strings.TrimRight(prev, " )]\"'’”»\u00A0\u202F")
	if strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?") {
		return " "
	}
	return "; "
}

// FullTitle is the profile's title with its series and country, as the
// documents' properties and running headers print it:
// "CARIM Migration Profile: Mali" ("Profil migratoire : Mali" in French).
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
			t += TitleColon(m.Language)
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
	return l.Prefix(label) + s.Text.Plain()
}
