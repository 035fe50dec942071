/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lists.c — the views that show a list or a text over the panes: help (every action), the
 * problems (Enter jumps to one), the cell popup (K: everything about the cursor's cell,
 * whole), the summary (s). One list view; each kind is a row of the table below. */
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "heading.h"
#include "i18n.h"
#include "wb.h"

typedef struct {
    const char *title; /* N_() */
    const char *empty; /* N_(): said when there is nothing to list */
    bool text;         /* a text to scroll: nothing is selected */
    int close_key;     /* a key that closes it besides Esc and q (the one that opened it), or 0 */
    /* the lines at width columns into lines (room for max); returns how many there are */
    size_t (*fill)(const ui_workbench *wb, int width, ui_popup_line *lines, size_t max);
    void (*enter)(ui_workbench *wb, size_t item); /* Enter on item (after the list closes), or NULL */
} list_kind;

typedef struct {
    ui_view view;
    const list_kind *kind;
    size_t sel, top;
} list_view;

static size_t fill_help(const ui_workbench *wb, int width, ui_popup_line *lines, size_t max)
{
    size_t count;
    const ui_action *actions = ui_actions(&count);
    for (size_t i = 0; i < count && i < max; i++) {
        /* pad the keys by columns, not bytes: "j ↓" is five bytes but three columns */
        const char *keys = actions[i].key_names;
        int pad = 16 - ui_text_width(keys, strlen(keys));
        snprintf(lines[i].text, sizeof lines[i].text, " %s%*s %-22s %s", keys, pad > 0 ? pad : 0, "",
                 actions[i].name, _(actions[i].help));
        lines[i].role = CF_ROLE_NORMAL;
    }
    return count;
}

static size_t fill_problems(const ui_workbench *wb, int width, ui_popup_line *lines, size_t max)
{
    size_t count = ui_problem_items(wb);
    long cell;
    for (size_t i = 0; i < count && i < max; i++)
        if (!ui_problem_item(wb, i, &cell, &lines[i].role, lines[i].text, sizeof lines[i].text)) {
            lines[i].text[0] = '\0';
            lines[i].role = CF_ROLE_NORMAL;
        }
    return count;
}

static void jump_to_problem(ui_workbench *wb, size_t item)
{
    long cell;
    cf_role role;
    char line[1400];
    if (ui_problem_item(wb, item, &cell, &role, line, sizeof line) && cell >= 0)
        ui_select_cell(wb, (size_t)cell);
}

/* text as lines of a list (room for max, *count used), wrapped to width, the lines after the
 * first indented under the field it belongs to. */
static void add_line(ui_popup_line *lines, size_t max, size_t *count, int width, int indent, cf_role role,
                     const char *text)
{
    size_t len = strlen(text), pos = 0;
    while (len > 0 && text[len - 1] == ' ')
        len--;
    do {
        int margin = pos ? indent : 1;
        size_t take = ui_wrap(text + pos, len - pos, width - margin);
        if (*count < max) {
            snprintf(lines[*count].text, sizeof lines[*count].text, "%*s%.*s", margin, "", (int)take, text + pos);
            lines[*count].role = role;
            lines[*count].more = pos > 0;
        }
        ++*count;
        pos += take;
    } while (pos < len);
}

/* The summary: the report's title block, the verdict and its counts, every change in effect
 * with who and when. */
static size_t fill_summary(const ui_workbench *wb, int width, ui_popup_line *lines, size_t max)
{
    size_t count = 0;
    char line[1400];
    cf_heading heading;
    cf_heading_read(wb->text, &heading);
    snprintf(line, sizeof line, _("Report       %s · %s · %s"), heading.issuer[0] ? heading.issuer : _("issuer not named"),
             heading.year[0] ? heading.year : _("year not stated"), cf_template_name(wb->tpl));
    add_line(lines, max, &count, width, 14, CF_ROLE_NORMAL, line);
    char encoding[256];
    cf_text_describe_encoding(wb->text, encoding, sizeof encoding);
    snprintf(line, sizeof line, _("Document     %s (%s)"), cf_review_report_path(wb->review), encoding);
    add_line(lines, max, &count, width, 14, CF_ROLE_NORMAL, line);
    snprintf(line, sizeof line, _("SHA-256      %s"), cf_text_sha256(wb->text));
    add_line(lines, max, &count, width, 14, CF_ROLE_NORMAL, line);
    snprintf(line, sizeof line, _("Reviewer     %s%s"), cf_review_reviewer(wb->review),
             cf_review_dirty(wb->review) ? _(" (unsaved changes)") : "");
    add_line(lines, max, &count, width, 14, CF_ROLE_NORMAL, line);
    if (!wb->assessment) { /* the assessment failed (memory): no verdict to show */
        add_line(lines, max, &count, width, 14, CF_ROLE_ERROR, _("Verdict      not known: out of memory"));
    } else {
        cf_assess_counts n = cf_assess_counts_of(wb->assessment);
        if (!n.approvable) {
            char open[400];
            ui_open_counts(&n, open, sizeof open);
            snprintf(line, sizeof line, _("Verdict      OPEN: %s (:approve lists them)"), open);
            add_line(lines, max, &count, width, 14, CF_ROLE_BROKEN, line);
        } else {
            snprintf(line, sizeof line, "%s",
                     _("Verdict      READY: every rule holds or is waived, every missing cell is explained, every "
                       "suspect cell is confirmed or corrected"));
            add_line(lines, max, &count, width, 14, CF_ROLE_CONFIRMED, line);
        }
        cf_review_summary s = cf_review_summarize(wb->review);
        snprintf(line, sizeof line,
                 _("Counts       broken %zu · waived %zu · missing %zu · suspect %zu · not checkable %zu · corrected %zu "
                   "· confirmed %zu · notes %zu"),
                 n.broken, n.waived, n.missing, n.suspect, n.uncheckable, s.corrected, s.confirmed, s.notes);
        add_line(lines, max, &count, width, 14, CF_ROLE_NORMAL, line);
    }
    for (size_t i = 0; i < cf_review_approval_count(wb->review); i++) {
        const cf_approval *a = cf_review_approval(wb->review, i);
        snprintf(line, sizeof line, _("Approval     by %s at %s%s%s; document %.12s…, cells %.12s…"), a->who, a->at,
                 a->note[0] ? " — " : "", a->note, a->document_sha256, a->cells_sha256);
        add_line(lines, max, &count, width, 14, a->withdrawn ? CF_ROLE_NORMAL : CF_ROLE_CONFIRMED, line);
        if (a->withdrawn) {
            snprintf(line, sizeof line, _("             withdrawn at %s by %s: a change (%s) after it"), a->withdrawn_at,
                     a->withdrawn_by, a->withdrawn_because);
            add_line(lines, max, &count, width, 14, CF_ROLE_BROKEN, line);
        }
    }
    if (cf_review_approval_count(wb->review) == 0)
        add_line(lines, max, &count, width, 14, CF_ROLE_NORMAL, _("Approval     none yet (:approve)"));
    size_t history = cf_review_history_count(wb->review);
    snprintf(line, sizeof line, P_("Changes      %zu, oldest first:", "Changes      %zu, oldest first:", history),
             history);
    add_line(lines, max, &count, width, 14, CF_ROLE_HEADER, line);
    for (size_t i = 0; i < history; i++) {
        const cf_history_entry *h = cf_review_history(wb->review, i);
        char what[800];
        if (h->edit_count == 0)
            continue;
        ui_describe_entry(wb, h, false, what, sizeof what);
        snprintf(line, sizeof line, "  %s  %s  %s%s%s", h->at, h->who, what, h->reason && h->reason[0] ? " — " : "",
                 h->reason ? h->reason : "");
        add_line(lines, max, &count, width, 14, CF_ROLE_NORMAL, line);
    }
    return count;
}

/* Why :approve was refused: every open item of the assessment, whole, with what settles it
 * (the message line counts them). */
static size_t fill_open(const ui_workbench *wb, int width, ui_popup_line *lines, size_t max)
{
    size_t count = 0;
    if (!wb->assessment)
        return 0;
    char line[1400];
    for (size_t i = 0; i < cf_assess_open_count(wb->assessment); i++) {
        const cf_open_item *item = cf_assess_open(wb->assessment, i);
        ui_open_item_line(wb, item, line, sizeof line);
        add_line(lines, max, &count, width, 3, item->kind == CF_OPEN_BROKEN ? CF_ROLE_BROKEN : CF_ROLE_NORMAL, line);
    }
    return count;
}

static void jump_to_open(ui_workbench *wb, size_t item)
{
    char line[1400];
    if (wb->assessment && item < cf_assess_open_count(wb->assessment))
        ui_select_cell(wb, ui_open_item_line(wb, cf_assess_open(wb->assessment, item), line, sizeof line));
}

/* The K popup: everything the detail lines say about the cursor's cell, each part whole. */
static size_t fill_cell(const ui_workbench *wb, int width, ui_popup_line *lines, size_t max)
{
    ui_detail_part *parts = cf_calloc(UI_DETAIL_PARTS, sizeof *parts);
    if (!parts)
        return 0;
    size_t n = ui_detail_parts(wb, parts, UI_DETAIL_PARTS), count = 0;
    for (size_t i = 0; i < n; i++) {
        const char *text = parts[i].text;
        while (*text == ' ')
            text++;
        add_line(lines, max, &count, width, 1, parts[i].role, text);
    }
    cf_free(parts);
    return count;
}

static const list_kind KINDS[] = {
    [UI_LIST_HELP] = {N_(" Keys — every action also runs as :name (j/k scroll, Esc closes) "), NULL, false, '?',
                      fill_help, NULL},
    [UI_LIST_PROBLEMS] = {N_(" Problems — broken, missing, suspect, the prose, last year (Enter jumps, Esc closes) "),
                          N_(" none: every rule holds and no cell is missing"), false, 0, fill_problems,
                          jump_to_problem},
    [UI_LIST_SUMMARY] = {N_(" Summary — the report, the verdict, every change (j/k scroll, Esc closes) "), NULL, true,
                         's', fill_summary, NULL},
    [UI_LIST_OPEN] = {N_(" Not approved — what is still open (Enter jumps, Esc closes) "),
                       N_(" nothing is open: :approve signs the review off"), false, 0, fill_open, jump_to_open},
    [UI_LIST_CELL] = {N_(" The cell, its note, its rules and the fix, whole (j/k scroll, Esc closes) "), NULL, true, 'K',
                      fill_cell, NULL},
};

/* The list's place: two lines below the top, two columns in, to the bottom but two. */
static int list_height(const ui_workbench *wb) { return wb->rows - 4; }
static int list_width(const ui_workbench *wb) { return wb->cols - 4; }

/* The list's lines at its width now (*count of them). Caller frees; NULL when memory runs out. */
static ui_popup_line *list_lines(const ui_workbench *wb, const list_view *l, size_t *count)
{
    *count = l->kind->fill(wb, list_width(wb), NULL, 0);
    ui_popup_line *lines = cf_calloc(*count + 1, sizeof *lines);
    if (lines)
        l->kind->fill(wb, list_width(wb), lines, *count);
    return lines;
}

/* The lines [*first, *last] of item (a line and the wrapped ones after it); returns how many
 * items there are. */
static size_t item_lines(const ui_popup_line *lines, size_t count, size_t item, size_t *first, size_t *last)
{
    size_t items = 0;
    *first = *last = 0;
    for (size_t i = 0; i < count; i++) {
        if (!lines[i].more && items++ == item)
            *first = i;
        if (items == item + 1)
            *last = i;
    }
    return items;
}

/* Keep the selected item (or, for a text, the first line shown) within the list and in sight,
 * the whole item when it fits. */
static void list_scroll(list_view *l, const ui_popup_line *lines, size_t count, int h)
{
    size_t shown = (size_t)(h - 1), first, last;
    if (l->kind->text) {
        size_t last_top = count > shown ? count - shown : 0;
        if (l->sel > last_top)
            l->sel = last_top;
        l->top = l->sel;
        return;
    }
    size_t items = item_lines(lines, count, l->sel, &first, &last);
    if (l->sel >= items && items) {
        l->sel = items - 1;
        item_lines(lines, count, l->sel, &first, &last);
    }
    if (last >= l->top + shown)
        l->top = last - shown + 1;
    if (first < l->top)
        l->top = first;
}

static void list_draw(ui_workbench *wb, ui_view *view)
{
    list_view *l = (list_view *)view;
    int h = list_height(wb), w = list_width(wb);
    if (wb->too_small || h < 3 || w < 20)
        return;
    size_t count, first, last;
    ui_popup_line *lines = list_lines(wb, l, &count);
    if (!lines)
        return;
    list_scroll(l, lines, count, h);
    item_lines(lines, count, l->sel, &first, &last);
    /* blank margins: the panes' edges showing beside the list read as part of it */
    for (int y = 2; y < 2 + h; y++)
        ui_fill(&wb->palette, y, 0, wb->cols, CF_ROLE_NORMAL);
    ui_fill(&wb->palette, 2, 2, w, CF_ROLE_HEADER);
    ui_draw_str(&wb->palette, 2, 2, w, _(l->kind->title), CF_ROLE_HEADER);
    if (count == 0 && l->kind->empty)
        ui_draw_str(&wb->palette, 3, 2, w, _(l->kind->empty), CF_ROLE_MESSAGE);
    for (int i = 0; i < h - 1 && l->top + (size_t)i < count; i++) {
        size_t line = l->top + (size_t)i;
        bool selected = !l->kind->text && count && line >= first && line <= last;
        cf_role role = selected ? CF_ROLE_CURSOR : lines[line].role;
        if (!l->kind->text)
            ui_fill(&wb->palette, 3 + i, 2, w, role);
        ui_draw_str(&wb->palette, 3 + i, 2, w, lines[line].text, role);
    }
    cf_free(lines);
}

static void list_key(ui_workbench *wb, ui_view *view, int key)
{
    list_view *l = (list_view *)view;
    ui_layout(wb); /* the list's size now, not at the last draw */
    size_t count, first, last, page = (size_t)(list_height(wb) > 2 ? list_height(wb) - 2 : 1);
    ui_popup_line *lines = list_lines(wb, l, &count);
    if (!lines)
        return;
    /* a text scrolls by lines, a list moves by items */
    size_t steps = l->kind->text ? count : item_lines(lines, count, 0, &first, &last);
    if (key == 27 || key == 'q' || (l->kind->close_key && key == l->kind->close_key)) {
        view->closed = true;
    } else if ((key == 'j' || key == UI_KEY(KEY_DOWN)) && l->sel + 1 < steps) {
        l->sel++;
    } else if ((key == 'k' || key == UI_KEY(KEY_UP)) && l->sel > 0) {
        l->sel--;
    } else if (key == UI_KEY(KEY_NPAGE) || key == UI_CTRL('f')) {
        l->sel = l->sel + page < steps ? l->sel + page : (steps ? steps - 1 : 0);
    } else if (key == UI_KEY(KEY_PPAGE) || key == UI_CTRL('b')) {
        l->sel = l->sel > page ? l->sel - page : 0;
    } else if ((key == '\n' || key == '\r' || key == UI_KEY(KEY_ENTER)) && l->kind->enter) {
        view->closed = true;
        if (steps) /* an empty list just closes */
            l->kind->enter(wb, l->sel);
    }
    if (!view->closed)
        list_scroll(l, lines, count, list_height(wb));
    cf_free(lines);
}

static const ui_view_class LIST = {"list", list_draw, list_key};

void ui_list_open(ui_workbench *wb, ui_list_kind kind)
{
    list_view *l = cf_calloc(1, sizeof *l);
    if (!l) {
        ui_message(wb, CF_ROLE_ERROR, _("out of memory"));
        return;
    }
    l->view.cls = &LIST;
    l->kind = &KINDS[kind];
    ui_view_push(wb, &l->view);
}
