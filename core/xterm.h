/* xterm.h - the 256 colours of an xterm-compatible terminal as RGB values, and the nearest of
 * them to a colour: what a terminal that cannot take exact colours shows for a theme's colour,
 * so the contrast tests can measure that too. */
#ifndef MELLAN_XTERM_H
#define MELLAN_XTERM_H

#include "contrast.h"

/* The RGB value of xterm's colour n (0..255): the 16 system colours as xterm sets them, the
 * 6x6x6 cube and the grey ramp. */
m_rgb xterm_colour(int n);
/* The colour among xterm's first `ncolours` (8, 16 or 256) nearest to c, as the eye weighs red,
 * green and blue; with 256, one of the cube or the greys (16..255), whose values terminal themes
 * leave alone. */
int xterm_nearest(m_rgb c, int ncolours);

#endif
