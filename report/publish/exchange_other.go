//go:build !linux

package publish

import "errors"

// errNoExchange says that the system cannot exchange two folders.
var errNoExchange = errors.New("folders cannot be exchanged here")

// exchange is not available outside Linux: Files falls back to renaming
// file by file.
func exchange(a, b string) error { return errNoExchange }
