/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SHA-256 gives FIPS 180-4's digests, whether the CPU's SHA instructions or the portable code
 * compress, however the bytes are fed: a report's fingerprint must not depend on the machine. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "sha256.h"

static void digest(const void *data, size_t len, bool ni, size_t chunk, char hex[65])
{
    cf_sha256 sha;
    cf_sha256_init(&sha);
    sha.ni = sha.ni && ni; /* the portable code on any machine; the instructions where there are some */
    const unsigned char *p = data;
    for (size_t at = 0; at < len; at += chunk)
        cf_sha256_update(&sha, p + at, len - at < chunk ? len - at : chunk);
    cf_sha256_hex(&sha, hex);
}

Test(sha256, the_standard_vectors_both_ways)
{
    static const struct {
        const char *text, *hex;
    } vectors[] = {
        {"", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
        {"abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
        {"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"},
    };
    for (size_t v = 0; v < sizeof vectors / sizeof *vectors; v++)
        for (int ni = 0; ni < 2; ni++) {
            char hex[65];
            digest(vectors[v].text, strlen(vectors[v].text), ni, 1000, hex);
            cr_expect_str_eq(hex, vectors[v].hex, "'%s' (%s)", vectors[v].text, ni ? "SHA-NI" : "portable");
        }
}

Test(sha256, a_million_as_fed_in_any_pieces)
{
    size_t len = 1000000;
    char *a = malloc(len);
    cr_assert(a);
    memset(a, 'a', len);
    static const size_t chunks[] = {1, 63, 64, 65, 1000, 1000000};
    for (size_t c = 0; c < sizeof chunks / sizeof *chunks; c++)
        for (int ni = 0; ni < 2; ni++) {
            char hex[65];
            digest(a, len, ni, chunks[c], hex);
            cr_expect_str_eq(hex, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0",
                             "pieces of %zu (%s)", chunks[c], ni ? "SHA-NI" : "portable");
        }
    free(a);
}
