/* review_internal.h — the inside of cf_review, shared by review.c (state, history,
 * journal) and review_yaml.c (the review file). Not for use outside core/. */
#ifndef CF_REVIEW_INTERNAL_H
#define CF_REVIEW_INTERNAL_H

#include "review.h"

#define CF_REVIEW_FORMAT_VERSION 1

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
    char **notes; /* never NULL entries: "" when none */
    char **waivers; /* per rule, "" when not waived */
    char **warnings;
    size_t *warning_lines;
    size_t warning_count;
    cf_rule_result *results;
    bool *suspect;         /* cells a broken rule most likely breaks on (kept by recheck) */
    size_t *broken_in;     /* recheck's scratch: broken rules per cell */
    cf_history_entry *entries;
    size_t entry_count, applied, entry_cap;
    uint64_t next_seq;    /* sequence number of the next journal record */
    uint64_t saved_seq;   /* every record below it is in the review file */
    uint64_t last_seq;    /* highest record applied */
    bool dirty;
    bool journal_broken_tail; /* the journal does not end in a newline */
    const cf_io *io;
    void (*now)(char out[32], void *ctx);
    void *now_ctx;
};

/* An empty review over text and tpl (taking ownership of text and templates). */
cf_status cf_review_create(cf_text *text, cf_template **templates, size_t template_count, const cf_template *tpl,
                           const char *report_path, const char *review_path, const char *reviewer,
                           cf_review **out, cf_error *err);
void cf_review_recheck(cf_review *review);
/* The review's own record of one applied history entry (for loading). */
cf_status cf_review_push_entry(cf_review *review, cf_history_entry *entry, cf_error *err);

#endif
