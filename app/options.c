/* SPDX-License-Identifier: GPL-3.0-or-later */
/* options.c — the one option parser: every command reads `--opt V`, `--opt=V`, `-o V`, `-oV`
 * and `--` the same way, from its row of the command table (commands.c). */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "i18n.h"

#include "lang.h"

/* Options every command takes after its own: the language and the help. */
const cf_option_def cf_common_options[] = {
    {"--lang", NULL, "zh|en", N_("speak Chinese or English (default: from LANGUAGE, LC_ALL, LC_MESSAGES, LANG)")},
    {"--help", "-h", NULL, N_("this help")},
    {NULL, NULL, NULL, NULL}};
#define COMMON_COUNT (sizeof cf_common_options / sizeof *cf_common_options - 1)

struct cf_args {
    const cf_command *command;
    const char *values[CF_MAX_OPTIONS]; /* a value option's value; a switch's "" */
    const char *common[COMMON_COUNT];   /* the same for cf_common_options */
    char **operands;
    size_t operand_count;
    char **argv; /* the command line after the command's name: operands, then options */
    int argc;
    /* the first misuse (an untranslated format and what it names), said once the whole line is
     * read: a --lang after it still decides the language it is said in */
    const char *error, *error_arg;
};

static const cf_option_def *find_in(const cf_option_def *options, const char *name, size_t len)
{
    for (const cf_option_def *o = options; o && o->name; o++)
        if ((strlen(o->name) == len && strncmp(name, o->name, len) == 0) ||
            (o->short_name && strlen(o->short_name) == len && strncmp(name, o->short_name, len) == 0))
            return o;
    return NULL;
}

/* The command's option named so, else the common one, else NULL. */
static const cf_option_def *find_option(const cf_command *cmd, const char *name, size_t len)
{
    const cf_option_def *o = find_in(cmd->options, name, len);
    return o ? o : find_in(cf_common_options, name, len);
}

/* Where option o's value is kept in a. */
static const char *const *slot(const cf_args *a, const cf_option_def *o)
{
    for (size_t i = 0; i < COMMON_COUNT; i++)
        if (o == &cf_common_options[i])
            return &a->common[i];
    return &a->values[o - a->command->options];
}

/* Keep the first misuse (fmt, marked N_(), with arg) to say after the whole line is read;
 * returns false. */
static bool misuse(cf_args *a, const char *fmt, const char *arg)
{
    if (!a->error) {
        a->error = fmt;
        a->error_arg = arg;
    }
    return false;
}

static bool take(cf_args *a, const cf_option_def *o, const char *value)
{
    if (!o->value_name && value)
        return misuse(a, N_("'%s' takes no value"), o->name);
    if (o->value_name && (!value || !value[0]))
        return misuse(a, N_("'%s' needs a value"), o->name);
    *(const char **)slot(a, o) = value ? value : "";
    return true;
}

/* Read argv into a; a misuse is kept in a->error and the rest still read. */
static void parse(cf_args *a, int argc, char **argv)
{
    bool options = true;
    for (int i = 0; i < argc; i++) {
        char *arg = argv[i];
        if (!options || arg[0] != '-' || arg[1] == '\0') { /* "-" is an operand (a file named so) */
            /* operands gather at the front, in order; the options move behind them, in theirs, so
             * that argv still holds the whole command line (cf_arg_command_line) */
            memmove(argv + a->operand_count + 1, argv + a->operand_count,
                    ((size_t)i - a->operand_count) * sizeof *argv);
            argv[a->operand_count++] = arg;
            continue;
        }
        if (strcmp(arg, "--") == 0) {
            options = false;
            continue;
        }
        const char *eq = arg[1] == '-' ? strchr(arg, '=') : NULL;
        size_t len = eq ? (size_t)(eq - arg) : strlen(arg);
        const cf_option_def *o = find_option(a->command, arg, len);
        if (!o && arg[1] != '-' && arg[2]) { /* -j8, -oFILE */
            o = find_option(a->command, arg, 2);
            if (o && o->value_name) {
                take(a, o, arg + 2);
                continue;
            }
            o = NULL;
        }
        if (!o) {
            misuse(a, N_("unknown option '%s'"), arg);
            continue;
        }
        const char *value = eq ? eq + 1 : NULL;
        if (!eq && o->value_name) {
            if (i + 1 >= argc) {
                misuse(a, N_("'%s' needs a value"), o->name);
                break;
            }
            value = argv[++i];
        }
        take(a, o, value);
    }
    a->operands = argv;
}

/* Speak the language --lang names, if given (first, so that every message after it is in it).
 * False, with the message said, when it names none crossfoot speaks. */
static bool apply_language(const cf_args *a)
{
    const char *lang = cf_arg_value(a, "--lang");
    if (!lang)
        return true;
    if (!cf_lang_valid(lang)) {
        fputs(_("crossfoot: --lang takes zh (Chinese) or en (English)\n"), stderr);
        return false;
    }
    cf_lang_setup(lang);
    return true;
}

int cf_command_run(const cf_command *cmd, int argc, char **argv)
{
    cf_args a = {.command = cmd, .argv = argv, .argc = argc};
    parse(&a, argc, argv);
    if (!apply_language(&a))
        return CF_EXIT_ERROR;
    if (!a.error && cf_arg_set(&a, "--help")) {
        cf_command_help(stdout, cmd);
        return CF_EXIT_PASS;
    }
    if (!a.error && a.operand_count < cmd->min_operands)
        misuse(&a, cmd->missing, NULL); /* a message with no argument */
    if (!a.error && cmd->max_operands && a.operand_count > cmd->max_operands)
        misuse(&a, N_("unexpected '%s'"), argv[cmd->max_operands]);
    if (a.error) {
        char message[1024];
        snprintf(message, sizeof message, _(a.error), a.error_arg);
        cf_say(stderr, "crossfoot %s: %s\n", cmd->name, message); /* what was typed: shown, never obeyed */
        cf_command_usage(stderr, cmd);
        fprintf(stderr, _("(crossfoot %s --help tells more)\n"), cmd->name);
        return CF_EXIT_ERROR;
    }
    return cmd->run(&a);
}

int cf_common_prefix(int argc, char **argv)
{
    static const cf_command none = {.name = "crossfoot"};
    cf_args a = {.command = &none};
    int used = 0;
    while (used < argc && argv[used][0] == '-') {
        const char *eq = strchr(argv[used], '=');
        const cf_option_def *o = find_in(cf_common_options, argv[used], eq ? (size_t)(eq - argv[used]) : strlen(argv[used]));
        if (!o || !o->value_name || (!eq && used + 1 >= argc))
            break;
        take(&a, o, eq ? eq + 1 : argv[used + 1]);
        used += eq ? 1 : 2;
    }
    return apply_language(&a) ? used : -1;
}

int cf_command_language(const cf_command *cmd, int argc, char **argv)
{
    cf_args a = {.command = cmd, .argv = argv, .argc = argc};
    parse(&a, argc, argv);
    return apply_language(&a) ? 0 : -1;
}

const char *cf_arg_value(const cf_args *a, const char *option)
{
    const cf_option_def *o = find_option(a->command, option, strlen(option));
    return o ? *slot(a, o) : NULL;
}

bool cf_arg_set(const cf_args *a, const char *option) { return cf_arg_value(a, option) != NULL; }

size_t cf_arg_count(const cf_args *a) { return a->operand_count; }

char **cf_arg_operands(const cf_args *a) { return a->operands; }

const char *cf_arg_operand(const cf_args *a, size_t i) { return i < a->operand_count ? a->operands[i] : NULL; }

char **cf_arg_command_line(const cf_args *a, int *argc)
{
    *argc = a->argc;
    return a->argv;
}
