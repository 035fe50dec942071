/* SPDX-License-Identifier: GPL-3.0-or-later */
/* template.c — loading report formats from YAML (libyaml) and expanding their rules. */
#include "template.h"

#include <stdio.h>
#include <string.h>
#include <yaml.h>

#include "alloc.h"
#include "buf.h"
#include "fileio.h"
#include "normalize.h"
#include "yamldoc.h"
#include "i18n.h"

struct cf_template {
    char *id, *name;
    char **detect;
    size_t detect_count;
    char **end_headings;
    size_t end_heading_count;
    cf_table_def *tables;
    size_t table_count;
    cf_cell_def *cells;
    size_t cell_count;
    cf_rule_def *rules;
    size_t rule_count;
    cf_rule_def *cross_rules; /* over the two years' cells (see cf_rule_def) */
    size_t cross_rule_count;
    cf_narrative_def *narratives;
    size_t narrative_count;
};

/* The templates built in by the Makefile (generated assembly, one entry a file). */
typedef struct {
    const char *name, *data, *end;
} builtin_entry;
extern const builtin_entry cf_builtin_templates[];
extern const size_t cf_builtin_templates_count;

typedef cf_yaml_reader loader;

static yaml_node_t *map_get(loader *ld, yaml_node_t *map, const char *key) { return cf_yaml_get(ld->doc, map, key); }

/* A scalar's text copied (caller frees); NULL and an error when missing and required. */
static char *get_str(loader *ld, yaml_node_t *map, const char *key, bool required, yaml_node_t *where)
{
    yaml_node_t *n = map_get(ld, map, key);
    if (!n) {
        if (required) {
            char msg[128];
            snprintf(msg, sizeof msg, _("missing '%s'"), key);
            cf_yaml_fail(ld, where ? where : map, "%s", msg);
        }
        return NULL;
    }
    if (n->type != YAML_SCALAR_NODE) {
        cf_yaml_fail(ld, n, _("'%s' must be text"), key);
        return NULL;
    }
    char *s = cf_strndup((const char *)n->data.scalar.value, n->data.scalar.length);
    if (!s)
        cf_yaml_nomem(ld);
    return s;
}

/* A rule's optional English wording (words_en): text, not empty; NULL when absent or wrong. */
static char *get_words_en(loader *ld, yaml_node_t *node)
{
    char *s = get_str(ld, node, "words_en", false, node);
    if (s && !s[0]) {
        cf_yaml_fail(ld, map_get(ld, node, "words_en"), _("'%s' must not be empty"), "words_en");
        cf_free(s);
        return NULL;
    }
    return s;
}

static char *compact_of(loader *ld, const char *s)
{
    cf_buf b;
    cf_buf_init(&b);
    if (!cf_compact_append(&b, s, strlen(s)) || !cf_buf_append(&b, "", 0)) {
        cf_buf_release(&b);
        cf_yaml_nomem(ld);
        return NULL;
    }
    return cf_buf_take(&b);
}

/* A list of scalars as compact keys (or as is, when compact is false). */
static bool get_list(loader *ld, yaml_node_t *map, const char *key, bool compact, char ***out, size_t *count)
{
    *out = NULL;
    *count = 0;
    yaml_node_t *n = map_get(ld, map, key);
    if (!n)
        return true;
    if (n->type != YAML_SEQUENCE_NODE)
        return cf_yaml_fail(ld, n, _("'%s' must be a list"), key);
    size_t len = (size_t)(n->data.sequence.items.top - n->data.sequence.items.start);
    *out = cf_calloc(len ? len : 1, sizeof **out);
    if (!*out)
        return cf_yaml_nomem(ld);
    for (yaml_node_item_t *it = n->data.sequence.items.start; it < n->data.sequence.items.top; it++) {
        yaml_node_t *v = yaml_document_get_node(ld->doc, *it);
        if (!v || v->type != YAML_SCALAR_NODE)
            return cf_yaml_fail(ld, v, _("every entry of '%s' must be text"), key);
        const char *text = (const char *)v->data.scalar.value;
        char *s = compact ? compact_of(ld, text) : cf_strdup(text);
        if (!s)
            return cf_yaml_nomem(ld);
        (*out)[(*count)++] = s;
        if (compact && !s[0])
            return cf_yaml_fail(ld, v, _("'%s' has an entry with no Chinese characters, letters or digits"), text);
    }
    return true;
}

/* Refuse a template past one of its limits (fmt takes the limit, then the count), at node's line. */
static bool over_limit(loader *ld, const yaml_node_t *node, const char *fmt, int limit, size_t count)
{
    char msg[160];
    snprintf(msg, sizeof msg, fmt, limit, count);
    return cf_yaml_fail(ld, node, "%s", msg);
}

static void free_list(char **list, size_t count)
{
    for (size_t i = 0; i < count; i++)
        cf_free(list[i]);
    cf_free(list);
}

static bool load_column(loader *ld, yaml_node_t *node, cf_column_def *col)
{
    static const char *const keys[] = {"id", "label", "short", "kind", "unit", NULL};
    if (node->type != YAML_MAPPING_NODE)
        return cf_yaml_fail(ld, node, _("a column must be a mapping"), NULL);
    if (!cf_yaml_known_keys(ld, node, keys))
        return false;
    col->id = get_str(ld, node, "id", true, node);
    col->label = get_str(ld, node, "label", true, node);
    col->short_label = get_str(ld, node, "short", false, node);
    col->unit = get_str(ld, node, "unit", false, node);
    char *kind = get_str(ld, node, "kind", true, node);
    if (ld->status != CF_OK) {
        cf_free(kind);
        return false;
    }
    bool ok = (col->short_label || (col->short_label = cf_strdup(col->label))) &&
              (col->unit || (col->unit = cf_strdup("")));
    if (!ok)
        cf_yaml_nomem(ld);
    else if (strcmp(kind, "count") == 0)
        col->kind = CF_KIND_COUNT;
    else if (strcmp(kind, "signed") == 0)
        col->kind = CF_KIND_SIGNED;
    else if (strcmp(kind, "decimal") == 0)
        col->kind = CF_KIND_DECIMAL;
    else
        ok = cf_yaml_fail(ld, map_get(ld, node, "kind"), _("kind '%s' is not count, signed or decimal"), kind);
    cf_free(kind);
    return ok;
}

static long find_column(const cf_table_def *t, const char *id)
{
    for (size_t i = 0; i < t->column_count; i++)
        if (strcmp(t->columns[i].id, id) == 0)
            return (long)i;
    return -1;
}

static long find_row(const cf_table_def *t, const char *id)
{
    for (size_t i = 0; i < t->row_count; i++)
        if (strcmp(t->rows[i].id, id) == 0)
            return (long)i;
    return -1;
}

static bool load_row(loader *ld, yaml_node_t *node, cf_table_def *t, cf_row_def *row)
{
    static const char *const keys[] = {"id", "label", "short", "ref", "aliases", "columns", "group", NULL};
    if (node->type != YAML_MAPPING_NODE)
        return cf_yaml_fail(ld, node, _("a row must be a mapping"), NULL);
    if (!cf_yaml_known_keys(ld, node, keys))
        return false;
    row->id = get_str(ld, node, "id", true, node);
    row->label = get_str(ld, node, "label", true, node);
    row->short_label = get_str(ld, node, "short", false, node);
    row->ref = get_str(ld, node, "ref", false, node);
    row->group = get_str(ld, node, "group", false, node);
    if (ld->status != CF_OK)
        return false;
    if (row->group && !(row->group_key = compact_of(ld, row->group)))
        return false;
    if (!row->short_label && !(row->short_label = cf_strdup(row->label)))
        return cf_yaml_nomem(ld);
    if (!row->ref && !(row->ref = cf_strdup(row->short_label)))
        return cf_yaml_nomem(ld);
    char **aliases;
    size_t alias_count;
    if (!get_list(ld, node, "aliases", true, &aliases, &alias_count)) {
        free_list(aliases, alias_count);
        return false;
    }
    row->keys = cf_calloc(alias_count + 1, sizeof *row->keys);
    row->key_lens = cf_calloc(alias_count + 1, sizeof *row->key_lens);
    if (!row->keys || !row->key_lens) {
        free_list(aliases, alias_count);
        return cf_yaml_nomem(ld);
    }
    row->keys[0] = compact_of(ld, row->label);
    row->key_count = 1;
    for (size_t i = 0; i < alias_count; i++)
        row->keys[row->key_count++] = aliases[i];
    cf_free(aliases);
    if (!row->keys[0])
        return false;
    for (size_t k = 0; k < row->key_count; k++)
        row->key_lens[k] = strlen(row->keys[k]);
    char **cols;
    size_t col_count;
    if (!get_list(ld, node, "columns", false, &cols, &col_count)) {
        free_list(cols, col_count);
        return false;
    }
    size_t n = cols ? col_count : t->column_count;
    row->columns = cf_calloc(n ? n : 1, sizeof *row->columns);
    if (!row->columns) {
        free_list(cols, col_count);
        return cf_yaml_nomem(ld);
    }
    for (size_t i = 0; i < n; i++) {
        long c = cols ? find_column(t, cols[i]) : (long)i;
        if (c < 0) {
            cf_yaml_fail(ld, map_get(ld, node, "columns"), _("unknown column '%s'"), cols[i]);
            free_list(cols, col_count);
            return false;
        }
        row->columns[row->column_count++] = (size_t)c;
    }
    free_list(cols, col_count);
    return true;
}

static bool load_table(loader *ld, yaml_node_t *node, cf_table_def *t)
{
    static const char *const keys[] = {"id", "number", "title", "headings", "flat", "columns", "rows", NULL};
    if (node->type != YAML_MAPPING_NODE)
        return cf_yaml_fail(ld, node, _("a table must be a mapping"), NULL);
    if (!cf_yaml_known_keys(ld, node, keys))
        return false;
    t->id = get_str(ld, node, "id", true, node);
    t->number = get_str(ld, node, "number", true, node);
    t->title = get_str(ld, node, "title", true, node);
    char *flat = get_str(ld, node, "flat", false, node);
    if (flat) {
        t->flat = strcmp(flat, "true") == 0;
        if (!t->flat && strcmp(flat, "false") != 0)
            cf_yaml_fail(ld, map_get(ld, node, "flat"), _("flat must be true or false"), NULL);
        cf_free(flat);
    }
    if (ld->status != CF_OK || !get_list(ld, node, "headings", true, &t->headings, &t->heading_count))
        return false;
    if (t->heading_count == 0)
        return cf_yaml_fail(ld, node, _("a table needs at least one heading"), NULL);
    yaml_node_t *cols = map_get(ld, node, "columns");
    yaml_node_t *rows = map_get(ld, node, "rows");
    if (!cols || cols->type != YAML_SEQUENCE_NODE || cols->data.sequence.items.top == cols->data.sequence.items.start)
        return cf_yaml_fail(ld, cols ? cols : node, _("a table needs a list of columns"), NULL);
    if (!rows || rows->type != YAML_SEQUENCE_NODE || rows->data.sequence.items.top == rows->data.sequence.items.start)
        return cf_yaml_fail(ld, rows ? rows : node, _("a table needs a list of rows"), NULL);
    size_t ncols = (size_t)(cols->data.sequence.items.top - cols->data.sequence.items.start);
    size_t nrows = (size_t)(rows->data.sequence.items.top - rows->data.sequence.items.start);
    if (ncols > CF_TEMPLATE_MAX_COLUMNS)
        return over_limit(ld, cols, _("a table has at most %d columns, not %zu"), CF_TEMPLATE_MAX_COLUMNS, ncols);
    if (nrows > CF_TEMPLATE_MAX_ROWS)
        return over_limit(ld, rows, _("a table has at most %d rows, not %zu"), CF_TEMPLATE_MAX_ROWS, nrows);
    t->columns = cf_calloc(ncols, sizeof *t->columns);
    if (!t->columns)
        return cf_yaml_nomem(ld);
    for (yaml_node_item_t *it = cols->data.sequence.items.start; it < cols->data.sequence.items.top; it++) {
        yaml_node_t *c = yaml_document_get_node(ld->doc, *it);
        if (!load_column(ld, c, &t->columns[t->column_count++]))
            return false;
        if (find_column(t, t->columns[t->column_count - 1].id) != (long)t->column_count - 1)
            return cf_yaml_fail(ld, c, _("column '%s' is listed twice"), t->columns[t->column_count - 1].id);
    }
    t->rows = cf_calloc(nrows, sizeof *t->rows);
    if (!t->rows)
        return cf_yaml_nomem(ld);
    for (yaml_node_item_t *it = rows->data.sequence.items.start; it < rows->data.sequence.items.top; it++) {
        yaml_node_t *r = yaml_document_get_node(ld->doc, *it);
        if (!load_row(ld, r, t, &t->rows[t->row_count++]))
            return false;
        if (find_row(t, t->rows[t->row_count - 1].id) != (long)t->row_count - 1)
            return cf_yaml_fail(ld, r, _("row '%s' is listed twice"), t->rows[t->row_count - 1].id);
    }
    return true;
}

static bool build_cells(loader *ld, cf_template *tpl)
{
    size_t total = 0;
    for (size_t t = 0; t < tpl->table_count; t++)
        for (size_t r = 0; r < tpl->tables[t].row_count; r++)
            total += tpl->tables[t].rows[r].column_count;
    tpl->cells = cf_calloc(total ? total : 1, sizeof *tpl->cells);
    if (!tpl->cells)
        return cf_yaml_nomem(ld);
    for (size_t t = 0; t < tpl->table_count; t++) {
        cf_table_def *table = &tpl->tables[t];
        table->first_cell = tpl->cell_count;
        for (size_t r = 0; r < table->row_count; r++) {
            cf_row_def *row = &table->rows[r];
            row->first_cell = tpl->cell_count;
            for (size_t c = 0; c < row->column_count; c++) {
                cf_cell_def *cell = &tpl->cells[tpl->cell_count++];
                cell->table = t;
                cell->row = r;
                cell->column = row->columns[c];
                cf_buf id;
                cf_buf_init(&id);
                if (!cf_buf_printf(&id, "%s.%s.%s", table->id, row->id, table->columns[row->columns[c]].id))
                    return cf_yaml_nomem(ld);
                cell->id = cf_buf_take(&id);
            }
        }
        table->cell_count = tpl->cell_count - table->first_cell;
    }
    return true;
}

/* Index of the cell at (table, row, column), or -1 when the row has no such column. */
static long cell_at(const cf_template *tpl, size_t t, size_t r, size_t c)
{
    const cf_row_def *row = &tpl->tables[t].rows[r];
    for (size_t i = 0; i < row->column_count; i++)
        if (row->columns[i] == c)
            return (long)(row->first_cell + i);
    return -1;
}

/* "一+二", or "三(一)+…+三(六)3" when a side has many terms. */
static char *side_text(char **refs, size_t n)
{
    cf_buf b;
    cf_buf_init(&b);
    bool ok = true;
    if (n > 4) {
        ok = cf_buf_printf(&b, "%s+…+%s", refs[0], refs[n - 1]);
    } else {
        for (size_t i = 0; i < n && ok; i++)
            ok = cf_buf_printf(&b, "%s%s", i ? "+" : "", refs[i]);
    }
    if (!ok) {
        cf_buf_release(&b);
        return NULL;
    }
    return cf_buf_take(&b);
}

/* The terms of one side of instance `fixed` (a column for rules per column, else a row). A
 * cross-year rule's terms are "this.NAME" or "previous.NAME", last year's counted from the
 * template's cell count on (see cf_rule_def) and named "上年·…". */
static bool expand_side(loader *ld, cf_template *tpl, size_t t, bool per_column, bool cross_year, size_t fixed,
                        char **names, size_t count, yaml_node_t *where, size_t **cells, char ***refs,
                        size_t *out_count)
{
    const cf_table_def *table = &tpl->tables[t];
    *cells = cf_calloc(count ? count : 1, sizeof **cells);
    *refs = cf_calloc(count ? count : 1, sizeof **refs);
    if (!*cells || !*refs)
        return cf_yaml_nomem(ld);
    for (size_t i = 0; i < count; i++) {
        /* point at the entry itself when the list is a YAML sequence */
        yaml_node_t *entry = where;
        if (where && where->type == YAML_SEQUENCE_NODE &&
            where->data.sequence.items.start + i < where->data.sequence.items.top)
            entry = yaml_document_get_node(ld->doc, where->data.sequence.items.start[i]);
        const char *name = names[i];
        bool previous = false;
        if (cross_year && strncmp(name, "this.", 5) == 0)
            name += 5;
        else if (cross_year && strncmp(name, "previous.", 9) == 0) {
            name += 9;
            previous = true;
        } else if (cross_year)
            return cf_yaml_fail(ld, entry, _("a cross-year term starts with this. or previous., not '%s'"), names[i]);
        long r = per_column ? find_row(table, name) : (long)fixed;
        long c = per_column ? (long)fixed : find_column(table, name);
        if (r < 0 || c < 0)
            return cf_yaml_fail(ld, entry, per_column ? _("unknown row '%s'") : _("unknown column '%s'"), name);
        long cell = cell_at(tpl, t, (size_t)r, (size_t)c);
        if (cell < 0)
            return cf_yaml_fail(ld, entry, _("the rule names '%s', which has no cell there"), name);
        (*cells)[i] = (size_t)cell + (previous ? tpl->cell_count : 0);
        const char *ref = per_column ? table->rows[r].ref : table->columns[c].short_label;
        cf_buf b;
        cf_buf_init(&b);
        if (!cf_buf_printf(&b, "%s%s", previous ? "上年·" : "", ref))
            return cf_yaml_nomem(ld);
        (*refs)[i] = cf_buf_take(&b);
        (*out_count)++;
    }
    return true;
}

/* One rule of `rules` (or, cross_year, of `cross_year`), made an instance per column or row of its
 * table (those in its `only` list, for a cross-year rule that has one). */
static bool load_rule(loader *ld, cf_template *tpl, yaml_node_t *node, bool cross_year, size_t *capacity)
{
    static const char *const keys[] = {"id", "family", "table", "per", "words", "words_en", "left", "right", NULL};
    static const char *const cross_keys[] = {"id", "table", "per", "only", "words", "words_en", "left", "right", NULL};
    if (node->type != YAML_MAPPING_NODE)
        return cf_yaml_fail(ld, node, cross_year ? _("a cross-year rule must be a mapping") : _("a rule must be a mapping"),
                            NULL);
    if (!cf_yaml_known_keys(ld, node, cross_year ? cross_keys : keys))
        return false;
    char *id = get_str(ld, node, "id", true, node);
    char *family = cross_year ? cf_strdup("cross_year") : get_str(ld, node, "family", true, node);
    char *table = get_str(ld, node, "table", true, node), *per = get_str(ld, node, "per", true, node);
    char *words = get_str(ld, node, "words", true, node), *words_en = get_words_en(ld, node);
    char **left = NULL, **right = NULL, **only = NULL;
    size_t nleft = 0, nright = 0, nonly = 0;
    bool ok = (family || cf_yaml_nomem(ld)) && ld->status == CF_OK && get_list(ld, node, "left", false, &left, &nleft) &&
              get_list(ld, node, "right", false, &right, &nright) &&
              (!cross_year || get_list(ld, node, "only", false, &only, &nonly));
    long t = -1;
    bool per_column = false;
    if (ok) {
        for (size_t i = 0; i < tpl->table_count; i++)
            if (strcmp(tpl->tables[i].id, table) == 0)
                t = (long)i;
        if (t < 0)
            ok = cf_yaml_fail(ld, map_get(ld, node, "table"), _("unknown table '%s'"), table);
        else if (strcmp(per, "column") == 0)
            per_column = true;
        else if (strcmp(per, "row") != 0)
            ok = cf_yaml_fail(ld, map_get(ld, node, "per"), _("per must be row or column, not '%s'"), per);
        if (ok && (nleft == 0 || nright == 0))
            ok = cf_yaml_fail(ld, node, _("a rule needs a left and a right side"), NULL);
        if (ok && nleft + nright > CF_TEMPLATE_MAX_TERMS)
            ok = over_limit(ld, node, _("a rule has at most %d terms, not %zu"), CF_TEMPLATE_MAX_TERMS, nleft + nright);
    }
    cf_rule_def **rules = cross_year ? &tpl->cross_rules : &tpl->rules;
    size_t *count = cross_year ? &tpl->cross_rule_count : &tpl->rule_count;
    if (ok) {
        const cf_table_def *td = &tpl->tables[t];
        size_t instances = per_column ? td->column_count : td->row_count;
        if (*count + instances > *capacity) {
            size_t cap = (*capacity + instances) * 2;
            cf_rule_def *grown = cf_realloc(*rules, cap * sizeof *grown);
            if (!grown)
                ok = cf_yaml_nomem(ld);
            else {
                *rules = grown;
                *capacity = cap;
            }
        }
        for (size_t k = 0; ok && k < instances; k++) {
            const char *scope_id = per_column ? td->columns[k].id : td->rows[k].id;
            bool wanted = nonly == 0;
            for (size_t i = 0; i < nonly; i++)
                wanted |= strcmp(only[i], scope_id) == 0;
            if (!wanted)
                continue;
            cf_rule_def *rule = &(*rules)[(*count)++];
            memset(rule, 0, sizeof *rule);
            rule->table = (size_t)t;
            cf_buf rid;
            cf_buf_init(&rid);
            if (!cf_buf_printf(&rid, "%s.%s.%s", td->id, id, scope_id)) {
                ok = cf_yaml_nomem(ld);
                break;
            }
            rule->id = cf_buf_take(&rid);
            rule->family = cf_strdup(family);
            rule->words = cf_strdup(words);
            rule->words_en = words_en ? cf_strdup(words_en) : NULL;
            rule->scope = cf_strdup(per_column ? td->columns[k].label : td->rows[k].short_label);
            if (!rule->family || !rule->words || !rule->scope || (words_en && !rule->words_en)) {
                ok = cf_yaml_nomem(ld);
                break;
            }
            ok = expand_side(ld, tpl, (size_t)t, per_column, cross_year, k, left, nleft, map_get(ld, node, "left"),
                             &rule->left, &rule->left_refs, &rule->left_count) &&
                 expand_side(ld, tpl, (size_t)t, per_column, cross_year, k, right, nright, map_get(ld, node, "right"),
                             &rule->right, &rule->right_refs, &rule->right_count);
            if (ok) {
                rule->left_text = side_text(rule->left_refs, rule->left_count);
                rule->right_text = side_text(rule->right_refs, rule->right_count);
                if (!rule->left_text || !rule->right_text)
                    ok = cf_yaml_nomem(ld);
            }
        }
    }
    cf_free(id);
    cf_free(family);
    cf_free(table);
    cf_free(per);
    cf_free(words);
    cf_free(words_en);
    free_list(left, nleft);
    free_list(right, nright);
    free_list(only, nonly);
    return ok;
}

static bool load_narrative(loader *ld, cf_template *tpl, yaml_node_t *node, cf_narrative_def *nd)
{
    static const char *const keys[] = {"id", "cells", "patterns", NULL};
    if (node->type != YAML_MAPPING_NODE)
        return cf_yaml_fail(ld, node, _("a narrative claim must be a mapping"), NULL);
    if (!cf_yaml_known_keys(ld, node, keys))
        return false;
    nd->id = get_str(ld, node, "id", true, node);
    char **cells = NULL, **patterns = NULL;
    size_t ncells = 0, npatterns = 0;
    bool ok = ld->status == CF_OK && get_list(ld, node, "cells", false, &cells, &ncells) &&
              get_list(ld, node, "patterns", false, &patterns, &npatterns);
    if (ok && (ncells == 0 || npatterns == 0))
        ok = cf_yaml_fail(ld, node, _("a narrative claim needs cells and patterns"), NULL);
    if (ok) {
        nd->cells = cf_calloc(ncells, sizeof *nd->cells);
        nd->prefixes = cf_calloc(npatterns, sizeof *nd->prefixes);
        nd->suffixes = cf_calloc(npatterns, sizeof *nd->suffixes);
        ok = (nd->cells && nd->prefixes && nd->suffixes) || cf_yaml_nomem(ld);
    }
    for (size_t i = 0; ok && i < ncells; i++) {
        long c = cf_template_find_cell(tpl, cells[i]);
        if (c < 0)
            ok = cf_yaml_fail(ld, map_get(ld, node, "cells"), _("unknown cell '%s'"), cells[i]);
        else
            nd->cells[nd->cell_count++] = (size_t)c;
    }
    for (size_t i = 0; ok && i < npatterns; i++) {
        char *at = strstr(patterns[i], "{n}");
        if (!at) {
            ok = cf_yaml_fail(ld, map_get(ld, node, "patterns"), _("the pattern '%s' has no {n} for the number"), patterns[i]);
            break;
        }
        *at = '\0';
        nd->prefixes[i] = compact_of(ld, patterns[i]);
        nd->suffixes[i] = compact_of(ld, at + 3);
        nd->pattern_count++;
        ok = nd->prefixes[i] && nd->suffixes[i] && (nd->prefixes[i][0] ||
             cf_yaml_fail(ld, map_get(ld, node, "patterns"), _("a pattern needs words before {n}"), NULL));
    }
    free_list(cells, ncells);
    free_list(patterns, npatterns);
    return ok;
}

static bool load_root(loader *ld, void *target, yaml_node_t *root)
{
    cf_template *tpl = target;
    static const char *const keys[] = {"id", "name", "detect", "end_headings", "tables", "rules", "cross_year",
                                       "narrative", NULL};
    if (!root || root->type != YAML_MAPPING_NODE)
        return cf_yaml_fail(ld, root, _("a template must be a mapping with id, name, tables and rules"), NULL);
    if (!cf_yaml_known_keys(ld, root, keys))
        return false;
    tpl->id = get_str(ld, root, "id", true, root);
    tpl->name = get_str(ld, root, "name", true, root);
    if (ld->status != CF_OK || !get_list(ld, root, "detect", true, &tpl->detect, &tpl->detect_count) ||
        !get_list(ld, root, "end_headings", true, &tpl->end_headings, &tpl->end_heading_count))
        return false;
    yaml_node_t *tables = map_get(ld, root, "tables");
    if (!tables || tables->type != YAML_SEQUENCE_NODE || tables->data.sequence.items.top == tables->data.sequence.items.start)
        return cf_yaml_fail(ld, tables ? tables : root, _("a template needs a list of tables"), NULL);
    size_t n = (size_t)(tables->data.sequence.items.top - tables->data.sequence.items.start);
    if (n > CF_TEMPLATE_MAX_TABLES)
        return over_limit(ld, tables, _("a template has at most %d tables, not %zu"), CF_TEMPLATE_MAX_TABLES, n);
    tpl->tables = cf_calloc(n, sizeof *tpl->tables);
    if (!tpl->tables)
        return cf_yaml_nomem(ld);
    for (yaml_node_item_t *it = tables->data.sequence.items.start; it < tables->data.sequence.items.top; it++) {
        yaml_node_t *t = yaml_document_get_node(ld->doc, *it);
        if (!load_table(ld, t, &tpl->tables[tpl->table_count++]))
            return false;
        for (size_t i = 0; i + 1 < tpl->table_count; i++)
            if (strcmp(tpl->tables[i].id, tpl->tables[tpl->table_count - 1].id) == 0)
                return cf_yaml_fail(ld, t, _("table '%s' is listed twice"), tpl->tables[i].id);
    }
    if (!build_cells(ld, tpl))
        return false;
    yaml_node_t *rules = map_get(ld, root, "rules");
    if (rules && rules->type != YAML_SEQUENCE_NODE)
        return cf_yaml_fail(ld, rules, _("'rules' must be a list"), NULL);
    size_t capacity = 0;
    for (yaml_node_item_t *it = rules ? rules->data.sequence.items.start : NULL; rules && it < rules->data.sequence.items.top; it++)
        if (!load_rule(ld, tpl, yaml_document_get_node(ld->doc, *it), false, &capacity))
            return false;
    yaml_node_t *cross = map_get(ld, root, "cross_year");
    if (cross && cross->type != YAML_SEQUENCE_NODE)
        return cf_yaml_fail(ld, cross, _("'cross_year' must be a list"), NULL);
    capacity = 0;
    for (yaml_node_item_t *it = cross ? cross->data.sequence.items.start : NULL; cross && it < cross->data.sequence.items.top; it++)
        if (!load_rule(ld, tpl, yaml_document_get_node(ld->doc, *it), true, &capacity))
            return false;
    yaml_node_t *prose = map_get(ld, root, "narrative");
    if (!prose)
        return true;
    if (prose->type != YAML_SEQUENCE_NODE)
        return cf_yaml_fail(ld, prose, _("'narrative' must be a list"), NULL);
    size_t claims = (size_t)(prose->data.sequence.items.top - prose->data.sequence.items.start);
    tpl->narratives = cf_calloc(claims + 1, sizeof *tpl->narratives);
    if (!tpl->narratives)
        return cf_yaml_nomem(ld);
    for (yaml_node_item_t *it = prose->data.sequence.items.start; it < prose->data.sequence.items.top; it++)
        if (!load_narrative(ld, tpl, yaml_document_get_node(ld->doc, *it), &tpl->narratives[tpl->narrative_count++]))
            return false;
    return true;
}

cf_status cf_template_parse(const char *name, const char *yaml, size_t len, cf_template **out, cf_error *err)
{
    *out = NULL;
    cf_template *tpl = cf_calloc(1, sizeof *tpl);
    if (!tpl)
        return cf_error_nomem(err, name);
    cf_status st = cf_yaml_load(name, yaml, len, CF_ERR_TEMPLATE, _("the template file is empty"), load_root, tpl, err);
    if (st != CF_OK) {
        cf_template_free(tpl);
        return st;
    }
    *out = tpl;
    return CF_OK;
}

cf_status cf_template_load(const char *path, cf_template **out, cf_error *err)
{
    *out = NULL;
    cf_buf b;
    cf_buf_init(&b);
    cf_status st = cf_file_read(path, N_("template"), (size_t)1 << 20, &b, NULL, err);
    if (st == CF_OK)
        st = cf_template_parse(path, b.data, b.len, out, err);
    cf_buf_release(&b);
    return st;
}

cf_status cf_template_load_builtin(cf_template ***out, size_t *count, cf_error *err)
{
    *out = NULL;
    *count = 0;
    cf_template **list = cf_calloc(cf_builtin_templates_count + 1, sizeof *list);
    if (!list)
        return cf_error_nomem(err, _("built-in templates"));
    for (size_t i = 0; i < cf_builtin_templates_count; i++) {
        const builtin_entry *e = &cf_builtin_templates[i];
        char name[128];
        snprintf(name, sizeof name, "(built-in) %s.yaml", e->name);
        cf_status st = cf_template_parse(name, e->data, (size_t)(e->end - e->data), &list[i], err);
        if (st != CF_OK) {
            for (size_t k = 0; k < i; k++)
                cf_template_free(list[k]);
            cf_free(list);
            return st;
        }
    }
    *out = list;
    *count = cf_builtin_templates_count;
    return CF_OK;
}

static void free_rule(cf_rule_def *rule)
{
    cf_free(rule->id);
    cf_free(rule->family);
    cf_free(rule->words);
    cf_free(rule->words_en);
    cf_free(rule->left_text);
    cf_free(rule->right_text);
    cf_free(rule->scope);
    cf_free(rule->left);
    cf_free(rule->right);
    free_list(rule->left_refs, rule->left_count);
    free_list(rule->right_refs, rule->right_count);
}

void cf_template_free(cf_template *tpl)
{
    if (!tpl)
        return;
    for (size_t t = 0; t < tpl->table_count; t++) {
        cf_table_def *table = &tpl->tables[t];
        for (size_t c = 0; c < table->column_count; c++) {
            cf_column_def *col = &table->columns[c];
            cf_free(col->id);
            cf_free(col->label);
            cf_free(col->short_label);
            cf_free(col->unit);
        }
        for (size_t r = 0; r < table->row_count; r++) {
            cf_row_def *row = &table->rows[r];
            cf_free(row->id);
            cf_free(row->label);
            cf_free(row->short_label);
            cf_free(row->ref);
            cf_free(row->group);
            cf_free(row->group_key);
            free_list(row->keys, row->key_count);
            cf_free(row->key_lens);
            cf_free(row->columns);
        }
        cf_free(table->id);
        cf_free(table->number);
        cf_free(table->title);
        free_list(table->headings, table->heading_count);
        cf_free(table->columns);
        cf_free(table->rows);
    }
    for (size_t i = 0; i < tpl->cell_count; i++)
        cf_free(tpl->cells[i].id);
    for (size_t i = 0; i < tpl->rule_count; i++)
        free_rule(&tpl->rules[i]);
    for (size_t i = 0; i < tpl->cross_rule_count; i++)
        free_rule(&tpl->cross_rules[i]);
    cf_free(tpl->cross_rules);
    for (size_t i = 0; i < tpl->narrative_count; i++) {
        cf_narrative_def *nd = &tpl->narratives[i];
        cf_free(nd->id);
        cf_free(nd->cells);
        free_list(nd->prefixes, nd->pattern_count);
        free_list(nd->suffixes, nd->pattern_count);
    }
    cf_free(tpl->narratives);
    cf_free(tpl->id);
    cf_free(tpl->name);
    free_list(tpl->detect, tpl->detect_count);
    free_list(tpl->end_headings, tpl->end_heading_count);
    cf_free(tpl->tables);
    cf_free(tpl->cells);
    cf_free(tpl->rules);
    cf_free(tpl);
}

const char *cf_template_id(const cf_template *tpl) { return tpl->id; }
const char *cf_template_name(const cf_template *tpl) { return tpl->name; }
size_t cf_template_detect_count(const cf_template *tpl) { return tpl->detect_count; }
const char *cf_template_detect(const cf_template *tpl, size_t i) { return tpl->detect[i]; }
size_t cf_template_end_heading_count(const cf_template *tpl) { return tpl->end_heading_count; }
const char *cf_template_end_heading(const cf_template *tpl, size_t i) { return tpl->end_headings[i]; }
size_t cf_template_table_count(const cf_template *tpl) { return tpl->table_count; }
const cf_table_def *cf_template_table(const cf_template *tpl, size_t i) { return &tpl->tables[i]; }
size_t cf_template_cell_count(const cf_template *tpl) { return tpl->cell_count; }
const cf_cell_def *cf_template_cell(const cf_template *tpl, size_t i) { return &tpl->cells[i]; }
size_t cf_template_rule_count(const cf_template *tpl) { return tpl->rule_count; }
size_t cf_template_cross_rule_count(const cf_template *tpl) { return tpl->cross_rule_count; }
size_t cf_template_narrative_count(const cf_template *tpl) { return tpl->narrative_count; }
const cf_narrative_def *cf_template_narrative(const cf_template *tpl, size_t i) { return &tpl->narratives[i]; }
const cf_rule_def *cf_template_cross_rule(const cf_template *tpl, size_t i) { return &tpl->cross_rules[i]; }
const cf_rule_def *cf_template_rule(const cf_template *tpl, size_t i) { return &tpl->rules[i]; }

bool cf_rule_has_cell(const cf_rule_def *rule, size_t cell)
{
    for (size_t k = 0; k < rule->left_count; k++)
        if (rule->left[k] == cell)
            return true;
    for (size_t k = 0; k < rule->right_count; k++)
        if (rule->right[k] == cell)
            return true;
    return false;
}

long cf_template_find_cell(const cf_template *tpl, const char *id)
{
    for (size_t i = 0; i < tpl->cell_count; i++)
        if (strcmp(tpl->cells[i].id, id) == 0)
            return (long)i;
    return -1;
}

void cf_template_cell_label(const cf_template *tpl, size_t cell, char *buf, size_t size)
{
    const cf_cell_def *c = &tpl->cells[cell];
    const cf_table_def *t = &tpl->tables[c->table];
    /* joined by hand: check's text output and the extraction's warnings name thousands of cells, and
     * snprintf cost more than the rest of a label */
    const char *parts[3] = {t->rows[c->row].short_label, " \xC2\xB7 ", t->columns[c->column].short_label};
    size_t used = 0;
    for (int k = 0; k < 3 && size > 0; k++) {
        size_t len = strlen(parts[k]);
        if (len > size - 1 - used)
            len = size - 1 - used;
        memcpy(buf + used, parts[k], len);
        used += len;
    }
    if (size > 0)
        buf[used] = '\0';
}

const char *cf_rule_words(const cf_rule_def *rule, bool english)
{
    return english && rule->words_en ? rule->words_en : rule->words;
}

