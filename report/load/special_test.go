package load_test

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/migprofile/migprofile/report/load"
	"github.com/migprofile/migprofile/report/reporttest"
)

// TestSpecialFiles: a data file that is a symbolic link (to a host file
// or to /dev/zero) or a named pipe is refused with its position, without
// reading it: no host file in the diagnostics, no memory exhausted, no
// hang.
func TestSpecialFiles(t *testing.T) {
	tests := []struct {
		name string
		make func(t *testing.T, target string)
		want string
	}{
		{"LinkToHostFile", func(t *testing.T, target string) {
			if err := os.Symlink("/etc/passwd", target); err != nil {
				t.Skip(err)
			}
		}, "is a symbolic link"},
		{"LinkToDevZero", func(t *testing.T, target string) {
			if err := os.Symlink("/dev/zero", target); err != nil {
				t.Skip(err)
			}
		}, "is a symbolic link"},
		{"NamedPipe", func(t *testing.T, target string) {
			if err := syscall.Mkfifo(target, 0o644); err != nil {
				t.Skip(err)
			}
		}, "is not a regular file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.CopyFS(filepath.Join(dir, "mali"), os.DirFS(filepath.Join(reporttest.DataDir(), "mali"))); err != nil {
				t.Fatal(err)
			}
			target := filepath.Join(dir, "mali", "footnotes.yaml")
			if err := os.Remove(target); err != nil {
				t.Fatal(err)
			}
			tt.make(t, target)
			done := make(chan string, 1)
			go func() {
				_, diags, err := load.Load(os.DirFS(dir), "mali")
				if err != nil {
					done <- err.Error()
					return
				}
				done <- diags.Errors().Err().Error()
			}()
			select {
			case got := <-done:
				if !strings.Contains(got, "mali/footnotes.yaml: file "+tt.want) {
					t.Errorf("got %q, want an error saying the file %s", got, tt.want)
				}
				if strings.Contains(got, "root:") {
					t.Error("a host file's content reached the diagnostics")
				}
			case <-time.After(10 * time.Second):
				t.Fatal("load hangs")
			}
		})
	}
}

// TestTotalCap: the data of one profile is capped; past the cap a file is
// refused with a message naming the cap, not read.
func TestTotalCap(t *testing.T) {
	defer load.SetMaxTotal(20_000)()
	_, diags, err := load.Load(os.DirFS(reporttest.DataDir()), "mali")
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, d := range diags.Errors() {
		found = found || strings.Contains(d.Msg, "the profile's files total more than 20000 bytes, the limit")
	}
	if !found {
		t.Errorf("no error about the total: %v", diags.Errors())
	}
}

// TestLinkedFolders: a folder inside the data that is a symbolic link is
// refused, not followed: neither the files of a linked tables/ (a host
// folder of YAML files) nor their names reach the diagnostics, and a
// linked profile folder is not read.
func TestLinkedFolders(t *testing.T) {
	host := t.TempDir()
	if err := os.WriteFile(filepath.Join(host, "x.yaml"), []byte("title: x\nperiod: hunter2\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(host, "secret.txt"), []byte("hunter2"), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.CopyFS(filepath.Join(dir, "mali"), os.DirFS(filepath.Join(reporttest.DataDir(), "mali"))); err != nil {
		t.Fatal(err)
	}
	tables := filepath.Join(dir, "mali", "tables")
	if err := os.RemoveAll(tables); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(host, tables); err != nil {
		t.Skip(err)
	}
	t.Run("SubFolder", func(t *testing.T) {
		_, diags, err := load.Load(os.DirFS(dir), "mali")
		if err != nil {
			t.Fatal(err)
		}
		got := diags.Errors().Err().Error()
		if !strings.Contains(got, "mali/tables: folder is a symbolic link") {
			t.Errorf("no error about the linked folder:\n%s", got)
		}
		if strings.Contains(got, "hunter2") || strings.Contains(got, "x.yaml") || strings.Contains(got, "secret.txt") {
			t.Errorf("the linked folder was read:\n%s", got)
		}
	})
	t.Run("ProfileFolder", func(t *testing.T) {
		if err := os.Symlink(filepath.Join(dir, "mali"), filepath.Join(dir, "linked")); err != nil {
			t.Skip(err)
		}
		_, _, err := load.Load(os.DirFS(dir), "linked")
		if err == nil || !strings.Contains(err.Error(), `"linked": the profile folder is a symbolic link`) {
			t.Errorf("got %v, want an error about the linked profile folder", err)
		}
	})
}
