/* SPDX-License-Identifier: GPL-3.0-or-later */
/* report_json.h — the `check --json` record of one report (the contract in SPEC.md). */
#ifndef CF_REPORT_JSON_H
#define CF_REPORT_JSON_H

#include <cjson/cJSON.h>
#include <stdbool.h>

#include "assess.h"
#include "error.h"
#include "extract.h"

/* One line of JSON for report (file is the path as the user gave it) displaying its
 * assessment a: format, every cell's value (exact decimal or null), violations with their
 * cells and both sides, rules that cannot be checked, missing and suspect cells, warnings,
 * where each cell came from, the fixes and the verdict. With a previous year, also every
 * cross-year rule. Caller frees; NULL when memory runs out. */
char *cf_report_json(const cf_report *report, const cf_assessment *a, const char *file);
/* Add to root what every record of checked cells holds, from the assessment a: "cells"
 * (id → exact value or null), "violations", "unassessable", "missing", "suspect" and
 * "suggestions". False when memory runs out. */
bool cf_json_add_checks(cJSON *root, const cf_template *tpl, const cf_cell *cells, const cf_assessment *a);
/* Add "summary": a's counts and its verdict with the reasons. False when memory runs out. */
bool cf_json_add_summary(cJSON *root, const cf_assessment *a);
/* {"file": …, "error": …} for a report that could not be read. Caller frees. */
char *cf_error_json(const char *file, const cf_error *err);

#endif
