/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What a terminal would obey, shown instead: escape sequences, controls, bidi overrides. */
#include <criterion/criterion.h>
#include <string.h>

#include "buf.h"
#include "termsafe.h"

static char *safe(const char *s, bool lines)
{
    static char out[512];
    cf_buf b;
    cf_buf_init(&b);
    cr_assert(cf_termsafe_append(&b, s, strlen(s), lines));
    snprintf(out, sizeof out, "%s", b.data ? b.data : "");
    cf_buf_release(&b);
    return out;
}

Test(termsafe, a_title_and_a_clipboard_write_in_a_file_name_are_shown_not_obeyed)
{
    cr_assert_str_eq(safe("report\x1b]0;owned\x07.txt", false), "report\\x1B]0;owned\\x07.txt");
    cr_assert_str_eq(safe("\x1b]52;c;ZXZpbA==\x1b\\", false), "\\x1B]52;c;ZXZpbA==\\x1B\\");
}

Test(termsafe, c1_controls_del_and_bidi_overrides_are_escaped_chinese_kept)
{
    cr_assert_str_eq(safe("年报\xc2\x9b" "2J\x7f", false), "年报\\u009B2J\\x7F");
    cr_assert_str_eq(safe("invoice\xe2\x80\xaetxt.exe", false), "invoice\\u202Etxt.exe");
    cr_assert_str_eq(safe("\xe2\x81\xa6x\xe2\x81\xa9\xe2\x80\x8f", false), "\\u2066x\\u2069\\u200F");
}

Test(termsafe, newlines_are_kept_only_for_a_whole_document_and_bad_bytes_become_fffd)
{
    cr_assert_str_eq(safe("a\tb\r\nc\n", true), "a\tb\r\nc\n");
    cr_assert_str_eq(safe("a\tb\r\nc\n", false), "a\tb\\x0D\\x0Ac\\x0A");
    cr_assert_str_eq(safe("a\rb\n", true), "a\\x0Db\n");
    cr_assert_str_eq(safe("GBK \xc4\xea end", false), "GBK \xef\xbf\xbd\xef\xbf\xbd end"); /* 年 in GBK */
}

/* A three-byte character is passed whole only when both bytes after its lead continue it: a lead
 * cut off by the end of the text, or followed by a control, is replaced and the control escaped. */
Test(termsafe, a_cut_or_broken_three_byte_character_is_replaced)
{
    cr_assert_str_eq(safe("年报\xe5\xb9", false), "年报\xef\xbf\xbd\xef\xbf\xbd");
    cr_assert_str_eq(safe("\xe5\x1b[2J", false), "\xef\xbf\xbd\\x1B[2J");
    cr_assert_str_eq(safe("\xe5\xb9\x1b", false), "\xef\xbf\xbd\xef\xbf\xbd\\x1B");
    cr_assert_str_eq(safe("\xef\xbc\x88\xe3\x80\x80", false), "\xef\xbc\x88\xe3\x80\x80", "（ and the ideographic space");
}
