/* testutil.h - what the unit tests share: cmocka, a private temporary directory per test
 * program (removed at exit), and file helpers for "the file is byte-for-byte unchanged". */
#ifndef MELLAN_TESTUTIL_H
#define MELLAN_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char tu_dir[256];

static void tu_cleanup(void)
{
	if (tu_dir[0]) {
		char cmd[300];
		snprintf(cmd, sizeof cmd, "rm -rf '%s'", tu_dir);
		if (system(cmd) != 0)
			fprintf(stderr, "could not remove %s\n", tu_dir);
	}
}

/* A fresh directory for this test program; UTF-8 ctype so widths are those of a real terminal. */
static inline const char *tu_tmpdir(void)
{
	if (!tu_dir[0]) {
		const char *base = getenv("TMPDIR");
		snprintf(tu_dir, sizeof tu_dir, "%s/mellan-test-XXXXXX", base ? base : "/tmp");
		if (!mkdtemp(tu_dir)) {
			perror("mkdtemp");
			exit(1);
		}
		atexit(tu_cleanup);
	}
	return tu_dir;
}

static inline void tu_init(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	tu_tmpdir();
}

/* A path inside the temporary directory; the returned buffer is static per call site use. */
static inline char *tu_path(char *buf, size_t n, const char *name)
{
	snprintf(buf, n, "%s/%s", tu_tmpdir(), name);
	return buf;
}

static inline void tu_write(const char *path, const void *data, size_t n)
{
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	if (n)
		assert_int_equal(fwrite(data, 1, n, f), n);
	assert_int_equal(fclose(f), 0);
}

/* Whole file into a malloc'd buffer; *n gets its size. */
static inline char *tu_read(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	char *buf = NULL;
	size_t len = 0, cap = 0;
	for (;;) {
		if (len == cap) {
			cap = cap ? cap * 2 : 4096;
			buf = realloc(buf, cap);
			assert_non_null(buf);
		}
		size_t r = fread(buf + len, 1, cap - len, f);
		len += r;
		if (r == 0)
			break;
	}
	fclose(f);
	*n = len;
	return buf;
}

static inline int tu_file_mode(const char *path)
{
	struct stat st;
	if (stat(path, &st) != 0)
		return -1;
	return (int)(st.st_mode & 0777);
}

static inline int tu_exists(const char *path)
{
	return access(path, F_OK) == 0;
}

#endif
