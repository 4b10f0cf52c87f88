#!/bin/sh
# fieldwork.sh - export, import, merge and backup as a facilitator meets them between laptops:
# export/import/export gives the same bytes, importing twice adds nothing, CSV chronologies as
# spreadsheets save them, malformed input refused with the database unchanged, two laptops that
# edited different fields and the same field, hostile files refused with nothing changed on
# either side, and a backup taken while the TUI runs. Speaks TAP. Needs sqlite3 (and tmux for
# the backup under the TUI).
. "$(dirname "$0")/lib/tap.sh"
need sqlite3
on_fail() { sed 's/^/#   /' "$tmp/err" "$tmp/out" 2>/dev/null | head -n 20; }
q() { sqlite3 "$1" "$2"; }
# sqlite3 as another tool that edits a file the way mellan does (foreign keys on).
edit() { sqlite3 "$1" "PRAGMA foreign_keys = ON; $2"; }
no_side_files() { [ ! -e "$1-wal" ] && [ ! -e "$1-shm" ]; }

check "mellan.5 is clean under mandoc -Tlint" sh -c "mandoc -Tlint -W warning '$top/man/mellan.5' >/dev/null 2>&1"
check "mellan.1 documents the exchange commands" \
	sh -c "mandoc -Tutf8 '$top/man/mellan.1' | col -b | grep -q 'mellan merge'"

# --- export and import ----------------------------------------------------------------------
run init --demo "$tmp/a.db"
run export --db "$tmp/a.db" -o "$tmp/a.json"
check "export writes a file (status 0)" rc_is 0
check "the export is private (0600)" sh -c "[ \$(stat -c %a '$tmp/a.json') = 600 ]"
check "the export says its format and version" \
	sh -c "head -n 3 '$tmp/a.json' | grep -q '\"format\": \"mellan\"' && grep -q '\"version\": 2' '$tmp/a.json'"
run import --db "$tmp/b.db" "$tmp/a.json"
check "import into a new file (status 0)" rc_is 0
check "... says what it added" out_has "added"
check "... and prints no progress when stderr is not a terminal" sh -c "[ ! -s '$tmp/err' ]"
run export --db "$tmp/b.db" -o "$tmp/b.json"
check "export, import, export gives the same bytes" cmp -s "$tmp/a.json" "$tmp/b.json"
check "the imported file has the same steps" \
	sh -c "[ \"\$(sqlite3 '$tmp/a.db' 'select uuid, title from step order by uuid')\" = \"\$(sqlite3 '$tmp/b.db' 'select uuid, title from step order by uuid')\" ]"
run import --db "$tmp/b.db" "$tmp/a.json"
check "importing twice: status 0, nothing added" sh -c "rc=\$(cat '$tmp/rc'); [ \$rc -eq 0 ] && grep -q ': 0 added' '$tmp/out'"
run export --db "$tmp/b.db" -o "$tmp/b2.json"
check "... and the data is as after the first" cmp -s "$tmp/a.json" "$tmp/b2.json"
code=$(q "$tmp/a.db" "select code from kase order by code limit 1")
run export --db "$tmp/a.db" --case "$code"
check "export of one case holds only that case" \
	sh -c "[ \$(grep -c '\"code\":\"' '$tmp/out') -ge 1 ] && ! grep -q 'DEMO-2' '$tmp/out'"
run export --db "$tmp/a.db" --case "No such case"
check "export of an unknown case: status 3, one line" sh -c "rc=\$(cat '$tmp/rc'); [ \$rc -eq 3 ]" && :
check "... naming the case" err_has "No such case"
run export --db "$tmp/a.db" "$code"
check "a case named without --case is a usage error (status 2)" rc_is 2

# --- malformed JSON: refused whole, the database unchanged ------------------------------------
cp "$tmp/b.db" "$tmp/b.before"
bad_json() { # description, file
	run import --db "$tmp/b.db" "$2"
	check "$1: status 3, one line" sh -c "[ \$(cat '$tmp/rc') -eq 3 ] && [ \$(wc -l <'$tmp/err') -eq 1 ]"
	check "$1: the database is unchanged" cmp -s "$tmp/b.db" "$tmp/b.before"
}
head -c 5000 "$tmp/a.json" >"$tmp/cut.json"
bad_json "a truncated export" "$tmp/cut.json"
sed '12s/"name":/"name"/' "$tmp/a.json" >"$tmp/line.json"
bad_json "an export with a broken record" "$tmp/line.json"
check "... naming its line" err_has "line 12"
sed 's/"time":"2015-HT"/"time":"autumn-ish"/' "$tmp/a.json" >"$tmp/time.json"
if cmp -s "$tmp/a.json" "$tmp/time.json"; then
	sed '0,/"time":"[^"]*"/s//"time":"autumn-ish"/' "$tmp/a.json" >"$tmp/time.json"
fi
# A new uuid so the record is not simply recognised as already here.
new_uuid=$(cat /proc/sys/kernel/random/uuid)
sed "0,/\"time\":\"[^\"]*\"/s//\"time\":\"not a time\"/; 0,/$(q "$tmp/a.db" "select uuid from step where time is not null order by uuid limit 1")/s//$new_uuid/" \
	"$tmp/a.json" >"$tmp/time.json"
bad_json "an export with a wrong time" "$tmp/time.json"
check "... naming the record and the field" sh -c "grep -q 'steps\[[0-9]*\]\.time' '$tmp/err'"
sed 's/"version": 2/"version": 7/' "$tmp/a.json" >"$tmp/v7.json"
bad_json "an export of another format version" "$tmp/v7.json"
sed '0,/"colour":/s//"color":/' "$tmp/a.json" >"$tmp/key.json"
bad_json "an export with a key the format does not have" "$tmp/key.json"
printf '{"format": "mellan", "version": 1, "cases": [{"uuid": "%s", "created": "2026-01-01T00:00:00.000Z", "updated": "2026-01-01T00:00:00.000Z", "code": "Ny", "status": "draft"}], "steps": [{"uuid": "%s", "created": "2026-01-01T00:00:00.000Z", "updated": "2026-01-01T00:00:00.000Z", "case": "%s", "seq": 1, "title": "x", "domain": "none", "certainty": "observed"}]}\n' \
	"$(cat /proc/sys/kernel/random/uuid)" "$(cat /proc/sys/kernel/random/uuid)" "$(cat /proc/sys/kernel/random/uuid)" >"$tmp/dangling.json"
bad_json "a step of a case that is in neither file" "$tmp/dangling.json"
check "... nothing of the file's valid case was kept" sh -c "[ \$(sqlite3 '$tmp/b.db' \"select count(*) from kase where code = 'Ny'\") -eq 0 ]"

# --- CSV chronologies --------------------------------------------------------------------------
run init "$tmp/c.db"
printf '\357\273\277Fall;Datum;Aktör;Vad hände;Vad gjordes\r\nÅsa;ht 2015;skola;Börjar skolka;"Mentorn ringer hem;\r\n""ingen"" svarar"\r\nÅsa;2016-03;BUP;Remiss till BUP;\r\n\r\n' >"$tmp/sv.csv"
run import --db "$tmp/c.db" "$tmp/sv.csv"
check "CSV: BOM, semicolons, CRLF, Swedish headers, a quoted field with a newline (status 0)" rc_is 0
check "... makes the case with its Swedish code" sh -c "[ \"\$(sqlite3 '$tmp/c.db' \"select count(*) from step where case_id = (select id from kase where code = 'Åsa')\")\" = 2 ]"
check "... keeps the quoted newline and the doubled quotes" \
	sh -c "[ \"\$(sqlite3 '$tmp/c.db' \"select what from intervention where what like 'Mentorn%'\")\" = \"\$(printf 'Mentorn ringer hem;\n\"ingen\" svarar')\" ]"
check "... matches the actor by short label in any case" \
	sh -c "[ \"\$(sqlite3 '$tmp/c.db' \"select a.short_label from intervention i join actor a on a.id = i.actor_id where i.what like 'Mentorn%'\")\" = Skola ]"
check "... reads the Swedish time" sh -c "[ \"\$(sqlite3 '$tmp/c.db' \"select time from step where title = 'Börjar skolka'\")\" = 2015-HT ]"
cp "$tmp/c.db" "$tmp/c.before"
run import --db "$tmp/c.db" "$tmp/sv.csv"
check "CSV imported twice adds nothing" sh -c "grep -q ': 0 added' '$tmp/out' && [ \$(sqlite3 '$tmp/c.db' 'select count(*) from step') -eq 2 ]"
printf 'case,date,actor,what happened,what was done\nBo,2014,Polisen,"Gripen, släpps",Orosanmälan\nBo,,,Flyttar,\n' >"$tmp/en.csv"
run import --db "$tmp/c.db" "$tmp/en.csv"
check "CSV: commas, LF, English headers, a quoted comma (status 0)" sh -c "[ \$(cat '$tmp/rc') -eq 0 ] && [ \"\$(sqlite3 '$tmp/c.db' \"select title from step where title like 'Gripen%'\")\" = 'Gripen, släpps' ]"
printf 'what happened\tcase\nFöds\tCy\n' >"$tmp/tab.csv"
run import --db "$tmp/c.db" "$tmp/tab.csv"
check "CSV: tabs, columns in another order (status 0)" sh -c "[ \$(cat '$tmp/rc') -eq 0 ] && [ \$(sqlite3 '$tmp/c.db' \"select count(*) from kase where code = 'Cy'\") -eq 1 ]"
cp "$tmp/c.db" "$tmp/c.before"
bad_csv() { # description, text of the file, expected part of the message
	printf "$2" >"$tmp/bad.csv"
	run import --db "$tmp/c.db" "$tmp/bad.csv"
	check "$1: status 3, one line" sh -c "[ \$(cat '$tmp/rc') -eq 3 ] && [ \$(wc -l <'$tmp/err') -eq 1 ]"
	check "$1: names it ('$3')" err_has "$3"
	check "$1: the database is unchanged" cmp -s "$tmp/c.db" "$tmp/c.before"
}
bad_csv "CSV with an unknown actor" 'case;actor;what happened;what was done\nDa;Polisen;a;b\nDa;Hemliga byrån;c;d\n' "line 3"
bad_csv "CSV with an unreadable date" 'case,date,what happened\nDa,2015,a\nDa,sometime,b\n' "line 3"
bad_csv "CSV with an unclosed quote" 'case,what happened\nDa,a\nDa,"b\nDa,c\n' "line 3"
bad_csv "CSV with an unknown column" 'case,what happened,shoe size\nDa,a,42\n' "shoe size"
bad_csv "CSV without the case column" 'date,what happened\n2015,a\n' "case"
bad_csv "CSV that is not UTF-8" 'case,what happened\nDa,a\nDa,\366\n' "line 3"
run import --db "$tmp/new.db" "$tmp/bad.csv"
check "a failed import into a new file leaves no file behind" sh -c "[ ! -e '$tmp/new.db' ] && [ ! -e '$tmp/new.db-wal' ]"

# --- merge: two laptops ---------------------------------------------------------------------------
run init --demo "$tmp/base.db"
cp "$tmp/base.db" "$tmp/l1.db"
cp "$tmp/base.db" "$tmp/l2.db"
s1=$(q "$tmp/base.db" "select uuid from step order by id limit 1")
s2=$(q "$tmp/base.db" "select uuid from step order by id limit 1 offset 1")
gone=$(q "$tmp/base.db" "select uuid from factor order by id limit 1")
# Both laptops add the same actor to the same gap: one row, not a refused merge.
ga_gap=$(q "$tmp/base.db" "select id from gap order by id limit 1")
ga_actor=$(q "$tmp/base.db" "select id from actor where id not in (select actor_id from gap_actor where gap_id = $ga_gap) order by id limit 1")
ga_sql="insert into gap_actor (uuid, gap_id, actor_id, role) values (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-8' || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))), $ga_gap, $ga_actor, 'could');"
edit "$tmp/l1.db" "$ga_sql"
edit "$tmp/l2.db" "$ga_sql"
edit "$tmp/l1.db" "update step set title = 'Titel från ett' where uuid = '$s1';
  update step set voice = 'Samma fält, ett' where uuid = '$s2';
  insert into kase (uuid, code) values ('$(cat /proc/sys/kernel/random/uuid)', 'Ny på ett');"
edit "$tmp/l2.db" "update step set narrative = 'Berättelse från två' where uuid = '$s1';
  update step set voice = 'Samma fält, två' where uuid = '$s2';
  delete from factor where uuid = '$gone';
  insert into kase (uuid, code) values ('$(cat /proc/sys/kernel/random/uuid)', 'Ny på två');"
cp "$tmp/l2.db" "$tmp/l2.before"
run merge --db "$tmp/l1.db" "$tmp/l2.db"
check "merge with a field changed on both sides: status 1" rc_is 1
check "... the other laptop's new case is added" sh -c "[ \$(sqlite3 '$tmp/l1.db' \"select count(*) from kase where code in ('Ny på ett', 'Ny på två')\") -eq 2 ]"
check "... the actor both added to a gap is there once" sh -c "[ \$(sqlite3 '$tmp/l1.db' \"select count(*) from gap_actor where gap_id = $ga_gap and actor_id = $ga_actor\") -eq 1 ]"
check "... a field changed here only is kept" sh -c "[ \"\$(sqlite3 '$tmp/l1.db' \"select title from step where uuid = '$s1'\")\" = 'Titel från ett' ]"
check "... a field changed there only is taken" sh -c "[ \"\$(sqlite3 '$tmp/l1.db' \"select narrative from step where uuid = '$s1'\")\" = 'Berättelse från två' ]"
check "... a record deleted there and unchanged here is deleted" sh -c "[ \$(sqlite3 '$tmp/l1.db' \"select count(*) from factor where uuid = '$gone'\") -eq 0 ]"
check "... the field changed on both sides keeps this side's value" sh -c "[ \"\$(sqlite3 '$tmp/l1.db' \"select voice from step where uuid = '$s2'\")\" = 'Samma fält, ett' ]"
check "... and is listed as a conflict with both values" sh -c "grep -q '^conflict [0-9]*: .*voice.*Samma fält, ett.*Samma fält, två' '$tmp/out'"
check "... and is kept in the database" sh -c "[ \$(sqlite3 '$tmp/l1.db' \"select count(*) from merge_conflict where resolved is null and field = 'voice'\") -eq 1 ]"
check "... the other file is unchanged, with nothing left beside it" sh -c "cmp -s '$tmp/l2.db' '$tmp/l2.before' && [ ! -e '$tmp/l2.db-wal' ] && [ ! -e '$tmp/l2.db-shm' ]"
run export --db "$tmp/l1.db" -o "$tmp/l1.json"
run merge --db "$tmp/l1.db" "$tmp/l2.db"
check "merging the same file again: the conflict is still listed (status 1)" sh -c "[ \$(cat '$tmp/rc') -eq 1 ] && grep -q '^open [0-9]*: ' '$tmp/out' && grep -q ' 0 added, 0 updated, 0 deleted' '$tmp/out'"
run export --db "$tmp/l1.db" -o "$tmp/l1b.json"
check "... and changes nothing" cmp -s "$tmp/l1.json" "$tmp/l1b.json"
check "... nor records the conflict twice" sh -c "[ \$(sqlite3 '$tmp/l1.db' 'select count(*) from merge_conflict') -eq 1 ]"
run conflicts --db "$tmp/l1.db"
check "conflicts lists the open conflict (status 1)" sh -c "[ \$(cat '$tmp/rc') -eq 1 ] && grep -q '^open [0-9]*: .*voice' '$tmp/out'"
cid=$(sed -n 's/^open \([0-9]*\):.*/\1/p' "$tmp/out" | head -n 1)
run conflicts --db "$tmp/l1.db" --take 999
check "deciding a conflict that is not there: status 2, one line" sh -c "[ \$(cat '$tmp/rc') -eq 2 ] && [ \$(wc -l <'$tmp/err') -eq 1 ]"
run conflicts --db "$tmp/l1.db" --take "$cid"
check "conflicts --take writes the other side's value" sh -c "[ \$(cat '$tmp/rc') -eq 0 ] && [ \"\$(sqlite3 '$tmp/l1.db' \"select voice from step where uuid = '$s2'\")\" = 'Samma fält, två' ]"
run conflicts --db "$tmp/l1.db"
check "... and closes it (status 0, nothing listed)" sh -c "[ \$(cat '$tmp/rc') -eq 0 ] && [ ! -s '$tmp/out' ]"
run merge --db "$tmp/l1.db" "$tmp/l2.db"
check "merging again after the decision: no conflict, nothing changed" sh -c "[ \$(cat '$tmp/rc') -eq 0 ] && grep -q ' 0 added, 0 updated, 0 deleted' '$tmp/out'"
run merge --db "$tmp/l2.db" "$tmp/l1.db"
check "merging back the other way takes what the first laptop did" sh -c "[ \"\$(sqlite3 '$tmp/l2.db' \"select title || '|' || narrative from step where uuid = '$s1'\")\" = 'Titel från ett|Berättelse från två' ]"
# A birth year taken from the other side moves the steps placed by age.
cp "$tmp/base.db" "$tmp/by.db"
age_step=$(q "$tmp/base.db" "select uuid from step where time like 'AGE%' order by id limit 1")
age_case=$(q "$tmp/base.db" "select k.uuid from kase k join step s on s.case_id = k.id where s.uuid = '$age_step'")
edit "$tmp/by.db" "update kase set birth_year = birth_year + 3 where uuid = '$age_case'"
before=$(q "$tmp/l2.db" "select sort_from from step where uuid = '$age_step'")
run merge --db "$tmp/l2.db" "$tmp/by.db"
check "a birth year changed there is taken, and the steps placed by age move with it" \
	sh -c "[ \$(cat '$tmp/rc') -eq 0 ] && [ \"\$(sqlite3 '$tmp/l2.db' \"select sort_from from step where uuid = '$age_step'\")\" = \"\$(echo '$before' | awk -F- '{printf \"%d-%s-%s\", \$1 + 3, \$2, \$3}')\" ]"
run merge --db "$tmp/l2.db" "$tmp/l2.db"
check "merging a file into itself is refused (status 2)" sh -c "[ \$(cat '$tmp/rc') -eq 2 ] && [ \$(wc -l <'$tmp/err') -eq 1 ]"
cp "$tmp/base.db" "$tmp/l3.db"
edit "$tmp/l3.db" "update step set note = 'bara här' where uuid = '$s1'"
run merge --db "$tmp/l3.db" "$tmp/base.db"
check "merging a file with nothing new: status 0, nothing changed" sh -c "[ \$(cat '$tmp/rc') -eq 0 ] && grep -q ' 0 added, 0 updated, 0 deleted' '$tmp/out' && [ \"\$(sqlite3 '$tmp/l3.db' \"select note from step where uuid = '$s1'\")\" = 'bara här' ]"
run init "$tmp/other-catalogue.db"
run merge --db "$tmp/l3.db" "$tmp/other-catalogue.db"
check "actors of another catalogue are matched by name, not added" sh -c "[ \$(cat '$tmp/rc') -eq 0 ] && [ \$(sqlite3 '$tmp/l3.db' 'select count(*) from actor') -eq \$(sqlite3 '$tmp/base.db' 'select count(*) from actor') ]"

# --- merge: hostile files ----------------------------------------------------------------------------
cp "$tmp/l3.db" "$tmp/l3.before"
hostile() { # description, file, expected part of the message
	cp "$2" "$tmp/hostile.before"
	run merge --db "$tmp/l3.db" "$2"
	check "$1: refused (status 3), one line" sh -c "[ \$(cat '$tmp/rc') -eq 3 ] && [ \$(wc -l <'$tmp/err') -eq 1 ]"
	check "$1: says why ('$3')" err_has "$3"
	check "$1: nothing changed here" cmp -s "$tmp/l3.db" "$tmp/l3.before"
	check "$1: the file itself is untouched, nothing beside it" sh -c "cmp -s '$2' '$tmp/hostile.before' && [ ! -e '$2-wal' ] && [ ! -e '$2-shm' ]"
}
cp "$tmp/l2.before" "$tmp/trigger.db"
edit "$tmp/trigger.db" "create trigger evil after insert on step begin delete from kase; end;"
hostile "a file with a trigger of its own" "$tmp/trigger.db" "trigger 'evil'"
cp "$tmp/l2.before" "$tmp/view.db"
edit "$tmp/view.db" "create view evil as select * from kase;"
hostile "a file with a view of its own" "$tmp/view.db" "schema"
cp "$tmp/l2.before" "$tmp/swap.db"
edit "$tmp/swap.db" "alter table gap rename to gap_real; create view gap as select * from gap_real;" 2>/dev/null
hostile "a file where a table is a view" "$tmp/swap.db" "schema"
cp "$tmp/l2.before" "$tmp/analyzed.db"
sqlite3 "$tmp/analyzed.db" "ANALYZE"
run merge --db "$tmp/l3.db" "$tmp/analyzed.db"
check "a file someone ran ANALYZE on is still merged (SQLite's own tables are not ours to refuse)" \
	sh -c "[ \$(cat '$tmp/rc') -le 1 ]"
cp "$tmp/l3.db" "$tmp/l3.before"
cp "$tmp/l2.before" "$tmp/app.db"
sqlite3 "$tmp/app.db" "PRAGMA application_id = 1234"
hostile "a file with another application_id" "$tmp/app.db" "not a mellan database"
cp "$tmp/l2.before" "$tmp/corrupt.db"
size=$(stat -c %s "$tmp/corrupt.db")
dd if=/dev/urandom of="$tmp/corrupt.db" bs=4096 seek=$((size / 4096 / 2)) count=2 conv=notrunc 2>/dev/null
hostile "a file with corrupt pages" "$tmp/corrupt.db" "damaged"
cp "$tmp/l2.before" "$tmp/invalid.db"
sqlite3 "$tmp/invalid.db" "PRAGMA ignore_check_constraints = ON; update step set time = 'when pigs fly' where uuid = '$s1'"
hostile "a file with a value mellan would not write" "$tmp/invalid.db" "time"
printf 'not a database at all, just text that is long enough to have a header of a hundred bytes or more.....\n' >"$tmp/text.db"
hostile "a text file" "$tmp/text.db" "text.db"
cp "$tmp/l2.before" "$tmp/open.db"
: >"$tmp/open.db-wal"
run merge --db "$tmp/l3.db" "$tmp/open.db"
check "a file another mellan has open is refused (status 4)" sh -c "[ \$(cat '$tmp/rc') -eq 4 ] && grep -q 'backup' '$tmp/err'"

# --- backup ----------------------------------------------------------------------------------------
run backup --db "$tmp/l3.db" "$tmp/copy.db"
check "backup (status 0)" rc_is 0
check "the copy is private (0600)" sh -c "[ \$(stat -c %a '$tmp/copy.db') = 600 ]"
check "the copy passes PRAGMA integrity_check" sh -c "[ \"\$(sqlite3 '$tmp/copy.db' 'PRAGMA integrity_check')\" = ok ]"
check "the copy has the same records" sh -c "[ \"\$(sqlite3 '$tmp/copy.db' 'select uuid, title, note from step order by uuid' | md5sum)\" = \"\$(sqlite3 '$tmp/l3.db' 'select uuid, title, note from step order by uuid' | md5sum)\" ]"
check "the source has nothing left beside it" no_side_files "$tmp/l3.db"
run backup --db "$tmp/l3.db" "$tmp/nodir/copy.db"
check "a backup that cannot be written: status 4, one line" sh -c "[ \$(cat '$tmp/rc') -eq 4 ] && [ \$(wc -l <'$tmp/err') -eq 1 ]"

# A file's answer to a query is the value given.
answers() { [ "$(sqlite3 "$1" "$2" 2>/dev/null)" = "$3" ]; }

if command -v tmux >/dev/null 2>&1; then
	. "$(dirname "$0")/lib/tmux.sh"
	# A conflict decided in the TUI: m shows it, t takes the other laptop's value.
	cp "$tmp/base.db" "$tmp/t1.db"
	cp "$tmp/base.db" "$tmp/t2.db"
	edit "$tmp/t1.db" "update step set title = 'Rubrik ett' where uuid = '$s2'"
	edit "$tmp/t2.db" "update step set title = 'Rubrik två' where uuid = '$s2'"
	run merge --db "$tmp/t1.db" "$tmp/t2.db"
	mkdir -p "$tmp/home/.config/mellan"
	echo "TT" >"$tmp/home/.config/mellan/initials"
	start 100x30 XDG_CONFIG_HOME="$tmp/home/.config" -- --db "$tmp/t1.db"
	check "the TUI starts on the merged file" wait_for "cases"
	keys m
	check "m shows the conflict's value here" wait_for "here:  Rubrik ett"
	check "... and the other laptop's" wait_for "there: Rubrik två"
	keys t
	check "t takes the other laptop's value" \
		eventually answers "$tmp/t1.db" "select title from step where uuid = '$s2'" "Rubrik två"
	check "... and closes the conflict" eventually answers "$tmp/t1.db" \
		"select count(*) from merge_conflict where resolved is null" 0
	check "... and the screen says there is none left" wait_for "No open merge conflicts"
	start 100x30 -- --db "$tmp/l3.db"
	# The screen drawn means the TUI has read the file; it keeps it open from then on.
	wait_for "cases"
	check "the TUI has the file open" eventually test -e "$tmp/l3.db-wal"
	# Another mellan writes while the TUI is open: the backup must include the write.
	run import --db "$tmp/l3.db" "$tmp/en.csv"
	run backup --db "$tmp/l3.db" "$tmp/live.db"
	check "backup while the TUI runs (status 0)" rc_is 0
	check "... passes PRAGMA integrity_check" sh -c "[ \"\$(sqlite3 '$tmp/live.db' 'PRAGMA integrity_check')\" = ok ]"
	check "... and holds the latest write" sh -c "[ \$(sqlite3 '$tmp/live.db' \"select count(*) from kase where code = 'Bo'\") -eq 1 ]"
else
	for _ in 1 2 3 4 5 6 7 8 9 10; do
		skip "a conflict decided in the TUI, a backup while it runs" "tmux is not installed"
	done
fi

done_testing 127
