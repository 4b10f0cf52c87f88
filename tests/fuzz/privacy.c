/* privacy.c - fuzz target: the privacy scanner over any text. The first line of an input is the
 * alliance's list of names, separated by '|'; the rest is the text scanned. The findings must
 * lie inside the text, in order and apart, and the masked text the screens and `check` print
 * must be safe for a terminal: valid UTF-8 without control characters. */
#include "fuzz.h"

#include "core/privacy.h"
#include "core/text.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fz_dir();
	return 0;
}

static void safe_for_terminal(const char *s, const char *what)
{
	size_t n = strlen(s);
	FZ_CHECK(text_valid_utf8(s, n), "%s is not valid UTF-8", what);
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t k = text_decode(s + i, n - i, &cp);
		FZ_CHECK(cp >= 0x20 && cp != 0x7F && !(cp >= 0x80 && cp < 0xA0),
		         "%s holds control character U+%04X at byte %zu", what, (unsigned)cp, i);
		i += k;
	}
}

static size_t code_points(const char *s)
{
	size_t n = strlen(s), k = 0;
	for (size_t i = 0; i < n; k++) {
		uint32_t cp;
		i += text_decode(s + i, n - i, &cp);
	}
	return k;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *in = malloc(size + 1);
	FZ_CHECK(in != NULL, "out of memory");
	memcpy(in, data, size);
	in[size] = '\0';
	char *text = strchr(in, '\n');
	if (text)
		*text++ = '\0';
	else
		text = in + strlen(in);

	const char *names[16];
	size_t n_names = 0;
	for (char *p = in; *p && n_names < 16;) {
		names[n_names++] = p;
		char *bar = strchr(p, '|');
		if (!bar)
			break;
		*bar = '\0';
		p = bar + 1;
	}
	for (size_t i = 0; i < n_names; i++)
		FZ_CHECK(privacy_same_name(names[i], names[i]), "\"%s\" is not itself", names[i]);
	if (n_names >= 2)
		FZ_CHECK(privacy_same_name(names[0], names[1]) ==
		             privacy_same_name(names[1], names[0]),
		         "\"%s\" and \"%s\": the same one way only", names[0], names[1]);
	struct privacy_names *list = privacy_names_new(names, n_names);

	struct privacy_findings f = {0};
	privacy_scan(text, list, &f);
	size_t len = strlen(text), end = 0;
	for (size_t i = 0; i < f.n; i++) {
		const struct privacy_finding *g = &f.items[i];
		FZ_CHECK(g->kind < PRIV_KIND_COUNT, "kind %d", (int)g->kind);
		FZ_CHECK(g->len > 0 && g->off + g->len <= len, "finding %zu+%zu outside %zu bytes",
		         g->off, g->len, len);
		FZ_CHECK(g->off >= end, "finding %zu at %zu overlaps the one before", i, g->off);
		FZ_CHECK(g->masked != NULL, "finding %zu has no masked form", i);
		FZ_CHECK(privacy_kind_code(g->kind) && privacy_kind_label(g->kind), "kind names");
		end = g->off + g->len;
	}
	char *masked = privacy_masked_text(text, &f);
	safe_for_terminal(masked, "the masked text");
	free(masked);
	/* What every screen does with user text: sanitise, measure, fit, wrap. */
	char *clean = text_sanitize(text, 0);
	safe_for_terminal(clean, "the sanitised text");
	/* The mask stars letters and digits one for one and keeps the rest of what is shown. */
	char *star = privacy_mask(text, len);
	safe_for_terminal(star, "the mask");
	FZ_CHECK(code_points(star) == code_points(clean), "the mask of \"%s\" is \"%s\"", clean,
	         star);
	free(star);
	FZ_CHECK(text_fit(clean, 10000, NULL) == strlen(clean), "the text does not fit");
	size_t *starts = NULL, *lens = NULL;
	size_t lines = text_wrap(clean, 1 + (int)(size % 30), &starts, &lens);
	for (size_t i = 0; i < lines; i++)
		FZ_CHECK(starts[i] + lens[i] <= strlen(clean), "line %zu outside the text", i);
	free(starts);
	free(lens);
	free(clean);

	privacy_findings_clear(&f);
	privacy_names_free(&list);
	free(in);
	return 0;
}
