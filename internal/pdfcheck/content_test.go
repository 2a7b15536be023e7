package pdfcheck

import (
	"testing"
)

func TestScanContent(t *testing.T) {
	tests := []struct {
		name                          string
		in                            string
		textOps, outside, mcids, nest int
	}{
		{"string with parentheses and EMC", `/P <</MCID 0>> BDC (a (nested) \) EMC) Tj EMC`, 1, 0, 1, 0},
		{"octal and line-continuation escapes", "/P <</MCID 0>> BDC (\\101\\\nB\\)) Tj EMC", 1, 0, 1, 0},
		{"hex string with >> inside a dict", `/P <</MCID 0 /Alt <3e3e>>> BDC <41> Tj EMC`, 1, 0, 1, 0},
		{"MCID in an enclosing sequence", `/Sect <</MCID 0>> BDC /Span BMC (a) Tj EMC EMC`, 1, 0, 1, 0},
		{"artifact", `/Artifact BMC (a) Tj EMC (b) Tj`, 2, 1, 0, 0},
		{"comment hides an EMC", "/P <</MCID 0>> BDC % EMC\n(a) Tj EMC", 1, 0, 1, 0},
		{"name with #20", `/Image#20Caption <</MCID 1>> BDC (a) ' EMC`, 1, 0, 1, 0},
		{"inline image data", "/P <</MCID 0>> BDC BI /W 1 ID \x00EMC\xff EI (a) Tj EMC", 1, 0, 1, 0},
		{"unclosed", `/P <</MCID 0>> BDC (a) Tj`, 1, 0, 1, 1},
		{"extra EMC", `(a) Tj EMC`, 1, 1, 0, 1},
		{"MCID inside an artifact", `/Artifact BMC /P <</MCID 0>> BDC EMC EMC`, 0, 0, 1, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pc := scanContent([]byte(tt.in), nil)
			got := []int{pc.textOps, pc.textOutside, len(pc.mcids), len(pc.problems)}
			want := []int{tt.textOps, tt.outside, tt.mcids, tt.nest}
			if got[0] != want[0] || got[1] != want[1] || got[2] != want[2] || got[3] != want[3] {
				t.Errorf("text ops, outside, MCIDs, problems = %v, want %v (%v)", got, want, pc.problems)
			}
		})
	}
}

// FuzzScanContent feeds the tokenizer arbitrary bytes: it must end and
// never panic, and never count more text outside than it counts at all.
func FuzzScanContent(f *testing.F) {
	f.Add([]byte(goodContent))
	f.Add([]byte(`/P <</MCID 0 /A [<41> (b\)) /N]>> BDC [(x) 1 (y)] TJ EMC`))
	f.Add([]byte("BI /W 1 ID \x00 EI"))
	f.Fuzz(func(t *testing.T, b []byte) {
		pc := scanContent(b, func(string) (int, bool) { return 0, true })
		if pc.textOutside > pc.textOps {
			t.Errorf("text outside %d > text ops %d", pc.textOutside, pc.textOps)
		}
	})
}
