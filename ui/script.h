/* SPDX-License-Identifier: GPL-3.0-or-later */
/* script.h — headless runs of the workbench from a key script (like tig's TIG_SCRIPT):
 * the same keys a person types, read from a file, with every key's handling timed and
 * the last screen written out. Serves screen tests and the keystroke benchmark.
 *
 * A script is text: each character is a key, except <Name> for a special key (Enter,
 * Esc, Tab, Up, Down, Left, Right, PgUp, PgDn, Home, End, BS, Del, C-a … C-z, lt for '<')
 * and line breaks, which are ignored; a line starting with '#' is a comment. */
#ifndef UI_SCRIPT_H
#define UI_SCRIPT_H

#include <stdbool.h>
#include <stddef.h>

typedef struct ui_script ui_script;

/* Read a key script. On failure returns NULL with the reason (naming the line) in why. */
ui_script *ui_script_load(const char *path, char *why, size_t why_size);
void ui_script_free(ui_script *script);
/* The next key as get_wch would give it (KEY_CODE_YES for special keys, OK otherwise);
 * ERR when the script is done. */
int ui_script_next(ui_script *script, unsigned *ch);
/* Record how long a key took to handle and draw, in nanoseconds, and whether it changed
 * the review (and so waited for the journal's fsync). */
void ui_script_time(ui_script *script, long long ns, bool changed);
/* Write the timings to path, one key a line: nanoseconds, then "change" or "view";
 * false when it cannot be written. */
bool ui_script_write_timings(const ui_script *script, const char *path);

#endif
