#!/bin/sh
# Runs every test against one build directory and ends with one summary line.
# Unit tests (cmocka) and end-to-end scripts all speak TAP ("ok N - name" / "not ok N - name");
# a test program that crashes or exits non-zero without reporting a failure counts as one.
# Usage: tests/run.sh BUILD_DIR [PATTERN]
set -u
build=${1:?usage: tests/run.sh BUILD_DIR [PATTERN]}
pattern=${2:-}
top=$(cd "$(dirname "$0")/.." && pwd)
out="$top/tests/out"
mkdir -p "$out"
export MELLAN_BIN="$top/$build/mellan"
export MELLAN_TOP="$top"
export CMOCKA_MESSAGE_OUTPUT=TAP
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"

passed=0
failed=0
run_one() { # name, command...
	name=$1
	shift
	log="$out/$name.log"
	"$@" >"$log" 2>&1
	rc=$?
	p=$(grep -c '^ok ' "$log")
	# A known failure marked "# TODO" (TAP) is reported, but does not fail the run.
	f=$(grep '^not ok ' "$log" | grep -vc '# TODO')
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		f=1
		echo "not ok - $name exited with status $rc" >>"$log"
	fi
	passed=$((passed + p))
	failed=$((failed + f))
	if [ "$f" -gt 0 ]; then
		echo "FAIL $name: $p passed, $f failed (log: tests/out/$name.log)"
		grep -E '^not ok|ERROR|Sanitizer|runtime error' "$log" | head -n 20 | sed 's/^/    /'
	else
		echo "pass $name: $p passed"
	fi
}

for t in "$top/$build"/tests/test_*; do
	[ -x "$t" ] || continue
	n=$(basename "$t")
	case "$n" in *"$pattern"*) ;; *) continue ;; esac
	run_one "$n" "$t"
done

for t in "$top"/tests/e2e/*.sh; do
	n=e2e_$(basename "$t" .sh)
	case "$n" in *"$pattern"*) ;; *) continue ;; esac
	run_one "$n" sh "$t"
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
