/* cli_gate.c - the privacy gate of the commands that let something leave the machine (export,
 * report): each finding on its own line on standard error, masked, then one line that sums up;
 * exit status 1, and nothing written, unless --allow-findings was given. */
#include "cli.h"

#include "core/privacy.h"

int cli_privacy_gate(struct store *s, const char *const *codes, size_t n, bool allow)
{
	struct merr err = {0};
	if (privacy_gate(s, codes, n, allow, stderr, &err) == M_OK)
		return M_OK;
	return cli_fail(&err);
}
