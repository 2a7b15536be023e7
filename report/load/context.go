package load

import (
	"context"
	"io/fs"
)

// ctxFS is the profile folder as the loader reads it: every call, and
// every read of an open file, first checks the context, so that an
// interrupt stops loading at the next read instead of after the last
// file. It keeps the wrapped file system's Lstat (fs.ReadLinkFS): the
// loader's refusal of symbolic links depends on it.
type ctxFS struct {
	ctx  context.Context
	fsys fs.FS
}

var (
	_ fs.ReadDirFS  = ctxFS{}
	_ fs.StatFS     = ctxFS{}
	_ fs.ReadLinkFS = ctxFS{}
)

func (c ctxFS) Open(name string) (fs.File, error) {
	if err := c.ctx.Err(); err != nil {
		return nil, err
	}
	f, err := c.fsys.Open(name)
	if err != nil {
		return nil, err
	}
	return ctxFile{f, c.ctx}, nil
}

func (c ctxFS) ReadDir(name string) ([]fs.DirEntry, error) {
	if err := c.ctx.Err(); err != nil {
		return nil, err
	}
	return fs.ReadDir(c.fsys, name)
}

func (c ctxFS) Stat(name string) (fs.FileInfo, error) {
	if err := c.ctx.Err(); err != nil {
		return nil, err
	}
	return fs.Stat(c.fsys, name)
}

func (c ctxFS) Lstat(name string) (fs.FileInfo, error) {
	if err := c.ctx.Err(); err != nil {
		return nil, err
	}
	return fs.Lstat(c.fsys, name)
}

func (c ctxFS) ReadLink(name string) (string, error) {
	if err := c.ctx.Err(); err != nil {
		return "", err
	}
	return fs.ReadLink(c.fsys, name)
}

// ctxFile checks the context before each read.
type ctxFile struct {
	fs.File
	ctx context.Context
}

func (f ctxFile) Read(p []byte) (int, error) {
	if err := f.ctx.Err(); err != nil {
		return 0, err
	}
	return f.File.Read(p)
}
