#!/bin/sh
# i18n.sh - the Swedish interface as a facilitator in Skåne meets it: --help, `list`, `report`
# and errors in Swedish, with LANGUAGE=sv or with LANG=sv_SE.UTF-8 even where that locale is not
# installed; the TUI in Swedish in a private tmux server, the key hints of its cases screen, a
# form, the catalogue, the gaps and a journey uncut at 60 columns; and po/sv.po complete: every
# message of the code translated, none fuzzy, and option, key and variable names kept. Speaks
# TAP. Needs the .mo files make builds into build/locale, gettext's tools and tmux.
. "$(dirname "$0")/lib/tap.sh"
. "$(dirname "$0")/lib/tmux.sh"
locale_dir=$top/build/locale
db=$tmp/demo.db
diag() { sed 's/^/# /'; }

# Runs mellan in a clean environment with the given locale variables; stdout, stderr and status
# land in $tmp/out, err, rc.
run() { # VAR=value... -- args...
	vars=
	while [ "$1" != -- ]; do
		vars="$vars $1"
		shift
	done
	shift
	# shellcheck disable=SC2086
	env -i HOME="$tmp/home" PATH="$PATH" MELLAN_LOCALEDIR="$locale_dir" $vars "$bin" "$@" \
		>"$tmp/out" 2>"$tmp/err"
	echo $? >"$tmp/rc"
}

check "make built the Swedish messages into build/locale" \
	test -s "$locale_dir/sv/LC_MESSAGES/mellan.mo"

# --- the command line ---------------------------------------------------------------------
sv="LC_ALL=C.UTF-8 LANGUAGE=sv"
run $sv -- --help
check "LANGUAGE=sv: --help is in Swedish" sh -c "[ $(rc) -eq 0 ] && grep -q '^Användning:' '$tmp/out'"
check "... and keeps the command and option names" \
	sh -c "grep -qF 'mellan init [--demo] FIL' '$tmp/out' && grep -qF 'mellan list [--db FIL]' \
	'$tmp/out' && grep -qF 'mellan --help | --version' '$tmp/out'"
check "... and no English line is left" sh -c "! grep -Eq 'Usage|create a database|Exit status' '$tmp/out'"

# A Swedish laptop sets LANG; a fresh Debian has no sv_SE.UTF-8, and Swedish must still show.
run LANG=sv_SE.UTF-8 -- --help
check "LANG=sv_SE.UTF-8 gets Swedish, whether or not that locale is installed" out_has "Användning:"
run LC_MESSAGES=sv_SE.UTF-8 LANG=C.UTF-8 -- --help
check "LC_MESSAGES=sv_SE.UTF-8 alone gets Swedish" out_has "Användning:"
run LANGUAGE=sv -- --help
check "LANGUAGE=sv alone, with no locale set at all, gets Swedish" out_has "Användning:"
run LANG=sv_SE.UTF-8 LANGUAGE=en -- --help
check "LANGUAGE=en still wins over a Swedish LANG" out_has "Usage:"
run LC_ALL=C LANGUAGE=sv -- --help
check "LC_ALL=C keeps the English that scripts read, whatever LANGUAGE says" out_has "Usage:"

run $sv -- init --demo "$db"
check "init --demo in Swedish (status 0)" sh -c "[ $(rc) -eq 0 ]"
run $sv -- list --db "$db"
check "list: Swedish column headers" \
	sh -c "[ $(rc) -eq 0 ] && head -n 1 '$tmp/out' | grep -Eq '^FALL +STATUS +FÖDD +STEG +INSATSER +ÖVERLÄMNINGAR +GLAPP$'"
check "list: Swedish case statuses" sh -c "grep -q granskad '$tmp/out' && grep -q utkast '$tmp/out'"
# The same cases and counts as in English, in columns that still line up under the headers.
counts() { tail -n +2 "$1" | awk '{print $1, $(NF-3), $(NF-2), $(NF-1), $NF}'; }
counts "$tmp/out" >"$tmp/counts.sv"
counts "$top/tests/data/list_demo.expected" >"$tmp/counts.en"
check "list: the same cases and counts as the English list" cmp -s "$tmp/counts.sv" "$tmp/counts.en"
# Every row starts its GAPS count where the header starts GLAPP, counted in characters: the
# column widths follow the Swedish headers and statuses, by display width, not by bytes.
chars() { printf '%s' "$1" | LC_ALL=C.UTF-8 wc -m; }
gaps_col=$(chars "$(head -n 1 "$tmp/out" | sed 's/GLAPP$//')")
aligned=yes
while IFS= read -r line; do
	[ "$(chars "$(printf '%s' "$line" | sed 's/[0-9]*$//')")" -eq "$gaps_col" ] || aligned=no
done <<EOF_ROWS
$(tail -n +2 "$tmp/out")
EOF_ROWS
check "list: the Swedish columns line up under their headers" [ "$aligned" = yes ]

run $sv -- report --db "$db"
check "report: in Swedish, its headings in capitals, å ä ö too" \
	sh -c "[ $(rc) -eq 0 ] && grep -qx 'ÅTERKOMMANDE MÖNSTER' '$tmp/out' && grep -qx 'GLAPP PER AKTÖR' '$tmp/out'"
# Every table's head is as wide as the rule under it, counted in characters: the Swedish heads
# (Röster) are padded by display width, not by bytes.
prev=
heads=0
wide=yes
while IFS= read -r line; do
	case $line in
	"  ----------"*)
		heads=$((heads + 1))
		[ "$(chars "$prev")" -eq "$(chars "$line")" ] || { wide=no && echo "# $prev"; }
		;;
	esac
	prev=$line
done <"$tmp/out"
check "report: the $heads table heads line up with their columns" test "$heads" -gt 3 -a "$wide" = yes

run $sv -- list --db "$tmp/missing.db"
check "an error is one Swedish line" \
	sh -c "[ $(rc) -eq 3 ] && [ \$(wc -l <'$tmp/err') -eq 1 ] && grep -q '^mellan: .*finns inte' '$tmp/err'"
run $sv -- list --bogus
check "a usage error is Swedish and names the option as typed" \
	sh -c "[ $(rc) -eq 2 ] && grep -qF \"okänd flagga '--bogus'\" '$tmp/err'"

# --- the TUI ------------------------------------------------------------------------------
line_has() { # LINE TEXT... (line 1 is the top, $ the bottom)
	l=$1
	shift
	for t in "$@"; do screen | sed -n "${l}p" | grep -qF -- "$t" || return 1; done
}
screen_has() { screen | grep -qF -- "$1"; }

start 80x24 LANGUAGE=sv MELLAN_LOCALEDIR="$locale_dir"
wait_for "DEMO-1"
check "TUI: the title counts the cases in Swedish" line_has 1 "3 fall"
check "TUI: the cases screen's column headers are Swedish" \
	line_has 2 Fall Status Född Steg Insatser Glapp
check "TUI: the statuses are Swedish" screen_has granskad
keys '?'
check "TUI: the help of the cases screen is Swedish" wait_for "Tangenter i listan över fall"
check "... and describes the keys in Swedish" last_line_has "annan tangent: tillbaka"
keys q
wait_for "Glapp"
keys q
check "TUI: q still quits, status 0" wait_for "EXITED:0"

# visit KEY SHOWN BACK: from the cases screen, KEY opens what shows SHOWN; its bottom line is
# added to $out, and BACK returns to the cases (whose hints alone offer "g glapp").
visit() {
	keys "$1"
	wait_for "$2" && screen | tail -n 1 >>"$out"
	keys "$3"
	wait_for "g glapp"
}
# bottoms NAME COLSxROWS: the key hints of the cases screen, a form, the catalogue, the gaps
# screen and a journey, one a line, into $tmp/bottom.NAME.
bottoms() {
	start "$2" LANGUAGE=sv MELLAN_LOCALEDIR="$locale_dir"
	out=$tmp/bottom.$1
	wait_for "g glapp" && screen | tail -n 1 >"$out"
	visit a "Esc avbryt" Escape
	visit c "Aktörer och glappkategorier" q
	visit g "Återkommande glapp i fallen" q
	visit Enter "— steg 1 av " q
	keys q
	wait_for "EXITED:0"
}
bottoms wide 160x30
bottoms projector 60x20
hint_line() { sed -n "${1}p" "$tmp/bottom.projector"; }
has_all() { # TEXT, then what it must contain
	t=$1
	shift
	for w in "$@"; do case "$t" in *"$w"*) ;; *) return 1 ;; esac; done
}
check "TUI: the cases screen's key hints are Swedish, key names kept" \
	has_all "$(hint_line 1)" "Up Down, k j gå" "Enter visa" "q stäng" "? hjälp"
check "TUI: a form's key hints are Swedish" has_all "$(hint_line 2)" "Tab nästa" "Esc avbryt"
check "TUI: the catalogue's key hints are Swedish" has_all "$(hint_line 3)" "q, Esc åter"
check "TUI: the gaps screen's key hints are Swedish" has_all "$(hint_line 4)" "s ordna" "? hjälp"
check "TUI: the journey's key hints are Swedish" has_all "$(hint_line 5)" "v banor" "? hjälp"
check "... and where there is room, q too" has_all "$(sed -n 5p "$tmp/bottom.wide")" "q, Esc åter"
# At 60 columns a line leaves out whole hints, never cuts one, and keeps the last (the help).
whole_hints() { # NARROW WIDE
	[ "$(printf '%s' "$1" | LC_ALL=C.UTF-8 wc -m)" -le 60 ] || return 1
	[ "${1##*  }" = "${2##*  }" ] || return 1
	rest=$1
	while [ -n "$rest" ]; do
		hint=${rest%%  *}
		case "  $2  " in *"  $hint  "*) ;; *) return 1 ;; esac
		case $rest in *"  "*) rest=${rest#*  } ;; *) rest= ;; esac
	done
}
fits=yes
i=1
while [ "$i" -le 5 ]; do
	whole_hints "$(sed -n "${i}p" "$tmp/bottom.projector" | sed 's/ *$//')" \
		"$(sed -n "${i}p" "$tmp/bottom.wide" | sed 's/ *$//')" || fits=no
	i=$((i + 1))
done
if [ "$(wc -l <"$tmp/bottom.wide")" -eq 5 ] && [ "$fits" = yes ]; then
	ok "TUI 60x20: every screen's Swedish key hints fit, whole"
else
	not_ok "TUI 60x20: every screen's Swedish key hints fit, whole"
	echo "# at 160 columns, then at 60:"
	diag <"$tmp/bottom.wide"
	diag <"$tmp/bottom.projector"
fi
cur=

# --- the translation is complete ----------------------------------------------------------
# A fresh template from the code as it is now, so a string added without a translation fails
# here and not in front of a Swedish room.
if env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -s -C "$top" pot POT="$tmp/mellan.pot" \
	>"$tmp/pot.log" 2>&1; then
	ok "make pot makes a template of every message"
else
	not_ok "make pot makes a template of every message"
	diag <"$tmp/pot.log"
fi
msgmerge --quiet --previous -o "$tmp/merged.po" "$top/po/sv.po" "$tmp/mellan.pot" 2>"$tmp/merge.log"
msgattrib --untranslated --no-obsolete --no-wrap "$tmp/merged.po" >"$tmp/untranslated.po" 2>/dev/null
msgattrib --only-fuzzy --no-obsolete --no-wrap "$tmp/merged.po" >"$tmp/fuzzy.po" 2>/dev/null
# The messages of a po file, one a line, with the places in the code that use them.
messages() {
	awk '/^#: /{ref = substr($0, 4)}
	/^msgctxt /{ctx = $0 " "}
	/^msgid /{m = $0; if (m == "msgid \"\"") {getline nxt; if (nxt !~ /^"/) next; m = m " " nxt}
		print "  " ctx m "   (" ref ")"; ctx = ""}' "$1"
}
# complete DESCRIPTION FILE WHAT-TO-DO: ok when FILE, the messages msgattrib picked, is empty.
complete() {
	if [ -s "$tmp/merged.po" ] && [ ! -s "$2" ]; then
		ok "$1"
	else
		not_ok "$1"
		echo "# $3:"
		messages "$2" | diag
		diag <"$tmp/merge.log"
	fi
}
complete "every message of the code has a Swedish translation in po/sv.po" \
	"$tmp/untranslated.po" "untranslated; run 'make update-po' and translate them in po/sv.po"
complete "no Swedish translation is fuzzy (a guess left for checking)" "$tmp/fuzzy.po" \
	"fuzzy; check the translation in po/sv.po and remove the fuzzy mark"
check "msgfmt --check accepts po/sv.po (format directives kept)" \
	msgfmt --check -o /dev/null "$top/po/sv.po"

# Options, key names, environment variables and the manual page are typed or looked up as
# written: the translation must carry every one the English names.
cat >"$tmp/names.sh" <<'NAMES'
[ -n "$MSGEXEC_MSGID" ] || exit 0
str=$(cat)
printf '%s\n' "$MSGEXEC_MSGID" |
	grep -oE -- '--[a-z][a-z-]*|Ctrl-[A-Z]|\<(Esc|Enter|PgUp|PgDn)\>|\$[A-Z_]+|mellan\([0-9]\)' |
	while IFS= read -r name; do
		case "$str" in *"$name"*) ;; *) printf '#   %s lacks %s: %s\n' \
			"$(printf '%s' "$MSGEXEC_MSGID" | head -n 1)" "$name" "$(printf '%s' "$str" | head -n 1)" ;; esac
	done
NAMES
# Only the messages that may name one are run through it: a shell for every message takes long.
msggrep -K -E -e '--[a-z]|Ctrl-[A-Z]|Esc|Enter|PgUp|PgDn|\$[A-Z_]|mellan\([0-9]\)' \
	-o "$tmp/named.po" "$top/po/sv.po" >"$tmp/names.out" 2>&1 &&
	msgexec -i "$tmp/named.po" sh "$tmp/names.sh" >>"$tmp/names.out" 2>&1
if [ ! -s "$tmp/names.out" ]; then
	ok "the translations keep every option, key and variable name"
else
	not_ok "the translations keep every option, key and variable name"
	cat "$tmp/names.out"
fi

done_testing 36
