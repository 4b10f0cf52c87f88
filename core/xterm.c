/* xterm.c - xterm's palette and the nearest colour in it (xterm.h). */
#include "xterm.h"

#define RGB(r, g, b) ((m_rgb)(((r) << 16) | ((g) << 8) | (b)))

m_rgb xterm_colour(int n)
{
	/* xterm's defaults for the 16 system colours. */
	static const m_rgb sys[16] = {
	    0x000000, 0xcd0000, 0x00cd00, 0xcdcd00, 0x0000ee, 0xcd00cd, 0x00cdcd, 0xe5e5e5,
	    0x7f7f7f, 0xff0000, 0x00ff00, 0xffff00, 0x5c5cff, 0xff00ff, 0x00ffff, 0xffffff,
	};
	static const unsigned level[6] = {0, 95, 135, 175, 215, 255};
	if (n < 0 || n > 255)
		n = 0;
	if (n < 16)
		return sys[n];
	if (n < 232) {
		int k = n - 16;
		return RGB(level[k / 36], level[k / 6 % 6], level[k % 6]);
	}
	unsigned g = (unsigned)(8 + 10 * (n - 232));
	return RGB(g, g, g);
}

int xterm_nearest(m_rgb c, int ncolours)
{
	if (ncolours > 256)
		ncolours = 256;
	if (ncolours < 8)
		ncolours = 8;
	int best = 0;
	long best_d = -1;
	for (int n = ncolours == 256 ? 16 : 0; n < ncolours; n++) {
		m_rgb x = xterm_colour(n);
		long dr = (long)(c >> 16 & 0xff) - (long)(x >> 16 & 0xff);
		long dg = (long)(c >> 8 & 0xff) - (long)(x >> 8 & 0xff);
		long db = (long)(c & 0xff) - (long)(x & 0xff);
		/* Green weighs most and blue least, as in luminance. */
		long d = 3 * dr * dr + 4 * dg * dg + 2 * db * db;
		if (best_d < 0 || d < best_d) {
			best_d = d;
			best = n;
		}
	}
	return best;
}
