#!/bin/sh
# crash.sh - the battery dies in the middle of a write, and nothing is lost: an import, a merge
# and a save in the TUI are killed with SIGKILL at a random moment, round after round. After each
# kill the file opens with mellan and with sqlite3, PRAGMA integrity_check says ok, and the
# records are exactly as they were before the operation or exactly as after it (the export
# compared, with the times of day taken out: a save stamps the time it was made).
# CRASH_ROUNDS rounds in all (default 30, a few for each operation; make soak runs 1000).
# The moment of the kill: after the -wal has grown to a number of bytes drawn from a list, or
# after a short delay drawn from a list, once the operation has started.
. "$(dirname "$0")/lib/tap.sh"
. "$(dirname "$0")/lib/tmux.sh"

rounds=${CRASH_ROUNDS:-30}
mkdir -p "$tmp/home/.config/mellan"
echo KR >"$tmp/home/.config/mellan/initials"
# canon FILE OUT: the records of FILE as the export shows them, the times of day masked.
canon() {
	mellan export --db "$1" --allow-findings >"$tmp/raw" 2>"$tmp/canon.err" || return 1
	sed -E 's/[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+Z/T/g' "$tmp/raw" >"$2"
}
rm_db() { rm -f "$1" "$1-wal" "$1-shm" "$1-journal"; }
wal_size() { stat -c %s "$1-wal" 2>/dev/null || echo 0; }
# pick N: one of the words after it, by the round number, so every round of a kind differs.
pick() {
	i=$(($1 % ($# - 1) + 2))
	eval "echo \${$i}"
}

# The starting files: ours (a small chronology), and the other laptop's (the demo cases), whose
# merge or import brings in hundreds of records in one transaction.
mellan init "$tmp/base.db" >/dev/null
printf 'case,date,actor,what happened,what was done\nKim,2015-HT,Skola,Frånvaron ökar,Samtal\nKim,17 år,BUP,Väntar,Kö\n' \
	>"$tmp/kim.csv"
mellan import --db "$tmp/base.db" "$tmp/kim.csv" >/dev/null
mellan init --demo "$tmp/demo.db" >/dev/null
mellan export --db "$tmp/demo.db" --allow-findings -o "$tmp/demo.json" >/dev/null
canon "$tmp/base.db" "$tmp/before.base"

# What each operation leads to when it is not interrupted.
cp "$tmp/base.db" "$tmp/x.db"
mellan import --db "$tmp/x.db" "$tmp/demo.json" >/dev/null
canon "$tmp/x.db" "$tmp/after.import"
rm_db "$tmp/x.db"
cp "$tmp/base.db" "$tmp/x.db"
mellan merge --db "$tmp/x.db" "$tmp/demo.db" >/dev/null
canon "$tmp/x.db" "$tmp/after.merge"
rm_db "$tmp/x.db"
check "an import and a merge change the file (so before and after differ)" \
	sh -c "! cmp -s '$tmp/before.base' '$tmp/after.import' && ! cmp -s '$tmp/before.base' '$tmp/after.merge'"

# judge WHAT FILE BEFORE AFTER: after a kill, the file must open and hold one of the two states.
judge() {
	what=$1 f=$2 before=$3 after=$4
	if canon "$f" "$tmp/now" && mellan list --db "$f" >/dev/null 2>>"$tmp/canon.err"; then
		opens=0
	else
		opens=1
	fi
	integrity=$(sqlite3 "$f" 'PRAGMA integrity_check' 2>&1)
	if [ "$opens" -ne 0 ]; then
		if [ "$integrity" = ok ] && grep -q damaged "$tmp/canon.err"; then
			not_ok "$what: mellan calls an intact file damaged"
		else
			not_ok "$what: mellan cannot open the file"
		fi
		sed 's/^/#   /' "$tmp/canon.err"
	elif [ "$integrity" != ok ]; then
		not_ok "$what: integrity_check says $integrity"
	elif cmp -s "$tmp/now" "$before"; then
		ok "$what: intact, as before"
	elif cmp -s "$tmp/now" "$after"; then
		ok "$what: intact, as after"
	else
		not_ok "$what: intact, but neither as before nor as after"
		diff "$before" "$tmp/now" | head -n 20 | sed 's/^/#   /'
	fi
}

# kill_during WAL_BYTES DELAY PID FILE: once the -wal has WAL_BYTES (or the process has ended),
# then after DELAY seconds, SIGKILL.
kill_during() {
	while [ "$(wal_size "$4")" -lt "$1" ] && kill -0 "$3" 2>/dev/null; do
		sleep 0.005
	done
	[ "$2" = 0 ] || sleep "$2"
	kill -KILL "$3" 2>/dev/null
	wait "$3" 2>/dev/null
}

# A command on a fresh copy of ours, killed as round r says.
cli_round() { # r, command, its input, before, after
	r=$1 what=$2 input=$3 before=$4 after=$5
	f=$tmp/r$r.db
	cp "$tmp/base.db" "$f"
	bytes=$(pick "$r" 0 1 4096 32768 131072 524288 0 0)
	delay=$(pick $((r / 3)) 0 0.01 0.03 0.1 0.2)
	env -i HOME="$tmp/home" LC_ALL=C.UTF-8 PATH="$PATH" "$bin" "$what" --db "$f" "$input" \
		>/dev/null 2>&1 &
	kill_during "$bytes" "$delay" $! "$f"
	judge "round $r: $what killed at ${bytes} bytes of -wal + ${delay} s" "$f" "$before" "$after"
	rm_db "$f"
}

# The TUI: the first step's title edited and saved with Ctrl-S, the kill drawn as for the others
# once Ctrl-S is sent. Its file holds the demo cases.
cp "$tmp/demo.db" "$tmp/tui.db"
canon "$tmp/tui.db" "$tmp/before.tui"
tui_edit() { # open the first case, edit its first step's title, then Ctrl-S
	wait_for "DEMO-1" 30 || return 1
	keys Enter
	wait_for "step 1 of" || return 1
	keys e
	wait_for "Edit what?" || return 1
	keys Enter
	wait_for "Edit the step" || return 1
	keys Tab C-e " (omskrivet)"
	wait_for "(omskrivet)" || return 1
	keys C-s
}
db=$tmp/x.db
cp "$tmp/tui.db" "$db"
start 80x24
tui_edit && wait_for "saved: step" && keys q && wait_for "3 cases" && keys q
check "the TUI saves and quits when nobody kills it" wait_for "EXITED:0"
canon "$db" "$tmp/after.tui"
T kill-window -t "$cur"
check "the save changes the file" sh -c "! cmp -s '$tmp/before.tui' '$tmp/after.tui'"
rm_db "$db"

tui_round() { # r
	r=$1
	db=$tmp/r$r.db
	cp "$tmp/tui.db" "$db"
	delay=$(pick $((r / 3)) 0 0.002 0.01 0.03 0.1 0.3)
	start 80x24
	if ! tui_edit; then
		not_ok "round $r: the TUI did not reach the save"
	else
		pid=$(pid_of_cur)
		[ "$delay" = 0 ] || sleep "$delay"
		kill -KILL "$pid"
		wait_for "EXITED:" || not_ok "round $r: the TUI was not killed"
		judge "round $r: TUI save killed ${delay} s after Ctrl-S" "$db" "$tmp/before.tui" \
			"$tmp/after.tui"
	fi
	T kill-window -t "$cur" 2>/dev/null
	rm_db "$db"
}

r=0
while [ "$r" -lt "$rounds" ]; do
	case $((r % 3)) in
	0) cli_round "$r" import "$tmp/demo.json" "$tmp/before.base" "$tmp/after.import" ;;
	1) cli_round "$r" merge "$tmp/demo.db" "$tmp/before.base" "$tmp/after.merge" ;;
	2) tui_round "$r" ;;
	esac
	r=$((r + 1))
done
# Three checks, and one judgement a round.
done_testing $((3 + rounds))
