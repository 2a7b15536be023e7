package pdf

import "github.com/migprofile/migprofile/report"

// sourceNote sets sources as a source note: the sources without a label
// of their own run on in one paragraph after "Source:" (or "Sources:"
// over several), separated by semicolons; a source with its own label
// ("Sources of destination countries: …") is a paragraph of its own. A
// link prints as its title or a short form of its address
// (report.LinkText), the full address kept as its target, and a source
// listed twice prints once: fifteen addresses read as a note, not as a
// list of URLs.
func (d *doc) sourceNote(srcs []report.Source, x, w float64) []*box {
	l := d.p.Labels
	var out []*box
	var run []report.Text
	flush := func() {
		if len(run) == 0 {
			return
		}
		label := l.Source
		if len(run) > 1 {
			label = l.Sources
		}
		out = append(out, d.textBoxes(prefixed(l, label, report.JoinNotes(run)), stSource, x, w)...)
		run = nil
	}
	for _, s := range report.UniqueSources(srcs) {
		t := report.SourceText(s.Text)
		if s.Label == "" {
			run = append(run, t)
			continue
		}
		flush()
		out = append(out, d.textBoxes(prefixed(l, s.Label, t), stSource, x, w)...)
	}
	flush()
	return out
}
