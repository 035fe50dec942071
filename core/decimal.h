/* SPDX-License-Identifier: GPL-3.0-or-later */
/* decimal.h — exact decimal numbers for cell values and sums.
 *
 * A value is coef × 10^-scale with a 64-bit coefficient. Nothing that is
 * summed or compared ever goes through floating point. */
#ifndef CF_DECIMAL_H
#define CF_DECIMAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define CF_DECIMAL_MAX_SCALE 9

typedef struct {
    int64_t coef;
    uint8_t scale;
} cf_decimal;

typedef enum {
    CF_DEC_OK = 0,
    CF_DEC_SYNTAX,  /* not a plain decimal number */
    CF_DEC_OVERFLOW /* too many digits to hold exactly */
} cf_decimal_parse_status;

/* Parse [+-]digits[.digits], allowing ',' between groups of three digits. */
cf_decimal_parse_status cf_decimal_parse(const char *s, size_t len, cf_decimal *out);
cf_decimal cf_decimal_from_int(int64_t v);
/* a + b, a - b exactly; false on overflow (out untouched). */
bool cf_decimal_add(cf_decimal a, cf_decimal b, cf_decimal *out);
bool cf_decimal_sub(cf_decimal a, cf_decimal b, cf_decimal *out);
/* -1, 0, 1; exact for every pair of values. */
int cf_decimal_cmp(cf_decimal a, cf_decimal b);
bool cf_decimal_is_integer(cf_decimal d);
bool cf_decimal_is_negative(cf_decimal d);
/* Shortest exact text ("888.0113", "-3", "0.5"); buf needs 32 bytes. Returns buf. */
char *cf_decimal_format(cf_decimal d, char buf[32]);

#endif
