/* catalogue.h - the default actor catalogue, gap categories and age thresholds a new database
 * starts with. They are ordinary records once loaded: the alliance edits them like any other.
 * The tables are public so the demo and the tests can refer to what ships. */
#ifndef MELLAN_CATALOGUE_H
#define MELLAN_CATALOGUE_H

#include "error.h"
#include "model.h"
#include "store.h"

#include <stdbool.h>
#include <stddef.h>

struct catalogue_actor {
	const char *name;        /* Swedish, as people in the room say it */
	const char *short_label; /* at most 6 characters */
	enum m_sector sector;
	int colour; /* 0..7 */
	const char *description;
};

struct catalogue_category {
	const char *code;
	const char *name;
	const char *description;
};

struct catalogue_threshold {
	int age;
	const char *label;
	const char *actor; /* an actor's name in catalogue_actors, NULL for none */
	bool starts;
};

extern const struct catalogue_actor catalogue_actors[];
extern const size_t catalogue_n_actors;
extern const struct catalogue_category catalogue_categories[];
extern const size_t catalogue_n_categories;
extern const struct catalogue_threshold catalogue_thresholds[];
extern const size_t catalogue_n_thresholds;

/* Adds the default actors, gap categories (in their order) and thresholds, all or nothing. */
enum mstatus catalogue_load_defaults(struct store *s, struct merr *err);

#endif
