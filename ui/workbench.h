/* SPDX-License-Identifier: GPL-3.0-or-later */
/* workbench.h — the review workbench: the raw report beside its tables, every problem in
 * sight, keyboard correction. It draws and dispatches keys; every change goes through the
 * core review API (cf_review_apply, undo, redo, save). */
#ifndef UI_WORKBENCH_H
#define UI_WORKBENCH_H

#include <stdbool.h>

#include "review.h"
#include "theme.h"

/* The largest headless screen, in columns and in rows. */
#define UI_MAX_SIZE 1000

typedef struct {
    const char *theme_name; /* NULL: "default" */
    bool mouse;             /* click to select, wheel to scroll */
    /* headless runs: keys from a script (see script.h) instead of the terminal */
    const char *script_path;
    const char *timings_path; /* each key's handling time, in ns, one a line */
    const char *screen_path;  /* the last screen, as text */
    int cols, rows;           /* the headless screen's size (0: 140×40), at most UI_MAX_SIZE each */
    const cf_year *previous;  /* last year's report, for the cross-year rules (or NULL) */
    bool resumed;             /* the review was read from its file: say so, and who reviews now */
} ui_options;

/* Run the workbench on review until the reviewer quits. Returns 0, or 2 when the
 * terminal cannot be used (a message is printed). */
int ui_workbench_run(cf_review *review, const ui_options *options);

#endif
