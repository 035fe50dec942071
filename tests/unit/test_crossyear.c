/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Cross-year rules: this year's 上年结转 and 现行有效件数 against last year's report, evaluated by
 * core/rules as any rule over the two years' cells, in the assessment. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "assess.h"
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

/* The assessment of now against last. Caller frees. */
static cf_assessment *assess(const year_doc *now, const year_doc *last)
{
    cf_assess_input in = {.tpl = now->year.tpl, .cells = now->cells, .name = now->year.name, .previous = &last->year};
    cf_assessment *a;
    cr_assert_eq(cf_assess(&in, &a, NULL), CF_OK);
    return a;
}

static const cf_assessed_rule *find(const year_doc *now, const cf_assessment *a, const char *id)
{
    for (size_t i = 0; i < cf_assess_cross_rule_count(a); i++)
        if (strcmp(cf_template_cross_rule(now->year.tpl, i)->id, id) == 0)
            return cf_assess_cross_rule(a, i);
    cr_assert_fail("no result for %s", id);
    return NULL;
}

static cf_cell *cell_of(year_doc *y, const char *id) { return &y->cells[cf_template_find_cell(y->year.tpl, id)]; }

Test(crossyear, in_force_carries_over_from_last_year)
{
    year_doc now, last;
    open_year(&now, "000_b0a3a3717f6cc721"); /* 规范性文件: 制发 3, 废止 0, 现行有效 4 */
    open_year(&last, "003_ef1786e90cacf8b3"); /* 规范性文件: 现行有效 1 */
    cf_assessment *a = assess(&now, &last);
    cr_assert_eq(find(&now, a, "active.in_force.normative_docs")->outcome, CF_OUTCOME_HOLDS, "4 + 0 = 1 + 3");
    cr_assert_eq(find(&now, a, "requests.carried_over.natural")->outcome, CF_OUTCOME_HOLDS);
    cr_assert_eq(cf_assess_counts_of(a).cross_year, 0);
    cf_assessment_free(a);
    /* last year said 2 were in force: 4 + 0 ≠ 2 + 3, a warning on this year's cells, not a broken rule */
    cell_of(&last, "active.normative_docs.in_force")->value = cf_decimal_from_int(2);
    a = assess(&now, &last);
    const cf_assessed_rule *r = find(&now, a, "active.in_force.normative_docs");
    cr_assert_eq(r->outcome, CF_OUTCOME_BROKEN);
    cr_assert_not_null(strstr(r->explanation, "≠"), "%s", r->explanation);
    cr_assert_not_null(strstr(r->explanation, "上年·现行有效件数 2"), "%s", r->explanation);
    cr_assert_not_null(strstr(r->explanation, "of 003_ef1786e90cacf8b3"), "last year's source is named: %s", r->explanation);
    cf_assess_counts n = cf_assess_counts_of(a);
    cr_assert(n.cross_year == 1 && n.broken == 0 && n.warnings == 1, "%zu %zu %zu", n.cross_year, n.broken, n.warnings);
    long in_force = cf_template_find_cell(now.year.tpl, "active.normative_docs.in_force");
    cr_assert(cf_assess_cell_suspect(a, (size_t)in_force), "this year's 现行有效件数 is suspect");
    cf_assessment_free(a);
    close_year(&now);
    close_year(&last);
}

Test(crossyear, carried_over_against_last_years_carry_forward)
{
    year_doc now, last;
    open_year(&now, "002_b895455aa8998ba0");
    open_year(&last, "004_ff7ba18170778dc6");
    cell_of(&last, "requests.carry_forward.natural")->value = cf_decimal_from_int(3);
    cf_assessment *a = assess(&now, &last);
    const cf_assessed_rule *r = find(&now, a, "requests.carried_over.natural");
    cr_assert_eq(r->outcome, CF_OUTCOME_BROKEN);
    cr_assert_eq(cf_decimal_cmp(r->result.left, cf_decimal_from_int(0)), 0);
    cr_assert_eq(cf_decimal_cmp(r->result.right, cf_decimal_from_int(3)), 0);
    cr_assert_not_null(strstr(r->explanation, "二 ≠ 上年·四 [自然人]: 二 0 (line 55) ≠ 上年·四 3 (line "), "%s",
                       r->explanation);
    cr_assert_eq(find(&now, a, "requests.carried_over.total")->outcome, CF_OUTCOME_HOLDS);
    cf_assessment_free(a);
    close_year(&now);
    close_year(&last);
}

/* Counts are never below 0 across years too: with this year's 废止 blank and last year's 现行有效 0,
 * 4 + □ can never equal 0 + 3. */
Test(crossyear, a_mismatch_the_known_counts_prove_though_a_cell_is_missing)
{
    year_doc now, last;
    open_year(&now, "000_b0a3a3717f6cc721");
    open_year(&last, "003_ef1786e90cacf8b3");
    cell_of(&now, "active.normative_docs.repealed")->state = CF_CELL_MISSING;
    cf_assessment *a = assess(&now, &last);
    cr_assert_eq(find(&now, a, "active.in_force.normative_docs")->outcome, CF_OUTCOME_UNCHECKABLE, "4 + □ = 1 + 3 may hold");
    cr_assert(find(&now, a, "active.in_force.normative_docs")->result.forced_zero, "□ can only be 0");
    cf_assessment_free(a);
    cell_of(&last, "active.normative_docs.in_force")->value = cf_decimal_from_int(0);
    a = assess(&now, &last);
    const cf_assessed_rule *r = find(&now, a, "active.in_force.normative_docs");
    cr_assert_eq(r->outcome, CF_OUTCOME_BROKEN_MISSING, "%s", r->explanation);
    cr_assert_eq(cf_assess_counts_of(a).cross_year, 1);
    cf_assessment_free(a);
    close_year(&now);
    close_year(&last);
}

Test(crossyear, a_2019_report_last_year_cannot_speak_for_in_force)
{
    year_doc now, last;
    open_year(&now, "000_b0a3a3717f6cc721");
    open_year(&last, "002_b895455aa8998ba0");
    cf_assessment *a = assess(&now, &last);
    const cf_assessed_rule *r = find(&now, a, "active.in_force.regulations");
    cr_assert_eq(r->outcome, CF_OUTCOME_NOT_COMPARABLE);
    cr_assert_not_null(strstr(r->explanation, "gov-2019"), "%s", r->explanation);
    cr_assert_null(strstr(r->explanation, "can only be 0"), "a cell last year's format lacks is not 0: %s", r->explanation);
    cr_assert_eq(find(&now, a, "requests.carried_over.total")->outcome, CF_OUTCOME_HOLDS, "both formats have it");
    cr_assert_eq(cf_assess_counts_of(a).warnings, 0, "not comparable is a note");
    cf_assessment_free(a);
    close_year(&now);
    close_year(&last);
}
