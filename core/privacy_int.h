/* privacy_int.h - what the scanner's files share and nobody else uses: reading code points
 * forwards and backwards, what counts as a letter, case folding, whether a date was real, and
 * adding a finding. */
#ifndef MELLAN_PRIVACY_INT_H
#define MELLAN_PRIVACY_INT_H

#include "privacy.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The code point at s[i] (0 at the end); *len gets its bytes (0 at the end). */
uint32_t priv_cp(const char *s, size_t n, size_t i, size_t *len);
/* The code point that ends at s[i] (0 at the start); *start gets its first byte. */
uint32_t priv_cp_before(const char *s, size_t i, size_t *start);

bool priv_letter(uint32_t cp);
bool priv_digit(uint32_t cp);
bool priv_word(uint32_t cp); /* letter or digit */
/* Lower case of the letters of European alphabets; others as they are. */
uint32_t priv_fold(uint32_t cp);
bool priv_upper(uint32_t cp);
/* A space inside a number or between words: ' ', no-break and narrow no-break space. Returns
 * its bytes at s[i], 0 when there is none. */
size_t priv_space(const char *s, size_t n, size_t i);
/* A dash: '-', en dash, figure dash, minus. Its bytes at s[i], 0 for none. */
size_t priv_dash(const char *s, size_t n, size_t i);

/* The number at [off, off+len) is part of a bigger one: "1 040 500 000" (a digit and a space
 * before it), "2009-09-14" (a digit and a dash, slash or dot before it). */
bool priv_inside_number(const char *s, size_t off);
/* What follows end says the number is an amount or a share: "kr", "kronor", "SEK", ":-", "%",
 * "procent", "tkr", "mkr", "euro". */
bool priv_amount_after(const char *s, size_t n, size_t end);
/* The folded word starting at s[i] (letters only) equals one of the NULL-terminated words. */
bool priv_word_in(const char *s, size_t n, size_t i, const char *const *words);

/* A day that was, or may have been: year -1 when the century or the year is unknown, and 29
 * February then passes. */
bool priv_real_date(int year, int month, int day);

/* Adds a finding unless it overlaps one already found (the earlier detector wins). */
void priv_add(const char *s, struct privacy_findings *f, enum privacy_kind kind, size_t off,
              size_t len);

void priv_detect_email(const char *s, size_t n, struct privacy_findings *f);
void priv_detect_pnr(const char *s, size_t n, struct privacy_findings *f);
void priv_detect_birth(const char *s, size_t n, struct privacy_findings *f);
void priv_detect_phone(const char *s, size_t n, struct privacy_findings *f);
void priv_detect_postcode(const char *s, size_t n, struct privacy_findings *f);
void priv_detect_address(const char *s, size_t n, struct privacy_findings *f);
void priv_detect_names(const char *s, size_t n, const struct privacy_names *names,
                       struct privacy_findings *f);

#endif
