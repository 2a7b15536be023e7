#!/usr/bin/env bash
# bench/scale.sh: how a build scales with the size of its data. Builds the fictional profile
# report/build/testdata/exemple with its statistical table grown to 1,000, 10,000, 30,000,
# 90,000 and 100,000 rows (ROWS overrides), in every format, as a fresh process, and prints the
# time, the CPU time (user + system: steadier than the wall clock on a shared machine), the peak
# memory, the cost per row, and the growth of both times from 30,000 to 90,000 rows.
#
# A data file is capped at 4 MB (report/load), about 60,000 rows of this table: past 30,000 rows
# the rows are spread over tables of 30,000 (flux, flux-2, flux-3, ...), each placed in the text.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/migprofile" ./cmd/migprofile
declare -A took cpu
for n in ${ROWS:-1000 10000 30000 90000 100000}; do
	d="$work/d$n"
	mkdir -p "$d/data"
	cp -r report/build/testdata/exemple "$d/data/ex"
	python3 - "$n" "$d/data/ex" <<'PY'
import sys
n, ex = int(sys.argv[1]), sys.argv[2]
per = 30000
head = open(ex + "/tables/flux.yaml").read()
head = head[:head.index("rows:")]
placed = []
for k, first in enumerate(range(0, n, per)):
    rows = "\n".join("  - {id: r%d, label: Row %d, values: [%d, %d, %d]}" % (i, i, i + 1, i + 2, 2 * i + 3)
                     for i in range(first, min(n, first + per)))
    name = "flux" if k == 0 else "flux-%d" % (k + 1)
    open("%s/tables/%s.yaml" % (ex, name), "w").write(head + "rows:\n" + rows + "\nsources: [Fictif]\n")
    placed.append(name)
f = open(ex + "/figures/flux-par-region.yaml").read()
f = f.replace("categories: [nord, sud]\n", "").replace("series: [sorties, entrees]", "series: [r0, r1]")
open(ex + "/figures/flux-par-region.yaml", "w").write(f)
c = open(ex + "/frameworks/cadre.yaml").read()
c = c.replace("  - table: flux\n", "".join("  - table: %s\n" % t for t in placed))
open(ex + "/frameworks/cadre.yaml", "w").write(c)
PY
	start=$(date +%s%N)
	/usr/bin/time -o "$work/rss" -f '%M %U %S' "$work/migprofile" build --data "$d/data" --out "$d/out" ex >/dev/null 2>"$work/err" ||
		{ echo "$n rows: build failed"; tail -5 "$work/err"; exit 1; }
	end=$(date +%s%N)
	ms=$(((end - start) / 1000000))
	read -r rss user sys <"$work/rss"
	took[$n]=$ms
	cpu[$n]=$(awk -v u="$user" -v s="$sys" 'BEGIN {printf "%d", (u + s) * 1000}')
	echo "$n rows: $ms ms (CPU ${cpu[$n]} ms), peak RSS $rss KB, $((ms * 1000 / n)) µs a row"
done
if [ -n "${took[30000]:-}" ] && [ -n "${took[90000]:-}" ]; then
	awk -v a="${took[30000]}" -v b="${took[90000]}" -v c="${cpu[30000]}" -v d="${cpu[90000]}" \
		'BEGIN {printf "30,000 to 90,000 rows (3x the rows): %.2fx the time, %.2fx the CPU time; %.0f µs a row between them\n", b / a, d / c, (b - a) * 1000 / 60000}'
fi
