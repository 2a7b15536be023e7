package publish

import (
	"errors"

	"golang.org/x/sys/unix"
)

// errNoExchange says that the system cannot exchange two folders.
var errNoExchange = errors.New("folders cannot be exchanged here")

// exchange swaps the folders a and b in one step (renameat2 with
// RENAME_EXCHANGE, Linux 3.15): a reader of b sees the old folder or the
// new one, never a mix. File systems that cannot do it say EINVAL.
func exchange(a, b string) error {
	err := unix.Renameat2(unix.AT_FDCWD, a, unix.AT_FDCWD, b, unix.RENAME_EXCHANGE)
	if errors.Is(err, unix.EINVAL) || errors.Is(err, unix.ENOSYS) {
		return errNoExchange
	}
	return err
}
