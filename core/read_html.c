/* SPDX-License-Identifier: GPL-3.0-or-later */
/* read_html.c — the web page reader (libxml2's HTML parser, tolerant of pages as published).
 *
 * Word's "save as web page" (mso- styles, conditional comments, <o:p>), layout tables around
 * the report, numbers split over <span>s, &nbsp; and GBK pages declared by <meta charset> or
 * only detected all come out as the same text view: paragraphs as lines, each table of
 * figures as tab-separated rows with rowspan and colspan expanded (core/docbuild.h). A table
 * that holds another table is a layout table: its cells are read as paragraphs. */
#include "reader.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "alloc.h"
#include "docbuild.h"
#include "i18n.h"
#include "sha256.h"
#include "utf8.h"
#include "xmlwalk.h"

/* The first bytes after a byte-order mark and whitespace are a tag or a markup declaration,
 * and a page's elements are near the start; or the name says web page and a table or page
 * element is in it. */
static bool sniff_html(const char *name, const char *bytes, size_t len)
{
    const unsigned char *u = (const unsigned char *)bytes;
    size_t i = 0;
    if (len >= 4 && ((u[0] == 0xFF && u[1] == 0xFE && u[2] == '<' && u[3] == 0) ||
                     (u[0] == 0xFE && u[1] == 0xFF && u[2] == 0 && u[3] == '<')))
        return true; /* a UTF-16 page (Word's "Unicode" web page) */
    if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
        i = 3;
    while (i < len && (u[i] == ' ' || u[i] == '\t' || u[i] == '\r' || u[i] == '\n'))
        i++;
    static const char *const tags[] = {"<html", "<body", "<table", "<head", "<!doctype html", "<meta", "<div", "<p"};
    bool markup = i + 1 < len && u[i] == '<' &&
                  (u[i + 1] == '!' || u[i + 1] == '?' || ((u[i + 1] | 0x20) >= 'a' && (u[i + 1] | 0x20) <= 'z'));
    bool named = cf_name_ends_with(name, ".html") || cf_name_ends_with(name, ".htm") ||
                 cf_name_ends_with(name, ".xhtml") || cf_name_ends_with(name, ".shtml");
    if ((!markup && !named) || cf_bytes_hold_pipe_table(bytes, len))
        return false; /* markdown with raw HTML in it (pandoc's gfm of a Word page) is no web page */
    size_t limit = markup ? 4096 : len; /* a page with text before its markup: look further */
    for (size_t t = 0; t < sizeof tags / sizeof *tags; t++)
        if (cf_bytes_contain_nocase(bytes + i, len - i, limit, tags[t]) && (markup || t < 3))
            return true;
    return false;
}

/* The encoding to read the page in: a Chinese charset as GB18030 (the superset every GB2312
 * and GBK page is valid in), a page declared UTF-8 that is not (it happens) or declares
 * nothing as GB18030 unless it is valid UTF-8; NULL lets libxml2 follow a byte-order mark.
 * declared is the charset the page's container names (a web archive's part), else the first
 * charset= in the page's first 8 KB is taken; the result may point into declared. */
static const char *page_encoding(const char *bytes, size_t len, char declared[32])
{
    const unsigned char *u = (const unsigned char *)bytes;
    if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF)))
        return NULL;
    size_t end = len < 8192 ? len : 8192;
    for (size_t i = 0; !declared[0] && i + 8 <= end; i++) {
        if (strncasecmp(bytes + i, "charset=", 8) != 0)
            continue;
        size_t k = i + 8, n = 0;
        while (k < end && (bytes[k] == '"' || bytes[k] == '\'' || bytes[k] == ' '))
            k++;
        while (k < end && n < 31 && (strchr("-_.:", bytes[k]) || (bytes[k] >= '0' && bytes[k] <= '9') ||
                                     ((bytes[k] | 0x20) >= 'a' && (bytes[k] | 0x20) <= 'z')))
            declared[n++] = bytes[k++];
        declared[n] = '\0';
        break;
    }
    static const char *const chinese[] = {"gb2312", "gbk", "gb18030", "x-gbk", "cp936", "gb_2312-80", "euc-cn", "ms936", "windows-936"};
    for (size_t c = 0; c < sizeof chinese / sizeof *chinese; c++)
        if (strcasecmp(declared, chinese[c]) == 0)
            return "GB18030";
    bool utf8 = cf_utf8_valid(bytes, len, NULL);
    if (declared[0] == '\0' || strcasecmp(declared, "utf-8") == 0 || strcasecmp(declared, "utf8") == 0)
        return utf8 ? "UTF-8" : "GB18030";
    return declared; /* big5, iso-8859-1 …: as the page says */
}

/* Elements whose content a reader never sees. */
static bool unseen(const xmlNode *node)
{
    static const char *const names[] = {"head", "script", "style", "title", "template", "xml", "noscript",
                                        "object", "iframe", "svg", "select", "textarea"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (xmlStrcasecmp(node->name, (const xmlChar *)names[i]) == 0)
            return true;
    xmlChar *style = xmlGetProp(node, (const xmlChar *)"style");
    bool hidden = false;
    if (style) {
        char squeezed[256];
        size_t n = 0;
        for (const xmlChar *s = style; *s && n + 1 < sizeof squeezed; s++)
            if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
                squeezed[n++] = (char)(*s | ((*s >= 'A' && *s <= 'Z') ? 0x20 : 0));
        squeezed[n] = '\0';
        hidden = strstr(squeezed, "display:none") != NULL;
        xmlFree(style);
    }
    return hidden || xmlHasProp(node, (const xmlChar *)"hidden") != NULL;
}

static bool named(const xmlNode *node, const char *name)
{
    return node->type == XML_ELEMENT_NODE && xmlStrcasecmp(node->name, (const xmlChar *)name) == 0;
}

/* Elements that start and end a paragraph. */
static bool is_block(const xmlNode *node)
{
    static const char *const names[] = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
                                        "dl", "dt", "dd", "blockquote", "pre", "center", "section", "article",
                                        "header", "footer", "nav", "aside", "main", "address", "form",
                                        "fieldset", "hr", "caption", "table", "tr", "td", "th", "figure",
                                        "figcaption", "details", "summary", "body", "html", "legend"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (named(node, names[i]))
            return true;
    return false;
}

static long span_of(const xmlNode *cell, const char *attr)
{
    xmlChar *v = xmlGetProp(cell, (const xmlChar *)attr);
    long n = v ? strtol((const char *)v, NULL, 10) : 1;
    xmlFree(v);
    return n;
}

typedef struct {
    cf_docbuild *b;
    int data_tables; /* tables of figures the walk is inside (0 or 1: they hold no table) */
} walker;

static bool is_table(const xmlNode *node) { return named(node, "table"); }
static bool is_data_table(const xmlNode *node) { return is_table(node) && node->_private != CF_XML_LAYOUT_TABLE; }

static bool enter(void *ctx, xmlNode *node)
{
    walker *w = ctx;
    if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
        if (node->content)
            cf_docbuild_text(w->b, (const char *)node->content, strlen((const char *)node->content));
        return false;
    }
    if (node->type != XML_ELEMENT_NODE || unseen(node))
        return false; /* comments (Word's conditional ones too), processing instructions */
    if (named(node, "br")) {
        cf_docbuild_break(w->b);
        return false;
    }
    if (is_data_table(node)) {
        cf_docbuild_table_begin(w->b);
        w->data_tables++;
    } else if (w->data_tables > 0 && named(node, "tr")) {
        cf_docbuild_row(w->b);
    } else if (w->data_tables > 0 && (named(node, "td") || named(node, "th"))) {
        cf_docbuild_cell_begin(w->b, span_of(node, "colspan"), span_of(node, "rowspan"));
    } else if (is_block(node)) {
        cf_docbuild_break(w->b);
    }
    return true;
}

static void leave(void *ctx, xmlNode *node)
{
    walker *w = ctx;
    if (is_data_table(node)) {
        cf_docbuild_table_end(w->b);
        w->data_tables--;
    } else if (w->data_tables > 0 && (named(node, "td") || named(node, "th"))) {
        cf_docbuild_cell_end(w->b);
    } else if (is_block(node)) {
        cf_docbuild_break(w->b);
    }
}

/* Word's downlevel-revealed conditional comments (<![if !supportLists]> … <![endif]>) show
 * their content in every browser but are no markup to libxml2, which would keep them as text:
 * blank the markers out, in place. */
static void blank_conditionals(char *s, size_t len)
{
    for (size_t i = 0; i + 4 < len; i++) {
        if (s[i] != '<' || s[i + 1] != '!' || s[i + 2] != '[' ||
            !(strncasecmp(s + i + 3, "if", 2) == 0 || strncasecmp(s + i + 3, "endif", 5) == 0))
            continue;
        size_t end = i + 3; /* the marker ends at the first '>', which must follow ']' */
        while (end < len && end - i < 256 && s[end] != '>' && s[end] != '<')
            end++;
        if (end < len && s[end] == '>' && s[end - 1] == ']')
            memset(s + i, ' ', end + 1 - i);
    }
}

/* libxml2's tree of a page takes up to 30 times the page: the bound on memory. */
#define MAX_PAGE_BYTES ((size_t)16 << 20)

cf_status cf_html_to_text(const char *name, const char *html, size_t len, const char *encoding, char **view,
                          size_t *view_len, cf_docmap **map, cf_error *err)
{
    *view = NULL;
    *view_len = 0;
    if (map)
        *map = NULL;
    cf_xml_init();
    if (len > MAX_PAGE_BYTES)
        return cf_error_set(err, CF_ERR_LIMIT, name, 0, 0,
                            _("the web page is %zu MB; crossfoot reads pages of at most %zu MB"), len >> 20,
                            MAX_PAGE_BYTES >> 20);
    htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
    if (!ctxt)
        return cf_error_nomem(err, name);
    /* XML_PARSE_HUGE: pages of unclosed <font>s nest deeper than libxml2's usual 256 */
    htmlDocPtr doc = htmlCtxtReadMemory(ctxt, html, (int)len, NULL, encoding,
                                        HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                            HTML_PARSE_NONET | HTML_PARSE_COMPACT | XML_PARSE_HUGE);
    /* the parser stops at its depth limit and drops the rest of the page: never a silent half */
    bool too_deep = ctxt->lastError.code == XML_ERR_INTERNAL_ERROR && ctxt->lastError.message &&
                    strstr(ctxt->lastError.message, "depth");
    htmlFreeParserCtxt(ctxt);
    xmlNode *root = doc ? xmlDocGetRootElement(doc) : NULL;
    if (!root || too_deep) {
        xmlFreeDoc(doc);
        return too_deep ? cf_error_set(err, CF_ERR_LIMIT, name, 0, 0,
                                       _("the web page nests its elements too deep to read (thousands of "
                                         "elements inside each other)"))
                        : cf_error_set(err, CF_ERR_INPUT, name, 0, 0, _("the web page could not be read (no HTML in it)"));
    }
    cf_docbuild *b = cf_docbuild_new();
    bool marked = b && cf_xml_mark_layout_tables((xmlNode *)doc, is_table);
    if (marked)
        cf_xml_walk((xmlNode *)doc, enter, leave, &(walker){b, 0});
    xmlFreeDoc(doc);
    if (!marked) {
        cf_docbuild_free(b);
        return cf_error_nomem(err, name);
    }
    cf_status st = cf_docbuild_finish(b, name, view, view_len, map, err);
    cf_docbuild_free(b);
    return st;
}

cf_status cf_html_read(const char *name, const char *kind, char *html, size_t len, const char *charset,
                       const char *sha256_hex, cf_text **out, cf_error *err)
{
    *out = NULL;
    blank_conditionals(html, len);
    char declared[32];
    snprintf(declared, sizeof declared, "%s", charset ? charset : "");
    const char *encoding = page_encoding(html, len, declared);
    char *view;
    size_t view_len;
    cf_docmap *map;
    cf_status st = cf_html_to_text(name, html, len, encoding, &view, &view_len, &map, err);
    if (st != CF_OK)
        return st;
    if (view_len == 0) {
        cf_free(view);
        cf_docmap_free(map);
        return cf_error_set(err, CF_ERR_INPUT, name, 0, 0, _("the web page has no text to check"));
    }
    char described[64];
    snprintf(described, sizeof described, "%s, %s", strcmp(kind, "html") == 0 ? "HTML" : "MHTML",
             encoding ? encoding : len && (unsigned char)*html == 0xFF ? "UTF-16LE" : "UTF-16BE");
    return cf_text_from_mapped_document(name, kind, described, &view, view_len, sha256_hex, map, out, err);
}

static cf_status read_html(const char *name, char **bytes, size_t len, cf_text **out, cf_error *err)
{
    char sha[65];
    cf_sha256_of(*bytes, len, sha); /* of the file as it is, before the markers go */
    return cf_html_read(name, "html", *bytes, len, NULL, sha, out, err);
}

const cf_reader cf_reader_html = {"html", sniff_html, read_html, NULL};
