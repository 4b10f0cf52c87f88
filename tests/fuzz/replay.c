/* replay.c - a main() for a fuzz target without libFuzzer: runs every file of its corpus once,
 * in name order, one TAP line each. make check builds it with the ordinary compiler and the
 * sanitizers, so the seeds and every input that once crashed or broke a promise are run again
 * on each check; a crash ends the program, and the line before it names the input.
 * Usage: test_fuzz_NAME [FILE|DIR]...; without arguments $MELLAN_TOP/tests/fuzz/NAME/. */
#include "fuzz.h"

#include <dirent.h>

static int n_run;

/* A target may say what its corpus as a whole must reach (the screens of the TUI): the number
 * of things missed, each on a comment line. */
int fz_replay_summary(void) __attribute__((weak));

static void run_file(const char *path)
{
	size_t n;
	char *data = fz_read(path, &n);
	if (!data) {
		printf("not ok %d - %s: cannot read it\n", ++n_run, path);
		return;
	}
	printf("# %s\n", path);
	fflush(stdout);
	LLVMFuzzerTestOneInput((const uint8_t *)data, n);
	free(data);
	printf("ok %d - %s\n", ++n_run, path);
	fflush(stdout);
}

static int no_dot(const struct dirent *e)
{
	return e->d_name[0] != '.';
}

static void run_path(const char *path)
{
	struct stat sb;
	if (stat(path, &sb) != 0 || !S_ISDIR(sb.st_mode)) {
		run_file(path);
		return;
	}
	struct dirent **names;
	int k = scandir(path, &names, no_dot, alphasort);
	if (k < 0) {
		printf("not ok %d - %s: cannot list it\n", ++n_run, path);
		return;
	}
	for (int i = 0; i < k; i++) {
		char file[1024];
		snprintf(file, sizeof file, "%s/%s", path, names[i]->d_name);
		run_file(file);
		free(names[i]);
	}
	free(names);
}

int main(int argc, char **argv)
{
	LLVMFuzzerInitialize(&argc, &argv);
	if (argc > 1) {
		for (int i = 1; i < argc; i++)
			run_path(argv[i]);
	} else {
		const char *top = getenv("MELLAN_TOP");
		char dir[1024];
		snprintf(dir, sizeof dir, "%s/tests/fuzz/%s", top && *top ? top : ".", FUZZ_TARGET);
		run_path(dir);
	}
	if (fz_replay_summary) {
		int missed = fz_replay_summary();
		printf("%sok %d - the corpus of %s reaches all it must\n", missed ? "not " : "",
		       ++n_run, FUZZ_TARGET);
	}
	printf("1..%d\n", n_run);
	return n_run > 0 ? 0 : 1;
}
