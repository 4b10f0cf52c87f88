/* report.c - the report's model (report.h): each gap put into the words every format prints, with
 * what the public variant leaves out already left out. */
#include "report.h"

#include "fuzzytime.h"
#include "i18n.h"
#include "text.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

/* Appends s to *acc with sep between; takes ownership of s. */
static void join(char **acc, const char *sep, char *s)
{
	char *next = xasprintf("%s%s%s", *acc, **acc ? sep : "", s);
	free(*acc);
	free(s);
	*acc = next;
}

/* User text as one clean line or paragraph: no control characters reach any output. */
static char *clean(const char *s)
{
	return text_sanitize(s ? s : "", 0);
}

static const char *actor_name(const struct analysis *an, m_id id)
{
	const struct m_actor *a = m_actor_find(&an->actors, id);
	return a ? a->name : "";
}

static char *actors_of(const struct analysis *an, const struct m_gap *g, enum m_gap_actor_role r)
{
	char *acc = xstrdup("");
	for (size_t i = 0; i < g->n_actors; i++)
		if (g->actors[i].role == r)
			join(&acc, ", ", clean(actor_name(an, g->actors[i].actor_id)));
	return acc;
}

static char *actions_of(const struct analysis *an, const struct m_gap *g)
{
	char *acc = xstrdup("");
	for (size_t i = 0; i < g->n_actions; i++) {
		const struct m_action *a = &g->actions[i];
		char *what = clean(a->what);
		char *detail = xstrdup("");
		if (a->actor_id)
			join(&detail, ", ", xasprintf(_("by %s"), actor_name(an, a->actor_id)));
		if (a->lead_id)
			join(&detail, ", ", xasprintf(_("lead %s"), actor_name(an, a->lead_id)));
		if (a->follow_up) {
			char buf[FT_BUFSZ];
			ft_code_to_display(a->follow_up, buf);
			join(&detail, ", ", xasprintf(_("follow up %s"), buf));
		}
		join(&detail, ", ",
		     xstrdup(a->status == ACTION_DONE      ? _("done")
		             : a->status == ACTION_DROPPED ? _("dropped")
		                                           : _("open")));
		join(&acc, "; ", xasprintf("%s (%s)", what, detail));
		free(what);
		free(detail);
	}
	char *clean_acc = clean(acc); /* the actors' names came from the file too */
	free(acc);
	return clean_acc;
}

void report_build(const struct analysis *an, bool public, const char *date, struct report *r)
{
	memset(r, 0, sizeof *r);
	r->an = an;
	r->public = public;
	snprintf(r->date, sizeof r->date, "%s", date);
	r->gaps = xcalloc(an->n_gaps + 1, sizeof *r->gaps);
	r->n_gaps = an->n_gaps;
	for (size_t i = 0; i < an->n_gaps; i++) {
		const struct an_gap *ag = &an->gaps[i];
		const struct m_gap *g = ag->gap;
		struct rep_gap *rg = &r->gaps[i];
		rg->ag = ag;
		rg->case_code = clean(ag->journey->kase.code);
		if (public) {
			rg->when = xstrdup(an_age_band_label(ag->band));
			rg->age = xstrdup(ag->band >= 0 ? an_age_band_code(ag->band) : "");
			rg->step = xstrdup("");
			rg->what_happened = xstrdup("");
			rg->voice = xstrdup("");
		} else {
			char buf[FT_BUFSZ];
			ft_code_to_display(ag->step ? ag->step->time : NULL, buf);
			rg->when = clean(buf);
			rg->age = ag->age >= 0 ? xasprintf("%d", ag->age) : xstrdup("");
			rg->step = ag->step ? xasprintf("%ld. %s",
			                                (long)(ag->step - ag->journey->steps) + 1,
			                                ag->step->title)
			                    : xstrdup("");
			char *s = clean(rg->step);
			free(rg->step);
			rg->step = s;
			rg->what_happened = clean(g->what_happened);
			rg->voice = clean(ag->step ? ag->step->voice : NULL);
		}
		rg->category = clean(ag->category ? ag->category->name : "");
		rg->domain = xstrdup(m_domain_label(ag->step ? ag->step->domain : DOMAIN_NONE));
		rg->level = xstrdup(m_level_label(g->level));
		rg->status = xstrdup(m_gap_status_label(g->status));
		rg->involved = actors_of(an, g, GAR_INVOLVED);
		rg->could = actors_of(an, g, GAR_COULD_HAVE_ACTED);
		if (ag->broken) {
			char *pair = xasprintf("%s → %s", actor_name(an, ag->broken->from_actor),
			                       actor_name(an, ag->broken->to_actor));
			rg->pair = clean(pair);
			free(pair);
		} else {
			rg->pair = xstrdup("");
		}
		rg->what_must_change = clean(g->what_must_change);
		rg->actions = actions_of(an, g);
		rg->severity = g->severity;
		rg->votes = ag->votes;
	}
}

void report_clear(struct report *r)
{
	for (size_t i = 0; i < r->n_gaps; i++) {
		struct rep_gap *g = &r->gaps[i];
		char **fields[] = {&g->case_code, &g->when,     &g->age,
		                   &g->step,      &g->category, &g->domain,
		                   &g->level,     &g->status,   &g->involved,
		                   &g->could,     &g->pair,     &g->what_happened,
		                   &g->voice,     &g->actions,  &g->what_must_change};
		for (size_t k = 0; k < sizeof fields / sizeof fields[0]; k++)
			free(*fields[k]);
	}
	free(r->gaps);
	memset(r, 0, sizeof *r);
}

const char *report_count(const struct report *r, int n, char buf[16])
{
	if (r->public && n > 0 && n < 3)
		return "<3";
	snprintf(buf, 16, "%d", n);
	return buf;
}

const char *report_title(const struct report *r)
{
	return r->public ? _("Gaps between the chairs: public summary")
	                 : _("Gaps between the chairs: summary for the workshop");
}

char *report_scope(const struct report *r)
{
	char c[16], s[16], g[16];
	const struct analysis *an = r->an;
	/* The number of patterns is no count of people: never suppressed. */
	return xasprintf(_("%s cases, %s steps, %s gaps, %zu recurring patterns"),
	                 report_count(r, (int)an->n_journeys, c),
	                 report_count(r, (int)an->n_steps, s), report_count(r, (int)an->n_gaps, g),
	                 an->n_patterns);
}

const char *report_public_note(const struct report *r)
{
	return r->public ? _("Public version: no narratives, quotes or notes, no single gaps or "
	                     "steps, ages in bands, and any count below 3 shown as <3.")
	                 : "";
}

const char *report_severity_label(int severity)
{
	return severity >= 3 ? _("high") : severity == 2 ? _("medium") : _("low");
}

const char *report_patterns_heading(void)
{
	return _("Recurring patterns");
}

const char *report_matrix_heading(void)
{
	return _("Actors and categories");
}

const char *report_cases_heading(void)
{
	return _("The gaps case by case");
}

static void table_row(const struct report *r, struct rep_table *t, const char *label, int gaps,
                      int cases, int votes, int sev)
{
	char g[16], c[16], v[16];
	char **row = t->cells + t->n++ * REP_COLS;
	row[0] = xstrdup(label);
	row[1] = xstrdup(report_count(r, gaps, g));
	row[2] = xstrdup(report_count(r, cases, c));
	row[3] = xstrdup(report_count(r, votes, v));
	row[4] = xstrdup(sev ? report_severity_label(sev) : "-");
}

static void table_start(struct rep_table *t, const char *first, size_t rows)
{
	memset(t, 0, sizeof *t);
	t->head[0] = first;
	t->head[1] = _("Gaps");
	t->head[2] = _("Cases");
	t->head[3] = _("Votes");
	t->head[4] = _("Severity");
	t->cells = xcalloc(rows * REP_COLS + 1, sizeof *t->cells);
}

void report_table_patterns(const struct report *r, struct rep_table *t)
{
	const struct analysis *an = r->an;
	table_start(t, _("Pattern"), an->n_patterns);
	for (size_t i = 0; i < an->n_patterns; i++) {
		const struct an_pattern *p = &an->patterns[i];
		table_row(r, t, p->label, (int)p->n_gaps, p->cases, p->votes, p->severity_max);
	}
}

void report_table_dim(const struct report *r, enum an_dim d, struct rep_table *t)
{
	const struct an_table *a = &r->an->tables[d];
	table_start(t, "", a->n);
	for (size_t i = 0; i < a->n; i++)
		table_row(r, t, a->rows[i].label, a->rows[i].gaps, a->rows[i].cases,
		          a->rows[i].votes, a->rows[i].severity_max);
}

void report_table_clear(struct rep_table *t)
{
	for (size_t i = 0; i < t->n * REP_COLS; i++)
		free(t->cells[i]);
	free(t->cells);
	memset(t, 0, sizeof *t);
}

char *report_gap_ref(const struct rep_gap *g)
{
	return *g->step ? xasprintf("%s, %s: %s", g->case_code, g->when, g->step)
	                : xasprintf("%s, %s: %s", g->case_code, g->when, g->category);
}

char *report_case_meta(const struct report *r, size_t case_index)
{
	const struct m_journey *j = &r->an->journeys[case_index];
	char s[16], g[16];
	if (!r->public && j->kase.birth_year)
		return xasprintf(_("Status %s, born %d, %zu steps, %zu gaps."),
		                 m_case_status_label(j->kase.status), j->kase.birth_year,
		                 j->n_steps, j->n_gaps);
	if (!r->public)
		return xasprintf(_("Status %s, %zu steps, %zu gaps."),
		                 m_case_status_label(j->kase.status), j->n_steps, j->n_gaps);
	return xasprintf(_("%s steps, %s gaps."), report_count(r, (int)j->n_steps, s),
	                 report_count(r, (int)j->n_gaps, g));
}

char *report_gap_title(const struct rep_gap *g)
{
	return xasprintf("%s: %s", g->when, g->category);
}

char *report_gap_meta(const struct report *r, const struct rep_gap *g)
{
	char v[16];
	return xasprintf(_("Severity %s, %s, %s votes."), report_severity_label(g->severity),
	                 g->status, report_count(r, g->votes, v));
}

size_t report_gap_fields(const struct rep_gap *g, struct rep_field out[REP_FIELDS])
{
	const struct rep_field all[REP_FIELDS] = {
	    {_("Step:"), g->step, false},
	    {_("Life domain:"), g->domain, false},
	    {_("Involved:"), g->involved, false},
	    {_("Could have acted:"), g->could, false},
	    {_("Broken hand-over:"), g->pair, false},
	    {_("What happened:"), g->what_happened, false},
	    {_("In their words:"), g->voice, true},
	    {_("What must change:"), g->what_must_change, false},
	    {_("Level:"), g->level, false},
	    {_("Actions:"), g->actions, false},
	};
	size_t n = 0;
	for (size_t i = 0; i < REP_FIELDS; i++)
		if (*all[i].text)
			out[n++] = all[i];
	return n;
}
