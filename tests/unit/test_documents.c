/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Documents through the reader table (core/document.h): the reader is picked by content, and a
 * web page's text view is what a reader of the page sees — paragraphs as lines, tables as tab
 * rows with every merged cell's slots, numbers whole however the markup splits them. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "document.h"

static const char *sniff(const char *name, const char *bytes, size_t len)
{
    return cf_document_sniff(name, bytes, len);
}

Test(documents, the_reader_is_picked_by_content_whatever_the_name)
{
    cr_expect_str_eq(sniff("a.txt", "%PDF-1.7\n", 9), "pdf");
    cr_expect_str_eq(sniff("a.txt", "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1W\0o\0r\0d\0D\0o\0c\0u\0m\0e\0n\0t\0", 32), "doc");
    cr_expect_str_eq(sniff("a.wps", "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8), "wps");
    cr_expect_str_eq(sniff("a.txt", "PK\3\4....OFD.xml", 16), "ofd");
    cr_expect_str_eq(sniff("a.docx", "PK\3\4....x.txt", 14), "zip");
    cr_expect_str_eq(sniff("a.txt", "{\\rtf1 x", strlen("{\\rtf1 x")), "rtf");
    cr_expect_str_eq(sniff("a.txt", "\xEF\xBB\xBF  <!DOCTYPE html><html>", strlen("\xEF\xBB\xBF  <!DOCTYPE html><html>")), "html");
    cr_expect_str_eq(sniff("a.txt", "<table><tr><td>1</td></tr></table>", strlen("<table><tr><td>1</td></tr></table>")), "html");
    cr_expect_str_eq(sniff("a.htm", "政府信息公开 <table>", strlen("政府信息公开 <table>")), "html");
    cr_expect_str_eq(sniff("a.txt", "政府信息公开 <table>", strlen("政府信息公开 <table>")), "text");
    cr_expect_str_eq(sniff("a.html", "<政府信息公开>\n", strlen("<政府信息公开>\n")), "text");
    cr_expect_str_eq(sniff("a.txt", "政府信息公开工作年度报告\n", strlen("政府信息公开工作年度报告\n")), "text");
    /* pandoc's gfm of a Word page: raw HTML around markdown pipe tables is markdown, not a page */
    static const char gfm[] = "<div class=\"WordSection1\">\n\n| 规章 | 0 |\n|---|---|\n| 行政许可 | 1 |\n";
    cr_expect_str_neq(sniff("a.txt", gfm, strlen(gfm)), "html");
    static const char indented[] = "<div>\n   | :--- | ---: |\n";
    cr_expect_str_neq(sniff("a.html", indented, strlen(indented)), "html");
    static const char prose[] = "<div>\n行政 |--- 许可\n</div>";
    cr_expect_str_eq(sniff("a.txt", prose, strlen(prose)), "html", "a bar inside a line starts no table");
}

/* The text view of a page (a failure fails the test). */
static char *view_of(const char *page)
{
    cf_text *text = NULL;
    cf_error err;
    cf_error_clear(&err);
    cf_status st = cf_document_from_bytes("page.html", page, strlen(page), &text, &err);
    cr_assert_eq(st, CF_OK, "the page is read: %s", err.message);
    cr_assert_str_eq(cf_text_kind(text), "html");
    char *copy = strdup(cf_text_data(text));
    cf_text_free(text);
    return copy;
}

static void expect_view(const char *page, const char *want)
{
    char *got = view_of(page);
    cr_expect_str_eq(got, want, "the page\n%s\nreads as\n%s", page, got);
    free(got);
}

Test(documents, rowspan_and_colspan_give_every_row_every_column)
{
    expect_view("<table>"
                "<tr><td rowspan=2>项目</td><td colspan=2>申请人情况</td><td rowspan=2>总计</td></tr>"
                "<tr><td>自然人</td><td>法人</td></tr>"
                "<tr><td>本年新收</td><td>3</td><td></td><td>3</td></tr>"
                "</table>",
                "项目\t申请人情况\t\t总计\n\t自然人\t法人\t\n本年新收\t3\t\t3\n\n");
}

Test(documents, numbers_split_over_spans_and_word_markup_read_whole)
{
    expect_view("<html><head><title>标题</title><style>p{}</style><script>var a='政府';</script></head><body>"
                "<![if !supportLists]><p class=MsoNormal>一、总体情况<o:p></o:p></p><![endif]>\n"
                "<!--[if gte mso 9]><xml><o:x>注释</o:x></xml><![endif]-->"
                "<p>本年新收申请<span lang=EN-US>20</span><span>23</span>件，&nbsp;全部办结。</p>"
                "<p style='display: none'>隐藏的段落</p>"
                "<p>政府信息\n公开 annual\nreport</p>"
                "<table><tr><td><p>（一）</p><p>予以公开</p></td><td><p>1</p><p>2</p></td></tr></table>"
                "</body></html>",
                "一、总体情况\n本年新收申请2023件， 全部办结。\n政府信息公开 annual report\n\n（一）予以公开\t1 2\n\n");
}

Test(documents, a_layout_table_around_the_report_is_read_as_paragraphs)
{
    expect_view("<table><tr><td>报告</td><td><p>正文</p>"
                "<table><tr><td>规章</td><td>5</td></tr></table>"
                "<p>结束</p></td></tr></table>",
                "报告\n正文\n\n规章\t5\n\n结束\n");
}

Test(documents, a_gbk_page_declared_or_not_reads_as_unicode)
{
    /* "政府信息公开" in GBK */
    const char *gbk = "\xD5\xFE\xB8\xAE\xD0\xC5\xCF\xA2\xB9\xAB\xBF\xAA";
    char page[256];
    snprintf(page, sizeof page, "<html><head><meta charset=\"gb2312\"></head><body><p>%s</p></body></html>", gbk);
    expect_view(page, "政府信息公开\n");
    snprintf(page, sizeof page, "<html><body><p>%s</p></body></html>", gbk);
    expect_view(page, "政府信息公开\n");
}

Test(documents, the_sha256_is_of_the_page_as_it_is)
{
    const char *page = "<p>政府信息公开</p><![if !x]><p>二</p><![endif]>";
    cf_text *text = NULL;
    cf_error err;
    cr_assert_eq(cf_document_from_bytes("p.html", page, strlen(page), &text, &err), CF_OK);
    /* sha256sum of the bytes above: the markers blanked for the parser are still in it */
    cr_expect_str_eq(cf_text_sha256(text), "da1560063934351e89bae531b3a272e0e5542a340c9a9e2f993b4b0f0cf2f96b");
    cf_text_free(text);
}

/* The text view of a single-file web page (a failure fails the test). */
static void expect_archive_view(const char *archive, const char *want)
{
    cf_text *text = NULL;
    cf_error err;
    cf_error_clear(&err);
    cr_assert_eq(cf_document_from_bytes("page.mht", archive, strlen(archive), &text, &err), CF_OK,
                 "the archive is read: %s", err.message);
    cr_expect_str_eq(cf_text_kind(text), "mhtml");
    cr_expect_str_eq(cf_text_data(text), want, "the archive\n%s\nreads as\n%s", archive, cf_text_data(text));
    cf_text_free(text);
}

Test(documents, a_single_file_web_page_reads_as_its_html_part)
{
    /* Word's: the page after a preamble, GBK declared gb2312 on the part only, quoted-printable
     * with a soft line break inside a character and =3D for '=' */
    expect_archive_view("MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"----=_NextPart_01\"\r\n\r\n"
                        "This document is a Single File Web Page.\r\n\r\n------=_NextPart_01\r\n"
                        "Content-Location: file:///C:/x/report.htm\r\nContent-Transfer-Encoding: quoted-printable\r\n"
                        "Content-Type: text/html; charset=\"gb2312\"\r\n\r\n"
                        "<html><body><p class=3DMsoNormal>=D5=FE=B8=AE=D0=C5=CF=A2=B9=\r\n=AB=BF=AA</p>"
                        "<p>a=3Db</p></body></html>\r\n\r\n------=_NextPart_01--\r\n",
                        "政府信息公开\na=b\n");
    /* a browser's: the Content-Type folded over tab-indented lines, LF line ends, an image part
     * before the page, base64 broken over lines */
    expect_archive_view("From: <Saved by Blink>\nMIME-Version: 1.0\ncontent-type: multipart/related;\n\ttype=\"text/html\";\n"
                        "\tboundary=\"--MB--\"\n\n\n----MB--\nContent-Type: image/png\nContent-Transfer-Encoding: base64\n\n"
                        "iVBORw0KGgo=\n----MB--\nContent-Type: text/html\nContent-Transfer-Encoding: base64\n\n"
                        "PHA+5pS/5bqc5L+h\n5oGv5YWs5byAPC9wPg==\n----MB----\n",
                        "政府信息公开\n");
}
