/* SPDX-License-Identifier: GPL-3.0-or-later */
/* report_json.h — the `check --json` record of one report (the contract in SPEC.md). */
#ifndef CF_REPORT_JSON_H
#define CF_REPORT_JSON_H

#include <cjson/cJSON.h>
#include <stdbool.h>

#include "crossyear.h"
#include "error.h"
#include "extract.h"
#include "rules.h"

/* One line of JSON for report (file is the path as the user gave it): format,
 * every cell's value (exact decimal or null), violations with their cells and
 * both sides, rules that cannot be checked, missing cells, warnings, where each
 * cell came from, and a summary. results holds every rule's result. With previous (last
 * year's report, or NULL), also every cross-year rule, mismatches among the warnings. Caller frees;
 * NULL when memory runs out. */
char *cf_report_json(const cf_report *report, const cf_rule_result *results, const char *file, const cf_year *previous);
typedef struct {
    size_t violations, unassessable, missing;
} cf_check_counts;

/* Add to root what every record of checked cells holds: "cells" (id → exact value or
 * null), "violations", "unassessable" and "missing", and count them into counts
 * (may be NULL). False when memory runs out. */
bool cf_json_add_checks(cJSON *root, const cf_template *tpl, const cf_cell *cells, const cf_rule_result *results,
                        cf_check_counts *counts);
/* Add "suggestions": the smallest fixes that make every rule hold (cells, values, evidence),
 * whether the best is unique, and the reasoning. False when memory runs out. */
bool cf_json_add_suggestions(cJSON *root, const cf_template *tpl, const cf_cell *cells);
/* {"file": …, "error": …} for a report that could not be read. Caller frees. */
char *cf_error_json(const char *file, const cf_error *err);

#endif
