/* SPDX-License-Identifier: GPL-3.0-or-later */
/* balanced.h — a 2021-format report whose every rule holds, with multi-digit numbers, for
 * tests and benchmarks of error localisation. */
#ifndef CF_TEST_BALANCED_H
#define CF_TEST_BALANCED_H

#include "cell.h"
#include "template.h"

/* Cells for tpl (the gov-2021 template) from a fixed seed; NULL when the template lacks the
 * national tables. Caller frees with cf_free. */
cf_cell *cf_balanced_cells(const cf_template *tpl, unsigned seed);
/* The value of cell id (0 when it has none). */
int64_t cf_balanced_get(const cf_template *tpl, const cf_cell *cells, const char *id);
void cf_balanced_put(const cf_template *tpl, cf_cell *cells, const char *id, int64_t value);

#endif
