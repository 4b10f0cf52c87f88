# tap.sh - what every end-to-end script shares, sourced first: TAP output, a private temporary
# directory, and mellan run in a clean environment. tests/run.sh reads the TAP.
#
#   . "$(dirname "$0")/lib/tap.sh"
#   check "what must hold" COMMAND...   ok when COMMAND succeeds, not ok (with on_fail) when not
#   not COMMAND...                      succeeds when COMMAND fails: check "..." not grep -q x f
#   ok "what" / not_ok "what"           a result decided by the script itself
#   skip "what" "why"                   ok N - what # SKIP why: counted as skipped, not passed
#   need TOOL...                        the whole script skips (1..0 # SKIP) without one of them
#   done_testing [N]                    the plan, last: N is how many checks the script makes,
#                                       so one that stops early or loses a check fails; only a
#                                       script whose checks depend on the machine leaves N out
#   mellan ARGS...                      the binary under test, HOME in $tmp/home, C.UTF-8, and
#                                       the VAR=value words in ENV_EXTRA if set
#   run ARGS...                         mellan ARGS with its output in $tmp/out, its errors in
#                                       $tmp/err and its status in $tmp/rc; then rc, rc_is N,
#                                       out_has TEXT, err_has TEXT, one_line_err tell of them
#
# It sets bin (the binary, from MELLAN_BIN), top (the source tree, from MELLAN_TOP) and tmp (a
# directory of this script's own, removed at exit; $tmp/home exists). A script may redefine
# on_fail, which runs after each not ok, to print what explains the failure as # lines, and
# cleanup, which runs at exit (tmux.sh does both).
set -u
bin=${MELLAN_BIN:?set MELLAN_BIN}
top=${MELLAN_TOP:?set MELLAN_TOP}
tmp=$(mktemp -d)
mkdir -p "$tmp/home"
cleanup() { rm -rf "$tmp"; }
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

n=0
on_fail() { :; }
ok() {
	n=$((n + 1))
	echo "ok $n - $1"
}
not_ok() {
	n=$((n + 1))
	echo "not ok $n - $1"
	on_fail
}
_checking=0
check() { # description, then a command that must succeed
	_d=$1
	shift
	_checking=1
	if "$@"; then
		_checking=0
		ok "$_d"
	else
		_checking=0
		not_ok "$_d"
	fi
}
not() { ! "$@"; }
skip() { # description, reason
	n=$((n + 1))
	echo "ok $n - $1 # SKIP $2"
}
need() { # tools the whole script needs
	for _tool in "$@"; do
		if ! command -v "$_tool" >/dev/null 2>&1; then
			echo "1..0 # SKIP $_tool is not installed"
			exit 0
		fi
	done
}
done_testing() { # the number of checks the script makes
	[ "$n" -eq "${1:-$n}" ] || echo "# planned $1 checks, made $n"
	echo "1..${1:-$n}"
}

# shellcheck disable=SC2086
mellan() { env -i HOME="$tmp/home" LC_ALL=C.UTF-8 PATH="$PATH" ${ENV_EXTRA:-} "$bin" "$@"; }
run() {
	mellan "$@" >"$tmp/out" 2>"$tmp/err"
	echo $? >"$tmp/rc"
}
rc() { cat "$tmp/rc"; }
rc_is() { [ "$(rc)" -eq "$1" ]; }
out_has() { grep -qF -- "$1" "$tmp/out"; }
err_has() { grep -qF -- "$1" "$tmp/err"; }
one_line_err() { [ "$(wc -l <"$tmp/err")" -eq 1 ] && grep -q '^mellan: ' "$tmp/err"; }
