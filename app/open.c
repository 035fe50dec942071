/* SPDX-License-Identifier: GPL-3.0-or-later */
/* open.c — `crossfoot REPORT` and `crossfoot review REPORT|REVIEW.yaml`: open the workbench,
 * resuming the review file when there is one. */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "alloc.h"
#include "buf.h"
#include "fileio.h"
#include "i18n.h"
#include "cli.h"
#include "review.h"
#include "workbench.h"

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcmp(s + n - k, suffix) == 0;
}

static bool exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

int cf_cmd_review(const cf_args *args)
{
    const char *target = cf_arg_operand(args, 0), *template_path = cf_arg_value(args, "--template"),
               *reviewer = cf_arg_value(args, "--reviewer"), *previous_path = cf_arg_value(args, "--previous"),
               *size = cf_arg_value(args, "--size");
    ui_options opt = {.theme_name = cf_arg_value(args, "--theme"),
                      .mouse = cf_arg_set(args, "--mouse"),
                      .script_path = cf_arg_value(args, "--script"),
                      .timings_path = cf_arg_value(args, "--timings"),
                      .screen_path = cf_arg_value(args, "--screen")};
    bool force = cf_arg_set(args, "--force");
    /* a headless screen is memory ncurses allocates at once: 1000x1000 is far beyond any terminal */
    if (size && (sscanf(size, "%dx%d", &opt.cols, &opt.rows) != 2 || opt.cols < 1 || opt.rows < 1 ||
                 opt.cols > UI_MAX_SIZE || opt.rows > UI_MAX_SIZE)) {
        fprintf(stderr, _("crossfoot review: --size takes COLSxROWS, each from 1 to %d, e.g. 140x40\n"), UI_MAX_SIZE);
        return CF_EXIT_ERROR;
    }
    if (!opt.script_path && (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))) {
        fprintf(stderr, _("crossfoot review: the workbench needs a terminal (use check, extract or apply in scripts)\n"));
        return CF_EXIT_ERROR;
    }
    char name[256];
    const char *who = cf_reviewer_name(reviewer, args, name, sizeof name);
    if (!who)
        return CF_EXIT_ERROR;
    cf_error err;
    cf_error_clear(&err);
    /* one process edits a review at a time, and takes the lock before it reads the review: a
     * second workbench would replay the first one's live journal as "an earlier session", and
     * the two would overwrite each other's saves */
    char *review_path = ends_with(target, ".yaml") ? cf_strdup(target) : cf_review_default_path(target);
    cf_lock *lock = NULL;
    cf_status st = review_path ? cf_lock_review(review_path, _("the workbench"), who, CF_LOCK_WAIT_MS, &lock, &err)
                               : cf_error_nomem(&err, target);
    cf_free(review_path);
    cf_review *r = NULL;
    /* a report whose review file exists is resumed, never started over */
    opt.resumed = st == CF_OK && (ends_with(target, ".yaml") || exists(cf_lock_review_path(lock)));
    if (opt.resumed)
        st = cf_review_load(cf_lock_review_path(lock), force, who, &r, &err);
    else if (st == CF_OK)
        st = cf_review_open_report(target, template_path, who, cf_lock_review_path(lock), &r, &err);
    if (st != CF_OK) {
        char msg[1200];
        cf_error_format(&err, msg, sizeof msg);
        cf_say(stderr, "crossfoot: %s\n", msg);
        cf_lock_release(lock);
        return CF_EXIT_ERROR;
    }
    cf_previous *last_year = NULL;
    if (cf_load_previous(previous_path, &last_year) != 0) {
        cf_review_free(r);
        cf_lock_release(lock);
        return CF_EXIT_ERROR;
    }
    opt.previous = last_year ? cf_previous_year(last_year) : NULL;
    int status = ui_workbench_run(r, &opt);
    cf_previous_free(last_year);
    if (status == 0 && cf_review_dirty(r))
        cf_say(stderr, _("crossfoot: unsaved changes are kept in %s.journal; open the review again to replay them\n"),
                cf_review_path(r));
    cf_review_free(r);
    cf_lock_release(lock);
    return status;
}
