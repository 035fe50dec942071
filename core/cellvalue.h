/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cellvalue.h — what the text of a table field says: words, numbers, "not applicable", blanks.
 *
 * A field (the text between two tab or pipe separators, or a whole line) is cut
 * into items. A number may carry a sign word (增加 36 件 = 36, 减少 3 件 = -3,
 * +1036), a unit (件, 万元, 元 …) and a bracketed note (22（其中修订16件）:
 * value 22, note kept). "/", "-", "—", "——" and "无" alone mean not applicable.
 * A numbered label such as "1." or "1.属于国家秘密" (or "4 .保护…", as a scan's text recognition
 * prints it) is text, never a value; a short word of digits
 * and the letters OCR reads for them ("O", "l2", "1O"), or digits whose commas do not group
 * thousands ("888,0113"), is a value that cannot be read. */
#ifndef CF_CELLVALUE_H
#define CF_CELLVALUE_H

#include <stdbool.h>
#include <stddef.h>

#include "decimal.h"

typedef enum {
    CF_ITEM_TEXT,   /* words */
    CF_ITEM_NUMBER, /* a usable number */
    CF_ITEM_NA,     /* "/", "-", "—": not applicable */
    CF_ITEM_BAD,    /* looks like a number but cannot be read as one (cf_bad_reason) */
    CF_ITEM_EMPTY   /* an empty tab or pipe field */
} cf_item_kind;

/* Why a CF_ITEM_BAD cannot be read. */
typedef enum {
    CF_BAD_SIZE,     /* too many digits to hold exactly, or 1e30 */
    CF_BAD_LETTERS,  /* letters where digits should be, as OCR misreads them ("O", "l2") */
    CF_BAD_GROUPING  /* commas that do not group thousands ("888,0113": a misread decimal point?) */
} cf_bad_reason;

typedef struct {
    cf_item_kind kind;
    size_t start, end;           /* byte range in the text that was lexed */
    cf_decimal value;            /* CF_ITEM_NUMBER */
    char unit[16];               /* "件", "万元", "元" … or "" */
    size_t note_start, note_end; /* the bracketed note's inside; equal when none */
    bool signed_word;            /* the sign came from 增加/减少/增/减 or '+' */
    cf_bad_reason bad;           /* CF_ITEM_BAD: why the value cannot be read */
} cf_item;

typedef struct {
    cf_item *items;
    size_t count, cap;
} cf_item_list;

void cf_item_list_init(cf_item_list *list);
void cf_item_list_release(cf_item_list *list);
/* Append one item; false when memory runs out. */
bool cf_item_list_push(cf_item_list *list, const cf_item *item);

/* Cut normalised field text s[0..len) into items appended to out; positions are
 * offsets into s. An all-blank field appends nothing. False when memory runs out. */
bool cf_lex_field(const char *s, size_t len, cf_item_list *out);

/* The digit a scan's text recognition misreads as letter c ('O' for 0, 'l' for 1 …), or '\0' when c
 * is not such a letter. */
char cf_digit_lookalike(char c);

/* Parse the whole text of one cell (raw, it is normalised first): the kind
 * (CF_ITEM_EMPTY for blank), value, unit and note (copied into note, which
 * has note_size bytes; may be NULL). False when the text is more than one
 * value or words (the kind is then CF_ITEM_TEXT). */
bool cf_cell_parse(const char *text, cf_item *out, char *note, size_t note_size);

#endif
