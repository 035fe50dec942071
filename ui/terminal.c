/* SPDX-License-Identifier: GPL-3.0-or-later */
/* terminal.c — whether the terminal can show the workbench at all. Kept apart because
 * <term.h> defines a macro for every capability name (columns, lines, tab, …). */
#include "wb.h" /* first: once <term.h> is in, its macros would rewrite the template's field names */

#include <curses.h>
#include <term.h>
#include <unistd.h>

bool ui_terminal_usable(void)
{
    /* setupterm, not newterm: newterm leaves memory behind when TERM is unknown */
    int err;
    if (setupterm(NULL, STDOUT_FILENO, &err) != OK)
        return false;
    /* without cursor addressing (TERM=dumb, an editor's shell buffer) the screen is garbage */
    const char *cup = tigetstr("cup");
    bool usable = cup && cup != (const char *)-1;
    del_curterm(cur_term);
    return usable;
}
