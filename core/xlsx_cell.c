/* xlsx_cell.c - the parts of reading a workbook that need no zip and no XML (xlsx.h): cell
 * references, which number formats show dates, and Excel's serial day numbers as dates. */
#include "xlsx.h"

#include "fuzzytime.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

bool xlsx_ref(const char *ref, long *col, long *row)
{
	long c = 0, r = 0;
	const char *p = ref;
	for (; (*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z'); p++) {
		c = c * 26 + ((*p | 0x20) - 'a' + 1);
		if (c > 16384) /* XFD, the last column a workbook can have */
			return false;
	}
	for (const char *d = p; *d; d++) {
		if (*d < '0' || *d > '9' || r > 100000000)
			return false;
		r = r * 10 + (*d - '0');
	}
	if (c == 0 || p[0] == '\0' || r == 0)
		return false;
	*col = c - 1;
	*row = r;
	return true;
}

enum xlsx_date xlsx_format_date(int id, const char *code)
{
	if (!code) {
		if ((id >= 14 && id <= 16) || id == 22 || (id >= 27 && id <= 36) ||
		    (id >= 50 && id <= 58))
			return XD_DATE;
		return id == 17 ? XD_MONTH : XD_NONE;
	}
	/* The letters of the first section, outside quotes, [brackets] (colours, locales,
	 * conditions, elapsed hours) and escapes: d, m and y are dates; m beside h or s is
	 * minutes. */
	bool d = false, m = false, y = false;
	for (const char *p = code; *p && *p != ';'; p++) {
		if (*p == '"') {
			p = strchr(p + 1, '"');
			if (!p)
				break;
		} else if (*p == '[') {
			p = strchr(p, ']');
			if (!p)
				break;
		} else if (*p == '\\' || *p == '_' || *p == '*') {
			if (!*++p)
				break;
		} else {
			char c = (char)(*p | 0x20);
			d |= c == 'd';
			m |= c == 'm';
			y |= c == 'y';
		}
	}
	if (d)
		return XD_DATE;
	if (y)
		return m ? XD_MONTH : XD_YEAR;
	return XD_NONE;
}

/* Howard Hinnant's days_from_civil, the other way: days since 1970-01-01 to a date. */
static void civil_from_days(long z, int *y, int *m, int *d)
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

bool xlsx_serial_date(double serial, bool date1904, enum xlsx_date kind, char out[11])
{
	if (!isfinite(serial) || serial < 1 || serial >= 2958466)
		return false;
	long n = (long)floor(serial);
	int y, m, d;
	if (!date1904 && n == 60)
		return false; /* Lotus 1-2-3's 29 February 1900, which Excel keeps: no day */
	if (date1904)
		civil_from_days(ft_civil_days(1904, 1, 1) + n, &y, &m, &d);
	else
		civil_from_days(ft_civil_days(1899, 12, n < 60 ? 31 : 30) + n, &y, &m, &d);
	if (y > 9999)
		return false;
	char buf[40];
	if (kind == XD_YEAR)
		snprintf(buf, sizeof buf, "%04d", y);
	else if (kind == XD_MONTH)
		snprintf(buf, sizeof buf, "%04d-%02d", y, m);
	else
		snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
	memcpy(out, buf, 11);
	out[10] = '\0';
	return true;
}
