/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Layouts: the same 2021 report printed the ways real reports arrive must give the same cells.
 *
 * The fixtures in tests/fixtures/layouts/ come from make_layouts.py: row r (0-based, in the
 * template's order) and column position c of a table hold (r+1)*10 + c + 1, except
 * active.fees.amount, which is 888.0113. Distinct values make any shift visible. */
#include "cf_test.h"

#define LAYOUTS CF_FIXTURES "/layouts/"

/* blanks: cell ids printed as an empty field, expected missing; NULL-terminated or NULL */
static void expect_formula(const cft_doc *d, const char *const *blanks)
{
    cr_assert_str_eq(cf_template_id(d->tpl), "gov-2021");
    size_t wrong = 0;
    for (size_t t = 0; t < cf_template_table_count(d->tpl); t++) {
        const cf_table_def *td = cf_template_table(d->tpl, t);
        for (size_t r = 0; r < td->row_count; r++)
            for (size_t c = 0; c < td->rows[r].column_count; c++) {
                size_t cell = td->rows[r].first_cell + c;
                const char *id = cf_template_cell(d->tpl, cell)->id;
                char want[32];
                snprintf(want, sizeof want, "%zu", (r + 1) * 10 + c + 1);
                if (strcmp(id, "active.fees.amount") == 0)
                    strcpy(want, "888.0113");
                for (size_t b = 0; blanks && blanks[b]; b++)
                    if (strcmp(blanks[b], id) == 0)
                        strcpy(want, "missing");
                const char *got = cft_val(d, id);
                if (strcmp(got, want) != 0 && wrong++ < 12)
                    cr_log_error("%s: got %s, want %s", id, got, want);
            }
    }
    cr_expect_eq(wrong, 0, "%zu cells read wrong (first ones logged above); warnings: %s", wrong,
                 cft_warnings(d));
}

static void check_layout(const char *file, const char *const *blanks)
{
    cft_doc d;
    cft_read_file(&d, file);
    expect_formula(&d, blanks);
    /* a clean layout reads without a single warning */
    cr_expect_eq(cf_report_warning_count(d.report), 0, "warnings: %s", cft_warnings(&d));
    cft_release(&d);
}

/* Part 二 in one row, so that a report of a few lines is read as the 2021 form. */
#define PART_TWO_IN_ONE_ROW "二、主动公开政府信息情况\n信息内容 本年制发件数 本年废止件数 现行有效件数\n规章 1 0 1\n"

Test(layouts, values_after_two_row_names_on_their_line_are_a_guess)
{
    /* a PDF's tall name (（二）部分公开…) starting level with the row above: the line holds both rows' names,
     * then one row's values, the rest of the tall name and its values on the next line. Whose values
     * the first are the text cannot say */
    cft_doc d;
    cft_read(&d, PART_TWO_IN_ONE_ROW
                 "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量 2 0 0 0 0 0 2\n"
                 "三、本年度办理结果 （一）予以公开（二）部分公开 2 0 0 0 0 0 2\n"
                 "（区分处理的，只计这一情形，不计其他情形） 0 0 0 0 0 0 0\n五、存在的主要问题及改进情况\n");
    cr_expect(cft_cell(&d, "requests.partial.natural")->inferred);
    cft_expect_warning(&d, "三 (二)部分公开: its values follow the names of several rows ((一)予以公开 … (二)部分公开)");
    cft_release(&d);
}

Test(layouts, values_shared_out_by_count_past_an_unnamed_row_are_a_guess)
{
    /* 四's header names 行政复议 and 复议后起诉 but not 未经复议直接起诉 (its heading merged with another):
     * ten values shared out five and five may as well be 未经复议直接起诉's */
    cft_doc d;
    cft_read(&d, PART_TWO_IN_ONE_ROW
                 "四、政府信息公开行政复议、行政诉讼情况\n行政复议 复议后起诉\n1 0 0 0 1 2 0 0 0 2\n"
                 "五、存在的主要问题及改进情况\n");
    cr_expect(cft_cell(&d, "appeals.review.upheld")->inferred);
    cr_expect(cft_cell(&d, "appeals.suit_after_review.total")->inferred);
    cft_expect_warning(&d, "四 行政复议: its values were printed apart from its label, after the names of several rows "
                           "(行政复议 … 诉讼·复议后起诉) with a row of the form between them unnamed");
    cft_release(&d);
}

Test(layouts, values_one_a_line_after_several_names_may_run_column_by_column)
{
    /* pdfminer prints each column of 第二十条第（一）项 as one block: the names, then 1062 1851 2574 … one a
     * line, column by column. No sum checks the rows and the lines do not show where a row ends: read row
     * by row, both rows inferred, said once each */
    cft_doc d;
    cft_read(&d, "二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\n本年制发件数\n本年废止件数\n现行有效件数\n"
                 "规章\n\n行政规范性文件\n\n1062\n\n1851\n\n2574\n\n2597\n\n730\n\n2392\n"
                 "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量 2 0 0 0 0 0 2\n"
                 "五、存在的主要问题及改进情况\n");
    cr_expect_str_eq(cft_val(&d, "active.regulations.issued"), "1062");
    cr_expect(cft_cell(&d, "active.regulations.in_force")->inferred);
    cr_expect(cft_cell(&d, "active.normative_docs.issued")->inferred);
    cft_expect_warning(&d, "二 规章: its values were printed one a line after the names of several rows");
    cft_expect_warning(&d, "二 规范性文件: its values were printed one a line after the names of several rows");
    cft_release(&d);
}

Test(layouts, values_one_a_line_whose_sums_hold_are_read_directly)
{
    /* the same block printing with rows a sum checks (四): the totals hold row by row, read directly */
    cft_doc d;
    cft_read(&d, PART_TWO_IN_ONE_ROW
                 "四、政府信息公开行政复议、行政诉讼情况\n行政复议\n未经复议直接起诉\n复议后起诉\n"
                 "1\n0\n0\n0\n1\n2\n0\n0\n0\n2\n0\n3\n0\n0\n3\n五、存在的主要问题及改进情况\n");
    cft_expect_row(&d, "appeals", "review", "1 0 0 0 1");
    cft_expect_row(&d, "appeals", "suit_after_review", "0 3 0 0 3");
    cr_expect_not(cft_cell(&d, "appeals.review.upheld")->inferred);
    cr_expect_not(cft_cell(&d, "appeals.suit_after_review.total")->inferred);
    cr_expect_null(strstr(cft_warnings(&d), "四"), "warnings: %s", cft_warnings(&d));
    cft_release(&d);
}

Test(layouts, scanned_rows_no_sum_confirms_are_warned)
{
    /* text recognition of a ruled table: the rules come out as '|' here and are lost there. The row whose
     * sum fails and the row no sum checks are warned; the row whose sum holds is not */
    cft_doc d;
    cft_read(&d, PART_TWO_IN_ONE_ROW
                 "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量 2 | 1 0| 1 0 |0| 4\n"
                 "二、上年结转政府信息公开申请数量 1 0 |0| 0 | 0 0| 2\n五、存在的主要问题及改进情况\n");
    cft_expect_row(&d, "requests", "carried_over", "1 0 0 0 0 0 2");
    cft_expect_warning(&d, "三 二、上年结转: the tables read like a scanned document (column rules printed as '|' "
                           "in some places and lost in others, or letters for digits) and this row's sum does not hold");
    cft_expect_warning(&d, "二 规章: the tables read like a scanned document (column rules printed as '|' in some "
                           "places and lost in others, or letters for digits) and no sum checks this row's numbers");
    cr_expect_null(strstr(cft_warnings(&d), "一、本年新收"), "warnings: %s", cft_warnings(&d));
    cft_release(&d);
}

Test(layouts, scanned_rows_read_anew_where_one_reading_makes_the_sum_hold)
{
    /* a rule read as the digit 1 ("| 0 |" as 10), a letter for a digit ("O" for 0): the one reading under
     * which the row's sum holds is taken, the cell inferred and named in a warning. Where two readings hold
     * (11 as 1 or 1 as itself, …), the row stays as printed and is warned about */
    cft_doc d;
    cft_read(&d, PART_TWO_IN_ONE_ROW
                 "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量 2 | 1 10| 1 0 |0| 4\n"
                 "二、上年结转政府信息公开申请数量 1 O |0| 0 | 0 0| 1\n"
                 "三、本年度办理结果 （一）予以公开 11 | 11 0 |0| 0 0 | 12\n"
                 "（二）部分公开（区分处理的，只计这一情形，不计其他情形） 91 | 246 |170|185| 22 |241738\n"
                 "（三）不予公开 1.属于国家秘密 91 | 2461170|185| 22 |24| 738\n"
                 "五、存在的主要问题及改进情况\n");
    cft_expect_row(&d, "requests", "new", "2 1 0 1 0 0 4");
    cr_expect(cft_cell(&d, "requests.new.research")->inferred);
    cr_expect_not(cft_cell(&d, "requests.new.natural")->inferred);
    cft_expect_warning(&d, "一、本年新收 · 科研机构: printed '10' in a scanned table; read as 0, a 1 beside it taken "
                           "for a column rule");
    cft_expect_row(&d, "requests", "carried_over", "1 0 0 0 0 0 1");
    cft_expect_warning(&d, "二、上年结转 · 商业企业: printed 'O' in a scanned table; read as 0, letters taken");
    cft_expect_row(&d, "requests", "granted", "11 11 0 0 0 0 12");
    cft_expect_warning(&d, "三 (一)予以公开: the tables read like a scanned document");
    /* a row one value short, a rule read as 1 inside its last number ("24|738" as 241738): split there */
    cft_expect_row(&d, "requests", "partial", "91 246 170 185 22 24 738");
    cr_expect(cft_cell(&d, "requests.partial.total")->inferred);
    cft_expect_warning(&d, "(二)部分公开 · 其他: printed '241738' in a scanned table; read as 24");
    cft_expect_warning(&d, "(二)部分公开 · 总计: printed '241738' in a scanned table; read as 738");
    /* split inside the row: the cells after it move a column right, inferred, named by the split alone */
    cft_expect_row(&d, "requests", "denied_secret", "91 246 170 185 22 24 738");
    cr_expect(cft_cell(&d, "requests.denied_secret.legal")->inferred);
    cft_expect_warning(&d, "(三)1.国家秘密 · 科研机构: printed '2461170' in a scanned table; read as 170");
    cr_expect_null(strstr(cft_warnings(&d), "printed '22'"), "warnings: %s", cft_warnings(&d));
    cft_release(&d);
}

Test(layouts, a_lone_1_among_one_value_too_many_is_a_rule_when_the_sum_says_so)
{
    /* "277|1 76|": a rule read as a lone 1 gives the row eight values. Without it the sum holds, and
     * without no other value: read so, inferred, said. A row where two values could go stays as it was */
    cft_doc d;
    cft_read(&d, PART_TWO_IN_ONE_ROW
                 "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量 60 | 354 |277|1 76 | 206 |217|1190\n"
                 "二、上年结转政府信息公开申请数量 1 1 0 0 0 0 0 1\n五、存在的主要问题及改进情况\n");
    cft_expect_row(&d, "requests", "new", "60 354 277 76 206 217 1190");
    cr_expect(cft_cell(&d, "requests.new.social")->inferred);
    cft_expect_warning(&d, "三 一、本年新收: one value more than the 7 columns; the lone '1' printed among them was "
                           "taken for a column rule");
    cft_expect_warning(&d, "三 二、上年结转: 1 more value than the 7 columns; the extra one is ignored");
    cft_release(&d);
}

Test(layouts, misprinted_name_one_row_past_a_row_with_no_name)
{
    /* a scan loses 二、上年结转's name whole (a stray 人 is left) and misreads （一）予以公开's: the misprinted
     * name is the row after the next one in the form's order, and the values with no name between go to
     * the row the form has there, both said */
    cft_doc d;
    cft_read(&d, PART_TWO_IN_ONE_ROW
                 "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量 2 0 0 0 0 0 2\n"
                 "人 1 0 0 0 0 0 1\n（一）予以公井 3 0 0 0 0 0 3\n五、存在的主要问题及改进情况\n");
    cft_expect_warning(&d, "三 二、上年结转: its values stand with no row name between the rows");
    cr_expect(cft_cell(&d, "requests.carried_over.natural")->inferred);
    cft_expect_row(&d, "requests", "carried_over", "1 0 0 0 0 0 1");
    cft_expect_row(&d, "requests", "granted", "3 0 0 0 0 0 3");
    cft_expect_warning(&d, "三 (一)予以公开: its name is printed \"一予以公井\", 1 character off the form's "
                           "\"（一）予以公开\"; read as this row, one past the next in the form's order");
    cft_release(&d);
}

Test(layouts, letters_printed_for_digits_mark_a_scan)
{
    /* no rule printed at all, but "O" for 0: only text recognition prints that, so the report is read as a
     * scan — the row is read by its sum, and 规章, which no sum checks, is warned about */
    cft_doc d;
    cft_read(&d, PART_TWO_IN_ONE_ROW
                 "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量 2 0 0 0 0 0 2\n"
                 "二、上年结转政府信息公开申请数量 1 O 0 0 0 0 1\n五、存在的主要问题及改进情况\n");
    cft_expect_row(&d, "requests", "carried_over", "1 0 0 0 0 0 1");
    cft_expect_warning(&d, "二 规章: the tables read like a scanned document");
    cft_release(&d);
}

Test(layouts, rows_ruled_alike_are_not_taken_for_a_scan)
{
    /* a converter's grid prints a rule between every two cells, however it pads them: a row whose sum
     * fails there is the report's error, shown by the rules, with no word about a scan */
    cft_doc d;
    cft_read(&d, PART_TWO_IN_ONE_ROW
                 "三、收到和处理政府信息公开申请情况\n|一、本年新收政府信息公开申请数量| 2 |1|  10  | 1 |0| 0 |4|\n"
                 "|二、上年结转政府信息公开申请数量| 1 |0|  0  | 0 |0| 0 |1|\n五、存在的主要问题及改进情况\n");
    cft_expect_row(&d, "requests", "new", "2 1 10 1 0 0 4");
    cr_expect_null(strstr(cft_warnings(&d), "scanned"), "warnings: %s", cft_warnings(&d));
    cft_release(&d);
}

/* Expect 四's three rows (行政复议, 未经复议直接起诉, 复议后起诉) as cft_expect_row writes them. */
static void expect_appeals(const cft_doc *d, const char *review, const char *direct, const char *after)
{
    cft_expect_row(d, "appeals", "review", review);
    cft_expect_row(d, "appeals", "suit_direct", direct);
    cft_expect_row(d, "appeals", "suit_after_review", after);
}

Test(layouts, pdf_text_with_wrapped_numbers_and_broken_labels)
{
    /* "（二）部分公开（…只计这一情\n形，…）" then "41 … 46\n47"; "2.其他法律行政法规禁\n止公开 61 …" */
    check_layout(LAYOUTS "pdf_wrapped_2021.txt", NULL);
}

Test(layouts, tab_separated_word_copy)
{
    check_layout(LAYOUTS "tabs_2021.txt", NULL);
}

/* file reads every cell right; the cells of read[] are read directly (not inferred), those of
 * guessed[] are inferred, and the warnings are exactly one starting with each of said[] */
static void expect_misprints_read(const char *file, const char *const *read, const char *const *guessed,
                                  const char *const *said)
{
    cft_doc d;
    cft_read_file(&d, file);
    expect_formula(&d, NULL);
    for (size_t i = 0; read[i]; i++)
        cr_expect_not(cft_cell(&d, read[i])->inferred, "%s is inferred", read[i]);
    for (size_t i = 0; guessed[i]; i++)
        cr_expect(cft_cell(&d, guessed[i])->inferred, "%s is not inferred", guessed[i]);
    size_t n = 0;
    for (; said[n]; n++)
        cft_expect_warning(&d, said[n]);
    cr_expect_eq(cf_report_warning_count(d.report), n, "warnings: %s", cft_warnings(&d));
    cft_release(&d);
}

Test(layouts, row_name_one_character_off_reads_in_the_forms_order)
{
    /* the tab copy with two names misprinted: "2.其他法律行政法禁止公开" (规 dropped), "5.属于三类内部
     * 事物信息" (务 printed 物). Each stands where the form's order puts the next row: read directly,
     * every cell right, with a warning naming the misprint */
    static const char *const read[] = {"requests.denied_law.total", "requests.denied_internal.natural", NULL};
    static const char *const said[] = {
        "三 (三)2.法律法规禁止: its name is printed \"2其他法律行政法禁止公开\", 1 character off the form's "
        "\"2.其他法律行政法规禁止公开\"",
        "三 (三)5.内部事务: its name is printed \"5属于三类内部事物信息\"", NULL};
    expect_misprints_read(LAYOUTS "tabs_misprint_2021.txt", read, (const char *const[]){NULL}, said);
}

Test(layouts, row_names_misread_as_ocr_does_read_in_the_forms_order_up_to_a_quarter_of_their_characters)
{
    /* four rows running with characters misread: 二、上年结转… two characters off sixteen, （一）予以公开 and
     * （二）部分公开… one each, read as their names where the form's order puts them, each said; 1.属于
     * 国家秘密 printed 1.属干国家秘蜜, two off seven, is too far to be its name: its values are placed
     * in order between the rows named around it, as a guess */
    static const char *const read[] = {"requests.carried_over.total", "requests.granted.natural",
                                       "requests.partial.other", NULL};
    static const char *const guessed[] = {"requests.denied_secret.natural", NULL};
    static const char *const said[] = {
        "三 二、上年结转: its name is printed \"二上年结传政府信患公开申请数量\", 2 characters off the form's",
        "三 (一)予以公开: its name is printed \"一子以公开\", 1 character off",
        "三 (二)部分公开: its name is printed \"二部分公幵",
        "三 (三)1.国家秘密: its values stand with no row name between the rows", NULL};
    expect_misprints_read(LAYOUTS "tabs_ocr_2021.txt", read, guessed, said);
}

Test(layouts, empty_tab_field_is_a_missing_cell_in_its_own_column)
{
    static const char *const blanks[] = {"requests.new.natural",          "requests.granted.social",
                                         "requests.denied_law.total",     "requests.results_total.business",
                                         "requests.carry_forward.natural", "requests.carry_forward.total",
                                         NULL};
    cft_doc d;
    cft_read_file(&d, LAYOUTS "tabs_blanks_2021.txt");
    expect_formula(&d, blanks);
    /* a blank inside a row keeps its column and is no guess */
    cr_expect_not(cft_cell(&d, "requests.granted.legal")->inferred);
    cr_expect_not(cft_cell(&d, "requests.denied_law.total")->inferred);
    cr_expect_null(cft_warning(&d, "(一)予以公开"), "%s", cft_warnings(&d));
    /* 四、结转 is printed "label\t\t\t252\t…\t256\t\t": blanks at both ends look like a merged
     * label field and padding; the column headings place them, but the row is flagged for checking */
    cr_expect(cft_cell(&d, "requests.carry_forward.research")->inferred);
    const cf_warning *w = cft_warning(&d, "四、结转下年度: 5 values for 7 columns");
    cr_assert_not_null(w, "no warning for the ambiguous row; warnings: %s", cft_warnings(&d));
    cr_expect_eq(w->line, 57);
    cft_release(&d);
}

Test(layouts, one_cell_per_line)
{
    check_layout(LAYOUTS "cells_per_line_2021.txt", NULL);
}

Test(layouts, one_cell_per_line_with_empty_cells)
{
    /* an empty cell is a line holding only its tab: it keeps its column */
    static const char *const blanks[] = {"requests.new.natural", "requests.partial.research",
                                         "requests.carry_forward.total", NULL};
    check_layout(LAYOUTS "cells_per_line_blanks_2021.txt", blanks);
}

Test(layouts, pdf_layout_blank_cells_take_the_columns_of_the_nearest_full_rows)
{
    /* pdftotext -layout lays each block of rows out anew: 一 … （三）8. and （四）1. … 四 have their
     * columns at different places, so no one column model fits the table; a row with blanks takes
     * the columns of the full rows around it */
    cft_doc d;
    cft_read_file(&d, LAYOUTS "pdf_layout_drift_2021.txt");
    cft_expect_row(&d, "requests", "carried_over", "21 22 23 24 25 26 missing");
    cft_expect_row(&d, "requests", "denied_process", "101 102 103 missing 105 106 107");
    cft_expect_row(&d, "requests", "rejected_repeat", "missing missing 173 174 175 176 177");
    cft_expect_row(&d, "requests", "rejected_petition", "161 162 163 164 165 166 167");
    cr_expect_null(cft_warning(&d, "values for 7 columns"), "%s", cft_warnings(&d));
    cft_release(&d);
}

/* The cells make_layouts.py prints blank in mutool_blanks_2021.txt and html2text_blanks_2021.txt. */
static const char *const CONVERTER_BLANKS[] = {
    "active.normative_docs.issued", "active.penalty.decisions", "requests.carried_over.total",
    "requests.denied_process.social", "requests.rejected_repeat.natural", "requests.rejected_repeat.business",
    "appeals.review.upheld", "appeals.suit_after_review.pending", NULL};

Test(layouts, mutool_one_cell_a_line_with_blank_cells_as_a_space)
{
    /* every blank in its own column, none guessed: no warning at all */
    check_layout(LAYOUTS "mutool_blanks_2021.txt", CONVERTER_BLANKS);
}

Test(layouts, html2text_cells_split_by_lone_bars_with_blank_cells)
{
    check_layout(LAYOUTS "html2text_blanks_2021.txt", CONVERTER_BLANKS);
}

Test(layouts, pipe_table_with_line_breaks_inside_cells)
{
    check_layout(LAYOUTS "pipes_multiline_2021.txt", NULL);
}

Test(layouts, markdown_pipe_table_with_rule_lines)
{
    check_layout(LAYOUTS "markdown_2021.txt", NULL);
}

Test(layouts, vertical_headers_and_labels_apart_from_their_numbers)
{
    /* headers one character a line; "规章\n行政规范性文件\n11 12 13\n21 22 23"; eight labels, then eight rows */
    check_layout(LAYOUTS "vertical_apart_2021.txt", NULL);
}

Test(layouts, every_cell_remembers_its_line)
{
    cft_doc d;
    cft_read_file(&d, LAYOUTS "cells_per_line_2021.txt");
    const cf_cell *c = cft_cell(&d, "requests.new.natural");
    size_t len;
    const char *line = cf_text_line(d.text, c->line - 1, &len);
    cr_assert_eq(c->state, CF_CELL_NUMBER);
    cr_assert_eq(c->byte_end - c->byte_start, 2);
    cr_assert_eq(memcmp(cf_text_data(d.text) + c->byte_start, "11", 2), 0);
    cr_assert(line <= cf_text_data(d.text) + c->byte_start && cf_text_data(d.text) + c->byte_end <= line + len,
              "cell bytes are not on line %zu", c->line);
    cr_assert_gt(c->label_line, 0);
    cr_assert_lt(c->label_line, c->line);
    cft_release(&d);
}

/* ---------- small reports inline ---------- */

static const char REQ_HEAD[] = "三、收到和处理政府信息公开申请情况\n"
                               "申请人情况 自然人 法人或其他组织 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计\n";
static const char ACTIVE_2021[] = "二、主动公开政府信息情况\n"
                                  "信息内容 本年制发件数 本年废止件数 现行有效件数\n"
                                  "规章 1 2 3\n";
static const char APPEALS_HEAD[] = "四、政府信息公开行政复议、行政诉讼情况\n"
                                   "行政复议 行政诉讼\n"
                                   "结果维持 结果纠正 其他结果 尚未审结 总计 未经复议直接起诉 复议后起诉\n"
                                   "结果维持 结果纠正 其他结果 尚未审结 总计 结果维持 结果纠正 其他结果 尚未审结 总计\n";
static const char END[] = "五、存在的主要问题及改进情况\n无。\n";

static char *report(const char *intro, const char *requests_rows, const char *appeals_line)
{
    size_t n = strlen(intro) + sizeof ACTIVE_2021 + sizeof REQ_HEAD + strlen(requests_rows) + sizeof APPEALS_HEAD +
               strlen(appeals_line) + sizeof END + 8;
    char *s = malloc(n);
    snprintf(s, n, "%s%s%s%s%s%s\n%s", intro, ACTIVE_2021, REQ_HEAD, requests_rows, APPEALS_HEAD, appeals_line, END);
    return s;
}

Test(layouts, part_four_fifteen_numbers_on_one_line)
{
    char *s = report("一、总体情况\n", "一、本年新收政府信息公开申请数量 1 0 0 0 0 0 1\n",
                     "0 1 2 0 3 4 0 0 1 5 0 0 0 2 2");
    cft_doc d;
    cft_read(&d, s);
    expect_appeals(&d, "0 1 2 0 3", "4 0 0 1 5", "0 0 0 2 2");
    cft_release(&d);
    free(s);
}

Test(layouts, part_four_with_a_number_short_is_not_read_into_the_wrong_row)
{
    /* 14 numbers for 15 cells: which one is missing cannot be told. Handing the first five to
     * 复议后起诉 (the last label before them) would put 行政复议's numbers in the wrong row. */
    char *s = report("一、总体情况\n", "一、本年新收政府信息公开申请数量 1 0 0 0 0 0 1\n",
                     "1 2 3 4 5 6 7 8 9 10 11 12 13 14");
    cft_doc d;
    cft_read(&d, s);
    cft_expect_row(&d, "appeals", "suit_after_review", "missing missing missing missing missing");
    cft_expect_row(&d, "appeals", "review", "missing missing missing missing missing");
    cr_expect_not_null(cft_warning(&d, "14 values for 15 cells"), "warnings: %s", cft_warnings(&d));
    cft_release(&d);
    free(s);
}

Test(layouts, label_variants_social_organisation_and_heji)
{
    /* column heading 社会组织 and 合计; total row printed （七）合计 */
    const char *rows = "一、本年新收政府信息公开申请数量 3 1 0 0 0 0 4\n"
                       "（一）予以公开 2 1 0 0 0 0 3\n"
                       "（七）合计 2 1 0 0 0 0 3\n"
                       "四、结转下年度继续办理 1 0 0 0 0 0 1\n";
    char *s = report("一、总体情况\n", rows, "0 0 0 0 0 0 0 0 0 0 0 0 0 0 0");
    char *p = strstr(s, "社会公益组织");
    memmove(p + strlen("社会"), p + strlen("社会公益"), strlen(p + strlen("社会公益")) + 1); /* 社会组织 */
    p = strstr(s, "其他 总计");
    memcpy(p + strlen("其他 "), "合计", strlen("合计"));
    cr_assert_not_null(strstr(s, "社会组织 法律服务机构 其他 合计"));
    cft_doc d;
    cft_read(&d, s);
    cft_expect_row(&d, "requests", "results_total", "2 1 0 0 0 0 3");
    cft_expect_row(&d, "requests", "granted", "2 1 0 0 0 0 3");
    cft_expect_row(&d, "requests", "carry_forward", "1 0 0 0 0 0 1");
    cft_release(&d);
    free(s);
}

Test(layouts, heading_mentioned_in_prose_of_part_one)
{
    /* part 一 names parts 二 and 三 in short lines and prose with numbers of its own */
    const char *intro = "一、总体情况\n"
                        "（一）主动公开政府信息情况\n"
                        "全年主动公开规章 9 件，行政许可 12 件。\n"
                        "（二）收到和处理政府信息公开申请情况\n"
                        "全年新收申请 7 件，予以公开 5 件，其中自然人 5 件。\n";
    const char *rows = "一、本年新收政府信息公开申请数量 6 1 0 0 0 0 7\n"
                       "（一）予以公开 4 1 0 0 0 0 5\n";
    char *s = report(intro, rows, "0 0 0 0 0 0 0 0 0 0 0 0 0 0 0");
    cft_doc d;
    cft_read(&d, s);
    cft_expect_row(&d, "active", "regulations", "1 2 3");
    cft_expect(&d, "active.licensing.decisions", "missing");
    cft_expect_row(&d, "requests", "new", "6 1 0 0 0 0 7");
    cft_expect_row(&d, "requests", "granted", "4 1 0 0 0 0 5");
    /* the table's line is the real heading, not the mention */
    size_t line = cf_report_table_line(d.report, 1);
    size_t len;
    const char *text = cf_text_line(d.text, line - 1, &len);
    cr_expect(len > 3 && strncmp(text, "三、", 6) == 0, "part 三 found at line %zu: %.*s", line, (int)len, text);
    cft_release(&d);
    free(s);
}

Test(layouts, missing_number_in_a_tab_row_keeps_the_others_in_place)
{
    /* Word's tab text: the headings say which field is which column */
    const char *rows = "\t\t自然人\t法人或其他组织\t\t\t\t\t总计\t\n"
                       "\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t\t\n"
                       "一、本年新收政府信息公开申请数量\t\t3\t1\t\t0\t0\t0\t4\t\n"
                       "二、上年结转政府信息公开申请数量\t\t0\t0\t0\t0\t0\t0\t\t\n"
                       "三、本年度办理结果\t（一）予以公开\t2\t\t0\t0\t0\t0\t2\t\n";
    char *s = report("一、总体情况\n", rows, "0 0 0 0 0 0 0 0 0 0 0 0 0 0 0");
    cft_doc d;
    cft_read(&d, s);
    cft_expect_row(&d, "requests", "new", "3 1 missing 0 0 0 4");
    cft_expect_row(&d, "requests", "carried_over", "0 0 0 0 0 0 missing");
    cft_expect_row(&d, "requests", "granted", "2 missing 0 0 0 0 2");
    cr_expect_not(cft_cell(&d, "requests.new.research")->inferred);
    cft_expect_warning(&d, "二、上年结转: 6 values for 7 columns");
    cft_release(&d);
    free(s);
}

Test(layouts, format_2019_tab_layout_with_signed_changes_and_units)
{
    const char *s = "二、主动公开政府信息情况\n"
                    "第二十条第（一）项\t\t\t\n"
                    "信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n"
                    "规章\t0\t0\t0\n"
                    "规范性文件\t2\t2\t15\n"
                    "第二十条第（五）项\t\t\t\n"
                    "信息内容\t上一年项目数量\t本年增/减\t处理决定数量\n"
                    "行政许可\t22\t增加 36 件\t58\n"
                    "其他对外管理服务事项\t4\t减少 3 件\t0\n"
                    "第二十条第（六）项\t\t\t\n"
                    "信息内容\t上一年项目数量\t本年增/减\t处理决定数量\n"
                    "行政处罚\t17\t+1036\t10\n"
                    "行政强制\t0\t/\t0\n"
                    "第二十条第（八）项\t\t\t\n"
                    "信息内容\t上一年项目数量\t本年增/减\t\n"
                    "行政事业性收费\t5\t0\t\n"
                    "第二十条第（九）项\t\t\t\n"
                    "信息内容\t采购项目数量\t采购总金额\n"
                    "政府集中采购\t1\t5万元\n"
                    "三、收到和处理政府信息公开申请情况\n"
                    "一、本年新收政府信息公开申请数量\t\t2\t0\t0\t0\t0\t0\t2\t\n"
                    "\t（六）其他处理\t0\t0\t0\t0\t0\t0\t0\n"
                    "\t（七）总计\t2\t0\t0\t0\t0\t0\t2\n"
                    "四、政府信息公开行政复议、行政诉讼情况\n"
                    "行政复议\t行政诉讼\n"
                    "0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\n"
                    "五、存在的主要问题及改进情况\n";
    cft_doc d;
    cft_read(&d, s);
    cr_assert_str_eq(cf_template_id(d.tpl), "gov-2019");
    cft_expect_row(&d, "active", "normative_docs", "2 2 15");
    cft_expect_row(&d, "active", "licensing", "22 36 58");
    cft_expect_row(&d, "active", "other_services", "4 -3 0");
    cft_expect_row(&d, "active", "penalty", "17 1036 10");
    cft_expect_row(&d, "active", "coercion", "0 n/a 0");
    cft_expect_row(&d, "active", "fees", "5 0");
    cft_expect_row(&d, "active", "procurement", "1 5");
    cr_expect_str_eq(cft_cell(&d, "active.procurement.amount")->unit, "万元");
    cft_expect_row(&d, "requests", "other", "0 0 0 0 0 0 0");
    cft_expect_row(&d, "requests", "results_total", "2 0 0 0 0 0 2");
    cr_expect_eq(cf_template_find_cell(d.tpl, "requests.other_misc.natural"), -1);
    cft_release(&d);
}

Test(layouts, markdown_cells_with_html_line_breaks_and_entities)
{
    const char *s = "## 三、收到和处理政府信息公开申请情况\n"
                    "| | | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |\n"
                    "|---|---|---|---|---|---|---|---|---|\n"
                    "| 一、本年新收政府信息<br>公开申请数量 | | 11 | 12 | 13 | 14 | 15 | 16 | 17 |\n"
                    "| | 3.危及&ldquo;三安全一稳定&rdquo; | 71 | 72 | 73 | 74 | 75 | 76 | 77 |\n"
                    "| | 5.要求行政机关确认或重新出具已<br />获取信息 | 201 | 202 | 203 | 204 | 205 | 206 | 207 |\n"
                    "| （七）总计 | | 241 | 242 | 243 | 244 | 245 | 246 | 247 |\n";
    cft_doc d;
    cft_read(&d, s);
    cft_expect_row(&d, "requests", "new", "11 12 13 14 15 16 17");
    cft_expect_row(&d, "requests", "denied_safety", "71 72 73 74 75 76 77");
    cft_expect_row(&d, "requests", "rejected_confirm", "201 202 203 204 205 206 207");
    cft_expect_row(&d, "requests", "results_total", "241 242 243 244 245 246 247");
    cft_release(&d);
}

Test(layouts, page_break_inside_a_table_with_running_header_and_repeated_headings)
{
    const char *s = "三、收到和处理政府信息公开申请情况\n"
                    "申请人情况 自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计\n"
                    "一、本年新收政府信息公开申请数量 11 12 13 14 15 16 17\n"
                    "（一）予以公开 31 32 33 34 35 36 37\n"
                    "\n"
                    "XX市2022年政府信息公开工作年度报告\n"
                    "- 4 -\n"
                    "第 5 页\n"
                    "申请人情况 自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计\n"
                    "（二）部分公开（区分处理的，只计这一情形，不计其他情形） 41 42 43 44 45 46 47\n"
                    "（七）总计 1,036 0 0 0 0 0 1,036\n"
                    "四、结转下年度继续办理 0 0 0 0 0 0 0\n";
    cft_doc d;
    cft_read(&d, s);
    cft_expect_row(&d, "requests", "granted", "31 32 33 34 35 36 37");
    cft_expect_row(&d, "requests", "partial", "41 42 43 44 45 46 47");
    cft_expect_row(&d, "requests", "results_total", "1036 0 0 0 0 0 1036");
    cft_expect_row(&d, "requests", "carry_forward", "0 0 0 0 0 0 0");
    cft_release(&d);
}

Test(layouts, pdf_label_cut_by_its_numbers)
{
    /* the numbers sit on a middle line of a wrapped label; "获取信息" comes after them */
    const char *s = "三、收到和处理政府信息公开申请情况\n"
                    "申请人情况 自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计\n"
                    "4.无正当理由大量反复申请 191 192 193 194 195 196 197\n"
                    "5.要求行政机关确认或重新出具已 201 202 203 204 205 206 207\n"
                    "获取信息\n"
                    "1.申请人无正当理由逾期不补正、\n"
                    "行政机关不再处理其政府信息公开 211 212 213 214 215 216 217\n"
                    "申请\n"
                    "2.申请人逾期未按收费通知要求缴\n"
                    "纳费用、行政机关不再处理其政府 221 222 223 224 225 226 227\n"
                    "信息公开申请\n"
                    "3.其他 231 232 233 234 235 236 237\n";
    cft_doc d;
    cft_read(&d, s);
    cft_expect_row(&d, "requests", "rejected_massive", "191 192 193 194 195 196 197");
    cft_expect_row(&d, "requests", "rejected_confirm", "201 202 203 204 205 206 207");
    cft_expect_row(&d, "requests", "other_overdue_fix", "211 212 213 214 215 216 217");
    cft_expect_row(&d, "requests", "other_overdue_fee", "221 222 223 224 225 226 227");
    cft_expect_row(&d, "requests", "other_misc", "231 232 233 234 235 236 237");
    cft_release(&d);
}

Test(layouts, values_under_no_row_label_are_reported_not_dropped_quietly)
{
    const char *s = "三、收到和处理政府信息公开申请情况\n"
                    "一、本年新收政府信息公开申请数量 1 0 0 0 0 0 1\n"
                    "某某事项 5 5 5 5 5 5 5\n"
                    "（七）总计 1 0 0 0 0 0 1\n";
    cft_doc d;
    cft_read(&d, s);
    cft_expect_row(&d, "requests", "new", "1 0 0 0 0 0 1");
    cft_expect_row(&d, "requests", "results_total", "1 0 0 0 0 0 1");
    const cf_warning *w = cft_warning(&d, "under no row label");
    cr_assert_not_null(w, "%s", cft_warnings(&d));
    cr_expect_eq(w->line, 3);
    cft_release(&d);
}

Test(layouts, part_four_printed_row_by_row_and_a_negative_count)
{
    const char *s = "二、主动公开政府信息情况\n"
                    "信息内容 本年制发件数 本年废止件数 现行有效件数\n"
                    "规章 1 2 -3\n"
                    "四、政府信息公开行政复议、行政诉讼情况\n"
                    "项目 结果维持 结果纠正 其他结果 尚未审结 总计\n"
                    "行政复议 1 0 0 0 1\n"
                    "行政诉讼（未经复议直接起诉） 2 0 0 0 2\n"
                    "行政诉讼（复议后起诉） 3 0 0 0 3\n";
    cft_doc d;
    cft_read(&d, s);
    expect_appeals(&d, "1 0 0 0 1", "2 0 0 0 2", "3 0 0 0 3");
    cft_expect(&d, "active.regulations.in_force", "-3");
    cft_expect_warning(&d, "规章 · 现行有效件数: '-3' is a negative count");
    cft_release(&d);
}

Test(layouts, space_aligned_pdf_text_with_blank_cells)
{
    /* pdftotext -layout: a blank cell is only spaces; the full rows show where each column sits */
    cft_doc d;
    cft_read_file(&d, LAYOUTS "pdf_layout_spaces_2021.txt");
    cft_expect_row(&d, "requests", "new", "11 12 13 14 15 16 17");
    cft_expect_row(&d, "requests", "carried_over", "21 22 missing 24 25 26 27");
    cft_expect_row(&d, "requests", "partial", "missing 42 43 44 45 46 47");
    cft_expect_row(&d, "requests", "denied_secret", "51 52 53 54 55 56 missing");
    cft_expect_row(&d, "requests", "carry_forward", "251 missing 253 254 missing 256 257");
    cr_expect(cft_cell(&d, "requests.carry_forward.research")->inferred, "the place was inferred");
    cr_expect_null(cft_warning(&d, "values for 7 columns"), "%s", cft_warnings(&d));
    cft_release(&d);
}

Test(layouts, single_spaced_rows_give_no_columns_to_learn)
{
    /* without alignment, a short row is still read in order and flagged as a guess */
    cft_doc d;
    cft_read(&d, "三、收到和处理政府信息公开申请情况\n"
                 "一、本年新收政府信息公开申请数量 11 12 13 14 15 16 17\n"
                 "（一）予以公开 31 32 33 34 35 36 37\n"
                 "1.属于国家秘密 51 52 53 54 55 56\n");
    cft_expect_row(&d, "requests", "denied_secret", "51 52 53 54 55 56 missing");
    cr_expect(cft_cell(&d, "requests.denied_secret.natural")->inferred);
    cft_expect_warning(&d, "(三)1.国家秘密: 6 values for 7 columns");
    cft_release(&d);
}

Test(layouts, table_of_contents_naming_every_part)
{
    /* a contents list at the top prints every heading; the real tables come later */
    cft_doc d;
    cft_read(&d, "目录\n一、总体情况\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n"
                 "四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n六、其他需要报告的事项\n"
                 "一、总体情况\n本年共公开信息 3 条。\n"
                 "二、主动公开政府信息情况\n信息内容 本年制发件数 本年废止件数 现行有效件数\n规章 1 2 3\n"
                 "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量 1 0 0 0 0 0 1\n"
                 "四、政府信息公开行政复议、行政诉讼情况\n1 0 0 0 1 0 0 0 0 0 0 0 0 0 0\n"
                 "五、存在的主要问题及改进情况\n无。\n");
    cft_expect_row(&d, "active", "regulations", "1 2 3");
    cft_expect_row(&d, "requests", "new", "1 0 0 0 0 0 1");
    cft_expect_row(&d, "appeals", "review", "1 0 0 0 1");
    cr_expect_eq(cf_report_table_line(d.report, 0), 10);
    cr_expect_eq(cf_report_table_line(d.report, 2), 15);
    cr_expect_eq(cf_report_warning_count(d.report), 0, "%s", cft_warnings(&d));
    cft_release(&d);
}

Test(layouts, pandoc_grid_table_with_cells_over_several_lines)
{
    /* +---+ borders; each cell runs down its column, so "5.要求行政机关确认" + "或重新出具已获取信" + "息"
     * is one label; a column blank on every line of a row is an empty cell */
    cft_doc d;
    cft_read_file(&d, LAYOUTS "pandoc_grid_2021.txt");
    cft_expect_row(&d, "requests", "new", "11 12 13 14 15 16 17");
    cft_expect_row(&d, "requests", "carried_over", "21 missing 23 24 25 26 27");
    cft_expect_row(&d, "requests", "partial", "41 42 43 44 45 46 missing");
    cft_expect_row(&d, "requests", "rejected_confirm", "201 202 203 204 205 206 207");
    cr_expect_null(cft_warning(&d, "under no row label"), "%s", cft_warnings(&d));
    cr_expect_null(cft_warning(&d, "values for 7 columns"), "%s", cft_warnings(&d));
    const cf_cell *c = cft_cell(&d, "requests.rejected_confirm.natural");
    cr_expect_eq(c->label_line, 20);
    cr_expect_eq(c->line, 20);
    cft_release(&d);
}

Test(layouts, pandoc_markdown_grid_with_attributes_wrapped_inside_cells)
{
    /* pandoc -t markdown at 132 columns: every cell "[text]{style=\"…font-size:10.5pt\"}" wrapped down
     * its narrow column ("]{style=\"f" / "ont-family" …, "10." / "5pt"); the group columns of the
     * merged cells print empty; 二、上年结转 has its total blank, （二）部分公开 its first column */
    cft_doc d;
    cft_read_file(&d, LAYOUTS "pandoc_grid_attrs_2021.txt");
    cr_assert_str_eq(cf_template_id(d.tpl), "gov-2021");
    cft_expect_row(&d, "active", "regulations", "11 12 13");
    cft_expect_row(&d, "requests", "new", "11 12 13 14 15 16 17");
    cft_expect_row(&d, "requests", "carried_over", "21 22 23 24 25 26 missing");
    cft_expect_row(&d, "requests", "granted", "31 32 33 34 35 36 37");
    cft_expect_row(&d, "requests", "partial", "missing 42 43 44 45 46 47");
    cft_expect_row(&d, "requests", "denied_secret", "51 52 53 54 55 56 57");
    /* the bars show each blank's column: read, not guessed */
    cr_expect_not(cft_cell(&d, "requests.carried_over.other")->inferred);
    cr_expect_not(cft_cell(&d, "requests.partial.business")->inferred);
    cr_expect_null(cft_warning(&d, "values for 7 columns"), "%s", cft_warnings(&d));
    cr_expect_null(cft_warning(&d, "under no row label"), "%s", cft_warnings(&d));
    cft_release(&d);
}

Test(layouts, pdf_layout_rows_whose_values_stand_apart_from_their_names)
{
    /* pdftotext -layout: a merged group cell printed down its column pushes 4.保护第三方合法权益's
     * values onto the line above its name, and （六）1.'s name is cut by the group's pieces ("）其"):
     * the values under no name take the one row of the form between the rows read by name */
    cft_doc d;
    cft_read_file(&d, LAYOUTS "pdf_layout_apart_2021.txt");
    expect_formula(&d, NULL);
    cr_expect(cft_cell(&d, "requests.denied_third_party.natural")->inferred);
    cr_expect(cft_cell(&d, "requests.other_overdue_fix.total")->inferred);
    cr_expect_not(cft_cell(&d, "requests.denied_internal.natural")->inferred, "a row read by its name");
    cft_expect_warning(&d, "(三)4.第三方权益: its values stand with no row name between the rows "
                           "(三)3.三安全一稳定 and (三)5.内部事务");
    cr_expect_null(cft_warning(&d, "under no row label"), "%s", cft_warnings(&d));
    cft_release(&d);
}

Test(layouts, values_under_no_name_stay_unread_when_the_rows_between_do_not_count_them)
{
    /* 5.属于三类内部事务信息 left out: two rows between (三)3. and (三)6., seven values: not read */
    size_t len;
    char *buf = cft_slurp(LAYOUTS "pdf_layout_apart_2021.txt", &len);
    char *row = strstr(buf, "       予公 5.属于三类内部事务信息");
    cr_assert_not_null(row);
    char *end = strchr(row, '\n');
    memmove(row, end + 1, strlen(end + 1) + 1);
    cft_doc d;
    cft_read(&d, buf);
    free(buf);
    cft_expect_row(&d, "requests", "denied_third_party", "missing missing missing missing missing missing missing");
    cft_expect_row(&d, "requests", "denied_internal", "missing missing missing missing missing missing missing");
    cft_expect_row(&d, "requests", "denied_process", "101 102 103 104 105 106 107");
    cft_expect_warning(&d, "三: 7 values under no row label");
    cft_release(&d);
}

/* The fixture with the cell printed as `number` made blank (its digits become spaces). */
static void read_with_blank(cft_doc *d, const char *file, const char *number_line)
{
    size_t len;
    char *buf = cft_slurp(file, &len);
    char *at = strstr(buf, number_line);
    cr_assert_not_null(at, "no '%s' in %s", number_line, file);
    at += strlen(number_line) - 1;
    while (at > buf && at[-1] != '\n')
        at--; /* the start of the number's line */
    for (char *p = at; *p && *p != '|' && *p != '\n'; p++)
        if (*p >= '0' && *p <= '9')
            *p = ' ';
    cr_assert_eq(cft_open_bytes(d, file, buf, len), CF_OK, "%s", d->err.message);
    free(buf);
}

Test(layouts, blank_cell_in_a_pipe_table_with_one_cell_a_line)
{
    /* " 161  | \n 162  | \n" with 162 blank: "     | " still closes a cell, an empty one */
    cft_doc d;
    read_with_blank(&d, LAYOUTS "pipes_multiline_2021.txt", "\n 162  | ");
    cft_expect_row(&d, "requests", "rejected_petition", "161 missing 163 164 165 166 167");
    cft_expect_row(&d, "requests", "rejected_repeat", "171 172 173 174 175 176 177");
    cft_release(&d);
    read_with_blank(&d, LAYOUTS "pipes_multiline_2021.txt", "\n 17  ||");
    cft_expect_row(&d, "requests", "new", "11 12 13 14 15 16 missing");
    cft_release(&d);
    read_with_blank(&d, LAYOUTS "pipes_multiline_2021.txt", "申请数量  | \n 11  | ");
    cft_expect_row(&d, "requests", "new", "missing 12 13 14 15 16 17");
    cft_release(&d);
}

Test(layouts, prose_with_the_start_of_a_label_does_not_take_the_row)
{
    /* "本年新收政府信息公开申请 5 件" begins like row 一's label but does not go on like it */
    cft_doc d;
    cft_read(&d, "三、收到和处理政府信息公开申请情况\n"
                 "（一）予以公开 31 32 33 34 35 36 37\n"
                 "说明：本年新收政府信息公开申请 5 件，其中 3 件已办结。\n"
                 "一、本年新收政府信息公开申请数量 11 12 13 14 15 16 17\n");
    cft_expect_row(&d, "requests", "new", "11 12 13 14 15 16 17");
    cft_release(&d);
}

Test(layouts, a_sentence_naming_a_row_before_the_table_does_not_take_it)
{
    /* "其中予以公开 5 件" under the heading: the table's own row is read, and no warning stays from the sentence */
    cft_doc d;
    cft_read(&d, "二、主动公开政府信息情况\n"
                 "本年度制发规章 2 件。\n"
                 "信息内容 本年制发件数 本年废止件数 现行有效件数\n"
                 "规章 1 2 3\n"
                 "三、收到和处理政府信息公开申请情况\n"
                 "本年度共收到申请 7 件，其中予以公开 5 件，部分公开 1 件。\n"
                 "申请人情况 自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计\n"
                 "一、本年新收政府信息公开申请数量 6 1 0 0 0 0 7\n"
                 "（一）予以公开 4 1 0 0 0 0 5\n"
                 "（二）部分公开（区分处理的，只计这一情形，不计其他情形） 1 0 0 0 0 0 1\n");
    cft_expect_row(&d, "active", "regulations", "1 2 3");
    cft_expect_row(&d, "requests", "granted", "4 1 0 0 0 0 5");
    cft_expect_row(&d, "requests", "partial", "1 0 0 0 0 0 1");
    cft_expect_row(&d, "requests", "new", "6 1 0 0 0 0 7");
    cr_expect_null(cft_warning(&d, "(一)予以公开"), "%s", cft_warnings(&d));
    cr_expect_null(cft_warning(&d, "规章"), "%s", cft_warnings(&d));
    cr_expect_eq(cft_cell(&d, "requests.granted.natural")->line, 9);
    cft_release(&d);
}

Test(layouts, tab_row_with_its_label_broken_inside_the_cell)
{
    /* a line break inside a Word cell: the label's end starts the next line, then the tab fields */
    cft_doc d;
    cft_read(&d, "三、收到和处理政府信息公开申请情况\n"
                 "一、本年新收政府信息公开申请数量\t\t11\t12\t13\t14\t15\t16\t17\t\n"
                 "\t（二）部分公开（区分处理的，只计这一\n"
                 "情形，不计其他情形）\t41\t42\t43\t44\t45\t46\t47\t\n"
                 "\t\t5.要求行政机关确认或重新出具已\n"
                 "获取信息\t201\t202\t203\t204\t205\t206\t207\n");
    cft_expect_row(&d, "requests", "new", "11 12 13 14 15 16 17");
    cft_expect_row(&d, "requests", "partial", "41 42 43 44 45 46 47");
    cft_expect_row(&d, "requests", "rejected_confirm", "201 202 203 204 205 206 207");
    cft_release(&d);
}

Test(layouts, format_2019_pdf_text_with_broken_headings_and_signed_changes)
{
    cft_doc d;
    cft_read(&d, "二、主动公开政府信息情况\n第二十条第（一）项\n"
                 "信息内容 本年新制 作数量 本年新公 开数量 对外公开总 数量\n规章 0 0 0\n规范性文件 2 2 15\n"
                 "第二十条第（五）项\n信息内容 上一年项 目数量 本年增/减 处理决定 数量\n"
                 "行政许可 22 增加36件 58\n其他对外管理服务事 项 4 减少3件 0\n"
                 "第二十条第（八）项\n信息内容 上一年项 目数量 本年增/减\n行政事业性收费 5 -1\n"
                 "第二十条第（九）项\n信息内容 采购项目数量 采购总金额\n政府集中采购 1 5.5\n"
                 "三、收到和处理政府信息公开申请情况\n");
    cr_assert_str_eq(cf_template_id(d.tpl), "gov-2019");
    cft_expect_row(&d, "active", "normative_docs", "2 2 15");
    cft_expect_row(&d, "active", "licensing", "22 36 58");
    cft_expect_row(&d, "active", "other_services", "4 -3 0");
    cft_expect_row(&d, "active", "fees", "5 -1");
    cft_expect_row(&d, "active", "procurement", "1 5.5");
    cr_expect_null(cft_warning(&d, "行政事业性收费 · 本年增/减"), "a signed change may be negative: %s", cft_warnings(&d));
    cft_release(&d);
}

/* a 2021 report (本年制发件数 …) whose part 三 prints （六）其他处理 as one row, as the 2019 format does */
#define ONE_ROW_SIX(values)                                                                              \
    "二、主动公开政府信息情况\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t1\t2\t3\n"    \
    "三、收到和处理政府信息公开申请情况\n"                                                             \
    "一、本年新收政府信息公开申请数量\t5\t0\t0\t0\t0\t0\t5\n"                                          \
    "（五）不予处理\t5.要求行政机关确认或重新出具已获取信息\t0\t0\t0\t0\t0\t0\t0\n"                    \
    "\t（六）其他处理\t" values "\n"                                                                    \
    "\t（七）总计\t5\t0\t0\t0\t0\t0\t5\n"                                                               \
    "四、结转下年度继续办理\t0\t0\t0\t0\t0\t0\t0\n"

Test(layouts, format_2021_with_one_row_of_zeros_for_the_2019_group_six)
{
    cft_doc d;
    cft_read(&d, ONE_ROW_SIX("0\t0\t0\t0\t0\t0\t0"));
    cr_assert_str_eq(cf_template_id(d.tpl), "gov-2021");
    /* a zero for the whole group is a zero for each of its rows: read, but flagged */
    static const char *const rows[] = {"other_overdue_fix", "other_overdue_fee", "other_misc"};
    for (size_t r = 0; r < 3; r++) {
        cft_expect_row(&d, "requests", rows[r], "0 0 0 0 0 0 0");
        char id[64];
        snprintf(id, sizeof id, "requests.%s.natural", rows[r]);
        cr_expect(cft_cell(&d, id)->inferred, "%s was never printed: it must say so", id);
    }
    const cf_warning *w = cft_warning(&d, "as in the 2019 format");
    cr_assert_not_null(w, "warnings: %s", cft_warnings(&d));
    cr_expect_eq(w->line, 7, "the line of the printed row");
    cft_expect(&d, "requests.results_total.natural", "5");
    cft_release(&d);
}

/* Part 三 alone (no part 二 to name the format's columns) in a pandoc grid whose row names' column is
 * narrow: a long name runs down its cell over several lines, on none of them whole. */
#define NARROW_GRID_HEAD \
    "三、收到和处理政府信息公开申请情况\n" \
    "+------------------+------+------+------+------+------+------+------+\n" \
    "| 项目             | 自然 | 商业 | 科研 | 社会 | 法律 | 其他 | 总计 |\n" \
    "+==================+======+======+======+======+======+======+======+\n" \
    "| 一、本年新收政府 | 1    | 0    | 0    | 0    | 0    | 0    | 1    |\n" \
    "| 信息公开申请数量 |      |      |      |      |      |      |      |\n" \
    "+------------------+------+------+------+------+------+------+------+\n"

#define NARROW_GRID_TAIL \
    "| （七）总计       | 1    | 0    | 0    | 0    | 0    | 0    | 1    |\n" \
    "+------------------+------+------+------+------+------+------+------+\n"

Test(layouts, a_format_only_the_row_names_in_a_narrow_grid_tell_is_read_as_that_format)
{
    /* 三(六)1 and 2 are named only by the 2021 format, their names wrapped down the cell: no line holds
     * them, the grid's cells do. Read as 2019, their values stood under no row label and 三(七) broke */
    cft_doc d;
    cft_read(&d, NARROW_GRID_HEAD
                 "| 1.申请人无正当理 | 1    | 0    | 0    | 0    | 0    | 0    | 1    |\n"
                 "| 由逾期不补正、行 |      |      |      |      |      |      |      |\n"
                 "| 政机关不再处理其 |      |      |      |      |      |      |      |\n"
                 "| 政府信息公开申请 |      |      |      |      |      |      |      |\n"
                 "+------------------+------+------+------+------+------+------+------+\n"
                 "| 2.申请人逾期未按 | 0    | 0    | 0    | 0    | 0    | 0    | 0    |\n"
                 "| 收费通知要求缴纳 |      |      |      |      |      |      |      |\n"
                 "| 费用、行政机关不 |      |      |      |      |      |      |      |\n"
                 "| 再处理其政府信息 |      |      |      |      |      |      |      |\n"
                 "| 公开申请         |      |      |      |      |      |      |      |\n"
                 "+------------------+------+------+------+------+------+------+------+\n"
                 "| 3.其他           | 0    | 0    | 0    | 0    | 0    | 0    | 0    |\n"
                 "+------------------+------+------+------+------+------+------+------+\n"
                 NARROW_GRID_TAIL);
    cr_assert_str_eq(cf_template_id(d.tpl), "gov-2021", "%s", cft_warnings(&d));
    cft_expect_row(&d, "requests", "other_overdue_fix", "1 0 0 0 0 0 1");
    cft_expect_row(&d, "requests", "other_overdue_fee", "0 0 0 0 0 0 0");
    cft_expect_row(&d, "requests", "other_misc", "0 0 0 0 0 0 0");
    cr_expect_null(cft_warning(&d, "under no row label"), "%s", cft_warnings(&d));
    cr_expect_null(cft_warning(&d, "tell the formats apart"), "the rows told the format: %s", cft_warnings(&d));
    cft_release(&d);
    /* （六）其他处理 as one row names no format's own words: read as 2019, and said to be a guess */
    cft_read(&d, NARROW_GRID_HEAD
                 "| （六）其他处理   | 1    | 0    | 0    | 0    | 0    | 0    | 1    |\n"
                 "+------------------+------+------+------+------+------+------+------+\n"
                 NARROW_GRID_TAIL);
    cr_expect_str_eq(cf_template_id(d.tpl), "gov-2019");
    cft_expect_row(&d, "requests", "other", "1 0 0 0 0 0 1");
    cft_expect_warning(&d, "tell the formats apart");
    cft_release(&d);
}

Test(layouts, format_2021_with_one_row_of_counts_for_the_2019_group_six_leaves_it_missing)
{
    cft_doc d;
    cft_read(&d, ONE_ROW_SIX("2\t0\t0\t0\t0\t0\t2"));
    cft_expect_row(&d, "requests", "other_overdue_fix", "missing missing missing missing missing missing missing");
    cft_expect_row(&d, "requests", "other_misc", "missing missing missing missing missing missing missing");
    const cf_warning *w = cft_warning(&d, "with the values 2 0 0 0 0 0 2");
    cr_expect_not_null(w, "the printed values are shown; warnings: %s", cft_warnings(&d));
    cr_expect_null(cft_warning(&d, "under no row label"), "the row is explained, not dropped as unclaimed");
    cft_release(&d);
}

Test(layouts, values_after_the_names_of_several_rows_of_a_one_line_table_are_flagged)
{
    /* part 四 cut by a page break: five values after the header, which names all three rows */
    cft_doc d;
    cft_read(&d, "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量 1 0 0 0 0 0 1\n"
                 "四、政府信息公开行政复议、行政诉讼情况\n行政诉讼\n行政复议\n未经复议直接起诉\n复议后起诉\n"
                 "结果维持 结果纠正 其他结果 尚未审结 总计\n3\n3\n0\n0\n6\n五、存在的主要问题及改进情况\n");
    const cf_cell *c = cft_cell(&d, "appeals.suit_after_review.upheld");
    if (c->state == CF_CELL_NUMBER) {
        cr_expect(c->inferred, "a value whose row is a guess must say so");
        cft_expect_warning(&d, "which row they belong to is a guess");
    }
    cft_release(&d);
}

Test(layouts, values_shared_out_among_labels_printed_apart_are_checked_against_each_row_sum)
{
    /* PDF text in drawing order: three labels, then 21 values that do not come row by row */
    cft_doc d;
    cft_read(&d, "二、主动公开政府信息情况\n信息内容 本年制发件数 本年废止件数 现行有效件数\n规章 1 2 3\n"
                 "三、收到和处理政府信息公开申请情况\n3.其他\n（七）总计\n四、结转下年度继续办理\n"
                 "7\n3\n0\n25\n7\n11\n48\n2\n11\n27\n140 130\n141\n130 756\n1\n1\n1\n7\n1\n6\n");
    static const char *const rows[] = {"requests.other_misc.natural", "requests.results_total.natural",
                                       "requests.carry_forward.natural"};
    for (size_t r = 0; r < 3; r++) {
        const cf_cell *c = cft_cell(&d, rows[r]);
        cr_expect(c->state != CF_CELL_NUMBER || c->inferred, "%s: a row whose sum fails after an even split", rows[r]);
    }
    cft_expect_warning(&d, "shared out in order");
    cft_release(&d);
}

/* PDF text in drawing order: the names of several rows, then one row's worth of values on lines of
 * their own (here the values of other rows' cells among them) */
#define NAMES_THEN_VALUES(last)                                                                       \
    "二、主动公开政府信息情况\n信息内容 本年制发件数 本年废止件数 现行有效件数\n规章 1 2 3\n"        \
    "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量 1 0 0 0 0 0 1\n"           \
    "4.无正当理由大量反复申请\n5.要求行政机关确认或重新出具已获取信息\n" last                         \
    "四、政府信息公开行政复议、行政诉讼情况\n"

Test(layouts, values_on_lines_of_their_own_after_the_names_of_several_rows_are_flagged)
{
    cft_doc d;
    cft_read(&d, NAMES_THEN_VALUES("四、结转下年度继续办理\n38\n1\n123\n1067\n967\n1027\n819\n"));
    const cf_cell *c = cft_cell(&d, "requests.carry_forward.social");
    cr_assert_eq(c->state, CF_CELL_NUMBER);
    cr_expect(c->inferred, "values after several names may be any of those rows': it must say so");
    cft_expect_warning(&d, "which row they belong to is a guess");
    cft_release(&d);
}

Test(layouts, values_on_the_line_of_the_last_of_several_names_are_read_directly)
{
    /* pdftotext -layout: the rows above printed their values elsewhere, this one on its own line */
    cft_doc d;
    cft_read(&d, NAMES_THEN_VALUES("四、结转下年度继续办理 2 0 0 0 0 0 2\n"));
    cft_expect_row(&d, "requests", "carry_forward", "2 0 0 0 0 0 2");
    cr_expect_not(cft_cell(&d, "requests.carry_forward.natural")->inferred);
    cr_expect_null(cft_warning(&d, "is a guess"), "%s", cft_warnings(&d));
    cft_release(&d);
}

Test(layouts, a_value_between_two_names_when_the_second_has_none_is_flagged)
{
    /* pdftotext: 行政处罚 (blank) and 行政强制 (22) as one cell a line; the 22 could be either's */
    cft_doc d;
    cft_read(&d, "二、主动公开政府信息情况\n信息内容\n本年制发件数\n本年废止件数\n现行有效件数\n规章\n1\n2\n3\n"
                 "信息内容\n本年处理决定数量\n行政处罚\n22\n\n行政强制\n信息内容\n本年收费金额（单位：万元）\n"
                 "行政事业性收费\n625.25\n三、收到和处理政府信息公开申请情况\n");
    const cf_cell *c = cft_cell(&d, "active.penalty.decisions");
    cr_assert_eq(c->state, CF_CELL_NUMBER);
    cr_expect(c->inferred, "22 may be 行政强制's: it must say so");
    cft_expect_warning(&d, "which of the two rows they belong to is a guess");
    cft_expect(&d, "active.fees.amount", "625.25");
    cft_release(&d);
}

Test(layouts, a_label_cut_by_its_values_with_pieces_of_the_group_label_around_them)
{
    /* pdftotext -layout: the group label （三）不予公开 printed down its column, a piece of it on each
     * line, beside a row label wrapped round its own values */
    cft_doc d;
    cft_read(&d, "二、主动公开政府信息情况\n信息内容 本年制发件数 本年废止件数 现行有效件数\n规章 1 2 3\n"
                 "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量 1 0 0 0 0 0 1\n"
                 "       （三 1.属于国家秘密         156     281     128 100       195   199 1059\n"
                 "       ）不\n"
                 "            2.其他法律行政法规禁止\n"
                 "       予公                   20     258     137    92     222   315 1044\n"
                 "            公开\n"
                 "       开\n"
                 "       予处 4.无正当理由大量反复申\n"
                 "                                         299    253     107 150      355          256 1420\n"
                 "           理    请\n"
                 "四、结转下年度继续办理 0 0 0 0 0 0 0\n");
    cft_expect_row(&d, "requests", "denied_law", "20 258 137 92 222 315 1044");
    cr_expect_not(cft_cell(&d, "requests.denied_law.natural")->inferred);
    cft_expect_row(&d, "requests", "rejected_massive", "299 253 107 150 355 256 1420");
    cft_release(&d);
}

/* Part 二 as pandoc's simple table, its 规章 row 1 2 3, and an empty line. */
#define PART_TWO_SIMPLE_TABLE                                                                           \
    "二、主动公开政府信息情况\n\n"                                                                     \
    "  -------------- -------------- -------------- --------------\n"                                  \
    "  信息内容       本年制发件数   本年废止件数   现行有效件数\n"                                    \
    "  规章           1              2              3\n"                                               \
    "  -------------- -------------- -------------- --------------\n\n"

Test(layouts, a_table_the_converter_printed_as_a_placeholder_is_named_where_it_stands)
{
    /* pandoc -t plain leaves out a table wider than --columns and prints "[TABLE]": no cell can be
     * read, and the warning says so on its line with what to do, not "not found" */
    cft_doc d;
    cft_read(&d, PART_TWO_SIMPLE_TABLE
                 "三、收到和处理政府信息公开申请情况\n\n"
                 "[TABLE]\n\n"
                 "四、政府信息公开行政复议、行政诉讼情况\n\n"
                 "五、存在的主要问题及改进情况\n");
    cft_expect_row(&d, "active", "regulations", "1 2 3");
    const cf_warning *w = cft_warning(&d, "part 三 (收到和处理政府信息公开申请情况): the converter printed \"[TABLE]\"");
    cr_assert_not_null(w, "%s", cft_warnings(&d));
    cr_expect_eq(w->line, 10);
    cr_expect_null(cft_warning(&d, "part 三 (收到和处理政府信息公开申请情况) was not found"), "%s", cft_warnings(&d));
    cft_expect_warning(&d, "part 四 (政府信息公开行政复议、行政诉讼情况) was not found");
    cft_release(&d);
}

Test(layouts, a_placeholder_in_a_layout_cell_is_named_for_the_part_whose_wrapped_heading_it_follows)
{
    /* pandoc -t plain of a web page laid out in a table: "[TABLE]" between the layout's bars, part 三's
     * heading wrapped by the narrow cell ("三、收" / "到和处理…"), so no line is the heading */
    cft_doc d;
    cft_read(&d, PART_TWO_SIMPLE_TABLE "|      | | 三、收                       |  |\n"
                                       "|      | | 到和处理政府信息公开申请情况 |  |\n"
                                       "|      | |                              |  |\n"
                                       "|      | | [TABLE]                      |  |\n");
    const cf_warning *w = cft_warning(&d, "part 三 (收到和处理政府信息公开申请情况): the converter printed \"[TABLE]\"");
    cr_assert_not_null(w, "%s", cft_warnings(&d));
    cr_expect_eq(w->line, 11);
    cft_expect_row(&d, "active", "regulations", "1 2 3");
    cr_expect_null(cft_warning(&d, "part 三 (收到和处理政府信息公开申请情况) was not found"), "%s", cft_warnings(&d));
    cft_release(&d);
    /* the same "[TABLE]" with no heading of a part before it: nothing to name, the part not found */
    cft_read(&d, PART_TWO_SIMPLE_TABLE
                 "五、存在的主要问题及改进情况\n"
                 "|      | | [TABLE]                      |  |\n");
    cr_expect_null(cft_warning(&d, "the converter printed"), "%s", cft_warnings(&d));
    cft_expect_warning(&d, "part 三 (收到和处理政府信息公开申请情况) was not found");
    cft_release(&d);
}

/* Rule TABLE.RULE.SCOPE evaluated on the cells read (a rule per row is scoped by the row's id, one
 * per column by the column's). */
static cf_rule_status table_rule(const cft_doc *d, const char *table, const char *rule, const char *scope)
{
    char id[96];
    snprintf(id, sizeof id, "%s.%s.%s", table, rule, scope);
    return cf_rule_evaluate(d->tpl, (size_t)cft_rule(d, id), cf_report_cells(d->report)).status;
}

/* The rule of table 四 on one of its rows (template rule "total" per row: appeals.total.ROW). */
static cf_rule_status appeals_total(const cft_doc *d, const char *row)
{
    return table_rule(d, "appeals", "total", row);
}

Test(layouts, pdf_raw_drawing_order_rows_placed_where_their_totals_hold)
{
    /* raw pdftotext of 四: one value a line among the headings' words, the review row's total drawn
     * second ("3 24 5 7 9"), 五、 printed inside the table, a stray 925 of the table before */
    cft_doc d;
    cft_read_file(&d, LAYOUTS "pdf_raw_drawn_2021.txt");
    expect_appeals(&d, "3 5 7 9 24", "10 20 30 40 100", "1 2 4 8 15");
    /* placed by inference: every cell says so, the moved row and the stray are named */
    cr_expect(cft_cell(&d, "appeals.review.total")->inferred);
    cr_expect(cft_cell(&d, "appeals.suit_direct.upheld")->inferred);
    cft_expect_warning(&d, "四 行政复议: its values were printed in drawing order");
    const cf_warning *w = cft_warning(&d, "1 value more than the table's 15 cells");
    cr_assert_not_null(w, "%s", cft_warnings(&d));
    cr_expect_eq(w->line, 16, "the stray 925 is on line 16, not %zu", w->line);
    cr_expect_eq(cft_cell(&d, "appeals.suit_direct.corrected")->line, 41, "20 stands on line 41, after 五、");
    cft_release(&d);
}

Test(layouts, pdf_raw_drawing_order_goes_on_past_the_later_parts)
{
    /* the same 四 with 五's heading and prose and 六's heading and prose all printed inside it, right
     * after 五's heading (PDF text of a table drawn after them): the values after them, each alone on
     * its line, are the table's, the year in the prose ("2023年将继续改进") is not */
    cft_doc d;
    cft_read_file(&d, LAYOUTS "pdf_raw_drawn_parts_inside_2021.txt");
    expect_appeals(&d, "3 5 7 9 24", "10 20 30 40 100", "1 2 4 8 15");
    cr_expect_eq(appeals_total(&d, "suit_direct"), CF_RULE_PASS);
    cr_expect_eq(cft_cell(&d, "appeals.suit_direct.corrected")->line, 45, "20 stands on line 45, after 六、");
    cr_expect_null(cft_warning(&d, "value more than the table's"), "%s", cft_warnings(&d));
    cft_release(&d);
}

Test(layouts, pdf_layout_flat_table_whose_first_row_printed_nothing)
{
    /* pdftotext -layout of 四 on one line, 10 values for 15 cells, every value under the 行政诉讼
     * headings and none under 行政复议's: that row printed nothing (blank), the others are read as
     * printed; the blank row says why */
    cft_doc d;
    cft_read_file(&d, LAYOUTS "pdf_layout_blank_row_2019.txt");
    expect_appeals(&d, "missing missing missing missing missing", "10 20 30 40 100", "1 2 4 8 15");
    cr_expect(cft_cell(&d, "appeals.review.total")->inferred);
    cft_expect_warning(&d, "四 行政复议: printed nothing: the values of line 21 stand under the other rows' headings");
    cft_release(&d);
}

Test(layouts, pdf_raw_drawing_order_keeps_a_real_break)
{
    /* the same, no stray, and 诉讼·直接起诉 printed 10 20 30 40 99: no order of its values makes its
     * total hold, so they stay as printed, flagged, and the rule still fails */
    cft_doc d;
    cft_read_file(&d, LAYOUTS "pdf_raw_drawn_broken_2021.txt");
    expect_appeals(&d, "3 5 7 9 24", "10 20 30 40 99", "1 2 4 8 15");
    cr_expect_eq(appeals_total(&d, "suit_direct"), CF_RULE_FAIL);
    cr_expect_eq(appeals_total(&d, "review"), CF_RULE_PASS);
    cr_expect(cft_cell(&d, "appeals.suit_direct.total")->inferred);
    cft_expect_warning(&d, "四 诉讼·直接起诉: its values were printed in drawing order, and no order");
    /* rows read as printed are not guesses */
    cr_expect_not(cft_cell(&d, "appeals.suit_after_review.total")->inferred);
    cr_expect_null(cft_warning(&d, "诉讼·复议后起诉"), "%s", cft_warnings(&d));
    cft_release(&d);
}

Test(layouts, pdf_raw_drawing_order_never_repairs_a_break_by_a_move)
{
    /* 诉讼·直接起诉 printed on one line "5 45 10 20 10": 5+45+10+20 is not 10, and moving 45 to 总计
     * would make the total hold (5+10+20+10 = 45). Values side by side on one line are in column
     * order, so the layout leaves no place open: the row stays as printed, flagged, the rule fails */
    cft_doc d;
    cft_read_file(&d, LAYOUTS "pdf_raw_drawn_trap_2021.txt");
    expect_appeals(&d, "3 5 7 9 24", "5 45 10 20 10", "1 2 4 8 15");
    cr_expect_eq(appeals_total(&d, "suit_direct"), CF_RULE_FAIL);
    cr_expect(cft_cell(&d, "appeals.suit_direct.total")->inferred);
    cft_expect_warning(&d, "四 诉讼·直接起诉: its values were printed in drawing order, and no order");
    /* the review row's total, alone on its line, still moves where its row holds */
    cr_expect_eq(appeals_total(&d, "review"), CF_RULE_PASS);
    cft_release(&d);
}

Test(layouts, pdf_raw_drawing_order_a_blank_that_prints_nothing_is_flagged)
{
    /* 复议后起诉 printed "1 2 8 11": its 其他结果 is blank and raw PDF text prints nothing for it. The
     * row short of a value is the one under which the other rows' totals hold; which of its cells is
     * blank the text does not say: the total takes the value that bounds the others, the rest are a
     * guess, every cell of the row inferred, with a warning */
    cft_doc d;
    cft_read_file(&d, LAYOUTS "pdf_raw_drawn_blank_2021.txt");
    cft_expect_row(&d, "appeals", "review", "3 5 7 9 24");
    cft_expect_row(&d, "appeals", "suit_direct", "10 20 30 40 100");
    cft_expect(&d, "appeals.suit_after_review.total", "11");
    size_t blank = 0;
    for (size_t c = 0; c < 5; c++) {
        static const char *const cols[] = {"upheld", "corrected", "other", "pending", "total"};
        char id[64];
        snprintf(id, sizeof id, "appeals.suit_after_review.%s", cols[c]);
        cr_expect(cft_cell(&d, id)->inferred, "%s is a guess and must say so", id);
        blank += strcmp(cft_val(&d, id), "missing") == 0;
    }
    cr_expect_eq(blank, 1, "one cell of the row is blank");
    cft_expect_warning(&d, "四 诉讼·复议后起诉: 4 values for 5 columns; which columns are blank is a guess");
    /* the rows that hold as printed are read, not guessed */
    cr_expect_not(cft_cell(&d, "appeals.suit_direct.total")->inferred);
    cr_expect_eq(appeals_total(&d, "suit_direct"), CF_RULE_PASS);
    cft_release(&d);
}

Test(layouts, pdf_raw_table_three_rows_split_where_their_totals_hold)
{
    /* raw pdftotext of 三: one value a line or two ("988 951"), the names of most rows after the
     * whole table, the totals of 二, （二）, （四）3. and the 社会公益组织 of （三）4. printed after later
     * rows, the last row's 社会公益组织 and total after the names */
    cft_doc d;
    cft_read_file(&d, LAYOUTS "pdf_raw_rows_2021.txt");
    cft_expect_row(&d, "requests", "new", "1062 1025 988 951 1004 1057 6087");
    cft_expect_row(&d, "requests", "carried_over", "4 7 10 13 16 19 69");
    cft_expect_row(&d, "requests", "partial", "26 37 48 59 70 81 321");
    cft_expect_row(&d, "requests", "denied_third_party", "84 5 16 27 38 49 219");
    cft_expect_row(&d, "requests", "unable_unclear", "73 84 5 16 27 38 243");
    cft_expect_row(&d, "requests", "results_total", "1059 1020 981 942 993 1044 6039");
    cft_expect_row(&d, "requests", "carry_forward", "7 12 17 22 27 32 117");
    cr_expect_eq(table_rule(&d, "requests", "results", "total"), CF_RULE_PASS);
    cr_expect_eq(table_rule(&d, "requests", "balance", "natural"), CF_RULE_PASS);
    /* placed by their order, not by a name beside them: inferred, the table's warnings say how */
    cr_expect(cft_cell(&d, "requests.partial.total")->inferred);
    cr_expect(cft_cell(&d, "requests.results_total.natural")->inferred);
    cr_expect_eq(cft_cell(&d, "requests.denied_third_party.social")->line, 164);
    /* one warning names the rows placed as printed, as runs in the form's order, another those with
     * cells printed later, each with its line: two warnings for 24 rows, every row named */
    cft_expect_warning(&d, "三: 19 rows stand apart from their names (PDF text in drawing order) and were taken by "
                           "their place among the table's rows, where each row's total holds: (一)予以公开, "
                           "(三)1.国家秘密 … (三)3.三安全一稳定, (三)5.内部事务 … (四)2.需另行制作, "
                           "(五)1.信访举报投诉 … (七)总计; check them");
    cft_expect_warning(&d, "三: 5 rows stand apart from their names (PDF text in drawing order) with cells printed "
                           "later in the table, placed where each row's total holds: 二、上年结转 (line 160), "
                           "(二)部分公开 (line 162), (三)4.第三方权益 (line 164), (四)3.仍不明确 (line 318), "
                           "四、结转下年度 (line 317); check them");
    cr_expect_eq(cf_report_warning_count(d.report), 4, "%s", cft_warnings(&d)); /* and 二, 四 not found */
    /* what was drawn apart at the end comes in an order of its own: 四's 社会公益组织, (四)3.'s total,
     * 四's total */
    cr_expect_eq(cft_cell(&d, "requests.carry_forward.social")->line, 317);
    cr_expect_eq(cft_cell(&d, "requests.unable_unclear.total")->line, 318);
    cr_expect_eq(cft_cell(&d, "requests.carry_forward.total")->line, 319);
    /* the row whose name stands beside its values is read as printed, and no value is left over */
    cr_expect_not(cft_cell(&d, "requests.new.total")->inferred);
    cr_expect_null(cft_warning(&d, "under no row label"), "%s", cft_warnings(&d));
    cft_release(&d);
}

/* Read a variant of pdf_raw_rows_2021.txt: its last row, printed with cells apart after the table's
 * names, is whole in each. */
static void read_raw_rows(cft_doc *d, const char *path)
{
    cft_read_file(d, path);
    cft_expect_row(d, "requests", "carry_forward", "7 12 17 22 27 32 117");
}

Test(layouts, pdf_raw_table_three_goes_on_past_the_next_heading)
{
    /* the same table cut by a page break: the last row's total (117) printed after 四's heading and
     * some of its column headings' words. It is the table's last cell, placed where the row's total
     * holds, inferred, and a warning names the line it was taken from */
    cft_doc d;
    read_raw_rows(&d, LAYOUTS "pdf_raw_rows_page_break_2021.txt");
    cft_expect_row(&d, "requests", "results_total", "1059 1020 981 942 993 1044 6039");
    cr_expect_eq(table_rule(&d, "requests", "balance", "natural"), CF_RULE_PASS);
    cr_expect(cft_cell(&d, "requests.carry_forward.total")->inferred);
    cr_expect_eq(cft_cell(&d, "requests.carry_forward.total")->line, 327);
    cft_expect_warning(&d, "三: the table goes on past the heading of the next part (a page break): "
                           "1 value printed there (line 327)");
    /* the value is 三's, so not 四's as well: 四 printed nothing else, its cells stay missing */
    cft_expect_row(&d, "appeals", "review", "missing missing missing missing missing");
    cr_expect_null(cft_warning(&d, "四 行政复议"), "%s", cft_warnings(&d));
    cft_release(&d);
}

/* The rows of （六）其他处理 in the 2021 format, and a cell of each. */
static const char *const six_rows[] = {"other_overdue_fix", "other_overdue_fee", "other_misc"};
static const char *const six_cells[] = {"requests.other_overdue_fix.total", "requests.other_overdue_fee.natural",
                                        "requests.other_misc.legal"};

Test(layouts, pdf_raw_table_three_group_printed_as_one_row)
{
    /* the same table, 2021 format, with （六）其他处理 printed as one row, as the 2019 format has it,
     * its name after the table with the others: 14 values fewer than cells. The group is one row of
     * the split, its values the sums of its rows. Printed "0 0 0 0 0 0 0", its three rows are read
     * as 0, inferred, with the group's warning */
    cft_doc zeros;
    read_raw_rows(&zeros, LAYOUTS "pdf_raw_rows_six_zeros_2021.txt");
    for (size_t i = 0; i < 3; i++) {
        cft_expect_row(&zeros, "requests", six_rows[i], "0 0 0 0 0 0 0");
        cr_expect(cft_cell(&zeros, six_cells[i])->inferred, "%s was never printed: inferred", six_cells[i]);
    }
    cft_expect_row(&zeros, "requests", "results_total", "963 891 819 837 855 873 5238");
    cr_expect_eq(table_rule(&zeros, "requests", "results", "total"), CF_RULE_PASS);
    cft_expect_warning(&zeros, "三 （六）其他处理 is printed as one row, as in the 2019 format, and holds "
                               "only zeros (0 0 0 0 0 0 0): its 3 rows are read as 0");
    cft_release(&zeros);
    /* printed "3 0 6 0 0 3 12": the rows around it are placed (its sums stand for its rows in 三(七)'s
     * column); which of its rows holds what cannot be told, so they stay missing, the printed values
     * in the warning */
    cft_doc counts;
    read_raw_rows(&counts, LAYOUTS "pdf_raw_rows_six_values_2021.txt");
    cft_expect_row(&counts, "requests", "results_total", "966 891 825 837 855 876 5250");
    for (size_t i = 0; i < 3; i++)
        cft_expect_row(&counts, "requests", six_rows[i], "missing missing missing missing missing missing missing");
    cft_expect_warning(&counts, "三 （六）其他处理 is printed as one row, as in the 2019 format, with the values "
                                "3 0 6 0 0 3 12: which of its 3 rows they belong to cannot be told");
    cft_release(&counts);
}

/* Row `row` of 三 (short label `label`) read as printed, `values`, its total broken by the report:
 * flagged, both rules it breaks (its own total, and 三(七)'s total column) fail, the row `holding`
 * next to it holds. */
static void expect_real_break(const cft_doc *d, const char *row, const char *label, const char *values,
                              const char *holding)
{
    cft_expect_row(d, "requests", row, values);
    cr_expect_eq(table_rule(d, "requests", "applicants", row), CF_RULE_FAIL);
    cr_expect_eq(table_rule(d, "requests", "results", "total"), CF_RULE_FAIL);
    cr_expect_eq(table_rule(d, "requests", "applicants", holding), CF_RULE_PASS);
    char text[256];
    snprintf(text, sizeof text, "requests.%s.total", row);
    cr_expect(cft_cell(d, text)->inferred);
    snprintf(text, sizeof text,
             "三 %s: its values stand apart from its name (PDF text in drawing order) and were taken as its by "
             "their place among the table's rows; its total does not hold",
             label);
    cft_expect_warning(d, text);
}

Test(layouts, pdf_raw_table_three_keeps_a_real_break)
{
    /* the same table with （三）2.'s total printed 226 for 10+21+32+43+54+65 = 225: the split never
     * moves a value to make it hold; the row stays as printed */
    cft_doc d;
    cft_read_file(&d, LAYOUTS "pdf_raw_rows_broken_2021.txt");
    expect_real_break(&d, "denied_law", "(三)2.法律法规禁止", "10 21 32 43 54 65 226", "denied_safety");
    cft_expect_row(&d, "requests", "denied_safety", "47 58 69 80 91 12 357");
    cft_release(&d);
}

Test(layouts, pdf_raw_table_three_first_cells_of_two_rows_printed_together)
{
    /* the same table with (一)'s total printed 280 for 79+90+11+22+33+44 = 279, and the first cells of
     * (一) and (二) printed one after the other beside their tall names ("79", "26"), then (一)'s
     * other cells, then (二)'s. (二) is read where its total holds, and (一) is read as printed, its
     * break shown: it is the report's, and it must not stay hidden behind a row left unread */
    cft_doc d;
    read_raw_rows(&d, LAYOUTS "pdf_raw_rows_interleaved_broken_2021.txt");
    expect_real_break(&d, "granted", "(一)予以公开", "79 90 11 22 33 44 280", "partial");
    cft_expect_row(&d, "requests", "partial", "26 37 48 59 70 81 321");
    cr_expect_eq(table_rule(&d, "requests", "results", "natural"), CF_RULE_PASS);
    cr_expect(cft_cell(&d, "requests.partial.natural")->inferred);
    cft_release(&d);
}

Test(layouts, pdf_raw_cells_the_text_cannot_place_are_left_empty)
{
    /* LibreOffice's PDF of an HTML table read by raw pdftotext (browsers/pdftotext-raw/r00): the
     * first cells of (三)3. and (三)4. (11 and 7) printed after later rows. Each row holds with 11, 7
     * as either its 自然人 or its 商业企业 cell, and 三(七)'s column sums hold both ways too: those four
     * cells stay empty, the rest of the rows is read, and a warning on each row says why */
    static const char *const rows[][2] = {{"denied_safety", "missing missing 13 11 7 17 66"},
                                           {"denied_third_party", "missing missing 7 3 0 3 31"},
                                           {"granted", "5 0 5 2 0 2 14"},
                                           {"partial", "5 0 17 11 13 7 53"}};
    cft_doc d;
    cft_read_file(&d, LAYOUTS "browsers/pdftotext-raw/r00.txt");
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
        cft_expect_row(&d, "requests", rows[i][0], rows[i][1]);
    cft_expect_warning(&d, "三 (三)3.三安全一稳定: its values stand apart from its name (PDF text in drawing order) "
                           "and were taken as its by their place among the table's rows; 2 cells could each be "
                           "another value printed apart, so they are left empty");
    cft_release(&d);
}

/* Read browsers/pdftotext-raw/`file` into d: its 一、本年新收 reads `new_row` (its 科研机构, 社会公益组织 and
 * 法律服务机构 printed in another order), inferred, and its 四 `carry_forward`; every column of the
 * balance (一+二 = 三(七)+四) holds. */
static void read_reordered(cft_doc *d, const char *file, const char *new_row, const char *carry_forward)
{
    static const char *const cols[] = {"natural", "business", "research", "social", "legal", "other", "total"};
    char path[256];
    snprintf(path, sizeof path, LAYOUTS "browsers/pdftotext-raw/%s", file);
    cft_read_file(d, path);
    cft_expect_row(d, "requests", "new", new_row);
    cft_expect_row(d, "requests", "carry_forward", carry_forward);
    cr_expect(cft_cell(d, "requests.new.legal")->inferred);
    for (size_t c = 0; c < sizeof cols / sizeof cols[0]; c++)
        cr_expect_eq(table_rule(d, "requests", "balance", cols[c]), CF_RULE_PASS, "%s: balance %s", file, cols[c]);
}

Test(layouts, pdf_raw_row_printed_in_its_own_column_order_is_read_from_the_column_sums)
{
    /* LibreOffice's PDF of an HTML table read by raw pdftotext (browsers/pdftotext-raw): 一、本年新收
     * prints its 科研机构, 社会公益组织 and 法律服务机构 cells in the order 法律服务, 科研, 社会. Its total
     * holds in any order; as printed the balance breaks in those three columns, and one other order only
     * makes every column hold: 一 is read in it, inferred, with a warning giving the printed order. The
     * balance then also tells 四's 社会/法律服务 cells apart in r00 (0 and 3, printed apart) */
    cft_doc d;
    read_reordered(&d, "r00.txt", "113 132 110 123 131 117 726", "1 3 0 0 3 1 8");
    cft_expect_warning(&d, "三 一、本年新收: as printed (113 132 131 110 123 117 726) it breaks 一+二 = 三(七)+四 in "
                           "some columns; only one other order of its cells makes every column hold, so its cells "
                           "were taken in that order from the column sums (科研机构 110, 社会组织 123, 法律服务机构 "
                           "131)");
    cft_release(&d);
    /* r02: the same, and the report's own break in (一)予以公开 still shows */
    read_reordered(&d, "r02.txt", "132 75 149 160 130 38 684", "3 3 3 1 1 3 14");
    cft_expect_row(&d, "requests", "granted", "1 2 17 7 1 1 28");
    cr_expect_eq(table_rule(&d, "requests", "applicants", "granted"), CF_RULE_FAIL);
    cr_expect_eq(table_rule(&d, "requests", "results", "natural"), CF_RULE_FAIL);
    cft_release(&d);
}

Test(layouts, pdf_raw_table_three_keeps_a_broken_balance)
{
    /* the same table as pdf_raw_rows_2021.txt, 一 placed by its order (its name after the table), the
     * report's own break: 一's 科研机构 printed 951, the value its 社会公益组织 needs, and that one 954, the
     * total their sum. Moving 951 to 社会公益组织 would make that column hold, but no order of the row
     * makes every column hold: 一 stays as printed and the balance's break shows */
    cft_doc d;
    cft_read_file(&d, LAYOUTS "pdf_raw_rows_unbalanced_2021.txt");
    cr_expect_null(cft_warning(&d, "from the column sums"), "%s", cft_warnings(&d));
    cr_expect_eq(table_rule(&d, "requests", "balance", "research"), CF_RULE_FAIL);
    cr_expect_eq(table_rule(&d, "requests", "balance", "total"), CF_RULE_FAIL);
    cr_expect_eq(table_rule(&d, "requests", "balance", "natural"), CF_RULE_PASS);
    cft_expect_row(&d, "requests", "new", "1062 1025 951 954 1004 1057 6053");
    cft_expect_row(&d, "requests", "results_total", "1059 1020 981 942 993 1044 6039");
    cft_release(&d);
}

Test(layouts, pdf_raw_blank_cells_are_placed_where_the_column_sums_hold)
{
    /* pdf_raw_rows_2021.txt's table with four cells blank, printing nothing: (三)3.'s 科研机构, (五)1.'s
     * 自然人 and 法律服务机构, (五)5.'s total. A short row's total holds wherever its blank is: the column
     * sums place each blank, the one placement under which every sum holds; the cells are inferred and
     * a warning on the row says where the blanks were taken to be */
    cft_doc d;
    read_raw_rows(&d, LAYOUTS "pdf_raw_rows_blanks_2021.txt");
    cft_expect_warning(&d, "三 (五)1.信访举报投诉: 5 values for its 7 cells, the others printed nothing (PDF text); "
                           "they were taken as blank in 自然人, 法律服务机构, the only columns where every sum of "
                           "the table holds");
    cr_expect(cft_cell(&d, "requests.rejected_petition.business")->inferred);
    cft_expect_row(&d, "requests", "rejected_petition", "missing 31 42 53 missing 75 201");
    cr_expect_eq(table_rule(&d, "requests", "results", "business"), CF_RULE_PASS);
    cft_expect_row(&d, "requests", "denied_safety", "47 58 missing 80 91 12 288");
    cr_expect_eq(table_rule(&d, "requests", "results", "research"), CF_RULE_UNASSESSABLE);
    cft_expect_row(&d, "requests", "rejected_confirm", "78 89 10 21 32 43 missing");
    cr_expect_eq(table_rule(&d, "requests", "results", "social"), CF_RULE_PASS);
    cr_expect_eq(table_rule(&d, "requests", "applicants", "denied_safety"), CF_RULE_UNASSESSABLE);
    cft_release(&d);
    /* the same with (三)6.'s total printed 304 for 303: the report's own break is read as printed and
     * shows; no blank is placed to make it hold, and as no placement makes every sum hold, the short
     * rows are left empty rather than guessed */
    read_raw_rows(&d, LAYOUTS "pdf_raw_rows_blanks_broken_2021.txt");
    cft_expect_row(&d, "requests", "denied_process", "68 79 90 11 22 33 304");
    cr_expect_eq(table_rule(&d, "requests", "applicants", "denied_process"), CF_RULE_FAIL);
    cft_expect_row(&d, "requests", "rejected_petition", "missing missing missing missing missing missing missing");
    cft_expect_warning(&d, "三 (五)1.信访举报投诉: 5 values for its 7 cells, the others printed nothing (PDF text); no "
                           "columns for its blank cells make every sum of the table hold (2 still break), so its "
                           "cells are left empty");
    cft_release(&d);
}

Test(layouts, pdf_raw_blank_cells_the_sums_cannot_place_are_left_empty)
{
    /* (三)2. prints "10 0 43 54 65 172", its 商业企业 blank beside a 科研机构 of 0: every sum holds with
     * the blank in either column, so those two cells stay empty, with a warning; the rest of the row
     * and the other short rows ((五)2.: two parts, (五)4.: its total) are read */
    cft_doc d;
    read_raw_rows(&d, LAYOUTS "pdf_raw_rows_blanks_tie_2021.txt");
    cft_expect_warning(&d, "三 (三)2.法律法规禁止: 6 values for its 7 cells, the others printed nothing (PDF text); "
                           "the table's sums hold as well with its blank cells in other columns, so 2 cells are "
                           "left empty");
    cft_expect_row(&d, "requests", "denied_law", "10 missing missing 43 54 65 172");
    cr_expect_eq(table_rule(&d, "requests", "results", "natural"), CF_RULE_PASS);
    cft_expect_row(&d, "requests", "rejected_repeat", "57 68 79 missing missing 22 226");
    cr_expect_eq(table_rule(&d, "requests", "applicants", "denied_law"), CF_RULE_UNASSESSABLE);
    cft_expect_row(&d, "requests", "rejected_massive", "41 52 63 74 85 6 missing");
    cft_release(&d);
}

/* mutool's text of a 2021 report with the names of 三(三)3. to 5. printed together and their 21 values
 * after them, one a line, (三)4.'s name printed name4 (NAME4, or "" cut away), its total total4 and
 * (三)5.'s total5 (1558 and 1101 as made). */
#define NAME4 "4.保护第三方合法权益\n"
static void read_names_apart(cft_doc *d, const char *name4, const char *total4, const char *total5)
{
    size_t len;
    char *src = cft_slurp(CF_FIXTURES "/converters/mutool/syn2021_sums.txt", &len);
    const char *names = "3.危及“三安全一稳定”\n", *last = "5.属于三类内部事务信息\n203\n214\n88\n178\n298\n120\n1101\n";
    char *at = strstr(src, names), *next = at ? strstr(at, last) : NULL;
    cr_assert(at && next);
    size_t size = len + 1;
    char *moved = malloc(size);
    cr_assert_not_null(moved);
    snprintf(moved, size,
             "%.*s%s%s5.属于三类内部事务信息\n122\n21\n305\n187\n226\n32\n893\n"
             "325\n389\n111\n250\n174\n309\n%s\n203\n214\n88\n178\n298\n120\n%s\n%s",
             (int)(at - src), src, names, name4, total4, total5, next + strlen(last));
    free(src);
    cft_read(d, moved);
    free(moved);
}

Test(layouts, pdf_raw_values_shared_out_in_order_with_one_row_broken_show_its_break)
{
    /* one broken row may be the report's own break: the rows are read in order and (三)4.'s break
     * shows, flagged */
    cft_doc d;
    read_names_apart(&d, NAME4, "1559", "1101");
    cr_expect_eq(table_rule(&d, "requests", "applicants", "denied_third_party"), CF_RULE_FAIL);
    cr_expect_eq(table_rule(&d, "requests", "applicants", "denied_internal"), CF_RULE_PASS);
    cft_expect_warning(&d, "三 (三)4.第三方权益: its values were printed apart from its label, after the names of "
                           "several rows ((三)3.三安全一稳定 … (三)5.内部事务), and were shared out in order; its sum "
                           "does not hold, so which value belongs where is a guess, check the row");
    cft_expect_row(&d, "requests", "denied_third_party", "325 389 111 250 174 309 1559");
    cft_release(&d);
}

Test(layouts, pdf_raw_values_shared_out_in_order_that_break_several_rows_are_left_unread)
{
    /* two rows broken (1559, 1102): the order is refuted, and no reading in blocks column by column
     * makes every row hold, so the three rows are left unread rather than called broken */
    cft_doc d;
    read_names_apart(&d, NAME4, "1559", "1102");
    cft_expect_warning(&d, "三 (三)3.三安全一稳定 … (三)5.内部事务: 21 values for 21 cells, printed apart from their "
                           "rows' names; shared out in order they break the sums of several rows, so which "
                           "value belongs to which cell cannot be told and they are left unread");
    cft_expect_row(&d, "requests", "denied_internal", "missing missing missing missing missing missing missing");
    cr_expect_eq(table_rule(&d, "requests", "applicants", "denied_third_party"), CF_RULE_UNASSESSABLE);
    cr_expect_eq(cft_found_in(&d, "requests.denied_safety."), 0);
    cft_release(&d);
}

Test(layouts, pdf_raw_row_whose_name_is_broken_is_read_where_the_values_fill_it_and_every_row_holds)
{
    /* raw pdftotext of a PDF printed by Chromium: (六)2.'s name is broken by 其他处 and 理, so 20 of
     * 三's 21 names (三)1. … 四、 are found, then 147 values: one row's more. Taken in where the form
     * puts it, the values fill the rows exactly and the blocks read column by column hold every row's
     * sum: (六)2. is read, inferred with its own warning, and so are its neighbours */
    cft_doc d;
    cft_read_file(&d, CF_FIXTURES "/converters/pdftotext-chromium/syn2021_sums.txt");
    cr_expect_eq(table_rule(&d, "requests", "applicants", "other_overdue_fee"), CF_RULE_PASS);
    cft_expect_row(&d, "requests", "other_overdue_fee", "379 397 332 46 232 149 1535");
    cft_expect_row(&d, "requests", "other_overdue_fix", "334 242 181 109 98 13 977");
    cft_expect_row(&d, "requests", "results_total", "3929 4481 4135 4350 3487 4644 25026");
    cr_expect(cft_cell(&d, "requests.other_overdue_fee.natural")->inferred);
    cr_expect(cft_cell(&d, "requests.other_overdue_fix.natural")->inferred);
    cft_expect_warning(&d, "三 (六)2.逾期未缴费: its name was not found among those of the rows (三)1.国家秘密 … "
                           "四、结转下年度, printed apart from their values (PDF text), but the values were as "
                           "many as those rows' cells and its own; read as its where the form puts it, check the "
                           "row");
    cft_release(&d);
}

Test(layouts, pdf_raw_row_whose_name_is_broken_is_left_unread_where_its_own_sum_fails)
{
    /* the same text with (六)2.'s total printed 1536 for 1535: the row taken in is not proven, no split
     * into blocks makes every row hold, so the rows are left unread rather than guessed */
    cft_doc d;
    size_t len;
    char *src = cft_slurp(CF_FIXTURES "/converters/pdftotext-chromium/syn2021_sums.txt", &len);
    char *total = strstr(src, "\n1535\n");
    cr_assert(total, "the fixture prints (六)2.'s total 1535");
    memcpy(total + 1, "1536", 4);
    cft_read(&d, src);
    free(src);
    cft_expect_warning(&d, "三 (三)1.国家秘密 … 四、结转下年度: 147 values for 147 cells, printed apart from their "
                           "rows' names; shared out in order they break the sums of several rows, so which value "
                           "belongs to which cell cannot be told and they are left unread");
    cft_expect_row(&d, "requests", "other_overdue_fee", "missing missing missing missing missing missing missing");
    cr_expect_eq(cft_found_in(&d, "requests.other_overdue_fix."), 0);
    cft_release(&d);
}

Test(layouts, pdf_raw_row_whose_name_is_cut_away_is_read_in_order_where_every_row_holds)
{
    /* (三)4.'s name cut away: 21 values for the 14 cells of the names found; (三)4. is taken in, the
     * rows read in order hold, and every one of them is inferred, (三)4. with its own warning */
    cft_doc d;
    read_names_apart(&d, "", "1558", "1101");
    cft_expect_row(&d, "requests", "denied_third_party", "325 389 111 250 174 309 1558");
    cft_expect_warning(&d, "三 (三)4.第三方权益: its name was not found among those of the rows (三)3.三安全一稳定 "
                           "… (三)5.内部事务, printed apart from their values (PDF text)");
    cr_expect(cft_cell(&d, "requests.denied_third_party.total")->inferred);
    cr_expect(cft_cell(&d, "requests.denied_internal.total")->inferred);
    cft_release(&d);
}

Test(layouts, pdf_raw_row_whose_name_is_cut_away_and_whose_sum_breaks_is_left_unread)
{
    /* the same with (三)4.'s total 1559: the row taken in is not proven, so the rows are left unread,
     * the warning naming the one broken sum rather than several */
    cft_doc d;
    read_names_apart(&d, "", "1559", "1101");
    cft_expect_warning(&d, "三 (三)3.三安全一稳定 … (三)5.内部事务: 21 values for 21 cells, printed apart from their "
                           "rows' names, a row's name between them not found; shared out in order with that row "
                           "taken in, a row's sum breaks");
    cr_expect_eq(cft_found_in(&d, "requests.denied_third_party."), 0);
    cr_expect_eq(table_rule(&d, "requests", "applicants", "denied_internal"), CF_RULE_UNASSESSABLE);
    cft_release(&d);
}

Test(layouts, pdf_raw_values_printed_column_by_column_in_blocks_are_read_where_every_row_holds)
{
    /* raw pdftotext of a PDF printed by Chromium: the values of 三's rows 二、 … 四、 follow their names
     * in blocks of rows, each block column by column (二、 and (一): 261 244, then 13 356 …). Shared
     * out in order twenty rows' sums fail; in the one split into such blocks under which every row
     * holds, every cell is right and the correct report breaks no rule */
    cft_doc d;
    cft_read_file(&d, CF_FIXTURES "/converters/pdftotext-chromium/syn2019_sums.txt");
    cr_expect(cft_cell(&d, "requests.granted.natural")->inferred);
    cft_expect_row(&d, "requests", "granted", "244 356 329 66 208 191 1394");
    cft_expect_row(&d, "requests", "carry_forward", "255 177 225 38 1 123 819");
    cft_expect_warning(&d, "三 (一)予以公开: its values were printed column by column with those of the rows "
                           "二、上年结转 … (一)予以公开 (PDF text); read so, every row's own sum holds, and under "
                           "no other split of the rows into such blocks, check the row");
    cr_expect_eq(table_rule(&d, "requests", "results", "natural"), CF_RULE_PASS);
    cr_expect_eq(table_rule(&d, "requests", "balance", "natural"), CF_RULE_PASS);
    cft_release(&d);
}

/* pdfminer's text of a 2021 report whose 三(三)6. and 7. come interleaved: both rows' first four cells,
 * then 法律服务机构 of each, then 其他 and 总计 of each ("44 · 15 · 27 1088 · 308 1299"), with `total6`
 * for 6.'s total (1088 as made). */
static void read_interleaved_pair(cft_doc *d, const char *total6)
{
    size_t len;
    char *src = cft_slurp(CF_FIXTURES "/converters/pdfminer/syn2021_sums.txt", &len);
    const char *pair = "\n27 1088\n";
    char *at = strstr(src, pair);
    cr_assert_not_null(at);
    char *text = malloc(len + 16);
    cr_assert_not_null(text);
    snprintf(text, len + 16, "%.*s\n27 %s\n%s", (int)(at - src), src, total6, at + strlen(pair));
    free(src);
    cft_read(d, text);
    free(text);
}

Test(layouts, pdf_two_rows_interleaved_read_in_the_one_order_where_both_totals_hold)
{
    /* read as printed, row by row, both totals broke (228 for 1506, 1299 for 1741), a false alarm on a
     * report that holds; one interleaving of the fourteen values makes both hold: read so, inferred */
    cft_doc d;
    read_interleaved_pair(&d, "1088");
    cft_expect_row(&d, "requests", "denied_process", "119 303 358 237 44 27 1088");
    cft_expect_row(&d, "requests", "denied_enforcement", "142 347 228 259 15 308 1299");
    cr_expect(cft_cell(&d, "requests.denied_process.legal")->inferred);
    cr_expect(cft_cell(&d, "requests.denied_enforcement.natural")->inferred);
    cr_expect_eq(table_rule(&d, "requests", "applicants", "denied_process"), CF_RULE_PASS);
    cft_expect_warning(&d, "三 (三)6.过程性信息: its values and those of (三)7.执法案卷 stand apart from their names");
    cft_expect_warning(&d, "三 (三)7.执法案卷: its values and those of (三)6.过程性信息 stand apart from their names");
    cft_release(&d);
}

Test(layouts, pdf_two_rows_interleaved_with_a_real_break_keep_it_shown)
{
    /* 6.'s total printed 1089: no interleaving makes both rows hold, so they are read as before, and
     * the break shows on them, flagged, rather than being explained away */
    cft_doc d;
    read_interleaved_pair(&d, "1089");
    cr_expect_eq(table_rule(&d, "requests", "applicants", "denied_process"), CF_RULE_FAIL);
    cr_expect(cft_cell(&d, "requests.denied_process.total")->inferred);
    cr_expect_null(strstr(cft_warnings(&d), "in an order of the text's own"), "warnings: %s", cft_warnings(&d));
    cft_release(&d);
}

Test(layouts, pdf_raw_values_in_blocks_under_the_column_headings_show_the_break_where_rows_hold)
{
    /* raw pdftotext of a PDF printed by Chromium (a real 2019 report): 三's rows 一、 … (一) print their
     * first four columns' values row by row, then 法律服务机构 and its three, (二)'s five (its tall name
     * printed apart), 其他 总计 and their six, (二)'s last two. Every row's sum holds whichever way each
     * block runs; where the readings differ ((一)'s 2: 自然人 or 科研机构) the cell is left unread, the
     * rest is read, and the report's own break (三(七) 总计 0, (一) 2) shows */
    cft_doc d;
    cft_read_file(&d, CF_FIXTURES "/converters/pdftotext-chromium/002_b895455aa8998ba0.txt");
    cr_expect_eq(table_rule(&d, "requests", "results", "total"), CF_RULE_FAIL);
    cft_expect_row(&d, "requests", "granted", "missing 0 missing 0 0 0 2");
    cr_expect(cft_cell(&d, "requests.new.total")->inferred);
    cft_expect_row(&d, "requests", "new", "2 0 0 0 0 0 2");
    cft_expect_row(&d, "requests", "partial", "0 0 0 0 0 0 0");
    cft_expect_warning(&d, "三 (一)予以公开: its values were printed in blocks under the column headings with those "
                           "of the rows 一、本年新收 … (二)部分公开 (PDF text); every row's own sum holds whether a "
                           "block runs row by row or column by column, and the cells on which those readings differ "
                           "are left unread, check the row");
    cft_release(&d);
}

/* The text of the fixture at path with each line edits[2k] printed edits[2k + 1] instead ("" drops the
 * line), edits ending with NULL. Caller frees. */
static char *edited_fixture(const char *path, const char *const *edits)
{
    size_t len;
    char *src = cft_slurp(path, &len);
    for (size_t k = 0; edits[k]; k += 2) {
        char line[64];
        snprintf(line, sizeof line, "\n%s\n", edits[k]);
        char *at = strstr(src, line);
        cr_assert(at, "%s prints a line %s", path, edits[k]);
        size_t size = strlen(src) + strlen(edits[k + 1]) + 2;
        char *out = malloc(size);
        cr_assert_not_null(out);
        snprintf(out, size, "%.*s%s%s%s", (int)(at + 1 - src), src, edits[k + 1], *edits[k + 1] ? "\n" : "",
                 at + strlen(line));
        free(src);
        src = out;
    }
    return src;
}

/* syn2021_sums through raw pdftotext of Chromium's PDF, 三 一、's total printed 25076 for 25075 and,
 * when both, 二、's 739 for 738. */
static void read_bands_broken(cft_doc *d, bool both)
{
    const char *edits[] = {"25075", "25076", both ? "738" : NULL, "739", NULL};
    char *src = edited_fixture(CF_FIXTURES "/converters/pdftotext-chromium/syn2021_sums.txt", edits);
    cft_read(d, src);
    free(src);
}

Test(layouts, pdf_raw_values_in_blocks_under_the_column_headings_are_read_where_every_row_holds)
{
    /* the same print of a 2021 report: 4 rows' first four columns row by row, then 法律服务机构, 其他
     * and 总计 with four values each; only the rows read so hold, and every cell is right */
    cft_doc d;
    cft_read_file(&d, CF_FIXTURES "/converters/pdftotext-chromium/syn2021_sums.txt");
    cft_expect_row(&d, "requests", "new", "3902 4260 4261 4281 3469 4902 25075");
    cft_expect_row(&d, "requests", "partial", "188 83 268 57 52 383 1031");
    cr_expect(cft_cell(&d, "requests.partial.legal")->inferred);
    cft_expect_warning(&d, "三 一、本年新收: its values were printed in blocks under the column headings with those of "
                           "the rows 一、本年新收 … (二)部分公开 (PDF text); read by those blocks, every row's own "
                           "sum holds, and no other such reading under which they hold gives this row other values, "
                           "check the row");
    cft_release(&d);
    /* one row's total broken: no reading holds every row, the ones breaking one row alone are read
     * and the report's break shows */
    read_bands_broken(&d, false);
    cft_expect_row(&d, "requests", "new", "3902 4260 4261 4281 3469 4902 25076");
    cr_expect_eq(table_rule(&d, "requests", "applicants", "new"), CF_RULE_FAIL);
    cft_expect_warning(&d, "三 二、上年结转: its values were printed in blocks under the column headings with those of "
                           "the rows 一、本年新收 … (二)部分公开 (PDF text); no reading of those blocks makes every "
                           "row's own sum hold");
    cft_release(&d);
}

Test(layouts, pdf_raw_values_in_blocks_under_the_column_headings_with_cells_printing_nothing_are_placed_by_the_sums)
{
    /* the same print of a 2021 report with 二、's total printed as nothing: 总计 has three values for
     * four rows. Where the blank goes only one way makes every other row's sum hold, so the rows are
     * read, 二、's total blank; with three blanks the rows are left unread */
    cft_doc d;
    cft_read_file(&d, CF_FIXTURES "/converters/pdftotext-chromium/syn2021_blanks.txt");
    cft_expect_row(&d, "requests", "carried_over", "70 29 16 209 219 151 missing");
    cft_expect_warning(&d, "三 二、上年结转: its values were printed in blocks under the column headings with those of "
                           "the rows 一、本年新收 … (二)部分公开 (PDF text), some cells printing nothing; those were "
                           "taken as blank where the rows' own sums place them");
    cr_expect(cft_cell(&d, "requests.new.total")->inferred);
    cft_expect_row(&d, "requests", "new", "4245 4593 4786 3949 3936 4428 25937");
    cft_release(&d);
    const char *edits[] = {"25075", "", "738", "", "1326", "", NULL};
    char *src = edited_fixture(CF_FIXTURES "/converters/pdftotext-chromium/syn2021_sums.txt", edits);
    cft_read(&d, src);
    free(src);
    cr_expect_eq(cft_found_in(&d, "requests.granted."), 0);
    cft_expect_warning(&d, "三 一、本年新收 … (二)部分公开: 16 values for 28 cells; which value belongs to which cell "
                           "cannot be told, so they are left unread");
    cft_release(&d);
}

Test(layouts, pdf_raw_values_in_blocks_under_the_column_headings_that_break_two_rows_are_left_unread)
{
    /* two rows' totals broken: every reading breaks two rows or more, so none is taken */
    cft_doc d;
    read_bands_broken(&d, true);
    cr_expect_eq(cft_found_in(&d, "requests.new."), 0);
    cr_expect_eq(cft_found_in(&d, "requests.partial."), 0);
    cft_expect_warning(&d, "三 一、本年新收 … (二)部分公开: 16 values for 28 cells; which value belongs to which cell "
                           "cannot be told, so they are left unread");
    cft_release(&d);
}

Test(layouts, pdf_raw_one_rows_values_in_blocks_under_the_column_headings_are_read_where_they_fill_it)
{
    /* raw pdftotext of Chromium's PDF: 三 一、's tall name alone, then its first four values, 法律服务机构
     * 3344, 其他 4440, 总计 23722: read as that row's, inferred. Without 4440 the headings' runs do not
     * fill the row, and it is read as before: four values, where the blanks are a guess */
    cft_doc d;
    cft_read_file(&d, CF_FIXTURES "/converters/pdftotext-chromium/syn2019_sums.txt");
    cft_expect_warning(&d, "三 一、本年新收: its values were printed in blocks, each after the headings of its columns "
                           "(PDF text); read so, check the row");
    cft_expect_row(&d, "requests", "new", "4042 3996 4322 3578 3344 4440 23722");
    cr_expect(cft_cell(&d, "requests.new.legal")->inferred);
    cft_release(&d);
    const char *edits[] = {"4440", "", NULL};
    char *src = edited_fixture(CF_FIXTURES "/converters/pdftotext-chromium/syn2019_sums.txt", edits);
    cft_read(&d, src);
    free(src);
    cft_expect_warning(&d, "三 一、本年新收: 4 values for 7 columns; which columns are blank is a guess, check the row");
    cr_expect_null(cft_warning(&d, "each after the headings of its columns"), "%s", cft_warnings(&d));
    cft_release(&d);
}

Test(layouts, pdf_raw_values_under_each_column_heading_go_to_the_rows_that_have_the_column)
{
    /* raw pdftotext of Chromium's PDF: 二's row names together, then each column's heading and its
     * values (本年制发件数 1062 1851 | … | 本年处理决定数量 1732 | 本年处理决定数量 989 927 | …); each
     * heading's values are the rows' that have the column, in the form's order, inferred and warned
     * on. 2019's form brings the same heading back for each group of rows (上一年项目数量 767 707 | … |
     * 上一年项目数量 1792 1369 | … | 上一年项目数量 1768) */
    static const char *const rows[][4] = {
        {"syn2021_sums.txt", "normative_docs", "1851 2597 2392", "二 规范性文件: its name was printed with those "
                                                                "of the rows 规章 … 行政事业性收费, and the values "
                                                                "apart under the column headings (PDF text); each "
                                                                "heading's values were read as those of the rows "
                                                                "that have the column, in the form's order"},
        {"syn2021_sums.txt", "licensing", "1732", "二 行政许可: its name was printed with those of the rows"},
        {"syn2021_sums.txt", "coercion", "927", "二 行政强制: its name was printed"},
        {"syn2021_sums.txt", "fees", "909.19", "二 行政事业性收费: its name was printed"},
        {"syn2019_sums.txt", "penalty", "1792 -59 1424", "二 行政处罚: its name was printed with those of the "
                                                         "rows 规章 … 政府集中采购"},
        {"syn2019_sums.txt", "fees", "1768 -58", "二 行政事业性收费: its name was printed"},
        {"syn2019_sums.txt", "procurement", "1313 963.14", "二 政府集中采购: its name was printed"}};
    for (size_t r = 0; r < sizeof rows / sizeof rows[0]; r++) {
        char path[256];
        snprintf(path, sizeof path, CF_FIXTURES "/converters/pdftotext-chromium/%s", rows[r][0]);
        cft_doc d;
        cft_read_file(&d, path);
        cft_expect_row(&d, "active", rows[r][1], rows[r][2]);
        cft_expect_warning(&d, rows[r][3]);
        cft_release(&d);
    }
}

Test(layouts, pdf_raw_values_under_the_column_headings_that_do_not_fill_the_rows_are_left_unread)
{
    /* 规范性文件's 1851 not printed: nine values for ten cells, so which row lacks one cannot be told
     * and none of the rows is read, the runs under the headings taken with them */
    cft_doc d;
    const char *edits[] = {"1851", "", NULL};
    char *src = edited_fixture(CF_FIXTURES "/converters/pdftotext-chromium/syn2021_sums.txt", edits);
    cft_read(&d, src);
    free(src);
    cr_expect_eq(cft_found_in(&d, "active.penalty."), 0);
    cr_expect_eq(cft_found_in(&d, "active.regulations."), 0);
    cft_expect_warning(&d, "二 规章 … 行政事业性收费: 9 values for 10 cells, printed under the column headings apart "
                           "from the rows' names; they do not fill the rows' cells, and nothing tells which cells "
                           "printed nothing, so they are left unread");
    cft_release(&d);
    /* so with two cells printing nothing: 本年制发件数 has one value for two rows; no value is handed
     * to 行政事业性收费 as the one after the names, and none stands under no row label */
    cft_read_file(&d, CF_FIXTURES "/converters/pdftotext-chromium/syn2021_blanks.txt");
    cr_expect_eq(cft_found_in(&d, "active.fees."), 0);
    cr_expect_null(cft_warning(&d, "二: 7 values under no row label"), "%s", cft_warnings(&d));
    cft_release(&d);
}

/* ---------- text columns printed apart (pdftotext -colspacing 0.3, older poppler's default) ----------
 * Each cell a block of its own: a row's values one or two a line, some of them printed after other rows'
 * under another row's name. A run of more values than its row's columns is looked at across rows. */

#define PART_THREE "三、收到和处理政府信息公开申请情况\n"
#define PART_FIVE "五、存在的主要问题及改进情况\n"
#define UNREAD_ROW "missing missing missing missing missing missing missing"

/* A report whose 三 has the values `run` (lines of their own) under 一、本年新收's name, then `after`. */
static void read_new_run(cft_doc *d, const char *run, const char *after)
{
    char text[1024];
    snprintf(text, sizeof text, "%s%s一、本年新收政府信息公开申请数量\n%s%s%s", PART_TWO_IN_ONE_ROW,
             PART_THREE, run, after, PART_FIVE);
    cft_read(d, text);
}

Test(layouts, run_whose_row_holds_out_of_step_is_left_unread)
{
    /* under 一、本年新收: 9 8, then 1 2 3 4 5 6 21 (a whole row, two values on), then 4: the first seven
     * break the row's total, seven from the third on hold. The values of several rows are mixed: the
     * row is not read from them, and the table calls nothing broken on its account */
    cft_doc d;
    read_new_run(&d, "9\n8\n1 2\n3\n4\n5 6\n21\n4\n", "二、上年结转政府信息公开申请数量 1 0 0 0 0 0 1\n");
    cft_expect_row(&d, "requests", "new", UNREAD_ROW);
    cft_expect_row(&d, "requests", "carried_over", "1 0 0 0 0 0 1");
    cr_expect_neq(table_rule(&d, "requests", "applicants", "new"), CF_RULE_FAIL);
    cft_expect_warning(&d,
                       "三 一、本年新收: 10 values under its name for 7 columns; the first 7 break its sum, "
                       "while the 7 from value 3 on hold as a row");
    cft_release(&d);
}

/* 一、本年新收's fourteen values read seven a row as printed: both rows' totals break */
#define TWO_BROKEN_ROWS "1\n2\n3 4\n5\n6\n7\n1\n1\n1 1\n1\n1\n1\n"

Test(layouts, run_whose_first_two_rows_break_in_step_is_left_unread_where_rows_print_apart)
{
    /* （二）部分公开 printed under （一）予以公开's name shows the table printing rows apart: there two
     * broken rows in step refute the order (one could be the report's; two are the reading's), the row is
     * unread */
    cft_doc d;
    read_new_run(&d, TWO_BROKEN_ROWS, "（一）予以公开\n1\n0\n0 0\n0\n0\n1\n2\n0\n0 0\n0\n0 2\n");
    cft_expect_row(&d, "requests", "new", UNREAD_ROW);
    cft_expect_row(&d, "requests", "partial", "2 0 0 0 0 0 2");
    cft_expect_warning(
        &d, "三 一、本年新收: 14 values under its name for 7 columns; read 7 a row as printed, the "
            "sums of its row and of the next (from value 8) both break, and this table's text prints "
            "rows' values apart");
    cft_release(&d);
}

Test(layouts, run_whose_first_two_rows_break_in_step_is_read_as_printed_where_nothing_shows_rows_apart)
{
    /* the same run alone: a report may be broken in many rows, so the row is read as printed and breaks */
    cft_doc d;
    read_new_run(&d, TWO_BROKEN_ROWS, "");
    cft_expect_row(&d, "requests", "new", "1 2 3 4 5 6 7");
    cr_expect_eq(table_rule(&d, "requests", "applicants", "new"), CF_RULE_FAIL);
    cft_expect_warning(&d, "三 一、本年新收: 7 more values than the 7 columns; the extra ones are ignored");
    cft_release(&d);
}

Test(layouts, run_broken_by_the_report_with_the_next_row_holding_in_step_shows_the_break)
{
    /* the same run with the next seven holding: the first row's break may be the report's own, so it
     * is read as printed and its broken total shows */
    cft_doc d;
    read_new_run(&d, "1\n2\n3 4\n5\n6\n99\n1\n0\n0 0\n0\n0\n1\n", "");
    cft_expect_row(&d, "requests", "new", "1 2 3 4 5 6 99");
    cr_expect_eq(table_rule(&d, "requests", "applicants", "new"), CF_RULE_FAIL);
    cr_expect_null(cft_warning(&d, "under its name for 7 columns"), "%s", cft_warnings(&d));
    cft_release(&d);
}

Test(layouts, values_on_one_line_are_one_printed_row_never_rows_out_of_step)
{
    /* the same values on one line: a printed row whose extra values are strays, read as before */
    cft_doc d;
    cft_read(&d, PART_TWO_IN_ONE_ROW PART_THREE
             "一、本年新收政府信息公开申请数量 1 2 3 4 5 6 7 1 1 1 1 1 1 1\n" PART_FIVE);
    cft_expect_row(&d, "requests", "new", "1 2 3 4 5 6 7");
    cft_expect_warning(&d, "三 一、本年新收: 7 more values than the 7 columns; the extra ones are ignored");
    cft_release(&d);
}

/* Row `row` of 三 read as `values`, its first and last cells inferred (placed by the sums) or not. */
static void expect_placed(const cft_doc *d, const char *row, const char *values, bool inferred)
{
    cft_expect_row(d, "requests", row, values);
    const char *columns[] = {"natural", "total"};
    for (size_t c = 0; c < 2; c++) {
        char id[96];
        snprintf(id, sizeof id, "requests.%s.%s", row, columns[c]);
        cr_expect_eq(cft_cell(d, id)->inferred, inferred, "%s: inferred %d", id, !inferred);
    }
}

Test(layouts, next_rows_printed_under_a_rows_name_are_read_where_their_names_gave_none)
{
    /* under （一）予以公开 its own seven (holding), then seven holding as (二)部分公开, then seven holding as
     * (三)1.国家秘密; their names come later, each with one value that is not theirs. The rows are read
     * from the run, each inferred and said; a row read whole by its own name keeps its reading and ends
     * the chain: 2.法律法规禁止 is read as printed under its name, not from the run */
    cft_doc d;
    cft_read(&d, PART_TWO_IN_ONE_ROW PART_THREE
             "一、本年新收政府信息公开申请数量 9 0 0 0 0 0 9\n"
             "（一）予以公开\n1\n0\n0 0\n0\n0\n1\n2\n0\n0 0\n0\n0 2\n3\n0\n0 0\n0\n0 3\n4\n0\n0 0\n0\n0 4\n"
             "（二）部分公开（区分处理的，只计这一情形，不计其他情形）\n7\n"
             "1.属于国家秘密\n8\n"
             "2.其他法律行政法规禁止公开 0 5 0 0 0 0 5\n" PART_FIVE);
    expect_placed(&d, "granted", "1 0 0 0 0 0 1", false);
    expect_placed(&d, "partial", "2 0 0 0 0 0 2", true);
    expect_placed(&d, "denied_secret", "3 0 0 0 0 0 3", true);
    expect_placed(&d, "denied_law", "0 5 0 0 0 0 5", false);
    cft_expect_warning(
        &d, "三 (一)予以公开: 21 more values than the 7 columns; the next 3 rows of the form ((二)部分公开 "
            "… (三)2.法律法规禁止) hold whole one after another in the 21 after its own");
    cft_expect_warning(
        &d, "三 (二)部分公开: its values were printed under the name of (一)予以公开, after that row's "
            "own");
    cft_expect_warning(&d, "三 (三)1.国家秘密: its values were printed under the name of (一)予以公开");
    cr_expect_null(cft_warning(&d, "三 (三)2.法律法规禁止: its values were printed under"), "%s",
                   cft_warnings(&d));
    cr_expect_null(cft_warning(&d, "which columns are blank is a guess"), "%s", cft_warnings(&d));
    cft_release(&d);
}

Test(layouts, row_split_between_its_name_and_the_next_rows_is_read_where_both_totals_hold)
{
    /* （一）予以公开's first two values under its name, its other five under （二）部分公开's before that
     * row's own seven, then (三)1.国家秘密's seven: with the first row's two, the five make its total hold,
     * and the seven after them hold as the next row. Both rows read so, inferred, said; the row after them
     * read from the run where its name gave it no whole row */
    cft_doc d;
    cft_read(&d, PART_TWO_IN_ONE_ROW PART_THREE "一、本年新收政府信息公开申请数量 9 0 0 0 0 0 9\n"
                                                "（一）予以公开\n1\n2\n"
                                                "（二）部分公开（区分处理的，只计这一情形，不计其他情形）\n3"
                                                "\n4 0\n0\n10\n5\n0\n0 0\n0\n0 5\n6\n0\n0 0\n0\n0\n6\n"
                                                "1.属于国家秘密\n8\n" PART_FIVE);
    expect_placed(&d, "granted", "1 2 3 4 0 0 10", true);
    expect_placed(&d, "partial", "5 0 0 0 0 0 5", true);
    expect_placed(&d, "denied_secret", "6 0 0 0 0 0 6", true);
    cft_expect_warning(
        &d, "三 (一)予以公开: its values stand 2 under its name and 5 under the name of (二)部分公开, before "
            "that row's own");
    cft_expect_warning(
        &d, "三 (二)部分公开: its values stand under its name after 5 of (一)予以公开's, where its total "
            "holds");
    cft_expect_warning(&d, "三 (三)1.国家秘密: its values were printed under the name of (二)部分公开");
    cr_expect_null(cft_warning(&d, "which columns are blank is a guess"), "%s", cft_warnings(&d));
    cft_release(&d);
}

/* 三 with (三)1.国家秘密 printed "5" alone (its blanks a guess, 5 taken as 自然人) and （七）总计 whole:
 * 自然人's column then sums to more than its total. `granted` prints （一）予以公开 and （二）部分公开. */
static void read_short_row_against_total(cft_doc *d, const char *granted)
{
    char text[1024];
    snprintf(text, sizeof text,
             "%s%s一、本年新收政府信息公开申请数量 9 0 0 0 0 0 9\n%s1.属于国家秘密\n5\n（七）总计 3 0 0 0 0 "
             "0 3\n%s",
             PART_TWO_IN_ONE_ROW, PART_THREE, granted, PART_FIVE);
    cft_read(d, text);
}

Test(layouts, short_row_guess_the_column_sums_refute_is_left_unread_where_rows_print_apart)
{
    /* （二）部分公开 printed under （一）予以公开's name: the table prints rows apart, so the lone 5 is as
     * likely another row's; placed as 自然人 it breaks 三(七)'s column, which without it can still hold:
     * unread */
    cft_doc d;
    read_short_row_against_total(&d, "（一）予以公开\n1\n0\n0 0\n0\n0\n1\n2\n0\n0 0\n0\n0 2\n");
    cft_expect_row(&d, "requests", "partial", "2 0 0 0 0 0 2");
    expect_placed(&d, "denied_secret", UNREAD_ROW, true);
    cr_expect_neq(table_rule(&d, "requests", "results", "natural"), CF_RULE_FAIL);
    cft_expect_warning(
        &d, "三 (三)1.国家秘密: 1 value for 7 columns, its blanks placed by a guess; this table's text "
            "prints rows' values apart, and so placed it breaks 三(七) = ");
    cft_release(&d);
}

Test(layouts, short_row_guess_stays_and_its_break_shows_where_rows_print_in_place)
{
    /* the same rows each under its own name: nothing shows the rows printed apart, so the guess stays
     * (flagged) and 三(七)'s column is broken as the report has it */
    cft_doc d;
    read_short_row_against_total(
        &d, "（一）予以公开 1 0 0 0 0 0 1\n（二）部分公开（区分处理的，只计这一情形，不计其他情形） 2 0 0 0 "
            "0 0 2\n");
    cft_expect_row(&d, "requests", "denied_secret", "5 missing missing missing missing missing missing");
    cr_expect(cft_cell(&d, "requests.denied_secret.natural")->inferred);
    cr_expect_eq(table_rule(&d, "requests", "results", "natural"), CF_RULE_FAIL);
    cr_expect_null(cft_warning(&d, "its blanks placed by a guess; this table's text"), "%s",
                   cft_warnings(&d));
    cft_release(&d);
}
