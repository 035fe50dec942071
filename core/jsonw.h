/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jsonw.h — writing JSON as a stream into a buffer: no tree, no allocation per value.
 *
 * Compact output is what cJSON_PrintUnformatted prints; pretty output is what cJSON_Print
 * prints (tabs, one key a line), so records read the same whichever wrote them. cJSON stays
 * for reading. Every call takes the key of the value in an object, or NULL in an array. After
 * a failed append (memory) the writer only records the failure: check cf_jsonw_ok at the end. */
#ifndef CF_JSONW_H
#define CF_JSONW_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "decimal.h"

#define CF_JSONW_MAX_DEPTH 32

typedef struct {
    cf_buf *out;
    bool pretty, ok;
    int depth;
    bool in_object[CF_JSONW_MAX_DEPTH + 1]; /* per open container: an object (else an array) */
    bool empty[CF_JSONW_MAX_DEPTH + 1];     /* per open container: nothing written in it yet */
} cf_jsonw;

/* Start writing into out (not owned), compact or pretty. */
void cf_jsonw_init(cf_jsonw *w, cf_buf *out, bool pretty);
void cf_jsonw_object(cf_jsonw *w, const char *key);
void cf_jsonw_array(cf_jsonw *w, const char *key);
/* Close the innermost object or array. */
void cf_jsonw_end(cf_jsonw *w);
/* s as a JSON string (escaped as cJSON escapes it; s must be UTF-8). */
void cf_jsonw_string(cf_jsonw *w, const char *key, const char *s);
/* The exact decimal as a JSON number, never through a double. */
void cf_jsonw_decimal(cf_jsonw *w, const char *key, cf_decimal d);
void cf_jsonw_count(cf_jsonw *w, const char *key, size_t n);
void cf_jsonw_bool(cf_jsonw *w, const char *key, bool b);
void cf_jsonw_null(cf_jsonw *w, const char *key);
/* True when every append worked and every container was closed. */
bool cf_jsonw_ok(const cf_jsonw *w);

#endif
