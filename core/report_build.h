/* report_build.h - what the outline's builder shares between its files (report_build.c, the
 * sections and the rules; report_words.c, each gap in words; report_lanes.c, a case's lanes).
 * Private to them: the writers see only report_doc.h. */
#ifndef MELLAN_REPORT_BUILD_H
#define MELLAN_REPORT_BUILD_H

#include "analysis.h"
#include "report_doc.h"

#include <stdbool.h>
#include <stddef.h>

/* What the report may say, from rules_for() in report_build.c. */
struct rules {
	bool is_public; /* only to say so to data formats */
	const char *title;
	const char *note; /* what the reader is not told, or NULL */
	int small;        /* a count below it, 0 too, shows as "<small"; 0: every count shown */
	bool stories;     /* narratives, quotes, summaries and step titles */
	bool times;       /* the steps' times and the birth years */
	bool single_gaps; /* the gaps one by one: behind each pattern, case by case, as data */
	bool bands;       /* ages in bands, never in years */
};

/* The order of the data formats' members, which their readers know. */
enum {
	RANK_TITLE = 1,
	RANK_DATE,
	RANK_VARIANT,
	RANK_CASES,
	RANK_TOTALS,
	RANK_TABLES,
	RANK_MATRIX,
	RANK_PATTERNS,
	RANK_WORKED, /* after the gaps' patterns, before the gaps one by one */
	RANK_GAPS,
};

/* Where each m_id is in a loaded list: an open-addressing table, so a lookup is one probe or a
 * few, never a search of the list. */
struct rb_index {
	m_id *ids;
	size_t *at;
	size_t mask;
};
void rb_index_init(struct rb_index *x, size_t n);
/* The first record with an id keeps its place. */
void rb_index_put(struct rb_index *x, m_id id, size_t at);
/* Its position, or -1 (id 0 is never anywhere). */
long rb_index_get(const struct rb_index *x, m_id id);
void rb_index_clear(struct rb_index *x);

/* One gap in words, as the rules allow; strings are the outline's. */
struct words {
	const char *case_code;
	const char *when; /* the step's time, or the age band */
	const char *age;  /* "18", the band's code, or "" */
	const char *step; /* "19. Title of the step", or "" */
	const char *category, *domain, *level, *status;
	const char *involved, *could; /* actor names, ", " between */
	const char *pair;             /* the broken hand-over "BUP → Vuxenpsykiatrin" */
	const char *what_happened, *voice, *what_must_change;
	const char *actions;         /* "what (by X, lead Y, follow up Z, open)", "; " between */
	const char *ref;             /* "DEMO-1 Sam, 2020-09: 22. Title": the gap in a list */
	enum rd_cell_kind time_kind; /* of when and age: RD_TEXT, or RD_BAND */
	struct rd_cell votes;
};

struct build {
	struct rd_doc *doc;
	const struct analysis *an;
	struct rules rules;
	const char *less;         /* "<3" */
	struct rb_index actors;   /* by id, into an->actors */
	const char **actor_names; /* sanitised, as an->actors */
	const char **case_codes;  /* sanitised, as an->journeys */
	struct words *words;      /* as an->gaps */
};

/* A table to fill row by row: cells has n_rows * n_cols cells. */
struct rb_tab {
	struct rd_table *t;
	const char **keys, **heads;
	struct rd_cell *cells;
};

/* A section at the end of `in` (NULL: of the document). */
struct rd_block *rb_section(struct build *b, struct rd_block *in, const char *heading,
                            const char *id, unsigned flags);
/* A table (RD_TABLE, RD_RECORDS) at the end of `in`, its cells zeroed. */
struct rb_tab rb_table(struct build *b, struct rd_block *in, enum rd_kind kind, size_t n_cols,
                       size_t n_rows);
/* A cell of words; and of several, joined by ", " for people. */
struct rd_cell rb_text(const char *key, const char *s);
struct rd_cell rb_list(struct build *b, const char *key, const char *const *v, size_t n);
/* User text as one clean line, owned by the outline. */
const char *rb_clean(struct build *b, const char *s);
/* A count as the rules show it: RD_SUPPRESSED below the rules' threshold, else RD_COUNT. */
struct rd_cell rb_count(struct build *b, int n);
void rb_paragraph(struct build *b, struct rd_block *in, const char *text, bool meta);

/* report_words.c: the indexes, the names and every gap's words; and freeing what is not the
 * outline's. */
void rb_words(struct build *b);
void rb_words_clear(struct build *b);

/* report_worked.c: the section on what worked, and its rows for spreadsheets after the gaps'. */
void rb_worked(struct build *b);
void rb_worked_records(struct build *b);
/* report_places.c: the counts by gender (by municipality and area once cases hold them). */
void rb_places(struct build *b);

/* report_lanes.c: case `c`'s lanes chart at the end of section `in`. */
void rb_lanes(struct build *b, struct rd_block *in, size_t c);

#endif
