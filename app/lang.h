/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lang.h — the language crossfoot speaks, chosen at start-up before any message is made. */
#ifndef CF_LANG_H
#define CF_LANG_H

#include <stdbool.h>

/* True when lang names a language crossfoot speaks: "zh" (also zh_CN, zh-CN …) or "en" (en_US …). */
bool cf_lang_valid(const char *lang);

/* Set the locale and the message catalog: lang is --lang's value, or NULL to follow LANGUAGE,
 * LC_ALL, LC_MESSAGES and LANG (the first one set; zh… is Chinese, anything else English).
 * Characters are handled as UTF-8 even when the locale named is not generated (C.UTF-8), and
 * the catalog is found in the folder "locale" beside the binary, else in CF_LOCALEDIR.
 * Called first thing in main (lang NULL), and again by the option parser when --lang is given
 * (before any message); an invalid lang is treated as unset (check cf_lang_valid). */
void cf_lang_setup(const char *lang);

/* True when messages are in Chinese (after cf_lang_setup). */
bool cf_lang_chinese(void);

#endif
