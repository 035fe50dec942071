/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rules.c — exact evaluation and explanation of the cross-sum rules, within a report and across
 * two years. */
#include "rules.h"

#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "i18n.h"

bool cf_cell_is_count(const cf_template *tpl, size_t cell)
{
    const cf_cell_def *def = cf_template_cell(tpl, cell);
    return cf_template_table(tpl, def->table)->columns[def->column].kind == CF_KIND_COUNT;
}

/* The sum of one side's known terms; *missing counts the terms with no number, *all_counts
 * stays true only while every one of them is a count (last year's cell is of its cell's kind).
 * False when the sum is too large. */
static bool sum_side(const cf_template *tpl, const size_t *idx, size_t n, const cf_cell *cells, cf_decimal *sum,
                     size_t *missing, bool *all_counts)
{
    *sum = cf_decimal_from_int(0);
    for (size_t i = 0; i < n; i++) {
        const cf_cell *c = &cells[idx[i]];
        if (!cf_cell_has_value(c)) {
            (*missing)++;
            *all_counts = *all_counts && cf_cell_is_count(tpl, idx[i] % cf_template_cell_count(tpl));
            continue;
        }
        if (!cf_decimal_add(*sum, c->value, sum))
            return false;
    }
    return true;
}

/* Rule def over cells: this year's, or for a cross-year rule the two years' (cf_two_years). */
static cf_rule_result evaluate(const cf_template *tpl, const cf_rule_def *def, const cf_cell *cells)
{
    cf_rule_result res = {0};
    size_t missing_left = 0, missing_right = 0;
    bool counts_left = true, counts_right = true;
    bool ok = sum_side(tpl, def->left, def->left_count, cells, &res.left, &missing_left, &counts_left) &&
              sum_side(tpl, def->right, def->right_count, cells, &res.right, &missing_right, &counts_right);
    res.missing = missing_left + missing_right;
    int cmp = ok ? cf_decimal_cmp(res.left, res.right) : 0;
    if (!ok) {
        res.status = CF_RULE_UNASSESSABLE;
        res.overflow = true;
    } else if (res.missing == 0) {
        res.status = cmp == 0 ? CF_RULE_PASS : CF_RULE_FAIL;
    } else if ((missing_right == 0 && counts_left) || (missing_left == 0 && counts_right)) {
        /* The missing terms are all on one side and never negative: that side is at least its
         * known sum, so a known sum already above the other side is a break, and one equal to
         * it leaves each missing term only 0. */
        int above = missing_right == 0 ? cmp : -cmp;
        res.status = above > 0 ? CF_RULE_FAIL : CF_RULE_UNASSESSABLE;
        res.forced_zero = above == 0;
    } else {
        res.status = CF_RULE_UNASSESSABLE;
    }
    return res;
}

cf_rule_result cf_rule_evaluate(const cf_template *tpl, size_t rule, const cf_cell *cells)
{
    return evaluate(tpl, cf_template_rule(tpl, rule), cells);
}

cf_rule_result cf_cross_rule_evaluate(const cf_template *tpl, size_t rule, const cf_cell *two_years)
{
    return evaluate(tpl, cf_template_cross_rule(tpl, rule), two_years);
}

cf_cell *cf_two_years(const cf_template *tpl, const cf_cell *cells, const cf_year *previous, bool *absent)
{
    size_t n = cf_template_cell_count(tpl);
    cf_cell *both = cf_calloc(2 * n + 1, sizeof *both);
    if (!both)
        return NULL;
    memcpy(both, cells, n * sizeof *both);
    for (size_t i = 0; i < n; i++) {
        /* last year's report may be in the other format: its cell is found by id */
        long k = previous->tpl == tpl ? (long)i : cf_template_find_cell(previous->tpl, cf_template_cell(tpl, i)->id);
        if (k >= 0)
            both[n + i] = previous->cells[k];
        else
            both[n + i] = (cf_cell){.state = CF_CELL_MISSING};
        if (absent)
            absent[i] = k < 0;
    }
    return both;
}

size_t cf_rules_evaluate(const cf_template *tpl, const cf_cell *cells, cf_rule_result *results)
{
    size_t failed = 0;
    for (size_t i = 0; i < cf_template_rule_count(tpl); i++) {
        results[i] = cf_rule_evaluate(tpl, i, cells);
        failed += results[i].status == CF_RULE_FAIL;
    }
    return failed;
}

static bool cell_text(cf_buf *b, const cf_cell *c)
{
    char num[32];
    switch (c->state) {
    case CF_CELL_NUMBER:
        return cf_buf_puts(b, cf_decimal_format(c->value, num));
    case CF_CELL_NA:
        return cf_buf_puts(b, "/");
    case CF_CELL_INVALID:
        return cf_buf_puts(b, "?");
    default:
        return cf_buf_puts(b, "□");
    }
}

/* "2 + 0 = 2"; with many terms only the ones that are not zero, named: "三(一) 2 + 三(三)6 1 = 3". */
static bool side_arithmetic(cf_buf *b, const cf_explain_words *words, const size_t *idx, char **refs, size_t n,
                            const cf_cell *cells, const cf_decimal *sum, bool complete)
{
    char num[32];
    bool ok = true;
    if (n == 1)
        return cell_text(b, &cells[idx[0]]);
    if (n <= 4) {
        for (size_t i = 0; i < n && ok; i++)
            ok = (i == 0 || cf_buf_puts(b, " + ")) && cell_text(b, &cells[idx[i]]);
    } else {
        size_t shown = 0;
        for (size_t i = 0; i < n && ok; i++) {
            const cf_cell *c = &cells[idx[i]];
            if (c->state == CF_CELL_NUMBER && c->value.coef == 0)
                continue;
            ok = (shown == 0 || cf_buf_puts(b, " + ")) && cf_buf_puts(b, refs[i]) && cf_buf_puts(b, " ") &&
                 cell_text(b, c);
            shown++;
        }
        if (ok && shown == 0)
            ok = cf_buf_puts(b, "0");
        else if (ok && shown < n)
            ok = cf_buf_puts(b, words->others_zero);
    }
    if (ok && complete)
        ok = cf_buf_puts(b, " = ") && cf_buf_puts(b, cf_decimal_format(*sum, num));
    return ok;
}

/* One side of a rule proven broken with missing terms: "26 + □ (三(一) 6 + 三(二) □ …; □: 1 missing, each ≥ 0)". */
static bool side_lower_bound(cf_buf *b, const cf_explain_words *words, const size_t *idx, char **refs, size_t n,
                             const cf_cell *cells, cf_decimal known, size_t missing)
{
    char num[32];
    return cf_buf_printf(b, "%s + □ (", cf_decimal_format(known, num)) &&
           side_arithmetic(b, words, idx, refs, n, cells, &known, false) &&
           cf_buf_printf(b, P_("; □: %zu missing, never below 0)", "; □: %zu missing, each never below 0)", missing),
                         missing);
}

/* How the two sides stand: ≠ broken, = holds (or the missing counts can only be 0), ? unknown. */
static const char *relation_of(const cf_rule_result *res)
{
    return res->status == CF_RULE_FAIL ? "≠" : res->status == CF_RULE_PASS || res->forced_zero ? "=" : "?";
}

/* "一+二 ≠ 三(七)+四 [自然人]: " */
static bool explain_head(cf_buf *b, const cf_rule_def *def, const char *relation)
{
    /* pieces rather than a format: a rule is explained for every report, and printf's parsing was
     * most of the cost */
    return cf_buf_puts(b, def->left_text) && cf_buf_puts(b, " ") && cf_buf_puts(b, relation) && cf_buf_puts(b, " ") &&
           cf_buf_puts(b, def->right_text) && cf_buf_puts(b, " [") && cf_buf_puts(b, def->scope) &&
           cf_buf_puts(b, "]: ");
}

void cf_explain_words_init(cf_explain_words *w)
{
    *w = (cf_explain_words){
        .others_zero = _(" (others 0)"),
        .too_large = _(" (a sum is too large to hold)"),
        .only_zero = _(" (□ = missing: the known values already balance, so each missing count can only be 0)"),
        .unchecked = _(" (□ = missing: cannot be checked)"),
    };
}

/* Why a rule with missing terms, or too large a sum, is not checked. */
static const char *unchecked_why(const cf_explain_words *words, const cf_rule_result *res)
{
    return res->overflow ? words->too_large : res->forced_zero ? words->only_zero : words->unchecked;
}

char *cf_rule_explain(const cf_template *tpl, size_t rule, const cf_cell *cells, const cf_rule_result *res,
                      const cf_explain_words *words)
{
    const cf_rule_def *def = cf_template_rule(tpl, rule);
    const char *relation = relation_of(res);
    cf_buf b;
    cf_buf_init(&b);
    /* room for most explanations at once: growing from 64 bytes cost a realloc and a copy per doubling */
    bool ok = cf_buf_reserve(&b, 512) && explain_head(&b, def, relation);
    if (res->status == CF_RULE_FAIL && res->missing > 0) {
        /* proven despite missing terms: the side holding them is at least its known sum */
        bool left_open = false;
        for (size_t i = 0; i < def->left_count; i++)
            left_open = left_open || !cf_cell_has_value(&cells[def->left[i]]);
        ok = ok &&
             (left_open ? side_lower_bound(&b, words, def->left, def->left_refs, def->left_count, cells, res->left,
                                           res->missing)
                        : side_arithmetic(&b, words, def->left, def->left_refs, def->left_count, cells, &res->left,
                                          true)) &&
             cf_buf_puts(&b, left_open ? " > " : " < ") &&
             (left_open ? side_arithmetic(&b, words, def->right, def->right_refs, def->right_count, cells, &res->right,
                                          true)
                        : side_lower_bound(&b, words, def->right, def->right_refs, def->right_count, cells, res->right,
                                           res->missing));
    } else {
        bool complete = res->status != CF_RULE_UNASSESSABLE;
        ok = ok &&
             side_arithmetic(&b, words, def->left, def->left_refs, def->left_count, cells, &res->left, complete) &&
             cf_buf_puts(&b, " ") && cf_buf_puts(&b, relation) && cf_buf_puts(&b, " ") &&
             side_arithmetic(&b, words, def->right, def->right_refs, def->right_count, cells, &res->right, complete);
        if (ok && res->status == CF_RULE_UNASSESSABLE)
            ok = cf_buf_puts(&b, unchecked_why(words, res));
    }
    if (!ok) {
        cf_buf_release(&b);
        return NULL;
    }
    return cf_buf_take(&b);
}

/* One side of a cross-year rule, each term with its value and line: two reports are involved, so
 * each number says where it was read. "二 4 (line 55)", "上年·四 0 (line 80 of 2022.txt)". */
static bool cross_side(cf_buf *b, const size_t *idx, char **refs, size_t n, const cf_cell *two_years, size_t ncells,
                       const char *previous_name)
{
    bool ok = true;
    for (size_t i = 0; i < n && ok; i++) {
        const cf_cell *c = &two_years[idx[i]];
        ok = (i == 0 || cf_buf_puts(b, " + ")) && cf_buf_puts(b, refs[i]) && cf_buf_puts(b, " ") && cell_text(b, c);
        size_t line = c->line ? c->line : c->label_line;
        if (ok && line)
            ok = idx[i] >= ncells ? cf_buf_printf(b, _(" (line %zu of %s)"), line, previous_name)
                                  : cf_buf_printf(b, _(" (line %zu)"), line);
    }
    return ok;
}

char *cf_cross_rule_explain(const cf_template *tpl, size_t rule, const cf_cell *two_years, const char *previous_name,
                            const cf_rule_result *res, const cf_explain_words *words)
{
    const cf_rule_def *def = cf_template_cross_rule(tpl, rule);
    size_t ncells = cf_template_cell_count(tpl);
    const char *relation = relation_of(res);
    cf_buf b;
    cf_buf_init(&b);
    bool ok = explain_head(&b, def, relation) &&
              cross_side(&b, def->left, def->left_refs, def->left_count, two_years, ncells, previous_name) &&
              cf_buf_printf(&b, " %s ", relation) &&
              cross_side(&b, def->right, def->right_refs, def->right_count, two_years, ncells, previous_name) &&
              (res->status != CF_RULE_UNASSESSABLE || cf_buf_puts(&b, unchecked_why(words, res)));
    if (!ok) {
        cf_buf_release(&b);
        return NULL;
    }
    return cf_buf_take(&b);
}
