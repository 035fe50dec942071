/* SPDX-License-Identifier: GPL-3.0-or-later */
/* report_json.c — building the check record with cJSON. Decimals are written as
 * raw JSON numbers from their exact text, never through a double. */
#include "report_json.h"

#include <stdio.h>

#include "alloc.h"
#include "narrative.h"
#include "suggest.h"

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

static cJSON *rule_json(const cf_template *tpl, size_t i, const cf_cell *cells, const cf_rule_result *res)
{
    const cf_rule_def *def = cf_template_rule(tpl, i);
    cJSON *o = cJSON_CreateObject();
    if (!o)
        return NULL;
    cJSON *ids = cJSON_AddArrayToObject(o, "cells");
    char *msg = cf_rule_explain(tpl, i, cells, res);
    bool ok = cJSON_AddStringToObject(o, "rule", def->id) && cJSON_AddStringToObject(o, "family", def->family) &&
              ids && add_cell_ids(ids, tpl, def->left, def->left_count) &&
              add_cell_ids(ids, tpl, def->right, def->right_count) && msg &&
              cJSON_AddStringToObject(o, "message", msg) && cJSON_AddStringToObject(o, "words", def->words);
    cf_free(msg);
    if (ok && res->status == CF_RULE_FAIL) {
        cf_decimal diff;
        ok = cJSON_AddItemToObject(o, "left", decimal_json(res->left)) &&
             cJSON_AddItemToObject(o, "right", decimal_json(res->right)) &&
             (!cf_decimal_sub(res->left, res->right, &diff) ||
              cJSON_AddItemToObject(o, "difference", decimal_json(diff)));
    } else if (ok) {
        cJSON *missing = cJSON_AddArrayToObject(o, "missing");
        ok = missing != NULL;
        for (int side = 0; ok && side < 2; side++) {
            const size_t *idx = side ? def->right : def->left;
            size_t n = side ? def->right_count : def->left_count;
            for (size_t k = 0; ok && k < n; k++)
                if (!cf_cell_has_value(&cells[idx[k]]))
                    ok = add_cell_ids(missing, tpl, &idx[k], 1);
        }
    }
    if (!ok) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

bool cf_json_add_suggestions(cJSON *root, const cf_template *tpl, const cf_cell *cells)
{
    cf_suggestion sug;
    if (cf_suggest(tpl, cells, NULL, &sug, NULL) != CF_OK)
        return false;
    cJSON *o = cJSON_AddObjectToObject(root, "suggestions");
    cJSON *fixes = o ? cJSON_AddArrayToObject(o, "fixes") : NULL;
    bool ok = fixes && cJSON_AddBoolToObject(o, "found", sug.found) && cJSON_AddBoolToObject(o, "unique", sug.unique) &&
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
                 (!fc->evidence[0] || cJSON_AddStringToObject(c, "evidence", fc->evidence));
        }
    }
    cf_suggestion_release(&sug);
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

bool cf_json_add_checks(cJSON *root, const cf_template *tpl, const cf_cell *cells, const cf_rule_result *results,
                        cf_check_counts *counts)
{
    size_t ncells = cf_template_cell_count(tpl);
    cf_check_counts c = {0, 0, 0};
    cJSON *values = cJSON_AddObjectToObject(root, "cells");
    if (!values)
        return false;
    for (size_t i = 0; i < ncells; i++) {
        if (!cJSON_AddItemToObject(values, cf_template_cell(tpl, i)->id, cell_value_json(&cells[i])))
            return false;
        c.missing += !cf_cell_has_value(&cells[i]);
    }
    cJSON *violations = cJSON_AddArrayToObject(root, "violations");
    cJSON *unassessable = cJSON_AddArrayToObject(root, "unassessable");
    if (!violations || !unassessable)
        return false;
    for (size_t i = 0; i < cf_template_rule_count(tpl); i++) {
        if (results[i].status == CF_RULE_PASS)
            continue;
        cJSON *r = rule_json(tpl, i, cells, &results[i]);
        if (!r || !cJSON_AddItemToArray(results[i].status == CF_RULE_FAIL ? violations : unassessable, r)) {
            cJSON_Delete(r);
            return false;
        }
        c.violations += results[i].status == CF_RULE_FAIL;
        c.unassessable += results[i].status == CF_RULE_UNASSESSABLE;
    }
    cJSON *missing_ids = cJSON_AddArrayToObject(root, "missing");
    if (!missing_ids)
        return false;
    for (size_t i = 0; i < ncells; i++)
        if (!cf_cell_has_value(&cells[i]) && !add_cell_ids(missing_ids, tpl, &i, 1))
            return false;
    if (counts)
        *counts = c;
    return true;
}

/* Add each cross-year mismatch to warnings, and every cross-year result to "cross_year". */
static bool add_cross_year(cJSON *root, cJSON *warnings, const cf_report *report, const cf_year *previous,
                           size_t *mismatches)
{
    const cf_template *tpl = cf_report_template(report);
    cf_year now = {tpl, cf_report_cells(report), cf_text_name(cf_report_text(report))};
    cf_xy_result *res;
    size_t n;
    if (cf_cross_year_check(&now, previous, &res, &n, NULL) != CF_OK)
        return false;
    static const char *const status[] = {"match", "mismatch", "unchecked", "not_comparable"};
    cJSON *all = cJSON_AddArrayToObject(root, "cross_year");
    bool ok = all && cJSON_AddStringToObject(root, "previous", previous->name);
    for (size_t i = 0; ok && i < n; i++) {
        const cf_cross_rule_def *def = cf_template_cross_rule(tpl, res[i].rule);
        cJSON *o = cJSON_CreateObject();
        ok = o && cJSON_AddItemToArray(all, o) && cJSON_AddStringToObject(o, "rule", def->id) &&
             cJSON_AddStringToObject(o, "status", status[res[i].status]) &&
             cJSON_AddStringToObject(o, "message", res[i].message);
        if (ok && res[i].status == CF_XY_MISMATCH) {
            (*mismatches)++;
            cJSON *w = cJSON_CreateObject();
            ok = w && cJSON_AddItemToArray(warnings, w) && cJSON_AddStringToObject(w, "kind", "cross_year") &&
                 cJSON_AddStringToObject(w, "rule", def->id) && cJSON_AddStringToObject(w, "message", res[i].message) &&
                 cJSON_AddItemToObject(w, "this_year", decimal_json(res[i].left)) &&
                 cJSON_AddItemToObject(w, "last_year_side", decimal_json(res[i].right));
        }
    }
    cf_xy_results_free(res, n);
    return ok;
}

/* Prose numbers that differ from the tables, as warnings pointing at the sentence. */
static bool add_narrative(cJSON *warnings, const cf_report *report, size_t *count)
{
    const cf_template *tpl = cf_report_template(report);
    cf_narrative_finding *found;
    if (cf_narrative_check(cf_report_text(report), tpl, cf_report_cells(report), &found, count, NULL) != CF_OK)
        return false;
    bool ok = true;
    for (size_t i = 0; ok && i < *count; i++) {
        cJSON *w = cJSON_CreateObject();
        ok = w && cJSON_AddItemToArray(warnings, w) && cJSON_AddStringToObject(w, "kind", "narrative") &&
             cJSON_AddStringToObject(w, "claim", cf_template_narrative(tpl, found[i].claim)->id) &&
             cJSON_AddStringToObject(w, "message", found[i].message) && add_count(w, "line", found[i].line) &&
             add_count(w, "byte_start", found[i].byte_start) && add_count(w, "byte_end", found[i].byte_end) &&
             cJSON_AddItemToObject(w, "stated", decimal_json(found[i].stated)) &&
             cJSON_AddItemToObject(w, "table", decimal_json(found[i].table));
    }
    cf_narrative_findings_free(found, *count);
    return ok;
}

static bool build(cJSON *root, const cf_report *report, const cf_rule_result *results, const char *file,
                  const cf_year *previous)
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
    cf_check_counts counts;
    if (!cf_json_add_checks(root, tpl, cells, results, &counts) || !cf_json_add_suggestions(root, tpl, cells))
        return false;
    size_t failed = counts.violations, unchecked = counts.unassessable, missing = counts.missing;
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
    for (size_t i = 0; i < cf_report_warning_count(report); i++) {
        const cf_warning *w = cf_report_warning(report, i);
        cJSON *o = cJSON_CreateObject();
        if (!o || !cJSON_AddItemToArray(warnings, o) || !cJSON_AddStringToObject(o, "message", w->message))
            return false;
        if (w->line && !cJSON_AddNumberToObject(o, "line", (double)w->line))
            return false;
        if (w->cell >= 0 && !cJSON_AddStringToObject(o, "cell", cf_template_cell(tpl, (size_t)w->cell)->id))
            return false;
    }
    size_t cross_year_mismatches = 0, narrative = 0;
    if (previous && !add_cross_year(root, warnings, report, previous, &cross_year_mismatches))
        return false;
    if (!add_narrative(warnings, report, &narrative))
        return false;
    cJSON *summary = cJSON_AddObjectToObject(root, "summary");
    return summary && cJSON_AddNumberToObject(summary, "violations", (double)failed) &&
           cJSON_AddNumberToObject(summary, "missing", (double)missing) &&
           cJSON_AddNumberToObject(summary, "unassessable", (double)unchecked) &&
           cJSON_AddNumberToObject(summary, "warnings", (double)(cf_report_warning_count(report) + cross_year_mismatches + narrative)) &&
           cJSON_AddBoolToObject(summary, "passed", failed == 0 && missing == 0 && unchecked == 0);
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

char *cf_report_json(const cf_report *report, const cf_rule_result *results, const char *file, const cf_year *previous)
{
    cJSON *root = cJSON_CreateObject();
    if (!root)
        return NULL;
    char *out = build(root, report, results, file, previous) ? print_compact(root) : NULL;
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
