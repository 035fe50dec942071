/* SPDX-License-Identifier: GPL-3.0-or-later */
/* normalize.h — the view of a line that matching works on.
 *
 * Full-width digits, letters and brackets become ASCII; full-width, no-break
 * and other spaces (and &nbsp;) become ' '; zero-width characters, CR and
 * Word artefacts such as "[bookmark: _GoBack]" go; box-drawing verticals and
 * the full-width bar become '|'; page markers ("- 4 -", "— 5 —", "第 4 页")
 * and rule lines ("|---|---|", "├──┼──┤") become empty. The original bytes stay
 * untouched: origin[] maps every normalised byte back to its source byte. */
#ifndef CF_NORMALIZE_H
#define CF_NORMALIZE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "text.h"

typedef struct {
    char *text;       /* normalised UTF-8, NUL-terminated */
    size_t len;
    uint32_t *origin; /* len + 1 entries: source byte offset of each byte (origin[len] = source length) */
    size_t cap;
    bool dropped;     /* a page marker or rule line: nothing of it counts */
} cf_norm_line;

void cf_norm_line_init(cf_norm_line *line);
void cf_norm_line_release(cf_norm_line *line);
/* Normalise src[0..len) into line (reusing its memory). Returns false when memory runs out. */
bool cf_normalize_line(const char *src, size_t len, cf_norm_line *line);
/* The normalised lines of one text, each normalised once when first asked for and kept while the store
 * lives (a text up to CF_NORM_KEEP_BYTES: its lines take five times its size). A larger text is
 * normalised line by line into one buffer again, as each line is asked for. Not shared between
 * threads. */
typedef struct cf_norm_text cf_norm_text;
#define CF_NORM_KEEP_BYTES ((size_t)4 << 20)

/* A store for text (which must outlive it); caller frees with cf_norm_text_free. NULL when memory runs out. */
cf_norm_text *cf_norm_text_new(const cf_text *text);
void cf_norm_text_free(cf_norm_text *norms);
/* The normalised view of line (0-based). It stays valid while the store lives when the store keeps
 * its lines, else until the next call. NULL when memory runs out. */
const cf_norm_line *cf_norm_text_line(cf_norm_text *norms, size_t line);
/* The length in bytes of line in the source text (before normalising). */
size_t cf_norm_text_source_length(const cf_norm_text *norms, size_t line);

/* Append to out the matching key of s: its CJK ideographs and ASCII letters and digits, nothing else.
 * Returns false when memory runs out. */
bool cf_compact_append(cf_buf *out, const char *s, size_t len);
/* cf_compact_append, and when origin is not NULL (room for len entries) origin[k] is the offset in s
 * of the key's k-th appended byte. */
bool cf_compact_append_mapped(cf_buf *out, const char *s, size_t len, size_t *origin);
/* Append to out the matching key of the normalised line src[0..len) — cf_compact_append of
 * cf_normalize_line's text — in one pass that keeps only the key's bytes, when every character of
 * the line normalises on its own: a scan that needs only the key does not pay for the normalised
 * text and its map back to the source. When the line needs the whole normaliser (an entity, a
 * tag, a bookmark, what could be a page marker) nothing is appended and *whole is set: the caller
 * appends the key of the line it normalises (and may keep). False when memory runs out. */
bool cf_compact_line(const char *src, size_t len, cf_buf *out, bool *whole);

#endif
