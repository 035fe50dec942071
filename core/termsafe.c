/* SPDX-License-Identifier: GPL-3.0-or-later */
/* termsafe.c — escaping what a terminal would obey (see termsafe.h). */
#include "termsafe.h"

#include <stdint.h>
#include <string.h>

#include "utf8.h"

static bool is_bidi_control(uint32_t cp)
{
    return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F ||
           cp == 0x061C;
}

/* What a byte tells escape without a look further: 1 for printable ASCII and a tab, 3 for the lead
 * byte of a three-byte character from U+3000 on (E3..EF but ED, whose continuations make no
 * control, no bidi mark and no surrogate), 0 for what must be decoded. */
static const unsigned char PLAIN[256] = {
    ['\t'] = 1,
    [0x20] = 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    [0x40] = 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    [0x60] = 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0,
    [0xE3] = 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 0, 3, 3,
};

/* Calls put(ctx, bytes, n) with s made safe, piece by piece; false as soon as put fails. */
static bool escape(const char *s, size_t len, bool lines, bool (*put)(void *ctx, const char *bytes, size_t n),
                   void *ctx)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t plain = 0; /* start of the run of bytes that need no escape */
    for (size_t i = 0; i < len;) {
        /* most of what is printed needs no look (PLAIN): a table look-up a byte rather than ranges */
        unsigned plain_as = PLAIN[u[i]];
        if (plain_as == 1) {
            i++;
            continue;
        }
        if (plain_as == 3 && i + 3 <= len && ((u[i + 1] ^ 0x80) | (u[i + 2] ^ 0x80)) < 0x40) {
            i += 3; /* both continuation bytes (10xxxxxx) */
            continue;
        }
        uint32_t cp;
        size_t n = cf_utf8_decode(s + i, len - i, &cp);
        bool allowed = cp == '\t' || (lines && (cp == '\n' || (cp == '\r' && i + 1 < len && s[i + 1] == '\n')));
        bool control = cp < 0x20 || (cp >= 0x7F && cp <= 0x9F);
        char esc[16];
        const char *with = NULL;
        if (n == 0)
            with = "\xEF\xBF\xBD"; /* a byte that is not UTF-8 (a file name, a cut message) */
        else if (control && !allowed) {
            snprintf(esc, sizeof esc, cp < 0x80 ? "\\x%02X" : "\\u%04X", (unsigned)cp);
            with = esc;
        } else if (is_bidi_control(cp)) {
            snprintf(esc, sizeof esc, "\\u%04X", (unsigned)cp);
            with = esc;
        }
        if (with) {
            if ((i > plain && !put(ctx, s + plain, i - plain)) || !put(ctx, with, strlen(with)))
                return false;
            i += n ? n : 1;
            plain = i;
        } else
            i += n;
    }
    return len <= plain || put(ctx, s + plain, len - plain);
}

static bool put_buf(void *ctx, const char *bytes, size_t n) { return cf_buf_append(ctx, bytes, n); }
static bool put_file(void *ctx, const char *bytes, size_t n) { return fwrite(bytes, 1, n, ctx) == n; }

bool cf_termsafe_append(cf_buf *out, const char *s, size_t len, bool lines)
{
    size_t before = out->len;
    if (escape(s, len, lines, put_buf, out))
        return true;
    out->len = before;
    if (out->data)
        out->data[before] = '\0';
    return false;
}

void cf_termsafe_write(FILE *f, const char *s, size_t len, bool lines) { escape(s, len, lines, put_file, f); }
