/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jsonw.c — the JSON stream writer, laid out byte for byte as cJSON prints. */
#include "jsonw.h"

#include <stdint.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

static inline void put(cf_jsonw *w, const char *s, size_t len)
{
    cf_buf *b = w->out;
    if (b->data && b->len + len < b->cap) { /* the room is there: no call for a few bytes */
        memcpy(b->data + b->len, s, len);
        b->len += len;
        b->data[b->len] = '\0';
    } else if (w->ok && !cf_buf_append(b, s, len)) {
        w->ok = false;
    }
}

static void tabs(cf_jsonw *w, int n)
{
    static const char TABS[] = "\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t";
    put(w, TABS, (size_t)(n < (int)sizeof TABS - 1 ? n : (int)sizeof TABS - 1));
}

/* The bytes a JSON string cannot hold as they are. */
static const bool SPECIAL[256] = {
    [0] = 1,  [1] = 1,  [2] = 1,  [3] = 1,  [4] = 1,  [5] = 1,  [6] = 1,  [7] = 1,  [8] = 1,
    [9] = 1,  [10] = 1, [11] = 1, [12] = 1, [13] = 1, [14] = 1, [15] = 1, [16] = 1, [17] = 1,
    [18] = 1, [19] = 1, [20] = 1, [21] = 1, [22] = 1, [23] = 1, [24] = 1, [25] = 1, [26] = 1,
    [27] = 1, [28] = 1, [29] = 1, [30] = 1, [31] = 1, ['"'] = 1, ['\\'] = 1,
};

/* Does any of the eight bytes in x need escaping (below 0x20, '"' or '\\')? Exact as a yes or
 * no (the classic "has a byte less than n" and "has a zero byte" tests, see Hacker's Delight). */
static inline bool word_has_special(uint64_t x)
{
    const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    uint64_t quote = x ^ (ones * '"'), backslash = x ^ (ones * '\\');
    uint64_t below_space = (x - ones * 0x20) & ~x;
    uint64_t is_quote = (quote - ones) & ~quote, is_backslash = (backslash - ones) & ~backslash;
    return ((below_space | is_quote | is_backslash) & highs) != 0;
}

#ifdef __SSE2__
/* Does any of the sixteen bytes at s need escaping? Three compares of a whole block (x86-64 always
 * has SSE2), where the word test above takes fourteen steps for eight bytes. */
static inline bool block_has_special(const char *s)
{
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)s);
    /* below 0x20 unsigned: flip the top bit and compare signed */
    __m128i below_space = _mm_cmplt_epi8(_mm_xor_si128(v, _mm_set1_epi8((char)0x80)), _mm_set1_epi8((char)0xA0));
    __m128i quote = _mm_cmpeq_epi8(v, _mm_set1_epi8('"')), backslash = _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'));
    return _mm_movemask_epi8(_mm_or_si128(below_space, _mm_or_si128(quote, backslash))) != 0;
}
#endif

/* Does any of the len (< 8) bytes at s need escaping? Read as two words that overlap (or one
 * byte), padded with a letter, so a key ("line", "state") costs no loop. */
static inline bool short_has_special(const char *s, size_t len)
{
    const uint64_t letters = 0x6161616161616161ull;
    uint64_t x;
    if (len >= 4) {
        uint32_t first, last;
        memcpy(&first, s, 4);
        memcpy(&last, s + len - 4, 4);
        x = first | (uint64_t)last << 32;
    } else if (len >= 2) {
        uint16_t first, last;
        memcpy(&first, s, 2);
        memcpy(&last, s + len - 2, 2);
        x = (letters << 32) | (uint64_t)last << 16 | first;
    } else {
        x = len ? (letters << 8) | (unsigned char)s[0] : letters;
    }
    return word_has_special(x);
}

/* Copy len (< 8) bytes as two moves that overlap, as short_has_special read them. */
static inline void copy_short(char *o, const char *s, size_t len)
{
    if (len >= 4) {
        memcpy(o + len - 4, s + len - 4, 4);
        memcpy(o, s, 4);
    } else if (len >= 2) {
        memcpy(o + len - 2, s + len - 2, 2);
        memcpy(o, s, 2);
    } else if (len) {
        o[0] = s[0];
    }
}

/* s quoted and escaped straight into the buffer, as a key (with its ':') or a value, room for
 * the worst case (six bytes a byte) made once and without a call when it is there: eight bytes at a
 * time are copied where none needs escaping (most of a record is keys, ids and messages with
 * nothing to escape), the last few as the eight that end the string, so a value costs no call per
 * piece and no loop per byte. */
static void string_body(cf_jsonw *w, const char *s, bool key)
{
    static const char HEX[] = "0123456789abcdef";
    size_t len = strlen(s);
    cf_buf *b = w->out;
    if (!w->ok || len > ((size_t)-1 - 16) / 6) {
        w->ok = false;
        return;
    }
    size_t room = len * 6 + 4; /* the quotes, ':' and a tab */
    if (b->len + room >= b->cap && !cf_buf_reserve(b, room)) {
        w->ok = false;
        return;
    }
    char *o = b->data + b->len;
    *o++ = '"';
    size_t i = 0;
    if (len < 8 && !short_has_special(s, len)) {
        copy_short(o, s, len);
        o += len;
        i = len;
    }
    while (i < len) {
#ifdef __SSE2__
        if (i + 16 <= len && !block_has_special(s + i)) {
            memcpy(o, s + i, 16);
            o += 16;
            i += 16;
            continue;
        }
#endif
        uint64_t word;
        if (i + 8 <= len && (memcpy(&word, s + i, 8), !word_has_special(word))) {
            memcpy(o, &word, 8);
            o += 8;
            i += 8;
            continue;
        }
        if (i + 8 > len && len >= 8 && (memcpy(&word, s + len - 8, 8), !word_has_special(word))) {
            /* the tail, as the last eight bytes: those before it were copied already */
            memcpy(o - (i + 8 - len), &word, 8);
            o += len - i;
            break;
        }
        for (size_t end = i + 8 < len ? i + 8 : len; i < end; i++) {
            unsigned char c = (unsigned char)s[i];
            if (!SPECIAL[c]) {
                *o++ = (char)c;
                continue;
            }
            *o++ = '\\';
            switch (c) {
            case '"': *o++ = '"'; break;
            case '\\': *o++ = '\\'; break;
            case '\b': *o++ = 'b'; break;
            case '\f': *o++ = 'f'; break;
            case '\n': *o++ = 'n'; break;
            case '\r': *o++ = 'r'; break;
            case '\t': *o++ = 't'; break;
            default: /* as cJSON writes it: \u00XX, lower case */
                memcpy(o, "u00", 3);
                o[3] = HEX[c >> 4];
                o[4] = HEX[c & 15];
                o += 5;
            }
        }
    }
    *o++ = '"';
    if (key) {
        *o++ = ':';
        if (w->pretty)
            *o++ = '\t';
    }
    *o = '\0';
    b->len = (size_t)(o - b->data);
}

/* Before a value: the separator from the one before, the indentation and the key. */
static void lead(cf_jsonw *w, const char *key)
{
    if (w->depth == 0)
        return;
    bool first = w->empty[w->depth];
    w->empty[w->depth] = false;
    if (w->in_object[w->depth]) {
        /* each put of a length the compiler knows: a move, not a call */
        if (w->pretty) {
            if (!first)
                put(w, ",\n", 2);
            tabs(w, w->depth);
        } else if (!first) {
            put(w, ",", 1);
        }
        string_body(w, key ? key : "", true);
    } else if (!first) {
        if (w->pretty)
            put(w, ", ", 2);
        else
            put(w, ",", 1);
    }
}

static void open_container(cf_jsonw *w, const char *key, bool object)
{
    lead(w, key);
    if (w->depth >= CF_JSONW_MAX_DEPTH) {
        w->ok = false;
        return;
    }
    w->depth++;
    w->in_object[w->depth] = object;
    w->empty[w->depth] = true;
    put(w, object ? (w->pretty ? "{\n" : "{") : "[", object && w->pretty ? 2 : 1);
}

void cf_jsonw_init(cf_jsonw *w, cf_buf *out, bool pretty)
{
    memset(w, 0, sizeof *w);
    w->out = out;
    w->pretty = pretty;
    w->ok = true;
}

void cf_jsonw_object(cf_jsonw *w, const char *key) { open_container(w, key, true); }
void cf_jsonw_array(cf_jsonw *w, const char *key) { open_container(w, key, false); }

void cf_jsonw_end(cf_jsonw *w)
{
    if (w->depth == 0) {
        w->ok = false;
        return;
    }
    bool object = w->in_object[w->depth];
    if (object && w->pretty) {
        if (!w->empty[w->depth])
            put(w, "\n", 1);
        tabs(w, w->depth - 1);
    }
    put(w, object ? "}" : "]", 1);
    w->depth--;
}

void cf_jsonw_string(cf_jsonw *w, const char *key, const char *s)
{
    lead(w, key);
    string_body(w, s, false);
}

void cf_jsonw_decimal(cf_jsonw *w, const char *key, cf_decimal d)
{
    char num[32];
    lead(w, key);
    const char *text = cf_decimal_format(d, num);
    put(w, text, strlen(text));
}

void cf_jsonw_count(cf_jsonw *w, const char *key, size_t n)
{
    /* digits straight into the buffer, from the right: printf's machinery, or a call to copy a few
     * bytes, costs more than the rest of a value */
    size_t digits = 1;
    for (size_t m = n; m >= 10; m /= 10)
        digits++;
    lead(w, key);
    cf_buf *b = w->out;
    if (!(b->data && b->len + digits < b->cap) && (!w->ok || !cf_buf_reserve(b, digits))) {
        w->ok = false;
        return;
    }
    char *o = b->data + b->len + digits;
    *o = '\0';
    do {
        *--o = (char)('0' + n % 10);
        n /= 10;
    } while (n);
    b->len += digits;
}

void cf_jsonw_bool(cf_jsonw *w, const char *key, bool b)
{
    lead(w, key);
    put(w, b ? "true" : "false", b ? 4 : 5);
}

void cf_jsonw_null(cf_jsonw *w, const char *key)
{
    lead(w, key);
    put(w, "null", 4);
}

bool cf_jsonw_ok(const cf_jsonw *w) { return w->ok && w->depth == 0; }
