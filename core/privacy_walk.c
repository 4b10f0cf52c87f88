/* privacy_walk.c - every free text of a database through the scanner: the cases and all that
 * belongs to them in story order, the workshops and their logs, the catalogue. Which fields are
 * free text, and what a finding calls them, is the kinds' tables' (RF_FREE, core/records.h).
 * Findings kept on purpose are left out (and counted). `mellan check`, the export and report gate
 * and the editor's warning on save are built on this. */
#include "privacy_int.h"

#include "i18n.h"
#include "records.h"
#include "step_index.h"
#include "store_privacy.h"
#include "store_read.h"
#include "text.h"
#include "xalloc.h"

#include <libintl.h>
#include <stdlib.h>
#include <string.h>

struct at_step;

struct walk {
	struct store *s;
	struct privacy_names *names;
	struct m_kept_list kept; /* sorted by record, field, key */
	privacy_found_fn fn;
	void *ctx;
	struct privacy_tally *tally;
	struct privacy_findings f;
	struct at_step *at; /* where the journey walked is, NULL outside one */
};

static void at_title(struct walk *w, struct at_step *a);

static int kept_cmp(const void *a, const void *b)
{
	const struct m_kept *x = a, *y = b;
	int c = strcmp(x->record_uuid, y->record_uuid);
	if (!c)
		c = strcmp(x->field ? x->field : "", y->field ? y->field : "");
	if (!c)
		c = strcmp(x->key ? x->key : "", y->key ? y->key : "");
	return c;
}

static bool is_kept(const struct m_kept_list *kept, const char *uuid, const char *field,
                    const char *key)
{
	struct m_kept probe = {.field = (char *)field, .key = (char *)key};
	snprintf(probe.record_uuid, sizeof probe.record_uuid, "%s", uuid ? uuid : "");
	return kept->n && bsearch(&probe, kept->items, kept->n, sizeof *kept->items, kept_cmp);
}

/* Drops from f the findings kept on purpose; returns how many it dropped. */
static size_t drop_kept(const struct m_kept_list *kept, const char *uuid, const char *field,
                        const char *text, struct privacy_findings *f)
{
	size_t o = 0, dropped = 0;
	for (size_t i = 0; i < f->n; i++) {
		char key[PRIVACY_KEY_LEN + 1];
		privacy_key(uuid, field, text, &f->items[i], key);
		if (is_kept(kept, uuid, field, key)) {
			free(f->items[i].masked);
			dropped++;
		} else {
			f->items[o++] = f->items[i];
		}
	}
	f->n = o;
	return dropped;
}

static void visit(struct walk *w, struct privacy_where *where, const char *field,
                  const char *field_label, const char *uuid, const char *text)
{
	if (!text || !*text)
		return;
	privacy_scan(text, w->names, &w->f);
	if (!w->f.n)
		return;
	w->tally->kept += drop_kept(&w->kept, uuid, field, text, &w->f);
	if (!w->f.n)
		return;
	where->field = field;
	where->field_label = field_label;
	where->uuid = uuid;
	where->text = text;
	w->tally->texts++;
	w->tally->findings += w->f.n;
	for (size_t i = 0; i < w->f.n; i++)
		w->tally->by_kind[w->f.items[i].kind]++;
	if (w->at)
		at_title(w, w->at);
	if (w->fn)
		w->fn(w->ctx, where, &w->f);
}

/* A text of the location line (case code, step title) with its own findings masked. */
static char *shown(struct walk *w, const char *text)
{
	struct privacy_findings f = {0};
	privacy_scan(text, w->names, &f);
	char *m = privacy_masked_text(text, &f);
	privacy_findings_clear(&f);
	return m;
}

/* Where in a journey a text is. The step's title is shown (scanned, masked) only for a text
 * with findings: most texts have none, and a title scanned for every record at its step would
 * be scanned many times over. */
struct at_step {
	struct privacy_where where;
	char *title;
	const struct m_journey *j;
	bool titled; /* title is worked out for this place */
};

static void at_title(struct walk *w, struct at_step *a)
{
	if (a->titled || !a->where.step_no)
		return;
	a->title = shown(w, a->j->steps[a->where.step_no - 1].title);
	a->where.step_title = a->title;
	a->titled = true;
}

static void place_at(const struct m_journey *j, const struct step_index *ix, m_id step,
                     const char *record, struct at_step *a, const char *code)
{
	free(a->title);
	memset(a, 0, sizeof *a);
	a->j = j;
	a->where.case_code = code;
	a->where.record = record;
	a->where.step_no = (int)(step_index_find(ix, step) + 1);
}

/* Every free text of a record (RF_FREE in its kind's table, in the table's order), then those of
 * the records it holds, each of those named by its kind. */
static void visit_record(struct walk *w, struct privacy_where *where, const struct record_kind *k,
                         const void *rec)
{
	const char *uuid = record_uuid(k, (void *)rec);
	for (size_t i = 0; i < k->n_fields; i++) {
		const struct record_field *f = &k->fields[i];
		if ((f->flags & RF_FREE) && record_held(f))
			visit(w, where, f->col, _(f->label), uuid, record_text_of(rec, f));
	}
	for (size_t c = 0; c < k->n_children; c++) {
		const struct record_child *ch = &k->children[c];
		const char *items = record_items(rec, ch);
		where->record = _(ch->kind->what);
		for (size_t i = 0; i < record_count(rec, ch); i++)
			visit_record(w, where, ch->kind, items + i * ch->kind->size);
	}
}

static void walk_journey(struct walk *w, const struct m_journey *j)
{
	const struct m_case *c = &j->kase;
	char *code = shown(w, c->code);
	struct at_step a = {0};
	struct step_index ix = {0};
	step_index_build(&ix, j);
	w->at = &a;
	place_at(j, &ix, 0, _("case"), &a, code);
	visit_record(w, &a.where, &records[R_CASE], c);
	for (size_t i = 0; i < j->n_steps; i++) {
		place_at(j, &ix, j->steps[i].id, NULL, &a, code); /* the step: its number says it */
		visit_record(w, &a.where, &records[R_STEP], &j->steps[i]);
	}
	for (size_t i = 0; i < j->n_interventions; i++) {
		const struct m_intervention *iv = &j->interventions[i];
		place_at(j, &ix, iv->step_from, _("intervention"), &a, code);
		visit_record(w, &a.where, &records[R_INTERVENTION], iv);
	}
	for (size_t i = 0; i < j->n_handovers; i++) {
		const struct m_handover *h = &j->handovers[i];
		place_at(j, &ix, h->step_id, _("hand-over"), &a, code);
		visit_record(w, &a.where, &records[R_HANDOVER], h);
	}
	for (size_t i = 0; i < j->n_gaps; i++) {
		const struct m_gap *g = &j->gaps[i];
		place_at(j, &ix, g->step_id, _("gap"), &a, code);
		visit_record(w, &a.where, &records[R_GAP], g);
	}
	w->at = NULL;
	step_index_clear(&ix);
	free(a.title);
	free(code);
}

static enum mstatus walk_workshops(struct walk *w, struct merr *err)
{
	struct m_free_text_list l;
	enum mstatus st = store_workshop_texts(w->s, &l, err);
	for (size_t i = 0; st == M_OK && i < l.n; i++) {
		const struct m_free_text *t = &l.items[i];
		bool log = strcmp(t->table, "workshop_log") == 0;
		struct privacy_where where = {.record = log ? _("workshop log") : _("workshop"),
		                              .label = t->label};
		const struct record_kind *k = record_kind_of(t->table);
		const struct record_field *f = k ? record_field(k, t->field) : NULL;
		visit(w, &where, t->field, f && f->label ? _(f->label) : t->field, t->uuid,
		      t->text);
	}
	m_free_text_list_clear(&l);
	return st;
}

/* Earlier versions are counted, not listed: the facilitator rewrote them already, and undo
 * needs them; check says how many there are, so nobody believes the file is clean of them. */
static enum mstatus walk_history(struct walk *w, struct merr *err)
{
	struct m_free_text_list l;
	enum mstatus st = store_history_texts(w->s, &l, err);
	for (size_t i = 0; st == M_OK && i < l.n; i++) {
		const struct m_free_text *t = &l.items[i];
		privacy_scan(t->text, w->names, &w->f);
		if (w->f.n)
			drop_kept(&w->kept, t->uuid, t->field, t->text, &w->f);
		w->tally->earlier += w->f.n;
	}
	m_free_text_list_clear(&l);
	return st;
}

static enum mstatus walk_catalogue(struct walk *w, struct merr *err)
{
	struct m_actor_list actors;
	enum mstatus st = store_actor_list(w->s, &actors, err);
	for (size_t i = 0; st == M_OK && i < actors.n; i++) {
		const struct m_actor *a = &actors.items[i];
		char *label = shown(w, a->name);
		struct privacy_where where = {.record = _("actor"), .label = label};
		visit_record(w, &where, &records[R_ACTOR], a);
		free(label);
	}
	m_actor_list_clear(&actors);
	struct m_category_list cats;
	if (st == M_OK)
		st = store_category_list(w->s, &cats, err);
	else
		memset(&cats, 0, sizeof cats);
	for (size_t i = 0; st == M_OK && i < cats.n; i++) {
		const struct m_category *c = &cats.items[i];
		struct privacy_where where = {.record = _("gap category"), .label = c->code};
		visit_record(w, &where, &records[R_CATEGORY], c);
	}
	m_category_list_clear(&cats);
	return st;
}

/* The names are the file's: the privacy scan itself (privacy_names.c) reads no file. */
enum mstatus privacy_names_load(struct store *s, struct privacy_names **out, struct merr *err)
{
	struct m_name_list l;
	*out = NULL;
	enum mstatus st = store_name_list(s, &l, err);
	if (st != M_OK)
		return st;
	const char **names = xcalloc(l.n ? l.n : 1, sizeof *names);
	for (size_t i = 0; i < l.n; i++)
		names[i] = l.items[i].name;
	*out = privacy_names_new(names, l.n);
	free(names);
	m_name_list_clear(&l);
	return M_OK;
}

/* history: also count the findings in the earlier versions of texts the history keeps, which
 * check reports; the gate, which only lets through or stops what leaves now, leaves them. */
static enum mstatus scan_store(struct store *s, const m_id *cases, size_t n, bool history,
                               privacy_found_fn fn, void *ctx, struct privacy_tally *tally,
                               struct merr *err)
{
	struct privacy_tally local;
	struct walk w = {.s = s, .fn = fn, .ctx = ctx, .tally = tally ? tally : &local};
	memset(w.tally, 0, sizeof *w.tally);
	enum mstatus st = privacy_names_load(s, &w.names, err);
	if (st == M_OK)
		st = store_kept_list(s, NULL, &w.kept, err);
	if (st == M_OK && w.kept.n)
		qsort(w.kept.items, w.kept.n, sizeof *w.kept.items, kept_cmp);
	struct m_case_list all = {0};
	if (st == M_OK && n == 0)
		st = store_case_list(s, &all, err);
	size_t count = n ? n : all.n;
	for (size_t i = 0; st == M_OK && i < count; i++) {
		struct m_journey j;
		st = store_journey_load(s, n ? cases[i] : all.items[i].id, &j, err);
		if (st == M_OK)
			walk_journey(&w, &j);
		m_journey_clear(&j);
	}
	if (st == M_OK && n == 0)
		st = walk_workshops(&w, err);
	if (st == M_OK) /* the catalogue goes along with any case: exports and reports name it */
		st = walk_catalogue(&w, err);
	if (st == M_OK && n == 0 && history)
		st = walk_history(&w, err);
	m_case_list_clear(&all);
	m_kept_list_clear(&w.kept);
	privacy_names_free(&w.names);
	privacy_findings_clear(&w.f);
	return st;
}

enum mstatus privacy_scan_store(struct store *s, const m_id *cases, size_t n, privacy_found_fn fn,
                                void *ctx, struct privacy_tally *tally, struct merr *err)
{
	return scan_store(s, cases, n, true, fn, ctx, tally, err);
}

/* ---- one text, for the editor ------------------------------------------------------------- */

enum mstatus privacy_check_text(struct store *s, const struct privacy_names *names,
                                const char *record_uuid, const char *field, const char *text,
                                struct privacy_findings *out, struct merr *err)
{
	privacy_scan(text, names, out);
	if (!out->n || !record_uuid || !*record_uuid)
		return M_OK;
	struct m_kept_list kept;
	enum mstatus st = store_kept_list(s, record_uuid, &kept, err);
	if (st != M_OK) {
		privacy_findings_clear(out);
		return st;
	}
	if (kept.n)
		qsort(kept.items, kept.n, sizeof *kept.items, kept_cmp);
	drop_kept(&kept, record_uuid, field, text, out);
	m_kept_list_clear(&kept);
	return M_OK;
}

enum mstatus privacy_keep(struct store *s, const char *record_uuid, const char *field,
                          const char *text, const struct privacy_finding *f, struct merr *err)
{
	char key[PRIVACY_KEY_LEN + 1];
	privacy_key(record_uuid, field, text, f, key);
	return store_kept_add(s, record_uuid, field, key, err);
}

/* ---- printing and the gate ---------------------------------------------------------------- */

void privacy_print_finding(FILE *out, const struct privacy_where *w,
                           const struct privacy_finding *f)
{
	if (w->case_code)
		fprintf(out, "%s, ", w->case_code);
	if (w->step_no) {
		/* a long title is cut: the line says where, the editor shows the rest */
		const char *t = w->step_title ? w->step_title : "";
		size_t fit = text_fit(t, 40, NULL);
		fprintf(out, _("step %d \"%.*s%s\", "), w->step_no, (int)fit, t, t[fit] ? "…" : "");
	}
	if (w->record)
		fprintf(out, "%s, ", w->record);
	if (w->label) {
		char *l = text_sanitize(w->label, 0);
		fprintf(out, "%s, ", l);
		free(l);
	}
	fprintf(out, "%s: %s %s\n", w->field_label, privacy_kind_label(f->kind), f->masked);
}

struct gate {
	FILE *out;
	char **cases; /* the codes of the cases with findings, as shown */
	size_t n;
};

static void gate_found(void *ctx, const struct privacy_where *w, const struct privacy_findings *f)
{
	struct gate *g = ctx;
	for (size_t i = 0; g->out && i < f->n; i++)
		privacy_print_finding(g->out, w, &f->items[i]);
	const char *code = w->case_code ? w->case_code : w->record;
	if (!g->n || strcmp(g->cases[g->n - 1], code) != 0) {
		g->cases = xreallocarray(g->cases, g->n + 1, sizeof *g->cases);
		g->cases[g->n++] = xstrdup(code);
	}
}

/* "2 phone numbers, 1 e-mail address" into buf. */
static void kinds_line(const struct privacy_tally *t, char *buf, size_t size)
{
	size_t o = 0;
	buf[0] = '\0';
	for (int k = 0; k < PRIV_KIND_COUNT && o < size; k++) {
		if (!t->by_kind[k])
			continue;
		int m = snprintf(buf + o, size - o, "%s%zu %s", o ? ", " : "", t->by_kind[k],
		                 privacy_kind_label((enum privacy_kind)k));
		if (m < 0)
			break;
		o += (size_t)m;
	}
}

/* The ids of the cases named by codes, in *found; a code that names no case is left out, as the
 * command that asked refuses it in its own words. */
static enum mstatus case_ids(struct store *s, const char *const *codes, size_t n, m_id *ids,
                             size_t *found, struct merr *err)
{
	*found = 0;
	for (size_t i = 0; i < n; i++) {
		struct m_case c = {0};
		enum mstatus st = store_case_find(s, codes[i], &c, err);
		if (st == M_OK)
			ids[(*found)++] = c.id;
		m_case_clear(&c);
		if (st != M_OK && err->reason != MR_NOT_FOUND)
			return st;
	}
	merr_clear(err);
	return M_OK;
}

enum mstatus privacy_gate(struct store *s, const char *const *codes, size_t n, bool allow,
                          FILE *out, struct merr *err)
{
	if (allow)
		return M_OK;
	struct gate g = {.out = out};
	struct privacy_tally t = {0};
	m_id *ids = xcalloc(n ? n : 1, sizeof *ids);
	size_t found = 0;
	enum mstatus st = case_ids(s, codes, n, ids, &found, err);
	if (st == M_OK && (found || n == 0))
		st = scan_store(s, ids, found, false, gate_found, &g, &t, err);
	free(ids);
	if (st == M_OK && t.findings) {
		char kinds_buf[256], where[200];
		kinds_line(&t, kinds_buf, sizeof kinds_buf);
		size_t o = 0;
		where[0] = '\0';
		for (size_t i = 0; i < g.n && o < sizeof where; i++) {
			int m = snprintf(where + o, sizeof where - o, "%s%s", i ? ", " : "",
			                 g.cases[i]);
			if (m < 0)
				break;
			o += (size_t)m;
		}
		st = merr_set(
		    err, M_FINDINGS, MR_NONE,
		    ngettext("%zu privacy finding (%s) in %s: rewrite it or keep it on "
		             "purpose, or give --allow-findings",
		             "%zu privacy findings (%s) in %s: rewrite them or keep them on "
		             "purpose, or give --allow-findings",
		             t.findings),
		    t.findings, kinds_buf, where);
	}
	for (size_t i = 0; i < g.n; i++)
		free(g.cases[i]);
	free(g.cases);
	return st;
}
