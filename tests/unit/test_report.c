/* test_report.c - the report's outline and its writers, on the demo cases built in memory: the
 * public outline carries no narrative, quote, note, summary, step or time, and no count below 3
 * but as "<3"; every writer, fed the same outline, shows the text of every block its format is
 * meant to show, so none can drop a kind of block unnoticed; and no writer can so much as ask
 * whether the report is public. */
#include "memutil.h"

#include <ctype.h>

#include "core/fuzzytime.h"
#include "core/report.h"
#include "core/text.h"

enum {
	F_TEXT = 1,
	F_MD = 2,
	F_HTML = 4,
	F_CSV = 8,
	F_JSON = 16,
	F_PEOPLE = F_TEXT | F_MD | F_HTML
};
enum { N_FORMATS = 5 };
static const char *const format_names[N_FORMATS] = {"text", "md", "html", "csv", "json"};

/* The analysis of the demo, or (demo false) of the default catalogue with no cases. */
static void open_analysis(bool demo, struct analysis *an)
{
	struct an_input in = {0};
	if (demo) {
		mu_demo_input(&in);
	} else {
		struct catalogue_set c;
		mu_catalogue(&c);
		in.actors = c.actors;
		in.categories = c.categories;
		in.thresholds = c.thresholds;
	}
	analysis_run(&in, an);
}

/* ---- a walk over every text and every cell of an outline ----------------------------------- */

/* What the walk calls: each text with the formats that must show it, and for those that may cut
 * it to a width, how many columns of it they keep; and each cell. */
struct visit {
	void (*text)(struct visit *v, unsigned formats, int cut, const char *s);
	void (*cell)(struct visit *v, const struct rd_cell *c);
	bool kinds[RD_RECORDS + 1];
};

static void cell_data(struct visit *v, unsigned formats, const struct rd_cell *c)
{
	char num[32];
	v->cell(v, c);
	if (c->key)
		v->text(v, formats, 0, c->key);
	switch (c->kind) {
	case RD_COUNT:
	case RD_NUMBER:
		snprintf(num, sizeof num, "%d", c->n);
		v->text(v, formats, 0, num);
		break;
	case RD_LIST:
	case RD_GROUP:
		for (size_t i = 0; i < c->n_sub; i++)
			cell_data(v, formats, &c->sub[i]);
		break;
	case RD_TEXT:
	case RD_BAND:
	case RD_SUPPRESSED:
		v->text(v, formats, 0, c->text);
		break;
	case RD_FLAG:
	case RD_EMPTY:
		break;
	}
}

static void walk(struct visit *v, const struct rd_block *b, bool in_page, bool in_list);

static void walk_table(struct visit *v, const struct rd_table *t, unsigned people, unsigned data)
{
	if (!t->n_rows)
		v->text(v, people, 0, t->empty);
	for (size_t c = 0; c < t->n_cols; c++) {
		if (t->heads[c] && t->n_rows) /* without rows, people read t->empty */
			v->text(v, people, 0, t->heads[c]);
		if (t->key && t->n_rows)
			v->text(v, data, 0, t->keys[c]);
		for (size_t r = 0; r < t->n_rows; r++) {
			const struct rd_cell *x = &t->cells[r * t->n_cols + c];
			if (t->heads[c])
				v->text(v, people, 0, x->text);
			cell_data(v, t->key ? data : 0, x);
		}
	}
}

static void walk(struct visit *v, const struct rd_block *b, bool in_page, bool in_list)
{
	for (; b; b = b->next) {
		v->kinds[b->kind] = true;
		switch (b->kind) {
		case RD_TITLE:
			v->text(v, F_PEOPLE | F_JSON, 0, b->title.text);
			v->text(v, F_TEXT, 0, b->title.aside);
			break;
		case RD_FACTS:
			for (size_t i = 0; i < b->facts.n; i++) {
				const struct rd_fact *f = &b->facts.v[i];
				if (f->label) {
					v->text(v, F_PEOPLE, 0, f->label);
					v->text(v, F_PEOPLE, 0, f->value.text);
				}
				cell_data(v, F_JSON, &f->value);
			}
			break;
		case RD_NOTE:
			v->text(v, F_PEOPLE, 0, b->note);
			break;
		case RD_SECTION: {
			const struct rd_section *s = &b->section;
			bool page = in_page || (s->flags & RD_PAGE);
			/* HTML prints no heading that would stand alone between pages. */
			if (s->heading)
				v->text(v, page ? F_PEOPLE : F_TEXT | F_MD, 0, s->heading);
			if (s->key)
				v->text(v, F_JSON, 0, s->key);
			walk(v, s->first, page, in_list || (s->key && s->list));
			break;
		}
		case RD_PARAGRAPH:
			v->text(v, F_PEOPLE, 0, b->paragraph.text);
			break;
		case RD_TABLE:
			walk_table(v, &b->table, F_PEOPLE, F_JSON);
			break;
		case RD_RECORDS:
			walk_table(v, &b->table, 0, 0);
			for (size_t i = 0; i < b->table.n_cols * b->table.n_rows; i++)
				v->text(v, F_CSV, 0, b->table.cells[i].text);
			for (size_t c = 0; c < b->table.n_cols; c++)
				v->text(v, F_CSV, 0, b->table.keys[c]);
			break;
		case RD_BARS:
			for (size_t i = 0; i < b->bars.n; i++) {
				v->text(v, F_HTML, 0, b->bars.labels[i]);
				v->text(v, F_HTML, 0, b->bars.cells[i].text);
				v->cell(v, &b->bars.cells[i]);
			}
			v->text(v, F_HTML, 0, b->bars.title);
			break;
		case RD_MATRIX: {
			const struct rd_matrix *m = &b->matrix;
			v->text(v, F_TEXT | F_HTML, 0, m->caption);
			v->text(v, F_HTML, 0, m->title);
			if (m->key)
				v->text(v, F_JSON, 0, m->key);
			for (size_t c = 0; c < m->n_cols; c++) {
				v->text(v, F_PEOPLE, 0, m->cols[c]);
				v->text(v, F_JSON, 0, m->col_codes[c]);
			}
			for (size_t r = 0; r < m->n_rows; r++) {
				v->text(v, F_TEXT, 21, m->rows[r]);
				v->text(v, F_HTML, 35, m->rows[r]);
				v->text(v, F_MD | F_JSON, 0, m->rows[r]);
				for (size_t c = 0; c < m->n_cols; c++) {
					const struct rd_cell *x = &m->cells[r * m->n_cols + c];
					if (x->kind != RD_EMPTY)
						v->text(v, F_PEOPLE, 0, x->text);
					cell_data(v, F_JSON, x);
				}
			}
			break;
		}
		case RD_LANES: {
			const struct rd_lanes *l = &b->lanes;
			v->text(v, F_HTML, 0, l->title);
			v->text(v, F_HTML, 0, l->axis);
			for (size_t i = 0; i < l->n_lanes; i++)
				v->text(v, F_HTML, 29, l->lanes[i]);
			for (size_t i = 0; i < l->n_ticks; i++)
				if (l->ticks[i].label)
					v->text(v, F_HTML, 0, l->ticks[i].label);
			break;
		}
		case RD_PATTERN:
			v->text(v, F_PEOPLE, 0, b->pattern.label);
			v->text(v, F_PEOPLE, 0, b->pattern.gaps.text);
			v->text(v, F_PEOPLE, 0, b->pattern.cases.text);
			v->cell(v, &b->pattern.gaps);
			v->cell(v, &b->pattern.cases);
			for (size_t i = 0; i < b->pattern.n_refs; i++)
				v->text(v, F_PEOPLE, 0, b->pattern.refs[i]);
			break;
		case RD_ENTRY: {
			const struct rd_entry *e = &b->entry;
			v->text(v, F_PEOPLE, 0, e->title);
			v->text(v, F_PEOPLE, 0, e->meta);
			for (size_t i = 0; i < e->n_fields; i++) {
				/* HTML sets the young person's words apart without a label. */
				v->text(v, e->fields[i].quote ? F_TEXT | F_MD : F_PEOPLE, 0,
				        e->fields[i].label);
				v->text(v, F_PEOPLE, 0, e->fields[i].text);
			}
			for (size_t i = 0; i < e->n_data; i++)
				cell_data(v, in_list ? F_JSON : 0, &e->data[i]);
			break;
		}
		}
	}
}

static void no_cell(struct visit *v, const struct rd_cell *c)
{
	(void)v;
	(void)c;
}

/* ---- the public outline --------------------------------------------------------------------- */

/* All the outline's texts, one a line, and what its cells count. */
struct leaks {
	struct visit v;
	char *all;
	size_t n, cap;
	size_t counts, suppressed, small_counts;
};

static void leak_text(struct visit *v, unsigned formats, int cut, const char *s)
{
	struct leaks *l = (struct leaks *)v;
	(void)formats;
	(void)cut;
	size_t n = strlen(s);
	if (l->n + n + 2 > l->cap) {
		l->cap = 2 * (l->n + n + 2);
		l->all = realloc(l->all, l->cap);
		assert_non_null(l->all);
	}
	memcpy(l->all + l->n, s, n);
	l->n += n;
	l->all[l->n++] = '\n';
	l->all[l->n] = '\0';
}

static void leak_cell(struct visit *v, const struct rd_cell *c)
{
	struct leaks *l = (struct leaks *)v;
	if (c->kind == RD_COUNT) {
		l->counts++;
		l->small_counts += c->n < 3;
	}
	if (c->kind == RD_SUPPRESSED) {
		l->suppressed++;
		assert_string_equal(c->text, "<3");
		assert_int_equal(c->n, 0);
	}
}

/* Whether any eight words in a row of the secret (all of it when shorter, if three words or
 * more) are in the texts. */
static bool leaks(const struct leaks *l, const char *secret)
{
	if (!secret || strlen(secret) < 8)
		return false;
	char *flat = text_sanitize(secret, 0);
	bool found = false;
	for (const char *w = flat; *w && !found;) {
		const char *end = w;
		for (int k = 0; k < 8 && *end; k++) {
			while (*end == ' ')
				end++;
			while (*end && *end != ' ')
				end++;
		}
		char *piece = strndup(w, (size_t)(end - w));
		/* One word or two may be an actor's name, which the report rightly has. */
		const char *sp = strchr(piece, ' ');
		found = strlen(piece) >= 12 && sp && strchr(sp + 1, ' ') && strstr(l->all, piece);
		free(piece);
		if (!*end)
			break;
		for (int k = 0; k < 4; k++) { /* the next window, four words on */
			while (*w == ' ')
				w++;
			while (*w && *w != ' ')
				w++;
		}
	}
	free(flat);
	return found;
}

/* The first narrative, quote, note, summary, step title, time or birth year of the analysis
 * that the outline carries, or NULL. */
static const char *story_in(const struct leaks *l, const struct analysis *an)
{
	static char buf[FT_BUFSZ + 16];
	for (size_t c = 0; c < an->n_journeys; c++) {
		const struct m_journey *j = &an->journeys[c];
		if (leaks(l, j->kase.summary))
			return j->kase.summary;
		snprintf(buf, sizeof buf, "born %d", j->kase.birth_year);
		if (j->kase.birth_year && leaks(l, buf))
			return buf;
		for (size_t i = 0; i < j->n_steps; i++) {
			const struct m_step *st = &j->steps[i];
			const char *texts[] = {st->narrative, st->voice, st->note, st->title};
			for (size_t k = 0; k < 4; k++)
				if (leaks(l, texts[k]))
					return texts[k];
			/* Times to the month or the day: "2016-03", "2016-03-14". */
			ft_code_to_display(st->time, buf);
			if (strlen(buf) >= 7 && strchr(buf, '-') && strstr(l->all, buf))
				return buf;
		}
		for (size_t i = 0; i < j->n_gaps; i++)
			if (leaks(l, j->gaps[i].what_happened))
				return j->gaps[i].what_happened;
	}
	return NULL;
}

static const char *scan(struct leaks *l, const struct analysis *an, bool public)
{
	struct rd_doc *d = report_build(an, public, "2025-11-23");
	l->v.text = leak_text;
	l->v.cell = leak_cell;
	walk(&l->v, d->first, false, false);
	rd_doc_free(&d);
	assert_null(d);
	const char *found = story_in(l, an);
	free(l->all);
	return found;
}

static void test_public_outline_tells_no_story(void **state)
{
	(void)state;
	struct analysis an;
	open_analysis(true, &an);

	struct leaks pub = {0};
	const char *found = scan(&pub, &an, true);
	if (found)
		fail_msg("the public outline carries \"%s\"", found);
	assert_false(pub.v.kinds[RD_ENTRY] || pub.v.kinds[RD_PATTERN] || pub.v.kinds[RD_LANES]);
	/* Every count below 3 is suppressed, 0 as much as 1 and 2: mellan(1) says "any". */
	assert_true(pub.counts > 0);
	assert_true(pub.suppressed > 50);
	assert_int_equal(pub.small_counts, 0);

	/* The same scan finds the stories and the small counts in the workshop's outline. */
	struct leaks all = {0};
	assert_non_null(scan(&all, &an, false));
	assert_int_equal(all.suppressed, 0);
	assert_true(all.small_counts > 50);
	analysis_clear(&an);
}

/* In the public outline the records say the age band where the workshop's say a time. */
static void test_public_records_in_bands(void **state)
{
	(void)state;
	struct analysis an;
	open_analysis(true, &an);
	struct rd_doc *d = report_build(&an, true, "2025-11-23");
	const struct rd_block *b = d->first;
	while (b && b->kind != RD_RECORDS)
		b = b->next;
	assert_non_null(b);
	const struct rd_table *t = &b->table;
	assert_int_equal(t->n_rows, 21);
	for (size_t c = 0; c < t->n_cols; c++) {
		bool when = !strcmp(t->keys[c], "time") || !strcmp(t->keys[c], "age");
		for (size_t r = 0; when && r < t->n_rows; r++)
			assert_int_equal(t->cells[r * t->n_cols + c].kind, RD_BAND);
		if (!strcmp(t->keys[c], "step") || !strcmp(t->keys[c], "what_happened"))
			for (size_t r = 0; r < t->n_rows; r++)
				assert_string_equal(t->cells[r * t->n_cols + c].text, "");
	}
	rd_doc_free(&d);
	analysis_clear(&an);
}

/* ---- every writer shows every block --------------------------------------------------------- */

/* Upper case for ASCII and Latin-1 letters in UTF-8, as the text's headings are printed. */
static void upper(char *s)
{
	for (unsigned char *p = (unsigned char *)s; *p; p++)
		if (*p >= 'a' && *p <= 'z')
			*p = (unsigned char)(*p - 'a' + 'A');
		else if (*p == 0xC3 && p[1] >= 0xA0 && p[1] <= 0xBE && p[1] != 0xB7)
			*++p -= 0x20;
}

/* The format's escapes undone and all white space one space, so what a writer was given can be
 * found in what it wrote however it wrapped, escaped or quoted it. */
static char *plain(const char *s, int format)
{
	char *out = malloc(strlen(s) + 1), *o = out;
	assert_non_null(out);
	bool space = false;
	for (const char *p = s; *p; p++) {
		char c = *p;
		if (format == 1 && c == '\\' && p[1]) /* md */
			c = *++p;
		else if (format == 4 && c == '\\' && p[1]) /* json */
			c = *++p == 'n' ? ' ' : *p;
		else if (format == 3 && c == '"' && p[1] == '"') /* csv */
			p++;
		else if (format == 2 && c == '&') { /* html */
			static const struct {
				const char *e;
				char c;
			} ent[] = {{"&amp;", '&'},
			           {"&lt;", '<'},
			           {"&gt;", '>'},
			           {"&quot;", '"'},
			           {"&#39;", '\''}};
			for (size_t i = 0; i < sizeof ent / sizeof ent[0]; i++)
				if (!strncmp(p, ent[i].e, strlen(ent[i].e))) {
					c = ent[i].c;
					p += strlen(ent[i].e) - 1;
				}
		}
		if (c == ' ' || c == '\n' || c == '\r' || c == '\f' || c == '\t') {
			space = true;
			continue;
		}
		if (space && o > out)
			*o++ = ' ';
		space = false;
		*o++ = c;
	}
	*o = '\0';
	if (format == 0)
		upper(out);
	return out;
}

struct shown {
	struct visit v;
	char *out[N_FORMATS]; /* each writer's output, made plain */
	size_t checked;
};

static void shown_text(struct visit *v, unsigned formats, int cut, const char *s)
{
	struct shown *w = (struct shown *)v;
	for (int f = 0; f < N_FORMATS; f++) {
		if (!(formats & (1u << f)) || !*s)
			continue;
		size_t n = strlen(s);
		if (cut) /* what a narrow column keeps of it */
			n = text_fit(s, cut, NULL);
		char *want = strndup(s, n);
		char *p = plain(want, f);
		w->checked++;
		if (!strstr(w->out[f], p))
			fail_msg("the %s writer does not show \"%s\"", format_names[f], s);
		free(p);
		free(want);
	}
}

static char *render(const struct rd_doc *d, int format)
{
	char *buf = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&buf, &n);
	assert_non_null(f);
	assert_true(report_render(d, (enum report_format)format, ',', f));
	assert_int_equal(fclose(f), 0);
	char *p = plain(buf, format);
	free(buf);
	return p;
}

static void writers_show(const struct analysis *an, bool public, bool *kinds)
{
	struct rd_doc *d = report_build(an, public, "2025-11-23");
	struct shown w = {.v = {.text = shown_text, .cell = no_cell}};
	for (int f = 0; f < N_FORMATS; f++)
		w.out[f] = render(d, f);
	walk(&w.v, d->first, false, false);
	assert_true(w.checked > 20);
	for (int k = 0; k <= RD_RECORDS; k++)
		kinds[k] |= w.v.kinds[k];
	for (int f = 0; f < N_FORMATS; f++)
		free(w.out[f]);
	rd_doc_free(&d);
}

static void test_every_writer_shows_every_block(void **state)
{
	(void)state;
	struct analysis demo, empty;
	open_analysis(true, &demo);
	open_analysis(false, &empty);
	bool kinds[RD_RECORDS + 1] = {0};
	writers_show(&demo, false, kinds);
	writers_show(&demo, true, kinds);
	writers_show(&empty, false, kinds);
	writers_show(&empty, true, kinds);
	for (int k = 0; k <= RD_RECORDS; k++)
		if (!kinds[k])
			fail_msg("no outline here has a block of kind %d: give the test one", k);
	analysis_clear(&demo);
	analysis_clear(&empty);
}

/* ---- the writers cannot tell the variants apart --------------------------------------------- */

static char *source(const char *name)
{
	const char *top = getenv("MELLAN_TOP");
	char path[512];
	snprintf(path, sizeof path, "%s/core/%s", top && *top ? top : ".", name);
	size_t n = 0;
	char *s = tu_read(path, &n);
	char *z = strndup(s, n);
	assert_non_null(z);
	free(s);
	return z;
}

static void test_writers_never_see_public(void **state)
{
	(void)state;
	static const char *const writers[] = {"report_text.c", "report_md.c",   "report_html.c",
	                                      "report_csv.c",  "report_json.c", "report_svg.c",
	                                      "report_doc.h"};
	for (size_t i = 0; i < sizeof writers / sizeof writers[0]; i++) {
		char *s = source(writers[i]);
		/* The outline's header may explain the public variant, never carry it. */
		if (strcmp(writers[i], "report_doc.h") == 0) {
			if (strstr(s, "bool public") || strstr(s, "bool is_public"))
				fail_msg("%s hands the variant to the writers", writers[i]);
		} else {
			for (char *p = s; *p; p++)
				*p = (char)tolower((unsigned char)*p);
			if (strstr(s, "public"))
				fail_msg(
				    "%s mentions public: the writers must not know the variant",
				    writers[i]);
		}
		free(s);
	}
	/* The rest of the builder follows the rules, which only report_build.c makes. */
	static const char *const builder[] = {"report_words.c", "report_lanes.c", "report_doc.c"};
	for (size_t i = 0; i < sizeof builder / sizeof builder[0]; i++) {
		char *s = source(builder[i]);
		if (strstr(s, "public"))
			fail_msg("%s decides on public: rules_for() in report_build.c does",
			         builder[i]);
		free(s);
	}
}

int main(void)
{
	tu_init();
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_public_outline_tells_no_story),
	    cmocka_unit_test(test_public_records_in_bands),
	    cmocka_unit_test(test_every_writer_shows_every_block),
	    cmocka_unit_test(test_writers_never_see_public),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
