#!/bin/sh
# tui_gaps.sh - the gaps screen as a facilitator meets it, in a private tmux server: the
# recurring patterns with the steps behind them, Enter into the journey at that step and back,
# sorting by severity and votes, the category and open-only filters, help, and a 60x20 projector.
# Speaks TAP; polls instead of sleeping.
. "$(dirname "$0")/lib/tap.sh"
. "$(dirname "$0")/lib/tmux.sh"
db=$tmp/demo.db
mellan init --demo "$db" >/dev/null 2>&1
check "init --demo makes the database" test -s "$db"

line_has() { screen | sed -n "${1}p" | grep -qF -- "$2"; } # LINE TEXT

start 100x30
wait_for "DEMO-1 Sam"
check "the cases screen's bottom line offers the gaps" last_line_has "g gaps"
keys g
check "g on the cases screen opens the gaps across all cases" \
	wait_for "Recurring gaps across the cases (9)"
check "the pattern in all three cases leads, with its counts" \
	line_has 3 "Utanför kriterierna, at 18"
check "... and the steps behind it, one a line, with case and time" \
	wait_for "DEMO-2 Noor · 2022-10 · Hänvisad i cirkel"
check "a pattern says how many gaps in how many cases, severity and votes" \
	wait_for "2 gaps in 2 cases · severity 3 · 13 votes"

# Down to Kim's step of the age transition at 18, Enter, and the journey is at that step.
keys j j j j j j
keys Enter
check "Enter opens the step's journey at that step" wait_for "DEMO-3 Kim — step 17 of 25"
check "... showing the step's card" wait_for "18 år: vården upphör"
keys q
check "q from that journey comes back to the gaps" wait_for "Recurring gaps across the cases"
check "... with the same line still there" wait_for "vården upphör"

keys s
check "s sorts by severity" wait_for "sorted by severity"
check "... the first pattern then has severity 3" line_has 3 "severity 3"
keys s
check "s again sorts by votes: the most dots first" wait_for "sorted by votes"
check "... the age transition at 18, 13 votes, leads" line_has 3 "Åldersövergång"
keys s
wait_for "sorted by count"

keys f
check "f filters by the first category that has a pattern" \
	wait_for "Ingen aktör ansvarig · every status"
check "... and shows only that category's patterns" shows_none "Utanför kriterierna"
keys o
check "o shows open gaps only" wait_for "open gaps only"
check "... Sam's lifted absence is no longer listed" shows_none "Frånvaron börjar"
check "... and the pattern counts the open gaps it shows" wait_for "1 gap in 1 case"
keys o
for _ in 1 2 3 4 5 6 7 8 9 10 11 12; do
	screen | grep -q "all categories" && break
	press f
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
start 60x20
wait_for "DEMO-1 Sam"
keys g
wait_for "Recurring gaps"
check "at 60x20 the bottom line has every hint" last_line_has "q, Esc back  ? help"
check "... and the counts stay beside each pattern" wait_for "3 gaps in 3 cases"

done_testing 25
