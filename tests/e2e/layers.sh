#!/bin/sh
# layers.sh - the rule of the three rooms (ARCHITECTURE): core/ includes neither curses nor
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
done_testing 5
