/* yamldoc.h — what every YAML reader of core/ (templates, themes, review files) shares:
 * loading a document with an error that names the line, and looking a key up in a mapping. */
#ifndef CF_YAMLDOC_H
#define CF_YAMLDOC_H

#include <stddef.h>
#include <yaml.h>

#include "error.h"

/* Parse text (name is for messages) into doc, which the caller deletes with
 * yaml_document_delete. On bad YAML returns code with the line and column. */
cf_status cf_yaml_parse(const char *name, const char *text, size_t len, cf_status code, yaml_document_t *doc,
                        cf_error *err);
/* The value of key in map (a mapping node), or NULL when absent or map is not a mapping. */
yaml_node_t *cf_yaml_get(yaml_document_t *doc, yaml_node_t *map, const char *key);

#endif
