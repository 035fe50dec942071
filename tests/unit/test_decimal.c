/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Exact decimals: parsing, sums and comparisons never go through floating point. */
#include <criterion/criterion.h>
#include <string.h>

#include "decimal.h"

static cf_decimal dec(const char *s)
{
    cf_decimal d;
    cr_assert_eq(cf_decimal_parse(s, strlen(s), &d), CF_DEC_OK, "cannot parse %s", s);
    return d;
}

static const char *fmt(cf_decimal d)
{
    static char buf[32];
    return cf_decimal_format(d, buf);
}

Test(decimal, parses_counts_and_amounts)
{
    cr_assert_str_eq(fmt(dec("0")), "0");
    cr_assert_str_eq(fmt(dec("888.0113")), "888.0113");
    cr_assert_str_eq(fmt(dec("1,036")), "1036");
    cr_assert_str_eq(fmt(dec("-3")), "-3");
    cr_assert_str_eq(fmt(dec("+1036")), "1036");
    cr_assert_str_eq(fmt(dec("0.50")), "0.5");
    cr_assert_str_eq(fmt(dec("-0.05")), "-0.05");
}

Test(decimal, rejects_what_is_not_a_plain_number)
{
    cf_decimal d;
    const char *bad[] = {"", "1.", ".5", "1,03", "1e30", "12a", "--1", "1.2.3", "1,0000"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        cr_assert_eq(cf_decimal_parse(bad[i], strlen(bad[i]), &d), CF_DEC_SYNTAX, "accepted '%s'", bad[i]);
}

Test(decimal, too_many_digits_is_an_overflow_not_a_wrong_number)
{
    cf_decimal d;
    cr_assert_eq(cf_decimal_parse("99999999999999999999", 20, &d), CF_DEC_OVERFLOW);
    cr_assert_eq(cf_decimal_parse("0.0000000001", 12, &d), CF_DEC_OVERFLOW);
}

Test(decimal, sums_are_exact)
{
    /* 0.1 + 0.2 is 0.3 exactly, unlike a double */
    cf_decimal sum;
    cr_assert(cf_decimal_add(dec("0.1"), dec("0.2"), &sum));
    cr_assert_eq(cf_decimal_cmp(sum, dec("0.3")), 0);
    cr_assert(cf_decimal_add(dec("888.0113"), dec("11.9887"), &sum));
    cr_assert_str_eq(fmt(sum), "900");
    cr_assert(cf_decimal_sub(dec("2"), dec("5"), &sum));
    cr_assert_str_eq(fmt(sum), "-3");
}

Test(decimal, comparison_across_scales)
{
    cr_assert_eq(cf_decimal_cmp(dec("2"), dec("2.000")), 0);
    cr_assert_lt(cf_decimal_cmp(dec("1.9999"), dec("2")), 0);
    cr_assert_gt(cf_decimal_cmp(dec("9223372036"), dec("0.000000001")), 0);
}

Test(decimal, overflowing_sum_is_reported)
{
    cf_decimal big = cf_decimal_from_int(INT64_MAX), sum;
    cr_assert_not(cf_decimal_add(big, cf_decimal_from_int(1), &sum));
}
