/* SPDX-License-Identifier: GPL-3.0-or-later */
/* report_json.h — the `check --json` record of one report (the contract in SPEC.md), written as a stream. */
#ifndef CF_REPORT_JSON_H
#define CF_REPORT_JSON_H

#include <stdbool.h>

#include "assess.h"
#include "buf.h"
#include "extract.h"
#include "jsonw.h"

/* Append to out one line of JSON (no newline) for report (file is the path as the user gave
 * it) displaying its assessment a: format, every cell's value (exact decimal or null),
 * violations with their cells and both sides, rules that cannot be checked, missing and
 * suspect cells, the fixes, where each cell came from, warnings and the verdict. With a
 * previous year, also every cross-year rule. False when memory runs out. */
bool cf_report_json(const cf_report *report, const cf_assessment *a, const char *file, cf_buf *out);
/* Write what every record of checked cells holds, from the assessment a: "cells" (id → exact
 * value or null), "violations", "unassessable", "missing", "suspect" and "suggestions". */
void cf_json_write_checks(cf_jsonw *w, const cf_template *tpl, const cf_cell *cells, const cf_assessment *a);
/* Write "warnings" (the extraction's, the prose's, last year's; each with its line and cell) and,
 * assessed against last year's report, "cross_year" (every cross-year rule) and "previous". */
void cf_json_write_warnings(cf_jsonw *w, const cf_template *tpl, const cf_assessment *a);
/* Write "summary": a's counts and its verdict with the reasons. */
void cf_json_write_summary(cf_jsonw *w, const cf_assessment *a);

#endif
