/* privacy_number.c - the detectors of numbers: Swedish personal identity and coordination
 * numbers, also typed with a wrong check digit, phone numbers, and postal codes with a place. A
 * number is a finding only when it has the shape and passes the checks of what it looks like,
 * so the dates, years, amounts, ages and counts of a life story stay quiet. */
#include "privacy_int.h"

#include <string.h>

static bool digit_at(const char *s, size_t n, size_t i)
{
	return i < n && s[i] >= '0' && s[i] <= '9';
}

static size_t digits_from(const char *s, size_t n, size_t i)
{
	size_t j = i;
	while (digit_at(s, n, j))
		j++;
	return j - i;
}

/* A number may start here: not inside a word or a bigger number. */
static bool number_starts(const char *s, size_t i)
{
	size_t a;
	uint32_t before = priv_cp_before(s, i, &a);
	return !priv_word(before) && before != '+' && !priv_inside_number(s, i);
}

/* And end here: no letter or digit straight after, and not an amount. */
static bool number_ends(const char *s, size_t n, size_t end)
{
	size_t len;
	return !priv_word(priv_cp(s, n, end, &len)) && !priv_amount_after(s, n, end);
}

/* ---- identity and coordination numbers ----------------------------------------------------- */

static int two(const char *d)
{
	return (d[0] - '0') * 10 + (d[1] - '0');
}

bool priv_real_date(int year, int month, int day)
{
	static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (month < 1 || month > 12 || day < 1 || day > days[month - 1])
		return false;
	bool leap = year < 0 || (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
	return month != 2 || day < 29 || leap;
}

/* The check digit of the ten digits YYMMDDNNNC (Luhn). */
static bool luhn_ok(const char *d)
{
	int sum = 0;
	for (int i = 0; i < 9; i++) {
		int v = (d[i] - '0') * (i % 2 == 0 ? 2 : 1);
		sum += v > 9 ? v - 9 : v;
	}
	return (10 - sum % 10) % 10 == d[9] - '0';
}

/* digits holds 10 or 12 digits, plus says they were written YYMMDD+NNNC (a hundred years or
 * more); the kind they are, or -1. A valid date with a wrong check digit is PRIV_PNR_BAD: an
 * identity number typed wrong still points at one person, while the reference numbers, amounts
 * and organisation numbers (month 20 or more) of a case are rarely a valid date. */
static int id_kind(const char *digits, size_t k, bool plus)
{
	const char *d = digits;
	int century = plus ? 19 : 20; /* 10 digits: only 1900 and 2000 differ, by a leap day */
	if (k == 12) {
		century = two(digits);
		if (century < 18 || century > 20)
			return -1;
		d = digits + 2;
	}
	int month = two(d + 2), day = two(d + 4);
	enum privacy_kind kind = PRIV_PNR;
	if (day > 60) {
		day -= 60;
		kind = PRIV_COORD;
	}
	if (!priv_real_date(century * 100 + two(d), month, day))
		return -1;
	if (luhn_ok(d))
		return (int)kind;
	return century == 18 ? -1 : PRIV_PNR_BAD;
}

/* The word before s[i], across spaces and ": . # -": its start, or i when there is none. */
static size_t word_back(const char *s, size_t i)
{
	size_t p = i, q;
	uint32_t cp;
	while ((cp = priv_cp_before(s, p, &q)) &&
	       (cp == ' ' || cp == 0xA0 || cp == 0x202F || cp == ':' || cp == '.' || cp == '#' ||
	        cp == '-'))
		p = q;
	size_t w = p;
	while (priv_letter(priv_cp_before(s, w, &q)))
		w = q;
	return w < p ? w : i;
}

/* Numbers of another system, a payment's or an invoice's, as they are named before one: "OCR
 * 0503142383", "Fakturanummer 2005031423", "faktura nr. 050314-2383", "OCR-nummer: ...". */
static const char *const other_systems[] = {
    "ocr",         "faktura",     "fakturanummer",  "fakturanr", "invoice",
    "bankgiro",    "bg",          "bankgironummer", "plusgiro",  "pg",
    "konto",       "kontonummer", "kontonr",        "account",   "clearingnummer",
    "ordernummer", "ordernr",     "order",          "iban",      NULL};
/* Words before a phone number: "ring 0401234567", "tel. 0503142383". */
static const char *const phone_words[] = {
    "tel",  "telefon", "telefonnummer", "tfn", "mobil", "mobilnummer", "mobilen", "hemtelefon",
    "ring", "ringer",  "ringde",        "sms", "phone", "call",        "mobile",  NULL};

/* The word before the number at s[i], or before its "nr" or "nummer", is one of list. */
static bool named_as(const char *s, size_t n, size_t i, const char *const *list)
{
	static const char *const no[] = {"nr", "nummer", "no", "number", NULL};
	size_t w = word_back(s, i);
	if (w < i && priv_word_in(s, n, w, no))
		w = word_back(s, w);
	return w < i && priv_word_in(s, n, w, list);
}

/* What stands between the date and the last four digits at s[end]: a dash or a '+' (a hundred
 * years or more: *plus), or one or two spaces, or a dash or '+' with one space on either side,
 * as word processors and tired hands write them. Its bytes, 0 for none. */
static size_t tail_sep(const char *s, size_t n, size_t end, bool *plus)
{
	size_t p = end, sp = priv_space(s, n, p);
	p += sp;
	size_t dash = priv_dash(s, n, p);
	if (!dash && p < n && s[p] == '+')
		dash = 1;
	*plus = dash == 1 && s[p] == '+';
	if (dash)
		p += dash + priv_space(s, n, p + dash);
	else if (sp)
		p += priv_space(s, n, p);
	return p - end;
}

void priv_detect_pnr(const char *s, size_t n, struct privacy_findings *f)
{
	for (size_t i = 0; i < n; i++) {
		if (!digit_at(s, n, i) || !number_starts(s, i))
			continue;
		size_t k = digits_from(s, n, i), end = i + k;
		char d[13];
		bool plus = false;
		if (k == 10 || k == 12) {
			memcpy(d, s + i, k);
		} else if (k == 6 || k == 8) {
			/* YYMMDD-NNNC, YYMMDD+NNNC, YYYYMMDD-NNNC, and spaced */
			size_t sep = tail_sep(s, n, end, &plus);
			if (!sep || digits_from(s, n, end + sep) != 4)
				goto next;
			memcpy(d, s + i, k);
			memcpy(d + k, s + end + sep, 4);
			end += sep + 4;
			k += 4;
		} else {
			goto next;
		}
		if (number_ends(s, n, end)) {
			int kind = id_kind(d, k, plus);
			/* Ten digits in a row starting with 0 may be a phone number as well: one
			 * starting 07 is how a mobile number is typed, and a word of phone before
			 * says so too; the phone detector then has it, unless it is a valid
			 * identity number. */
			bool zero = end - i == 10 && d[0] == '0';
			bool phone = zero && (d[1] == '7' || named_as(s, n, i, phone_words));
			if (kind == PRIV_PNR_BAD && (phone || named_as(s, n, i, other_systems)))
				kind = -1;
			if (kind >= 0)
				priv_add(s, f, (enum privacy_kind)kind, i, end - i);
		}
	next:
		i += k ? k - 1 : 0;
	}
}

/* ---- phone numbers ------------------------------------------------------------------------ */

#define MAX_GROUPS 8

/* The bytes of a Swedish phone number starting at s[i], 0 when there is none. Forms:
 * 070-123 45 67, 0701234567, 040-12 34 56, 08-123 456 78, 0410-123 45, (040) 12 34 56,
 * +46 70 123 45 67, +46 (0)40 12 34 56, 0046 40 123456. glued: straight after a letter, as in
 * text copied out of a form ("Telefonnummer040-34 10 49"), where only the grouped forms count. */
static size_t phone_at(const char *s, size_t n, size_t i, bool glued)
{
	size_t p = i;
	bool intl = false, paren = false;
	if (i + 2 < n && s[i] == '+' && s[i + 1] == '4' && s[i + 2] == '6') {
		p += 3;
		intl = true;
	} else if (i + 3 < n && memcmp(s + i, "0046", 4) == 0) {
		p += 4;
		intl = true;
	} else if (i + 1 < n && s[i] == '(' && s[i + 1] == '0') {
		p++;
		paren = true;
	} else if (s[i] != '0') {
		return 0;
	}
	char nat[12];
	size_t nd = 0, groups = 0, size[MAX_GROUPS], end = p;
	bool all_dashes = true;
	if (intl) {
		nat[nd++] = '0';
		size_t sp = priv_space(s, n, p);
		p += sp ? sp : priv_dash(s, n, p);
		if (p + 2 < n && memcmp(s + p, "(0)", 3) == 0) {
			p += 3;
			p += priv_space(s, n, p);
		}
		if (!digit_at(s, n, p) || s[p] == '0')
			return 0;
	}
	while (groups < MAX_GROUPS) {
		size_t k = digits_from(s, n, p);
		/* Never take in the next number of the sentence: "ring 070-123 45 67 2 gånger". */
		if (k == 0 || nd + k > 10)
			break;
		memcpy(nat + nd, s + p, k);
		nd += k;
		size[groups++] = k;
		end = p + k;
		size_t r = end, sep;
		if (paren) {
			if (r >= n || s[r] != ')')
				return 0;
			paren = false;
			r++;
			sep = priv_space(s, n, r);
			all_dashes = false;
		} else if ((sep = priv_dash(s, n, r)) == 0 && r < n && s[r] == '/') {
			sep = 1;
		} else if (sep == 0 && (sep = priv_space(s, n, r)) != 0) {
			all_dashes = false;
		}
		if (!digit_at(s, n, r + sep) || (!sep && s[r - 1] != ')'))
			break;
		p = r + sep;
	}
	if (paren || nd < 8 || nd > 10 || nat[0] != '0' || nat[1] == '0')
		return 0;
	if (nat[1] == '7' && nd != 10) /* mobile numbers have ten digits */
		return 0;
	size_t first = size[0] + (intl ? 1 : 0); /* the area code with its 0 */
	if (groups > 1 && (first < 2 || first > 4))
		return 0;
	if (glued && (groups < 2 || intl || !size[0]))
		return 0;
	/* 01-02-2015, 14/09/2009: a date written the other way round */
	if (all_dashes && groups == 3 && size[0] == 2 && size[1] == 2 && size[2] == 4)
		return 0;
	return number_ends(s, n, end) ? end - i : 0;
}

void priv_detect_phone(const char *s, size_t n, struct privacy_findings *f)
{
	size_t prev_end = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] != '0' && s[i] != '+' && s[i] != '(')
			continue;
		size_t at;
		uint32_t before = priv_cp_before(s, i, &at);
		bool glued = priv_letter(before);
		/* a space after a phone number found just before is not a number going on */
		bool next = prev_end && at == prev_end && !priv_word(before);
		if (!glued && !next && !number_starts(s, i))
			continue;
		size_t len = phone_at(s, n, i, glued);
		/* digits in a row named as a payment's number are that: "OCR 0503142383" */
		if (len && digits_from(s, n, i) == len && named_as(s, n, i, other_systems))
			len = 0;
		if (len) {
			priv_add(s, f, PRIV_PHONE, i, len);
			i += len - 1;
			prev_end = i + 1;
		}
	}
}

/* ---- postal codes with a place ------------------------------------------------------------- */

void priv_detect_postcode(const char *s, size_t n, struct privacy_findings *f)
{
	for (size_t i = 0; i < n; i++) {
		if (!digit_at(s, n, i) || s[i] == '0' || !number_starts(s, i))
			continue;
		size_t k = digits_from(s, n, i), end;
		if (k == 3) { /* 211 45 */
			size_t sp = priv_space(s, n, i + 3);
			if (!sp || digits_from(s, n, i + 3 + sp) != 2)
				goto next;
			end = i + 3 + sp + 2;
		} else if (k == 5) { /* 21145 */
			end = i + 5;
		} else {
			goto next;
		}
		/* one or two spaces, then a place with a capital letter: "211 45 Malmö" */
		size_t p = end, sp, len;
		for (int spaces = 0; spaces < 2 && (sp = priv_space(s, n, p)); spaces++)
			p += sp;
		if (p == end || !priv_upper(priv_cp(s, n, p, &len)))
			goto next;
		size_t w = p, letters = 0;
		while (priv_letter(priv_cp(s, n, w, &len))) {
			w += len;
			letters++;
		}
		if (letters >= 2 && !priv_digit(priv_cp(s, n, w, &len)))
			priv_add(s, f, PRIV_POSTCODE, i, w - i);
	next:
		i += k ? k - 1 : 0;
	}
}
