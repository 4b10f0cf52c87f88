/* contrast.h - the WCAG 2 contrast ratio of two colours, so a theme can be shown (in a test) to
 * be readable from the back of a room: 7:1 is WCAG's enhanced level (AAA) for text. */
#ifndef MELLAN_CONTRAST_H
#define MELLAN_CONTRAST_H

#include <stdint.h>

/* A colour as 0xRRGGBB. */
typedef uint32_t m_rgb;

#define CONTRAST_AAA 7.0 /* enhanced contrast for text */
#define CONTRAST_AA 4.5  /* minimum contrast for text */

/* WCAG 2 relative luminance, 0 (black) to 1 (white). */
double contrast_luminance(m_rgb c);
/* (L1 + 0.05) / (L2 + 0.05) with L1 the lighter: 1 (same) to 21 (black on white), in either
 * order. */
double contrast_ratio(m_rgb a, m_rgb b);

#endif
