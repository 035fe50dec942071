/* SPDX-License-Identifier: GPL-3.0-or-later */
/* draw.h — the one place the workbench puts text on the terminal.
 *
 * Text is UTF-8 from an untrusted report: control characters and escape sequences
 * are drawn as visible placeholders (never sent to the terminal), invalid bytes as
 * U+FFFD, and a wide (Chinese) character is never split at a pane or cell edge. */
#ifndef UI_DRAW_H
#define UI_DRAW_H

#include <curses.h>
#include <stdbool.h>
#include <stddef.h>

#include "theme.h"

typedef struct {
    attr_t attrs[CF_ROLE_COUNT]; /* colour pair and attributes of each role */
    bool color;
} ui_palette;

/* Make the colour pairs of theme (or its monochrome attributes when colour is off or
 * NO_COLOR is set). Call after initscr. */
void ui_palette_apply(ui_palette *palette, const cf_theme *theme, bool no_color);

/* Display width of s[0..len) as ui_draw_text would draw it. */
int ui_text_width(const char *s, size_t len);

/* Draw s[0..len) at (y, x), skipping the first `skip` columns, within width columns, in
 * role's attributes (control placeholders in the control role). Pads the rest of width
 * with spaces when pad. Returns the columns drawn. hl_start/hl_end (byte offsets into s,
 * equal for none) are drawn in hl_role. */
int ui_draw_text(const ui_palette *p, int y, int x, int width, const char *s, size_t len, int skip, cf_role role,
                 bool pad, size_t hl_start, size_t hl_end, cf_role hl_role);
/* Draw a NUL-terminated string, clipped to width. */
int ui_draw_str(const ui_palette *p, int y, int x, int width, const char *s, cf_role role);
/* Fill width columns at (y, x) with spaces in role. */
void ui_fill(const ui_palette *p, int y, int x, int width, cf_role role);
/* Byte length of the longest prefix of s that fits in width columns. */
size_t ui_fit(const char *s, size_t len, int width);
/* Bytes of s to put on one line of width columns when wrapping it: the longest prefix that
 * fits, ended after a space when one is in its second half (English breaks between words,
 * Chinese anywhere), never 0 while s is not empty. */
size_t ui_wrap(const char *s, size_t len, int width);

#endif
