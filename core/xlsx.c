/* xlsx.c - reading an Excel workbook (xlsx.h) with libzip and expat: the workbook and the parts
 * read whole; the sheet itself is xlsx_sheet.c's.
 *
 * Why this is in core/ although it includes two libraries: the rule of the layers is that core/
 * knows neither the terminal (ncurses) nor the storage (SQLite), so that what mellan *is* can be
 * used and tested without either. Reading a spreadsheet is part of what mellan is (the second
 * door of the chronology import, beside CSV), and neither library touches a terminal or a
 * database, so the rule holds. What keeps core/ clean is that they stay behind the reader: only
 * this file and xlsx_sheet.c include them (through xlsx_int.h), and xlsx.h shows no type of
 * theirs, so the rest of core/ sees cells of text and nothing of zips or XML
 * (tests/e2e/layers.sh keeps it so).
 *
 * A workbook is a zip of XML parts: the workbook lists the sheets, its relations say which part
 * each is, the styles say which cells show dates, the shared strings hold most text. Those are
 * read whole (each within a limit); the sheet is read a chunk at a time through expat, so a long
 * one never sits in memory. Any DOCTYPE is refused, so no entity can expand. */
#include "xlsx_int.h"

#include "i18n.h"
#include "xalloc.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

const struct xlsx_limits xlsx_limits_default = {
    .sheet = 1024ULL * 1024 * 1024,
    .strings = 256ULL * 1024 * 1024,
    .part = 16ULL * 1024 * 1024,
    .cell = 16ULL * 1024 * 1024,
    .rows = 1048576, /* Excel's own last row */
};

void xlsx_buf_add(struct buf *b, const char *s, size_t n)
{
	if (b->n + n + 1 > b->cap) {
		b->cap = b->n + n + 1 > 2 * b->cap ? b->n + n + 1 : 2 * b->cap;
		b->s = xrealloc(b->s, b->cap);
	}
	memcpy(b->s + b->n, s, n);
	b->n += n;
	b->s[b->n] = '\0';
}

/* ---- small helpers ------------------------------------------------------------------------- */

/* "x:row" and "row" alike: some writers give SpreadsheetML a prefix. */
const char *xlsx_local(const char *name)
{
	const char *c = strrchr(name, ':');
	return c ? c + 1 : name;
}

const char *xlsx_attr(const char **atts, const char *name)
{
	for (size_t i = 0; atts[i]; i += 2)
		if (strcmp(xlsx_local(atts[i]), name) == 0)
			return atts[i + 1];
	return NULL;
}

enum mstatus xlsx_fail(struct xlsx *x, enum mstatus st, const char *fmt, const char *a, long b)
{
	if (!x->failed) {
		x->failed = true;
		merr_set(&x->err, st, MR_INVALID, fmt, x->name, a, b);
	}
	return st;
}

static void refuse_doctype(void *ud, const XML_Char *name, const XML_Char *sys, const XML_Char *pub,
                           int internal)
{
	(void)name, (void)sys, (void)pub, (void)internal;
	struct xlsx *x = ud;
	if (!x->failed)
		merr_set(&x->err, M_DATA, MR_INVALID,
		         _("%s: a workbook part declares a DOCTYPE, which no spreadsheet writes; "
		           "nothing was imported"),
		         x->name);
	x->failed = true;
	XML_StopParser(x->p, XML_FALSE);
}

/* expat allocates through the wrappers that never fail, as everything else does. */
static void *xml_malloc(size_t n)
{
	return xmalloc(n ? n : 1);
}

static void *xml_realloc(void *p, size_t n)
{
	return xrealloc(p, n ? n : 1);
}

static const XML_Memory_Handling_Suite xml_memory = {xml_malloc, xml_realloc, free};

XML_Parser xlsx_parser(struct xlsx *x)
{
	XML_Parser p = XML_ParserCreate_MM(NULL, &xml_memory, NULL);
	if (!p) {
		merr_set(&x->err, M_OTHER, MR_NONE, _("%s: cannot set up the XML reader"), x->name);
		return NULL;
	}
	XML_SetUserData(p, x);
	XML_SetDoctypeDeclHandler(p, refuse_doctype, NULL);
	x->p = p;
	return p;
}

/* Excel writes characters XML cannot hold as _xHHHH_ (a CR is _x000D_); CR LF and CR become
 * LF, as a CSV's do. In place. */
size_t xlsx_unescape(char *s, size_t n)
{
	size_t o = 0;
	for (size_t i = 0; i < n;) {
		unsigned cp = 0;
		bool esc = i + 7 <= n && s[i] == '_' && s[i + 1] == 'x' && s[i + 6] == '_';
		for (size_t k = 2; esc && k < 6; k++) {
			char c = s[i + k];
			int v = c >= '0' && c <= '9'   ? c - '0'
			        : c >= 'a' && c <= 'f' ? c - 'a' + 10
			        : c >= 'A' && c <= 'F' ? c - 'A' + 10
			                               : -1;
			esc = v >= 0;
			cp = cp * 16 + (unsigned)v;
		}
		if (!esc || cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF)) {
			s[o++] = s[i++];
			continue;
		}
		i += 7;
		if (cp == '\r') {
			if (!(i + 7 <= n && memcmp(s + i, "_x000A_", 7) == 0) &&
			    !(i < n && s[i] == '\n'))
				s[o++] = '\n';
		} else if (cp < 0x80) {
			s[o++] = (char)cp;
		} else if (cp < 0x800) {
			s[o++] = (char)(0xC0 | (cp >> 6));
			s[o++] = (char)(0x80 | (cp & 0x3F));
		} else {
			s[o++] = (char)(0xE0 | (cp >> 12));
			s[o++] = (char)(0x80 | ((cp >> 6) & 0x3F));
			s[o++] = (char)(0x80 | (cp & 0x3F));
		}
	}
	size_t w = 0;
	for (size_t i = 0; i < o; i++) /* a CR that came as itself */
		if (s[i] != '\r' || (s[i] = '\n', i + 1 >= o || s[i + 1] != '\n'))
			s[w++] = s[i];
	s[w] = '\0';
	return w;
}

/* ---- reading parts ------------------------------------------------------------------------- */

static enum mstatus zip_refused(struct xlsx *x, const char *part)
{
	return merr_set(&x->err, M_DATA, MR_INVALID,
	                _("%s: the workbook's part %s cannot be read (%s); the file may be "
	                  "damaged: open it in the spreadsheet and save it again; nothing was "
	                  "imported"),
	                x->name, part, zip_strerror(x->zip));
}

static enum mstatus too_large(struct xlsx *x, const char *part, uint64_t limit)
{
	x->failed = true;
	return merr_set(&x->err, M_DATA, MR_INVALID,
	                _("%s: the workbook's part %s unpacks to more than %llu MiB (a damaged "
	                  "file, or one made to exhaust memory); nothing was imported"),
	                x->name, part, (unsigned long long)(limit >> 20));
}

/* Opens a part and checks the size its entry declares; a part that is not there is NULL with
 * no error when `optional`. */
zip_file_t *xlsx_open_part(struct xlsx *x, const char *path, uint64_t limit, bool optional,
                           enum mstatus *st)
{
	zip_stat_t sb;
	zip_stat_init(&sb);
	*st = M_OK;
	if (zip_stat(x->zip, path, ZIP_FL_NOCASE, &sb) != 0) {
		if (!optional)
			*st = merr_set(&x->err, M_DATA, MR_INVALID,
			               _("%s: not an Excel workbook: it has no part %s (save it "
			                 "as .xlsx or as CSV UTF-8); nothing was imported"),
			               x->name, path);
		return NULL;
	}
	if ((sb.valid & ZIP_STAT_SIZE) && sb.size > limit) {
		*st = too_large(x, path, limit);
		return NULL;
	}
	zip_file_t *f = zip_fopen(x->zip, path, ZIP_FL_NOCASE);
	if (!f)
		*st = zip_refused(x, path);
	return f;
}

/* Feeds a part to a parser a chunk at a time, counting what it unpacks (a size in the zip's
 * directory may lie). Stops early when `enough` turns true (the sheet: rows are waiting). */
enum mstatus xlsx_feed(struct xlsx *x, zip_file_t *f, const char *path, uint64_t limit,
                       uint64_t *read, bool *end, const size_t *enough)
{
	char chunk[65536];
	while (!*end && !x->failed && !(enough && *enough)) {
		zip_int64_t got = zip_fread(f, chunk, sizeof chunk);
		if (got < 0)
			return zip_refused(x, path);
		*read += (uint64_t)got;
		if (*read > limit)
			return too_large(x, path, limit);
		*end = got == 0;
		if (XML_Parse(x->p, chunk, (int)got, *end) == XML_STATUS_ERROR && !x->failed) {
			x->failed = true;
			merr_set(
			    &x->err, M_DATA, MR_INVALID,
			    _("%s: the workbook's part %s is not well-formed XML (%s, at its line "
			      "%lu); nothing was imported"),
			    x->name, path, XML_ErrorString(XML_GetErrorCode(x->p)),
			    (unsigned long)XML_GetCurrentLineNumber(x->p));
		}
	}
	return x->failed ? x->err.status : M_OK;
}

/* Parses a whole part with the handlers given; a missing optional part parses as nothing. */
static enum mstatus parse_part(struct xlsx *x, const char *path, uint64_t limit, bool optional,
                               XML_StartElementHandler start, XML_EndElementHandler end,
                               XML_CharacterDataHandler text)
{
	enum mstatus st;
	zip_file_t *f = xlsx_open_part(x, path, limit, optional, &st);
	if (!f)
		return st;
	XML_Parser p = xlsx_parser(x);
	if (!p) {
		zip_fclose(f);
		return M_OTHER;
	}
	XML_SetElementHandler(p, start, end);
	XML_SetCharacterDataHandler(p, text);
	uint64_t read = 0;
	bool done = false;
	st = xlsx_feed(x, f, path, limit, &read, &done, NULL);
	XML_ParserFree(p);
	x->p = NULL;
	zip_fclose(f);
	return st;
}

/* ---- relations and the workbook ------------------------------------------------------------ */

static void rels_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	struct rels_want *rels_now = ((struct xlsx *)ud)->rels;
	if (strcmp(xlsx_local(name), "Relationship") != 0 || rels_now->target)
		return;
	const char *id = xlsx_attr(atts, "Id"), *type = xlsx_attr(atts, "Type"),
	           *t = xlsx_attr(atts, "Target");
	size_t sl = rels_now->suffix ? strlen(rels_now->suffix) : 0;
	bool hit = rels_now->id ? id && strcmp(id, rels_now->id) == 0
	                        : type && strlen(type) >= sl &&
	                              strcmp(type + strlen(type) - sl, rels_now->suffix) == 0;
	if (hit && t)
		rels_now->target = xstrdup(t);
}

/* The part a relation of `from` points to, as a path in the zip: relative targets are taken
 * from from's folder, absolute ones from the root. NULL when there is no such relation. */
static char *relation(struct xlsx *x, const char *from, const char *id, const char *suffix,
                      enum mstatus *st)
{
	const char *slash = strrchr(from, '/');
	size_t dir = slash ? (size_t)(slash - from + 1) : 0;
	char *rels = xasprintf("%.*s_rels/%s.rels", (int)dir, from, from + dir);
	struct rels_want want = {id, suffix, NULL};
	x->rels = &want;
	*st = parse_part(x, rels, x->lim.part, true, rels_start, NULL, NULL);
	x->rels = NULL;
	free(rels);
	if (!want.target)
		return NULL;
	char *path = want.target[0] == '/' ? xstrdup(want.target + 1)
	                                   : xasprintf("%.*s%s", (int)dir, from, want.target);
	free(want.target);
	return path;
}

static void book_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	struct xlsx *x = ud;
	const char *l = xlsx_local(name);
	if (strcmp(l, "workbookPr") == 0) {
		const char *d = xlsx_attr(atts, "date1904");
		x->date1904 = d && (strcmp(d, "1") == 0 || strcmp(d, "true") == 0);
	} else if (strcmp(l, "sheet") == 0 && x->n_sheets < 4096) {
		const char *n = xlsx_attr(atts, "name"), *r = xlsx_attr(atts, "id");
		if (!n || !r)
			return;
		x->sheets = xreallocarray(x->sheets, x->n_sheets + 1, sizeof *x->sheets);
		x->sheets[x->n_sheets].name = xstrdup(n);
		x->sheets[x->n_sheets++].rid = xstrdup(r);
	}
}

static void book_clear(struct xlsx *x)
{
	for (size_t i = 0; i < x->n_sheets; i++) {
		free(x->sheets[i].name);
		free(x->sheets[i].rid);
	}
	free(x->sheets);
	x->sheets = NULL;
	x->n_sheets = 0;
}

static bool same_name(const char *a, const char *b)
{
	for (; *a && *b; a++, b++)
		if ((*a >= 'A' && *a <= 'Z' ? *a + 32 : *a) !=
		    (*b >= 'A' && *b <= 'Z' ? *b + 32 : *b))
			return false;
	return *a == *b;
}

/* The workbook's sheets, and which one is read. */
static enum mstatus read_book(struct xlsx *x, const char *want)
{
	enum mstatus st = M_OK;
	x->book_path = relation(x, "", NULL, "/officeDocument", &st);
	if (st == M_OK && !x->book_path)
		x->book_path = xstrdup("xl/workbook.xml");
	if (st == M_OK)
		st = parse_part(x, x->book_path, x->lim.part, false, book_start, NULL, NULL);
	size_t pick = x->n_sheets;
	for (size_t i = 0; st == M_OK && i < x->n_sheets && pick == x->n_sheets; i++)
		if (!want || same_name(x->sheets[i].name, want))
			pick = i;
	if (st == M_OK && pick == x->n_sheets) {
		struct buf names = {0};
		for (size_t i = 0; i < x->n_sheets && names.n < 300; i++) {
			xlsx_buf_add(&names, i ? "', '" : "'", i ? 4 : 1);
			xlsx_buf_add(&names, x->sheets[i].name, strlen(x->sheets[i].name));
		}
		xlsx_buf_add(&names, "'", names.n ? 1 : 0);
		st = want
		         ? merr_set(&x->err, M_DATA, MR_NOT_FOUND,
		                    _("%s: the workbook has no sheet '%s' (it has %s); nothing was "
		                      "imported"),
		                    x->name, want, names.s ? names.s : "")
		         : merr_set(&x->err, M_DATA, MR_INVALID,
		                    _("%s: the workbook has no sheet; nothing was imported"),
		                    x->name);
		free(names.s);
	}
	if (st == M_OK) {
		x->sheet_name = xstrdup(x->sheets[pick].name);
		x->sheet_path = relation(x, x->book_path, x->sheets[pick].rid, NULL, &st);
		if (st == M_OK && !x->sheet_path)
			st = merr_set(
			    &x->err, M_DATA, MR_INVALID,
			    _("%s: the workbook does not say where its sheet '%s' is; open "
			      "it in the spreadsheet and save it again; nothing was imported"),
			    x->name, x->sheet_name);
	}
	if (st == M_OK)
		x->strings_path = relation(x, x->book_path, NULL, "/sharedStrings", &st);
	if (st == M_OK)
		x->styles_path = relation(x, x->book_path, NULL, "/styles", &st);
	book_clear(x);
	return st;
}

/* ---- styles: which cells show dates -------------------------------------------------------- */

static void styles_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	struct xlsx *x = ud;
	const char *l = xlsx_local(name);
	if (strcmp(l, "numFmt") == 0 && x->n_fmts < 65536) {
		const char *id = xlsx_attr(atts, "numFmtId"), *code = xlsx_attr(atts, "formatCode");
		if (!id || !code)
			return;
		x->fmt_id = xreallocarray(x->fmt_id, x->n_fmts + 1, sizeof *x->fmt_id);
		x->fmt_code = xreallocarray(x->fmt_code, x->n_fmts + 1, sizeof *x->fmt_code);
		x->fmt_id[x->n_fmts] = atoi(id);
		x->fmt_code[x->n_fmts++] = xstrdup(code);
	} else if (strcmp(l, "cellXfs") == 0) {
		x->in_xfs = true;
	} else if (strcmp(l, "xf") == 0 && x->in_xfs && x->n_xf < 65536) {
		const char *id = xlsx_attr(atts, "numFmtId");
		int n = id ? atoi(id) : 0;
		const char *code = NULL;
		for (size_t i = 0; i < x->n_fmts; i++)
			if (x->fmt_id[i] == n)
				code = x->fmt_code[i];
		x->xf_date = xrealloc(x->xf_date, x->n_xf + 1);
		x->xf_date[x->n_xf++] = (unsigned char)xlsx_format_date(n, code);
	}
}

static void styles_end(void *ud, const XML_Char *name)
{
	struct xlsx *x = ud;
	if (strcmp(xlsx_local(name), "cellXfs") == 0)
		x->in_xfs = false;
}

static enum mstatus read_styles(struct xlsx *x)
{
	if (!x->styles_path)
		return M_OK;
	enum mstatus st =
	    parse_part(x, x->styles_path, x->lim.part, true, styles_start, styles_end, NULL);
	for (size_t i = 0; i < x->n_fmts; i++)
		free(x->fmt_code[i]);
	free(x->fmt_id);
	free(x->fmt_code);
	x->fmt_id = NULL;
	x->fmt_code = NULL;
	x->n_fmts = 0;
	return st;
}

/* ---- shared strings ------------------------------------------------------------------------ */

static void strings_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	(void)atts;
	struct xlsx *x = ud;
	const char *l = xlsx_local(name);
	if (strcmp(l, "si") == 0) {
		if (x->n_strings == x->cap_strings) {
			x->cap_strings = x->cap_strings ? 2 * x->cap_strings : 1024;
			x->at = xreallocarray(x->at, x->cap_strings, sizeof *x->at);
			x->len = xreallocarray(x->len, x->cap_strings, sizeof *x->len);
		}
		x->at[x->n_strings] = x->strings.n;
		x->len[x->n_strings++] = 0;
	} else if (strcmp(l, "rPh") == 0) {
		x->in_phonetic++; /* the reading aid of East Asian text is not the text */
	} else if (strcmp(l, "t") == 0 && !x->in_phonetic && x->n_strings) {
		x->in_value = 1;
	}
}

static void strings_end(void *ud, const XML_Char *name)
{
	struct xlsx *x = ud;
	const char *l = xlsx_local(name);
	if (strcmp(l, "rPh") == 0 && x->in_phonetic)
		x->in_phonetic--;
	else if (strcmp(l, "t") == 0)
		x->in_value = 0;
	else if (strcmp(l, "si") == 0 && x->n_strings) {
		size_t i = x->n_strings - 1;
		if (x->len[i])
			x->len[i] = xlsx_unescape(x->strings.s + x->at[i], x->len[i]);
		x->strings.n = x->at[i] + x->len[i];
	}
}

static void strings_text(void *ud, const XML_Char *s, int n)
{
	struct xlsx *x = ud;
	if (!x->in_value || x->failed)
		return;
	xlsx_buf_add(&x->strings, s, (size_t)n);
	x->len[x->n_strings - 1] += (size_t)n;
}

static enum mstatus read_strings(struct xlsx *x)
{
	if (!x->strings_path)
		return M_OK;
	enum mstatus st = parse_part(x, x->strings_path, x->lim.strings, true, strings_start,
	                             strings_end, strings_text);
	x->in_value = x->in_phonetic = 0;
	return st;
}
/* ---- the reader ---------------------------------------------------------------------------- */

enum mstatus xlsx_open(const char *name, FILE *in, const char *sheet, const struct xlsx_limits *lim,
                       struct xlsx **out, struct merr *err)
{
	*out = NULL;
	struct xlsx *x = xcalloc(1, sizeof *x);
	x->name = name;
	x->lim = lim ? *lim : xlsx_limits_default;
	/* libzip closes the stream it reads: it gets a duplicate, the caller keeps `in`. */
	int fd = dup(fileno(in));
	FILE *dupf = fd >= 0 ? fdopen(fd, "rb") : NULL;
	zip_error_t ze;
	zip_error_init(&ze);
	zip_source_t *src = dupf ? zip_source_filep_create(dupf, 0, -1, &ze) : NULL;
	x->zip = src ? zip_open_from_source(src, ZIP_RDONLY, &ze) : NULL;
	enum mstatus st = M_OK;
	if (!x->zip) {
		st =
		    merr_set(err, M_DATA, MR_INVALID,
		             _("%s: not a readable .xlsx workbook (%s); open it in the spreadsheet "
		               "and save it again; nothing was imported"),
		             name, dupf ? zip_error_strerror(&ze) : strerror(errno));
		if (src)
			zip_source_free(src);
		else if (dupf)
			fclose(dupf);
		else if (fd >= 0)
			close(fd);
	}
	zip_error_fini(&ze);
	if (st == M_OK)
		st = read_book(x, sheet);
	if (st == M_OK)
		st = read_styles(x);
	if (st == M_OK)
		st = read_strings(x);
	if (st == M_OK)
		st = xlsx_sheet_begin(x);
	if (st != M_OK && x->zip) {
		*err = x->err;
		st = err->status;
	}
	if (st != M_OK)
		xlsx_close(&x);
	*out = x;
	return st;
}

const char *xlsx_sheet(const struct xlsx *x)
{
	return x->sheet_name;
}

bool xlsx_date1904(const struct xlsx *x)
{
	return x->date1904;
}

void xlsx_close(struct xlsx **xp)
{
	struct xlsx *x = *xp;
	if (!x)
		return;
	xlsx_sheet_stop(x);
	if (x->zip)
		zip_discard(x->zip);
	for (size_t i = 0; i < x->q_cap; i++)
		imp_cells_free(&x->queue[i]);
	free(x->queue);
	imp_cells_free(&x->row);
	free(x->cell.s);
	free(x->strings.s);
	free(x->at);
	free(x->len);
	free(x->xf_date);
	free(x->sheet_name);
	free(x->sheet_path);
	free(x->strings_path);
	free(x->styles_path);
	free(x->book_path);
	free(x);
	*xp = NULL;
}
