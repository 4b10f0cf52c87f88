/* i18n.c - messages with a context, which libintl looks up as "context\004message" but glibc
 * gives no function for. */
#include "i18n.h"

#include <stdio.h>

const char *i18n_pgettext(const char *ctx, const char *msgid)
{
	char key[512];
	int n = snprintf(key, sizeof key, "%s\004%s", ctx, msgid);
	if (n > 0 && (size_t)n < sizeof key) {
		const char *t = gettext(key);
		/* gettext hands back its argument, our buffer, when it has no translation. */
		if (t != key)
			return t;
	}
	return gettext(msgid);
}
