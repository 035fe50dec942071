/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Markdown with raw HTML tables (pandoc, PDF/OCR-to-markdown tools): the tables read as the web
 * page reader reads them, pandoc's inline attributes blanked without moving any column. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "document.h"
#include "extract.h"
#include "template.h"

static cf_text *read_markdown(const char *md)
{
    cf_text *text = NULL;
    cf_error err;
    cf_error_clear(&err);
    cr_assert_str_eq(cf_document_sniff("r.md", md, strlen(md)), "markdown");
    cr_assert_eq(cf_document_from_bytes("r.md", md, strlen(md), &text, &err), CF_OK, "%s", err.message);
    cr_assert_str_eq(cf_text_kind(text), "markdown");
    return text;
}

static const char *line_of(const cf_text *text, size_t i)
{
    static char buf[512];
    size_t len;
    const char *s = cf_text_line(text, i, &len);
    cr_assert_lt(len, sizeof buf);
    memcpy(buf, s, len);
    buf[len] = '\0';
    return buf;
}

/* The display column of needle's first occurrence in s (CJK two columns, ASCII one). */
static size_t display_column(const char *s, const char *needle)
{
    const char *at = strstr(s, needle);
    cr_assert_not_null(at, "'%s' in '%s'", needle, s);
    size_t col = 0;
    for (const char *p = s; p < at; p += (unsigned char)*p >= 0xE0 ? 3 : 1)
        col += (unsigned char)*p >= 0xE0 ? 2 : 1;
    return col;
}

Test(read_markdown, a_raw_html_table_becomes_tab_rows_with_its_merged_cells_expanded)
{
    cf_text *text = read_markdown("**[三、收到和处理政府信息公开申请情况]{style=\"font-family:宋体\"}**\n\n"
                                  "<table class=\"MsoNormalTable\">\n<tbody>\n"
                                  "<tr><td rowspan=\"2\"><p><span>（三）不予公开</span></p></td>\n"
                                  "<td><p>1.属于国家秘密</p></td><td><p><span>1</span><span>2</span></p></td></tr>\n"
                                  "<tr><td>2.其他法律行政法规禁止公开</td><td>&nbsp;</td></tr>\n"
                                  "</tbody>\n</table>\n\n正文 3 件。\n");
    size_t n = cf_text_line_count(text);
    bool heading = false, first = false, second = false, prose = false;
    for (size_t i = 0; i < n; i++) {
        const char *l = line_of(text, i);
        heading |= strstr(l, "三、收到和处理政府信息公开申请情况") != NULL && !strchr(l, '[') && !strchr(l, '*');
        first |= strcmp(l, "（三）不予公开\t1.属于国家秘密\t12") == 0;
        second |= strcmp(l, "\t2.其他法律行政法规禁止公开\t") == 0;
        prose |= strcmp(l, "正文 3 件。") == 0;
        cr_expect_null(strstr(l, "<t"), "no markup left: line %zu '%s'", i + 1, l);
    }
    cr_expect(heading, "the heading without its markup");
    cr_expect(first, "the first row, its number whole");
    cr_expect(second, "the merged cell's slot and the blank cell are empty fields");
    cr_expect(prose, "the text after the table as it is");
    cf_text_free(text);
}

Test(read_markdown, inline_attributes_are_blanked_without_moving_the_columns)
{
    /* a pandoc simple table: the value 2574 starts at the same display column before and after */
    const char *row = "  [规章]{style=\"font-family:宋体\"}   [2574]{style=\"font-size:10.5pt\"}";
    char md[512];
    snprintf(md, sizeof md, "  ------------ ------------\n%s\n  ------------ ------------\n", row);
    cf_text *text = read_markdown(md);
    const char *l = line_of(text, 1);
    cr_expect_null(strstr(l, "10.5"), "a style's number is no value: '%s'", l);
    cr_expect_null(strchr(l, '{'), "'%s'", l);
    cr_expect_eq(display_column(l, "2574"), display_column(row, "2574"), "2574 stays in its column: '%s'", l);
    cf_text_free(text);
}

Test(read_markdown, a_number_word_split_into_two_runs_runs_together_and_what_follows_keeps_its_column)
{
    /* Word's "17" and "32" in two runs: pandoc prints two spans side by side */
    const char *row = "  [行政许可]{style=\"x\"}   [17]{style=\"a\"}[32]{lang=\"EN-US\"}   [5]{style=\"y\"}";
    char md[512];
    snprintf(md, sizeof md, "  ------------ ------------ ------------\n%s\n  ------------ ------------ ------------\n",
             row);
    cf_text *text = read_markdown(md);
    const char *l = line_of(text, 1);
    cr_expect_not_null(strstr(l, "1732"), "one number: '%s'", l);
    cr_expect_eq(display_column(l, "1732"), display_column(row, "17"), "it starts where 17 did: '%s'", l);
    cr_expect_eq(display_column(l, "5 ") , display_column(row, "5]"), "the next value keeps its column: '%s'", l);
    cf_text_free(text);
}

Test(read_markdown, grid_table_cells_lose_their_attributes_wrapped_over_lines)
{
    /* pandoc wraps a cell's "[text]{style=…}" down its column: the markup is found in the cell's
     * pieces joined, and each of its characters becomes spaces, so every bar stays where it was */
    const char *md = "+------------+------------+\n"
                     "| [（三）    | [2574]{sty |\n"
                     "| 不予公开]  | le=\"font-  |\n"
                     "| {style=\"fo | size:10.   |\n"
                     "| nt-size:10 | 5pt\"}      |\n"
                     "| .5pt\"}     |            |\n"
                     "+------------+------------+\n";
    cf_text *text = read_markdown(md);
    for (size_t i = 0; i < 7; i++) {
        const char *l = line_of(text, i);
        cr_expect_null(strpbrk(l, "[]{}\""), "line %zu keeps markup: '%s'", i + 1, l);
        cr_expect_null(strstr(l, "5pt"), "line %zu: '%s'", i + 1, l);
        cr_expect_null(strstr(l, "10"), "line %zu keeps a style's number: '%s'", i + 1, l);
        if (i > 0 && i < 6) {
            cr_expect_eq(display_column(l, "|"), 0, "'%s'", l);
            cr_expect_eq(display_column(strchr(l, '|') + 1, "|"), 12, "the middle bar moved: '%s'", l);
        }
    }
    cr_expect_not_null(strstr(line_of(text, 1), "（三）"), "'%s'", line_of(text, 1));
    cr_expect_not_null(strstr(line_of(text, 1), "2574"), "'%s'", line_of(text, 1));
    cr_expect_not_null(strstr(line_of(text, 2), "不予公开"), "'%s'", line_of(text, 2));
    cf_text_free(text);
}

/* A grid table of one column 30 wide holding the pieces, one a line, each padded to the column. */
static cf_text *read_in_cell(const char *const *pieces, size_t n)
{
    static char md[4096];
    size_t at = (size_t)snprintf(md, sizeof md, "+------------------------------+\n");
    for (size_t i = 0; i < n; i++)
        at += (size_t)snprintf(md + at, sizeof md - at, "| %-28s |\n", pieces[i]);
    snprintf(md + at, sizeof md - at, "+------------------------------+\n");
    return read_markdown(md);
}

/* How many lines of text hold needle. */
static size_t lines_holding(const cf_text *text, const char *needle)
{
    size_t count = 0;
    for (size_t i = 0; i < cf_text_line_count(text); i++)
        count += strstr(line_of(text, i), needle) != NULL;
    return count;
}

static bool text_holds(const cf_text *text, const char *needle)
{
    return lines_holding(text, needle) > 0;
}

Test(read_markdown, a_table_wrapped_by_the_grid_cell_holding_it_is_left_out_and_the_cell_text_kept)
{
    /* pandoc draws a simple table wider than the cell of a page's layout table over several of the
     * cell's lines: 1062, 2574 and 730 on lines of their own, under no column */
    const char *const wrapped[] = {"规章 1 件", "  ------------", "----------------------------",
                                   "------------ ---------------", "  [规章]{s}   [1062]{st", "yle=\"x\"}",
                                   "     [2574]{style=\"x\"}", "  [730]{style=\"x\"}", "  ------------",
                                   "----------------------------", "------------ ---------------", "",
                                   "共 5 件"};
    cf_text *text = read_in_cell(wrapped, sizeof wrapped / sizeof *wrapped);
    cr_expect(!text_holds(text, "1062") && !text_holds(text, "2574") && !text_holds(text, "730"),
              "a wrapped row's values are not read");
    cr_expect(text_holds(text, "规章 1 件") && text_holds(text, "共 5 件"), "the cell's prose stays");
    /* and where it was is kept, for the part missing to say why: from its first rule to its last */
    cr_assert_eq(cf_text_left_out_count(text), 1);
    size_t first, end;
    cf_text_left_out(text, 0, &first, &end);
    cr_expect(first == 2 && end == 12, "lines %zu-%zu left out, not 3-12", first + 1, end);
    cf_text_free(text);
    /* the same table narrow enough for the cell: read as it is */
    const char *const fits[] = {"[说明]{style=\"x\"}", "  -------- ----- -----", "  规章  1062  730",
                                "  -------- ----- -----"};
    text = read_in_cell(fits, sizeof fits / sizeof *fits);
    cr_expect(text_holds(text, "规章  1062  730"), "a table that fits its cell is kept");
    cr_expect_eq(cf_text_left_out_count(text), 0);
    cf_text_free(text);
}

Test(read_markdown, raw_html_wrapped_by_a_grid_cell_is_left_out)
{
    /* pandoc keeps a table with merged cells as raw HTML and wraps it down the cell anywhere */
    const char *const html[] = {"[前]{style=\"x\"} 3 件", "<table><tr><td colspan=\"3\"", "styl", "e=\"padding: 0",
                                "cm 5.4pt\">1062</td></tr></ta", "ble>", "后 4 件"};
    cf_text *text = read_in_cell(html, sizeof html / sizeof *html);
    cr_expect(!text_holds(text, "1062") && !text_holds(text, "padding") && !text_holds(text, "5.4"),
              "nothing of the raw table is read");
    cr_expect(text_holds(text, "3 件") && text_holds(text, "后 4 件"), "the text around it stays");
    cr_assert_eq(cf_text_left_out_count(text), 1);
    size_t first, end;
    cf_text_left_out(text, 0, &first, &end);
    cr_expect(first == 2 && end == 7, "lines %zu-%zu left out, not 3-7", first + 1, end);
    cf_text_free(text);
}

Test(read_markdown, a_number_split_over_the_lines_of_a_grid_cell_is_one_number)
{
    /* Word's two runs of 3902, the second wrapped onto a line of its own (pandoc cut the first's
     * attributes); pandoc's cut of 39 inside its span. Two numbers on two lines with nothing to join
     * them, or with a line break just between two spans (a space may have been there), stay two. */
    const char *const pieces[] = {"[新收]{style=\"a\"}", "[39]{style=\"a;", "b\"}[02]{lang=\"c\"}", "", "[3",
                                  "9]{style=\"a\"}", "", "12", "34", "", "[56]{style=\"a\"}", "[78]{style=\"a\"}"};
    cf_text *text = read_in_cell(pieces, sizeof pieces / sizeof *pieces);
    cr_expect_eq(lines_holding(text, "3902"), 1, "the runs are one number");
    cr_expect_eq(lines_holding(text, "02"), 1, "the second run is not read again on its own line");
    cr_expect_eq(lines_holding(text, "39"), 2, "39 cut inside its span is one number");
    cr_expect(!text_holds(text, "1234") && text_holds(text, "12") && text_holds(text, "34"), "two numbers stay two");
    cr_expect(!text_holds(text, "5678") && text_holds(text, "56") && text_holds(text, "78"),
              "two spans a line apart stay two");
    cf_text_free(text);
}

Test(read_markdown, a_grid_inside_a_layout_cell_has_its_own_cells_markup_joined)
{
    /* a web page laid out in a table: pandoc draws the report's table as a grid inside the layout's
     * cell, each of its cells' "[text]{style=…}" wrapped down its narrow column and 3902 cut in two.
     * The layout's lines and the inner grid's have other bars: each run of lines with as many bars is
     * a band of its own, so the inner cells' pieces are joined */
    const char *md = "+--------+--------------------------+\n"
                     "| 导航   | [说明]{style=\"a\"}        |\n"
                     "|        | +----------+----------+  |\n"
                     "|        | | [新收    | [390     |  |\n"
                     "|        | | ]{style  | 2]{style |  |\n"
                     "|        | | =\"a\"}    | =\"a\"}    |  |\n"
                     "|        | +----------+----------+  |\n"
                     "+--------+--------------------------+\n";
    cf_text *text = read_markdown(md);
    cr_expect_eq(lines_holding(text, "3902"), 1, "the number cut in two is one number");
    cr_expect(text_holds(text, "新收") && text_holds(text, "导航") && text_holds(text, "说明"));
    for (size_t i = 0; i < cf_text_line_count(text); i++) {
        const char *l = line_of(text, i);
        cr_expect(!strpbrk(l, "[]{}\"") && !strstr(l, "style"), "line %zu keeps markup: '%s'", i + 1, l);
    }
    cf_text_free(text);
}

Test(read_markdown, spans_of_tables_left_out_are_kept_in_order_and_joined_where_they_meet)
{
    /* a wrapped table and raw HTML in it are found apart and may share lines: one span then */
    const char *const pieces[] = {"[说明]{style=\"x\"}"};
    cf_text *text = read_in_cell(pieces, 1);
    const size_t add[][2] = {{5, 8}, {1, 3}, {3, 4}, {10, 12}, {7, 11}, {20, 21}};
    for (size_t i = 0; i < sizeof add / sizeof *add; i++)
        cr_assert(cf_text_add_left_out(text, add[i][0], add[i][1]));
    const size_t want[][2] = {{1, 4}, {5, 12}, {20, 21}};
    cr_assert_eq(cf_text_left_out_count(text), 3);
    for (size_t i = 0; i < 3; i++) {
        size_t first, end;
        cf_text_left_out(text, i, &first, &end);
        cr_expect(first == want[i][0] && end == want[i][1], "span %zu: %zu-%zu", i, first, end);
    }
    cf_text_free(text);
}

/* The warnings of extracting text (all of them, one a line). */
static const char *warnings_of(const cf_text *text, cf_status *status)
{
    static char all[4096];
    cf_template **tpls;
    size_t ntpls;
    cf_error err;
    cf_error_clear(&err);
    cr_assert_eq(cf_template_load_builtin(&tpls, &ntpls, &err), CF_OK);
    cf_report *report = NULL;
    *status = cf_extract(text, tpls, ntpls, &report, &err);
    size_t at = 0;
    all[0] = '\0';
    for (size_t i = 0; report && i < cf_report_warning_count(report) && at < sizeof all; i++)
        at += (size_t)snprintf(all + at, sizeof all - at, "%s\n", cf_report_warning(report, i)->message);
    cf_report_free(report);
    for (size_t i = 0; i < ntpls; i++)
        cf_template_free(tpls[i]);
    cf_free(tpls);
    return all;
}

Test(read_markdown, a_part_whose_table_was_left_out_says_so_and_where)
{
    /* the page's part 二, its heading wrapped over two of the cell's lines, then its table wrapped by the
     * cell; a second table wrapped so, under no heading. Nothing is read, yet it is no "no statistical
     * tables found": each table was there, and the report says why it was not read */
    const char *const page[] = {"二、主动公开政", "府信息情况", "", "  ------------", "----------------------------",
                                "------------ ---------------", "  [规章]{s}   [1062]{st", "yle=\"x\"}",
                                "  ------------", "----------------------------", "------------ ---------------",
                                "", "[说明]{style=\"x\"}", "  ------------", "----------------------------",
                                "------------ ---------------", "  [规章]{s}   [12]", "  ------------",
                                "----------------------------", "------------ ---------------", "完"};
    cf_text *text = read_in_cell(page, sizeof page / sizeof *page);
    cf_status st;
    const char *w = warnings_of(text, &st);
    cr_assert_eq(st, CF_OK, "a report, not a refusal");
    cr_expect_not_null(strstr(w, "part 二 (主动公开政府信息情况): its table was left out (to line 12): pandoc drew it "
                                 "wider than the cell of the web page's layout table holding it"),
                       "%s", w);
    cr_expect_null(strstr(w, "part 二 (主动公开政府信息情况) was not found"), "%s", w);
    cr_expect_not_null(strstr(w, "a table was left out (to line 21)"), "%s", w);
    cr_expect_not_null(strstr(w, "part 三 (收到和处理政府信息公开申请情况) was not found"), "not there: %s", w);
    cf_text_free(text);
}

Test(read_markdown, text_without_table_markup_is_plain_text)
{
    const char *plain = "政府信息公开工作年度报告\n| 规章 | 1 | 2 |\n政府信息公开 <table> 一词\n";
    cr_expect_str_eq(cf_document_sniff("r.md", plain, strlen(plain)), "text");
}
