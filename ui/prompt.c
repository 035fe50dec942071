/* SPDX-License-Identifier: GPL-3.0-or-later */
/* prompt.c — two views on the bottom line: the line editor (a value shown selected, so typing
 * replaces it as in a spreadsheet; Up/Down through a history) and questions. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "alloc.h"
#include "i18n.h"
#include "wb.h"

#define PROMPT_MAX 512

/* The text being edited: wide characters, so that Chinese typed through an input method
 * arrives whole and the cursor moves by characters. */
typedef struct {
    wchar_t buf[PROMPT_MAX + 1];
    size_t len, cursor;
    bool selected; /* the whole text is selected: the first character typed replaces it */
    ui_history *history;
    size_t recalled; /* history entries stepped back (0: the reviewer's own text) */
    wchar_t own[PROMPT_MAX + 1]; /* the reviewer's own text while the history is shown */
    size_t own_len;
} line_editor;

static void set_text(line_editor *ed, const char *text)
{
    size_t n = mbstowcs(ed->buf, text, PROMPT_MAX);
    ed->len = ed->cursor = n == (size_t)-1 ? 0 : n;
}

static void draw_prompt(ui_workbench *wb, const char *label, const line_editor *ed)
{
    int y = wb->rows - 1;
    ui_fill(&wb->palette, y, 0, wb->cols, CF_ROLE_NORMAL);
    int x = ui_draw_str(&wb->palette, y, 0, wb->cols, label, CF_ROLE_HEADER);
    /* show the part of the text around the cursor */
    char utf8[PROMPT_MAX * 4 + 1];
    size_t before_len = 0;
    size_t start = 0;
    int room = wb->cols - x - 1;
    for (;;) {
        int w = 0;
        for (size_t i = start; i < ed->cursor; i++)
            w += wcwidth(ed->buf[i]) > 0 ? wcwidth(ed->buf[i]) : 1;
        if (w < room || start >= ed->cursor)
            break;
        start++;
    }
    mbstate_t st;
    memset(&st, 0, sizeof st);
    char *o = utf8;
    for (size_t i = start; i < ed->len; i++) {
        if (i == ed->cursor)
            before_len = (size_t)(o - utf8);
        size_t n = wcrtomb(o, ed->buf[i], &st);
        if (n != (size_t)-1)
            o += n;
    }
    if (ed->cursor >= ed->len)
        before_len = (size_t)(o - utf8);
    *o = '\0';
    /* a selected value is drawn as the cursor cell is, so it reads as "typing replaces this" */
    ui_draw_text(&wb->palette, y, x, room, utf8, (size_t)(o - utf8), 0, CF_ROLE_NORMAL, false, 0,
                 ed->selected ? (size_t)(o - utf8) : 0, CF_ROLE_CURSOR);
    int cx = x + ui_text_width(utf8, before_len);
    move(y, cx < wb->cols ? cx : wb->cols - 1);
    wb->show_cursor = true;
}

/* Bytes of buf[0..len) in the locale's multibyte encoding; (size_t)-1 when one cannot be encoded. */
static size_t encoded_len(const wchar_t *buf, size_t len)
{
    mbstate_t st;
    memset(&st, 0, sizeof st);
    char one[MB_LEN_MAX];
    size_t total = 0;
    for (size_t i = 0; i < len; i++) {
        size_t n = wcrtomb(one, buf[i], &st);
        if (n == (size_t)-1)
            return n;
        total += n;
    }
    return total;
}

static void delete_before(line_editor *ed)
{
    if (ed->cursor) {
        memmove(ed->buf + ed->cursor - 1, ed->buf + ed->cursor, (ed->len - ed->cursor) * sizeof *ed->buf);
        ed->len--;
        ed->cursor--;
    }
}

/* Up (older) and Down (newer) through the history; below the newest is the reviewer's own text. */
static void recall(line_editor *ed, bool older)
{
    ui_history *h = ed->history;
    if (!h || (older && ed->recalled >= h->count) || (!older && ed->recalled == 0))
        return;
    if (ed->recalled == 0) {
        memcpy(ed->own, ed->buf, ed->len * sizeof *ed->buf);
        ed->own_len = ed->len;
    }
    ed->recalled += older ? 1 : (size_t)-1;
    if (ed->recalled == 0) {
        memcpy(ed->buf, ed->own, ed->own_len * sizeof *ed->buf);
        ed->len = ed->cursor = ed->own_len;
    } else {
        set_text(ed, h->items[h->count - ed->recalled]);
    }
    ed->selected = false;
}

void ui_history_add(ui_history *h, const char *text)
{
    if (!text[0] || (h->count && strcmp(h->items[h->count - 1], text) == 0))
        return;
    if (h->count == UI_HISTORY_MAX) {
        memmove(h->items[0], h->items[1], (UI_HISTORY_MAX - 1) * sizeof h->items[0]);
        h->count--;
    }
    snprintf(h->items[h->count++], sizeof h->items[0], "%s", text);
}

/* The prompt as a view: the line editor on the bottom line, over the screen. */
typedef struct {
    ui_view view;
    char label[600];
    line_editor ed;
    size_t size; /* bytes the accepted text may take, its NUL included */
    void (*complete)(const char *typed, char *out, size_t size);
    ui_prompt_done done;
    long arg;
} prompt_view;

static void prompt_draw(ui_workbench *wb, ui_view *view)
{
    prompt_view *p = (prompt_view *)view;
    if (wb->rows > 0)
        draw_prompt(wb, p->label, &p->ed);
}

/* Enter: the text, as UTF-8, to the prompt's done (after the view is closed, so that done
 * may open another); a text that cannot be taken is said and the prompt closed. */
static void accept(ui_workbench *wb, prompt_view *p)
{
    line_editor *ed = &p->ed;
    ed->buf[ed->len] = 0;
    char *out = cf_malloc(p->size);
    /* wcstombs stops short of a character that does not fit, unterminated: measure first */
    size_t need = wcstombs(NULL, ed->buf, 0);
    if (!out || need == (size_t)-1 || need >= p->size || wcstombs(out, ed->buf, p->size) != need) {
        ui_message(wb, CF_ROLE_ERROR, _("the text could not be taken (too long or not valid in this locale)"));
    } else {
        if (ed->history)
            ui_history_add(ed->history, out);
        p->done(wb, out, p->arg);
    }
    cf_free(out);
}

static void prompt_key(ui_workbench *wb, ui_view *view, int key)
{
    prompt_view *p = (prompt_view *)view;
    line_editor *ed = &p->ed;
    bool was_selected = ed->selected;
    /* any key but a character typed starts editing the selected value where it is */
    ed->selected = false;
    switch (key) {
    case UI_KEY(KEY_LEFT):
        ed->cursor = ed->cursor ? ed->cursor - 1 : 0;
        return;
    case UI_KEY(KEY_RIGHT):
        ed->cursor = ed->cursor < ed->len ? ed->cursor + 1 : ed->len;
        return;
    case UI_KEY(KEY_HOME):
    case UI_CTRL('a'):
        ed->cursor = 0;
        return;
    case UI_KEY(KEY_END):
    case UI_CTRL('e'):
        ed->cursor = ed->len;
        return;
    case UI_KEY(KEY_UP):
        recall(ed, true);
        return;
    case UI_KEY(KEY_DOWN):
        recall(ed, false);
        return;
    case UI_KEY(KEY_BACKSPACE):
    case 127:
    case 8:
        delete_before(ed);
        return;
    case UI_KEY(KEY_DC):
        if (was_selected) { /* Delete on a selection removes it, as in any text field */
            ed->len = ed->cursor = 0;
        } else if (ed->cursor < ed->len) {
            memmove(ed->buf + ed->cursor, ed->buf + ed->cursor + 1, (ed->len - ed->cursor - 1) * sizeof *ed->buf);
            ed->len--;
        }
        return;
    case UI_CTRL('u'):
        memmove(ed->buf, ed->buf + ed->cursor, (ed->len - ed->cursor) * sizeof *ed->buf);
        ed->len -= ed->cursor;
        ed->cursor = 0;
        return;
    case 27:
        view->closed = true;
        return;
    case '\n':
    case '\r':
    case UI_KEY(KEY_ENTER):
        view->closed = true;
        accept(wb, p);
        return;
    case '\t':
        if (p->complete) {
            char typed[PROMPT_MAX * 4 + 1], done_text[PROMPT_MAX * 4 + 1];
            ed->buf[ed->len] = 0;
            if (wcstombs(typed, ed->buf, sizeof typed) != (size_t)-1) {
                p->complete(typed, done_text, sizeof done_text);
                set_text(ed, done_text);
            }
            return;
        }
        break;
    default:
        break;
    }
    if (key < 0x20 || key >= UI_KEY(0) || (!was_selected && ed->len >= PROMPT_MAX)) {
        ed->selected = was_selected; /* a key that does nothing leaves the selection */
        return;
    }
    if (was_selected) /* typing over a selected value replaces it: `e 0 Enter` stores 0 */
        ed->len = ed->cursor = 0;
    /* the text takes size bytes: a character that would not fit is not taken, rather than
     * the text being cut (Chinese takes three bytes a character) when Enter is pressed */
    wchar_t one = (wchar_t)key;
    size_t have = encoded_len(ed->buf, ed->len), more = encoded_len(&one, 1);
    if (have == (size_t)-1 || more == (size_t)-1 || have + more >= p->size) {
        ui_message(wb, CF_ROLE_ERROR, _("this field is full: it holds %zu bytes (%zu Chinese characters)"), p->size - 1,
                   (p->size - 1) / 3);
        return;
    }
    memmove(ed->buf + ed->cursor + 1, ed->buf + ed->cursor, (ed->len - ed->cursor) * sizeof *ed->buf);
    ed->buf[ed->cursor++] = one;
    ed->len++;
}

static const ui_view_class PROMPT = {"prompt", prompt_draw, prompt_key};

void ui_prompt(ui_workbench *wb, const char *label, const ui_prompt_options *opt, size_t size, ui_prompt_done done,
               long arg)
{
    prompt_view *p = cf_calloc(1, sizeof *p);
    if (!p) {
        ui_message(wb, CF_ROLE_ERROR, _("out of memory"));
        return;
    }
    p->view.cls = &PROMPT;
    snprintf(p->label, sizeof p->label, "%s", label);
    set_text(&p->ed, opt->initial ? opt->initial : "");
    p->ed.selected = opt->select && p->ed.len > 0;
    p->ed.history = opt->history;
    p->size = size;
    p->complete = opt->complete;
    p->done = done;
    p->arg = arg;
    ui_view_push(wb, &p->view);
}

/* A question as a view: drawn in place of the status bar (so a redraw, even "terminal too
 * small", keeps it); a key among its choices, or Esc, answers it. */
typedef struct {
    ui_view view;
    char question[600], choices[16];
    ui_answer answer;
} question_view;

static void question_draw(ui_workbench *wb, ui_view *view)
{
    question_view *q = (question_view *)view;
    if (wb->rows < 2)
        return;
    ui_fill(&wb->palette, wb->rows - 1, 0, wb->cols, CF_ROLE_ERROR);
    ui_draw_str(&wb->palette, wb->rows - 1, 0, wb->cols, q->question, CF_ROLE_ERROR);
}

static void question_key(ui_workbench *wb, ui_view *view, int key)
{
    question_view *q = (question_view *)view;
    if (key != 27 && !(key > 0 && key < 128 && strchr(q->choices, key)))
        return;
    view->closed = true;
    q->answer(wb, key);
}

static const ui_view_class QUESTION = {"question", question_draw, question_key};

void ui_ask(ui_workbench *wb, const char *question, const char *choices, ui_answer answer)
{
    question_view *q = cf_calloc(1, sizeof *q);
    if (!q) {
        ui_message(wb, CF_ROLE_ERROR, _("out of memory"));
        return;
    }
    q->view.cls = &QUESTION;
    snprintf(q->question, sizeof q->question, "%s", question);
    snprintf(q->choices, sizeof q->choices, "%s", choices);
    q->answer = answer;
    ui_view_push(wb, &q->view);
}
