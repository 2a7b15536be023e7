package layouts

// Scale is a type scale: the few sizes, in points, that a document sets
// its text in. Keeping every text to one of them is what makes sizes
// read as levels (a heading, the body, a note) rather than as noise.
type Scale struct {
	// Display is the one large size of the cover: the country's name.
	Display float64
	// Title is the document's title.
	Title float64
	// Heading is a section heading.
	Heading float64
	// Body is running text.
	Body float64
	// Caption is a table's or a figure's caption, and the labels inside
	// a figure (categories, legend).
	Caption float64
	// Small is notes, sources, table cells, and a figure's ticks, values
	// and axis titles.
	Small float64
}

// TypeScale is the document's type scale, shared by the PDF and the
// figures drawn into it (package charts), so that a figure's labels are
// the size of the captions and notes around it.
var TypeScale = Scale{Display: 30, Title: 18, Heading: 12, Body: 10, Caption: 9, Small: 8}
