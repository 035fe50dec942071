/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Text that goes into a review: one encoding per source, decided once; nothing else gets in. */
#include <criterion/criterion.h>
#include <string.h>

#include "alloc.h"
#include "source.h"

/* 原件 in GBK */
#define GBK_YUANJIAN "\xd4\xad\xbc\xfe"

Test(source, a_whole_utf8_source_is_utf8_and_its_lines_come_out_as_they_are)
{
    cf_source src;
    cf_error err;
    cf_source_init(&src, "edits");
    const char *text = "note a 原件\nset b 2\n";
    cr_assert_eq(cf_source_decide(&src, text, strlen(text), &err), CF_OK);
    cr_assert_str_eq(cf_source_encoding_name(&src), "UTF-8");
    char *line = NULL;
    cr_assert_eq(cf_source_line(&src, 1, "note a 原件", strlen("note a 原件"), &line, &err), CF_OK);
    cr_assert_str_eq(line, "note a 原件");
    cf_free(line);
}

Test(source, a_whole_gbk_source_is_read_as_gb18030)
{
    cf_source src;
    cf_error err;
    cf_source_init(&src, "edits");
    const char *text = "note a " GBK_YUANJIAN "\nsave\n";
    cr_assert_eq(cf_source_decide(&src, text, strlen(text), &err), CF_OK, "%s", err.message);
    cr_assert_str_eq(cf_source_encoding_name(&src), "GB18030");
    char *line = NULL;
    cr_assert_eq(cf_source_line(&src, 1, text, 11, &line, &err), CF_OK, "%s", err.message);
    cr_assert_str_eq(line, "note a 原件");
    cf_free(line);
}

Test(source, a_line_cut_inside_a_character_is_refused_with_its_line_never_decoded_otherwise)
{
    cf_source src;
    cf_error err;
    cf_source_init(&src, "edits");
    const char *text = "note a 完整\nnote b 截断\xe5\x9b\nsave\n";
    /* the cut line does not make the file GB18030: it is UTF-8, and the cut line alone is refused */
    cr_assert_eq(cf_source_decide(&src, text, strlen(text), &err), CF_OK);
    cr_assert_str_eq(cf_source_encoding_name(&src), "UTF-8");
    char *line = NULL;
    cr_assert_eq(cf_source_line(&src, 2, text + 14, 15, &line, &err), CF_ERR_INPUT);
    cr_assert_null(line);
    cr_assert_eq(err.line, 2);
    cr_assert_not_null(strstr(err.message, "cut inside a character"), "%s", err.message);
    /* read as a stream, the same */
    cf_source_init(&src, "edits");
    cr_assert_eq(cf_source_line(&src, 1, "note a 完整", strlen("note a 完整"), &line, &err), CF_OK);
    cf_free(line);
    cr_assert_eq(cf_source_line(&src, 2, "note b 截断\xe5\x9b", strlen("note b 截断\xe5\x9b"), &line, &err), CF_ERR_INPUT);
    cr_assert_null(line);
}

Test(source, one_text_in_two_encodings_is_refused)
{
    cf_source src;
    cf_error err;
    cf_source_init(&src, "edits");
    const char *text = "note a 原件\nnote b " GBK_YUANJIAN "\n";
    cr_assert_eq(cf_source_decide(&src, text, strlen(text), &err), CF_ERR_INPUT);
    cr_assert_eq(err.line, 2);
    /* a stream decided by its first line beyond ASCII refuses a later line in the other */
    cf_source_init(&src, "edits");
    char *line = NULL;
    cr_assert_eq(cf_source_line(&src, 1, "save", 4, &line, &err), CF_OK);
    cf_free(line);
    cr_assert_str_eq(cf_source_encoding_name(&src), "", "ASCII decides nothing");
    cr_assert_eq(cf_source_line(&src, 2, "note 原件", strlen("note 原件"), &line, &err), CF_OK);
    cf_free(line);
    cr_assert_eq(cf_source_line(&src, 3, "note " GBK_YUANJIAN, 9, &line, &err), CF_ERR_INPUT);
    cr_assert_null(line);
    cr_assert_not_null(strstr(err.message, "line 2"), "%s", err.message);
}

Test(source, bytes_in_no_encoding_are_refused)
{
    cf_source src;
    cf_error err;
    cf_source_init(&src, "edits");
    const char *text = "note a \xff\xfe\xfd\n";
    cr_assert_eq(cf_source_decide(&src, text, strlen(text), &err), CF_ERR_INPUT);
    cr_assert_eq(err.line, 1);
}
