/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: any bytes as the journal of a review of seed 002, replayed. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <unistd.h>

#include "review.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char review_path[64], journal[80];
    snprintf(review_path, sizeof review_path, "/tmp/cf-fuzz-journal-%ld.yaml", (long)getpid());
    snprintf(journal, sizeof journal, "%s.journal", review_path);
    FILE *f = fopen(journal, "wb");
    if (!f)
        return 0;
    fwrite(data, 1, size, f);
    fclose(f);
    cf_review *r;
    if (cf_review_open_report("tests/fixtures/seeds/002_b895455aa8998ba0.txt", NULL, "fuzz", review_path, &r, NULL) ==
        CF_OK) {
        if (cf_review_journal_pending(r))
            cf_review_replay_journal(r, NULL, NULL);
        cf_review_free(r);
    }
    unlink(journal);
    return 0;
}
