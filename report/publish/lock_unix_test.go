//go:build unix

package publish_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/migprofile/migprofile/report/publish"
)

// TestLockWaitInterrupted: a publish waiting for another build's lock
// returns when its context is done, instead of waiting for the lock
// (an interrupted build must not hang), and writes nothing.
func TestLockWaitInterrupted(t *testing.T) {
	parent := t.TempDir()
	f, err := os.Open(parent)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		t.Skip(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	done := make(chan error, 1)
	go func() {
		done <- publish.Files(ctx, filepath.Join(parent, "mali"), []publish.File{{Name: "a.md", Data: []byte("new")}})
	}()
	select {
	case err := <-done:
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("got %v, want the context's error", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("still waiting for the lock 5 s after the interrupt")
	}
	if entries, _ := os.ReadDir(parent); len(entries) != 0 {
		t.Errorf("wrote %v while another build held the lock", entries)
	}
}
