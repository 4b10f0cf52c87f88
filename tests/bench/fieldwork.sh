#!/bin/sh
# fieldwork.sh - export, import and merge of the large database, each beside a floor measured
# in the same run: sqlite3 inserting the same rows in one transaction, and an ATTACH + INSERT of
# the same rows, into a file with the same schema and triggers. Called by run.sh.
# Usage: tests/bench/fieldwork.sh MELLAN LARGE_DB TMPDIR
set -eu
bin=${1:?usage: fieldwork.sh MELLAN LARGE_DB TMPDIR}
db=${2:?}
tmp=${3:?}
tables="actor category kase step factor intervention handover gap gap_actor action"

now_ms() { date +%s%3N; }
# Wall time in ms of one run of a command (output discarded): these take seconds each. A merge
# that finds conflicts exits 1, as it should.
once_ms() {
	t0=$(now_ms)
	"$@" >/dev/null 2>&1 || [ $? -eq 1 ]
	t1=$(now_ms)
	echo $((t1 - t0))
}
per_s() { awk "BEGIN{printf \"%d\", $1 * 1000 / ($2 > 0 ? $2 : 1)}"; }
ratio() { awk "BEGIN{printf \"%.1f\", $1 / ($2 > 0 ? $2 : 1)}"; }

rows=0
for t in $tables; do rows=$((rows + $(sqlite3 "$db" "select count(*) from $t"))); done

# An empty file with exactly our schema and triggers, for the floors.
sqlite3 "$db" .schema >"$tmp/schema.sql"
empty() { rm -f "$1"; sqlite3 "$1" <"$tmp/schema.sql"; }

# --- export and import ----------------------------------------------------------------------
export_ms=$(once_ms "$bin" export --db "$db" -o "$tmp/large.json")
size=$(stat -c %s "$tmp/large.json")
echo "mellan export: $rows records, $((size / 1024)) KiB of JSON in $export_ms ms"
import_ms=$(once_ms "$bin" import --db "$tmp/imported.db" "$tmp/large.json")
for t in $tables; do sqlite3 "$db" ".mode insert $t" "select * from $t"; done >"$tmp/inserts.sql"
empty "$tmp/floor-insert.db"
floor_ms=$(once_ms sh -c "{ echo 'BEGIN;'; cat '$tmp/inserts.sql'; echo 'COMMIT;'; } | sqlite3 '$tmp/floor-insert.db'")
echo "mellan import: $(per_s "$rows" "$import_ms") records/s ($import_ms ms); floor, sqlite3 inserting the same rows in one transaction: $(per_s "$rows" "$floor_ms") records/s ($floor_ms ms); ratio $(ratio "$import_ms" "$floor_ms")"

# --- merge ----------------------------------------------------------------------------------------
attach_sql() { # the ATTACH + INSERT floor of bringing file $1's records into the main file
	echo "ATTACH '$1' AS o; BEGIN;"
	for t in $tables; do echo "INSERT INTO main.$t SELECT * FROM o.$t;"; done
	echo "COMMIT;"
}
attach_sql "$db" >"$tmp/attach.sql"
empty "$tmp/floor-attach.db"
floor_ms=$(once_ms sh -c "sqlite3 '$tmp/floor-attach.db' <'$tmp/attach.sql'")
"$bin" init "$tmp/fresh.db" >/dev/null
add_ms=$(once_ms "$bin" merge --db "$tmp/fresh.db" "$db")
echo "mellan merge into a new file (every record added): $(per_s "$rows" "$add_ms") records/s ($add_ms ms); floor, ATTACH + INSERT of the same rows: $(per_s "$rows" "$floor_ms") records/s ($floor_ms ms); ratio $(ratio "$add_ms" "$floor_ms")"
# Two large files from one origin, each edited on its own laptop: every record compared.
cp "$db" "$tmp/laptop1.db"
cp "$db" "$tmp/laptop2.db"
sqlite3 "$tmp/laptop1.db" "update step set title = title || ' (1)' where id % 10 = 1"
sqlite3 "$tmp/laptop2.db" "update step set narrative = 'ändrad' where id % 10 = 2; update step set title = title || ' (2)' where id % 100 = 1"
both_ms=$(once_ms "$bin" merge --db "$tmp/laptop1.db" "$tmp/laptop2.db")
conflicts=$(sqlite3 "$tmp/laptop1.db" "select count(*) from merge_conflict")
echo "mellan merge of two edited copies (every record compared, $conflicts conflicts): $(per_s "$rows" "$both_ms") records/s ($both_ms ms); ratio to the floor $(ratio "$both_ms" "$floor_ms")"
backup_ms=$(once_ms "$bin" backup --db "$db" "$tmp/backup.db")
echo "mellan backup: $backup_ms ms for $(($(stat -c %s "$db") / 1024)) KiB"
