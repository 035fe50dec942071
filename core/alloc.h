/* alloc.h — the one allocation seam of core/.
 *
 * Every allocation in core/ goes through these functions so that a test can
 * link its own implementation (tests/support/fault_alloc.c) and make the Nth
 * call fail. They behave like their libc namesakes and return NULL on failure. */
#ifndef CF_ALLOC_H
#define CF_ALLOC_H

#include <stddef.h>

void *cf_malloc(size_t size);
void *cf_calloc(size_t count, size_t size);
void *cf_realloc(void *ptr, size_t size);
/* Copy of s (NUL-terminated). Caller frees. */
char *cf_strdup(const char *s);
/* Copy of the first len bytes of s, NUL-terminated. Caller frees. */
char *cf_strndup(const char *s, size_t len);
void cf_free(void *ptr);

#endif
