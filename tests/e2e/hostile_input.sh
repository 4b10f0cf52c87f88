#!/bin/sh
# hostile_input.sh - what a clumsy user or an attacker hands mellan: a long chronology (the
# import stays linear), NUL characters, reused identities and duplicate codes (data errors,
# status 3, never usage), a FIFO, a merge file with SQLite-named triggers, bidirectional
# controls (never on a screen or in a report), control characters in file names (shown, not
# obeyed), and a failed import into a new directory (nothing of it left). Speaks TAP; its own
# temporary directory, so it runs beside the other scripts.
. "$(dirname "$0")/lib/tap.sh"
q() { sqlite3 "$1" "$2"; }
now_ms() { date +%s%3N; }
[ -n "${ASAN_OPTIONS:-}" ] || export ASAN_OPTIONS=detect_leaks=1

# --- a long chronology: the time per row does not grow with the rows ---------------------------
chronology() { # rows, file: one case, a step and an intervention a row
	awk -v n="$1" 'BEGIN {
		print "case,date,actor,what happened,what was done"
		for (i = 0; i < n; i++)
			printf "Lång,%d-%02d-%02d,BUP,Händelse %d,Samtal %d\n",
				2000 + int(i / 336) % 100, int(i / 28) % 12 + 1, i % 28 + 1, i, i
	}' >"$2"
}
cpu_ms() { # the processor time (user and system) in ms that a command's processes took
	sh -c '"$@" >/dev/null 2>&1; times' sh "$@" | sed -n 2p |
		awk '{ t = 0; for (i = 1; i <= 2; i++) { split($i, p, "m"); t += p[1] * 60 + p[2] }
			printf "%d\n", t * 1000 }'
}
import_ms() { # rows: the processor time of an import of so many rows into a new file
	chronology "$1" "$tmp/long.csv"
	rm -f "$tmp/long.db"
	cpu_ms env -i HOME="$tmp/home" LC_ALL=C.UTF-8 PATH="$PATH" "$bin" import --db "$tmp/long.db" \
		"$tmp/long.csv"
}
# Eight times the rows take at most eight times as long when the import is linear (less, with
# the fixed cost of starting); the quadratic import took 30 times as long. Processor time, not
# the clock: other tests running beside this one do not count.
small=$(import_ms 2000)
large=$(import_ms 16000)
echo "# import: 2000 rows $small ms, 16000 rows $large ms of processor time"
check "a chronology of 16,000 rows takes less than 8 times as long as one of 2,000 (linear)" \
	[ "$large" -lt $((8 * small)) ]
check "... and every row is there" \
	[ "$(q "$tmp/long.db" "select count(*) from step")" -eq 16000 ]
check "... in the order of the file" [ "$(q "$tmp/long.db" \
	"select count(*) from step a join step b on b.seq = a.seq + 1 and b.case_id = a.case_id
	 where cast(substr(b.title, 10) as int) <> cast(substr(a.title, 10) as int) + 1")" -eq 0 ]

# --- JSON made by hand --------------------------------------------------------------------------
U1=11111111-1111-4111-8111-111111111111
U2=22222222-2222-4222-8222-222222222222
U3=33333333-3333-4333-8333-333333333333
T0=2026-01-01T00:00:00.000Z
case_json() { # uuid, code, [summary as JSON text]
	printf '{"uuid": "%s", "created": "%s", "updated": "%s", "code": "%s", "summary": %s, "status": "draft"}' \
		"$1" "$T0" "$T0" "$2" "${3:-null}"
}
step_json() { # uuid, case uuid
	printf '{"uuid": "%s", "created": "%s", "updated": "%s", "case": "%s", "seq": 1, "title": "Steg", "domain": "none", "certainty": "observed"}' \
		"$1" "$T0" "$T0" "$2"
}
export_json() { # cases, steps, [history]: the members of each list, as JSON text
	printf '{"format": "mellan", "version": 1, "cases": [%s], "steps": [%s], "history": [%s]}\n' \
		"$1" "$2" "${3:-}"
}
run init "$tmp/a.db"
cp "$tmp/a.db" "$tmp/a.before"
refused() { # description, file, expected part of the message: status 3, one line, nothing kept
	run import --db "$tmp/a.db" "$2"
	check "$1: status 3 (a data error)" rc_is 3
	check "$1: one line naming it ('$3')" sh -c "[ \$(wc -l <'$tmp/err') -eq 1 ] && grep -qF -- '$3' '$tmp/err'"
	check "$1: the database is unchanged" cmp -s "$tmp/a.db" "$tmp/a.before"
}

# --- NUL characters -----------------------------------------------------------------------------
long=$(awk 'BEGIN { for (i = 0; i < 198; i++) printf "x" }')
export_json "$(case_json "$U1" Nul "\"ab\\u0000$long\"")" "" >"$tmp/nul.json"
refused "a JSON summary with \\u0000 inside" "$tmp/nul.json" "cases[0].summary"
check "... which says it holds a NUL" err_has "NUL"
export_json "$(case_json "$U1" "N\\u0000ul")" "" >"$tmp/nulcode.json"
refused "a JSON case code with \\u0000 inside" "$tmp/nulcode.json" "cases[0].code"
export_json "$(case_json "$U1" Ok)" "" "{\"table\": \"kase\", \"uuid\": \"$U1\", \"op\": \"insert\", \"at\": \"$T0\", \"editor\": \"A\\u0000B\", \"old\": null, \"new\": null}" >"$tmp/nulhist.json"
refused "a history entry with \\u0000 in its editor" "$tmp/nulhist.json" "history[0]"
printf 'case,what happened,note\nNul,a,"b\000c"\n' >"$tmp/nul.csv"
refused "a CSV field with a NUL" "$tmp/nul.csv" "line 2"
check "... naming the column" err_has "'note'"

run init --demo "$tmp/other.db"
q "$tmp/other.db" "update kase set summary = 'ab' || char(0) || '$long' where id = (select min(id) from kase)"
run merge --db "$tmp/a.db" "$tmp/other.db"
check "merge of a file whose summary holds a NUL: status 3" rc_is 3
check "... one line naming the field" sh -c "[ \$(wc -l <'$tmp/err') -eq 1 ] && grep -q 'summary: .*NUL' '$tmp/err'"
check "... and nothing was merged" cmp -s "$tmp/a.db" "$tmp/a.before"

# --- bad data is a data error (3), never a usage error (2) -------------------------------------
export_json "$(case_json "$U1" Twice),$(case_json "$U2" Twice)" "" >"$tmp/twice.json"
refused "two cases with one code in an import" "$tmp/twice.json" "cases[1]"
export_json "$(case_json "$U1" Ok)" "" "{\"table\": \"kase\", \"uuid\": \"$U1\", \"op\": null, \"at\": \"$T0\", \"editor\": null, \"old\": null, \"new\": null}" >"$tmp/opnull.json"
refused "a history entry with \"op\": null" "$tmp/opnull.json" "history[0]"
export_json "$(case_json "$U3" Twice)" "" >"$tmp/taken.json"
run import --db "$tmp/a.db" "$tmp/taken.json"
cp "$tmp/a.db" "$tmp/a.before"
export_json "$(case_json "$U2" Twice)" "" >"$tmp/taken2.json"
refused "a case whose code another case has here" "$tmp/taken2.json" "cases[0]"
run import --db "$tmp/fresh.db" "$tmp/no-such-file.csv"
check "an import from a file that is not there, into a new file: status 3" rc_is 3
check "... naming it, and leaving no new file" sh -c "grep -qF 'no-such-file.csv' '$tmp/err' && [ ! -e '$tmp/fresh.db' ]"

# --- one identity, one record --------------------------------------------------------------------
export_json "$(case_json "$U1" Egen)" "$(step_json "$U1" "$U1")" >"$tmp/sameuuid.json"
refused "a step with its case's uuid" "$tmp/sameuuid.json" "steps[0].uuid"
check "... naming the other record's kind" err_has "case"
export_json "" "$(step_json "$U3" "$U3")" >"$tmp/stepcase.json"
refused "a step with the uuid of a case already here" "$tmp/stepcase.json" "steps[0].uuid"
actor=$(q "$tmp/a.db" "select uuid from actor limit 1")
export_json "$(case_json "$actor" Aktör)" "" >"$tmp/caseactor.json"
refused "a case with the uuid of an actor already here" "$tmp/caseactor.json" "cases[0].uuid"
cp "$tmp/a.db" "$tmp/a.before"
run init --demo "$tmp/other2.db"
q "$tmp/other2.db" "update step set uuid = (select uuid from kase where id = step.case_id) where id = (select min(id) from step)"
run merge --db "$tmp/a.db" "$tmp/other2.db"
check "merge of a file whose step has its case's uuid: status 3, naming the uuid" \
	sh -c "rc=\$(cat '$tmp/rc'); [ \$rc -eq 3 ] && grep -q 'uuid' '$tmp/err'"
check "... and nothing was merged" cmp -s "$tmp/a.db" "$tmp/a.before"

# --- what is not a regular file ------------------------------------------------------------------
mkfifo "$tmp/fifo"
t0=$(now_ms)
env -i HOME="$tmp/home" LC_ALL=C.UTF-8 PATH="$PATH" timeout 20 "$bin" import --db "$tmp/f.db" \
	"$tmp/fifo" >"$tmp/out" 2>"$tmp/err"
echo $? >"$tmp/rc"
check "import from a FIFO nobody writes to: refused at once (status 3), not waited on" rc_is 3
check "... with one line saying it is not a regular file" sh -c "[ \$(wc -l <'$tmp/err') -eq 1 ] && grep -q 'not a regular file' '$tmp/err'"
check "... and no database made for it" [ ! -e "$tmp/f.db" ]
mkdir "$tmp/dir.csv"
run import --db "$tmp/a.db" "$tmp/dir.csv"
check "import from a directory: status 3, not a regular file" sh -c "[ \$(cat '$tmp/rc') -eq 3 ] && grep -q 'not a regular file' '$tmp/err'"

# --- merge: the whole schema is compared ---------------------------------------------------------
smuggle() { # description, SQL written into the schema of a copy of the demo
	run init --demo "$tmp/smuggle.db"
	q "$tmp/smuggle.db" "PRAGMA writable_schema = ON; $2"
	cp "$tmp/a.db" "$tmp/a.before"
	run merge --db "$tmp/a.db" "$tmp/smuggle.db"
	check "merge of a file with $1: status 3" rc_is 3
	check "... naming it" err_has "sqlite_x"
	check "... and nothing was merged" cmp -s "$tmp/a.db" "$tmp/a.before"
}
smuggle "a trigger named sqlite_x" "INSERT INTO sqlite_schema VALUES ('trigger', 'sqlite_x', 'step', 0, 'CREATE TRIGGER sqlite_x AFTER INSERT ON step BEGIN SELECT 1; END')"
smuggle "a view named sqlite_x" "INSERT INTO sqlite_schema VALUES ('view', 'sqlite_x', 'sqlite_x', 0, 'CREATE VIEW sqlite_x AS SELECT 1')"
run init --demo "$tmp/analyzed.db"
q "$tmp/analyzed.db" "ANALYZE"
run merge --db "$tmp/a.db" "$tmp/analyzed.db"
check "a file that was ANALYZEd (SQLite's own statistics) still merges" rc_is 0

# --- bidirectional controls never reach a screen or a report -------------------------------------
bidi="$(printf '\342\200\256|\342\200\252|\342\201\246|\342\201\251|\342\200\217|\330\234')"
nobidi() { ! grep -qE "$bidi" "$1"; }
run init --demo "$tmp/bidi.db"
q "$tmp/bidi.db" "update kase set code = char(8238) || code || char(8294) || 'x' || char(8297),
	summary = char(8234) || summary || char(8207);
	update step set title = char(8238) || title || char(1564), narrative = char(8238) || narrative;
	update actor set name = char(8238) || name || char(8206);
	update category set name = char(8238) || name;
	update gap set what_happened = char(8238) || what_happened, what_must_change = char(8238) || what_must_change;
	update intervention set what = char(8238) || what;"
check "the database holds them (the test can fail)" sh -c "sqlite3 '$tmp/bidi.db' 'select code from kase' | grep -qE '$bidi'"
for f in text md html csv json; do
	run report --db "$tmp/bidi.db" --allow-findings --format "$f"
	check "report --format $f: status 0, no bidirectional control" sh -c "[ \$(cat '$tmp/rc') -eq 0 ] && ! grep -qE '$bidi' '$tmp/out'"
	check "... the text around them is there" grep -q "Elevhälsan" "$tmp/out"
	run report --db "$tmp/bidi.db" --allow-findings --public --format "$f"
	check "report --public --format $f: no bidirectional control" nobidi "$tmp/out"
done
run list --db "$tmp/bidi.db"
check "list: no bidirectional control" nobidi "$tmp/out"
check "check: no bidirectional control" sh -c "'$bin' check --db '$tmp/bidi.db' 2>&1 | { ! grep -qE '$bidi'; }"
if command -v tmux >/dev/null 2>&1; then
	. "$(dirname "$0")/lib/tmux.sh"
	db=$tmp/bidi.db
	start 100x30
	check "TUI: the cases screen shows the cases" wait_for "DEMO"
	check "... without a bidirectional control" not shows -E "$bidi"
	keys Enter
	check "TUI: the journey shows a step" wait_for "step 1 of"
	check "... without a bidirectional control" not shows -E "$bidi"
	start 100x30
	wait_for "DEMO"
	keys g
	category=$(q "$tmp/bidi.db" "select substr(c.name, 2, 8) from gap g join category c on c.id = g.category_id limit 1")
	check "TUI: the gaps screen shows the categories" wait_for "$category"
	check "... without a bidirectional control" not shows -E "$bidi"
else
	for _ in 1 2 3 4 5 6; do
		skip "TUI: no bidirectional control on a screen" "tmux is not installed"
	done
fi

# --- control characters in a file name are shown, not obeyed --------------------------------------
evil="$tmp/$(printf 'bad\033[31mname\342\200\256')"
run import --db "$tmp/a.db" "$evil.csv"
check "an error naming a file with ESC: one line" one_line_err
check "... with no ESC byte in it" sh -c "! grep -q \"\$(printf '\\033')\" '$tmp/err'"
check "... nor the U+202E" sh -c "! grep -qE '$bidi' '$tmp/err'"
check "... but shown as \\x1B and \\u202E" sh -c "grep -qF 'bad\\x1B[31mname\\u202E' '$tmp/err'"
run list --db "$evil.db"
check "list --db of such a file: its name shown escaped" sh -c "grep -qF 'bad\\x1B[31mname' '$tmp/err' && ! grep -q \"\$(printf '\\033')\" '$tmp/err'"
run merge --db "$tmp/a.db" "$evil.db"
check "merge of such a file: its name shown escaped" sh -c "grep -qF 'bad\\x1B[31mname' '$tmp/err' && ! grep -q \"\$(printf '\\033')\" '$tmp/err'"
printf 'case,what happened\nEsc,a\n' >"$evil.csv"
run import --db "$tmp/a.db" "$evil.csv"
check "a good import of such a file: its summary line has no ESC byte" \
	sh -c "[ \$(cat '$tmp/rc') -eq 0 ] && grep -q 'added' '$tmp/out' && ! grep -q \"\$(printf '\\033')\" '$tmp/out'"
run "$(printf 'li\033st')"
check "an unknown command with ESC: shown escaped" sh -c "grep -qF 'li\\x1Bst' '$tmp/err' && ! grep -q \"\$(printf '\\033')\" '$tmp/err'"

# --- a failed import into a new path takes away what it made, and only that -----------------------
printf 'case,what happened\nDa,"open\n' >"$tmp/bad.csv"
run import --db "$tmp/new1/new2/x.db" "$tmp/bad.csv"
check "a failed import into new directories: status 3" rc_is 3
check "... leaves no directory it made" [ ! -e "$tmp/new1" ]
mkdir -p "$tmp/keep"
echo mine >"$tmp/keep/mine.txt"
run import --db "$tmp/keep/new/x.db" "$tmp/bad.csv"
check "... and keeps the directory that was there, with what it holds" \
	sh -c "[ ! -e '$tmp/keep/new' ] && [ -f '$tmp/keep/mine.txt' ]"
printf 'case,what happened\nDa,a\n' >"$tmp/good.csv"
run import --db "$tmp/new3/y.db" "$tmp/good.csv"
check "a good import into a new directory keeps it (status 0)" sh -c "[ \$(cat '$tmp/rc') -eq 0 ] && [ -s '$tmp/new3/y.db' ]"

done_testing 90
