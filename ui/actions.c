/* SPDX-License-Identifier: GPL-3.0-or-later */
/* actions.c — the workbench's one action table. Key dispatch, the help screen and the
 * `:` command completion are all generated from it, so they cannot drift apart. */
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "export.h"
#include "i18n.h"
#include "wb.h"

/* ---------- moving ---------- */

static const cf_table_def *table_of(const ui_workbench *wb) { return cf_template_table(wb->tpl, wb->table); }

/* The cell of row nearest to column. */
static size_t nearest_in_row(const ui_workbench *wb, size_t row, size_t column)
{
    const cf_row_def *r = &table_of(wb)->rows[row];
    size_t best = r->first_cell;
    size_t best_d = (size_t)-1;
    for (size_t c = 0; c < r->column_count; c++) {
        size_t d = r->columns[c] > column ? r->columns[c] - column : column - r->columns[c];
        if (d < best_d) {
            best_d = d;
            best = r->first_cell + c;
        }
    }
    return best;
}

static void move_rows(ui_workbench *wb, long delta)
{
    if (wb->focus == PANE_RAW) {
        wb->raw_follows = false;
        long top = (long)wb->raw_top + delta;
        long last = (long)cf_text_line_count(wb->text) - 1;
        wb->raw_top = (size_t)(top < 0 ? 0 : top > last ? last : top);
        return;
    }
    const cf_cell_def *def = cf_template_cell(wb->tpl, wb->cell);
    long row = (long)def->row + delta;
    long last = (long)table_of(wb)->row_count - 1;
    row = row < 0 ? 0 : row > last ? last : row;
    ui_select_cell(wb, nearest_in_row(wb, (size_t)row, def->column));
}

static void move_columns(ui_workbench *wb, long delta)
{
    if (wb->focus == PANE_RAW) {
        wb->raw_follows = false;
        wb->raw_left = wb->raw_left + (int)delta * 8 < 0 ? 0 : wb->raw_left + (int)delta * 8;
        return;
    }
    const cf_cell_def *def = cf_template_cell(wb->tpl, wb->cell);
    const cf_row_def *r = &table_of(wb)->rows[def->row];
    size_t at = wb->cell - r->first_cell;
    long next = (long)at + delta;
    next = next < 0 ? 0 : next >= (long)r->column_count ? (long)r->column_count - 1 : next;
    ui_select_cell(wb, r->first_cell + (size_t)next);
}

/* A page of the focused pane at the terminal's size now. */
static int page(ui_workbench *wb)
{
    ui_layout(wb);
    return wb->focus == PANE_RAW ? wb->raw_h : wb->tbl_h - 3;
}

static void act_down(ui_workbench *wb, const char *arg) { move_rows(wb, 1); }
static void act_up(ui_workbench *wb, const char *arg) { move_rows(wb, -1); }
static void act_left(ui_workbench *wb, const char *arg) { move_columns(wb, -1); }
static void act_right(ui_workbench *wb, const char *arg) { move_columns(wb, 1); }
static void act_page_down(ui_workbench *wb, const char *arg) { move_rows(wb, page(wb) > 1 ? page(wb) : 1); }
static void act_page_up(ui_workbench *wb, const char *arg) { move_rows(wb, -(page(wb) > 1 ? page(wb) : 1)); }
static void act_top(ui_workbench *wb, const char *arg) { move_rows(wb, -1000000); }
static void act_bottom(ui_workbench *wb, const char *arg) { move_rows(wb, 1000000); }
static void act_row_start(ui_workbench *wb, const char *arg) { move_columns(wb, -1000); }
static void act_row_end(ui_workbench *wb, const char *arg) { move_columns(wb, 1000); }

static void act_switch_pane(ui_workbench *wb, const char *arg)
{
    wb->focus = wb->focus == PANE_TABLE ? PANE_RAW : PANE_TABLE;
    if (wb->focus == PANE_TABLE)
        wb->raw_follows = true;
    ui_message(wb, CF_ROLE_MESSAGE, wb->focus == PANE_RAW ? _("raw pane: j/k, PgUp/PgDn scroll the report; Tab goes back")
                                                          : _("table pane"));
}

static void show_table(ui_workbench *wb, size_t t)
{
    if (t >= cf_template_table_count(wb->tpl))
        return;
    const cf_table_def *td = cf_template_table(wb->tpl, t);
    /* land on the table's first problem, else its first cell */
    size_t target = td->first_cell;
    for (size_t i = 0; i < wb->problem_count; i++)
        if (cf_template_cell(wb->tpl, wb->problems[i])->table == t) {
            target = wb->problems[i];
            break;
        }
    ui_select_cell(wb, target);
}

static void act_table1(ui_workbench *wb, const char *arg) { show_table(wb, 0); }
static void act_table2(ui_workbench *wb, const char *arg) { show_table(wb, 1); }
static void act_table3(ui_workbench *wb, const char *arg) { show_table(wb, 2); }

static void step_problem(ui_workbench *wb, bool forward)
{
    if (wb->problem_count == 0) {
        ui_message(wb, CF_ROLE_MESSAGE, _("no problems left: every rule holds, no cell is missing and none is suspect"));
        return;
    }
    size_t pick = forward ? wb->problems[0] : wb->problems[wb->problem_count - 1];
    if (forward) {
        for (size_t i = 0; i < wb->problem_count; i++)
            if (wb->problems[i] > wb->cell) {
                pick = wb->problems[i];
                break;
            }
    } else {
        for (size_t i = wb->problem_count; i-- > 0;)
            if (wb->problems[i] < wb->cell) {
                pick = wb->problems[i];
                break;
            }
    }
    ui_select_cell(wb, pick);
}

static void act_next_problem(ui_workbench *wb, const char *arg) { step_problem(wb, true); }
static void act_prev_problem(ui_workbench *wb, const char *arg) { step_problem(wb, false); }

static void act_problems(ui_workbench *wb, const char *arg) { ui_list_open(wb, UI_LIST_PROBLEMS); }
static void act_help(ui_workbench *wb, const char *arg) { ui_list_open(wb, UI_LIST_HELP); }
static void act_cell_popup(ui_workbench *wb, const char *arg) { ui_list_open(wb, UI_LIST_CELL); }
static void act_summary(ui_workbench *wb, const char *arg) { ui_list_open(wb, UI_LIST_SUMMARY); }

/* ---------- changing cells (all through the core review API) ---------- */

static void after_change(ui_workbench *wb, cf_status st, const cf_error *err, const char *done)
{
    if (st != CF_OK) {
        ui_message(wb, CF_ROLE_ERROR, _("not changed: %s"), err->message);
        return;
    }
    ui_refresh_problems(wb);
    if (!wb->assessment) {
        ui_message(wb, CF_ROLE_MESSAGE, "%s", done);
        return;
    }
    cf_assess_counts n = cf_assess_counts_of(wb->assessment);
    char broken[64], missing[64];
    snprintf(broken, sizeof broken, P_("%zu broken rule", "%zu broken rules", n.broken), n.broken);
    snprintf(missing, sizeof missing, P_("%zu missing cell", "%zu missing cells", n.missing), n.missing);
    ui_message(wb, CF_ROLE_MESSAGE, _("%s — %s, %s left"), done, broken, missing);
}

static void apply_one(ui_workbench *wb, const char *action, cf_edit_kind kind, const char *done)
{
    cf_edit e = {.cell = wb->cell, .kind = kind};
    cf_error err;
    after_change(wb, cf_review_apply(wb->review, action, NULL, &e, 1, &err), &err, done);
}

/* The cursor's value as the edit prompt starts from ("" when it has none). */
static const char *current_value(const ui_workbench *wb, char buf[32])
{
    cf_cell_view v = cf_review_cell(wb->review, wb->cell);
    buf[0] = '\0';
    return v.value_state == CF_CELL_NUMBER ? cf_decimal_format(v.value, buf) : buf;
}

static void edit_done(ui_workbench *wb, const char *typed, long arg)
{
    cf_edit e;
    char why[256], was[32];
    if (!cf_review_parse_input(wb->review, wb->cell, typed, &e, why, sizeof why)) {
        current_value(wb, was);
        ui_message(wb, CF_ROLE_ERROR, _("refused: %s (the value stays %s)"), why, was[0] ? was : _("(blank)"));
        return;
    }
    cf_error err;
    cf_status st = cf_review_apply(wb->review, "set", NULL, &e, 1, &err);
    /* the review decided the kind from the report's line: a value it prints there is a read
     * correction; for any other, ask (the value is recorded already, as a figure correction) */
    cf_cell_view v = cf_review_cell(wb->review, e.cell);
    char done[300];
    bool ask = st == CF_OK && v.correction == CF_CORRECTION_FIGURE;
    snprintf(done, sizeof done,
             ask            ? _("set as a %s: the report's line does not print it (r: no, crossfoot misread the "
                                "report · f, Esc: yes)")
             : v.correction ? _("set as a %s (:correction read|figure says otherwise)")
                            : _("set"),
             cf_correction_label(v.correction));
    after_change(wb, st, &err, done);
    wb->asking_kind = ask;
    wb->asking_cell = e.cell;
}

/* Record cell's correction as of kind, as a change of its own (its value stays). */
static void record_kind(ui_workbench *wb, size_t cell, cf_correction kind)
{
    cf_edit e = {.cell = cell, .kind = CF_EDIT_SET, .value = cf_review_cell(wb->review, cell).value, .correction = kind};
    cf_error err;
    char done[200];
    snprintf(done, sizeof done, _("recorded as a %s"), cf_correction_label(kind));
    after_change(wb, cf_review_apply(wb->review, "correction", NULL, &e, 1, &err), &err, done);
}

bool ui_answer_kind(ui_workbench *wb, int key)
{
    if (!wb->asking_kind)
        return false;
    wb->asking_kind = false;
    if (key == 'r')
        record_kind(wb, wb->asking_cell, CF_CORRECTION_READ);
    else if (key == 'f' || key == 27)
        ui_message(wb, CF_ROLE_MESSAGE, _("kept as a %s"), cf_correction_label(CF_CORRECTION_FIGURE));
    return key == 'r' || key == 'f' || key == 27;
}

/* :correction read|figure — which kind the cursor's correction is, recorded as a change of its own:
 * crossfoot misread the report (识别更正), or the report prints a wrong figure (数据更正). */
static void act_correction(ui_workbench *wb, const char *arg)
{
    cf_cell_view v = cf_review_cell(wb->review, wb->cell);
    cf_correction kind = CF_CORRECTION_NONE;
    if (v.state != CF_STATE_CORRECTED) {
        ui_message(wb, CF_ROLE_ERROR, "%s", _("not a corrected cell: only a changed value has a kind of correction"));
        return;
    }
    if (!arg || !cf_correction_parse(arg, &kind) || (kind != CF_CORRECTION_READ && kind != CF_CORRECTION_FIGURE)) {
        ui_message(wb, CF_ROLE_MESSAGE,
                   _("%s; :correction read (crossfoot misread the report) or :correction figure (the report's figure "
                     "is wrong)"),
                   cf_correction_label(v.correction));
        return;
    }
    record_kind(wb, wb->cell, kind);
}

static void act_edit(ui_workbench *wb, const char *arg)
{
    char label[256], prompt[300], initial[32];
    cf_template_cell_label(wb->tpl, wb->cell, label, sizeof label);
    snprintf(prompt, sizeof prompt, "%s = ", label);
    /* the value is shown selected: typing replaces it, arrows and Backspace edit it */
    ui_prompt(wb, prompt, &(ui_prompt_options){.initial = current_value(wb, initial), .select = true}, 512, edit_done, 0);
}

static void act_clear(ui_workbench *wb, const char *arg) { apply_one(wb, "clear", CF_EDIT_CLEAR, _("cleared to missing")); }
static void act_revert(ui_workbench *wb, const char *arg)
{
    apply_one(wb, "revert", CF_EDIT_REVERT, _("back to the extracted value"));
}
static void act_confirm(ui_workbench *wb, const char *arg) { apply_one(wb, "confirm", CF_EDIT_CONFIRM, _("confirmed")); }

static void note_done(ui_workbench *wb, const char *typed, long arg)
{
    cf_edit e = {.cell = wb->cell, .kind = CF_EDIT_NOTE, .note = typed};
    cf_error err;
    after_change(wb, cf_review_apply(wb->review, "note", NULL, &e, 1, &err), &err, typed[0] ? _("note kept") : _("note removed"));
}

static void act_note(ui_workbench *wb, const char *arg)
{
    char label[256], prompt[300];
    cf_template_cell_label(wb->tpl, wb->cell, label, sizeof label);
    snprintf(prompt, sizeof prompt, _("note on %s: "), label);
    ui_prompt(wb, prompt, &(ui_prompt_options){.initial = cf_review_cell(wb->review, wb->cell).note}, 1024, note_done,
              0);
}

/* table: its index, or -1 for every table */
static void fill_done(ui_workbench *wb, const char *reason, long table)
{
    size_t changed;
    cf_error err;
    cf_status st = cf_review_fill_missing(wb->review, table, reason, &changed, &err);
    char done[64];
    snprintf(done, sizeof done, P_("%zu blank cell set to 0 (one undo)", "%zu blank cells set to 0 (one undo)", changed), changed);
    after_change(wb, st, &err, done);
}

static void fill_missing(ui_workbench *wb, long table)
{
    ui_prompt(wb, _("why are the blanks zeros? "), &(ui_prompt_options){.initial = _("a blank in the report means 0")}, 512,
              fill_done, table);
}

static void act_fill_table(ui_workbench *wb, const char *arg) { fill_missing(wb, (long)wb->table); }
static void act_fill_report(ui_workbench *wb, const char *arg) { fill_missing(wb, -1); }

/* The smallest fix, applied as one change: every value it determines, with the reasoning
 * (which the reviewer may edit) as the note of each changed cell. Never applied unasked. */
static void fix_done(ui_workbench *wb, const char *note, long arg)
{
    const cf_fix *f = &wb->suggestion.fixes[0]; /* the fix the prompt was opened for: nothing changes meanwhile */
    cf_edit *edits = cf_calloc(f->count * 2 + 1, sizeof *edits);
    if (!edits) {
        ui_message(wb, CF_ROLE_ERROR, _("out of memory"));
        return;
    }
    size_t n = 0;
    for (size_t i = 0; i < f->count; i++) {
        if (!f->cells[i].determined)
            continue; /* the rules leave it open: the reviewer decides */
        edits[n++] = (cf_edit){.cell = f->cells[i].cell, .kind = CF_EDIT_SET, .value = f->cells[i].value};
        edits[n++] = (cf_edit){.cell = f->cells[i].cell, .kind = CF_EDIT_NOTE, .note = note};
    }
    cf_error err;
    char done[64];
    snprintf(done, sizeof done, P_("fix applied to %zu cell (one undo)", "fix applied to %zu cells (one undo)", n / 2), n / 2);
    after_change(wb, cf_review_apply(wb->review, "fix", note, edits, n, &err), &err, done);
    cf_free(edits);
}

static void act_apply_fix(ui_workbench *wb, const char *arg)
{
    const cf_suggestion *s = &wb->suggestion;
    if (s->count == 0 || s->fixes[0].changes == 0) {
        ui_message(wb, CF_ROLE_MESSAGE, "%s", s->reasoning ? s->reasoning : _("no broken rule: nothing to fix"));
        return;
    }
    ui_prompt(wb, _("note for the fix: "), &(ui_prompt_options){.initial = s->reasoning}, 1024, fix_done, 0);
}

/* The broken rule under the cursor (its first), or -1. */
static long cursor_rule(const ui_workbench *wb, bool waived)
{
    size_t rules[16];
    size_t n = ui_rules_of(wb, wb->cell, rules, 16);
    for (size_t i = 0; i < n; i++)
        if (ui_rule_broken(wb, rules[i]) &&
            (cf_review_waiver(wb->review, rules[i])[0] != '\0') == waived)
            return (long)rules[i];
    return -1;
}

static void waive_done(ui_workbench *wb, const char *why, long rule)
{
    cf_edit e = {.cell = (size_t)rule, .kind = CF_EDIT_WAIVE, .note = why};
    cf_error err;
    after_change(wb, cf_review_apply(wb->review, "waive", why, &e, 1, &err), &err, _("rule waived"));
}

static void act_waive(ui_workbench *wb, const char *arg)
{
    long rule = cursor_rule(wb, false);
    if (rule < 0) {
        ui_message(wb, CF_ROLE_MESSAGE, _("no broken rule here to waive"));
        return;
    }
    char prompt[300];
    const cf_rule_def *def = cf_template_rule(wb->tpl, (size_t)rule);
    snprintf(prompt, sizeof prompt, _("why accept %s = %s [%s] as broken? "), def->left_text, def->right_text,
             def->scope);
    ui_prompt(wb, prompt, &(ui_prompt_options){0}, 1024, waive_done, rule);
}

static void act_unwaive(ui_workbench *wb, const char *arg)
{
    long rule = cursor_rule(wb, true);
    if (rule < 0) {
        ui_message(wb, CF_ROLE_MESSAGE, _("no waived rule here"));
        return;
    }
    cf_edit e = {.cell = (size_t)rule, .kind = CF_EDIT_UNWAIVE};
    cf_error err;
    after_change(wb, cf_review_apply(wb->review, "unwaive", NULL, &e, 1, &err), &err, _("waiver taken back"));
}

size_t ui_describe_entry(const ui_workbench *wb, const cf_history_entry *h, bool undoing, char *out, size_t size)
{
    const cf_history_edit *e = &h->edits[0];
    const cf_cell_view *from = undoing ? &e->after : &e->before, *to = undoing ? &e->before : &e->after;
    size_t others = 0;
    for (size_t i = 1; i < h->edit_count; i++) {
        bool seen = false;
        for (size_t k = 0; k < i && !seen; k++)
            seen = h->edits[k].cell == h->edits[i].cell && h->edits[k].rule == h->edits[i].rule;
        others += !seen && (h->edits[i].cell != e->cell || h->edits[i].rule != e->rule);
    }
    size_t cell;
    if (e->rule) {
        const cf_rule_def *def = cf_template_rule(wb->tpl, e->cell);
        cell = def->left[0];
        snprintf(out, size, to->note[0] ? _("the waiver of %s = %s [%s]") : _("taking back the waiver of %s = %s [%s]"),
                 def->left_text, def->right_text, def->scope);
    } else {
        char label[256], was[32], now[32];
        cell = e->cell;
        cf_template_cell_label(wb->tpl, cell, label, sizeof label);
        bool value_changed = from->value_state != to->value_state ||
                             (from->value_state == CF_CELL_NUMBER &&
                              strcmp(cf_decimal_format(from->value, was), cf_decimal_format(to->value, now)) != 0);
        if (value_changed)
            snprintf(out, size, "%s %s → %s", label, ui_value_text(from->value_state, from->value, was),
                     ui_value_text(to->value_state, to->value, now));
        else if (strcmp(from->note, to->note) != 0 && !to->note[0])
            snprintf(out, size, _("the note on %s removed"), label);
        else if (strcmp(from->note, to->note) != 0)
            snprintf(out, size, _("the note on %s: %s"), label, to->note);
        else
            snprintf(out, size, _("%s marked %s"), label, _(cf_review_state_name(to->state)));
    }
    if (others) {
        size_t used = strlen(out);
        snprintf(out + used, size - used, P_(" and %zu more cell", " and %zu more cells", others), others);
    }
    return cell;
}

/* Undo or redo, saying what it did and moving the cursor to that cell, in whatever table. */
static void step_history(ui_workbench *wb, bool undo)
{
    cf_error err;
    const cf_history_entry *h = NULL;
    char what[600] = "", done[700];
    size_t cell = wb->cell;
    if (undo && cf_review_can_undo(wb->review)) /* described before it is undone: it goes away */
        cell = ui_describe_entry(wb, cf_review_history(wb->review, cf_review_history_count(wb->review) - 1), true, what,
                              sizeof what);
    cf_status st = undo ? cf_review_undo(wb->review, &err) : cf_review_redo(wb->review, &err);
    if (st == CF_OK && !undo && (h = cf_review_history(wb->review, cf_review_history_count(wb->review) - 1)))
        cell = ui_describe_entry(wb, h, false, what, sizeof what);
    snprintf(done, sizeof done, undo ? _("undone: %s") : _("redone: %s"), what);
    after_change(wb, st, &err, done);
    if (st == CF_OK)
        ui_select_cell(wb, cell);
}

static void act_undo(ui_workbench *wb, const char *arg) { step_history(wb, true); }
static void act_redo(ui_workbench *wb, const char *arg) { step_history(wb, false); }

static void act_save(ui_workbench *wb, const char *arg)
{
    cf_error err;
    if (cf_review_save(wb->review, &err) == CF_OK)
        ui_message(wb, CF_ROLE_MESSAGE, _("saved %s"), cf_review_path(wb->review));
    else
        ui_message(wb, CF_ROLE_ERROR, _("NOT saved: %s (your changes are safe in the journal)"), err.message);
}

static void answer_quit(ui_workbench *wb, int key)
{
    if (key == 'y') {
        act_save(wb, NULL);
        wb->quit = !cf_review_dirty(wb->review);
    } else if (key == 'n') {
        wb->quit = true;
    }
}

static void act_quit(ui_workbench *wb, const char *arg)
{
    if (!cf_review_dirty(wb->review)) {
        wb->quit = true;
        return;
    }
    ui_ask(wb, _("Unsaved changes. y: save and quit · n: quit (they stay in the journal) · Esc: stay"), "yn",
           answer_quit);
}

static void act_save_quit(ui_workbench *wb, const char *arg)
{
    act_save(wb, NULL);
    wb->quit = !cf_review_dirty(wb->review);
}

/* Quit at once, unsaved changes and all: they stay in the journal, and the next opening offers
 * to replay them, as after a crash. */
static void act_quit_unsaved(ui_workbench *wb, const char *arg) { wb->quit = true; }

/* ---------- searching the raw text ---------- */

static void search_step(ui_workbench *wb, bool forward)
{
    if (!wb->search[0]) {
        ui_message(wb, CF_ROLE_ERROR, _("no search yet: / searches the report"));
        return;
    }
    size_t from = wb->search_hit ? wb->search_at : cf_text_line_offset(wb->text, wb->raw_top);
    size_t at;
    if (!cf_text_find(wb->text, wb->search, from, forward, &at)) {
        wb->search_hit = false;
        ui_message(wb, CF_ROLE_ERROR, _("not found: %s"), wb->search);
        return;
    }
    wb->search_hit = true;
    wb->search_at = at;
    wb->raw_follows = false;
    ui_layout(wb);
    size_t line = cf_text_line_at(wb->text, at);
    wb->raw_top = line > (size_t)wb->raw_h / 3 ? line - (size_t)wb->raw_h / 3 : 0;
    ui_message(wb, CF_ROLE_MESSAGE, _("found on line %zu"), line + 1);
}

static void search_done(ui_workbench *wb, const char *typed, long arg)
{
    if (!typed[0])
        return;
    snprintf(wb->search, sizeof wb->search, "%s", typed);
    wb->search_hit = false;
    search_step(wb, true);
}

static void act_search(ui_workbench *wb, const char *arg)
{
    if (arg && arg[0]) {
        ui_history_add(&wb->search_history, arg);
        search_done(wb, arg, 0);
        return;
    }
    /* empty, so a new search never runs on from the last one; Up brings back earlier ones */
    ui_prompt(wb, "/", &(ui_prompt_options){.history = &wb->search_history}, sizeof wb->search, search_done, 0);
}

static void act_search_next(ui_workbench *wb, const char *arg) { search_step(wb, true); }
static void act_search_prev(ui_workbench *wb, const char *arg) { search_step(wb, false); }

/* ---------- sign-off ---------- */

/* :approve [NOTE]: sign the review off, saved at once; refused while the assessment has open
 * items, which a list then shows, each whole. */
static void act_approve(ui_workbench *wb, const char *arg)
{
    if (!wb->assessment) {
        ui_message(wb, CF_ROLE_ERROR, _("not approved: the review could not be assessed (out of memory)"));
        return;
    }
    cf_assess_counts n = cf_assess_counts_of(wb->assessment);
    if (!n.approvable) {
        char open[400];
        ui_open_counts(&n, open, sizeof open);
        ui_message(wb, CF_ROLE_ERROR, _("not approved: %s"), open);
        ui_list_open(wb, UI_LIST_OPEN);
        return;
    }
    const cf_approval *now = cf_review_approved(wb->review);
    if (now) {
        ui_message(wb, CF_ROLE_MESSAGE, _("already approved by %s at %s"), now->who, now->at);
        return;
    }
    cf_error err;
    cf_error_clear(&err);
    if (cf_review_approve(wb->review, arg ? arg : "", &err) != CF_OK) {
        ui_message(wb, CF_ROLE_ERROR, _("NOT approved: %s"), err.message);
        return;
    }
    now = cf_review_approved(wb->review);
    ui_message(wb, CF_ROLE_CONFIRMED, _("approved by %s at %s, saved in %s (cells SHA-256 %.12s…)"), now->who, now->at,
               cf_review_path(wb->review), now->cells_sha256);
}

/* ---------- exports ---------- */

/* :export xlsx|csv|md|json [FILE]: the review as it stands, unsaved changes included, to FILE
 * (default: the report's path with the format's extension), as `crossfoot export` writes it. */
static void act_export(ui_workbench *wb, const char *arg)
{
    char name[16] = "", path[1024] = "";
    cf_export_format format;
    if (!arg || sscanf(arg, " %15s %1023[^\n]", name, path) < 1 || !cf_export_format_parse(name, &format)) {
        ui_message(wb, CF_ROLE_ERROR, _("export how? :export xlsx|csv|md|json [FILE]"));
        return;
    }
    if (!path[0])
        snprintf(path, sizeof path, "%s.%s", cf_review_report_path(wb->review),
                 format == CF_EXPORT_MD ? "md" : name);
    cf_error err;
    cf_error_clear(&err);
    /* the findings as the workbench shows them: with last year's report when it has one */
    if (cf_export_write(wb->review, wb->previous, format, path, NULL, &err) != CF_OK) {
        char msg[1200];
        cf_error_format(&err, msg, sizeof msg);
        ui_message(wb, CF_ROLE_ERROR, _("NOT exported: %s"), msg);
        return;
    }
    ui_message(wb, CF_ROLE_MESSAGE, _("exported %s"), path);
}

/* ---------- themes and commands ---------- */

static void act_theme(ui_workbench *wb, const char *arg)
{
    if (!arg || !arg[0]) {
        const char *const *names = cf_theme_builtin_names();
        char list[256] = "";
        for (size_t i = 0; names[i]; i++)
            snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s", i ? ", " : "", names[i]);
        ui_message(wb, CF_ROLE_MESSAGE, _("theme %s; built in: %s (:theme NAME)"), cf_theme_name(wb->theme), list);
        return;
    }
    cf_theme *theme;
    cf_error err;
    if (cf_theme_find(arg, &theme, &err) != CF_OK) {
        char msg[1200];
        cf_error_format(&err, msg, sizeof msg);
        ui_message(wb, CF_ROLE_ERROR, "%s", msg);
        return;
    }
    cf_theme_free(wb->theme);
    wb->theme = theme;
    ui_palette_apply(&wb->palette, wb->theme, wb->no_color);
    ui_message(wb, CF_ROLE_MESSAGE, _("theme %s"), arg);
}

static void complete_command(const char *typed, char *out, size_t size)
{
    size_t count, n = strlen(typed);
    const ui_action *actions = ui_actions(&count);
    const char *match = NULL;
    size_t common = 0;
    for (size_t i = 0; i < count; i++) {
        if (strncmp(actions[i].name, typed, n) != 0)
            continue;
        if (!match) {
            match = actions[i].name;
            common = strlen(match);
        } else {
            size_t k = 0;
            while (k < common && match[k] == actions[i].name[k])
                k++;
            common = k;
        }
    }
    if (match)
        snprintf(out, size, "%.*s", (int)common, match);
    else
        snprintf(out, size, "%s", typed);
}

static void command_done(ui_workbench *wb, const char *text, long arg)
{
    char typed[512];
    snprintf(typed, sizeof typed, "%s", text);
    if (!typed[0])
        return;
    char *space = strchr(typed, ' ');
    const char *rest = NULL;
    if (space) {
        *space = '\0';
        rest = space + 1;
    }
    const ui_action *a = ui_action_named(typed);
    if (!a) {
        ui_message(wb, CF_ROLE_ERROR, _("no action '%s' (Tab completes, ? lists them)"), typed);
        return;
    }
    ui_run_action(wb, a, rest);
}

static void act_command(ui_workbench *wb, const char *arg)
{
    ui_prompt(wb, ":", &(ui_prompt_options){.history = &wb->command_history, .complete = complete_command}, 512,
              command_done, 0);
}

/* ---------- the table ---------- */

#define K(k) UI_KEY(k)
static const ui_action ACTIONS[] = {
    {"move-down", {'j', K(KEY_DOWN)}, "j ↓", N_("next row (in the raw pane: scroll down)"), act_down, false},
    {"move-up", {'k', K(KEY_UP)}, "k ↑", N_("previous row (in the raw pane: scroll up)"), act_up, false},
    {"move-left", {'h', K(KEY_LEFT)}, "h ←", N_("previous column"), act_left, false},
    {"move-right", {'l', K(KEY_RIGHT)}, "l →", N_("next column"), act_right, false},
    {"first-row", {'g', K(KEY_HOME)}, "g Home", N_("first row"), act_top, false},
    {"last-row", {'G', K(KEY_END)}, "G End", N_("last row"), act_bottom, false},
    {"row-start", {'0'}, "0", N_("first cell of the row"), act_row_start, false},
    {"row-end", {'$'}, "$", N_("last cell of the row"), act_row_end, false},
    {"page-down", {K(KEY_NPAGE), UI_CTRL('f')}, "PgDn ^F", N_("a page down"), act_page_down, false},
    {"page-up", {K(KEY_PPAGE), UI_CTRL('b')}, "PgUp ^B", N_("a page up"), act_page_up, false},
    {"switch-pane", {'\t'}, "Tab", N_("between the tables and the raw report"), act_switch_pane, false},
    {"table-1", {'1'}, "1", N_("show table 二 (主动公开)"), act_table1, false},
    {"table-2", {'2'}, "2", N_("show table 三 (申请处理)"), act_table2, false},
    {"table-3", {'3'}, "3", N_("show table 四 (复议诉讼)"), act_table3, false},
    {"next-problem", {']'}, "]", N_("next broken, missing or suspect cell"), act_next_problem, false},
    {"prev-problem", {'['}, "[", N_("previous broken, missing or suspect cell"), act_prev_problem, false},
    {"show-cell", {'K'}, "K", N_("the cell whole: a long note, a waiver's reason, every rule and the fix's reasons"),
     act_cell_popup, false},
    {"summary", {'s'}, "s", N_("the summary: the report, the counts, every change with who and when, the verdict"),
     act_summary, false},
    {"approve", {0}, ":",
     N_("sign the review off (:approve NOTE): saved at once with the document's and the cells' SHA-256; refused while "
        "anything is open; any later change withdraws it"),
     act_approve, false},
    {"export", {0}, ":", N_("write an export from here: :export xlsx|csv|md|json [FILE]"), act_export, false},
    {"correction", {0}, ":",
     N_("the cursor's correction is a read one (crossfoot misread the report) or a figure one (the report is "
        "wrong): :correction read|figure"),
     act_correction, true},
    {"problems", {'p'}, "p", N_("list every broken rule and missing cell; Enter jumps"), act_problems, false},
    {"edit", {'e', '\n', '\r', K(KEY_ENTER)}, "e Enter",
     N_("type a new value: it replaces the one shown; arrows or Backspace edit it (Esc cancels)"), act_edit, true},
    {"clear", {'x'}, "x", N_("clear the cell to missing"), act_clear, true},
    {"revert", {'r'}, "r", N_("back to the value read from the report"), act_revert, true},
    {"confirm", {'c'}, "c", N_("confirm the cell as checked against the report"), act_confirm, true},
    {"note", {'a'}, "a", N_("add or edit the cell's note"), act_note, true},
    {"apply-fix", {'f'}, "f", N_("apply the smallest fix the detail line proposes (one undo; the note says why)"),
     act_apply_fix, true},
    {"waive", {'W'}, "W", N_("accept the broken rule under the cursor, with a note saying why"), act_waive, true},
    {"unwaive", {0}, ":", N_("take back the waiver of the rule under the cursor"), act_unwaive, true},
    {"undo", {'u'}, "u", N_("undo the last change: says what it was and shows its cell"), act_undo, false},
    {"redo", {UI_CTRL('r')}, "^R", N_("redo what was undone, likewise"), act_redo, false},
    {"fill-missing-table", {0}, ":", N_("set every missing cell of this table to 0 (one undo, with a note)"),
     act_fill_table, false},
    {"fill-missing-report", {0}, ":", N_("set every missing cell of the report to 0 (one undo, with a note)"),
     act_fill_report, false},
    {"search", {'/'}, "/", N_("search the raw report (Up/Down: earlier searches)"), act_search, false},
    {"search-next", {'n'}, "n", N_("next match"), act_search_next, false},
    {"search-prev", {'N'}, "N", N_("previous match"), act_search_prev, false},
    {"command", {':'}, ":", N_("run an action by name (Tab completes)"), act_command, false},
    {"help", {'?'}, "?", N_("this list"), act_help, false},
    {"save", {UI_CTRL('s')}, "^S :w", N_("save the review file"), act_save, false},
    {"w", {0}, ":", "save", act_save, false},
    {"quit", {'q'}, "q :q", N_("quit (asks first when there are unsaved changes)"), act_quit, false},
    {"q", {0}, ":", "quit", act_quit, false},
    {"wq", {0}, ":", N_("save and quit"), act_save_quit, false},
    {"x", {0}, ":", N_("save and quit"), act_save_quit, false},
    {"q!", {0}, ":", N_("quit without saving: the changes stay in the journal, offered again at the next opening"),
     act_quit_unsaved, false},
    {"theme", {0}, ":", N_("switch colours: :theme default|light|mono|NAME"), act_theme, false},
};
#undef K

const ui_action *ui_actions(size_t *count)
{
    *count = sizeof ACTIONS / sizeof *ACTIONS;
    return ACTIONS;
}

const ui_action *ui_action_for_key(int key)
{
    for (size_t i = 0; i < sizeof ACTIONS / sizeof *ACTIONS; i++)
        for (size_t k = 0; k < 4 && ACTIONS[i].keys[k]; k++)
            if (ACTIONS[i].keys[k] == key)
                return &ACTIONS[i];
    return NULL;
}

const ui_action *ui_action_named(const char *name)
{
    for (size_t i = 0; i < sizeof ACTIONS / sizeof *ACTIONS; i++)
        if (strcmp(ACTIONS[i].name, name) == 0)
            return &ACTIONS[i];
    return NULL;
}

void ui_run_action(ui_workbench *wb, const ui_action *action, const char *arg)
{
    /* the cursor's cell is out of sight behind the raw pane's focus: acting on it would change
     * a figure the reviewer is not looking at */
    if (action->on_cell && wb->focus == PANE_RAW) {
        ui_message(wb, CF_ROLE_ERROR,
                   _("%s works on a table cell and the raw pane has the focus: Tab returns to the tables"),
                   action->name);
        return;
    }
    action->run(wb, arg);
}
