/* SPDX-License-Identifier: GPL-3.0-or-later */
/* suggest.h — which cells to change so that every rule holds (error localisation).
 *
 * The Fellegi–Holt principle: find the smallest set of cells whose change makes every
 * rule hold, other cells kept as they are. Missing cells and cells whose place the extractor
 * inferred are unknowns, not facts: free to take a value, never counted toward the size.
 * A cell the reviewer confirmed is never changed. All rules are linear equalities, so for a
 * candidate set the values are found exactly (integer Gauss–Jordan elimination on scaled
 * decimals) and checked against each column's kind (counts whole and not negative). Every
 * smallest set is enumerated (up to a bound), so a fix is called unique only when it is;
 * among equally small sets those that change totals rather than parts rank first, then the
 * template's order, and the reasoning says which of these put the first one first. A
 * proposed value that differs from the current one by a typing slip (two digits swapped, a
 * digit dropped or doubled, the sign, the decimal point) says so. */
#ifndef CF_SUGGEST_H
#define CF_SUGGEST_H

#include <stdbool.h>
#include <stddef.h>

#include "cell.h"
#include "error.h"
#include "rules.h"
#include "template.h"

typedef struct {
    size_t cell;
    bool determined;  /* the rules fix its value */
    cf_decimal value; /* when determined */
    bool was_missing; /* a blank the rules fill in, not a change */
    bool was_inferred; /* a cell whose place was inferred, given another value: not a change */
    char evidence[96]; /* "digits 1 and 2 swapped (21 → 12)", or "" */
} cf_fix_cell;

typedef struct {
    cf_fix_cell *cells; /* the changed cells first, then filled blanks */
    size_t count;
    size_t changes; /* cells changed (filled blanks not counted) */
    size_t totals; /* how many changed cells are totals */
} cf_fix;

typedef struct {
    cf_fix *fixes; /* best first */
    size_t count;
    bool found;    /* a fix within the bound exists */
    bool unique;   /* exactly one smallest fix: every set of its size was tried */
    size_t total;  /* how many smallest fixes there are (at most CF_SUGGEST_MAX_COUNTED) */
    bool more;     /* more equally small fixes than listed */
    char *reasoning; /* one paragraph for people */
} cf_suggestion;

/* More blank cells than this in the rules and no fix is looked for (the reasoning says so). */
#define CF_SUGGEST_MAX_BLANKS 24
/* Smallest fixes counted at most: past this the reasoning says "more than". */
#define CF_SUGGEST_MAX_COUNTED 1000

typedef struct {
    size_t max_changes; /* largest set tried (default 3) */
    size_t max_fixes;   /* equally small fixes listed at most (default 5) */
} cf_suggest_limits;

/* Localise the errors in cells (the template's cell order; inferred flags as extracted)
 * under tpl's rules, never changing a cell whose locked entry is true (confirmed by the
 * reviewer; locked may be NULL). out is filled even when nothing is wrong (found true, no
 * changes) or no fix is within the bound (found false). Caller releases with
 * cf_suggestion_release. */
cf_status cf_suggest(const cf_template *tpl, const cf_cell *cells, const bool *locked, const cf_suggest_limits *limits,
                     cf_suggestion *out, cf_error *err);
/* cf_suggest with the rules already evaluated on cells: broken_rules[r] is true when rule r does not
 * hold (cf_rule_evaluate's CF_RULE_FAIL), as the assessment found; NULL evaluates them here. */
cf_status cf_suggest_broken(const cf_template *tpl, const cf_cell *cells, const bool *locked,
                            const cf_suggest_limits *limits, const bool *broken_rules, cf_suggestion *out, cf_error *err);
void cf_suggestion_release(cf_suggestion *s);
/* Typing-slip evidence for value `from` corrected to `to`, into buf ("" when none). */
void cf_typo_evidence(cf_decimal from, cf_decimal to, char *buf, size_t size);

#endif
