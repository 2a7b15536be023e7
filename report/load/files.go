package load

import (
	"slices"

	"gopkg.in/yaml.v3"

	"github.com/migprofile/migprofile/report"
)

// The types below mirror the files of a profile folder, as documented in
// docs/data-format.md. They are decoded first and compiled into the
// report model second, so that every reference can be checked once all
// files are read.

type profileFile struct {
	report.Pos
	Title      string      `yaml:"title" req:"true"`
	Series     string      `yaml:"series"`
	Country    string      `yaml:"country" req:"true"`
	Date       string      `yaml:"date" req:"true"`
	ISODate    posString   `yaml:"iso_date" req:"true"`
	Language   posString   `yaml:"language" req:"true"`
	Authors    []string    `yaml:"authors" req:"true"`
	Credit     string      `yaml:"credit"`
	Publisher  string      `yaml:"publisher" req:"true"`
	Project    string      `yaml:"project"`
	Website    string      `yaml:"website"`
	Copyright  string      `yaml:"copyright"`
	Funding    string      `yaml:"funding"`
	Contact    contactFile `yaml:"contact"`
	Keywords   []string    `yaml:"keywords"`
	Frameworks []posString `yaml:"frameworks" req:"true"`
	Labels     labelsFile  `yaml:"labels"`
	Fonts      []posString `yaml:"fonts"`
	Logos      []logoFile  `yaml:"logos"`
}

// contactFile is profile.yaml's contact: whom readers write to.
type contactFile struct {
	report.Pos
	Name  posString `yaml:"name"`
	Email posString `yaml:"email"`
	URL   posString `yaml:"url"`
}

type labelsFile struct {
	report.Pos
	Outward      string             `yaml:"outward"`
	Inward       string             `yaml:"inward"`
	Table        string             `yaml:"table"`
	Figure       string             `yaml:"figure"`
	Source       string             `yaml:"source"`
	Sources      string             `yaml:"sources"`
	Notes        string             `yaml:"notes"`
	Contents     string             `yaml:"contents"`
	References   string             `yaml:"references"`
	Footnotes    string             `yaml:"footnotes"`
	Links        string             `yaml:"links"`
	Page         string             `yaml:"page"`
	Of           string             `yaml:"of"`
	WrittenBy    string             `yaml:"written_by"`
	Continued    string             `yaml:"continued"`
	Largest      string             `yaml:"largest"`
	Smallest     string             `yaml:"smallest"`
	NotAvailable string             `yaml:"not_available"`
	ThousandsSep string             `yaml:"thousands_sep"`
	DecimalMark  string             `yaml:"decimal_mark"`
	Workbook     workbookLabelsFile `yaml:"workbook"`
	// The kinds of missing value, their symbols and the punctuation
	// patterns (see report.Labels).
	NotApplicable string      `yaml:"not_applicable"`
	Confidential  string      `yaml:"confidential"`
	Provisional   string      `yaml:"provisional"`
	Estimated     string      `yaml:"estimated"`
	Symbols       symbolsFile `yaml:"symbols"`
	Colon         string      `yaml:"colon"`
	NumberEnd     string      `yaml:"number_end"`
}

// symbolsFile has the fields of report.Symbols, so that it converts to it.
type symbolsFile struct {
	NotAvailable  string `yaml:"not_available"`
	NotApplicable string `yaml:"not_applicable"`
	Confidential  string `yaml:"confidential"`
	Provisional   string `yaml:"provisional"`
	Estimated     string `yaml:"estimated"`
}

// workbookLabelsFile has the fields of report.WorkbookLabels, so that it
// converts to it.
type workbookLabelsFile struct {
	Cover           string `yaml:"cover"`
	Country         string `yaml:"country"`
	PublicationDate string `yaml:"publication_date"`
	Authors         string `yaml:"authors"`
	Publisher       string `yaml:"publisher"`
	Project         string `yaml:"project"`
	Website         string `yaml:"website"`
	Copyright       string `yaml:"copyright"`
	Funding         string `yaml:"funding"`
	About           string `yaml:"about"`
	AboutContents   string `yaml:"about_contents"`
	AboutNotes      string `yaml:"about_notes"`
	AboutTables     string `yaml:"about_tables"`
	AboutGrids      string `yaml:"about_grids"`
	AboutCharts     string `yaml:"about_charts"`
	OneTable        string `yaml:"one_table"`
	Sheet           string `yaml:"sheet"`
	Title           string `yaml:"title"`
	Period          string `yaml:"period"`
	Note            string `yaml:"note"`
	NoteNumber      string `yaml:"note_number"`
	NoteText        string `yaml:"note_text"`
	AppliesTo       string `yaml:"applies_to"`
	ReportText      string `yaml:"report_text"`
	Row             string `yaml:"row"`
	Parent          string `yaml:"parent"`
	ParentInfo      string `yaml:"parent_info"`
	Percent         string `yaml:"percent"`
	Annotation      string `yaml:"annotation"`
	AnnotationInfo  string `yaml:"annotation_info"`
	NotApplicable   string `yaml:"not_applicable"`
	DashMark        string `yaml:"dash_mark"`
	DashInfo        string `yaml:"dash_info"`
	ChartsInfo      string `yaml:"charts_info"`
	Heading         string `yaml:"heading"`
	Subheading      string `yaml:"subheading"`
	Text            string `yaml:"text"`
	Both            string `yaml:"both"`
	Contact         string `yaml:"contact"`
	NoContact       string `yaml:"no_contact"`
	Email           string `yaml:"email"`
	Number          string `yaml:"number"`
	Link            string `yaml:"link"`
	ContainsNotes   string `yaml:"contains_notes"`
	GridSources     string `yaml:"grid_sources"`
	OneChart        string `yaml:"one_chart"`
	ChartFrom       string `yaml:"chart_from"`
	Description     string `yaml:"description"`
	Negative        string `yaml:"negative"`
}

// footnotesFile is the ordered mapping of footnote numbers to texts.
type footnotesFile []footnoteEntry

type footnoteEntry struct {
	ID   posString
	Text posString
	Path string
}

func (f *footnotesFile) decodeYAML(d *decoder, n *yaml.Node, path string) {
	if n.Kind != yaml.MappingNode {
		d.errorf(n, path, "want a mapping of footnote numbers to texts, got %s", describe(n))
		return
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		var e footnoteEntry
		e.ID.decodeYAML(d, n.Content[i], path)
		e.Path = join(path, e.ID.S)
		e.Text.decodeYAML(d, n.Content[i+1], e.Path)
		*f = append(*f, e)
	}
}

type frameworkFile struct {
	report.Pos
	Title string      `yaml:"title" req:"true"`
	Body  []blockFile `yaml:"body" req:"true"`
}

// blockFile is one element of a framework's body: a plain string (a
// paragraph) or a mapping with exactly one of the keys below.
type blockFile struct {
	report.Pos
	Path    string
	Kind    report.BlockKind
	Text    posString
	Ref     posString // table, grid or figure id
	Columns *columnsFile
	Items   []posString
}

type columnsFile struct {
	report.Pos
	Outward []itemFile `yaml:"outward"`
	Inward  []itemFile `yaml:"inward"`
}

func (b *blockFile) decodeYAML(d *decoder, n *yaml.Node, path string) {
	b.Pos, b.Path = d.pos(n), path
	if n.Kind == yaml.ScalarNode {
		b.Kind = report.Paragraph
		b.Text.decodeYAML(d, n, path)
		return
	}
	key, val, ok := d.single(n, path, "text, heading, table, grid, figure, columns, references or links")
	if !ok {
		return
	}
	p := join(path, key)
	switch key {
	case "text":
		b.Kind = report.Paragraph
		b.Text.decodeYAML(d, val, p)
	case "heading":
		b.Kind = report.Heading
		b.Text.decodeYAML(d, val, p)
	case "table", "grid", "figure":
		b.Kind = map[string]report.BlockKind{"table": report.TableBlock, "grid": report.GridBlock, "figure": report.FigureBlock}[key]
		b.Ref.decodeYAML(d, val, p)
	case "columns":
		b.Kind = report.ColumnsBlock
		b.Columns = new(columnsFile)
		d.decode(val, p, b.Columns)
	case "references":
		b.Kind = report.ReferencesBlock
		d.decode(val, p, &b.Items)
	case "links":
		b.Kind = report.LinksBlock
		d.decode(val, p, &b.Items)
	default:
		d.errorf(n.Content[0], p, "unknown block %q (want text, heading, table, grid, figure, columns, references or links)", key)
	}
}

// single returns the only key and value of a one-key mapping.
func (d *decoder) single(n *yaml.Node, path, want string) (string, *yaml.Node, bool) {
	if n.Kind != yaml.MappingNode {
		d.errorf(n, path, "want a string or a mapping with one of %s, got %s", want, describe(n))
		return "", nil, false
	}
	if len(n.Content) != 2 {
		d.errorf(n, path, "want exactly one of %s, got %d keys", want, len(n.Content)/2)
		return "", nil, false
	}
	return n.Content[0].Value, n.Content[1], true
}

// itemFile is a paragraph (plain string), a heading or a bulleted list.
type itemFile struct {
	report.Pos
	Path string
	Kind report.ItemKind
	Text posString
	List []posString
}

func (it *itemFile) decodeYAML(d *decoder, n *yaml.Node, path string) {
	it.Pos, it.Path = d.pos(n), path
	if n.Kind == yaml.ScalarNode {
		it.Kind = report.ItemParagraph
		it.Text.decodeYAML(d, n, path)
		return
	}
	key, val, ok := d.single(n, path, "text, heading or list")
	if !ok {
		return
	}
	p := join(path, key)
	switch key {
	case "text":
		it.Kind = report.ItemParagraph
		it.Text.decodeYAML(d, val, p)
	case "heading":
		it.Kind = report.ItemHeading
		it.Text.decodeYAML(d, val, p)
	case "list":
		it.Kind = report.ItemList
		d.decode(val, p, &it.List)
		if len(it.List) == 0 {
			d.errorf(val, p, "a list needs at least one item")
		}
	default:
		d.errorf(n.Content[0], p, "unknown item %q (want text, heading or list)", key)
	}
}

type tableFile struct {
	report.Pos
	Title   string       `yaml:"title" req:"true"`
	Period  string       `yaml:"period" req:"true"`
	Stub    string       `yaml:"stub"`
	Columns []columnFile `yaml:"columns" req:"true"`
	Rows    []rowFile    `yaml:"rows" req:"true"`
	Sources []sourceFile `yaml:"sources" req:"true"`
	Notes   []posString  `yaml:"notes"`
}

type columnFile struct {
	report.Pos
	ID         posString   `yaml:"id" req:"true"`
	Label      string      `yaml:"label" req:"true"`
	Group      string      `yaml:"group"`
	Unit       posString   `yaml:"unit"`
	SumOf      []posString `yaml:"sum_of"`
	PercentOf  posString   `yaml:"percent_of"`
	BaseRow    posString   `yaml:"base_row"`
	BaseColumn posString   `yaml:"base_column"`
	// Signed, DifferenceOf, Aggregate and Weight: see report.Column.
	Signed       bool        `yaml:"signed"`
	DifferenceOf []posString `yaml:"difference_of"`
	Aggregate    posString   `yaml:"aggregate"`
	Weight       posString   `yaml:"weight"`
}

type rowFile struct {
	report.Pos
	ID           posString   `yaml:"id"`
	Label        string      `yaml:"label" req:"true"`
	Lead         string      `yaml:"lead"`
	Level        int         `yaml:"level"`
	Total        bool        `yaml:"total"`
	SumOf        sumOf       `yaml:"sum_of"`
	DifferenceOf []posString `yaml:"difference_of"`
	// Values may be left out for a label-only group row (nil, whereas
	// "values: []" is an empty list).
	Values []rawScalar `yaml:"values"`
	// Signed, Unit and Aggregate: see report.Row; Signed may also name
	// the columns of single signed values (signedRow).
	Signed    signedRow `yaml:"signed"`
	Unit      string    `yaml:"unit"`
	Aggregate posString `yaml:"aggregate"`
}

// signedRow is a row's signed: true, every count cell of the row may be
// negative; or a list of column ids, only the row's cells in those
// columns may be (single signed values, e.g. one year's change in a table
// of counts).
type signedRow struct {
	report.Pos
	All     bool
	Columns []posString
}

func (s *signedRow) decodeYAML(d *decoder, n *yaml.Node, path string) {
	s.Pos = d.pos(n)
	if n.Kind == yaml.SequenceNode {
		d.decode(n, path, &s.Columns)
		return
	}
	d.decode(n, path, &s.All)
}

// allows reports whether the row's value in column id may be negative.
func (s signedRow) allows(id string) bool {
	return s.All || slices.ContainsFunc(s.Columns, func(c posString) bool { return c.S == id })
}

// sumOf is either a keyword (children, preceding) or a list of row ids.
type sumOf struct {
	report.Pos
	Keyword string
	IDs     []posString
	Set     bool
}

func (s *sumOf) decodeYAML(d *decoder, n *yaml.Node, path string) {
	s.Pos, s.Set = d.pos(n), true
	if n.Kind == yaml.ScalarNode {
		s.Keyword, _ = d.text(n, path)
		if s.Keyword != "children" && s.Keyword != "preceding" {
			d.errorf(n, path, "want children, preceding or a list of row ids, got %q", s.Keyword)
		}
		return
	}
	d.decode(n, path, &s.IDs)
}

// sourceFile is a plain string (printed after the "Source" label), a
// mapping with a label of its own and a text, or a link: a mapping with a
// url and an optional title, printed as the title (or a short form of the
// address, report.LinkText) that links to the full address.
type sourceFile struct {
	report.Pos
	Label string    `yaml:"label"`
	Text  posString `yaml:"text"`
	URL   posString `yaml:"url"`
	Title posString `yaml:"title"`
}

func (s *sourceFile) decodeYAML(d *decoder, n *yaml.Node, path string) {
	if n.Kind == yaml.ScalarNode {
		s.Pos = d.pos(n)
		s.Text.decodeYAML(d, n, path)
		if s.Text.S == "" {
			d.errorf(n, path, "must not be empty")
		}
		return
	}
	type plain sourceFile // without the method, to decode as a struct
	d.decode(n, path, (*plain)(s))
	if n.Kind != yaml.MappingNode {
		return
	}
	switch {
	case s.URL.S != "" && s.Text.S != "":
		d.errorf(n, path, "a source is either text (with a label) or url (with an optional title), not both")
	case s.URL.S != "":
		if !linkPattern.MatchString(s.URL.S) {
			d.errorAt(s.URL.Pos, join(path, "url"), "want an address starting with http:// or https:// and without spaces, got %q", s.URL.S)
		}
	case s.Title.S != "":
		d.errorAt(s.Title.Pos, join(path, "title"), "a title names a url: add url, or write the source as text")
	case s.Text.S == "":
		d.errorf(n, path, "a source mapping needs text (with a label) or url")
	case s.Label == "":
		d.errorf(n, path, `required field "label" is missing (or write the source as a plain string)`)
	}
}

type gridFile struct {
	report.Pos
	Title   string        `yaml:"title" req:"true"`
	Rows    []gridRowFile `yaml:"rows" req:"true"`
	Sources []sourceFile  `yaml:"sources"`
}

type gridRowFile struct {
	report.Pos
	Heading    string          `yaml:"heading" req:"true"`
	Subheading string          `yaml:"subheading"`
	Entries    []gridEntryFile `yaml:"entries" req:"true"`
}

type gridEntryFile struct {
	report.Pos
	Both    []itemFile `yaml:"both"`
	Outward []itemFile `yaml:"outward"`
	Inward  []itemFile `yaml:"inward"`
}

type figureFile struct {
	report.Pos
	Kind       posString    `yaml:"kind" req:"true"`
	Title      string       `yaml:"title" req:"true"`
	Caption    string       `yaml:"caption"`
	Table      posString    `yaml:"table" req:"true"`
	Series     []posString  `yaml:"series" req:"true"`
	Categories []posString  `yaml:"categories"`
	Transpose  bool         `yaml:"transpose"`
	Sort       posString    `yaml:"sort"`
	Sources    []sourceFile `yaml:"sources"`
	ValueAxis  string       `yaml:"value_axis"`
	Range      []posString  `yaml:"range"`
	// CategoryLabels name the categories drawn, one per category.
	CategoryLabels []string `yaml:"category_labels"`
}
