/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: a Word file's text. Bytes that start like a zip are the .docx itself (the
 * zip layer, its bounds); any other bytes are word/document.xml, zipped here so that every
 * mutation reaches the XML walk, the spans and the extractor past the zip's checksums. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "alloc.h"
#include "extract.h"
#include "reader.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static uint32_t crc32_of(const uint8_t *data, size_t size)
{
    uint32_t crc = 0xFFFFFFFFu;
    for (size_t i = 0; i < size; i++) {
        crc ^= data[i];
        for (int k = 0; k < 8; k++)
            crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

static uint8_t *put(uint8_t *p, uint32_t v, int bytes)
{
    for (int i = 0; i < bytes; i++)
        *p++ = (uint8_t)(v >> (8 * i));
    return p;
}

/* A zip holding data, stored, as word/document.xml: cf_malloc'd, NUL after its *len bytes. */
static char *zip_of(const uint8_t *data, size_t size, size_t *len)
{
    static const char name[] = "word/document.xml";
    const uint32_t n = sizeof name - 1, crc = crc32_of(data, size), sz = (uint32_t)size;
    *len = 30 + n + size + 46 + n + 22;
    uint8_t *zip = cf_malloc(*len + 1), *p = zip;
    if (!zip)
        return NULL;
    /* local header, data, central directory entry, end of central directory */
    p = put(put(put(put(put(put(put(put(p, 0x04034b50, 4), 20, 2), 0, 2), 0, 2), 0, 4), crc, 4), sz, 4), sz, 4);
    p = put(put(p, n, 2), 0, 2);
    memcpy(p, name, n);
    p += n;
    memcpy(p, data, size);
    p += size;
    p = put(put(put(put(put(put(put(p, 0x02014b50, 4), 20, 2), 20, 2), 0, 2), 0, 2), 0, 4), crc, 4);
    p = put(put(put(put(put(put(put(put(p, sz, 4), sz, 4), n, 2), 0, 2), 0, 2), 0, 2), 0, 2), 0, 4);
    p = put(p, 0, 4);
    memcpy(p, name, n);
    p += n;
    p = put(put(put(put(put(put(put(p, 0x06054b50, 4), 0, 2), 0, 2), 1, 2), 1, 2), 46 + n, 4), 30 + n + sz, 4);
    p = put(p, 0, 2);
    *p = 0;
    return (char *)zip;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static cf_template **tpls; /* loaded once: the fuzzer calls this millions of times */
    static size_t ntpls;
    if (!tpls && cf_template_load_builtin(&tpls, &ntpls, NULL) != CF_OK)
        return 0;
    size_t len = size;
    char *docx = size >= 2 && memcmp(data, "PK", 2) == 0 ? cf_strndup((const char *)data, size) : zip_of(data, size, &len);
    cf_text *text = NULL;
    if (docx && cf_reader_docx.read("fuzz.docx", &docx, len, &text, NULL) == CF_OK) {
        cf_report *report;
        if (cf_extract(text, tpls, ntpls, &report, NULL) == CF_OK)
            cf_report_free(report);
        cf_text_free(text);
    }
    cf_free(docx);
    return 0;
}
