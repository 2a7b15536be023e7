#!/usr/bin/env bash
# bench/compare.sh: migprofile against pandoc + pdflatex, side by side, in one run.
#
#   1. `migprofile build` of the Mali profile in all three formats, as a fresh process;
#   2. pandoc + pdflatex rendering the generated Markdown (same content) to PDF;
#   3. `migprofile build --all` of 100 copies of the Mali profile.
#
# Prints the medians, the ratio and the peak memory. Needs Debian's pandoc, texlive-latex-base,
# texlive-latex-recommended, texlive-fonts-recommended, lmodern and librsvg2-bin (for the
# figures); RUNS sets the number of runs (default 11).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-11}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

go build -o "$work/migprofile" ./cmd/migprofile
bin="$work/migprofile"
"$bin" build --out "$work/out" 2>/dev/null

# now_ms prints a monotonic-enough wall clock in milliseconds.
now_ms() { date +%s%3N; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2 ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2)}'; }
timed() { # timed CMD...: prints the wall time of one run in ms
	local start end
	start=$(now_ms)
	"$@" >/dev/null 2>&1
	end=$(now_ms)
	echo $((end - start))
}

echo "runs: $runs"
ours=$(for _ in $(seq "$runs"); do timed "$bin" build --out "$work/out"; done | median)
/usr/bin/time -o "$work/rss" -f %M "$bin" build --out "$work/out" >/dev/null 2>&1
peak=$(cat "$work/rss")
echo "migprofile build (pdf+md+xlsx, fresh process): median ${ours} ms, peak RSS ${peak} KB"

if command -v pandoc >/dev/null && command -v pdflatex >/dev/null; then
	md="$work/out/mali/mali.md"
	# pdflatex knows no em space (the Markdown's sub-row indent) by default.
	printf '%s\n' '\DeclareUnicodeCharacter{2003}{\quad}' >"$work/header.tex"
	pandoc_pdf() {
		(cd "$work/out/mali" && pandoc "$md" -f gfm+yaml_metadata_block+footnotes --pdf-engine=pdflatex \
			-H "$work/header.tex" -V geometry:a4paper -o "$work/pandoc.pdf")
	}
	if pandoc_pdf >/dev/null 2>"$work/pandoc.err"; then
		theirs=$(for _ in $(seq "$runs"); do timed pandoc_pdf; done | median)
		echo "pandoc + pdflatex (the generated Markdown to PDF): median ${theirs} ms"
		awk -v a="$theirs" -v b="$ours" 'BEGIN {printf "ratio: migprofile is %.1fx faster\n", a / b}'
	else
		echo "pandoc + pdflatex failed:"; tail -5 "$work/pandoc.err"
	fi
else
	echo "pandoc or pdflatex not installed: skipping the comparison"
fi

mkdir -p "$work/many"
for i in $(seq -w 1 100); do cp -r data/mali "$work/many/p$i"; done
many=$(timed "$bin" build --all --data "$work/many" --out "$work/out100")
/usr/bin/time -o "$work/rss" -f %M "$bin" build --all --data "$work/many" --out "$work/out100" >/dev/null 2>&1
peak100=$(cat "$work/rss")
echo "migprofile build --all, 100 profiles: ${many} ms, peak RSS ${peak100} KB"
