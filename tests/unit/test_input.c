/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Bad and unusual input through cf_text_from_bytes, cf_text_load and cf_extract: every
 * error names the file (and the line where there is one); odd encodings read the same cells. */
#include "cf_test.h"

#include <fcntl.h>
#include <iconv.h>
#include <unistd.h>

#include "utf8.h"

#define SEED CF_FIXTURES "/seeds/002_b895455aa8998ba0.txt"

static void expect_error(const char *name, const char *bytes, size_t len, cf_status want, long line,
                         const char *needle)
{
    cft_doc d;
    cf_status st = cft_open_bytes(&d, name, bytes, len);
    cr_expect_eq(st, want, "%s: status %d, want %d (%s)", name, st, want, d.err.message);
    cr_expect_str_eq(d.err.file, name, "the error names the file");
    if (line >= 0)
        cr_expect_eq(d.err.line, line, "%s: error at line %ld, want %ld (%s)", name, d.err.line, line,
                     d.err.message);
    if (needle)
        cr_expect(strstr(d.err.message, needle), "%s: '%s' does not say '%s'", name, d.err.message, needle);
    char formatted[1200];
    cf_error_format(&d.err, formatted, sizeof formatted);
    cr_expect(strncmp(formatted, name, strlen(name)) == 0, "'%s' does not start with the file name", formatted);
    if (want != CF_ERR_NOTABLES)
        cr_expect_null(d.text, "no text is handed out for a file that cannot be read");
    cr_expect_null(d.report);
    cft_release(&d);
}

Test(input, empty_file)
{
    expect_error("empty.txt", "", 0, CF_ERR_INPUT, 0, "empty");
}

Test(input, whitespace_only)
{
    expect_error("blank.txt", " \n\t\r\n\xE3\x80\x80\n", 8, CF_ERR_INPUT, -1, NULL);
}

Test(input, binary_with_nul_bytes)
{
    static const char bin[] = "政府信息公开\n第二行\n\x7F" "ELF\x02\x01\x01\x00\x00\x00";
    expect_error("report.bin", bin, sizeof bin - 1, CF_ERR_INPUT, 3, "binary");
}

Test(input, latin1_is_not_a_chinese_encoding)
{
    static const char latin1[] = "Rapport annuel sur la publicit\xE9 des informations gouvernementales\n"
                                 "Caf\xE9 na\xEFve r\xE9sum\xE9 \xE0 la fran\xE7" "aise\n";
    expect_error("latin1.txt", latin1, sizeof latin1 - 1, CF_ERR_INPUT, 1, NULL);
}

Test(input, shift_jis_is_not_a_chinese_encoding)
{
    /* 「日本語の年次報告書です。」 in Shift-JIS */
    static const char sjis[] = "\x93\xFA\x96\x7B\x8C\xEA\x82\xCC\x94\x4E\x8E\x9F\x95\xF1\x8D\x90\x8F\x91"
                               "\x82\xC5\x82\xB7\x81\x42\n\x83\x65\x83\x4C\x83\x58\x83\x67\n";
    expect_error("sjis.txt", sjis, sizeof sjis - 1, CF_ERR_INPUT, -1, NULL);
}

Test(input, no_tables)
{
    const char *s = "XX局2022年政府信息公开工作年度报告\n一、总体情况\n全年主动公开信息 12 条。\n";
    expect_error("prose.txt", s, strlen(s), CF_ERR_NOTABLES, -1, "no statistical tables");
}

Test(input, ten_megabyte_line_names_the_line)
{
    size_t big = (size_t)10 << 20;
    const char *head = "政府信息公开工作年度报告\n一、总体情况\n";
    size_t hl = strlen(head);
    char *buf = malloc(hl + big + 2);
    memcpy(buf, head, hl);
    memset(buf + hl, 'x', big);
    memcpy(buf + hl + big, "\n", 2);
    expect_error("longline.txt", buf, hl + big + 1, CF_ERR_LIMIT, 3, "line");
    free(buf);
}

Test(input, over_sixty_four_megabytes_from_memory)
{
    size_t len = CF_TEXT_MAX_BYTES + 1;
    char *buf = malloc(len);
    memset(buf, '\n', len); /* never read: the size alone is refused */
    expect_error("huge.txt", buf, len, CF_ERR_LIMIT, 0, "64 MB");
    free(buf);
}

Test(input, over_sixty_four_megabytes_from_a_sparse_file)
{
    char path[] = "/tmp/cf-huge-XXXXXX";
    int fd = mkstemp(path);
    cr_assert_geq(fd, 0);
    cr_assert_eq(ftruncate(fd, (off_t)CF_TEXT_MAX_BYTES + 4096), 0);
    close(fd);
    cf_text *text = NULL;
    cf_error err;
    cr_expect_eq(cf_text_load(path, &text, &err), CF_ERR_LIMIT);
    cr_expect_null(text);
    cr_expect_str_eq(err.file, path);
    cr_expect(strstr(err.message, "64 MB"), "%s", err.message);
    unlink(path);
}

Test(input, missing_file_and_directory)
{
    cf_text *text = NULL;
    cf_error err;
    cr_expect_eq(cf_text_load("/nonexistent/report.txt", &text, &err), CF_ERR_IO);
    cr_expect_str_eq(err.file, "/nonexistent/report.txt");
    cr_expect_eq(cf_text_load("/tmp", &text, &err), CF_ERR_IO);
    cr_expect_str_eq(err.file, "/tmp");
}

/* ---------- encodings and line endings read the same cells ---------- */

static char *convert(const char *to, const char *in, size_t len, size_t *out_len)
{
    iconv_t cd = iconv_open(to, "UTF-8");
    cr_assert_neq(cd, (iconv_t)-1, "iconv cannot convert to %s", to);
    size_t cap = len * 4 + 16;
    char *out = malloc(cap);
    char *ip = (char *)in, *op = out;
    size_t il = len, ol = cap;
    cr_assert_neq(iconv(cd, &ip, &il, &op, &ol), (size_t)-1, "the seed does not convert to %s", to);
    iconv_close(cd);
    *out_len = cap - ol;
    return out;
}

static void expect_same_cells(const cft_doc *a, const cft_doc *b)
{
    cr_assert_str_eq(cf_template_id(a->tpl), cf_template_id(b->tpl));
    size_t differ = 0;
    for (size_t i = 0; i < cf_template_cell_count(a->tpl); i++) {
        const char *id = cf_template_cell(a->tpl, i)->id;
        const char *va = cft_val(a, id), *vb = cft_val(b, id);
        if (strcmp(va, vb) != 0 && differ++ < 10)
            cr_log_error("%s: %s vs %s", id, va, vb);
        if (cft_cell(a, id)->line != cft_cell(b, id)->line && differ++ < 10)
            cr_log_error("%s: line %zu vs %zu", id, cft_cell(a, id)->line, cft_cell(b, id)->line);
    }
    cr_expect_eq(differ, 0, "%zu cells differ", differ);
}

static void read_seed_as(const char *encoding_name, char *(*make)(const char *, size_t, size_t *),
                         const char *want_encoding)
{
    size_t len;
    char *utf8 = cft_slurp(SEED, &len);
    cft_doc a, b;
    cr_assert_eq(cft_open_bytes(&a, "seed-utf8.txt", utf8, len), CF_OK, "%s", a.err.message);
    size_t blen;
    char *bytes = make(utf8, len, &blen);
    cr_assert_eq(cft_open_bytes(&b, encoding_name, bytes, blen), CF_OK, "%s: %s", encoding_name, b.err.message);
    cr_expect_str_eq(cf_text_encoding(b.text), want_encoding);
    expect_same_cells(&a, &b);
    cft_release(&a);
    cft_release(&b);
    free(bytes);
    free(utf8);
}

static char *to_gb18030(const char *s, size_t len, size_t *out) { return convert("GB18030", s, len, out); }

static char *to_utf16le_bom(const char *s, size_t len, size_t *out)
{
    size_t n;
    char *body = convert("UTF-16LE", s, len, &n);
    char *buf = malloc(n + 2);
    buf[0] = (char)0xFF;
    buf[1] = (char)0xFE;
    memcpy(buf + 2, body, n);
    free(body);
    *out = n + 2;
    return buf;
}

static char *to_utf16be_bom(const char *s, size_t len, size_t *out)
{
    size_t n;
    char *body = convert("UTF-16BE", s, len, &n);
    char *buf = malloc(n + 2);
    buf[0] = (char)0xFE;
    buf[1] = (char)0xFF;
    memcpy(buf + 2, body, n);
    free(body);
    *out = n + 2;
    return buf;
}

static char *with_bom(const char *s, size_t len, size_t *out)
{
    char *buf = malloc(len + 3);
    memcpy(buf, "\xEF\xBB\xBF", 3);
    memcpy(buf + 3, s, len);
    *out = len + 3;
    return buf;
}

static char *with_crlf(const char *s, size_t len, size_t *out)
{
    char *buf = malloc(len * 2 + 1);
    size_t k = 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '\n')
            buf[k++] = '\r';
        buf[k++] = s[i];
    }
    *out = k;
    return buf;
}

Test(input, gb18030_reads_the_same_cells_as_utf8)
{
    read_seed_as("seed-gb18030.txt", to_gb18030, "GB18030");
}

Test(input, utf16le_with_bom_reads_the_same_cells)
{
    read_seed_as("seed-utf16.txt", to_utf16le_bom, "UTF-16LE");
}

Test(input, utf16be_with_bom_reads_the_same_cells)
{
    read_seed_as("seed-utf16be.txt", to_utf16be_bom, "UTF-16BE");
}

static char *to_utf16le(const char *s, size_t len, size_t *out) { return convert("UTF-16LE", s, len, out); }

Test(input, utf16_without_bom_reads_the_same_cells)
{
    read_seed_as("seed-utf16-nobom.txt", to_utf16le, "UTF-16LE (no BOM)");
}

Test(input, utf8_with_bom_reads_the_same_cells)
{
    read_seed_as("seed-bom.txt", with_bom, "UTF-8 (BOM)");
}

Test(input, crlf_line_endings_read_the_same_cells)
{
    read_seed_as("seed-crlf.txt", with_crlf, "UTF-8");
}

/* Each byte as the character it is in Windows-1252 (Latin-1 where 1252 has none), as UTF-8: the
 * text a converter prints when it reads a page one byte a character. */
static char *as_cp1252(const unsigned char *b, size_t n, size_t *out)
{
    static const unsigned cp1252[32] = {0x20AC, 0x81,   0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D,   0x017D, 0x8F,
                                        0x90,   0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D,   0x017E, 0x0178};
    char *buf = malloc(n * 3 + 1);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned cp = b[i] >= 0x80 && b[i] < 0xA0 ? cp1252[b[i] - 0x80] : b[i];
        k += cf_utf8_encode(cp, buf + k);
    }
    *out = k;
    return buf;
}

static char *utf8_as_cp1252(const char *s, size_t len, size_t *out)
{
    return as_cp1252((const unsigned char *)s, len, out);
}

static char *gb18030_as_latin1(const char *s, size_t len, size_t *out)
{
    size_t n;
    char *gbk = to_gb18030(s, len, &n);
    char *buf = as_cp1252((const unsigned char *)gbk, n, out);
    free(gbk);
    return buf;
}

Test(input, utf8_printed_as_windows_1252_is_repaired)
{
    read_seed_as("seed-mojibake-utf8.txt", utf8_as_cp1252, "UTF-8 via Latin-1");
}

Test(input, gb18030_printed_as_latin1_is_repaired)
{
    read_seed_as("seed-mojibake-gbk.txt", gb18030_as_latin1, "GB18030 via Latin-1");
}

Test(input, latin_text_is_no_mojibake_of_a_report)
{
    static const char latin[] = "Rapport annuel\nCafé crème, données: 12\n";
    cft_doc d;
    cr_expect_eq(cft_open_bytes(&d, "latin.txt", latin, sizeof latin - 1), CF_ERR_INPUT);
    cr_expect(strstr(d.err.message, "no Chinese text") != NULL, "%s", d.err.message);
    cft_release(&d);
}

Test(input, crlf_cell_positions_point_at_the_digits)
{
    size_t len;
    char *utf8 = cft_slurp(SEED, &len);
    size_t blen;
    char *crlf = with_crlf(utf8, len, &blen);
    cft_doc d;
    cr_assert_eq(cft_open_bytes(&d, "crlf.txt", crlf, blen), CF_OK);
    const cf_cell *c = cft_cell(&d, "active.licensing.decisions");
    cr_expect_eq(c->byte_end - c->byte_start, 2);
    cr_expect_eq(memcmp(cf_text_data(d.text) + c->byte_start, "58", 2), 0);
    size_t ll;
    const char *line = cf_text_line(d.text, c->line - 1, &ll);
    cr_expect(ll > 0 && line[ll - 1] != '\r', "a line does not end in CR");
    cft_release(&d);
    free(crlf);
    free(utf8);
}

/* ---------- reports with only some of the tables ---------- */

Test(input, report_with_only_part_three)
{
    cft_doc d;
    cft_read(&d, "XX局2021年政府信息公开工作年度报告\n"
                 "三、收到和处理政府信息公开申请情况\n"
                 "申请人情况 自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计\n"
                 "一、本年新收政府信息公开申请数量 1 0 0 0 0 0 1\n"
                 "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 0 0 0 0 0 0 0\n"
                 "五、存在的主要问题及改进情况\n");
    cft_expect_row(&d, "requests", "new", "1 0 0 0 0 0 1");
    cr_expect_eq(cft_found_in(&d, "active."), 0);
    cr_expect_eq(cft_found_in(&d, "appeals."), 0);
    cft_expect(&d, "appeals.review.total", "missing");
    const cf_warning *w2 = cft_warning(&d, "part 二");
    const cf_warning *w4 = cft_warning(&d, "part 四");
    cr_expect_not_null(w2, "no warning names part 二: %s", cft_warnings(&d));
    cr_expect_not_null(w4, "no warning names part 四: %s", cft_warnings(&d));
    if (w4)
        cr_expect(strstr(w4->message, "15 cells"), "%s", w4->message);
    cr_expect_null(cft_warning(&d, "part 三"), "%s", cft_warnings(&d));
    cr_expect_eq(cf_report_table_line(d.report, 0), 0);
    cr_expect_eq(cf_report_table_line(d.report, 1), 2);
    cft_release(&d);
}

Test(input, report_with_only_part_two_and_four)
{
    cft_doc d;
    cft_read(&d, "二、主动公开政府信息情况\n"
                 "信息内容 本年制发件数 本年废止件数 现行有效件数\n"
                 "规章 1 2 3\n"
                 "四、政府信息公开行政复议、行政诉讼情况\n"
                 "0 0 0 0 0 0 0 0 0 0 0 0 0 0 0\n");
    cft_expect_row(&d, "active", "regulations", "1 2 3");
    cft_expect(&d, "appeals.suit_direct.total", "0");
    cr_expect_eq(cft_found_in(&d, "requests."), 0);
    cr_expect_not_null(cft_warning(&d, "part 三"), "%s", cft_warnings(&d));
    cft_release(&d);
}

Test(input, every_seed_reads_from_disk)
{
    /* the engine's own check: the seeds load through cf_text_load and extract */
    const char *seeds[] = {"000_b0a3a3717f6cc721", "001_fc0e04f6e45ee7b3", "002_b895455aa8998ba0",
                           "003_ef1786e90cacf8b3", "004_ff7ba18170778dc6"};
    for (size_t i = 0; i < sizeof seeds / sizeof *seeds; i++) {
        char path[256];
        snprintf(path, sizeof path, CF_FIXTURES "/seeds/%s.txt", seeds[i]);
        cft_doc d;
        cft_read_file(&d, path);
        cr_expect_gt(cft_found_in(&d, "requests."), 150, "%s", path);
        cft_release(&d);
    }
}

/* ---------- long lines cost their length, not their length squared ---------- */

static void long_line(const char *sep)
{
    const char *head = "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量";
    size_t n = 300000, hl = strlen(head), sl = strlen(sep);
    char *buf = malloc(hl + n * (1 + sl) + 2);
    size_t k = hl;
    memcpy(buf, head, hl);
    for (size_t i = 0; i < n; i++) {
        memcpy(buf + k, sep, sl);
        k += sl;
        buf[k++] = '1';
    }
    buf[k++] = '\n';
    cft_doc d;
    cr_assert_eq(cft_open_bytes(&d, "long.txt", buf, k), CF_OK, "%s", d.err.message);
    cft_expect_row(&d, "requests", "new", "1 1 1 1 1 1 1");
    cr_expect_not_null(cft_warning(&d, "more values than the 7 columns"), "%s", cft_warnings(&d));
    cft_release(&d);
    free(buf);
}

Test(input, line_of_300000_spaced_values_is_quick, .timeout = 20)
{
    long_line(" ");
}

Test(input, line_of_300000_tab_fields_is_quick, .timeout = 20)
{
    long_line("\t");
}

/* 300000 values one a line under one row's name, the first seven breaking its total, the others whole
 * rows in step: the windows of the rows' sums tried for several rows' values under one name are bounded
 * by the row's width and the table's rows, never the run's length; a run longer than the table's cells
 * is not its rows' values at all: read as printed, quickly */
Test(input, values_one_a_line_300000_under_one_name_are_quick, .timeout = 20)
{
    const char *head = "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\n"
                       "2\n2\n2\n2\n2\n2\n5\n";
    const char row[] = "1\n1\n0\n0\n0\n0\n2\n";
    size_t reps = 300000 / 7, hl = strlen(head), rl = sizeof row - 1;
    char *buf = malloc(hl + reps * rl + 1);
    memcpy(buf, head, hl);
    for (size_t i = 0; i < reps; i++)
        memcpy(buf + hl + i * rl, row, rl);
    cft_doc d;
    cr_assert_eq(cft_open_bytes(&d, "long.txt", buf, hl + reps * rl), CF_OK, "%s", d.err.message);
    cft_expect_row(&d, "requests", "new", "2 2 2 2 2 2 5");
    cft_expect_warning(&d,
                       "三 一、本年新收: 299999 more values than the 7 columns; the extra ones are ignored");
    cft_release(&d);
    free(buf);
}

/* A path or message longer than cf_error holds is cut at a character and marked "…": the
 * message goes into check --json, which must stay valid UTF-8. */
Test(input, an_overlong_chinese_path_is_cut_at_a_character_and_marked)
{
    char path[1024] = "/nonexistent/";
    for (int i = 0; i < 45; i++)
        strcat(path, "政府信息公开"); /* 18 bytes each: 810 bytes in all */
    strcat(path, ".txt");
    cf_text *text = NULL;
    cf_error err;
    cf_error_clear(&err);
    cr_assert_neq(cf_text_load(path, &text, &err), CF_OK);
    cr_assert_null(text);
    size_t len = strlen(err.file);
    cr_expect(cf_utf8_valid(err.file, len, NULL), "the cut path is not valid UTF-8");
    cr_expect(len >= 3 && strcmp(err.file + len - 3, "…") == 0, "the cut path does not end with …: %s", err.file);
    cr_expect(strncmp(err.file, path, len - 3) == 0, "the path's start is not kept");
    cr_expect(cf_error_names(&err, path), "the cut name is not known as the path's");
    cr_expect(!cf_error_names(&err, "/nonexistent/other.txt"));

    char words[1024] = "";
    for (int i = 0; i < 60; i++)
        strcat(words, "无法核对"); /* 720 bytes */
    cf_error_set(&err, CF_ERR_INPUT, "r.txt", 3, 0, "%s", words);
    len = strlen(err.message);
    cr_expect(cf_utf8_valid(err.message, len, NULL), "the cut message is not valid UTF-8");
    cr_expect(strcmp(err.message + len - 3, "…") == 0, "the cut message does not end with …");
}

/* ASCII is stepped over sixteen and eight bytes at a time: a bad byte (a stray continuation, a lead
 * cut short) at every offset of a run of ASCII around an ideograph is found where it stands. */
Test(input, a_bad_byte_is_found_wherever_it_stands_in_a_run_of_ascii)
{
    char s[64];
    for (size_t at = 0; at < 40; at++)
        for (int kind = 0; kind < 2; kind++) {
            memset(s, 'a', sizeof s);
            memcpy(s + 44, "年", 3);
            s[at] = kind ? (char)0xE5 : (char)0x80;
            size_t bad = SIZE_MAX;
            cr_expect_not(cf_utf8_valid(s, 50, &bad), "byte %zu", at);
            cr_expect_eq(bad, at, "found at %zu, put at %zu", bad, at);
        }
    memset(s, 'a', sizeof s);
    memcpy(s + 44, "年", 3);
    cr_expect(cf_utf8_valid(s, 50, NULL));
}
