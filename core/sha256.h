/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sha256.h — SHA-256 (FIPS 180-4), to fingerprint a report's bytes. */
#ifndef CF_SHA256_H
#define CF_SHA256_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct {
    uint32_t state[8];
    uint64_t bytes;
    unsigned char block[64];
    size_t used;
    bool ni; /* compress with the CPU's SHA instructions (x86-64 SHA-NI), asked once at init */
} cf_sha256;

/* Start a hash; uses the CPU's SHA instructions where it has them (same digest either way). */
void cf_sha256_init(cf_sha256 *ctx);
void cf_sha256_update(cf_sha256 *ctx, const void *data, size_t len);
/* Finish and write 64 lowercase hex digits and a NUL into hex. */
void cf_sha256_hex(cf_sha256 *ctx, char hex[65]);
/* The 64 hex digits (and a NUL) of the SHA-256 of len bytes at data, in one call. */
void cf_sha256_of(const void *data, size_t len, char hex[65]);

#endif
