package commands

import (
	"errors"
	"fmt"
	"os"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/migprofile/migprofile/report/load"
)

func newList(env Env) *cobra.Command {
	return &cobra.Command{
		Use:   "list",
		Short: "List the profiles under the data folder with their title and date",
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 {
				return &usageError{fmt.Errorf("list takes no arguments, got %q", args[0])}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg, err := loadConfig(cmd.Flags(), env.Environ)
			if err != nil {
				return &usageError{err}
			}
			if err := checkFolder("data", cfg.Data); err != nil {
				return &usageError{err}
			}
			fsys := os.DirFS(cfg.Data)
			names, skipped, err := load.List(fsys)
			if err != nil {
				return &usageError{fmt.Errorf("data folder %s: %w", cfg.Data, errors.Unwrap(err))}
			}
			warnSkipped(env, skipped)
			w := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(w, "PROFILE\tTITLE\tDATE")
			for _, name := range names {
				m, err := load.ReadMeta(fsys, name)
				if err != nil {
					fmt.Fprintf(w, "%s\t(unreadable: %v)\t\n", name, err)
					continue
				}
				fmt.Fprintf(w, "%s\t%s\t%s\n", name, m.Title+": "+m.Country, m.Date)
			}
			return w.Flush()
		},
	}
}

// warnSkipped says which folders hold a profile.yaml but were skipped,
// and why: a profile never disappears without a word.
func warnSkipped(env Env, skipped []string) {
	for _, s := range skipped {
		fmt.Fprintf(env.Stderr, "warning: skipping folder %s\n", s)
	}
}
