/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rules.h — evaluating a template's cross-sum rules (勾稽关系) over cell values, exactly: the
 * rules within one report, and the cross-year rules over this year's cells and last year's. */
#ifndef CF_RULES_H
#define CF_RULES_H

#include <stdbool.h>
#include <stddef.h>

#include "cell.h"
#include "template.h"

typedef enum {
    CF_RULE_PASS,
    CF_RULE_FAIL,
    CF_RULE_UNASSESSABLE /* a cell it needs holds no number: the rule cannot pass */
} cf_rule_status;

typedef struct {
    cf_rule_status status;
    cf_decimal left, right; /* the two sums; with missing cells, the sums of the known terms */
    bool overflow;          /* UNASSESSABLE because a sum is too large to hold */
    /* Terms holding no number. A rule with missing terms FAILs only when they are all counts
     * (never negative) on one side and the known values already make that side too large
     * (proven broken); it is UNASSESSABLE otherwise. */
    size_t missing;
    /* UNASSESSABLE, missing terms all counts on one side and the known values equal: each
     * missing term can only be 0 (a suggestion, never a filled cell). */
    bool forced_zero;
} cf_rule_result;

/* One year's report: its template and cells (in that template's order) and a name for messages. */
typedef struct {
    const cf_template *tpl;
    const cf_cell *cells;
    const char *name;
} cf_year;

/* Evaluate rule i of tpl over cells (in the template's cell order), exactly. */
cf_rule_result cf_rule_evaluate(const cf_template *tpl, size_t rule, const cf_cell *cells);
/* The two years' cells a cross-year rule is evaluated over: this year's cells (in tpl's order),
 * then for each of them last year's cell with its id, missing (line 0) when last year's format has
 * none, which absent[i] (tpl's cell count entries, may be NULL) then says. Caller frees; NULL
 * when memory runs out. */
cf_cell *cf_two_years(const cf_template *tpl, const cf_cell *cells, const cf_year *previous, bool *absent);
/* Evaluate cross-year rule i of tpl over two_years (cf_two_years), exactly, as any rule. */
cf_rule_result cf_cross_rule_evaluate(const cf_template *tpl, size_t rule, const cf_cell *two_years);
/* Evaluate every rule into results (cf_template_rule_count entries). Returns how many failed. */
size_t cf_rules_evaluate(const cf_template *tpl, const cf_cell *cells, cf_rule_result *results);
/* True when cell (a template cell index) is a count: a whole number never below 0. */
bool cf_cell_is_count(const cf_template *tpl, size_t cell);
/* The words an explanation is made of, translated once (gettext cost more than the rest of an
 * explanation): by cf_explain_words_init, in the language of the run. */
typedef struct {
    const char *others_zero; /* after the named terms of a long side: " (others 0)" */
    const char *too_large, *only_zero, *unchecked; /* why a rule is not checked */
} cf_explain_words;
/* Fill w with the words in the current language (static strings, nothing to free). */
void cf_explain_words_init(cf_explain_words *w);
/* The rule in the report's terms with its arithmetic, in words (cf_explain_words_init), e.g.
 * "一+二 ≠ 三(七)+四 [自然人]: 2 + 0 = 2 ≠ 0 + 0 = 0", or for a break proven despite missing
 * cells "… : 20 < 26 + □ = 三(一) 6 + 三(二) □ + 三(三) 20 (□: 1 missing, each ≥ 0)".
 * Caller frees; NULL when memory runs out. */
char *cf_rule_explain(const cf_template *tpl, size_t rule, const cf_cell *cells, const cf_rule_result *result,
                      const cf_explain_words *words);
/* A cross-year rule the same way, each term named with its value and line, last year's in
 * previous_name: "二 ≠ 上年·四 [自然人]: 二 4 (line 55) ≠ 上年·四 0 (line 80 of 2022.txt)".
 * Caller frees; NULL when memory runs out. */
char *cf_cross_rule_explain(const cf_template *tpl, size_t rule, const cf_cell *two_years, const char *previous_name,
                            const cf_rule_result *result, const cf_explain_words *words);

#endif
