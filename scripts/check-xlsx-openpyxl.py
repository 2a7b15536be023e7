#!/usr/bin/env python3
"""check-xlsx-openpyxl.py reads a workbook with openpyxl (the library most
Python readers use) and checks that every chart's series carry cached
values equal to the cells they refer to: what a viewer that reads only the
caches shows. It prints each chart's series and their cached values.

Usage: scripts/check-xlsx-openpyxl.py path/to/workbook.xlsx [charts]
The optional second argument is the number of charts the workbook must hold.
Needs python3-openpyxl (Debian).
"""
import sys

import openpyxl
from openpyxl.utils.cell import range_boundaries


def cells(wb, ref):
    sheet, rng = ref.rsplit("!", 1)
    ws = wb[sheet.strip("'").replace("''", "'")]
    c1, r1, c2, r2 = range_boundaries(rng.replace("$", ""))
    return [ws.cell(row=r, column=c).value for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)]


def points(cache):
    return {p.idx: p.v for p in (cache.pt if cache is not None else [])}


def main():
    path = sys.argv[1]
    want = int(sys.argv[2]) if len(sys.argv) > 2 else None
    wb = openpyxl.load_workbook(path)
    charts, bad = 0, []
    for ws in wb.worksheets:
        for chart in ws._charts:
            charts += 1
            # A combination chart's bar groups are read as chart._charts;
            # their series are numbered across the groups.
            series = [s for group in (getattr(chart, "_charts", None) or [chart]) for s in group.series]
            for i, s in enumerate(series):
                refs = [("name", s.tx.strRef), ("categories", s.cat.strRef if s.cat else None), ("values", s.val.numRef)]
                for what, ref in refs:
                    if ref is None:
                        bad.append(f"{ws.title} series {i + 1}: no {what} reference")
                        continue
                    cache = ref.numCache if what == "values" else ref.strCache
                    got = points(cache)
                    vals = cells(wb, ref.f)
                    if what == "values":
                        exp = {k: float(v) for k, v in enumerate(vals) if isinstance(v, (int, float))}
                        got = {k: float(v) for k, v in got.items()}
                    else:
                        exp = {k: str(v) for k, v in enumerate(vals)}
                    if got != exp:
                        bad.append(f"{ws.title} series {i + 1} {what} {ref.f}: cache {got}, cells {exp}")
                print(f"{ws.title}\tseries {i + 1}\t{list(points(s.val.numRef.numCache).values())}")
    if want is not None and charts != want:
        bad.append(f"{charts} charts read, want {want}")
    for b in bad:
        print("check-xlsx-openpyxl: " + b, file=sys.stderr)
    if bad:
        sys.exit(1)
    print(f"check-xlsx-openpyxl: {path}: OK ({charts} charts, caches equal to their cells)")


main()
