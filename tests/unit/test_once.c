/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Each thing once: the normalised lines a text keeps (core/normalize's store) read exactly as each
 * line normalised alone, and a table read from several regions under its heading keeps the best
 * region's reading whole (cells, notes, warnings) even when a worse region was read after it. */
#include <criterion/criterion.h>
#include <string.h>

#include "cf_test.h"
#include "normalize.h"
#include "reader.h"

#define SEED CF_FIXTURES "/seeds/003_ef1786e90cacf8b3.txt"

Test(norm_text, every_line_reads_as_normalised_alone)
{
    const char *src = "一、总体情况\r\n（一）予以公开　１２\n- 4 -\n\n规章&nbsp;0\t<br>５万元\r"
                      "|---|---|\n[bookmark: _GoBack]第 4 页\n&ldquo;三安全&rdquo; &#12288;１\n最后一行";
    cf_text *text;
    cf_error err;
    cr_assert_eq(cf_text_from_bytes("t.txt", src, strlen(src), &text, &err), CF_OK);
    cf_norm_text *norms = cf_norm_text_new(text);
    cr_assert_not_null(norms);
    cf_norm_line alone;
    cf_norm_line_init(&alone);
    const cf_norm_line *kept[16];
    size_t count = cf_text_line_count(text);
    cr_assert(count < 16);
    for (size_t i = 0; i < count; i++) {
        size_t len;
        const char *line = cf_text_line(text, i, &len);
        cr_assert(cf_normalize_line(line, len, &alone));
        kept[i] = cf_norm_text_line(norms, i);
        cr_assert_not_null(kept[i]);
        cr_expect_eq(cf_norm_text_source_length(norms, i), len);
        cr_expect_eq(kept[i]->len, alone.len, "line %zu", i + 1);
        cr_expect_eq(kept[i]->dropped, alone.dropped, "line %zu", i + 1);
        cr_expect(memcmp(kept[i]->text, alone.text, alone.len + 1) == 0, "line %zu: '%s' vs '%s'", i + 1,
                  kept[i]->text, alone.text);
        cr_expect(memcmp(kept[i]->origin, alone.origin, (alone.len + 1) * sizeof *alone.origin) == 0,
                  "line %zu: origins", i + 1);
    }
    /* a kept line is the same view when asked for again, after every other line */
    for (size_t i = 0; i < count; i++)
        cr_expect_eq(cf_norm_text_line(norms, i), kept[i]);
    cf_norm_line_release(&alone);
    cf_norm_text_free(norms);
    cf_text_free(text);
}

/* The seed, and the seed with its part 二 heading printed again near the end over a region that
 * reads worse: the second reading is a trial that loses, and the first must come back as read. */
Test(extract_once, best_region_kept_when_a_worse_one_is_read_after_it)
{
    size_t len;
    char *seed = cft_slurp(SEED, &len);
    const char *tail = "\n二、主动公开政府信息情况\n（略）见附件 3 份\n";
    char *twice = malloc(len + strlen(tail) + 1);
    memcpy(twice, seed, len);
    strcpy(twice + len, tail);
    cft_doc a, b;
    cft_read(&a, seed);
    cft_read(&b, twice);
    cr_assert_str_eq(cf_template_id(a.tpl), cf_template_id(b.tpl));
    const cf_cell *ca = cf_report_cells(a.report), *cb = cf_report_cells(b.report);
    size_t found = 0;
    for (size_t i = 0; i < cf_template_cell_count(a.tpl); i++) {
        const char *id = cf_template_cell(a.tpl, i)->id;
        cr_expect_eq(ca[i].state, cb[i].state, "%s", id);
        cr_expect_eq(cf_decimal_cmp(ca[i].value, cb[i].value), 0, "%s", id);
        cr_expect_eq(ca[i].line, cb[i].line, "%s", id);
        cr_expect_eq(ca[i].byte_start, cb[i].byte_start, "%s", id);
        cr_expect_eq(ca[i].inferred, cb[i].inferred, "%s", id);
        cr_expect_str_eq(ca[i].note ? ca[i].note : "", cb[i].note ? cb[i].note : "", "%s", id);
        found += ca[i].state == CF_CELL_NUMBER;
    }
    cr_expect_gt(found, 100, "the seed reads: %zu numbers", found);
    for (size_t t = 0; t < cf_template_table_count(a.tpl); t++)
        cr_expect_eq(cf_report_table_line(a.report, t), cf_report_table_line(b.report, t), "table %zu", t);
    cr_assert_eq(cf_report_warning_count(a.report), cf_report_warning_count(b.report), "a: %s", cft_warnings(&a));
    for (size_t w = 0; w < cf_report_warning_count(a.report); w++)
        cr_expect_str_eq(cf_report_warning(a.report, w)->message, cf_report_warning(b.report, w)->message);
    cft_release(&a);
    cft_release(&b);
    free(twice);
    free(seed);
}

Test(find_nocase, finds_the_first_place_in_any_case)
{
    const char *s = "<P>x</TaBlE> ]{style=\"a\"} </table";
    cr_expect_eq(cf_bytes_find_nocase(s, strlen(s), "</table"), s + 4);
    cr_expect_eq(cf_bytes_find_nocase(s, strlen(s), "]{style=\""), s + 13);
    cr_expect_eq(cf_bytes_find_nocase(s, strlen(s), "<p>"), s);
    const char *end = "ab</TABLE";
    cr_expect_eq(cf_bytes_find_nocase(end, strlen(end), "</table"), end + 2);
    cr_expect_null(cf_bytes_find_nocase(end, strlen(end) - 1, "</table"), "cut before its last byte");
    cr_expect_null(cf_bytes_find_nocase(s, strlen(s), "<div"));
    cr_expect(cf_bytes_contain_nocase(s, strlen(s), 12, "</TABLE>"));
    cr_expect(!cf_bytes_contain_nocase(s, strlen(s), 11, "</TABLE>"), "past the limit");
}

/* A needle that starts with a letter is looked for by its first byte that is no letter (the '-' of
 * "MIME-Version:"): a '-' before the needle could start, a near miss and the needle at either end. */
Test(find_nocase, a_needle_starting_with_a_letter)
{
    const char *s = "-ime-version: MIMe-Versio mime-VERSION: 1.0";
    cr_expect_eq(cf_bytes_find_nocase(s, strlen(s), "MIME-Version:"), s + 26);
    cr_expect_eq(cf_bytes_find_nocase(s + 26, 13, "MIME-Version:"), s + 26, "the needle is the whole text");
    cr_expect_null(cf_bytes_find_nocase(s + 26, 12, "MIME-Version:"), "cut before its last byte");
    cr_expect_null(cf_bytes_find_nocase(s + 27, 16, "MIME-Version:"), "its first letter cut off");
    cr_expect_null(cf_bytes_find_nocase(s, 26, "MIME-Version:"), "only the near miss");
    const char *related = "Content-Type: Multipart/Related;";
    cr_expect_eq(cf_bytes_find_nocase(related, strlen(related), "multipart/related"), related + 14);
}

/* Part 二 as tab rows, a row with its unit in a field of its own ("56\t件") and one whose name is cut
 * over two fields, the rows parted by `gap`. */
static void read_tab_rows(cft_doc *d, const char *gap)
{
    char text[1024];
    snprintf(text, sizeof text,
             "二、主动公开政府信息情况\n\t信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n%s"
             "\t规章\t56\t件\t13\n%s\t行政规范\t性文件\t21\t62\t23\n%s\t行政许可\t31\n%s"
             "三、收到和处理政府信息公开申请情况\n",
             gap, gap, gap, gap);
    cft_read(d, text);
}

/* Lines the paragraph reading lexed whole (rows one empty line apart) and lines it left (rows on
 * neighbouring lines) are cut into the same tab fields: the same cells and as many warnings. */
Test(extract_once, tab_fields_read_alike_whether_the_line_was_lexed_whole_or_not)
{
    cft_doc a, b;
    read_tab_rows(&a, "\n");
    read_tab_rows(&b, "");
    size_t found = 0;
    for (size_t i = 0; i < cf_template_cell_count(a.tpl); i++) {
        const char *id = cf_template_cell(a.tpl, i)->id;
        const cf_cell *ca = &cf_report_cells(a.report)[i], *cb = &cf_report_cells(b.report)[i];
        cr_expect_eq(ca->state, cb->state, "%s", id);
        cr_expect_eq(cf_decimal_cmp(ca->value, cb->value), 0, "%s", id);
        cr_expect_str_eq(ca->unit, cb->unit, "%s", id);
        found += ca->state == CF_CELL_NUMBER;
    }
    cr_expect_geq(found, 4, "the rows read: %zu numbers; warnings: %s", found, cft_warnings(&a));
    cr_expect_eq(cf_report_warning_count(a.report), cf_report_warning_count(b.report), "a: %s\nb: %s",
                 cft_warnings(&a), cft_warnings(&b));
    cft_release(&a);
    cft_release(&b);
}
