#!/usr/bin/env bash
# bench/compare.sh: migprofile against other ways of making the same PDF, side by side, in one run.
#
#   1. `migprofile build` of the Mali profile in all three formats, as a fresh process;
#   2. the Markdown it generates (same content) to PDF by
#        pandoc + pdflatex,
#        pandoc + xelatex,
#        Typst, through mdxport (npm package @mdxport/cli: Markdown → Typst → PDF);
#   3. `migprofile build --all` of 100 copies of the Mali profile.
#
# The tools take turns, one run each per round, so that a busy moment of the machine falls on all
# of them alike; the script prints each median and every ratio from the same rounds, and the peak
# memory of migprofile. A tool that is not installed is skipped with a word. Needs, for the
# comparison: Debian's pandoc, texlive-latex-base, texlive-latex-recommended,
# texlive-fonts-recommended, lmodern, librsvg2-bin (the figures) and texlive-xetex; and
# `npm install -g @mdxport/cli` (or MDXPORT=path/to/mdxport). RUNS sets the rounds (default 11).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-11}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

go build -o "$work/migprofile" ./cmd/migprofile
bin="$work/migprofile"
"$bin" build --out "$work/out" 2>/dev/null
md="$work/out/mali/mali.md"

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

# The tools, each a function run from the Markdown's folder (its figures are relative to it).
ours() { "$bin" build --out "$work/out"; }
# pdflatex knows neither the em space (the Markdown's sub-row indent) nor the minus sign (U+2212)
# by default; Latin Modern under xelatex has no em space.
printf '%s\n' '\DeclareUnicodeCharacter{2003}{\quad}' '\DeclareUnicodeCharacter{2212}{\ensuremath{-}}' >"$work/pdflatex.tex"
printf '%s\n' '\usepackage{newunicodechar}' $'\\newunicodechar{\u2003}{\\quad}' >"$work/xelatex.tex"
pandoc_with() { # pandoc_with ENGINE
	(cd "$work/out/mali" && pandoc "$md" -f gfm+yaml_metadata_block+footnotes --pdf-engine="$1" \
		-H "$work/$1.tex" -V geometry:a4paper -o "$work/pandoc-$1.pdf")
}
pdflatex_pdf() { pandoc_with pdflatex; }
xelatex_pdf() { pandoc_with xelatex; }
typst_pdf() { (cd "$work/out/mali" && "$mdxport" "$md" -o "$work/typst.pdf" --quiet); }

# mdxport's npm command is a Node launcher of a native binary: time the binary, not Node's start.
mdxport=${MDXPORT:-}
if [ -z "$mdxport" ] && launcher=$(command -v mdxport); then
	mdxport=$(node -e '
		const path = require("path"), fs = require("fs");
		const from = path.dirname(fs.realpathSync(process.argv[1]));
		const pkg = require.resolve(`@mdxport/${process.platform}-${process.arch}/package.json`, {paths: [from]});
		console.log(path.join(path.dirname(pkg), "mdxport"));' "$launcher" 2>/dev/null || echo "$launcher")
fi

tools=(ours)
names=("migprofile build (all formats of config.yaml, fresh process)")
try() { # try FUNCTION NAME: keep the tool if one run succeeds
	if "$1" >/dev/null 2>"$work/$1.err"; then
		tools+=("$1")
		names+=("$2")
	else
		echo "$2: skipped (not installed, or failed):"
		tail -3 "$work/$1.err"
	fi
}
command -v pandoc >/dev/null && command -v pdflatex >/dev/null && try pdflatex_pdf "pandoc + pdflatex"
command -v pandoc >/dev/null && command -v xelatex >/dev/null && try xelatex_pdf "pandoc + xelatex"
[ -n "$mdxport" ] || echo "Typst (mdxport): skipped (not installed: npm install -g @mdxport/cli, or set MDXPORT)"
[ -n "$mdxport" ] && try typst_pdf "Typst (mdxport $("$mdxport" --version | awk '{print $2}'))"

echo "rounds: $runs"
for _ in $(seq "$runs"); do
	for t in "${tools[@]}"; do
		timed "$t" >>"$work/$t.ms"
	done
done
/usr/bin/time -o "$work/rss" -f %M "$bin" build --out "$work/out" >/dev/null 2>&1
ms_ours=$(median <"$work/ours.ms")
for i in "${!tools[@]}"; do
	t=${tools[$i]}
	ms=$(median <"$work/$t.ms")
	if [ "$t" = ours ]; then
		echo "${names[$i]}: median ${ms} ms, peak RSS $(cat "$work/rss") KB"
	else
		awk -v n="${names[$i]}" -v a="$ms" -v b="$ms_ours" \
			'BEGIN {printf "%s, the generated Markdown to PDF: median %s ms; migprofile is %.1fx faster\n", n, a, a / b}'
	fi
done
[ ${#tools[@]} -gt 1 ] || echo "no other tool installed: nothing to compare with"

mkdir -p "$work/many"
for i in $(seq -w 1 100); do cp -r data/mali "$work/many/p$i"; done
many=$(timed "$bin" build --all --data "$work/many" --out "$work/out100")
/usr/bin/time -o "$work/rss" -f %M "$bin" build --all --data "$work/many" --out "$work/out100" >/dev/null 2>&1
peak100=$(cat "$work/rss")
echo "migprofile build --all, 100 profiles: ${many} ms, peak RSS ${peak100} KB"
