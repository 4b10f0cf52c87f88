# tmux.sh - what the end-to-end tests of the screens share, sourced (not run) by them: TAP
# output, a private tmux server, windows that run one mellan command in a clean environment
# and stay after it ends ("EXITED:status"), and polling the screen instead of sleeping.
# The sourcing script sets bin (the mellan binary) first; this sets tmp, db and sql.
tmp=$(mktemp -d)
sock=mellan-e2e$$
T() { tmux -L "$sock" -f /dev/null "$@"; }
trap 'T kill-server >/dev/null 2>&1; rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM HUP
n=0
cur=
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() {
	n=$((n + 1))
	echo "not ok $n - $1"
	echo "# screen of $cur:"
	T capture-pane -p -t "$cur" 2>/dev/null | sed 's/^/#   /'
}
check() { # description, then a command that must succeed
	d=$1
	shift
	if "$@"; then ok "$d"; else not_ok "$d"; fi
}
for tool in tmux sqlite3; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		echo "1..0 # SKIP $tool is not installed"
		exit 0
	fi
done

mkdir -p "$tmp/home"
db=$tmp/demo.db
run() { env -i HOME="$tmp/home" LC_ALL=C.UTF-8 PATH="$PATH" "$bin" "$@"; }
sql() { sqlite3 "$db" "$1"; }
run init --demo "$db" >/dev/null 2>&1

# tmux-256color, so the keys tmux sends are the ones the terminal description names.
cat >"$tmp/pane.sh" <<'PANE'
bin=$1 home=$2 envs=$3
shift 3
env -i HOME="$home" LC_ALL=C.UTF-8 TERM=tmux-256color PATH="$PATH" $envs "$bin" "$@"
echo "EXITED:$?"
exec sleep 600
PANE
# start COLSxROWS "VAR=value ..." ARGS...: a new window running mellan ARGS; it becomes $cur.
start() {
	cols=${1%x*}
	rows=${1#*x}
	envs=$2
	shift 2
	if T has-session 2>/dev/null; then
		cur=$(T new-window -d -P -F '#{window_id}' sh "$tmp/pane.sh" "$bin" "$tmp/home" \
			"$envs" "$@")
	else
		cur=$(T new-session -d -P -F '#{window_id}' -s main -x "$cols" -y "$rows" \
			sh "$tmp/pane.sh" "$bin" "$tmp/home" "$envs" "$@")
	fi
	T resize-window -t "$cur" -x "$cols" -y "$rows" >/dev/null 2>&1
}
screen() { T capture-pane -p -t "$cur"; }
# wait_for TEXT [SECONDS]: until the screen shows TEXT (a fixed string).
wait_for() {
	tries=$((${2:-20} * 10))
	while [ "$tries" -gt 0 ]; do
		screen | grep -qF -- "$1" && return 0
		sleep 0.1
		tries=$((tries - 1))
	done
	return 1
}
# eventually COMMAND...: polls it until it succeeds, for up to 20 s.
eventually() {
	tries=200
	while [ "$tries" -gt 0 ]; do
		"$@" && return 0
		sleep 0.1
		tries=$((tries - 1))
	done
	return 1
}
keys() { T send-keys -t "$cur" "$@"; }
# press KEY...: sends the keys, then waits (up to 10 s) until the screen shows their effect, so
# a loop pressing until something shows never presses ahead of a slow screen.
press() {
	before=$(screen)
	keys "$@"
	tries=100
	while [ "$tries" -gt 0 ] && [ "$(screen)" = "$before" ]; do
		sleep 0.1
		tries=$((tries - 1))
	done
}
shows_none() { for t in "$@"; do screen | grep -qF -- "$t" && return 1; done; return 0; }
