/* SPDX-License-Identifier: GPL-3.0-or-later */
/* theme.c — colour themes from YAML (libyaml): each role gets colours for 256- and
 * 8-colour terminals and attributes for monochrome ones. The format is described in
 * themes/default.yaml. */
#include "theme.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "alloc.h"
#include "buf.h"
#include "fileio.h"
#include "yamldoc.h"
#include "i18n.h"

/* A theme file larger than this is not a theme. */
#define THEME_MAX_BYTES (1u << 20)

struct cf_theme {
    char *name;
    cf_role_style styles[CF_ROLE_COUNT];
};

/* The themes built in by the Makefile (generated assembly, one entry a file). */
typedef struct {
    const char *name, *data, *end;
} builtin_entry;
extern const builtin_entry cf_builtin_themes[];
extern const size_t cf_builtin_themes_count;

static const char *const ROLE_NAMES[CF_ROLE_COUNT] = {
    [CF_ROLE_NORMAL] = "normal",
    [CF_ROLE_BROKEN] = "broken",
    [CF_ROLE_MISSING] = "missing",
    [CF_ROLE_NA] = "na",
    [CF_ROLE_CORRECTED] = "corrected",
    [CF_ROLE_CONFIRMED] = "confirmed",
    [CF_ROLE_NOTE] = "note",
    [CF_ROLE_CURSOR] = "cursor",
    [CF_ROLE_RULE] = "rule",
    [CF_ROLE_HEADER] = "header",
    [CF_ROLE_LABEL] = "label",
    [CF_ROLE_RAW] = "raw",
    [CF_ROLE_RAW_HIGHLIGHT] = "raw_highlight",
    [CF_ROLE_LINE_NUMBER] = "line_number",
    [CF_ROLE_CONTROL] = "control",
    [CF_ROLE_STATUS] = "status",
    [CF_ROLE_DETAIL] = "detail",
    [CF_ROLE_TAB] = "tab",
    [CF_ROLE_TAB_ACTIVE] = "tab_active",
    [CF_ROLE_MESSAGE] = "message",
    [CF_ROLE_ERROR] = "error",
    [CF_ROLE_SEARCH] = "search",
};

/* In the terminals' order, so that the index is the colour number. */
static const char *const COLOR_NAMES[8] = {"black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"};

static const struct {
    const char *name;
    unsigned bit;
} ATTR_NAMES[] = {
    {"bold", CF_ATTR_BOLD},       {"underline", CF_ATTR_UNDERLINE}, {"reverse", CF_ATTR_REVERSE},
    {"dim", CF_ATTR_DIM},         {"italic", CF_ATTR_ITALIC},
};

const char *cf_role_name(cf_role role)
{
    return (unsigned)role < CF_ROLE_COUNT ? ROLE_NAMES[role] : NULL;
}

int cf_role_from_name(const char *name)
{
    for (int r = 0; name && r < CF_ROLE_COUNT; r++)
        if (strcmp(ROLE_NAMES[r], name) == 0)
            return r;
    return -1;
}

/* ---- loading ---- */

typedef cf_yaml_reader loader;

static const char *text_of(const yaml_node_t *n) { return (const char *)n->data.scalar.value; }

static yaml_node_t *map_get(loader *ld, yaml_node_t *map, const char *key) { return cf_yaml_get(ld->doc, map, key); }

/* The entries of a list; a single scalar counts as a list of one and an empty value
 * (`mono:`) as an empty list, so that `attrs: bold` reads as it looks. */
static bool entries_of(loader *ld, yaml_node_t *n, const char *key, yaml_node_item_t **first, size_t *count,
                       yaml_node_item_t *single)
{
    if (n->type == YAML_SEQUENCE_NODE) {
        *first = n->data.sequence.items.start;
        *count = (size_t)(n->data.sequence.items.top - n->data.sequence.items.start);
        return true;
    }
    if (n->type == YAML_SCALAR_NODE) {
        *single = (yaml_node_item_t)(n - ld->doc->nodes.start) + 1;
        *first = single;
        *count = n->data.scalar.length == 0 && n->data.scalar.style == YAML_PLAIN_SCALAR_STYLE ? 0 : 1;
        return true;
    }
    return cf_yaml_fail(ld, n, _("'%s' must be a list"), key);
}

/* The nearest of the eight colours to a 256-colour number, for a theme that names
 * only the number. Greys become the terminal's own colours: the nearest of black and
 * white could be the terminal's background and hide the text. */
static int nearest_color8(int c)
{
    if (c < 16)
        return c % 8;
    if (c == 16)
        return 0;
    if (c == 231)
        return 7;
    if (c > 231)
        return CF_COLOR_DEFAULT;
    int i = c - 16, r = i / 36, g = i / 6 % 6, b = i % 6;
    int lo = r < g ? (r < b ? r : b) : (g < b ? g : b);
    r -= lo, g -= lo, b -= lo;
    int hi = r > g ? (r > b ? r : b) : (g > b ? g : b);
    if (hi == 0)
        return CF_COLOR_DEFAULT;
    /* A component counts when it is more than half the strongest (bit 0 red, 1 green, 2 blue). */
    return (r * 2 > hi ? 1 : 0) | (g * 2 > hi ? 2 : 0) | (b * 2 > hi ? 4 : 0);
}

/* fg or bg: the first number is the 256-colour value, the first name the 8-colour one;
 * either stands in for the other when it is the only kind given. */
static bool load_colors(loader *ld, yaml_node_t *n, const char *key, int *c256, int *c8)
{
    yaml_node_item_t *first, single;
    size_t count;
    if (!entries_of(ld, n, key, &first, &count, &single))
        return false;
    if (count == 0)
        return cf_yaml_fail(ld, n, _("'%s' needs at least one colour"), key);
    bool have256 = false, have8 = false;
    for (size_t i = 0; i < count; i++) {
        yaml_node_t *v = yaml_document_get_node(ld->doc, first[i]);
        if (!v || v->type != YAML_SCALAR_NODE)
            return cf_yaml_fail(ld, v, _("every colour of '%s' must be a number or a name"), key);
        const char *s = text_of(v);
        if ((s[0] >= '0' && s[0] <= '9') || s[0] == '-' || s[0] == '+') {
            char *end;
            errno = 0;
            long num = strtol(s, &end, 10);
            if (*end)
                return cf_yaml_fail(ld, v, _("colour '%s' is not a number"), s);
            if (errno || num < 0 || num > 255)
                return cf_yaml_fail(ld, v, _("colour %s is out of range (0–255)"), s);
            if (!have256)
                *c256 = (int)num;
            have256 = true;
            continue;
        }
        int named = -2;
        if (strcmp(s, "default") == 0)
            named = CF_COLOR_DEFAULT;
        for (int c = 0; c < 8; c++)
            if (strcmp(s, COLOR_NAMES[c]) == 0)
                named = c;
        if (named == -2)
            return cf_yaml_fail(ld, v,
                        _("unknown colour '%s': use 0–255, default, black, red, green, yellow, blue, magenta, "
                        "cyan or white"),
                        s);
        if (!have8)
            *c8 = named;
        have8 = true;
    }
    if (!have8)
        *c8 = nearest_color8(*c256);
    if (!have256)
        *c256 = *c8;
    return true;
}

static bool load_attrs(loader *ld, yaml_node_t *n, const char *key, unsigned *out)
{
    yaml_node_item_t *first, single;
    size_t count;
    if (!entries_of(ld, n, key, &first, &count, &single))
        return false;
    *out = 0;
    for (size_t i = 0; i < count; i++) {
        yaml_node_t *v = yaml_document_get_node(ld->doc, first[i]);
        if (!v || v->type != YAML_SCALAR_NODE)
            return cf_yaml_fail(ld, v, _("every entry of '%s' must be an attribute name"), key);
        unsigned bit = 0;
        for (size_t a = 0; a < sizeof ATTR_NAMES / sizeof *ATTR_NAMES; a++)
            if (strcmp(text_of(v), ATTR_NAMES[a].name) == 0)
                bit = ATTR_NAMES[a].bit;
        if (!bit)
            return cf_yaml_fail(ld, v, _("unknown attribute '%s': use bold, underline, reverse, dim or italic"), text_of(v));
        *out |= bit;
    }
    return true;
}

/* One role's style; what it does not say is taken from base (the theme's normal text). */
static bool load_style(loader *ld, yaml_node_t *node, const cf_role_style *base, cf_role_style *out)
{
    static const char *const keys[] = {"fg", "bg", "attrs", "mono", NULL};
    if (node->type != YAML_MAPPING_NODE)
        return cf_yaml_fail(ld, node, _("a role must be a mapping of fg, bg, attrs and mono"), NULL);
    if (!cf_yaml_known_keys(ld, node, keys))
        return false;
    *out = *base;
    yaml_node_t *n;
    if ((n = map_get(ld, node, "fg")) && !load_colors(ld, n, "fg", &out->fg256, &out->fg8))
        return false;
    if ((n = map_get(ld, node, "bg")) && !load_colors(ld, n, "bg", &out->bg256, &out->bg8))
        return false;
    if ((n = map_get(ld, node, "attrs")) && !load_attrs(ld, n, "attrs", &out->attrs))
        return false;
    if ((n = map_get(ld, node, "mono")) && !load_attrs(ld, n, "mono", &out->mono))
        return false;
    return true;
}

static bool load_roles(loader *ld, cf_theme *theme, yaml_node_t *roles)
{
    if (roles->type != YAML_MAPPING_NODE)
        return cf_yaml_fail(ld, roles, _("'roles' must be a mapping of role names to styles"), NULL);
    const cf_role_style plain = {CF_COLOR_DEFAULT, CF_COLOR_DEFAULT, CF_COLOR_DEFAULT, CF_COLOR_DEFAULT, 0, 0};
    yaml_node_t *by_role[CF_ROLE_COUNT] = {0};
    for (yaml_node_pair_t *p = roles->data.mapping.pairs.start; p < roles->data.mapping.pairs.top; p++) {
        yaml_node_t *k = yaml_document_get_node(ld->doc, p->key);
        if (!k || k->type != YAML_SCALAR_NODE)
            return cf_yaml_fail(ld, k, _("a role name must be plain text"), NULL);
        int r = cf_role_from_name(text_of(k));
        if (r < 0) {
            char msg[400];
            int used = snprintf(msg, sizeof msg, _("unknown role '%.60s': the roles are"), text_of(k));
            for (int i = 0; i < CF_ROLE_COUNT && used > 0 && (size_t)used < sizeof msg; i++)
                used += snprintf(msg + used, sizeof msg - (size_t)used, "%s %s", i ? "," : "", ROLE_NAMES[i]);
            return cf_yaml_fail(ld, k, "%s", msg);
        }
        if (by_role[r])
            return cf_yaml_fail(ld, k, _("role '%s' is given twice"), text_of(k));
        by_role[r] = yaml_document_get_node(ld->doc, p->value);
    }
    /* Normal first, wherever the file puts it: every other role starts from it. */
    theme->styles[CF_ROLE_NORMAL] = plain;
    if (by_role[CF_ROLE_NORMAL] && !load_style(ld, by_role[CF_ROLE_NORMAL], &plain, &theme->styles[CF_ROLE_NORMAL]))
        return false;
    for (int r = 1; r < CF_ROLE_COUNT; r++) {
        theme->styles[r] = theme->styles[CF_ROLE_NORMAL];
        if (by_role[r] && !load_style(ld, by_role[r], &theme->styles[CF_ROLE_NORMAL], &theme->styles[r]))
            return false;
    }
    return true;
}

static bool load_root(loader *ld, void *target, yaml_node_t *root)
{
    cf_theme *theme = target;
    static const char *const keys[] = {"name", "description", "roles", NULL};
    if (!root || root->type != YAML_MAPPING_NODE)
        return cf_yaml_fail(ld, root, _("a theme must be a mapping with name and roles"), NULL);
    if (!cf_yaml_known_keys(ld, root, keys))
        return false;
    yaml_node_t *name = map_get(ld, root, "name");
    yaml_node_t *description = map_get(ld, root, "description");
    yaml_node_t *roles = map_get(ld, root, "roles");
    if (!name)
        return cf_yaml_fail(ld, root, _("missing 'name'"), NULL);
    if (name->type != YAML_SCALAR_NODE || name->data.scalar.length == 0)
        return cf_yaml_fail(ld, name, _("'name' must be text"), NULL);
    if (description && description->type != YAML_SCALAR_NODE)
        return cf_yaml_fail(ld, description, _("'description' must be text"), NULL);
    if (!(theme->name = cf_strdup(text_of(name))))
        return cf_yaml_nomem(ld);
    if (!roles)
        return cf_yaml_fail(ld, root, _("missing 'roles'"), NULL);
    return load_roles(ld, theme, roles);
}

cf_status cf_theme_parse(const char *name, const char *yaml, size_t len, cf_theme **out, cf_error *err)
{
    *out = NULL;
    cf_theme *theme = cf_calloc(1, sizeof *theme);
    if (!theme)
        return cf_error_nomem(err, name);
    cf_status st = cf_yaml_load(name, yaml, len, CF_ERR_TEMPLATE, _("the theme file is empty"), load_root, theme, err);
    if (st != CF_OK) {
        cf_theme_free(theme);
        return st;
    }
    *out = theme;
    return CF_OK;
}

/* ---- finding ---- */

/* Read and parse a theme file; *absent tells a file that is not there (which lets a
 * built-in through) from one that cannot be read (which must be reported). */
static cf_status load_file(const char *path, cf_theme **out, cf_error *err, bool *absent)
{
    cf_buf b;
    cf_buf_init(&b);
    cf_status st = cf_file_read(path, N_("theme"), THEME_MAX_BYTES, &b, absent, err);
    if (st == CF_OK)
        st = cf_theme_parse(path, b.data, b.len, out, err);
    cf_buf_release(&b);
    return st;
}

/* Where a user's theme of that name would be, following the XDG base directories
 * (a relative $XDG_CONFIG_HOME is ignored, as the specification says). Empty when
 * there is no home folder; false when memory runs out. */
static bool user_theme_path(const char *name, cf_buf *path)
{
    const char *xdg = getenv("XDG_CONFIG_HOME");
    if (xdg && xdg[0] == '/')
        return cf_buf_printf(path, "%s/crossfoot/themes/%s.yaml", xdg, name);
    const char *home = getenv("HOME");
    if (!home || !home[0])
        return true;
    return cf_buf_printf(path, "%s/.config/crossfoot/themes/%s.yaml", home, name);
}

cf_status cf_theme_find(const char *name, cf_theme **out, cf_error *err)
{
    *out = NULL;
    bool absent;
    if (!name || !name[0])
        name = "default";
    if (strchr(name, '/'))
        return load_file(name, out, err, &absent);
    if (name[0] == '.')
        return cf_error_set(err, CF_ERR_USAGE, NULL, 0, 0, _("'%s' is not a theme name"), name);
    cf_buf path;
    cf_buf_init(&path);
    if (!user_theme_path(name, &path))
        return cf_error_nomem(err, NULL);
    if (path.len) {
        cf_status st = load_file(path.data, out, err, &absent);
        if (!absent) {
            cf_buf_release(&path);
            return st;
        }
        cf_error_clear(err);
    }
    cf_buf_release(&path);
    return cf_theme_builtin(name, out, err);
}

cf_status cf_theme_builtin(const char *name, cf_theme **out, cf_error *err)
{
    *out = NULL;
    if (!name || !name[0])
        name = "default";
    for (size_t i = 0; i < cf_builtin_themes_count; i++) {
        const builtin_entry *e = &cf_builtin_themes[i];
        if (strcmp(e->name, name) == 0) {
            char label[160];
            snprintf(label, sizeof label, "(built-in) %s.yaml", e->name);
            return cf_theme_parse(label, e->data, (size_t)(e->end - e->data), out, err);
        }
    }
    cf_buf known;
    cf_buf_init(&known);
    bool ok = true;
    for (size_t i = 0; i < cf_builtin_themes_count && ok; i++)
        ok = cf_buf_printf(&known, "%s%s", i ? ", " : "", cf_builtin_themes[i].name);
    cf_status st = ok ? cf_error_set(err, CF_ERR_USAGE, NULL, 0, 0,
                                     _("no theme '%s': the built-in themes are %s (a theme file is given by "
                                     "its path, e.g. ./%s.yaml, or goes in ~/.config/crossfoot/themes/)"),
                                     name, known.data ? known.data : "none", name)
                      : cf_error_nomem(err, NULL);
    cf_buf_release(&known);
    return st;
}

void cf_theme_free(cf_theme *theme)
{
    if (!theme)
        return;
    cf_free(theme->name);
    cf_free(theme);
}

const char *cf_theme_name(const cf_theme *theme) { return theme->name; }

const cf_role_style *cf_theme_style(const cf_theme *theme, cf_role role)
{
    return &theme->styles[(unsigned)role < CF_ROLE_COUNT ? role : CF_ROLE_NORMAL];
}

/* The embedded table holds each name inside a {name, data, end} entry, so a list of
 * names has to be gathered once. It is filled exactly once (pthread_once) and never
 * changes after, so it is a constant of the binary rather than state. */
#define MAX_BUILTIN_THEMES 32
static const char *builtin_names[MAX_BUILTIN_THEMES + 1];
static pthread_once_t builtin_names_once = PTHREAD_ONCE_INIT;

static void gather_builtin_names(void)
{
    size_t n = cf_builtin_themes_count < MAX_BUILTIN_THEMES ? cf_builtin_themes_count : MAX_BUILTIN_THEMES;
    for (size_t i = 0; i < n; i++)
        builtin_names[i] = cf_builtin_themes[i].name;
    builtin_names[n] = NULL;
}

const char *const *cf_theme_builtin_names(void)
{
    pthread_once(&builtin_names_once, gather_builtin_names);
    return builtin_names;
}
