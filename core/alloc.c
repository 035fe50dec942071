/* alloc.c — default allocation seam: plain libc. */
#include "alloc.h"

#include <stdlib.h>
#include <string.h>

void *cf_malloc(size_t size) { return malloc(size ? size : 1); }

void *cf_calloc(size_t count, size_t size) { return calloc(count ? count : 1, size ? size : 1); }

void *cf_realloc(void *ptr, size_t size) { return realloc(ptr, size ? size : 1); }

char *cf_strndup(const char *s, size_t len)
{
    char *copy = cf_malloc(len + 1);
    if (copy) {
        memcpy(copy, s, len);
        copy[len] = '\0';
    }
    return copy;
}

char *cf_strdup(const char *s) { return cf_strndup(s, strlen(s)); }

void cf_free(void *ptr) { free(ptr); }
