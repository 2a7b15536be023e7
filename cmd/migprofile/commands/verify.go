package commands

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/migprofile/migprofile/report/build"
	"github.com/migprofile/migprofile/report/publish"
)

func newVerify(env Env) *cobra.Command {
	var all bool
	cmd := &cobra.Command{
		Use:   "verify [profile...]",
		Short: "Check that the outputs on disk are what a fresh build would write",
		Long: `Verify rebuilds each profile in memory and compares the result with the
outputs on disk and with their manifest.json. It reports outputs that are
missing, stale (the data or config changed since they were built) or edited by
hand (the manifest included), and files in the output folder that the build did
not write (a figure left over, a temporary file), and exits 1 if any differs.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg, names, err := setup(cmd, env, args, all)
			if err != nil {
				return err
			}
			failed := 0
			for _, name := range names {
				if err := cmd.Context().Err(); err != nil {
					return err // interrupted: check no other profile
				}
				problems, err := verifyOne(cmd.Context(), cfg, name)
				if errors.Is(err, context.Canceled) {
					return err
				}
				if err != nil {
					fmt.Fprintf(env.Stderr, "%s: %v\n", name, err)
					failed++
					continue
				}
				for _, p := range problems {
					fmt.Fprintf(env.Stdout, "%s: %s\n", name, p)
				}
				if len(problems) > 0 {
					failed++
					continue
				}
				fmt.Fprintf(env.Stdout, "%s: up to date\n", name)
			}
			if failed > 0 {
				return &failedError{failed}
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&all, "all", false, "verify every profile under the data folder")
	return cmd
}

// verifyOne builds the profile name in memory and compares the result
// with the files on disk and the manifest recorded with them.
func verifyOne(ctx context.Context, cfg Options, name string) ([]string, error) {
	dir := filepath.Join(cfg.Out, name)
	data, err := readOutput(filepath.Join(dir, build.ManifestName))
	if errors.Is(err, fs.ErrNotExist) {
		return []string{fmt.Sprintf("no %s in %s: not built yet", build.ManifestName, dir)}, nil
	}
	if err != nil {
		return nil, err
	}
	recorded, err := build.ParseManifest(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", filepath.Join(dir, build.ManifestName), err)
	}
	fresh, err := build.Profile(ctx, os.DirFS(cfg.Data), name, version(), cfg.build())
	if err != nil {
		return nil, err
	}

	var problems []string
	if recorded.Inputs != fresh.Manifest.Inputs {
		problems = append(problems, "stale: the data or the config changed since the last build")
	}
	want := map[string]string{}
	for _, f := range recorded.Files {
		want[f.Name] = f.SHA256
	}
	for _, f := range fresh.Files {
		if f.Name == build.ManifestName {
			continue // compared above, through its inputs
		}
		onDisk, err := readOutput(filepath.Join(dir, filepath.FromSlash(f.Name)))
		switch {
		case errors.Is(err, fs.ErrNotExist):
			problems = append(problems, f.Name+": missing")
		case errors.Is(err, errNotRegular):
			problems = append(problems, f.Name+": "+errNotRegular.Error())
		case err != nil:
			return nil, err
		case want[f.Name] != "" && build.Hash(onDisk) != want[f.Name]:
			problems = append(problems, f.Name+": edited since it was built (differs from manifest.json)")
		case !bytes.Equal(onDisk, f.Data):
			problems = append(problems, f.Name+": differs from a fresh build")
		}
	}
	switch {
	case len(problems) > 0:
	case recorded.Version != fresh.Manifest.Version:
		problems = append(problems, fmt.Sprintf("%s: written by migprofile %s, this is %s", build.ManifestName, recorded.Version, fresh.Manifest.Version))
	case !bytes.Equal(data, fresh.Manifest.File().Data):
		problems = append(problems, build.ManifestName+": edited since it was built (differs from a fresh build's)")
	}
	extra, err := extraFiles(dir, fresh.Files)
	if err != nil {
		return nil, err
	}
	return append(problems, extra...), nil
}

// errNotRegular is an output that is not a regular file, as a build
// writes them.
var errNotRegular = errors.New("not a regular file (a link, a pipe or a device): not written by the build")

// readOutput reads an output file, refusing anything but a regular file:
// opening a pipe would wait for a writer, out of reach of an interrupt.
func readOutput(name string) ([]byte, error) {
	info, err := os.Lstat(name)
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, &fs.PathError{Op: "read", Path: name, Err: errNotRegular}
	}
	return os.ReadFile(name)
}

// extraFiles lists the files under dir that a build did not write: a
// figure left over after it was removed from the data, a temporary file
// of an interrupted run, anything put there by hand.
func extraFiles(dir string, files []publish.File) ([]string, error) {
	written := map[string]bool{}
	for _, f := range files {
		written[filepath.FromSlash(f.Name)] = true
	}
	var extra []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(dir, path)
		if err != nil {
			return err
		}
		if !written[rel] {
			extra = append(extra, filepath.ToSlash(rel)+": not written by the build (left over, or added by hand)")
		}
		return nil
	})
	return extra, err
}
