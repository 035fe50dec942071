/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Error localisation: corrupt a balanced report in each way and find the cell back. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "balanced.h"
#include "extract.h"
#include "suggest.h"
#include "template.h"

static cf_template **tpls;
static size_t ntpls;
static const cf_template *tpl;
static cf_cell *cells;

static long id(const char *name)
{
    long i = cf_template_find_cell(tpl, name);
    cr_assert_geq(i, 0, "no cell %s", name);
    return i;
}

static void put(const char *name, int64_t v) { cf_balanced_put(tpl, cells, name, v); }

static int64_t get(const char *name) { return cf_balanced_get(tpl, cells, name); }

/* A 2021 report whose every rule holds, with multi-digit numbers (fixed seed). */
static void balanced(void)
{
    cr_assert_eq(cf_template_load_builtin(&tpls, &ntpls, NULL), CF_OK);
    for (size_t i = 0; i < ntpls; i++)
        if (strcmp(cf_template_id(tpls[i]), "gov-2021") == 0)
            tpl = tpls[i];
    cells = cf_balanced_cells(tpl, 7);
    cr_assert_not_null(cells);
    for (size_t r = 0; r < cf_template_rule_count(tpl); r++)
        cr_assert_eq(cf_rule_evaluate(tpl, r, cells).status, CF_RULE_PASS, "the generator is wrong");
}

static void cleanup(void)
{
    cf_free(cells);
    for (size_t i = 0; i < ntpls; i++)
        cf_template_free(tpls[i]);
    cf_free(tpls);
}

TestSuite(suggest, .init = balanced, .fini = cleanup);

/* The suggestion proposes exactly the cells in want (ids), with their original values. */
static cf_suggestion expect_fix(const char *const *want, const int64_t *original, size_t n)
{
    cf_suggestion s;
    cr_assert_eq(cf_suggest(tpl, cells, NULL, NULL, &s, NULL), CF_OK);
    cr_assert(s.found, "%s", s.reasoning);
    cr_assert_eq(s.fixes[0].changes, n, "%s", s.reasoning);
    for (size_t i = 0; i < n; i++) {
        bool seen = false;
        for (size_t k = 0; k < s.fixes[0].changes; k++) {
            const cf_fix_cell *fc = &s.fixes[0].cells[k];
            if (fc->cell != (size_t)id(want[i]))
                continue;
            seen = true;
            cr_assert(fc->determined, "%s", s.reasoning);
            cr_assert_eq(cf_decimal_cmp(fc->value, cf_decimal_from_int(original[i])), 0, "%s", s.reasoning);
        }
        cr_assert(seen, "%s not proposed: %s", want[i], s.reasoning);
    }
    return s;
}

Test(suggest, nothing_to_fix_in_a_balanced_report)
{
    cf_suggestion s;
    cr_assert_eq(cf_suggest(tpl, cells, NULL, NULL, &s, NULL), CF_OK);
    cr_assert(s.found);
    cr_assert_eq(s.count, 0);
    cr_assert_str_eq(s.reasoning, "Every rule holds; nothing to change.");
    cf_suggestion_release(&s);
}

Test(suggest, digit_swap_in_a_part_is_found_with_its_evidence)
{
    int64_t v = get("requests.new.natural");
    cr_assert_gt(v, 9, "the test needs two digits");
    char text[32];
    snprintf(text, sizeof text, "%lld", (long long)v);
    char swapped[32];
    snprintf(swapped, sizeof swapped, "%c%c%s", text[1], text[0], text + 2);
    if (text[0] == text[1])
        cr_skip_test("digits are equal");
    put("requests.new.natural", atoll(swapped));
    const char *want[] = {"requests.new.natural"};
    cf_suggestion s = expect_fix(want, &v, 1);
    cr_assert(s.unique, "%s", s.reasoning);
    cr_assert_not_null(strstr(s.fixes[0].cells[0].evidence, "swapped"), "%s", s.fixes[0].cells[0].evidence);
    cf_suggestion_release(&s);
}

Test(suggest, dropped_digit_in_a_total)
{
    int64_t v = get("requests.results_total.total");
    cr_assert_gt(v, 99);
    put("requests.results_total.total", v / 10); /* the last digit dropped */
    const char *want[] = {"requests.results_total.total"};
    cf_suggestion s = expect_fix(want, &v, 1);
    cr_assert(s.unique);
    cr_assert_not_null(strstr(s.fixes[0].cells[0].evidence, "dropped"), "%s", s.fixes[0].cells[0].evidence);
    cf_suggestion_release(&s);
}

Test(suggest, wrong_total_and_wrong_part)
{
    int64_t total = get("appeals.review.total");
    put("appeals.review.total", total + 3);
    const char *want[] = {"appeals.review.total"};
    cf_suggestion s = expect_fix(want, &total, 1);
    cf_suggestion_release(&s);
    put("appeals.review.total", total);
    int64_t part = get("requests.denied_law.business");
    put("requests.denied_law.business", part + 5);
    const char *want2[] = {"requests.denied_law.business"};
    s = expect_fix(want2, &part, 1);
    cr_assert(s.unique, "%s", s.reasoning);
    cf_suggestion_release(&s);
}

Test(suggest, a_blank_total_is_filled_in)
{
    int64_t v = get("requests.results_total.social");
    cells[id("requests.results_total.social")].state = CF_CELL_MISSING;
    cf_suggestion s;
    cr_assert_eq(cf_suggest(tpl, cells, NULL, NULL, &s, NULL), CF_OK);
    cr_assert(s.found);
    cr_assert_eq(s.fixes[0].changes, 0);
    cr_assert_eq(s.fixes[0].count, 1);
    cr_assert(s.fixes[0].cells[0].was_missing);
    cr_assert_eq(cf_decimal_cmp(s.fixes[0].cells[0].value, cf_decimal_from_int(v)), 0);
    cf_suggestion_release(&s);
}

Test(suggest, two_wrong_cells_are_found)
{
    int64_t a = get("requests.granted.legal"), b = get("requests.denied_secret.research");
    put("requests.granted.legal", a + 2);
    put("requests.denied_secret.research", b + 1);
    const char *want[] = {"requests.granted.legal", "requests.denied_secret.research"};
    int64_t orig[] = {a, b};
    cf_suggestion s = expect_fix(want, orig, 2);
    cr_assert(s.unique, "%s", s.reasoning);
    cf_suggestion_release(&s);
}

Test(suggest, an_ambiguous_fix_is_reported_with_the_alternatives)
{
    /* a part of 行政复议 off by one breaks one rule only: the total or any part could be wrong */
    int64_t b = get("appeals.suit_direct.pending");
    put("appeals.suit_direct.pending", b + 1);
    cf_suggestion s;
    cr_assert_eq(cf_suggest(tpl, cells, NULL, NULL, &s, NULL), CF_OK);
    cr_assert(s.found);
    cr_assert_not(s.unique, "%s", s.reasoning);
    cr_assert_eq(s.fixes[0].cells[0].cell, (size_t)id("appeals.suit_direct.total"), "totals rank first");
    bool listed = false;
    for (size_t i = 0; i < s.count; i++)
        listed |= s.fixes[i].cells[0].cell == (size_t)id("appeals.suit_direct.pending") &&
                  cf_decimal_cmp(s.fixes[i].cells[0].value, cf_decimal_from_int(b)) == 0;
    cr_assert(listed, "the true fix is among the alternatives: %s", s.reasoning);
    cr_assert_not_null(strstr(s.reasoning, "sets of 1 cell make every rule hold"), "%s", s.reasoning);
    char said[64];
    snprintf(said, sizeof said, "%zu sets of 1 cell", s.total);
    cr_assert(s.total >= 2 && strstr(s.reasoning, said), "every one counted (%zu): %s", s.total, s.reasoning);
    cr_assert_not_null(strstr(s.reasoning, "listed first because it changes more totals"), "%s", s.reasoning);
    cf_suggestion_release(&s);
}

Test(suggest, typo_evidence_kinds)
{
    char buf[96];
    cf_typo_evidence(cf_decimal_from_int(-3), cf_decimal_from_int(3), buf, sizeof buf);
    cr_assert_not_null(strstr(buf, "sign"));
    cf_typo_evidence((cf_decimal){1234, 1}, cf_decimal_from_int(1234), buf, sizeof buf);
    cr_assert_not_null(strstr(buf, "decimal point"), "%s", buf);
    cf_typo_evidence(cf_decimal_from_int(1002), cf_decimal_from_int(102), buf, sizeof buf);
    cr_assert_not_null(strstr(buf, "doubled"), "%s", buf);
    cf_typo_evidence(cf_decimal_from_int(12), cf_decimal_from_int(102), buf, sizeof buf);
    cr_assert_not_null(strstr(buf, "dropped"), "%s", buf);
    cf_typo_evidence(cf_decimal_from_int(7), cf_decimal_from_int(9), buf, sizeof buf);
    cr_assert_str_eq(buf, "");
}

Test(suggest, seed_002_has_one_smallest_fix)
{
    cf_text *text;
    cf_report *report;
    cr_assert_eq(cf_text_load(CF_FIXTURES "/seeds/002_b895455aa8998ba0.txt", &text, NULL), CF_OK);
    cr_assert_eq(cf_extract(text, tpls, ntpls, &report, NULL), CF_OK);
    const cf_template *t = cf_report_template(report);
    cf_suggestion s;
    cr_assert_eq(cf_suggest(t, cf_report_cells(report), NULL, NULL, &s, NULL), CF_OK);
    cr_assert(s.found && s.unique, "%s", s.reasoning);
    cr_assert_eq(s.fixes[0].changes, 2);
    cr_assert_eq(s.fixes[0].cells[0].cell, (size_t)cf_template_find_cell(t, "requests.results_total.natural"));
    cr_assert_eq(s.fixes[0].cells[1].cell, (size_t)cf_template_find_cell(t, "requests.results_total.total"));
    cr_assert_eq(cf_decimal_cmp(s.fixes[0].cells[0].value, cf_decimal_from_int(2)), 0);
    cr_assert_eq(cf_decimal_cmp(s.fixes[0].cells[1].value, cf_decimal_from_int(2)), 0);
    cr_assert_not_null(strstr(s.reasoning, "unique"));
    cf_suggestion_release(&s);
    cf_report_free(report);
    cf_text_free(text);
}

/* sum = a + b over one row of counts: cells a, b, sum. Caller frees. */
static cf_template *sum_template(void)
{
    const char *yaml = "id: t\nname: t\ndetect: [甲乙]\nend_headings: [结束]\n"
                       "tables:\n  - id: n\n    number: 一\n    title: 件数\n    headings: [件数情况]\n"
                       "    columns:\n      - {id: a, label: 甲, kind: count}\n      - {id: b, label: 乙, kind: count}\n"
                       "      - {id: sum, label: 合, kind: count}\n"
                       "    rows:\n      - {id: x, label: 项目}\n"
                       "rules:\n  - {id: add, family: sum, table: n, per: row, words: 合等于甲加乙, left: [sum], right: [a, b]}\n";
    cf_template *t;
    cf_error err;
    cr_assert_eq(cf_template_parse("t.yaml", yaml, strlen(yaml), &t, &err), CF_OK, "%s", err.message);
    return t;
}

static void numbers(cf_cell c[3], int64_t a, int64_t b, int64_t sum)
{
    memset(c, 0, 3 * sizeof *c);
    int64_t v[3] = {a, b, sum};
    for (int i = 0; i < 3; i++) {
        c[i].state = CF_CELL_NUMBER;
        c[i].value = cf_decimal_from_int(v[i]);
    }
}

Test(fixes, every_smallest_fix_is_counted_and_listed_and_a_confirmed_cell_is_never_changed)
{
    cf_template *t = sum_template();
    cf_cell c[3];
    numbers(c, 1, 1, 3);
    cf_suggestion s;
    cr_assert_eq(cf_suggest(t, c, NULL, NULL, &s, NULL), CF_OK);
    cr_expect_not(s.unique);
    cr_expect_eq(s.total, 3, "a, b or the sum: %s", s.reasoning);
    cr_expect_eq(s.count, 3);
    cr_expect_not_null(strstr(s.reasoning, "3 sets of 1 cell make every rule hold"), "%s", s.reasoning);
    cf_suggestion_release(&s);
    /* the sum confirmed by the reviewer: two fixes left, listed as two, neither touching it */
    bool locked[3] = {false, false, true};
    cr_assert_eq(cf_suggest(t, c, locked, NULL, &s, NULL), CF_OK);
    cr_expect_eq(s.total, 2, "%s", s.reasoning);
    cr_assert_eq(s.count, 2);
    for (size_t f = 0; f < s.count; f++)
        for (size_t i = 0; i < s.fixes[f].count; i++)
            cr_expect_neq(s.fixes[f].cells[i].cell, 2, "fix %zu changes the confirmed cell: %s", f, s.reasoning);
    cr_expect_eq(s.fixes[0].cells[0].cell, 0);
    cr_expect_eq(s.fixes[1].cells[0].cell, 1);
    cr_expect_not_null(strstr(s.reasoning, "2 sets of 1 cell make every rule hold"), "%s", s.reasoning);
    cr_expect_not_null(strstr(s.reasoning, "the others:"), "%s", s.reasoning);
    /* two parts: nothing ranks one above the other, and the reasoning says so rather than 'totals' */
    cr_expect_not_null(strstr(s.reasoning, "in the template's order"), "%s", s.reasoning);
    cr_expect_null(strstr(s.reasoning, "totals"), "%s", s.reasoning);
    cf_suggestion_release(&s);
    /* everything confirmed: no fix at all, rather than one through a confirmed cell */
    bool all[3] = {true, true, true};
    cr_assert_eq(cf_suggest(t, c, all, NULL, &s, NULL), CF_OK);
    cr_expect_not(s.found, "%s", s.reasoning);
    cf_suggestion_release(&s);
    cf_template_free(t);
}

Test(fixes, an_inferred_cell_is_an_unknown_not_a_fact)
{
    cf_template *t = sum_template();
    cf_cell c[3];
    numbers(c, 1, 1, 3);
    c[0].inferred = true; /* its place was a guess: its value may belong elsewhere */
    cf_suggestion s;
    cr_assert_eq(cf_suggest(t, c, NULL, NULL, &s, NULL), CF_OK);
    cr_assert(s.found, "%s", s.reasoning);
    cr_assert_eq(s.fixes[0].changes, 0, "no fact needs changing: %s", s.reasoning);
    cr_assert_eq(s.fixes[0].count, 1);
    cr_expect(s.fixes[0].cells[0].was_inferred);
    cr_expect_eq(cf_decimal_cmp(s.fixes[0].cells[0].value, cf_decimal_from_int(2)), 0);
    cf_suggestion_release(&s);
    /* confirmed, the same cell is a fact again */
    bool locked[3] = {true, false, false};
    cr_assert_eq(cf_suggest(t, c, locked, NULL, &s, NULL), CF_OK);
    cr_expect_eq(s.fixes[0].changes, 1, "%s", s.reasoning);
    cr_expect_eq(s.total, 2, "b or the sum: %s", s.reasoning);
    cf_suggestion_release(&s);
    cf_template_free(t);
}

/* The assessment hands the fix search the rules it found broken: the search reads those flags (told
 * none is broken, it has nothing to fix) and, told the truth, finds what it finds evaluating them. */
Test(suggest, rules_found_broken_by_the_caller_are_the_ones_searched)
{
    int64_t v = get("requests.results_total.total");
    put("requests.results_total.total", v + 7);
    size_t n = cf_template_rule_count(tpl);
    bool *broken = calloc(n + 1, sizeof *broken);
    cf_suggestion none, told, evaluated;
    cr_assert_eq(cf_suggest_broken(tpl, cells, NULL, NULL, broken, &none, NULL), CF_OK);
    cr_expect_str_eq(none.reasoning, "Every rule holds; nothing to change.");
    for (size_t r = 0; r < n; r++)
        broken[r] = cf_rule_evaluate(tpl, r, cells).status == CF_RULE_FAIL;
    cr_assert_eq(cf_suggest_broken(tpl, cells, NULL, NULL, broken, &told, NULL), CF_OK);
    cr_assert_eq(cf_suggest(tpl, cells, NULL, NULL, &evaluated, NULL), CF_OK);
    cr_expect_gt(told.count, 0);
    cr_expect_str_eq(told.reasoning, evaluated.reasoning);
    cf_suggestion_release(&none);
    cf_suggestion_release(&told);
    cf_suggestion_release(&evaluated);
    free(broken);
}
