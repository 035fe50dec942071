/* SPDX-License-Identifier: GPL-3.0-or-later */
/* review.c — review state, the edit history (undo/redo) and the crash journal. */
#include "review_internal.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "alloc.h"
#include "buf.h"
#include "cellvalue.h"
#include "document.h"
#include "i18n.h"
#include "sha256.h"
#include "utf8.h"

/* ids in the review file; N_ so the workbench can show them translated */
static const char *const STATE_NAMES[] = {N_("extracted"), N_("corrected"), N_("confirmed"), N_("missing"),
                                           N_("not_applicable")};

const char *cf_review_state_name(cf_review_state state) { return STATE_NAMES[state]; }

static const char *const CORRECTION_NAMES[] = {"", "read", "figure", "unrecorded"};
static const char *const CORRECTION_LABELS[] = {"", N_("read correction"), N_("figure correction"),
                                                N_("correction (kind not recorded)")};

const char *cf_correction_name(cf_correction kind) { return CORRECTION_NAMES[kind]; }
bool cf_correction_parse(const char *name, cf_correction *out)
{
    for (size_t i = 0; i < sizeof CORRECTION_NAMES / sizeof *CORRECTION_NAMES; i++)
        if (strcmp(name, CORRECTION_NAMES[i]) == 0) {
            *out = (cf_correction)i;
            return true;
        }
    return false;
}

const char *cf_correction_label(cf_correction kind) { return kind ? _(CORRECTION_LABELS[kind]) : ""; }

/* Text that may enter the review: none, or valid UTF-8. */
static bool valid_text(const char *s) { return !s || cf_utf8_valid(s, strlen(s), NULL); }

static void clock_now(char out[32], void *ctx)
{
    time_t t = time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static cf_review_state state_of_extracted(const cf_cell *c)
{
    switch (c->state) {
    case CF_CELL_NUMBER:
        return CF_STATE_EXTRACTED;
    case CF_CELL_NA:
        return CF_STATE_NA;
    default:
        return CF_STATE_MISSING;
    }
}

char *cf_review_default_path(const char *report_path)
{
    cf_buf b;
    cf_buf_init(&b);
    if (!cf_buf_printf(&b, "%s.review.yaml", report_path)) {
        cf_buf_release(&b);
        return NULL;
    }
    return cf_buf_take(&b);
}

cf_status cf_review_create(cf_text *text, cf_template **templates, size_t template_count, const cf_template *tpl,
                           const char *report_path, const char *review_path, const char *reviewer,
                           cf_review **out, cf_error *err)
{
    *out = NULL;
    if (!valid_text(reviewer))
        return cf_error_set(err, CF_ERR_USAGE, report_path, 0, 0, "%s", _("the reviewer's name is not valid UTF-8"));
    cf_review *r = cf_calloc(1, sizeof *r);
    if (!r)
        return cf_error_nomem(err, report_path);
    r->text = text;
    r->templates = templates;
    r->template_count = template_count;
    r->tpl = tpl;
    r->io = cf_io_default();
    r->now = clock_now;
    r->cell_count = cf_template_cell_count(tpl);
    size_t n = r->cell_count ? r->cell_count : 1;
    cf_buf jp;
    cf_buf_init(&jp);
    r->report_path = cf_strdup(report_path);
    r->review_path = cf_strdup(review_path);
    r->reviewer = cf_strdup(reviewer && reviewer[0] ? reviewer : "unknown");
    r->extracted = cf_calloc(n, sizeof *r->extracted);
    r->current = cf_calloc(n, sizeof *r->current);
    r->states = cf_calloc(n, sizeof *r->states);
    r->corrections = cf_calloc(n, sizeof *r->corrections);
    r->notes = cf_calloc(n, sizeof *r->notes);
    r->waivers = cf_calloc(cf_template_rule_count(tpl) + 1, sizeof *r->waivers);
    bool ok = r->corrections && r->waivers && r->report_path && r->review_path && r->reviewer && r->extracted &&
              r->current && r->states && r->notes && cf_buf_printf(&jp, "%s.journal", review_path);
    r->journal_path = cf_buf_take(&jp);
    for (size_t i = 0; ok && i < r->cell_count; i++)
        ok = (r->notes[i] = cf_strdup("")) != NULL;
    for (size_t i = 0; ok && i < cf_template_rule_count(tpl); i++)
        ok = (r->waivers[i] = cf_strdup("")) != NULL;
    if (!ok || !r->journal_path) {
        /* the caller still owns text and templates when this fails */
        r->text = NULL;
        r->templates = NULL;
        r->template_count = 0;
        cf_review_free(r);
        return cf_error_nomem(err, report_path);
    }
    r->now(r->created, r->now_ctx);
    memcpy(r->updated, r->created, sizeof r->updated);
    *out = r;
    return CF_OK;
}

static void free_entry(cf_history_entry *e)
{
    cf_free(e->who);
    cf_free(e->at);
    cf_free(e->action);
    cf_free(e->reason);
    for (size_t i = 0; i < e->edit_count; i++) {
        cf_free((char *)e->edits[i].before.note);
        cf_free((char *)e->edits[i].after.note);
    }
    cf_free(e->edits);
    memset(e, 0, sizeof *e);
}

void cf_review_free(cf_review *review)
{
    if (!review)
        return;
    for (size_t i = 0; i < review->cell_count; i++) {
        if (review->extracted)
            cf_free(review->extracted[i].note);
        if (review->notes)
            cf_free(review->notes[i]);
    }
    for (size_t i = 0; i < review->entry_count; i++)
        free_entry(&review->entries[i]);
    for (size_t i = 0; review->waivers && i < cf_template_rule_count(review->tpl); i++)
        cf_free(review->waivers[i]);
    cf_free(review->waivers);
    for (size_t i = 0; i < review->warning_count; i++)
        cf_free(review->warnings[i]);
    for (size_t i = 0; i < review->approval_count; i++)
        cf_free(review->approvals[i].note);
    cf_free(review->approvals);
    for (size_t i = 0; i < review->template_count; i++)
        cf_template_free(review->templates[i]);
    cf_free(review->templates);
    cf_text_free(review->text);
    cf_free(review->warnings);
    cf_free(review->warning_lines);
    cf_free(review->entries);
    cf_free(review->extracted);
    cf_free(review->current);
    cf_free(review->states);
    cf_free(review->corrections);
    cf_free(review->notes);
    cf_free(review->template_path);
    cf_free(review->report_path);
    cf_free(review->review_path);
    cf_free(review->journal_path);
    cf_free(review->journal_problem);
    cf_free(review->reviewer);
    cf_free(review);
}

/* Take the extracted cells and warnings of report into a new review. */
static cf_status adopt_report(cf_review *r, const cf_report *report, cf_error *err)
{
    const cf_cell *cells = cf_report_cells(report);
    for (size_t i = 0; i < r->cell_count; i++) {
        r->extracted[i] = cells[i];
        r->extracted[i].note = NULL;
        if (cells[i].note && !(r->extracted[i].note = cf_strdup(cells[i].note)))
            return cf_error_nomem(err, r->report_path);
        r->current[i] = cells[i];
        r->current[i].note = NULL;
        r->states[i] = state_of_extracted(&cells[i]);
    }
    size_t nw = cf_report_warning_count(report);
    r->warnings = cf_calloc(nw + 1, sizeof *r->warnings);
    r->warning_lines = cf_calloc(nw + 1, sizeof *r->warning_lines);
    if (!r->warnings || !r->warning_lines)
        return cf_error_nomem(err, r->report_path);
    for (size_t i = 0; i < nw; i++) {
        const cf_warning *w = cf_report_warning(report, i);
        if (!(r->warnings[i] = cf_strdup(w->message)))
            return cf_error_nomem(err, r->report_path);
        r->warning_lines[i] = w->line;
        r->warning_count++;
    }
    return CF_OK;
}

/* Read the journal's records after the review file's; defined below. */
static cf_status scan_journal(cf_review *r, bool apply, size_t *pending, cf_error *err);

cf_status cf_review_open_report(const char *path, const char *template_path, const char *reviewer,
                                const char *review_path, cf_review **out, cf_error *err)
{
    *out = NULL;
    cf_text *text = NULL;
    cf_template **tpls = NULL;
    size_t ntpls = 0;
    cf_report *report = NULL;
    cf_status st = cf_document_load(path, &text, err);
    if (st == CF_OK && template_path) {
        tpls = cf_calloc(1, sizeof *tpls);
        st = tpls ? cf_template_load(template_path, &tpls[0], err) : cf_error_nomem(err, template_path);
        ntpls = st == CF_OK;
    } else if (st == CF_OK) {
        st = cf_template_load_builtin(&tpls, &ntpls, err);
    }
    if (st == CF_OK)
        st = cf_extract(text, tpls, ntpls, &report, err);
    cf_review *r = NULL;
    char *default_path = NULL;
    if (st == CF_OK && !review_path) {
        default_path = cf_review_default_path(path);
        st = default_path ? CF_OK : cf_error_nomem(err, path);
    }
    if (st == CF_OK)
        st = cf_review_create(text, tpls, ntpls, cf_report_template(report), path,
                              review_path ? review_path : default_path, reviewer, &r, err);
    cf_free(default_path);
    if (st == CF_OK) {
        text = NULL; /* the review owns them now */
        tpls = NULL;
        ntpls = 0;
        if (template_path && !(r->template_path = cf_strdup(template_path)))
            st = cf_error_nomem(err, path);
    }
    if (st == CF_OK)
        st = adopt_report(r, report, err);
    size_t pending;
    if (st == CF_OK)
        st = scan_journal(r, false, &pending, err);
    cf_report_free(report);
    for (size_t i = 0; i < ntpls; i++)
        cf_template_free(tpls[i]);
    cf_free(tpls);
    cf_text_free(text);
    if (st != CF_OK) {
        cf_review_free(r);
        return st;
    }
    *out = r;
    return CF_OK;
}

void cf_review_set_io(cf_review *review, const cf_io *io) { review->io = io ? io : cf_io_default(); }

void cf_review_set_clock(cf_review *review, void (*now)(char out[32], void *ctx), void *ctx)
{
    review->now = now ? now : clock_now;
    review->now_ctx = ctx;
}

const cf_text *cf_review_text(const cf_review *review) { return review->text; }
const cf_template *cf_review_template(const cf_review *review) { return review->tpl; }
const char *cf_review_report_path(const cf_review *review) { return review->report_path; }
const char *cf_review_path(const cf_review *review) { return review->review_path; }
const char *cf_review_reviewer(const cf_review *review) { return review->reviewer; }
size_t cf_review_cell_count(const cf_review *review) { return review->cell_count; }
const cf_cell *cf_review_extracted(const cf_review *review, size_t cell) { return &review->extracted[cell]; }
const cf_cell *cf_review_current_cells(const cf_review *review) { return review->current; }
size_t cf_review_warning_count(const cf_review *review) { return review->warning_count; }
bool cf_review_dirty(const cf_review *review) { return review->dirty; }
uint64_t cf_review_journal_records(const cf_review *review) { return review->next_seq; }
bool cf_review_can_undo(const cf_review *review) { return review->applied > review->saved_entries; }
bool cf_review_can_redo(const cf_review *review) { return review->applied < review->entry_count; }
size_t cf_review_history_count(const cf_review *review) { return review->applied; }
const cf_history_entry *cf_review_history(const cf_review *review, size_t i) { return &review->entries[i]; }

void cf_review_set_reviewer(cf_review *review, const char *reviewer)
{
    char *copy = valid_text(reviewer) ? cf_strdup(reviewer) : NULL;
    if (copy) {
        cf_free(review->reviewer);
        review->reviewer = copy;
    }
}

const char *cf_review_waiver(const cf_review *review, size_t rule) { return review->waivers[rule]; }

const char *cf_review_warning(const cf_review *review, size_t i, size_t *line)
{
    if (line)
        *line = review->warning_lines[i];
    return review->warnings[i];
}

cf_cell_view cf_review_cell(const cf_review *review, size_t cell)
{
    const cf_cell *c = &review->current[cell];
    return (cf_cell_view){c->state, c->value, review->states[cell], review->notes[cell], review->corrections[cell]};
}

/* The digit a character at p (ASCII or full-width ０-９) stands for, its length in *len; -1 when none. */
static int digit_at(const char *p, const char *end, size_t *len)
{
    *len = 1;
    if (*p >= '0' && *p <= '9')
        return *p - '0';
    if (end - p >= 3 && (unsigned char)p[0] == 0xEF && (unsigned char)p[1] == 0xBC && (unsigned char)p[2] >= 0x90 &&
        (unsigned char)p[2] <= 0x99) {
        *len = 3;
        return (unsigned char)p[2] - 0x90;
    }
    return -1;
}

bool cf_review_source_shows(const cf_review *review, size_t cell, cf_decimal value)
{
    const cf_cell *x = &review->extracted[cell];
    size_t line = x->line ? x->line : x->label_line, len;
    if (line == 0 || line > cf_text_line_count(review->text))
        return false;
    const char *start = cf_text_line(review->text, line - 1, &len), *p = start, *end = start + len;
    /* each number on the line (digits, thousands commas, one point), read without allocating:
     * deciding the kind of a change must not fail */
    while (p < end) {
        size_t step;
        if (digit_at(p, end, &step) < 0) {
            p++;
            continue;
        }
        char number[48];
        size_t n = 0;
        if (p > start && p[-1] == '-')
            number[n++] = '-';
        for (int d; p < end && n < sizeof number - 1;) {
            if ((d = digit_at(p, end, &step)) >= 0) {
                number[n++] = (char)('0' + d);
                p += step;
            } else if (*p == '.' && p + 1 < end && digit_at(p + 1, end, &step) >= 0) {
                number[n++] = *p++;
            } else if (*p == ',') {
                p++; /* a thousands comma */
            } else {
                break;
            }
        }
        cf_decimal read;
        if (cf_decimal_parse(number, n, &read) == CF_DEC_OK && cf_decimal_cmp(read, value) == 0)
            return true;
    }
    return false;
}

cf_review_summary cf_review_summarize(const cf_review *review)
{
    cf_review_summary s = {0};
    for (size_t i = 0; i < review->cell_count; i++) {
        bool corrected = review->states[i] == CF_STATE_CORRECTED;
        s.corrected += corrected;
        s.read_corrections += corrected && review->corrections[i] == CF_CORRECTION_READ;
        s.figure_corrections += corrected && review->corrections[i] == CF_CORRECTION_FIGURE;
        s.unrecorded_corrections += corrected && review->corrections[i] == CF_CORRECTION_UNRECORDED;
        s.confirmed += review->states[i] == CF_STATE_CONFIRMED;
        s.notes += review->notes[i][0] != '\0';
    }
    return s;
}

/* ---------- applying edits ---------- */

/* Put view v into cell i, taking ownership of note (v's own note is not used). */
static void set_view(cf_review *r, size_t i, const cf_cell_view *v, char *note)
{
    cf_free(r->notes[i]);
    r->notes[i] = note;
    r->current[i].state = v->value_state;
    r->current[i].value = v->value;
    r->states[i] = v->state;
    r->corrections[i] = v->state == CF_STATE_CORRECTED ? v->correction : CF_CORRECTION_NONE;
}

static bool is_rule_edit(cf_edit_kind kind) { return kind == CF_EDIT_WAIVE || kind == CF_EDIT_UNWAIVE; }

/* What edit e makes of a cell (or, for a waiver, a rule) that stands as v. */
static cf_cell_view after_edit(const cf_review *r, const cf_edit *e, cf_cell_view v)
{
    if (is_rule_edit(e->kind)) {
        v.note = e->kind == CF_EDIT_WAIVE && e->note ? e->note : "";
        return v;
    }
    const cf_cell *x = &r->extracted[e->cell];
    switch (e->kind) {
    case CF_EDIT_SET:
        v.value_state = CF_CELL_NUMBER;
        v.value = e->value;
        v.state = x->state == CF_CELL_NUMBER && cf_decimal_cmp(x->value, e->value) == 0 ? CF_STATE_EXTRACTED
                                                                                         : CF_STATE_CORRECTED;
        /* unsaid, the report decides: printed at the cell's source, the reading was wrong */
        v.correction = v.state != CF_STATE_CORRECTED        ? CF_CORRECTION_NONE
                       : e->correction != CF_CORRECTION_NONE ? e->correction
                       : cf_review_source_shows(r, e->cell, e->value) ? CF_CORRECTION_READ
                                                                      : CF_CORRECTION_FIGURE;
        break;
    case CF_EDIT_CLEAR:
        v.value_state = CF_CELL_MISSING;
        v.value = cf_decimal_from_int(0);
        v.state = CF_STATE_MISSING;
        v.correction = CF_CORRECTION_NONE;
        break;
    case CF_EDIT_REVERT:
        v.value_state = x->state;
        v.value = x->value;
        v.state = state_of_extracted(x);
        v.correction = CF_CORRECTION_NONE;
        break;
    case CF_EDIT_CONFIRM:
        v.state = CF_STATE_CONFIRMED;
        break;
    case CF_EDIT_NOTE:
        v.note = e->note ? e->note : "";
        break;
    default:
        break;
    }
    return v;
}

static bool copy_view(cf_cell_view *dst, const cf_cell_view *src)
{
    *dst = *src;
    dst->note = cf_strdup(src->note ? src->note : "");
    return dst->note != NULL;
}

/* Room for one more entry after the redo tail (which the new entry drops). */
static bool reserve_entry(cf_review *r)
{
    return cf_reserve_one(&r->entries, r->applied, &r->entry_cap, sizeof *r->entries, 16);
}

cf_status cf_review_push_entry(cf_review *r, cf_history_entry *entry, cf_error *err)
{
    if (!reserve_entry(r))
        return cf_error_nomem(err, r->review_path);
    /* a new action drops the redo tail */
    for (size_t i = r->applied; i < r->entry_count; i++)
        free_entry(&r->entries[i]);
    r->entry_count = r->applied;
    r->entries[r->entry_count++] = *entry;
    r->applied = r->entry_count;
    memset(entry, 0, sizeof *entry);
    return CF_OK;
}

/* Copies of the notes that playing e (forward: its after views; back: its before views)
 * puts into the cells: everything that can fail is done before anything changes. */
static char **prepare_play(const cf_history_entry *e, bool forward)
{
    char **notes = cf_calloc(e->edit_count + 1, sizeof *notes);
    for (size_t i = 0; notes && i < e->edit_count; i++) {
        const cf_cell_view *v = forward ? &e->edits[i].after : &e->edits[i].before;
        if (!(notes[i] = cf_strdup(v->note ? v->note : ""))) {
            for (size_t k = 0; k < i; k++)
                cf_free(notes[k]);
            cf_free(notes);
            return NULL;
        }
    }
    return notes;
}

/* Put every edit's after (forward) or before view into the cells; cannot fail. */
static void commit_play(cf_review *r, const cf_history_entry *e, bool forward, char **notes)
{
    for (size_t k = 0; k < e->edit_count; k++) {
        size_t i = forward ? k : e->edit_count - 1 - k;
        const cf_history_edit *h = &e->edits[i];
        if (h->rule) {
            cf_free(r->waivers[h->cell]);
            r->waivers[h->cell] = notes[i];
        } else {
            set_view(r, h->cell, forward ? &h->after : &h->before, notes[i]);
        }
    }
    cf_free(notes);
}

static const char *const EDIT_NAMES[] = {"set", "clear", "revert", "confirm", "note", "waive", "unwaive"};

static bool journal_entry_json(cJSON *o, const cf_review *r, const cf_history_entry *e, const cf_edit *edits)
{
    cJSON *arr = cJSON_AddArrayToObject(o, "edits");
    bool ok = arr && cJSON_AddStringToObject(o, "op", "apply") && cJSON_AddStringToObject(o, "who", e->who) &&
              cJSON_AddStringToObject(o, "at", e->at) && cJSON_AddStringToObject(o, "action", e->action) &&
              (!e->reason || cJSON_AddStringToObject(o, "reason", e->reason));
    for (size_t i = 0; ok && i < e->edit_count; i++) {
        cJSON *x = cJSON_CreateObject();
        char num[32];
        ok = x && cJSON_AddItemToArray(arr, x) &&
             (is_rule_edit(edits[i].kind)
                  ? cJSON_AddStringToObject(x, "rule", cf_template_rule(r->tpl, edits[i].cell)->id) != NULL
                  : cJSON_AddStringToObject(x, "cell", cf_template_cell(r->tpl, edits[i].cell)->id) != NULL) &&
             cJSON_AddStringToObject(x, "kind", EDIT_NAMES[edits[i].kind]) &&
             (edits[i].kind != CF_EDIT_SET ||
              (cJSON_AddStringToObject(x, "value", cf_decimal_format(edits[i].value, num)) &&
               /* "" when the value is the one read: no correction */
               cJSON_AddStringToObject(x, "correction", cf_correction_name(e->edits[i].after.correction)))) &&
             ((edits[i].kind != CF_EDIT_NOTE && edits[i].kind != CF_EDIT_WAIVE) ||
              cJSON_AddStringToObject(x, "note", edits[i].note ? edits[i].note : ""));
        if (!x)
            ok = false;
    }
    return ok;
}

/* A journal record is one line of JSON that ends with its checksum: ,"sum":"…"} where … is
 * the first 16 hex digits of the SHA-256 of the line's bytes before the comma. */
#define SUM_KEY ",\"sum\":\""
#define SUM_DIGITS 16
#define SUM_TAIL (sizeof SUM_KEY - 1 + SUM_DIGITS + 2)

static void record_sum(const char *text, size_t len, char out[SUM_DIGITS + 1])
{
    cf_sha256 h;
    char hex[65];
    cf_sha256_init(&h);
    cf_sha256_update(&h, text, len);
    cf_sha256_hex(&h, hex);
    memcpy(out, hex, SUM_DIGITS);
    out[SUM_DIGITS] = '\0';
}

/* The time in a file name: no ':' (Windows shares refuse it), "2026-12-01T084500Z". */
static void name_stamp(const cf_review *r, char at[32])
{
    char now[32];
    r->now(now, r->now_ctx);
    size_t k = 0;
    for (size_t i = 0; now[i] && k < 31; i++)
        if (now[i] != ':')
            at[k++] = now[i];
    at[k] = '\0';
}

/* Copy the journal's good records into a fresh journal, keeping the whole damaged one beside
 * it as "….journal.damaged-TIME-SEQ", so that a new record never follows a damaged one. */
static cf_status repair_journal(cf_review *r, cf_error *err)
{
    cf_buf all, aside;
    cf_buf_init(&all);
    cf_buf_init(&aside);
    bool absent = false;
    struct stat link;
    /* a link planted as the journal is never followed: the repair would replace its target */
    cf_status st = lstat(r->journal_path, &link) == 0 && S_ISLNK(link.st_mode)
                       ? cf_error_set(err, CF_ERR_IO, r->journal_path, 0, 0, _("cannot open the journal: %s"),
                                      _("it is a symbolic link"))
                       : cf_file_read(r->journal_path, N_("journal"), (size_t)-1 / 2, &all, &absent, err);
    if (st != CF_OK && absent)
        st = CF_OK; /* nothing to keep */
    else if (st == CF_OK) {
        char at[32];
        name_stamp(r, at);
        st = cf_buf_printf(&aside, "%s.damaged-%s-%llu", r->journal_path, at, (unsigned long long)r->next_seq)
                 ? cf_file_replace(r->io, aside.data, all.data ? all.data : "", all.len, err)
                 : cf_error_nomem(err, r->journal_path);
        if (st == CF_OK)
            st = cf_file_replace(r->io, r->journal_path, all.data ? all.data : "",
                                 r->journal_good_bytes < all.len ? r->journal_good_bytes : all.len, err);
    }
    cf_buf_release(&all);
    cf_buf_release(&aside);
    if (st == CF_OK)
        r->journal_damaged = false;
    return st;
}

/* Append one record to the journal (version, sequence number and checksum added), fsync'd. */
static cf_status journal_write(cf_review *r, cJSON *record, cf_error *err)
{
    if (r->journal_damaged) {
        cf_status st = repair_journal(r, err);
        if (st != CF_OK)
            return st;
    }
    if (!cJSON_AddNumberToObject(record, "v", CF_JOURNAL_RECORD_VERSION) ||
        !cJSON_AddNumberToObject(record, "seq", (double)r->next_seq))
        return cf_error_nomem(err, r->journal_path);
    char *body = cJSON_PrintUnformatted(record);
    if (!body)
        return cf_error_nomem(err, r->journal_path);
    size_t body_len = strlen(body) - 1; /* without its closing brace */
    char sum[SUM_DIGITS + 1];
    record_sum(body, body_len, sum);
    cf_buf b;
    cf_buf_init(&b);
    bool ok = cf_buf_append(&b, body, body_len) && cf_buf_printf(&b, SUM_KEY "%s\"}\n", sum);
    cJSON_free(body);
    if (!ok) {
        cf_buf_release(&b);
        return cf_error_nomem(err, r->journal_path);
    }
    cf_status st = cf_file_append_synced(r->io, r->journal_path, b.data, b.len, err);
    if (st != CF_OK) {
        r->journal_damaged = true; /* a part of the record may be there */
    } else {
        r->journal_good_bytes += b.len;
        r->last_seq = r->next_seq++;
    }
    cf_buf_release(&b);
    return st;
}

/* Build the history entry for edits, applying nothing yet. */
static cf_status make_entry(cf_review *r, const char *action, const char *reason, const char *who, const char *at,
                            const cf_edit *edits, size_t count, cf_history_entry *e, cf_error *err)
{
    memset(e, 0, sizeof *e);
    e->who = cf_strdup(who);
    e->at = cf_strdup(at);
    e->action = cf_strdup(action ? action : "edit");
    e->reason = reason && reason[0] ? cf_strdup(reason) : NULL;
    e->edits = cf_calloc(count ? count : 1, sizeof *e->edits);
    bool ok = e->who && e->at && e->action && e->edits && (!reason || !reason[0] || e->reason);
    /* later edits of the same cell (or rule, after the cells) see the earlier ones */
    size_t slots = r->cell_count + cf_template_rule_count(r->tpl);
    cf_cell_view *pending = cf_calloc(slots + 1, sizeof *pending);
    bool *touched = cf_calloc(slots + 1, sizeof *touched);
    ok = ok && pending && touched;
    for (size_t i = 0; ok && i < count; i++) {
        bool rule = is_rule_edit(edits[i].kind);
        size_t c = rule ? r->cell_count + edits[i].cell : edits[i].cell;
        cf_cell_view now = rule ? (cf_cell_view){.note = r->waivers[edits[i].cell]} : cf_review_cell(r, c);
        cf_cell_view before = touched[c] ? pending[c] : now;
        cf_cell_view after = after_edit(r, &edits[i], before);
        cf_history_edit *h = &e->edits[e->edit_count];
        h->cell = edits[i].cell;
        h->rule = rule;
        ok = copy_view(&h->before, &before) && copy_view(&h->after, &after);
        if (ok) {
            e->edit_count++;
            pending[c] = h->after;
            touched[c] = true;
        } else {
            cf_free((char *)h->before.note);
        }
    }
    cf_free(pending);
    cf_free(touched);
    if (!ok) {
        free_entry(e);
        return cf_error_nomem(err, r->review_path);
    }
    return CF_OK;
}

static cf_status check_edits(const cf_review *r, const cf_edit *edits, size_t count, cf_error *err)
{
    for (size_t i = 0; i < count; i++) {
        if (is_rule_edit(edits[i].kind)) {
            if (edits[i].cell >= cf_template_rule_count(r->tpl))
                return cf_error_set(err, CF_ERR_USAGE, r->review_path, 0, 0, _("no such rule"));
            if (edits[i].kind == CF_EDIT_WAIVE && (!edits[i].note || !edits[i].note[0]))
                return cf_error_set(err, CF_ERR_USAGE, r->review_path, 0, 0,
                                    _("a waiver needs a note saying why the broken rule is accepted"));
            continue;
        }
        if (edits[i].cell >= r->cell_count || (unsigned)edits[i].kind > CF_EDIT_UNWAIVE)
            return cf_error_set(err, CF_ERR_USAGE, r->review_path, 0, 0, _("no such cell or edit"));
        if (edits[i].kind != CF_EDIT_SET)
            continue;
        const cf_cell_def *def = cf_template_cell(r->tpl, edits[i].cell);
        cf_value_kind kind = cf_template_table(r->tpl, def->table)->columns[def->column].kind;
        if (kind != CF_KIND_DECIMAL && !cf_decimal_is_integer(edits[i].value))
            return cf_error_set(err, CF_ERR_USAGE, r->review_path, 0, 0, _("%s takes a whole number"), def->id);
        if (kind == CF_KIND_COUNT && cf_decimal_is_negative(edits[i].value))
            return cf_error_set(err, CF_ERR_USAGE, r->review_path, 0, 0, _("%s is a count: it cannot be negative"),
                                def->id);
    }
    return CF_OK;
}

/* Every text of a change is UTF-8 before the change is acknowledged: the review file holds
 * nothing else, and one bad note would make every later save fail. */
static cf_status check_texts(const cf_review *r, const char *action, const char *reason, const char *who,
                             const char *at, const cf_edit *edits, size_t count, cf_error *err)
{
    bool ok = valid_text(action) && valid_text(reason) && valid_text(who) && valid_text(at);
    for (size_t i = 0; ok && i < count; i++)
        ok = valid_text(edits[i].note);
    return ok ? CF_OK
              : cf_error_set(err, CF_ERR_USAGE, r->review_path, 0, 0, "%s",
                             _("a note, reason or name of this change is not valid UTF-8: the change is refused"));
}

/* A change after a sign-off withdraws it: what was approved is no longer what the review holds.
 * Cannot fail (the record is in the sign-off itself). */
static void withdraw_approval(cf_review *r, const char *because, const char *who, const char *at)
{
    cf_approval *a = r->approval_count ? &r->approvals[r->approval_count - 1] : NULL;
    if (!a || a->withdrawn)
        return;
    a->withdrawn = true;
    snprintf(a->withdrawn_at, sizeof a->withdrawn_at, "%s", at);
    snprintf(a->withdrawn_by, sizeof a->withdrawn_by, "%s", who);
    snprintf(a->withdrawn_because, sizeof a->withdrawn_because, "%s", because);
}

/* Apply, optionally journaling first (replay does not journal again). */
static cf_status apply_entry(cf_review *r, const char *action, const char *reason, const char *who, const char *at,
                             const cf_edit *edits, size_t count, bool journal, cf_error *err)
{
    cf_status st = check_texts(r, action, reason, who, at, edits, count, err);
    if (st == CF_OK)
        st = check_edits(r, edits, count, err);
    if (st != CF_OK)
        return st;
    cf_history_entry e;
    st = make_entry(r, action, reason, who, at, edits, count, &e, err);
    if (st != CF_OK)
        return st;
    /* all that can run out of memory happens before the journal says the change is done */
    char **notes = reserve_entry(r) ? prepare_play(&e, true) : NULL;
    if (!notes) {
        free_entry(&e);
        return cf_error_nomem(err, r->review_path);
    }
    if (journal) {
        cJSON *rec = cJSON_CreateObject();
        st = rec && journal_entry_json(rec, r, &e, edits) ? journal_write(r, rec, err)
                                                         : cf_error_nomem(err, r->journal_path);
        cJSON_Delete(rec);
        if (st != CF_OK) {
            for (size_t i = 0; i < e.edit_count; i++)
                cf_free(notes[i]);
            cf_free(notes);
            free_entry(&e);
            return st;
        }
    }
    e.seq = r->last_seq;
    cf_review_push_entry(r, &e, err); /* cannot fail: room was reserved */
    commit_play(r, &r->entries[r->applied - 1], true, notes);
    snprintf(r->updated, sizeof r->updated, "%s", r->entries[r->applied - 1].at);
    withdraw_approval(r, action, who, at);
    r->dirty = true;
    return CF_OK;
}

cf_status cf_review_apply(cf_review *review, const char *action, const char *reason, const cf_edit *edits,
                          size_t count, cf_error *err)
{
    char at[32];
    review->now(at, review->now_ctx);
    return apply_entry(review, action, reason, review->reviewer, at, edits, count, true, err);
}

/* Undo (or redo) one entry; journal says whether to record it. When replaying, entry (not
 * NULL) is the sequence number of the entry the record played, which must be the one played. */
static cf_status step(cf_review *r, bool forward, bool journal, const uint64_t *entry, cf_error *err)
{
    if (!forward && !cf_review_can_undo(r) && r->applied > 0)
        return cf_error_set(err, CF_ERR_USAGE, r->review_path, 0, 0, "%s",
                            _("the earlier changes are saved in the review file and are not undone: "
                              "revert or set the cell again, which is recorded as a new change"));
    if (forward ? !cf_review_can_redo(r) : !cf_review_can_undo(r))
        return cf_error_set(err, CF_ERR_USAGE, r->review_path, 0, 0, "%s",
                            forward ? _("nothing to redo") : _("nothing to undo"));
    size_t index = forward ? r->applied : r->applied - 1;
    const cf_history_entry *e = &r->entries[index];
    if (entry && e->seq != *entry)
        return cf_error_set(err, CF_ERR_INPUT, r->journal_path, 0, 0,
                            forward ? _("it redoes change %llu, but the change to redo is %llu")
                                    : _("it undoes change %llu, but the change to undo is %llu"),
                            (unsigned long long)*entry, (unsigned long long)e->seq);
    char **notes = prepare_play(e, forward);
    if (!notes)
        return cf_error_nomem(err, r->review_path);
    if (journal) {
        cJSON *rec = cJSON_CreateObject();
        cf_status st = rec && cJSON_AddStringToObject(rec, "op", forward ? "redo" : "undo") &&
                               cJSON_AddNumberToObject(rec, "entry", (double)e->seq)
                           ? journal_write(r, rec, err)
                           : cf_error_nomem(err, r->journal_path);
        cJSON_Delete(rec);
        if (st != CF_OK) {
            for (size_t i = 0; i < e->edit_count; i++)
                cf_free(notes[i]);
            cf_free(notes);
            return st;
        }
    }
    commit_play(r, e, forward, notes);
    r->applied = forward ? r->applied + 1 : r->applied - 1;
    char at[32];
    r->now(at, r->now_ctx);
    withdraw_approval(r, forward ? "redo" : "undo", r->reviewer, at);
    r->dirty = true;
    return CF_OK;
}

cf_status cf_review_undo(cf_review *review, cf_error *err) { return step(review, false, true, NULL, err); }
cf_status cf_review_redo(cf_review *review, cf_error *err) { return step(review, true, true, NULL, err); }

/* ---------- sign-off ---------- */

void cf_review_cells_sha256(const cf_review *review, char out[65])
{
    cf_sha256 ctx;
    cf_sha256_init(&ctx);
    /* one line a cell and a waiver, fields apart by a tab: no two reviews give the same bytes */
    for (size_t i = 0; i < review->cell_count; i++) {
        cf_cell_view v = cf_review_cell(review, i);
        char value[32], line[128];
        snprintf(line, sizeof line, "%s\t%s\t%s\t%s\t", cf_template_cell(review->tpl, i)->id,
                 v.value_state == CF_CELL_NUMBER ? cf_decimal_format(v.value, value)
                 : v.value_state == CF_CELL_NA   ? "/"
                                                 : "",
                 cf_review_state_name(v.state), cf_correction_name(v.correction));
        cf_sha256_update(&ctx, line, strlen(line));
        cf_sha256_update(&ctx, v.note, strlen(v.note) + 1); /* its NUL ends it */
    }
    for (size_t i = 0; i < cf_template_rule_count(review->tpl); i++) {
        const char *id = cf_template_rule(review->tpl, i)->id;
        cf_sha256_update(&ctx, id, strlen(id) + 1);
        cf_sha256_update(&ctx, review->waivers[i], strlen(review->waivers[i]) + 1);
    }
    cf_sha256_hex(&ctx, out);
}

bool cf_review_push_approval(cf_review *review, const cf_approval *approval)
{
    cf_approval *grown = cf_realloc(review->approvals, (review->approval_count + 1) * sizeof *grown);
    if (!grown)
        return false;
    review->approvals = grown;
    review->approvals[review->approval_count++] = *approval;
    return true;
}

cf_status cf_review_approve(cf_review *review, const char *note, cf_error *err)
{
    if (!valid_text(note))
        return cf_error_set(err, CF_ERR_USAGE, review->review_path, 0, 0, "%s",
                            _("a note, reason or name of this change is not valid UTF-8: the change is refused"));
    cf_approval a = {0};
    snprintf(a.who, sizeof a.who, "%s", review->reviewer);
    review->now(a.at, review->now_ctx);
    snprintf(a.document_sha256, sizeof a.document_sha256, "%s", cf_text_sha256(review->text));
    cf_review_cells_sha256(review, a.cells_sha256);
    if (!(a.note = cf_strdup(note ? note : "")) || !cf_review_push_approval(review, &a)) {
        cf_free(a.note);
        return cf_error_nomem(err, review->review_path);
    }
    bool was_dirty = review->dirty;
    review->dirty = true; /* the sign-off is a change to save */
    cf_status st = cf_review_save(review, err);
    if (st != CF_OK) { /* not on disk: not recorded */
        cf_free(review->approvals[--review->approval_count].note);
        review->dirty = was_dirty;
    }
    return st;
}

size_t cf_review_approval_count(const cf_review *review) { return review->approval_count; }
const cf_approval *cf_review_approval(const cf_review *review, size_t i) { return &review->approvals[i]; }

const cf_approval *cf_review_approved(const cf_review *review)
{
    const cf_approval *a = review->approval_count ? &review->approvals[review->approval_count - 1] : NULL;
    return a && !a->withdrawn ? a : NULL;
}

void cf_review_mark_saved(cf_review *review)
{
    for (size_t i = review->applied; i < review->entry_count; i++)
        free_entry(&review->entries[i]);
    review->entry_count = review->applied;
    review->saved_entries = review->applied;
    review->dirty = false;
}

/* ---------- the journal on open ---------- */

long cf_review_find_rule(const cf_review *review, const char *id)
{
    for (size_t i = 0; i < cf_template_rule_count(review->tpl); i++)
        if (strcmp(cf_template_rule(review->tpl, i)->id, id) == 0)
            return (long)i;
    return -1;
}

/* A whole number in JSON (0 … 2^53, where a double still holds every integer), or false. */
static bool json_count(const cJSON *n, uint64_t *out)
{
    if (!cJSON_IsNumber(n) || !(n->valuedouble >= 0 && n->valuedouble <= 9007199254740992.0))
        return false;
    *out = (uint64_t)n->valuedouble;
    return (double)*out == n->valuedouble;
}

static cf_status replay_record(cf_review *r, cJSON *rec, int version, long line, cf_error *err)
{
    const char *op = cJSON_GetStringValue(cJSON_GetObjectItem(rec, "op"));
    bool undo = op && strcmp(op, "undo") == 0, redo = op && strcmp(op, "redo") == 0;
    if (undo || redo) {
        /* format 1 named no entry: it played whichever was next */
        uint64_t entry;
        if (version >= 2 && !json_count(cJSON_GetObjectItem(rec, "entry"), &entry))
            return cf_error_set(err, CF_ERR_INPUT, r->journal_path, line, 0, "%s",
                                _("an undo or redo that names no change"));
        return step(r, redo, false, version >= 2 ? &entry : NULL, err);
    }
    cJSON *arr = cJSON_GetObjectItem(rec, "edits");
    const char *who = cJSON_GetStringValue(cJSON_GetObjectItem(rec, "who"));
    const char *at = cJSON_GetStringValue(cJSON_GetObjectItem(rec, "at"));
    if (!op || strcmp(op, "apply") != 0 || !cJSON_IsArray(arr) || !who || !at)
        return cf_error_set(err, CF_ERR_INPUT, r->journal_path, line, 0, _("not a journal record"));
    size_t count = (size_t)cJSON_GetArraySize(arr);
    cf_edit *edits = cf_calloc(count ? count : 1, sizeof *edits);
    if (!edits)
        return cf_error_nomem(err, r->journal_path);
    cf_status st = CF_OK;
    size_t i = 0;
    for (cJSON *x = arr->child; x && st == CF_OK; x = x->next, i++) {
        const char *cell = cJSON_GetStringValue(cJSON_GetObjectItem(x, "cell"));
        const char *rule = cJSON_GetStringValue(cJSON_GetObjectItem(x, "rule"));
        const char *kind = cJSON_GetStringValue(cJSON_GetObjectItem(x, "kind"));
        long idx = cell ? cf_template_find_cell(r->tpl, cell) : rule ? cf_review_find_rule(r, rule) : -1;
        long k = -1;
        for (size_t n = 0; kind && n < sizeof EDIT_NAMES / sizeof *EDIT_NAMES; n++)
            if (strcmp(kind, EDIT_NAMES[n]) == 0)
                k = (long)n;
        if (idx < 0 || k < 0) {
            st = cf_error_set(err, CF_ERR_INPUT, r->journal_path, line, 0, _("unknown cell or edit in a journal record"));
            break;
        }
        edits[i].cell = (size_t)idx;
        edits[i].kind = (cf_edit_kind)k;
        edits[i].note = cJSON_GetStringValue(cJSON_GetObjectItem(x, "note"));
        const char *value = cJSON_GetStringValue(cJSON_GetObjectItem(x, "value"));
        /* records of version 3 say the kind of every set; a version 2 set without one was written
         * before the kind was recorded, and stays unrecorded */
        const char *correction = cJSON_GetStringValue(cJSON_GetObjectItem(x, "correction"));
        edits[i].correction = correction ? CF_CORRECTION_NONE : CF_CORRECTION_UNRECORDED;
        if (correction && !cf_correction_parse(correction, &edits[i].correction))
            st = cf_error_set(err, CF_ERR_INPUT, r->journal_path, line, 0, _("a journal record has an unknown kind of correction"));
        else if (!correction && version >= 3 && edits[i].kind == CF_EDIT_SET)
            st = cf_error_set(err, CF_ERR_INPUT, r->journal_path, line, 0, _("a journal record sets a value without its kind of correction"));
        else if (edits[i].kind == CF_EDIT_SET &&
            (!value || cf_decimal_parse(value, strlen(value), &edits[i].value) != CF_DEC_OK))
            st = cf_error_set(err, CF_ERR_INPUT, r->journal_path, line, 0, _("a journal record has no usable value"));
    }
    if (st == CF_OK)
        st = apply_entry(r, cJSON_GetStringValue(cJSON_GetObjectItem(rec, "action")),
                         cJSON_GetStringValue(cJSON_GetObjectItem(rec, "reason")), who, at, edits, count, false, err);
    cf_free(edits);
    return st;
}

/* One line of the journal as a record: its version (1: no version, no checksum; 0: not JSON)
 * and, for versions 2 and 3, a checksum that matches. NULL with *why when it is not one. Caller frees. */
static cJSON *read_record(const char *line, size_t len, int *version, const char **why)
{
    cJSON *rec = cJSON_ParseWithLength(line, len);
    *why = NULL;
    *version = 0;
    if (!cJSON_IsObject(rec)) {
        *why = _("is not a journal record");
    } else if (!cJSON_GetObjectItem(rec, "v")) {
        *version = 1;
    } else if (!cJSON_IsNumber(cJSON_GetObjectItem(rec, "v")) ||
               (cJSON_GetObjectItem(rec, "v")->valuedouble != 2 &&
                cJSON_GetObjectItem(rec, "v")->valuedouble != CF_JOURNAL_RECORD_VERSION)) {
        *why = _("is of a format this crossfoot does not know (written by a newer one?)");
    } else {
        char sum[SUM_DIGITS + 1];
        if (len < SUM_TAIL || memcmp(line + len - SUM_TAIL, SUM_KEY, sizeof SUM_KEY - 1) != 0) {
            *why = _("has no checksum");
        } else {
            record_sum(line, len - SUM_TAIL, sum);
            if (memcmp(sum, line + len - SUM_TAIL + sizeof SUM_KEY - 1, SUM_DIGITS) != 0)
                *why = _("was changed or damaged (its checksum does not match)");
        }
        *version = (int)cJSON_GetObjectItem(rec, "v")->valuedouble;
    }
    if (*why) {
        cJSON_Delete(rec);
        return NULL;
    }
    return rec;
}

/* True when the journal line at p (before end) is a complete record of format 1. */
static bool next_is_format_1(const char *p, const char *end)
{
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    int version;
    const char *why;
    cJSON *rec = nl ? read_record(p, (size_t)(nl - p), &version, &why) : NULL;
    cJSON_Delete(rec);
    return rec && version == 1;
}

/* Read the journal: count (and with apply, replay) the records after the review file's, up
 * to the first that is cut short, damaged, out of sequence or cannot be replayed; that one
 * and the rest are reported (cf_review_journal_problem) and set aside at the next write. */
static cf_status scan_journal(cf_review *r, bool apply, size_t *pending, cf_error *err)
{
    *pending = 0;
    cf_free(r->journal_problem);
    r->journal_problem = NULL;
    r->journal_damaged = false;
    r->journal_good_bytes = 0;
    cf_buf all;
    cf_buf_init(&all);
    bool absent;
    cf_status read = cf_file_read(r->journal_path, N_("journal"), (size_t)-1 / 2, &all, &absent, err);
    if (read != CF_OK) {
        cf_buf_release(&all);
        return absent ? CF_OK : read; /* no journal: nothing was left unsaved */
    }
    cf_status st = CF_OK;
    long record = 0;
    bool checked = false; /* a record with a checksum was read: every later one needs one */
    uint64_t expected = 0;
    bool numbered = false;
    cf_buf why;
    cf_buf_init(&why);
    cf_error replay_err;
    size_t at = 0;
    while (at < all.len && st == CF_OK && why.len == 0) {
        char *p = all.data + at, *nl = memchr(p, '\n', all.len - at);
        size_t len = nl ? (size_t)(nl - p) : all.len - at;
        record++;
        if (!nl) {
            cf_buf_puts(&why, _("was cut short (the program stopped while writing it: it was never acknowledged)"));
            break;
        }
        int version = 0;
        const char *bad;
        cJSON *rec = read_record(p, len, &version, &bad);
        uint64_t seq = 0;
        if (!rec && version == 0 && !checked && next_is_format_1(nl + 1, all.data + all.len)) {
            /* format 1 went on after a line cut short by a crash: that line was never acknowledged */
            at += len + 1;
            r->journal_good_bytes = at;
            continue;
        }
        if (!rec)
            cf_buf_puts(&why, bad);
        else if (version == 1 && checked)
            cf_buf_puts(&why, _("has no checksum"));
        else if (!json_count(cJSON_GetObjectItem(rec, "seq"), &seq))
            cf_buf_puts(&why, _("has no sequence number"));
        else if (numbered && seq != expected)
            cf_buf_printf(&why, _("is number %llu where %llu was expected (a record is missing, or the numbers were changed)"),
                          (unsigned long long)seq, (unsigned long long)expected);
        else if (!numbered && seq > r->saved_seq)
            cf_buf_printf(&why, _("is number %llu, but the review file holds the records before %llu only "
                                  "(its journal_seq was changed, or records are missing)"),
                          (unsigned long long)seq, (unsigned long long)r->saved_seq);
        if (why.len == 0 && seq >= r->saved_seq) {
            if (apply) {
                uint64_t last = r->last_seq;
                r->last_seq = seq; /* the entry a replayed change makes is known by its record's number */
                cf_error_clear(&replay_err);
                cf_status played = replay_record(r, rec, version, record, &replay_err);
                if (played == CF_ERR_NOMEM) {
                    st = cf_error_nomem(err, r->journal_path);
                } else if (played != CF_OK) {
                    r->last_seq = last;
                    cf_buf_printf(&why, _("cannot be replayed: %s"), replay_err.message);
                }
            }
            if (why.len == 0 && st == CF_OK)
                (*pending)++;
        }
        if (why.len == 0 && st == CF_OK) {
            checked = checked || version >= 2;
            numbered = true;
            expected = seq + 1;
            if (expected > r->next_seq)
                r->next_seq = expected;
            at += len + 1;
            r->journal_good_bytes = at;
        }
        cJSON_Delete(rec);
    }
    if (st == CF_OK && why.len == 0 && numbered && expected < r->saved_seq)
        cf_buf_printf(&why, _("is missing: the journal ends before the review file's record %llu, so it is older than the review file"),
                      (unsigned long long)r->saved_seq);
    if (st == CF_OK && why.len > 0) {
        r->journal_damaged = true;
        cf_buf msg;
        cf_buf_init(&msg);
        if (cf_buf_printf(&msg, _("journal record %ld %s; the records before it are kept, it and the rest are set aside"),
                          record, why.data))
            r->journal_problem = cf_buf_take(&msg);
        cf_buf_release(&msg);
    }
    cf_buf_release(&why);
    cf_buf_release(&all);
    return st;
}

const char *cf_review_journal_problem(const cf_review *review) { return review->journal_problem; }

void cf_review_retire_journal(cf_review *review)
{
    cf_error ignored;
    if (review->journal_damaged) {
        /* nothing good is left in it, but what is damaged is kept for a person to look at */
        review->journal_good_bytes = 0;
        if (repair_journal(review, &ignored) != CF_OK)
            return;
    }
    if (cf_file_remove(review->io, review->journal_path, &ignored) == CF_OK)
        review->journal_good_bytes = 0;
}

cf_status cf_review_decline_journal(cf_review *review, char **kept_as, cf_error *err)
{
    char at[32];
    name_stamp(review, at);
    cf_buf aside;
    cf_buf_init(&aside);
    if (!cf_buf_printf(&aside, "%s.declined-%s", review->journal_path, at))
        return cf_error_nomem(err, review->journal_path);
    if (review->io->rename(review->io->ctx, review->journal_path, aside.data) != 0) {
        cf_buf_release(&aside);
        return cf_error_set(err, CF_ERR_IO, review->journal_path, 0, 0, "%s", _("cannot set the journal aside"));
    }
    review->journal_damaged = false;
    review->journal_good_bytes = 0;
    /* the declined records are gone from the journal: the next one follows the review file's */
    review->next_seq = review->saved_seq;
    if (kept_as)
        *kept_as = cf_buf_take(&aside);
    cf_buf_release(&aside);
    return CF_OK;
}

struct cf_previous {
    cf_text *text;
    cf_template **tpls;
    size_t ntpls;
    cf_report *report;
    cf_review *review;
    char *path;
    cf_year year;
};

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcmp(s + n - k, suffix) == 0;
}

cf_status cf_previous_load(const char *path, cf_previous **out, cf_error *err)
{
    cf_previous *p = cf_calloc(1, sizeof *p);
    *out = NULL;
    if (!p || !(p->path = cf_strdup(path))) {
        cf_free(p);
        return cf_error_nomem(err, path);
    }
    cf_status st;
    if (ends_with(path, ".yaml")) {
        st = cf_review_load(path, false, NULL, &p->review, err);
        if (st == CF_OK)
            p->year = (cf_year){cf_review_template(p->review), cf_review_current_cells(p->review), p->path};
    } else {
        st = cf_document_load(path, &p->text, err);
        if (st == CF_OK)
            st = cf_template_load_builtin(&p->tpls, &p->ntpls, err);
        if (st == CF_OK)
            st = cf_extract(p->text, p->tpls, p->ntpls, &p->report, err);
        if (st == CF_OK)
            p->year = (cf_year){cf_report_template(p->report), cf_report_cells(p->report), p->path};
    }
    if (st != CF_OK) {
        cf_previous_free(p);
        return st;
    }
    *out = p;
    return CF_OK;
}

const cf_year *cf_previous_year(const cf_previous *previous) { return &previous->year; }

void cf_previous_free(cf_previous *p)
{
    if (!p)
        return;
    cf_review_free(p->review);
    cf_report_free(p->report);
    for (size_t i = 0; i < p->ntpls; i++)
        cf_template_free(p->tpls[i]);
    cf_free(p->tpls);
    cf_text_free(p->text);
    cf_free(p->path);
    cf_free(p);
}

cf_status cf_review_scan_journal(cf_review *review, size_t *pending, cf_error *err)
{
    return scan_journal(review, false, pending, err);
}

size_t cf_review_journal_pending(cf_review *review)
{
    size_t pending = 0;
    cf_error err;
    scan_journal(review, false, &pending, &err);
    return pending;
}

cf_status cf_review_replay_journal(cf_review *review, size_t *replayed, cf_error *err)
{
    size_t count = 0;
    cf_status st = scan_journal(review, true, &count, err);
    if (replayed)
        *replayed = count;
    return st;
}

/* ---------- what the workbench asks ---------- */

bool cf_review_parse_input(const cf_review *review, size_t cell, const char *text, cf_edit *out, char *why,
                           size_t why_size)
{
    cf_item item;
    memset(out, 0, sizeof *out);
    out->cell = cell;
    out->kind = CF_EDIT_SET;
    if (!cf_cell_parse(text, &item, NULL, 0) || item.kind != CF_ITEM_NUMBER) {
        snprintf(why, why_size, item.kind == CF_ITEM_BAD && item.bad == CF_BAD_SIZE ? _("'%s' is too large to hold exactly")
                                : item.kind == CF_ITEM_EMPTY ? _("nothing typed%s: use x to clear a cell")
                                                             : _("'%s' is not a number"),
                 text);
        return false;
    }
    const cf_cell_def *def = cf_template_cell(review->tpl, cell);
    const cf_column_def *col = &cf_template_table(review->tpl, def->table)->columns[def->column];
    if (col->kind != CF_KIND_DECIMAL && !cf_decimal_is_integer(item.value)) {
        snprintf(why, why_size, _("%s takes a whole number, not %s"), col->label, text);
        return false;
    }
    if (col->kind == CF_KIND_COUNT && cf_decimal_is_negative(item.value)) {
        snprintf(why, why_size, _("%s is a count: it cannot be negative"), col->label);
        return false;
    }
    if (item.unit[0] && col->unit[0] && strcmp(item.unit, col->unit) != 0) {
        snprintf(why, why_size, _("the column is in %s, not %s"), col->unit, item.unit);
        return false;
    }
    out->value = item.value;
    return true;
}

cf_status cf_review_fill_missing(cf_review *review, long table, const char *reason, size_t *changed, cf_error *err)
{
    *changed = 0;
    cf_edit *edits = cf_calloc(review->cell_count + 1, sizeof *edits);
    if (!edits)
        return cf_error_nomem(err, review->review_path);
    size_t n = 0;
    for (size_t i = 0; i < review->cell_count; i++) {
        if (table >= 0 && cf_template_cell(review->tpl, i)->table != (size_t)table)
            continue;
        if (review->current[i].state == CF_CELL_MISSING)
            /* the report prints a blank that means 0: crossfoot's reading is mended, not a figure */
            edits[n++] = (cf_edit){.cell = i, .kind = CF_EDIT_SET, .value = cf_decimal_from_int(0),
                                   .correction = CF_CORRECTION_READ};
    }
    cf_status st = n ? cf_review_apply(review, table >= 0 ? "fill-missing-table" : "fill-missing-report", reason,
                                       edits, n, err)
                     : CF_OK;
    cf_free(edits);
    if (st == CF_OK)
        *changed = n;
    return st;
}
