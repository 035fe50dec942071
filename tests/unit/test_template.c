/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Templates: the built-in formats load, a report's format is detected, malformed files say where. */
#include "cf_test.h"

#include <unistd.h>

#include "utf8.h"

static const char GOOD[] = "id: t\n"                                   /* 1 */
                           "name: test\n"                              /* 2 */
                           "detect: [甲乙丙]\n"                        /* 3 */
                           "end_headings: [结束]\n"                    /* 4 */
                           "tables:\n"                                 /* 5 */
                           "  - id: tab\n"                             /* 6 */
                           "    number: 一\n"                          /* 7 */
                           "    title: 表\n"                           /* 8 */
                           "    headings: [表格情况]\n"                /* 9 */
                           "    columns:\n"                            /* 10 */
                           "      - {id: a, label: 甲, kind: count}\n" /* 11 */
                           "      - {id: b, label: 乙, kind: count}\n" /* 12 */
                           "    rows:\n"                               /* 13 */
                           "      - {id: x, label: 项目一}\n"          /* 14 */
                           "      - {id: y, label: 项目二}\n"          /* 15 */
                           "rules:\n"                                  /* 16 */
                           "  - id: r\n"                               /* 17 */
                           "    family: f\n"                           /* 18 */
                           "    table: tab\n"                          /* 19 */
                           "    per: row\n"                            /* 20 */
                           "    words: 甲等于乙\n"                     /* 21 */
                           "    left: [a]\n"                           /* 22 */
                           "    right: [b]\n";                         /* 23 */

/* GOOD with line `line` (1-based) replaced by `text` (NULL: deleted). */
static char *variant(int line, const char *text)
{
    static char buf[4096];
    buf[0] = '\0';
    const char *p = GOOD;
    for (int l = 1; *p; l++) {
        const char *nl = strchr(p, '\n');
        size_t len = (size_t)(nl - p) + 1;
        if (l != line)
            strncat(buf, p, len);
        else if (text)
            strcat(buf, text);
        p += len;
    }
    return buf;
}

static void expect_template_error(const char *yaml, long line, const char *needle)
{
    cf_template *tpl = NULL;
    cf_error err;
    cf_error_clear(&err);
    cf_status st = cf_template_parse("my-format.yaml", yaml, strlen(yaml), &tpl, &err);
    cr_assert_eq(st, CF_ERR_TEMPLATE, "accepted a malformed template (status %d):\n%s", st, yaml);
    cr_expect_null(tpl);
    cr_expect_str_eq(err.file, "my-format.yaml");
    cr_expect_eq(err.line, line, "error at line %ld, want %ld: %s", err.line, line, err.message);
    cr_expect(strstr(err.message, needle), "message '%s' does not say '%s'", err.message, needle);
    char formatted[1200];
    cf_error_format(&err, formatted, sizeof formatted);
    char prefix[64];
    snprintf(prefix, sizeof prefix, "my-format.yaml:%ld:", line);
    cr_expect(strncmp(formatted, prefix, strlen(prefix)) == 0, "'%s' does not start with %s", formatted, prefix);
}

Test(template, the_test_template_is_good)
{
    cf_template *tpl;
    cf_error err;
    cr_assert_eq(cf_template_parse("good.yaml", GOOD, strlen(GOOD), &tpl, &err), CF_OK, "%s", err.message);
    cr_expect_eq(cf_template_cell_count(tpl), 4);
    cr_expect_eq(cf_template_rule_count(tpl), 2);
    cr_expect_str_eq(cf_template_rule(tpl, 1)->id, "tab.r.y");
    cf_template_free(tpl);
}

Test(template, bad_yaml_names_its_line)
{
    expect_template_error(variant(12, "      - {id: b, label: 乙, kind: count\n"), 13, "not valid YAML");
}

Test(template, unknown_key_names_its_line)
{
    expect_template_error(variant(8, "    title: 表\n    colour: red\n"), 9, "unknown key 'colour'");
    expect_template_error(variant(14, "      - {id: x, lable: 项目一}\n"), 14, "unknown key 'lable'");
}

Test(template, unknown_column_in_a_rule_names_its_line)
{
    /* the error points at the list that names it */
    expect_template_error(variant(23, "    right: [c]\n"), 23, "unknown column 'c'");
    expect_template_error(variant(23, "    right:\n      - b\n      - zz\n"), 25, "unknown column 'zz'");
}

Test(template, unknown_row_in_a_rule_names_it)
{
    char *y = variant(20, "    per: column\n");
    /* per column, the names are rows: a is not a row */
    expect_template_error(y, 22, "unknown row 'a'");
}

Test(template, unknown_column_of_a_row_names_its_line)
{
    expect_template_error(variant(15, "      - {id: y, label: 项目二, columns: [a, z]}\n"), 15, "unknown column 'z'");
}

Test(template, missing_id_names_its_line)
{
    expect_template_error(variant(14, "      - {label: 项目一}\n"), 14, "missing 'id'");
    expect_template_error(variant(11, "      - {label: 甲, kind: count}\n"), 11, "missing 'id'");
    char rule_without_id[4096];
    snprintf(rule_without_id, sizeof rule_without_id, "%s", variant(18, NULL)); /* drop family … */
    char *at = strstr(rule_without_id, "  - id: r\n");
    cr_assert_not_null(at);
    memcpy(at, "  - family: f\n", strlen("  - family: f\n")); /* … and put it where the id was */
    strcpy(at + strlen("  - family: f\n"), strstr(variant(18, NULL), "  - id: r\n") + strlen("  - id: r\n"));
    expect_template_error(rule_without_id, 17, "missing 'id'");
}

Test(template, bad_kind_and_duplicates)
{
    expect_template_error(variant(11, "      - {id: a, label: 甲, kind: money}\n"), 11, "kind 'money'");
    expect_template_error(variant(15, "      - {id: x, label: 项目二}\n"), 15, "row 'x' is listed twice");
}

Test(template, duplicate_key_names_its_line)
{
    expect_template_error(variant(8, "    title: 表\n    title: 另一个\n"), 9, "given twice");
}

Test(template, unknown_key_in_a_rule)
{
    expect_template_error(variant(22, "    lefts: [a]\n"), 22, "unknown key 'lefts'");
}

Test(template, rule_naming_a_cell_the_row_does_not_have)
{
    /* row y has only column a: a per-row rule on b cannot hold for it */
    expect_template_error(variant(15, "      - {id: y, label: 项目二, columns: [a]}\n"), 23, "no cell there");
}

Test(template, empty_template)
{
    cf_template *tpl;
    cf_error err;
    cr_expect_eq(cf_template_parse("empty.yaml", "", 0, &tpl, &err), CF_ERR_TEMPLATE);
    cr_expect_str_eq(err.file, "empty.yaml");
    cr_expect_eq(cf_template_parse("list.yaml", "- a\n- b\n", 8, &tpl, &err), CF_ERR_TEMPLATE);
    cr_expect_eq(err.line, 1);
}

Test(template, loading_a_file_names_it)
{
    char path[] = "/tmp/cf-template-XXXXXX";
    int fd = mkstemp(path);
    cr_assert_geq(fd, 0);
    const char *bad = variant(2, "name: [unclosed\n");
    cr_assert_eq(write(fd, bad, strlen(bad)), (ssize_t)strlen(bad));
    close(fd);
    cf_template *tpl;
    cf_error err;
    cr_expect_eq(cf_template_load(path, &tpl, &err), CF_ERR_TEMPLATE);
    cr_expect_str_eq(err.file, path);
    cr_expect_gt(err.line, 0);
    unlink(path);
    cr_expect_eq(cf_template_load("/nonexistent/x.yaml", &tpl, &err), CF_ERR_IO);
    cr_expect_str_eq(err.file, "/nonexistent/x.yaml");
}

Test(template, builtin_templates_load)
{
    cf_template **tpls;
    size_t n;
    cf_error err;
    cr_assert_eq(cf_template_load_builtin(&tpls, &n, &err), CF_OK, "%s", err.message);
    cr_assert_geq(n, 2);
    bool seen2019 = false, seen2021 = false;
    for (size_t i = 0; i < n; i++) {
        const char *id = cf_template_id(tpls[i]);
        if (strcmp(id, "gov-2019") == 0) {
            seen2019 = true;
            cr_expect_eq(cf_template_cell_count(tpls[i]), 198);
            cr_expect_geq(cf_template_find_cell(tpls[i], "requests.other.natural"), 0);
            cr_expect_geq(cf_template_find_cell(tpls[i], "active.procurement.amount"), 0);
        } else if (strcmp(id, "gov-2021") == 0) {
            seen2021 = true;
            cr_expect_eq(cf_template_cell_count(tpls[i]), 200);
            cr_expect_geq(cf_template_find_cell(tpls[i], "requests.other_misc.total"), 0);
            cr_expect_geq(cf_template_find_cell(tpls[i], "appeals.suit_after_review.pending"), 0);
        }
        /* every cell id is table.row.column and unique */
        for (size_t c = 0; c < cf_template_cell_count(tpls[i]); c++)
            cr_expect_eq(cf_template_find_cell(tpls[i], cf_template_cell(tpls[i], c)->id), (long)c);
        cf_template_free(tpls[i]);
    }
    cf_free(tpls);
    cr_expect(seen2019 && seen2021);
}

static const char *detect(const char *text)
{
    static char id[32];
    cft_doc d;
    cft_read(&d, text);
    snprintf(id, sizeof id, "%s", cf_template_id(d.tpl));
    cft_release(&d);
    return id;
}

Test(template, format_detected_by_part_two_headings)
{
    cr_expect_str_eq(detect("二、主动公开政府信息情况\n信息内容 本年新制作数量 本年新公开数量 对外公开总数量\n规章 0 0 0\n"
                            "三、收到和处理政府信息公开申请情况\n"),
                     "gov-2019");
    cr_expect_str_eq(detect("二、主动公开政府信息情况\n信息内容 本年制发件数 本年废止件数 现行有效件数\n规章 0 0 0\n"
                            "三、收到和处理政府信息公开申请情况\n"),
                     "gov-2021");
}

Test(template, format_detected_by_part_three_other_rows)
{
    /* no part 二: （六） as three sub-rows is 2021 */
    cr_expect_str_eq(detect("三、收到和处理政府信息公开申请情况\n"
                            "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 0 0 0 0 0 0 0\n"
                            "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 0 0 0 0 0 0 0\n"
                            "3.其他 0 0 0 0 0 0 0\n"),
                     "gov-2021");
}

Test(template, format_detected_with_phrases_broken_over_lines)
{
    cr_expect_str_eq(detect("二、主动公开政府信息情况\n信息内容 本年新制\n作数量 本年新公\n开数量 对外公开总\n数量\n规章 0 0 0\n"),
                     "gov-2019");
}

Test(template, no_format_phrase_warns)
{
    cft_doc d;
    cft_read(&d, "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量 1 0 0 0 0 0 1\n");
    cr_expect_not_null(cft_warning(&d, "tell the formats apart"), "%s", cft_warnings(&d));
    cft_release(&d);
}

Test(template, a_long_title_in_a_warning_is_cut_at_a_character)
{
    /* a two-table template whose second table is absent from the report: the warning names its
     * (very long) title and is cut to fit, at a character boundary */
    char yaml[8192];
    char title[2048] = "x"; /* one byte to put the cut inside a character */
    for (int i = 0; i < 300; i++)
        strcat(title, "长");
    snprintf(yaml, sizeof yaml,
             "id: t\nname: t\ndetect: [甲乙丙]\nend_headings: [结束]\ntables:\n"
             "  - {id: one, number: 一, title: 表一, headings: [表格一情况], columns: [{id: a, label: 甲, kind: count}],"
             " rows: [{id: x, label: 项目}]}\n"
             "  - {id: two, number: 二, title: %s, headings: [表格二情况], columns: [{id: a, label: 甲, kind: count}],"
             " rows: [{id: y, label: 另一行}]}\n",
             title);
    cf_template *tpl;
    cf_error err;
    cr_assert_eq(cf_template_parse("long.yaml", yaml, strlen(yaml), &tpl, &err), CF_OK, "%s", err.message);
    const char *report = "表格一情况\n项目 5\n";
    cf_text *text;
    cr_assert_eq(cf_text_from_bytes("r.txt", report, strlen(report), &text, &err), CF_OK, "%s", err.message);
    cf_report *rep;
    cr_assert_eq(cf_extract(text, &tpl, 1, &rep, &err), CF_OK, "%s", err.message);
    bool seen = false;
    for (size_t i = 0; i < cf_report_warning_count(rep); i++) {
        const char *m = cf_report_warning(rep, i)->message;
        size_t bad;
        cr_expect(cf_utf8_valid(m, strlen(m), &bad), "invalid UTF-8 at %zu", bad);
        seen |= strstr(m, "part 二") != NULL;
    }
    cr_expect(seen, "no warning names part 二");
    cf_report_free(rep);
    cf_text_free(text);
    cf_template_free(tpl);
}

/* GOOD with lines [from, to] replaced by count copies of line (its "%d" the copy's number). */
static char *repeated(int from, int to, const char *line, int count)
{
    static char buf[65536];
    buf[0] = '\0';
    const char *p = GOOD;
    for (int l = 1; *p; l++) {
        const char *nl = strchr(p, '\n');
        size_t len = (size_t)(nl - p) + 1;
        if (l < from || l > to)
            strncat(buf, p, len);
        else if (l == from)
            for (int i = 0; i < count; i++) {
                char one[256];
                snprintf(one, sizeof one, line, i);
                strcat(buf, one);
            }
        p += len;
    }
    return buf;
}

static void expect_loads(const char *yaml)
{
    cf_template *tpl;
    cf_error err;
    cr_assert_eq(cf_template_parse("my-format.yaml", yaml, strlen(yaml), &tpl, &err), CF_OK, "%s", err.message);
    cf_template_free(tpl);
}

Test(template, a_template_past_each_limit_is_refused_with_its_line)
{
    /* tables: the workbench keeps a scroll position for each of 8 */
    const char *table = "  - {id: t%d, number: 一, title: 表, headings: [表格情况], columns: [{id: a, label: 甲, kind: count}, "
                        "{id: b, label: 乙, kind: count}], rows: [{id: x, label: 项目一}, {id: y, label: 项目二}]}\n";
    char *y = repeated(6, 15, table, CF_TEMPLATE_MAX_TABLES);
    memcpy(strstr(y, "table: tab\n"), "table: t0 ", 10); /* the rule is over the first of them */
    expect_loads(y);
    expect_template_error(repeated(6, 15, table, CF_TEMPLATE_MAX_TABLES + 1), 6, "at most 8 tables, not 9");
    /* rows: the extraction keeps what it read of each row in arrays of 128 */
    expect_loads(repeated(14, 15, "      - {id: r%d, label: 项目}\n", CF_TEMPLATE_MAX_ROWS));
    expect_template_error(repeated(14, 15, "      - {id: r%d, label: 项目}\n", CF_TEMPLATE_MAX_ROWS + 1), 14,
                          "at most 128 rows, not 129");
    /* columns: the workbench lays out at most 32 */
    char *cols = repeated(11, 12, "      - {id: c%d, label: 列, kind: count}\n", CF_TEMPLATE_MAX_COLUMNS + 1);
    expect_template_error(cols, 11, "at most 32 columns, not 33");
    /* terms of a rule, both sides together */
    char right[2048] = "    right: [b";
    for (int i = 1; i < CF_TEMPLATE_MAX_TERMS; i++)
        strcat(right, ", b");
    strcat(right, "]\n");
    expect_template_error(variant(23, right), 17, "at most 256 terms, not 257");
}

/* GOOD with a cross_year section whose rule has left and right as given. */
static char *with_cross_year(const char *left, const char *right)
{
    static char buf[16384];
    snprintf(buf, sizeof buf,
             "%scross_year:\n"      /* 24 */
             "  - id: carry\n"      /* 25 */
             "    table: tab\n"     /* 26 */
             "    per: row\n"       /* 27 */
             "    words: 甲等于上年乙\n" /* 28 */
             "    left: %s\n"       /* 29 */
             "    right: %s\n",     /* 30 */
             GOOD, left, right);
    return buf;
}

/* A cross-year rule is a rule like any other, its terms this year's or last year's cells, and is
 * held to the same limits. */
Test(template, a_cross_year_rule_is_a_rule_over_both_years_and_names_its_bad_term)
{
    cf_template *tpl;
    cf_error err;
    const char *y = with_cross_year("[this.a]", "[previous.b]");
    cr_assert_eq(cf_template_parse("my-format.yaml", y, strlen(y), &tpl, &err), CF_OK, "%s", err.message);
    cr_assert_eq(cf_template_cross_rule_count(tpl), 2, "one a row");
    const cf_rule_def *r = cf_template_cross_rule(tpl, 1);
    size_t n = cf_template_cell_count(tpl);
    cr_assert_str_eq(r->id, "tab.carry.y");
    cr_assert_str_eq(r->family, "cross_year");
    cr_assert(r->left[0] == (size_t)cf_template_find_cell(tpl, "tab.y.a"), "this year's 甲");
    cr_assert(r->right[0] == n + (size_t)cf_template_find_cell(tpl, "tab.y.b"), "last year's 乙, after this year's cells");
    cr_assert_str_eq(r->right_refs[0], "上年·乙");
    cr_assert(cf_rule_has_cell(r, (size_t)cf_template_find_cell(tpl, "tab.y.a")));
    cr_assert(!cf_rule_has_cell(r, (size_t)cf_template_find_cell(tpl, "tab.y.b")), "last year's cell is not this year's");
    cf_template_free(tpl);
    expect_template_error(with_cross_year("[a]", "[previous.b]"), 29, "starts with this. or previous., not 'a'");
    expect_template_error(with_cross_year("[this.a]", "[previous.z]"), 30, "unknown column 'z'");
    char right[4096] = "[previous.b";
    for (int i = 1; i < CF_TEMPLATE_MAX_TERMS; i++)
        strcat(right, ", this.b");
    strcat(right, "]");
    expect_template_error(with_cross_year("[this.a]", right), 25, "at most 256 terms, not 257");
}
