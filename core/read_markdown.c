/* SPDX-License-Identifier: GPL-3.0-or-later */
/* read_markdown.c — Markdown that keeps its tables as raw HTML, as pandoc writes a web page's
 * tables with merged cells and the PDF/OCR-to-markdown tools write every table.
 *
 * Each <table> block is read by the web page reader into tab-separated rows (core/reader.h); the
 * other lines stay as they are, but for pandoc's inline attributes ([规章]{style="…"}), bold
 * marks and ::: fences, which are blanked with as many spaces as the columns they took, so a
 * table aligned by spaces keeps its columns and no "10.5pt" of a style is read as a value. */
#include "reader.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "alloc.h"
#include "buf.h"
#include "sha256.h"
#include "utf8.h"

/* Where the line starting at s (len bytes to the end of the text) ends, without its break. */
static size_t line_end(const char *s, size_t len)
{
    const char *nl = memchr(s, '\n', len);
    return nl ? (size_t)(nl - s) : len;
}

/* The lines of a grid block where tables were left out (blanked), as pairs of first and end line. */
typedef struct {
    size_t *lines;
    size_t count, cap; /* pairs */
} left_out;

static bool add_left_out(left_out *out, size_t first, size_t end)
{
    if (!cf_reserve_one(&out->lines, out->count, &out->cap, 2 * sizeof *out->lines, 4))
        return false;
    out->lines[2 * out->count] = first;
    out->lines[2 * out->count + 1] = end;
    out->count++;
    return true;
}

/* True when the line opens a raw HTML table: "<table" after at most three spaces. */
static bool opens_table(const char *line, size_t len)
{
    size_t i = 0;
    while (i < len && i < 3 && line[i] == ' ')
        i++;
    return len - i >= 6 && strncasecmp(line + i, "<table", 6) == 0;
}

/* Occurrences of needle (ASCII, lower case) in s[0..len), ignoring case. */
static size_t count_nocase(const char *s, size_t len, const char *needle)
{
    size_t count = 0;
    for (const char *p = s; (p = cf_bytes_find_nocase(p, len - (size_t)(p - s), needle)) != NULL; p++)
        count++;
    return count;
}

/* True when bytes hold a line that opens a raw HTML table ("<table" after at most three spaces)
 * with a "</table" after it. Found by searching for "<table" in the whole text, not line by line:
 * a line-by-line walk was a sixth of opening a 50 MB plain text report. */
static bool holds_table_block(const char *bytes, size_t len)
{
    for (const char *p = bytes; (p = cf_bytes_find_nocase(p, len - (size_t)(p - bytes), "<table")) != NULL; p++) {
        size_t indent = 0;
        while (indent < 4 && p - indent > bytes && p[-(ptrdiff_t)indent - 1] == ' ')
            indent++;
        bool opens_line = indent <= 3 && (p - indent == bytes || p[-(ptrdiff_t)indent - 1] == '\n');
        if (opens_line && cf_bytes_find_nocase(p, len - (size_t)(p - bytes), "</table"))
            return true;
    }
    return false;
}

/* Valid UTF-8 text with a raw HTML table block in it, or pandoc's inline attributes. The marks
 * are looked for first: a plain text report (nearly every one) is then not validated here as
 * well as when it is decoded (a third of opening a 50 MB report). */
static bool sniff_markdown(const char *name, const char *bytes, size_t len)
{
    return (holds_table_block(bytes, len) || cf_bytes_contain_nocase(bytes, len, len, "{style=\"")) &&
           cf_utf8_valid(bytes, len, NULL);
}

/* Mark in drop[] the bytes of s[0..len) that are pandoc's inline markup: the brackets of a
 * "[text]{attributes}" span and its attributes, and "**" bold marks. */
static void mark_markup(const char *s, size_t len, char *drop)
{
    size_t open[16], depth = 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '[') {
            if (depth < 16)
                open[depth] = i;
            depth++;
        } else if (s[i] == ']' && depth > 0) {
            depth--;
            const char *close = i + 1 < len && s[i + 1] == '{' ? memchr(s + i + 1, '}', len - i - 1) : NULL;
            if (close && depth < 16) {
                size_t end = (size_t)(close - s);
                drop[open[depth]] = 1;
                memset(drop + i, 1, end + 1 - i);
                i = end;
            }
        } else if (s[i] == '*' && i + 1 < len && s[i + 1] == '*') {
            drop[i] = drop[i + 1] = 1;
            i++;
        }
    }
}

/* Append the line s[0..len) with the bytes drop[] marks blanked: each character taken out leaves
 * as many spaces as the columns it took. Text that only markup parts ("[17]{…}[32]{…}", a number
 * Word split into two runs) runs together, as a browser shows it: the spaces go after it, before
 * the next space or bar, so what follows keeps its column. */
static bool append_blanked(cf_buf *out, const char *s, size_t len, const char *drop)
{
    bool ok = true;
    size_t pending = 0;    /* spaces held back */
    bool after_text = false; /* the last character kept is text, with only markup since */
    size_t held = 0;       /* spaces of the markup since that text */
    for (size_t i = 0; i < len && ok;) {
        uint32_t cp;
        size_t n = cf_utf8_decode(s + i, len - i, &cp);
        if (n == 0)
            n = 1;
        size_t width = cf_is_wide(cp) ? 2 : 1;
        if (drop[i]) {
            held += width;
        } else if (s[i] == ' ' || s[i] == '|') {
            for (size_t k = 0; ok && k < pending + held; k++)
                ok = cf_buf_append(out, " ", 1);
            pending = held = 0;
            ok = ok && cf_buf_append(out, s + i, n);
            after_text = false;
        } else {
            if (after_text)
                pending += held; /* markup between two pieces of text: they join */
            else
                for (size_t k = 0; ok && k < held; k++)
                    ok = cf_buf_append(out, " ", 1);
            held = 0;
            ok = ok && cf_buf_append(out, s + i, n);
            after_text = true;
        }
        i += n;
    }
    for (size_t k = 0; ok && k < pending + held; k++)
        ok = cf_buf_append(out, " ", 1);
    return ok && cf_buf_append(out, "\n", 1);
}

/* Append the line s[0..len) with pandoc's inline markup blanked; a "::: {…}" fence line goes whole. */
static bool append_plain(cf_buf *out, const char *s, size_t len)
{
    size_t lead = 0;
    while (lead < len && s[lead] == ' ')
        lead++;
    char *drop = cf_calloc(len + 1, 1);
    if (!drop)
        return false;
    if (len - lead >= 3 && memcmp(s + lead, ":::", 3) == 0)
        memset(drop, 1, len);
    else
        mark_markup(s, len, drop);
    bool ok = append_blanked(out, s, len, drop);
    cf_free(drop);
    return ok;
}

/* The line without its leading spaces, when it is a grid table's border: "+", then only rules
 * ("-", "=", alignment ":") and junctions, ending in "+". */
static bool grid_border(const char *s, size_t len)
{
    while (len > 0 && s[len - 1] == ' ')
        len--;
    size_t i = 0;
    while (i < len && s[i] == ' ')
        i++;
    if (len - i < 3 || s[i] != '+' || s[len - 1] != '+')
        return false;
    for (; i < len; i++)
        if (s[i] != '+' && s[i] != '-' && s[i] != '=' && s[i] != ':')
            return false;
    return true;
}

/* True when the line (after leading spaces) is a grid table's row line: it starts with "|". */
static bool grid_row(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len && s[i] == ' ')
        i++;
    return i < len && s[i] == '|';
}

#define MAX_GRID_BARS 64

/* Positions of the bars "|" of the line s[0..len) into bars[], their count (MAX_GRID_BARS + 1 when
 * there are more). */
static size_t grid_bars(const char *s, size_t len, size_t *bars)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        if (s[i] == '|') {
            if (n == MAX_GRID_BARS)
                return n + 1;
            bars[n++] = i;
        }
    return n;
}

/* The pieces of the cell between bars k and k + 1 of the lines block[first..end) (each line with
 * more than k + 1 bars) joined without their padding into joined[], with where each joined byte
 * came from in from[] (both as long as end - first); returns the bytes joined. */
static size_t join_cell(const char *block, size_t first, size_t end, size_t k, char *joined, size_t *from)
{
    size_t n = 0, bars[MAX_GRID_BARS];
    for (size_t at = first; at < end;) {
        size_t stop = line_end(block + at, end - at);
        if (grid_bars(block + at, stop, bars) <= k + 1) {
            at += stop + 1; /* a line short of this cell's bars */
            continue;
        }
        size_t a = at + bars[k] + 1, b = at + bars[k + 1];
        while (a < b && block[a] == ' ')
            a++;
        while (b > a && block[b - 1] == ' ')
            b--;
        for (size_t i = a; i < b; i++) {
            joined[n] = block[i];
            from[n++] = i;
        }
        at += stop + 1;
    }
    return n;
}

/* True when joined[a..b) is all digits, the whole text of one span: a '[' of markup just before,
 * a ']' of markup just after. */
static bool whole_span(const char *joined, const char *mark, size_t n, size_t a, size_t b)
{
    while (a > 0 && !mark[a - 1] && isdigit((unsigned char)joined[a - 1]))
        a--;
    return a > 0 && mark[a - 1] && joined[a - 1] == '[' && b < n && mark[b] && joined[b] == ']';
}

/* True when the line breaks between joined[a] and joined[b] of a cell (from[] where each byte
 * came from in block) are all cuts pandoc made where it had no space to break at: inside a
 * paragraph (no empty line between) and not between one span's "}" and the next one's "[", where
 * a space may have been. */
static bool cut_inside(const char *block, const char *joined, const size_t *from, size_t a, size_t b)
{
    for (size_t t = a; t < b; t++) {
        size_t breaks = 0;
        for (size_t k = from[t] + 1; k < from[t + 1]; k++)
            breaks += block[k] == '\n';
        if (breaks > 1 || (breaks == 1 && joined[t] == '}' && joined[t + 1] == '['))
            return false;
    }
    return true;
}

/* Word splits a number into runs ("[39]{…}[02]{…}") and a narrow grid cell wraps the second onto
 * a line of its own: digits after digits with only markup between are one number, as a browser
 * shows it (read as two, 3902 was the values 39 and 2). pandoc also cuts a span's number where
 * no space was ("[3" / "9]{…}"): digits on two lines with nothing between are one number when
 * they are the whole text of one span. The later digits are written on after the first ones, over
 * the blanked markup and padding there (ASCII, a column a byte) when it has room for them and one
 * more column before the bar, and blanked where they were. joined[0..n) is a cell's pieces of
 * block, from[] where each byte came from, mark[] its markup. */
static void join_split_digits(char *block, const char *joined, const size_t *from, const char *mark, size_t n,
                              char *drop)
{
    size_t moved = SIZE_MAX, moved_to = 0; /* the joined byte last written on elsewhere, and where */
    for (size_t j = 1; j < n; j++) {
        size_t i = j;
        while (i > 0 && mark[i - 1])
            i--;
        if (mark[j] || i == 0 || !isdigit((unsigned char)joined[j]) || !isdigit((unsigned char)joined[i - 1]))
            continue;
        size_t after = i - 1 == moved ? moved_to : from[i - 1]; /* the first digits' last byte */
        if (!memchr(block + after, '\n', from[j] > after ? from[j] - after : 0))
            continue; /* on one line: append_blanked runs them together */
        size_t end = j;
        while (end < n && !mark[end] && from[end] == from[j] + (end - j) &&
               (isdigit((unsigned char)joined[end]) || joined[end] == '.' || joined[end] == ','))
            end++;
        if ((i == j && !whole_span(joined, mark, n, i - 1, end)) || !cut_inside(block, joined, from, i - 1, j))
            continue; /* a line break between words, as far as the text says */
        size_t room = 0;
        for (char c; room <= end - j; room++) {
            c = block[after + 1 + room];
            if (c == '|' || c == '\n' || (unsigned char)c >= 0x80 || (c != ' ' && !drop[after + 1 + room]))
                break;
        }
        if (room <= end - j)
            continue;
        for (size_t k = 0; k < end - j; k++) {
            block[after + 1 + k] = joined[j + k];
            drop[after + 1 + k] = 0;
            drop[from[j + k]] = 1;
        }
        moved = end - 1;
        moved_to = after + (end - j);
        j = end - 1;
    }
}

/* Mark pandoc's inline markup in one band of a grid table (the row lines between two borders,
 * block[band..band_end)), cell by cell: pandoc wraps a cell's "[text]{style=…}" over as many
 * lines as the column is narrow, so the markup of a cell is found in its pieces joined. The
 * pieces of a cell are the text between the same two bars on each line of a run of lines with as
 * many bars (a bar more or less: a frame's bar the converter cut or moved): a grid drawn inside a
 * cell of the band (a web page laid out in a table) is a run of its own, its cells joined as its
 * own. A line with fewer than two bars is marked on its own. */
static bool mark_grid_band(char *block, size_t band, size_t band_end, char *drop)
{
    size_t room = band_end - band;
    char *joined = cf_malloc(room + 1);
    size_t *from = cf_malloc((room + 1) * sizeof *from);
    char *mark = cf_malloc(room + 1);
    bool ok = joined && from && mark;
    size_t bars[MAX_GRID_BARS];
    for (size_t run = band; ok && run < band_end;) {
        /* the lines from run on with as many bars: a table nested in the cell has bands of its own */
        size_t end = line_end(block + run, band_end - run);
        size_t bar_count = grid_bars(block + run, end, bars), run_end = run + end + 1;
        while (run_end < band_end) {
            size_t next = line_end(block + run_end, band_end - run_end);
            size_t count = grid_bars(block + run_end, next, bars);
            if (count + 1 < bar_count || count > bar_count + 1 || count < 2)
                break; /* a bar more or less: a frame's bar the converter cut or moved, the same rows */
            if (count > bar_count)
                bar_count = count;
            run_end += next + 1;
        }
        if (run_end > band_end)
            run_end = band_end;
        if (bar_count < 2 || bar_count > MAX_GRID_BARS)
            for (size_t at = run; at < run_end;) {
                size_t stop = line_end(block + at, run_end - at);
                mark_markup(block + at, stop, drop + at);
                at += stop + 1;
            }
        /* each cell's pieces joined without their padding, with where every joined byte came from */
        for (size_t k = 0; bar_count >= 2 && bar_count <= MAX_GRID_BARS && k + 1 < bar_count; k++) {
            size_t n = join_cell(block, run, run_end, k, joined, from);
            memset(mark, 0, n + 1);
            mark_markup(joined, n, mark);
            for (size_t i = 0; i < n; i++)
                drop[from[i]] |= mark[i];
            join_split_digits(block, joined, from, mark, n, drop);
        }
        run = run_end;
    }
    cf_free(joined);
    cf_free(from);
    cf_free(mark);
    return ok;
}

/* True when block[a..b) (a grid cell's piece of one line) holds only runs of dashes (three or
 * more) and spaces, a rule of a table inside the cell; *edge says whether its dashes reach the
 * cell's right bar, padding aside. */
static bool cell_rule(const char *block, size_t a, size_t b, bool *edge)
{
    size_t run = 0, longest = 0, last = a;
    for (size_t i = a; i < b; i++) {
        if (block[i] == '-') {
            last = i;
            if (++run > longest)
                longest = run;
        } else if (block[i] == ' ') {
            run = 0;
        } else {
            return false;
        }
    }
    *edge = longest >= 3 && last + 2 >= b;
    return longest >= 3;
}

/* Line i of lines[] (their offsets in block) holds a rule in the cell between its bars k and k + 1,
 * with as many bars as `count`; *edge as cell_rule. */
static bool rule_at(const char *block, const size_t *lines, size_t line_count, size_t i, size_t k, size_t count,
                    bool *edge)
{
    if (i >= line_count)
        return false;
    size_t bars[MAX_GRID_BARS];
    size_t len = lines[i + 1] - 1 - lines[i];
    return grid_bars(block + lines[i], len, bars) == count &&
           cell_rule(block, lines[i] + bars[k] + 1, lines[i] + bars[k + 1], edge);
}

/* A table wider than the grid cell holding it (pandoc's simple or multiline table inside a web
 * page's layout table) has every line wrapped by the cell: its rule runs on over the next line up
 * to the cell's edge, and each row over several lines, a row's values on lines of their own (read
 * so, 730 went to 规章's first column for 1062). Which piece belongs to which row and column
 * cannot be told, so the table, from its wrapped rule to the wrapped rule that closes it (or to
 * where the cell ends), is blanked: its cells missing rather than read into the wrong places, and
 * its lines added to *out so that the parts missing can say why. lines[] holds the offsets of
 * block's line_count lines and one more, block's end + 1. False when out of memory. */
static bool drop_wrapped_tables(const char *block, const size_t *lines, size_t line_count, char *drop, left_out *out)
{
    size_t bars[MAX_GRID_BARS];
    for (size_t i = 0; i < line_count; i++) {
        size_t count = grid_bars(block + lines[i], lines[i + 1] - 1 - lines[i], bars);
        if (count < 2 || count > MAX_GRID_BARS)
            continue;
        for (size_t k = 0; k + 1 < count; k++) {
            bool edge, next_edge; /* the line's own bars first: the next line is looked at only under a rule */
            if (!cell_rule(block, lines[i] + bars[k] + 1, lines[i] + bars[k + 1], &edge) ||
                !rule_at(block, lines, line_count, i + 1, k, count, &next_edge) || !next_edge)
                continue;
            size_t end = i + 2;
            while (rule_at(block, lines, line_count, end, k, count, &edge))
                end++;
            bool closed = false;
            for (; !closed && end < line_count &&
                   grid_bars(block + lines[end], lines[end + 1] - 1 - lines[end], bars) == count;
                 end++)
                if (rule_at(block, lines, line_count, end, k, count, &edge) &&
                    rule_at(block, lines, line_count, end + 1, k, count, &edge)) {
                    while (rule_at(block, lines, line_count, end + 1, k, count, &edge))
                        end++;
                    closed = true;
                }
            for (size_t j = i; j < end; j++) {
                grid_bars(block + lines[j], lines[j + 1] - 1 - lines[j], bars);
                memset(drop + lines[j] + bars[k] + 1, 1, bars[k + 1] - bars[k] - 1);
            }
            if (!add_left_out(out, i, end))
                return false;
            i = end - 1;
            break;
        }
    }
    return true;
}

/* pandoc keeps a table with merged cells as raw HTML, and inside a grid cell (a web page laid out
 * in a table) wraps that HTML over the cell's lines, a tag's attributes cut anywhere ("styl" /
 * "e=\"border: …; padding: 0"), so the web page reader cannot be given it and its text read as
 * prose makes numbers of the attributes. Each "<table" … "</table>" found in a cell's pieces joined
 * (over lines with as many bars) is blanked: its cells missing, not read from its markup, and its
 * lines added to *out. block[0..len) holds line_count lines starting at lines[]. */
static bool drop_wrapped_html(const char *block, size_t len, const size_t *lines, size_t line_count, char *drop,
                              left_out *out)
{
    char *joined = cf_malloc(len + 1);
    size_t *from = cf_malloc((len + 1) * sizeof *from);
    bool ok = joined && from;
    size_t bars[MAX_GRID_BARS];
    for (size_t i = 0, run; ok && i < line_count; i = run) {
        size_t count = grid_bars(block + lines[i], lines[i + 1] - 1 - lines[i], bars);
        for (run = i + 1;
             run < line_count && grid_bars(block + lines[run], lines[run + 1] - 1 - lines[run], bars) == count;)
            run++;
        size_t end = lines[run] < len ? lines[run] : len;
        /* a raw table starts a line of its cell, so "<table" is whole on it: cells are joined only then */
        bool raw = cf_bytes_find_nocase(block + lines[i], end - lines[i], "<table") != NULL;
        for (size_t k = 0; raw && count >= 2 && count <= MAX_GRID_BARS && k + 1 < count; k++) {
            size_t n = join_cell(block, lines[i], end, k, joined, from);
            for (const char *p = joined; (p = cf_bytes_find_nocase(p, n - (size_t)(p - joined), "<table")) != NULL;) {
                const char *close = cf_bytes_find_nocase(p, n - (size_t)(p - joined), "</table");
                const char *stop = close ? memchr(close, '>', n - (size_t)(close - joined)) : NULL;
                size_t last = stop ? (size_t)(stop - joined) : n - 1;
                for (size_t b = (size_t)(p - joined); b <= last; b++)
                    drop[from[b]] = 1;
                size_t first_line = i, end_line = i + 1;
                while (first_line + 1 < run && lines[first_line + 1] <= from[(size_t)(p - joined)])
                    first_line++;
                while (end_line < run && lines[end_line] <= from[last])
                    end_line++;
                if (!add_left_out(out, first_line, end_line))
                    ok = false;
                p = joined + last + 1;
            }
        }
    }
    cf_free(joined);
    cf_free(from);
    return ok;
}

/* Append a grid table (block[0..len): a border, then row lines and borders) with pandoc's inline
 * markup blanked cell by cell, so the drawn grid reader finds every bar where it was. The lines of
 * the tables it left out are added to *left (the grid's first line is line first_line of out). */
static bool append_grid(cf_buf *out, const char *source, size_t len, size_t first_line, left_out *left)
{
    char *drop = cf_calloc(len + 1, 1);
    char *block = cf_malloc(len + 1); /* a number's digits split over lines are written together */
    if (!drop || !block) {
        cf_free(drop);
        cf_free(block);
        return false;
    }
    memcpy(block, source, len);
    block[len] = '\n'; /* where a last line without its break ends */
    bool ok = true;
    size_t band = 0;
    for (size_t at = 0; at < len && ok;) {
        size_t end = line_end(block + at, len - at);
        if (grid_border(block + at, end)) {
            ok = mark_grid_band(block, band, at, drop);
            band = at + end + 1;
        }
        at += end + 1;
    }
    size_t line_count = 0;
    for (size_t at = 0; at < len; line_count++)
        at += line_end(block + at, len - at) + 1;
    size_t *lines = cf_malloc((line_count + 1) * sizeof *lines);
    ok = ok && lines;
    for (size_t at = 0, i = 0; ok && at < len; i++) {
        lines[i] = at;
        at += line_end(block + at, len - at) + 1;
        lines[i + 1] = at;
    }
    size_t had = left->count;
    ok = ok && drop_wrapped_tables(block, lines, line_count, drop, left) &&
         drop_wrapped_html(block, len, lines, line_count, drop, left);
    for (size_t i = had; ok && i < left->count; i++) {
        left->lines[2 * i] += first_line;
        left->lines[2 * i + 1] += first_line;
    }
    for (size_t i = 0; ok && i < line_count; i++)
        ok = append_blanked(out, block + lines[i], lines[i + 1] - 1 - lines[i], drop + lines[i]);
    cf_free(lines);
    cf_free(drop);
    cf_free(block);
    return ok;
}

static cf_status read_markdown(const char *name, char **bytes, size_t len, cf_text **out, cf_error *err)
{
    *out = NULL;
    char sha[65];
    cf_sha256_of(*bytes, len, sha);
    const char *s = *bytes;
    cf_buf view;
    cf_buf_init(&view);
    bool ok = cf_buf_reserve(&view, len + 1); /* never NULL, even for a view with nothing in it */
    left_out left = {0};
    size_t view_lines = 0, counted = 0; /* the view's lines in its first counted bytes */
    for (size_t at = 0; at < len && ok;) {
        size_t end = line_end(s + at, len - at);
        if (grid_border(s + at, end)) {
            /* a grid table runs over its row lines and borders */
            size_t block = at;
            do {
                at += end + 1;
                end = at < len ? line_end(s + at, len - at) : 0;
            } while (at < len && (grid_border(s + at, end) || grid_row(s + at, end)));
            for (; counted < view.len; counted++)
                view_lines += view.data[counted] == '\n';
            ok = append_grid(&view, s + block, (at < len ? at : len) - block, view_lines, &left);
            continue;
        }
        if (!opens_table(s + at, end)) {
            ok = append_plain(&view, s + at, end);
            at += end + 1;
            continue;
        }
        /* the block runs to the line closing its outermost table (or the end of the text) */
        size_t block = at, depth = 0;
        do {
            end = line_end(s + at, len - at);
            depth += count_nocase(s + at, end, "<table");
            size_t closed = count_nocase(s + at, end, "</table");
            depth = closed < depth ? depth - closed : 0;
            at += end + 1;
        } while (depth > 0 && at < len);
        size_t block_len = (at < len ? at : len) - block;
        char *rows;
        size_t rows_len;
        cf_status st = cf_html_to_text(name, s + block, block_len, "UTF-8", &rows, &rows_len, NULL, err);
        if (st != CF_OK) {
            cf_buf_release(&view);
            cf_free(left.lines);
            return st;
        }
        ok = cf_buf_append(&view, rows, rows_len) && (rows_len == 0 || rows[rows_len - 1] == '\n' ||
                                                      cf_buf_append(&view, "\n", 1));
        cf_free(rows);
    }
    size_t view_len = view.len;
    char *text = ok ? cf_buf_take(&view) : NULL;
    cf_buf_release(&view);
    cf_status st = text ? cf_text_from_document(name, "markdown", "Markdown", &text, view_len, sha, out, err)
                        : cf_error_nomem(err, name);
    for (size_t i = 0; st == CF_OK && i < left.count; i++)
        if (!cf_text_add_left_out(*out, left.lines[2 * i], left.lines[2 * i + 1])) {
            cf_text_free(*out);
            *out = NULL;
            st = cf_error_nomem(err, name);
        }
    cf_free(left.lines);
    return st;
}

const cf_reader cf_reader_markdown = {"markdown", sniff_markdown, read_markdown, NULL};
