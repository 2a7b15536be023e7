package commands_test

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/migprofile/migprofile/cmd/migprofile/commands"
)

// lockedBuffer is an output the test reads while the command writes it.
type lockedBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestServe drives migprofile serve: the page is served with the reload
// script (which the file on disk lacks), a change to a data file or to a
// template of the layouts folder rebuilds the profile and sends a reload
// event, a data error shows in the page
// with file:line while the previous build stays, and cancelling (Ctrl-C)
// stops it with exit status 0.
func TestServe(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(filepath.Join(dir, "data", "exemple"), os.DirFS(filepath.Join("..", "..", "..", "report", "build", "testdata", "exemple"))); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "config.yaml"), []byte("profiles: [exemple]\nport: 0\nlayouts: layouts\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	words, err := os.ReadFile(filepath.Join("..", "..", "..", "layouts", "html", "words.html.tmpl"))
	if err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(filepath.Join(dir, "layouts", "html"), 0o755)
	if err := os.WriteFile(filepath.Join(dir, "layouts", "html", "words.html.tmpl"), words, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stdout, stderr lockedBuffer
	exit := make(chan int, 1)
	go func() {
		exit <- commands.Execute(ctx, []string{"serve"}, commands.Env{Stdout: &stdout, Stderr: &stderr})
	}()
	base := waitFor(t, &stdout, regexp.MustCompile(`http://127\.0\.0\.1:\d+/`), exit)

	page := get(t, base+"exemple/exemple.html")
	for _, want := range []string{"Flux migratoires par région", "EventSource(", "12 500"} {
		if !strings.Contains(page, want) {
			t.Errorf("served page lacks %q", want)
		}
	}
	onDisk, err := os.ReadFile(filepath.Join(dir, "out", "exemple", "exemple.html"))
	if err != nil || strings.Contains(string(onDisk), "EventSource") || strings.Contains(string(onDisk), "<script") {
		t.Errorf("the file in out/ holds a script or is missing (%v)", err)
	}
	if folder := get(t, base+"exemple/"); folder != page {
		t.Error("the profile's folder does not show its page")
	}
	if !strings.Contains(get(t, base), "EventSource(") {
		t.Error("the catalogue is not served with the reload script")
	}

	events := listen(t, ctx, base+"_migprofile/events")
	table := filepath.Join(dir, "data", "exemple", "tables", "flux.yaml")
	edit(t, table, "Flux migratoires par région", "Flux revus par région")
	waitEvent(t, events)
	page = poll(t, base+"exemple/exemple.html", func(page string) bool { return strings.Contains(page, "Flux revus par région") })
	if !strings.Contains(page, "Flux revus par région") {
		t.Error("the page did not change with its data")
	}

	edit(t, filepath.Join(dir, "layouts", "html", "words.html.tmpl"), "Skip to main content", "Aller au contenu")
	waitEvent(t, events)
	if page := poll(t, base+"exemple/exemple.html", func(page string) bool { return strings.Contains(page, "Aller au contenu") }); !strings.Contains(page, "Aller au contenu") {
		t.Error("the page did not change with its layouts")
	}

	edit(t, table, "rows:", "rows: [\n")
	waitEvent(t, events)
	errorLine := regexp.MustCompile(`exemple/tables/flux\.yaml:\d+: `)
	page = poll(t, base+"exemple/exemple.html", errorLine.MatchString)
	if !strings.Contains(page, `role="alert"`) || !errorLine.MatchString(page) {
		t.Errorf("the data error is not shown with file:line; stderr:\n%s", stderr.String())
	}
	if !strings.Contains(page, "Flux revus par région") {
		t.Error("the previous good build did not stay")
	}

	cancel()
	select {
	case code := <-exit:
		if code != 0 {
			t.Errorf("exit %d after Ctrl-C, want 0; stderr:\n%s", code, stderr.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not stop after Ctrl-C")
	}
}

func waitFor(t *testing.T, out *lockedBuffer, re *regexp.Regexp, exit chan int) string {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		if m := re.FindString(out.String()); m != "" {
			return m
		}
		select {
		case code := <-exit:
			t.Fatalf("serve exited with %d: %s", code, out.String())
		case <-time.After(20 * time.Millisecond):
		}
	}
	t.Fatalf("serve printed no address: %q", out.String())
	return ""
}

// poll gets url until ok accepts the page or 20 seconds have passed, and
// returns the last page: one save may be seen as several changes.
func poll(t *testing.T, url string, ok func(string) bool) string {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		page := get(t, url)
		if ok(page) || time.Now().After(deadline) {
			return page
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func get(t *testing.T, url string) string {
	t.Helper()
	res, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil || res.StatusCode != 200 {
		t.Fatalf("GET %s: %d %v", url, res.StatusCode, err)
	}
	return string(b)
}

// listen opens the event stream and returns its data lines.
func listen(t *testing.T, ctx context.Context, url string) <-chan string {
	t.Helper()
	req, _ := http.NewRequestWithContext(ctx, "GET", url, nil)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	if ct := res.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("event stream served as %q", ct)
	}
	lines := make(chan string, 16)
	go func() {
		defer res.Body.Close()
		sc := bufio.NewScanner(res.Body)
		for sc.Scan() {
			if strings.HasPrefix(sc.Text(), "data:") {
				lines <- sc.Text()
			}
		}
	}()
	return lines
}

func waitEvent(t *testing.T, events <-chan string) {
	t.Helper()
	select {
	case <-events:
	case <-time.After(20 * time.Second):
		t.Fatal("no reload event after a data change")
	}
}

func edit(t *testing.T, file, old, new string) {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil || !strings.Contains(string(b), old) {
		t.Fatalf("%s lacks %q (%v)", file, old, err)
	}
	if err := os.WriteFile(file, []byte(strings.Replace(string(b), old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
}
