#!/bin/sh
# lanes.sh - the lanes view of the Sam demo as the room sees it, in a private tmux server, at
# 80x24, 60x20 and 200x60: a lane for every actor involved, every kind of intervention with its
# own mark in a lane of an actor who had one, the broken hand-overs, the gap lane with a marker
# for each step a gap starts at, the age rules, the silences; the selected step shared with the
# journey; true scale making the eight-month queue about eight months of columns; zooming.
# Speaks TAP; polls instead of sleeping.
. "$(dirname "$0")/lib/tap.sh"
. "$(dirname "$0")/lib/tmux.sh"
db=$tmp/demo.db
mellan init --demo "$db" >/dev/null 2>&1
check "init --demo makes the database" test -s "$db"

code="DEMO-1 Sam"
cid=$(sql "SELECT id FROM kase WHERE code = '$code'")
total=$(sql "SELECT count(*) FROM step WHERE case_id = $cid")
involved="SELECT actor_id FROM intervention WHERE case_id = $cid
	UNION SELECT from_actor FROM handover WHERE case_id = $cid
	UNION SELECT to_actor FROM handover WHERE case_id = $cid
	UNION SELECT actor_id FROM gap_actor JOIN gap ON gap.id = gap_id WHERE case_id = $cid"
labels=$(sql "SELECT id FROM actor WHERE id IN ($involved)")
n_lanes=$(echo "$labels" | wc -l)
# The screen line of an actor's lane (by its id): its name at the left edge, or its short label
# where the name does not fit; before it a blank or a mark of lanes out of view.
lane() {
	screen | sed 's/^\(⇡\|⇣\| \)//' | awk -v a="$(sql "SELECT name FROM actor WHERE id = $1") " \
		-v b="$(sql "SELECT short_label FROM actor WHERE id = $1") " \
		'index($0, a) == 1 || index($0, b) == 1 { print; exit }'
}
# The actors that have an intervention of a kind.
with_kind() {
	sql "SELECT DISTINCT actor_id FROM intervention WHERE case_id = $cid AND kind = '$1'"
}
mark_of() { case $1 in made) echo "█" ;; possible) echo "╌" ;; declined) echo "▒" ;;
	refused) echo "✕" ;; waiting) echo "░" ;; esac; }
# Every kind's mark in the lane of at least one actor with that kind.
kinds_shown() {
	for k in made possible declined refused waiting; do
		m=$(mark_of $k)
		found=no
		for l in $(with_kind $k); do
			lane "$l" | grep -qF "$m" && found=yes
		done
		[ $found = yes ] || { echo "# no $k mark $m on screen"; return 1; }
	done
}
lanes_shown() { # how many of the involved actors' lanes are on the screen now
	c=0
	for l in $labels; do [ -n "$(lane "$l")" ] && c=$((c + 1)); done
	echo $c
}
ages_row() { screen | sed -n 3p; }
gaps_row() { screen | grep -E '^ Gaps ' | head -n 1; }
broken_to=$(sql "SELECT to_actor FROM handover WHERE case_id = $cid AND received IS NULL")
gap_steps=$(sql "SELECT count(DISTINCT step_id) FROM gap WHERE case_id = $cid")

open_lanes() { # SIZE: the demo's first case, its lanes
	start "$1"
	wait_for "$code"
	keys Enter
	wait_for "step 1 of $total"
	keys v
	wait_for "Gaps"
}

# --- 80x24 ------------------------------------------------------------------------------------
open_lanes 80x24
check "80x24: v opens the lanes with a lane for each of the $n_lanes actors involved" \
	[ "$(lanes_shown)" -eq "$n_lanes" ]
check "80x24: every kind of intervention has its mark in a lane of an actor with it" kinds_shown
check "80x24: the never-received hand-over is marked ✗ in its receiver's lane" \
	sh -c "echo \"\$1\" | grep -qF '✗'" x "$(lane "$broken_to")"
check "80x24: the age 18 is over its rule" sh -c "echo \"\$1\" | grep -qE '(^| )18( |$)'" x \
	"$(ages_row)"
check "80x24: age rules run down the lanes" sh -c "[ \$(echo \"\$1\" | grep -c '│') -ge 5 ]" x \
	"$(screen)"
check "80x24: silence is shaded" sh -c "echo \"\$1\" | grep -qF '·'" x "$(screen)"
g=$(gaps_row | grep -o '▲' | wc -l)
check "80x24: the gap lane marks the $gap_steps steps gaps start at ($g)" [ "$g" -eq "$gap_steps" ]
check "80x24: the legend names the marks" wait_for "░ waiting"
keys Right Right Right
check "Right moves the selection in the lanes" wait_for "step 4 of $total"
check "the selected step is shown under the lanes" wait_for "4/$total"
keys v
check "v goes back to the journey on the same step" wait_for "mellan — $code — step 4 of $total"
keys j v
check "a step chosen in the journey is the one selected in the lanes" wait_for "5/$total"
axis=$(screen | sed -n 2p)
keys +
axis_changed() { [ "$(screen | sed -n 2p)" != "$axis" ]; }
check "+ zooms in: the axis changes" eventually axis_changed
check "and the legend says how many columns a step has" wait_for "columns a step"
keys t
check "t shows time to true scale, with years on the axis" wait_for "days a column"
# Closer, on the referral to BUP (step 8), so the queue is in view at a month a column.
keys Right Right Right + +
wait_for "8/$total"
wait_for "30 days a column"
unit=$(screen | grep -o '[0-9]* days a column' | head -n 1 | cut -d' ' -f1)
bup=$(sql "SELECT actor_id FROM intervention WHERE case_id = $cid AND kind = 'waiting' AND
	start_time LIKE '2016%'")
cols=$(lane "$bup" | grep -o '░' | wc -l)
# The hand-over's mark and the next bar may sit on the queue's first and last column.
lo=$((270 / unit - 2))
hi=$((280 / unit + 2))
check "to scale, the eight-month queue is $cols columns of $unit days (about 275 days)" \
	[ "$cols" -ge "$lo" -a "$cols" -le "$hi" ]
check "years on the axis" sh -c "echo \"\$1\" | grep -qE \"(20|')1[0-9]\"" x "$(screen | sed -n 2p)"
keys p
check "p presents from the lanes, on the selected step" wait_for "step 8 of $total"
keys q
check "and q comes back to the lanes" wait_for "8/$total"

# --- the gaps the program proposes ------------------------------------------------------------
gaps_before=$(sql "SELECT count(*) FROM gap WHERE case_id = $cid")
keys o
check "o shows the first gap the program proposes, and what to do with it" \
	wait_for "y: a gap, x: dismiss"
n_prop=$(screen | sed -n 's/.*proposed 1 of \([0-9]*\) .*/\1/p' | head -n 1)
check "proposals are marked △ in the gap lane" sh -c "echo \"\$1\" | grep -qF '△'" x \
	"$(gaps_row)"
keys x
check "x dismisses it" wait_for "dismissed"
check "and the file remembers that" [ "$(sql "SELECT count(*) FROM dismissal WHERE case_id = $cid")" = 1 ]
keys o
check "it is not proposed again" wait_for "proposed 1 of $((n_prop - 1)) "
keys y
check "y confirms the next" wait_for "confirmed"
check "which is a gap of the journey now" \
	[ "$(sql "SELECT count(*) FROM gap WHERE case_id = $cid")" -eq $((gaps_before + 1)) ]
keys u
check "u undoes the confirmation" wait_for "undid"
check "and the gap is gone again" \
	[ "$(sql "SELECT count(*) FROM gap WHERE case_id = $cid")" -eq "$gaps_before" ]
keys q
journey_back() { screen | grep -q "mellan — $code — step" && ! screen | grep -q '^ Gaps '; }
check "q leaves the lanes for the journey" eventually journey_back
keys q q

# --- 60x20 ------------------------------------------------------------------------------------
open_lanes 60x20
first=$(lanes_shown)
check "60x20: as many lanes as fit ($first), with a mark that there are more" \
	[ "$first" -ge 8 -a "$first" -lt "$n_lanes" ]
keys j j j j j j j j j j
shows_the_rest() { [ $((first + $(lanes_shown))) -ge "$n_lanes" ]; }
check "60x20: scrolling down shows the rest" eventually shows_the_rest
check "60x20: the age 18 is over its rule" sh -c "echo \"\$1\" | grep -qE '(^| )18( |$)'" x \
	"$(ages_row)"
g=$(gaps_row | grep -o '▲' | wc -l)
check "60x20: the gap lane is there, with gap markers" [ "$g" -ge 3 ]
check "60x20: the hint line fits and names the keys" wait_for "zoom"
keys q q q

# --- 200x60 -----------------------------------------------------------------------------------
open_lanes 200x60
check "200x60: every lane and the sector headings" sh -c "[ $n_lanes -eq \"\$1\" ] && \
	echo \"\$2\" | grep -q '^ Municipality' && echo \"\$2\" | grep -q '^ Region'" x \
	"$(lanes_shown)" "$(screen)"
check "200x60: every kind of intervention has its mark" kinds_shown
g=$(gaps_row | grep -o '▲' | wc -l)
check "200x60: a gap marker for each of the $gap_steps steps ($g)" [ "$g" -eq "$gap_steps" ]
check "200x60: every step is numbered on the axis" sh -c "echo \"\$1\" | grep -q ' $total\$'" x \
	"$(screen | sed -n 2p | sed 's/ *$//')"
bars_before=$(screen -e | sed -n '3,30p')
keys c
check "c colours the bars by theme, and the legend says which colour is which" \
	wait_for "by theme: █ Neighbourhood █ Family and parents █ School █ Individual and peers"
check "... the bars in other colours than their actors'" \
	sh -c "[ \"\$1\" != \"\$2\" ]" x "$bars_before" "$(screen -e | sed -n '3,30p')"
keys c
check "c again: the actors' colours, and the marks' legend" wait_for "hand-over broke"
keys q q q
check "q from the cases ends mellan" wait_for "EXITED:0"

done_testing 43
