/* contrast.c - WCAG 2 relative luminance and contrast ratio (WCAG 2.1, "relative luminance"
 * and "contrast ratio" definitions), from sRGB values as the themes give them. */
#include "contrast.h"

#include <math.h>

/* One sRGB channel, 0..255, made linear. WCAG 2.1 writes 0.04045 where older texts had 0.03928;
 * no 8-bit value lies between them. */
static double linear(unsigned v)
{
	double c = v / 255.0;
	return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

double contrast_luminance(m_rgb c)
{
	return 0.2126 * linear((c >> 16) & 0xff) + 0.7152 * linear((c >> 8) & 0xff) +
	       0.0722 * linear(c & 0xff);
}

double contrast_ratio(m_rgb a, m_rgb b)
{
	double la = contrast_luminance(a), lb = contrast_luminance(b);
	return la > lb ? (la + 0.05) / (lb + 0.05) : (lb + 0.05) / (la + 0.05);
}
