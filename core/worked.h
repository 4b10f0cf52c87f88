/* worked.h - what worked: the other half of what the journeys teach, beside the gap analysis.
 * The interventions the group judged helpful (effect above 0), counted by actor and by theme
 * (themes.h: the theme of the step they start at); the protective factors noted at the steps,
 * and which actors were there when they were (an intervention made that spans the step); the
 * lasting adults, an actor present over a long span of one journey, across others' hand-overs
 * or age thresholds; and the patterns of what worked that two or more cases share, found as the
 * gap patterns are (pattern.h): "Idrottsföreningen, a lasting adult: 2 interventions in 2 cases".
 *
 * It reads an analysis already run (analysis.h) and points into it: run it after analysis_run and
 * clear it before analysis_clear. Pure: nothing here talks to the store. */
#ifndef MELLAN_WORKED_H
#define MELLAN_WORKED_H

#include "analysis.h"
#include "pattern.h"
#include "themes.h"

#include <stdbool.h>
#include <stddef.h>

/* An actor is a lasting adult in a journey when the interventions it made span at least this many
 * years and cross at least one age threshold or one hand-over between others. */
#define WK_LASTING_YEARS 2

/* One intervention that helped. Pointers point into the analysis. */
struct wk_help {
	const struct m_intervention *iv;
	const struct m_journey *journey;
	size_t case_index;           /* into analysis.journeys */
	const struct m_step *step;   /* where it starts; NULL when its step is gone */
	const struct m_actor *actor; /* NULL when unknown */
	enum m_theme theme;          /* of the step it starts at */
	int age;                     /* at that step; -1 unknown */
	int band;                    /* an_age_band_of(age) */
	bool lasting;                /* its actor is a lasting adult of this journey */
};

/* A line of the counts by actor or by theme. */
struct wk_row {
	char *code;  /* the actor's uuid, the theme's code */
	char *label; /* the actor's name, the theme's label */
	int helped;  /* interventions that helped */
	int cases;
	int strong; /* of them judged to have helped a lot (+2) */
};

struct wk_table {
	struct wk_row *rows; /* most interventions first, then the catalogue's or themes' order */
	size_t n;
};

/* An actor there at a step with a protective factor, and at how many such steps. */
struct wk_presence {
	size_t actor; /* index into analysis.actors */
	int steps;
};

/* A protective factor as noted at the steps (the same words, whatever their case, are one). */
struct wk_factor {
	char *label; /* as first written */
	int steps, cases;
	struct wk_presence *actors; /* most steps first, then the catalogue's order */
	size_t n_actors;
};

struct wk_adult {
	size_t case_index;
	size_t actor;                      /* index into analysis.actors */
	const struct m_step *first, *last; /* the span of its interventions */
	size_t steps;                      /* steps from first to last */
	int years;                         /* -1 when the steps have no time */
	int age_from, age_to;              /* -1 unknown */
	int thresholds;                    /* age thresholds crossed inside the span */
	int handovers;                     /* hand-overs between others inside the span */
};

/* The kinds of a helpful intervention's features (pattern.h): id is the actor's id, the theme,
 * the age band, or 1 + the index of a protective factor at its step. */
enum wk_feature_kind { WKF_ACTOR, WKF_LASTING, WKF_THEME, WKF_BAND, WKF_FACTOR };

struct wk_pattern {
	char *label; /* "Idrottsföreningen, a lasting adult" */
	struct pt_feature *features;
	size_t n_features;
	size_t *helps; /* indexes into worked.helps */
	size_t n_helps;
	int cases, strong;
};

enum wk_dim { WK_ACTOR, WK_THEME, WK_DIM_COUNT };

struct worked {
	struct wk_help *helps; /* by case, then story order of the step, then as recorded */
	size_t n_helps;
	struct wk_table tables[WK_DIM_COUNT];
	struct wk_factor *factors; /* most cases first, most steps, then Swedish order */
	size_t n_factors;
	struct wk_adult *adults; /* by case, then where the span begins */
	size_t n_adults;
	struct wk_pattern *patterns; /* most cases first, most interventions, most strong */
	size_t n_patterns;
};

void worked_run(const struct analysis *an, struct worked *out);
void worked_clear(struct worked *w);

/* The dimension's stable code ("actor", "theme") and translated heading. */
const char *wk_dim_code(enum wk_dim d);
const char *wk_dim_label(enum wk_dim d);

#endif
