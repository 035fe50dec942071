/* SPDX-License-Identifier: GPL-3.0-or-later */
/* narrative.c — prose claims against the tables. */
#include "narrative.h"

#include <ctype.h>
#include <stdint.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "normalize.h"
#include "i18n.h"


/* A claim's suffix ("件", "起") and its first place at or after the last line asked about. */
typedef struct {
    const char *text;
    size_t len;
    size_t next; /* byte offset in the text, SIZE_MAX when it is printed no further on */
} claim_suffix;

/* The first place at or after from where needle (n bytes) is printed in data, or SIZE_MAX.
 * Candidates by its last byte: in UTF-8 Chinese a character's last byte is one of 64 continuation
 * bytes, its first nearly always one of a few lead bytes (0xE4 alone starts a fifth of all
 * ideographs), so a search by the first stopped at every few characters. */
static size_t find_from(const char *data, size_t size, size_t from, const char *needle, size_t n)
{
    if (n > size || from > size - n)
        return SIZE_MAX;
    const char *end = data + size;
    for (const char *p = data + from + n - 1; (p = memchr(p, needle[n - 1], (size_t)(end - p))) != NULL; p++)
        if (memcmp(p - (n - 1), needle, n) == 0)
            return (size_t)(p - (n - 1) - data);
    return SIZE_MAX;
}

/* The claims' suffixes, each once, with their first places in the text; false when a pattern has
 * none (or one holds a line break), for then no line can be ruled out by them. */
static bool distinct_suffixes(const cf_template *tpl, const cf_text *text, claim_suffix *out, size_t *count,
                              size_t max)
{
    *count = 0;
    for (size_t c = 0; c < cf_template_narrative_count(tpl); c++) {
        const cf_narrative_def *nd = cf_template_narrative(tpl, c);
        for (size_t p = 0; p < nd->pattern_count; p++) {
            const char *s = nd->suffixes[p];
            if (!s[0] || strpbrk(s, "\r\n"))
                return false;
            bool known = false;
            for (size_t i = 0; i < *count; i++)
                known |= strcmp(out[i].text, s) == 0;
            if (!known && *count == max)
                return false;
            if (!known) {
                size_t len = strlen(s);
                out[(*count)++] =
                    (claim_suffix){s, len, find_from(cf_text_data(text), cf_text_size(text), 0, s, len)};
            }
        }
    }
    return true;
}

/* The first line from `line` on that holds one of the suffixes as printed, or the line count:
 * most lines of a long report are ruled out before they are normalised. Each suffix is looked for
 * in the whole text from where it was last found, not line by line (a place holds no line break,
 * so it lies inside one line). */
static size_t next_claim_line(const cf_text *text, claim_suffix *suffixes, size_t count, size_t line)
{
    size_t start = cf_text_line_offset(text, line), first = SIZE_MAX;
    for (size_t i = 0; i < count; i++) {
        if (suffixes[i].next < start)
            suffixes[i].next =
                find_from(cf_text_data(text), cf_text_size(text), start, suffixes[i].text, suffixes[i].len);
        first = suffixes[i].next < first ? suffixes[i].next : first;
    }
    return first == SIZE_MAX ? cf_text_line_count(text) : cf_text_line_at(text, first);
}

static bool push(cf_narrative_finding **out, size_t *count, size_t *cap, const cf_narrative_finding *f)
{
    if (!cf_reserve_one(out, *count, cap, sizeof **out, 8))
        return false;
    (*out)[(*count)++] = *f;
    return true;
}

cf_status cf_narrative_check(const cf_text *text, const cf_template *tpl, const cf_cell *cells,
                             cf_narrative_finding **out, size_t *count, cf_error *err)
{
    *out = NULL;
    *count = 0;
    size_t cap = 0;
    if (cf_template_narrative_count(tpl) == 0)
        return CF_OK;
    cf_norm_line norm;
    cf_norm_line_init(&norm);
    cf_buf key;
    cf_buf_init(&key);
    size_t *origin = NULL, origin_cap = 0; /* normalised offset of each key byte */
    claim_suffix suffixes[16];
    size_t nsuffixes;
    bool filter = distinct_suffixes(tpl, text, suffixes, &nsuffixes, 16);
    cf_status st = CF_OK;
    size_t lines = cf_text_line_count(text);
    for (size_t line = 0; st == CF_OK && line < lines; line++) {
        if (filter && (line = next_claim_line(text, suffixes, nsuffixes, line)) == lines)
            break;
        size_t len;
        const char *src = cf_text_line(text, line, &len);
        if (!cf_normalize_line(src, len, &norm)) {
            st = cf_error_nomem(err, cf_text_name(text));
            break;
        }
        /* the key: CJK and digits of the line, each byte remembering where it came from */
        key.len = 0;
        if (origin_cap < norm.len + 1) {
            size_t *grown = cf_realloc(origin, (norm.len + 1) * sizeof *grown);
            if (!grown) {
                st = cf_error_nomem(err, cf_text_name(text));
                break;
            }
            origin = grown;
            origin_cap = norm.len + 1;
        }
        if (!cf_compact_append_mapped(&key, norm.text, norm.len, origin)) {
            st = cf_error_nomem(err, cf_text_name(text));
            break;
        }
        if (st != CF_OK || key.len == 0)
            continue;
        for (size_t c = 0; c < cf_template_narrative_count(tpl); c++) {
            const cf_narrative_def *nd = cf_template_narrative(tpl, c);
            for (size_t p = 0; p < nd->pattern_count; p++) {
                const char *prefix = nd->prefixes[p], *suffix = nd->suffixes[p];
                size_t pl = strlen(prefix), sl = strlen(suffix);
                for (const char *hit = key.data; (hit = strstr(hit, prefix)) != NULL; hit++) {
                    size_t at = (size_t)(hit - key.data) + pl, d = at;
                    while (d < key.len && isdigit((unsigned char)key.data[d]))
                        d++;
                    if (d == at || d + sl > key.len || memcmp(key.data + d, suffix, sl) != 0)
                        continue;
                    /* a number run into other digits ("申请2022年…") is not a count */
                    cf_decimal stated;
                    if (cf_decimal_parse(key.data + at, d - at, &stated) != CF_DEC_OK)
                        continue;
                    cf_decimal table = cf_decimal_from_int(0);
                    bool comparable = true;
                    for (size_t k = 0; k < nd->cell_count && comparable; k++)
                        comparable = cf_cell_has_value(&cells[nd->cells[k]]) &&
                                     cf_decimal_add(table, cells[nd->cells[k]].value, &table);
                    if (!comparable || cf_decimal_cmp(stated, table) == 0)
                        continue;
                    cf_narrative_finding f = {c, line + 1, 0, 0, stated, table, NULL};
                    size_t base = cf_text_line_offset(text, line);
                    /* key bytes map to normalised bytes one to one, and those back to the source */
                    f.byte_start = base + norm.origin[origin[hit - key.data]];
                    f.byte_end = base + norm.origin[origin[d + sl - 1] + 1];
                    cf_buf msg;
                    cf_buf_init(&msg);
                    char a[32], b[32], label[256];
                    cf_template_cell_label(tpl, nd->cells[0], label, sizeof label);
                    bool ok = cf_buf_printf(&msg, _("line %zu says %s%s%s, but the table has %s (%s%s)"), f.line,
                                            prefix, cf_decimal_format(stated, a), suffix, cf_decimal_format(table, b),
                                            label, nd->cell_count > 1 ? _(" and more") : "");
                    f.message = cf_buf_take(&msg);
                    if (!ok || !f.message || !push(out, count, &cap, &f)) {
                        cf_free(f.message);
                        st = cf_error_nomem(err, cf_text_name(text));
                        break;
                    }
                }
                if (st != CF_OK)
                    break;
            }
        }
    }
    cf_free(origin);
    cf_buf_release(&key);
    cf_norm_line_release(&norm);
    if (st != CF_OK) {
        cf_narrative_findings_free(*out, *count);
        *out = NULL;
        *count = 0;
    }
    return st;
}

void cf_narrative_findings_free(cf_narrative_finding *findings, size_t count)
{
    for (size_t i = 0; findings && i < count; i++)
        cf_free(findings[i].message);
    cf_free(findings);
}
