/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lang.c — which language crossfoot speaks: the locale, the catalog and its folder.
 *
 * glibc's gettext takes the language from LANGUAGE only when the messages locale is not "C",
 * and a zh_CN.UTF-8 locale is often not generated; so the language is decided here from the
 * environment (or --lang), the messages locale is C.UTF-8 whenever the one named is missing,
 * and LANGUAGE is set to the choice: Chinese then works on a machine with no Chinese locale. */
#include "lang.h"

#include <langinfo.h>
#include <limits.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"

#ifndef CF_LOCALEDIR
#define CF_LOCALEDIR "/usr/local/share/locale"
#endif

/* "zh", "zh_CN.UTF-8", "zh-TW", "zh_CN:en" (LANGUAGE's list: its first entry decides); the
 * language code ends the string or is followed by a territory, codeset, modifier or list. */
static bool names_language(const char *lang, const char *code)
{
    return strncmp(lang, code, 2) == 0 && (lang[2] == '\0' || strchr("_-.@:", lang[2]));
}

static bool names_chinese(const char *lang) { return names_language(lang, "zh"); }

bool cf_lang_valid(const char *lang) { return lang && (names_chinese(lang) || names_language(lang, "en")); }

static bool chinese;

bool cf_lang_chinese(void) { return chinese; }

/* The language the environment asks for: the first of these that is set and not empty. */
static const char *environment_language(void)
{
    static const char *const vars[] = {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"};
    for (size_t i = 0; i < sizeof vars / sizeof *vars; i++) {
        const char *v = getenv(vars[i]);
        if (v && v[0])
            return v;
    }
    return "";
}

static bool is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* DIR/locale for the folder DIR holding the running binary (the build tree), else the
 * installed CF_LOCALEDIR. */
static void bind_catalog(void)
{
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - sizeof "/locale");
    if (n > 0)
        exe[n] = '\0';
    char *slash = n > 0 ? strrchr(exe, '/') : NULL;
    if (slash) {
        strcpy(slash, "/locale");
        if (is_dir(exe)) {
            bindtextdomain(CF_TEXT_DOMAIN, exe);
            return;
        }
    }
    bindtextdomain(CF_TEXT_DOMAIN, CF_LOCALEDIR);
}

static bool is_c_locale(const char *name) { return !name || strcmp(name, "C") == 0 || strcmp(name, "POSIX") == 0; }

void cf_lang_setup(const char *lang)
{
    setlocale(LC_ALL, "");
    /* report text is Chinese in UTF-8: width and wide-character input need a UTF-8 LC_CTYPE */
    if (strcmp(nl_langinfo(CODESET), "UTF-8") != 0)
        setlocale(LC_CTYPE, "C.UTF-8");
    if (is_c_locale(setlocale(LC_MESSAGES, NULL)))
        setlocale(LC_MESSAGES, "C.UTF-8");
    chinese = names_chinese(cf_lang_valid(lang) ? lang : environment_language());
    setenv("LANGUAGE", chinese ? "zh_CN" : "en", 1);
    bind_catalog();
    bind_textdomain_codeset(CF_TEXT_DOMAIN, "UTF-8");
}
