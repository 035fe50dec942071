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

/* Page markers and rule lines. */
static bool is_dropped_line(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len && s[i] == ' ')
        i++;
    if (i == len)
        return false;
    /* rule line: only '-', '=', '+', ':', '|' and spaces, with at least three dashes or equals */
    size_t dashes = 0, other = 0;
    for (size_t k = i; k < len; k++) {
        if (s[k] == '-' || s[k] == '=')
            dashes++;
        else if (!strchr("+:| \t", s[k]))
            other++;
    }
    if (other == 0 && dashes >= 3)
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
    /* "第 4 页", "第4页 共12页", "第 4 页 / 共 12 页" */
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
    while (i < len) {
        unsigned char c = (unsigned char)src[i];
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
            if (matched)
                continue;
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

bool cf_compact_append(cf_buf *out, const char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            if (isalnum(c) && !cf_buf_append(out, s + i, 1))
                return false;
            i++;
            continue;
        }
        uint32_t cp;
        size_t n = cf_utf8_decode(s + i, len - i, &cp);
        if (n == 0) {
            i++;
            continue;
        }
        if (cf_is_cjk(cp) && !cf_buf_append(out, s + i, n))
            return false;
        i += n;
    }
    return true;
}
