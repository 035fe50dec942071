/* SPDX-License-Identifier: GPL-3.0-or-later */
/* extract.c — from a report's text to its table cells, by label.
 *
 * 1. Every line is normalised; the template is chosen by its detect phrases and
 *    each table's region is found between headings.
 * 2. A region becomes a stream of tokens: words (kept as a compact key for
 *    matching), values and empty fields, each remembering its source bytes.
 *    Tabs and pipes separate fields; a pipe cell may run over several lines.
 * 3. Words gathered since the last run of values are matched against the row
 *    labels; the run of values that follows is reconciled with the row's columns. */
#include "extract.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "cellvalue.h"
#include "docmap.h"
#include "grid.h"
#include "i18n.h"
#include "layout.h"
#include "normalize.h"
#include "utf8.h"
#include "i18n.h"

struct cf_report {
    const cf_text *text;
    const cf_template *tpl;
    cf_cell *cells;
    cf_warning *warnings;
    size_t warning_count, warning_cap;
    size_t *table_lines;
    size_t *left_out; /* each table's line (1-based) saying it was left out by the converter, or 0 */
};

typedef struct {
    cf_item_kind kind;
    cf_decimal value;
    char unit[16];
    size_t line;                 /* 0-based */
    size_t byte_start, byte_end; /* in the decoded text */
    size_t note_start, note_end; /* in the decoded text; equal when none */
    size_t key_start, key_end;   /* TEXT: its compact key in the region's key buffer */
    long field;                  /* index of its tab-separated field in the line, or its column in a grid;
                                    -1 when the line has no tabs */
    unsigned grid;               /* which grid of the region it was read from (1, 2 …); 0: none */
    size_t grid_row;             /* its row in that grid */
} token;

typedef struct {
    token *items;
    size_t count, cap;
    cf_buf keys;
    unsigned grids; /* grids read into the stream so far */
} token_stream;

/* Regions whose tokens are kept for the rest of the report, and the bytes of tokens and keys they
 * may hold in all: a larger region is tokenised for each use, as before. */
#define REGIONS_KEPT 16
#define REGION_BYTES_KEPT ((size_t)8 << 20)

/* The tokens of lines [first, end), kept: a table without a heading reads the region of the table
 * before it, and a page break's tail reads the next part's region, the very lines already read. */
typedef struct {
    size_t first, end;
    token_stream ts;
} kept_region;

/* A pipe cell still open at the end of a line: its pieces so far. */
typedef struct {
    bool open;
    bool has_text;
    size_t piece_count;
    struct {
        size_t line, start, end; /* normalised offsets within that line */
    } pieces[8];
} pending_cell;

/* Where the last count of characters stopped on a line (a row's cells are filled left to right,
 * each counted from the line's start): kept only where every character before it was whole, so
 * counting on reads each one as a count from the start would. */
typedef struct {
    bool valid;
    size_t line, byte, col;
} char_cursor;

typedef struct {
    const cf_text *text;
    cf_report *report;
    cf_error *err;
    cf_status status;
    cf_norm_text *norms;      /* every line normalised once, for the scan and each region */
    const cf_norm_line *norm; /* the line last normalised (see cf_norm_text_line for how long it lasts) */
    cf_item_list items;
    /* the lines of the region being tokenised that the paragraph reading lexed whole: line
     * lexed_first + i's items stand at lexed_lines[i] in lexed (lexed_lines NULL: none) */
    cf_item_list lexed;
    cf_lexed_line *lexed_lines;
    size_t lexed_first;
    long colpos[64];  /* the tab field (or grid column) under each column's heading in the current region */
    bool colpos_ok;   /* every column's heading was found, left to right */
    unsigned colgrid; /* the grid the headings were found in (0: tab fields) */
    /* space-aligned text (pdftotext -layout): where each column's values sit, learned from the full
     * rows of the region, in half display columns (start + end of a value) */
    long xmid[64];
    long xtol;      /* how far a value may sit from its column's middle */
    bool xwide;     /* measured with ideographs two columns wide */
    bool xgrid_ok;
    /* field_of's place in the line it last counted tabs in */
    size_t fo_line, fo_byte, fo_start, fo_end;
    long fo_field;
    bool fo_valid, fo_tabbed;
    char_cursor cell_cursor; /* column_of's place for the cells filled */
    size_t region_first[64], region_end[64]; /* the lines each table was read from, once read */
    const token_stream *ts; /* the region being read */
    kept_region kept[REGIONS_KEPT]; /* regions tokenised so far (region_tokens) */
    size_t kept_count, kept_bytes;
} extractor;

/* ---------- small helpers ---------- */

static bool oom(extractor *ex)
{
    if (ex->status == CF_OK)
        ex->status = cf_error_nomem(ex->err, cf_text_name(ex->text));
    return false;
}

static bool warn(extractor *ex, size_t line, long cell, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static bool warn(extractor *ex, size_t line, long cell, const char *fmt, ...)
{
    cf_report *r = ex->report;
    if (!cf_reserve_one(&r->warnings, r->warning_count, &r->warning_cap, sizeof *r->warnings, 8))
        return oom(ex);
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (n >= (int)sizeof msg)
        cf_utf8_mark_cut(msg, sizeof msg);
    char *copy = cf_strdup(msg);
    if (!copy)
        return oom(ex);
    r->warnings[r->warning_count++] = (cf_warning){line, cell, copy};
    return true;
}

static bool normalize(extractor *ex, size_t line)
{
    ex->norm = cf_norm_text_line(ex->norms, line);
    return ex->norm || oom(ex);
}

static bool is_blank(const char *s, size_t len)
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
        return oom(ex);
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
                return oom(ex);
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
        return oom(ex);
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
    if (!is_blank(norm + start, end - start))
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
    if (!pend->open && memchr(s, '\t', len) && is_blank(s, len)) {
        /* one cell a line, each indented by a tab: a lone tab is an empty cell */
        size_t tabs = 0;
        for (size_t i = 0; i < len; i++)
            tabs += s[i] == '\t';
        if (tabs == 1)
            return push_empty(ex, ts, line, (size_t)((const char *)memchr(s, '\t', len) - s) + 1);
    }
    if (is_blank(s, len))
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
                    bool bounded = !is_blank(s, i);
                    if (!bounded && i > 0) {
                        bounded = true;
                        for (size_t k = i + 1; k < len && bounded; k++)
                            bounded = s[k] == ' ' || s[k] == '|';
                    }
                    if (!close_pending(ex, ts, pend, line, bounded))
                        return false;
                    s = ex->norm->text; /* closing may have normalised other lines into the buffer */
                } else if (!is_blank(s + prev, i - prev) && !lex_piece(ex, ts, line, prev, i)) {
                    return false;
                }
                first = false;
            } else if (is_blank(s + prev, i - prev)) {
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
        if (is_blank(s + 1, len - 1))
            return push_empty(ex, ts, line, 1);
        return lex_field(ex, ts, line, 1, len, items, count, &next);
    }
    size_t prev = 0;
    for (size_t i = 0; i <= len; i++) {
        if (i < len && s[i] != '\t')
            continue;
        if (is_blank(s + prev, i - prev)) {
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
            ok = cf_normalize_line(cell.text, cell.len, &norm) || oom(ex);
            if (!ok)
                break;
            size_t from = ts->count;
            if (norm.dropped || is_blank(norm.text, norm.len)) {
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
        return oom(ex);
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
                ok = oom(ex);
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
            ok = !nomem || oom(ex);
        }
        ok = ok && ex->status == CF_OK && tokenize_line(ex, ts, &pend, line);
    }
    cf_free(blanks);
    cf_free(ex->lexed_lines);
    ex->lexed_lines = NULL;
    return ok && close_pending(ex, ts, &pend, end ? end - 1 : 0, false);
}

static void stream_release(token_stream *ts)
{
    cf_free(ts->items);
    cf_buf_release(&ts->keys);
}

/* The tokens of lines [first, end): those kept from an earlier read of the same lines, else
 * tokenised into *spare (always initialised here) and kept when there is room. The result is owned
 * by ex or is spare, which the caller releases (stream_release); NULL when tokenising failed. */
static const token_stream *region_tokens(extractor *ex, size_t first, size_t end, token_stream *spare)
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

static bool line_is_spaced(const cf_text *text, size_t line)
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
            if (nvals == w && !values_then_text && line_is_spaced(ex->text, line)) {
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
        if ((have_line && run[i].line != line) || !line_is_spaced(ex->text, run[i].line))
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
        if (values == want && !text_after && ts->items[lo].grid == 0 && line_is_spaced(ex->text, line)) {
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
        if ((have_line && run[i].line != line) || !line_is_spaced(ex->text, run[i].line) || run[i].grid)
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
static size_t column_of(const cf_text *text, char_cursor *cur, size_t line, size_t byte)
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

static bool fill_cell(extractor *ex, size_t cell_index, const token *t, bool inferred, size_t label_line)
{
    cf_cell *cell = &ex->report->cells[cell_index];
    cell->label_line = label_line;
    cell->inferred = inferred;
    if (!t) {
        cell->state = CF_CELL_MISSING;
        return true;
    }
    cell->line = t->line + 1;
    cell->column = column_of(ex->text, &ex->cell_cursor, t->line, t->byte_start);
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
            return oom(ex);
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

static size_t count_filled(const token *run, size_t n)
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

static bool row_cells_hold(const cf_template *tpl, const cf_row_def *r, const cf_cell *row_cells, bool *checked);

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
        if (numbers && row_cells_hold(ex->report->tpl, r, cells, &checked) && checked && found++ == 0)
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

static bool assign_row(extractor *ex, size_t table, size_t row, const token *run, size_t n, size_t label_line)
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
    /* fewer values than columns, and a cell holding two of them: where the blanks are is a guess */
    if (!inferred && !extra && count_filled(run, n) < want && values_share_a_cell(ex, run, n))
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
        if (!fill_cell(ex, r->first_cell + c, slots[c] >= 0 ? &run[slots[c]] : NULL, inferred, label_line))
            return false;
        filled += slots[c] >= 0 && run[slots[c]].kind != CF_ITEM_EMPTY;
    }
    if (inferred && filled < want && !by_position &&
        !warn(ex, run[0].line + 1, (long)r->first_cell,
              P_("%s %s: %zu value for %zu columns; which columns are blank is a guess%s, check the row",
                 "%s %s: %zu values for %zu columns; which columns are blank is a guess%s, check the row", filled),
              t->number, r->short_label, filled, want,
              by_heading ? _(" (taken from the column headings)") : ""))
        return false;
    if (dropped < n)
        return warn(ex, run[dropped].line + 1, (long)r->first_cell,
                    _("%s %s: one value more than the %zu columns; the lone '%.*s' printed among them was taken "
                      "for a column rule read as a digit, the one value without which the row's sum holds, check "
                      "the row"),
                    t->number, r->short_label, want, (int)(run[dropped].byte_end - run[dropped].byte_start),
                    cf_text_data(ex->text) + run[dropped].byte_start);
    if (extra)
        return warn(ex, run[0].line + 1, (long)r->first_cell,
                    P_("%s %s: %zu more value than the %zu columns; the extra one is ignored",
                       "%s %s: %zu more values than the %zu columns; the extra ones are ignored", extra),
                    t->number, r->short_label, extra, want);
    return true;
}

/* ---------- matching labels ---------- */

typedef struct {
    size_t row;
    size_t start, end; /* key offsets of the match */
    size_t key_len;
} label_match;

/* The source line holding key offset `at` of the region. */
static size_t line_of_key(const token_stream *ts, size_t from, size_t to, size_t at)
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
            size_t kl = strlen(key);
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
            size_t kl = strlen(key);
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
            if (!decode_chars(rd->keys[k], strlen(rd->keys[k]), name, MISPRINT_MAX_CHARS, &nn))
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
static size_t value_run(const token_stream *ts, size_t *at)
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
    for (size_t i = 0, j; (j = value_run(ts, &i)) > i; i = j) {
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
                if (!fill_cell(ex, t->first_cell + c, slots[c] >= 0 ? &run[slots[c]] : NULL, inferred,
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
static void forget_row(cf_report *rep, const cf_row_def *r)
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
    size_t filled = count_filled(run, n);
    if (filled > r->column_count)
        filled = r->column_count;
    *used = !taken[row] || filled > got[row];
    if (!*used)
        return true;
    if (taken[row])
        forget_row(ex->report, r);
    taken[row] = true;
    got[row] = filled;
    return assign_row(ex, table, row, run, n, label_line);
}

/* Mark row r's cells inferred and warn on it with message (a format taking the table's number,
 * r's name, and the names of the first and last rows its values could belong to; a message about
 * one row names only the first: printf ignores the arguments a format does not use). */
static bool flag_row_guess(extractor *ex, const cf_table_def *t, const cf_row_def *r, const cf_row_def *first,
                           const cf_row_def *last, const char *message)
{
    for (size_t c = 0; c < r->column_count; c++)
        ex->report->cells[r->first_cell + c].inferred = true;
    const cf_cell *cell = &ex->report->cells[r->first_cell];
    return warn(ex, cell->line ? cell->line : cell->label_line, (long)r->first_cell, message, t->number,
                r->short_label, first->short_label, last->short_label);
}

/* False when a rule wholly within row r (总计 = the sum of the others) fails on row_cells, the row's
 * cells column by column; *checked: such a rule had a number in every term. */
static bool row_cells_hold(const cf_template *tpl, const cf_row_def *r, const cf_cell *row_cells, bool *checked)
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

static void drop_warnings(cf_report *r, size_t keep)
{
    while (r->warning_count > keep)
        cf_free(r->warnings[--r->warning_count].message);
}

/* ---------- a flat table printed in drawing order ---------- */

#define DRAWN_MAX_VALUES 256 /* values of one flat table (and a few strays) read in drawing order */
#define DRAWN_MAX_STRAYS 8   /* values more than the table's cells that may stand among them */
#define FLAT_MORE_LINES 200  /* lines after the next part's heading that may still hold a flat table */

typedef enum {
    ORDER_AS_PRINTED, /* the row's own total holds on its values as printed */
    ORDER_WITNESSED,  /* it holds once one value is moved, and under no other such move */
    ORDER_UNWITNESSED /* no move makes it hold, several do, or it cannot be checked: kept as printed */
} row_order;

/* Does row r's own total hold when its cell c holds vals[order[c]]? *checked: it could be checked. */
static bool row_holds_in(const cf_template *tpl, const cf_row_def *r, const token *const *vals, const size_t *order,
                         bool *checked)
{
    cf_cell cells[CF_TEMPLATE_MAX_COLUMNS];
    for (size_t c = 0; c < r->column_count; c++) {
        const token *t = vals[order[c]];
        cells[c] = (cf_cell){.state = t->kind == CF_ITEM_NUMBER ? CF_CELL_NUMBER : CF_CELL_NA, .value = t->value};
    }
    return row_cells_hold(tpl, r, cells, checked);
}

/* Does value i of vals[0..m) stand on a line of its own among them? Values printed side by side on
 * one line are in column order there (left to right): the layout says where they go. */
static bool alone_on_line(const token *const *vals, size_t m, size_t i)
{
    return (i == 0 || vals[i - 1]->line != vals[i]->line) && (i + 1 >= m || vals[i + 1]->line != vals[i]->line);
}

/* Which of row r's printed values vals[0..m) goes to each of its cells (order[c]). PDF text in
 * drawing order can print a cell before the others of its row (the total, drawn with its heading):
 * as printed when the row's own total holds so; else the one move of a single value under which it
 * holds (moves that give the same numbers count as one); else as printed, unwitnessed. Only a value
 * printed on a line of its own may move: where the layout leaves its place open. A value beside
 * others on its line stays, so a broken row printed on one line is never "repaired" by a move that
 * happens to make its total hold. */
static row_order witness_order(const cf_template *tpl, const cf_row_def *r, const token *const *vals, size_t *order)
{
    size_t m = r->column_count, trial[CF_TEMPLATE_MAX_COLUMNS];
    for (size_t c = 0; c < m; c++)
        order[c] = c;
    bool checked, found = false;
    if (row_holds_in(tpl, r, vals, order, &checked))
        return checked ? ORDER_AS_PRINTED : ORDER_UNWITNESSED;
    size_t best[CF_TEMPLATE_MAX_COLUMNS];
    for (size_t from = 0; from < m; from++)
        for (size_t to = 0; to < m && alone_on_line(vals, m, from); to++) {
            if (from == to)
                continue;
            /* the printed order with value `from` taken out and put at cell `to` */
            for (size_t c = 0, k = 0; c < m; c++) {
                if (c == to) {
                    trial[c] = from;
                    continue;
                }
                if (k == from)
                    k++;
                trial[c] = k++;
            }
            if (!row_holds_in(tpl, r, vals, trial, &checked) || !checked)
                continue;
            if (found) {
                for (size_t c = 0; c < m; c++)
                    if (cf_decimal_cmp(vals[best[c]]->value, vals[trial[c]]->value) != 0)
                        return ORDER_UNWITNESSED; /* two orders, two readings: the text cannot tell */
                continue;
            }
            memcpy(best, trial, m * sizeof *best);
            found = true;
        }
    if (found)
        memcpy(order, best, m * sizeof *order);
    return found ? ORDER_WITNESSED : ORDER_UNWITNESSED;
}

/* Does token i of ts share its line with words? */
static bool beside_words(const token_stream *ts, size_t i)
{
    for (size_t k = i; k-- > 0 && ts->items[k].line == ts->items[i].line;)
        if (ts->items[k].kind == CF_ITEM_TEXT)
            return true;
    for (size_t k = i + 1; k < ts->count && ts->items[k].line == ts->items[i].line; k++)
        if (ts->items[k].kind == CF_ITEM_TEXT)
            return true;
    return false;
}

/* Values of ts (no words, no blank fields) appended to vals[*n..DRAWN_MAX_VALUES), blank fields counted
 * in *blanks; false when more, or when a value shares its line with words (a label beside its values:
 * the labels read that) — unless ts is the text after the table's end (prose), where such a value is
 * the prose's and is passed over. */
static bool gather_values(const token_stream *ts, bool prose, const token **vals, size_t *n, size_t *blanks)
{
    size_t pending = 0; /* blank fields since the last value: past the table's last, in prose, none count */
    for (size_t i = 0; i < ts->count; i++) {
        pending += ts->items[i].kind == CF_ITEM_EMPTY;
        if (ts->items[i].kind == CF_ITEM_TEXT || ts->items[i].kind == CF_ITEM_EMPTY)
            continue;
        if (beside_words(ts, i) && !prose)
            return false;
        if (beside_words(ts, i))
            continue;
        if (*n == DRAWN_MAX_VALUES)
            return false;
        vals[(*n)++] = &ts->items[i];
        *blanks += pending;
        pending = 0;
    }
    *blanks += prose ? 0 : pending;
    return true;
}

/* Where each row's values stand among the values read: from start, count of them (fewer than its
 * cells when its other cells printed nothing). */
typedef struct {
    size_t start[64], count[64];
} row_spans;

/* The column of row r's total (the one left-hand term of a rule wholly within the row), or -1. */
static long row_total_column(const cf_template *tpl, const cf_row_def *r)
{
    for (size_t k = 0; k < cf_template_rule_count(tpl); k++) {
        const cf_rule_def *rule = cf_template_rule(tpl, k);
        bool inside = rule->left_count == 1;
        for (size_t i = 0; i < rule->left_count + rule->right_count && inside; i++) {
            size_t cell = i < rule->left_count ? rule->left[i] : rule->right[i - rule->left_count];
            inside = cell >= r->first_cell && cell < r->first_cell + r->column_count;
        }
        if (inside)
            return (long)(rule->left[0] - r->first_cell);
    }
    return -1;
}

/* Row r printed with k values for more cells, the others blank and printed as nothing: which cells
 * are blank the text does not say. The guess: the total's cell takes the one value at least the sum
 * of the others (a count's total bounds its parts), when there is one; the other values go to the
 * other cells in the order printed; the cells left over are blank (order[c] == SIZE_MAX). */
static void guess_partial(const cf_template *tpl, const cf_row_def *r, const token *const *vals, size_t k,
                          size_t *order)
{
    long total = row_total_column(tpl, r);
    long bound = -1; /* the value that bounds the others */
    bool numbers = true;
    for (size_t i = 0; i < k; i++)
        numbers &= vals[i]->kind == CF_ITEM_NUMBER;
    for (size_t i = 0; total >= 0 && numbers && i < k; i++) {
        cf_decimal others = cf_decimal_from_int(0);
        bool fits = true;
        for (size_t j = 0; j < k && fits; j++)
            fits = j == i || cf_decimal_add(others, vals[j]->value, &others);
        if (fits && cf_decimal_cmp(vals[i]->value, others) >= 0) {
            bound = bound < 0 ? (long)i : -2; /* -2: more than one, no telling */
            if (bound == -2)
                break;
        }
    }
    for (size_t c = 0; c < r->column_count; c++)
        order[c] = SIZE_MAX;
    size_t next = 0;
    if (bound >= 0)
        order[total] = (size_t)bound;
    for (size_t c = 0; c < r->column_count && next < k; c++) {
        if (bound >= 0 && (long)c == total)
            continue;
        if (bound >= 0 && next == (size_t)bound)
            next++;
        if (next < k)
            order[c] = next++;
    }
}

/* The orders of every row of t with its values where spans says (a row short of values: a guess of
 * where its blanks are); true when every full row's total holds. */
static bool window_orders(const cf_template *tpl, const cf_table_def *t, const token *const *vals,
                          const row_spans *spans, size_t (*orders)[CF_TEMPLATE_MAX_COLUMNS], row_order *how)
{
    bool all = true;
    for (size_t r = 0; r < t->row_count; r++) {
        const token *const *mine = vals + spans->start[r];
        if (spans->count[r] < t->rows[r].column_count) {
            guess_partial(tpl, &t->rows[r], mine, spans->count[r], orders[r]);
            how[r] = ORDER_UNWITNESSED;
            continue;
        }
        how[r] = witness_order(tpl, &t->rows[r], mine, orders[r]);
        all &= how[r] != ORDER_UNWITNESSED;
    }
    return all;
}

/* The spans of t's rows, in order, from vals[at], with row `short_row` (none: t->row_count) short of
 * `missing` values. */
static void lay_rows(const cf_table_def *t, size_t at, size_t short_row, size_t missing, row_spans *spans)
{
    for (size_t r = 0; r < t->row_count; r++) {
        spans->start[r] = at;
        spans->count[r] = t->rows[r].column_count - (r == short_row ? missing : 0);
        at += spans->count[r];
    }
}

/* The first (or last) of a flat table's rows, printed side by side, printed nothing: the values
 * vals[0..n) stand on one space-aligned line (pdftotext -layout), and a column heading above them
 * ends before the first value starts (starts after the last ends): the headings of a row with no
 * value under them. A row between two others could be any: never decided here. */
static bool edge_row_blank(const cf_text *text, const token_stream *ts, const token *const *vals, size_t n,
                           size_t row, size_t rows)
{
    if (n == 0 || (row != 0 && row + 1 != rows) || !line_is_spaced(text, vals[0]->line))
        return false;
    for (size_t i = 1; i < n; i++)
        if (vals[i]->line != vals[0]->line)
            return false;
    size_t from = column_of(text, NULL, vals[0]->line, vals[0]->byte_start);
    size_t to = column_of(text, NULL, vals[0]->line, vals[n - 1]->byte_end);
    for (size_t i = 0; i < ts->count; i++) {
        const token *tk = &ts->items[i];
        if (tk->kind != CF_ITEM_TEXT || tk->line >= vals[0]->line || !line_is_spaced(text, tk->line))
            continue;
        if (row == 0 ? column_of(text, NULL, tk->line, tk->byte_end) <= from
                     : column_of(text, NULL, tk->line, tk->byte_start) >= to)
            return true;
    }
    return false;
}

/* A flat table printed one cell a line in drawing order (raw PDF text): its values stand apart, among
 * its column headings' words, and PDF text may print the next part's heading (五、) among them, so the
 * lines [more_first, more_end) after that heading are read too when the region is short. Rows are the
 * unit: the values in the order printed make the rows, a row's worth each, and each row's own total is
 * the witness of its values' order (witness_order). With a few values more than cells (a value of the
 * table before, drawn after this heading), the one window under which every row holds is read; with a
 * few fewer (blank cells print nothing), the one row short of them under which every other row holds,
 * its blanks guessed (guess_partial). Cells placed by a witness, beside strays or guessed are inferred,
 * with a warning; what cannot be placed is left to the labels. */
static bool extract_flat_drawn(extractor *ex, size_t table, const token_stream *ts, size_t more_first,
                               size_t more_end, bool *done)
{
    const cf_template *tpl = ex->report->tpl;
    const cf_table_def *t = cf_template_table(tpl, table);
    *done = false;
    size_t want = t->cell_count;
    if (want == 0 || want > DRAWN_MAX_VALUES || t->row_count > 64)
        return true;
    for (size_t r = 0; r < t->row_count; r++) /* every row needs a total of its own to witness */
        if (t->rows[r].column_count > CF_TEMPLATE_MAX_COLUMNS || row_total_column(tpl, &t->rows[r]) < 0)
            return true;
    const token **vals = cf_malloc(DRAWN_MAX_VALUES * sizeof *vals);
    size_t (*orders)[CF_TEMPLATE_MAX_COLUMNS] = cf_malloc(2 * 64 * sizeof *orders); /* chosen, trial */
    row_spans *spans = cf_malloc(2 * sizeof *spans);                                 /* chosen, trial */
    token_stream spare = {0};
    bool ok = vals && orders && spans ? true : oom(ex);
    size_t n = 0, blanks = 0;
    bool fits = ok && gather_values(ts, false, vals, &n, &blanks);
    if (fits && n < want && more_end > more_first) {
        const token_stream *more = region_tokens(ex, more_first, more_end, &spare);
        ok = more != NULL;
        fits = ok && gather_values(more, true, vals, &n, &blanks);
    }
    /* blank cells the text shows (a blank idiom) have a place: the other readers place them */
    fits &= n >= want || blanks == 0;
    row_order how[64], chosen_how[64];
    size_t (*scratch)[CF_TEMPLATE_MAX_COLUMNS] = orders ? orders + 64 : NULL;
    bool chosen = false, clear = fits && n > 0 && n + DRAWN_MAX_STRAYS >= want && n <= want + DRAWN_MAX_STRAYS;
    size_t missing = n < want ? want - n : 0;
    /* the candidates: each window of want values (n >= want), or each row short of the missing ones */
    size_t candidates = n >= want ? n - want + 1 : t->row_count;
    for (size_t i = 0; clear && i < candidates; i++) {
        if (missing && t->rows[i].column_count <= missing &&
            (t->rows[i].column_count < missing || !edge_row_blank(ex->text, ts, vals, n, i, t->row_count)))
            continue; /* a row that printed nothing at all: any row could be it, unless its place shows */
        lay_rows(t, missing ? 0 : i, missing ? i : t->row_count, missing, &spans[1]);
        if (!window_orders(tpl, t, vals, &spans[1], scratch, how) && n != want)
            continue; /* beside strays or blanks only rows that all hold are read */
        if (!chosen) {
            chosen = true;
            spans[0] = spans[1];
            memcpy(orders, scratch, 64 * sizeof *orders);
            memcpy(chosen_how, how, sizeof how);
            continue;
        }
        /* a second reading that holds: the same numbers (zeros all round), or the text cannot tell */
        for (size_t r = 0; clear && r < t->row_count; r++)
            for (size_t c = 0; c < t->rows[r].column_count; c++) {
                size_t a = orders[r][c], b = scratch[r][c];
                clear &= (a == SIZE_MAX) == (b == SIZE_MAX) &&
                         (a == SIZE_MAX || cf_decimal_cmp(vals[spans[0].start[r] + a]->value,
                                                          vals[spans[1].start[r] + b]->value) == 0);
            }
    }
    if (ok && clear && chosen) {
        bool strays = n > want;
        for (size_t r = 0; ok && r < t->row_count; r++) {
            const cf_row_def *rd = &t->rows[r];
            const token *const *mine = vals + spans[0].start[r];
            size_t first_line = spans[0].count[r] ? mine[0]->line + 1 : 0;
            bool inferred = strays || chosen_how[r] != ORDER_AS_PRINTED;
            for (size_t c = 0; ok && c < rd->column_count; c++) {
                const token *tk = orders[r][c] == SIZE_MAX ? NULL : mine[orders[r][c]];
                ok = fill_cell(ex, rd->first_cell + c, tk, inferred, tk ? tk->line + 1 : first_line);
            }
            if (ok && spans[0].count[r] == 0)
                ok = warn(ex, vals[0]->line + 1, (long)rd->first_cell,
                          _("%s %s: printed nothing: the values of line %zu stand under the other rows' headings "
                            "and none under its own, so its cells are blank, check the row"),
                          t->number, rd->short_label, vals[0]->line + 1);
            else if (ok && spans[0].count[r] < rd->column_count)
                ok = warn(ex, first_line, (long)rd->first_cell,
                          P_("%s %s: %zu value for %zu columns; which columns are blank is a guess%s, check the row",
                             "%s %s: %zu values for %zu columns; which columns are blank is a guess%s, check the row",
                             spans[0].count[r]),
                          t->number, rd->short_label, spans[0].count[r], rd->column_count, "");
            else if (ok && chosen_how[r] == ORDER_WITNESSED)
                ok = warn(ex, first_line, (long)rd->first_cell,
                          _("%s %s: its values were printed in drawing order, not column by column; they were "
                            "placed in the one order under which the row's total holds, check the row"),
                          t->number, rd->short_label);
            else if (ok && chosen_how[r] == ORDER_UNWITNESSED)
                ok = warn(ex, first_line, (long)rd->first_cell,
                          _("%s %s: its values were printed in drawing order, and no order of them the layout "
                            "leaves open makes the row's total hold; they are kept in the order printed, check the "
                            "row"),
                          t->number, rd->short_label);
        }
        size_t stray_line = strays ? vals[spans[0].start[0] ? 0 : want]->line + 1 : 0;
        if (ok && strays)
            ok = warn(ex, stray_line, -1,
                      P_("%s: %zu value more than the table's %zu cells stands among its values (the first on line "
                         "%zu); it was left out, as the rows' totals hold without it, check the table",
                         "%s: %zu values more than the table's %zu cells stand among its values (the first on "
                         "line %zu); they were left out, as the rows' totals hold without them, check the table",
                         n - want),
                      t->number, n - want, want, stray_line);
        *done = ok;
    }
    cf_free(vals);
    cf_free(orders);
    cf_free(spans);
    stream_release(&spare);
    return ok;
}

/* ---------- a group of rows printed as one ---------- */

/* How many rows from t->rows[r] on sit under its group heading, each `width` cells wide, when it
 * is the first of its group; 0 otherwise (no group, a member of another width). */
static size_t group_members(const cf_table_def *t, size_t r, size_t width)
{
    const char *key = t->rows[r].group_key;
    if (!key || (r > 0 && t->rows[r - 1].group_key && strcmp(t->rows[r - 1].group_key, key) == 0))
        return 0;
    size_t members = 0;
    for (; r + members < t->row_count && t->rows[r + members].group_key &&
           strcmp(t->rows[r + members].group_key, key) == 0; members++)
        if (t->rows[r + members].column_count != width)
            return 0;
    return members;
}

/* Are vals[0..n) all the number 0? */
static bool all_zeros(const token *const *vals, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (vals[i]->kind != CF_ITEM_NUMBER || cf_decimal_cmp(vals[i]->value, cf_decimal_from_int(0)) != 0)
            return false;
    return true;
}

/* Was row r read as one of a group printed as one row (read_as_group): its group's rows hold the
 * same printed values? */
static bool read_as_one(const cf_table_def *t, const cf_cell *cells, size_t r)
{
    size_t r0 = r;
    while (r0 > 0 && t->rows[r].group_key && t->rows[r0 - 1].group_key &&
           strcmp(t->rows[r0 - 1].group_key, t->rows[r].group_key) == 0)
        r0--;
    size_t members = group_members(t, r0, t->rows[r0].column_count);
    for (size_t m = 0; m < members; m++)
        for (size_t c = 0; c < t->rows[r0].column_count; c++) {
            const cf_cell *a = &cells[t->rows[r0].first_cell + c], *b = &cells[t->rows[r0 + m].first_cell + c];
            if (a->state != CF_CELL_NUMBER || !b->inferred || b->byte_start != a->byte_start)
                return false;
        }
    return members > 1;
}

/* The values vals[0..n) as printed, one space apart, into printed[0..256) (cut when longer). */
static void print_values(const extractor *ex, const token *const *vals, size_t n, char printed[256])
{
    size_t at = 0;
    const char *data = cf_text_data(ex->text);
    printed[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        int w = snprintf(printed + at, 256 - at, "%s%.*s", i ? " " : "",
                         (int)(vals[i]->byte_end - vals[i]->byte_start), data + vals[i]->byte_start);
        at = w < 0 || (size_t)w >= 256 - at ? 255 : at + (size_t)w;
    }
}

/* The `members` rows of t from `first` on (one group), printed as one row with the values vals[0..n):
 * all zeros, the group's count is zero, so each of its rows is 0; otherwise they stay missing. Every
 * cell inferred (the report never printed those rows), and a warning says so with the printed values. */
static bool read_as_group(extractor *ex, const cf_table_def *t, const cf_row_def *first, size_t members,
                          const token *const *vals, size_t n, size_t label_line)
{
    bool zeros = all_zeros(vals, n);
    char printed[256];
    print_values(ex, vals, n, printed);
    for (size_t m = 0; m < members; m++)
        for (size_t c = 0; c < n; c++)
            if (!fill_cell(ex, first[m].first_cell + c, zeros ? vals[c] : NULL, true, label_line))
                return false;
    if (zeros)
        return warn(ex, vals[0]->line + 1, (long)first->first_cell,
                    _("%s %s is printed as one row, as in the 2019 format, and holds only zeros (%s): its %zu "
                      "rows are read as 0"),
                    t->number, first->group, printed, members);
    return warn(ex, vals[0]->line + 1, (long)first->first_cell,
                _("%s %s is printed as one row, as in the 2019 format, with the values %s: which of its %zu "
                  "rows they belong to cannot be told, so they are left missing"),
                t->number, first->group, printed, members);
}

/* ---------- a labelled table printed in drawing order ---------- */

#define ROWS_SEARCH_BUDGET 200000 /* steps of the search for the rows' split (about 80 ms); past it the text cannot tell */
#define ROWS_MAX 64
#define ROWS_MEMO 4096 /* dead states remembered (a power of 2) */

#define ROWS_APART_MAX 2 /* cells of one row printed apart */
/* blank cells that print nothing: at most this many in a table, and ROWS_ROW_BLANKS parts in one row
 * (the placements of a split's blanks tried are bounded by ROWS_SEARCH_BUDGET too) */
#define ROWS_BLANKS_MAX 8
#define ROWS_ROW_BLANKS 3
#define ROWS_END_CELLS 6 /* cells left for the end whose order is tried every way */
#define RULE_NOT_HERE 255 /* rule_columns: a rule not all of whose terms are the table's cells */
#define ROWS_WIDTHS 4 /* row widths whose places to hold the search keeps (rows_fit); past them, no bound */

/* Where each row's values stand among the table's values in printed order: its cells from start[r],
 * in column order, except the cells in later[r] (a bit a column), printed later in the table, the
 * k-th of them at apart[r][k] (PDF text draws a cell beside a tall label after the rows that label
 * spans), and skip[r] values of another row between its first cell and its others (two rows whose
 * first cells are drawn beside their names, before the first row's other cells). */
typedef struct {
    size_t start[ROWS_MAX], skip[ROWS_MAX], apart[ROWS_MAX][ROWS_APART_MAX];
    size_t last_at[ROWS_MAX]; /* the last place the value a row waits for stands (n: any) */
    uint32_t later[ROWS_MAX];
    /* blank[r]: row r's cells that printed nothing (a bit a column); short[r]: how many of its parts
     * are blank, their columns chosen by the column sums once the split is whole (place_blanks) */
    uint32_t blank[ROWS_MAX];
    size_t short_by[ROWS_MAX];
    bool holds[ROWS_MAX];
    /* one row read in another column order (balance_order): that row + 1, 0 when none; its cell c
     * is the value printed as its cell order[c] */
    size_t reordered;
    unsigned char order[CF_TEMPLATE_MAX_COLUMNS];
} row_split;

/* What a row printed whole from one place gives the search (printed_row); m = 0: not worked out. */
typedef struct {
    size_t m, awaited[2];
    bool holds;
} row_at;

/* What the table's values give a row wherever it starts, worked out once for the search's rounds. */
typedef struct {
    row_at at_place[DRAWN_MAX_VALUES]; /* printed_row's, by the place a row starts */
    /* where rows could hold without a blank (rows_fit): each row's width as an index into fit
     * (ROWS_WIDTHS: not kept), and for each width, how many places before each place a row of it
     * could start and hold whole or with a cell printed later (fit[w][0]), or start a pair of rows
     * with interleaved first cells whose second holds (fit[w][1]) */
    unsigned char width[ROWS_MAX];
    uint16_t fit[ROWS_WIDTHS][2][DRAWN_MAX_VALUES + 2];
} row_fits;

/* States (a row, the rows waiting and how many hold so far) from which no split was found: the same
 * state met again by another way leads nowhere either. One table an extraction, emptied each round
 * by count = 0 and its keys cleared only when a round adds one: most tables never do. */
typedef struct {
    size_t count; /* 0: key holds nothing of this round's (not cleared yet) */
    uint64_t key[ROWS_MEMO];
} dead_states;

/* A number among the table's values and the last place it stands (value_places). */
typedef struct {
    cf_decimal value;
    size_t last;
} value_place;

typedef struct {
    const cf_template *tpl;
    const cf_table_def *t;
    /* a group printed as one row: t's row group_row stands for the group_members rows from members on */
    const cf_row_def *members;
    size_t group_row, group_members;
    const token *const *vals;
    size_t n;
    const bool *named; /* each value stands on a line with words (its row's name) */
    const value_place *places; /* vals' numbers, each once, in increasing order */
    size_t nplaces;
    const cf_cell *cells; /* the labels' reading: a row they read directly is never reordered */
    const cf_rule_def *const *balance; /* each cell's balance rule (balance_rules) */
    size_t table; /* t's index in the template */
    const token *blank; /* the value of a blank cell */
    size_t blanks, blanks_left; /* blank cells in the table (values fewer than cells); not yet placed */
    size_t bound; /* the rules the best split breaks, when a split as many rows hold is placing blanks */
    /* each rule of the template: the last column (in its row) of its terms when all are t's cells,
     * else RULE_NOT_HERE (rule_columns) */
    const unsigned char *rule_column;
    row_split cur, best;
    size_t queue[ROWS_MAX]; /* rows with cells still to come, in printed order */
    size_t min_holds; /* splits with fewer rows holding are not looked at */
    size_t best_holds, best_sums, best_apart, steps, splits;
    bool found, tie, over;
    /* cells (from the table's first) whose values differ among the best splits: the text cannot tell */
    bool differs[DRAWN_MAX_VALUES];
    bool open[DRAWN_MAX_VALUES]; /* cells whose values differ among cur's best placements of its blanks */
    dead_states *dead;
    row_fits *fits;
} row_search;

/* The bits set in x: __builtin_popcount is a call into libgcc (a byte at a time) where the CPU's
 * instruction is not assumed (x86-64 without -mpopcnt), and the search counts bits at every step */
static size_t bit_count(uint32_t x)
{
    x -= x >> 1 & 0x55555555u;
    x = (x & 0x33333333u) + (x >> 2 & 0x33333333u);
    return (size_t)(((x + (x >> 4)) & 0x0f0f0f0fu) * 0x01010101u >> 24);
}

static size_t bits_below(uint32_t mask, size_t c) { return bit_count(mask & ((1u << c) - 1u)); }

/* The value of row r's cell c under split s. */
static const token *split_value(const row_search *rs, const row_split *s, size_t r, size_t c)
{
    uint32_t later = s->later[r];
    c = s->reordered == r + 1 ? s->order[c] : c;
    if (s->blank[r] >> c & 1u)
        return rs->blank;
    return rs->vals[later >> c & 1u ? s->apart[r][bits_below(later, c)]
                                    : s->start[r] + c - bits_below(later | s->blank[r], c) + (c ? s->skip[r] : 0)];
}

/* Row r's cells under split s, cell[c] for each of its columns: split_value's, a row at once (the
 * search checks rows at every step). */
static void split_row(const row_search *rs, const row_split *s, size_t r, const token **cell)
{
    size_t m = rs->t->rows[r].column_count, printed = 0, apart = 0;
    const token *in_order[CF_TEMPLATE_MAX_COLUMNS];
    bool reordered = s->reordered == r + 1;
    for (size_t c = 0; c < m; c++) {
        const token **to = reordered ? &in_order[c] : &cell[c];
        if (s->blank[r] >> c & 1u)
            *to = rs->blank;
        else if (s->later[r] >> c & 1u)
            *to = rs->vals[s->apart[r][apart++]];
        else
            *to = rs->vals[s->start[r] + printed++ + (c ? s->skip[r] : 0)];
    }
    for (size_t c = 0; c < m && reordered; c++)
        cell[c] = in_order[s->order[c]];
}

/* Does row r's own total (its last cell, the sum of the others: extract_rows_drawn checks the
 * template says so) hold under split s? A row with a cell not a number cannot be checked: it holds.
 * A blank part counts 0 or more: the total must be no less than the printed parts. */
static bool split_row_holds(const row_search *rs, const row_split *s, size_t r)
{
    size_t m = rs->t->rows[r].column_count;
    cf_decimal parts = cf_decimal_from_int(0);
    const token *cell[CF_TEMPLATE_MAX_COLUMNS];
    split_row(rs, s, r, cell);
    for (size_t c = 0; c + 1 < m; c++) {
        const token *tk = cell[c];
        if (tk != rs->blank && (tk->kind != CF_ITEM_NUMBER || !cf_decimal_add(parts, tk->value, &parts)))
            return true;
    }
    const token *total = cell[m - 1];
    int cmp = total->kind == CF_ITEM_NUMBER ? cf_decimal_cmp(parts, total->value) : 0;
    return s->blank[r] & ((1u << (m - 1)) - 1u) ? cmp <= 0 : cmp == 0;
}

/* Is row r's only rule of its own "its last cell is the sum of the others"? */
static bool total_is_last_sum(const cf_template *tpl, const cf_row_def *r)
{
    size_t m = r->column_count;
    for (size_t k = 0; k < cf_template_rule_count(tpl); k++) {
        const cf_rule_def *rule = cf_template_rule(tpl, k);
        if (rule->left_count != 1 || rule->left[0] != r->first_cell + m - 1 || rule->right_count != m - 1)
            continue;
        bool all = true;
        for (size_t i = 0; i < rule->right_count && all; i++)
            all = rule->right[i] >= r->first_cell && rule->right[i] < r->first_cell + m - 1;
        if (all)
            return true;
    }
    return false;
}

/* The value of each of the table's cells under split s, by_cell[cell - the table's first]; a group
 * printed as one row holds the sums of its rows: as its first row with the others *zero, every sum
 * over all of them (三(七)'s column) takes it whole. */
static void split_cells(const row_search *rs, const row_split *s, const token **by_cell, const token *zero)
{
    const cf_table_def *t = rs->t;
    for (size_t r = 0; r < t->row_count; r++)
        for (size_t c = 0; c < t->rows[r].column_count; c++)
            by_cell[t->rows[r].first_cell - t->first_cell + c] = split_value(rs, s, r, c);
    for (size_t m = 1; m < rs->group_members; m++)
        for (size_t c = 0; c < rs->members[m].column_count; c++)
            by_cell[rs->members[m].first_cell - t->first_cell + c] = zero;
}

/* The sums of rule's two sides over by_cell (the table t's cells), each cell's term but `skip`'s;
 * false when a term is outside t or not a number. */
static bool rule_sides(const cf_table_def *t, const cf_rule_def *rule, const token *const *by_cell, size_t skip,
                       cf_decimal sides[2])
{
    sides[0] = sides[1] = cf_decimal_from_int(0);
    for (int side = 0; side < 2; side++) {
        const size_t *cells = side ? rule->right : rule->left;
        size_t count = side ? rule->right_count : rule->left_count;
        for (size_t i = 0; i < count; i++) {
            if (cells[i] == skip)
                continue;
            const token *tk = cells[i] >= t->first_cell && cells[i] < t->first_cell + t->cell_count
                                  ? by_cell[cells[i] - t->first_cell] : NULL;
            if (!tk || tk->kind != CF_ITEM_NUMBER || !cf_decimal_add(sides[side], tk->value, &sides[side]))
                return false;
        }
    }
    return rule->left_count + rule->right_count > 0;
}

/* How many of the table's sums across its rows (the column rules, 总计 of the results, the
 * balance) hold with its cells by_cell (split_cells), and whether every balance rule does
 * (*balanced): the second witness, for which part of a row was printed apart. */
static size_t split_sums_hold(const row_search *rs, const token *const *by_cell, bool *balanced)
{
    size_t holding = 0;
    *balanced = true;
    for (size_t k = 0; k < cf_template_rule_count(rs->tpl); k++) {
        const cf_rule_def *rule = cf_template_rule(rs->tpl, k);
        cf_decimal sides[2];
        bool holds = rule_sides(rs->t, rule, by_cell, SIZE_MAX, sides) && cf_decimal_cmp(sides[0], sides[1]) == 0;
        holding += holds;
        *balanced &= holds || strcmp(rule->family, "balance") != 0;
    }
    return holding;
}

/* How many of the table's rules break with its cells by_cell (split_cells), a blank cell (rs->blank)
 * standing for a count not printed, 0 or more: a rule with one such term gives its value, one whose
 * blank terms are all on one side gives their sum, and breaks when that is below 0 (a value of 0
 * makes each 0); a rule left with blank terms on both sides cannot break. Rules with a term outside
 * the table or not a number are not looked at, as in split_sums_hold. A rule broken stays broken
 * whatever is solved later: past `most` breaks the count so far is returned at once. */
static size_t blank_breaks(const row_search *rs, const token *const *by_cell, size_t most)
{
    const cf_table_def *t = rs->t;
    cf_decimal value[DRAWN_MAX_VALUES];
    bool known[DRAWN_MAX_VALUES], number[DRAWN_MAX_VALUES];
    for (size_t i = 0; i < t->cell_count; i++) {
        known[i] = by_cell[i] != rs->blank;
        number[i] = !known[i] || by_cell[i]->kind == CF_ITEM_NUMBER;
        value[i] = by_cell[i]->value;
    }
    size_t breaks, rules = cf_template_rule_count(rs->tpl);
    bool changed;
    /* each pass solves what the last made known; the last (nothing new) counts the breaks */
    do {
        changed = false;
        breaks = 0;
        for (size_t k = 0; k < rules; k++) {
            /* a rule of another table, or with a term outside this one, is not usable: not looked at */
            if (rs->rule_column[k] == RULE_NOT_HERE)
                continue;
            const cf_rule_def *rule = cf_template_rule(rs->tpl, k);
            cf_decimal sides[2] = {cf_decimal_from_int(0), cf_decimal_from_int(0)}, need;
            size_t unknown[2] = {0, 0}, at = 0;
            bool usable = rule->left_count + rule->right_count > 0;
            for (int side = 0; side < 2 && usable; side++) {
                const size_t *terms = side ? rule->right : rule->left;
                for (size_t i = 0; i < (side ? rule->right_count : rule->left_count) && usable; i++) {
                    size_t cell = terms[i] - t->first_cell;
                    usable = terms[i] >= t->first_cell && cell < t->cell_count && number[cell] &&
                             (!known[cell] || cf_decimal_add(sides[side], value[cell], &sides[side]));
                    if (usable && !known[cell]) {
                        unknown[side]++;
                        at = cell;
                    }
                }
            }
            if (!usable || (unknown[0] && unknown[1]))
                continue;
            int side = unknown[1] != 0; /* the side with the blank terms, if any */
            if (!cf_decimal_sub(sides[!side], sides[side], &need))
                continue;
            if (!unknown[side] || cf_decimal_is_negative(need)) {
                breaks += cf_decimal_cmp(need, cf_decimal_from_int(0)) != 0;
                if (breaks > most)
                    return breaks;
            } else if (unknown[side] == 1 || cf_decimal_cmp(need, cf_decimal_from_int(0)) == 0) {
                const size_t *terms = side ? rule->right : rule->left;
                for (size_t i = 0; i < (side ? rule->right_count : rule->left_count); i++) {
                    size_t cell = terms[i] - t->first_cell;
                    if (!known[cell] && (unknown[side] > 1 || cell == at)) {
                        known[cell] = true;
                        value[cell] = unknown[side] > 1 ? cf_decimal_from_int(0) : need;
                        changed = true;
                    }
                }
            }
        }
    } while (changed);
    return breaks;
}

/* The placement of split rs->cur's blank parts under way (place_blanks): its short rows, each
 * row's printed parts in order and how many are placed, the cells so far (by_cell), and where the
 * best placement so far goes (best[]: the rows' blank columns, cells[]: its cells, *fewest: the
 * rules it breaks). */
typedef struct {
    size_t row[ROWS_MAX], next[ROWS_MAX], count;
    size_t columns; /* the most parts of a short row */
    const token *part[ROWS_MAX][CF_TEMPLATE_MAX_COLUMNS];
    const token **by_cell, **cells;
    uint32_t *best;
    size_t *fewest;
} blank_place;

/* How many of the table's rules whose last column is c and which have no blank term break with its
 * cells by_cell (each such rule is decided once the columns up to c are). */
static size_t column_breaks(const row_search *rs, const token *const *by_cell, size_t c)
{
    size_t breaks = 0, rules = cf_template_rule_count(rs->tpl);
    for (size_t k = 0; k < rules; k++) {
        if (rs->rule_column[k] != c)
            continue;
        const cf_rule_def *rule = cf_template_rule(rs->tpl, k);
        cf_decimal sides[2];
        bool blank = false;
        for (size_t i = 0; i < rule->left_count + rule->right_count && !blank; i++)
            blank = by_cell[(i < rule->left_count ? rule->left[i] : rule->right[i - rule->left_count]) -
                            rs->t->first_cell] == rs->blank;
        breaks += !blank && rule_sides(rs->t, rule, by_cell, SIZE_MAX, sides) &&
                  cf_decimal_cmp(sides[0], sides[1]) != 0;
    }
    return breaks;
}

static void place_cell(row_search *rs, blank_place *bp, size_t c, size_t i, size_t breaks);

/* The placements of the blank parts from column c on, `breaks` rules broken so far: column by
 * column, each short row takes its next printed part or a blank there, and the rules a column
 * decides are checked as soon as it is whole, so a placement breaking more than the best (or than
 * the best split: rs->bound) is left at once. Whole, a placement is counted by blank_breaks: the
 * fewest breaks win, the first such goes to bp->best, and cells whose values differ among
 * placements as good are marked in rs->open. Each column and placement is a step of the budget. */
static void place_column(row_search *rs, blank_place *bp, size_t c, size_t breaks)
{
    size_t most = *bp->fewest < rs->bound ? *bp->fewest : rs->bound;
    rs->over |= ++rs->steps > ROWS_SEARCH_BUDGET;
    if (rs->over || breaks > most)
        return;
    if (c < bp->columns) {
        place_cell(rs, bp, c, 0, breaks);
        return;
    }
    const cf_table_def *t = rs->t;
    size_t total = blank_breaks(rs, bp->by_cell, most);
    if (total < *bp->fewest) {
        *bp->fewest = total;
        for (size_t k = 0; k < t->row_count; k++)
            bp->best[k] = rs->cur.blank[k];
        memcpy(bp->cells, bp->by_cell, t->cell_count * sizeof *bp->cells);
        memset(rs->open, 0, sizeof rs->open);
    } else if (total == *bp->fewest) {
        for (size_t k = 0; k < t->cell_count; k++)
            rs->open[k] |= bp->by_cell[k]->kind != bp->cells[k]->kind ||
                           cf_decimal_cmp(bp->by_cell[k]->value, bp->cells[k]->value) != 0;
    }
}

/* Column c of the short rows from the i-th on: a blank or the row's next printed part, as many
 * blanks as the row is short and parts as it printed. */
static void place_cell(row_search *rs, blank_place *bp, size_t c, size_t i, size_t breaks)
{
    if (i == bp->count) {
        place_column(rs, bp, c + 1, breaks + column_breaks(rs, bp->by_cell, c));
        return;
    }
    size_t r = bp->row[i];
    const cf_row_def *rd = &rs->t->rows[r];
    size_t parts = rd->column_count - 1, blanks = bit_count(rs->cur.blank[r]);
    const token **cell = &bp->by_cell[rd->first_cell - rs->t->first_cell + c];
    if (c >= parts) {
        place_cell(rs, bp, c, i + 1, breaks);
        return;
    }
    if (blanks < rs->cur.short_by[r]) {
        rs->cur.blank[r] |= 1u << c;
        *cell = rs->blank;
        place_cell(rs, bp, c, i + 1, breaks);
        rs->cur.blank[r] &= ~(1u << c);
    }
    if (bp->next[i] < parts - rs->cur.short_by[r] && !rs->over) {
        *cell = bp->part[i][bp->next[i]++];
        place_cell(rs, bp, c, i + 1, breaks);
        bp->next[i]--;
    }
}

/* The best placements of the blank parts of split rs->cur's short rows (place_column), by_cell the
 * split's cells (changed here); the result as in blank_place. */
static void place_blanks(row_search *rs, const token **by_cell, uint32_t *best, const token **cells,
                         size_t *fewest)
{
    blank_place bp = {.by_cell = by_cell, .cells = cells, .best = best, .fewest = fewest};
    for (size_t r = 0; r < rs->t->row_count; r++) {
        size_t k = rs->cur.short_by[r];
        if (!k)
            continue;
        /* a short row's parts are printed together from its first value (split_short) */
        for (size_t j = 0; j + k + 1 < rs->t->rows[r].column_count; j++)
            bp.part[bp.count][j] = rs->vals[rs->cur.start[r] + j];
        rs->cur.blank[r] = 0;
        bp.next[bp.count] = 0;
        bp.row[bp.count++] = r;
        if (rs->t->rows[r].column_count - 1 > bp.columns)
            bp.columns = rs->t->rows[r].column_count - 1;
    }
    place_column(rs, &bp, 0, 0);
    for (size_t i = 0; i < bp.count; i++)
        rs->cur.blank[bp.row[i]] = (1u << rs->cur.short_by[bp.row[i]]) - 1u;
}

/* For each cell of table t, by_cell[cell - t's first], the balance rule (一+二 = 三(七)+四, one a column)
 * with it as a term, or NULL. */
static void balance_rules(const cf_template *tpl, const cf_table_def *t, const cf_rule_def **by_cell)
{
    memset(by_cell, 0, t->cell_count * sizeof *by_cell);
    for (size_t k = 0; k < cf_template_rule_count(tpl); k++) {
        const cf_rule_def *rule = cf_template_rule(tpl, k);
        for (size_t i = 0; i < rule->left_count + rule->right_count && strcmp(rule->family, "balance") == 0; i++) {
            size_t cell = i < rule->left_count ? rule->left[i] : rule->right[i - rule->left_count];
            if (cell >= t->first_cell && cell < t->first_cell + t->cell_count)
                by_cell[cell - t->first_cell] = rule;
        }
    }
}

/* For each rule of tpl, column[k]: the last column (in its row) of its terms when all are cells of
 * table t (index table), else RULE_NOT_HERE. */
static void rule_columns(const cf_template *tpl, size_t table, const cf_table_def *t, unsigned char *column)
{
    unsigned char of_cell[DRAWN_MAX_VALUES] = {0};
    for (size_t r = 0; r < t->row_count; r++)
        for (size_t c = 0; c < t->rows[r].column_count; c++)
            of_cell[t->rows[r].first_cell - t->first_cell + c] = (unsigned char)c;
    for (size_t k = 0; k < cf_template_rule_count(tpl); k++) {
        const cf_rule_def *rule = cf_template_rule(tpl, k);
        column[k] = rule->table == table && rule->left_count + rule->right_count ? 0 : RULE_NOT_HERE;
        for (size_t i = 0; i < rule->left_count + rule->right_count && column[k] != RULE_NOT_HERE; i++) {
            size_t cell = i < rule->left_count ? rule->left[i] : rule->right[i - rule->left_count];
            if (cell < t->first_cell || cell >= t->first_cell + t->cell_count)
                column[k] = RULE_NOT_HERE;
            else if (of_cell[cell - t->first_cell] > column[k])
                column[k] = of_cell[cell - t->first_cell];
        }
    }
}

/* Is row r's part c under split s, not among those used (a bit a part), the value need? */
static bool part_is(const row_search *rs, const row_split *s, size_t r, size_t c, uint32_t used, cf_decimal need)
{
    const token *tk = split_value(rs, s, r, c);
    return !(used >> c & 1u) && tk->kind == CF_ITEM_NUMBER && cf_decimal_cmp(tk->value, need) == 0;
}

/* Can row r, its total holding, be read in another column order under which every balance column
 * holds (the other rows as split s reads them)? Each part's balance rule then says what the part
 * must be; the row's printed parts must be those values, in some order (equal values keep their
 * printed order). order[c]: the printed part read as part c. A row the labels read is never one. */
static bool balance_order_of(const row_search *rs, const row_split *s, const token *const *by_cell, size_t r,
                             unsigned char *order)
{
    const cf_row_def *rd = &rs->t->rows[r];
    size_t parts = rd->column_count - 1;
    uint32_t used = 0;
    bool moved = false;
    if (!s->holds[r] || (rs->group_members && r == rs->group_row) || !rs->balance[rd->first_cell - rs->t->first_cell])
        return false;
    for (size_t c = 0; c < rd->column_count; c++)
        if (rs->cells[rd->first_cell + c].state != CF_CELL_MISSING && !rs->cells[rd->first_cell + c].inferred)
            return false;
    for (size_t c = 0; c < parts; c++) {
        const cf_rule_def *rule = rs->balance[rd->first_cell + c - rs->t->first_cell];
        cf_decimal sides[2], need;
        bool left = false;
        for (size_t i = 0; rule && i < rule->left_count; i++)
            left |= rule->left[i] == rd->first_cell + c;
        if (!rule || !rule_sides(rs->t, rule, by_cell, rd->first_cell + c, sides) ||
            !cf_decimal_sub(sides[left], sides[!left], &need))
            return false;
        /* the part printed in its own place first, so equal values never move */
        size_t j = c;
        if (!part_is(rs, s, r, c, used, need))
            for (j = 0; j < parts && !part_is(rs, s, r, j, used, need); j++)
                ;
        if (j == parts)
            return false;
        used |= 1u << j;
        order[c] = (unsigned char)j;
        moved |= j != c;
    }
    order[parts] = (unsigned char)parts;
    return moved;
}

/* When split s, its cells by_cell, breaks a balance column, the one row that can be read in another
 * column order making every balance column hold (balance_order_of) is, in s and by_cell; none when
 * no row can, or more than one (the sums cannot tell which was printed out of order). */
static void balance_order(const row_search *rs, row_split *s, const token **by_cell)
{
    unsigned char order[CF_TEMPLATE_MAX_COLUMNS];
    size_t found = 0;
    for (size_t r = 0; r < rs->t->row_count && found < 2; r++)
        if (balance_order_of(rs, s, by_cell, r, order)) {
            found++;
            s->reordered = r + 1;
            memcpy(s->order, order, sizeof order);
        }
    if (found != 1) {
        s->reordered = 0;
        return;
    }
    const cf_row_def *rd = &rs->t->rows[s->reordered - 1];
    for (size_t c = 0; c < rd->column_count; c++)
        by_cell[rd->first_cell - rs->t->first_cell + c] = split_value(rs, s, s->reordered - 1, c);
}

/* A whole split found: kept when more rows hold than under the best so far, then more of the
 * table's sums (with a row read in another column order when the balance allows one: balance_order),
 * then one needing no such order, then fewer rows printed apart; one as good giving other numbers is
 * a tie, and the cells whose numbers differ are marked (the text cannot tell them). */
static void split_done(row_search *rs, size_t holds, size_t apart)
{
    rs->splits++;
    const token *by_cell[DRAWN_MAX_VALUES];
    token zero = {.kind = CF_ITEM_NUMBER, .value = cf_decimal_from_int(0)};
    split_cells(rs, &rs->cur, by_cell, &zero);
    bool balanced = true;
    size_t sums;
    if (rs->blanks) {
        /* the blanks where the fewest of the table's sums break: each rule that does not counts */
        uint32_t best[ROWS_MAX];
        const token *work[DRAWN_MAX_VALUES];
        size_t fewest = SIZE_MAX;
        /* a placement breaking more than the best split does, as many rows holding, is worse whatever
         * else it breaks: its count stops there */
        rs->bound = SIZE_MAX;
        if (rs->found && holds == rs->best_holds)
            rs->bound = cf_template_rule_count(rs->tpl) - rs->best_sums;
        memcpy(work, by_cell, rs->t->cell_count * sizeof *work);
        place_blanks(rs, work, best, by_cell, &fewest);
        if (rs->over || fewest == SIZE_MAX)
            return; /* out of budget, or every placement worse than the best split */
        memcpy(rs->cur.blank, best, rs->t->row_count * sizeof *best);
        sums = cf_template_rule_count(rs->tpl) - fewest;
    } else {
        sums = split_sums_hold(rs, by_cell, &balanced);
    }
    /* a row printed in a column order of its own (LibreOffice's PDF of row 一): read in the one order
     * the balance columns allow, when that makes more of the table's sums hold */
    if (!balanced) {
        balance_order(rs, &rs->cur, by_cell);
        size_t reordered_sums = rs->cur.reordered ? split_sums_hold(rs, by_cell, &balanced) : 0;
        if (reordered_sums > sums && balanced)
            sums = reordered_sums;
        else
            rs->cur.reordered = 0;
    }
    /* as many sums hold with the rows as printed: that split is the better (the order is a last resort) */
    bool moved = rs->cur.reordered != 0, best_moved = rs->best.reordered != 0;
    int better = !rs->found ? 1 : holds != rs->best_holds ? (holds > rs->best_holds ? 1 : -1)
                 : sums != rs->best_sums ? (sums > rs->best_sums ? 1 : -1)
                 : moved != best_moved ? (best_moved ? 1 : -1)
                 : apart != rs->best_apart ? (apart < rs->best_apart ? 1 : -1) : 0;
    if (better > 0) {
        rs->best = rs->cur;
        rs->best_holds = holds;
        rs->best_sums = sums;
        rs->best_apart = apart;
        rs->found = true;
        rs->tie = false;
        memcpy(rs->differs, rs->open, sizeof rs->differs);
    } else if (better == 0) {
        for (size_t i = 0; i < rs->t->cell_count; i++)
            rs->differs[i] |= rs->open[i];
    }
    for (size_t r = 0; r < rs->t->row_count && better == 0; r++)
        for (size_t c = 0; c < rs->t->rows[r].column_count; c++) {
            const token *a = split_value(rs, &rs->cur, r, c), *b = split_value(rs, &rs->best, r, c);
            if (a->kind != b->kind || cf_decimal_cmp(a->value, b->value) != 0)
                rs->tie = rs->differs[rs->t->rows[r].first_cell - rs->t->first_cell + c] = true;
        }
    rs->cur.reordered = 0; /* the search goes on from cur's rows as printed */
}

/* The sum of vals[at, at + count) into *sum; false when one is not a number or the sum overflows. */
static bool printed_sum(const row_search *rs, size_t at, size_t count, cf_decimal *sum)
{
    *sum = cf_decimal_from_int(0);
    for (size_t k = at; k < at + count; k++)
        if (rs->vals[k]->kind != CF_ITEM_NUMBER || !cf_decimal_add(*sum, rs->vals[k]->value, sum))
            return false;
    return true;
}

/* Can a row of m cells, one printed later and the others from vals[at] on in column order, still
 * hold: where the value it needs stands last from vals[from] on; 0 when nowhere. With `total` its
 * total is the cell printed later and the sum of the m - 1 values is needed; else a part is, and
 * which part does not matter: the values are the other parts, then the total, whichever it is. */
static size_t awaited_value_at(const row_search *rs, size_t at, size_t m, bool total, size_t from)
{
    cf_decimal parts, need;
    const token *tk = rs->vals[at + m - 2];
    if (!printed_sum(rs, at, m - 1 - !total, &parts))
        return 0;
    if (total)
        need = parts;
    else if (tk->kind != CF_ITEM_NUMBER || cf_decimal_cmp(tk->value, parts) < 0 ||
             !cf_decimal_sub(tk->value, parts, &need))
        return 0;
    /* the search asks at nearly every step: a binary search, not a walk over every value */
    size_t lo = 0, hi = rs->nplaces;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int cmp = cf_decimal_cmp(rs->places[mid].value, need);
        if (cmp == 0)
            return rs->places[mid].last >= from ? rs->places[mid].last : 0;
        if (cmp < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}

/* Row r printed whole from vals[at] on (at + its cells <= n), as split_rows tries it at each place:
 * whether its total holds so (as split_row_holds), and where the value it awaits stands when its
 * total or a part is printed later instead (awaited_value_at). Worked out once a place and width:
 * the search comes back to a place by many ways. */
static const row_at *printed_row(row_search *rs, size_t r, size_t at)
{
    row_at *ra = &rs->fits->at_place[at];
    size_t m = rs->t->rows[r].column_count;
    if (ra->m != m) {
        cf_decimal parts;
        const token *total = rs->vals[at + m - 1];
        ra->m = m;
        ra->holds = !printed_sum(rs, at, m - 1, &parts) || total->kind != CF_ITEM_NUMBER ||
                    cf_decimal_cmp(parts, total->value) == 0;
        ra->awaited[0] = awaited_value_at(rs, at, m, false, at + m - 1);
        ra->awaited[1] = awaited_value_at(rs, at, m, true, at + m - 1);
    }
    return ra;
}

static int by_value(const void *a, const void *b)
{
    return cf_decimal_cmp(((const value_place *)a)->value, ((const value_place *)b)->value);
}

/* The numbers among vals[0, n), each once with the last place it stands, in increasing order, into
 * places (room for n); returns how many. */
static size_t value_places(const token *const *vals, size_t n, value_place *places)
{
    size_t count = 0, distinct = 0;
    for (size_t i = 0; i < n; i++)
        if (vals[i]->kind == CF_ITEM_NUMBER)
            places[count++] = (value_place){vals[i]->value, i};
    qsort(places, count, sizeof *places, by_value);
    for (size_t i = 0; i < count; i++) {
        if (!distinct || cf_decimal_cmp(places[distinct - 1].value, places[i].value) != 0)
            places[distinct++] = places[i];
        else if (places[i].last > places[distinct - 1].last)
            places[distinct - 1].last = places[i].last;
    }
    return distinct;
}

/* Do the values vals[from, to) printed apart from their row each stand on a line of their own? A
 * value beside another on its line was drawn with it: its place is not open. */
static bool apart_alone(const row_search *rs, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++)
        if (!alone_on_line(rs->vals, rs->n, i))
            return false;
    return true;
}

/* Where the rows of rs->t could hold without a blank (rs->fits): a row of each width read
 * whole from each place, as split_rows tries it (printed_row), and a pair of them with interleaved first
 * cells, as split_interleaved does. */
static void rows_fit(row_search *rs)
{
    const cf_table_def *t = rs->t;
    row_fits *f = rs->fits;
    size_t width[ROWS_WIDTHS], widths = 0;
    row_split s = {0};
    for (size_t r = 0; r < t->row_count; r++) {
        size_t m = t->rows[r].column_count, w = 0;
        while (w < widths && width[w] != m)
            w++;
        f->width[r] = (unsigned char)w;
        if (w < widths || w == ROWS_WIDTHS)
            continue;
        width[widths++] = m;
        for (size_t at = 0; at <= rs->n; at++) {
            const row_at *whole = at + m <= rs->n ? printed_row(rs, r, at) : NULL;
            bool fits = whole && (whole->holds || whole->awaited[0] || whole->awaited[1]), pair = false;
            if (at + 2 * m <= rs->n && alone_on_line(rs->vals, rs->n, at + 1)) {
                s.start[r] = at + 1;
                s.skip[r] = m - 1;
                pair = split_row_holds(rs, &s, r);
            }
            f->fit[w][0][at + 1] = (uint16_t)(f->fit[w][0][at] + fits);
            f->fit[w][1][at + 1] = (uint16_t)(f->fit[w][1][at] + pair);
        }
    }
}

/* Is a place in [lo, hi] counted in fit (a row of rs->fits->fit), places past n being none? */
static bool fits_between(const row_search *rs, const uint16_t *fit, size_t lo, size_t hi)
{
    hi = hi < rs->n ? hi : rs->n;
    return lo <= hi && fit[hi + 1] != fit[lo];
}

/* At most how many of rows r.. can still hold, the search at value p with `pending` cells of the
 * waiting rows still to come: a bound that cuts only ways no split lies on, so the splits found stay
 * the same. A row that holds takes a blank (blanks_left of them can), or fits where it starts
 * (rows_fit), or is the last row (its total and a part may come after the names), or the second of
 * an interleaved pair. Row q starts past the cells of rows r..q-1 from p, less the blanks and a cell
 * printed later a row (only the last row prints two later), plus the waiting cells taken first. */
static size_t rows_may_hold(const row_search *rs, size_t r, size_t p, size_t pending)
{
    const cf_table_def *t = rs->t;
    size_t fitting = 0, cells = 0;
    bool pair = false; /* the row before may start an interleaved pair whose second row holds */
    for (size_t q = r; q < t->row_count; q++) {
        size_t w = rs->fits->width[q], least = rs->blanks_left + (q - r);
        size_t lo = p + cells > least ? p + cells - least : 0, hi = p + cells + pending;
        bool opens = w == ROWS_WIDTHS || fits_between(rs, rs->fits->fit[w][1], lo, hi);
        fitting += pair || opens || q + 1 == t->row_count || fits_between(rs, rs->fits->fit[w][0], lo, hi);
        pair = opens;
        cells += t->rows[q].column_count;
    }
    size_t most = fitting + rs->blanks_left;
    return most < t->row_count - r ? most : t->row_count - r;
}

/* The state of the search before row r at value p: the rows waiting (where their first cells stand,
 * which are still to come) and how many rows hold so far; 0 is kept for an empty slot. */
static uint64_t split_state(const row_search *rs, size_t r, size_t p, size_t qh, size_t qt, size_t holds)
{
    uint64_t h = 1469598103934665603u;
    size_t words[4] = {r, holds, qt - qh, p};
    for (size_t i = 0; i < 4; i++)
        h = (h ^ words[i]) * 1099511628211u;
    for (size_t i = qh; i < qt; i++) {
        size_t w = rs->queue[i];
        h = (h ^ w) * 1099511628211u;
        h = (h ^ rs->cur.later[w]) * 1099511628211u;
        h = (h ^ rs->cur.start[w]) * 1099511628211u;
    }
    return h ? h : 1;
}

/* Is state key among the dead ones; with add, make it one (when there is room). */
static bool split_dead(row_search *rs, uint64_t key, bool add)
{
    dead_states *d = rs->dead;
    if (!d->count) {
        if (!add)
            return false;
        memset(d->key, 0, sizeof d->key);
    }
    size_t i = (size_t)key & (ROWS_MEMO - 1);
    for (; d->key[i]; i = (i + 1) & (ROWS_MEMO - 1))
        if (d->key[i] == key)
            return true;
    if (add && d->count < ROWS_MEMO / 4 * 3) {
        d->key[i] = key;
        d->count++;
    }
    return false;
}

/* A cell waiting at the end of the table: row, which of its cells printed apart, whether its last. */
typedef struct {
    size_t row, slot;
    bool last;
} end_cell;

/* At the end of the table the values left, vals[p, p+k), go to the waiting cells cells[i..k) in
 * whichever order makes most rows hold: PDF text prints what it drew apart in an order of its own
 * (a later row's part before an earlier row's total). used: the values taken; open: waiting rows
 * not yet whole. */
static void split_end(row_search *rs, const end_cell *cells, size_t k, size_t i, uint32_t used, size_t p, size_t got,
                      size_t open, size_t apart)
{
    if (got + open < rs->min_holds || ++rs->steps > ROWS_SEARCH_BUDGET) {
        rs->over |= rs->steps > ROWS_SEARCH_BUDGET;
        return;
    }
    if (i == k) {
        split_done(rs, got, apart);
        return;
    }
    const end_cell *e = &cells[i];
    for (size_t j = 0; j < k && !rs->over; j++) {
        if (used >> j & 1u || !alone_on_line(rs->vals, rs->n, p + j))
            continue;
        rs->cur.apart[e->row][e->slot] = p + j;
        bool hold = e->last && split_row_holds(rs, &rs->cur, e->row);
        if (e->last)
            rs->cur.holds[e->row] = hold;
        split_end(rs, cells, k, i + 1, used | 1u << j, p, got + hold, open - e->last, apart);
    }
}

static void split_rows(row_search *rs, size_t r, size_t p, size_t qh, size_t qt, size_t holds, size_t apart);

/* Rows r and r+1 from value at on with their first cells printed one after the other, each beside
 * its name, before row r's other cells, then row r+1's (a name as tall as two rows): tried when row
 * r's total does not hold as printed and row r+1's does so, its first cell alone on its line; row r
 * may stay broken (a report's own error). */
static void split_interleaved(row_search *rs, size_t r, size_t at, size_t qh, size_t qt, size_t holds, size_t apart)
{
    const cf_table_def *t = rs->t;
    size_t m = t->rows[r].column_count;
    if (r + 1 >= t->row_count || t->rows[r + 1].column_count != m || at + 2 * m > rs->n ||
        !alone_on_line(rs->vals, rs->n, at + 1))
        return;
    rs->cur.skip[r] = 1;
    rs->cur.start[r + 1] = at + 1;
    rs->cur.skip[r + 1] = m - 1;
    rs->cur.later[r + 1] = 0;
    if (split_row_holds(rs, &rs->cur, r + 1)) {
        rs->cur.holds[r] = split_row_holds(rs, &rs->cur, r);
        rs->cur.holds[r + 1] = true;
        split_rows(rs, r + 2, at + 2 * m, qh, qt, holds + rs->cur.holds[r] + 1, apart + 1);
    }
    rs->cur.skip[r] = 0;
    rs->cur.skip[r + 1] = 0;
}

/* Row r from value at on, holding as printed, read with its first cell last: the value beside its
 * name printed after its other cells, each on a line before (plain pdftotext of a row a page break
 * cuts draws the name's cell last). It holds so only when its other parts are 0: the table's sums
 * tell the two readings apart (split_done), and a tie leaves the cells unread. */
static void split_name_last(row_search *rs, size_t r, size_t at, size_t qh, size_t qt, size_t holds, size_t apart)
{
    size_t m = rs->t->rows[r].column_count, last = at + m - 1;
    if (!rs->named[last] || rs->named[last - 1] || rs->vals[last - 1]->line >= rs->vals[last]->line ||
        rs->vals[last]->kind != CF_ITEM_NUMBER || rs->vals[at]->kind != CF_ITEM_NUMBER ||
        cf_decimal_cmp(rs->vals[last]->value, rs->vals[at]->value) == 0)
        return;
    rs->cur.later[r] = 1u;
    rs->cur.apart[r][0] = last;
    if (split_row_holds(rs, &rs->cur, r))
        split_rows(rs, r + 1, at + m, qh, qt, holds + 1, apart + 1);
    rs->cur.later[r] = 0;
}

/* Row r from value at on short of values, its blank cells printing nothing: k of its parts blank
 * (at most ROWS_ROW_BLANKS), its total printed last and no less than its printed parts, or printed
 * later in the table (the row waits for it), or its total blank; tried while the table has blanks
 * left. Which parts are blank the column sums decide once the split is whole (place_blanks): here
 * the first k stand for them. */
static void split_short(row_search *rs, size_t r, size_t at, size_t qh, size_t qt, size_t holds, size_t apart)
{
    size_t m = rs->t->rows[r].column_count;
    /* k parts blank, or (k = ROWS_ROW_BLANKS + 1, tried last) the total; the likelier first, so the
     * best split is found early and bounds the placements of the others (place_column) */
    for (size_t j = 1; j <= ROWS_ROW_BLANKS + 1 && !rs->over; j++) {
        size_t k = j <= ROWS_ROW_BLANKS ? j : 0, blanks = k ? k : 1, got = m - blanks;
        if (blanks + 1 >= m || blanks > rs->blanks_left || at + got > rs->n)
            continue;
        cf_decimal parts = cf_decimal_from_int(0);
        bool numbers = true;
        for (size_t i = at; i < at + got && numbers; i++)
            numbers = rs->vals[i]->kind == CF_ITEM_NUMBER &&
                      (i + 1 == at + got || cf_decimal_add(parts, rs->vals[i]->value, &parts));
        if (!numbers || (k && cf_decimal_cmp(rs->vals[at + got - 1]->value, parts) < 0))
            continue;
        rs->cur.blank[r] = k ? (1u << k) - 1u : 1u << (m - 1);
        rs->cur.short_by[r] = k;
        rs->cur.holds[r] = true;
        rs->blanks_left -= blanks;
        split_rows(rs, r + 1, at + got, qh, qt, holds + 1, apart);
        rs->blanks_left += blanks;
    }
    for (size_t k = 1; k <= ROWS_ROW_BLANKS && k + 1 < m && k <= rs->blanks_left && !rs->over; k++) {
        if (at + m - 1 - k > rs->n)
            continue;
        rs->cur.blank[r] = (1u << k) - 1u;
        rs->cur.short_by[r] = k;
        rs->cur.later[r] = 1u << (m - 1);
        rs->cur.last_at[r] = rs->n;
        rs->queue[qt] = r;
        rs->blanks_left -= k;
        split_rows(rs, r + 1, at + m - 1 - k, qh, qt + 1, holds, apart + 1);
        rs->blanks_left += k;
    }
    rs->cur.later[r] = 0;
    rs->cur.blank[r] = 0;
    rs->cur.short_by[r] = 0;
}

/* Rows r.. from value p on, rows queue[qh..qt) waiting for their cells printed later. Before row r
 * the first waiting rows take theirs when their totals then hold (at the end every waiting row
 * does, in whichever order: split_end); then row r takes its cells: as printed when its total holds
 * so, which a report's own break can never undo; else with one cell printed later (its total, or a
 * part, when the value it needs follows), the last row also with its total and one part printed
 * after the table's names, or as printed, broken. */
static void split_rows(row_search *rs, size_t r, size_t p, size_t qh, size_t qt, size_t holds, size_t apart)
{
    const cf_table_def *t = rs->t;
    if (++rs->steps > ROWS_SEARCH_BUDGET) {
        rs->over = true;
        return;
    }
    size_t may_hold = 0, pending = 0; /* waiting rows whose awaited value still stands ahead; their cells */
    for (size_t i = qh; i < qt; i++) {
        may_hold += rs->cur.last_at[rs->queue[i]] >= p;
        pending += bit_count(rs->cur.later[rs->queue[i]]);
    }
    /* too few rows can hold: the first test costs nothing, the second looks at where the rest can start */
    if (holds + (t->row_count - r) + may_hold < rs->min_holds ||
        holds + rows_may_hold(rs, r, p, pending) + may_hold < rs->min_holds)
        return;
    if (r == t->row_count) {
        end_cell cells[ROWS_END_CELLS];
        size_t k = 0;
        for (size_t i = qh; i < qt; i++)
            for (size_t b = 0; b < bit_count(rs->cur.later[rs->queue[i]]); b++) {
                if (k == ROWS_END_CELLS)
                    return;
                cells[k++] = (end_cell){rs->queue[i], b, b + 1 == bit_count(rs->cur.later[rs->queue[i]])};
            }
        if (p + k == rs->n && !rs->blanks_left)
            split_end(rs, cells, k, 0, 0, p, holds, qt - qh, apart);
        return;
    }
    uint64_t state = split_state(rs, r, p, qh, qt, holds);
    if (split_dead(rs, state, false))
        return;
    size_t splits = rs->splits;
    /* how many of the first waiting rows hold with the values here (the row just read only after
     * another: right after itself its cells would stand where they belong) */
    size_t holding = 0, at = p;
    for (size_t i = qh; i < qt && (rs->queue[i] + 1 < r || i > qh); i++) {
        size_t w = rs->queue[i];
        size_t from = at;
        for (size_t k = 0; k < bit_count(rs->cur.later[w]); k++)
            rs->cur.apart[w][k] = at++;
        if (at > rs->n || !apart_alone(rs, from, at) || !split_row_holds(rs, &rs->cur, w))
            break;
        rs->cur.holds[w] = true;
        holding++;
    }
    for (size_t d = holding + 1; d-- > 0 && !rs->over;) {
        at = p;
        for (size_t i = 0; i < d; i++)
            at += bit_count(rs->cur.later[rs->queue[qh + i]]);
        size_t m = t->rows[r].column_count;
        rs->cur.start[r] = at;
        rs->cur.skip[r] = 0;
        rs->cur.later[r] = 0;
        const row_at *printed = at + m <= rs->n ? printed_row(rs, r, at) : NULL;
        if (printed && printed->holds) {
            rs->cur.holds[r] = true;
            split_rows(rs, r + 1, at + m, qh + d, qt, holds + d + 1, apart);
            if (!rs->over)
                split_name_last(rs, r, at, qh + d, qt, holds + d, apart);
            continue;
        }
        split_short(rs, r, at, qh + d, qt, holds + d, apart);
        if (at + m > rs->n)
            continue;
        uint32_t masks[2 * CF_TEMPLATE_MAX_COLUMNS];
        size_t nmasks = 0;
        size_t last_at[2 * CF_TEMPLATE_MAX_COLUMNS]; /* where the value a mask of one cell awaits stands last */
        for (size_t c = 0; c < m; c++) {
            last_at[nmasks] = printed->awaited[c + 1 == m];
            if (last_at[nmasks])
                masks[nmasks++] = 1u << c;
        }
        /* the last row: its total and one part may stand after the table's names */
        for (size_t c = 0; c + 1 < m && r + 1 == t->row_count; c++) {
            last_at[nmasks] = rs->n;
            masks[nmasks++] = 1u << c | 1u << (m - 1);
        }
        for (size_t k = 0; k < nmasks && !rs->over; k++) {
            rs->cur.start[r] = at;
            rs->cur.last_at[r] = last_at[k];
            rs->cur.later[r] = masks[k];
            rs->queue[qt] = r;
            split_rows(rs, r + 1, at + m - bit_count(masks[k]), qh + d, qt + 1, holds + d,
                       apart + 1);
        }
        rs->cur.start[r] = at;
        rs->cur.later[r] = 0;
        if (!rs->over)
            split_interleaved(rs, r, at, qh + d, qt, holds + d, apart);
        rs->cur.holds[r] = false;
        if (!rs->over)
            split_rows(rs, r + 1, at + m, qh + d, qt, holds + d, apart);
    }
    if (!rs->over && rs->splits == splits)
        split_dead(rs, state, true);
}

/* How many of the first `want` values of ts (the region after the next part's heading) stand each
 * on a line of their own before any blank field or grid: a table cut by a page break, whose last
 * cells PDF text prints after the next heading; 0 when fewer. */
static size_t next_page_values(const token_stream *ts, size_t want)
{
    size_t got = 0;
    for (size_t i = 0; i < ts->count && got < want; i++) {
        const token *tk = &ts->items[i];
        if (tk->kind == CF_ITEM_TEXT)
            continue;
        if (tk->kind == CF_ITEM_EMPTY || tk->field >= 0 || tk->grid)
            return 0;
        /* beside another value: a row of the next table */
        for (size_t k = i; k-- > 0 && ts->items[k].line == tk->line;)
            if (ts->items[k].kind != CF_ITEM_TEXT)
                return 0;
        for (size_t k = i + 1; k < ts->count && ts->items[k].line == tk->line; k++)
            if (ts->items[k].kind != CF_ITEM_TEXT)
                return 0;
        got++;
    }
    return got == want ? got : 0;
}

/* The rows placed[] of the split found, whose totals hold, named in two warnings rather than one a
 * row (a table of 25 rows gave 24): those printed in their row's order, as runs in the form's order
 * ("A … B" names every row from A to B), and those with cells printed later in the table, each with
 * the line of the first. Each warning stands on its first row; every cell named is inferred already. */
static bool warn_placed_rows(extractor *ex, const row_search *rs, const bool *placed)
{
    const cf_table_def *t = rs->t;
    const row_split *s = &rs->best;
    bool ok = true;
    for (int apart = 0; apart < 2 && ok; apart++) {
        cf_buf list;
        cf_buf_init(&list);
        size_t count = 0, first = 0;
        for (size_t r = 0; ok && r < t->row_count; r++) {
            if (!placed[r] || (s->later[r] != 0) != (apart == 1))
                continue;
            first = count++ ? first : r;
            bool starts = r == 0 || !placed[r - 1] || s->later[r - 1];
            bool ends = r + 1 == t->row_count || !placed[r + 1] || s->later[r + 1];
            if (apart)
                ok = (!list.len || cf_buf_puts(&list, _(", "))) &&
                     cf_buf_printf(&list, _("%s (line %zu)"), t->rows[r].short_label,
                                   rs->vals[s->apart[r][0]]->line + 1);
            else if (starts || ends)
                ok = (!list.len || cf_buf_puts(&list, starts ? _(", ") : " … ")) &&
                     cf_buf_puts(&list, t->rows[r].short_label);
        }
        if (!ok) {
            cf_buf_release(&list);
            return oom(ex);
        }
        if (count && !apart)
            ok = warn(ex, rs->vals[s->start[first]]->line + 1, (long)t->rows[first].first_cell,
                      P_("%s: %zu row stands apart from its name (PDF text in drawing order) and was taken by its "
                         "place among the table's rows, where its total holds: %s; check it",
                         "%s: %zu rows stand apart from their names (PDF text in drawing order) and were taken by "
                         "their place among the table's rows, where each row's total holds: %s; check them",
                         count),
                      t->number, count, list.data);
        else if (count)
            ok = warn(ex, rs->vals[s->start[first]]->line + 1, (long)t->rows[first].first_cell,
                      P_("%s: %zu row stands apart from its name (PDF text in drawing order) with cells printed "
                         "later in the table, placed where its total holds: %s; check it",
                         "%s: %zu rows stand apart from their names (PDF text in drawing order) with cells printed "
                         "later in the table, placed where each row's total holds: %s; check them",
                         count),
                      t->number, count, list.data);
        cf_buf_release(&list);
    }
    return ok;
}

/* The rules of table rs->t the best split breaks, when it has blank cells (place_blanks). */
static size_t best_breaks(const row_search *rs) { return cf_template_rule_count(rs->tpl) - rs->best_sums; }

/* The warning on row r of split rs->best, short of values (its blank cells printed nothing): where
 * its blanks were taken to be, the only columns where every sum of the table holds; or, when none
 * does (best_breaks: its cells are left empty) or placements as good disagree (open: cells left
 * empty), why. */
static bool warn_blanks(extractor *ex, const row_search *rs, size_t r, size_t line, size_t open)
{
    const cf_row_def *rd = &rs->t->rows[r];
    size_t printed = rd->column_count - bit_count(rs->best.blank[r]);
    size_t breaks = best_breaks(rs);
    long cell = (long)rd->first_cell;
    if (breaks)
        return warn(ex, line, cell,
                    P_("%s %s: %zu values for its %zu cells, the others printed nothing (PDF text); no columns "
                       "for its blank cells make every sum of the table hold (%zu still breaks), so its cells "
                       "are left empty, check the row",
                       "%s %s: %zu values for its %zu cells, the others printed nothing (PDF text); no columns "
                       "for its blank cells make every sum of the table hold (%zu still break), so its cells "
                       "are left empty, check the row",
                       breaks),
                    rs->t->number, rd->short_label, printed, rd->column_count, breaks);
    if (open)
        return warn(ex, line, (long)rd->first_cell,
                    P_("%s %s: %zu values for its %zu cells, the others printed nothing (PDF text); the table's "
                       "sums hold as well with its blank cells in other columns, so %zu cell is left empty, check "
                       "the row",
                       "%s %s: %zu values for its %zu cells, the others printed nothing (PDF text); the table's "
                       "sums hold as well with its blank cells in other columns, so %zu cells are left empty, "
                       "check the row",
                       open),
                    rs->t->number, rd->short_label, printed, rd->column_count, open);
    cf_buf where;
    cf_buf_init(&where);
    bool ok = true;
    for (size_t c = 0; c < rd->column_count && ok; c++)
        if (rs->best.blank[r] >> c & 1u)
            ok = (!where.len || cf_buf_puts(&where, _(", "))) &&
                 cf_buf_puts(&where, rs->t->columns[rd->columns[c]].short_label);
    ok = ok ? warn(ex, line, cell,
                   _("%s %s: %zu values for its %zu cells, the others printed nothing (PDF text); they were taken "
                     "as blank in %s, the only columns where every sum of the table holds, check the row"),
                   rs->t->number, rd->short_label, printed, rd->column_count, where.data)
            : oom(ex);
    cf_buf_release(&where);
    return ok;
}

/* The warning on row r of split rs->best, read in another column order than printed (balance_order):
 * the printed values, the balance rule and the cells moved, so a reviewer can undo it. */
static bool warn_reordered(extractor *ex, const row_search *rs, size_t r, size_t line)
{
    const cf_row_def *rd = &rs->t->rows[r];
    const row_split *s = &rs->best;
    row_split printed_split = *s;
    printed_split.reordered = 0;
    const token *row[CF_TEMPLATE_MAX_COLUMNS];
    for (size_t c = 0; c < rd->column_count; c++)
        row[c] = split_value(rs, &printed_split, r, c);
    char printed[256];
    print_values(ex, row, rd->column_count, printed);
    const cf_rule_def *rule = rs->balance[rd->first_cell - rs->t->first_cell];
    cf_buf moved;
    cf_buf_init(&moved);
    bool ok = true;
    for (size_t c = 0; c < rd->column_count && ok; c++) {
        const token *tk = split_value(rs, s, r, c);
        if (s->order[c] != c)
            ok = (!moved.len || cf_buf_puts(&moved, _(", "))) &&
                 cf_buf_printf(&moved, "%s %.*s", rs->t->columns[rd->columns[c]].short_label,
                               (int)(tk->byte_end - tk->byte_start), cf_text_data(ex->text) + tk->byte_start);
    }
    ok = ok ? warn(ex, line, (long)rd->first_cell,
                   _("%s %s: as printed (%s) it breaks %s = %s in some columns; only one other order of its cells "
                     "makes every column hold, so its cells were taken in that order from the column sums (%s), "
                     "check the row"),
                   rs->t->number, rd->short_label, printed, rule->left_text, rule->right_text, moved.data)
            : oom(ex);
    cf_buf_release(&moved);
    return ok;
}

/* ---------- two rows printed interleaved ---------- */

#define PAIR_STEPS_MAX 20000 /* orders of a pair's cells tried: two rows of 7 cells have 429 */

/* Two rows of m cells whose values, vals[at, at + 2m), come in an order of the text's own: pdfminer
 * prints the first cells of both rows, then their other cells a column or two at a time ("119 303
 * 358 237 · 142 347 228 259 · 44 15 · 27 1088 · 308 1299"). Each row's cells stand in column order,
 * and each cell of the second row after the same cell of the first: every such order is tried, and
 * the assignments of the values under which both rows' totals hold are counted, as far as two. */
typedef struct {
    const cf_template *tpl;
    const cf_row_def *rows; /* the pair's first row; the second follows it */
    const token *const *vals;
    size_t at, m, steps;
    size_t in_order[CF_TEMPLATE_MAX_COLUMNS]; /* cell c holds cur[r][c] */
    const token *cur[2][CF_TEMPLATE_MAX_COLUMNS];
    const token *found[2][CF_TEMPLATE_MAX_COLUMNS];
    size_t solutions;
} pair_search;

/* Does row k of the pair hold, and could it be checked, with the values placed so far? */
static bool pair_row_holds(const pair_search *ps, size_t k)
{
    bool checked;
    return row_holds_in(ps->tpl, &ps->rows[k], ps->cur[k], ps->in_order, &checked) && checked;
}

/* Do the two assignments give every cell the same value? (zeros in another order are one reading) */
static bool pair_same(const pair_search *ps)
{
    for (size_t r = 0; r < 2; r++)
        for (size_t c = 0; c < ps->m; c++)
            if (cf_decimal_cmp(ps->cur[r][c]->value, ps->found[r][c]->value) != 0)
                return false;
    return true;
}

/* Place the next value in the first row's cell `first` or the second's `second`, every way the
 * order allows. */
static void pair_orders(pair_search *ps, size_t first, size_t second)
{
    if (ps->solutions > 1 || ++ps->steps > PAIR_STEPS_MAX)
        return;
    size_t m = ps->m;
    if (second == m) {
        if (!pair_row_holds(ps, 1) || (ps->solutions && pair_same(ps)))
            return;
        if (ps->solutions++ == 0)
            memcpy(ps->found, ps->cur, sizeof ps->found);
        return;
    }
    const token *next = ps->vals[ps->at + first + second];
    if (first < m) {
        ps->cur[0][first] = next;
        if (first + 1 < m || pair_row_holds(ps, 0))
            pair_orders(ps, first + 1, second);
    }
    if (second < first) {
        ps->cur[1][second] = next;
        pair_orders(ps, first, second + 1);
    }
}

/* Rows r and r + 1 of split s, placed by it (neither read by the labels, nor blank, nor reordered,
 * no cell disputed) with a total broken, whose values are one run of the text's: when exactly one
 * interleaving of that run makes both totals hold, its values into out[0] and out[1]. */
static bool interleaved_pair(const row_search *rs, const row_split *s, size_t r, const bool *keep,
                             const token *out[2][CF_TEMPLATE_MAX_COLUMNS])
{
    const cf_table_def *t = rs->t;
    size_t m = t->rows[r].column_count;
    if (r + 1 >= t->row_count || keep[r] || keep[r + 1] || t->rows[r + 1].column_count != m || m < 2 ||
        s->blank[r] || s->blank[r + 1] || s->reordered == r + 1 || s->reordered == r + 2 ||
        (s->holds[r] && s->holds[r + 1]) || (rs->group_members && (r == rs->group_row || r + 1 == rs->group_row)))
        return false;
    size_t low = rs->n, high = 0;
    for (size_t k = 0; k < 2; k++)
        for (size_t c = 0; c < m; c++) {
            if (rs->differs[t->rows[r + k].first_cell - t->first_cell + c])
                return false;
            const token *tk = split_value(rs, s, r + k, c);
            size_t i = 0;
            while (i < rs->n && rs->vals[i] != tk)
                i++;
            low = i < low ? i : low;
            high = i > high ? i : high;
        }
    if (high >= rs->n || high - low + 1 != 2 * m) /* the rows' cells are each a value of the run */
        return false;
    pair_search ps = {.tpl = rs->tpl, .rows = &t->rows[r], .vals = rs->vals, .at = low, .m = m};
    for (size_t c = 0; c < m; c++)
        ps.in_order[c] = c;
    pair_orders(&ps, 0, 0);
    if (ps.solutions != 1 || ps.steps > PAIR_STEPS_MAX)
        return false;
    memcpy(out, ps.found, sizeof ps.found);
    return true;
}

/* Raw PDF text prints a table with its row names apart from their values (after them, or after the
 * whole table), the cells of two rows on one line, and a row's total (or its last cells) later in
 * the table, among other rows. When the label reading left cells missing or guessed, and the region
 * holds exactly one value a cell (no blanks shown), the rows are the unit: the values in printed
 * order make the rows in the template's order, each row as printed when its total holds, else with
 * its last cells taken from later in the table when its total holds so (split_rows). The one split
 * under which the most rows hold is read, when it is the only one, most rows hold, and it agrees with
 * every cell the labels read directly; rows the labels read stay theirs (from `mark` on only their
 * warnings stay), every other row is inferred with a warning saying how it was placed (or in which
 * column order, when the balance read it in another than printed: balance_order). */
static bool extract_rows_drawn(extractor *ex, size_t table, const token_stream *ts, size_t mark, size_t more_first,
                               size_t more_end)
{
    const cf_template *tpl = ex->report->tpl;
    const cf_table_def *t = cf_template_table(tpl, table);
    cf_cell *cells = ex->report->cells;
    if (t->flat || t->row_count == 0 || t->row_count > ROWS_MAX || t->cell_count > DRAWN_MAX_VALUES)
        return true;
    /* the region's tokens first: they settle most regions at less cost than the template's rules */
    size_t n = 0;
    for (size_t i = 0; i < ts->count; i++) {
        const token *tk = &ts->items[i];
        if (tk->kind == CF_ITEM_EMPTY || (tk->kind != CF_ITEM_TEXT && (tk->field >= 0 || tk->grid)))
            return true; /* blanks shown, fields or a grid: the columns are in the text, not drawn */
        n += tk->kind != CF_ITEM_TEXT;
    }
    /* a 2021 table printing a group of rows as one row (the 2019 format's （六）其他处理): when the
     * values are that many short, the group is one row of the split */
    size_t group_row = 0, members = 0, want = t->cell_count;
    for (size_t r = 0; r < t->row_count && !members; r++) {
        size_t m = group_members(t, r, t->rows[r].column_count);
        if (m > 1 && n + (m - 1) * t->rows[r].column_count == t->cell_count) {
            group_row = r;
            members = m;
        }
    }
    /* values more than the cells, or fewer by more than a page break's tail or the blanks a split
     * places hold, and no group: no split can take them */
    if (!members && (n > want || want - n > ROWS_BLANKS_MAX))
        return true;
    bool unsure = false;
    for (size_t r = 0; r < t->row_count; r++) {
        const cf_row_def *rd = &t->rows[r];
        if (rd->column_count < 2 || rd->column_count > CF_TEMPLATE_MAX_COLUMNS || !total_is_last_sum(tpl, rd))
            return true; /* every row's total, last, is the witness */
        for (size_t c = 0; c < rd->column_count && !read_as_one(t, cells, r); c++)
            unsure |= cells[rd->first_cell + c].state == CF_CELL_MISSING || cells[rd->first_cell + c].inferred;
    }
    if (!unsure)
        return true;
    const cf_table_def *whole = t;
    cf_table_def grouped;
    cf_row_def grouped_rows[ROWS_MAX];
    if (members) {
        grouped = *t; /* its cell_count stays the whole table's: the range of its cells */
        grouped.rows = grouped_rows;
        grouped.row_count = t->row_count - (members - 1);
        for (size_t r = 0, k = 0; r < t->row_count; r++)
            if (r <= group_row || r >= group_row + members)
                grouped_rows[k++] = t->rows[r];
        t = &grouped;
        want = n;
    }
    token_stream spare = {0};
    const token_stream *more = &spare;
    size_t later = 0; /* values taken from past the next part's heading */
    bool ok = true;
    if (!members && n < t->cell_count && t->cell_count - n <= ROWS_APART_MAX && more_end > more_first) {
        more = region_tokens(ex, more_first, more_end, &spare);
        ok = more != NULL;
        later = ok ? next_page_values(more, t->cell_count - n) : 0;
    }
    row_search *rs = NULL;
    const token **vals = NULL;
    dead_states *dead = NULL;
    size_t blanks = want - n - later; /* cells that printed nothing, when no page break's tail fills them */
    if (ok) {
        rs = cf_calloc(1, sizeof *rs);
        vals = cf_malloc(want * sizeof *vals);
        dead = cf_malloc(sizeof *dead);
        ok = (rs && vals && dead) || oom(ex);
    }
    if (!rs || !vals || !dead) {
        cf_free(rs);
        cf_free(vals);
        cf_free(dead);
        stream_release(&spare);
        return ok;
    }
    bool named[DRAWN_MAX_VALUES] = {0}; /* the page's values past the heading stand alone: never named */
    for (size_t i = 0, k = 0; i < ts->count; i++)
        if (ts->items[i].kind != CF_ITEM_TEXT) {
            named[k] = beside_words(ts, i);
            vals[k++] = &ts->items[i];
        }
    for (size_t i = 0, k = n; k < n + later; i++)
        if (more->items[i].kind != CF_ITEM_TEXT)
            vals[k++] = &more->items[i];
    n += later;
    token blank = {.kind = CF_ITEM_EMPTY};
    /* blanks that print nothing are the split's to place only in text of a cell or two a line (raw
     * PDF text): where a row's values share its line (pdftotext -layout), their places show its
     * blanks, and most values stand three or more to a line */
    size_t crowded = 0;
    for (size_t i = 0, j; i < n && blanks; i = j) {
        for (j = i + 1; j < n && vals[j]->line == vals[i]->line; j++)
            ;
        crowded += j - i >= 3 ? j - i : 0;
    }
    unsigned char *rule_column = NULL;
    if (blanks && crowded * 2 < n)
        rule_column = cf_malloc(cf_template_rule_count(tpl) + 1);
    if (blanks && !rule_column) {
        ok = crowded * 2 >= n || oom(ex);
        cf_free(rs);
        cf_free(vals);
        cf_free(dead);
        stream_release(&spare);
        return ok;
    }
    if (rule_column)
        rule_columns(tpl, table, t, rule_column);
    /* the splits with every row holding, then those with one row broken, and so on: the first found
     * are the best, and each round looks only at as many broken rows as it allows */
    size_t steps = 0;
    const cf_rule_def *balance[DRAWN_MAX_VALUES];
    balance_rules(tpl, t, balance);
    value_place places[DRAWN_MAX_VALUES];
    size_t nplaces = value_places(vals, n, places);
    row_fits fits = {0};
    for (size_t broken = 0; broken * 8 <= t->row_count && !rs->found && !rs->over; broken++) {
        *rs = (row_search){.tpl = tpl, .t = t, .table = table, .members = &whole->rows[group_row],
                           .group_row = group_row, .group_members = members, .vals = vals, .n = n, .named = named,
                           .places = places, .nplaces = nplaces, .cells = cells, .balance = balance,
                           .blank = &blank, .blanks = blanks, .blanks_left = blanks,
                           .rule_column = rule_column,
                           .min_holds = t->row_count - broken, .steps = steps, .dead = dead, .fits = &fits};
        dead->count = 0;
        if (!broken)
            rows_fit(rs);
        split_rows(rs, 0, 0, 0, 0, 0, 0);
        steps = rs->steps;
    }
    /* a tie leaves the cells it cannot tell empty (a group printed as one row is read whole or not) */
    bool read = rs->found && !rs->over && !(rs->tie && members);
    bool keep[ROWS_MAX]; /* rows the labels read directly, with no warning on them */
    bool placed[ROWS_MAX] = {0}; /* rows the split placed whose totals hold: warned together */
    for (size_t r = 0; r < t->row_count; r++)
        keep[r] = true;
    for (size_t w = mark; w < ex->report->warning_count; w++)
        for (size_t r = 0; r < t->row_count; r++) {
            long cell = ex->report->warnings[w].cell;
            keep[r] &= !(cell >= (long)t->rows[r].first_cell &&
                         cell < (long)(t->rows[r].first_cell + t->rows[r].column_count));
        }
    for (size_t r = 0; read && r < t->row_count; r++) {
        const cf_row_def *rd = &t->rows[r];
        if (!keep[r])
            continue;
        for (size_t c = 0; c < rd->column_count && read; c++) {
            const cf_cell *cell = &cells[rd->first_cell + c];
            const token *tk = split_value(rs, &rs->best, r, c);
            bool direct = cell->state != CF_CELL_MISSING && !cell->inferred;
            keep[r] &= direct;
            /* a cell the labels read where it stands must be the split's too */
            read = !direct || (!rs->differs[rd->first_cell - t->first_cell + c] &&
                               cell->byte_start == tk->byte_start && cell->byte_end == tk->byte_end);
        }
    }
    if (read)
        drop_warnings(ex->report, mark); /* the labels' warnings: on rows read again or values now placed */
    /* two rows of the split, one broken, whose values one interleaving of their run makes both hold */
    unsigned char pair_side[ROWS_MAX] = {0}; /* 1: a pair's first row, 2: its second */
    const token *(*pair_cells)[2][CF_TEMPLATE_MAX_COLUMNS] = NULL; /* by a pair's first row */
    for (size_t r = 0; read && ok && r + 1 < t->row_count; r++) {
        const token *found[2][CF_TEMPLATE_MAX_COLUMNS];
        if (!interleaved_pair(rs, &rs->best, r, keep, found))
            continue;
        if (!pair_cells && !(pair_cells = cf_calloc(t->row_count, sizeof *pair_cells))) {
            ok = oom(ex);
            break;
        }
        memcpy(pair_cells[r], found, sizeof found);
        pair_side[r] = 1;
        pair_side[r + 1] = 2;
        r++;
    }
    for (size_t r = 0; read && ok && r < t->row_count; r++) {
        if (keep[r])
            continue;
        const cf_row_def *rd = &t->rows[r];
        const row_split *s = &rs->best;
        size_t first_line = vals[s->start[r]]->line + 1;
        forget_row(ex->report, rd);
        if (members && r == group_row) {
            const token *row[CF_TEMPLATE_MAX_COLUMNS];
            for (size_t c = 0; c < rd->column_count; c++)
                row[c] = split_value(rs, s, r, c);
            for (size_t m = 1; m < members; m++)
                forget_row(ex->report, &whole->rows[group_row + m]);
            ok = read_as_group(ex, whole, &whole->rows[group_row], members, row, rd->column_count, first_line);
            continue;
        }
        size_t open = 0; /* cells the best splits disagree on: left missing */
        /* a row whose blanks no placement fits (the table's sums break wherever they go) is left empty */
        bool unplaced = s->blank[r] && best_breaks(rs);
        for (size_t c = 0; ok && c < rd->column_count; c++) {
            const token *tk = pair_side[r] ? pair_cells[r + 1 - pair_side[r]][pair_side[r] - 1][c]
                                           : split_value(rs, s, r, c);
            if (unplaced || rs->differs[rd->first_cell - t->first_cell + c])
                open++;
            else
                ok = fill_cell(ex, rd->first_cell + c, tk == rs->blank ? NULL : tk, true,
                               tk == rs->blank ? first_line : tk->line + 1);
        }
        if (!ok)
            break;
        if (s->blank[r])
            ok = warn_blanks(ex, rs, r, first_line, open);
        else if (open)
            ok = warn(ex, first_line, (long)rd->first_cell,
                      P_("%s %s: its values stand apart from its name (PDF text in drawing order) and were taken "
                         "as its by their place among the table's rows; %zu cell could be either of two values "
                         "printed apart, so it is left empty, check the row",
                         "%s %s: its values stand apart from its name (PDF text in drawing order) and were taken "
                         "as its by their place among the table's rows; %zu cells could each be another value "
                         "printed apart, so they are left empty, check the row",
                         open),
                      t->number, rd->short_label, open);
        bool reordered = s->reordered == r + 1;
        if (ok && reordered)
            ok = warn_reordered(ex, rs, r, first_line);
        if (ok && pair_side[r])
            ok = warn(ex, first_line, (long)rd->first_cell,
                      _("%s %s: its values and those of %s stand apart from their names, the two rows' cells "
                        "printed in an order of the text's own (PDF text: the first cells of both rows, then "
                        "the others a column or two at a time); read in the one order under which both rows' "
                        "totals hold, check the rows"),
                      t->number, rd->short_label, t->rows[pair_side[r] == 1 ? r + 1 : r - 1].short_label);
        if (ok && !open && !reordered && !pair_side[r] && !s->holds[r])
            ok = warn(ex, first_line, (long)rd->first_cell,
                      _("%s %s: its values stand apart from its name (PDF text in drawing order) and were taken "
                        "as its by their place among the table's rows; its total does not hold, so the report or "
                        "this placement is wrong, check the row"),
                      t->number, rd->short_label);
        placed[r] = !open && !reordered && !pair_side[r] && s->holds[r] && !s->blank[r];
    }
    cf_free(pair_cells);
    if (read && ok)
        ok = warn_placed_rows(ex, rs, placed);
    if (read && ok && later)
        ok = warn(ex, vals[n - later]->line + 1, -1,
                  P_("%s: the table goes on past the heading of the next part (a page break): %zu value printed "
                     "there (line %zu) was taken as the table's last, where its rows' totals hold, check the "
                     "table's last rows",
                     "%s: the table goes on past the heading of the next part (a page break): %zu values printed "
                     "there (from line %zu) were taken as the table's last, where its rows' totals hold, check "
                     "the table's last rows",
                     later),
                  t->number, later, vals[n - later]->line + 1);
    cf_free(rs);
    cf_free(dead);
    cf_free(rule_column);
    cf_free(vals);
    stream_release(&spare);
    return ok;
}

/* A 2021 table printing a group of rows as one row, as the 2019 format does ("（六）其他处理 0 0 0 0 0 0 0"
 * where 1.申请人无正当理由… 2.申请人逾期… 3.其他 belong): the group whose heading ends the words before
 * the run, none of its rows read yet, one value a column. Printed all zeros, the group's count is zero,
 * so each row under it is 0 (inferred: the report never printed them); otherwise the rows stay missing.
 * Either way a warning says so, with the printed values. *used: the run was such a row. */
static bool read_group_row(extractor *ex, size_t table, const char *keys, size_t seg_start, size_t seg_end,
                           const token *run, size_t n, size_t label_line, bool *taken, size_t *got, bool *used)
{
    const cf_table_def *t = cf_template_table(ex->report->tpl, table);
    *used = false;
    const cf_row_def *first = NULL;
    for (size_t r = 0; r < t->row_count && !first; r++) {
        const char *g = t->rows[r].group_key;
        size_t gl = g ? strlen(g) : 0;
        if (gl && seg_end - seg_start >= gl && memcmp(keys + seg_end - gl, g, gl) == 0)
            first = &t->rows[r];
    }
    while (n > 0 && run[n - 1].kind == CF_ITEM_EMPTY) /* the next line's leading tab */
        n--;
    while (n > 0 && run[0].kind == CF_ITEM_EMPTY)
        run++, n--;
    if (!first || n != first->column_count || count_filled(run, n) != n)
        return true;
    size_t r0 = (size_t)(first - t->rows);
    size_t members = group_members(t, r0, n);
    if (members < 2 || r0 + members > 128 || n > CF_TEMPLATE_MAX_COLUMNS)
        return true; /* a group of one row is that row: its label reads it */
    const token *vals[CF_TEMPLATE_MAX_COLUMNS];
    for (size_t i = 0; i < n; i++)
        vals[i] = &run[i];
    for (size_t m = 0; m < members; m++)
        if (taken[r0 + m])
            return true;
    bool zeros = all_zeros(vals, n);
    *used = true;
    for (size_t m = 0; m < members; m++) {
        taken[r0 + m] = true;
        got[r0 + m] = zeros ? n : 0;
    }
    return read_as_group(ex, t, first, members, vals, n, label_line);
}

/* A run of values under no row label: token indexes [start, end) of the region's stream. */
typedef struct {
    size_t start, end;
    bool placed;
} loose_run;

#define MAX_LOOSE_RUNS 64

/* Rows printed without their names between two rows read by name ("anchors": the official order holds
 * between them): the loose runs standing between the anchors' runs in the text take the rows between
 * the anchors in the form that got no values, in order, when the counts agree — one run a row, or one
 * run of k rows' values split by the rows' column counts. Each row so read is inferred and warned on.
 * taken_at[r] is where row r's values start in the stream (for rows taken). */
static bool place_loose_runs(extractor *ex, size_t table, const token_stream *ts, loose_run *loose, size_t nloose,
                             const bool *taken, const size_t *taken_at)
{
    const cf_table_def *t = cf_template_table(ex->report->tpl, table);
    size_t rows = t->row_count < 128 ? t->row_count : 128;
    for (size_t u = 0; u < nloose; u++) {
        if (loose[u].placed)
            continue;
        /* the anchors: the rows read just before and just after the run */
        long prev = -1, next = -1;
        for (size_t r = 0; r < rows; r++) {
            if (!taken[r])
                continue;
            if (taken_at[r] < loose[u].start && (prev < 0 || taken_at[r] > taken_at[prev]))
                prev = (long)r;
            if (taken_at[r] >= loose[u].end && (next < 0 || taken_at[r] < taken_at[next]))
                next = (long)r;
        }
        if (prev < 0 || next < 0 || next <= prev + 1)
            continue;
        size_t want = 0, missing = 0;
        bool in_order = true;
        for (long r = prev + 1; r < next; r++) {
            in_order &= !taken[r];
            want += t->rows[r].column_count;
            missing++;
        }
        /* the loose runs between the same two anchors, and their values */
        size_t last = u, filled = 0, runs = 0;
        bool one_row_each = true;
        for (size_t v = u; v < nloose && loose[v].end <= taken_at[next]; v++) {
            const token *run = &ts->items[loose[v].start];
            size_t n = loose[v].end - loose[v].start;
            size_t row = (size_t)prev + 1 + runs;
            one_row_each &= row < (size_t)next && count_filled(run, n) == n && n == t->rows[row].column_count;
            filled += count_filled(run, n);
            runs++;
            last = v;
        }
        if (!in_order || filled != want || (runs > 1 && (!one_row_each || runs != missing)))
            continue;
        for (size_t v = u; v <= last; v++)
            loose[v].placed = true;
        /* hand the values out row by row, each row as many values as it has columns */
        size_t v = u, at = loose[u].start;
        for (long r = prev + 1; r < next; r++) {
            const cf_row_def *rd = &t->rows[r];
            size_t from = at, count = 0;
            while (count < rd->column_count) {
                if (at == loose[v].end)
                    from = at = loose[++v].start;
                count += ts->items[at].kind != CF_ITEM_EMPTY;
                at++;
            }
            if (!assign_row(ex, table, (size_t)r, &ts->items[from], at - from, ts->items[from].line + 1) ||
                !flag_row_guess(ex, t, rd, &t->rows[prev], &t->rows[next],
                                _("%s %s: its values stand with no row name between the rows %s and %s, whose "
                                  "names are printed; the rows of the form between those two had no values, so "
                                  "these were taken as theirs in order, check the row")))
                return false;
        }
    }
    return true;
}

/* Values shared out among the rows of labels[0..nlabels) (bounds: each row's share as printed) read
 * instead in blocks of consecutive rows, each block column by column (raw pdftotext of a PDF printed
 * by Chromium: a column's cells for the rows of a block, then the next column's), when exactly one
 * split into blocks makes every row's own sum hold, each checked. Those rows are read so, inferred,
 * with a warning on each row of a block of several; *read: they were. False when memory runs out. */
static bool read_column_blocks(extractor *ex, size_t table, const token_stream *ts, size_t seg_first, size_t at,
                               const label_match *labels, size_t nlabels, const token *run, const size_t *bounds,
                               bool *read)
{
    const cf_template *tpl = ex->report->tpl;
    const cf_table_def *t = cf_template_table(tpl, table);
    size_t ways[33] = {1}, start[33] = {0}; /* splits of the first k rows (2: more than one), the last block's start */
    *read = false;
    for (size_t k = 1; k <= nlabels; k++)
        for (size_t i = 0; i < k; i++) {
            size_t m = k - i, cols = t->rows[labels[i].row].column_count;
            bool holds = ways[i] > 0 && cols <= CF_TEMPLATE_MAX_COLUMNS;
            for (size_t a = 0; a < m && holds; a++) {
                const cf_row_def *rd = &t->rows[labels[i + a].row];
                const token *vals[CF_TEMPLATE_MAX_COLUMNS];
                size_t order[CF_TEMPLATE_MAX_COLUMNS];
                bool checked = false;
                holds = rd->column_count == cols;
                for (size_t c = 0; c < cols && holds; c++) {
                    vals[c] = &run[bounds[i] + c * m + a];
                    order[c] = c;
                }
                holds = holds && row_holds_in(tpl, rd, vals, order, &checked) && checked;
            }
            if (holds) {
                ways[k] = ways[k] + ways[i] > 2 ? 2 : ways[k] + ways[i];
                start[k] = i;
            }
        }
    if (ways[nlabels] != 1)
        return true;
    for (size_t k = nlabels; k > 0; k = start[k]) {
        size_t i = start[k], m = k - i, cols = t->rows[labels[i].row].column_count;
        for (size_t a = 0; a < m; a++) {
            const cf_row_def *rd = &t->rows[labels[i + a].row];
            token row[CF_TEMPLATE_MAX_COLUMNS];
            for (size_t c = 0; c < cols; c++)
                row[c] = run[bounds[i] + c * m + a];
            forget_row(ex->report, rd);
            if (!assign_row(ex, table, labels[i + a].row, row, cols, line_of_key(ts, seg_first, at, labels[i + a].start)) ||
                (m > 1 && !flag_row_guess(ex, t, rd, &t->rows[labels[i].row], &t->rows[labels[k - 1].row],
                                          _("%s %s: its values were printed column by column with those of the rows "
                                            "%s … %s (PDF text); read so, every row's own sum holds, and under no "
                                            "other split of the rows into such blocks, check the row"))))
                return false;
        }
    }
    *read = true;
    return true;
}

/* Leave the rows of labels[0..nlabels) unread (missing) and warn once with message (a format taking
 * the table's number, the first and last rows' names, the values and the cells), values printed for
 * them. False when memory runs out. */
static bool leave_rows_unread(extractor *ex, size_t table, const token_stream *ts, size_t seg_first, size_t at,
                              const label_match *labels, size_t nlabels, bool *taken, size_t *got,
                              const char *message, size_t values)
{
    const cf_table_def *t = cf_template_table(ex->report->tpl, table);
    size_t want = 0;
    for (size_t l = 0; l < nlabels; l++) {
        const cf_row_def *rd = &t->rows[labels[l].row];
        if (taken[labels[l].row])
            forget_row(ex->report, rd);
        taken[labels[l].row] = true;
        got[labels[l].row] = 0;
        want += rd->column_count;
        size_t label_line = line_of_key(ts, seg_first, at, labels[l].start);
        for (size_t c = 0; c < rd->column_count; c++)
            if (!fill_cell(ex, rd->first_cell + c, NULL, true, label_line))
                return false;
    }
    /* (tied to no one cell: reading one of these rows again later must not take it away) */
    return warn(ex, ts->items[at].line + 1, -1, message, t->number, t->rows[labels[0].row].short_label,
                t->rows[labels[nlabels - 1].row].short_label, values, want);
}

/* Rows of the form between two of labels[0..*nlabels) whose own names were not found (raw PDF text
 * can break a name with another cell's words), taken in where the values printed run[0..n) fill the
 * named rows and those exactly, with no blank, and the named rows alone do not: each marked in added
 * and given the next name's place. Returns how many were taken in. */
static size_t add_unnamed_rows(const cf_table_def *t, const bool *taken, const token *run, size_t n,
                               label_match *labels, size_t *nlabels, bool *added)
{
    size_t want = 0, more = 0, count = 0;
    for (size_t l = 0; l < *nlabels; l++) {
        want += t->rows[labels[l].row].column_count;
        for (size_t r = labels[l].row + 1; l + 1 < *nlabels && r < labels[l + 1].row; r++)
            if (!taken[r]) {
                more += t->rows[r].column_count;
                count++;
            }
    }
    if (*nlabels < 2 || count == 0 || *nlabels + count > 32 || count_filled(run, n) != n || n != want + more)
        return 0;
    label_match all[32];
    size_t k = 0;
    for (size_t l = 0; l < *nlabels; l++) {
        added[k] = false;
        all[k++] = labels[l];
        for (size_t r = labels[l].row + 1; l + 1 < *nlabels && r < labels[l + 1].row; r++)
            if (!taken[r]) {
                added[k] = true;
                all[k] = labels[l + 1];
                all[k++].row = r;
            }
    }
    memcpy(labels, all, k * sizeof *all);
    *nlabels = k;
    return count;
}

/* The columns' names of t (64 at most) as matching keys, into names (initialised here; the caller
 * releases it): [2c] the label, [2c+1] the short label, each from names->data + at[k] to at[k + 1]
 * (at: 2 × columns + 1 entries). False when memory runs out, names then released. */
static bool column_keys(const cf_table_def *t, cf_buf *names, size_t *at)
{
    cf_buf_init(names);
    for (size_t c = 0; c < t->column_count; c++) {
        const char *both[2] = {t->columns[c].label, t->columns[c].short_label};
        for (size_t n = 0; n < 2; n++) {
            at[2 * c + n] = names->len;
            if (!cf_compact_append(names, both[n], strlen(both[n]))) {
                cf_buf_release(names);
                return false;
            }
        }
    }
    at[2 * t->column_count] = names->len;
    return true;
}

/* How many columns from c on the words keys[from, to) name, one after another, each by its label or
 * short label (names, at: column_keys) and nothing else; 0 when they are other words. */
static size_t heading_columns(const cf_table_def *t, const cf_buf *names, const size_t *at, const char *keys,
                              size_t from, size_t to, size_t c)
{
    size_t first = c;
    while (from < to && c < t->column_count) {
        size_t before = from;
        for (size_t n = 0; n < 2 && from == before; n++) {
            size_t kl = at[2 * c + n + 1] - at[2 * c + n];
            if (kl && kl <= to - from && memcmp(keys + from, names->data + at[2 * c + n], kl) == 0)
                from += kl;
        }
        if (from == before)
            return 0;
        c++;
    }
    return from == to ? c - first : 0;
}

#define BAND_MAX_PIECES CF_TEMPLATE_MAX_COLUMNS
#define BAND_MAX_ORDERS 8 /* blocks whose order (row by row or column by column) the sums must tell */
#define BAND_MAX_ROWS 32
#define BAND_MAX_BLANKS 2       /* cells of a band printed as nothing, placed by the rows' sums */
#define BAND_MAX_READINGS 4096 /* readings weighed at most, blanks' places times the blocks' orders */

/* A run of values printed after the headings of columns [from, to) ([0, to) for the first). */
typedef struct {
    size_t start, end, from, to;
} band_piece;

/* The rows printed in blocks under the column headings, and the readings of their values. */
typedef struct {
    const cf_template *tpl;
    const cf_table_def *t;
    const token_stream *ts;
    const label_match *labels;
    size_t rows, columns, want, values; /* want: the rows' cells; values: as many as the runs hold */
    band_piece pieces[BAND_MAX_PIECES];
    size_t npieces;
    size_t best, kept; /* the fewest rows a reading breaks, and how many readings break that few */
} band_reading;

/* Of the readings kept (band_weigh): the values of the first, cell by cell (row × columns + column),
 * and whether all of them agree there. Apart from band_reading, and set only by the first reading
 * kept: most runs looked at are no band, and zeroing these 9 kB for each of them was wasted. */
typedef struct {
    const token *pick[BAND_MAX_ROWS * CF_TEMPLATE_MAX_COLUMNS];
    bool agree[BAND_MAX_ROWS * CF_TEMPLATE_MAX_COLUMNS];
} band_agreement;

/* Do the runs hold the values of a band of k rows, each run its columns' (fewer, cells printed as
 * nothing, when the band is every row), and of the one row after them (when k < rows) the columns
 * announced so far it lacks? *blocks: runs of several rows and columns, which may run either way. */
static bool band_fits(const band_reading *br, size_t k, size_t *blocks)
{
    size_t apart_to = 0; /* the columns the row apart has values for so far */
    *blocks = 0;
    for (size_t p = 0; p < br->npieces; p++) {
        const band_piece *pc = &br->pieces[p];
        size_t n = pc->end - pc->start, w = pc->to - pc->from;
        if ((n < k * w && k < br->rows) || (n > k * w && (k == br->rows || n - k * w != pc->to - apart_to)))
            return false;
        apart_to = n > k * w ? pc->to : apart_to;
        *blocks += k > 1 && w > 1;
    }
    return (k == br->rows || apart_to == br->columns) && *blocks <= BAND_MAX_ORDERS;
}

/* The value of each cell (row × columns + column) for a band of k rows under orders (bit b: block b
 * runs column by column), the cells printed in the places blank[0..nblank) counted over all runs
 * left blank (NULL), the row apart (row k) taking the values after the band's in each run. False
 * when a run's blanks are not as many as the values it lacks. */
static bool band_cells(const band_reading *br, size_t k, unsigned orders, const size_t *blank, size_t nblank,
                       const token **cells)
{
    size_t block = 0, apart_done = 0, place = 0;
    for (size_t p = 0; p < br->npieces; p++) {
        const band_piece *pc = &br->pieces[p];
        size_t w = pc->to - pc->from, v = pc->start;
        bool by_column = k > 1 && w > 1 && (orders >> block++ & 1u);
        for (size_t printed = 0; printed < k * w; printed++, place++) {
            size_t r = by_column ? printed % k : printed / w, c = by_column ? printed / k : printed % w;
            bool is_blank = (nblank > 0 && blank[0] == place) || (nblank > 1 && blank[1] == place);
            if (!is_blank && v == pc->end)
                return false;
            cells[r * br->columns + pc->from + c] = is_blank ? NULL : &br->ts->items[v++];
        }
        if (k == br->rows && v != pc->end)
            return false;
        for (; v < pc->end; v++)
            cells[k * br->columns + apart_done++] = &br->ts->items[v];
    }
    return true;
}

/* Weigh one reading: how many rows' own sums it breaks or leaves unproven (a row with a blank cell,
 * or that no sum checks); the readings with the fewest, at most one more than the blanks, are kept
 * and their cells compared in ba. */
static void band_weigh(band_reading *br, band_agreement *ba, const token *const *cells)
{
    size_t order[CF_TEMPLATE_MAX_COLUMNS], broken = 0;
    for (size_t c = 0; c < br->columns; c++)
        order[c] = c;
    for (size_t l = 0; l < br->rows; l++) {
        bool checked = false, blank = false;
        for (size_t c = 0; c < br->columns; c++)
            blank |= !cells[l * br->columns + c];
        broken += blank || !row_holds_in(br->tpl, &br->t->rows[br->labels[l].row], &cells[l * br->columns], order,
                                         &checked) ||
                  !checked;
    }
    if (broken > br->best)
        return;
    if (broken < br->best)
        br->kept = 0;
    br->best = broken;
    for (size_t x = 0; x < br->rows * br->columns; x++) {
        const token *was = br->kept == 0 ? cells[x] : ba->pick[x];
        bool same = was == cells[x] || (was && cells[x] && was->kind == cells[x]->kind &&
                                        cf_decimal_cmp(was->value, cells[x]->value) == 0);
        ba->agree[x] = br->kept == 0 || (ba->agree[x] && same);
        ba->pick[x] = was;
    }
    br->kept++;
}

/* The runs from [i, end) on, the first under the columns [from, to) (to 0: those before the first the
 * next headings name), each later one after the headings of its columns (names, at: column_keys):
 * the next columns', or with any_column any columns', until their values are as many as the rows'
 * cells or other words come; br->values: how many they hold. True when there are runs after the
 * first. */
static bool band_pieces(band_reading *br, size_t i, size_t end, const cf_buf *names, const size_t *at, size_t from,
                        size_t to, bool any_column)
{
    const token_stream *ts = br->ts;
    const char *keys = ts->keys.data ? ts->keys.data : "";
    size_t values = 0, start = i;
    br->npieces = 0;
    while (br->npieces < BAND_MAX_PIECES && count_filled(&ts->items[start], end - start) == end - start) {
        band_piece *pc = &br->pieces[br->npieces++];
        *pc = (band_piece){start, end, from, to};
        values += end - start;
        start = end;
        end = value_run(ts, &start);
        if (values >= br->want || start == end)
            break;
        size_t key_from = ts->items[pc->end].key_start, key_to = ts->items[start - 1].key_end, named = 0;
        bool anywhere = any_column || pc->to == 0; /* where the next headings start is not known */
        from = any_column ? 0 : pc->to == 0 ? 1 : pc->to;
        while (from < br->columns && !(named = heading_columns(br->t, names, at, keys, key_from, key_to, from)) &&
               anywhere)
            from++;
        if (!named)
            break;
        pc->to = pc->to == 0 ? from : pc->to;
        to = from + named;
    }
    br->values = values;
    return br->npieces > 1;
}

/* Values of the rows of labels[0..nlabels) printed in blocks under the column headings (raw
 * pdftotext of a PDF printed by Chromium: "2 0 0 0 0 0 0 0 2 0 0 0 | 法律服务机构 0 0 0 | 其他 总计
 * 0 0 0 2 0 2"): the run [i, *j) holds the first columns' values of the first rows, each later run
 * follows the headings of the next columns and holds their values for those rows, then those of the
 * last row (a tall name's, printed apart) for the columns announced so far that it lacks. A block of
 * several rows and columns runs row by row or column by column. Of the readings, those under which
 * the fewest rows break their own sums (one at most) are kept, and a cell is read where they all
 * agree, else left unread; the rows are inferred, each with a warning. *j moves past the runs read;
 * *read: they were. False when memory runs out. */
static bool read_heading_bands(extractor *ex, size_t table, const token_stream *ts, size_t seg_first, size_t i,
                               size_t *j, const label_match *labels, size_t nlabels, bool *taken, size_t *got,
                               bool *read)
{
    const cf_template *tpl = ex->report->tpl;
    const cf_table_def *t = cf_template_table(tpl, table);
    *read = false;
    if (nlabels > BAND_MAX_ROWS || t->column_count > CF_TEMPLATE_MAX_COLUMNS || t->column_count < 2)
        return true;
    for (size_t l = 0; l < nlabels; l++)
        for (size_t c = 0; c < t->column_count; c++)
            if (t->rows[labels[l].row].column_count != t->column_count || t->rows[labels[l].row].columns[c] != c)
                return true;
    band_reading *br = cf_malloc(sizeof *br); /* set whole below: a calloc zeroed it twice */
    cf_buf names;
    size_t at[2 * CF_TEMPLATE_MAX_COLUMNS + 1];
    if (!br || !column_keys(t, &names, at)) {
        cf_free(br);
        return oom(ex);
    }
    *br = (band_reading){.tpl = tpl, .t = t, .ts = ts, .labels = labels, .rows = nlabels,
                         .columns = t->column_count, .want = nlabels * t->column_count};
    /* blanks only among several rows, whose sums can place them */
    bool found = band_pieces(br, i, *j, &names, at, 0, 0, false) &&
                 br->pieces[br->npieces - 1].to == br->columns && br->values <= br->want &&
                 br->values + (nlabels > 1 ? BAND_MAX_BLANKS : 0) >= br->want;
    cf_buf_release(&names);
    const token *cells[BAND_MAX_ROWS * CF_TEMPLATE_MAX_COLUMNS];
    band_agreement ba;
    size_t nblank = found ? br->want - br->values : 0, places = nblank == 0 ? 1 : br->want;
    br->best = 1 + nblank;
    for (size_t k = nlabels; found && k > 0 && k + 1 >= nlabels; k--) {
        size_t blocks, blank[BAND_MAX_BLANKS] = {0}, readings = 1;
        bool fits = band_fits(br, k, &blocks);
        for (size_t b = 0; b < nblank; b++)
            readings *= places;
        if (!fits || readings << blocks > BAND_MAX_READINGS)
            continue;
        /* every order of the blocks, and every place of the blanks among the cells printed */
        for (unsigned orders = 0; orders < 1u << blocks; orders++)
            for (blank[0] = 0; blank[0] < places; blank[0]++)
                for (blank[1] = nblank > 1 ? blank[0] + 1 : 0; blank[1] < (nblank > 1 ? places : 1); blank[1]++)
                    if (band_cells(br, k, orders, blank, nblank, cells))
                        band_weigh(br, &ba, cells);
    }
    bool ok = true;
    for (size_t l = 0; l < nlabels && br->kept > 0 && ok; l++) {
        const cf_row_def *rd = &t->rows[labels[l].row];
        size_t label_line = line_of_key(ts, seg_first, i, labels[l].start), read_here = 0;
        if (taken[labels[l].row])
            forget_row(ex->report, rd);
        for (size_t c = 0; c < t->column_count && ok; c++) {
            size_t x = l * t->column_count + c;
            read_here += ba.agree[x];
            ok = fill_cell(ex, rd->first_cell + c, ba.agree[x] ? ba.pick[x] : NULL, true, label_line);
        }
        taken[labels[l].row] = true;
        got[labels[l].row] = read_here;
        const char *why =
            nlabels == 1
                ? _("%s %s: its values were printed in blocks, each after the headings of its columns "
                    "(PDF text); read so, check the row")
            : nblank > 0
                ? _("%s %s: its values were printed in blocks under the column headings with those of the rows "
                    "%s … %s (PDF text), some cells printing nothing; those were taken as blank where the rows' "
                    "own sums place them, and the cells on which such readings differ are left unread, check the "
                    "row")
            : br->best > 0
                ? _("%s %s: its values were printed in blocks under the column headings with those of the "
                    "rows %s … %s (PDF text); no reading of those blocks makes every row's own sum hold, "
                    "so it was read where the readings that break one row alone agree, the other cells "
                    "left unread, check the row")
            : read_here == t->column_count
                ? _("%s %s: its values were printed in blocks under the column headings with those of the rows "
                    "%s … %s (PDF text); read by those blocks, every row's own sum holds, and no other such "
                    "reading under which they hold gives this row other values, check the row")
                : _("%s %s: its values were printed in blocks under the column headings with those of the rows "
                    "%s … %s (PDF text); every row's own sum holds whether a block runs row by row or column by "
                    "column, and the cells on which those readings differ are left unread, check the row");
        ok = ok && flag_row_guess(ex, t, rd, &t->rows[labels[0].row], &t->rows[labels[nlabels - 1].row], why);
    }
    if (br->kept > 0) {
        *j = br->pieces[br->npieces - 1].end;
        *read = true;
    }
    cf_free(br);
    return ok;
}

/* The index among row rd's cells of table column c, or the row's column count when it has none. */
static size_t row_column(const cf_row_def *rd, size_t c)
{
    size_t k = 0;
    while (k < rd->column_count && rd->columns[k] != c)
        k++;
    return k;
}

/* Hand each run's values to the rows (br->labels, as read_headed_runs reads them): a run under one column's
 * heading to the rows that have the column and no value in it yet, in the form's order; a run under
 * several columns' headings, one value each, to the first row that has them all and no value in
 * them yet. cells[l × columns + c] (zeroed here); false when a value finds no cell. */
static bool headed_cells(const band_reading *br, const token **cells)
{
    memset(cells, 0, br->rows * br->columns * sizeof *cells);
    for (size_t p = 0; p < br->npieces; p++) {
        const band_piece *pc = &br->pieces[p];
        size_t w = pc->to - pc->from, v = pc->start;
        if (w > 1 && pc->end - pc->start != w)
            return false;
        for (size_t l = 0; l < br->rows && v < pc->end; l++) {
            const cf_row_def *rd = &br->t->rows[br->labels[l].row];
            bool lacks = true;
            for (size_t c = pc->from; c < pc->to; c++)
                lacks &= row_column(rd, c) < rd->column_count && !cells[l * br->columns + c];
            for (size_t c = pc->from; c < pc->to && lacks; c++)
                cells[l * br->columns + c] = &br->ts->items[v++];
        }
        if (v != pc->end)
            return false;
    }
    return true;
}

/* The names of the rows of labels[0..nlabels) printed together, then the column headings each with
 * its values (raw pdftotext of a PDF printed by Chromium: 规章 … 行政事业性收费 | 本年制发件数 1062
 * 1851 | 本年废止件数 2574 2597 | … | 本年处理决定数量 1732 | 本年处理决定数量 989 927 | …): the
 * words keys[head_from, head_to) before the run [i, *j) name its column, and each later run follows
 * its own column's heading. Read where the values fill those rows' cells exactly (headed_cells), each
 * row inferred with a warning; left unread, with a warning, where they are fewer (cells printing
 * nothing, and no sum to tell which) or a value finds no cell. *j moves past the runs read, *read:
 * they were. False when memory runs out. */
static bool read_headed_runs(extractor *ex, size_t table, const token_stream *ts, size_t seg_first, size_t i,
                             size_t *j, const label_match *labels, size_t nlabels, size_t head_from, size_t head_to,
                             bool *taken, size_t *got, bool *read)
{
    const cf_table_def *t = cf_template_table(ex->report->tpl, table);
    *read = false;
    if (nlabels < 2 || nlabels > BAND_MAX_ROWS || t->column_count > CF_TEMPLATE_MAX_COLUMNS)
        return true;
    band_reading *br = cf_malloc(sizeof *br); /* set whole below: a calloc zeroed it twice */
    const token **cells = cf_calloc(BAND_MAX_ROWS * CF_TEMPLATE_MAX_COLUMNS, sizeof *cells);
    cf_buf names;
    size_t at[2 * CF_TEMPLATE_MAX_COLUMNS + 1];
    if (!br || !cells || !column_keys(t, &names, at)) {
        cf_free(br);
        cf_free(cells);
        return oom(ex);
    }
    *br = (band_reading){.t = t, .ts = ts, .labels = labels, .rows = nlabels, .columns = t->column_count};
    for (size_t l = 0; l < nlabels; l++)
        br->want += t->rows[labels[l].row].column_count;
    size_t from = 0, named = 0;
    const char *keys = ts->keys.data ? ts->keys.data : "";
    while (from < t->column_count && !(named = heading_columns(t, &names, at, keys, head_from, head_to, from)))
        from++;
    bool headed = named && band_pieces(br, i, *j, &names, at, from, from + named, true) && br->values <= br->want;
    bool found = headed && br->values == br->want && headed_cells(br, cells);
    cf_buf_release(&names);
    bool ok = found || !headed ||
              leave_rows_unread(ex, table, ts, seg_first, i, labels, nlabels, taken, got,
                                _("%s %s … %s: %zu values for %zu cells, printed under the column headings apart "
                                  "from the rows' names; they do not fill the rows' cells, and nothing tells which "
                                  "cells printed nothing, so they are left unread"),
                                br->values);
    for (size_t l = 0; l < nlabels && found && ok; l++) {
        const cf_row_def *rd = &t->rows[labels[l].row];
        size_t label_line = line_of_key(ts, seg_first, i, labels[l].start);
        if (taken[labels[l].row])
            forget_row(ex->report, rd);
        for (size_t k = 0; k < rd->column_count && ok; k++)
            ok = fill_cell(ex, rd->first_cell + k, cells[l * t->column_count + rd->columns[k]], true, label_line);
        taken[labels[l].row] = true;
        got[labels[l].row] = rd->column_count;
        ok = ok && flag_row_guess(ex, t, rd, &t->rows[labels[0].row], &t->rows[labels[nlabels - 1].row],
                                  _("%s %s: its name was printed with those of the rows %s … %s, and the values "
                                    "apart under the column headings (PDF text); each heading's values were read "
                                    "as those of the rows that have the column, in the form's order, check the "
                                    "row"));
    }
    if (headed) {
        *j = br->pieces[br->npieces - 1].end;
        *read = true;
    }
    cf_free(cells);
    cf_free(br);
    return ok;
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
    for (size_t i = 0, j; (j = value_run(ts, &i)) > i; i = j) {
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
        size_t nadded = add_unnamed_rows(t, taken, run, n, labels, &nlabels, added);
        size_t bounds[33];
        bool used;
        bool evenly;
        /* names of rows with nothing printed between them, not even a blank cell: the rows before
         * the last have no values here, so values just before or after the names may be theirs */
        bool bare_names = nlabels > 1 && !segment_has_blank(ts, seg_first, i);
        size_t edits = 0;     /* characters a misprinted name differs by */
        bool skipped = false; /* and it is the row after the next in the form's order */
        if (bare_names && apart >= 0 && (size_t)apart != labels[0].row && labels[0].start == seg_start &&
            !flag_row_guess(ex, t, &t->rows[apart], &t->rows[labels[0].row], &t->rows[labels[0].row],
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
                              line_of_key(ts, seg_first, i, labels[l].start), taken, got, &took[l]))
                    return false;
                broken += took[l] && evenly &&
                          !row_cells_hold(ex->report->tpl, rd, &ex->report->cells[rd->first_cell], &checked);
            }
            /* one row that breaks its sum may be the report's own break; two or more refute the order
             * the values were shared out in (PDF text that runs column by column), and a reading the
             * text refutes must not call a report broken */
            bool refuted = broken > 1 || (nadded > 0 && broken > 0); /* a row taken in must be proven */
            bool by_columns = false;
            if (refuted &&
                !read_column_blocks(ex, table, ts, seg_first, i, labels, nlabels, run, bounds, &by_columns))
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
                if (!leave_rows_unread(ex, table, ts, seg_first, i, labels, nlabels, taken, got, why,
                                       count_filled(run, n)))
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
                    !flag_row_guess(ex, t, rd, &t->rows[labels[0].row], &t->rows[labels[nlabels - 1].row],
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
                bool holds = used && evenly &&
                             row_cells_hold(ex->report->tpl, rd, &ex->report->cells[rd->first_cell], &checked);
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
                if (guess && !flag_row_guess(ex, t, rd, &t->rows[labels[0].row],
                                             &t->rows[labels[nlabels - 1].row], guess))
                    return false;
            }
        } else if (nlabels > 1 && !read_headed_runs(ex, table, ts, seg_first, i, &j, labels, nlabels,
                                                    labels[nlabels - 1].end, seg_end, taken, got, &used)) {
            return false;
        } else if (nlabels > 1 && used) {
            /* the rows' values under the column headings: read above */
        } else if (nlabels > 1 && count_filled(run, n) > t->rows[labels[nlabels - 1].row].column_count) {
            /* several labels, then more values than the last row holds, and they do not split by
             * line or evenly: which value belongs where cannot be told unless the column headings
             * printed among them do; never hand them to one row */
            bool banded = false;
            if (!read_heading_bands(ex, table, ts, seg_first, i, &j, labels, nlabels, taken, got, &banded))
                return false;
            if (!banded && !leave_rows_unread(ex, table, ts, seg_first, i, labels, nlabels, taken, got,
                                   _("%s %s … %s: %zu values for %zu cells; which value belongs to which cell "
                                     "cannot be told, so they are left unread"),
                                   count_filled(run, n)))
                return false;
        } else if (nlabels > 0) {
            const label_match *m = &labels[nlabels - 1];
            size_t label_line = line_of_key(ts, seg_first, i, m->start);
            /* one row's first values, then the next columns' headings each with the rest (a tall name's
             * row printed by Chromium) */
            bool banded = false;
            if (count_filled(run, n) < t->rows[m->row].column_count &&
                !read_heading_bands(ex, table, ts, seg_first, i, &j, m, 1, taken, got, &banded))
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
                nlabels > 1 && line_of_key(ts, seg_first, i, labels[nlabels - 2].start) == label_line;
            if (used && bare_names && (!value_on_line(run, n, label_line) || names_on_one_line) &&
                !flag_row_guess(ex, t, &t->rows[m->row], &t->rows[labels[0].row], &t->rows[m->row],
                                _("%s %s: its values follow the names of several rows (%s … %s) with nothing "
                                  "between them; which row they belong to is a guess, check the row")))
                return false;
            if (used && values_below(run, n, label_line))
                apart = (long)m->row;
        } else if (!read_group_row(ex, table, ts->keys.data ? ts->keys.data : "", seg_start, seg_end, run, n,
                                   line_of_key(ts, seg_first, i, seg_start), taken, got, &used)) {
            return false;
        } else if (used) {
            /* the group printed as one row: read above */
        } else if (j < ts->count &&
                   match_label_prefix(t, done, ts->keys.data ? ts->keys.data : "", seg_start, seg_end,
                                      ts->items[j].key_start, ts->keys.len, &labels[0])) {
            if (!take_row(ex, table, labels[0].row, run, n, line_of_key(ts, seg_first, i, labels[0].start), taken,
                          got, &used))
                return false;
        } else if (match_misprint(t, taken, ts->keys.data ? ts->keys.data : "", seg_start, seg_end, &labels[0],
                                  &edits, &skipped)) {
            /* its name a few characters off, where the form's order puts it: read as printed, said so */
            const cf_row_def *rd = &t->rows[labels[0].row];
            size_t label_line = line_of_key(ts, seg_first, i, labels[0].start);
            if (!take_row(ex, table, labels[0].row, run, n, label_line, taken, got, &used) ||
                (used && skipped &&
                 !warn(ex, label_line, (long)rd->first_cell,
                       P_("%s %s: its name is printed \"%.*s\", %zu character off the form's \"%s\"; read as this "
                          "row, one past the next in the form's order, whose name is not printed, check the name",
                          "%s %s: its name is printed \"%.*s\", %zu characters off the form's \"%s\"; read as this "
                          "row, one past the next in the form's order, whose name is not printed, check the name",
                          edits),
                       t->number, rd->short_label, (int)(labels[0].end - labels[0].start),
                       ts->keys.data + labels[0].start, edits, rd->label)) ||
                (used && !skipped && !warn(ex, label_line, (long)rd->first_cell,
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
                overflow += count_filled(run, n);
            }
        }
        for (size_t r = 0; r < t->row_count && r < 128; r++)
            if (taken[r] && (!was_taken[r] || got[r] != had[r]))
                taken_at[r] = i;
        /* the next label starts after these values */
        seg_first = j;
        seg_start = j < ts->count ? ts->items[j].key_start : ts->keys.len;
    }
    if (!place_loose_runs(ex, table, ts, loose, nloose, taken, taken_at))
        return false;
    /* values under no row label, and where the first was */
    size_t unclaimed = overflow, unclaimed_line = overflow_line;
    for (size_t u = nloose; u-- > 0;) /* backwards: the first one's line is kept */
        if (!loose[u].placed) {
            unclaimed_line = ts->items[loose[u].start].line + 1;
            unclaimed += count_filled(&ts->items[loose[u].start], loose[u].end - loose[u].start);
        }
    if (unclaimed)
        return warn(ex, unclaimed_line, -1,
                    P_("%s: %zu value under no row label of the table (on line %zu); not read",
                       "%s: %zu values under no row label of the table (the first on line %zu); not read", unclaimed),
                    t->number, unclaimed, unclaimed_line);
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
    if (!column_keys(t, &names, at))
        return oom(ex);
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
 * cells of a table cut by a page break, printed after the next table's heading (extract_rows_drawn),
 * are not that table's. The tokens may be kept for other tables (region_tokens), so when some go
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
        return oom(ex);
    out->cap = in->count + 1;
    out->grids = in->grids;
    for (size_t i = 0; i < in->count; i++) {
        const token *tk = &in->items[i];
        bool read = false;
        for (size_t j = 0; j < m && !read && tk->kind != CF_ITEM_TEXT && tk->kind != CF_ITEM_EMPTY; j++)
            read = cells[past[j]].byte_start == tk->byte_start && cells[past[j]].byte_end == tk->byte_end;
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
    const token_stream *ts = region_tokens(ex, first, end, &spare);
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
        ok = extract_flat_drawn(ex, table, ts, more_first, more_end, &done);
    size_t mark = ex->report->warning_count;
    if (ok && !done)
        ok = extract_by_label(ex, table, ts) && extract_rows_drawn(ex, table, ts, mark, more_first, more_end);
    ex->ts = NULL;
    stream_release(&kept_out);
    stream_release(&spare);
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
        return oom(ex);
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
        /* one bit a character says whether any phrase starts with it; a character that starts
         * none is stepped over whole */
        uint32_t cp = (uint32_t)(c & 0x0F) << 12 | (uint32_t)(window[i + 1] & 0x3F) << 6 | (window[i + 2] & 0x3F);
        if (starts[cp >> 3] & (1u << (cp & 7))) {
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
    unsigned char *starts; /* a bit for each character some phrase starts with */
    bool **seen;
    size_t templates;
} phrase_set;

static void phrases_release(phrase_set *ps)
{
    for (size_t k = 0; ps->seen && k < ps->templates; k++)
        cf_free(ps->seen[k]);
    cf_free(ps->seen);
    cf_free(ps->items);
    cf_free(ps->starts);
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
    ps->starts = ok ? cf_calloc(0x10000 / 8, 1) : NULL;
    if (!ok || !ps->items || !ps->starts) {
        phrases_release(ps);
        return false;
    }
    for (size_t k = 0; k < count; k++)
        for (size_t d = 0; d < cf_template_detect_count(tpls[k]); d++) {
            const char *text = cf_template_detect(tpls[k], d);
            if (strlen(text) >= 3 && (unsigned char)text[0] >= 0xE0 && (unsigned char)text[0] <= 0xEF) {
                ps->items[ps->count++] = (phrase){text, strlen(text), k, d, first3(text)};
                uint32_t cp = (uint32_t)(text[0] & 0x0F) << 12 | (uint32_t)(text[1] & 0x3F) << 6 | (text[2] & 0x3F);
                ps->starts[cp >> 3] |= (unsigned char)(1u << (cp & 7));
            }
        }
    return true;
}

/* One pass over the lines: score each template's detect phrases and collect its headings. */
static bool scan(extractor *ex, cf_template *const *tpls, size_t count, size_t *scores, heading_list *hls)
{
    cf_buf compact, window;
    cf_buf_init(&compact);
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
    for (size_t line = 0; ok && line < lines; line++) {
        size_t keep = compact.len > 96 ? 96 : compact.len; /* a phrase may be broken over two lines */
        window.len = 0;
        ok = cf_buf_append(&window, compact.data ? compact.data + compact.len - keep : "", keep);
        compact.len = 0;
        size_t len;
        const char *src = cf_text_line(ex->text, line, &len);
        bool whole = false;
        ok = ok && cf_compact_line(src, len, &compact, &whole);
        if (ok && whole) /* normalised through the store: kept for the table readers when it keeps lines */
            ok = normalize(ex, line) && cf_compact_append(&compact, ex->norm->text, ex->norm->len);
        ok = ok && cf_buf_append(&compact, "", 0) && cf_buf_append(&window, compact.data, compact.len);
        if (!ok)
            break;
        /* a phrase that starts and ends in the carried part was looked for in the line before, so a
         * line with no key adds nothing to look for */
        size_t from = keep > longest_phrase ? keep - longest_phrase + 1 : 0;
        if (compact.len > 0)
            detect_phrases(ps.items, ps.count, ps.starts, window.data, from, window.len, ps.seen, scores);
        /* a heading is a short line holding one: longer ones, and those shorter than any, need no look */
        if (compact.len == 0 || compact.len < shortest_heading || compact.len > longest_heading + 12)
            continue;
        size_t added = SIZE_MAX; /* the template whose heading the line is: its other headings need no look */
        for (size_t i = 0; i < nkeys; i++)
            if (keys[i].tpl != added && is_heading(compact.data, compact.len, &keys[i])) {
                added = keys[i].tpl;
                ok = add_heading(ex, &hls[added], line, keys[i].table);
            }
    }
    cf_free(keys);
    phrases_release(&ps);
    cf_buf_release(&compact);
    cf_buf_release(&window);
    return ok || oom(ex);
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
            return oom(ex);
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
            return oom(ex);
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
    return warn(ex, line + 1, -1,
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
                    return oom(ex);
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
                drop_warnings(ex->report, mark); /* a trial: only the region kept may warn */
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
            ok = warn(ex, cell->line, (long)i,
                      why == CF_BAD_LETTERS ? _("%s: '%.*s%s' is not a number: letters where digits should be, as a "
                                                "scan's text recognition misreads them; read the figure in the report")
                      : why == CF_BAD_GROUPING
                          ? _("%s: '%.*s%s' is not a number: its commas do not group thousands (a decimal point "
                              "misread?); read the figure in the report")
                          : _("%s: '%.*s%s' is not a number crossfoot can hold exactly"),
                      label, raw_len, raw, more);
        }
        if (not_whole)
            ok = warn(ex, cell->line, (long)i, _("%s: '%.*s%s' is not a whole number"), label, raw_len, raw, more);
        else if (negative)
            ok = warn(ex, cell->line, (long)i, _("%s: '%.*s%s' is a negative count"), label, raw_len, raw, more);
        if (ok && other_unit)
            ok = warn(ex, cell->line, (long)i, _("%s: '%.*s%s' is in %s, but the column is in %s"), label,
                      raw_len, raw, more, cell->unit, col->unit);
        else if (ok && money)
            ok = warn(ex, cell->line, (long)i, _("%s: '%.*s%s' is an amount of money in a column of counts"),
                      label, raw_len, raw, more);
        if (!ok)
            return false;
    }
    return true;
}

/* ---------- rows read from a scan ---------- */

/* How the text between two values on one line separates them: by blanks alone, by one '|' (with or
 * without blanks), or otherwise (words, two bars around an empty cell). */
typedef enum { GAP_BLANKS, GAP_BAR, GAP_OTHER } gap_shape;

static gap_shape gap_between(const char *s, size_t len)
{
    size_t bars = 0;
    for (size_t i = 0; i < len; i++)
        if (s[i] == '|')
            bars++;
        else if (s[i] != ' ' && s[i] != '\t')
            return GAP_OTHER;
    return bars == 1 ? GAP_BAR : bars == 0 && len > 0 ? GAP_BLANKS : GAP_OTHER;
}

#define RULE_ONES_MAX_CELLS 16 /* cells of a row the search for rules read as 1 looks at */
#define RULE_ONES_MAX_EDITS 2  /* numbers of a row it may change: more, and a sum holds by chance */

/* The readings of one printed number a rule read as the digit 1 beside it allows: as printed, without
 * a leading 1, without a trailing 1, without both ("|333|" read as 1333, 3331, 13331). Letters text
 * recognition prints for digits are read as those digits first ("1o67" as 1067), and then the number
 * as printed is no reading of its own. */
typedef struct {
    cf_decimal value[4];
    size_t count;  /* value[0] is the number as read, or with its letters read as digits */
    bool letters;  /* value[0] reads letters as digits: the cell is changed whichever reading is taken */
} rule_ones;

/* What a reading did to a cell. */
typedef enum {
    ONES_KEPT,    /* read as printed, in its column */
    ONES_MOVED,   /* read as printed, a column right of a split number */
    ONES_LETTERS, /* letters read as digits */
    ONES_RULE     /* a 1 beside it, or inside it (a split number's halves), taken for a rule */
} ones_change;

typedef struct {
    const cf_template *tpl;
    const cf_row_def *row;
    const char *data;                   /* the report's text */
    cf_cell cells[RULE_ONES_MAX_CELLS]; /* the row under trial */
    rule_ones readings[RULE_ONES_MAX_CELLS];
    size_t pick[RULE_ONES_MAX_CELLS];
    bool moved[RULE_ONES_MAX_CELLS];    /* the trial split a number in two: cells placed anew */
    size_t split;                       /* the trial's left half of a split number, or the row's width */
    cf_cell best[RULE_ONES_MAX_CELLS];  /* the first trial that made the row hold */
    ones_change change[RULE_ONES_MAX_CELLS]; /* what that trial did to each cell */
    size_t best_split;                       /* and which number it split, as split */
    size_t found; /* trials with the fewest changes that make the row hold */
} ones_search;

/* The digits printed s[0..len), letters text recognition prints for digits read as them, into
 * digits[0..len); false when it holds anything else (a unit, a note, a sign) or is too long. */
static bool scanned_digits(const char *s, size_t len, char digits[32], bool *letters)
{
    *letters = false;
    if (len == 0 || len >= 32)
        return false;
    for (size_t i = 0; i < len; i++) {
        char d = s[i] >= '0' && s[i] <= '9' ? s[i] : cf_digit_lookalike(s[i]);
        if (!d)
            return false;
        *letters |= d != s[i];
        digits[i] = d;
    }
    return true;
}

/* Add digits[from, to) to out's readings unless it is not a number or one already. */
static void add_reading(const char *digits, size_t from, size_t to, rule_ones *out)
{
    cf_decimal v;
    if (to <= from || (to - from > 1 && digits[from] == '0') || cf_decimal_parse(digits + from, to - from, &v) != CF_DEC_OK)
        return;
    for (size_t k = 0; k < out->count; k++)
        if (cf_decimal_cmp(out->value[k], v) == 0)
            return; /* 11 without either 1 is one reading */
    out->value[out->count++] = v;
}

/* Fill out with the readings of the cell printed s[0..len), read as `cell`. */
static void ones_readings(const char *s, size_t len, const cf_cell *cell, rule_ones *out)
{
    out->count = 0;
    char digits[32];
    bool printed = scanned_digits(s, len, digits, &out->letters);
    if (cell->state == CF_CELL_NUMBER)
        out->value[out->count++] = cell->value;
    else if (printed && out->letters && cell->state == CF_CELL_INVALID)
        add_reading(digits, 0, len, out);
    if (!printed || out->count == 0)
        return;
    if (digits[0] == '1')
        add_reading(digits, 1, len, out);
    if (digits[len - 1] == '1')
        add_reading(digits, 0, len - 1, out);
    if (digits[0] == '1' && digits[len - 1] == '1')
        add_reading(digits, 1, len - 1, out);
}

/* Try every way of changing up to `left` more numbers from cell c on; count the trials with exactly
 * `left` changes made that make the row hold, and keep the first. */
static void ones_try(ones_search *os, size_t c, size_t left)
{
    if (c == os->row->column_count || left == 0) {
        bool checked;
        if (left == 0 && row_cells_hold(os->tpl, os->row, os->cells, &checked) && checked && os->found++ == 0) {
            memcpy(os->best, os->cells, sizeof os->best);
            os->best_split = os->split;
            for (size_t k = 0; k < os->row->column_count; k++)
                os->change[k] = os->pick[k] != 0 || k == os->split || k == os->split + 1 ? ONES_RULE
                                : os->readings[k].letters                              ? ONES_LETTERS
                                : os->moved[k]                                         ? ONES_MOVED
                                                                                       : ONES_KEPT;
        }
        return;
    }
    ones_try(os, c + 1, left);
    for (size_t k = 1; k < os->readings[c].count && os->found < 2; k++) {
        os->pick[c] = k;
        os->cells[c].value = os->readings[c].value[k];
        ones_try(os, c + 1, left - 1);
        os->pick[c] = 0;
        os->cells[c].value = os->readings[c].value[0];
    }
}

/* Set up the trial of row rd as read; when split_cell < the row's width, with that cell's number split
 * at its byte `at`, a 1 there taken for the column rule between two numbers ("241738" as 24 and 738),
 * the cells after it moved one column right into the row's last, missing, cell. False when that split
 * is no pair of numbers. *forced: cells printed with letters, changed in any reading. */
static bool ones_setup(ones_search *os, const cf_cell *row, size_t split_cell, size_t at, size_t *forced)
{
    size_t n = os->row->column_count;
    memcpy(os->cells, row, n * sizeof *os->cells);
    memset(os->moved, 0, sizeof os->moved);
    memset(os->pick, 0, sizeof os->pick);
    os->split = split_cell;
    if (split_cell < n) {
        const cf_cell *whole = &row[split_cell];
        char digits[32];
        bool letters;
        rule_ones left = {.count = 0}, right = {.count = 0};
        size_t len = whole->byte_end - whole->byte_start;
        if (!scanned_digits(os->data + whole->byte_start, len, digits, &letters) || letters || digits[at] != '1')
            return false;
        add_reading(digits, 0, at, &left);
        add_reading(digits, at + 1, len, &right);
        if (!left.count || !right.count)
            return false;
        memmove(&os->cells[split_cell + 1], &row[split_cell], (n - 1 - split_cell) * sizeof *os->cells);
        os->cells[split_cell].value = left.value[0];
        os->cells[split_cell].byte_end = whole->byte_start + at;
        os->cells[split_cell + 1].value = right.value[0];
        os->cells[split_cell + 1].byte_start = whole->byte_start + at + 1;
        os->cells[split_cell + 1].column = whole->column + at + 1;
        for (size_t c = split_cell; c < n; c++)
            os->moved[c] = true;
    }
    *forced = 0;
    for (size_t c = 0; c < n; c++) {
        cf_cell *cell = &os->cells[c];
        if (os->moved[c] && c <= split_cell + 1) {
            os->readings[c] = (rule_ones){.value = {cell->value}, .count = 1};
            continue; /* the two halves are read as split */
        }
        ones_readings(os->data + cell->byte_start, cell->byte_end - cell->byte_start, cell, &os->readings[c]);
        if (os->readings[c].count && cell->state == CF_CELL_INVALID) {
            cell->state = CF_CELL_NUMBER;
            cell->value = os->readings[c].value[0];
            (*forced)++;
        }
    }
    return true;
}

/* Row rd of a scanned report whose numbers no sum confirms: when reading letters as the digits they
 * stand for, dropping a 1 beside some numbers (a column rule read as the digit), and, in a row one
 * value short, splitting a number at a 1 into two, makes the row's sum hold one way only, with the
 * fewest numbers changed, read the row so, each changed number inferred with a warning naming it
 * (a cell moved by a split is inferred too). *done: the row was read so. */
static bool read_rule_ones(extractor *ex, const cf_row_def *rd, bool *done)
{
    *done = false;
    size_t n = rd->column_count;
    if (n < 2 || n > RULE_ONES_MAX_CELLS)
        return true;
    ones_search os = {.tpl = ex->report->tpl, .row = rd, .data = cf_text_data(ex->text)};
    const cf_cell *row = &ex->report->cells[rd->first_cell];
    size_t missing = 0;
    for (size_t c = 0; c < n; c++)
        missing += row[c].state == CF_CELL_MISSING;
    /* a row one value short at its end may hold a number with a rule inside it */
    bool short_one = missing == 1 && row[n - 1].state == CF_CELL_MISSING;
    size_t first = short_one ? 0 : n, last = short_one ? n - 2 : n; /* n: no split */
    for (size_t edits = 0; edits <= RULE_ONES_MAX_EDITS + (size_t)short_one && os.found == 0; edits++)
        for (size_t split = first; split <= last; split++) {
            size_t cut = split < n; /* a split is one change */
            size_t len = cut ? row[split].byte_end - row[split].byte_start : 0;
            for (size_t at = cut; cut ? at + 1 < len : at == 0; at++) {
                size_t forced;
                if (ones_setup(&os, row, split, at, &forced) && forced + cut <= edits)
                    ones_try(&os, 0, edits - forced - cut);
            }
        }
    if (os.found != 1)
        return true; /* none, or two readings as good: the row is left as read, and warned about */
    for (size_t c = 0; c < n; c++) {
        if (os.change[c] == ONES_KEPT)
            continue;
        cf_cell *cell = &ex->report->cells[rd->first_cell + c];
        *cell = os.best[c];
        cell->inferred = true;
        if (os.change[c] == ONES_MOVED)
            continue; /* a column right of a split number, as printed: the split's warnings say why */
        /* a half of a split number is quoted as printed, whole */
        size_t from = cell->byte_start, to = cell->byte_end;
        if (c == os.best_split)
            to = os.best[c + 1].byte_end;
        else if (c == os.best_split + 1)
            from = os.best[c - 1].byte_start;
        char label[256], value[32];
        cf_template_cell_label(ex->report->tpl, rd->first_cell + c, label, sizeof label);
        if (!warn(ex, cell->line, (long)(rd->first_cell + c),
                  os.change[c] == ONES_LETTERS
                      ? _("%s: printed '%.*s' in a scanned table; read as %s, letters taken for the digits text "
                          "recognition misreads them as, the one reading under which the row's sum holds, check it "
                          "against the document")
                      : _("%s: printed '%.*s' in a scanned table; read as %s, a 1 beside it taken for a column rule, "
                          "the one reading under which the row's sum holds, check it against the document"),
                  label, (int)(to - from), os.data + from, cf_decimal_format(cell->value, value)))
            return false;
    }
    *done = true;
    return true;
}

static int by_start(const void *a, const void *b)
{
    const cf_cell *x = *(const cf_cell *const *)a, *y = *(const cf_cell *const *)b;
    return (x->byte_start > y->byte_start) - (x->byte_start < y->byte_start);
}

/* True when some line of a table holds values separated by a '|' and values separated by blanks
 * alone: a scanned table read by text recognition, whose column rules come out as '|' in one place
 * and are lost in the next ("4260 14261|4281| 3469"). A converter that prints rules prints them
 * between every two cells of a line. Also when a cell prints letters for digits ("1o67"), which only
 * text recognition does. */
static bool tables_look_scanned(const extractor *ex)
{
    const cf_template *tpl = ex->report->tpl;
    const cf_cell *cells = ex->report->cells;
    const char *data = cf_text_data(ex->text);
    for (size_t t = 0; t < cf_template_table_count(tpl); t++) {
        const cf_table_def *td = cf_template_table(tpl, t);
        const cf_cell *on_line[256];
        for (size_t c = 0; c < td->cell_count; c++) {
            const cf_cell *cell = &cells[td->first_cell + c];
            char digits[32];
            bool letters;
            if (cell->state == CF_CELL_INVALID &&
                scanned_digits(data + cell->byte_start, cell->byte_end - cell->byte_start, digits, &letters) &&
                letters)
                return true;
            size_t line = cell->line;
            if (line == 0 || (c > 0 && cells[td->first_cell + c - 1].line == line))
                continue; /* a line is looked at once */
            size_t n = 0;
            for (size_t c2 = c; c2 < td->cell_count && n < 256; c2++) {
                const cf_cell *other = &cells[td->first_cell + c2];
                if (other->line == line && other->state != CF_CELL_MISSING && other->byte_end > other->byte_start)
                    on_line[n++] = other;
            }
            qsort(on_line, n, sizeof *on_line, by_start);
            unsigned shapes = 0;
            for (size_t i = 1; i < n; i++)
                if (on_line[i - 1]->byte_end <= on_line[i]->byte_start)
                    shapes |= 1u << gap_between(data + on_line[i - 1]->byte_end,
                                                on_line[i]->byte_start - on_line[i - 1]->byte_end);
            if ((shapes & 1u << GAP_BLANKS) && (shapes & 1u << GAP_BAR))
                return true;
        }
    }
    return false;
}

/* In a scanned report, a row whose numbers no sum confirms — its own sum fails, or there is none to
 * work out — gets a warning: a rule read as the digit 1 ("|333" as 1333) or a misread digit would not
 * show otherwise. Rows already warned about keep their warning alone. */
static bool check_scanned_rows(extractor *ex)
{
    if (!tables_look_scanned(ex))
        return true;
    const cf_template *tpl = ex->report->tpl;
    for (size_t t = 0; t < cf_template_table_count(tpl); t++) {
        const cf_table_def *td = cf_template_table(tpl, t);
        for (size_t r = 0; r < td->row_count; r++) {
            const cf_row_def *rd = &td->rows[r];
            const cf_cell *row = &ex->report->cells[rd->first_cell];
            bool warned = false, read = false;
            for (size_t c = 0; c < rd->column_count; c++)
                read |= row[c].state == CF_CELL_NUMBER;
            for (size_t w = 0; w < ex->report->warning_count && !warned; w++) {
                long cell = ex->report->warnings[w].cell;
                warned = cell >= (long)rd->first_cell && cell < (long)(rd->first_cell + rd->column_count);
            }
            bool checked, repaired;
            if (!read || (row_cells_hold(tpl, rd, row, &checked) && checked))
                continue;
            if (!read_rule_ones(ex, rd, &repaired))
                return false;
            if (repaired || warned)
                continue;
            if (!warn(ex, row->line ? row->line : row->label_line, (long)rd->first_cell,
                      checked ? _("%s %s: the tables read like a scanned document (column rules printed as '|' "
                                  "in some places and lost in others, or letters for digits) and this row's sum "
                                  "does not hold: a rule read as the digit 1 or a misread digit is as likely as "
                                  "the report's error, check the row against the document")
                              : _("%s %s: the tables read like a scanned document (column rules printed as '|' "
                                  "in some places and lost in others, or letters for digits) and no sum checks "
                                  "this row's numbers: a rule read as the digit 1 or a misread digit would not "
                                  "show, check the row against the document"),
                      td->number, rd->short_label))
                return false;
        }
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
    return ok || oom(ex);
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
        } else if (!warn(ex, a + 1, -1,
                         _("a table was left out (to line %zu): pandoc drew it wider than the cell of the web "
                           "page's layout table holding it, so every row is wrapped over the cell's lines and which "
                           "value belongs to which row and column cannot be told; open the web page itself"),
                         b)) {
            return false;
        }
    }
    for (size_t t = 0; t < ntables && t < 64; t++) {
        const cf_table_def *td = cf_template_table(tpl, t);
        if (any[t] && !warn(ex, first[t] + 1, -1,
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
    return ((r->cells && r->table_lines && r->left_out) || oom(ex)) && extract_tables(ex, hl);
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
    drop_warnings(r, 0);
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
        return oom(ex);
    }
    bool ok = true;
    for (size_t t = 0; ok && t < cf_template_table_count(ex->report->tpl) && t < 64; t++) {
        token_stream spare;
        const token_stream *ts = region_tokens(ex, ex->region_first[t], ex->region_end[t], &spare);
        ok = ts != NULL || oom(ex);
        if (ok && ts->keys.len > 0)
            detect_phrases(ps.items, ps.count, ps.starts, ts->keys.data, 0, ts->keys.len, ps.seen, scores);
        stream_release(&spare);
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
        ok = warn(ex, 0, -1, _("the report names none of the column headings that tell the formats apart; "
                             "read as %s"), cf_template_id(r->tpl));
    ok = ok && (ex->status != CF_OK || (say_left_out(ex, &hls[best]) && say_placeholders_unheaded(ex, &hls[best])));
    for (size_t t = 0; ok && ex->status == CF_OK && t < cf_template_table_count(r->tpl); t++) {
        const cf_table_def *td = cf_template_table(r->tpl, t);
        if (r->table_lines[t] == 0 && r->left_out[t] == 0)
            ok = warn(ex, 0, -1, _("part %s (%s) was not found: its %zu cells are missing"), td->number,
                      td->title, td->cell_count);
    }
    /* a scanned row read anew first: its numbers' kinds are then checked as read */
    ok = ok && ex->status == CF_OK && check_scanned_rows(ex) && check_kinds(ex);
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
        stream_release(&ex.kept[i].ts);
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
