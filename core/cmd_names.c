/* cmd_names.c - `mellan names`: the alliance's own list of names the privacy scan catches (the
 * real young people, their families, the staff in the room): show it, add to it, take from it.
 * Changes land together or not at all, and adding a name that is there already is no change, so
 * a script can run twice. */
#include "commands.h"
#include "i18n.h"
#include "store_privacy.h"
#include "text.h"

#include <stdlib.h>

enum mstatus cmd_names(struct store *s, const char *const *add, size_t n_add,
                       const char *const *remove, size_t n_remove, FILE *out, struct merr *err)
{
	if (n_add || n_remove) {
		enum mstatus st = store_begin(s, err);
		for (size_t i = 0; st == M_OK && i < n_add; i++) {
			st = store_name_add(s, add[i], err);
			if (st != M_OK && err->reason == MR_EXISTS)
				st = M_OK;
		}
		for (size_t i = 0; st == M_OK && i < n_remove; i++)
			st = store_name_remove(s, remove[i], err);
		if (st == M_OK)
			return store_commit(s, err);
		store_rollback(s);
		return st;
	}
	struct m_name_list l;
	enum mstatus st = store_name_list(s, &l, err);
	if (st != M_OK)
		return st;
	for (size_t i = 0; i < l.n; i++) {
		char *clean = text_sanitize(l.items[i].name, 0);
		fprintf(out, "%s\n", clean);
		free(clean);
	}
	m_name_list_clear(&l);
	if (ferror(out))
		return merr_set(err, M_OTHER, MR_IO, _("could not write the list of names"));
	return M_OK;
}
