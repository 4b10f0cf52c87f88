/* i18n.h - gettext shorthands used by every user-visible string in the tree. */
#ifndef MELLAN_I18N_H
#define MELLAN_I18N_H

#include <libintl.h>

#define _(s) gettext(s)
/* Marks a string for translation where it must stay a constant (tables); translate at use. */
#define N_(s) (s)

#endif
