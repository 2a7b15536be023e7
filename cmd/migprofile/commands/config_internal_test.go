package commands

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/spf13/pflag"

	"github.com/migprofile/migprofile/report/build"
	"github.com/migprofile/migprofile/report/load"
)

// FuzzConfig decodes arbitrary config files: never a panic; either
// compiled options that hold to their rules or an error.
func FuzzConfig(f *testing.F) {
	f.Add("profiles: [mali]\nformats: [pdf, md]\npage: Letter\ndate: 2010-05-01\n")
	f.Add("profiles: mali other\nformats: pdf,xlsx\n")
	f.Add("paper: A4\n")
	f.Add("date: [1, 2]\nout: {a: b}\n")
	f.Fuzz(func(t *testing.T, config string) {
		path := filepath.Join(t.TempDir(), "config.yaml")
		if err := os.WriteFile(path, []byte(config), 0o644); err != nil {
			t.Fatal(err)
		}
		flags := pflag.NewFlagSet("fuzz", pflag.ContinueOnError)
		addConfigFlags(flags)
		if err := flags.Parse([]string{"--config", path}); err != nil {
			t.Fatal(err)
		}
		o, err := loadConfig(flags, nil)
		if err != nil {
			return
		}
		if build.CheckFormats(o.Formats) != nil || o.Page == "" || o.Data == "" || o.Out == "" {
			t.Fatalf("unchecked config: %+v", o)
		}
		for _, p := range o.Profiles {
			if load.CheckName(p) != nil {
				t.Fatalf("unchecked profile name %q", p)
			}
		}
	})
}

// TestRepositoryConfigDate checks that the repository's config.yaml
// leaves the date empty: a date there would stamp every profile built
// with it with one country's date (it once held Mali's 2010-05-01). Each
// profile's date comes from its own iso_date.
func TestRepositoryConfigDate(t *testing.T) {
	flags := pflag.NewFlagSet("repo", pflag.ContinueOnError)
	addConfigFlags(flags)
	if err := flags.Parse([]string{"--config", filepath.Join("..", "..", "..", "config.yaml")}); err != nil {
		t.Fatal(err)
	}
	o, err := loadConfig(flags, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !o.Date.IsZero() {
		t.Errorf("config.yaml sets date %s for every profile; leave it empty so that each profile's iso_date is used", o.Date.Format("2006-01-02"))
	}
}
