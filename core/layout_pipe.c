/* SPDX-License-Identifier: GPL-3.0-or-later */
/* layout_pipe.c — markdown pipe tables, as pandoc and PDF-to-markdown tools print them:
 *
 *     | 信息内容 | 本年制发件数 | 本年废止件数 |
 *     |---|:---:|---:|
 *     | 规章 |  | 125 |
 *
 * Every row is one line and every cell is the text between two bars, so a blank cell is an empty
 * cell of its own column even when no row is full, and a merged cell printed once (its other
 * cells empty) or repeated in every cell it covers keeps the columns of the cells beside it.
 * A table is read only when every row between the header and the table's end has the header's
 * number of cells and closes with a bar; anything else (a cell wrapped over lines, as html2text
 * prints it) is left to the line-by-line reading. */
#include "layout.h"

#include <string.h>

#include "alloc.h"
#include "utf8.h"


#define MAX_COLUMNS 64 /* cells of one row */
#define MAX_ROWS 2000  /* lines of one table */

/* Where the cells of a pipe row stand: cell i is bytes [from[i], to[i]) of the line. Returns how
 * many cells, 0 when the line is no pipe row (it must start and end with a bar, spaces aside) or
 * has more than max. A bar after a backslash is text. */
static size_t row_cells(const char *s, size_t len, size_t *from, size_t *to, size_t max)
{
    size_t i = 0;
    while (i < len && s[i] == ' ')
        i++;
    while (len > i && s[len - 1] == ' ')
        len--;
    if (len - i < 2 || s[i] != '|' || s[len - 1] != '|' || s[len - 2] == '\\')
        return 0;
    size_t n = 0, start = i + 1;
    for (size_t k = i + 1; k < len; k++) {
        if (s[k] != '|' || s[k - 1] == '\\')
            continue;
        if (n == max)
            return 0;
        from[n] = start;
        to[n] = k;
        n++;
        start = k + 1;
    }
    return n;
}

/* Bytes [*a, *b) of s without the spaces at either end. */
static void trim(const char *s, size_t *a, size_t *b)
{
    while (*a < *b && s[*a] == ' ')
        (*a)++;
    while (*b > *a && s[*b - 1] == ' ')
        (*b)--;
}

/* True when every cell of a row is a delimiter (":---", "---:", ":-:" …). */
static bool is_delimiter_row(const char *s, const size_t *from, const size_t *to, size_t n)
{
    for (size_t c = 0; c < n; c++) {
        size_t a = from[c], b = to[c];
        trim(s, &a, &b);
        a += a < b && s[a] == ':';
        b -= b > a && s[b - 1] == ':';
        if (a == b)
            return false;
        for (size_t k = a; k < b; k++)
            if (s[k] != '-')
                return false;
    }
    return true;
}

static size_t cells_of(const cf_text *text, size_t line, size_t *from, size_t *to)
{
    size_t len;
    const char *s = cf_text_line(text, line, &len);
    return row_cells(s, len, from, to, MAX_COLUMNS);
}

bool cf_layout_pipe_starts(const cf_text *text, size_t line)
{
    size_t len;
    const char *s = cf_text_line(text, line, &len);
    size_t i = 0;
    while (i < len && s[i] == ' ')
        i++;
    return i < len && s[i] == '|';
}

/* The trimmed cells of the table's rows: row r's cell c is bytes [cell[2 * (r * columns + c)], …+1)
 * of line line[r]. */
typedef struct {
    const cf_text *text;
    size_t columns, rows;
    size_t *line;
    size_t *cell;
} rows_read;

static const char *cell_text(const rows_read *t, size_t r, size_t c, size_t *len)
{
    const size_t *at = &t->cell[2 * (r * t->columns + c)];
    *len = at[1] - at[0];
    return cf_text_line(t->text, t->line[r], &(size_t){0}) + at[0];
}

static bool same_text(const rows_read *t, size_t r1, size_t c1, size_t r2, size_t c2)
{
    size_t l1, l2;
    const char *a = cell_text(t, r1, c1, &l1), *b = cell_text(t, r2, c2, &l2);
    return l1 == l2 && memcmp(a, b, l1) == 0;
}

/* True when cells [a, b) of row r are one run of the same words (not a number): a merged
 * heading that the converter printed once in every cell it covers. */
static bool is_heading_run(const rows_read *t, size_t r, size_t a, size_t b)
{
    size_t len;
    const char *s = cell_text(t, r, a, &len);
    bool words = false, tag = false; /* a Chinese character outside the markup ("<span style=…宋体…>0") */
    for (size_t i = 0; i < len && !words; i++) {
        tag = s[i] == '<' || (tag && s[i - 1] != '>');
        words = !tag && (unsigned char)s[i] >= 0x80;
    }
    if (!words || (a > 0 && same_text(t, r, a - 1, r, a)) || (b < t->columns && same_text(t, r, b, r, a)))
        return false;
    for (size_t c = a + 1; c < b; c++)
        if (!same_text(t, r, c, r, a))
            return false;
    return true;
}

/* How many cells, from cell a of row r on, are one merged cell. A converter that prints a merged
 * cell in every cell it covers (docling does) repeats a value the same way, "| 行政许可 | 25 | 25 | 25 |",
 * but equal values side by side are as often cells of their own ("| 0 | 0 |"): the cells are one
 * only when the nearest row above with words in them has one merged heading over exactly those
 * cells ("| 信息内容 | 本年处理决定数量 | 本年处理决定数量 | 本年处理决定数量 |"). */
static size_t merged_width(const rows_read *t, size_t r, size_t a)
{
    size_t len;
    cell_text(t, r, a, &len);
    size_t b = a + 1;
    while (b < t->columns && same_text(t, r, b, r, a))
        b++;
    if (len == 0 || b - a < 2)
        return 1;
    for (size_t up = r; up-- > 0;) {
        bool blank = true;
        for (size_t c = a; c < b && blank; c++)
            blank = (cell_text(t, up, c, &len), len == 0);
        if (!blank)
            return is_heading_run(t, up, a, b) ? b - a : 1;
    }
    return 1;
}

/* Keeps the row on `line`, its cells at [from[c], to[c]) trimmed, unless every cell is empty (pandoc's
 * gfm prints a row of nothing as the header a table must have): such a row is none. False when
 * memory runs out. */
static bool keep_row(rows_read *t, size_t line, const size_t *from, const size_t *to, size_t *line_cap,
                     size_t *cell_cap)
{
    size_t row_bytes = 2 * t->columns * sizeof *t->cell;
    if (!cf_reserve_one(&t->line, t->rows, line_cap, sizeof *t->line, 64) ||
        !cf_reserve_one(&t->cell, t->rows, cell_cap, row_bytes, 64))
        return false;
    const char *s = cf_text_line(t->text, line, &(size_t){0});
    size_t *at = &t->cell[2 * t->rows * t->columns];
    bool blank = true;
    for (size_t c = 0; c < t->columns; c++) {
        size_t a = from[c], b = to[c];
        trim(s, &a, &b);
        at[2 * c] = a;
        at[2 * c + 1] = b;
        blank &= a == b;
    }
    t->line[t->rows] = line;
    t->rows += !blank;
    return true;
}

/* The grid of the rows read: a merged cell once, with its span; a blank cell an empty piece where
 * it starts, so it has a place in the text. NULL when memory runs out. */
static cf_grid *build_grid(const rows_read *t)
{
    cf_grid *grid = cf_grid_new(t->columns);
    bool ok = grid && cf_grid_add_rows(grid, t->rows);
    for (size_t r = 0; ok && r < t->rows; r++) {
        size_t offset = cf_text_line_offset(t->text, t->line[r]);
        const char *s = cf_text_line(t->text, t->line[r], &(size_t){0});
        for (size_t c = 0; ok && c < t->columns;) {
            size_t width = merged_width(t, r, c), len;
            const char *at = cell_text(t, r, c, &len);
            size_t a = (size_t)(at - s);
            cf_grid_piece where = {t->line[r], cf_utf8_count(s, a) + 1, offset + a, offset + a + len, 0};
            ok = cf_grid_place(grid, r, c, 1, width) && cf_grid_append(grid, r, c, at, len, false, &where);
            c += width;
        }
    }
    if (!ok) {
        cf_grid_free(grid);
        return NULL;
    }
    return grid;
}

bool cf_layout_pipe(const cf_text *text, size_t first, size_t limit, cf_grid **out, size_t *end, bool *nomem)
{
    *out = NULL;
    *nomem = false;
    if (first + 1 >= limit || !cf_layout_pipe_starts(text, first))
        return false;
    size_t from[MAX_COLUMNS], to[MAX_COLUMNS];
    size_t columns = cells_of(text, first, from, to);
    size_t dfrom[MAX_COLUMNS], dto[MAX_COLUMNS];
    if (columns == 0 || cells_of(text, first + 1, dfrom, dto) != columns ||
        !is_delimiter_row(cf_text_line(text, first + 1, &(size_t){0}), dfrom, dto, columns))
        return false;
    /* the rows: the header, then every line that starts with a bar, each with the header's cells */
    rows_read t = {text, columns, 0, NULL, NULL};
    size_t line_cap = 0, cell_cap = 0;
    bool ok = keep_row(&t, first, from, to, &line_cap, &cell_cap);
    size_t stop = first + 2;
    for (; ok && stop < limit && stop - first <= MAX_ROWS && cf_layout_pipe_starts(text, stop); stop++) {
        if (cells_of(text, stop, from, to) != columns) {
            cf_free(t.line);
            cf_free(t.cell);
            return false;
        }
        ok = keep_row(&t, stop, from, to, &line_cap, &cell_cap);
    }
    if (!ok) {
        cf_free(t.line);
        cf_free(t.cell);
        *nomem = true;
        return false;
    }
    *out = t.rows ? build_grid(&t) : NULL;
    cf_free(t.line);
    cf_free(t.cell);
    if (!*out) {
        *nomem = t.rows > 0;
        return false;
    }
    *end = stop;
    return true;
}
