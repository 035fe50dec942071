/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cellvalue.c — lexing table fields into words, numbers and markers. */
#include "cellvalue.h"

#include <string.h>

#include "alloc.h"
#include "normalize.h"
#include "utf8.h"

void cf_item_list_init(cf_item_list *list) { memset(list, 0, sizeof *list); }

void cf_item_list_release(cf_item_list *list)
{
    cf_free(list->items);
    cf_item_list_init(list);
}

bool cf_item_list_push(cf_item_list *list, const cf_item *item)
{
    if (!cf_reserve_one(&list->items, list->count, &list->cap, sizeof *list->items, 16))
        return false;
    list->items[list->count++] = *item;
    return true;
}

/* A word of a fixed set, with its length: lexing asks these of every word of every line. */
typedef struct {
    const char *text;
    size_t len;
} known_word;
#define KNOWN(s) {s, sizeof s - 1}

/* longer units first: a unit is matched as a prefix of what follows the number */
static const known_word UNITS[] = {KNOWN("万元"), KNOWN("万"), KNOWN("元"),   KNOWN("件"), KNOWN("个"),
                                   KNOWN("项"),   KNOWN("条"), KNOWN("人次"), KNOWN("次"), KNOWN("人"),
                                   KNOWN("家"),   KNOWN("份"), KNOWN("宗"),   KNOWN("起"), KNOWN("例")};
static const known_word SIGN_WORDS[] = {KNOWN("增加"), KNOWN("减少"), KNOWN("增"), KNOWN("减")};
static const known_word NA_WORDS[] = {KNOWN("/"),
                                      KNOWN("-"),
                                      KNOWN("--"),
                                      KNOWN("\xE2\x80\x94"),
                                      KNOWN("\xE2\x80\x94\xE2\x80\x94"),
                                      KNOWN("\xE2\x80\x93"),
                                      KNOWN("\\"),
                                      KNOWN("无"),
                                      KNOWN("\xE2\x80\x95")};

/* An ASCII digit (isdigit asks the locale's table through a call, for every byte of every word). */
static inline bool is_digit(char c) { return (unsigned)(c - '0') < 10; }

static bool word_is(const char *w, size_t len, const known_word *set, size_t n, size_t *which)
{
    for (size_t i = 0; i < n; i++) /* the first byte settles most words without a call */
        if (set[i].len == len && set[i].text[0] == w[0] && memcmp(w, set[i].text, len) == 0) {
            if (which)
                *which = i;
            return true;
        }
    return false;
}

static size_t prefix_of(const char *w, size_t len, const known_word *set, size_t n, size_t *which)
{
    if (len == 0)
        return 0; /* no word is empty: most numbers end their word, and the list need not be walked */
    for (size_t i = 0; i < n; i++) {
        if (set[i].len <= len && set[i].text[0] == w[0] && memcmp(w, set[i].text, set[i].len) == 0) {
            *which = i;
            return set[i].len;
        }
    }
    return 0;
}

/* Digits with one comma, that does not group thousands, and at most one point, ending in a digit
 * ("888,0113", "12,34"): a number misprinted or misread (a decimal point read as a comma), not
 * words. "3.2.1" (no comma) stays a numbering, "11,126,51" a list. */
static bool bad_grouping(const char *s, size_t len)
{
    size_t commas = 0, points = 0;
    for (size_t i = 0; i < len; i++) {
        commas += s[i] == ',';
        points += s[i] == '.';
    }
    return commas == 1 && points <= 1 && len > 0 && is_digit(s[len - 1]);
}

/* Parse w as [sign][number][unit][(note)]. Fills item (kind NUMBER or BAD) and returns true;
 * false when w is not a number at all. sign_from_word: a sign word came before w. */
static bool parse_number_word(const char *w, size_t len, size_t base, int outer_sign, cf_item *item)
{
    /* a number starts with a digit, a sign or a sign word (增, 减: lead byte 0xE5); most words are text */
    if (len == 0 || !(is_digit(w[0]) || w[0] == '+' || w[0] == '-' || (unsigned char)w[0] == 0xE5))
        return false;
    size_t i = 0;
    int sign = outer_sign;
    size_t which;
    bool signed_word = outer_sign != 0;
    size_t sw = prefix_of(w, len, SIGN_WORDS, sizeof SIGN_WORDS / sizeof *SIGN_WORDS, &which);
    if (sw && !outer_sign) {
        sign = which == 1 || which == 3 ? -1 : 1;
        signed_word = true;
        i = sw;
    } else if (i < len && (w[i] == '+' || w[i] == '-') && !outer_sign) {
        sign = w[i] == '-' ? -1 : 1;
        signed_word = w[i] == '+';
        i++;
    }
    size_t num_start = i;
    while (i < len && (is_digit(w[i]) || w[i] == '.' || w[i] == ','))
        i++;
    size_t num_end = i;
    if (num_end == num_start || !is_digit(w[num_start]))
        return false;
    memset(item, 0, sizeof *item);
    item->start = base;
    item->end = base + len;
    item->signed_word = signed_word;
    /* scientific notation is never a count or an amount in these tables */
    if (i < len && (w[i] == 'e' || w[i] == 'E')) {
        size_t k = i + 1;
        if (k < len && (w[k] == '+' || w[k] == '-'))
            k++;
        size_t exp_digits = 0;
        while (k < len && is_digit(w[k])) {
            k++;
            exp_digits++;
        }
        if (exp_digits && k == len) {
            item->kind = CF_ITEM_BAD;
            return true;
        }
        return false;
    }
    size_t unit_len = prefix_of(w + i, len - i, UNITS, sizeof UNITS / sizeof *UNITS, &which);
    if (unit_len) {
        memcpy(item->unit, UNITS[which].text, UNITS[which].len + 1);
        i += unit_len;
    }
    if (i < len && w[i] == '(' && w[len - 1] == ')') {
        item->note_start = base + i + 1;
        item->note_end = base + len - 1;
        i = len;
    }
    if (i != len)
        return false; /* "1.属于国家秘密", "2022年度": text */
    cf_decimal value;
    cf_decimal_parse_status st = cf_decimal_parse(w + num_start, num_end - num_start, &value);
    if (st == CF_DEC_SYNTAX && bad_grouping(w + num_start, num_end - num_start)) {
        item->kind = CF_ITEM_BAD;
        item->bad = CF_BAD_GROUPING;
        return true;
    }
    if (st == CF_DEC_SYNTAX)
        return false; /* "1." list numbering, "3.2.1" */
    if (st == CF_DEC_OVERFLOW) {
        item->kind = CF_ITEM_BAD;
        return true;
    }
    if (sign < 0)
        value.coef = -value.coef;
    item->kind = CF_ITEM_NUMBER;
    item->value = value;
    return true;
}

/* Letters a scan's OCR prints for digits: O o D Q for 0, l I i for 1, Z z for 2, S s for 5, b G for 6,
 * B for 8, g q for 9. */
char cf_digit_lookalike(char c)
{
    static const char letters[] = "OoDQlIiZzSsbGBgq", digits[] = "0000111225566899";
    const char *at = c ? strchr(letters, c) : NULL;
    return at ? digits[at - letters] : '\0';
}

static bool is_digit_lookalike(char c) { return cf_digit_lookalike(c) != '\0'; }

/* A short word of digits and such letters, one letter at least, and a digit unless it is a lone letter
 * ("O", "l2", "1O"): a number that OCR misread ("is", "so" and "ISO" are words). */
static bool misread_number(const char *w, size_t len)
{
    if (len == 0 || len > 6)
        return false;
    size_t letters = 0, digits = 0;
    for (size_t i = 0; i < len; i++) {
        if (is_digit(w[i]))
            digits++;
        else if (is_digit_lookalike(w[i]))
            letters++;
        else
            return false;
    }
    return letters && (digits || len == 1);
}

typedef struct {
    size_t start, end;
} word_span;

/* Word w is one or two digits and the next word starts with the dot or 、 of a list number, then a
 * character that is no digit: "4 .保护第三方合法权益", a numbered row name that text recognition
 * printed with a space before its dot. Words, like "4.保护第三方合法权益", never a value. */
static bool numbering_apart(const char *s, const word_span *words, size_t nwords, size_t w)
{
    const char *word = s + words[w].start;
    size_t wl = words[w].end - words[w].start;
    if (wl == 0 || wl > 2 || !is_digit(word[0]) || !is_digit(word[wl - 1]) || w + 1 == nwords)
        return false;
    const char *next = s + words[w + 1].start;
    size_t nl = words[w + 1].end - words[w + 1].start;
    size_t mark = next[0] == '.' ? 1 : nl >= 3 && memcmp(next, "\xE3\x80\x81", 3) == 0 ? 3 : 0; /* 、 */
    return mark && nl > mark && !is_digit(next[mark]);
}

/* A number glued to the words before it, as some PDF converters print a row
 * ("（一）予以公开31", "一、本年新收政府信息公开申请数量0"): where the number starts, or 0.
 * Only after an ideograph or a closing bracket, so "2022年" and "1.属于国家秘密" stay whole. */
static size_t glued_number(const char *w, size_t len)
{
    size_t i = len;
    while (i > 0 && (is_digit(w[i - 1]) || w[i - 1] == '.' || w[i - 1] == ','))
        i--;
    while (i < len && !is_digit(w[i]))
        i++; /* the number starts with a digit */
    if (i == 0 || i == len)
        return 0;
    cf_decimal v;
    if (cf_decimal_parse(w + i, len - i, &v) == CF_DEC_SYNTAX)
        return 0;
    if (w[i - 1] == ')')
        return i;
    /* the code point before: an ideograph? */
    size_t k = i - 1;
    while (k > 0 && ((unsigned char)w[k] & 0xC0) == 0x80)
        k--;
    uint32_t cp;
    size_t n = cf_utf8_decode(w + k, i - k, &cp);
    return n == i - k && cf_is_cjk(cp) ? i : 0;
}

bool cf_lex_field(const char *s, size_t len, cf_item_list *out)
{
    /* split on spaces */
    word_span words[256];
    size_t nwords = 0;
    size_t i = 0;
    size_t text_start = 0, text_end = 0;
    bool in_text = false;
    while (i < len) {
        nwords = 0;
        while (i < len && nwords < sizeof words / sizeof *words) {
            while (i < len && (s[i] == ' ' || s[i] == '\t'))
                i++;
            if (i == len)
                break;
            size_t ws = i;
            while (i < len && s[i] != ' ' && s[i] != '\t')
                i++;
            size_t split = glued_number(s + ws, i - ws);
            if (split && nwords + 1 < sizeof words / sizeof *words) {
                words[nwords++] = (word_span){ws, ws + split};
                words[nwords++] = (word_span){ws + split, i};
                continue;
            }
            words[nwords++] = (word_span){ws, i};
        }
        for (size_t w = 0; w < nwords; w++) {
            const char *word = s + words[w].start;
            size_t wl = words[w].end - words[w].start;
            cf_item item;
            bool is_value = false;
            size_t which;
            if (word_is(word, wl, NA_WORDS, sizeof NA_WORDS / sizeof *NA_WORDS, NULL)) {
                memset(&item, 0, sizeof item);
                item.kind = CF_ITEM_NA;
                item.start = words[w].start;
                item.end = words[w].end;
                is_value = true;
            } else if ((word_is(word, wl, SIGN_WORDS, sizeof SIGN_WORDS / sizeof *SIGN_WORDS, &which) ||
                        (wl == 1 && word[0] == '+' && (which = 0, true))) &&
                       w + 1 < nwords &&
                       parse_number_word(s + words[w + 1].start, words[w + 1].end - words[w + 1].start,
                                         words[w + 1].start, which == 1 || which == 3 ? -1 : 1, &item)) {
                item.start = words[w].start;
                w++;
                is_value = true;
            } else if (!numbering_apart(s, words, nwords, w) && parse_number_word(word, wl, words[w].start, 0, &item)) {
                is_value = true;
            } else if (misread_number(word, wl)) {
                /* a value, so the row keeps its columns, that cannot be read: flagged, never guessed */
                memset(&item, 0, sizeof item);
                item.kind = CF_ITEM_BAD;
                item.bad = CF_BAD_LETTERS;
                item.start = words[w].start;
                item.end = words[w].end;
                is_value = true;
            }
            if (is_value && item.kind == CF_ITEM_NUMBER) {
                /* a unit or a note written as the next word belongs to this number */
                if (w + 1 < nwords && !item.unit[0]) {
                    const char *next = s + words[w + 1].start;
                    size_t nl = words[w + 1].end - words[w + 1].start;
                    if (word_is(next, nl, UNITS, sizeof UNITS / sizeof *UNITS, &which)) {
                        memcpy(item.unit, UNITS[which].text, UNITS[which].len + 1);
                        item.end = words[++w].end;
                    }
                }
                if (w + 1 < nwords && item.note_start == item.note_end) {
                    const char *next = s + words[w + 1].start;
                    size_t nl = words[w + 1].end - words[w + 1].start;
                    if (nl >= 2 && next[0] == '(' && next[nl - 1] == ')') {
                        item.note_start = words[w + 1].start + 1;
                        item.note_end = words[w + 1].end - 1;
                        item.end = words[++w].end;
                    }
                }
            }
            if (is_value) {
                if (in_text) {
                    cf_item text = {.kind = CF_ITEM_TEXT, .start = text_start, .end = text_end};
                    if (!cf_item_list_push(out, &text))
                        return false;
                    in_text = false;
                }
                if (!cf_item_list_push(out, &item))
                    return false;
            } else {
                if (!in_text)
                    text_start = words[w].start;
                text_end = words[w].end;
                in_text = true;
            }
        }
    }
    if (in_text) {
        cf_item text = {.kind = CF_ITEM_TEXT, .start = text_start, .end = text_end};
        if (!cf_item_list_push(out, &text))
            return false;
    }
    return true;
}

bool cf_cell_parse(const char *text, cf_item *out, char *note, size_t note_size)
{
    memset(out, 0, sizeof *out);
    if (note && note_size)
        note[0] = '\0';
    cf_norm_line norm;
    cf_norm_line_init(&norm);
    cf_item_list items;
    cf_item_list_init(&items);
    bool ok = cf_normalize_line(text, strlen(text), &norm) && cf_lex_field(norm.text, norm.len, &items);
    if (ok && items.count == 0) {
        out->kind = CF_ITEM_EMPTY;
    } else if (ok && items.count == 1) {
        *out = items.items[0];
        if (note && note_size && out->note_end > out->note_start) {
            size_t n = out->note_end - out->note_start;
            if (n >= note_size)
                n = note_size - 1;
            memcpy(note, norm.text + out->note_start, n);
            note[n] = '\0';
        }
        ok = out->kind != CF_ITEM_TEXT;
    } else {
        out->kind = CF_ITEM_TEXT;
        ok = false;
    }
    cf_item_list_release(&items);
    cf_norm_line_release(&norm);
    return ok;
}
