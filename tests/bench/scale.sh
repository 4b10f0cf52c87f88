#!/bin/sh
# scale.sh - does mellan's time grow with the work, or faster? Every command on the alliance
# database at 100, 1,000 and 10,000 cases of 25 steps and on one journey of 10,000 steps, each
# beside its floor measured in the same run: sqlite3 running the query that reads what the
# command reads. Then the TUI in tmux: the time to the first screen beside a bare start (the
# same binary on an empty file), the time per key (median of 200 Down presses, each until the
# screen shows the step it moved to) and the resident memory on a short and the long journey.
# Figures are the minimum of RUNS runs (default 5). The databases are kept in CACHE.
# Usage: tests/bench/scale.sh MELLAN CACHE
set -eu
bin=${1:?usage: scale.sh MELLAN CACHE}
cache=${2:?}
case "$bin" in /*) ;; *) bin=$(pwd)/$bin ;; esac
here=$(cd "$(dirname "$0")" && pwd)
runs=${RUNS:-5}
tmp=$(mktemp -d)
sock=mellan-scale$$
T() { tmux -L "$sock" -f /dev/null "$@"; }
trap 'T kill-server >/dev/null 2>&1; rm -rf "$tmp"' EXIT INT TERM

t0=$(date +%s%3N)
sh "$here/alliance.sh" "$bin" "$cache" 100 1000 10000 j10000
echo "alliance databases ready in $(($(date +%s%3N) - t0)) ms (kept in $cache)"

now_us() { date +%s%6N; }
# The least wall time in ms (one decimal) of RUNS runs of a command, its output discarded.
# A command with findings exits 1, as it should.
min_ms() {
	best=
	for _ in $(seq "$runs"); do
		a=$(now_us)
		"$@" >/dev/null 2>&1 || [ $? -eq 1 ]
		b=$(now_us)
		d=$((b - a))
		if [ -z "$best" ] || [ "$d" -lt "$best" ]; then best=$d; fi
	done
	awk "BEGIN{printf \"%.1f\", $best / 1000}"
}
ratio() { awk "BEGIN{printf \"%.1f\", $1 / ($2 > 0 ? $2 : 0.1)}"; }

# The reads of each command, as sqlite3 does them.
list_sql="SELECT id, uuid, code, coalesce(birth_year, 0), gender, area, summary, status,
	(SELECT count(*) FROM step WHERE case_id = kase.id),
	(SELECT count(*) FROM intervention WHERE case_id = kase.id),
	(SELECT count(*) FROM handover WHERE case_id = kase.id),
	(SELECT count(*) FROM gap WHERE case_id = kase.id), updated FROM kase ORDER BY code;"
report_sql="SELECT * FROM kase; SELECT * FROM step; SELECT * FROM factor;
	SELECT * FROM intervention; SELECT * FROM handover; SELECT * FROM gap;
	SELECT * FROM gap_actor; SELECT * FROM action; SELECT * FROM vote; SELECT * FROM actor;
	SELECT * FROM category; SELECT * FROM threshold;"
check_sql="PRAGMA integrity_check; SELECT count(*) FROM pragma_foreign_key_check;
	SELECT code, gender, area, summary FROM kase; SELECT title, narrative, voice, note FROM step;
	SELECT text FROM factor; SELECT what, outcome FROM intervention; SELECT note FROM handover;
	SELECT what_happened, what_must_change FROM gap; SELECT what FROM action;
	SELECT * FROM name_block;"
export_sql="$report_sql SELECT * FROM workshop; SELECT * FROM workshop_case;
	SELECT * FROM workshop_log;"

printf '%-34s %-14s %10s %10s %7s\n' command database "mellan ms" "floor ms" ratio
line() { # label, file, floor sql, command...
	label=$1 file=$2 sql=$3
	shift 3
	l_ms=$(min_ms env MELLAN_DB="$file" SOURCE_DATE_EPOCH=0 "$bin" "$@")
	l_floor=$(min_ms sqlite3 "$file" "$sql")
	printf '%-34s %-14s %10s %10s %7s\n' "$label" "$(basename "$file" .db)" "$l_ms" \
		"$l_floor" "$(ratio "$l_ms" "$l_floor")"
}
for db in cases-100 cases-1000 cases-10000 journey-10000; do
	dbf="$cache/$db.db"
	line list "$dbf" "$list_sql" list
	for format in text html csv json; do
		line "report --format $format" "$dbf" "$report_sql" report --allow-findings \
			--format "$format" -o "$tmp/r.$format" --force
	done
	line "report (privacy gate)" "$dbf" "$report_sql" report -o "$tmp/r.txt" --force
	line "report --public" "$dbf" "$report_sql" report --public -o "$tmp/p.txt" --force
	line check "$dbf" "$check_sql" check
	line export "$dbf" "$export_sql" export -o "$tmp/e.json" --force
done

# ---- the TUI ----------------------------------------------------------------------------------
if ! command -v tmux >/dev/null 2>&1; then
	echo "tui: skipped, tmux is not installed"
	exit 0
fi
mkdir -p "$tmp/home/.config/mellan"
echo AB >"$tmp/home/.config/mellan/initials"
env -i HOME="$tmp/home" LC_ALL=C.UTF-8 "$bin" init "$tmp/empty.db" >/dev/null

screen() { T capture-pane -p; }
# Polls until the screen shows TEXT; gives up after 60 s.
until_shown() {
	tries=0
	until screen | grep -qF -- "$1"; do
		tries=$((tries + 1))
		[ "$tries" -lt 20000 ] || { echo "tui: gave up waiting for '$1'" >&2; exit 4; }
	done
}
tui_start() { # file: starts the TUI on it
	T new-session -d -x 120 -y 40 env -i HOME="$tmp/home" LC_ALL=C.UTF-8 \
		TERM=xterm-256color "$bin" --db "$1"
}
tui_stop() {
	T kill-server >/dev/null 2>&1 || true
	while T has-session 2>/dev/null; do sleep 0.05; done
}
# The least time in ms from start to TEXT on the screen, of RUNS starts.
first_screen_ms() { # file, text
	best=
	for _ in $(seq "$runs"); do
		a=$(now_us)
		tui_start "$1"
		until_shown "$2"
		b=$(now_us)
		tui_stop
		d=$((b - a))
		if [ -z "$best" ] || [ "$d" -lt "$best" ]; then best=$d; fi
	done
	awk "BEGIN{printf \"%.1f\", $best / 1000}"
}
bare=$(first_screen_ms "$tmp/empty.db" "No cases")
for db in cases-100 cases-10000; do
	first=$(first_screen_ms "$cache/$db.db" "Fall 00001")
	echo "tui first screen, $db: $first ms; bare start (an empty file): $bare ms; ratio $(ratio "$first" "$bare")"
done

# Opens the first case's journey, presses Down (Up after the last step) 200 times, each timed
# until the title shows the step it moved to; prints the median key in ms and the peak
# resident memory in KiB.
journey_keys() { # file, steps
	tui_start "$1"
	until_shown "Fall 00001"
	T send-keys Enter
	until_shown "step 1 of $2"
	pid=$(T display-message -p '#{pane_pid}')
	i=1 dir=1
	for _ in $(seq 200); do
		if [ $((i + dir)) -gt "$2" ] || [ $((i + dir)) -lt 1 ]; then dir=$((-dir)); fi
		i=$((i + dir))
		a=$(now_us)
		if [ "$dir" -gt 0 ]; then T send-keys Down; else T send-keys Up; fi
		until_shown "step $i of $2"
		b=$(now_us)
		echo $((b - a)) >>"$tmp/keys"
	done
	rss=$(awk '/^VmHWM/ {print $2}' "/proc/$pid/status")
	tui_stop
	key=$(sort -n "$tmp/keys" | sed -n 100p)
	rm -f "$tmp/keys"
	echo "$(awk "BEGIN{printf \"%.1f\", $key / 1000}") $rss"
}
set -- $(journey_keys "$cache/cases-100.db" 25)
short_key=$1 short_rss=$2
set -- $(journey_keys "$cache/journey-10000.db" 10000)
long_key=$1 long_rss=$2
echo "tui key (median of 200 Down), 25-step journey: $short_key ms; 10,000-step journey: $long_key ms; ratio $(ratio "$long_key" "$short_key")"
echo "tui peak resident memory, 25-step journey: $((short_rss / 1024)) MiB ($short_rss KiB); 10,000-step journey: $((long_rss / 1024)) MiB ($long_rss KiB); difference $(((long_rss - short_rss) / 1024)) MiB"
