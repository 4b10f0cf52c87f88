/* form_initials.c - the facilitator's initials: asked once, at the first edit, in a small form,
 * then remembered for this user in $XDG_CONFIG_HOME/mellan/initials (else
 * ~/.config/mellan/initials) and written with every change to the history. */
#include "private.h"

#include "core/i18n.h"
#include "core/xalloc.h"
#include "form.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define INITIALS_MAX 12 /* bytes: a few letters, perhaps å ä ö */

/* The directory and the file; NULL without HOME or XDG_CONFIG_HOME. */
static char *config_dir(void)
{
	const char *x = getenv("XDG_CONFIG_HOME");
	if (x && x[0] == '/')
		return xasprintf("%s/mellan", x);
	const char *h = getenv("HOME");
	if (h && *h)
		return xasprintf("%s/.config/mellan", h);
	return NULL;
}

bool initials_load(char *buf, size_t n)
{
	char *dir = config_dir();
	if (!dir)
		return false;
	char *path = xasprintf("%s/initials", dir);
	free(dir);
	FILE *f = fopen(path, "r");
	free(path);
	if (!f)
		return false;
	bool ok = fgets(buf, (int)n, f) != NULL;
	fclose(f);
	if (!ok)
		return false;
	buf[strcspn(buf, "\r\n")] = '\0';
	return buf[0] != '\0';
}

static enum mstatus initials_save(const char *s, struct merr *err)
{
	char *dir = config_dir();
	if (!dir)
		return merr_set(err, M_OTHER, MR_IO, "%s",
		                _("cannot remember the initials: neither HOME nor XDG_CONFIG_HOME "
		                  "is set"));
	/* The parent (~/.config) may be missing too; only ours is made private. */
	char *slash = strrchr(dir, '/');
	if (slash && slash != dir) {
		*slash = '\0';
		mkdir(dir, 0700);
		*slash = '/';
	}
	if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
		merr_set(err, M_OTHER, MR_IO, _("cannot make %s: %s"), dir, strerror(errno));
		free(dir);
		return err->status;
	}
	char *path = xasprintf("%s/initials", dir);
	free(dir);
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	enum mstatus st = M_OK;
	if (fd < 0 || dprintf(fd, "%s\n", s) < 0)
		st = merr_set(err, M_OTHER, MR_IO, _("cannot write %s: %s"), path, strerror(errno));
	if (fd >= 0 && close(fd) != 0 && st == M_OK)
		st = merr_set(err, M_OTHER, MR_IO, _("cannot write %s: %s"), path, strerror(errno));
	free(path);
	return st;
}

static enum mstatus save(struct form *f, struct merr *err)
{
	char *s = form_text(f, 0);
	enum mstatus st = M_OK;
	if (!s || strlen(s) > INITIALS_MAX || strchr(s, ' ')) {
		snprintf(f->fields[0].error, sizeof f->fields[0].error, "%s",
		         _("a few letters without spaces, like AB"));
		free(s);
		return merr_set(err, M_USAGE, MR_INVALID, "%s", _("the initials were not saved"));
	}
	st = initials_save(s, err);
	if (st == M_OK) {
		snprintf(f->app->initials, sizeof f->app->initials, "%s", s);
		store_set_editor(f->app->store, s);
	}
	free(s);
	return st;
}

void form_initials_open(struct app *a)
{
	struct form *f = form_new(a, _("Your initials"), save, NULL, NULL);
	form_add_text(f, _("Initials"), "", true);
	/* The question says why it is asked. */
	snprintf(f->message, sizeof f->message, "%s",
	         _("Every change is written to the history with the initials of who made it."));
	app_show_form(a, f);
}
