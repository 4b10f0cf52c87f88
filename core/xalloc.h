/* xalloc.h - allocation wrappers that never return NULL, so every caller owns a real pointer.
 * Running out of memory is not a condition this program can recover from in a useful way; the
 * wrappers end the process with a one-line message and exit status 4. */
#ifndef MELLAN_XALLOC_H
#define MELLAN_XALLOC_H

#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
void *xreallocarray(void *p, size_t n, size_t size);
char *xstrdup(const char *s);
/* NULL in, NULL out: for optional text fields. */
char *xstrdup_or_null(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
