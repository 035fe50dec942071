/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: any bytes as a report — decode, extract, check, write the JSON record. */
#include <stddef.h>
#include <stdint.h>

#include "alloc.h"
#include "extract.h"
#include "report_json.h"
#include "rules.h"

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
        const cf_template *tpl = cf_report_template(report);
        cf_rule_result *results = cf_calloc(cf_template_rule_count(tpl) + 1, sizeof *results);
        if (results) {
            cf_rules_evaluate(tpl, cf_report_cells(report), results);
            cf_free(cf_report_json(report, results, "fuzz.txt", NULL));
            cf_free(results);
        }
        cf_report_free(report);
    }
    cf_text_free(text);
    return 0;
}
