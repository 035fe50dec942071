/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The JSON stream writer prints what cJSON prints, compact and pretty, escapes included: the
 * check record and the JSON export read the same as before they were streamed. */
#include <criterion/criterion.h>
#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "jsonw.h"

static const char AWKWARD[] = "引号\"反斜杠\\ tab\t newline\n bell\x07 del\x7f /斜杠";

/* The same record through the writer and through cJSON. */
static char *written(bool pretty)
{
    cf_buf b;
    cf_buf_init(&b);
    cf_jsonw w;
    cf_jsonw_init(&w, &b, pretty);
    cf_jsonw_object(&w, NULL);
    cf_jsonw_string(&w, "file", AWKWARD);
    cf_jsonw_decimal(&w, "amount", (cf_decimal){8880113, 4});
    cf_jsonw_count(&w, "line", 1234567890123ULL);
    cf_jsonw_count(&w, "zero", 0);
    cf_jsonw_null(&w, "blank");
    cf_jsonw_bool(&w, "passed", false);
    cf_jsonw_object(&w, "empty");
    cf_jsonw_end(&w);
    cf_jsonw_array(&w, "none");
    cf_jsonw_end(&w);
    cf_jsonw_array(&w, "rules");
    for (int i = 0; i < 2; i++) {
        cf_jsonw_object(&w, NULL);
        cf_jsonw_string(&w, "rule", i ? "b" : "a");
        cf_jsonw_array(&w, "cells");
        cf_jsonw_string(&w, NULL, "x");
        cf_jsonw_string(&w, NULL, "y");
        cf_jsonw_end(&w);
        cf_jsonw_end(&w);
    }
    cf_jsonw_end(&w);
    cf_jsonw_end(&w);
    cr_assert(cf_jsonw_ok(&w));
    return cf_buf_take(&b);
}

static char *by_cjson(bool pretty)
{
    cJSON *root = cJSON_CreateObject();
    cJSON_AddStringToObject(root, "file", AWKWARD);
    cJSON_AddRawToObject(root, "amount", "888.0113");
    cJSON_AddNumberToObject(root, "line", 1234567890123.0);
    cJSON_AddNumberToObject(root, "zero", 0);
    cJSON_AddNullToObject(root, "blank");
    cJSON_AddFalseToObject(root, "passed");
    cJSON_AddObjectToObject(root, "empty");
    cJSON_AddArrayToObject(root, "none");
    cJSON *rules = cJSON_AddArrayToObject(root, "rules");
    for (int i = 0; i < 2; i++) {
        cJSON *r = cJSON_CreateObject();
        cJSON_AddItemToArray(rules, r);
        cJSON_AddStringToObject(r, "rule", i ? "b" : "a");
        cJSON *cells = cJSON_AddArrayToObject(r, "cells");
        cJSON_AddItemToArray(cells, cJSON_CreateString("x"));
        cJSON_AddItemToArray(cells, cJSON_CreateString("y"));
    }
    char *printed = pretty ? cJSON_Print(root) : cJSON_PrintUnformatted(root);
    cJSON_Delete(root);
    return printed;
}

Test(jsonw, compact_output_is_what_cjson_prints)
{
    char *mine = written(false), *theirs = by_cjson(false);
    cr_expect_str_eq(mine, theirs);
    cf_free(mine);
    cJSON_free(theirs);
}

Test(jsonw, pretty_output_is_what_cjson_prints)
{
    char *mine = written(true), *theirs = by_cjson(true);
    cr_expect_str_eq(mine, theirs);
    cf_free(mine);
    cJSON_free(theirs);
}

Test(jsonw, a_container_left_open_or_closed_twice_is_not_ok)
{
    cf_buf b;
    cf_buf_init(&b);
    cf_jsonw w;
    cf_jsonw_init(&w, &b, false);
    cf_jsonw_object(&w, NULL);
    cr_expect_not(cf_jsonw_ok(&w), "an object left open");
    cf_jsonw_end(&w);
    cr_expect(cf_jsonw_ok(&w));
    cf_jsonw_end(&w);
    cr_expect_not(cf_jsonw_ok(&w), "closed twice");
    cf_buf_release(&b);
}

/* Strings are scanned eight bytes at a time, shorter ones as two words that overlap: in a string
 * of every length up to 24 (next to ideographs), each byte that needs escaping at every offset, or
 * none, is escaped as cJSON escapes it, as a value and as a key. */
Test(jsonw, every_special_byte_at_every_offset_is_escaped_as_cjson_does)
{
    static const char specials[] = "\"\\\x01\x08\x09\x0a\x0c\x0d\x1f";
    for (size_t len = 0; len <= 24; len++)
        for (size_t k = 0; k < sizeof specials - 1; k++)
            for (size_t at = 0; at <= len; at++) { /* at == len: nothing to escape */
                char s[32] = "abc公开def01234567xyzw"; /* 24 bytes, two ideographs */
                cr_assert_eq(strlen(s), 24);
                s[len] = '\0';
                if (at < len)
                    s[at] = specials[k];
                cf_buf b;
                cf_buf_init(&b);
                cf_jsonw w;
                cf_jsonw_init(&w, &b, false);
                cf_jsonw_array(&w, NULL);
                cf_jsonw_string(&w, NULL, s);
                cf_jsonw_object(&w, NULL);
                cf_jsonw_bool(&w, s, true);
                cf_jsonw_end(&w);
                cf_jsonw_end(&w);
                cJSON *both = cJSON_CreateArray(), *obj = cJSON_CreateObject();
                cJSON_AddItemToArray(both, cJSON_CreateString(s));
                cJSON_AddItemToArray(both, obj);
                cJSON_AddTrueToObject(obj, s);
                char *theirs = cJSON_PrintUnformatted(both);
                cr_expect_str_eq(b.data, theirs, "byte 0x%02x at %zu of %zu", (unsigned char)specials[k], at,
                                 len);
                cJSON_free(theirs);
                cJSON_Delete(both);
                cf_buf_release(&b);
            }
}
