#!/bin/sh
# import_sheet.sh - `mellan import` of chronologies as agencies really keep them: a Swedish one as
# Excel saves CSV (title row, semicolons, BOM, CRLF, its own headers, short actor names), an
# English one with commas, and an .xlsx workbook written by libxlsxwriter with dates stored as
# serial numbers; unknown columns and actor names listed at once and then said with --map,
# --ignore, --actor and --new-actors; --dry-run writing nothing; bad input refused whole with
# the line named and the database untouched. Speaks TAP. Needs sqlite3.
. "$(dirname "$0")/lib/tap.sh"
need sqlite3
gen=$(dirname "$bin")/tests/xlsx_chronology
on_fail() { sed 's/^/#   /' "$tmp/err" "$tmp/out" 2>/dev/null | head -n 20; }
q() { sqlite3 "$1" "$2"; }
same_bytes() { cmp -s "$1" "$2"; }
no_side_files() { [ ! -e "$1-wal" ] && [ ! -e "$1-shm" ]; }

# --- a Swedish chronology, as Excel saves it -------------------------------------------------
printf '\357\273\277Kronologi f\303\266r Lina (avidentifierad);;;;;\r\n;;;;;\r\n' >"$tmp/lina.csv"
printf 'Datum;Myndighet;H\303\244ndelse;\303\205tg\303\244rd;Kommentar;Ref nr\r\n' >>"$tmp/lina.csv"
printf '2015-08-20;Skolan;B\303\266rjar skolka;"Mentorn ringer hem;\r\ningen svarar";;A1\r\n' >>"$tmp/lina.csv"
printf '2015-10-01;Soc;Orosanm\303\244lan fr\303\245n skolan;Utredning inleds;Skolan oroad;A2\r\n' >>"$tmp/lina.csv"
printf '15/11/2015;F\303\244ltgruppen;Tr\303\244ffas p\303\245 stan;Samtal;;A3\r\n' >>"$tmp/lina.csv"
printf 'ht 2016;BUP;Remiss till BUP;;;A4\r\n' >>"$tmp/lina.csv"
printf 'vt 2017;F\303\244ltgruppen;Slutar tr\303\244ffas;;;A5\r\n' >>"$tmp/lina.csv"

run import --db "$tmp/new.db" "$tmp/lina.csv"
check "a column mellan does not read: status 3, one line" \
	sh -c "[ \$(cat '$tmp/rc') -eq 3 ] && [ \$(wc -l <'$tmp/err') -eq 1 ]"
check "... naming the column and the line of the header" err_has "line 3: the column 'Ref nr' is not one mellan reads"
check "... with the fields mellan reads and what to do" \
	sh -c "grep -qF 'case, date, actor, what happened, what was done, outcome, note' '$tmp/err' && grep -qF -- '--map' '$tmp/err'"
check "... and the new database it would have made is not left behind" test ! -e "$tmp/new.db"
run import --db "$tmp/new.db" --ignore 'ref NR' "$tmp/lina.csv"
check "left out, the file has no case column: --case is named" sh -c "grep -qF -- '--case CODE' '$tmp/err'"
run import --db "$tmp/new.db" --ignore 'Ref nr' --case Lina "$tmp/lina.csv"
check "actor names the catalogue lacks: status 3, one line" sh -c "[ \$(cat '$tmp/rc') -eq 3 ] && [ \$(wc -l <'$tmp/err') -eq 1 ]"
check "... all of them at once, with their lines" \
	sh -c "grep -qF \"'Fältgruppen' (lines 7, 9)\" '$tmp/err'"
check "... Soc is ambiguous, and the three actors it could be are named" \
	err_has "'Soc' (line 6: could be Socialtjänsten (barn och unga) or Socialtjänsten (vuxen) or Socialtjänstens öppenvård?)"
check "... and nothing was written" test ! -e "$tmp/new.db"

# --dry-run writes nothing: an existing file byte for byte, no -wal beside it; a missing one
# is not made.
run init "$tmp/sv.db"
cp "$tmp/sv.db" "$tmp/sv.before"
run import --db "$tmp/sv.db" --dry-run --ignore 'Ref nr' --case Lina --actor 'Soc=Socialtjänsten (barn' \
	--new-actors kommun "$tmp/lina.csv"
check "--dry-run: status 0" rc_is 0
check "... says what would be added" out_has "would add: 1 case, 5 steps, 5 interventions, 1 new actor"
check "... with the first few of each" \
	sh -c "grep -qF '  cases: Lina' '$tmp/out' && grep -qF '  steps: 2015-08-20 Börjar skolka · 2015-10-01 Orosanmälan från skolan · 2015-11-15 Träffas på stan · and 2 more' '$tmp/out'"
check "... the new actor with its sector, and what Soc is" \
	sh -c "grep -qF '  new actors: Fältgruppen (Municipality)' '$tmp/out' && grep -qF '  Soc is Socialtjänsten (barn och unga)' '$tmp/out'"
check "... and that nothing was written" out_has "nothing was written (--dry-run)"
check "... the database byte for byte as it was" same_bytes "$tmp/sv.db" "$tmp/sv.before"
check "... with no -wal or -shm left beside it" no_side_files "$tmp/sv.db"
run import --db "$tmp/none.db" --dry-run --ignore 'Ref nr' --case Lina "$tmp/lina.csv"
check "--dry-run of a file that stands in the way: status 3, after the preview" \
	sh -c "[ \$(cat '$tmp/rc') -eq 3 ] && grep -qF 'not in the catalogue: ' '$tmp/out' && grep -qF 'actors are not in the catalogue' '$tmp/err'"
check "... into a database not there yet: none is made" test ! -e "$tmp/none.db"

run import --db "$tmp/sv.db" --ignore 'Ref nr' --case Lina --actor 'Soc=SocBU' \
	--new-actors kommun "$tmp/lina.csv"
check "said what they are, the chronology comes in (status 0)" rc_is 0
check "... the summary counts the new actor" out_has "12 added, 0 already here, 1 of them a new actor in the catalogue"
check "... the steps in order, the date written day first read as a date" \
	sh -c "[ \"\$(sqlite3 '$tmp/sv.db' \"SELECT group_concat(time, ' ') FROM (SELECT s.time FROM step s JOIN kase k ON k.id = s.case_id WHERE k.code = 'Lina' ORDER BY s.seq)\")\" = '2015-08-20 2015-10-01 2015-11-15 2016-HT 2017-VT' ]"
check "... Soc as Socialtjänsten (barn och unga), the line break of a cell kept" \
	sh -c "[ \"\$(sqlite3 '$tmp/sv.db' \"SELECT i.what FROM intervention i JOIN actor a ON a.id = i.actor_id WHERE a.name = 'Socialtjänsten (barn och unga)'\")\" = 'Utredning inleds' ] && sqlite3 '$tmp/sv.db' \"SELECT what FROM intervention WHERE what LIKE 'Mentorn%'\" | grep -qx 'ingen svarar'"
check "... Fältgruppen added to the catalogue once, in the municipality" \
	sh -c "[ \"\$(sqlite3 '$tmp/sv.db' \"SELECT count(*) || sector FROM actor WHERE name = 'Fältgruppen'\")\" = 1municipality ]"
run import --db "$tmp/sv.db" --ignore 'Ref nr' --case Lina --actor 'Soc=SocBU' "$tmp/lina.csv"
check "twice is once: the same file again adds nothing" out_has "0 added, 5 already here"

# --- an English chronology, with commas -------------------------------------------------------
cat >"$tmp/sam.csv" <<'EOF'
Case ID,Date of event,Lead professional,Event,Action taken,Outcome,Notes
Sam,2016-03-04 10:30,Police,"Stopped in the city centre, at night",Called the parents,Parents came,
Sam,4.5.2016,BUP,Referral,Assessment,,waiting list
Sam,2016-06,Police,Second contact,,,
EOF
run import --db "$tmp/sv.db" "$tmp/sam.csv"
check "an English header mellan does not know is named" err_has "the column 'Lead professional' is not one"
run import --db "$tmp/sv.db" --map 'Lead professional=actor' --actor 'Police=Polisen' "$tmp/sam.csv"
check "--map says what it is, --actor who Police is: status 0" rc_is 0
check "... outcome, dates with a time of day and day first, all read" \
	sh -c "[ \"\$(sqlite3 '$tmp/sv.db' \"SELECT group_concat(s.time || ' ' || a.name || ' ' || coalesce(i.outcome, '-'), ' / ') FROM step s JOIN kase k ON k.id = s.case_id JOIN intervention i ON i.step_from = s.id JOIN actor a ON a.id = i.actor_id WHERE k.code = 'Sam'\")\" = '2016-03-04 Polisen Parents came / 2016-05-04 BUP - / 2016-06 Polisen -' ]"

# --- an .xlsx workbook, written by libxlsxwriter ---------------------------------------------
"$gen" "$tmp/lina.xlsx"
run init "$tmp/x.db"
run import --db "$tmp/x.db" --dry-run --ignore 'Ref nr' --map 'Klar=anteckning' --actor 'Soc=SocBU' \
	--new-actors civil "$tmp/lina.xlsx"
check "an .xlsx workbook: its first sheet, previewed (status 0)" \
	sh -c "[ \$(cat '$tmp/rc') -eq 0 ] && grep -qF \"lina.xlsx, sheet 'Kronologi': 4 rows below the header on line 3\" '$tmp/out'"
check "... dates stored as serial numbers read as dates, in each date style" \
	out_has "steps: 2015-08-20 Börjar skolka · 2015-10-01 Orosanmälan från skolan · Träffas på stan · and 1 more"
run import --db "$tmp/x.db" --ignore 'Ref nr' --map 'Klar=anteckning' --actor 'Soc=SocBU' \
	--new-actors civil "$tmp/lina.xlsx"
check "... imported (status 0)" rc_is 0
check "... the times as the sheet shows them: a day, a day, none, a month" \
	sh -c "[ \"\$(sqlite3 '$tmp/x.db' \"SELECT group_concat(coalesce(time, '-'), ' ') FROM (SELECT time FROM step ORDER BY seq)\")\" = '2015-08-20 2015-10-01 - 2016-03' ]"
check "... booleans as the spreadsheet shows them, a line break in a cell kept" \
	sh -c "[ \"\$(sqlite3 '$tmp/x.db' \"SELECT group_concat(coalesce(note, '-'), ' ') FROM (SELECT note FROM step ORDER BY seq)\")\" = 'TRUE FALSE - -' ] && sqlite3 '$tmp/x.db' \"SELECT what FROM intervention WHERE what LIKE 'Mentorn%'\" | grep -qx 'ingen svarar'"
run import --db "$tmp/x.db" --sheet chronology --actor 'Police=Polisen' "$tmp/lina.xlsx"
check "--sheet: another sheet, a serial in a date column without a date style a date, a year a year" \
	sh -c "[ \$(cat '$tmp/rc') -eq 0 ] && [ \"\$(sqlite3 '$tmp/x.db' \"SELECT group_concat(s.time || ' ' || coalesce(i.outcome, '-'), ' / ') FROM step s JOIN kase k ON k.id = s.case_id JOIN intervention i ON i.step_from = s.id WHERE k.code = 'Sam'\")\" = '2015-11-15 Parents came to collect him / 2016 -' ]"
run import --db "$tmp/x.db" --sheet Blad9 "$tmp/lina.xlsx"
check "--sheet of a sheet the workbook lacks: status 3, its sheets named" \
	sh -c "[ \$(cat '$tmp/rc') -eq 3 ] && grep -qF \"has no sheet 'Blad9' (it has 'Kronologi', 'Chronology')\" '$tmp/err'"
printf '\320\317\021\340\241\261\032\341old' >"$tmp/old.xls"
run import --db "$tmp/x.db" "$tmp/old.xls"
check "an old .xls: status 3, saying how to save it" \
	sh -c "[ \$(cat '$tmp/rc') -eq 3 ] && grep -qF 'save it as .xlsx' '$tmp/err'"

# --- the command line's own mistakes: status 2 -------------------------------------------------
usage() { # description, then import's arguments
	d=$1
	shift
	run import --db "$tmp/sv.db" "$@"
	check "$d: status 2, one line" sh -c "[ \$(cat '$tmp/rc') -eq 2 ] && [ \$(wc -l <'$tmp/err') -eq 1 ]"
}
usage "--map without '='" --map Agency "$tmp/sam.csv"
usage "--map to a field mellan does not have" --map 'Agency=colour' "$tmp/sam.csv"
usage "--new-actors of no sector" --new-actors planet "$tmp/sam.csv"
usage "--actor naming no actor of the catalogue" --actor 'Police=Nobody' "$tmp/sam.csv"
usage "--actor naming one that could be two" --actor 'Soc=Socialtjänsten' "$tmp/sam.csv"
run export --db "$tmp/sv.db" -o "$tmp/sv.json"
usage "--dry-run of a JSON export" --dry-run "$tmp/sv.json"

# --- bad input: refused whole, the line named, the database untouched --------------------------
cp "$tmp/sv.db" "$tmp/sv.before"
printf 'fall;datum;akt\303\266r;vad h\303\244nde\nKim;2015;BUP;Remiss\nKim;den tredje;BUP;Samtal\n' >"$tmp/bad.csv"
run import --db "$tmp/sv.db" "$tmp/bad.csv"
check "an unreadable date: status 3, one line naming line 3" \
	sh -c "[ \$(cat '$tmp/rc') -eq 3 ] && grep -q '^mellan: .*bad.csv: line 3: ' '$tmp/err' && [ \$(wc -l <'$tmp/err') -eq 1 ]"
check "... the database byte for byte as it was" same_bytes "$tmp/sv.db" "$tmp/sv.before"
printf 'fall;vad h\303\244nde;\nKim;Remiss;\nKim;Samtal;varf\303\266r?\n' >"$tmp/bad.csv"
run import --db "$tmp/sv.db" "$tmp/bad.csv"
check "a value under no header: status 3, its line and column named" \
	sh -c "[ \$(cat '$tmp/rc') -eq 3 ] && grep -qF 'line 3: column C has a value but no name' '$tmp/err'"
check "... the database byte for byte as it was" same_bytes "$tmp/sv.db" "$tmp/sv.before"

done_testing 45
