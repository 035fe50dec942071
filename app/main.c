/* SPDX-License-Identifier: GPL-3.0-or-later */
/* main.c — crossfoot's entry point: the language first, then the command (commands.c). */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "i18n.h"
#include "lang.h"

/* --lang LANG or --lang=LANG anywhere before "--" is taken out of argv (the language is set
 * before any message, whatever the command); its value is stored in *lang. Returns the new argc,
 * or -1 when --lang has no value. */
static int take_lang_option(int argc, char **argv, const char **lang)
{
    int out = 0;
    bool options = true;
    for (int i = 0; i < argc; i++) {
        if (options && strcmp(argv[i], "--") == 0)
            options = false;
        if (options && strcmp(argv[i], "--lang") == 0) {
            if (i + 1 >= argc)
                return -1;
            *lang = argv[++i];
        } else if (options && strncmp(argv[i], "--lang=", 7) == 0)
            *lang = argv[i] + 7;
        else
            argv[out++] = argv[i];
    }
    argv[out] = NULL;
    return out;
}

int main(int argc, char **argv)
{
    const char *lang = NULL;
    argc = take_lang_option(argc, argv, &lang);
    cf_lang_setup(lang);
    if (argc < 0 || (lang && !cf_lang_valid(lang))) {
        fprintf(stderr, _("crossfoot: --lang takes zh (Chinese) or en (English)\n"));
        return CF_EXIT_ERROR;
    }
    return cf_main(argc, argv);
}
