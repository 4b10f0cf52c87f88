#!/bin/sh
# docs.sh - what the README and mellan(1) promise a new user, tried as they read it: the "Use"
# section's commands run as a fresh build has them (./mellan); LANGUAGE=sv with a build in its
# source tree speaks Swedish without an install; the README says how long make check takes; the
# SYNOPSIS, as mandoc renders it, has one command per line. Speaks TAP.
. "$(dirname "$0")/lib/tap.sh"
need mandoc

# --- Swedish from the source tree ---------------------------------------------------------------
# The tests' binary is build/NAME/mellan in the tree; after make, ./mellan is at its top. Neither
# is installed, and neither is told where the translations are.
sv_help() { # binary: --help in Swedish with LANGUAGE=sv and nothing else
	env -i HOME="$tmp/home" PATH="$PATH" LANGUAGE=sv "$1" --help 2>&1 | head -n 1 |
		grep -q '^Användning'
}
check "LANGUAGE=sv build/…/mellan in the source tree speaks Swedish, uninstalled" sv_help "$bin"
mkdir -p "$tmp/tree/po" "$tmp/tree/build"
ln -s "$top/build/locale" "$tmp/tree/build/locale"
cp "$bin" "$tmp/tree/mellan"
check "LANGUAGE=sv ./mellan at the top of a built tree speaks Swedish" sv_help "$tmp/tree/mellan"
check "MELLAN_LOCALEDIR still decides where it is set" sh -c \
	"env -i HOME='$tmp/home' PATH='$PATH' LANGUAGE=sv MELLAN_LOCALEDIR='$tmp/none' '$bin' --help | head -n 1 | grep -q '^Usage'"

# --- the README ---------------------------------------------------------------------------------
use_section() { sed -n '/^## Use/,/^#/p' "$top/README.md"; }
use_ok() {
	# Every command of the section's examples is one a fresh build runs: ./mellan, or man -l.
	bad=$(use_section | sed -n '/^```sh/,/^```/p' | grep -v '^```' |
		grep -Ev '^(LANGUAGE=sv )?(\./mellan|man -l|make) ' || true)
	[ -z "$bad" ] || { echo "$bad" | sed 's/^/# not as a fresh build runs it: /'; return 1; }
	use_section | grep -q '^\./mellan '
}
check "README, Use: the commands are ./mellan, as make leaves it" use_ok
check "README: make check says it takes minutes" sh -c \
	"grep -A3 '^\`make check\` builds' '$top/README.md' | grep -Eq 'about [0-9]+ minutes' && ! grep -q 'about TIME' '$top/README.md'"

# --- mellan(1): the SYNOPSIS as rendered --------------------------------------------------------
synopsis_ok() {
	mandoc -Tascii "$top/man/mellan.1" | sed 's/.\x08//g' | sed -n '/^SYNOPSIS/,/^DESCRIPTION/p' |
		python3 -c '
import sys
lines = [l.strip() for l in sys.stdin.read().split("\n")[1:-2]]
# A line of its own starts with "mellan"; an indented one goes on the one before.
uses = []
for l in lines:
    if l.startswith("mellan"):
        uses.append(l.split())
    elif l and uses:
        uses[-1] += l.split()
commands = {u[1] for u in uses if len(u) > 1 and u[1].isalpha()}
bad = [" ".join(u) for u in uses if sum(w in commands for w in u[1:]) > 1]
for b in bad:
    print("# two commands on one line: " + b)
sys.exit(1 if bad or len(commands) < 10 else 0)'
}
check "mellan(1) rendered: the SYNOPSIS has one command per line" synopsis_ok

done_testing 6
