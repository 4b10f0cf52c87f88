#!/bin/sh
# cli.sh - the command line as scripts meet it: exit statuses, one-line errors, refusals that
# leave the file byte-for-byte unchanged, expected output of `list`. Speaks TAP.
. "$(dirname "$0")/lib/tap.sh"
mode_of() { stat -c %a "$1"; }

# --- help and version ---------------------------------------------------------------------
run --version
check "--version exits 0 and names the version" \
	sh -c "[ $(rc) -eq 0 ] && grep -Eq '^mellan [0-9]+\.[0-9]+\.[0-9]+$' '$tmp/out'"
run --help
check "--help exits 0 and shows every command" \
	sh -c "[ $(rc) -eq 0 ] && grep -q 'mellan init' '$tmp/out' && grep -q 'mellan list' '$tmp/out'"

# --- usage errors: status 2, one line --------------------------------------------------------
for args in "--bogus" "frobnicate" "init" "list extra" "--db" "list --demo" "--demo --db x"; do
	# shellcheck disable=SC2086
	run $args
	check "usage error for '$args': status 2, one line" sh -c "[ $(rc) -eq 2 ]" && :
	check "usage error for '$args' says where to look" one_line_err
done

# --- init ----------------------------------------------------------------------------------
run init "$tmp/a.db"
check "init creates a database (status 0)" sh -c "[ $(rc) -eq 0 ] && [ -s '$tmp/a.db' ]"
check "the new database is private (0600)" sh -c "[ $(mode_of "$tmp/a.db") = 600 ]"
check "no -wal or -shm is left beside it" sh -c "[ ! -e '$tmp/a.db-wal' ] && [ ! -e '$tmp/a.db-shm' ]"
cp "$tmp/a.db" "$tmp/a.copy"
run init "$tmp/a.db"
check "init refuses an existing file (status 4)" sh -c "[ $(rc) -eq 4 ]"
check "... with one line naming the file" sh -c "grep -qF '$tmp/a.db' '$tmp/err'"
check "... and leaves it byte-for-byte unchanged" cmp -s "$tmp/a.db" "$tmp/a.copy"
run init "$tmp/new/dir/b.db"
check "init creates missing directories, private (0700)" \
	sh -c "[ $(rc) -eq 0 ] && [ $(mode_of "$tmp/new/dir" 2>/dev/null || echo x) = 700 ]"

# --- list ----------------------------------------------------------------------------------
run list --db "$tmp/a.db"
check "list of a new database: header only" \
	sh -c "[ $(rc) -eq 0 ] && [ \$(wc -l <'$tmp/out') -eq 1 ] && grep -q '^CASE' '$tmp/out'"

run init --demo "$tmp/demo.db"
check "init --demo (status 0)" sh -c "[ $(rc) -eq 0 ]"
run list --db "$tmp/demo.db"
check "list of the demo matches the expected output" cmp -s "$tmp/out" "$top/tests/data/list_demo.expected"
[ "$(rc)" -eq 0 ] || cat "$tmp/err" >&2
cmp -s "$tmp/out" "$top/tests/data/list_demo.expected" || diff "$top/tests/data/list_demo.expected" "$tmp/out" >&2
cp "$tmp/demo.db" "$tmp/demo.copy"
run list --db "$tmp/demo.db"
check "list does not change the file" cmp -s "$tmp/demo.db" "$tmp/demo.copy"
ENV_EXTRA="MELLAN_DB=$tmp/demo.db" run list
check "MELLAN_DB names the default file" cmp -s "$tmp/out" "$top/tests/data/list_demo.expected"

# The default file: XDG_DATA_HOME, then HOME.
ENV_EXTRA="XDG_DATA_HOME=$tmp/xdg" run list
check "without --db, list looks in \$XDG_DATA_HOME/mellan/mellan.db (status 3)" \
	sh -c "[ $(rc) -eq 3 ] && grep -qF '$tmp/xdg/mellan/mellan.db' '$tmp/err'"
check "... and says how to create it" sh -c "grep -q 'mellan init' '$tmp/err'"
run list
check "without XDG_DATA_HOME, list looks in ~/.local/share/mellan/mellan.db" \
	sh -c "[ $(rc) -eq 3 ] && grep -qF '$tmp/home/.local/share/mellan/mellan.db' '$tmp/err'"
check "a missing file is not created by list" sh -c "[ ! -e '$tmp/home/.local/share/mellan' ]"

# --- refusals: status 3, one line naming the file, the file unchanged, nothing beside it -----
refuse() { # description, file
	what=$1
	f=$2
	cp "$f" "$tmp/before"
	run list --db "$f"
	check "$what: status 3" sh -c "[ $(rc) -eq 3 ]"
	check "$what: one line naming the file" sh -c "grep -qF '$f' '$tmp/err' && [ \$(wc -l <'$tmp/err') -eq 1 ]"
	check "$what: file byte-for-byte unchanged" cmp -s "$f" "$tmp/before"
	check "$what: no -wal/-shm made beside it" sh -c "[ ! -e '$f-wal' ] && [ ! -e '$f-shm' ]"
}
printf 'Kära dagbok,\nidag var en bra dag.\n' >"$tmp/text.db"
refuse "a text file" "$tmp/text.db"
: >"$tmp/empty.db"
refuse "an empty file" "$tmp/empty.db"
head -c 3000 "$tmp/demo.db" >"$tmp/trunc.db"
refuse "a truncated database" "$tmp/trunc.db"
sqlite3 "$tmp/other.db" "create table recipes(name text); insert into recipes values('kanelbulle');"
refuse "another program's SQLite file" "$tmp/other.db"
cp "$tmp/demo.db" "$tmp/newer.db"
sqlite3 "$tmp/newer.db" "pragma user_version=99;"
refuse "a newer mellan's file" "$tmp/newer.db"
check "... which says to upgrade" err_has "upgrade"
run list --db "$tmp/nonexistent.db"
check "a missing file: status 3 and names it" \
	sh -c "[ $(rc) -eq 3 ] && grep -qF '$tmp/nonexistent.db' '$tmp/err'"

# --- the man page --------------------------------------------------------------------------
check "man page is clean under mandoc -Tlint" sh -c "mandoc -Tlint -W warning '$top/man/mellan.1' >/dev/null 2>&1"
for w in init list --db --demo --help --version MELLAN_DB XDG_DATA_HOME NO_COLOR "EXIT STATUS"; do
	check "man page documents $w" sh -c "mandoc -Tutf8 '$top/man/mellan.1' | col -b | grep -qF -- '$w'"
done
done_testing 65
