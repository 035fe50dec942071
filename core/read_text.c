/* SPDX-License-Identifier: GPL-3.0-or-later */
/* read_text.c — the reader of plain text reports (any encoding core/text.c decodes). */
#include "reader.h"

static bool sniff_text(const char *name, const char *bytes, size_t len) { return true; }

static cf_status read_text(const char *name, char **bytes, size_t len, cf_text **out, cf_error *err)
{
    return cf_text_from_buffer(name, bytes, len, out, err);
}

const cf_reader cf_reader_text = {"text", sniff_text, read_text, NULL};
