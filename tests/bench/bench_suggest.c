/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench_suggest — how long error localisation takes on the 2021 format with 1, 2 and 3 wrong
 * cells, and how often the smallest fix is the cells that were corrupted. A fixed seed;
 * times are wall-clock on this machine (compare them with each other, not across machines). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "alloc.h"
#include "balanced.h"
#include "suggest.h"

static double now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
    int trials = argc > 1 ? atoi(argv[1]) : 200;
    cf_template **tpls;
    size_t ntpls;
    if (cf_template_load_builtin(&tpls, &ntpls, NULL) != CF_OK)
        return 2;
    const cf_template *tpl = NULL;
    for (size_t i = 0; i < ntpls; i++)
        if (strcmp(cf_template_id(tpls[i]), "gov-2021") == 0)
            tpl = tpls[i];
    /* only cells the rules touch can be found: those of 表三 and 表四 */
    size_t *ruled = cf_calloc(cf_template_cell_count(tpl), sizeof *ruled), nruled = 0;
    for (size_t i = 0; i < cf_template_cell_count(tpl); i++)
        if (strcmp(cf_template_table(tpl, cf_template_cell(tpl, i)->table)->id, "active") != 0)
            ruled[nruled++] = i;
    double *ms = cf_calloc((size_t)trials, sizeof *ms);
    printf("%-14s %8s %8s %8s %10s %10s\n", "wrong cells", "p50 ms", "p99 ms", "max ms", "found", "unique");
    uint32_t state = 20261122;
    for (int wrong = 1; wrong <= 3; wrong++) {
        int found = 0, unique = 0;
        for (int t = 0; t < trials; t++) {
            cf_cell *cells = cf_balanced_cells(tpl, (unsigned)t + 1);
            size_t hit[3];
            for (int k = 0; k < wrong; k++) {
                state = state * 1103515245u + 12345u;
                hit[k] = ruled[(state >> 8) % nruled];
                cells[hit[k]].value.coef += 1 + (state >> 20) % 9; /* a wrong number */
            }
            cf_suggestion s;
            double t0 = now_ms();
            cf_suggest(tpl, cells, NULL, NULL, &s, NULL);
            ms[t] = now_ms() - t0;
            bool all = s.count > 0;
            for (int k = 0; all && k < wrong; k++) {
                bool in = false;
                for (size_t c = 0; c < s.fixes[0].changes; c++)
                    in |= s.fixes[0].cells[c].cell == hit[k];
                all = in;
            }
            found += all;
            unique += s.unique && s.count > 0;
            cf_suggestion_release(&s);
            cf_free(cells);
        }
        qsort(ms, (size_t)trials, sizeof *ms, cmp_double);
        printf("%-14d %8.2f %8.2f %8.2f %9.0f%% %9.0f%%\n", wrong, ms[trials / 2], ms[trials * 99 / 100],
               ms[trials - 1], 100.0 * found / trials, 100.0 * unique / trials);
    }
    cf_free(ms);
    cf_free(ruled);
    for (size_t i = 0; i < ntpls; i++)
        cf_template_free(tpls[i]);
    cf_free(tpls);
    return 0;
}
