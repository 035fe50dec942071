/* SPDX-License-Identifier: GPL-3.0-or-later */
/* theme.h — colour themes as data: each role of the workbench (broken cell, missing
 * cell, cursor, header …) maps to colours with fallbacks: a 256-colour value, then an
 * 8-colour name, then attributes alone for monochrome terminals. No ncurses here: the
 * workbench turns a style into colour pairs. */
#ifndef CF_THEME_H
#define CF_THEME_H

#include <stdbool.h>
#include <stddef.h>

#include "error.h"

typedef enum {
    CF_ROLE_NORMAL,         /* ordinary text */
    CF_ROLE_BROKEN,         /* a cell in a broken rule */
    CF_ROLE_MISSING,        /* a cell with no number */
    CF_ROLE_NA,             /* not applicable ("/") */
    CF_ROLE_CORRECTED,      /* changed by the reviewer */
    CF_ROLE_CONFIRMED,      /* checked and accepted */
    CF_ROLE_NOTE,           /* the note mark */
    CF_ROLE_CURSOR,         /* the selected cell */
    CF_ROLE_RULE,           /* the other cells of the rule under the cursor */
    CF_ROLE_HEADER,         /* column headers */
    CF_ROLE_LABEL,          /* row labels */
    CF_ROLE_RAW,            /* report text */
    CF_ROLE_RAW_HIGHLIGHT,  /* the selected cell's source text */
    CF_ROLE_LINE_NUMBER,    /* line numbers of the raw pane */
    CF_ROLE_CONTROL,        /* placeholders for control characters */
    CF_ROLE_STATUS,         /* the status bar */
    CF_ROLE_DETAIL,         /* the detail line */
    CF_ROLE_TAB,            /* a table tab */
    CF_ROLE_TAB_ACTIVE,     /* the shown table's tab */
    CF_ROLE_MESSAGE,        /* messages */
    CF_ROLE_ERROR,          /* refusals and errors */
    CF_ROLE_SEARCH,         /* search matches in the raw pane */
    CF_ROLE_COUNT
} cf_role;

/* Attributes, combinable. */
enum { CF_ATTR_BOLD = 1, CF_ATTR_UNDERLINE = 2, CF_ATTR_REVERSE = 4, CF_ATTR_DIM = 8, CF_ATTR_ITALIC = 16 };

/* Colours: 0–255 are terminal colours, CF_COLOR_DEFAULT the terminal's own. */
#define CF_COLOR_DEFAULT (-1)

typedef struct {
    int fg256, bg256;   /* for terminals with 256 colours */
    int fg8, bg8;       /* 0–7 (black red green yellow blue magenta cyan white) for 8 colours */
    unsigned attrs;     /* with colour */
    unsigned mono;      /* without colour (and under NO_COLOR): attributes alone must tell */
} cf_role_style;

typedef struct cf_theme cf_theme;

/* The file format is described in themes/default.yaml. A role not listed is normal text, and
 * a listed role takes from normal what it does not say. An error in a theme file (bad YAML,
 * unknown role, key, colour or attribute, a number outside 0–255) is CF_ERR_TEMPLATE naming
 * the file and line; the caller then falls back to the built-in default and shows it. */

/* Parse a theme from YAML text; name is used in messages (which name the line). Caller frees. */
cf_status cf_theme_parse(const char *name, const char *yaml, size_t len, cf_theme **out, cf_error *err);
/* Find a theme by name: $XDG_CONFIG_HOME/crossfoot/themes/NAME.yaml (or ~/.config/…) first,
 * then the built-in ones; or a path when name contains '/'. Caller frees.
 * NULL or "" is "default". A user file that exists but cannot be read or parsed is an
 * error (never silently replaced by the built-in); an unknown name is CF_ERR_USAGE with
 * the built-in names in the message; a missing path is CF_ERR_IO. */
cf_status cf_theme_find(const char *name, cf_theme **out, cf_error *err);
/* The built-in theme of that name only, never a user's file: the fallback when the
 * chosen theme (which may be a user's broken "default") gives an error. Caller frees. */
cf_status cf_theme_builtin(const char *name, cf_theme **out, cf_error *err);
void cf_theme_free(cf_theme *theme);
const char *cf_theme_name(const cf_theme *theme);
const cf_role_style *cf_theme_style(const cf_theme *theme, cf_role role);
/* The role's name in theme files ("broken", "raw_highlight" …), and back (-1 when unknown). */
const char *cf_role_name(cf_role role);
int cf_role_from_name(const char *name);
/* Names of the built-in themes, NULL-terminated. */
const char *const *cf_theme_builtin_names(void);

#endif
