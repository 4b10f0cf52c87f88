/* uuid.h - the random identity every record carries across laptops (merge goes by it). */
#ifndef MELLAN_UUID_H
#define MELLAN_UUID_H

#include "model.h"

#include <stdbool.h>

/* A new random (version 4) UUID in lower-case text form. */
void m_uuid_new(char out[M_UUID_LEN + 1]);
/* True when s is a UUID in text form. */
bool m_uuid_valid(const char *s);

#endif
