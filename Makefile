# mellan - build, test, install.
#   make            ./mellan
#   make demo       build and open the TUI on the demo cases
#   make check      build with ASan+UBSan and run every test (unit, command line, TUI in tmux),
#                   JOBS at a time (default: one per core); make check JOBS=1 runs one by one
#   make format-check   fails on a source file not in the .clang-format style (make format fixes it)
#   make bench      benchmarks
#   make fuzz       each libFuzzer target of tests/fuzz/ for FUZZ_TIME seconds (clang)
#   make soak       the kill -9 crash loop of tests/e2e/crash.sh, a thousand rounds
#   make install / make uninstall   honour PREFIX and DESTDIR
# Missing build dependencies are installed by .ci/deps.sh (it says what it installs); set
# NO_DEPS=1 to skip that step, for example when packaging.

VERSION = 0.1.0

PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
MANDIR ?= $(PREFIX)/share/man
LOCALEDIR ?= $(PREFIX)/share/locale
PKG_CONFIG ?= pkg-config
CC ?= cc

PKGS = ncursesw sqlite3 uuid libzip expat
# Our own feature macros below win over the ones ncursesw's pkg-config file adds.
PKG_CFLAGS = $(filter-out -D_XOPEN_SOURCE% -D_DEFAULT_SOURCE,$(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null))
PKG_LIBS = $(shell $(PKG_CONFIG) --libs $(PKGS) 2>/dev/null) -lm
CMOCKA_CFLAGS = $(shell $(PKG_CONFIG) --cflags cmocka 2>/dev/null)
CMOCKA_LIBS = $(shell $(PKG_CONFIG) --libs cmocka 2>/dev/null)
# The workbooks the tests import are written by a real spreadsheet writer, libxlsxwriter.
XLSXW_CFLAGS = $(shell $(PKG_CONFIG) --cflags xlsxwriter 2>/dev/null)
XLSXW_LIBS = $(shell $(PKG_CONFIG) --libs xlsxwriter 2>/dev/null)

CFLAGS ?= -O2 -g
WARNFLAGS = -std=c11 -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
	-Wmissing-prototypes -Wformat=2 -Wvla -Wno-format-nonliteral $(if $(WERROR),-Werror)
ALL_CPPFLAGS = -D_POSIX_C_SOURCE=200809L -D_XOPEN_SOURCE=700 -D_DEFAULT_SOURCE \
	-DMELLAN_VERSION='"$(VERSION)"' -DLOCALEDIR='"$(LOCALEDIR)"' -I. $(CPPFLAGS)

# make check builds into its own directory with the sanitizers, so a normal build is untouched.
BUILD ?= build/release
ifeq ($(SAN),1)
SANFLAGS = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
endif
ifeq ($(SAN),fuzz)
SANFLAGS = -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer \
	-fno-sanitize-recover=undefined
endif
COMPILE = $(CC) $(WARNFLAGS) $(CFLAGS) $(SANFLAGS) $(ALL_CPPFLAGS) $(PKG_CFLAGS) -MMD -MP
LINK = $(CC) $(CFLAGS) $(SANFLAGS) $(LDFLAGS)

CORE_SRC = $(sort $(wildcard core/*.c))
DB_SRC = $(sort $(wildcard db/*.c))
TUI_SRC = $(sort $(wildcard tui/*.c))
UNIT_SRC = $(sort $(wildcard tests/unit/test_*.c))

CORE_OBJ = $(CORE_SRC:%.c=$(BUILD)/%.o)
# core/ in two parts. The pure part computes on what it is given and returns results; it links
# without db/ and SQLite. The edge talks to the store: the commands, loading for the analysis,
# seeding a new file, import (with its readers: the .xlsx one links libzip and expat), the
# privacy walk over a file, outputs beside the database. A file of core/ is pure unless it is
# named here.
CORE_EDGE_SRC = $(wildcard core/cmd_*.c) core/load.c core/seed.c core/output.c \
	core/privacy_walk.c $(filter-out core/import_match.c,$(wildcard core/import_*.c)) \
	core/xlsx.c core/xlsx_sheet.c
CORE_PURE_OBJ = $(filter-out $(CORE_EDGE_SRC:%.c=$(BUILD)/%.o),$(CORE_OBJ))
DB_OBJ = $(DB_SRC:%.c=$(BUILD)/%.o)
TUI_OBJ = $(TUI_SRC:%.c=$(BUILD)/%.o)
# Unit tests link everything but main(), so the key table can be checked against the man page.
LIB_OBJ = $(CORE_OBJ) $(DB_OBJ) $(filter-out $(BUILD)/tui/main.o,$(TUI_OBJ))
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
# The unit tests of the pure core link against it alone, without -lsqlite3: a call into the
# store from a pure file breaks their build.
PURE_UNIT_BIN = $(patsubst %,$(BUILD)/tests/test_%,analysis contrast error fuzzytime lanes \
	report silence text import_match worked factors places)
PURE_LIBS = $(shell $(PKG_CONFIG) --libs uuid 2>/dev/null) -lm
BENCH_BIN = $(BUILD)/tests/bench_gen
# Fuzz targets (tests/fuzz/): libFuzzer binaries for make fuzz, and for make check a replay of
# each one's corpus built with the ordinary compiler.
FUZZ_TARGETS = time privacy json csv open merge keys
FUZZ_TIME ?= 60
FUZZ_REPLAY = $(FUZZ_TARGETS:%=$(BUILD)/tests/test_fuzz_%)

PO = $(sort $(wildcard po/*.po))
MO = $(PO:po/%.po=build/locale/%/LC_MESSAGES/mellan.mo)

.PHONY: all deps demo check unit e2e bench fuzz soak install uninstall clean pot update-po lint-man \
	format format-check FORCE
.PHONY: check-pure

all: deps ./mellan $(MO)

deps:
	@[ -n "$(NO_DEPS)" ] || sh .ci/deps.sh

./mellan: $(BUILD)/mellan
	cp $< $@

$(BUILD)/mellan: $(TUI_OBJ) $(CORE_OBJ) $(DB_OBJ)
	$(LINK) -o $@ $^ $(PKG_LIBS)

$(BUILD)/%.o: %.c
	@mkdir -p $(@D)
	$(COMPILE) -c -o $@ $<

# main.c has LOCALEDIR built in: a new PREFIX or LOCALEDIR rebuilds it, or `make install
# PREFIX=/usr` after `make` would install translations where the program never looks.
$(BUILD)/localedir: FORCE
	@mkdir -p $(@D)
	@echo '$(LOCALEDIR)' | cmp -s - $@ || echo '$(LOCALEDIR)' >$@
$(BUILD)/tui/main.o: $(BUILD)/localedir
FORCE:

$(BUILD)/tests/%: tests/unit/%.c $(LIB_OBJ) tests/unit/testutil.h tests/unit/storeutil.h
	@mkdir -p $(@D)
	$(COMPILE) $(CMOCKA_CFLAGS) -o $@ $< $(LIB_OBJ) $(PKG_LIBS) $(CMOCKA_LIBS)

$(BUILD)/tests/test_xlsx: CMOCKA_CFLAGS += $(XLSXW_CFLAGS)
$(BUILD)/tests/test_xlsx: CMOCKA_LIBS += $(XLSXW_LIBS)

$(BUILD)/tests/xlsx_chronology: tests/e2e/xlsx_chronology.c
	@mkdir -p $(@D)
	$(CC) $(WARNFLAGS) $(CFLAGS) $(XLSXW_CFLAGS) -o $@ $< $(XLSXW_LIBS)

$(PURE_UNIT_BIN): $(BUILD)/tests/%: tests/unit/%.c $(CORE_PURE_OBJ) tests/unit/testutil.h \
		tests/unit/memutil.h
	@mkdir -p $(@D)
	$(COMPILE) $(CMOCKA_CFLAGS) -o $@ $< $(CORE_PURE_OBJ) $(PURE_LIBS) $(CMOCKA_LIBS)

# ... and no pure object names the store or SQLite, whether or not a test links it.
check-pure: $(CORE_PURE_OBJ)
	@bad=$$(nm -A -u $(CORE_PURE_OBJ) | grep -E ' U (store_|sqlite3_)'); \
	if [ -n "$$bad" ]; then echo "the pure core calls the store:"; echo "$$bad"; exit 1; fi

$(BUILD)/tests/test_fuzz_%: tests/fuzz/%.c tests/fuzz/replay.c $(wildcard tests/fuzz/*.h) $(LIB_OBJ)
	@mkdir -p $(@D)
	$(COMPILE) -DFUZZ_TARGET='"$*"' -o $@ $< tests/fuzz/replay.c $(LIB_OBJ) $(PKG_LIBS)

$(BUILD)/fuzz/%: tests/fuzz/%.c $(wildcard tests/fuzz/*.h) $(LIB_OBJ)
	@mkdir -p $(@D)
	$(COMPILE) -fsanitize=fuzzer -o $@ $< $(LIB_OBJ) $(PKG_LIBS)

$(BENCH_BIN): tests/bench/gen.c $(LIB_OBJ)
	@mkdir -p $(@D)
	$(COMPILE) -o $@ $< $(LIB_OBJ) $(PKG_LIBS)

$(BUILD)/tests/bench_lanes: tests/bench/lanes.c $(LIB_OBJ)
	@mkdir -p $(@D)
	$(COMPILE) -o $@ $< $(LIB_OBJ) $(PKG_LIBS)

build/locale/%/LC_MESSAGES/mellan.mo: po/%.po
	@mkdir -p $(@D)
	msgfmt --check -o $@ $<

demo: all
	MELLAN_LOCALEDIR=$(CURDIR)/build/locale ./mellan --demo

# Every test, on a build with the address and undefined-behaviour sanitizers; the build and the
# tests both JOBS at a time.
JOBS ?= $(shell getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1)
check: deps
	$(MAKE) --no-print-directory -j$(JOBS) SAN=1 BUILD=build/check $(if $(WERROR),WERROR=1) \
		build/check/mellan check-units $(MO)
	JOBS=$(JOBS) sh tests/run.sh build/check

# bench_gen makes the fifty cases that tests/e2e/print.sh prints.
check-units: $(UNIT_BIN) $(FUZZ_REPLAY) check-pure $(BUILD)/tests/xlsx_chronology $(BENCH_BIN)

# Each fuzz target for FUZZ_TIME seconds (default 60), built with clang's libFuzzer.
fuzz: deps
	$(MAKE) --no-print-directory SAN=fuzz CC=clang BUILD=build/fuzz \
		$(FUZZ_TARGETS:%=build/fuzz/fuzz/%)
	sh tests/fuzz/run.sh build/fuzz $(FUZZ_TIME) $(FUZZ_TARGETS)

# The crash loop of make check (tests/e2e/crash.sh), a thousand rounds instead of a few dozen.
soak: deps
	$(MAKE) --no-print-directory SAN=1 BUILD=build/check build/check/mellan
	CRASH_ROUNDS=$${CRASH_ROUNDS:-1000} sh tests/run.sh build/check e2e_crash

bench: deps
	$(MAKE) --no-print-directory BUILD=build/release build/release/mellan build/release/tests/bench_gen \
		build/release/tests/bench_lanes
	sh tests/bench/scale.sh build/release/mellan build/bench
	sh tests/bench/run.sh build/release

lint-man:
	mandoc -Tlint -W warning man/mellan.1 man/mellan.5

POT ?= po/mellan.pot
pot:
	@mkdir -p $(dir $(POT))
	xgettext --from-code=UTF-8 -k_ -kN_ -kNC_:1c,2 -c/ --package-name=mellan \
		--package-version=$(VERSION) -o $(POT) $(CORE_SRC) $(DB_SRC) $(TUI_SRC)

# After strings change in the code: every translation gets the new messages (empty, or fuzzy
# with the old text as a guess) for a translator to finish; tests/e2e/i18n.sh lists them.
update-po: pot
	for po in $(PO); do msgmerge --quiet --update --backup=none --previous $$po $(POT) \
		|| exit 1; done

FORMAT_SRC = core/*.[ch] db/*.[ch] tui/*.[ch] tests/unit/*.[ch] tests/bench/*.c tests/fuzz/*.[ch]
format:
	clang-format -i $(FORMAT_SRC)
format-check:
	clang-format --dry-run --Werror $(FORMAT_SRC)

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5
	install -m 755 mellan $(DESTDIR)$(BINDIR)/mellan
	install -m 644 man/mellan.1 $(DESTDIR)$(MANDIR)/man1/mellan.1
	install -m 644 man/mellan.5 $(DESTDIR)$(MANDIR)/man5/mellan.5
	for mo in $(MO); do l=$${mo#build/locale/}; l=$${l%%/*}; \
		install -d $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES; \
		install -m 644 $$mo $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/mellan.mo; done

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/mellan $(DESTDIR)$(MANDIR)/man1/mellan.1 $(DESTDIR)$(MANDIR)/man5/mellan.5
	for po in $(PO); do l=$${po#po/}; l=$${l%.po}; \
		rm -f $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/mellan.mo; done

clean:
	rm -rf build mellan tests/out

-include $(shell find build -name '*.d' 2>/dev/null)
