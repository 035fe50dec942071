/* SPDX-License-Identifier: GPL-3.0-or-later */
/* extract.h — reading the statistical tables out of a report's text.
 *
 * Extraction works by label, not by counting numbers: each row is found by its
 * wording and takes the numbers that follow it, so a missing or extra number
 * never shifts the rest. Tab and pipe fields keep their blanks (an empty field
 * is a missing cell in its own column); PDF text with wrapped numbers, broken
 * labels, one-cell-per-line and pipe tables with line breaks inside cells all
 * reduce to the same stream of words and values. */
#ifndef CF_EXTRACT_H
#define CF_EXTRACT_H

#include <stddef.h>

#include "cell.h"
#include "error.h"
#include "template.h"
#include "text.h"

typedef struct cf_report cf_report;

typedef struct {
    size_t line; /* 1-based; 0 when it concerns the whole report */
    long cell;   /* cell index, or -1 */
    char *message;
} cf_warning;

/* Pick the template that fits text best among templates[0..count) and extract.
 * Returns CF_ERR_NOTABLES (with a message naming the file) when no table is
 * found and none is known to have been left out (a "[TABLE]" in its place, or
 * cf_text_left_out: the report then says so). The report refers to text and the chosen template, which must
 * outlive it. Caller frees with cf_report_free. */
cf_status cf_extract(const cf_text *text, cf_template *const *templates, size_t count, cf_report **out,
                     cf_error *err);
void cf_report_free(cf_report *report);

const cf_text *cf_report_text(const cf_report *report);
const cf_template *cf_report_template(const cf_report *report);
/* The cells, in the template's cell order (cf_template_cell_count of them). */
const cf_cell *cf_report_cells(const cf_report *report);
size_t cf_report_warning_count(const cf_report *report);
const cf_warning *cf_report_warning(const cf_report *report, size_t i);
/* 1-based line of table t's heading, 0 when the table was not found. */
size_t cf_report_table_line(const cf_report *report, size_t table);
/* The line (1-based) of the warning that says the converter left table out of the text ("[TABLE]"
 * in its place, or drawn wider than a web page's layout cell), its cells missing for that; 0 when not. */
size_t cf_report_table_left_out(const cf_report *report, size_t table);

#endif
