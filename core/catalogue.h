/* catalogue.h - the default actor catalogue, gap categories and age thresholds a new database
 * starts with. They are ordinary records once loaded: the alliance edits them like any other.
 * The tables are public so the demo and the tests can refer to what ships; catalogue_build()
 * makes records of them in memory, and seed.h writes those into a new file. */
#ifndef MELLAN_CATALOGUE_H
#define MELLAN_CATALOGUE_H

#include "error.h"
#include "model.h"

#include <stdbool.h>
#include <stddef.h>

struct catalogue_actor {
	const char *name;        /* Swedish, as people in the room say it */
	const char *short_label; /* at most 6 characters */
	enum m_sector sector;
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

/* The default catalogue as records, in the order the store lists them (actors by sector, then
 * name; categories in their order; thresholds by age), with ids from 1 in each list as a new
 * file gives them. `name` (the file's) heads the line of an error in the tables themselves. */
struct catalogue_set {
	struct m_actor_list actors;
	struct m_category_list categories;
	struct m_threshold_list thresholds;
};
enum mstatus catalogue_build(const char *name, struct catalogue_set *out, struct merr *err);
void catalogue_set_clear(struct catalogue_set *c);

#endif
