/* paths.h - where mellan keeps its file when none is named, and private scratch directories. */
#ifndef MELLAN_PATHS_H
#define MELLAN_PATHS_H

/* $MELLAN_DB, else $XDG_DATA_HOME/mellan/mellan.db, else ~/.local/share/mellan/mellan.db.
 * NULL when none of these can be known (no HOME). The caller frees the result. */
char *m_default_db_path(void);

/* The directory path is in: "." for a bare name, "/" for one at the root. The caller frees it. */
char *m_dir_of(const char *path);

/* A new private (0700) directory for throw-away files, under $XDG_RUNTIME_DIR, $TMPDIR or /tmp.
 * NULL on failure (errno set). The caller frees the path and removes the directory. */
char *m_make_scratch_dir(const char *prefix);
/* Removes a scratch directory and the files directly inside it. */
void m_remove_scratch_dir(const char *dir);

#endif
