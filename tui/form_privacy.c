/* form_privacy.c - the privacy warning on save: before a form writes, its free texts are scanned
 * (core/privacy.h) with the alliance's list of names. What was found is said under each field,
 * masked, and the form stays open: the facilitator rewrites it, or saves again to keep it on
 * purpose, which is recorded with their initials. A second save keeps only what was shown: a
 * finding typed after the warning is shown in its turn. */
#include "form.h"

#include "core/i18n.h"
#include "core/privacy.h"
#include "core/xalloc.h"
#include "private.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void form_privacy_record(struct form *f, char *uuid)
{
	f->priv_uuid = uuid;
}

void form_privacy_field(struct form *f, size_t i, const char *name)
{
	if (i < f->n)
		f->fields[i].priv_name = name;
}

static const char *record_uuid(const struct form *f, const struct field *fl)
{
	if (fl->priv_uuid)
		return fl->priv_uuid;
	return f->priv_uuid ? f->priv_uuid : "";
}

/* The findings of field i, kept ones left out; false when the store could not say. */
static bool scan(struct form *f, const struct privacy_names *names, size_t i,
                 struct privacy_findings *out)
{
	struct field *fl = &f->fields[i];
	struct merr err = {0};
	return privacy_check_text(f->app->store, names, record_uuid(f, fl), fl->priv_name,
	                          te_text(&fl->te), out, &err) == M_OK;
}

static struct privacy_names *names_of(struct form *f)
{
	struct privacy_names *names = NULL;
	struct merr err = {0};
	if (privacy_names_load(f->app->store, &names, &err) != M_OK)
		names = NULL; /* the numbers and addresses are still found */
	return names;
}

bool form_privacy_hold(struct form *f)
{
	struct privacy_names *names = names_of(f);
	char *sig = NULL;
	size_t sig_len = 0, first = f->n;
	for (size_t i = 0; i < f->n; i++) {
		struct field *fl = &f->fields[i];
		if (!fl->priv_name || te_blank(&fl->te))
			continue;
		struct privacy_findings found = {0};
		if (!scan(f, names, i, &found) || !found.n) {
			privacy_findings_clear(&found);
			continue;
		}
		size_t o = (size_t)snprintf(fl->error, sizeof fl->error, "%s", _("found: "));
		for (size_t k = 0; k < found.n; k++) {
			const struct privacy_finding *g = &found.items[k];
			if (o < sizeof fl->error)
				o += (size_t)snprintf(fl->error + o, sizeof fl->error - o,
				                      "%s%s %s", k ? ", " : "",
				                      privacy_kind_label(g->kind), g->masked);
			/* keyed without the record: a new record has no uuid before it is saved */
			char key[PRIVACY_KEY_LEN + 1];
			privacy_key("", fl->priv_name, te_text(&fl->te), g, key);
			sig = xrealloc(sig, sig_len + PRIVACY_KEY_LEN + 1);
			memcpy(sig + sig_len, key, PRIVACY_KEY_LEN + 1);
			sig_len += PRIVACY_KEY_LEN;
		}
		if (first == f->n)
			first = i;
		privacy_findings_clear(&found);
	}
	privacy_names_free(&names);
	if (!sig) {
		free(f->priv_sig);
		f->priv_sig = NULL;
		return false;
	}
	if (f->priv_sig && strcmp(sig, f->priv_sig) == 0) {
		free(sig); /* saved again over the same findings: kept on purpose */
		return false;
	}
	free(f->priv_sig);
	f->priv_sig = sig;
	snprintf(f->message, sizeof f->message, "%s",
	         _("This could identify someone (see below). Rewrite it, or save again (Ctrl-S) "
	           "to keep it on purpose."));
	form_focus(f, first);
	return true;
}

void form_privacy_keep(struct form *f)
{
	if (!f->priv_sig)
		return;
	struct privacy_names *names = names_of(f);
	for (size_t i = 0; i < f->n; i++) {
		struct field *fl = &f->fields[i];
		if (!fl->priv_name || te_blank(&fl->te) || !record_uuid(f, fl)[0])
			continue;
		struct privacy_findings found = {0};
		struct merr err = {0};
		if (scan(f, names, i, &found))
			for (size_t k = 0; k < found.n; k++)
				/* The text is saved already; a keep that fails only means the
				 * finding is shown again by check, which is the safe side. */
				privacy_keep(f->app->store, record_uuid(f, fl), fl->priv_name,
				             te_text(&fl->te), &found.items[k], &err);
		privacy_findings_clear(&found);
	}
	privacy_names_free(&names);
}
