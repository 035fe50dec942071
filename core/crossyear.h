/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crossyear.h — a report against last year's: the template's cross_year rules
 * (上年结转 = last year's 结转下年度继续办理, 现行有效件数 = last year's + 制发 − 废止).
 * Mismatches are warnings, with both numbers and where each was read. */
#ifndef CF_CROSSYEAR_H
#define CF_CROSSYEAR_H

#include <stddef.h>

#include "cell.h"
#include "error.h"
#include "template.h"

/* One year's report: its template and cells (in that template's order) and a name for messages. */
typedef struct {
    const cf_template *tpl;
    const cf_cell *cells;
    const char *name;
} cf_year;

typedef enum {
    CF_XY_MATCH,
    CF_XY_MISMATCH,
    CF_XY_UNCHECKED,      /* a cell holds no number */
    CF_XY_NOT_COMPARABLE  /* last year's format has no such cell (2019 against 2021) */
} cf_xy_status;

typedef struct {
    size_t rule; /* index into the template's cross-year rules */
    cf_xy_status status;
    cf_decimal left, right;
    char *message; /* "… [自然人]: 二 5 (line 55) ≠ 上年·四 3 (line 80 of 2022.txt)" */
    size_t numbers; /* offset in message of its arithmetic, after the rule's words and scope */
} cf_xy_result;

/* Evaluate every cross-year rule of now's template. Fills *out with *count results (caller
 * frees with cf_xy_results_free). */
cf_status cf_cross_year_check(const cf_year *now, const cf_year *previous, cf_xy_result **out, size_t *count,
                              cf_error *err);
void cf_xy_results_free(cf_xy_result *results, size_t count);

#endif
