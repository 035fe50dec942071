/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli.h — the crossfoot commands: one table (commands.c) gives each its name, aliases, usage,
 * options with their help lines, and handler; --help, the man pages, "did you mean" and the
 * one option parser (options.c) all read it. */
#ifndef CF_CLI_H
#define CF_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "error.h"
#include "review.h"

/* Exit statuses (SPEC.md): every report passes / a rule broken or a cell missing / unreadable or misused. */
enum { CF_EXIT_PASS = 0, CF_EXIT_PROBLEMS = 1, CF_EXIT_ERROR = 2 };

#define CF_MAX_OPTIONS 16

/* Print a message (printf format; a final newline is kept) with everything a terminal would
 * obey in it — escape sequences, control characters, bidi overrides from file names, notes,
 * input — shown as visible escapes. Every message of a command that can echo such text. */
void cf_say(FILE *out, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* "PREFIX: FILE:LINE: message" of err on stderr through cf_say; returns CF_EXIT_ERROR. */
int cf_say_error(const char *prefix, const cf_error *err);
/* Last year's file named by --previous (path NULL: none, *out NULL). On success *out is the
 * loaded year (caller frees with cf_previous_free) and 0 is returned; when it cannot be read,
 * "crossfoot: last year's report: FILE:LINE: message" on stderr and CF_EXIT_ERROR. The one
 * way check, review and export load it, so the three say the same. */
int cf_load_previous(const char *path, cf_previous **out);

/* One option of a command: a switch (value_name NULL) or an option taking a value. */
typedef struct {
    const char *name;       /* "--template"; NULL ends a list */
    const char *short_name; /* "-o", or NULL */
    const char *value_name; /* "FILE" shown in the usage, or NULL for a switch */
    const char *help;       /* one line, N_() */
} cf_option_def;

/* The options and operands a command was given (options.c). */
typedef struct cf_args cf_args;

/* One command: how it is named, used and explained, and what runs it. */
typedef struct cf_command {
    const char *name;
    const char *aliases[3];  /* other names, NULL-terminated */
    const char *operands;    /* "REPORT..." in the usage */
    size_t min_operands, max_operands; /* max 0: any number */
    const char *missing;     /* N_(): said when there are too few operands */
    const char *summary;     /* N_(): one line for crossfoot --help */
    const char *description; /* N_(): the paragraph of crossfoot CMD --help and the man page */
    const cf_option_def *options;
    int (*run)(const cf_args *args);
} cf_command;

/* Options every command takes after its own (--lang, --help), ended by a NULL name. */
extern const cf_option_def cf_common_options[];

/* The command named name (or one of its aliases), or NULL. */
const cf_command *cf_command_find(const char *name);
/* Parse argv (the arguments after the command's name) with cmd's options and the common ones
 * and run it; --lang is applied before any message, --help prints the help. Misuse is said on
 * stderr, in the language asked for, with the usage. Returns the exit status. */
int cf_command_run(const cf_command *cmd, int argc, char **argv);
/* The leading --lang options of argv (before the command's name): applies the language and
 * returns how many arguments they take, or -1 (said on stderr) when --lang names no language
 * crossfoot speaks. */
int cf_common_prefix(int argc, char **argv);
/* Apply the --lang that argv, read as cmd's arguments, gives (nothing else is done or said):
 * for a message said before the command runs. 0, or -1 (said) when it names no language. */
int cf_command_language(const cf_command *cmd, int argc, char **argv);
/* "usage: crossfoot CMD [OPTIONS…] OPERANDS" on out. */
void cf_command_usage(FILE *out, const cf_command *cmd);
/* The usage, the description and every option with its help line, on out. */
void cf_command_help(FILE *out, const cf_command *cmd);
/* Every command's usage and summary (crossfoot --help), on out. */
void cf_usage(FILE *out);
/* crossfoot's entry point after the language is set: picks the command from argv[1]. */
int cf_main(int argc, char **argv);

/* The value of option (its long name) as given, "" for a switch given, NULL when not given. */
const char *cf_arg_value(const cf_args *a, const char *option);
/* True when option (its long name) was given. */
bool cf_arg_set(const cf_args *a, const char *option);
/* The operands, in the order given (the array belongs to argv). */
size_t cf_arg_count(const cf_args *a);
char **cf_arg_operands(const cf_args *a);
/* Operand i, or NULL past the last. */
const char *cf_arg_operand(const cf_args *a, size_t i);
/* Every argument after the command's name (the operands first, then the options in their order),
 * *argc of them: the command line as one source of text. The array belongs to argv. */
char **cf_arg_command_line(const cf_args *a, int *argc);

int cf_cmd_check(const cf_args *args);
int cf_cmd_extract(const cf_args *args);
int cf_cmd_export(const cf_args *args);
int cf_cmd_apply(const cf_args *args);
int cf_cmd_review(const cf_args *args);
/* The reviewer as UTF-8: given (--reviewer, decoded with the encoding of args' whole command
 * line), else the config file's "reviewer:" (decoded with the whole file's), else $USER. Returns
 * buf or a static string; NULL, having said why on stderr, when the name is in no encoding. */
const char *cf_reviewer_name(const char *given, const cf_args *args, char *buf, size_t size);

#endif
