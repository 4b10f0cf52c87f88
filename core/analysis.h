/* analysis.h - the gap analysis across all cases or a chosen set: what decision makers act on.
 * Gaps counted by category, by actor, by the pair of actors in a broken hand-over, by age band,
 * by the age threshold they fall at, by life domain, by level and by status; an actor x category
 * matrix; and the recurring patterns, each with the gaps (and so the steps) behind it.
 *
 * A gap's features are its category, the threshold age it falls at (the young person's age in the
 * year of its step equals an age where rules change), the broken hand-over at its step or span (a
 * referral never received or never acted on) and the actors involved in it. A pattern is a set of
 * features shared by gaps in two or more cases, as specific as those gaps allow: "Åldersövergång,
 * at 18, hand-over BUP -> Vuxenpsykiatrin: 7 gaps in 5 cases".
 *
 * It works on loaded data and returns results: what it reads is loaded at the edge
 * (core/load.h, from the store; the unit tests build it in memory). */
#ifndef MELLAN_ANALYSIS_H
#define MELLAN_ANALYSIS_H

#include "model.h"
#include "model_workshop.h"
#include "pattern.h"

#include <stdbool.h>
#include <stddef.h>

/* The dimensions gaps are counted by, in the order reports show them. */
enum an_dim {
	AN_CATEGORY,
	AN_ACTOR,     /* involved or could have acted; a gap counts once per actor */
	AN_PAIR,      /* from -> to of a broken hand-over at the gap */
	AN_AGE_BAND,  /* the young person's age at the gap's step, in bands */
	AN_THRESHOLD, /* the threshold age the gap falls at */
	AN_DOMAIN,    /* the life domain of the gap's step */
	AN_LEVEL,
	AN_STATUS,
	AN_DIM_COUNT
};

/* One line of a count: what it counts, and how many gaps, in how many cases, with how many dots
 * of the workshops' votes and the highest severity among them. */
struct an_row {
	char *code;  /* stable: a category code, actor uuid, "13-15", "18", "policy" ... */
	char *label; /* what people read; translated, or the catalogue's own name */
	int gaps, cases, votes, severity_max;
	int involved,
	    could; /* AN_ACTOR only: gaps where the actor was involved / could have acted */
};

struct an_table {
	struct an_row
	    *rows; /* most gaps first, then the catalogue's or the dimension's own order */
	size_t n;
};

/* One gap with what the analysis found out about it. Pointers point into struct analysis. */
struct an_gap {
	const struct m_gap *gap;
	const struct m_journey *journey;
	size_t case_index;         /* into analysis.journeys */
	const struct m_step *step; /* where it is (NULL when its step is gone) */
	const struct m_step *step_to;
	const struct m_category *category; /* NULL when unknown */
	int age;       /* the young person's age in the year of the step; -1 unknown */
	int band;      /* index into an_age_band_label(); -1 unknown */
	int threshold; /* the threshold age it falls at; -1 none */
	const struct m_handover *broken; /* a broken hand-over at its step or span, or NULL */
	int votes;
};

/* The kinds of a gap's features (pattern.h): id is a category or actor id, or the from actor of
 * a pair, whose to actor is `to`; age is a threshold's. */
enum an_feature_kind { ANF_CATEGORY, ANF_THRESHOLD, ANF_PAIR, ANF_ACTOR };

struct an_pattern {
	char *label; /* "Åldersövergång, at 18, hand-over BUP → Vuxenpsykiatrin" */
	struct pt_feature *features;
	size_t n_features;
	size_t *gaps; /* indexes into analysis.gaps, in the analysis' gap order */
	size_t n_gaps;
	int cases, votes, severity_max;
};

struct analysis {
	struct m_journey *journeys; /* the cases analysed, in Swedish order of their code */
	size_t n_journeys;
	struct m_actor_list actors;
	struct m_category_list categories;
	struct m_threshold_list thresholds;
	struct an_gap *gaps; /* by case, then story order of the step, then as recorded */
	size_t n_gaps;
	size_t n_steps;
	struct an_table tables[AN_DIM_COUNT];
	/* gaps per actor (involved or could) and category: matrix[a * categories.n + c], with a and
	 * c indexes into actors and categories. */
	int *matrix;
	struct an_pattern *patterns; /* most cases first, then most gaps, severity, votes */
	size_t n_patterns;
};

/* What the analysis works on: the journeys of the chosen cases in Swedish order of their code
 * (each as store_journey_load gives it: steps in story order), the catalogue, and the dots of
 * the workshops' votes. */
struct an_input {
	struct m_journey *journeys;
	size_t n_journeys;
	struct m_actor_list actors;
	struct m_category_list categories;
	struct m_threshold_list thresholds;
	struct m_vote_total_list votes;
};
void an_input_clear(struct an_input *in);

/* Called after each case is loaded, for a progress bar; may be NULL. */
typedef void (*an_progress_fn)(void *ctx, size_t done, size_t total);

/* Analyses what in holds and takes it over: in is left empty, its journeys and catalogue are the
 * analysis' from now on (analysis_clear frees them). */
void analysis_run(struct an_input *in, struct analysis *out);
void analysis_clear(struct analysis *an);

/* The age bands, "0-12" "13-15" "16-17" "18-20" "21-25" "26+": a stable code and a label. */
#define AN_AGE_BANDS 6
const char *an_age_band_code(int band);
const char *an_age_band_label(int band);
int an_age_band_of(int age);

/* The dimension's stable code ("category", "actor", ...) and translated heading. */
const char *an_dim_code(enum an_dim d);
const char *an_dim_label(enum an_dim d);

/* The gaps of one actor (an index into actors) over all categories of the matrix. */
int analysis_matrix_row(const struct analysis *an, size_t actor);

/* The young person's age in the year of a step; -1 unknown. */
int analysis_age_at(const struct m_journey *j, const struct m_step *st);
/* A step's index in the journey's story order by its id; -1 when it is not there (or id 0). */
long analysis_step_index(const struct m_journey *j, m_id id);

/* A gap's index in analysis.gaps by its id; -1 when it is not there. */
long analysis_gap_index(const struct analysis *an, m_id gap);

#endif
