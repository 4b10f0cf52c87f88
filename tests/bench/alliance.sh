#!/bin/sh
# alliance.sh - makes the alliance databases the scale benchmark reads, and keeps them: a file
# is made once and reused while it exists (make bench keeps them in build/bench).
#   cases-N.db       N cases, each a copy of the demo's 25-step journey (Kim) with its factors,
#                    interventions, hand-overs, gaps, gap actors and actions
#   journey-N.db     one case of N steps: the same journey repeated N/25 times, a day a step
# The copies are made in SQL from a file mellan made itself (`init --demo`), so every record is
# one mellan wrote and the history triggers record each insert as they do for mellan's own;
# making 10,000 cases through the store one by one would take minutes.
# Usage: tests/bench/alliance.sh MELLAN DIR N...     (N: cases; jN: a journey of N steps)
set -eu
bin=${1:?usage: alliance.sh MELLAN DIR N...}
dir=${2:?}
shift 2
mkdir -p "$dir"

# The copy of Kim's case (id 3 in the demo) into the cases listed in table copy: c (a number
# for the uuids), kid (the new case's id), so (the offset of every other id), rep (which
# repetition inside its case: the long journey shifts seq and time by it), long (1: the steps
# get a date each, 0: they keep their times).
copy_sql() {
	cat <<'EOF'
CREATE TEMP VIEW src_step AS SELECT * FROM step WHERE case_id = 3;
CREATE TEMP VIEW nseq AS SELECT count(*) AS n FROM src_step;
CREATE TEMP VIEW cp AS
	SELECT c, kid, so, rep, long, rep * (SELECT n FROM nseq) AS seqoff FROM copy;
INSERT INTO kase (id, uuid, code, birth_year, gender, area, summary, status)
	SELECT DISTINCT kid, printf('%08x-0001-4000-8000-%012x', kid, 0),
	printf('Fall %05d', kid / 1000),
	CASE long WHEN 1 THEN 1985 ELSE k.birth_year END, k.gender, k.area, k.summary, k.status
	FROM cp, kase k WHERE k.id = 3 AND cp.rep = 0;
INSERT INTO step (id, uuid, case_id, time, sort_from, sort_to, seq, title, narrative, domain,
		certainty, voice, note)
	SELECT s.id + so, printf('%08x-0002-4000-8000-%012x', c, s.id), kid,
	CASE long WHEN 1 THEN date('1995-01-01', '+' || (seqoff + (SELECT seq FROM step WHERE id = s.id) - 1) || ' days') ELSE s.time END,
	CASE long WHEN 1 THEN date('1995-01-01', '+' || (seqoff + (SELECT seq FROM step WHERE id = s.id) - 1) || ' days') ELSE s.sort_from END,
	CASE long WHEN 1 THEN date('1995-01-01', '+' || (seqoff + (SELECT seq FROM step WHERE id = s.id) - 1) || ' days') ELSE s.sort_to END,
	seqoff + s.seq, s.title, s.narrative, s.domain, s.certainty, s.voice, s.note
	FROM cp, src_step s;
INSERT INTO factor (id, uuid, step_id, kind, text)
	SELECT f.id + so, printf('%08x-0003-4000-8000-%012x', c, f.id), f.step_id + so, f.kind, f.text
	FROM cp, factor f JOIN src_step s ON s.id = f.step_id;
INSERT INTO intervention (id, uuid, case_id, actor_id, step_from, step_to, kind, start_time,
		end_time, what, outcome, effect)
	SELECT i.id + so, printf('%08x-0004-4000-8000-%012x', c, i.id), kid, i.actor_id,
	i.step_from + so, i.step_to + so, i.kind,
	CASE long WHEN 1 THEN date('1995-01-01', '+' || (seqoff + (SELECT seq FROM step WHERE id = i.step_from) - 1) || ' days') ELSE i.start_time END,
	CASE WHEN long = 1 AND i.end_time IS NOT NULL THEN
		date('1995-01-01', '+' || (seqoff + (SELECT seq FROM step WHERE id = coalesce(i.step_to, i.step_from)) - 1) || ' days')
		ELSE i.end_time END,
	i.what, i.outcome, i.effect
	FROM cp, intervention i WHERE i.case_id = 3;
INSERT INTO handover (id, uuid, case_id, step_id, from_actor, to_actor, kind, sent, received,
		acted, note)
	SELECT h.id + so, printf('%08x-0005-4000-8000-%012x', c, h.id), kid, h.step_id + so,
	h.from_actor, h.to_actor, h.kind,
	CASE WHEN long = 1 AND h.sent IS NOT NULL THEN date('1995-01-01', '+' || (seqoff + (SELECT seq FROM step WHERE id = h.step_id) - 1) || ' days') ELSE h.sent END,
	CASE WHEN long = 1 AND h.received IS NOT NULL THEN date('1995-01-01', '+' || (seqoff + (SELECT seq FROM step WHERE id = h.step_id) - 1) || ' days') ELSE h.received END,
	CASE WHEN long = 1 AND h.acted IS NOT NULL THEN date('1995-01-01', '+' || (seqoff + (SELECT seq FROM step WHERE id = h.step_id) - 1) || ' days') ELSE h.acted END,
	h.note
	FROM cp, handover h WHERE h.case_id = 3;
INSERT INTO gap (id, uuid, case_id, step_id, step_to, category_id, severity, what_happened,
		what_must_change, level, status)
	SELECT g.id + so, printf('%08x-0006-4000-8000-%012x', c, g.id), kid, g.step_id + so,
	g.step_to + so, g.category_id, g.severity, g.what_happened, g.what_must_change, g.level,
	g.status
	FROM cp, gap g WHERE g.case_id = 3;
INSERT INTO gap_actor (id, uuid, gap_id, actor_id, role)
	SELECT a.id + so, printf('%08x-0007-4000-8000-%012x', c, a.id), a.gap_id + so, a.actor_id,
	a.role
	FROM cp, gap_actor a JOIN gap g ON g.id = a.gap_id WHERE g.case_id = 3;
INSERT INTO action (id, uuid, gap_id, what, actor_id, lead_id, follow_up, status)
	SELECT a.id + so, printf('%08x-0008-4000-8000-%012x', c, a.id), a.gap_id + so, a.what,
	a.actor_id, a.lead_id, a.follow_up, a.status
	FROM cp, action a JOIN gap g ON g.id = a.gap_id WHERE g.case_id = 3;
DELETE FROM kase WHERE id < 1000;
EOF
}

for want in "$@"; do
	case "$want" in
	j*) n=${want#j} file="$dir/journey-$n.db" ;;
	*) n=$want file="$dir/cases-$n.db" ;;
	esac
	[ -s "$file" ] && continue
	rm -f "$file" "$file.tmp"
	env -i HOME="$dir" LC_ALL=C.UTF-8 "$bin" init --demo "$file.tmp" >/dev/null
	# Ids are strided by 1,000 per copy: the demo's ids are all below that.
	case "$want" in
	j*) copies="SELECT c, 1000, c * 1000, c - 1, 1 FROM n" reps=$((n / 25)) ;;
	*) copies="SELECT c, c * 1000, c * 1000, 0, 0 FROM n" reps=$n ;;
	esac
	{
		echo "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA foreign_keys = ON;"
		echo "BEGIN;"
		echo "CREATE TEMP TABLE copy (c, kid, so, rep, long);"
		echo "WITH RECURSIVE n(c) AS (SELECT 1 UNION ALL SELECT c + 1 FROM n WHERE c < $reps)"
		echo "INSERT INTO copy $copies;"
		copy_sql
		echo "COMMIT; VACUUM;"
	} | sqlite3 "$file.tmp" >/dev/null
	mv "$file.tmp" "$file"
done
