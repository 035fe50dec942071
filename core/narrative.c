/* SPDX-License-Identifier: GPL-3.0-or-later */
/* narrative.c — prose claims against the tables. */
#include "narrative.h"

#include <ctype.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "normalize.h"
#include "i18n.h"


/* Does s[0..len) hold needle? Candidates by its last byte: in UTF-8 Chinese a character's last
 * byte is one of 64 continuation bytes, its first nearly always one of a few lead bytes (0xE4
 * alone starts a fifth of all ideographs), so a search by the first stopped at every few characters. */
static bool holds(const char *s, size_t len, const char *needle)
{
    size_t n = strlen(needle);
    if (n == 0 || n > len)
        return false;
    for (const char *p = s + n - 1; (p = memchr(p, needle[n - 1], len - (size_t)(p - s))) != NULL; p++)
        if (memcmp(p - (n - 1), needle, n) == 0)
            return true;
    return false;
}

/* The claims' suffixes ("件", "起"), each once; false when a pattern has none, for then
 * no line can be ruled out by them. */
static bool distinct_suffixes(const cf_template *tpl, const char **out, size_t *count, size_t max)
{
    *count = 0;
    for (size_t c = 0; c < cf_template_narrative_count(tpl); c++) {
        const cf_narrative_def *nd = cf_template_narrative(tpl, c);
        for (size_t p = 0; p < nd->pattern_count; p++) {
            if (!nd->suffixes[p][0])
                return false;
            bool known = false;
            for (size_t i = 0; i < *count; i++)
                known |= strcmp(out[i], nd->suffixes[p]) == 0;
            if (!known && *count == max)
                return false;
            if (!known)
                out[(*count)++] = nd->suffixes[p];
        }
    }
    return true;
}

/* A line can hold a claim only if it holds one of the suffixes as printed: most lines of
 * a long report are ruled out before they are normalised. */
static bool may_hold_claim(const char *const *suffixes, size_t count, const char *line, size_t len)
{
    for (size_t i = 0; i < count; i++)
        if (holds(line, len, suffixes[i]))
            return true;
    return false;
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
    const char *suffixes[16];
    size_t nsuffixes;
    bool filter = distinct_suffixes(tpl, suffixes, &nsuffixes, 16);
    cf_status st = CF_OK;
    for (size_t line = 0; st == CF_OK && line < cf_text_line_count(text); line++) {
        size_t len;
        const char *src = cf_text_line(text, line, &len);
        if (filter && !may_hold_claim(suffixes, nsuffixes, src, len))
            continue;
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
