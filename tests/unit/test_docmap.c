/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A document's tables as the readers map them (core/docmap.h): each cell's place in the document
 * (table, row, cell as the page counts them), the grid the label mapping reads, and the map's way
 * across the PDF reader's pipe. */
#include <criterion/criterion.h>
#include <string.h>

#include "alloc.h"
#include "docbuild.h"
#include "docmap.h"
#include "document.h"

static cf_text *page(const char *html)
{
    cf_text *text = NULL;
    cf_error err;
    cf_error_clear(&err);
    cr_assert_eq(cf_document_from_bytes("page.html", html, strlen(html), &text, &err), CF_OK, "%s", err.message);
    cr_assert_not_null(cf_text_docmap(text), "a web page's tables are mapped");
    return text;
}

/* The map's cell holding the first occurrence of needle in the view. */
static const cf_doccell *cell_of(const cf_text *text, const char *needle)
{
    const char *at = strstr(cf_text_data(text), needle);
    cr_assert_not_null(at, "%s is in the view", needle);
    return cf_docmap_at(cf_text_docmap(text), (size_t)(at - cf_text_data(text)));
}

static const char *const merged =
    "<p>政府信息公开</p><table>"
    "<tr><td rowspan=2>申请人</td><td colspan=2>法人</td><td>合计</td></tr>"
    "<tr><td>商业</td><td>科研</td><td>总</td></tr>"
    "<tr><td>新收</td><td>7</td><td></td><td>19</td></tr>"
    "</table>";

Test(docmap, each_cell_names_its_table_row_and_cell_as_the_page_counts_them)
{
    cf_text *text = page(merged);
    const cf_doccell *c = cell_of(text, "19");
    cr_assert_not_null(c);
    cr_expect_eq(c->table, 1);
    cr_expect_eq(c->doc_row, 3);
    cr_expect_eq(c->doc_cell, 4);
    c = cell_of(text, "科研"); /* the second cell that begins in row 2: the first slot is the rowspan's */
    cr_expect_eq(c->doc_row, 2);
    cr_expect_eq(c->doc_cell, 2);
    cr_expect_eq(c->col, 2);
    c = cell_of(text, "法人");
    cr_expect_eq(c->colspan, 2);
    cr_expect_null(cell_of(text, "政府信息公开"), "a paragraph is no table cell");
    cf_text_free(text);
}

Test(docmap, a_word_continuation_cell_is_counted_among_its_rows_cells_as_word_counts_them)
{
    cf_docbuild *b = cf_docbuild_new();
    cr_assert(b);
    static const char *const rows[2][3] = {{"（三）不予公开", "1.属于国家秘密", "3"}, {NULL, "2.其他法律", "7"}};
    cf_docbuild_table_begin(b);
    for (int r = 0; r < 2; r++) {
        cf_docbuild_row(b);
        for (int c = 0; c < 3; c++) {
            if (!rows[r][c]) { /* <w:vMerge/>: the cell above goes on down */
                cf_docbuild_cell_covered(b, 1);
                continue;
            }
            cf_docbuild_cell_begin(b, 1, 1);
            cf_docbuild_text(b, rows[r][c], strlen(rows[r][c]));
            cf_docbuild_cell_end(b);
        }
    }
    cf_docbuild_table_end(b);
    char *view;
    size_t len;
    cf_docmap *map;
    cf_error err;
    cr_assert_eq(cf_docbuild_finish(b, "t.docx", &view, &len, &map, &err), CF_OK);
    cf_docbuild_free(b);
    const cf_doccell *c = cf_docmap_at(map, (size_t)(strstr(view, "7") - view));
    cr_assert_not_null(c);
    cr_expect_eq(c->doc_row, 2);
    cr_expect_eq(c->doc_cell, 3, "the continuation is the row's first cell, as Word shows it");
    c = cf_docmap_at(map, (size_t)(strstr(view, "2.其他法律") - view));
    cr_expect_eq(c->doc_cell, 2);
    cr_expect_eq(c->col, 1);
    cf_docmap_free(map);
    cf_free(view);
}

Test(docmap, a_cells_place_is_named_from_its_byte_in_the_view)
{
    cf_text *text = page(merged);
    const char *data = cf_text_data(text);
    cf_docplace p;
    cr_assert(cf_docmap_place(text, (size_t)(strstr(data, "19") - data), &p));
    cr_expect_eq(p.table, 1);
    cr_expect_eq(p.row, 3);
    cr_expect_eq(p.cell, 4);
    cr_expect_eq(p.page, 0, "a web page has no pages");
    cr_expect_not(cf_docmap_place(text, (size_t)(strstr(data, "政府信息公开") - data), &p), "a paragraph has no cell");
    cr_expect_eq(p.table, 0, "and names none");
    cf_text_free(text);
}

Test(docmap, the_grid_has_the_tables_cells_and_a_blank_where_the_page_has_one)
{
    cf_text *text = page(merged);
    size_t first = cf_text_line_at(text, (size_t)(strstr(cf_text_data(text), "申请人") - cf_text_data(text)));
    cf_grid *grid;
    size_t end;
    bool nomem;
    cr_expect_not(cf_docmap_grid(cf_text_docmap(text), text, 0, 99, &grid, &end, &nomem), "no table on line 0");
    cr_assert(cf_docmap_grid(cf_text_docmap(text), text, first, 99, &grid, &end, &nomem));
    cr_expect_eq(end, first + 3);
    cr_expect_eq(cf_grid_row_count(grid), 3);
    cr_expect_eq(cf_grid_column_count(grid), 4);
    cf_grid_cell cell;
    cr_assert(cf_grid_cell_at(grid, 0, 2, &cell));
    cr_expect_str_eq(cell.text, "法人");
    cr_expect_eq(cell.colspan, 2, "a heading keeps the columns it spans");
    cr_assert(cf_grid_cell_at(grid, 1, 0, &cell));
    cr_expect_str_eq(cell.text, "", "under a label reaching down: a blank, as the text view's empty field");
    cr_assert(cf_grid_cell_at(grid, 2, 2, &cell));
    cr_expect_str_eq(cell.text, "", "the empty <td> is a blank cell");
    cr_expect_eq(cell.piece_count, 1, "a blank cell still says where it is");
    cr_assert(cf_grid_cell_at(grid, 2, 3, &cell));
    cr_expect_str_eq(cell.text, "19");
    cr_expect_eq(cell.pieces[0].line, first + 2);
    cr_expect_eq(cf_text_data(text)[cell.pieces[0].byte_start], '1', "the piece points at the view's bytes");
    cf_grid_free(grid);
    /* from a row inside the table, up to a limit: the rows from there */
    cr_assert(cf_docmap_grid(cf_text_docmap(text), text, first + 1, first + 2, &grid, &end, &nomem));
    cr_expect_eq(cf_grid_row_count(grid), 1);
    cr_expect_eq(end, first + 2);
    cf_grid_free(grid);
    cf_text_free(text);
}

Test(docmap, it_crosses_a_pipe_unchanged_and_refuses_what_is_not_a_map)
{
    cf_docmap *map = cf_docmap_new();
    cr_assert_not_null(map);
    cf_doccell a = {.rowspan = 1, .colspan = 1, .byte_start = 3, .byte_end = 5, .page = 2, .x0 = 10.5, .y0 = 20,
                    .x1 = 30.25, .y1 = 40};
    cf_doccell b = {.table = 1, .row = 2, .col = 3, .rowspan = 2, .colspan = 1, .byte_start = 7, .byte_end = 7,
                    .doc_row = 3, .doc_cell = 4};
    cr_assert(cf_docmap_add(map, &a));
    cr_assert(cf_docmap_add(map, &b));
    cr_expect_not(cf_docmap_add(map, &a), "cells come in the order they were written");
    cf_buf out;
    cf_buf_init(&out);
    cr_assert(cf_docmap_write(map, &out));
    cf_docmap *back;
    cr_assert_eq(cf_docmap_read(out.data, out.len, 10, &back), CF_OK);
    cr_assert_eq(cf_docmap_count(back), 2);
    const cf_doccell *c = cf_docmap_at(back, 4);
    cr_assert_not_null(c);
    cr_expect_eq(c->page, 2);
    cr_expect_float_eq(c->x0, 10.5, 0.01);
    cr_expect_float_eq(c->x1, 30.25, 0.01);
    c = cf_docmap_at(back, 7);
    cr_assert_not_null(c);
    cr_expect_eq(c->doc_cell, 4);
    cr_expect_null(cf_docmap_at(back, 6));
    cf_docmap_free(back);
    cr_expect_eq(cf_docmap_read(out.data, out.len, 6, &back), CF_ERR_INPUT, "a cell past the view's end");
    cr_expect_null(back);
    const char *bad[] = {"1 2 3\n", "0 0 0 1 1 5 6 0 0 1 0 0 0 0\n0 0 0 1 1 1 2 0 0 1 0 0 0 0\n", "0 0 0 1 1 5 3 0 0 1 0 0 0 0\n", "0 0 0 0 1 1 2 0 0 1 0 0 0 0\n",
                         "0 0 0 1 1 1 2 0 0 1 nan 0 0 0\n", "0 0 0 1 1 1 2 0 0 1 0 0 0 0", "x\n"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        cr_expect_eq(cf_docmap_read(bad[i], strlen(bad[i]), 10, &back), CF_ERR_INPUT, "refused: %s", bad[i]);
        cr_expect_null(back);
    }
    cf_buf_release(&out);
    cf_docmap_free(map);
}

Test(docmap, slots_no_cell_holds_are_blanks_and_not_counted_among_the_rows_cells)
{
    cf_docbuild *b = cf_docbuild_new();
    cr_assert_not_null(b);
    cf_docbuild_table_begin(b);
    cf_docbuild_row(b);
    cf_docbuild_skip(b, 2); /* Word's gridBefore: two grid columns before the row's first cell */
    cf_docbuild_cell_begin(b, 1, 1);
    cf_docbuild_text(b, "规章", strlen("规章"));
    cf_docbuild_cell_begin(b, 1, 1);
    cf_docbuild_text(b, "12", 2);
    cf_docbuild_table_end(b);
    char *view;
    size_t len;
    cf_docmap *map;
    cf_error err;
    cf_error_clear(&err);
    cr_assert_eq(cf_docbuild_finish(b, "t.docx", &view, &len, &map, &err), CF_OK);
    cf_docbuild_free(b);
    cr_expect_str_eq(view, "\t\t规章\t12\n\n", "the skipped slots are empty fields of the text view");
    const cf_doccell *c = cf_docmap_at(map, (size_t)(strstr(view, "12") - view));
    cr_assert_not_null(c);
    cr_expect_eq(c->col, 3);
    cr_expect_eq(c->doc_cell, 2, "the second cell of the row, as Word counts its cells");
    c = cf_docmap_at(map, 1);
    cr_assert_not_null(c, "a skipped slot is a blank of the grid");
    cr_expect_eq(c->doc_cell, 0);
    cr_expect_eq(c->byte_start, c->byte_end);
    cf_docmap_free(map);
    cf_free(view);
}
