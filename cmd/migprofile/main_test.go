package main_test

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/migprofile/migprofile/report/reporttest"
)

// binary is the migprofile program built once for these tests, which run
// it as a user would: a fresh process, its exit status, its files.
var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "migprofile-bin")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	binary = filepath.Join(dir, "migprofile")
	if out, err := exec.Command("go", "build", "-o", binary, ".").CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "go build: %v\n%s", err, out)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// project makes a folder holding copies of data/mali under the given
// names, and a config.yaml that names mali, as the repository's does.
func project(t *testing.T, names ...string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "config.yaml"), []byte("profiles: [mali]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, name := range names {
		if err := os.CopyFS(filepath.Join(dir, "data", name), os.DirFS(filepath.Join(reporttest.DataDir(), "mali"))); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func migprofile(t *testing.T, dir string, env []string, args ...string) (int, string) {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Dir = dir
	cmd.Env = append([]string{"PATH=" + os.Getenv("PATH"), "HOME=" + dir}, env...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		if ee, ok := err.(*exec.ExitError); ok {
			return ee.ExitCode(), string(out)
		}
		t.Fatal(err)
	}
	return 0, string(out)
}

// readTree returns every file under dir by relative path.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		rel, _ := filepath.Rel(dir, path)
		files[rel] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestReproducible builds twice, in different folders and time zones:
// every output file must be identical byte for byte.
func TestReproducible(t *testing.T) {
	a, b := project(t, "mali"), project(t, "mali")
	if code, out := migprofile(t, a, []string{"TZ=UTC"}, "build"); code != 0 {
		t.Fatalf("exit %d: %s", code, out)
	}
	if code, out := migprofile(t, b, []string{"TZ=Pacific/Kiritimati"}, "build", "--out", "elsewhere"); code != 0 {
		t.Fatalf("exit %d: %s", code, out)
	}
	got, want := readTree(t, filepath.Join(b, "elsewhere", "mali")), readTree(t, filepath.Join(a, "out", "mali"))
	if len(got) != len(want) || len(want) < 4 {
		t.Fatalf("got %d files, want %d (at least pdf, md, xlsx, manifest)", len(got), len(want))
	}
	for name, data := range want {
		if !bytes.Equal(got[name], data) {
			t.Errorf("%s differs between the two builds", name)
		}
	}
}

// TestSourceDateEpoch checks that SOURCE_DATE_EPOCH changes the dates in
// the outputs and nothing else: the Markdown carries no date of build.
func TestSourceDateEpoch(t *testing.T) {
	a, b := project(t, "mali"), project(t, "mali")
	if code, out := migprofile(t, a, nil, "build"); code != 0 {
		t.Fatalf("exit %d: %s", code, out)
	}
	if code, out := migprofile(t, b, []string{"SOURCE_DATE_EPOCH=1700000000"}, "build"); code != 0 {
		t.Fatalf("exit %d: %s", code, out)
	}
	x, y := readTree(t, filepath.Join(a, "out", "mali")), readTree(t, filepath.Join(b, "out", "mali"))
	if !bytes.Equal(x["mali.md"], y["mali.md"]) {
		t.Error("mali.md changed with SOURCE_DATE_EPOCH")
	}
	for _, name := range []string{"mali.pdf", "mali.xlsx"} {
		if bytes.Equal(x[name], y[name]) {
			t.Errorf("%s did not change with SOURCE_DATE_EPOCH", name)
		}
	}
	if !bytes.Contains(y["mali.pdf"], []byte("D:20231114")) {
		t.Error("mali.pdf does not carry the SOURCE_DATE_EPOCH date (2023-11-14)")
	}
}

func TestExitStatus(t *testing.T) {
	dir := project(t, "mali")
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"validate"}, 0, "mali: 0 error(s), 3 warning(s)"},
		{[]string{"build", "nowhere"}, 1, "nowhere: not built"},
		{[]string{"build", "--page", "A5"}, 2, `want A4 or Letter, got "A5"`},
		{[]string{"frobnicate"}, 2, `unknown command "frobnicate"`},
		{[]string{"list", "mali"}, 2, `list takes no arguments, got "mali"`},
		{nil, 0, "Usage:"},
		{[]string{"--version"}, 0, "migprofile version"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			code, out := migprofile(t, dir, nil, tt.args...)
			if code != tt.code || !strings.Contains(out, tt.want) {
				t.Errorf("exit %d, output:\n%s\nwant exit %d and %q", code, out, tt.code, tt.want)
			}
			if strings.Contains(out, "goroutine ") || strings.Contains(out, "panic:") {
				t.Errorf("stack trace in output:\n%s", out)
			}
		})
	}
}

// TestVerify builds, then detects an output edited by hand and data that
// changed after the build.
func TestVerify(t *testing.T) {
	dir := project(t, "mali")
	if code, out := migprofile(t, dir, nil, "verify"); code != 1 || !strings.Contains(out, "not built yet") {
		t.Errorf("before build: exit %d: %s", code, out)
	}
	if code, out := migprofile(t, dir, nil, "build"); code != 0 {
		t.Fatalf("exit %d: %s", code, out)
	}
	if code, out := migprofile(t, dir, nil, "verify"); code != 0 || !strings.Contains(out, "mali: up to date") {
		t.Errorf("after build: exit %d: %s", code, out)
	}
	md := filepath.Join(dir, "out", "mali", "mali.md")
	if err := os.WriteFile(md, []byte("edited"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, out := migprofile(t, dir, nil, "verify"); code != 1 || !strings.Contains(out, "mali.md: edited since it was built") {
		t.Errorf("after edit: exit %d: %s", code, out)
	}
	profile := filepath.Join(dir, "data", "mali", "profile.yaml")
	data, _ := os.ReadFile(profile)
	if err := os.WriteFile(profile, bytes.Replace(data, []byte("May 2010"), []byte("June 2010"), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, out := migprofile(t, dir, nil, "verify"); code != 1 || !strings.Contains(out, "stale") {
		t.Errorf("after data change: exit %d: %s", code, out)
	}
}

// TestFailureKeepsPreviousOutputs: a build that fails — bad data, an
// unwritable folder — leaves the previous outputs as they were and no
// temporary files.
func TestFailureKeepsPreviousOutputs(t *testing.T) {
	dir := project(t, "mali")
	if code, out := migprofile(t, dir, nil, "build"); code != 0 {
		t.Fatalf("exit %d: %s", code, out)
	}
	outDir := filepath.Join(dir, "out", "mali")
	before := readTree(t, outDir)

	t.Run("BadData", func(t *testing.T) {
		flows := filepath.Join(dir, "data", "mali", "tables", "flows.yaml")
		good, _ := os.ReadFile(flows)
		t.Cleanup(func() { os.WriteFile(flows, good, 0o644) })
		if err := os.WriteFile(flows, []byte("title: [\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		if code, out := migprofile(t, dir, nil, "build"); code != 1 {
			t.Fatalf("exit %d: %s", code, out)
		}
		assertSame(t, before, readTree(t, outDir))
	})
	t.Run("RenderError", func(t *testing.T) {
		// A template that fails while rendering: the other formats were
		// rendered, but nothing is written.
		layouts := filepath.Join(dir, "broken-layouts", "markdown")
		os.MkdirAll(layouts, 0o755)
		os.WriteFile(filepath.Join(layouts, "figure.md.tmpl"), []byte(`{{template "no-such-template"}}`), 0o644)
		code, out := migprofile(t, dir, nil, "build", "--layouts", filepath.Dir(layouts))
		if code != 1 || !strings.Contains(out, "no-such-template") {
			t.Fatalf("exit %d: %s", code, out)
		}
		assertSame(t, before, readTree(t, outDir))
	})
	t.Run("ReadOnlyFolder", func(t *testing.T) {
		if os.Geteuid() == 0 {
			// root ignores permissions, but not the immutable attribute.
			if out, err := exec.Command("chattr", "+i", outDir).CombinedOutput(); err != nil {
				t.Skipf("cannot make the folder read-only as root: %v %s", err, out)
			}
			t.Cleanup(func() { exec.Command("chattr", "-i", outDir).Run() })
		} else {
			os.Chmod(outDir, 0o555)
			t.Cleanup(func() { os.Chmod(outDir, 0o755) })
		}
		code, out := migprofile(t, dir, []string{"SOURCE_DATE_EPOCH=1"}, "build")
		if code != 1 || !(strings.Contains(out, "permission denied") || strings.Contains(out, "operation not permitted")) {
			t.Fatalf("exit %d: %s", code, out)
		}
		assertSame(t, before, readTree(t, outDir))
	})
	t.Run("FullFolder", func(t *testing.T) {
		full := filepath.Join(t.TempDir(), "full")
		os.Mkdir(full, 0o755)
		if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=160k", "tmpfs", full).CombinedOutput(); err != nil {
			t.Skipf("cannot mount a small file system: %v %s", err, out)
		}
		t.Cleanup(func() { exec.Command("umount", full).Run() })
		// The Markdown fits; the PDF and workbook do not.
		if code, out := migprofile(t, dir, nil, "build", "--out", full, "--formats", "md"); code != 0 {
			t.Fatalf("exit %d: %s", code, out)
		}
		small := readTree(t, full)
		code, out := migprofile(t, dir, nil, "build", "--out", full)
		if code != 1 || !strings.Contains(out, "no space left on device") {
			t.Fatalf("exit %d: %s", code, out)
		}
		assertSame(t, small, readTree(t, full))
	})
	t.Run("OutputPathIsAFile", func(t *testing.T) {
		blocker := filepath.Join(dir, "blocked")
		os.WriteFile(blocker, []byte("x"), 0o644)
		if code, out := migprofile(t, dir, nil, "build", "--out", filepath.Join(blocker, "sub")); code != 1 || !strings.Contains(out, "not a directory") {
			t.Fatalf("exit %d: %s", code, out)
		}
	})
}

// TestInterrupt sends SIGINT during a build of many profiles: the program
// exits with 130, leaves no temporary files, and says truly which
// profiles it published before the interrupt: those, and only those,
// have outputs.
func TestInterrupt(t *testing.T) {
	names := make([]string, 30)
	for i := range names {
		names[i] = fmt.Sprintf("p%02d", i)
	}
	dir := project(t, names...)
	cmd := exec.Command(binary, "build", "--all")
	cmd.Dir = dir
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(150 * time.Millisecond)
	cmd.Process.Signal(syscall.SIGINT)
	err := cmd.Wait()
	if err == nil {
		t.Skip("the build finished before the interrupt arrived")
	}
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 130 {
		t.Errorf("got %v, want exit status 130\n%s", err, out.String())
	}
	for name := range readTree(t, dir) {
		if strings.Contains(name, ".migprofile-tmp-") {
			t.Errorf("temporary file left behind: %s", name)
		}
	}
	said := map[string]bool{}
	msg := out.String()
	if _, list, ok := strings.Cut(msg, "interrupted; new outputs published for "); ok {
		list, _, _ = strings.Cut(list, ";")
		for _, name := range strings.Split(list, ", ") {
			said[name] = true
		}
	} else if !strings.Contains(msg, "interrupted; outputs left as they were") {
		t.Errorf("no interrupt message:\n%s", msg)
	}
	for _, name := range names {
		_, err := os.Stat(filepath.Join(dir, "out", name, "manifest.json"))
		if built := err == nil; built != said[name] {
			t.Errorf("%s: published %v, but the message says %v:\n%s", name, built, said[name], msg)
		}
	}
}

// TestInterruptWhileWaiting: a build waiting for another build's lock on
// its output folder still exits at once on SIGTERM, saying that nothing
// was written, and writes nothing.
func TestInterruptWhileWaiting(t *testing.T) {
	dir := project(t, "mali")
	outDir := filepath.Join(dir, "out")
	if err := os.Mkdir(outDir, 0o755); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(outDir)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		t.Skip(err)
	}
	cmd := exec.Command(binary, "build")
	cmd.Dir = dir
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(time.Second) // the build takes 60 ms; it is waiting now
	cmd.Process.Signal(syscall.SIGTERM)
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 130 || !strings.Contains(out.String(), "interrupted; outputs left as they were") {
			t.Errorf("got %v, want exit status 130 and a message\n%s", err, out.String())
		}
	case <-time.After(5 * time.Second):
		cmd.Process.Kill()
		t.Fatal("the build still waits 5 s after SIGTERM")
	}
	if entries, _ := os.ReadDir(outDir); len(entries) != 0 {
		t.Errorf("wrote %v while another build held the lock", entries)
	}
}

// TestConcurrentBuilds runs builds of one profile into one output folder
// at the same time, as separate processes (two CI jobs, two terminals):
// every one succeeds, and the folder ends with one whole set, verified,
// and no temporary file. Before the lock, 11 to 21 of 40 failed.
func TestConcurrentBuilds(t *testing.T) {
	dir := project(t, "mali")
	const n = 8
	errs := make(chan string, n)
	for range n {
		go func() {
			cmd := exec.Command(binary, "build")
			cmd.Dir = dir
			out, err := cmd.CombinedOutput()
			if err != nil {
				errs <- fmt.Sprintf("%v: %s", err, out)
				return
			}
			errs <- ""
		}()
	}
	for range n {
		if e := <-errs; e != "" {
			t.Error(e)
		}
	}
	if code, out := migprofile(t, dir, nil, "verify"); code != 0 {
		t.Errorf("verify after concurrent builds: exit %d: %s", code, out)
	}
}

func assertSame(t *testing.T, want, got map[string][]byte) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("got %d files, want %d", len(got), len(want))
	}
	for name, data := range want {
		if !bytes.Equal(got[name], data) {
			t.Errorf("%s changed", name)
		}
	}
}
