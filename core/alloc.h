/* alloc.h — the one allocation seam of core/.
 *
 * Every allocation in core/ goes through these functions so that a test can
 * link its own implementation (tests/drills/fault_alloc.c) and make the Nth
 * call fail. They behave like their libc namesakes and return NULL on failure. */
#ifndef CF_ALLOC_H
#define CF_ALLOC_H

#include <stddef.h>
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

#endif
