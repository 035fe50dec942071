/* SPDX-License-Identifier: GPL-3.0-or-later */
/* prompt.c — the bottom-line editor (wide characters, so Chinese typed through an input
 * method arrives whole) and yes/no questions. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "wb.h"
#include "i18n.h"

#define PROMPT_MAX 512

static void draw_prompt(ui_workbench *wb, const char *label, const wchar_t *buf, size_t len, size_t cursor)
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
        for (size_t i = start; i < cursor; i++)
            w += wcwidth(buf[i]) > 0 ? wcwidth(buf[i]) : 1;
        if (w < room || start >= cursor)
            break;
        start++;
    }
    mbstate_t st;
    memset(&st, 0, sizeof st);
    char *o = utf8;
    for (size_t i = start; i < len; i++) {
        if (i == cursor)
            before_len = (size_t)(o - utf8);
        size_t n = wcrtomb(o, buf[i], &st);
        if (n != (size_t)-1)
            o += n;
    }
    if (cursor >= len)
        before_len = (size_t)(o - utf8);
    *o = '\0';
    ui_draw_text(&wb->palette, y, x, room, utf8, (size_t)(o - utf8), 0, CF_ROLE_NORMAL, false, 0, 0, CF_ROLE_NORMAL);
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

bool ui_prompt(ui_workbench *wb, const char *label, const char *initial, char *out, size_t size,
               void (*complete)(const char *typed, char *out, size_t size))
{
    wchar_t buf[PROMPT_MAX + 1];
    size_t len = mbstowcs(buf, initial ? initial : "", PROMPT_MAX);
    if (len == (size_t)-1)
        len = 0;
    size_t cursor = len;
    bool done = false, accepted = false;
    while (!done) {
        draw_prompt(wb, label, buf, len, cursor);
        wint_t ch;
        int rc = ui_get_wch(wb, &ch);
        if (rc == ERR)
            continue;
        if (rc == KEY_CODE_YES) {
            switch (ch) {
            case KEY_LEFT:
                cursor = cursor ? cursor - 1 : 0;
                break;
            case KEY_RIGHT:
                cursor = cursor < len ? cursor + 1 : len;
                break;
            case KEY_HOME:
                cursor = 0;
                break;
            case KEY_END:
                cursor = len;
                break;
            case KEY_BACKSPACE:
                if (cursor) {
                    memmove(buf + cursor - 1, buf + cursor, (len - cursor) * sizeof *buf);
                    len--;
                    cursor--;
                }
                break;
            case KEY_DC:
                if (cursor < len) {
                    memmove(buf + cursor, buf + cursor + 1, (len - cursor - 1) * sizeof *buf);
                    len--;
                }
                break;
            case KEY_ENTER:
                done = accepted = true;
                break;
            default: /* KEY_RESIZE and the rest: redraw */
                break;
            }
            continue;
        }
        if (ch == 27) {
            done = true;
        } else if (ch == '\n' || ch == '\r') {
            done = accepted = true;
        } else if (ch == 127 || ch == 8) {
            if (cursor) {
                memmove(buf + cursor - 1, buf + cursor, (len - cursor) * sizeof *buf);
                len--;
                cursor--;
            }
        } else if (ch == UI_CTRL('a')) {
            cursor = 0;
        } else if (ch == UI_CTRL('e')) {
            cursor = len;
        } else if (ch == UI_CTRL('u')) {
            memmove(buf, buf + cursor, (len - cursor) * sizeof *buf);
            len -= cursor;
            cursor = 0;
        } else if (ch == '\t' && complete) {
            char typed[PROMPT_MAX * 4 + 1], done_text[PROMPT_MAX * 4 + 1];
            buf[len] = 0;
            if (wcstombs(typed, buf, sizeof typed) != (size_t)-1) {
                complete(typed, done_text, sizeof done_text);
                size_t n = mbstowcs(buf, done_text, PROMPT_MAX);
                if (n != (size_t)-1)
                    len = cursor = n;
            }
        } else if (ch >= 0x20 && len < PROMPT_MAX) {
            /* out holds size bytes: a character that would not fit is not taken, rather than
             * the text being cut (Chinese takes three bytes a character) when Enter is pressed */
            wchar_t one = (wchar_t)ch;
            size_t have = encoded_len(buf, len), more = encoded_len(&one, 1);
            if (have == (size_t)-1 || more == (size_t)-1 || have + more >= size) {
                ui_message(wb, CF_ROLE_ERROR, _("this field is full: it holds %zu bytes (%zu Chinese characters)"),
                           size - 1, (size - 1) / 3);
                continue;
            }
            memmove(buf + cursor + 1, buf + cursor, (len - cursor) * sizeof *buf);
            buf[cursor++] = one;
            len++;
        }
    }
    curs_set(0);
    buf[len] = 0;
    if (!accepted)
        return false;
    /* wcstombs stops short of a character that does not fit, unterminated: measure first */
    size_t need = wcstombs(NULL, buf, 0);
    if (need == (size_t)-1 || need >= size || wcstombs(out, buf, size) != need) {
        ui_message(wb, CF_ROLE_ERROR, _("the text could not be taken (too long or not valid in this locale)"));
        return false;
    }
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
