/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Markdown with raw HTML tables (pandoc, PDF/OCR-to-markdown tools): the tables read as the web
 * page reader reads them, pandoc's inline attributes blanked without moving any column. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "document.h"

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

Test(read_markdown, text_without_table_markup_is_plain_text)
{
    const char *plain = "政府信息公开工作年度报告\n| 规章 | 1 | 2 |\n政府信息公开 <table> 一词\n";
    cr_expect_str_eq(cf_document_sniff("r.md", plain, strlen(plain)), "text");
}
