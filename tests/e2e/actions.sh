#!/bin/sh
# actions.sh - a gap's actions edited in the journey, in a private tmux server: two actions added
# to a demo gap through its form, e offering each action among the step's parts, one action's
# status and lead changed, the other removed after asking, undo bringing it back; quit and
# reopen, and the sqlite3 shell finds every piece, the edited action under its own uuid.
# Speaks TAP.
. "$(dirname "$0")/lib/tap.sh"
. "$(dirname "$0")/lib/tmux.sh"

mkdir -p "$tmp/home/.config/mellan"
printf 'ÅB\n' >"$tmp/home/.config/mellan/initials"
chmod 600 "$tmp/home/.config/mellan/initials"
db=$tmp/demo.db
mellan init --demo "$db" >"$tmp/init.out" 2>&1
gap=$(sql "SELECT id FROM gap WHERE what_happened LIKE 'Aktivitetsansvaret skickade ett brev%'")
no_actions() { [ -n "$gap" ] && [ "$(sql "SELECT count(*) FROM action WHERE gap_id = $gap")" = 0 ]; }
check "the demo has the gap of the letter, without actions" no_actions
acts() { sql "SELECT group_concat(x, ' | ') FROM (SELECT what || ';' || coalesce(ac.short_label, '-') || ';' || coalesce(l.short_label, '-') || ';' || coalesce(follow_up, '-') || ';' || status AS x FROM action LEFT JOIN actor ac ON ac.id = action.actor_id LEFT JOIN actor l ON l.id = action.lead_id WHERE gap_id = $gap ORDER BY action.id)"; }

# To the gap's step by a search, then e, the gap among the parts.
open_gap_step() {
	keys /
	wait_for "Search every case"
	keys "skickade brev" C-s
	wait_for "Ett brev från aktivitetsansvaret"
}
# add_action WHAT BY LEAD WHEN: through the gap's form, its action fields after the "until step".
add_action() {
	keys e
	wait_for "Edit what?"
	keys "gap:" Enter
	wait_for "Edit the gap"
	keys Tab Tab Tab Tab Tab Tab Tab Tab Tab "$1" Tab "$2" Enter "$3" Enter "$4"
	keys C-s
	wait_for "saved: gap"
}

start 100x30
wait_for "DEMO-1 Sam"
keys Enter
wait_for "DEMO-1 Sam —"
open_gap_step
add_action "Ring hem inom en vecka" "Skolan (g" "Aktivitetsan" "2026-12"
add_action "Hembesök med elevhälsan" "Elevhälsan" "Skolan (g" "2027-01"
check "two actions added to the demo gap through its form" \
	[ "$(acts)" = "Ring hem inom en vecka;Skola;KAA;2026-12;open | Hembesök med elevhälsan;EHT;Skola;2027-01;open" ]
uuid1=$(sql "SELECT uuid FROM action WHERE gap_id = $gap ORDER BY id LIMIT 1")

# --- e offers each action; its form edits status and lead ---------------------------------
keys e
check "e on the step offers the gap's actions among its parts" \
	wait_for "action of the gap"
keys "Ring hem" Enter
check "... and opens the action's form on what must be done" wait_for "Edit the action"
check "... showing what it holds" shows_all "Ring hem inom en vecka" "What must be done" "Thread held by"
keys Tab Tab "Elevh" Enter Tab Tab "done" Enter C-s
check "the edited action is saved" wait_for "saved: action 'Ring hem inom en vecka'"
check "... with its new lead and status, the other untouched" \
	[ "$(acts)" = "Ring hem inom en vecka;Skola;EHT;2026-12;done | Hembesök med elevhälsan;EHT;Skola;2027-01;open" ]
check "... under its own uuid" [ "$(sql "SELECT uuid FROM action WHERE gap_id = $gap ORDER BY id LIMIT 1")" = "$uuid1" ]

# --- d removes one action after asking; undo brings it back ------------------------------
keys d
wait_for "Delete what?"
keys "Hembesök" Enter
check "d on an action asks first" wait_for "Delete action of the gap"
keys y
check "... y removes it" wait_for "deleted (u undoes it)"
check "... only that action is gone" [ "$(acts)" = "Ring hem inom en vecka;Skola;EHT;2026-12;done" ]
keys u
check "u brings it back" wait_for "undid"
check "... as it was" \
	[ "$(acts)" = "Ring hem inom en vecka;Skola;EHT;2026-12;done | Hembesök med elevhälsan;EHT;Skola;2027-01;open" ]
keys d
wait_for "Delete what?"
keys "Hembesök" Enter
wait_for "Delete action of the gap"
keys y
wait_for "deleted (u undoes it)"

# --- the privacy scan covers an action's text ---------------------------------------------
keys e
wait_for "Edit what?"
keys "Ring hem" Enter
wait_for "Edit the action"
keys " på 070-123 45 67"
keys C-s
check "an action's text with a phone number is held by the privacy warning" \
	wait_for "found: phone number 07*-*** ** 67"
check "... and not written" [ "$(sql "SELECT count(*) FROM action WHERE what LIKE '%070%'")" = 0 ]
keys Escape
wait_for "discard"
keys y

# --- quit, reopen: all there ---------------------------------------------------------------
keys q q
check "mellan quits" restored
start 100x30
wait_for "DEMO-1 Sam"
keys Enter
wait_for "DEMO-1 Sam —"
open_gap_step
keys e
check "after a restart the action is still offered" wait_for "action of the gap"
keys Escape
check "the sqlite3 shell finds the edited action and not the removed one" \
	[ "$(acts)" = "Ring hem inom en vecka;Skola;EHT;2026-12;done" ]
check "the file's integrity holds" [ "$(sql 'PRAGMA integrity_check')" = ok ]
done_testing 19
