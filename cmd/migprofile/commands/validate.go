package commands

import (
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/migprofile/migprofile/report"
	"github.com/migprofile/migprofile/report/build"
)

func newValidate(env Env) *cobra.Command {
	var all bool
	cmd := &cobra.Command{
		Use:   "validate [profile...]",
		Short: "Check profiles and print every error and warning",
		Long: `Validate runs the build of each profile without writing anything, and prints
every problem at once, each with its file, line and field: what the loader
finds, and what only setting the documents finds (a table wider than the page,
a character no font draws). Errors (malformed files, unknown fields, dangling
references…) make the exit status 1; warnings (arithmetic that disagrees with
the published numbers) are printed and the exit status stays 0.`,
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
				// The build's own pipeline, so that validate refuses
				// exactly what build refuses.
				res, err := build.Profile(cmd.Context(), os.DirFS(cfg.Data), name, version(), cfg.build())
				var de *report.DataError
				if errors.Is(err, context.Canceled) {
					return err
				}
				if err != nil && !errors.As(err, &de) {
					fmt.Fprintf(env.Stderr, "%s: %v\n", name, err)
					failed++
					continue
				}
				diags := res.Diagnostics
				printDiagnostics(env.Stdout, cfg.Data, diags)
				errs, warns := len(diags.Errors()), len(diags.Warnings())
				fmt.Fprintf(env.Stdout, "%s: %d error(s), %d warning(s)\n", name, errs, warns)
				if errs > 0 {
					failed++
				}
			}
			if failed > 0 {
				return &failedError{failed}
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&all, "all", false, "validate every profile under the data folder")
	return cmd
}
