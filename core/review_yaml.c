/* SPDX-License-Identifier: GPL-3.0-or-later */
/* review_yaml.c — the annotated review file: written with libyaml's emitter (keys in a
 * fixed order, Chinese as UTF-8) and read back strictly (no anchors or aliases, known
 * cell ids, right types, bounded size), every error naming its line. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <yaml.h>

#include "alloc.h"
#include "assess.h"
#include "buf.h"
#include "document.h"
#include "fileio.h"
#include "i18n.h"
#include "utf8.h"
#include "yamldoc.h"
#include "review_internal.h"
#include "i18n.h"

#define REVIEW_MAX_BYTES ((size_t)16 << 20)

/* ---------- writing ---------- */

typedef struct {
    yaml_emitter_t em;
    cf_buf out;
    bool ok;
    bool out_of_memory;
    const char *problem; /* what failed, when it was not memory */
    char last[64];       /* the last text written before it: where it failed */
} writer;

static int write_handler(void *data, unsigned char *buffer, size_t size)
{
    writer *w = data;
    if (cf_buf_append(&w->out, (const char *)buffer, size))
        return 1;
    w->out_of_memory = true; /* the emitter calls it a write error */
    return 0;
}

static void emit(writer *w, yaml_event_t *ev)
{
    if (w->ok && !yaml_emitter_emit(&w->em, ev)) {
        w->ok = false;
        if (w->em.error != YAML_MEMORY_ERROR && !w->out_of_memory)
            w->problem = w->em.problem ? w->em.problem : _("the YAML writer failed");
    }
}

static void scalar_style(writer *w, const char *s, yaml_scalar_style_t style)
{
    yaml_event_t ev;
    if (!w->ok)
        return;
    size_t len = strlen(s);
    if (!cf_utf8_valid(s, len, NULL) || len > INT32_MAX) {
        w->ok = false;
        w->problem = len > INT32_MAX ? _("a text is too long") : _("a text is not valid UTF-8");
        return;
    }
    if (!yaml_scalar_event_initialize(&ev, NULL, NULL, (yaml_char_t *)s, (int)len, 1, 1, style)) {
        w->ok = false;
        return;
    }
    emit(w, &ev);
    if (w->ok) {
        snprintf(w->last, sizeof w->last, "%.*s", (int)cf_utf8_boundary(s, len < sizeof w->last - 1 ? len : sizeof w->last - 1), s);
    }
}

/* Text that must stay text ("0", "null", "true" quoted when they would read otherwise). */
static void str(writer *w, const char *s) { scalar_style(w, s, YAML_ANY_SCALAR_STYLE); }

static void text(writer *w, const char *s)
{
    bool plain_is_other = strcmp(s, "") == 0 || strcmp(s, "null") == 0 || strcmp(s, "~") == 0 ||
                          strcmp(s, "true") == 0 || strcmp(s, "false") == 0 || strspn(s, "0123456789.-+") == strlen(s);
    scalar_style(w, s, plain_is_other ? YAML_DOUBLE_QUOTED_SCALAR_STYLE : YAML_ANY_SCALAR_STYLE);
}

static void num(writer *w, unsigned long long v)
{
    char b[32];
    snprintf(b, sizeof b, "%llu", v);
    str(w, b);
}

static void map_start(writer *w, bool flow)
{
    yaml_event_t ev;
    if (w->ok && !yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1, flow ? YAML_FLOW_MAPPING_STYLE : YAML_BLOCK_MAPPING_STYLE))
        w->ok = false;
    else
        emit(w, &ev);
}

static void map_end(writer *w)
{
    yaml_event_t ev;
    yaml_mapping_end_event_initialize(&ev);
    emit(w, &ev);
}

static void seq_start(writer *w)
{
    yaml_event_t ev;
    if (w->ok && !yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1, YAML_BLOCK_SEQUENCE_STYLE))
        w->ok = false;
    else
        emit(w, &ev);
}

static void seq_end(writer *w)
{
    yaml_event_t ev;
    yaml_sequence_end_event_initialize(&ev);
    emit(w, &ev);
}

static void key_text(writer *w, const char *k, const char *v)
{
    str(w, k);
    text(w, v);
}

static void key_num(writer *w, const char *k, unsigned long long v)
{
    str(w, k);
    num(w, v);
}

static void value_of(writer *w, cf_cell_state state, cf_decimal value)
{
    char b[32];
    str(w, state == CF_CELL_NUMBER ? cf_decimal_format(value, b) : "null");
}

static const char *const CELL_STATE_NAMES[] = {"missing", "number", "not_applicable", "invalid"};

static void view(writer *w, const cf_cell_view *v)
{
    map_start(w, true);
    str(w, "value");
    value_of(w, v->value_state, v->value);
    str(w, "kind");
    str(w, CELL_STATE_NAMES[v->value_state]);
    key_text(w, "state", cf_review_state_name(v->state));
    key_text(w, "correction", cf_correction_name(v->correction));
    key_text(w, "note", v->note ? v->note : "");
    map_end(w);
}

static void write_cells(writer *w, const cf_review *r, const cf_table_def *t)
{
    const char *data = cf_text_data(r->text);
    seq_start(w);
    for (size_t i = t->first_cell; i < t->first_cell + t->cell_count; i++) {
        const cf_cell_def *def = cf_template_cell(r->tpl, i);
        const cf_cell *x = &r->extracted[i];
        map_start(w, false);
        key_text(w, "id", def->id);
        key_text(w, "row", t->rows[def->row].label);
        key_text(w, "column", t->columns[def->column].label);
        str(w, "value");
        value_of(w, r->current[i].state, r->current[i].value);
        str(w, "kind");
        str(w, CELL_STATE_NAMES[r->current[i].state]);
        str(w, "extracted");
        value_of(w, x->state, x->value);
        str(w, "extracted_kind");
        str(w, CELL_STATE_NAMES[x->state]);
        key_text(w, "state", cf_review_state_name(r->states[i]));
        key_text(w, "correction", cf_correction_name(r->corrections[i]));
        str(w, "source");
        map_start(w, true);
        key_num(w, "line", x->line);
        key_num(w, "column", x->column);
        key_num(w, "byte_start", x->byte_start);
        key_num(w, "byte_end", x->byte_end);
        key_num(w, "label_line", x->label_line);
        str(w, "inferred");
        str(w, x->inferred ? "true" : "false");
        char *raw = cf_strndup(data + x->byte_start, x->byte_end - x->byte_start);
        if (!raw)
            w->ok = false;
        else
            key_text(w, "text", raw);
        cf_free(raw);
        key_text(w, "unit", x->unit);
        key_text(w, "note", x->note ? x->note : "");
        map_end(w);
        key_text(w, "note", r->notes[i]);
        map_end(w);
    }
    seq_end(w);
}

static const char *const RULE_STATUS[] = {"pass", "fail", "unassessable"};

/* The review file's text into *out (caller frees). */
static cf_status render(const cf_review *r, char **out, cf_error *err)
{
    /* the summary's findings and the rules' results are the assessment's, as every display shows them */
    cf_assessment *assessment;
    cf_status assessed = cf_assess_review(r, NULL, &assessment, err);
    if (assessed != CF_OK)
        return assessed;
    cf_assess_counts n = cf_assess_counts_of(assessment);
    writer w = {.ok = true};
    cf_buf_init(&w.out);
    *out = NULL;
    if (!yaml_emitter_initialize(&w.em)) {
        cf_assessment_free(assessment);
        return cf_error_nomem(err, r->review_path);
    }
    yaml_emitter_set_output(&w.em, write_handler, &w);
    yaml_emitter_set_unicode(&w.em, 1);
    yaml_emitter_set_width(&w.em, -1);
    yaml_event_t ev;
    yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING);
    emit(&w, &ev);
    yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 1);
    emit(&w, &ev);
    map_start(&w, false);
    key_num(&w, "crossfoot_review", CF_REVIEW_FORMAT_VERSION);
    str(&w, "report");
    map_start(&w, false);
    key_text(&w, "path", r->report_path);
    key_text(&w, "sha256", cf_text_sha256(r->text));
    key_text(&w, "encoding", cf_text_encoding(r->text));
    key_text(&w, "kind", cf_text_kind(r->text));
    map_end(&w);
    key_text(&w, "template", cf_template_id(r->tpl));
    key_text(&w, "template_file", r->template_path ? r->template_path : "");
    key_text(&w, "format", cf_template_name(r->tpl));
    key_text(&w, "reviewer", r->reviewer);
    key_text(&w, "created", r->created);
    key_text(&w, "updated", r->updated);
    key_num(&w, "journal_seq", r->saved_seq);
    cf_review_summary s = cf_review_summarize(r);
    str(&w, "summary");
    map_start(&w, false);
    key_num(&w, "violations", n.broken);
    key_num(&w, "waived", n.waived);
    key_num(&w, "unassessable", n.uncheckable);
    key_num(&w, "missing", n.missing);
    key_num(&w, "corrected", s.corrected);
    key_num(&w, "read_corrections", s.read_corrections);
    key_num(&w, "figure_corrections", s.figure_corrections);
    key_num(&w, "unrecorded_corrections", s.unrecorded_corrections);
    key_num(&w, "confirmed", s.confirmed);
    key_num(&w, "notes", s.notes);
    map_end(&w);
    str(&w, "tables");
    seq_start(&w);
    for (size_t t = 0; t < cf_template_table_count(r->tpl); t++) {
        const cf_table_def *td = cf_template_table(r->tpl, t);
        map_start(&w, false);
        key_text(&w, "id", td->id);
        key_text(&w, "number", td->number);
        key_text(&w, "title", td->title);
        str(&w, "cells");
        write_cells(&w, r, td);
        map_end(&w);
    }
    seq_end(&w);
    str(&w, "rules");
    seq_start(&w);
    for (size_t i = 0; i < cf_template_rule_count(r->tpl); i++) {
        const cf_assessed_rule *rule = cf_assess_rule(assessment, i);
        const cf_rule_result *res = &rule->result;
        char b[32];
        map_start(&w, false);
        key_text(&w, "id", cf_template_rule(r->tpl, i)->id);
        key_text(&w, "status", RULE_STATUS[res->status]);
        key_text(&w, "waived", r->waivers[i]);
        str(&w, "left");
        str(&w, res->status == CF_RULE_UNASSESSABLE ? "null" : cf_decimal_format(res->left, b));
        str(&w, "right");
        str(&w, res->status == CF_RULE_UNASSESSABLE ? "null" : cf_decimal_format(res->right, b));
        key_text(&w, "message", rule->explanation);
        map_end(&w);
    }
    seq_end(&w);
    str(&w, "warnings");
    seq_start(&w);
    for (size_t i = 0; i < r->warning_count; i++) {
        map_start(&w, false);
        key_num(&w, "line", r->warning_lines[i]);
        key_text(&w, "message", r->warnings[i]);
        map_end(&w);
    }
    seq_end(&w);
    str(&w, "history");
    seq_start(&w);
    for (size_t i = 0; i < r->applied; i++) {
        const cf_history_entry *e = &r->entries[i];
        map_start(&w, false);
        key_num(&w, "seq", e->seq);
        key_text(&w, "who", e->who);
        key_text(&w, "at", e->at);
        key_text(&w, "action", e->action);
        key_text(&w, "reason", e->reason ? e->reason : "");
        str(&w, "edits");
        seq_start(&w);
        for (size_t k = 0; k < e->edit_count; k++) {
            map_start(&w, false);
            if (e->edits[k].rule)
                key_text(&w, "rule", cf_template_rule(r->tpl, e->edits[k].cell)->id);
            else
                key_text(&w, "cell", cf_template_cell(r->tpl, e->edits[k].cell)->id);
            str(&w, "before");
            view(&w, &e->edits[k].before);
            str(&w, "after");
            view(&w, &e->edits[k].after);
            map_end(&w);
        }
        seq_end(&w);
        map_end(&w);
    }
    seq_end(&w);
    str(&w, "approvals");
    seq_start(&w);
    for (size_t i = 0; i < r->approval_count; i++) {
        const cf_approval *a = &r->approvals[i];
        map_start(&w, false);
        key_text(&w, "who", a->who);
        key_text(&w, "at", a->at);
        key_text(&w, "note", a->note);
        key_text(&w, "document_sha256", a->document_sha256);
        key_text(&w, "cells_sha256", a->cells_sha256);
        key_text(&w, "withdrawn_at", a->withdrawn ? a->withdrawn_at : "");
        key_text(&w, "withdrawn_by", a->withdrawn ? a->withdrawn_by : "");
        key_text(&w, "withdrawn_because", a->withdrawn ? a->withdrawn_because : "");
        map_end(&w);
    }
    seq_end(&w);
    map_end(&w);
    yaml_document_end_event_initialize(&ev, 1);
    emit(&w, &ev);
    yaml_stream_end_event_initialize(&ev);
    emit(&w, &ev);
    yaml_emitter_delete(&w.em);
    cf_assessment_free(assessment);
    if (!w.ok) {
        cf_buf_release(&w.out);
        if (!w.problem)
            return cf_error_nomem(err, r->review_path);
        return cf_error_set(err, CF_ERR_INPUT, r->review_path, 0, 0, _("cannot write the review file: %s (after '%s')"),
                            w.problem, w.last);
    }
    *out = cf_buf_take(&w.out);
    return *out ? CF_OK : cf_error_nomem(err, r->review_path);
}

cf_status cf_review_save(cf_review *review, cf_error *err)
{
    uint64_t saved = review->saved_seq;
    review->saved_seq = review->next_seq; /* the file will hold every journal record so far */
    char *yaml = NULL;
    cf_status st = render(review, &yaml, err);
    review->saved_seq = saved;
    if (st != CF_OK)
        return st;
    st = cf_file_replace(review->io, review->review_path, yaml, strlen(yaml), err);
    cf_free(yaml);
    if (st != CF_OK)
        return st;
    review->saved_seq = review->next_seq;
    cf_review_mark_saved(review);
    /* the file now holds every change; a journal left behind would only be skipped */
    cf_review_retire_journal(review);
    return CF_OK;
}

/* ---------- reading ---------- */

typedef cf_yaml_reader reader;

static yaml_node_t *get(reader *rd, yaml_node_t *map, const char *key) { return cf_yaml_get(rd->doc, map, key); }

/* The text of map[key]; NULL (and an error) when absent or not a scalar. */
static const char *need(reader *rd, yaml_node_t *map, const char *key)
{
    yaml_node_t *n = get(rd, map, key);
    if (!n) {
        cf_yaml_fail(rd, map, "missing '%s'", key);
        return NULL;
    }
    if (n->type != YAML_SCALAR_NODE) {
        cf_yaml_fail(rd, n, _("'%s' must be a plain value"), key);
        return NULL;
    }
    return (const char *)n->data.scalar.value;
}

static bool need_count(reader *rd, yaml_node_t *map, const char *key, unsigned long long *out)
{
    const char *s = need(rd, map, key);
    if (!s)
        return false;
    char *end;
    *out = strtoull(s, &end, 10);
    if (!*s || *end || s[0] == '-')
        return cf_yaml_fail(rd, get(rd, map, key), _("'%s' must be a whole number"), key);
    return true;
}

static bool need_value(reader *rd, yaml_node_t *map, const char *key, const char *kind_key, cf_cell_state *state,
                       cf_decimal *value)
{
    const char *s = need(rd, map, key), *kind = need(rd, map, kind_key);
    if (!s || !kind)
        return false;
    long k = -1;
    for (size_t i = 0; i < 4; i++)
        if (strcmp(kind, CELL_STATE_NAMES[i]) == 0)
            k = (long)i;
    if (k < 0)
        return cf_yaml_fail(rd, get(rd, map, kind_key), _("'%s' is not a kind of value"), kind);
    *state = (cf_cell_state)k;
    *value = cf_decimal_from_int(0);
    if (*state != CF_CELL_NUMBER) {
        if (strcmp(s, "null") != 0)
            return cf_yaml_fail(rd, get(rd, map, key), _("'%s' must be null for a cell without a number"), key);
        return true;
    }
    if (cf_decimal_parse(s, strlen(s), value) != CF_DEC_OK)
        return cf_yaml_fail(rd, get(rd, map, key), _("'%s' is not a number"), s);
    return true;
}

static bool need_state(reader *rd, yaml_node_t *map, const char *key, cf_review_state *out)
{
    const char *s = need(rd, map, key);
    if (!s)
        return false;
    for (int i = 0; i <= CF_STATE_NA; i++)
        if (strcmp(s, cf_review_state_name((cf_review_state)i)) == 0) {
            *out = (cf_review_state)i;
            return true;
        }
    return cf_yaml_fail(rd, get(rd, map, key), _("'%s' is not a cell state"), s);
}

/* The kind of correction of a cell in state (format 5 on: map's "correction", which a corrected
 * cell must have and no other may; an older file recorded none, so a corrected cell's is unrecorded). */
static bool need_correction(reader *rd, yaml_node_t *map, unsigned long long version, cf_review_state state,
                            cf_correction *out)
{
    bool corrected = state == CF_STATE_CORRECTED;
    *out = corrected ? CF_CORRECTION_UNRECORDED : CF_CORRECTION_NONE;
    if (version < 5)
        return true;
    const char *s = need(rd, map, "correction");
    if (!s)
        return false;
    if (!cf_correction_parse(s, out) || corrected != (*out != CF_CORRECTION_NONE))
        return cf_yaml_fail(rd, get(rd, map, "correction"),
                            corrected ? _("'%s' is not a kind of correction (read, figure or unrecorded)")
                                      : _("'%s': only a corrected cell has a kind of correction"),
                            s);
    return true;
}

static yaml_node_t *need_seq(reader *rd, yaml_node_t *map, const char *key)
{
    yaml_node_t *n = get(rd, map, key);
    if (!n || n->type != YAML_SEQUENCE_NODE) {
        cf_yaml_fail(rd, n ? n : map, _("'%s' must be a list"), key);
        return NULL;
    }
    return n;
}

/* Each node of a sequence (a `break` leaves only the current item: keep a flag). */
#define EACH(rd, seq, node)                                                                                    \
    for (yaml_node_item_t *it_##node = (seq)->data.sequence.items.start;                                       \
         it_##node < (seq)->data.sequence.items.top; it_##node++)                                              \
        for (yaml_node_t *node = yaml_document_get_node((rd)->doc, *it_##node); node; node = NULL)

static bool read_view(reader *rd, yaml_node_t *n, unsigned long long version, cf_cell_view *v)
{
    if (!n || n->type != YAML_MAPPING_NODE)
        return cf_yaml_fail(rd, n, _("an edit needs 'before' and 'after' mappings"), NULL);
    const char *note = need(rd, n, "note");
    if (!need_value(rd, n, "value", "kind", &v->value_state, &v->value) || !need_state(rd, n, "state", &v->state) ||
        !note || !need_correction(rd, n, version, v->state, &v->correction))
        return false;
    v->note = cf_strdup(note);
    return v->note != NULL || cf_yaml_nomem(rd);
}

static bool read_history(reader *rd, cf_review *r, yaml_node_t *hist, unsigned long long version)
{
    EACH(rd, hist, n)
    {
        cf_history_entry e;
        memset(&e, 0, sizeof e);
        unsigned long long seq;
        const char *who = need(rd, n, "who"), *at = need(rd, n, "at"), *action = need(rd, n, "action"),
                   *reason = need(rd, n, "reason");
        yaml_node_t *edits = need_seq(rd, n, "edits");
        if (!need_count(rd, n, "seq", &seq) || !who || !at || !action || !reason || !edits)
            return false;
        size_t count = (size_t)(edits->data.sequence.items.top - edits->data.sequence.items.start);
        e.seq = seq;
        e.who = cf_strdup(who);
        e.at = cf_strdup(at);
        e.action = cf_strdup(action);
        e.reason = reason[0] ? cf_strdup(reason) : NULL;
        e.edits = cf_calloc(count ? count : 1, sizeof *e.edits);
        bool ok = e.who && e.at && e.action && e.edits && (!reason[0] || e.reason);
        EACH(rd, edits, x)
        {
            /* an edit is of a cell, or of a rule (a waiver) */
            bool rule = ok && get(rd, x, "rule") != NULL;
            const char *cell = ok ? need(rd, x, rule ? "rule" : "cell") : NULL;
            long idx = !cell ? -1 : rule ? cf_review_find_rule(r, cell) : cf_template_find_cell(r->tpl, cell);
            if (cell && idx < 0)
                cf_yaml_fail(rd, get(rd, x, rule ? "rule" : "cell"), rule ? _("unknown rule id '%s'") : _("unknown cell id '%s'"),
                      cell);
            if (!ok)
                break;
            cf_history_edit *h = &e.edits[e.edit_count];
            h->rule = rule;
            ok = ok && idx >= 0 && read_view(rd, get(rd, x, "before"), version, &h->before);
            if (ok && !read_view(rd, get(rd, x, "after"), version, &h->after)) {
                cf_free((char *)h->before.note);
                ok = false;
            }
            if (ok) {
                h->cell = (size_t)idx;
                e.edit_count++;
            }
        }
        cf_error ignored;
        if (!ok || cf_review_push_entry(r, &e, &ignored) != CF_OK) {
            for (size_t i = 0; i < e.edit_count; i++) {
                cf_free((char *)e.edits[i].before.note);
                cf_free((char *)e.edits[i].after.note);
            }
            cf_free(e.who);
            cf_free(e.at);
            cf_free(e.action);
            cf_free(e.reason);
            cf_free(e.edits);
            return cf_yaml_nomem(rd); /* keeps the first error when there was one */
        }
    }
    return true;
}

/* How far the lines and bytes of today's view lie from those a review of an older format
 * points at: formats 1 to 5 saw a PDF's view without the "— 第 1 页 —" line that now opens it
 * (pdf_layout.c), so their positions are one line and that line's bytes short. */
typedef struct {
    size_t lines, bytes;
} view_shift;

static view_shift view_shift_of(const cf_text *text, unsigned long long version)
{
    view_shift none = {0, 0};
    if (version >= 6 || strcmp(cf_text_kind(text), "pdf") != 0 || cf_text_line_count(text) < 2)
        return none;
    return (view_shift){1, cf_text_line_offset(text, 1)};
}

static unsigned long long shifted_line(unsigned long long line, view_shift shift)
{
    return line ? line + shift.lines : 0; /* 0: no line */
}

static bool read_cells(reader *rd, cf_review *r, yaml_node_t *tables, unsigned long long version)
{
    view_shift shift = view_shift_of(r->text, version);
    bool *seen = cf_calloc(r->cell_count + 1, sizeof *seen);
    if (!seen)
        return cf_yaml_nomem(rd);
    bool ok = true;
    EACH(rd, tables, t)
    {
        yaml_node_t *cells = ok ? need_seq(rd, t, "cells") : NULL;
        ok = ok && cells;
        if (!ok)
            break;
        EACH(rd, cells, c)
        {
            const char *id = ok ? need(rd, c, "id") : NULL;
            long idx = id ? cf_template_find_cell(r->tpl, id) : -1;
            if (id && idx < 0)
                cf_yaml_fail(rd, get(rd, c, "id"), _("unknown cell id '%s'"), id);
            if (idx >= 0 && seen[idx])
                cf_yaml_fail(rd, get(rd, c, "id"), _("cell '%s' is listed twice"), id);
            ok = ok && idx >= 0 && !seen[idx];
            if (!ok)
                break;
            seen[idx] = true;
            cf_cell *x = &r->extracted[idx];
            cf_cell *cur = &r->current[idx];
            yaml_node_t *src = get(rd, c, "source");
            const char *note = need(rd, c, "note");
            const char *unit = src ? need(rd, src, "unit") : NULL;
            const char *xnote = src ? need(rd, src, "note") : NULL;
            const char *inferred = src ? need(rd, src, "inferred") : NULL;
            unsigned long long line, column, bs, be, label_line;
            ok = need_value(rd, c, "value", "kind", &cur->state, &cur->value) &&
                 need_value(rd, c, "extracted", "extracted_kind", &x->state, &x->value) &&
                 need_state(rd, c, "state", &r->states[idx]) &&
                 need_correction(rd, c, version, r->states[idx], &r->corrections[idx]) && note && src && unit && xnote && inferred &&
                 need_count(rd, src, "line", &line) && need_count(rd, src, "column", &column) &&
                 need_count(rd, src, "byte_start", &bs) && need_count(rd, src, "byte_end", &be) &&
                 need_count(rd, src, "label_line", &label_line);
            if (!ok) {
                if (!src)
                    cf_yaml_fail(rd, c, _("missing 'source'"), NULL);
                break;
            }
            if (bs < be || line) { /* a cell that was never read has no bytes to move */
                bs += shift.bytes;
                be += shift.bytes;
            }
            line = shifted_line(line, shift);
            label_line = shifted_line(label_line, shift);
            if (bs > be || be > cf_text_size(r->text) || line > cf_text_line_count(r->text) ||
                strlen(unit) >= sizeof x->unit) {
                ok = cf_yaml_fail(rd, src, _("the source of '%s' lies outside the report"), id);
                break;
            }
            x->line = line;
            x->column = column;
            x->byte_start = bs;
            x->byte_end = be;
            x->label_line = label_line;
            x->inferred = strcmp(inferred, "true") == 0;
            memcpy(x->unit, unit, strlen(unit) + 1);
            if (xnote[0] && !(x->note = cf_strdup(xnote)))
                ok = cf_yaml_nomem(rd);
            /* the current value keeps where it was read from (inferred or not, its lines), as when
             * the report was extracted: the assessment's suspects point there */
            cf_cell now = *cur;
            *cur = *x;
            cur->state = now.state;
            cur->value = now.value;
            cur->note = NULL; /* the notes are the review's own */
            char *copy = cf_strdup(note);
            if (!copy) {
                ok = cf_yaml_nomem(rd);
                break;
            }
            cf_free(r->notes[idx]);
            r->notes[idx] = copy;
        }
    }
    for (size_t i = 0; ok && i < r->cell_count; i++)
        if (!seen[i])
            ok = cf_yaml_fail(rd, tables, _("cell '%s' is missing from the review file"), cf_template_cell(r->tpl, i)->id);
    cf_free(seen);
    return ok;
}

/* The waivers: each rule's "waived" note (the results themselves are recomputed). */
static bool read_waivers(reader *rd, cf_review *r, yaml_node_t *rules)
{
    EACH(rd, rules, n)
    {
        const char *id = need(rd, n, "id"), *waived = need(rd, n, "waived");
        if (!id || !waived)
            return false;
        long i = cf_review_find_rule(r, id);
        if (i < 0)
            return cf_yaml_fail(rd, get(rd, n, "id"), _("unknown rule id '%s'"), id);
        char *copy = cf_strdup(waived);
        if (!copy)
            return cf_yaml_nomem(rd);
        cf_free(r->waivers[i]);
        r->waivers[i] = copy;
    }
    return true;
}

static bool read_warnings(reader *rd, cf_review *r, yaml_node_t *list, unsigned long long version)
{
    view_shift shift = view_shift_of(r->text, version);
    size_t n = (size_t)(list->data.sequence.items.top - list->data.sequence.items.start);
    r->warnings = cf_calloc(n + 1, sizeof *r->warnings);
    r->warning_lines = cf_calloc(n + 1, sizeof *r->warning_lines);
    if (!r->warnings || !r->warning_lines)
        return cf_yaml_nomem(rd);
    EACH(rd, list, w)
    {
        unsigned long long line;
        const char *msg = need(rd, w, "message");
        if (!msg || !need_count(rd, w, "line", &line))
            return false;
        if (!(r->warnings[r->warning_count] = cf_strdup(msg)))
            return cf_yaml_nomem(rd);
        r->warning_lines[r->warning_count++] = shifted_line(line, shift);
    }
    return true;
}

/* The sign-offs (format 3 on; an older file has none). */
static bool read_approvals(reader *rd, cf_review *r, yaml_node_t *list)
{
    if (!list)
        return true;
    if (list->type != YAML_SEQUENCE_NODE)
        return cf_yaml_fail(rd, list, _("'approvals' is not a list"), NULL);
    EACH(rd, list, n)
    {
        const char *who = need(rd, n, "who"), *at = need(rd, n, "at"), *note = need(rd, n, "note"),
                   *doc = need(rd, n, "document_sha256"), *cells = need(rd, n, "cells_sha256"),
                   *w_at = need(rd, n, "withdrawn_at"), *w_by = need(rd, n, "withdrawn_by"),
                   *w_because = need(rd, n, "withdrawn_because");
        if (!who || !at || !note || !doc || !cells || !w_at || !w_by || !w_because)
            return false;
        cf_approval a = {.withdrawn = w_at[0] != '\0'};
        snprintf(a.who, sizeof a.who, "%s", who);
        snprintf(a.at, sizeof a.at, "%s", at);
        snprintf(a.document_sha256, sizeof a.document_sha256, "%s", doc);
        snprintf(a.cells_sha256, sizeof a.cells_sha256, "%s", cells);
        snprintf(a.withdrawn_at, sizeof a.withdrawn_at, "%s", w_at);
        snprintf(a.withdrawn_by, sizeof a.withdrawn_by, "%s", w_by);
        snprintf(a.withdrawn_because, sizeof a.withdrawn_because, "%s", w_because);
        if (!(a.note = cf_strdup(note)) || !cf_review_push_approval(r, &a)) {
            cf_free(a.note);
            return cf_yaml_nomem(rd);
        }
    }
    return true;
}

/* The report's path as written, or beside the review file when written relative and not found. */
static char *locate_report(const char *review_path, const char *report_path)
{
    /* stat, not open: opening a FIFO there would wait for a writer (the report's own read refuses it) */
    struct stat st;
    if (stat(report_path, &st) == 0 || report_path[0] == '/')
        return cf_strdup(report_path);
    const char *slash = strrchr(review_path, '/');
    cf_buf b;
    cf_buf_init(&b);
    if (!slash || !cf_buf_printf(&b, "%.*s/%s", (int)(slash - review_path), review_path, report_path) ||
        stat(b.data, &st) != 0) {
        cf_buf_release(&b);
        return cf_strdup(report_path);
    }
    return cf_buf_take(&b);
}

static cf_status load_doc(reader *rd, yaml_node_t *root, const char *review_path, bool force, const char *reviewer,
                          cf_review **out)
{
    cf_error *err = rd->err;
    if (!root || root->type != YAML_MAPPING_NODE) {
        cf_yaml_fail(rd, root, _("not a crossfoot review file"), NULL);
        return rd->status;
    }
    unsigned long long version;
    if (!need_count(rd, root, "crossfoot_review", &version))
        return rd->status;
    /* Every version up to ours is read here; version 1 differs only in its journal (review.c
     * read_record) and in keeping no boundary for undo, which loading sets below. */
    if (version > CF_REVIEW_FORMAT_VERSION || version < 1) {
        char msg[200];
        if (version < 1)
            snprintf(msg, sizeof msg, "%s", _("review format %s does not exist"));
        else
            snprintf(msg, sizeof msg,
                     _("written by a newer crossfoot (review format %%s); this one reads formats 1 to %d: update crossfoot"),
                     CF_REVIEW_FORMAT_VERSION);
        cf_yaml_fail(rd, get(rd, root, "crossfoot_review"), msg, need(rd, root, "crossfoot_review"));
        return rd->status;
    }
    yaml_node_t *report = get(rd, root, "report");
    const char *path = need(rd, report ? report : root, "path");
    const char *sha = report ? need(rd, report, "sha256") : NULL;
    /* the kind of document the cells' lines point into; formats 1 and 2 do not say (NULL) */
    const char *kind = report && version >= 3 ? need(rd, report, "kind") : NULL;
    const char *template_id = need(rd, root, "template"), *template_file = need(rd, root, "template_file");
    const char *who = need(rd, root, "reviewer"), *created = need(rd, root, "created"), *updated = need(rd, root, "updated");
    unsigned long long journal_seq;
    yaml_node_t *tables = need_seq(rd, root, "tables"), *history = need_seq(rd, root, "history"),
                *warnings = need_seq(rd, root, "warnings"), *rules = need_seq(rd, root, "rules");
    if (!report)
        cf_yaml_fail(rd, root, _("missing 'report'"), NULL);
    if (rd->status != CF_OK || !need_count(rd, root, "journal_seq", &journal_seq))
        return rd->status;
    if (journal_seq > ((unsigned long long)1 << 53)) {
        cf_yaml_fail(rd, get(rd, root, "journal_seq"), _("'journal_seq' is out of range"), NULL);
        return rd->status;
    }
    char *report_path = locate_report(review_path, path);
    if (!report_path)
        return cf_error_nomem(err, review_path);
    cf_text *text = NULL;
    cf_status st = cf_document_load(report_path, &text, err);
    if (st == CF_OK && strcmp(cf_text_sha256(text), sha) != 0 && !force)
        st = cf_error_set(err, CF_ERR_INPUT, report_path, 0, 0,
                          _("the report has changed since it was reviewed in %s (SHA-256 %.12s… now, %.12s… then); "
                          "open it with --force to review it anyway"),
                          review_path, cf_text_sha256(text), sha);
    if (st == CF_OK && kind && strcmp(cf_text_kind(text), kind) != 0 && !force)
        st = cf_error_set(err, CF_ERR_INPUT, report_path, 0, 0,
                          _("the report was reviewed in %s as a document of kind '%s' and this crossfoot reads it as "
                            "'%s', so the review's lines would point elsewhere; open it with --force to review it anyway"),
                          review_path, kind, cf_text_kind(text));
    cf_template **tpls = NULL;
    size_t ntpls = 0;
    const cf_template *tpl = NULL;
    if (st == CF_OK && template_file[0]) {
        tpls = cf_calloc(1, sizeof *tpls);
        st = tpls ? cf_template_load(template_file, &tpls[0], err) : cf_error_nomem(err, template_file);
        ntpls = st == CF_OK;
    } else if (st == CF_OK) {
        st = cf_template_load_builtin(&tpls, &ntpls, err);
    }
    for (size_t i = 0; st == CF_OK && i < ntpls; i++)
        if (strcmp(cf_template_id(tpls[i]), template_id) == 0)
            tpl = tpls[i];
    if (st == CF_OK && !tpl)
        st = cf_error_set(err, CF_ERR_INPUT, review_path, (long)get(rd, root, "template")->start_mark.line + 1, 0,
                          _("unknown template '%s'"), template_id);
    cf_review *r = NULL;
    if (st == CF_OK)
        st = cf_review_create(text, tpls, ntpls, tpl, report_path, review_path, reviewer ? reviewer : who, &r, err);
    cf_free(report_path);
    if (st != CF_OK) {
        for (size_t i = 0; i < ntpls; i++)
            cf_template_free(tpls[i]);
        cf_free(tpls);
        cf_text_free(text);
        return st;
    }
    snprintf(r->created, sizeof r->created, "%s", created);
    snprintf(r->updated, sizeof r->updated, "%s", updated);
    if (template_file[0] && !(r->template_path = cf_strdup(template_file)))
        cf_yaml_nomem(rd);
    r->saved_seq = r->next_seq = r->last_seq = journal_seq;
    if (rd->status == CF_OK && read_cells(rd, r, tables, version) && read_waivers(rd, r, rules) &&
        read_warnings(rd, r, warnings, version) && read_history(rd, r, history, version) && read_approvals(rd, r, get(rd, root, "approvals"))) {
        r->saved_entries = r->applied; /* an earlier session's history is undone only by a new change */
        size_t pending = 0;
        /* an unreadable journal is reported when it is replayed; memory is needed now */
        if (cf_review_scan_journal(r, &pending, err) != CF_ERR_NOMEM) {
            *out = r;
            return CF_OK;
        }
        rd->status = CF_ERR_NOMEM;
    }
    cf_review_free(r);
    if (rd->status == CF_OK) /* a step failed without saying why: only memory does */
        cf_yaml_nomem(rd);
    return rd->status;
}

cf_status cf_review_load(const char *review_path, bool force, const char *reviewer, cf_review **out, cf_error *err)
{
    *out = NULL;
    cf_buf b;
    cf_buf_init(&b);
    cf_status read = cf_file_read(review_path, N_("review file"), REVIEW_MAX_BYTES, &b, NULL, err);
    if (read != CF_OK) {
        cf_buf_release(&b);
        return read;
    }
    /* anchors and aliases are refused: a review file is data a person reads, not a graph */
    cf_status st = cf_yaml_scan(review_path, b.data ? b.data : "", b.len, CF_ERR_INPUT, true, 2000000, err);
    if (st != CF_OK) {
        cf_buf_release(&b);
        return st;
    }
    yaml_document_t doc;
    st = cf_yaml_parse(review_path, b.data, b.len, CF_ERR_INPUT, &doc, err);
    cf_buf_release(&b);
    if (st != CF_OK)
        return st;
    reader rd = {review_path, &doc, err, CF_ERR_INPUT, CF_OK};
    st = load_doc(&rd, yaml_document_get_root_node(&doc), review_path, force, reviewer, out);
    yaml_document_delete(&doc);
    return st;
}
