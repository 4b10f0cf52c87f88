/* form_lengths.c - the lengths the program proposes gaps by (core/silence.c), kept in the file:
 * how long a silence must last, and how long a hand-over may wait to be received or acted on. */
#include "private.h"

#include "core/i18n.h"
#include "core/silence.h"
#include "core/store_propose.h"
#include "core/xalloc.h"

#include <stdlib.h>

struct ctx {
	size_t silence, handover;
};

static enum mstatus save(struct form *f, struct merr *err)
{
	struct ctx *c = f->ctx;
	int sil = form_number(f, c->silence), ho = form_number(f, c->handover);
	enum mstatus r = store_proposal_lengths_set(f->app->store, sil, ho, err);
	if (r == M_OK)
		app_note(f->app,
		         _("proposed from now on: silences of %d days, hand-overs after %d days"),
		         sil, ho);
	return r;
}

void form_lengths_open(struct app *a)
{
	struct merr err = {0};
	int sil = SILENCE_DEFAULT_DAYS, ho = HANDOVER_DEFAULT_DAYS;
	if (store_proposal_lengths(a->store, &sil, &ho, &err) != M_OK) {
		app_message(a, &err);
		return;
	}
	struct ctx *c = xcalloc(1, sizeof *c);
	struct form *f = form_new(a, _("When a gap is proposed"), save, c, free);
	c->silence = form_add_number(f, _("Silence of at least (days)"), sil, 1, 3650);
	c->handover = form_add_number(f, _("Hand-over waiting over (days)"), ho, 1, 3650);
	app_open_form(a, f);
}
