package xlsx

import (
	"archive/zip"
	"compress/flate"
	"io"
	"sync"

	"github.com/xuri/excelize/v2"
)

// flatePool reuses compressors across the workbook's parts and renders.
var flatePool sync.Pool

// pooledFlate returns its compressor to flatePool when closed.
type pooledFlate struct{ *flate.Writer }

func (p pooledFlate) Close() error {
	err := p.Writer.Close()
	flatePool.Put(p.Writer)
	return err
}

// fastDeflate compresses at flate.BestSpeed: the parts are small XML, and
// the default level spends most of a render in compression for a few
// kilobytes.
func fastDeflate(w io.Writer) (io.WriteCloser, error) {
	if fw, ok := flatePool.Get().(*flate.Writer); ok {
		fw.Reset(w)
		return pooledFlate{fw}, nil
	}
	fw, err := flate.NewWriter(w, flate.BestSpeed)
	if err != nil {
		return nil, err
	}
	return pooledFlate{fw}, nil
}

// newZipWriter is the workbook's zip writer.
func newZipWriter(w io.Writer) excelize.ZipWriter {
	zw := zip.NewWriter(w)
	zw.RegisterCompressor(zip.Deflate, fastDeflate)
	return zw
}
