/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Colour themes: the built-in files, fallback lists, user themes and errors. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "theme.h"

extern const size_t cf_builtin_themes_count;

static char dir[64];

/* A fresh, empty config folder, so that the tester's own themes never leak in. */
static void make_config(void)
{
    snprintf(dir, sizeof dir, "/tmp/cf-theme-XXXXXX");
    cr_assert_not_null(mkdtemp(dir));
    setenv("XDG_CONFIG_HOME", dir, 1);
}

static void remove_config(void)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    cr_assert_eq(system(cmd), 0);
}

/* Write text to dir/rel, making the folders on the way. Returns the full path. */
static const char *write_file(const char *rel, const char *text)
{
    static char path[256];
    char cmd[512];
    snprintf(path, sizeof path, "%s/%s", dir, rel);
    snprintf(cmd, sizeof cmd, "mkdir -p \"$(dirname %s)\"", path);
    cr_assert_eq(system(cmd), 0);
    FILE *f = fopen(path, "w");
    cr_assert_not_null(f);
    fputs(text, f);
    fclose(f);
    return path;
}

static cf_theme *find(const char *name)
{
    cf_theme *t = NULL;
    cf_error err;
    cf_error_clear(&err);
    char msg[1200];
    cf_status st = cf_theme_find(name, &t, &err);
    cf_error_format(&err, msg, sizeof msg);
    cr_assert_eq(st, CF_OK, "theme %s: %s", name, msg);
    return t;
}

static cf_theme *parse(const char *yaml)
{
    cf_theme *t = NULL;
    cf_error err;
    cf_error_clear(&err);
    char msg[1200];
    cf_status st = cf_theme_parse("inline.yaml", yaml, strlen(yaml), &t, &err);
    cf_error_format(&err, msg, sizeof msg);
    cr_assert_eq(st, CF_OK, "%s", msg);
    return t;
}

/* Parse a theme that must fail; the error is returned for inspection. */
static cf_error parse_error(const char *yaml)
{
    cf_theme *t = NULL;
    cf_error err;
    cf_error_clear(&err);
    cf_status st = cf_theme_parse("bad.yaml", yaml, strlen(yaml), &t, &err);
    cr_assert_neq(st, CF_OK, "parsed: %s", yaml);
    cr_assert_null(t);
    cr_assert_eq(err.code, st);
    cr_assert_str_eq(err.file, "bad.yaml");
    return err;
}

#define expect_error_at(yaml, want_line, needle)                                                         \
    do {                                                                                                 \
        cf_error e_ = parse_error(yaml);                                                                 \
        cr_expect_eq(e_.code, CF_ERR_TEMPLATE);                                                          \
        cr_expect_eq(e_.line, (want_line), "line %ld, want %d: %s", e_.line, (want_line), e_.message);   \
        cr_expect_not_null(strstr(e_.message, (needle)), "'%s' not in: %s", (needle), e_.message);      \
    } while (0)

static bool same_style(const cf_role_style *a, const cf_role_style *b)
{
    return a->fg256 == b->fg256 && a->bg256 == b->bg256 && a->fg8 == b->fg8 && a->bg8 == b->bg8 &&
           a->attrs == b->attrs && a->mono == b->mono;
}

TestSuite(theme, .init = make_config, .fini = remove_config);

Test(theme, role_names_round_trip)
{
    for (int r = 0; r < CF_ROLE_COUNT; r++) {
        const char *name = cf_role_name((cf_role)r);
        cr_assert_not_null(name, "role %d has no name", r);
        cr_expect_eq(cf_role_from_name(name), r, "%s", name);
        cr_expect_eq(strspn(name, "abcdefghijklmnopqrstuvwxyz_"), strlen(name), "not snake_case: %s", name);
    }
    cr_expect_str_eq(cf_role_name(CF_ROLE_RAW_HIGHLIGHT), "raw_highlight");
    cr_expect_str_eq(cf_role_name(CF_ROLE_NA), "na");
    cr_expect_str_eq(cf_role_name(CF_ROLE_TAB_ACTIVE), "tab_active");
    cr_expect_null(cf_role_name(CF_ROLE_COUNT));
    cr_expect_eq(cf_role_from_name("Broken"), -1);
    cr_expect_eq(cf_role_from_name("raw-highlight"), -1);
    cr_expect_eq(cf_role_from_name(""), -1);
}

Test(theme, builtins_load_under_their_names)
{
    const char *const *names = cf_theme_builtin_names();
    size_t n = 0;
    bool seen[3] = {false};
    for (; names[n]; n++) {
        cf_theme *t = find(names[n]);
        cr_expect_str_eq(cf_theme_name(t), names[n]);
        cf_theme_free(t);
        seen[0] |= strcmp(names[n], "default") == 0;
        seen[1] |= strcmp(names[n], "light") == 0;
        seen[2] |= strcmp(names[n], "mono") == 0;
    }
    cr_expect_eq(n, cf_builtin_themes_count);
    cr_expect(seen[0] && seen[1] && seen[2], "default, light and mono are built in");
    /* No name is the default theme. */
    cf_theme *t = find(NULL);
    cr_expect_str_eq(cf_theme_name(t), "default");
    cf_theme_free(t);
}

/* Without colour, attributes alone must tell the states that matter apart. */
Test(theme, builtins_keep_key_roles_apart_in_mono_and_colour)
{
    static const cf_role key[] = {CF_ROLE_NORMAL, CF_ROLE_BROKEN, CF_ROLE_MISSING, CF_ROLE_CURSOR,
                                  CF_ROLE_RAW_HIGHLIGHT};
    for (const char *const *name = cf_theme_builtin_names(); *name; name++) {
        cf_theme *t = find(*name);
        for (size_t i = 0; i < sizeof key / sizeof *key; i++) {
            const cf_role_style *a = cf_theme_style(t, key[i]);
            if (key[i] != CF_ROLE_NORMAL)
                cr_expect_neq(a->mono, 0u, "%s: %s has no mono attributes", *name, cf_role_name(key[i]));
            for (size_t j = i + 1; j < sizeof key / sizeof *key; j++) {
                const cf_role_style *b = cf_theme_style(t, key[j]);
                cr_expect_neq(a->mono, b->mono, "%s: %s and %s look the same without colour", *name,
                              cf_role_name(key[i]), cf_role_name(key[j]));
                cr_expect(!same_style(a, b), "%s: %s and %s look the same", *name, cf_role_name(key[i]),
                          cf_role_name(key[j]));
            }
        }
        cr_expect_eq(cf_theme_style(t, CF_ROLE_CURSOR)->mono & CF_ATTR_REVERSE, (unsigned)CF_ATTR_REVERSE,
                     "%s: the cursor is reverse without colour", *name);
        cf_theme_free(t);
    }
}

Test(theme, default_palette_carries_the_states)
{
    cf_theme *t = find("default");
    cr_expect_eq(cf_theme_style(t, CF_ROLE_BROKEN)->fg8, 1, "broken is red");
    cr_expect_eq(cf_theme_style(t, CF_ROLE_BROKEN)->fg256, 196);
    cr_expect_eq(cf_theme_style(t, CF_ROLE_MISSING)->fg8, 3, "missing is yellow");
    cr_expect_eq(cf_theme_style(t, CF_ROLE_CONFIRMED)->fg8, 2, "confirmed is green");
    cr_expect_eq(cf_theme_style(t, CF_ROLE_NOTE)->fg8, 5, "note is magenta");
    cr_expect_eq(cf_theme_style(t, CF_ROLE_CORRECTED)->fg8, 6, "corrected is cyan");
    cr_expect(cf_theme_style(t, CF_ROLE_NA)->attrs & CF_ATTR_DIM, "not applicable is dim");
    cr_expect(cf_theme_style(t, CF_ROLE_RULE)->attrs & CF_ATTR_UNDERLINE, "the rule's cells are underlined");
    cr_expect_neq(cf_theme_style(t, CF_ROLE_CURSOR)->bg8, CF_COLOR_DEFAULT, "the cursor has a background");
    const cf_role_style *hl = cf_theme_style(t, CF_ROLE_RAW_HIGHLIGHT), *search = cf_theme_style(t, CF_ROLE_SEARCH);
    cr_expect_neq(hl->bg8, CF_COLOR_DEFAULT);
    cr_expect_neq(search->bg8, CF_COLOR_DEFAULT);
    cr_expect_neq(hl->bg8, search->bg8, "search and the highlight have different backgrounds");
    cr_expect_neq(hl->bg256, search->bg256);
    cf_theme_free(t);
}

Test(theme, light_and_mono_differ_from_default_where_they_should)
{
    cf_theme *dark = find("default"), *light = find("light"), *mono = find("mono");
    /* Yellow text is unreadable on white: light shows missing as a background. */
    cr_expect_eq(cf_theme_style(dark, CF_ROLE_MISSING)->bg8, CF_COLOR_DEFAULT);
    cr_expect_eq(cf_theme_style(light, CF_ROLE_MISSING)->bg8, 3);
    cr_expect_eq(cf_theme_style(light, CF_ROLE_BROKEN)->fg8, 1);
    cr_expect_neq(cf_theme_style(light, CF_ROLE_BROKEN)->fg256, cf_theme_style(dark, CF_ROLE_BROKEN)->fg256,
                  "a darker red on white");
    cr_expect_neq(cf_theme_style(light, CF_ROLE_HEADER)->fg256, cf_theme_style(dark, CF_ROLE_HEADER)->fg256);
    /* mono: no colour anywhere, and the same attributes with colour as without. */
    for (int r = 0; r < CF_ROLE_COUNT; r++) {
        const cf_role_style *s = cf_theme_style(mono, (cf_role)r);
        cr_expect(s->fg256 == CF_COLOR_DEFAULT && s->bg256 == CF_COLOR_DEFAULT && s->fg8 == CF_COLOR_DEFAULT &&
                      s->bg8 == CF_COLOR_DEFAULT,
                  "mono: %s has a colour", cf_role_name((cf_role)r));
        cr_expect_eq(s->attrs, s->mono, "mono: %s", cf_role_name((cf_role)r));
    }
    cr_expect_eq(cf_theme_style(mono, CF_ROLE_CURSOR)->attrs, (unsigned)CF_ATTR_REVERSE);
    cf_theme_free(dark);
    cf_theme_free(light);
    cf_theme_free(mono);
}

Test(theme, fallback_lists)
{
    cf_theme *t = parse("name: t\n"
                        "roles:\n"
                        "  broken:    {fg: [196, red]}\n"
                        "  missing:   {fg: [yellow, 214]}\n"
                        "  na:        {fg: [200, 100, blue, green]}\n"
                        "  corrected: {fg: [cyan]}\n"
                        "  confirmed: {fg: [34]}\n"
                        "  note:      {fg: 9, bg: default}\n"
                        "  cursor:    {fg: [240], bg: [214], attrs: reverse, mono: [reverse, bold]}\n"
                        "  rule:      {fg: [default], mono: []}\n");
    const cf_role_style *s = cf_theme_style(t, CF_ROLE_BROKEN);
    cr_expect(s->fg256 == 196 && s->fg8 == 1);
    s = cf_theme_style(t, CF_ROLE_MISSING);
    cr_expect(s->fg256 == 214 && s->fg8 == 3, "the order of numbers and names does not matter");
    s = cf_theme_style(t, CF_ROLE_NA);
    cr_expect(s->fg256 == 200 && s->fg8 == 4, "the first of each kind wins");
    s = cf_theme_style(t, CF_ROLE_CORRECTED);
    cr_expect(s->fg256 == 6 && s->fg8 == 6, "a name alone serves 256-colour terminals too");
    s = cf_theme_style(t, CF_ROLE_CONFIRMED);
    cr_expect(s->fg256 == 34 && s->fg8 == 2, "a number alone gets the nearest name (got %d)", s->fg8);
    s = cf_theme_style(t, CF_ROLE_NOTE);
    cr_expect(s->fg256 == 9 && s->fg8 == 1, "a bright colour's name is its base colour");
    cr_expect(s->bg256 == CF_COLOR_DEFAULT && s->bg8 == CF_COLOR_DEFAULT);
    s = cf_theme_style(t, CF_ROLE_CURSOR);
    cr_expect(s->fg256 == 240 && s->fg8 == CF_COLOR_DEFAULT, "a grey alone keeps the terminal's own colour");
    cr_expect(s->bg256 == 214 && s->bg8 == 3);
    cr_expect_eq(s->attrs, (unsigned)CF_ATTR_REVERSE, "a single attribute needs no list");
    cr_expect_eq(s->mono, (unsigned)(CF_ATTR_REVERSE | CF_ATTR_BOLD));
    s = cf_theme_style(t, CF_ROLE_RULE);
    cr_expect(s->fg256 == CF_COLOR_DEFAULT && s->fg8 == CF_COLOR_DEFAULT && s->mono == 0);
    cf_theme_free(t);
}

Test(theme, unlisted_roles_and_fields_follow_normal)
{
    cf_theme *t = parse("name: paper\n"
                        "roles:\n"
                        "  broken: {fg: [160, red], mono: [bold]}\n"
                        "  normal: {fg: [16, black], bg: [231, white], mono: [dim]}\n");
    const cf_role_style *normal = cf_theme_style(t, CF_ROLE_NORMAL);
    cr_expect(normal->fg256 == 16 && normal->fg8 == 0 && normal->bg256 == 231 && normal->bg8 == 7);
    cr_expect(same_style(cf_theme_style(t, CF_ROLE_HEADER), normal), "an unlisted role is normal text");
    const cf_role_style *broken = cf_theme_style(t, CF_ROLE_BROKEN);
    cr_expect(broken->fg256 == 160 && broken->fg8 == 1);
    cr_expect(broken->bg256 == 231 && broken->bg8 == 7, "normal's background even when listed after");
    cr_expect_eq(broken->mono, (unsigned)CF_ATTR_BOLD);
    cr_expect_str_eq(cf_theme_name(t), "paper");
    cf_theme_free(t);
    /* A theme with no roles at all is plain text everywhere. */
    t = parse("name: plain\nroles: {}\n");
    for (int r = 0; r < CF_ROLE_COUNT; r++) {
        const cf_role_style *s = cf_theme_style(t, (cf_role)r);
        cr_expect(s->fg256 == CF_COLOR_DEFAULT && s->bg8 == CF_COLOR_DEFAULT && s->attrs == 0 && s->mono == 0);
    }
    cf_theme_free(t);
}

Test(theme, user_theme_overrides_builtin)
{
    write_file("crossfoot/themes/default.yaml", "name: mine\nroles:\n  broken: {fg: [201, magenta]}\n");
    write_file("crossfoot/themes/solar.yaml", "name: solar\nroles: {}\n");
    cf_theme *t = find("default");
    cr_expect_str_eq(cf_theme_name(t), "mine");
    cr_expect_eq(cf_theme_style(t, CF_ROLE_BROKEN)->fg256, 201);
    cf_theme_free(t);
    t = find("solar");
    cr_expect_str_eq(cf_theme_name(t), "solar");
    cf_theme_free(t);
    /* The others are still the built-in ones. */
    t = find("light");
    cr_expect_str_eq(cf_theme_name(t), "light");
    cf_theme_free(t);
}

Test(theme, home_config_when_no_xdg)
{
    write_file(".config/crossfoot/themes/home.yaml", "name: from-home\nroles: {}\n");
    unsetenv("XDG_CONFIG_HOME");
    setenv("HOME", dir, 1);
    cf_theme *t = find("home");
    cr_expect_str_eq(cf_theme_name(t), "from-home");
    cf_theme_free(t);
    /* A relative XDG_CONFIG_HOME is ignored, as the specification says. */
    setenv("XDG_CONFIG_HOME", "relative/config", 1);
    t = find("home");
    cr_expect_str_eq(cf_theme_name(t), "from-home");
    cf_theme_free(t);
}

Test(theme, broken_user_theme_is_reported_not_skipped)
{
    write_file("crossfoot/themes/default.yaml", "name: mine\nroles:\n  broken: {fg: [purple]}\n");
    cf_theme *t = NULL;
    cf_error err;
    cf_error_clear(&err);
    cr_assert_eq(cf_theme_find("default", &t, &err), CF_ERR_TEMPLATE);
    cr_assert_null(t);
    cr_expect_not_null(strstr(err.file, "crossfoot/themes/default.yaml"), "file: %s", err.file);
    cr_expect_eq(err.line, 3);
    cr_expect_not_null(strstr(err.message, "purple"), "%s", err.message);
    /* The caller's fallback: the built-in itself, past the user's broken file. */
    cf_error_clear(&err);
    cr_assert_eq(cf_theme_builtin("default", &t, &err), CF_OK, "%s", err.message);
    cr_expect_str_eq(cf_theme_name(t), "default");
    cr_expect_eq(cf_theme_style(t, CF_ROLE_BROKEN)->fg256, 196);
    cf_theme_free(t);
    cr_expect_eq(cf_theme_builtin("solarized", &t, &err), CF_ERR_USAGE);
    cr_expect_null(t);
}

Test(theme, a_path_is_loaded_as_is)
{
    const char *path = write_file("elsewhere/t.yaml", "name: by-path\nroles: {}\n");
    cf_theme *t = find(path);
    cr_expect_str_eq(cf_theme_name(t), "by-path");
    cf_theme_free(t);
    cf_error err;
    cf_error_clear(&err);
    cr_expect_eq(cf_theme_find("/nonexistent/theme.yaml", &t, &err), CF_ERR_IO);
    cr_expect_null(t);
    cr_expect_str_eq(err.file, "/nonexistent/theme.yaml");
}

Test(theme, unknown_name_lists_the_builtins)
{
    cf_theme *t = NULL;
    cf_error err;
    cf_error_clear(&err);
    cr_assert_eq(cf_theme_find("solarized", &t, &err), CF_ERR_USAGE);
    cr_assert_null(t);
    cr_expect_not_null(strstr(err.message, "solarized"), "%s", err.message);
    cr_expect_not_null(strstr(err.message, "default"), "%s", err.message);
    cr_expect_not_null(strstr(err.message, "light"), "%s", err.message);
    cr_expect_not_null(strstr(err.message, "mono"), "%s", err.message);
    cr_expect_eq(cf_theme_find("..", &t, &err), CF_ERR_USAGE);
}

Test(theme, errors_name_the_line)
{
    expect_error_at("name: t\nroles:\n  broken: {fg: [196\n", 4, "not valid YAML");
    expect_error_at("name: t\nroles:\n  normal: {}\n  borken: {fg: [red]}\n", 4, "unknown role 'borken'");
    expect_error_at("name: t\nroles:\n  broken: {fg: [196, crimson]}\n", 3, "unknown colour 'crimson'");
    expect_error_at("name: t\nroles:\n  broken:\n    fg: [256, red]\n", 4, "out of range");
    expect_error_at("name: t\nroles:\n  broken:\n    bg: [-1]\n", 4, "out of range");
    expect_error_at("name: t\nroles:\n  broken:\n    bg: [12x]\n", 4, "not a number");
    expect_error_at("name: t\nroles:\n  broken: {fg: [red], colour: [blue]}\n", 3, "unknown key 'colour'");
    expect_error_at("name: t\ncolours:\n  broken: {}\n", 2, "unknown key 'colours'");
    expect_error_at("name: t\nroles:\n  broken: {attrs: [blink]}\n", 3, "unknown attribute 'blink'");
    expect_error_at("name: t\nroles:\n  broken: {fg: red}\n  broken: {fg: blue}\n", 4, "given twice");
    expect_error_at("name: t\nroles:\n  broken: {fg: []}\n", 3, "at least one colour");
    expect_error_at("name: t\nroles:\n  broken: [red]\n", 3, "must be a mapping");
    expect_error_at("roles: {}\n", 1, "missing 'name'");
    cf_error e = parse_error("");
    cr_expect_eq(e.code, CF_ERR_TEMPLATE);
    cr_expect_not_null(strstr(e.message, "empty"), "%s", e.message);
}

Test(theme, a_theme_nested_thousands_deep_is_refused_with_its_line)
{
    size_t depth = 100000, len = 0;
    char *yaml = malloc(2 * depth + 64);
    cr_assert_not_null(yaml);
    len += (size_t)sprintf(yaml, "name: t\nroles: ");
    memset(yaml + len, '[', depth);
    memset(yaml + len + depth, ']', depth);
    len += 2 * depth;
    yaml[len++] = '\n';
    cf_theme *t = NULL;
    cf_error err;
    cr_assert_neq(cf_theme_parse("deep", yaml, len, &t, &err), CF_OK);
    cr_assert_null(t);
    cr_assert_eq(err.line, 2);
    cr_assert_not_null(strstr(err.message, "nested more than 64 levels deep"), "%s", err.message);
    free(yaml);
}
