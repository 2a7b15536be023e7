package commands_test

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/migprofile/migprofile/cmd/migprofile/commands"
	"github.com/migprofile/migprofile/report/reporttest"
)

// run executes the CLI in-process in dir and returns its exit status and
// outputs. environ replaces the process environment for config lookups.
func run(t *testing.T, dir string, environ []string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	t.Chdir(dir)
	var out, errOut bytes.Buffer
	code = commands.Execute(context.Background(), args, commands.Env{Stdout: &out, Stderr: &errOut, Environ: environ})
	return code, out.String(), errOut.String()
}

// project makes a temporary project folder with copies of data/mali
// (named mali unless profiles are given) and a config.yaml that names
// mali, as the repository's does, and returns its path.
func project(t *testing.T, profiles ...string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "config.yaml"), []byte("profiles: [mali]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if len(profiles) == 0 {
		profiles = []string{"mali"}
	}
	for _, name := range profiles {
		if err := os.CopyFS(filepath.Join(dir, "data", name), os.DirFS(filepath.Join(reporttest.DataDir(), "mali"))); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestBuildDefault(t *testing.T) {
	dir := project(t)
	code, stdout, stderr := run(t, dir, nil, "build")
	if code != 0 {
		t.Fatalf("exit %d\nstdout: %s\nstderr: %s", code, stdout, stderr)
	}
	if !strings.Contains(stderr, "mali: 3 warning(s); see: migprofile validate mali") {
		t.Errorf("stderr does not mention the published inconsistencies: %q", stderr)
	}
	out := filepath.Join(dir, "out", "mali")
	for _, name := range []string{"mali.pdf", "mali.md", "mali.xlsx"} {
		info, err := os.Stat(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		if info.Size() < 1000 {
			t.Errorf("%s is only %d bytes", name, info.Size())
		}
	}
	leftovers, _ := filepath.Glob(filepath.Join(out, ".migprofile-tmp-*"))
	if len(leftovers) > 0 {
		t.Errorf("temporary files left behind: %v", leftovers)
	}

	t.Run("MarkdownHasEveryNumber", func(t *testing.T) {
		md, err := os.ReadFile(filepath.Join(out, "mali.md"))
		if err != nil {
			t.Fatal(err)
		}
		for _, n := range reporttest.PrintedNumbers() {
			if !bytes.Contains(md, []byte(n)) {
				t.Errorf("mali.md lacks %q", n)
			}
		}
	})
	t.Run("WorkbookHasEveryNumber", func(t *testing.T) {
		f, err := excelize.OpenFile(filepath.Join(out, "mali.xlsx"))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		var values []string
		for _, sheet := range f.GetSheetList() {
			rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
			if err != nil {
				t.Fatal(err)
			}
			for _, row := range rows {
				values = append(values, row...)
			}
		}
		have := map[string]bool{}
		for _, v := range values {
			have[v] = true
		}
		for _, n := range reporttest.PublishedNumbers() {
			if n == "-" {
				continue // a published dash is stored as an explained shorthand
			}
			raw := strings.ReplaceAll(n, ",", "")
			if i := strings.Index(raw, " ("); i > 0 {
				raw = raw[:i]
			}
			if !have[raw] && !have[strings.TrimSuffix(strings.TrimRight(raw, "0"), ".")] {
				t.Errorf("mali.xlsx lacks the number %s (published %q)", raw, n)
			}
		}
	})
	t.Run("PDFHasEveryNumber", func(t *testing.T) {
		if _, err := exec.LookPath("pdftotext"); err != nil {
			t.Skip("pdftotext not installed (Debian poppler-utils)")
		}
		text, err := exec.Command("pdftotext", "-layout", filepath.Join(out, "mali.pdf"), "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		for _, n := range reporttest.PrintedNumbers() {
			if !bytes.Contains(text, []byte(n)) {
				t.Errorf("mali.pdf lacks %q", n)
			}
		}
	})
}

func TestBuildNamedCopy(t *testing.T) {
	// A new country is a copy of a profile folder: no code change.
	dir := project(t, "mali", "testland")
	code, _, stderr := run(t, dir, nil, "build", "testland", "--formats", "md")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "out", "testland", "testland.md")); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "out", "mali")); !os.IsNotExist(err) {
		t.Errorf("mali was built too: %v", err)
	}
}

func TestBuildAllGoesOnAfterFailure(t *testing.T) {
	dir := project(t, "mali", "broken")
	bad := filepath.Join(dir, "data", "broken", "tables", "households.yaml")
	if err := os.WriteFile(bad, []byte("title: [oops\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := run(t, dir, nil, "build", "--all", "--formats", "md")
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	for _, want := range []string{
		"broken: not built: 1 error(s) in the data:",
		filepath.Join("data", "broken", "tables", "households.yaml") + ":1: malformed YAML",
		"built 1 of 2 profile(s)",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "out", "mali", "mali.md")); err != nil {
		t.Errorf("mali was not built: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "out", "broken")); !os.IsNotExist(err) {
		t.Errorf("a failed profile left an output folder: %v", err)
	}
}

func TestValidate(t *testing.T) {
	dir := project(t)
	code, stdout, _ := run(t, dir, nil, "validate")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stdout)
	}
	for _, want := range []string{
		filepath.Join("data", "mali", "tables", "households.yaml") + ":15:79: warning: table \"households\" (Table 3), row \"Total\"",
		"printed 3,718, computed 3,766",
		"mali: 0 error(s), 3 warning(s)",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, stdout)
		}
	}

	t.Run("Errors", func(t *testing.T) {
		dir := project(t)
		bad := filepath.Join(dir, "data", "mali", "tables", "flows.yaml")
		data, _ := os.ReadFile(bad)
		data = bytes.Replace(data, []byte("13000"), []byte("13000x"), 1)
		data = bytes.Replace(data, []byte("title:"), []byte("titel:"), 1)
		if err := os.WriteFile(bad, data, 0o644); err != nil {
			t.Fatal(err)
		}
		code, stdout, _ := run(t, dir, nil, "validate", "mali")
		if code != 1 {
			t.Errorf("exit %d, want 1", code)
		}
		for _, want := range []string{`unknown field "titel"`, `required field "title" is missing`, `"13000x" is not a number`, "mali: 3 error(s)"} {
			if !strings.Contains(stdout, want) {
				t.Errorf("stdout lacks %q:\n%s", want, stdout)
			}
		}
	})
}

func TestList(t *testing.T) {
	dir := project(t, "mali", "testland")
	code, stdout, stderr := run(t, dir, nil, "list")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	want := "PROFILE   TITLE                    DATE\nmali      Migration Profile: Mali  May 2010\ntestland  Migration Profile: Mali  May 2010\n"
	if stdout != want {
		t.Errorf("got:\n%s\nwant:\n%s", stdout, want)
	}
}

func TestConfig(t *testing.T) {
	tests := []struct {
		name    string
		config  string
		environ []string
		args    []string
		code    int
		want    string
	}{
		{"UnknownKey", "profiles: [mali]\npaper: A4\n", nil, []string{"build"}, 2, `invalid keys: paper`},
		{"BadPage", "page: A5\n", nil, []string{"build"}, 2, `config: page: want A4 or Letter, got "A5"`},
		{"EnvOverridesFile", "page: A4\n", []string{"MIGPROFILE_PAGE=A3"}, []string{"build"}, 2, `got "A3"`},
		{"FlagOverridesEnv", "page: A4\n", []string{"MIGPROFILE_PAGE=A3"}, []string{"build", "--page", "B5"}, 2, `got "B5"`},
		{"UnknownEnv", "", []string{"MIGPROFILE_PAPER=A4"}, []string{"build"}, 2, `unknown environment variable MIGPROFILE_PAPER`},
		{"BadFormat", "formats: [pdf, docx]\n", nil, []string{"build"}, 2, `unknown format "docx"`},
		{"BadProfileName", "", nil, []string{"build", "../etc"}, 2, `invalid profile name "../etc"`},
		{"MissingProfile", "", nil, []string{"build", "atlantis"}, 1, `atlantis: not built: load: "atlantis": profile not found`},
		{"BadSourceDateEpoch", "", []string{"SOURCE_DATE_EPOCH=yesterday"}, []string{"build"}, 2, `SOURCE_DATE_EPOCH: want an integer of seconds from 0 to`},
		{"UnknownFlag", "", nil, []string{"build", "--colour"}, 2, `unknown flag: --colour`},
		{"ProfilesFlag", "profiles: [mali]\n", nil, []string{"build", "--profiles", "atlantis"}, 1, `atlantis: not built`},
		{"ProfilesEnv", "profiles: [mali]\n", []string{"MIGPROFILE_PROFILES=atlantis,utopia"}, []string{"validate"}, 1, `utopia: load: "utopia": profile not found`},
		{"AllAndNames", "", nil, []string{"build", "--all", "mali"}, 2, `give profile names or --all, not both`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := project(t)
			if tt.config != "" {
				if err := os.WriteFile(filepath.Join(dir, "config.yaml"), []byte(tt.config), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			code, _, stderr := run(t, dir, tt.environ, tt.args...)
			if code != tt.code || !strings.Contains(stderr, tt.want) {
				t.Errorf("exit %d, stderr:\n%s\nwant exit %d and %q", code, stderr, tt.code, tt.want)
			}
		})
	}
}

func TestHelpAndVersion(t *testing.T) {
	dir := t.TempDir()
	code, stdout, _ := run(t, dir, nil, "--help")
	if code != 0 || !strings.Contains(stdout, "build") || !strings.Contains(stdout, "validate") || !strings.Contains(stdout, "list") {
		t.Errorf("--help: exit %d:\n%s", code, stdout)
	}
	code, stdout, _ = run(t, dir, nil, "--version")
	if code != 0 || !strings.HasPrefix(stdout, "migprofile version ") {
		t.Errorf("--version: exit %d: %q", code, stdout)
	}
}

// TestVerifyByName verifies a profile whose outputs sort after
// manifest.json: verify finds the manifest by its name, wherever it
// stands among the files.
func TestVerifyByName(t *testing.T) {
	dir := project(t, "zambia")
	if code, _, stderr := run(t, dir, nil, "build", "zambia"); code != 0 {
		t.Fatalf("build: exit %d: %s", code, stderr)
	}
	code, stdout, stderr := run(t, dir, nil, "verify", "zambia")
	if code != 0 || stdout != "zambia: up to date\n" {
		t.Fatalf("verify: exit %d\nstdout: %s\nstderr: %s", code, stdout, stderr)
	}
	if err := os.WriteFile(filepath.Join(dir, "out", "zambia", "zambia.xlsx"), []byte("edited"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, _ = run(t, dir, nil, "verify", "zambia")
	if code != 1 || !strings.Contains(stdout, "zambia: zambia.xlsx: edited since it was built") {
		t.Errorf("after edit: exit %d: %s", code, stdout)
	}
	if strings.Contains(stdout, "manifest.json:") {
		t.Errorf("verify compared the manifest as an output:\n%s", stdout)
	}
}

// TestVerifyCatchesEverything: verify reports files the build did not
// write (a leftover figure, a temporary file) and an edited manifest,
// which used to pass as up to date.
func TestVerifyCatchesEverything(t *testing.T) {
	dir := project(t)
	if code, _, stderr := run(t, dir, nil, "build"); code != 0 {
		t.Fatalf("build: exit %d: %s", code, stderr)
	}
	out := filepath.Join(dir, "out", "mali")
	tests := []struct {
		name   string
		change func(t *testing.T)
		want   string
	}{
		{"LeftoverFigure", func(t *testing.T) {
			os.WriteFile(filepath.Join(out, "figures", "figure-9.svg"), []byte("<svg/>"), 0o644)
		}, "mali: figures/figure-9.svg: not written by the build"},
		{"TemporaryFile", func(t *testing.T) {
			os.WriteFile(filepath.Join(out, ".migprofile-tmp-1"), nil, 0o644)
		}, "mali: .migprofile-tmp-1: not written by the build"},
		{"EditedManifest", func(t *testing.T) {
			m := filepath.Join(out, "manifest.json")
			data, _ := os.ReadFile(m)
			os.WriteFile(m, bytes.Replace(data, []byte(`"profile": "mali"`), []byte(`"profile": "malx"`), 1), 0o644)
		}, "mali: manifest.json: edited since it was built"},
		{"EditedManifestVersion", func(t *testing.T) {
			m := filepath.Join(out, "manifest.json")
			data, _ := os.ReadFile(m)
			os.WriteFile(m, regexp.MustCompile(`"version": "[^"]*"`).ReplaceAll(data, []byte(`"version": "v9.9.9"`)), 0o644)
		}, "mali: manifest.json: written by migprofile v9.9.9"},
		{"EditedManifestSize", func(t *testing.T) {
			m := filepath.Join(out, "manifest.json")
			data, _ := os.ReadFile(m)
			os.WriteFile(m, regexp.MustCompile(`"size": \d+`).ReplaceAll(data, []byte(`"size": 1`)), 0o644)
		}, "mali: manifest.json: edited since it was built"},
		{"PipeInsteadOfOutput", func(t *testing.T) {
			// Reading it would wait for a writer, out of reach of Ctrl-C.
			md := filepath.Join(out, "mali.md")
			os.Remove(md)
			if err := syscall.Mkfifo(md, 0o644); err != nil {
				t.Skip(err)
			}
		}, "mali: mali.md: not a regular file (a link, a pipe or a device)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if code, _, stderr := run(t, dir, nil, "build"); code != 0 {
				t.Fatalf("build: exit %d: %s", code, stderr)
			}
			for _, leftover := range []string{filepath.Join(out, "figures", "figure-9.svg"), filepath.Join(out, ".migprofile-tmp-1")} {
				os.Remove(leftover)
			}
			tt.change(t)
			code, stdout, _ := run(t, dir, nil, "verify")
			if code != 1 || !strings.Contains(stdout, tt.want) {
				t.Errorf("exit %d, stdout:\n%s\nwant %q", code, stdout, tt.want)
			}
		})
	}
}

// TestPathTooLong: a data or layouts path the system cannot take (over
// 4,096 characters on Linux, or a name over 255) is said to be too long,
// not "not found", for every command that reads it.
func TestPathTooLong(t *testing.T) {
	long := strings.Repeat("a/", 2100) + "data"
	longName := strings.Repeat("b", 300)
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"build", "--data", long}, `data folder "a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/"…: path too long for the system (4204 characters; its longest name 4)`},
		{[]string{"validate", "--data", longName}, "path too long for the system (300 characters; its longest name 300)"},
		{[]string{"list", "--data", long}, "path too long for the system (4204 characters"},
		{[]string{"verify", "--data", long}, "path too long for the system (4204 characters"},
		{[]string{"build", "--layouts", long}, "config: --layouts: layouts folder"},
		{[]string{"build", "--layouts", long}, "path too long for the system (4204 characters"},
	}
	dir := project(t)
	for _, tt := range tests {
		code, stdout, stderr := run(t, dir, nil, tt.args...)
		if code != 2 || !strings.Contains(stderr, tt.want) || strings.Contains(stderr, "not found") {
			t.Errorf("%s %s: exit %d, stderr %.300q, stdout %.300q; want exit 2 and %q", tt.args[0], tt.args[1], code, stderr, stdout, tt.want)
		}
	}
}

// TestInterruptedCommands: every command given an interrupted context
// exits 130 saying that nothing changed (validate and verify printed
// "context canceled" as a profile failure, exit 1), and build writes
// nothing.
func TestInterruptedCommands(t *testing.T) {
	dir := project(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for _, args := range [][]string{{"build"}, {"build", "--all"}, {"validate"}, {"verify"}} {
		t.Chdir(dir)
		var stdout, stderr bytes.Buffer
		code := commands.Execute(ctx, args, commands.Env{Stdout: &stdout, Stderr: &stderr})
		if code != 130 || !strings.Contains(stderr.String(), "migprofile: interrupted; outputs left as they were") || strings.Contains(stdout.String()+stderr.String(), "context canceled") {
			t.Errorf("%v: exit %d\nstdout: %s\nstderr: %s", args, code, stdout.String(), stderr.String())
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "out")); err == nil {
		t.Error("an interrupted build wrote out/")
	}
}
