/* SPDX-License-Identifier: GPL-3.0-or-later */
/* buf.h — a growable byte buffer, always NUL-terminated. The caller owns the struct. */
#ifndef CF_BUF_H
#define CF_BUF_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

typedef struct {
    char *data; /* NUL-terminated when not NULL */
    size_t len;
    size_t cap;
} cf_buf;

void cf_buf_init(cf_buf *buf);
void cf_buf_release(cf_buf *buf);
/* Each returns false when memory runs out; the buffer keeps what it had. */
bool cf_buf_printf(cf_buf *buf, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
bool cf_buf_reserve(cf_buf *buf, size_t extra);

/* Append len bytes. Inline: most appends fit, and a call (and, for cf_buf_puts of a literal, the
 * strlen the compiler folds here) cost as much as the copy. */
static inline bool cf_buf_append(cf_buf *buf, const char *bytes, size_t len)
{
    if (buf->len + len + 1 > buf->cap && !cf_buf_reserve(buf, len))
        return false;
    if (len)
        memcpy(buf->data + buf->len, bytes, len);
    buf->len += len;
    buf->data[buf->len] = '\0';
    return true;
}

/* Append the NUL-terminated s. */
static inline bool cf_buf_puts(cf_buf *buf, const char *s) { return cf_buf_append(buf, s, strlen(s)); }
/* Hand the contents to the caller (who frees them) and reset the buffer; NULL if empty and unallocated. */
char *cf_buf_take(cf_buf *buf);

#endif
