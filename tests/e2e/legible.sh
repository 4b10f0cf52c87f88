#!/bin/sh
# legible.sh - each screen as the room reads it, in a private tmux server at a projector's 60x20
# and at 80x24, 100x30 and 200x60: the help's keys beside their own words when it scrolls, the
# gaps' pattern names told apart and their counts beside them, the journey's times whole and its
# hints naming the lanes and the presentation, a gap's two lists of actors, lanes labelled with
# names (codes only when narrow, and a key to them), every age rule labelled, scroll marks of
# their own, a legend that fits; the presentation's blank, a slip of dots taken back, the
# projector's colours from p; the forms' pickers and messages; mellan ending when its input
# ends; Swedish from the source tree. Speaks TAP; polls instead of sleeping.
. "$(dirname "$0")/lib/tap.sh"
. "$(dirname "$0")/lib/tmux.sh"
db=$tmp/demo.db
mellan init --demo "$db" >/dev/null 2>&1
check "init --demo makes the database" test -s "$db"

line() { screen | sed -n "${1}p"; } # LINE: one line of the screen, 1 the top
theme_bg() { screen -e | grep -q "$1"; }
not_theme() { ! theme_bg '48;5;231'; }
# The column (from 0) where TEXT starts on line LINE, empty when it is not there.
column_of() { # LINE TEXT
	line "$1" | awk -v t="$2" '{ i = index($0, t); if (i) print length(substr($0, 1, i - 1)) }'
}
sam=$(sql "SELECT id FROM kase WHERE code = 'DEMO-1 Sam'")
total=$(sql "SELECT count(*) FROM step WHERE case_id = $sam")

# --- help ---------------------------------------------------------------------------------------
# Scrolled to its end, each key stands on the line of its own description.
start 60x20
wait_for "DEMO-1 Sam"
keys Enter
wait_for "step 1 of $total"
keys '?'
wait_for "Keys of the journey screen"
keys PPage NPage NPage NPage
wait_for "present the journey"
key_beside() { screen | grep -F -- "$2" | grep -q "^  $1 "; } # KEY DESCRIPTION
check "help at 60x20, scrolled: Ctrl-R beside 'redo what was undone'" \
	key_beside "Ctrl-R" "redo what was undone"
check "... / beside the search" key_beside "/" "search every case's steps"
check "... p beside the presentation" key_beside "p" "present the journey to the room"
check "... and above, a mark that there is more" wait_for "▲ more keys (PgUp)"
keys q

# --- the gaps screen ------------------------------------------------------------------------------
pattern_names() { screen | sed -n '3,$p' | grep -v '^    ' | grep '^ [^ ]' | sed 's/  .*//'; }
start 60x20
wait_for "DEMO-1 Sam"
keys g
wait_for "Recurring gaps across the cases"
check "g opens the gaps, at 60x20 a name of 26 columns is whole" wait_for "Utanför kriterierna, at 18 "
keys End
wait_for "Recurring gaps"
check "... no two names cut alike" sh -c '[ -z "$(printf "%s\n" "$1" | sort | uniq -d)" ]' x \
	"$(pattern_names)"
check "... and each count begins beside its name" wait_for "2 gaps in 2 cases"
start 200x60
wait_for "DEMO-1 Sam"
keys g
wait_for "Recurring gaps across the cases"
name_end=$(($(column_of 3 "Utanför kriterierna, at 18") + 26))
counts_at=$(column_of 3 "3 gaps in 3 cases")
check "at 200 columns the counts sit beside the names ($counts_at, names end by $name_end)" \
	[ -n "$counts_at" ] && [ "$counts_at" -lt 90 ]
widest=$(screen | sed -n '3,$p' | grep -v '^    ' | awk '{ i = index($0, "  "); print i }' | sort -n |
	tail -n 1)
check "... in a column as wide as the widest name needs" [ "$counts_at" -le $((widest + 3)) ]

# --- the journey ----------------------------------------------------------------------------------
start 100x30
wait_for "DEMO-1 Sam"
check "the cases' hints name g for the gaps" last_line_has "g gaps"
# p does nothing here now: Enter after it opens the case at its first step, not a gap's.
keys p Enter
check "p on the cases screen is no longer the gaps" wait_for "mellan — DEMO-1 Sam — step 1 of"
check "at exactly 100 columns the list keeps a time's year: autumn term 2018" \
	wait_for "autumn term 2018 "
check "... and a span's end: 2017-04 – 2017-09" wait_for "2017-04 – 2017-09"
check "the hints name the lanes and the presentation" last_line_has "v lanes  p present"
step=$(sql "SELECT count(*) FROM step WHERE case_id = $sam AND (sort_from IS NULL, sort_from, sort_to,
	seq, id) <= (SELECT sort_from IS NULL, sort_from, sort_to, seq, id FROM step
	WHERE case_id = $sam AND title = 'Frånvaron börjar')")
i=1
while [ "$i" -lt "$step" ]; do keys Down; i=$((i + 1)); done
wait_for "step $step of $total"
keys NPage NPage
check "a gap's actors in two lists: involved" wait_for "Involved: "
check "... and could have acted" wait_for "Could have acted: "
start 60x20
wait_for "DEMO-1 Sam"
keys Enter
wait_for "step 1 of $total"
check "at 60x20 the journey's hints still name v and p, and the help" \
	last_line_has "v lanes  p present  ? help"

# --- the lanes ------------------------------------------------------------------------------------
start 200x60
wait_for "DEMO-1 Sam"
keys Enter v
wait_for "Gaps "
check "lanes at 200 columns: the actors' names, not codes" \
	wait_for " Socialtjänsten (barn och unga) "
check "... and no key to codes, none being shown" shows_none " SocBU " "KAA Kommunala"
start 60x20
wait_for "DEMO-1 Sam"
keys Enter v
wait_for "Gaps "
check "at 60x20 a code where a name does not fit" shows -E '^[ ⇡⇣]KAA '
check "... with its key under the lanes" wait_for "KAA Kommunala aktivitetsansvaret (KAA)"
ages_row=$(line 3)
check "every age rule keeps its label, 16 between 15 and 18 too" sh -c \
	'for a in 15 16 18 19; do echo "$1" | grep -qw "$a" || exit 1; done' x "$ages_row"
check "▼ marks the selected step only, on the axis" \
	sh -c '[ "$(printf "%s\n" "$1" | grep -c "▼")" -eq 1 ] && printf "%s\n" "$1" | sed -n 3p | \
	grep -q "▼"' x "$(screen)"
check "lanes below the screen are marked ⇣" wait_for "⇣"
keys j j j
check "lanes scrolled off the top are marked ⇡" wait_for "⇡"
check "the legend is whole at 60 columns: │ age, · silence" wait_for "│ age"
check "... and the hints end with the help" last_line_has "? help"
keys o
check "o shows a proposal" wait_for "proposed 1 of"
keys v
wait_for "a add"
keys v
wait_for "Gaps "
check "leaving the lanes and coming back, the proposal's message is gone" \
	shows_none "proposed 1 of"

# --- the presentation -----------------------------------------------------------------------------
start 80x24
wait_for "DEMO-1 Sam"
keys Enter
wait_for "step 1 of $total"
check "the journey in the terminal's own colours" not_theme
keys p
wait_for "step 1 of $total"
check "p presents in the projector's theme, as mellan present does (white: 231)" \
	eventually theme_bg '48;5;231'
keys b
blank() { ! screen | grep -q '[^ ]'; }
eventually blank
keys z
check "after b, a key that does nothing else brings the screen back" wait_for "step 1 of $total"
keys b
eventually blank
keys Right
check "... and Right only that, on the same step" wait_for "step 1 of $total"
gap_step=$(sql "SELECT count(*) FROM step WHERE case_id = $sam AND (sort_from IS NULL, sort_from,
	sort_to, seq, id) <= (SELECT sort_from IS NULL, sort_from, sort_to, seq, id FROM step
	WHERE id = (SELECT step_id FROM gap WHERE case_id = $sam ORDER BY id LIMIT 1))")
i=1
while [ "$i" -lt "$gap_step" ]; do keys Space; i=$((i + 1)); done
wait_for "step $gap_step of $total"
keys 2 3
wait_for "5 dots"
keys -
check "- takes back the dots last given, a slip of the finger" wait_for "took back 3 dots"
check "... and the gap has the 2 meant" wait_for "●● 2 dots"
keys q
wait_for "mellan — DEMO-1 Sam"
check "back on the journey, the terminal's colours again" eventually not_theme
keys u
check "u gives them back and says what it undid" wait_for "undid: 3 dots on gap '"
check "... taken back" wait_for "' taken back"
keys u
undid_vote() { shows -F "undid: 3 dots on gap '" && shows_none "taken back"; }
check "... and undoes the 3 given" eventually undid_vote
keys q q
start 80x24 -- --theme dark --db "$db"
wait_for "DEMO-1 Sam"
keys Enter p
wait_for "step 1 of"
check "with --theme, p presents in the theme chosen (dark: 16)" eventually theme_bg '48;5;16m'

# --- forms and messages (wide, so a doubled label would not be cut out of sight) --------------
mkdir -p "$tmp/home/.config/mellan"
echo "AB" >"$tmp/home/.config/mellan/initials"
start 160x30
wait_for "DEMO-1 Sam"
keys /
wait_for "Search every case"
check "the search box names its own keys" last_line_has "Enter search"
check "... not the forms' save" shows_none "Ctrl-S, F2"
# Esc alone, read before the next key: Esc and a key at once are Alt and that key.
keys Escape
wait_for "DEMO-2 Noor"
keys Enter
wait_for "step 1 of $total"
keys Down Down i
wait_for "A new intervention"
keys KAA
check "the actor picker does not say a short label twice" \
	wait_for "Kommunala aktivitetsansvaret (KAA)"
check "... (KAA) (KAA)" shows_none "(KAA) (KAA)"
keys C-u zzq C-s
check "letters matching nothing are not dropped on a save" wait_for "nothing matches 'zzq'"
check "... the form stays open" wait_for "A new intervention"
keys Escape
wait_for "Elevhälsan"
keys Escape
wait_for "step 3 of $total"
keys d
wait_for "Delete what?"
check "'Delete what?' names its own keys" last_line_has "Enter delete it"
check "... not the forms' save" shows_none "Ctrl-S, F2"
keys Enter
wait_for "Delete the step"
keys y
wait_for "deleted (u undoes it)"
keys u
check "undoing a deleted step selects it again" wait_for "step 3 of $total"
check "... and says which it was" wait_for "undid: step 'Flytt till trångt boende' deleted"
i=3
while [ "$i" -lt "$step" ]; do keys Down; i=$((i + 1)); done
wait_for "step $step of $total"
keys d
wait_for "Delete what?"
keys "gap: "
keys Enter
wait_for "Delete gap:"
keys y
wait_for "deleted (u undoes it)"
keys u
check "an undo message cut short ends in …" wait_for "…' deleted"

start 160x30
wait_for "DEMO-1 Sam"
keys c
wait_for "Actors and gap categories"
check "the catalogue does not say a short label twice either" wait_for "Kommunala aktivitetsansvaret (KAA)"
check "... (KAA) (KAA), BUP (BUP)" shows_none "(KAA) (KAA)" "BUP (BUP)"
check "... and gives the others after the name" wait_for "Socialtjänsten (barn och unga) (SocBU)"
start 80x24
wait_for "DEMO-1 Sam"
keys Enter
wait_for "step 1 of $total"
keys i
wait_for "A new intervention"
keys Socialtj
check "at 80 columns the actor picker's sectors leave the names whole" \
	wait_for "Socialtjänsten (barn och unga) (SocBU)"

# --- input that ends ------------------------------------------------------------------------------
# mellan on a terminal whose input is closed: it must end, quickly, and give the terminal back.
cat >"$tmp/eof.sh" <<'EOF'
name=$1 bin=$2 home=$3 how=$4
shift 4
if [ "$how" = pipe ]; then
	: | env -i HOME="$home" LC_ALL=C.UTF-8 TERM=tmux-256color PATH="$PATH" timeout --foreground 20 "$bin" "$@"
else
	env -i HOME="$home" LC_ALL=C.UTF-8 TERM=tmux-256color PATH="$PATH" timeout --foreground 20 "$bin" "$@" \
		</dev/null
fi
rc=$?
# Not in a pipe: a subshell has no children to count.
times >"$name.all"
tail -n 1 "$name.all" >"$name.times"
stty -a >"$name.stty"
echo "$rc" >"$name.rc"
exec sleep 600
EOF
# The CPU seconds the ended mellan used, from `times`: "0m0.050000s 0m0.090000s".
cpu() { awk '{ split($1, u, "[ms]"); split($2, s, "[ms]"); print u[1] * 60 + u[2] + s[1] * 60 + s[2] }' "$1"; }
ends() { # ID WHAT HOW ARGS...
	name=$tmp/eof.$1
	what=$2
	how=$3
	shift 3
	set -- sh "$tmp/eof.sh" "$name" "$bin" "$tmp/home" "$how" "$@"
	cur=$(T new-window -d -P -F '#{window_id}' "$@")
	eventually test -s "$name.rc"
	rc=$(cat "$name.rc" 2>/dev/null)
	secs=$(cpu "$name.times" 2>/dev/null)
	check "$what with its input at an end exits 0 (status $rc)" [ "$rc" = 0 ]
	check "... having used little CPU (${secs:-?} s)" awk -v s="${secs:-99}" 'BEGIN { exit !(s < 3) }'
	check "... and gives the terminal back" sh -c "grep -qw icanon '$name.stty' && \
		grep -qw echo '$name.stty'"
}
ends present "present </dev/null" null present --db "$db" "DEMO-1 Sam"
ends tui "the TUI on a closed pipe" pipe --db "$db"
ends follow "present --follow </dev/null" null present --follow --db "$db"

# --- Swedish from the source tree -----------------------------------------------------------------
out=$(env -i HOME="$tmp/home" PATH="$PATH" LANGUAGE=sv "$bin" --help 2>&1)
check "LANGUAGE=sv $bin speaks Swedish from the tree, without MELLAN_LOCALEDIR" \
	sh -c 'echo "$1" | grep -q "^Användning:"' x "$out"
start 60x20 LANGUAGE=sv
wait_for "DEMO-1 Sam"
keys Enter v
check "the lanes in Swedish at 60x20: the legend whole" wait_for "│ ålder"
check "... the hints end with the help" last_line_has "? hjälp"
keys v
wait_for "steg 1 av"
check "the journey's Swedish hints name v and p" last_line_has "v banor  p presentera"
check "README says how long make check takes" sh -c "grep -A1 '^make check' '$top/README.md' | grep -q minutes"
check "README's commands are ./mellan, as a fresh build has it" grep -q '^\./mellan --demo' \
	"$top/README.md"

done_testing 71
