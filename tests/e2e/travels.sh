#!/bin/sh
# travels.sh - every kind of record goes between laptops: two laptops that each ran a workshop
# with votes and log entries are merged and keep both workshops, every vote and every entry, and
# merging twice is merging once; the merge says per kind what it did and whether the names not to
# use came (--with-names); an export imported into a new file holds every kind, and the names
# only when asked; a file of a newer format is refused with one line. Speaks TAP. Needs sqlite3.
. "$(dirname "$0")/lib/tap.sh"
need sqlite3
on_fail() { sed 's/^/#   /' "$tmp/err" "$tmp/out" 2>/dev/null | head -n 30; }
q() { sqlite3 "$1" "$2"; }
# sqlite3 as another program writing the rows the workshop screen writes (foreign keys on, the
# history triggers run as for mellan's own writes).
edit() { sqlite3 "$1" "PRAGMA foreign_keys = ON; $2"; }
u() { printf '%08d-0000-4000-8000-%012d' "$1" "$2"; } # a fixed uuid per laptop and row

run init --demo "$tmp/base.db"
cp "$tmp/base.db" "$tmp/a.db"
cp "$tmp/base.db" "$tmp/b.db"
gap1=$(q "$tmp/base.db" "select id from gap order by id limit 1")
gap2=$(q "$tmp/base.db" "select id from gap order by id limit 1 offset 1")
case1=$(q "$tmp/base.db" "select id from kase order by id limit 1")
# A workshop of its own on each laptop: its case, log entries and the room's dots.
workshop() { # file, laptop number, date, number of votes, number of entries
	edit "$1" "INSERT INTO workshop (uuid, date, place, sectors) VALUES ('$(u "$2" 1)', '$3', 'Rosengård', 'municipality,civil');
		INSERT INTO workshop_case (uuid, workshop_id, case_id) VALUES ('$(u "$2" 2)', (SELECT id FROM workshop WHERE uuid = '$(u "$2" 1)'), $case1);"
	i=0
	while [ $i -lt "$4" ]; do
		i=$((i + 1))
		edit "$1" "INSERT INTO vote (uuid, workshop_id, gap_id, dots) VALUES ('$(u "$2" $((10 + i)))', (SELECT id FROM workshop WHERE uuid = '$(u "$2" 1)'), $([ $((i % 2)) -eq 1 ] && echo "$gap1" || echo "$gap2"), $i)"
	done
	i=0
	while [ $i -lt "$5" ]; do
		i=$((i + 1))
		edit "$1" "INSERT INTO workshop_log (uuid, workshop_id, kind, text) VALUES ('$(u "$2" $((20 + i)))', (SELECT id FROM workshop WHERE uuid = '$(u "$2" 1)'), 'decision', 'Beslut $i från dator $2: skolan och socialtjänsten träffas')"
	done
}
workshop "$tmp/a.db" 1 2026-12-01 2 2
workshop "$tmp/b.db" 2 2026-12-02 3 1
# Laptop b also has a threshold, a dismissed proposal, a kept finding, an alliance setting and
# a name not to use.
edit "$tmp/b.db" "INSERT INTO threshold (uuid, age, label, starts) VALUES ('$(u 2 30)', 21, 'LSS-insatser upphör', 0);
	INSERT INTO dismissal (uuid, case_id, key) VALUES ('$(u 2 31)', $case1, 'silence:test');
	INSERT INTO privacy_kept (uuid, record_uuid, field, key, editor) VALUES ('$(u 2 32)', (SELECT uuid FROM kase WHERE id = $case1), 'summary', '0123456789abcdef', 'AB');
	INSERT INTO settings (key, value) VALUES ('proposal-silence-days', '45')"
run names --db "$tmp/b.db" --add "Zlatana Östlund"

count() { q "$1" "select count(*) from $2"; }
demo_votes=$(count "$tmp/base.db" vote)
demo_log=$(count "$tmp/base.db" workshop_log)
demo_ws=$(count "$tmp/base.db" workshop)

# --- two laptops merged ----------------------------------------------------------------------
run merge --db "$tmp/a.db" "$tmp/b.db"
check "merge of the other laptop: status 0" rc_is 0
check "... both workshops are kept" sh -c "[ $(count "$tmp/a.db" workshop) -eq $((demo_ws + 2)) ]"
check "... every vote of both laptops is there" sh -c "[ \$(sqlite3 '$tmp/a.db' 'select count(*) from vote') -eq $((demo_votes + 5)) ]"
check "... and every log entry" sh -c "[ \$(sqlite3 '$tmp/a.db' 'select count(*) from workshop_log') -eq $((demo_log + 3)) ]"
check "... the other workshop's case came with it" sh -c "[ \$(sqlite3 '$tmp/a.db' \"select count(*) from workshop_case where uuid = '$(u 2 2)'\") -eq 1 ]"
check "... the threshold, the dismissal and the kept finding came" sh -c "[ \$(sqlite3 '$tmp/a.db' \"select (select count(*) from threshold where uuid = '$(u 2 30)') + (select count(*) from dismissal where uuid = '$(u 2 31)') + (select count(*) from privacy_kept where uuid = '$(u 2 32)')\") -eq 3 ]"
check "... and the alliance's setting" sh -c "[ \"\$(sqlite3 '$tmp/a.db' \"select value from settings where key = 'proposal-silence-days'\")\" = 45 ]"
check "the summary says per kind what it did: votes" out_has "  votes: 3 added, 0 updated, $demo_votes already here, 0 in conflict"
check "... the log" out_has "  workshop_log: 1 added, 0 updated, $demo_log already here, 0 in conflict"
check "... the workshops" out_has "  workshops: 1 added"
check "... the kept findings and the settings" sh -c "grep -q '^  kept: 1 added' '$tmp/out' && grep -q '^  settings: 1 added' '$tmp/out'"
check "the names not to use stayed behind, and the merge says so" \
	sh -c "grep -q 'names not to use: 1 in .*not brought over (merge with --with-names' '$tmp/out' && [ \$(sqlite3 '$tmp/a.db' \"select count(*) from name_block where name = 'Zlatana Östlund'\") -eq 0 ]"
dump() { q "$1" "select uuid, workshop_id, gap_id, dots from vote order by uuid; select uuid, text from workshop_log order by uuid; select uuid, date from workshop order by uuid; select uuid from workshop_case order by uuid; select uuid from privacy_kept order by uuid"; }
dump "$tmp/a.db" >"$tmp/once"
run merge --db "$tmp/a.db" "$tmp/b.db"
dump "$tmp/a.db" >"$tmp/twice"
check "merging twice: status 0" rc_is 0
check "... is merging once: the same votes, entries and workshops" cmp -s "$tmp/once" "$tmp/twice"
check "... and says the votes are already here" out_has "  votes: 0 added, 0 updated, $((demo_votes + 3)) already here, 0 in conflict"
run merge --db "$tmp/b.db" "$tmp/a.db"
check "merged the other way, the other laptop has both workshops' votes too" \
	sh -c "[ \$(sqlite3 '$tmp/b.db' 'select count(*) from vote') -eq $((demo_votes + 5)) ] && [ \$(sqlite3 '$tmp/b.db' 'select count(*) from workshop_log') -eq $((demo_log + 3)) ]"
check "... and the gaps' dot totals agree on both laptops" \
	sh -c "[ \"\$(sqlite3 '$tmp/a.db' 'select g.uuid, sum(v.dots) from vote v join gap g on g.id = v.gap_id group by g.uuid order by g.uuid')\" = \"\$(sqlite3 '$tmp/b.db' 'select g.uuid, sum(v.dots) from vote v join gap g on g.id = v.gap_id group by g.uuid order by g.uuid')\" ]"

# --- --with-names, merge -----------------------------------------------------------------------
run merge --db "$tmp/a.db" --with-names "$tmp/b.db"
check "merge --with-names brings the names not to use" \
	sh -c "[ \$(sqlite3 '$tmp/a.db' \"select count(*) from name_block where name = 'Zlatana Östlund'\") -eq 1 ]"
check "... and says they came" sh -c "grep -q '^names not to use: brought over' '$tmp/out' && grep -q '^  names: 1 added' '$tmp/out'"
run merge --db "$tmp/a.db" --with-names "$tmp/b.db"
check "... twice is once: the name is there once" \
	sh -c "[ \$(sqlite3 '$tmp/a.db' \"select count(*) from name_block where name = 'Zlatana Östlund'\") -eq 1 ] && grep -q '^  names: 0 added, 0 updated, [1-9][0-9]* already here' '$tmp/out'"

# --- export and import of every kind ------------------------------------------------------------
run export --db "$tmp/a.db" --allow-findings -o "$tmp/plain.json"
check "export without --with-names: status 0" rc_is 0
check "... the names not to use are not in it" sh -c "! grep -q 'Zlatana' '$tmp/plain.json' && ! grep -q '\"names\":' '$tmp/plain.json'"
check "... every other kind is" sh -c "for k in thresholds workshops workshop_cases workshop_log votes dismissals kept settings; do grep -q \"^  \\\"\$k\\\": \\[\$\" '$tmp/plain.json' || exit 1; done"
run export --db "$tmp/a.db" --allow-findings --with-names -o "$tmp/all.json"
check "export --with-names has the names" sh -c "grep -q '\"names\": \\[' '$tmp/all.json' && grep -q 'Zlatana Östlund' '$tmp/all.json'"
run import --db "$tmp/c.db" "$tmp/all.json"
check "import of it into a new file: status 0" rc_is 0
tables="threshold kase step factor intervention handover gap gap_actor action workshop workshop_case workshop_log vote name_block dismissal privacy_kept"
same_rows() { # the uuids of every table, the same in both files
	for t in $tables; do
		[ "$(q "$1" "select uuid from $t order by uuid")" = "$(q "$2" "select uuid from $t order by uuid")" ] || { echo "# $t differs"; return 1; }
	done
	[ "$(q "$1" "select key, value from settings where key like 'proposal-%' order by key")" = "$(q "$2" "select key, value from settings where key like 'proposal-%' order by key")" ]
}
check "... every kind came: the same records of every table, and the settings" same_rows "$tmp/a.db" "$tmp/c.db"
check "... the import says per kind what it added" sh -c "grep -q '^  votes: $((demo_votes + 5)) added' '$tmp/out' && grep -q '^  names: [1-9][0-9]* added' '$tmp/out'"
run export --db "$tmp/c.db" --allow-findings --with-names -o "$tmp/again.json"
check "export, import, export gives the same bytes with every kind" cmp -s "$tmp/all.json" "$tmp/again.json"
run import --db "$tmp/d.db" "$tmp/plain.json"
check "an export without --with-names imports without the names" \
	sh -c "[ \$(cat '$tmp/rc') -eq 0 ] && [ \$(sqlite3 '$tmp/d.db' 'select count(*) from name_block') -eq 0 ] && [ \$(sqlite3 '$tmp/d.db' 'select count(*) from vote') -eq $((demo_votes + 5)) ]"

# --- the format's version ----------------------------------------------------------------------
sed 's/^  "version": 2,$/  "version": 3,/' "$tmp/plain.json" >"$tmp/newer.json"
cp "$tmp/d.db" "$tmp/d.before"
run import --db "$tmp/d.db" "$tmp/newer.json"
check "a file of a newer format: status 3, one line saying so" \
	sh -c "[ \$(cat '$tmp/rc') -eq 3 ] && [ \$(wc -l <'$tmp/err') -eq 1 ] && grep -q 'newer mellan (format version 3' '$tmp/err'"
check "... and nothing was written" cmp -s "$tmp/d.db" "$tmp/d.before"
# A file of version 1, as the mellan before this one wrote it: without the new lists.
awk '/^  "(thresholds|workshops|workshop_cases|workshop_log|votes|dismissals|kept|settings)": \[/ { skip = 1 }
	skip && /^  \],?$|\]\,?$/ { skip = 0; next } !skip' "$tmp/plain.json" |
	sed 's/^  "version": 2,$/  "version": 1,/' >"$tmp/v1.json"
run import --db "$tmp/e.db" "$tmp/v1.json"
check "a file of version 1 is still read" sh -c "[ \$(cat '$tmp/rc') -eq 0 ] && [ \$(sqlite3 '$tmp/e.db' 'select count(*) from kase') -eq \$(sqlite3 '$tmp/a.db' 'select count(*) from kase') ]"

done_testing 32
