/* SPDX-License-Identifier: GPL-3.0-or-later */
/* heading.c — the issuer and year in a report's title. */
#include "heading.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "utf8.h"

#define YEAR "年"
#define LOOK_LINES 40 /* a title sits in the first lines, before part 一 */

/* s[0..len) without leading and trailing blanks (ASCII, full-width and no-break spaces) and
 * the punctuation a title line ends with. */
static void trim(const char **s, size_t *len)
{
    static const char *const blanks[] = {" ", "\t", "\r", "\xE3\x80\x80", "\xC2\xA0", ":", "\xEF\xBC\x9A"};
    for (bool again = true; again;) {
        again = false;
        for (size_t i = 0; i < sizeof blanks / sizeof *blanks; i++) {
            size_t n = strlen(blanks[i]);
            if (*len >= n && memcmp(*s, blanks[i], n) == 0) {
                *s += n;
                *len -= n;
                again = true;
            }
            if (*len >= n && memcmp(*s + *len - n, blanks[i], n) == 0) {
                *len -= n;
                again = true;
            }
        }
    }
}

static const char *find(const char *s, size_t len, const char *needle)
{
    size_t n = strlen(needle);
    for (size_t i = 0; i + n <= len; i++)
        if (memcmp(s + i, needle, n) == 0)
            return s + i;
    return NULL;
}

/* The first "NNNN 年" (a year from 1990 to 2099, spaces allowed before 年) in s: where its digits
 * start, and the year in out. */
static const char *find_year(const char *s, size_t len, char out[8])
{
    for (size_t i = 0; i + 4 <= len; i++) {
        const char *d = s + i;
        if (!((d[0] == '1' && d[1] == '9') || (d[0] == '2' && d[1] == '0')) || d[2] < '0' || d[2] > '9' || d[3] < '0' ||
            d[3] > '9' || (i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9'))
            continue;
        size_t k = i + 4;
        while (k < len && s[k] == ' ')
            k++;
        if (len - k >= strlen(YEAR) && memcmp(s + k, YEAR, strlen(YEAR)) == 0 && (d[0] == '2' || d[2] == '9')) {
            snprintf(out, 8, "%.4s", d);
            return d;
        }
    }
    return NULL;
}

static void copy(char *dst, size_t size, const char *s, size_t len)
{
    if (len >= size)
        len = cf_utf8_boundary(s, size - 1);
    memcpy(dst, s, len);
    dst[len] = '\0';
}

/* The next line after i with something on it, or count. */
static size_t next_line(const cf_text *text, size_t i, size_t count)
{
    for (size_t k = i + 1; k < count; k++) {
        size_t len;
        const char *s = cf_text_line(text, k, &len);
        trim(&s, &len);
        if (len)
            return k;
    }
    return count;
}

void cf_heading_read(const cf_text *text, cf_heading *out)
{
    memset(out, 0, sizeof *out);
    size_t count = cf_text_line_count(text);
    if (count > LOOK_LINES)
        count = LOOK_LINES;
    size_t previous = count; /* the last line with something on it */
    for (size_t i = 0; i < count; i++) {
        size_t len, next_len = 0;
        const char *s = cf_text_line(text, i, &len);
        trim(&s, &len);
        if (len == 0)
            continue;
        if (len >= strlen("一、") && memcmp(s, "一、", strlen("一、")) == 0)
            break; /* part 一: the title is above it */
        /* the title, whole or broken over this line and the next */
        size_t n = next_line(text, i, count);
        const char *next = n < count ? cf_text_line(text, n, &next_len) : "";
        char joined[1024];
        snprintf(joined, sizeof joined, "%.*s%.*s", (int)(len < 600 ? len : 600), s,
                 (int)(next_len < 400 ? next_len : 400), next);
        bool title = find(joined, strlen(joined), "政府信息") && find(joined, strlen(joined), "公开") &&
                     (find(joined, strlen(joined), "年度报告") || find(joined, strlen(joined), "年报"));
        char year[8];
        const char *at = title ? find_year(s, len, year) : NULL;
        if (at && !out->year[0]) {
            snprintf(out->year, sizeof out->year, "%s", year);
            out->line = i + 1;
            const char *issuer = s;
            size_t issuer_len = (size_t)(at - s);
            trim(&issuer, &issuer_len);
            if (issuer_len == 0 && previous < count) { /* the issuer on a line of its own above */
                issuer = cf_text_line(text, previous, &issuer_len);
                trim(&issuer, &issuer_len);
            }
            copy(out->issuer, sizeof out->issuer, issuer, issuer_len);
            return;
        }
        /* a web page's "信息来源：驻马店市人民政府" names the issuer when the title does not */
        const char *source = find(s, len, "信息来源");
        if (source && !out->issuer[0]) {
            const char *v = source + strlen("信息来源");
            size_t v_len = len - (size_t)(v - s);
            trim(&v, &v_len);
            if (v_len == 0 && n < count) {
                v = next;
                v_len = next_len;
                trim(&v, &v_len);
            }
            copy(out->issuer, sizeof out->issuer, v, v_len);
            out->line = i + 1;
        }
        previous = i;
    }
}
