/* SPDX-License-Identifier: GPL-3.0-or-later */
/* utf8.h — small UTF-8 helpers shared by core/ and ui/. */
#ifndef CF_UTF8_H
#define CF_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* cf_utf8_decode in full, out of line: the inline part calls it for two- and four-byte
 * sequences, E0 and ED leads and bad bytes. */
size_t cf_utf8_decode_other(const char *s, size_t len, uint32_t *cp);
/* Decode one code point from s (at most len bytes). Returns the bytes used, or 0
 * when the sequence is invalid (overlong, surrogate, truncated, > U+10FFFF). ASCII and the
 * three-byte characters of a Chinese report are decoded inline: readers, layouts and the
 * extractor ask this of nearly every character, and the call was most of its cost. */
static inline size_t cf_utf8_decode(const char *s, size_t len, uint32_t *cp)
{
    const unsigned char *u = (const unsigned char *)s;
    if (len >= 1 && u[0] < 0x80) {
        *cp = u[0];
        return 1;
    }
    /* leads E1..EF but ED take every continuation: never overlong, never a surrogate */
    if (len >= 3 && u[0] >= 0xE1 && u[0] <= 0xEF && u[0] != 0xED && (u[1] & 0xC0) == 0x80 &&
        (u[2] & 0xC0) == 0x80) {
        *cp = (uint32_t)(u[0] & 0x0F) << 12 | (uint32_t)(u[1] & 0x3F) << 6 | (uint32_t)(u[2] & 0x3F);
        return 3;
    }
    return cf_utf8_decode_other(s, len, cp);
}
/* The characters in the first `bytes` bytes of s: the bytes that do not continue a character. */
size_t cf_utf8_count(const char *s, size_t bytes);
/* Encode cp into out (4 bytes of room); returns the bytes written. */
size_t cf_utf8_encode(uint32_t cp, char *out);
/* True when s is valid UTF-8; otherwise *bad (if not NULL) is the offset of the first invalid byte. */
bool cf_utf8_valid(const char *s, size_t len, size_t *bad);
/* True when s (len bytes) is one character cut short: a lead byte and fewer continuation
 * bytes than it needs, nothing else. */
bool cf_utf8_cut_short(const char *s, size_t len);
/* The largest offset <= at that does not fall inside a character of s (which has at least
 * at bytes): where a byte limit may cut. */
size_t cf_utf8_boundary(const char *s, size_t at);
/* buf (size bytes) was filled to the brim by a cut-short snprintf: end it at a character
 * with "…" so that it stays valid UTF-8 and says it was cut. size must be at least 4. */
void cf_utf8_mark_cut(char *buf, size_t size);
/* True for the CJK ideographs (basic block, extension A, compatibility). */
bool cf_is_cjk(uint32_t cp);
/* True for the characters a terminal draws two columns wide (East Asian wide and full-width). */
bool cf_is_wide(uint32_t cp);

#endif
