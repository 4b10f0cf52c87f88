/* privacy_text.c - the detectors of addresses: e-mail addresses, and Swedish street addresses
 * ("Storgatan 12", "Lilla Nygatan 3B", "Södra Förstadsgatan 24 lgh 1102", "Gustav Adolfs torg 5").
 * A street needs a number after it, and common words that end like streets ("handlingsplan",
 * "halvvägen", "första gången") and counts after the number ("vägen 3 gånger") are not one. */
#include "privacy_int.h"

#include <string.h>

/* ---- e-mail ------------------------------------------------------------------------------- */

static bool local_cp(uint32_t cp)
{
	return priv_word(cp) || cp == '.' || cp == '_' || cp == '%' || cp == '+' || cp == '-';
}

#define MAX_LOCAL 64   /* code points before the @ */
#define MAX_DOMAIN 255 /* bytes after it */

void priv_detect_email(const char *s, size_t n, struct privacy_findings *f)
{
	for (const char *at = memchr(s, '@', n); at;
	     at = memchr(at + 1, '@', n - (size_t)(at + 1 - s))) {
		size_t a = (size_t)(at - s), l = a, start, len, k = 0;
		uint32_t cp;
		/* bounded by what an address may hold, so "a@a@a@..." stays linear */
		while (k++ < MAX_LOCAL && (cp = priv_cp_before(s, l, &start)) && local_cp(cp))
			l = start;
		while (l < a && s[l] == '.')
			l++;
		/* the domain: labels of letters, digits and hyphens between dots */
		size_t r = a + 1, last_dot = 0, tld = 0;
		while (r - a <= MAX_DOMAIN) {
			cp = priv_cp(s, n, r, &len);
			if (priv_word(cp) || cp == '-') {
				tld +=
				    priv_letter(cp) ? 1 : 100; /* a top-level domain is letters */
				r += len;
			} else if (cp == '.' && r > a + 1 &&
			           priv_word(priv_cp(s, n, r + 1, &len))) {
				last_dot = r++;
				tld = 0;
			} else {
				break;
			}
		}
		if (l < a && last_dot && tld >= 2 && tld < 100)
			priv_add(s, f, PRIV_EMAIL, l, r - l);
		if (r >= n)
			break;
	}
}

/* ---- street addresses --------------------------------------------------------------------- */

/* Endings of Swedish street names (folded). */
static const char *const suffixes[] = {
    "gatan",      "gata",       "vägen",  "väg",     "gränd",  "gränden", "torget",  "torg",
    "plan",       "planen",     "allé",   "allén",   "stigen", "backe",   "backen",  "leden",
    "esplanaden", "promenaden", "gången", "platsen", "kajen",  "stråket", "slingan", NULL,
};
/* Those that make a street also on their own after a capitalised word: "Gustav Adolfs torg". */
static const char *const alone[] = {"gata", "torg", "gränd", "allé", "väg", NULL};
/* Those that make a street also typed in lower case: "bor på storgatan 5". */
static const char *const lower_ok[] = {"gatan",  "vägen", "gränd", "gränden",
                                       "torget", "allé",  "allén", NULL};
/* Words of case text that end like a street and are none. */
static const char *const not_streets[] = {
    "handlingsplan",
    "vårdplan",
    "genomförandeplan",
    "behandlingsplan",
    "åtgärdsplan",
    "studieplan",
    "utvecklingsplan",
    "samordningsplan",
    "insatsplan",
    "stödplan",
    "krisplan",
    "säkerhetsplan",
    "skyddsplan",
    "arbetsplan",
    "veckoplan",
    "tidsplan",
    "utredningsplan",
    "elevplan",
    "individplan",
    "flygplan",
    "bottenplan",
    "entréplan",
    "gräsplan",
    "gräsplanen",
    "konstgräsplan",
    "konstgräsplanen",
    "fotbollsplan",
    "fotbollsplanen",
    "bollplan",
    "bollplanen",
    "ingången",
    "utgången",
    "uppgången",
    "nedgången",
    "genomgången",
    "övergången",
    "tillgången",
    "avgången",
    "omgången",
    "undergången",
    "halvvägen",
    "motorvägen",
    "järnvägen",
    "omvägen",
    "genvägen",
    "cykelvägen",
    "gångvägen",
    "skolvägen",
    "hemvägen",
    "livsvägen",
    "arbetsplatsen",
    "hållplatsen",
    "busshållplatsen",
    "praktikplatsen",
    "parkeringsplatsen",
    "mötesplatsen",
    "lekplatsen",
    "arbetsplan",
    NULL,
};
/* Words before a street name that belong to it. */
static const char *const prefixes[] = {"lilla",  "stora", "södra", "norra", "östra",
                                       "västra", "gamla", "nya",   "övre",  "nedre",
                                       "sankt",  "lille", NULL};
/* Counts and units after a number: "vägen 3 gånger" is no address. */
static const char *const counts[] = {
    "år",     "åren",   "års",      "gånger", "gång",      "månader", "månad",  "mån",
    "dagar",  "dag",    "veckor",   "vecka",  "timmar",    "timme",   "tim",    "minuter",
    "min",    "st",     "stycken",  "km",     "m",         "meter",   "mil",    "personer",
    "barn",   "elever", "ungdomar", "unga",   "deltagare", "syskon",  "times",  "years",
    "year",   "days",   "months",   "weeks",  "hours",     "minutes", "people", "children",
    "pupils", "kids",   NULL,
};

/* The folded letters of s[a, b) end with the folded word w; *stem gets the letters before it. */
static bool ends_with(const char *s, size_t a, size_t b, const char *w, size_t *stem)
{
	size_t wl = strlen(w), p = b, q = wl, len;
	while (q > 0) {
		if (p <= a)
			return false;
		size_t ps, qs;
		uint32_t c1 = priv_fold(priv_cp_before(s, p, &ps));
		uint32_t c2 = priv_cp_before(w, q, &qs);
		if (c1 != c2)
			return false;
		p = ps;
		q = qs;
	}
	*stem = 0;
	for (size_t i = a; i < p; i += len) {
		priv_cp(s, b, i, &len);
		(*stem)++;
	}
	return true;
}

static bool in_list(const char *s, size_t a, size_t b, const char *const *list, const char **which,
                    size_t *stem)
{
	for (const char *const *w = list; *w; w++)
		if (ends_with(s, a, b, *w, stem)) {
			*which = *w;
			return true;
		}
	return false;
}

static bool str_in(const char *w, const char *const *list)
{
	for (; *list; list++)
		if (strcmp(w, *list) == 0)
			return true;
	return false;
}

/* The word before s[a] (after one space): its start, or a when there is none. */
static size_t word_before(const char *s, size_t a)
{
	size_t p, len;
	uint32_t cp = priv_cp_before(s, a, &p);
	if (cp != ' ' && cp != 0xA0)
		return a;
	size_t w = p;
	for (;;) {
		uint32_t c = priv_cp_before(s, w, &len);
		if (!priv_letter(c) && c != ':')
			break;
		w = len;
	}
	return w < p ? w : a;
}

/* The house number and what may follow it ("24", "3B", "3 B", "12-14", "24 lgh 1102",
 * "5, 2 tr"): its end, or 0 when what is there is not one. */
static size_t house_number(const char *s, size_t n, size_t p)
{
	static const char *const flat[] = {"lgh", "lägenhet", "tr", "trappor", "vån", NULL};
	size_t k = 0, len;
	while (p + k < n && s[p + k] >= '0' && s[p + k] <= '9')
		k++;
	if (k < 1 || k > 3 || s[p] == '0')
		return 0;
	size_t end = p + k;
	uint32_t cp = priv_cp(s, n, end, &len);
	if (((cp | 0x20) >= 'a' && (cp | 0x20) <= 'h') && !priv_word(priv_cp(s, n, end + 1, &len)))
		end++; /* 3B */
	else if (cp == ' ' && end + 1 < n && s[end + 1] >= 'A' && s[end + 1] <= 'H' &&
	         !priv_word(priv_cp(s, n, end + 2, &len)))
		end += 2; /* 3 B */
	else if ((len = priv_dash(s, n, end)) && s[end + len] >= '1' && s[end + len] <= '9') {
		size_t j = end + len;
		while (j < n && s[j] >= '0' && s[j] <= '9')
			j++;
		end = j; /* 12-14 */
	}
	cp = priv_cp(s, n, end, &len);
	if (priv_word(cp))
		return 0;
	if ((cp == ',' || cp == '.' || cp == ':') && priv_digit(priv_cp(s, n, end + 1, &len)))
		return 0; /* 2,5 km; 12.30 */
	/* an apartment or a floor belongs to the address */
	size_t q = end + (cp == ',' ? 1 : 0);
	size_t sp = priv_space(s, n, q);
	if (sp && priv_word_in(s, n, q + sp, flat)) {
		size_t w = q + sp;
		while (priv_letter(priv_cp(s, n, w, &len)))
			w += len;
		w += (w < n && s[w] == '.');
		w += priv_space(s, n, w);
		size_t d = w;
		while (d < n && s[d] >= '0' && s[d] <= '9')
			d++;
		if (d > w && !priv_word(priv_cp(s, n, d, &len)))
			return d;
	}
	/* "vägen 3 gånger", "Torget 12 kr": a count or an amount */
	q = end;
	while ((sp = priv_space(s, n, q)))
		q += sp;
	if (q > end && priv_word_in(s, n, q, counts))
		return 0;
	return priv_amount_after(s, n, end) ? 0 : end;
}

void priv_detect_address(const char *s, size_t n, struct privacy_findings *f)
{
	size_t len;
	for (size_t i = 0; i < n; i += len ? len : 1) {
		size_t before;
		uint32_t cp = priv_cp(s, n, i, &len);
		if (!priv_letter(cp) || priv_word(priv_cp_before(s, i, &before)))
			continue;
		/* a word, with hyphens inside: "Carl-Gustafs" */
		size_t a = i, b = i, l2;
		for (;;) {
			uint32_t c = priv_cp(s, n, b, &l2);
			if (priv_letter(c))
				b += l2;
			else if (c == '-' && priv_letter(priv_cp(s, n, b + 1, &l2)))
				b++;
			else
				break;
		}
		len = b - i;
		/* a number must follow: the cheap test first, as most words are no street */
		size_t sp = priv_space(s, n, b);
		if (!sp || b + sp >= n || s[b + sp] < '1' || s[b + sp] > '9')
			continue;
		const char *suffix = NULL;
		size_t stem = 0;
		if (!in_list(s, a, b, suffixes, &suffix, &stem) ||
		    priv_word_in(s, n, a, not_streets))
			continue;
		size_t start = a;
		if (stem == 0) {
			size_t w = word_before(s, a);
			if (!str_in(suffix, alone) || w == a || !priv_upper(priv_cp(s, n, w, &l2)))
				continue;
			start = w;
			/* the rest of a name in capitals: "Gustav Adolfs torg" */
			for (int more = 0; more < 2; more++) {
				w = word_before(s, start);
				if (w == start || !priv_upper(priv_cp(s, n, w, &l2)))
					break;
				start = w;
			}
		} else if (!priv_upper(cp)) {
			const char *w2;
			size_t st2;
			if (stem < 3 || !in_list(s, a, b, lower_ok, &w2, &st2))
				continue;
		}
		size_t end = house_number(s, n, b + sp);
		if (!end)
			continue;
		for (size_t w = word_before(s, start); w < start && priv_word_in(s, n, w, prefixes);
		     w = word_before(s, start))
			start = w;
		priv_add(s, f, PRIV_ADDRESS, start, end - start);
		len = end - i;
	}
}
