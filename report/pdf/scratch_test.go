package pdf

import (
	"os"
	"testing"
)

func TestScratch(t *testing.T) {
	if *outFile == "" {
		t.Skip()
	}
	os.WriteFile("/tmp/long.pdf", render(t, longProfile(t), Options{Figure: frameFigure}), 0o644)
	os.WriteFile("/tmp/odd.pdf", render(t, smallProfile("Migration 🚀 and 👩‍👩‍👧 families, tab\there, Enquête à Caractère — “quotes” ’ … "+string(rune(0x10FFFF))), Options{}), 0o644)
}
