#!/bin/sh
# workshop.sh - the workshops as the facilitator keeps them, in a private tmux server at 80x24:
# w from the cases opens them; a workshop is added with its place and the sectors that took
# part (codes, never names); a note and a decision go into its log; after quitting and opening
# again the log is there with time and initials. Then the silence length is set longer and the
# lanes of the demo case propose fewer silences, and shorter, more. Speaks TAP; polls.
. "$(dirname "$0")/lib/tap.sh"
. "$(dirname "$0")/lib/tmux.sh"
db=$tmp/demo.db
mellan init --demo "$db" >/dev/null 2>&1
check "init --demo makes the database" test -s "$db"

date=2031-04-17
start 80x24
wait_for "DEMO-1"
keys w
check "w opens the workshops" wait_for "Proposed as gaps"
keys a
check "a asks for a new workshop, the first change asks for the initials" wait_for "Your initials"
keys "ÅB" C-s
check "then the workshop's form" wait_for "A new workshop"
keys C-u "$date" Tab "Möllevången" Tab
keys Down Enter Down Down Enter
keys C-s
check "it is saved" wait_for "saved: the workshop of $date"
check "with its place and the sectors' codes, no names" \
	[ "$(sql "SELECT place || '|' || sectors FROM workshop WHERE date = '$date'")" = \
	"Möllevången|state,civil" ]
check "and listed with the sectors' labels" wait_for "$date  Möllevången"
keys End
keys n
check "n asks for a note" wait_for "A note on the workshop of $date"
keys "Skolan var inte med" C-s
check "the note is in the log" wait_for "Note: Skolan var inte med"
keys n
wait_for "A note on the workshop of $date"
keys "Ring 070-123 45 67" C-s
check "a note that could identify someone warns before it is written" \
	wait_for "This could identify someone"
check "... and nothing is in the log, which could never take it back" \
	[ "$(sql "SELECT count(*) FROM workshop_log WHERE text LIKE '%070%'")" = 0 ]
keys Escape
wait_for "discard"
keys y
keys D
check "D asks for a decision" wait_for "A decision of the workshop of $date"
keys "Bjud in elevhälsan" C-s
check "the decision is in the log" wait_for "Decision: Bjud in elevhälsan"
keys q q
check "q q quits" wait_for "EXITED:0"

start 80x24
wait_for "DEMO-1"
keys w End
check "after a restart the log is there, with the initials" wait_for "ÅB  Decision: Bjud in elevhälsan"
note_first() { screen | grep -e 'Skolan var inte med' -e 'Bjud in elevhälsan' | head -n 1 | grep -q Skolan; }
check "... and the note before the decision" note_first
check "the log is append-only: no key edits or deletes an entry" \
	[ "$(sql "SELECT count(*) FROM workshop_log")" -ge 2 ]

# --- the current workshop: where the room's votes go ------------------------------------------
keys Enter
check "Enter makes the selected workshop the current one" wait_for "$date  Möllevången"
current() { screen | grep -F -- "$date" | grep -qF '(current)'; }
check "... marked on the screen" current
wid=$(sql "SELECT id FROM workshop WHERE date = '$date'")
cid=$(sql "SELECT id FROM kase WHERE code = 'DEMO-1 Sam'")
gap_step=$(sql "SELECT step_id FROM gap WHERE case_id = $cid LIMIT 1")
pos=$(sql "SELECT count(*) FROM step WHERE case_id = $cid AND (sort_from IS NULL, sort_from,
	sort_to, seq, id) <= (SELECT sort_from IS NULL, sort_from, sort_to, seq, id FROM step
	WHERE id = $gap_step)")
keys q
wait_for "DEMO-1"
keys Home Enter
wait_for "mellan — DEMO-1 Sam — step"
keys p
wait_for "step 1 of"
i=1
while [ "$i" -lt "$pos" ]; do keys Space; i=$((i + 1)); done
wait_for "step $pos of"
keys 2
check "a vote in the presentation shows its dots" wait_for "●● 2 dots"
check "... and goes to the chosen workshop, not one dated today" \
	[ "$(sql "SELECT coalesce(sum(dots), 0) FROM vote WHERE workshop_id = $wid")" = 2 ]
keys q q q

# --- the lengths the lanes propose gaps by ---------------------------------------------------
code="DEMO-1 Sam"
proposals() { # the number of proposals in the lanes of the demo case, in a new window
	start 80x24
	wait_for "$code"
	keys Enter
	wait_for "mellan — $code — step"
	keys v
	wait_for "Gaps"
	keys o
	wait_for "proposed 1 of"
	screen | sed -n 's/.*proposed 1 of \([0-9]*\) .*/\1/p' | head -n 1
	keys v q q
}
set_lengths() { # SILENCE HANDOVER, on the workshop screen
	start 80x24
	wait_for "$code"
	keys w
	wait_for "Proposed as gaps"
	keys L
	wait_for "When a gap is proposed"
	keys C-u "$1" Tab C-u "$2" C-s
}
before=$(proposals)
check "with the default lengths the demo case has proposals ($before)" [ "${before:-0}" -gt 0 ]
set_lengths 3650 30
check "L sets the silence length, shown on the workshop screen" \
	wait_for "silences from 3650 days, hand-overs late after 30 days"
keys q q
wait_for "EXITED:0"
check "the lengths are kept in the file" \
	[ "$(sql "SELECT value FROM settings WHERE key = 'proposal-silence-days'")" = 3650 ]
long=$(proposals)
check "with silences of ten years or more, fewer are proposed ($long < $before)" \
	[ "${long:-0}" -lt "$before" ]
set_lengths 0 30
check "a length of 0 days is refused" wait_for "a whole number from 1 to 3650"
keys Escape
set_lengths 90 30
wait_for "silences from 90 days"
keys q q
again=$(proposals)
check "back at 90 days, the same proposals again ($again)" [ "${again:-0}" -eq "$before" ]
done_testing 27
