/* cli.h — the crossfoot commands. Each takes the arguments after its name and returns an exit status. */
#ifndef CF_CLI_H
#define CF_CLI_H

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

#endif
