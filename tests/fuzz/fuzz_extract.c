/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: any bytes as a report — decode, extract, check, write the JSON record. */
#include <stddef.h>
#include <stdint.h>

#include "alloc.h"
#include "extract.h"
#include "report_json.h"
#include "assess.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static cf_template **tpls; /* loaded once: the fuzzer calls this millions of times */
    static size_t ntpls;
    if (!tpls && cf_template_load_builtin(&tpls, &ntpls, NULL) != CF_OK)
        return 0;
    cf_text *text;
    if (cf_text_from_bytes("fuzz.txt", (const char *)data, size, &text, NULL) != CF_OK)
        return 0;
    cf_report *report;
    if (cf_extract(text, tpls, ntpls, &report, NULL) == CF_OK) {
        cf_assessment *a;
        if (cf_assess_report(report, NULL, NULL, &a, NULL) == CF_OK) {
            cf_buf record;
            cf_buf_init(&record);
            cf_report_json(report, a, "fuzz.txt", &record);
            cf_buf_release(&record);
            cf_assessment_free(a);
        }
        cf_report_free(report);
    }
    cf_text_free(text);
    return 0;
}
