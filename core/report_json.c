/* SPDX-License-Identifier: GPL-3.0-or-later */
/* report_json.c — building the check record with cJSON. Decimals are written as
 * raw JSON numbers from their exact text, never through a double. */
#include "report_json.h"

#include <stdio.h>

#include "alloc.h"

static cJSON *decimal_json(cf_decimal d)
{
    char num[32];
    return cJSON_CreateRaw(cf_decimal_format(d, num));
}

/* A count as a raw JSON number: cJSON prints doubles with printf and checks them with
 * sscanf, which costs more than the whole extraction when every cell has a source. */
static bool add_count(cJSON *o, const char *key, size_t n)
{
    char num[24];
    snprintf(num, sizeof num, "%zu", n);
    return cJSON_AddRawToObject(o, key, num) != NULL;
}

static cJSON *cell_value_json(const cf_cell *c)
{
    return cf_cell_has_value(c) ? decimal_json(c->value) : cJSON_CreateNull();
}

static bool add_cell_ids(cJSON *array, const cf_template *tpl, const size_t *idx, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        cJSON *s = cJSON_CreateString(cf_template_cell(tpl, idx[i])->id);
        if (!s || !cJSON_AddItemToArray(array, s))
            return false;
    }
    return true;
}

static bool add_missing_terms(cJSON *o, const char *key, const cf_template *tpl, const cf_rule_def *def,
                              const cf_cell *cells)
{
    cJSON *missing = cJSON_AddArrayToObject(o, key);
    bool ok = missing != NULL;
    for (int side = 0; ok && side < 2; side++) {
        const size_t *idx = side ? def->right : def->left;
        size_t n = side ? def->right_count : def->left_count;
        for (size_t k = 0; ok && k < n; k++)
            if (!cf_cell_has_value(&cells[idx[k]]))
                ok = add_cell_ids(missing, tpl, &idx[k], 1);
    }
    return ok;
}

/* A rule that does not hold: its cells and message; when broken, both sides (the known sums,
 * and the missing terms when the break is proven despite them); otherwise what is missing. */
static cJSON *rule_json(const cf_template *tpl, size_t i, const cf_cell *cells, const cf_assessed_rule *rule)
{
    const cf_rule_def *def = cf_template_rule(tpl, i);
    const cf_rule_result *res = &rule->result;
    cJSON *o = cJSON_CreateObject();
    if (!o)
        return NULL;
    cJSON *ids = cJSON_AddArrayToObject(o, "cells");
    bool ok = cJSON_AddStringToObject(o, "rule", def->id) && cJSON_AddStringToObject(o, "family", def->family) &&
              ids && add_cell_ids(ids, tpl, def->left, def->left_count) &&
              add_cell_ids(ids, tpl, def->right, def->right_count) &&
              cJSON_AddStringToObject(o, "message", rule->explanation) &&
              cJSON_AddStringToObject(o, "words", def->words) &&
              (!rule->waiver[0] || cJSON_AddStringToObject(o, "waived", rule->waiver));
    if (ok && res->status == CF_RULE_FAIL) {
        cf_decimal diff;
        ok = cJSON_AddItemToObject(o, "left", decimal_json(res->left)) &&
             cJSON_AddItemToObject(o, "right", decimal_json(res->right));
        if (ok && res->missing > 0)
            ok = cJSON_AddTrueToObject(o, "proven_despite_missing") && add_missing_terms(o, "missing", tpl, def, cells);
        else if (ok && cf_decimal_sub(res->left, res->right, &diff))
            ok = cJSON_AddItemToObject(o, "difference", decimal_json(diff));
    } else if (ok) {
        ok = add_missing_terms(o, "missing", tpl, def, cells) &&
             (!res->forced_zero || cJSON_AddTrueToObject(o, "missing_only_zero"));
    }
    if (!ok) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

/* "suggestions": the smallest fixes that make every rule hold (cells, values, evidence), whether
 * the best is unique, and the reasoning. */
static bool add_suggestions(cJSON *root, const cf_template *tpl, const cf_cell *cells, const cf_assessment *a)
{
    const cf_suggestion sug = *cf_assess_fix(a);
    cJSON *o = cJSON_AddObjectToObject(root, "suggestions");
    cJSON *fixes = o ? cJSON_AddArrayToObject(o, "fixes") : NULL;
    bool ok = fixes && cJSON_AddBoolToObject(o, "found", sug.found) && cJSON_AddBoolToObject(o, "unique", sug.unique) &&
              add_count(o, "total", sug.total) &&
              cJSON_AddBoolToObject(o, "more", sug.more) && cJSON_AddStringToObject(o, "reasoning", sug.reasoning);
    for (size_t f = 0; ok && f < sug.count; f++) {
        cJSON *fix = cJSON_CreateObject();
        cJSON *list = fix ? cJSON_AddArrayToObject(fix, "cells") : NULL;
        ok = list && cJSON_AddItemToArray(fixes, fix) &&
             cJSON_AddNumberToObject(fix, "changes", (double)sug.fixes[f].changes);
        if (!list)
            cJSON_Delete(fix);
        for (size_t i = 0; ok && i < sug.fixes[f].count; i++) {
            const cf_fix_cell *fc = &sug.fixes[f].cells[i];
            cJSON *c = cJSON_CreateObject();
            ok = c && cJSON_AddItemToArray(list, c) &&
                 cJSON_AddStringToObject(c, "cell", cf_template_cell(tpl, fc->cell)->id) &&
                 cJSON_AddItemToObject(c, "current", cell_value_json(&cells[fc->cell])) &&
                 cJSON_AddItemToObject(c, "value", fc->determined ? decimal_json(fc->value) : cJSON_CreateNull()) &&
                 cJSON_AddBoolToObject(c, "fills_blank", fc->was_missing) &&
                 (!fc->was_inferred || cJSON_AddTrueToObject(c, "replaces_inferred")) &&
                 (!fc->evidence[0] || cJSON_AddStringToObject(c, "evidence", fc->evidence));
        }
    }
    return ok;
}

static const char *state_name(cf_cell_state s)
{
    switch (s) {
    case CF_CELL_NUMBER:
        return "number";
    case CF_CELL_NA:
        return "not_applicable";
    case CF_CELL_INVALID:
        return "invalid";
    default:
        return "missing";
    }
}

bool cf_json_add_checks(cJSON *root, const cf_template *tpl, const cf_cell *cells, const cf_assessment *a)
{
    size_t ncells = cf_template_cell_count(tpl);
    cJSON *values = cJSON_AddObjectToObject(root, "cells");
    if (!values)
        return false;
    for (size_t i = 0; i < ncells; i++)
        if (!cJSON_AddItemToObject(values, cf_template_cell(tpl, i)->id, cell_value_json(&cells[i])))
            return false;
    cJSON *violations = cJSON_AddArrayToObject(root, "violations");
    cJSON *unassessable = cJSON_AddArrayToObject(root, "unassessable");
    if (!violations || !unassessable)
        return false;
    for (size_t i = 0; i < cf_template_rule_count(tpl); i++) {
        const cf_assessed_rule *rule = cf_assess_rule(a, i);
        if (rule->outcome == CF_OUTCOME_HOLDS)
            continue;
        cJSON *r = rule_json(tpl, i, cells, rule);
        if (!r || !cJSON_AddItemToArray(rule->outcome == CF_OUTCOME_UNCHECKABLE ? unassessable : violations, r)) {
            cJSON_Delete(r);
            return false;
        }
    }
    cJSON *missing_ids = cJSON_AddArrayToObject(root, "missing");
    if (!missing_ids)
        return false;
    for (size_t i = 0; i < cf_assess_missing_count(a); i++) {
        size_t cell = cf_assess_missing(a, i);
        if (!add_cell_ids(missing_ids, tpl, &cell, 1))
            return false;
    }
    static const char *const kinds[] = {"inferred", "extraction", "prose", "cross_year"};
    cJSON *suspect = cJSON_AddArrayToObject(root, "suspect");
    if (!suspect)
        return false;
    for (size_t i = 0; i < cf_assess_suspect_count(a); i++) {
        const cf_suspect *s = cf_assess_suspect(a, i);
        cJSON *o = cJSON_CreateObject();
        if (!o || !cJSON_AddItemToArray(suspect, o) ||
            !cJSON_AddStringToObject(o, "cell", cf_template_cell(tpl, s->cell)->id) ||
            !cJSON_AddStringToObject(o, "kind", kinds[s->kind]) || !cJSON_AddStringToObject(o, "reason", s->reason) ||
            (s->line && !add_count(o, "line", s->line)))
            return false;
    }
    return add_suggestions(root, tpl, cells, a);
}

/* The verdict and its counts: "summary". */
bool cf_json_add_summary(cJSON *root, const cf_assessment *a)
{
    cf_assess_counts n = cf_assess_counts_of(a);
    cJSON *summary = cJSON_AddObjectToObject(root, "summary");
    cJSON *reasons = summary ? cJSON_CreateArray() : NULL;
    bool ok = reasons && cJSON_AddNumberToObject(summary, "violations", (double)n.broken) &&
              cJSON_AddNumberToObject(summary, "missing", (double)n.missing) &&
              cJSON_AddNumberToObject(summary, "unassessable", (double)n.uncheckable) &&
              cJSON_AddNumberToObject(summary, "warnings", (double)n.warnings) &&
              cJSON_AddBoolToObject(summary, "passed", n.passed) &&
              cJSON_AddNumberToObject(summary, "proven_despite_missing", (double)n.proven) &&
              cJSON_AddNumberToObject(summary, "suspect", (double)n.suspect);
    for (size_t i = 0; ok && i < cf_assess_reason_count(a); i++) {
        cJSON *s = cJSON_CreateString(cf_assess_reason(a, i));
        ok = s && cJSON_AddItemToArray(reasons, s);
    }
    if (ok && cJSON_AddItemToObject(summary, "reasons", reasons))
        return true;
    cJSON_Delete(reasons);
    return false;
}

/* Every cross-year result in "cross_year" (the mismatches are among the warnings). */
static bool add_cross_year(cJSON *root, const cf_template *tpl, const cf_assessment *a)
{
    size_t n;
    const cf_xy_result *res = cf_assess_cross_year(a, &n);
    static const char *const status[] = {"match", "mismatch", "unchecked", "not_comparable"};
    cJSON *all = cJSON_AddArrayToObject(root, "cross_year");
    bool ok = all && cJSON_AddStringToObject(root, "previous", cf_assess_previous(a)->name);
    for (size_t i = 0; ok && i < n; i++) {
        cJSON *o = cJSON_CreateObject();
        ok = o && cJSON_AddItemToArray(all, o) &&
             cJSON_AddStringToObject(o, "rule", cf_template_cross_rule(tpl, res[i].rule)->id) &&
             cJSON_AddStringToObject(o, "status", status[res[i].status]) &&
             cJSON_AddStringToObject(o, "message", res[i].message);
    }
    return ok;
}

/* One warning: the extraction's, a number that does not carry over, or the prose's. */
static bool add_warning(cJSON *warnings, const cf_template *tpl, const cf_assessment *a, const cf_notice *n)
{
    cJSON *w = cJSON_CreateObject();
    bool ok = w && cJSON_AddItemToArray(warnings, w);
    if (ok && n->kind == CF_NOTICE_CROSS_YEAR) {
        size_t count;
        const cf_xy_result *res = &cf_assess_cross_year(a, &count)[n->source];
        ok = cJSON_AddStringToObject(w, "kind", "cross_year") &&
             cJSON_AddStringToObject(w, "rule", cf_template_cross_rule(tpl, res->rule)->id) &&
             cJSON_AddItemToObject(w, "this_year", decimal_json(res->left)) &&
             cJSON_AddItemToObject(w, "last_year_side", decimal_json(res->right));
    } else if (ok && n->kind == CF_NOTICE_PROSE) {
        size_t count;
        const cf_narrative_finding *f = &cf_assess_prose(a, &count)[n->source];
        ok = cJSON_AddStringToObject(w, "kind", "narrative") &&
             cJSON_AddStringToObject(w, "claim", cf_template_narrative(tpl, f->claim)->id) &&
             add_count(w, "byte_start", f->byte_start) && add_count(w, "byte_end", f->byte_end) &&
             cJSON_AddItemToObject(w, "stated", decimal_json(f->stated)) &&
             cJSON_AddItemToObject(w, "table", decimal_json(f->table));
    }
    return ok && cJSON_AddStringToObject(w, "message", n->message) && (!n->line || add_count(w, "line", n->line)) &&
           (n->cell < 0 || cJSON_AddStringToObject(w, "cell", cf_template_cell(tpl, (size_t)n->cell)->id));
}

static bool build(cJSON *root, const cf_report *report, const cf_assessment *a, const char *file)
{
    const cf_template *tpl = cf_report_template(report);
    const cf_text *text = cf_report_text(report);
    const cf_cell *cells = cf_report_cells(report);
    size_t ncells = cf_template_cell_count(tpl);
    if (!cJSON_AddStringToObject(root, "file", file) || !cJSON_AddStringToObject(root, "template", cf_template_id(tpl)) ||
        !cJSON_AddStringToObject(root, "format", cf_template_name(tpl)) ||
        !cJSON_AddStringToObject(root, "encoding", cf_text_encoding(text)) ||
        !cJSON_AddStringToObject(root, "sha256", cf_text_sha256(text)))
        return false;
    if (!cf_json_add_checks(root, tpl, cells, a))
        return false;
    cJSON *sources = cJSON_AddObjectToObject(root, "sources");
    if (!sources)
        return false;
    for (size_t i = 0; i < ncells; i++) {
        const cf_cell *c = &cells[i];
        cJSON *src = cJSON_AddObjectToObject(sources, cf_template_cell(tpl, i)->id);
        if (!src || !cJSON_AddStringToObject(src, "state", state_name(c->state)))
            return false;
        if (c->line && (!add_count(src, "line", c->line) || !add_count(src, "column", c->column) ||
                        !add_count(src, "byte_start", c->byte_start) || !add_count(src, "byte_end", c->byte_end)))
            return false;
        if (c->label_line && !add_count(src, "label_line", c->label_line))
            return false;
        if (c->inferred && !cJSON_AddTrueToObject(src, "inferred"))
            return false;
        if (c->unit[0] && !cJSON_AddStringToObject(src, "unit", c->unit))
            return false;
        if (c->note && !cJSON_AddStringToObject(src, "note", c->note))
            return false;
    }
    cJSON *warnings = cJSON_AddArrayToObject(root, "warnings");
    if (!warnings)
        return false;
    for (size_t i = 0; i < cf_assess_notice_count(a); i++) {
        const cf_notice *n = cf_assess_notice(a, i);
        if (n->kind != CF_NOTICE_NOT_COMPARABLE && !add_warning(warnings, tpl, a, n))
            return false;
    }
    if (cf_assess_previous(a) && !add_cross_year(root, tpl, a))
        return false;
    return cf_json_add_summary(root, a);
}

/* cJSON allocates with malloc; hand the caller memory that cf_free releases. */
static char *print_compact(cJSON *root)
{
    char *printed = cJSON_PrintUnformatted(root);
    if (!printed)
        return NULL;
    char *copy = cf_strdup(printed);
    cJSON_free(printed);
    return copy;
}

char *cf_report_json(const cf_report *report, const cf_assessment *a, const char *file)
{
    cJSON *root = cJSON_CreateObject();
    if (!root)
        return NULL;
    char *out = build(root, report, a, file) ? print_compact(root) : NULL;
    cJSON_Delete(root);
    return out;
}

char *cf_error_json(const char *file, const cf_error *err)
{
    cJSON *root = cJSON_CreateObject();
    if (!root)
        return NULL;
    char msg[1200];
    cf_error_format(err, msg, sizeof msg);
    char *out = NULL;
    if (cJSON_AddStringToObject(root, "file", file) && cJSON_AddStringToObject(root, "error", msg) &&
        (err->line <= 0 || cJSON_AddNumberToObject(root, "line", (double)err->line)))
        out = print_compact(root);
    cJSON_Delete(root);
    return out;
}
