/* i18n.h - gettext shorthands used by every user-visible string in the tree. */
#ifndef MELLAN_I18N_H
#define MELLAN_I18N_H

#include <libintl.h>

#define _(s) gettext(s)
/* Marks a string for translation where it must stay a constant (tables); translate at use. */
#define N_(s) (s)
/* Like N_, for a word English uses with two meanings that a translation must tell apart
 * ("open" a case, an "open" gap): translate it at use with i18n_pgettext(ctx, s). */
#define NC_(ctx, s) (s)

/* The translation of msgid in the context ctx; a message marked without that context (N_)
 * is found too, so a table may mix NC_ and N_. */
const char *i18n_pgettext(const char *ctx, const char *msgid);

#endif
