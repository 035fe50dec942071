/* SPDX-License-Identifier: GPL-3.0-or-later */
/* layout.h — reading a table printed as text into a grid (core/grid): one reader per layout class.
 *
 * Each reader looks at the report's lines from a given line on and, when they hold a table of its
 * class, builds the grid and says where the table ends. Readers know nothing of labels or cell
 * ids; the label mapping reads the grid. */
#ifndef CF_LAYOUT_H
#define CF_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>

#include "cellvalue.h"
#include "grid.h"
#include "normalize.h"
#include "text.h"

/* A drawn grid (Unicode box drawing as w3m and elinks print it; ASCII "+--+" and "|" as links and
 * pandoc print it) starting at line `first` and ending before line `limit`. On success *out is the
 * grid (caller frees with cf_grid_free) and *end the line after its bottom border. Column edges are
 * taken in the display measure under which the bars line up (a CJK character one column wide or
 * two); a cell is every piece of text inside its row band and column span, joined. Returns false
 * with *out NULL when the lines there are no drawn grid, and false with *nomem set when memory
 * ran out. */
bool cf_layout_drawn(const cf_text *text, size_t first, size_t limit, cf_grid **out, size_t *end, bool *nomem);

/* True when line `line` may be the top border of a drawn grid: a cheap test to run on every line
 * before cf_layout_drawn. */
bool cf_layout_drawn_starts(const cf_text *text, size_t line);

/* A table under a rule of dash segments (pandoc's simple and multiline tables: "  ----- -----" over,
 * or around, rows aligned by spaces) whose rule is line `first`, ending before line `limit`. Each
 * segment is a column, from its first column to the next one's; a word goes to the column its first
 * character stands in (CJK one column wide or two, whichever the words fit), so a blank cell is an
 * empty cell of its own column. Rows are the lines up to a closing rule or an empty line; where
 * empty lines part rows before a closing rule, the lines between them are one row. On success *out
 * is the grid (caller frees) and *end the line after the table; false with *out NULL when the lines
 * there are no such table, and false with *nomem set when memory ran out. */
bool cf_layout_ruled(const cf_text *text, size_t first, size_t limit, cf_grid **out, size_t *end, bool *nomem);

/* True when line `line` may be the rule over such a table (two or more runs of dashes): a cheap test
 * to run on every line before cf_layout_ruled. */
bool cf_layout_ruled_starts(const cf_text *text, size_t line);

/* A markdown pipe table (pandoc's pipe tables, PDF-to-markdown tools' output): a header row, a
 * delimiter row ("|---|:---:|") and rows, each one line that starts and ends with a bar, from line
 * `first` to the first line that does not start with a bar (or `limit`). Each cell is the text
 * between two bars, trimmed; a blank one is an empty cell of its column. On success *out is the
 * grid (caller frees with cf_grid_free; the delimiter row is not in it) and *end the line after the
 * table. Returns false with *out NULL when the lines there are no such table (among them a row with
 * another number of cells, or one that does not close with a bar: a cell wrapped over lines), and
 * false with *nomem set when memory ran out. */
bool cf_layout_pipe(const cf_text *text, size_t first, size_t limit, cf_grid **out, size_t *end, bool *nomem);

/* True when line `line` starts with a bar (spaces aside): a cheap test to run on every line before
 * cf_layout_pipe. */
bool cf_layout_pipe_starts(const cf_text *text, size_t line);

/* Where the items of one normalised line, lexed whole, stand in a list: [start, start + count);
 * count is SIZE_MAX when the line was not lexed. */
typedef struct {
    size_t start, count;
} cf_lexed_line;

/* One cell a paragraph (lynx dumps a web table so: each cell a paragraph, one empty line between
 * paragraphs, a blank cell one more empty line). When lines [first, end) read that way — most
 * lines holding only a value are one empty line apart — blanks[i] (for line first + i, an array of
 * end - first the caller gives) is the number of blank cells the empty lines before it stand for;
 * otherwise every count is 0. The lines are read from norms (the text's normalised lines, which the
 * caller's reading of the region shares). When lexed is not NULL, the items of the lines it had to
 * lex whole (cf_lex_field of the normalised line; up to some 65,000 items) are appended to it and
 * lines[i] (an array of end - first) says where line first + i's stand, so the caller need not lex
 * them again. Returns false when memory runs out. */
bool cf_layout_paragraph_blanks(cf_norm_text *norms, size_t first, size_t end, size_t *blanks, cf_item_list *lexed,
                                cf_lexed_line *lines);

#endif
