/* screen_import.c - the import screen: a chronology from a spreadsheet (CSV or .xlsx) brought in
 * as `mellan import` brings it, with the facilitator saying on the screen what the command line
 * says with options. o chooses the file (Tab completes a path); the columns are listed with the
 * field each gives, and Enter says what an unknown one is or leaves it out; the actor names the
 * catalogue lacks are listed with their lines, and Enter says which actor a name is or makes it
 * a new one in a sector; the preview is the one --dry-run prints; i imports it all in one
 * transaction. Long files show their progress on the bottom line. */
#include "private.h"

#include "core/commands.h"
#include "core/i18n.h"
#include "core/import_rows.h"
#include "core/xalloc.h"
#include "draw.h"
#include "picker.h"

#include <curses.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* What Enter can be pressed on. */
enum item_kind { IT_COLUMN, IT_CASE, IT_NAME };
struct item {
	enum item_kind kind;
	size_t index; /* of the column or the name in the plan */
};

struct import_view {
	struct screen base;
	char *path;
	FILE *in;
	struct imp_options opts;
	struct importer *im;
	bool dirty; /* the options changed: read the file again on the next reload */
	char problem[sizeof(((struct merr *)0)->msg)]; /* what stands in the way; "" for none */
	bool ready;                                    /* scanned, and nothing stands in the way */
	struct item *items;
	size_t n_items, sel, top;
	bool follow; /* the selection moved: the next draw scrolls it into view */
	char **preview;
	size_t n_preview;
};

/* The value of "leave the column out" in the column chooser. */
#define PICK_IGNORE 100

static void clear_read(struct import_view *v)
{
	imp_close(&v->im);
	for (size_t i = 0; i < v->n_preview; i++)
		free(v->preview[i]);
	free(v->preview);
	free(v->items);
	v->preview = NULL;
	v->items = NULL;
	v->n_preview = v->n_items = 0;
	v->problem[0] = '\0';
	v->ready = false;
}

/* Progress of a long file on the bottom line, drawn at once: the main loop is waiting. */
static void progress(void *arg, const char *what, long done, long total)
{
	(void)arg;
	if (!stdscr)
		return;
	char line[200];
	if (total > 0)
		snprintf(line, sizeof line, _("%s: %ld of %ld"), what, done, total);
	else
		snprintf(line, sizeof line, _("%s: %ld"), what, done);
	draw_line(LINES - 1, 0, COLS, ROLE_HINT, line);
	refresh();
}

static void add_item(struct import_view *v, enum item_kind kind, size_t index)
{
	v->items = xreallocarray(v->items, v->n_items + 1, sizeof *v->items);
	v->items[v->n_items++] = (struct item){kind, index};
}

static void set_problem(struct import_view *v, const char *text)
{
	snprintf(v->problem, sizeof v->problem, "%s", text);
}

/* What stands in the way in the columns, said as the screen lets it be mended. */
static bool columns_problem(struct import_view *v, const struct imp_plan *p)
{
	int count[IMP_FIELDS] = {0};
	size_t unknown = 0;
	for (size_t i = 0; i < p->n_columns; i++) {
		unknown += p->field[i] == IMP_UNKNOWN;
		if (p->field[i] >= 0)
			count[p->field[i]]++;
	}
	if (unknown)
		set_problem(v, ngettext("A column mellan does not read: Enter on it says what it "
		                        "is, or leaves it out.",
		                        "Columns mellan does not read: Enter on each says what it "
		                        "is, or leaves it out.",
		                        unknown));
	for (int f = 0; !unknown && f < IMP_FIELDS; f++)
		if (count[f] > 1) {
			snprintf(
			    v->problem, sizeof v->problem,
			    _("Two columns give the %s: Enter on one of them says what else it "
			      "is, or leaves it out."),
			    imp_field_label((enum imp_field)f));
			return true;
		}
	if (!unknown && !count[IMP_CASE] && !v->opts.case_code)
		set_problem(v, _("No column gives the case: Enter on 'Case of every row' gives it, "
		                 "or say which column it is."));
	else if (!unknown && !count[IMP_HAPPENED])
		set_problem(v, _("No column gives what happened: Enter on the column that does."));
	return v->problem[0] != '\0';
}

/* Reads the file again as the options now say: the columns, the scan, the preview. */
static void load(struct app *a, struct import_view *v)
{
	clear_read(v);
	v->dirty = false;
	if (!v->in)
		return;
	rewind(v->in);
	struct merr err = {0};
	if (imp_open(a->store, v->path, v->in, &v->opts, &v->im, &err) != M_OK) {
		set_problem(v, err.msg);
		return;
	}
	const struct imp_plan *p = imp_plan(v->im);
	bool case_column = false;
	for (size_t i = 0; i < p->n_columns; i++) {
		if (p->field[i] != IMP_UNNAMED)
			add_item(v, IT_COLUMN, i);
		case_column |= p->field[i] == IMP_CASE;
	}
	if (!case_column)
		add_item(v, IT_CASE, 0);
	if (columns_problem(v, p) || imp_check_columns(v->im, &err) != M_OK ||
	    imp_scan(v->im, progress, a, &err) != M_OK) {
		if (!v->problem[0])
			set_problem(v, err.msg);
		return;
	}
	for (size_t i = 0; i < p->n_names; i++)
		add_item(v, IT_NAME, i);
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);
	if (out) {
		imp_preview(v->im, out);
		fclose(out);
	}
	char *save = NULL;
	for (char *l = text ? strtok_r(text, "\n", &save) : NULL; l;
	     l = strtok_r(NULL, "\n", &save)) {
		v->preview = xreallocarray(v->preview, v->n_preview + 1, sizeof *v->preview);
		v->preview[v->n_preview++] = xstrdup(l);
	}
	free(text);
	size_t open = 0;
	for (size_t i = 0; i < p->n_names; i++)
		open += !p->names[i].actor && p->names[i].sector < 0;
	if (open)
		set_problem(
		    v, ngettext("An actor name is not in the catalogue: Enter on it says which "
		                "actor it is, or adds it.",
		                "Actor names are not in the catalogue: Enter on each says which "
		                "actor it is, or adds it.",
		                open));
	v->ready = !open;
	if (v->sel >= v->n_items)
		v->sel = v->n_items ? v->n_items - 1 : 0;
}

static void reload(struct app *a, struct screen *s)
{
	struct import_view *v = (struct import_view *)s;
	if (v->dirty)
		load(a, v);
}

static void free_view(struct screen *s)
{
	struct import_view *v = (struct import_view *)s;
	clear_read(v);
	if (v->in)
		fclose(v->in);
	free(v->path);
	imp_options_clear(&v->opts);
}

static struct import_view *the_view(struct app *a)
{
	return (struct import_view *)screen_find(a, &screen_import);
}

/* ---- choosing the file --------------------------------------------------------------------- */

/* Tab: the path completed as far as the directory's entries agree; a directory gets its '/'.
 * The candidates, when there are several, are listed at the top of the form. */
static bool complete(struct form *f, size_t i)
{
	struct field *fl = &f->fields[i];
	const char *text = te_text(&fl->te);
	const char *slash = strrchr(text, '/');
	char *dir = slash ? xstrndup(text, (size_t)(slash - text) + 1) : xstrdup("");
	const char *base = slash ? slash + 1 : text;
	char *look = dir[0] == '~' && dir[1] == '/' && getenv("HOME")
	                 ? xasprintf("%s%s", getenv("HOME"), dir + 1)
	                 : xstrdup(dir[0] ? dir : "./");
	DIR *d = opendir(look);
	char *common = NULL, *one = NULL;
	size_t found = 0, listed = 0;
	f->message[0] = '\0';
	for (struct dirent *e = d ? readdir(d) : NULL; e; e = readdir(d)) {
		if (strncmp(e->d_name, base, strlen(base)) != 0 || strcmp(e->d_name, ".") == 0 ||
		    strcmp(e->d_name, "..") == 0 || (e->d_name[0] == '.' && base[0] != '.'))
			continue;
		found++;
		if (!common) {
			common = xstrdup(e->d_name);
			one = xstrdup(e->d_name);
		} else {
			size_t k = 0;
			while (common[k] && common[k] == e->d_name[k])
				k++;
			common[k] = '\0';
		}
		size_t at = strlen(f->message);
		if (listed++ < 40 && at + strlen(e->d_name) + 3 < sizeof f->message)
			snprintf(f->message + at, sizeof f->message - at, "%s%s", at ? "  " : "",
			         e->d_name);
	}
	if (d)
		closedir(d);
	if (found == 1) {
		char *full = xasprintf("%s%s", look, one);
		struct stat sb;
		bool is_dir = stat(full, &sb) == 0 && S_ISDIR(sb.st_mode);
		free(full);
		char *now = xasprintf("%s%s%s", dir, one, is_dir ? "/" : "");
		te_set(&fl->te, now);
		free(now);
		f->message[0] = '\0';
	} else if (found > 1 && strlen(common) > strlen(base)) {
		char *now = xasprintf("%s%s", dir, common);
		te_set(&fl->te, now);
		free(now);
	}
	fl->te.changed = true;
	free(common);
	free(one);
	free(dir);
	free(look);
	return true;
}

static enum mstatus file_chosen(struct form *f, struct merr *err)
{
	struct import_view *v = the_view(f->app);
	char *path = form_text(f, 0);
	if (!v || !path) {
		free(path);
		return merr_set(err, M_USAGE, MR_INVALID, "%s", _("type the path of a file"));
	}
	FILE *in = NULL;
	enum mstatus st = cmd_import_open(path, &in, err);
	if (st != M_OK) {
		free(path);
		return st;
	}
	bool same = v->path && strcmp(v->path, path) == 0;
	if (v->in)
		fclose(v->in);
	free(v->path);
	v->path = path;
	v->in = in;
	if (!same) { /* what was said about one file is not said about another */
		imp_options_clear(&v->opts);
		v->sel = v->top = 0;
	}
	v->dirty = true;
	return M_OK;
}

static void file_form(struct app *a, struct import_view *v)
{
	struct form *f = form_new(a, _("Import a chronology from a spreadsheet (CSV or .xlsx)"),
	                          file_chosen, NULL, NULL);
	form_add_text(f, _("File"), v->path, true);
	f->complete = complete;
	app_open_form(a, f);
}

/* ---- saying what a column, the case or a name is ------------------------------------------- */

struct choice {
	struct item item;
	char *key; /* the column's header or the name, as the options compare it */
};

static void free_choice(void *p)
{
	struct choice *c = p;
	free(c->key);
	free(c);
}

static enum mstatus chosen(struct form *f, struct merr *err)
{
	(void)err;
	struct choice *c = f->ctx;
	struct import_view *v = the_view(f->app);
	if (!v)
		return M_OK;
	if (c->item.kind == IT_CASE) {
		free(v->opts.case_code);
		v->opts.case_code = form_text(f, 0);
	} else if (c->item.kind == IT_COLUMN) {
		int64_t p = form_pick(f, 0);
		if (p)
			imp_options_column(&v->opts, c->key,
			                   p == PICK_IGNORE ? IMP_IGNORE : (int)p - 1);
	} else {
		int64_t p = form_pick(f, 0);
		if (p > 0)
			imp_options_actor(&v->opts, c->key, p, -1);
		else if (p < 0)
			imp_options_actor(&v->opts, c->key, 0, (int)(-p - 1));
	}
	v->dirty = true;
	return M_OK;
}

static void choose(struct app *a, struct import_view *v)
{
	if (v->sel >= v->n_items || !v->im)
		return;
	const struct imp_plan *p = imp_plan(v->im);
	struct choice *c = xcalloc(1, sizeof *c);
	c->item = v->items[v->sel];
	struct pick_list l = {0};
	struct form *f;
	if (c->item.kind == IT_CASE) {
		f = form_new(a, _("The case of every row (a code, never a name)"), chosen, c,
		             free_choice);
		form_add_text(f, _("Case"), v->opts.case_code, true);
		app_open_form(a, f);
		return;
	}
	if (c->item.kind == IT_COLUMN) {
		c->key = xstrdup(p->columns[c->item.index]);
		char title[300];
		snprintf(title, sizeof title, _("What is the column '%s'?"), c->key);
		f = form_new(a, title, chosen, c, free_choice);
		for (int k = 0; k < IMP_FIELDS; k++)
			pick_list_add(&l, k + 1, imp_field_label((enum imp_field)k), NULL, NULL);
		pick_list_add(&l, PICK_IGNORE, _("leave it out"), NULL, NULL);
		int cur = p->field[c->item.index];
		form_add_pick(f, _("Field"), &l, cur == IMP_IGNORE ? PICK_IGNORE : cur + 1, true);
	} else {
		const struct imp_name *nm = &p->names[c->item.index];
		c->key = xstrdup(nm->name);
		char title[300];
		snprintf(title, sizeof title, _("Which actor is '%s'?"), c->key);
		f = form_new(a, title, chosen, c, free_choice);
		picker_actors(a, &l);
		for (int s = 0; s < SECTOR_COUNT; s++) {
			char label[200];
			snprintf(label, sizeof label, _("a new actor: %s"),
			         m_sector_label((enum m_sector)s));
			pick_list_add(&l, -(int64_t)s - 1, label, NULL, _("New in the catalogue"));
		}
		int64_t cur = nm->actor         ? nm->actor
		              : nm->sector >= 0 ? -(int64_t)nm->sector - 1
		                                : 0;
		form_add_pick(f, _("Actor"), &l, cur, true);
	}
	f->choose_saves = true;
	app_open_form(a, f);
}

/* ---- drawing ------------------------------------------------------------------------------- */

/* The lines of the screen, each perhaps an item; built for each draw. */
struct line {
	enum role role;
	char *left, *right; /* right: what an item is said to be, from column 30 */
	enum role right_role;
	long item; /* -1: none */
};
struct lines {
	struct line *v;
	size_t n;
};

static void put(struct lines *ls, enum role r, char *left, enum role rr, char *right, long item)
{
	ls->v = xreallocarray(ls->v, ls->n + 1, sizeof *ls->v);
	ls->v[ls->n++] = (struct line){r, left, right, rr, item};
}

static char *lines_of(const struct imp_name *nm)
{
	char buf[200];
	size_t len = (size_t)snprintf(buf, sizeof buf, "%s",
	                              ngettext("line", "lines", (unsigned long)nm->n_rows));
	for (size_t i = 0; i < nm->n_lines && i < 5 && len < sizeof buf; i++)
		len += (size_t)snprintf(buf + len, sizeof buf - len, "%s%ld", i ? ", " : " ",
		                        nm->lines[i]);
	if (nm->n_rows > 5 && len < sizeof buf)
		snprintf(buf + len, sizeof buf - len, " …");
	return xstrdup(buf);
}

static const char *actor_name(const struct app *a, m_id id)
{
	for (size_t i = 0; i < a->actors.n; i++)
		if (a->actors.items[i].id == id)
			return a->actors.items[i].name;
	return "?";
}

static char *name_said(const struct app *a, const struct imp_name *nm, enum role *r)
{
	*r = ROLE_NORMAL;
	if (nm->actor)
		return xstrdup(actor_name(a, nm->actor));
	if (nm->sector >= 0)
		return xasprintf(_("a new actor: %s"), m_sector_label((enum m_sector)nm->sector));
	*r = ROLE_WARNING;
	if (!nm->n_cands)
		return xstrdup(_("? not in the catalogue"));
	char buf[400];
	size_t len = (size_t)snprintf(buf, sizeof buf, "%s", _("? could be"));
	for (size_t i = 0; i < nm->n_cands && len < sizeof buf; i++)
		len += (size_t)snprintf(buf + len, sizeof buf - len, "%s%s", i ? _(" or ") : " ",
		                        actor_name(a, nm->cands[i]));
	return xstrdup(buf);
}

static void build(const struct app *a, const struct import_view *v, struct lines *ls)
{
	const struct imp_plan *p = v->im ? imp_plan(v->im) : NULL;
	if (p && p->sheet)
		put(ls, ROLE_DIM, xasprintf(_("File: %s, sheet '%s'"), v->path, p->sheet), ROLE_DIM,
		    NULL, -1);
	else
		put(ls, ROLE_DIM, xasprintf(_("File: %s"), v->path), ROLE_DIM, NULL, -1);
	if (v->problem[0])
		put(ls, ROLE_GAP, xstrdup(v->problem), ROLE_GAP, NULL, -1);
	else if (v->ready)
		put(ls, ROLE_GOOD, xstrdup(_("Ready: i imports what the preview shows.")),
		    ROLE_GOOD, NULL, -1);
	for (size_t k = 0; k < v->n_items; k++) {
		const struct item *it = &v->items[k];
		if (k == 0 || (it->kind == IT_NAME && v->items[k - 1].kind != IT_NAME))
			put(ls, ROLE_HEADING,
			    xstrdup(it->kind == IT_NAME
			                ? _("Actor names the catalogue does not have")
			                : _("Columns")),
			    ROLE_HEADING, NULL, -1);
		enum role rr = ROLE_NORMAL;
		char *left, *right;
		if (it->kind == IT_COLUMN) {
			int fd = p->field[it->index];
			left = xstrdup(p->columns[it->index]);
			rr = fd == IMP_UNKNOWN  ? ROLE_WARNING
			     : fd == IMP_IGNORE ? ROLE_DIM
			                        : ROLE_NORMAL;
			right = xstrdup(fd == IMP_UNKNOWN  ? _("? not read")
			                : fd == IMP_IGNORE ? _("left out")
			                                   : imp_field_label((enum imp_field)fd));
		} else if (it->kind == IT_CASE) {
			left = xstrdup(_("Case of every row"));
			rr = v->opts.case_code ? ROLE_NORMAL : ROLE_WARNING;
			right = xstrdup(v->opts.case_code ? v->opts.case_code : _("? none"));
		} else {
			const struct imp_name *nm = &p->names[it->index];
			char *where = lines_of(nm);
			left = xasprintf("%s (%s)", nm->name, where);
			free(where);
			right = name_said(a, nm, &rr);
		}
		put(ls, ROLE_NORMAL, left, rr, right, (long)k);
	}
	if (v->n_preview)
		put(ls, ROLE_HEADING, xstrdup(_("Preview")), ROLE_HEADING, NULL, -1);
	for (size_t i = 0; i < v->n_preview; i++)
		put(ls, ROLE_NORMAL, xstrdup(v->preview[i]), ROLE_NORMAL, NULL, -1);
}

static void draw(struct app *a, struct screen *s, int top, int rows)
{
	struct import_view *v = (struct import_view *)s;
	if (!v->in) {
		draw_centered(top + rows / 2, ROLE_DIM, _("No file chosen yet: o chooses one."));
		return;
	}
	struct lines ls = {0};
	build(a, v, &ls);
	size_t at = 0;
	for (size_t i = 0; i < ls.n; i++)
		if (ls.v[i].item == (long)v->sel)
			at = i;
	if (v->follow && v->n_items && at < v->top)
		v->top = at;
	if (v->follow && v->n_items && rows > 0 && at >= v->top + (size_t)rows)
		v->top = at - (size_t)rows + 1;
	v->follow = false;
	if (v->top >= ls.n)
		v->top = ls.n ? ls.n - 1 : 0;
	int left_cols = COLS > 70 ? 32 : COLS / 2;
	for (size_t i = v->top; i < ls.n && (int)(i - v->top) < rows; i++) {
		const struct line *l = &ls.v[i];
		int y = top + (int)(i - v->top);
		bool sel = l->item >= 0 && l->item == (long)v->sel;
		enum role r = sel ? ROLE_SELECTED : l->role;
		draw_line(y, 0, COLS, r, "");
		int indent = l->item >= 0 ? 3 : l->role == ROLE_HEADING ? 0 : 1;
		if (l->right) {
			draw_text(y, indent, left_cols - indent - 1, r, l->left);
			draw_text(y, left_cols, COLS - left_cols,
			          sel ? ROLE_SELECTED : l->right_role, l->right);
		} else {
			draw_text(y, indent, COLS - indent, r, l->left);
		}
	}
	for (size_t i = 0; i < ls.n; i++) {
		free(ls.v[i].left);
		free(ls.v[i].right);
	}
	free(ls.v);
}

static void title(const struct app *a, const struct screen *s, char *buf, size_t n)
{
	(void)a;
	(void)s;
	snprintf(buf, n, "%s", _("Import a chronology"));
}

/* ---- keys ---------------------------------------------------------------------------------- */

static unsigned run(struct app *a, struct import_view *v)
{
	if (!v->ready) {
		struct merr err = {0};
		merr_set(&err, M_DATA, MR_INVALID, "%s",
		         v->problem[0] ? v->problem : _("Choose a file first: o chooses one."));
		app_message(a, &err);
		return CH_REDRAW;
	}
	struct store_exchange_report rep = {0};
	struct merr err = {0};
	if (imp_write(v->im, &rep, progress, a, &err) != M_OK) {
		app_message(a, &err);
		v->dirty = true; /* nothing was written: read again, to try again */
		return CH_RELOAD;
	}
	app_note(a, _("imported %s: %ld added, %ld already here"), v->path, rep.added, rep.same);
	screen_pop(a);
	return CH_RELOAD; /* the catalogue too: new actors may be in it */
}

static void open_view(struct app *a, struct screen *s)
{
	file_form(a, (struct import_view *)s);
}

static unsigned key(struct app *a, struct screen *s, enum action act, int k)
{
	(void)k;
	struct import_view *v = (struct import_view *)s;
	switch (act) {
	case ACT_PREV:
		if (v->sel > 0)
			v->sel--;
		v->follow = true;
		return CH_REDRAW;
	case ACT_NEXT:
		if (v->sel + 1 < v->n_items)
			v->sel++;
		v->follow = true;
		return CH_REDRAW;
	case ACT_PAGE_UP:
		v->top = v->top > (size_t)(LINES / 2) ? v->top - (size_t)(LINES / 2) : 0;
		return CH_REDRAW;
	case ACT_PAGE_DOWN:
		v->top += (size_t)(LINES / 2);
		return CH_REDRAW;
	case ACT_OPEN:
		choose(a, v);
		return CH_REDRAW;
	case ACT_IMPORT_FILE:
		file_form(a, v);
		return CH_REDRAW;
	case ACT_IMPORT_RUN:
		return run(a, v);
	case ACT_BACK:
		return screen_pop(a);
	default:
		return CH_NONE;
	}
}

const struct screen_ops screen_import = {
    .id = SCR_IMPORT,
    .help_title = N_("Keys of the import screen"),
    .size = sizeof(struct import_view),
    .open = open_view,
    .reload = reload,
    .draw = draw,
    .key = key,
    .title = title,
    .free = free_view,
};
