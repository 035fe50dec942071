/* SPDX-License-Identifier: GPL-3.0-or-later */
/* extract_parts.h — the inside of the extraction, shared by extract.c (tokenising, the label reader,
 * the format scan), pdfrows.c (the reading models of text printed in a PDF's drawing order) and
 * scanrows.c (the rows read from a scan). Not for use outside core/extract*.c, pdfrows.c and scanrows.c. */
#ifndef CF_EXTRACT_PARTS_H
#define CF_EXTRACT_PARTS_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "cellvalue.h"
#include "decimal.h"
#include "error.h"
#include "extract.h"
#include "layout.h"
#include "normalize.h"
#include "template.h"
#include "text.h"

struct cf_report {
    const cf_text *text;
    const cf_template *tpl;
    cf_cell *cells;
    cf_warning *warnings;
    size_t warning_count, warning_cap;
    size_t *table_lines;
    size_t *left_out; /* each table's line (1-based) saying it was left out by the converter, or 0 */
};

typedef struct {
    cf_item_kind kind;
    cf_decimal value;
    char unit[16];
    size_t line;                 /* 0-based */
    size_t byte_start, byte_end; /* in the decoded text */
    size_t note_start, note_end; /* in the decoded text; equal when none */
    size_t key_start, key_end;   /* TEXT: its compact key in the region's key buffer */
    long field;                  /* index of its tab-separated field in the line, or its column in a grid;
                                    -1 when the line has no tabs */
    unsigned grid;               /* which grid of the region it was read from (1, 2 …); 0: none */
    size_t grid_row;             /* its row in that grid */
} token;

typedef struct {
    token *items;
    size_t count, cap;
    cf_buf keys;
    unsigned grids; /* grids read into the stream so far */
} token_stream;

/* Regions whose tokens are kept for the rest of the report, and the bytes of tokens and keys they
 * may hold in all: a larger region is tokenised for each use, as before. */
#define REGIONS_KEPT 16
#define REGION_BYTES_KEPT ((size_t)8 << 20)

/* The tokens of lines [first, end), kept: a table without a heading reads the region of the table
 * before it, and a page break's tail reads the next part's region, the very lines already read. */
typedef struct {
    size_t first, end;
    token_stream ts;
} kept_region;

/* Where the last count of characters stopped on a line (a row's cells are filled left to right,
 * each counted from the line's start): kept only where every character before it was whole, so
 * counting on reads each one as a count from the start would. */
typedef struct {
    bool valid;
    size_t line, byte, col;
} char_cursor;

typedef struct {
    const cf_text *text;
    cf_report *report;
    cf_error *err;
    cf_status status;
    cf_norm_text *norms;      /* every line normalised once, for the scan and each region */
    const cf_norm_line *norm; /* the line last normalised (see cf_norm_text_line for how long it lasts) */
    cf_item_list items;
    /* the lines of the region being tokenised that the paragraph reading lexed whole: line
     * lexed_first + i's items stand at lexed_lines[i] in lexed (lexed_lines NULL: none) */
    cf_item_list lexed;
    cf_lexed_line *lexed_lines;
    size_t lexed_first;
    long colpos[64];  /* the tab field (or grid column) under each column's heading in the current region */
    bool colpos_ok;   /* every column's heading was found, left to right */
    unsigned colgrid; /* the grid the headings were found in (0: tab fields) */
    /* space-aligned text (pdftotext -layout): where each column's values sit, learned from the full
     * rows of the region, in half display columns (start + end of a value) */
    long xmid[64];
    long xtol;      /* how far a value may sit from its column's middle */
    bool xwide;     /* measured with ideographs two columns wide */
    bool xgrid_ok;
    /* field_of's place in the line it last counted tabs in */
    size_t fo_line, fo_byte, fo_start, fo_end;
    long fo_field;
    bool fo_valid, fo_tabbed;
    char_cursor cell_cursor; /* cf_extract_column_of's place for the cells filled */
    size_t region_first[64], region_end[64]; /* the lines each table was read from, once read */
    const token_stream *ts; /* the region being read */
    bool rows_apart; /* the table being read printed a row's values among another's (read_guesses_apart) */
    kept_region kept[REGIONS_KEPT]; /* regions tokenised so far (cf_extract_region_tokens) */
    size_t kept_count, kept_bytes;
} extractor;

typedef struct {
    size_t row;
    size_t start, end; /* key offsets of the match */
    size_t key_len;
} label_match;

#define FLAT_MORE_LINES 200  /* lines after the next part's heading that may still hold a flat table */

/* A run of values under no row label: token indexes [start, end) of the region's stream. */
typedef struct {
    size_t start, end;
    bool placed;
} loose_run;

#define MAX_LOOSE_RUNS 64

/* ---------- extract.c: helpers the reading models share ---------- */

/* Records that memory ran out (the first failure only, in ex's status and error). Always false. */
bool cf_extract_oom(extractor *ex);

/* Adds a printf-formatted warning on line (1-based) and cell (-1: none); the report owns it. False: no memory. */
bool cf_extract_warn(extractor *ex, size_t line, long cell, const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* True when s[0..len) holds nothing but blanks and tabs. */
bool cf_extract_is_blank(const char *s, size_t len);

/* Frees a token stream's tokens and keys; the struct itself is the caller's. */
void cf_extract_stream_release(token_stream *ts);

/* The tokens of lines [first, end), owned by ex or *spare (the caller releases spare). NULL: no memory. */
const token_stream *cf_extract_region_tokens(extractor *ex, size_t first, size_t end, token_stream *spare);

/* True when the text's line holds neither a tab nor a pipe (space-aligned text). */
bool cf_extract_line_is_spaced(const cf_text *text, size_t line);

/* The 1-based character column of decoded byte `byte` on line `line`, counting on from *cur (may be NULL). */
size_t cf_extract_column_of(const cf_text *text, char_cursor *cur, size_t line, size_t byte);

/* Fills the report's cell cell_index from token t (NULL: missing), inferred or not. False: no memory. */
bool cf_extract_fill_cell(extractor *ex, size_t cell_index, const token *t, bool inferred, size_t label_line);

/* How many tokens of run[0..n) are not empty fields. */
size_t cf_extract_count_filled(const token *run, size_t n);

/* Reads row `row` of table `table` from run[0..n), values reconciled with its columns. False: no memory. */
bool cf_extract_assign_row(extractor *ex, size_t table, size_t row, const token *run, size_t n, size_t label_line);

/* The 1-based source line of the tokens [from, to) holding key offset `at`; 0 when none does. */
size_t cf_extract_line_of_key(const token_stream *ts, size_t from, size_t to, size_t at);

/* The end of the first run of value tokens at or after *at, *at moved to its start (at the end: none). */
size_t cf_extract_value_run(const token_stream *ts, size_t *at);

/* Was cell read from token tk (present, and the same bytes of the text)? */
static inline bool cf_extract_cell_is(const cf_cell *cell, const token *tk)
{
    return cell->state != CF_CELL_MISSING && cell->byte_start == tk->byte_start && cell->byte_end == tk->byte_end;
}

/* Clears what row r was read as (its cells and their warnings), to read it again. Cannot fail. */
void cf_extract_forget_row(cf_report *rep, const cf_row_def *r);

/* Marks row r's cells inferred and warns on it with message (rows first..last named). False: no memory. */
bool cf_extract_flag_row_guess(extractor *ex, const cf_table_def *t, const cf_row_def *r, const cf_row_def *first,
                               const cf_row_def *last, const char *message);

/* False when a rule wholly within row r fails on its cells; *checked: such a rule had every term. */
bool cf_extract_row_cells_hold(const cf_template *tpl, const cf_row_def *r, const cf_cell *row_cells, bool *checked);

/* Frees the report's warnings after its first `keep`. */
void cf_extract_drop_warnings(cf_report *r, size_t keep);

/* ---------- pdfrows.c: text printed in a PDF's drawing order ---------- */

/* Reads a flat table printed a cell a line in drawing order; *done: it was. False: no memory. */
bool cf_pdfrows_extract_flat_drawn(extractor *ex, size_t table, const token_stream *ts, size_t more_first,
                                   size_t more_end, bool *done);

/* Reads the rows the labels left missing or guessed from the values in printed order. False: no memory. */
bool cf_pdfrows_extract_rows_drawn(extractor *ex, size_t table, const token_stream *ts, size_t mark, size_t more_first,
                                   size_t more_end);

/* Reads run[0..n) as a group of rows printed as one, with a warning; *used: it was. False: no memory. */
bool cf_pdfrows_read_group_row(extractor *ex, size_t table, const char *keys, size_t seg_start, size_t seg_end,
                               const token *run, size_t n, size_t label_line, bool *taken, size_t *got, bool *used);

/* Gives runs of values under no label to the unread rows between two rows read by name. False: no memory. */
bool cf_pdfrows_place_loose_runs(extractor *ex, size_t table, const token_stream *ts, loose_run *loose, size_t nloose,
                                 const bool *taken, const size_t *taken_at);

/* Reads the labels' rows from run in blocks, column by column, when one split holds. False: no memory. */
bool cf_pdfrows_read_column_blocks(extractor *ex, size_t table, const token_stream *ts, size_t seg_first, size_t at,
                                   const label_match *labels, size_t nlabels, const token *run, const size_t *bounds,
                                   bool *read);

/* Leaves the rows of labels[0..nlabels) missing, with one warning (message). False: no memory. */
bool cf_pdfrows_leave_rows_unread(extractor *ex, size_t table, const token_stream *ts, size_t seg_first, size_t at,
                                  const label_match *labels, size_t nlabels, bool *taken, size_t *got,
                                  const char *message, size_t values);

/* Takes in the unnamed rows between labels that run[0..n) fills exactly (marked in added); how many. */
size_t cf_pdfrows_add_unnamed_rows(const cf_table_def *t, const bool *taken, const token *run, size_t n,
                                   label_match *labels, size_t *nlabels, bool *added);

/* t's column names as matching keys into names (the caller releases it). False: no memory, names released. */
bool cf_pdfrows_column_keys(const cf_table_def *t, cf_buf *names, size_t *at);

/* Reads the labels' rows printed in bands under the column headings; *read: it did. False: no memory. */
bool cf_pdfrows_read_heading_bands(extractor *ex, size_t table, const token_stream *ts, size_t seg_first, size_t i,
                                   size_t *j, const label_match *labels, size_t nlabels, bool *taken, size_t *got,
                                   bool *read);

/* Reads the labels' rows from runs each after its column's heading, or leaves them unread. False: no memory. */
bool cf_pdfrows_read_headed_runs(extractor *ex, size_t table, const token_stream *ts, size_t seg_first, size_t i,
                                 size_t *j, const label_match *labels, size_t nlabels, size_t head_from, size_t head_to,
                                 bool *taken, size_t *got, bool *read);

/* ---------- scanrows.c: rows read from a scan ---------- */

/* In a report whose tables read as scanned, repairs or warns on each row no sum confirms. False: no memory. */
bool cf_scanrows_check_scanned_rows(extractor *ex);

#endif
