/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: any bytes as a template file. */
#include <stddef.h>
#include <stdint.h>

#include "template.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    cf_template *tpl;
    if (cf_template_parse("fuzz.yaml", (const char *)data, size, &tpl, NULL) == CF_OK)
        cf_template_free(tpl);
    return 0;
}
