# tmux.sh - what the end-to-end scripts of the screens share, sourced after tap.sh: a private
# tmux server, windows that each run one mellan in a clean environment, and waits that poll
# for a state (what the screen shows, what a file holds) instead of sleeping a fixed time.
#
#   start COLSxROWS [VAR=value...] [-- ARGS...]   a new window running mellan ARGS (default:
#                      --db "$db"), TERM=tmux-256color, HOME=$tmp/home, C.UTF-8, and the
#                      VAR=value given (no blanks in them); it becomes $cur. When mellan ends
#                      the window stays and shows "EXITED:status" and the terminal's modes.
#   T ARGS...          tmux on this script's own server (T resize-window -t "$cur" ...)
#   keys KEY...        tmux send-keys to $cur
#   screen [-e]        what $cur shows now (-e: with its colours and attributes)
#   shows GREP-ARGS    screen | grep -q GREP-ARGS
#   wait_for TEXT [SECONDS]      until the screen shows TEXT (fixed string), default 30 s
#   wait_for_re REGEX [SECONDS]  the same with an extended regular expression
#   eventually COMMAND...        until COMMAND succeeds, at most 30 s
#                      A wait that ends in vain outside a check is a failure of its own (not
#                      ok "waited in vain for ..."): a script never goes on unnoticed from a
#                      state it did not reach.
#   press KEY...       keys, then until the screen changes (a loop never presses ahead)
#   settle             until mellan has read every key sent so far: before checking that a key
#                      did nothing
#   restored           mellan has ended, the terminal back in its normal modes
#   pid_of_cur         the process id of mellan in $cur
#   sql SQL            the sqlite3 shell on $db
#
# Tests run in parallel under load with the sanitizers: a wait is generous, and costs only
# what it waits for.
need tmux sqlite3
T() { tmux -S "$tmp/tmux" -f /dev/null "$@"; }
cleanup() {
	T kill-server >/dev/null 2>&1
	rm -rf "$tmp"
}
cur=
on_fail() {
	[ -n "$cur" ] || return 0
	echo "# screen of $cur:"
	T capture-pane -p -t "$cur" 2>/dev/null | sed 's/^/#   /'
}
sql() { sqlite3 "$db" "$1"; }

# poll SECONDS COMMAND...: COMMAND until it succeeds, at first every 10 ms, then every 0.2 s.
poll() {
	_limit=$(($1 * 1000))
	shift
	_waited=0
	_step=10
	while ! "$@"; do
		[ "$_waited" -lt "$_limit" ] || return 1
		sleep "$(printf '0.%03d' "$_step")"
		_waited=$((_waited + _step))
		_step=$((_step * 2 > 200 ? 200 : _step * 2))
	done
}
# in_vain WHAT: a wait has ended without its state; unless a check decides, that fails.
in_vain() {
	[ "$_checking" = 1 ] || not_ok "waited in vain for $1"
	return 1
}
eventually() { poll 30 "$@" || in_vain "$*"; }

# The window runs mellan, then shows how it ended and whether the terminal is back in its
# normal modes, then stays so the screen can be read. Ctrl-C is for mellan: the shell only
# waits to report. tmux-256color, so the keys tmux sends are the ones the description names.
cat >"$tmp/pane.sh" <<'PANE'
pidfile=$1 home=$2 envs=$3
shift 3
trap : INT
# shellcheck disable=SC2086
sh -c 'echo $$ >"$0"; shift; exec "$@"' "$pidfile" x env -i HOME="$home" LC_ALL=C.UTF-8 \
	TERM=tmux-256color PATH="$PATH" $envs "$@"
status=$?
modes=$(stty -a | tr ' ;' '\n\n' | grep -e '^icanon$' -e '^echo$' | tr '\n' ' ')
# In one write, so a screen that shows EXITED shows the modes too.
printf 'EXITED:%s\nTTY:%s\n' "$status" "$modes"
exec sleep 3600
PANE

start() { # COLSxROWS [VAR=value...] [-- ARGS...]
	_cols=${1%x*}
	_rows=${1#*x}
	shift
	_envs=
	while [ $# -gt 0 ] && [ "$1" != -- ]; do
		_envs="$_envs $1"
		shift
	done
	if [ $# -gt 0 ]; then shift; else set -- --db "$db"; fi
	# Windows are named by id: tmux renames them after the command they run. The first
	# window starts the server, which lives until the script ends. A new window takes the
	# session's default size, set first: mellan starts at its size and is never resized while
	# it starts (a resize in that moment can be lost, and mellan would draw for the old size).
	# resize-window pins each window's size, so the next default size leaves it alone.
	if T has-session 2>/dev/null; then
		T set-option -t main default-size "${_cols}x${_rows}"
		cur=$(T new-window -d -P -F '#{window_id}' sh "$tmp/pane.sh" "$tmp/pid" "$tmp/home" \
			"$_envs" "$bin" "$@")
	else
		cur=$(T new-session -d -P -F '#{window_id}' -s main -x "$_cols" -y "$_rows" \
			sh "$tmp/pane.sh" "$tmp/pid" "$tmp/home" "$_envs" "$bin" "$@")
	fi
	T resize-window -t "$cur" -x "$_cols" -y "$_rows" >/dev/null 2>&1
	eventually test -s "$tmp/pid"
	mv "$tmp/pid" "$tmp/pid.$cur"
}
pid_of_cur() { cat "$tmp/pid.$cur"; }
screen() { T capture-pane -p -t "$cur" "$@"; }
keys() { T send-keys -t "$cur" "$@"; }
shows() { screen | grep -q "$@"; }
wait_for() { poll "${2:-30}" shows -F -- "$1" || in_vain "the screen to show '$1'"; }
wait_for_re() { poll "${2:-30}" shows -E -- "$1" || in_vain "the screen to show /$1/"; }
changed() { [ "$(screen)" != "$_before" ]; }
press() {
	_before=$(screen)
	keys "$@"
	poll 10 changed
}
# Ctrl-L makes mellan clear and repaint the whole screen once it has read it, after every key
# before it; the clear is seen in what the window is sent: ncurses homes the cursor and clears
# the screen, or, on a coloured background (tmux-256color has no bce), writes a blank line.
cleared() {
	LC_ALL=C grep -qE "$_esc\[H($_esc\[2?J| {$_width}$_esc\[2;1H)" "$tmp/settle"
}
_esc=$(printf '\033')
settle() {
	_width=$(T display-message -p -t "$cur" '#{pane_width}')
	: >"$tmp/settle"
	T pipe-pane -t "$cur" "cat >'$tmp/settle'"
	keys C-l
	poll 30 cleared
	_r=$?
	T pipe-pane -t "$cur"
	[ "$_r" -eq 0 ] || in_vain "mellan to read the keys sent (Ctrl-L)"
}
last_line_has() { screen | tail -n 1 | grep -qF -- "$1"; }
first_line_has() { screen | head -n 1 | grep -qF -- "$1"; }
shows_all() { for t in "$@"; do screen | grep -qF -- "$t" || return 1; done; }
shows_none() { for t in "$@"; do screen | grep -qF -- "$t" && return 1; done; return 0; }
restored() { wait_for "EXITED:" && shows '^TTY:.*icanon' && shows '^TTY:.*echo'; }
