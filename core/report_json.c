/* SPDX-License-Identifier: GPL-3.0-or-later */
/* report_json.c — the check record, written as a stream (cf_jsonw): no tree and no allocation
 * per value. Decimals are written from their exact text, never through a double. */
#include "report_json.h"


#include "alloc.h"
#include "docmap.h"

static void cell_value(cf_jsonw *w, const char *key, const cf_cell *c)
{
    if (cf_cell_has_value(c))
        cf_jsonw_decimal(w, key, c->value);
    else
        cf_jsonw_null(w, key);
}

static void cell_ids(cf_jsonw *w, const cf_template *tpl, const size_t *idx, size_t n)
{
    for (size_t i = 0; i < n; i++)
        cf_jsonw_string(w, NULL, cf_template_cell(tpl, idx[i])->id);
}

static void missing_terms(cf_jsonw *w, const cf_template *tpl, const cf_rule_def *def, const cf_cell *cells)
{
    cf_jsonw_array(w, "missing");
    for (int side = 0; side < 2; side++) {
        const size_t *idx = side ? def->right : def->left;
        size_t n = side ? def->right_count : def->left_count;
        for (size_t k = 0; k < n; k++)
            if (!cf_cell_has_value(&cells[idx[k]]))
                cell_ids(w, tpl, &idx[k], 1);
    }
    cf_jsonw_end(w);
}

/* A rule that does not hold: its cells and message; when broken, both sides (the known sums,
 * and the missing terms when the break is proven despite them); otherwise what is missing. */
static void rule_json(cf_jsonw *w, const cf_template *tpl, size_t i, const cf_cell *cells, const cf_assessed_rule *rule)
{
    const cf_rule_def *def = cf_template_rule(tpl, i);
    const cf_rule_result *res = &rule->result;
    cf_jsonw_object(w, NULL);
    cf_jsonw_array(w, "cells");
    cell_ids(w, tpl, def->left, def->left_count);
    cell_ids(w, tpl, def->right, def->right_count);
    cf_jsonw_end(w);
    cf_jsonw_string(w, "rule", def->id);
    cf_jsonw_string(w, "family", def->family);
    cf_jsonw_string(w, "message", rule->explanation);
    cf_jsonw_string(w, "words", def->words);
    if (rule->waiver[0])
        cf_jsonw_string(w, "waived", rule->waiver);
    if (res->status == CF_RULE_FAIL) {
        cf_decimal diff;
        cf_jsonw_decimal(w, "left", res->left);
        cf_jsonw_decimal(w, "right", res->right);
        if (res->missing > 0) {
            cf_jsonw_bool(w, "proven_despite_missing", true);
            missing_terms(w, tpl, def, cells);
        } else if (cf_decimal_sub(res->left, res->right, &diff)) {
            cf_jsonw_decimal(w, "difference", diff);
        }
    } else {
        missing_terms(w, tpl, def, cells);
        if (res->forced_zero)
            cf_jsonw_bool(w, "missing_only_zero", true);
    }
    cf_jsonw_end(w);
}

/* "suggestions": the smallest fixes that make every rule hold (cells, values, evidence), whether
 * the best is unique, how many there are, and the reasoning. */
static void suggestions(cf_jsonw *w, const cf_template *tpl, const cf_cell *cells, const cf_assessment *a)
{
    const cf_suggestion *sug = cf_assess_fix(a);
    cf_jsonw_object(w, "suggestions");
    cf_jsonw_array(w, "fixes");
    for (size_t f = 0; f < sug->count; f++) {
        cf_jsonw_object(w, NULL);
        cf_jsonw_array(w, "cells");
        for (size_t i = 0; i < sug->fixes[f].count; i++) {
            const cf_fix_cell *fc = &sug->fixes[f].cells[i];
            cf_jsonw_object(w, NULL);
            cf_jsonw_string(w, "cell", cf_template_cell(tpl, fc->cell)->id);
            cell_value(w, "current", &cells[fc->cell]);
            if (fc->determined)
                cf_jsonw_decimal(w, "value", fc->value);
            else
                cf_jsonw_null(w, "value");
            cf_jsonw_bool(w, "fills_blank", fc->was_missing);
            if (fc->was_inferred)
                cf_jsonw_bool(w, "replaces_inferred", true);
            if (fc->evidence[0])
                cf_jsonw_string(w, "evidence", fc->evidence);
            cf_jsonw_end(w);
        }
        cf_jsonw_end(w);
        cf_jsonw_count(w, "changes", sug->fixes[f].changes);
        cf_jsonw_end(w);
    }
    cf_jsonw_end(w);
    cf_jsonw_bool(w, "found", sug->found);
    cf_jsonw_bool(w, "unique", sug->unique);
    cf_jsonw_count(w, "total", sug->total);
    cf_jsonw_bool(w, "more", sug->more);
    cf_jsonw_string(w, "reasoning", sug->reasoning ? sug->reasoning : "");
    cf_jsonw_end(w);
}

void cf_json_write_checks(cf_jsonw *w, const cf_template *tpl, const cf_cell *cells, const cf_assessment *a)
{
    size_t ncells = cf_template_cell_count(tpl);
    cf_jsonw_object(w, "cells");
    for (size_t i = 0; i < ncells; i++)
        cell_value(w, cf_template_cell(tpl, i)->id, &cells[i]);
    cf_jsonw_end(w);
    for (int pass = 0; pass < 2; pass++) { /* the broken and waived rules, then those not checked */
        cf_jsonw_array(w, pass ? "unassessable" : "violations");
        for (size_t i = 0; i < cf_template_rule_count(tpl); i++) {
            const cf_assessed_rule *rule = cf_assess_rule(a, i);
            if (rule->outcome != CF_OUTCOME_HOLDS && (rule->outcome == CF_OUTCOME_UNCHECKABLE) == (pass == 1))
                rule_json(w, tpl, i, cells, rule);
        }
        cf_jsonw_end(w);
    }
    cf_jsonw_array(w, "missing");
    for (size_t i = 0; i < cf_assess_missing_count(a); i++)
        cf_jsonw_string(w, NULL, cf_template_cell(tpl, cf_assess_missing(a, i))->id);
    cf_jsonw_end(w);
    static const char *const kinds[] = {"inferred", "extraction", "prose", "cross_year"};
    cf_jsonw_array(w, "suspect");
    for (size_t i = 0; i < cf_assess_suspect_count(a); i++) {
        const cf_suspect *s = cf_assess_suspect(a, i);
        cf_jsonw_object(w, NULL);
        cf_jsonw_string(w, "cell", cf_template_cell(tpl, s->cell)->id);
        cf_jsonw_string(w, "kind", kinds[s->kind]);
        cf_jsonw_string(w, "reason", s->reason);
        if (s->line)
            cf_jsonw_count(w, "line", s->line);
        cf_jsonw_end(w);
    }
    cf_jsonw_end(w);
    suggestions(w, tpl, cells, a);
}

void cf_json_write_summary(cf_jsonw *w, const cf_assessment *a)
{
    cf_assess_counts n = cf_assess_counts_of(a);
    cf_jsonw_object(w, "summary");
    cf_jsonw_count(w, "violations", n.broken);
    cf_jsonw_count(w, "missing", n.missing);
    cf_jsonw_count(w, "unassessable", n.uncheckable);
    cf_jsonw_count(w, "warnings", n.warnings);
    cf_jsonw_bool(w, "passed", n.passed);
    cf_jsonw_count(w, "proven_despite_missing", n.proven);
    cf_jsonw_count(w, "suspect", n.suspect);
    cf_jsonw_array(w, "reasons");
    for (size_t i = 0; i < cf_assess_reason_count(a); i++)
        cf_jsonw_string(w, NULL, cf_assess_reason(a, i));
    cf_jsonw_end(w);
    cf_jsonw_end(w);
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

/* Every cross-year rule's outcome in "cross_year" (the mismatches are among the warnings). */
static void cross_year(cf_jsonw *w, const cf_template *tpl, const cf_assessment *a)
{
    cf_jsonw_array(w, "cross_year");
    for (size_t i = 0; i < cf_assess_cross_rule_count(a); i++) {
        const cf_assessed_rule *r = cf_assess_cross_rule(a, i);
        cf_rule_outcome o = r->outcome;
        cf_jsonw_object(w, NULL);
        cf_jsonw_string(w, "rule", cf_template_cross_rule(tpl, i)->id);
        cf_jsonw_string(w, "status", o == CF_OUTCOME_HOLDS                                        ? "match"
                                     : o == CF_OUTCOME_BROKEN || o == CF_OUTCOME_BROKEN_MISSING ? "mismatch"
                                     : o == CF_OUTCOME_NOT_COMPARABLE                           ? "not_comparable"
                                                                                                : "unchecked");
        cf_jsonw_string(w, "message", r->explanation);
        cf_jsonw_end(w);
    }
    cf_jsonw_end(w);
    cf_jsonw_string(w, "previous", cf_assess_previous(a)->name);
}

/* One warning: the extraction's, a number that does not carry over, or the prose's. */
static void warning(cf_jsonw *w, const cf_template *tpl, const cf_assessment *a, const cf_notice *n)
{
    size_t count;
    cf_jsonw_object(w, NULL);
    if (n->kind == CF_NOTICE_CROSS_YEAR) {
        const cf_assessed_rule *r = cf_assess_cross_rule(a, n->source);
        cf_jsonw_string(w, "kind", "cross_year");
        cf_jsonw_string(w, "rule", cf_template_cross_rule(tpl, n->source)->id);
        /* the sides' known sums: with a missing count, the break is proven by them */
        cf_jsonw_decimal(w, "this_year", r->result.left);
        cf_jsonw_decimal(w, "last_year_side", r->result.right);
    } else if (n->kind == CF_NOTICE_PROSE) {
        const cf_narrative_finding *f = &cf_assess_prose(a, &count)[n->source];
        cf_jsonw_string(w, "kind", "narrative");
        cf_jsonw_string(w, "claim", cf_template_narrative(tpl, f->claim)->id);
        cf_jsonw_count(w, "byte_start", f->byte_start);
        cf_jsonw_count(w, "byte_end", f->byte_end);
        cf_jsonw_decimal(w, "stated", f->stated);
        cf_jsonw_decimal(w, "table", f->table);
    }
    cf_jsonw_string(w, "message", n->message);
    if (n->line)
        cf_jsonw_count(w, "line", n->line);
    if (n->cell >= 0)
        cf_jsonw_string(w, "cell", cf_template_cell(tpl, (size_t)n->cell)->id);
    cf_jsonw_end(w);
}

/* Where in the document (not its text view) the cell read at view byte `byte` is. */
static void document_place(cf_jsonw *w, const cf_text *text, size_t byte)
{
    cf_docplace p;
    if (!cf_docmap_place(text, byte, &p))
        return;
    if (p.page) {
        cf_jsonw_count(w, "page", p.page);
        cf_jsonw_count(w, "x0", p.x0);
        cf_jsonw_count(w, "y0", p.y0);
        cf_jsonw_count(w, "x1", p.x1);
        cf_jsonw_count(w, "y1", p.y1);
    } else {
        cf_jsonw_count(w, "table", p.table);
        cf_jsonw_count(w, "row", p.row);
        cf_jsonw_count(w, "cell", p.cell);
    }
}

static void sources(cf_jsonw *w, const cf_template *tpl, const cf_cell *cells, const cf_text *text)
{
    cf_jsonw_object(w, "sources");
    for (size_t i = 0; i < cf_template_cell_count(tpl); i++) {
        const cf_cell *c = &cells[i];
        cf_jsonw_object(w, cf_template_cell(tpl, i)->id);
        cf_jsonw_string(w, "state", state_name(c->state));
        if (c->line) {
            cf_jsonw_count(w, "line", c->line);
            cf_jsonw_count(w, "column", c->column);
            cf_jsonw_count(w, "byte_start", c->byte_start);
            cf_jsonw_count(w, "byte_end", c->byte_end);
            document_place(w, text, c->byte_start);
        }
        if (c->label_line)
            cf_jsonw_count(w, "label_line", c->label_line);
        if (c->inferred)
            cf_jsonw_bool(w, "inferred", true);
        if (c->unit[0])
            cf_jsonw_string(w, "unit", c->unit);
        if (c->note)
            cf_jsonw_string(w, "note", c->note);
        cf_jsonw_end(w);
    }
    cf_jsonw_end(w);
}

void cf_json_write_warnings(cf_jsonw *w, const cf_template *tpl, const cf_assessment *a)
{
    cf_jsonw_array(w, "warnings");
    for (size_t i = 0; i < cf_assess_notice_count(a); i++)
        if (cf_assess_notice(a, i)->kind != CF_NOTICE_NOT_COMPARABLE)
            warning(w, tpl, a, cf_assess_notice(a, i));
    cf_jsonw_end(w);
    if (cf_assess_previous(a))
        cross_year(w, tpl, a);
}

bool cf_report_json(const cf_report *report, const cf_assessment *a, const char *file, cf_buf *out)
{
    const cf_template *tpl = cf_report_template(report);
    const cf_text *text = cf_report_text(report);
    cf_jsonw w;
    cf_jsonw_init(&w, out, false);
    cf_jsonw_object(&w, NULL);
    cf_jsonw_string(&w, "file", file);
    cf_jsonw_string(&w, "template", cf_template_id(tpl));
    cf_jsonw_string(&w, "format", cf_template_name(tpl));
    cf_jsonw_string(&w, "encoding", cf_text_encoding(text));
    cf_jsonw_string(&w, "sha256", cf_text_sha256(text));
    cf_json_write_checks(&w, tpl, cf_report_cells(report), a);
    sources(&w, tpl, cf_report_cells(report), text);
    cf_json_write_warnings(&w, tpl, a);
    cf_json_write_summary(&w, a);
    cf_jsonw_end(&w);
    return cf_jsonw_ok(&w);
}
