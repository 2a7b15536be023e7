package commands

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"html"
	"maps"
	"net"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"
	"github.com/spf13/cobra"

	"github.com/migprofile/migprofile/report"
)

func newServe(env Env) *cobra.Command {
	return &cobra.Command{
		Use:   "serve [profile...]",
		Short: "Preview profiles in a browser, rebuilt as their data change",
		Long: `Serve builds the profiles (those named, else the config's), then serves the
output folder on localhost (the port config key or --port) and rebuilds a
profile whenever a file of its data changes (every profile when a template of
the layouts folder changes); an open page reloads by itself.
A data error is shown at the top of the page with file and line, while the
previous good build stays on disk. Ctrl-C stops it.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg, names, err := setup(cmd, env, args, false)
			if err != nil {
				return err
			}
			return serve(cmd.Context(), cfg, names, env)
		},
	}
}

// eventsPath is where pages served by serve listen for reloads.
const eventsPath = "/_migprofile/events"

// reloadScript is added to every page serve sends (never to the files in
// the output folder): it reloads the page when a build is done.
const reloadScript = `<script>new EventSource("` + eventsPath + `").onmessage=function(){location.reload()}</script>`

// previewer serves the output folder and rebuilds profiles.
type previewer struct {
	cfg Options
	env Env
	mu  sync.Mutex
	// errs holds, by profile, the report of its last failed build.
	errs map[string]string
	// clients are the open event streams, each told of every rebuild.
	clients map[chan struct{}]bool
	// done is closed when the server stops, to end the event streams.
	done chan struct{}
}

// serve builds names, then serves cfg.Out and rebuilds on change until
// ctx is cancelled (Ctrl-C).
func serve(ctx context.Context, cfg Options, names []string, env Env) error {
	p := &previewer{cfg: cfg, env: env, errs: map[string]string{}, clients: map[chan struct{}]bool{}, done: make(chan struct{})}
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	defer w.Close()
	for _, name := range names {
		if err := watchTree(w, filepath.Join(cfg.Data, name)); err != nil {
			return &usageError{fmt.Errorf("serve: %s: %w", name, err)}
		}
	}
	if cfg.LayoutsDir != "" {
		if err := watchTree(w, cfg.LayoutsDir); err != nil {
			return &usageError{fmt.Errorf("serve: layouts: %w", err)}
		}
	}
	p.rebuild(ctx, names)
	ln, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(cfg.Port)))
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	srv := &http.Server{Handler: p, ReadHeaderTimeout: 10 * time.Second}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	fmt.Fprintf(env.Stdout, "serving %s at http://%s/ (Ctrl-C stops)\n", cfg.Out, ln.Addr())

	err = p.watch(ctx, w, names)
	close(p.done)
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if serr := srv.Shutdown(shutdown); serr != nil && err == nil {
		err = fmt.Errorf("serve: %w", serr)
	}
	if serr := <-served; !errors.Is(serr, http.ErrServerClosed) && err == nil {
		err = fmt.Errorf("serve: %w", serr)
	}
	fmt.Fprintln(env.Stderr, "serve: stopped")
	return err
}

// watchTree watches dir and every folder under it (fsnotify watches one
// folder, not its subfolders).
func watchTree(w *fsnotify.Watcher, dir string) error {
	return filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return err
		}
		return w.Add(p)
	})
}

// settle is how long serve waits after a change before rebuilding, so
// that an editor's several writes of one save make one build.
const settle = 100 * time.Millisecond

// watch rebuilds the profiles whose data change until ctx is done.
func (p *previewer) watch(ctx context.Context, w *fsnotify.Watcher, names []string) error {
	pending := map[string]bool{}
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case err := <-w.Errors:
			fmt.Fprintf(p.env.Stderr, "serve: watching: %v\n", err)
		case ev, ok := <-w.Events:
			if !ok {
				return nil
			}
			changed := p.affected(ev.Name, names)
			if len(changed) == 0 {
				continue
			}
			if ev.Has(fsnotify.Create) {
				if info, err := os.Stat(ev.Name); err == nil && info.IsDir() {
					watchTree(w, ev.Name)
				}
			}
			for _, name := range changed {
				pending[name] = true
			}
			timer.Reset(settle)
		case <-timer.C:
			var todo []string
			for _, n := range names {
				if pending[n] {
					todo = append(todo, n)
				}
			}
			clear(pending)
			p.rebuild(ctx, todo)
		}
	}
}

// affected are the profiles a changed file concerns: its profile, or all
// of them for a template of the layouts folder; none for another file.
func (p *previewer) affected(file string, names []string) []string {
	if p.cfg.LayoutsDir != "" {
		if rel, err := filepath.Rel(p.cfg.LayoutsDir, file); err == nil && filepath.IsLocal(rel) {
			return names
		}
	}
	rel, err := filepath.Rel(p.cfg.Data, file)
	if err != nil {
		return nil
	}
	first, _, _ := strings.Cut(filepath.ToSlash(rel), "/")
	if slices.Contains(names, first) {
		return []string{first}
	}
	return nil
}

// rebuild builds the profiles, keeps what failed to show it in the page,
// rewrites the catalogue and tells the open pages to reload.
func (p *previewer) rebuild(ctx context.Context, names []string) {
	for _, name := range names {
		start := time.Now()
		res, err := buildOne(ctx, p.cfg, name)
		var msg string
		if err != nil {
			msg = failure(p.cfg, name, err)
			fmt.Fprint(p.env.Stderr, msg)
		} else {
			fmt.Fprintf(p.env.Stderr, "%s: built in %s, %d warning(s)\n", name, time.Since(start).Round(time.Millisecond), res.warnings)
		}
		p.mu.Lock()
		p.errs[name] = msg
		p.mu.Unlock()
	}
	if err := writeCatalogue(ctx, p.cfg); err != nil {
		fmt.Fprintf(p.env.Stderr, "serve: %v\n", err)
	}
	p.mu.Lock()
	for c := range p.clients {
		select {
		case c <- struct{}{}:
		default: // a reload is already pending
		}
	}
	p.mu.Unlock()
}

// failure is a failed build's report, as build prints it.
func failure(cfg Options, name string, err error) string {
	var b bytes.Buffer
	var de *report.DataError
	if errors.As(err, &de) {
		fmt.Fprintf(&b, "%s: not rebuilt: %d error(s) in the data; the previous build stays:\n", name, len(de.Diagnostics))
		printDiagnostics(&b, cfg.Data, de.Diagnostics)
		return b.String()
	}
	fmt.Fprintf(&b, "%s: not rebuilt: %v; the previous build stays\n", name, err)
	return b.String()
}

// ServeHTTP serves the event stream, the output folder's HTML pages with
// the reload script (and the report of a failed build) added, and its
// other files as they are.
func (p *previewer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == eventsPath {
		p.events(w, r)
		return
	}
	name := path.Clean("/" + r.URL.Path)
	if strings.HasSuffix(r.URL.Path, "/") {
		// A profile's folder shows its page; the output folder, the catalogue.
		name = path.Join(name, path.Base(name)+".html")
		if path.Dir(name) == "/" {
			name = "/index.html"
		}
	}
	if !strings.HasSuffix(name, ".html") {
		http.FileServer(http.Dir(p.cfg.Out)).ServeHTTP(w, r)
		return
	}
	data, err := os.ReadFile(filepath.Join(p.cfg.Out, filepath.FromSlash(name)))
	if err != nil {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.Write(p.inject(data, name))
}

// inject adds the reload script before </body> and, at the top of the
// body, the reports of the failed builds the page shows: its profile's,
// or every profile's on the catalogue.
func (p *previewer) inject(page []byte, name string) []byte {
	profile, _, _ := strings.Cut(strings.TrimPrefix(name, "/"), "/")
	var alert strings.Builder
	p.mu.Lock()
	names := slices.Sorted(maps.Keys(p.errs))
	for _, n := range names {
		if rep := p.errs[n]; rep != "" && (n == profile || name == "/index.html") {
			alert.WriteString(html.EscapeString(rep))
		}
	}
	p.mu.Unlock()
	if alert.Len() > 0 {
		banner := `<div role="alert" style="border:4px solid #d4351c;padding:0 1rem;margin:1rem 0;font-family:sans-serif"><pre style="white-space:pre-wrap">` + alert.String() + `</pre></div>`
		if i := bytes.Index(page, []byte("<body>")); i >= 0 {
			page = slices.Concat(page[:i+len("<body>")], []byte("\n"+banner), page[i+len("<body>"):])
		}
	}
	if i := bytes.LastIndex(page, []byte("</body>")); i >= 0 {
		return slices.Concat(page[:i], []byte(reloadScript+"\n"), page[i:])
	}
	return append(page, reloadScript...)
}

// events streams a "reload" event after each rebuild (server-sent events).
func (p *previewer) events(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	c := make(chan struct{}, 1)
	p.mu.Lock()
	p.clients[c] = true
	p.mu.Unlock()
	defer func() {
		p.mu.Lock()
		delete(p.clients, c)
		p.mu.Unlock()
	}()
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	fmt.Fprint(w, ": connected\n\n")
	flusher.Flush()
	for {
		select {
		case <-r.Context().Done():
			return
		case <-p.done:
			return
		case <-c:
			fmt.Fprint(w, "data: reload\n\n")
			flusher.Flush()
		}
	}
}
