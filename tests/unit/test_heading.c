/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The issuer and year in a report's title: whole, broken over two lines, split from the
 * year, only in a web page's 信息来源, or not there at all. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "heading.h"
#include "text.h"

static cf_heading heading_of_text(const char *bytes)
{
    cf_text *text;
    cr_assert_eq(cf_text_from_bytes("h.txt", bytes, strlen(bytes), &text, NULL), CF_OK);
    cf_heading h;
    cf_heading_read(text, &h);
    cf_text_free(text);
    return h;
}

static cf_heading heading_of_seed(const char *name)
{
    cf_text *text;
    char path[256];
    snprintf(path, sizeof path, CF_FIXTURES "/seeds/%s", name);
    cr_assert_eq(cf_text_load(path, &text, NULL), CF_OK);
    cf_heading h;
    cf_heading_read(text, &h);
    cf_text_free(text);
    return h;
}

Test(heading, seeds)
{
    static const struct {
        const char *seed, *issuer, *year;
        size_t line;
    } cases[] = {
        {"000_b0a3a3717f6cc721.txt", "漯河市人民防空办公室", "2022", 2},  /* 年度报告 on the next line */
        {"001_fc0e04f6e45ee7b3.txt", "焦作市人防办", "2023", 3},          /* "2023 年" */
        {"002_b895455aa8998ba0.txt", "攀枝花市人民防空办公室", "2019", 7},
        {"003_ef1786e90cacf8b3.txt", "柳州市人民防空办公室", "2021", 6},  /* 政府信息 / 公开工作年度报告 */
        {"004_ff7ba18170778dc6.txt", "驻马店市人民政府", "", 3},          /* no title: 信息来源 */
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        cf_heading h = heading_of_seed(cases[i].seed);
        cr_expect_str_eq(h.issuer, cases[i].issuer, "%s: issuer %s", cases[i].seed, h.issuer);
        cr_expect_str_eq(h.year, cases[i].year, "%s: year %s", cases[i].seed, h.year);
        cr_expect_eq(h.line, cases[i].line, "%s: line %zu", cases[i].seed, h.line);
    }
}

Test(heading, issuer_on_its_own_line)
{
    cf_heading h = heading_of_text("某某县人民政府办公室\n2020年政府信息公开工作年度报告\n一、总体情况\n");
    cr_expect_str_eq(h.issuer, "某某县人民政府办公室");
    cr_expect_str_eq(h.year, "2020");
}

Test(heading, nothing_guessed)
{
    /* a year in the prose, no title: neither is taken */
    cf_heading h = heading_of_text("本机关2021年收到申请3件。\n一、总体情况\n某某市2022年政府信息公开工作年度报告\n");
    cr_expect_str_eq(h.issuer, "");
    cr_expect_str_eq(h.year, "");
    cr_expect_eq(h.line, 0);
}
