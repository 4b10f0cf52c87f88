#!/bin/sh
# print.sh - the reports as they come out of a printer, for the demo and for a database of 50
# cases whose gaps say more or less (one more than a page): the text's A4 pages never break a
# gap or a pattern across a page unless it is longer than one, fill their lines to the width and
# cut no matrix label without an ellipsis; the HTML printed to PDF by Chromium and its pages
# rendered to pixels by pdftoppm leave no page more than two-thirds empty but the last, keep the
# lanes' legend apart in greyscale, their age labels apart and their actors' names whole, and
# use each id once; --public shows no count under 3 in any format, and its CSV writes an age
# band one way. Page 1 of the demo's PDF, rendered small, is kept as tests/data/print_demo_page1.png
# and compared with a tolerance, so font hinting does not fail it and a changed layout does;
# MELLAN_UPDATE_EXPECTED=1 writes it anew (check the picture before committing it). Speaks TAP.
. "$(dirname "$0")/lib/tap.sh"
need chromium pdftoppm pdftotext pdfinfo python3 sqlite3

# A fixed day (2025-11-23), so the date on every page is the same in every run.
ENV_EXTRA=SOURCE_DATE_EPOCH=1763856000
gen=$(dirname "$bin")/tests/bench_gen

# --- the databases ------------------------------------------------------------------------------
mellan init --demo "$tmp/demo.db" >/dev/null 2>&1 || { not_ok "init --demo"; exit 1; }
# 17 copies of the three demo journeys; the report is asked for 50 of the 51 cases. Their gaps
# are told at lengths from one line to more than a page, so pages break everywhere.
"$gen" "$tmp/many.db" 17 >/dev/null 2>&1 || { not_ok "bench_gen makes the 50-case database"; exit 1; }
sqlite3 "$tmp/many.db" "UPDATE gap SET what_happened = what_happened || replace(hex(zeroblob(id % 9)),
	'00', ' Ingen tog över, och ingen sa till någon att det var deras sak att göra det.');
	UPDATE gap SET what_happened = what_happened || replace(hex(zeroblob(90)), '00',
	' Varje vecka utan svar gjorde det svårare att be om hjälp igen.') WHERE id = 40;"
set --
for c in $(sqlite3 "$tmp/many.db" "SELECT replace(code, ' ', '~') FROM kase ORDER BY id LIMIT 50"); do
	set -- "$@" --case "$(echo "$c" | tr '~' ' ')"
done
many_cases=$#

formats_ok=true
for f in text md html csv json; do
	mellan report --db "$tmp/demo.db" --format "$f" >"$tmp/demo.$f" 2>"$tmp/err" &&
		mellan report --db "$tmp/many.db" "$@" --format "$f" >"$tmp/many.$f" 2>>"$tmp/err" &&
		mellan report --db "$tmp/demo.db" --public --format "$f" >"$tmp/public.$f" \
			2>>"$tmp/err" || formats_ok=false
done
check "every format of the demo and of 50 cases, public too, is written without a word on stderr" \
	sh -c "$formats_ok && [ ! -s '$tmp/err' ] && [ $many_cases -eq 100 ] && grep -q 'Covers: 50 cases' '$tmp/many.text'"

# --- text: entries whole, lines filled, labels cut with an ellipsis ------------------------------
text_pages() { # file, what to check: entries | filled | labels DATABASE
	python3 - "$@" <<'EOF'
import sys, unicodedata
path, what = sys.argv[1], sys.argv[2]
width = lambda s: sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
indent = lambda s: len(s) - len(s.lstrip(" "))
BODY = 60  # 66 lines less a head and a foot of three
pages = [p.split("\n")[3:-4] for p in open(path, encoding="utf-8").read().split("\f")]
bad = []
if what == "entries":
    # An entry or a pattern: a line "* " and the lines after it up to a blank one. One that
    # reaches the foot of its page and goes on at the top of the next was broken across them.
    for i, page in enumerate(pages[:-1]):
        body = [l for l in page]
        while body and body[-1] == "":
            body.pop()
        start = max((k for k, l in enumerate(body) if l.startswith("* ")), default=None)
        if start is None or any(l == "" for l in body[start:]):
            continue
        nxt = pages[i + 1]
        if nxt and nxt[0] != "" and not nxt[0].startswith(("* ", "=")) and nxt[0][0] == " ":
            length = len(body) - start
            for l in nxt:
                if l == "":
                    break
                length += 1
            if length <= BODY:
                bad.append("page %d: %r goes on on page %d" % (i + 1, body[start][:60], i + 2))
elif what == "filled":
    # A field's continuation (six blanks) after its first line or another continuation: the
    # line before it would have taken its first word had it been filled to the width.
    for i, page in enumerate(pages):
        for a, b in zip(page, page[1:]):
            if indent(b) == 6 and b.strip() and indent(a) in (4, 6) and a.strip():
                if width(a) + 1 + width(b.split()[0]) <= 80:
                    bad.append("page %d: %r stops short of %r" % (i + 1, a, b.split()[0]))
elif what == "labels":
    # The matrix's rows: a label is an actor's whole name, or a cut one that ends in "…".
    import sqlite3
    names = {n for (n,) in sqlite3.connect(sys.argv[3]).execute("select name from actor")}
    lines = [l for p in pages for l in p]
    head = next(k for k, l in enumerate(lines) if l.split()[:3] == ["1", "2", "3"])
    for l in lines[head + 1:]:
        if not l.strip():
            break
        label = l[2:24].rstrip()
        if label not in names and not (label.endswith("…") and
                                       any(n.startswith(label[:-1]) for n in names)):
            bad.append("cut without an ellipsis: %r" % label)
for b in bad[:8]:
    print("# " + b)
sys.exit(1 if bad else 0)
EOF
}
for r in demo many; do
	check "text ($r): no gap or pattern broken across a page unless longer than a page" \
		text_pages "$tmp/$r.text" entries
	check "text ($r): each wrapped line filled to the 80 columns" text_pages "$tmp/$r.text" filled
	check "text ($r): a matrix label cut short ends in an ellipsis" \
		text_pages "$tmp/$r.text" labels "$tmp/$r.db"
done
long_gap_whole() { # the pages' bodies joined: the long gap's 90 sentences, none lost at a break
	python3 - "$tmp/many.text" <<'EOF'
import sys
body = " ".join(l.strip() for p in open(sys.argv[1], encoding="utf-8").read().split("\f")
                for l in p.split("\n")[3:-4])
n = " ".join(body.split()).count("Varje vecka utan svar gjorde det svårare att be om hjälp igen.")
print("# %d of 90 sentences" % n) if n != 90 else None
sys.exit(n != 90)
EOF
}
check "text (50 cases): the gap longer than a page runs on over the break, nothing lost" \
	long_gap_whole

# --- HTML, printed -----------------------------------------------------------------------------
print_pdf() { # html, pdf; as root Chromium needs --no-sandbox; its profile in the test's directory
	env HOME="$tmp/home" chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
		--user-data-dir="$tmp/chromium" --print-to-pdf="$2" "file://$1" >"$tmp/chromium.log" 2>&1
	[ -s "$2" ]
}
# pages.py PDF CHECK: the PDF's pages rendered by pdftoppm (greyscale PGM) and read back.
cat >"$tmp/pages.py" <<'EOF'
import re, subprocess, sys
pdf, what = sys.argv[1], sys.argv[2]
info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
def render(page, dpi):
    out = subprocess.run(["pdftoppm", "-f", str(page), "-l", str(page), "-r", str(dpi), "-gray",
                          pdf], capture_output=True, check=True).stdout
    magic, w, h, depth, px = out.split(maxsplit=4)
    return int(w), int(h), px[:int(w) * int(h)]
def words(page=None):
    """The words with their boxes, of one page or of every page (a list per page)."""
    arg = ["-f", str(page), "-l", str(page)] if page else []
    x = subprocess.run(["pdftotext"] + arg + ["-bbox", pdf, "-"], capture_output=True,
                       text=True).stdout
    per = [[(float(a), float(b), float(c), float(d), w) for a, b, c, d, w in re.findall(
        r'<word xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="([-\d.]+)" yMax="([-\d.]+)">([^<]*)</word>', p)]
        for p in x.split("<page ")[1:]]
    return per[0] if page else per
bad = []
if what == "empty":
    # The longest run of rows without ink, margins included, over the page's height; every page
    # rendered at once, small.
    import glob, os, tempfile
    with tempfile.TemporaryDirectory() as d:
        subprocess.run(["pdftoppm", "-r", "30", "-gray", pdf, d + "/p"], check=True)
        files = sorted(glob.glob(d + "/p-*.pgm"))
        assert len(files) == pages, "pdftoppm rendered %d of %d pages" % (len(files), pages)
        for p, f in enumerate(files[:-1], 1):
            magic, w, h, depth, px = open(f, "rb").read().split(maxsplit=4)
            w, h = int(w), int(h)
            run = best = 0
            for y in range(h):
                run = run + 1 if min(px[y * w:(y + 1) * w]) > 200 else 0
                best = max(best, run)
            if best > h * 2 / 3:
                bad.append("page %d of %d is %d%% empty" % (p, pages, 100 * best // h))
elif what == "axis":
    # The ages under each lanes chart, a row of numbers right of the word "age": apart by more
    # than a digit's width.
    for p, ws in enumerate(words(), 1):
        for a in ws:
            if a[4] != "age":
                continue
            row = sorted(w for w in ws if abs(w[1] - a[1]) < 0.5 and w[0] > a[2]
                         and re.fullmatch(r"[0-9]+", w[4]))
            for u, v in zip(row, row[1:]):
                if v[0] - u[2] < 5:
                    bad.append("page %d: ages %s and %s %.1f pt apart" % (p, u[4], v[4], v[0] - u[2]))
elif what == "legend":
    # The legend's swatches, found left of their labels: the inside of each, averaged, in
    # greyscale from 0 (black) to 1 (white); each kind apart from every other by the margin.
    labels = {"made": None, "possible": ["possible,", "not", "made"],
              "declined": ["declined", "by", "the", "young", "person"],
              "refused": ["refused", "by", "the", "actor"], "waiting": ["waiting", "in", "a", "queue"]}
    for p, ws in enumerate(words(), 1):
        at = {}
        for k, seq in labels.items():
            for i in range(len(ws)):
                if seq and [w[4] for w in ws[i:i + len(seq)]] == seq:
                    at[k] = ws[i]
                    break
        if len(at) == 4:
            r = at["refused"]
            at["made"] = next((w for w in ws if w[4] == "made" and abs(w[0] - r[0]) < 1
                               and w[1] < r[1]), None)
            if at["made"]:
                break
    else:
        sys.exit("# no page with the lanes' legend")
    dpi = 150
    w, h, px = render(p, dpi)
    s = dpi / 72
    lum = {}
    for k, b in at.items():
        x0, x1 = int((b[0] - 15.5) * s), int((b[0] - 4.5) * s)
        y0, y1 = int((b[3] - 7.8) * s), int((b[3] - 2.2) * s)
        v = [px[y * w + x] for y in range(y0, y1) for x in range(x0, x1)]
        lum[k] = sum(v) / len(v) / 255
    print("# luminance: " + ", ".join("%s %.2f" % kv for kv in sorted(lum.items(), key=lambda kv: kv[1])))
    ks = sorted(lum)
    for i, a in enumerate(ks):
        for b in ks[i + 1:]:
            if abs(lum[a] - lum[b]) < 0.12:
                bad.append("%s and %s differ by %.2f in greyscale" % (a, b, abs(lum[a] - lum[b])))
elif what == "page1":
    # Page 1 at 20 dpi against the PNG kept in tests/data: the same size, and pixels that differ
    # little on average and seldom much (hinting moves an edge by a pixel; a layout moves lines).
    import struct, zlib
    expected, update = sys.argv[3], sys.argv[4] == "1"
    w, h, px = render(1, 20)
    def write_png(path):
        raw = b"".join(b"\0" + px[y * w:(y + 1) * w] for y in range(h))
        chunk = lambda t, b: struct.pack(">I", len(b)) + t + b + struct.pack(">I", zlib.crc32(t + b))
        open(path, "wb").write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 0, 0, 0, 0))
                               + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))
    def read_png(path):
        d = open(path, "rb").read()
        assert d[:8] == b"\x89PNG\r\n\x1a\n"
        i, idat = 8, b""
        while i < len(d):
            n, t = struct.unpack(">I4s", d[i:i + 8])
            body = d[i + 8:i + 8 + n]
            if t == b"IHDR":
                W, H, depth, colour = struct.unpack(">IIBB", body[:10])
                assert depth == 8 and colour == 0, "an 8-bit grey PNG"
            elif t == b"IDAT":
                idat += body
            i += 12 + n
        raw, out, prev = zlib.decompress(idat), bytearray(), bytearray(W)
        for y in range(H):
            f, line = raw[y * (W + 1)], bytearray(raw[y * (W + 1) + 1:(y + 1) * (W + 1)])
            for x in range(W):
                a = line[x - 1] if x else 0
                b, c = prev[x], prev[x - 1] if x else 0
                if f == 1: line[x] = (line[x] + a) & 255
                elif f == 2: line[x] = (line[x] + b) & 255
                elif f == 3: line[x] = (line[x] + (a + b) // 2) & 255
                elif f == 4:
                    pa, pb, pc = abs(b - c), abs(a - c), abs(a + b - 2 * c)
                    line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
            out += line
            prev = line
        return W, H, bytes(out)
    if update:
        write_png(expected)
    W, H, old = read_png(expected)
    if (W, H) != (w, h):
        bad.append("page 1 is %dx%d, expected %dx%d" % (w, h, W, H))
    else:
        diff = [abs(a - b) for a, b in zip(px, old)]
        mean, far = sum(diff) / len(diff), sum(d > 96 for d in diff) / len(diff)
        print("# page 1: mean difference %.2f, %.2f%% of pixels far off" % (mean, 100 * far))
        if mean > 4 or far > 0.02:
            bad.append("page 1 differs from %s (MELLAN_UPDATE_EXPECTED=1 writes it)" % expected)
for b in bad[:8]:
    print("# " + b)
sys.exit(1 if bad else 0)
EOF
pages() { python3 "$tmp/pages.py" "$@"; }

# The HTML's own text: each id once, and the lanes' names whole where the chart has room.
html_ids_once() {
	python3 - "$1" <<'EOF'
import collections, re, sys
ids = collections.Counter(re.findall(r'\bid="([^"]+)"', open(sys.argv[1], encoding="utf-8").read()))
twice = [i for i, n in ids.items() if n > 1]
print("# ids used more than once: %s" % twice[:6]) if twice else None
sys.exit(1 if twice or not ids else 0)
EOF
}
lane_names_whole() { # html, database
	python3 - "$1" "$2" <<'EOF'
import html, re, sqlite3, sys
doc = open(sys.argv[1], encoding="utf-8").read()
names = {n for (n,) in sqlite3.connect(sys.argv[2]).execute("select name from actor")}
bad = []
for svg in re.findall(r'<svg [^>]*aria-label="The lanes of.*?</svg>', doc, re.S):
    for t in re.findall(r'<text [^>]*text-anchor="end">([^<]*)</text>', svg):
        t = html.unescape(t)
        if t not in names and not (len(t) > 36 and t.endswith("…")):
            bad.append(t)
print("# lane labels not whole: %s" % bad[:6]) if bad else None
sys.exit(1 if bad else 0)
EOF
}

for r in demo many; do
	check "HTML ($r): each id used once in the document (the charts' patterns too)" \
		html_ids_once "$tmp/$r.html"
	check "HTML ($r): every lane's label is the actor's whole name" \
		lane_names_whole "$tmp/$r.html" "$tmp/$r.db"
	if print_pdf "$tmp/$r.html" "$tmp/$r.pdf"; then
		ok "HTML ($r): Chromium prints it to a PDF"
		check "HTML ($r), printed: no page more than two-thirds empty, but the last" \
			pages "$tmp/$r.pdf" empty
		check "HTML ($r), printed: the ages under the lanes are apart, never crowded" \
			pages "$tmp/$r.pdf" axis
	else
		sed 's/^/# /' "$tmp/chromium.log" | head -n 10
		not_ok "HTML ($r): Chromium prints it to a PDF"
		not_ok "HTML ($r), printed: no page more than two-thirds empty, but the last"
		not_ok "HTML ($r), printed: the ages under the lanes are apart, never crowded"
	fi
done
check "HTML, printed: the lanes' fills differ in greyscale by 0.12 at least, one from another" \
	pages "$tmp/demo.pdf" legend
check "HTML, printed: page 1 looks as tests/data/print_demo_page1.png (with a tolerance)" \
	pages "$tmp/demo.pdf" page1 "$top/tests/data/print_demo_page1.png" \
	"${MELLAN_UPDATE_EXPECTED:-0}"

# --- --public: every count under 3 is "<3", an age band written one way ------------------------
public_counts() {
	python3 - "$tmp/public" <<'EOF'
import csv, html, json, re, sys
base = sys.argv[1]
bad = []
def count(where, s):
    s = s.strip()
    if s != "<3" and not (s.isdigit() and int(s) >= 3):
        bad.append("%s: %r" % (where, s))
# JSON: every number that counts someone, by its key (severity is a level, not a count).
def walk(x, key):
    if isinstance(x, dict):
        for k, v in x.items():
            walk(v, k)
    elif isinstance(x, list):
        for v in x:
            walk(v, key)
    elif (isinstance(x, int) and not isinstance(x, bool) and not key.startswith("severity")) or x == "<3":
        count("json " + key, str(x))
walk(json.load(open(base + ".json", encoding="utf-8")), "")
# Text and Markdown: the three numbers before a severity at the end of a table's row.
sev = r"(low|medium|high)"
for ext, pat in (("text", r"\s(\S+)\s+(\S+)\s+(\S+)\s+%s$" % sev),
                 ("md", r"\|\s*(\S+)\s*\|\s*(\S+)\s*\|\s*(\S+)\s*\|\s*%s\s*\|$" % sev)):
    n = 0
    for l in open(base + "." + ext, encoding="utf-8"):
        m = re.search(pat, l.rstrip("\n"))
        if m and m.group(1) not in ("Gaps",):
            n += 1
            for g in m.groups()[:3]:
                count(ext, g.replace("\\<", "<"))  # Markdown escapes its <
    if n < 20:
        bad.append("%s: only %d table rows" % (ext, n))
# HTML: the number cells of the tables, and the matrix's cells.
doc = html.unescape(open(base + ".html", encoding="utf-8").read())
cells = re.findall(r'<td class="n">([^<]*)</td>', doc)
for c in cells:
    if c not in ("low", "medium", "high"):
        count("html", c)
matrix = re.search(r'aria-label="Actors and categories".*?</svg>', doc, re.S).group(0)
for c in re.findall(r'<text [^>]*text-anchor="middle"(?! font-weight)[^>]*>([^<]*)</text>', matrix):
    count("html matrix", c)
# CSV: the votes.
rows = list(csv.reader(open(base + ".csv", encoding="utf-8", newline="")))
rows = rows[:next((i for i, r in enumerate(rows) if not r), len(rows))]  # the gaps table, before the empty line
for r in rows[1:]:
    count("csv votes", r[rows[0].index("votes")])
for b in bad[:8]:
    print("# " + b)
sys.exit(1 if bad else 0)
EOF
}
check "--public: every count under 3 is <3 in text, md, HTML (tables and matrix), CSV and JSON" \
	public_counts
public_csv_bands() {
	python3 - "$tmp/public.csv" <<'EOF'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8", newline="")))
rows = rows[:next((i for i, r in enumerate(rows) if not r), len(rows))]  # the gaps table, before the empty line
t, a = rows[0].index("time"), rows[0].index("age")
bad = [(r[t], r[a]) for r in rows[1:] if r[a] and r[a] != r[t]]
print("# time and age differ: %s" % bad[:3]) if bad else None
sys.exit(1 if bad or len(rows) < 10 else 0)
EOF
}
check "--public CSV: an age band is written the same way in the time and the age column" \
	public_csv_bands

done_testing 22
