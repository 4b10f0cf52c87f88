/* prepared.c - statements kept prepared for the length of an import or a merge, which runs the
 * same few statements once per record: preparing them each time would cost more than running
 * them. The cache is the store's own, so two stores open in one process (a merge reads another
 * file; a test opens several) never hand each other a statement. */
#include "private.h"

#include "core/xalloc.h"

#include <stdlib.h>
#include <string.h>

#define PQ_SLOTS 48

struct pq_slot {
	char *sql;
	sqlite3_stmt *st;
	bool busy; /* handed out by pq_prepare, not yet back through pq_finish */
};

struct pq_cache {
	struct pq_slot slot[PQ_SLOTS];
	size_t next; /* where the next statement goes when all slots are taken */
};

void pq_prepare(struct q *q, struct store *s, const char *sql)
{
	if (!s->pq)
		s->pq = xcalloc(1, sizeof *s->pq);
	struct pq_slot *slot = s->pq->slot;
	for (size_t i = 0; i < PQ_SLOTS; i++)
		if (slot[i].st && !slot[i].busy && strcmp(slot[i].sql, sql) == 0) {
			memset(q, 0, sizeof *q);
			q->s = s;
			q->st = slot[i].st;
			q->pooled = true;
			slot[i].busy = true;
			return;
		}
	q_prepare_new(q, s, sql);
	if (q->rc != SQLITE_OK)
		return;
	for (size_t n = 0; n < PQ_SLOTS; n++) {
		struct pq_slot *e = &slot[(s->pq->next + n) % PQ_SLOTS];
		if (e->busy)
			continue;
		sqlite3_finalize(e->st);
		free(e->sql);
		*e = (struct pq_slot){xstrdup(sql), q->st, true};
		q->pooled = true;
		s->pq->next = (s->pq->next + n + 1) % PQ_SLOTS;
		return;
	}
}

enum mstatus pq_finish(struct q *q, struct merr *err)
{
	q->pooled = false; /* from here on, q_finish() finalizes */
	struct pq_slot *slot = q->s && q->s->pq ? q->s->pq->slot : NULL;
	for (size_t i = 0; slot && q->st && i < PQ_SLOTS; i++) {
		if (slot[i].st != q->st)
			continue;
		if (q->rc != SQLITE_OK || q->bad) {
			free(slot[i].sql);
			slot[i] = (struct pq_slot){0};
			return q_finish(q, err); /* finalizes it, and says what went wrong */
		}
		sqlite3_reset(q->st);
		sqlite3_clear_bindings(q->st);
		slot[i].busy = false;
		q->st = NULL;
		return M_OK;
	}
	return q_finish(q, err);
}

void pq_clear(struct store *s)
{
	free(s->uuid_sql);
	s->uuid_sql = NULL;
	if (!s->pq)
		return;
	for (size_t i = 0; i < PQ_SLOTS; i++) {
		sqlite3_finalize(s->pq->slot[i].st);
		free(s->pq->slot[i].sql);
	}
	free(s->pq);
	s->pq = NULL;
}
