/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One assessment of seed 002 (four broken rules, 行政复议 blank): waivers, suspect cells with
 * their reasons, warnings attached to their row, and the verdict with its reasons. */
#include "cf_test.h"

#include "assess.h"

#define SEED002 CF_FIXTURES "/seeds/002_b895455aa8998ba0.txt"

static size_t rule_index(const cf_template *tpl, const char *id)
{
    for (size_t i = 0; i < cf_template_rule_count(tpl); i++)
        if (strcmp(cf_template_rule(tpl, i)->id, id) == 0)
            return i;
    cr_assert_fail("no rule %s", id);
    return 0;
}

static cf_assessment *assess(const cft_doc *d, const cf_cell *cells, const cf_warning *warnings, size_t nw,
                             const char *const *waivers)
{
    cf_assess_input in = {.tpl = d->tpl,
                          .cells = cells,
                          .name = "002.txt",
                          .text = d->text,
                          .warnings = warnings,
                          .warning_count = nw,
                          .waivers = waivers};
    cf_assessment *a;
    cf_error err;
    cr_assert_eq(cf_assess(&in, &a, &err), CF_OK);
    return a;
}

Test(assess, the_verdict_counts_every_problem_and_says_why)
{
    cft_doc d;
    cft_read_file(&d, SEED002);
    cf_assessment *a = assess(&d, cf_report_cells(d.report), NULL, 0, NULL);
    cf_assess_counts n = cf_assess_counts_of(a);
    cr_expect_eq(n.broken, 4);
    cr_expect_eq(n.proven, 0);
    cr_expect_eq(n.missing, 5);
    cr_expect_eq(n.uncheckable, 1);
    cr_expect_not(n.passed);
    cr_assert_eq(cf_assess_reason_count(a), 3);
    cr_expect_str_eq(cf_assess_reason(a, 0), "4 broken rules");
    cr_expect_str_eq(cf_assess_reason(a, 1), "5 missing cells");
    cr_expect_str_eq(cf_assess_reason(a, 2), "1 rule not checkable");
    cr_expect_eq(cf_assess_rule(a, rule_index(d.tpl, "requests.balance.natural"))->outcome, CF_OUTCOME_BROKEN);
    cr_expect_eq(cf_assess_fix(a)->count, 1, "the two 三(七) totals, one fix");
    cf_assessment_free(a);
    cft_release(&d);
}

Test(assess, a_waived_rule_is_not_broken_and_keeps_its_note)
{
    cft_doc d;
    cft_read_file(&d, SEED002);
    size_t nrules = cf_template_rule_count(d.tpl);
    const char **waivers = cf_calloc(nrules, sizeof *waivers);
    waivers[rule_index(d.tpl, "requests.balance.natural")] = "已与申请登记簿核对";
    cf_assessment *a = assess(&d, cf_report_cells(d.report), NULL, 0, waivers);
    const cf_assessed_rule *r = cf_assess_rule(a, rule_index(d.tpl, "requests.balance.natural"));
    cr_expect_eq(r->outcome, CF_OUTCOME_WAIVED);
    cr_expect_str_eq(r->waiver, "已与申请登记簿核对");
    cr_expect_eq(cf_assess_counts_of(a).broken, 3);
    cr_expect_eq(cf_assess_counts_of(a).waived, 1);
    cf_assessment_free(a);
    cf_free(waivers);
    cft_release(&d);
}

Test(assess, a_warning_without_a_cell_is_attached_to_the_row_on_its_line)
{
    cft_doc d;
    cft_read_file(&d, SEED002);
    const cf_cell *granted = cft_cell(&d, "requests.granted.natural");
    size_t line = granted->label_line ? granted->label_line : granted->line;
    cr_assert_gt(line, 0);
    cf_warning w = {line, -1, "7 more values than the 7 columns"};
    cf_cell *cells = cf_calloc(cf_template_cell_count(d.tpl), sizeof *cells);
    memcpy(cells, cf_report_cells(d.report), cf_template_cell_count(d.tpl) * sizeof *cells);
    size_t inferred = (size_t)cf_template_find_cell(d.tpl, "requests.new.total");
    cells[inferred].inferred = true;
    cf_assessment *a = assess(&d, cells, &w, 1, NULL);
    cr_expect(cf_assess_cell_suspect(a, (size_t)cf_template_find_cell(d.tpl, "requests.granted.natural")));
    cr_expect(cf_assess_cell_suspect(a, (size_t)cf_template_find_cell(d.tpl, "requests.granted.total")));
    cr_expect_not(cf_assess_cell_suspect(a, (size_t)cf_template_find_cell(d.tpl, "requests.partial.natural")));
    cr_assert_geq(cf_assess_suspect_count(a), 2);
    const cf_suspect *first = cf_assess_suspect(a, 0);
    cr_expect_eq(first->cell, inferred, "inferred placements come first");
    cr_expect_eq(first->kind, CF_SUSPECT_INFERRED);
    bool reason_kept = false;
    for (size_t i = 0; i < cf_assess_suspect_count(a); i++)
        reason_kept |= cf_assess_suspect(a, i)->kind == CF_SUSPECT_EXTRACTION &&
                       strcmp(cf_assess_suspect(a, i)->reason, w.message) == 0 && cf_assess_suspect(a, i)->line == line;
    cr_expect(reason_kept, "the warning is the cell's reason, with its line");
    cr_assert_eq(cf_assess_notice_count(a), 1);
    cr_expect_eq(cf_assess_notice(a, 0)->kind, CF_NOTICE_EXTRACTION);
    cr_expect_eq(cf_assess_counts_of(a).warnings, 1);
    cf_assessment_free(a);
    cf_free(cells);
    cft_release(&d);
}

/* What keeps a sign-off back: a broken rule until waived, a blank until a note explains it, a
 * suspect cell until it is confirmed or corrected; a "/" explains itself. */
Test(assess, a_sign_off_is_open_until_rules_blanks_and_suspects_are_settled)
{
    cft_doc d;
    cft_read_file(&d, SEED002);
    size_t ncells = cf_template_cell_count(d.tpl), nrules = cf_template_rule_count(d.tpl);
    cf_cell *cells = cf_calloc(ncells, sizeof *cells);
    memcpy(cells, cf_report_cells(d.report), ncells * sizeof *cells);
    size_t inferred = (size_t)cf_template_find_cell(d.tpl, "requests.new.total");
    cells[inferred].inferred = true;
    const char **notes = cf_calloc(ncells, sizeof *notes), **waivers = cf_calloc(nrules, sizeof *waivers);
    bool *confirmed = cf_calloc(ncells, sizeof *confirmed), *corrected = cf_calloc(ncells, sizeof *corrected);
    cf_assess_input in = {.tpl = d.tpl, .cells = cells, .name = "002.txt", .text = d.text, .waivers = waivers,
                          .confirmed = confirmed, .corrected = corrected, .notes = notes};
    cf_assessment *a;
    cf_error err;
    cr_assert_eq(cf_assess(&in, &a, &err), CF_OK);
    cf_assess_counts n = cf_assess_counts_of(a);
    cr_expect_eq(n.broken, 4);
    cr_expect_eq(n.unexplained, 5);
    cr_expect_eq(n.unsettled, 1);
    cr_expect_not(n.approvable);
    cr_assert_eq(cf_assess_open_count(a), 10);
    cr_expect_eq(cf_assess_open(a, 0)->kind, CF_OPEN_BROKEN);
    cr_expect_str_eq(cf_assess_open(a, 0)->reason, cf_assess_rule(a, cf_assess_open(a, 0)->index)->explanation);
    cr_expect_eq(cf_assess_open(a, 4)->kind, CF_OPEN_MISSING);
    cr_expect_eq(cf_assess_open(a, 9)->kind, CF_OPEN_SUSPECT);
    cr_expect_eq(cf_assess_open(a, 9)->index, inferred);
    cr_expect_str_eq(cf_assess_open(a, 9)->reason, "its place in the table was inferred, not read");
    cf_assessment_free(a);

    /* waive every broken rule, explain one blank, mark another "/", confirm the suspect */
    for (size_t i = 0; i < nrules; i++)
        waivers[i] = "已核对";
    size_t blank = (size_t)cf_template_find_cell(d.tpl, "appeals.review.upheld");
    cr_assert_eq(cells[blank].state, CF_CELL_MISSING, "行政复议 is blank in seed 002");
    notes[blank] = "原件此格为空";
    cells[(size_t)cf_template_find_cell(d.tpl, "appeals.review.corrected")].state = CF_CELL_NA;
    confirmed[inferred] = true;
    cr_assert_eq(cf_assess(&in, &a, &err), CF_OK);
    n = cf_assess_counts_of(a);
    cr_expect_eq(n.unexplained, 3);
    cr_expect_eq(n.unsettled, 0);
    cr_expect_eq(cf_assess_open_count(a), 3);
    cr_expect_eq(cf_assess_open(a, 0)->kind, CF_OPEN_MISSING);
    cr_expect_str_eq(cf_assess_open(a, 0)->reason, "");
    cf_assessment_free(a);

    /* correcting settles a suspect as confirming does; with every blank explained it may be approved */
    confirmed[inferred] = false;
    corrected[inferred] = true;
    for (size_t i = 0; i < ncells; i++)
        notes[i] = "原件此格为空";
    cr_assert_eq(cf_assess(&in, &a, &err), CF_OK);
    cr_expect(cf_assess_counts_of(a).approvable);
    cr_expect_eq(cf_assess_open_count(a), 0);
    cf_assessment_free(a);
    cf_free(cells);
    cf_free(notes);
    cf_free(waivers);
    cf_free(confirmed);
    cf_free(corrected);
    cft_release(&d);
}

Test(assess, check_skips_only_the_explanations_of_rules_that_hold)
{
    cft_doc d;
    cft_read_file(&d, SEED002);
    cf_assessment *full = assess(&d, cf_report_cells(d.report), NULL, 0, NULL), *brief;
    cf_error err;
    cr_assert_eq(cf_assess_report(d.report, NULL, NULL, &brief, &err), CF_OK);
    size_t holding = 0;
    for (size_t i = 0; i < cf_template_rule_count(d.tpl); i++) {
        const cf_assessed_rule *r = cf_assess_rule(brief, i);
        cr_assert_not_null(cf_assess_rule(full, i)->explanation, "a review explains every rule");
        if (r->outcome == CF_OUTCOME_HOLDS) {
            holding++;
            cr_expect_null(r->explanation, "%s", cf_template_rule(d.tpl, i)->id);
        } else {
            cr_assert_not_null(r->explanation, "%s", cf_template_rule(d.tpl, i)->id);
            cr_expect_str_eq(r->explanation, cf_assess_rule(full, i)->explanation);
        }
    }
    cr_expect_gt(holding, 0);
    cf_assessment_free(brief);
    cf_assessment_free(full);
    cft_release(&d);
}
