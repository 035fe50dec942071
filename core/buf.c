/* SPDX-License-Identifier: GPL-3.0-or-later */
/* buf.c — growable byte buffer. */
#include "buf.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "alloc.h"

void cf_buf_init(cf_buf *buf) { memset(buf, 0, sizeof *buf); }

void cf_buf_release(cf_buf *buf)
{
    cf_free(buf->data);
    cf_buf_init(buf);
}

bool cf_buf_reserve(cf_buf *buf, size_t extra)
{
    if (buf->len + extra + 1 <= buf->cap)
        return true;
    size_t cap = buf->cap ? buf->cap : 64;
    while (cap < buf->len + extra + 1) {
        if (cap > ((size_t)-1) / 2)
            return false;
        cap *= 2;
    }
    char *grown = cf_realloc(buf->data, cap);
    if (!grown)
        return false;
    buf->data = grown;
    buf->cap = cap;
    return true;
}

bool cf_buf_printf(cf_buf *buf, const char *fmt, ...)
{
    va_list ap;
    /* formatted once into the room there is; a second time only when it did not fit */
    size_t room = buf->data ? buf->cap - buf->len : 0;
    va_start(ap, fmt);
    int need = vsnprintf(room ? buf->data + buf->len : NULL, room, fmt, ap);
    va_end(ap);
    if (need < 0) {
        if (room)
            buf->data[buf->len] = '\0';
        return false;
    }
    if ((size_t)need >= room) {
        if (!cf_buf_reserve(buf, (size_t)need)) {
            if (room)
                buf->data[buf->len] = '\0';
            return false;
        }
        va_start(ap, fmt);
        vsnprintf(buf->data + buf->len, (size_t)need + 1, fmt, ap);
        va_end(ap);
    }
    buf->len += (size_t)need;
    return true;
}

char *cf_buf_take(cf_buf *buf)
{
    char *data = buf->data;
    cf_buf_init(buf);
    return data;
}
