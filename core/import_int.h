/* import_int.h - what the files of the chronology import share and nothing else may use: the
 * importer's state and the steps of a row (import_rows.c the header and the scan, import_row.c a
 * row's values and checks, import_write.c the writing, import_preview.c what people read). */
#ifndef MELLAN_IMPORT_INT_H
#define MELLAN_IMPORT_INT_H

#include "fuzzytime.h"
#include "import_rows.h"

/* A map from text to two numbers, by open addressing. */
struct imp_slot {
	char *key;
	long a, b;
};
struct imp_map {
	struct imp_slot *slots;
	size_t cap, n;
};
/* The slot of key, made with a and b 0 when it was not there (*made). */
struct imp_slot *imp_map_get(struct imp_map *m, const char *key, bool *made);
void imp_map_clear(struct imp_map *m);

/* How an actor text of the file resolves (imp_map a): */
enum { RES_ACTOR = 1, /* b: the actor's id */ RES_NAME = 2 /* b: the index in plan.names */ };
/* What the scan saw of a row's identity (imp_map a): */
enum { SEEN_NEW = 1, SEEN_HERE = 2, SEEN_WRITTEN = 3 };

struct importer {
	struct store *s;
	const char *name;
	const struct imp_options *o; /* NULL: none */
	struct imp_source *src;
	struct imp_plan plan;
	int col_of[IMP_FIELDS]; /* the column of each field, -1 for none */
	struct m_actor_list catalogue;
	struct imp_actors ix;
	struct imp_map actor_res; /* an actor text as written -> how it resolves */
	struct imp_map name_of;   /* a name folded -> its index in plan.names, plus one */
	struct imp_map cases;     /* scan: 1 here, 2 new; write: the id and the next seq */
	struct imp_map seen;      /* a step's identity -> SEEN_* */
	m_id *said; /* for each actor choice of the options: the actor it names, 0 for a new one */
	struct imp_cells cells;
	long written;
};

/* A row's values: pointers into the row's cells (trimmed; NULL when empty), or the options' case
 * code, or the date as a spreadsheet's date made readable. */
struct imp_row {
	long line;
	char *f[IMP_FIELDS];
	char date[FT_BUFSZ];
	m_id actor; /* resolved by imp_row_check */
};

char *imp_trim_dup(const char *s);
/* Every cell is text: UTF-8 without NUL. */
enum mstatus imp_cells_text(struct importer *im, struct imp_cells *c, struct merr *err);
/* The row's values by the header; refuses a value in a column without a name. */
enum mstatus imp_row_values(struct importer *im, struct imp_cells *c, struct imp_row *r,
                            struct merr *err);
/* Checks a row before anything of it is written, and resolves its actor; `scan` gathers the
 * names the catalogue does not have, otherwise one nobody said anything about refuses the row. */
enum mstatus imp_row_check(struct importer *im, struct imp_row *r, bool scan, struct merr *err);
/* The scan's counts and samples for a checked row. */
enum mstatus imp_row_count(struct importer *im, const struct imp_row *r, struct merr *err);
/* An identity made from the row's content, the same for the same row imported again. */
void imp_content_uuid(const char *kind, const struct imp_row *r, char out[M_UUID_LEN + 1]);
/* The step's title: the first line of what happened, cut to fit a list. */
char *imp_title(const char *happened);
/* The catalogue's name of an actor; NULL when it has none by that id. */
const char *imp_actor_name(const struct importer *im, m_id id);
/* The names nobody said anything about, with their lines, for a one-line message. */
void imp_names_list(const struct importer *im, char *buf, size_t n);

#endif
