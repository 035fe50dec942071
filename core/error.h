/* SPDX-License-Identifier: GPL-3.0-or-later */
/* error.h — the caller-owned error value every fallible core function fills.
 *
 * A function that can fail returns a cf_status and, on failure, fills the
 * cf_error the caller passed (which may be NULL). Messages name the file and,
 * where there is one, the line. */
#ifndef CF_ERROR_H
#define CF_ERROR_H

#include <stdbool.h>
#include <stddef.h>

typedef enum {
    CF_OK = 0,
    CF_ERR_IO,       /* a file could not be read or written */
    CF_ERR_NOMEM,    /* an allocation failed */
    CF_ERR_INPUT,    /* the input is not something crossfoot can read */
    CF_ERR_LIMIT,    /* the input is larger than crossfoot accepts */
    CF_ERR_TEMPLATE, /* a template file is malformed */
    CF_ERR_NOTABLES, /* a report with no recognisable tables */
    CF_ERR_USAGE     /* a caller passed something invalid */
} cf_status;

typedef struct {
    cf_status code;
    char file[512];
    long line;   /* 1-based; 0 when there is no line */
    long column; /* 1-based; 0 when there is no column */
    char message[512];
} cf_error;

void cf_error_clear(cf_error *err);
/* Fill err (if not NULL) and return code. file may be NULL. */
cf_status cf_error_set(cf_error *err, cf_status code, const char *file, long line, long column,
                       const char *fmt, ...) __attribute__((format(printf, 6, 7)));
/* "file:line:column: message" into buf (always NUL-terminated). */
/* True when err is about path: its file is path, or path's start cut short (and marked "…")
 * because path is longer than err->file holds. */
bool cf_error_names(const cf_error *err, const char *path);
void cf_error_format(const cf_error *err, char *buf, size_t size);
/* Shorthand for an allocation failure. */
cf_status cf_error_nomem(cf_error *err, const char *file);

#endif
