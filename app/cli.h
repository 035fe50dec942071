/* cli.h — the crossfoot commands. Each takes the arguments after its name and returns an exit status. */
#ifndef CF_CLI_H
#define CF_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* Exit statuses (SPEC.md): every report passes / a rule broken or a cell missing / unreadable or misused. */
enum { CF_EXIT_PASS = 0, CF_EXIT_PROBLEMS = 1, CF_EXIT_ERROR = 2 };

int cf_cmd_check(int argc, char **argv);
int cf_cmd_extract(int argc, char **argv);
int cf_cmd_export(int argc, char **argv);
int cf_cmd_apply(int argc, char **argv);
int cf_cmd_review(int argc, char **argv);
/* The reviewer: given, else the config file's, else $USER. Returns given, buf or a static string. */
const char *cf_reviewer_name(const char *given, char *buf, size_t size);
void cf_usage(FILE *out);

/* One option of a command: a value option stores its argument in *value; a switch sets *on. */
typedef struct {
    const char *name;       /* "--template"; NULL ends a list */
    const char *short_name; /* "-o", or NULL */
    const char **value;
    bool *on;
} cf_option;

/* Read argv as options from opts and at most one operand (stored in *operand). A misspelt option,
 * an option without its value, a second operand, or no operand when `missing` is given: says so
 * as "crossfoot COMMAND: ..." with the usage on stderr and returns false. */
bool cf_parse_options(const char *command, int argc, char **argv, const cf_option *opts, const char **operand,
                      const char *missing);

#endif
