/* SPDX-License-Identifier: GPL-3.0-or-later */
/* termsafe.h — text from files, notes and input made safe to show on a terminal.
 *
 * A file name, a note or a line of input may hold escape sequences that a terminal obeys
 * (set its title, write the clipboard, clear the screen) or bidi controls that reorder what
 * is shown. Everything crossfoot prints that can echo such text goes through here: control
 * characters and bidi controls are shown as visible escapes instead. */
#ifndef CF_TERMSAFE_H
#define CF_TERMSAFE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "buf.h"

/* Append s[0..len) to out made safe: C0 controls (ESC among them), DEL and C1 controls as
 * \xNN or \u00NN, bidi controls (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C) as
 * \uNNNN, a byte that is not UTF-8 as U+FFFD. Tab is kept; with lines, so are newlines and a
 * CR before one (a whole document). False when memory runs out (out keeps what it had). */
bool cf_termsafe_append(cf_buf *out, const char *s, size_t len, bool lines);
/* The same, written to f. */
void cf_termsafe_write(FILE *f, const char *s, size_t len, bool lines);

#endif
