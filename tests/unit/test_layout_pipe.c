/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Markdown pipe tables (pandoc, PDF-to-markdown tools): every cell between two bars, blanks kept. */
#include <criterion/criterion.h>
#include <string.h>

#include "layout_case.h"

static bool read_pipe(layout_case *c, const char *src, size_t first)
{
    return read_layout(c, cf_layout_pipe, src, first);
}

/* marker's way: a merged cell printed once, the cells it covers empty; no row of 三 is full */
static const char FIRST_ONLY[] = "三、收到和处理\n"
                                 "| 项目 |  | 自然人 | 商业企业 | 总计 |\n"
                                 "|---|:---|:---:|---:|---|\n"
                                 "| 二、上年结转 |  | 70 | 29 |  |\n"
                                 "| 三、本年度办理结果 | （一）予以公开 |  | 3 \\| 4 | 5 |\n"
                                 "四、结转\n";

Test(layout_pipe, a_blank_cell_stays_in_its_column_when_no_row_is_full)
{
    layout_case c;
    cr_assert(read_pipe(&c, FIRST_ONLY, 1));
    cr_expect_eq(c.end, 5, "the table ends at the first line without a bar");
    cr_assert_eq(cf_grid_column_count(c.grid), 5);
    cr_assert_eq(cf_grid_row_count(c.grid), 3, "header and two rows; the delimiter row is no row");
    cr_expect_str_eq(text_at(&c, 1, 0), "二、上年结转");
    cr_expect_str_eq(text_at(&c, 1, 1), "", "the label's merged cell is an empty cell of its own");
    cr_expect_str_eq(text_at(&c, 1, 2), "70", "自然人 stays under 自然人");
    cr_expect_str_eq(text_at(&c, 1, 4), "", "a blank 总计 is an empty cell, not padding");
    cr_expect_str_eq(text_at(&c, 2, 2), "");
    cr_expect_str_eq(text_at(&c, 2, 3), "3 \\| 4", "an escaped bar is text");
    cf_grid_cell cell;
    cr_assert(cf_grid_cell_at(c.grid, 1, 3, &cell));
    cr_expect_eq(cell.pieces[0].line, 3);
    cr_expect_eq(cell.pieces[0].column, 20, "the value's column, in characters");
    cr_expect_eq(strncmp(cf_text_data(c.text) + cell.pieces[0].byte_start, "29", 2), 0);
    release(&c);
}

/* docling's way: a merged cell repeated in every cell it covers, values too */
static const char REPEATED[] = "| 第二十条第（五）项 | 第二十条第（五）项 | 第二十条第（五）项 |\n"
                               "|---|---|---|\n"
                               "| 信息内容 | 本年处理决定数量 | 本年处理决定数量 |\n"
                               "| 行政许可 |  |  |\n"
                               "| 行政强制 | 22 | 22 |\n"
                               "| 申请人 | 自然人 | 总计 |\n"
                               "| 一、本年新收 | 0 | 0 |\n";

Test(layout_pipe, a_value_repeated_under_one_merged_heading_is_one_cell)
{
    layout_case c;
    cr_assert(read_pipe(&c, REPEATED, 0));
    cr_assert_eq(cf_grid_row_count(c.grid), 6);
    cf_grid_cell cell;
    cr_assert(cf_grid_cell_at(c.grid, 3, 2, &cell));
    cr_expect_eq(cell.col, 1, "22 22 under one heading: one cell");
    cr_expect_eq(cell.colspan, 2);
    cr_expect_str_eq(cell.text, "22");
    cr_assert(cf_grid_cell_at(c.grid, 5, 2, &cell));
    cr_expect_eq(cell.col, 2, "0 0 under two headings: two cells");
    cr_expect_str_eq(cell.text, "0");
    cr_assert(cf_grid_cell_at(c.grid, 2, 2, &cell));
    cr_expect_eq(cell.col, 2, "blank cells are never merged");
    release(&c);
}

Test(layout_pipe, rows_that_are_no_pipe_table_are_left_to_the_line_reading)
{
    layout_case c;
    /* no delimiter row */
    cr_expect_not(read_pipe(&c, "| 项目 | 总计 |\n| 1 | 2 |\n", 0));
    release(&c);
    /* html2text: a cell wrapped over lines, so a row does not close with its bar */
    cr_expect_not(read_pipe(&c, "| 项目 | 总计 |\n|---|---|\n| 1 | 二、上年\n结转 |\n", 0));
    release(&c);
    /* a row with another number of cells */
    cr_expect_not(read_pipe(&c, "| 项目 | 总计 |\n|---|---|\n| 1 | 2 | 3 |\n", 0));
    release(&c);
    /* prose with a bar in it */
    cr_expect_not(read_pipe(&c, "正文 | 正文\n|---|\n", 0));
    release(&c);
    layout_case d;
    cr_assert(read_pipe(&d, "| 项目 | 总计 |\n|---|---|\n| 1 | 2 |\n", 0));
    cr_expect(cf_layout_pipe_starts(d.text, 0));
    cr_expect_not(cf_layout_pipe_starts(d.text, 3), "the start test agrees");
    release(&d);
}

/* pandoc's gfm of a Word page: a header row of nothing, cells in <span> markup whose style names a
 * Chinese font; the markup is no heading, so equal values stay cells of their own */
static const char GFM[] = "|  |  |  |\n"
                          "|---|---|---|\n"
                          "| <span style=\"font-family:宋体\">信息内容</span> | <span>本年新制作数量</span> | <span>本年新公开数量</span> |\n"
                          "| <span style=\"font-family:宋体\">规章</span> | <span style=\"font-family:宋体\">0</span> | <span style=\"font-family:宋体\">0</span> |\n"
                          "| <span style=\"font-family:宋体\">规范性文件</span> | <span style=\"font-family:宋体\">0</span> | <span style=\"font-family:宋体\">0</span> |\n";

Test(layout_pipe, markup_in_cells_is_no_merged_heading_and_an_empty_row_is_none)
{
    layout_case c;
    cr_assert(read_pipe(&c, GFM, 0));
    cr_assert_eq(cf_grid_row_count(c.grid), 3, "the empty header row is no row");
    cf_grid_cell cell;
    cr_assert(cf_grid_cell_at(c.grid, 2, 2, &cell));
    cr_expect_eq(cell.col, 2, "0 0 under two headings: two cells");
    cr_expect_eq(cell.colspan, 1);
    release(&c);
}
