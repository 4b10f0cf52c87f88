/* time.c - fuzz target: a step's fuzzy time as people type it. Whatever ft_parse() accepts must
 * come back the same through its code and through its display form, as the editor and the
 * export rely on, and its span and ages must be in order. */
#include "fuzz.h"

#include "core/fuzzytime.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fz_dir();
	return 0;
}

static void same_code(const char *text, const char *code, const char *what)
{
	struct fuzzy_time t;
	struct merr err = {0};
	char again[FT_BUFSZ];
	FZ_CHECK(ft_parse(text, &t, &err) == M_OK, "%s \"%s\" of code \"%s\" refused: %s", what,
	         text, code, err.msg);
	ft_code(&t, again);
	FZ_CHECK(strcmp(again, code) == 0, "%s \"%s\" reads as \"%s\", not \"%s\"", what, text,
	         again, code);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1);
	FZ_CHECK(text != NULL, "out of memory");
	memcpy(text, data, size);
	text[size] = '\0';

	char buf[FT_BUFSZ];
	ft_code_to_display(text, buf); /* an unreadable code is shown as it is */
	FZ_CHECK(strlen(buf) < FT_BUFSZ, "display overflows");

	struct fuzzy_time t;
	struct merr err = {0};
	if (ft_parse(text, &t, &err) != M_OK) {
		FZ_CHECK(err.msg[0] != '\0', "\"%s\" refused without a message", text);
		free(text);
		return 0;
	}
	char code[FT_BUFSZ], shown[FT_BUFSZ];
	ft_code(&t, code);
	ft_format(&t, shown);
	same_code(code, code, "the code");
	same_code(shown, code, "the display form");
	ft_code_to_display(code, buf);
	FZ_CHECK(strcmp(buf, shown) == 0, "code \"%s\" shown as \"%s\", not \"%s\"", code, buf,
	         shown);

	static const int births[] = {0, 1990, 2008};
	for (size_t i = 0; i < sizeof births / sizeof *births; i++) {
		char from[11], to[11];
		if (ft_span(&t, births[i], from, to)) {
			long a, b;
			FZ_CHECK(ft_iso_day(from, &a) && ft_iso_day(to, &b),
			         "\"%s\": span %s to %s is not two days", text, from, to);
			FZ_CHECK(a <= b, "\"%s\": span %s to %s ends before it starts", text, from,
			         to);
		}
		int lo, hi;
		if (ft_age_span(&t, births[i], &lo, &hi))
			FZ_CHECK(lo <= hi, "\"%s\": ages %d to %d", text, lo, hi);
	}
	free(text);
	return 0;
}
