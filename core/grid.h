/* SPDX-License-Identifier: GPL-3.0-or-later */
/* grid.h — a table as rows × columns of cells: the model between a layout and the labels.
 *
 * A layout reader (drawn grids, aligned columns, pipe rows, one cell a line … or a reader of
 * HTML, DOCX or PDF tables) builds a grid; the map stage (core/map) matches its rows and
 * columns to a template's by their labels. Nothing here knows a cell id.
 *
 * A cell sits at its anchor (top-left) position and covers rowspan × colspan positions. Its
 * text is built from pieces appended in reading order; each piece remembers where it came
 * from (line, display column, byte range in the decoded report text), so every character of
 * a cell's text can say which source byte it stands for. Positions no cell covers are holes:
 * a layout that prints nothing there. */
#ifndef CF_GRID_H
#define CF_GRID_H

#include <stdbool.h>
#include <stddef.h>

/* Where a piece of a cell's text came from. */
typedef struct {
    size_t line;                 /* 0-based line of the report text */
    size_t column;               /* 1-based column (in characters) of the piece's first character */
    size_t byte_start, byte_end; /* the piece's bytes in the decoded report text */
    size_t at;                   /* where the piece starts in its cell's text */
} cf_grid_piece;

/* A read-only view of one cell; valid until the grid changes or is freed. */
typedef struct {
    size_t row, col;          /* anchor */
    size_t rowspan, colspan;  /* at least 1 each */
    const char *text;         /* the pieces' text joined, NUL-terminated ("" when none) */
    size_t len;
    const cf_grid_piece *pieces;
    size_t piece_count;
} cf_grid_cell;

typedef struct cf_grid cf_grid;

/* An empty grid of `columns` columns and no rows. NULL when memory runs out. Caller frees with
 * cf_grid_free. */
cf_grid *cf_grid_new(size_t columns);
void cf_grid_free(cf_grid *grid);

size_t cf_grid_row_count(const cf_grid *grid);
size_t cf_grid_column_count(const cf_grid *grid);

/* Append `count` empty rows (holes everywhere). False when memory runs out (the grid unchanged). */
bool cf_grid_add_rows(cf_grid *grid, size_t count);

/* Place an empty cell anchored at (row, col) covering rowspan × colspan positions. False when the
 * span leaves the grid, is zero, or overlaps a position another cell covers, or memory runs out;
 * the grid is then unchanged. */
bool cf_grid_place(cf_grid *grid, size_t row, size_t col, size_t rowspan, size_t colspan);

/* Append text[0..len) (a copy of the source bytes where->byte_start..byte_end, or text derived
 * from them) to the cell covering (row, col); with `spaced`, a space goes first when the cell
 * already holds text. False when no cell covers the position or memory runs out. */
bool cf_grid_append(cf_grid *grid, size_t row, size_t col, const char *text, size_t len, bool spaced,
                    const cf_grid_piece *where);

/* The cell covering (row, col) into *out. False (and *out untouched) for a hole or a position
 * outside the grid. */
bool cf_grid_cell_at(const cf_grid *grid, size_t row, size_t col, cf_grid_cell *out);

/* True when the cell covering (row, col) is anchored there (a spanned cell is met once this way). */
bool cf_grid_is_anchor(const cf_grid *grid, size_t row, size_t col);

/* The source of byte `offset` of a cell's text: the piece holding it (the last piece for the
 * separator spaces and the end) and the decoded-text byte it stands for. False when the cell has no
 * pieces. */
bool cf_grid_cell_source(const cf_grid_cell *cell, size_t offset, const cf_grid_piece **piece, size_t *byte);

#endif
