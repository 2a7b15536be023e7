package pdf

import (
	"bytes"
	"flag"
	"os"
	"testing"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"github.com/migprofile/migprofile/report"
	"github.com/migprofile/migprofile/report/reporttest"
)

var (
	update  = flag.Bool("update", false, "rewrite the golden files under testdata/")
	outFile = flag.String("out", "", "also write the Mali PDF to this file, for viewing")
)

var testDate = time.Date(2010, 5, 1, 0, 0, 0, 0, time.UTC)

// frameFigure stands in for charts.DrawPDF: a framed box with the title.
func frameFigure(pdf *fpdf.Fpdf, f *report.Figure, x, y, w, h float64) error {
	pdf.SetDrawColor(120, 120, 120)
	pdf.SetLineWidth(0.3)
	pdf.Rect(x, y, w, h, "D")
	return nil
}

func TestWriteMali(t *testing.T) {
	if *outFile == "" {
		t.Skip("no -out")
	}
	p := reporttest.Mali(t)
	var buf bytes.Buffer
	if err := Render(&buf, p, Options{Date: testDate, Figure: frameFigure}); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(*outFile, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	d, err := layout(p, Options{Date: testDate, Figure: frameFigure})
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(*outFile+".log", []byte(d.layoutLog()), 0o644); err != nil {
		t.Fatal(err)
	}
}
