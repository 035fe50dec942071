/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fault_env.c — arms tests/drills/fault_alloc.c from the environment, for the whole program
 * built with it (build/san/crossfoot-faulty, driven by tests/drills/alloc_commands.py):
 * CF_FAIL_ALLOC=N makes the Nth allocation fail; at exit the number of allocations made is
 * written to the file CF_FAIL_ALLOC_COUNT names, so the driver knows when N has passed them all. */
#include <stdio.h>
#include <stdlib.h>

#include "fault_alloc.h"

static void write_count(void)
{
    const char *path = getenv("CF_FAIL_ALLOC_COUNT");
    FILE *f = path ? fopen(path, "w") : NULL;
    if (f) {
        fprintf(f, "%ld\n", cf_fault_calls());
        fclose(f);
    }
}

__attribute__((constructor)) static void arm_from_environment(void)
{
    const char *nth = getenv("CF_FAIL_ALLOC");
    if (!nth)
        return;
    cf_fault_arm(atol(nth));
    atexit(write_count);
}
