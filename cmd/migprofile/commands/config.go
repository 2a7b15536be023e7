package commands

import (
	"errors"
	"fmt"
	"io/fs"
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
)

// Config is what config.yaml, MIGPROFILE_* variables and flags set, in
// that order of precedence (flags win).
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
	// Date (YYYY-MM-DD) is written into the outputs as their date;
	// empty means the profile's own iso_date.
	Date string `mapstructure:"date"`
	// Layouts is a folder whose templates override the embedded ones.
	Layouts string `mapstructure:"layouts"`
}

// configKeys are the keys of Config, for defaults, env binding and the
// check of unknown MIGPROFILE_ variables.
var configKeys = []string{"profiles", "data", "out", "formats", "page", "date", "layouts"}

func defaults() Config {
	return Config{
		Profiles: []string{"mali"},
		Data:     "data",
		Out:      "out",
		Formats:  slices.Clone(build.Formats),
		Page:     "A4",
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
	fs.String("date", "", "date written into the outputs, YYYY-MM-DD (default: the profile's date)")
	fs.String("layouts", "", "folder of templates that override the embedded layouts")
}

// loadConfig reads defaults, then the config file, then the environment
// (MIGPROFILE_<KEY>), then the flags, and checks the result. environ is
// the process environment, checked for misspelt MIGPROFILE_ variables.
func loadConfig(flags *pflag.FlagSet, environ []string) (Config, error) {
	v := viper.New()
	d := defaults()
	v.SetDefault("profiles", d.Profiles)
	v.SetDefault("data", d.Data)
	v.SetDefault("out", d.Out)
	v.SetDefault("formats", d.Formats)
	v.SetDefault("page", d.Page)
	v.SetDefault("date", "")
	v.SetDefault("layouts", "")

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
			return Config{}, fmt.Errorf("config: %s: %w", path, err)
		}
	}

	if err := checkEnv(environ); err != nil {
		return Config{}, err
	}
	for _, key := range configKeys {
		f := flags.Lookup(key)
		// viper ranks Set above flags, so an environment value is set
		// only where no flag was given: flag > env > file > default.
		if val, ok := lookupEnv(environ, "MIGPROFILE_"+strings.ToUpper(key)); ok && (f == nil || !f.Changed) {
			v.Set(key, val)
		}
		if f != nil {
			if err := v.BindPFlag(key, f); err != nil {
				return Config{}, fmt.Errorf("config: %w", err)
			}
		}
	}

	var c Config
	if err := v.UnmarshalExact(&c, viper.DecodeHook(mapstructure.ComposeDecodeHookFunc(
		dateAsText, mapstructure.StringToSliceHookFunc(","),
	))); err != nil {
		return Config{}, fmt.Errorf("config: %s: %w", path, err)
	}
	c.Profiles = splitList(c.Profiles)
	c.Formats = splitList(c.Formats)
	return c, c.check()
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
		if !ok || key == "CONFIG" || slices.Contains(configKeys, strings.ToLower(key)) {
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

func (c Config) check() error {
	for _, f := range c.Formats {
		if !slices.Contains(build.Formats, f) {
			return fmt.Errorf("config: formats: unknown format %q (want %s)", f, strings.Join(build.Formats, ", "))
		}
	}
	if len(c.Formats) == 0 {
		return errors.New("config: formats: no format to write")
	}
	switch c.Page {
	case "A4", "Letter":
	default:
		return fmt.Errorf("config: page: want A4 or Letter, got %q", c.Page)
	}
	if c.Date != "" {
		if _, err := time.Parse(time.DateOnly, c.Date); err != nil {
			return fmt.Errorf("config: date: want YYYY-MM-DD, got %q", c.Date)
		}
	}
	for _, p := range c.Profiles {
		if err := load.CheckName(p); err != nil {
			return fmt.Errorf("config: profiles: %w", err)
		}
	}
	if c.Data == "" || c.Out == "" {
		return errors.New("config: data and out must not be empty")
	}
	return nil
}

// reportDate is the date written into the outputs: SOURCE_DATE_EPOCH when
// set (reproducible-builds.org), else the config's date, else the
// profile's own date. Never the clock.
func reportDate(c Config, environ []string, isoDate string) (time.Time, error) {
	if s, ok := lookupEnv(environ, "SOURCE_DATE_EPOCH"); ok {
		secs, err := strconv.ParseInt(s, 10, 64)
		if err != nil || secs < 0 {
			return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH: want a non-negative integer of seconds, got %q", s)
		}
		return time.Unix(secs, 0).UTC(), nil
	}
	if c.Date != "" {
		return time.Parse(time.DateOnly, c.Date)
	}
	if len(isoDate) == len("2006-01") {
		isoDate += "-01"
	}
	t, err := time.Parse(time.DateOnly, isoDate)
	if err != nil {
		return time.Time{}, fmt.Errorf("profile iso_date %q: %w", isoDate, err)
	}
	return t, nil
}
