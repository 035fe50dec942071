/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Drawn grids (w3m, elinks, links, pandoc): the table model read from bars and rules. */
#include <criterion/criterion.h>
#include <string.h>

#include "layout_case.h"

static bool read_drawn(layout_case *c, const char *src, size_t first)
{
    return read_layout(c, cf_layout_drawn, src, first);
}

/* w3m: CJK two columns wide; a group cell running past its neighbours' rules; a label wrapped in
 * its column; a blank cell. */
static const char W3M[] = "表三\n"
                          "┌──────┬──────────┬───┬───┐\n"
                          "│      │1.属于国家│   │11 │\n"
                          "│（三）│秘密      │   │   │\n"
                          "│不予公├──────────┼───┼───┤\n"
                          "│开    │2.其他法律│2  │17 │\n"
                          "├──────┴──────────┼───┼───┤\n"
                          "│（七）总计       │2  │28 │\n"
                          "└─────────────────┴───┴───┘\n"
                          "后文\n";

Test(layout_drawn, w3m_box_drawing_gives_whole_cells_with_spans)
{
    layout_case c;
    cr_assert(read_drawn(&c, W3M, 1));
    cr_expect_eq(c.end, 9, "the table ends after its bottom border");
    cr_assert_eq(cf_grid_column_count(c.grid), 4);
    cr_assert_eq(cf_grid_row_count(c.grid), 3);
    cf_grid_cell cell;
    cr_assert(cf_grid_cell_at(c.grid, 1, 0, &cell));
    cr_expect_eq(cell.row, 0);
    cr_expect_eq(cell.rowspan, 2, "the group cell runs past the rule of the rows beside it");
    cr_expect_str_eq(cell.text, "（三）不予公开", "wrapped in its own column and joined");
    cr_expect_str_eq(text_at(&c, 0, 1), "1.属于国家秘密");
    cr_expect_str_eq(text_at(&c, 0, 2), "", "a blank cell stays in its own column");
    cr_expect_str_eq(text_at(&c, 0, 3), "11");
    cr_expect_str_eq(text_at(&c, 1, 2), "2");
    cr_assert(cf_grid_cell_at(c.grid, 2, 1, &cell));
    cr_expect_eq(cell.col, 0);
    cr_expect_eq(cell.colspan, 2, "（七）总计 spans the two label columns");
    cr_expect_str_eq(cell.text, "（七）总计");
    cr_assert(cf_grid_cell_at(c.grid, 0, 3, &cell));
    cr_expect_eq(cell.pieces[0].line, 2, "the value's provenance: line 3 of the text");
    const char *data = cf_text_data(c.text);
    cr_expect_eq(strncmp(data + cell.pieces[0].byte_start, "11", 2), 0);
    release(&c);
}

/* links: ASCII rules, CJK one column wide: the bars line up only in that measure. */
static const char LINKS[] = "+-------------------------+\n"
                            "|      |申请人情况             |\n"
                            "|      |------------------|\n"
                            "|项目    |自然人   |其他   |总计   |\n"
                            "|------+------+-----+-----|\n"
                            "|一、本年新收|3     |-    |3    |\n"
                            "|------+------+-----+-----|\n"
                            "|二、上年结转|+1036 |     |0    |\n"
                            "+-------------------------+\n";

Test(layout_drawn, links_ascii_rules_in_the_one_column_measure)
{
    layout_case c;
    cr_assert(read_drawn(&c, LINKS, 0));
    cr_assert_eq(cf_grid_column_count(c.grid), 4);
    cr_assert_eq(cf_grid_row_count(c.grid), 4);
    cf_grid_cell cell;
    cr_assert(cf_grid_cell_at(c.grid, 0, 3, &cell));
    cr_expect_eq(cell.col, 1);
    cr_expect_eq(cell.colspan, 3, "申请人情况 heads the three value columns");
    cr_expect_str_eq(cell.text, "申请人情况");
    cr_assert(cf_grid_cell_at(c.grid, 1, 0, &cell));
    cr_expect_eq(cell.rowspan, 2, "the top-left cell has no rule under it until 项目");
    cr_expect_str_eq(cell.text, "项目");
    cr_expect_str_eq(text_at(&c, 2, 0), "一、本年新收");
    cr_expect_str_eq(text_at(&c, 2, 2), "-", "a lone '-' in a cell is 'not applicable', not a rule");
    cr_expect_str_eq(text_at(&c, 3, 1), "+1036", "a '+' before digits is a sign, not a junction");
    cr_expect_str_eq(text_at(&c, 3, 2), "");
    release(&c);
}

/* elinks: cells padded with a space, labels wrapped over several lines, the number on a middle line. */
static const char ELINKS[] = "   ┌────────┬──────┐\n"
                             "   │ 2.其他 │      │\n"
                             "   │ 法律行 │ 17   │\n"
                             "   │ 政法规 │      │\n"
                             "   └────────┴──────┘\n";

Test(layout_drawn, elinks_numbers_on_a_middle_line_of_their_label)
{
    layout_case c;
    cr_assert(read_drawn(&c, ELINKS, 0));
    cr_assert_eq(cf_grid_row_count(c.grid), 1);
    cr_expect_str_eq(text_at(&c, 0, 0), "2.其他法律行政法规");
    cr_expect_str_eq(text_at(&c, 0, 1), "17");
    release(&c);
}

Test(layout_drawn, markdown_pipes_and_prose_are_not_drawn_grids)
{
    layout_case c;
    cr_expect_not(read_drawn(&c, "| 项目 | 自然人 |\n|---|---|\n| 一、本年新收 | 3 |\n", 0),
                  "no top border: the pipe-row reader's");
    cr_expect_null(c.grid);
    cf_text_free(c.text);
    cr_expect_not(read_drawn(&c, "+----+----+\n| a  | b  |\n后文\n", 0), "no bottom border");
    cf_text_free(c.text);
    cr_expect_not(read_drawn(&c, "一、总体情况\n", 0));
    cf_text_free(c.text);
}

Test(layout_drawn, the_start_test_is_cheap_and_agrees)
{
    layout_case c;
    cr_assert(read_drawn(&c, W3M, 1));
    cr_expect_not(cf_layout_drawn_starts(c.text, 0));
    cr_expect(cf_layout_drawn_starts(c.text, 1));
    cr_expect_not(cf_layout_drawn_starts(c.text, 2), "a content line is no top border");
    release(&c);
}

/* A converter that counts the curly quotes (ambiguous width) otherwise than the measure does pads
 * the label with a space more or less, so the bars after it stand off the grid's columns. */
#define QUOTES_ABOVE                                                                                        \
    "┌──────────────────┬────┬───┬────┐\n"                                                                   \
    "│2.其他法律        │5   │0  │5   │\n"                                                                   \
    "├──────────────────┼────┼───┼────┤\n"
#define QUOTES_BELOW                                                                                        \
    "├──────────────────┼────┼───┼────┤\n"                                                                   \
    "│4.保护第三方      │7   │1  │8   │\n"                                                                   \
    "└──────────────────┴────┴───┴────┘\n"
static const char QUOTES[] = QUOTES_ABOVE "│3.危及“三安全”      │12  │3  │15  │\n" QUOTES_BELOW;
static const char QUOTES_WIDE[] = QUOTES_ABOVE "│3.危及“三安全”  │12  │3  │15  │\n" QUOTES_BELOW;

Test(layout_drawn, a_line_whose_bars_stand_off_the_grid_keeps_its_cells_in_their_columns)
{
    const char *tables[] = {QUOTES, QUOTES_WIDE};
    for (size_t t = 0; t < 2; t++) {
        layout_case c;
        cr_assert(read_drawn(&c, tables[t], 0));
        cr_assert_eq(cf_grid_column_count(c.grid), 4, "no columns of the shifted line's own (table %zu)", t);
        cr_assert_eq(cf_grid_row_count(c.grid), 3);
        cr_expect_str_eq(text_at(&c, 1, 0), "3.危及“三安全”");
        cr_expect_str_eq(text_at(&c, 1, 1), "12");
        cr_expect_str_eq(text_at(&c, 1, 2), "3");
        cr_expect_str_eq(text_at(&c, 1, 3), "15");
        cr_expect_str_eq(text_at(&c, 2, 3), "8", "the rows after it as drawn");
        cf_grid_cell cell;
        cr_assert(cf_grid_cell_at(c.grid, 1, 3, &cell));
        cr_expect_eq(strncmp(cf_text_data(c.text) + cell.pieces[0].byte_start, "15", 2), 0,
                     "the value's bytes are where it is printed");
        release(&c);
    }
}

/* Bars off the grid by more than the text leaves room for are no shift: the line is read as printed. */
Test(layout_drawn, a_line_with_no_room_to_shift_is_read_as_printed)
{
    layout_case c;
    cr_assert(read_drawn(&c,
                         "┌──────┬────┐\n"
                         "│项目  │5   │\n"
                         "├──────┼────┤\n"
                         "│二、上年结转│7   │\n"
                         "└──────┴────┘\n",
                         0));
    cr_expect_gt(cf_grid_column_count(c.grid), 2, "the long line's bar stays an edge of its own");
    release(&c);
}

/* pandoc draws a web page laid out in a table as a grid with the report's tables nested in its
 * cells: each line of an inner table framed by the outer one's bars. */
static const char NESTED[] = "|           | | +------+-----+       |  |\n"
                             "|           | | | 项目 | 总计 |       |  |\n"
                             "|           | | +======+=====+       |  |\n"
                             "|           | | | 规章 | 12  |       |  |\n"
                             "|           | | +------+-----+       |  |\n"
                             "|           | |                      |  |\n";

static bool starts_at(const char *src, size_t line)
{
    cf_text *text;
    cf_error err;
    cr_assert_eq(cf_text_from_bytes("table.txt", src, strlen(src), &text, &err), CF_OK);
    bool starts = cf_layout_drawn_starts(text, line);
    cf_text_free(text);
    return starts;
}

Test(layout_drawn, a_table_nested_in_an_outer_ones_cell_is_read_inside_its_frame)
{
    layout_case c;
    cr_expect(starts_at(NESTED, 0), "the inner top border starts a table");
    cr_assert(read_drawn(&c, NESTED, 0));
    cr_expect_eq(c.end, 5, "it ends after its bottom border");
    cr_assert_eq(cf_grid_column_count(c.grid), 2, "the outer frame's bars are no columns");
    cr_assert_eq(cf_grid_row_count(c.grid), 2);
    cr_expect_str_eq(text_at(&c, 1, 0), "规章");
    cr_expect_str_eq(text_at(&c, 1, 1), "12");
    cf_grid_cell cell;
    cr_assert(cf_grid_cell_at(c.grid, 1, 1, &cell));
    cr_expect_eq(strncmp(cf_text_data(c.text) + cell.pieces[0].byte_start, "12", 2), 0);
    release(&c);
    /* a band line of a grid ("|  |  +---") is no top-left corner: it starts no table */
    cr_expect_not(starts_at("|    |    ├────┤\n正文\n", 0));
}
