/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_pdf.c — the PDF reader: tables rebuilt from character boxes (pdf_layout), and the
 * poppler child (read_pdf) on the fixtures: page limits, the document's SHA-256. */
#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "docmap.h"
#include "grid.h"
#include "pdf_layout.h"
#include "read_pdf.h"
#include "sha256.h"
#include "text.h"
#include "utf8.h"

#ifndef CF_FIXTURES
#define CF_FIXTURES "tests/fixtures"
#endif

typedef struct {
    cf_pdf_glyph g[4096];
    size_t n;
} glyphs;

/* Set text at (x, top) in a font of size points: CJK one em wide, the rest half an em, boxes
 * 1.4 em tall as poppler gives them. */
static void put(glyphs *p, const char *text, double x, double top, double size)
{
    for (size_t i = 0; text[i];) {
        uint32_t cp;
        size_t used = cf_utf8_decode(text + i, strlen(text + i), &cp);
        cr_assert(used > 0);
        double w = cp < 0x80 ? size / 2 : size;
        cr_assert(p->n < 4096);
        p->g[p->n++] = (cf_pdf_glyph){cp, x, top, x + w, top + 1.4 * size};
        x += w;
        i += used;
    }
}

/* The text of pages[0..n) laid out, and with map where its table cells are. Caller frees. */
static char *lay_out_mapped(glyphs *pages, size_t n, cf_docmap *map)
{
    cf_buf out;
    cf_buf_init(&out);
    cf_pdf_layout *layout = cf_pdf_layout_new(&out, map);
    cr_assert(layout);
    for (size_t i = 0; i < n; i++)
        cr_assert(cf_pdf_layout_page(layout, (unsigned)i + 1, pages[i].g, pages[i].n));
    cf_pdf_layout_free(layout);
    return out.data ? cf_buf_take(&out) : cf_strdup("");
}

static char *lay_out(glyphs *pages, size_t n) { return lay_out_mapped(pages, n, NULL); }

static void expect_line(const char *text, const char *line)
{
    size_t len = strlen(line);
    for (const char *s = text; s && *s; s = strchr(s, '\n') ? strchr(s, '\n') + 1 : NULL)
        if (strncmp(s, line, len) == 0 && (s[len] == '\n' || s[len] == '\0'))
            return;
    cr_assert_fail("no line \"%s\" in:\n%s", line, text);
}

/* A table of three value columns under their headers, at x = 200, 260, 320. */
static void header(glyphs *p, double top)
{
    put(p, "信息内容", 60, top, 10);
    put(p, "本年制发", 200, top, 10);
    put(p, "本年废止", 260, top, 10);
    put(p, "现行有效", 320, top, 10);
}

/* A row's three values (NULL: blank) under the three columns of header(), at top. */
static void values(glyphs *p, double top, const char *a, const char *b, const char *c)
{
    const char *v[] = {a, b, c};
    for (int k = 0; k < 3; k++)
        if (v[k])
            put(p, v[k], 210 + 60 * k, top, 10);
}

/* header() and one row, 规章, whose one value lies halfway between the first two columns. */
static void undecidable_row(glyphs *p)
{
    p->n = 0;
    header(p, 100);
    put(p, "规章", 60, 130, 10);
    put(p, "9", 248, 130, 10);
}

/* 行政复议 and 行政诉讼 (the second 90 points right), each at heading_x over 维持 at 90 and 纠正
 * at second_x, 2 points below; one row 说明文字 whose first 行政复议 cell is blank. */
static void review_and_suit(glyphs *p, double heading_x, double second_x)
{
    for (int k = 0; k < 2; k++) {
        put(p, k ? "行政诉讼" : "行政复议", heading_x + 90 * k, 100, 10);
        put(p, "维持", 90 + 90 * k, 116, 10);
        put(p, "纠正", second_x + 90 * k, 116, 10);
    }
    put(p, "说明文字", 20, 140, 10);
    put(p, "4", second_x + 6, 140, 10); /* under 纠正 */
    put(p, "5", 186, 140, 10);
    put(p, "6", second_x + 96, 140, 10);
}

Test(pdf_layout, blank_cell_keeps_its_column)
{
    static glyphs p;
    p.n = 0;
    header(&p, 100);
    put(&p, "规章", 60, 130, 10);
    values(&p, 130, "11", NULL, "13"); /* the middle cell is blank */
    put(&p, "行政规范性文件", 60, 160, 10);
    values(&p, 160, "21", "22", "23");
    char *text = lay_out(&p, 1);
    expect_line(text, "信息内容\t本年制发\t本年废止\t现行有效");
    expect_line(text, "规章\t11\t\t13");
    expect_line(text, "行政规范性文件\t21\t22\t23");
    cf_free(text);
}

Test(pdf_layout, each_cell_of_a_table_row_names_its_page_and_the_box_of_its_characters)
{
    static glyphs p[2];
    p[0].n = p[1].n = 0;
    put(&p[0], "政府信息公开", 60, 60, 10);
    header(&p[1], 100);
    put(&p[1], "规章", 60, 130, 10);
    values(&p[1], 130, "11", NULL, "1234");
    cf_docmap *map = cf_docmap_new();
    cr_assert(map);
    char *text = lay_out_mapped(p, 2, map);
    const char *at = strstr(text, "1234");
    cr_assert(at);
    const cf_doccell *c = cf_docmap_at(map, (size_t)(at - text));
    cr_assert(c, "the value is mapped");
    cr_expect_eq(c->page, 2);
    cr_expect_eq(c->byte_end - c->byte_start, 4, "its bytes are the value's");
    /* put() sets "1234" at x = 330, top 130, 5 points a digit, 14 points tall */
    cr_expect_float_eq(c->x0, 330, 0.01);
    cr_expect_float_eq(c->x1, 350, 0.01);
    cr_expect_float_eq(c->y0, 130, 0.01);
    cr_expect_float_eq(c->y1, 144, 0.01);
    cr_expect_null(cf_docmap_at(map, (size_t)(strstr(text, "政府信息公开") - text)), "prose is no table cell");
    cf_docmap_free(map);
    cf_free(text);
}

Test(pdf_layout, wrapped_label_with_centred_numbers_is_one_row)
{
    static glyphs p;
    p.n = 0;
    header(&p, 100);
    put(&p, "二、上年结转政府", 60, 130, 10);
    put(&p, "信息公开申请数量", 60, 144, 10);
    values(&p, 137, "5", "6", "7");
    char *text = lay_out(&p, 1);
    expect_line(text, "二、上年结转政府信息公开申请数量\t5\t6\t7");
    cf_free(text);
}

Test(pdf_layout, undecidable_column_leaves_the_blanks_to_the_extractor)
{
    static glyphs p;
    undecidable_row(&p);
    char *text = lay_out(&p, 1);
    expect_line(text, "规章\t9"); /* no blank fields: the extractor flags the guess */
    cf_free(text);
}

Test(pdf_layout, group_label_set_vertically_is_one_cell)
{
    static glyphs p;
    p.n = 0;
    header(&p, 100);
    const char *rows[] = {"（一）予以公开", "（二）部分公开", "（三）不予公开"};
    for (int r = 0; r < 3; r++) {
        put(&p, rows[r], 100, 130 + 16 * r, 10);
        values(&p, 130 + 16 * r, "1", "2", "3");
    }
    put(&p, "三、本", 60, 124, 10); /* three characters a line down a narrow column */
    put(&p, "年度办", 60, 138, 10);
    put(&p, "理结果", 60, 152, 10);
    char *text = lay_out(&p, 1);
    expect_line(text, "三、本年度办理结果\t（二）部分公开\t1\t2\t3");
    expect_line(text, "（一）予以公开\t1\t2\t3");
    cf_free(text);
}

Test(pdf_layout, multi_level_header_columns_are_the_lowest_cells)
{
    static glyphs p;
    p.n = 0;
    review_and_suit(&p, 100, 130); /* each heading centred over its two columns */
    char *text = lay_out(&p, 1);
    expect_line(text, "说明文字\t\t4\t5\t6");
    cf_free(text);
}

Test(pdf_layout, a_heading_set_flush_left_and_close_over_its_sub_headings_is_a_cell_of_its_own)
{
    static glyphs p;
    p.n = 0;
    /* each heading starts where its first sub-heading does, 2 points above it (a wrapped
     * cell's next line could stand so), and reaches over the second: cells 25 points wide */
    review_and_suit(&p, 90, 115);
    char *text = lay_out(&p, 1);
    expect_line(text, "说明文字\t\t4\t5\t6");
    cr_expect_null(strstr(text, "行政复议维持"), "the heading is not read as the first line of 维持:\n%s", text);
    cf_free(text);
}

Test(pdf_layout, two_items_of_a_list_set_flush_left_and_close_are_two_rows)
{
    static glyphs p;
    p.n = 0;
    header(&p, 100);
    /* as wide as each other and 1 point apart, as a wrapped cell's lines could be; the second
     * item's cell is taller and its values are centred on it */
    put(&p, "（一）予以公开", 60, 130, 10);
    values(&p, 130, "1", "2", "3");
    put(&p, "（二）部分公开", 60, 145, 10);
    put(&p, "（区分处理的，只计", 60, 159.2, 10);
    put(&p, "这一情形）", 60, 173.4, 10);
    values(&p, 159.2, "4", "5", "6");
    char *text = lay_out(&p, 1);
    expect_line(text, "（一）予以公开\t1\t2\t3");
    cr_expect_null(strstr(text, "予以公开（二）"), "the second item is not the first one's next line:\n%s", text);
    cf_free(text);
}

/* "自" at 200 and "然" at ran_x spread over their cell, "人" on the next line, values flush left,
 * 丙's total blank: a row one value short must not be placed against "然" as a column of its own */
static void expect_spread_heading_one_column(double ran_x)
{
    static glyphs p;
    p.n = 0;
    put(&p, "自", 200, 100, 10);
    put(&p, "然", ran_x, 100, 10);
    put(&p, "人", 200, 114.5, 10);
    put(&p, "其他", 240, 107, 10);
    put(&p, "总计", 280, 107, 10);
    const char *labels[] = {"甲", "乙", "丙"}, *first[] = {"11", "12", "13"}, *second[] = {"21", "22", "23"};
    for (int r = 0; r < 3; r++) {
        put(&p, labels[r], 60, 140 + 20 * r, 10);
        put(&p, first[r], 200, 140 + 20 * r, 10);
        put(&p, second[r], 240, 140 + 20 * r, 10);
    }
    put(&p, "31", 280, 140, 10);
    put(&p, "32", 280, 160, 10);
    char *text = lay_out(&p, 1);
    expect_line(text, "甲\t11\t21\t31");
    expect_line(text, "丙\t13\t23\t");
    cf_free(text);
}

Test(pdf_layout, a_heading_justified_over_a_narrow_cell_is_one_column)
{
    expect_spread_heading_one_column(215); /* 自 and 然 half a character apart */
}

/* Chromium printed 自 and 然 0.9 of a line apart over a 2.5em label column's table */
Test(pdf_layout, a_heading_spread_a_character_apart_over_a_narrow_cell_is_one_column)
{
    expect_spread_heading_one_column(222);
}

Test(pdf_layout, table_continued_on_next_page_drops_repeated_header_and_page_number)
{
    static glyphs pages[2];
    for (int k = 0; k < 2; k++) {
        pages[k].n = 0;
        header(&pages[k], 100);
        put(&pages[k], k ? "行政强制" : "行政处罚", 60, 130, 10);
        values(&pages[k], 130, k ? "31" : "21", k ? "32" : "22", k ? "33" : "23");
        put(&pages[k], k ? "- 2 -" : "- 1 -", 280, 800, 10);
    }
    char *text = lay_out(pages, 2);
    cr_assert_str_eq(text, "— 第 1 页 —\n信息内容\t本年制发\t本年废止\t现行有效\n行政处罚\t21\t22\t23\n— 第 2 页 —\n"
                           "行政强制\t31\t32\t33\n");
    cf_free(text);
}

Test(pdf_layout, prose_stays_line_by_line)
{
    static glyphs p;
    p.n = 0;
    put(&p, "全年主动公开政府信息128条，办理申请", 60, 100, 12);
    put(&p, "9件。", 60, 117, 12);
    char *text = lay_out(&p, 1);
    cr_assert_str_eq(text, "— 第 1 页 —\n全年主动公开政府信息128条，办理申请\n9件。\n"); /* each page says which it is */
    cf_free(text);
}

Test(pdf_layout, degenerate_boxes_do_not_crash)
{
    static glyphs p;
    p.n = 0;
    for (int i = 0; i < 2000; i++) {
        double v[] = {NAN, INFINITY, -INFINITY, 0, 1e300, -1e300, (double)i};
        p.g[p.n++] = (cf_pdf_glyph){(uint32_t)(0x4E00 + i % 50), v[i % 7], v[(i / 7) % 7], v[(i / 3) % 7], v[(i / 5) % 7]};
    }
    p.g[p.n++] = (cf_pdf_glyph){0xD800, 1, 1, 2, 2}; /* a surrogate is not a character */
    p.g[p.n++] = (cf_pdf_glyph){0x110000, 1, 1, 2, 2};
    char *text = lay_out(&p, 1);
    cr_assert(cf_utf8_valid(text, strlen(text), NULL));
    cf_free(text);
}

/* ---------- tables handed over as grids ---------- */

/* The view of pages[0..n) with its map, as the reader hands it over. Caller frees. */
static cf_text *mapped_view(glyphs *pages, size_t n)
{
    cf_docmap *map = cf_docmap_new();
    cr_assert(map);
    char *view = lay_out_mapped(pages, n, map);
    cf_text *text = NULL;
    cf_error err;
    cf_error_clear(&err);
    static const char sha[65] = "0000000000000000000000000000000000000000000000000000000000000000";
    cr_assert_eq(cf_text_from_mapped_document("t.pdf", "pdf", "PDF", &view, strlen(view), sha, map, &text, &err), CF_OK,
                 "%s", err.message);
    return text;
}

/* The grid of the table with a row on the line that begins with start: *first_line is that line. */
static cf_grid *grid_from(const cf_text *text, const char *start, size_t *end)
{
    const char *at = strstr(cf_text_data(text), start);
    cr_assert(at, "%s is in the view", start);
    size_t line = cf_text_line_at(text, (size_t)(at - cf_text_data(text)));
    cf_grid *grid = NULL;
    bool nomem;
    cr_assert(cf_docmap_grid(cf_text_docmap(text), text, line, cf_text_line_count(text), &grid, end, &nomem),
              "a table starts on the line of %s", start);
    *end -= line;
    return grid;
}

static void expect_cell(const cf_grid *grid, size_t row, size_t col, const char *text)
{
    cf_grid_cell c;
    cr_assert(cf_grid_cell_at(grid, row, col, &c), "a cell at (%zu, %zu)", row, col);
    cr_expect_str_eq(c.text, text, "the cell at (%zu, %zu)", row, col);
}

Test(pdf_grid, header_cells_stand_over_their_values_and_a_blank_is_an_empty_slot)
{
    static glyphs p;
    p.n = 0;
    header(&p, 100);
    put(&p, "规章", 60, 130, 10);
    values(&p, 130, "11", NULL, "13");
    put(&p, "行政规范性文件", 60, 160, 10);
    values(&p, 160, "21", "22", "23");
    cf_text *text = mapped_view(&p, 1);
    size_t rows;
    cf_grid *grid = grid_from(text, "信息内容", &rows);
    cr_expect_eq(rows, 3, "the header and two rows");
    cr_expect_eq(cf_grid_column_count(grid), 4);
    expect_cell(grid, 0, 2, "本年废止");
    expect_cell(grid, 1, 0, "规章");
    expect_cell(grid, 1, 1, "11");
    expect_cell(grid, 1, 2, ""); /* blank: under 本年废止, not a hole */
    expect_cell(grid, 1, 3, "13");
    expect_cell(grid, 2, 2, "22");
    cf_grid_free(grid);
    cf_text_free(text);
}

Test(pdf_grid, a_heading_over_two_columns_spans_them)
{
    static glyphs p;
    p.n = 0;
    review_and_suit(&p, 100, 130);
    cf_text *text = mapped_view(&p, 1);
    size_t rows;
    cf_grid *grid = grid_from(text, "行政复议", &rows);
    cr_expect_eq(rows, 3);
    cf_grid_cell c;
    cr_assert(cf_grid_cell_at(grid, 0, 2, &c));
    cr_expect_str_eq(c.text, "行政复议");
    cr_expect_eq(c.col, 1, "it begins over the first of its columns");
    cr_expect_eq(c.colspan, 2);
    cr_assert(cf_grid_cell_at(grid, 0, 3, &c));
    cr_expect_str_eq(c.text, "行政诉讼");
    expect_cell(grid, 1, 2, "纠正");
    expect_cell(grid, 2, 1, ""); /* under 行政复议 · 维持 */
    expect_cell(grid, 2, 2, "4");
    expect_cell(grid, 2, 4, "6");
    cf_grid_free(grid);
    cf_text_free(text);
}

Test(pdf_grid, a_table_that_goes_on_over_the_page_is_one_grid)
{
    static glyphs pages[2];
    for (int k = 0; k < 2; k++) {
        pages[k].n = 0;
        header(&pages[k], 100);
        put(&pages[k], k ? "行政强制" : "行政处罚", 60, 130, 10);
        values(&pages[k], 130, k ? "31" : "21", NULL, k ? "33" : "23");
    }
    cf_text *text = mapped_view(pages, 2);
    size_t rows;
    cf_grid *grid = grid_from(text, "信息内容", &rows);
    cr_expect_eq(rows, 4, "the header, a row, the page's marker, a row");
    expect_cell(grid, 3, 0, "行政强制");
    expect_cell(grid, 3, 1, "31");
    expect_cell(grid, 3, 2, "");
    expect_cell(grid, 3, 3, "33");
    cf_grid_cell c;
    cr_expect_not(cf_grid_cell_at(grid, 2, 0, &c), "the marker's line holds no cell");
    cf_grid_free(grid);
    cf_text_free(text);
}

Test(pdf_grid, values_whose_columns_cannot_be_told_stand_under_no_heading)
{
    static glyphs p;
    undecidable_row(&p);
    cf_text *text = mapped_view(&p, 1);
    size_t rows;
    cf_grid *grid = grid_from(text, "信息内容", &rows);
    size_t value_col = SIZE_MAX, headings = 0;
    for (size_t col = 0; col < cf_grid_column_count(grid); col++) {
        cf_grid_cell c;
        if (cf_grid_cell_at(grid, 1, col, &c) && strcmp(c.text, "9") == 0)
            value_col = col;
    }
    cr_assert_neq(value_col, SIZE_MAX, "the value is in the grid");
    for (size_t col = 0; col < cf_grid_column_count(grid); col++) {
        cf_grid_cell c;
        if (cf_grid_cell_at(grid, 0, col, &c) && cf_grid_is_anchor(grid, 0, col)) {
            headings++;
            cr_expect(col > value_col || col + c.colspan <= value_col, "%s heads the value's column", c.text);
        }
    }
    cr_expect_eq(headings, 4, "every header cell is in the grid");
    cf_grid_free(grid);
    cf_text_free(text);
}

/* ---------- the reader ---------- */

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    cr_assert(f, "cannot open %s", path);
    char *data = cf_malloc(1 << 20);
    *len = fread(data, 1, 1 << 20, f);
    fclose(f);
    return data;
}

Test(read_pdf, page_limit_says_what_was_not_read_and_the_hash_is_of_the_file)
{
    size_t len;
    char *bytes = slurp(CF_FIXTURES "/pdf/000_b0a3a3717f6cc721.pdf", &len);
    cf_pdf_limits limits = *cf_pdf_default_limits();
    limits.max_pages = 3;
    cf_text *text = NULL;
    cf_error err;
    cf_error_clear(&err);
    cr_assert_eq(cf_pdf_read("x.pdf", bytes, len, &limits, &text, &err), CF_OK, "%s", err.message);
    cr_assert(strstr(cf_text_data(text), "— 第 3 页 —"));
    cr_assert(!strstr(cf_text_data(text), "— 第 4 页 —"));
    cr_assert(strstr(cf_text_data(text), "[2 more pages were not read: crossfoot reads at most 3 pages]"));
    cf_sha256 sha;
    char hex[65];
    cf_sha256_init(&sha);
    cf_sha256_update(&sha, bytes, len);
    cf_sha256_hex(&sha, hex);
    cr_assert_str_eq(cf_text_sha256(text), hex);
    cr_assert_str_eq(cf_text_encoding(text), "PDF");
    cf_text_free(text);
    cf_free(bytes);
}

Test(read_pdf, a_child_over_its_time_is_stopped_with_a_message)
{
    size_t len;
    char *bytes = slurp(CF_FIXTURES "/pdf/000_b0a3a3717f6cc721.pdf", &len);
    cf_pdf_limits limits = *cf_pdf_default_limits();
    limits.wall_seconds = 0; /* no time at all: the child is killed before it answers */
    cf_text *text = NULL;
    cf_error err;
    cf_error_clear(&err);
    cr_assert_eq(cf_pdf_read("slow.pdf", bytes, len, &limits, &text, &err), CF_ERR_LIMIT);
    cr_assert_null(text);
    cr_assert(strstr(err.message, "took longer than 0 seconds and was stopped"), "%s", err.message);
    cr_assert_str_eq(err.file, "slow.pdf");
    cf_free(bytes);
}
