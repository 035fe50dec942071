/* SPDX-License-Identifier: GPL-3.0-or-later */
/* review_internal.h — the inside of cf_review, shared by review.c (state, history,
 * journal) and review_yaml.c (the review file). Not for use outside core/. */
#ifndef CF_REVIEW_INTERNAL_H
#define CF_REVIEW_INTERNAL_H

#include "review.h"

/* The format of the review file ("crossfoot_review: N"). Each change to what it records bumps it;
 * every older version stays readable:
 *   1  review file and journal records without a version; journal records without checksums.
 *   2  journal records carry "v":2, an integer "seq", the history entry an undo or redo plays
 *      ("entry") and a checksum ("sum"); the review file's history is the whole record (saving
 *      drops the redo list) and an earlier session's entries are never undone.
 *   3  the report says the kind of document it was read as ("kind": text, html, docx, pdf), what
 *      the cells' lines point into; formats 1 and 2 do not say it. Journal records as in 2.
 *   4  the review file records the sign-offs ("approvals": who, at, note, the document's and the
 *      reviewed cells' SHA-256, and when, by whom and by which change each was withdrawn);
 *      formats 1 to 3 hold none. Journal records as in 2.
 *   5  each corrected cell, and each before/after of the history, says which kind of correction
 *      it is ("correction": read, figure; "" when not corrected); in formats 1 to 4 a corrected
 *      cell's kind is not recorded (CF_CORRECTION_UNRECORDED). Journal records of version 3.
 *   6  a PDF's view opens with the "— 第 1 页 —" line, so lines and bytes of a PDF's cells and
 *      warnings count it; an older review of a PDF is moved down by that line when read.
 * Reading an older version: review_yaml.c load_doc (the file) and review.c read_record (one
 * journal record) are the only places that look at a version. */
#define CF_REVIEW_FORMAT_VERSION 6
/* The format of one journal record ("v": N), which changes on its own: 1 had no "v"; 2 has
 * "v", "seq", "entry" and "sum" (review formats 2 to 4 write it; the first format-5 crossfoot
 * wrote it too, a "set" edit saying its "correction"); 3 is 2 where every "set" edit says its
 * "correction" (read, figure; "" when the value is the one read), so that a crossfoot which would
 * drop the kind refuses the record instead. A "set" of version 2 without one is of a kind not
 * recorded. */
#define CF_JOURNAL_RECORD_VERSION 3

struct cf_review {
    cf_text *text;
    cf_template **templates; /* all loaded; tpl is one of them */
    size_t template_count;
    const cf_template *tpl;
    char *template_path; /* NULL for a built-in template */
    char *report_path, *review_path, *journal_path;
    char *reviewer;
    char created[32], updated[32];
    size_t cell_count;
    cf_cell *extracted; /* value and provenance as read */
    cf_cell *current;   /* values now (no notes: those are in notes) */
    cf_review_state *states;
    cf_correction *corrections; /* per cell: the kind of its correction (NONE unless corrected) */
    char **notes; /* never NULL entries: "" when none */
    char **waivers; /* per rule, "" when not waived */
    char **warnings;
    size_t *warning_lines;
    size_t warning_count;
    cf_history_entry *entries;
    size_t entry_count, applied, entry_cap;
    size_t saved_entries; /* entries[0..saved_entries) are in the review file: never undone */
    uint64_t next_seq;    /* sequence number of the next journal record */
    uint64_t saved_seq;   /* every record below it is in the review file */
    uint64_t last_seq;    /* highest record applied */
    bool dirty;
    /* The journal holds something after its last good record (a record cut short by a
     * crash, a damaged one, or a failed append of ours): before the next append its good
     * records are copied into a fresh journal and the whole old one is kept beside it. */
    bool journal_damaged;
    size_t journal_good_bytes; /* the journal's first bytes that hold good records */
    char *journal_problem;     /* what the last scan found wrong with the journal, or NULL */
    cf_approval *approvals; /* every sign-off, oldest first; the last is in force unless withdrawn */
    size_t approval_count;
    const cf_io *io;
    void (*now)(char out[32], void *ctx);
    void *now_ctx;
};

/* An empty review over text and tpl, taking ownership of text and templates on success (on
 * failure the caller still owns them). */
cf_status cf_review_create(cf_text *text, cf_template **templates, size_t template_count, const cf_template *tpl,
                           const char *report_path, const char *review_path, const char *reviewer,
                           cf_review **out, cf_error *err);
/* The review's own record of one applied history entry (for loading). */
cf_status cf_review_push_entry(cf_review *review, cf_history_entry *entry, cf_error *err);
/* The review file now holds every entry in effect: the redo list (which the file does not
 * hold) is dropped, and what is saved can no longer be undone, only changed again. */
void cf_review_mark_saved(cf_review *review);
/* Look at the journal without replaying it: *pending records after the review file's; fills
 * cf_review_journal_problem. Fails only when memory or reading the journal fails. */
cf_status cf_review_scan_journal(cf_review *review, size_t *pending, cf_error *err);
/* Remove the journal the review file now holds (a damaged one is kept aside instead). */
void cf_review_retire_journal(cf_review *review);
/* Add a sign-off as read from the review file (taking note). False when memory fails. */
bool cf_review_push_approval(cf_review *review, const cf_approval *approval);

#endif
