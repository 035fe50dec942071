/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pdf_layout.h — a PDF's pages, given the box of every character, laid out as text.
 *
 * Pure geometry, no PDF library: the reader (read_pdf.c) hands each page's characters
 * here. A table row becomes one line of TAB-separated cells: the row's label cells, then
 * one field per value column, empty where the cell is blank. Rows come from the values'
 * baselines (a label wrapped over several lines, with its numbers centred on it, is one
 * row), columns from the lowest header cells above the values (what lies below a header
 * tells a group heading from a column heading), else from the rows that fill every
 * column. A row whose values' columns the geometry cannot decide is written with its
 * values only, no blank fields, so the extractor reads its blanks as a guess and flags
 * them. Other text is written line by line. Each page begins with "— 第 N 页 —"; a
 * table's header rows repeated at the top of the next page and page numbers are dropped.
 *
 * With a map, each table is also handed over as a grid (core/docmap): its header rows and rows, the
 * row labels right-aligned in the label columns, each value in its column and an empty slot for each
 * blank, each header cell over the value columns it covers (a heading over sub-headings spans them).
 * Values whose columns are not decided stand in columns of their own under no heading, so the label
 * mapping still guesses and flags their blanks. A table that goes on straight after a page break is
 * the same grid, the page's marker an empty row of it. */
#ifndef CF_PDF_LAYOUT_H
#define CF_PDF_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "docmap.h"

/* One character and its box, in points, y growing down the page. */
typedef struct {
    uint32_t cp;
    double x0, y0, x1, y1;
} cf_pdf_glyph;

typedef struct cf_pdf_layout cf_pdf_layout;

/* A layout that appends to out and, when map is not NULL, records in it each table cell written
 * with its page and the box of its characters (both owned by the caller, who must keep them
 * alive). NULL when memory runs out. Caller frees with cf_pdf_layout_free. */
cf_pdf_layout *cf_pdf_layout_new(cf_buf *out, cf_docmap *map);
void cf_pdf_layout_free(cf_pdf_layout *layout);
/* Append page number page (1-based) without laying it out: its marker and a line saying why
 * (note, one line) — a blank page, a scanned one, one that does not decode. False when memory
 * runs out. */
bool cf_pdf_layout_skip(cf_pdf_layout *layout, unsigned page, const char *note);
/* Lay out page number page (1-based) from its characters and append it. False when memory
 * runs out (out then holds what it had plus part of the page). */
bool cf_pdf_layout_page(cf_pdf_layout *layout, unsigned page, const cf_pdf_glyph *glyphs, size_t count);

#endif
