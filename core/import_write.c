/* import_write.c - the chronology import's second reading, which writes (import_rows.h): the new
 * actors, then each row's case, step and intervention, in one transaction. */
#include "import_int.h"

#include "i18n.h"
#include "store_edit.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

/* The actors the user said are new, added to the catalogue with a colour each in turn. */
static enum mstatus add_actors(struct importer *im, struct store_exchange_report *rep,
                               struct merr *err)
{
	struct imp_plan *p = &im->plan;
	int colour = (int)(im->catalogue.n % 8);
	for (size_t i = 0; i < p->n_names; i++) {
		struct imp_name *nm = &p->names[i];
		if (nm->actor || nm->sector < 0)
			continue;
		struct m_actor a = {0};
		a.name = xstrdup(nm->name);
		a.sector = (enum m_sector)nm->sector;
		a.colour = colour++ % 8;
		enum mstatus st = store_actor_add(im->s, &a, err);
		if (st == M_OK)
			nm->actor = a.id;
		m_actor_clear(&a);
		if (st != M_OK)
			return st;
		rep->added++;
	}
	return M_OK;
}

/* One row: its step (unless a row with the same content is here already) and the intervention
 * of its actor. */
static enum mstatus write_row(struct importer *im, const struct imp_row *r,
                              struct store_exchange_report *rep, struct merr *err)
{
	struct m_step step = {0};
	imp_content_uuid("step", r, step.uuid);
	bool made;
	struct imp_slot *seen = imp_map_get(&im->seen, step.uuid, &made);
	enum mstatus st = M_OK;
	if (seen->a != SEEN_NEW) {
		/* Not seen by the scan (the file changed since?): asked of the file itself. */
		bool there = seen->a != 0;
		if (!there)
			st = store_record_exists(im->s, step.uuid, &there, err);
		if (st != M_OK || there) {
			rep->same += there;
			return st;
		}
	}
	seen->a = SEEN_WRITTEN;
	struct imp_slot *c = imp_map_get(&im->cases, r->f[IMP_CASE], &made);
	if (made) {
		m_id id;
		int next;
		bool added = false;
		st = store_bulk_case(im->s, r->f[IMP_CASE], &id, &next, &added, err);
		if (st != M_OK)
			return st;
		c->a = id;
		c->b = next;
		rep->added += added;
	}
	step.case_id = c->a;
	step.seq = (int)c->b++;
	step.time = xstrdup_or_null(r->f[IMP_DATE]);
	step.note = xstrdup_or_null(r->f[IMP_NOTE]);
	step.title = imp_title(r->f[IMP_HAPPENED]);
	step.narrative =
	    strcmp(step.title, r->f[IMP_HAPPENED]) != 0 ? xstrdup(r->f[IMP_HAPPENED]) : NULL;
	st = store_bulk_step(im->s, &step, err);
	rep->added += st == M_OK;
	if (st == M_OK && r->actor) {
		struct m_intervention iv = {0};
		imp_content_uuid("intervention", r, iv.uuid);
		iv.case_id = step.case_id;
		iv.actor_id = r->actor;
		iv.step_from = step.id;
		iv.kind = IV_MADE;
		iv.what = xstrdup_or_null(r->f[IMP_DONE]);
		iv.outcome = xstrdup_or_null(r->f[IMP_OUTCOME]);
		st = store_bulk_intervention(im->s, &iv, err);
		rep->added += st == M_OK;
		m_intervention_clear(&iv);
	}
	m_step_clear(&step);
	return st;
}

enum mstatus imp_write(struct importer *im, struct store_exchange_report *rep,
                       store_progress_fn progress, void *arg, struct merr *err)
{
	memset(rep, 0, sizeof *rep);
	if (!im->plan.scanned)
		return merr_set(err, M_OTHER, MR_NONE,
		                _("%s: internal error: an import written before it was read"),
		                im->name);
	/* The scan's cases were looked up, not made: the write makes them and counts on. */
	imp_map_clear(&im->cases);
	enum mstatus st = store_begin(im->s, err);
	bool began = st == M_OK;
	if (st == M_OK)
		st = add_actors(im, rep, err);
	long done = 0;
	for (bool more = true; st == M_OK && more;) {
		struct imp_row r;
		st = imp_source_next(im->src, &im->cells, &more, err);
		if (st != M_OK || !more || im->cells.line <= im->plan.header_line ||
		    imp_cells_blank(&im->cells))
			continue;
		st = imp_row_values(im, &im->cells, &r, err);
		if (st == M_OK)
			st = imp_row_check(im, &r, false, err);
		if (st == M_OK) {
			st = write_row(im, &r, rep, err);
			if (st != M_OK) {
				struct merr e = *err;
				merr_set(err, merr_data(NULL, st), e.reason,
				         _("line %ld of %s: %s; nothing was imported"), r.line,
				         im->name, e.msg);
				st = err->status;
			}
		}
		if (st == M_OK && progress && ++done % 1000 == 0)
			progress(arg, _("rows imported"), done, im->plan.rows);
	}
	if (began && st == M_OK)
		st = store_commit(im->s, err);
	else if (began)
		store_rollback(im->s);
	store_bulk_end(im->s);
	im->written = st == M_OK ? rep->added : 0;
	return st;
}
