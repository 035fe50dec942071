/* SPDX-License-Identifier: GPL-3.0-or-later */
/* normalize.c — normalised view of a line, with a map back to the source bytes. */
#include "normalize.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "alloc.h"
#include "utf8.h"

void cf_norm_line_init(cf_norm_line *line) { memset(line, 0, sizeof *line); }

void cf_norm_line_release(cf_norm_line *line)
{
    cf_free(line->text);
    cf_free(line->origin);
    cf_norm_line_init(line);
}

static bool ensure(cf_norm_line *line, size_t need)
{
    if (need + 1 <= line->cap)
        return true;
    size_t cap = line->cap ? line->cap : 128;
    while (cap < need + 1)
        cap *= 2;
    char *text = cf_realloc(line->text, cap);
    if (!text)
        return false;
    line->text = text;
    uint32_t *origin = cf_realloc(line->origin, cap * sizeof *origin);
    if (!origin)
        return false;
    line->origin = origin;
    line->cap = cap;
    return true;
}

/* A three-byte character whose lead byte admits every continuation (E1..EF but ED: no overlong
 * form, no surrogate), the bulk of a Chinese report: decoded here without a call. */
static inline bool three_byte(const unsigned char *u, size_t len, uint32_t *cp)
{
    if (len < 3 || u[0] < 0xE1 || u[0] == 0xED || u[0] > 0xEF || (u[1] & 0xC0) != 0x80 || (u[2] & 0xC0) != 0x80)
        return false;
    *cp = (uint32_t)(u[0] & 0x0F) << 12 | (uint32_t)(u[1] & 0x3F) << 6 | (u[2] & 0x3F);
    return true;
}

static void emit(cf_norm_line *line, const char *bytes, size_t n, size_t src_offset)
{
    for (size_t i = 0; i < n; i++) {
        line->text[line->len] = bytes[i];
        line->origin[line->len] = (uint32_t)src_offset;
        line->len++;
    }
}

/* Code point → replacement (UTF-8 into out), or 0 bytes to drop it; returns -1 to keep as is. */
static int map_codepoint(uint32_t cp, char *out)
{
    if (cp == 0xFEFF || (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || cp == '\r')
        return 0;
    if (cp == 0x3000 || cp == 0x00A0 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F ||
        cp == 0x205F || cp == '\f' || cp == '\v') {
        out[0] = ' ';
        return 1;
    }
    if (cp < 0x20 && cp != '\t') { /* other control characters: never part of a match */
        out[0] = ' ';
        return 1;
    }
    if (cp == 0x7F) {
        out[0] = ' ';
        return 1;
    }
    if (cp >= 0xFF01 && cp <= 0xFF5E) { /* full-width ASCII */
        out[0] = (char)(cp - 0xFF01 + 0x21);
        return 1;
    }
    if (cp == 0x2212 || cp == 0xFE63) { /* minus signs */
        out[0] = '-';
        return 1;
    }
    if (cp >= 0x2500 && cp <= 0x257F) { /* box drawing: horizontals are rules, the rest bars */
        bool horizontal = cp == 0x2500 || cp == 0x2501 || cp == 0x2504 || cp == 0x2505 ||
                          cp == 0x2508 || cp == 0x2509 || cp == 0x2550 || cp == 0x254C ||
                          cp == 0x254D;
        out[0] = horizontal ? '-' : '|';
        return 1;
    }
    return -1;
}

static const char *const SPACE_ENTITIES[] = {"&nbsp;", "&ensp;", "&emsp;", "&#160;", "&#12288;"};

/* Character entities left by web pages; the words around them must still match ("危及&ldquo;三安全…"). */
static const struct {
    const char *entity, *text;
} NAMED_ENTITIES[] = {
    {"&ldquo;", "\xE2\x80\x9C"}, {"&rdquo;", "\xE2\x80\x9D"}, {"&lsquo;", "\xE2\x80\x98"},
    {"&rsquo;", "\xE2\x80\x99"}, {"&quot;", "\""},             {"&amp;", "&"},
    {"&lt;", "<"},                {"&gt;", ">"},                {"&mdash;", "\xE2\x80\x94"},
    {"&ndash;", "\xE2\x80\x93"}, {"&middot;", "\xC2\xB7"},     {"&hellip;", "\xE2\x80\xA6"},
};

/* Numeric entity "&#12345;" or "&#x3000;" at s: its code point and length, or 0. */
static size_t numeric_entity(const char *s, size_t len, uint32_t *cp)
{
    if (len < 4 || s[0] != '&' || s[1] != '#')
        return 0;
    bool hex = s[2] == 'x' || s[2] == 'X';
    size_t i = hex ? 3 : 2;
    uint32_t v = 0;
    size_t digits = 0;
    for (; i < len && digits < 7; i++, digits++) {
        int d;
        if (isdigit((unsigned char)s[i]))
            d = s[i] - '0';
        else if (hex && isxdigit((unsigned char)s[i]))
            d = tolower((unsigned char)s[i]) - 'a' + 10;
        else
            break;
        v = v * (hex ? 16 : 10) + (uint32_t)d;
    }
    if (digits == 0 || i >= len || s[i] != ';' || v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
        return 0;
    *cp = v;
    return i + 1;
}

/* The length of a known tag's "<name" or "</name" at s (a web page's tags left in a cell: br, p,
 * span …), 0 when s starts no such tag. */
static size_t tag_name(const char *s, size_t len, bool *inline_tag)
{
    /* the tags that break no line (a browser runs "<span>17</span><span>32</span>" together) first */
    static const char *const names[] = {"span", "b", "i", "u", "strong", "em", "font", "sup", "sub", "a", "o:p",
                                        "br", "p", "div", "td", "th", "tr", "table", "tbody", "thead", "li",
                                        "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "section"};
    enum { INLINE_TAGS = 11 };
    size_t i = 1;
    if (i < len && s[i] == '/')
        i++;
    size_t name_start = i;
    while (i < len && (isalnum((unsigned char)s[i]) || s[i] == ':'))
        i++;
    size_t name_len = i - name_start;
    bool known = false;
    for (size_t k = 0; k < sizeof names / sizeof *names && !known; k++) {
        known = strlen(names[k]) == name_len && strncasecmp(s + name_start, names[k], name_len) == 0;
        *inline_tag = k < INLINE_TAGS;
    }
    return known && (i == len || s[i] == '>' || s[i] == ' ' || s[i] == '/') ? i : 0;
}

/* An HTML tag a web page left in a cell ("<br>", "<br />", "</p>", "<span style=…>"): its length, or
 * 0. A tag the converter broke over two lines is one too: "<span" at the end of a line is the length
 * to the line's end. *inline_tag says whether it is one that breaks no line. */
static size_t html_tag(const char *s, size_t len, bool *inline_tag)
{
    size_t i = tag_name(s, len, inline_tag);
    if (!i)
        return 0;
    for (; i < len && i < 400; i++) {
        if (s[i] == '<')
            return 0;
        if (s[i] == '>')
            return i + 1;
    }
    return i == len ? len : 0;
}

/* The rest of a tag broken over two lines at the start of a line ('style="font-family:宋体">' under
 * a line that ends in "<span"): attributes, then '>'. Its length, or 0. */
static size_t tag_tail(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len && s[i] == ' ')
        i++;
    bool attribute = false;
    while (i < len) {
        size_t name = i;
        while (i < len && (isalnum((unsigned char)s[i]) || s[i] == '-' || s[i] == ':' || s[i] == '_'))
            i++;
        if (i == name || i >= len || s[i] != '=')
            return 0;
        i++;
        if (i < len && (s[i] == '"' || s[i] == '\'')) {
            const char *close = memchr(s + i + 1, s[i], len - i - 1);
            if (!close || memchr(s + i, '<', (size_t)(close - (s + i))))
                return 0;
            i = (size_t)(close - s) + 1;
        } else {
            while (i < len && s[i] != ' ' && s[i] != '>' && s[i] != '<')
                i++;
        }
        attribute = true;
        while (i < len && s[i] == ' ')
            i++;
        if (i < len && s[i] == '>')
            return attribute ? i + 1 : 0;
    }
    return 0;
}

/* Page markers and rule lines. */
static bool is_dropped_line(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len && s[i] == ' ')
        i++;
    if (i == len)
        return false;
    /* each form below starts with one of these (a dash, "=", "+", ":", "|", a tab, the lead byte of
     * "—" and "–", or that of "第"): nearly every line is settled by its first character */
    unsigned char c = (unsigned char)s[i];
    if (c != '-' && c != '=' && c != '+' && c != ':' && c != '|' && c != '\t' && c != 0xE2 && c != 0xE7)
        return false;
    /* rule line: only '-', '=', '+', ':', '|' and spaces, with at least three dashes or equals; when
     * spaces part them, every run of dashes is three long ("| --- | --- |"), for "- - -" or
     * "|  -  |  -  |" are cells saying "not applicable" */
    size_t dashes = 0, other = 0, run = 0, shortest = (size_t)-1;
    bool spaced = false;
    for (size_t k = i; k <= len && !other; k++) { /* one other character settles it */
        if (k < len && (s[k] == '-' || s[k] == '=')) {
            dashes++;
            run++;
            continue;
        }
        if (run && run < shortest)
            shortest = run;
        run = 0;
        if (k == len)
            break;
        if (s[k] == ' ' || s[k] == '\t')
            spaced = true;
        else if (!strchr("+:|", s[k]))
            other++;
    }
    if (other == 0 && dashes >= 3 && (!spaced || shortest >= 3))
        return true;
    /* "- 4 -", "— 5 —", "–6–", "-7-": dashes, digits, dashes */
    static const char *const dash_forms[] = {"-", "\xE2\x80\x94", "\xE2\x80\x93"};
    for (size_t d = 0; d < 3; d++) {
        size_t dl = strlen(dash_forms[d]);
        size_t k = i;
        size_t lead = 0;
        while (k + dl <= len && memcmp(s + k, dash_forms[d], dl) == 0) {
            k += dl;
            lead++;
        }
        if (!lead)
            continue;
        while (k < len && s[k] == ' ')
            k++;
        size_t digits = 0;
        while (k < len && isdigit((unsigned char)s[k])) {
            k++;
            digits++;
        }
        while (k < len && s[k] == ' ')
            k++;
        size_t trail = 0;
        while (k + dl <= len && memcmp(s + k, dash_forms[d], dl) == 0) {
            k += dl;
            trail++;
        }
        while (k < len && s[k] == ' ')
            k++;
        if (digits && digits <= 4 && trail && k == len)
            return true;
    }
    /* "第 4 页", "第4页 共12页", "第 4 页 / 共 12 页", and the PDF reader's "— 第 4 页 —" */
    size_t dashes_before = 0;
    while (i + 3 <= len && (memcmp(s + i, "\xE2\x80\x94", 3) == 0 || memcmp(s + i, "\xE2\x80\x93", 3) == 0)) {
        i += 3;
        dashes_before++;
        while (i < len && s[i] == ' ')
            i++;
    }
    if (len - i >= 3 + 1 + 3 && memcmp(s + i, "第", 3) == 0) {
        size_t k = i + 3;
        while (k < len && s[k] == ' ')
            k++;
        size_t digits = 0;
        while (k < len && isdigit((unsigned char)s[k])) {
            k++;
            digits++;
        }
        while (k < len && s[k] == ' ')
            k++;
        if (digits && k + 3 <= len && memcmp(s + k, "页", 3) == 0) {
            k += 3;
            while (k < len && (s[k] == ' ' || s[k] == '/' || s[k] == ','))
                k++;
            for (size_t d = 0; d < dashes_before && k + 3 <= len; d++) {
                if (memcmp(s + k, "\xE2\x80\x94", 3) != 0 && memcmp(s + k, "\xE2\x80\x93", 3) != 0)
                    break;
                k += 3;
                while (k < len && s[k] == ' ')
                    k++;
            }
            if (k == len)
                return true;
            if (k + 3 <= len && memcmp(s + k, "共", 3) == 0) {
                k += 3;
                while (k < len && (s[k] == ' ' || isdigit((unsigned char)s[k])))
                    k++;
                if (k + 3 == len && memcmp(s + k, "页", 3) == 0)
                    return true;
            }
        }
    }
    return false;
}

bool cf_normalize_line(const char *src, size_t len, cf_norm_line *line)
{
    line->len = 0;
    line->dropped = false;
    if (!ensure(line, len))
        return false;
    size_t i = 0;
    /* a line that starts with a letter and holds a '>' may be the rest of a tag broken over two lines */
    size_t lead = 0;
    while (lead < len && src[lead] == ' ')
        lead++;
    if (lead < len && isalpha((unsigned char)src[lead]) && memchr(src, '>', len)) {
        size_t tail = tag_tail(src, len);
        if (tail) {
            emit(line, " ", 1, 0);
            i = tail;
        }
    }
    while (i < len) {
        unsigned char c = (unsigned char)src[i];
        /* what stays as it is, copied without a look at the tables below: printable ASCII that
         * starts no entity, tag or bookmark, a tab, and ideographs (U+3001..U+9FFF) */
        if ((c >= 0x20 && c < 0x7F && c != '&' && c != '<' && c != '[') || c == '\t') {
            line->text[line->len] = (char)c;
            line->origin[line->len++] = (uint32_t)i++;
            continue;
        }
        uint32_t fast;
        if (c >= 0xE3 && c <= 0xE9 && three_byte((const unsigned char *)src + i, len - i, &fast) && fast != 0x3000) {
            char *t = line->text + line->len; /* written here, not by emit's loop: most bytes come this way */
            uint32_t *o = line->origin + line->len;
            t[0] = src[i], t[1] = src[i + 1], t[2] = src[i + 2];
            o[0] = o[1] = o[2] = (uint32_t)i;
            line->len += 3;
            i += 3;
            continue;
        }
        if (c == '&') {
            bool matched = false;
            for (size_t e = 0; e < sizeof SPACE_ENTITIES / sizeof *SPACE_ENTITIES; e++) {
                size_t el = strlen(SPACE_ENTITIES[e]);
                if (i + el <= len && strncasecmp(src + i, SPACE_ENTITIES[e], el) == 0) {
                    emit(line, " ", 1, i);
                    i += el;
                    matched = true;
                    break;
                }
            }
            for (size_t e = 0; !matched && e < sizeof NAMED_ENTITIES / sizeof *NAMED_ENTITIES; e++) {
                size_t el = strlen(NAMED_ENTITIES[e].entity);
                if (i + el <= len && strncmp(src + i, NAMED_ENTITIES[e].entity, el) == 0) {
                    emit(line, NAMED_ENTITIES[e].text, strlen(NAMED_ENTITIES[e].text), i);
                    i += el;
                    matched = true;
                }
            }
            uint32_t ecp;
            size_t el = matched ? 0 : numeric_entity(src + i, len - i, &ecp);
            if (el) {
                char repl[4];
                int r = map_codepoint(ecp, repl);
                if (r < 0)
                    emit(line, repl, cf_utf8_encode(ecp, repl), i);
                else
                    emit(line, repl, (size_t)r, i);
                i += el;
                matched = true;
            }
            if (matched)
                continue;
        }
        if (c == '<') {
            bool inline_tag;
            size_t tl = html_tag(src + i, len - i, &inline_tag);
            if (tl) {
                if (!inline_tag)
                    emit(line, " ", 1, i); /* a line break inside a cell: a space */
                i += tl;
                continue;
            }
        }
        if (c == '[' && i + 10 <= len && memcmp(src + i, "[bookmark:", 10) == 0) {
            const char *close = memchr(src + i, ']', len - i);
            if (close) {
                i = (size_t)(close - src) + 1;
                continue;
            }
        }
        uint32_t cp;
        size_t n = cf_utf8_decode(src + i, len - i, &cp);
        if (n == 0) { /* invalid byte: stands for nothing a match could use */
            emit(line, " ", 1, i);
            i++;
            continue;
        }
        char repl[4];
        int r = map_codepoint(cp, repl);
        if (r < 0)
            emit(line, src + i, n, i);
        else
            emit(line, repl, (size_t)r, i);
        i += n;
    }
    line->origin[line->len] = (uint32_t)len;
    line->text[line->len] = '\0';
    if (is_dropped_line(line->text, line->len)) {
        line->dropped = true;
        line->len = 0;
        line->text[0] = '\0';
        line->origin[0] = (uint32_t)len;
    }
    return true;
}

/* What the matching key keeps: ASCII letters and digits, and CJK ideographs (cp decoded from
 * n bytes). The one rule of cf_compact_append_mapped and cf_compact_line. */
static inline bool key_ascii(unsigned char c) { return (unsigned)((c | 0x20) - 'a') < 26 || (unsigned)(c - '0') < 10; }
static inline bool key_char(uint32_t cp, size_t n) { return (n == 3 && cp >= 0x4E00 && cp <= 0x9FFF) || cf_is_cjk(cp); }
/* An ideograph U+5000..U+9FFF at u[0..len) (lead byte E5..E9, two continuation bytes), the bulk of a
 * report: a key character as it stands, which normalising leaves alone — told without decoding it. */
static inline bool plain_ideograph(const unsigned char *u, size_t len)
{
    return len >= 3 && u[0] >= 0xE5 && u[0] <= 0xE9 && (u[1] & 0xC0) == 0x80 && (u[2] & 0xC0) == 0x80;
}

bool cf_compact_append_mapped(cf_buf *out, const char *s, size_t len, size_t *origin)
{
    if (!cf_buf_reserve(out, len)) /* the key is never longer than s */
        return false;
    const unsigned char *u = (const unsigned char *)s;
    char *const first = out->data + out->len;
    char *o = first;
    size_t i = 0;
    while (i < len) {
        unsigned char c = u[i];
        if (c < 0x80) {
            if (key_ascii(c)) {
                if (origin)
                    origin[o - first] = i;
                *o++ = (char)c;
            }
            i++;
            continue;
        }
        if (plain_ideograph(u + i, len - i)) {
            if (origin)
                origin[o - first] = i, origin[o - first + 1] = i + 1, origin[o - first + 2] = i + 2;
            o[0] = (char)u[i], o[1] = (char)u[i + 1], o[2] = (char)u[i + 2];
            o += 3;
            i += 3;
            continue;
        }
        uint32_t cp;
        size_t n = three_byte(u + i, len - i, &cp) ? 3 : cf_utf8_decode(s + i, len - i, &cp);
        if (n == 0) {
            i++;
            continue;
        }
        if (key_char(cp, n)) {
            for (size_t k = 0; origin && k < n; k++)
                origin[o - first + (ptrdiff_t)k] = i + k;
            if (n == 3) { /* the bulk of a report: no call, no copy loop */
                o[0] = (char)u[i], o[1] = (char)u[i + 1], o[2] = (char)u[i + 2];
                o += 3;
            } else {
                memcpy(o, s + i, n);
                o += n;
            }
        }
        i += n;
    }
    out->len = (size_t)(o - out->data);
    out->data[out->len] = '\0';
    return true;
}

bool cf_compact_append(cf_buf *out, const char *s, size_t len) { return cf_compact_append_mapped(out, s, len, NULL); }

/* True when key holds only what a dropped line's key can: digits and 第, 页, 共 ("第4页共12页"). */
static bool could_be_dropped_key(const char *key, size_t len)
{
    for (size_t i = 0; i < len;) {
        if (isdigit((unsigned char)key[i])) {
            i++;
            continue;
        }
        if (len - i < 3 || (memcmp(key + i, "第", 3) != 0 && memcmp(key + i, "页", 3) != 0 && memcmp(key + i, "共", 3) != 0))
            return false;
        i += 3;
    }
    return true;
}

bool cf_compact_line(const char *src, size_t len, cf_buf *out, bool *whole)
{
    *whole = false;
    /* One pass that keeps only the key's bytes. Each character normalises on its own but for
     * entities, tags and bookmarks (which start with '&', '<' or '['); those, and a line whose key
     * could be a page marker's (dropped), are left to the caller's normalising (*whole). A
     * replacement is never longer than what it replaces, so the key fits in len bytes. */
    size_t start = out->len;
    if (!cf_buf_reserve(out, len))
        return false;
    const unsigned char *u = (const unsigned char *)src;
    char *o = out->data + start;
    for (size_t i = 0; i < len;) {
        unsigned char c = u[i];
        if (plain_ideograph(u + i, len - i)) {
            o[0] = src[i], o[1] = src[i + 1], o[2] = src[i + 2];
            o += 3;
            i += 3;
            continue;
        }
        if (c == '&' || c == '<' || c == '[')
            goto whole_line;
        if (c < 0x80) {
            if (key_ascii(c))
                *o++ = (char)c;
            i++;
            continue;
        }
        uint32_t cp;
        size_t n = three_byte(u + i, len - i, &cp) ? 3 : cf_utf8_decode(src + i, len - i, &cp);
        if (n == 0) { /* an invalid byte: a space */
            i++;
            continue;
        }
        char repl[4];
        int r = c >= 0xE3 && c <= 0xE9 && n == 3 && cp != 0x3000 ? -1 : map_codepoint(cp, repl);
        if (r < 0 && key_char(cp, n)) {
            if (n == 3) { /* the bulk of a report: no call, no loop */
                o[0] = src[i], o[1] = src[i + 1], o[2] = src[i + 2];
                o += 3;
            } else {
                memcpy(o, src + i, n);
                o += n;
            }
        } else if (r == 1 && key_ascii((unsigned char)repl[0])) {
            *o++ = repl[0];
        }
        i += n;
    }
    out->len = (size_t)(o - out->data);
    out->data[out->len] = '\0';
    if (out->len == start || !could_be_dropped_key(out->data + start, out->len - start))
        return true; /* an empty key is empty whether the line is dropped or not */
whole_line:
    out->len = start;
    out->data[start] = '\0';
    *whole = true;
    return true;
}

struct cf_norm_text {
    const cf_text *text;
    bool keep;            /* every line kept: lines[] and the two arenas */
    cf_norm_line *lines;  /* keep: one view a line, text and origin in the arenas */
    bool *done;           /* keep: the line has been normalised */
    char *text_arena;     /* keep: line i at its source offset + i, room for its length and a NUL */
    uint32_t *origin_arena;
    cf_norm_line scratch; /* !keep: the one line last asked for */
    size_t scratch_line;
    bool scratch_valid;
};

cf_norm_text *cf_norm_text_new(const cf_text *text)
{
    cf_norm_text *n = cf_calloc(1, sizeof *n);
    if (!n)
        return NULL;
    n->text = text;
    cf_norm_line_init(&n->scratch);
    size_t size = cf_text_size(text), count = cf_text_line_count(text);
    n->keep = size <= CF_NORM_KEEP_BYTES;
    if (n->keep) {
        /* a normalised line is never longer than its source (each replacement is shorter than
         * what it replaces), so the source's offsets place every line */
        n->lines = cf_malloc(count * sizeof *n->lines);
        n->done = cf_calloc(count, sizeof *n->done);
        n->text_arena = cf_malloc(size + count + 1);
        n->origin_arena = cf_malloc((size + count + 1) * sizeof *n->origin_arena);
        if (!n->lines || !n->done || !n->text_arena || !n->origin_arena) {
            cf_norm_text_free(n);
            return NULL;
        }
    }
    return n;
}

void cf_norm_text_free(cf_norm_text *norms)
{
    if (!norms)
        return;
    cf_free(norms->lines);
    cf_free(norms->done);
    cf_free(norms->text_arena);
    cf_free(norms->origin_arena);
    cf_norm_line_release(&norms->scratch);
    cf_free(norms);
}

const cf_norm_line *cf_norm_text_line(cf_norm_text *norms, size_t line)
{
    if (norms->keep && norms->done[line])
        return &norms->lines[line]; /* the readers of a region ask for each line several times */
    size_t len;
    const char *src = cf_text_line(norms->text, line, &len);
    if (!norms->keep) {
        if (norms->scratch_valid && norms->scratch_line == line)
            return &norms->scratch;
        norms->scratch_valid = cf_normalize_line(src, len, &norms->scratch);
        norms->scratch_line = line;
        return norms->scratch_valid ? &norms->scratch : NULL;
    }
    cf_norm_line *view = &norms->lines[line];
    size_t at = cf_text_line_offset(norms->text, line) + line;
    *view = (cf_norm_line){.text = norms->text_arena + at, .origin = norms->origin_arena + at, .cap = len + 1};
    if (!cf_normalize_line(src, len, view)) /* cannot fail: the room is there */
        return NULL;
    norms->done[line] = true;
    return view;
}

size_t cf_norm_text_source_length(const cf_norm_text *norms, size_t line)
{
    if (norms->keep && norms->done[line]) /* its map back ends at the source's length */
        return norms->lines[line].origin[norms->lines[line].len];
    size_t len;
    cf_text_line(norms->text, line, &len);
    return len;
}
