/* SPDX-License-Identifier: GPL-3.0-or-later */
/* scanrows.c — the rows read from a scan: where a report's tables read like a scanned document (column
 * rules printed as '|' in some places and lost in others, letters for digits), a row no sum confirms is
 * read again (letters as digits, a rule read as the digit 1 dropped) where one reading alone makes its
 * sum hold, else warned on. */
#include "extract_parts.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"

/* How the text between two values on one line separates them: by blanks alone, by one '|' (with or
 * without blanks), or otherwise (words, two bars around an empty cell). */
typedef enum { GAP_BLANKS, GAP_BAR, GAP_OTHER } gap_shape;

static gap_shape gap_between(const char *s, size_t len)
{
    size_t bars = 0;
    for (size_t i = 0; i < len; i++)
        if (s[i] == '|')
            bars++;
        else if (s[i] != ' ' && s[i] != '\t')
            return GAP_OTHER;
    return bars == 1 ? GAP_BAR : bars == 0 && len > 0 ? GAP_BLANKS : GAP_OTHER;
}

#define RULE_ONES_MAX_CELLS 16 /* cells of a row the search for rules read as 1 looks at */
#define RULE_ONES_MAX_EDITS 2  /* numbers of a row it may change: more, and a sum holds by chance */

/* The readings of one printed number a rule read as the digit 1 beside it allows: as printed, without
 * a leading 1, without a trailing 1, without both ("|333|" read as 1333, 3331, 13331). Letters text
 * recognition prints for digits are read as those digits first ("1o67" as 1067), and then the number
 * as printed is no reading of its own. */
typedef struct {
    cf_decimal value[4];
    size_t count;  /* value[0] is the number as read, or with its letters read as digits */
    bool letters;  /* value[0] reads letters as digits: the cell is changed whichever reading is taken */
} rule_ones;

/* What a reading did to a cell. */
typedef enum {
    ONES_KEPT,    /* read as printed, in its column */
    ONES_MOVED,   /* read as printed, a column right of a split number */
    ONES_LETTERS, /* letters read as digits */
    ONES_RULE     /* a 1 beside it, or inside it (a split number's halves), taken for a rule */
} ones_change;

typedef struct {
    const cf_template *tpl;
    const cf_row_def *row;
    const char *data;                   /* the report's text */
    cf_cell cells[RULE_ONES_MAX_CELLS]; /* the row under trial */
    rule_ones readings[RULE_ONES_MAX_CELLS];
    size_t pick[RULE_ONES_MAX_CELLS];
    bool moved[RULE_ONES_MAX_CELLS];    /* the trial split a number in two: cells placed anew */
    size_t split;                       /* the trial's left half of a split number, or the row's width */
    cf_cell best[RULE_ONES_MAX_CELLS];  /* the first trial that made the row hold */
    ones_change change[RULE_ONES_MAX_CELLS]; /* what that trial did to each cell */
    size_t best_split;                       /* and which number it split, as split */
    size_t found; /* trials with the fewest changes that make the row hold */
} ones_search;

/* The digits printed s[0..len), letters text recognition prints for digits read as them, into
 * digits[0..len); false when it holds anything else (a unit, a note, a sign) or is too long. */
static bool scanned_digits(const char *s, size_t len, char digits[32], bool *letters)
{
    *letters = false;
    if (len == 0 || len >= 32)
        return false;
    for (size_t i = 0; i < len; i++) {
        char d = s[i] >= '0' && s[i] <= '9' ? s[i] : cf_digit_lookalike(s[i]);
        if (!d)
            return false;
        *letters |= d != s[i];
        digits[i] = d;
    }
    return true;
}

/* Add digits[from, to) to out's readings unless it is not a number or one already. */
static void add_reading(const char *digits, size_t from, size_t to, rule_ones *out)
{
    cf_decimal v;
    if (to <= from || (to - from > 1 && digits[from] == '0') || cf_decimal_parse(digits + from, to - from, &v) != CF_DEC_OK)
        return;
    for (size_t k = 0; k < out->count; k++)
        if (cf_decimal_cmp(out->value[k], v) == 0)
            return; /* 11 without either 1 is one reading */
    out->value[out->count++] = v;
}

/* Fill out with the readings of the cell printed s[0..len), read as `cell`. */
static void ones_readings(const char *s, size_t len, const cf_cell *cell, rule_ones *out)
{
    out->count = 0;
    char digits[32];
    bool printed = scanned_digits(s, len, digits, &out->letters);
    if (cell->state == CF_CELL_NUMBER)
        out->value[out->count++] = cell->value;
    else if (printed && out->letters && cell->state == CF_CELL_INVALID)
        add_reading(digits, 0, len, out);
    if (!printed || out->count == 0)
        return;
    if (digits[0] == '1')
        add_reading(digits, 1, len, out);
    if (digits[len - 1] == '1')
        add_reading(digits, 0, len - 1, out);
    if (digits[0] == '1' && digits[len - 1] == '1')
        add_reading(digits, 1, len - 1, out);
}

/* Try every way of changing up to `left` more numbers from cell c on; count the trials with exactly
 * `left` changes made that make the row hold, and keep the first. */
static void ones_try(ones_search *os, size_t c, size_t left)
{
    if (c == os->row->column_count || left == 0) {
        bool checked;
        if (left == 0 && cf_extract_row_cells_hold(os->tpl, os->row, os->cells, &checked) && checked &&
            os->found++ == 0) {
            memcpy(os->best, os->cells, sizeof os->best);
            os->best_split = os->split;
            for (size_t k = 0; k < os->row->column_count; k++)
                os->change[k] = os->pick[k] != 0 || k == os->split || k == os->split + 1 ? ONES_RULE
                                : os->readings[k].letters                              ? ONES_LETTERS
                                : os->moved[k]                                         ? ONES_MOVED
                                                                                       : ONES_KEPT;
        }
        return;
    }
    ones_try(os, c + 1, left);
    for (size_t k = 1; k < os->readings[c].count && os->found < 2; k++) {
        os->pick[c] = k;
        os->cells[c].value = os->readings[c].value[k];
        ones_try(os, c + 1, left - 1);
        os->pick[c] = 0;
        os->cells[c].value = os->readings[c].value[0];
    }
}

/* Set up the trial of row rd as read; when split_cell < the row's width, with that cell's number split
 * at its byte `at`, a 1 there taken for the column rule between two numbers ("241738" as 24 and 738),
 * the cells after it moved one column right into the row's last, missing, cell. False when that split
 * is no pair of numbers. *forced: cells printed with letters, changed in any reading. */
static bool ones_setup(ones_search *os, const cf_cell *row, size_t split_cell, size_t at, size_t *forced)
{
    size_t n = os->row->column_count;
    memcpy(os->cells, row, n * sizeof *os->cells);
    memset(os->moved, 0, sizeof os->moved);
    memset(os->pick, 0, sizeof os->pick);
    os->split = split_cell;
    if (split_cell < n) {
        const cf_cell *whole = &row[split_cell];
        char digits[32];
        bool letters;
        rule_ones left = {.count = 0}, right = {.count = 0};
        size_t len = whole->byte_end - whole->byte_start;
        if (!scanned_digits(os->data + whole->byte_start, len, digits, &letters) || letters || digits[at] != '1')
            return false;
        add_reading(digits, 0, at, &left);
        add_reading(digits, at + 1, len, &right);
        if (!left.count || !right.count)
            return false;
        memmove(&os->cells[split_cell + 1], &row[split_cell], (n - 1 - split_cell) * sizeof *os->cells);
        os->cells[split_cell].value = left.value[0];
        os->cells[split_cell].byte_end = whole->byte_start + at;
        os->cells[split_cell + 1].value = right.value[0];
        os->cells[split_cell + 1].byte_start = whole->byte_start + at + 1;
        os->cells[split_cell + 1].column = whole->column + at + 1;
        for (size_t c = split_cell; c < n; c++)
            os->moved[c] = true;
    }
    *forced = 0;
    for (size_t c = 0; c < n; c++) {
        cf_cell *cell = &os->cells[c];
        if (os->moved[c] && c <= split_cell + 1) {
            os->readings[c] = (rule_ones){.value = {cell->value}, .count = 1};
            continue; /* the two halves are read as split */
        }
        ones_readings(os->data + cell->byte_start, cell->byte_end - cell->byte_start, cell, &os->readings[c]);
        if (os->readings[c].count && cell->state == CF_CELL_INVALID) {
            cell->state = CF_CELL_NUMBER;
            cell->value = os->readings[c].value[0];
            (*forced)++;
        }
    }
    return true;
}

/* Row rd of a scanned report whose numbers no sum confirms: when reading letters as the digits they
 * stand for, dropping a 1 beside some numbers (a column rule read as the digit), and, in a row one
 * value short, splitting a number at a 1 into two, makes the row's sum hold one way only, with the
 * fewest numbers changed, read the row so, each changed number inferred with a warning naming it
 * (a cell moved by a split is inferred too). *done: the row was read so. */
static bool read_rule_ones(extractor *ex, const cf_row_def *rd, bool *done)
{
    *done = false;
    size_t n = rd->column_count;
    if (n < 2 || n > RULE_ONES_MAX_CELLS)
        return true;
    ones_search os = {.tpl = ex->report->tpl, .row = rd, .data = cf_text_data(ex->text)};
    const cf_cell *row = &ex->report->cells[rd->first_cell];
    size_t missing = 0;
    for (size_t c = 0; c < n; c++)
        missing += row[c].state == CF_CELL_MISSING;
    /* a row one value short at its end may hold a number with a rule inside it */
    bool short_one = missing == 1 && row[n - 1].state == CF_CELL_MISSING;
    size_t first = short_one ? 0 : n, last = short_one ? n - 2 : n; /* n: no split */
    for (size_t edits = 0; edits <= RULE_ONES_MAX_EDITS + (size_t)short_one && os.found == 0; edits++)
        for (size_t split = first; split <= last; split++) {
            size_t cut = split < n; /* a split is one change */
            size_t len = cut ? row[split].byte_end - row[split].byte_start : 0;
            for (size_t at = cut; cut ? at + 1 < len : at == 0; at++) {
                size_t forced;
                if (ones_setup(&os, row, split, at, &forced) && forced + cut <= edits)
                    ones_try(&os, 0, edits - forced - cut);
            }
        }
    if (os.found != 1)
        return true; /* none, or two readings as good: the row is left as read, and warned about */
    for (size_t c = 0; c < n; c++) {
        if (os.change[c] == ONES_KEPT)
            continue;
        cf_cell *cell = &ex->report->cells[rd->first_cell + c];
        *cell = os.best[c];
        cell->inferred = true;
        if (os.change[c] == ONES_MOVED)
            continue; /* a column right of a split number, as printed: the split's warnings say why */
        /* a half of a split number is quoted as printed, whole */
        size_t from = cell->byte_start, to = cell->byte_end;
        if (c == os.best_split)
            to = os.best[c + 1].byte_end;
        else if (c == os.best_split + 1)
            from = os.best[c - 1].byte_start;
        char label[256], value[32];
        cf_template_cell_label(ex->report->tpl, rd->first_cell + c, label, sizeof label);
        if (!cf_extract_warn(
                ex, cell->line, (long)(rd->first_cell + c),
                os.change[c] == ONES_LETTERS
                    ? _("%s: printed '%.*s' in a scanned table; read as %s, letters taken for the digits text "
                        "recognition misreads them as, the one reading under which the row's sum holds, check it "
                        "against the document")
                    : _("%s: printed '%.*s' in a scanned table; read as %s, a 1 beside it taken for a column rule, "
                        "the one reading under which the row's sum holds, check it against the document"),
                label, (int)(to - from), os.data + from, cf_decimal_format(cell->value, value)))
            return false;
    }
    *done = true;
    return true;
}

static int by_start(const void *a, const void *b)
{
    const cf_cell *x = *(const cf_cell *const *)a, *y = *(const cf_cell *const *)b;
    return (x->byte_start > y->byte_start) - (x->byte_start < y->byte_start);
}

/* True when some line of a table holds values separated by a '|' and values separated by blanks
 * alone: a scanned table read by text recognition, whose column rules come out as '|' in one place
 * and are lost in the next ("4260 14261|4281| 3469"). A converter that prints rules prints them
 * between every two cells of a line. Also when a cell prints letters for digits ("1o67"), which only
 * text recognition does. */
static bool tables_look_scanned(const extractor *ex)
{
    const cf_template *tpl = ex->report->tpl;
    const cf_cell *cells = ex->report->cells;
    const char *data = cf_text_data(ex->text);
    for (size_t t = 0; t < cf_template_table_count(tpl); t++) {
        const cf_table_def *td = cf_template_table(tpl, t);
        const cf_cell *on_line[256];
        /* where the table's cells were read in their order (as a table read row by row was), the cells
         * of a line from one on are the run up to the first read on a later line: the search for them
         * stops there rather than going through the rest of the table for each line */
        bool in_order = true;
        for (size_t c = 0, last = 0; c < td->cell_count && in_order; c++) {
            size_t line = cells[td->first_cell + c].line;
            in_order = line == 0 || line >= last;
            last = line ? line : last;
        }
        for (size_t c = 0; c < td->cell_count; c++) {
            const cf_cell *cell = &cells[td->first_cell + c];
            char digits[32];
            bool letters;
            if (cell->state == CF_CELL_INVALID &&
                scanned_digits(data + cell->byte_start, cell->byte_end - cell->byte_start, digits, &letters) &&
                letters)
                return true;
            size_t line = cell->line;
            if (line == 0 || (c > 0 && cells[td->first_cell + c - 1].line == line))
                continue; /* a line is looked at once */
            size_t n = 0;
            bool sorted = true; /* by where they start, as they mostly are */
            for (size_t c2 = c; c2 < td->cell_count && n < 256; c2++) {
                const cf_cell *other = &cells[td->first_cell + c2];
                if (in_order && other->line > line)
                    break;
                if (other->line == line && other->state != CF_CELL_MISSING && other->byte_end > other->byte_start) {
                    sorted = sorted && (n == 0 || on_line[n - 1]->byte_start <= other->byte_start);
                    on_line[n++] = other;
                }
            }
            if (!sorted)
                qsort(on_line, n, sizeof *on_line, by_start);
            unsigned shapes = 0;
            for (size_t i = 1; i < n; i++)
                if (on_line[i - 1]->byte_end <= on_line[i]->byte_start)
                    shapes |= 1u << gap_between(data + on_line[i - 1]->byte_end,
                                                on_line[i]->byte_start - on_line[i - 1]->byte_end);
            if ((shapes & 1u << GAP_BLANKS) && (shapes & 1u << GAP_BAR))
                return true;
        }
    }
    return false;
}

/* In a scanned report, a row whose numbers no sum confirms — its own sum fails, or there is none to
 * work out — gets a warning: a rule read as the digit 1 ("|333" as 1333) or a misread digit would not
 * show otherwise. Rows already warned about keep their warning alone. */
bool cf_scanrows_check_scanned_rows(extractor *ex)
{
    if (!tables_look_scanned(ex))
        return true;
    const cf_template *tpl = ex->report->tpl;
    for (size_t t = 0; t < cf_template_table_count(tpl); t++) {
        const cf_table_def *td = cf_template_table(tpl, t);
        for (size_t r = 0; r < td->row_count; r++) {
            const cf_row_def *rd = &td->rows[r];
            const cf_cell *row = &ex->report->cells[rd->first_cell];
            bool warned = false, read = false;
            for (size_t c = 0; c < rd->column_count; c++)
                read |= row[c].state == CF_CELL_NUMBER;
            for (size_t w = 0; w < ex->report->warning_count && !warned; w++) {
                long cell = ex->report->warnings[w].cell;
                warned = cell >= (long)rd->first_cell && cell < (long)(rd->first_cell + rd->column_count);
            }
            bool checked, repaired;
            if (!read || (cf_extract_row_cells_hold(tpl, rd, row, &checked) && checked))
                continue;
            if (!read_rule_ones(ex, rd, &repaired))
                return false;
            if (repaired || warned)
                continue;
            if (!cf_extract_warn(ex, row->line ? row->line : row->label_line, (long)rd->first_cell,
                                 checked
                                     ? _("%s %s: the tables read like a scanned document (column rules printed as '|' "
                                         "in some places and lost in others, or letters for digits) and this row's sum "
                                         "does not hold: a rule read as the digit 1 or a misread digit is as likely as "
                                         "the report's error, check the row against the document")
                                     : _("%s %s: the tables read like a scanned document (column rules printed as '|' "
                                         "in some places and lost in others, or letters for digits) and no sum checks "
                                         "this row's numbers: a rule read as the digit 1 or a misread digit would not "
                                         "show, check the row against the document"),
                                 td->number, rd->short_label))
                return false;
        }
    }
    return true;
}
