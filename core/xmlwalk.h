/* SPDX-License-Identifier: GPL-3.0-or-later */
/* xmlwalk.h — what the readers built on libxml2 (web pages, Word files) share: the library's
 * one-time set-up, a walk of a tree that does not recurse (a page may nest 10,000 deep), and
 * the marking of layout tables (tables that hold other tables). */
#ifndef CF_XMLWALK_H
#define CF_XMLWALK_H

#include <libxml/tree.h>
#include <stdbool.h>

/* Set libxml2 up once per process before any parse, from any thread. */
void cf_xml_init(void);

/* Called on entering a node; true to walk its children (and be told when it is left). */
typedef bool (*cf_xml_enter)(void *ctx, xmlNode *node);
typedef void (*cf_xml_leave)(void *ctx, xmlNode *node);
/* Walk the nodes under root depth first, in document order, with no recursion. */
void cf_xml_walk(xmlNode *root, cf_xml_enter enter, cf_xml_leave leave, void *ctx);

/* A table's _private after cf_xml_mark_layout_tables when another table is inside it. */
#define CF_XML_LAYOUT_TABLE ((void *)1)
/* Mark each element is_table says is a table and that holds another table. False when memory
 * runs out (some marks may be missing). */
bool cf_xml_mark_layout_tables(xmlNode *root, bool (*is_table)(const xmlNode *node));

#endif
