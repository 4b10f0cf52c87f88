/* fuzz.h - what the fuzz targets of tests/fuzz/ share: a private temporary directory removed at
 * exit, whole files written, read and compared, mellan databases made once per process and
 * copied for each input, and FZ_CHECK, which stops the run when a property the program promises
 * does not hold (a silent change is as much a finding as a crash).
 *
 * Each target defines LLVMFuzzerInitialize and LLVMFuzzerTestOneInput. `make fuzz` links them
 * with libFuzzer (clang); replay.c gives them a main() that runs a corpus once, so make check
 * replays every seed and every input that once failed with the ordinary sanitizer build. */
#ifndef MELLAN_FUZZ_H
#define MELLAN_FUZZ_H

#include "core/commands.h"
#include "core/store.h"

#include <ftw.h>
#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
/* Defined by a target whose corpus must reach something as a whole (replay.c). */
int fz_replay_summary(void);

#define FZ_CHECK(cond, ...)                                                                        \
	do {                                                                                       \
		if (!(cond)) {                                                                     \
			fprintf(stderr, "fuzz: %s:%d: %s: ", __FILE__, __LINE__, #cond);           \
			fprintf(stderr, __VA_ARGS__);                                              \
			fputc('\n', stderr);                                                       \
			abort();                                                                   \
		}                                                                                  \
	} while (0)

static char fz_dir_name[256];

static inline int fz_rm_one(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb;
	(void)flag;
	(void)ftw;
	return remove(path);
}

static inline void fz_cleanup(void)
{
	if (fz_dir_name[0])
		nftw(fz_dir_name, fz_rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

/* The process's own directory; also HOME and XDG_CONFIG_HOME, so nothing of the user's is read
 * or written (the TUI keeps the facilitator's initials there). */
static inline const char *fz_dir(void)
{
	if (!fz_dir_name[0]) {
		const char *base = getenv("TMPDIR");
		snprintf(fz_dir_name, sizeof fz_dir_name, "%s/mellan-fuzz-XXXXXX",
		         base && *base ? base : "/tmp");
		if (!mkdtemp(fz_dir_name)) {
			perror("mkdtemp");
			exit(4);
		}
		atexit(fz_cleanup);
		setenv("HOME", fz_dir_name, 1);
		setenv("XDG_CONFIG_HOME", fz_dir_name, 1);
		setlocale(LC_ALL, "C.UTF-8");
	}
	return fz_dir_name;
}

/* A path in the directory: buf must hold 300 bytes. */
static inline char *fz_path(char *buf, const char *name)
{
	snprintf(buf, 300, "%s/%s", fz_dir(), name);
	return buf;
}

static inline void fz_write(const char *path, const void *data, size_t n)
{
	FILE *f = fopen(path, "wb");
	FZ_CHECK(f != NULL, "cannot write %s", path);
	FZ_CHECK(n == 0 || fwrite(data, 1, n, f) == n, "cannot write %s", path);
	FZ_CHECK(fclose(f) == 0, "cannot write %s", path);
}

/* The whole file, NUL-terminated, or NULL when there is none. */
static inline char *fz_read(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	size_t len = 0, cap = 4096;
	char *buf = malloc(cap + 1);
	FZ_CHECK(buf != NULL, "out of memory");
	size_t r;
	while ((r = fread(buf + len, 1, cap - len, f)) > 0) {
		len += r;
		if (len == cap) {
			cap *= 2;
			buf = realloc(buf, cap + 1);
			FZ_CHECK(buf != NULL, "out of memory");
		}
	}
	fclose(f);
	buf[len] = '\0';
	*n = len;
	return buf;
}

static inline void fz_copy(const char *from, const char *to)
{
	size_t n;
	char *data = fz_read(from, &n);
	FZ_CHECK(data != NULL, "cannot read %s", from);
	fz_write(to, data, n);
	free(data);
}

static inline int fz_exists(const char *path)
{
	return access(path, F_OK) == 0;
}

/* The database and whatever SQLite keeps beside it. */
static inline void fz_remove_db(const char *path)
{
	char side[320];
	unlink(path);
	snprintf(side, sizeof side, "%s-wal", path);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", path);
	unlink(side);
	snprintf(side, sizeof side, "%s-journal", path);
	unlink(side);
}

/* A new mellan database at path (with the demo cases when demo is set), closed again. */
static inline void fz_init_db(const char *path, int demo)
{
	struct merr err = {0};
	fz_remove_db(path);
	FZ_CHECK(cmd_init(path, demo != 0, &err) == M_OK, "init %s: %s", path, err.msg);
}

static inline struct store *fz_open(const char *path)
{
	struct store *s = NULL;
	struct merr err = {0};
	FZ_CHECK(store_open(path, 0, &s, &err) == M_OK, "open %s: %s", path, err.msg);
	return s;
}

/* What the store exports of all its cases: the canonical picture of its records. */
static inline char *fz_export(struct store *s, size_t *n)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	FZ_CHECK(f != NULL, "open_memstream");
	struct merr err = {0};
	enum mstatus st = store_export_json(s, NULL, 0, f, &err);
	fclose(f);
	FZ_CHECK(st == M_OK, "export: %s", err.msg);
	*n = len;
	return buf;
}

static inline void fz_integrity(struct store *s, const char *what)
{
	struct merr err = {0};
	FZ_CHECK(store_check_integrity(s, &err) == M_OK, "%s: %s", what, err.msg);
}

/* A fresh copy of the database template (made once per process with fz_init_db) at path, open. */
static inline struct store *fz_fresh(const char *template_path, const char *path)
{
	fz_remove_db(path);
	fz_copy(template_path, path);
	return fz_open(path);
}

/* The records of s, exported, imported into a new database and exported again, come out the
 * same: nothing is lost or changed on the way through a file. scratch: a path to use. */
static inline void fz_round_trip(struct store *s, const char *empty_template, const char *scratch)
{
	size_t n1, n2;
	char *first = fz_export(s, &n1);
	struct store *t = fz_fresh(empty_template, scratch);
	struct store_exchange_report rep = {0};
	struct merr err = {0};
	FZ_CHECK(store_import_json(t, "export", first, n1, &rep, NULL, NULL, &err) == M_OK,
	         "the export is refused on import: %s", err.msg);
	char *second = fz_export(t, &n2);
	FZ_CHECK(n1 == n2 && memcmp(first, second, n1) == 0,
	         "the export changes through an import:\n%s\n---\n%s", first, second);
	store_close(&t);
	fz_remove_db(scratch);
	free(first);
	free(second);
}

#endif
