/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crossyear.c — the cross-year rules, evaluated exactly. */
#include "crossyear.h"

#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "i18n.h"

/* The cell a term stands for, in its year; NULL when last year's format has none. */
static const cf_cell *term_cell(const cf_cross_term *t, const cf_year *now, const cf_year *previous)
{
    if (!t->previous)
        return &now->cells[t->cell];
    long i = cf_template_find_cell(previous->tpl, t->cell_id);
    return i < 0 ? NULL : &previous->cells[i];
}

static bool describe_side(cf_buf *b, const cf_cross_term *terms, size_t n, const cf_year *now,
                          const cf_year *previous)
{
    bool ok = true;
    for (size_t i = 0; i < n && ok; i++) {
        const cf_cell *c = term_cell(&terms[i], now, previous);
        char num[32];
        const char *value = c && cf_cell_has_value(c) ? cf_decimal_format(c->value, num) : "□";
        ok = cf_buf_printf(b, "%s%s %s", i ? " + " : "", terms[i].ref, value);
        size_t line = c ? (c->line ? c->line : c->label_line) : 0;
        if (ok && line)
            ok = terms[i].previous ? cf_buf_printf(b, _(" (line %zu of %s)"), line, previous->name)
                                   : cf_buf_printf(b, " (line %zu)", line);
    }
    return ok;
}

cf_status cf_cross_year_check(const cf_year *now, const cf_year *previous, cf_xy_result **out, size_t *count,
                              cf_error *err)
{
    size_t n = cf_template_cross_rule_count(now->tpl);
    *out = cf_calloc(n + 1, sizeof **out);
    *count = 0;
    if (!*out)
        return cf_error_nomem(err, now->name);
    for (size_t r = 0; r < n; r++) {
        const cf_cross_rule_def *def = cf_template_cross_rule(now->tpl, r);
        cf_xy_result *res = &(*out)[(*count)++];
        res->rule = r;
        res->status = CF_XY_MATCH;
        cf_decimal sums[2] = {{0, 0}, {0, 0}};
        for (int side = 0; side < 2; side++) {
            const cf_cross_term *terms = side ? def->right : def->left;
            size_t nt = side ? def->right_count : def->left_count;
            for (size_t k = 0; k < nt; k++) {
                const cf_cell *c = term_cell(&terms[k], now, previous);
                if (!c)
                    res->status = CF_XY_NOT_COMPARABLE;
                else if (!cf_cell_has_value(c) || !cf_decimal_add(sums[side], c->value, &sums[side]))
                    res->status = res->status == CF_XY_NOT_COMPARABLE ? res->status : CF_XY_UNCHECKED;
            }
        }
        res->left = sums[0];
        res->right = sums[1];
        if (res->status == CF_XY_MATCH && cf_decimal_cmp(sums[0], sums[1]) != 0)
            res->status = CF_XY_MISMATCH;
        cf_buf b;
        cf_buf_init(&b);
        const char *relation = res->status == CF_XY_MISMATCH ? "≠" : res->status == CF_XY_MATCH ? "=" : "?";
        bool ok = cf_buf_printf(&b, "%s [%s]: ", def->words, def->scope);
        res->numbers = b.len;
        ok = ok && describe_side(&b, def->left, def->left_count, now, previous) &&
                  cf_buf_printf(&b, " %s ", relation) &&
                  describe_side(&b, def->right, def->right_count, now, previous) &&
                  (res->status != CF_XY_NOT_COMPARABLE ||
                   cf_buf_printf(&b, _(" (last year's report is in %s, which has no such cell)"),
                                 cf_template_id(previous->tpl)));
        if (!ok) {
            cf_buf_release(&b);
            cf_xy_results_free(*out, *count);
            *out = NULL;
            *count = 0;
            return cf_error_nomem(err, now->name);
        }
        res->message = cf_buf_take(&b);
    }
    return CF_OK;
}

void cf_xy_results_free(cf_xy_result *results, size_t count)
{
    for (size_t i = 0; results && i < count; i++)
        cf_free(results[i].message);
    cf_free(results);
}
