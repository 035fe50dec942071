/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: any bytes as a web page, as a single-file web page (MIME) and as markdown with raw
 * HTML tables — parse, build the text view, extract. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "alloc.h"
#include "extract.h"
#include "reader.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static cf_template **tpls; /* loaded once: the fuzzer calls this millions of times */
    static size_t ntpls;
    if (!tpls && cf_template_load_builtin(&tpls, &ntpls, NULL) != CF_OK)
        return 0;
    static const cf_reader *const readers[] = {&cf_reader_html, &cf_reader_mhtml, &cf_reader_markdown};
    for (size_t r = 0; r < sizeof readers / sizeof *readers; r++) {
        char *page = cf_strndup((const char *)data, size); /* the reader's own copy, as a file read gives */
        cf_text *text = NULL;
        if (page && readers[r]->read("fuzz.html", &page, size, &text, NULL) == CF_OK) {
            cf_report *report;
            if (cf_extract(text, tpls, ntpls, &report, NULL) == CF_OK)
                cf_report_free(report);
            cf_text_free(text);
        }
        cf_free(page);
    }
    return 0;
}
