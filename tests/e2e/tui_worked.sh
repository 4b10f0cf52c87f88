#!/bin/sh
# tui_worked.sh - the what worked screen as a facilitator meets it, in a private tmux server: the
# patterns of what helped with the interventions behind them, Enter into the journey at that
# step and back, the lasting adults and the protective factors further down, its help, opening
# it beside the gaps, and at 60x20 and 200x60 in English and Swedish. Speaks TAP; polls instead of
# sleeping.
. "$(dirname "$0")/lib/tap.sh"
. "$(dirname "$0")/lib/tmux.sh"
db=$tmp/demo.db
mellan init --demo "$db" >/dev/null 2>&1
check "init --demo makes the database" test -s "$db"

line_has() { screen | sed -n "${1}p" | grep -qF -- "$2"; } # LINE TEXT
# Presses KEY until the screen shows TEXT, at most 30 times.
press_until() { # KEY TEXT
	for _ in $(seq 30); do
		shows -F -- "$2" && return 0
		press "$1"
	done
	shows -F -- "$2"
}

start 100x30
wait_for "DEMO-1 Sam"
keys h
check "h on the cases screen opens what worked across all cases" \
	wait_for "What worked across the cases (13)"
check "the patterns of what worked come first, under their heading" \
	line_has 2 "Patterns of what worked"
line3() { line_has 3 "Individual and peers" && line_has 3 "10 interventions in 3 cases · 6 helped a lot"; }
check "the pattern in most cases leads, with its counts" line3
check "... and the interventions behind it, one a line, with case, time and actor" \
	wait_for "DEMO-1 Sam · 2016-03-14 · Elevhälsan · Remiss till BUP om ADHD"

# Down to the second intervention behind the first pattern, Enter: its journey at its step.
keys j j
keys Enter
check "Enter opens the intervention's journey at its step" wait_for "DEMO-1 Sam — step 8 of 28"
keys q
check "q from that journey comes back to what worked" wait_for "What worked across the cases"

check "further down, the lasting adults: the club with Kim, eight years" \
	press_until NPage "DEMO-3 Kim · Idrottsföreningen"
check "... from summer 2013 to 2021-04" wait_for "summer 2013 – 2021-04 · 8 years"
check "... and what helped by actor and by theme" press_until NPage "What helped, by theme"
keys End
check "End goes to the last line: a protective factor and who was there" \
	wait_for "Vuxna volontärer som bryr sig: Röda Korset"

keys '?'
check "? shows the screen's keys from the key table" wait_for "Keys of the what worked screen"
check "... with what Enter opens" wait_for "the journey at the intervention's step"
keys x
wait_for "What worked across the cases"
keys Escape
check "Esc goes back to the cases" wait_for "3 cases"

keys g
wait_for "Recurring gaps across the cases"
keys h
check "h on the gaps screen opens what worked beside them" \
	wait_for "What worked across the cases (13)"
keys q
check "... and q goes back to the gaps" wait_for "Recurring gaps across the cases"

# A projector's 60x20, and a wide screen, in English and in Swedish.
start 60x20
wait_for "DEMO-1 Sam"
keys h
wait_for "What worked across the cases"
check "at 60x20 the bottom line has every hint" last_line_has "Enter open  q, Esc back  ? help"
check "... and the counts stay beside the pattern" wait_for "10 interventions in 3 cases"
start 200x60
wait_for "DEMO-1 Sam"
keys h
check "at 200x60 the patterns and the whole of a long intervention show" \
	wait_for "Fritidsledaren J: kvällsverksamhet, samtal, följer med på möten, håller i tråden"
start 60x20 LANGUAGE=sv MELLAN_LOCALEDIR="$top/build/locale"
wait_for "DEMO-1 Sam"
keys h
check "in Swedish at 60x20: the title" wait_for "Det som fungerade i fallen (13)"
check "... the theme and the counts in Swedish" shows_all "Individ och kamra" "10 insatser i 3 fall"
check "... and the hints" last_line_has "Enter visa  q, Esc åter  ? hjälp"
start 200x60 LANGUAGE=sv MELLAN_LOCALEDIR="$top/build/locale"
wait_for "DEMO-1 Sam"
keys h
wait_for "Det som fungerade i fallen (13)"
check "in Swedish at 200x60: the heading and a whole pattern line" \
	shows_all "Mönster i det som fungerade" "Individ och kamrater" \
	"10 insatser i 3 fall · 6 hjälpte mycket"

done_testing 23
