#!/usr/bin/env bash
# bench/versus.sh REV [RUNS]: this checkout against git revision REV, `migprofile build` of the
# default profile as a fresh process, the two taking turns RUNS times (default 41), each in its own
# checkout (so each reads its own config.yaml and data). Prints each one's median and quartiles of
# the wall time: on a machine whose speed drifts from day to day, the comparison with the previous
# release holds where an absolute figure does not.
set -euo pipefail
cd "$(dirname "$0")/.."
rev=${1:?usage: bench/versus.sh REV [RUNS]}
runs=${2:-41}
work=$(mktemp -d)
trap 'git worktree remove --force "$work/old" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
git worktree add -q --detach "$work/old" "$rev"
(cd "$work/old" && go build -o "$work/old.bin" ./cmd/migprofile)
go build -o "$work/new.bin" ./cmd/migprofile
now_ns() { date +%s%N; }
for _ in $(seq "$runs"); do
	for which in old new; do
		dir=$PWD
		[ "$which" = old ] && dir=$work/old
		start=$(now_ns)
		(cd "$dir" && "$work/$which.bin" build --out "$work/out-$which" >/dev/null 2>&1)
		echo "$which $(( ($(now_ns) - start) / 100000 ))"
	done
done > "$work/times"
for which in old new; do
	label=$rev
	[ "$which" = new ] && label="this checkout"
	grep "^$which " "$work/times" | awk '{print $2 / 10}' | sort -n |
		awk -v l="$label" '{a[NR] = $1} END {printf "%s: median %.1f ms, quartiles %.1f–%.1f, fastest %.1f (%d runs)\n", l, a[int((NR + 1) / 2)], a[int(NR / 4)], a[int(3 * NR / 4)], a[1], NR}'
done
