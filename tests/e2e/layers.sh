#!/bin/sh
# layers.sh - the rule of the three rooms (what a thing is lives in core/, how it is kept in db/,
# how it is shown in tui/): core/ includes neither curses nor
# SQLite nor anything of db/ or tui/; db/ includes no curses and nothing of tui/; SQLite is
# included only in db/. Speaks TAP.
. "$(dirname "$0")/lib/tap.sh"
layer() { # description, directory, extended regex that must match no include line there
	hits=$(grep -nE "^[[:space:]]*#[[:space:]]*include[[:space:]]*[<\"]($3)" "$top/$2"/*.[ch])
	if [ -z "$hits" ]; then
		ok "$1"
	else
		not_ok "$1"
		echo "$hits" | sed 's/^/#   /'
	fi
}
layer "core/ includes neither curses nor SQLite" core 'n?curses|sqlite3'
layer "core/ includes nothing of db/ or tui/" core 'db/|tui/'
layer "db/ includes no curses" db 'n?curses'
layer "db/ includes nothing of tui/" db 'tui/'
layer "tui/ reaches SQLite only through the store" tui 'sqlite3|db/'
layer "db/ includes neither libzip nor expat" db 'zip\.h|expat\.h'
layer "tui/ includes neither libzip nor expat" tui 'zip\.h|expat\.h'
# In core/, the .xlsx reader alone: xlsx.c and xlsx_sheet.c through xlsx_int.h.
hits=$(grep -lE "^[[:space:]]*#[[:space:]]*include[[:space:]]*[<\"](zip\.h|expat\.h)" "$top"/core/*.[ch] |
	grep -vE "/core/xlsx(_int\.h|\.c|_sheet\.c)$")
if [ -z "$hits" ]; then
	ok "libzip and expat only behind the .xlsx reader in core/"
else
	not_ok "libzip and expat only behind the .xlsx reader in core/"
	echo "$hits" | sed 's/^/#   /'
fi
# The computations of core/ take loaded data and return results (the link of their unit tests and
# `make check-pure` hold them to it); only the edge's headers bring in the store's ports.
hits=$(grep -lE '^[[:space:]]*#[[:space:]]*include[[:space:]]*"store' "$top"/core/*.h |
	grep -vE '/(store[a-z_]*|load|seed|commands|import_rows|import_int|output|privacy)\.h$')
if [ -z "$hits" ]; then
	ok "only the edge's headers in core/ include a store port"
else
	not_ok "only the edge's headers in core/ include a store port"
	echo "$hits" | sed 's/^/#   /'
fi
done_testing 9
