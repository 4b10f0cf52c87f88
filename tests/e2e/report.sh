#!/bin/sh
# report.sh - `mellan report` as its readers meet it: every format of the demo database against
# the expected output in tests/data/ (uuids masked: they are new in every database), the text's
# A4 pages, the CSV parsed back, the HTML printed to PDF by headless Chromium and read back, the
# public variant without a word of the stories, and the refusals. Speaks TAP.
. "$(dirname "$0")/lib/tap.sh"

# A fixed day (2025-11-23), so the date printed on the report is the same in every run.
ENV_EXTRA=SOURCE_DATE_EPOCH=1763856000
mask() { sed -E 's/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/UUID/g' "$1"; }
same_as() { # expected file in tests/data, actual file: a diff in the log when they differ
	if mask "$2" | cmp -s - "$top/tests/data/$1"; then
		return 0
	fi
	mask "$2" | diff -u "$top/tests/data/$1" - | head -n 40 | sed 's/^/# /'
	return 1
}
db="$tmp/demo.db"
mellan init --demo "$db" >/dev/null 2>&1 || { not_ok "init --demo"; exit 1; }

# --- each format against its expected output --------------------------------------------------
for f in text md html csv json; do
	run report --db "$db" --format "$f"
	cp "$tmp/out" "$tmp/report.$f"
	check "report --format $f exits 0 and writes nothing on stderr" \
		sh -c "[ $(rc) -eq 0 ] && [ ! -s '$tmp/err' ]"
	check "report --format $f is as expected (tests/data/report_demo.$f)" \
		same_as "report_demo.$f" "$tmp/report.$f"
done
run report --db "$db"
check "text is the default format" cmp -s "$tmp/out" "$tmp/report.text"
for f in text md html csv json; do
	run report --db "$db" --public --format "$f"
	cp "$tmp/out" "$tmp/public.$f"
	check "report --public --format $f is as expected" \
		same_as "report_demo_public.$f" "$tmp/public.$f"
done

# --- text: A4 pages for a printer -------------------------------------------------------------
pages_ok() {
	python3 - "$tmp/report.text" <<'EOF'
import sys, unicodedata
text = open(sys.argv[1], encoding="utf-8").read()
pages = text.split("\f")
assert len(pages) >= 3, "only %d pages" % len(pages)
for i, page in enumerate(pages, 1):
    lines = page.split("\n")
    assert lines[-1] == "", "page %d does not end in a newline" % i
    lines = lines[:-1]
    assert len(lines) == 66, "page %d has %d lines" % (i, len(lines))
    for l in lines:
        w = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in l)
        assert w <= 80, "page %d: %d columns: %r" % (i, w, l)
    assert lines[0].startswith("Gaps between the chairs") and lines[0].endswith("2025-11-23")
    assert lines[-1].strip() == "page %d of %d" % (i, len(pages)), lines[-1]
EOF
}
check "text: pages of 66 lines, at most 80 columns, header, footer 'page N of M', form feeds" \
	pages_ok
check "text: å ä ö as UTF-8" grep -q 'Åldersövergång' "$tmp/report.text"

# --- CSV: parsed back -------------------------------------------------------------------------
csv_ok() { # file, separator
	python3 - "$1" "$2" "$db" <<'EOF'
import csv, sqlite3, sys
path, sep, db = sys.argv[1], sys.argv[2], sys.argv[3]
raw = open(path, "rb").read()
assert raw.endswith(b"\r\n") and b"\r\n" in raw[:300], "CR LF line ends"
rows = list(csv.reader(open(path, encoding="utf-8", newline=""), delimiter=sep))
# The gaps, an empty line, then the interventions that helped: each table with its header.
cut = rows.index([])
rows, helped = rows[:cut], rows[cut + 1:]
assert helped[0][:2] == ["case", "time"] and helped[0][-2:] == ["lasting", "uuid"], helped[0]
hcol = {h: i for i, h in enumerate(helped[0])}
con = sqlite3.connect(db)
effect = dict(con.execute("select uuid, effect from intervention"))
assert {r[hcol["uuid"]] for r in helped[1:]} == {u for u, e in effect.items() if e > 0}, \
    "every intervention that helped once"
assert all(int(r[hcol["effect"]]) == effect[r[hcol["uuid"]]] for r in helped[1:])
head, body = rows[0], rows[1:]
assert head[:3] == ["case", "time", "age"] and head[-1] == "uuid", head
con = sqlite3.connect(db)
assert len(body) == con.execute("select count(*) from gap").fetchone()[0], len(body)
assert all(len(r) == len(head) for r in body)
col = {h: i for i, h in enumerate(head)}
uuids = {r[col["uuid"]] for r in body}
assert uuids == {u for (u,) in con.execute("select uuid from gap")}, "every gap once"
# A field with the separator, a comma and å ä ö survives the round trip.
wh = {u: w for (u, w) in con.execute("select uuid, what_happened from gap")}
for r in body:
    assert r[col["what_happened"]] == wh[r[col["uuid"]]], r[col["what_happened"]]
votes = dict(con.execute("select g.uuid, sum(v.dots) from vote v join gap g on g.id = v.gap_id group by g.uuid"))
for r in body:
    assert int(r[col["votes"]]) == votes.get(r[col["uuid"]], 0)
assert body[0][col["case"]] == "DEMO-1 Sam"
EOF
}
check "CSV: RFC 4180 parsed back, one row per gap with its votes and words" \
	csv_ok "$tmp/report.csv" ","
run report --db "$db" --format csv --csv-sep ';'
cp "$tmp/out" "$tmp/semi.csv"
check "CSV with --csv-sep ';' parses back the same" csv_ok "$tmp/semi.csv" ";"
check "... and is the same table with another separator" sh -c \
	"python3 -c 'import csv,sys; a=list(csv.reader(open(sys.argv[1],newline=\"\"))); b=list(csv.reader(open(sys.argv[2],newline=\"\"),delimiter=\";\")); sys.exit(a!=b)' '$tmp/report.csv' '$tmp/semi.csv'"
check "JSON: well-formed, with the patterns and every gap" python3 -c "
import json, sys
d = json.load(open('$tmp/report.json', encoding='utf-8'))
assert d['totals']['gaps'] == len(d['gaps']) == 21
assert d['patterns'][0]['label'] == 'Utanför kriterierna, at 18' and d['patterns'][0]['cases'] == 3
"

# --- HTML: self-contained, printed to PDF -----------------------------------------------------
self_contained() {
	! grep -Eiq '(src|href)=|url\([^#]|@import|<link|<script|<iframe|<object' "$tmp/report.html" &&
		grep -q "Content-Security-Policy\" content=\"default-src 'none'" "$tmp/report.html"
}
check "HTML loads nothing from outside (no src, href, url(), @import, link, script)" \
	self_contained
check "HTML: print CSS for A4 that keeps gaps, charts and a section's heading with its lead whole" sh -c \
	"grep -q '@page{size:A4' '$tmp/report.html' && grep -q '.gap,.lead{break-inside:avoid}' '$tmp/report.html' && grep -q '<div class=\"lead\"><h2>DEMO-1 Sam' '$tmp/report.html'"
check "HTML: three kinds of inline SVG chart, one lanes chart per case" sh -c \
	"[ \$(grep -c '<svg ' '$tmp/report.html') -eq 5 ]"
if command -v chromium >/dev/null 2>&1 && command -v pdftotext >/dev/null 2>&1; then
	# As root Chromium needs --no-sandbox; its profile lives in the test's own directory.
	env HOME="$tmp/home" chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
		--user-data-dir="$tmp/chromium" --print-to-pdf="$tmp/report.pdf" \
		"file://$tmp/report.html" >"$tmp/chromium.log" 2>&1
	check "Chromium prints the HTML to a PDF" test -s "$tmp/report.pdf"
	pages=$(pdfinfo "$tmp/report.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
	check "the PDF is A4, one page or more per section (patterns, counts, matrix, 3 cases)" \
		sh -c "[ '${pages:-0}' -ge 6 ] && pdfinfo '$tmp/report.pdf' | grep -q '(A4)'"
	pdftotext "$tmp/report.pdf" "$tmp/report.pdf.txt" 2>/dev/null
	check "the PDF's text has the sections, the cases and å ä ö" sh -c \
		"grep -q 'Recurring patterns' '$tmp/report.pdf.txt' && grep -q 'Actors and categories' '$tmp/report.pdf.txt' && grep -q 'DEMO-3 Kim' '$tmp/report.pdf.txt' && grep -q 'Åldersövergång' '$tmp/report.pdf.txt'"
	# The sections follow one another on the pages (print.sh checks that none is left mostly
	# empty); a case's heading is printed on the page of its lanes chart.
	check "each case's heading is on one page with its lanes chart" python3 -c "
import subprocess
found = set()
for p in range(1, $pages + 1):
    t = subprocess.run(['pdftotext', '-f', str(p), '-l', str(p), '$tmp/report.pdf', '-'],
                       capture_output=True, text=True).stdout
    lines = t.split(chr(10))
    for c in ('DEMO-1 Sam', 'DEMO-2 Noor', 'DEMO-3 Kim'):
        if c in lines and 'broken hand-over' in t:
            found.add(c)
assert found == {'DEMO-1 Sam', 'DEMO-2 Noor', 'DEMO-3 Kim'}, found
"
else
	not_ok "chromium and pdftotext are needed (.ci/deps.sh installs them)"
fi

# --- --public: nothing of the stories -------------------------------------------------------
no_story() {
	python3 - "$db" "$tmp"/public.text "$tmp"/public.md "$tmp"/public.html "$tmp"/public.csv \
		"$tmp"/public.json <<'EOF'
import html, re, sqlite3, sys
con = sqlite3.connect(sys.argv[1])
texts = [t for (t,) in con.execute(
    "select narrative from step union all select voice from step union all "
    "select note from step union all select what_happened from gap union all "
    "select summary from kase union all select title from step union all "
    "select notes from workshop union all select text from workshop_log") if t]
assert len(texts) > 100
flat = lambda s: re.sub(r"\s+", " ", s)
for path in sys.argv[2:]:
    out = flat(html.unescape(open(path, encoding="utf-8").read().replace("\\", "")))
    for t in texts:
        # Any eight words in a row of the stories, or a whole short one of three words or more,
        # would be a leak (one word may be an actor's name, which the report rightly has).
        words = flat(t).split(" ")
        pieces = [" ".join(words[i:i + 8]) for i in range(max(1, len(words) - 7))]
        for p in pieces:
            if len(p) >= 12 and p.count(" ") >= 2 and p in out:
                sys.exit("%s carries %r" % (path, p))
    for year in ("2002", "2004", "2001"):
        assert "born " + year not in out, path
EOF
}
check "--public: no narrative, quote, note, summary, step title or log of the fixture, any format" \
	no_story
check "--public: counts below 3 as <3, in text and JSON" sh -c \
	"grep -q ' <3 ' '$tmp/public.text' && grep -q '\"<3\"' '$tmp/public.json'"
check "--public: ages in bands, no times" sh -c \
	"grep -q '18–20 years' '$tmp/public.text' && ! grep -q '2016-03-14' '$tmp/public.text'"

# --- what worked: a section of every format, and the public one withholds small counts --------
worked_in() { # variant prefix (report or public)
	grep -q '^WHAT WORKED$' "$tmp/$1.text" && grep -q '^## What worked$' "$tmp/$1.md" &&
		grep -q '<h2>What worked</h2>' "$tmp/$1.html" &&
		grep -q '"worked_patterns": \[' "$tmp/$1.json" &&
		grep -q '"lasting_adults": \[' "$tmp/$1.json" &&
		grep -q '^case,time,age,step,actor,theme,what,outcome,effect,lasting,uuid' "$tmp/$1.csv"
}
check "what worked: a section in text, Markdown, HTML, JSON and CSV" worked_in report
check "what worked: in the public variant too" worked_in public
check "what worked: the club that stayed with Kim and Noor, a lasting adult in 2 cases" \
	grep -q '"label": "Idrottsföreningen", "cases": 2}' "$tmp/report.json"
check "what worked --public: that count is <3, and no protective factor of a single case is named" \
	sh -c "grep -q '\"label\": \"Idrottsföreningen\", \"cases\": \"<3\"}' '$tmp/public.json' &&
		! grep -q 'En tränare som bryr sig' '$tmp/public.text' &&
		grep -q 'En tränare som bryr sig' '$tmp/report.text'"

check "by gender: one case each, and the public variant withholds those counts" \
	sh -c "grep -q '\"label\": \"girl\", \"cases\": 1,' '$tmp/report.json' &&
		grep -q '\"label\": \"girl\", \"cases\": \"<3\",' '$tmp/public.json'"

# --- --case, -o and the refusals --------------------------------------------------------------
run report --db "$db" --case "DEMO-2 Noor" --format csv
check "--case narrows to that case" sh -c \
	"[ $(rc) -eq 0 ] && [ \$(sed '/^.\$/q' '$tmp/out' | grep -c '^DEMO-2 Noor,') -eq 5 ] && ! grep -q '^DEMO-1' '$tmp/out'"
run report --db "$db" --case "DEMO-2 Noor" --case "DEMO-3 Kim" --format json
check "--case is repeatable" python3 -c "
import json; d = json.load(open('$tmp/out')); assert d['cases'] == ['DEMO-2 Noor', 'DEMO-3 Kim']"
run report --db "$db" --format md -o "$tmp/r.md"
check "-o writes the file (0600) and nothing on standard output" sh -c \
	"[ $(rc) -eq 0 ] && [ ! -s '$tmp/out' ] && [ \$(stat -c %a '$tmp/r.md') = 600 ] && cmp -s '$tmp/r.md' '$tmp/report.md'"
run report --db "$db" --case "Ingen sådan" -o "$tmp/none.txt"
check "an unknown case: status 2, one line naming it, no file" sh -c \
	"[ $(rc) -eq 2 ] && [ \$(wc -l <'$tmp/err') -eq 1 ] && grep -q 'Ingen sådan' '$tmp/err' && [ ! -e '$tmp/none.txt' ]"
run report --db "$db" --format pdf
check "an unknown format: status 2, one line" sh -c \
	"[ $(rc) -eq 2 ] && [ \$(wc -l <'$tmp/err') -eq 1 ] && grep -q '^mellan: ' '$tmp/err'"
run report --db "$db" --format csv --csv-sep ';;'
check "a separator of two characters: status 2" sh -c "[ $(rc) -eq 2 ]"
run report --db "$tmp/missing.db"
check "a missing database: refused with one line, not created" sh -c \
	"[ $(rc) -ne 0 ] && [ \$(wc -l <'$tmp/err') -eq 1 ] && [ ! -e '$tmp/missing.db' ]"
run report --db "$top/tests/data/foreign.sql"
check "a file that is no database: status 3" sh -c "[ $(rc) -eq 3 ]"

# --- hostile text in the file never reaches the output raw ---------------------------------------
cp "$db" "$tmp/hostile.db"
sqlite3 "$tmp/hostile.db" "UPDATE category SET name = 'Väntetid' || char(27) || ']0;pwned' || char(7) || char(27) || '[2J' WHERE code = 'waiting-time';
	UPDATE actor SET name = 'BUP' || char(27) || '[31m' WHERE name = 'BUP';
	UPDATE kase SET code = 'DEMO-1 Sam' || char(13) || char(27) || '[1A' WHERE code = 'DEMO-1 Sam';"
hostile_ok=true
for f in text md html csv json; do
	run report --db "$tmp/hostile.db" --format "$f"
	if [ "$(rc)" -ne 0 ] || LC_ALL=C grep -q "$(printf '\033')" "$tmp/out" ||
		LC_ALL=C grep -q "$(printf '\007')" "$tmp/out"; then
		hostile_ok=false
		echo "# --format $f: status $(rc) or a raw control character"
	fi
done
check "escape sequences in names and codes never reach any format raw" $hostile_ok

# --- the progress bar only on a terminal --------------------------------------------------------
# The runs above had stderr in a file and left it empty. On a terminal (script(1) gives one) a
# report over many cases shows a bar there, and standard output still has only the report.
cp "$db" "$tmp/many.db"
sqlite3 "$tmp/many.db" "WITH RECURSIVE i(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM i WHERE k < 30)
	INSERT INTO kase (uuid, code) SELECT printf('%08d-0000-4000-8000-000000000000', k),
	printf('Extra %02d', k) FROM i;"
if command -v script >/dev/null 2>&1; then
	env -i HOME="$tmp/home" LC_ALL=C.UTF-8 PATH="$PATH" TERM=dumb \
		script -qec "'$bin' report --db '$tmp/many.db' --format csv -o '$tmp/many.csv'" \
		"$tmp/tty.log" >/dev/null 2>&1
	check "on a terminal, a progress bar on standard error" grep -q 'reading cases' "$tmp/tty.log"
	check "... and the report itself is untouched by it" sh -c \
		"! grep -q 'reading cases' '$tmp/many.csv' && [ \$(sed '/^.\$/q' '$tmp/many.csv' | grep -c '^DEMO-') -eq 21 ]"
else
	not_ok "script(1) is needed to give the test a terminal"
fi
"$bin" init "$tmp/empty.db" >/dev/null 2>&1
run report --db "$tmp/empty.db"
check "an empty database gives a report that says so, status 0" sh -c \
	"[ $(rc) -eq 0 ] && grep -q '0 gaps' '$tmp/out'"

done_testing 49
