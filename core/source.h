/* SPDX-License-Identifier: GPL-3.0-or-later */
/* source.h — text a person hands crossfoot that goes into a review: an edits file, the command
 * line, the config file. Each source is one encoding, decided once for the whole source:
 * UTF-8 when all of it is valid UTF-8, GB18030 when it is not UTF-8 but decodes as GB18030,
 * refused otherwise. A line cut inside a character is refused, never decoded as something
 * else. What comes out is valid UTF-8. */
#ifndef CF_SOURCE_H
#define CF_SOURCE_H

#include <stddef.h>

#include "error.h"

typedef enum { CF_SOURCE_UNDECIDED, CF_SOURCE_UTF8, CF_SOURCE_GB18030 } cf_source_encoding;

/* One source; the caller owns it (cf_source_init, no release). name is for messages and must
 * outlive it. */
typedef struct {
    const char *name;
    cf_source_encoding encoding;
    long decided_at; /* the line that decided it, 0 when the whole source did */
} cf_source;

void cf_source_init(cf_source *src, const char *name);
/* Decide the encoding from all of the source's bytes. CF_ERR_INPUT naming the first line that
 * is neither UTF-8 nor GB18030, or the line that shows the source mixes the two. (A UTF-8 line
 * cut inside its last character does not decide: cf_source_line refuses it.) */
cf_status cf_source_decide(cf_source *src, const char *bytes, size_t len, cf_error *err);
/* Line number line of the source (len bytes, no line break) as UTF-8 in *out (caller frees).
 * A source not yet decided is decided by its first line that is not ASCII (a stream cannot be
 * read to its end first). CF_ERR_INPUT when the line is cut inside a character, is not in the
 * source's encoding or is in the other one; CF_ERR_NOMEM. */
cf_status cf_source_line(cf_source *src, long line, const char *bytes, size_t len, char **out, cf_error *err);
/* The encoding's name for messages: "UTF-8", "GB18030", or "" while undecided. */
const char *cf_source_encoding_name(const cf_source *src);

#endif
