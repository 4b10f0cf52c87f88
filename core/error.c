/* error.c - filling struct merr; see error.h. */
#include "error.h"

#include "text.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* The message with every control character made visible: C0 and DEL as \xNN, C1 and the
 * bidirectional controls as \uNNNN, bytes that are not UTF-8 as \xNN. A file name with an ESC
 * or a U+202E in it is shown, not obeyed, by the terminal the message reaches. Cut at a whole
 * character when it does not fit. */
static void visible(char *out, size_t size, const char *in)
{
	size_t n = strlen(in), o = 0;
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t k = text_decode(in + i, n - i, &cp);
		bool invalid = cp == 0xFFFD && k == 1;
		char esc[16];
		const char *put = esc;
		size_t len;
		if (invalid || cp < 0x20 || cp == 0x7F) {
			len = (size_t)snprintf(esc, sizeof esc, "\\x%02X", (unsigned char)in[i]);
		} else if ((cp >= 0x80 && cp <= 0x9F) || text_bidi_control(cp)) {
			len = (size_t)snprintf(esc, sizeof esc, "\\u%04X", (unsigned)cp);
		} else {
			put = in + i;
			len = k;
		}
		if (o + len >= size)
			break;
		memcpy(out + o, put, len);
		o += len;
		i += k;
	}
	out[o] = '\0';
}

enum mstatus merr_set(struct merr *err, enum mstatus status, enum mreason reason, const char *fmt,
                      ...)
{
	if (err) {
		char raw[2 * sizeof err->msg];
		va_list ap;
		err->status = status;
		err->reason = reason;
		va_start(ap, fmt);
		vsnprintf(raw, sizeof raw, fmt, ap);
		va_end(ap);
		/* One line, always: a message is printed as "mellan: <msg>". */
		visible(err->msg, sizeof err->msg, raw);
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
