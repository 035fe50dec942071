/* options.c — reading a command's options and its one operand, the same way for every command. */
#include <string.h>

#include "cli.h"

static const cf_option *find_option(const cf_option *opts, const char *arg)
{
    for (const cf_option *o = opts; o->name; o++)
        if (strcmp(arg, o->name) == 0 || (o->short_name && strcmp(arg, o->short_name) == 0))
            return o;
    return NULL;
}

static bool misuse(const char *command, const char *fmt, const char *arg)
{
    fprintf(stderr, "crossfoot %s: ", command);
    fprintf(stderr, fmt, arg);
    fputc('\n', stderr);
    cf_usage(stderr);
    return false;
}

bool cf_parse_options(const char *command, int argc, char **argv, const cf_option *opts, const char **operand,
                      const char *missing)
{
    for (int i = 0; i < argc; i++) {
        const cf_option *o = argv[i][0] == '-' ? find_option(opts, argv[i]) : NULL;
        if (o && o->value) {
            if (i + 1 >= argc)
                return misuse(command, "'%s' needs a value", argv[i]);
            *o->value = argv[++i];
        } else if (o)
            *o->on = true;
        else if (argv[i][0] == '-' || *operand)
            return misuse(command, "unexpected '%s'", argv[i]);
        else
            *operand = argv[i];
    }
    if (!*operand && missing)
        return misuse(command, "%s", missing);
    return true;
}
