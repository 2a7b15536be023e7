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

// memoryLimit is where the garbage collector starts working. A build is a
// short burst of allocation (about 10 MB live per profile): collecting
// only near this ceiling, rather than each time the heap doubles, makes a
// build about a fifth faster while keeping the peak under 60 MB. The
// build command raises it for large profiles (commands.fitMemoryLimit),
// so that the collector never works against a ceiling the data fill.
const memoryLimit = 45 << 20

func main() {
	if os.Getenv("GOGC") == "" && os.Getenv("GOMEMLIMIT") == "" {
		debug.SetGCPercent(-1)
		debug.SetMemoryLimit(memoryLimit)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	// The first signal cancels the build, which stops at its next read or
	// write; a second one then kills the process, as if it were not caught.
	context.AfterFunc(ctx, stop)
	code := commands.Execute(ctx, os.Args[1:], commands.OSEnv(term.IsTerminal(int(os.Stderr.Fd()))))
	stop()
	os.Exit(code)
}
