#!/bin/sh
# outputs.sh - never lose the file. Outputs (-o FILE, backup's OUT) refuse the database and the
# files that belong to it by any name, refuse an existing file without --force, never replace
# anything but a regular file, and are renamed into place as the last step after an fsync. A file
# whose committed data sits in its -wal after kill -9 is read as SQLite reads it; a damaged file
# is kept and what can be read copied out. Reading works on a full disk, in a read-only directory
# and from a read-only file. Speaks TAP. Needs tmux and sqlite3; the parts that need strace, a
# private tmpfs mount, or (as root) setpriv to read as another user say "# SKIP" without them.
. "$(dirname "$0")/lib/tap.sh"
. "$(dirname "$0")/lib/tmux.sh"
appears() { eventually test -s "$1"; }
intact() { [ "$(sqlite3 "$1" 'PRAGMA integrity_check')" = ok ]; }
count() { sqlite3 "$1" "$2" 2>/dev/null; }
printf 'case,date,actor,what happened,what was done\nBo,2014,Polisen,"Gripen, släpps",Orosanmälan\nBo,,,Flyttar,\n' >"$tmp/en.csv"
root=false
[ "$(id -u)" -eq 0 ] && root=true

# --- the database itself is never an output, by any name -------------------------------------
# The TUI holds the file open and another mellan commits: the commit is in the -wal, as after a
# crash. A copy renamed over the database would have that -wal played into it.
db=$tmp/f.db
run init --demo "$db"
start 100x30
wait_for "DEMO-1"
check "the TUI has the file open (a -wal beside it)" appears "$db-shm"
run import --db "$db" "$tmp/en.csv"
check "another mellan's commit waits in the -wal" sh -c "[ \$(cat '$tmp/rc') -eq 0 ] && [ -s '$db-wal' ]"
cp "$db" "$tmp/f.before"
cp "$db-wal" "$tmp/f.wal.before"
mkdir "$tmp/sub"
ln -s "$db" "$tmp/link.db"
ln "$db" "$tmp/hard.db"
for target in "$db" "$tmp/./f.db" "$tmp/sub/../f.db" "$tmp/link.db" "$tmp/hard.db" \
	"$db-wal" "$db-shm" "$db-journal"; do
	what=${target#"$tmp/"}
	run backup --db "$db" "$target"
	check "backup onto $what: refused (status 2), one line naming it" \
		sh -c "[ \$(cat '$tmp/rc') -eq 2 ] && [ \$(wc -l <'$tmp/err') -eq 1 ] && grep -qF -- '$target' '$tmp/err'"
	run backup --force --db "$db" "$target"
	check "backup --force onto $what: refused all the same (status 2)" rc_is 2
done
for cmd in export report; do
	for target in "$db" "$db-wal" "$tmp/link.db"; do
		run "$cmd" --allow-findings --force --db "$db" -o "$target"
		check "$cmd --force -o ${target#"$tmp/"}: refused (status 2), one line" \
			sh -c "[ \$(cat '$tmp/rc') -eq 2 ] && [ \$(wc -l <'$tmp/err') -eq 1 ]"
	done
done
check "... the database is byte for byte as it was" cmp -s "$db" "$tmp/f.before"
check "... and so is its -wal" cmp -s "$db-wal" "$tmp/f.wal.before"
check "... no file is left beside it" sh -c "[ \$(ls '$tmp' | grep -c '^f\.db') -eq 3 ]"
# run sends standard output to $tmp/out: a file mellan has open is no output either.
: >"$tmp/out"
run export --allow-findings --force --db "$db" -o "$tmp/out"
check "export -o onto the file its standard output goes to: refused (status 2)" rc_is 2
keys q
check "the TUI still ends cleanly" restored
run list --db "$db"
check "the file still opens, with the commit that was in the -wal" sh -c "[ \$(cat '$tmp/rc') -eq 0 ] && grep -q '^Bo ' '$tmp/out'"
check "... and SQLite finds it intact" intact "$db"

# --- an existing file is replaced only with --force, and only a regular file ----------------
theirs=$tmp/theirs.txt
echo "someone else's notes" >"$theirs"
chmod 644 "$theirs"
$root && chown 65534:65534 "$theirs"
for cmd in "export --allow-findings -o" "report --allow-findings -o" backup; do
	# shellcheck disable=SC2086
	run $cmd "$theirs" --db "$db"
	check "${cmd%% *} onto an existing file: refused (status 4), one line naming it" \
		sh -c "[ \$(cat '$tmp/rc') -eq 4 ] && [ \$(wc -l <'$tmp/err') -eq 1 ] && grep -qF -- '$theirs' '$tmp/err'"
	check "... which says --force replaces it" err_has "--force"
	check "... and the file is as it was" sh -c "[ \"\$(cat '$theirs')\" = \"someone else's notes\" ]"
done
run report --allow-findings --force -o "$theirs" --db "$db"
check "report --force replaces an existing regular file (status 0)" sh -c "[ \$(cat '$tmp/rc') -eq 0 ] && grep -q 'DEMO-1' '$theirs'"
check "... keeping its permissions (0644)" sh -c "[ \$(stat -c %a '$theirs') = 644 ]"
if $root; then
	check "... and, as root, its owner" sh -c "[ \$(stat -c %u:%g '$theirs') = 65534:65534 ]"
else
	skip "... and, as root, its owner" "not root"
fi
run backup --db "$db" "$tmp/copy.db"
check "backup to a new file (status 0), private (0600)" sh -c "[ \$(cat '$tmp/rc') -eq 0 ] && [ \$(stat -c %a '$tmp/copy.db') = 600 ]"
run import --db "$db" "$tmp/en.csv"
sqlite3 "$db" "update kase set code = 'Bosse' where code = 'Bo'"
run backup --force --db "$db" "$tmp/copy.db"
check "backup --force replaces an older copy with an intact new one" sh -c "[ \$(cat '$tmp/rc') -eq 0 ] && [ \"\$(sqlite3 '$tmp/copy.db' 'PRAGMA integrity_check')\" = ok ] && [ \$(sqlite3 '$tmp/copy.db' \"select count(*) from kase where code = 'Bosse'\") -eq 1 ]"
cp "$db" "$tmp/open.db"
: >"$tmp/open.db-wal"
run backup --force --db "$db" "$tmp/open.db"
check "backup --force onto a database with a -wal beside it: refused, one line" sh -c "[ \$(cat '$tmp/rc') -eq 4 ] && [ \$(wc -l <'$tmp/err') -eq 1 ] && cmp -s '$tmp/open.db' '$db'"
run export --allow-findings --force --db "$db" -o "$tmp/open.db"
check "... and so does export --force" sh -c "[ \$(cat '$tmp/rc') -eq 4 ] && cmp -s '$tmp/open.db' '$db'"
mv "$tmp/open.db-wal" "$tmp/open.db-journal"
run backup --force --db "$db" "$tmp/open.db"
check "... or a -journal beside it: refused" sh -c "[ \$(cat '$tmp/rc') -eq 4 ] && cmp -s '$tmp/open.db' '$db'"

mkfifo "$tmp/fifo"
mkdir "$tmp/dir"
ln -s "$tmp/fifo" "$tmp/to-fifo"
ln -s "$tmp/nowhere" "$tmp/dangling"
kinds="fifo:-p dir:-d to-fifo:-L dangling:-L"
if $root && mknod "$tmp/null" c 1 3 2>/dev/null; then
	kinds="$kinds null:-c"
else
	skip "a device at the target is not replaced" "cannot make a device node (not root)"
fi
for kind in $kinds; do
	name=${kind%%:*}
	for cmd in "export --allow-findings -o" "report --allow-findings -o" backup; do
		# shellcheck disable=SC2086
		run $cmd "$tmp/$name" --force --db "$db"
		check "${cmd%% *} --force onto $name: refused (status 4), one line naming it" \
			sh -c "[ \$(cat '$tmp/rc') -eq 4 ] && [ \$(wc -l <'$tmp/err') -eq 1 ] && grep -qF -- '$tmp/$name' '$tmp/err'"
		check "... and it is still what it was" test "${kind#*:}" "$tmp/$name"
	done
done
check "... the pipe is still a pipe" test -p "$tmp/fifo"

echo "mine" >"$tmp/real.txt"
ln -s "$tmp/real.txt" "$tmp/to-real"
run export --allow-findings -o "$tmp/to-real" --db "$db"
check "export onto a link to a file: refused without --force (status 4)" rc_is 4
run export --allow-findings --force -o "$tmp/to-real" --db "$db"
check "with --force the file the link points to gets the export" sh -c "[ \$(cat '$tmp/rc') -eq 0 ] && grep -q '\"format\": \"mellan\"' '$tmp/real.txt'"
check "... and the link stays a link" test -L "$tmp/to-real"

mkdir "$tmp/new"
run export --allow-findings -o "$tmp/new/a.json" --db "$db"
check "export to a new file: private (0600), and nothing else left in its directory" \
	sh -c "[ \$(cat '$tmp/rc') -eq 0 ] && [ \$(stat -c %a '$tmp/new/a.json') = 600 ] && [ \"\$(ls '$tmp/new')\" = a.json ]"

# The order of the last steps, as the system sees them: the new file synced, then put in
# place, then its directory synced.
order_ok() { # strace log, target
	awk -v t="$2" '
		index($0, "\"" t ".") && /O_EXCL/ { split($0, a, "= "); f = a[2] + 0 }
		f != "" && $0 ~ "fsync\\(" f "\\)" && !placed { synced = 1 }
		/(link|linkat|rename|renameat|renameat2)\(/ && index($0, "\"" t "\"") { placed = synced; moved = 1 }
		moved && /O_DIRECTORY/ { split($0, a, "= "); d = a[2] + 0 }
		moved && d != "" && $0 ~ "fsync\\(" d "\\)" { dir = 1 }
		END { exit !(placed && dir) }' "$1"
}
if command -v strace >/dev/null 2>&1 && strace -f -o /dev/null true 2>/dev/null; then
	for cmd in export report backup; do
		rm -f "$tmp/synced"
		if [ "$cmd" = backup ]; then set -- "$tmp/synced"; else set -- --allow-findings -o "$tmp/synced"; fi
		env -i HOME="$tmp/home" LC_ALL=C.UTF-8 ASAN_OPTIONS=detect_leaks=0 strace -f -qq \
			-e trace=%file,fsync,fdatasync \
			-o "$tmp/strace.log" "$bin" "$cmd" --db "$db" "$@" >/dev/null 2>&1
		check "$cmd: the new file is synced, then renamed into place, then the directory synced" \
			order_ok "$tmp/strace.log" "$tmp/synced"
	done
else
	skip "the new file is synced before it is renamed into place" "strace cannot run here"
fi

# --- the truth about a file: its -wal is read as SQLite reads it ------------------------------
# An import into a new file, killed with -9 in the checkpoint right after its commit: the main
# file is half-way between two states, the -wal holds the whole commit. The kill comes from
# strace at the tenth write to the main file, a place no timing can miss.
awk 'BEGIN { print "case,date,actor,what happened,what was done";
	for (i = 1; i <= 3000; i++) printf "K%d,2014,Polisen,Händelse %d i staden,Orosanmälan\n", i % 30, i }' >"$tmp/big.csv"
k=$tmp/k.db
if command -v strace >/dev/null 2>&1 && strace -f -o /dev/null true 2>/dev/null; then
	env -i HOME="$tmp/home" LC_ALL=C.UTF-8 ASAN_OPTIONS=detect_leaks=0 strace -f -qq -P "$k" \
		-e trace=pwrite64 -e inject=pwrite64:signal=KILL:when=10 -o /dev/null \
		"$bin" import --db "$k" "$tmp/big.csv" >/dev/null 2>&1
	check "kill -9 in the checkpoint after a large commit leaves the commit in the -wal" \
		sh -c "[ -s '$k-wal' ] && [ \$(sqlite3 'file:$k?mode=ro' 'select count(*) from step') -eq 3000 ]"
	check "... while the main file alone is not a whole database (the state the test is about)" \
		sh -c "[ \"\$(sqlite3 'file:$k?immutable=1' 'PRAGMA quick_check' 2>&1)\" != ok ]"
	cp "$k" "$tmp/crashed.db"
	cp "$k-wal" "$tmp/crashed.db-wal"
	run list --db "$k"
	check "list reads it through the -wal (status 0), every case there" sh -c "[ \$(cat '$tmp/rc') -eq 0 ] && [ \$(grep -c '^K' '$tmp/out') -eq 30 ] && grep -q '^K0 .* 100 ' '$tmp/out'"
	run check --db "$k"
	check "check finds it intact (status 0)" sh -c "[ \$(cat '$tmp/rc') -eq 0 ] && grep -q '^integrity: ok' '$tmp/out'"
	run backup --db "$k" "$tmp/k-copy.db"
	check "backup copies all of it (status 0)" sh -c "[ \$(cat '$tmp/rc') -eq 0 ] && [ \$(sqlite3 '$tmp/k-copy.db' 'select count(*) from step') -eq 3000 ]"
	run export --db "$k" -o "$tmp/k.json"
	check "export writes all of it (status 0)" sh -c "[ \$(cat '$tmp/rc') -eq 0 ] && [ \$(grep -c '^ *{\"uuid\":.*\"title\":\"Händelse' '$tmp/k.json') -eq 3000 ]"
	db=$k
	start 100x30
	check "the TUI opens it and shows the cases" wait_for "K29"
	keys q
	restored
else
	for w in list check backup export TUI; do
		skip "$w reads a file with its commit in the -wal after kill -9" "strace cannot run here"
	done
fi

# --- a damaged file: kept, reported, and copied out ------------------------------------------
init_demo() { run init --demo "$1"; }
page_of() { # file, table or index: a page of its, a leaf in the middle when there are several
	sqlite3 "$1" "select pageno from dbstat where name = '$2' order by pagetype = 'leaf' desc, pageno limit 1 offset (select count(*) / 2 from dbstat where name = '$2' and pagetype = 'leaf')"
}
spoil() { # file, page: that page overwritten with bytes that are no b-tree
	dd if=/dev/urandom of="$1" bs=4096 seek=$(($2 - 1)) count=1 conv=notrunc 2>/dev/null
}
init_demo "$tmp/d.db"
steps=$(count "$tmp/d.db" "select count(*) from step")
spoil "$tmp/d.db" "$(page_of "$tmp/d.db" sqlite_autoindex_step_1)"
cp "$tmp/d.db" "$tmp/d.before"
# Opening reads the header and the schema; the damage is met where a command reads it.
init_demo "$tmp/k.db"
spoil "$tmp/k.db" "$(page_of "$tmp/k.db" kase)"
run list --db "$tmp/k.db"
check "a damaged file: refused (status 3), one line" sh -c "[ \$(cat '$tmp/rc') -eq 3 ] && [ \$(wc -l <'$tmp/err') -eq 1 ]"
check "... which says to keep it and copy out what can be read" sh -c "grep -q 'damaged' '$tmp/err' && grep -q 'keep the file' '$tmp/err' && grep -q 'mellan backup' '$tmp/err'"
check "... and no longer says to restore it from a backup" sh -c "! grep -q 'restore it from a backup' '$tmp/err'"
run check --db "$tmp/d.db"
check "check reports the damage as a finding (status 1)" sh -c "[ \$(cat '$tmp/rc') -eq 1 ] && grep -q '^integrity: damaged' '$tmp/out'"
run backup --db "$tmp/d.db" "$tmp/d-copy.db"
check "backup of a file damaged in an index: an intact, whole copy (status 0)" sh -c "[ \$(cat '$tmp/rc') -eq 0 ] && [ \"\$(sqlite3 '$tmp/d-copy.db' 'PRAGMA integrity_check')\" = ok ] && [ \$(sqlite3 '$tmp/d-copy.db' 'select count(*) from step') -eq $steps ]"
check "... the damaged file itself is left as it was" cmp -s "$tmp/d.db" "$tmp/d.before"
init_demo "$tmp/t.db"
ends=$(count "$tmp/t.db" "select min(id) || ' ' || max(id) from step")
spoil "$tmp/t.db" "$(page_of "$tmp/t.db" step)"
cp "$tmp/t.db" "$tmp/t.before"
run backup --db "$tmp/t.db" "$tmp/t-copy.db"
check "backup of a file damaged among its records: status 3, one line saying what the copy holds" \
	sh -c "[ \$(cat '$tmp/rc') -eq 3 ] && [ \$(wc -l <'$tmp/err') -eq 1 ] && grep -qF '$tmp/t-copy.db' '$tmp/err'"
check "... the copy is intact, with every record of the tables that were not damaged" sh -c "[ \"\$(sqlite3 '$tmp/t-copy.db' 'PRAGMA integrity_check')\" = ok ] && [ \$(sqlite3 '$tmp/t-copy.db' 'select count(*) from kase') -eq 3 ] && [ \$(sqlite3 '$tmp/t-copy.db' 'select count(*) from history') -eq \$(sqlite3 '$tmp/t.db' 'select count(*) from history') ]"
check "... and of the damaged table, the records from its start and from its end" sh -c "n=\$(sqlite3 '$tmp/t-copy.db' 'select count(*) from step'); [ \$n -gt 0 ] && [ \$n -lt $steps ] && [ \"\$(sqlite3 '$tmp/t-copy.db' \"select min(id) || ' ' || max(id) from step\")\" = '$ends' ]"
run list --db "$tmp/t-copy.db"
check "... and opens as a mellan file" rc_is 0
check "... the damaged file itself is left as it was" cmp -s "$tmp/t.db" "$tmp/t.before"

# --- reading in a read-only directory, from a read-only file, on a full disk -----------------
# As root, permissions do not stop writes: the reader is then another user (nobody).
src=$tmp/src.db
init_demo "$src"
run import --db "$src" "$tmp/en.csv"
run list --db "$src"
cp "$tmp/out" "$tmp/list.expected"
reader=
if $root; then
	if command -v setpriv >/dev/null 2>&1 && setpriv --reuid=65534 --regid=65534 --clear-groups true 2>/dev/null; then
		reader="setpriv --reuid=65534 --regid=65534 --clear-groups"
		chmod 755 "$tmp"
	else
		reader=none
	fi
fi
as_reader() { # runs mellan as the reader, like run
	# shellcheck disable=SC2086
	$reader env -i HOME="$tmp/home" LC_ALL=C.UTF-8 PATH="$PATH" "$bin" "$@" >"$tmp/out" 2>"$tmp/err"
	echo $? >"$tmp/rc"
}
reads_all() { # description, database; everything written to $tmp/w, which the reader may write
	rm -rf "$tmp/w"
	mkdir "$tmp/w"
	[ -n "$reader" ] && chown 65534:65534 "$tmp/w"
	as_reader list --db "$2"
	check "$1: list (status 0, every case)" sh -c "[ \$(cat '$tmp/rc') -eq 0 ] && cmp -s '$tmp/out' '$tmp/list.expected'"
	as_reader check --db "$2"
	check "$1: check (status 0)" rc_is 0
	as_reader export --db "$2" -o "$tmp/w/x.json"
	check "$1: export -o elsewhere (status 0)" sh -c "[ \$(cat '$tmp/rc') -eq 0 ] && grep -q '\"code\":\"Bo\"' '$tmp/w/x.json'"
	as_reader backup --db "$2" "$tmp/w/x.db"
	check "$1: backup elsewhere (status 0), intact" sh -c "[ \$(cat '$tmp/rc') -eq 0 ] && [ \"\$(sqlite3 '$tmp/w/x.db' 'PRAGMA integrity_check')\" = ok ] && [ \$(sqlite3 '$tmp/w/x.db' \"select count(*) from kase where code = 'Bo'\") -eq 1 ]"
	as_reader report --db "$2" -o "$tmp/w/x.txt"
	check "$1: report -o elsewhere (status 0)" sh -c "[ \$(cat '$tmp/rc') -eq 0 ] && grep -q 'DEMO-1' '$tmp/w/x.txt'"
}
if [ "$reader" = none ]; then
	for w in "a read-only directory" "a read-only file"; do
		skip "reading from $w" "root, and no way to read as another user"
	done
else
	mkdir "$tmp/rodir"
	cp "$src" "$tmp/rodir/f.db"
	[ -n "$reader" ] && chown -R 65534:65534 "$tmp/rodir"
	chmod 555 "$tmp/rodir"
	reads_all "a read-only directory" "$tmp/rodir/f.db"
	check "... nothing was made in it" sh -c "[ \"\$(ls -A '$tmp/rodir')\" = f.db ]"
	check "... the file is byte for byte as it was" cmp -s "$tmp/rodir/f.db" "$src"
	chmod 755 "$tmp/rodir"

	mkdir "$tmp/rofile"
	cp "$src" "$tmp/rofile/f.db"
	[ -n "$reader" ] && chown -R 65534:65534 "$tmp/rofile"
	chmod 400 "$tmp/rofile/f.db"
	reads_all "a read-only file" "$tmp/rofile/f.db"
	check "... no -wal or -shm is left beside it" sh -c "[ \"\$(ls -A '$tmp/rofile')\" = f.db ]"
	check "... the file is byte for byte as it was" cmp -s "$tmp/rofile/f.db" "$src"
	run init "$tmp/into.db"
	run merge --db "$tmp/into.db" "$tmp/rofile/f.db"
	check "... and it can be merged from afterwards (status 0)" rc_is 0
	chmod 600 "$tmp/rofile/f.db"
	printf 'case,what happened\nCy,Föds\n' >"$tmp/cy.csv"
	run import --db "$tmp/rofile/f.db" "$tmp/cy.csv"
	check "... or written once it is writable again (status 0)" rc_is 0

	# Left by a crash where nothing may be written: the -wal needs its -shm to be read.
	mkdir "$tmp/rowal"
	cp "$tmp/crashed.db" "$tmp/rowal/k.db" 2>/dev/null &&
		cp "$tmp/crashed.db-wal" "$tmp/rowal/k.db-wal" 2>/dev/null
	if [ -s "$tmp/rowal/k.db-wal" ]; then
		[ -n "$reader" ] && chown -R 65534:65534 "$tmp/rowal"
		chmod 555 "$tmp/rowal"
		as_reader list --db "$tmp/rowal/k.db"
		check "a -wal without its -shm in a read-only directory: refused (status 4), one line" \
			sh -c "[ \$(cat '$tmp/rc') -eq 4 ] && [ \$(wc -l <'$tmp/err') -eq 1 ]"
		check "... which says to copy both files and read the copy" sh -c "grep -q 'k.db-wal' '$tmp/err' && grep -q 'copy' '$tmp/err'"
		chmod 755 "$tmp/rowal"
	else
		skip "a -wal without its -shm in a read-only directory" "no crashed file (strace cannot run here)"
	fi
fi

# A full disk: a small tmpfs, filled, in a mount namespace of its own (as root, or in a user
# namespace where the system allows one).
cat >"$tmp/full.sh" <<'EOF'
set -u
tmp=$1 bin=$2 src=$3
mount -t tmpfs -o size=2m tmpfs "$tmp/full" || exit 9
cp "$src" "$tmp/full/f.db"
echo "an earlier export" >"$tmp/full/old.json"
dd if=/dev/zero of="$tmp/full/fill" bs=4k 2>/dev/null
r() { # name, command...
	name=$1
	shift
	env -i HOME="$tmp/home" LC_ALL=C.UTF-8 "$bin" "$@" >"$tmp/fr/$name.out" 2>"$tmp/fr/$name.err"
	echo $? >"$tmp/fr/$name.rc"
}
r list list --db "$tmp/full/f.db"
r check check --db "$tmp/full/f.db"
r export export --db "$tmp/full/f.db" -o "$tmp/fr/x.json"
r backup backup --db "$tmp/full/f.db" "$tmp/fr/x.db"
r report report --db "$tmp/full/f.db" -o "$tmp/fr/x.txt"
r onto export --force --db "$tmp/full/f.db" -o "$tmp/full/old.json"
cat "$tmp/full/old.json" >"$tmp/fr/old.json"
ls -A "$tmp/full" >"$tmp/fr/ls"
cmp -s "$tmp/full/f.db" "$src" && echo same >"$tmp/fr/same"
EOF
mkdir "$tmp/full" "$tmp/fr"
if $root; then ns="unshare -m --propagation private"; else ns="unshare -r -m --propagation private"; fi
$ns sh "$tmp/full.sh" "$tmp" "$bin" "$src" >/dev/null 2>&1
if [ -e "$tmp/fr/list.rc" ]; then
	fr() { [ "$(cat "$tmp/fr/$1.rc")" -eq "$2" ]; }
	check "a full disk: list (status 0, every case)" sh -c "[ \$(cat '$tmp/fr/list.rc') -eq 0 ] && cmp -s '$tmp/fr/list.out' '$tmp/list.expected'"
	check "a full disk: check (status 0)" fr check 0
	check "a full disk: export -o elsewhere (status 0)" sh -c "[ \$(cat '$tmp/fr/export.rc') -eq 0 ] && grep -q '\"code\":\"Bo\"' '$tmp/fr/x.json'"
	check "a full disk: backup elsewhere (status 0), intact" sh -c "[ \$(cat '$tmp/fr/backup.rc') -eq 0 ] && [ \"\$(sqlite3 '$tmp/fr/x.db' 'PRAGMA integrity_check')\" = ok ]"
	check "a full disk: report -o elsewhere (status 0)" sh -c "[ \$(cat '$tmp/fr/report.rc') -eq 0 ] && grep -q 'DEMO-1' '$tmp/fr/x.txt'"
	check "export --force onto the full disk: status 4, one line" sh -c "[ \$(cat '$tmp/fr/onto.rc') -eq 4 ] && [ \$(wc -l <'$tmp/fr/onto.err') -eq 1 ]"
	check "... the earlier file is kept, and no part of the new one is left" sh -c "[ \"\$(cat '$tmp/fr/old.json')\" = 'an earlier export' ] && [ \"\$(cat '$tmp/fr/ls' | tr '\n' ' ')\" = 'f.db fill old.json ' ]"
	check "... the database is byte for byte as it was" test -e "$tmp/fr/same"
else
	skip "reading on a full disk" "no tmpfs can be mounted here (needs root or user namespaces)"
fi

# --- the manual --------------------------------------------------------------------------------
check "mellan(1) is clean under mandoc -Tlint" sh -c "mandoc -Tlint -W warning '$top/man/mellan.1' >/dev/null 2>&1"
for w in "backup [--db file] [--force] out" "--force" "full disk" "read-only directory" \
	"damaged" "never replaced"; do
	check "mellan(1) speaks of '$w'" sh -c "mandoc -Tutf8 '$top/man/mellan.1' | col -b | grep -qF -- '$w'"
done
check "mellan(1) gives --force to report and export" sh -c "[ \$(mandoc -Tutf8 '$top/man/mellan.1' | col -b | grep -c -- '-o file \[--force\]\|-o out \[--force\]') -ge 2 ]"

# What is checked and what is skipped depend on the machine (root, strace, namespaces).
done_testing
