#!/bin/sh
# privacy_tui.sh - the privacy warning on save, in a private tmux server: a step whose text holds
# a phone number and a name on the list is not saved; the form says what was found, masked,
# under the field; rewritten, it saves; saved again as it is, the finding is kept on purpose
# (recorded with the initials) and check no longer reports it; something typed after the warning
# is shown in its turn. Speaks TAP.
. "$(dirname "$0")/lib/tap.sh"
. "$(dirname "$0")/lib/tmux.sh"

db=$tmp/privacy.db
mellan init "$db" >"$tmp/init.out" 2>&1
mellan names --db "$db" --add "Åsa" >/dev/null 2>&1
check "a database with Åsa on the list of names" [ "$(sql 'SELECT name FROM name_block')" = "Åsa" ]

start 80x24
wait_for "No cases yet"
keys a
wait_for "Your initials"
keys "ÅB" C-s
wait_for "A new case"
keys "Fall 7" Tab 2004 C-s
check "a case to work in" wait_for "This journey has no steps yet"

# --- found on save: the form stays, says what and where, nothing is written -------------------
keys a
wait_for "A new step"
keys "2015" Tab "Flyttar" Tab "Mamma nås på 070-123 45 67, Åsa hjälper"
keys C-s
check "saving a text with a phone number and a listed name: the form warns" \
	wait_for "This could identify someone"
check "... and says under the field what it found, masked" \
	wait_for "found: phone number 07*-*** ** 67, name on the list Å**"
check "... and the form is still open" wait_for "A new step"
check "... nothing is written" [ "$(sql 'SELECT count(*) FROM step')" = 0 ]

# --- rewritten: saved, and check is clean --------------------------------------------------------
keys C-u "Mamma nås via skolan"
keys C-s
check "rewritten, the step is saved" wait_for "saved: new step 'Flyttar'"
check "... with the new text" [ "$(sql 'SELECT narrative FROM step')" = "Mamma nås via skolan" ]
check "... and check finds nothing" sh -c "env -i HOME='$tmp/home' LC_ALL=C.UTF-8 '$bin' check --db '$db' >/dev/null"

# --- kept on purpose: saved again as it is --------------------------------------------------------
keys a
wait_for "A new step"
keys "2016" Tab "Fritids" Tab "Träffas vid Stortorget 1 varje vecka"
keys C-s
check "a public place with a number: the form warns" wait_for "found: street address St*******t 1"
keys C-s
check "saved again as it is: the step is saved" wait_for "saved: new step 'Fritids'"
check "... the finding is kept on purpose, with the initials" \
	[ "$(sql "SELECT count(*) FROM privacy_kept WHERE field = 'narrative' AND editor = 'ÅB'")" = 1 ]
check "... and not the text itself" [ "$(sql "SELECT count(*) FROM privacy_kept WHERE key LIKE '%Stortorget%'")" = 0 ]
mellan check --db "$db" >"$tmp/check.out" 2>&1
check "check exits 0 and counts it as kept" \
	sh -c "[ $? -eq 0 ] && grep -qxF 'integrity: ok; 0 privacy findings, 1 kept on purpose' '$tmp/check.out'"

# --- typed after the warning: shown in its turn ------------------------------------------------
keys a
wait_for "A new step"
keys "2017" Tab "Kuratorn" Tab "Ring 040-12 34 56"
keys C-s
wait_for "found: phone number 04*-** ** 56"
keys " eller leo@exempel.se"
keys C-s
check "a finding typed after the warning is shown before anything is kept" \
	wait_for "found: phone number 04*-** ** 56, e-mail address le*@"
check "... still nothing written" [ "$(sql "SELECT count(*) FROM step WHERE title = 'Kuratorn'")" = 0 ]
keys C-s
check "saved again: both kept" wait_for "saved: new step 'Kuratorn'"
check "... two more kept findings" [ "$(sql 'SELECT count(*) FROM privacy_kept')" = 3 ]

# --- editing a kept text: no warning for what was kept ---------------------------------------------
keys e
wait_for "Edit the step"
keys C-s
check "an edited step with only kept findings saves at once" wait_for "saved: step 'Kuratorn'"

keys q
wait_for "1 case"
keys q
check "mellan ends normally" restored
done_testing 20
