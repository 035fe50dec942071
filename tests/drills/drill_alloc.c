/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Allocation-failure drills: fail the Nth allocation, for every N until the operation
 * completes; each run must fail cleanly (an out-of-memory error, nothing leaked, no
 * crash) and leave the files as they were. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "extract.h"
#include "fault_alloc.h"
#include "report_json.h"
#include "review.h"
#include "assess.h"

#define SEED CF_FIXTURES "/seeds/002_b895455aa8998ba0.txt"

/* Read, extract, check and write the JSON record of the seed; the status of the first step that failed. */
static cf_status check_seed(cf_error *err)
{
    cf_text *text = NULL;
    cf_template **tpls = NULL;
    size_t ntpls = 0;
    cf_report *report = NULL;
    cf_status st = cf_text_load(SEED, &text, err);
    if (st == CF_OK)
        st = cf_template_load_builtin(&tpls, &ntpls, err);
    if (st == CF_OK)
        st = cf_extract(text, tpls, ntpls, &report, err);
    if (st == CF_OK) {
        cf_assessment *a;
        st = cf_assess_report(report, NULL, NULL, &a, err);
        if (st == CF_OK) {
            cf_buf record;
            cf_buf_init(&record);
            if (!cf_report_json(report, a, SEED, &record))
                st = cf_error_nomem(err, SEED);
            cf_buf_release(&record);
            cf_assessment_free(a);
        }
    }
    cf_report_free(report);
    for (size_t i = 0; i < ntpls; i++)
        cf_template_free(tpls[i]);
    cf_free(tpls);
    cf_text_free(text);
    return st;
}

Test(drill, extraction_fails_cleanly_at_every_allocation)
{
    long n = 1;
    for (;; n++) {
        cf_error err;
        cf_error_clear(&err);
        cf_fault_arm(n);
        cf_status st = check_seed(&err);
        long used = cf_fault_calls();
        cf_fault_arm(0);
        if (st == CF_OK) {
            cr_assert_lt(used, n, "allocation %ld failed but the check said OK", n);
            break;
        }
        cr_assert_eq(st, CF_ERR_NOMEM, "allocation %ld: %s", n, err.message);
        cr_assert_str_eq(err.message, "out of memory");
        cr_assert_neq(err.file[0], '\0', "the message names the file");
    }
    cr_log_info("extraction survived %ld allocation failures", n - 1);
    cr_assert_gt(n, 50, "the drill did not reach the extraction");
}

Test(drill, a_save_that_runs_out_of_memory_leaves_the_review_file_intact)
{
    char dir[] = "/tmp/cf-drill-XXXXXX";
    cr_assert_not_null(mkdtemp(dir));
    char report[256], review_path[300], cmd[600];
    snprintf(report, sizeof report, "%s/r.txt", dir);
    snprintf(review_path, sizeof review_path, "%s.review.yaml", report);
    snprintf(cmd, sizeof cmd, "cp %s %s", SEED, report);
    cr_assert_eq(system(cmd), 0);
    cf_error err;
    cf_review *r = NULL;
    cr_assert_eq(cf_review_open_report(report, NULL, "drill", review_path, &r, &err), CF_OK);
    cr_assert_eq(cf_review_save(r, &err), CF_OK);
    cf_edit fix = {.cell = (size_t)cf_template_find_cell(cf_review_template(r), "requests.results_total.natural"),
                   .kind = CF_EDIT_SET, .value = cf_decimal_from_int(2)};
    static char before[1 << 17], now[1 << 17];
    long n = 1;
    for (;; n++) {
        FILE *f = fopen(review_path, "rb");
        size_t nbefore = fread(before, 1, sizeof before, f);
        fclose(f);
        cf_fault_arm(n);
        cf_status st = cf_review_apply(r, "set", NULL, &fix, 1, &err);
        if (st == CF_OK)
            st = cf_review_save(r, &err);
        long used = cf_fault_calls();
        cf_fault_arm(0);
        if (st == CF_OK && used < n)
            break;
        cr_assert_eq(st, CF_ERR_NOMEM, "allocation %ld: %s", n, err.message);
        f = fopen(review_path, "rb");
        size_t nnow = fread(now, 1, sizeof now, f);
        fclose(f);
        cr_assert(nnow == nbefore && memcmp(now, before, nnow) == 0,
                  "allocation %ld: the review file changed although the save failed", n);
        /* start the next round from the same state */
        while (cf_review_can_undo(r))
            cr_assert_eq(cf_review_undo(r, &err), CF_OK);
        cr_assert_eq(cf_review_save(r, &err), CF_OK);
    }
    cr_assert_gt(n, 10, "the drill did not reach the save");
    cf_review_free(r);
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    cr_assert_eq(system(cmd), 0);
}
