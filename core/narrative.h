/* SPDX-License-Identifier: GPL-3.0-or-later */
/* narrative.h — numbers the prose states against the tables ("本年新收政府信息公开申请5件"
 * while 表三 says 2). Claims are template data (narrative: cells and patterns); only a
 * claim whose phrasing names one quantity is checked, nothing is guessed. */
#ifndef CF_NARRATIVE_H
#define CF_NARRATIVE_H

#include <stddef.h>

#include "cell.h"
#include "error.h"
#include "template.h"
#include "text.h"

typedef struct {
    size_t claim;                /* index into the template's narrative claims */
    size_t line;                 /* 1-based line of the sentence */
    size_t byte_start, byte_end; /* the claim in the decoded text */
    cf_decimal stated, table;    /* what the prose says, what the cells add up to */
    char *message;
} cf_narrative_finding;

/* Every prose claim of text whose number differs from the sum of its cells (a claim over a
 * cell with no number is not compared). Fills *out (caller frees with
 * cf_narrative_findings_free). */
cf_status cf_narrative_check(const cf_text *text, const cf_template *tpl, const cf_cell *cells,
                             cf_narrative_finding **out, size_t *count, cf_error *err);
void cf_narrative_findings_free(cf_narrative_finding *findings, size_t count);

#endif
