package load

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/migprofile/migprofile/report"
)

// decoder turns YAML nodes into the file structs of this package, keeping
// every problem it meets instead of stopping at the first, each with its
// file, line and field path.
//
// Struct fields are matched by their `yaml:"name"` tag; a `req:"true"` tag
// makes the key required and its value non-empty. A field of type
// report.Pos receives the position of the mapping it belongs to. A type
// with a decodeYAML method decodes itself (unions such as a body block).
type decoder struct {
	file  string
	diags report.Diagnostics
}

// selfDecoder is implemented by file types whose YAML shape varies (a
// plain string or a mapping).
type selfDecoder interface {
	decodeYAML(d *decoder, n *yaml.Node, path string)
}

var (
	posType         = reflect.TypeFor[report.Pos]()
	selfDecoderType = reflect.TypeFor[selfDecoder]()
)

func (d *decoder) pos(n *yaml.Node) report.Pos {
	return report.Pos{File: d.file, Line: n.Line, Col: n.Column}
}

func (d *decoder) errorf(n *yaml.Node, path, format string, args ...any) {
	d.diags = append(d.diags, report.Diagnostic{
		Severity: report.Error,
		Pos:      d.pos(n),
		Path:     path,
		Msg:      fmt.Sprintf(format, args...),
	})
}

// errorAt reports an error at a position already read, for a check made
// once a whole mapping is decoded.
func (d *decoder) errorAt(p report.Pos, path, format string, args ...any) {
	d.diags = append(d.diags, report.Diagnostic{Severity: report.Error, Pos: p, Path: path, Msg: fmt.Sprintf(format, args...)})
}

// decode fills v (a pointer) from node n.
func (d *decoder) decode(n *yaml.Node, path string, v any) {
	d.value(n, path, reflect.ValueOf(v).Elem())
}

func (d *decoder) value(n *yaml.Node, path string, v reflect.Value) {
	if n.Kind == yaml.AliasNode {
		d.errorf(n, path, "YAML aliases are not supported; write the value out")
		return
	}
	if v.CanAddr() && v.Addr().Type().Implements(selfDecoderType) {
		v.Addr().Interface().(selfDecoder).decodeYAML(d, n, path)
		return
	}
	switch v.Kind() {
	case reflect.Struct:
		d.mapping(n, path, v)
	case reflect.Slice:
		d.sequence(n, path, v)
	case reflect.String:
		if s, ok := d.text(n, path); ok {
			v.SetString(s)
		}
	case reflect.Bool:
		if n.Kind != yaml.ScalarNode || n.Tag != "!!bool" {
			d.errorf(n, path, "want true or false, got %s", describe(n))
			return
		}
		v.SetBool(n.Value == "true")
	case reflect.Int:
		if n.Kind != yaml.ScalarNode || n.Tag != "!!int" {
			d.errorf(n, path, "want a whole number, got %s", describe(n))
			return
		}
		i, err := strconv.Atoi(n.Value)
		if err != nil {
			d.errorf(n, path, "want a whole number, got %q", n.Value)
			return
		}
		v.SetInt(int64(i))
	default:
		panic("load: unsupported field type " + v.Type().String())
	}
}

// text returns the scalar's text. Numbers and dates are accepted as text
// ("2001" for a period); null is the empty string.
func (d *decoder) text(n *yaml.Node, path string) (string, bool) {
	if n.Kind == yaml.AliasNode {
		d.errorf(n, path, "YAML aliases are not supported; write the value out")
		return "", false
	}
	if n.Kind != yaml.ScalarNode {
		d.errorf(n, path, "want text, got %s", describe(n))
		return "", false
	}
	if n.Tag == "!!null" {
		return "", true
	}
	if n.Tag == "!!binary" {
		d.errorf(n, path, "want text, got binary data")
		return "", false
	}
	s := n.Value
	if !utf8.ValidString(s) {
		d.errorf(n, path, "text is not valid UTF-8")
		return "", false
	}
	for i, r := range s {
		if unicode.IsControl(r) && r != '\n' && r != '\t' {
			d.errorf(n, path, "control character %U at byte %d; remove it", r, i)
			return "", false
		}
	}
	if len(s) > maxText {
		d.errorf(n, path, "text is %d bytes long; the limit is %d (the most a workbook cell holds)", len(s), maxText)
		return "", false
	}
	return s, true
}

// maxText bounds a single text value: longer is certainly a mistake, would
// make every renderer slow, and would be cut in the workbook, whose cells
// hold at most 32,767 characters (UTF-16 units, never more than the
// UTF-8 bytes counted here).
const maxText = 32767

func (d *decoder) mapping(n *yaml.Node, path string, v reflect.Value) {
	if n.Kind != yaml.MappingNode {
		d.errorf(n, path, "want a mapping (key: value), got %s", describe(n))
		return
	}
	t := v.Type()
	fields := map[string]int{}
	var names []string
	for i := range t.NumField() {
		f := t.Field(i)
		if f.Type == posType {
			v.Field(i).Set(reflect.ValueOf(d.pos(n)))
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		if name == "" || name == "-" {
			continue
		}
		fields[name] = i
		names = append(names, name)
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		key := k.Value
		fieldPath := join(path, key)
		idx, ok := fields[key]
		if !ok {
			d.errorf(k, fieldPath, "unknown field %q (known: %s)", key, strings.Join(names, ", "))
			continue
		}
		if seen[key] {
			d.errorf(k, fieldPath, "field %q given twice", key)
			continue
		}
		seen[key] = true
		before := len(d.diags)
		d.value(val, fieldPath, v.Field(idx))
		if t.Field(idx).Tag.Get("req") == "true" && len(d.diags) == before && isEmpty(v.Field(idx)) {
			d.errorf(val, fieldPath, "must not be empty")
		}
	}
	for _, name := range names {
		if !seen[name] && t.Field(fields[name]).Tag.Get("req") == "true" {
			d.errorf(n, join(path, name), "required field %q is missing", name)
		}
	}
}

func (d *decoder) sequence(n *yaml.Node, path string, v reflect.Value) {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return
	}
	if n.Kind != yaml.SequenceNode {
		d.errorf(n, path, "want a list, got %s", describe(n))
		return
	}
	s := reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content))
	for i, item := range n.Content {
		d.value(item, fmt.Sprintf("%s[%d]", path, i), s.Index(i))
	}
	v.Set(s)
}

func isEmpty(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.String:
		return strings.TrimSpace(v.String()) == ""
	case reflect.Slice:
		return v.Len() == 0
	case reflect.Struct:
		if p, ok := v.Addr().Interface().(*posString); ok {
			return strings.TrimSpace(p.S) == ""
		}
	}
	return false
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// describe names a node's kind for messages: "a list", "a mapping", "the number 12".
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "a list"
	case yaml.MappingNode:
		return "a mapping"
	case yaml.AliasNode:
		return "an alias"
	}
	switch n.Tag {
	case "!!null":
		return "nothing"
	case "!!int", "!!float":
		return "the number " + n.Value
	case "!!bool":
		return n.Value
	}
	return strconv.Quote(n.Value)
}

// posString is a text value that remembers where it was written, for
// fields that name something defined elsewhere (an id, a reference).
type posString struct {
	report.Pos
	S string
	// OK is false when the value could not be read as text (reported).
	OK bool
}

func (p *posString) decodeYAML(d *decoder, n *yaml.Node, path string) {
	p.Pos = d.pos(n)
	p.S, p.OK = d.text(n, path)
}

// rawScalar is a scalar kept as written, with its position: table values,
// whose digits ("100.0") matter more than YAML's reading of them.
type rawScalar struct {
	report.Pos
	Path  string
	Text  string
	Null  bool
	Valid bool
}

func (r *rawScalar) decodeYAML(d *decoder, n *yaml.Node, path string) {
	r.Pos, r.Path = d.pos(n), path
	if n.Kind != yaml.ScalarNode {
		d.errorf(n, path, "want a number, \"-\" or \"\", got %s", describe(n))
		return
	}
	if n.Tag == "!!null" {
		r.Null, r.Valid = true, true
		return
	}
	s, ok := d.text(n, path)
	r.Text, r.Valid = s, ok
}
