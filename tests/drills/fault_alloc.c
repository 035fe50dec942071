/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fault_alloc.c — the allocation seam for drills: the same functions as core/alloc.c,
 * but the Nth call (counted from cf_fault_arm) fails, as a machine out of memory would.
 * Linked instead of core/alloc.o, so core/ itself carries no test hooks. */
#include "fault_alloc.h"

#include <stdlib.h>

#include "alloc.h"

/* Test-only state: one drill runs per process. */
static long calls, fail_at;

void cf_fault_arm(long nth)
{
    calls = 0;
    fail_at = nth;
}

long cf_fault_calls(void) { return calls; }

static bool fail_now(void) { return fail_at > 0 && ++calls == fail_at; }

void *cf_malloc(size_t size) { return fail_now() ? NULL : malloc(size ? size : 1); }

void *cf_calloc(size_t count, size_t size) { return fail_now() ? NULL : calloc(count ? count : 1, size ? size : 1); }

void *cf_realloc(void *ptr, size_t size) { return fail_now() ? NULL : realloc(ptr, size ? size : 1); }

void cf_free(void *ptr) { free(ptr); }
