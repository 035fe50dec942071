/* SPDX-License-Identifier: GPL-3.0-or-later */
/* commands.c — the command table (as tmux's cmd_entry): each command's name, aliases, usage,
 * options with a help line each, and handler. Dispatch, --help, `crossfoot CMD --help`, the man
 * pages (crossfoot help --man) and the "did you mean" answer are all made from it. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "i18n.h"

#define CF_VERSION "0.1.0"

static int cmd_help(const cf_args *args);

static const cf_option_def review_options[] = {
    {"--theme", NULL, "NAME", N_("colours: default, light, mono, or a theme file")},
    {"--mouse", NULL, NULL, N_("click to select a cell, wheel to scroll (off: it breaks text selection)")},
    {"--reviewer", NULL, "NAME", N_("who reviews (default: the config file's reviewer, else $USER)")},
    {"--force", NULL, NULL, N_("open a review whose report has changed since")},
    {"--previous", NULL, "LASTYEAR", N_("compare with last year's report or review file")},
    {"--template", NULL, "FILE", N_("read the report with this template, not the built-in formats")},
    {"--script", NULL, "FILE", N_("run without a terminal, reading the keys from FILE (tests)")},
    {"--screen", NULL, "FILE", N_("with --script: write the last screen to FILE")},
    {"--timings", NULL, "FILE", N_("with --script: write each key's time to FILE")},
    {"--size", NULL, "COLSxROWS", N_("with --script: the screen size, e.g. 140x40")},
    {NULL, NULL, NULL, NULL}};

static const cf_option_def check_options[] = {
    {"--json", NULL, NULL, N_("print one JSON object per report, one per line")},
    {"--jobs", "-j", "N", N_("check N reports at once (default: every core); the output keeps their order")},
    {"--previous", NULL, "LASTYEAR", N_("compare with last year's report or review file")},
    {"--template", NULL, "FILE", N_("read the reports with this template, not the built-in formats")},
    {NULL, NULL, NULL, NULL}};

static const cf_option_def extract_options[] = {
    {"--template", NULL, "FILE", N_("read the report with this template, not the built-in formats")},
    {"--reviewer", NULL, "NAME", N_("who reviews (default: the config file's reviewer, else $USER)")},
    {"--output", "-o", "REVIEW.yaml", N_("where to write the review file (default: REPORT.review.yaml)")},
    {"--force", NULL, NULL, N_("replace a review with corrections or a journal (the old one is kept beside it)")},
    {NULL, NULL, NULL, NULL}};

static const cf_option_def export_options[] = {
    {"--format", NULL, "json|csv|md|xlsx", N_("the format of the export")},
    {"--output", "-o", "FILE", N_("write to FILE (default: standard output; XLSX needs a file)")},
    {"--force", NULL, NULL, N_("export a review whose report has changed since")},
    {"--previous", NULL, "LASTYEAR", N_("compare with last year's report or review file")},
    {NULL, NULL, NULL, NULL}};

static const cf_option_def apply_options[] = {
    {"--reviewer", NULL, "NAME", N_("who reviews (default: the config file's reviewer, else $USER)")},
    {"--force", NULL, NULL, N_("edit a review whose report has changed since")},
    {NULL, NULL, NULL, NULL}};

static const cf_option_def help_options[] = {
    {"--man", NULL, NULL, N_("print the manual page (troff) instead")},
    {NULL, NULL, NULL, NULL}};

static const cf_command commands[] = {
    {"review", {"open", NULL}, "REPORT|REVIEW.yaml", 1, 1, N_("no report or review file given"),
     N_("open the workbench on a report or its review file"),
     N_("The raw report beside its tables, every broken or missing cell marked; press ? inside for "
        "the keys. A report whose REPORT.review.yaml exists resumes that review. `crossfoot REPORT` "
        "is the same."),
     review_options, cf_cmd_review},
    {"check", {NULL}, "REPORT...", 1, 0, N_("no report given"),
     N_("check reports: every broken rule and missing cell"),
     N_("Extracts the statistical tables of each report, checks the cross-sum rules (勾稽关系) and "
        "lists every broken rule and missing cell, with the smallest fix. With --previous, 上年结转 "
        "is compared with last year's 结转下年度 and 现行有效件数 with last year's."),
     check_options, cf_cmd_check},
    {"extract", {NULL}, "REPORT", 1, 1, N_("no report given"),
     N_("write the review file of a report"),
     N_("Writes the review file (annotated YAML) of a report: every cell with its value, source and "
        "state, the rules, the history."),
     extract_options, cf_cmd_extract},
    {"export", {NULL}, "REVIEW.yaml", 1, 1, N_("no review file given"),
     N_("export the audited result of a review file"),
     N_("JSON (check's cell ids plus state and note), CSV (UTF-8 with BOM), Markdown in the national "
        "layout, XLSX (one sheet a table; broken red, figure corrections yellow, read corrections blue). "
        "Each corrected cell says its kind: a read correction (crossfoot misread the report) or a figure "
        "correction (the report prints a wrong figure). Markdown and XLSX end with the findings: broken "
        "and waived rules, figure and read corrections apart with who and why, notes. With --previous, "
        "the findings include last year's figures that disagree, as check's do."),
     export_options, cf_cmd_export},
    {"apply", {NULL}, "REVIEW.yaml < EDITS", 1, 1, N_("no review file given"),
     N_("edit a review from a script"),
     N_("One command a line: set CELL VALUE [read|figure] [reason], clear|revert|confirm CELL [reason], "
        "note CELL TEXT, waive RULE WHY (accept a broken rule), unwaive RULE, undo, redo, save. 'read': "
        "the report prints VALUE and crossfoot misread it; 'figure': the report prints a wrong figure; "
        "unsaid: read when the cell's line in the report shows VALUE, else figure. Prints 'ok N' once "
        "line N is in the journal."),
     apply_options, cf_cmd_apply},
    {"help", {NULL}, "[COMMAND]", 0, 1, NULL, N_("this help, or a command's"),
     N_("Without a command: every command. With one: its usage and options."), help_options, cmd_help},
};
#define COMMAND_COUNT (sizeof commands / sizeof *commands)

const cf_command *cf_command_find(const char *name)
{
    for (size_t i = 0; i < COMMAND_COUNT; i++) {
        if (strcmp(commands[i].name, name) == 0)
            return &commands[i];
        for (size_t k = 0; commands[i].aliases[k]; k++)
            if (strcmp(commands[i].aliases[k], name) == 0)
                return &commands[i];
    }
    return NULL;
}

/* "[--json] [-j N] [--template FILE]" then the operands */
static void synopsis(FILE *out, const cf_command *cmd)
{
    fprintf(out, "crossfoot %s", cmd->name);
    for (const cf_option_def *o = cmd->options; o && o->name; o++) {
        if (o->value_name)
            fprintf(out, " [%s %s]", o->short_name ? o->short_name : o->name, o->value_name);
        else
            fprintf(out, " [%s]", o->name);
    }
    fprintf(out, " %s", cmd->operands);
}

void cf_command_usage(FILE *out, const cf_command *cmd)
{
    fputs(_("usage: "), out);
    synopsis(out, cmd);
    fputc('\n', out);
}

/* "  -j, --jobs N" */
static int option_label(char *buf, size_t size, const cf_option_def *o)
{
    return snprintf(buf, size, "%s%s%s%s%s", o->short_name ? o->short_name : "", o->short_name ? ", " : "",
                    o->name, o->value_name ? " " : "", o->value_name ? o->value_name : "");
}

static void option_lines(FILE *out, const cf_option_def *options)
{
    for (int set = 0; set < 2; set++)
        for (const cf_option_def *o = set ? cf_common_options : options; o && o->name; o++) {
            char label[80];
            option_label(label, sizeof label, o);
            fprintf(out, "  %-26s %s\n", label, _(o->help));
        }
}

void cf_command_help(FILE *out, const cf_command *cmd)
{
    cf_command_usage(out, cmd);
    fprintf(out, "\n%s\n", _(cmd->summary));
    fprintf(out, "%s\n\n", _(cmd->description));
    fputs(_("options:\n"), out);
    option_lines(out, cmd->options);
}

void cf_usage(FILE *out)
{
    fputs(_("usage: crossfoot [review] [OPTIONS] REPORT|REVIEW.yaml\n"
            "       crossfoot COMMAND [OPTIONS] ARGUMENTS\n"),
          out);
    fputs(_("\ncommands:\n"), out);
    for (size_t i = 0; i < COMMAND_COUNT; i++)
        fprintf(out, "  %-9s %s\n", commands[i].name, _(commands[i].summary));
    fputs(_("\n`crossfoot COMMAND --help` gives a command's options; every command also takes --lang "
            "zh|en.\n"
            "exit status: 0 every report passes, 1 a rule is broken or a cell is missing,\n"
            "             2 a report cannot be read or the command is misused.\n"),
          out);
}

/* Text for troff: a backslash or a hyphen escaped, a line never starting with a dot. */
static void troff(FILE *out, const char *s)
{
    if (*s == '.' || *s == '\'')
        fputs("\\&", out);
    for (; *s; s++) {
        if (*s == '\\')
            fputs("\\e", out);
        else if (*s == '-')
            fputs("\\-", out);
        else
            fputc(*s, out);
    }
}

/* The manual page, in the language being spoken (crossfoot.1, crossfoot.zh_CN.1). */
static void man_page(FILE *out)
{
    fprintf(out, ".TH CROSSFOOT 1 \"\" \"crossfoot %s\" \"%s\"\n", CF_VERSION, _("User Commands"));
    fprintf(out, ".SH %s\ncrossfoot \\- ", _("NAME"));
    troff(out, _("audit the statistical tables of government information-disclosure annual reports"));
    fprintf(out, "\n.SH %s\n", _("SYNOPSIS"));
    for (size_t i = 0; i < COMMAND_COUNT; i++) {
        fputs(i ? ".br\n" : "", out);
        char line[512];
        FILE *mem = fmemopen(line, sizeof line, "w");
        if (!mem)
            continue;
        synopsis(mem, &commands[i]);
        fclose(mem);
        fputs(".B ", out);
        troff(out, line);
        fputc('\n', out);
    }
    fprintf(out, ".SH %s\n", _("COMMANDS"));
    for (size_t i = 0; i < COMMAND_COUNT; i++) {
        const cf_command *c = &commands[i];
        fprintf(out, ".SS %s\n", c->name);
        troff(out, _(c->summary));
        fputs("\n.PP\n", out);
        troff(out, _(c->description));
        fputc('\n', out);
        for (const cf_option_def *o = c->options; o && o->name; o++) {
            char label[80];
            option_label(label, sizeof label, o);
            fputs(".TP\n.B ", out);
            troff(out, label);
            fputc('\n', out);
            troff(out, _(o->help));
            fputc('\n', out);
        }
    }
    fprintf(out, ".SH %s\n", _("LANGUAGE"));
    troff(out, _("--lang zh or --lang en; without it the first of LANGUAGE, LC_ALL, LC_MESSAGES and LANG that "
                 "is set: zh... is Chinese, anything else English."));
    fprintf(out, "\n.SH %s\n", _("EXIT STATUS"));
    troff(out, _("0 every report passes, 1 a rule is broken or a cell is missing, 2 a report cannot be read or "
                 "the command is misused."));
    fputc('\n', out);
}

static int cmd_help(const cf_args *args)
{
    const char *name = cf_arg_operand(args, 0);
    if (cf_arg_set(args, "--man")) {
        man_page(stdout);
        return CF_EXIT_PASS;
    }
    if (!name) {
        cf_usage(stdout);
        return CF_EXIT_PASS;
    }
    const cf_command *cmd = cf_command_find(name);
    if (!cmd) {
        cf_say(stderr, _("crossfoot help: no command '%s'\n"), name);
        return CF_EXIT_ERROR;
    }
    cf_command_help(stdout, cmd);
    return CF_EXIT_PASS;
}

/* Edits (insert, delete, change, swap two neighbours) from a to b, up to 9. */
static size_t edit_distance(const char *a, const char *b)
{
    size_t n = strlen(a), m = strlen(b);
    if (n > 16 || m > 16)
        return 9;
    size_t d[17][17];
    for (size_t i = 0; i <= n; i++)
        for (size_t j = 0; j <= m; j++) {
            if (i == 0 || j == 0) {
                d[i][j] = i + j;
                continue;
            }
            size_t best = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);
            best = d[i - 1][j] + 1 < best ? d[i - 1][j] + 1 : best;
            best = d[i][j - 1] + 1 < best ? d[i][j - 1] + 1 : best;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < best)
                best = d[i - 2][j - 2] + 1;
            d[i][j] = best;
        }
    return d[n][m];
}

/* The command whose name is one or two edits from word (a slip, not another word), or NULL. */
static const cf_command *nearest_command(const char *word)
{
    const cf_command *best = NULL;
    size_t best_d = 3;
    for (size_t i = 0; i < COMMAND_COUNT; i++) {
        size_t d = edit_distance(word, commands[i].name);
        if (d < best_d && d * 3 <= strlen(commands[i].name)) {
            best = &commands[i];
            best_d = d;
        }
    }
    return best;
}

static bool exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

int cf_main(int argc, char **argv)
{
    /* crossfoot --lang zh CMD …: the language before the command's name is the parser's too */
    int lang = cf_common_prefix(argc - 1, argv + 1);
    if (lang < 0)
        return CF_EXIT_ERROR;
    if (lang > 0 && 1 + lang == argc) { /* nothing but the language */
        argc = 1;
    } else if (lang > 0 && argv[1 + lang][0] != '-') {
        /* the command's name (or the report) first; the --lang options go with its arguments, and
         * options after them are the workbench's, read with them as they stand */
        char *name = argv[1 + lang];
        memmove(argv + 2, argv + 1, (size_t)lang * sizeof *argv);
        argv[1] = name;
    }
    if (argc < 2) {
        cf_usage(stderr);
        return CF_EXIT_ERROR;
    }
    const char *word = argv[1];
    if (strcmp(word, "--help") == 0 || strcmp(word, "-h") == 0) {
        cf_usage(stdout);
        return CF_EXIT_PASS;
    }
    if (strcmp(word, "--version") == 0) {
        printf("crossfoot %s\n", CF_VERSION);
        return CF_EXIT_PASS;
    }
    const cf_command *cmd = cf_command_find(word);
    if (cmd)
        return cf_command_run(cmd, argc - 2, argv + 2);
    /* crossfoot REPORT, crossfoot --force REPORT: the workbench, its options first or not */
    const cf_command *review = cf_command_find("review");
    if (word[0] != '-' && !exists(word)) {
        const cf_command *near = nearest_command(word);
        if (near) {
            if (cf_command_language(review, argc - 2, argv + 2) < 0) /* crossfoot chekc --lang zh */
                return CF_EXIT_ERROR;
            cf_say(stderr, _("crossfoot: '%s' is neither a command nor a file; did you mean `%s`?\n"), word,
                    near->name);
            return CF_EXIT_ERROR;
        }
    }
    return cf_command_run(review, argc - 1, argv + 1);
}
