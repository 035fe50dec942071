/* SPDX-License-Identifier: GPL-3.0-or-later */
/* script.c — key scripts for headless workbench runs. */
#include "script.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "i18n.h"
#include "buf.h"
#include "fileio.h"
#include "source.h"
#include "utf8.h"

typedef struct {
    int rc;
    unsigned ch;
} key;

struct ui_script {
    key *keys;
    size_t count, cap, next;
    long long *timings;
    bool *changed;
    size_t ntimings, timing_cap;
};

static const struct {
    const char *name;
    int rc;
    unsigned ch;
} NAMED[] = {{"Enter", OK, '\n'},         {"Esc", OK, 27},           {"Tab", OK, '\t'},
             {"Up", KEY_CODE_YES, KEY_UP}, {"Down", KEY_CODE_YES, KEY_DOWN}, {"Left", KEY_CODE_YES, KEY_LEFT},
             {"Right", KEY_CODE_YES, KEY_RIGHT}, {"PgUp", KEY_CODE_YES, KEY_PPAGE}, {"PgDn", KEY_CODE_YES, KEY_NPAGE},
             {"Home", KEY_CODE_YES, KEY_HOME}, {"End", KEY_CODE_YES, KEY_END}, {"BS", OK, 127},
             {"Del", KEY_CODE_YES, KEY_DC},    {"lt", OK, '<'}};

static bool push(ui_script *s, int rc, unsigned ch)
{
    if (!cf_reserve_one(&s->keys, s->count, &s->cap, sizeof *s->keys, 256))
        return false;
    s->keys[s->count++] = (key){rc, ch};
    return true;
}

/* One line of a script into keys; false with why filled on a bad name. */
static bool parse_line(ui_script *s, const char *line, size_t len, long lineno, char *why, size_t why_size)
{
    for (size_t i = 0; i < len;) {
        if (line[i] == '<') {
            const char *close = memchr(line + i, '>', len - i);
            size_t n = close ? (size_t)(close - line - i - 1) : 0;
            const char *name = line + i + 1;
            bool found = false;
            for (size_t k = 0; close && k < sizeof NAMED / sizeof *NAMED && !found; k++)
                if (strlen(NAMED[k].name) == n && memcmp(name, NAMED[k].name, n) == 0)
                    found = push(s, NAMED[k].rc, NAMED[k].ch) || (snprintf(why, why_size, _("out of memory")), false);
            if (!found && close && n == 3 && name[0] == 'C' && name[1] == '-' && name[2] >= 'a' && name[2] <= 'z')
                found = push(s, OK, (unsigned)(name[2] & 0x1F));
            if (!found) {
                snprintf(why, why_size, _("line %ld: unknown key <%.*s>"), lineno, (int)(close ? n : len - i - 1), name);
                return false;
            }
            i += n + 2;
            continue;
        }
        uint32_t cp;
        size_t n = cf_utf8_decode(line + i, len - i, &cp);
        if (n == 0) {
            snprintf(why, why_size, _("line %ld: not UTF-8"), lineno);
            return false;
        }
        if (!push(s, OK, cp)) {
            snprintf(why, why_size, _("out of memory"));
            return false;
        }
        i += n;
    }
    return true;
}

ui_script *ui_script_load(const char *path, char *why, size_t why_size)
{
    cf_buf text;
    cf_buf_init(&text);
    cf_error err;
    if (cf_file_read(path, N_("key script"), (size_t)64 << 20, &text, NULL, &err) != CF_OK) {
        cf_error_format(&err, why, why_size);
        cf_buf_release(&text);
        return NULL;
    }
    ui_script *s = cf_calloc(1, sizeof *s);
    long lineno = 0;
    bool ok = s != NULL || (snprintf(why, why_size, "%s", _("out of memory")), false);
    /* What the script types into prompts (notes, reasons) goes into the review: the script is
     * one source, UTF-8 or else GB18030 as a whole, and a line cut inside a character is refused. */
    cf_source src;
    cf_source_init(&src, path);
    if (ok && cf_source_decide(&src, text.data ? text.data : "", text.len, &err) != CF_OK) {
        cf_error_format(&err, why, why_size);
        ok = false;
    }
    for (const char *line = text.data; ok && line && *line;) {
        const char *nl = strchr(line, '\n');
        size_t len = nl ? (size_t)(nl - line) : strlen(line);
        lineno++;
        if (len > 0 && line[len - 1] == '\r')
            len--;
        char *utf8 = NULL;
        if (line[0] != '#' && cf_source_line(&src, lineno, line, len, &utf8, &err) != CF_OK) {
            cf_error_format(&err, why, why_size);
            ok = false;
        } else if (utf8)
            ok = parse_line(s, utf8, strlen(utf8), lineno, why, why_size);
        cf_free(utf8);
        line = nl ? nl + 1 : NULL;
    }
    cf_buf_release(&text);
    if (!ok) {
        ui_script_free(s);
        return NULL;
    }
    return s;
}

void ui_script_free(ui_script *script)
{
    if (!script)
        return;
    cf_free(script->keys);
    cf_free(script->timings);
    cf_free(script->changed);
    cf_free(script);
}

int ui_script_next(ui_script *s, unsigned *ch)
{
    if (s->next >= s->count)
        return ERR;
    *ch = s->keys[s->next].ch;
    return s->keys[s->next++].rc;
}

void ui_script_time(ui_script *s, long long ns, bool changed)
{
    if (s->ntimings == s->timing_cap) {
        size_t cap = s->timing_cap ? s->timing_cap * 2 : 1024;
        long long *grown = cf_realloc(s->timings, cap * sizeof *grown);
        if (grown)
            s->timings = grown;
        bool *grown_changed = cf_realloc(s->changed, cap * sizeof *grown_changed);
        if (grown_changed)
            s->changed = grown_changed;
        if (!grown || !grown_changed)
            return; /* a timing lost is not worth stopping the run */
        s->timing_cap = cap;
    }
    s->changed[s->ntimings] = changed;
    s->timings[s->ntimings++] = ns;
}

bool ui_script_write_timings(const ui_script *s, const char *path)
{
    FILE *f = fopen(path, "w");
    if (!f)
        return false;
    for (size_t i = 0; i < s->ntimings; i++)
        fprintf(f, "%lld %s\n", s->timings[i], s->changed[i] ? "change" : "view");
    return fclose(f) == 0;
}
