/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The table model: cells with spans, holes, text joined from pieces, and every byte's source. */
#include <criterion/criterion.h>
#include <string.h>

#include "grid.h"

static cf_grid_piece at_line(size_t line, size_t column, size_t byte_start, size_t byte_end)
{
    return (cf_grid_piece){.line = line, .column = column, .byte_start = byte_start, .byte_end = byte_end};
}

Test(grid, a_merged_group_cell_covers_its_rows_and_is_met_once)
{
    cf_grid *g = cf_grid_new(3);
    cr_assert_not_null(g);
    cr_assert(cf_grid_add_rows(g, 3));
    cr_assert_eq(cf_grid_row_count(g), 3);
    cr_assert_eq(cf_grid_column_count(g), 3);
    cr_assert(cf_grid_place(g, 0, 0, 3, 1)); /* （三）不予公开 beside three rows */
    for (size_t r = 0; r < 3; r++)
        cr_assert(cf_grid_place(g, r, 1, 1, 2));
    cf_grid_cell cell;
    cr_assert(cf_grid_cell_at(g, 2, 0, &cell));
    cr_expect_eq(cell.row, 0);
    cr_expect_eq(cell.rowspan, 3);
    cr_expect(cf_grid_is_anchor(g, 0, 0));
    cr_expect_not(cf_grid_is_anchor(g, 1, 0), "a covered position is not the cell's anchor");
    cr_expect_not(cf_grid_is_anchor(g, 1, 2));
    cr_expect(cf_grid_is_anchor(g, 1, 1));
    cf_grid_free(g);
}

Test(grid, overlapping_or_outside_spans_are_refused_and_leave_the_grid_as_it_was)
{
    cf_grid *g = cf_grid_new(2);
    cr_assert(cf_grid_add_rows(g, 2));
    cr_assert(cf_grid_place(g, 0, 0, 2, 1));
    cr_expect_not(cf_grid_place(g, 1, 0, 1, 2), "overlaps the merged cell");
    cr_expect_not(cf_grid_place(g, 0, 1, 3, 1), "runs past the last row");
    cr_expect_not(cf_grid_place(g, 0, 2, 1, 1), "past the last column");
    cr_expect_not(cf_grid_place(g, 0, 1, 0, 1), "an empty span");
    cf_grid_cell cell;
    cr_expect_not(cf_grid_cell_at(g, 1, 1, &cell), "the refused cells left a hole");
    cr_expect(cf_grid_place(g, 1, 1, 1, 1));
    cf_grid_free(g);
}

Test(grid, holes_hold_no_cell_and_take_no_text)
{
    cf_grid *g = cf_grid_new(2);
    cr_assert(cf_grid_add_rows(g, 1));
    cr_assert(cf_grid_place(g, 0, 0, 1, 1));
    cf_grid_cell cell;
    cr_expect_not(cf_grid_cell_at(g, 0, 1, &cell));
    cf_grid_piece p = at_line(0, 1, 0, 1);
    cr_expect_not(cf_grid_append(g, 0, 1, "5", 1, false, &p));
    cr_expect(cf_grid_cell_at(g, 0, 0, &cell));
    cr_expect_str_eq(cell.text, "", "a placed cell with no text is empty, not absent");
    cr_expect_eq(cell.piece_count, 0);
    cf_grid_free(g);
}

Test(grid, a_label_wrapped_over_lines_joins_into_one_cell_and_each_byte_knows_its_line)
{
    /* "（三）不予公" on line 40 at byte 1000, "开" on line 41 at byte 1100 (w3m, column width 6) */
    cf_grid *g = cf_grid_new(1);
    cr_assert(cf_grid_add_rows(g, 1));
    cr_assert(cf_grid_place(g, 0, 0, 1, 1));
    const char *a = "（三）不予公", *b = "开";
    cf_grid_piece pa = at_line(40, 9, 1000, 1000 + strlen(a)), pb = at_line(41, 9, 1100, 1100 + strlen(b));
    cr_assert(cf_grid_append(g, 0, 0, a, strlen(a), false, &pa));
    cr_assert(cf_grid_append(g, 0, 0, b, strlen(b), false, &pb));
    cf_grid_cell cell;
    cr_assert(cf_grid_cell_at(g, 0, 0, &cell));
    cr_expect_str_eq(cell.text, "（三）不予公开");
    cr_expect_eq(cell.piece_count, 2);
    const cf_grid_piece *piece;
    size_t byte;
    cr_assert(cf_grid_cell_source(&cell, strlen(a), &piece, &byte));
    cr_expect_eq(piece->line, 41);
    cr_expect_eq(byte, 1100);
    cr_assert(cf_grid_cell_source(&cell, 3, &piece, &byte));
    cr_expect_eq(piece->line, 40);
    cr_expect_eq(piece->column, 9);
    cr_expect_eq(byte, 1003);
    cf_grid_free(g);
}

Test(grid, spaced_pieces_keep_two_numbers_apart_and_point_at_their_own_bytes)
{
    cf_grid *g = cf_grid_new(1);
    cr_assert(cf_grid_add_rows(g, 2));
    cr_assert(cf_grid_place(g, 1, 0, 1, 1));
    cf_grid_piece p1 = at_line(7, 1, 200, 202), p2 = at_line(9, 1, 300, 303);
    cr_assert(cf_grid_append(g, 1, 0, "12", 2, true, &p1));
    cr_assert(cf_grid_append(g, 1, 0, "345", 3, true, &p2));
    cf_grid_cell cell;
    cr_assert(cf_grid_cell_at(g, 1, 0, &cell));
    cr_expect_str_eq(cell.text, "12 345", "never '12345': a piece on another line is another word");
    const cf_grid_piece *piece;
    size_t byte;
    cr_assert(cf_grid_cell_source(&cell, 4, &piece, &byte));
    cr_expect_eq(piece->line, 9);
    cr_expect_eq(byte, 301);
    cr_assert(cf_grid_cell_source(&cell, 6, &piece, &byte), "the end maps to the last piece's end");
    cr_expect_eq(byte, 303);
    cf_grid_free(g);
}

Test(grid, rows_added_later_are_holes_until_placed)
{
    cf_grid *g = cf_grid_new(2);
    cr_assert(cf_grid_add_rows(g, 1));
    cr_assert(cf_grid_place(g, 0, 0, 1, 2));
    cr_assert(cf_grid_add_rows(g, 2));
    cf_grid_cell cell;
    cr_expect(cf_grid_cell_at(g, 0, 1, &cell), "growing keeps the cells placed before");
    cr_expect_eq(cell.colspan, 2);
    cr_expect_not(cf_grid_cell_at(g, 2, 0, &cell));
    cr_expect_not(cf_grid_place(g, 0, 1, 2, 1), "still covered by the first row's cell");
    cr_expect(cf_grid_place(g, 1, 0, 2, 1));
    cf_grid_free(g);
}
