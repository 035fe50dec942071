/* SPDX-License-Identifier: GPL-3.0-or-later */
/* docbuild.h — the text view a structured document's reader builds (web pages, Word files).
 *
 * A reader walks its document and says what it meets: inline text, paragraph breaks, tables,
 * rows and cells with their spans. The builder writes what the raw pane shows: each paragraph
 * on its own line, whitespace collapsed as a browser shows it (a line break in the source between two Chinese characters is no space), and each table as
 * one line per row with its cells separated by tabs, spans expanded so that every row has
 * every column — a spanned slot and a blank cell are both an empty field — with an empty line
 * before and after. A table's cells are plain text: a reader hands a table nested in another
 * as paragraphs (a layout table), never to the builder as a table. Each table cell written is
 * recorded in a map (core/docmap.h) with its place in the document: the extractor reads the tables
 * as grids from it.
 *
 * Failures are sticky: after one (out of memory, a table or text past the limits) every call
 * does nothing and cf_docbuild_finish reports it. */
#ifndef CF_DOCBUILD_H
#define CF_DOCBUILD_H

#include <stddef.h>

#include "docmap.h"
#include "error.h"

typedef struct cf_docbuild cf_docbuild;

/* A new, empty builder, or NULL when memory runs out. Caller frees with cf_docbuild_free. */
cf_docbuild *cf_docbuild_new(void);
void cf_docbuild_free(cf_docbuild *b);

/* Text (UTF-8, len bytes) into the current paragraph or cell. */
void cf_docbuild_text(cf_docbuild *b, const char *s, size_t len);
/* A paragraph ends (a <p>, a <br>, a Word paragraph): the next text starts a new line, or in a
 * cell is joined after a space (none between Chinese characters). */
void cf_docbuild_break(cf_docbuild *b);

/* A table with its rows and cells, in document order. colspan and rowspan are clipped to
 * 1..1000 and 1..65534, as HTML does. */
void cf_docbuild_table_begin(cf_docbuild *b);
void cf_docbuild_row(cf_docbuild *b);
void cf_docbuild_cell_begin(cf_docbuild *b, long colspan, long rowspan);
void cf_docbuild_cell_end(cf_docbuild *b);
/* colspan slots held by the cell above them (Word's vMerge continuation): a cell of its row all the same,
 * counted in the row's cell numbers as Word counts them, its text the cell above's. */
void cf_docbuild_cell_covered(cf_docbuild *b, long colspan);
/* colspan empty slots that no cell of the document holds (Word's gridBefore): blank, and not
 * counted among the row's cells. */
void cf_docbuild_skip(cf_docbuild *b, long colspan);
void cf_docbuild_table_end(cf_docbuild *b);

/* The text built, NUL-terminated (*len bytes, cf_malloc'd, the caller's), and with map (may be NULL)
 * the map of its tables' cells (core/docmap: each table of two or more columns a grid, each of its
 * rows one line of the text; the caller's, cf_docmap_free) — or the failure: CF_ERR_NOMEM or
 * CF_ERR_LIMIT with err naming name, *text and *map NULL. After it the builder can only be freed. */
cf_status cf_docbuild_finish(cf_docbuild *b, const char *name, char **text, size_t *len, cf_docmap **map,
                             cf_error *err);

#endif
