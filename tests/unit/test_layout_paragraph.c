/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One cell a paragraph (lynx): extra empty lines are blank cells, once the idiom is learned. */
#include <criterion/criterion.h>
#include <stdint.h>
#include <string.h>

#include "cellvalue.h"
#include "decimal.h"
#include "layout.h"
#include "text.h"

static size_t *blanks_of(const char *src, cf_text **text)
{
    cf_error err;
    cr_assert_eq(cf_text_from_bytes("p.txt", src, strlen(src), text, &err), CF_OK);
    size_t n = cf_text_line_count(*text);
    size_t *blanks = calloc(n, sizeof *blanks);
    cf_norm_text *norms = cf_norm_text_new(*text);
    cr_assert(norms);
    cr_assert(cf_layout_paragraph_blanks(norms, 0, n, blanks, NULL, NULL));
    cf_norm_text_free(norms);
    return blanks;
}

/* The blank cells counted over the whole text. */
static size_t blank_total(const size_t *b, const cf_text *text)
{
    size_t total = 0;
    for (size_t i = 0; i < cf_text_line_count(text); i++)
        total += b[i];
    return total;
}

/* Text where no empty line stands for a blank cell. */
static void expect_no_blanks(const char *src)
{
    cf_text *text;
    size_t *b = blanks_of(src, &text);
    for (size_t i = 0; i < cf_text_line_count(text); i++)
        cr_expect_eq(b[i], 0, "line %zu", i + 1);
    free(b);
    cf_text_free(text);
}

/* lynx's dump of three rows of three cells (values 1 2 _, _ 5 6, 7 _ _) and two full rows */
static const char LYNX[] = "   一、本年新收\n\n   1\n\n   2\n\n\n"  /* lines 0-6 */
                           "   二、上年结转\n\n\n   5\n\n   6\n"  /* lines 7-12 */
                           "   三、办理结果\n\n   7\n\n\n\n"    /* lines 13-18 */
                           "   四、结转下年度\n\n   8\n\n   9\n\n   10\n"  /* lines 19-25 */
                           "   五、合计\n\n   11\n\n   12\n\n   13\n";    /* lines 26-32 */

Test(layout_paragraph, extra_empty_lines_are_blank_cells_where_they_stand)
{
    cf_text *text;
    size_t *b = blanks_of(LYNX, &text);
    cr_expect_eq(b[2], 0, "one empty line after a label: no blank");
    cr_expect_eq(b[7], 1, "a blank last cell: one more empty line before the next label");
    cr_expect_eq(b[10], 1, "a blank first cell: one more empty line before the first value");
    cr_expect_eq(b[12], 0);
    cr_expect_eq(b[19], 2, "two blank cells at the end of a row");
    cr_expect_eq(blank_total(b, text), 4, "four blank cells, no more");
    free(b);
    cf_text_free(text);
}

Test(layout_paragraph, pdf_text_with_several_values_a_line_is_not_the_idiom)
{
    /* values one empty line apart, but also lines of several values: a blank prints nothing there */
    expect_no_blanks("表三\n113\n\n132\n\n131\n\n110 123\n\n5 6\n\n117 726\n\n1\n\n0\n\n4\n\n\n\n1\n\n4\n\n9\n");
}

Test(layout_paragraph, prose_and_rows_of_a_line_are_left_alone)
{
    expect_no_blanks("一、本年新收 1 2 3\n\n\n\n二、上年结转 4 5 6\n\n总体情况良好。\n\n\n7\n");
}

Test(layout_paragraph, html2text_a_lone_bar_with_nothing_after_it_is_a_blank_cell)
{
    /* html2markdown: "label", then each cell after a line holding only "|"; row ends with two spaces.
     * Row 1: 1 _ 3 (a blank between bars); row 2: 4 5 _ (a blank last cell before the next label);
     * row 3 has no label: _ 8 9 (a blank first cell, right after the two spaces ending row 2). */
    static const char SRC[] = "一、本年新收\n\n|\n\n1\n\n|\n\n\n\n|\n\n3  \n  \n"          /* lines 0-13 */
                              "二、上年结转\n\n|\n\n4\n\n|\n\n5\n\n|\n\n  \n\n"          /* lines 14-27 */
                              "三、办理结果\n\n\n\n|\n\n8\n\n|\n\n9  \n  \n";             /* lines 28-41 */
    cf_text *text;
    size_t *b = blanks_of(SRC, &text);
    cr_expect_eq(b[10], 1, "the blank between two bars, counted at the closing bar");
    cr_expect_eq(b[28], 1, "the blank last cell, counted before the next label");
    cr_expect_eq(blank_total(b, text), 2,
                 "two blank cells, no more (a cell's one empty line around its text is no blank)");
    free(b);
    cf_text_free(text);
    /* a row with no label (table 四): its first cell blank, then the bar */
    b = blanks_of("一\n\n|\n\n1\n\n|\n\n2\n\n|\n\n3  \n  \n\n\n|\n\n8\n\n|\n\n9  \n", &text);
    cr_expect_eq(b[16], 1, "the blank first cell of a row, counted at its bar");
    free(b);
    cf_text_free(text);
}

Test(layout_paragraph, mutool_a_line_of_one_space_is_a_blank_cell)
{
    /* mutool draw -F txt: one cell a line; "1", " ", "3" is 1, a blank, 3 */
    cf_text *text;
    size_t *b = blanks_of("一、本年新收\n1\n \n3\n二、上年结转\n \n5\n6\n三、办理结果\n7\n8\n \n", &text);
    cr_expect_eq(b[2], 1);
    cr_expect_eq(b[5], 1);
    cr_expect_eq(b[11], 1);
    cr_expect_eq(b[1] + b[3] + b[4] + b[6] + b[7] + b[8] + b[9] + b[10], 0);
    free(b);
    cf_text_free(text);
    /* a space alone in text that prints rows on a line is nothing */
    expect_no_blanks("一、本年新收 1 2 3\n \n二、上年结转 4 5 6\n \n三、办理结果 7 8 9\n");
}

/* The items handed back for a line are the ones lexing the whole normalised line gives, so the
 * tokeniser that takes them reads the line as it would have lexed it itself. */
Test(layout_paragraph, items_handed_back_are_the_lines_own)
{
    cf_text *text;
    cf_error err;
    cr_assert_eq(cf_text_from_bytes("p.txt", LYNX, strlen(LYNX), &text, &err), CF_OK);
    size_t n = cf_text_line_count(text);
    size_t *blanks = calloc(n, sizeof *blanks);
    cf_lexed_line *lines = calloc(n, sizeof *lines);
    cf_norm_text *norms = cf_norm_text_new(text);
    cf_item_list lexed, own;
    cf_item_list_init(&lexed);
    cf_item_list_init(&own);
    cr_assert(norms && blanks && lines);
    cr_assert(cf_layout_paragraph_blanks(norms, 0, n, blanks, &lexed, lines));
    size_t handed = 0;
    for (size_t i = 0; i < n; i++) {
        if (lines[i].count == SIZE_MAX)
            continue;
        handed++;
        const cf_norm_line *norm = cf_norm_text_line(norms, i);
        own.count = 0;
        cr_assert(cf_lex_field(norm->text, norm->len, &own));
        cr_assert_eq(lines[i].count, own.count, "line %zu", i + 1);
        for (size_t k = 0; k < own.count; k++) {
            const cf_item *a = &lexed.items[lines[i].start + k], *b = &own.items[k];
            cr_expect(a->kind == b->kind && a->start == b->start && a->end == b->end &&
                          cf_decimal_cmp(a->value, b->value) == 0 && strcmp(a->unit, b->unit) == 0,
                      "line %zu item %zu", i + 1, k);
        }
    }
    cr_expect_eq(handed, n, "every line of the lynx dump is short and lexed once");
    cf_item_list_release(&lexed);
    cf_item_list_release(&own);
    cf_norm_text_free(norms);
    free(lines);
    free(blanks);
    cf_text_free(text);
}
