/* SPDX-License-Identifier: GPL-3.0-or-later */
/* options.c — the one option parser: every command reads `--opt V`, `--opt=V`, `-o V`, `-oV`
 * and `--` the same way, from its row of the command table (commands.c). */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "i18n.h"

struct cf_args {
    const cf_command *command;
    const char *values[CF_MAX_OPTIONS]; /* a value option's value; a switch's "" */
    char **operands;
    size_t operand_count;
    char **argv; /* the command line after the command's name: operands, then options */
    int argc;
    bool help;
};

static const cf_option_def *find_option(const cf_command *cmd, const char *name, size_t len)
{
    for (const cf_option_def *o = cmd->options; o && o->name; o++)
        if ((strlen(o->name) == len && strncmp(name, o->name, len) == 0) ||
            (o->short_name && strlen(o->short_name) == len && strncmp(name, o->short_name, len) == 0))
            return o;
    return NULL;
}

static bool misuse(const cf_command *cmd, const char *fmt, const char *arg)
{
    char message[1024];
    snprintf(message, sizeof message, fmt, arg);
    cf_say(stderr, "crossfoot %s: %s\n", cmd->name, message); /* arg is what was typed: shown, never obeyed */
    cf_command_usage(stderr, cmd);
    fprintf(stderr, _("(crossfoot %s --help tells more)\n"), cmd->name);
    return false;
}

static bool take(cf_args *a, const cf_option_def *o, const char *value)
{
    size_t i = (size_t)(o - a->command->options);
    if (!o->value_name && value)
        return misuse(a->command, _("'%s' takes no value"), o->name);
    if (o->value_name && (!value || !value[0]))
        return misuse(a->command, _("'%s' needs a value"), o->name);
    a->values[i] = value ? value : "";
    return true;
}

static bool parse(cf_args *a, int argc, char **argv)
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
        if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
            a->help = true;
            continue;
        }
        const char *eq = arg[1] == '-' ? strchr(arg, '=') : NULL;
        size_t len = eq ? (size_t)(eq - arg) : strlen(arg);
        const cf_option_def *o = find_option(a->command, arg, len);
        if (!o && arg[1] != '-' && arg[2]) { /* -j8, -oFILE */
            o = find_option(a->command, arg, 2);
            if (o && o->value_name) {
                if (!take(a, o, arg + 2))
                    return false;
                continue;
            }
            o = NULL;
        }
        if (!o)
            return misuse(a->command, _("unknown option '%s'"), arg);
        const char *value = eq ? eq + 1 : NULL;
        if (!eq && o->value_name) {
            if (i + 1 >= argc)
                return misuse(a->command, _("'%s' needs a value"), o->name);
            value = argv[++i];
        }
        if (!take(a, o, value))
            return false;
    }
    a->operands = argv;
    if (a->help)
        return true;
    if (a->operand_count < a->command->min_operands)
        return misuse(a->command, "%s", _(a->command->missing));
    if (a->command->max_operands && a->operand_count > a->command->max_operands)
        return misuse(a->command, _("unexpected '%s'"), argv[a->command->max_operands]);
    return true;
}

int cf_command_run(const cf_command *cmd, int argc, char **argv)
{
    cf_args a = {.command = cmd, .argv = argv, .argc = argc};
    if (!parse(&a, argc, argv))
        return CF_EXIT_ERROR;
    if (a.help) {
        cf_command_help(stdout, cmd);
        return CF_EXIT_PASS;
    }
    return cmd->run(&a);
}

const char *cf_arg_value(const cf_args *a, const char *option)
{
    const cf_option_def *o = find_option(a->command, option, strlen(option));
    return o ? a->values[o - a->command->options] : NULL;
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
