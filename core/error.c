/* SPDX-License-Identifier: GPL-3.0-or-later */
/* error.c — filling and formatting cf_error. */
#include "error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "utf8.h"
#include "i18n.h"

void cf_error_clear(cf_error *err)
{
    if (err)
        memset(err, 0, sizeof *err);
}

cf_status cf_error_set(cf_error *err, cf_status code, const char *file, long line, long column,
                       const char *fmt, ...)
{
    if (!err)
        return code;
    err->code = code;
    if (snprintf(err->file, sizeof err->file, "%s", file ? file : "") >= (int)sizeof err->file)
        cf_utf8_mark_cut(err->file, sizeof err->file);
    err->line = line;
    err->column = column;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
    if (n >= (int)sizeof err->message) /* a long message stays valid UTF-8 and says it was cut */
        cf_utf8_mark_cut(err->message, sizeof err->message);
    return code;
}

cf_status cf_error_nomem(cf_error *err, const char *file)
{
    return cf_error_set(err, CF_ERR_NOMEM, file, 0, 0, _("out of memory"));
}

void cf_error_format(const cf_error *err, char *buf, size_t size)
{
    if (err->file[0] && err->line > 0 && err->column > 0)
        snprintf(buf, size, "%s:%ld:%ld: %s", err->file, err->line, err->column, err->message);
    else if (err->file[0] && err->line > 0)
        snprintf(buf, size, "%s:%ld: %s", err->file, err->line, err->message);
    else if (err->file[0])
        snprintf(buf, size, "%s: %s", err->file, err->message);
    else
        snprintf(buf, size, "%s", err->message);
}

bool cf_error_names(const cf_error *err, const char *path)
{
    size_t n = strlen(err->file);
    if (n == 0 || !path)
        return false;
    if (strcmp(err->file, path) == 0)
        return true;
    static const char cut_mark[] = "\xE2\x80\xA6"; /* "…", as cf_error_set ends a cut file name */
    size_t mark = sizeof cut_mark - 1;
    return n > mark && strcmp(err->file + n - mark, cut_mark) == 0 && strncmp(err->file, path, n - mark) == 0;
}
