#!/bin/sh
# privacy_names.sh - the list of names not to use, edited in the TUI, in a private tmux server:
# N on the cases screen opens it, its top line says it is not for the projector; a name added
# there is found on save in a step's narrative at once; renamed, the old spelling is no longer
# found; deleted after a question, u brings it back; an action added to a gap is scanned on save
# like the gap's own texts, and kept on purpose under the action itself. Speaks TAP.
. "$(dirname "$0")/lib/tap.sh"
. "$(dirname "$0")/lib/tmux.sh"

db=$tmp/names.db
mellan init "$db" >"$tmp/init.out" 2>&1
mellan names --db "$db" --add "Östen" >/dev/null 2>&1

start 80x24
wait_for "No cases yet"
keys a
wait_for "Your initials"
keys "ÅB" C-s
wait_for "A new case"
keys "Fall 9" Tab 2005 C-s
wait_for "This journey has no steps yet"
keys q
wait_for "1 case"

# --- the screen: real names, said so on top ------------------------------------------------------
keys N
check "N opens the names not to use, saying they are not for the projector" \
	wait_for "1 names not to use — real names, not for the projector"
check "... on its top line" first_line_has "not for the projector"
check "... with the list" wait_for "Östen"

# --- a name added there ---------------------------------------------------------------------------
keys a
check "a adds a name" wait_for "A name not to use"
keys "  Åsa Berg " C-s
check "... saved" wait_for "saved: a new name"
check "... in the file, without the blanks" \
	[ "$(sql "SELECT name FROM name_block ORDER BY id DESC LIMIT 1")" = "Åsa Berg" ]
in_order() { [ "$(screen | grep -e 'Åsa Berg' -e 'Östen' | tr -d ' ' | tr '\n' ,)" = "ÅsaBerg,Östen," ]; }
check "... listed in Swedish order: Åsa before Östen" in_order
keys a
wait_for "A name not to use"
keys "åsa  berg" C-s
check "the same name in another case is refused, the form stays" \
	wait_for "is on the list of names already"
keys Escape
wait_for "Discard"
keys y
wait_for "2 names not to use"

# --- found on save at once ------------------------------------------------------------------------
keys q
wait_for "1 case"
keys Enter
wait_for "This journey has no steps yet"
keys a
wait_for "A new step"
keys "2016" Tab "Flyttar" Tab "Mormor ÅSA BERG hämtar honom"
keys C-s
check "a name added in the screen is found on save in a step's narrative" \
	wait_for "found: name on the list Å**"
check "... nothing is written" [ "$(sql 'SELECT count(*) FROM step')" = 0 ]
keys C-u "Mormor hämtar honom"
keys C-s
wait_for "saved: new step 'Flyttar'"

# --- an action on a gap is scanned like the rest ----------------------------------------------------
keys f
wait_for "Flag a gap"
keys "Överläm" Enter "Ingen tog emot"
# Past what must change, severity, level, status, the two actor lists and until step.
keys Tab Tab Tab Tab Tab Tab Tab Tab "Ring Åsa Berg varje vecka"
keys C-s
check "an action's text with a listed name: the gap form warns" \
	wait_for "found: name on the list Å**"
check "... nothing is written" [ "$(sql 'SELECT count(*) FROM gap')" = 0 ]
keys C-s
check "saved again as it is: the gap is saved" wait_for "saved: gap 'Överlämningen brast'"
check "... the finding is kept under the action itself" \
	[ "$(sql "SELECT count(*) FROM privacy_kept k JOIN action a ON a.uuid = k.record_uuid WHERE k.field = 'what'")" = 1 ]
mellan check --db "$db" >"$tmp/check.out" 2>&1
check "check counts it as kept" \
	sh -c "[ $? -eq 0 ] && grep -qF '0 privacy findings, 1 kept on purpose' '$tmp/check.out'"

# --- renamed ----------------------------------------------------------------------------------------
keys q
wait_for "1 case"
keys N
wait_for "2 names not to use"
keys Home e
check "e changes the selected name" wait_for "Change a name not to use"
keys C-u "Åsa Bergström" C-s
check "... saved" wait_for "saved: the name is changed"
check "... in the file" [ "$(sql "SELECT name FROM name_block WHERE name LIKE '%Berg%'")" = "Åsa Bergström" ]

# --- deleted after a question, and undone -----------------------------------------------------------
keys End
keys d
check "d asks before taking a name off" wait_for "Take Östen off the list of names?"
keys n
check "... another key keeps it" wait_for "nothing was deleted"
check "... still in the file" [ "$(sql "SELECT count(*) FROM name_block")" = 2 ]
keys d
wait_for "Take Östen off the list"
keys y
check "y takes it off" wait_for "deleted (u undoes it)"
check "... gone from the file" [ "$(sql "SELECT count(*) FROM name_block WHERE name = 'Östen'")" = 0 ]
check "... and from the screen" wait_for "1 names not to use"
keys u
check "u brings it back" wait_for "undid: name on the list deleted"
check "... into the file" [ "$(sql "SELECT count(*) FROM name_block WHERE name = 'Östen'")" = 1 ]
check "... and onto the screen" wait_for "2 names not to use"

# --- never for the room -----------------------------------------------------------------------------
keys q
wait_for "1 case"
keys Enter
wait_for "Flyttar"
keys N
no_names() { settle && shows_none "names not to use" "Östen"; }
check "N does nothing on the journey, which may be on the projector" no_names
keys p
wait_for "Flyttar"
keys N
check "... nor in the presentation" no_names
keys q
keys q
wait_for "1 case"
keys q
check "mellan ends normally" restored
done_testing 30
