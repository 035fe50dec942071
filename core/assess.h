/* SPDX-License-Identifier: GPL-3.0-or-later */
/* assess.h — one assessment of a report: everything a reviewer is told, computed once.
 *
 * From the current cells (a fresh extraction or a review), the waivers, the extraction's
 * warnings, the report's prose and last year's report, it works out each rule's outcome
 * (holds, broken, broken though cells are missing, cannot be checked, waived), the missing
 * cells, the suspect cells (each with its reason), the warnings, the smallest fixes and the
 * verdict with its reasons. `check` (text and --json), its exit status, the review summary,
 * the exports and the workbench only display it. */
#ifndef CF_ASSESS_H
#define CF_ASSESS_H

#include <stdbool.h>
#include <stddef.h>

#include "cell.h"
#include "error.h"
#include "extract.h"
#include "narrative.h"
#include "review.h"
#include "rules.h"
#include "suggest.h"
#include "template.h"
#include "text.h"

/* What the assessment is made from. Everything but tpl and cells may be NULL / 0. The
 * assessment refers to these, which must outlive it. */
typedef struct {
    const cf_template *tpl;
    const cf_cell *cells;            /* current values, in the template's cell order */
    const char *name;                /* the report, for messages */
    const cf_text *text;             /* its text, for the numbers its prose states */
    const cf_warning *warnings;      /* the extraction's warnings */
    size_t warning_count;
    const char *const *waivers;      /* per rule: the note that accepts it broken ("" or NULL: none) */
    const bool *confirmed;           /* per cell: the reviewer confirmed it, so no fix changes it */
    const bool *corrected;           /* per cell: the reviewer set its value */
    const char *const *notes;        /* per cell: the reviewer's note ("" or NULL: none) */
    const cf_year *previous;         /* last year's report */
    bool holding_unexplained;        /* a rule that holds keeps a NULL explanation: check shows none */
    const cf_explain_words *words;   /* the explanations' words, translated once a run (NULL: here) */
} cf_assess_input;

typedef enum {
    CF_OUTCOME_HOLDS,
    CF_OUTCOME_BROKEN,         /* every term holds a number and the sides differ */
    CF_OUTCOME_BROKEN_MISSING, /* terms are missing, but the known counts already make it break */
    CF_OUTCOME_UNCHECKABLE,    /* terms are missing (or a sum is too large) and it could still hold */
    CF_OUTCOME_WAIVED,         /* broken, and the reviewer accepted it with a note */
    CF_OUTCOME_NOT_COMPARABLE  /* a cross-year rule naming a cell last year's format does not have */
} cf_rule_outcome;

typedef struct {
    cf_rule_outcome outcome;
    cf_rule_result result;
    char *explanation; /* the rule with its arithmetic (cf_rule_explain, cf_cross_rule_explain); NULL for
                        * a rule that holds when assessed with holding_unexplained */
    const char *waiver; /* the reviewer's note when waived, else "" */
} cf_assessed_rule;

typedef enum {
    CF_SUSPECT_INFERRED,   /* its place was inferred, not read */
    CF_SUSPECT_EXTRACTION, /* an extraction warning is about it or its row */
    CF_SUSPECT_PROSE,      /* the prose states another number for it */
    CF_SUSPECT_CROSS_YEAR  /* it does not carry over from last year's report */
} cf_suspect_kind;

typedef struct {
    size_t cell;
    cf_suspect_kind kind;
    size_t line;        /* where the reason points, 0 when nowhere */
    const char *reason; /* for people; owned by the assessment */
} cf_suspect;

typedef enum {
    CF_NOTICE_EXTRACTION, /* a warning of the extraction */
    CF_NOTICE_CROSS_YEAR, /* a number that does not carry over from last year */
    CF_NOTICE_PROSE,      /* the prose states a number the tables contradict */
    CF_NOTICE_NOT_COMPARABLE /* last year's format has no such cell: a note, not a warning */
} cf_notice_kind;

typedef struct {
    cf_notice_kind kind;
    size_t line;        /* 0 when it concerns the whole report */
    long cell;          /* the cell it concerns, or -1 */
    size_t source;      /* index into the extraction warnings, cross-year rules or prose findings */
    const char *message; /* owned by the assessment */
} cf_notice;

typedef struct {
    size_t broken;        /* broken rules not waived (proven ones among them) */
    size_t proven;        /* of those, broken though cells are missing */
    size_t waived, uncheckable, missing, warnings, suspect;
    size_t cross_year;    /* numbers that do not carry over from last year's report (among the warnings) */
    size_t only_zero;     /* rules whose known values leave each missing count only 0 */
    bool passed;          /* nothing broken, missing or uncheckable */
    /* what keeps a review from being signed off (see cf_assess_open) */
    size_t unexplained;   /* missing cells no note explains (a "/" is the report's own word) */
    size_t unsettled;     /* suspect cells neither confirmed nor corrected */
    bool approvable;      /* no open item: nothing broken and unwaived, unexplained or unsettled */
} cf_assess_counts;

/* An item that keeps a review from being approved. */
typedef enum {
    CF_OPEN_BROKEN,  /* a rule broken and not waived: index is the rule */
    CF_OPEN_MISSING, /* a cell with no number that no note explains: index is the cell */
    CF_OPEN_SUSPECT  /* a suspect cell neither confirmed nor corrected: index is the cell */
} cf_open_kind;

typedef struct {
    cf_open_kind kind;
    size_t index;
    const char *reason; /* the rule's arithmetic, or the cell's first suspect reason; "" for a
                           missing cell. Owned by the assessment */
} cf_open_item;

typedef struct cf_assessment cf_assessment;

/* Assess in. Caller frees with cf_assessment_free; fails only when memory runs out. */
cf_status cf_assess(const cf_assess_input *in, cf_assessment **out, cf_error *err);
/* Assess a fresh extraction (its cells, warnings and text) against previous (may be NULL), for
 * check: rules that hold are left unexplained (NULL); the others are explained in words (translated
 * once a run by the caller; NULL: here). Caller frees; fails only when memory runs out. */
cf_status cf_assess_report(const cf_report *report, const cf_year *previous, const cf_explain_words *words,
                           cf_assessment **out, cf_error *err);
/* Assess a review as it stands: its current cells, waivers and the extraction's warnings.
 * Caller frees; fails only when memory runs out. */
cf_status cf_assess_review(const cf_review *review, const cf_year *previous, cf_assessment **out, cf_error *err);
void cf_assessment_free(cf_assessment *a);

/* The outcome of rule i of the template (every rule has one). */
const cf_assessed_rule *cf_assess_rule(const cf_assessment *a, size_t i);
/* The cells holding no number, in the template's order. */
size_t cf_assess_missing_count(const cf_assessment *a);
size_t cf_assess_missing(const cf_assessment *a, size_t i);
/* The suspect cells with their reasons: inferred placements first, then extraction
 * warnings, prose and last year's mismatches. A cell may be suspect for several reasons. */
size_t cf_assess_suspect_count(const cf_assessment *a);
const cf_suspect *cf_assess_suspect(const cf_assessment *a, size_t i);
/* True when cell is suspect for any reason. */
bool cf_assess_cell_suspect(const cf_assessment *a, size_t cell);
/* True when cell is one a broken rule most likely breaks on: of each broken rule not waived,
 * its cells in the most broken rules (a wrong total breaks every rule it is in, a part one). */
bool cf_assess_cell_broken(const cf_assessment *a, size_t cell);
/* The rules cell takes part in, broken ones (waived too) first: fills out (room for max) and
 * returns how many. */
size_t cf_assess_rules_of(const cf_assessment *a, size_t cell, size_t *out, size_t max);
/* The warnings and notes, in order: extraction, last year's, prose. */
size_t cf_assess_notice_count(const cf_assessment *a);
const cf_notice *cf_assess_notice(const cf_assessment *a, size_t i);
/* The prose claims the tables contradict (count in *n). */
const cf_narrative_finding *cf_assess_prose(const cf_assessment *a, size_t *n);
/* The cross-year rules' outcomes, as the template lists them (cf_template_cross_rule); none when
 * there is no previous year. A broken one is a warning, not a broken rule of the report. */
size_t cf_assess_cross_rule_count(const cf_assessment *a);
const cf_assessed_rule *cf_assess_cross_rule(const cf_assessment *a, size_t i);
/* Last year's report it was assessed against, or NULL. */
const cf_year *cf_assess_previous(const cf_assessment *a);
/* The smallest fixes that make every rule hold. */
const cf_suggestion *cf_assess_fix(const cf_assessment *a);
/* The counts and the verdict. */
cf_assess_counts cf_assess_counts_of(const cf_assessment *a);
/* The verdict's reasons for people ("4 broken rules (1 of them proven despite missing cells)",
 * "5 missing cells" …); none when it passes. */
size_t cf_assess_reason_count(const cf_assessment *a);
const char *cf_assess_reason(const cf_assessment *a, size_t i);
/* What keeps the review from being signed off, in order: broken rules not waived, missing cells
 * not explained by a note, suspect cells not confirmed or corrected (a cell open as missing is
 * not listed again as suspect). None when counts.approvable. */
size_t cf_assess_open_count(const cf_assessment *a);
const cf_open_item *cf_assess_open(const cf_assessment *a, size_t i);

#endif
