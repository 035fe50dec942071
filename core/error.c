/* error.c — filling and formatting cf_error. */
#include "error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

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
    snprintf(err->file, sizeof err->file, "%s", file ? file : "");
    err->line = line;
    err->column = column;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
    return code;
}

cf_status cf_error_nomem(cf_error *err, const char *file)
{
    return cf_error_set(err, CF_ERR_NOMEM, file, 0, 0, "out of memory");
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
