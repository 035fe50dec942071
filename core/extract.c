/* SPDX-License-Identifier: GPL-3.0-or-later */
/* extract.c — from a report's text to its table cells, by label.
 *
 * 1. Every line is normalised; the template is chosen by its detect phrases and
 *    each table's region is found between headings.
 * 2. A region becomes a stream of tokens: words (kept as a compact key for
 *    matching), values and empty fields, each remembering its source bytes.
 *    Tabs and pipes separate fields; a pipe cell may run over several lines.
 * 3. Words gathered since the last run of values are matched against the row
 *    labels; the run of values that follows is reconciled with the row's columns.
 * What the labels cannot place in text printed in a PDF's drawing order is read by pdfrows.c, and the
 * rows of a scanned report are checked by scanrows.c (extract_parts.h: what they share). */
#include "extract.h"
#include "extract_parts.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "cellvalue.h"
#include "docmap.h"
#include "grid.h"
#include "i18n.h"
#include "layout.h"
#include "normalize.h"
#include "rules.h"
#include "utf8.h"

/* A pipe cell still open at the end of a line: its pieces so far. */
typedef struct {
    bool open;
    bool has_text;
    size_t piece_count;
    struct {
        size_t line, start, end; /* normalised offsets within that line */
    } pieces[8];
} pending_cell;

/* ---------- small helpers ---------- */

bool cf_extract_oom(extractor *ex)
{
    if (ex->status == CF_OK)
        ex->status = cf_error_nomem(ex->err, cf_text_name(ex->text));
    return false;
}

bool cf_extract_warn(extractor *ex, size_t line, long cell, const char *fmt, ...)
{
    cf_report *r = ex->report;
    if (!cf_reserve_one(&r->warnings, r->warning_count, &r->warning_cap, sizeof *r->warnings, 8))
        return cf_extract_oom(ex);
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (n >= (int)sizeof msg)
        cf_utf8_mark_cut(msg, sizeof msg);
    char *copy = cf_strdup(msg);
    if (!copy)
        return cf_extract_oom(ex);
    r->warnings[r->warning_count++] = (cf_warning){line, cell, copy};
    return true;
}

static bool normalize(extractor *ex, size_t line)
{
    ex->norm = cf_norm_text_line(ex->norms, line);
    return ex->norm || cf_extract_oom(ex);
}

bool cf_extract_is_blank(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (s[i] != ' ' && s[i] != '\t')
            return false;
    return true;
}

/* Bytes of hay find_last looks through at a time, from the end back. */
#define FIND_LAST_BLOCK 512

/* The last place needle stands in hay. memchr finds the candidates by the needle's last byte: in
 * keys of CJK text a lead byte is nearly everywhere, a last byte one of 64 (the byte-by-byte scan
 * back from the end was 0.1 M instructions a report). It looks through blocks from the end back,
 * and the first block holding a match holds the last one: a label near the end of a long run of
 * words costs its distance from the end, as the scan back did, not the whole run. */
static const char *find_last(const char *hay, size_t hay_len, const char *needle, size_t needle_len)
{
    if (needle_len == 0 || needle_len > hay_len)
        return NULL;
    size_t tail = needle_len - 1; /* a match's last byte stands at tail or later */
    for (size_t hi = hay_len; hi > tail;) {
        size_t lo = hi - tail > FIND_LAST_BLOCK ? hi - FIND_LAST_BLOCK : tail;
        const char *found = NULL;
        for (const char *p = hay + lo; (p = memchr(p, needle[tail], (size_t)(hay + hi - p))) != NULL; p++)
            if (memcmp(p - tail, needle, tail) == 0)
                found = p - tail;
        if (found)
            return found;
        hi = lo;
    }
    return NULL;
}

/* ---------- tokenising a region ---------- */

/* The tab field of source line `line` holding decoded byte `byte`; -1 when the line has no tabs or pipes decide.
 * Counts on from where it last stopped, so a long line costs its length once, not once a token. */
static long field_of(extractor *ex, size_t line, size_t byte)
{
    if (!ex->fo_valid || ex->fo_line != line) { /* the line's bounds, looked up once for its tokens */
        size_t len;
        const char *s = cf_text_line(ex->text, line, &len);
        ex->fo_valid = true;
        ex->fo_line = line;
        ex->fo_tabbed = memchr(s, '\t', len) && !memchr(s, '|', len);
        ex->fo_start = cf_text_line_offset(ex->text, line);
        ex->fo_end = ex->fo_start + len;
        ex->fo_byte = ex->fo_start;
        ex->fo_field = 0;
    }
    if (!ex->fo_tabbed)
        return -1;
    if (byte < ex->fo_byte) {
        ex->fo_byte = ex->fo_start;
        ex->fo_field = 0;
    }
    const char *data = cf_text_data(ex->text);
    for (; ex->fo_byte < byte && ex->fo_byte < ex->fo_end; ex->fo_byte++)
        ex->fo_field += data[ex->fo_byte] == '\t';
    return ex->fo_field;
}

static bool push_token(extractor *ex, token_stream *ts, const token *t)
{
    if (!cf_reserve_one(&ts->items, ts->count, &ts->cap, sizeof *ts->items, 256))
        return cf_extract_oom(ex);
    ts->items[ts->count++] = *t;
    return true;
}

/* Tokens of items, lexed from normalised bytes from start on of norm: a piece of source line `line`
 * (cell NULL) or a grid cell's text, whose pieces say where each byte came from. */
static bool push_items(extractor *ex, token_stream *ts, const cf_norm_line *norm, size_t start, const cf_item *items,
                       size_t count, const cf_grid_cell *cell, size_t line)
{
    size_t base = cell ? 0 : cf_text_line_offset(ex->text, line);
    for (size_t i = 0; i < count; i++) {
        const cf_item *it = &items[i];
        token t;
        memset(&t, 0, sizeof t);
        t.kind = it->kind;
        t.value = it->value;
        memcpy(t.unit, it->unit, sizeof t.unit);
        t.line = line;
        if (cell) {
            t.field = -1;
            const cf_grid_piece *piece, *last;
            size_t from, to;
            if (!cf_grid_cell_source(cell, norm->origin[start + it->start], &piece, &from) ||
                !cf_grid_cell_source(cell, norm->origin[start + it->end - 1], &last, &to))
                continue;
            t.line = piece->line;
            t.byte_start = from;
            /* a value never runs over two lines of the text: it ends where its piece does */
            t.byte_end = last == piece ? to + 1 : piece->byte_end;
            while (t.byte_end < piece->byte_end && (cf_text_data(ex->text)[t.byte_end] & 0xC0) == 0x80)
                t.byte_end++;
        } else {
            t.byte_start = base + norm->origin[start + it->start];
            t.byte_end = base + norm->origin[start + it->end];
            t.field = field_of(ex, line, t.byte_start);
        }
        if (!cell && it->note_end > it->note_start) {
            t.note_start = base + norm->origin[start + it->note_start];
            t.note_end = base + norm->origin[start + it->note_end];
        }
        if (it->kind == CF_ITEM_TEXT) {
            t.key_start = ts->keys.len;
            if (!cf_compact_append(&ts->keys, norm->text + start + it->start, it->end - it->start))
                return cf_extract_oom(ex);
            t.key_end = ts->keys.len;
            if (t.key_end == t.key_start)
                continue; /* punctuation only: nothing to match, nothing to hold */
        }
        if (!push_token(ex, ts, &t))
            return false;
    }
    return true;
}

/* Lex normalised bytes [start, end) of norm into tokens. The normalised text is either a piece of
 * source line `line` (cell NULL) or a grid cell's text, whose pieces say where each byte came from. */
static bool lex_text(extractor *ex, token_stream *ts, const cf_norm_line *norm, size_t start, size_t end,
                     const cf_grid_cell *cell, size_t line)
{
    ex->items.count = 0;
    if (!cf_lex_field(norm->text + start, end - start, &ex->items))
        return cf_extract_oom(ex);
    return push_items(ex, ts, norm, start, ex->items.items, ex->items.count, cell, line);
}

/* Lex normalised bytes [start, end) of the current line (ex->norm, source line `line`) into tokens. */
static bool lex_piece(extractor *ex, token_stream *ts, size_t line, size_t start, size_t end)
{
    return lex_text(ex, ts, ex->norm, start, end, NULL, line);
}

/* The items the paragraph reading lexed the current line (source line `line`) into, or NULL when it
 * did not lex it. */
static const cf_item *lexed_items(const extractor *ex, size_t line, size_t *count)
{
    const cf_lexed_line *at = ex->lexed_lines ? &ex->lexed_lines[line - ex->lexed_first] : NULL;
    if (!at || at->count == SIZE_MAX)
        return NULL;
    *count = at->count;
    return ex->lexed.items + at->start;
}

/* The whole current line into tokens: with the items the paragraph reading lexed it into, when it did. */
static bool lex_line(extractor *ex, token_stream *ts, size_t line)
{
    size_t count;
    const cf_item *items = lexed_items(ex, line, &count);
    if (items)
        return push_items(ex, ts, ex->norm, 0, items, count, NULL, line);
    return lex_piece(ex, ts, line, 0, ex->norm->len);
}

/* The line's items lexed whole (lexed_items) when none runs over a tab, else NULL. The lexer reads a
 * tab as a space, so a tab field lexed alone gives the very items of the whole line that start in it,
 * but where an item spans a tab: words of two fields run together, or a unit or a sign in the field
 * beside its number. */
static const cf_item *field_items(const extractor *ex, size_t line, size_t *count)
{
    const cf_item *items = lexed_items(ex, line, count);
    for (size_t k = 0; items && k < *count; k++)
        if (memchr(ex->norm->text + items[k].start, '\t', items[k].end - items[k].start))
            return NULL;
    return items;
}

/* Bytes [start, end) of the current line, a tab field that is not blank, into tokens: from the
 * whole line's items (field_items, *next the first not yet pushed) when there are some. */
static bool lex_field(extractor *ex, token_stream *ts, size_t line, size_t start, size_t end, const cf_item *items,
                      size_t count, size_t *next)
{
    if (!items)
        return lex_piece(ex, ts, line, start, end);
    size_t from = *next;
    while (*next < count && items[*next].start < end)
        (*next)++;
    return push_items(ex, ts, ex->norm, 0, items + from, *next - from, NULL, line);
}

/* An empty field (a blank cell) at decoded byte `byte` of source line `line`. */
static bool push_blank(extractor *ex, token_stream *ts, size_t line, size_t byte, long field)
{
    return push_token(ex, ts, &(token){.kind = CF_ITEM_EMPTY, .line = line, .byte_start = byte, .byte_end = byte,
                                       .field = field});
}

static bool push_empty(extractor *ex, token_stream *ts, size_t line, size_t norm_offset)
{
    size_t byte = cf_text_line_offset(ex->text, line) + ex->norm->origin[norm_offset];
    return push_blank(ex, ts, line, byte, field_of(ex, line, byte));
}

/* Close an open pipe cell: its pieces become tokens; a blank one bounded by pipes is an empty field. */
static bool close_pending(extractor *ex, token_stream *ts, pending_cell *p, size_t cur_line, bool bounded)
{
    if (!p->open)
        return true;
    p->open = false;
    if (!p->has_text) {
        if (bounded && p->piece_count > 0 && p->pieces[p->piece_count - 1].line == cur_line)
            return push_empty(ex, ts, cur_line, p->pieces[p->piece_count - 1].start);
        return true;
    }
    /* pieces on earlier lines need their own normalisation */
    for (size_t i = 0; i < p->piece_count; i++) {
        size_t line = p->pieces[i].line;
        if (!normalize(ex, line))
            return false;
        if (!lex_piece(ex, ts, line, p->pieces[i].start, p->pieces[i].end))
            return false;
    }
    return normalize(ex, cur_line);
}

static void add_piece(pending_cell *p, const char *norm, size_t line, size_t start, size_t end)
{
    if (!cf_extract_is_blank(norm + start, end - start))
        p->has_text = true;
    if (p->piece_count < sizeof p->pieces / sizeof *p->pieces) {
        p->pieces[p->piece_count].line = line;
        p->pieces[p->piece_count].start = start;
        p->pieces[p->piece_count].end = end;
        p->piece_count++;
    }
}

static bool tokenize_line(extractor *ex, token_stream *ts, pending_cell *pend, size_t line)
{
    if (!normalize(ex, line))
        return false;
    const char *s = ex->norm->text;
    size_t len = ex->norm->len;
    if (ex->norm->dropped)
        return true; /* a page marker: as if it were not there, even inside a cell */
    if (!pend->open && memchr(s, '\t', len) && cf_extract_is_blank(s, len)) {
        /* one cell a line, each indented by a tab: a lone tab is an empty cell */
        size_t tabs = 0;
        for (size_t i = 0; i < len; i++)
            tabs += s[i] == '\t';
        if (tabs == 1)
            return push_empty(ex, ts, line, (size_t)((const char *)memchr(s, '\t', len) - s) + 1);
    }
    if (cf_extract_is_blank(s, len))
        return close_pending(ex, ts, pend, line, false);
    const char *bar = memchr(s, '|', len);
    if (bar) {
        size_t prev = 0;
        bool first = true;
        for (size_t i = 0; i <= len; i++) {
            if (i < len && s[i] != '|')
                continue;
            if (i == len) { /* after the last bar: a cell that may go on over the next lines */
                *pend = (pending_cell){.open = true};
                add_piece(pend, s, line, prev, len);
                break;
            }
            if (first) {
                if (pend->open) {
                    add_piece(pend, s, line, prev, i);
                    /* the bar closes a cell when text stands before it, or when it is indented and
                     * only bars follow (" 0  | " then "   | ": a blank cell in a web page's text);
                     * a bar at the start of a line opens the next row */
                    bool bounded = !cf_extract_is_blank(s, i);
                    if (!bounded && i > 0) {
                        bounded = true;
                        for (size_t k = i + 1; k < len && bounded; k++)
                            bounded = s[k] == ' ' || s[k] == '|';
                    }
                    if (!close_pending(ex, ts, pend, line, bounded))
                        return false;
                    s = ex->norm->text; /* closing may have normalised other lines into the buffer */
                } else if (!cf_extract_is_blank(s + prev, i - prev) && !lex_piece(ex, ts, line, prev, i)) {
                    return false;
                }
                first = false;
            } else if (cf_extract_is_blank(s + prev, i - prev)) {
                if (!push_empty(ex, ts, line, prev))
                    return false;
            } else if (!lex_piece(ex, ts, line, prev, i)) {
                return false;
            }
            prev = i + 1;
        }
        return true;
    }
    if (pend->open) {
        add_piece(pend, s, line, 0, len);
        return true;
    }
    const char *tab = memchr(s, '\t', len);
    if (!tab)
        return lex_line(ex, ts, line);
    size_t tabs = 0;
    for (size_t i = 0; i < len; i++)
        tabs += s[i] == '\t';
    size_t count = 0, next = 0;
    const cf_item *items = field_items(ex, line, &count);
    if (s[0] == '\t' && tabs == 1) { /* "\tX": one cell a line, the tab is indentation */
        if (cf_extract_is_blank(s + 1, len - 1))
            return push_empty(ex, ts, line, 1);
        return lex_field(ex, ts, line, 1, len, items, count, &next);
    }
    size_t prev = 0;
    for (size_t i = 0; i <= len; i++) {
        if (i < len && s[i] != '\t')
            continue;
        if (cf_extract_is_blank(s + prev, i - prev)) {
            if (!push_empty(ex, ts, line, prev))
                return false;
        } else if (!lex_field(ex, ts, line, prev, i, items, count, &next)) {
            return false;
        }
        prev = i + 1;
    }
    return true;
}

/* A table read into the model (drawn grid, ruled columns): row by row, each cell's words then its value, a blank cell an
 * empty field, so the labels are matched against whole cells however the converter wrapped them. */
static bool tokenize_grid(extractor *ex, token_stream *ts, const cf_grid *grid)
{
    cf_norm_line norm;
    cf_norm_line_init(&norm);
    bool ok = true;
    unsigned id = ++ts->grids;
    for (size_t i = 0; ok && i < cf_grid_row_count(grid); i++)
        for (size_t j = 0; ok && j < cf_grid_column_count(grid); j++) {
            cf_grid_cell cell;
            if (!cf_grid_is_anchor(grid, i, j) || !cf_grid_cell_at(grid, i, j, &cell) || cell.piece_count == 0)
                continue;
            ok = cf_normalize_line(cell.text, cell.len, &norm) || cf_extract_oom(ex);
            if (!ok)
                break;
            size_t from = ts->count;
            if (norm.dropped || cf_extract_is_blank(norm.text, norm.len)) {
                ok = push_blank(ex, ts, cell.pieces[0].line, cell.pieces[0].byte_start, -1);
            } else {
                ok = lex_text(ex, ts, &norm, 0, norm.len, &cell, 0);
            }
            for (size_t k = from; ok && k < ts->count; k++) {
                ts->items[k].field = (long)j;
                ts->items[k].grid = id;
                ts->items[k].grid_row = i;
            }
        }
    cf_norm_line_release(&norm);
    return ok;
}

/* Longest region in which the one-cell-a-paragraph idiom is looked for: a table region is a few
 * hundred lines; a longer one is a report with no heading after the table, where the lines past the
 * table would only cost time. */
#define PARAGRAPH_MAX_LINES 20000

static bool tokenize_region(extractor *ex, size_t first, size_t end, token_stream *ts)
{
    pending_cell pend = {0};
    size_t span = end > first ? end - first : 0;
    size_t *blanks = span && span <= PARAGRAPH_MAX_LINES ? cf_malloc(span * sizeof *blanks) : NULL;
    ex->lexed.count = 0;
    ex->lexed_first = first;
    ex->lexed_lines = blanks ? cf_malloc(span * sizeof *ex->lexed_lines) : NULL;
    if (span && span <= PARAGRAPH_MAX_LINES &&
        (!blanks || !ex->lexed_lines ||
         !cf_layout_paragraph_blanks(ex->norms, first, end, blanks, &ex->lexed, ex->lexed_lines))) {
        cf_free(blanks);
        cf_free(ex->lexed_lines);
        ex->lexed_lines = NULL;
        return cf_extract_oom(ex);
    }
    bool ok = true;
    const cf_docmap *docmap = cf_text_docmap(ex->text);
    for (size_t line = first; ok && line < end; line++) {
        /* blank cells a paragraph layout shows as extra empty lines before this one */
        for (size_t b = 0; ok && !pend.open && blanks && b < blanks[line - first]; b++)
            ok = push_blank(ex, ts, line - 1, cf_text_line_offset(ex->text, line - 1), -1);
        /* a document's table (web page, Word file): read as the grid the document has */
        if (!pend.open && docmap) {
            cf_grid *grid;
            size_t stop;
            bool nomem;
            if (cf_docmap_grid(docmap, ex->text, line, end, &grid, &stop, &nomem)) {
                ok = tokenize_grid(ex, ts, grid);
                cf_grid_free(grid);
                line = stop - 1;
                continue;
            }
            if (nomem) {
                ok = cf_extract_oom(ex);
                break;
            }
        }
        /* a table whose layout gives its cells: read into the model (after a line that ends in a
         * bar, as an outer table's framing lines do, the cell left open holds nothing yet) */
        bool idle = !pend.open || !pend.has_text;
        bool drawn = idle && cf_layout_drawn_starts(ex->text, line);
        bool ruled = !pend.open && !drawn && cf_layout_ruled_starts(ex->text, line);
        bool piped = !pend.open && !drawn && !ruled && cf_layout_pipe_starts(ex->text, line);
        if (drawn || ruled || piped) {
            cf_grid *grid;
            size_t stop;
            bool nomem;
            if (drawn   ? cf_layout_drawn(ex->text, line, end, &grid, &stop, &nomem)
                : ruled ? cf_layout_ruled(ex->text, line, end, &grid, &stop, &nomem)
                        : cf_layout_pipe(ex->text, line, end, &grid, &stop, &nomem)) {
                pend = (pending_cell){0};
                ok = tokenize_grid(ex, ts, grid);
                cf_grid_free(grid);
                line = stop - 1;
                continue;
            }
            ok = !nomem || cf_extract_oom(ex);
        }
        ok = ok && ex->status == CF_OK && tokenize_line(ex, ts, &pend, line);
    }
    cf_free(blanks);
    cf_free(ex->lexed_lines);
    ex->lexed_lines = NULL;
    return ok && close_pending(ex, ts, &pend, end ? end - 1 : 0, false);
}

void cf_extract_stream_release(token_stream *ts)
{
    cf_free(ts->items);
    cf_buf_release(&ts->keys);
}

/* The tokens of lines [first, end): those kept from an earlier read of the same lines, else
 * tokenised into *spare (always initialised here) and kept when there is room. The result is owned
 * by ex or is spare, which the caller releases (cf_extract_stream_release); NULL when tokenising failed. */
const token_stream *cf_extract_region_tokens(extractor *ex, size_t first, size_t end, token_stream *spare)
{
    memset(spare, 0, sizeof *spare);
    cf_buf_init(&spare->keys);
    for (size_t i = 0; i < ex->kept_count; i++)
        if (ex->kept[i].first == first && ex->kept[i].end == end)
            return &ex->kept[i].ts;
    if (!tokenize_region(ex, first, end, spare))
        return NULL;
    size_t bytes = spare->cap * sizeof *spare->items + spare->keys.cap;
    if (ex->kept_count == REGIONS_KEPT || bytes > REGION_BYTES_KEPT - ex->kept_bytes)
        return spare;
    kept_region *k = &ex->kept[ex->kept_count++];
    *k = (kept_region){.first = first, .end = end, .ts = *spare};
    ex->kept_bytes += bytes;
    memset(spare, 0, sizeof *spare);
    cf_buf_init(&spare->keys);
    return &k->ts;
}

/* ---------- where a value sits on a space-aligned line ---------- */

/* Where the last count of display columns stopped on a line: the tokens of a line are measured in
 * order, so each counts on from the one before rather than from the line's start (a row of n
 * values cost n scans of its line). Kept only where every character before it was whole, so
 * counting on reads each one as a count from the start would. */
typedef struct {
    bool valid, wide;
    size_t line, byte;
    long col; /* display columns before byte */
} col_cursor;

/* start + end display column of a token on its line (twice its middle). */
static long token_mid2(const cf_text *text, col_cursor *cur, const token *t, bool wide)
{
    size_t i = cf_text_line_offset(text, t->line);
    const char *s = cf_text_data(text);
    long col = 0, a = 0;
    if (cur->valid && cur->line == t->line && cur->wide == wide && cur->byte <= t->byte_start) {
        i = cur->byte;
        col = cur->col;
    }
    bool whole = true;
    for (; i < t->byte_end;) {
        if (i == t->byte_start) {
            a = col;
            if (whole)
                *cur = (col_cursor){.valid = true, .wide = wide, .line = t->line, .byte = i, .col = col};
        }
        uint32_t cp;
        size_t n = cf_utf8_decode(s + i, t->byte_end - i, &cp);
        if (n == 0) {
            n = 1;
            cp = '?';
            whole = false;
        }
        col += wide && cf_is_wide(cp) ? 2 : 1;
        i += n;
    }
    return a + col;
}

bool cf_extract_line_is_spaced(const cf_text *text, size_t line)
{
    size_t len;
    const char *s = cf_text_line(text, line, &len);
    return !memchr(s, '\t', len) && !memchr(s, '|', len);
}

/* Learn the columns from the region's full rows: lines (without tabs or pipes) holding exactly one
 * value per column. Needs two such lines that agree. */
static void learn_xgrid(extractor *ex, const cf_table_def *t, const token_stream *ts)
{
    ex->xgrid_ok = false;
    size_t w = t->column_count;
    if (w < 2 || w > 64)
        return;
    for (int pass = 0; pass < 2 && !ex->xgrid_ok; pass++) {
        bool wide = pass == 0;
        long lo[64], hi[64];
        size_t rows = 0;
        col_cursor cur = {0};
        for (size_t i = 0; i < ts->count;) {
            size_t line = ts->items[i].line, j = i, nvals = 0, first_val = 0;
            bool values_then_text = false;
            for (; j < ts->count && ts->items[j].line == line; j++) {
                if (ts->items[j].kind == CF_ITEM_TEXT) {
                    values_then_text |= nvals > 0;
                } else if (ts->items[j].kind != CF_ITEM_EMPTY) {
                    if (nvals++ == 0)
                        first_val = j;
                }
            }
            if (nvals == w && !values_then_text && cf_extract_line_is_spaced(ex->text, line)) {
                size_t c = 0;
                for (size_t k = first_val; k < j; k++) {
                    if (ts->items[k].kind == CF_ITEM_EMPTY)
                        continue;
                    long m = token_mid2(ex->text, &cur, &ts->items[k], wide);
                    if (rows == 0 || m < lo[c])
                        lo[c] = m;
                    if (rows == 0 || m > hi[c])
                        hi[c] = m;
                    c++;
                }
                rows++;
            }
            i = j;
        }
        if (rows < 2)
            return;
        bool ok = true;
        long min_gap = -1;
        for (size_t c = 0; c < w && ok; c++) {
            ok = hi[c] - lo[c] <= 6; /* three columns either way */
            if (ok && c > 0) {
                long gap = lo[c] - hi[c - 1];
                ok = gap > 4;
                if (min_gap < 0 || gap < min_gap)
                    min_gap = gap;
            }
        }
        if (!ok)
            continue;
        for (size_t c = 0; c < w; c++)
            ex->xmid[c] = (lo[c] + hi[c]) / 2;
        ex->xtol = min_gap / 2;
        ex->xwide = wide;
        ex->xgrid_ok = true;
    }
}

/* A space-aligned row with values missing: each value goes to the column it sits under. */
static bool place_by_position(const extractor *ex, const cf_table_def *t, const cf_row_def *r, const token *run,
                              size_t n, long *slots)
{
    size_t want = r->column_count;
    if (!ex->xgrid_ok || want > 64)
        return false;
    long mine[64];
    for (size_t c = 0; c < want; c++)
        mine[c] = -1;
    long last = -1;
    col_cursor cur = {0};
    size_t line = 0;
    bool have_line = false;
    for (size_t i = 0; i < n; i++) {
        if (run[i].kind == CF_ITEM_EMPTY)
            continue;
        if ((have_line && run[i].line != line) || !cf_extract_line_is_spaced(ex->text, run[i].line))
            return false;
        line = run[i].line;
        have_line = true;
        long m = token_mid2(ex->text, &cur, &run[i], ex->xwide);
        long best = -1, dist = 0;
        for (size_t c = 0; c < want; c++) {
            size_t tc = r->columns[c];
            if (tc >= t->column_count || tc >= 64)
                return false;
            long d = m > ex->xmid[tc] ? m - ex->xmid[tc] : ex->xmid[tc] - m;
            if (best < 0 || d < dist) {
                best = (long)c;
                dist = d;
            }
        }
        if (best <= last || dist > ex->xtol)
            return false;
        mine[best] = (long)i;
        last = best;
    }
    if (!have_line)
        return false;
    memcpy(slots, mine, want * sizeof *slots);
    return true;
}

/* Lines a row's neighbours may be away from it, to lend it their columns. */
#define NEIGHBOUR_LINES 12

/* The tokens [*from, *to) of the line nearest the run [start, end) of ts, before it (dir < 0) or after
 * it, that holds exactly `want` values on a space-aligned line and no words after them (a full row).
 * False when there is none within NEIGHBOUR_LINES lines. */
static bool full_row_near(const extractor *ex, const token_stream *ts, size_t start, size_t end, int dir, size_t want,
                          size_t *from, size_t *to)
{
    size_t at = dir < 0 ? start : end;
    size_t origin = ts->items[dir < 0 ? start : end - 1].line;
    while (dir < 0 ? at > 0 : at < ts->count) {
        /* the tokens of the next line in that direction */
        size_t lo = at, hi = at;
        if (dir < 0) {
            size_t line = ts->items[at - 1].line;
            while (lo > 0 && ts->items[lo - 1].line == line)
                lo--;
            at = lo;
        } else {
            size_t line = ts->items[at].line;
            while (hi < ts->count && ts->items[hi].line == line)
                hi++;
            at = hi;
        }
        size_t line = ts->items[lo].line;
        if ((line > origin ? line - origin : origin - line) > NEIGHBOUR_LINES)
            return false;
        size_t values = 0;
        bool text_after = false;
        for (size_t k = lo; k < hi; k++) {
            if (ts->items[k].kind == CF_ITEM_TEXT)
                text_after |= values > 0;
            else if (ts->items[k].kind != CF_ITEM_EMPTY)
                values++;
        }
        if (values == want && !text_after && ts->items[lo].grid == 0 && cf_extract_line_is_spaced(ex->text, line)) {
            *from = lo;
            *to = hi;
            return true;
        }
    }
    return false;
}

/* Each value of run[0..n) (on one space-aligned line) into slots[] under the column of the full row
 * tokens [from, to) it stands nearest, in the measure `wide`; false when the full row's values are
 * one space apart (no layout to go by), when one is neither within half the narrowest gap between
 * columns of one nor half as far from it as from the next nearest, or two take one column, or they are
 * not on one line. */
static bool place_under_row(const extractor *ex, const token_stream *ts, size_t from, size_t to, bool wide,
                            const token *run, size_t n, size_t want, long *slots)
{
    col_cursor cur = {0};
    long mid[64];
    size_t w = 0;
    bool padded = false; /* values set apart by more than one space: a layout, not a sentence */
    const token *prev = NULL;
    for (size_t k = from; k < to && w < 64; k++)
        if (ts->items[k].kind != CF_ITEM_TEXT && ts->items[k].kind != CF_ITEM_EMPTY) {
            mid[w++] = token_mid2(ex->text, &cur, &ts->items[k], wide);
            padded |= prev && ts->items[k].byte_start >= prev->byte_end + 2;
            prev = &ts->items[k];
        }
    if (w != want || !padded)
        return false;
    long tol = -1;
    for (size_t c = 1; c < w; c++)
        if (tol < 0 || (mid[c] - mid[c - 1]) / 2 < tol)
            tol = (mid[c] - mid[c - 1]) / 2;
    for (size_t c = 0; c < want; c++)
        slots[c] = -1;
    long last = -1;
    bool have_line = false;
    size_t line = 0;
    for (size_t i = 0; i < n; i++) {
        if (run[i].kind == CF_ITEM_EMPTY)
            continue;
        if ((have_line && run[i].line != line) || !cf_extract_line_is_spaced(ex->text, run[i].line) || run[i].grid)
            return false;
        line = run[i].line;
        have_line = true;
        long m = token_mid2(ex->text, &cur, &run[i], wide);
        long best = -1, dist = 0, second = -1;
        for (size_t c = 0; c < w; c++) {
            long d = m > mid[c] ? m - mid[c] : mid[c] - m;
            if (best < 0 || d < dist) {
                second = best < 0 ? second : dist;
                best = (long)c;
                dist = d;
            } else if (second < 0 || d < second) {
                second = d;
            }
        }
        if (best <= last || (dist >= tol && second >= 0 && 2 * dist >= second))
            return false;
        slots[best] = (long)i;
        last = best;
    }
    return have_line;
}

/* A space-aligned row with values missing, where the table's columns drift from block to block (PDF
 * text laid out by pdftotext -layout): its values go under the columns of the full rows nearest it,
 * above or below, when every one that places them all places them alike. */
static bool place_by_neighbours(const extractor *ex, const cf_row_def *r, const token *run, size_t n, long *slots)
{
    const token_stream *ts = ex->ts;
    size_t want = r->column_count;
    if (!ts || want < 2 || want > 64 || run < ts->items || run + n > ts->items + ts->count)
        return false;
    size_t start = (size_t)(run - ts->items), end = start + n;
    for (int pass = 0; pass < 2; pass++) {
        bool wide = pass == 1;
        long got[64], mine[64];
        bool placed = false, agree = true;
        for (int dir = -1; dir <= 1 && agree; dir += 2) {
            size_t from, to;
            if (!full_row_near(ex, ts, start, end, dir, want, &from, &to) ||
                !place_under_row(ex, ts, from, to, wide, run, n, want, mine))
                continue;
            agree = !placed || memcmp(got, mine, want * sizeof *mine) == 0;
            memcpy(got, mine, want * sizeof *mine);
            placed = true;
        }
        if (placed && agree) {
            memcpy(slots, got, want * sizeof *slots);
            return true;
        }
    }
    return false;
}

/* ---------- filling cells ---------- */

/* The 1-based column, in characters, of decoded byte `byte` on line `line`; counting on from *cur
 * (may be NULL) when it stopped on the line no later, and moving it to byte. */
size_t cf_extract_column_of(const cf_text *text, char_cursor *cur, size_t line, size_t byte)
{
    size_t i = cf_text_line_offset(text, line);
    const char *s = cf_text_data(text);
    size_t col = 1;
    if (cur && cur->valid && cur->line == line && cur->byte <= byte) {
        i = cur->byte;
        col = cur->col;
    }
    bool whole = true;
    while (i < byte) {
        uint32_t cp;
        size_t n = cf_utf8_decode(s + i, byte - i, &cp);
        whole = whole && n != 0;
        i += n ? n : 1;
        col++;
    }
    if (cur && whole)
        *cur = (char_cursor){.valid = true, .line = line, .byte = byte, .col = col};
    return col;
}

bool cf_extract_fill_cell(extractor *ex, size_t cell_index, const token *t, bool inferred, size_t label_line)
{
    cf_cell *cell = &ex->report->cells[cell_index];
    cell->label_line = label_line;
    cell->inferred = inferred;
    if (!t) {
        cell->state = CF_CELL_MISSING;
        return true;
    }
    cell->line = t->line + 1;
    cell->column = cf_extract_column_of(ex->text, &ex->cell_cursor, t->line, t->byte_start);
    cell->byte_start = t->byte_start;
    cell->byte_end = t->byte_end;
    memcpy(cell->unit, t->unit, sizeof cell->unit);
    switch (t->kind) {
    case CF_ITEM_NUMBER:
        cell->state = CF_CELL_NUMBER;
        cell->value = t->value;
        break;
    case CF_ITEM_NA:
        cell->state = CF_CELL_NA;
        break;
    case CF_ITEM_BAD:
        cell->state = CF_CELL_INVALID;
        break;
    default:
        cell->state = CF_CELL_MISSING;
        break;
    }
    if (t->note_end > t->note_start) {
        cell->note = cf_strndup(cf_text_data(ex->text) + t->note_start, t->note_end - t->note_start);
        if (!cell->note)
            return cf_extract_oom(ex);
    }
    return true;
}

/* Which token of run[0..n) goes to each of want columns (-1: missing). Values are
 * taken in order when there are enough of them; otherwise blanks keep their place,
 * once the blanks that only pad the run at either end are trimmed. */
static void reconcile(const token *run, size_t n, size_t want, long *slots, bool *inferred, size_t *extra)
{
    size_t filled = 0;
    for (size_t i = 0; i < n; i++)
        filled += run[i].kind != CF_ITEM_EMPTY;
    *extra = 0;
    *inferred = false;
    for (size_t c = 0; c < want; c++)
        slots[c] = -1;
    if (filled >= want) {
        size_t c = 0;
        for (size_t i = 0; i < n; i++) {
            if (run[i].kind == CF_ITEM_EMPTY)
                continue;
            if (c < want)
                slots[c++] = (long)i;
            else
                (*extra)++;
        }
        return;
    }
    size_t lo = 0, hi = n;
    size_t trimmed = 0; /* blanks dropped from the lines of the values (other lines' blanks are theirs) */
    size_t first_line = 0, last_line = 0;
    for (size_t i = 0; i < n; i++)
        if (run[i].kind != CF_ITEM_EMPTY) {
            if (first_line == 0)
                first_line = run[i].line + 1;
            last_line = run[i].line + 1;
        }
    while (hi - lo > want && run[hi - 1].kind == CF_ITEM_EMPTY) {
        hi--;
        trimmed += run[hi].line + 1 == last_line;
    }
    while (hi - lo > want && run[lo].kind == CF_ITEM_EMPTY) {
        trimmed += run[lo].line + 1 == first_line;
        lo++; /* a leading blank: a merged label cell, or a missing first value */
    }
    if (hi - lo < want)
        *inferred = true; /* fewer fields than columns: which one is missing is a guess */
    /* blanks dropped at an end while others were kept: padding and blank cells look alike */
    bool kept_blank = false;
    for (size_t i = lo; i < hi; i++)
        kept_blank |= run[i].kind == CF_ITEM_EMPTY;
    if (trimmed && kept_blank && (run[lo].kind == CF_ITEM_EMPTY || run[hi - 1].kind == CF_ITEM_EMPTY))
        *inferred = true;
    for (size_t c = 0; c < want && lo + c < hi; c++)
        slots[c] = (long)(lo + c); /* a blank keeps its column and its place in the text */
    if (hi - lo > want) {
        *inferred = true;
        for (size_t i = lo + want; i < hi; i++)
            *extra += run[i].kind != CF_ITEM_EMPTY;
    }
}

/* The physical row a token was printed in: its grid row in a grid, else its line. */
static size_t physical_row(const token *t)
{
    return t->grid ? t->grid_row : t->line;
}

/* A row with blanks: when every value sits in the tab field (or the grid column) under its own
 * column heading, the headings say which cells are blank. False when they do not (merged cells
 * shift fields), or when the values and the headings are not from the same grid. */
static bool place_by_heading(const extractor *ex, const cf_row_def *r, const token *run, size_t n, long *slots)
{
    size_t want = r->column_count;
    if (!ex->colpos_ok || want > 64)
        return false;
    size_t filled = 0;
    size_t line = 0;
    bool have_line = false;
    for (size_t i = 0; i < n; i++) {
        if (run[i].kind == CF_ITEM_EMPTY)
            continue;
        filled++;
        if (run[i].field < 0 || run[i].grid != ex->colgrid || (have_line && physical_row(&run[i]) != line))
            return false;
        line = physical_row(&run[i]);
        have_line = true;
    }
    if (filled == 0 || filled >= want)
        return false;
    long mine[64];
    for (size_t c = 0; c < want; c++)
        mine[c] = -1;
    long last = -1;
    for (size_t i = 0; i < n; i++) {
        if (run[i].kind == CF_ITEM_EMPTY &&
            (run[i].grid != ex->colgrid || physical_row(&run[i]) != line || run[i].field < 0))
            continue;
        long c = -1;
        for (size_t k = 0; k < want; k++)
            if (ex->colpos[r->columns[k]] == run[i].field)
                c = (long)k;
        if (c < 0) {
            if (run[i].kind != CF_ITEM_EMPTY)
                return false; /* a value under no heading of this row */
            continue;
        }
        if (c <= last)
            return false;
        mine[c] = (long)i;
        last = c;
    }
    memcpy(slots, mine, want * sizeof *slots);
    return true;
}

size_t cf_extract_count_filled(const token *run, size_t n)
{
    size_t filled = 0;
    for (size_t i = 0; i < n; i++)
        filled += run[i].kind != CF_ITEM_EMPTY;
    return filled;
}

/* Two values next to each other in one cell of one physical row (a tab field, a grid cell, the text
 * between two pipes): a cell holding two figures, merged or misread, so the cells no longer stand
 * one under each column. */
static bool values_share_a_cell(const extractor *ex, const token *run, size_t n)
{
    for (size_t i = 0; i + 1 < n; i++) {
        const token *a = &run[i], *b = &run[i + 1];
        if (a->kind == CF_ITEM_EMPTY || b->kind == CF_ITEM_EMPTY || a->grid != b->grid ||
            physical_row(a) != physical_row(b))
            continue;
        if (a->field >= 0 || b->field >= 0) {
            if (a->field == b->field)
                return true;
            continue;
        }
        size_t len;
        const char *line = cf_text_line(ex->text, a->line, &len);
        const char *data = cf_text_data(ex->text);
        if (!a->grid && memchr(line, '|', len) && b->byte_start > a->byte_end &&
            !memchr(data + a->byte_end, '|', b->byte_start - a->byte_end))
            return true;
    }
    return false;
}

bool cf_extract_row_cells_hold(const cf_template *tpl, const cf_row_def *r, const cf_cell *row_cells, bool *checked);

/* One value more than row r's columns, and one of them a lone 1 (or l, I): a column rule a scan's text
 * recognition read as a digit ("277|1 76|"). When leaving out exactly one such value makes the row's sum
 * hold, and no other does, put the others in the columns and say which was left out (*dropped, its
 * index in run). False otherwise (slots untouched). */
static bool drop_rule_one(const extractor *ex, const cf_row_def *r, const token *run, size_t n, long *slots,
                          size_t *dropped)
{
    size_t want = r->column_count;
    if (n != want + 1 || want > 64)
        return false;
    const char *data = cf_text_data(ex->text);
    size_t found = 0, rule = n;
    for (size_t k = 0; k < n && found < 2; k++) {
        size_t len = run[k].byte_end - run[k].byte_start;
        char c = len == 1 ? data[run[k].byte_start] : '\0';
        if (c != '1' && cf_digit_lookalike(c) != '1')
            continue;
        cf_cell cells[64];
        bool numbers = true;
        for (size_t i = 0, c2 = 0; i < n && numbers; i++) {
            if (i == k)
                continue;
            numbers = run[i].kind == CF_ITEM_NUMBER;
            cells[c2++] = (cf_cell){.state = CF_CELL_NUMBER, .value = run[i].value};
        }
        bool checked;
        if (numbers && cf_extract_row_cells_hold(ex->report->tpl, r, cells, &checked) && checked && found++ == 0)
            rule = k;
    }
    if (found != 1)
        return false;
    for (size_t i = 0, c = 0; i < n; i++)
        if (i != rule)
            slots[c++] = (long)i;
    *dropped = rule;
    return true;
}

/* Do the values of run from its from-th on (blanks skipped), one a column, make row r's sum hold?
 * *checked: a sum of the row had a number in every term. */
static bool values_hold_from(const cf_template *tpl, const cf_row_def *r, const token *run, size_t n,
                             size_t from, bool *checked)
{
    cf_cell cells[CF_TEMPLATE_MAX_COLUMNS];
    size_t c = 0, k = 0;
    *checked = false;
    for (size_t i = 0; i < n && c < r->column_count && c < CF_TEMPLATE_MAX_COLUMNS; i++) {
        if (run[i].kind == CF_ITEM_EMPTY || k++ < from)
            continue;
        cells[c++] = run[i].kind == CF_ITEM_NUMBER ? (cf_cell){.state = CF_CELL_NUMBER, .value = run[i].value}
                                                   : (cf_cell){.state = CF_CELL_MISSING};
    }
    return c == r->column_count && cf_extract_row_cells_hold(tpl, r, cells, checked);
}

/* values_hold_from, checked, and not every value 0: a row of zeros holds wherever it is cut, so it
 * witnesses nothing about where the rows stand. */
static bool witness_from(const cf_template *tpl, const cf_row_def *r, const token *run, size_t n, size_t from)
{
    bool checked, zeros = true;
    for (size_t i = 0, k = 0, c = 0; i < n && c < r->column_count; i++)
        if (run[i].kind != CF_ITEM_EMPTY && k++ >= from) {
            zeros &=
                run[i].kind == CF_ITEM_NUMBER && cf_decimal_cmp(run[i].value, cf_decimal_from_int(0)) == 0;
            c++;
        }
    return !zeros && values_hold_from(tpl, r, run, n, from, &checked) && checked;
}

/* Could run, under the name of a row `want` columns wide, hold several rows' values printed apart: more
 * values than the row's, the row's first values over more than one line (values on one line are one
 * printed row, its extra values strays), and no more values than the table's cells (a longer run is not
 * the table's rows). */
static bool run_spans_rows(const cf_table_def *t, size_t want, const token *run, size_t n)
{
    size_t filled = 0, first_line = 0;
    bool lines = false;
    for (size_t i = 0; i < n; i++)
        if (run[i].kind != CF_ITEM_EMPTY) {
            first_line = filled ? first_line : run[i].line;
            lines |= filled < want && run[i].line != first_line;
            filled++;
        }
    return filled > want && filled <= t->cell_count && lines;
}

/* More values under row r's name than its columns, the first of them breaking its sum: where as many
 * values from a place within the row's own span hold as a row (not of zeros), with values after them or
 * more than one before (one alone may be a stray mark before the row), the run is several rows' values
 * out of step (text columns printed apart, a row's cells printed among another's), so the first ones are
 * not this row's alone. Returns the value (from 1) where the witness row starts, 0 when there is none.
 * At most (columns - 1) windows are tried. */
static size_t run_out_of_step(const cf_template *tpl, const cf_row_def *r, const token *run, size_t n)
{
    size_t filled = cf_extract_count_filled(run, n), want = r->column_count;
    bool checked;
    if (filled <= want || values_hold_from(tpl, r, run, n, 0, &checked) || !checked)
        return 0;
    for (size_t k = 1; k < want && k + want <= filled; k++)
        if (witness_from(tpl, r, run, n, k) && (k > 1 || k + want < filled))
            return k + 1;
    return 0;
}

/* Read in step, as rows of row r's width one after another, do both the first two rows of run break their
 * sums? One broken row may be the report's own break; two, in a table shown to print rows apart, refute
 * the order (read_carried_rows). */
static bool two_rows_break(const cf_template *tpl, const cf_row_def *r, const token *run, size_t n)
{
    bool checked, next_checked;
    return cf_extract_count_filled(run, n) >= 2 * r->column_count &&
           !values_hold_from(tpl, r, run, n, 0, &checked) && checked &&
           !values_hold_from(tpl, r, run, n, r->column_count, &next_checked) && next_checked;
}

/* More values under row `row`'s name than its columns, the row's own from its from-th value on (after the
 * last of the row before it, read_split_rows) and holding: how many of the next rows of the form, as wide,
 * hold whole one after another in the values after its own (text that prints the table's columns apart
 * can print the next rows' values under one name, their names elsewhere). Each such row's own total is
 * the witness; the first that does not hold ends them. At most one window of a row's sums a row of the
 * table is tried. */
static size_t rows_carried(const cf_template *tpl, const cf_table_def *t, size_t row, const token *run,
                           size_t n, size_t from)
{
    size_t want = t->rows[row].column_count, filled = cf_extract_count_filled(run, n), carried = 0;
    bool checked;
    if (filled < from + 2 * want || !values_hold_from(tpl, &t->rows[row], run, n, from, &checked) || !checked)
        return 0;
    for (size_t r = row + 1, k = from + want; r < t->row_count && k + want <= filled; r++, k += want) {
        if (t->rows[r].column_count != want || !witness_from(tpl, &t->rows[r], run, n, k))
            break;
        carried++;
    }
    return carried;
}

/* Row `row`'s values out of step by k (run_out_of_step: as many from the (k+1)-th on hold as a row), and
 * the row before it read as a guess from its first (columns - k) values only: where those and the run's
 * first k make that row's total hold, the row's first cells were printed under its own name and its last
 * k under this one's (text columns printed apart). Both rows are read so, inferred and warned on; *done
 * says so. At most one window of the row's sums is tried. False when memory runs out. */
static bool read_split_rows(extractor *ex, const cf_table_def *t, size_t row, const token *run, size_t n,
                            size_t k, size_t label_line, bool *done)
{
    const cf_template *tpl = ex->report->tpl;
    const cf_row_def *prev = &t->rows[row - 1], *r = &t->rows[row];
    size_t want = r->column_count, own = want - k;
    const token *cells[CF_TEMPLATE_MAX_COLUMNS];
    cf_cell values[CF_TEMPLATE_MAX_COLUMNS];
    *done = false;
    if (prev->column_count != want || want > CF_TEMPLATE_MAX_COLUMNS || !ex->ts)
        return true;
    for (size_t c = 0; c < want; c++) { /* its first `own` cells read as a guess, the others missing */
        const cf_cell *cell = &ex->report->cells[prev->first_cell + c];
        if ((c < own) != (cell->state == CF_CELL_NUMBER && cell->inferred))
            return true;
        cells[c] = NULL;
        for (size_t i = 0; c < own && i < ex->ts->count && !cells[c]; i++)
            if (ex->ts->items[i].byte_start == cell->byte_start && ex->ts->items[i].kind == CF_ITEM_NUMBER)
                cells[c] = &ex->ts->items[i];
        if (c < own && !cells[c])
            return true;
    }
    for (size_t i = 0, c = own; i < n && c < want; i++)
        if (run[i].kind != CF_ITEM_EMPTY)
            cells[c++] = &run[i];
    for (size_t c = 0; c < want; c++)
        values[c] = cells[c]->kind == CF_ITEM_NUMBER
                        ? (cf_cell){.state = CF_CELL_NUMBER, .value = cells[c]->value}
                        : (cf_cell){.state = CF_CELL_MISSING};
    bool checked;
    if (!cf_extract_row_cells_hold(tpl, prev, values, &checked) || !checked)
        return true;
    size_t prev_label = ex->report->cells[prev->first_cell].label_line;
    cf_extract_forget_row(ex->report, prev);
    for (size_t c = 0; c < want; c++)
        if (!cf_extract_fill_cell(ex, prev->first_cell + c, cells[c], true, prev_label))
            return false;
    for (size_t i = 0, c = 0, skipped = 0; i < n && c < want; i++)
        if (run[i].kind != CF_ITEM_EMPTY && skipped++ >= k &&
            !cf_extract_fill_cell(ex, r->first_cell + c++, &run[i], true, label_line))
            return false;
    *done = true;
    return cf_extract_warn(
               ex, cells[0]->line + 1, (long)prev->first_cell,
               _("%s %s: its values stand %zu under its name and %zu under the name of %s, before that row's "
                 "own (the text prints the table's columns apart); read so, where its total holds, check the "
                 "row"),
               t->number, prev->short_label, own, k, r->short_label) &&
           cf_extract_warn(
               ex, run[0].line + 1, (long)r->first_cell,
               _("%s %s: its values stand under its name after %zu of %s's, where its total holds; read so, "
                 "check the row"),
               t->number, r->short_label, k, prev->short_label);
}

bool cf_extract_assign_row(extractor *ex, size_t table, size_t row, const token *run, size_t n, size_t label_line)
{
    const cf_template *tpl = ex->report->tpl;
    const cf_table_def *t = cf_template_table(tpl, table);
    const cf_row_def *r = &t->rows[row];
    long slots[64];
    size_t want = r->column_count < 64 ? r->column_count : 64;
    bool inferred;
    size_t extra;
    reconcile(run, n, want, slots, &inferred, &extra);
    size_t dropped = n;
    if (extra == 1 && drop_rule_one(ex, r, run, n, slots, &dropped)) {
        extra = 0;
        inferred = true; /* which value is the rule only the sum says */
    }
    bool spans = extra && run_spans_rows(t, want, run, n);
    size_t witness = spans ? run_out_of_step(tpl, r, run, n) : 0;
    ex->rows_apart |= witness > 0;
    bool split = false;
    if (witness && witness <= want && row > 0 &&
        !read_split_rows(ex, t, row, run, n, witness - 1, label_line, &split))
        return false;
    if (split)
        return true;
    /* the row's cells stay missing: the text shows its values are mixed with other rows' */
    if (witness)
        return cf_extract_warn(
            ex, run[0].line + 1, (long)r->first_cell,
            _("%s %s: %zu values under its name for %zu columns; the first %zu break its sum, while the "
              "%zu from value %zu on hold as a row, so the values of several rows are mixed here (the "
              "text prints the table's columns apart) and which are this row's cannot be told; left "
              "unread, check the row"),
            t->number, r->short_label, cf_extract_count_filled(run, n), want, want, want, witness);
    /* fewer values than columns, and a cell holding two of them: where the blanks are is a guess */
    if (!inferred && !extra && cf_extract_count_filled(run, n) < want && values_share_a_cell(ex, run, n))
        inferred = true;
    /* a row of a grid with blanks: the grid's columns under the column headings place every value
     * as printed (the bars or the rules show the columns), whatever the count alone suggests */
    if (ex->colgrid && !extra && place_by_heading(ex, r, run, n, slots))
        inferred = false;
    /* blanks at both ends of a tab row: padding and blank cells look alike; the fields under the
     * column headings are a better guess, though merged cells can shift them, so it stays a guess */
    bool by_heading = inferred && !extra && place_by_heading(ex, r, run, n, slots);
    /* space-aligned text: the values' places on the line, against the table's full rows */
    bool by_position = inferred && !extra && !by_heading &&
                       (place_by_position(ex, t, r, run, n, slots) || place_by_neighbours(ex, r, run, n, slots));
    size_t filled = 0;
    for (size_t c = 0; c < want; c++) {
        if (!cf_extract_fill_cell(ex, r->first_cell + c, slots[c] >= 0 ? &run[slots[c]] : NULL, inferred, label_line))
            return false;
        filled += slots[c] >= 0 && run[slots[c]].kind != CF_ITEM_EMPTY;
    }
    if (inferred && filled < want && !by_position &&
        !cf_extract_warn(
            ex, run[0].line + 1, (long)r->first_cell,
            P_("%s %s: %zu value for %zu columns; which columns are blank is a guess%s, check the row",
               "%s %s: %zu values for %zu columns; which columns are blank is a guess%s, check the row",
               filled),
            t->number, r->short_label, filled, want,
            by_heading ? _(" (taken from the column headings)") : ""))
        return false;
    if (dropped < n)
        return cf_extract_warn(
            ex, run[dropped].line + 1, (long)r->first_cell,
            _("%s %s: one value more than the %zu columns; the lone '%.*s' printed among them was taken "
              "for a column rule read as a digit, the one value without which the row's sum holds, check "
              "the row"),
            t->number, r->short_label, want, (int)(run[dropped].byte_end - run[dropped].byte_start),
            cf_text_data(ex->text) + run[dropped].byte_start);
    size_t carried = spans ? rows_carried(tpl, t, row, run, n, 0) : 0;
    ex->rows_apart |= carried > 0;
    if (carried == 1)
        return cf_extract_warn(
            ex, run[0].line + 1, (long)r->first_cell,
            _("%s %s: %zu more values than the %zu columns; the next row of the form (%s) holds whole in "
              "the %zu after its own, so they are read as that row's where its own name gave it no whole "
              "row; any others are ignored"),
            t->number, r->short_label, extra, want, t->rows[row + 1].short_label, want);
    if (carried)
        return cf_extract_warn(
            ex, run[0].line + 1, (long)r->first_cell,
            _("%s %s: %zu more values than the %zu columns; the next %zu rows of the form (%s … %s) hold "
              "whole one after another in the %zu after its own, so they are read as those rows' where "
              "their own names gave them no whole row; any others are ignored"),
            t->number, r->short_label, extra, want, carried, t->rows[row + 1].short_label,
            t->rows[row + carried].short_label, carried * want);
    if (extra)
        return cf_extract_warn(ex, run[0].line + 1, (long)r->first_cell,
                               P_("%s %s: %zu more value than the %zu columns; the extra one is ignored",
                                  "%s %s: %zu more values than the %zu columns; the extra ones are ignored",
                                  extra),
                               t->number, r->short_label, extra, want);
    return true;
}

/* ---------- matching labels ---------- */

/* The source line holding key offset `at` of the region. */
size_t cf_extract_line_of_key(const token_stream *ts, size_t from, size_t to, size_t at)
{
    for (size_t i = from; i < to; i++)
        if (ts->items[i].kind == CF_ITEM_TEXT && at >= ts->items[i].key_start && at < ts->items[i].key_end)
            return ts->items[i].line + 1;
    return 0;
}

/* Rows (not yet taken) whose label ends latest in keys[seg_start, seg_end), in key order. */
static size_t match_labels(const cf_table_def *t, const bool *taken, const char *keys, size_t seg_start,
                           size_t seg_end, label_match *out, size_t max)
{
    label_match found[128];
    size_t nfound = 0;
    for (size_t r = 0; r < t->row_count && nfound < 128; r++) {
        if (taken[r])
            continue;
        label_match best = {0};
        bool any = false;
        for (size_t k = 0; k < t->rows[r].key_count; k++) {
            const char *key = t->rows[r].keys[k];
            size_t kl = t->rows[r].key_lens[k];
            const char *hit = find_last(keys + seg_start, seg_end - seg_start, key, kl);
            if (!hit)
                continue;
            size_t start = (size_t)(hit - keys);
            if (!any || start + kl > best.end || (start + kl == best.end && kl > best.key_len)) {
                best = (label_match){r, start, start + kl, kl};
                any = true;
            }
        }
        if (any)
            found[nfound++] = best;
    }
    if (nfound == 0)
        return 0;
    /* the label nearest the values wins; labels wholly before it (in order) may head earlier lines */
    size_t last = 0;
    for (size_t i = 1; i < nfound; i++)
        if (found[i].end > found[last].end ||
            (found[i].end == found[last].end && found[i].key_len > found[last].key_len))
            last = i;
    size_t count = 0;
    size_t limit = found[last].start;
    label_match chain[128];
    chain[count++] = found[last];
    for (;;) {
        long pick = -1;
        for (size_t i = 0; i < nfound; i++)
            if (found[i].end <= limit && (pick < 0 || found[i].end > found[pick].end))
                pick = (long)i;
        if (pick < 0 || count == 128)
            break;
        chain[count++] = found[pick];
        limit = found[pick].start;
    }
    size_t n = count < max ? count : max;
    for (size_t i = 0; i < n; i++)
        out[i] = chain[count - 1 - i];
    return n;
}

/* Characters of a neighbouring cell that a wrapped label may have around its values: the pieces of a
 * group label printed down its own column ("（三" "）不" "予公" "开" beside 1.… 2.…). */
#define LABEL_NOISE_CHARS 3

/* The offset n characters before at in keys (not before from), or SIZE_MAX. */
static size_t chars_back(const char *keys, size_t from, size_t at, size_t n)
{
    while (n-- > 0) {
        if (at <= from)
            return SIZE_MAX;
        at--;
        while (at > from && ((unsigned char)keys[at] & 0xC0) == 0x80)
            at--;
    }
    return at;
}

/* The offset n characters after at in keys[0..len), or SIZE_MAX. */
static size_t chars_ahead(const char *keys, size_t len, size_t at, size_t n)
{
    while (n-- > 0) {
        if (at >= len)
            return SIZE_MAX;
        at++;
        while (at < len && ((unsigned char)keys[at] & 0xC0) == 0x80)
            at++;
    }
    return at;
}

/* A label cut short by its own numbers ("5.要求行政机关确认或重新出具已 0 0 …" with "获取信息" on the
 * next line): the row whose label begins with the words just before the values and ends with the words
 * just after them, when no whole label does. At least six characters and half the label come first.
 * A few characters of a neighbouring cell may stand between either part and the values (a group label
 * printed down its column: "2.其他法律行政法规禁止 / 予公 20 258 … / 公开"). keys[next..keys_len) are
 * the words after the values. */
static bool match_label_prefix(const cf_table_def *t, const bool *taken, const char *keys, size_t seg_start,
                               size_t seg_end, size_t next, size_t keys_len, label_match *out)
{
    size_t best = 0;
    if (seg_end - seg_start < 18)
        return false; /* fewer than six characters: nothing to go on */
    /* where the words before the values end, and those after them begin, past g (h) noise characters:
     * the same for every row, key and length tried */
    size_t ends[LABEL_NOISE_CHARS + 1], rests[LABEL_NOISE_CHARS + 1];
    for (size_t g = 0; g <= LABEL_NOISE_CHARS; g++) {
        ends[g] = chars_back(keys, seg_start, seg_end, g);
        rests[g] = next <= keys_len ? chars_ahead(keys, keys_len, next, g) : SIZE_MAX;
    }
    for (size_t r = 0; r < t->row_count; r++) {
        if (taken[r])
            continue;
        for (size_t k = 0; k < t->rows[r].key_count; k++) {
            const char *key = t->rows[r].keys[k];
            size_t kl = t->rows[r].key_lens[k];
            size_t min = kl / 2 > 18 ? kl / 2 : 18;
            for (size_t p = kl; p-- > min;) {
                if (((unsigned char)key[p] & 0xC0) == 0x80)
                    continue; /* not a character boundary */
                if (p <= best)
                    break;
                bool found = false;
                for (size_t g = 0; g <= LABEL_NOISE_CHARS && !found; g++) {
                    size_t end = ends[g];
                    if (end == SIZE_MAX || end - seg_start < p || memcmp(keys + end - p, key, p) != 0)
                        continue;
                    for (size_t h = 0; h <= LABEL_NOISE_CHARS && !found; h++) {
                        size_t rest = rests[h];
                        found = rest != SIZE_MAX && kl - p <= keys_len - rest && memcmp(keys + rest, key + p, kl - p) == 0;
                    }
                    if (found)
                        *out = (label_match){r, end - p, end, p};
                }
                if (found) {
                    best = p;
                    break;
                }
            }
        }
    }
    return best > 0;
}

/* Labels printed apart from their numbers: several labels, then their rows of values.
 * Split the run by source line, or evenly, when that fits exactly; else NULL. */
static bool split_run(const cf_table_def *t, const label_match *labels, size_t nlabels, const token *run,
                      size_t n, size_t *bounds, bool *evenly)
{
    *evenly = false;
    size_t lines = 1;
    for (size_t i = 1; i < n; i++)
        if (run[i].line != run[i - 1].line)
            lines++;
    if (lines == nlabels) {
        size_t k = 0;
        bounds[k++] = 0;
        for (size_t i = 1; i < n; i++)
            if (run[i].line != run[i - 1].line)
                bounds[k++] = i;
        bounds[k] = n;
        return true;
    }
    size_t want = 0, filled = 0;
    for (size_t i = 0; i < nlabels; i++)
        want += t->rows[labels[i].row].column_count;
    for (size_t i = 0; i < n; i++)
        filled += run[i].kind != CF_ITEM_EMPTY;
    if (filled != want || filled != n)
        return false;
    *evenly = true;
    size_t at = 0;
    for (size_t i = 0; i < nlabels; i++) {
        bounds[i] = at;
        at += t->rows[labels[i].row].column_count;
    }
    bounds[nlabels] = n;
    return true;
}

#define MISPRINT_MIN_CHARS 5 /* shorter names are not read misprinted: too many words would pass */
#define MISPRINT_MAX_CHARS 64
#define MISPRINT_MAX_EDITS 4

/* How many characters a name of n may have misprinted (dropped, added or changed: OCR reads 予 as
 * 子, 息 as 患) and still be read as that name where the form's order expects it: one in four. */
static size_t misprints_allowed(size_t n)
{
    size_t allowed = n < MISPRINT_MIN_CHARS ? 0 : n / 4;
    return allowed > MISPRINT_MAX_EDITS ? MISPRINT_MAX_EDITS : allowed;
}

/* The characters dropped, added or changed between a[0..na) and b[0..nb) (at most
 * MISPRINT_MAX_CHARS + 1 each), or bound + 1 once it is more than bound. */
static size_t edits_between(const uint32_t *a, size_t na, const uint32_t *b, size_t nb, size_t bound)
{
    if ((na > nb ? na - nb : nb - na) > bound)
        return bound + 1;
    size_t row[MISPRINT_MAX_CHARS + 2];
    for (size_t j = 0; j <= nb; j++)
        row[j] = j;
    for (size_t i = 1; i <= na; i++) {
        size_t diagonal = row[0], least = row[0] = i;
        for (size_t j = 1; j <= nb; j++) {
            size_t above = row[j];
            size_t best = diagonal + (a[i - 1] != b[j - 1]);
            if (above + 1 < best)
                best = above + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diagonal = above;
            if (best < least)
                least = best;
        }
        if (least > bound)
            return bound + 1;
    }
    return row[nb] > bound ? bound + 1 : row[nb];
}

/* The characters of s[0..len) (compact keys: whole UTF-8 sequences), at most max; false when more. */
static bool decode_chars(const char *s, size_t len, uint32_t *out, size_t max, size_t *n)
{
    *n = 0;
    for (size_t i = 0; i < len;) {
        if (*n == max)
            return false;
        size_t step = cf_utf8_decode(s + i, len - i, &out[(*n)++]);
        i += step ? step : 1;
    }
    return true;
}

/* The row next in the form's order after the last row read, when the words just before the values,
 * keys[seg_start, seg_end), end with one of its names a few characters off (dropped, added or
 * misprinted: "2其他法律行政法禁止公开", OCR's "一子以公开"; misprints_allowed): the rows come in a
 * known order, so a name that nearly matches where the next row stands is that row's. Failing that, the
 * row after it (a scan can lose a row's name whole: its values then stand under no name, before these).
 * *out says where the printed name stands, *edits how many characters differ (the fewest over its
 * names), *skipped whether the row after the next was taken. */
static bool match_misprint(const cf_table_def *t, const bool *taken, const char *keys, size_t seg_start,
                           size_t seg_end, label_match *out, size_t *edits, bool *skipped)
{
    size_t next = 0;
    for (size_t r = 0; r < t->row_count && r < 128; r++)
        if (taken[r])
            next = r + 1;
    bool found = false;
    for (size_t row = next; !found && row <= next + 1 && row < t->row_count && row < 128; row++) {
        const cf_row_def *rd = &t->rows[row];
        *skipped = row > next;
        for (size_t k = 0; k < rd->key_count; k++) {
            uint32_t name[MISPRINT_MAX_CHARS], printed[MISPRINT_MAX_CHARS + 1];
            size_t nn, np;
            if (!decode_chars(rd->keys[k], rd->key_lens[k], name, MISPRINT_MAX_CHARS, &nn))
                continue;
            size_t allowed = misprints_allowed(nn);
            for (size_t len = nn - allowed; allowed && len <= nn + allowed; len++) {
                size_t start = chars_back(keys, seg_start, seg_end, len);
                if (start == SIZE_MAX ||
                    !decode_chars(keys + start, seg_end - start, printed, MISPRINT_MAX_CHARS + 1, &np))
                    continue;
                size_t d = edits_between(printed, np, name, nn, allowed);
                if (d > allowed || (found && d >= *edits))
                    continue;
                *out = (label_match){row, start, seg_end, seg_end - start};
                *edits = d;
                found = true;
            }
        }
    }
    return found;
}

/* How well a region reads as table t: cells that got a value count most, rows found by label next. */
static size_t region_score(const cf_report *r, const cf_table_def *t)
{
    size_t values = 0, found = 0;
    for (size_t i = 0; i < t->cell_count; i++) {
        const cf_cell *c = &r->cells[t->first_cell + i];
        values += c->state != CF_CELL_MISSING;
        found += c->line != 0 || c->label_line != 0;
    }
    return values * 1024 + found;
}

static size_t count_found(const cf_report *r, const cf_table_def *t)
{
    size_t found = 0;
    for (size_t i = 0; i < t->cell_count; i++)
        found += r->cells[t->first_cell + i].line != 0 || r->cells[t->first_cell + i].label_line != 0;
    return found;
}

static bool has_value(const token *run, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (run[i].kind != CF_ITEM_EMPTY)
            return true;
    return false;
}

/* The run of value tokens from the first one at or after *at: moves *at to its start and returns
 * its end; *at == the end when no value is left. */
size_t cf_extract_value_run(const token_stream *ts, size_t *at)
{
    while (*at < ts->count && ts->items[*at].kind == CF_ITEM_TEXT)
        (*at)++;
    size_t end = *at;
    while (end < ts->count && ts->items[end].kind != CF_ITEM_TEXT)
        end++;
    return end;
}

/* True when a token of the words segment [from, to) is a blank cell. */
static bool segment_has_blank(const token_stream *ts, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++)
        if (ts->items[i].kind == CF_ITEM_EMPTY)
            return true;
    return false;
}

/* True when every value of run[0..n) stands on a line after label_line (1-based). */
static bool values_below(const token *run, size_t n, size_t label_line)
{
    for (size_t i = 0; i < n; i++)
        if (run[i].kind != CF_ITEM_EMPTY && run[i].line + 1 <= label_line)
            return false;
    return true;
}

/* True when a value of run[0..n) stands on line (1-based). */
static bool value_on_line(const token *run, size_t n, size_t line)
{
    for (size_t i = 0; i < n; i++)
        if (run[i].kind != CF_ITEM_EMPTY && run[i].line + 1 == line)
            return true;
    return false;
}

/* True when each value of run[0..n) stands on a line of its own: the lines do not show where one row
 * ends and the next begins (pdfminer prints a column's cells as one block, row by row or column by column). */
static bool one_value_a_line(const token *run, size_t n)
{
    for (size_t i = 1; i < n; i++)
        if (run[i].line == run[i - 1].line)
            return false;
    return n > 1;
}

/* The whole table printed as one run of numbers, row after row. */
static bool extract_flat(extractor *ex, size_t table, const token_stream *ts, bool *done)
{
    const cf_table_def *t = cf_template_table(ex->report->tpl, table);
    *done = false;
    size_t want = t->cell_count;
    for (size_t i = 0, j; (j = cf_extract_value_run(ts, &i)) > i; i = j) {
        const token *run = &ts->items[i];
        size_t n = j - i, filled = 0;
        for (size_t k = 0; k < n; k++)
            filled += run[k].kind != CF_ITEM_EMPTY;
        size_t lo = 0, hi = n;
        while (hi - lo > want && run[hi - 1].kind == CF_ITEM_EMPTY)
            hi--;
        if (filled == want || (filled > 0 && hi - lo == want)) {
            long slots[256];
            bool inferred;
            size_t extra;
            if (want > 256)
                return true;
            reconcile(run, n, want, slots, &inferred, &extra);
            for (size_t c = 0; c < want; c++)
                if (!cf_extract_fill_cell(ex, t->first_cell + c, slots[c] >= 0 ? &run[slots[c]] : NULL, inferred,
                                          run[0].line + 1))
                    return false;
            *done = true;
            return true;
        }
    }
    return true;
}

static bool has_number(const token *run, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (run[i].kind == CF_ITEM_NUMBER || run[i].kind == CF_ITEM_BAD)
            return true;
    return false;
}

static bool any_taken(const bool *taken, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (taken[i])
            return true;
    return false;
}

/* Empty cells [first, first+count) as if never read. */
static void clear_cells(cf_report *rep, size_t first, size_t count)
{
    for (size_t i = first; i < first + count; i++) {
        cf_free(rep->cells[i].note);
        memset(&rep->cells[i], 0, sizeof rep->cells[i]);
    }
}

/* Forget what a row was read as (its cells and their warnings), to read it again. */
void cf_extract_forget_row(cf_report *rep, const cf_row_def *r)
{
    clear_cells(rep, r->first_cell, r->column_count);
    size_t kept = 0;
    for (size_t w = 0; w < rep->warning_count; w++) {
        long cell = rep->warnings[w].cell;
        if (cell >= (long)r->first_cell && cell < (long)(r->first_cell + r->column_count))
            cf_free(rep->warnings[w].message);
        else
            rep->warnings[kept++] = rep->warnings[w];
    }
    rep->warning_count = kept;
}

/* Read row `row` from run[0..n) unless it was read already with as many values; a row first met in
 * a sentence ("其中予以公开 5 件") is read again from the table's own line. False when memory runs out;
 * *used says whether the run went to the row. */
static bool take_row(extractor *ex, size_t table, size_t row, const token *run, size_t n, size_t label_line,
                     bool *taken, size_t *got, bool *used)
{
    const cf_row_def *r = &cf_template_table(ex->report->tpl, table)->rows[row];
    size_t filled = cf_extract_count_filled(run, n);
    if (filled > r->column_count)
        filled = r->column_count;
    *used = !taken[row] || filled > got[row];
    if (!*used)
        return true;
    if (taken[row])
        cf_extract_forget_row(ex->report, r);
    taken[row] = true;
    got[row] = filled;
    return cf_extract_assign_row(ex, table, row, run, n, label_line);
}

/* Mark row r's cells inferred and warn on it with message (a format taking the table's number,
 * r's name, and the names of the first and last rows its values could belong to; a message about
 * one row names only the first: printf ignores the arguments a format does not use). */
bool cf_extract_flag_row_guess(extractor *ex, const cf_table_def *t, const cf_row_def *r, const cf_row_def *first,
                               const cf_row_def *last, const char *message)
{
    for (size_t c = 0; c < r->column_count; c++)
        ex->report->cells[r->first_cell + c].inferred = true;
    const cf_cell *cell = &ex->report->cells[r->first_cell];
    return cf_extract_warn(ex, cell->line ? cell->line : cell->label_line, (long)r->first_cell, message, t->number,
                           r->short_label, first->short_label, last->short_label);
}

/* False when a rule wholly within row r (总计 = the sum of the others) fails on row_cells, the row's
 * cells column by column; *checked: such a rule had a number in every term. */
bool cf_extract_row_cells_hold(const cf_template *tpl, const cf_row_def *r, const cf_cell *row_cells, bool *checked)
{
    size_t lo = r->first_cell, hi = r->first_cell + r->column_count;
    bool hold = true;
    *checked = false;
    for (size_t k = 0; k < cf_template_rule_count(tpl); k++) {
        const cf_rule_def *rule = cf_template_rule(tpl, k);
        /* nearly every rule is of other rows: its first term says so */
        size_t first = rule->left_count ? rule->left[0] : rule->right_count ? rule->right[0] : lo;
        if (first < lo || first >= hi)
            continue;
        cf_decimal sides[2] = {cf_decimal_from_int(0), cf_decimal_from_int(0)};
        bool inside = rule->left_count + rule->right_count > 0, numbers = true;
        for (int side = 0; side < 2 && inside; side++) {
            const size_t *cells = side ? rule->right : rule->left;
            size_t count = side ? rule->right_count : rule->left_count;
            for (size_t i = 0; i < count && inside; i++) {
                inside = cells[i] >= lo && cells[i] < hi;
                numbers &= inside && cf_cell_has_value(&row_cells[cells[i] - lo]) &&
                           cf_decimal_add(sides[side], row_cells[cells[i] - lo].value, &sides[side]);
            }
        }
        if (inside && numbers) {
            *checked = true;
            hold &= cf_decimal_cmp(sides[0], sides[1]) == 0;
        }
    }
    return hold;
}

void cf_extract_drop_warnings(cf_report *r, size_t keep)
{
    while (r->warning_count > keep)
        cf_free(r->warnings[--r->warning_count].message);
}
static bool extract_by_label(extractor *ex, size_t table, const token_stream *ts)
{
    const cf_table_def *t = cf_template_table(ex->report->tpl, table);
    bool taken[128] = {0};
    size_t got[128] = {0}; /* values a taken row was read with */
    size_t taken_at[128];   /* where in the stream a taken row's values start */
    bool done[128];         /* rows read in full: no later label may take them */
    loose_run loose[MAX_LOOSE_RUNS]; /* runs of values under no row label */
    size_t nloose = 0;
    size_t overflow = 0, overflow_line = 0; /* loose values past the runs kept: left unread */
    size_t seg_start = 0; /* key offset where the current run of words began */
    size_t seg_first = 0; /* token index where it began */
    long apart = -1; /* the row the last run went to when its values stand on lines after its label */
    for (size_t i = 0, j; (j = cf_extract_value_run(ts, &i)) > i; i = j) {
        const token *run = &ts->items[i];
        size_t n = j - i;
        if (!has_value(run, n)) /* blanks among headers: the words go on */
            continue;
        size_t seg_end = seg_start;
        for (size_t k = i; k-- > seg_first;)
            if (ts->items[k].kind == CF_ITEM_TEXT) {
                seg_end = ts->items[k].key_end;
                break;
            }
        bool was_taken[128];
        size_t had[128];
        for (size_t r = 0; r < t->row_count && r < 128; r++) {
            done[r] = taken[r] && got[r] >= t->rows[r].column_count;
            was_taken[r] = taken[r];
            had[r] = got[r];
        }
        label_match labels[32];
        size_t nlabels = match_labels(t, done, ts->keys.data ? ts->keys.data : "", seg_start, seg_end,
                                      labels, 32);
        bool added[32] = {0}; /* rows between the names whose own names were not found */
        size_t nadded = cf_pdfrows_add_unnamed_rows(t, taken, run, n, labels, &nlabels, added);
        size_t bounds[33];
        bool used;
        bool evenly;
        /* names of rows with nothing printed between them, not even a blank cell: the rows before
         * the last have no values here, so values just before or after the names may be theirs */
        bool bare_names = nlabels > 1 && !segment_has_blank(ts, seg_first, i);
        size_t edits = 0;     /* characters a misprinted name differs by */
        bool skipped = false; /* and it is the row after the next in the form's order */
        if (bare_names && apart >= 0 && (size_t)apart != labels[0].row && labels[0].start == seg_start &&
            !cf_extract_flag_row_guess(
                ex, t, &t->rows[apart], &t->rows[labels[0].row], &t->rows[labels[0].row],
                _("%s %s: its values stand on lines of their own between its name and the name of "
                  "%s, which has no values; which of the two rows they belong to is a guess, "
                  "check the row")))
            return false;
        apart = -1;
        if (nlabels > 1 && split_run(t, labels, nlabels, run, n, bounds, &evenly)) {
            /* a row of the form between two of the names, itself unnamed here: shared out by count,
             * its values could as well be that row's */
            bool skips_a_row = nadded > 0;
            for (size_t l = 0; l + 1 < nlabels; l++)
                for (size_t r = labels[l].row + 1; r < labels[l + 1].row; r++)
                    skips_a_row |= !taken[r];
            size_t broken = 0; /* rows shared out in order whose own sum fails */
            bool took[32];     /* whether each label's row took its share */
            for (size_t l = 0; l < nlabels; l++) {
                const cf_row_def *rd = &t->rows[labels[l].row];
                bool checked = false;
                if (!take_row(ex, table, labels[l].row, run + bounds[l], bounds[l + 1] - bounds[l],
                              cf_extract_line_of_key(ts, seg_first, i, labels[l].start), taken, got, &took[l]))
                    return false;
                broken += took[l] && evenly &&
                          !cf_extract_row_cells_hold(ex->report->tpl, rd, &ex->report->cells[rd->first_cell], &checked);
            }
            /* one row that breaks its sum may be the report's own break; two or more refute the order
             * the values were shared out in (PDF text that runs column by column), and a reading the
             * text refutes must not call a report broken */
            bool refuted = broken > 1 || (nadded > 0 && broken > 0); /* a row taken in must be proven */
            bool by_columns = false;
            if (refuted &&
                !cf_pdfrows_read_column_blocks(ex, table, ts, seg_first, i, labels, nlabels, run, bounds, &by_columns))
                return false;
            if (refuted && !by_columns) {
                const char *why =
                    broken > 1 ? _("%s %s … %s: %zu values for %zu cells, printed apart from their rows' names; "
                                   "shared out in order they break the sums of several rows, so which value "
                                   "belongs to which cell cannot be told and they are left unread")
                               : _("%s %s … %s: %zu values for %zu cells, printed apart from their rows' names, "
                                   "a row's name between them not found; shared out in order with that row "
                                   "taken in, a row's sum breaks, so which value belongs to which cell cannot "
                                   "be told and they are left unread");
                if (!cf_pdfrows_leave_rows_unread(ex, table, ts, seg_first, i, labels, nlabels, taken, got, why,
                                                  cf_extract_count_filled(run, n)))
                    return false;
            }
            const char *unnamed_between =
                _("%s %s: its values were printed apart from its label, after the names of several rows (%s … %s) "
                  "with a row of the form between them unnamed, and were shared out in order; they could be that "
                  "row's, check the row");
            /* a row taken in decides where every other row's values stand: none of them is read directly */
            for (size_t l = 0; l < nlabels && nadded > 0 && (by_columns || !refuted); l++) {
                const cf_row_def *rd = &t->rows[labels[l].row];
                bool read_here = by_columns || took[l];
                bool unflagged = added[l] || (by_columns && !ex->report->cells[rd->first_cell].inferred);
                if (read_here && unflagged &&
                    !cf_extract_flag_row_guess(
                        ex, t, rd, &t->rows[labels[0].row], &t->rows[labels[nlabels - 1].row],
                        added[l] ? _("%s %s: its name was not found among those of the rows %s … %s, "
                                     "printed apart from their values (PDF text), but the values were "
                                     "as many as those rows' cells and its own; read as its where the "
                                     "form puts it, check the row")
                                 : unnamed_between))
                    return false;
            }
            for (size_t l = 0; l < nlabels && !refuted && !by_columns; l++) {
                /* split by count alone (PDF text can print cells in drawing order): the row's own sum
                 * is the witness; where it fails, the split is as likely to blame as the report, and
                 * where no sum checks a row of values one a line, reading them column by column is as
                 * likely as row by row */
                const cf_row_def *rd = &t->rows[labels[l].row];
                bool checked = false;
                used = took[l];
                bool holds =
                    used && evenly &&
                    cf_extract_row_cells_hold(ex->report->tpl, rd, &ex->report->cells[rd->first_cell], &checked);
                const char *guess =
                    !used || !evenly || added[l] ? NULL
                    : !holds
                        ? _("%s %s: its values were printed apart from its label, after the names of several rows "
                            "(%s … %s), and were shared out in order; its sum does not hold, so which value belongs "
                            "where is a guess, check the row")
                    : skips_a_row ? unnamed_between
                    : !checked && rd->column_count > 1 && one_value_a_line(run, n)
                        ? _("%s %s: its values were printed one a line after the names of several rows (%s … %s), "
                            "and no sum checks the row; they were read row by row, but the text does not show "
                            "whether they run row by row or column by column, check the row")
                                  : NULL;
                if (guess && !cf_extract_flag_row_guess(ex, t, rd, &t->rows[labels[0].row],
                                                        &t->rows[labels[nlabels - 1].row], guess))
                    return false;
            }
        } else if (nlabels > 1 && !cf_pdfrows_read_headed_runs(ex, table, ts, seg_first, i, &j, labels, nlabels,
                                                               labels[nlabels - 1].end, seg_end, taken, got, &used)) {
            return false;
        } else if (nlabels > 1 && used) {
            /* the rows' values under the column headings: read above */
        } else if (nlabels > 1 && cf_extract_count_filled(run, n) > t->rows[labels[nlabels - 1].row].column_count) {
            /* several labels, then more values than the last row holds, and they do not split by
             * line or evenly: which value belongs where cannot be told unless the column headings
             * printed among them do; never hand them to one row */
            bool banded = false;
            if (!cf_pdfrows_read_heading_bands(ex, table, ts, seg_first, i, &j, labels, nlabels, taken, got, &banded))
                return false;
            if (!banded && !cf_pdfrows_leave_rows_unread(
                               ex, table, ts, seg_first, i, labels, nlabels, taken, got,
                               _("%s %s … %s: %zu values for %zu cells; which value belongs to which cell "
                                 "cannot be told, so they are left unread"),
                               cf_extract_count_filled(run, n)))
                return false;
        } else if (nlabels > 0) {
            const label_match *m = &labels[nlabels - 1];
            size_t label_line = cf_extract_line_of_key(ts, seg_first, i, m->start);
            /* one row's first values, then the next columns' headings each with the rest (a tall name's
             * row printed by Chromium) */
            bool banded = false;
            if (cf_extract_count_filled(run, n) < t->rows[m->row].column_count &&
                !cf_pdfrows_read_heading_bands(ex, table, ts, seg_first, i, &j, m, 1, taken, got, &banded))
                return false;
            if (banded)
                used = true;
            else if (!take_row(ex, table, m->row, run, n, label_line, taken, got, &used))
                return false;
            /* values after the names of several rows with nothing between them (a one-line table whose
             * header names its rows, cut by a page break; PDF text in drawing order; two rows' names on
             * the values' line, as when a PDF's tall name starts level with the row above) may be any of
             * those rows' */
            bool names_on_one_line =
                nlabels > 1 && cf_extract_line_of_key(ts, seg_first, i, labels[nlabels - 2].start) == label_line;
            if (used && bare_names && (!value_on_line(run, n, label_line) || names_on_one_line) &&
                !cf_extract_flag_row_guess(
                    ex, t, &t->rows[m->row], &t->rows[labels[0].row], &t->rows[m->row],
                    _("%s %s: its values follow the names of several rows (%s … %s) with nothing "
                      "between them; which row they belong to is a guess, check the row")))
                return false;
            if (used && values_below(run, n, label_line))
                apart = (long)m->row;
        } else if (!cf_pdfrows_read_group_row(ex, table, ts->keys.data ? ts->keys.data : "", seg_start, seg_end, run, n,
                                              cf_extract_line_of_key(ts, seg_first, i, seg_start), taken, got, &used)) {
            return false;
        } else if (used) {
            /* the group printed as one row: read above */
        } else if (j < ts->count && match_label_prefix(t, done, ts->keys.data ? ts->keys.data : "", seg_start, seg_end,
                                                       ts->items[j].key_start, ts->keys.len, &labels[0])) {
            if (!take_row(ex, table, labels[0].row, run, n, cf_extract_line_of_key(ts, seg_first, i, labels[0].start),
                          taken, got, &used))
                return false;
        } else if (match_misprint(t, taken, ts->keys.data ? ts->keys.data : "", seg_start, seg_end, &labels[0], &edits,
                                  &skipped)) {
            /* its name a few characters off, where the form's order puts it: read as printed, said so */
            const cf_row_def *rd = &t->rows[labels[0].row];
            size_t label_line = cf_extract_line_of_key(ts, seg_first, i, labels[0].start);
            if (!take_row(ex, table, labels[0].row, run, n, label_line, taken, got, &used) ||
                (used && skipped &&
                 !cf_extract_warn(
                     ex, label_line, (long)rd->first_cell,
                     P_("%s %s: its name is printed \"%.*s\", %zu character off the form's \"%s\"; read as this "
                        "row, one past the next in the form's order, whose name is not printed, check the name",
                        "%s %s: its name is printed \"%.*s\", %zu characters off the form's \"%s\"; read as this "
                        "row, one past the next in the form's order, whose name is not printed, check the name",
                        edits),
                     t->number, rd->short_label, (int)(labels[0].end - labels[0].start),
                     ts->keys.data + labels[0].start, edits, rd->label)) ||
                (used && !skipped &&
                 !cf_extract_warn(ex, label_line, (long)rd->first_cell,
                                  P_("%s %s: its name is printed \"%.*s\", %zu character off the form's \"%s\"; "
                                     "read as this row, the next in the form's order, check the name",
                                     "%s %s: its name is printed \"%.*s\", %zu characters off the form's \"%s\"; "
                                     "read as this row, the next in the form's order, check the name",
                                     edits),
                                  t->number, rd->short_label, (int)(labels[0].end - labels[0].start),
                                  ts->keys.data + labels[0].start, edits, rd->label)))
                return false;
        } else if (any_taken(taken, t->row_count) && has_number(run, n)) {
            /* values no label claims: said once for the table, not dropped quietly (a lone "无"
             * or "-" among words is more likely a broken heading such as 无法提供) */
            if (nloose < MAX_LOOSE_RUNS) {
                loose[nloose++] = (loose_run){i, j, false};
            } else {
                if (overflow == 0)
                    overflow_line = run[0].line + 1;
                overflow += cf_extract_count_filled(run, n);
            }
        }
        for (size_t r = 0; r < t->row_count && r < 128; r++)
            if (taken[r] && (!was_taken[r] || got[r] != had[r]))
                taken_at[r] = i;
        /* the next label starts after these values */
        seg_first = j;
        seg_start = j < ts->count ? ts->items[j].key_start : ts->keys.len;
    }
    if (!cf_pdfrows_place_loose_runs(ex, table, ts, loose, nloose, taken, taken_at))
        return false;
    /* values under no row label, and where the first was */
    size_t unclaimed = overflow, unclaimed_line = overflow_line;
    for (size_t u = nloose; u-- > 0;) /* backwards: the first one's line is kept */
        if (!loose[u].placed) {
            unclaimed_line = ts->items[loose[u].start].line + 1;
            unclaimed += cf_extract_count_filled(&ts->items[loose[u].start], loose[u].end - loose[u].start);
        }
    if (unclaimed)
        return cf_extract_warn(ex, unclaimed_line, -1,
                               P_("%s: %zu value under no row label of the table (on line %zu); not read",
                                  "%s: %zu values under no row label of the table (the first on line %zu); not read",
                                  unclaimed),
                               t->number, unclaimed, unclaimed_line);
    return true;
}

/* The `carried` rows after `row` (rows_carried), from run's values past row's own (from its from-th on):
 * each whose own name gave it no whole row (a cell missing or a guess) is read again from them, inferred
 * and warned on; a row its name read whole keeps its reading, and ends them unless it is the same. False
 * when memory runs out. */
static bool read_carried(extractor *ex, const cf_table_def *t, size_t row, const token *run, size_t n,
                         size_t from, size_t carried)
{
    const cf_cell *cells = ex->report->cells;
    size_t want = t->rows[row].column_count, i = 0;
    for (size_t k = 0; i < n && k < from + want; i++) /* past row's own values */
        k += run[i].kind != CF_ITEM_EMPTY;
    for (size_t r = row + 1; r <= row + carried; r++) {
        const cf_row_def *rd = &t->rows[r];
        const token *window[CF_TEMPLATE_MAX_COLUMNS];
        bool whole = true, same = true;
        for (size_t c = 0; c < want; i++)
            if (run[i].kind != CF_ITEM_EMPTY) {
                const cf_cell *cell = &cells[rd->first_cell + c];
                window[c++] = &run[i];
                whole &= cell->state != CF_CELL_MISSING && !cell->inferred;
                same &= cf_extract_cell_is(cell, &run[i]);
            }
        if (whole && !same)
            break;
        if (whole)
            continue;
        cf_extract_forget_row(ex->report, rd);
        size_t line = window[0]->line + 1;
        for (size_t c = 0; c < want; c++)
            if (!cf_extract_fill_cell(ex, rd->first_cell + c, window[c], true, line))
                return false;
        if (!cf_extract_warn(
                ex, line, (long)rd->first_cell,
                _("%s %s: its values were printed under the name of %s, after that row's own (the text prints "
                  "the table's columns apart and this row's name elsewhere); read there as the next row of the "
                  "form, where its total holds, check the row"),
                t->number, rd->short_label, t->rows[row].short_label))
            return false;
    }
    return true;
}

/* Row rd, read as printed from the first values of run, which two_rows_break refutes: forgotten, its cells
 * left missing, said so. False when memory runs out. */
static bool leave_row_unread(extractor *ex, const cf_table_def *t, const cf_row_def *rd, const token *run,
                             size_t n)
{
    size_t line = ex->report->cells[rd->first_cell].line, want = rd->column_count;
    cf_extract_forget_row(ex->report, rd);
    for (size_t c = 0; c < want; c++)
        ex->report->cells[rd->first_cell + c].inferred = true;
    return cf_extract_warn(
        ex, line, (long)rd->first_cell,
        _("%s %s: %zu values under its name for %zu columns; read %zu a row as printed, the sums of its "
          "row and of the next (from value %zu) both break, and this table's text prints rows' values "
          "apart, so the values of several rows are mixed here and which are this row's cannot be told; "
          "left unread, check the row"),
        t->number, rd->short_label, cf_extract_count_filled(run, n), want, want, want + 1);
}

/* Rows printed under the name of a row before them (rows_carried): read from there where their own names
 * gave them no whole row. A run of values is row's when its first value is row's first cell, read
 * directly, or when its first values are the last cells of the row before row and the next is row's
 * first (read_split_rows). In a table shown to print rows apart (ex->rows_apart), a row read from a
 * run's first values whose first two rows in step both break is left unread instead (two_rows_break).
 * At most a row's width of places a run are tried. False when memory runs out. */
static bool read_carried_rows(extractor *ex, size_t table, const token_stream *ts)
{
    const cf_template *tpl = ex->report->tpl;
    const cf_table_def *t = cf_template_table(tpl, table);
    const cf_cell *cells = ex->report->cells;
    size_t narrowest = CF_TEMPLATE_MAX_COLUMNS;
    for (size_t row = 0; row < t->row_count; row++)
        narrowest = t->rows[row].column_count < narrowest ? t->rows[row].column_count : narrowest;
    for (size_t i = 0, j; (j = cf_extract_value_run(ts, &i)) > i; i = j) {
        const token *run = &ts->items[i], *vals[CF_TEMPLATE_MAX_COLUMNS];
        size_t n = j - i, m = 0;
        /* most runs are one row's values: fewer than two rows' are never looked for a row */
        for (size_t k = 0; n >= 2 * narrowest && k < n && m < CF_TEMPLATE_MAX_COLUMNS; k++)
            if (run[k].kind != CF_ITEM_EMPTY)
                vals[m++] = &run[k];
        bool found = false;
        for (size_t from = 0; from < m && !found; from++)
            for (size_t row = from ? 1 : 0; row < t->row_count && !found; row++) {
                const cf_row_def *rd = &t->rows[row], *prev = from ? &t->rows[row - 1] : NULL;
                size_t want = rd->column_count;
                found = from < want && want <= CF_TEMPLATE_MAX_COLUMNS &&
                        cf_extract_cell_is(&cells[rd->first_cell], vals[from]) && (!prev || prev->column_count == want);
                for (size_t c = 0; found && c < from; c++) /* the row before it ends with the first ones */
                    found = cf_extract_cell_is(&cells[prev->first_cell + want - from + c], vals[c]);
                if (!found || !run_spans_rows(t, want, run, n))
                    continue;
                if (!from && ex->rows_apart && two_rows_break(tpl, rd, run, n)) {
                    if (!leave_row_unread(ex, t, rd, run, n))
                        return false;
                } else if ((from || !cells[rd->first_cell].inferred) &&
                           !read_carried(ex, t, row, run, n, from, rows_carried(tpl, t, row, run, n, from))) {
                    return false;
                }
            }
    }
    return true;
}

/* Does a rule across rows that takes one of row r's cells fail as read, and hold or go unchecked with
 * the row's present cells taken out? *rule: the first such rule. The cells are restored. */
static bool guess_breaks_sums(const cf_template *tpl, cf_cell *cells, const cf_row_def *r, size_t *rule)
{
    for (size_t k = 0; k < cf_template_rule_count(tpl); k++) {
        const cf_rule_def *def = cf_template_rule(tpl, k);
        bool takes = false, across = false;
        for (int side = 0; side < 2; side++)
            for (size_t i = 0; i < (side ? def->right_count : def->left_count); i++) {
                size_t c = side ? def->right[i] : def->left[i];
                bool here = c >= r->first_cell && c < r->first_cell + r->column_count;
                takes |= here;
                across |= !here;
            }
        if (!takes || !across || cf_rule_evaluate(tpl, k, cells).status != CF_RULE_FAIL)
            continue;
        cf_cell_state kept[CF_TEMPLATE_MAX_COLUMNS];
        for (size_t c = 0; c < r->column_count; c++) {
            kept[c] = cells[r->first_cell + c].state;
            cells[r->first_cell + c].state = CF_CELL_MISSING;
        }
        bool refuted = cf_rule_evaluate(tpl, k, cells).status != CF_RULE_FAIL;
        for (size_t c = 0; c < r->column_count; c++)
            cells[r->first_cell + c].state = kept[c];
        if (refuted) {
            *rule = k;
            return true;
        }
    }
    return false;
}

/* In a table whose text printed a row's values among another's (ex->rows_apart), a row read short with
 * its blanks placed by a guess is as likely to have its other values printed elsewhere: where so placed
 * they make one of the table's sums across rows fail that holds or goes unchecked without them, the
 * sums refute the guess and the row is left unread, said so. Each row is judged with the others as read. */
static bool read_guesses_apart(extractor *ex, size_t table)
{
    const cf_template *tpl = ex->report->tpl;
    const cf_table_def *t = cf_template_table(tpl, table);
    cf_cell *cells = ex->report->cells;
    for (size_t row = 0; ex->rows_apart && row < t->row_count; row++) {
        const cf_row_def *rd = &t->rows[row];
        size_t present = 0, guessed = 0, rule;
        for (size_t c = 0; c < rd->column_count; c++) {
            present += cells[rd->first_cell + c].state != CF_CELL_MISSING;
            guessed +=
                cells[rd->first_cell + c].state != CF_CELL_MISSING && cells[rd->first_cell + c].inferred;
        }
        if (!present || present == rd->column_count || guessed < present ||
            rd->column_count > CF_TEMPLATE_MAX_COLUMNS || !guess_breaks_sums(tpl, cells, rd, &rule))
            continue;
        const cf_rule_def *def = cf_template_rule(tpl, rule);
        size_t line = 0;
        for (size_t c = 0; c < rd->column_count && !line; c++)
            line = cells[rd->first_cell + c].line;
        cf_extract_forget_row(ex->report, rd);
        for (size_t c = 0; c < rd->column_count; c++)
            cells[rd->first_cell + c].inferred = true;
        if (!cf_extract_warn(
                ex, line, (long)rd->first_cell,
                P_("%s %s: %zu value for %zu columns, its blanks placed by a guess; this table's text prints "
                   "rows' values apart, and so placed it breaks %s = %s (%s), which holds or cannot be "
                   "checked without it, so it is left unread, check the row",
                   "%s %s: %zu values for %zu columns, their blanks placed by a guess; this table's text prints "
                   "rows' values apart, and so placed they break %s = %s (%s), which holds or cannot be "
                   "checked without them, so they are left unread, check the row",
                   present),
                t->number, rd->short_label, present, rd->column_count, def->left_text, def->right_text,
                def->scope))
            return false;
    }
    return true;
}

/* Tab layouts: the field under each column heading ("\t\t自然人\t…", "\t\t\t商业企业\t科研机构…"),
 * taken from the first cell whose words are exactly a column's label. */
static bool find_column_fields(extractor *ex, const cf_table_def *t, const token_stream *ts)
{
    ex->colpos_ok = false;
    ex->colgrid = 0;
    if (t->column_count > 64)
        return true;
    cf_buf names;
    size_t at[129];
    unsigned grid_of[64];
    if (!cf_pdfrows_column_keys(t, &names, at))
        return cf_extract_oom(ex);
    for (size_t c = 0; c < t->column_count; c++) {
        ex->colpos[c] = -1;
        grid_of[c] = 0;
    }
    size_t missing = t->column_count;
    for (size_t i = 0; i < ts->count && missing; i++) {
        const token *tk = &ts->items[i];
        if (tk->kind != CF_ITEM_TEXT || tk->field < 0)
            continue;
        const char *k = ts->keys.data + tk->key_start;
        size_t kl = tk->key_end - tk->key_start;
        for (size_t c = 0; c < t->column_count; c++) {
            if (ex->colpos[c] >= 0)
                continue;
            bool hit = false;
            for (size_t n = 0; n < 2 && !hit; n++)
                hit = at[2 * c + n + 1] - at[2 * c + n] == kl && memcmp(names.data + at[2 * c + n], k, kl) == 0;
            if (hit) {
                ex->colpos[c] = tk->field;
                grid_of[c] = tk->grid;
                missing--;
                break;
            }
        }
    }
    cf_buf_release(&names);
    ex->colpos_ok = true;
    ex->colgrid = t->column_count ? grid_of[0] : 0;
    for (size_t c = 0; c < t->column_count; c++)
        if (ex->colpos[c] < 0 || (c > 0 && ex->colpos[c] <= ex->colpos[c - 1]) || grid_of[c] != ex->colgrid)
            ex->colpos_ok = false;
    if (!ex->colpos_ok)
        ex->colgrid = 0;
    return true;
}

/* Take out of *ts the values a table before `table` read past the end of its own region: the last
 * cells of a table cut by a page break, printed after the next table's heading (cf_pdfrows_extract_rows_drawn),
 * are not that table's. The tokens may be kept for other tables (cf_extract_region_tokens), so when some go
 * *ts becomes a copy without them in *out (always initialised; the caller releases it). False when
 * memory runs out; a NULL *ts (tokenising failed) is left as it is. */
static bool drop_read_before(extractor *ex, size_t table, const token_stream **ts, token_stream *out)
{
    memset(out, 0, sizeof *out);
    cf_buf_init(&out->keys);
    const cf_template *tpl = ex->report->tpl;
    const cf_cell *cells = ex->report->cells;
    size_t past[8], m = 0; /* such cells: a table's last few (ROWS_APART_MAX) */
    for (size_t c = 0; c < cf_template_table(tpl, table)->first_cell && m < 8; c++) {
        size_t t = cf_template_cell(tpl, c)->table;
        if (t < 64 && cells[c].state != CF_CELL_MISSING && cells[c].line > ex->region_end[t])
            past[m++] = c;
    }
    if (m == 0 || !*ts)
        return true;
    const token_stream *in = *ts;
    out->items = cf_malloc((in->count + 1) * sizeof *out->items);
    if (!out->items || !cf_buf_append(&out->keys, in->keys.data ? in->keys.data : "", in->keys.len))
        return cf_extract_oom(ex);
    out->cap = in->count + 1;
    out->grids = in->grids;
    for (size_t i = 0; i < in->count; i++) {
        const token *tk = &in->items[i];
        bool read = false;
        for (size_t j = 0; j < m && !read && tk->kind != CF_ITEM_TEXT && tk->kind != CF_ITEM_EMPTY; j++)
            read = cf_extract_cell_is(&cells[past[j]], tk); /* past cells are present */
        if (!read)
            out->items[out->count++] = *tk;
    }
    *ts = out;
    return true;
}

/* Read table from the lines [first, end); a flat table printed in drawing order may go on over
 * [more_first, more_end), past the next part's heading. */
static bool extract_table(extractor *ex, size_t table, size_t first, size_t end, size_t more_first, size_t more_end)
{
    const cf_table_def *t = cf_template_table(ex->report->tpl, table);
    token_stream spare, kept_out;
    const token_stream *ts = cf_extract_region_tokens(ex, first, end, &spare);
    bool ok = drop_read_before(ex, table, &ts, &kept_out) && ts != NULL;
    ex->ts = ts; /* until the region is read */
    ok = ok && find_column_fields(ex, t, ts);
    if (ok)
        learn_xgrid(ex, t, ts);
    clear_cells(ex->report, t->first_cell, t->cell_count);
    bool done = false;
    if (ok && t->flat)
        ok = extract_flat(ex, table, ts, &done);
    if (ok && t->flat && !done)
        ok = cf_pdfrows_extract_flat_drawn(ex, table, ts, more_first, more_end, &done);
    size_t mark = ex->report->warning_count;
    ex->rows_apart = false;
    if (ok && !done)
        ok = extract_by_label(ex, table, ts) && read_carried_rows(ex, table, ts) &&
             read_guesses_apart(ex, table) &&
             cf_pdfrows_extract_rows_drawn(ex, table, ts, mark, more_first, more_end);
    ex->ts = NULL;
    cf_extract_stream_release(&kept_out);
    cf_extract_stream_release(&spare);
    return ok;
}

/* ---------- format and regions ---------- */

typedef struct {
    size_t line;
    long table; /* -1: an end heading */
} heading;

/* Does this line (compact) hold key and little else? */
/* A heading the scan looks for, with its length: every short line is asked about every heading
 * of every template, and counting each one's length there was a third of the scan's calls. */
typedef struct {
    const char *key;
    size_t len;
    size_t tpl;
    long table; /* -1: a heading that ends the tables */
} heading_key;

/* A short line holding the heading (a few characters of numbering or noise around it). */
static bool is_heading(const char *compact, size_t len, const heading_key *h)
{
    return len <= h->len + 12 && len >= h->len && strstr(compact, h->key) != NULL;
}

typedef struct {
    heading *items;
    size_t count, cap;
} heading_list;

static bool add_heading(extractor *ex, heading_list *hl, size_t line, long table)
{
    if (!cf_reserve_one(&hl->items, hl->count, &hl->cap, sizeof *hl->items, 16))
        return cf_extract_oom(ex);
    hl->items[hl->count++] = (heading){line, table};
    return true;
}

/* The detect phrases of every template, flattened, with the first character of each as a
 * number: a window is searched in one pass over its characters, and only the phrases that
 * start with the character at hand are compared (a strstr per phrase and line was a fifth
 * of the time on a 50 MB report). */
typedef struct {
    const char *text;
    size_t len, tpl, index;
    uint32_t first; /* the phrase's first three bytes */
} phrase;

/* The characters phrases start with, as bits by the low twelve bits of the code point (the
 * ideographs spread over them): a character sharing a phrase's bit is compared and passed over. A
 * bit for each of the 65,536 three-byte characters was 8 kB to zero at every extraction. */
#define START_BITS 4096

static uint32_t first3(const char *s) { return (uint32_t)(unsigned char)s[0] << 16 | (uint32_t)(unsigned char)s[1] << 8 | (unsigned char)s[2]; }

static void detect_phrases(const phrase *phrases, size_t nphrases, const unsigned char *starts, const char *window,
                           size_t from, size_t len, bool **seen, size_t *scores)
{
    size_t i = from;
    while (i + 3 <= len) {
        unsigned char c = (unsigned char)window[i];
        if (c < 0xE0 || c > 0xEF) {
            i++; /* phrases start with a three-byte (CJK) character */
            continue;
        }
        /* one bit a character says whether any phrase may start with it; a character whose bit
         * is clear is stepped over whole */
        uint32_t cp = (uint32_t)(c & 0x0F) << 12 | (uint32_t)(window[i + 1] & 0x3F) << 6 | (window[i + 2] & 0x3F);
        if (starts[(cp & (START_BITS - 1)) >> 3] & (1u << (cp & 7))) {
            uint32_t here = first3(window + i);
            for (size_t p = 0; p < nphrases; p++) {
                const phrase *ph = &phrases[p];
                if (ph->first != here || seen[ph->tpl][ph->index] || ph->len > len - i ||
                    memcmp(window + i, ph->text, ph->len) != 0)
                    continue;
                seen[ph->tpl][ph->index] = true;
                scores[ph->tpl]++;
            }
        }
        i += 3;
    }
}

/* Every template's detect phrases, flattened, and for each template which of its phrases were seen. */
typedef struct {
    phrase *items;
    size_t count;
    unsigned char starts[START_BITS / 8]; /* a bit for each character some phrase starts with */
    bool **seen;
    size_t templates;
} phrase_set;

static void phrases_release(phrase_set *ps)
{
    for (size_t k = 0; ps->seen && k < ps->templates; k++)
        cf_free(ps->seen[k]);
    cf_free(ps->seen);
    cf_free(ps->items);
    *ps = (phrase_set){0};
}

/* The detect phrases of the count templates, none seen yet; false when out of memory (ps released). */
static bool phrases_init(phrase_set *ps, cf_template *const *tpls, size_t count)
{
    *ps = (phrase_set){.templates = count};
    ps->seen = cf_calloc(count, sizeof *ps->seen);
    bool ok = ps->seen != NULL;
    size_t nphrases = 0;
    for (size_t k = 0; ok && k < count; k++) {
        ps->seen[k] = cf_calloc(cf_template_detect_count(tpls[k]) + 1, sizeof **ps->seen);
        ok = ps->seen[k] != NULL;
        nphrases += cf_template_detect_count(tpls[k]);
    }
    ps->items = ok ? cf_calloc(nphrases + 1, sizeof *ps->items) : NULL;
    if (!ok || !ps->items) {
        phrases_release(ps);
        return false;
    }
    for (size_t k = 0; k < count; k++)
        for (size_t d = 0; d < cf_template_detect_count(tpls[k]); d++) {
            const char *text = cf_template_detect(tpls[k], d);
            if (strlen(text) >= 3 && (unsigned char)text[0] >= 0xE0 && (unsigned char)text[0] <= 0xEF) {
                ps->items[ps->count++] = (phrase){text, strlen(text), k, d, first3(text)};
                uint32_t cp = (uint32_t)(text[0] & 0x0F) << 12 | (uint32_t)(text[1] & 0x3F) << 6 | (text[2] & 0x3F);
                ps->starts[(cp & (START_BITS - 1)) >> 3] |= (unsigned char)(1u << (cp & 7));
            }
        }
    return true;
}

/* One pass over the lines: score each template's detect phrases and collect its headings. */
static bool scan(extractor *ex, cf_template *const *tpls, size_t count, size_t *scores, heading_list *hls)
{
    cf_buf window;
    cf_buf_init(&window);
    phrase_set ps;
    bool ok = phrases_init(&ps, tpls, count);
    size_t longest_heading = 0, longest_phrase = 0;
    for (size_t p = 0; ok && p < ps.count; p++)
        longest_phrase = ps.items[p].len > longest_phrase ? ps.items[p].len : longest_phrase;
    /* each template's headings in the order they are tried: its tables' in turn, then its end headings */
    size_t nkeys = 0;
    for (size_t k = 0; k < count; k++) {
        for (size_t t = 0; t < cf_template_table_count(tpls[k]); t++)
            nkeys += cf_template_table(tpls[k], t)->heading_count;
        nkeys += cf_template_end_heading_count(tpls[k]);
    }
    heading_key *keys = ok ? cf_malloc((nkeys + 1) * sizeof *keys) : NULL;
    ok = ok && keys;
    nkeys = 0;
    for (size_t k = 0; ok && k < count; k++) {
        for (size_t t = 0; t < cf_template_table_count(tpls[k]); t++)
            for (size_t h = 0; h < cf_template_table(tpls[k], t)->heading_count; h++) {
                const char *key = cf_template_table(tpls[k], t)->headings[h];
                keys[nkeys++] = (heading_key){key, strlen(key), k, (long)t};
            }
        for (size_t e = 0; e < cf_template_end_heading_count(tpls[k]); e++) {
            const char *key = cf_template_end_heading(tpls[k], e);
            keys[nkeys++] = (heading_key){key, strlen(key), k, -1};
        }
    }
    size_t shortest_heading = SIZE_MAX;
    for (size_t i = 0; i < nkeys; i++) {
        longest_heading = keys[i].len > longest_heading ? keys[i].len : longest_heading;
        shortest_heading = keys[i].len < shortest_heading ? keys[i].len : shortest_heading;
    }
    size_t lines = cf_text_line_count(ex->text);
    /* the window: the last 96 bytes of the line before's key (a phrase may be broken over two
     * lines), then the line's own key, made in place after them */
    size_t keep = 0, key_len = 0;
    for (size_t line = 0; ok && line < lines; line++) {
        size_t carried = key_len > 96 ? 96 : key_len;
        if (carried)
            memmove(window.data, window.data + keep + key_len - carried, carried);
        window.len = keep = carried;
        size_t len;
        const char *src = cf_text_line(ex->text, line, &len);
        bool whole = false;
        ok = cf_compact_line(src, len, &window, &whole);
        if (ok && whole) /* normalised through the store: kept for the table readers when it keeps lines */
            ok = normalize(ex, line) && cf_compact_append(&window, ex->norm->text, ex->norm->len);
        if (!ok)
            break;
        key_len = window.len - keep;
        const char *key = window.data + keep;
        /* a phrase that starts and ends in the carried part was looked for in the line before, so a
         * line with no key adds nothing to look for */
        size_t from = keep > longest_phrase ? keep - longest_phrase + 1 : 0;
        if (key_len > 0)
            detect_phrases(ps.items, ps.count, ps.starts, window.data, from, window.len, ps.seen, scores);
        /* a heading is a short line holding one: longer ones, and those shorter than any, need no look */
        if (key_len == 0 || key_len < shortest_heading || key_len > longest_heading + 12)
            continue;
        size_t added = SIZE_MAX; /* the template whose heading the line is: its other headings need no look */
        for (size_t i = 0; i < nkeys; i++)
            if (keys[i].tpl != added && is_heading(key, key_len, &keys[i])) {
                added = keys[i].tpl;
                ok = add_heading(ex, &hls[added], line, keys[i].table);
            }
    }
    cf_free(keys);
    phrases_release(&ps);
    cf_buf_release(&window);
    return ok || cf_extract_oom(ex);
}

/* What the best trial of a table read: its cells (notes owned here) and the warnings it gave. */
typedef struct {
    cf_cell *cells;
    cf_warning *warnings;
    size_t warning_count;
} trial;

static void trial_release(trial *tr, size_t cell_count)
{
    for (size_t i = 0; tr->cells && i < cell_count; i++)
        cf_free(tr->cells[i].note);
    for (size_t w = 0; w < tr->warning_count; w++)
        cf_free(tr->warnings[w].message);
    cf_free(tr->warnings);
    tr->warnings = NULL;
    tr->warning_count = 0;
}

/* Move table td's cells and the warnings from `mark` on out of the report into tr (its cells array
 * allocated by the caller): the report's cells are left without notes, its warnings cut at mark. */
static bool trial_keep(extractor *ex, const cf_table_def *td, size_t mark, trial *tr)
{
    cf_report *r = ex->report;
    trial_release(tr, td->cell_count);
    size_t n = r->warning_count - mark;
    if (n) {
        tr->warnings = cf_malloc(n * sizeof *tr->warnings);
        if (!tr->warnings)
            return cf_extract_oom(ex);
        memcpy(tr->warnings, r->warnings + mark, n * sizeof *tr->warnings);
        tr->warning_count = n;
        r->warning_count = mark;
    }
    memcpy(tr->cells, r->cells + td->first_cell, td->cell_count * sizeof *tr->cells);
    for (size_t i = 0; i < td->cell_count; i++)
        r->cells[td->first_cell + i].note = NULL;
    return true;
}

/* Put a kept trial back into the report, as if its region had just been read. */
static bool trial_restore(extractor *ex, const cf_table_def *td, trial *tr)
{
    cf_report *r = ex->report;
    for (size_t w = 0; w < tr->warning_count; w++) {
        if (!cf_reserve_one(&r->warnings, r->warning_count, &r->warning_cap, sizeof *r->warnings, 8))
            return cf_extract_oom(ex);
        r->warnings[r->warning_count++] = tr->warnings[w];
    }
    cf_free(tr->warnings);
    tr->warnings = NULL;
    tr->warning_count = 0;
    clear_cells(r, td->first_cell, td->cell_count);
    memcpy(r->cells + td->first_cell, tr->cells, td->cell_count * sizeof *tr->cells);
    for (size_t i = 0; i < td->cell_count; i++)
        tr->cells[i].note = NULL;
    return true;
}

/* True when line (0-based) is the "[TABLE]" pandoc -t plain prints in place of a table wider than its
 * --columns: alone on its line, but for the bars of a layout table whose cell holds it. */
static bool placeholder_line(const cf_text *text, size_t line)
{
    size_t len;
    const char *s = cf_text_line(text, line, &len);
    while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '\r' || s[len - 1] == '|'))
        len--;
    while (len > 0 && (*s == ' ' || *s == '\t' || *s == '|'))
        s++, len--;
    return len == 7 && memcmp(s, "[TABLE]", 7) == 0;
}

/* Part t (td) has no cell read because the converter printed "[TABLE]" in its place on line (0-based):
 * said there, with what to do, instead of "not found". */
static bool warn_placeholder(extractor *ex, const cf_table_def *td, size_t t, size_t line)
{
    ex->report->left_out[t] = line + 1;
    return cf_extract_warn(ex, line + 1, -1,
                           _("part %s (%s): the converter printed \"[TABLE]\" in its place and left out its %zu "
                             "cells (pandoc does so with a table wider than --columns); convert the page again "
                             "wider (pandoc --columns=250) or open the web page itself"),
                           td->number, td->title, td->cell_count);
}

/* A table found by its heading but with no cell read, where the converter printed "[TABLE]" in its
 * place (lines [first, end) after the heading): said there. */
static bool say_placeholder(extractor *ex, const cf_table_def *td, size_t t, size_t first, size_t end)
{
    for (size_t line = first; line < end; line++)
        if (placeholder_line(ex->text, line))
            return warn_placeholder(ex, td, t, line);
    return true;
}

/* PDF text in drawing order can print the next parts' headings (五、, 六、) and their prose among a flat
 * table's values: when the heading after hl->items[h] ends the tables, the lines after it up to the
 * next table's heading (at most FLAT_MORE_LINES) are [*more_first, *more_end) (else empty); values
 * beside words there are prose (gather_values). */
static void flat_continuation(const heading_list *hl, size_t h, size_t lines, size_t *more_first, size_t *more_end)
{
    if (h + 1 >= hl->count || hl->items[h + 1].table >= 0)
        return;
    size_t stop = lines;
    for (size_t k = h + 2; k < hl->count && stop == lines; k++)
        if (hl->items[k].table >= 0)
            stop = hl->items[k].line;
    *more_first = hl->items[h + 1].line + 1;
    *more_end = stop < *more_first + FLAT_MORE_LINES ? stop : *more_first + FLAT_MORE_LINES;
}

/* Each table is read from every region under one of its headings; the region that reads best is
 * kept as it was read (not read again), and only its warnings stay. A table under one heading (most
 * are) is simply left as read: there is no other reading to set it aside from. */
static bool extract_tables(extractor *ex, const heading_list *hl)
{
    const cf_template *tpl = ex->report->tpl;
    size_t lines = cf_text_line_count(ex->text);
    size_t ntables = cf_template_table_count(tpl);
    size_t region_floor = 0; /* where a table without a heading may start */
    for (size_t t = 0; t < ntables; t++) {
        const cf_table_def *td = cf_template_table(tpl, t);
        size_t best_found = 0, best_first = 0, best_end = 0, best_heading = 0;
        bool any_heading = false;
        trial best = {0};
        bool ok = true;
        size_t candidates = 0; /* regions under one of its headings */
        for (size_t h = 0; h < hl->count; h++)
            candidates += hl->items[h].table == (long)t;
        for (size_t h = 0; ok && h < hl->count; h++) {
            if (hl->items[h].table != (long)t)
                continue;
            if (!best.cells && candidates > 1) {
                best.cells = cf_calloc(td->cell_count ? td->cell_count : 1, sizeof *best.cells);
                if (!best.cells)
                    return cf_extract_oom(ex);
            }
            any_heading = true;
            size_t first = hl->items[h].line + 1;
            size_t end = h + 1 < hl->count ? hl->items[h + 1].line : lines;
            size_t mark = ex->report->warning_count;
            size_t more_first = end, more_end = end;
            if (td->flat)
                flat_continuation(hl, h, lines, &more_first, &more_end);
            if (!td->flat && h + 1 < hl->count) { /* the next part: a page break may put the table's last cells there */
                more_first = hl->items[h + 1].line + 1;
                more_end = h + 2 < hl->count ? hl->items[h + 2].line : lines;
                more_end = more_end < more_first + FLAT_MORE_LINES ? more_end : more_first + FLAT_MORE_LINES;
            }
            ok = extract_table(ex, t, first, end, more_first, more_end);
            if (candidates == 1) { /* the one region: it stays as read, with its warnings */
                best_first = first;
                best_end = end;
                best_heading = hl->items[h].line + 1;
                continue;
            }
            size_t found = ok ? region_score(ex->report, td) : 0;
            if (ok && (found > best_found || best_end == 0)) {
                best_found = found;
                best_first = first;
                best_end = end;
                best_heading = hl->items[h].line + 1;
                ok = trial_keep(ex, td, mark, &best);
            } else {
                cf_extract_drop_warnings(ex->report, mark); /* a trial: only the region kept may warn */
            }
        }
        if (ok && candidates > 1)
            ok = trial_restore(ex, td, &best);
        trial_release(&best, td->cell_count);
        cf_free(best.cells);
        if (!ok)
            return false;
        if (!any_heading) {
            /* no heading: look between the previous table and the next heading */
            best_first = region_floor;
            best_end = lines;
            for (size_t h = 0; h < hl->count; h++)
                if (hl->items[h].line >= region_floor && (hl->items[h].table > (long)t || hl->items[h].table < 0)) {
                    best_end = hl->items[h].line;
                    break;
                }
            if (!extract_table(ex, t, best_first, best_end, best_end, best_end))
                return false;
        }
        if (t < 64) { /* cells read past it are the next table's region's values: not its */
            ex->region_first[t] = best_first;
            ex->region_end[t] = best_end;
        }
        if (count_found(ex->report, td) > 0) {
            ex->report->table_lines[t] = any_heading ? best_heading : best_first + 1;
            region_floor = best_first;
        } else if (any_heading && t < 64 && !say_placeholder(ex, td, t, best_first, best_end)) {
            return false;
        }
    }
    return true;
}

/* Numbers of the wrong kind for their column, and units that do not fit. A cell that fits (nearly
 * every cell) costs no label and no formatting. */
static bool check_kinds(extractor *ex)
{
    const cf_template *tpl = ex->report->tpl;
    const char *data = cf_text_data(ex->text);
    for (size_t i = 0; i < cf_template_cell_count(tpl); i++) {
        const cf_cell *cell = &ex->report->cells[i];
        const cf_cell_def *def = cf_template_cell(tpl, i);
        const cf_column_def *col = &cf_template_table(tpl, def->table)->columns[def->column];
        bool invalid = cell->state == CF_CELL_INVALID, number = cell->state == CF_CELL_NUMBER;
        bool not_whole = number && col->kind != CF_KIND_DECIMAL && !cf_decimal_is_integer(cell->value);
        bool negative = number && !not_whole && col->kind == CF_KIND_COUNT && cf_decimal_is_negative(cell->value);
        /* units are compared only where the cell prints one (most print none); "5万" in a 万元 column
         * says the same as "5万元" */
        bool other_unit = number && cell->unit[0] && col->unit[0] && strcmp(cell->unit, col->unit) != 0 &&
                          !(strcmp(cell->unit, "万") == 0 && strcmp(col->unit, "万元") == 0);
        bool money = number && !other_unit && !col->unit[0] && cell->unit[0] &&
                     (strcmp(cell->unit, "元") == 0 || strcmp(cell->unit, "万元") == 0);
        if (!invalid && !not_whole && !negative && !other_unit && !money)
            continue;
        const char *raw = data + cell->byte_start;
        /* a cell is quoted whole up to 60 bytes, else cut at a character */
        size_t whole = cell->byte_end - cell->byte_start, cut = whole;
        if (cut > 60)
            cut = cf_utf8_boundary(raw, 60);
        int raw_len = (int)cut;
        const char *more = cut < whole ? "\xE2\x80\xA6" : "";
        char label[256]; /* the cell as the report names it: "一、本年新收 · 自然人" */
        cf_template_cell_label(tpl, i, label, sizeof label);
        bool ok = true;
        if (invalid) {
            char printed[64];
            snprintf(printed, sizeof printed, "%.*s", raw_len, raw);
            cf_item item;
            cf_bad_reason why = cf_cell_parse(printed, &item, NULL, 0) ? item.bad : CF_BAD_SIZE;
            ok = cf_extract_warn(
                ex, cell->line, (long)i,
                why == CF_BAD_LETTERS ? _("%s: '%.*s%s' is not a number: letters where digits should be, as a "
                                          "scan's text recognition misreads them; read the figure in the report")
                : why == CF_BAD_GROUPING
                    ? _("%s: '%.*s%s' is not a number: its commas do not group thousands (a decimal point "
                        "misread?); read the figure in the report")
                    : _("%s: '%.*s%s' is not a number crossfoot can hold exactly"),
                label, raw_len, raw, more);
        }
        if (not_whole)
            ok = cf_extract_warn(ex, cell->line, (long)i, _("%s: '%.*s%s' is not a whole number"), label, raw_len, raw,
                                 more);
        else if (negative)
            ok = cf_extract_warn(ex, cell->line, (long)i, _("%s: '%.*s%s' is a negative count"), label, raw_len, raw,
                                 more);
        if (ok && other_unit)
            ok = cf_extract_warn(ex, cell->line, (long)i, _("%s: '%.*s%s' is in %s, but the column is in %s"), label,
                                 raw_len, raw, more, cell->unit, col->unit);
        else if (ok && money)
            ok = cf_extract_warn(ex, cell->line, (long)i, _("%s: '%.*s%s' is an amount of money in a column of counts"),
                                 label, raw_len, raw, more);
        if (!ok)
            return false;
    }
    return true;
}
/* The table of the format whose heading the few lines just before line `first` (and from line floor
 * on) hold, joined: a narrow cell wraps "二、主动公开政 / 府信息情况" over two lines, so no line of it
 * is the heading. *table is -1 when they hold none. False when out of memory. */
static bool heading_just_before(extractor *ex, size_t floor, size_t first, long *table)
{
    const cf_template *tpl = ex->report->tpl;
    size_t longest = 0;
    for (size_t t = 0; t < cf_template_table_count(tpl); t++)
        for (size_t h = 0; h < cf_template_table(tpl, t)->heading_count; h++) {
            size_t len = strlen(cf_template_table(tpl, t)->headings[h]);
            longest = len > longest ? len : longest;
        }
    *table = -1;
    cf_buf compact;
    cf_buf_init(&compact);
    bool ok = true;
    for (size_t back = 1; ok && back + floor <= first && *table < 0 && compact.len <= longest + 12; back++) {
        compact.len = 0;
        for (size_t line = first - back; ok && line < first; line++)
            ok = normalize(ex, line) && cf_compact_append(&compact, ex->norm->text, ex->norm->len);
        ok = ok && cf_buf_append(&compact, "", 0);
        for (size_t t = 0; ok && t < cf_template_table_count(tpl) && *table < 0; t++) {
            const cf_table_def *td = cf_template_table(tpl, t);
            for (size_t h = 0; h < td->heading_count && *table < 0; h++) {
                heading_key key = {td->headings[h], strlen(td->headings[h]), 0, (long)t};
                if (is_heading(compact.data, compact.len, &key))
                    *table = (long)t;
            }
        }
    }
    cf_buf_release(&compact);
    return ok || cf_extract_oom(ex);
}

/* The part that line `first` (0-based) stands in, for a table left out there: the part whose heading is
 * in the lines just before it (from line floor on), else the one whose heading (hl) it follows; *table
 * is -1 when neither. False when out of memory. */
static bool part_of(extractor *ex, const heading_list *hl, size_t floor, size_t first, long *table)
{
    if (!heading_just_before(ex, floor, first, table))
        return false;
    for (size_t h = 0; *table < 0 && h < hl->count && hl->items[h].line < first; h++)
        if (h + 1 == hl->count || hl->items[h + 1].line >= first)
            *table = hl->items[h].table;
    return true;
}

/* True when part t is neither read nor said to be left out. */
static bool unsaid(const extractor *ex, long t)
{
    return t >= 0 && t < 64 && (size_t)t < cf_template_table_count(ex->report->tpl) &&
           ex->report->table_lines[t] == 0 && ex->report->left_out[t] == 0;
}

/* A "[TABLE]" whose part's heading no line holds whole (a narrow cell wrapped it: "三、收" / "到和处
 * 理政府信息公开申请情况"), so no region was read under it: said for the part it stands in (part_of).
 * Looked for only while some part is neither read nor said. */
static bool say_placeholders_unheaded(extractor *ex, const heading_list *hl)
{
    bool any = false;
    for (size_t t = 0; t < cf_template_table_count(ex->report->tpl); t++)
        any = any || unsaid(ex, (long)t);
    for (size_t line = 0, floor = 0; any && line < cf_text_line_count(ex->text); line++) {
        long t;
        if (!placeholder_line(ex->text, line))
            continue;
        if (!part_of(ex, hl, floor, line, &t))
            return false;
        floor = line + 1;
        if (unsaid(ex, t) && !warn_placeholder(ex, cf_template_table(ex->report->tpl, (size_t)t), (size_t)t, line))
            return false;
    }
    return true;
}

/* Where the reader left tables out (pandoc drew them wider than the cell of a web page's layout
 * table holding them, cf_text_add_left_out), the parts missing say so rather than "not found": a
 * span goes with the part whose heading is just before it, else with the part whose heading (hl)
 * it follows. A part nothing was read of is said once, with its lines; any other span on its own. */
static bool say_left_out(extractor *ex, const heading_list *hl)
{
    const cf_template *tpl = ex->report->tpl;
    size_t ntables = cf_template_table_count(tpl), spans = cf_text_left_out_count(ex->text);
    size_t first[64], end[64]; /* each unread part's lines left out */
    bool any[64] = {0};
    for (size_t i = 0, b = 0; i < spans; i++) {
        size_t a, floor = b; /* a heading before the span before is not this one's */
        cf_text_left_out(ex->text, i, &a, &b);
        long t;
        if (!part_of(ex, hl, floor, a, &t))
            return false;
        if (unsaid(ex, t)) {
            first[t] = any[t] ? first[t] : a;
            end[t] = b;
            any[t] = true;
        } else if (!cf_extract_warn(
                       ex, a + 1, -1,
                       _("a table was left out (to line %zu): pandoc drew it wider than the cell of the web "
                         "page's layout table holding it, so every row is wrapped over the cell's lines and which "
                         "value belongs to which row and column cannot be told; open the web page itself"),
                       b)) {
            return false;
        }
    }
    for (size_t t = 0; t < ntables && t < 64; t++) {
        const cf_table_def *td = cf_template_table(tpl, t);
        if (any[t] &&
            !cf_extract_warn(ex, first[t] + 1, -1,
                             _("part %s (%s): its table was left out (to line %zu): pandoc drew it wider than the "
                               "cell of the web page's layout table holding it, so every row is wrapped over the "
                               "cell's lines and which value belongs to which row and column cannot be told; its "
                               "%zu cells are missing, open the web page itself"),
                             td->number, td->title, end[t], td->cell_count))
            return false;
        if (any[t])
            ex->report->left_out[t] = first[t] + 1;
    }
    return true;
}

/* The report's tables read with template tpl (regions under its headings hl): cells, warnings. */
static bool read_with(extractor *ex, const cf_template *tpl, const heading_list *hl)
{
    cf_report *r = ex->report;
    r->tpl = tpl;
    size_t ncells = cf_template_cell_count(tpl);
    r->cells = cf_calloc(ncells ? ncells : 1, sizeof *r->cells);
    r->table_lines = cf_calloc(cf_template_table_count(tpl), sizeof *r->table_lines);
    r->left_out = cf_calloc(cf_template_table_count(tpl), sizeof *r->left_out);
    return ((r->cells && r->table_lines && r->left_out) || cf_extract_oom(ex)) && extract_tables(ex, hl);
}

/* Forget what read_with read: the report is as before it. */
static void unread(extractor *ex)
{
    cf_report *r = ex->report;
    for (size_t i = 0; r->cells && i < cf_template_cell_count(r->tpl); i++)
        cf_free(r->cells[i].note);
    cf_free(r->cells);
    cf_free(r->table_lines);
    cf_free(r->left_out);
    r->cells = NULL;
    r->table_lines = NULL;
    r->left_out = NULL;
    cf_extract_drop_warnings(r, 0);
    memset(ex->region_first, 0, sizeof ex->region_first);
    memset(ex->region_end, 0, sizeof ex->region_end);
}

/* The template whose detect phrases the words of the tables read hold most, when no line held one:
 * a narrow grid column wraps a row's name down its cell (pandoc's markdown of a table inside a web
 * page's layout table), where the scan sees no line holding it, but the grid's cell holds it whole
 * (the 2021 format's 三(六)1 申请人无正当理由逾期不补正). *told is count when the tables name no
 * template's phrases more than the one read with. False when out of memory. */
static bool told_by_tables(extractor *ex, cf_template *const *tpls, size_t count, size_t read, size_t *told)
{
    *told = count;
    phrase_set ps;
    size_t *scores = cf_calloc(count, sizeof *scores);
    if (!scores || !phrases_init(&ps, tpls, count)) {
        cf_free(scores);
        return cf_extract_oom(ex);
    }
    bool ok = true;
    for (size_t t = 0; ok && t < cf_template_table_count(ex->report->tpl) && t < 64; t++) {
        token_stream spare;
        const token_stream *ts = cf_extract_region_tokens(ex, ex->region_first[t], ex->region_end[t], &spare);
        ok = ts != NULL || cf_extract_oom(ex);
        if (ok && ts->keys.len > 0)
            detect_phrases(ps.items, ps.count, ps.starts, ts->keys.data, 0, ts->keys.len, ps.seen, scores);
        cf_extract_stream_release(&spare);
    }
    size_t most = read;
    for (size_t k = 0; k < count; k++)
        most = scores[k] > scores[most] ? k : most;
    if (most != read)
        *told = most;
    phrases_release(&ps);
    cf_free(scores);
    return ok;
}

static cf_status run_extraction(extractor *ex, cf_template *const *tpls, size_t count)
{
    size_t *scores = cf_calloc(count, sizeof *scores);
    heading_list *hls = cf_calloc(count, sizeof *hls);
    if (!scores || !hls) {
        cf_free(scores);
        cf_free(hls);
        return cf_error_nomem(ex->err, cf_text_name(ex->text));
    }
    bool ok = scan(ex, tpls, count, scores, hls);
    size_t best = 0;
    for (size_t k = 1; k < count; k++)
        if (scores[k] > scores[best] || (scores[k] == scores[best] && hls[k].count > hls[best].count))
            best = k;
    cf_report *r = ex->report;
    ok = ok && read_with(ex, tpls[best], &hls[best]);
    size_t told = count; /* the template the tables' own words name, when no line names one */
    if (ok && count > 1 && scores[best] == 0)
        ok = told_by_tables(ex, tpls, count, best, &told);
    if (ok && told < count) {
        unread(ex);
        best = told;
        ok = read_with(ex, tpls[best], &hls[best]);
    }
    size_t tables_found = 0;
    if (ok) {
        for (size_t t = 0; t < cf_template_table_count(r->tpl); t++)
            tables_found += r->table_lines[t] != 0 || r->left_out[t] != 0;
        /* none read, and none said to be left out where it was printed: nothing to tell but this */
        if (tables_found == 0 && cf_text_left_out_count(ex->text) == 0)
            ex->status = cf_error_set(ex->err, CF_ERR_NOTABLES, cf_text_name(ex->text), 0, 0,
                                      _("no statistical tables found (looked for %s and the other parts "
                                      "of the national format)"),
                                      cf_template_table(r->tpl, 0)->title);
    }
    if (ok && ex->status == CF_OK && count > 1 && scores[best] == 0 && told == count)
        ok = cf_extract_warn(ex, 0, -1,
                             _("the report names none of the column headings that tell the formats apart; "
                               "read as %s"),
                             cf_template_id(r->tpl));
    ok = ok && (ex->status != CF_OK || (say_left_out(ex, &hls[best]) && say_placeholders_unheaded(ex, &hls[best])));
    for (size_t t = 0; ok && ex->status == CF_OK && t < cf_template_table_count(r->tpl); t++) {
        const cf_table_def *td = cf_template_table(r->tpl, t);
        if (r->table_lines[t] == 0 && r->left_out[t] == 0)
            ok = cf_extract_warn(ex, 0, -1, _("part %s (%s) was not found: its %zu cells are missing"), td->number,
                                 td->title, td->cell_count);
    }
    /* a scanned row read anew first: its numbers' kinds are then checked as read */
    ok = ok && ex->status == CF_OK && cf_scanrows_check_scanned_rows(ex) && check_kinds(ex);
    for (size_t k = 0; k < count; k++)
        cf_free(hls[k].items);
    cf_free(hls);
    cf_free(scores);
    if (!ok && ex->status == CF_OK)
        ex->status = cf_error_nomem(ex->err, cf_text_name(ex->text));
    return ex->status;
}

cf_status cf_extract(const cf_text *text, cf_template *const *templates, size_t count, cf_report **out,
                     cf_error *err)
{
    *out = NULL;
    if (count == 0)
        return cf_error_set(err, CF_ERR_USAGE, cf_text_name(text), 0, 0, _("no template to read the report with"));
    cf_report *r = cf_calloc(1, sizeof *r);
    if (!r)
        return cf_error_nomem(err, cf_text_name(text));
    r->text = text;
    extractor ex = {.text = text, .report = r, .err = err, .status = CF_OK, .norms = cf_norm_text_new(text)};
    if (!ex.norms) {
        cf_free(r);
        return cf_error_nomem(err, cf_text_name(text));
    }
    cf_item_list_init(&ex.items);
    cf_item_list_init(&ex.lexed);
    cf_status st = run_extraction(&ex, templates, count);
    for (size_t i = 0; i < ex.kept_count; i++)
        cf_extract_stream_release(&ex.kept[i].ts);
    cf_norm_text_free(ex.norms);
    cf_item_list_release(&ex.items);
    cf_item_list_release(&ex.lexed);
    if (st != CF_OK) {
        cf_report_free(r);
        return st;
    }
    *out = r;
    return CF_OK;
}

void cf_report_free(cf_report *report)
{
    if (!report)
        return;
    if (report->cells && report->tpl)
        for (size_t i = 0; i < cf_template_cell_count(report->tpl); i++)
            cf_free(report->cells[i].note);
    cf_free(report->cells);
    for (size_t i = 0; i < report->warning_count; i++)
        cf_free(report->warnings[i].message);
    cf_free(report->warnings);
    cf_free(report->table_lines);
    cf_free(report->left_out);
    cf_free(report);
}

const cf_text *cf_report_text(const cf_report *report) { return report->text; }
const cf_template *cf_report_template(const cf_report *report) { return report->tpl; }
const cf_cell *cf_report_cells(const cf_report *report) { return report->cells; }
size_t cf_report_warning_count(const cf_report *report) { return report->warning_count; }
const cf_warning *cf_report_warning(const cf_report *report, size_t i) { return &report->warnings[i]; }
size_t cf_report_table_line(const cf_report *report, size_t table) { return report->table_lines[table]; }
size_t cf_report_table_left_out(const cf_report *report, size_t table) { return report->left_out[table]; }
