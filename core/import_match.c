/* import_match.c - header words and actor names of a chronology matched to mellan's fields and
 * catalogue (import_match.h). The words are one table of data: a new synonym is a new string. */
#include "import_match.h"

#include "i18n.h"
#include "text.h"
#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The words of multi-agency chronologies as schools, social services, the police and health
 * care head their columns, Swedish and English. Compared folded (imp_fold, accents dropped), so
 * each is written once, as people write it. The first two of each are the names mellan(5) gives
 * the field, which --map accepts. */
static const char *const words[IMP_FIELDS][24] = {
    [IMP_CASE] = {"case", "fall", "case code", "case id", "case no", "case number", "case ref",
                  "code", "pseudonym", "fallkod", "fall id", "fallnummer", "kod", "ärende",
                  "ärendenummer", NULL},
    [IMP_DATE] = {"date", "datum", "time", "when", "date of event", "event date", "tid", "när",
                  "tidpunkt", "period", "tidsperiod", "datum för händelse", "händelsedatum", NULL},
    [IMP_ACTOR] = {"actor", "aktör", "agency", "organisation", "organization", "service", "source",
                   "who", "agency or service", "lead agency", "myndighet", "verksamhet", "vem",
                   "källa", "instans", "enhet", "förvaltning", "huvudman", NULL},
    [IMP_HAPPENED] = {"what happened", "vad hände", "event", "incident", "happened", "description",
                      "event details", "details", "händelse", "vad som hände", "beskrivning",
                      "händelseförlopp", "skeende", NULL},
    [IMP_DONE] = {"what was done", "vad gjordes", "done", "action", "actions", "action taken",
                  "actions taken", "response", "intervention", "åtgärd", "åtgärder", "insats",
                  "insatser", "vad som gjordes", "vidtagna åtgärder", "vidtagen åtgärd", NULL},
    [IMP_OUTCOME] = {"outcome", "resultat", "result", "effect", "utfall", "vad det ledde till",
                     "följd", NULL},
    [IMP_NOTE] = {"note", "anteckning", "notes", "comment", "comments", "remark", "remarks",
                  "anteckningar", "kommentar", "kommentarer", "notering", "noteringar", "övrigt",
                  NULL},
};

/* The fields' names as messages show them (translated: "vad hände"). */
static const char *const labels[IMP_FIELDS] = {
    NC_("import field", "case"),          NC_("import field", "date"),
    NC_("import field", "actor"),         NC_("import field", "what happened"),
    NC_("import field", "what was done"), NC_("import field", "outcome"),
    NC_("import field", "note"),
};

/* Lower case of one code point of the Latin letters Swedish, Finnish and their neighbours use;
 * `plain` also takes the accent off. */
static uint32_t fold_cp(uint32_t cp, bool plain)
{
	if (cp >= 'A' && cp <= 'Z')
		return cp + 32;
	if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7)
		cp += 0x20;
	else if (cp >= 0x100 && cp <= 0x137)
		cp |= 1;
	else if ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E))
		cp += (cp & 1);
	else if (cp >= 0x14A && cp <= 0x177)
		cp |= 1;
	if (!plain || cp < 0xE0 || cp > 0xFF)
		return cp;
	static const char plain_of[] = "aaaaaaaceeeeiiiidnooooo/ouuuuyty";
	return (unsigned char)plain_of[cp - 0xE0];
}

static bool blank_cp(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0xA0;
}

char *imp_fold(const char *s, bool plain)
{
	size_t n = strlen(s);
	char *o = xmalloc(4 * n + 1);
	size_t len = 0;
	bool space = false;
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		i += text_decode(s + i, n - i, &cp);
		if (blank_cp(cp)) {
			space = len > 0;
			continue;
		}
		if (space)
			o[len++] = ' ';
		space = false;
		cp = fold_cp(cp, plain);
		if (cp < 0x80) {
			o[len++] = (char)cp;
		} else if (cp < 0x800) {
			o[len++] = (char)(0xC0 | (cp >> 6));
			o[len++] = (char)(0x80 | (cp & 0x3F));
		} else if (cp < 0x10000) {
			o[len++] = (char)(0xE0 | (cp >> 12));
			o[len++] = (char)(0x80 | ((cp >> 6) & 0x3F));
			o[len++] = (char)(0x80 | (cp & 0x3F));
		} else {
			o[len++] = (char)(0xF0 | (cp >> 18));
			o[len++] = (char)(0x80 | ((cp >> 12) & 0x3F));
			o[len++] = (char)(0x80 | ((cp >> 6) & 0x3F));
			o[len++] = (char)(0x80 | (cp & 0x3F));
		}
	}
	o[len] = '\0';
	return o;
}

/* A header folded for the table: accents off, '_' a space, a trailing ':', '?', '.' or '*' (a
 * required column's mark) and blanks around gone. */
static char *fold_header(const char *h)
{
	char *u = xstrdup(h);
	for (char *p = u; *p; p++)
		if (*p == '_')
			*p = ' ';
	char *f = imp_fold(u, true);
	free(u);
	size_t n = strlen(f);
	while (n && strchr(":?.* ", f[n - 1]))
		f[--n] = '\0';
	return f;
}

static enum imp_field word_field(const char *folded, int from, int to)
{
	for (int f = 0; f < IMP_FIELDS; f++)
		for (int k = from; k < to && words[f][k]; k++) {
			char *w = imp_fold(words[f][k], true);
			bool same = strcmp(w, folded) == 0;
			free(w);
			if (same)
				return (enum imp_field)f;
		}
	return IMP_UNKNOWN;
}

enum imp_field imp_header_field(const char *header)
{
	char *f = fold_header(header);
	enum imp_field found = f[0] ? word_field(f, 0, 24) : IMP_UNKNOWN;
	/* "Datum/tid", "Aktör / myndighet": each part names the same field. */
	if (found == IMP_UNKNOWN && strchr(f, '/')) {
		char *save = NULL;
		for (char *part = strtok_r(f, "/", &save); part;
		     part = strtok_r(NULL, "/", &save)) {
			char *p = fold_header(part);
			enum imp_field pf = word_field(p, 0, 24);
			free(p);
			if (pf == IMP_UNKNOWN || (found != IMP_UNKNOWN && pf != found)) {
				found = IMP_UNKNOWN;
				break;
			}
			found = pf;
		}
	}
	free(f);
	return found;
}

const char *imp_header_word(enum imp_field f, size_t k)
{
	return f >= 0 && f < IMP_FIELDS && k < 24 ? words[f][k] : NULL;
}

enum imp_field imp_field_by_name(const char *name)
{
	char *f = fold_header(name);
	enum imp_field found = word_field(f, 0, 2);
	free(f);
	return found;
}

const char *imp_field_label(enum imp_field f)
{
	if (f < 0 || f >= IMP_FIELDS)
		return "?";
	return i18n_pgettext("import field", labels[f]);
}

void imp_field_list(char *buf, size_t n)
{
	size_t len = 0;
	buf[0] = '\0';
	for (int f = 0; f < IMP_FIELDS && len < n; f++) {
		int w = snprintf(buf + len, n - len, "%s%s", f ? ", " : "",
		                 imp_field_label((enum imp_field)f));
		if (w < 0)
			break;
		len += (size_t)w;
	}
}

/* ---- actors -------------------------------------------------------------------------------- */

void imp_actors_load(struct imp_actors *ix, const struct m_actor_list *l)
{
	ix->n = l->n;
	ix->actor = l->items;
	ix->name = xcalloc(l->n + 1, sizeof *ix->name);
	ix->label = xcalloc(l->n + 1, sizeof *ix->label);
	for (size_t i = 0; i < l->n; i++) {
		ix->name[i] = imp_fold(l->items[i].name ? l->items[i].name : "", false);
		ix->label[i] =
		    imp_fold(l->items[i].short_label ? l->items[i].short_label : "", false);
	}
}

void imp_actors_clear(struct imp_actors *ix)
{
	for (size_t i = 0; i < ix->n; i++) {
		free(ix->name[i]);
		free(ix->label[i]);
	}
	free(ix->name);
	free(ix->label);
	memset(ix, 0, sizeof *ix);
}

static size_t letters(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

size_t imp_actors_find(const struct imp_actors *ix, const char *name, size_t *cands, size_t max)
{
	char *f = imp_fold(name, false);
	size_t found = 0;
	for (size_t i = 0; !found && i < ix->n; i++)
		if (strcmp(ix->name[i], f) == 0)
			cands[found++] = i;
	for (size_t i = 0; !found && i < ix->n; i++)
		if (ix->label[i][0] && strcmp(ix->label[i], f) == 0)
			cands[found++] = i;
	size_t len = strlen(f);
	bool exact = found > 0;
	/* The count goes on past max, so "ambiguous" is told from "one". */
	for (size_t i = 0; !exact && letters(f) >= 3 && i < ix->n; i++) {
		if (strncmp(ix->name[i], f, len) != 0 && strncmp(ix->label[i], f, len) != 0)
			continue;
		if (found < max)
			cands[found] = i;
		found++;
	}
	free(f);
	return found;
}

/* ---- sectors ------------------------------------------------------------------------------- */

/* Sectors as people name them, Swedish and English, beside the codes. */
static const char *const sector_words[SECTOR_COUNT][8] = {
    [SECTOR_MUNICIPALITY] = {"kommun", "kommunen", "kommunal", "municipal", NULL},
    [SECTOR_STATE] = {"state agency", "statlig myndighet", "stat", "staten", "statlig", "myndighet",
                      NULL},
    [SECTOR_REGION] = {"regionen", "landsting", "hälso- och sjukvård", "healthcare", NULL},
    [SECTOR_CIVIL] = {"civil society", "civilsamhälle", "civilsamhället", "förening", "ideell",
                      NULL},
    [SECTOR_BUSINESS] = {"näringsliv", "näringslivet", "företag", NULL},
    [SECTOR_ACADEMIA] = {"akademi", "akademin", "universitet", NULL},
    [SECTOR_NETWORK] = {"nätverk", "nätverket", "familj", "family",
                        "the young person and their network", "den unga och nätverket", NULL},
};

int imp_sector_by_name(const char *name)
{
	char *f = imp_fold(name, true);
	int found = -1;
	for (int s = 0; found < 0 && s < SECTOR_COUNT; s++) {
		char *code = imp_fold(m_sector_code((enum m_sector)s), true);
		char *label = imp_fold(m_sector_label((enum m_sector)s), true);
		if (strcmp(code, f) == 0 || strcmp(label, f) == 0)
			found = s;
		free(code);
		free(label);
		for (int k = 0; found < 0 && k < 8 && sector_words[s][k]; k++) {
			char *w = imp_fold(sector_words[s][k], true);
			if (strcmp(w, f) == 0)
				found = s;
			free(w);
		}
	}
	free(f);
	return found;
}
