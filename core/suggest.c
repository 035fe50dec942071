/* SPDX-License-Identifier: GPL-3.0-or-later */
/* suggest.c — smallest fixes that make every rule hold, solved exactly. */
#include "suggest.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "i18n.h"

typedef __int128 wide;

static const int64_t POW10[] = {1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000, 1000000000};

/* ---------- typing slips ---------- */

static void digits_of(cf_decimal d, char *out, size_t size)
{
    char buf[32];
    cf_decimal_format(d, buf);
    size_t n = 0;
    for (const char *p = buf; *p && n + 1 < size; p++)
        if (*p >= '0' && *p <= '9')
            out[n++] = *p;
    out[n] = '\0';
}

/* Is short_s long_s with one character taken out? Which one (its position) in *at. */
static bool one_removed(const char *long_s, const char *short_s, size_t *at)
{
    size_t ll = strlen(long_s), sl = strlen(short_s);
    if (ll != sl + 1)
        return false;
    size_t i = 0;
    while (i < sl && long_s[i] == short_s[i])
        i++;
    if (strcmp(long_s + i + 1, short_s + i) != 0)
        return false;
    *at = i;
    return true;
}

void cf_typo_evidence(cf_decimal from, cf_decimal to, char *buf, size_t size)
{
    char a[32], b[32], fa[32], fb[32];
    buf[0] = '\0';
    cf_decimal_format(from, fa);
    cf_decimal_format(to, fb);
    if (from.coef != 0 && cf_decimal_cmp(from, (cf_decimal){-to.coef, to.scale}) == 0) {
        snprintf(buf, size, _("the sign is wrong (%s → %s)"), fa, fb);
        return;
    }
    for (int k = 1; k <= 4 && from.coef != 0; k++) {
        cf_decimal up = from, down = from;
        if (!__builtin_mul_overflow(from.coef, POW10[k], &up.coef) && cf_decimal_cmp(up, to) == 0) {
            snprintf(buf, size, _("the decimal point is %d place%s off (%s → %s)"), k, k > 1 ? "s" : "", fa, fb);
            return;
        }
        if (down.scale + k <= 9) {
            down.scale = (uint8_t)(down.scale + k);
            if (cf_decimal_cmp(down, to) == 0) {
                snprintf(buf, size, _("the decimal point is %d place%s off (%s → %s)"), k, k > 1 ? "s" : "", fa, fb);
                return;
            }
        }
    }
    if (cf_decimal_is_negative(from) != cf_decimal_is_negative(to))
        return;
    digits_of(from, a, sizeof a);
    digits_of(to, b, sizeof b);
    size_t la = strlen(a), at;
    if (la == strlen(b) && la >= 2) {
        size_t diff[3], nd = 0;
        for (size_t i = 0; i < la && nd < 3; i++)
            if (a[i] != b[i])
                diff[nd++] = i;
        if (nd == 2 && a[diff[0]] == b[diff[1]] && a[diff[1]] == b[diff[0]]) {
            snprintf(buf, size, _("two digits swapped (%s → %s)"), fa, fb);
            return;
        }
    }
    if (one_removed(b, a, &at)) {
        snprintf(buf, size, _("a digit was dropped (%s → %s)"), fa, fb);
        return;
    }
    if (one_removed(a, b, &at) && ((at > 0 && a[at - 1] == a[at]) || (a[at + 1] && a[at + 1] == a[at])))
        snprintf(buf, size, _("a digit was doubled (%s → %s)"), fa, fb);
}

/* ---------- the exact solver ---------- */

typedef struct {
    const cf_template *tpl;
    const cf_cell *cells;
    size_t ncells, nrules;
    int scale;           /* common scale of every value */
    wide *scaled;        /* each cell's value at that scale (0 when it has none) */
    bool *free_cell;     /* missing, not applicable, invalid: the rules may fill it */
    bool *is_total;      /* the single left-hand cell of some rule */
    size_t rules_per_cell; /* the most rules any one cell is in */
    size_t *rule_start;    /* cell c's rules are rule_list[rule_start[c] .. rule_start[c + 1]) */
    size_t *rule_list;
    size_t *failing_list, nfailing;
    bool *near_free;       /* per rule: it has a blank in it */
    bool *failing;       /* per rule */
    int *var_of;         /* per cell: its column in the system, or -1 */
    const bool *locked;  /* per cell: confirmed, never changed (or NULL) */
} problem;

static wide gcd_wide(wide a, wide b)
{
    if (a < 0)
        a = -a;
    if (b < 0)
        b = -b;
    while (b) {
        if (a >= 0 && a <= INT64_MAX && b >= 0 && b <= INT64_MAX) {
            /* the usual case: 64-bit division is one instruction, 128-bit a library call (__modti3) */
            int64_t x = (int64_t)a, y = (int64_t)b;
            while (y) {
                int64_t t = x % y;
                x = y;
                y = t;
            }
            return x;
        }
        wide t = a % b;
        a = b;
        b = t;
    }
    return a;
}

typedef enum { SOLVED, NO_SOLUTION, SOLVE_NOMEM } solve_result;

/* Solve the rules touching vars[0..nv) for those cells, the rest fixed. SOLVED fills
 * determined[] and value[] (scaled); NO_SOLUTION when no values make every rule hold. */
static solve_result solve(const problem *p, const size_t *vars, size_t nv, bool *determined, wide *value)
{
    size_t cols = nv + 1;
    size_t max_rows = p->nrules;
    wide *m = cf_calloc(max_rows * cols + 1, sizeof *m);
    if (!m)
        return SOLVE_NOMEM;
    size_t rows = 0;
    for (size_t r = 0; r < p->nrules; r++) {
        const cf_rule_def *def = cf_template_rule(p->tpl, r);
        wide *row = &m[rows * cols];
        bool touches = false;
        for (int side = 0; side < 2; side++) {
            const size_t *idx = side ? def->right : def->left;
            size_t n = side ? def->right_count : def->left_count;
            wide sign = side ? -1 : 1;
            for (size_t k = 0; k < n; k++) {
                int v = p->var_of[idx[k]];
                if (v >= 0) {
                    row[v] += sign;
                    touches = true;
                } else {
                    row[nv] -= sign * p->scaled[idx[k]];
                }
            }
        }
        if (touches)
            rows++;
        else
            memset(row, 0, cols * sizeof *row);
    }
    /* Gauss–Jordan on integer rows, each kept small by dividing out its gcd */
    size_t rank = 0;
    int *pivot_col = cf_calloc(rows + 1, sizeof *pivot_col);
    if (!pivot_col) {
        cf_free(m);
        return SOLVE_NOMEM;
    }
    bool ok = true;
    for (size_t c = 0; ok && c < nv && rank < rows; c++) {
        size_t pr = rank;
        while (pr < rows && m[pr * cols + c] == 0)
            pr++;
        if (pr == rows)
            continue;
        if (pr != rank)
            for (size_t k = 0; k < cols; k++) {
                wide t = m[pr * cols + k];
                m[pr * cols + k] = m[rank * cols + k];
                m[rank * cols + k] = t;
            }
        wide *prow = &m[rank * cols];
        for (size_t r = 0; r < rows; r++) {
            if (r == rank || m[r * cols + c] == 0)
                continue;
            wide *row = &m[r * cols];
            wide a = prow[c], b = row[c], g = 0;
            for (size_t k = 0; k < cols; k++) {
                row[k] = row[k] * a - prow[k] * b;
                g = gcd_wide(g, row[k]);
            }
            if (g > 1)
                for (size_t k = 0; k < cols; k++)
                    row[k] /= g;
        }
        pivot_col[rank++] = (int)c;
    }
    /* a row with no variables left must read 0 = 0 */
    for (size_t r = rank; ok && r < rows; r++)
        if (m[r * cols + nv] != 0)
            ok = false;
    for (size_t v = 0; ok && v < nv; v++)
        determined[v] = false;
    for (size_t r = 0; ok && r < rank; r++) {
        size_t c = (size_t)pivot_col[r];
        bool alone = true;
        for (size_t k = 0; k < nv; k++)
            if (k != c && m[r * cols + k] != 0)
                alone = false;
        if (!alone)
            continue;
        wide a = m[r * cols + c], b = m[r * cols + nv];
        if (b % a != 0) {
            ok = false; /* not a decimal at the report's precision */
            break;
        }
        determined[c] = true;
        value[c] = b / a;
    }
    cf_free(pivot_col);
    cf_free(m);
    return ok ? SOLVED : NO_SOLUTION;
}

/* Does a determined value fit its column (counts whole and not negative, signed whole)? */
static bool fits(const problem *p, size_t cell, wide v)
{
    const cf_cell_def *def = cf_template_cell(p->tpl, cell);
    cf_value_kind kind = cf_template_table(p->tpl, def->table)->columns[def->column].kind;
    if (kind != CF_KIND_DECIMAL && v % POW10[p->scale] != 0)
        return false;
    return kind != CF_KIND_COUNT || v >= 0;
}

static cf_decimal unscale(const problem *p, wide v)
{
    cf_decimal d = {(int64_t)v, (uint8_t)p->scale};
    while (d.scale > 0 && d.coef % 10 == 0) {
        d.coef /= 10;
        d.scale--;
    }
    return d;
}

/* ---------- searching the smallest sets ---------- */

typedef struct {
    problem *p;
    size_t *free_cells, nfree;
    size_t *chosen, k;   /* the set being built */
    bool *excluded;      /* cells whose sets have all been tried on this path */
    size_t *hits;        /* per rule: chosen cells in it */
    size_t *vars;        /* free cells then chosen */
    bool *determined;
    wide *value;
    cf_fix *fixes;
    size_t nfixes, cap_fixes, found_total;
    size_t max_fixes;
    bool oom;
} search;

/* Equally small fixes: those changing more totals first (a wrong total breaks every rule it is
 * in, which is why its fix is small), then by the cells' order in the template. */
static int rank_cmp(const cf_fix *a, const cf_fix *b)
{
    if (a->totals != b->totals)
        return a->totals > b->totals ? -1 : 1;
    for (size_t i = 0; i < a->changes && i < b->changes; i++)
        if (a->cells[i].cell != b->cells[i].cell)
            return a->cells[i].cell < b->cells[i].cell ? -1 : 1;
    return 0;
}

static void free_fix(cf_fix *f)
{
    cf_free(f->cells);
    memset(f, 0, sizeof *f);
}

/* Try the set s->chosen[0..k): keep it when some values make every rule hold. */
static void try_set(search *s)
{
    problem *p = s->p;
    size_t nv = s->nfree + s->k;
    for (size_t i = 0; i < s->k; i++)
        s->vars[s->nfree + i] = s->chosen[i];
    for (size_t i = 0; i < nv; i++)
        p->var_of[s->vars[i]] = (int)i;
    solve_result solved = solve(p, s->vars, nv, s->determined, s->value);
    if (solved == SOLVE_NOMEM)
        s->oom = true;
    bool ok = solved == SOLVED;
    for (size_t i = 0; ok && i < nv; i++)
        if (s->determined[i] && !fits(p, s->vars[i], s->value[i]))
            ok = false;
    for (size_t i = 0; i < nv; i++)
        p->var_of[s->vars[i]] = -1;
    if (!ok)
        return;
    s->found_total++;
    cf_fix fix = {0};
    fix.cells = cf_calloc(nv + 1, sizeof *fix.cells);
    if (!fix.cells) {
        s->oom = true;
        return;
    }
    /* changed cells first, then the blanks the rules fill */
    for (size_t i = 0; i < s->k; i++) {
        size_t v = s->nfree + i, cell = s->vars[v];
        cf_fix_cell *fc = &fix.cells[fix.count++];
        fc->cell = cell;
        fc->determined = s->determined[v];
        if (fc->determined) {
            fc->value = unscale(p, s->value[v]);
            if (cf_cell_has_value(&p->cells[cell]))
                cf_typo_evidence(p->cells[cell].value, fc->value, fc->evidence, sizeof fc->evidence);
        }
        fix.totals += p->is_total[cell];
    }
    fix.changes = s->k;
    for (size_t i = 0; i < s->nfree; i++) {
        if (!s->determined[i])
            continue;
        const cf_cell *cur = &p->cells[s->vars[i]];
        cf_decimal value = unscale(p, s->value[i]);
        if (cf_cell_has_value(cur) && cf_decimal_cmp(cur->value, value) == 0)
            continue; /* an inferred cell the rules leave as it is */
        cf_fix_cell *fc = &fix.cells[fix.count++];
        fc->cell = s->vars[i];
        fc->determined = true;
        fc->was_missing = !cf_cell_has_value(cur);
        fc->was_inferred = !fc->was_missing;
        fc->value = value;
        if (fc->was_inferred)
            cf_typo_evidence(cur->value, value, fc->evidence, sizeof fc->evidence);
    }
    /* keep the best max_fixes, best first */
    if (s->nfixes == s->cap_fixes) {
        if (rank_cmp(&fix, &s->fixes[s->nfixes - 1]) >= 0) {
            free_fix(&fix);
            return;
        }
        free_fix(&s->fixes[--s->nfixes]);
    }
    size_t at = s->nfixes;
    while (at > 0 && rank_cmp(&fix, &s->fixes[at - 1]) < 0) {
        s->fixes[at] = s->fixes[at - 1];
        at--;
    }
    s->fixes[at] = fix;
    s->nfixes++;
}

static bool chosen_has(const search *s, size_t cell)
{
    for (size_t i = 0; i < s->k; i++)
        if (s->chosen[i] == cell)
            return true;
    return false;
}

static void count_hits(search *s, size_t cell, int delta)
{
    const problem *p = s->p;
    for (size_t i = p->rule_start[cell]; i < p->rule_start[cell + 1]; i++)
        s->hits[p->rule_list[i]] += (size_t)delta;
}

/* Try cell c in the set, then rule it out for the sets tried after it: so every set is
 * built exactly once whatever order its cells are reached in. */
static void enumerate(search *s, size_t want);

static void branch(search *s, size_t want, size_t c, size_t *ruled_out, size_t *nout)
{
    if (s->excluded[c] || s->p->free_cell[c] || (s->p->locked && s->p->locked[c]) || chosen_has(s, c))
        return;
    s->chosen[s->k++] = c;
    count_hits(s, c, 1);
    enumerate(s, want);
    count_hits(s, c, -1);
    s->k--;
    s->excluded[c] = true;
    ruled_out[(*nout)++] = c;
}

static void branch_rule(search *s, size_t want, size_t rule, size_t *ruled_out, size_t *nout)
{
    const cf_rule_def *def = cf_template_rule(s->p->tpl, rule);
    for (size_t k = 0; k < def->left_count; k++)
        branch(s, want, def->left[k], ruled_out, nout);
    for (size_t k = 0; k < def->right_count; k++)
        branch(s, want, def->right[k], ruled_out, nout);
}

/* Every set of `want` cells that hits each broken rule: branch on the cells of the first
 * rule not yet hit; once all are hit, grow the set with cells of the rules it (or a blank)
 * touches — a cell sharing no rule with them cannot change whether the rules can hold. */
static void enumerate(search *s, size_t want)
{
    if (s->oom || s->found_total > CF_SUGGEST_MAX_COUNTED)
        return;
    problem *p = s->p;
    long unhit = -1;
    size_t unhit_count = 0;
    for (size_t i = 0; i < p->nfailing; i++)
        if (s->hits[p->failing_list[i]] == 0) {
            if (unhit < 0)
                unhit = (long)p->failing_list[i];
            unhit_count++;
        }
    /* no cell is in more than rules_per_cell rules: too many left means no set of this size */
    if (unhit_count > (want - s->k) * p->rules_per_cell)
        return;
    if (s->k == want) {
        if (unhit < 0)
            try_set(s);
        return;
    }
    size_t *ruled_out = cf_calloc(p->ncells + 1, sizeof *ruled_out);
    if (!ruled_out) {
        s->oom = true;
        return;
    }
    size_t nout = 0;
    if (unhit < 0) {
        for (size_t r = 0; r < p->nrules; r++)
            if (s->hits[r] > 0 || p->near_free[r])
                branch_rule(s, want, r, ruled_out, &nout);
    } else {
        branch_rule(s, want, (size_t)unhit, ruled_out, &nout);
    }
    for (size_t i = 0; i < nout; i++)
        s->excluded[ruled_out[i]] = false;
    cf_free(ruled_out);
}

/* "3 sets of 1 cell make every rule hold (every set of that size was tried): …; the others: …".
 * The first is listed first for the reason that put it there, and only that one. */
static bool alternatives(cf_buf *b, const problem *p, const cf_suggestion *out)
{
    const cf_fix *f = &out->fixes[0], *next = out->count > 1 ? &out->fixes[1] : NULL;
    bool ok = out->total > CF_SUGGEST_MAX_COUNTED
                  ? cf_buf_printf(b, P_(". More than %d sets of %zu cell make every rule hold",
                                        ". More than %d sets of %zu cells make every rule hold", f->changes),
                                  CF_SUGGEST_MAX_COUNTED, f->changes)
                  : cf_buf_printf(b, P_(". %zu sets of %zu cell make every rule hold",
                                        ". %zu sets of %zu cells make every rule hold", f->changes),
                                  out->total, f->changes);
    ok = ok && (!next || cf_buf_puts(b, f->totals > next->totals ? _("; this one is listed first because it changes more totals "
                                                           "(a wrong total breaks every rule it is in)")
                                                         : _("; nothing in the numbers tells them apart, so they are "
                                                             "listed in the template's order")));
    for (size_t k = 1; ok && k < out->count; k++) {
        ok = cf_buf_puts(b, k == 1 ? _("; the others:") : " |");
        for (size_t i = 0; ok && i < out->fixes[k].changes; i++) {
            const cf_fix_cell *c = &out->fixes[k].cells[i];
            char label[256], num[32];
            cf_template_cell_label(p->tpl, c->cell, label, sizeof label);
            ok = cf_buf_printf(b, "%s %s%s → %s", i ? "," : "",
                               cf_template_table(p->tpl, cf_template_cell(p->tpl, c->cell)->table)->number, label,
                               c->determined ? cf_decimal_format(c->value, num) : _("(not determined by the rules)"));
        }
    }
    if (ok && out->total > out->count)
        ok = out->total > CF_SUGGEST_MAX_COUNTED ? cf_buf_puts(b, _(" and more."))
                                                 : cf_buf_printf(b, _(" and %zu more."), out->total - out->count);
    else if (ok)
        ok = cf_buf_puts(b, ".");
    return ok;
}

static bool build_reasoning(const problem *p, cf_suggestion *out, size_t broken, size_t size, size_t blanks)
{
    cf_buf b;
    cf_buf_init(&b);
    bool ok = true;
    if (!out->found && blanks > CF_SUGGEST_MAX_BLANKS) {
        ok = cf_buf_printf(&b, _("%zu blank cells take part in the rules: fill or confirm them first, then the "
                               "smallest fix can be looked for."),
                           blanks);
    } else if (!out->found) {
        ok = cf_buf_printf(&b, P_("%zu broken rule", "%zu broken rules", broken), broken) &&
             cf_buf_printf(&b, P_("; no change of up to %zu cell makes every rule hold.",
                                  "; no change of up to %zu cells makes every rule hold.", size),
                           size);
    } else if (out->count == 0) {
        ok = cf_buf_puts(&b, _("Every rule holds; nothing to change."));
    } else {
        const cf_fix *f = &out->fixes[0];
        char num[32], old[32];
        if (f->changes)
            ok = cf_buf_printf(&b, P_("%zu broken rule", "%zu broken rules", broken), broken) &&
                 cf_buf_printf(&b, P_(". The smallest change that makes every rule hold touches %zu cell:",
                                      ". The smallest change that makes every rule hold touches %zu cells:", f->changes),
                               f->changes);
        else
            ok = cf_buf_puts(&b, _("The rules determine blank or inferred cells:"));
        for (size_t i = 0; ok && i < f->count; i++) {
            const cf_fix_cell *c = &f->cells[i];
            const cf_cell *cur = &p->cells[c->cell];
            const char *was = cf_cell_has_value(cur) ? cf_decimal_format(cur->value, old) : _("blank");
            /* the cell as the report names it (三(七)总计 · 自然人): the ids are in the fix's cells */
            char label[256];
            cf_template_cell_label(p->tpl, c->cell, label, sizeof label);
            ok = cf_buf_printf(&b, "%s %s%s %s → %s%s%s%s", i ? ";" : "",
                               cf_template_table(p->tpl, cf_template_cell(p->tpl, c->cell)->table)->number, label, was,
                               c->determined ? cf_decimal_format(c->value, num) : _("(not determined by the rules)"),
                               c->evidence[0] ? " [" : "", c->evidence, c->evidence[0] ? "]" : "");
        }
        if (ok && f->changes && out->unique)
            ok = cf_buf_puts(&b, _(". No other set of that size works, so the fix is unique."));
        else if (ok && f->changes)
            ok = alternatives(&b, p, out);
    }
    if (!ok) {
        cf_buf_release(&b);
        return false;
    }
    out->reasoning = cf_buf_take(&b);
    if (!out->reasoning)
        out->reasoning = cf_strdup("");
    return out->reasoning != NULL;
}

cf_status cf_suggest(const cf_template *tpl, const cf_cell *cells, const bool *locked, const cf_suggest_limits *limits,
                     cf_suggestion *out, cf_error *err)
{
    return cf_suggest_broken(tpl, cells, locked, limits, NULL, out, err);
}

cf_status cf_suggest_broken(const cf_template *tpl, const cf_cell *cells, const bool *locked,
                            const cf_suggest_limits *limits, const bool *broken_rules, cf_suggestion *out, cf_error *err)
{
    memset(out, 0, sizeof *out);
    size_t max_changes = limits && limits->max_changes ? limits->max_changes : 3;
    size_t max_fixes = limits && limits->max_fixes ? limits->max_fixes : 5;
    problem p = {.tpl = tpl,
                 .cells = cells,
                 .ncells = cf_template_cell_count(tpl),
                 .nrules = cf_template_rule_count(tpl),
                 .locked = locked};
    p.scaled = cf_calloc(p.ncells + 1, sizeof *p.scaled);
    p.free_cell = cf_calloc(p.ncells + 1, sizeof *p.free_cell);
    p.is_total = cf_calloc(p.ncells + 1, sizeof *p.is_total);
    p.failing = cf_calloc(p.nrules + 1, sizeof *p.failing);
    p.var_of = cf_calloc(p.ncells + 1, sizeof *p.var_of);
    search s = {.p = &p, .cap_fixes = max_fixes, .max_fixes = max_fixes};
    s.excluded = cf_calloc(p.ncells + 1, sizeof *s.excluded);
    s.free_cells = cf_calloc(p.ncells + 1, sizeof *s.free_cells);
    s.chosen = cf_calloc(max_changes + 1, sizeof *s.chosen);
    s.vars = cf_calloc(p.ncells + max_changes + 1, sizeof *s.vars);
    s.determined = cf_calloc(p.ncells + max_changes + 1, sizeof *s.determined);
    s.value = cf_calloc(p.ncells + max_changes + 1, sizeof *s.value);
    s.fixes = cf_calloc(max_fixes + 1, sizeof *s.fixes);
    cf_status st = CF_OK;
    if (!p.scaled || !p.free_cell || !p.is_total || !s.excluded || !p.failing || !p.var_of || !s.free_cells || !s.chosen || !s.vars ||
        !s.determined || !s.value || !s.fixes)
        st = cf_error_nomem(err, "suggestions");
    size_t broken = 0;
    if (st == CF_OK) {
        for (size_t i = 0; i < p.ncells; i++) {
            p.var_of[i] = -1;
            if (cf_cell_has_value(&cells[i]) && cells[i].value.scale > p.scale)
                p.scale = cells[i].value.scale;
        }
        /* blanks and inferred placements are unknowns; a confirmed cell is a fact */
        for (size_t i = 0; i < p.ncells; i++) {
            if (cf_cell_has_value(&cells[i]))
                p.scaled[i] = (wide)cells[i].value.coef * POW10[p.scale - cells[i].value.scale];
            p.free_cell[i] = !cf_cell_has_value(&cells[i]) || (cells[i].inferred && !(locked && locked[i]));
        }
        for (size_t r = 0; r < p.nrules; r++) {
            const cf_rule_def *def = cf_template_rule(tpl, r);
            if (def->left_count == 1)
                p.is_total[def->left[0]] = true;
            p.failing[r] =
                broken_rules ? broken_rules[r] : cf_rule_evaluate(tpl, r, cells).status == CF_RULE_FAIL;
            broken += p.failing[r];
        }
        /* blanks that some rule touches are unknowns; others stay out of the system */
        for (size_t r = 0; r < p.nrules; r++) {
            const cf_rule_def *def = cf_template_rule(tpl, r);
            for (int side = 0; side < 2; side++)
                for (size_t k = 0; k < (side ? def->right_count : def->left_count); k++) {
                    size_t c = side ? def->right[k] : def->left[k];
                    if (p.free_cell[c] && p.var_of[c] != -2) {
                        p.var_of[c] = -2; /* listed once */
                        s.free_cells[s.nfree++] = c;
                    }
                }
        }
        for (size_t i = 0; i < p.ncells; i++)
            p.var_of[i] = -1;
        /* which rules each cell is in (compressed rows), and which rules are broken */
        size_t links = 0;
        for (size_t r = 0; r < p.nrules; r++)
            links += cf_template_rule(tpl, r)->left_count + cf_template_rule(tpl, r)->right_count;
        p.rule_start = cf_calloc(p.ncells + 2, sizeof *p.rule_start);
        p.rule_list = cf_calloc(links + 1, sizeof *p.rule_list);
        p.failing_list = cf_calloc(p.nrules + 1, sizeof *p.failing_list);
        p.near_free = cf_calloc(p.nrules + 1, sizeof *p.near_free);
        s.hits = cf_calloc(p.nrules + 1, sizeof *s.hits);
        size_t *fill = cf_calloc(p.ncells + 1, sizeof *fill);
        if (!p.rule_start || !p.rule_list || !p.failing_list || !p.near_free || !s.hits || !fill) {
            s.oom = true;
        } else {
            for (size_t r = 0; r < p.nrules; r++) {
                const cf_rule_def *def = cf_template_rule(tpl, r);
                for (int side = 0; side < 2; side++)
                    for (size_t k = 0; k < (side ? def->right_count : def->left_count); k++) {
                        size_t c = side ? def->right[k] : def->left[k];
                        p.rule_start[c + 1]++;
                        p.near_free[r] |= p.free_cell[c];
                        /* an inferred value may be what breaks the rule: it is hit already. A
                         * blank is not: a rule broken though it has blanks is broken whatever
                         * counts (never negative) they hold. */
                        s.hits[r] += p.free_cell[c] && cf_cell_has_value(&cells[c]);
                    }
                if (p.failing[r])
                    p.failing_list[p.nfailing++] = r;
            }
            for (size_t c = 0; c < p.ncells; c++) {
                size_t n = p.rule_start[c + 1];
                p.rules_per_cell = n > p.rules_per_cell ? n : p.rules_per_cell;
                p.rule_start[c + 1] = p.rule_start[c] + n;
            }
            for (size_t r = 0; r < p.nrules; r++) {
                const cf_rule_def *def = cf_template_rule(tpl, r);
                for (int side = 0; side < 2; side++)
                    for (size_t k = 0; k < (side ? def->right_count : def->left_count); k++) {
                        size_t c = side ? def->right[k] : def->left[k];
                        p.rule_list[p.rule_start[c] + fill[c]++] = r;
                    }
            }
        }
        cf_free(fill);
        memcpy(s.vars, s.free_cells, s.nfree * sizeof *s.vars);
        /* with a table's worth of blanks the rules say little and each try is costly */
        size_t search_up_to = s.nfree > CF_SUGGEST_MAX_BLANKS ? 0 : max_changes;
        for (size_t want = 0; want <= search_up_to && s.nfixes == 0 && !s.oom; want++)
            enumerate(&s, want);
        if (s.oom)
            st = cf_error_nomem(err, "suggestions");
    }
    if (st == CF_OK && s.nfixes == 1 && s.fixes[0].count == 0)
        free_fix(&s.fixes[--s.nfixes]); /* nothing to change, no blank to fill */
    if (st == CF_OK) {
        out->found = s.nfixes > 0 || s.found_total > 0;
        out->fixes = s.fixes;
        out->count = s.nfixes;
        out->unique = s.found_total == 1;
        out->total = s.found_total;
        out->more = s.found_total > s.nfixes;
        s.fixes = NULL;
        if (!build_reasoning(&p, out, broken, max_changes, s.nfree))
            st = cf_error_nomem(err, "suggestions");
    }
    if (s.fixes)
        for (size_t i = 0; i < s.nfixes; i++)
            free_fix(&s.fixes[i]);
    cf_free(s.fixes);
    cf_free(s.free_cells);
    cf_free(s.excluded);
    cf_free(s.chosen);
    cf_free(s.vars);
    cf_free(s.determined);
    cf_free(s.value);
    cf_free(p.scaled);
    cf_free(p.free_cell);
    cf_free(p.is_total);
    cf_free(p.rule_start);
    cf_free(p.rule_list);
    cf_free(p.failing_list);
    cf_free(p.near_free);
    cf_free(s.hits);
    cf_free(p.failing);
    cf_free(p.var_of);
    if (st != CF_OK)
        cf_suggestion_release(out);
    return st;
}

void cf_suggestion_release(cf_suggestion *s)
{
    for (size_t i = 0; i < s->count; i++)
        free_fix(&s->fixes[i]);
    cf_free(s->fixes);
    cf_free(s->reasoning);
    memset(s, 0, sizeof *s);
}
