/* SPDX-License-Identifier: GPL-3.0-or-later */
/* docmap.h — where the table cells of a document lie: in its text view and in the document.
 *
 * A reader of a document with tables (a web page, a Word file, a PDF) writes a text view for
 * the raw pane and records here, for every table cell it writes into it, the cell's bytes in
 * the view, its place in its table's grid and its place in the document: the table, row and
 * cell as the document counts them (HTML, DOCX), or the page and the box of its characters
 * (PDF). Each row of a gridded table is one line of the view: row k of a table is k lines below its
 * first (a line of no cells, like a PDF's page marker where a table goes on over the page, an empty row).
 *
 * The extractor reads a gridded table as the grid rebuilt from the map (core/grid) — the cells
 * and spans the document has — instead of re-reading its text; check --json names each cell's
 * place in the document. Records come in the order they were written (increasing bytes). */
#ifndef CF_DOCMAP_H
#define CF_DOCMAP_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "error.h"
#include "grid.h"
#include "text.h"

/* One cell of a document's table. */
typedef struct {
    unsigned table;              /* 1-based in document order; 0: a place only, its table not a grid */
    size_t row, col;             /* its anchor in the table's grid, 0-based */
    size_t rowspan, colspan;     /* at least 1 each */
    size_t byte_start, byte_end; /* its text in the view; equal for a blank cell (where its field is) */
    unsigned doc_row, doc_cell;  /* HTML/DOCX: 1-based row of the table and cell of that row; 0 if none */
    unsigned page;               /* PDF: 1-based page; 0 otherwise */
    double x0, y0, x1, y1;       /* PDF: the box of its characters, in points, y growing down the page */
} cf_doccell;

typedef struct cf_docmap cf_docmap;

/* An empty map, or NULL when memory runs out. Caller frees with cf_docmap_free. */
cf_docmap *cf_docmap_new(void);
void cf_docmap_free(cf_docmap *map);

/* Record a cell (copied). False when memory runs out or cell starts before the last one recorded. */
bool cf_docmap_add(cf_docmap *map, const cf_doccell *cell);
/* Drop the gridded cells of table number table (a reader found them not to form a grid): they stay
 * places (table 0). */
void cf_docmap_ungrid(cf_docmap *map, unsigned table);
size_t cf_docmap_count(const cf_docmap *map);
/* Make record number index (in the order recorded) a cell of table's grid at (row, col), colspan columns
 * wide: a reader that knows a row is a table's only after writing it. False when there is no such record. */
bool cf_docmap_set_grid(cf_docmap *map, size_t index, unsigned table, size_t row, size_t col, size_t colspan);

/* The cell whose text holds view byte `byte` (or whose blank field is at it); NULL when none. The
 * pointer lasts as long as the map. */
const cf_doccell *cf_docmap_at(const cf_docmap *map, size_t byte);

/* Where in the document a cell lies, as a person is told it: a PDF's page and the box of its characters
 * (whole points from the page's top left), or a web page's or Word file's table, row and cell. */
typedef struct {
    unsigned page;             /* PDF: 1-based; 0 when the place is a table's */
    unsigned x0, y0, x1, y1;   /* PDF only */
    unsigned table, row, cell; /* HTML/DOCX: each 1-based; 0 when the place is a page's */
} cf_docplace;

/* The place in text's document of the cell read at view byte `byte` into *out. False (and *out zeroed)
 * when text has no document map or no cell there, or the cell has no place to name. */
bool cf_docmap_place(const cf_text *text, size_t byte, cf_docplace *out);

/* The gridded table that has a row on line `line` of text (the view the map was made with), as a grid
 * of its rows from that line up to, not including, line `limit`: *out (caller frees with cf_grid_free)
 * and *end, the line after its last row taken. False with *out NULL when no such table row is on that
 * line, and false with *nomem set when memory runs out. */
bool cf_docmap_grid(const cf_docmap *map, const cf_text *text, size_t line, size_t limit, cf_grid **out,
                    size_t *end, bool *nomem);

/* A document's text view with the map of its tables' cells: cf_text_from_document (which see), the
 * map then the text's (freed when the text cannot be made). Caller frees *out. */
cf_status cf_text_from_mapped_document(const char *name, const char *kind, const char *described, char **utf8,
                                       size_t len, const char *sha256_hex, cf_docmap *map, cf_text **out,
                                       cf_error *err);

/* The map as text (one line a cell) appended to out, for a reader in another process. False when
 * memory runs out. */
bool cf_docmap_write(const cf_docmap *map, cf_buf *out);
/* A map from what cf_docmap_write wrote (len bytes) for a view of view_len bytes into *out (caller
 * frees). CF_ERR_INPUT when the text is not such a map, CF_ERR_NOMEM; *out is then NULL. */
cf_status cf_docmap_read(const char *s, size_t len, size_t view_len, cf_docmap **out);

#endif
