// Package linebreak breaks paragraphs into lines with the Knuth–Plass
// total-fit algorithm, and finds where Unicode lets a line break.
//
// Greedy justification fills each line as full as it can and then stretches
// the spaces of whatever is left: one long word that does not fit opens gaps
// of three or four spaces. Knuth and Plass ("Breaking Paragraphs into Lines",
// 1981) instead choose the breaks of the whole paragraph at once, so that a
// slightly looser line early on can spare a very loose one later. That is what
// TeX does, and what this package does, knowing nothing of fonts or PDF: the
// caller measures, this package decides where the lines end and how much each
// line's spaces stretch or shrink.
//
// # The model
//
// A paragraph is a list of [Item]s (the paper's boxes, glue and penalties):
//
//   - a [Box] is something that is printed and never broken: a word, a
//     fragment of a word between hyphenation points, an inline image;
//   - a [Glue] is a space that may stretch and shrink; a line may break at a
//     glue that follows a box, and the glue then vanishes;
//   - a [Penalty] is a place to break that costs Penalty (at most +[Infinity]:
//     forbidden; at least -[Infinity]: forced). Its Width is printed only
//     when the line breaks there: the width of a hyphen at a hyphenation
//     point, zero after a slash. Flagged penalties (hyphens) are discouraged
//     on two lines in a row and on the last-but-one line.
//
// The caller keeps its own payload (the text of each box) in a slice
// parallel to the items. [Segments] splits text at the opportunities of
// Unicode's line-breaking algorithm (UAX #14); its doc says how to turn
// segments into items. [Finish] ends a paragraph TeX's way.
//
// # Breaking
//
// [Break] runs up to three passes, as TeX does. The first accepts only lines
// whose adjustment ratio is within [Params.Tolerance]: that is the cap on how
// far a space may stretch, and if any set of breaks satisfies it, one of
// them is returned, the one with the least total demerits. Only if none does,
// a second pass allows [Params.LooseTolerance]; and if that fails too, an
// emergency pass accepts any line, reports those that are too loose as
// Underfull, and sets a box wider than the line alone on an Overfull line.
// Break therefore always returns lines for valid input.
//
// # Justified or ragged
//
// Justification needs spaces to absorb the slack at the end of each line. In
// a narrow measure (a grid cell, a table column) there are too few spaces
// per line, so they stretch far or the paragraph is hyphenated heavily. Such
// text is better set ragged-right: [Params.Ragged] breaks it with TeX's
// ragged-right model, spaces at their natural width and the slack at the end
// of the line, still over the whole paragraph, so hyphens are used only
// where they save a very short line. [ShouldRag] gives the rule.
package linebreak
