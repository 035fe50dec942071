/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fault_alloc.h — make the Nth allocation fail (drills link tests/support/fault_alloc.c). */
#ifndef CF_FAULT_ALLOC_H
#define CF_FAULT_ALLOC_H

#include <stdbool.h>

/* From now on, the nth allocation fails (0: none does); the count restarts. */
void cf_fault_arm(long nth);
/* Allocations since the last cf_fault_arm. */
long cf_fault_calls(void);

#endif
