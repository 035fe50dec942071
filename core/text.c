/* SPDX-License-Identifier: GPL-3.0-or-later */
/* text.c — reading a report file, detecting its encoding and indexing its lines. */
#include "text.h"

#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "alloc.h"
#include "docmap.h"
#include "fileio.h"
#include "i18n.h"
#include "sha256.h"
#include "utf8.h"
#include "i18n.h"

struct cf_text {
    char *name;
    char *data; /* decoded UTF-8, NUL-terminated */
    size_t size;
    const char *encoding;
    char *described;      /* the encoding's text when a document reader wrote it (owned) */
    bool mojibake;        /* read as Latin-1 by a converter and taken back (repair_mojibake) */
    size_t mojibake_lost; /* the bytes of it that did not decode */
    const char *kind;     /* "text", or the reader that made this view of a document */
    char sha256[65];      /* computed on first use when sha_from_data: hashing 50 MB is a sixth of
                           * opening it, and a check may never ask */
    bool sha_from_data;   /* the file's bytes are data itself (after a UTF-8 BOM when bom) */
    bool bom;
    uint32_t *line_starts; /* line_count + 1 entries; the last is size + 1. 32 bits: a line
                            * index costs 4 bytes a line, and decoded text stays far below 4 GB */
    size_t line_count;
    cf_docmap *docmap; /* a document's table cells in this view (owned), or NULL */
    size_t *left_out;  /* first and end line of each span of tables the reader left out, in order */
    size_t left_out_count, left_out_cap;
};

/* 1-based line number of byte offset in raw bytes (counting LF). */
static long raw_line_of(const char *bytes, size_t offset)
{
    long line = 1;
    for (size_t i = 0; i < offset; i++)
        if (bytes[i] == '\n')
            line++;
    return line;
}

/* 1-based line number of byte offset in UTF-16 bytes (counting U+000A code units). */
static long utf16_line_of(const unsigned char *u, size_t offset, bool big_endian)
{
    long line = 1;
    for (size_t i = 0; i + 1 < offset; i += 2)
        if (big_endian ? (u[i] == 0 && u[i + 1] == '\n') : (u[i] == '\n' && u[i + 1] == 0))
            line++;
    return line;
}

/* The encodings stored with a note of how the bytes were taken: the record keeps them as written
 * here (data), the screen says them in the run's language (cf_text_describe_encoding). */
enum { UTF8_BOM, UTF8_CUT, UTF8_BOM_CUT, UTF16LE_NO_BOM, UTF16BE_NO_BOM };
static const char *const encoding_notes[] = {
    [UTF8_BOM] = N_("UTF-8 (BOM)"),
    [UTF8_CUT] = N_("UTF-8 (last character cut)"),
    [UTF8_BOM_CUT] = N_("UTF-8 (BOM, last character cut)"),
    [UTF16LE_NO_BOM] = N_("UTF-16LE (no BOM)"),
    [UTF16BE_NO_BOM] = N_("UTF-16BE (no BOM)"),
};

/* UTF-16 without a byte-order mark (iconv -t UTF-16LE, some exporters): the digits, spaces
 * and line breaks of a report put a NUL in every other byte, and CJK characters rarely do.
 * Returns "UTF-16LE", "UTF-16BE" or NULL. */
static const char *guess_bomless_utf16(const unsigned char *u, size_t len)
{
    if (len < 4 || len % 2 != 0)
        return NULL;
    size_t nul_even = 0, nul_odd = 0;
    for (size_t i = 0; i < len; i++)
        if (u[i] == 0)
            *(i % 2 ? &nul_odd : &nul_even) += 1;
    if (nul_odd >= len / 32 && nul_odd > 8 * nul_even)
        return "UTF-16LE";
    if (nul_even >= len / 32 && nul_even > 8 * nul_odd)
        return "UTF-16BE";
    return NULL;
}

/* Convert with iconv; on failure *bad_offset is where the input stopped decoding. With lost (not
 * NULL), a byte that does not decode becomes U+FFFD and is counted there instead. Caller frees. */
static cf_status convert_lossy(const char *from, const char *bytes, size_t len, char **out, size_t *out_len,
                               size_t *bad_offset, size_t *lost)
{
    iconv_t cd = iconv_open("UTF-8", from);
    if (cd == (iconv_t)-1)
        return CF_ERR_INPUT;
    size_t cap = len * 2 + 16;
    char *dst = cf_malloc(cap);
    if (!dst) {
        iconv_close(cd);
        return CF_ERR_NOMEM;
    }
    char *in = (char *)bytes;
    size_t in_left = len;
    char *o = dst;
    size_t o_left = cap - 1;
    cf_status status = CF_OK;
    while (in_left > 0) {
        if (iconv(cd, &in, &in_left, &o, &o_left) != (size_t)-1)
            continue;
        if (errno == E2BIG || (lost && o_left < 3)) { /* no room for what comes next */
            size_t used = (size_t)(o - dst);
            char *grown = cf_realloc(dst, cap * 2);
            if (!grown) {
                status = CF_ERR_NOMEM;
                break;
            }
            dst = grown;
            cap *= 2;
            o = dst + used;
            o_left = cap - 1 - used;
            continue;
        }
        if (lost) {
            memcpy(o, "\xEF\xBF\xBD", 3); /* U+FFFD for the byte that does not decode */
            o += 3;
            o_left -= 3;
            in++;
            in_left--;
            (*lost)++;
            iconv(cd, NULL, NULL, NULL, NULL);
            continue;
        }
        *bad_offset = (size_t)(in - bytes);
        status = CF_ERR_INPUT;
        break;
    }
    iconv_close(cd);
    if (status != CF_OK) {
        cf_free(dst);
        return status;
    }
    *o = '\0';
    *out = dst;
    *out_len = (size_t)(o - dst);
    return CF_OK;
}

static cf_status convert(const char *from, const char *bytes, size_t len, char **out, size_t *out_len,
                         size_t *bad_offset)
{
    return convert_lossy(from, bytes, len, out, out_len, bad_offset, NULL);
}

static bool contains_cjk(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        uint32_t cp;
        size_t n = cf_utf8_decode(s + i, len - i, &cp);
        if (n == 0) {
            i++;
            continue;
        }
        if (cf_is_cjk(cp))
            return true;
        i += n;
    }
    return false;
}

/* Bytes that decode under GB18030 are not proof of Chinese: text in another
 * encoding decodes to noise. A report says these words somewhere. */
static bool looks_like_chinese_report(const char *s)
{
    static const char *const words[] = {"政府", "信息", "公开", "申请", "年度", "情况"};
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        if (strstr(s, words[i]))
            return true;
    return false;
}

/* The bytes a converter read one byte a character (as Latin-1, or as Windows-1252, whose 0x80–0x9F
 * are letters and signs) when it printed the UTF-8 text s: "æ”¿åºœ" for 政府, "ÕþÎñ" for GBK's 政务.
 * Into *out (len bytes at most, caller frees); false when some character is none of those bytes
 * (so the text is no such mojibake) or memory runs out (*nomem). */
static bool single_byte_origin(const char *s, size_t len, char **out, size_t *out_len, bool *nomem)
{
    /* Windows-1252's 0x80–0x9F, by code point; 0 where it has none (Latin-1's C1 control stands) */
    static const uint16_t cp1252[32] = {0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
                                        0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};
    *out = NULL;
    *nomem = false;
    char *bytes = cf_malloc(len + 1);
    if (!bytes) {
        *nomem = true;
        return false;
    }
    size_t n = 0;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t k = cf_utf8_decode(s + i, len - i, &cp);
        if (k == 0)
            break;
        i += k;
        long byte = cp < 0x100 ? (long)cp : -1;
        for (size_t b = 0; b < 32 && byte < 0; b++)
            if (cp1252[b] == cp)
                byte = 0x80 + (long)b;
        if (byte < 0) {
            cf_free(bytes);
            return false;
        }
        bytes[n++] = (char)byte;
    }
    bytes[n] = '\0';
    *out = bytes;
    *out_len = n;
    return true;
}

/* UTF-8 text with no Chinese in it that is Chinese text a converter read one byte a character (a
 * web page whose charset it missed): the text it was, when its bytes read as UTF-8 or GB18030 give a
 * report. Replaces text->data and names the encoding; false when the text is no such mojibake, and
 * false with *nomem when memory ran out. */
static bool repair_mojibake(cf_text *text, bool *nomem)
{
    char *bytes;
    size_t len;
    if (!single_byte_origin(text->data, text->size, &bytes, &len, nomem))
        return false;
    /* a converter that read one byte a character also cut and wrapped by that count: a character
     * cut at a line's end or at a cell's edge lost bytes, which decode as U+FFFD, a few at most */
    static const char *const encodings[] = {"UTF-8", "GB18030"};
    char *best = NULL;
    size_t best_size = 0, best_lost = SIZE_MAX, bad;
    const char *encoding = NULL;
    for (size_t e = 0; e < 2 && !*nomem; e++) {
        char *data;
        size_t size, lost = 0;
        cf_status status = convert_lossy(encodings[e], bytes, len, &data, &size, &bad, &lost);
        *nomem = status == CF_ERR_NOMEM;
        if (status != CF_OK)
            continue;
        if (lost < best_lost && lost * 50 <= len && looks_like_chinese_report(data)) {
            cf_free(best);
            best = data;
            best_size = size;
            best_lost = lost;
            encoding = encodings[e];
        } else {
            cf_free(data);
        }
    }
    cf_free(bytes);
    if (!best)
        return false;
    cf_free(text->data);
    text->data = best;
    text->size = best_size;
    text->encoding = encoding == encodings[0] ? "UTF-8 via Latin-1" : "GB18030 via Latin-1";
    text->mojibake = true;
    text->mojibake_lost = best_lost;
    return true;
}

/* The offset after the line break at or after `from` (LF, CRLF or a lone CR), or size + 1 when
 * none is left. Without CRs (with_cr false) memchr finds the LFs. */
static size_t next_break(const char *data, size_t size, size_t from, bool with_cr)
{
    if (!with_cr) {
        const char *lf = memchr(data + from, '\n', size - from);
        return lf ? (size_t)(lf - data) + 1 : size + 1;
    }
    for (size_t i = from; i < size; i++)
        if (data[i] == '\n' || (data[i] == '\r' && data[i + 1] != '\n'))
            return i + 1;
    return size + 1;
}

static cf_status index_lines(cf_text *text, cf_error *err)
{
    bool with_cr = memchr(text->data, '\r', text->size) != NULL;
    size_t count = 1;
    for (size_t at = 0; (at = next_break(text->data, text->size, at, with_cr)) <= text->size;)
        count++;
    if (text->size >= UINT32_MAX)
        return cf_error_set(err, CF_ERR_LIMIT, text->name, 0, 0, _("text is too large to index"));
    text->line_starts = cf_malloc((count + 1) * sizeof *text->line_starts);
    if (!text->line_starts)
        return cf_error_nomem(err, text->name);
    size_t line = 0, longest = 0;
    text->line_starts[line++] = 0;
    for (size_t at = 0; (at = next_break(text->data, text->size, at, with_cr)) <= text->size;) {
        if (at - 1 - text->line_starts[line - 1] > longest)
            longest = at - 1 - text->line_starts[line - 1];
        text->line_starts[line++] = (uint32_t)at;
    }
    text->line_starts[line] = (uint32_t)(text->size + 1);
    if (text->size - text->line_starts[line - 1] > longest)
        longest = text->size - text->line_starts[line - 1];
    text->line_count = count;
    if (longest <= CF_TEXT_MAX_LINE)
        return CF_OK; /* no line can be too long: no need to measure each */
    for (size_t l = 0; l < count; l++) {
        size_t len;
        cf_text_line(text, l, &len);
        if (len > CF_TEXT_MAX_LINE)
            return cf_error_set(err, CF_ERR_LIMIT, text->name, (long)l + 1, 0,
                                _("line is %zu bytes long; crossfoot reads lines of at most %zu bytes "
                                "(is this a report?)"),
                                len, CF_TEXT_MAX_LINE);
    }
    return CF_OK;
}

/* The checks every text view passes, then its line index: there is visible text, some of it
 * Chinese, and no line is too long. */
static cf_status check_and_index(cf_text *text, cf_error *err)
{
    bool visible = false;
    for (size_t i = 0; i < text->size && !visible; i++)
        visible = !strchr(" \t\r\n\f\v", text->data[i]);
    if (!visible)
        return cf_error_set(err, CF_ERR_INPUT, text->name, 0, 0, _("empty file: there is no text to check"));
    if (!contains_cjk(text->data, text->size))
        return cf_error_set(err, CF_ERR_INPUT, text->name, 0, 0,
                            _("no Chinese text: this is not a disclosure report"));
    return index_lines(text, err);
}

/* Decode bytes. With adopt (== bytes, len + 1 allocated), text that needs no conversion
 * takes the buffer itself and *adopt becomes NULL; the caller frees what *adopt still holds. */
static cf_status decode(const char *name, const char *bytes, size_t len, char **adopt, cf_text **out,
                        cf_error *err)
{
    *out = NULL;
    if (len > CF_TEXT_MAX_BYTES)
        return cf_error_set(err, CF_ERR_LIMIT, name, 0, 0,
                            _("file is %zu MB; crossfoot reads reports of at most %zu MB"),
                            len >> 20, CF_TEXT_MAX_BYTES >> 20);
    cf_text *text = cf_calloc(1, sizeof *text);
    if (!text)
        return cf_error_nomem(err, name);
    text->name = cf_strdup(name);
    if (!text->name) {
        cf_free(text);
        return cf_error_nomem(err, name);
    }
    text->kind = "text";

    const unsigned char *u = (const unsigned char *)bytes;
    cf_status status = CF_OK;
    size_t bad = 0;
    const char *utf16 = NULL; /* the iconv name when the bytes are UTF-16 */
    size_t skip = 0;          /* its byte-order mark */
    if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))) {
        utf16 = u[0] == 0xFF ? "UTF-16LE" : "UTF-16BE";
        skip = 2;
        text->encoding = utf16;
    } else if (memchr(bytes, '\0', len) && (utf16 = guess_bomless_utf16(u, len)) != NULL) {
        text->encoding = encoding_notes[utf16[6] == 'L' ? UTF16LE_NO_BOM : UTF16BE_NO_BOM];
    }
    if (utf16) {
        status = convert(utf16, bytes + skip, len - skip, &text->data, &text->size, &bad);
        bad += skip;
        if (!skip && (status == CF_ERR_INPUT || (status == CF_OK && !looks_like_chinese_report(text->data)))) {
            cf_free(text->data); /* a guess that did not hold: binary after all (below) */
            text->data = NULL;
            utf16 = NULL;
            status = CF_OK;
        } else if (status == CF_OK && memchr(text->data, '\0', text->size)) {
            size_t at = (size_t)((const char *)memchr(text->data, '\0', text->size) - text->data);
            long line = raw_line_of(text->data, at);
            cf_text_free(text);
            return cf_error_set(err, CF_ERR_INPUT, name, line, 0,
                                _("binary file (a NUL character), not a text report"));
        }
    }
    if (!utf16) {
        const char *body = bytes;
        size_t body_len = len;
        text->encoding = "UTF-8";
        if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
            body += 3;
            body_len -= 3;
            text->encoding = encoding_notes[UTF8_BOM];
        }
        const char *nul = memchr(body, '\0', body_len);
        if (nul) {
            size_t at = (size_t)(nul - bytes);
            cf_text_free(text);
            return cf_error_set(err, CF_ERR_INPUT, name, raw_line_of(bytes, at), 0,
                                _("binary file (NUL byte at offset %zu), not a text report"), at);
        }
        bool valid = cf_utf8_valid(body, body_len, &bad);
        if (!valid && cf_utf8_cut_short(body + bad, body_len - bad)) {
            body_len = bad; /* a file cut in the middle of its last character: drop the piece */
            text->encoding = encoding_notes[body == bytes ? UTF8_CUT : UTF8_BOM_CUT];
            valid = true;
        }
        if (valid) {
            text->bom = body != bytes;
            text->sha_from_data = body_len + (text->bom ? 3 : 0) == len; /* nothing cut off */
            if (!text->sha_from_data)
                cf_sha256_of(bytes, len, text->sha256);
            if (adopt) { /* the bytes are the text: no copy of a 50 MB report */
                text->data = *adopt;
                *adopt = NULL;
                memmove(text->data, body, body_len);
                text->data[body_len] = '\0';
            } else {
                text->data = cf_strndup(body, body_len);
            }
            text->size = body_len;
            status = text->data ? CF_OK : CF_ERR_NOMEM;
            bool nomem = false;
            if (status == CF_OK && !contains_cjk(text->data, text->size)) {
                cf_text_sha256(text); /* the file's bytes, before a repair replaces them */
                if (!repair_mojibake(text, &nomem) && nomem)
                    status = CF_ERR_NOMEM;
            }
        } else {
            size_t utf8_bad = (size_t)(body - bytes) + bad;
            status = convert("GB18030", body, body_len, &text->data, &text->size, &bad);
            text->encoding = "GB18030";
            if (status == CF_ERR_INPUT) {
                cf_text_free(text);
                return cf_error_set(err, CF_ERR_INPUT, name, raw_line_of(bytes, utf8_bad), 0,
                                    _("text is neither UTF-8 nor GB18030/GBK (invalid byte 0x%02X at "
                                    "offset %zu)"),
                                    u[utf8_bad], utf8_bad);
            }
            if (status == CF_OK && !looks_like_chinese_report(text->data)) {
                cf_text_free(text);
                return cf_error_set(err, CF_ERR_INPUT, name, raw_line_of(bytes, utf8_bad), 0,
                                    _("text is not in a Chinese encoding (not UTF-8 at offset %zu, "
                                    "and as GB18030 it reads as noise)"),
                                    utf8_bad);
            }
        }
    }
    if (status == CF_ERR_NOMEM) {
        cf_text_free(text);
        return cf_error_nomem(err, name);
    }
    if (status != CF_OK && utf16) {
        cf_text_free(text);
        return cf_error_set(err, CF_ERR_INPUT, name, utf16_line_of(u + skip, bad - skip, utf16[6] == 'B'), 0,
                            _("cannot decode the text as %s (invalid or truncated at byte offset %zu)"), utf16,
                            bad);
    }
    status = check_and_index(text, err);
    if (status != CF_OK) {
        cf_text_free(text);
        return status;
    }
    if (!text->sha_from_data && !text->sha256[0])
        cf_sha256_of(bytes, len, text->sha256); /* converted text: its file's bytes are not kept */
    *out = text;
    return CF_OK;
}

cf_status cf_text_from_bytes(const char *name, const char *bytes, size_t len, cf_text **out, cf_error *err)
{
    return decode(name, bytes, len, NULL, out, err);
}

cf_status cf_text_read_file(const char *path, char **bytes_out, size_t *len_out, cf_error *err)
{
    *bytes_out = NULL;
    *len_out = 0;
    int fd;
    size_t size;
    cf_status opened = cf_file_open_read(path, N_("report"), &fd, &size, NULL, err);
    if (opened != CF_OK)
        return opened;
    if (size > CF_TEXT_MAX_BYTES) {
        close(fd);
        return cf_error_set(err, CF_ERR_LIMIT, path, 0, 0,
                            _("file is %lld MB; crossfoot reads reports of at most %zu MB"),
                            (long long)(size >> 20), CF_TEXT_MAX_BYTES >> 20);
    }
    char *bytes = cf_malloc(size + 1);
    if (!bytes) {
        close(fd);
        return cf_error_nomem(err, path);
    }
    size_t got = 0;
    while (got < size) {
        ssize_t n = read(fd, bytes + got, size - got);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        got += (size_t)n;
    }
    int read_errno = errno;
    close(fd);
    if (got != size) {
        cf_free(bytes);
        return cf_error_set(err, CF_ERR_IO, path, 0, 0, _("read failed: %s"),
                            got < size ? strerror(read_errno) : _("file changed while reading"));
    }
    bytes[size] = '\0';
    *bytes_out = bytes;
    *len_out = size;
    return CF_OK;
}

cf_status cf_text_from_buffer(const char *name, char **bytes, size_t len, cf_text **out, cf_error *err)
{
    return decode(name, *bytes, len, bytes, out, err);
}

cf_status cf_text_load(const char *path, cf_text **out, cf_error *err)
{
    *out = NULL;
    char *bytes;
    size_t size;
    cf_status status = cf_text_read_file(path, &bytes, &size, err);
    if (status != CF_OK)
        return status;
    status = cf_text_from_buffer(path, &bytes, size, out, err);
    cf_free(bytes); /* NULL when the text took the buffer */
    return status;
}

cf_status cf_text_from_document(const char *name, const char *kind, const char *described, char **utf8,
                                size_t len, const char *sha256_hex, cf_text **out, cf_error *err)
{
    *out = NULL;
    cf_text *text = cf_calloc(1, sizeof *text);
    if (!text || !(text->name = cf_strdup(name)) || !(text->described = cf_strdup(described))) {
        cf_text_free(text);
        cf_free(*utf8);
        *utf8 = NULL;
        return cf_error_nomem(err, name);
    }
    text->kind = kind;
    text->encoding = text->described;
    text->data = *utf8;
    *utf8 = NULL;
    text->size = len;
    memcpy(text->sha256, sha256_hex, 64);
    text->sha256[64] = '\0';
    cf_status status = check_and_index(text, err);
    if (status != CF_OK) {
        cf_text_free(text);
        return status;
    }
    *out = text;
    return CF_OK;
}

void cf_text_free(cf_text *text)
{
    if (!text)
        return;
    cf_free(text->name);
    cf_free(text->described);
    cf_free(text->data);
    cf_free(text->line_starts);
    cf_docmap_free(text->docmap);
    cf_free(text->left_out);
    cf_free(text);
}

void cf_text_set_docmap(cf_text *text, cf_docmap *map)
{
    cf_docmap_free(text->docmap);
    text->docmap = map;
}

const cf_docmap *cf_text_docmap(const cf_text *text) { return text->docmap; }

bool cf_text_add_left_out(cf_text *text, size_t first, size_t end)
{
    size_t *spans = text->left_out, n = text->left_out_count, at = 0;
    while (at < n && spans[2 * at + 1] < first)
        at++;
    if (at < n && spans[2 * at] <= end) { /* it meets span at, and maybe the ones after it */
        spans[2 * at] = first < spans[2 * at] ? first : spans[2 * at];
        spans[2 * at + 1] = end > spans[2 * at + 1] ? end : spans[2 * at + 1];
        size_t next = at + 1;
        while (next < n && spans[2 * next] <= spans[2 * at + 1]) {
            spans[2 * at + 1] = spans[2 * next + 1] > spans[2 * at + 1] ? spans[2 * next + 1] : spans[2 * at + 1];
            next++;
        }
        memmove(spans + 2 * (at + 1), spans + 2 * next, (n - next) * 2 * sizeof *spans);
        text->left_out_count -= next - at - 1;
        return true;
    }
    if (!cf_reserve_one(&text->left_out, n, &text->left_out_cap, 2 * sizeof *spans, 4))
        return false;
    spans = text->left_out;
    memmove(spans + 2 * (at + 1), spans + 2 * at, (n - at) * 2 * sizeof *spans);
    spans[2 * at] = first;
    spans[2 * at + 1] = end;
    text->left_out_count++;
    return true;
}

size_t cf_text_left_out_count(const cf_text *text) { return text->left_out_count; }

void cf_text_left_out(const cf_text *text, size_t i, size_t *first, size_t *end)
{
    *first = text->left_out[2 * i];
    *end = text->left_out[2 * i + 1];
}

const char *cf_text_name(const cf_text *text) { return text->name; }
const char *cf_text_data(const cf_text *text) { return text->data; }
size_t cf_text_size(const cf_text *text) { return text->size; }
const char *cf_text_encoding(const cf_text *text) { return text->encoding; }

size_t cf_text_describe_encoding(const cf_text *text, char *buf, size_t size)
{
    const char *said = text->encoding;
    for (size_t k = 0; k < sizeof encoding_notes / sizeof *encoding_notes; k++)
        if (text->encoding == encoding_notes[k])
            said = _(encoding_notes[k]);
    int n = !text->mojibake ? snprintf(buf, size, "%s", said)
            : text->mojibake_lost
                ? snprintf(buf, size,
                           P_("%s (mojibake repaired: a converter had read it as Latin-1; %zu byte was lost)",
                              "%s (mojibake repaired: a converter had read it as Latin-1; %zu bytes were lost)",
                              text->mojibake_lost),
                           text->encoding, text->mojibake_lost)
                : snprintf(buf, size, _("%s (mojibake repaired: a converter had read it as Latin-1)"), text->encoding);
    return n < 0 ? 0 : (size_t)n;
}
const char *cf_text_kind(const cf_text *text) { return text->kind; }
const char *cf_text_sha256(const cf_text *text)
{
    if (!text->sha256[0]) { /* a cache: the text itself does not change */
        cf_text *t = (cf_text *)text;
        cf_sha256 sha;
        cf_sha256_init(&sha);
        if (t->bom)
            cf_sha256_update(&sha, "\xEF\xBB\xBF", 3);
        cf_sha256_update(&sha, t->data, t->size);
        cf_sha256_hex(&sha, t->sha256);
    }
    return text->sha256;
}
size_t cf_text_line_count(const cf_text *text) { return text->line_count; }
size_t cf_text_line_offset(const cf_text *text, size_t index) { return text->line_starts[index]; }

const char *cf_text_line(const cf_text *text, size_t index, size_t *len)
{
    size_t start = text->line_starts[index];
    size_t end = text->line_starts[index + 1] - 1; /* the break (or the end) */
    if (end > start && end <= text->size && text->data[end - 1] == '\r' && end < text->size &&
        text->data[end] == '\n')
        end--;
    if (end > text->size)
        end = text->size;
    *len = end - start;
    return text->data + start;
}

size_t cf_text_line_at(const cf_text *text, size_t offset)
{
    size_t lo = 0, hi = text->line_count;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (text->line_starts[mid] <= offset)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

bool cf_text_find(const cf_text *text, const char *needle, size_t from, bool forward, size_t *found)
{
    size_t n = strlen(needle);
    if (n == 0 || n > text->size)
        return false;
    size_t last = text->size - n; /* the last offset a match can start at */
    for (size_t k = 1; k <= last + 1; k++) {
        size_t at = forward ? (from + k) % (last + 1) : (from + (last + 1) * 2 - k) % (last + 1);
        if (memcmp(text->data + at, needle, n) == 0) {
            *found = at;
            return true;
        }
    }
    return false;
}

cf_status cf_text_convert(const char *from, const char *bytes, size_t len, char **out, size_t *out_len,
                          size_t *bad_offset)
{
    return convert(from, bytes, len, out, out_len, bad_offset);
}
