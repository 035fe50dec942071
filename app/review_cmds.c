/* SPDX-License-Identifier: GPL-3.0-or-later */
/* review_cmds.c — the commands on review files: extract, export, apply; and the reviewer's name. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "cli.h"
#include "buf.h"
#include "export.h"
#include "fileio.h"
#include "i18n.h"
#include "review.h"

const char *cf_reviewer_name(const char *given, char *buf, size_t size)
{
    if (given && given[0])
        return given;
    /* $XDG_CONFIG_HOME/crossfoot/config: a line "reviewer: NAME" */
    const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
    char path[1024];
    if (xdg && xdg[0])
        snprintf(path, sizeof path, "%s/crossfoot/config", xdg);
    else
        snprintf(path, sizeof path, "%s/.config/crossfoot/config", home ? home : ".");
    FILE *f = fopen(path, "r");
    if (f) {
        char line[512];
        while (fgets(line, sizeof line, f)) {
            if (strncmp(line, "reviewer:", 9) != 0)
                continue;
            char *v = line + 9;
            v += strspn(v, " \t");
            v[strcspn(v, "\r\n")] = '\0';
            if (v[0]) {
                snprintf(buf, size, "%s", v);
                fclose(f);
                return buf;
            }
        }
        fclose(f);
    }
    const char *user = getenv("USER");
    return user && user[0] ? user : "unknown";
}

static int fail(const cf_error *err)
{
    char msg[1200];
    cf_error_format(err, msg, sizeof msg);
    fprintf(stderr, "crossfoot: %s\n", msg);
    return CF_EXIT_ERROR;
}

int cf_cmd_extract(const cf_args *args)
{
    const char *report = cf_arg_operand(args, 0), *out = cf_arg_value(args, "--output"),
               *template_path = cf_arg_value(args, "--template"), *reviewer = cf_arg_value(args, "--reviewer");
    char name[256];
    cf_error err;
    cf_error_clear(&err);
    cf_review *r = NULL;
    if (cf_review_open_report(report, template_path, cf_reviewer_name(reviewer, name, sizeof name), out, &r, &err) !=
        CF_OK)
        return fail(&err);
    if (cf_review_journal_pending(r) > 0)
        fprintf(stderr,
                P_("crossfoot: note: %s.journal holds %zu unsaved change from an earlier session; open the "
                   "review to replay it\n",
                   "crossfoot: note: %s.journal holds %zu unsaved changes from an earlier session; open the "
                   "review to replay them\n",
                   cf_review_journal_pending(r)),
                cf_review_path(r), cf_review_journal_pending(r));
    int status = CF_EXIT_PASS;
    if (cf_review_save(r, &err) != CF_OK)
        status = fail(&err);
    else
        fprintf(stderr, _("crossfoot: wrote %s\n"), cf_review_path(r));
    cf_review_free(r);
    return status;
}

int cf_cmd_export(const cf_args *args)
{
    const char *review_path = cf_arg_operand(args, 0), *out = cf_arg_value(args, "--output"),
               *format_name = cf_arg_value(args, "--format");
    bool force = cf_arg_set(args, "--force");
    cf_export_format format;
    if (!format_name || !cf_export_format_parse(format_name, &format)) {
        fprintf(stderr, _("crossfoot export: give a review file and --format json|csv|md|xlsx\n"));
        cf_command_usage(stderr, cf_command_find("export"));
        return CF_EXIT_ERROR;
    }
    if (format == CF_EXPORT_XLSX && !out) {
        fprintf(stderr, _("crossfoot export: an XLSX export needs -o FILE\n"));
        return CF_EXIT_ERROR;
    }
    cf_error err;
    cf_error_clear(&err);
    cf_review *r = NULL;
    if (cf_review_load(review_path, force, NULL, &r, &err) != CF_OK)
        return fail(&err);
    size_t pending = cf_review_journal_pending(r);
    if (pending)
        fprintf(stderr,
                P_("crossfoot: note: %s.journal holds %zu change not in the review file; it is not exported "
                   "(open the review to replay it)\n",
                   "crossfoot: note: %s.journal holds %zu changes not in the review file; they are not "
                   "exported (open the review to replay them)\n",
                   pending),
                review_path, pending);
    int status = CF_EXIT_PASS;
    if (out) {
        if (cf_export_write(r, format, out, NULL, &err) != CF_OK)
            status = fail(&err);
    } else {
        char *data;
        size_t len;
        if (cf_export_render(r, format, &data, &len, &err) != CF_OK)
            status = fail(&err);
        else {
            fwrite(data, 1, len, stdout);
            cf_free(data);
        }
    }
    cf_review_free(r);
    return status;
}

/* One command of an `apply` script into edit; false when it is not one. */
static bool parse_edit(cf_review *r, char *line, cf_edit *edit, const char **action, char **reason, char *why,
                       size_t why_size)
{
    char *cmd = strtok(line, " \t");
    char *id = cmd ? strtok(NULL, " \t") : NULL;
    char *rest = id ? strtok(NULL, "") : NULL;
    *reason = NULL;
    if (!cmd || !id) {
        snprintf(why, why_size, _("expected: set|clear|revert|confirm|note CELL …, waive|unwaive RULE …, undo, redo or save"));
        return false;
    }
    bool rule = strcmp(cmd, "waive") == 0 || strcmp(cmd, "unwaive") == 0;
    long cell = rule ? cf_review_find_rule(r, id) : cf_template_find_cell(cf_review_template(r), id);
    if (cell < 0) {
        snprintf(why, why_size, rule ? _("unknown rule '%s'") : _("unknown cell '%s'"), id);
        return false;
    }
    memset(edit, 0, sizeof *edit);
    edit->cell = (size_t)cell;
    *action = cmd;
    if (strcmp(cmd, "set") == 0) {
        char *value = rest ? strtok(rest, " \t") : NULL;
        *reason = value ? strtok(NULL, "") : NULL;
        edit->kind = CF_EDIT_SET;
        if (!value || cf_decimal_parse(value, strlen(value), &edit->value) != CF_DEC_OK) {
            snprintf(why, why_size, _("'%s' is not a number"), value ? value : "");
            return false;
        }
    } else if (strcmp(cmd, "clear") == 0 || strcmp(cmd, "revert") == 0 || strcmp(cmd, "confirm") == 0) {
        edit->kind = cmd[0] == 'c' ? (cmd[1] == 'l' ? CF_EDIT_CLEAR : CF_EDIT_CONFIRM) : CF_EDIT_REVERT;
        *reason = rest;
    } else if (strcmp(cmd, "note") == 0) {
        edit->kind = CF_EDIT_NOTE;
        edit->note = rest ? rest : "";
    } else if (rule) {
        edit->kind = cmd[0] == 'w' ? CF_EDIT_WAIVE : CF_EDIT_UNWAIVE;
        edit->note = rest ? rest : "";
    } else {
        snprintf(why, why_size, _("unknown command '%s'"), cmd);
        return false;
    }
    return true;
}

int cf_cmd_apply(const cf_args *args)
{
    const char *review_path = cf_arg_operand(args, 0), *reviewer = cf_arg_value(args, "--reviewer");
    bool force = cf_arg_set(args, "--force");
    char name[256];
    cf_error err;
    cf_error_clear(&err);
    cf_review *r = NULL;
    if (cf_review_load(review_path, force, cf_reviewer_name(reviewer, name, sizeof name), &r, &err) != CF_OK)
        return fail(&err);
    cf_buf lock_path;
    cf_buf_init(&lock_path);
    int lock = -1;
    if (!cf_buf_printf(&lock_path, "%s.lock", cf_review_path(r)) || cf_file_lock(lock_path.data, &lock, &err) != CF_OK) {
        cf_buf_release(&lock_path);
        cf_review_free(r);
        return fail(&err);
    }
    cf_buf_release(&lock_path);
    size_t pending = cf_review_journal_pending(r), replayed = 0;
    if (pending || cf_review_journal_problem(r)) {
        if (cf_review_replay_journal(r, &replayed, &err) != CF_OK) {
            cf_review_free(r);
            return fail(&err);
        }
        if (replayed)
            printf(P_("replayed %zu change from the journal\n", "replayed %zu changes from the journal\n", replayed), replayed);
        if (cf_review_journal_problem(r))
            fprintf(stderr, _("crossfoot apply: %s: %s\n"), review_path, cf_review_journal_problem(r));
    }
    int status = CF_EXIT_PASS;
    char line[4096];
    long lineno = 0;
    while (fgets(line, sizeof line, stdin)) {
        lineno++;
        line[strcspn(line, "\r\n")] = '\0';
        if (!line[0] || line[0] == '#')
            continue;
        cf_status st;
        if (strcmp(line, "undo") == 0)
            st = cf_review_undo(r, &err);
        else if (strcmp(line, "redo") == 0)
            st = cf_review_redo(r, &err);
        else if (strcmp(line, "save") == 0)
            st = cf_review_save(r, &err);
        else {
            cf_edit edit;
            const char *action;
            char *reason;
            char why[256];
            if (!parse_edit(r, line, &edit, &action, &reason, why, sizeof why)) {
                fprintf(stderr, _("crossfoot apply: line %ld: %s\n"), lineno, why);
                status = CF_EXIT_ERROR;
                continue;
            }
            st = cf_review_apply(r, action, reason, &edit, 1, &err);
        }
        if (st != CF_OK) {
            char msg[1200];
            cf_error_format(&err, msg, sizeof msg);
            fprintf(stderr, _("crossfoot apply: line %ld: %s\n"), lineno, msg);
            status = CF_EXIT_ERROR;
            continue;
        }
        /* the change is in the journal (fsync'd): acknowledge it */
        printf("ok %ld\n", lineno);
        fflush(stdout);
    }
    if (cf_review_dirty(r))
        fprintf(stderr, _("crossfoot apply: changes not saved to %s are kept in its journal\n"), review_path);
    cf_review_free(r);
    cf_file_unlock(lock);
    return status;
}
