/* lanes.c - how long the lanes view's layout takes, beside what it cannot do without: reading
 * the journey from the file. Each redraw of the lanes lays the journey out once; this lays out
 * the longest journey of FILE at every zoom of both scales, many times, and loads it as often.
 * Usage: bench_lanes FILE ROUNDS */
#include "core/lanes.h"
#include "core/store_read.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now_us(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: bench_lanes FILE ROUNDS\n");
		return 2;
	}
	setlocale(LC_ALL, "C.UTF-8");
	long rounds = strtol(argv[2], NULL, 10);
	struct merr err = {0};
	struct store *s = NULL;
	struct m_case_list cases = {0};
	struct m_actor_list actors = {0};
	struct m_threshold_list th = {0};
	if (store_open(argv[1], STORE_READONLY, &s, &err) != M_OK ||
	    store_case_list(s, &cases, &err) != M_OK ||
	    store_actor_list(s, &actors, &err) != M_OK ||
	    store_threshold_list(s, &th, &err) != M_OK || cases.n == 0) {
		fprintf(stderr, "bench_lanes: %s\n", cases.n ? err.msg : "no cases");
		return 3;
	}
	m_id longest = cases.items[0].id;
	int most = 0;
	for (size_t i = 0; i < cases.n; i++)
		if (cases.items[i].n_steps > most) {
			most = cases.items[i].n_steps;
			longest = cases.items[i].id;
		}
	struct m_journey j = {0};
	double t0 = now_us();
	for (long r = 0; r < rounds; r++) {
		m_journey_clear(&j);
		if (store_journey_load(s, longest, &j, &err) != M_OK) {
			fprintf(stderr, "bench_lanes: %s\n", err.msg);
			return 3;
		}
	}
	double load = (now_us() - t0) / (double)rounds;
	t0 = now_us();
	for (long r = 0; r < rounds; r++) {
		for (int sc = 0; sc < 2; sc++) {
			for (int z = 0; z < LANES_ZOOMS; z++) {
				struct lanes_layout l;
				lanes_build(&j, &actors, &th, (enum lanes_scale)sc, z, &l);
				lanes_clear(&l);
			}
		}
	}
	double lay = (now_us() - t0) / (double)rounds / (2 * LANES_ZOOMS);
	printf("lanes layout of a %d-step journey: %.1f us a layout; floor, loading that journey "
	       "from the file: %.1f us; ratio %.2f\n",
	       most, lay, load, lay / load);
	m_journey_clear(&j);
	m_case_list_clear(&cases);
	m_actor_list_clear(&actors);
	m_threshold_list_clear(&th);
	store_close(&s);
	return 0;
}
