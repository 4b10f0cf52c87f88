/* store.h - the port to storage, the part every user needs: opening and closing a file, what it
 * is, whose initials go into its history, and transactions. db/ implements it on SQLite; nothing
 * here says how anything is kept.
 *
 * What a user does with an open store is in a port of its own, so that each file includes only
 * what it uses and a new need is one short header, not one more line in a long one:
 *   store_read.h      reading cases and journeys, the catalogue, search, the votes' totals
 *   store_edit.h      adding, editing and deleting records; undo and redo
 *   store_workshop.h  the workshops: sessions, log, the current one, the room's dots
 *   store_propose.h   gaps the program proposes: dismissed, confirmed, the lengths they go by
 *   store_follow.h    presenter follow: the shown case and step, the blanked presentation
 *   store_privacy.h   the list of names, findings kept on purpose, texts outside the journeys
 *   store_exchange.h  export, import (also in bulk), merge, conflicts, backup
 *
 * Every function returns M_OK or fills err with one translated line naming the file. Records
 * passed in are the caller's; records and lists filled out become the caller's and are released
 * with their m_*_clear function (model.h and friends).
 *
 * Writes: each add/update call is atomic on its own. A caller that needs several writes to land
 * together brackets them with store_begin()/store_commit(); store_rollback() undoes them. */
#ifndef MELLAN_STORE_H
#define MELLAN_STORE_H

#include "error.h"
#include "model.h"

#include <stdbool.h>

struct store;

enum store_flags {
	STORE_CREATE = 1 << 0,    /* create the file (and its directory) when missing */
	STORE_EXCLUSIVE = 1 << 1, /* with CREATE: refuse a file that already exists */
	STORE_READONLY = 1 << 2,  /* never write, never migrate */
	/* with READONLY: open a file whose integrity check fails, for check to report it and
	 * backup to copy out what can still be read */
	STORE_DAMAGED_OK = 1 << 3,
};

/* Opens or creates a mellan database. Refuses, leaving the file byte-for-byte as it was: a file
 * that is not SQLite (also empty or truncated) -> M_DATA/MR_NOT_DB, another program's SQLite
 * file -> M_DATA/MR_FOREIGN, a newer mellan's -> M_DATA/MR_NEWER. An older schema is migrated,
 * one version per transaction. The file, its -wal/-shm and created directories are private. */
enum mstatus store_open(const char *path, unsigned flags, struct store **out, struct merr *err);
void store_close(struct store **s);

const char *store_path(const struct store *s);
/* Whether path is the file s reads, or a file that belongs to it (its -wal, -shm, journal), also
 * when it does not exist yet, and by any name: another spelling, a link. */
bool store_owns_file(const struct store *s, const char *path);
int store_schema_version(const struct store *s);
/* The schema version this program writes. */
int store_current_schema_version(void);
/* PRAGMA integrity_check and foreign_key_check: M_OK when both are clean, M_DATA otherwise. */
enum mstatus store_check_integrity(struct store *s, struct merr *err);

/* The initials recorded with every change from now on (NULL or "" for none). */
void store_set_editor(struct store *s, const char *initials);

/* True when another connection (another mellan on the same file) committed a change since the
 * last call: a screen then reloads what it shows. */
bool store_changed_elsewhere(struct store *s);

enum mstatus store_begin(struct store *s, struct merr *err);
enum mstatus store_commit(struct store *s, struct merr *err);
void store_rollback(struct store *s);

#endif
