// Package load reads a profile's data folder (docs/data-format.md) into the
// report model.
//
// Loading never stops at the first problem: every malformed file, unknown
// field, wrong type, unparsable number and dangling reference is collected
// as a report.Diagnostic naming file, line and field, and the model's own
// validation (report.Profile.Validate) runs on whatever could be read.
package load

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/migprofile/migprofile/report"
)

// ErrNotFound is returned when the data folder has no profile of that name.
var ErrNotFound = errors.New("profile not found")

// maxTotal bounds the data of one profile, all its YAML files together:
// Mali's is 60 KB; a profile a thousand times larger is still a mistake.
var maxTotal int64 = 64 << 20 // a variable only so that a test can lower it

// maxFile bounds the size of one data file. A profile's largest file is a
// few kilobytes; anything near this limit is a mistake, not data.
const maxFile = 4 << 20

// Load reads the profile folder name of fsys and returns the validated
// profile and every problem found. The profile is nil when there are
// errors. The error result is for problems outside the data (a bad name,
// a missing folder).
func Load(fsys fs.FS, name string) (*report.Profile, report.Diagnostics, error) {
	return LoadContext(context.Background(), fsys, name)
}

// LoadContext is Load, stopped by ctx: every read of the folder checks
// it, so that an interrupt ends loading at the next read, and the error
// result is then ctx's error.
func LoadContext(ctx context.Context, fsys fs.FS, name string) (*report.Profile, report.Diagnostics, error) {
	if err := CheckName(name); err != nil {
		return nil, nil, err
	}
	fsys = ctxFS{ctx, fsys}
	if info, err := fs.Lstat(fsys, name); err == nil && info.Mode()&fs.ModeSymlink != 0 {
		return nil, nil, fmt.Errorf("load: %q: the profile folder %w", name, errLink)
	}
	info, err := fs.Stat(fsys, name)
	if errors.Is(err, fs.ErrNotExist) || (err == nil && !info.IsDir()) {
		return nil, nil, fmt.Errorf("load: %q: %w", name, ErrNotFound)
	}
	if err != nil {
		return nil, nil, fmt.Errorf("load: %w", err)
	}
	l := &loader{ctx: ctx, fsys: fsys, dir: name}
	p := l.load()
	if err := ctx.Err(); err != nil {
		return nil, nil, err // what was read is incomplete, not wrong
	}
	diags := l.diags
	if p != nil && len(diags.Errors()) == 0 {
		diags = append(diags, p.Validate()...)
	}
	diags.Sort()
	if len(diags.Errors()) > 0 {
		return nil, diags, nil
	}
	return p, diags, nil
}

// CheckName rejects profile names that are not a single folder name, such
// as "../x" or "/etc", so that a name never reaches outside the data folder.
func CheckName(name string) error {
	if !idPattern.MatchString(name) {
		return fmt.Errorf("load: invalid profile name %q: use lower-case letters, digits, '-' and '_'", name)
	}
	return nil
}

var idPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]*$`)

// List returns the names of the folders of fsys that hold a profile.yaml,
// sorted, and why each folder that holds one was skipped (the caller says
// so): a name that is not a valid profile name, or a symbolic link.
func List(fsys fs.FS) (names, skipped []string, err error) {
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, nil, fmt.Errorf("load: %w", err)
	}
	for _, e := range entries {
		if !e.IsDir() && e.Type()&fs.ModeSymlink == 0 {
			continue
		}
		if _, err := fs.Stat(fsys, path.Join(e.Name(), "profile.yaml")); err != nil {
			continue
		}
		switch {
		case e.Type()&fs.ModeSymlink != 0:
			skipped = append(skipped, fmt.Sprintf("%q: %v", e.Name(), errLink))
		case CheckName(e.Name()) != nil:
			skipped = append(skipped, fmt.Sprintf("%q: not a profile name (lower-case letters, digits, '-' and '_')", e.Name()))
		default:
			names = append(names, e.Name())
		}
	}
	return names, skipped, nil
}

type loader struct {
	ctx   context.Context
	fsys  fs.FS
	dir   string
	diags report.Diagnostics
	// total counts the bytes of data read, against maxTotal.
	total int64
}

func (l *loader) errorf(pos report.Pos, path, format string, args ...any) {
	l.diags = append(l.diags, report.Diagnostic{Severity: report.Error, Pos: pos, Path: path, Msg: fmt.Sprintf(format, args...)})
}

func (l *loader) warnf(pos report.Pos, path, format string, args ...any) {
	l.diags = append(l.diags, report.Diagnostic{Severity: report.Warning, Pos: pos, Path: path, Msg: fmt.Sprintf(format, args...)})
}

// errLink is returned for a data file that is a symbolic link.
var errLink = errors.New("is a symbolic link; a profile folder holds its own files (a link could read any file of the machine)")

// readRegular reads file, which must be a regular file of at most limit
// bytes: never a symbolic link (which could print /etc/passwd into the
// diagnostics), a device (/dev/zero would exhaust memory) or a pipe
// (which would hang the build). The check does not follow links
// (fs.Lstat), and the read stops at limit even if the file grows.
func readRegular(fsys fs.FS, file string, limit int64) ([]byte, error) {
	// Lstat follows links in the folders above the file: refuse them too
	// (a tables/ linked to /etc would read the host's YAML files).
	for dir := path.Dir(file); dir != "."; dir = path.Dir(dir) {
		if info, err := fs.Lstat(fsys, dir); err == nil && info.Mode()&fs.ModeSymlink != 0 {
			return nil, fmt.Errorf("is in %s/, which %w", path.Base(dir), errLink)
		}
	}
	info, err := fs.Lstat(fsys, file)
	switch {
	case err != nil:
		return nil, err
	case info.Mode()&fs.ModeSymlink != 0:
		return nil, errLink
	case !info.Mode().IsRegular():
		return nil, errors.New("is not a regular file")
	case info.Size() > limit:
		return nil, fmt.Errorf("is %d bytes; the limit is %d", info.Size(), limit)
	}
	f, err := fsys.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("is over the limit of %d bytes", limit)
	}
	return data, nil
}

// readFile decodes one YAML file into v. It reports false when the file
// could not be read at all (missing, not YAML, not UTF-8).
func (l *loader) readFile(name string, v any) bool {
	file := path.Join(l.dir, name)
	if l.ctx.Err() != nil {
		return false // interrupted: LoadContext returns the context's error
	}
	if info, err := fs.Lstat(l.fsys, file); err == nil && l.total+info.Size() > maxTotal {
		l.errorf(report.Pos{File: file}, "", "the profile's files total more than %d bytes, the limit; %s is not read", maxTotal, name)
		return false
	}
	data, err := readRegular(l.fsys, file, maxFile)
	l.total += int64(len(data))
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			l.errorf(report.Pos{File: file}, "", "file is missing")
		} else {
			l.errorf(report.Pos{File: file}, "", "file %v", pathless(err))
		}
		return false
	}
	data = trimBOM(data)
	if len(data) > maxFile {
		l.errorf(report.Pos{File: file}, "", "file is %d bytes; the limit is %d", len(data), maxFile)
		return false
	}
	if !utf8.Valid(data) {
		line, col := invalidUTF8(data)
		l.errorf(report.Pos{File: file, Line: line, Col: col}, "", "file is not valid UTF-8")
		return false
	}
	if i, r := unprintable(data); i >= 0 {
		// YAML refuses these characters without saying where: say it.
		line, col := position(data[:i])
		pos := report.Pos{File: file, Line: line, Col: col}
		if r == 0 {
			l.errorf(pos, "", "a NUL byte (U+0000): remove it")
		} else {
			l.errorf(pos, "", "control character %U, which YAML does not allow: remove it", r)
		}
		return false
	}
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&doc); err != nil && !errors.Is(err, io.EOF) {
		l.errorf(report.Pos{File: file, Line: yamlErrorLine(err)}, "", "malformed YAML: %s", yamlErrorText(err))
		return false
	}
	// A second document ("---") would be dropped unread, with whatever
	// keys it holds: one document per file.
	var extra yaml.Node
	if err := dec.Decode(&extra); !errors.Is(err, io.EOF) {
		pos := report.Pos{File: file, Line: extra.Line, Col: extra.Column}
		if err != nil {
			pos = report.Pos{File: file, Line: yamlErrorLine(err)}
		}
		l.errorf(pos, "", "a second YAML document (after ---): a data file holds one")
		return false
	}
	if len(doc.Content) == 0 {
		l.errorf(report.Pos{File: file}, "", "file is empty")
		return false
	}
	d := &decoder{file: file}
	d.decode(doc.Content[0], "", v)
	l.diags = append(l.diags, d.diags...)
	return true
}

// invalidUTF8 returns the line and column of the first invalid byte.
// position returns the line and column just after prefix.
func position(prefix []byte) (line, col int) {
	line = 1 + bytes.Count(prefix, []byte("\n"))
	col = 1 + utf8.RuneCount(prefix[bytes.LastIndexByte(prefix, '\n')+1:])
	return line, col
}

func invalidUTF8(data []byte) (line, col int) {
	line, col = 1, 1
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		if r == utf8.RuneError && size <= 1 {
			return line, col
		}
		if r == '\n' {
			line, col = line+1, 0
		}
		col++
		data = data[size:]
	}
	return line, col
}

// unprintable returns the offset and value of the first character YAML
// refuses to read (YAML 1.2, 5.1: C0 and C1 controls other than tab, line
// feed, carriage return and NEL; U+FFFE and U+FFFF), or -1.
// The text is valid UTF-8.
func unprintable(data []byte) (int, rune) {
	for i, r := range string(data) {
		switch {
		case r == '\t' || r == '\n' || r == '\r' || r == 0x85:
		case r < 0x20 || (r >= 0x7f && r < 0xa0) || r == 0xfffe || r == 0xffff:
			return i, r
		}
	}
	return -1, 0
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): `)

// yamlErrorLine returns the line of a YAML syntax error. yaml.v3 leaves
// out "line 1" (it counts from 0 and omits 0), and every error of the
// parser has a line once invalid UTF-8 and unprintable characters are
// refused first: no line means line 1.
func yamlErrorLine(err error) int {
	m := yamlLine.FindStringSubmatch(err.Error())
	if m == nil {
		return 1
	}
	n := 0
	fmt.Sscan(m[1], &n)
	return n
}

func yamlErrorText(err error) string {
	s := yamlLine.ReplaceAllString(err.Error(), "")
	return strings.TrimPrefix(s, "yaml: ")
}

// files lists the .yaml files of a sub-folder by id (name without
// extension), sorted. Other files are errors: a stray "table.yml" or
// "notes.txt" would otherwise be silently ignored.
func (l *loader) files(sub string) []string {
	folder := path.Join(l.dir, sub)
	if info, err := fs.Lstat(l.fsys, folder); err == nil && info.Mode()&fs.ModeSymlink != 0 {
		// Listing it would print the names of another folder's files.
		l.errorf(report.Pos{File: folder}, "", "folder %v", errLink)
		return nil
	}
	entries, err := fs.ReadDir(l.fsys, folder)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		l.errorf(report.Pos{File: folder}, "", "%v", err)
		return nil
	}
	var ids []string
	for _, e := range entries {
		name := e.Name()
		if strings.HasPrefix(name, ".") {
			continue
		}
		file := path.Join(l.dir, sub, name)
		id, ok := strings.CutSuffix(name, ".yaml")
		switch {
		case e.IsDir() || !ok:
			l.errorf(report.Pos{File: file}, "", "unexpected file; %s/ holds only .yaml files", sub)
		case !fileID.MatchString(id):
			l.errorf(report.Pos{File: file}, "", "invalid file name: the id %q must be lower-case letters, digits and '-'", id)
		default:
			ids = append(ids, id)
		}
	}
	sort.Strings(ids)
	return ids
}

var fileID = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)

// trimBOM drops a UTF-8 byte order mark that some editors write.
func trimBOM(b []byte) []byte { return bytes.TrimPrefix(b, []byte("\xef\xbb\xbf")) }

// ReadMeta reads only a profile's metadata (profile.yaml), for listings
// that must work even when the rest of the profile has errors.
func ReadMeta(fsys fs.FS, name string) (report.Meta, error) {
	if err := CheckName(name); err != nil {
		return report.Meta{}, err
	}
	l := &loader{ctx: context.Background(), fsys: fsys, dir: name}
	var pf profileFile
	l.readFile("profile.yaml", &pf)
	c := &compiler{loader: l}
	m := c.meta(pf)
	if errs := l.diags.Errors(); len(errs) > 0 {
		return m, errs.Err()
	}
	return m, nil
}
