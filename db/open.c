/* open.c - opening a mellan database, and refusing what is not one without touching it: the
 * header is read with stdio and checked, and a file without a -wal is examined through an
 * immutable read-only connection, before anything that could write (WAL mode writes the header)
 * runs; a file with one is judged through the real connection, which reads the -wal as SQLite
 * does. Readers also on a full disk and in read-only places. Also closing, the version queries,
 * the whole-file integrity check, and which files belong to the database. */
#include "private.h"

#include "core/i18n.h"
#include "core/paths.h"
#include "core/store.h"
#include "core/text.h"
#include "core/xalloc.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define HEADER_SIZE 100

static const char sqlite_magic[16] = "SQLite format 3";

static uint32_t be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static enum mstatus not_db(const char *path, struct merr *err)
{
	return merr_set(err, M_DATA, MR_NOT_DB,
	                _("%s: not a SQLite database (empty, too short or another kind of file); "
	                  "choose another file"),
	                path);
}

static enum mstatus foreign(const char *path, struct merr *err)
{
	return merr_set(err, M_DATA, MR_FOREIGN,
	                _("%s: not a mellan database (another program's SQLite file); choose "
	                  "another file"),
	                path);
}

static enum mstatus newer(const char *path, int v, struct merr *err)
{
	return merr_set(err, M_DATA, MR_NEWER,
	                _("%s: made by a newer mellan (schema %d, this one reads up to %d); "
	                  "upgrade mellan"),
	                path, v, DB_SCHEMA_VERSION);
}

static enum mstatus older(const char *path, struct merr *err)
{
	return merr_set(err, M_DATA, MR_INVALID,
	                _("%s: made by an older mellan; open it once for editing to upgrade it"),
	                path);
}

/* file:PATH?mode=ro&immutable=1 reads without creating -wal or -shm and without locking. */
char *db_immutable_uri(const char *path)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t n = strlen(path);
	char *uri = xmalloc(n * 3 + 40);
	char *o = uri + sprintf(uri, "file:");
	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("/-._~", *p)) {
			*o++ = (char)*p;
		} else {
			*o++ = '%';
			*o++ = hex[*p >> 4];
			*o++ = hex[*p & 15];
		}
	}
	strcpy(o, "?mode=ro&immutable=1");
	return uri;
}

/* Looks at the file, which has no -wal, through a connection that cannot write: can its schema
 * be read, and does it hold any schema at all (an empty, never-initialised database may become
 * ours). Only the first page and the schema's own pages are read, so opening costs the same for
 * a file of any size; a page damaged further in is found when it is read (and reported as
 * damage then), and in full by check, backup and merge, which run the integrity check. *bad
 * receives what is wrong with it (NULL when nothing is); st is for a file that cannot be read. */
static enum mstatus examine(const char *path, bool *empty, char **bad, struct merr *err)
{
	char *uri = db_immutable_uri(path);
	sqlite3 *db = NULL;
	int rc = sqlite3_open_v2(uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
	free(uri);
	sqlite3_stmt *q = NULL;
	*bad = NULL;
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_schema", -1, &q, NULL);
	if (rc == SQLITE_OK) {
		rc = sqlite3_step(q);
		if (rc == SQLITE_ROW) {
			*empty = sqlite3_column_int64(q, 0) == 0;
			rc = SQLITE_OK;
		}
	}
	sqlite3_finalize(q);
	enum mstatus st = M_OK;
	if (rc != SQLITE_OK && ((rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB)) {
		*bad = xstrdup(db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
	} else if (rc != SQLITE_OK) {
		st = merr_set(err, M_OTHER, MR_IO,
		              _("%s: cannot read the file (%s); check its permissions"), path,
		              db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
	}
	sqlite3_close(db);
	return st;
}

/* Everything that can be known about an existing file before trusting it to SQLite.
 * With a -wal beside it, another mellan has the file open (or one stopped without closing it):
 * the main file alone may then be behind its WAL or half-way through a checkpoint, so all but
 * the first bytes are left to the real connection, which reads the file as SQLite will, -wal
 * and all (*later). It creates nothing new, since the -wal is there already. */
static enum mstatus precheck(struct store *s, off_t size, unsigned flags, bool has_wal, bool *later,
                             struct merr *err)
{
	const char *path = s->path;
	unsigned char h[HEADER_SIZE];
	FILE *f = fopen(path, "rb");
	if (!f)
		return merr_set(err, M_OTHER, MR_IO, _("%s: cannot read the file (%s)"), path,
		                strerror(errno));
	size_t n = fread(h, 1, sizeof h, f);
	fclose(f);
	if (n < sizeof h || memcmp(h, sqlite_magic, sizeof sqlite_magic) != 0)
		return not_db(path, err);
	uint32_t page = (uint32_t)h[16] << 8 | h[17];
	if (page == 1)
		page = 65536;
	if (page < 512 || (page & (page - 1)) != 0)
		return not_db(path, err);
	*later = has_wal;
	if (has_wal)
		return M_OK;
	bool empty = false;
	char *bad = NULL;
	enum mstatus st = examine(path, &empty, &bad, err);
	if (st != M_OK)
		return st;
	/* A copy cut short: the size the header promises (valid while the change counter at 24
	 * matches the one at 92) is larger than the file, or the file ends inside a page. */
	uint64_t pages = be32(h + 28);
	if (!bad && ((uint64_t)size % page != 0 ||
	             (pages && be32(h + 24) == be32(h + 92) && pages * page > (uint64_t)size)))
		bad = xstrdup(_("the file is shorter than it should be"));
	char *wal = bad ? xasprintf("%s-wal", path) : NULL;
	if (bad && access(wal, F_OK) == 0) {
		/* A writer began since: the file is judged as SQLite will now read it. */
		*later = true;
	} else if (bad && !(flags & STORE_DAMAGED_OK)) {
		st = db_damaged(path, bad, err);
	} else if (bad) {
		s->damaged = true;
	}
	free(wal);
	free(bad);
	if (st != M_OK || *later)
		return st;
	uint32_t app = be32(h + 68);
	int version = (int)be32(h + 60);
	if (app != DB_APPLICATION_ID && !(app == 0 && version == 0 && empty))
		return foreign(path, err);
	if (version > DB_SCHEMA_VERSION)
		return newer(path, version, err);
	if (version < DB_SCHEMA_VERSION && (flags & STORE_READONLY))
		return older(path, err);
	return M_OK;
}

/* The directories a new file goes in, private like the file. */
static enum mstatus make_parents(const char *path, struct merr *err)
{
	char *p = xstrdup(path);
	enum mstatus st = M_OK;
	char *slash = strrchr(p, '/');
	if (slash && slash != p) {
		*slash = '\0';
		for (char *c = p + 1; st == M_OK; c++) {
			bool end = *c == '\0';
			if (*c == '/' || end) {
				*c = '\0';
				if (mkdir(p, 0700) != 0 && errno != EEXIST)
					st = merr_set(err, M_OTHER, MR_IO,
					              _("%s: cannot create the directory %s (%s)"),
					              path, p, strerror(errno));
				if (end)
					break;
				*c = '/';
			}
		}
	}
	free(p);
	return st;
}

static int sv_collate(void *arg, int na, const void *a, int nb, const void *b)
{
	(void)arg;
	return text_collate_sv(a, (size_t)na, b, (size_t)nb);
}

int db_register(sqlite3 *db)
{
	int rc = sqlite3_create_collation(db, "sv", SQLITE_UTF8, NULL, sv_collate);
	return rc == SQLITE_OK ? db_register_json(db) : rc;
}

/* Settings of the connection; nothing here writes to the file. */
static enum mstatus configure(struct store *s, struct merr *err)
{
	int rc = db_register(s->db);
	if (rc != SQLITE_OK)
		return db_error(s, rc, err);
	sqlite3_extended_result_codes(s->db, 1);
	/* Before anything else is read: the schema is not code we trust. */
	return db_exec(s,
	               "PRAGMA trusted_schema = OFF; PRAGMA foreign_keys = ON; "
	               "PRAGMA secure_delete = ON; PRAGMA busy_timeout = 5000;",
	               err);
}

static int64_t pragma_int(struct store *s, const char *sql, enum mstatus *st, struct merr *err)
{
	struct q q;
	q_prepare(&q, s, sql);
	int64_t v = q_row(&q) ? q_col_int(&q, 0) : 0;
	*st = q_finish(&q, err);
	return v;
}

/* The checks precheck() left for the real connection, because the file has a -wal. */
static enum mstatus check_open_file(struct store *s, unsigned flags, struct merr *err)
{
	/* The schema, read as examine() reads it. */
	struct q q;
	q_prepare(&q, s, "SELECT count(*) FROM sqlite_schema");
	q_row(&q);
	struct merr qerr = {0};
	enum mstatus st = q_finish(&q, &qerr);
	if (st == M_DATA && (flags & STORE_DAMAGED_OK)) {
		s->damaged = true;
		st = M_OK;
	} else if (st != M_OK && err) {
		*err = qerr;
	}
	int64_t app = 0, v = 0;
	if (st == M_OK)
		app = pragma_int(s, "PRAGMA application_id", &st, err);
	if (st == M_OK)
		v = pragma_int(s, "PRAGMA user_version", &st, err);
	if (st == M_OK && app != DB_APPLICATION_ID && !(app == 0 && v == 0))
		st = foreign(s->path, err);
	if (st == M_OK && v > DB_SCHEMA_VERSION)
		st = newer(s->path, (int)v, err);
	if (st == M_OK && v < DB_SCHEMA_VERSION && s->readonly)
		st = older(s->path, err);
	return st;
}

static bool exists(const char *path)
{
	return access(path, F_OK) == 0;
}

static void close_db(struct store *s)
{
	if (!s->db)
		return;
	/* Statements left unfinished after an error are finalized, but only once a close has
	 * shown there are some: before it, the search index's own statements are listed too, and
	 * those belong to SQLite, which finalizes them when it closes the index. */
	if (sqlite3_close(s->db) == SQLITE_BUSY) {
		sqlite3_stmt *q;
		while ((q = sqlite3_next_stmt(s->db, NULL)) != NULL)
			sqlite3_finalize(q);
		sqlite3_close(s->db);
	}
	s->db = NULL;
}

/* Removes what a failed open made: nothing that was there before is touched. */
static void undo_open(struct store *s, const char *wal, bool had_wal, const char *shm, bool had_shm,
                      bool created)
{
	close_db(s);
	if (!had_wal)
		unlink(wal);
	if (!had_shm)
		unlink(shm);
	if (created)
		unlink(s->path);
}

/* immutable: the file is read as it is on disk, without creating, locking or reading anything
 * beside it; only for a file that has no -wal. */
static enum mstatus connect_db(struct store *s, unsigned flags, bool check, bool immutable,
                               struct merr *err)
{
	char *uri = immutable ? db_immutable_uri(s->path) : NULL;
	int rc = sqlite3_open_v2(immutable ? uri : s->path, &s->db,
	                         (s->readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) |
	                             (immutable ? SQLITE_OPEN_URI : 0),
	                         NULL);
	free(uri);
	enum mstatus st = rc == SQLITE_OK ? configure(s, err) : db_error(s, rc, err);
	if (st == M_OK && check)
		st = check_open_file(s, flags, err);
	/* Only now may the file be written: WAL mode, then the schema. */
	if (st == M_OK && !s->readonly)
		st = db_exec(s, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;", err);
	if (st == M_OK && !s->readonly)
		st = db_migrate(s, err);
	else if (st == M_OK)
		s->version = (int)pragma_int(s, "PRAGMA user_version", &st, err);
	if (st == M_OK)
		s->data_version = pragma_int(s, "PRAGMA data_version", &st, err);
	return st;
}

/* Whether SQLite may make a -wal and -shm beside the file, and remove them again: a reader makes
 * them with the file's own permissions, so beside a file it cannot write they would stay. */
static bool room_beside(const char *path)
{
	char *dir = m_dir_of(path);
	bool ok = access(path, W_OK) == 0 && access(dir, W_OK) == 0;
	free(dir);
	return ok;
}

/* A reader. With a -wal, through it, as SQLite reads the file (that needs a -shm, made when
 * missing). Without one, the file alone is all there is to read: when nothing may be made beside
 * it (a read-only file or directory) or nothing can be (a full disk), it is read as it is on disk. */
static enum mstatus connect_reader(struct store *s, unsigned flags, bool check, bool had_wal,
                                   bool had_shm, struct merr *err)
{
	char *wal = xasprintf("%s-wal", s->path), *shm = xasprintf("%s-shm", s->path);
	s->immutable = !had_wal && !room_beside(s->path);
	struct merr first = {0};
	enum mstatus st = connect_db(s, flags, check, s->immutable, &first);
	if (st != M_OK && first.reason == MR_IO && !s->immutable && !had_wal) {
		undo_open(s, wal, had_wal, shm, had_shm, false);
		if (access(wal, F_OK) != 0) {
			s->immutable = true;
			merr_clear(&first);
			st = connect_db(s, flags, check, true, &first);
		}
	}
	if (st != M_OK && first.reason == MR_IO && had_wal && !had_shm)
		st = merr_set(&first, M_OTHER, MR_IO,
		              _("%s: changes not yet in the file wait in %s, and nothing can be "
		                "made beside it (a read-only directory or a full disk); copy both "
		                "files to where there is room, and read the copy"),
		              s->path, wal);
	if (st != M_OK && err)
		*err = first;
	free(wal);
	free(shm);
	return st;
}

static enum mstatus open_file(struct store *s, unsigned flags, struct merr *err)
{
	const char *path = s->path;
	char *wal = xasprintf("%s-wal", path), *shm = xasprintf("%s-shm", path);
	bool had_wal = exists(wal), had_shm = exists(shm);
	bool created = false, later = false;
	enum mstatus st = M_OK;
	struct stat sb;
	if (stat(path, &sb) == 0) {
		if (S_ISDIR(sb.st_mode))
			st = not_db(path, err);
		else if ((flags & STORE_CREATE) && (flags & STORE_EXCLUSIVE))
			st = merr_set(
			    err, M_OTHER, MR_EXISTS,
			    _("%s: already exists; give a new file name, or remove it first"),
			    path);
		else
			st = precheck(s, sb.st_size, flags, had_wal, &later, err);
	} else if (errno != ENOENT) {
		st = merr_set(err, M_OTHER, MR_IO, _("%s: cannot read the file (%s)"), path,
		              strerror(errno));
	} else if (!(flags & STORE_CREATE) || (flags & STORE_READONLY)) {
		st = merr_set(err, M_DATA, MR_NOT_FOUND,
		              _("%s: does not exist; create it with 'mellan init FILE'"), path);
	} else {
		st = make_parents(path, err);
		int fd = st == M_OK ? open(path, O_WRONLY | O_CREAT | O_EXCL, 0600) : -1;
		if (st == M_OK && fd < 0)
			st = merr_set(err, M_OTHER, MR_IO, _("%s: cannot create the file (%s)"),
			              path, strerror(errno));
		if (fd >= 0) {
			close(fd);
			created = true;
		}
	}
	if (st == M_OK && s->readonly)
		st = connect_reader(s, flags, later, had_wal, had_shm, err);
	else if (st == M_OK)
		st = connect_db(s, flags, later, false, err);
	s->tidy_on_close = s->readonly && !had_wal && !s->immutable;
	if (st != M_OK)
		undo_open(s, wal, had_wal, shm, had_shm, created);
	free(wal);
	free(shm);
	return st;
}

enum mstatus store_open(const char *path, unsigned flags, struct store **out, struct merr *err)
{
	*out = NULL;
	struct store *s = xcalloc(1, sizeof *s);
	s->path = xstrdup(path);
	s->readonly = (flags & STORE_READONLY) != 0;
	/* Every file this creates (directories, the database, -wal, -shm) is the user's alone. */
	mode_t old = umask(077);
	enum mstatus st = open_file(s, flags, err);
	umask(old);
	if (st != M_OK) {
		free(s->path);
		free(s);
		return st;
	}
	*out = s;
	return M_OK;
}

void store_close(struct store **sp)
{
	struct store *s = *sp;
	if (!s)
		return;
	store_rollback(s);
	pq_clear(s);
	close_db(s);
	if (s->tidy_on_close) {
		/* A read-only connection cannot remove the -wal and -shm it made. A writable one
		 * that finds itself the last on the file does (SQLite checks that no one else has
		 * it open), after checkpointing what others wrote, as any writer would. */
		sqlite3 *db = NULL;
		mode_t old = umask(077);
		if (sqlite3_open_v2(s->path, &db, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK)
			sqlite3_exec(db,
			             "PRAGMA trusted_schema = OFF; "
			             "SELECT count(*) FROM sqlite_schema",
			             NULL, NULL, NULL);
		sqlite3_close(db);
		umask(old);
	}
	free(s->editor);
	free(s->path);
	free(s);
	*sp = NULL;
}

const char *store_path(const struct store *s)
{
	return s->path;
}

/* Two names of one directory entry: the same name in the same directory, however spelt. */
static bool same_entry(const char *a, const char *b)
{
	const char *sa = strrchr(a, '/'), *sb = strrchr(b, '/');
	if (strcmp(sa ? sa + 1 : a, sb ? sb + 1 : b) != 0)
		return false;
	char *da = m_dir_of(a), *db = m_dir_of(b);
	struct stat x, y;
	bool same =
	    stat(da, &x) == 0 && stat(db, &y) == 0 && x.st_dev == y.st_dev && x.st_ino == y.st_ino;
	free(da);
	free(db);
	return same;
}

bool store_owns_file(const struct store *s, const char *path)
{
	static const char *const suffix[] = {"", "-wal", "-shm", "-journal"};
	struct stat t, f;
	bool there = stat(path, &t) == 0, own = false;
	for (size_t i = 0; !own && i < sizeof suffix / sizeof suffix[0]; i++) {
		char *p = xasprintf("%s%s", s->path, suffix[i]);
		if (there)
			own = stat(p, &f) == 0 && f.st_dev == t.st_dev && f.st_ino == t.st_ino;
		else
			own = same_entry(p, path);
		free(p);
	}
	return own;
}

int store_schema_version(const struct store *s)
{
	return s->version;
}

int store_current_schema_version(void)
{
	return DB_SCHEMA_VERSION;
}

void store_set_editor(struct store *s, const char *initials)
{
	free(s->editor);
	s->editor = initials && *initials ? xstrdup(initials) : NULL;
	if (s->depth > 0) {
		struct q q;
		q_prepare(&q, s, "UPDATE editor SET initials = :initials WHERE id = 1");
		q_text(&q, ":initials", s->editor);
		q_exec(&q);
		q_finish(&q, NULL);
	}
}

bool store_changed_elsewhere(struct store *s)
{
	struct q q;
	q_prepare(&q, s, "PRAGMA data_version");
	int64_t v = q_row(&q) ? q_col_int(&q, 0) : s->data_version;
	q_finish(&q, NULL);
	bool changed = v != s->data_version;
	s->data_version = v;
	return changed;
}

enum mstatus store_check_integrity(struct store *s, struct merr *err)
{
	struct q q;
	char *bad = NULL;
	q_prepare(&q, s, "PRAGMA integrity_check");
	while (q_row(&q)) {
		char *r = q_col_text(&q, 0);
		if (!bad && r && strcmp(r, "ok") != 0)
			bad = r;
		else
			free(r);
	}
	enum mstatus st = q_finish(&q, err);
	if (st == M_OK && bad)
		st = db_damaged(s->path, bad, err);
	free(bad);
	if (st != M_OK)
		return st;
	int64_t n = 0;
	q_prepare(&q, s, "SELECT count(*) FROM pragma_foreign_key_check");
	if (q_row(&q))
		n = q_col_int(&q, 0);
	st = q_finish(&q, err);
	if (st == M_OK && n > 0)
		st = merr_set(
		    err, M_DATA, MR_INVALID,
		    ngettext("%s: %lld record refers to a record that does not exist; "
		             "restore the file from a backup",
		             "%s: %lld records refer to records that do not exist; restore "
		             "the file from a backup",
		             (unsigned long)n),
		    s->path, (long long)n);
	return st;
}
