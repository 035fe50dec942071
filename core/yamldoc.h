/* SPDX-License-Identifier: GPL-3.0-or-later */
/* yamldoc.h — what every YAML reader of core/ (templates, themes, review files) shares:
 * loading a document with an error that names the line, and looking a key up in a mapping. */
#ifndef CF_YAMLDOC_H
#define CF_YAMLDOC_H

#include <stdbool.h>
#include <stddef.h>
#include <yaml.h>

#include "error.h"

/* Deepest nesting of mappings and lists a YAML file of crossfoot's may have. */
#define CF_YAML_MAX_DEPTH 64

/* Read text's events without building a document: CF_OK, or code (CF_ERR_LIMIT for the count)
 * with the line and column of bad YAML, of nesting deeper than CF_YAML_MAX_DEPTH, of an anchor
 * or alias when refuse_aliases, of the event after max_events (0: no limit). */
cf_status cf_yaml_scan(const char *name, const char *text, size_t len, cf_status code, bool refuse_aliases,
                       size_t max_events, cf_error *err);
/* Parse text (name is for messages) into doc, which the caller deletes with
 * yaml_document_delete. On bad YAML, or nesting deeper than CF_YAML_MAX_DEPTH, returns code
 * with the line and column. */
cf_status cf_yaml_parse(const char *name, const char *text, size_t len, cf_status code, yaml_document_t *doc,
                        cf_error *err);
/* The value of key in map (a mapping node), or NULL when absent or map is not a mapping. */
yaml_node_t *cf_yaml_get(yaml_document_t *doc, yaml_node_t *map, const char *key);

/* One document being read: the first error met is the one kept and reported. */
typedef struct {
    const char *name;     /* the file, for messages */
    yaml_document_t *doc;
    cf_error *err;
    cf_status code;       /* what a content error is reported as */
    cf_status status;     /* CF_OK until the first error */
} cf_yaml_reader;

/* Record an error at node (fmt has at most one %s, filled by arg); returns false so
 * callers can `return cf_yaml_fail(...)`. Only the first error is kept. */
bool cf_yaml_fail(cf_yaml_reader *rd, const yaml_node_t *node, const char *fmt, const char *arg);
/* Record running out of memory; returns false. */
bool cf_yaml_nomem(cf_yaml_reader *rd);
/* Check that a mapping has only the keys listed (NULL-terminated), each once, all plain
 * text: a misspelt key must not pass silently. */
bool cf_yaml_known_keys(cf_yaml_reader *rd, yaml_node_t *map, const char *const *keys);

/* Parse text and hand its root to load, which fills target; an empty document is
 * reported as empty_message. Returns the first error load recorded, or CF_OK. */
typedef bool (*cf_yaml_root_loader)(cf_yaml_reader *rd, void *target, yaml_node_t *root);
cf_status cf_yaml_load(const char *name, const char *text, size_t len, cf_status code, const char *empty_message,
                       cf_yaml_root_loader load, void *target, cf_error *err);

#endif
