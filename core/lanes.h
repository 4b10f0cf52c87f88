/* lanes.h - the lanes view as a layout, without a terminal: one row per actor involved in the
 * case, grouped by sector; time along the columns, by step or to true scale (so a nine-month
 * wait is nine months long); a bar per intervention with a mark for its kind; hand-overs from
 * one lane to another; a lane of gaps; age thresholds as vertical rules; and silence (risk
 * recorded and no actor acting) as shaded spans. The lanes screen draws what this computes, and
 * the unit tests check it on the demo journeys. Columns count from 0 at the journey's start. */
#ifndef MELLAN_LANES_H
#define MELLAN_LANES_H

#include "model.h"

#include <stdbool.h>
#include <stddef.h>

enum lanes_scale {
	LANES_BY_STEP, /* every step the same width */
	LANES_BY_TIME, /* columns are days; steps without a date sit where the story puts them */
};

/* Zoom levels: by step, columns per step; to scale, days per column. */
#define LANES_ZOOMS 6

struct lanes_row { /* one actor's lane */
	m_id actor_id;
	enum m_sector sector;
	bool sector_first; /* the first lane of its sector */
};

struct lanes_bar { /* one intervention */
	m_id intervention_id;
	size_t row;
	enum m_intervention_kind kind;
	int from, to; /* columns, inclusive */
};

struct lanes_handover {
	m_id handover_id;
	size_t from_row, to_row;
	int sent;     /* column */
	int received; /* column, -1 when it never arrived */
	bool broken;  /* never received, or never acted on */
};

struct lanes_gap {
	m_id gap_id;
	int from, to;
	int severity;
};

struct lanes_rule { /* an age threshold the journey passes */
	int col;
	int age;
};

struct lanes_span { /* silence: risk recorded and no actor acting */
	int from, to;
	size_t first_step, last_step;
};

struct lanes_layout {
	enum lanes_scale scale;
	int zoom;
	int width; /* columns from the first step's start to the last step's end */
	/* Columns of each step (the journey's story order), inclusive. */
	int *step_from, *step_to;
	size_t n_steps;
	struct lanes_row *rows;
	size_t n_rows;
	struct lanes_bar *bars;
	size_t n_bars;
	struct lanes_handover *handovers;
	size_t n_handovers;
	struct lanes_gap *gaps;
	size_t n_gaps;
	struct lanes_rule *rules;
	size_t n_rules;
	struct lanes_span *silences;
	size_t n_silences;
	/* How days become columns to scale (unused by step): column = (day - origin) / unit. */
	long origin;
	int unit;
};

/* Lays out a journey. actors is the catalogue (grouped by sector, as store_actor_list gives
 * it); thresholds may be NULL. zoom 0..LANES_ZOOMS-1, from the closest view to the widest. */
void lanes_build(const struct m_journey *j, const struct m_actor_list *actors,
                 const struct m_threshold_list *thresholds, enum lanes_scale scale, int zoom,
                 struct lanes_layout *out);
void lanes_clear(struct lanes_layout *l);
/* The closest zoom at which the whole journey fits in `cols` columns (the widest if none). */
int lanes_fit_zoom(const struct m_journey *j, enum lanes_scale scale, int cols);
/* What a zoom level means, for the screen: columns per step, or days per column. */
int lanes_zoom_unit(enum lanes_scale scale, int zoom);
/* The column of a calendar day "YYYY-MM-DD" to scale, -1 when it cannot be placed. */
int lanes_date_col(const struct lanes_layout *l, const char *iso);

/* The mark an intervention's bar is drawn with: one column, distinct for each kind, readable
 * without colour. */
const char *lanes_kind_mark(enum m_intervention_kind k);

#endif
