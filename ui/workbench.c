/* SPDX-License-Identifier: GPL-3.0-or-later */
/* workbench.c — the panes (layout and drawing), the view stack and the one key loop of the
 * review workbench. A resize is a key the loop answers by drawing again; drawing always
 * starts from the cursor's cell, so a resize at any moment keeps it. */
#include "workbench.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "alloc.h"
#include "docmap.h"
#include "i18n.h"
#include "utf8.h"
#include "wb.h"

#define MIN_COLS 40
#define MIN_ROWS 10
#define STACK_BELOW_COLS 100

void ui_message(ui_workbench *wb, cf_role role, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(wb->message, sizeof wb->message, fmt, ap);
    va_end(ap);
    wb->message_role = role;
}

/* A cell the assessment suspects (inferred, warned about, contradicted by the prose or by last
 * year) that the reviewer has not yet corrected or confirmed. */
static bool open_suspect(const ui_workbench *wb, size_t cell)
{
    cf_review_state state = cf_review_cell(wb->review, cell).state;
    return wb->assessment && cf_assess_cell_suspect(wb->assessment, cell) && state != CF_STATE_CORRECTED &&
           state != CF_STATE_CONFIRMED;
}

size_t ui_rules_of(const ui_workbench *wb, size_t cell, size_t *out, size_t max)
{
    return wb->assessment ? cf_assess_rules_of(wb->assessment, cell, out, max) : 0;
}

bool ui_rule_broken(const ui_workbench *wb, size_t rule)
{
    return wb->assessment && cf_assess_rule(wb->assessment, rule)->result.status == CF_RULE_FAIL;
}

/* A cell a broken rule most likely breaks on (the assessment's). */
static bool cell_broken(const ui_workbench *wb, size_t cell)
{
    return wb->assessment && cf_assess_cell_broken(wb->assessment, cell);
}

void ui_refresh_problems(ui_workbench *wb)
{
    cf_assessment_free(wb->assessment);
    memset(&wb->suggestion, 0, sizeof wb->suggestion); /* no suggestion is better than a wrong one */
    if (cf_assess_review(wb->review, wb->previous, &wb->assessment, NULL) != CF_OK)
        wb->assessment = NULL;
    /* ] and [ walk the cells a broken rule most likely breaks on, the missing and the suspect */
    wb->problem_count = 0;
    for (size_t i = 0; i < cf_review_cell_count(wb->review); i++)
        if (cell_broken(wb, i) || !cf_cell_has_value(&cf_review_current_cells(wb->review)[i]) ||
            open_suspect(wb, i))
            wb->problems[wb->problem_count++] = i;
    if (!wb->assessment)
        return;
    if (cf_assess_counts_of(wb->assessment).broken > 0)
        wb->suggestion = *cf_assess_fix(wb->assessment);
}

/* What the smallest fix proposes for cell, if it touches it. */
static const cf_fix_cell *fix_for(const ui_workbench *wb, size_t cell)
{
    if (wb->suggestion.count == 0)
        return NULL;
    const cf_fix *f = &wb->suggestion.fixes[0];
    for (size_t i = 0; i < f->count; i++)
        if (f->cells[i].cell == cell && f->cells[i].determined)
            return &f->cells[i];
    return NULL;
}

/* ---------- layout ---------- */

void ui_layout(ui_workbench *wb)
{
    getmaxyx(stdscr, wb->rows, wb->cols);
    wb->too_small = wb->cols < MIN_COLS || wb->rows < MIN_ROWS;
    if (wb->too_small)
        return;
    /* the bottom: the cell and its rules (a third line for them when narrow and tall enough),
     * messages (on tall enough terminals), the status bar */
    wb->detail_lines = wb->rows >= 20 && wb->cols < 120 ? 3 : 2;
    wb->bottom = wb->detail_lines + (wb->rows >= 16 ? 2 : 1);
    int body = wb->rows - wb->bottom;
    wb->stacked = wb->cols < STACK_BELOW_COLS;
    /* the raw pane's first line is its title, as the table pane's is its tabs */
    if (wb->stacked) {
        wb->raw_y = 1;
        wb->raw_x = 0;
        wb->raw_w = wb->cols;
        wb->raw_h = body / 3 - 1;
        wb->tbl_y = wb->raw_y + wb->raw_h + 1;
        wb->tbl_x = 0;
        wb->tbl_w = wb->cols;
        wb->tbl_h = body - wb->tbl_y;
    } else {
        wb->raw_y = 1;
        wb->raw_x = 0;
        wb->raw_w = wb->cols * 2 / 5;
        wb->raw_h = body - 1;
        wb->tbl_y = 0;
        wb->tbl_x = wb->raw_w + 1;
        wb->tbl_w = wb->cols - wb->raw_w - 1;
        wb->tbl_h = body;
    }
}

/* ---------- the table pane ---------- */

static const cf_table_def *shown_table(const ui_workbench *wb) { return cf_template_table(wb->tpl, wb->table); }

/* The cell at (row, column) of the shown table, or -1 when that row has no such column. */
static long cell_at(const ui_workbench *wb, size_t row, size_t column)
{
    const cf_row_def *r = &shown_table(wb)->rows[row];
    for (size_t c = 0; c < r->column_count; c++)
        if (r->columns[c] == column)
            return (long)(r->first_cell + c);
    return -1;
}

/* The cell's text and state glyphs: "  2 !+" style. */
static void cell_text(const ui_workbench *wb, size_t cell, char *value, size_t vsize, char *glyphs, cf_role *role)
{
    cf_cell_view v = cf_review_cell(wb->review, cell);
    char num[32];
    bool broken = cell_broken(wb, cell);
    if (v.value_state == CF_CELL_NUMBER)
        snprintf(value, vsize, "%s", cf_decimal_format(v.value, num));
    else if (v.value_state == CF_CELL_NA)
        snprintf(value, vsize, "/");
    else if (v.value_state == CF_CELL_INVALID)
        snprintf(value, vsize, "#");
    else
        snprintf(value, vsize, "·");
    /* every state has a glyph, so the screen reads without colour */
    const char *g = " ";
    *role = CF_ROLE_NORMAL;
    if (broken) {
        g = "!";
        *role = CF_ROLE_BROKEN;
    } else if (v.value_state == CF_CELL_MISSING || v.value_state == CF_CELL_INVALID) {
        g = "?";
        *role = CF_ROLE_MISSING;
    } else if (open_suspect(wb, cell)) {
        g = "~"; /* read, but maybe misread: the detail line says why */
        *role = CF_ROLE_MISSING;
    } else if (v.value_state == CF_CELL_NA) {
        g = "/";
        *role = CF_ROLE_NA;
    } else if (v.state == CF_STATE_CORRECTED) {
        g = "*";
        *role = CF_ROLE_CORRECTED;
    } else if (v.state == CF_STATE_CONFIRMED) {
        g = "✓";
        *role = CF_ROLE_CONFIRMED;
    }
    snprintf(glyphs, 16, "%s%s", g, v.note[0] ? "+" : " ");
}

/* Cells of the rule the detail line explains first (the cursor's broken rule, if any). */
static bool in_cursor_rule(const ui_workbench *wb, size_t cell)
{
    size_t rule;
    if (ui_rules_of(wb, wb->cell, &rule, 1) == 0)
        return false;
    return cf_rule_has_cell(cf_template_rule(wb->tpl, rule), cell);
}

static int column_width(const ui_workbench *wb, size_t column)
{
    const cf_table_def *t = shown_table(wb);
    int w = ui_text_width(t->columns[column].short_label, strlen(t->columns[column].short_label)) + 1;
    if (w > 11)
        w = 11;
    for (size_t r = 0; r < t->row_count; r++) {
        long cell = cell_at(wb, r, column);
        if (cell < 0)
            continue;
        char value[40], glyphs[16];
        cf_role role;
        cell_text(wb, (size_t)cell, value, sizeof value, glyphs, &role);
        int need = ui_text_width(value, strlen(value)) + 3;
        if (need > w)
            w = need;
    }
    return w < 6 ? 6 : w;
}

/* Keep the cursor's row and column inside the pane. */
static void scroll_table(ui_workbench *wb, int visible_rows)
{
    const cf_cell_def *def = cf_template_cell(wb->tpl, wb->cell);
    size_t t = wb->table;
    if (def->row < wb->row_top[t])
        wb->row_top[t] = def->row;
    if (visible_rows > 0 && def->row >= wb->row_top[t] + (size_t)visible_rows)
        wb->row_top[t] = def->row - (size_t)visible_rows + 1;
    /* rows left blank below the last one are rows not shown above: after growing, fill them */
    const cf_table_def *td = shown_table(wb);
    if (visible_rows > 0 && wb->row_top[t] + (size_t)visible_rows > td->row_count)
        wb->row_top[t] = td->row_count > (size_t)visible_rows ? td->row_count - (size_t)visible_rows : 0;
    if (def->column < wb->col_left[t])
        wb->col_left[t] = def->column;
    /* likewise columns: scroll back left while every column from there on fits */
    for (;;) {
        int x = wb->label_w;
        for (size_t c = wb->col_left[t] ? wb->col_left[t] - 1 : 0; c < td->column_count; c++)
            x += column_width(wb, c);
        if (wb->col_left[t] == 0 || x > wb->tbl_w)
            break;
        wb->col_left[t]--;
    }
    /* move right until the cursor's column fits */
    for (;;) {
        int x = wb->label_w;
        bool fits = false;
        for (size_t c = wb->col_left[t]; c <= def->column; c++) {
            x += column_width(wb, c);
            fits = x <= wb->tbl_w;
        }
        if (fits || wb->col_left[t] >= def->column)
            break;
        wb->col_left[t]++;
    }
}

/* A pane's focus mark: a glyph (so it shows without colour) in the active tab's colours. */
static int draw_focus_mark(ui_workbench *wb, int y, int x, bool focused)
{
    return ui_draw_str(&wb->palette, y, x, 1, focused ? "▶" : " ", focused ? CF_ROLE_TAB_ACTIVE : CF_ROLE_TAB);
}

static void draw_tabs(ui_workbench *wb)
{
    int x = wb->tbl_x;
    bool focused = wb->focus == PANE_TABLE;
    ui_fill(&wb->palette, wb->tbl_y, wb->tbl_x, wb->tbl_w, CF_ROLE_TAB);
    x += draw_focus_mark(wb, wb->tbl_y, x, focused);
    for (size_t t = 0; t < cf_template_table_count(wb->tpl); t++) {
        const cf_table_def *td = cf_template_table(wb->tpl, t);
        char label[160];
        snprintf(label, sizeof label, " %zu 表%s %s ", t + 1, td->number, td->title);
        int room = wb->tbl_x + wb->tbl_w - x;
        if (room <= 0)
            break;
        int max = t == wb->table ? room : (room < 14 ? room : 14);
        /* the shown table's tab is lit only while the tables have the focus */
        cf_role role = t != wb->table ? CF_ROLE_TAB : focused ? CF_ROLE_TAB_ACTIVE : CF_ROLE_HEADER;
        x += ui_draw_str(&wb->palette, wb->tbl_y, x, max, label, role);
        if (x < wb->tbl_x + wb->tbl_w)
            x += ui_draw_str(&wb->palette, wb->tbl_y, x, 1, "│", CF_ROLE_TAB);
    }
}

/* Where the table's rows and columns go at the layout now, scrolled to keep the cursor's cell
 * in sight; returns the rows shown. */
static int place_columns(ui_workbench *wb)
{
    const cf_table_def *t = shown_table(wb);
    wb->label_w = wb->tbl_w / 3 < 18 ? wb->tbl_w / 3 : 18;
    wb->first_row_y = wb->tbl_y + 2; /* under the tabs and the header */
    int visible_rows = wb->tbl_y + wb->tbl_h - wb->first_row_y;
    scroll_table(wb, visible_rows);
    for (size_t c = 0; c < UI_MAX_COLUMNS; c++)
        wb->col_x[c] = -1;
    int x = wb->tbl_x + wb->label_w;
    for (size_t c = wb->col_left[wb->table]; c < t->column_count && c < UI_MAX_COLUMNS; c++) {
        int w = column_width(wb, c);
        if (x + w > wb->tbl_x + wb->tbl_w)
            break;
        wb->col_x[c] = x;
        wb->col_w[c] = w;
        x += w;
    }
    return visible_rows;
}

static void draw_table(ui_workbench *wb)
{
    const cf_table_def *t = shown_table(wb);
    int header_y = wb->tbl_y + 1;
    int visible_rows = place_columns(wb);
    draw_tabs(wb);
    size_t left = wb->col_left[wb->table], top = wb->row_top[wb->table];
    /* the header row: a frozen corner, then the column labels */
    ui_fill(&wb->palette, header_y, wb->tbl_x, wb->tbl_w, CF_ROLE_HEADER);
    ui_draw_str(&wb->palette, header_y, wb->tbl_x, wb->label_w, left > 0 ? "项目 ◀" : "项目", CF_ROLE_HEADER);
    for (size_t c = 0; c < t->column_count && c < UI_MAX_COLUMNS; c++)
        if (wb->col_x[c] >= 0)
            ui_draw_text(&wb->palette, header_y, wb->col_x[c], wb->col_w[c] - 1, t->columns[c].short_label,
                         strlen(t->columns[c].short_label), 0, CF_ROLE_HEADER, false, 0, 0, CF_ROLE_HEADER);
    for (int i = 0; i < visible_rows; i++) {
        int y = wb->first_row_y + i;
        size_t row = top + (size_t)i;
        ui_fill(&wb->palette, y, wb->tbl_x, wb->tbl_w, CF_ROLE_NORMAL);
        if (row >= t->row_count)
            continue;
        ui_draw_str(&wb->palette, y, wb->tbl_x, wb->label_w - 1, t->rows[row].short_label, CF_ROLE_LABEL);
        for (size_t c = 0; c < t->column_count && c < UI_MAX_COLUMNS; c++) {
            long cell = cell_at(wb, row, c);
            if (wb->col_x[c] < 0 || cell < 0)
                continue;
            char value[40], glyphs[16], shown[64];
            cf_role role;
            cell_text(wb, (size_t)cell, value, sizeof value, glyphs, &role);
            bool cursor = (size_t)cell == wb->cell;
            if (cursor)
                role = CF_ROLE_CURSOR;
            else if (in_cursor_rule(wb, (size_t)cell))
                role = CF_ROLE_RULE;
            int vw = ui_text_width(value, strlen(value));
            int pad = wb->col_w[c] - 3 - vw;
            snprintf(shown, sizeof shown, "%*s%s%s", pad > 0 ? pad : 0, "", value, glyphs);
            ui_draw_text(&wb->palette, y, wb->col_x[c], wb->col_w[c] - 1, shown, strlen(shown), 0, role, true, 0, 0,
                         role);
        }
    }
    if (t->column_count > 0 && wb->col_x[t->column_count - 1] < 0)
        ui_draw_str(&wb->palette, header_y, wb->tbl_x + wb->tbl_w - 1, 1, "▶", CF_ROLE_HEADER);
}

/* ---------- the raw pane ---------- */

static void follow_cursor(ui_workbench *wb)
{
    const cf_cell *x = cf_review_extracted(wb->review, wb->cell);
    size_t line = x->line ? x->line : x->label_line;
    if (!wb->raw_follows || line == 0 || wb->raw_h <= 0)
        return;
    size_t index = line - 1;
    if (index < wb->raw_top || index >= wb->raw_top + (size_t)wb->raw_h)
        wb->raw_top = index > (size_t)wb->raw_h / 3 ? index - (size_t)wb->raw_h / 3 : 0;
    /* bring the highlighted text into view sideways */
    int numw = 1 + snprintf(NULL, 0, "%zu", cf_text_line_count(wb->text));
    int text_w = wb->raw_w - numw - 1;
    if (x->line) {
        size_t len;
        const char *s = cf_text_line(wb->text, index, &len);
        size_t start = x->byte_start - cf_text_line_offset(wb->text, index);
        int col = ui_text_width(s, start < len ? start : len);
        /* the line's start, the row's label, stays in sight whenever the value fits beside it */
        if (col < text_w - 4)
            wb->raw_left = 0;
        else if (col < wb->raw_left || col >= wb->raw_left + text_w - 4)
            wb->raw_left = col > text_w / 2 ? col - text_w / 2 : 0;
    } else {
        wb->raw_left = 0;
    }
}

static void draw_raw(ui_workbench *wb)
{
    const cf_cell *x = cf_review_extracted(wb->review, wb->cell);
    size_t lines = cf_text_line_count(wb->text);
    int numw = snprintf(NULL, 0, "%zu", lines);
    int text_w = wb->raw_w - numw - 2;
    for (int i = 0; i < wb->raw_h; i++) {
        int y = wb->raw_y + i;
        size_t index = wb->raw_top + (size_t)i;
        ui_fill(&wb->palette, y, wb->raw_x, wb->raw_w, CF_ROLE_RAW);
        if (index >= lines)
            continue;
        char num[32];
        bool label_line = x->line == 0 && x->label_line == index + 1;
        snprintf(num, sizeof num, "%*zu ", numw, index + 1);
        ui_draw_str(&wb->palette, y, wb->raw_x, numw + 1, num, label_line ? CF_ROLE_RAW_HIGHLIGHT : CF_ROLE_LINE_NUMBER);
        size_t len;
        const char *s = cf_text_line(wb->text, index, &len);
        size_t base = cf_text_line_offset(wb->text, index);
        size_t hs = 0, he = 0;
        cf_role hl = CF_ROLE_RAW_HIGHLIGHT;
        if (x->line == index + 1 && x->byte_end >= x->byte_start) {
            hs = x->byte_start - base;
            he = x->byte_end > x->byte_start ? x->byte_end - base : hs + 1; /* a blank field: its place */
        } else if (wb->search_hit && wb->search_at >= base && wb->search_at < base + len) {
            hs = wb->search_at - base;
            he = hs + strlen(wb->search);
            hl = CF_ROLE_SEARCH;
        }
        ui_draw_text(&wb->palette, y, wb->raw_x + numw + 1, text_w + 1, s, len, wb->raw_left, CF_ROLE_RAW, true, hs, he,
                     hl);
    }
    /* the title, then the border between the panes: both lit while the raw pane has the focus */
    bool focused = wb->focus == PANE_RAW;
    cf_role role = focused ? CF_ROLE_TAB_ACTIVE : CF_ROLE_TAB;
    const char *path = cf_review_report_path(wb->review), *base = strrchr(path, '/');
    char title[600];
    snprintf(title, sizeof title, focused ? _(" report text: %s — Tab returns to the tables ") : _(" report text: %s "),
             base ? base + 1 : path);
    ui_fill(&wb->palette, wb->raw_y - 1, wb->raw_x, wb->raw_w, CF_ROLE_TAB);
    int title_x = wb->raw_x + draw_focus_mark(wb, wb->raw_y - 1, wb->raw_x, focused);
    ui_draw_str(&wb->palette, wb->raw_y - 1, title_x, wb->raw_w - 1, title, role);
    attrset(wb->palette.attrs[focused ? CF_ROLE_TAB_ACTIVE : CF_ROLE_LINE_NUMBER]);
    if (wb->stacked)
        for (int c = 0; c < wb->cols; c++)
            mvaddstr(wb->raw_y + wb->raw_h, c, focused ? "━" : "─");
    else
        for (int r = wb->raw_y - 1; r < wb->raw_y + wb->raw_h; r++)
            mvaddstr(r, wb->raw_w, focused ? "┃" : "│");
    attrset(A_NORMAL);
}

/* ---------- detail and status ---------- */

const char *ui_value_text(cf_cell_state state, cf_decimal value, char *buf)
{
    return state == CF_CELL_NUMBER ? cf_decimal_format(value, buf) : state == CF_CELL_NA ? "/" : _("(blank)");
}

/* The parts of what the detail lines say about the cursor's cell, in the order shown. keep
 * orders them for a narrow screen: the value and state, then the broken rule, then the fix
 * stay longest. */
enum { KEEP_VALUE, KEEP_STATE, KEEP_BROKEN, KEEP_FIX, KEEP_SOURCE, KEEP_NOTE, KEEP_MORE, KEEP_LAST };

/* Add a part (room for max in parts, *n used) unless they are full. */
static void add_part(ui_detail_part *parts, size_t *n, size_t max, int keep, cf_role role, bool rule, const char *fmt,
                     ...) __attribute__((format(printf, 7, 8)));
static void add_part(ui_detail_part *parts, size_t *n, size_t max, int keep, cf_role role, bool rule, const char *fmt,
                     ...)
{
    if (*n >= max)
        return;
    parts[*n] = (ui_detail_part){.keep = keep, .role = role, .rule = rule};
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(parts[*n].text, sizeof parts[*n].text, fmt, ap);
    va_end(ap);
    ++*n;
}

/* The part for rule with its arithmetic as the assessment explains it (and its waiver's reason);
 * false when there is no assessment. */
static bool add_rule_part(const ui_workbench *wb, size_t rule, int keep, ui_detail_part *parts, size_t *n, size_t max)
{
    if (!wb->assessment) /* the assessment failed (memory): no explanation to give */
        return false;
    const cf_rule_result *res = &cf_assess_rule(wb->assessment, rule)->result;
    const char *msg = cf_assess_rule(wb->assessment, rule)->explanation;
    const char *waiver = cf_review_waiver(wb->review, rule);
    bool waived = res->status == CF_RULE_FAIL && waiver[0];
    if (waived)
        add_part(parts, n, max, keep, CF_ROLE_DETAIL, true, _(" ✗ %s (waived: %s) "), msg, waiver);
    else
        add_part(parts, n, max, keep, res->status == CF_RULE_FAIL ? CF_ROLE_BROKEN : CF_ROLE_DETAIL, true, " %s %s ",
                 res->status == CF_RULE_FAIL ? "✗" : res->status == CF_RULE_PASS ? "✓" : "?", msg);
    return true;
}

/* A cell as a person names it: its table's number, then its row and column labels
 * ("表三 (七)总计 · 自然人"); the id stays in files and JSON. */
static void cell_name(const ui_workbench *wb, size_t cell, char *buf, size_t size)
{
    char label[256];
    cf_template_cell_label(wb->tpl, cell, label, sizeof label);
    const char *number = cf_template_table(wb->tpl, cf_template_cell(wb->tpl, cell)->table)->number;
    if (number[0])
        snprintf(buf, size, "表%s %s", number, label);
    else
        snprintf(buf, size, "%s", label);
}

/* Where in the document (not its text) a cell read at text byte `byte` is, after a comma: the page
 * of a PDF, the table, row and cell of a web page or Word file; "" for a text report. */
static void document_place(const ui_workbench *wb, size_t byte, char *buf, size_t size)
{
    cf_docplace p;
    buf[0] = '\0';
    if (!cf_docmap_place(wb->text, byte, &p))
        return;
    if (p.page)
        snprintf(buf, size, _(", page %u"), p.page);
    else
        snprintf(buf, size, _(", table %u row %u cell %u"), p.table, p.row, p.cell);
}

size_t ui_detail_parts(const ui_workbench *wb, ui_detail_part *parts, size_t max)
{
    size_t n = 0;
    const cf_cell *x = cf_review_extracted(wb->review, wb->cell);
    cf_cell_view v = cf_review_cell(wb->review, wb->cell);
    char name[300], now[32], was[32], source[200], place[160];
    cell_name(wb, wb->cell, name, sizeof name);
    snprintf(source, sizeof source, "%s", _("not found in the text"));
    if (x->line) {
        document_place(wb, x->byte_start, place, sizeof place);
        if (x->inferred)
            snprintf(place + strlen(place), sizeof place - strlen(place), "%s", _(", place inferred"));
        snprintf(source, sizeof source, _("line %zu%s"), x->line, place);
    } else if (x->label_line) {
        snprintf(source, sizeof source, _("label on line %zu"), x->label_line);
    }
    add_part(parts, &n, max, KEEP_VALUE, CF_ROLE_DETAIL, false, " %s = %s", name,
             ui_value_text(v.value_state, v.value, now));
    add_part(parts, &n, max, KEEP_SOURCE, CF_ROLE_DETAIL, false, _("  (extracted %s, %s)"),
             ui_value_text(x->state, x->value, was), source);
    /* a corrected cell's state is the kind of its correction: read, figure or not recorded */
    add_part(parts, &n, max, KEEP_STATE, CF_ROLE_DETAIL, false, "  [%s]",
             v.correction ? cf_correction_label(v.correction) : _(cf_review_state_name(v.state)));
    const cf_fix_cell *fc = fix_for(wb, wb->cell);
    if (fc) {
        char num[32];
        add_part(parts, &n, max, KEEP_FIX, CF_ROLE_DETAIL, false, _("  fix: → %s%s%s%s (f applies)"),
                 cf_decimal_format(fc->value, num), wb->suggestion.unique ? _(", unique") : _(", one of several"),
                 fc->evidence[0] ? "; " : "", fc->evidence);
    }
    if (v.note[0])
        add_part(parts, &n, max, KEEP_NOTE, CF_ROLE_DETAIL, false, _("  note: %s"), v.note);
    /* the rules this cell is in with their arithmetic: its first broken rule, then last year's
     * numbers that should carry over into it, then the other rules (broken first) */
    size_t rules[16];
    size_t count = ui_rules_of(wb, wb->cell, rules, 16), first = count, mismatches = 0;
    for (size_t i = 0; i < count && first == count; i++)
        if (ui_rule_broken(wb, rules[i]) && !cf_review_waiver(wb->review, rules[i])[0])
            first = i;
    if (first < count && !add_rule_part(wb, rules[first], KEEP_BROKEN, parts, &n, max))
        return n;
    /* why the assessment suspects the cell, each reason with the line it points at */
    for (size_t i = 0; open_suspect(wb, wb->cell) && i < cf_assess_suspect_count(wb->assessment); i++) {
        const cf_suspect *sus = cf_assess_suspect(wb->assessment, i);
        if (sus->cell != wb->cell || sus->kind == CF_SUSPECT_CROSS_YEAR) /* last year's has its ⚠ part below */
            continue;
        if (sus->line)
            add_part(parts, &n, max, KEEP_BROKEN, CF_ROLE_MISSING, true, _(" ~ suspect: %s (line %zu) "), sus->reason,
                     sus->line);
        else
            add_part(parts, &n, max, KEEP_BROKEN, CF_ROLE_MISSING, true, _(" ~ suspect: %s "), sus->reason);
    }
    for (size_t i = 0; wb->assessment && i < cf_assess_cross_rule_count(wb->assessment); i++) {
        const cf_assessed_rule *xr = cf_assess_cross_rule(wb->assessment, i);
        if ((xr->outcome == CF_OUTCOME_BROKEN || xr->outcome == CF_OUTCOME_BROKEN_MISSING) &&
            cf_rule_has_cell(cf_template_cross_rule(wb->tpl, i), wb->cell)) {
            add_part(parts, &n, max, KEEP_MORE, CF_ROLE_BROKEN, true, " ⚠ %s ", xr->explanation);
            mismatches++;
        }
    }
    for (size_t i = 0; i < count; i++) {
        bool broken = ui_rule_broken(wb, rules[i]);
        if (i != first && !add_rule_part(wb, rules[i], broken ? KEEP_MORE : KEEP_LAST, parts, &n, max))
            return n;
    }
    if (count + mismatches == 0)
        add_part(parts, &n, max, KEEP_LAST, CF_ROLE_DETAIL, true, "%s", _(" no cross-sum rule involves this cell"));
    if (fc && wb->suggestion.reasoning) /* the fix's reasons: the lines have no room for them, K has */
        add_part(parts, &n, max, UI_KEEP_POPUP, CF_ROLE_DETAIL, true, _("why this fix: %s"), wb->suggestion.reasoning);
    return n;
}

/* Draw text at (y, x) in what is left of the line, cut with "…" when it does not fit. */
static void draw_cut(ui_workbench *wb, int y, int x, const char *text, cf_role role)
{
    int room = wb->cols - x;
    if (ui_text_width(text, strlen(text)) <= room) {
        ui_draw_str(&wb->palette, y, x, room, text, role);
        return;
    }
    if (room > 1)
        ui_draw_text(&wb->palette, y, x, room - 1, text, strlen(text), 0, role, true, 0, 0, role);
    ui_draw_str(&wb->palette, y, wb->cols - 1, 1, "…", role);
}

/* Lay the kept parts out from line y, in order: a part goes whole on the next line when it does not fit
 * beside the others, and the rules start a line of their own. Drawing, the last of the lines
 * ends with the part that does not fit, cut with "…". Measuring (!draw), returns the lines the
 * cell's parts need with one line for the rules, which are cut rather than left out. */
static int flow_parts(ui_workbench *wb, const ui_detail_part *parts, const size_t *order, const bool *kept, size_t n,
                      int y, int lines, bool draw)
{
    int line = 0, x = 0, width = wb->cols;
    bool rules_started = false;
    for (size_t k = 0; k < n; k++) {
        size_t i = order[k];
        if (!kept[i])
            continue;
        const char *text = parts[i].text;
        bool new_line = x > 0 && parts[i].rule && !rules_started;
        if (!draw && parts[i].rule)
            return line + 1 + new_line;
        rules_started |= parts[i].rule;
        int w = ui_text_width(text, strlen(text));
        if (new_line || (x > 0 && x + w > width)) {
            if (draw && line + 1 >= lines) { /* no line left: this part, cut, ends the last one */
                draw_cut(wb, y + line, new_line ? width - 1 : x, new_line ? "…" : text, parts[i].role);
                return lines;
            }
            line++;
            x = 0;
        }
        if (x == 0) /* a part that starts a line keeps one space of margin */
            while (text[0] == ' ' && text[1] == ' ')
                text++;
        w = ui_text_width(text, strlen(text));
        if (draw && line < lines)
            draw_cut(wb, y + line, x, text, parts[i].role);
        x += w < width - x ? w : width - x;
    }
    return line + 1;
}

/* Put the fix (part fix) right after the cell's first broken rule, on the rules' line, where the
 * rules after it are cut for it; false when no rule is broken. */
static bool move_fix_to_rules(ui_detail_part *parts, size_t *order, size_t n, size_t fix)
{
    size_t broken = n;
    for (size_t k = 0; k < n && broken == n; k++)
        if (parts[order[k]].rule && parts[order[k]].keep == KEEP_BROKEN)
            broken = k;
    if (broken == n)
        return false;
    size_t at = 0;
    while (order[at] != fix)
        at++;
    for (; at < broken; at++) /* the fix comes before the rules: move those up one */
        order[at] = order[at + 1];
    order[broken] = fix;
    parts[fix].rule = true;
    if (strncmp(parts[fix].text, "  ", 2) == 0) /* a rule ends with a space of its own */
        memmove(parts[fix].text, parts[fix].text + 1, strlen(parts[fix].text));
    return true;
}

static void draw_detail(ui_workbench *wb)
{
    int y = wb->rows - wb->bottom, lines = wb->detail_lines;
    for (int i = 0; i < lines; i++)
        ui_fill(&wb->palette, y + i, 0, wb->cols, CF_ROLE_DETAIL);
    if (wb->bottom > lines + 1) {
        ui_fill(&wb->palette, y + lines, 0, wb->cols, CF_ROLE_NORMAL);
        draw_cut(wb, y + lines, 0, wb->message, wb->message_role);
    } else if (wb->message[0]) { /* no line of its own: the message takes the rules' */
        lines--;
        draw_cut(wb, y + lines, 0, wb->message, wb->message_role);
    }
    ui_detail_part parts[UI_DETAIL_PARTS];
    bool kept[UI_DETAIL_PARTS];
    size_t order[UI_DETAIL_PARTS];
    size_t n = ui_detail_parts(wb, parts, UI_DETAIL_PARTS);
    for (size_t i = 0; i < n; i++) {
        kept[i] = parts[i].keep < UI_KEEP_POPUP;
        order[i] = i;
    }
    /* too much for the lines: leave out the cell's parts kept least, last first (the rules are
     * cut at the end of their line instead: the broken ones come first) */
    bool dropped = false, only_value[UI_DETAIL_PARTS];
    for (size_t i = 0; i < n; i++)
        only_value[i] = i == 0 || parts[i].rule;
    bool room = flow_parts(wb, parts, order, only_value, n, y, lines, false) <= lines; /* else all is cut at the end */
    while (room && flow_parts(wb, parts, order, kept, n, y, lines, false) > lines) {
        size_t worst = 0;
        for (size_t i = 1; i < n; i++)
            if (kept[i] && !parts[i].rule && (worst == 0 || parts[i].keep >= parts[worst].keep))
                worst = i;
        if (worst == 0)
            break; /* only the value is left: it is cut instead */
        if (parts[worst].keep == KEEP_FIX && move_fix_to_rules(parts, order, n, worst))
            continue; /* the fix outranks the rules after the first broken one: it goes beside it */
        kept[worst] = false;
        dropped = true;
    }
    flow_parts(wb, parts, order, kept, n, y, lines, true);
    if (dropped) /* K shows all of it */
        ui_draw_str(&wb->palette, y + lines - 1, wb->cols - 2, 2, " …", CF_ROLE_DETAIL);
}

/* The status bar: the assessment's counts (the review's for what the reviewer did). When it does
 * not fit, the fields a reviewer needs least go first (the format, the corrected count, the file's
 * name, the reviewer), and what is still too long ends with "…": the problems, the counts, unsaved
 * changes and the sign-off stay longest. */
static void draw_status(ui_workbench *wb)
{
    int y = wb->rows - 1;
    cf_review_summary s = cf_review_summarize(wb->review);
    /* without an assessment (memory ran out) no count is claimed */
    cf_assess_counts n = wb->assessment ? cf_assess_counts_of(wb->assessment) : (cf_assess_counts){0};
    size_t at = 0;
    for (size_t i = 0; i < wb->problem_count; i++)
        if (wb->problems[i] == wb->cell)
            at = i + 1;
    const char *path = cf_review_report_path(wb->review);
    const char *base = strrchr(path, '/');
    enum { NAME, FORMAT, PROBLEMS, BROKEN, CROSS_YEAR, MISSING, CORRECTED, REVIEWER, APPROVED, FIELDS };
    static const int drop_order[] = {FORMAT, CORRECTED, NAME, REVIEWER};
    char field[FIELDS][300] = {{0}};
    snprintf(field[NAME], sizeof field[NAME], "%s", base ? base + 1 : path);
    snprintf(field[FORMAT], sizeof field[FORMAT], "%s", cf_template_name(wb->tpl));
    if (at)
        snprintf(field[PROBLEMS], sizeof field[PROBLEMS], _("problems %zu/%zu"), at, wb->problem_count);
    else
        snprintf(field[PROBLEMS], sizeof field[PROBLEMS], _("problems -/%zu"), wb->problem_count);
    if (!wb->assessment)
        snprintf(field[BROKEN], sizeof field[BROKEN], "%s", _("not assessed (out of memory)"));
    else if (n.waived)
        snprintf(field[BROKEN], sizeof field[BROKEN], _("broken %zu (+%zu waived)"), n.broken, n.waived);
    else
        snprintf(field[BROKEN], sizeof field[BROKEN], _("broken %zu"), n.broken);
    if (n.cross_year)
        snprintf(field[CROSS_YEAR], sizeof field[CROSS_YEAR], _("cross-year %zu"), n.cross_year);
    if (wb->assessment)
        snprintf(field[MISSING], sizeof field[MISSING], _("missing %zu"), n.missing);
    snprintf(field[CORRECTED], sizeof field[CORRECTED], _("corrected %zu"), s.corrected);
    snprintf(field[REVIEWER], sizeof field[REVIEWER], "%s%s", cf_review_reviewer(wb->review),
             cf_review_dirty(wb->review) ? " [+]" : "");
    if (cf_review_approved(wb->review)) /* signed off: said where the eye ends */
        snprintf(field[APPROVED], sizeof field[APPROVED], "%s", _("APPROVED"));
    char line[FIELDS * 310];
    for (size_t dropped = 0;; dropped++) {
        if (dropped > 0) {
            int gone = drop_order[dropped - 1];
            if (gone == REVIEWER) /* unsaved changes are said even without the name */
                snprintf(field[REVIEWER], sizeof field[REVIEWER], "%s", cf_review_dirty(wb->review) ? "[+]" : "");
            else
                field[gone][0] = '\0';
        }
        line[0] = '\0';
        for (int f = 0; f < FIELDS; f++)
            if (field[f][0])
                snprintf(line + strlen(line), sizeof line - strlen(line), "%s%s", line[0] ? " │ " : " ", field[f]);
        if (ui_text_width(line, strlen(line)) <= wb->cols || dropped == sizeof drop_order / sizeof *drop_order)
            break;
    }
    ui_fill(&wb->palette, y, 0, wb->cols, CF_ROLE_STATUS);
    draw_cut(wb, y, 0, line, CF_ROLE_STATUS);
    int used = ui_text_width(line, strlen(line));
    const char *help = _(" ? help ");
    int help_w = ui_text_width(help, strlen(help));
    if (used + help_w < wb->cols) /* never over the reviewer's name */
        ui_draw_str(&wb->palette, y, wb->cols - help_w, help_w, help, CF_ROLE_STATUS);
}

/* ---------- overlays: help and the problems list ---------- */

/* The problems list's sections, in this order, each from the assessment. */
enum { SECTION_BROKEN, SECTION_MISSING, SECTION_SUSPECT, SECTION_PROSE, SECTION_LAST_YEAR, SECTION_COUNT };
static const char *const SECTION_TITLES[] = {N_("Broken rules (%zu)"), N_("Missing cells (%zu)"),
                                             N_("Suspect cells (%zu)"), N_("The prose says otherwise (%zu)"),
                                             N_("Last year says otherwise (%zu)")};

/* Count the notices of kind on from *seen; the k-th of the count, with line, fills it (a warning
 * with no cell of its own jumps to the first cell on its line). */
static void notice_items(const ui_workbench *wb, cf_notice_kind kind, size_t *seen, size_t k, long *cell, char *line,
                         size_t size)
{
    for (size_t i = 0; i < cf_assess_notice_count(wb->assessment); i++) {
        const cf_notice *n = cf_assess_notice(wb->assessment, i);
        if (n->kind != kind || (*seen)++ != k || !line)
            continue;
        *cell = n->cell;
        for (size_t j = 0; *cell < 0 && j < cf_assess_suspect_count(wb->assessment); j++) {
            const cf_suspect *sus = cf_assess_suspect(wb->assessment, j);
            if (sus->kind == CF_SUSPECT_EXTRACTION && n->line && sus->line == n->line)
                *cell = (long)sus->cell;
        }
        if (n->line)
            snprintf(line, size, _(" ⚠ line %zu: %s"), n->line, n->message);
        else
            snprintf(line, size, " ⚠ %s", n->message);
    }
}

/* How many items section has; with line, item k of it fills line and *cell (-1: none to go to). */
static size_t section_items(const ui_workbench *wb, int section, size_t k, long *cell, char *line, size_t size)
{
    size_t seen = 0;
    const cf_assessment *a = wb->assessment;
    char label[256];
    switch (section) {
    case SECTION_BROKEN:
        for (size_t r = 0; r < cf_template_rule_count(wb->tpl); r++) {
            const cf_assessed_rule *rule = cf_assess_rule(a, r);
            if ((rule->outcome != CF_OUTCOME_BROKEN && rule->outcome != CF_OUTCOME_BROKEN_MISSING) || seen++ != k ||
                !line)
                continue;
            const cf_rule_def *def = cf_template_rule(wb->tpl, r);
            *cell = (long)def->left[0];
            /* the rule in the report's numbering with its arithmetic: "一+二 ≠ 三(七)+四 [自然人]: …" */
            snprintf(line, size, " ✗ %s", rule->explanation);
        }
        return seen;
    case SECTION_MISSING:
        if (line && k < cf_assess_missing_count(a)) {
            size_t c = cf_assess_missing(a, k);
            cf_template_cell_label(wb->tpl, c, label, sizeof label);
            *cell = (long)c;
            snprintf(line, size, _(" ? %s: missing"), label);
        }
        return cf_assess_missing_count(a);
    case SECTION_SUSPECT:
        /* each cell whose place was inferred and is not yet corrected or confirmed, then each warning */
        for (size_t i = 0; i < cf_assess_suspect_count(a); i++) {
            const cf_suspect *sus = cf_assess_suspect(a, i);
            if (sus->kind != CF_SUSPECT_INFERRED || !open_suspect(wb, sus->cell) || seen++ != k || !line)
                continue;
            cf_template_cell_label(wb->tpl, sus->cell, label, sizeof label);
            *cell = (long)sus->cell;
            snprintf(line, size, " ~ %s: %s", label, sus->reason);
        }
        notice_items(wb, CF_NOTICE_EXTRACTION, &seen, k, cell, line, size);
        return seen;
    case SECTION_PROSE:
        notice_items(wb, CF_NOTICE_PROSE, &seen, k, cell, line, size);
        return seen;
    default:
        notice_items(wb, CF_NOTICE_CROSS_YEAR, &seen, k, cell, line, size);
        return seen;
    }
}

size_t ui_problem_items(const ui_workbench *wb)
{
    size_t n = 0;
    for (int s = 0; wb->assessment && s < SECTION_COUNT; s++) {
        size_t items = section_items(wb, s, 0, NULL, NULL, 0);
        n += items ? items + 1 : 0; /* a section with items has its title */
    }
    return n;
}

bool ui_problem_item(const ui_workbench *wb, size_t k, long *cell, cf_role *role, char *line, size_t size)
{
    for (int s = 0; wb->assessment && s < SECTION_COUNT; s++) {
        size_t items = section_items(wb, s, 0, NULL, NULL, 0);
        if (items == 0)
            continue;
        *cell = -1;
        if (k == 0) {
            *role = CF_ROLE_HEADER;
            snprintf(line, size, _(SECTION_TITLES[s]), items);
            return true;
        }
        if (k <= items) {
            *role = s == SECTION_BROKEN ? CF_ROLE_BROKEN : CF_ROLE_NORMAL;
            section_items(wb, s, k - 1, cell, line, size);
            return true;
        }
        k -= items + 1;
    }
    return false;
}

void ui_open_counts(const cf_assess_counts *n, char *out, size_t size)
{
    char part[3][96];
    size_t parts = 0;
    if (n->broken)
        snprintf(part[parts++], sizeof part[0], P_("%zu broken rule not waived", "%zu broken rules not waived", n->broken),
                 n->broken);
    if (n->unexplained)
        snprintf(part[parts++], sizeof part[0],
                 P_("%zu missing cell without a note", "%zu missing cells without a note", n->unexplained),
                 n->unexplained);
    if (n->unsettled)
        snprintf(part[parts++], sizeof part[0],
                 P_("%zu suspect cell not confirmed or corrected", "%zu suspect cells not confirmed or corrected",
                    n->unsettled),
                 n->unsettled);
    out[0] = '\0';
    for (size_t i = 0; i < parts; i++)
        snprintf(out + strlen(out), size - strlen(out), "%s%s", i ? _(", ") : "", part[i]); /* "，" in Chinese */
}

size_t ui_open_item_line(const ui_workbench *wb, const cf_open_item *item, char *line, size_t size)
{
    if (item->kind == CF_OPEN_BROKEN) {
        /* the reason is the rule in the report's numbering with its arithmetic */
        snprintf(line, size, _("✗ %s — fix it, or waive it with a reason (W)"), item->reason);
        return cf_template_rule(wb->tpl, item->index)->left[0];
    }
    char name[300];
    cell_name(wb, item->index, name, sizeof name);
    if (item->kind == CF_OPEN_MISSING)
        snprintf(line, size, _("? %s: missing — enter the number, or say why with a note (a)"), name);
    else
        snprintf(line, size, _("~ %s: suspect, %s — confirm (c) or correct it (e)"), name, item->reason);
    return item->index;
}

/* ---------- the views ---------- */

/* The panes: the raw report, the tables, the detail lines, the status bar; keys go to the
 * action table. */
static void panes_draw(ui_workbench *wb, ui_view *view)
{
    if (wb->too_small) {
        const char *msg = _("terminal too small");
        int y = wb->rows / 2, x = (wb->cols - (int)strlen(msg)) / 2;
        mvaddstr(y < 0 ? 0 : y, x < 0 ? 0 : x, msg);
        return;
    }
    follow_cursor(wb);
    draw_raw(wb);
    draw_table(wb);
    draw_detail(wb);
    draw_status(wb);
    /* keep the terminal's cursor on the selected cell */
    const cf_cell_def *def = cf_template_cell(wb->tpl, wb->cell);
    if (def->column < UI_MAX_COLUMNS && wb->col_x[def->column] >= 0)
        move(wb->first_row_y + (int)(def->row - wb->row_top[wb->table]), wb->col_x[def->column]);
}

static void handle_mouse(ui_workbench *wb);

static void panes_key(ui_workbench *wb, ui_view *view, int key)
{
    if (ui_answer_kind(wb, key))
        return;
    if (key == UI_KEY(KEY_MOUSE)) {
        handle_mouse(wb);
        return;
    }
    wb->message[0] = '\0';
    const ui_action *a = ui_action_for_key(key);
    if (a)
        ui_run_action(wb, a, NULL);
}

static const ui_view_class PANES = {"panes", panes_draw, panes_key};

void ui_view_push(ui_workbench *wb, ui_view *view)
{
    if (wb->view_count == UI_VIEWS_MAX) {
        cf_free(view);
        ui_message(wb, CF_ROLE_ERROR, _("too many screens open: Esc closes one"));
        return;
    }
    wb->views[wb->view_count++] = view;
}

/* Take the views closed by the last key off the stack. */
static void drop_closed(ui_workbench *wb)
{
    size_t kept = 1;
    for (size_t i = 1; i < wb->view_count; i++)
        if (wb->views[i]->closed)
            cf_free(wb->views[i]);
        else
            wb->views[kept++] = wb->views[i];
    wb->view_count = kept;
}

void ui_draw(ui_workbench *wb)
{
    ui_layout(wb);
    erase();
    wb->show_cursor = false;
    for (size_t i = 0; i < wb->view_count; i++)
        wb->views[i]->cls->draw(wb, wb->views[i]);
    curs_set(wb->show_cursor ? 1 : 0);
    refresh();
}

void ui_select_cell(ui_workbench *wb, size_t cell)
{
    wb->cell = cell;
    wb->table = cf_template_cell(wb->tpl, cell)->table;
    wb->raw_follows = true;
    wb->focus = PANE_TABLE;
}

/* get_wch from the terminal, or from the key script in a headless run (Esc once the script
 * is done, after asking the workbench to quit). */
static int get_key(ui_workbench *wb, wint_t *ch)
{
    if (!wb->script)
        return get_wch(ch);
    unsigned c;
    int rc = ui_script_next(wb->script, &c);
    if (rc == ERR) { /* the script is over: leave without asking */
        wb->quit = true;
        *ch = 27;
        return OK;
    }
    *ch = (wint_t)c;
    return rc;
}

/* The next key (a resize is one too: KEY_RESIZE, after which the screen is drawn anew). */
static int read_key(ui_workbench *wb)
{
    for (;;) {
        wint_t ch;
        int rc = get_key(wb, &ch);
        if (rc != ERR)
            return rc == KEY_CODE_YES ? UI_KEY((int)ch) : (int)ch;
    }
}

/* ---------- running ---------- */

/* The screen as text, one line a row (headless runs: what a person would see). */
static bool dump_screen(ui_workbench *wb, const char *path)
{
    FILE *f = fopen(path, "w");
    if (!f)
        return false;
    for (int y = 0; y < wb->rows; y++) {
        cchar_t cells[1025];
        int n = wb->cols < 1024 ? wb->cols : 1024;
        memset(cells, 0, sizeof cells);
        /* one entry a character (a wide one spans two columns), ended by a null one */
        mvin_wchnstr(y, 0, cells, n);
        for (int x = 0; x < n; x++) {
            wchar_t wch[CCHARW_MAX + 1];
            attr_t attrs;
            short pair;
            if (getcchar(&cells[x], wch, &attrs, &pair, NULL) == ERR || wch[0] == 0)
                break;
            char utf8[16];
            size_t len = cf_utf8_encode((uint32_t)wch[0], utf8);
            fwrite(utf8, 1, len, f);
        }
        fputc('\n', f);
    }
    return fclose(f) == 0;
}

static bool start_terminal(ui_workbench *wb, const ui_options *opt)
{
    if (wb->script) { /* headless: draw into nothing, at a fixed size */
        wb->headless_out = fopen("/dev/null", "w");
        wb->headless_in = fopen("/dev/null", "r");
        const char *term = getenv("TERM");
        if (wb->headless_out && wb->headless_in)
            wb->screen = newterm(term && term[0] ? term : "xterm-256color", wb->headless_out, wb->headless_in);
        if (!wb->screen)
            return false;
        resizeterm(opt->rows > 0 ? opt->rows : 40, opt->cols > 0 ? opt->cols : 140);
        noecho();
        return true;
    }
    if (!ui_terminal_usable() || !(wb->screen = newterm(NULL, stdout, stdin)))
        return false;
    raw(); /* Ctrl-S and Ctrl-R reach us, not the terminal's flow control */
    noecho();
    keypad(stdscr, TRUE);
    set_escdelay(25);
    /* A resize signal that lands just before ncurses blocks in read() is only seen on its
     * next call: waking up four times a second means a resize is never left undrawn. */
    timeout(250);
    return true;
}

static void handle_mouse(ui_workbench *wb)
{
    MEVENT ev;
    if (getmouse(&ev) != OK)
        return;
    if (ev.bstate & BUTTON4_PRESSED) {
        wb->raw_follows = false;
        wb->raw_top = wb->raw_top > 3 ? wb->raw_top - 3 : 0;
        return;
    }
#ifdef BUTTON5_PRESSED
    if (ev.bstate & BUTTON5_PRESSED) {
        wb->raw_follows = false;
        if (wb->raw_top + 3 < cf_text_line_count(wb->text))
            wb->raw_top += 3;
        return;
    }
#endif
    if (!(ev.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED)))
        return;
    ui_layout(wb); /* where the table is now, not where it was drawn */
    if (wb->too_small)
        return;
    place_columns(wb);
    int row = ev.y - wb->first_row_y;
    if (row < 0 || ev.x < wb->tbl_x)
        return;
    size_t r = wb->row_top[wb->table] + (size_t)row;
    for (size_t c = 0; c < UI_MAX_COLUMNS; c++)
        if (wb->col_x[c] >= 0 && ev.x >= wb->col_x[c] && ev.x < wb->col_x[c] + wb->col_w[c] &&
            r < shown_table(wb)->row_count) {
            long cell = cell_at(wb, r, c);
            if (cell >= 0)
                ui_select_cell(wb, (size_t)cell);
        }
}

/* The answer to "replay the journal?" asked when a review opens with unsaved changes in it. */
static void answer_replay(ui_workbench *wb, int answer)
{
    cf_error err;
    cf_error_clear(&err);
    if (answer == 'y') {
        size_t replayed = 0;
        if (cf_review_replay_journal(wb->review, &replayed, &err) != CF_OK)
            ui_message(wb, CF_ROLE_ERROR, "%s", err.message);
        else if (cf_review_journal_problem(wb->review))
            ui_message(wb, CF_ROLE_ERROR, _("replayed %zu change(s); %s"), replayed,
                       cf_review_journal_problem(wb->review));
        else
            ui_message(wb, CF_ROLE_MESSAGE,
                       P_("replayed %zu change from the journal", "replayed %zu changes from the journal", replayed),
                       replayed);
        ui_refresh_problems(wb);
    } else if (answer == 'n') { /* kept aside, so that they never mix with this session's */
        char *kept = NULL;
        if (cf_review_decline_journal(wb->review, &kept, &err) == CF_OK)
            ui_message(wb, CF_ROLE_MESSAGE, _("not replayed; the old journal is kept as %s"), kept);
        else
            ui_message(wb, CF_ROLE_ERROR, "%s", err.message);
        cf_free(kept);
    }
}

int ui_workbench_run(cf_review *review, const ui_options *options)
{
    ui_workbench wb;
    memset(&wb, 0, sizeof wb);
    wb.review = review;
    wb.tpl = cf_review_template(review);
    wb.text = cf_review_text(review);
    wb.raw_follows = true;
    const char *nc = getenv("NO_COLOR");
    wb.no_color = nc && nc[0];
    wb.mouse = options->mouse;
    wb.previous = options->previous;
    wb.problems = cf_calloc(cf_review_cell_count(review) + 1, sizeof *wb.problems);
    if (!wb.problems) {
        fprintf(stderr, _("crossfoot: out of memory\n"));
        return 2;
    }
    cf_error err;
    cf_error_clear(&err);
    char theme_problem[1200] = "";
    if (cf_theme_find(options->theme_name ? options->theme_name : "default", &wb.theme, &err) != CF_OK) {
        cf_error_format(&err, theme_problem, sizeof theme_problem);
        /* a theme asked for by name that cannot be had is the caller's mistake, said before the
         * screen starts; a broken default.yaml of the user's own gives way to the built-in one */
        if (options->theme_name) {
            fprintf(stderr, _("crossfoot: --theme %s: %s\n"), options->theme_name, theme_problem);
            cf_free(wb.problems);
            return 2;
        }
        if (cf_theme_builtin("default", &wb.theme, &err) != CF_OK) {
            fprintf(stderr, _("crossfoot: the built-in default theme is broken\n"));
            cf_free(wb.problems);
            return 2;
        }
    }
    char why[300];
    if (options->script_path && !(wb.script = ui_script_load(options->script_path, why, sizeof why))) {
        fprintf(stderr, "crossfoot: %s\n", why);
        cf_theme_free(wb.theme);
        cf_free(wb.problems);
        return 2;
    }
    if (!start_terminal(&wb, options)) {
        if (wb.headless_out)
            fclose(wb.headless_out);
        if (wb.headless_in)
            fclose(wb.headless_in);
        ui_script_free(wb.script);
        const char *term = getenv("TERM");
        fprintf(stderr, _("crossfoot: cannot use this terminal (TERM=%s): unknown, or it cannot move the cursor\n"),
                term ? term : "");
        cf_theme_free(wb.theme);
        cf_free(wb.problems);
        return 2;
    }
    if (wb.mouse)
        mousemask(ALL_MOUSE_EVENTS, NULL);
    ui_palette_apply(&wb.palette, wb.theme, wb.no_color);
    wb.panes.cls = &PANES;
    wb.views[wb.view_count++] = &wb.panes;
    ui_refresh_problems(&wb);
    ui_select_cell(&wb, wb.problem_count ? wb.problems[0] : 0);
    size_t history = cf_review_history_count(review);
    if (theme_problem[0])
        ui_message(&wb, CF_ROLE_ERROR, _("%s (using the default theme)"), theme_problem);
    else if (options->resumed && history)
        ui_message(&wb, CF_ROLE_MESSAGE, _("review resumed: the last change was by %s at %s; reviewing now: %s"),
                   cf_review_history(review, history - 1)->who, cf_review_history(review, history - 1)->at,
                   cf_review_reviewer(review));
    else if (options->resumed)
        ui_message(&wb, CF_ROLE_MESSAGE, _("review resumed; reviewing now: %s"), cf_review_reviewer(review));
    else
        ui_message(&wb, CF_ROLE_MESSAGE, P_("%zu problem cell; ] and [ walk them, ? shows every key",
                            "%zu problem cells; ] and [ walk them, ? shows every key", wb.problem_count),
                   wb.problem_count);
    size_t pending = cf_review_journal_pending(review);
    if (pending) {
        char q[256];
        snprintf(q, sizeof q, P_("The journal holds %zu change from an earlier session that was never saved. Replay it? (y/n)",
                    "The journal holds %zu changes from an earlier session that were never saved. Replay them? (y/n)",
                    pending),
                 pending);
        ui_ask(&wb, q, "yn", answer_replay);
    }
    struct timespec t0;
    bool timing = false;
    uint64_t records_before = 0;
    while (!wb.quit) {
        ui_draw(&wb);
        if (timing && wb.script) { /* a key's cost: its action and the redraw after it */
            struct timespec t1;
            clock_gettime(CLOCK_MONOTONIC, &t1);
            ui_script_time(wb.script, (t1.tv_sec - t0.tv_sec) * 1000000000LL + (t1.tv_nsec - t0.tv_nsec),
                           cf_review_journal_records(review) != records_before);
        }
        int key = read_key(&wb);
        timing = false;
        if (wb.quit)
            break;
        if (key == UI_KEY(KEY_RESIZE))
            continue; /* the next draw fits the new size: the one place a resize is handled */
        clock_gettime(CLOCK_MONOTONIC, &t0);
        records_before = cf_review_journal_records(review);
        timing = true;
        const cf_approval *approved = cf_review_approved(review);
        char approver[256];
        snprintf(approver, sizeof approver, "%s", approved ? approved->who : "");
        ui_view *top = wb.views[wb.view_count - 1];
        top->cls->key(&wb, top, key);
        drop_closed(&wb);
        if (approved && !cf_review_approved(review)) { /* whatever the key did, say it withdrew the sign-off */
            char said[sizeof wb.message];
            snprintf(said, sizeof said, "%s", wb.message);
            ui_message(&wb, CF_ROLE_ERROR, _("%s — the approval by %s is withdrawn: the review changed after it"), said,
                       approver);
        }
    }
    for (size_t i = 1; i < wb.view_count; i++) /* the script may end with a prompt open */
        cf_free(wb.views[i]);
    int status = 0;
    if (wb.script && options->screen_path && !dump_screen(&wb, options->screen_path)) {
        fprintf(stderr, _("crossfoot: cannot write the screen to %s\n"), options->screen_path);
        status = 2;
    }
    endwin();
    if (wb.script && options->timings_path && !ui_script_write_timings(wb.script, options->timings_path)) {
        fprintf(stderr, _("crossfoot: cannot write the timings to %s\n"), options->timings_path);
        status = 2;
    }
    delscreen(wb.screen);
    if (wb.headless_out)
        fclose(wb.headless_out);
    if (wb.headless_in)
        fclose(wb.headless_in);
    ui_script_free(wb.script);
    cf_assessment_free(wb.assessment);
    cf_theme_free(wb.theme);
    cf_free(wb.problems);
    return status;
}
