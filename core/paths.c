/* paths.c - default database location (XDG base directories) and scratch directories. */
#include "paths.h"
#include "xalloc.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *nonempty_env(const char *name)
{
	const char *v = getenv(name);
	return v && *v ? v : NULL;
}

char *m_dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return xstrdup(".");
	return xstrndup(path, slash == path ? 1 : (size_t)(slash - path));
}

char *m_default_db_path(void)
{
	const char *v = nonempty_env("MELLAN_DB");
	if (v)
		return xstrdup(v);
	/* The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored. */
	v = nonempty_env("XDG_DATA_HOME");
	if (v && v[0] == '/')
		return xasprintf("%s/mellan/mellan.db", v);
	v = nonempty_env("HOME");
	if (v)
		return xasprintf("%s/.local/share/mellan/mellan.db", v);
	return NULL;
}

char *m_make_scratch_dir(const char *prefix)
{
	const char *base = nonempty_env("XDG_RUNTIME_DIR");
	if (!base || access(base, W_OK) != 0)
		base = nonempty_env("TMPDIR");
	if (!base || access(base, W_OK) != 0)
		base = "/tmp";
	char *dir = xasprintf("%s/%s-XXXXXX", base, prefix);
	if (!mkdtemp(dir)) { /* mkdtemp makes it 0700 */
		free(dir);
		return NULL;
	}
	return dir;
}

void m_remove_scratch_dir(const char *dir)
{
	DIR *d = opendir(dir);
	if (d) {
		struct dirent *e;
		while ((e = readdir(d)) != NULL) {
			if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
				continue;
			char *p = xasprintf("%s/%s", dir, e->d_name);
			unlink(p);
			free(p);
		}
		closedir(d);
	}
	rmdir(dir);
}
