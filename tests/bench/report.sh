# report.sh - sourced by run.sh (it has $bin, $db and median_ms): `mellan report` over the large
# database beside sqlite3 reading every row of the tables the report reads, once, in the same run.
# Each format without the privacy gate (--allow-findings: the report's own work), then the text
# as a user runs it, with the gate's scan of every text first.
floor_ms=$(median_ms sqlite3 "$db" "select * from kase; select * from step; select * from factor;
	select * from intervention; select * from handover; select * from gap; select * from gap_actor;
	select * from action; select * from vote; select * from actor; select * from category;
	select * from threshold;")
ratio() { awk "BEGIN{printf \"%.2f\", $1/($floor_ms>0?$floor_ms:1)}"; }
for format in text html csv json; do
	report_ms=$(median_ms env MELLAN_DB="$db" SOURCE_DATE_EPOCH=0 "$bin" report --allow-findings \
		--format "$format")
	echo "mellan report --format $format: $report_ms ms (median of 7); floor, sqlite3 reading those tables once: $floor_ms ms; ratio $(ratio "$report_ms")"
done
gate_ms=$(median_ms env MELLAN_DB="$db" SOURCE_DATE_EPOCH=0 "$bin" report)
echo "mellan report with the privacy gate: $gate_ms ms (median of 7); ratio to the floor $(ratio "$gate_ms")"
