/* SPDX-License-Identifier: GPL-3.0-or-later */
/* alloc.h — the one allocation seam of core/.
 *
 * Every allocation in core/ goes through these functions so that a test can
 * link its own implementation (tests/drills/fault_alloc.c) and make the Nth
 * call fail. They behave like their libc namesakes and return NULL on failure. */
#ifndef CF_ALLOC_H
#define CF_ALLOC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

void *cf_malloc(size_t size);
void *cf_calloc(size_t count, size_t size);
void *cf_realloc(void *ptr, size_t size);
void cf_free(void *ptr);

/* Copy of the first len bytes of s, NUL-terminated. Caller frees. Inline over cf_malloc so that
 * a replacement seam need not define it again. */
static inline char *cf_strndup(const char *s, size_t len)
{
    char *copy = cf_malloc(len + 1);
    if (copy) {
        memcpy(copy, s, len);
        copy[len] = '\0';
    }
    return copy;
}

/* Copy of s (NUL-terminated). Caller frees. */
static inline char *cf_strdup(const char *s) { return cf_strndup(s, strlen(s)); }

/* Room for one more element after the first count of an array that holds *cap, doubling from
 * first: the one growth rule of the growing arrays. items_ptr is the address of the array's
 * pointer (a T **); elements are size bytes. False, the array as it was, when memory runs out. */
static inline bool cf_reserve_one(void *items_ptr, size_t count, size_t *cap, size_t size, size_t first)
{
    if (count < *cap)
        return true;
    size_t grown_cap = *cap ? *cap * 2 : first;
    if (grown_cap > SIZE_MAX / size)
        return false;
    void *items;
    memcpy(&items, items_ptr, sizeof items);
    void *grown = cf_realloc(items, grown_cap * size);
    if (!grown)
        return false;
    memcpy(items_ptr, &grown, sizeof grown);
    *cap = grown_cap;
    return true;
}

#endif
