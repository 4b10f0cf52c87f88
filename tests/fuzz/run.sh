#!/bin/sh
# run.sh - what `make fuzz` runs: each libFuzzer target of BUILD/fuzz/ for SECONDS, from its
# seeds in tests/fuzz/NAME/ and what earlier runs added (BUILD/fuzz/corpus/NAME/, kept between
# runs), one after the other (nice, so the machine stays usable). A crash, leak, hang or broken
# promise stops that target and leaves its input in BUILD/fuzz/found/NAME/: once it is fixed,
# copy the input into tests/fuzz/NAME/, and make check replays it from then on.
# Usage: tests/fuzz/run.sh BUILD SECONDS NAME...
set -u
build=${1:?usage: run.sh BUILD SECONDS NAME...}
secs=${2:?usage: run.sh BUILD SECONDS NAME...}
shift 2
top=$(cd "$(dirname "$0")/../.." && pwd)
dir=$top/$build/fuzz
# The targets' files in memory when there is a place for them: SQLite syncs every commit, and a
# disk would set the pace instead of the code.
if [ -z "${TMPDIR:-}" ] && [ -d /dev/shm ] && [ -w /dev/shm ]; then
	export TMPDIR=/dev/shm
fi
failed=0
for t in "$@"; do
	corpus=$dir/corpus/$t
	found=$dir/found/$t
	log=$dir/$t.log
	mkdir -p "$corpus" "$found"
	# -timeout: one input that takes longer is a hang; -max_len: none of the seeds is near it.
	nice "$dir/$t" -max_total_time="$secs" -timeout=20 -rss_limit_mb=4096 -max_len=300000 \
		-print_final_stats=1 -artifact_prefix="$found/" "$corpus" "$top/tests/fuzz/$t" \
		>"$log" 2>&1
	rc=$?
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
	rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
	cov=$(grep -o 'cov: [0-9]*' "$log" | tail -n 1)
	if [ "$rc" -ne 0 ]; then
		failed=$((failed + 1))
		echo "FAIL fuzz $t (status $rc; log: $build/fuzz/$t.log; input: $build/fuzz/found/$t/)"
		grep -E '^fuzz: |ERROR: |SUMMARY: |runtime error' "$log" | head -n 8 | sed 's/^/    /'
	else
		echo "pass fuzz $t: ${runs:-?} runs in ${secs} s, ${rate:-?} per second, ${cov:-cov ?}"
	fi
done
[ "$failed" -eq 0 ]
