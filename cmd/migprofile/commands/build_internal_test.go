package commands

import (
	"math"
	"os"
	"path/filepath"
	"runtime/debug"
	"testing"
)

// TestFitMemoryLimit: the memory ceiling main sets rises with the data of
// the largest profile built, so that the collector never works against a
// ceiling the live data fill (a 90,000-row table took 11.9 s under the
// fixed 45 MB ceiling, 2.7 s without it); ordinary profiles keep it; a
// process without a ceiling (GOGC or GOMEMLIMIT set) gets none.
func TestFitMemoryLimit(t *testing.T) {
	old := debug.SetMemoryLimit(-1)
	t.Cleanup(func() { debug.SetMemoryLimit(old) })
	data := t.TempDir()
	write := func(name string, size int) {
		os.MkdirAll(filepath.Join(data, name), 0o755)
		if err := os.WriteFile(filepath.Join(data, name, "profile.yaml"), make([]byte, size), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("small", 60<<10)
	write("large", 2<<20)
	const ceiling = 45 << 20

	debug.SetMemoryLimit(ceiling)
	fitMemoryLimit(data, []string{"small"})
	if got := debug.SetMemoryLimit(-1); got != ceiling {
		t.Errorf("a 60 KB profile moved the ceiling to %d", got)
	}
	fitMemoryLimit(data, []string{"small", "large"})
	if got, want := debug.SetMemoryLimit(-1), int64(ceiling+2<<20*bytesPerDataByte); got < want {
		t.Errorf("a 2 MB profile left the ceiling at %d MB, want at least %d MB", got>>20, want>>20)
	}
	debug.SetMemoryLimit(math.MaxInt64)
	fitMemoryLimit(data, []string{"large"})
	if got := debug.SetMemoryLimit(-1); got != math.MaxInt64 {
		t.Errorf("set a ceiling of %d where there was none", got)
	}
}
