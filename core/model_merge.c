/* model_merge.c - clean-up for the merge report of model_merge.h. */
#include "model_merge.h"

#include <stdlib.h>
#include <string.h>

void m_merge_report_clear(struct m_merge_report *r)
{
	for (size_t i = 0; i < r->n_conflicts; i++) {
		free(r->conflicts[i].what);
		free(r->conflicts[i].field);
		free(r->conflicts[i].ours);
		free(r->conflicts[i].theirs);
	}
	free(r->conflicts);
	memset(r, 0, sizeof *r);
}
