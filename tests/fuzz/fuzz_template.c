/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: any bytes as a template file; a template that loads then reads and assesses
 * a seed report, so that no template within the limits can overflow what extraction, the rules,
 * the fix finder or the findings keep for it. Run from the top of the tree (make fuzz). */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "assess.h"
#include "template.h"

#define SEED "tests/fixtures/seeds/000_b0a3a3717f6cc721.txt"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static cf_text *seed; /* read once: the fuzzer calls this millions of times */
    static bool tried;
    if (!tried) {
        tried = true;
        if (cf_text_load(SEED, &seed, NULL) != CF_OK)
            seed = NULL;
    }
    cf_template *tpl;
    if (cf_template_parse("fuzz.yaml", (const char *)data, size, &tpl, NULL) != CF_OK)
        return 0;
    cf_report *report;
    if (seed && cf_extract(seed, &tpl, 1, &report, NULL) == CF_OK) {
        cf_assessment *a;
        if (cf_assess_report(report, NULL, NULL, &a, NULL) == CF_OK)
            cf_assessment_free(a);
        cf_report_free(report);
    }
    cf_template_free(tpl);
    return 0;
}
