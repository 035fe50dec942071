/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: any bytes as a PDF page's character boxes, laid out into rows and columns.
 * poppler itself is not fuzzed here: the whole reader runs it in a forked child (where a crash
 * is by design a message), which libFuzzer cannot follow; this covers our geometry code. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "pdf_layout.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* each glyph: a code point (3 bytes) and its box as four 16-bit tenths of a point; a zero
     * code point starts the next page */
    enum { GLYPH = 11 };
    size_t count = size / GLYPH;
    cf_pdf_glyph *glyphs = cf_calloc(count + 1, sizeof *glyphs);
    if (!glyphs)
        return 0;
    cf_buf out;
    cf_buf_init(&out);
    cf_docmap *map = cf_docmap_new();
    cf_pdf_layout *layout = map ? cf_pdf_layout_new(&out, map) : NULL;
    unsigned page = 1;
    size_t n = 0;
    for (size_t i = 0; layout && i <= count; i++) {
        const uint8_t *g = data + i * GLYPH;
        uint32_t cp = i < count ? (uint32_t)g[0] << 16 | (uint32_t)g[1] << 8 | g[2] : 0;
        if (cp == 0) {
            if (!cf_pdf_layout_page(layout, page++, glyphs, n))
                break;
            n = 0;
            continue;
        }
        int16_t v[4];
        memcpy(v, g + 3, sizeof v);
        glyphs[n++] = (cf_pdf_glyph){cp % 0x110000, v[0] / 10.0, v[1] / 10.0, v[2] / 10.0, v[3] / 10.0};
    }
    cf_pdf_layout_free(layout);
    if (map) { /* the map crosses the reader's pipe as text and comes back whole */
        cf_buf sent;
        cf_buf_init(&sent);
        cf_docmap *back = NULL;
        if (cf_docmap_write(map, &sent) && cf_docmap_read(sent.data, sent.len, out.len, &back) == CF_OK &&
            cf_docmap_count(back) != cf_docmap_count(map))
            __builtin_trap();
        cf_docmap_free(back);
        cf_buf_release(&sent);
    }
    cf_docmap_free(map);
    cf_buf_release(&out);
    cf_free(glyphs);
    return 0;
}
