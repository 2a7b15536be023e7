package commands

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/spf13/pflag"
)

// FuzzConfig decodes arbitrary config files: never a panic; either a
// checked config or an error.
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
		c, err := loadConfig(flags, nil)
		if err == nil && c.check() != nil {
			t.Fatalf("unchecked config: %+v", c)
		}
	})
}
