/* SPDX-License-Identifier: GPL-3.0-or-later */
/* prompt.c — the bottom-line editor (a value shown selected, so typing replaces it as in a
 * spreadsheet; Up/Down through a history) and yes/no questions. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "wb.h"
#include "i18n.h"

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
    ui_compose(wb);
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
    curs_set(1);
    refresh();
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

bool ui_prompt(ui_workbench *wb, const char *label, const ui_prompt_options *opt, char *out, size_t size)
{
    line_editor ed;
    memset(&ed, 0, sizeof ed);
    set_text(&ed, opt->initial ? opt->initial : "");
    ed.selected = opt->select && ed.len > 0;
    ed.history = opt->history;
    bool done = false, accepted = false;
    while (!done) {
        draw_prompt(wb, label, &ed);
        wint_t ch;
        int rc = ui_get_wch(wb, &ch);
        if (rc == ERR)
            continue;
        bool was_selected = ed.selected;
        /* any key but a character typed starts editing the selected value where it is */
        ed.selected = false;
        if (rc == KEY_CODE_YES) {
            switch (ch) {
            case KEY_LEFT:
                ed.cursor = ed.cursor ? ed.cursor - 1 : 0;
                break;
            case KEY_RIGHT:
                ed.cursor = ed.cursor < ed.len ? ed.cursor + 1 : ed.len;
                break;
            case KEY_HOME:
                ed.cursor = 0;
                break;
            case KEY_END:
                ed.cursor = ed.len;
                break;
            case KEY_UP:
                recall(&ed, true);
                break;
            case KEY_DOWN:
                recall(&ed, false);
                break;
            case KEY_BACKSPACE:
                delete_before(&ed);
                break;
            case KEY_DC:
                if (was_selected) { /* Delete on a selection removes it, as in any text field */
                    ed.len = ed.cursor = 0;
                } else if (ed.cursor < ed.len) {
                    memmove(ed.buf + ed.cursor, ed.buf + ed.cursor + 1, (ed.len - ed.cursor - 1) * sizeof *ed.buf);
                    ed.len--;
                }
                break;
            case KEY_ENTER:
                done = accepted = true;
                break;
            default: /* KEY_RESIZE and the rest: redraw, the selection kept */
                ed.selected = was_selected;
                break;
            }
            continue;
        }
        if (ch == 27) {
            done = true;
        } else if (ch == '\n' || ch == '\r') {
            done = accepted = true;
        } else if (ch == 127 || ch == 8) {
            delete_before(&ed);
        } else if (ch == UI_CTRL('a')) {
            ed.cursor = 0;
        } else if (ch == UI_CTRL('e')) {
            ed.cursor = ed.len;
        } else if (ch == UI_CTRL('u')) {
            memmove(ed.buf, ed.buf + ed.cursor, (ed.len - ed.cursor) * sizeof *ed.buf);
            ed.len -= ed.cursor;
            ed.cursor = 0;
        } else if (ch == '\t' && opt->complete) {
            char typed[PROMPT_MAX * 4 + 1], done_text[PROMPT_MAX * 4 + 1];
            ed.buf[ed.len] = 0;
            if (wcstombs(typed, ed.buf, sizeof typed) != (size_t)-1) {
                opt->complete(typed, done_text, sizeof done_text);
                set_text(&ed, done_text);
            }
        } else if (ch >= 0x20 && (was_selected || ed.len < PROMPT_MAX)) {
            if (was_selected) /* typing over a selected value replaces it: `e 0 Enter` stores 0 */
                ed.len = ed.cursor = 0;
            /* out holds size bytes: a character that would not fit is not taken, rather than
             * the text being cut (Chinese takes three bytes a character) when Enter is pressed */
            wchar_t one = (wchar_t)ch;
            size_t have = encoded_len(ed.buf, ed.len), more = encoded_len(&one, 1);
            if (have == (size_t)-1 || more == (size_t)-1 || have + more >= size) {
                ui_message(wb, CF_ROLE_ERROR, _("this field is full: it holds %zu bytes (%zu Chinese characters)"),
                           size - 1, (size - 1) / 3);
                continue;
            }
            memmove(ed.buf + ed.cursor + 1, ed.buf + ed.cursor, (ed.len - ed.cursor) * sizeof *ed.buf);
            ed.buf[ed.cursor++] = one;
            ed.len++;
        } else {
            ed.selected = was_selected; /* a key that does nothing leaves the selection */
        }
    }
    curs_set(0);
    ed.buf[ed.len] = 0;
    if (!accepted)
        return false;
    /* wcstombs stops short of a character that does not fit, unterminated: measure first */
    size_t need = wcstombs(NULL, ed.buf, 0);
    if (need == (size_t)-1 || need >= size || wcstombs(out, ed.buf, size) != need) {
        ui_message(wb, CF_ROLE_ERROR, _("the text could not be taken (too long or not valid in this locale)"));
        return false;
    }
    if (ed.history)
        ui_history_add(ed.history, out);
    return true;
}

int ui_ask(ui_workbench *wb, const char *question, const char *choices)
{
    /* the question is part of the screen, so the redraw after a resize shows it again */
    wb->question = question;
    int key;
    do {
        ui_draw(wb);
        key = ui_read_key(wb);
    } while (key != 27 && !(key > 0 && key < 128 && strchr(choices, key)));
    wb->question = NULL;
    return key;
}
