package load_test

import (
	"strings"
	"testing"

	"github.com/migprofile/migprofile/report"
	"github.com/migprofile/migprofile/report/load"
)

const profileHead = "title: M\ncountry: T\ndate: D\niso_date: \"2010-05\"\nlanguage: en\nauthors: [A]\npublisher: P\nframeworks: [main]\n"

// TestContact checks that profile.yaml's contact is read into the model.
func TestContact(t *testing.T) {
	fsys := with(minimal(), "mini/profile.yaml", profileHead+"contact: {name: Press office, email: info@example.org, url: \"https://example.org/contact\"}\n")
	p, diags, err := load.Load(fsys, "mini")
	if err != nil || len(diags.Errors()) > 0 {
		t.Fatalf("load: %v %v", err, diags)
	}
	want := report.Contact{Name: "Press office", Email: "info@example.org", URL: "https://example.org/contact"}
	if p.Meta.Contact != want {
		t.Errorf("contact: got %+v, want %+v", p.Meta.Contact, want)
	}
}

// TestContactErrors has one case per mistake in a contact, each reported
// with file, line, column and field.
func TestContactErrors(t *testing.T) {
	tests := []struct{ name, data, want string }{
		{"UnknownField", "contact: {name: N, phone: 123}\n", `mini/profile.yaml:9:20: contact.phone: unknown field "phone" (known: name, email, url)`},
		{"BadEmail", "contact: {email: \"mailto:info@example.org\"}\n", `mini/profile.yaml:9:18: contact.email: want an e-mail address such as info@example.org, got "mailto:info@example.org"`},
		{"BadURL", "contact: {url: \"javascript:alert(1)\"}\n", `mini/profile.yaml:9:16: contact.url: want a web address (https://…, http://…, www.…), got "javascript:alert(1)"`},
		{"Empty", "contact: {}\n", `mini/profile.yaml:9:10: contact: want at least one of name, email and url`},
		{"NotAMapping", "contact: info@example.org\n", `mini/profile.yaml:9:10: contact: want a mapping`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := diagnostics(t, with(minimal(), "mini/profile.yaml", profileHead+tt.data))
			for _, g := range got {
				if strings.Contains(g, tt.want) {
					return
				}
			}
			t.Errorf("no error containing\n  %s\ngot:\n  %s", tt.want, strings.Join(got, "\n  "))
		})
	}
}
