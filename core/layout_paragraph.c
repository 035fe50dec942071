/* SPDX-License-Identifier: GPL-3.0-or-later */
/* layout_paragraph.c — one cell a line or a paragraph: the converter's blank idiom turned into blank
 * cells. Each idiom is learned from the region itself, and the first that holds is the region's:
 *
 * - lynx prints each cell of a web table as a paragraph and separates paragraphs with one empty line,
 *   so an empty cell shows only as one more empty line: "1", "", "", "5" is 1, a blank, 5. It holds
 *   when most pairs of neighbouring value lines are exactly one empty line apart. Then every run of
 *   k ≥ 2 empty lines next to a value line stands for k - 1 blank cells.
 * - html2text splits a pipe row into paragraphs, each cell after a line holding only "|": "|", "",
 *   "106", "" is a cell, and "|" with three empty lines (or the two spaces ending the row) and no
 *   text before the next line is a blank one. It holds when lines of a lone "|" are many.
 * - mutool prints one cell a line and an empty cell as a line of one space. It holds when values
 *   stand one a line and lines of one space are among them. */
#include "layout.h"

#include <stdint.h>
#include <string.h>

#include "alloc.h"
#include "cellvalue.h"
#include "normalize.h"

enum { LINE_BLANK, LINE_VALUE, LINE_VALUES, LINE_WORDS };

#define MIN_PAIRS 3   /* value lines one empty line apart needed to believe the idiom */
#define SHORT_LINE 256 /* longer lines are never a lone value, and are not read twice */
/* Items handed back at most (5 MB): past them a line's items are not kept and the caller lexes it
 * again, so a region of many lines of many values costs no more memory than before. */
#define KEEP_ITEMS 65536

/* LINE_VALUE for a line holding one value and nothing else, LINE_VALUES for several values and no
 * words, LINE_BLANK, or LINE_WORDS. */
/* The normalised line when it is short enough to be a lone value, else NULL (and *ok false when
 * memory ran out). */
static const cf_norm_line *short_line(cf_norm_text *norms, size_t line, bool *ok)
{
    if (cf_norm_text_source_length(norms, line) > SHORT_LINE)
        return NULL;
    const cf_norm_line *norm = cf_norm_text_line(norms, line);
    if (!norm)
        *ok = false;
    return norm;
}

/* The line's items are appended to items and *at says where they stand. */
static int classify(cf_norm_text *norms, size_t line, cf_item_list *items, cf_lexed_line *at, bool *ok)
{
    const cf_norm_line *norm = short_line(norms, line, ok);
    if (!norm)
        return LINE_WORDS;
    if (norm->dropped)
        return LINE_BLANK; /* a page marker: as if it were not there */
    size_t start = items->count;
    if (!cf_lex_field(norm->text, norm->len, items)) {
        *ok = false;
        return LINE_WORDS;
    }
    *at = (cf_lexed_line){start, items->count - start};
    if (at->count == 0)
        return memchr(norm->text, '\t', norm->len) ? LINE_WORDS : LINE_BLANK; /* a lone tab is a cell */
    for (size_t i = start; i < items->count; i++)
        if (items->items[i].kind == CF_ITEM_TEXT)
            return LINE_WORDS;
    return at->count == 1 ? LINE_VALUE : LINE_VALUES;
}

/* True when the line is LINE_BLANK for classify, which it can tell without lexing: a line lexes to no
 * item exactly when it holds nothing but spaces and tabs. */
static bool is_blank_line(cf_norm_text *norms, size_t line, bool *ok)
{
    const cf_norm_line *norm = short_line(norms, line, ok);
    if (!norm)
        return false;
    if (norm->dropped)
        return true;
    for (size_t i = 0; i < norm->len; i++)
        if (norm->text[i] != ' ')
            return false;
    return true;
}

/* At most how many pairs of value lines stand one empty line apart: the gaps of exactly one blank
 * line between lines that are not blank. Fewer than MIN_PAIRS and the idiom cannot hold, and no
 * line needs lexing. */
static size_t single_gaps(cf_norm_text *norms, size_t first, size_t n, bool *ok)
{
    size_t gaps = 0, run = 0;
    bool seen = false; /* a line that is not blank came before */
    for (size_t i = 0; i < n && *ok; i++) {
        if (is_blank_line(norms, first + i, ok)) {
            run++;
            continue;
        }
        gaps += seen && run == 1;
        seen = true;
        run = 0;
    }
    return gaps;
}

/* True when the line holds a lone "|" (spaces around it aside). */
static bool is_lone_bar(cf_norm_text *norms, size_t line, bool *ok)
{
    const cf_norm_line *norm = short_line(norms, line, ok);
    if (!norm || norm->dropped)
        return false;
    size_t bars = 0;
    for (size_t i = 0; i < norm->len; i++) {
        if (norm->text[i] == '|')
            bars++;
        else if (norm->text[i] != ' ')
            return false;
    }
    return bars == 1;
}

/* html2text's idiom: a lone "|" followed by three or more blank lines (the cell's text would stand
 * on the second) is a blank cell, counted before the next line that is not blank; a lone "|" after
 * the two spaces that end a row, with nothing between, follows a blank first cell. False when
 * memory ran out; *held says whether the region shows the idiom. */
static bool bar_blanks(cf_norm_text *norms, size_t first, size_t n, size_t *blanks, bool *held)
{
    bool ok = true;
    size_t bars = 0;
    for (size_t i = 0; i < n && ok; i++)
        bars += is_lone_bar(norms, first + i, &ok);
    *held = ok && bars >= MIN_PAIRS;
    if (!*held)
        return ok;
    for (size_t i = 0; i < n && ok; i++) {
        if (!is_lone_bar(norms, first + i, &ok))
            continue;
        bool row_end = false;
        for (size_t k = i; k-- > 0 && is_blank_line(norms, first + k, &ok);)
            row_end |= cf_norm_text_source_length(norms, first + k) == 2;
        if (row_end)
            blanks[i]++;
        size_t j = i + 1;
        while (j < n && is_blank_line(norms, first + j, &ok))
            j++;
        if (j < n && j - i - 1 >= 3)
            blanks[j]++;
    }
    return ok;
}

/* A line of exactly one space, blank when normalised: mutool's idiom cannot hold without one. */
static bool is_space_line(cf_norm_text *norms, size_t line, bool *ok)
{
    return cf_norm_text_source_length(norms, line) == 1 && is_blank_line(norms, line, ok);
}

static bool has_space_line(cf_norm_text *norms, size_t first, size_t n, bool *ok)
{
    for (size_t i = 0; i < n && *ok; i++)
        if (is_space_line(norms, first + i, ok))
            return true;
    return false;
}

/* mutool's idiom: a line of exactly one space among lines of one value each is a blank cell. */
static bool space_blanks(cf_norm_text *norms, size_t first, size_t n, const unsigned char *kind, size_t *blanks,
                         bool *held)
{
    size_t values = 0, several = 0, spaces = 0;
    bool ok = true;
    for (size_t i = 0; i < n; i++) {
        values += kind[i] == LINE_VALUE;
        several += kind[i] == LINE_VALUES;
        spaces += kind[i] == LINE_BLANK && is_space_line(norms, first + i, &ok);
    }
    *held = ok && spaces > 0 && values >= MIN_PAIRS && several * 20 <= values;
    for (size_t i = 0; *held && i < n; i++)
        if (kind[i] == LINE_BLANK && is_space_line(norms, first + i, &ok))
            blanks[i]++;
    return ok;
}

bool cf_layout_paragraph_blanks(cf_norm_text *norms, size_t first, size_t end, size_t *blanks, cf_item_list *lexed,
                                cf_lexed_line *lines)
{
    size_t n = end > first ? end - first : 0;
    for (size_t i = 0; i < n; i++)
        blanks[i] = 0;
    for (size_t i = 0; lines && i < n; i++)
        lines[i] = (cf_lexed_line){0, SIZE_MAX};
    if (n == 0)
        return true;
    bool possible = true;
    bool held = false;
    if (!bar_blanks(norms, first, n, blanks, &held))
        return false;
    if (held)
        return true;
    size_t gaps = single_gaps(norms, first, n, &possible);
    if (!possible)
        return false;
    if (gaps < MIN_PAIRS && !has_space_line(norms, first, n, &possible))
        return possible; /* neither lynx's idiom nor mutool's can hold: no line needs lexing */
    unsigned char *kind = cf_malloc(n);
    if (!kind)
        return false;
    cf_item_list own;
    cf_item_list_init(&own);
    bool ok = true;
    for (size_t i = 0; i < n && ok; i++) {
        bool keep = lexed && lines && lexed->count < KEEP_ITEMS;
        cf_lexed_line at;
        own.count = 0;
        kind[i] = (unsigned char)classify(norms, first + i, keep ? lexed : &own, keep ? &lines[i] : &at, &ok);
    }
    cf_item_list_release(&own);
    if (ok && !space_blanks(norms, first, n, kind, blanks, &held))
        ok = false;
    if (!ok || held || gaps < MIN_PAIRS) {
        cf_free(kind);
        return ok;
    }
    /* the idiom: neighbouring value lines one empty line apart, more often than not, and hardly a
     * line of several values (PDF text puts lone values one empty line apart too, but also prints
     * several cells on a line, and a blank cell there prints nothing) */
    size_t one_apart = 0, pairs = 0, several = 0;
    size_t prev = n; /* the last line that was not blank */
    for (size_t i = 0; ok && i < n; i++) {
        if (kind[i] == LINE_BLANK)
            continue;
        several += kind[i] == LINE_VALUES;
        if (prev < n && kind[prev] == LINE_VALUE && kind[i] == LINE_VALUE) {
            pairs++;
            one_apart += i - prev == 2;
        }
        prev = i;
    }
    if (ok && one_apart >= MIN_PAIRS && one_apart * 4 >= pairs * 3 && several * 20 <= pairs) {
        prev = n;
        for (size_t i = 0; i < n; i++) {
            if (kind[i] == LINE_BLANK)
                continue;
            size_t gap = prev < n ? i - prev - 1 : 0;
            if (gap >= 2 && (kind[i] == LINE_VALUE || kind[prev] == LINE_VALUE))
                blanks[i] = gap - 1;
            prev = i;
        }
    }
    cf_free(kind);
    return ok;
}
