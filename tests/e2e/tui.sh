#!/bin/sh
# tui.sh - the TUI as a user meets it, in a private tmux server: the cases, stepping through a
# journey, help, going back and quitting, leaving on signals with the terminal restored, resizing,
# a 60x20 projector, hostile and Swedish text, NO_COLOR, and seeing another mellan's change.
# Speaks TAP. Needs tmux and sqlite3; polls the screen instead of sleeping a fixed time.
. "$(dirname "$0")/lib/tap.sh"
. "$(dirname "$0")/lib/tmux.sh"

db=$tmp/demo.db
mellan init --demo "$db" >"$tmp/init.out" 2>&1
check "init --demo makes the database the TUI opens" test -s "$db"

# --- the cases screen -----------------------------------------------------------------------
start 80x24
codes=$(sql "SELECT code FROM kase ORDER BY id")
wait_for "$(echo "$codes" | head -n 1)"
all=yes
for c in $(sql "SELECT replace(code, ' ', '_') FROM kase"); do
	screen | grep -qF -- "$(echo "$c" | tr _ ' ')" || all=no
done
check "the cases screen lists every demo case" [ "$all" = yes ]
check "the bottom line shows the cases screen's keys from the key table" last_line_has "Enter open"

# --- the journey ----------------------------------------------------------------------------
keys Enter
wait_for_re 'step 1 of [0-9]+'
head_line=$(screen | head -n 1)
code=$(echo "$head_line" | sed -n 's/^mellan — \(.*\) — step 1 of [0-9]*$/\1/p')
total=$(echo "$head_line" | sed -n 's/.* step 1 of \([0-9]*\)$/\1/p')
qcode=$(printf '%s' "$code" | sed "s/'/''/g")
cid=$(sql "SELECT id FROM kase WHERE code = '$qcode'")
expect=$(sql "SELECT count(*) FROM step WHERE case_id = '$cid'")
check "Enter opens the selected case's journey at step 1 of its $expect steps" \
	[ -n "$code" -a "$total" = "$expect" ]
order="ORDER BY sort_from IS NULL, sort_from, sort_to, seq, id"
title1=$(sql "SELECT title FROM step WHERE case_id = $cid $order LIMIT 1")
title2=$(sql "SELECT title FROM step WHERE case_id = $cid $order LIMIT 1 OFFSET 1")
titleN=$(sql "SELECT title FROM step WHERE case_id = $cid $order LIMIT 1 OFFSET $((expect - 1))")
check "the card shows step 1's title" wait_for "$title1"
keys Down
check "Down moves to step 2" wait_for "step 2 of $expect"
check "... and its title is shown" wait_for "$title2"
keys j
check "j moves on to step 3" wait_for "step 3 of $expect"
keys k
check "k goes back to step 2" wait_for "step 2 of $expect"
keys End
check "End goes to the last step" wait_for "step $expect of $expect"
check "... and shows its title" wait_for "$titleN"
keys Home
check "Home goes to the first step" wait_for "step 1 of $expect"

# --- help, back, quit -------------------------------------------------------------------------
keys '?'
check "? shows the help of the journey screen" wait_for "Keys of the journey screen"
check "... listing its keys from the table" shows_all "PgUp PgDn" "the first or last step" \
	"scroll the step's card when it is taller than the screen" "back to the cases"
keys q
check "a key leaves the help, back on the journey" wait_for "step 1 of $expect"
keys q
check "q goes back to the cases" wait_for "Interv."
keys q
check "q on the cases screen quits with status 0" wait_for "EXITED:0"
check "... and the terminal is restored (icanon, echo)" restored

# --- signals --------------------------------------------------------------------------------
for sig in TERM HUP; do
	start 80x24
	wait_for "Interv."
	kill -s "$sig" "$(pid_of_cur)"
	check "SIG$sig ends mellan" wait_for "EXITED:"
	check "... with the terminal restored" restored
done
start 80x24
wait_for "Interv."
keys Enter
wait_for "step 1 of"
keys C-c
check "Ctrl-C ends mellan, also on the journey screen" wait_for "EXITED:"
check "... with the terminal restored" restored

# --- resize ---------------------------------------------------------------------------------
start 80x24
wait_for "Interv."
T resize-window -t "$cur" -x 30 -y 8
check "at 30x8 a notice says the terminal is too small" wait_for "too small"
check "... and nothing else is drawn" shows_none "Interv." "DEMO"
T resize-window -t "$cur" -x 80 -y 24
check "back at 80x24 the cases screen is drawn again" wait_for "Interv."
keys q
wait_for "EXITED:0"

# --- the projector: 60x20 -------------------------------------------------------------------
start 60x20
wait_for "Interv."
keys Enter
check "at 60x20 the journey opens" wait_for "step 1 of $expect"
check "... its step title is readable" wait_for "$title1"
check "... and its keys are on the bottom line, uncut" last_line_has "p present  ? help"
keys q q
wait_for "EXITED:0"

# --- a wide screen; the card scrolls to the facilitator's note --------------------------------
start 120x40
wait_for "Interv."
keys Enter
wait_for "step 1 of $expect"
side_by_side() { screen | grep -F -- "$title2" | grep -qF '│'; }
check "at 120 columns the steps and the card stand side by side" side_by_side
keys q q
wait_for "EXITED:0"

# The noted step with the most to tell, on a screen too short for its card.
at=$(sql "SELECT n FROM (SELECT row_number() OVER ($order) AS n, note,
	length(coalesce(narrative, '')) + length(note) AS size FROM step WHERE case_id = $cid)
	WHERE note IS NOT NULL AND note <> '' ORDER BY size DESC LIMIT 1")
start 80x14
wait_for "Interv."
keys Enter
wait_for "step 1 of $expect"
if [ -n "$at" ] && [ "$at" -gt 1 ]; then
	keys -N $((at - 1)) j
fi
wait_for "step $at of $expect"
scrolled=no
tries=8
while [ "$tries" -gt 0 ] && ! screen | grep -q '^ *NOTE '; do
	scrolled=yes
	press NPage
	tries=$((tries - 1))
done
check "PgDn scrolls a step's card down to its note, marked as a note" wait_for_re '^ *NOTE '
if [ "$scrolled" = yes ]; then
	keys -N 8 PPage
	check "PgUp scrolls back to the top of the card, where more is announced" \
		wait_for "more lines (PgDn)"
else
	skip "PgUp scrolls back to the top of the card" "the card fit the screen"
fi
keys q q
wait_for "EXITED:0"

# --- hostile and Swedish text ---------------------------------------------------------------
sid=$(sql "SELECT id FROM step WHERE case_id = $cid $order LIMIT 1")
sql "UPDATE step SET title = 'Flytt åäö ' || char(27) || '[2J' || char(27) || ']0;pwned' || char(7) || 'ÅÄÖ slut' WHERE id = $sid"
start 80x24
wait_for "Interv."
keys Enter
check "a title with escape sequences shows its Swedish letters" wait_for "Flytt åäö ÅÄÖ slut"
check "... and no part of the escape sequence" shows_none "2J" "pwned"
check "... and the screen was not cleared by it" first_line_has "step 1 of"
title=$(T display-message -p -t "$cur" '#{pane_title}')
check "... nor was the window title set" [ "$title" != pwned ]

# --- another mellan writes: this one follows ------------------------------------------------
keys q
wait_for "Interv."
sql "UPDATE kase SET code = 'Ändrad-fall' WHERE id = $cid"
check "a change by another program shows within seconds" wait_for "Ändrad-fall" 10
keys q
wait_for "EXITED:0"

# --- NO_COLOR ---------------------------------------------------------------------------------
start 80x24 NO_COLOR=1
wait_for "Interv."
esc=$(printf '\033')
# An SGR sequence that turns on reverse video (7), alone or among other attributes.
reverse="${esc}\\[([0-9]+;)*7(;[0-9]+)*m"
reverse_on() { screen -e | sed -n "${1}p" | grep -qE -- "$reverse"; }
check "NO_COLOR still marks the selected line (reverse video)" reverse_on 3
check "... and only the selected line" not reverse_on 4
keys j
check "... and the mark follows the selection" eventually reverse_on 4
keys q
check "mellan with NO_COLOR quits with status 0" wait_for "EXITED:0"

done_testing 42
