package pdf

import "testing"

func TestParsePageSize(t *testing.T) {
	tests := []struct {
		in      string
		want    PageSize
		wantErr bool
	}{
		{"", A4, false},
		{"A4", A4, false},
		{"a4", A4, false},
		{"Letter", Letter, false},
		{"LETTER", Letter, false},
		{"A5", "", true},
		{" A4", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParsePageSize(tt.in)
			if (err != nil) != tt.wantErr || got != tt.want {
				t.Errorf("got %q, %v; want %q, error %v", got, err, tt.want, tt.wantErr)
			}
		})
	}
}
