/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The cross-sum rules (勾稽关系) on small tables: pass, fail with the right cells and sums, unassessable. */
#include "cf_test.h"

static const char HEAD[] = "三、收到和处理政府信息公开申请情况\n"
                           "申请人情况 自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计\n";
static const char APPEALS[] = "四、政府信息公开行政复议、行政诉讼情况\n"
                              "行政复议 行政诉讼\n"
                              "结果维持 结果纠正 其他结果 尚未审结 总计 未经复议直接起诉 复议后起诉\n";
static const char END[] = "五、存在的主要问题及改进情况\n";

/* A balanced 2021 table: natural 3 new + 1 carried = 2 granted + 1 partial + 1 carry forward. */
static const char *const BALANCED[] = {
    "一、本年新收政府信息公开申请数量 3 1 0 0 0 0 4",
    "二、上年结转政府信息公开申请数量 1 0 0 0 0 0 1",
    "（一）予以公开 2 1 0 0 0 0 3",
    "（二）部分公开 1 0 0 0 0 0 1",
    "1.属于国家秘密 0 0 0 0 0 0 0",
    "2.其他法律行政法规禁止公开 0 0 0 0 0 0 0",
    "3.危及“三安全一稳定” 0 0 0 0 0 0 0",
    "4.保护第三方合法权益 0 0 0 0 0 0 0",
    "5.属于三类内部事务信息 0 0 0 0 0 0 0",
    "6.属于四类过程性信息 0 0 0 0 0 0 0",
    "7.属于行政执法案卷 0 0 0 0 0 0 0",
    "8.属于行政查询事项 0 0 0 0 0 0 0",
    "1.本机关不掌握相关政府信息 0 0 0 0 0 0 0",
    "2.没有现成信息需要另行制作 0 0 0 0 0 0 0",
    "3.补正后申请内容仍不明确 0 0 0 0 0 0 0",
    "1.信访举报投诉类申请 0 0 0 0 0 0 0",
    "2.重复申请 0 0 0 0 0 0 0",
    "3.要求提供公开出版物 0 0 0 0 0 0 0",
    "4.无正当理由大量反复申请 0 0 0 0 0 0 0",
    "5.要求行政机关确认或重新出具已获取信息 0 0 0 0 0 0 0",
    "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 0 0 0 0 0 0 0",
    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 0 0 0 0 0 0 0",
    "3.其他 0 0 0 0 0 0 0",
    "（七）总计 3 1 0 0 0 0 4",
    "四、结转下年度继续办理 1 0 0 0 0 0 1",
};
#define NROWS (sizeof BALANCED / sizeof *BALANCED)

/* The balanced table with row `row` replaced by `replacement` (row < 0: none), and part 四's line. */
static void read_table(cft_doc *d, long row, const char *replacement, const char *appeals_line)
{
    static char buf[8192];
    size_t used = (size_t)snprintf(buf, sizeof buf, "%s", HEAD);
    for (size_t r = 0; r < NROWS; r++)
        used += (size_t)snprintf(buf + used, sizeof buf - used, "%s\n",
                                 (long)r == row ? replacement : BALANCED[r]);
    snprintf(buf + used, sizeof buf - used, "%s%s\n%s", APPEALS, appeals_line, END);
    cft_read(d, buf);
}

/* The explanations' words in the tests' language. */
static const cf_explain_words *words(void)
{
    static cf_explain_words w;
    cf_explain_words_init(&w);
    return &w;
}

static cf_rule_result eval(const cft_doc *d, const char *rule)
{
    return cf_rule_evaluate(d->tpl, (size_t)cft_rule(d, rule), cf_report_cells(d->report));
}

static char *explain(const cft_doc *d, const char *rule)
{
    long i = cft_rule(d, rule);
    cf_rule_result res = eval(d, rule);
    char *s = cf_rule_explain(d->tpl, (size_t)i, cf_report_cells(d->report), &res, words());
    cr_assert_not_null(s);
    return s;
}

static const char *dec(cf_decimal v)
{
    static char buf[4][32];
    static int k;
    return cf_decimal_format(v, buf[k++ % 4]);
}

static const char *const APPEALS_OK = "1 0 0 1 2 0 0 0 0 0 0 0 1 0 1";

Test(rules, a_balanced_table_passes_every_rule)
{
    cft_doc d;
    read_table(&d, -1, NULL, APPEALS_OK);
    cf_rule_result *res = calloc(cf_template_rule_count(d.tpl), sizeof *res);
    size_t failed = cf_rules_evaluate(d.tpl, cf_report_cells(d.report), res);
    cr_expect_eq(failed, 0);
    for (size_t i = 0; i < cf_template_rule_count(d.tpl); i++)
        cr_expect_eq(res[i].status, CF_RULE_PASS, "%s: status %d", cf_template_rule(d.tpl, i)->id, res[i].status);
    /* one instance per column for balance and results, per row for applicants and appeals */
    size_t fam[4] = {0};
    for (size_t i = 0; i < cf_template_rule_count(d.tpl); i++) {
        const char *f = cf_template_rule(d.tpl, i)->family;
        fam[0] += strcmp(f, "balance") == 0;
        fam[1] += strcmp(f, "results") == 0;
        fam[2] += strcmp(f, "applicants") == 0;
        fam[3] += strcmp(f, "appeals") == 0;
    }
    cr_expect_eq(fam[0], 7);
    cr_expect_eq(fam[1], 7);
    cr_expect_eq(fam[2], 25);
    cr_expect_eq(fam[3], 3);
    free(res);
    cft_release(&d);
}

Test(rules, balance_fails_with_both_sides)
{
    cft_doc d;
    /* natural carry forward 0 instead of 1: 3 + 1 = 4 ≠ 3 + 0 = 3 */
    read_table(&d, 24, "四、结转下年度继续办理 0 0 0 0 0 0 1", APPEALS_OK);
    cf_rule_result r = eval(&d, "requests.balance.natural");
    cr_assert_eq(r.status, CF_RULE_FAIL);
    cr_expect_str_eq(dec(r.left), "4");
    cr_expect_str_eq(dec(r.right), "3");
    const cf_rule_def *def = cf_template_rule(d.tpl, (size_t)cft_rule(&d, "requests.balance.natural"));
    cr_assert_eq(def->left_count, 2);
    cr_assert_eq(def->right_count, 2);
    cr_expect_str_eq(cf_template_cell(d.tpl, def->left[0])->id, "requests.new.natural");
    cr_expect_str_eq(cf_template_cell(d.tpl, def->left[1])->id, "requests.carried_over.natural");
    cr_expect_str_eq(cf_template_cell(d.tpl, def->right[0])->id, "requests.results_total.natural");
    cr_expect_str_eq(cf_template_cell(d.tpl, def->right[1])->id, "requests.carry_forward.natural");
    char *msg = explain(&d, "requests.balance.natural");
    cr_expect_str_eq(msg, "一+二 ≠ 三(七)+四 [自然人]: 3 + 1 = 4 ≠ 3 + 0 = 3");
    cf_free(msg);
    /* the row's own total now also disagrees: applicants on 四 */
    cr_expect_eq(eval(&d, "requests.applicants.carry_forward").status, CF_RULE_FAIL);
    cr_expect_eq(eval(&d, "requests.balance.business").status, CF_RULE_PASS);
    cft_release(&d);
}

Test(rules, results_fail_names_the_rows_that_are_not_zero)
{
    cft_doc d;
    read_table(&d, 9, "6.属于四类过程性信息 1 0 0 0 0 0 1", APPEALS_OK); /* 三(三)6 adds 1 */
    cf_rule_result r = eval(&d, "requests.results.natural");
    cr_assert_eq(r.status, CF_RULE_FAIL);
    cr_expect_str_eq(dec(r.left), "3");
    cr_expect_str_eq(dec(r.right), "4");
    const cf_rule_def *def = cf_template_rule(d.tpl, (size_t)cft_rule(&d, "requests.results.natural"));
    cr_expect_eq(def->right_count, 21);
    char *msg = explain(&d, "requests.results.natural");
    cr_expect(strstr(msg, "三(七) ≠ ") == msg, "%s", msg);
    cr_expect(strstr(msg, "[自然人]: 3 ≠ "), "%s", msg);
    cr_expect(strstr(msg, "三(三)6 1"), "the row that is not zero is named: %s", msg);
    cr_expect(strstr(msg, "= 4"), "%s", msg);
    cf_free(msg);
    cft_release(&d);
}

Test(rules, applicants_fail_per_row)
{
    cft_doc d;
    read_table(&d, 2, "（一）予以公开 2 1 0 0 0 0 4", APPEALS_OK);
    cf_rule_result r = eval(&d, "requests.applicants.granted");
    cr_assert_eq(r.status, CF_RULE_FAIL);
    cr_expect_str_eq(dec(r.left), "4");
    cr_expect_str_eq(dec(r.right), "3");
    const cf_rule_def *def = cf_template_rule(d.tpl, (size_t)cft_rule(&d, "requests.applicants.granted"));
    cr_expect_str_eq(cf_template_cell(d.tpl, def->left[0])->id, "requests.granted.total");
    cr_expect_eq(def->right_count, 6);
    char *msg = explain(&d, "requests.applicants.granted");
    cr_expect(strstr(msg, "[(一)予以公开]: 4 ≠ "), "%s", msg);
    cr_expect(strstr(msg, "= 3"), "%s", msg);
    cf_free(msg);
    cft_release(&d);
}

Test(rules, appeals_fail_per_row)
{
    cft_doc d;
    read_table(&d, -1, NULL, "1 0 0 1 2 0 0 0 0 0 0 0 1 0 2");
    cf_rule_result r = eval(&d, "appeals.total.suit_after_review");
    cr_assert_eq(r.status, CF_RULE_FAIL);
    cr_expect_str_eq(dec(r.left), "2");
    cr_expect_str_eq(dec(r.right), "1");
    char *msg = explain(&d, "appeals.total.suit_after_review");
    cr_expect_str_eq(msg, "总计 ≠ 结果维持+结果纠正+其他结果+尚未审结 [诉讼·复议后起诉]: 2 ≠ 0 + 0 + 1 + 0 = 1");
    cf_free(msg);
    cr_expect_eq(eval(&d, "appeals.total.review").status, CF_RULE_PASS);
    cft_release(&d);
}

Test(rules, a_missing_cell_makes_the_rule_unassessable_not_pass)
{
    cft_doc d;
    /* natural carried over blank ("-" would be n/a; here the field is simply absent) */
    read_table(&d, 1, "二、上年结转政府信息公开申请数量\t\t\t0\t0\t0\t0\t0\t1\t", APPEALS_OK);
    cft_expect(&d, "requests.carried_over.natural", "missing");
    cf_rule_result r = eval(&d, "requests.balance.natural");
    cr_expect_eq(r.status, CF_RULE_UNASSESSABLE);
    char *msg = explain(&d, "requests.balance.natural");
    cr_expect(strstr(msg, "□"), "the missing cell is shown: %s", msg);
    cf_free(msg);
    cr_expect_eq(eval(&d, "requests.applicants.carried_over").status, CF_RULE_UNASSESSABLE);
    cft_release(&d);
}

Test(rules, not_applicable_is_not_zero_for_a_rule)
{
    cft_doc d;
    read_table(&d, 4, "1.属于国家秘密 / 0 0 0 0 0 0", APPEALS_OK);
    cft_expect(&d, "requests.denied_secret.natural", "n/a");
    cr_expect_eq(eval(&d, "requests.results.natural").status, CF_RULE_UNASSESSABLE);
    cr_expect_eq(eval(&d, "requests.results.business").status, CF_RULE_PASS);
    cft_release(&d);
}

Test(rules, decimals_compare_exactly)
{
    /* a template of our own: amounts with decimals, left = sum of right */
    const char *yaml = "id: t\nname: t\ndetect: [甲乙]\nend_headings: [结束]\n"
                       "tables:\n  - id: money\n    number: 一\n    title: 金额\n    headings: [金额情况]\n"
                       "    columns:\n      - {id: a, label: 甲, kind: decimal}\n      - {id: b, label: 乙, kind: decimal}\n"
                       "      - {id: sum, label: 合, kind: decimal}\n"
                       "    rows:\n      - {id: x, label: 项目}\n"
                       "rules:\n  - {id: add, family: sum, table: money, per: row, words: 合等于甲加乙, left: [sum], right: [a, b]}\n";
    cf_template *tpl;
    cf_error err;
    cr_assert_eq(cf_template_parse("t.yaml", yaml, strlen(yaml), &tpl, &err), CF_OK, "%s", err.message);
    cr_assert_eq(cf_template_cell_count(tpl), 3);
    cf_cell cells[3];
    memset(cells, 0, sizeof cells);
    const char *v[3] = {"0.1", "0.2", "0.3"};
    for (int i = 0; i < 3; i++) {
        cells[i].state = CF_CELL_NUMBER;
        cr_assert_eq(cf_decimal_parse(v[i], strlen(v[i]), &cells[i].value), CF_DEC_OK);
    }
    cr_expect_eq(cf_rule_evaluate(tpl, 0, cells).status, CF_RULE_PASS, "0.1 + 0.2 is 0.3 exactly");
    cr_assert_eq(cf_decimal_parse("0.30000001", 10, &cells[2].value), CF_DEC_OK);
    cf_rule_result r = cf_rule_evaluate(tpl, 0, cells);
    cr_expect_eq(r.status, CF_RULE_FAIL);
    char *msg = cf_rule_explain(tpl, 0, cells, &r, words());
    cr_expect_str_eq(msg, "合 ≠ 甲+乙 [项目]: 0.30000001 ≠ 0.1 + 0.2 = 0.3");
    cf_free(msg);
    /* sums too large to hold are unassessable, never wrapped round */
    cells[0].value = cf_decimal_from_int(INT64_MAX);
    cells[1].value = cf_decimal_from_int(INT64_MAX);
    r = cf_rule_evaluate(tpl, 0, cells);
    cr_expect_eq(r.status, CF_RULE_UNASSESSABLE);
    cr_expect(r.overflow);
    cf_template_free(tpl);
}

Test(rules, seed_report_explains_its_broken_balance_in_its_own_terms)
{
    /* seed 002: two new requests from natural persons, none carried over, none in (七) or 四 */
    cft_doc d;
    cft_read_file(&d, CF_FIXTURES "/seeds/002_b895455aa8998ba0.txt");
    cr_assert_str_eq(cf_template_id(d.tpl), "gov-2019");
    cf_rule_result r = eval(&d, "requests.balance.natural");
    cr_assert_eq(r.status, CF_RULE_FAIL);
    char *msg = explain(&d, "requests.balance.natural");
    cr_expect_str_eq(msg, "一+二 ≠ 三(七)+四 [自然人]: 2 + 0 = 2 ≠ 0 + 0 = 0");
    cf_free(msg);
    /* part 四's 行政复议 is blank in that report: its rule cannot be checked */
    cr_expect_eq(eval(&d, "appeals.total.review").status, CF_RULE_UNASSESSABLE);
    cr_expect_eq(eval(&d, "appeals.total.suit_direct").status, CF_RULE_PASS);
    cft_release(&d);
}

/* sum = a + b over one row, every column of the given kind (or a + b = sum with
 * parts_left). Caller frees. */
static cf_template *rule_template(const char *kind, bool parts_left)
{
    char yaml[1024];
    snprintf(yaml, sizeof yaml,
             "id: t\nname: t\ndetect: [甲乙]\nend_headings: [结束]\n"
             "tables:\n  - id: n\n    number: 一\n    title: 件数\n    headings: [件数情况]\n"
             "    columns:\n      - {id: a, label: 甲, kind: %s}\n      - {id: b, label: 乙, kind: %s}\n"
             "      - {id: sum, label: 合, kind: %s}\n"
             "    rows:\n      - {id: x, label: 项目}\n"
             "rules:\n  - {id: add, family: sum, table: n, per: row, words: 合等于甲加乙, left: %s, right: %s}\n",
             kind, kind, kind, parts_left ? "[a, b]" : "[sum]", parts_left ? "[sum]" : "[a, b]");
    cf_template *tpl;
    cf_error err;
    cr_assert_eq(cf_template_parse("t.yaml", yaml, strlen(yaml), &tpl, &err), CF_OK, "%s", err.message);
    return tpl;
}

static cf_template *sum_template(const char *kind) { return rule_template(kind, false); }

/* cells a, b, sum: a number, or missing for NULL */
static void set_cells(cf_cell cells[3], const char *a, const char *b, const char *sum)
{
    const char *v[3] = {a, b, sum};
    memset(cells, 0, 3 * sizeof *cells);
    for (int i = 0; i < 3; i++)
        if (v[i]) {
            cells[i].state = CF_CELL_NUMBER;
            cr_assert_eq(cf_decimal_parse(v[i], strlen(v[i]), &cells[i].value), CF_DEC_OK);
        }
}

Test(rules, a_total_below_its_known_parts_is_broken_though_a_part_is_missing)
{
    cf_template *tpl = sum_template("count");
    cf_cell cells[3];
    set_cells(cells, "26", NULL, "20");
    cf_rule_result r = cf_rule_evaluate(tpl, 0, cells);
    cr_expect_eq(r.status, CF_RULE_FAIL, "counts are never below 0: 20 < 26 + b whatever b is");
    cr_expect_eq(r.missing, 1);
    char *msg = cf_rule_explain(tpl, 0, cells, &r, words());
    cr_expect_str_eq(msg, "合 ≠ 甲+乙 [项目]: 20 < 26 + □ (26 + □; □: 1 missing, never below 0)");
    cf_free(msg);
    /* a missing total that the known parts bound from below proves nothing */
    set_cells(cells, "26", "3", NULL);
    r = cf_rule_evaluate(tpl, 0, cells);
    cr_expect_eq(r.status, CF_RULE_UNASSESSABLE);
    cr_expect_not(r.forced_zero);
    /* a total printed "/" proves nothing either: it may be 7 */
    set_cells(cells, "2", "5", NULL);
    cells[2].state = CF_CELL_NA;
    r = cf_rule_evaluate(tpl, 0, cells);
    cr_expect_eq(r.status, CF_RULE_UNASSESSABLE, "sum ≥ 0 can still equal 7");
    set_cells(cells, NULL, NULL, "4");
    cells[0].state = CF_CELL_NA;
    r = cf_rule_evaluate(tpl, 0, cells);
    cr_expect_eq(r.status, CF_RULE_UNASSESSABLE, "two parts missing can still add up to 4");
    cf_template_free(tpl);
    /* the open side on the left: a + b = sum with a missing and b already above the sum */
    tpl = rule_template("count", true);
    set_cells(cells, NULL, "9", "4");
    r = cf_rule_evaluate(tpl, 0, cells);
    cr_expect_eq(r.status, CF_RULE_FAIL);
    msg = cf_rule_explain(tpl, 0, cells, &r, words());
    cr_expect_str_eq(msg, "甲+乙 ≠ 合 [项目]: 9 + □ (□ + 9; □: 1 missing, never below 0) > 4");
    cf_free(msg);
    cf_template_free(tpl);
}

Test(rules, known_values_that_balance_leave_each_missing_count_only_zero)
{
    cf_template *tpl = sum_template("count");
    cf_cell cells[3];
    set_cells(cells, "7", NULL, "7");
    cf_rule_result r = cf_rule_evaluate(tpl, 0, cells);
    cr_expect_eq(r.status, CF_RULE_UNASSESSABLE, "a suggestion, never a filled cell");
    cr_expect(r.forced_zero);
    char *msg = cf_rule_explain(tpl, 0, cells, &r, words());
    cr_expect(strstr(msg, "can only be 0"), "%s", msg);
    cf_free(msg);
    cf_template_free(tpl);
}

Test(rules, amounts_and_signed_numbers_prove_nothing_when_missing)
{
    const char *kinds[] = {"decimal", "signed"};
    for (int k = 0; k < 2; k++) {
        cf_template *tpl = sum_template(kinds[k]);
        cf_cell cells[3];
        set_cells(cells, "26", NULL, "20");
        cf_rule_result r = cf_rule_evaluate(tpl, 0, cells);
        cr_expect_eq(r.status, CF_RULE_UNASSESSABLE, "%s: the missing value may be below 0", kinds[k]);
        cr_expect_not(r.forced_zero);
        cf_template_free(tpl);
    }
}
