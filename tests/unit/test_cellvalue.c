/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Cell kinds: what the text of one table cell says. */
#include "cf_test.h"

#include "cellvalue.h"
#include "utf8.h"

static cf_item it;
static char note[64];

static bool parse(const char *s) { return cf_cell_parse(s, &it, note, sizeof note); }

static const char *value(void)
{
    static char buf[32];
    return cf_decimal_format(it.value, buf);
}

Test(cellvalue, plain_numbers)
{
    cr_assert(parse("12"));
    cr_expect_eq(it.kind, CF_ITEM_NUMBER);
    cr_expect_str_eq(value(), "12");
    cr_assert(parse(" 0 "));
    cr_expect_str_eq(value(), "0");
    cr_assert(parse("１，０３６"));
    cr_expect_str_eq(value(), "1036");
    cr_assert(parse("888.0113"));
    cr_expect_str_eq(value(), "888.0113");
}

Test(cellvalue, not_applicable_is_never_zero)
{
    const char *na[] = {"/", "-", "—", "——", "－", "／", " / "};
    for (size_t i = 0; i < sizeof na / sizeof *na; i++) {
        cr_assert(parse(na[i]), "'%s'", na[i]);
        cr_expect_eq(it.kind, CF_ITEM_NA, "'%s' is not applicable", na[i]);
        cr_expect_eq(it.value.coef, 0);
    }
}

Test(cellvalue, blank)
{
    cr_expect(parse(""));
    cr_expect_eq(it.kind, CF_ITEM_EMPTY);
    cr_expect(parse(" \xE3\x80\x80 "));
    cr_expect_eq(it.kind, CF_ITEM_EMPTY);
}

Test(cellvalue, number_with_a_note_keeps_the_note)
{
    cr_assert(parse("22（其中修订16件）"));
    cr_expect_eq(it.kind, CF_ITEM_NUMBER);
    cr_expect_str_eq(value(), "22");
    cr_expect_str_eq(note, "其中修订16件");
    cr_assert(parse("22 (其中修订16件)"));
    cr_expect_str_eq(value(), "22");
    cr_expect_str_eq(note, "其中修订16件");
}

Test(cellvalue, units)
{
    cr_assert(parse("5万元"));
    cr_expect_str_eq(value(), "5");
    cr_expect_str_eq(it.unit, "万元");
    cr_assert(parse("251000元"));
    cr_expect_str_eq(value(), "251000");
    cr_expect_str_eq(it.unit, "元");
    cr_assert(parse("3 件"));
    cr_expect_str_eq(value(), "3");
    cr_expect_str_eq(it.unit, "件");
    cr_assert(parse("12.5 万元"));
    cr_expect_str_eq(value(), "12.5");
}

Test(cellvalue, more_units)
{
    const char *cases[][3] = {{"5万", "5", "万"}, {"3起", "3", "起"}, {"12人次", "12", "人次"}, {"2例", "2", "例"},
                              {"7 人", "7", "人"}};
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        cr_assert(parse(cases[i][0]), "'%s' is one value", cases[i][0]);
        cr_expect_str_eq(value(), cases[i][1], "'%s'", cases[i][0]);
        cr_expect_str_eq(it.unit, cases[i][2], "'%s'", cases[i][0]);
    }
}

Test(cellvalue, signed_changes)
{
    cr_assert(parse("增加 36 件"));
    cr_expect_str_eq(value(), "36");
    cr_expect(it.signed_word);
    cr_assert(parse("减少 3 件"));
    cr_expect_str_eq(value(), "-3");
    cr_assert(parse("减少3件"));
    cr_expect_str_eq(value(), "-3");
    cr_assert(parse("增36"));
    cr_expect_str_eq(value(), "36");
    cr_assert(parse("+1036"));
    cr_expect_str_eq(value(), "1036");
    cr_expect(it.signed_word);
    cr_assert(parse("-3"));
    cr_expect_str_eq(value(), "-3");
    cr_assert(parse("减少 0 件"));
    cr_expect_str_eq(value(), "0");
}

Test(cellvalue, numbered_labels_are_text)
{
    const char *text[] = {"1.", "1.属于国家秘密", "3.其他", "2022年度", "第二十条", "3.2.1", "1、", "(一)"};
    for (size_t i = 0; i < sizeof text / sizeof *text; i++) {
        cr_expect_not(parse(text[i]), "'%s' is not a value", text[i]);
        cr_expect_eq(it.kind, CF_ITEM_TEXT, "'%s' is text (kind %d)", text[i], it.kind);
    }
}

Test(cellvalue, a_list_number_with_a_space_before_its_dot_is_text)
{
    /* text recognition prints "4.保护第三方合法权益" as "4 .保护…": the 4 is the name's, not a value */
    const char *s = "4 .保护第三方合法权益 0 2 、其他 12";
    const cf_item_kind kinds[] = {CF_ITEM_TEXT, CF_ITEM_NUMBER, CF_ITEM_TEXT, CF_ITEM_NUMBER};
    cf_item_list list;
    cf_item_list_init(&list);
    cr_assert(cf_lex_field(s, strlen(s), &list));
    cr_expect_eq(list.count, 4, "%zu items", list.count);
    for (size_t i = 0; i < list.count && i < 4; i++)
        cr_expect_eq(list.items[i].kind, kinds[i], "item %zu: '%.*s'", i,
                     (int)(list.items[i].end - list.items[i].start), s + list.items[i].start);
    cr_expect_eq(list.count > 3 ? list.items[3].value.coef : 0, 12);
    cf_item_list_release(&list);
}

Test(cellvalue, numbers_that_cannot_be_held_exactly_are_invalid)
{
    const char *bad[] = {"99999999999999999999", "1e30", "1E+30", "2.5e-3", "0.0000000001"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        cr_assert(parse(bad[i]), "'%s' is one value", bad[i]);
        cr_expect_eq(it.kind, CF_ITEM_BAD, "'%s' is invalid, not a wrong number (kind %d)", bad[i], it.kind);
    }
}

Test(cellvalue, digits_misread_as_letters_are_a_value_that_cannot_be_read)
{
    /* OCR prints O for 0, l for 1, Z for 2: a value, so the row keeps its columns, never a number */
    const char *misread[] = {"O", "l", "Z", "1O", "l2", "2O5"};
    for (size_t i = 0; i < sizeof misread / sizeof *misread; i++) {
        cr_assert(parse(misread[i]), "'%s' is one value", misread[i]);
        cr_expect_eq(it.kind, CF_ITEM_BAD, "'%s' is invalid, not a number (kind %d)", misread[i], it.kind);
        cr_expect_eq(it.bad, CF_BAD_LETTERS, "'%s' is said to be misread", misread[i]);
    }
    const char *words[] = {"is", "so", "ISO", "OK", "lO2abc", "A"};
    for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
        cr_expect_not(parse(words[i]), "'%s' is not a value", words[i]);
        cr_expect_eq(it.kind, CF_ITEM_TEXT, "'%s' is text (kind %d)", words[i], it.kind);
    }
}

Test(cellvalue, commas_that_do_not_group_thousands_are_a_value_that_cannot_be_read)
{
    /* a decimal point read as a comma, or a misprint: a value, never words and never a guess */
    const char *bad[] = {"888,0113", "12,34", "8,88", "1,2345.5"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        cr_assert(parse(bad[i]), "'%s' is one value", bad[i]);
        cr_expect_eq(it.kind, CF_ITEM_BAD, "'%s' is invalid (kind %d)", bad[i], it.kind);
        cr_expect_eq(it.bad, CF_BAD_GROUPING, "'%s': its commas are named", bad[i]);
    }
    cr_assert(parse("1,234"));
    cr_expect_eq(it.kind, CF_ITEM_NUMBER, "1,234 groups its thousands");
    cr_expect_not(parse("3.2.1"), "a numbering stays text");
}

Test(cellvalue, two_values_are_not_one_cell)
{
    cr_expect_not(parse("1 2"));
    cr_expect_eq(it.kind, CF_ITEM_TEXT);
}

Test(cellvalue, lexing_a_line_into_words_and_values)
{
    const char *s = "行政许可 22 增加 36 件 58";
    cf_item_list list;
    cf_item_list_init(&list);
    cr_assert(cf_lex_field(s, strlen(s), &list));
    cr_assert_eq(list.count, 4);
    cr_expect_eq(list.items[0].kind, CF_ITEM_TEXT);
    cr_expect_eq(list.items[1].kind, CF_ITEM_NUMBER);
    cr_expect_eq(list.items[2].kind, CF_ITEM_NUMBER);
    cr_expect_eq(list.items[2].value.coef, 36);
    cr_expect_str_eq(list.items[2].unit, "件");
    cr_expect_eq(list.items[3].value.coef, 58);
    /* positions point at the text */
    cr_expect_eq(strncmp(s + list.items[2].start, "增加 36 件", list.items[2].end - list.items[2].start), 0);
    cf_item_list_release(&list);
}

/* ---------- the same kinds seen through extraction (a user sees cells and warnings) ---------- */

static const char HEAD[] = "二、主动公开政府信息情况\n"
                           "信息内容 本年制发件数 本年废止件数 现行有效件数\n";
static const char TAIL[] = "三、收到和处理政府信息公开申请情况\n"
                           "一、本年新收政府信息公开申请数量 1 0 0 0 0 0 1\n"
                           "五、存在的主要问题及改进情况\n";

static void read_active(cft_doc *d, const char *rows)
{
    static char buf[4096];
    snprintf(buf, sizeof buf, "%s%s%s", HEAD, rows, TAIL);
    cft_read(d, buf);
}

Test(cellvalue, extraction_keeps_not_applicable_apart_from_zero)
{
    cft_doc d;
    read_active(&d, "规章 / 0 —\n行政规范性文件 - 22（其中修订16件） 3\n");
    cft_expect_row(&d, "active", "regulations", "n/a 0 n/a");
    cft_expect_row(&d, "active", "normative_docs", "n/a 22 3");
    const cf_cell *c = cft_cell(&d, "active.normative_docs.repealed");
    cr_expect_str_eq(c->note ? c->note : "(none)", "其中修订16件");
    cft_release(&d);
}

Test(cellvalue, amount_in_yuan_in_a_wanyuan_column_is_flagged_by_cell)
{
    cft_doc d;
    read_active(&d, "规章 0 0 0\n本年收费金额（单位：万元）\n行政事业性收费 251000元\n");
    cft_expect(&d, "active.fees.amount", "251000"); /* as printed, never converted */
    const cf_warning *w = cft_warning(&d, "行政事业性收费 · 收费金额(万元)");
    cr_assert_not_null(w, "no warning names the cell: %s", cft_warnings(&d));
    cr_expect(strstr(w->message, "元") && strstr(w->message, "万元"), "%s", w->message);
    cr_expect_eq(w->cell, cf_template_find_cell(d.tpl, "active.fees.amount"));
    cft_release(&d);
}

Test(cellvalue, amount_in_wanyuan_is_not_flagged)
{
    cft_doc d;
    read_active(&d, "规章 0 0 0\n行政事业性收费 5万元\n");
    cft_expect(&d, "active.fees.amount", "5");
    cr_expect_null(cft_warning(&d, "行政事业性收费 · 收费金额(万元)"), "%s", cft_warnings(&d));
    cft_release(&d);
    read_active(&d, "规章 0 0 0\n行政事业性收费 2.5万\n");
    cft_expect(&d, "active.fees.amount", "2.5");
    cr_expect_null(cft_warning(&d, "行政事业性收费 · 收费金额(万元)"), "'2.5万' is 2.5 万元: %s", cft_warnings(&d));
    cft_release(&d);
}

Test(cellvalue, decimal_amount_is_exact)
{
    cft_doc d;
    read_active(&d, "规章 0 0 0\n行政事业性收费 888.0113\n");
    const cf_cell *c = cft_cell(&d, "active.fees.amount");
    cr_assert_eq(c->state, CF_CELL_NUMBER);
    cr_expect_eq(c->value.coef, 8880113);
    cr_expect_eq(c->value.scale, 4);
    cft_release(&d);
}

Test(cellvalue, decimals_in_a_count_column_are_flagged)
{
    cft_doc d;
    read_active(&d, "规章 1.5 0 0\n");
    const cf_warning *w = cft_warning(&d, "规章 · 本年制发件数");
    cr_expect_not_null(w, "%s", cft_warnings(&d));
    cft_release(&d);
}

Test(cellvalue, huge_numbers_are_invalid_with_a_warning)
{
    cft_doc d;
    read_active(&d, "规章 99999999999999999999 1e30 0\n");
    cft_expect_row(&d, "active", "regulations", "invalid invalid 0");
    cr_expect_not_null(cft_warning(&d, "规章 · 本年制发件数"), "%s", cft_warnings(&d));
    cr_expect_not_null(cft_warning(&d, "规章 · 本年废止件数"), "%s", cft_warnings(&d));
    cft_release(&d);
}

Test(cellvalue, a_digit_misread_as_a_letter_keeps_the_rows_columns_and_is_flagged)
{
    /* "Z" for 2 in the first column: read as text, the row's other values would shift left one column
     * and a blank would be found at its end */
    cft_doc d;
    read_active(&d, "规章 Z 0 5\n行政规范性文件 O 1O 3\n");
    cft_expect_row(&d, "active", "regulations", "invalid 0 5");
    cft_expect_row(&d, "active", "normative_docs", "invalid invalid 3");
    cr_expect_not_null(cft_warning(&d, "规章 · 本年制发件数: 'Z' is not a number: letters where digits should be"), "%s",
                       cft_warnings(&d));
    cr_expect_not_null(cft_warning(&d, "规范性文件 · 本年废止件数: '1O' is not a number: letters"), "%s",
                       cft_warnings(&d));
    cft_release(&d);
    /* commas that do not group thousands: the cell is flagged, its neighbours keep their columns */
    read_active(&d, "规章 888,0113 0 5\n行政规范性文件 1 2 3\n");
    cft_expect_row(&d, "active", "regulations", "invalid 0 5");
    cr_expect_not_null(cft_warning(&d, "规章 · 本年制发件数: '888,0113' is not a number: its commas do not group"),
                       "%s", cft_warnings(&d));
    cft_release(&d);
    /* a Word copy's tab fields end with an empty one: the shifted row would have read as a blank at its end */
    read_active(&d, "规章\tZ\t0\t5\t\n行政规范性文件\t1\t2\t3\t\n");
    cft_expect_row(&d, "active", "regulations", "invalid 0 5");
    cft_release(&d);
}

Test(cellvalue, a_cell_holding_two_values_beside_a_blank_makes_the_blanks_place_a_guess)
{
    /* OCR merged two cells ("7 8") and left one empty: whether the blank is the last column, as the
     * count says, or another, the text cannot tell. Said on the row and on every cell of it. */
    static const char *const rows[] = {"| 规章 | 7 8 |  |\n| 行政规范性文件 | 1 | 2 | 3 |\n",
                                       "规章\t\t7 8\n行政规范性文件\t1\t2\t3\n"};
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
        cft_doc d;
        read_active(&d, rows[i]);
        cr_expect(cft_cell(&d, "active.regulations.issued")->inferred, "%s", rows[i]);
        cr_expect(cft_cell(&d, "active.regulations.in_force")->inferred, "%s", rows[i]);
        cr_expect_not_null(cft_warning(&d, "二 规章: 2 values for 3 columns; which columns are blank is a guess"),
                           "%s: %s", rows[i], cft_warnings(&d));
        cft_release(&d);
    }
    /* two values in one cell but none missing: read in order, as printed */
    cft_doc d;
    read_active(&d, "| 规章 | 7 8 | 5 |\n| 行政规范性文件 | 1 | 2 | 3 |\n");
    cft_expect_row(&d, "active", "regulations", "7 8 5");
    cr_expect_not(cft_cell(&d, "active.regulations.issued")->inferred);
    cft_release(&d);
}

Test(cellvalue, numbered_labels_never_become_values)
{
    /* "1." on its own and "1.属于国家秘密" are labels; the row's values follow */
    cft_doc d;
    cft_read(&d, "三、收到和处理政府信息公开申请情况\n"
                 "（三）不予公开\n1.\n属于国家秘密 5 0 0 0 0 0 5\n"
                 "2.其他法律行政法规禁止公开 1 0 0 0 0 0 1\n"
                 "五、存在的主要问题及改进情况\n");
    cft_expect_row(&d, "requests", "denied_secret", "5 0 0 0 0 0 5");
    cft_expect_row(&d, "requests", "denied_law", "1 0 0 0 0 0 1");
    cft_release(&d);
}

static size_t lex(const char *s, cf_item_list *list)
{
    cf_item_list_init(list);
    cr_assert(cf_lex_field(s, strlen(s), list));
    return list->count;
}

Test(cellvalue, number_glued_to_its_label_is_split_off)
{
    cf_item_list l;
    cr_assert_eq(lex("（一）予以公开31 32", &l), 3);
    cr_expect_eq(l.items[0].kind, CF_ITEM_TEXT);
    cr_expect_eq(l.items[1].kind, CF_ITEM_NUMBER);
    cr_expect_eq(l.items[1].value.coef, 31);
    cf_item_list_release(&l);
    cr_assert_eq(lex("增加36", &l), 1);
    cr_expect_eq(l.items[0].value.coef, 36);
    cf_item_list_release(&l);
    cr_assert_eq(lex("减少3", &l), 1);
    cr_expect_eq(l.items[0].value.coef, -3);
    cf_item_list_release(&l);
    /* words that merely hold digits stay words */
    const char *words[] = {"2022年度", "1.属于国家秘密", "第二十条第(五)项", "A4", "3.其他"};
    for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
        cr_assert_eq(lex(words[i], &l), 1, "'%s'", words[i]);
        cr_expect_eq(l.items[0].kind, CF_ITEM_TEXT, "'%s' is a word", words[i]);
        cf_item_list_release(&l);
    }
}

Test(cellvalue, extraction_of_rows_with_glued_numbers)
{
    cft_doc d;
    cft_read(&d, "三、收到和处理政府信息公开申请情况\n"
                 "一、本年新收政府信息公开申请数量11 12 13 14 15 16 17\n"
                 "（一）予以公开31 32 33 34 35 36 37\n"
                 "（七）总计0 0 0 0 0 0 0\n");
    cft_expect_row(&d, "requests", "new", "11 12 13 14 15 16 17");
    cft_expect_row(&d, "requests", "granted", "31 32 33 34 35 36 37");
    cft_expect_row(&d, "requests", "results_total", "0 0 0 0 0 0 0");
    cr_expect_null(cft_warning(&d, "values for 7 columns"), "%s", cft_warnings(&d));
    cft_release(&d);
}

Test(cellvalue, a_line_of_dashes_for_not_applicable_is_not_a_rule_line)
{
    /* "- - - - -" and "－ － －" are cells saying "not applicable", not a table border */
    cft_doc d;
    cft_read(&d, "三、收到和处理政府信息公开申请情况\n"
                 "一、本年新收政府信息公开申请数量 1 0 0 0 0 0 1\n"
                 "二、上年结转政府信息公开申请数量\n"
                 "－ － － － － － －\n"
                 "（一）予以公开\t-\t-\t-\t-\t-\t-\t-\n"
                 "四、政府信息公开行政复议、行政诉讼情况\n"
                 "行政复议 行政诉讼\n"
                 "- - - - - - - - - - - - - - -\n");
    cft_expect_row(&d, "requests", "carried_over", "n/a n/a n/a n/a n/a n/a n/a");
    cft_expect_row(&d, "requests", "granted", "n/a n/a n/a n/a n/a n/a n/a");
    cft_expect_row(&d, "appeals", "review", "n/a n/a n/a n/a n/a");
    cft_expect_row(&d, "appeals", "suit_after_review", "n/a n/a n/a n/a n/a");
    cft_release(&d);
}

Test(cellvalue, a_warning_quoting_a_long_cell_stays_valid_text)
{
    /* a cell with a long note in a count column: the warning quotes it cut at a character */
    char rows[4096] = "规章 1.5（";
    for (int i = 0; i < 200; i++)
        strcat(rows, "说明");
    strcat(rows, "） 0 0\n");
    cft_doc d;
    read_active(&d, rows);
    const cf_warning *w = cft_warning(&d, "规章 · 本年制发件数");
    cr_assert_not_null(w, "%s", cft_warnings(&d));
    size_t bad;
    cr_expect(cf_utf8_valid(w->message, strlen(w->message), &bad), "invalid UTF-8 at %zu: %s", bad, w->message);
    cr_expect_lt(strlen(w->message), 200);
    cr_expect(strstr(w->message, "…"), "the cut is shown: %s", w->message);
    cft_release(&d);
}
