/* SPDX-License-Identifier: GPL-3.0-or-later */
/* say.c — every message a command prints goes out through one door that escapes what a terminal
 * would obey: file names, notes, the holder of a lock and lines of input are echoed in messages. */
#include <stdarg.h>
#include <stdio.h>

#include "alloc.h"
#include "i18n.h"
#include "cli.h"
#include "termsafe.h"

void cf_say(FILE *out, const char *fmt, ...)
{
    va_list ap, again;
    va_start(ap, fmt);
    va_copy(again, ap);
    char small[1024];
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    size_t len = n > 0 ? (size_t)n : 0;
    const char *text = small;
    char *big = NULL;
    if (len >= sizeof small) {
        if ((big = cf_malloc(len + 1)) != NULL) {
            vsnprintf(big, len + 1, fmt, again);
            text = big;
        } else
            len = sizeof small - 1; /* no memory: the message cut short rather than lost */
    }
    va_end(again);
    bool newline = len > 0 && text[len - 1] == '\n';
    cf_termsafe_write(out, text, len - newline, false);
    if (newline)
        fputc('\n', out);
    cf_free(big);
}

int cf_say_error(const char *prefix, const cf_error *err)
{
    char msg[1200];
    cf_error_format(err, msg, sizeof msg);
    cf_say(stderr, "%s: %s\n", prefix, msg);
    return CF_EXIT_ERROR;
}

int cf_load_previous(const char *path, cf_previous **out)
{
    *out = NULL;
    if (!path)
        return 0;
    cf_error err;
    cf_error_clear(&err);
    if (cf_previous_load(path, out, &err) == CF_OK)
        return 0;
    char msg[1200];
    cf_error_format(&err, msg, sizeof msg);
    cf_say(stderr, _("crossfoot: last year's report: %s\n"), msg);
    return CF_EXIT_ERROR;
}
