/* SPDX-License-Identifier: GPL-3.0-or-later */
/* export.h — the audited result of a review, for other programs and for the report itself.
 *
 * JSON keeps the cell ids of `check --json` and adds each cell's state, note and
 * extracted value; CSV is UTF-8 with a BOM (so Excel and WPS show the Chinese),
 * one row per cell; Markdown renders the tables in the national layout; XLSX has
 * one sheet per table, broken cells red, corrected cells yellow, notes as comments.
 * Each opens with the title block (the report, the document and its SHA-256, the
 * reviewers, the first and last change, the sign-off): JSON's "title" object, a
 * Markdown heading and list, XLSX's first sheet, and in CSV label,value rows ended by
 * an empty row before the table's header. */
#ifndef CF_EXPORT_H
#define CF_EXPORT_H

#include "error.h"
#include "fileio.h"
#include "review.h"

typedef enum { CF_EXPORT_JSON, CF_EXPORT_CSV, CF_EXPORT_MD, CF_EXPORT_XLSX } cf_export_format;

/* "json", "csv", "md" (or "markdown"), "xlsx" → format; false when unknown. */
bool cf_export_format_parse(const char *name, cf_export_format *out);
/* The export as bytes (*len of them), its findings assessed against last year's report when
 * previous is not NULL (as the workbench and `check --previous` show them). Caller frees. Not for XLSX. */
cf_status cf_export_render(const cf_review *review, const cf_year *previous, cf_export_format format, char **out,
                           size_t *len, cf_error *err);
/* Write the export to path, atomically (the previous file stays intact on failure). */
cf_status cf_export_write(const cf_review *review, const cf_year *previous, cf_export_format format, const char *path,
                          const cf_io *io, cf_error *err);

#endif
