/* SPDX-License-Identifier: GPL-3.0-or-later */
/* balanced.c — generating a report whose every rule holds. */
#include "balanced.h"

#include <stdio.h>
#include <string.h>

#include "alloc.h"

int64_t cf_balanced_get(const cf_template *tpl, const cf_cell *cells, const char *id)
{
    long i = cf_template_find_cell(tpl, id);
    return i < 0 ? 0 : cells[i].value.coef;
}

void cf_balanced_put(const cf_template *tpl, cf_cell *cells, const char *id, int64_t value)
{
    long i = cf_template_find_cell(tpl, id);
    if (i >= 0) {
        cells[i].state = CF_CELL_NUMBER;
        cells[i].value = cf_decimal_from_int(value);
    }
}

static const cf_table_def *table_named(const cf_template *tpl, const char *id)
{
    for (size_t t = 0; t < cf_template_table_count(tpl); t++)
        if (strcmp(cf_template_table(tpl, t)->id, id) == 0)
            return cf_template_table(tpl, t);
    return NULL;
}

cf_cell *cf_balanced_cells(const cf_template *tpl, unsigned seed)
{
    const cf_table_def *req = table_named(tpl, "requests"), *app = table_named(tpl, "appeals");
    if (!req || !app)
        return NULL;
    cf_cell *cells = cf_calloc(cf_template_cell_count(tpl), sizeof *cells);
    if (!cells)
        return NULL;
    uint32_t state = seed * 2654435761u + 1;
    for (size_t i = 0; i < cf_template_cell_count(tpl); i++) {
        state = state * 1103515245u + 12345u; /* a fixed sequence, whatever the libc */
        cells[i].state = CF_CELL_NUMBER;
        cells[i].value = cf_decimal_from_int((state >> 16) % 40);
    }
    static const char *const cols[] = {"natural", "business", "research", "social", "legal", "other"};
    char name[128];
    /* each applicant column: results_total = its parts; new = results_total + forward − carried */
    for (size_t c = 0; c < 6; c++) {
        int64_t sum = 0;
        for (size_t r = 0; r < req->row_count; r++) {
            const char *row = req->rows[r].id;
            if (!strcmp(row, "new") || !strcmp(row, "carried_over") || !strcmp(row, "results_total") ||
                !strcmp(row, "carry_forward"))
                continue;
            snprintf(name, sizeof name, "requests.%s.%s", row, cols[c]);
            sum += cf_balanced_get(tpl, cells, name);
        }
        snprintf(name, sizeof name, "requests.results_total.%s", cols[c]);
        cf_balanced_put(tpl, cells, name, sum);
        snprintf(name, sizeof name, "requests.carried_over.%s", cols[c]);
        int64_t carried = cf_balanced_get(tpl, cells, name) % 5;
        cf_balanced_put(tpl, cells, name, carried);
        snprintf(name, sizeof name, "requests.carry_forward.%s", cols[c]);
        int64_t forward = cf_balanced_get(tpl, cells, name) % 7;
        cf_balanced_put(tpl, cells, name, forward);
        snprintf(name, sizeof name, "requests.new.%s", cols[c]);
        cf_balanced_put(tpl, cells, name, sum + forward - carried);
    }
    /* the total column: row sums */
    for (size_t r = 0; r < req->row_count; r++) {
        int64_t sum = 0;
        for (size_t k = 0; k < 6; k++) {
            snprintf(name, sizeof name, "requests.%s.%s", req->rows[r].id, cols[k]);
            sum += cf_balanced_get(tpl, cells, name);
        }
        snprintf(name, sizeof name, "requests.%s.total", req->rows[r].id);
        cf_balanced_put(tpl, cells, name, sum);
    }
    for (size_t r = 0; r < app->row_count; r++) {
        static const char *const parts[] = {"upheld", "corrected", "other", "pending"};
        int64_t sum = 0;
        for (size_t k = 0; k < 4; k++) {
            snprintf(name, sizeof name, "appeals.%s.%s", app->rows[r].id, parts[k]);
            sum += cf_balanced_get(tpl, cells, name);
        }
        snprintf(name, sizeof name, "appeals.%s.total", app->rows[r].id);
        cf_balanced_put(tpl, cells, name, sum);
    }
    return cells;
}
