#!/bin/sh
# run.sh - benchmarks, each beside a floor measured in the same run on the same file, so the
# figures mean something on any machine. Usage: tests/bench/run.sh BUILD_DIR [COPIES]
set -eu
build=${1:?usage: tests/bench/run.sh BUILD_DIR [COPIES]}
copies=${2:-300}
top=$(cd "$(dirname "$0")/../.." && pwd)
bin="$top/$build/mellan"
gen="$top/$build/tests/bench_gen"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

now_ms() { date +%s%3N; }
# Median wall time in ms of 7 runs of a command (output discarded).
median_ms() {
	for _ in 1 2 3 4 5 6 7; do
		t0=$(now_ms)
		"$@" >/dev/null 2>&1
		t1=$(now_ms)
		echo $((t1 - t0))
	done | sort -n | sed -n 4p
}

db="$tmp/large.db"
t0=$(now_ms)
"$gen" "$db" "$copies"
t1=$(now_ms)
rows=$(sqlite3 "$db" "select (select count(*) from kase)+(select count(*) from step)+(select count(*) from intervention)+(select count(*) from handover)+(select count(*) from gap)+(select count(*) from factor)")
cases=$(sqlite3 "$db" "select count(*) from kase")
steps=$(sqlite3 "$db" "select count(*) from step")
size=$(stat -c %s "$db")
echo "large database: $cases cases, $steps steps, $rows records, $((size / 1024)) KiB"
echo "generate through the store: $((t1 - t0)) ms, $((rows * 1000 / ((t1 - t0) + 1))) records/s"

# list: the cases with their counts, against sqlite3 reading every row of the counted tables once.
list_ms=$(median_ms env MELLAN_DB="$db" "$bin" list)
floor_ms=$(median_ms sqlite3 "$db" "select * from kase; select * from step; select * from intervention; select * from handover; select * from gap;")
echo "mellan list: $list_ms ms (median of 7); floor, sqlite3 reading those tables once: $floor_ms ms; ratio $(awk "BEGIN{printf \"%.2f\", $list_ms/($floor_ms>0?$floor_ms:1)}")"

. "$top/tests/bench/report.sh"

# init --demo: a new file with the catalogue and the demo, as a facilitator's first start.
i=0
init_ms=$(median_ms sh -c 'i=$(date +%s%N); "$0" init --demo "$1/init-$i.db"' "$bin" "$tmp")
echo "mellan init --demo: $init_ms ms (median of 7)"
sh "$top/tests/bench/fieldwork.sh" "$bin" "$db" "$tmp"
# A CSV chronology of one long case: 1,000 to 200,000 rows, each beside its floor.
sh "$top/tests/bench/import.sh" "$bin" "$tmp"

# A long journal pasted into a form, beside cat receiving the same paste.
sh "$top/tests/bench/paste.sh" "$bin"
# check: integrity and the privacy scan of every free text, with 100 names on the list, against
# sqlite3 reading those texts once and running the integrity check.
sqlite3 "$db" "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100)
	INSERT INTO name_block (uuid, name) SELECT printf('00000000-0000-4000-8000-%012d', i),
	'Namn' || i FROM n;"
check_ms=$(median_ms "$bin" check --db "$db")
floor_ms=$(median_ms sqlite3 "$db" "pragma integrity_check; select code, gender, area, summary from kase; select title, narrative, voice, note from step; select text from factor; select what, outcome from intervention; select note from handover; select what_happened, what_must_change from gap; select what from action;")
echo "mellan check: $check_ms ms (median of 7); floor, sqlite3 reading the texts once: $floor_ms ms; ratio $(awk "BEGIN{printf \"%.2f\", $check_ms/($floor_ms>0?$floor_ms:1)}")"
# The lanes layout of the longest journey, beside loading that journey from the file.
"$top/$build/tests/bench_lanes" "$db" 2000
