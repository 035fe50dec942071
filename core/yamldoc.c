/* yamldoc.c — loading YAML documents and reading their mappings (libyaml). */
#include "yamldoc.h"

#include <string.h>

cf_status cf_yaml_parse(const char *name, const char *text, size_t len, cf_status code, yaml_document_t *doc,
                        cf_error *err)
{
    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser))
        return cf_error_nomem(err, name);
    yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
    cf_status st = CF_OK;
    if (!yaml_parser_load(&parser, doc))
        st = cf_error_set(err, code, name, (long)parser.problem_mark.line + 1, (long)parser.problem_mark.column + 1,
                          "not valid YAML: %s", parser.problem ? parser.problem : "unknown error");
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
