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
