#!/bin/sh
# screens.sh - the screen audit: every screen and the main forms, drawn from the demo in a
# private tmux server at a projector's 60x20, at 80x24, 100x30 and 200x60, in English and in
# Swedish, and checked mechanically: the hint line keeps whole hints and ends with the help's;
# nothing is cut with "…" on a hint line; going back leaves no trace of the screen left; and
# every screen is as the captures kept in tests/e2e/screens/ say, so a change to what a room
# sees is made on purpose: MELLAN_SCREENS_UPDATE=1 writes them anew, to be read and committed.
# Speaks TAP; polls instead of sleeping.
. "$(dirname "$0")/lib/tap.sh"
. "$(dirname "$0")/lib/tmux.sh"
db=$tmp/demo.db
mellan init --demo "$db" >/dev/null 2>&1
check "init --demo makes the database" test -s "$db"
kept=$top/tests/e2e/screens
# The forms open on their fields, not on the initials asked for the first change.
mkdir -p "$tmp/home/.config/mellan"
echo "AB" >"$tmp/home/.config/mellan/initials"
# The screen as kept: the minute a record was written (the workshop's log) is the run's own.
capture() { screen | sed -E 's/[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}/YYYY-MM-DD hh:mm/g'; }

# The screen, once two captures in a row agree (polled): a modal screen (the help) closes at
# Ctrl-L, so settle cannot tell when it is drawn.
stable() {
	_now=$(screen)
	[ -n "$_now" ] && [ "$_now" = "$_prev" ] && return 0
	_prev=$_now
	return 1
}
# grab NAME: the screen, once mellan has read every key, under a heading in $out.
grab() {
	settle
	capture >"$tmp/now"
	{
		echo "=== $1"
		cat "$tmp/now"
	} >>"$out"
	cp "$tmp/now" "$tmp/screen.$1"
}
# back KEY...: the keys that leave a screen, one at a time (Esc and a key sent at once are Alt
# and that key), each until the screen changes.
back() {
	for _k in "$@"; do press "$_k"; done
}
# same_as NAME: the screen now is the one grabbed as NAME, no leftover of the one left.
same_as() {
	settle
	capture >"$tmp/now"
	cmp -s "$tmp/now" "$tmp/screen.$1" && return 0
	diff "$tmp/screen.$1" "$tmp/now" | sed 's/^/# /' | head -n 12
	return 1
}
# whole_hints NAME HELP: the hint line of the screen grabbed as NAME ends with the help's hint
# (HELP) and no hint on it is cut.
whole_hints() {
	_last=$(tail -n 1 "$tmp/screen.$1" | sed 's/ *$//')
	case $_last in *…*) return 1 ;; esac
	[ -z "$2" ] || [ "${_last%"$2"}" != "$_last" ]
}

audit() { # SIZE LANG
	size=$1
	lang=$2
	out=$tmp/$size.$lang.txt
	: >"$out"
	if [ "$lang" = sv ]; then
		start "$size" LANGUAGE=sv
		help='? hjälp'
		form_help='F1 hjälp'
	else
		start "$size"
		help='? help'
		form_help='F1 help'
	fi
	wait_for "DEMO-1 Sam"
	grab cases
	keys Enter
	wait_for_re "DEMO-1 Sam — (step|steg) 1 (of|av)"
	grab journey
	keys '?'
	_prev=
	eventually stable
	capture >"$tmp/screen.help"
	{
		echo "=== help"
		cat "$tmp/screen.help"
	} >>"$out"
	back x
	check "$size $lang: leaving the help leaves the journey as it was" same_as journey
	keys v
	grab lanes
	keys v
	check "$size $lang: leaving the lanes leaves the journey as it was" same_as journey
	keys p
	grab present
	back q
	check "$size $lang: leaving the presentation leaves the journey as it was, in its colours" \
		same_as journey
	keys a
	grab step_form
	back Escape
	check "$size $lang: an empty form closed leaves the journey as it was" same_as journey
	keys i
	grab intervention_form
	back Escape
	keys f
	grab gap_form
	back Escape
	back q
	check "$size $lang: back from the journey, the cases as they were" same_as cases
	for visit in g:gaps c:catalogue w:workshops N:names; do
		keys "${visit%%:*}"
		grab "${visit#*:}"
		back q
		check "$size $lang: back from the ${visit#*:}, the cases as they were" same_as cases
	done
	keys a
	grab case_form
	back Escape
	keys q
	restored
	hints=yes
	for s in cases journey lanes gaps catalogue workshops names; do
		whole_hints "$s" "$help" || {
			hints=no
			echo "# $s: $(tail -n 1 "$tmp/screen.$s")"
		}
	done
	for s in step_form intervention_form gap_form case_form; do
		whole_hints "$s" "$form_help" || {
			hints=no
			echo "# $s: $(tail -n 1 "$tmp/screen.$s")"
		}
	done
	check "$size $lang: every hint line whole, the help's last" [ "$hints" = yes ]
	if [ "${MELLAN_SCREENS_UPDATE:-}" = 1 ]; then
		mkdir -p "$kept"
		cp "$out" "$kept/$size.$lang.txt"
	fi
	if cmp -s "$out" "$kept/$size.$lang.txt"; then
		ok "$size $lang: every screen as tests/e2e/screens/$size.$lang.txt keeps it"
	else
		cur=
		not_ok "$size $lang: every screen as tests/e2e/screens/$size.$lang.txt keeps it"
		diff "$kept/$size.$lang.txt" "$out" 2>&1 | sed 's/^/# /' | head -n 40
	fi
}

for lang in en sv; do
	for size in 60x20 80x24 100x30 200x60; do
		audit "$size" "$lang"
	done
done

done_testing 89
