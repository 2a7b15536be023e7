package commands

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/sync/errgroup"

	"github.com/migprofile/migprofile/report"
	"github.com/migprofile/migprofile/report/build"
	"github.com/migprofile/migprofile/report/load"
	"github.com/migprofile/migprofile/report/publish"
)

func newBuild(env Env) *cobra.Command {
	var all bool
	cmd := &cobra.Command{
		Use:   "build [profile...]",
		Short: "Validate profiles and write their PDF, Markdown and workbook",
		Long: `Build validates each profile and writes its outputs to <out>/<profile>/.
Without arguments it builds the config's profiles; --all builds every profile
under the data folder, concurrently. Warnings (such as published totals that
disagree with their parts) do not stop a build; errors do. A failed build
leaves the previous outputs as they were.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg, names, err := setup(cmd, env, args, all)
			if err != nil {
				return err
			}
			return buildAll(cmd.Context(), cfg, names, env)
		},
	}
	cmd.Flags().BoolVar(&all, "all", false, "build every profile under the data folder")
	return cmd
}

// setup reads the config and decides which profiles a command works on:
// those named, all of them, or the config's.
func setup(cmd *cobra.Command, env Env, args []string, all bool) (Options, []string, error) {
	cfg, err := loadConfig(cmd.Flags(), env.Environ)
	if err != nil {
		return cfg, nil, &usageError{err}
	}
	if err := checkFolder("data", cfg.Data); err != nil {
		return cfg, nil, &usageError{err}
	}
	switch {
	case all && len(args) > 0:
		return cfg, nil, &usageError{errors.New("give profile names or --all, not both")}
	case all:
		names, skipped, err := load.List(os.DirFS(cfg.Data))
		if err != nil {
			return cfg, nil, err
		}
		warnSkipped(env, skipped)
		if len(names) == 0 {
			return cfg, nil, &usageError{fmt.Errorf("no profile under %s (a profile is a folder with a profile.yaml)", cfg.Data)}
		}
		return cfg, names, nil
	case len(args) > 0:
		for _, a := range args {
			if err := load.CheckName(a); err != nil {
				return cfg, nil, &usageError{err}
			}
		}
		return cfg, unique(args), nil
	}
	if len(cfg.Profiles) == 0 {
		return cfg, nil, &usageError{errors.New("no profile to work on: name one, use --all, or set profiles in config.yaml")}
	}
	return cfg, unique(cfg.Profiles), nil
}

// checkFolder says why dir cannot be used as the folder what ("data",
// "layouts"): not found, not a folder, a path too long for the system, or
// unreadable — never "not found" for all of them.
func checkFolder(what, dir string) error {
	info, err := os.Stat(dir)
	switch {
	case errors.Is(err, syscall.ENAMETOOLONG):
		longest := 0
		for _, name := range strings.Split(filepath.ToSlash(dir), "/") {
			longest = max(longest, len(name))
		}
		return fmt.Errorf("%s folder %.40q…: path too long for the system (%d characters; its longest name %d)", what, dir, len(dir), longest)
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("%s folder %q not found", what, dir)
	case err != nil:
		return fmt.Errorf("%s folder: %w", what, err)
	case !info.IsDir():
		return fmt.Errorf("%s folder %q is not a folder", what, dir)
	}
	return nil
}

// unique returns names without repeats, in their first order: a profile
// named twice is built once (two builds of it would race for its folder).
func unique(names []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, n := range names {
		if !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	return out
}

// buildAll builds the profiles concurrently, at most one per CPU. A
// failing profile does not stop the others. Each profile's report is
// printed in the order the profiles were named, as soon as it and those
// before it are done, so that the output is the same from run to run.
func buildAll(ctx context.Context, cfg Options, names []string, env Env) error {
	fitMemoryLimit(cfg.Data, names)
	type outcome struct {
		res     buildResult
		err     error
		elapsed time.Duration
	}
	outcomes := make([]chan outcome, len(names))
	for i := range outcomes {
		outcomes[i] = make(chan outcome, 1)
	}
	var g errgroup.Group
	g.SetLimit(runtime.NumCPU())
	go func() { // g.Go blocks while NumCPU builds run
		for i, name := range names {
			g.Go(func() error {
				if ctx.Err() != nil {
					outcomes[i] <- outcome{err: ctx.Err()} // interrupted: start no new build
					return nil
				}
				start := time.Now()
				res, err := buildOne(ctx, cfg, name)
				outcomes[i] <- outcome{res, err, time.Since(start)}
				return nil
			})
		}
	}()

	failed, stopped := 0, 0
	var published []string
	for i, name := range names {
		o := <-outcomes[i]
		switch {
		case errors.Is(o.err, context.Canceled):
			stopped++
		case o.err != nil:
			failed++
			var de *report.DataError
			if errors.As(o.err, &de) {
				fmt.Fprintf(env.Stderr, "%s: not built: %d error(s) in the data:\n", name, len(de.Diagnostics))
				printDiagnostics(env.Stderr, cfg.Data, de.Diagnostics)
			} else {
				fmt.Fprintf(env.Stderr, "%s: not built: %v\n", name, o.err)
			}
		default:
			published = append(published, name)
			if o.res.warnings > 0 {
				fmt.Fprintf(env.Stderr, "%s: %d warning(s); see: migprofile validate %s\n", name, o.res.warnings, name)
			}
			if env.Terminal {
				fmt.Fprintf(env.Stderr, "%s: wrote %d file(s) to %s in %s\n", name, o.res.files, o.res.dir, o.elapsed.Round(time.Millisecond))
			}
		}
	}
	if stopped > 0 {
		return &interruptedError{published}
	}
	if len(names) > 1 || failed > 0 {
		fmt.Fprintf(env.Stderr, "built %d of %d profile(s)\n", len(names)-failed, len(names))
	}
	if failed > 0 {
		return &failedError{failed}
	}
	return nil
}

type buildResult struct {
	dir      string
	files    int
	warnings int
}

// buildOne builds one profile in memory and publishes its files.
func buildOne(ctx context.Context, cfg Options, name string) (buildResult, error) {
	res, err := build.Profile(ctx, os.DirFS(cfg.Data), name, version(), cfg.build())
	if err != nil {
		return buildResult{}, err
	}
	dir := filepath.Join(cfg.Out, name)
	if err := publish.Files(ctx, dir, res.Files); err != nil {
		return buildResult{}, err
	}
	return buildResult{dir: dir, files: len(res.Files), warnings: len(res.Diagnostics.Warnings())}, nil
}

func printDiagnostics(w io.Writer, dataDir string, diags report.Diagnostics) {
	for _, d := range diags {
		if d.File != "" {
			d.File = filepath.Join(dataDir, filepath.FromSlash(d.File))
		}
		fmt.Fprintln(w, d.String())
	}
}

// bytesPerDataByte is how much heap a build may hold per byte of its data
// files: a 30,000-row table (1.9 MB of YAML) holds about 120 MB live in
// every format, 63 bytes a byte; this leaves room above that.
const bytesPerDataByte = 100

// fitMemoryLimit raises the memory limit main set, when it set one, to
// what the largest of the profiles needs while NumCPU of them build at
// once: under a ceiling the live data fill, the collector would run
// without end and a build would slow down as the square of its size.
func fitMemoryLimit(data string, names []string) {
	limit := debug.SetMemoryLimit(-1)
	if limit == math.MaxInt64 {
		return // no limit set: the default collector, or the environment's
	}
	largest := int64(0)
	for _, name := range names {
		largest = max(largest, folderSize(filepath.Join(data, name)))
	}
	// Profiles of ordinary size (Mali's data is 60 KB) fit the ceiling;
	// only data that would fill it raises it.
	at := int64(min(runtime.NumCPU(), len(names))) // profiles built at once
	if need := largest * bytesPerDataByte * at; need > limit {
		debug.SetMemoryLimit(limit + need)
	}
}

// folderSize is the size of the regular files under dir; 0 on error.
func folderSize(dir string) int64 {
	var n int64
	filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			if info, err := d.Info(); err == nil {
				n += info.Size()
			}
		}
		return nil
	})
	return n
}
