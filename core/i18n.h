/* SPDX-License-Identifier: GPL-3.0-or-later */
/* i18n.h — every message a person reads goes through gettext, in the "crossfoot" domain.
 *
 * _("…") translates at the point of use; N_("…") marks a string for xgettext where it is
 * stored (a table) and translated later with _(); P_(one, many, n) picks the plural form.
 * dgettext names the domain, so core/ works the same inside any program that links it. */
#ifndef CF_I18N_H
#define CF_I18N_H

#include <libintl.h>

#define CF_TEXT_DOMAIN "crossfoot"
#define _(msgid) dgettext(CF_TEXT_DOMAIN, (msgid))
#define N_(msgid) (msgid)
#define P_(one, many, n) dngettext(CF_TEXT_DOMAIN, (one), (many), (unsigned long)(n))

#endif
