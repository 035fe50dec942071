/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Normalisation: the view of a line that matching works on, and the map back to the source bytes. */
#include <criterion/criterion.h>
#include <string.h>

#include "buf.h"
#include "normalize.h"

static cf_norm_line norm;

static void setup(void) { cf_norm_line_init(&norm); }
static void teardown(void) { cf_norm_line_release(&norm); }

static const char *n(const char *src)
{
    cr_assert(cf_normalize_line(src, strlen(src), &norm));
    cr_assert_eq(strlen(norm.text), norm.len);
    return norm.text;
}

TestSuite(normalize, .init = setup, .fini = teardown);

Test(normalize, full_width_digits_letters_and_brackets)
{
    cr_expect_str_eq(n("０１２３４５６７８９"), "0123456789");
    cr_expect_str_eq(n("（一）予以公开　１２"), "(一)予以公开 12");
    cr_expect_str_eq(n("ＡＢｃ，："), "ABc,:");
    cr_expect_str_eq(n("－３"), "-3");
    cr_expect_str_eq(n("\xE2\x88\x92" "3"), "-3"); /* U+2212 minus */
}

Test(normalize, spaces_of_every_kind)
{
    cr_expect_str_eq(n("规章\xE3\x80\x80" "0"), "规章 0");   /* U+3000 */
    cr_expect_str_eq(n("规章\xC2\xA0" "0"), "规章 0");        /* NBSP */
    cr_expect_str_eq(n("规章&nbsp;0"), "规章 0");
    cr_expect_str_eq(n("规章&NBSP;&#160;0"), "规章  0");
    cr_expect_str_eq(n("规\xE2\x80\x8B章"), "规章"); /* zero-width space goes */
    cr_expect_str_eq(n("规章\r"), "规章");
    cr_expect_str_eq(n("a\tb"), "a\tb"); /* tabs separate fields: kept */
}

Test(normalize, word_artefacts_go)
{
    cr_expect_str_eq(n("[bookmark: _GoBack]0"), "0");
    cr_expect_str_eq(n("\t[bookmark: _GoBack]12\t3"), "\t12\t3");
    /* an unclosed one is text, not an artefact */
    cr_expect_str_eq(n("[bookmark: x"), "[bookmark: x");
}

Test(normalize, page_markers_are_dropped)
{
    const char *markers[] = {"- 4 -", "— 5 —", "第 4 页", "第4页", "  -12-  ", "第 4 页 / 共 12 页", "第4页共12页",
                             "– 6 –", "— 第 4 页 —"};
    for (size_t i = 0; i < sizeof markers / sizeof *markers; i++) {
        n(markers[i]);
        cr_expect(norm.dropped, "'%s' is a page marker", markers[i]);
        cr_expect_eq(norm.len, 0);
    }
    /* numbers and words that only look alike are kept */
    const char *kept[] = {"-3", "- 4", "第 4 项", "第二十条第（五）项", "— 5 — 6", "4 - 5", "— 12345 —"};
    for (size_t i = 0; i < sizeof kept / sizeof *kept; i++) {
        n(kept[i]);
        cr_expect_not(norm.dropped, "'%s' is not a page marker", kept[i]);
        cr_expect_gt(norm.len, 0);
    }
}

Test(normalize, rule_lines_are_dropped)
{
    const char *rules[] = {"|---|---|", "|:---|---:|:---:|", "+----+----+", "├──┼──┤", "=====", "----", "| --- | --- |",
                           ":---:|:---:", "\t----\t----"};
    for (size_t i = 0; i < sizeof rules / sizeof *rules; i++) {
        n(rules[i]);
        cr_expect(norm.dropped, "'%s' is a rule line", rules[i]);
    }
    n("| - | 0 |");
    cr_expect_not(norm.dropped, "a row with a '-' cell is not a rule");
    const char *cells[] = {"- - - - -", "| - | - | - |", "-\t-\t-", "－ － －", "|  --  |  --  |  --  |"};
    for (size_t i = 0; i < sizeof cells / sizeof *cells; i++) {
        n(cells[i]);
        cr_expect_not(norm.dropped, "'%s' is a row of not-applicable cells", cells[i]);
    }
    n("--");
    cr_expect_not(norm.dropped);
}

Test(normalize, box_drawing_verticals_become_bars)
{
    cr_expect_str_eq(n("│规章│0│"), "|规章|0|");
    cr_expect_str_eq(n("规章｜0"), "规章|0");
}

Test(normalize, origin_maps_every_byte_back_to_its_source)
{
    const char *src = "（一）\xE3\x80\x80" "１２&nbsp;3";
    n(src);
    cr_assert_str_eq(norm.text, "(一) 12 3");
    /* '(' came from the 3-byte （ at 0; '一' from byte 3; ' ' from U+3000 at 9 */
    cr_expect_eq(norm.origin[0], 0);
    cr_expect_eq(norm.origin[1], 3);
    cr_expect_eq(norm.origin[4], 6); /* ')' */
    cr_expect_eq(norm.origin[5], 9);
    cr_expect_eq(norm.origin[6], 12); /* '1' from １ */
    cr_expect_eq(norm.origin[7], 15);
    cr_expect_eq(norm.origin[8], 18); /* ' ' from &nbsp; */
    cr_expect_eq(norm.origin[9], 24); /* '3' */
    cr_expect_eq(norm.origin[norm.len], strlen(src));
    /* the source bytes of a value are the original ones */
    cr_expect_eq(memcmp(src + norm.origin[6], "１２", 6), 0);
}

Test(normalize, origin_skips_what_was_dropped)
{
    const char *src = "\t[bookmark: _GoBack]7";
    n(src);
    cr_assert_str_eq(norm.text, "\t7");
    cr_expect_eq(norm.origin[1], strlen("\t[bookmark: _GoBack]"));
}

Test(normalize, invalid_bytes_stand_for_nothing_a_match_could_use)
{
    const char src[] = {'a', (char)0xFF, 'b', 0};
    cr_expect_str_eq(n(src), "a b");
    cr_expect_eq(norm.origin[2], 2);
}

Test(normalize, reuse_of_the_buffer_for_a_shorter_line)
{
    n("一、本年新收政府信息公开申请数量 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20");
    cr_expect_str_eq(n("规章"), "规章");
    cr_expect_not(norm.dropped);
}

Test(normalize, compact_key_keeps_ideographs_letters_digits)
{
    cf_buf b;
    cf_buf_init(&b);
    const char *s = "（二）部分公开（区分处理的，只计这一情形）  3.危及“三安全一稳定” A1";
    cr_assert(cf_compact_append(&b, s, strlen(s)));
    cr_assert(cf_buf_append(&b, "", 0));
    cr_expect_str_eq(b.data, "二部分公开区分处理的只计这一情形3危及三安全一稳定A1");
    cf_buf_release(&b);
}

/* Each byte of the key says where it stands in the text it was made from. */
Test(normalize, compact_key_maps_each_byte_back)
{
    cf_buf b;
    cf_buf_init(&b);
    const char *s = "x一 倀（鿿\xE4\xB7\xBF\xEA\x80\x80\xE5\x80"; /* U+4DFF, U+A000: no key characters */
    size_t origin[32];
    cr_assert(cf_compact_append_mapped(&b, s, strlen(s), origin));
    cr_expect_str_eq(b.data, "x一倀鿿");
    static const size_t want[] = {0, 1, 2, 3, 5, 6, 7, 11, 12, 13};
    cr_assert_eq(b.len, sizeof want / sizeof *want);
    for (size_t k = 0; k < b.len; k++)
        cr_expect_eq(origin[k], want[k], "key byte %zu", k);
    cf_buf_release(&b);
}

Test(normalize, html_line_breaks_and_tags_in_cells_are_spaces)
{
    cr_expect_str_eq(n("一、本年新收政府信息<br>公开申请数量"), "一、本年新收政府信息 公开申请数量");
    cr_expect_str_eq(n("已<br />获取信息"), "已 获取信息");
    cr_expect_str_eq(n("已<BR/>获取"), "已 获取");
    cr_expect_str_eq(n("<p>规章</p>"), " 规章 ");
    /* tags that break no line run their text together, as a browser shows it */
    cr_expect_str_eq(n("<span style=\"x\">12</span>"), "12");
    cr_expect_str_eq(n("<span>17</span><span lang=\"EN-US\">32</span>"), "1732");
    cr_expect_str_eq(n("<b>行政</b><b>许可</b>"), "行政许可");
    /* what only looks like a tag stays */
    cr_expect_str_eq(n("a<5 and b>3"), "a<5 and b>3");
    cr_expect_str_eq(n("<规章>"), "<规章>");
    cr_expect_str_eq(n("<brx"), "<brx");
}

Test(normalize, a_tag_broken_over_two_lines_is_markup)
{
    /* pandoc's gfm of a Word page: "**<span" ends one line, the attributes start the next */
    cr_expect_str_eq(n("**<span"), "**");
    cr_expect_str_eq(n("行政<p"), "行政 ");
    cr_expect_str_eq(n("style=\"font-family:宋体;font-size:16.0pt\">四、政府信息公开行政复议</span>**"),
                     " 四、政府信息公开行政复议**");
    cr_expect_str_eq(n("  lang=EN-US style='x'>12"), " 12");
    /* text with '=' and '>' that is no attribute list stays */
    cr_expect_str_eq(n("总计=12>11"), "总计=12>11");
    cr_expect_str_eq(n("a = b > c"), "a = b > c");
}

Test(normalize, character_entities_are_decoded)
{
    cr_expect_str_eq(n("3.危及&ldquo;三安全一稳定&rdquo;"), "3.危及“三安全一稳定”");
    cr_expect_str_eq(n("&#20844;&#x5F00;"), "公开");
    cr_expect_str_eq(n("&#xFF11;&#65298;"), "12"); /* full-width digits as entities */
    cr_expect_str_eq(n("A&amp;B &lt;1&gt;"), "A&B <1>");
    cr_expect_str_eq(n("&#0; &#xD800; &bogus;"), "&#0; &#xD800; &bogus;");
    /* the origin of a decoded entity is its '&' */
    n("x&ldquo;y");
    cr_expect_eq(norm.origin[1], 1);
    cr_expect_eq(norm.origin[4], 8);
}

/* The scan's one-pass key is the key of the normalised line, whatever the line holds. */
Test(normalize, the_key_of_a_line_in_one_pass_is_the_key_of_its_normalised_text)
{
    static const char *const lines[] = {
        "（一）本年新收政府信息公开申请数量　　２０　件。", /* full-width forms, ideographic spaces */
        "第 4 页", "第4页 共12页", "— 5 —", "- 4 -", "— 第 12 页 —", "第 4 页 说明", /* page markers, and one that is not */
        "+-----+-----+", "| --- | --- |", "", "   ", /* rules and blanks */
        "3.危及&ldquo;三安全一稳定&rdquo;", "&#20844;&#x5F00;&#xFF11;", "已<br />获取信息", "[bookmark: _Toc1]规章",
        "\xEF\xA4\x80\xE2\xBC\x80\xE3\x90\x80 ⑴ ½ ａＢｃ１", /* a compatibility ideograph, a Kangxi radical, Ext A */
        "ab\xFF\xFE" "cd\xE4\xB8", /* invalid and cut bytes */
        "\xF0\xA0\x80\x80 𠀀 \xE2\x80\x8B\xEF\xBB\xBF zero-width", "A&B <1> [x]",
        /* around the ideographs read without decoding (U+5000..U+9FFF): U+4E00, U+4DFF (no key character),
         * U+5000, U+9FFF, U+A000 (none), and one cut short at the end */
        "\xE4\xB8\x80\xE4\xB7\xBF\xE5\x80\x80\xE9\xBF\xBF\xEA\x80\x80 \xE5\x80",
    };
    for (size_t i = 0; i < sizeof lines / sizeof *lines; i++) {
        cf_buf want, got;
        cf_buf_init(&want);
        cf_buf_init(&got);
        cr_assert(cf_buf_append(&want, "#", 1) && cf_buf_append(&got, "#", 1)); /* appends after what is there */
        cr_assert(cf_normalize_line(lines[i], strlen(lines[i]), &norm));
        cr_assert(cf_compact_append(&want, norm.text, norm.len));
        bool whole = false;
        cr_assert(cf_compact_line(lines[i], strlen(lines[i]), &got, &whole));
        if (whole) /* the caller's part: the key of the whole normaliser's text */
            cr_assert(cf_compact_append(&got, norm.text, norm.len));
        cr_expect_str_eq(got.data, want.data, "line %zu \"%s\": one pass \"%s\", normalised then compacted \"%s\"", i,
                         lines[i], got.data, want.data);
        cf_buf_release(&want);
        cf_buf_release(&got);
    }
}
