/* SPDX-License-Identifier: GPL-3.0-or-later */
/* template.h — a national report format as data: tables, rows, columns, labels and rules.
 *
 * Templates are YAML files (see the files in core/templates/ for the two national
 * formats, which are built into the binary). A loaded template is read-only;
 * its definitions are plain structs the caller may read but not change. */
#ifndef CF_TEMPLATE_H
#define CF_TEMPLATE_H

#include <stdbool.h>
#include <stddef.h>

#include "error.h"

/* The largest template crossfoot reads: a template past any of these is refused when it loads,
 * naming its line, so that no table, row, column or rule is ever larger than the fixed arrays
 * that the extraction, the checks and the workbench keep for them. */
#define CF_TEMPLATE_MAX_TABLES 8    /* tables in a template */
#define CF_TEMPLATE_MAX_ROWS 128    /* rows in a table */
#define CF_TEMPLATE_MAX_COLUMNS 32  /* columns in a table */
#define CF_TEMPLATE_MAX_TERMS 256   /* terms of one rule, both sides together */

typedef enum {
    CF_KIND_COUNT,  /* a whole number, not negative */
    CF_KIND_SIGNED, /* a whole number that may be negative (本年增/减) */
    CF_KIND_DECIMAL /* an amount with decimals (万元) */
} cf_value_kind;

typedef struct {
    char *id, *label, *short_label, *unit; /* unit "" when none */
    cf_value_kind kind;
} cf_column_def;

typedef struct {
    char *id, *label, *short_label, *ref;
    /* the heading of the group the row sits under, when a report may print the whole group as one
     * row (a 2021 report printing the 2019 format's （六）其他处理), and its matching key; NULL when none */
    char *group, *group_key;
    char **keys; /* matching keys (compact: CJK, letters, digits), the label's first */
    size_t *key_lens; /* the length of each key: the label search asks it of every row at every line */
    size_t key_count;
    size_t *columns; /* indices into the table's columns */
    size_t column_count;
    size_t first_cell; /* index of the row's first cell in the template's cell list */
} cf_row_def;

typedef struct {
    char *id, *number, *title;
    char **headings; /* compact */
    size_t heading_count;
    bool flat;
    cf_column_def *columns;
    size_t column_count;
    cf_row_def *rows;
    size_t row_count;
    size_t first_cell, cell_count;
} cf_table_def;

typedef struct {
    char *id; /* "table.row.column" */
    size_t table, row, column;
} cf_cell_def;

/* One rule instance: sum(left) = sum(right) over cell indices. A cross-year rule (between this
 * year's report and last year's) is one too, over the two years' cells: a term below the
 * template's cell count is this year's cell, cell count + i last year's cell with cell i's id. */
typedef struct {
    char *id;         /* "requests.balance.natural", "requests.carried_over.natural" */
    char *family;     /* "balance", "results", "applicants", "appeals"; "cross_year" */
    char *words;      /* the rule in the report's words */
    char *words_en;   /* the same in English, or NULL when the template has none */
    char *left_text;  /* "一+二" */
    char *right_text; /* "三(七)+四"; last year's terms are named "上年·四" */
    char *scope;      /* "自然人", or a row's short label */
    size_t table;
    size_t *left, *right;
    char **left_refs, **right_refs; /* how each term is named */
    size_t left_count, right_count;
} cf_rule_def;

/* A number the report's prose states about cells of its tables: "本年新收政府信息公开申请{n}件"
 * says the sum of cells is n. Patterns are kept compact (CJK, letters, digits), split at {n}. */
typedef struct {
    char *id;
    size_t *cells;
    size_t cell_count;
    char **prefixes, **suffixes;
    size_t pattern_count;
} cf_narrative_def;

typedef struct cf_template cf_template;

/* Parse a template from YAML text; name is used in messages. Caller frees. */
cf_status cf_template_parse(const char *name, const char *yaml, size_t len, cf_template **out,
                            cf_error *err);
/* Load a template file. Caller frees. */
cf_status cf_template_load(const char *path, cf_template **out, cf_error *err);
/* Every built-in template, in a fresh array of *count templates. Caller frees
 * each with cf_template_free and the array with cf_free. */
cf_status cf_template_load_builtin(cf_template ***out, size_t *count, cf_error *err);
void cf_template_free(cf_template *tpl);

const char *cf_template_id(const cf_template *tpl);
const char *cf_template_name(const cf_template *tpl);
size_t cf_template_detect_count(const cf_template *tpl);
const char *cf_template_detect(const cf_template *tpl, size_t i); /* compact */
size_t cf_template_end_heading_count(const cf_template *tpl);
const char *cf_template_end_heading(const cf_template *tpl, size_t i); /* compact */

size_t cf_template_table_count(const cf_template *tpl);
const cf_table_def *cf_template_table(const cf_template *tpl, size_t i);
size_t cf_template_cell_count(const cf_template *tpl);
const cf_cell_def *cf_template_cell(const cf_template *tpl, size_t i);
/* Index of the cell with this id, or -1. */
long cf_template_find_cell(const cf_template *tpl, const char *id);
size_t cf_template_rule_count(const cf_template *tpl);
const cf_rule_def *cf_template_rule(const cf_template *tpl, size_t i);
/* True when cell (this year's) is one of the rule's terms, on either side. */
bool cf_rule_has_cell(const cf_rule_def *rule, size_t cell);
size_t cf_template_narrative_count(const cf_template *tpl);
const cf_narrative_def *cf_template_narrative(const cf_template *tpl, size_t i);
/* The rules between this year's report and last year's (family "cross_year"). */
size_t cf_template_cross_rule_count(const cf_template *tpl);
const cf_rule_def *cf_template_cross_rule(const cf_template *tpl, size_t i);
/* The rule's words for a reader: the template's English wording when english and it has one,
 * else the report's own (Chinese) words. Borrowed from the template. */
const char *cf_rule_words(const cf_rule_def *rule, bool english);
/* A cell's labels for people: "三(七) 总计 · 自然人" style, into buf. */
void cf_template_cell_label(const cf_template *tpl, size_t cell, char *buf, size_t size);

#endif
