/* SPDX-License-Identifier: GPL-3.0-or-later */
/* read_docx.c — the Word (.docx) reader: word/document.xml out of the zip (libzip), its
 * paragraphs and tables through libxml2.
 *
 * Tables keep their structure: w:gridSpan is a colspan, a w:vMerge continuation a slot held by
 * the cell above, w:gridBefore empty slots at the start of a row; a cell's paragraphs are
 * joined, and a number split over several runs (<w:r>) reads whole. Deleted text (tracked
 * changes), field codes, properties and the fallback copy of a text box are not the document's
 * text. The zip entry's size is checked before it is inflated and the inflating is bounded
 * (a zip bomb stops at the bound). */
#include "reader.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "alloc.h"
#include "docbuild.h"
#include "i18n.h"
#include "sha256.h"
#include "xmlwalk.h"

#define MAIN_PART "word/document.xml"
/* The main part of a report of hundreds of pages is a few MB; libxml2's tree of it about ten
 * times that. */
#define MAX_PART_BYTES ((size_t)32 << 20)

static const char *const W_NS[] = {"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
                                   "http://purl.oclc.org/ooxml/wordprocessingml/main"};
#define MC_NS "http://schemas.openxmlformats.org/markup-compatibility/2006"

static bool sniff_docx(const char *name, const char *bytes, size_t len)
{
    if (len < 4 || memcmp(bytes, "PK\3\4", 4) != 0)
        return false;
    size_t n = strlen(MAIN_PART);
    for (const char *p = bytes; (p = memchr(p, 'w', len - (size_t)(p - bytes))) != NULL; p++)
        if ((size_t)(bytes + len - p) >= n && memcmp(p, MAIN_PART, n) == 0)
            return true;
    return false;
}

/* True when node is the WordprocessingML element local. */
static bool is_w(const xmlNode *node, const char *local)
{
    if (!node || node->type != XML_ELEMENT_NODE || !node->ns || !node->ns->href ||
        strcmp((const char *)node->name, local) != 0)
        return false;
    for (size_t i = 0; i < sizeof W_NS / sizeof *W_NS; i++)
        if (strcmp((const char *)node->ns->href, W_NS[i]) == 0)
            return true;
    return false;
}

static bool is_table(const xmlNode *node) { return is_w(node, "tbl"); }

/* The first child of node that is the element local, or NULL. */
static xmlNode *child(const xmlNode *node, const char *local)
{
    for (xmlNode *c = node ? node->children : NULL; c; c = c->next)
        if (is_w(c, local))
            return c;
    return NULL;
}

/* The w:val of node as a number (absent: dflt). */
static long val_of(const xmlNode *node, long dflt)
{
    if (!node)
        return dflt;
    xmlChar *v = xmlGetNsProp(node, (const xmlChar *)"val", node->ns->href);
    long n = v ? strtol((const char *)v, NULL, 10) : dflt;
    xmlFree(v);
    return n;
}

/* True when the cell continues the vertically merged cell above it. */
static bool continues_merge(const xmlNode *tc)
{
    const xmlNode *merge = child(child(tc, "tcPr"), "vMerge");
    if (!merge)
        return false;
    xmlChar *v = xmlGetNsProp(merge, (const xmlChar *)"val", merge->ns->href);
    bool restart = v && strcmp((const char *)v, "restart") == 0;
    xmlFree(v);
    return !restart;
}

typedef struct {
    cf_docbuild *b;
    int data_tables; /* tables of figures the walk is inside (0 or 1) */
} walker;

static bool is_data_table(const xmlNode *node) { return is_table(node) && node->_private != CF_XML_LAYOUT_TABLE; }

static bool enter(void *ctx, xmlNode *node)
{
    walker *w = ctx;
    if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
        if (is_w(node->parent, "t") && node->content)
            cf_docbuild_text(w->b, (const char *)node->content, strlen((const char *)node->content));
        return false;
    }
    if (node->type != XML_ELEMENT_NODE)
        return false;
    if (node->ns && node->ns->href && strcmp((const char *)node->ns->href, MC_NS) == 0 &&
        strcmp((const char *)node->name, "Fallback") == 0)
        return false; /* the same text box again, for older readers */
    static const char *const skipped[] = {"pPr", "rPr", "tblPr", "tblGrid", "trPr", "tcPr", "sectPr", "sdtPr",
                                          "del", "moveFrom", "delText", "instrText", "footnoteReference"};
    for (size_t i = 0; i < sizeof skipped / sizeof *skipped; i++)
        if (is_w(node, skipped[i]))
            return false;
    if (is_w(node, "tab")) {
        cf_docbuild_text(w->b, " ", 1);
        return false;
    }
    if (is_w(node, "noBreakHyphen")) {
        cf_docbuild_text(w->b, "-", 1);
        return false;
    }
    if (is_w(node, "br") || is_w(node, "cr")) {
        cf_docbuild_break(w->b);
        return false;
    }
    if (is_data_table(node)) {
        cf_docbuild_table_begin(w->b);
        w->data_tables++;
    } else if (w->data_tables > 0 && is_w(node, "tr")) {
        cf_docbuild_row(w->b);
        long before = val_of(child(child(node, "trPr"), "gridBefore"), 0);
        if (before > 0) /* grid columns the row leaves out at its start */
            cf_docbuild_skip(w->b, before);
    } else if (w->data_tables > 0 && is_w(node, "tc")) {
        long span = val_of(child(child(node, "tcPr"), "gridSpan"), 1);
        if (continues_merge(node)) {
            cf_docbuild_cell_covered(w->b, span);
            return false;
        }
        cf_docbuild_cell_begin(w->b, span, 1);
    } else if (is_w(node, "p")) {
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
    } else if (w->data_tables > 0 && is_w(node, "tc")) {
        cf_docbuild_cell_end(w->b);
    } else if (is_w(node, "p") || is_w(node, "tc")) {
        cf_docbuild_break(w->b); /* a layout table's cell ends its last paragraph */
    }
}

/* The main part, inflated: *xml (cf_malloc'd, *xml_len bytes) or an error naming the file. */
static cf_status main_part(const char *name, const char *bytes, size_t len, char **xml, size_t *xml_len,
                           cf_error *err)
{
    *xml = NULL;
    zip_error_t zerr;
    zip_error_init(&zerr);
    zip_source_t *src = zip_source_buffer_create(bytes, len, 0, &zerr);
    zip_t *zip = src ? zip_open_from_source(src, ZIP_RDONLY, &zerr) : NULL;
    if (!zip) {
        cf_status st = cf_error_set(err, CF_ERR_INPUT, name, 0, 0, _("the Word file is damaged (its zip: %s)"),
                                    zip_error_strerror(&zerr));
        zip_source_free(src);
        zip_error_fini(&zerr);
        return st;
    }
    zip_error_fini(&zerr);
    cf_status st = CF_OK;
    zip_stat_t info;
    zip_int64_t index = zip_name_locate(zip, MAIN_PART, 0);
    zip_file_t *part = NULL;
    if (index < 0 || zip_stat_index(zip, (zip_uint64_t)index, 0, &info) != 0) {
        st = cf_error_set(err, CF_ERR_INPUT, name, 0, 0, _("the Word file has no %s: it is damaged or not a .docx"),
                          MAIN_PART);
    } else if ((info.valid & ZIP_STAT_SIZE) && info.size > MAX_PART_BYTES) {
        st = cf_error_set(err, CF_ERR_LIMIT, name, 0, 0,
                          _("the Word file's text inflates to %llu MB; crossfoot reads at most %zu MB (a zip bomb?)"),
                          (unsigned long long)(info.size >> 20), MAX_PART_BYTES >> 20);
    } else if (!(part = zip_fopen_index(zip, (zip_uint64_t)index, 0))) {
        st = cf_error_set(err, CF_ERR_INPUT, name, 0, 0, _("the Word file's text cannot be read: %s"),
                          zip_strerror(zip));
    }
    char *buf = st == CF_OK ? cf_malloc(MAX_PART_BYTES + 1) : NULL;
    if (st == CF_OK && !buf)
        st = cf_error_nomem(err, name);
    size_t got = 0;
    while (st == CF_OK) { /* bounded whatever the header said */
        zip_int64_t n = zip_fread(part, buf + got, MAX_PART_BYTES + 1 - got);
        if (n < 0)
            st = cf_error_set(err, CF_ERR_INPUT, name, 0, 0, _("the Word file is damaged (inflating %s: %s)"),
                              MAIN_PART, zip_file_strerror(part));
        else if (n == 0)
            break;
        else if ((got += (size_t)n) > MAX_PART_BYTES)
            st = cf_error_set(err, CF_ERR_LIMIT, name, 0, 0,
                              _("the Word file's text inflates to more than %zu MB (a zip bomb?)"),
                              MAX_PART_BYTES >> 20);
    }
    if (part)
        zip_fclose(part);
    zip_discard(zip);
    if (st != CF_OK) {
        cf_free(buf);
        return st;
    }
    *xml = buf;
    *xml_len = got;
    return CF_OK;
}

static cf_status read_docx(const char *name, char **bytes, size_t len, cf_text **out, cf_error *err)
{
    *out = NULL;
    cf_xml_init();
    char *xml;
    size_t xml_len = 0;
    cf_status st = main_part(name, *bytes, len, &xml, &xml_len, err);
    if (st != CF_OK)
        return st;
    /* no entity substitution, no network; libxml2's usual depth limit stands */
    xmlDocPtr doc = xmlReadMemory(xml, (int)xml_len, MAIN_PART, NULL,
                                  XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    cf_free(xml);
    xmlNode *root = doc ? xmlDocGetRootElement(doc) : NULL;
    xmlNode *body = child(root, "body");
    if (!body) {
        xmlFreeDoc(doc);
        return cf_error_set(err, CF_ERR_INPUT, name, 0, 0,
                            doc ? _("the Word file's %s has no document body") : _("the Word file's %s is damaged (not XML)"),
                            MAIN_PART);
    }
    cf_docbuild *b = cf_docbuild_new();
    bool marked = b && cf_xml_mark_layout_tables(body, is_table);
    if (marked)
        cf_xml_walk(body, enter, leave, &(walker){b, 0});
    xmlFreeDoc(doc);
    if (!marked) {
        cf_docbuild_free(b);
        return cf_error_nomem(err, name);
    }
    char *view;
    size_t view_len;
    cf_docmap *map;
    st = cf_docbuild_finish(b, name, &view, &view_len, &map, err);
    cf_docbuild_free(b);
    if (st != CF_OK)
        return st;
    if (view_len == 0) {
        cf_free(view);
        cf_docmap_free(map);
        return cf_error_set(err, CF_ERR_INPUT, name, 0, 0, _("the Word file has no text to check"));
    }
    char sha[65];
    cf_sha256_of(*bytes, len, sha);
    return cf_text_from_mapped_document(name, "docx", "DOCX", &view, view_len, sha, map, out, err);
}

const cf_reader cf_reader_docx = {"docx", sniff_docx, read_docx, NULL};
