/* SPDX-License-Identifier: GPL-3.0-or-later */
/* alloc.c — default allocation seam: plain libc, with large blocks asked to be backed by huge
 * pages. A 50 MB report is walked end to end several times (decoded, indexed, normalised, read);
 * with 4 kB pages each walk misses the TLB on every page, and on a virtual machine with shadow page
 * tables that costs more than the work itself (a memchr over 50 MB: 0.2 s with 4 kB pages, under
 * 0.01 s with 2 MB ones). The advice is only advice: where the kernel declines it nothing changes. */
#include "alloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>

/* Blocks this large are their own mapping in glibc's malloc and big enough to hold whole 2 MB pages. */
#define LARGE_BLOCK ((size_t)4 << 20)
#define HUGE_PAGE ((uintptr_t)2 << 20)

static void *advise_huge(void *block, size_t size)
{
#ifdef MADV_HUGEPAGE
    if (block && size >= LARGE_BLOCK) {
        uintptr_t start = ((uintptr_t)block + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1);
        uintptr_t end = ((uintptr_t)block + size) & ~(HUGE_PAGE - 1);
        if (end > start)
            (void)madvise((void *)start, end - start, MADV_HUGEPAGE);
    }
#endif
    return block;
}

void *cf_malloc(size_t size) { return advise_huge(malloc(size ? size : 1), size); }

void *cf_calloc(size_t count, size_t size)
{
    count = count ? count : 1;
    size = size ? size : 1;
    return advise_huge(calloc(count, size), count <= SIZE_MAX / size ? count * size : 0);
}

void *cf_realloc(void *ptr, size_t size) { return advise_huge(realloc(ptr, size ? size : 1), size); }

void cf_free(void *ptr) { free(ptr); }
