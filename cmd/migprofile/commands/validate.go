package commands

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/migprofile/migprofile/report/load"
)

func newValidate(env Env) *cobra.Command {
	var all bool
	cmd := &cobra.Command{
		Use:   "validate [profile...]",
		Short: "Check profiles and print every error and warning",
		Long: `Validate loads each profile and prints every problem at once, each with its
file, line and field. Errors (malformed files, unknown fields, dangling
references…) make the exit status 1; warnings (arithmetic that disagrees with
the published numbers) are printed and the exit status stays 0.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg, names, err := setup(cmd, env, args, all)
			if err != nil {
				return err
			}
			failed := 0
			for _, name := range names {
				_, diags, err := load.Load(os.DirFS(cfg.Data), name)
				if err != nil {
					fmt.Fprintf(env.Stderr, "%s: %v\n", name, err)
					failed++
					continue
				}
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
