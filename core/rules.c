/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rules.c — exact evaluation and explanation of the cross-sum rules. */
#include "rules.h"

#include "alloc.h"
#include "buf.h"
#include "i18n.h"

static bool sum_side(const size_t *idx, size_t n, const cf_cell *cells, cf_decimal *sum, bool *missing)
{
    *sum = cf_decimal_from_int(0);
    for (size_t i = 0; i < n; i++) {
        const cf_cell *c = &cells[idx[i]];
        if (!cf_cell_has_value(c)) {
            *missing = true;
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
    bool missing = false;
    bool ok = sum_side(def->left, def->left_count, cells, &res.left, &missing) &&
              sum_side(def->right, def->right_count, cells, &res.right, &missing);
    if (!ok) {
        res.status = CF_RULE_UNASSESSABLE;
        res.overflow = true;
    } else if (missing) {
        res.status = CF_RULE_UNASSESSABLE;
    } else {
        res.status = cf_decimal_cmp(res.left, res.right) == 0 ? CF_RULE_PASS : CF_RULE_FAIL;
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
            ok = (shown == 0 || cf_buf_puts(b, " + ")) && cf_buf_printf(b, "%s ", refs[i]) && cell_text(b, c);
            shown++;
        }
        if (ok && shown == 0)
            ok = cf_buf_puts(b, "0");
        else if (ok && shown < n)
            ok = cf_buf_puts(b, _(" (others 0)"));
    }
    if (ok && complete)
        ok = cf_buf_printf(b, " = %s", cf_decimal_format(*sum, num));
    return ok;
}

char *cf_rule_explain(const cf_template *tpl, size_t rule, const cf_cell *cells, const cf_rule_result *res)
{
    const cf_rule_def *def = cf_template_rule(tpl, rule);
    const char *relation = res->status == CF_RULE_FAIL ? "≠" : res->status == CF_RULE_PASS ? "=" : "?";
    cf_buf b;
    cf_buf_init(&b);
    bool complete = res->status != CF_RULE_UNASSESSABLE;
    bool ok = cf_buf_printf(&b, "%s %s %s [%s]: ", def->left_text, relation, def->right_text, def->scope) &&
              side_arithmetic(&b, def->left, def->left_refs, def->left_count, cells, &res->left, complete) &&
              cf_buf_printf(&b, " %s ", relation) &&
              side_arithmetic(&b, def->right, def->right_refs, def->right_count, cells, &res->right, complete);
    if (ok && res->status == CF_RULE_UNASSESSABLE)
        ok = cf_buf_puts(&b, res->overflow ? _(" (a sum is too large to hold)") : _(" (□ = missing: cannot be checked)"));
    if (!ok) {
        cf_buf_release(&b);
        return NULL;
    }
    return cf_buf_take(&b);
}
