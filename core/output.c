/* output.c - writing a file the user named without destroying anything. See output.h. */
#include "output.h"

#include "i18n.h"
#include "paths.h"
#include "store.h"
#include "xalloc.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

static enum mstatus not_regular(const char *name, struct merr *err)
{
	return merr_set(err, M_OTHER, MR_EXISTS,
	                _("%s: not a regular file (a directory, a pipe, a device, or a link to "
	                  "one or to nothing); it is never replaced; choose another name"),
	                name);
}

static enum mstatus exists(const char *name, struct merr *err)
{
	return merr_set(err, M_OTHER, MR_EXISTS,
	                _("%s: already exists; choose another name, or give --force to "
	                  "replace it"),
	                name);
}

static enum mstatus cannot_write(const char *name, int e, struct merr *err)
{
	return merr_set(err, M_OTHER, MR_IO,
	                _("%s: cannot write the file (%s); nothing was replaced"), name,
	                strerror(e));
}

/* A database someone has open, or that was not closed cleanly, has a -wal (or a -journal) beside
 * it that belongs to the file as it is: whatever is put in its place would lose that, and a copy
 * of a database would even have the -wal played into it. So also where the target is missing. */
static enum mstatus in_use(const char *target, const char *name, struct merr *err)
{
	static const char *const beside[] = {"-wal", "-journal"};
	for (size_t i = 0; i < sizeof beside / sizeof beside[0]; i++) {
		char *p = xasprintf("%s%s", target, beside[i]);
		bool there = access(p, F_OK) == 0;
		free(p);
		if (there)
			return merr_set(
			    err, M_OTHER, MR_BUSY,
			    _("%s: a database with a %s beside it, open in a mellan or "
			      "not closed cleanly; it is never replaced; choose another "
			      "name"),
			    name, beside[i]);
	}
	return M_OK;
}

static bool same_file(const struct stat *a, const struct stat *b)
{
	return a->st_dev == b->st_dev && a->st_ino == b->st_ino;
}

/* Whether any descriptor of this process is open on the file: the database and whatever SQLite
 * opened beside it, an input, a redirected standard stream. */
static bool open_here(const struct stat *t)
{
	struct stat sb;
	DIR *d = opendir("/proc/self/fd");
	if (d) {
		bool found = false;
		struct dirent *e;
		while (!found && (e = readdir(d)) != NULL) {
			char *end;
			long fd = strtol(e->d_name, &end, 10);
			found = *end == '\0' && end != e->d_name && fd != dirfd(d) &&
			        fstat((int)fd, &sb) == 0 && same_file(&sb, t);
		}
		closedir(d);
		return found;
	}
	/* Without /proc, every descriptor up to the limit (bounded: a huge limit would take long). */
	struct rlimit rl;
	long max =
	    getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < 65536 ? (long)rl.rlim_cur : 65536;
	for (long fd = 0; fd < max; fd++)
		if (fstat((int)fd, &sb) == 0 && same_file(&sb, t))
			return true;
	return false;
}

static void output_free(struct output *o)
{
	free(o->name);
	free(o->target);
	free(o->tmp);
	memset(o, 0, sizeof *o);
}

enum mstatus output_open(struct output *o, const char *name, unsigned flags, const struct store *s,
                         struct merr *err)
{
	memset(o, 0, sizeof *o);
	struct stat sb;
	bool found = lstat(name, &sb) == 0;
	if (!found && errno != ENOENT)
		return cannot_write(name, errno, err);
	char *target = NULL;
	if (found && S_ISLNK(sb.st_mode)) {
		/* The file the link points to is replaced; the link stays a link. */
		if (stat(name, &sb) != 0 || !S_ISREG(sb.st_mode))
			return not_regular(name, err);
		target = realpath(name, NULL);
		if (!target)
			return cannot_write(name, errno, err);
	} else if (found && !S_ISREG(sb.st_mode)) {
		return not_regular(name, err);
	}
	if (!target)
		target = xstrdup(name);
	enum mstatus st = M_OK;
	if ((s && store_owns_file(s, target)) || (found && open_here(&sb)))
		st = merr_set(err, M_USAGE, MR_INVALID,
		              _("%s: that is the database, a file that belongs to it, or a file "
		                "mellan has open; choose another name"),
		              name);
	else if (found && !(flags & OUTPUT_FORCE))
		st = exists(name, err);
	else
		st = in_use(target, name, err);
	if (st != M_OK) {
		free(target);
		return st;
	}
	o->name = xstrdup(name);
	o->target = target;
	o->tmp = xasprintf("%s.XXXXXX", target);
	int fd = mkstemp(o->tmp); /* 0600 */
	if (fd < 0 || !(o->fp = fdopen(fd, "w"))) {
		st = cannot_write(name, errno, err);
		if (fd >= 0) {
			close(fd);
			unlink(o->tmp);
		}
		output_free(o);
		return st;
	}
	if (found) {
		o->replace = true;
		o->mode = sb.st_mode & 0777;
		o->uid = sb.st_uid;
		o->gid = sb.st_gid;
	}
	return M_OK;
}

/* The directory entry of the rename is only durable once the directory itself is synced. Some
 * file systems cannot sync a directory (EINVAL); there the rename is as durable as it gets. */
static enum mstatus sync_dir(const struct output *o, struct merr *err)
{
	char *dir = m_dir_of(o->target);
	int fd = open(dir, O_RDONLY | O_DIRECTORY);
	free(dir);
	enum mstatus st = M_OK;
	if (fd < 0 || (fsync(fd) != 0 && errno != EINVAL && errno != EROFS))
		st = merr_set(err, M_OTHER, MR_IO,
		              _("%s: written, but its directory could not be synced (%s); check "
		                "the disk"),
		              o->name, strerror(errno));
	if (fd >= 0)
		close(fd);
	return st;
}

/* The last step. The target is looked at again, as something may have appeared there since
 * output_open(); a new file is linked rather than renamed, which fails instead of replacing. */
static enum mstatus put_in_place(const struct output *o, struct merr *err)
{
	struct stat sb;
	if (lstat(o->target, &sb) == 0) {
		if (!S_ISREG(sb.st_mode))
			return not_regular(o->name, err);
		if (!o->replace)
			return exists(o->name, err);
	}
	if (!o->replace && link(o->tmp, o->target) == 0) {
		unlink(o->tmp);
	} else if (!o->replace && errno == EEXIST) {
		return exists(o->name, err);
	} else if (rename(o->tmp, o->target) != 0) {
		/* also where the file system has no hard links (FAT on a memory stick) */
		return cannot_write(o->name, errno, err);
	}
	return sync_dir(o, err);
}

enum mstatus output_commit(struct output *o, struct merr *err)
{
	int fd = fileno(o->fp);
	bool failed = ferror(o->fp) || fflush(o->fp) != 0 || fsync(fd) != 0;
	int e = errno;
	if (!failed && o->replace) {
		/* The replaced file's owner and group where the system allows it (root), then its
		 * permissions: a file someone shared stays shared, a private one private. */
		if (fchown(fd, o->uid, o->gid) != 0 && errno != EPERM) {
			failed = true;
			e = errno;
		}
		if (!failed && fchmod(fd, o->mode) != 0) {
			failed = true;
			e = errno;
		}
	}
	if (fclose(o->fp) != 0 && !failed) {
		failed = true;
		e = errno;
	}
	o->fp = NULL;
	enum mstatus st = failed ? cannot_write(o->name, e, err) : put_in_place(o, err);
	if (st != M_OK)
		unlink(o->tmp); /* gone already when only the sync after the rename failed */
	output_free(o);
	return st;
}

void output_discard(struct output *o)
{
	if (o->fp)
		fclose(o->fp);
	if (o->tmp)
		unlink(o->tmp);
	output_free(o);
}
