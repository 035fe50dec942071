/* SPDX-License-Identifier: GPL-3.0-or-later */
/* text.h — a report's text: read, decoded to UTF-8 and indexed by line.
 *
 * Accepts UTF-8 (with or without BOM), UTF-16 (with a BOM, or without one when
 * the NULs of its ASCII characters give it away and it reads as a report) and
 * GB18030/GBK; valid UTF-8 is never re-decoded. The decoded text is kept byte for byte
 * (CR, tabs, control characters and all): it is what the workbench shows and
 * what every cell's provenance points into. A PDF (recognised by content) is read by
 * read_pdf.h into a text view of its pages. */
#ifndef CF_TEXT_H
#define CF_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "error.h"

typedef struct cf_text cf_text;
typedef struct cf_docmap cf_docmap;

/* Largest report accepted, and longest line. */
#define CF_TEXT_MAX_BYTES ((size_t)64 << 20)
#define CF_TEXT_MAX_LINE ((size_t)1 << 20)

/* Read and decode the file at path. On failure returns non-CF_OK, fills err
 * (naming the file and, where there is one, the line) and leaves *out NULL.
 * Caller frees with cf_text_free. */
cf_status cf_text_load(const char *path, cf_text **out, cf_error *err);
/* Same from bytes in memory; name is used in messages. Caller frees. */
cf_status cf_text_from_bytes(const char *name, const char *bytes, size_t len, cf_text **out,
                             cf_error *err);
/* Same from *bytes (len bytes, len + 1 allocated with cf_malloc), taking the buffer itself
 * when the text needs no conversion: *bytes is then NULL; the caller frees what it still holds. */
cf_status cf_text_from_buffer(const char *name, char **bytes, size_t len, cf_text **out, cf_error *err);
/* Read the whole regular file at path (at most CF_TEXT_MAX_BYTES) into *bytes, NUL-terminated
 * after *len bytes. Caller frees *bytes with cf_free; on failure it is NULL and err names the file. */
cf_status cf_text_read_file(const char *path, char **bytes, size_t *len, cf_error *err);
/* The text view a document reader made: takes *utf8 (valid UTF-8, len bytes, NUL-terminated,
 * allocated with cf_malloc; *utf8 becomes NULL even on failure, which frees it). kind is the
 * reader's name (a string that outlives the text), described what the heading says after the
 * format ("HTML, GB18030"), sha256_hex the SHA-256 of the document's bytes. Fails like the
 * text reader on a view with no Chinese text. Caller frees. */
cf_status cf_text_from_document(const char *name, const char *kind, const char *described, char **utf8,
                                size_t len, const char *sha256_hex, cf_text **out, cf_error *err);
void cf_text_free(cf_text *text);
/* Give a document's text the map of its tables' cells (core/docmap.h), which it then owns. */
void cf_text_set_docmap(cf_text *text, cf_docmap *map);
/* The map of the document's table cells; NULL for a text file or a document read without one. */
const cf_docmap *cf_text_docmap(const cf_text *text);
/* Record that lines [first, end) (0-based) of a document's text view held a table its reader left
 * out, blanked: the converter drew it wider than the cell of the page's layout table holding it, so
 * its rows were wrapped over the cell's lines (pandoc markdown of a web page laid out in a table).
 * Spans are kept in order of their first line; one that meets a span already recorded joins it.
 * False when out of memory (nothing recorded). */
bool cf_text_add_left_out(cf_text *text, size_t first, size_t end);
/* How many spans of left-out tables the text records (cf_text_add_left_out). */
size_t cf_text_left_out_count(const cf_text *text);
/* The lines [*first, *end) of the i-th span of left-out tables (i < cf_text_left_out_count). */
void cf_text_left_out(const cf_text *text, size_t i, size_t *first, size_t *end);

const char *cf_text_name(const cf_text *text);
/* The decoded UTF-8 text (NUL-terminated) and its length in bytes. */
const char *cf_text_data(const cf_text *text);
size_t cf_text_size(const cf_text *text);
/* "UTF-8", "UTF-8 (BOM)", "UTF-16LE", "GB18030" … ("HTML, GB18030", "DOCX" for a document;
 * "GB18030 via Latin-1" for mojibake taken back): the record's name, never translated. */
const char *cf_text_encoding(const cf_text *text);
/* The encoding as a person reads it into buf (size bytes, NUL-terminated, cut when too small):
 * cf_text_encoding, with a note in the run's language when the text was mojibake taken back and how
 * many bytes were lost. Returns the length it needed. */
size_t cf_text_describe_encoding(const cf_text *text, char *buf, size_t size);
/* What the text was read from: "text", or a document reader's name ("html", "docx" …). */
const char *cf_text_kind(const cf_text *text);
/* SHA-256 of the file's bytes as read (before decoding), 64 hex digits. */
const char *cf_text_sha256(const cf_text *text);

size_t cf_text_line_count(const cf_text *text);
/* Line index (0-based): its first byte and its length without the line break. */
const char *cf_text_line(const cf_text *text, size_t index, size_t *len);
size_t cf_text_line_offset(const cf_text *text, size_t index);
/* Find needle in the text starting after (forward) or before (backward) byte offset from,
 * wrapping around; true with *found set to its byte offset. */
bool cf_text_find(const cf_text *text, const char *needle, size_t from, bool forward, size_t *found);
/* Index of the line holding byte offset. */
size_t cf_text_line_at(const cf_text *text, size_t offset);

/* bytes (len) in the iconv encoding from, as UTF-8 into *out (NUL-terminated, caller frees)
 * and *out_len. CF_ERR_INPUT with *bad_offset where it stopped decoding; CF_ERR_NOMEM. */
cf_status cf_text_convert(const char *from, const char *bytes, size_t len, char **out, size_t *out_len,
                          size_t *bad_offset);

#endif
