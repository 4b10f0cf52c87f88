#!/bin/sh
# Installs what building and testing mellan needs, when it is missing, with Debian's apt-get
# (through sudo when not root). It says what it installs, and does nothing when all is there.
set -eu

missing=""
need_pkg() { # pkg-config name, Debian package
	pkg-config --exists "$1" 2>/dev/null || missing="$missing $2"
}
need_cmd() { # command, Debian package
	command -v "$1" >/dev/null 2>&1 || missing="$missing $2"
}

need_cmd cc gcc
need_cmd make make
need_cmd pkg-config pkg-config
if command -v pkg-config >/dev/null 2>&1; then
	need_pkg ncursesw libncurses-dev
	need_pkg sqlite3 libsqlite3-dev
	need_pkg uuid uuid-dev
	need_pkg cmocka libcmocka-dev
	# .xlsx workbooks are read with libzip and expat; the tests write theirs with libxlsxwriter.
	need_pkg libzip libzip-dev
	need_pkg expat libexpat1-dev
	need_pkg xlsxwriter libxlsxwriter-dev
else
	missing="$missing libncurses-dev libsqlite3-dev uuid-dev libcmocka-dev libzip-dev"
	missing="$missing libexpat1-dev libxlsxwriter-dev"
fi
need_cmd msgfmt gettext
need_cmd tmux tmux
need_cmd mandoc mandoc
need_cmd sqlite3 sqlite3
# The HTML report is printed to PDF by headless Chromium and its pages read back.
need_cmd chromium chromium
need_cmd pdftotext poppler-utils
# The outputs' order of sync and rename, and a kill -9 in mid-checkpoint, are seen through strace.
need_cmd strace strace
# make fuzz: clang and libFuzzer's runtime (Debian's libclang-rt-dev, for the clang it has);
# CI also builds the whole tree with clang, and make format-check needs clang-format.
need_cmd clang clang
need_cmd clang-format clang-format
if ! command -v clang >/dev/null 2>&1 ||
	[ ! -f "$(clang -print-file-name="libclang_rt.fuzzer-$(uname -m).a")" ]; then
	missing="$missing libclang-rt-dev"
fi

[ -z "$missing" ] && exit 0

echo "mellan: installing build dependencies:$missing" >&2
if [ "$(id -u)" -eq 0 ]; then
	SUDO=""
elif command -v sudo >/dev/null 2>&1; then
	SUDO="sudo"
else
	echo "mellan: need root or sudo to install:$missing" >&2
	exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing >&2
