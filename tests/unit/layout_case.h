/* SPDX-License-Identifier: GPL-3.0-or-later */
/* layout_case.h — the unit tests' way to run a layout reader (core/layout.h) on a text and look at
 * the grid it builds. Header-only (static functions), like cf_test.h. */
#ifndef CF_LAYOUT_CASE_H
#define CF_LAYOUT_CASE_H

#include <criterion/criterion.h>
#include <string.h>

#include "grid.h"
#include "layout.h"
#include "text.h"

typedef struct {
    cf_text *text;
    cf_grid *grid;
    size_t end;
} layout_case;

/* cf_layout_drawn, cf_layout_ruled … */
typedef bool (*layout_reader)(const cf_text *text, size_t first, size_t limit, cf_grid **out, size_t *end,
                              bool *nomem);

/* Read src's table starting at line first with read; the text is kept for the checks. */
__attribute__((unused)) static bool read_layout(layout_case *c, layout_reader read, const char *src, size_t first)
{
    cf_error err;
    memset(c, 0, sizeof *c);
    cr_assert_eq(cf_text_from_bytes("table.txt", src, strlen(src), &c->text, &err), CF_OK);
    bool nomem = false;
    bool found = read(c->text, first, cf_text_line_count(c->text), &c->grid, &c->end, &nomem);
    cr_assert_not(nomem);
    return found;
}

__attribute__((unused)) static void release(layout_case *c)
{
    cf_grid_free(c->grid);
    cf_text_free(c->text);
}

/* The text of the cell covering (row, col), "(hole)" where none does. */
__attribute__((unused)) static const char *text_at(const layout_case *c, size_t row, size_t col)
{
    static cf_grid_cell cell;
    if (!cf_grid_cell_at(c->grid, row, col, &cell))
        return "(hole)";
    return cell.text;
}

#endif
