/* error.h - how errors travel up to the one caller that can tell the user.
 * Deep code fills a struct merr and returns its status; only the command line or the TUI prints.
 * The status values are the program's exit statuses (mellan(1), EXIT STATUS), so a command can
 * return one. */
#ifndef MELLAN_ERROR_H
#define MELLAN_ERROR_H

enum mstatus {
	M_OK = 0,
	M_FINDINGS = 1, /* findings or conflicts: the command worked and has something to say */
	M_USAGE = 2,    /* the command line was wrong */
	M_DATA = 3,     /* not a database, not ours, newer schema, unreadable input */
	M_OTHER = 4,    /* anything else: I/O, busy, out of space */
};

/* Finer reasons a caller may want to act on (retry when busy, say) without parsing text. */
enum mreason {
	MR_NONE = 0,
	MR_NOT_FOUND,
	MR_BUSY,     /* another mellan holds the write lock longer than the busy timeout */
	MR_CONFLICT, /* the row changed under us since it was read */
	MR_INVALID,  /* a value the domain refuses (bad time, empty code, ...) */
	MR_EXISTS,   /* a unique value already in use */
	MR_NOT_DB,   /* not a SQLite database, empty or truncated */
	MR_FOREIGN,  /* another program's SQLite database */
	MR_NEWER,    /* a newer mellan's schema */
	MR_IO,
};

struct merr {
	enum mstatus status;
	enum mreason reason;
	char msg[512]; /* one line, translated, names the file when there is one */
};

/* Sets err (when not NULL) and returns status, so `return merr_set(...)` reads naturally. */
enum mstatus merr_set(struct merr *err, enum mstatus status, enum mreason reason, const char *fmt,
                      ...) __attribute__((format(printf, 4, 5)));
void merr_clear(struct merr *err);
/* What the content of a file being imported or merged makes fail is a data error, never a usage
 * one (the store calls a refused value M_USAGE, as it would be for a value typed on the command
 * line): turns M_USAGE into M_DATA in err and the returned status. */
enum mstatus merr_data(struct merr *err, enum mstatus st);

#endif
