/* SPDX-License-Identifier: GPL-3.0-or-later */
/* reader.h — one row of the reader table per document kind (core/read_*.c).
 *
 * A row says how to recognise its kind by content and how to turn the file's bytes into a
 * text view. A kind crossfoot recognises but does not read has no read function and a refusal:
 * what the file is and what to do with it. A new format is one read_*.c file and one row in
 * core/document.c. */
#ifndef CF_READER_H
#define CF_READER_H

#include <stdbool.h>
#include <stddef.h>

#include "docmap.h"
#include "error.h"
#include "text.h"

typedef struct {
    const char *kind; /* "html", "docx" … what cf_text_kind says and the review records */
    /* True when bytes (len of them, NUL after) are this kind; name only breaks a tie. */
    bool (*sniff)(const char *name, const char *bytes, size_t len);
    /* The text view of *bytes (len of them, NUL after, allocated with cf_malloc); may take the
     * buffer (setting *bytes NULL). Fails with err naming the file. Caller frees *out. */
    cf_status (*read)(const char *name, char **bytes, size_t len, cf_text **out, cf_error *err);
    const char *refusal; /* no read: the message (N_), naming the format and what to do */
} cf_reader;

extern const cf_reader cf_reader_text;
extern const cf_reader cf_reader_html;
extern const cf_reader cf_reader_docx;
extern const cf_reader cf_reader_markdown;
extern const cf_reader cf_reader_mhtml;

/* The text view of HTML (len bytes in encoding, NULL to follow a byte-order mark), as the web page
 * reader makes it: paragraphs as lines, tables as tab-separated rows. *view (cf_malloc'd, NUL after,
 * possibly empty) is the caller's, and with map (may be NULL) *map, where its tables' cells are
 * (core/docmap.h; cf_docmap_free). Fails with err naming name (too large, nested too deep, no HTML,
 * out of memory). */
cf_status cf_html_to_text(const char *name, const char *html, size_t len, const char *encoding, char **view,
                          size_t *view_len, cf_docmap **map, cf_error *err);

/* The text of a web page (html, len bytes, NUL after; Word's conditional-comment markers are blanked
 * in place) as a document of kind ("html", "mhtml"): charset is what the page's container declares
 * (NULL: the page's own charset=, else UTF-8 when valid, else GB18030), sha256_hex the file's hash.
 * Fails like cf_html_to_text, or on a page with no text. Caller frees *out. */
cf_status cf_html_read(const char *name, const char *kind, char *html, size_t len, const char *charset,
                       const char *sha256_hex, cf_text **out, cf_error *err);

/* True when name ends with suffix, ignoring ASCII case (".HTM" is ".htm"). */
bool cf_name_ends_with(const char *name, const char *suffix);
/* The first place needle (ASCII, not empty) occurs in s[0..len), ignoring ASCII case; NULL when it does not. */
const char *cf_bytes_find_nocase(const char *s, size_t len, const char *needle);
/* True when needle (ASCII) occurs in the first limit bytes of s, ignoring ASCII case. */
bool cf_bytes_contain_nocase(const char *s, size_t len, size_t limit, const char *needle);
/* True when a line of s[0..len) starts (after at most three spaces) with a markdown pipe table's
 * delimiter row ("|---|", "| :--- |"): markdown, whatever raw HTML it also holds. */
bool cf_bytes_hold_pipe_table(const char *s, size_t len);

#endif
