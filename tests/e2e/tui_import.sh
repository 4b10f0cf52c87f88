#!/bin/sh
# tui_import.sh - the import screen as a facilitator meets it with a real chronology on a Friday
# afternoon, in a private tmux server at 100x30: i on the cases opens it; the file is chosen by
# typing its path with Tab completing it; the unknown column is left out, the case of every row
# given, the ambiguous Soc said to be an actor of the catalogue and Fältgruppen made a new one;
# the preview is the one --dry-run prints and nothing is written until i imports it all at once.
# A long file shows its progress on the bottom line. Speaks TAP; polls.
. "$(dirname "$0")/lib/tap.sh"
. "$(dirname "$0")/lib/tmux.sh"
db=$tmp/demo.db
mellan init --demo "$db" >/dev/null 2>&1

mkdir -p "$tmp/papers"
csv=$tmp/papers/kronologi-lina.csv
printf '\357\273\277Kronologi f\303\266r Lina;;;;;\r\n' >"$csv"
printf 'Datum;Myndighet;H\303\244ndelse;\303\205tg\303\244rd;Kommentar;Ref nr\r\n' >>"$csv"
printf '2015-08-20;Skolan;B\303\266rjar skolka;Mentorn ringer hem;;A1\r\n' >>"$csv"
printf '2015-10-01;Soc;Orosanm\303\244lan;Utredning inleds;;A2\r\n' >>"$csv"
printf '2015-11-15;F\303\244ltgruppen;Tr\303\244ffas p\303\245 stan;Samtal;;A3\r\n' >>"$csv"
printf 'ht 2016;BUP;Remiss till BUP;;;A4\r\n' >>"$csv"
printf 'vt 2017;F\303\244ltgruppen;Slutar tr\303\244ffas;;;A5\r\n' >>"$csv"
touch "$tmp/papers/other.txt"
shows_re() { screen | grep -q -- "$1"; }

start 100x30
wait_for "DEMO-1"
keys i
check "i on the cases asks first for the initials" wait_for "Your initials"
keys "AB" Enter
check "then for the file" wait_for "Import a chronology from a spreadsheet"
keys "$tmp/papers/kr" Tab
check "Tab completes the path" wait_for "papers/kronologi-lina.csv"
keys Enter
check "the columns are listed with the field each gives" wait_for "what happened"
check "... the one mellan does not read is marked" eventually shows_re 'Ref nr  *? not read'
check "... and said to be in the way" wait_for "Enter on it says what it is"
for k in 1 2 3 4 5; do keys Down; done
keys Enter
check "Enter on it asks what it is" wait_for "What is the column 'Ref nr'?"
keys "leave" Enter
check "left out" wait_for "left out"
check "... now the case is missing" wait_for "No column gives the case"
keys Down Enter
check "Enter on 'Case of every row' asks for it" wait_for "The case of every row"
keys "Lina" Enter
check "the names the catalogue lacks are listed with their lines" wait_for "Fältgruppen (lines 5, 7)"
check "... Soc with the two actors it could be" \
	wait_for "Soc (line 4)                 ? could be Socialtjänsten (barn och unga) or Socialtjänsten (vuxen)"
check "... and nothing is written while they are said" [ "$(sql "SELECT count(*) FROM kase WHERE code = 'Lina'")" = 0 ]
keys Down Enter
check "Enter on Soc offers the catalogue" wait_for "Which actor is 'Soc'?"
keys "barn och" Enter
check "Soc is Socialtjänsten (barn och unga)" wait_for "Soc (line 4)                 Socialtjänsten (barn och unga)"
keys Down Enter
wait_for "Which actor is 'Fältgruppen'?"
keys "new actor: mun" Enter
check "Fältgruppen is a new actor of the municipality" wait_for "a new actor: Municipality"
check "the preview is the dry run's" wait_for "would add: 1 case, 5 steps, 5 interventions, 1 new actor"
check "... and the screen says it is ready" wait_for "Ready: i imports what the preview shows."
check "... still nothing written" [ "$(sql "SELECT count(*) FROM actor WHERE name = 'Fältgruppen'")" = 0 ]
keys "?"
check "? shows the import screen's keys" wait_for "Keys of the import screen"
keys q
wait_for "Ready: i imports"
keys i
check "i imports it and goes back to the cases, which show Lina" wait_for "imported $csv: 12 added"
check "... the steps are in the file" [ "$(sql "SELECT count(*) FROM step s JOIN kase k ON k.id = s.case_id WHERE k.code = 'Lina'")" = 5 ]
check "... Fältgruppen in the catalogue, once, in the municipality" \
	[ "$(sql "SELECT count(*) || sector FROM actor WHERE name = 'Fältgruppen'")" = 1municipality ]
check "... Soc's intervention by Socialtjänsten (barn och unga)" \
	[ "$(sql "SELECT a.name FROM intervention i JOIN actor a ON a.id = i.actor_id WHERE i.what = 'Utredning inleds'")" = "Socialtjänsten (barn och unga)" ]

# A long file: the progress shows while it is read and while it is written.
big=$tmp/papers/lang.csv
awk 'BEGIN { print "fall;datum;aktör;vad hände"; for (i = 0; i < 30000; i++) printf "Lång;%d-%02d-%02d;BUP;Händelse %d\n", 2000 + int(i / 336) % 20, int(i / 28) % 12 + 1, i % 28 + 1, i }' >"$big"
keys i
wait_for "Import a chronology from a spreadsheet"
keys C-u "$big" Enter
check "a long file shows the rows read on the bottom line" wait_for "rows read: "
check "... then its preview" wait_for "would add: 1 case, 30000 steps"
keys i
check "... and the rows imported of all, while it writes" wait_for "rows imported: "
check "... until it is done" wait_for "imported $big: 60001 added" 120
keys q
check "q quits" wait_for "EXITED:0"

done_testing 29
