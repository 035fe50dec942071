/* SPDX-License-Identifier: GPL-3.0-or-later */
/* docbuild.c — paragraphs and span-expanded tables into a text view, and the tables' cells into a map. */
#include "docbuild.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "docmap.h"
#include "i18n.h"
#include "text.h"
#include "utf8.h"

#define MAX_COLSPAN 1000
#define MAX_ROWSPAN 65534
#define MAX_TABLE_SLOTS ((size_t)1 << 20) /* rows × columns of one table */

typedef struct {
    int32_t cell;  /* index into cells, or -1 for a slot no cell reached */
    bool covered;  /* held by a span from the left or from above, not the cell's own slot */
    bool element;  /* a cell of the document's row begins here though the cell above holds the slot
                    * (Word's vMerge continuation <w:tc>): counted among the row's cells */
} slot;

typedef struct {
    slot *slots;
    size_t count, cap;
} row;

typedef struct {
    uint32_t rows_left; /* rows below the current one still held by a rowspan */
    int32_t cell;
} cover;

/* One run of text being collected: the document's paragraphs, or the current cell. */
typedef struct {
    cf_buf buf;
    bool pending_space; /* whitespace seen since the last character written */
    bool pending_break; /* … and it held a line break */
} collector;

struct cf_docbuild {
    cf_status status;
    collector doc;
    /* the table being read */
    bool in_table, in_cell;
    collector cell;
    char **cells;
    size_t ncells, cells_cap;
    row *rows;
    size_t nrows, rows_cap;
    cover *covers;
    size_t width; /* columns of the widest row so far (and of covers) */
    size_t cursor; /* the next column a cell of the current row may take */
    size_t slots; /* rows × width, bounded */
    cf_docmap *map; /* every table cell written, where it is in the view and in the document */
    unsigned tables; /* tables of figures written so far */
};

cf_docbuild *cf_docbuild_new(void)
{
    cf_docbuild *b = cf_calloc(1, sizeof(cf_docbuild));
    if (b && !(b->map = cf_docmap_new())) {
        cf_free(b);
        b = NULL;
    }
    return b;
}

static void clear_table(cf_docbuild *b)
{
    for (size_t i = 0; i < b->ncells; i++)
        cf_free(b->cells[i]);
    cf_free(b->cells);
    for (size_t i = 0; i < b->nrows; i++)
        cf_free(b->rows[i].slots);
    cf_free(b->rows);
    cf_free(b->covers);
    cf_buf_release(&b->cell.buf);
    b->cells = NULL;
    b->ncells = b->cells_cap = b->nrows = b->rows_cap = b->width = b->cursor = b->slots = 0;
    b->rows = NULL;
    b->covers = NULL;
    b->in_table = b->in_cell = false;
}

void cf_docbuild_free(cf_docbuild *b)
{
    if (!b)
        return;
    clear_table(b);
    cf_buf_release(&b->doc.buf);
    cf_docmap_free(b->map);
    cf_free(b);
}

static void fail(cf_docbuild *b, cf_status status)
{
    if (b->status == CF_OK)
        b->status = status;
}

/* Characters set without spaces: a line break between two of them is no space. */
static bool is_wide(uint32_t cp)
{
    return cf_is_cjk(cp) || (cp >= 0x2E80 && cp <= 0x9FFF) || (cp >= 0xFF00 && cp <= 0xFFEF);
}

/* The code point that ends s (len bytes), or 0. */
static uint32_t last_char(const char *s, size_t len)
{
    size_t start = len;
    while (start > 0 && len - start < 4 && ((unsigned char)s[start - 1] & 0xC0) == 0x80)
        start--;
    if (start == 0)
        return 0;
    start--;
    uint32_t cp = 0;
    return cf_utf8_decode(s + start, len - start, &cp) == len - start ? cp : 0;
}

static bool at_line_start(const cf_buf *buf) { return buf->len == 0 || buf->data[buf->len - 1] == '\n'; }

static void collect(cf_docbuild *b, collector *c, const char *s, size_t len)
{
    size_t i = 0;
    while (i < len && b->status == CF_OK) {
        unsigned char ch = (unsigned char)s[i];
        uint32_t cp = ch;
        size_t n = ch < 0x80 ? 1 : cf_utf8_decode(s + i, len - i, &cp);
        if (n == 0) { /* readers hand UTF-8; a stray byte is dropped, never copied */
            i++;
            continue;
        }
        if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == 0xA0) {
            c->pending_space = true;
            c->pending_break |= cp == '\n' || cp == '\r';
            i += n;
            continue;
        }
        if (cp < 0x20 || cp == 0x7F) { /* control characters are not text in a document */
            i += n;
            continue;
        }
        if (c->pending_space && !at_line_start(&c->buf) &&
            !(c->pending_break && is_wide(cp) && is_wide(last_char(c->buf.data, c->buf.len))) &&
            !cf_buf_append(&c->buf, " ", 1))
            fail(b, CF_ERR_NOMEM);
        c->pending_space = c->pending_break = false;
        if (!cf_buf_append(&c->buf, s + i, n))
            fail(b, CF_ERR_NOMEM);
        i += n;
    }
    if (b->doc.buf.len > CF_TEXT_MAX_BYTES || c->buf.len > CF_TEXT_MAX_BYTES)
        fail(b, CF_ERR_LIMIT);
}

static void collect_break(cf_docbuild *b, collector *c)
{
    c->pending_space = c->pending_break = false;
    if (!at_line_start(&c->buf) && !cf_buf_append(&c->buf, "\n", 1))
        fail(b, CF_ERR_NOMEM);
}

void cf_docbuild_text(cf_docbuild *b, const char *s, size_t len)
{
    if (b->status != CF_OK || (b->in_table && !b->in_cell))
        return; /* text between a table's cells is markup's whitespace */
    collect(b, b->in_cell ? &b->cell : &b->doc, s, len);
}

void cf_docbuild_break(cf_docbuild *b)
{
    if (b->status != CF_OK || (b->in_table && !b->in_cell))
        return;
    collect_break(b, b->in_cell ? &b->cell : &b->doc);
}

/* An empty line before a table and after it: tables stand apart from the prose. */
static void blank_line(cf_docbuild *b)
{
    collect_break(b, &b->doc);
    if (b->doc.buf.len > 0 && !(b->doc.buf.len >= 2 && b->doc.buf.data[b->doc.buf.len - 2] == '\n') &&
        !cf_buf_append(&b->doc.buf, "\n", 1))
        fail(b, CF_ERR_NOMEM);
}

void cf_docbuild_table_begin(cf_docbuild *b)
{
    if (b->status != CF_OK || b->in_table)
        return;
    blank_line(b);
    b->in_table = true;
}

/* Room for column col (0-based) in the current row and in covers. */
static bool widen(cf_docbuild *b, size_t col)
{
    row *r = &b->rows[b->nrows - 1];
    while (r->count <= col) {
        if (!cf_reserve_one(&r->slots, r->count, &r->cap, sizeof *r->slots, 16))
            return false;
        r->slots[r->count++] = (slot){-1, false, false};
    }
    if (col >= b->width) {
        cover *grown = cf_realloc(b->covers, (col + 1) * sizeof *grown);
        if (!grown)
            return false;
        memset(grown + b->width, 0, (col + 1 - b->width) * sizeof *grown);
        b->covers = grown;
        b->slots += (col + 1 - b->width) * b->nrows;
        b->width = col + 1;
    }
    return true;
}

void cf_docbuild_row(cf_docbuild *b)
{
    if (b->status != CF_OK || !b->in_table)
        return;
    if (b->in_cell)
        cf_docbuild_cell_end(b);
    if (!cf_reserve_one(&b->rows, b->nrows, &b->rows_cap, sizeof *b->rows, 16)) {
        fail(b, CF_ERR_NOMEM);
        return;
    }
    b->rows[b->nrows++] = (row){NULL, 0, 0};
    b->slots += b->width;
    b->cursor = 0;
    if (b->slots > MAX_TABLE_SLOTS) {
        fail(b, CF_ERR_LIMIT);
        return;
    }
    for (size_t col = 0; col < b->width; col++)
        if (b->covers[col].rows_left > 0) {
            if (!widen(b, col)) {
                fail(b, CF_ERR_NOMEM);
                return;
            }
            b->rows[b->nrows - 1].slots[col] = (slot){b->covers[col].cell, true, false};
            b->covers[col].rows_left--;
        }
}

static long clip(long v, long max) { return v < 1 ? 1 : v > max ? max : v; }

/* Put a cell (or, with cell -1 and covered, a continuation) in the next free slots of the row; element:
 * a cell of the document's row begins there. */
static void place(cf_docbuild *b, int32_t cell, bool covered, bool element, long colspan, long rowspan)
{
    if (b->nrows == 0)
        cf_docbuild_row(b); /* cells before any row: a row of their own */
    if (b->status != CF_OK)
        return;
    row *r = &b->rows[b->nrows - 1];
    size_t col = b->cursor;
    while (col < r->count && (r->slots[col].cell >= 0 || r->slots[col].covered))
        col++;
    size_t span = (size_t)clip(colspan, MAX_COLSPAN);
    if (col + span > MAX_COLSPAN * 2 || b->slots > MAX_TABLE_SLOTS) {
        fail(b, CF_ERR_LIMIT);
        return;
    }
    if (!widen(b, col + span - 1)) {
        fail(b, CF_ERR_NOMEM);
        return;
    }
    if (b->slots > MAX_TABLE_SLOTS) {
        fail(b, CF_ERR_LIMIT);
        return;
    }
    r = &b->rows[b->nrows - 1];
    if (covered && b->nrows >= 2 && col < b->rows[b->nrows - 2].count)
        cell = b->rows[b->nrows - 2].slots[col].cell; /* held by the cell above */
    for (size_t k = 0; k < span; k++) {
        r->slots[col + k] = (slot){cell, covered || k > 0, element && k == 0};
        b->covers[col + k] = (cover){(uint32_t)clip(rowspan, MAX_ROWSPAN) - 1, cell};
    }
    b->cursor = col + span;
}

void cf_docbuild_cell_begin(cf_docbuild *b, long colspan, long rowspan)
{
    if (b->status != CF_OK || !b->in_table)
        return;
    if (b->in_cell)
        cf_docbuild_cell_end(b);
    if (!cf_reserve_one(&b->cells, b->ncells, &b->cells_cap, sizeof *b->cells, 64)) {
        fail(b, CF_ERR_NOMEM);
        return;
    }
    b->cells[b->ncells] = NULL;
    if (b->ncells >= INT32_MAX) {
        fail(b, CF_ERR_LIMIT);
        return;
    }
    place(b, (int32_t)b->ncells, false, true, colspan, rowspan);
    b->ncells++;
    b->in_cell = true;
    b->cell.pending_space = b->cell.pending_break = false;
}

void cf_docbuild_cell_end(cf_docbuild *b)
{
    if (!b->in_cell)
        return;
    b->in_cell = false;
    collect_break(b, &b->cell); /* every paragraph of a cell ends with '\n' */
    if (b->status != CF_OK)
        return;
    if (b->cell.buf.len == 0)
        cf_buf_release(&b->cell.buf); /* an empty cell is NULL */
    else
        b->cells[b->ncells - 1] = cf_buf_take(&b->cell.buf);
}

/* colspan slots of the current row with no cell of their own: held from above (a continuation cell
 * of the document's row), or no cell's at all. */
static void place_slots(cf_docbuild *b, bool covered, long colspan)
{
    if (b->status != CF_OK || !b->in_table)
        return;
    if (b->in_cell)
        cf_docbuild_cell_end(b);
    place(b, -1, covered, covered, colspan, 1);
}

void cf_docbuild_cell_covered(cf_docbuild *b, long colspan) { place_slots(b, true, colspan); }

void cf_docbuild_skip(cf_docbuild *b, long colspan) { place_slots(b, false, colspan); }

/* A cell's paragraphs ("a\nb\n") joined as one field: a space between them, none between
 * Chinese characters. */
static void append_field(cf_docbuild *b, const char *paragraphs)
{
    const char *p = paragraphs;
    while (*p && b->status == CF_OK) {
        const char *nl = strchr(p, '\n');
        size_t n = (size_t)(nl - p);
        if (p != paragraphs && n > 0) {
            uint32_t next = 0;
            cf_utf8_decode(p, n, &next);
            if (!(is_wide(next) && is_wide(last_char(b->doc.buf.data, b->doc.buf.len))) &&
                !cf_buf_append(&b->doc.buf, " ", 1))
                fail(b, CF_ERR_NOMEM);
        }
        if (!cf_buf_append(&b->doc.buf, p, n))
            fail(b, CF_ERR_NOMEM);
        p = nl + 1;
    }
}

/* A row holds something when a cell begins in it with text. */
static bool row_has_text(const cf_docbuild *b, const row *r)
{
    for (size_t col = 0; col < r->count; col++)
        if (!r->slots[col].covered && r->slots[col].cell >= 0 && b->cells[r->slots[col].cell])
            return true;
    return false;
}

/* The cell beginning at slot col of row i: its spans in written rows (*rowspan) and columns. */
static void spans_of(const cf_docbuild *b, size_t i, size_t col, const size_t *written, size_t *rowspan,
                     size_t *colspan)
{
    int32_t cell = b->rows[i].slots[col].cell;
    const row *r = &b->rows[i];
    *colspan = 1;
    while (col + *colspan < r->count && r->slots[col + *colspan].covered && r->slots[col + *colspan].cell == cell)
        ++*colspan;
    *rowspan = 1;
    for (size_t k = i + 1; k < b->nrows; k++) {
        const row *below = &b->rows[k];
        if (col >= below->count || !below->slots[col].covered || below->slots[col].cell != cell)
            break;
        *rowspan += written[k] != SIZE_MAX;
    }
}

/* The table's rows, one line each, cells separated by tabs; each cell that begins in a row (and each
 * slot no cell reached: a blank) recorded in the map as a cell of the table's grid. */
static void write_rows(cf_docbuild *b)
{
    size_t *written = cf_calloc(b->nrows ? b->nrows : 1, sizeof *written);
    if (!written) {
        fail(b, CF_ERR_NOMEM);
        return;
    }
    size_t lines = 0;
    for (size_t i = 0; i < b->nrows; i++)
        written[i] = row_has_text(b, &b->rows[i]) ? lines++ : SIZE_MAX; /* a row of nothing says nothing */
    unsigned table = ++b->tables;
    for (size_t i = 0; i < b->nrows && b->status == CF_OK; i++) {
        const row *r = &b->rows[i];
        if (written[i] == SIZE_MAX)
            continue;
        unsigned in_row = 0;
        for (size_t col = 0; col < b->width && b->status == CF_OK; col++) {
            if (col > 0 && !cf_buf_append(&b->doc.buf, "\t", 1))
                fail(b, CF_ERR_NOMEM);
            bool begins = col < r->count && !r->slots[col].covered && r->slots[col].cell >= 0;
            bool element = col < r->count && r->slots[col].element; /* a cell of the row, as Word counts them */
            if (col < r->count && r->slots[col].covered && r->slots[col].cell >= 0) {
                in_row += element; /* held by a span: the cell is where it begins */
                continue;
            }
            cf_doccell c = {.table = table, .row = written[i], .col = col, .rowspan = 1, .colspan = 1,
                            .doc_row = (unsigned)(i + 1), .doc_cell = begins || element ? ++in_row : 0};
            c.byte_start = b->doc.buf.len;
            if (begins) {
                spans_of(b, i, col, written, &c.rowspan, &c.colspan);
                if (b->cells[r->slots[col].cell])
                    append_field(b, b->cells[r->slots[col].cell]);
            }
            c.byte_end = b->doc.buf.len;
            if (b->status == CF_OK && b->map && !cf_docmap_add(b->map, &c))
                fail(b, CF_ERR_NOMEM);
        }
        if (!cf_buf_append(&b->doc.buf, "\n", 1))
            fail(b, CF_ERR_NOMEM);
    }
    cf_free(written);
}

void cf_docbuild_table_end(cf_docbuild *b)
{
    if (!b->in_table)
        return;
    if (b->in_cell)
        cf_docbuild_cell_end(b);
    if (b->status == CF_OK && b->width <= 1) {
        /* one column: a frame around paragraphs (a layout table), not a table of figures */
        for (size_t i = 0; i < b->ncells && b->status == CF_OK; i++)
            if (b->cells[i] && !cf_buf_puts(&b->doc.buf, b->cells[i]))
                fail(b, CF_ERR_NOMEM);
    } else {
        write_rows(b);
    }
    clear_table(b);
    b->doc.pending_space = b->doc.pending_break = false;
    if (b->status == CF_OK)
        blank_line(b);
    if (b->doc.buf.len > CF_TEXT_MAX_BYTES)
        fail(b, CF_ERR_LIMIT);
}

cf_status cf_docbuild_finish(cf_docbuild *b, const char *name, char **text, size_t *len, cf_docmap **map,
                             cf_error *err)
{
    *text = NULL;
    *len = 0;
    if (map)
        *map = NULL;
    cf_docbuild_table_end(b);
    cf_status status = b->status;
    if (status == CF_OK) {
        *len = b->doc.buf.len;
        *text = cf_buf_take(&b->doc.buf);
        if (!*text && !(*text = cf_strdup("")))
            status = CF_ERR_NOMEM;
    }
    if (status == CF_OK && map) {
        *map = b->map;
        b->map = NULL;
    }
    cf_buf_release(&b->doc.buf);
    b->status = CF_OK;
    if (status == CF_ERR_NOMEM)
        return cf_error_nomem(err, name);
    if (status == CF_ERR_LIMIT)
        return cf_error_set(err, CF_ERR_LIMIT, name, 0, 0,
                            _("the document's text or one of its tables is too large (more than %zu MB of "
                              "text, or a table of more than %zu cells)"),
                            CF_TEXT_MAX_BYTES >> 20, MAX_TABLE_SLOTS);
    return status;
}
