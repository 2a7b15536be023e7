//go:build unix

package publish

import (
	"os"
	"syscall"
)

// lock takes an exclusive lock on the folder dir itself (flock, which
// leaves no file behind and is released if the process dies), waiting
// while another build publishes into it; unlock releases it.
func lock(dir string) (unlock func(), err error) {
	f, err := os.Open(dir)
	if err != nil {
		return nil, err
	}
	for {
		err = syscall.Flock(int(f.Fd()), syscall.LOCK_EX)
		if err != syscall.EINTR {
			break
		}
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	return func() {
		syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	}, nil
}
