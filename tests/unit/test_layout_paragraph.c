/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One cell a paragraph (lynx): extra empty lines are blank cells, once the idiom is learned. */
#include <criterion/criterion.h>
#include <string.h>

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
    cr_assert(cf_layout_paragraph_blanks(norms, 0, n, blanks));
    cf_norm_text_free(norms);
    return blanks;
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
    size_t total = 0;
    for (size_t i = 0; i < cf_text_line_count(text); i++)
        total += b[i];
    cr_expect_eq(total, 4, "four blank cells, no more");
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
