/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Exports of a reviewed seed: JSON, CSV (with BOM), Markdown, XLSX. */
#include <criterion/criterion.h>
#include <libintl.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "export.h"
#include "review.h"

static char dir[64];
static cf_review *review;

/* Messages in Chinese, from the catalog `make` builds beside the sanitised binary, chosen as
 * crossfoot chooses them on a machine with no zh_CN locale (app/lang.c). Each test is its own
 * process, so the others keep the English of the sources. */
static void speak_chinese(void)
{
    setenv("LANGUAGE", "zh_CN", 1);
    cr_assert_not_null(setlocale(LC_MESSAGES, "C.UTF-8"));
    cr_assert_not_null(bindtextdomain("crossfoot", "build/san/locale"));
    bind_textdomain_codeset("crossfoot", "UTF-8");
}

/* Seed 002 reviewed: its two broken totals corrected (自然人 as misread, 总计 as the report's wrong
 * figure), a note left. */
static void reviewed_seed(void)
{
    snprintf(dir, sizeof dir, "/tmp/cf-export-XXXXXX");
    cr_assert_not_null(mkdtemp(dir));
    char cmd[256], report[128], path[160];
    snprintf(report, sizeof report, "%s/002.txt", dir);
    snprintf(cmd, sizeof cmd, "cp %s/seeds/002_b895455aa8998ba0.txt %s", CF_FIXTURES, report);
    cr_assert_eq(system(cmd), 0);
    snprintf(path, sizeof path, "%s.review.yaml", report);
    cf_error err;
    cr_assert_eq(cf_review_open_report(report, NULL, "审核员", path, &review, &err), CF_OK);
    const cf_template *tpl = cf_review_template(review);
    cf_edit edits[] = {
        {.cell = (size_t)cf_template_find_cell(tpl, "requests.results_total.natural"), .kind = CF_EDIT_SET,
         .value = cf_decimal_from_int(2), .correction = CF_CORRECTION_READ},
        {.cell = (size_t)cf_template_find_cell(tpl, "requests.results_total.total"), .kind = CF_EDIT_SET,
         .value = cf_decimal_from_int(2), .correction = CF_CORRECTION_FIGURE},
        {.cell = (size_t)cf_template_find_cell(tpl, "requests.new.natural"), .kind = CF_EDIT_NOTE,
         .note = "与原文第54行核对一致, \"两件\""},
    };
    cr_assert_eq(cf_review_apply(review, "fix", "总计漏填", edits, 3, &err), CF_OK);
}

static void cleanup(void)
{
    cf_review_free(review);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    cr_assert_eq(system(cmd), 0);
}

static char *render(cf_export_format f)
{
    char *out;
    size_t len;
    cf_error err;
    cr_assert_eq(cf_export_render(review, NULL, f, &out, &len, &err), CF_OK);
    cr_assert_eq(strlen(out), len);
    return out;
}

TestSuite(export, .init = reviewed_seed, .fini = cleanup);

Test(export, json_keeps_the_check_ids_and_adds_state_and_note)
{
    char *out = render(CF_EXPORT_JSON);
    cr_assert_not_null(strstr(out, "\"requests.results_total.natural\":\t2"), "%.400s", out);
    cr_assert_not_null(strstr(out, "\"state\":\t\"corrected\""));
    cr_assert_not_null(strstr(out, "与原文第54行核对一致"));
    cr_assert_not_null(strstr(out, "\"appeals.review.upheld\":\tnull"));
    cr_assert_not_null(strstr(out, "\"violations\":\t[]"), "seed 002 has no broken rule once corrected");
    cr_assert_not_null(strstr(out, "\"waived\":\t{"), "%.300s", out);
    cf_free(out);
}

Test(export, csv_has_a_bom_and_one_quoted_row_per_cell)
{
    char *out = render(CF_EXPORT_CSV);
    cr_assert_eq(memcmp(out, "\xEF\xBB\xBF" "Issuer,", 3 + 7), 0, "%.200s", out);
    /* the table starts after the title block's empty row */
    const char *table = strstr(out, "\r\n\r\n");
    cr_assert_not_null(table);
    table += 4;
    cr_assert_eq(memcmp(table, "id,table,row,column,value,extracted,state,correction,note\r\n", 59), 0, "%.200s", table);
    size_t rows = 0;
    for (const char *p = table; *p; p++)
        rows += *p == '\n';
    cr_assert_eq(rows, 1 + cf_review_cell_count(review));
    cr_assert_not_null(strstr(out, "requests.results_total.natural,收到和处理政府信息公开申请情况,（七）总计,自然人,2,0,corrected,read correction,\r\n"), "%s", out);
    /* a note with a comma and quotes is quoted, quotes doubled */
    cr_assert_not_null(strstr(out, ",\"与原文第54行核对一致, \"\"两件\"\"\"\r\n"));
    cf_free(out);
}

Test(export, markdown_renders_the_national_layout)
{
    char *out = render(CF_EXPORT_MD);
    cr_assert_not_null(strstr(out, "## 三、收到和处理政府信息公开申请情况"));
    cr_assert_not_null(strstr(out, "| 项目 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |"));
    cr_assert_not_null(strstr(out, "| （七）总计 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |"), "%s", out);
    cr_assert_not_null(strstr(out, "| 行政许可 | 22 | 36 | 58 |"));
    /* the missing 行政复议 cells stay blank, never 0 */
    cr_assert_not_null(strstr(out, "|  |  |  |  |  | 0 |"), "%s", out);
    cf_free(out);
}

static size_t rule_index(const char *id)
{
    const cf_template *tpl = cf_review_template(review);
    for (size_t i = 0; i < cf_template_rule_count(tpl); i++)
        if (strcmp(cf_template_rule(tpl, i)->id, id) == 0)
            return i;
    cr_assert_fail("no rule %s", id);
    return 0;
}

Test(export, markdown_ends_with_the_findings_who_changed_what_and_why)
{
    speak_chinese();
    const cf_template *tpl = cf_review_template(review);
    cf_error err;
    /* break the 总计 column's balance, then accept it with a reason */
    cf_edit set = {.cell = (size_t)cf_template_find_cell(tpl, "requests.results_total.total"), .kind = CF_EDIT_SET,
                   .value = cf_decimal_from_int(5)};
    cr_assert_eq(cf_review_apply(review, "fix", "", &set, 1, &err), CF_OK);
    cf_edit waive = {.cell = rule_index("requests.balance.total"), .kind = CF_EDIT_WAIVE, .note = "含上年结转3件"};
    cr_assert_eq(cf_review_apply(review, "waive", "含上年结转3件", &waive, 1, &err), CF_OK);
    char *out = render(CF_EXPORT_MD);
    const char *findings = strstr(out, "\n## 审核意见\n");
    cr_assert_not_null(findings, "%s", out);
    cr_assert_not_null(strstr(findings, "- 已豁免：一+二 ≠ 三(七)+四 [总计]: 2 + 0 = 2 ≠ 5 + 0 = 5（理由：含上年结转3件）"),
                       "%s", findings);
    cr_assert_not_null(strstr(findings, "- 不符：三(七) ≠ 三(一)+…+三(六) [总计]: 5 ≠"), "%s", findings);
    /* the missing 行政复议 cells make their rule uncheckable: said, not hidden */
    cr_assert_not_null(strstr(findings, "- 无法核对：总计 ? 结果维持"), "%s", findings);
    cr_assert_not_null(strstr(findings, "- 识别更正 三 （七）总计 · 自然人：0 → 2（审核员 "), "%s", findings);
    /* set by a fix with no kind said, to a figure its line does not print: the report's figure is wrong */
    cr_assert_not_null(strstr(findings, "- 数据更正 三 （七）总计 · 总计：0 → 5（审核员 "), "%s", findings);
    cr_assert_not_null(strstr(findings, "，总计漏填）"), "%s", findings);
    cr_assert_not_null(strstr(findings, "- 备注 三 一、本年新收政府信息公开申请数量 · 自然人：与原文第54行核对一致, \"两件\""),
                       "%s", findings);
    cf_free(out);
}

Test(export, findings_are_in_english_without_a_catalog)
{
    char *out = render(CF_EXPORT_MD);
    const char *findings = strstr(out, "\n## Findings\n");
    cr_assert_not_null(findings, "%s", out);
    cr_assert_not_null(strstr(findings, "- read correction 三 （七）总计 · 自然人: 0 → 2 (审核员 "), "%s", findings);
    cr_assert_not_null(strstr(findings, "- figure correction 三 （七）总计 · 总计: 0 → 2 (审核员 "), "%s", findings);
    cr_assert_not_null(strstr(findings, "- note 三 一、本年新收政府信息公开申请数量 · 自然人: 与原文第54行核对一致"),
                       "%s", findings);
    cf_free(out);
}

/* The review as a workbook, unpacked into the folder x of the temp folder. */
static void xlsx_unpacked(void)
{
    char path[128], cmd[256];
    snprintf(path, sizeof path, "%s/out.xlsx", dir);
    cf_error err;
    cr_assert_eq(cf_export_write(review, NULL, CF_EXPORT_XLSX, path, NULL, &err), CF_OK, "%s", err.message);
    snprintf(cmd, sizeof cmd, "cd %s && unzip -o -q out.xlsx -d x", dir);
    cr_assert_eq(system(cmd), 0, "the workbook does not unzip");
}

Test(export, xlsx_is_a_workbook_with_a_sheet_per_table_and_the_note_as_a_comment)
{
    speak_chinese();
    char cmd[512];
    xlsx_unpacked();
    snprintf(cmd, sizeof cmd, "cd %s && ls x/xl/worksheets/sheet3.xml >/dev/null && "
                              "grep -q '与原文第54行核对一致' x/xl/comments1.xml && grep -q '（七）总计' x/xl/sharedStrings.xml && "
                              "grep -q 'FFFF66' x/xl/styles.xml", dir);
    cr_assert_eq(system(cmd), 0, "the workbook lacks its sheets, note, labels or the corrected colour");
    snprintf(cmd, sizeof cmd, "cd %s && grep -q 'name=\"审核意见\"' x/xl/workbook.xml && "
                              "grep -q '识别更正 三 （七）总计 · 自然人：0 → 2（审核员 ' x/xl/sharedStrings.xml", dir);
    cr_assert_eq(system(cmd), 0, "the workbook lacks the findings sheet with the correction and who made it");
    snprintf(cmd, sizeof cmd, "ls %s | grep -q building", dir);
    cr_assert_neq(system(cmd), 0, "a half-built workbook was left behind");
}

/* 识别更正 and 数据更正 apart in every export: JSON's ids and counts, CSV's column, the Markdown
 * findings (figure corrections first) and the workbook's findings, colours and comments. */
Test(export, read_and_figure_corrections_are_kept_apart_in_json_csv_markdown_and_xlsx)
{
    speak_chinese();
    char *json = render(CF_EXPORT_JSON);
    const char *natural = strstr(json, "\"requests.results_total.natural\":\t{");
    const char *total = strstr(json, "\"requests.results_total.total\":\t{");
    cr_assert(natural && total, "%s", json);
    cr_assert_not_null(strstr(natural, "\"correction\":\t\"read\",\n\t\t\t\"correction_label\":\t\"识别更正\""), "%.300s", natural);
    cr_assert_not_null(strstr(total, "\"correction\":\t\"figure\",\n\t\t\t\"correction_label\":\t\"数据更正\""), "%.300s", total);
    cr_assert_not_null(strstr(json, "\"read_corrections\":\t1,\n\t\t\"figure_corrections\":\t1,\n\t\t\"unrecorded_corrections\":\t0"));
    cf_free(json);
    char *csv = render(CF_EXPORT_CSV);
    cr_assert_not_null(strstr(csv, ",自然人,2,0,corrected,识别更正,\r\n"), "%s", csv);
    cr_assert_not_null(strstr(csv, ",（七）总计,总计,2,0,corrected,数据更正,\r\n"), "%s", csv);
    cf_free(csv);
    char *md = render(CF_EXPORT_MD);
    const char *figure = strstr(md, "- 数据更正 三 （七）总计 · 总计：0 → 2（审核员 ");
    const char *read = strstr(md, "- 识别更正 三 （七）总计 · 自然人：0 → 2（审核员 ");
    cr_assert(figure && read && figure < read, "the agency's errors come first, apart: %s", md);
    cr_assert_null(strstr(md, "- 更正 "), "no correction without its kind: %s", md);
    cr_assert_not_null(strstr(md, "2 处更正（数据更正 1 处，识别更正 1 处，类型未记录 0 处）"), "%.400s", md);
    cf_free(md);
    char cmd[640];
    xlsx_unpacked();
    snprintf(cmd, sizeof cmd, "cd %s/x/xl && grep -q '数据更正 三 （七）总计 · 总计：0 → 2（审核员 ' sharedStrings.xml && "
                              "grep -q '识别更正 三 （七）总计 · 自然人：0 → 2（审核员 ' sharedStrings.xml && "
                              "grep -q '>识别更正<' comments*.xml && grep -q '>数据更正<' comments*.xml && "
                              "grep -q '99CCFF' styles.xml && grep -q 'FFFF66' styles.xml", dir);
    cr_assert_eq(system(cmd), 0, "the workbook does not keep the two kinds apart");
}

Test(export, an_unwritable_folder_is_a_clear_error)
{
    cf_error err;
    cr_assert_eq(cf_export_write(review, NULL, CF_EXPORT_CSV, "/nonexistent-folder/out.csv", NULL, &err), CF_ERR_IO);
    cr_assert_not_null(strstr(err.file, "/nonexistent-folder/out.csv"));
}

/* The title block every export opens with: the report, the document, who, when, the sign-off. */

/* Render format and expect each of the NULL-terminated texts in it. */
static void expect_in(cf_export_format format, const char *const *texts)
{
    char *out = render(format);
    for (const char *const *t = texts; *t; t++)
        cr_expect_not_null(strstr(out, *t), "no %s in:\n%.1500s", *t, out);
    cf_free(out);
}

Test(export, every_export_opens_with_the_title_block)
{
    char sha[128];
    snprintf(sha, sizeof sha, "\r\nDocument SHA-256,%s\r\n", cf_text_sha256(cf_review_text(review)));
    expect_in(CF_EXPORT_CSV, (const char *[]){"Issuer,攀枝花市人民防空办公室\r\n", "\r\nYear,2019\r\n", "\r\nReviewers,审核员\r\n",
                                              "\r\nApproval,not approved\r\n\r\nid,", "\r\nDocument kind,text (UTF-8)\r\n",
                                              sha, NULL});
    char *md = render(CF_EXPORT_MD);
    const char *head = strstr(md, "\n# Review of the statistical tables\n\n- **Issuer**: 攀枝花市人民防空办公室\n- **Year**: 2019\n");
    cr_assert_not_null(head, "%.800s", md);
    cr_assert(head < strstr(md, "## 二、"), "the title block comes before the tables");
    cf_free(md);
    expect_in(CF_EXPORT_MD, (const char *[]){"\n- **Approval**: not approved\n", "\n- **Format**: 2019年版格式\n", NULL});
    expect_in(CF_EXPORT_JSON, (const char *[]){"\"title\":\t{", "\"issuer\":\t\"攀枝花市人民防空办公室\"", "\"year\":\t\"2019\"",
                                               "\"state\":\t\"none\"", "\"kind\":\t\"text\"", NULL});
}

Test(export, the_title_block_says_who_approved_and_when_it_was_withdrawn)
{
    cf_error err;
    const cf_template *tpl = cf_review_template(review);
    /* approved as it stands (the verdict is the caller's to ask), then a change by another reviewer withdraws it */
    cr_assert_eq(cf_review_approve(review, "已与原件核对", &err), CF_OK, "%s", err.message);
    expect_in(CF_EXPORT_JSON, (const char *[]){"\"state\":\t\"approved\"", "\"note\":\t\"已与原件核对\"", NULL});
    expect_in(CF_EXPORT_MD, (const char *[]){"\n- **Approval**: approved by 审核员 at ", " (note: 已与原件核对)\n", NULL});

    cf_review_set_reviewer(review, "复核员");
    cf_edit confirm = {.cell = (size_t)cf_template_find_cell(tpl, "requests.new.natural"), .kind = CF_EDIT_CONFIRM};
    cr_assert_eq(cf_review_apply(review, "confirm", NULL, &confirm, 1, &err), CF_OK);
    expect_in(CF_EXPORT_MD, (const char *[]){"\n- **Approval**: withdrawn — approved by 审核员 at ", "; withdrawn at ",
                                             " by 复核员: a change (confirm) after it\n", "\n- **Reviewers**: 审核员, 复核员\n",
                                             NULL});
    expect_in(CF_EXPORT_JSON, (const char *[]){"\"state\":\t\"withdrawn\"", "\"withdrawn_because\":\t\"confirm\"", NULL});
}

Test(export, the_title_block_is_in_chinese_under_zh)
{
    speak_chinese();
    expect_in(CF_EXPORT_MD, (const char *[]){"- **报告机关**：攀枝花市人民防空办公室\n", "- **签核**：未签核\n", NULL});
    expect_in(CF_EXPORT_CSV, (const char *[]){"\r\n年度,2019\r\n", NULL});
    char path[128], cmd[600];
    snprintf(path, sizeof path, "%s/title.xlsx", dir);
    cf_error err;
    cr_assert_eq(cf_export_write(review, NULL, CF_EXPORT_XLSX, path, NULL, &err), CF_OK, "%s", err.message);
    snprintf(cmd, sizeof cmd,
             "cd %s && unzip -o -q title.xlsx -d t && grep -q '<sheet name=\"审核信息\" sheetId=\"1\"' t/xl/workbook.xml && "
             "grep -q '%s' t/xl/sharedStrings.xml && grep -q '攀枝花市人民防空办公室' t/xl/sharedStrings.xml",
             dir, cf_text_sha256(cf_review_text(review)));
    cr_assert_eq(system(cmd), 0, "the workbook's first sheet is not the title block");
}
