/* SPDX-License-Identifier: GPL-3.0-or-later */
/* grid.c — rows × columns of cells with spans and provenance (see grid.h). */
#include "grid.h"

#include <stdint.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"

typedef struct {
    size_t row, col, rowspan, colspan;
    cf_buf text;
    cf_grid_piece *pieces;
    size_t piece_count, piece_cap;
} grid_cell;

struct cf_grid {
    size_t columns, rows;
    long *owner; /* rows × columns: index of the covering cell, -1 for a hole */
    grid_cell *cells;
    size_t cell_count, cell_cap;
};

cf_grid *cf_grid_new(size_t columns)
{
    cf_grid *grid = cf_calloc(1, sizeof *grid);
    if (grid)
        grid->columns = columns;
    return grid;
}

void cf_grid_free(cf_grid *grid)
{
    if (!grid)
        return;
    for (size_t i = 0; i < grid->cell_count; i++) {
        cf_buf_release(&grid->cells[i].text);
        cf_free(grid->cells[i].pieces);
    }
    cf_free(grid->cells);
    cf_free(grid->owner);
    cf_free(grid);
}

size_t cf_grid_row_count(const cf_grid *grid) { return grid->rows; }
size_t cf_grid_column_count(const cf_grid *grid) { return grid->columns; }

bool cf_grid_add_rows(cf_grid *grid, size_t count)
{
    if (count == 0 || grid->columns == 0) {
        grid->rows += count; /* no positions to hold */
        return true;
    }
    size_t rows = grid->rows + count;
    if (rows < grid->rows || rows > SIZE_MAX / sizeof(long) / grid->columns)
        return false;
    long *owner = cf_realloc(grid->owner, rows * grid->columns * sizeof *owner);
    if (!owner)
        return false;
    for (size_t i = grid->rows * grid->columns; i < rows * grid->columns; i++)
        owner[i] = -1;
    grid->owner = owner;
    grid->rows = rows;
    return true;
}

static long owner_at(const cf_grid *grid, size_t row, size_t col)
{
    if (row >= grid->rows || col >= grid->columns)
        return -1;
    return grid->owner[row * grid->columns + col];
}

bool cf_grid_place(cf_grid *grid, size_t row, size_t col, size_t rowspan, size_t colspan)
{
    if (rowspan == 0 || colspan == 0 || row >= grid->rows || col >= grid->columns ||
        rowspan > grid->rows - row || colspan > grid->columns - col)
        return false;
    for (size_t r = row; r < row + rowspan; r++)
        for (size_t c = col; c < col + colspan; c++)
            if (owner_at(grid, r, c) >= 0)
                return false;
    if (!cf_reserve_one(&grid->cells, grid->cell_count, &grid->cell_cap, sizeof *grid->cells, 32))
        return false;
    grid_cell *cell = &grid->cells[grid->cell_count];
    *cell = (grid_cell){.row = row, .col = col, .rowspan = rowspan, .colspan = colspan};
    cf_buf_init(&cell->text);
    for (size_t r = row; r < row + rowspan; r++)
        for (size_t c = col; c < col + colspan; c++)
            grid->owner[r * grid->columns + c] = (long)grid->cell_count;
    grid->cell_count++;
    return true;
}

bool cf_grid_append(cf_grid *grid, size_t row, size_t col, const char *text, size_t len, bool spaced,
                    const cf_grid_piece *where)
{
    long owner = owner_at(grid, row, col);
    if (owner < 0)
        return false;
    grid_cell *cell = &grid->cells[owner];
    if (!cf_reserve_one(&cell->pieces, cell->piece_count, &cell->piece_cap, sizeof *cell->pieces, 2))
        return false;
    size_t had = cell->text.len;
    if (spaced && had > 0 && !cf_buf_append(&cell->text, " ", 1))
        return false;
    cf_grid_piece piece = *where;
    piece.at = cell->text.len;
    if (!cf_buf_append(&cell->text, text, len)) {
        cell->text.len = had; /* drop the separator with the piece */
        if (cell->text.data)
            cell->text.data[had] = '\0';
        return false;
    }
    cell->pieces[cell->piece_count++] = piece;
    return true;
}

bool cf_grid_cell_at(const cf_grid *grid, size_t row, size_t col, cf_grid_cell *out)
{
    long owner = owner_at(grid, row, col);
    if (owner < 0)
        return false;
    const grid_cell *cell = &grid->cells[owner];
    *out = (cf_grid_cell){
        .row = cell->row,
        .col = cell->col,
        .rowspan = cell->rowspan,
        .colspan = cell->colspan,
        .text = cell->text.data ? cell->text.data : "",
        .len = cell->text.len,
        .pieces = cell->pieces,
        .piece_count = cell->piece_count,
    };
    return true;
}

bool cf_grid_is_anchor(const cf_grid *grid, size_t row, size_t col)
{
    long owner = owner_at(grid, row, col);
    return owner >= 0 && grid->cells[owner].row == row && grid->cells[owner].col == col;
}

bool cf_grid_cell_source(const cf_grid_cell *cell, size_t offset, const cf_grid_piece **piece, size_t *byte)
{
    if (cell->piece_count == 0)
        return false;
    size_t i = cell->piece_count - 1;
    while (i > 0 && cell->pieces[i].at > offset)
        i--;
    const cf_grid_piece *p = &cell->pieces[i];
    size_t into = offset > p->at ? offset - p->at : 0;
    size_t width = p->byte_end - p->byte_start;
    *piece = p;
    *byte = p->byte_start + (into < width ? into : width);
    return true;
}
