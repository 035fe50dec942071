/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cell.h — one cell of an extracted table: its value and where it came from. */
#ifndef CF_CELL_H
#define CF_CELL_H

#include <stdbool.h>
#include <stddef.h>

#include "decimal.h"

typedef enum {
    CF_CELL_MISSING, /* blank, or never found: not a zero */
    CF_CELL_NUMBER,  /* holds value */
    CF_CELL_NA,      /* "/", "-", "—": not applicable, never 0 */
    CF_CELL_INVALID  /* something number-like that cannot be held exactly (99999999999999999999, 1e30) */
} cf_cell_state;

typedef struct {
    cf_cell_state state;
    cf_decimal value;            /* CF_CELL_NUMBER only */
    bool inferred;               /* the extractor inferred the cell's place rather than read it */
    size_t line, column;         /* 1-based source position of the cell text; 0 when nothing was read */
    size_t byte_start, byte_end; /* the cell text in the decoded report */
    size_t label_line;           /* 1-based line of the row's label; 0 when not found */
    char unit[16];               /* as printed: "件", "万元", "元" … */
    char *note;                  /* bracketed note as printed, or NULL; owned by whoever owns the cell */
} cf_cell;

/* True when the cell holds a number a rule can use. */
static inline bool cf_cell_has_value(const cf_cell *cell) { return cell->state == CF_CELL_NUMBER; }

#endif
