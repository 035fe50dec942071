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
/* Append to out the matching key of s: its CJK ideographs and ASCII letters and digits, nothing else.
 * Returns false when memory runs out. */
bool cf_compact_append(cf_buf *out, const char *s, size_t len);

#endif
