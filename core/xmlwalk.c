/* SPDX-License-Identifier: GPL-3.0-or-later */
/* xmlwalk.c — libxml2 set-up, a walk without recursion, layout tables. */
#include "xmlwalk.h"

#include <libxml/parser.h>
#include <pthread.h>

#include "alloc.h"

static pthread_once_t xml_once = PTHREAD_ONCE_INIT;
static void xml_init_once(void) { xmlInitParser(); }
void cf_xml_init(void) { pthread_once(&xml_once, xml_init_once); }

void cf_xml_walk(xmlNode *root, cf_xml_enter enter, cf_xml_leave leave, void *ctx)
{
    xmlNode *node = root->children;
    while (node) {
        if (enter(ctx, node)) {
            if (node->children) {
                node = node->children;
                continue;
            }
            leave(ctx, node);
        }
        while (node != root && !node->next) {
            node = node->parent;
            if (node != root)
                leave(ctx, node);
        }
        node = node == root ? NULL : node->next;
    }
}

typedef struct {
    bool (*is_table)(const xmlNode *node);
    xmlNode **open; /* the tables the walk is inside, innermost last */
    size_t depth, cap;
    bool ok;
} marking;

static bool mark_enter(void *ctx, xmlNode *node)
{
    marking *m = ctx;
    if (node->type != XML_ELEMENT_NODE || !m->is_table(node))
        return node->type == XML_ELEMENT_NODE;
    node->_private = NULL;
    if (m->depth > 0)
        m->open[m->depth - 1]->_private = CF_XML_LAYOUT_TABLE;
    if (!cf_reserve_one(&m->open, m->depth, &m->cap, sizeof *m->open, 16)) {
        m->ok = false;
        return false; /* not entered, so never left: the stack stays true */
    }
    m->open[m->depth++] = node;
    return true;
}

static void mark_leave(void *ctx, xmlNode *node)
{
    marking *m = ctx;
    if (m->depth > 0 && m->open[m->depth - 1] == node)
        m->depth--;
}

bool cf_xml_mark_layout_tables(xmlNode *root, bool (*is_table)(const xmlNode *node))
{
    marking m = {is_table, NULL, 0, 0, true};
    cf_xml_walk(root, mark_enter, mark_leave, &m);
    cf_free(m.open);
    return m.ok;
}
