/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sha256.c — SHA-256 (FIPS 180-4). */
#include "sha256.h"

#include <stdio.h>
#include <string.h>

/* The SHA instructions where the C library says which the CPU has (glibc 2.33 on); elsewhere the
 * portable code */
#if defined(__x86_64__) && defined(__GNUC__) && defined(__has_include)
#if __has_include(<sys/platform/x86.h>)
#include <immintrin.h>
#include <sys/platform/x86.h>
#define CF_SHA_NI 1
#endif
#endif

static const uint32_t K[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

#define ROTR(x, n) (((x) >> (n)) | ((x) << (32 - (n))))

static void compress(cf_sha256 *ctx, const unsigned char *p)
{
    uint32_t w[64];
    for (int i = 0; i < 16; i++)
        w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 | (uint32_t)p[4 * i + 2] << 8 |
               p[4 * i + 3];
    for (int i = 16; i < 64; i++) {
        uint32_t s0 = ROTR(w[i - 15], 7) ^ ROTR(w[i - 15], 18) ^ (w[i - 15] >> 3);
        uint32_t s1 = ROTR(w[i - 2], 17) ^ ROTR(w[i - 2], 19) ^ (w[i - 2] >> 10);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    uint32_t a = ctx->state[0], b = ctx->state[1], c = ctx->state[2], d = ctx->state[3];
    uint32_t e = ctx->state[4], f = ctx->state[5], g = ctx->state[6], h = ctx->state[7];
    for (int i = 0; i < 64; i++) {
        uint32_t t1 = h + (ROTR(e, 6) ^ ROTR(e, 11) ^ ROTR(e, 25)) + ((e & f) ^ (~e & g)) + K[i] + w[i];
        uint32_t t2 = (ROTR(a, 2) ^ ROTR(a, 13) ^ ROTR(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
        h = g;
        g = f;
        f = e;
        e = d + t1;
        d = c;
        c = b;
        b = a;
        a = t1 + t2;
    }
    ctx->state[0] += a;
    ctx->state[1] += b;
    ctx->state[2] += c;
    ctx->state[3] += d;
    ctx->state[4] += e;
    ctx->state[5] += f;
    ctx->state[6] += g;
    ctx->state[7] += h;
}

#ifdef CF_SHA_NI
/* SHA-NI, SSSE3 and SSE4.1, as the C library read them with CPUID once at start-up: a CPUID at
 * every hash is a trap to the hypervisor in a virtual machine, and three of them cost 8% of
 * check --json's time there, more than the hash. */
static bool cpu_has_sha(void)
{
    return CPU_FEATURE_ACTIVE(SHA) && CPU_FEATURE_ACTIVE(SSSE3) && CPU_FEATURE_ACTIVE(SSE4_1);
}

/* count blocks of 64 bytes with the SHA instructions: four rounds a step, the message schedule
 * four words a step (msg1 and msg2), the state kept as ABEF and CDGH as the instructions want
 * it. A report's fingerprint cost a twentieth of check --json's time in portable C. */
__attribute__((target("sha,ssse3,sse4.1"))) static void compress_ni(uint32_t state[8], const unsigned char *p,
                                                                       size_t count)
{
    const __m128i big_endian = _mm_set_epi64x(0x0c0d0e0f08090a0bLL, 0x0405060700010203LL);
    __m128i tmp = _mm_shuffle_epi32(_mm_loadu_si128((const __m128i *)&state[0]), 0xB1); /* CDAB */
    __m128i s1 = _mm_shuffle_epi32(_mm_loadu_si128((const __m128i *)&state[4]), 0x1B);  /* EFGH */
    __m128i s0 = _mm_alignr_epi8(tmp, s1, 8);                                            /* ABEF */
    s1 = _mm_blend_epi16(s1, tmp, 0xF0);                                                 /* CDGH */
    for (; count > 0; count--, p += 64) {
        __m128i abef = s0, cdgh = s1, w[4];
        for (int i = 0; i < 16; i++) {
            /* w[i & 3] holds W[i-4] on entry: W[i-3], W[i-2], W[i-1] follow round the ring */
            if (i < 4)
                w[i] = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(p + 16 * i)), big_endian);
            else
                w[i & 3] = _mm_sha256msg2_epu32(_mm_add_epi32(_mm_sha256msg1_epu32(w[i & 3], w[(i + 1) & 3]),
                                                              _mm_alignr_epi8(w[(i + 3) & 3], w[(i + 2) & 3], 4)),
                                                w[(i + 3) & 3]);
            __m128i m = _mm_add_epi32(w[i & 3], _mm_loadu_si128((const __m128i *)&K[4 * i]));
            s1 = _mm_sha256rnds2_epu32(s1, s0, m);
            s0 = _mm_sha256rnds2_epu32(s0, s1, _mm_shuffle_epi32(m, 0x0E));
        }
        s0 = _mm_add_epi32(s0, abef);
        s1 = _mm_add_epi32(s1, cdgh);
    }
    tmp = _mm_shuffle_epi32(s0, 0x1B); /* FEBA */
    s1 = _mm_shuffle_epi32(s1, 0xB1);  /* DCHG */
    _mm_storeu_si128((__m128i *)&state[0], _mm_blend_epi16(tmp, s1, 0xF0)); /* DCBA */
    _mm_storeu_si128((__m128i *)&state[4], _mm_alignr_epi8(s1, tmp, 8));    /* HGFE */
}
#endif

/* count blocks of 64 bytes at p into the state. */
static void compress_blocks(cf_sha256 *ctx, const unsigned char *p, size_t count)
{
#ifdef CF_SHA_NI
    if (ctx->ni) {
        compress_ni(ctx->state, p, count);
        return;
    }
#endif
    for (; count > 0; count--, p += 64)
        compress(ctx, p);
}

void cf_sha256_init(cf_sha256 *ctx)
{
    static const uint32_t init[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                     0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    memcpy(ctx->state, init, sizeof init);
    ctx->bytes = 0;
    ctx->used = 0;
#ifdef CF_SHA_NI
    ctx->ni = cpu_has_sha();
#else
    ctx->ni = false;
#endif
}

void cf_sha256_update(cf_sha256 *ctx, const void *data, size_t len)
{
    const unsigned char *p = data;
    ctx->bytes += len;
    if (ctx->used > 0) { /* fill the partial block first */
        size_t take = 64 - ctx->used < len ? 64 - ctx->used : len;
        memcpy(ctx->block + ctx->used, p, take);
        ctx->used += take;
        p += take;
        len -= take;
        if (ctx->used < 64)
            return;
        compress_blocks(ctx, ctx->block, 1);
        ctx->used = 0;
    }
    compress_blocks(ctx, p, len / 64); /* whole blocks straight from the data */
    p += len / 64 * 64;
    len %= 64;
    if (len)
        memcpy(ctx->block, p, len);
    ctx->used = len;
}

void cf_sha256_hex(cf_sha256 *ctx, char hex[65])
{
    uint64_t bits = ctx->bytes * 8;
    unsigned char pad = 0x80;
    cf_sha256_update(ctx, &pad, 1);
    unsigned char zero = 0;
    while (ctx->used != 56)
        cf_sha256_update(ctx, &zero, 1);
    unsigned char len_be[8];
    for (int i = 0; i < 8; i++)
        len_be[i] = (unsigned char)(bits >> (56 - 8 * i));
    cf_sha256_update(ctx, len_be, 8);
    for (int i = 0; i < 8; i++)
        snprintf(hex + 8 * i, 9, "%08x", ctx->state[i]);
}

void cf_sha256_of(const void *data, size_t len, char hex[65])
{
    cf_sha256 sha;
    cf_sha256_init(&sha);
    cf_sha256_update(&sha, data, len);
    cf_sha256_hex(&sha, hex);
}
