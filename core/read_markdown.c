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

/* Valid UTF-8 text with a raw HTML table block in it, or pandoc's inline attributes. */
static bool sniff_markdown(const char *name, const char *bytes, size_t len)
{
    if (!cf_utf8_valid(bytes, len, NULL))
        return false;
    bool table = false;
    for (size_t at = 0; at < len && !table;) {
        size_t end = line_end(bytes + at, len - at);
        table = opens_table(bytes + at, end) && count_nocase(bytes + at, len - at, "</table") > 0;
        at += end + 1;
    }
    return table || cf_bytes_contain_nocase(bytes, len, len, "]{style=\"");
}

/* Append the line s[0..len) with pandoc's inline markup blanked: "[text]{attributes}" keeps only
 * its text, "**" and a "::: {…}" fence line go; each character taken out leaves as many spaces as
 * the columns it took. */
static bool append_plain(cf_buf *out, const char *s, size_t len)
{
    size_t lead = 0;
    while (lead < len && s[lead] == ' ')
        lead++;
    bool fence = len - lead >= 3 && memcmp(s + lead, ":::", 3) == 0;
    /* which bytes go: the brackets of a span and its attributes, bold marks, a fence */
    char *drop = cf_calloc(len + 1, 1);
    if (!drop)
        return false;
    size_t open[16], depth = 0;
    for (size_t i = 0; i < len; i++) {
        if (fence) {
            drop[i] = 1;
        } else if (s[i] == '[') {
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
    bool ok = true;
    for (size_t i = 0; i < len && ok;) {
        uint32_t cp;
        size_t n = cf_utf8_decode(s + i, len - i, &cp);
        if (n == 0)
            n = 1;
        if (drop[i])
            ok = cf_buf_append(out, "  ", cf_is_wide(cp) ? 2 : 1);
        else
            ok = cf_buf_append(out, s + i, n);
        i += n;
    }
    cf_free(drop);
    return ok && cf_buf_append(out, "\n", 1);
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
        cf_status st = cf_html_to_text(name, s + block, block_len, "UTF-8", &rows, &rows_len, err);
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
