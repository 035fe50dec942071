/* SPDX-License-Identifier: GPL-3.0-or-later */
/* wb.h — the workbench's state, shared by its drawing (workbench.c), its actions
 * (actions.c) and its prompts (prompt.c). Internal to ui/. */
#ifndef UI_WB_H
#define UI_WB_H

#include <stdbool.h>
#include <stddef.h>

#include "assess.h"
#include "draw.h"
#include "review.h"
#include "script.h"
#include "theme.h"
#include "workbench.h"

typedef enum { PANE_TABLE, PANE_RAW } ui_pane;

typedef struct ui_workbench ui_workbench;

/* A view draws itself and takes its keys, as tmux's window modes and tig's views do. The
 * panes (the raw report, the tables, the detail lines and the status bar) are the bottom of a
 * stack; help, the problems, the cell popup, prompts and questions are pushed over them, get
 * every key while on top, and close themselves. One loop (ui_workbench_run) reads the keys. */
typedef struct ui_view ui_view;
typedef struct {
    const char *name;
    void (*draw)(ui_workbench *wb, ui_view *view);         /* over the views below it, at wb's layout */
    void (*key)(ui_workbench *wb, ui_view *view, int key); /* one key; set view->closed to pop it */
} ui_view_class;
struct ui_view {
    const ui_view_class *cls;
    bool closed; /* taken off the stack (and freed) after the key that closed it */
};
#define UI_VIEWS_MAX 8

#define UI_MAX_COLUMNS CF_TEMPLATE_MAX_COLUMNS

/* What was accepted at a prompt, oldest first, for Up/Down (the session's, not saved). */
#define UI_HISTORY_MAX 32
typedef struct {
    char items[UI_HISTORY_MAX][256];
    size_t count;
} ui_history;

struct ui_workbench {
    cf_review *review;
    const cf_template *tpl;
    const cf_text *text;
    cf_theme *theme;
    ui_palette palette;
    bool no_color, mouse;

    size_t table;       /* the table shown */
    size_t cell;        /* the cell under the cursor */
    size_t row_top[CF_TEMPLATE_MAX_TABLES];  /* first row shown, per table */
    size_t col_left[CF_TEMPLATE_MAX_TABLES]; /* first column shown, per table */
    ui_pane focus;
    size_t raw_top;   /* first line of the raw pane */
    int raw_left;     /* columns scrolled off the raw pane's left */
    bool raw_follows; /* the raw pane follows the cursor until the reviewer scrolls it */

    char message[512];
    cf_role message_role;
    /* A typed value the report's line does not print was recorded as a figure correction: the
     * next key may say otherwise (r: read, f or Esc: figure); any other key does what it does. */
    bool asking_kind;
    size_t asking_cell;
    char search[256];
    ui_history search_history, command_history;
    size_t search_at; /* byte offset of the current match */
    bool search_hit;

    size_t *problems;
    size_t problem_count;
    cf_assessment *assessment; /* of the review as it stands, kept fresh by ui_refresh_problems */
    cf_suggestion suggestion;  /* the assessment's smallest fix while a rule is broken (not owned) */
    const cf_year *previous;   /* last year's report, or NULL */

    ui_script *script; /* headless: keys come from here */
    SCREEN *screen;
    FILE *headless_out, *headless_in;

    ui_view panes;                /* the bottom view */
    ui_view *views[UI_VIEWS_MAX]; /* [0]: the panes; the top one gets the keys */
    size_t view_count;
    bool show_cursor; /* the terminal's cursor is shown (a prompt's), else only placed on the cell */
    bool quit;

    /* the layout, computed afresh from the terminal's size by ui_layout */
    int rows, cols;
    bool too_small, stacked;
    int bottom;       /* lines below the panes */
    int detail_lines; /* of them, those that explain the cursor's cell */
    int raw_y, raw_x, raw_h, raw_w;
    int tbl_y, tbl_x, tbl_h, tbl_w;
    int col_x[UI_MAX_COLUMNS], col_w[UI_MAX_COLUMNS]; /* screen x and width of each shown column; -1 hidden */
    int first_row_y, label_w;
};

/* Key codes: characters as themselves, function keys above Unicode. */
#define UI_KEY(k) (0x110000 + (k))
#define UI_CTRL(c) ((c) & 0x1F)

typedef struct {
    const char *name;
    int keys[4];            /* 0 ends the list */
    const char *key_names;  /* as the help shows them */
    const char *help;
    void (*run)(ui_workbench *wb, const char *arg);
    bool on_cell; /* acts on the cell under the cursor: refused while the raw pane has the focus */
} ui_action;

/* The action table: dispatch, help and `:` completion all come from it. */
const ui_action *ui_actions(size_t *count);
const ui_action *ui_action_for_key(int key);
const ui_action *ui_action_named(const char *name);
/* Run an action (from its key or as :name) with arg (may be NULL), unless it acts on a cell
 * and the raw pane has the focus: then say that Tab returns to the tables. */
void ui_run_action(ui_workbench *wb, const ui_action *action, const char *arg);

/* Draw every view, bottom first, and show the screen. */
void ui_draw(ui_workbench *wb);
/* The panes' places for the terminal's size now (an action that needs a size calls this, never
 * trusting the last draw). */
void ui_layout(ui_workbench *wb);
/* Push view (allocated with cf_calloc; the stack owns it from here) on top; when the stack is
 * full it is freed and an error said. */
void ui_view_push(ui_workbench *wb, ui_view *view);
/* Open a list over the panes: help, the problems, the cell popup (see lists.c). */
typedef enum { UI_LIST_HELP, UI_LIST_PROBLEMS, UI_LIST_CELL, UI_LIST_SUMMARY, UI_LIST_OPEN } ui_list_kind;
void ui_list_open(ui_workbench *wb, ui_list_kind kind);
void ui_message(ui_workbench *wb, cf_role role, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* After a change: the problems, the cursor's place, the raw pane. */
void ui_refresh_problems(ui_workbench *wb);
/* The answer to "read or figure?" (see asking_kind): true when key answered it (r, f, Esc), which
 * ends the question either way. */
bool ui_answer_kind(ui_workbench *wb, int key);
/* The rules cell is in, broken first, as the assessment has them (none without one): fills out
 * (room for max) and returns how many. */
size_t ui_rules_of(const ui_workbench *wb, size_t cell, size_t *out, size_t max);
/* True when the assessment has rule broken (waived or not). */
bool ui_rule_broken(const ui_workbench *wb, size_t rule);
void ui_select_cell(ui_workbench *wb, size_t cell);
/* A value as the screen shows it: the number, "/" or "(blank)", in buf (32 bytes). */
const char *ui_value_text(cf_cell_state state, cf_decimal value, char *buf);
/* One part of what the detail lines say about the cursor's cell: its value, source, state,
 * the fix, the note, each rule it is in. keep: the lower, the longer it stays on a narrow
 * screen; rule: the rules start a line of their own. */
#define UI_DETAIL_PARTS 32
#define UI_KEEP_POPUP 100 /* a part only the K popup shows */
typedef struct {
    char text[1400];
    cf_role role;
    int keep;
    bool rule;
} ui_detail_part;
/* Fill parts (room for max) with what there is to say about the cursor's cell; returns how many. */
size_t ui_detail_parts(const ui_workbench *wb, ui_detail_part *parts, size_t max);
/* A line of a list view: its text and role; more when it goes on the item of the line above
 * (a long item wrapped), so the item is selected, scrolled and entered whole. */
typedef struct {
    char text[1400];
    cf_role role;
    bool more;
} ui_popup_line;
/* What history entry h changes, in a few words ("三(七)总计 · 自然人 2 → 0"; undoing: what undoing it
 * changes, 0 → 2) into out; returns the cell to show it on (a waiver's: its rule's first cell). */
size_t ui_describe_entry(const ui_workbench *wb, const cf_history_entry *h, bool undoing, char *out, size_t size);
/* The assessment's open items counted for people ("4 broken rules not waived, 5 missing cells
 * without a note, 1 suspect cell not confirmed or corrected"; nonzero counts only) into out. */
void ui_open_counts(const cf_assess_counts *n, char *out, size_t size);
/* One open item of the sign-off as a line (what it is and what settles it) into out; returns
 * the cell to show it on (a broken rule's first cell). */
size_t ui_open_item_line(const ui_workbench *wb, const cf_open_item *item, char *line, size_t size);
/* The problems list from the assessment, in sections with a title each: broken rules, missing
 * cells, suspect cells (inferred places, extraction warnings), the prose, last year. Item k's line,
 * its role and the cell to jump to (-1: a title, or a warning about no cell); false past the end. */
size_t ui_problem_items(const ui_workbench *wb);
bool ui_problem_item(const ui_workbench *wb, size_t k, long *cell, cf_role *role, char *line, size_t size);
/* Whether TERM is known and can place the cursor (asked before the screen is started). */
bool ui_terminal_usable(void);

typedef struct {
    const char *initial; /* the text to start from (NULL: empty) */
    bool select;         /* initial is selected: the first character typed replaces it */
    ui_history *history; /* Up/Down recall from it, and what is accepted goes into it (may be NULL) */
    void (*complete)(const char *typed, char *out, size_t size); /* Tab (may be NULL) */
} ui_prompt_options;

/* What to do with a prompt's accepted text (UTF-8, freed after the call) and the arg given. */
typedef void (*ui_prompt_done)(ui_workbench *wb, const char *text, long arg);
/* Open a line editor on the bottom line; Enter gives its text (at most size bytes with its
 * NUL) to done, Esc closes it and nothing happens. */
void ui_prompt(ui_workbench *wb, const char *label, const ui_prompt_options *options, size_t size, ui_prompt_done done,
               long arg);
/* Add text to h (not an empty text, nor the last one again); the oldest goes when full. */
void ui_history_add(ui_history *h, const char *text);
/* Ask a question on the bottom line; answer gets the key among choices pressed (Esc: 27). */
typedef void (*ui_answer)(ui_workbench *wb, int key);
void ui_ask(ui_workbench *wb, const char *question, const char *choices, ui_answer answer);

#endif
