/* SPDX-License-Identifier: GPL-3.0-or-later */
/* review.h — a reviewer's work on one report: corrected cells, notes, confirmations,
 * the edit history with unlimited undo and redo, and the journal that makes every
 * acknowledged change survive a crash.
 *
 * Every change goes through cf_review_apply (or undo/redo), which records it in
 * the history, appends it to the journal (fsync'd before it returns) and
 * re-evaluates the rules. */
#ifndef CF_REVIEW_H
#define CF_REVIEW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cell.h"
#include "rules.h"
#include "error.h"
#include "extract.h"
#include "fileio.h"
#include "rules.h"
#include "template.h"
#include "text.h"

typedef enum {
    CF_STATE_EXTRACTED, /* as read from the report */
    CF_STATE_CORRECTED, /* changed by the reviewer */
    CF_STATE_CONFIRMED, /* checked against the report and accepted */
    CF_STATE_MISSING,   /* holds no number */
    CF_STATE_NA         /* not applicable ("/") */
} cf_review_state;

/* Why a cell's value was changed. A read correction (识别更正) mends crossfoot's reading: the
 * report prints the value, crossfoot read another. A figure correction (数据更正) mends the
 * report: it prints a wrong figure, the agency's error. Review formats 1 to 4 did not record
 * which: their corrections are UNRECORDED, never guessed. */
typedef enum {
    CF_CORRECTION_NONE,      /* not a correction; for a SET edit: decide from the source (cf_review_source_shows) */
    CF_CORRECTION_READ,      /* 识别更正 */
    CF_CORRECTION_FIGURE,    /* 数据更正 */
    CF_CORRECTION_UNRECORDED /* corrected by a crossfoot that did not record the kind */
} cf_correction;

/* What one edit does to one cell. */
typedef enum {
    CF_EDIT_SET,     /* value := the given number (state corrected) */
    CF_EDIT_CLEAR,   /* no value (state missing) */
    CF_EDIT_REVERT,  /* back to the extracted value and state */
    CF_EDIT_CONFIRM, /* state confirmed, value kept */
    CF_EDIT_NOTE,    /* note := the given text, value and state kept */
    CF_EDIT_WAIVE,   /* accept a broken rule: `cell` is the rule's index, note (required) says why */
    CF_EDIT_UNWAIVE  /* take a waiver back: `cell` is the rule's index */
} cf_edit_kind;

typedef struct {
    size_t cell; /* a cell's index, or a rule's for WAIVE and UNWAIVE */
    cf_edit_kind kind;
    cf_decimal value; /* CF_EDIT_SET */
    const char *note; /* CF_EDIT_NOTE: the new note ("" removes it) */
    cf_correction correction; /* CF_EDIT_SET: which kind of correction (NONE: as the source shows) */
} cf_edit;

/* A cell as it stands in the review. */
typedef struct {
    cf_cell_state value_state; /* CF_CELL_NUMBER, _MISSING, _NA, _INVALID */
    cf_decimal value;
    cf_review_state state;
    const char *note; /* "" when none */
    cf_correction correction; /* the kind of the correction that set the value (NONE when not corrected) */
} cf_cell_view;

/* One entry of the history: a named action of one or more cell edits. */
typedef struct {
    size_t cell; /* or the rule's index, when rule */
    bool rule;   /* a waiver: before/after hold only the waiver's note */
    cf_cell_view before, after; /* notes owned by the review */
} cf_history_edit;

typedef struct {
    uint64_t seq;
    char *who, *at, *action, *reason;
    cf_history_edit *edits;
    size_t edit_count;
} cf_history_entry;

typedef struct cf_review cf_review;

/* Read the report at path, extract it (with the template file at template_path, or
 * the built-in format that fits), and start a review by reviewer. The review file
 * and its journal are review_path and review_path + ".journal". Caller frees. */
cf_status cf_review_open_report(const char *path, const char *template_path, const char *reviewer,
                                const char *review_path, cf_review **out, cf_error *err);
void cf_review_free(cf_review *review);

/* Route every file write through io (NULL: the default). The review does not own io. */
void cf_review_set_io(cf_review *review, const cf_io *io);
/* The time source for history entries (tests fix it); NULL restores the clock. */
void cf_review_set_clock(cf_review *review, void (*now)(char out[32], void *ctx), void *ctx);

const cf_text *cf_review_text(const cf_review *review);
const cf_template *cf_review_template(const cf_review *review);
const char *cf_review_report_path(const cf_review *review);
const char *cf_review_path(const cf_review *review);
const char *cf_review_reviewer(const cf_review *review);
void cf_review_set_reviewer(cf_review *review, const char *reviewer);
size_t cf_review_cell_count(const cf_review *review);
/* The cell as extracted (value and provenance), and as it stands now. */
const cf_cell *cf_review_extracted(const cf_review *review, size_t cell);
cf_cell_view cf_review_cell(const cf_review *review, size_t cell);
/* Current values as cells, for the rules (cf_review_cell_count entries). */
const cf_cell *cf_review_current_cells(const cf_review *review);
size_t cf_review_warning_count(const cf_review *review);
const char *cf_review_warning(const cf_review *review, size_t i, size_t *line);

/* What the reviewer did: corrected, confirmed, notes, the kinds of correction. The findings
 * (broken, waived, missing …) are core/assess's to count (cf_assess_counts_of). */
typedef struct {
    size_t corrected, confirmed, notes;
    size_t read_corrections, figure_corrections, unrecorded_corrections; /* of corrected, by kind */
} cf_review_summary;
/* Index of the rule with this id ("requests.balance.natural"), or -1. */
long cf_review_find_rule(const cf_review *review, const char *id);
/* The note that waives rule (a broken rule the reviewer accepts), or "" when not waived. */
const char *cf_review_waiver(const cf_review *review, size_t rule);
cf_review_summary cf_review_summarize(const cf_review *review);

/* Apply edits[0..count) as one undoable action named action with reason (may be
 * NULL). Journals it before returning CF_OK; on failure nothing changes. */
cf_status cf_review_apply(cf_review *review, const char *action, const char *reason, const cf_edit *edits,
                          size_t count, cf_error *err);
/* Undo stops at the changes saved in the review file (by this session or an earlier one): those
 * are changed again only by a new, recorded change. Saving drops the redo list. */
bool cf_review_can_undo(const cf_review *review);
bool cf_review_can_redo(const cf_review *review);
cf_status cf_review_undo(cf_review *review, cf_error *err);
cf_status cf_review_redo(cf_review *review, cf_error *err);
/* The entries in effect (the ones that could be undone), oldest first. */
size_t cf_review_history_count(const cf_review *review);
const cf_history_entry *cf_review_history(const cf_review *review, size_t i);
/* How many records the journal has been given (each change, undo and redo): a key that
 * raises it waited for an fsync. */
uint64_t cf_review_journal_records(const cf_review *review);
/* True when there are changes not yet saved to the review file. */
bool cf_review_dirty(const cf_review *review);

/* A sign-off: who approved the review, when, with what note, over exactly which document and
 * which cell values; withdrawn (when, by whom, by which change) by any change after it. */
typedef struct {
    char who[256], at[32];
    char *note; /* "" when none; owned by the review */
    char document_sha256[65], cells_sha256[65];
    bool withdrawn;
    char withdrawn_at[32], withdrawn_by[256], withdrawn_because[64]; /* the change: "set", "undo" … */
} cf_approval;

/* Approve the review as it stands: record a sign-off (the reviewer, now, note — "" for none —,
 * the report's SHA-256 and cf_review_cells_sha256) and save the review file at once, so that it
 * is on disk when this returns. On failure nothing is recorded. Whether the review may be
 * approved (its verdict) is for the caller to decide. */
cf_status cf_review_approve(cf_review *review, const char *note, cf_error *err);
/* Every sign-off, oldest first, withdrawn ones too; the one in force, or NULL. */
size_t cf_review_approval_count(const cf_review *review);
const cf_approval *cf_review_approval(const cf_review *review, size_t i);
const cf_approval *cf_review_approved(const cf_review *review);
/* SHA-256 of the reviewed cells as they stand — each cell's id, value, state and note, each
 * rule's waiver — as 64 hex digits into out. */
void cf_review_cells_sha256(const cf_review *review, char out[65]);

/* Save the review file atomically (review_path), then drop the journal it now holds. */
cf_status cf_review_save(cf_review *review, cf_error *err);
/* Load a review file: reopen its report (refusing when the report's SHA-256 differs,
 * unless force) and restore every cell, note and the history. Caller frees. */
cf_status cf_review_load(const char *review_path, bool force, const char *reviewer, cf_review **out,
                         cf_error *err);
/* Journal records newer than the review file (a crash left them): how many, and replay them
 * (*replayed, may be NULL: how many were). Replay stops at the first record that is cut short,
 * damaged (each record carries a checksum), out of sequence or that cannot be replayed: the
 * records before it count, it and the rest are kept aside in "….journal.damaged-…" at the next
 * write, and cf_review_journal_problem says which record and why. Fails only when memory or
 * the journal's file fail. */
size_t cf_review_journal_pending(cf_review *review);
cf_status cf_review_replay_journal(cf_review *review, size_t *replayed, cf_error *err);
/* What the last look at the journal found wrong with it ("journal record 5 was changed or
 * damaged …"), or NULL. Owned by the review. */
const char *cf_review_journal_problem(const cf_review *review);
/* Decline the journal's changes: it is renamed "….journal.declined-TIME" (kept, never
 * replayed) so that later changes do not mix with them. *kept_as (caller frees, may be
 * NULL) names it. */
cf_status cf_review_decline_journal(cf_review *review, char **kept_as, cf_error *err);
/* Last year's report for the cross-year rules: a report (extracted with the built-in
 * formats) or a review file (its corrected values count). Caller frees with
 * cf_previous_free; cf_previous_year's cells live as long as it. */
typedef struct cf_previous cf_previous;
cf_status cf_previous_load(const char *path, cf_previous **out, cf_error *err);
const cf_year *cf_previous_year(const cf_previous *previous);
void cf_previous_free(cf_previous *previous);
/* "REPORT.review.yaml" for a report path. Caller frees. */
char *cf_review_default_path(const char *report_path);

const char *cf_review_state_name(cf_review_state state);
/* "read", "figure", "unrecorded" ("" for NONE): the ids in the review file and the exports. */
const char *cf_correction_name(cf_correction kind);
/* The kind named name (one of cf_correction_name's); false when it names none. */
bool cf_correction_parse(const char *name, cf_correction *out);
/* The kind for people, translated: "read correction" (识别更正), "figure correction" (数据更正),
 * "correction (kind not recorded)" (更正（类型未记录）); "" for NONE. */
const char *cf_correction_label(cf_correction kind);
/* True when value is printed at cell's source in the report: a number on the line its value was
 * read from (or, with none, its row label's line). Changing the cell to it mends a misreading. */
bool cf_review_source_shows(const cf_review *review, size_t cell, cf_decimal value);

/* What the reviewer typed for cell, as a SET edit; false with the reason in why when it is
 * not a number of the column's kind ("3.5" for a count, "-1", "abc", "1e30"). */
bool cf_review_parse_input(const cf_review *review, size_t cell, const char *text, cf_edit *out, char *why,
                           size_t why_size);
/* Set every missing cell of table (or of every table when table < 0) to 0 as read corrections (the
 * report's blank means 0), as one undoable action with reason as its note. *changed says how many
 * cells; 0 changes nothing. */
cf_status cf_review_fill_missing(cf_review *review, long table, const char *reason, size_t *changed, cf_error *err);

#endif
