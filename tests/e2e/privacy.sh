#!/bin/sh
# privacy.sh - `mellan check` as a facilitator and a script meet it: a clean demo passes with
# status 0, identifiers planted with the sqlite3 shell in every kind of text are each reported
# on one line saying where, masked, with status 1; the file is not changed. Speaks TAP.
. "$(dirname "$0")/lib/tap.sh"
has() { grep -qxF -- "$1" "$tmp/out"; }

# --- a clean database --------------------------------------------------------------------------
run init --demo "$tmp/demo.db"
check "init --demo" sh -c "[ $(rc) -eq 0 ]"
cp "$tmp/demo.db" "$tmp/demo.copy"
run check --db "$tmp/demo.db"
check "check of the clean demo: status 0" sh -c "[ $(rc) -eq 0 ]"
check "... one line that says so" sh -c "[ \$(wc -l <'$tmp/out') -eq 1 ]"
check "... integrity ok, no findings" has "integrity: ok; 0 privacy findings, 0 kept on purpose"
check "... nothing on standard error" sh -c "[ ! -s '$tmp/err' ]"
check "... the file is unchanged" cmp -s "$tmp/demo.db" "$tmp/demo.copy"

# --- identifiers planted in every kind of text --------------------------------------------------
cp "$tmp/demo.db" "$tmp/p.db"
sqlite3 "$tmp/p.db" <<'EOF'
UPDATE kase SET summary = 'Bor på Södra Förstadsgatan 24 lgh 1102, 211 45 Malmö.' WHERE code = 'DEMO-1 Sam';
UPDATE step SET narrative = 'Mamma: 070-123 45 67, mejl anna.svensson@malmo.se'
  WHERE id = (SELECT s.id FROM step s JOIN kase k ON k.id = s.case_id
              WHERE k.code = 'DEMO-1 Sam' ORDER BY s.sort_from, s.seq LIMIT 1);
UPDATE step SET voice = 'Mitt personnummer är 19121212-1212' || char(27) || '[2J'
  WHERE id = (SELECT s.id FROM step s JOIN kase k ON k.id = s.case_id
              WHERE k.code = 'DEMO-2 Noor' ORDER BY s.sort_from, s.seq LIMIT 1 OFFSET 2);
UPDATE factor SET text = 'Bor hos Åsas moster' WHERE id = (SELECT min(id) FROM factor);
INSERT INTO name_block (uuid, name) VALUES ('0b7e3a44-5a7f-4d0e-9a53-3c1f5c1e0001', 'åsa');
UPDATE intervention SET outcome = 'Samordningsnummer 701063-2391 saknades' WHERE id = (SELECT min(id) FROM intervention);
UPDATE gap SET what_must_change = 'Ring kuratorn på 040-12 34 56' WHERE id = (SELECT min(id) FROM gap);
UPDATE action SET what = 'Skicka till rektor@skolan.se' WHERE id = (SELECT min(id) FROM action);
UPDATE handover SET note = 'Skickad till +46 40 12 34 56' WHERE id = (SELECT min(id) FROM handover);
INSERT INTO workshop_log (uuid, workshop_id, kind, text)
  VALUES ('0b7e3a44-5a7f-4d0e-9a53-3c1f5c1e0002', (SELECT min(id) FROM workshop), 'note', 'Åsa ringer 0701234567');
UPDATE actor SET description = 'Kontakt: Storgatan 12' WHERE id = (SELECT min(id) FROM actor);
EOF
cp "$tmp/p.db" "$tmp/p.copy"
run check --db "$tmp/p.db"
check "check with planted identifiers: status 1" sh -c "[ $(rc) -eq 1 ]"
check "... a line per finding and the sum (14 lines)" sh -c "[ \$(wc -l <'$tmp/out') -eq 14 ]"
check "... the sum last" sh -c "tail -n 1 '$tmp/out' | grep -qxF 'integrity: ok; 13 privacy findings, 0 kept on purpose'"
check "... the address in the case summary, masked" \
	has "DEMO-1 Sam, case, summary: street address Sö*** ************* ** *** **02"
check "... the postal code beside it" \
	has "DEMO-1 Sam, case, summary: postal code and place 21* ** ***mö"
check "... the phone number in step 1, with its title" \
	sh -c "grep -qE '^DEMO-1 Sam, step 1 \".*\", narrative: phone number 07\\*-\\*\\*\\* \\*\\* 67\$' '$tmp/out'"
check "... the e-mail address beside it" \
	sh -c "grep -qE '^DEMO-1 Sam, step 1 \".*\", narrative: e-mail address an\\*\\*\\.\\*{8}@\\*{5}\\.se\$' '$tmp/out'"
check "... the identity number in the young person's words, step 3" \
	sh -c "grep -qE '^DEMO-2 Noor, step 3 \".*\", their own words: personal identity number 19\\*{6}-\\*\\*12\$' '$tmp/out'"
check "... the name on the list in a factor, in its genitive" \
	sh -c "grep -qE ', factor, text: name on the list Å\\*\\*\\*\$' '$tmp/out'"
check "... the coordination number in an intervention" \
	sh -c "grep -qE ', intervention, outcome: coordination number 70\\*{4}-\\*\\*91\$' '$tmp/out'"
check "... the phone number in a gap" sh -c "grep -qE ', gap, what must change: phone number 04' '$tmp/out'"
check "... the e-mail in a gap's action" sh -c "grep -qE ', action, what must be done: e-mail address ' '$tmp/out'"
check "... the +46 number in a hand-over" sh -c "grep -qE ', hand-over, note: phone number \\+4' '$tmp/out'"
check "... the workshop log: the name and the number" \
	sh -c "grep -qE '^workshop log, [0-9-]+, entry: name on the list Å\\*\\*\$' '$tmp/out' && grep -qE '^workshop log, [0-9-]+, entry: phone number 07\\*{6}67\$' '$tmp/out'"
check "... the actor catalogue" sh -c "grep -qE '^actor, .*, description: street address St' '$tmp/out'"
for secret in "070-123 45 67" "anna.svensson" "19121212-1212" "701063-2391" "Storgatan 12" \
	"211 45" "rektor@" "0701234567" "Åsas"; do
	check "... never prints '$secret' in the clear" sh -c "! grep -qF -- '$secret' '$tmp/out'"
done
check "... no escape character from the text reaches the terminal" \
	sh -c "! grep -q \"\$(printf '\\033')\" '$tmp/out'"
check "... nothing on standard error" sh -c "[ ! -s '$tmp/err' ]"
check "... the file is unchanged" cmp -s "$tmp/p.db" "$tmp/p.copy"

# rewriting a text removes its finding
sqlite3 "$tmp/p.db" "DELETE FROM name_block;"
run check --db "$tmp/p.db"
check "a name taken off the list is no longer a finding (11 left)" \
	sh -c "[ $(rc) -eq 1 ] && tail -n 1 '$tmp/out' | grep -qxF 'integrity: ok; 11 privacy findings, 0 kept on purpose'"

# --- a mistyped identity number and a birth date, each a kind of its own ----------------------
cp "$tmp/demo.db" "$tmp/b.db"
sqlite3 "$tmp/b.db" "UPDATE kase SET summary = 'Född den 14 mars 2005, nr 20050314-2383' WHERE code = 'DEMO-1 Sam';"
run check --db "$tmp/b.db"
check "a birth date and a mistyped identity number: status 1, each named and masked" \
	sh -c "[ $(rc) -eq 1 ] && grep -qxF 'DEMO-1 Sam, case, summary: birth date Fö** *** ** **** **05' '$tmp/out' && grep -qxF 'DEMO-1 Sam, case, summary: possible identity number, check digit wrong 20******-**83' '$tmp/out' && ! grep -qF -e '14 mars' -e '20050314' '$tmp/out'"
run report --db "$tmp/b.db" -o "$tmp/b.txt"
check "... and the report refuses them by name" \
	sh -c "[ $(rc) -eq 1 ] && tail -n 1 '$tmp/err' | grep -qF '(1 possible identity number, check digit wrong, 1 birth date) in DEMO-1 Sam'"

# --- rewritten texts: the history keeps the earlier version for undo, and check says so ----------
cp "$tmp/demo.db" "$tmp/h.db"
sqlite3 "$tmp/h.db" "UPDATE step SET narrative = 'Ring 070-123 45 67 eller 040-12 34 56' WHERE id = 1;"
sqlite3 "$tmp/h.db" "UPDATE step SET narrative = 'Ring mamma' WHERE id = 1;"
run check --db "$tmp/h.db"
check "a rewritten text: status 0, the earlier version counted" \
	sh -c "[ $(rc) -eq 0 ] && [ \$(wc -l <'$tmp/out') -eq 1 ] && grep -qxF 'integrity: ok; 0 privacy findings, 0 kept on purpose, 2 in earlier versions the history keeps for undo' '$tmp/out'"

# --- a damaged file: reported as a finding -----------------------------------------------------
cp "$tmp/demo.db" "$tmp/fk.db"
sqlite3 "$tmp/fk.db" "INSERT INTO factor (uuid, step_id, kind, text)
	VALUES ('0b7e3a44-5a7f-4d0e-9a53-3c1f5c1e0009', 999999, 'risk', 'Ring 070-123 45 67');"
run check --db "$tmp/fk.db"
check "a record pointing at nothing: status 1" sh -c "[ $(rc) -eq 1 ]"
check "... one line says what is wrong and what to do" \
	sh -c "grep -q '^integrity: .*: 1 record refers to a record that does not exist; restore the file from a backup' '$tmp/out'"
check "... and the sum says damaged" \
	sh -c "tail -n 1 '$tmp/out' | grep -qxF 'integrity: damaged; 0 privacy findings, 0 kept on purpose'"

# --- export and report refuse to let findings leave the machine ----------------------------------
run export --db "$tmp/demo.db" -o "$tmp/clean.json"
check "export of the clean demo: status 0, written" sh -c "[ $(rc) -eq 0 ] && [ -s '$tmp/clean.json' ]"
run report --db "$tmp/demo.db" -o "$tmp/clean.txt"
check "report of the clean demo: status 0, written" sh -c "[ $(rc) -eq 0 ] && [ -s '$tmp/clean.txt' ]"
cp "$tmp/demo.db" "$tmp/g.db"
sqlite3 "$tmp/g.db" "UPDATE step SET narrative = 'Ring 070-123 45 67' WHERE id = (SELECT s.id FROM step s
	JOIN kase k ON k.id = s.case_id WHERE k.code = 'DEMO-1 Sam' ORDER BY s.sort_from, s.seq LIMIT 1);"
for cmd in export report; do
	run $cmd --db "$tmp/g.db" -o "$tmp/g.$cmd"
	check "$cmd with a finding: status 1, nothing written" sh -c "[ $(rc) -eq 1 ] && [ ! -e '$tmp/g.$cmd' ] && ! ls '$tmp'/g.$cmd.* >/dev/null 2>&1"
	check "... the finding on standard error, masked, where it is" \
		sh -c "grep -qE '^DEMO-1 Sam, step 1 \".*\", narrative: phone number 07\\*-\\*\\*\\* \\*\\* 67\$' '$tmp/err'"
	check "... then one line naming the case, the kind and the way on" \
		sh -c "tail -n 1 '$tmp/err' | grep -qxF 'mellan: 1 privacy finding (1 phone number) in DEMO-1 Sam: rewrite it or keep it on purpose, or give --allow-findings'"
	check "... and never the number itself" sh -c "! grep -qF '070-123 45 67' '$tmp/err' '$tmp/out'"
	run $cmd --db "$tmp/g.db" --allow-findings -o "$tmp/g.$cmd"
	check "$cmd --allow-findings: status 0, written" sh -c "[ $(rc) -eq 0 ] && [ -s '$tmp/g.$cmd' ] && [ ! -s '$tmp/err' ]"
done
run export --db "$tmp/g.db" --case "DEMO-2 Noor"
check "export of another case: not held back by Sam's finding" sh -c "[ $(rc) -eq 0 ] && [ -s '$tmp/out' ]"
run report --db "$tmp/g.db" --case "DEMO-2 Noor"
check "report of another case: not held back either" sh -c "[ $(rc) -eq 0 ] && [ -s '$tmp/out' ]"
run export --db "$tmp/g.db" --case "Nobody"
check "export of a case that is not there: refused, one line" \
	sh -c "[ $(rc) -ne 0 ] && [ $(rc) -ne 1 ] && [ \$(wc -l <'$tmp/err') -eq 1 ]"
sqlite3 "$tmp/g.db" "UPDATE actor SET description = 'Storgatan 12' WHERE id = (SELECT min(id) FROM actor);"
run report --db "$tmp/g.db" --case "DEMO-2 Noor"
check "the catalogue goes with every report: its finding holds one back" sh -c "[ $(rc) -eq 1 ]"

# --- the list of names ------------------------------------------------------------------------------
cp "$tmp/demo.db" "$tmp/names.db"
run names --db "$tmp/names.db"
check "names of a new database: none, status 0" sh -c "[ $(rc) -eq 0 ] && [ ! -s '$tmp/out' ]"
run names --db "$tmp/names.db" --add "Östen" --add " Åsa " --add "Anna Berg"
check "names --add: status 0, prints nothing" sh -c "[ $(rc) -eq 0 ] && [ ! -s '$tmp/out' ]"
run names --db "$tmp/names.db" --add "åsa"
check "adding a name that is there in another case changes nothing (status 0)" sh -c "[ $(rc) -eq 0 ]"
run names --db "$tmp/names.db"
check "names lists them in Swedish order, trimmed" \
	sh -c "[ \"\$(cat '$tmp/out')\" = \"\$(printf 'Anna Berg\nÅsa\nÖsten')\" ]"
sqlite3 "$tmp/names.db" "UPDATE kase SET summary = 'Östens syster och anna  berg' WHERE code = 'DEMO-1 Sam';"
run check --db "$tmp/names.db"
check "check finds the names added: status 1, two findings" \
	sh -c "[ $(rc) -eq 1 ] && tail -n 1 '$tmp/out' | grep -qxF 'integrity: ok; 2 privacy findings, 0 kept on purpose'"
cp "$tmp/names.db" "$tmp/names.copy"
run names --db "$tmp/names.db" --remove "ÅSA" --remove "Nobody"
check "removing a name not on the list: one line naming it" \
	sh -c "[ $(rc) -ne 0 ] && [ \$(wc -l <'$tmp/err') -eq 1 ] && grep -qF 'Nobody' '$tmp/err'"
run names --db "$tmp/names.db"
check "... and nothing was removed" sh -c "[ \$(wc -l <'$tmp/out') -eq 3 ]"
run names --db "$tmp/names.db" --remove "östen" --remove "ANNA BERG"
check "names --remove in any case" sh -c "[ $(rc) -eq 0 ]"
run check --db "$tmp/names.db"
check "... and check is clean again" sh -c "[ $(rc) -eq 0 ]"
run names --db "$tmp/names.db" --add ""
check "an empty name: status 2, one line" sh -c "[ $(rc) -eq 2 ] && [ \$(wc -l <'$tmp/err') -eq 1 ]"
run names --db "$tmp/names.db" extra
check "names with an operand: usage error" sh -c "[ $(rc) -eq 2 ]"

# --- usage and refusals ---------------------------------------------------------------------------
run check extra --db "$tmp/demo.db"
check "check with an operand: usage error (status 2, one line)" \
	sh -c "[ $(rc) -eq 2 ] && [ \$(wc -l <'$tmp/err') -eq 1 ]"
run check --db "$tmp/missing.db"
check "check of a missing file: status 3, names it, creates nothing" \
	sh -c "[ $(rc) -eq 3 ] && grep -qF '$tmp/missing.db' '$tmp/err' && [ ! -e '$tmp/missing.db' ]"
printf 'inte en databas\n' >"$tmp/text.db"
run check --db "$tmp/text.db"
check "check of a text file: status 3" sh -c "[ $(rc) -eq 3 ]"
run --help
check "--help lists check" sh -c "grep -q 'mellan check' '$tmp/out'"
check "the man page documents check and what counts as a finding" \
	sh -c "mandoc -Tutf8 '$top/man/mellan.1' | col -b | grep -q 'coordination numbers'"

done_testing 72
