#!/usr/bin/env bash
# bench/scale.sh: how a build scales with the size of a table. Builds the
# fictional profile report/build/testdata/exemple with its table grown to
# 1,000, 10,000 and 30,000 rows (ROWS overrides), in every format, as a
# fresh process, and prints the time, the peak memory and the cost per row.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/migprofile" ./cmd/migprofile
for n in ${ROWS:-1000 10000 30000}; do
	d="$work/d$n"
	mkdir -p "$d/data"
	cp -r report/build/testdata/exemple "$d/data/ex"
	python3 - "$n" "$d" <<'PY'
import sys
n, d = int(sys.argv[1]), sys.argv[2]
rows = "\n".join("  - {id: r%d, label: Row %d, values: [%d, %d, %d]}" % (i, i, i + 1, i + 2, 2 * i + 3) for i in range(n))
t = open(d + "/data/ex/tables/flux.yaml").read()
open(d + "/data/ex/tables/flux.yaml", "w").write(t[:t.index("rows:")] + "rows:\n" + rows + "\nsources: [Fictif]\n")
f = open(d + "/data/ex/figures/flux-par-region.yaml").read()
f = f.replace("categories: [nord, sud]\n", "").replace("series: [sorties, entrees]", "series: [r0, r1]")
open(d + "/data/ex/figures/flux-par-region.yaml", "w").write(f)
PY
	start=$(date +%s%N)
	/usr/bin/time -o "$work/rss" -f %M "$work/migprofile" build --data "$d/data" --out "$d/out" ex >/dev/null 2>&1
	end=$(date +%s%N)
	ms=$(((end - start) / 1000000))
	echo "$n rows: $ms ms, peak RSS $(cat "$work/rss") KB, $((ms * 1000 / n)) µs a row"
done
