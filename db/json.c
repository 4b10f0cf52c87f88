/* json.c - json_object() as the history triggers call it. With trusted_schema=OFF, SQLite 3.40
 * lets schema code (triggers) call only functions marked innocuous, and its own JSON functions
 * are not marked so there. This one is, and takes their place on our connections only; other
 * tools writing the file use SQLite's own, which gives the same text for the values we store. */
#include "private.h"

#include <stdio.h>
#include <string.h>

static void put_string(sqlite3_str *o, const unsigned char *s, int n)
{
	sqlite3_str_appendchar(o, 1, '"');
	for (int i = 0; i < n; i++) {
		unsigned char c = s[i];
		if (c == '"' || c == '\\')
			sqlite3_str_appendf(o, "\\%c", c);
		else if (c == '\n')
			sqlite3_str_appendall(o, "\\n");
		else if (c == '\t')
			sqlite3_str_appendall(o, "\\t");
		else if (c == '\r')
			sqlite3_str_appendall(o, "\\r");
		else if (c < 0x20)
			sqlite3_str_appendf(o, "\\u%04x", c);
		else
			sqlite3_str_appendchar(o, 1, (char)c);
	}
	sqlite3_str_appendchar(o, 1, '"');
}

static void json_object_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (argc % 2 != 0) {
		sqlite3_result_error(ctx, "json_object() requires an even number of arguments", -1);
		return;
	}
	sqlite3_str *o = sqlite3_str_new(sqlite3_context_db_handle(ctx));
	sqlite3_str_appendchar(o, 1, '{');
	for (int i = 0; i < argc; i += 2) {
		if (sqlite3_value_type(argv[i]) != SQLITE_TEXT) {
			sqlite3_free(sqlite3_str_finish(o));
			sqlite3_result_error(ctx, "json_object() labels must be TEXT", -1);
			return;
		}
		if (i)
			sqlite3_str_appendchar(o, 1, ',');
		put_string(o, sqlite3_value_text(argv[i]), sqlite3_value_bytes(argv[i]));
		sqlite3_str_appendchar(o, 1, ':');
		sqlite3_value *v = argv[i + 1];
		switch (sqlite3_value_type(v)) {
		case SQLITE_NULL:
			sqlite3_str_appendall(o, "null");
			break;
		case SQLITE_INTEGER:
			sqlite3_str_appendf(o, "%lld", (long long)sqlite3_value_int64(v));
			break;
		case SQLITE_FLOAT:
			sqlite3_str_appendf(o, "%!.15g", sqlite3_value_double(v));
			break;
		default:
			put_string(o, sqlite3_value_text(v), sqlite3_value_bytes(v));
			break;
		}
	}
	sqlite3_str_appendchar(o, 1, '}');
	int n = sqlite3_str_length(o);
	char *text = sqlite3_str_finish(o);
	if (!text) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	sqlite3_result_text(ctx, text, n, sqlite3_free);
	sqlite3_result_subtype(ctx, 'J'); /* what SQLite's own marks as JSON */
}

int db_register_json(sqlite3 *db)
{
	return sqlite3_create_function(db, "json_object", -1,
	                               SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
	                               json_object_fn, NULL, NULL);
}
