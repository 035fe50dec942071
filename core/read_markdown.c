/* SPDX-License-Identifier: GPL-3.0-or-later */
/* read_markdown.c — Markdown that keeps its tables as raw HTML, as pandoc writes a web page's
 * tables with merged cells and the PDF/OCR-to-markdown tools write every table.
 *
 * Each <table> block is read by the web page reader into tab-separated rows (core/reader.h); the
 * other lines stay as they are, but for pandoc's inline attributes ([规章]{style="…"}), bold
 * marks and ::: fences, which are blanked with as many spaces as the columns they took, so a
 * table aligned by spaces keeps its columns and no "10.5pt" of a style is read as a value. */
#include "reader.h"

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

/* Mark pandoc's inline markup in one band of a grid table (the row lines between two borders,
 * block[band..band_end)), cell by cell: pandoc wraps a cell's "[text]{style=…}" over as many
 * lines as the column is narrow, so the markup of a cell is found in its pieces joined. The
 * pieces of a cell are the text between the same two bars on every line; when the lines of the
 * band do not all have the same bars, each line is marked on its own. */
static bool mark_grid_band(const char *block, size_t band, size_t band_end, char *drop)
{
    size_t lines = 0, bar_count = 0;
    size_t first[MAX_GRID_BARS], bars[MAX_GRID_BARS];
    bool same = true;
    for (size_t at = band; at < band_end; lines++) {
        size_t end = line_end(block + at, band_end - at);
        size_t n = grid_bars(block + at, end, lines == 0 ? first : bars);
        if (lines == 0)
            bar_count = n;
        same = same && n == bar_count && n >= 2 && n <= MAX_GRID_BARS;
        at += end + 1;
    }
    if (!same) {
        for (size_t at = band; at < band_end;) {
            size_t end = line_end(block + at, band_end - at);
            mark_markup(block + at, end, drop + at);
            at += end + 1;
        }
        return true;
    }
    /* each cell's pieces joined without their padding, with where every joined byte came from */
    size_t room = band_end - band;
    char *joined = cf_malloc(room + 1);
    size_t *from = cf_malloc((room + 1) * sizeof *from);
    char *mark = cf_malloc(room + 1);
    bool ok = joined && from && mark;
    for (size_t k = 0; ok && k + 1 < bar_count; k++) {
        size_t n = 0;
        for (size_t at = band; at < band_end;) {
            size_t end = line_end(block + at, band_end - at);
            grid_bars(block + at, end, bars);
            size_t a = at + bars[k] + 1, b = at + bars[k + 1];
            while (a < b && block[a] == ' ')
                a++;
            while (b > a && block[b - 1] == ' ')
                b--;
            for (size_t i = a; i < b; i++) {
                joined[n] = block[i];
                from[n++] = i;
            }
            at += end + 1;
        }
        memset(mark, 0, n + 1);
        mark_markup(joined, n, mark);
        for (size_t i = 0; i < n; i++)
            drop[from[i]] |= mark[i];
    }
    cf_free(joined);
    cf_free(from);
    cf_free(mark);
    return ok;
}

/* Append a grid table (block[0..len): a border, then row lines and borders) with pandoc's inline
 * markup blanked cell by cell, so the drawn grid reader finds every bar where it was. */
static bool append_grid(cf_buf *out, const char *block, size_t len)
{
    char *drop = cf_calloc(len + 1, 1);
    if (!drop)
        return false;
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
    for (size_t at = 0; at < len && ok;) {
        size_t end = line_end(block + at, len - at);
        ok = append_blanked(out, block + at, end, drop + at);
        at += end + 1;
    }
    cf_free(drop);
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
    for (size_t at = 0; at < len && ok;) {
        size_t end = line_end(s + at, len - at);
        if (grid_border(s + at, end)) {
            /* a grid table runs over its row lines and borders */
            size_t block = at;
            do {
                at += end + 1;
                end = at < len ? line_end(s + at, len - at) : 0;
            } while (at < len && (grid_border(s + at, end) || grid_row(s + at, end)));
            ok = append_grid(&view, s + block, (at < len ? at : len) - block);
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
            return st;
        }
        ok = cf_buf_append(&view, rows, rows_len) && (rows_len == 0 || rows[rows_len - 1] == '\n' ||
                                                      cf_buf_append(&view, "\n", 1));
        cf_free(rows);
    }
    if (!ok) {
        cf_buf_release(&view);
        return cf_error_nomem(err, name);
    }
    size_t view_len = view.len;
    char *text = cf_buf_take(&view);
    if (!text)
        return cf_error_nomem(err, name);
    return cf_text_from_document(name, "markdown", "Markdown", &text, view_len, sha, out, err);
}

const cf_reader cf_reader_markdown = {"markdown", sniff_markdown, read_markdown, NULL};
