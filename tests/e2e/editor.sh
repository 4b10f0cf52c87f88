#!/bin/sh
# editor.sh - the journey editor as a facilitator uses it, in a private tmux server: from an empty
# database, the initials asked once, a case, steps with Swedish text and fuzzy times (a time it
# cannot read refused with the reason), interventions by several actors, a hand-over, a gap and
# a factor; cancelling asks; a paste; resizes in the middle of a form; every piece found again
# after a restart and in the sqlite3 shell; kill -9 in a burst of edits loses nothing confirmed;
# a file held by another program refuses the save and keeps the form; another mellan's change is
# seen. Speaks TAP.
. "$(dirname "$0")/lib/tap.sh"
. "$(dirname "$0")/lib/tmux.sh"

mkdir -p "$tmp/home"
db=$tmp/journeys.db
mellan init "$db" >"$tmp/init.out" 2>&1
empty_with_catalogue() {
	[ "$(sql 'SELECT count(*) FROM kase')" = 0 ] && [ "$(sql 'SELECT count(*) FROM actor')" -gt 0 ]
}
check "init makes an empty database with the catalogue" empty_with_catalogue

# save WHAT: Ctrl-S, then the confirmation the screen gives.
save() {
	keys C-s
	wait_for "saved: $1"
}

# --- a case, the initials asked first ---------------------------------------------------------
start 80x24
check "an empty database says how to begin" wait_for "No cases yet: a adds one."
keys a
check "the first change asks for the facilitator's initials" wait_for "Your initials"
keys "ÅB" C-s
check "... then the case form opens on its code" wait_for "A new case"
keys "Fall Åsa" Tab 2004
check "the new case is saved and confirmed on the screen" save "new case 'Fall Åsa'"
check "... its empty journey opens" wait_for "This journey has no steps yet: a adds the first."
check "the initials are remembered for this user" \
	[ "$(cat "$tmp/home/.config/mellan/initials" 2>/dev/null)" = "ÅB" ]
check "... privately" [ "$(stat -c %a "$tmp/home/.config/mellan/initials")" = 600 ]

# --- steps with fuzzy times ---------------------------------------------------------------------
keys a
wait_for "A new step"
keys "ht 2015"
check "a step's form opens on when, and shows what it understood" \
	wait_for "understood: autumn term 2015"
keys Tab "Flyttar till Rosengård" Tab "Familjen får en lägenhet. Skolbyte mitt i terminen."
check "a step with å ä ö typed is saved" save "new step 'Flyttar till Rosengård'"
check "... and shown on its card" wait_for "Skolbyte mitt i terminen."

keys a
wait_for "A new step"
keys "nästa tisdag kanske"
check "a time it cannot read shows the parser's reason while typing" wait_for_re "expected|cannot|förstår|understand"
keys C-s
check "... and saving is refused, the form stays open" wait_for "A new step"
keys C-u "vt 2016" Tab "Börjar på ny skola"
check "... corrected, the step is saved" save "new step 'Börjar på ny skola'"

# --- resizes in the middle of a form ----------------------------------------------------------
keys a
wait_for "A new step"
keys "2017-03" Tab "Öppenvården säger nej"
T resize-window -t "$cur" -x 20 -y 6
check "at 20x6 in the middle of a form: a notice instead of a broken screen" wait_for "too"
T resize-window -t "$cur" -x 300 -y 100
check "at 300x100 the form is back with what was typed" wait_for "Öppenvården säger nej"
T resize-window -t "$cur" -x 40 -y 10
check "at 40x10 too" wait_for "Öppenvården"
T resize-window -t "$cur" -x 80 -y 24
keys " igen"
check "... and the step saves whole after the resizes" save "new step 'Öppenvården säger nej igen'"

# --- interventions by several actors, a hand-over, a gap, a factor ------------------------------
keys Home
wait_for "step 1 of 3"
keys i
check "an intervention's form opens on the actor" wait_for "A new intervention"
keys "barn och"
check "... typing filters the actors" wait_for "Socialtjänsten (barn och unga)"
keys Enter "Orosanmälan utreds"
check "an intervention by the social services is saved" save "intervention by Socialtjänsten (barn och unga)"
keys i
wait_for "A new intervention"
keys "EHT" Enter "Samtal med kurator"
check "one by the pupil health team by its short label" save "intervention by Elevhälsan"
keys r
check "a hand-over's form opens on from" wait_for "A new hand-over"
keys "Skolan (g" Enter "vuxen" Enter
check "a hand-over is saved" save "hand-over from Skolan (grundskola) to Socialtjänsten (vuxen)"
keys f
check "flagging a gap opens on its category" wait_for "Flag a gap"
keys "Överläm" Enter "Ingen tog emot remissen"
# On to the actors (what must change, severity, level, status, then the involved).
keys Tab Tab Tab Tab Tab
wait_for "[ ] Elevhälsan"
keys "Skolan (g" Enter Tab "vuxen" Enter
# Past "until step" to the action: what, by whom, who holds the thread, when to follow up.
keys Tab Tab "Ta emot remisser inom en vecka" Tab "vuxen" Enter "Skolan (g" Enter "2026-12"
check "a gap is saved" save "gap 'Överlämningen brast'"
check "... with its actors in their roles" \
	[ "$(sql "SELECT group_concat(a.short_label || ':' || ga.role, ' ') FROM (SELECT * FROM gap_actor ORDER BY role) ga JOIN actor a ON a.id = ga.actor_id")" = "SocV:could Skola:involved" ]
check "... and its action, by whom, led by whom, followed up when" \
	[ "$(sql "SELECT x.short_label || ' ' || l.short_label || ' ' || follow_up || ' ' || what FROM action JOIN actor x ON x.id = action.actor_id JOIN actor l ON l.id = action.lead_id")" = "SocV Skola 2026-12 Ta emot remisser inom en vecka" ]
keys +
wait_for "A risk or protective factor"
keys "Trångboddhet"
check "a risk factor is saved" save "factor 'Trångboddhet' (risk)"
T resize-window -t "$cur" -x 160 -y 50
check "the card shows what was added" eventually shows_all "Orosanmälan utreds" "Samtal med kurator" \
	"Ingen tog emot remissen" "Trångboddhet"
T resize-window -t "$cur" -x 80 -y 24

# --- the catalogue --------------------------------------------------------------------------------
keys c
check "c opens the catalogue of actors and categories" wait_for "Actors and gap categories"
keys a
wait_for "A new actor"
keys "Fältassistenterna" Tab "Fält"
check "a new actor is saved" save "actor 'Fältassistenterna'"
check "... with its sector, as chosen by default" \
	[ "$(sql "SELECT sector FROM actor WHERE name = 'Fältassistenterna'")" = municipality ]
keys End a
wait_for "A new gap category"
keys "Ingen vuxen fanns kvar"
check "a new gap category is saved, its code made from its name" \
	save "gap category 'Ingen vuxen fanns kvar'"
check "... in the file" [ "$(sql "SELECT code FROM category WHERE name = 'Ingen vuxen fanns kvar'")" = ingen-vuxen-fanns-kvar ]
keys q
wait_for "step 1 of 3"

# --- a form's own help ------------------------------------------------------------------------------
keys a
wait_for "A new step"
keys F1
check "F1 in a form shows a form's keys" wait_for "Keys of a form"
check "... from the key table" eventually shows_all "delete the word before the cursor" "save the form"
keys q
check "... and any key goes back to the form" wait_for "A new step"
keys Escape
wait_for "step 1 of 3"

# --- cancelling asks, and a paste -------------------------------------------------------------
keys a
wait_for "A new step"
keys x Escape
check "Esc in a form with something typed asks first" wait_for "Discard what you typed?"
keys n
check "... another key goes back to the form, the text kept" wait_for "A new step"
keys Escape
wait_for "Discard what you typed?"
keys y
check "... y discards it" wait_for "step 1 of 3"
keys a
wait_for "A new step"
keys Tab "Halvskrivet"
wait_for "Halvskrivet"
keys C-c
check "Ctrl-C in a form with something typed asks instead of losing it" \
	wait_for "Discard what you typed?"
keys n
check "... and the text is still there" wait_for "Halvskrivet"
keys C-u
printf 'Inklistrat\nflera rader\033[2J' | T load-buffer -
T paste-buffer -p -t "$cur"
check "a bracketed paste into a one-line field: newlines become spaces, no escape kept" \
	save "new step 'Inklistrat flera rader'"
keys End
wait_for "step 4 of 4"
keys K
check "K on a step whose place the times decide says so and moves nothing" \
	wait_for "the steps' times decide their order"
printf 'dyaq' | T load-buffer -
T paste-buffer -p -t "$cur"
check "a paste outside a form is never taken for keys" wait_for "a paste goes into a form's field"
four_steps_running() { [ "$(sql "SELECT count(*) FROM step")" = 4 ] && first_line_has "step"; }
check "... nothing was deleted or added, mellan still runs" four_steps_running

keys q
wait_for "Interv."
keys q
check "q quits with status 0" wait_for "EXITED:0"

# --- everything is in the file ------------------------------------------------------------------
cid=$(sql "SELECT id FROM kase WHERE code = 'Fall Åsa'")
check "the case is in the file with its birth year" [ "$(sql "SELECT birth_year FROM kase WHERE id = $cid")" = 2004 ]
check "its four steps with their times as codes" \
	[ "$(sql "SELECT group_concat(coalesce(time, '-'), ' ') FROM (SELECT time FROM step WHERE case_id = $cid ORDER BY id)")" = "2015-HT 2016-VT 2017-03 -" ]
check "... Swedish letters intact" [ "$(sql "SELECT count(*) FROM step WHERE title IN ('Flyttar till Rosengård', 'Börjar på ny skola', 'Öppenvården säger nej igen')")" = 3 ]
check "... no escape character stored" [ "$(sql "SELECT count(*) FROM step WHERE instr(title, char(27)) > 0")" = 0 ]
check "two interventions by two actors" [ "$(sql "SELECT count(DISTINCT actor_id) FROM intervention WHERE case_id = $cid")" = 2 ]
check "the hand-over, the gap and the factor" \
	[ "$(sql "SELECT (SELECT count(*) FROM handover) || (SELECT count(*) FROM gap) || (SELECT count(*) FROM factor)")" = 111 ]
check "every change carries the initials in the history" \
	[ "$(sql "SELECT count(*) FROM history WHERE editor = 'ÅB'")" -ge 9 ]

start 160x50
wait_for "Fall Åsa"
keys Enter
check "reopened, the journey is there" wait_for "step 1 of 4"
check "... with every piece at its step" eventually shows_all "Flyttar till Rosengård" "Orosanmälan utreds" \
	"Samtal med kurator" "Ingen tog emot remissen" "Trångboddhet"
keys j
check "... and the next step" wait_for "Börjar på ny skola"

# --- editing and deleting ------------------------------------------------------------------------
keys Home
wait_for "step 1 of 4"
keys e
check "e on a step with parts asks which" wait_for "Edit what?"
keys Enter
check "... the step itself opens in its form with its text" wait_for "Edit the step"
keys Tab C-e " (omskrivet)"
check "an edited title is saved" save "step 'Flyttar till Rosengård (omskrivet)'"
check "... and in the file" [ "$(sql "SELECT count(*) FROM step WHERE title = 'Flyttar till Rosengård (omskrivet)'")" = 1 ]
keys d
wait_for "Delete what?"
keys "Trång" Enter
check "d asks before deleting" wait_for "Delete risk: Trångboddhet?"
keys n
check "... another key keeps it" wait_for "nothing was deleted"
check "... still in the file" [ "$(sql "SELECT count(*) FROM factor")" = 1 ]
keys d
wait_for "Delete what?"
keys "Trång" Enter
wait_for "Delete risk: Trångboddhet?"
keys y
check "... y deletes it" wait_for "deleted (u undoes it)"
check "... gone from the file" [ "$(sql "SELECT count(*) FROM factor")" = 0 ]
keys u
check "u undoes the delete and says what it undid" wait_for "undid:"
factor_back() { wait_for "Trångboddhet" && [ "$(sql "SELECT count(*) FROM factor")" = 1 ]; }
check "... the factor is back on the card and in the file" factor_back
keys C-r
check "Ctrl-R redoes it" wait_for "redid:"
check "... gone again" [ "$(sql "SELECT count(*) FROM factor")" = 0 ]

# --- search -------------------------------------------------------------------------------------
keys q
wait_for "Interv."
keys e
check "e on the cases screen edits the selected case" wait_for "Edit the case"
keys Tab C-u 2003
check "... a changed birth year is saved" save "case 'Fall Åsa'"
check "... in the file" [ "$(sql "SELECT birth_year FROM kase WHERE code = 'Fall Åsa'")" = 2003 ]
keys d
check "d on the cases screen asks before deleting a case" wait_for "Delete the case Fall Åsa?"
keys n
wait_for "nothing was deleted"
keys /
check "/ asks what to search for" wait_for "Search every case"
keys "remiss" Enter
check "a hit jumps to its case and step" wait_for "hit 1 of 1"
check "... the step with the gap is shown" eventually shows_all "Fall Åsa" "Ingen tog emot remissen"
keys n
check "n goes to the next hit (round again)" wait_for "hit 1 of 1"
keys /
wait_for "Search every case"
keys "xyzzyq" Enter
check "a search with no hit says so and keeps the words" wait_for "Nothing found"
keys Escape
wait_for "Discard"
keys y

# --- the file held by another program: the save is refused, the form kept ------------------------
keys a
wait_for "A new step"
keys Tab "Väntar på låset"
# The other program is the sqlite3 shell, reading from a pipe: it holds the file from BEGIN
# until it is told to roll back, after the refusal has been seen.
mkfifo "$tmp/locker"
sqlite3 "$db" <"$tmp/locker" >/dev/null 2>&1 &
locker=$!
exec 3>"$tmp/locker"
echo ".timeout 10000" >&3
echo "BEGIN IMMEDIATE; INSERT INTO kase (uuid, code) VALUES ('lock', 'Låset');" >&3
# Saves only once the other program holds the file, however slowly it started.
locked() { ! sqlite3 "$db" "BEGIN IMMEDIATE; ROLLBACK;" >/dev/null 2>&1; }
eventually locked
keys C-s
check "a save while another program holds the file is refused with the reason" wait_for_re "another mellan is writing|busy|locked"
check "... and the form keeps what was typed" eventually shows_all "A new step" "Väntar på låset"
echo "ROLLBACK;" >&3
exec 3>&-
wait "$locker"
check "once the file is free, saving again works" save "new step 'Väntar på låset'"

# --- another mellan's change is seen --------------------------------------------------------------
first=$cur
start 80x24
second=$cur
wait_for "Fall Åsa"
keys Enter
wait_for "step 1 of 5"
keys a
wait_for "A new step"
keys Tab "Från den andra"
save "new step 'Från den andra'"
cur=$first
check "the first mellan sees the other's new step when it redraws" wait_for "of 6" 10

# Both edit the same step; the second to save is told, and keeps its edit.
keys Home e Enter
wait_for "Edit the step"
keys Tab C-e " – första"
cur=$second
keys Home e Enter
wait_for "Edit the step"
keys Tab C-e " – andra"
save "step 'Flyttar till Rosengård (omskrivet) – andra'"
cur=$first
keys C-s
check "two mellans edit one step: the later save is told another changed it" \
	wait_for "another mellan changed this step"
check "... and keeps its edit on the screen" wait_for "(omskrivet) – första"
check "... nothing of it was written" \
	[ "$(sql "SELECT count(*) FROM step WHERE title LIKE '%första'")" = 0 ]
check "a second Ctrl-S saves it over the other's, knowingly" \
	save "step 'Flyttar till Rosengård (omskrivet) – första'"
check "... and the file has it" [ "$(sql "SELECT count(*) FROM step WHERE title LIKE '%första'")" = 1 ]
keys q q
check "... and quits with status 0 (no leak, no error)" wait_for "EXITED:0"
cur=$second
keys q q
check "... and quits with status 0 (no leak, no error)" wait_for "EXITED:0"

start 80x24
wait_for "Fall Åsa"
keys u
check "after a restart, u still undoes the latest change" wait_for "undid:"
check "... the other's version of the step is back" \
	[ "$(sql "SELECT count(*) FROM step WHERE title = 'Flyttar till Rosengård (omskrivet) – andra'")" = 1 ]
order="ORDER BY sort_from IS NULL, sort_from, sort_to, seq, id"
last_title() { sql "SELECT title FROM step $order LIMIT 1 OFFSET $(($(sql 'SELECT count(*) FROM step') - 1))"; }
keys Enter End
wait_for "step 6 of 6"
before=$(last_title)
keys K
check "K moves a step among those without a time one place earlier" wait_for "moved (u undoes it)"
check "... in the file" [ "$(last_title)" != "$before" ]
check "... and it stays selected" wait_for "step 5 of 6"
keys q q
check "... and quits with status 0 (no leak, no error)" wait_for "EXITED:0"

# --- the help on a projector's 60x20 scrolls -------------------------------------------------------
start 60x20
wait_for "Fall Åsa"
keys Enter
wait_for "step 1 of"
keys "?"
check "at 60x20 the journey's help says there are more keys" wait_for "more keys (PgDn)"
check "... starting with the screen's own" wait_for "the previous or next step"
keys NPage
check "PgDn scrolls the help on" eventually shows_none "the previous or next step"
keys q
check "... and another key goes back" wait_for "step 1 of"
keys q q
check "... and quits with status 0 (no leak, no error)" wait_for "EXITED:0"

# --- NO_COLOR: the focused field is still marked -------------------------------------------------
start 80x24 NO_COLOR=1
wait_for "Fall Åsa"
keys a
wait_for "A new case"
esc=$(printf '\033')
reverse="${esc}\\[([0-9]+;)*7(;[0-9]+)*m"
line_reverse() { screen -e | sed -n "${1}p" | grep -qE -- "$reverse"; }
check "with NO_COLOR the focused field is in reverse video" line_reverse 2
check "... and only that one" not line_reverse 4
keys Tab
check "... Tab moves the mark to the next field" eventually line_reverse 4
keys Escape
wait_for "Interv."
keys q
check "... and quits with status 0 (no leak, no error)" wait_for "EXITED:0"

# --- kill -9 in the middle of a burst of edits --------------------------------------------------
start 80x24
wait_for "Fall Åsa"
keys Enter
wait_for "step 1 of"
confirmed=0
for i in 1 2 3 4 5 6; do
	keys a
	wait_for "A new step" || break
	keys Tab "Skur $i"
	keys C-s
	wait_for "saved: new step 'Skur $i'" && confirmed=$i
done
keys a
wait_for "A new step"
keys Tab "Aldrig sparad"
kill -9 "$(pid_of_cur)"
check "kill -9 ends mellan in the middle of a form" wait_for "EXITED:137"
all_confirmed() {
	[ "$confirmed" = 6 ] && [ "$(sql "SELECT count(*) FROM step WHERE title LIKE 'Skur %'")" = 6 ]
}
check "every step the screen confirmed is in the file" all_confirmed
check "... not the one never saved" [ "$(sql "SELECT count(*) FROM step WHERE title = 'Aldrig sparad'")" = 0 ]
check "PRAGMA integrity_check passes" [ "$(sql 'PRAGMA integrity_check')" = ok ]

done_testing 110
