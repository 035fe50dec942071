/* SPDX-License-Identifier: GPL-3.0-or-later */
/* layout_ruled.c — tables under a rule of dash segments, as pandoc prints simple and multiline
 * tables ("  ---------- -------- --------" over, or around, rows aligned by spaces).
 *
 * 1. The rule: two or more runs of dashes apart by spaces; each run is a column, which owns the
 *    display columns from its first dash to the next run's first dash.
 * 2. The rows: the lines after the rule, up to a closing rule or to an empty line that the table
 *    does not go on after. When empty lines stand between rows before a closing rule (a multiline
 *    table), the lines between two empty lines are one row; else each line is a row.
 * 3. The measure: a CJK character counts two columns or one; the measure in which fewer words
 *    straddle a column's first column is the converter's (pandoc counts two).
 * A word goes to the column its first character stands in, so a blank cell stays in its column
 * even when no row is full. */
#include "layout.h"

#include <string.h>

#include "alloc.h"
#include "utf8.h"

#define MAX_COLUMNS 64 /* columns of one table */
#define MAX_ROWS 2000  /* lines of one table */

/* The runs of dashes of a rule line: their first display columns (a rule is ASCII). Returns how
 * many, 0 when the line is no rule (anything but dashes and spaces, or a run shorter than 3). */
static size_t rule_columns(const char *s, size_t len, long *starts, size_t max)
{
    size_t n = 0;
    for (size_t i = 0; i < len;) {
        if (s[i] == ' ') {
            i++;
            continue;
        }
        if (s[i] != '-')
            return 0;
        size_t j = i;
        while (j < len && s[j] == '-')
            j++;
        if (j - i < 3 || n == max)
            return 0;
        starts[n++] = (long)i;
        i = j;
    }
    return n;
}

static bool is_rule(const cf_text *text, size_t line)
{
    size_t len;
    const char *s = cf_text_line(text, line, &len);
    long starts[MAX_COLUMNS];
    return rule_columns(s, len, starts, MAX_COLUMNS) > 0;
}

bool cf_layout_ruled_starts(const cf_text *text, size_t line)
{
    size_t len;
    const char *s = cf_text_line(text, line, &len);
    long starts[MAX_COLUMNS];
    return len > 0 && (s[0] == ' ' || s[0] == '-') && rule_columns(s, len, starts, MAX_COLUMNS) >= 2;
}

/* A line that only holds spaces (a row of blank cells) is no empty line. */
static bool is_empty(const cf_text *text, size_t line)
{
    size_t len;
    cf_text_line(text, line, &len);
    return len == 0;
}

static bool is_indented(const cf_text *text, size_t line)
{
    size_t len;
    const char *s = cf_text_line(text, line, &len);
    return len > 0 && s[0] == ' ';
}

/* Calls word(ctx, byte, len, column) for each run of non-space characters of line, with the display
 * column of its first character (CJK `wide` columns); false when word does. */
typedef bool (*word_fn)(void *ctx, size_t line, size_t byte, size_t len, long column, long end);
static bool each_word(const cf_text *text, size_t line, int wide, word_fn word, void *ctx)
{
    size_t len;
    const char *s = cf_text_line(text, line, &len);
    long x = 0;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t n = cf_utf8_decode(s + i, len - i, &cp);
        if (n == 0)
            n = 1, cp = (unsigned char)s[i];
        if (cp == ' ' || cp == '\t' || cp == 0x3000) {
            x += cp == 0x3000 ? wide : 1;
            i += n;
            continue;
        }
        size_t from = i;
        long start = x;
        while (i < len) {
            n = cf_utf8_decode(s + i, len - i, &cp);
            if (n == 0)
                n = 1, cp = (unsigned char)s[i];
            if (cp == ' ' || cp == '\t' || cp == 0x3000)
                break;
            x += cf_is_wide(cp) ? wide : 1;
            i += n;
        }
        if (!word(ctx, line, from, i - from, start, x))
            return false;
    }
    return true;
}

/* True when line l of the table under the rule at line first begins a row: every line of a simple
 * table, the first line after the rule or after an empty line of a multiline one. */
static bool starts_row(const cf_text *text, size_t first, size_t l, bool separated)
{
    if (!separated)
        return true;
    return !is_empty(text, l) && (l == first + 1 || is_empty(text, l - 1));
}

typedef struct {
    const long *starts;
    size_t columns;
    size_t misfits;
} fit;

static size_t column_at(const long *starts, size_t columns, long x)
{
    size_t c = 0;
    while (c + 1 < columns && starts[c + 1] <= x)
        c++;
    return c;
}

static bool count_misfit(void *ctx, size_t line, size_t byte, size_t len, long column, long end)
{
    fit *f = ctx;
    f->misfits += column_at(f->starts, f->columns, column) != column_at(f->starts, f->columns, end - 1);
    return true;
}

typedef struct {
    const cf_text *text;
    cf_grid *grid;
    const long *starts;
    size_t columns;
    size_t row;
    uint32_t last[MAX_COLUMNS]; /* the last character appended to each column's cell of the row */
} builder;

static bool append_word(void *ctx, size_t line, size_t byte, size_t len, long column, long end)
{
    builder *b = ctx;
    size_t c = column_at(b->starts, b->columns, column);
    const char *s = cf_text_line(b->text, line, &(size_t){0}) + byte;
    uint32_t first;
    if (cf_utf8_decode(s, len, &first) == 0)
        first = (unsigned char)*s;
    /* words wrapped inside a cell join with a space, but not between two Chinese characters */
    bool spaced = !(cf_is_wide(first) && cf_is_wide(b->last[c]));
    size_t at = cf_utf8_boundary(s, len - 1);
    if (cf_utf8_decode(s + at, len - at, &b->last[c]) == 0)
        b->last[c] = (unsigned char)s[len - 1];
    size_t offset = cf_text_line_offset(b->text, line) + byte;
    cf_grid_piece where = {line, (size_t)column + 1, offset, offset + len, 0};
    return cf_grid_append(b->grid, b->row, c, s, len, spaced, &where);
}

bool cf_layout_ruled(const cf_text *text, size_t first, size_t limit, cf_grid **out, size_t *end, bool *nomem)
{
    *out = NULL;
    *nomem = false;
    if (first >= limit || !cf_layout_ruled_starts(text, first))
        return false;
    size_t len;
    const char *s = cf_text_line(text, first, &len);
    long starts[MAX_COLUMNS];
    size_t columns = rule_columns(s, len, starts, MAX_COLUMNS);
    /* the table's lines: to a closing rule, or to an empty line the table does not go on after */
    size_t stop;
    bool separated = false, closed = false;
    for (stop = first + 1; stop < limit && stop - first <= MAX_ROWS; stop++) {
        if (is_rule(text, stop)) {
            closed = true;
            break;
        }
        if (!is_empty(text, stop)) {
            if (!is_indented(text, stop))
                break; /* a line at the margin is text after the table */
            continue;
        }
        if (stop + 1 >= limit || is_empty(text, stop + 1) ||
            !(is_indented(text, stop + 1) || is_rule(text, stop + 1)))
            break;
        separated = true;
    }
    if (!closed && separated) { /* no closing rule: a simple table, which ends at its first empty line */
        for (stop = first + 1; stop < limit && !is_empty(text, stop);)
            stop++;
        separated = false;
    }
    size_t last = stop;
    if (last == first + 1)
        return false; /* a rule with nothing under it */
    /* the measure: CJK two columns, unless one column fits the words better */
    int wide = 2;
    size_t misfits[3] = {0};
    for (int w = 1; w <= 2; w++) {
        fit f = {starts, columns, 0};
        for (size_t l = first + 1; l < last; l++)
            each_word(text, l, w, count_misfit, &f);
        misfits[w] = f.misfits;
    }
    if (misfits[1] < misfits[2])
        wide = 1;
    size_t rows = 0;
    for (size_t l = first + 1; l < last; l++)
        rows += starts_row(text, first, l, separated);
    cf_grid *grid = cf_grid_new(columns);
    if (!grid || !cf_grid_add_rows(grid, rows)) {
        cf_grid_free(grid);
        *nomem = true;
        return false;
    }
    bool ok = true;
    for (size_t r = 0; ok && r < rows; r++)
        for (size_t c = 0; ok && c < columns; c++)
            ok = cf_grid_place(grid, r, c, 1, 1);
    builder b = {text, grid, starts, columns, 0, {0}};
    size_t row_line = first + 1; /* the first line of the row being read */
    bool started = false;
    for (size_t l = first + 1; ok && l < last; l++) {
        if (separated && is_empty(text, l))
            continue;
        if (starts_row(text, first, l, separated)) {
            b.row += started;
            started = true;
            row_line = l;
            memset(b.last, 0, sizeof b.last);
        }
        ok = each_word(text, l, wide, append_word, &b);
        bool row_ends = !separated || l + 1 >= last || is_empty(text, l + 1);
        /* a blank cell: an empty piece where its column starts on the row's first line */
        for (size_t c = 0; ok && row_ends && c < columns; c++) {
            cf_grid_cell cell;
            if (!cf_grid_cell_at(grid, b.row, c, &cell) || cell.piece_count > 0)
                continue;
            size_t offset = cf_text_line_offset(text, row_line);
            cf_grid_piece where = {row_line, (size_t)starts[c] + 1, offset, offset, 0};
            ok = cf_grid_append(grid, b.row, c, "", 0, false, &where);
        }
    }
    if (!ok) {
        cf_grid_free(grid);
        *nomem = true;
        return false;
    }
    *out = grid;
    *end = closed ? stop + 1 : stop;
    return true;
}
