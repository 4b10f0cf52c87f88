#!/bin/sh
# run.sh - runs every test against one build directory, several at a time, and ends with one
# line: "N passed, M failed, K skipped".
# The unit programs (cmocka) and the end-to-end scripts (tests/e2e/*.sh) all speak TAP: a line
# "ok N - name" or "not ok N - name" per test ("# SKIP why" after the name: skipped, not
# passed; "not ok ... # TODO why": a known failure, reported, that does not fail the run), and
# one plan "1..N", first or last, saying how many tests there are; "1..0 # SKIP why" skips a
# whole script. A script fails when a test fails, when its plan is missing or is not the
# number of tests it ran, or when it exits non-zero (a crash, a sanitizer).
# Each script's result is printed as it ends, with its time, and its whole output is kept in
# tests/out/NAME.log. The slowest start first, by the times of the last run on the same build
# (tests/out/times-BUILD).
# Usage: tests/run.sh BUILD_DIR [PATTERN]   PATTERN picks scripts by name; JOBS=n runs n at a
# time (default: one per core).
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
out="$top/tests/out"

now_ms() { echo $(($(date +%s%N) / 1000000)); }
secs() { printf '%d.%d s' $(($1 / 1000)) $(($1 % 1000 / 100)); }

# run_one BUILD NAME: runs one test, writes its counts to tests/out/NAME.result and prints its
# result in one piece, so results of tests running side by side do not mix.
run_one() {
	name=$2
	case "$name" in
	e2e_*) set -- sh "$top/tests/e2e/${name#e2e_}.sh" ;;
	*) set -- "$top/$1/tests/$name" ;;
	esac
	log="$out/$name.log"
	t0=$(now_ms)
	"$@" >"$log" 2>&1 </dev/null
	rc=$?
	ms=$(($(now_ms) - t0))
	# passed failed skipped tests plans planned skip-all out-of-sequence todo
	set -- $(awk '
		function num(s) { return s ~ /^[0-9]+$/ ? s + 0 : -1 }
		/^1\.\.[0-9]+/ { plans++; planned = substr($1, 4) + 0
			if (tolower($0) ~ /#[ \t]*skip/) skipall = 1; next }
		/^(not )?ok( |$)/ { tests++
			no = /^not/ ? num($3) : num($2)
			if (no >= 0 && no != tests) seq++
			if (/^not/ && tolower($0) ~ /#[ \t]*todo/) todo++
			else if (/^not/) failed++
			else if (tolower($0) ~ /#[ \t]*skip/) skipped++
			else passed++ }
		END { print passed + 0, failed + 0, skipped + 0, tests + 0, plans + 0, planned + 0,
			skipall + 0, seq + 0, todo + 0 }' "$log")
	p=$1 f=$2 s=$3 tests=$4 plans=$5 planned=$6 skipall=$7 seq=$8 todo=$9
	why=
	if [ "$plans" -eq 0 ]; then
		why="no plan (1..N): it stopped before the end"
	elif [ "$plans" -gt 1 ]; then
		why="$plans plans, not one"
	elif [ "$planned" -ne "$tests" ]; then
		why="planned $planned tests, ran $tests"
	elif [ "$seq" -gt 0 ]; then
		why="test numbers out of sequence"
	fi
	[ "$rc" -eq 0 ] || why="${why:+$why; }exited with status $rc"
	[ -z "$why" ] || f=$((f + 1))
	if [ "$f" -gt 0 ]; then
		status=FAIL
		counts="$p passed, $f failed"
	elif [ "$skipall" -eq 1 ] && [ "$tests" -eq 0 ]; then
		status=skip
		s=1
		counts=$(sed -n 's/^1\.\.0[ \t]*#[ \t]*[Ss][Kk][Ii][Pp][ \t]*//p' "$log" | head -n 1)
	else
		status=pass
		counts="$p passed"
	fi
	[ "$s" -eq 0 ] || [ "$status" = skip ] || counts="$counts, $s skipped"
	[ "$todo" -eq 0 ] || counts="$counts, $todo todo"
	echo "$status $p $f $s $ms $todo" >"$out/$name.result"
	{
		printf '%-4s %-20s %-30s %8s\n' "$status" "$name" "$counts" "$(secs "$ms")"
		if [ "$status" = FAIL ]; then
			[ -z "$why" ] || echo "    $why"
			grep -E '^not ok|ERROR|Sanitizer|runtime error' "$log" | head -n 20 | sed 's/^/    /'
			echo "    (all of it: tests/out/$name.log)"
		elif [ "$todo" -gt 0 ]; then
			grep '^not ok' "$log" | sed 's/^/    /'
		fi
	} >"$out/$name.block"
	cat "$out/$name.block"
}

if [ "${1:-}" = --one ]; then
	run_one "$2" "$3"
	exit 0
fi

build=${1:?usage: tests/run.sh BUILD_DIR [PATTERN]}
pattern=${2:-}
jobs=${JOBS:-$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1)}
[ "$jobs" -ge 1 ] 2>/dev/null || jobs=1
mkdir -p "$out"
times="$out/times-$(basename "$build")"
export MELLAN_BIN="$top/$build/mellan"
export MELLAN_TOP="$top"
export CMOCKA_MESSAGE_OUTPUT=TAP
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"

# The tests, each with how long it took last time in ms; one never timed is guessed from the
# size of its source (a script waits on screens more than a program computes).
tests() {
	for t in "$top/$build"/tests/test_*; do
		[ -x "$t" ] || continue
		src=$top/tests/unit/$(basename "$t").c
		echo "$(basename "$t") $(($([ -f "$src" ] && wc -c <"$src" || echo 4000) / 4))"
	done
	for t in "$top"/tests/e2e/*.sh; do
		echo "e2e_$(basename "$t" .sh) $(wc -c <"$t")"
	done
}
tests | while read -r name guess; do
	case "$name" in *"$pattern"*) ;; *) continue ;; esac
	last=$(awk -v n="$name" '$1 == n { print $2 }' "$times" 2>/dev/null)
	echo "${last:-$guess} $name"
	rm -f "$out/$name.result" "$out/$name.block"
done | sort -rn | cut -d' ' -f2 >"$out/order"

t0=$(now_ms)
xargs -r -n 1 -P "$jobs" sh "$0" --one "$build" <"$out/order"
wall=$(($(now_ms) - t0))

passed=0 failed=0 skipped=0 todo=0 sum=0 ran=0
while read -r name; do
	if [ -s "$out/$name.result" ]; then
		read -r _ p f s ms t <"$out/$name.result"
		echo "$name $ms" >>"$out/times.new"
	else
		p=0 f=1 s=0 ms=0 t=0
		echo "FAIL $name did not run to its end"
	fi
	passed=$((passed + p)) failed=$((failed + f)) skipped=$((skipped + s)) todo=$((todo + t))
	sum=$((sum + ms)) ran=$((ran + 1))
done <"$out/order"
# The times of tests not run this time are kept for the next full run.
touch "$times" "$out/times.new"
awk 'NR == FNR { new[$1] = 1; print; next } !($1 in new)' "$out/times.new" "$times" \
	>"$out/times.tmp"
mv "$out/times.tmp" "$times"
rm -f "$out/times.new"

echo "$ran scripts and programs in $(secs "$wall"), $jobs at a time;" \
	"their own times add up to $(secs "$sum")"
# Known failures (TODO) are said only when there are some.
known=
[ "$todo" -eq 0 ] || known=", $todo todo"
echo "$passed passed, $failed failed, $skipped skipped$known"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
