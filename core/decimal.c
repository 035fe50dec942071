/* SPDX-License-Identifier: GPL-3.0-or-later */
/* decimal.c — exact decimal arithmetic on scaled 64-bit integers. */
#include "decimal.h"

#include <stdio.h>
#include <string.h>

static const int64_t POW10[] = {1,         10,         100,         1000,        10000,
                                100000,    1000000,    10000000,    100000000,   1000000000,
                                10000000000LL};

cf_decimal cf_decimal_from_int(int64_t v) { return (cf_decimal){v, 0}; }

cf_decimal_parse_status cf_decimal_parse(const char *s, size_t len, cf_decimal *out)
{
    size_t i = 0;
    bool negative = false;
    if (i < len && (s[i] == '+' || s[i] == '-')) {
        negative = s[i] == '-';
        i++;
    }
    int64_t coef = 0;
    int scale = 0;
    size_t digits = 0, group = 0;
    bool seen_point = false, seen_comma = false, overflow = false;
    for (; i < len; i++) {
        char c = s[i];
        if (c >= '0' && c <= '9') {
            if (seen_point)
                scale++;
            digits++;
            group++;
            if (!overflow && (__builtin_mul_overflow(coef, 10, &coef) ||
                              __builtin_add_overflow(coef, c - '0', &coef)))
                overflow = true;
        } else if (c == '.' && !seen_point) {
            if (digits == 0 || (seen_comma && group != 3))
                return CF_DEC_SYNTAX;
            seen_point = true;
        } else if (c == ',' && !seen_point) {
            if (digits == 0 || (seen_comma ? group != 3 : group > 3))
                return CF_DEC_SYNTAX;
            seen_comma = true;
            group = 0;
        } else {
            return CF_DEC_SYNTAX;
        }
    }
    if (digits == 0 || (seen_point && scale == 0) || (seen_comma && !seen_point && group != 3))
        return CF_DEC_SYNTAX;
    /* trailing zeros after the point carry no value: drop them so scale stays small */
    while (!overflow && scale > 0 && coef % 10 == 0) {
        coef /= 10;
        scale--;
    }
    if (overflow || scale > CF_DECIMAL_MAX_SCALE)
        return CF_DEC_OVERFLOW;
    out->coef = negative ? -coef : coef;
    out->scale = (uint8_t)scale;
    return CF_DEC_OK;
}

static bool rescale(cf_decimal d, uint8_t scale, int64_t *coef)
{
    return !__builtin_mul_overflow(d.coef, POW10[scale - d.scale], coef);
}

bool cf_decimal_add(cf_decimal a, cf_decimal b, cf_decimal *out)
{
    uint8_t scale = a.scale > b.scale ? a.scale : b.scale;
    int64_t x = a.coef, y = b.coef, sum;
    /* the same scale (a table's counts, the usual case): nothing to rescale */
    if ((a.scale != b.scale && (!rescale(a, scale, &x) || !rescale(b, scale, &y))) ||
        __builtin_add_overflow(x, y, &sum))
        return false;
    out->coef = sum;
    out->scale = scale;
    return true;
}

bool cf_decimal_sub(cf_decimal a, cf_decimal b, cf_decimal *out)
{
    if (b.coef == INT64_MIN)
        return false;
    return cf_decimal_add(a, (cf_decimal){-b.coef, b.scale}, out);
}

int cf_decimal_cmp(cf_decimal a, cf_decimal b)
{
    if (a.scale == b.scale)
        return (a.coef > b.coef) - (a.coef < b.coef);
    uint8_t scale = a.scale > b.scale ? a.scale : b.scale;
    __int128 x = (__int128)a.coef * POW10[scale - a.scale];
    __int128 y = (__int128)b.coef * POW10[scale - b.scale];
    return (x > y) - (x < y);
}

bool cf_decimal_is_integer(cf_decimal d) { return d.scale == 0 || d.coef % POW10[d.scale] == 0; }

bool cf_decimal_is_negative(cf_decimal d) { return d.coef < 0; }

char *cf_decimal_format(cf_decimal d, char buf[32])
{
    /* strip redundant trailing zeros first */
    while (d.scale > 0 && d.coef % 10 == 0) {
        d.coef /= 10;
        d.scale--;
    }
    if (d.scale == 0) { /* digits from the right: printf's machinery costs more than the number */
        unsigned long long mag = d.coef < 0 ? (unsigned long long)(-(d.coef + 1)) + 1 : (unsigned long long)d.coef;
        char digits[24];
        size_t at = sizeof digits;
        do {
            digits[--at] = (char)('0' + mag % 10);
            mag /= 10;
        } while (mag);
        size_t sign = d.coef < 0;
        buf[0] = '-';
        memcpy(buf + sign, digits + at, sizeof digits - at);
        buf[sign + sizeof digits - at] = '\0';
        return buf;
    }
    unsigned long long mag = d.coef < 0 ? (unsigned long long)(-(d.coef + 1)) + 1 : (unsigned long long)d.coef;
    unsigned long long p = (unsigned long long)POW10[d.scale];
    int n = snprintf(buf, 32, "%s%llu.", d.coef < 0 ? "-" : "", mag / p);
    unsigned long long frac = mag % p;
    for (int i = d.scale - 1; i >= 0; i--) { /* the fraction's digits, leading zeros kept */
        buf[n + i] = (char)('0' + frac % 10);
        frac /= 10;
    }
    buf[n + d.scale] = '\0';
    return buf;
}
