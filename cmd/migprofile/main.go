// Command migprofile builds country migration profiles — PDF, Markdown and
// an Excel workbook — from the plain data files of data/<profile>/.
package main

import (
	"context"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"

	"golang.org/x/term"

	"github.com/migprofile/migprofile/cmd/migprofile/commands"
)

// A build is a short burst of allocation (about 10 MB live for Mali):
// letting the heap grow to five times what is live before collecting
// (gcPercent), rather than doubling, makes a build about a fifth faster
// with a peak near 45 MB; unlike a fixed ceiling, the pace stays the same
// for large inputs, so time and memory grow linearly with them.
// memoryLimit is a soft cap on what that may take for very large ones.
const (
	gcPercent   = 400
	memoryLimit = 1 << 30
)

func main() {
	if os.Getenv("GOGC") == "" && os.Getenv("GOMEMLIMIT") == "" {
		debug.SetGCPercent(gcPercent)
		debug.SetMemoryLimit(memoryLimit)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := commands.Execute(ctx, os.Args[1:], commands.OSEnv(term.IsTerminal(int(os.Stderr.Fd()))))
	stop()
	os.Exit(code)
}
