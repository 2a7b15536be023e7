#!/bin/sh
# check-xlsx-libreoffice.sh opens an .xlsx workbook with LibreOffice
# headless, converts every sheet to CSV and fails when LibreOffice cannot
# load it or a worksheet is missing from the conversion. It prints what it
# converted: each sheet's CSV file, its line count and first line.
#
# Usage: scripts/check-xlsx-libreoffice.sh path/to/workbook.xlsx
# Needs LibreOffice 7.2 or later (Debian: libreoffice-calc-nogui) and unzip
# or python3 (to count the workbook's worksheets).
set -eu

die() {
	echo "check-xlsx-libreoffice: $*" >&2
	exit 1
}

[ $# -eq 1 ] || die "usage: $0 FILE.xlsx"
xlsx=$1
[ -f "$xlsx" ] || die "$xlsx: no such file"
soffice=$(command -v soffice || command -v libreoffice || command -v localc) ||
	die "LibreOffice not found (apt-get install libreoffice-calc-nogui)"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
mkdir "$tmp/csv"
cp "$xlsx" "$tmp/book.xlsx"

# A private user profile: no interference with a running instance or a
# stale lock. Filter options: comma, double quote, UTF-8, from line 1, …,
# and the 12th token -1 writes every sheet to book-<Sheet>.csv.
filter='csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1'
if ! timeout 180 "$soffice" -env:UserInstallation="file://$tmp/profile" \
	--headless --norestore --nolockcheck \
	--convert-to "$filter" --outdir "$tmp/csv" "$tmp/book.xlsx" >"$tmp/log" 2>&1; then
	cat "$tmp/log" >&2
	die "$xlsx: LibreOffice failed"
fi
# LibreOffice exits 0 even when it cannot load a file: look at the output.
if grep -qi 'error' "$tmp/log"; then
	cat "$tmp/log" >&2
	die "$xlsx: LibreOffice reported an error"
fi

# list prints the names of a zip file's entries.
list() {
	if command -v unzip >/dev/null 2>&1; then
		unzip -Z1 "$1"
	elif command -v python3 >/dev/null 2>&1; then
		python3 -c 'import sys, zipfile; print("\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))' "$1"
	else
		die "need unzip or python3 to list the parts of $1"
	fi
}
content=$(list "$xlsx")
# Worksheets (not chart sheets) and charts in the workbook.
want=$(printf '%s\n' "$content" | grep -c '^xl/worksheets/sheet[0-9]*\.xml$' || true)
charts=$(printf '%s\n' "$content" | grep -c '^xl/charts/chart[0-9]*\.xml$' || true)

got=0
for f in "$tmp"/csv/*.csv; do
	[ -e "$f" ] || break
	lines=$(wc -l <"$f" | tr -d ' ')
	if grep -q '[^,[:space:]]' "$f"; then got=$((got + 1)); fi
	first=$(head -n 1 "$f" | cut -c 1-100)
	printf '%s\t%s lines\t%s\n' "$(basename "$f" | sed 's/^book-//')" "$lines" "$first"
done
[ "$got" -gt 0 ] || { cat "$tmp/log" >&2; die "$xlsx: nothing converted"; }
[ "$got" -ge "$want" ] || die "$xlsx: $got sheets with content converted, the workbook has $want worksheets"

# LibreOffice silently drops a chart it cannot read: convert to ODS and
# count the chart objects.
if [ "$charts" -gt 0 ]; then
	mkdir "$tmp/ods"
	timeout 180 "$soffice" -env:UserInstallation="file://$tmp/profile" \
		--headless --norestore --nolockcheck \
		--convert-to ods --outdir "$tmp/ods" "$tmp/book.xlsx" >"$tmp/log" 2>&1 || true
	[ -f "$tmp/ods/book.ods" ] || { cat "$tmp/log" >&2; die "$xlsx: conversion to ODS failed"; }
	objects=$(list "$tmp/ods/book.ods" | grep -c '^Object [0-9]*/content\.xml$' || true)
	echo "charts: $charts in the workbook, $objects read by LibreOffice"
	[ "$objects" -eq "$charts" ] || die "$xlsx: LibreOffice read $objects of $charts charts"
fi
echo "check-xlsx-libreoffice: $xlsx: OK ($got sheets with content, $want worksheets, $charts charts)"
