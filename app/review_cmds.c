/* SPDX-License-Identifier: GPL-3.0-or-later */
/* review_cmds.c — the commands on review files: extract, export, apply; and the reviewer's name. */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pwd.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "alloc.h"
#include "cli.h"
#include "buf.h"
#include "export.h"
#include "fileio.h"
#include "i18n.h"
#include "review.h"
#include "source.h"
#include "utf8.h"
#include "termsafe.h"

/* value (a part of the source whole) as UTF-8 in buf, the source's encoding decided from all of
 * whole; false with err when it is refused. */
static bool decode_name(cf_source *src, const char *whole, size_t whole_len, const char *value, size_t value_len,
                        char *buf, size_t size, cf_error *err)
{
    char *name = NULL;
    if (cf_source_decide(src, whole, whole_len, err) != CF_OK ||
        cf_source_line(src, 0, value, value_len, &name, err) != CF_OK)
        return false;
    size_t len = strlen(name);
    if (len >= size)
        len = cf_utf8_boundary(name, size - 1);
    memcpy(buf, name, len);
    buf[len] = '\0';
    cf_free(name);
    return true;
}

/* The reviewer's name as UTF-8 in buf: --reviewer (given), else the config file's "reviewer:"
 * line, else $USER, else the account's name; *found false when there is none. False with err when the name is refused. */
static bool find_reviewer(const char *given, int argc, char **argv, char *buf, size_t size, bool *found,
                          cf_error *err)
{
    cf_source src;
    *found = true;
    if (given && given[0]) {
        /* the command line is one source: its arguments decide the encoding together */
        cf_buf line;
        cf_buf_init(&line);
        bool ok = true;
        for (int i = 0; ok && i < argc; i++)
            ok = cf_buf_puts(&line, argv[i]) && cf_buf_puts(&line, "\n");
        cf_source_init(&src, _("the command line"));
        ok = ok ? decode_name(&src, line.data ? line.data : "", line.len, given, strlen(given), buf, size, err)
                : (cf_error_nomem(err, NULL), false);
        cf_buf_release(&line);
        return ok;
    }
    /* $XDG_CONFIG_HOME/crossfoot/config (or ~/.config/crossfoot/config): a line "reviewer: NAME" */
    const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
    cf_buf path, config;
    cf_buf_init(&path);
    cf_buf_init(&config);
    cf_error ignored;
    cf_status st = (xdg && xdg[0] ? cf_buf_printf(&path, "%s/crossfoot/config", xdg)
                                  : cf_buf_printf(&path, "%s/.config/crossfoot/config", home ? home : "."))
                       ? cf_file_read(path.data, N_("config file"), (size_t)1 << 20, &config, NULL, &ignored)
                       : cf_error_nomem(&ignored, NULL);
    /* no config file is no reviewer there; memory running out is not: the next source ($USER)
     * would then sign the changes with another name */
    if (st == CF_ERR_NOMEM) {
        cf_buf_release(&config);
        cf_buf_release(&path);
        cf_error_nomem(err, NULL);
        return false;
    }
    bool read = st == CF_OK;
    for (const char *p = read ? config.data : NULL; p && *p;) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        const char *v = p + 9 + strspn(p + 9, " \t");
        size_t n = strncmp(p, "reviewer:", 9) == 0 ? len - (size_t)(v - p) : 0;
        while (n && (v[n - 1] == '\r' || v[n - 1] == ' ' || v[n - 1] == '\t'))
            n--;
        if (n) {
            cf_source_init(&src, path.data);
            bool ok = decode_name(&src, config.data, config.len, v, n, buf, size, err);
            cf_buf_release(&config);
            cf_buf_release(&path);
            return ok;
        }
        p = nl ? nl + 1 : NULL;
    }
    cf_buf_release(&config);
    cf_buf_release(&path);
    const char *user = getenv("USER");
    if (user && user[0]) {
        cf_source_init(&src, "$USER");
        return decode_name(&src, user, strlen(user), user, strlen(user), buf, size, err);
    }
    /* no $USER (a service, cron, a bare `env -i`): the account's name */
    const struct passwd *account = getpwuid(getuid());
    if (account && account->pw_name && account->pw_name[0]) {
        cf_source_init(&src, _("the account's name"));
        return decode_name(&src, account->pw_name, strlen(account->pw_name), account->pw_name,
                           strlen(account->pw_name), buf, size, err);
    }
    *found = false;
    return true;
}

const char *cf_reviewer_name(const char *given, const cf_args *args, char *buf, size_t size)
{
    cf_error err;
    cf_error_clear(&err);
    bool found;
    int argc;
    char **argv = cf_arg_command_line(args, &argc);
    if (!find_reviewer(given, argc, argv, buf, size, &found, &err)) {
        char msg[1200];
        cf_error_format(&err, msg, sizeof msg);
        cf_say(stderr, _("crossfoot: the reviewer's name: %s\n"), msg);
        return NULL;
    }
    return found ? buf : "unknown";
}

static int fail(const cf_error *err) { return cf_say_error("crossfoot", err); }

/* "….replaced-20261201T154002Z": a name beside path for a file extract --force sets aside. Caller frees. */
static char *aside_name(const char *path)
{
    char at[32] = "";
    time_t now = time(NULL);
    struct tm tm;
    if (gmtime_r(&now, &tm))
        strftime(at, sizeof at, "%Y%m%dT%H%M%SZ", &tm);
    cf_buf b;
    cf_buf_init(&b);
    if (!cf_buf_printf(&b, "%s.replaced-%s", path, at)) {
        cf_buf_release(&b);
        return NULL;
    }
    return cf_buf_take(&b);
}

/* Before extract writes review_path (the lock held): a review there with history, a journal
 * beside it, or a file that is not a review it can read is never replaced without force; with
 * force they are kept beside it, under a name that says when. */
static cf_status keep_what_extract_replaces(const char *review_path, bool force, cf_error *err)
{
    cf_buf journal;
    cf_buf_init(&journal);
    if (!cf_buf_printf(&journal, "%s.journal", review_path))
        return cf_error_nomem(err, review_path);
    struct stat st;
    bool has_journal = lstat(journal.data, &st) == 0, has_review = lstat(review_path, &st) == 0;
    size_t history = 0;
    bool readable = true;
    if (has_review) {
        cf_review *old = NULL;
        cf_error ignored;
        readable = cf_review_load(review_path, true, NULL, &old, &ignored) == CF_OK;
        history = readable ? cf_review_history_count(old) : 0;
        cf_review_free(old);
    }
    cf_status status = CF_OK;
    if (!force && !readable)
        status = cf_error_set(err, CF_ERR_INPUT, review_path, 0, 0,
                              _("is not a review file crossfoot can read; extract would replace it. Give --force to "
                                "replace it (the old file is kept beside it)"));
    else if (!force && history > 0)
        status = cf_error_set(err, CF_ERR_INPUT, review_path, 0, 0,
                              _("already holds a review with its history of corrections; extract would replace it. "
                                "Open the review to go on with it, or give --force to start over (the old files are "
                                "kept beside it)"));
    else if (!force && has_journal)
        status = cf_error_set(err, CF_ERR_INPUT, review_path, 0, 0,
                              _("has a journal of changes that were never saved; extract would replace it. Open the "
                                "review to replay them, or give --force to start over (the journal is kept beside it)"));
    for (int i = 0; status == CF_OK && force && i < 2; i++) {
        const char *path = i == 0 ? review_path : journal.data;
        if (!(i == 0 ? has_review && (history > 0 || !readable) : has_journal))
            continue;
        char *aside = aside_name(path);
        /* the review is linked aside, so that the new one replaces it in place (mode kept);
         * the journal is moved aside: the new review must not replay it */
        if (!aside)
            status = cf_error_nomem(err, path);
        else if ((i == 0 ? link(path, aside) : rename(path, aside)) != 0)
            status = cf_error_set(err, CF_ERR_IO, path, 0, 0, _("cannot keep the old file as %s: %s"), aside,
                                  strerror(errno));
        else
            cf_say(stderr, i == 0 ? _("crossfoot: the old review is kept as %s\n")
                                  : _("crossfoot: the old journal is kept as %s\n"),
                   aside);
        cf_free(aside);
    }
    cf_buf_release(&journal);
    return status;
}

int cf_cmd_extract(const cf_args *args)
{
    const char *report = cf_arg_operand(args, 0), *out = cf_arg_value(args, "--output"),
               *template_path = cf_arg_value(args, "--template"), *reviewer = cf_arg_value(args, "--reviewer");
    bool force = cf_arg_set(args, "--force");
    char name[256];
    const char *who = cf_reviewer_name(reviewer, args, name, sizeof name);
    if (!who)
        return CF_EXIT_ERROR;
    cf_error err;
    cf_error_clear(&err);
    char *review_path = out ? cf_strdup(out) : cf_review_default_path(report);
    if (!review_path) {
        cf_error_nomem(&err, report);
        return fail(&err);
    }
    if (cf_file_same(review_path, report)) {
        cf_error_set(&err, CF_ERR_USAGE, review_path, 0, 0, _("is the report itself; give another -o"));
        cf_free(review_path);
        return fail(&err);
    }
    cf_lock *lock = NULL;
    cf_status st = cf_lock_review(review_path, "extract", who, CF_LOCK_WAIT_MS, &lock, &err);
    cf_free(review_path);
    if (st == CF_OK)
        st = keep_what_extract_replaces(cf_lock_review_path(lock), force, &err);
    cf_review *r = NULL;
    if (st == CF_OK)
        st = cf_review_open_report(report, template_path, who, cf_lock_review_path(lock), &r, &err);
    if (st == CF_OK)
        st = cf_review_save(r, &err);
    int status = st == CF_OK ? CF_EXIT_PASS : fail(&err);
    if (st == CF_OK)
        cf_say(stderr, _("crossfoot: wrote %s\n"), out ? out : cf_review_path(r));
    cf_review_free(r);
    cf_lock_release(lock);
    return status;
}

int cf_cmd_export(const cf_args *args)
{
    const char *review_path = cf_arg_operand(args, 0), *out = cf_arg_value(args, "--output"),
               *format_name = cf_arg_value(args, "--format"), *previous_path = cf_arg_value(args, "--previous");
    bool force = cf_arg_set(args, "--force");
    cf_export_format format;
    if (!format_name || !cf_export_format_parse(format_name, &format)) {
        fprintf(stderr, _("crossfoot export: give a review file and --format json|csv|md|xlsx\n"));
        cf_command_usage(stderr, cf_command_find("export"));
        return CF_EXIT_ERROR;
    }
    if (format == CF_EXPORT_XLSX && (!out || strcmp(out, "-") == 0 || strcmp(out, "/dev/stdout") == 0)) {
        fprintf(stderr, _("crossfoot export: an XLSX export needs -o FILE (a file, not the output stream)\n"));
        return CF_EXIT_ERROR;
    }
    cf_error err;
    cf_error_clear(&err);
    cf_review *r = NULL;
    if (cf_review_load(review_path, force, NULL, &r, &err) != CF_OK)
        return fail(&err);
    cf_previous *last_year = NULL;
    if (cf_load_previous(previous_path, &last_year) != 0) {
        cf_review_free(r);
        return CF_EXIT_ERROR;
    }
    const cf_year *previous = last_year ? cf_previous_year(last_year) : NULL;
    size_t pending = cf_review_journal_pending(r);
    if (pending)
        cf_say(stderr,
                P_("crossfoot: note: %s.journal holds %zu change not in the review file; it is not exported "
                   "(open the review to replay it)\n",
                   "crossfoot: note: %s.journal holds %zu changes not in the review file; they are not "
                   "exported (open the review to replay them)\n",
                   pending),
                review_path, pending);
    int status = CF_EXIT_PASS;
    /* "-" and /dev/stdout are the output stream; any other output is a file beside which the
     * review and the report must survive */
    bool stream = !out || strcmp(out, "-") == 0 || strcmp(out, "/dev/stdout") == 0;
    if (!stream && (cf_file_same(out, review_path) || cf_file_same(out, cf_review_report_path(r)))) {
        cf_error_set(&err, CF_ERR_USAGE, out, 0, 0, "%s",
                     cf_file_same(out, review_path) ? _("is the review file itself; export to another file")
                                                    : _("is the report itself; export to another file"));
        status = fail(&err);
    } else if (!stream) {
        if (cf_export_write(r, previous, format, out, NULL, &err) != CF_OK)
            status = fail(&err);
    } else {
        char *data;
        size_t len;
        if (cf_export_render(r, previous, format, &data, &len, &err) != CF_OK)
            status = fail(&err);
        else {
            /* an export shown on a terminal is shown, never obeyed: a note may hold an escape sequence */
            if (isatty(STDOUT_FILENO))
                cf_termsafe_write(stdout, data, len, true);
            else
                fwrite(data, 1, len, stdout);
            cf_free(data);
        }
    }
    cf_previous_free(last_year);
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
        /* the kind of correction, when said, comes before the reason */
        size_t word = *reason ? strcspn(*reason, " \t") : 0;
        static const struct {
            const char *name;
            cf_correction kind;
        } kinds[] = {{"read", CF_CORRECTION_READ}, {"figure", CF_CORRECTION_FIGURE}};
        for (size_t k = 0; word && k < sizeof kinds / sizeof *kinds; k++)
            if (strlen(kinds[k].name) == word && strncmp(*reason, kinds[k].name, word) == 0) {
                edit->correction = kinds[k].kind;
                *reason += word + strspn(*reason + word, " \t");
                if (!**reason)
                    *reason = NULL;
            }
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

/* The edits on standard input, a line at a time, of any length. A file is read whole first so
 * that its encoding is decided from all of it; a pipe is read as it comes (a person or a
 * program may wait for each "ok N"), its encoding decided by its first line beyond ASCII. */
typedef struct {
    cf_buf all; /* the whole file */
    size_t at;
    bool whole;
    char *line; /* getline's buffer */
    size_t cap;
} edits_reader;

static bool edits_open(edits_reader *in, cf_source *src, cf_error *err)
{
    memset(in, 0, sizeof *in);
    cf_buf_init(&in->all);
    struct stat st;
    in->whole = fstat(STDIN_FILENO, &st) == 0 && S_ISREG(st.st_mode);
    if (!in->whole)
        return true;
    char chunk[65536];
    for (size_t n; (n = fread(chunk, 1, sizeof chunk, stdin)) > 0;)
        if (!cf_buf_append(&in->all, chunk, n)) {
            cf_error_nomem(err, NULL);
            return false;
        }
    return cf_source_decide(src, in->all.data ? in->all.data : "", in->all.len, err) == CF_OK;
}

/* The next line (with its line break) in *text, its length, or -1 at the end. */
static ssize_t edits_next(edits_reader *in, const char **text)
{
    if (!in->whole) {
        ssize_t n = getline(&in->line, &in->cap, stdin);
        *text = in->line;
        return n;
    }
    if (in->at >= in->all.len)
        return -1;
    const char *p = in->all.data + in->at, *nl = memchr(p, '\n', in->all.len - in->at);
    size_t n = nl ? (size_t)(nl - p) + 1 : in->all.len - in->at;
    in->at += n;
    *text = p;
    return (ssize_t)n;
}

static void edits_close(edits_reader *in)
{
    cf_buf_release(&in->all);
    free(in->line); /* getline's, from libc */
}

int cf_cmd_apply(const cf_args *args)
{
    const char *review_path = cf_arg_operand(args, 0), *reviewer = cf_arg_value(args, "--reviewer");
    bool force = cf_arg_set(args, "--force");
    char name[256];
    cf_error err;
    cf_error_clear(&err);
    const char *who = cf_reviewer_name(reviewer, args, name, sizeof name);
    if (!who)
        return CF_EXIT_ERROR;
    /* the lock first, then the read: a review read before the lock is taken may be replaced
     * by the holder's save meanwhile, and this run's save would drop the holder's edits */
    cf_lock *lock = NULL;
    if (cf_lock_review(review_path, "apply", who, CF_LOCK_WAIT_MS, &lock, &err) != CF_OK)
        return fail(&err);
    cf_review *r = NULL;
    if (cf_review_load(cf_lock_review_path(lock), force, who, &r, &err) != CF_OK) {
        cf_lock_release(lock);
        return fail(&err);
    }
    size_t pending = cf_review_journal_pending(r), replayed = 0;
    if (pending || cf_review_journal_problem(r)) {
        if (cf_review_replay_journal(r, &replayed, &err) != CF_OK) {
            cf_review_free(r);
            cf_lock_release(lock);
            return fail(&err);
        }
        if (replayed)
            printf(P_("replayed %zu change from the journal\n", "replayed %zu changes from the journal\n", replayed), replayed);
        if (cf_review_journal_problem(r))
            cf_say(stderr, _("crossfoot apply: %s: %s\n"), review_path, cf_review_journal_problem(r));
    }
    int status = CF_EXIT_PASS;
    edits_reader in;
    cf_source src;
    cf_source_init(&src, _("the edits"));
    if (!edits_open(&in, &src, &err)) {
        edits_close(&in);
        cf_review_free(r);
        cf_lock_release(lock);
        cf_say(stderr, _("crossfoot apply: line %ld of the edits: %s\n"), err.line, err.message);
        return CF_EXIT_ERROR;
    }
    const char *raw;
    long lineno = 0;
    for (ssize_t n; (n = edits_next(&in, &raw)) >= 0;) {
        lineno++;
        size_t len = (size_t)n;
        while (len && (raw[len - 1] == '\n' || raw[len - 1] == '\r'))
            len--;
        char *line = NULL;
        if (memchr(raw, '\0', len))
            cf_error_set(&err, CF_ERR_INPUT, NULL, lineno, 0, "%s", _("the line holds a NUL byte"));
        else
            cf_source_line(&src, lineno, raw, len, &line, &err);
        if (!line) {
            cf_say(stderr, _("crossfoot apply: line %ld: %s\n"), lineno, err.message);
            status = CF_EXIT_ERROR;
            continue;
        }
        if (!line[0] || line[0] == '#') {
            cf_free(line);
            continue;
        }
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
                cf_say(stderr, _("crossfoot apply: line %ld: %s\n"), lineno, why);
                status = CF_EXIT_ERROR;
                cf_free(line);
                continue;
            }
            st = cf_review_apply(r, action, reason, &edit, 1, &err);
        }
        cf_free(line);
        if (st != CF_OK) {
            char msg[1200];
            cf_error_format(&err, msg, sizeof msg);
            cf_say(stderr, _("crossfoot apply: line %ld: %s\n"), lineno, msg);
            status = CF_EXIT_ERROR;
            continue;
        }
        /* the change is in the journal (fsync'd): acknowledge it */
        printf("ok %ld\n", lineno);
        fflush(stdout);
    }
    edits_close(&in);
    if (cf_review_dirty(r))
        cf_say(stderr, _("crossfoot apply: changes not saved to %s are kept in its journal\n"), review_path);
    cf_review_free(r);
    cf_lock_release(lock);
    return status;
}
