/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tables under a rule of dash segments (pandoc simple and multiline tables): columns from the rule. */
#include <criterion/criterion.h>
#include <string.h>

#include "layout_case.h"

static bool read_ruled(layout_case *c, const char *src, size_t first)
{
    return read_layout(c, cf_layout_ruled, src, first);
}

/* pandoc -t plain: a headerless simple table, CJK two columns wide; no row is full */
static const char SIMPLE[] = "二、主动公开\n"
                             "  -------------------- -------------- --------------\n"
                             "  信息内容             本年制发件数   本年废止件数\n"
                             "  规章                                125\n"
                             "  行政规范性文件       2657           \n"
                             "  -------------------- -------------- --------------\n"
                             "三、收到\n";

Test(layout_ruled, a_blank_cell_stays_in_its_column_when_no_row_is_full)
{
    layout_case c;
    cr_assert(read_ruled(&c, SIMPLE, 1));
    cr_expect_eq(c.end, 6, "the table ends after its closing rule");
    cr_assert_eq(cf_grid_column_count(c.grid), 3);
    cr_assert_eq(cf_grid_row_count(c.grid), 3);
    cr_expect_str_eq(text_at(&c, 0, 1), "本年制发件数");
    cr_expect_str_eq(text_at(&c, 1, 0), "规章");
    cr_expect_str_eq(text_at(&c, 1, 1), "", "规章's 本年制发件数 is blank");
    cr_expect_str_eq(text_at(&c, 1, 2), "125");
    cr_expect_str_eq(text_at(&c, 2, 1), "2657");
    cr_expect_str_eq(text_at(&c, 2, 2), "");
    cf_grid_cell cell;
    cr_assert(cf_grid_cell_at(c.grid, 1, 2, &cell));
    cr_expect_eq(cell.pieces[0].line, 3, "the value's provenance: line 4 of the text");
    cr_expect_eq(strncmp(cf_text_data(c.text) + cell.pieces[0].byte_start, "125", 3), 0);
    release(&c);
}

/* pandoc's multiline table: rows parted by empty lines, labels wrapped in their column */
static const char MULTILINE[] = "  -------------------------------------\n"
                                "  项目          自然人   总计\n"
                                "  ------------- -------- --------\n"
                                "  2.其他法律行  3        3\n"
                                "  政法规禁止公\n"
                                "  开\n"
                                "\n"
                                "  （七）总计             5\n"
                                "  -------------------------------------\n"
                                "正文\n";

Test(layout_ruled, a_multiline_table_joins_each_row_between_empty_lines)
{
    layout_case c;
    cr_assert(read_ruled(&c, MULTILINE, 2));
    cr_expect_eq(c.end, 9);
    cr_assert_eq(cf_grid_row_count(c.grid), 2);
    cr_expect_str_eq(text_at(&c, 0, 0), "2.其他法律行政法规禁止公开", "wrapped Chinese joins with no space");
    cr_expect_str_eq(text_at(&c, 0, 1), "3");
    cr_expect_str_eq(text_at(&c, 1, 0), "（七）总计");
    cr_expect_str_eq(text_at(&c, 1, 1), "", "a blank cell of a multiline row");
    cr_expect_str_eq(text_at(&c, 1, 2), "5");
    release(&c);
}

Test(layout_ruled, rules_of_one_segment_and_prose_are_no_table)
{
    layout_case c;
    /* a markdown horizontal rule, and a full-width rule over a header */
    cr_expect_not(read_ruled(&c, "正文\n-----\n正文\n", 1));
    release(&c);
    cr_expect_not(read_ruled(&c, MULTILINE, 0));
    release(&c);
    /* a rule with nothing under it */
    cr_expect_not(read_ruled(&c, "  ----- -----\n\n正文\n", 0));
    release(&c);
}
