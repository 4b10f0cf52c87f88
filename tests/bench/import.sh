#!/bin/sh
# import.sh - a CSV chronology of one long case imported, at 1,000, 4,000, 16,000 and 200,000
# rows, each beside a floor measured in the same run: sqlite3 inserting the same rows (the case,
# its steps and their interventions) in one transaction into a file with the same schema and
# triggers. The time per row must not grow with the rows: the ratio stays flat when the import
# is linear. Called by run.sh. Usage: tests/bench/import.sh MELLAN TMPDIR [ROWS...]
set -eu
bin=${1:?usage: import.sh MELLAN TMPDIR [ROWS...]}
tmp=${2:?}
shift 2
[ $# -gt 0 ] || set -- 1000 4000 16000 200000

now_ms() { date +%s%3N; }
ratio() { awk "BEGIN{printf \"%.1f\", $1 / ($2 > 0 ? $2 : 1)}"; }
per_s() { awk "BEGIN{printf \"%d\", $1 * 1000 / ($2 > 0 ? $2 : 1)}"; }

# One case, a step a row, every row by a catalogue actor with what was done, dates moving on.
chronology() { # rows, file
	awk -v n="$1" 'BEGIN {
		print "fall;datum;aktör;vad hände;vad gjordes;anteckning"
		for (i = 0; i < n; i++)
			printf "Lång;%d-%02d-%02d;BUP;Händelse %d: samtal om skolan och hemmet;Samtal %d;\n",
				2000 + int(i / 336) % 100, int(i / 28) % 12 + 1, i % 28 + 1, i, i
	}' >"$2"
}

for rows in "$@"; do
	chronology "$rows" "$tmp/chronology-$rows.csv"
	rm -f "$tmp/import-$rows.db"
	t0=$(now_ms)
	"$bin" import --db "$tmp/import-$rows.db" "$tmp/chronology-$rows.csv" >/dev/null
	t1=$(now_ms)
	import_ms=$((t1 - t0))
	# The floor: the rows mellan wrote, inserted again by sqlite3 into an empty file with the
	# same schema and triggers (the catalogue is there first, as it was for mellan).
	sqlite3 "$tmp/import-$rows.db" .schema >"$tmp/import-schema.sql"
	rm -f "$tmp/floor-$rows.db"
	sqlite3 "$tmp/floor-$rows.db" <"$tmp/import-schema.sql"
	for t in actor category; do
		sqlite3 "$tmp/import-$rows.db" ".mode insert $t" "select * from $t"
	done | { echo 'BEGIN;'; cat; echo 'COMMIT;'; } | sqlite3 "$tmp/floor-$rows.db"
	for t in kase step intervention; do
		sqlite3 "$tmp/import-$rows.db" ".mode insert $t" "select * from $t"
	done >"$tmp/floor-$rows.sql"
	t0=$(now_ms)
	{ echo 'BEGIN;'; cat "$tmp/floor-$rows.sql"; echo 'COMMIT;'; } | sqlite3 "$tmp/floor-$rows.db"
	t1=$(now_ms)
	floor_ms=$((t1 - t0))
	echo "mellan import of a CSV chronology, $rows rows in one case: $import_ms ms, $(per_s "$rows" "$import_ms") rows/s; floor, sqlite3 inserting the same rows in one transaction: $floor_ms ms; ratio $(ratio "$import_ms" "$floor_ms")"
	rm -f "$tmp/import-$rows.db" "$tmp/floor-$rows.db" "$tmp/floor-$rows.sql" \
		"$tmp/chronology-$rows.csv"
done
