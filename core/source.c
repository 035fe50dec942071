/* SPDX-License-Identifier: GPL-3.0-or-later */
/* source.c — deciding the one encoding of a source and reading its lines as UTF-8. */
#include "source.h"

#include <stdbool.h>
#include <string.h>

#include "alloc.h"
#include "i18n.h"
#include "text.h"
#include "utf8.h"

void cf_source_init(cf_source *src, const char *name)
{
    src->name = name;
    src->encoding = CF_SOURCE_UNDECIDED;
    src->decided_at = 0;
}

const char *cf_source_encoding_name(const cf_source *src)
{
    return src->encoding == CF_SOURCE_UTF8 ? "UTF-8" : src->encoding == CF_SOURCE_GB18030 ? "GB18030" : "";
}

static bool is_ascii(const char *bytes, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)bytes[i] >= 0x80)
            return false;
    return true;
}

/* A line that is UTF-8 with something beyond ASCII: proof that its source was written as UTF-8. */
static bool utf8_beyond_ascii(const char *bytes, size_t len) { return !is_ascii(bytes, len) && cf_utf8_valid(bytes, len, NULL); }

/* How a whole source stands against UTF-8: *bad_line the first line that is not UTF-8 and not
 * merely cut inside its last character (0 when none), *utf8_line a line that is UTF-8 beyond
 * ASCII (0 when none is). */
static void survey(const char *bytes, size_t len, long *bad_line, long *utf8_line)
{
    *bad_line = 0;
    *utf8_line = 0;
    long line = 1;
    for (size_t at = 0; at <= len; line++) {
        const char *nl = memchr(bytes + at, '\n', len - at);
        size_t end = nl ? (size_t)(nl - bytes) : len;
        size_t n = end - at;
        if (n && bytes[end - 1] == '\r')
            n--;
        size_t bad;
        if (!cf_utf8_valid(bytes + at, n, &bad)) {
            if (!*bad_line && !cf_utf8_cut_short(bytes + at + bad, n - bad))
                *bad_line = line;
        } else if (!*utf8_line && !is_ascii(bytes + at, n)) {
            *utf8_line = line;
        }
        if (!nl)
            break;
        at = end + 1;
    }
}

static cf_status refuse_cut(const cf_source *src, long line, cf_error *err)
{
    return cf_error_set(err, CF_ERR_INPUT, src->name, line, 0, "%s",
                        _("the line is cut inside a character: it is refused, not guessed at"));
}

/* line is in one encoding and other_line in the other: this_utf8 says which is UTF-8. */
static cf_status refuse_mixed(const cf_source *src, long line, bool this_utf8, long other_line, cf_error *err)
{
    return cf_error_set(err, CF_ERR_INPUT, src->name, line, 0,
                        this_utf8 ? _("the line is UTF-8, but line %ld is not: one text in two encodings is "
                                      "refused (save it as UTF-8)")
                                  : _("the line is not UTF-8, but line %ld is: one text in two encodings is "
                                      "refused (save it as UTF-8)"),
                        other_line);
}

static cf_status refuse_unknown(const cf_source *src, long line, cf_error *err)
{
    return cf_error_set(err, CF_ERR_INPUT, src->name, line, 0, "%s",
                        _("the text is neither UTF-8 nor GB18030 (save it as UTF-8)"));
}

/* bytes as GB18030: CF_OK when all of it decodes (into *out, caller frees, when out is not NULL). */
static cf_status as_gb18030(const char *bytes, size_t len, char **out)
{
    char *text = NULL;
    size_t text_len, bad;
    cf_status st = cf_text_convert("GB18030", bytes, len, &text, &text_len, &bad);
    if (out)
        *out = text;
    else
        cf_free(text);
    return st;
}

cf_status cf_source_decide(cf_source *src, const char *bytes, size_t len, cf_error *err)
{
    long bad_line, utf8_line;
    survey(bytes, len, &bad_line, &utf8_line);
    src->decided_at = 0;
    if (!bad_line) { /* a line cut inside a character is refused when it is read */
        src->encoding = CF_SOURCE_UTF8;
        return CF_OK;
    }
    if (utf8_line)
        return refuse_mixed(src, bad_line, false, utf8_line, err);
    cf_status st = as_gb18030(bytes, len, NULL);
    if (st == CF_ERR_NOMEM)
        return cf_error_nomem(err, src->name);
    if (st != CF_OK)
        return refuse_unknown(src, bad_line, err);
    src->encoding = CF_SOURCE_GB18030;
    return CF_OK;
}

cf_status cf_source_line(cf_source *src, long line, const char *bytes, size_t len, char **out, cf_error *err)
{
    *out = NULL;
    size_t bad = 0;
    bool utf8 = cf_utf8_valid(bytes, len, &bad);
    if (!utf8 && src->encoding != CF_SOURCE_GB18030 && cf_utf8_cut_short(bytes + bad, len - bad))
        return refuse_cut(src, line, err);
    if (src->encoding == CF_SOURCE_UNDECIDED && !is_ascii(bytes, len)) {
        /* a stream is decided by its first line beyond ASCII */
        src->encoding = utf8 ? CF_SOURCE_UTF8 : CF_SOURCE_GB18030;
        src->decided_at = line;
    }
    if (src->encoding == CF_SOURCE_GB18030) {
        if (utf8_beyond_ascii(bytes, len))
            return refuse_mixed(src, line, true, src->decided_at, err);
        cf_status st = as_gb18030(bytes, len, out);
        if (st == CF_ERR_NOMEM)
            return cf_error_nomem(err, src->name);
        if (st != CF_OK) {
            if (src->decided_at == line)
                src->encoding = CF_SOURCE_UNDECIDED; /* it decided nothing */
            return refuse_unknown(src, line, err);
        }
        return CF_OK;
    }
    if (!utf8)
        return src->decided_at ? refuse_mixed(src, line, false, src->decided_at, err) : refuse_unknown(src, line, err);
    *out = cf_strndup(bytes, len);
    return *out ? CF_OK : cf_error_nomem(err, src->name);
}
