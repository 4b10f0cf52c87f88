/* uuid.c - random record identities from libuuid. */
#include "uuid.h"

#include <uuid/uuid.h>

void m_uuid_new(char out[M_UUID_LEN + 1])
{
	uuid_t u;
	uuid_generate_random(u);
	uuid_unparse_lower(u, out);
}

bool m_uuid_valid(const char *s)
{
	uuid_t u;
	return s && uuid_parse(s, u) == 0;
}
