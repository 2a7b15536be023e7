package xlsx

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/migprofile/migprofile/report"
)

// fillCaches completes chart num's part where excelize leaves it short.
// It writes the values each series refers to, as Excel does on saving
// (a strCache for the series' name and categories, a numCache for its
// values): excelize writes only the references, and viewers that read
// only the caches (previews, many libraries, some mobile apps) would show
// an empty chart. And it colours a total's bar (excelize writes data
// points for pie charts only). cells are the figure sheet's cells as
// written; a value that is not a number ([x]) has no point in the cache,
// as Excel writes it.
func (b *builder) fillCaches(f *report.Figure, d report.Dataset, num int, ft figureTable, cells map[pos]cached) error {
	path := "xl/charts/chart" + strconv.Itoa(num) + ".xml"
	v, ok := b.f.Pkg.Load(path)
	data, isBytes := v.([]byte)
	if !ok || !isBytes {
		return fmt.Errorf("xlsx: figure %q: chart part %s not found", f.ID, path)
	}
	src := string(data)
	// excelize writes the chart namespace as the default one (<f>);
	// Excel writes it with the prefix c (<c:f>).
	c := ""
	if strings.Contains(src, "</c:f>") {
		c = "c:"
	}
	// An empty numCache excelize writes after the values' reference.
	src = strings.ReplaceAll(src, "<"+c+"numCache><"+c+"formatCode></"+c+"formatCode></"+c+"numCache>", "")
	var totals []int
	for i, cat := range d.Categories {
		if cat.Total {
			totals = append(totals, i)
		}
	}
	var sb strings.Builder
	sb.Grow(len(src) + 2048)
	for i := range ft.names {
		open, end := "<"+c+"ser>", "</"+c+"ser>"
		at := strings.Index(src, open)
		stop := strings.Index(src, end) + len(end)
		if at < 0 || stop < at+len(end) {
			return fmt.Errorf("xlsx: figure %q: chart part has %d series, want %d", f.ID, i, len(ft.names))
		}
		sb.WriteString(src[:at])
		ser, err := completeSeries(c, src[at:stop], []string{
			strCache(c, cells, ft.names[i:i+1]),
			strCache(c, cells, ft.categories),
			numCache(c, cells, ft.values[i]),
		}, dataPoints(c, totals))
		if err != nil {
			return fmt.Errorf("xlsx: figure %q: series %d: %w", f.ID, i+1, err)
		}
		sb.WriteString(ser)
		src = src[stop:]
	}
	sb.WriteString(src)
	b.f.Pkg.Store(path, []byte(sb.String()))
	return nil
}

// completeSeries inserts a series' caches after its three references
// (name, categories, values, in that order) and its data points after
// invertIfNegative, where the schema puts them.
func completeSeries(c, ser string, caches []string, points string) (string, error) {
	endRef := "</" + c + "f>"
	if n := strings.Count(ser, endRef); n != len(caches) {
		return "", fmt.Errorf("%d references, want %d", n, len(caches))
	}
	var sb strings.Builder
	for _, cache := range caches {
		at := strings.Index(ser, endRef) + len(endRef)
		sb.WriteString(ser[:at])
		sb.WriteString(cache)
		ser = ser[at:]
	}
	sb.WriteString(ser)
	out := sb.String()
	if points == "" {
		return out, nil
	}
	inv := "</" + c + "invertIfNegative>"
	at := strings.Index(out, inv)
	if at < 0 {
		return "", fmt.Errorf("no invertIfNegative to put data points after")
	}
	at += len(inv)
	return out[:at] + points + out[at:], nil
}

// dataPoints is the dPt elements that colour the bars at idx (totals).
func dataPoints(c string, idx []int) string {
	var sb strings.Builder
	for _, i := range idx {
		sb.WriteString(`<` + c + `dPt><` + c + `idx val="` + strconv.Itoa(i) + `"/><` + c + `invertIfNegative val="0"/><` + c + `bubble3D val="0"/>`)
		sb.WriteString(`<` + c + `spPr><a:solidFill><a:srgbClr val="` + totalFill + `"/></a:solidFill></` + c + `spPr></` + c + `dPt>`)
	}
	return sb.String()
}

// strCache is the strCache of cells.
func strCache(c string, cells map[pos]cached, at []pos) string {
	var sb strings.Builder
	sb.WriteString(`<` + c + `strCache><` + c + `ptCount val="` + strconv.Itoa(len(at)) + `"/>`)
	for i, p := range at {
		sb.WriteString(`<` + c + `pt idx="` + strconv.Itoa(i) + `"><` + c + `v>` + escapeAttr(cells[p].text) + `</` + c + `v></` + c + `pt>`)
	}
	sb.WriteString(`</` + c + `strCache>`)
	return sb.String()
}

// numCache is the numCache of cells, leaving out those that hold no
// number.
func numCache(c string, cells map[pos]cached, at []pos) string {
	var sb strings.Builder
	sb.WriteString(`<` + c + `numCache><` + c + `formatCode>General</` + c + `formatCode><` + c + `ptCount val="` + strconv.Itoa(len(at)) + `"/>`)
	for i, p := range at {
		if v := cells[p]; v.num {
			sb.WriteString(`<` + c + `pt idx="` + strconv.Itoa(i) + `"><` + c + `v>` + v.text + `</` + c + `v></` + c + `pt>`)
		}
	}
	sb.WriteString(`</` + c + `numCache>`)
	return sb.String()
}
