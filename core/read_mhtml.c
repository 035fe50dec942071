/* SPDX-License-Identifier: GPL-3.0-or-later */
/* read_mhtml.c — a web archive (.mht/.mhtml, Word's and browsers' "single file web page"): a MIME
 * message (RFC 2557) whose first text/html part is the page. That part is decoded (quoted-printable
 * or base64) and read as any web page, in the charset its part declares. */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "alloc.h"
#include "i18n.h"
#include "reader.h"
#include "sha256.h"

/* A web archive is a MIME message: its headers say so near the start. */
static bool sniff_mhtml(const char *name, const char *bytes, size_t len)
{
    return cf_bytes_contain_nocase(bytes, len, 4096, "MIME-Version:") &&
           cf_bytes_contain_nocase(bytes, len, 4096, "multipart/related");
}

typedef struct {
    const char *at;
    size_t len;
} span;

/* The end of the line that starts at p (before its \n), and where the next one starts. */
static const char *line_end(const char *p, const char *end, const char **next)
{
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    *next = nl ? nl + 1 : end;
    const char *e = nl ? nl : end;
    return e > p && e[-1] == '\r' ? e - 1 : e;
}

/* The headers at the start of s (up to the first empty line) and the body after them. */
static void split_headers(span s, span *headers, span *body)
{
    const char *p = s.at, *end = s.at + s.len, *next;
    while (p < end) {
        const char *e = line_end(p, end, &next);
        if (e == p)
            break;
        p = next;
    }
    *headers = (span){s.at, (size_t)(p - s.at)};
    const char *after = end;
    if (p < end)
        line_end(p, end, &after); /* past the empty line */
    *body = (span){after, (size_t)(end - after)};
}

/* The value of header name in headers, its folded lines joined, into out (cut at size); "" when
 * the header is absent. */
static void header(span headers, const char *name, char *out, size_t size)
{
    size_t n = strlen(name), k = 0;
    out[0] = '\0';
    const char *p = headers.at, *end = headers.at + headers.len, *next;
    while (p < end) {
        const char *e = line_end(p, end, &next);
        if ((size_t)(e - p) > n && p[n] == ':' && strncasecmp(p, name, n) == 0) {
            const char *v = p + n + 1;
            while (v < e && (*v == ' ' || *v == '\t'))
                v++;
            for (;;) {
                for (; v < e && k + 1 < size; v++)
                    out[k++] = *v == '\t' ? ' ' : *v;
                if (next >= end || (*next != ' ' && *next != '\t'))
                    break; /* a line that starts with blank space continues the header */
                v = next;
                e = line_end(next, end, &next);
            }
            out[k] = '\0';
            return;
        }
        p = next;
    }
}

/* Parameter key of a header value (`multipart/related; boundary="x"`), quoted or not, into out. */
static bool parameter(const char *value, const char *key, char *out, size_t size)
{
    size_t n = strlen(key);
    for (const char *p = strchr(value, ';'); p; p = strchr(p + 1, ';')) {
        const char *k = p + 1;
        while (*k == ' ')
            k++;
        if (strncasecmp(k, key, n) != 0 || k[n] != '=')
            continue;
        const char *v = k + n + 1;
        bool quoted = *v == '"';
        v += quoted;
        size_t len = 0;
        while (v[len] && (quoted ? v[len] != '"' : v[len] != ';' && v[len] != ' ') && len + 1 < size)
            len++;
        memcpy(out, v, len);
        out[len] = '\0';
        return len > 0;
    }
    return false;
}

/* The first place at a line's start where delimiter occurs in s, or NULL. */
static const char *find_delimiter(span s, const char *delimiter)
{
    size_t n = strlen(delimiter);
    const char *end = s.at + s.len;
    for (const char *p = s.at; p && (size_t)(end - p) >= n; p = memchr(p, '\n', (size_t)(end - p))) {
        if (*p == '\n')
            p++;
        if ((size_t)(end - p) >= n && memcmp(p, delimiter, n) == 0)
            return p;
    }
    return NULL;
}

static int hex_value(char c)
{
    return c >= '0' && c <= '9' ? c - '0' : (c | 0x20) >= 'a' && (c | 0x20) <= 'f' ? (c | 0x20) - 'a' + 10 : -1;
}

/* Quoted-printable (RFC 2045 6.7) into out (room for s.len bytes): =XX a byte, = at a line's end
 * joins the lines; anything else as it is. */
static size_t decode_quoted_printable(span s, char *out)
{
    size_t k = 0;
    for (size_t i = 0; i < s.len; i++) {
        if (s.at[i] != '=') {
            out[k++] = s.at[i];
            continue;
        }
        size_t j = i + 1;
        while (j < s.len && (s.at[j] == ' ' || s.at[j] == '\t'))
            j++;
        if (j < s.len && (s.at[j] == '\n' || s.at[j] == '\r')) {
            i = j + (s.at[j] == '\r' && j + 1 < s.len && s.at[j + 1] == '\n');
            continue;
        }
        int hi = i + 1 < s.len ? hex_value(s.at[i + 1]) : -1, lo = i + 2 < s.len ? hex_value(s.at[i + 2]) : -1;
        if (hi >= 0 && lo >= 0) {
            out[k++] = (char)(hi << 4 | lo);
            i += 2;
        } else {
            out[k++] = '='; /* not an escape: kept, as mail readers do */
        }
    }
    return k;
}

/* Base64 (RFC 2045 6.8) into out (room for s.len bytes): characters outside the alphabet (line
 * breaks) are skipped, '=' ends it. */
static size_t decode_base64(span s, char *out)
{
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    size_t k = 0;
    unsigned bits = 0, held = 0;
    for (size_t i = 0; i < s.len && s.at[i] != '='; i++) {
        const char *c = s.at[i] ? strchr(alphabet, s.at[i]) : NULL;
        if (!c)
            continue;
        bits = bits << 6 | (unsigned)(c - alphabet);
        held += 6;
        if (held >= 8) {
            held -= 8;
            out[k++] = (char)(bits >> held & 0xFF);
        }
    }
    return k;
}

/* The page is content, under headers whose Content-Type is type: its transfer encoding and charset. */
static bool take_page(span headers, const char *type, span content, span *body, char *encoding, char *charset)
{
    header(headers, "Content-Transfer-Encoding", encoding, 64);
    if (!parameter(type, "charset", charset, 32))
        charset[0] = '\0';
    *body = content;
    return true;
}

/* The page: the first text/html part of the archive (or its whole body when the message is a
 * page itself), its body, transfer encoding and charset. */
static bool find_page(span message, span *body, char *encoding, char *charset)
{
    span headers, rest;
    split_headers(message, &headers, &rest);
    char type[1024], boundary[200], delimiter[204];
    header(headers, "Content-Type", type, sizeof type);
    if (strncasecmp(type, "text/html", 9) == 0) {
        return take_page(headers, type, rest, body, encoding, charset);
    }
    if (strncasecmp(type, "multipart/", 10) != 0 || !parameter(type, "boundary", boundary, sizeof boundary))
        return false;
    snprintf(delimiter, sizeof delimiter, "--%s", boundary);
    const char *part = find_delimiter(rest, delimiter);
    while (part) {
        const char *next;
        line_end(part, rest.at + rest.len, &next); /* past the delimiter's line */
        if (strncmp(part + strlen(delimiter), "--", 2) == 0)
            return false; /* the closing delimiter: no page before it */
        span after = {next, (size_t)(rest.at + rest.len - next)};
        const char *stop = find_delimiter(after, delimiter);
        span whole = {next, (size_t)((stop ? stop : rest.at + rest.len) - next)}, part_headers, part_body;
        split_headers(whole, &part_headers, &part_body);
        header(part_headers, "Content-Type", type, sizeof type);
        if (strncasecmp(type, "text/html", 9) == 0) {
            return take_page(part_headers, type, part_body, body, encoding, charset);
        }
        part = stop;
    }
    return false;
}

static cf_status read_mhtml(const char *name, char **bytes, size_t len, cf_text **out, cf_error *err)
{
    *out = NULL;
    span page;
    char encoding[64], charset[32];
    if (!find_page((span){*bytes, len}, &page, encoding, charset))
        return cf_error_set(err, CF_ERR_INPUT, name, 0, 0,
                            _("a single-file web page (.mht/.mhtml) with no web page in it: no text/html part "
                              "was found; save the page as .html and check that"));
    char *html = cf_malloc(page.len + 1);
    if (!html)
        return cf_error_nomem(err, name);
    size_t html_len;
    if (strncasecmp(encoding, "quoted-printable", 16) == 0)
        html_len = decode_quoted_printable(page, html);
    else if (strncasecmp(encoding, "base64", 6) == 0)
        html_len = decode_base64(page, html);
    else
        memcpy(html, page.at, html_len = page.len); /* 7bit, 8bit, binary */
    html[html_len] = '\0';
    char sha[65];
    cf_sha256_of(*bytes, len, sha);
    cf_status st = cf_html_read(name, "mhtml", html, html_len, charset[0] ? charset : NULL, sha, out, err);
    cf_free(html);
    return st;
}

const cf_reader cf_reader_mhtml = {"mhtml", sniff_mhtml, read_mhtml, NULL};
