/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pdfrows.c — the reading models of a table printed in a PDF's drawing order (raw PDF text): a flat
 * table one cell a line; a labelled table's rows apart from their names (blank cells' places, rows
 * printed apart, two rows interleaved); a group of rows printed as one; values under no label; column
 * blocks and column-heading bands. Each reads what the label reader (extract.c) could not place. */
#include "extract_parts.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "i18n.h"

/* ---------- a flat table printed in drawing order ---------- */

#define DRAWN_MAX_VALUES 256 /* values of one flat table (and a few strays) read in drawing order */
#define DRAWN_MAX_STRAYS 8   /* values more than the table's cells that may stand among them */

typedef enum {
    ORDER_AS_PRINTED, /* the row's own total holds on its values as printed */
    ORDER_WITNESSED,  /* it holds once one value is moved, and under no other such move */
    ORDER_UNWITNESSED /* no move makes it hold, several do, or it cannot be checked: kept as printed */
} row_order;

/* Does row r's own total hold when its cell c holds vals[order[c]]? *checked: it could be checked. */
static bool row_holds_in(const cf_template *tpl, const cf_row_def *r, const token *const *vals, const size_t *order,
                         bool *checked)
{
    cf_cell cells[CF_TEMPLATE_MAX_COLUMNS];
    for (size_t c = 0; c < r->column_count; c++) {
        const token *t = vals[order[c]];
        cells[c] = (cf_cell){.state = t->kind == CF_ITEM_NUMBER ? CF_CELL_NUMBER : CF_CELL_NA, .value = t->value};
    }
    return cf_extract_row_cells_hold(tpl, r, cells, checked);
}

/* Does value i of vals[0..m) stand on a line of its own among them? Values printed side by side on
 * one line are in column order there (left to right): the layout says where they go. */
static bool alone_on_line(const token *const *vals, size_t m, size_t i)
{
    return (i == 0 || vals[i - 1]->line != vals[i]->line) && (i + 1 >= m || vals[i + 1]->line != vals[i]->line);
}

/* Which of row r's printed values vals[0..m) goes to each of its cells (order[c]). PDF text in
 * drawing order can print a cell before the others of its row (the total, drawn with its heading):
 * as printed when the row's own total holds so; else the one move of a single value under which it
 * holds (moves that give the same numbers count as one); else as printed, unwitnessed. Only a value
 * printed on a line of its own may move: where the layout leaves its place open. A value beside
 * others on its line stays, so a broken row printed on one line is never "repaired" by a move that
 * happens to make its total hold. */
static row_order witness_order(const cf_template *tpl, const cf_row_def *r, const token *const *vals, size_t *order)
{
    size_t m = r->column_count, trial[CF_TEMPLATE_MAX_COLUMNS];
    for (size_t c = 0; c < m; c++)
        order[c] = c;
    bool checked, found = false;
    if (row_holds_in(tpl, r, vals, order, &checked))
        return checked ? ORDER_AS_PRINTED : ORDER_UNWITNESSED;
    size_t best[CF_TEMPLATE_MAX_COLUMNS];
    for (size_t from = 0; from < m; from++)
        for (size_t to = 0; to < m && alone_on_line(vals, m, from); to++) {
            if (from == to)
                continue;
            /* the printed order with value `from` taken out and put at cell `to` */
            for (size_t c = 0, k = 0; c < m; c++) {
                if (c == to) {
                    trial[c] = from;
                    continue;
                }
                if (k == from)
                    k++;
                trial[c] = k++;
            }
            if (!row_holds_in(tpl, r, vals, trial, &checked) || !checked)
                continue;
            if (found) {
                for (size_t c = 0; c < m; c++)
                    if (cf_decimal_cmp(vals[best[c]]->value, vals[trial[c]]->value) != 0)
                        return ORDER_UNWITNESSED; /* two orders, two readings: the text cannot tell */
                continue;
            }
            memcpy(best, trial, m * sizeof *best);
            found = true;
        }
    if (found)
        memcpy(order, best, m * sizeof *order);
    return found ? ORDER_WITNESSED : ORDER_UNWITNESSED;
}

/* Does token i of ts share its line with words? */
static bool beside_words(const token_stream *ts, size_t i)
{
    for (size_t k = i; k-- > 0 && ts->items[k].line == ts->items[i].line;)
        if (ts->items[k].kind == CF_ITEM_TEXT)
            return true;
    for (size_t k = i + 1; k < ts->count && ts->items[k].line == ts->items[i].line; k++)
        if (ts->items[k].kind == CF_ITEM_TEXT)
            return true;
    return false;
}

/* Values of ts (no words, no blank fields) appended to vals[*n..DRAWN_MAX_VALUES), blank fields counted
 * in *blanks; false when more, or when a value shares its line with words (a label beside its values:
 * the labels read that) — unless ts is the text after the table's end (prose), where such a value is
 * the prose's and is passed over. */
static bool gather_values(const token_stream *ts, bool prose, const token **vals, size_t *n, size_t *blanks)
{
    size_t pending = 0; /* blank fields since the last value: past the table's last, in prose, none count */
    for (size_t i = 0; i < ts->count; i++) {
        pending += ts->items[i].kind == CF_ITEM_EMPTY;
        if (ts->items[i].kind == CF_ITEM_TEXT || ts->items[i].kind == CF_ITEM_EMPTY)
            continue;
        if (beside_words(ts, i) && !prose)
            return false;
        if (beside_words(ts, i))
            continue;
        if (*n == DRAWN_MAX_VALUES)
            return false;
        vals[(*n)++] = &ts->items[i];
        *blanks += pending;
        pending = 0;
    }
    *blanks += prose ? 0 : pending;
    return true;
}

/* Where each row's values stand among the values read: from start, count of them (fewer than its
 * cells when its other cells printed nothing). */
typedef struct {
    size_t start[64], count[64];
} row_spans;

/* The column of row r's total (the one left-hand term of a rule wholly within the row), or -1. */
static long row_total_column(const cf_template *tpl, const cf_row_def *r)
{
    for (size_t k = 0; k < cf_template_rule_count(tpl); k++) {
        const cf_rule_def *rule = cf_template_rule(tpl, k);
        bool inside = rule->left_count == 1;
        for (size_t i = 0; i < rule->left_count + rule->right_count && inside; i++) {
            size_t cell = i < rule->left_count ? rule->left[i] : rule->right[i - rule->left_count];
            inside = cell >= r->first_cell && cell < r->first_cell + r->column_count;
        }
        if (inside)
            return (long)(rule->left[0] - r->first_cell);
    }
    return -1;
}

/* Row r printed with k values for more cells, the others blank and printed as nothing: which cells
 * are blank the text does not say. The guess: the total's cell takes the one value at least the sum
 * of the others (a count's total bounds its parts), when there is one; the other values go to the
 * other cells in the order printed; the cells left over are blank (order[c] == SIZE_MAX). */
static void guess_partial(const cf_template *tpl, const cf_row_def *r, const token *const *vals, size_t k,
                          size_t *order)
{
    long total = row_total_column(tpl, r);
    long bound = -1; /* the value that bounds the others */
    bool numbers = true;
    for (size_t i = 0; i < k; i++)
        numbers &= vals[i]->kind == CF_ITEM_NUMBER;
    for (size_t i = 0; total >= 0 && numbers && i < k; i++) {
        cf_decimal others = cf_decimal_from_int(0);
        bool fits = true;
        for (size_t j = 0; j < k && fits; j++)
            fits = j == i || cf_decimal_add(others, vals[j]->value, &others);
        if (fits && cf_decimal_cmp(vals[i]->value, others) >= 0) {
            bound = bound < 0 ? (long)i : -2; /* -2: more than one, no telling */
            if (bound == -2)
                break;
        }
    }
    for (size_t c = 0; c < r->column_count; c++)
        order[c] = SIZE_MAX;
    size_t next = 0;
    if (bound >= 0)
        order[total] = (size_t)bound;
    for (size_t c = 0; c < r->column_count && next < k; c++) {
        if (bound >= 0 && (long)c == total)
            continue;
        if (bound >= 0 && next == (size_t)bound)
            next++;
        if (next < k)
            order[c] = next++;
    }
}

/* The orders of every row of t with its values where spans says (a row short of values: a guess of
 * where its blanks are); true when every full row's total holds. */
static bool window_orders(const cf_template *tpl, const cf_table_def *t, const token *const *vals,
                          const row_spans *spans, size_t (*orders)[CF_TEMPLATE_MAX_COLUMNS], row_order *how)
{
    bool all = true;
    for (size_t r = 0; r < t->row_count; r++) {
        const token *const *mine = vals + spans->start[r];
        if (spans->count[r] < t->rows[r].column_count) {
            guess_partial(tpl, &t->rows[r], mine, spans->count[r], orders[r]);
            how[r] = ORDER_UNWITNESSED;
            continue;
        }
        how[r] = witness_order(tpl, &t->rows[r], mine, orders[r]);
        all &= how[r] != ORDER_UNWITNESSED;
    }
    return all;
}

/* The spans of t's rows, in order, from vals[at], with row `short_row` (none: t->row_count) short of
 * `missing` values. */
static void lay_rows(const cf_table_def *t, size_t at, size_t short_row, size_t missing, row_spans *spans)
{
    for (size_t r = 0; r < t->row_count; r++) {
        spans->start[r] = at;
        spans->count[r] = t->rows[r].column_count - (r == short_row ? missing : 0);
        at += spans->count[r];
    }
}

/* The first (or last) of a flat table's rows, printed side by side, printed nothing: the values
 * vals[0..n) stand on one space-aligned line (pdftotext -layout), and a column heading above them
 * ends before the first value starts (starts after the last ends): the headings of a row with no
 * value under them. A row between two others could be any: never decided here. */
static bool edge_row_blank(const cf_text *text, const token_stream *ts, const token *const *vals, size_t n,
                           size_t row, size_t rows)
{
    if (n == 0 || (row != 0 && row + 1 != rows) || !cf_extract_line_is_spaced(text, vals[0]->line))
        return false;
    for (size_t i = 1; i < n; i++)
        if (vals[i]->line != vals[0]->line)
            return false;
    size_t from = cf_extract_column_of(text, NULL, vals[0]->line, vals[0]->byte_start);
    size_t to = cf_extract_column_of(text, NULL, vals[0]->line, vals[n - 1]->byte_end);
    for (size_t i = 0; i < ts->count; i++) {
        const token *tk = &ts->items[i];
        if (tk->kind != CF_ITEM_TEXT || tk->line >= vals[0]->line || !cf_extract_line_is_spaced(text, tk->line))
            continue;
        if (row == 0 ? cf_extract_column_of(text, NULL, tk->line, tk->byte_end) <= from
                     : cf_extract_column_of(text, NULL, tk->line, tk->byte_start) >= to)
            return true;
    }
    return false;
}

/* A flat table printed one cell a line in drawing order (raw PDF text): its values stand apart, among
 * its column headings' words, and PDF text may print the next part's heading (五、) among them, so the
 * lines [more_first, more_end) after that heading are read too when the region is short. Rows are the
 * unit: the values in the order printed make the rows, a row's worth each, and each row's own total is
 * the witness of its values' order (witness_order). With a few values more than cells (a value of the
 * table before, drawn after this heading), the one window under which every row holds is read; with a
 * few fewer (blank cells print nothing), the one row short of them under which every other row holds,
 * its blanks guessed (guess_partial). Cells placed by a witness, beside strays or guessed are inferred,
 * with a warning; what cannot be placed is left to the labels. */
bool cf_pdfrows_extract_flat_drawn(extractor *ex, size_t table, const token_stream *ts, size_t more_first,
                                   size_t more_end, bool *done)
{
    const cf_template *tpl = ex->report->tpl;
    const cf_table_def *t = cf_template_table(tpl, table);
    *done = false;
    size_t want = t->cell_count;
    if (want == 0 || want > DRAWN_MAX_VALUES || t->row_count > 64)
        return true;
    for (size_t r = 0; r < t->row_count; r++) /* every row needs a total of its own to witness */
        if (t->rows[r].column_count > CF_TEMPLATE_MAX_COLUMNS || row_total_column(tpl, &t->rows[r]) < 0)
            return true;
    const token **vals = cf_malloc(DRAWN_MAX_VALUES * sizeof *vals);
    size_t (*orders)[CF_TEMPLATE_MAX_COLUMNS] = cf_malloc(2 * 64 * sizeof *orders); /* chosen, trial */
    row_spans *spans = cf_malloc(2 * sizeof *spans);                                 /* chosen, trial */
    token_stream spare = {0};
    bool ok = vals && orders && spans ? true : cf_extract_oom(ex);
    size_t n = 0, blanks = 0;
    bool fits = ok && gather_values(ts, false, vals, &n, &blanks);
    if (fits && n < want && more_end > more_first) {
        const token_stream *more = cf_extract_region_tokens(ex, more_first, more_end, &spare);
        ok = more != NULL;
        fits = ok && gather_values(more, true, vals, &n, &blanks);
    }
    /* blank cells the text shows (a blank idiom) have a place: the other readers place them */
    fits &= n >= want || blanks == 0;
    row_order how[64], chosen_how[64];
    size_t (*scratch)[CF_TEMPLATE_MAX_COLUMNS] = orders ? orders + 64 : NULL;
    bool chosen = false, clear = fits && n > 0 && n + DRAWN_MAX_STRAYS >= want && n <= want + DRAWN_MAX_STRAYS;
    size_t missing = n < want ? want - n : 0;
    /* the candidates: each window of want values (n >= want), or each row short of the missing ones */
    size_t candidates = n >= want ? n - want + 1 : t->row_count;
    for (size_t i = 0; clear && i < candidates; i++) {
        if (missing && t->rows[i].column_count <= missing &&
            (t->rows[i].column_count < missing || !edge_row_blank(ex->text, ts, vals, n, i, t->row_count)))
            continue; /* a row that printed nothing at all: any row could be it, unless its place shows */
        lay_rows(t, missing ? 0 : i, missing ? i : t->row_count, missing, &spans[1]);
        if (!window_orders(tpl, t, vals, &spans[1], scratch, how) && n != want)
            continue; /* beside strays or blanks only rows that all hold are read */
        if (!chosen) {
            chosen = true;
            spans[0] = spans[1];
            memcpy(orders, scratch, 64 * sizeof *orders);
            memcpy(chosen_how, how, sizeof how);
            continue;
        }
        /* a second reading that holds: the same numbers (zeros all round), or the text cannot tell */
        for (size_t r = 0; clear && r < t->row_count; r++)
            for (size_t c = 0; c < t->rows[r].column_count; c++) {
                size_t a = orders[r][c], b = scratch[r][c];
                clear &= (a == SIZE_MAX) == (b == SIZE_MAX) &&
                         (a == SIZE_MAX || cf_decimal_cmp(vals[spans[0].start[r] + a]->value,
                                                          vals[spans[1].start[r] + b]->value) == 0);
            }
    }
    if (ok && clear && chosen) {
        bool strays = n > want;
        for (size_t r = 0; ok && r < t->row_count; r++) {
            const cf_row_def *rd = &t->rows[r];
            const token *const *mine = vals + spans[0].start[r];
            size_t first_line = spans[0].count[r] ? mine[0]->line + 1 : 0;
            bool inferred = strays || chosen_how[r] != ORDER_AS_PRINTED;
            for (size_t c = 0; ok && c < rd->column_count; c++) {
                const token *tk = orders[r][c] == SIZE_MAX ? NULL : mine[orders[r][c]];
                ok = cf_extract_fill_cell(ex, rd->first_cell + c, tk, inferred, tk ? tk->line + 1 : first_line);
            }
            if (ok && spans[0].count[r] == 0)
                ok = cf_extract_warn(
                    ex, vals[0]->line + 1, (long)rd->first_cell,
                    _("%s %s: printed nothing: the values of line %zu stand under the other rows' headings "
                      "and none under its own, so its cells are blank, check the row"),
                    t->number, rd->short_label, vals[0]->line + 1);
            else if (ok && spans[0].count[r] < rd->column_count)
                ok = cf_extract_warn(
                    ex, first_line, (long)rd->first_cell,
                    P_("%s %s: %zu value for %zu columns; which columns are blank is a guess%s, check the row",
                       "%s %s: %zu values for %zu columns; which columns are blank is a guess%s, check the row",
                       spans[0].count[r]),
                    t->number, rd->short_label, spans[0].count[r], rd->column_count, "");
            else if (ok && chosen_how[r] == ORDER_WITNESSED)
                ok = cf_extract_warn(
                    ex, first_line, (long)rd->first_cell,
                    _("%s %s: its values were printed in drawing order, not column by column; they were "
                      "placed in the one order under which the row's total holds, check the row"),
                    t->number, rd->short_label);
            else if (ok && chosen_how[r] == ORDER_UNWITNESSED)
                ok = cf_extract_warn(ex, first_line, (long)rd->first_cell,
                                     _("%s %s: its values were printed in drawing order, and no order of them "
                                       "the layout leaves open makes the row's total hold; they are kept in the "
                                       "order printed, check the row"),
                                     t->number, rd->short_label);
        }
        size_t stray_line = strays ? vals[spans[0].start[0] ? 0 : want]->line + 1 : 0;
        if (ok && strays)
            ok = cf_extract_warn(
                ex, stray_line, -1,
                P_("%s: %zu value more than the table's %zu cells stands among its values (the first on line "
                   "%zu); it was left out, as the rows' totals hold without it, check the table",
                   "%s: %zu values more than the table's %zu cells stand among its values (the first on "
                   "line %zu); they were left out, as the rows' totals hold without them, check the table",
                   n - want),
                t->number, n - want, want, stray_line);
        *done = ok;
    }
    cf_free(vals);
    cf_free(orders);
    cf_free(spans);
    cf_extract_stream_release(&spare);
    return ok;
}

/* ---------- a group of rows printed as one ---------- */

/* How many rows from t->rows[r] on sit under its group heading, each `width` cells wide, when it
 * is the first of its group; 0 otherwise (no group, a member of another width). */
static size_t group_members(const cf_table_def *t, size_t r, size_t width)
{
    const char *key = t->rows[r].group_key;
    if (!key || (r > 0 && t->rows[r - 1].group_key && strcmp(t->rows[r - 1].group_key, key) == 0))
        return 0;
    size_t members = 0;
    for (; r + members < t->row_count && t->rows[r + members].group_key &&
           strcmp(t->rows[r + members].group_key, key) == 0; members++)
        if (t->rows[r + members].column_count != width)
            return 0;
    return members;
}

/* Are vals[0..n) all the number 0? */
static bool all_zeros(const token *const *vals, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (vals[i]->kind != CF_ITEM_NUMBER || cf_decimal_cmp(vals[i]->value, cf_decimal_from_int(0)) != 0)
            return false;
    return true;
}

/* Was row r read as one of a group printed as one row (read_as_group): its group's rows hold the
 * same printed values? */
static bool read_as_one(const cf_table_def *t, const cf_cell *cells, size_t r)
{
    size_t r0 = r;
    while (r0 > 0 && t->rows[r].group_key && t->rows[r0 - 1].group_key &&
           strcmp(t->rows[r0 - 1].group_key, t->rows[r].group_key) == 0)
        r0--;
    size_t members = group_members(t, r0, t->rows[r0].column_count);
    for (size_t m = 0; m < members; m++)
        for (size_t c = 0; c < t->rows[r0].column_count; c++) {
            const cf_cell *a = &cells[t->rows[r0].first_cell + c], *b = &cells[t->rows[r0 + m].first_cell + c];
            if (a->state != CF_CELL_NUMBER || !b->inferred || b->byte_start != a->byte_start)
                return false;
        }
    return members > 1;
}

/* The values vals[0..n) as printed, one space apart, into printed[0..256) (cut when longer). */
static void print_values(const extractor *ex, const token *const *vals, size_t n, char printed[256])
{
    size_t at = 0;
    const char *data = cf_text_data(ex->text);
    printed[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        int w = snprintf(printed + at, 256 - at, "%s%.*s", i ? " " : "",
                         (int)(vals[i]->byte_end - vals[i]->byte_start), data + vals[i]->byte_start);
        at = w < 0 || (size_t)w >= 256 - at ? 255 : at + (size_t)w;
    }
}

/* The `members` rows of t from `first` on (one group), printed as one row with the values vals[0..n):
 * all zeros, the group's count is zero, so each of its rows is 0; otherwise they stay missing. Every
 * cell inferred (the report never printed those rows), and a warning says so with the printed values. */
static bool read_as_group(extractor *ex, const cf_table_def *t, const cf_row_def *first, size_t members,
                          const token *const *vals, size_t n, size_t label_line)
{
    bool zeros = all_zeros(vals, n);
    char printed[256];
    print_values(ex, vals, n, printed);
    for (size_t m = 0; m < members; m++)
        for (size_t c = 0; c < n; c++)
            if (!cf_extract_fill_cell(ex, first[m].first_cell + c, zeros ? vals[c] : NULL, true, label_line))
                return false;
    if (zeros)
        return cf_extract_warn(
            ex, vals[0]->line + 1, (long)first->first_cell,
            _("%s %s is printed as one row, as in the 2019 format, and holds only zeros (%s): its %zu "
              "rows are read as 0"),
            t->number, first->group, printed, members);
    return cf_extract_warn(ex, vals[0]->line + 1, (long)first->first_cell,
                           _("%s %s is printed as one row, as in the 2019 format, with the values %s: which of its %zu "
                             "rows they belong to cannot be told, so they are left missing"),
                           t->number, first->group, printed, members);
}

/* ---------- a labelled table printed in drawing order ---------- */

#define ROWS_SEARCH_BUDGET 200000 /* steps of the search for the rows' split (about 80 ms); past it the text cannot tell */
#define ROWS_MAX 64
#define ROWS_MEMO 4096 /* dead states remembered (a power of 2) */

#define ROWS_APART_MAX 2 /* cells of one row printed apart */
/* blank cells that print nothing: at most this many in a table, and ROWS_ROW_BLANKS parts in one row
 * (the placements of a split's blanks tried are bounded by ROWS_SEARCH_BUDGET too) */
#define ROWS_BLANKS_MAX 8
#define ROWS_ROW_BLANKS 3
#define ROWS_END_CELLS 6 /* cells left for the end whose order is tried every way */
#define RULE_NOT_HERE 255 /* rule_columns: a rule not all of whose terms are the table's cells */
#define ROWS_WIDTHS 4 /* row widths whose places to hold the search keeps (rows_fit); past them, no bound */

/* Where each row's values stand among the table's values in printed order: its cells from start[r],
 * in column order, except the cells in later[r] (a bit a column), printed later in the table, the
 * k-th of them at apart[r][k] (PDF text draws a cell beside a tall label after the rows that label
 * spans), and skip[r] values of another row between its first cell and its others (two rows whose
 * first cells are drawn beside their names, before the first row's other cells). */
typedef struct {
    size_t start[ROWS_MAX], skip[ROWS_MAX], apart[ROWS_MAX][ROWS_APART_MAX];
    size_t last_at[ROWS_MAX]; /* the last place the value a row waits for stands (n: any) */
    uint32_t later[ROWS_MAX];
    /* blank[r]: row r's cells that printed nothing (a bit a column); short[r]: how many of its parts
     * are blank, their columns chosen by the column sums once the split is whole (place_blanks) */
    uint32_t blank[ROWS_MAX];
    size_t short_by[ROWS_MAX];
    bool holds[ROWS_MAX];
    /* one row read in another column order (balance_order): that row + 1, 0 when none; its cell c
     * is the value printed as its cell order[c] */
    size_t reordered;
    unsigned char order[CF_TEMPLATE_MAX_COLUMNS];
} row_split;

/* What a row printed whole from one place gives the search (printed_row); m = 0: not worked out. */
typedef struct {
    size_t m, awaited[2];
    bool holds;
} row_at;

/* What the table's values give a row wherever it starts, worked out once for the search's rounds. */
typedef struct {
    row_at at_place[DRAWN_MAX_VALUES]; /* printed_row's, by the place a row starts */
    /* where rows could hold without a blank (rows_fit): each row's width as an index into fit
     * (ROWS_WIDTHS: not kept), and for each width, how many places before each place a row of it
     * could start and hold whole or with a cell printed later (fit[w][0]), or start a pair of rows
     * with interleaved first cells whose second holds (fit[w][1]) */
    unsigned char width[ROWS_MAX];
    uint16_t fit[ROWS_WIDTHS][2][DRAWN_MAX_VALUES + 2];
} row_fits;

/* States (a row, the rows waiting and how many hold so far) from which no split was found: the same
 * state met again by another way leads nowhere either. One table an extraction, emptied each round
 * by count = 0 and its keys cleared only when a round adds one: most tables never do. */
typedef struct {
    size_t count; /* 0: key holds nothing of this round's (not cleared yet) */
    uint64_t key[ROWS_MEMO];
} dead_states;

/* A number among the table's values and the last place it stands (value_places). */
typedef struct {
    cf_decimal value;
    size_t last;
} value_place;

typedef struct {
    const cf_template *tpl;
    const cf_table_def *t;
    /* a group printed as one row: t's row group_row stands for the group_members rows from members on */
    const cf_row_def *members;
    size_t group_row, group_members;
    const token *const *vals;
    size_t n;
    const bool *named; /* each value stands on a line with words (its row's name) */
    const value_place *places; /* vals' numbers, each once, in increasing order */
    size_t nplaces;
    const cf_cell *cells; /* the labels' reading: a row they read directly is never reordered */
    const cf_rule_def *const *balance; /* each cell's balance rule (balance_rules) */
    size_t table; /* t's index in the template */
    const token *blank; /* the value of a blank cell */
    size_t blanks, blanks_left; /* blank cells in the table (values fewer than cells); not yet placed */
    size_t bound; /* the rules the best split breaks, when a split as many rows hold is placing blanks */
    /* each rule of the template: the last column (in its row) of its terms when all are t's cells,
     * else RULE_NOT_HERE (rule_columns) */
    const unsigned char *rule_column;
    row_split cur, best;
    size_t queue[ROWS_MAX]; /* rows with cells still to come, in printed order */
    size_t min_holds; /* splits with fewer rows holding are not looked at */
    size_t best_holds, best_sums, best_apart, steps, splits;
    bool found, tie, over;
    /* cells (from the table's first) whose values differ among the best splits: the text cannot tell */
    bool differs[DRAWN_MAX_VALUES];
    bool open[DRAWN_MAX_VALUES]; /* cells whose values differ among cur's best placements of its blanks */
    dead_states *dead;
    row_fits *fits;
} row_search;

/* The bits set in x: __builtin_popcount is a call into libgcc (a byte at a time) where the CPU's
 * instruction is not assumed (x86-64 without -mpopcnt), and the search counts bits at every step */
static size_t bit_count(uint32_t x)
{
    x -= x >> 1 & 0x55555555u;
    x = (x & 0x33333333u) + (x >> 2 & 0x33333333u);
    return (size_t)(((x + (x >> 4)) & 0x0f0f0f0fu) * 0x01010101u >> 24);
}

static size_t bits_below(uint32_t mask, size_t c) { return bit_count(mask & ((1u << c) - 1u)); }

/* The value of row r's cell c under split s. */
static const token *split_value(const row_search *rs, const row_split *s, size_t r, size_t c)
{
    uint32_t later = s->later[r];
    c = s->reordered == r + 1 ? s->order[c] : c;
    if (s->blank[r] >> c & 1u)
        return rs->blank;
    return rs->vals[later >> c & 1u ? s->apart[r][bits_below(later, c)]
                                    : s->start[r] + c - bits_below(later | s->blank[r], c) + (c ? s->skip[r] : 0)];
}

/* Row r's cells under split s, cell[c] for each of its columns: split_value's, a row at once (the
 * search checks rows at every step). */
static void split_row(const row_search *rs, const row_split *s, size_t r, const token **cell)
{
    size_t m = rs->t->rows[r].column_count, printed = 0, apart = 0;
    const token *in_order[CF_TEMPLATE_MAX_COLUMNS];
    bool reordered = s->reordered == r + 1;
    for (size_t c = 0; c < m; c++) {
        const token **to = reordered ? &in_order[c] : &cell[c];
        if (s->blank[r] >> c & 1u)
            *to = rs->blank;
        else if (s->later[r] >> c & 1u)
            *to = rs->vals[s->apart[r][apart++]];
        else
            *to = rs->vals[s->start[r] + printed++ + (c ? s->skip[r] : 0)];
    }
    for (size_t c = 0; c < m && reordered; c++)
        cell[c] = in_order[s->order[c]];
}

/* Does row r's own total (its last cell, the sum of the others: cf_pdfrows_extract_rows_drawn checks the
 * template says so) hold under split s? A row with a cell not a number cannot be checked: it holds.
 * A blank part counts 0 or more: the total must be no less than the printed parts. */
static bool split_row_holds(const row_search *rs, const row_split *s, size_t r)
{
    size_t m = rs->t->rows[r].column_count;
    cf_decimal parts = cf_decimal_from_int(0);
    const token *cell[CF_TEMPLATE_MAX_COLUMNS];
    split_row(rs, s, r, cell);
    for (size_t c = 0; c + 1 < m; c++) {
        const token *tk = cell[c];
        if (tk != rs->blank && (tk->kind != CF_ITEM_NUMBER || !cf_decimal_add(parts, tk->value, &parts)))
            return true;
    }
    const token *total = cell[m - 1];
    int cmp = total->kind == CF_ITEM_NUMBER ? cf_decimal_cmp(parts, total->value) : 0;
    return s->blank[r] & ((1u << (m - 1)) - 1u) ? cmp <= 0 : cmp == 0;
}

/* Is row r's only rule of its own "its last cell is the sum of the others"? */
static bool total_is_last_sum(const cf_template *tpl, const cf_row_def *r)
{
    size_t m = r->column_count;
    for (size_t k = 0; k < cf_template_rule_count(tpl); k++) {
        const cf_rule_def *rule = cf_template_rule(tpl, k);
        if (rule->left_count != 1 || rule->left[0] != r->first_cell + m - 1 || rule->right_count != m - 1)
            continue;
        bool all = true;
        for (size_t i = 0; i < rule->right_count && all; i++)
            all = rule->right[i] >= r->first_cell && rule->right[i] < r->first_cell + m - 1;
        if (all)
            return true;
    }
    return false;
}

/* The value of each of the table's cells under split s, by_cell[cell - the table's first]; a group
 * printed as one row holds the sums of its rows: as its first row with the others *zero, every sum
 * over all of them (三(七)'s column) takes it whole. */
static void split_cells(const row_search *rs, const row_split *s, const token **by_cell, const token *zero)
{
    const cf_table_def *t = rs->t;
    for (size_t r = 0; r < t->row_count; r++)
        for (size_t c = 0; c < t->rows[r].column_count; c++)
            by_cell[t->rows[r].first_cell - t->first_cell + c] = split_value(rs, s, r, c);
    for (size_t m = 1; m < rs->group_members; m++)
        for (size_t c = 0; c < rs->members[m].column_count; c++)
            by_cell[rs->members[m].first_cell - t->first_cell + c] = zero;
}

/* The sums of rule's two sides over by_cell (the table t's cells), each cell's term but `skip`'s;
 * false when a term is outside t or not a number. */
static bool rule_sides(const cf_table_def *t, const cf_rule_def *rule, const token *const *by_cell, size_t skip,
                       cf_decimal sides[2])
{
    sides[0] = sides[1] = cf_decimal_from_int(0);
    for (int side = 0; side < 2; side++) {
        const size_t *cells = side ? rule->right : rule->left;
        size_t count = side ? rule->right_count : rule->left_count;
        for (size_t i = 0; i < count; i++) {
            if (cells[i] == skip)
                continue;
            const token *tk = cells[i] >= t->first_cell && cells[i] < t->first_cell + t->cell_count
                                  ? by_cell[cells[i] - t->first_cell] : NULL;
            if (!tk || tk->kind != CF_ITEM_NUMBER || !cf_decimal_add(sides[side], tk->value, &sides[side]))
                return false;
        }
    }
    return rule->left_count + rule->right_count > 0;
}

/* How many of the table's sums across its rows (the column rules, 总计 of the results, the
 * balance) hold with its cells by_cell (split_cells), and whether every balance rule does
 * (*balanced): the second witness, for which part of a row was printed apart. */
static size_t split_sums_hold(const row_search *rs, const token *const *by_cell, bool *balanced)
{
    size_t holding = 0;
    *balanced = true;
    for (size_t k = 0; k < cf_template_rule_count(rs->tpl); k++) {
        const cf_rule_def *rule = cf_template_rule(rs->tpl, k);
        cf_decimal sides[2];
        bool holds = rule_sides(rs->t, rule, by_cell, SIZE_MAX, sides) && cf_decimal_cmp(sides[0], sides[1]) == 0;
        holding += holds;
        *balanced &= holds || strcmp(rule->family, "balance") != 0;
    }
    return holding;
}

/* How many of the table's rules break with its cells by_cell (split_cells), a blank cell (rs->blank)
 * standing for a count not printed, 0 or more: a rule with one such term gives its value, one whose
 * blank terms are all on one side gives their sum, and breaks when that is below 0 (a value of 0
 * makes each 0); a rule left with blank terms on both sides cannot break. Rules with a term outside
 * the table or not a number are not looked at, as in split_sums_hold. A rule broken stays broken
 * whatever is solved later: past `most` breaks the count so far is returned at once. */
static size_t blank_breaks(const row_search *rs, const token *const *by_cell, size_t most)
{
    const cf_table_def *t = rs->t;
    cf_decimal value[DRAWN_MAX_VALUES];
    bool known[DRAWN_MAX_VALUES], number[DRAWN_MAX_VALUES];
    for (size_t i = 0; i < t->cell_count; i++) {
        known[i] = by_cell[i] != rs->blank;
        number[i] = !known[i] || by_cell[i]->kind == CF_ITEM_NUMBER;
        value[i] = by_cell[i]->value;
    }
    size_t breaks, rules = cf_template_rule_count(rs->tpl);
    bool changed;
    /* each pass solves what the last made known; the last (nothing new) counts the breaks */
    do {
        changed = false;
        breaks = 0;
        for (size_t k = 0; k < rules; k++) {
            /* a rule of another table, or with a term outside this one, is not usable: not looked at */
            if (rs->rule_column[k] == RULE_NOT_HERE)
                continue;
            const cf_rule_def *rule = cf_template_rule(rs->tpl, k);
            cf_decimal sides[2] = {cf_decimal_from_int(0), cf_decimal_from_int(0)}, need;
            size_t unknown[2] = {0, 0}, at = 0;
            bool usable = rule->left_count + rule->right_count > 0;
            for (int side = 0; side < 2 && usable; side++) {
                const size_t *terms = side ? rule->right : rule->left;
                for (size_t i = 0; i < (side ? rule->right_count : rule->left_count) && usable; i++) {
                    size_t cell = terms[i] - t->first_cell;
                    usable = terms[i] >= t->first_cell && cell < t->cell_count && number[cell] &&
                             (!known[cell] || cf_decimal_add(sides[side], value[cell], &sides[side]));
                    if (usable && !known[cell]) {
                        unknown[side]++;
                        at = cell;
                    }
                }
            }
            if (!usable || (unknown[0] && unknown[1]))
                continue;
            int side = unknown[1] != 0; /* the side with the blank terms, if any */
            if (!cf_decimal_sub(sides[!side], sides[side], &need))
                continue;
            if (!unknown[side] || cf_decimal_is_negative(need)) {
                breaks += cf_decimal_cmp(need, cf_decimal_from_int(0)) != 0;
                if (breaks > most)
                    return breaks;
            } else if (unknown[side] == 1 || cf_decimal_cmp(need, cf_decimal_from_int(0)) == 0) {
                const size_t *terms = side ? rule->right : rule->left;
                for (size_t i = 0; i < (side ? rule->right_count : rule->left_count); i++) {
                    size_t cell = terms[i] - t->first_cell;
                    if (!known[cell] && (unknown[side] > 1 || cell == at)) {
                        known[cell] = true;
                        value[cell] = unknown[side] > 1 ? cf_decimal_from_int(0) : need;
                        changed = true;
                    }
                }
            }
        }
    } while (changed);
    return breaks;
}

/* The placement of split rs->cur's blank parts under way (place_blanks): its short rows, each
 * row's printed parts in order and how many are placed, the cells so far (by_cell), and where the
 * best placement so far goes (best[]: the rows' blank columns, cells[]: its cells, *fewest: the
 * rules it breaks). */
typedef struct {
    size_t row[ROWS_MAX], next[ROWS_MAX], count;
    size_t columns; /* the most parts of a short row */
    const token *part[ROWS_MAX][CF_TEMPLATE_MAX_COLUMNS];
    const token **by_cell, **cells;
    uint32_t *best;
    size_t *fewest;
} blank_place;

/* How many of the table's rules whose last column is c and which have no blank term break with its
 * cells by_cell (each such rule is decided once the columns up to c are). */
static size_t column_breaks(const row_search *rs, const token *const *by_cell, size_t c)
{
    size_t breaks = 0, rules = cf_template_rule_count(rs->tpl);
    for (size_t k = 0; k < rules; k++) {
        if (rs->rule_column[k] != c)
            continue;
        const cf_rule_def *rule = cf_template_rule(rs->tpl, k);
        cf_decimal sides[2];
        bool blank = false;
        for (size_t i = 0; i < rule->left_count + rule->right_count && !blank; i++)
            blank = by_cell[(i < rule->left_count ? rule->left[i] : rule->right[i - rule->left_count]) -
                            rs->t->first_cell] == rs->blank;
        breaks += !blank && rule_sides(rs->t, rule, by_cell, SIZE_MAX, sides) &&
                  cf_decimal_cmp(sides[0], sides[1]) != 0;
    }
    return breaks;
}

static void place_cell(row_search *rs, blank_place *bp, size_t c, size_t i, size_t breaks);

/* The placements of the blank parts from column c on, `breaks` rules broken so far: column by
 * column, each short row takes its next printed part or a blank there, and the rules a column
 * decides are checked as soon as it is whole, so a placement breaking more than the best (or than
 * the best split: rs->bound) is left at once. Whole, a placement is counted by blank_breaks: the
 * fewest breaks win, the first such goes to bp->best, and cells whose values differ among
 * placements as good are marked in rs->open. Each column and placement is a step of the budget. */
static void place_column(row_search *rs, blank_place *bp, size_t c, size_t breaks)
{
    size_t most = *bp->fewest < rs->bound ? *bp->fewest : rs->bound;
    rs->over |= ++rs->steps > ROWS_SEARCH_BUDGET;
    if (rs->over || breaks > most)
        return;
    if (c < bp->columns) {
        place_cell(rs, bp, c, 0, breaks);
        return;
    }
    const cf_table_def *t = rs->t;
    size_t total = blank_breaks(rs, bp->by_cell, most);
    if (total < *bp->fewest) {
        *bp->fewest = total;
        for (size_t k = 0; k < t->row_count; k++)
            bp->best[k] = rs->cur.blank[k];
        memcpy(bp->cells, bp->by_cell, t->cell_count * sizeof *bp->cells);
        memset(rs->open, 0, sizeof rs->open);
    } else if (total == *bp->fewest) {
        for (size_t k = 0; k < t->cell_count; k++)
            rs->open[k] |= bp->by_cell[k]->kind != bp->cells[k]->kind ||
                           cf_decimal_cmp(bp->by_cell[k]->value, bp->cells[k]->value) != 0;
    }
}

/* Column c of the short rows from the i-th on: a blank or the row's next printed part, as many
 * blanks as the row is short and parts as it printed. */
static void place_cell(row_search *rs, blank_place *bp, size_t c, size_t i, size_t breaks)
{
    if (i == bp->count) {
        place_column(rs, bp, c + 1, breaks + column_breaks(rs, bp->by_cell, c));
        return;
    }
    size_t r = bp->row[i];
    const cf_row_def *rd = &rs->t->rows[r];
    size_t parts = rd->column_count - 1, blanks = bit_count(rs->cur.blank[r]);
    const token **cell = &bp->by_cell[rd->first_cell - rs->t->first_cell + c];
    if (c >= parts) {
        place_cell(rs, bp, c, i + 1, breaks);
        return;
    }
    if (blanks < rs->cur.short_by[r]) {
        rs->cur.blank[r] |= 1u << c;
        *cell = rs->blank;
        place_cell(rs, bp, c, i + 1, breaks);
        rs->cur.blank[r] &= ~(1u << c);
    }
    if (bp->next[i] < parts - rs->cur.short_by[r] && !rs->over) {
        *cell = bp->part[i][bp->next[i]++];
        place_cell(rs, bp, c, i + 1, breaks);
        bp->next[i]--;
    }
}

/* The best placements of the blank parts of split rs->cur's short rows (place_column), by_cell the
 * split's cells (changed here); the result as in blank_place. */
static void place_blanks(row_search *rs, const token **by_cell, uint32_t *best, const token **cells,
                         size_t *fewest)
{
    blank_place bp = {.by_cell = by_cell, .cells = cells, .best = best, .fewest = fewest};
    for (size_t r = 0; r < rs->t->row_count; r++) {
        size_t k = rs->cur.short_by[r];
        if (!k)
            continue;
        /* a short row's parts are printed together from its first value (split_short) */
        for (size_t j = 0; j + k + 1 < rs->t->rows[r].column_count; j++)
            bp.part[bp.count][j] = rs->vals[rs->cur.start[r] + j];
        rs->cur.blank[r] = 0;
        bp.next[bp.count] = 0;
        bp.row[bp.count++] = r;
        if (rs->t->rows[r].column_count - 1 > bp.columns)
            bp.columns = rs->t->rows[r].column_count - 1;
    }
    place_column(rs, &bp, 0, 0);
    for (size_t i = 0; i < bp.count; i++)
        rs->cur.blank[bp.row[i]] = (1u << rs->cur.short_by[bp.row[i]]) - 1u;
}

/* For each cell of table t, by_cell[cell - t's first], the balance rule (一+二 = 三(七)+四, one a column)
 * with it as a term, or NULL. */
static void balance_rules(const cf_template *tpl, const cf_table_def *t, const cf_rule_def **by_cell)
{
    memset(by_cell, 0, t->cell_count * sizeof *by_cell);
    for (size_t k = 0; k < cf_template_rule_count(tpl); k++) {
        const cf_rule_def *rule = cf_template_rule(tpl, k);
        for (size_t i = 0; i < rule->left_count + rule->right_count && strcmp(rule->family, "balance") == 0; i++) {
            size_t cell = i < rule->left_count ? rule->left[i] : rule->right[i - rule->left_count];
            if (cell >= t->first_cell && cell < t->first_cell + t->cell_count)
                by_cell[cell - t->first_cell] = rule;
        }
    }
}

/* For each rule of tpl, column[k]: the last column (in its row) of its terms when all are cells of
 * table t (index table), else RULE_NOT_HERE. */
static void rule_columns(const cf_template *tpl, size_t table, const cf_table_def *t, unsigned char *column)
{
    unsigned char of_cell[DRAWN_MAX_VALUES] = {0};
    for (size_t r = 0; r < t->row_count; r++)
        for (size_t c = 0; c < t->rows[r].column_count; c++)
            of_cell[t->rows[r].first_cell - t->first_cell + c] = (unsigned char)c;
    for (size_t k = 0; k < cf_template_rule_count(tpl); k++) {
        const cf_rule_def *rule = cf_template_rule(tpl, k);
        column[k] = rule->table == table && rule->left_count + rule->right_count ? 0 : RULE_NOT_HERE;
        for (size_t i = 0; i < rule->left_count + rule->right_count && column[k] != RULE_NOT_HERE; i++) {
            size_t cell = i < rule->left_count ? rule->left[i] : rule->right[i - rule->left_count];
            if (cell < t->first_cell || cell >= t->first_cell + t->cell_count)
                column[k] = RULE_NOT_HERE;
            else if (of_cell[cell - t->first_cell] > column[k])
                column[k] = of_cell[cell - t->first_cell];
        }
    }
}

/* Is row r's part c under split s, not among those used (a bit a part), the value need? */
static bool part_is(const row_search *rs, const row_split *s, size_t r, size_t c, uint32_t used, cf_decimal need)
{
    const token *tk = split_value(rs, s, r, c);
    return !(used >> c & 1u) && tk->kind == CF_ITEM_NUMBER && cf_decimal_cmp(tk->value, need) == 0;
}

/* Can row r, its total holding, be read in another column order under which every balance column
 * holds (the other rows as split s reads them)? Each part's balance rule then says what the part
 * must be; the row's printed parts must be those values, in some order (equal values keep their
 * printed order). order[c]: the printed part read as part c. A row the labels read is never one. */
static bool balance_order_of(const row_search *rs, const row_split *s, const token *const *by_cell, size_t r,
                             unsigned char *order)
{
    const cf_row_def *rd = &rs->t->rows[r];
    size_t parts = rd->column_count - 1;
    uint32_t used = 0;
    bool moved = false;
    if (!s->holds[r] || (rs->group_members && r == rs->group_row) || !rs->balance[rd->first_cell - rs->t->first_cell])
        return false;
    for (size_t c = 0; c < rd->column_count; c++)
        if (rs->cells[rd->first_cell + c].state != CF_CELL_MISSING && !rs->cells[rd->first_cell + c].inferred)
            return false;
    for (size_t c = 0; c < parts; c++) {
        const cf_rule_def *rule = rs->balance[rd->first_cell + c - rs->t->first_cell];
        cf_decimal sides[2], need;
        bool left = false;
        for (size_t i = 0; rule && i < rule->left_count; i++)
            left |= rule->left[i] == rd->first_cell + c;
        if (!rule || !rule_sides(rs->t, rule, by_cell, rd->first_cell + c, sides) ||
            !cf_decimal_sub(sides[left], sides[!left], &need))
            return false;
        /* the part printed in its own place first, so equal values never move */
        size_t j = c;
        if (!part_is(rs, s, r, c, used, need))
            for (j = 0; j < parts && !part_is(rs, s, r, j, used, need); j++)
                ;
        if (j == parts)
            return false;
        used |= 1u << j;
        order[c] = (unsigned char)j;
        moved |= j != c;
    }
    order[parts] = (unsigned char)parts;
    return moved;
}

/* When split s, its cells by_cell, breaks a balance column, the one row that can be read in another
 * column order making every balance column hold (balance_order_of) is, in s and by_cell; none when
 * no row can, or more than one (the sums cannot tell which was printed out of order). */
static void balance_order(const row_search *rs, row_split *s, const token **by_cell)
{
    unsigned char order[CF_TEMPLATE_MAX_COLUMNS];
    size_t found = 0;
    for (size_t r = 0; r < rs->t->row_count && found < 2; r++)
        if (balance_order_of(rs, s, by_cell, r, order)) {
            found++;
            s->reordered = r + 1;
            memcpy(s->order, order, sizeof order);
        }
    if (found != 1) {
        s->reordered = 0;
        return;
    }
    const cf_row_def *rd = &rs->t->rows[s->reordered - 1];
    for (size_t c = 0; c < rd->column_count; c++)
        by_cell[rd->first_cell - rs->t->first_cell + c] = split_value(rs, s, s->reordered - 1, c);
}

/* A whole split found: kept when more rows hold than under the best so far, then more of the
 * table's sums (with a row read in another column order when the balance allows one: balance_order),
 * then one needing no such order, then fewer rows printed apart; one as good giving other numbers is
 * a tie, and the cells whose numbers differ are marked (the text cannot tell them). */
static void split_done(row_search *rs, size_t holds, size_t apart)
{
    rs->splits++;
    const token *by_cell[DRAWN_MAX_VALUES];
    token zero = {.kind = CF_ITEM_NUMBER, .value = cf_decimal_from_int(0)};
    split_cells(rs, &rs->cur, by_cell, &zero);
    bool balanced = true;
    size_t sums;
    if (rs->blanks) {
        /* the blanks where the fewest of the table's sums break: each rule that does not counts */
        uint32_t best[ROWS_MAX];
        const token *work[DRAWN_MAX_VALUES];
        size_t fewest = SIZE_MAX;
        /* a placement breaking more than the best split does, as many rows holding, is worse whatever
         * else it breaks: its count stops there */
        rs->bound = SIZE_MAX;
        if (rs->found && holds == rs->best_holds)
            rs->bound = cf_template_rule_count(rs->tpl) - rs->best_sums;
        memcpy(work, by_cell, rs->t->cell_count * sizeof *work);
        place_blanks(rs, work, best, by_cell, &fewest);
        if (rs->over || fewest == SIZE_MAX)
            return; /* out of budget, or every placement worse than the best split */
        memcpy(rs->cur.blank, best, rs->t->row_count * sizeof *best);
        sums = cf_template_rule_count(rs->tpl) - fewest;
    } else {
        sums = split_sums_hold(rs, by_cell, &balanced);
    }
    /* a row printed in a column order of its own (LibreOffice's PDF of row 一): read in the one order
     * the balance columns allow, when that makes more of the table's sums hold */
    if (!balanced) {
        balance_order(rs, &rs->cur, by_cell);
        size_t reordered_sums = rs->cur.reordered ? split_sums_hold(rs, by_cell, &balanced) : 0;
        if (reordered_sums > sums && balanced)
            sums = reordered_sums;
        else
            rs->cur.reordered = 0;
    }
    /* as many sums hold with the rows as printed: that split is the better (the order is a last resort) */
    bool moved = rs->cur.reordered != 0, best_moved = rs->best.reordered != 0;
    int better = !rs->found ? 1 : holds != rs->best_holds ? (holds > rs->best_holds ? 1 : -1)
                 : sums != rs->best_sums ? (sums > rs->best_sums ? 1 : -1)
                 : moved != best_moved ? (best_moved ? 1 : -1)
                 : apart != rs->best_apart ? (apart < rs->best_apart ? 1 : -1) : 0;
    if (better > 0) {
        rs->best = rs->cur;
        rs->best_holds = holds;
        rs->best_sums = sums;
        rs->best_apart = apart;
        rs->found = true;
        rs->tie = false;
        memcpy(rs->differs, rs->open, sizeof rs->differs);
    } else if (better == 0) {
        for (size_t i = 0; i < rs->t->cell_count; i++)
            rs->differs[i] |= rs->open[i];
    }
    for (size_t r = 0; r < rs->t->row_count && better == 0; r++)
        for (size_t c = 0; c < rs->t->rows[r].column_count; c++) {
            const token *a = split_value(rs, &rs->cur, r, c), *b = split_value(rs, &rs->best, r, c);
            if (a->kind != b->kind || cf_decimal_cmp(a->value, b->value) != 0)
                rs->tie = rs->differs[rs->t->rows[r].first_cell - rs->t->first_cell + c] = true;
        }
    rs->cur.reordered = 0; /* the search goes on from cur's rows as printed */
}

/* The sum of vals[at, at + count) into *sum; false when one is not a number or the sum overflows. */
static bool printed_sum(const row_search *rs, size_t at, size_t count, cf_decimal *sum)
{
    *sum = cf_decimal_from_int(0);
    for (size_t k = at; k < at + count; k++)
        if (rs->vals[k]->kind != CF_ITEM_NUMBER || !cf_decimal_add(*sum, rs->vals[k]->value, sum))
            return false;
    return true;
}

/* Can a row of m cells, one printed later and the others from vals[at] on in column order, still
 * hold: where the value it needs stands last from vals[from] on; 0 when nowhere. With `total` its
 * total is the cell printed later and the sum of the m - 1 values is needed; else a part is, and
 * which part does not matter: the values are the other parts, then the total, whichever it is. */
static size_t awaited_value_at(const row_search *rs, size_t at, size_t m, bool total, size_t from)
{
    cf_decimal parts, need;
    const token *tk = rs->vals[at + m - 2];
    if (!printed_sum(rs, at, m - 1 - !total, &parts))
        return 0;
    if (total)
        need = parts;
    else if (tk->kind != CF_ITEM_NUMBER || cf_decimal_cmp(tk->value, parts) < 0 ||
             !cf_decimal_sub(tk->value, parts, &need))
        return 0;
    /* the search asks at nearly every step: a binary search, not a walk over every value */
    size_t lo = 0, hi = rs->nplaces;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int cmp = cf_decimal_cmp(rs->places[mid].value, need);
        if (cmp == 0)
            return rs->places[mid].last >= from ? rs->places[mid].last : 0;
        if (cmp < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}

/* Row r printed whole from vals[at] on (at + its cells <= n), as split_rows tries it at each place:
 * whether its total holds so (as split_row_holds), and where the value it awaits stands when its
 * total or a part is printed later instead (awaited_value_at). Worked out once a place and width:
 * the search comes back to a place by many ways. */
static const row_at *printed_row(row_search *rs, size_t r, size_t at)
{
    row_at *ra = &rs->fits->at_place[at];
    size_t m = rs->t->rows[r].column_count;
    if (ra->m != m) {
        cf_decimal parts;
        const token *total = rs->vals[at + m - 1];
        ra->m = m;
        ra->holds = !printed_sum(rs, at, m - 1, &parts) || total->kind != CF_ITEM_NUMBER ||
                    cf_decimal_cmp(parts, total->value) == 0;
        ra->awaited[0] = awaited_value_at(rs, at, m, false, at + m - 1);
        ra->awaited[1] = awaited_value_at(rs, at, m, true, at + m - 1);
    }
    return ra;
}

static int by_value(const void *a, const void *b)
{
    return cf_decimal_cmp(((const value_place *)a)->value, ((const value_place *)b)->value);
}

/* The numbers among vals[0, n), each once with the last place it stands, in increasing order, into
 * places (room for n); returns how many. */
static size_t value_places(const token *const *vals, size_t n, value_place *places)
{
    size_t count = 0, distinct = 0;
    for (size_t i = 0; i < n; i++)
        if (vals[i]->kind == CF_ITEM_NUMBER)
            places[count++] = (value_place){vals[i]->value, i};
    qsort(places, count, sizeof *places, by_value);
    for (size_t i = 0; i < count; i++) {
        if (!distinct || cf_decimal_cmp(places[distinct - 1].value, places[i].value) != 0)
            places[distinct++] = places[i];
        else if (places[i].last > places[distinct - 1].last)
            places[distinct - 1].last = places[i].last;
    }
    return distinct;
}

/* Do the values vals[from, to) printed apart from their row each stand on a line of their own? A
 * value beside another on its line was drawn with it: its place is not open. */
static bool apart_alone(const row_search *rs, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++)
        if (!alone_on_line(rs->vals, rs->n, i))
            return false;
    return true;
}

/* Where the rows of rs->t could hold without a blank (rs->fits): a row of each width read
 * whole from each place, as split_rows tries it (printed_row), and a pair of them with interleaved first
 * cells, as split_interleaved does. */
static void rows_fit(row_search *rs)
{
    const cf_table_def *t = rs->t;
    row_fits *f = rs->fits;
    size_t width[ROWS_WIDTHS], widths = 0;
    row_split s = {0};
    for (size_t r = 0; r < t->row_count; r++) {
        size_t m = t->rows[r].column_count, w = 0;
        while (w < widths && width[w] != m)
            w++;
        f->width[r] = (unsigned char)w;
        if (w < widths || w == ROWS_WIDTHS)
            continue;
        width[widths++] = m;
        for (size_t at = 0; at <= rs->n; at++) {
            const row_at *whole = at + m <= rs->n ? printed_row(rs, r, at) : NULL;
            bool fits = whole && (whole->holds || whole->awaited[0] || whole->awaited[1]), pair = false;
            if (at + 2 * m <= rs->n && alone_on_line(rs->vals, rs->n, at + 1)) {
                s.start[r] = at + 1;
                s.skip[r] = m - 1;
                pair = split_row_holds(rs, &s, r);
            }
            f->fit[w][0][at + 1] = (uint16_t)(f->fit[w][0][at] + fits);
            f->fit[w][1][at + 1] = (uint16_t)(f->fit[w][1][at] + pair);
        }
    }
}

/* Is a place in [lo, hi] counted in fit (a row of rs->fits->fit), places past n being none? */
static bool fits_between(const row_search *rs, const uint16_t *fit, size_t lo, size_t hi)
{
    hi = hi < rs->n ? hi : rs->n;
    return lo <= hi && fit[hi + 1] != fit[lo];
}

/* At most how many of rows r.. can still hold, the search at value p with `pending` cells of the
 * waiting rows still to come: a bound that cuts only ways no split lies on, so the splits found stay
 * the same. A row that holds takes a blank (blanks_left of them can), or fits where it starts
 * (rows_fit), or is the last row (its total and a part may come after the names), or the second of
 * an interleaved pair. Row q starts past the cells of rows r..q-1 from p, less the blanks and a cell
 * printed later a row (only the last row prints two later), plus the waiting cells taken first. */
static size_t rows_may_hold(const row_search *rs, size_t r, size_t p, size_t pending)
{
    const cf_table_def *t = rs->t;
    size_t fitting = 0, cells = 0;
    bool pair = false; /* the row before may start an interleaved pair whose second row holds */
    for (size_t q = r; q < t->row_count; q++) {
        size_t w = rs->fits->width[q], least = rs->blanks_left + (q - r);
        size_t lo = p + cells > least ? p + cells - least : 0, hi = p + cells + pending;
        bool opens = w == ROWS_WIDTHS || fits_between(rs, rs->fits->fit[w][1], lo, hi);
        fitting += pair || opens || q + 1 == t->row_count || fits_between(rs, rs->fits->fit[w][0], lo, hi);
        pair = opens;
        cells += t->rows[q].column_count;
    }
    size_t most = fitting + rs->blanks_left;
    return most < t->row_count - r ? most : t->row_count - r;
}

/* The state of the search before row r at value p: the rows waiting (where their first cells stand,
 * which are still to come) and how many rows hold so far; 0 is kept for an empty slot. */
static uint64_t split_state(const row_search *rs, size_t r, size_t p, size_t qh, size_t qt, size_t holds)
{
    uint64_t h = 1469598103934665603u;
    size_t words[4] = {r, holds, qt - qh, p};
    for (size_t i = 0; i < 4; i++)
        h = (h ^ words[i]) * 1099511628211u;
    for (size_t i = qh; i < qt; i++) {
        size_t w = rs->queue[i];
        h = (h ^ w) * 1099511628211u;
        h = (h ^ rs->cur.later[w]) * 1099511628211u;
        h = (h ^ rs->cur.start[w]) * 1099511628211u;
    }
    return h ? h : 1;
}

/* Is state key among the dead ones; with add, make it one (when there is room). */
static bool split_dead(row_search *rs, uint64_t key, bool add)
{
    dead_states *d = rs->dead;
    if (!d->count) {
        if (!add)
            return false;
        memset(d->key, 0, sizeof d->key);
    }
    size_t i = (size_t)key & (ROWS_MEMO - 1);
    for (; d->key[i]; i = (i + 1) & (ROWS_MEMO - 1))
        if (d->key[i] == key)
            return true;
    if (add && d->count < ROWS_MEMO / 4 * 3) {
        d->key[i] = key;
        d->count++;
    }
    return false;
}

/* A cell waiting at the end of the table: row, which of its cells printed apart, whether its last. */
typedef struct {
    size_t row, slot;
    bool last;
} end_cell;

/* At the end of the table the values left, vals[p, p+k), go to the waiting cells cells[i..k) in
 * whichever order makes most rows hold: PDF text prints what it drew apart in an order of its own
 * (a later row's part before an earlier row's total). used: the values taken; open: waiting rows
 * not yet whole. */
static void split_end(row_search *rs, const end_cell *cells, size_t k, size_t i, uint32_t used, size_t p, size_t got,
                      size_t open, size_t apart)
{
    if (got + open < rs->min_holds || ++rs->steps > ROWS_SEARCH_BUDGET) {
        rs->over |= rs->steps > ROWS_SEARCH_BUDGET;
        return;
    }
    if (i == k) {
        split_done(rs, got, apart);
        return;
    }
    const end_cell *e = &cells[i];
    for (size_t j = 0; j < k && !rs->over; j++) {
        if (used >> j & 1u || !alone_on_line(rs->vals, rs->n, p + j))
            continue;
        rs->cur.apart[e->row][e->slot] = p + j;
        bool hold = e->last && split_row_holds(rs, &rs->cur, e->row);
        if (e->last)
            rs->cur.holds[e->row] = hold;
        split_end(rs, cells, k, i + 1, used | 1u << j, p, got + hold, open - e->last, apart);
    }
}

static void split_rows(row_search *rs, size_t r, size_t p, size_t qh, size_t qt, size_t holds, size_t apart);

/* Rows r and r+1 from value at on with their first cells printed one after the other, each beside
 * its name, before row r's other cells, then row r+1's (a name as tall as two rows): tried when row
 * r's total does not hold as printed and row r+1's does so, its first cell alone on its line; row r
 * may stay broken (a report's own error). */
static void split_interleaved(row_search *rs, size_t r, size_t at, size_t qh, size_t qt, size_t holds, size_t apart)
{
    const cf_table_def *t = rs->t;
    size_t m = t->rows[r].column_count;
    if (r + 1 >= t->row_count || t->rows[r + 1].column_count != m || at + 2 * m > rs->n ||
        !alone_on_line(rs->vals, rs->n, at + 1))
        return;
    rs->cur.skip[r] = 1;
    rs->cur.start[r + 1] = at + 1;
    rs->cur.skip[r + 1] = m - 1;
    rs->cur.later[r + 1] = 0;
    if (split_row_holds(rs, &rs->cur, r + 1)) {
        rs->cur.holds[r] = split_row_holds(rs, &rs->cur, r);
        rs->cur.holds[r + 1] = true;
        split_rows(rs, r + 2, at + 2 * m, qh, qt, holds + rs->cur.holds[r] + 1, apart + 1);
    }
    rs->cur.skip[r] = 0;
    rs->cur.skip[r + 1] = 0;
}

/* Row r from value at on, holding as printed, read with its first cell last: the value beside its
 * name printed after its other cells, each on a line before (plain pdftotext of a row a page break
 * cuts draws the name's cell last). It holds so only when its other parts are 0: the table's sums
 * tell the two readings apart (split_done), and a tie leaves the cells unread. */
static void split_name_last(row_search *rs, size_t r, size_t at, size_t qh, size_t qt, size_t holds, size_t apart)
{
    size_t m = rs->t->rows[r].column_count, last = at + m - 1;
    if (!rs->named[last] || rs->named[last - 1] || rs->vals[last - 1]->line >= rs->vals[last]->line ||
        rs->vals[last]->kind != CF_ITEM_NUMBER || rs->vals[at]->kind != CF_ITEM_NUMBER ||
        cf_decimal_cmp(rs->vals[last]->value, rs->vals[at]->value) == 0)
        return;
    rs->cur.later[r] = 1u;
    rs->cur.apart[r][0] = last;
    if (split_row_holds(rs, &rs->cur, r))
        split_rows(rs, r + 1, at + m, qh, qt, holds + 1, apart + 1);
    rs->cur.later[r] = 0;
}

/* Row r from value at on short of values, its blank cells printing nothing: k of its parts blank
 * (at most ROWS_ROW_BLANKS), its total printed last and no less than its printed parts, or printed
 * later in the table (the row waits for it), or its total blank; tried while the table has blanks
 * left. Which parts are blank the column sums decide once the split is whole (place_blanks): here
 * the first k stand for them. */
static void split_short(row_search *rs, size_t r, size_t at, size_t qh, size_t qt, size_t holds, size_t apart)
{
    size_t m = rs->t->rows[r].column_count;
    /* k parts blank, or (k = ROWS_ROW_BLANKS + 1, tried last) the total; the likelier first, so the
     * best split is found early and bounds the placements of the others (place_column) */
    for (size_t j = 1; j <= ROWS_ROW_BLANKS + 1 && !rs->over; j++) {
        size_t k = j <= ROWS_ROW_BLANKS ? j : 0, blanks = k ? k : 1, got = m - blanks;
        if (blanks + 1 >= m || blanks > rs->blanks_left || at + got > rs->n)
            continue;
        cf_decimal parts = cf_decimal_from_int(0);
        bool numbers = true;
        for (size_t i = at; i < at + got && numbers; i++)
            numbers = rs->vals[i]->kind == CF_ITEM_NUMBER &&
                      (i + 1 == at + got || cf_decimal_add(parts, rs->vals[i]->value, &parts));
        if (!numbers || (k && cf_decimal_cmp(rs->vals[at + got - 1]->value, parts) < 0))
            continue;
        rs->cur.blank[r] = k ? (1u << k) - 1u : 1u << (m - 1);
        rs->cur.short_by[r] = k;
        rs->cur.holds[r] = true;
        rs->blanks_left -= blanks;
        split_rows(rs, r + 1, at + got, qh, qt, holds + 1, apart);
        rs->blanks_left += blanks;
    }
    for (size_t k = 1; k <= ROWS_ROW_BLANKS && k + 1 < m && k <= rs->blanks_left && !rs->over; k++) {
        if (at + m - 1 - k > rs->n)
            continue;
        rs->cur.blank[r] = (1u << k) - 1u;
        rs->cur.short_by[r] = k;
        rs->cur.later[r] = 1u << (m - 1);
        rs->cur.last_at[r] = rs->n;
        rs->queue[qt] = r;
        rs->blanks_left -= k;
        split_rows(rs, r + 1, at + m - 1 - k, qh, qt + 1, holds, apart + 1);
        rs->blanks_left += k;
    }
    rs->cur.later[r] = 0;
    rs->cur.blank[r] = 0;
    rs->cur.short_by[r] = 0;
}

/* Rows r.. from value p on, rows queue[qh..qt) waiting for their cells printed later. Before row r
 * the first waiting rows take theirs when their totals then hold (at the end every waiting row
 * does, in whichever order: split_end); then row r takes its cells: as printed when its total holds
 * so, which a report's own break can never undo; else with one cell printed later (its total, or a
 * part, when the value it needs follows), the last row also with its total and one part printed
 * after the table's names, or as printed, broken. */
static void split_rows(row_search *rs, size_t r, size_t p, size_t qh, size_t qt, size_t holds, size_t apart)
{
    const cf_table_def *t = rs->t;
    if (++rs->steps > ROWS_SEARCH_BUDGET) {
        rs->over = true;
        return;
    }
    size_t may_hold = 0, pending = 0; /* waiting rows whose awaited value still stands ahead; their cells */
    for (size_t i = qh; i < qt; i++) {
        may_hold += rs->cur.last_at[rs->queue[i]] >= p;
        pending += bit_count(rs->cur.later[rs->queue[i]]);
    }
    /* too few rows can hold: the first test costs nothing, the second looks at where the rest can start */
    if (holds + (t->row_count - r) + may_hold < rs->min_holds ||
        holds + rows_may_hold(rs, r, p, pending) + may_hold < rs->min_holds)
        return;
    if (r == t->row_count) {
        end_cell cells[ROWS_END_CELLS];
        size_t k = 0;
        for (size_t i = qh; i < qt; i++)
            for (size_t b = 0; b < bit_count(rs->cur.later[rs->queue[i]]); b++) {
                if (k == ROWS_END_CELLS)
                    return;
                cells[k++] = (end_cell){rs->queue[i], b, b + 1 == bit_count(rs->cur.later[rs->queue[i]])};
            }
        if (p + k == rs->n && !rs->blanks_left)
            split_end(rs, cells, k, 0, 0, p, holds, qt - qh, apart);
        return;
    }
    uint64_t state = split_state(rs, r, p, qh, qt, holds);
    if (split_dead(rs, state, false))
        return;
    size_t splits = rs->splits;
    /* how many of the first waiting rows hold with the values here (the row just read only after
     * another: right after itself its cells would stand where they belong) */
    size_t holding = 0, at = p;
    for (size_t i = qh; i < qt && (rs->queue[i] + 1 < r || i > qh); i++) {
        size_t w = rs->queue[i];
        size_t from = at;
        for (size_t k = 0; k < bit_count(rs->cur.later[w]); k++)
            rs->cur.apart[w][k] = at++;
        if (at > rs->n || !apart_alone(rs, from, at) || !split_row_holds(rs, &rs->cur, w))
            break;
        rs->cur.holds[w] = true;
        holding++;
    }
    for (size_t d = holding + 1; d-- > 0 && !rs->over;) {
        at = p;
        for (size_t i = 0; i < d; i++)
            at += bit_count(rs->cur.later[rs->queue[qh + i]]);
        size_t m = t->rows[r].column_count;
        rs->cur.start[r] = at;
        rs->cur.skip[r] = 0;
        rs->cur.later[r] = 0;
        const row_at *printed = at + m <= rs->n ? printed_row(rs, r, at) : NULL;
        if (printed && printed->holds) {
            rs->cur.holds[r] = true;
            split_rows(rs, r + 1, at + m, qh + d, qt, holds + d + 1, apart);
            if (!rs->over)
                split_name_last(rs, r, at, qh + d, qt, holds + d, apart);
            continue;
        }
        split_short(rs, r, at, qh + d, qt, holds + d, apart);
        if (at + m > rs->n)
            continue;
        uint32_t masks[2 * CF_TEMPLATE_MAX_COLUMNS];
        size_t nmasks = 0;
        size_t last_at[2 * CF_TEMPLATE_MAX_COLUMNS]; /* where the value a mask of one cell awaits stands last */
        for (size_t c = 0; c < m; c++) {
            last_at[nmasks] = printed->awaited[c + 1 == m];
            if (last_at[nmasks])
                masks[nmasks++] = 1u << c;
        }
        /* the last row: its total and one part may stand after the table's names */
        for (size_t c = 0; c + 1 < m && r + 1 == t->row_count; c++) {
            last_at[nmasks] = rs->n;
            masks[nmasks++] = 1u << c | 1u << (m - 1);
        }
        for (size_t k = 0; k < nmasks && !rs->over; k++) {
            rs->cur.start[r] = at;
            rs->cur.last_at[r] = last_at[k];
            rs->cur.later[r] = masks[k];
            rs->queue[qt] = r;
            split_rows(rs, r + 1, at + m - bit_count(masks[k]), qh + d, qt + 1, holds + d,
                       apart + 1);
        }
        rs->cur.start[r] = at;
        rs->cur.later[r] = 0;
        if (!rs->over)
            split_interleaved(rs, r, at, qh + d, qt, holds + d, apart);
        rs->cur.holds[r] = false;
        if (!rs->over)
            split_rows(rs, r + 1, at + m, qh + d, qt, holds + d, apart);
    }
    if (!rs->over && rs->splits == splits)
        split_dead(rs, state, true);
}

/* How many of the first `want` values of ts (the region after the next part's heading) stand each
 * on a line of their own before any blank field or grid: a table cut by a page break, whose last
 * cells PDF text prints after the next heading; 0 when fewer. */
static size_t next_page_values(const token_stream *ts, size_t want)
{
    size_t got = 0;
    for (size_t i = 0; i < ts->count && got < want; i++) {
        const token *tk = &ts->items[i];
        if (tk->kind == CF_ITEM_TEXT)
            continue;
        if (tk->kind == CF_ITEM_EMPTY || tk->field >= 0 || tk->grid)
            return 0;
        /* beside another value: a row of the next table */
        for (size_t k = i; k-- > 0 && ts->items[k].line == tk->line;)
            if (ts->items[k].kind != CF_ITEM_TEXT)
                return 0;
        for (size_t k = i + 1; k < ts->count && ts->items[k].line == tk->line; k++)
            if (ts->items[k].kind != CF_ITEM_TEXT)
                return 0;
        got++;
    }
    return got == want ? got : 0;
}

/* The rows placed[] of the split found, whose totals hold, named in two warnings rather than one a
 * row (a table of 25 rows gave 24): those printed in their row's order, as runs in the form's order
 * ("A … B" names every row from A to B), and those with cells printed later in the table, each with
 * the line of the first. Each warning stands on its first row; every cell named is inferred already. */
static bool warn_placed_rows(extractor *ex, const row_search *rs, const bool *placed)
{
    const cf_table_def *t = rs->t;
    const row_split *s = &rs->best;
    bool ok = true;
    for (int apart = 0; apart < 2 && ok; apart++) {
        cf_buf list;
        cf_buf_init(&list);
        size_t count = 0, first = 0;
        for (size_t r = 0; ok && r < t->row_count; r++) {
            if (!placed[r] || (s->later[r] != 0) != (apart == 1))
                continue;
            first = count++ ? first : r;
            bool starts = r == 0 || !placed[r - 1] || s->later[r - 1];
            bool ends = r + 1 == t->row_count || !placed[r + 1] || s->later[r + 1];
            if (apart)
                ok = (!list.len || cf_buf_puts(&list, _(", "))) &&
                     cf_buf_printf(&list, _("%s (line %zu)"), t->rows[r].short_label,
                                   rs->vals[s->apart[r][0]]->line + 1);
            else if (starts || ends)
                ok = (!list.len || cf_buf_puts(&list, starts ? _(", ") : " … ")) &&
                     cf_buf_puts(&list, t->rows[r].short_label);
        }
        if (!ok) {
            cf_buf_release(&list);
            return cf_extract_oom(ex);
        }
        if (count && !apart)
            ok = cf_extract_warn(ex, rs->vals[s->start[first]]->line + 1, (long)t->rows[first].first_cell,
                                 P_("%s: %zu row stands apart from its name (PDF text in drawing order) and was "
                                    "taken by its place among the table's rows, where its total holds: %s; check it",
                                    "%s: %zu rows stand apart from their names (PDF text in drawing order) and "
                                    "were taken by their place among the table's rows, where each row's total "
                                    "holds: %s; check them",
                                    count),
                                 t->number, count, list.data);
        else if (count)
            ok = cf_extract_warn(ex, rs->vals[s->start[first]]->line + 1, (long)t->rows[first].first_cell,
                                 P_("%s: %zu row stands apart from its name (PDF text in drawing order) with cells "
                                    "printed later in the table, placed where its total holds: %s; check it",
                                    "%s: %zu rows stand apart from their names (PDF text in drawing order) with "
                                    "cells printed later in the table, placed where each row's total holds: %s; "
                                    "check them",
                                    count),
                                 t->number, count, list.data);
        cf_buf_release(&list);
    }
    return ok;
}

/* The rules of table rs->t the best split breaks, when it has blank cells (place_blanks). */
static size_t best_breaks(const row_search *rs) { return cf_template_rule_count(rs->tpl) - rs->best_sums; }

/* The warning on row r of split rs->best, short of values (its blank cells printed nothing): where
 * its blanks were taken to be, the only columns where every sum of the table holds; or, when none
 * does (best_breaks: its cells are left empty) or placements as good disagree (open: cells left
 * empty), why. */
static bool warn_blanks(extractor *ex, const row_search *rs, size_t r, size_t line, size_t open)
{
    const cf_row_def *rd = &rs->t->rows[r];
    size_t printed = rd->column_count - bit_count(rs->best.blank[r]);
    size_t breaks = best_breaks(rs);
    long cell = (long)rd->first_cell;
    if (breaks)
        return cf_extract_warn(
            ex, line, cell,
            P_("%s %s: %zu values for its %zu cells, the others printed nothing (PDF text); no columns "
               "for its blank cells make every sum of the table hold (%zu still breaks), so its cells "
               "are left empty, check the row",
               "%s %s: %zu values for its %zu cells, the others printed nothing (PDF text); no columns "
               "for its blank cells make every sum of the table hold (%zu still break), so its cells "
               "are left empty, check the row",
               breaks),
            rs->t->number, rd->short_label, printed, rd->column_count, breaks);
    if (open)
        return cf_extract_warn(
            ex, line, (long)rd->first_cell,
            P_("%s %s: %zu values for its %zu cells, the others printed nothing (PDF text); the table's "
               "sums hold as well with its blank cells in other columns, so %zu cell is left empty, check "
               "the row",
               "%s %s: %zu values for its %zu cells, the others printed nothing (PDF text); the table's "
               "sums hold as well with its blank cells in other columns, so %zu cells are left empty, "
               "check the row",
               open),
            rs->t->number, rd->short_label, printed, rd->column_count, open);
    cf_buf where;
    cf_buf_init(&where);
    bool ok = true;
    for (size_t c = 0; c < rd->column_count && ok; c++)
        if (rs->best.blank[r] >> c & 1u)
            ok = (!where.len || cf_buf_puts(&where, _(", "))) &&
                 cf_buf_puts(&where, rs->t->columns[rd->columns[c]].short_label);
    ok = ok ? cf_extract_warn(
                  ex, line, cell,
                  _("%s %s: %zu values for its %zu cells, the others printed nothing (PDF text); they were taken "
                    "as blank in %s, the only columns where every sum of the table holds, check the row"),
                  rs->t->number, rd->short_label, printed, rd->column_count, where.data)
            : cf_extract_oom(ex);
    cf_buf_release(&where);
    return ok;
}

/* The warning on row r of split rs->best, read in another column order than printed (balance_order):
 * the printed values, the balance rule and the cells moved, so a reviewer can undo it. */
static bool warn_reordered(extractor *ex, const row_search *rs, size_t r, size_t line)
{
    const cf_row_def *rd = &rs->t->rows[r];
    const row_split *s = &rs->best;
    row_split printed_split = *s;
    printed_split.reordered = 0;
    const token *row[CF_TEMPLATE_MAX_COLUMNS];
    for (size_t c = 0; c < rd->column_count; c++)
        row[c] = split_value(rs, &printed_split, r, c);
    char printed[256];
    print_values(ex, row, rd->column_count, printed);
    const cf_rule_def *rule = rs->balance[rd->first_cell - rs->t->first_cell];
    cf_buf moved;
    cf_buf_init(&moved);
    bool ok = true;
    for (size_t c = 0; c < rd->column_count && ok; c++) {
        const token *tk = split_value(rs, s, r, c);
        if (s->order[c] != c)
            ok = (!moved.len || cf_buf_puts(&moved, _(", "))) &&
                 cf_buf_printf(&moved, "%s %.*s", rs->t->columns[rd->columns[c]].short_label,
                               (int)(tk->byte_end - tk->byte_start), cf_text_data(ex->text) + tk->byte_start);
    }
    ok = ok ? cf_extract_warn(
                  ex, line, (long)rd->first_cell,
                  _("%s %s: as printed (%s) it breaks %s = %s in some columns; only one other order of its cells "
                    "makes every column hold, so its cells were taken in that order from the column sums (%s), "
                    "check the row"),
                  rs->t->number, rd->short_label, printed, rule->left_text, rule->right_text, moved.data)
            : cf_extract_oom(ex);
    cf_buf_release(&moved);
    return ok;
}

/* ---------- two rows printed interleaved ---------- */

#define PAIR_STEPS_MAX 20000 /* orders of a pair's cells tried: two rows of 7 cells have 429 */

/* Two rows of m cells whose values, vals[at, at + 2m), come in an order of the text's own: pdfminer
 * prints the first cells of both rows, then their other cells a column or two at a time ("119 303
 * 358 237 · 142 347 228 259 · 44 15 · 27 1088 · 308 1299"). Each row's cells stand in column order,
 * and each cell of the second row after the same cell of the first: every such order is tried, and
 * the assignments of the values under which both rows' totals hold are counted, as far as two. */
typedef struct {
    const cf_template *tpl;
    const cf_row_def *rows; /* the pair's first row; the second follows it */
    const token *const *vals;
    size_t at, m, steps;
    size_t in_order[CF_TEMPLATE_MAX_COLUMNS]; /* cell c holds cur[r][c] */
    const token *cur[2][CF_TEMPLATE_MAX_COLUMNS];
    const token *found[2][CF_TEMPLATE_MAX_COLUMNS];
    size_t solutions;
} pair_search;

/* Does row k of the pair hold, and could it be checked, with the values placed so far? */
static bool pair_row_holds(const pair_search *ps, size_t k)
{
    bool checked;
    return row_holds_in(ps->tpl, &ps->rows[k], ps->cur[k], ps->in_order, &checked) && checked;
}

/* Do the two assignments give every cell the same value? (zeros in another order are one reading) */
static bool pair_same(const pair_search *ps)
{
    for (size_t r = 0; r < 2; r++)
        for (size_t c = 0; c < ps->m; c++)
            if (cf_decimal_cmp(ps->cur[r][c]->value, ps->found[r][c]->value) != 0)
                return false;
    return true;
}

/* Place the next value in the first row's cell `first` or the second's `second`, every way the
 * order allows. */
static void pair_orders(pair_search *ps, size_t first, size_t second)
{
    if (ps->solutions > 1 || ++ps->steps > PAIR_STEPS_MAX)
        return;
    size_t m = ps->m;
    if (second == m) {
        if (!pair_row_holds(ps, 1) || (ps->solutions && pair_same(ps)))
            return;
        if (ps->solutions++ == 0)
            memcpy(ps->found, ps->cur, sizeof ps->found);
        return;
    }
    const token *next = ps->vals[ps->at + first + second];
    if (first < m) {
        ps->cur[0][first] = next;
        if (first + 1 < m || pair_row_holds(ps, 0))
            pair_orders(ps, first + 1, second);
    }
    if (second < first) {
        ps->cur[1][second] = next;
        pair_orders(ps, first, second + 1);
    }
}

/* Rows r and r + 1 of split s, placed by it (neither read by the labels, nor blank, nor reordered,
 * no cell disputed) with a total broken, whose values are one run of the text's: when exactly one
 * interleaving of that run makes both totals hold, its values into out[0] and out[1]. */
static bool interleaved_pair(const row_search *rs, const row_split *s, size_t r, const bool *keep,
                             const token *out[2][CF_TEMPLATE_MAX_COLUMNS])
{
    const cf_table_def *t = rs->t;
    size_t m = t->rows[r].column_count;
    if (r + 1 >= t->row_count || keep[r] || keep[r + 1] || t->rows[r + 1].column_count != m || m < 2 ||
        s->blank[r] || s->blank[r + 1] || s->reordered == r + 1 || s->reordered == r + 2 ||
        (s->holds[r] && s->holds[r + 1]) || (rs->group_members && (r == rs->group_row || r + 1 == rs->group_row)))
        return false;
    size_t low = rs->n, high = 0;
    for (size_t k = 0; k < 2; k++)
        for (size_t c = 0; c < m; c++) {
            if (rs->differs[t->rows[r + k].first_cell - t->first_cell + c])
                return false;
            const token *tk = split_value(rs, s, r + k, c);
            size_t i = 0;
            while (i < rs->n && rs->vals[i] != tk)
                i++;
            low = i < low ? i : low;
            high = i > high ? i : high;
        }
    if (high >= rs->n || high - low + 1 != 2 * m) /* the rows' cells are each a value of the run */
        return false;
    pair_search ps = {.tpl = rs->tpl, .rows = &t->rows[r], .vals = rs->vals, .at = low, .m = m};
    for (size_t c = 0; c < m; c++)
        ps.in_order[c] = c;
    pair_orders(&ps, 0, 0);
    if (ps.solutions != 1 || ps.steps > PAIR_STEPS_MAX)
        return false;
    memcpy(out, ps.found, sizeof ps.found);
    return true;
}

/* Raw PDF text prints a table with its row names apart from their values (after them, or after the
 * whole table), the cells of two rows on one line, and a row's total (or its last cells) later in
 * the table, among other rows. When the label reading left cells missing or guessed, and the region
 * holds exactly one value a cell (no blanks shown), the rows are the unit: the values in printed
 * order make the rows in the template's order, each row as printed when its total holds, else with
 * its last cells taken from later in the table when its total holds so (split_rows). The one split
 * under which the most rows hold is read, when it is the only one, most rows hold, and it agrees with
 * every cell the labels read directly; rows the labels read stay theirs (from `mark` on only their
 * warnings stay), every other row is inferred with a warning saying how it was placed (or in which
 * column order, when the balance read it in another than printed: balance_order). */
bool cf_pdfrows_extract_rows_drawn(extractor *ex, size_t table, const token_stream *ts, size_t mark, size_t more_first,
                                   size_t more_end)
{
    const cf_template *tpl = ex->report->tpl;
    const cf_table_def *t = cf_template_table(tpl, table);
    cf_cell *cells = ex->report->cells;
    if (t->flat || t->row_count == 0 || t->row_count > ROWS_MAX || t->cell_count > DRAWN_MAX_VALUES)
        return true;
    /* the region's tokens first: they settle most regions at less cost than the template's rules */
    size_t n = 0;
    for (size_t i = 0; i < ts->count; i++) {
        const token *tk = &ts->items[i];
        if (tk->kind == CF_ITEM_EMPTY || (tk->kind != CF_ITEM_TEXT && (tk->field >= 0 || tk->grid)))
            return true; /* blanks shown, fields or a grid: the columns are in the text, not drawn */
        n += tk->kind != CF_ITEM_TEXT;
    }
    /* a 2021 table printing a group of rows as one row (the 2019 format's （六）其他处理): when the
     * values are that many short, the group is one row of the split */
    size_t group_row = 0, members = 0, want = t->cell_count;
    for (size_t r = 0; r < t->row_count && !members; r++) {
        size_t m = group_members(t, r, t->rows[r].column_count);
        if (m > 1 && n + (m - 1) * t->rows[r].column_count == t->cell_count) {
            group_row = r;
            members = m;
        }
    }
    /* values more than the cells, or fewer by more than a page break's tail or the blanks a split
     * places hold, and no group: no split can take them */
    if (!members && (n > want || want - n > ROWS_BLANKS_MAX))
        return true;
    bool unsure = false;
    for (size_t r = 0; r < t->row_count; r++) {
        const cf_row_def *rd = &t->rows[r];
        if (rd->column_count < 2 || rd->column_count > CF_TEMPLATE_MAX_COLUMNS || !total_is_last_sum(tpl, rd))
            return true; /* every row's total, last, is the witness */
        for (size_t c = 0; c < rd->column_count && !read_as_one(t, cells, r); c++)
            unsure |= cells[rd->first_cell + c].state == CF_CELL_MISSING || cells[rd->first_cell + c].inferred;
    }
    if (!unsure)
        return true;
    const cf_table_def *whole = t;
    cf_table_def grouped;
    cf_row_def grouped_rows[ROWS_MAX];
    if (members) {
        grouped = *t; /* its cell_count stays the whole table's: the range of its cells */
        grouped.rows = grouped_rows;
        grouped.row_count = t->row_count - (members - 1);
        for (size_t r = 0, k = 0; r < t->row_count; r++)
            if (r <= group_row || r >= group_row + members)
                grouped_rows[k++] = t->rows[r];
        t = &grouped;
        want = n;
    }
    token_stream spare = {0};
    const token_stream *more = &spare;
    size_t later = 0; /* values taken from past the next part's heading */
    bool ok = true;
    if (!members && n < t->cell_count && t->cell_count - n <= ROWS_APART_MAX && more_end > more_first) {
        more = cf_extract_region_tokens(ex, more_first, more_end, &spare);
        ok = more != NULL;
        later = ok ? next_page_values(more, t->cell_count - n) : 0;
    }
    row_search *rs = NULL;
    const token **vals = NULL;
    dead_states *dead = NULL;
    size_t blanks = want - n - later; /* cells that printed nothing, when no page break's tail fills them */
    if (ok) {
        rs = cf_calloc(1, sizeof *rs);
        vals = cf_malloc(want * sizeof *vals);
        dead = cf_malloc(sizeof *dead);
        ok = (rs && vals && dead) || cf_extract_oom(ex);
    }
    if (!rs || !vals || !dead) {
        cf_free(rs);
        cf_free(vals);
        cf_free(dead);
        cf_extract_stream_release(&spare);
        return ok;
    }
    bool named[DRAWN_MAX_VALUES] = {0}; /* the page's values past the heading stand alone: never named */
    for (size_t i = 0, k = 0; i < ts->count; i++)
        if (ts->items[i].kind != CF_ITEM_TEXT) {
            named[k] = beside_words(ts, i);
            vals[k++] = &ts->items[i];
        }
    for (size_t i = 0, k = n; k < n + later; i++)
        if (more->items[i].kind != CF_ITEM_TEXT)
            vals[k++] = &more->items[i];
    n += later;
    token blank = {.kind = CF_ITEM_EMPTY};
    /* blanks that print nothing are the split's to place only in text of a cell or two a line (raw
     * PDF text): where a row's values share its line (pdftotext -layout), their places show its
     * blanks, and most values stand three or more to a line */
    size_t crowded = 0;
    for (size_t i = 0, j; i < n && blanks; i = j) {
        for (j = i + 1; j < n && vals[j]->line == vals[i]->line; j++)
            ;
        crowded += j - i >= 3 ? j - i : 0;
    }
    unsigned char *rule_column = NULL;
    if (blanks && crowded * 2 < n)
        rule_column = cf_malloc(cf_template_rule_count(tpl) + 1);
    if (blanks && !rule_column) {
        ok = crowded * 2 >= n || cf_extract_oom(ex);
        cf_free(rs);
        cf_free(vals);
        cf_free(dead);
        cf_extract_stream_release(&spare);
        return ok;
    }
    if (rule_column)
        rule_columns(tpl, table, t, rule_column);
    /* the splits with every row holding, then those with one row broken, and so on: the first found
     * are the best, and each round looks only at as many broken rows as it allows */
    size_t steps = 0;
    const cf_rule_def *balance[DRAWN_MAX_VALUES];
    balance_rules(tpl, t, balance);
    value_place places[DRAWN_MAX_VALUES];
    size_t nplaces = value_places(vals, n, places);
    row_fits fits = {0};
    for (size_t broken = 0; broken * 8 <= t->row_count && !rs->found && !rs->over; broken++) {
        *rs = (row_search){.tpl = tpl, .t = t, .table = table, .members = &whole->rows[group_row],
                           .group_row = group_row, .group_members = members, .vals = vals, .n = n, .named = named,
                           .places = places, .nplaces = nplaces, .cells = cells, .balance = balance,
                           .blank = &blank, .blanks = blanks, .blanks_left = blanks,
                           .rule_column = rule_column,
                           .min_holds = t->row_count - broken, .steps = steps, .dead = dead, .fits = &fits};
        dead->count = 0;
        if (!broken)
            rows_fit(rs);
        split_rows(rs, 0, 0, 0, 0, 0, 0);
        steps = rs->steps;
    }
    /* a tie leaves the cells it cannot tell empty (a group printed as one row is read whole or not) */
    bool read = rs->found && !rs->over && !(rs->tie && members);
    bool keep[ROWS_MAX]; /* rows the labels read directly, with no warning on them */
    bool placed[ROWS_MAX] = {0}; /* rows the split placed whose totals hold: warned together */
    for (size_t r = 0; r < t->row_count; r++)
        keep[r] = true;
    for (size_t w = mark; w < ex->report->warning_count; w++)
        for (size_t r = 0; r < t->row_count; r++) {
            long cell = ex->report->warnings[w].cell;
            keep[r] &= !(cell >= (long)t->rows[r].first_cell &&
                         cell < (long)(t->rows[r].first_cell + t->rows[r].column_count));
        }
    for (size_t r = 0; read && r < t->row_count; r++) {
        const cf_row_def *rd = &t->rows[r];
        if (!keep[r])
            continue;
        for (size_t c = 0; c < rd->column_count && read; c++) {
            const cf_cell *cell = &cells[rd->first_cell + c];
            const token *tk = split_value(rs, &rs->best, r, c);
            bool direct = cell->state != CF_CELL_MISSING && !cell->inferred;
            keep[r] &= direct;
            /* a cell the labels read where it stands must be the split's too */
            read = !direct || (!rs->differs[rd->first_cell - t->first_cell + c] && cf_extract_cell_is(cell, tk));
        }
    }
    if (read)
        cf_extract_drop_warnings(ex->report, mark); /* the labels' warnings: on rows read again or values now placed */
    /* two rows of the split, one broken, whose values one interleaving of their run makes both hold */
    unsigned char pair_side[ROWS_MAX] = {0}; /* 1: a pair's first row, 2: its second */
    const token *(*pair_cells)[2][CF_TEMPLATE_MAX_COLUMNS] = NULL; /* by a pair's first row */
    for (size_t r = 0; read && ok && r + 1 < t->row_count; r++) {
        const token *found[2][CF_TEMPLATE_MAX_COLUMNS];
        if (!interleaved_pair(rs, &rs->best, r, keep, found))
            continue;
        if (!pair_cells && !(pair_cells = cf_calloc(t->row_count, sizeof *pair_cells))) {
            ok = cf_extract_oom(ex);
            break;
        }
        memcpy(pair_cells[r], found, sizeof found);
        pair_side[r] = 1;
        pair_side[r + 1] = 2;
        r++;
    }
    for (size_t r = 0; read && ok && r < t->row_count; r++) {
        if (keep[r])
            continue;
        const cf_row_def *rd = &t->rows[r];
        const row_split *s = &rs->best;
        size_t first_line = vals[s->start[r]]->line + 1;
        cf_extract_forget_row(ex->report, rd);
        if (members && r == group_row) {
            const token *row[CF_TEMPLATE_MAX_COLUMNS];
            for (size_t c = 0; c < rd->column_count; c++)
                row[c] = split_value(rs, s, r, c);
            for (size_t m = 1; m < members; m++)
                cf_extract_forget_row(ex->report, &whole->rows[group_row + m]);
            ok = read_as_group(ex, whole, &whole->rows[group_row], members, row, rd->column_count, first_line);
            continue;
        }
        size_t open = 0; /* cells the best splits disagree on: left missing */
        /* a row whose blanks no placement fits (the table's sums break wherever they go) is left empty */
        bool unplaced = s->blank[r] && best_breaks(rs);
        for (size_t c = 0; ok && c < rd->column_count; c++) {
            const token *tk = pair_side[r] ? pair_cells[r + 1 - pair_side[r]][pair_side[r] - 1][c]
                                           : split_value(rs, s, r, c);
            if (unplaced || rs->differs[rd->first_cell - t->first_cell + c])
                open++;
            else
                ok = cf_extract_fill_cell(ex, rd->first_cell + c, tk == rs->blank ? NULL : tk, true,
                                          tk == rs->blank ? first_line : tk->line + 1);
        }
        if (!ok)
            break;
        if (s->blank[r])
            ok = warn_blanks(ex, rs, r, first_line, open);
        else if (open)
            ok = cf_extract_warn(
                ex, first_line, (long)rd->first_cell,
                P_("%s %s: its values stand apart from its name (PDF text in drawing order) and were taken "
                   "as its by their place among the table's rows; %zu cell could be either of two values "
                   "printed apart, so it is left empty, check the row",
                   "%s %s: its values stand apart from its name (PDF text in drawing order) and were taken "
                   "as its by their place among the table's rows; %zu cells could each be another value "
                   "printed apart, so they are left empty, check the row",
                   open),
                t->number, rd->short_label, open);
        bool reordered = s->reordered == r + 1;
        if (ok && reordered)
            ok = warn_reordered(ex, rs, r, first_line);
        if (ok && pair_side[r])
            ok =
                cf_extract_warn(ex, first_line, (long)rd->first_cell,
                                _("%s %s: its values and those of %s stand apart from their names, the two rows' cells "
                                  "printed in an order of the text's own (PDF text: the first cells of both rows, then "
                                  "the others a column or two at a time); read in the one order under which both rows' "
                                  "totals hold, check the rows"),
                                t->number, rd->short_label, t->rows[pair_side[r] == 1 ? r + 1 : r - 1].short_label);
        if (ok && !open && !reordered && !pair_side[r] && !s->holds[r])
            ok = cf_extract_warn(ex, first_line, (long)rd->first_cell,
                                 _("%s %s: its values stand apart from its name (PDF text in drawing order) and "
                                   "were taken as its by their place among the table's rows; its total does not "
                                   "hold, so the report or this placement is wrong, check the row"),
                                 t->number, rd->short_label);
        placed[r] = !open && !reordered && !pair_side[r] && s->holds[r] && !s->blank[r];
    }
    cf_free(pair_cells);
    if (read && ok)
        ok = warn_placed_rows(ex, rs, placed);
    if (read && ok && later)
        ok = cf_extract_warn(
            ex, vals[n - later]->line + 1, -1,
            P_("%s: the table goes on past the heading of the next part (a page break): %zu value printed "
               "there (line %zu) was taken as the table's last, where its rows' totals hold, check the "
               "table's last rows",
               "%s: the table goes on past the heading of the next part (a page break): %zu values printed "
               "there (from line %zu) were taken as the table's last, where its rows' totals hold, check "
               "the table's last rows",
               later),
            t->number, later, vals[n - later]->line + 1);
    cf_free(rs);
    cf_free(dead);
    cf_free(rule_column);
    cf_free(vals);
    cf_extract_stream_release(&spare);
    return ok;
}

/* A 2021 table printing a group of rows as one row, as the 2019 format does ("（六）其他处理 0 0 0 0 0 0 0"
 * where 1.申请人无正当理由… 2.申请人逾期… 3.其他 belong): the group whose heading ends the words before
 * the run, none of its rows read yet, one value a column. Printed all zeros, the group's count is zero,
 * so each row under it is 0 (inferred: the report never printed them); otherwise the rows stay missing.
 * Either way a warning says so, with the printed values. *used: the run was such a row. */
bool cf_pdfrows_read_group_row(extractor *ex, size_t table, const char *keys, size_t seg_start, size_t seg_end,
                               const token *run, size_t n, size_t label_line, bool *taken, size_t *got, bool *used)
{
    const cf_table_def *t = cf_template_table(ex->report->tpl, table);
    *used = false;
    const cf_row_def *first = NULL;
    for (size_t r = 0; r < t->row_count && !first; r++) {
        const char *g = t->rows[r].group_key;
        size_t gl = g ? strlen(g) : 0;
        if (gl && seg_end - seg_start >= gl && memcmp(keys + seg_end - gl, g, gl) == 0)
            first = &t->rows[r];
    }
    while (n > 0 && run[n - 1].kind == CF_ITEM_EMPTY) /* the next line's leading tab */
        n--;
    while (n > 0 && run[0].kind == CF_ITEM_EMPTY)
        run++, n--;
    if (!first || n != first->column_count || cf_extract_count_filled(run, n) != n)
        return true;
    size_t r0 = (size_t)(first - t->rows);
    size_t members = group_members(t, r0, n);
    if (members < 2 || r0 + members > 128 || n > CF_TEMPLATE_MAX_COLUMNS)
        return true; /* a group of one row is that row: its label reads it */
    const token *vals[CF_TEMPLATE_MAX_COLUMNS];
    for (size_t i = 0; i < n; i++)
        vals[i] = &run[i];
    for (size_t m = 0; m < members; m++)
        if (taken[r0 + m])
            return true;
    bool zeros = all_zeros(vals, n);
    *used = true;
    for (size_t m = 0; m < members; m++) {
        taken[r0 + m] = true;
        got[r0 + m] = zeros ? n : 0;
    }
    return read_as_group(ex, t, first, members, vals, n, label_line);
}

/* Rows printed without their names between two rows read by name ("anchors": the official order holds
 * between them): the loose runs standing between the anchors' runs in the text take the rows between
 * the anchors in the form that got no values, in order, when the counts agree — one run a row, or one
 * run of k rows' values split by the rows' column counts. Each row so read is inferred and warned on.
 * taken_at[r] is where row r's values start in the stream (for rows taken). */
bool cf_pdfrows_place_loose_runs(extractor *ex, size_t table, const token_stream *ts, loose_run *loose, size_t nloose,
                                 const bool *taken, const size_t *taken_at)
{
    const cf_table_def *t = cf_template_table(ex->report->tpl, table);
    size_t rows = t->row_count < 128 ? t->row_count : 128;
    for (size_t u = 0; u < nloose; u++) {
        if (loose[u].placed)
            continue;
        /* the anchors: the rows read just before and just after the run */
        long prev = -1, next = -1;
        for (size_t r = 0; r < rows; r++) {
            if (!taken[r])
                continue;
            if (taken_at[r] < loose[u].start && (prev < 0 || taken_at[r] > taken_at[prev]))
                prev = (long)r;
            if (taken_at[r] >= loose[u].end && (next < 0 || taken_at[r] < taken_at[next]))
                next = (long)r;
        }
        if (prev < 0 || next < 0 || next <= prev + 1)
            continue;
        size_t want = 0, missing = 0;
        bool in_order = true;
        for (long r = prev + 1; r < next; r++) {
            in_order &= !taken[r];
            want += t->rows[r].column_count;
            missing++;
        }
        /* the loose runs between the same two anchors, and their values */
        size_t last = u, filled = 0, runs = 0;
        bool one_row_each = true;
        for (size_t v = u; v < nloose && loose[v].end <= taken_at[next]; v++) {
            const token *run = &ts->items[loose[v].start];
            size_t n = loose[v].end - loose[v].start;
            size_t row = (size_t)prev + 1 + runs;
            one_row_each &=
                row < (size_t)next && cf_extract_count_filled(run, n) == n && n == t->rows[row].column_count;
            filled += cf_extract_count_filled(run, n);
            runs++;
            last = v;
        }
        if (!in_order || filled != want || (runs > 1 && (!one_row_each || runs != missing)))
            continue;
        for (size_t v = u; v <= last; v++)
            loose[v].placed = true;
        /* hand the values out row by row, each row as many values as it has columns */
        size_t v = u, at = loose[u].start;
        for (long r = prev + 1; r < next; r++) {
            const cf_row_def *rd = &t->rows[r];
            size_t from = at, count = 0;
            while (count < rd->column_count) {
                if (at == loose[v].end)
                    from = at = loose[++v].start;
                count += ts->items[at].kind != CF_ITEM_EMPTY;
                at++;
            }
            if (!cf_extract_assign_row(ex, table, (size_t)r, &ts->items[from], at - from, ts->items[from].line + 1) ||
                !cf_extract_flag_row_guess(
                    ex, t, rd, &t->rows[prev], &t->rows[next],
                    _("%s %s: its values stand with no row name between the rows %s and %s, whose "
                      "names are printed; the rows of the form between those two had no values, so "
                      "these were taken as theirs in order, check the row")))
                return false;
        }
    }
    return true;
}

/* Values shared out among the rows of labels[0..nlabels) (bounds: each row's share as printed) read
 * instead in blocks of consecutive rows, each block column by column (raw pdftotext of a PDF printed
 * by Chromium: a column's cells for the rows of a block, then the next column's), when exactly one
 * split into blocks makes every row's own sum hold, each checked. Those rows are read so, inferred,
 * with a warning on each row of a block of several; *read: they were. False when memory runs out. */
bool cf_pdfrows_read_column_blocks(extractor *ex, size_t table, const token_stream *ts, size_t seg_first, size_t at,
                                   const label_match *labels, size_t nlabels, const token *run, const size_t *bounds,
                                   bool *read)
{
    const cf_template *tpl = ex->report->tpl;
    const cf_table_def *t = cf_template_table(tpl, table);
    size_t ways[33] = {1}, start[33] = {0}; /* splits of the first k rows (2: more than one), the last block's start */
    *read = false;
    for (size_t k = 1; k <= nlabels; k++)
        for (size_t i = 0; i < k; i++) {
            size_t m = k - i, cols = t->rows[labels[i].row].column_count;
            bool holds = ways[i] > 0 && cols <= CF_TEMPLATE_MAX_COLUMNS;
            for (size_t a = 0; a < m && holds; a++) {
                const cf_row_def *rd = &t->rows[labels[i + a].row];
                const token *vals[CF_TEMPLATE_MAX_COLUMNS];
                size_t order[CF_TEMPLATE_MAX_COLUMNS];
                bool checked = false;
                holds = rd->column_count == cols;
                for (size_t c = 0; c < cols && holds; c++) {
                    vals[c] = &run[bounds[i] + c * m + a];
                    order[c] = c;
                }
                holds = holds && row_holds_in(tpl, rd, vals, order, &checked) && checked;
            }
            if (holds) {
                ways[k] = ways[k] + ways[i] > 2 ? 2 : ways[k] + ways[i];
                start[k] = i;
            }
        }
    if (ways[nlabels] != 1)
        return true;
    for (size_t k = nlabels; k > 0; k = start[k]) {
        size_t i = start[k], m = k - i, cols = t->rows[labels[i].row].column_count;
        for (size_t a = 0; a < m; a++) {
            const cf_row_def *rd = &t->rows[labels[i + a].row];
            token row[CF_TEMPLATE_MAX_COLUMNS];
            for (size_t c = 0; c < cols; c++)
                row[c] = run[bounds[i] + c * m + a];
            cf_extract_forget_row(ex->report, rd);
            if (!cf_extract_assign_row(ex, table, labels[i + a].row, row, cols,
                                       cf_extract_line_of_key(ts, seg_first, at, labels[i + a].start)) ||
                (m > 1 &&
                 !cf_extract_flag_row_guess(ex, t, rd, &t->rows[labels[i].row], &t->rows[labels[k - 1].row],
                                            _("%s %s: its values were printed column by column with those of the rows "
                                              "%s … %s (PDF text); read so, every row's own sum holds, and under no "
                                              "other split of the rows into such blocks, check the row"))))
                return false;
        }
    }
    *read = true;
    return true;
}

/* Leave the rows of labels[0..nlabels) unread (missing) and warn once with message (a format taking
 * the table's number, the first and last rows' names, the values and the cells), values printed for
 * them. False when memory runs out. */
bool cf_pdfrows_leave_rows_unread(extractor *ex, size_t table, const token_stream *ts, size_t seg_first, size_t at,
                                  const label_match *labels, size_t nlabels, bool *taken, size_t *got,
                                  const char *message, size_t values)
{
    const cf_table_def *t = cf_template_table(ex->report->tpl, table);
    size_t want = 0;
    for (size_t l = 0; l < nlabels; l++) {
        const cf_row_def *rd = &t->rows[labels[l].row];
        if (taken[labels[l].row])
            cf_extract_forget_row(ex->report, rd);
        taken[labels[l].row] = true;
        got[labels[l].row] = 0;
        want += rd->column_count;
        size_t label_line = cf_extract_line_of_key(ts, seg_first, at, labels[l].start);
        for (size_t c = 0; c < rd->column_count; c++)
            if (!cf_extract_fill_cell(ex, rd->first_cell + c, NULL, true, label_line))
                return false;
    }
    /* (tied to no one cell: reading one of these rows again later must not take it away) */
    return cf_extract_warn(ex, ts->items[at].line + 1, -1, message, t->number, t->rows[labels[0].row].short_label,
                           t->rows[labels[nlabels - 1].row].short_label, values, want);
}

/* Rows of the form between two of labels[0..*nlabels) whose own names were not found (raw PDF text
 * can break a name with another cell's words), taken in where the values printed run[0..n) fill the
 * named rows and those exactly, with no blank, and the named rows alone do not: each marked in added
 * and given the next name's place. Returns how many were taken in. */
size_t cf_pdfrows_add_unnamed_rows(const cf_table_def *t, const bool *taken, const token *run, size_t n,
                                   label_match *labels, size_t *nlabels, bool *added)
{
    size_t want = 0, more = 0, count = 0;
    for (size_t l = 0; l < *nlabels; l++) {
        want += t->rows[labels[l].row].column_count;
        for (size_t r = labels[l].row + 1; l + 1 < *nlabels && r < labels[l + 1].row; r++)
            if (!taken[r]) {
                more += t->rows[r].column_count;
                count++;
            }
    }
    if (*nlabels < 2 || count == 0 || *nlabels + count > 32 || cf_extract_count_filled(run, n) != n || n != want + more)
        return 0;
    label_match all[32];
    size_t k = 0;
    for (size_t l = 0; l < *nlabels; l++) {
        added[k] = false;
        all[k++] = labels[l];
        for (size_t r = labels[l].row + 1; l + 1 < *nlabels && r < labels[l + 1].row; r++)
            if (!taken[r]) {
                added[k] = true;
                all[k] = labels[l + 1];
                all[k++].row = r;
            }
    }
    memcpy(labels, all, k * sizeof *all);
    *nlabels = k;
    return count;
}

/* The columns' names of t (64 at most) as matching keys, into names (initialised here; the caller
 * releases it): [2c] the label, [2c+1] the short label, each from names->data + at[k] to at[k + 1]
 * (at: 2 × columns + 1 entries). False when memory runs out, names then released. */
bool cf_pdfrows_column_keys(const cf_table_def *t, cf_buf *names, size_t *at)
{
    cf_buf_init(names);
    for (size_t c = 0; c < t->column_count; c++) {
        const char *both[2] = {t->columns[c].label, t->columns[c].short_label};
        for (size_t n = 0; n < 2; n++) {
            at[2 * c + n] = names->len;
            if (!cf_compact_append(names, both[n], strlen(both[n]))) {
                cf_buf_release(names);
                return false;
            }
        }
    }
    at[2 * t->column_count] = names->len;
    return true;
}

/* How many columns from c on the words keys[from, to) name, one after another, each by its label or
 * short label (names, at: cf_pdfrows_column_keys) and nothing else; 0 when they are other words. */
static size_t heading_columns(const cf_table_def *t, const cf_buf *names, const size_t *at, const char *keys,
                              size_t from, size_t to, size_t c)
{
    size_t first = c;
    while (from < to && c < t->column_count) {
        size_t before = from;
        for (size_t n = 0; n < 2 && from == before; n++) {
            size_t kl = at[2 * c + n + 1] - at[2 * c + n];
            if (kl && kl <= to - from && memcmp(keys + from, names->data + at[2 * c + n], kl) == 0)
                from += kl;
        }
        if (from == before)
            return 0;
        c++;
    }
    return from == to ? c - first : 0;
}

#define BAND_MAX_PIECES CF_TEMPLATE_MAX_COLUMNS
#define BAND_MAX_ORDERS 8 /* blocks whose order (row by row or column by column) the sums must tell */
#define BAND_MAX_ROWS 32
#define BAND_MAX_BLANKS 2       /* cells of a band printed as nothing, placed by the rows' sums */
#define BAND_MAX_READINGS 4096 /* readings weighed at most, blanks' places times the blocks' orders */

/* A run of values printed after the headings of columns [from, to) ([0, to) for the first). */
typedef struct {
    size_t start, end, from, to;
} band_piece;

/* The rows printed in blocks under the column headings, and the readings of their values. */
typedef struct {
    const cf_template *tpl;
    const cf_table_def *t;
    const token_stream *ts;
    const label_match *labels;
    size_t rows, columns, want, values; /* want: the rows' cells; values: as many as the runs hold */
    band_piece pieces[BAND_MAX_PIECES];
    size_t npieces;
    size_t best, kept; /* the fewest rows a reading breaks, and how many readings break that few */
} band_reading;

/* Of the readings kept (band_weigh): the values of the first, cell by cell (row × columns + column),
 * and whether all of them agree there. Apart from band_reading, and set only by the first reading
 * kept: most runs looked at are no band, and zeroing these 9 kB for each of them was wasted. */
typedef struct {
    const token *pick[BAND_MAX_ROWS * CF_TEMPLATE_MAX_COLUMNS];
    bool agree[BAND_MAX_ROWS * CF_TEMPLATE_MAX_COLUMNS];
} band_agreement;

/* Do the runs hold the values of a band of k rows, each run its columns' (fewer, cells printed as
 * nothing, when the band is every row), and of the one row after them (when k < rows) the columns
 * announced so far it lacks? *blocks: runs of several rows and columns, which may run either way. */
static bool band_fits(const band_reading *br, size_t k, size_t *blocks)
{
    size_t apart_to = 0; /* the columns the row apart has values for so far */
    *blocks = 0;
    for (size_t p = 0; p < br->npieces; p++) {
        const band_piece *pc = &br->pieces[p];
        size_t n = pc->end - pc->start, w = pc->to - pc->from;
        if ((n < k * w && k < br->rows) || (n > k * w && (k == br->rows || n - k * w != pc->to - apart_to)))
            return false;
        apart_to = n > k * w ? pc->to : apart_to;
        *blocks += k > 1 && w > 1;
    }
    return (k == br->rows || apart_to == br->columns) && *blocks <= BAND_MAX_ORDERS;
}

/* The value of each cell (row × columns + column) for a band of k rows under orders (bit b: block b
 * runs column by column), the cells printed in the places blank[0..nblank) counted over all runs
 * left blank (NULL), the row apart (row k) taking the values after the band's in each run. False
 * when a run's blanks are not as many as the values it lacks. */
static bool band_cells(const band_reading *br, size_t k, unsigned orders, const size_t *blank, size_t nblank,
                       const token **cells)
{
    size_t block = 0, apart_done = 0, place = 0;
    for (size_t p = 0; p < br->npieces; p++) {
        const band_piece *pc = &br->pieces[p];
        size_t w = pc->to - pc->from, v = pc->start;
        bool by_column = k > 1 && w > 1 && (orders >> block++ & 1u);
        for (size_t printed = 0; printed < k * w; printed++, place++) {
            size_t r = by_column ? printed % k : printed / w, c = by_column ? printed / k : printed % w;
            bool is_blank = (nblank > 0 && blank[0] == place) || (nblank > 1 && blank[1] == place);
            if (!is_blank && v == pc->end)
                return false;
            cells[r * br->columns + pc->from + c] = is_blank ? NULL : &br->ts->items[v++];
        }
        if (k == br->rows && v != pc->end)
            return false;
        for (; v < pc->end; v++)
            cells[k * br->columns + apart_done++] = &br->ts->items[v];
    }
    return true;
}

/* Weigh one reading: how many rows' own sums it breaks or leaves unproven (a row with a blank cell,
 * or that no sum checks); the readings with the fewest, at most one more than the blanks, are kept
 * and their cells compared in ba. */
static void band_weigh(band_reading *br, band_agreement *ba, const token *const *cells)
{
    size_t order[CF_TEMPLATE_MAX_COLUMNS], broken = 0;
    for (size_t c = 0; c < br->columns; c++)
        order[c] = c;
    for (size_t l = 0; l < br->rows; l++) {
        bool checked = false, blank = false;
        for (size_t c = 0; c < br->columns; c++)
            blank |= !cells[l * br->columns + c];
        broken += blank || !row_holds_in(br->tpl, &br->t->rows[br->labels[l].row], &cells[l * br->columns], order,
                                         &checked) ||
                  !checked;
    }
    if (broken > br->best)
        return;
    if (broken < br->best)
        br->kept = 0;
    br->best = broken;
    for (size_t x = 0; x < br->rows * br->columns; x++) {
        const token *was = br->kept == 0 ? cells[x] : ba->pick[x];
        bool same = was == cells[x] || (was && cells[x] && was->kind == cells[x]->kind &&
                                        cf_decimal_cmp(was->value, cells[x]->value) == 0);
        ba->agree[x] = br->kept == 0 || (ba->agree[x] && same);
        ba->pick[x] = was;
    }
    br->kept++;
}

/* The runs from [i, end) on, the first under the columns [from, to) (to 0: those before the first the
 * next headings name), each later one after the headings of its columns (names, at: cf_pdfrows_column_keys):
 * the next columns', or with any_column any columns', until their values are as many as the rows'
 * cells or other words come; br->values: how many they hold. True when there are runs after the
 * first. */
static bool band_pieces(band_reading *br, size_t i, size_t end, const cf_buf *names, const size_t *at, size_t from,
                        size_t to, bool any_column)
{
    const token_stream *ts = br->ts;
    const char *keys = ts->keys.data ? ts->keys.data : "";
    size_t values = 0, start = i;
    br->npieces = 0;
    while (br->npieces < BAND_MAX_PIECES && cf_extract_count_filled(&ts->items[start], end - start) == end - start) {
        band_piece *pc = &br->pieces[br->npieces++];
        *pc = (band_piece){start, end, from, to};
        values += end - start;
        start = end;
        end = cf_extract_value_run(ts, &start);
        if (values >= br->want || start == end)
            break;
        size_t key_from = ts->items[pc->end].key_start, key_to = ts->items[start - 1].key_end, named = 0;
        bool anywhere = any_column || pc->to == 0; /* where the next headings start is not known */
        from = any_column ? 0 : pc->to == 0 ? 1 : pc->to;
        while (from < br->columns && !(named = heading_columns(br->t, names, at, keys, key_from, key_to, from)) &&
               anywhere)
            from++;
        if (!named)
            break;
        pc->to = pc->to == 0 ? from : pc->to;
        to = from + named;
    }
    br->values = values;
    return br->npieces > 1;
}

/* Values of the rows of labels[0..nlabels) printed in blocks under the column headings (raw
 * pdftotext of a PDF printed by Chromium: "2 0 0 0 0 0 0 0 2 0 0 0 | 法律服务机构 0 0 0 | 其他 总计
 * 0 0 0 2 0 2"): the run [i, *j) holds the first columns' values of the first rows, each later run
 * follows the headings of the next columns and holds their values for those rows, then those of the
 * last row (a tall name's, printed apart) for the columns announced so far that it lacks. A block of
 * several rows and columns runs row by row or column by column. Of the readings, those under which
 * the fewest rows break their own sums (one at most) are kept, and a cell is read where they all
 * agree, else left unread; the rows are inferred, each with a warning. *j moves past the runs read;
 * *read: they were. False when memory runs out. */
bool cf_pdfrows_read_heading_bands(extractor *ex, size_t table, const token_stream *ts, size_t seg_first, size_t i,
                                   size_t *j, const label_match *labels, size_t nlabels, bool *taken, size_t *got,
                                   bool *read)
{
    const cf_template *tpl = ex->report->tpl;
    const cf_table_def *t = cf_template_table(tpl, table);
    *read = false;
    if (nlabels > BAND_MAX_ROWS || t->column_count > CF_TEMPLATE_MAX_COLUMNS || t->column_count < 2)
        return true;
    for (size_t l = 0; l < nlabels; l++)
        for (size_t c = 0; c < t->column_count; c++)
            if (t->rows[labels[l].row].column_count != t->column_count || t->rows[labels[l].row].columns[c] != c)
                return true;
    band_reading *br = cf_malloc(sizeof *br); /* set whole below: a calloc zeroed it twice */
    cf_buf names;
    size_t at[2 * CF_TEMPLATE_MAX_COLUMNS + 1];
    if (!br || !cf_pdfrows_column_keys(t, &names, at)) {
        cf_free(br);
        return cf_extract_oom(ex);
    }
    *br = (band_reading){.tpl = tpl, .t = t, .ts = ts, .labels = labels, .rows = nlabels,
                         .columns = t->column_count, .want = nlabels * t->column_count};
    /* blanks only among several rows, whose sums can place them */
    bool found = band_pieces(br, i, *j, &names, at, 0, 0, false) &&
                 br->pieces[br->npieces - 1].to == br->columns && br->values <= br->want &&
                 br->values + (nlabels > 1 ? BAND_MAX_BLANKS : 0) >= br->want;
    cf_buf_release(&names);
    const token *cells[BAND_MAX_ROWS * CF_TEMPLATE_MAX_COLUMNS];
    band_agreement ba;
    size_t nblank = found ? br->want - br->values : 0, places = nblank == 0 ? 1 : br->want;
    br->best = 1 + nblank;
    for (size_t k = nlabels; found && k > 0 && k + 1 >= nlabels; k--) {
        size_t blocks, blank[BAND_MAX_BLANKS] = {0}, readings = 1;
        bool fits = band_fits(br, k, &blocks);
        for (size_t b = 0; b < nblank; b++)
            readings *= places;
        if (!fits || readings << blocks > BAND_MAX_READINGS)
            continue;
        /* every order of the blocks, and every place of the blanks among the cells printed */
        for (unsigned orders = 0; orders < 1u << blocks; orders++)
            for (blank[0] = 0; blank[0] < places; blank[0]++)
                for (blank[1] = nblank > 1 ? blank[0] + 1 : 0; blank[1] < (nblank > 1 ? places : 1); blank[1]++)
                    if (band_cells(br, k, orders, blank, nblank, cells))
                        band_weigh(br, &ba, cells);
    }
    bool ok = true;
    for (size_t l = 0; l < nlabels && br->kept > 0 && ok; l++) {
        const cf_row_def *rd = &t->rows[labels[l].row];
        size_t label_line = cf_extract_line_of_key(ts, seg_first, i, labels[l].start), read_here = 0;
        if (taken[labels[l].row])
            cf_extract_forget_row(ex->report, rd);
        for (size_t c = 0; c < t->column_count && ok; c++) {
            size_t x = l * t->column_count + c;
            read_here += ba.agree[x];
            ok = cf_extract_fill_cell(ex, rd->first_cell + c, ba.agree[x] ? ba.pick[x] : NULL, true, label_line);
        }
        taken[labels[l].row] = true;
        got[labels[l].row] = read_here;
        const char *why =
            nlabels == 1
                ? _("%s %s: its values were printed in blocks, each after the headings of its columns "
                    "(PDF text); read so, check the row")
            : nblank > 0
                ? _("%s %s: its values were printed in blocks under the column headings with those of the rows "
                    "%s … %s (PDF text), some cells printing nothing; those were taken as blank where the rows' "
                    "own sums place them, and the cells on which such readings differ are left unread, check the "
                    "row")
            : br->best > 0
                ? _("%s %s: its values were printed in blocks under the column headings with those of the "
                    "rows %s … %s (PDF text); no reading of those blocks makes every row's own sum hold, "
                    "so it was read where the readings that break one row alone agree, the other cells "
                    "left unread, check the row")
            : read_here == t->column_count
                ? _("%s %s: its values were printed in blocks under the column headings with those of the rows "
                    "%s … %s (PDF text); read by those blocks, every row's own sum holds, and no other such "
                    "reading under which they hold gives this row other values, check the row")
                : _("%s %s: its values were printed in blocks under the column headings with those of the rows "
                    "%s … %s (PDF text); every row's own sum holds whether a block runs row by row or column by "
                    "column, and the cells on which those readings differ are left unread, check the row");
        ok =
            ok && cf_extract_flag_row_guess(ex, t, rd, &t->rows[labels[0].row], &t->rows[labels[nlabels - 1].row], why);
    }
    if (br->kept > 0) {
        *j = br->pieces[br->npieces - 1].end;
        *read = true;
    }
    cf_free(br);
    return ok;
}

/* The index among row rd's cells of table column c, or the row's column count when it has none. */
static size_t row_column(const cf_row_def *rd, size_t c)
{
    size_t k = 0;
    while (k < rd->column_count && rd->columns[k] != c)
        k++;
    return k;
}

/* Hand each run's values to the rows (br->labels, as cf_pdfrows_read_headed_runs reads them): a run under one column's
 * heading to the rows that have the column and no value in it yet, in the form's order; a run under
 * several columns' headings, one value each, to the first row that has them all and no value in
 * them yet. cells[l × columns + c] (zeroed here); false when a value finds no cell. */
static bool headed_cells(const band_reading *br, const token **cells)
{
    memset(cells, 0, br->rows * br->columns * sizeof *cells);
    for (size_t p = 0; p < br->npieces; p++) {
        const band_piece *pc = &br->pieces[p];
        size_t w = pc->to - pc->from, v = pc->start;
        if (w > 1 && pc->end - pc->start != w)
            return false;
        for (size_t l = 0; l < br->rows && v < pc->end; l++) {
            const cf_row_def *rd = &br->t->rows[br->labels[l].row];
            bool lacks = true;
            for (size_t c = pc->from; c < pc->to; c++)
                lacks &= row_column(rd, c) < rd->column_count && !cells[l * br->columns + c];
            for (size_t c = pc->from; c < pc->to && lacks; c++)
                cells[l * br->columns + c] = &br->ts->items[v++];
        }
        if (v != pc->end)
            return false;
    }
    return true;
}

/* The names of the rows of labels[0..nlabels) printed together, then the column headings each with
 * its values (raw pdftotext of a PDF printed by Chromium: 规章 … 行政事业性收费 | 本年制发件数 1062
 * 1851 | 本年废止件数 2574 2597 | … | 本年处理决定数量 1732 | 本年处理决定数量 989 927 | …): the
 * words keys[head_from, head_to) before the run [i, *j) name its column, and each later run follows
 * its own column's heading. Read where the values fill those rows' cells exactly (headed_cells), each
 * row inferred with a warning; left unread, with a warning, where they are fewer (cells printing
 * nothing, and no sum to tell which) or a value finds no cell. *j moves past the runs read, *read:
 * they were. False when memory runs out. */
bool cf_pdfrows_read_headed_runs(extractor *ex, size_t table, const token_stream *ts, size_t seg_first, size_t i,
                                 size_t *j, const label_match *labels, size_t nlabels, size_t head_from, size_t head_to,
                                 bool *taken, size_t *got, bool *read)
{
    const cf_table_def *t = cf_template_table(ex->report->tpl, table);
    *read = false;
    if (nlabels < 2 || nlabels > BAND_MAX_ROWS || t->column_count > CF_TEMPLATE_MAX_COLUMNS)
        return true;
    band_reading *br = cf_malloc(sizeof *br); /* set whole below: a calloc zeroed it twice */
    const token **cells = cf_calloc(BAND_MAX_ROWS * CF_TEMPLATE_MAX_COLUMNS, sizeof *cells);
    cf_buf names;
    size_t at[2 * CF_TEMPLATE_MAX_COLUMNS + 1];
    if (!br || !cells || !cf_pdfrows_column_keys(t, &names, at)) {
        cf_free(br);
        cf_free(cells);
        return cf_extract_oom(ex);
    }
    *br = (band_reading){.t = t, .ts = ts, .labels = labels, .rows = nlabels, .columns = t->column_count};
    for (size_t l = 0; l < nlabels; l++)
        br->want += t->rows[labels[l].row].column_count;
    size_t from = 0, named = 0;
    const char *keys = ts->keys.data ? ts->keys.data : "";
    while (from < t->column_count && !(named = heading_columns(t, &names, at, keys, head_from, head_to, from)))
        from++;
    bool headed = named && band_pieces(br, i, *j, &names, at, from, from + named, true) && br->values <= br->want;
    bool found = headed && br->values == br->want && headed_cells(br, cells);
    cf_buf_release(&names);
    bool ok = found || !headed ||
              cf_pdfrows_leave_rows_unread(
                  ex, table, ts, seg_first, i, labels, nlabels, taken, got,
                  _("%s %s … %s: %zu values for %zu cells, printed under the column headings apart "
                    "from the rows' names; they do not fill the rows' cells, and nothing tells which "
                    "cells printed nothing, so they are left unread"),
                  br->values);
    for (size_t l = 0; l < nlabels && found && ok; l++) {
        const cf_row_def *rd = &t->rows[labels[l].row];
        size_t label_line = cf_extract_line_of_key(ts, seg_first, i, labels[l].start);
        if (taken[labels[l].row])
            cf_extract_forget_row(ex->report, rd);
        for (size_t k = 0; k < rd->column_count && ok; k++)
            ok = cf_extract_fill_cell(ex, rd->first_cell + k, cells[l * t->column_count + rd->columns[k]], true,
                                      label_line);
        taken[labels[l].row] = true;
        got[labels[l].row] = rd->column_count;
        ok = ok &&
             cf_extract_flag_row_guess(ex, t, rd, &t->rows[labels[0].row], &t->rows[labels[nlabels - 1].row],
                                       _("%s %s: its name was printed with those of the rows %s … %s, and the values "
                                         "apart under the column headings (PDF text); each heading's values were read "
                                         "as those of the rows that have the column, in the form's order, check the "
                                         "row"));
    }
    if (headed) {
        *j = br->pieces[br->npieces - 1].end;
        *read = true;
    }
    cf_free(cells);
    cf_free(br);
    return ok;
}
