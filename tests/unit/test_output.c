/* test_output.c - the one way mellan writes a file the user named (core/output.h): a new file
 * private and whole, an existing one only with OUTPUT_FORCE and keeping its permissions, never
 * anything but a regular file, never the database or a file this process has open. */
#include "testutil.h"

#include "core/output.h"
#include "core/store.h"

#include "storeutil.h"

#include <dirent.h>

/* Files in the test directory whose name starts with prefix. */
static int files_like(const char *prefix)
{
	DIR *d = opendir(tu_tmpdir());
	assert_non_null(d);
	int n = 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL)
		n += strncmp(e->d_name, prefix, strlen(prefix)) == 0;
	closedir(d);
	return n;
}

static enum mstatus write_out(const char *path, unsigned flags, const struct store *s,
                              const char *text, struct merr *err)
{
	struct output o;
	enum mstatus st = output_open(&o, path, flags, s, err);
	if (st != M_OK)
		return st;
	fputs(text, o.fp);
	return output_commit(&o, err);
}

static void assert_holds(const char *path, const char *text)
{
	size_t n;
	char *now = tu_read(path, &n);
	assert_int_equal(n, strlen(text));
	assert_memory_equal(now, text, n);
	free(now);
}

static void test_new_file(void **state)
{
	(void)state;
	char path[512];
	tu_path(path, sizeof path, "new.txt");
	struct merr err = {0};
	assert_int_equal(write_out(path, 0, NULL, "hej\n", &err), M_OK);
	assert_holds(path, "hej\n");
	assert_int_equal(tu_file_mode(path), 0600);
	assert_int_equal(files_like("new.txt"), 1);
	/* discarded: nothing left, nothing replaced */
	struct output o;
	assert_int_equal(output_open(&o, path, OUTPUT_FORCE, NULL, &err), M_OK);
	fputs("half", o.fp);
	output_discard(&o);
	assert_holds(path, "hej\n");
	assert_int_equal(files_like("new.txt"), 1);
}

static void test_existing_only_with_force(void **state)
{
	(void)state;
	char path[512];
	tu_path(path, sizeof path, "theirs.txt");
	tu_write(path, "theirs\n", 7);
	chmod(path, 0644);
	struct merr err = {0};
	assert_int_equal(write_out(path, 0, NULL, "mine\n", &err), M_OTHER);
	assert_int_equal(err.reason, MR_EXISTS);
	assert_non_null(strstr(err.msg, path));
	assert_non_null(strstr(err.msg, "--force"));
	assert_holds(path, "theirs\n");
	assert_int_equal(write_out(path, OUTPUT_FORCE, NULL, "mine\n", &err), M_OK);
	assert_holds(path, "mine\n");
	assert_int_equal(tu_file_mode(path), 0644);
	assert_int_equal(files_like("theirs.txt"), 1);
}

static void assert_never(const char *path, const struct store *s, enum mstatus want)
{
	struct merr err = {0};
	struct output o;
	assert_int_equal(output_open(&o, path, OUTPUT_FORCE, s, &err), want);
	assert_non_null(strstr(err.msg, path));
}

static void test_never_replaced(void **state)
{
	(void)state;
	char fifo[512], dir[512], to_fifo[512], dangling[512], real[512], link[512];
	tu_path(fifo, sizeof fifo, "fifo");
	tu_path(dir, sizeof dir, "dir");
	tu_path(to_fifo, sizeof to_fifo, "to-fifo");
	tu_path(dangling, sizeof dangling, "dangling");
	assert_int_equal(mkfifo(fifo, 0600), 0);
	assert_int_equal(mkdir(dir, 0700), 0);
	assert_int_equal(symlink(fifo, to_fifo), 0);
	assert_int_equal(symlink("nowhere", dangling), 0);
	assert_never(fifo, NULL, M_OTHER);
	assert_never(dir, NULL, M_OTHER);
	assert_never(to_fifo, NULL, M_OTHER);
	assert_never(dangling, NULL, M_OTHER);
	struct stat sb;
	assert_int_equal(stat(fifo, &sb), 0);
	assert_true(S_ISFIFO(sb.st_mode));
	/* a link to a regular file: the file is replaced, the link stays */
	tu_path(real, sizeof real, "real.txt");
	tu_path(link, sizeof link, "to-real");
	tu_write(real, "old\n", 4);
	assert_int_equal(symlink(real, link), 0);
	struct merr err = {0};
	assert_int_equal(write_out(link, OUTPUT_FORCE, NULL, "new\n", &err), M_OK);
	assert_holds(real, "new\n");
	assert_int_equal(lstat(link, &sb), 0);
	assert_true(S_ISLNK(sb.st_mode));
}

static void test_never_the_database_or_an_open_file(void **state)
{
	(void)state;
	char path[512], p[600];
	struct store *s = su_fresh("base.db", path, sizeof path);
	assert_never(path, s, M_USAGE);
	snprintf(p, sizeof p, "%s-wal", path);
	assert_never(p, s, M_USAGE);
	snprintf(p, sizeof p, "%s/./base.db", tu_tmpdir());
	assert_never(p, s, M_USAGE);
	store_close(&s);
	/* any file this process has open, whatever it is */
	tu_path(p, sizeof p, "open.txt");
	FILE *f = fopen(p, "w");
	assert_non_null(f);
	assert_never(p, NULL, M_USAGE);
	fclose(f);
	struct merr err = {0};
	assert_int_equal(write_out(p, OUTPUT_FORCE, NULL, "now\n", &err), M_OK);
}

int main(void)
{
	tu_init();
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_new_file),
	    cmocka_unit_test(test_existing_only_with_force),
	    cmocka_unit_test(test_never_replaced),
	    cmocka_unit_test(test_never_the_database_or_an_open_file),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
