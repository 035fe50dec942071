/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rules.c — exact evaluation and explanation of the cross-sum rules. */
#include "rules.h"

#include "alloc.h"
#include "buf.h"
#include "i18n.h"

bool cf_cell_is_count(const cf_template *tpl, size_t cell)
{
    const cf_cell_def *def = cf_template_cell(tpl, cell);
    return cf_template_table(tpl, def->table)->columns[def->column].kind == CF_KIND_COUNT;
}

/* The sum of one side's known terms; *missing counts the terms with no number, *all_counts
 * stays true only while every one of them is a count. False when the sum is too large. */
static bool sum_side(const cf_template *tpl, const size_t *idx, size_t n, const cf_cell *cells, cf_decimal *sum,
                     size_t *missing, bool *all_counts)
{
    *sum = cf_decimal_from_int(0);
    for (size_t i = 0; i < n; i++) {
        const cf_cell *c = &cells[idx[i]];
        if (!cf_cell_has_value(c)) {
            (*missing)++;
            *all_counts = *all_counts && cf_cell_is_count(tpl, idx[i]);
            continue;
        }
        if (!cf_decimal_add(*sum, c->value, sum))
            return false;
    }
    return true;
}

cf_rule_result cf_rule_evaluate(const cf_template *tpl, size_t rule, const cf_cell *cells)
{
    const cf_rule_def *def = cf_template_rule(tpl, rule);
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
static bool side_arithmetic(cf_buf *b, const size_t *idx, char **refs, size_t n, const cf_cell *cells,
                            const cf_decimal *sum, bool complete)
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
            ok = cf_buf_puts(b, _(" (others 0)"));
    }
    if (ok && complete)
        ok = cf_buf_puts(b, " = ") && cf_buf_puts(b, cf_decimal_format(*sum, num));
    return ok;
}

/* One side of a rule proven broken with missing terms: "26 + □ (三(一) 6 + 三(二) □ …; □: 1 missing, each ≥ 0)". */
static bool side_lower_bound(cf_buf *b, const size_t *idx, char **refs, size_t n, const cf_cell *cells,
                             cf_decimal known, size_t missing)
{
    char num[32];
    return cf_buf_printf(b, "%s + □ (", cf_decimal_format(known, num)) &&
           side_arithmetic(b, idx, refs, n, cells, &known, false) &&
           cf_buf_printf(b, P_("; □: %zu missing, never below 0)", "; □: %zu missing, each never below 0)", missing),
                         missing);
}

char *cf_rule_explain(const cf_template *tpl, size_t rule, const cf_cell *cells, const cf_rule_result *res)
{
    const cf_rule_def *def = cf_template_rule(tpl, rule);
    const char *relation = res->status == CF_RULE_FAIL                      ? "≠"
                           : res->status == CF_RULE_PASS || res->forced_zero ? "="
                                                                             : "?";
    cf_buf b;
    cf_buf_init(&b);
    /* pieces rather than a format: a rule is explained for every report, and printf's parsing was
     * most of the cost */
    bool ok = cf_buf_puts(&b, def->left_text) && cf_buf_puts(&b, " ") && cf_buf_puts(&b, relation) &&
              cf_buf_puts(&b, " ") && cf_buf_puts(&b, def->right_text) && cf_buf_puts(&b, " [") &&
              cf_buf_puts(&b, def->scope) && cf_buf_puts(&b, "]: ");
    if (res->status == CF_RULE_FAIL && res->missing > 0) {
        /* proven despite missing terms: the side holding them is at least its known sum */
        bool left_open = false;
        for (size_t i = 0; i < def->left_count; i++)
            left_open = left_open || !cf_cell_has_value(&cells[def->left[i]]);
        ok = ok &&
             (left_open ? side_lower_bound(&b, def->left, def->left_refs, def->left_count, cells, res->left, res->missing)
                        : side_arithmetic(&b, def->left, def->left_refs, def->left_count, cells, &res->left, true)) &&
             cf_buf_puts(&b, left_open ? " > " : " < ") &&
             (left_open ? side_arithmetic(&b, def->right, def->right_refs, def->right_count, cells, &res->right, true)
                        : side_lower_bound(&b, def->right, def->right_refs, def->right_count, cells, res->right,
                                           res->missing));
    } else {
        bool complete = res->status != CF_RULE_UNASSESSABLE;
        ok = ok && side_arithmetic(&b, def->left, def->left_refs, def->left_count, cells, &res->left, complete) &&
             cf_buf_puts(&b, " ") && cf_buf_puts(&b, relation) && cf_buf_puts(&b, " ") &&
             side_arithmetic(&b, def->right, def->right_refs, def->right_count, cells, &res->right, complete);
        if (ok && res->status == CF_RULE_UNASSESSABLE)
            ok = cf_buf_puts(&b, res->overflow      ? _(" (a sum is too large to hold)")
                                 : res->forced_zero ? _(" (□ = missing: the known values already balance, so each "
                                                        "missing count can only be 0)")
                                                    : _(" (□ = missing: cannot be checked)"));
    }
    if (!ok) {
        cf_buf_release(&b);
        return NULL;
    }
    return cf_buf_take(&b);
}
