package html

import (
	"io"
	"io/fs"
	"strings"

	"github.com/migprofile/migprofile/report"
)

// Entry is one profile in the catalogue, as its manifest describes it.
type Entry struct {
	// Name is the profile's folder name.
	Name                           string
	Title, Country, Date, Language string
	Authors                        []string
	Files                          []EntryFile
}

// EntryFile is one of a profile's outputs.
type EntryFile struct {
	// Format is the build format that wrote the file: pdf, md, xlsx, html.
	Format string
	// Href is the file's path relative to the catalogue, e.g. "mali/mali.pdf".
	Href   string
	Size   int
	SHA256 string
}

type catalogue struct {
	Lang     string
	Profiles []catalogueProfile
}

type catalogueProfile struct {
	ID, Name, Title, Country, Date, Authors, Language, Lang, Page string
	Files                                                         []catalogueFile
}

type catalogueFile struct {
	Format, Name, Href, Size, SHA256 string
}

// Catalogue writes the catalogue page of entries, in the order given, to
// w; layouts overrides the embedded templates as in Options.Layouts.
func Catalogue(w io.Writer, entries []Entry, layouts fs.FS) error {
	t, err := templates(layouts)
	if err != nil {
		return err
	}
	v := catalogue{Lang: "en"}
	seen := ids{}
	for _, id := range fixedIDs {
		seen.take(id)
	}
	for _, e := range entries {
		p := catalogueProfile{
			ID:       seen.take("profile-" + slug(e.Name, "profile")),
			Name:     e.Name,
			Title:    firstNonEmpty(line(e.Title), e.Name),
			Country:  line(e.Country),
			Date:     line(e.Date),
			Authors:  report.OneLine(strings.Join(nonEmpty(e.Authors), ", ")),
			Language: line(e.Language),
		}
		p.Lang = firstNonEmpty(p.Language, "en")
		for _, f := range e.Files {
			name := f.Href[strings.LastIndexByte(f.Href, '/')+1:]
			p.Files = append(p.Files, catalogueFile{Format: f.Format, Name: name, Href: f.Href, Size: Size(f.Size), SHA256: f.SHA256})
			if f.Format == "html" {
				p.Page = f.Href
			}
		}
		seen.take(p.ID + "-files")
		v.Profiles = append(v.Profiles, p)
	}
	return execute(w, t, catalogueRoot, v)
}
