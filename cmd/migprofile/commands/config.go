package commands

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/go-viper/mapstructure/v2"
	"github.com/spf13/pflag"
	"github.com/spf13/viper"

	"github.com/migprofile/migprofile/report/build"
	"github.com/migprofile/migprofile/report/load"
	"github.com/migprofile/migprofile/report/pdf"
)

// Config is what config.yaml, MIGPROFILE_* variables and flags set, in
// that order of precedence (flags win), as text. compile turns it into
// Options before any command runs.
type Config struct {
	// Profiles are built when no profile is named on the command line.
	Profiles []string `mapstructure:"profiles"`
	// Data is the folder holding one folder per profile.
	Data string `mapstructure:"data"`
	// Out is the folder the outputs go to, one folder per profile.
	Out string `mapstructure:"out"`
	// Formats are the outputs to write: pdf, md, xlsx.
	Formats []string `mapstructure:"formats"`
	// Page is the PDF page size: A4 or Letter.
	Page string `mapstructure:"page"`
	// PDFStandard is what the PDF declares beyond tagged PDF/UA-1: ua-1
	// (nothing more), a-2u or a-2a (PDF/A-2, for archives).
	PDFStandard string `mapstructure:"pdf_standard"`
	// Date (YYYY-MM-DD) is written into the outputs as their date;
	// empty means the profile's own iso_date.
	Date string `mapstructure:"date"`
	// Layouts is a folder whose templates override the embedded ones.
	Layouts string `mapstructure:"layouts"`
}

// Options are the config compiled: every value parsed and checked once,
// before any profile is loaded, so that a config mistake is a usage error
// (exit 2) and no profile reads the environment again.
type Options struct {
	// Profiles are checked profile names; empty when the config names none.
	Profiles []string
	// Data is the folder holding one folder per profile.
	Data string
	// Out is the folder the outputs go to, one folder per profile.
	Out string
	// Formats are checked by build.CheckFormats.
	Formats []string
	// Page is the PDF page size.
	Page pdf.PageSize
	// PDFStandard is the PDF's standard.
	PDFStandard pdf.Standard
	// Date, when not zero, overrides the profiles' own dates:
	// SOURCE_DATE_EPOCH when set (reproducible-builds.org), else the
	// config's date. Never the clock.
	Date time.Time
	// Layouts, when not nil, overrides the embedded templates.
	Layouts fs.FS
}

// build returns the options of the build pipeline.
func (o Options) build() build.Options {
	return build.Options{Formats: o.Formats, PageSize: string(o.Page), PDFStandard: string(o.PDFStandard), Date: o.Date, Layouts: o.Layouts}
}

// configKeys are the keys of Config, for defaults, env binding and the
// check of unknown MIGPROFILE_ variables.
var configKeys = []string{"profiles", "data", "out", "formats", "page", "pdf_standard", "date", "layouts"}

// defaults name no profile: which profiles to build is the project's
// choice (config.yaml), not the program's.
func defaults() Config {
	return Config{
		Data:    "data",
		Out:     "out",
		Formats: slices.Clone(build.Formats),
		Page:    string(pdf.A4),
		// PDFStandard: ua-1, set in loadConfig
	}
}

// addConfigFlags declares the flags that override config keys.
func addConfigFlags(fs *pflag.FlagSet) {
	d := defaults()
	fs.String("config", "", "config file (default ./config.yaml when present)")
	fs.StringSlice("profiles", d.Profiles, "profiles to work on when none is named")
	fs.String("data", d.Data, "folder holding one folder per profile")
	fs.String("out", d.Out, "output folder")
	fs.StringSlice("formats", d.Formats, "formats to write: pdf, md, xlsx")
	fs.String("page", d.Page, "PDF page size: A4 or Letter")
	fs.String("pdf-standard", string(pdf.UA1), "PDF standard: ua-1 (tagged PDF/UA-1), a-2u or a-2a (also PDF/A-2)")
	fs.String("date", "", "date written into the outputs, YYYY-MM-DD (default: the profile's date)")
	fs.String("layouts", "", "folder of templates that override the embedded layouts")
}

// loadConfig reads defaults, then the config file, then the environment
// (MIGPROFILE_<KEY>), then the flags, and compiles the result. environ is
// the process environment, checked for misspelt MIGPROFILE_ variables and
// read for SOURCE_DATE_EPOCH.
func loadConfig(flags *pflag.FlagSet, environ []string) (Options, error) {
	v := viper.New()
	d := defaults()
	v.SetDefault("profiles", d.Profiles)
	v.SetDefault("data", d.Data)
	v.SetDefault("out", d.Out)
	v.SetDefault("formats", d.Formats)
	v.SetDefault("page", d.Page)
	v.SetDefault("pdf_standard", string(pdf.UA1))
	v.SetDefault("date", "")
	v.SetDefault("layouts", "")

	path, err := readConfigFile(v, flags, environ)
	if err != nil {
		return Options{}, err
	}
	if err := checkEnv(environ); err != nil {
		return Options{}, err
	}
	// from names where each key's value came from, for messages: the
	// flag, the variable, or the key (file or default).
	from := map[string]string{}
	for _, key := range configKeys {
		flag := strings.ReplaceAll(key, "_", "-") // pdf_standard: --pdf-standard
		f := flags.Lookup(flag)
		changed := f != nil && f.Changed
		// viper ranks Set above flags, so an environment value is set
		// only where no flag was given: flag > env > file > default.
		name := "MIGPROFILE_" + strings.ToUpper(key)
		if val, ok := lookupEnv(environ, name); ok && !changed {
			v.Set(key, val)
			from[key] = name
		}
		if changed {
			from[key] = "--" + flag
		}
		if f != nil {
			if err := v.BindPFlag(key, f); err != nil {
				return Options{}, fmt.Errorf("config: %w", err)
			}
		}
	}

	var c Config
	if err := v.UnmarshalExact(&c, viper.DecodeHook(mapstructure.ComposeDecodeHookFunc(
		dateAsText, mapstructure.StringToSliceHookFunc(","),
	))); err != nil {
		return Options{}, fmt.Errorf("config: %s: %w", path, err)
	}
	c.Profiles = splitList(c.Profiles)
	c.Formats = splitList(c.Formats)
	return c.compile(from, environ)
}

// readConfigFile reads the file that --config or MIGPROFILE_CONFIG names,
// else config.yaml when there is one, and returns its path.
func readConfigFile(v *viper.Viper, flags *pflag.FlagSet, environ []string) (string, error) {
	path, _ := flags.GetString("config")
	explicit := path != ""
	if !explicit {
		path = envValue(environ, "MIGPROFILE_CONFIG")
		explicit = path != ""
	}
	if !explicit {
		path = "config.yaml"
	}
	v.SetConfigFile(path)
	v.SetConfigType("yaml")
	if err := v.ReadInConfig(); err != nil {
		var notFound *fs.PathError
		if explicit || !errors.As(err, &notFound) {
			return path, fmt.Errorf("config: %s: %w", path, err)
		}
	}
	return path, nil
}

// dateAsText accepts an unquoted YAML date (which YAML reads as a
// timestamp) for a text field such as date: 2010-05-01.
func dateAsText(from, to reflect.Type, data any) (any, error) {
	if t, ok := data.(time.Time); ok && to.Kind() == reflect.String {
		return t.Format(time.DateOnly), nil
	}
	return data, nil
}

// checkEnv rejects MIGPROFILE_ variables that name no key: a misspelt
// variable would otherwise be silently ignored.
func checkEnv(environ []string) error {
	var unknown []string
	for _, kv := range environ {
		name, _, _ := strings.Cut(kv, "=")
		key, ok := strings.CutPrefix(name, "MIGPROFILE_")
		// Variables are upper case (MIGPROFILE_PAGE): MIGPROFILE_page
		// would otherwise be neither applied nor refused.
		if !ok || key == "CONFIG" || key == strings.ToUpper(key) && slices.Contains(configKeys, strings.ToLower(key)) {
			continue
		}
		unknown = append(unknown, name)
	}
	if len(unknown) > 0 {
		sort.Strings(unknown)
		return fmt.Errorf("config: unknown environment variable %s (known: MIGPROFILE_CONFIG and MIGPROFILE_ followed by %s)",
			strings.Join(unknown, ", "), strings.ToUpper(strings.Join(configKeys, ", ")))
	}
	return nil
}

func lookupEnv(environ []string, name string) (string, bool) {
	for i := len(environ) - 1; i >= 0; i-- {
		if k, v, ok := strings.Cut(environ[i], "="); ok && k == name {
			return v, true
		}
	}
	return "", false
}

func envValue(environ []string, name string) string {
	v, _ := lookupEnv(environ, name)
	return v
}

// splitList accepts both YAML lists and comma- or space-separated strings
// (as environment variables give them).
func splitList(in []string) []string {
	var out []string
	for _, s := range in {
		out = append(out, strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' })...)
	}
	return out
}

// compile parses and checks c into Options. from names the flag or
// variable each key came from, so that a message names what to fix.
func (c Config) compile(from map[string]string, environ []string) (Options, error) {
	name := func(key string) string {
		if n, ok := from[key]; ok {
			return n
		}
		return key
	}
	o := Options{Profiles: c.Profiles, Data: c.Data, Out: c.Out, Formats: c.Formats}
	if err := build.CheckFormats(c.Formats); err != nil {
		return o, fmt.Errorf("config: %s: %w", name("formats"), err)
	}
	var err error
	if o.Page, err = pdf.ParsePageSize(c.Page); err != nil {
		return o, fmt.Errorf("config: %s: %w", name("page"), err)
	}
	if o.PDFStandard, err = pdf.ParseStandard(c.PDFStandard); err != nil {
		return o, fmt.Errorf("config: %s: %w", name("pdf_standard"), err)
	}
	if c.Date != "" {
		if o.Date, err = time.Parse(time.DateOnly, c.Date); err != nil {
			return o, fmt.Errorf("config: %s: want YYYY-MM-DD, got %q", name("date"), c.Date)
		}
	}
	if s, ok := lookupEnv(environ, "SOURCE_DATE_EPOCH"); ok {
		if o.Date, err = sourceDateEpoch(s); err != nil {
			return o, err
		}
	}
	for _, p := range c.Profiles {
		if err := load.CheckName(p); err != nil {
			return o, fmt.Errorf("config: %s: %w", name("profiles"), err)
		}
	}
	if c.Data == "" {
		return o, fmt.Errorf("config: %s must not be empty", name("data"))
	}
	if c.Out == "" {
		return o, fmt.Errorf("config: %s must not be empty", name("out"))
	}
	if c.Layouts != "" {
		if err := checkFolder("layouts", c.Layouts); err != nil {
			return o, fmt.Errorf("config: %s: %w", name("layouts"), err)
		}
		o.Layouts = os.DirFS(c.Layouts)
	}
	return o, nil
}

// sourceDateEpoch reads SOURCE_DATE_EPOCH (reproducible-builds.org): the
// documents' date, in seconds since 1970-01-01 UTC.
func sourceDateEpoch(s string) (time.Time, error) {
	// The documents' date formats have four-digit years: 9999-12-31
	// 23:59:59 UTC is the last second they can write.
	const last = 253402300799
	secs, err := strconv.ParseInt(s, 10, 64)
	if err != nil || secs < 0 || secs > last {
		return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH: want an integer of seconds from 0 to %d (9999-12-31), got %q", last, s)
	}
	return time.Unix(secs, 0).UTC(), nil
}
