/* gen.c - makes the large database the benchmarks read: the default catalogue and N copies of
 * each demo journey, written through the store like any other data.
 * Usage: bench_gen FILE COPIES */
#include "core/seed.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: bench_gen FILE COPIES\n");
		return 2;
	}
	setlocale(LC_ALL, "C.UTF-8");
	struct merr err = {0};
	struct store *s = NULL;
	size_t copies = strtoul(argv[2], NULL, 10);
	if (store_open(argv[1], STORE_CREATE | STORE_EXCLUSIVE, &s, &err) != M_OK ||
	    catalogue_load_defaults(s, &err) != M_OK || demo_generate(s, copies, &err) != M_OK) {
		fprintf(stderr, "bench_gen: %s\n", err.msg);
		store_close(&s);
		return (int)err.status;
	}
	store_close(&s);
	return 0;
}
