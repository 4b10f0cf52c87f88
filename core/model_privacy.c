/* model_privacy.c - clean-up for the lists of model_privacy.h. */
#include "model_privacy.h"

#include <stdlib.h>

void m_name_list_clear(struct m_name_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->items[i].name);
	free(l->items);
	l->items = NULL;
	l->n = 0;
}

void m_kept_list_clear(struct m_kept_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->items[i].field);
		free(l->items[i].key);
		free(l->items[i].editor);
		free(l->items[i].at);
	}
	free(l->items);
	l->items = NULL;
	l->n = 0;
}

void m_free_text_list_clear(struct m_free_text_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->items[i].table);
		free(l->items[i].field);
		free(l->items[i].label);
		free(l->items[i].text);
	}
	free(l->items);
	l->items = NULL;
	l->n = 0;
}
