/* error.c - filling struct merr; see error.h. */
#include "error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

enum mstatus merr_set(struct merr *err, enum mstatus status, enum mreason reason, const char *fmt,
                      ...)
{
	if (err) {
		va_list ap;
		err->status = status;
		err->reason = reason;
		va_start(ap, fmt);
		vsnprintf(err->msg, sizeof err->msg, fmt, ap);
		va_end(ap);
		/* One line, always: a message is printed as "mellan: <msg>". */
		for (char *p = err->msg; *p; p++)
			if (*p == '\n' || *p == '\r')
				*p = ' ';
	}
	return status;
}

void merr_clear(struct merr *err)
{
	if (err) {
		err->status = M_OK;
		err->reason = MR_NONE;
		err->msg[0] = '\0';
	}
}

enum mstatus merr_data(struct merr *err, enum mstatus st)
{
	if (st != M_USAGE)
		return st;
	if (err)
		err->status = M_DATA;
	return M_DATA;
}
