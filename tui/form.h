/* form.h - forms with labelled fields: one-line and multi-line text, fuzzy times (showing what
 * they understood), numbers and pickers with type-to-filter (one choice or several). Tab and
 * Shift-Tab move between fields, Ctrl-S or F2 saves, Esc cancels (asking when something was
 * typed). A form taller than the screen scrolls; a field's error is shown under it, a store error
 * at the top, and the form stays open with everything typed so the user can try again.
 * Each form of the editor (form_case.c, form_step.c, ...) builds one of these and saves it. */
#ifndef MELLAN_TUI_FORM_H
#define MELLAN_TUI_FORM_H

#include "core/error.h"
#include "core/fuzzytime.h"
#include "textedit.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct app;

enum field_kind { FK_TEXT, FK_MULTI, FK_TIME, FK_NUMBER, FK_PICK, FK_MULTIPICK };

struct pick_item {
	int64_t value; /* an id or an enumeration value */
	char *label;
	char *alias; /* also matched when filtering (an actor's short label); may be NULL */
	char *group; /* shown as a heading above its items (an actor's sector); may be NULL */
};

struct pick_list {
	struct pick_item *items;
	size_t n, cap;
};

void pick_list_add(struct pick_list *l, int64_t value, const char *label, const char *alias,
                   const char *group);
void pick_list_clear(struct pick_list *l);

struct field {
	enum field_kind kind;
	char *label;
	bool required;
	struct textedit te; /* the text; for a picker the filter being typed */
	int min, max;       /* numbers */
	/* Pickers. */
	struct pick_list items;
	bool *chosen; /* which items are chosen (one at most for FK_PICK) */
	size_t sel;   /* the highlighted item among those matching the filter */
	size_t list_top;
	bool pick_changed;
	char understood[600]; /* a time field's reading, or the parser's message */
	bool understood_bad;
	char error[600];
	const char *priv_name; /* the field's stable name for the privacy check, NULL for none */
	const char *priv_uuid; /* the record the field's text goes to when not the form's (a gap's
	                          new action); "" until it is saved */
};

enum form_result { FORM_CONTINUE, FORM_SAVED, FORM_CANCELLED };

struct form;
/* Writes what the form holds; on failure err says why (shown at the top of the form). */
typedef enum mstatus (*form_save_fn)(struct form *f, struct merr *err);
typedef void (*form_free_fn)(void *ctx);

struct form {
	char *title;
	struct field *fields;
	size_t n, cap;
	size_t focus;
	int scroll;         /* first row of the form shown */
	char message[1024]; /* a store error, "" for none */
	bool asking;        /* "discard what was typed?" is on the bottom line */
	form_save_fn save;
	form_free_fn free_ctx;
	void *ctx;
	struct app *app;
	int list_cols;    /* the columns of a multi-line field at the last draw, for Up and Down */
	int cur_y, cur_x; /* where the cursor goes, from the last draw */
	bool cur_on;
	/* The record being edited (form_track), so that after a conflict a second save can
	 * deliberately write this version over the other's. */
	int rec_kind; /* enum rec_kind; 0 for a new record */
	int64_t rec_case, rec_id;
	char *rec_stamp; /* the record's `updated`, inside the form's context */
	bool conflicted;
	bool choose_saves; /* a chooser: Enter on a choice is the save */
	/* The bottom line's hints of a form whose Enter does the work (a search, a chooser),
	 * translated; NULL: the key table's for a form. */
	const char *hints;
	/* Called once the form is saved and closed, before it is freed: what cannot happen while
	 * it is open (the chooser's choice opens another form or asks a question). NULL: none. */
	void (*after)(struct form *f);
	/* Tab in field i, before it moves on: true when the form took it (a path completed). NULL:
	 * Tab always moves on. */
	bool (*complete)(struct form *f, size_t i);
	/* The privacy warning on save (form_privacy.c): the record's uuid (filled by the save of a
	 * new record) and the keys of the findings last shown. */
	char *priv_uuid;
	char *priv_sig;
};

struct form *form_new(struct app *a, const char *title, form_save_fn save, void *ctx,
                      form_free_fn free_ctx);
void form_free(struct form **f);

/* Each returns the field's index. Values are copied. */
size_t form_add_text(struct form *f, const char *label, const char *value, bool required);
size_t form_add_multi(struct form *f, const char *label, const char *value);
size_t form_add_time(struct form *f, const char *label, const char *code);
size_t form_add_number(struct form *f, const char *label, int value, int min, int max);
/* The picker takes the list over (l is left empty). `chosen` selects the item with that value. */
size_t form_add_pick(struct form *f, const char *label, struct pick_list *l, int64_t chosen,
                     bool required);
size_t form_add_multipick(struct form *f, const char *label, struct pick_list *l);
void form_multipick_set(struct form *f, size_t i, int64_t value, bool on);

/* What the fields hold: text (NULL when blank, for optional fields), the time's code (NULL when
 * none), the number, the chosen value (0 when none), whether an item of a multipicker is chosen. */
char *form_text(const struct form *f, size_t i);
char *form_time(const struct form *f, size_t i);
int form_number(const struct form *f, size_t i);
int64_t form_pick(const struct form *f, size_t i);
bool form_multipick_has(const struct form *f, size_t i, int64_t value);
/* Frees *slot and puts value there: a record's text field taking what a form holds. */
void form_take(char **slot, char *value);
/* True when anything was typed or chosen since the form opened. */
bool form_dirty(const struct form *f);
void form_focus(struct form *f, size_t i);

/* Marks the form as editing record `id` (kind: enum rec_kind) whose stamp lives at `stamp`. */
void form_track(struct form *f, int kind, int64_t case_id, int64_t id, char *stamp);

/* The privacy warning on save (form_privacy.c). A form names its record's uuid and the stable
 * names ("narrative", as core/privacy_walk.c has them) of the text fields to check. Before the
 * save: true when findings not shown before are now shown and the save must wait; after it, the
 * findings the facilitator saved over are kept on purpose. */
void form_privacy_record(struct form *f, char *uuid);
void form_privacy_field(struct form *f, size_t i, const char *name);
bool form_privacy_hold(struct form *f);
void form_privacy_keep(struct form *f);

/* Draws the form in rows [top, top + rows) of the whole width and places the cursor. */
void form_draw(struct form *f, int top, int rows);
/* Puts the terminal's cursor where typing goes (after everything else is drawn). */
void form_place_cursor(const struct form *f);
/* The bottom line: the question when asking, else the form's keys. */
void form_bottom(const struct form *f, char *buf, size_t n);
/* A paste into the focused field, filtered in one pass (textedit.h). */
void form_paste(struct form *f, const char *s, size_t n);
/* One key: `key` is an ncurses key code or an ASCII character, `cp` the character typed (0 for
 * a function key). */
enum form_result form_key(struct form *f, int key, uint32_t cp);

#endif
