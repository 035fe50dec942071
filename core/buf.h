/* SPDX-License-Identifier: GPL-3.0-or-later */
/* buf.h — a growable byte buffer, always NUL-terminated. The caller owns the struct. */
#ifndef CF_BUF_H
#define CF_BUF_H

#include <stdbool.h>
#include <stddef.h>

typedef struct {
    char *data; /* NUL-terminated when not NULL */
    size_t len;
    size_t cap;
} cf_buf;

void cf_buf_init(cf_buf *buf);
void cf_buf_release(cf_buf *buf);
/* Each returns false when memory runs out; the buffer keeps what it had. */
bool cf_buf_append(cf_buf *buf, const char *bytes, size_t len);
bool cf_buf_puts(cf_buf *buf, const char *s);
bool cf_buf_printf(cf_buf *buf, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
bool cf_buf_reserve(cf_buf *buf, size_t extra);
/* Hand the contents to the caller (who frees them) and reset the buffer; NULL if empty and unallocated. */
char *cf_buf_take(cf_buf *buf);

#endif
