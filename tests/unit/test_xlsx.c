/* test_xlsx.c - the .xlsx reader on workbooks written by libxlsxwriter (shared and inline
 * strings, numbers, booleans, gaps in a row, dates in built-in and custom date styles, a chosen
 * sheet), and on parts written by hand with libzip where a real writer would never go: a
 * DOCTYPE, dates from 1904, rows and cells without references, escapes, a prefix on every
 * element, a shared text that is not there, and parts past their limits (a zip bomb). */
#include "testutil.h"

#include "core/xlsx.h"

#include <xlsxwriter.h>
#include <zip.h>

/* Every row of the sheet as "line:A=text;C=#number;D=@date|...", or the error. */
static char *read_sheet(const char *path, const char *sheet, const struct xlsx_limits *lim,
                        char *err_out, size_t n_err)
{
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	struct xlsx *x = NULL;
	struct merr err = {0};
	enum mstatus st = xlsx_open("book.xlsx", f, sheet, lim, &x, &err);
	size_t cap = 65536, len = 0;
	char *out = calloc(1, cap);
	struct imp_cells row = {0};
	for (bool more = true; st == M_OK && more;) {
		st = xlsx_next(x, &row, &more, &err);
		if (st != M_OK || !more)
			continue;
		len += (size_t)snprintf(out + len, cap - len, "%s%ld:", len ? "|" : "", row.line);
		for (size_t i = 0; i < row.n; i++) {
			if (!row.len[i])
				continue;
			char col[8];
			imp_column_name(i, col);
			const char *mark = row.kind[i] == CELL_NUMBER ? "#"
			                   : row.kind[i] == CELL_DATE ? "@"
			                                              : "";
			len +=
			    (size_t)snprintf(out + len, cap - len, "%s=%s%s;", col, mark, row.v[i]);
		}
	}
	imp_cells_free(&row);
	xlsx_close(&x);
	fclose(f);
	snprintf(err_out, n_err, "%s", st == M_OK ? "" : err.msg);
	if (st != M_OK) {
		free(out);
		return NULL;
	}
	return out;
}

static void expect_rows(const char *path, const char *sheet, const char *want)
{
	char err[600];
	char *got = read_sheet(path, sheet, NULL, err, sizeof err);
	if (!got)
		fail_msg("%s: %s", path, err);
	if (strcmp(got, want) != 0)
		fail_msg("%s:\n got  %s\n want %s", path, got, want);
	free(got);
}

static void expect_refusal(const char *path, const char *sheet, const struct xlsx_limits *lim,
                           const char *words)
{
	char err[600];
	char *got = read_sheet(path, sheet, lim, err, sizeof err);
	if (got)
		fail_msg("%s was read: %s", path, got);
	if (!strstr(err, words) || !strstr(err, "book.xlsx"))
		fail_msg("%s: the refusal '%s' does not say '%s'", path, err, words);
}

/* ---- written by libxlsxwriter -------------------------------------------------------------- */

static void test_written_by_a_spreadsheet_writer(void **state)
{
	(void)state;
	char path[512];
	tu_path(path, sizeof path, "writer.xlsx");
	lxw_workbook *wb = workbook_new(path);
	lxw_format *iso = workbook_add_format(wb), *d14 = workbook_add_format(wb),
	           *month = workbook_add_format(wb), *year = workbook_add_format(wb),
	           *clock = workbook_add_format(wb), *money = workbook_add_format(wb),
	           *swedish = workbook_add_format(wb);
	format_set_num_format(iso, "yyyy-mm-dd");
	format_set_num_format_index(d14, 14);
	format_set_num_format(month, "mmm yyyy");
	format_set_num_format(year, "yyyy");
	format_set_num_format(clock, "hh:mm");
	format_set_num_format(money, "#,##0.00 \"kr\"");
	format_set_num_format(swedish, "[$-41D]d mmmm yyyy;@");
	lxw_worksheet *ws = workbook_add_worksheet(wb, "Först");
	worksheet_write_string(ws, 0, 0, "Åsa", NULL);
	worksheet_write_string(ws, 0, 3, "efter en lucka", NULL); /* B and C are not there */
	worksheet_write_number(ws, 1, 0, 42236, iso);
	worksheet_write_number(ws, 1, 1, 42278, d14);
	worksheet_write_number(ws, 1, 2, 42430, month);
	worksheet_write_number(ws, 1, 3, 42430, year);
	worksheet_write_number(ws, 2, 0, 0.5, clock);
	worksheet_write_number(ws, 2, 1, 12.5, money);
	worksheet_write_number(ws, 2, 2, 43000, swedish);
	worksheet_write_number(ws, 2, 3, 7, NULL);
	worksheet_write_boolean(ws, 3, 0, 1, NULL);
	worksheet_write_boolean(ws, 3, 1, 0, NULL);
	worksheet_write_blank(ws, 3, 2, iso); /* a styled cell with nothing in it */
	worksheet_write_string(ws, 3, 3, "två\nrader", NULL);
	worksheet_write_formula_str(ws, 5, 0, "=\"A\"&\"B\"", NULL, "AB");
	lxw_format *bold = workbook_add_format(wb);
	format_set_bold(bold);
	lxw_rich_string_tuple a = {.format = NULL, .string = "rik "},
	                      b = {.format = bold, .string = "text"};
	lxw_rich_string_tuple *rich[] = {&a, &b, NULL};
	worksheet_write_rich_string(ws, 5, 1, rich, NULL);
	worksheet_write_string(ws, 27, 27, "AB28", NULL);
	lxw_worksheet *second = workbook_add_worksheet(wb, "Andra blad");
	worksheet_write_string(second, 0, 0, "på andra bladet", NULL);
	assert_int_equal(workbook_close(wb), LXW_NO_ERROR);

	expect_rows(path, NULL,
	            "1:A=Åsa;D=efter en lucka;"
	            "|2:A=@2015-08-20;B=@2015-10-01;C=@2016-03;D=@2016;"
	            "|3:A=#0.5;B=#12.5;C=@2017-09-22;D=#7;"
	            "|4:A=TRUE;B=FALSE;D=två\nrader;"
	            "|6:A=AB;B=rik text;"
	            "|28:AB=AB28;");
	expect_rows(path, "andra BLAD", "1:A=på andra bladet;");
	expect_refusal(path, "Tredje", NULL, "'Först', 'Andra blad'");
}

static void test_inline_strings(void **state)
{
	(void)state;
	char path[512];
	tu_path(path, sizeof path, "inline.xlsx");
	/* In constant-memory mode libxlsxwriter writes every text inline, as streaming writers do. */
	lxw_workbook_options opt = {.constant_memory = LXW_TRUE, .tmpdir = (char *)tu_tmpdir()};
	lxw_workbook *wb = workbook_new_opt(path, &opt);
	lxw_worksheet *ws = workbook_add_worksheet(wb, NULL);
	worksheet_write_string(ws, 0, 0, "Fall", NULL);
	worksheet_write_string(ws, 0, 2, "Händelse", NULL);
	worksheet_write_string(ws, 1, 0, "Bo", NULL);
	worksheet_write_number(ws, 1, 1, 3, NULL);
	worksheet_write_string(ws, 1, 2, "Flyttar <hem> & \"byter\" skola", NULL);
	assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
	char err[600];
	char *got = read_sheet(path, NULL, NULL, err, sizeof err);
	assert_non_null(got);
	assert_string_equal(got,
	                    "1:A=Fall;C=Händelse;|2:A=Bo;B=#3;C=Flyttar <hem> & \"byter\" skola;");
	free(got);
	/* It really was inline: no shared strings part. */
	int ze = 0;
	zip_t *z = zip_open(path, ZIP_RDONLY, &ze);
	assert_non_null(z);
	assert_true(zip_name_locate(z, "xl/sharedStrings.xml", 0) < 0);
	zip_discard(z);
}

/* ---- parts written by hand ----------------------------------------------------------------- */

static const char content_types[] =
    "<?xml version=\"1.0\"?><Types "
    "xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>";
static const char root_rels[] =
    "<?xml version=\"1.0\"?><Relationships "
    "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship "
    "Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    "officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>";
static const char book_rels[] =
    "<?xml version=\"1.0\"?><Relationships "
    "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
    "relationships/worksheet\" Target=\"/xl/worksheets/sheet1.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
    "relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>"
    "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
    "relationships/styles\" Target=\"styles.xml\"/></Relationships>";
static const char styles[] =
    "<?xml version=\"1.0\"?><styleSheet xmlns=\"http://schemas.openxmlformats.org/"
    "spreadsheetml/2006/main\"><numFmts count=\"1\"><numFmt numFmtId=\"164\" "
    "formatCode=\"d/m/yyyy\"/></numFmts><cellXfs count=\"2\"><xf numFmtId=\"0\"/><xf "
    "numFmtId=\"164\"/></cellXfs></styleSheet>";

/* A workbook of the parts given (NULL text: the default), the sheet's body inside <sheetData>
 * unless `raw_sheet` is the whole part. */
static void handmade(const char *path, const char *book, const char *strings, const char *body,
                     const char *raw_sheet, const char *big_part, size_t big)
{
	int ze = 0;
	zip_t *z = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &ze);
	assert_non_null(z);
	char *sheet = raw_sheet ? strdup(raw_sheet) : NULL;
	if (!sheet) {
		size_t n = strlen(body) + 400;
		sheet = malloc(n);
		snprintf(
		    sheet, n,
		    "<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/"
		    "spreadsheetml/2006/main\"><sheetData>%s</sheetData></worksheet>",
		    body);
	}
	const char *book_xml =
	    book ? book
	         : "<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/"
	           "spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/"
	           "officeDocument/2006/relationships\"><sheets><sheet name=\"Blad1\" "
	           "sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
	const char *str_xml =
	    strings ? strings
	            : "<?xml version=\"1.0\"?><sst xmlns=\"http://schemas.openxmlformats.org/"
	              "spreadsheetml/2006/main\"><si><t>Fall</t></si></sst>";
	struct {
		const char *name, *text;
	} parts[] = {
	    {"[Content_Types].xml", content_types},    {"_rels/.rels", root_rels},
	    {"xl/_rels/workbook.xml.rels", book_rels}, {"xl/workbook.xml", book_xml},
	    {"xl/sharedStrings.xml", str_xml},         {"xl/styles.xml", styles},
	    {"xl/worksheets/sheet1.xml", sheet},
	};
	for (size_t i = 0; i < sizeof parts / sizeof *parts; i++) {
		size_t n = strlen(parts[i].text);
		if (big_part && strcmp(parts[i].name, big_part) == 0) {
			/* The part padded with blanks after its end to `big` bytes. */
			char *pad = malloc(big);
			memset(pad, ' ', big);
			memcpy(pad, parts[i].text, n);
			zip_source_t *src = zip_source_buffer(z, pad, big, 1);
			assert_true(zip_file_add(z, parts[i].name, src, ZIP_FL_OVERWRITE) >= 0);
			continue;
		}
		zip_source_t *src = zip_source_buffer(z, parts[i].text, n, 0);
		assert_true(zip_file_add(z, parts[i].name, src, ZIP_FL_OVERWRITE) >= 0);
	}
	assert_int_equal(zip_close(z), 0);
	free(sheet);
}

static void test_references_and_escapes(void **state)
{
	(void)state;
	char path[512];
	tu_path(path, sizeof path, "hand.xlsx");
	/* Rows and cells without references follow on; a prefix on every element; Excel's
	 * _xHHHH_ escapes; a date in a custom day-first style; an ISO date cell. */
	handmade(
	    path, NULL,
	    "<?xml version=\"1.0\"?><x:sst xmlns:x=\"http://schemas.openxmlformats.org/"
	    "spreadsheetml/2006/main\"><x:si><x:t>Fall</x:t></x:si><x:si><x:r><x:t>rad "
	    "ett_x000D__x000A_rad två</x:t></x:r><x:rPh><x:t>ルビ</x:t></x:rPh></x:si></x:sst>",
	    "<row><c t=\"s\"><v>0</v></c><c t=\"inlineStr\"><is><t>B1</t></is></c></row>"
	    "<row r=\"4\"><c r=\"C4\" t=\"s\"><v>1</v></c><c><v>5</v></c></row>"
	    "<row><c s=\"1\"><v>42236</v></c><c t=\"d\"><v>2016-02-03T00:00:00</v></c>"
	    "<c t=\"str\"><v>x_x005F_y</v></c><c t=\"e\"><v>#N/A</v></c></row>",
	    NULL, NULL, 0);
	expect_rows(path, NULL,
	            "1:A=Fall;B=B1;|4:C=rad ett\nrad två;D=#5;"
	            "|5:A=@2015-08-20;B=@2016-02-03;C=x_y;D=#N/A;");
}

static void test_dates_from_1904(void **state)
{
	(void)state;
	char path[512];
	tu_path(path, sizeof path, "mac.xlsx");
	handmade(path,
	         "<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/"
	         "spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/"
	         "officeDocument/2006/relationships\"><workbookPr date1904=\"1\"/><sheets><sheet "
	         "name=\"Blad1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>",
	         NULL, "<row r=\"1\"><c r=\"A1\" s=\"1\"><v>40774</v></c></row>", NULL, NULL, 0);
	expect_rows(path, NULL, "1:A=@2015-08-20;");
}

static void test_refusals(void **state)
{
	(void)state;
	char path[512];
	tu_path(path, sizeof path, "bad.xlsx");
	handmade(path, NULL, NULL, NULL,
	         "<?xml version=\"1.0\"?><!DOCTYPE lol [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b "
	         "\"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]><worksheet><sheetData><row><c "
	         "t=\"inlineStr\"><is><t>&b;</t></is></c></row></sheetData></worksheet>",
	         NULL, 0);
	expect_refusal(path, NULL, NULL, "DOCTYPE");
	handmade(path, NULL, NULL, "<row><c t=\"s\"><v>7</v></c></row>", NULL, NULL, 0);
	expect_refusal(path, NULL, NULL, "row 1");
	handmade(path, NULL, NULL, "<row r=\"3\"/><row r=\"2\"><c><v>1</v></c></row>", NULL, NULL,
	         0);
	expect_refusal(path, NULL, NULL, "out of order");
	handmade(path, NULL, NULL, "<row><c r=\"7C\"><v>1</v></c></row>", NULL, NULL, 0);
	expect_refusal(path, NULL, NULL, "cell reference");
	handmade(path, NULL, NULL, "<row><c><v>1</v></row>", NULL, NULL, 0);
	expect_refusal(path, NULL, NULL, "not well-formed");
	/* Not a workbook at all, though a zip. */
	int ze = 0;
	zip_t *z = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &ze);
	zip_file_add(z, "readme.txt", zip_source_buffer(z, "hej", 3, 0), 0);
	assert_int_equal(zip_close(z), 0);
	expect_refusal(path, NULL, NULL, "xl/workbook.xml");
	/* A zip cut short. */
	tu_write(path, "PK\003\004 and nothing more", 21);
	expect_refusal(path, NULL, NULL, "not a readable .xlsx");
}

static void test_limits(void **state)
{
	(void)state;
	char path[512];
	tu_path(path, sizeof path, "bomb.xlsx");
	/* Styles that unpack to 20 MiB of blanks: a few kilobytes in the zip. */
	handmade(path, NULL, NULL, "<row><c><v>1</v></c></row>", NULL, "xl/styles.xml",
	         20u * 1024 * 1024);
	struct stat sb;
	assert_int_equal(stat(path, &sb), 0);
	assert_true(sb.st_size < 200 * 1024);
	expect_refusal(path, NULL, NULL, "MiB");
	/* The sheet and the shared strings have limits of their own. */
	struct xlsx_limits small = xlsx_limits_default;
	small.sheet = 64 * 1024;
	handmade(path, NULL, NULL, "<row><c><v>1</v></c></row>", NULL, "xl/worksheets/sheet1.xml",
	         200 * 1024);
	expect_refusal(path, NULL, &small, "sheet1.xml unpacks to more than");
	small = xlsx_limits_default;
	small.strings = 64 * 1024;
	handmade(path, NULL, NULL, "<row><c><v>1</v></c></row>", NULL, "xl/sharedStrings.xml",
	         200 * 1024);
	expect_refusal(path, NULL, &small, "sharedStrings.xml");
	small = xlsx_limits_default;
	small.rows = 10;
	handmade(path, NULL, NULL, "<row r=\"11\"><c><v>1</v></c></row>", NULL, NULL, 0);
	expect_refusal(path, NULL, &small, "last row");
	small = xlsx_limits_default;
	small.cell = 10;
	handmade(path, NULL, NULL, "<row><c t=\"inlineStr\"><is><t>elva tecken</t></is></c></row>",
	         NULL, NULL, 0);
	expect_refusal(path, NULL, &small, "cell longer");
}

/* ---- the pure parts ------------------------------------------------------------------------ */

static void test_cells_and_dates(void **state)
{
	(void)state;
	long col, row;
	assert_true(xlsx_ref("C7", &col, &row));
	assert_int_equal(col, 2);
	assert_int_equal(row, 7);
	assert_true(xlsx_ref("AA10", &col, &row));
	assert_int_equal(col, 26);
	assert_true(xlsx_ref("XFD1048576", &col, &row));
	assert_int_equal(col, 16383);
	assert_false(xlsx_ref("XFE1", &col, &row));
	assert_false(xlsx_ref("C", &col, &row));
	assert_false(xlsx_ref("7", &col, &row));
	assert_false(xlsx_ref("C0", &col, &row));
	assert_false(xlsx_ref("C7x", &col, &row));

	assert_int_equal(xlsx_format_date(14, NULL), XD_DATE);
	assert_int_equal(xlsx_format_date(17, NULL), XD_MONTH);
	assert_int_equal(xlsx_format_date(22, NULL), XD_DATE);
	assert_int_equal(xlsx_format_date(20, NULL), XD_NONE); /* h:mm */
	assert_int_equal(xlsx_format_date(0, NULL), XD_NONE);
	assert_int_equal(xlsx_format_date(164, "yyyy-mm-dd"), XD_DATE);
	assert_int_equal(xlsx_format_date(164, "mmm\\ yy"), XD_MONTH);
	assert_int_equal(xlsx_format_date(164, "YYYY"), XD_YEAR);
	assert_int_equal(xlsx_format_date(164, "[h]:mm:ss"), XD_NONE);
	assert_int_equal(xlsx_format_date(164, "0.00 \"days\""), XD_NONE);
	assert_int_equal(xlsx_format_date(164, "[Red][$-41D]d mmmm"), XD_DATE);
	assert_int_equal(xlsx_format_date(164, "General"), XD_NONE);

	char d[11];
	assert_true(xlsx_serial_date(1, false, XD_DATE, d));
	assert_string_equal(d, "1900-01-01");
	assert_true(xlsx_serial_date(59, false, XD_DATE, d));
	assert_string_equal(d, "1900-02-28");
	assert_false(xlsx_serial_date(60, false, XD_DATE, d)); /* Lotus's 29 February 1900 */
	assert_true(xlsx_serial_date(61, false, XD_DATE, d));
	assert_string_equal(d, "1900-03-01");
	assert_true(xlsx_serial_date(42236.75, false, XD_DATE, d));
	assert_string_equal(d, "2015-08-20");
	assert_true(xlsx_serial_date(42236, false, XD_MONTH, d));
	assert_string_equal(d, "2015-08");
	assert_true(xlsx_serial_date(0, true, XD_DATE, d) == false);
	assert_true(xlsx_serial_date(1, true, XD_DATE, d));
	assert_string_equal(d, "1904-01-02");
	assert_true(xlsx_serial_date(2958465, false, XD_DATE, d));
	assert_string_equal(d, "9999-12-31");
	assert_false(xlsx_serial_date(2958466, false, XD_DATE, d));
	assert_false(xlsx_serial_date(-3, false, XD_DATE, d));
}

int main(void)
{
	tu_init();
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_written_by_a_spreadsheet_writer),
	    cmocka_unit_test(test_inline_strings),
	    cmocka_unit_test(test_references_and_escapes),
	    cmocka_unit_test(test_dates_from_1904),
	    cmocka_unit_test(test_refusals),
	    cmocka_unit_test(test_limits),
	    cmocka_unit_test(test_cells_and_dates),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
