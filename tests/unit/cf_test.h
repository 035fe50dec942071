/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cf_test.h — shared helpers for the unit tests: read a report from a string or a
 * fixture file with the built-in templates and look at its cells and warnings.
 * Header-only (static functions) so that each test file stands alone. */
#ifndef CF_TEST_H
#define CF_TEST_H

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "cell.h"
#include "decimal.h"
#include "document.h"
#include "error.h"
#include "extract.h"
#include "rules.h"
#include "template.h"
#include "text.h"

#ifndef CF_FIXTURES
#define CF_FIXTURES "tests/fixtures"
#endif

typedef struct {
    cf_template **tpls;
    size_t ntpls;
    cf_text *text;
    cf_report *report;
    const cf_template *tpl; /* the template the report was read with */
    cf_error err;
    cf_status status; /* of the text, then of the extraction */
} cft_doc;

__attribute__((unused)) static void cft_release(cft_doc *d)
{
    cf_report_free(d->report);
    cf_text_free(d->text);
    for (size_t i = 0; i < d->ntpls; i++)
        cf_template_free(d->tpls[i]);
    cf_free(d->tpls);
    memset(d, 0, sizeof *d);
}

/* Decode bytes as a report and extract with every built-in template. */
__attribute__((unused)) static cf_status cft_open_bytes(cft_doc *d, const char *name, const char *bytes, size_t len)
{
    memset(d, 0, sizeof *d);
    cf_error_clear(&d->err);
    cr_assert_eq(cf_template_load_builtin(&d->tpls, &d->ntpls, &d->err), CF_OK, "built-in templates: %s",
                 d->err.message);
    d->status = cf_text_from_bytes(name, bytes, len, &d->text, &d->err);
    if (d->status != CF_OK)
        return d->status;
    d->status = cf_extract(d->text, d->tpls, d->ntpls, &d->report, &d->err);
    if (d->status == CF_OK)
        d->tpl = cf_report_template(d->report);
    return d->status;
}

__attribute__((unused)) static cf_status cft_open_str(cft_doc *d, const char *text)
{
    return cft_open_bytes(d, "inline.txt", text, strlen(text));
}

/* Extract and insist that it works. */
__attribute__((unused)) static void cft_read(cft_doc *d, const char *text)
{
    cf_status st = cft_open_str(d, text);
    char msg[1200];
    cf_error_format(&d->err, msg, sizeof msg);
    cr_assert_eq(st, CF_OK, "extraction failed: %s", msg);
}

/* Read a whole file into memory (caller frees with free). */
__attribute__((unused)) static char *cft_slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    cr_assert_not_null(f, "cannot open fixture %s", path);
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)size + 1);
    cr_assert_not_null(buf);
    cr_assert_eq(fread(buf, 1, (size_t)size, f), (size_t)size);
    buf[size] = '\0';
    fclose(f);
    *len = (size_t)size;
    return buf;
}

__attribute__((unused)) static void cft_read_file(cft_doc *d, const char *path)
{
    memset(d, 0, sizeof *d);
    cr_assert_eq(cf_template_load_builtin(&d->tpls, &d->ntpls, &d->err), CF_OK);
    d->status = cf_document_load(path, &d->text, &d->err); /* as check opens it: Markdown by its reader */
    cr_assert_eq(d->status, CF_OK, "%s: %s", path, d->err.message);
    d->status = cf_extract(d->text, d->tpls, d->ntpls, &d->report, &d->err);
    cr_assert_eq(d->status, CF_OK, "%s: %s", path, d->err.message);
    d->tpl = cf_report_template(d->report);
}

__attribute__((unused)) static const cf_cell *cft_cell(const cft_doc *d, const char *id)
{
    long i = cf_template_find_cell(d->tpl, id);
    cr_assert_geq(i, 0, "no cell %s in %s", id, cf_template_id(d->tpl));
    return &cf_report_cells(d->report)[i];
}

/* The cell's value as text: the exact decimal, or "missing", "n/a", "invalid". */
__attribute__((unused)) static const char *cft_val(const cft_doc *d, const char *id)
{
    static char buf[8][32];
    static int next;
    char *out = buf[next++ % 8];
    const cf_cell *c = cft_cell(d, id);
    switch (c->state) {
    case CF_CELL_NUMBER:
        return cf_decimal_format(c->value, out);
    case CF_CELL_NA:
        return "n/a";
    case CF_CELL_INVALID:
        return "invalid";
    default:
        return "missing";
    }
}

#define cft_expect(d, id, want)                                                                         \
    do {                                                                                                \
        const char *got_ = cft_val((d), (id));                                                          \
        cr_expect_str_eq(got_, (want), "%s: got %s, want %s", (id), got_, (want));                     \
    } while (0)

/* Expect a table row to read as the given space-separated values ("1 2 missing n/a"). */
__attribute__((unused)) static void cft_expect_row(const cft_doc *d, const char *table, const char *row,
                                                   const char *values)
{
    long t = -1;
    for (size_t i = 0; i < cf_template_table_count(d->tpl); i++)
        if (strcmp(cf_template_table(d->tpl, i)->id, table) == 0)
            t = (long)i;
    cr_assert_geq(t, 0, "no table %s", table);
    const cf_table_def *td = cf_template_table(d->tpl, (size_t)t);
    const cf_row_def *rd = NULL;
    for (size_t r = 0; r < td->row_count; r++)
        if (strcmp(td->rows[r].id, row) == 0)
            rd = &td->rows[r];
    cr_assert_not_null(rd, "no row %s.%s", table, row);
    char copy[512];
    snprintf(copy, sizeof copy, "%s", values);
    char *save = NULL;
    char *v = strtok_r(copy, " ", &save);
    for (size_t c = 0; c < rd->column_count; c++) {
        char id[128];
        snprintf(id, sizeof id, "%s.%s.%s", table, row, td->columns[rd->columns[c]].id);
        cr_assert_not_null(v, "%s: fewer expected values than columns", id);
        cft_expect(d, id, v);
        v = strtok_r(NULL, " ", &save);
    }
    cr_assert_null(v, "%s.%s: more expected values than columns", table, row);
}

/* The first warning whose message holds needle, or NULL. */
__attribute__((unused)) static const cf_warning *cft_warning(const cft_doc *d, const char *needle)
{
    for (size_t i = 0; i < cf_report_warning_count(d->report); i++) {
        const cf_warning *w = cf_report_warning(d->report, i);
        if (strstr(w->message, needle))
            return w;
    }
    return NULL;
}

/* Expect a warning whose message holds needle; a failure lists every warning. A macro, so that
 * Criterion names the test's own line. */
#define cft_expect_warning(d, needle) cr_expect_not_null(cft_warning((d), (needle)), "%s", cft_warnings(d))

/* All warnings in one string, for failure messages. */
__attribute__((unused)) static const char *cft_warnings(const cft_doc *d)
{
    static char buf[4096];
    buf[0] = '\0';
    for (size_t i = 0; i < cf_report_warning_count(d->report); i++) {
        size_t used = strlen(buf);
        snprintf(buf + used, sizeof buf - used, "[%s] ", cf_report_warning(d->report, i)->message);
    }
    return buf;
}

__attribute__((unused)) static long cft_rule(const cft_doc *d, const char *id)
{
    for (size_t i = 0; i < cf_template_rule_count(d->tpl); i++)
        if (strcmp(cf_template_rule(d->tpl, i)->id, id) == 0)
            return (long)i;
    cr_assert_fail("no rule %s in %s", id, cf_template_id(d->tpl));
    return -1;
}

/* How many of the table's cells hold anything but MISSING. */
__attribute__((unused)) static size_t cft_found_in(const cft_doc *d, const char *prefix)
{
    size_t n = 0, pl = strlen(prefix);
    for (size_t i = 0; i < cf_template_cell_count(d->tpl); i++)
        if (strncmp(cf_template_cell(d->tpl, i)->id, prefix, pl) == 0 &&
            cf_report_cells(d->report)[i].state != CF_CELL_MISSING)
            n++;
    return n;
}

#endif
