// Package commands is migprofile's command line: the only package that
// knows about flags, environment variables and the config file.
package commands

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"
)

// Version is the program's version, set at link time with
// -ldflags "-X github.com/migprofile/migprofile/cmd/migprofile/commands.Version=v1.2.3";
// without it, the module version from the build info is used.
var Version = ""

func version() string {
	if Version != "" {
		return Version
	}
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" && info.Main.Version != "(devel)" {
		return info.Main.Version
	}
	return "devel"
}

// Exit statuses.
const (
	exitOK      = 0
	exitFailed  = 1 // a profile failed to validate or build
	exitUsage   = 2 // the command line or the config is wrong
	exitSignals = 130
)

// Env is what a command run sees of the outside world, so that tests can
// run the CLI in-process.
type Env struct {
	Stdout, Stderr io.Writer
	Environ        []string
	// Terminal reports whether Stderr is a terminal (progress is shown).
	Terminal bool
}

// Execute runs the command line args and returns the exit status.
func Execute(ctx context.Context, args []string, env Env) int {
	root := newRoot(env)
	root.SetArgs(args)
	err := root.ExecuteContext(ctx)
	if err == nil {
		return exitOK
	}
	var failed *failedError
	switch {
	case errors.As(err, &failed):
		// The command has already printed what failed.
		return exitFailed
	case errors.Is(err, context.Canceled):
		fmt.Fprintf(env.Stderr, "migprofile: %v\n", interrupted(err))
		return exitSignals
	}
	fmt.Fprintf(env.Stderr, "migprofile: %v\n", err)
	var usage *usageError
	if errors.As(err, &usage) {
		return exitUsage
	}
	return exitFailed
}

// interruptedError is a build stopped by a signal after it published the
// outputs of some profiles (none, often): the message must not claim
// that every output was left as it was.
type interruptedError struct{ published []string }

func (e *interruptedError) Error() string { return interrupted(e).Error() }
func (e *interruptedError) Unwrap() error { return context.Canceled }

// interrupted says what an interrupt, err, left behind.
func interrupted(err error) error {
	var ie *interruptedError
	if !errors.As(err, &ie) || len(ie.published) == 0 {
		return errors.New("interrupted; outputs left as they were")
	}
	return fmt.Errorf("interrupted; new outputs published for %s; the other profiles' outputs left as they were", strings.Join(ie.published, ", "))
}

// usageError is a mistake in the command line or the config.
type usageError struct{ err error }

func (e *usageError) Error() string { return e.err.Error() }
func (e *usageError) Unwrap() error { return e.err }

// failedError reports that some profiles failed; the details are printed.
type failedError struct{ n int }

func (e *failedError) Error() string { return fmt.Sprintf("%d profile(s) failed", e.n) }

func newRoot(env Env) *cobra.Command {
	root := &cobra.Command{
		Use:   "migprofile",
		Short: "Build country migration profiles as PDF, Markdown and Excel from plain data files",
		Long: `migprofile regenerates country migration profiles — reports such as the
CARIM Migration Profile of Mali — from the plain data files of data/<profile>/,
as a PDF, a Markdown document and an Excel workbook in out/<profile>/.

Settings come from config.yaml, then MIGPROFILE_<KEY> environment variables,
then flags (flags win).`,
		Version:       version(),
		SilenceUsage:  true,
		SilenceErrors: true,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 {
				return &usageError{fmt.Errorf("unknown command %q (see migprofile --help)", args[0])}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error { return cmd.Help() },
	}
	root.SetOut(env.Stdout)
	root.SetErr(env.Stderr)
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return &usageError{fmt.Errorf("%w (see %s --help)", err, c.CommandPath())}
	})
	addConfigFlags(root.PersistentFlags())
	root.AddCommand(newBuild(env), newValidate(env), newList(env), newVerify(env))
	return root
}

// OSEnv is the Env of the running process.
func OSEnv(terminal bool) Env {
	return Env{Stdout: os.Stdout, Stderr: os.Stderr, Environ: os.Environ(), Terminal: terminal}
}
