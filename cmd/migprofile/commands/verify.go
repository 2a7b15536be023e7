package commands

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/migprofile/migprofile/report/build"
	"github.com/migprofile/migprofile/report/load"
)

func newVerify(env Env) *cobra.Command {
	var all bool
	cmd := &cobra.Command{
		Use:   "verify [profile...]",
		Short: "Check that the outputs on disk are what a fresh build would write",
		Long: `Verify rebuilds each profile in memory and compares the result with the
outputs on disk and with their manifest.json. It reports outputs that are
missing, stale (the data or config changed since they were built) or edited by
hand, and exits 1 if any differs.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg, names, err := setup(cmd, env, args, all)
			if err != nil {
				return err
			}
			var layouts fs.FS
			if cfg.Layouts != "" {
				layouts = os.DirFS(cfg.Layouts)
			}
			failed := 0
			for _, name := range names {
				problems, err := verifyOne(cmd, cfg, name, layouts, env)
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

func verifyOne(cmd *cobra.Command, cfg Config, name string, layouts fs.FS, env Env) ([]string, error) {
	dir := filepath.Join(cfg.Out, name)
	data, err := os.ReadFile(filepath.Join(dir, build.ManifestName))
	if errors.Is(err, fs.ErrNotExist) {
		return []string{fmt.Sprintf("no %s in %s: not built yet", build.ManifestName, dir)}, nil
	}
	if err != nil {
		return nil, err
	}
	var recorded build.Manifest
	if err := json.Unmarshal(data, &recorded); err != nil {
		return nil, fmt.Errorf("%s: %w", filepath.Join(dir, build.ManifestName), err)
	}
	p, diags, err := load.Load(os.DirFS(cfg.Data), name)
	if err != nil {
		return nil, err
	}
	if err := diags.Err(); err != nil {
		return nil, err
	}
	date, err := reportDate(cfg, env.Environ, p.Meta.ISODate)
	if err != nil {
		return nil, err
	}
	files, err := render(cmd.Context(), cfg, p, date, layouts)
	if err != nil {
		return nil, err
	}
	fresh := files[len(files)-1] // the manifest comes last
	var current build.Manifest
	if err := json.Unmarshal(fresh.Data, &current); err != nil {
		return nil, err
	}

	var problems []string
	if recorded.Inputs != current.Inputs {
		problems = append(problems, "stale: the data or the config changed since the last build")
	}
	want := map[string]string{}
	for _, f := range recorded.Files {
		want[f.Name] = f.SHA256
	}
	for _, f := range files[:len(files)-1] {
		onDisk, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(f.Name)))
		switch {
		case errors.Is(err, fs.ErrNotExist):
			problems = append(problems, f.Name+": missing")
		case err != nil:
			return nil, err
		case want[f.Name] != "" && build.Hash(onDisk) != want[f.Name]:
			problems = append(problems, f.Name+": edited since it was built (differs from manifest.json)")
		case !bytes.Equal(onDisk, f.Data):
			problems = append(problems, f.Name+": differs from a fresh build")
		}
	}
	return problems, nil
}
