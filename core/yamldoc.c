/* SPDX-License-Identifier: GPL-3.0-or-later */
/* yamldoc.c — loading YAML documents and reading their mappings (libyaml). */
#include "yamldoc.h"
#include "i18n.h"

#include <stdio.h>
#include <string.h>

#include "i18n.h"

cf_status cf_yaml_scan(const char *name, const char *text, size_t len, cf_status code, bool refuse_aliases,
                       size_t max_events, cf_error *err)
{
    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser))
        return cf_error_nomem(err, name);
    yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
    cf_status st = CF_OK;
    int depth = 0;
    for (size_t events = 0; st == CF_OK; events++) {
        yaml_event_t ev;
        if (!yaml_parser_parse(&parser, &ev)) {
            st = cf_error_set(err, code, name, (long)parser.problem_mark.line + 1, (long)parser.problem_mark.column + 1,
                              _("not valid YAML: %s"), parser.problem ? parser.problem : _("unknown error"));
            break;
        }
        long line = (long)ev.start_mark.line + 1, column = (long)ev.start_mark.column + 1;
        bool anchored = (ev.type == YAML_SCALAR_EVENT && ev.data.scalar.anchor) ||
                        (ev.type == YAML_MAPPING_START_EVENT && ev.data.mapping_start.anchor) ||
                        (ev.type == YAML_SEQUENCE_START_EVENT && ev.data.sequence_start.anchor);
        depth += ev.type == YAML_MAPPING_START_EVENT || ev.type == YAML_SEQUENCE_START_EVENT;
        depth -= ev.type == YAML_MAPPING_END_EVENT || ev.type == YAML_SEQUENCE_END_EVENT;
        if (depth > CF_YAML_MAX_DEPTH)
            st = cf_error_set(err, code, name, line, column, _("nested more than %d levels deep"), CF_YAML_MAX_DEPTH);
        else if (refuse_aliases && (ev.type == YAML_ALIAS_EVENT || anchored))
            st = cf_error_set(err, code, name, line, column, "%s", _("anchors and aliases are not allowed in a review file"));
        else if (max_events && events >= max_events)
            st = cf_error_set(err, CF_ERR_LIMIT, name, line, 0, "%s", _("review file is too large"));
        bool end = ev.type == YAML_STREAM_END_EVENT;
        yaml_event_delete(&ev);
        if (end)
            break;
    }
    yaml_parser_delete(&parser);
    return st;
}

cf_status cf_yaml_parse(const char *name, const char *text, size_t len, cf_status code, yaml_document_t *doc,
                        cf_error *err)
{
    cf_status scanned = cf_yaml_scan(name, text, len, code, false, 0, err);
    if (scanned != CF_OK)
        return scanned;
    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser))
        return cf_error_nomem(err, name);
    yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
    cf_status st = CF_OK;
    if (!yaml_parser_load(&parser, doc))
        st = cf_error_set(err, code, name, (long)parser.problem_mark.line + 1, (long)parser.problem_mark.column + 1,
                          _("not valid YAML: %s"), parser.problem ? parser.problem : _("unknown error"));
    yaml_parser_delete(&parser);
    return st;
}

yaml_node_t *cf_yaml_get(yaml_document_t *doc, yaml_node_t *map, const char *key)
{
    if (!map || map->type != YAML_MAPPING_NODE)
        return NULL;
    for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
        yaml_node_t *k = yaml_document_get_node(doc, p->key);
        if (k && k->type == YAML_SCALAR_NODE && strcmp((const char *)k->data.scalar.value, key) == 0)
            return yaml_document_get_node(doc, p->value);
    }
    return NULL;
}

bool cf_yaml_fail(cf_yaml_reader *rd, const yaml_node_t *node, const char *fmt, const char *arg)
{
    if (rd->status == CF_OK) {
        char msg[480];
        snprintf(msg, sizeof msg, fmt, arg ? arg : "");
        rd->status = cf_error_set(rd->err, rd->code, rd->name, node ? (long)node->start_mark.line + 1 : 0,
                                  node ? (long)node->start_mark.column + 1 : 0, "%s", msg);
    }
    return false;
}

bool cf_yaml_nomem(cf_yaml_reader *rd)
{
    if (rd->status == CF_OK)
        rd->status = cf_error_nomem(rd->err, rd->name);
    return false;
}

bool cf_yaml_known_keys(cf_yaml_reader *rd, yaml_node_t *map, const char *const *keys)
{
    for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
        yaml_node_t *k = yaml_document_get_node(rd->doc, p->key);
        if (!k || k->type != YAML_SCALAR_NODE)
            return cf_yaml_fail(rd, k, _("a key must be plain text"), NULL);
        const char *key = (const char *)k->data.scalar.value;
        bool ok = false;
        for (size_t i = 0; keys[i]; i++)
            ok |= strcmp(key, keys[i]) == 0;
        if (!ok)
            return cf_yaml_fail(rd, k, _("unknown key '%s'"), key);
        for (yaml_node_pair_t *q = map->data.mapping.pairs.start; q < p; q++) {
            yaml_node_t *prev = yaml_document_get_node(rd->doc, q->key);
            if (prev && prev->type == YAML_SCALAR_NODE && strcmp((const char *)prev->data.scalar.value, key) == 0)
                return cf_yaml_fail(rd, k, _("key '%s' is given twice"), key);
        }
    }
    return true;
}

cf_status cf_yaml_load(const char *name, const char *text, size_t len, cf_status code, const char *empty_message,
                       cf_yaml_root_loader load, void *target, cf_error *err)
{
    yaml_document_t doc;
    cf_status st = cf_yaml_parse(name, text, len, code, &doc, err);
    if (st != CF_OK)
        return st;
    cf_yaml_reader rd = {name, &doc, err, code, CF_OK};
    yaml_node_t *root = yaml_document_get_root_node(&doc);
    if (!root)
        cf_yaml_fail(&rd, NULL, empty_message, NULL);
    else
        load(&rd, target, root);
    yaml_document_delete(&doc);
    return rd.status;
}
