#!/bin/sh
# tui_gaps.sh - the gaps screen as a facilitator meets it, in a private tmux server: the
# recurring patterns with the steps behind them, Enter into the journey at that step and back,
# sorting by severity and votes, the category and open-only filters, help, and a 60x20 projector.
# Speaks TAP. Needs tmux and sqlite3; polls the screen instead of sleeping a fixed time.
set -u
bin=${MELLAN_BIN:?set MELLAN_BIN}
tmp=$(mktemp -d)
sock=mellan-gaps$$
T() { tmux -L "$sock" -f /dev/null "$@"; }
trap 'T kill-server >/dev/null 2>&1; rm -rf "$tmp"' EXIT # the last server; start ends the others
trap 'exit 1' INT TERM HUP
n=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() {
	n=$((n + 1))
	echo "not ok $n - $1"
	T capture-pane -p 2>/dev/null | sed 's/^/#   /'
}
check() { # description, then a command that must succeed
	d=$1
	shift
	if "$@"; then ok "$d"; else not_ok "$d"; fi
}
for tool in tmux sqlite3; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		echo "1..0 # SKIP $tool is not installed"
		exit 0
	fi
done

mkdir -p "$tmp/home"
db=$tmp/demo.db
env -i HOME="$tmp/home" LC_ALL=C.UTF-8 PATH="$PATH" "$bin" init --demo "$db" >/dev/null 2>&1

start() { # COLS ROWS: mellan on the demo in a fresh server of its own
	T kill-server >/dev/null 2>&1
	sock=mellan-gaps$$-$1x$2
	T new-session -d -x "$1" -y "$2" "env -i HOME='$tmp/home' LC_ALL=C.UTF-8 \
		TERM=xterm-256color '$bin' --db '$db'; sleep 600"
}
screen() { T capture-pane -p 2>/dev/null; }
wait_for() { # TEXT: until the screen shows it (slow sanitizer builds get 20 s)
	tries=100
	while [ "$tries" -gt 0 ]; do
		screen | grep -qF -- "$1" && return 0
		sleep 0.2
		tries=$((tries - 1))
	done
	return 1
}
keys() { T send-keys "$@"; }
line_of() { screen | grep -nF -- "$1" | head -n 1 | cut -d: -f1; }

start 100 30
wait_for "DEMO-1 Sam"
check "the cases screen's bottom line offers the gaps" \
	sh -c "$(command -v tmux) -L $sock capture-pane -p | tail -n 1 | grep -q 'p gaps'"
keys p
check "p on the cases screen opens the gaps across all cases" \
	wait_for "Recurring gaps across the cases (9)"
check "the pattern in all three cases leads, with its counts" \
	wait_for "Utanför kriterierna, at 18"
check "... and the steps behind it, one a line, with case and time" \
	sh -c "$(command -v tmux) -L $sock capture-pane -p | grep -q 'DEMO-2 Noor · 2022-10 · Hänvisad i cirkel'"
check "a pattern says how many gaps in how many cases, severity and votes" \
	wait_for "2 gaps in 2 cases · severity 3 · 13 votes"

# Down to Kim's step of the age transition at 18, Enter, and the journey is at that step.
keys j j j j j j
keys Enter
check "Enter opens the step's journey at that step" wait_for "DEMO-3 Kim — step 17 of 25"
check "... showing the step's card" wait_for "18 år: vården upphör"
keys q
check "q from that journey comes back to the gaps" wait_for "Recurring gaps across the cases"
sel=$(screen | grep -n 'vården upphör' | head -n 1 | cut -d: -f1)
check "... with the same line still there" [ -n "$sel" ]

keys s
check "s sorts by severity" wait_for "sorted by severity"
first=$(screen | sed -n 3p)
check "... the first pattern then has severity 3" sh -c "echo '$first' | grep -q 'severity 3'"
keys s
check "s again sorts by votes: the most dots first" wait_for "sorted by votes"
check "... the age transition at 18, 13 votes, leads" \
	sh -c "$(command -v tmux) -L $sock capture-pane -p | sed -n 3p | grep -q 'Åldersövergång'"
keys s
wait_for "sorted by count"

keys f
check "f filters by the first category that has a pattern" wait_for "Ingen aktör ansvarig · every status"
check "... and shows only that category's patterns" \
	sh -c "! $(command -v tmux) -L $sock capture-pane -p | grep -q 'Utanför kriterierna'"
keys o
check "o shows open gaps only: the lifted one's step goes" wait_for "open gaps only"
check "... Sam's lifted absence is no longer listed" \
	sh -c "! $(command -v tmux) -L $sock capture-pane -p | grep -q 'Frånvaron börjar'"
keys o
for _ in 1 2 3 4 5 6 7 8 9 10 11 12; do
	screen | grep -q "all categories" && break
	keys f
	sleep 0.3
done
check "f cycles back to all categories" wait_for "all categories"

keys '?'
check "? shows the gaps screen's keys from the key table" wait_for "Keys of the gaps screen"
check "... with sorting and filtering" wait_for "sort the patterns by count, by severity or by votes"
keys x
wait_for "Recurring gaps across the cases"
keys Escape
check "Esc goes back to the cases" wait_for "3 cases"

# A projector's 60x20: every hint on the bottom line, the counts beside the patterns.
start 60 20
wait_for "DEMO-1 Sam"
keys p
wait_for "Recurring gaps"
check "at 60x20 the bottom line has every hint" \
	sh -c "$(command -v tmux) -L $sock capture-pane -p | tail -n 1 | grep -q 'q, Esc back  ? help'"
check "... and the counts stay beside each pattern" wait_for "3 gaps in 3 cases"

echo "1..$n"
