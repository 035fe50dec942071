/* SPDX-License-Identifier: GPL-3.0-or-later */
/* document.h — open any report document: a text file, a web page, a Word file …
 *
 * The reader is picked by the file's content (magic bytes, markup), the name only breaking a
 * tie, from one table of readers (core/reader.h). Every caller — check, extract, the workbench,
 * --previous, reopening a review — gets the same result: a text view (what the raw pane shows,
 * line by line; a document's tables as one line per row, cells separated by tabs) whose
 * SHA-256 is that of the file's bytes, and whose kind (cf_text_kind) names the reader. */
#ifndef CF_DOCUMENT_H
#define CF_DOCUMENT_H

#include <stddef.h>

#include "error.h"
#include "text.h"

/* Read the document at path. On failure (unreadable, a format recognised but not read, a
 * damaged document) returns non-CF_OK with err naming the file, and *out NULL. Caller frees
 * with cf_text_free. */
cf_status cf_document_load(const char *path, cf_text **out, cf_error *err);
/* Same from len bytes in memory (name used in messages and as the tie-breaking file name). */
cf_status cf_document_from_bytes(const char *name, const char *bytes, size_t len, cf_text **out, cf_error *err);
/* The kind of document the bytes hold by content alone ("text", "html", "docx", "doc" …),
 * as the reader table decides; never NULL. */
const char *cf_document_sniff(const char *name, const char *bytes, size_t len);

#endif
