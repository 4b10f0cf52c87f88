/* xlsx_chronology.c - writes the workbooks the end-to-end tests import, with libxlsxwriter, a
 * real spreadsheet writer: a Swedish chronology as a school or social services keeps one (a title
 * row, dates stored as Excel serial numbers in a date style, a gap in a row, a number, a yes/no
 * cell), in its first sheet, and an English one in a second sheet. Its text is the same on every
 * run, so a test can compare what comes out.
 * Usage: xlsx_chronology OUT.xlsx */
#include <xlsxwriter.h>

#include <stdio.h>

int main(int argc, char **argv)
{
	if (argc != 2) {
		fputs("usage: xlsx_chronology OUT.xlsx\n", stderr);
		return 2;
	}
	lxw_workbook *wb = workbook_new(argv[1]);
	if (!wb)
		return 1;
	lxw_format *iso = workbook_add_format(wb);
	format_set_num_format(iso, "yyyy-mm-dd");
	lxw_format *builtin = workbook_add_format(wb);
	format_set_num_format_index(builtin, 14); /* m/d/yyyy, shown in the reader's own way */
	lxw_format *month = workbook_add_format(wb);
	format_set_num_format(month, "mmm yyyy");

	lxw_worksheet *sv = workbook_add_worksheet(wb, "Kronologi");
	worksheet_write_string(sv, 0, 0, "Kronologi för Lina (avidentifierad)", NULL);
	const char *head[] = {"Fall", "Datum", "Myndighet", "Händelse", "Åtgärd", "Ref nr", "Klar"};
	for (int c = 0; c < 7; c++)
		worksheet_write_string(sv, 2, c, head[c], NULL);
	/* 42236 is 2015-08-20, 42278 2015-10-01, 42323 2015-11-15, 42430 2016-03-01. */
	worksheet_write_string(sv, 3, 0, "Lina", NULL);
	worksheet_write_number(sv, 3, 1, 42236, iso);
	worksheet_write_string(sv, 3, 2, "Skolan", NULL);
	worksheet_write_string(sv, 3, 3, "Börjar skolka", NULL);
	worksheet_write_string(sv, 3, 4, "Mentorn ringer hem\ningen svarar", NULL);
	worksheet_write_number(sv, 3, 5, 101, NULL);
	worksheet_write_boolean(sv, 3, 6, 1, NULL);
	worksheet_write_string(sv, 4, 0, "Lina", NULL);
	worksheet_write_number(sv, 4, 1, 42278, builtin);
	worksheet_write_string(sv, 4, 2, "Soc", NULL);
	worksheet_write_string(sv, 4, 3, "Orosanmälan från skolan", NULL);
	worksheet_write_string(sv, 4, 4, "Utredning inleds", NULL);
	worksheet_write_boolean(sv, 4, 6, 0, NULL);
	worksheet_write_string(sv, 5, 0, "Lina", NULL); /* no date: a gap before the actor */
	worksheet_write_string(sv, 5, 2, "Fältgruppen", NULL);
	worksheet_write_string(sv, 5, 3, "Träffas på stan", NULL);
	worksheet_write_string(sv, 7, 0, "Lina", NULL); /* a blank row above */
	worksheet_write_number(sv, 7, 1, 42430, month);
	worksheet_write_string(sv, 7, 2, "BUP", NULL);
	worksheet_write_string(sv, 7, 3, "Remiss till BUP", NULL);

	lxw_worksheet *en = workbook_add_worksheet(wb, "Chronology");
	const char *ehead[] = {"Case", "Date", "Agency", "Event", "Action taken", "Outcome"};
	for (int c = 0; c < 6; c++)
		worksheet_write_string(en, 0, c, ehead[c], NULL);
	worksheet_write_string(en, 1, 0, "Sam", NULL);
	worksheet_write_number(en, 1, 1, 42323,
	                       NULL); /* no date style: a serial in a date column */
	worksheet_write_string(en, 1, 2, "Police", NULL);
	worksheet_write_string(en, 1, 3, "Stopped in the city centre at night", NULL);
	worksheet_write_string(en, 1, 4, "Called the parents", NULL);
	worksheet_write_string(en, 1, 5, "Parents came to collect him", NULL);
	worksheet_write_string(en, 2, 0, "Sam", NULL);
	worksheet_write_number(en, 2, 1, 2016, NULL); /* a year, not a serial */
	worksheet_write_string(en, 2, 2, "Polisen", NULL);
	worksheet_write_string(en, 2, 3, "Second contact", NULL);
	return workbook_close(wb) == LXW_NO_ERROR ? 0 : 1;
}
