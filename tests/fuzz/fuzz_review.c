/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: any bytes as a review file (it names a seed report, opened with --force). */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <unistd.h>

#include "review.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char path[64];
    snprintf(path, sizeof path, "/tmp/cf-fuzz-review-%ld.yaml", (long)getpid());
    FILE *f = fopen(path, "wb");
    if (!f)
        return 0;
    fwrite(data, 1, size, f);
    fclose(f);
    cf_review *r;
    if (cf_review_load(path, true, "fuzz", &r, NULL) == CF_OK) {
        cf_review_summarize(r);
        cf_review_free(r);
    }
    unlink(path);
    return 0;
}
