/* SPDX-License-Identifier: GPL-3.0-or-later */
/* heading.h — who issued a report and for which year, as its title says
 * ("攀枝花市人民防空办公室 2019年政府信息公开工作年度报告"), for the title blocks of the summary
 * and of the findings. Read from the lines before the report's first part, the title
 * possibly broken over two lines; nothing is guessed when the title does not say. */
#ifndef CF_HEADING_H
#define CF_HEADING_H

#include <stddef.h>

#include "text.h"

typedef struct {
    char issuer[256]; /* "" when the report does not name it */
    char year[8];     /* "2019", or "" */
    size_t line;      /* 1-based line of the title (or of "信息来源"), 0 when none */
} cf_heading;

/* The issuer and year text's title gives, into *out. Never fails: what is not found is "". */
void cf_heading_read(const cf_text *text, cf_heading *out);

#endif
