#!/bin/sh
# paste.sh - a long journal pasted into a form: mellan in tmux takes a 1 MiB bracketed paste of
# Swedish text into a field, beside the floor of cat receiving the same paste in the same pane
# size. Usage: tests/bench/paste.sh MELLAN_BINARY
set -eu
bin=${1:?usage: tests/bench/paste.sh MELLAN_BINARY}
case "$bin" in /*) ;; *) bin=$(pwd)/$bin ;; esac
if ! command -v tmux >/dev/null 2>&1; then
	echo "paste: skipped, tmux is not installed"
	exit 0
fi
tmp=$(mktemp -d)
sock=mellan-bench$$
T() { tmux -L "$sock" -f /dev/null "$@"; }
trap 'T kill-server >/dev/null 2>&1; rm -rf "$tmp"' EXIT INT TERM
now_ms() { date +%s%3N; }

mkdir -p "$tmp/home/.config/mellan"
echo AB >"$tmp/home/.config/mellan/initials"
env -i HOME="$tmp/home" LC_ALL=C.UTF-8 "$bin" init "$tmp/p.db" >/dev/null
awk 'BEGIN { l = "Malmö på väg, åäö ÅÄÖ, text att klistra in. "; s = "";
	while (length(s) < 1048576) s = s l; printf "%sSLUTMARK", s }' >"$tmp/paste.txt"
bytes=$(stat -c %s "$tmp/paste.txt")

# until COMMAND succeeds, polling; gives up after 60 s.
until_ok() {
	tries=1200
	while [ "$tries" -gt 0 ] && ! "$@"; do
		sleep 0.05
		tries=$((tries - 1))
	done
}
shown() { T capture-pane -p -t mellan | grep -q SLUTMARK; }
received() { grep -q SLUTMARK "$tmp/out.txt" 2>/dev/null; }

# The paste waits until the terminal is raw, which the window says by a file.
T new-session -d -s floor -x 100 -y 30 "stty raw -echo; : >'$tmp/raw'; cat >'$tmp/out.txt'"
until_ok test -e "$tmp/raw"
T load-buffer "$tmp/paste.txt"
t0=$(now_ms)
T paste-buffer -p -t floor
until_ok received
floor_ms=$(($(now_ms) - t0))

T new-session -d -s mellan -x 100 -y 30 env -i HOME="$tmp/home" LC_ALL=C.UTF-8 \
	TERM=tmux-256color "$bin" --db "$tmp/p.db"
until_ok sh -c "tmux -L $sock -f /dev/null capture-pane -p -t mellan | grep -q 'No cases'"
T send-keys -t mellan a
until_ok sh -c "tmux -L $sock -f /dev/null capture-pane -p -t mellan | grep -q 'A new case'"
T load-buffer "$tmp/paste.txt"
t0=$(now_ms)
T paste-buffer -p -t mellan
until_ok shown
paste_ms=$(($(now_ms) - t0))
echo "paste of $((bytes / 1024)) KiB into a form field, shown: $paste_ms ms; floor, cat receiving it: $floor_ms ms"
