/* SPDX-License-Identifier: GPL-3.0-or-later */
/* alloc.c — default allocation seam: plain libc. */
#include "alloc.h"

#include <stdlib.h>

void *cf_malloc(size_t size) { return malloc(size ? size : 1); }

void *cf_calloc(size_t count, size_t size) { return calloc(count ? count : 1, size ? size : 1); }

void *cf_realloc(void *ptr, size_t size) { return realloc(ptr, size ? size : 1); }

void cf_free(void *ptr) { free(ptr); }
