/* SPDX-License-Identifier: GPL-3.0-or-later */
/* export.c — JSON, CSV, Markdown and XLSX exports of a review. */
#include "export.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "alloc.h"
#include "buf.h"
#include "assess.h"
#include "heading.h"
#include "i18n.h"
#include "report_json.h"

bool cf_export_format_parse(const char *name, cf_export_format *out)
{
    static const struct {
        const char *name;
        cf_export_format format;
    } names[] = {{"json", CF_EXPORT_JSON}, {"csv", CF_EXPORT_CSV}, {"md", CF_EXPORT_MD},
                 {"markdown", CF_EXPORT_MD}, {"xlsx", CF_EXPORT_XLSX}};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (strcmp(name, names[i].name) == 0) {
            *out = names[i].format;
            return true;
        }
    return false;
}

/* The cell's current value as people write it: the number, "/" or "" (missing). */
static const char *value_text(const cf_cell_view *v, char buf[32])
{
    if (v->value_state == CF_CELL_NUMBER)
        return cf_decimal_format(v->value, buf);
    return v->value_state == CF_CELL_NA ? "/" : "";
}

static const char *extracted_text(const cf_cell *c, char buf[32])
{
    if (c->state == CF_CELL_NUMBER)
        return cf_decimal_format(c->value, buf);
    return c->state == CF_CELL_NA ? "/" : "";
}


/* ---------- the title block ---------- */

/* fmt with text in it, its line breaks made spaces: each finding is one line. */
static bool printf_flat(cf_buf *b, const char *fmt, const char *text)
{
    size_t from = b->len;
    if (!cf_buf_printf(b, fmt, text))
        return false;
    for (size_t i = from; i < b->len; i++)
        if (b->data[i] == '\n' || b->data[i] == '\r')
            b->data[i] = ' ';
    return true;
}

/* What every export opens with: which report (issuer and year as its title says, the format,
 * the document, its kind and SHA-256), who reviewed it, when it was first and last changed,
 * and its sign-off (in force, withdrawn by a later change, or none). */
typedef struct {
    cf_heading heading;
    const char **reviewers;                 /* who changed or approved it (else who exports it), in order */
    size_t reviewer_count;
    const char *first_change, *last_change; /* "" when nothing was changed */
    const cf_approval *approval;            /* the one in force, else the last withdrawn one, else NULL */
} title_block;

typedef struct {
    const char *label; /* translated */
    char *value;
} title_row;
#define TITLE_ROWS 10

/* Add who to t's reviewers (room for them all) unless already there. */
static void add_reviewer(title_block *t, const char *who)
{
    for (size_t i = 0; i < t->reviewer_count; i++)
        if (strcmp(t->reviewers[i], who) == 0)
            return;
    if (who[0])
        t->reviewers[t->reviewer_count++] = who;
}

/* Fill t from r (borrowing its strings); false when memory runs out. Release with title_release. */
static bool title_read(const cf_review *r, title_block *t)
{
    memset(t, 0, sizeof *t);
    cf_heading_read(cf_review_text(r), &t->heading);
    t->first_change = t->last_change = "";
    size_t history = cf_review_history_count(r), approvals = cf_review_approval_count(r);
    t->reviewers = cf_calloc(history + approvals + 1, sizeof *t->reviewers);
    if (!t->reviewers)
        return false;
    for (size_t i = 0; i < history; i++) {
        const cf_history_entry *h = cf_review_history(r, i);
        if (!t->first_change[0])
            t->first_change = h->at;
        t->last_change = h->at;
        add_reviewer(t, h->who);
    }
    for (size_t i = 0; i < approvals; i++)
        add_reviewer(t, cf_review_approval(r, i)->who);
    t->approval = approvals ? cf_review_approval(r, approvals - 1) : NULL;
    if (t->reviewer_count == 0)
        add_reviewer(t, cf_review_reviewer(r));
    return true;
}

static void title_release(title_block *t) { cf_free(t->reviewers); }

/* The block as labelled rows for people (CSV, Markdown, XLSX); rows[i].value are the caller's
 * to free (title_rows_release). Returns how many, 0 when memory runs out. */
static size_t title_rows(const cf_review *r, const title_block *t, title_row rows[TITLE_ROWS])
{
    const cf_template *tpl = cf_review_template(r);
    const cf_text *text = cf_review_text(r);
    const cf_approval *a = t->approval;
    cf_buf v[TITLE_ROWS];
    for (size_t i = 0; i < TITLE_ROWS; i++)
        cf_buf_init(&v[i]);
    bool ok = cf_buf_puts(&v[0], t->heading.issuer[0] ? t->heading.issuer : _("not named in the report")) &&
              cf_buf_puts(&v[1], t->heading.year[0] ? t->heading.year : _("not stated in the report")) &&
              cf_buf_puts(&v[2], cf_template_name(tpl)) &&
              cf_buf_puts(&v[3], cf_review_report_path(r)) &&
              cf_buf_printf(&v[4], "%s (%s)", cf_text_kind(text), cf_text_encoding(text)) &&
              cf_buf_puts(&v[5], cf_text_sha256(text)) &&
              cf_buf_puts(&v[7], t->first_change[0] ? t->first_change : _("none")) &&
              cf_buf_puts(&v[8], t->last_change[0] ? t->last_change : _("none"));
    for (size_t i = 0; ok && i < t->reviewer_count; i++)
        ok = cf_buf_printf(&v[6], "%s%s", i ? ", " : "", t->reviewers[i]);
    if (ok && !a)
        ok = cf_buf_puts(&v[9], _("not approved"));
    else if (ok)
        ok = cf_buf_printf(&v[9], a->withdrawn ? _("withdrawn — approved by %s at %s") : _("approved by %s at %s"), a->who,
                           a->at) &&
             (!a->note[0] || printf_flat(&v[9], _(" (note: %s)"), a->note)) &&
             (!a->withdrawn || cf_buf_printf(&v[9], _("; withdrawn at %s by %s: a change (%s) after it"), a->withdrawn_at,
                                             a->withdrawn_by, a->withdrawn_because));
    static const char *const labels[TITLE_ROWS] = {
        N_("Issuer"),    N_("Year"),         N_("Format"),      N_("Document"), N_("Document kind"), N_("Document SHA-256"),
        N_("Reviewers"), N_("First change"), N_("Last change"), N_("Approval")};
    for (size_t i = 0; i < TITLE_ROWS; i++) {
        rows[i] = (title_row){_(labels[i]), !ok ? NULL : v[i].data ? cf_buf_take(&v[i]) : cf_strdup("")};
        ok = ok && rows[i].value;
        cf_buf_release(&v[i]);
    }
    if (!ok)
        for (size_t i = 0; i < TITLE_ROWS; i++)
            cf_free(rows[i].value);
    return ok ? TITLE_ROWS : 0;
}

static void title_rows_release(title_row *rows, size_t n)
{
    for (size_t i = 0; i < n; i++)
        cf_free(rows[i].value);
}

/* The block as a JSON object "title": null where the report does not say. */
static void json_title(cf_jsonw *w, const cf_review *r, const title_block *t)
{
    const cf_text *text = cf_review_text(r);
    const char *path = cf_review_report_path(r), *slash = strrchr(path, '/');
    cf_jsonw_object(w, "title");
    if (t->heading.issuer[0])
        cf_jsonw_string(w, "issuer", t->heading.issuer);
    else
        cf_jsonw_null(w, "issuer");
    if (t->heading.year[0])
        cf_jsonw_string(w, "year", t->heading.year);
    else
        cf_jsonw_null(w, "year");
    cf_jsonw_string(w, "template", cf_template_id(cf_review_template(r)));
    cf_jsonw_string(w, "format", cf_template_name(cf_review_template(r)));
    cf_jsonw_object(w, "document");
    cf_jsonw_string(w, "path", path);
    cf_jsonw_string(w, "name", slash ? slash + 1 : path);
    cf_jsonw_string(w, "kind", cf_text_kind(text));
    cf_jsonw_string(w, "encoding", cf_text_encoding(text));
    cf_jsonw_string(w, "sha256", cf_text_sha256(text));
    cf_jsonw_end(w);
    cf_jsonw_array(w, "reviewers");
    for (size_t i = 0; i < t->reviewer_count; i++)
        cf_jsonw_string(w, NULL, t->reviewers[i]);
    cf_jsonw_end(w);
    if (t->first_change[0]) {
        cf_jsonw_string(w, "first_change", t->first_change);
        cf_jsonw_string(w, "last_change", t->last_change);
    } else {
        cf_jsonw_null(w, "first_change");
        cf_jsonw_null(w, "last_change");
    }
    cf_jsonw_object(w, "approval");
    const cf_approval *a = t->approval;
    cf_jsonw_string(w, "state", !a ? "none" : a->withdrawn ? "withdrawn" : "approved");
    if (a) {
        cf_jsonw_string(w, "by", a->who);
        cf_jsonw_string(w, "at", a->at);
        cf_jsonw_string(w, "note", a->note);
        cf_jsonw_string(w, "document_sha256", a->document_sha256);
        cf_jsonw_string(w, "cells_sha256", a->cells_sha256);
        if (a->withdrawn) {
            cf_jsonw_string(w, "withdrawn_at", a->withdrawn_at);
            cf_jsonw_string(w, "withdrawn_by", a->withdrawn_by);
            cf_jsonw_string(w, "withdrawn_because", a->withdrawn_because);
        }
    }
    cf_jsonw_end(w);
    cf_jsonw_end(w);
}

/* ---------- JSON ---------- */

static cf_status render_json(const cf_review *r, const cf_year *previous, char **out, size_t *len, cf_error *err)
{
    const cf_template *tpl = cf_review_template(r);
    cf_assessment *a;
    cf_status st = cf_assess_review(r, previous, &a, err);
    if (st != CF_OK)
        return st;
    title_block t;
    if (!title_read(r, &t)) {
        cf_assessment_free(a);
        return cf_error_nomem(err, cf_review_path(r));
    }
    cf_review_summary s = cf_review_summarize(r);
    cf_assess_counts n = cf_assess_counts_of(a);
    cf_buf b;
    cf_buf_init(&b);
    cf_jsonw w;
    cf_jsonw_init(&w, &b, true);
    cf_jsonw_object(&w, NULL);
    cf_jsonw_string(&w, "file", cf_review_report_path(r));
    cf_jsonw_string(&w, "review", cf_review_path(r));
    cf_jsonw_string(&w, "template", cf_template_id(tpl));
    cf_jsonw_string(&w, "format", cf_template_name(tpl));
    cf_jsonw_string(&w, "sha256", cf_text_sha256(cf_review_text(r)));
    cf_jsonw_string(&w, "reviewer", cf_review_reviewer(r));
    json_title(&w, r, &t);
    title_release(&t);
    cf_json_write_checks(&w, tpl, cf_review_current_cells(r), a);
    cf_json_write_warnings(&w, tpl, a); /* the findings' warnings, as the Markdown and the workbook list them */
    cf_jsonw_object(&w, "review");
    for (size_t i = 0; i < cf_review_cell_count(r); i++) {
        cf_cell_view v = cf_review_cell(r, i);
        const cf_cell *x = cf_review_extracted(r, i);
        cf_jsonw_object(&w, cf_template_cell(tpl, i)->id);
        cf_jsonw_string(&w, "state", cf_review_state_name(v.state));
        if (v.correction) { /* read (识别更正), figure (数据更正) or unrecorded (an older review's) */
            cf_jsonw_string(&w, "correction", cf_correction_name(v.correction));
            cf_jsonw_string(&w, "correction_label", cf_correction_label(v.correction));
        }
        if (x->state == CF_CELL_NUMBER)
            cf_jsonw_decimal(&w, "extracted", x->value);
        else
            cf_jsonw_null(&w, "extracted");
        cf_jsonw_string(&w, "note", v.note);
        if (x->line)
            cf_jsonw_count(&w, "line", x->line);
        cf_jsonw_end(&w);
    }
    cf_jsonw_end(&w);
    cf_jsonw_object(&w, "waived"); /* rule id → why it is accepted */
    for (size_t i = 0; i < cf_template_rule_count(tpl); i++)
        if (cf_review_waiver(r, i)[0])
            cf_jsonw_string(&w, cf_template_rule(tpl, i)->id, cf_review_waiver(r, i));
    cf_jsonw_end(&w);
    /* the findings as the assessment counts them; what the reviewer did as the review does */
    cf_jsonw_object(&w, "summary");
    cf_jsonw_count(&w, "violations", n.broken);
    cf_jsonw_count(&w, "waived", n.waived);
    cf_jsonw_count(&w, "unassessable", n.uncheckable);
    cf_jsonw_count(&w, "missing", n.missing);
    cf_jsonw_count(&w, "warnings", n.warnings);
    cf_jsonw_count(&w, "corrected", s.corrected);
    cf_jsonw_count(&w, "read_corrections", s.read_corrections);
    cf_jsonw_count(&w, "figure_corrections", s.figure_corrections);
    cf_jsonw_count(&w, "unrecorded_corrections", s.unrecorded_corrections);
    cf_jsonw_count(&w, "confirmed", s.confirmed);
    cf_jsonw_count(&w, "notes", s.notes);
    cf_jsonw_bool(&w, "passed", n.passed);
    cf_jsonw_end(&w);
    cf_jsonw_end(&w);
    cf_assessment_free(a);
    if (!cf_jsonw_ok(&w) || !cf_buf_puts(&b, "\n")) {
        cf_buf_release(&b);
        return cf_error_nomem(err, cf_review_path(r));
    }
    *len = b.len;
    *out = cf_buf_take(&b);
    return CF_OK;
}

/* ---------- CSV ---------- */

static bool csv_field(cf_buf *b, const char *s, bool last)
{
    bool quote = strpbrk(s, ",\"\r\n") != NULL;
    bool ok = !quote || cf_buf_puts(b, "\"");
    for (const char *p = s; ok && *p; p++)
        ok = *p == '"' ? cf_buf_puts(b, "\"\"") : cf_buf_append(b, p, 1);
    return ok && (!quote || cf_buf_puts(b, "\"")) && cf_buf_puts(b, last ? "\r\n" : ",");
}

/* The title block as label,value rows and an empty row: the block travels with the numbers (a
 * CSV is mailed and printed alone, where a second file would be lost), the way a printed form
 * heads its table, and the empty row keeps it out of the table's range when Excel or WPS
 * select, filter or pivot from inside the table. A program skips to the first empty line. */
static bool csv_title(cf_buf *b, const cf_review *r)
{
    title_block t;
    title_row rows[TITLE_ROWS];
    size_t n = title_read(r, &t) ? title_rows(r, &t, rows) : 0;
    bool ok = n > 0;
    for (size_t i = 0; ok && i < n; i++)
        ok = csv_field(b, rows[i].label, false) && csv_field(b, rows[i].value, true);
    title_rows_release(rows, n);
    title_release(&t);
    return ok && cf_buf_puts(b, "\r\n");
}

static cf_status render_csv(const cf_review *r, char **out, size_t *len, cf_error *err)
{
    const cf_template *tpl = cf_review_template(r);
    cf_buf b;
    cf_buf_init(&b);
    /* the BOM tells Excel and WPS the file is UTF-8 */
    bool ok = cf_buf_puts(&b, "\xEF\xBB\xBF") && csv_title(&b, r) &&
              cf_buf_puts(&b, "id,table,row,column,value,extracted,state,correction,note\r\n");
    for (size_t i = 0; ok && i < cf_review_cell_count(r); i++) {
        const cf_cell_def *def = cf_template_cell(tpl, i);
        const cf_table_def *t = cf_template_table(tpl, def->table);
        cf_cell_view v = cf_review_cell(r, i);
        char a[32], x[32];
        ok = csv_field(&b, def->id, false) && csv_field(&b, t->title, false) &&
             csv_field(&b, t->rows[def->row].label, false) && csv_field(&b, t->columns[def->column].label, false) &&
             csv_field(&b, value_text(&v, a), false) && csv_field(&b, extracted_text(cf_review_extracted(r, i), x), false) &&
             csv_field(&b, cf_review_state_name(v.state), false) &&
             csv_field(&b, cf_correction_label(v.correction), false) && csv_field(&b, v.note, true);
    }
    if (!ok) {
        cf_buf_release(&b);
        return cf_error_nomem(err, cf_review_path(r));
    }
    *len = b.len;
    *out = cf_buf_take(&b);
    return CF_OK;
}

/* ---------- Markdown ---------- */

/* A Markdown cell: pipes escaped, line breaks as spaces. */
static bool md_text(cf_buf *b, const char *s)
{
    bool ok = true;
    for (const char *p = s; ok && *p; p++)
        ok = *p == '|' ? cf_buf_puts(b, "\\|") : (*p == '\n' || *p == '\r') ? cf_buf_puts(b, " ") : cf_buf_append(b, p, 1);
    return ok;
}

static bool same_columns(const cf_row_def *a, const cf_row_def *b)
{
    return a->column_count == b->column_count && memcmp(a->columns, b->columns, a->column_count * sizeof *a->columns) == 0;
}

static bool md_cell(cf_buf *b, const cf_review *r, size_t cell)
{
    char num[32];
    cf_cell_view v = cf_review_cell(r, cell);
    return cf_buf_puts(b, " ") && cf_buf_puts(b, value_text(&v, num)) && cf_buf_puts(b, " |");
}

static bool md_flat(cf_buf *b, const cf_review *r, const cf_table_def *t)
{
    bool ok = cf_buf_puts(b, "|");
    for (size_t row = 0; ok && row < t->row_count; row++)
        for (size_t c = 0; ok && c < t->rows[row].column_count; c++)
            ok = cf_buf_printf(b, " %s·%s |", t->rows[row].short_label, t->columns[t->rows[row].columns[c]].label);
    ok = ok && cf_buf_puts(b, "\n|");
    for (size_t i = 0; ok && i < t->cell_count; i++)
        ok = cf_buf_puts(b, " ---: |");
    ok = ok && cf_buf_puts(b, "\n|");
    for (size_t i = 0; ok && i < t->cell_count; i++)
        ok = md_cell(b, r, t->first_cell + i);
    return ok && cf_buf_puts(b, "\n");
}

/* Rows with the same columns share one table, as the national layout prints them. */
static bool md_grouped(cf_buf *b, const cf_review *r, const cf_table_def *t)
{
    bool ok = true;
    for (size_t row = 0; ok && row < t->row_count;) {
        const cf_row_def *head = &t->rows[row];
        ok = cf_buf_puts(b, row ? "\n| 项目 |" : "| 项目 |");
        for (size_t c = 0; ok && c < head->column_count; c++)
            ok = cf_buf_puts(b, " ") && md_text(b, t->columns[head->columns[c]].label) && cf_buf_puts(b, " |");
        ok = ok && cf_buf_puts(b, "\n| --- |");
        for (size_t c = 0; ok && c < head->column_count; c++)
            ok = cf_buf_puts(b, " ---: |");
        ok = ok && cf_buf_puts(b, "\n");
        size_t end = row;
        while (end < t->row_count && same_columns(&t->rows[end], head))
            end++;
        for (; ok && row < end; row++) {
            ok = cf_buf_puts(b, "| ") && md_text(b, t->rows[row].label) && cf_buf_puts(b, " |");
            for (size_t c = 0; ok && c < t->rows[row].column_count; c++)
                ok = md_cell(b, r, t->rows[row].first_cell + c);
            ok = ok && cf_buf_puts(b, "\n");
        }
    }
    return ok;
}

/* A cell as a reader finds it in the printed tables: "三 （七）总计 · 自然人". */
static bool cell_name(cf_buf *b, const cf_template *tpl, size_t cell)
{
    const cf_cell_def *cd = cf_template_cell(tpl, cell);
    const cf_table_def *t = cf_template_table(tpl, cd->table);
    return cf_buf_printf(b, "%s %s · %s", t->number, t->rows[cd->row].label, t->columns[cd->column].label);
}

/* The last change of a cell's value in the history (a note alone is not one), or NULL. */
static const cf_history_entry *last_change(const cf_review *r, size_t cell)
{
    for (size_t i = cf_review_history_count(r); i-- > 0;) {
        const cf_history_entry *h = cf_review_history(r, i);
        for (size_t e = 0; e < h->edit_count; e++) {
            const cf_history_edit *x = &h->edits[e];
            if (!x->rule && x->cell == cell &&
                (x->before.value_state != x->after.value_state || x->before.state != x->after.state ||
                 cf_decimal_cmp(x->before.value, x->after.value) != 0))
                return h;
        }
    }
    return NULL;
}

/* One corrected or annotated cell as a finding: its kind of correction, the old and new value,
 * who changed it, when and why, and its note. */
static bool correction_finding(cf_buf *b, const cf_review *r, size_t i, const cf_cell_view *v)
{
    char was[32], now[32];
    cf_buf name;
    cf_buf_init(&name);
    bool ok = cell_name(&name, cf_review_template(r), i) &&
              (v->state == CF_STATE_CORRECTED ? cf_buf_printf(b, "%s %s", cf_correction_label(v->correction), name.data)
                                              : cf_buf_printf(b, _("note %s"), name.data));
    cf_buf_release(&name);
    if (ok && v->state == CF_STATE_CORRECTED) {
        const cf_history_entry *h = last_change(r, i);
        ok = cf_buf_printf(b, _(": %s → %s"), *extracted_text(cf_review_extracted(r, i), was) ? was : _("(empty)"),
                           *value_text(v, now) ? now : _("(empty)"));
        if (ok && h && h->reason && h->reason[0]) {
            cf_buf who;
            cf_buf_init(&who);
            ok = cf_buf_printf(&who, _(" (%s %s, %s)"), h->who, h->at, h->reason) && printf_flat(b, "%s", who.data);
            cf_buf_release(&who);
        } else if (ok && h)
            ok = cf_buf_printf(b, _(" (%s %s)"), h->who, h->at);
    }
    return ok && (!v->note[0] || printf_flat(b, _(": %s"), v->note)) && cf_buf_puts(b, "\n");
}

/* What the reviewer found and did, one line each (for the Markdown list and the XLSX sheet),
 * from the review's assessment: each rule that does not hold (and whether it was accepted, with
 * why), each warning and cell whose place was inferred, then each corrected cell, figure
 * corrections (数据更正) and read corrections (识别更正) apart, and each annotated cell. */
static bool findings(cf_buf *b, const cf_review *r, const cf_assessment *a)
{
    const cf_template *tpl = cf_review_template(r);
    bool ok = true, any = false;
    for (size_t i = 0; ok && i < cf_template_rule_count(tpl); i++) {
        const cf_assessed_rule *rule = cf_assess_rule(a, i);
        if (rule->outcome == CF_OUTCOME_HOLDS)
            continue;
        ok = cf_buf_printf(b,
                           rule->outcome == CF_OUTCOME_WAIVED       ? _("accepted: %s")
                           : rule->outcome == CF_OUTCOME_UNCHECKABLE ? _("not checkable: %s")
                                                                     : _("broken: %s"),
                           rule->explanation) &&
             (!rule->waiver[0] || printf_flat(b, _(" (reason: %s)"), rule->waiver)) && cf_buf_puts(b, "\n");
        any = true;
    }
    for (size_t i = 0; ok && i < cf_assess_notice_count(a); i++) {
        const cf_notice *n = cf_assess_notice(a, i);
        if (n->kind == CF_NOTICE_NOT_COMPARABLE)
            continue;
        ok = (n->line ? cf_buf_printf(b, _("warning: line %zu: "), n->line) : cf_buf_puts(b, _("warning: "))) &&
             printf_flat(b, "%s", n->message) && cf_buf_puts(b, "\n");
        any = true;
    }
    for (size_t i = 0; ok && i < cf_assess_suspect_count(a); i++) {
        const cf_suspect *s = cf_assess_suspect(a, i);
        if (s->kind != CF_SUSPECT_INFERRED)
            continue; /* the others are the warnings above */
        cf_buf name;
        cf_buf_init(&name);
        ok = cell_name(&name, tpl, s->cell) && cf_buf_printf(b, _("suspect %s: "), name.data) &&
             printf_flat(b, "%s", s->reason) && cf_buf_puts(b, "\n");
        cf_buf_release(&name);
        any = true;
    }
    /* the agency's wrong figures, then crossfoot's misreadings, then older reviews' corrections of
     * no recorded kind, then the notes: each kind apart, never mixed */
    static const cf_correction order[] = {CF_CORRECTION_FIGURE, CF_CORRECTION_READ, CF_CORRECTION_UNRECORDED,
                                          CF_CORRECTION_NONE};
    for (size_t k = 0; k < sizeof order / sizeof *order; k++)
        for (size_t i = 0; ok && i < cf_review_cell_count(r); i++) {
            cf_cell_view v = cf_review_cell(r, i);
            bool corrected = v.state == CF_STATE_CORRECTED;
            if (corrected ? v.correction != order[k] : order[k] != CF_CORRECTION_NONE || !v.note[0])
                continue;
            ok = correction_finding(b, r, i, &v);
            any = true;
        }
    return ok && (any || cf_buf_puts(b, _("Every cross-sum rule holds; nothing was corrected.\n")));
}

/* The findings as a Markdown list under the tables. */
static bool md_findings(cf_buf *b, const cf_review *r, const cf_assessment *a)
{
    cf_buf lines;
    cf_buf_init(&lines);
    bool ok = findings(&lines, r, a) && cf_buf_puts(b, _("\n## Findings\n\n"));
    for (char *line = lines.data, *end; ok && line && *line; line = end + 1) {
        end = strchr(line, '\n');
        *end = '\0';
        ok = cf_buf_puts(b, "- ") && md_text(b, line) && cf_buf_puts(b, "\n");
    }
    cf_buf_release(&lines);
    return ok;
}

/* The title block as a heading and a list of labelled lines. */
static bool md_title(cf_buf *b, const cf_review *r)
{
    title_block t;
    title_row rows[TITLE_ROWS];
    size_t n = title_read(r, &t) ? title_rows(r, &t, rows) : 0;
    bool ok = n > 0 && cf_buf_printf(b, "\n# %s\n\n", _("Review of the statistical tables"));
    for (size_t i = 0; ok && i < n; i++)
        ok = cf_buf_printf(b, _("- **%s**: "), rows[i].label) && md_text(b, rows[i].value) && cf_buf_puts(b, "\n");
    title_rows_release(rows, n);
    title_release(&t);
    return ok;
}

static cf_status render_md(const cf_review *r, const cf_year *previous, char **out, size_t *len, cf_error *err)
{
    const cf_template *tpl = cf_review_template(r);
    cf_assessment *a;
    cf_status st = cf_assess_review(r, previous, &a, err);
    if (st != CF_OK)
        return st;
    cf_buf b;
    cf_buf_init(&b);
    /* the findings as the assessment counts them; what the reviewer did as the review does */
    cf_assess_counts n = cf_assess_counts_of(a);
    cf_review_summary s = cf_review_summarize(r);
    bool ok = cf_buf_printf(&b,
                            _("<!-- crossfoot: %s, %s, reviewed by %s; %zu broken rules, %zu missing cells, %zu corrected "
                              "(%zu figure, %zu read, %zu of a kind not recorded) -->\n"),
                            cf_review_report_path(r), cf_template_id(tpl), cf_review_reviewer(r), n.broken,
                            n.missing, s.corrected, s.figure_corrections, s.read_corrections, s.unrecorded_corrections) &&
              md_title(&b, r);
    for (size_t t = 0; ok && t < cf_template_table_count(tpl); t++) {
        const cf_table_def *td = cf_template_table(tpl, t);
        ok = cf_buf_printf(&b, "\n## %s、%s\n\n", td->number, td->title) &&
             (td->flat ? md_flat(&b, r, td) : md_grouped(&b, r, td));
    }
    ok = ok && md_findings(&b, r, a);
    cf_assessment_free(a);
    if (!ok) {
        cf_buf_release(&b);
        return cf_error_nomem(err, cf_review_path(r));
    }
    *len = b.len;
    *out = cf_buf_take(&b);
    return CF_OK;
}

cf_status cf_export_render(const cf_review *review, const cf_year *previous, cf_export_format format, char **out,
                           size_t *len, cf_error *err)
{
    *out = NULL;
    *len = 0;
    switch (format) {
    case CF_EXPORT_JSON:
        return render_json(review, previous, out, len, err);
    case CF_EXPORT_CSV:
        return render_csv(review, out, len, err);
    case CF_EXPORT_MD:
        return render_md(review, previous, out, len, err);
    default:
        return cf_error_set(err, CF_ERR_USAGE, cf_review_path(review), 0, 0, _("XLSX is written to a file, not rendered"));
    }
}

/* ---------- XLSX ---------- */

typedef struct {
    lxw_format *header, *label, *broken, *corrected, *read, *plain; /* corrected: a figure's or unrecorded */
} xlsx_formats;

/* One cell, coloured: red where a broken rule most likely breaks (the assessment's) or no number. */
static void xlsx_value(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const cf_review *r, size_t cell,
                       const cf_assessment *a, const xlsx_formats *f)
{
    cf_cell_view v = cf_review_cell(r, cell);
    bool corrected = v.state == CF_STATE_CORRECTED;
    lxw_format *fmt = cf_assess_cell_broken(a, cell) || !cf_cell_has_value(&cf_review_current_cells(r)[cell]) ? f->broken
                      : corrected && v.correction == CF_CORRECTION_READ                      ? f->read
                      : corrected                                                            ? f->corrected
                                                                                             : f->plain;
    char num[32];
    if (v.value_state == CF_CELL_NUMBER)
        worksheet_write_number(ws, row, col, strtod(cf_decimal_format(v.value, num), NULL), fmt);
    else if (v.value_state == CF_CELL_NA)
        worksheet_write_string(ws, row, col, "/", fmt);
    else
        worksheet_write_blank(ws, row, col, fmt);
    /* the comment says which kind of correction it is, then the note */
    cf_buf comment;
    cf_buf_init(&comment);
    if (corrected && cf_buf_puts(&comment, cf_correction_label(v.correction)) && v.note[0])
        cf_buf_printf(&comment, _(": %s"), v.note);
    else if (!corrected)
        cf_buf_puts(&comment, v.note);
    if (comment.len)
        worksheet_write_comment(ws, row, col, comment.data);
    cf_buf_release(&comment);
}

static void xlsx_sheet(lxw_workbook *wb, const cf_review *r, const cf_table_def *t, const cf_assessment *a,
                       const xlsx_formats *f)
{
    char name[64];
    snprintf(name, sizeof name, "%s %s", t->number, t->id);
    lxw_worksheet *ws = workbook_add_worksheet(wb, name);
    if (!ws)
        return;
    worksheet_set_column(ws, 0, 0, 40, NULL);
    worksheet_set_column(ws, 1, 15, 12, NULL);
    worksheet_write_string(ws, 0, 0, t->title, f->header);
    if (t->flat) {
        lxw_col_t col = 0;
        for (size_t row = 0; row < t->row_count; row++) {
            const cf_row_def *rd = &t->rows[row];
            worksheet_merge_range(ws, 1, col, 1, (lxw_col_t)(col + rd->column_count - 1), rd->label, f->header);
            for (size_t c = 0; c < rd->column_count; c++) {
                worksheet_write_string(ws, 2, col, t->columns[rd->columns[c]].label, f->header);
                xlsx_value(ws, 3, col, r, rd->first_cell + c, a, f);
                col++;
            }
        }
        return;
    }
    lxw_row_t line = 1;
    for (size_t row = 0; row < t->row_count; row++) {
        const cf_row_def *rd = &t->rows[row];
        if (row == 0 || !same_columns(rd, &t->rows[row - 1])) {
            worksheet_write_string(ws, line, 0, "项目", f->header);
            for (size_t c = 0; c < rd->column_count; c++)
                worksheet_write_string(ws, line, (lxw_col_t)(c + 1), t->columns[rd->columns[c]].label, f->header);
            line++;
        }
        worksheet_write_string(ws, line, 0, rd->label, f->label);
        for (size_t c = 0; c < rd->column_count; c++)
            xlsx_value(ws, line, (lxw_col_t)(c + 1), r, rd->first_cell + c, a, f);
        line++;
    }
}

/* The title block on a first sheet (the one a workbook opens on), a label and a value a row;
 * false when memory runs out. */
static bool xlsx_title(lxw_workbook *wb, const cf_review *r, const xlsx_formats *f)
{
    title_block t;
    title_row rows[TITLE_ROWS];
    size_t n = title_read(r, &t) ? title_rows(r, &t, rows) : 0;
    lxw_worksheet *ws = n ? workbook_add_worksheet(wb, _("Review")) : NULL;
    if (ws) {
        worksheet_set_column(ws, 0, 0, 20, NULL);
        worksheet_set_column(ws, 1, 1, 80, NULL);
        worksheet_write_string(ws, 0, 0, _("Review of the statistical tables"), f->header);
        for (size_t i = 0; i < n; i++) {
            worksheet_write_string(ws, (lxw_row_t)(i + 1), 0, rows[i].label, f->header);
            worksheet_write_string(ws, (lxw_row_t)(i + 1), 1, rows[i].value, f->label);
        }
    }
    title_rows_release(rows, n);
    title_release(&t);
    return n > 0;
}

/* The findings, one a row, on a last sheet; false when memory runs out. */
static bool xlsx_findings(lxw_workbook *wb, const cf_review *r, const cf_assessment *a, const xlsx_formats *f)
{
    cf_buf lines;
    cf_buf_init(&lines);
    bool ok = findings(&lines, r, a);
    lxw_worksheet *ws = ok ? workbook_add_worksheet(wb, _("Findings")) : NULL;
    if (ws) {
        worksheet_set_column(ws, 0, 0, 120, NULL);
        worksheet_write_string(ws, 0, 0, _("Findings"), f->header);
        lxw_row_t row = 1;
        for (char *line = lines.data, *end; line && *line; line = end + 1, row++) {
            end = strchr(line, '\n');
            *end = '\0';
            worksheet_write_string(ws, row, 0, line, f->label);
        }
    }
    cf_buf_release(&lines);
    return ok;
}

static cf_status write_xlsx(const cf_review *r, const cf_year *previous, const char *path, const cf_io *io,
                            cf_error *err)
{
    /* libxlsxwriter opens the file it writes by name and would follow a link planted there:
     * it writes into a folder of our own (mode 0700, fresh name) beside the target, and the
     * result replaces the target like every other file */
    char folder[4200], tmp[4300];
    char *target = cf_file_resolve(path);
    if (!target)
        return cf_error_nomem(err, path);
    snprintf(folder, sizeof folder, "%s%s%ld.XXXXXX", target, CF_FILE_TMP_MARK, (long)getpid());
    cf_free(target);
    if (!mkdtemp(folder))
        return cf_error_set(err, CF_ERR_IO, path, 0, 0, _("cannot create the workbook in its folder: %s"),
                            strerror(errno));
    snprintf(tmp, sizeof tmp, "%s/%s", folder, CF_FILE_TMP_BOOK);
    cf_assessment *a;
    cf_status assessed = cf_assess_review(r, previous, &a, err);
    if (assessed != CF_OK) {
        rmdir(folder);
        return assessed;
    }
    lxw_workbook *wb = workbook_new(tmp);
    if (!wb) {
        rmdir(folder);
        cf_assessment_free(a);
        return cf_error_set(err, CF_ERR_IO, path, 0, 0, _("cannot create the workbook in its folder"));
    }
    xlsx_formats f = {workbook_add_format(wb), workbook_add_format(wb), workbook_add_format(wb),
                      workbook_add_format(wb), workbook_add_format(wb), workbook_add_format(wb)};
    format_set_bold(f.header);
    format_set_text_wrap(f.header);
    format_set_text_wrap(f.label);
    format_set_bg_color(f.broken, 0xFF9999);
    format_set_bg_color(f.corrected, 0xFFFF66);
    format_set_bg_color(f.read, 0x99CCFF);
    const cf_template *tpl = cf_review_template(r);
    bool listed = xlsx_title(wb, r, &f);
    for (size_t t = 0; t < cf_template_table_count(tpl); t++)
        xlsx_sheet(wb, r, cf_template_table(tpl, t), a, &f);
    listed = xlsx_findings(wb, r, a, &f) && listed;
    lxw_error rc = workbook_close(wb);
    cf_assessment_free(a);
    cf_buf data;
    cf_buf_init(&data);
    cf_status st = !listed                ? cf_error_nomem(err, path)
                   : rc != LXW_NO_ERROR ? cf_error_set(err, CF_ERR_IO, path, 0, 0, _("cannot write the workbook: %s"),
                                                       lxw_strerror(rc))
                                        : cf_file_read(tmp, N_("workbook"), (size_t)-1 / 2, &data, NULL, err);
    unlink(tmp);
    rmdir(folder);
    if (st == CF_OK)
        st = cf_file_replace(io, path, data.data ? data.data : "", data.len, err);
    cf_buf_release(&data);
    return st;
}

cf_status cf_export_write(const cf_review *review, const cf_year *previous, cf_export_format format, const char *path,
                          const cf_io *io, cf_error *err)
{
    if (format == CF_EXPORT_XLSX)
        return write_xlsx(review, previous, path, io, err);
    char *data;
    size_t len;
    cf_status st = cf_export_render(review, previous, format, &data, &len, err);
    if (st != CF_OK)
        return st;
    st = cf_file_replace(io, path, data, len, err);
    cf_free(data);
    return st;
}
