/* SPDX-License-Identifier: GPL-3.0-or-later */
/* assess.c — the one assessment of a report: rules, missing and suspect cells, warnings,
 * fixes and the verdict, each worked out here and nowhere else. */
#include "assess.h"

#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "i18n.h"

struct cf_assessment {
    const cf_template *tpl;
    cf_assessed_rule *rules;
    size_t rule_count;
    size_t *missing;
    size_t missing_count;
    cf_suspect *suspects;
    size_t suspect_count, suspect_cap;
    bool *suspect_cell; /* per cell */
    bool *broken_cell;  /* per cell: a broken rule most likely breaks on it */
    cf_notice *notices;
    size_t notice_count, notice_cap;
    cf_narrative_finding *prose;
    size_t prose_count;
    cf_assessed_rule *cross; /* the cross-year rules', with last year's report */
    size_t cross_count;
    const cf_year *previous;
    cf_suggestion fix;
    bool fix_made;
    char *reasons[4];
    size_t reason_count;
    cf_open_item *open;
    size_t open_count;
    cf_assess_counts counts;
};

static bool add_suspect(cf_assessment *a, size_t cell, cf_suspect_kind kind, size_t line, const char *reason)
{
    if (!cf_reserve_one(&a->suspects, a->suspect_count, &a->suspect_cap, sizeof *a->suspects, 16))
        return false;
    a->suspects[a->suspect_count++] = (cf_suspect){cell, kind, line, reason};
    a->suspect_cell[cell] = true;
    return true;
}

static bool add_notice(cf_assessment *a, cf_notice_kind kind, size_t line, long cell, size_t source,
                       const char *message)
{
    if (!cf_reserve_one(&a->notices, a->notice_count, &a->notice_cap, sizeof *a->notices, 16))
        return false;
    a->notices[a->notice_count++] = (cf_notice){kind, line, cell, source, message};
    return true;
}

static bool assess_rules(cf_assessment *a, const cf_assess_input *in)
{
    size_t n = cf_template_rule_count(in->tpl);
    a->rules = cf_calloc(n + 1, sizeof *a->rules);
    if (!a->rules)
        return false;
    for (size_t i = 0; i < n; i++) {
        cf_assessed_rule *r = &a->rules[a->rule_count++];
        r->result = cf_rule_evaluate(in->tpl, i, in->cells);
        r->waiver = in->waivers && in->waivers[i] ? in->waivers[i] : "";
        /* building an explanation costs more than evaluating the rule: skipped where none is shown */
        bool unexplained = in->holding_unexplained && r->result.status == CF_RULE_PASS;
        if (!unexplained && !(r->explanation = cf_rule_explain(in->tpl, i, in->cells, &r->result, in->words)))
            return false;
        switch (r->result.status) {
        case CF_RULE_PASS:
            r->outcome = CF_OUTCOME_HOLDS;
            break;
        case CF_RULE_FAIL:
            r->outcome = r->waiver[0]              ? CF_OUTCOME_WAIVED
                         : r->result.missing > 0 ? CF_OUTCOME_BROKEN_MISSING
                                                   : CF_OUTCOME_BROKEN;
            break;
        default:
            r->outcome = CF_OUTCOME_UNCHECKABLE;
            a->counts.only_zero += r->result.forced_zero;
        }
        a->counts.broken += r->outcome == CF_OUTCOME_BROKEN || r->outcome == CF_OUTCOME_BROKEN_MISSING;
        a->counts.proven += r->outcome == CF_OUTCOME_BROKEN_MISSING;
        a->counts.waived += r->outcome == CF_OUTCOME_WAIVED;
        a->counts.uncheckable += r->outcome == CF_OUTCOME_UNCHECKABLE;
    }
    return true;
}

/* Of each broken rule not waived, the cells that take part in the most broken rules. */
static bool mark_broken_cells(cf_assessment *a, const cf_template *tpl)
{
    size_t ncells = cf_template_cell_count(tpl);
    size_t *broken_in = cf_calloc(ncells + 1, sizeof *broken_in);
    a->broken_cell = cf_calloc(ncells + 1, sizeof *a->broken_cell);
    if (!broken_in || !a->broken_cell) {
        cf_free(broken_in);
        return false;
    }
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < a->rule_count; i++) {
            if (a->rules[i].outcome != CF_OUTCOME_BROKEN && a->rules[i].outcome != CF_OUTCOME_BROKEN_MISSING)
                continue;
            const cf_rule_def *def = cf_template_rule(tpl, i);
            size_t most = 0;
            for (size_t k = 0; pass == 1 && k < def->left_count + def->right_count; k++) {
                size_t c = k < def->left_count ? def->left[k] : def->right[k - def->left_count];
                most = broken_in[c] > most ? broken_in[c] : most;
            }
            for (size_t k = 0; k < def->left_count + def->right_count; k++) {
                size_t c = k < def->left_count ? def->left[k] : def->right[k - def->left_count];
                if (pass == 0)
                    broken_in[c]++;
                else if (broken_in[c] == most)
                    a->broken_cell[c] = true;
            }
        }
    cf_free(broken_in);
    return true;
}

/* Inferred placements, then each extraction warning as a notice and a reason on its cell, or
 * on every cell of the row whose label or values are on its line. */
static bool assess_extraction(cf_assessment *a, const cf_assess_input *in)
{
    size_t ncells = cf_template_cell_count(in->tpl);
    for (size_t i = 0; i < ncells; i++) {
        const cf_cell *c = &in->cells[i];
        if (c->inferred && !add_suspect(a, i, CF_SUSPECT_INFERRED, c->line ? c->line : c->label_line,
                                        _("its place in the table was inferred, not read")))
            return false;
    }
    for (size_t w = 0; w < in->warning_count; w++) {
        const cf_warning *warn = &in->warnings[w];
        if (!add_notice(a, CF_NOTICE_EXTRACTION, warn->line, warn->cell, w, warn->message))
            return false;
        for (size_t i = 0; i < ncells; i++) {
            const cf_cell *c = &in->cells[i];
            bool about = warn->cell >= 0 ? (size_t)warn->cell == i
                                         : warn->line && (c->line == warn->line || c->label_line == warn->line);
            if (about && !add_suspect(a, i, CF_SUSPECT_EXTRACTION, warn->line, warn->message))
                return false;
        }
    }
    return true;
}

/* The cross-year rules, evaluated as any rule over the two years' cells. One that does not
 * hold is a warning on each of this year's cells in it; one naming a cell last year's format
 * lacks is a note. */
static bool assess_cross_year(cf_assessment *a, const cf_assess_input *in)
{
    size_t n = cf_template_cross_rule_count(in->tpl), ncells = cf_template_cell_count(in->tpl);
    bool *absent = cf_calloc(ncells + 1, sizeof *absent);
    cf_cell *both = absent ? cf_two_years(in->tpl, in->cells, in->previous, absent) : NULL;
    a->cross = cf_calloc(n + 1, sizeof *a->cross);
    bool ok = both && a->cross;
    for (size_t i = 0; ok && i < n; i++) {
        const cf_rule_def *def = cf_template_cross_rule(in->tpl, i);
        cf_assessed_rule *r = &a->cross[a->cross_count++];
        r->result = cf_cross_rule_evaluate(in->tpl, i, both);
        r->waiver = "";
        bool comparable = true;
        for (size_t k = 0; k < def->left_count + def->right_count; k++) {
            size_t t = k < def->left_count ? def->left[k] : def->right[k - def->left_count];
            comparable = comparable && !(t >= ncells && absent[t - ncells]);
        }
        r->result.forced_zero = r->result.forced_zero && comparable; /* a cell that does not exist is not 0 */
        r->outcome = !comparable                           ? CF_OUTCOME_NOT_COMPARABLE
                     : r->result.status == CF_RULE_PASS    ? CF_OUTCOME_HOLDS
                     : r->result.status == CF_RULE_FAIL    ? (r->result.missing ? CF_OUTCOME_BROKEN_MISSING : CF_OUTCOME_BROKEN)
                                                           : CF_OUTCOME_UNCHECKABLE;
        char *why = cf_cross_rule_explain(in->tpl, i, both, in->previous->name, &r->result, in->words);
        cf_buf b;
        cf_buf_init(&b);
        ok = why && cf_buf_puts(&b, why) &&
             (comparable || cf_buf_printf(&b, _(" (last year's report is in %s, which has no such cell)"),
                                          cf_template_id(in->previous->tpl)));
        cf_free(why);
        if (!ok) {
            cf_buf_release(&b);
            break;
        }
        r->explanation = cf_buf_take(&b);
        bool broken = r->outcome == CF_OUTCOME_BROKEN || r->outcome == CF_OUTCOME_BROKEN_MISSING;
        if (!broken && comparable)
            continue;
        long first = -1;
        for (size_t k = 0; ok && k < def->left_count + def->right_count; k++) {
            size_t t = k < def->left_count ? def->left[k] : def->right[k - def->left_count];
            if (t >= ncells)
                continue; /* last year's cell: not this review's to settle */
            first = first < 0 ? (long)t : first;
            const cf_cell *c = &in->cells[t];
            ok = !broken || add_suspect(a, t, CF_SUSPECT_CROSS_YEAR, c->line ? c->line : c->label_line, r->explanation);
        }
        ok = ok && add_notice(a, broken ? CF_NOTICE_CROSS_YEAR : CF_NOTICE_NOT_COMPARABLE,
                              first >= 0 ? in->cells[first].line : 0, first, i, r->explanation);
    }
    cf_free(both);
    cf_free(absent);
    return ok;
}

static bool assess_prose(cf_assessment *a, const cf_assess_input *in)
{
    if (cf_narrative_check(in->text, in->tpl, in->cells, &a->prose, &a->prose_count, NULL) != CF_OK)
        return false;
    for (size_t i = 0; i < a->prose_count; i++) {
        const cf_narrative_finding *f = &a->prose[i];
        const cf_narrative_def *def = cf_template_narrative(in->tpl, f->claim);
        if (!add_notice(a, CF_NOTICE_PROSE, f->line, def->cell_count == 1 ? (long)def->cells[0] : -1, i, f->message))
            return false;
        for (size_t k = 0; k < def->cell_count; k++)
            if (!add_suspect(a, def->cells[k], CF_SUSPECT_PROSE, f->line, f->message))
                return false;
    }
    return true;
}

static bool add_reason(cf_assessment *a, const char *fmt, size_t n)
{
    cf_buf b;
    cf_buf_init(&b);
    if (!cf_buf_printf(&b, fmt, n)) {
        cf_buf_release(&b);
        return false;
    }
    a->reasons[a->reason_count++] = cf_buf_take(&b);
    return a->reasons[a->reason_count - 1] != NULL;
}

/* The verdict: a report passes only when every rule is checked and holds (or is waived) and
 * no cell is missing. Warnings and suspect cells do not fail it; they are for the reviewer. */
static bool decide(cf_assessment *a)
{
    cf_assess_counts *c = &a->counts;
    c->passed = c->broken == 0 && c->missing == 0 && c->uncheckable == 0;
    const char *broken = c->proven ? P_("%zu broken rule (proven though cells are missing)",
                                        "%zu broken rules (some proven though cells are missing)", c->broken)
                                   : P_("%zu broken rule", "%zu broken rules", c->broken);
    return (!c->broken || add_reason(a, broken, c->broken)) &&
           (!c->missing || add_reason(a, P_("%zu missing cell", "%zu missing cells", c->missing), c->missing)) &&
           (!c->uncheckable ||
            add_reason(a, P_("%zu rule not checkable", "%zu rules not checkable", c->uncheckable), c->uncheckable));
}

/* The open items of a sign-off. A note explains a missing cell; confirming or correcting a
 * suspect cell settles it. Uncheckable rules are not items of their own: their missing cells are. */
static bool list_open(cf_assessment *a, const cf_assess_input *in)
{
    size_t ncells = cf_template_cell_count(in->tpl);
    a->open = cf_malloc((a->rule_count + 2 * ncells + 1) * sizeof *a->open); /* read only up to open_count */
    if (!a->open)
        return false;
    for (size_t i = 0; i < a->rule_count; i++)
        if (a->rules[i].outcome == CF_OUTCOME_BROKEN || a->rules[i].outcome == CF_OUTCOME_BROKEN_MISSING)
            a->open[a->open_count++] = (cf_open_item){CF_OPEN_BROKEN, i, a->rules[i].explanation};
    bool *listed = cf_calloc(ncells + 1, sizeof *listed);
    if (!listed)
        return false;
    for (size_t i = 0; i < ncells; i++) {
        const char *note = in->notes ? in->notes[i] : NULL;
        if (!cf_cell_has_value(&in->cells[i]) && in->cells[i].state != CF_CELL_NA && !(note && note[0])) {
            listed[i] = true;
            a->open[a->open_count++] = (cf_open_item){CF_OPEN_MISSING, i, ""};
            a->counts.unexplained++;
        }
    }
    for (size_t k = 0; k < a->suspect_count; k++) {
        size_t cell = a->suspects[k].cell;
        bool settled = (in->confirmed && in->confirmed[cell]) || (in->corrected && in->corrected[cell]);
        if (settled || listed[cell])
            continue;
        listed[cell] = true; /* once per cell, with its first reason */
        a->open[a->open_count++] = (cf_open_item){CF_OPEN_SUSPECT, cell, a->suspects[k].reason};
        a->counts.unsettled++;
    }
    cf_free(listed);
    a->counts.approvable = a->open_count == 0;
    return true;
}

cf_status cf_assess(const cf_assess_input *in, cf_assessment **out, cf_error *err)
{
    *out = NULL;
    cf_explain_words own;
    cf_assess_input with = *in;
    if (!with.words) {
        cf_explain_words_init(&own);
        with.words = &own;
    }
    in = &with;
    size_t ncells = cf_template_cell_count(in->tpl);
    cf_assessment *a = cf_calloc(1, sizeof *a);
    if (a) {
        a->missing = cf_calloc(ncells + 1, sizeof *a->missing);
        a->suspect_cell = cf_calloc(ncells + 1, sizeof *a->suspect_cell);
    }
    bool ok = a && a->missing && a->suspect_cell && assess_rules(a, in) && mark_broken_cells(a, in->tpl);
    if (a) {
        a->tpl = in->tpl;
        a->previous = in->previous;
    }
    for (size_t i = 0; ok && i < ncells; i++)
        if (!cf_cell_has_value(&in->cells[i]))
            a->missing[a->missing_count++] = i;
    ok = ok && assess_extraction(a, in) && (!in->previous || assess_cross_year(a, in)) &&
         (!in->text || assess_prose(a, in));
    if (ok) { /* the fix search is told which rules the assessment found broken: not evaluated twice */
        bool *broken = cf_calloc(a->rule_count + 1, sizeof *broken);
        for (size_t i = 0; broken && i < a->rule_count; i++)
            broken[i] = a->rules[i].result.status == CF_RULE_FAIL;
        a->fix_made =
            broken && cf_suggest_broken(in->tpl, in->cells, in->confirmed, NULL, broken, &a->fix, NULL) == CF_OK;
        cf_free(broken);
        ok = a->fix_made;
    }
    if (ok) {
        a->counts.missing = a->missing_count;
        a->counts.suspect = 0;
        for (size_t i = 0; i < ncells; i++)
            a->counts.suspect += a->suspect_cell[i];
        for (size_t i = 0; i < a->notice_count; i++) {
            a->counts.warnings += a->notices[i].kind != CF_NOTICE_NOT_COMPARABLE;
            a->counts.cross_year += a->notices[i].kind == CF_NOTICE_CROSS_YEAR;
        }
        ok = decide(a) && list_open(a, in);
    }
    if (!ok) {
        cf_assessment_free(a);
        return cf_error_nomem(err, in->name);
    }
    *out = a;
    return CF_OK;
}

cf_status cf_assess_report(const cf_report *report, const cf_year *previous, const cf_explain_words *words,
                           cf_assessment **out, cf_error *err)
{
    size_t nw = cf_report_warning_count(report);
    cf_warning *warnings = cf_calloc(nw + 1, sizeof *warnings);
    if (!warnings) {
        *out = NULL;
        return cf_error_nomem(err, cf_text_name(cf_report_text(report)));
    }
    for (size_t i = 0; i < nw; i++)
        warnings[i] = *cf_report_warning(report, i);
    cf_assess_input in = {cf_report_template(report), cf_report_cells(report), cf_text_name(cf_report_text(report)),
                          cf_report_text(report), warnings, nw, NULL, NULL, NULL, NULL, previous, true, words};
    cf_status st = cf_assess(&in, out, err);
    cf_free(warnings);
    return st;
}

cf_status cf_assess_review(const cf_review *review, const cf_year *previous, cf_assessment **out, cf_error *err)
{
    const cf_template *tpl = cf_review_template(review);
    size_t nw = cf_review_warning_count(review), nrules = cf_template_rule_count(tpl);
    cf_warning *warnings = cf_calloc(nw + 1, sizeof *warnings);
    size_t ncells = cf_review_cell_count(review);
    const char **waivers = cf_calloc(nrules + 1, sizeof *waivers);
    const char **notes = cf_calloc(ncells + 1, sizeof *notes);
    bool *confirmed = cf_calloc(ncells + 1, sizeof *confirmed);
    bool *corrected = cf_calloc(ncells + 1, sizeof *corrected);
    cf_status st;
    *out = NULL;
    if (!warnings || !waivers || !notes || !confirmed || !corrected) {
        st = cf_error_nomem(err, cf_review_report_path(review));
    } else {
        for (size_t i = 0; i < nw; i++) {
            warnings[i].cell = -1;
            warnings[i].message = (char *)cf_review_warning(review, i, &warnings[i].line);
        }
        for (size_t i = 0; i < nrules; i++)
            waivers[i] = cf_review_waiver(review, i);
        for (size_t i = 0; i < ncells; i++) {
            cf_cell_view v = cf_review_cell(review, i);
            confirmed[i] = v.state == CF_STATE_CONFIRMED;
            corrected[i] = v.state == CF_STATE_CORRECTED;
            notes[i] = v.note;
        }
        cf_assess_input in = {tpl,      cf_review_current_cells(review), cf_review_report_path(review),
                              cf_review_text(review), warnings, nw, waivers, confirmed, corrected, notes, previous,
                              false, NULL};
        st = cf_assess(&in, out, err);
    }
    cf_free(warnings);
    cf_free(waivers);
    cf_free(notes);
    cf_free(confirmed);
    cf_free(corrected);
    return st;
}

void cf_assessment_free(cf_assessment *a)
{
    if (!a)
        return;
    for (size_t i = 0; i < a->rule_count; i++)
        cf_free(a->rules[i].explanation);
    cf_free(a->rules);
    cf_free(a->missing);
    cf_free(a->suspects);
    cf_free(a->suspect_cell);
    cf_free(a->broken_cell);
    cf_free(a->notices);
    cf_narrative_findings_free(a->prose, a->prose_count);
    for (size_t i = 0; i < a->cross_count; i++)
        cf_free(a->cross[i].explanation);
    cf_free(a->cross);
    if (a->fix_made)
        cf_suggestion_release(&a->fix);
    for (size_t i = 0; i < a->reason_count; i++)
        cf_free(a->reasons[i]);
    cf_free(a->open);
    cf_free(a);
}

const cf_assessed_rule *cf_assess_rule(const cf_assessment *a, size_t i) { return &a->rules[i]; }
size_t cf_assess_missing_count(const cf_assessment *a) { return a->missing_count; }
size_t cf_assess_missing(const cf_assessment *a, size_t i) { return a->missing[i]; }
size_t cf_assess_suspect_count(const cf_assessment *a) { return a->suspect_count; }
const cf_suspect *cf_assess_suspect(const cf_assessment *a, size_t i) { return &a->suspects[i]; }
bool cf_assess_cell_suspect(const cf_assessment *a, size_t cell) { return a->suspect_cell[cell]; }
bool cf_assess_cell_broken(const cf_assessment *a, size_t cell) { return a->broken_cell[cell]; }

size_t cf_assess_rules_of(const cf_assessment *a, size_t cell, size_t *out, size_t max)
{
    size_t n = 0;
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < a->rule_count && n < max; i++) {
            bool broken = a->rules[i].result.status == CF_RULE_FAIL;
            if (broken == (pass == 0) && cf_rule_has_cell(cf_template_rule(a->tpl, i), cell))
                out[n++] = i;
        }
    return n;
}
size_t cf_assess_notice_count(const cf_assessment *a) { return a->notice_count; }
const cf_notice *cf_assess_notice(const cf_assessment *a, size_t i) { return &a->notices[i]; }

const cf_narrative_finding *cf_assess_prose(const cf_assessment *a, size_t *n)
{
    *n = a->prose_count;
    return a->prose;
}

size_t cf_assess_cross_rule_count(const cf_assessment *a) { return a->cross_count; }
const cf_assessed_rule *cf_assess_cross_rule(const cf_assessment *a, size_t i) { return &a->cross[i]; }

const cf_year *cf_assess_previous(const cf_assessment *a) { return a->previous; }
const cf_suggestion *cf_assess_fix(const cf_assessment *a) { return &a->fix; }
cf_assess_counts cf_assess_counts_of(const cf_assessment *a) { return a->counts; }
size_t cf_assess_reason_count(const cf_assessment *a) { return a->reason_count; }
const char *cf_assess_reason(const cf_assessment *a, size_t i) { return a->reasons[i]; }
size_t cf_assess_open_count(const cf_assessment *a) { return a->open_count; }
const cf_open_item *cf_assess_open(const cf_assessment *a, size_t i) { return &a->open[i]; }
