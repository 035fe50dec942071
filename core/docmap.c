/* SPDX-License-Identifier: GPL-3.0-or-later */
/* docmap.c — a document's table cells, in its text view and in the document (see docmap.h). */
#include "docmap.h"

#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "utf8.h"

struct cf_docmap {
    cf_doccell *cells;
    size_t count, cap;
};

cf_docmap *cf_docmap_new(void) { return cf_calloc(1, sizeof(cf_docmap)); }

void cf_docmap_free(cf_docmap *map)
{
    if (!map)
        return;
    cf_free(map->cells);
    cf_free(map);
}

size_t cf_docmap_count(const cf_docmap *map) { return map->count; }

bool cf_docmap_add(cf_docmap *map, const cf_doccell *cell)
{
    if (cell->byte_end < cell->byte_start || (map->count && cell->byte_start < map->cells[map->count - 1].byte_start))
        return false;
    if (!cf_reserve_one(&map->cells, map->count, &map->cap, sizeof *map->cells, 64))
        return false;
    map->cells[map->count++] = *cell;
    return true;
}

void cf_docmap_ungrid(cf_docmap *map, unsigned table)
{
    for (size_t i = 0; i < map->count; i++)
        if (map->cells[i].table == table && table)
            map->cells[i].table = 0;
}

bool cf_docmap_set_grid(cf_docmap *map, size_t index, unsigned table, size_t row, size_t col, size_t colspan)
{
    if (index >= map->count)
        return false;
    cf_doccell *c = &map->cells[index];
    c->table = table;
    c->row = row;
    c->col = col;
    c->colspan = colspan ? colspan : 1;
    return true;
}

/* Index of the first cell starting at or after byte. */
static size_t first_from(const cf_docmap *map, size_t byte)
{
    size_t lo = 0, hi = map->count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (map->cells[mid].byte_start < byte)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

const cf_doccell *cf_docmap_at(const cf_docmap *map, size_t byte)
{
    size_t i = first_from(map, byte + 1); /* the cells starting after byte begin here */
    while (i-- > 0) {
        const cf_doccell *c = &map->cells[i];
        if (byte < c->byte_end || byte == c->byte_start)
            return c;
        if (c->byte_end <= byte && c->byte_start < c->byte_end)
            return NULL; /* a cell with text ends before byte: nothing earlier holds it */
    }
    return NULL;
}

/* A PDF coordinate as a whole number of points (never below the page's edge). */
static unsigned whole_points(double v) { return (unsigned)lround(fmax(v, 0)); }

bool cf_docmap_place(const cf_text *text, size_t byte, cf_docplace *out)
{
    *out = (cf_docplace){0};
    const cf_doccell *d = cf_text_docmap(text) ? cf_docmap_at(cf_text_docmap(text), byte) : NULL;
    if (d && d->page) {
        *out = (cf_docplace){.page = d->page,
                             .x0 = whole_points(d->x0),
                             .y0 = whole_points(d->y0),
                             .x1 = whole_points(d->x1),
                             .y1 = whole_points(d->y1)};
        return true;
    }
    if (d && d->table && d->doc_row && d->doc_cell) {
        *out = (cf_docplace){.table = d->table, .row = d->doc_row, .cell = d->doc_cell};
        return true;
    }
    return false;
}


bool cf_docmap_grid(const cf_docmap *map, const cf_text *text, size_t line, size_t limit, cf_grid **out,
                    size_t *end, bool *nomem)
{
    *out = NULL;
    *nomem = false;
    if (!map || line >= limit || line >= cf_text_line_count(text))
        return false;
    size_t len;
    cf_text_line(text, line, &len);
    size_t line_start = cf_text_line_offset(text, line);
    size_t first = first_from(map, line_start);
    if (first == map->count || map->cells[first].byte_start > line_start + len || map->cells[first].table == 0)
        return false;
    unsigned table = map->cells[first].table;
    size_t base = map->cells[first].row;
    size_t rows = limit - line; /* each row of a gridded table is one line of the view */
    size_t stop = first, columns = 0, taken = 0;
    for (; stop < map->count && map->cells[stop].table == table && map->cells[stop].row - base < rows; stop++) {
        const cf_doccell *c = &map->cells[stop];
        if (c->col + c->colspan > columns)
            columns = c->col + c->colspan;
        taken = c->row - base + 1;
    }
    cf_grid *grid = cf_grid_new(columns);
    if (!grid || !cf_grid_add_rows(grid, taken)) {
        cf_grid_free(grid);
        *nomem = true;
        return false;
    }
    const char *data = cf_text_data(text);
    for (size_t i = first; i < stop; i++) {
        const cf_doccell *c = &map->cells[i];
        size_t row = c->row - base;
        size_t rowspan = c->rowspan < taken - row ? c->rowspan : taken - row;
        size_t at = cf_text_line_at(text, c->byte_start);
        size_t at_start = cf_text_line_offset(text, at);
        cf_grid_piece where = {.line = at,
                               .column = 1 + cf_utf8_count(data + at_start, c->byte_start - at_start),
                               .byte_start = c->byte_start,
                               .byte_end = c->byte_end};
        /* A text cell keeps its columns; a blank one is a blank in each column it spans, and the rows
         * below a cell that spans them hold a blank in its columns — as the text view has an empty
         * field in each: the values under a heading that reaches down are blanks, never unaccounted. */
        bool blank = c->byte_start == c->byte_end;
        for (size_t r = row; r < row + rowspan; r++)
            for (size_t k = c->col; k < c->col + c->colspan; k++) {
                bool text_here = !blank && r == row && k == c->col;
                if (!blank && r == row && k > c->col)
                    continue; /* held by the text cell */
                /* spans the document overlaps (HTML allows it) shrink to one slot, or give way */
                if (!(text_here && cf_grid_place(grid, r, k, 1, c->colspan)) && !cf_grid_place(grid, r, k, 1, 1))
                    continue;
                cf_grid_piece here = where;
                if (r > row) { /* an empty field of that row's line */
                    here.line = at + (r - row);
                    here.column = 1;
                    here.byte_start = here.byte_end = cf_text_line_offset(text, here.line);
                } else if (!text_here) {
                    here.byte_end = here.byte_start;
                }
                if (!cf_grid_append(grid, r, k, data + here.byte_start, here.byte_end - here.byte_start, false, &here)) {
                    cf_grid_free(grid);
                    *nomem = true;
                    return false;
                }
            }
    }
    *out = grid;
    *end = line + taken;
    return true;
}

cf_status cf_text_from_mapped_document(const char *name, const char *kind, const char *described, char **utf8,
                                       size_t len, const char *sha256_hex, cf_docmap *map, cf_text **out,
                                       cf_error *err)
{
    cf_status st = cf_text_from_document(name, kind, described, utf8, len, sha256_hex, out, err);
    if (st == CF_OK)
        cf_text_set_docmap(*out, map);
    else
        cf_docmap_free(map);
    return st;
}

/* ---------- across a pipe ---------- */

/* A coordinate the reader can read back: a box the library could not measure is at 0. */
static double writable(double v) { return isfinite(v) && fabs(v) < 1e9 ? v : 0; }

bool cf_docmap_write(const cf_docmap *map, cf_buf *out)
{
    for (size_t i = 0; i < map->count; i++) {
        const cf_doccell *c = &map->cells[i];
        if (!cf_buf_printf(out, "%u %zu %zu %zu %zu %zu %zu %u %u %u %.2f %.2f %.2f %.2f\n", c->table, c->row, c->col,
                           c->rowspan, c->colspan, c->byte_start, c->byte_end, c->doc_row, c->doc_cell, c->page,
                           writable(c->x0), writable(c->y0), writable(c->x1), writable(c->y1)))
            return false;
    }
    return true;
}

/* The next number of a line: a count (at most max) or a coordinate. */
static bool next_count(const char **s, const char *end, size_t max, size_t *v)
{
    if (*s >= end || **s < '0' || **s > '9')
        return false;
    errno = 0;
    char *after;
    unsigned long long n = strtoull(*s, &after, 10);
    if (errno || after > end || n > max || (after < end && *after != ' ' && *after != '\n'))
        return false;
    *v = (size_t)n;
    *s = after + (after < end && *after == ' ');
    return true;
}

static bool next_coord(const char **s, const char *end, double *v)
{
    if (*s >= end || !strchr("-0123456789", **s))
        return false;
    char *after;
    *v = strtod(*s, &after);
    if (after > end || after == *s || !isfinite(*v) || (after < end && *after != ' ' && *after != '\n'))
        return false;
    *s = after + (after < end && *after == ' ');
    return true;
}

cf_status cf_docmap_read(const char *s, size_t len, size_t view_len, cf_docmap **out)
{
    *out = cf_docmap_new();
    if (!*out)
        return CF_ERR_NOMEM;
    cf_status st = CF_OK;
    const char *end = len ? s + len : s; /* an empty map may come as NULL */
    while (s < end) {
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        if (!nl)
            break;
        size_t v[10] = {0};
        double box[4] = {0};
        bool ok = true;
        for (int i = 0; i < 10 && ok; i++)
            ok = next_count(&s, nl, i >= 5 && i <= 6 ? view_len : UINT32_MAX, &v[i]);
        for (int i = 0; i < 4 && ok; i++)
            ok = next_coord(&s, nl, &box[i]);
        cf_doccell c = {(unsigned)v[0], v[1], v[2], v[3], v[4], v[5], v[6], (unsigned)v[7], (unsigned)v[8],
                        (unsigned)v[9], box[0], box[1], box[2], box[3]};
        if (!ok || s != nl || c.rowspan == 0 || c.colspan == 0 || c.byte_end < c.byte_start)
            break;
        if (!cf_docmap_add(*out, &c)) {
            st = (*out)->count && c.byte_start < (*out)->cells[(*out)->count - 1].byte_start ? CF_ERR_INPUT : CF_ERR_NOMEM;
            break;
        }
        s = nl + 1;
    }
    if (st == CF_OK && s != end)
        st = CF_ERR_INPUT;
    if (st != CF_OK) {
        cf_docmap_free(*out);
        *out = NULL;
    }
    return st;
}
