/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Numbers in the prose against the tables. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "extract.h"
#include "narrative.h"

/* Seed 002 with sentence put in front of its first line; the findings. */
static size_t findings_for(const char *sentence, cf_narrative_finding **found, char **text_out)
{
    FILE *f = fopen(CF_FIXTURES "/seeds/002_b895455aa8998ba0.txt", "rb");
    cr_assert_not_null(f);
    static char seed[1 << 16];
    size_t n = fread(seed, 1, sizeof seed - 1, f);
    fclose(f);
    size_t len = strlen(sentence) + 1 + n;
    char *bytes = cf_malloc(len + 1);
    snprintf(bytes, len + 1, "%s\n%.*s", sentence, (int)n, seed);
    cf_template **tpls;
    size_t ntpls, count;
    cf_text *text;
    cf_report *report;
    cr_assert_eq(cf_template_load_builtin(&tpls, &ntpls, NULL), CF_OK);
    cr_assert_eq(cf_text_from_bytes("n.txt", bytes, len, &text, NULL), CF_OK);
    cr_assert_eq(cf_extract(text, tpls, ntpls, &report, NULL), CF_OK);
    cr_assert_eq(cf_narrative_check(text, cf_report_template(report), cf_report_cells(report), found, &count, NULL),
                 CF_OK);
    *text_out = cf_strdup(cf_text_data(text));
    cf_report_free(report);
    cf_text_free(text);
    for (size_t i = 0; i < ntpls; i++)
        cf_template_free(tpls[i]);
    cf_free(tpls);
    cf_free(bytes);
    return count;
}

Test(narrative, a_stated_count_the_table_contradicts_is_found_with_its_sentence)
{
    cf_narrative_finding *found;
    char *text;
    size_t n = findings_for("2019年，本机关共收到政府信息公开申请５件。", &found, &text);
    cr_assert_eq(n, 1);
    cr_assert_eq(found[0].line, 1);
    cr_assert_eq(cf_decimal_cmp(found[0].stated, cf_decimal_from_int(5)), 0);
    cr_assert_eq(cf_decimal_cmp(found[0].table, cf_decimal_from_int(2)), 0);
    cr_assert_eq(found[0].byte_end - found[0].byte_start, strlen("共收到政府信息公开申请５件"));
    cr_assert_eq(strncmp(text + found[0].byte_start, "共收到政府信息公开申请５件", found[0].byte_end - found[0].byte_start), 0,
                 "the sentence is pointed at: %.*s", (int)(found[0].byte_end - found[0].byte_start), text + found[0].byte_start);
    cf_narrative_findings_free(found, n);
    cf_free(text);
}

Test(narrative, a_claim_that_agrees_or_cannot_be_compared_says_nothing)
{
    cf_narrative_finding *found;
    char *text;
    /* 2 agrees with the table; 行政复议's cells are blank in seed 002 */
    size_t n = findings_for("本年新收政府信息公开申请2件，行政复议1件。", &found, &text);
    cr_assert_eq(n, 0);
    cf_narrative_findings_free(found, n);
    cf_free(text);
}

Test(narrative, the_information_fee_is_not_the_administrative_fee)
{
    cf_narrative_finding *found;
    char *text;
    /* 信息处理费 (part 六) is not 表二's 行政事业性收费: no claim maps it */
    size_t n = findings_for("本机关收取信息处理费3万元，行政事业性收费项目7项。", &found, &text);
    cr_assert_eq(n, 0);
    cf_narrative_findings_free(found, n);
    cf_free(text);
}

Test(narrative, lawsuits_add_both_kinds_of_suit)
{
    cf_narrative_finding *found;
    char *text;
    /* seed 002: 直接起诉 total 0 + 复议后起诉 total 0 */
    size_t n = findings_for("发生政府信息公开行政诉讼3件。", &found, &text);
    cr_assert_eq(n, 1);
    cr_assert_eq(cf_decimal_cmp(found[0].table, cf_decimal_from_int(0)), 0);
    cr_assert_not_null(strstr(found[0].message, "and more"));
    cf_narrative_findings_free(found, n);
    cf_free(text);
}

/* Lines are ruled out by where the claims' suffixes stand in the whole text: a claim on the first
 * line, one after a line holding only a suffix and one without, CRLF breaks, are each found on
 * their own line. */
Test(narrative, every_line_holding_a_claim_is_read_whatever_lies_between)
{
    cf_narrative_finding *found;
    char *text;
    size_t n = findings_for("本机关共收到政府信息公开申请５件。\r\n件\r\n没有数字的一行\r\n共收到政府信息公开申请7件", &found,
                            &text);
    cr_assert_eq(n, 2);
    cr_expect_eq(found[0].line, 1);
    cr_expect_eq(cf_decimal_cmp(found[0].stated, cf_decimal_from_int(5)), 0);
    cr_expect_eq(found[1].line, 4);
    cr_expect_eq(cf_decimal_cmp(found[1].stated, cf_decimal_from_int(7)), 0);
    cf_narrative_findings_free(found, n);
    cf_free(text);
}
