/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Cross-year rules: this year's 上年结转 and 现行有效件数 against last year's report. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "crossyear.h"
#include "extract.h"

typedef struct {
    cf_template **tpls;
    size_t ntpls;
    cf_text *text;
    cf_report *report;
    cf_cell *cells; /* a copy the test may change */
    cf_year year;
} year_doc;

static void open_year(year_doc *y, const char *seed)
{
    char path[256];
    snprintf(path, sizeof path, "%s/seeds/%s.txt", CF_FIXTURES, seed);
    memset(y, 0, sizeof *y);
    cr_assert_eq(cf_template_load_builtin(&y->tpls, &y->ntpls, NULL), CF_OK);
    cr_assert_eq(cf_text_load(path, &y->text, NULL), CF_OK);
    cr_assert_eq(cf_extract(y->text, y->tpls, y->ntpls, &y->report, NULL), CF_OK);
    const cf_template *tpl = cf_report_template(y->report);
    y->cells = cf_calloc(cf_template_cell_count(tpl), sizeof *y->cells);
    memcpy(y->cells, cf_report_cells(y->report), cf_template_cell_count(tpl) * sizeof *y->cells);
    for (size_t i = 0; i < cf_template_cell_count(tpl); i++)
        y->cells[i].note = NULL; /* the report keeps its notes */
    y->year = (cf_year){tpl, y->cells, seed};
}

static void close_year(year_doc *y)
{
    cf_free(y->cells);
    cf_report_free(y->report);
    cf_text_free(y->text);
    for (size_t i = 0; i < y->ntpls; i++)
        cf_template_free(y->tpls[i]);
    cf_free(y->tpls);
}

static const cf_xy_result *find(const year_doc *now, cf_xy_result *res, size_t n, const char *id)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(cf_template_cross_rule(now->year.tpl, res[i].rule)->id, id) == 0)
            return &res[i];
    cr_assert_fail("no result for %s", id);
    return NULL;
}

Test(crossyear, in_force_carries_over_from_last_year)
{
    year_doc now, last;
    open_year(&now, "000_b0a3a3717f6cc721"); /* 规范性文件: 制发 3, 废止 0, 现行有效 4 */
    open_year(&last, "003_ef1786e90cacf8b3"); /* 规范性文件: 现行有效 1 */
    cf_xy_result *res;
    size_t n;
    cr_assert_eq(cf_cross_year_check(&now.year, &last.year, &res, &n, NULL), CF_OK);
    cr_assert_eq(find(&now, res, n, "active.in_force.normative_docs")->status, CF_XY_MATCH, "4 + 0 = 1 + 3");
    cr_assert_eq(find(&now, res, n, "requests.carried_over.natural")->status, CF_XY_MATCH);
    cf_xy_results_free(res, n);
    /* last year said 2 were in force: 4 + 0 ≠ 2 + 3 */
    last.cells[cf_template_find_cell(last.year.tpl, "active.normative_docs.in_force")].value = cf_decimal_from_int(2);
    cr_assert_eq(cf_cross_year_check(&now.year, &last.year, &res, &n, NULL), CF_OK);
    const cf_xy_result *r = find(&now, res, n, "active.in_force.normative_docs");
    cr_assert_eq(r->status, CF_XY_MISMATCH);
    cr_assert_not_null(strstr(r->message, "≠"), "%s", r->message);
    cr_assert_not_null(strstr(r->message, "上年·现行有效件数 2"), "%s", r->message);
    cr_assert_not_null(strstr(r->message, "of 003_ef1786e90cacf8b3"), "last year's source is named: %s", r->message);
    cf_xy_results_free(res, n);
    close_year(&now);
    close_year(&last);
}

Test(crossyear, carried_over_against_last_years_carry_forward)
{
    year_doc now, last;
    open_year(&now, "002_b895455aa8998ba0");
    open_year(&last, "004_ff7ba18170778dc6");
    last.cells[cf_template_find_cell(last.year.tpl, "requests.carry_forward.natural")].value = cf_decimal_from_int(3);
    cf_xy_result *res;
    size_t n;
    cr_assert_eq(cf_cross_year_check(&now.year, &last.year, &res, &n, NULL), CF_OK);
    const cf_xy_result *r = find(&now, res, n, "requests.carried_over.natural");
    cr_assert_eq(r->status, CF_XY_MISMATCH);
    cr_assert_eq(cf_decimal_cmp(r->left, cf_decimal_from_int(0)), 0);
    cr_assert_eq(cf_decimal_cmp(r->right, cf_decimal_from_int(3)), 0);
    cr_assert_not_null(strstr(r->message, "(line 55)"), "this year's line: %s", r->message);
    cr_assert_eq(find(&now, res, n, "requests.carried_over.total")->status, CF_XY_MATCH);
    cf_xy_results_free(res, n);
    close_year(&now);
    close_year(&last);
}

Test(crossyear, a_2019_report_last_year_cannot_speak_for_in_force)
{
    year_doc now, last;
    open_year(&now, "000_b0a3a3717f6cc721");
    open_year(&last, "002_b895455aa8998ba0");
    cf_xy_result *res;
    size_t n;
    cr_assert_eq(cf_cross_year_check(&now.year, &last.year, &res, &n, NULL), CF_OK);
    const cf_xy_result *r = find(&now, res, n, "active.in_force.regulations");
    cr_assert_eq(r->status, CF_XY_NOT_COMPARABLE);
    cr_assert_not_null(strstr(r->message, "gov-2019"), "%s", r->message);
    cr_assert_eq(find(&now, res, n, "requests.carried_over.total")->status, CF_XY_MATCH, "both formats have it");
    cf_xy_results_free(res, n);
    close_year(&now);
    close_year(&last);
}
